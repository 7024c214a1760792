// Vector ops the wasm engine runs once lower-vector-ops and split-vectors unroll them into rows
// and 128-bit pieces, as MLIR's unrolling patterns do: n-D masks (create_mask, constant_mask) and
// the transfers using them, bitcasts of any shape, n-D load/store, vector.step (index vectors) and
// casts to and from i1 masks. Each program prints the same under the interpreter and the wasm
// engine, bit for bit, and (where MLIR 19 lowers it to LLVM) under mlir-cpu-runner-19: the
// expected texts are what it printed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { iota, runBoth, runText } from "./helpers.js";
import { mlirRunStandard, mlirSkip } from "../../support/mlir.js";

/** %c0, %c1, %c2 and %m: memref<`shape`xf32> filled with %f = 3.0. */
const threes = (shape: string) => `  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %m = memref.alloc() : memref<${shape}xf32>
  %f = arith.constant 3.0 : f32
  linalg.fill ins(%f : f32) outs(%m : memref<${shape}xf32>)`;

/** Both engines print `expected`; so does mlir-cpu-runner-19 unless `mlir` is false. */
function agree(text: string, expected: string, mlir = true): void {
  const [w, i] = runBoth(text);
  assert.equal(i, expected, "the interpreter");
  assert.equal(w, expected, "the wasm engine");
  if (mlir && !mlirSkip()) assert.equal(mlirRunStandard(text), expected, "mlir-cpu-runner-19");
}

test("arith.trunci to i1 masks of every lane width (vector<16xi8> ... vector<2xi64>, a split vector<8xi32>, a vector<4xi8> in elements), and extsi/extui/sitofp/uitofp back from them (uitofp of a vector<4xi1> converted its -1 lanes as unsigned i32)", () => {
  agree(`func.func @main() {
  %a = arith.constant dense<[0, 1, 2, 3, -1, -2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 127]> : vector<16xi8>
  %a1 = arith.trunci %a : vector<16xi8> to vector<16xi1>
  vector.print %a1 : vector<16xi1>
  %a2 = arith.extui %a1 : vector<16xi1> to vector<16xi8>
  vector.print %a2 : vector<16xi8>
  %a3 = arith.extsi %a1 : vector<16xi1> to vector<16xi8>
  vector.print %a3 : vector<16xi8>
  %b = arith.constant dense<[3, -4, 5, 32767, 0, 1, 2, -32768]> : vector<8xi16>
  %b1 = arith.trunci %b : vector<8xi16> to vector<8xi1>
  vector.print %b1 : vector<8xi1>
  %b2 = arith.extsi %b1 : vector<8xi1> to vector<8xi16>
  vector.print %b2 : vector<8xi16>
  %c = arith.constant dense<[7, -9]> : vector<2xi64>
  %c1 = arith.trunci %c : vector<2xi64> to vector<2xi1>
  vector.print %c1 : vector<2xi1>
  %c2 = arith.extui %c1 : vector<2xi1> to vector<2xi64>
  vector.print %c2 : vector<2xi64>
  %d = arith.constant dense<[2, 3, -5, 8, 9, 11, 0, -1]> : vector<8xi32>
  %d1 = arith.trunci %d : vector<8xi32> to vector<8xi1>
  vector.print %d1 : vector<8xi1>
  %d2 = arith.uitofp %d1 : vector<8xi1> to vector<8xf32>
  vector.print %d2 : vector<8xf32>
  %e = arith.constant dense<[2, 3, -5, 7]> : vector<4xi32>
  %e1 = arith.trunci %e : vector<4xi32> to vector<4xi1>
  vector.print %e1 : vector<4xi1>
  %e2 = arith.sitofp %e1 : vector<4xi1> to vector<4xf32>
  vector.print %e2 : vector<4xf32>
  %e3 = arith.extsi %e1 : vector<4xi1> to vector<4xi32>
  vector.print %e3 : vector<4xi32>
  %f = arith.constant dense<[2, 3, -5, 7]> : vector<4xi8>
  %f1 = arith.trunci %f : vector<4xi8> to vector<4xi1>
  vector.print %f1 : vector<4xi1>
  return
}`, `( 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1 )
( 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1 )
( 0, -1, 0, -1, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1, -1 )
( 1, 0, 1, 1, 0, 1, 0, 0 )
( -1, 0, -1, -1, 0, -1, 0, 0 )
( 1, 1 )
( 1, 1 )
( 0, 1, 1, 0, 1, 1, 0, 1 )
( 0, 1, 1, 0, 1, 1, 0, 1 )
( 0, 1, 1, 1 )
( 0, -1, -1, -1 )
( 0, -1, -1, -1 )
( 0, 1, 1, 1 )
`);
});

