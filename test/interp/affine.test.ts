// affine: for with max/min bound maps, steps and iter_args; if on integer sets (with and
// without results); apply/min/max; load/store through maps; parallel with a reduction.
// Expected outputs were produced by mlir-opt-19 + mlir-cpu-runner-19 on the same program;
// where the toolchain is installed the test also re-checks that agreement live.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mlirOutput, needsOps, run } from "./helpers.js";

const AFFINE_PROGRAM = `#map = affine_map<(d0)[s0] -> (d0 + s0)>
#lb = affine_map<(d0) -> (d0 * 2 - 1, 0)>
#ub = affine_map<(d0)[s0] -> (d0 + 5, s0)>
#set = affine_set<(d0, d1) : (d0 - d1 >= 0, d1 mod 2 == 0)>
module {
  func.func private @printI64(i64)
  func.func private @printF32(f32)
  func.func private @printNewline()
  func.func private @printMemrefF32(memref<*xf32>)
  func.func @p(%i: index) {
    %v = arith.index_cast %i : index to i64
    func.call @printI64(%v) : (i64) -> ()
    func.call @printNewline() : () -> ()
    return
  }
  func.func @main() {
    %c7 = arith.constant 7 : index
    %c3 = arith.constant 3 : index
    %m = memref.alloc() : memref<4x6xf32>
    %zero = arith.constant 0.0 : f32
    affine.for %i = 0 to 4 {
      affine.for %j = 0 to 6 step 2 {
        %ii = arith.index_cast %i : index to i32
        %jj = arith.index_cast %j : index to i32
        %s = arith.addi %ii, %jj : i32
        %f = arith.sitofp %s : i32 to f32
        affine.store %f, %m[%i, %j] : memref<4x6xf32>
        affine.store %zero, %m[%i, %j + 1] : memref<4x6xf32>
      }
    }
    %u = memref.cast %m : memref<4x6xf32> to memref<*xf32>
    call @printMemrefF32(%u) : (memref<*xf32>) -> ()
    %a = affine.apply #map(%c7)[%c3]
    call @p(%a) : (index) -> ()
    %mn = affine.min affine_map<(d0, d1) -> (d0 * 3, d1 + 10, 12)>(%c3, %c7)
    call @p(%mn) : (index) -> ()
    %mx = affine.max affine_map<(d0) -> (d0 floordiv 2, d0 mod 4, -d0)>(%c7)
    call @p(%mx) : (index) -> ()
    %cnt = affine.for %k = max #lb(%c3) to min #ub(%c3)[%c7] iter_args(%acc = %c3) -> (index) {
      %n = arith.addi %acc, %k : index
      affine.yield %n : index
    }
    call @p(%cnt) : (index) -> ()
    affine.for %i = 0 to 5 {
      affine.if #set(%c3, %i) {
        func.call @p(%i) : (index) -> ()
      }
    }
    %r = affine.if #set(%c7, %c3) -> index {
      affine.yield %c7 : index
    } else {
      affine.yield %c3 : index
    }
    call @p(%r) : (index) -> ()
    %sum = affine.parallel (%i, %j) = (0, 0) to (4, 6) reduce ("addf") -> (f32) {
      %v = affine.load %m[%i, %j] : memref<4x6xf32>
      affine.yield %v : f32
    }
    call @printF32(%sum) : (f32) -> ()
    call @printNewline() : () -> ()
    %d = affine.load %m[%c3 - 1, symbol(%c3) + 1] : memref<4x6xf32>
    call @printF32(%d) : (f32) -> ()
    call @printNewline() : () -> ()
    memref.dealloc %m : memref<4x6xf32>
    return
  }
}
`;

const AFFINE_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [4, 6] strides = [6, 1] data = 
[[0,   0,   2,   0,   4,   0], 
 [1,   0,   3,   0,   5,   0], 
 [2,   0,   4,   0,   6,   0], 
 [3,   0,   5,   0,   7,   0]]
10
9
3
14
0
2
3
42
6
`;

test("affine: maps, bounds, sets and reductions match MLIR", { skip: needsOps("affine.for", "affine.if", "affine.parallel", "affine.apply") }, () => {
  assert.equal(run(AFFINE_PROGRAM).output, AFFINE_EXPECTED);
});

test("affine: real MLIR prints the same", { skip: needsOps("affine.for", "affine.if", "affine.parallel", "affine.apply") }, (t) => {
  const want = mlirOutput(AFFINE_PROGRAM);
  if (want === undefined) { t.skip("mlir-opt-19/mlir-cpu-runner-19 not installed"); return; }
  assert.equal(run(AFFINE_PROGRAM).output, want);
});
