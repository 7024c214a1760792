// Random tensorlang-dialect programs (test/passes/gen/tensorlang-program.ts), each checked for:
// parsing, verifying, linearity and a printing fixed point; the same prints from the reference
// interpreter on tensors, the interpreter after lowering (and canonicalizing), and the wasm
// engine; the same numbers from mlir-cpu-runner-19 after our --convert-tensorlang-to-linalg and
// MLIR's own bufferization and lowering; with one wrong `?` size, the same prints and then a stop
// everywhere; and exactly one linearity diagnostic, at the definition, when a use of a linear
// value is dropped or duplicated.
// TL_FUZZ_RUNS sets the number of programs per property (a bug hunt runs thousands), TL_FUZZ_SEED
// the first seed; TL_FUZZ_SHOW=<seed> prints one program instead.
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDiagnostic, DiagnosticSink } from "../../src/ir/diagnostics.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { convertTensorlangToLinalg } from "../../src/passes/convert-tensorlang-to-linalg.js";
import { printViaRunnerUtils } from "../../src/passes/lowering-print.js";
import { runPasses } from "../../src/passes/pass.js";
import { defaultPipeline, resolvePipeline } from "../../src/passes/pipeline.js";
import { LINEARITY_MESSAGE, verifyLinearity } from "../../src/passes/verify-linearity.js";
import { Rng } from "../../src/optimizer/random.js";
import { mlirOpt, mlirRun, tensorlangShim } from "../support/mlir.js";
import { TensorlangProgram, isFloat, typeOf, type Line, type Val } from "./gen/tensorlang-program.js";
import { ctx, dataOf, mlirSkip, ours } from "./lowering-support.js";
import { Engine, type EngineKind } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";

const RUNS = Number(process.env.TL_FUZZ_RUNS ?? 40);
const SEED = Number(process.env.TL_FUZZ_SEED ?? 1);
const seeds = (n = RUNS) => Array.from({ length: n }, (_, i) => SEED + i);

/** Diagnostics of verifying and of --verify-linearity. */
function check(text: string): string[] {
  const m = parseModule(text, "random.mlir", ctx);
  const ds = verifyModule(m, ctx);
  if (ds.length) return ds.map(formatDiagnostic);
  const sink = new DiagnosticSink();
  verifyLinearity.run(m, ctx, sink);
  return sink.diagnostics.map(formatDiagnostic);
}

/**
 * Equal up to float rounding: MLIR's libm may round exp, tanh and log differently from ours
 * (JavaScript's Math; our engines agree bit for bit). NaN's sign is not compared (printf prints it).
 */
export function sameNumbers(got: string, want: string): boolean {
  const tok = (s: string) => s.replace(/-nan/g, "nan").split(/([-+\w.]+)/);
  const [a, b] = [tok(got), tok(want)];
  return a.length === b.length && a.every((x, i) => {
    if (x === b[i]) return true;
    const [p, q] = [Number(x), Number(b[i])];
    return Number.isFinite(p) && Number.isFinite(q) && Math.abs(p - q) <= 1e-5 * Math.max(1, Math.abs(p), Math.abs(q));
  });
}

if (process.env.TL_FUZZ_SHOW) {
  const text = new TensorlangProgram(Number(process.env.TL_FUZZ_SHOW)).text();
  process.stdout.write(`${text}\n${ours(text, "interp", false)}\n`);
}

test(`random tensorlang programs parse, verify, are linear and print to a fixed point (${RUNS} programs)`, () => {
  for (const seed of seeds()) {
    const text = new TensorlangProgram(seed).text();
    assert.deepEqual(check(text), [], `seed ${seed}:\n${text}`);
    const once = printModule(parseModule(text, "random.mlir", ctx), ctx);
    assert.equal(printModule(parseModule(once, "printed.mlir", ctx), ctx), once, `seed ${seed}`);
  }
});

/** The program at loop level (tensorlang-run's pipeline), canonicalized after each pass, printed. */
export function canonicalLoops(text: string): string {
  const m = parseModule(text, "random.mlir", ctx);
  runPasses(m, ctx, resolvePipeline(defaultPipeline.flatMap((p) => [p, "canonicalize"])));
  return printModule(m, ctx);
}

// (wasm compiles each program: about 0.1 s)
test(`random tensorlang programs: interpreter (tensors, lowered) and wasm print the same (${Math.ceil(RUNS / 4)} programs)`, () => {
  for (const seed of seeds(Math.ceil(RUNS / 4))) {
    const text = new TensorlangProgram(seed).text();
    const want = ours(text, "interp", false);
    assert.equal(ours(text, "interp"), want, `lowered interpreter, seed ${seed}:\n${text}`);
    assert.equal(ours(text, "wasm"), want, `wasm, seed ${seed}:\n${text}`);
    assert.equal(ours(canonicalLoops(text), "interp", false), want, `lowered and canonicalized, seed ${seed}:\n${text}`);
  }
});

