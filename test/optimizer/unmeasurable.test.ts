// Functions the sandbox cannot measure are left as written, with the reason in the report: one
// passing vectors (it runs under the wasm engine, split-vectors splitting them at calls, but
// JavaScript passes no vector into wasm; --optimize auto does not pick it), and one whose run with
// the sandbox's generated arguments does not end (it was an internal error after 10 minutes).
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

test("a function that does not end for the sandbox's arguments is left as written, with the reason", async () => {
  // n = 0 (or any n the halving never takes to 1) loops for ever
  const text = `func.func @spin(%n: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  %r = scf.while (%x = %n) : (i64) -> i64 {
    %go = arith.cmpi ne, %x, %c1 : i64
    scf.condition(%go) %x : i64
  } do {
  ^bb0(%x: i64):
    %h = arith.shrui %x, %c1 : i64
    %k = arith.ori %h, %c1 : i64
    %z = arith.subi %k, %c1 : i64
    scf.yield %z : i64
  }
  return %r : i64
}
func.func @main() {
  return
}`;
  const res = await optimizeModule({ moduleText: text, functions: ["spin"], proposer: new HeuristicProposer(), seed: 1, budget: { iterations: 2 }, sandbox: { timeoutMs: 1500 } });
  assert.equal(res.reports[0].leftAsWritten, "its run with the sandbox's arguments did not end within 1.5 s");
});