test("vector.bitcast of shapes other than one register: n-D (rows of 128 bits), 256 bits piece by piece, 192 and 64 bits through a zero-padded register", () => {
  agree(`func.func @main() {
  %a = arith.constant dense<[[1.0, 2.0, -3.0, 0.5], [7.0, 8.0, 9.0, -0.0]]> : vector<2x4xf32>
  %b = vector.bitcast %a : vector<2x4xf32> to vector<2x4xi32>
  vector.print %b : vector<2x4xi32>
  %c = vector.bitcast %a : vector<2x4xf32> to vector<2x8xi16>
  vector.print %c : vector<2x8xi16>
  %c2 = vector.bitcast %c : vector<2x8xi16> to vector<2x2xf64>
  vector.print %c2 : vector<2x2xf64>
  %d = arith.constant dense<[1.5, -2.25, 1.0e300]> : vector<3xf64>
  %e = vector.bitcast %d : vector<3xf64> to vector<6xf32>
  vector.print %e : vector<6xf32>
  %e2 = vector.bitcast %d : vector<3xf64> to vector<24xi8>
  vector.print %e2 : vector<24xi8>
  %f = arith.constant dense<[-1, 2]> : vector<2xi32>
  %g = vector.bitcast %f : vector<2xi32> to vector<1xi64>
  vector.print %g : vector<1xi64>
  %h = vector.bitcast %f : vector<2xi32> to vector<8xi8>
  vector.print %h : vector<8xi8>
  %i = arith.constant dense<[[1, 2, 3, 4], [-1, -2, -3, -4], [5, 6, 7, 8]]> : vector<3x4xi8>
  %j = vector.bitcast %i : vector<3x4xi8> to vector<3x1xi32>
  vector.print %j : vector<3x1xi32>
  %k = vector.bitcast %i : vector<3x4xi8> to vector<3x2xi16>
  vector.print %k : vector<3x2xi16>
  return
}`, `( ( 1065353216, 1073741824, -1069547520, 1056964608 ), ( 1088421888, 1090519040, 1091567616, -2147483648 ) )
( ( 0, 16256, 0, 16384, 0, -16320, 0, 16128 ), ( 0, 16608, 0, 16640, 0, 16656, 0, -32768 ) )
( ( 2, 3.05176e-05 ), ( 131072, -5.39306e-315 ) )
( 0, 1.9375, 0, -2.03125, -3.86568e-34, 6.11084e+37 )
( 0, 0, 0, 0, 0, 0, -8, 63, 0, 0, 0, 0, 0, 0, 2, -64, -100, 117, 0, -120, 60, -28, 55, 126 )
( 12884901887 )
( -1, -1, -1, -1, 2, 0, 0, 0 )
( ( 67305985 ), ( -50462977 ), ( 134678021 ) )
( ( 513, 1027 ), ( -257, -771 ), ( 1541, 2055 ) )
`);
});

