// A function passing vectors runs under the wasm engine (split-vectors splits them at calls), but
// the sandbox cannot call it: JavaScript passes no vector into wasm. --optimize auto does not
// pick it, and naming it leaves it as written with the reason.
import assert from "node:assert/strict";
import { test } from "node:test";
import { optimizeModule, pickHotFunctions } from "../../src/optimizer/optimize.js";
import { HeuristicProposer } from "../../src/optimizer/heuristic.js";

const PROGRAM = `func.func @sum(%a: memref<64xf32>, %s: vector<8xf32>) -> vector<8xf32> {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c64 = arith.constant 64 : index
  %r = scf.for %i = %c0 to %c64 step %c8 iter_args(%acc = %s) -> (vector<8xf32>) {
    %v = vector.load %a[%i] : memref<64xf32>, vector<8xf32>
    %t = arith.addf %acc, %v : vector<8xf32>
    scf.yield %t : vector<8xf32>
  }
  return %r : vector<8xf32>
}
func.func @scale(%a: memref<64xf32>, %k: f32) {
  affine.for %i = 0 to 64 {
    %x = affine.load %a[%i] : memref<64xf32>
    %y = arith.mulf %x, %k : f32
    affine.store %y, %a[%i] : memref<64xf32>
  }
  return
}
func.func @main() {
  return
}`;

test("--optimize auto skips a function passing vectors; named, it is left as written with the reason", async () => {
  assert.deepEqual(pickHotFunctions(PROGRAM, "main"), ["scale"]);
  const res = await optimizeModule({ moduleText: PROGRAM, functions: ["sum"], proposer: new HeuristicProposer(), seed: 1, budget: { iterations: 2 } });
  assert.equal(res.reports[0].leftAsWritten, "its signature has vector<8xf32>; the sandbox calls functions with scalars and memrefs only");
  assert.equal(res.reports[0].iterations, 0);
});
