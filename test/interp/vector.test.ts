// vector: load/store of trailing dimensions, broadcast/splat, fma, ordered reductions with and
// without an accumulator, extract/insert. The expected output is mlir-cpu-runner-19's for the
// same program lowered with --convert-vector-to-scf/--convert-vector-to-llvm (now in the shared
// test pipeline; recorded here so that the tests run without MLIR).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mlirOutput, needsOps, run, withPrinters } from "./helpers.js";

const VECTOR_PROGRAM = `module {
  func.func private @printF32(f32)
  func.func private @printI64(i64)
  func.func private @printNewline()
  func.func private @printMemrefF32(memref<*xf32>)
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %m = memref.alloc() : memref<2x8xf32>
    scf.for %i = %c0 to %c8 step %c1 {
      %ii = arith.index_cast %i : index to i32
      %f = arith.sitofp %ii : i32 to f32
      %t = arith.constant 0.1 : f32
      %g = arith.mulf %f, %t : f32
      memref.store %g, %m[%c0, %i] : memref<2x8xf32>
      memref.store %f, %m[%c1, %i] : memref<2x8xf32>
    }
    %a = vector.load %m[%c0, %c0] : memref<2x8xf32>, vector<4xf32>
    %b = vector.load %m[%c0, %c4] : memref<2x8xf32>, vector<4xf32>
    %k = arith.constant 3.0 : f32
    %kb = vector.broadcast %k : f32 to vector<4xf32>
    %fma = vector.fma %a, %kb, %b : vector<4xf32>
    vector.store %fma, %m[%c1, %c4] : memref<2x8xf32>, vector<4xf32>
    %sum = vector.reduction <add>, %fma : vector<4xf32> into f32
    call @printF32(%sum) : (f32) -> ()
    call @printNewline() : () -> ()
    %acc = arith.constant 100.0 : f32
    %mx = vector.reduction <maxnumf>, %a, %acc : vector<4xf32> into f32
    call @printF32(%mx) : (f32) -> ()
    call @printNewline() : () -> ()
    %e = vector.extract %fma[2] : f32 from vector<4xf32>
    call @printF32(%e) : (f32) -> ()
    call @printNewline() : () -> ()
    %z = arith.constant -1.0 : f32
    %ins = vector.insert %z, %fma [%c1] : f32 into vector<4xf32>
    %s2 = vector.splat %z : vector<4xf32>
    %d = arith.subf %ins, %s2 : vector<4xf32>
    vector.store %d, %m[%c1, %c0] : memref<2x8xf32>, vector<4xf32>
    %u = memref.cast %m : memref<2x8xf32> to memref<*xf32>
    call @printMemrefF32(%u) : (memref<*xf32>) -> ()
    %iv = arith.constant dense<[1, 2, 3, 4]> : vector<4xi64>
    %ip = vector.reduction <mul>, %iv : vector<4xi64> into i64
    call @printI64(%ip) : (i64) -> ()
    call @printNewline() : () -> ()
    %m2 = vector.broadcast %a : vector<4xf32> to vector<2x4xf32>
    %row = vector.extract %m2[1] : vector<4xf32> from vector<2x4xf32>
    %r2 = vector.reduction <add>, %row : vector<4xf32> into f32
    call @printF32(%r2) : (f32) -> ()
    call @printNewline() : () -> ()
    return
  }
}
`;

const VECTOR_EXPECTED = `4
100
1.2
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 8] strides = [8, 1] data = 
[[0,   0.1,   0.2,   0.3,   0.4,   0.5,   0.6,   0.7], 
 [1.4,   0,   2.2,   2.6,   0.4,   0.8,   1.2,   1.6]]
24
0.6
`;

test("vector: loads, stores, fma, reductions, extract/insert match MLIR", { skip: needsOps("vector.load", "vector.reduction") }, () => {
  assert.equal(run(VECTOR_PROGRAM).output, VECTOR_EXPECTED);
});

// Recorded from mlir-cpu-runner-19 (vector lowered with --convert-vector-to-llvm).
test("vector.print prints scalars and nested vectors as MLIR's runner does; scf.index_switch picks the case",
  { skip: needsOps("vector.print", "scf.index_switch") }, () => {
  const src = `func.func @main() {
    %a = arith.constant dense<[1.5, -2.0, 3.25, 1.0e+10]> : vector<4xf32>
    vector.print %a : vector<4xf32>
    %b = arith.constant dense<[[1, 2], [3, 4]]> : vector<2x2xi64>
    vector.print %b : vector<2x2xi64>
    %c = arith.constant 7 : index
    %s = scf.index_switch %c -> f32
    case 2 {
      %x = arith.constant 2.0 : f32
      scf.yield %x : f32
    }
    case 7 {
      %x = arith.constant 0.1 : f32
      scf.yield %x : f32
    }
    default {
      %x = arith.constant -1.0 : f32
      scf.yield %x : f32
    }
    vector.print %s : f32
    %t = arith.constant true
    vector.print %t : i1
    return
  }`;
  assert.equal(run(src).output, "( 1.5, -2, 3.25, 1e+10 )\n( ( 1, 2 ), ( 3, 4 ) )\n0.1\n1\n");
});

// Found by differential-loops: MLIR lowers a float <add> reduction without accumulator to LLVM's
// ordered fadd starting from +0.0, so -0.0 lanes sum to +0.0 (with an accumulator, it starts there).
const NEG_ZERO_SUM = withPrinters(`
  func.func @bits32(%x: f32) {
    %b = arith.bitcast %x : f32 to i32
    %w = arith.extui %b : i32 to i64
    call @printI64(%w) : (i64) -> ()
    call @printNewline() : () -> ()
    return
  }
  func.func @sums(%z: f32) {
    %v = vector.broadcast %z : f32 to vector<4xf32>
    %a = vector.reduction <add>, %v : vector<4xf32> into f32
    call @bits32(%a) : (f32) -> ()
    %b = vector.reduction <add>, %v, %z : vector<4xf32> into f32
    call @bits32(%b) : (f32) -> ()
    %w = vector.broadcast %z : f32 to vector<8xf32>
    %c = vector.reduction <add>, %w : vector<8xf32> into f32
    call @bits32(%c) : (f32) -> ()
    %d = vector.reduction <mul>, %v : vector<4xf32> into f32
    call @bits32(%d) : (f32) -> ()
    return
  }
  func.func @main() {
    %z = arith.constant -0.0 : f32
    call @sums(%z) : (f32) -> ()
    return
  }`);

test("vector.reduction <add> of -0.0 lanes without accumulator is +0.0, as MLIR lowers it (it was -0.0)", () => {
  const want = "0\n2147483648\n0\n0\n";
  assert.equal(run(NEG_ZERO_SUM).output, want);
  const mlir = mlirOutput(NEG_ZERO_SUM);
  if (mlir !== undefined) assert.equal(mlir, want);
});
