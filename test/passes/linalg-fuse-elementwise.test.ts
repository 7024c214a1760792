// --linalg-fuse-elementwise-ops, MLIR's elementwise op fusion: a generic whose loops are all
// parallel goes into the generic taking its one-use result as an input. The expected outputs are
// mlir-opt-19's, compared in the run (chains into a reduction, a transposed result map, a
// producer read through a broadcast, one of two uses). What we leave unfused where MLIR fuses (a
// producer asking for its loop indices or reading its init) and the lowering pipeline's own rule
// are checked against our output alone; test/passes/tensorlang-random.test.ts runs fused random
// programs against the unfused ones.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { runPasses } from "../../src/passes/pass.js";
import { resolvePipeline } from "../../src/passes/pipeline.js";
import { printViaRunnerUtils } from "../../src/passes/lowering-print.js";
import { mlirOpt, mlirSkip, repoRoot } from "../support/mlir.js";

const ctx = createContext();
/** The module after `passes`, printed as tensorlang-opt prints it, and its linalg ops by name. */
function run(text: string, passes: string[]): { out: string; ops: string[] } {
  const m = parseModule(text, "input.mlir", ctx);
  runPasses(m, ctx, resolvePipeline(passes));
  const ops: string[] = [];
  m.walk((op) => { if (op.dialect === "linalg" && op.name !== "linalg.yield") ops.push(op.name); });
  return { out: printModule(m, ctx, { aliases: true }), ops };
}

const MAPS = `#id = affine_map<(d0, d1) -> (d0, d1)>
#tr = affine_map<(d0, d1) -> (d1, d0)>
#row = affine_map<(d0, d1) -> (d1)>
#red = affine_map<(d0, d1) -> (d0)>
#v = affine_map<(d0) -> (d0)>
`;
const FUSED_LIKE_MLIR: Record<string, [string, number]> = {
  reduction: [`func.func @f(%a: tensor<4x8xf32>, %b: tensor<8xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %0 = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]} ins(%a, %b : tensor<4x8xf32>, tensor<8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  %e2 = tensor.empty() : tensor<4x8xf32>
  %1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%0 : tensor<4x8xf32>) outs(%e2 : tensor<4x8xf32>) {
  ^bb0(%x: f32, %o: f32):
    %n = arith.negf %x : f32
    %x2 = math.exp %n : f32
    linalg.yield %x2 : f32
  } -> tensor<4x8xf32>
  %z = arith.constant 0.0 : f32
  %e3 = tensor.empty() : tensor<4xf32>
  %f = linalg.fill ins(%z : f32) outs(%e3 : tensor<4xf32>) -> tensor<4xf32>
  %2 = linalg.generic {indexing_maps = [#id, #red], iterator_types = ["parallel", "reduction"]} ins(%1 : tensor<4x8xf32>) outs(%f : tensor<4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %s = arith.addf %x, %o : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %2 : tensor<4xf32>
}`, 2],
  transpose: [`func.func @f(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %e = tensor.empty() : tensor<8x4xf32>
  %0 = linalg.generic {indexing_maps = [#id, #tr], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<4x8xf32>) outs(%e : tensor<8x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %n = arith.negf %x : f32
    linalg.yield %n : f32
  } -> tensor<8x4xf32>
  %e2 = tensor.empty() : tensor<8x4xf32>
  %1 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%b, %0 : tensor<8x4xf32>, tensor<8x4xf32>) outs(%e2 : tensor<8x4xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.mulf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<8x4xf32>
  return %1 : tensor<8x4xf32>
}`, 1],
  bcast: [`func.func @f(%a: tensor<?x8xf32>, %b: tensor<8xf32>, %c: tensor<8xf32>) -> tensor<?x8xf32> {
  %e = tensor.empty() : tensor<8xf32>
  %0 = linalg.generic {indexing_maps = [#v, #v, #v], iterator_types = ["parallel"]} ins(%b, %c : tensor<8xf32>, tensor<8xf32>) outs(%e : tensor<8xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.subf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<8xf32>
  %c0 = arith.constant 0 : index
  %d = tensor.dim %a, %c0 : tensor<?x8xf32>
  %e2 = tensor.empty(%d) : tensor<?x8xf32>
  %1 = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]} ins(%a, %0 : tensor<?x8xf32>, tensor<8xf32>) outs(%e2 : tensor<?x8xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.maximumf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<?x8xf32>
  return %1 : tensor<?x8xf32>
}`, 1],
  twouses: [`func.func @f(%a: tensor<8xi32>) -> (tensor<8xi32>, tensor<8xi32>) {
  %e = tensor.empty() : tensor<8xi32>
  %0 = linalg.generic {indexing_maps = [#v, #v], iterator_types = ["parallel"]} ins(%a : tensor<8xi32>) outs(%e : tensor<8xi32>) {
  ^bb0(%x: i32, %o: i32):
    %s = arith.muli %x, %x : i32
    linalg.yield %s : i32
  } -> tensor<8xi32>
  %1 = linalg.generic {indexing_maps = [#v, #v, #v], iterator_types = ["parallel"]} ins(%0, %a : tensor<8xi32>, tensor<8xi32>) outs(%e : tensor<8xi32>) {
  ^bb0(%x: i32, %y: i32, %o: i32):
    %s = arith.addi %x, %y : i32
    linalg.yield %s : i32
  } -> tensor<8xi32>
  return %0, %1 : tensor<8xi32>, tensor<8xi32>
}`, 2],
  // (a reduction's loop only the producer's result indexed: its size would be lost)
  uncovered: [`func.func @f(%b: tensor<8xf32>, %acc: tensor<8xf32>) -> tensor<8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %0 = linalg.generic {indexing_maps = [#row, #id], iterator_types = ["parallel", "parallel"]} ins(%b : tensor<8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%x: f32, %o: f32):
    %n = arith.negf %x : f32
    linalg.yield %n : f32
  } -> tensor<4x8xf32>
  %1 = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["reduction", "parallel"]} ins(%0 : tensor<4x8xf32>) outs(%acc : tensor<8xf32>) {
  ^bb0(%x: f32, %o: f32):
    %s = arith.addf %x, %o : f32
    linalg.yield %s : f32
  } -> tensor<8xf32>
  return %1 : tensor<8xf32>
}`, 2],
};

