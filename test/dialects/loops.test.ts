// Round-trip and invalid-input tests for the scf, affine and memref dialects, driven by the
// MLIR-style files in test/dialects/<name>/ (ops.mlir, invalid.mlir).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import test from "node:test";
import assert from "node:assert/strict";
import { DiagnosticError, formatDiagnostic, type Diagnostic } from "../../src/ir/diagnostics.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { createContext } from "../../src/dialects/index.js";
import { mlirOpt, mlirSkip } from "../support/mlir.js";
import { accessParts, constantTripCount, forParts as affineFor, parallelParts as affineParallel } from "../../src/dialects/affine.js";
import { forParts as scfFor, ifBlocks, parallelParts as scfParallel } from "../../src/dialects/scf.js";
import { inferSubviewType, loadStoreParts, mixedList, stridesAndOffset } from "../../src/dialects/memref.js";
import { IntegerAttr } from "../../src/ir/attributes.js";
import type { Operation } from "../../src/ir/core.js";
import { DYN, MemRefType, f32, index } from "../../src/ir/types.js";

// dist/test/dialects -> repo root
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const ctx = createContext();
const DIALECTS = ["memref", "scf", "affine"];
// invalid.mlir: the cases mlir-opt-19 agrees with; invalid-tensorlang-only.mlir: those it does not.
const INVALID_FILES = ["invalid.mlir", "invalid-tensorlang-only.mlir"];
// CI installs mlir-19-tools (and fails without them); elsewhere the interop half of the round trip is skipped.
const withMlir = !mlirSkip();

interface Case { text: string; firstLine: number }
/** Splits a file at `// -----` lines, keeping line numbers (each case is padded to its offset). */
function splitCases(text: string): Case[] {
  const out: Case[] = [];
  let cur: string[] = [], first = 1;
  text.split("\n").forEach((line, i) => {
    if (/^\/\/ -----/.test(line)) { out.push({ text: cur.join("\n"), firstLine: first }); cur = []; first = i + 2; }
    else cur.push(line);
  });
  out.push({ text: cur.join("\n"), firstLine: first });
  return out;
}

function parseAndVerify(text: string, file: string): { diags: Diagnostic[]; printed?: string } {
  try {
    const m = parseModule(text, file, ctx);
    const diags = verifyModule(m, ctx);
    return { diags, printed: diags.length ? undefined : printModule(m, ctx) };
  } catch (e) {
    if (e instanceof DiagnosticError) return { diags: e.diagnostics };
    throw e;
  }
}

/** parse → print → parse is a fixed point, the generic form parses back, mlir-opt-19 agrees. */
function checkRoundTrip(text: string, file: string): void {
  const first = parseAndVerify(text, file);
  assert.deepEqual(first.diags.map(formatDiagnostic), [], "input parses and verifies");
  const p1 = first.printed!;
  const second = parseAndVerify(p1, file + ".printed");
  assert.deepEqual(second.diags.map(formatDiagnostic), [], "printed form parses and verifies");
  assert.equal(second.printed, p1, "printing is a fixed point");
  const g = printModule(parseModule(p1, file, ctx), ctx, { generic: true });
  const third = parseAndVerify(g, file + ".generic");
  assert.deepEqual(third.diags.map(formatDiagnostic), [], "generic form parses and verifies");
  assert.equal(third.printed, p1, "generic form parses back to the same IR");
  if (withMlir) { mlirOptChecked(g); mlirOptRoundTrip(p1, file); }
}

function mlirOptChecked(text: string, ...flags: string[]): string {
  const r = mlirOpt(["--split-input-file", "--verify-each", ...flags, "-"], text);
  assert.equal(r.code, 0, `mlir-opt-19 rejected our output:\n${r.stderr}`);
  return r.stdout;
}

/** What mlir-opt-19 prints of our output (custom and generic) parses back to the same IR. */
function mlirOptRoundTrip(printed: string, file: string): void {
  // MLIR's generic form spells out arith's default flags; those belong to the arith dialect.
  const norm = (s: string) => s.replace(/ (fastmath|overflow)<none>/g, "");
  for (const flags of [[], ["--mlir-print-op-generic"]]) {
    const back = parseAndVerify(mlirOptChecked(printed, ...flags), file + ".mlir-opt");
    assert.deepEqual(back.diags.map(formatDiagnostic), [], "TensorLang parses what mlir-opt-19 prints");
    assert.equal(norm(back.printed!), norm(printed), `mlir-opt-19 ${flags.join(" ")} output reparses to the same IR`);
  }
}

