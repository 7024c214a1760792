// --scf-forall-to-parallel against mlir-opt-19: the same scf.parallel loops, constants and nesting.
import assert from "node:assert/strict";
import { test } from "node:test";
import { lower } from "./lowering-support.js"; // (first: it loads every dialect, as the tools do, before a pass module)
import { DiagnosticError } from "../../src/ir/diagnostics.js";
import { scfForallToParallel } from "../../src/passes/scf-forall-to-parallel.js";
import { mlirOpt, mlirSkip } from "../support/mlir.js";

const INPUT = `func.func @a(%arg0: memref<8x6xf32>, %arg1: index) {
  %cst = arith.constant 0.000000e+00 : f32
  scf.forall (%i, %j) in (8, %arg1) {
    memref.store %cst, %arg0[%i, %j] : memref<8x6xf32>
  }
  scf.forall (%i) = (2) to (%arg1) step (3) {
    scf.forall (%j) in (6) {
      memref.store %cst, %arg0[%i, %j] : memref<8x6xf32>
    }
  }
  return
}
`;
// mlir-opt-19 --scf-forall-to-parallel (it ends `scf.reduce` with a space; we print none).
const WANT = `module {
  func.func @a(%arg0: memref<8x6xf32>, %arg1: index) {
    %cst = arith.constant 0.000000e+00 : f32
    %c0 = arith.constant 0 : index
    %c0_0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %c1 = arith.constant 1 : index
    %c1_1 = arith.constant 1 : index
    scf.parallel (%arg2, %arg3) = (%c0, %c0_0) to (%c8, %arg1) step (%c1, %c1_1) {
      memref.store %cst, %arg0[%arg2, %arg3] : memref<8x6xf32>
      scf.reduce
    }
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index
    scf.parallel (%arg2) = (%c2) to (%arg1) step (%c3) {
      %c0_2 = arith.constant 0 : index
      %c6 = arith.constant 6 : index
      %c1_3 = arith.constant 1 : index
      scf.parallel (%arg3) = (%c0_2) to (%c6) step (%c1_3) {
        memref.store %cst, %arg0[%arg2, %arg3] : memref<8x6xf32>
        scf.reduce
      }
      scf.reduce
    }
    return
  }
}
`;
const trimEnds = (t: string) => t.replace(/ +$/gm, "").replace(/\n+$/, "\n");

test("scf-forall-to-parallel prints mlir-opt-19's loops (pinned)", () => {
  assert.equal(lower(INPUT, [scfForallToParallel]).text, WANT);
});

test("scf-forall-to-parallel: the pinned text is what mlir-opt-19 prints", { skip: mlirSkip() }, () => {
  const r = mlirOpt(["--scf-forall-to-parallel"], INPUT);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(trimEnds(r.stdout), WANT);
});

test("a forall still sharing tensors is an error at the loop (bufferize first)", () => {
  const text = `func.func @c(%t: tensor<8xf32>) -> tensor<8xf32> {
  %r = scf.forall (%i) in (8) shared_outs(%o = %t) -> (tensor<8xf32>) {
  }
  return %r : tensor<8xf32>
}`;
  assert.throws(() => lower(text, [scfForallToParallel]), (e: unknown) => e instanceof DiagnosticError && /2:8: .*only fully bufferized scf\.forall ops can be lowered to scf\.parallel/.test(String(e.message)));
});
