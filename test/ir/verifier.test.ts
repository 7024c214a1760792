import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { formatDiagnostic } from "../../src/ir/diagnostics.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { DominatorTree, verifyModule } from "../../src/ir/verifier.js";
import { Rng } from "../../src/optimizer/random.js";

const ctx = createContext();
const errors = (text: string) => verifyModule(parseModule(text, "v.mlir", ctx), ctx).map(formatDiagnostic);

test("well-formed module verifies", () => {
  assert.deepEqual(errors(`func.func @g(%a: f32) -> f32 { return %a : f32 }
    func.func @f(%a: f32) -> f32 { %0 = call @g(%a) : (f32) -> f32
    return %0 : f32 }`), []);
});

test("verifier rules report at the op with file:line:col, source line and caret", () => {
  const cases: [string, RegExp][] = [
    ["func.func @f() -> i32 {\n  %c = arith.constant 1.0 : f32\n  return %c : f32\n}", /v.mlir:3:3: error: type of return operand 0 \('f32'\) doesn't match function result type \('i32'\) in function @f/],
    ["func.func @f() {\n  %c = call @nope() : () -> i32\n  return\n}", /v.mlir:2:8: error: 'func.call' op 'nope' does not reference a valid function/],
    ["func.func private @g(i32)\nfunc.func @f() {\n  call @g() : () -> ()\n  return\n}", /'func.call' op incorrect number of operands for callee/], // (private: MLIR stops at a public declaration, before the calls)
    ["func.func @f() {\n  return\n}\nfunc.func @f() {\n  return\n}", /v.mlir:4:1: error: redefinition of symbol named 'f'/],
    ["func.func @f() {\n  \"func.return\"() : () -> ()\n  %c = arith.constant 1 : i32\n  return\n}", /v.mlir:2:3: error: 'func.return' op must be the last operation in the parent block/],
    ["func.func @f() {\n  %c = arith.constant 1 : i32\n}", /block with no terminator/],
    ["func.func @f(%a: i32, %b: f32) {\n  %0 = \"arith.addi\"(%a, %b) : (i32, f32) -> i32\n  return\n}", /'arith.addi' op operand #1 must be signless-integer-like, but got 'f32'/], // (types before traits, as ODS)
    ["func.func @f(%a: i32, %b: i64) {\n  %0 = \"arith.addi\"(%a, %b) : (i32, i64) -> i32\n  return\n}", /requires the same type for all operands and results/],
    ["func.func @f(%a: f32) {\n  %0 = arith.addi %a, %a : f32\n  return\n}", /'arith.addi' op operand #0 must be signless-integer-like, but got 'f32'/],
    ["func.func @f(%a: i32) {\n  %0 = arith.index_cast %a : i32 to f32\n  return\n}", /'arith.index_cast' op result #0 must be signless-integer-like or memref of signless-integer, but got 'f32'/],
    ["func.func @f(%a: i32) {\n  %0 = arith.index_cast %a : i32 to i64\n  return\n}", /are cast incompatible/],
    ["func.func @f() {\n  %0 = \"arith.constant\"() <{value = 1 : i32}> : () -> i64\n  return\n}", /'arith.constant' op failed to verify that all of \{value, result\} have same type/],
    ["func.func @f() {\n  \"x.y\"() : () -> ()\n  return\n}", /v.mlir:2:3: error: operation being parsed with an unregistered dialect. If this is intended, please use -allow-unregistered-dialect with the MLIR tool used$/m],
    ["func.func @f(%a: f32) {\n  %b = \"arith.mulff\"(%a, %a) : (f32, f32) -> f32\n  return\n}", /unregistered operation 'arith.mulff' found in dialect \('arith'\) that does not allow unknown operations \(did you mean 'arith.mulf'\?\)/],
    ["func.func private @f() {\n  %0 = \"arith.addi\"(%1, %1) : (i32, i32) -> i32\n  %1 = arith.constant 1 : i32\n  return\n}", /operand #0 does not dominate this use/],
    ["func.func @f(i32)", /symbol declaration cannot have public visibility/],
    ["llvm.func @f(%a: i32) {\n}", /v.mlir:1:1: error: empty block: expect at least a terminator/],
    ["func.func private @f(i1 {non_dialect = 10})", /v.mlir:1:1: error: 'func.func' op arguments may only have dialect attributes/],
    ["func.func private @f(i1 {a.b = 10}) -> (i1 {other = 1})", /'func.func' op results may only have dialect attributes/],
    ["llvm.func @f(i1 {non_dialect = 10})", /'llvm.func' op arguments may only have dialect attributes/],
  ];
  for (const [text, re] of cases) {
    const es = errors(text);
    assert.ok(es.some((e) => re.test(e)), `${text}\n=> ${es.join("\n")}`);
    assert.ok(es.every((e) => e.includes("\n") && e.includes("^")), "source line and caret");
  }
});

test("a symbol user's references are checked after the module's ops, as mlir-opt-19's first error shows; func.constant's with the op", () => {
  // (mlir-opt-19 reports the addf for the first two, the func.constant for the last)
  const first = (text: string) => errors(text)[0] ?? "";
  const addf = "  %1 = \"arith.addf\"(%b, %b) : (i32, i32) -> i32\n  return\n}";
  assert.match(first(`func.func private @g(f32) -> f32\nfunc.func @f(%b: i32) {\n  %0 = call @g(%b) : (i32) -> f32\n${addf}`), /v.mlir:4:8: error: 'arith.addf'/);
  assert.match(first(`memref.global "private" @m : memref<2xf32>\nfunc.func @f(%b: i32) {\n  %0 = memref.get_global @m : memref<3xf32>\n${addf}`), /v.mlir:4:8: error: 'arith.addf'/);
  assert.match(first(`func.func @f() {\n  %0 = "func.constant"() <{value = @f}> : () -> index\n  "func.call_indirect"(%0) : (index) -> ()\n  return\n}`), /v.mlir:2:8: error: 'func.constant' op reference to function with mismatched type/);
});

test("every bad symbol reference in a table that verified is reported (mlir-opt-19 reports only the first)", () => {
  const es = errors("func.func private @g(f32) -> f32\nfunc.func @h(%b: i32) {\n  %0 = call @g(%b) : (i32) -> f32\n  %1 = call @nope(%b) : (i32) -> f32\n  %2 = call @g() : () -> f32\n  return\n}");
  assert.deepEqual(es.map((e) => /v\.mlir:\d+:\d+: error: [^\n]*/.exec(e)?.[0]), [
    "v.mlir:3:8: error: 'func.call' op operand type mismatch: expected operand type 'f32', but provided 'i32' for operand number 0",
    "v.mlir:4:8: error: 'func.call' op 'nope' does not reference a valid function",
    "v.mlir:5:8: error: 'func.call' op incorrect number of operands for callee",
  ]);
});

test("`{}` is a region without a block: a func.func body is then an error at the brace, an llvm.func a declaration (as MLIR)", () => {
  assert.throws(() => parseModule("func.func @f() {\n}", "v.mlir", ctx), (e: Error & { diagnostics?: Parameters<typeof formatDiagnostic>[0][] }) =>
    /v.mlir:1:16: error: custom op 'func.func' expected non-empty function body/.test(formatDiagnostic(e.diagnostics![0])));
  const m = parseModule("llvm.func @f() {\n}", "v.mlir", ctx);
  assert.deepEqual(verifyModule(m, ctx), []);
  assert.equal(m.ops[0].regions[0].blocks.length, 0);
});

test("a symbol name starts with a letter or '_' (MLIR's lexer), or is a string", () => {
  assert.throws(() => parseModule("func.func private @$x()", "v.mlir", ctx), (e: Error & { diagnostics?: Parameters<typeof formatDiagnostic>[0][] }) =>
    /v.mlir:1:20: error: @ identifier expected to start with letter or '_'/.test(formatDiagnostic(e.diagnostics![0])));
  assert.deepEqual(verifyModule(parseModule('func.func private @_x()\nfunc.func private @"$y"()', "v.mlir", ctx), ctx), []);
});

test("a declaration may name its arguments (as MLIR 19 reads it); it prints their types", () => {
  const m = parseModule("func.func private @f(%a: tensor<?xf32>) -> tensor<?xf32>\nllvm.func @g(%x: i32) -> i32", "v.mlir", ctx);
  assert.deepEqual(verifyModule(m, ctx), []);
  assert.match(printModule(m, ctx), /func\.func private @f\(tensor<\?xf32>\) -> tensor<\?xf32>\n  llvm\.func @g\(i32\) -> i32\n/);
});

test("several errors are all reported", () => {
  const es = errors("func.func @f(%a: f32) -> i32 {\n  %0 = arith.addi %a, %a : f32\n  return %a : f32\n}");
  assert.equal(es.length, 2);
});

test("operands of ops in a block no branch reaches are not checked for dominance (as MLIR); in a reached block they are", () => {
  const body = (entry: string) => `func.func @f(%n: index) -> index {\n  %c1 = arith.constant 1 : index\n  ${entry}\n^bb1:\n  %x = arith.addi %x, %c1 : index\n  cf.br ^bb1\n}`;
  assert.deepEqual(errors(body("return %n : index")), []);
  assert.ok(errors(body("cf.br ^bb1")).some((e) => /v.mlir:5:8: error: operand #0 does not dominate this use/.test(e)));
});

test("a wrong operand count ends the op's checks: one error, and its own verifier does not read operands it lacks", () => {
  assert.deepEqual(errors('"linalg.transpose"() <{permutation = array<i64: 1, 0>}> ({\n^bb0:\n}) : () -> ()').map((e) => e.split("\n")[0]),
    ["v.mlir:1:1: error: 'linalg.transpose' op expected 2 operands, but found 0"]);
});

test("as MLIR's verifier: an op's verifyInvariants errors skip its regions; its verify runs only when they verified", () => {
  // scf.while's own check (before its regions) is reported, not the misplaced yield inside it
  const w = errors('func.func @f() {\n  "scf.while"() ({\n    "scf.yield"() : () -> ()\n  }, {\n    "scf.yield"() : () -> ()\n  }) : () -> ()\n  return\n}');
  assert.equal(w.length, 1, w.join("\n"));
  assert.match(w[0], /v.mlir:2:3: error: 'scf.while' op expects the 'before' region to terminate with 'scf.condition'/);
  // the yield's error comes, not linalg.generic's (after-the-body) block-argument check
  const g = errors(`func.func @f(%m: memref<f32>) {
  linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>], iterator_types = []} outs(%m, %m : memref<f32>, memref<f32>) {
  ^bb0(%x: f32):
    linalg.yield %x : f32
  }
  return
}`);
  assert.equal(g.length, 1, g.join("\n"));
  assert.match(g[0], /v.mlir:4:5: error: 'linalg.yield' op expected number of yield values \(1\) to match/);
});

test("a block's missing terminator is named by the op, printed generically with its function's value names (as MLIR)", () => {
  const es = errors("func.func @f(%a: f32) {\n  %c = arith.addf %a, %a : f32\n  %d = arith.mulf %c, %a : f32\n}");
  assert.match(es[0], /v.mlir:3:8: error: block with no terminator, has %1 = "arith.mulf"\(%0, %arg0\) <\{fastmath = #arith.fastmath<none>\}> : \(f32, f32\) -> f32/);
});

test("a use inside an op of a block no branch reaches is not checked against the blocks around it (as MLIR: such a block is dominated by all)", () => {
  assert.deepEqual(errors(`func.func @f(%c: i1) {
  cf.br ^b2
^b1:
  scf.if %c {
    %y = arith.addi %x, %x : i32
  }
  return
^b2:
  %x = arith.constant 1 : i32
  return
}`), []);
});

test("a graph region (builtin.module's, an unregistered op's) takes a use before its definition, as MLIR; a function body does not", () => {
  assert.deepEqual(errors("%1 = arith.addi %2, %2 : i32\n%2 = arith.constant 3 : i32"), []);
  const loose = createContext();
  loose.allowUnregistered = true;
  const looseErrors = (text: string) => verifyModule(parseModule(text, "v.mlir", loose), loose).map(formatDiagnostic);
  assert.deepEqual(looseErrors('"test.op"() ({\n  "test.use"(%0) : (i32) -> ()\n  %0 = "test.def"() : () -> i32\n}) : () -> ()'), []);
  assert.deepEqual(looseErrors('%0 = "test.op"() ({\n  "test.use"(%0) : (i32) -> ()\n}) : () -> i32'), []);
  assert.match(errors("func.func @f() -> i32 {\n  %1 = arith.addi %2, %2 : i32\n  %2 = arith.constant 3 : i32\n  return %1 : i32\n}").join("\n"), /v.mlir:2:8: error: operand #0 does not dominate this use/);
});

test("DominatorTree agrees with the definition (every path from the entry passes the dominator) on 300 random CFGs, unreached blocks included", () => {
  const rng = new Rng(20261129);
  for (let g = 0; g < 300; g++) {
    const n = 2 + rng.int(30), succs = Array.from({ length: n }, (_, i) => {
      const pick = () => (rng.int(4) === 0 ? 1 + rng.int(n - 1) : Math.min(n - 1, i + 1 + rng.int(3))); // forward mostly, back sometimes (not to the entry)
      return i === n - 1 ? [] : rng.int(3) === 0 ? [pick()] : [pick(), pick()];
    });
    const text = `func.func @f(%c: i1) {\n${succs.map((ss, i) => `^bb${i}:\n  ${ss.length === 0 ? "return" : ss.length === 1 ? `cf.br ^bb${ss[0]}` : `cf.cond_br %c, ^bb${ss[0]}, ^bb${ss[1]}`}\n`).join("").replace("^bb0:\n", "")}}`; // (the entry: no label)
    const ctx = createContext(), m = parseModule(text, "cfg.mlir", ctx), r = m.ops[0].regions[0], blocks = r.blocks;
    // dom(b) = {b} + the intersection of dom(p) over its reached predecessors, from dom(entry) = {entry}
    const reached = new Set([0]);
    for (const todo = [0]; todo.length;) for (const s of succs[todo.pop()!]) if (!reached.has(s)) { reached.add(s); todo.push(s); }
    const dom = blocks.map((_, i) => new Set(i === 0 ? [0] : [...reached]));
    for (let changed = true; changed;) {
      changed = false;
      for (let b = 1; b < n; b++) {
        if (!reached.has(b)) continue;
        const preds = [...reached].filter((p) => succs[p].includes(b));
        const next = new Set([b, ...[...dom[preds[0]]].filter((d) => preds.every((p) => dom[p].has(d)))]);
        if (next.size !== dom[b].size) { dom[b] = next; changed = true; }
      }
    }
    const tree = new DominatorTree(r);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) {
      // (as LLVM's: a block no branch reaches is dominated by all and dominates none but itself)
      const want = a === b || (reached.has(b) ? reached.has(a) && dom[b].has(a) : true);
      assert.equal(tree.dominates(blocks[a], blocks[b]), want, `graph ${g}: ^bb${a} dominates ^bb${b}\n${text}`);
    }
  }
});