/** `// expected-error @+1 {{msg}}` (or `@-N`, or none = same line) annotations of a case. */
function expectations(c: Case): { line: number; msg: string }[] {
  const out: { line: number; msg: string }[] = [];
  c.text.split("\n").forEach((l, i) => {
    const m = /\/\/ expected-error(?: @([+-]\d+))?\s*\{\{(.*)\}\}/.exec(l);
    if (m) out.push({ line: c.firstLine + i + Number(m[1] ?? 0), msg: m[2] });
  });
  return out;
}

for (const d of DIALECTS) {
  const dir = join(root, "test", "dialects", d);
  test(`${d}: ops.mlir round trip (custom, generic, fixed point)`, () => {
    const file = join(dir, "ops.mlir");
    for (const c of splitCases(readFileSync(file, "utf8"))) checkRoundTrip("\n".repeat(c.firstLine - 1) + c.text, file);
  });

  for (const name of INVALID_FILES) test(`${d}: ${name} reports each expected error at its location`, () => {
    const file = join(dir, name);
    const cases = splitCases(readFileSync(file, "utf8"));
    for (const c of cases) {
      const want = expectations(c);
      assert.ok(want.length > 0, `case at line ${c.firstLine} has an expected-error`);
      const got = parseAndVerify("\n".repeat(c.firstLine - 1) + c.text, file).diags;
      for (const w of want) {
        const hit = got.find((g) => g.loc?.line === w.line && g.message.includes(w.msg));
        assert.ok(hit, `line ${w.line}: expected error {{${w.msg}}}, got:\n${got.map(formatDiagnostic).join("\n")}`);
      }
      const unexpected = got.filter((g) => !want.some((w) => g.loc?.line === w.line && g.message.includes(w.msg)));
      assert.deepEqual(unexpected.map(formatDiagnostic), [], `case at line ${c.firstLine}: unexpected diagnostics`);
    }
  });
}

// ---- helpers the interpreter, backends and loop transforms call --------------------------------
/** Parses `body` as a function body with the given arguments; returns its ops by name in order. */
function opsOf(args: string, body: string): Operation[] {
  const m = parseModule(`func.func @f(${args}) {\n${body}\n  return\n}`, "helpers.mlir", ctx);
  assert.deepEqual(verifyModule(m, ctx).map(formatDiagnostic), []);
  const out: Operation[] = [];
  m.walk((o) => { out.push(o); });
  return out;
}
const named = (ops: Operation[], name: string) => ops.filter((o) => o.name === name);
/** Values compared by identity (deepEqual would walk their use lists). */
function sameValues(got: readonly unknown[], want: readonly unknown[]): void {
  assert.equal(got.length, want.length);
  got.forEach((v, i) => assert.ok(v === want[i], `element ${i} differs`));
}

test("affine: constantTripCount", () => {
  const fors = named(opsOf("%n: index, %m: index", `
    affine.for %i = 0 to 10 step 3 {}
    affine.for %i = -4 to 10 step 3 {}
    affine.for %i = 10 to 0 {}
    affine.for %i = %n to affine_map<()[s0] -> (s0 + 4)>()[%n] {}
    affine.for %i = %n to %m {}
    affine.for %i = affine_map<(d0) -> (d0 floordiv 2)>(%n) to affine_map<(d0) -> (d0 floordiv 2 + 3)>(%n) {}
    affine.for %i = 0 to min affine_map<() -> (4, 8)>() {}`), "affine.for");
  assert.deepEqual(fors.map(constantTripCount), [4, 5, 0, 4, undefined, undefined, undefined]);
});