test("vector.step is the constant 0, 1, 2 ... of index lanes (i32 lanes under wasm): vector<8xindex> in two registers, vector<2xindex> in elements, compared, cast, added and reduced", () => {
  agree(`func.func @main() {
  %s = vector.step : vector<8xindex>
  vector.print %s : vector<8xindex>
  %c3 = arith.constant 3 : index
  %b = vector.broadcast %c3 : index to vector<8xindex>
  %m = arith.cmpi slt, %s, %b : vector<8xindex>
  vector.print %m : vector<8xi1>
  %i = arith.index_cast %s : vector<8xindex> to vector<8xi32>
  %d = arith.muli %i, %i : vector<8xi32>
  vector.print %d : vector<8xi32>
  %t = vector.step : vector<2xindex>
  %u = arith.addi %t, %t : vector<2xindex>
  vector.print %u : vector<2xindex>
  %w = vector.step : vector<4xindex>
  %r = vector.reduction <add>, %w : vector<4xindex> into index
  vector.print %r : index
  %e = vector.extract %w[3] : index from vector<4xindex>
  vector.print %e : index


  return
}`, `( 0, 1, 2, 3, 4, 5, 6, 7 )
( 1, 1, 1, 0, 0, 0, 0, 0 )
( 0, 1, 4, 9, 16, 25, 36, 49 )
( 0, 2 )
6
3
`);
});

test("n-D create_mask/constant_mask (rows of 1-D masks, bounds past either end) and the n-D transfers using them: a 1-D transfer per row, out-of-bounds rows padded, permuted and 1-D transfers not 128 bits wide in padded pieces", () => {
  agree(`func.func @main() {
${iota("5x6", 30, `
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c9 = arith.constant 9 : index
  %c4 = arith.constant 4 : index
  %cm = arith.constant -1 : index`)}
  %a = vector.create_mask %c2, %c3 : vector<3x4xi1>
  vector.print %a : vector<3x4xi1>
  %b = vector.create_mask %c9, %cm : vector<2x4xi1>
  vector.print %b : vector<2x4xi1>
  %c = vector.create_mask %c1, %c2, %c3 : vector<2x2x4xi1>
  vector.print %c : vector<2x2x4xi1>
  %d = vector.constant_mask [3, 5] : vector<4x8xi1>
  vector.print %d : vector<4x8xi1>
  %e = vector.create_mask %c3 : vector<8xi1>
  vector.print %e : vector<8xi1>
  %r = vector.transfer_read %m[%c1, %c1], %pad, %a : memref<5x6xf32>, vector<3x4xf32>
  vector.print %r : vector<3x4xf32>
  %r2 = vector.transfer_read %m[%c3, %c3], %pad : memref<5x6xf32>, vector<3x4xf32>
  vector.print %r2 : vector<3x4xf32>
  %r3 = vector.transfer_read %m[%c2, %c0], %pad, %d : memref<5x6xf32>, vector<4x8xf32>
  vector.print %r3 : vector<4x8xf32>
  %r4 = vector.transfer_read %m[%c0, %c1], %pad, %e : memref<5x6xf32>, vector<8xf32>
  vector.print %r4 : vector<8xf32>


  %r5 = vector.transfer_read %m[%c1, %c2], %pad {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : memref<5x6xf32>, vector<2x3xf32>
  vector.print %r5 : vector<2x3xf32>
  %r6 = vector.transfer_read %m[%c2, %c1], %pad, %e : memref<5x6xf32>, vector<8xf32>
  vector.print %r6 : vector<8xf32>
  %z = arith.constant dense<0.0> : vector<3x4xf32>
  %s = arith.select %a, %r, %z : vector<3x4xi1>, vector<3x4xf32>
  vector.print %s : vector<3x4xf32>
  %w = arith.constant dense<[[10.0, 20.0, 30.0, 40.0], [50.0, 60.0, 70.0, 80.0], [90.0, 100.0, 110.0, 120.0]]> : vector<3x4xf32>
  vector.transfer_write %w, %m[%c3, %c3], %a : vector<3x4xf32>, memref<5x6xf32>
  vector.transfer_write %w, %m[%c0, %c0] {in_bounds = [true, true]} : vector<3x4xf32>, memref<5x6xf32>
  %w3 = arith.constant dense<[-5.0, -6.0, -7.0]> : vector<3xf32>
  vector.transfer_write %w3, %m[%c4, %c4] : vector<3xf32>, memref<5x6xf32>
  %all = vector.transfer_read %m[%c0, %c0], %pad : memref<5x6xf32>, vector<5x6xf32>
  vector.print %all : vector<5x6xf32>
  return
}`, `( ( 1, 1, 1, 0 ), ( 1, 1, 1, 0 ), ( 0, 0, 0, 0 ) )
( ( 0, 0, 0, 0 ), ( 0, 0, 0, 0 ) )
( ( ( 1, 1, 1, 0 ), ( 1, 1, 1, 0 ) ), ( ( 0, 0, 0, 0 ), ( 0, 0, 0, 0 ) ) )
( ( 1, 1, 1, 1, 1, 0, 0, 0 ), ( 1, 1, 1, 1, 1, 0, 0, 0 ), ( 1, 1, 1, 1, 1, 0, 0, 0 ), ( 0, 0, 0, 0, 0, 0, 0, 0 ) )
( 1, 1, 1, 0, 0, 0, 0, 0 )
( ( 7, 8, 9, -1 ), ( 13, 14, 15, -1 ), ( -1, -1, -1, -1 ) )
( ( 21, 22, 23, -1 ), ( 27, 28, 29, -1 ), ( -1, -1, -1, -1 ) )
( ( 12, 13, 14, 15, 16, -1, -1, -1 ), ( 18, 19, 20, 21, 22, -1, -1, -1 ), ( 24, 25, 26, 27, 28, -1, -1, -1 ), ( -1, -1, -1, -1, -1, -1, -1, -1 ) )
( 1, 2, 3, -1, -1, -1, -1, -1 )
( ( 8, 14, 20 ), ( 9, 15, 21 ) )
( 13, 14, 15, -1, -1, -1, -1, -1 )
( ( 7, 8, 9, 0 ), ( 13, 14, 15, 0 ), ( 0, 0, 0, 0 ) )
( ( 10, 20, 30, 40, 4, 5 ), ( 50, 60, 70, 80, 10, 11 ), ( 90, 100, 110, 120, 16, 17 ), ( 18, 19, 20, 10, 20, 30 ), ( 24, 25, 26, 50, -5, -6 ) )
`);
});