for (const [name, [fn, linalgOps]] of Object.entries(FUSED_LIKE_MLIR)) {
  test(`--linalg-fuse-elementwise-ops on ${name}: ${linalgOps} linalg op(s) left, printed as mlir-opt-19 prints them`, () => {
    const { out, ops } = run(MAPS + fn, ["linalg-fuse-elementwise-ops"]);
    assert.equal(ops.length, linalgOps, out);
    if (mlirSkip()) return;
    const r = mlirOpt(["--linalg-fuse-elementwise-ops"], MAPS + fn);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(out.trimEnd(), r.stdout.trimEnd());
  });
}

test("a producer that reads its loop indices or its init is left unfused (MLIR keeps a result of its own for them)", () => {
  for (const payload of ["%i = linalg.index 0 : index\n    %c = arith.index_cast %i : index to i32\n    %s = arith.addi %x, %c : i32", "%s = arith.addi %x, %o : i32"]) {
    const fn = `func.func @f(%a: tensor<8xi32>) -> tensor<8xi32> {
  %e = tensor.empty() : tensor<8xi32>
  %0 = linalg.generic {indexing_maps = [#v, #v], iterator_types = ["parallel"]} ins(%a : tensor<8xi32>) outs(%a : tensor<8xi32>) {
  ^bb0(%x: i32, %o: i32):
    ${payload}
    linalg.yield %s : i32
  } -> tensor<8xi32>
  %1 = linalg.generic {indexing_maps = [#v, #v], iterator_types = ["parallel"]} ins(%0 : tensor<8xi32>) outs(%e : tensor<8xi32>) {
  ^bb0(%x: i32, %o: i32):
    %m = arith.muli %x, %x : i32
    linalg.yield %m : i32
  } -> tensor<8xi32>
  return %1 : tensor<8xi32>
}`;
    assert.equal(run(MAPS + fn, ["linalg-fuse-elementwise-ops"]).ops.filter((n) => n === "linalg.generic").length, 2);
  }
});

// relu(x · w1) · w2 with a bias: the lowering pipeline fuses the named elementwise ops (add, then
// relu) but not relu into the second matmul, which would compute each relu once per output column.
const MLP = `func.func @mlp(%x: tensor<8x16xf32>, %w1: tensor<16x32xf32>, %b: tensor<8x32xf32>, %w2: tensor<32x4xf32>) -> tensor<8x4xf32> {
  %h = tensorlang.matmul %x, %w1 : tensor<8x16xf32>, tensor<16x32xf32> -> tensor<8x32xf32>
  %hb = tensorlang.add %h, %b : tensor<8x32xf32>
  %r = tensorlang.relu %hb : tensor<8x32xf32>
  %y = tensorlang.matmul %r, %w2 : tensor<8x32xf32>, tensor<32x4xf32> -> tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}`;

test("the lowering pipeline fuses elementwise named ops, and nothing into a matmul's input", () => {
  const before = run(MLP, ["convert-tensorlang-to-linalg"]).ops;
  assert.deepEqual(before, ["linalg.fill", "linalg.matmul", "linalg.add", "linalg.generic", "linalg.fill", "linalg.matmul"]);
  const { ops, out } = run(MLP, ["convert-tensorlang-to-linalg", "tensorlang-fuse-elementwise"]);
  assert.deepEqual(ops, ["linalg.fill", "linalg.matmul", "linalg.generic", "linalg.fill", "linalg.matmul"], out);
  // MLIR's rule, after generalizing, also takes the add and relu into the second matmul.
  assert.deepEqual(run(MLP, ["convert-tensorlang-to-linalg", "linalg-generalize-named-ops", "linalg-fuse-elementwise-ops"]).ops.filter((n) => n === "linalg.generic").length, 4);
});

test("mlir-opt-19 verifies what both fusions make of every example and dialect program (tensorlang ones converted first)", { skip: mlirSkip() }, () => {
  const root = repoRoot(), files = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".mlir")).map((f) => join(root, "examples", f));
  for (const d of readdirSync(join(root, "test", "dialects"))) if (existsSync(join(root, "test", "dialects", d, "ops.mlir"))) files.push(join(root, "test", "dialects", d, "ops.mlir"));
  let changed = 0;
  for (const f of files) for (const passes of [["linalg-generalize-named-ops", "linalg-fuse-elementwise-ops"], ["tensorlang-fuse-elementwise"]]) {
    const m = parseModule(readFileSync(f, "utf8"), f, ctx);
    let tensorlang = false;
    m.walk((op) => { tensorlang ||= op.dialect === "tensorlang"; });
    if (tensorlang) { runPasses(m, ctx, resolvePipeline(["convert-tensorlang-to-linalg"])); printViaRunnerUtils(m); }
    const before = printModule(m, ctx);
    runPasses(m, ctx, resolvePipeline(passes));
    const out = printModule(m, ctx), r = mlirOpt(["--verify-each"], out);
    assert.equal(r.code, 0, `${f} after ${passes.join(", ")}:\n${r.stderr}`);
    changed += Number(out !== before);
  }
  assert.ok(changed >= 20, `the programs exercise the passes (${changed} changed)`);
});