test("affine: bounds, accesses and parallel parts", () => {
  const ops = opsOf("%A: memref<10x20xf32>, %n: index, %m: index", `
    affine.for %i = max affine_map<(d0)[s0] -> (d0, s0)>(%n)[%m] to %m step 2 {
      %v = affine.load %A[%i + 1, symbol(%n) * 2] : memref<10x20xf32>
      affine.store %v, %A[%i, %i] : memref<10x20xf32>
    }
    %r:2 = affine.parallel (%i, %j) = (0, max(%n, 1)) to (10, 20) step (1, 4) reduce ("maximumf", "mulf") -> (f32, f32) {
      %v = affine.load %A[%i, %j] : memref<10x20xf32>
      affine.yield %v, %v : f32, f32
    }`);
  const args = named(ops, "func.func")[0].body().args;
  const f = affineFor(named(ops, "affine.for")[0]);
  assert.equal(f.lower.map.str, "(d0)[s0] -> (d0, s0)");
  sameValues(f.lower.operands, [args[1], args[2]]);
  assert.equal(f.upper.map.str, "()[s0] -> (s0)");
  sameValues(f.upper.operands, [args[2]]);
  assert.equal(f.step, 2);
  assert.equal(f.iv.type, index);
  const [load, store] = [named(ops, "affine.load")[0], named(ops, "affine.store")[0]];
  const l = accessParts(load);
  assert.equal(l.map.str, "(d0)[s0] -> (d0 + 1, s0 * 2)");
  sameValues(l.indices, [f.iv, args[1]]);
  assert.equal(l.memref, args[0]);
  const s = accessParts(store);
  assert.equal(s.value, load.result);
  assert.equal(s.map.str, "(d0) -> (d0, d0)");
  sameValues(s.indices, [f.iv]);
  const p = affineParallel(named(ops, "affine.parallel")[0]);
  assert.deepEqual(p.reductions, ["maximumf", "mulf"]);
  assert.deepEqual(p.steps, [1, 4]);
  assert.deepEqual(p.lowerGroups, [1, 2]);
  assert.equal(p.lower.map.str, "(d0) -> (0, d0, 1)");
  sameValues(p.lower.operands, [args[1]]);
  assert.deepEqual(p.upperGroups, [1, 1]);
  assert.equal(p.ivs.length, 2);
});

test("affine: apply/min/max fold constants", () => {
  const ops = opsOf("%n: index", `
    %a = affine.apply affine_map<(d0)[s0] -> (d0 * 3 + s0)>(%n)[%n]
    %b = affine.min affine_map<(d0) -> (d0, 7)>(%n)
    %c = affine.apply affine_map<(d0) -> (d0)>(%n)`);
  const fold = (o: Operation, cs: (IntegerAttr | undefined)[]) => ctx.spec(o.name)!.fold!(o, cs);
  const [a, b, c] = [named(ops, "affine.apply")[0], named(ops, "affine.min")[0], named(ops, "affine.apply")[1]];
  assert.equal((fold(a, [new IntegerAttr(2, index), new IntegerAttr(5, index)])![0] as IntegerAttr).num, 11);
  assert.equal(fold(a, [undefined, new IntegerAttr(5, index)]), undefined);
  assert.equal((fold(b, [new IntegerAttr(9, index)])![0] as IntegerAttr).num, 7);
  sameValues(fold(c, [undefined])!, [c.operand(0)]);
});

test("scf: loop, branch and parallel parts", () => {
  const ops = opsOf("%n: index, %x: f32, %c: i1", `
    %c0 = arith.constant 0 : index
    %r = scf.for %i = %c0 to %n step %n iter_args(%a = %x) -> (f32) {
      scf.yield %a : f32
    }
    scf.if %c {
    }
    scf.parallel (%i, %j) = (%c0, %c0) to (%n, %n) step (%n, %n) {
    }`);
  const f = scfFor(named(ops, "scf.for")[0]);
  assert.equal(f.inits.length, 1);
  assert.equal(f.iterArgs[0].type, f32);
  assert.equal(f.iv.type, index);
  assert.equal(ifBlocks(named(ops, "scf.if")[0]).else, undefined);
  const p = scfParallel(named(ops, "scf.parallel")[0]);
  assert.equal(p.ivs.length, 2);
  assert.equal(p.lbs.length, 2);
  assert.equal(p.body.terminator?.name, "scf.reduce");
});