/** The program converted to linalg, generalized and fused by --linalg-fuse-elementwise-ops (MLIR's rule: any producer of one use). */
function fusedByMlirRule(text: string): { text: string; generics: [number, number] } {
  const m = parseModule(text, "random.mlir", ctx), count = () => { let n = 0; m.walk((op) => { n += Number(op.name === "linalg.generic"); }); return n; };
  runPasses(m, ctx, resolvePipeline(["convert-tensorlang-to-linalg", "linalg-generalize-named-ops"]));
  const before = count();
  runPasses(m, ctx, resolvePipeline(["linalg-fuse-elementwise-ops"]));
  return { text: printModule(m, ctx), generics: [before, count()] };
}

test(`random tensorlang programs: --linalg-fuse-elementwise-ops keeps what they print (${Math.ceil(RUNS / 2)} programs)`, () => {
  let fused = 0;
  for (const seed of seeds(Math.ceil(RUNS / 2))) {
    const text = new TensorlangProgram(seed, seed % 2 === 0).text(), f = fusedByMlirRule(text);
    const want = outcome(text, "interp", false);
    assert.equal(outcome(f.text, "interp", false), want, `fused, seed ${seed}:\n${text}\n--- fused ---\n${f.text}`);
    assert.equal(outcome(f.text, "wasm"), want, `fused, on wasm, seed ${seed}:\n${text}\n--- fused ---\n${f.text}`);
    if (f.generics[1] < f.generics[0]) fused++;
  }
  assert.ok(fused >= RUNS / 8, `enough programs fuse (${fused})`);
});

/** What `engine` prints (`lower` false: the interpreter on tensors), and whether it stopped with a runtime error (exit code 4). */
export function outcome(text: string, engine: EngineKind, lower = true): string {
  const host = createCapturingContext();
  try { new Engine({ engine, ctx: host, lower, checkBounds: true }).load(text, "input.mlir").runMain("main", "void"); } catch (e) {
    return `${host.output()}<stopped${(e as { exitCode?: number }).exitCode === 4 ? "" : `: ${(e as Error).message}`}>`;
  }
  return host.output();
}

test(`random tensorlang programs with a wrong open size: every engine prints the same, then stops (${Math.ceil(RUNS / 4)} programs)`, () => {
  let stopped = 0;
  for (const seed of seeds(Math.ceil(RUNS / 4))) {
    const text = new TensorlangProgram(seed, true).text();
    assert.deepEqual(check(text), [], `seed ${seed}:\n${text}`);
    const want = outcome(text, "interp", false);
    assert.equal(outcome(text, "interp"), want, `lowered interpreter, seed ${seed}:\n${text}`);
    assert.equal(outcome(text, "wasm"), want, `wasm, seed ${seed}:\n${text}`);
    assert.equal(outcome(canonicalLoops(text), "interp", false), want, `lowered and canonicalized, seed ${seed}:\n${text}`);
    if (want.endsWith("<stopped>")) stopped++;
  }
  assert.ok(stopped >= RUNS / 16, `enough programs stop (${stopped})`);
});

/**
 * MLIR 19's one-shot bufferization crashes (in memref::ExpandShapeOp::build, which infers the
 * output shape it was given) on a tensor.expand_shape whose result has two dynamic sizes, e.g.
 * `tensor.expand_shape %t [[0, 1]] output_shape [%a, %b] : tensor<?xf32> into tensor<?x?xf32>`;
 * our reshape lowering emits one for `!tensorlang.tensor<f32, 5, "m"> -> !tensorlang.tensor<f32, ?, "m">`.
 */
const mlirCrashes = (tensorLevel: string) => /tensor\.expand_shape .* into tensor<(\d+x)*\?x(\d+x)*\?x/.test(tensorLevel);

/**
 * What mlir-cpu-runner-19 prints after our conversion, MLIR's one-shot bufferization and
 * lowering, with `<stopped>` as outcome() writes it where a size check stopped it (exit code 4);
 * undefined where MLIR crashes or fails (its bugs, below).
 */
