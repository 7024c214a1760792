// memref: dynamic alloc, dim, subview (strided, rank-reducing), reinterpret_cast, copy, alloca,
// globals (constant and mutable), and printMemref* headers (offset, sizes, strides).
// Expected outputs were produced by mlir-opt-19 + mlir-cpu-runner-19 on the same program;
// where the toolchain is installed the test also re-checks that agreement live.
import { test } from "node:test";
import assert from "node:assert/strict";
import { interpreter as interpreterFor, mlirOutput, needsOps, run } from "./helpers.js";

const MEMREF_PROGRAM = `module {
  memref.global "private" constant @table : memref<2x3xi64> = dense<[[1, 2, 3], [4, 5, 6]]>
  memref.global "private" @counter : memref<f32> = dense<1.5>
  func.func private @printI64(i64)
  func.func private @printF32(f32)
  func.func private @printNewline()
  func.func private @printMemrefF32(memref<*xf32>)
  func.func private @printMemrefI64(memref<*xi64>)
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c5 = arith.constant 5 : index
    %m = memref.alloc(%c5) : memref<4x?xf32>
    %d = memref.dim %m, %c1 : memref<4x?xf32>
    scf.for %i = %c0 to %c5 step %c1 {
      scf.for %j = %c0 to %d step %c1 {
        %b = arith.cmpi ult, %i, %c2 : index
        %i4 = arith.constant 4 : index
        %in = arith.cmpi ult, %i, %i4 : index
        scf.if %in {
          %k = arith.muli %i, %c5 : index
          %kj = arith.addi %k, %j : index
          %v = arith.index_cast %kj : index to i32
          %f = arith.sitofp %v : i32 to f32
          memref.store %f, %m[%i, %j] : memref<4x?xf32>
        }
      }
    }
    %s = memref.subview %m[1, 1] [2, 3] [1, 2] : memref<4x?xf32> to memref<2x3xf32, strided<[?, 2], offset: ?>>
    %su = memref.cast %s : memref<2x3xf32, strided<[?, 2], offset: ?>> to memref<*xf32>
    call @printMemrefF32(%su) : (memref<*xf32>) -> ()
    %row = memref.subview %m[2, 0] [1, 5] [1, 1] : memref<4x?xf32> to memref<5xf32, strided<[1], offset: ?>>
    %ru = memref.cast %row : memref<5xf32, strided<[1], offset: ?>> to memref<*xf32>
    call @printMemrefF32(%ru) : (memref<*xf32>) -> ()
    %dst = memref.alloca() : memref<2x3xf32>
    memref.copy %s, %dst : memref<2x3xf32, strided<[?, 2], offset: ?>> to memref<2x3xf32>
    %x = memref.load %dst[%c1, %c2] : memref<2x3xf32>
    call @printF32(%x) : (f32) -> ()
    call @printNewline() : () -> ()
    %t = memref.get_global @table : memref<2x3xi64>
    %tu = memref.cast %t : memref<2x3xi64> to memref<*xi64>
    call @printMemrefI64(%tu) : (memref<*xi64>) -> ()
    %g = memref.get_global @counter : memref<f32>
    %gv = memref.load %g[] : memref<f32>
    %g2 = arith.addf %gv, %gv : f32
    memref.store %g2, %g[] : memref<f32>
    %g3 = memref.get_global @counter : memref<f32>
    %gv3 = memref.load %g3[] : memref<f32>
    call @printF32(%gv3) : (f32) -> ()
    call @printNewline() : () -> ()
    %flat = memref.reinterpret_cast %m to offset: [2], sizes: [3], strides: [5] : memref<4x?xf32> to memref<3xf32, strided<[5], offset: 2>>
    %fu = memref.cast %flat : memref<3xf32, strided<[5], offset: 2>> to memref<*xf32>
    call @printMemrefF32(%fu) : (memref<*xf32>) -> ()
    memref.dealloc %m : memref<4x?xf32>
    return
  }
}
`;

const MEMREF_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 6 sizes = [2, 3] strides = [5, 2] data = 
[[6,   8,   10], 
 [11,   13,   15]]
Unranked Memref base@ = 0x<masked> rank = 1 offset = 10 sizes = [5] strides = [1] data = 
[10,  11,  12,  13,  14]
15
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data = 
[[1,   2,   3], 
 [4,   5,   6]]
3
Unranked Memref base@ = 0x<masked> rank = 1 offset = 2 sizes = [3] strides = [5] data = 
[2,  7,  12]
`;

test("memref: views, copies and globals print as MLIR prints them", { skip: needsOps("memref.subview", "scf.for") }, () => {
  assert.equal(run(MEMREF_PROGRAM).output, MEMREF_EXPECTED);
});

test("memref: real MLIR prints the same", { skip: needsOps("memref.subview", "scf.for") }, (t) => {
  const want = mlirOutput(MEMREF_PROGRAM);
  if (want === undefined) { t.skip("mlir-opt-19/mlir-cpu-runner-19 not installed"); return; }
  assert.equal(run(MEMREF_PROGRAM).output, want);
});

const OOB = `func.func @main() {
    %a = memref.alloc() : memref<4xf32>
    %b = memref.alloc() : memref<4xf32>
    %c4 = arith.constant 4 : index
    %one = arith.constant 1.0 : f32
    memref.store %one, %a[%c4] : memref<4xf32>
    %v = memref.load %a[%c4] : memref<4xf32>
    func.call @printF32(%v) : (f32) -> ()
    return
  }
  func.func private @printF32(f32)`;

test("an index past the shape reaches memory unchecked, as in the wasm engine", () => {
  assert.equal(run(OOB).output, "1");
});

test("checkBounds turns an index past the shape into an error naming the access, index and shape", () => {
  assert.throws(() => run(OOB, { checkBounds: true }), (e: Error) =>
    e.name === "InterpreterError" && /@main: memref\.(load|store) at \S+:\d+:\d+: index \[4\] is out of bounds for .* with shape \[4\]/.test(e.message));
});

test("memref.alloca is released when the call returns; dealloc frees the heap block", () => {
  const src = `func.func @f() {
    %a = memref.alloca() : memref<100xf64>
    return
  }
  func.func @main() {
    %m = memref.alloc() : memref<1000xf32>
    call @f() : () -> ()
    memref.dealloc %m : memref<1000xf32>
    return
  }`;
  const { interp } = interpreterFor(src);
  const before = interp.heap.stats().liveBlocks;
  interp.call("main", []);
  assert.equal(interp.heap.stats().liveBlocks, before);
});

test("an allocation past the memory cap is refused with an OutOfMemoryError", () => {
  const src = `func.func @main() {
    %m = memref.alloc() : memref<1000000000xf32>
    return
  }`;
  assert.throws(() => run(src), (e: Error) => e.name === "OutOfMemoryError");
});