// The round trip of ops.mlir is a fixed point either way: here the text must come back as written.
test("memref: static strides and offsets of -1 print as written (as mlir-opt-19 prints them), not as `?`", () => {
  assert.equal(DYN, -(2 ** 63), "the dynamic marker is MLIR's kDynamic, INT64_MIN");
  const printed = parseAndVerify(`func.func @f(%A: memref<8xf32>, %r: memref<4xf32, strided<[-1], offset: -1>>, %n: index) {
  %0 = memref.subview %A[7] [8] [-1] : memref<8xf32> to memref<8xf32, strided<[-1], offset: 7>>
  %1 = memref.subview %A[%n] [4] [-1] : memref<8xf32> to memref<4xf32, strided<[-1], offset: ?>>
  %2 = memref.reinterpret_cast %A to offset: [7], sizes: [4], strides: [-2] : memref<8xf32> to memref<4xf32, strided<[-2], offset: 7>>
  return
}`, "negative.mlir").printed!;
  for (const want of ["%arg1: memref<4xf32, strided<[-1], offset: -1>>", "%subview = memref.subview %arg0[7] [8] [-1] : memref<8xf32> to memref<8xf32, strided<[-1], offset: 7>>",
    "memref.subview %arg0[%arg2] [4] [-1] : memref<8xf32> to memref<4xf32, strided<[-1], offset: ?>>",
    "memref.reinterpret_cast %arg0 to offset: [7], sizes: [4], strides: [-2] : memref<8xf32> to memref<4xf32, strided<[-2], offset: 7>>"]) {
    assert.ok(printed.includes(want), `${want}\nin\n${printed}`);
  }
  const generic = printModule(parseModule(printed, "negative.mlir", ctx), ctx, { generic: true });
  assert.match(generic, /static_offsets = array<i64: -9223372036854775808>, static_sizes = array<i64: 4>, static_strides = array<i64: -1>/);
});

test("memref: strides, subview types and mixed lists", () => {
  assert.deepEqual(stridesAndOffset(MemRefType.get([4, DYN, 5], f32)), { strides: [DYN, 5, 1], offset: 0 });
  assert.deepEqual(stridesAndOffset(MemRefType.get([DYN, 4, 5], f32)), { strides: [20, 5, 1], offset: 0 });
  const src = MemRefType.get([10, 20], f32);
  assert.equal(inferSubviewType(src, [2, 3], [4, 5], [1, 1]).str, "memref<4x5xf32, strided<[20, 1], offset: 43>>");
  assert.equal(inferSubviewType(src, [DYN, 0], [DYN, 5], [1, 2]).str, "memref<?x5xf32, strided<[20, 2], offset: ?>>");
  assert.equal(inferSubviewType(src, [9, 19], [10, 20], [-1, -1]).str, "memref<10x20xf32, strided<[-20, -1], offset: 199>>");
  assert.equal(inferSubviewType(src, [DYN, 4], [5, 4], [-1, 1]).str, "memref<5x4xf32, strided<[-20, 1], offset: ?>>");
  const ops = opsOf("%A: memref<10x20xf32>, %n: index", `
    %s = memref.subview %A[%n, 3] [4, %n] [1, 1] : memref<10x20xf32> to memref<4x?xf32, strided<[20, 1], offset: ?>>
    %v = memref.load %A[%n, %n] : memref<10x20xf32>
    memref.store %v, %A[%n, %n] : memref<10x20xf32>`);
  const n = named(ops, "func.func")[0].body().args[1];
  const sv = named(ops, "memref.subview")[0];
  sameValues(mixedList(sv, "offsets"), [n, 3]);
  sameValues(mixedList(sv, "sizes"), [4, n]);
  assert.deepEqual(mixedList(sv, "strides"), [1, 1]);
  const st = loadStoreParts(named(ops, "memref.store")[0]);
  assert.equal(st.value, named(ops, "memref.load")[0].result);
  sameValues(st.indices, [n, n]);
});

// ---- bad input: diagnostics only, never exceptions or "verifier failed" ---------------------------