test("a row of a held n-D mask (vector<2xi1> of vector<2x2xi1>, i64 lanes of i32 ones) is one byte shuffle, into a transfer and a select; a rank-3 mask; vector<16xindex> in four registers", () => {
  agree(`func.func @main() {
${threes("4x4")}
  %k = vector.create_mask %c2, %c1 : vector<2x2xi1>
  vector.print %k : vector<2x2xi1>
  %r = vector.extract %k[1] : vector<2xi1> from vector<2x2xi1>
  vector.print %r : vector<2xi1>
  %pad = arith.constant -1.0 : f32
  %t = vector.transfer_read %m[%c1, %c2], %pad, %k : memref<4x4xf32>, vector<2x2xf32>
  vector.print %t : vector<2x2xf32>
  %z = arith.constant dense<0.0> : vector<2x2xf32>
  %s = arith.select %k, %t, %z : vector<2x2xi1>, vector<2x2xf32>
  vector.print %s : vector<2x2xf32>
  %k2 = vector.create_mask %c1, %c2, %c1 : vector<2x2x4xi1>
  %q = memref.alloc() : memref<3x4x4xf32>
  linalg.fill ins(%f : f32) outs(%q : memref<3x4x4xf32>)
  %t2 = vector.transfer_read %q[%c0, %c2, %c0], %pad, %k2 : memref<3x4x4xf32>, vector<2x2x4xf32>
  vector.print %t2 : vector<2x2x4xf32>
  %s8 = vector.step : vector<16xindex>
  vector.print %s8 : vector<16xindex>
  return
}`, `( ( 1, 0 ), ( 1, 0 ) )
( 1, 0 )
( ( 3, -1 ), ( 3, -1 ) )
( ( 3, 0 ), ( 3, 0 ) )
( ( ( 3, -1, -1, -1 ), ( 3, -1, -1, -1 ) ), ( ( -1, -1, -1, -1 ), ( -1, -1, -1, -1 ) ) )
( 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 )
`);
});