export function theirs(text: string): string | undefined {
  const m = parseModule(text, "random.mlir", ctx);
  runPasses(m, ctx, [convertTensorlangToLinalg]);
  printViaRunnerUtils(m);
  // The print functions only read their argument: tell MLIR's analysis, or it copies around them.
  const tensorLevel = printModule(m, ctx).replace(/(@printMemref\w+\(tensor<\*x\w+>)\)/g, '$1 {bufferization.access = "read"})');
  if (mlirCrashes(tensorLevel)) return undefined;
  const b = mlirOpt(["--verify-each", "--one-shot-bufferize=bufferize-function-boundaries allow-return-allocs-from-loops"], tensorLevel);
  assert.equal(b.code, 0, `${b.stderr}\n--- input ---\n${tensorLevel}`);
  let r;
  try { r = mlirRun(b.stdout, { libs: [tensorlangShim()!] }); } catch (e) {
    // MLIR 19's folds take a memref.cast's source into a linalg op, a copy or another cast even
    // where its static size contradicts the other's (a wrong size behind the check that stops the
    // run), and the op no longer verifies (canonicalize.test.ts has the cases; ours keeps the casts).
    const folded = /failed to lower the program:\n.*('linalg\.\w+' op inferred input\/output operand|'memref\.cast' op .* are cast incompatible|'memref\.copy' op requires the same shape)/;
    if (folded.test((e as Error).message)) return undefined;
    throw e;
  }
  assert.ok(r.code === 0 || (r.code === 4 && /tensor sizes disagree/.test(r.stderr)), r.stderr);
  return r.code ? `${r.stdout}<stopped>` : r.stdout;
}

test(`random tensorlang programs: mlir-cpu-runner-19 prints the same numbers, and stops where we do (${Math.ceil(RUNS / 4)} programs)`, { skip: mlirSkip() }, () => {
  let compared = 0;
  for (const seed of seeds(Math.ceil(RUNS / 4))) {
    const text = new TensorlangProgram(seed, seed % 2 === 0).text();
    const out = theirs(text);
    if (out === undefined) continue;
    const [got, want] = [dataOf(out), dataOf(outcome(text, "interp", false))];
    const why = `seed ${seed}:\n${text}\nours:\n${want}\nmlir-cpu-runner-19:\n${got}`;
    if (/tensorlang\.(exp|tanh|log|sigmoid|softmax) /.test(text)) assert.ok(sameNumbers(got, want), why);
    else assert.equal(got.replace(/-nan/g, "nan"), want.replace(/-nan/g, "nan"), why); // no libm call: IEEE operations agree exactly
    compared++;
  }
  assert.ok(compared >= RUNS / 8, `most programs compared (${compared})`);
});

/** 1-based line of `line` (or of function header `fn` when the value is an argument) in the program's text. */
function lineOf(p: TensorlangProgram, v: Val): number {
  let n = 1;
  for (const f of p.fns) {
    if (!v.def && f === v.fn) return n;
    for (const l of f.body) { n++; if (l === v.def) return n; }
    n += 2;
  }
  throw new Error(`no line for ${v.name}`);
}

/** Drops (replaces by a new constant, or deletes the print) or duplicates (prints it first) the use of `v`. */
function mutate(v: Val, dup: boolean, fresh: string): void {
  const body = v.fn.body;
  const use = v.use!; // (before it: where `v` dominates, also when `v` is a loop's result or used in its body)
  if (dup) { body.splice(body.indexOf(use), 0, { text: `tensorlang.print ${v.name} : ${typeOf(v)}` }); return; }
  if (use.text.startsWith("tensorlang.print ")) { body.splice(body.indexOf(use), 1); return; }
  const lit = `dense<${isFloat(v.elem) ? "1.0" : "1"}> : tensor<${v.shape.map((s) => `${s}x`).join("")}${v.elem}>`;
  body.splice(body.indexOf(use), 0, { text: `${fresh} = tensorlang.constant ${lit} : ${typeOf(v)}` } as Line);
  use.text = use.text.replace(new RegExp(`${v.name}(?![\\w#])`), fresh);
}

/** Drops, then duplicates, a random linear value's use in program `seed`: one diagnostic, at its definition. */
export function mutationCase(seed: number): void {
  const r = new Rng(seed * 7919);
  for (const dup of [false, true]) {
    const p = new TensorlangProgram(seed);
    const linear = p.vals.filter((x) => x.linear);
    if (!linear.length) return;
    const v = r.pick(linear);
    mutate(v, dup, "%dropped");
    const text = p.text(), line = lineOf(p, v);
    // An op is located at its name, an argument at itself.
    const col = v.def ? v.def.text.indexOf("= ") + 5 : v.fn.header.indexOf(`${v.name}:`) + 1;
    assert.deepEqual(check(text).map((d) => d.split("\n")[0]), [`random.mlir:${line}:${col}: error: ${LINEARITY_MESSAGE}`],
      `seed ${seed}, ${dup ? "duplicated" : "dropped"} ${v.name}:\n${text}`);
  }
}

test(`dropping or duplicating a use of a linear value is reported once, at its definition (${RUNS} programs)`, () => {
  for (const seed of seeds()) mutationCase(seed);
});