/** Parse, verify, print; fails on anything but diagnostics, or a verifier of ours that threw. */
function survive(text: string): void {
  try {
    const m = parseModule(text, "fuzz.mlir", ctx);
    const ds = verifyModule(m, ctx);
    const threw = ds.filter((d) => d.message.includes("verifier failed") && /'(scf|affine|memref)\./.test(d.message));
    assert.deepEqual(threw.map(formatDiagnostic), [], `a verifier threw on:\n${text}`);
    if (!ds.length) { printModule(m, ctx); printModule(m, ctx, { generic: true }); }
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw new Error(`non-diagnostic failure on input:\n${text}\n${(e as Error).stack}`);
  }
}

for (const d of DIALECTS) {
  test(`${d}: truncated and mutated inputs give diagnostics`, () => {
    let seed = 12345;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const text = readFileSync(join(root, "test", "dialects", d, "ops.mlir"), "utf8");
    for (let i = 0; i < text.length; i += 19) survive(text.slice(0, i));
    // Mutations of the generic form hit the verifiers with shapes the custom syntax cannot write.
    for (const part of splitCases(text)) {
      const lines = printModule(parseModule(part.text, "fuzz.mlir", ctx), ctx, { generic: true }).split("\n");
      for (let i = 0; i < 120; i++) {
        const ls = [...lines], k = rnd(ls.length);
        switch (rnd(5)) {
          case 0: ls.splice(k, 1); break;
          case 1: ls[k] = ls[k].replace(/<\{.*\}>/, ""); break;
          case 2: ls[k] = ls[k].replace(/array<i32: [0-9, ]*>/, "array<i32: 1, 0, 2>"); break;
          case 3: ls[k] = ls[k].replace(/affine_map<[^>]*>/, "affine_map<() -> ()>"); break;
          default: ls[k] = ls[k].replace(/\(%[a-z0-9]+(, )?/, "(");
        }
        survive(ls.join("\n"));
      }
    }
  });
}

test("affine: the module is an affine scope (its values are symbols in an unregistered op's region); a dim from outside any scope is not", () => {
  const check = (text: string) => {
    const c = createContext();
    c.allowUnregistered = true;
    return verifyModule(parseModule(text, "scope.mlir", c), c).map((d) => d.message);
  };
  const load = `"test.func"() ({
  ^bb0(%A: memref<?xf32>, %arg: index):
    %v = affine.load %A[IDX] : memref<?xf32>
    "test.end"() : () -> ()
  }) : () -> ()`;
  assert.deepEqual(check(`%idx = "test.foo"() : () -> index\n${load.replace("IDX", "%idx")}`), []);
  assert.deepEqual(check(load.replace("IDX", "%arg")), ["'affine.load' op index must be a valid dimension or symbol identifier"]);
});

test("memref.alloca needs an enclosing allocation scope (a function), as MLIR's AutomaticAllocationScope", () => {
  const c = createContext();
  c.allowUnregistered = true;
  const errs = (body: string) => verifyModule(parseModule(body, "a.mlir", c), c).map((d) => d.message);
  assert.deepEqual(errs('"test.op"() ({\n  %0 = memref.alloca() : memref<1xf32>\n  "test.term"() : () -> ()\n}) : () -> ()'),
    ["'memref.alloca' op requires an ancestor op with AutomaticAllocationScope trait"]);
  assert.deepEqual(errs('func.func @f() {\n  "test.op"() ({\n    %0 = memref.alloca() : memref<1xf32>\n    "test.term"() : () -> ()\n  }) : () -> ()\n  return\n}'), []);
});

test("scf: a region's op that is no scf.yield is reported at the op after its regions (SingleBlockImplicitTerminator), with MLIR's note", () => {
  const c = createContext();
  c.allowUnregistered = true;
  const diags = (body: string) => verifyModule(parseModule(`func.func @f(%c: i1, %a: index, %x: f32) {\n${body}\n  return\n}`, "t.mlir", c), c)
    .map((d) => [d.message, ...(d.notes ?? []).map((n) => n.message)]);
  const implied = "in custom textual format, the absence of terminator implies 'scf.yield'";
  assert.deepEqual(diags(`"scf.if"(%c) ({\n  "test.op"() : () -> ()\n}, {}) : (i1) -> ()`),
    [["'scf.if' op expects regions to end with 'scf.yield', found 'test.op'", implied]]);
  // (before the control flow edges, which the if's then-region would fail)
  assert.deepEqual(diags(`%r = "scf.if"(%c) ({\n  scf.yield %c : i1\n}, {\n  "test.op"() : () -> ()\n}) : (i1) -> f32`),
    [["'scf.if' op expects regions to end with 'scf.yield', found 'test.op'", implied]]);
  assert.deepEqual(diags(`%r = "scf.for"(%a, %a, %a, %x) ({\n^bb0(%i: i32, %y: f32):\n  "test.op"() : () -> ()\n}) : (index, index, index, f32) -> f32`),
    [["'scf.for' op expects regions to end with 'scf.yield', found 'test.op'", implied]]);
  assert.deepEqual(diags(`%r = scf.parallel (%i) = (%a) to (%a) step (%a) init (%x) -> f32 {\n  scf.reduce(%x : f32) {\n  ^bb0(%l: f32, %m: f32):\n    "test.op"() : () -> ()\n  }\n}`),
    [["'scf.reduce' op reduction bodies must be terminated with an 'scf.reduce.return' op"]]);
  assert.deepEqual(diags(`scf.while : () -> () {\n  "test.term"() : () -> ()\n} do {\n  scf.yield\n}`),
    [["'scf.while' op expects the 'before' region to terminate with 'scf.condition'", "terminator here"]]);
});