test("masked 1-D transfers no register holds: vector<3xf32> and vector<6xf32> in padded pieces, their masks' elements and false past them", () => {
  agree(`func.func @main() {
${threes("7")}
  %k = vector.create_mask %c2 : vector<3xi1>
  %pad = arith.constant -1.0 : f32
  %t = vector.transfer_read %m[%c1], %pad, %k : memref<7xf32>, vector<3xf32>
  vector.print %t : vector<3xf32>
  %w = arith.constant dense<[5.0, 6.0, 7.0]> : vector<3xf32>
  vector.transfer_write %w, %m[%c2], %k : vector<3xf32>, memref<7xf32>
  %k6 = vector.create_mask %c2 : vector<6xi1>
  %t6 = vector.transfer_read %m[%c0], %pad, %k6 : memref<7xf32>, vector<6xf32>
  vector.print %t6 : vector<6xf32>
  %all = vector.transfer_read %m[%c0], %pad : memref<7xf32>, vector<8xf32>
  vector.print %all : vector<8xf32>
  return
}`, `( 3, 3, -1 )
( 3, 3, -1, -1, -1, -1 )
( 3, 3, 5, 6, 3, 3, 3, -1 )
`);
});

test("maskedload/maskedstore with the rows of n-D masks: vector<8xf32> in two pieces (mask and pass_thru pieces alike), vector<4xf32> with a row of a vector<2x4xi1>", () => {
  agree(`func.func @main() {
${threes("3x10")}
  %c5 = arith.constant 5 : index
  %k = vector.create_mask %c2, %c5 : vector<2x8xi1>
  %k0 = vector.extract %k[0] : vector<8xi1> from vector<2x8xi1>
  %k1 = vector.extract %k[1] : vector<8xi1> from vector<2x8xi1>
  %pt = arith.constant dense<[-1.0, -2.0, -3.0, -4.0, -5.0, -6.0, -7.0, -8.0]> : vector<8xf32>
  %v = arith.constant dense<[10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0]> : vector<8xf32>
  vector.maskedstore %m[%c1, %c1], %k1, %v : memref<3x10xf32>, vector<8xi1>, vector<8xf32>
  %l = vector.maskedload %m[%c1, %c0], %k0, %pt : memref<3x10xf32>, vector<8xi1>, vector<8xf32> into vector<8xf32>
  vector.print %l : vector<8xf32>
  %q = vector.create_mask %c1, %c2 : vector<2x4xi1>
  %q0 = vector.extract %q[0] : vector<4xi1> from vector<2x4xi1>
  %p4 = arith.constant dense<-9.0> : vector<4xf32>
  %l4 = vector.maskedload %m[%c1, %c2], %q0, %p4 : memref<3x10xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.print %l4 : vector<4xf32>
  return
}`, `( 3, 10, 20, 30, 40, -6, -7, -8 )
( 20, 30, -9, -9 )
`);
});

