// --lower-vector-ops: the IR it makes (rows where a row moves whole, elements otherwise) and that
// the lowered program prints what the unlowered one prints under the interpreter.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { lowerVectorOps } from "../../src/passes/lower-vector-ops.js";
import { lookupPass } from "../../src/passes/registry.js";
import { run } from "../interp/helpers.js";

const ctx = createContext();
function lower(text: string): string {
  const m = parseModule(text, "l.mlir", ctx);
  lowerVectorOps.run(m, ctx, undefined as never);
  assert.deepEqual(verifyModule(m, ctx).map((d) => d.message), [], "lowered IR verifies");
  return printModule(m, ctx);
}

const PROGRAM = `func.func @main() {
  %a = arith.constant dense<[[0.1, 0.2], [1.0e8, -2.5]]> : vector<2x2xf32>
  %b = arith.constant dense<[[0.7, 0.3, 0.11, 3.0], [1.0e8, -1.0e8, 0.5, 0.25]]> : vector<2x4xf32>
  %c = arith.constant dense<0.5> : vector<2x4xf32>
  %mm = vector.contract {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"]} %a, %b, %c : vector<2x2xf32>, vector<2x4xf32> into vector<2x4xf32>
  vector.print %mm : vector<2x4xf32>
  %z = arith.constant dense<1.0> : vector<2xf32>
  %r = vector.multi_reduction <add>, %b, %z [1] : vector<2x4xf32> to vector<2xf32>
  vector.print %r : vector<2xf32>
  %v = arith.constant dense<[1.5, -2.0]> : vector<2xf32>
  %o = vector.outerproduct %v, %v, %a : vector<2xf32>, vector<2xf32>
  vector.print %o : vector<2x2xf32>
  %s = vector.extract_strided_slice %b {offsets = [0, 1], sizes = [2, 2], strides = [1, 1]} : vector<2x4xf32> to vector<2x2xf32>
  vector.print %s : vector<2x2xf32>
  return
}`;

test("a matmul contract becomes row operations; a reduction of rows vector.reduction; an outerproduct <add> fma rows; the pass is registered", () => {
  const out = lower(PROGRAM);
  assert.doesNotMatch(out, /vector\.(contract|multi_reduction|outerproduct|extract_strided_slice)/);
  // C[i] = (0 + bcast(A[i][0]) * B[0]) + bcast(A[i][1]) * B[1], then + acc[i]: a mulf and addf per k on vector<4xf32>
  assert.equal(out.match(/arith\.mulf %\w+, %\w+ : vector<4xf32>/g)?.length, 4);
  assert.equal(out.match(/arith\.addf %\w+, %\w+ : vector<4xf32>/g)?.length, 6);
  assert.equal(out.match(/vector\.reduction <add>, %\w+, %\w+ : vector<4xf32> into f32/g)?.length, 2);
  assert.equal(out.match(/vector\.fma %\w+, %\w+, %\w+ : vector<2xf32>/g)?.length, 2);
  assert.equal(lookupPass("lower-vector-ops"), lowerVectorOps);
});

test("the lowered program prints what the interpreter prints for the unlowered one", () => {
  assert.equal(run(lower(PROGRAM)).output, run(PROGRAM).output);
});

test("n-D load/store, transfers and create_mask become a 1-D one per row; step and constant_mask constants", () => {
  const out = lower(`func.func @f(%m: memref<8x8xf32>, %i: index, %n: index) {
  %pad = arith.constant 0.0 : f32
  %k = vector.create_mask %n, %i : vector<2x4xi1>
  %v = vector.load %m[%i, %i] : memref<8x8xf32>, vector<2x4xf32>
  %t = vector.transfer_read %m[%i, %i], %pad, %k : memref<8x8xf32>, vector<2x4xf32>
  vector.store %t, %m[%i, %i] : memref<8x8xf32>, vector<2x4xf32>
  vector.transfer_write %v, %m[%i, %i], %k : vector<2x4xf32>, memref<8x8xf32>
  %s = vector.step : vector<4xindex>
  %c = vector.constant_mask [1, 3] : vector<2x4xi1>
  return
}`);
  assert.doesNotMatch(out, /vector<2x4xf32>, memref|memref<8x8xf32>, vector<2x4xf32>|vector\.step|constant_mask/);
  assert.equal(out.match(/vector\.load %\w+\[%\w+, %\w+\] : memref<8x8xf32>, vector<4xf32>/g)?.length, 2);
  assert.equal(out.match(/vector\.store %\w+, %\w+\[%\w+, %\w+\] : memref<8x8xf32>, vector<4xf32>/g)?.length, 2);
  assert.equal(out.match(/vector\.transfer_(read|write) .*vector<4xf32>/g)?.length, 4);
  assert.equal(out.match(/vector\.create_mask %\w+ : vector<4xi1>/g)?.length, 1);
  assert.equal(out.match(/arith\.select %\w+, %\w+, %\w+ : vector<4xi1>/g)?.length, 2);
  assert.match(out, /dense<\[0, 1, 2, 3\]> : vector<4xindex>/);
  assert.match(out, /dense<\[\[true, true, true, false\], \[false, false, false, false\]\]> : vector<2x4xi1>/);
});