test("n-D vector.load/store: a row each (vector<2x4xf32> from memref<8x8xf32>; vector<3x8xf32>, vector<2x2xf32>, vector<2x3xf32>, vector<2x2x4xi32>); MLIR 19 does not lower them to LLVM", () => {
  agree(`func.func @main() {
${iota("8x8", 64, `
  %c2 = arith.constant 2 : index`)}
  %a = vector.load %m[%c1, %c2] : memref<8x8xf32>, vector<2x4xf32>
  vector.print %a : vector<2x4xf32>
  %b = vector.load %m[%c2, %c0] : memref<8x8xf32>, vector<3x8xf32>
  vector.print %b : vector<3x8xf32>
  %c = vector.load %m[%c0, %c1] : memref<8x8xf32>, vector<2x2xf32>
  vector.print %c : vector<2x2xf32>
  %d = vector.load %m[%c1, %c1] : memref<8x8xf32>, vector<2x3xf32>
  vector.print %d : vector<2x3xf32>
  %s = arith.addf %a, %a : vector<2x4xf32>
  vector.store %s, %m[%c0, %c0] : memref<8x8xf32>, vector<2x4xf32>
  vector.store %c, %m[%c2, %c2] : memref<8x8xf32>, vector<2x2xf32>
  %all = vector.load %m[%c0, %c0] : memref<8x8xf32>, vector<4x8xf32>
  vector.print %all : vector<4x8xf32>
  %q = memref.alloc() : memref<2x4x4xi32>
  %iv = arith.constant dense<[[[1, 2, 3, 4], [5, 6, 7, 8]], [[9, 10, 11, 12], [13, 14, 15, 16]]]> : vector<2x2x4xi32>
  vector.store %iv, %q[%c0, %c1, %c0] : memref<2x4x4xi32>, vector<2x2x4xi32>
  %qv = vector.load %q[%c0, %c1, %c0] : memref<2x4x4xi32>, vector<2x2x4xi32>
  vector.print %qv : vector<2x2x4xi32>
  return
}`, `( ( 10, 11, 12, 13 ), ( 18, 19, 20, 21 ) )
( ( 16, 17, 18, 19, 20, 21, 22, 23 ), ( 24, 25, 26, 27, 28, 29, 30, 31 ), ( 32, 33, 34, 35, 36, 37, 38, 39 ) )
( ( 1, 2 ), ( 9, 10 ) )
( ( 9, 10, 11 ), ( 17, 18, 19 ) )
( ( 20, 22, 24, 26, 4, 5, 6, 7 ), ( 36, 38, 40, 42, 12, 13, 14, 15 ), ( 16, 17, 1, 2, 20, 21, 22, 23 ), ( 24, 25, 9, 10, 28, 29, 30, 31 ) )
( ( ( 1, 2, 3, 4 ), ( 5, 6, 7, 8 ) ), ( ( 9, 10, 11, 12 ), ( 13, 14, 15, 16 ) ) )
`, false);
});

test("what the wasm engine still refuses names the op or type: index_cast changing the lane width, a masked permuted n-D transfer, f16 vectors", () => {
  const refused = (body: string, message: RegExp) =>
    assert.throws(() => runText(`func.func @main() {\n${body}\n  return\n}`, { engine: "wasm" }), message);
  refused(`  %w = vector.step : vector<4xindex>
  %x = arith.index_cast %w : vector<4xindex> to vector<4xi64>
  vector.print %x : vector<4xi64>`, /arith\.index_cast from vector<4xindex> to vector<4xi64> is not supported/);
  refused(`  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %m = memref.alloc() : memref<4x4xf32>
  %pad = arith.constant 0.0 : f32
  %k = vector.create_mask %c2, %c2 : vector<4x4xi1>
  %r = vector.transfer_read %m[%c0, %c0], %pad, %k {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : memref<4x4xf32>, vector<4x4xf32>
  vector.print %r : vector<4x4xf32>`, /vector\.transfer_read: vector type vector<4x4xf32> is not supported/);
  refused(`  %a = arith.constant dense<1.0> : vector<8xf16>
  %b = vector.bitcast %a : vector<8xf16> to vector<4xi32>
  vector.print %b : vector<4xi32>`, /vector<8xf16> is not supported/);
});
