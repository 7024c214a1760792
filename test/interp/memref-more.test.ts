// memref's atomics (atomic_rmw of every kind, generic_atomic_rmw), view, reshape, realloc and
// extract_strided_metadata under both engines. Expected outputs were produced by mlir-opt-19 +
// mlir-cpu-runner-19 (pipeline: --expand-realloc --memref-expand, then LOWERING_PIPELINE with
// arith converted before memref, as its generic_atomic_rmw lowering needs); where the toolchain
// is installed the test re-checks that agreement live. Two MLIR 19 gaps are bridged there, by
// rewriting the program as MLIR itself would run it: atomic_rmw mulf/muli have no LLVM lowering
// (written as the generic_atomic_rmw of arith.mulf/muli instead), and a generic_atomic_rmw of
// floats lowers to an llvm.cmpxchg of f32, which the LLVM dialect rejects (after --memref-expand,
// which makes maximumf, minimumf, maxnumf and minnumf such generics, each one is written as its
// load, region and store: one thread, so the same values).
import { test } from "node:test";
import assert from "node:assert/strict";
import { run } from "./helpers.js";
import { runText } from "../backend/wasm/helpers.js";
import { maskOutput, mlirOpt, mlirRunStandard, mlirSkip } from "../support/mlir.js";
import { Engine } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";

await Engine.loadCompiler();

// Every atomic_rmw kind, returning the old value: floats (NaN in the memory and in the operand:
// maximumf/minimumf propagate it, maxnumf/minnumf ignore it), i32 through a strided subview, i8
// wrapping. Which results are NaN is printed, not their sign (LLVM leaves it unspecified).
const ATOMIC = `func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %f = memref.alloc() : memref<6xf32>
  %fv = arith.constant 2.5 : f32
  %nan = arith.constant 0x7FC00000 : f32
  %x = arith.constant 4.0 : f32
  linalg.fill ins(%fv : f32) outs(%f : memref<6xf32>)
  memref.store %nan, %f[%c4] : memref<6xf32>
  memref.store %nan, %f[%c5] : memref<6xf32>
  %r0 = memref.atomic_rmw addf %x, %f[%c0] : (f32, memref<6xf32>) -> f32
  %r1 = memref.atomic_rmw mulf %x, %f[%c0] : (f32, memref<6xf32>) -> f32
  %r2 = memref.atomic_rmw maximumf %nan, %f[%c1] : (f32, memref<6xf32>) -> f32
  %r3 = memref.atomic_rmw maxnumf %nan, %f[%c2] : (f32, memref<6xf32>) -> f32
  %r4 = memref.atomic_rmw assign %x, %f[%c3] : (f32, memref<6xf32>) -> f32
  %r5 = memref.atomic_rmw minnumf %x, %f[%c4] : (f32, memref<6xf32>) -> f32
  %r6 = memref.atomic_rmw minimumf %x, %f[%c5] : (f32, memref<6xf32>) -> f32
  vector.print %r0 : f32
  vector.print %r1 : f32
  vector.print %r2 : f32
  vector.print %r3 : f32
  vector.print %r4 : f32
  vector.print %r5 : f32
  vector.print %r6 : f32
  // which elements are NaN (the sign of a computed NaN is unspecified: LLVM's and wasm's differ)
  %c6 = arith.constant 6 : index
  %flag = arith.constant -1.0 : f32
  scf.for %q = %c0 to %c6 step %c1 {
    %y = memref.load %f[%q] : memref<6xf32>
    %isnan = arith.cmpf uno, %y, %y : f32
    %z = arith.select %isnan, %flag, %y : f32
    memref.store %z, %f[%q] : memref<6xf32>
  }
  %uf = memref.cast %f : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%uf) : (memref<*xf32>) -> ()
  %i = memref.alloc() : memref<4x3xi32>
  %k3 = arith.constant 3 : i32
  %k5 = arith.constant 5 : i32
  %m7 = arith.constant -7 : i32
  linalg.fill ins(%k3 : i32) outs(%i : memref<4x3xi32>)
  %sv = memref.subview %i[1, 1] [2, 2] [2, 1] : memref<4x3xi32> to memref<2x2xi32, strided<[6, 1], offset: 4>>
  %s0 = memref.atomic_rmw addi %k5, %sv[%c1, %c1] : (i32, memref<2x2xi32, strided<[6, 1], offset: 4>>) -> i32
  %s1 = memref.atomic_rmw muli %m7, %sv[%c1, %c1] : (i32, memref<2x2xi32, strided<[6, 1], offset: 4>>) -> i32
  %s2 = memref.atomic_rmw maxs %m7, %sv[%c0, %c0] : (i32, memref<2x2xi32, strided<[6, 1], offset: 4>>) -> i32
  %s3 = memref.atomic_rmw maxu %m7, %sv[%c0, %c1] : (i32, memref<2x2xi32, strided<[6, 1], offset: 4>>) -> i32
  %s4 = memref.atomic_rmw mins %m7, %sv[%c1, %c0] : (i32, memref<2x2xi32, strided<[6, 1], offset: 4>>) -> i32
  %s5 = memref.atomic_rmw minu %m7, %i[%c0, %c0] : (i32, memref<4x3xi32>) -> i32
  %s6 = memref.atomic_rmw ori %k5, %i[%c0, %c1] : (i32, memref<4x3xi32>) -> i32
  %s7 = memref.atomic_rmw andi %m7, %i[%c0, %c1] : (i32, memref<4x3xi32>) -> i32
  %s8 = memref.atomic_rmw assign %m7, %i[%c0, %c2] : (i32, memref<4x3xi32>) -> i32
  vector.print %s0 : i32
  vector.print %s1 : i32
  vector.print %s2 : i32
  vector.print %s3 : i32
  vector.print %s4 : i32
  vector.print %s5 : i32
  vector.print %s6 : i32
  vector.print %s7 : i32
  vector.print %s8 : i32
  %ui = memref.cast %i : memref<4x3xi32> to memref<*xi32>
  call @printMemrefI32(%ui) : (memref<*xi32>) -> ()
  %b = memref.alloc() : memref<2xi8>
  %b127 = arith.constant 127 : i8
  %b1 = arith.constant 1 : i8
  %bm1 = arith.constant -1 : i8
  memref.store %b127, %b[%c0] : memref<2xi8>
  memref.store %b1, %b[%c1] : memref<2xi8>
  %t0 = memref.atomic_rmw addi %b1, %b[%c0] : (i8, memref<2xi8>) -> i8
  %t1 = memref.atomic_rmw maxu %bm1, %b[%c1] : (i8, memref<2xi8>) -> i8
  %t2 = memref.atomic_rmw maxs %bm1, %b[%c0] : (i8, memref<2xi8>) -> i8
  %t3 = memref.atomic_rmw muli %b127, %b[%c1] : (i8, memref<2xi8>) -> i8
  %n0 = memref.load %b[%c0] : memref<2xi8>
  %n1 = memref.load %b[%c1] : memref<2xi8>
  vector.print %t0 : i8
  vector.print %t1 : i8
  vector.print %t2 : i8
  vector.print %t3 : i8
  vector.print %n0 : i8
  vector.print %n1 : i8
  return
}
`;
const ATOMIC_EXPECTED = `2.5
6.5
2.5
2.5
2.5
nan
nan
Unranked Memref base@ = 0x<masked> rank = 1 offset = 0 sizes = [6] strides = [1] data = 
[26,  -1,  2.5,  4,  4,  -1]
3
8
3
3
3
3
3
7
3
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [4, 3] strides = [3, 1] data = 
[[3,   1,   -7], 
 [3,   3,   -7], 
 [3,   3,   3], 
 [3,   -7,   -56]]
127
1
-128
-1
-1
-127
`;

// generic_atomic_rmw: a region of several ops per element of a loop, and an f64 one through a
// strided column.
const GENERIC = `func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %m = memref.alloc() : memref<4xi32>
  %init = arith.constant 10 : i32
  linalg.fill ins(%init : i32) outs(%m : memref<4xi32>)
  %k3 = arith.constant 3 : i32
  scf.for %i = %c0 to %c4 step %c1 {
    %ii = arith.index_cast %i : index to i32
    %old = memref.generic_atomic_rmw %m[%i] : memref<4xi32> {
    ^bb0(%cur: i32):
      %p = arith.muli %cur, %ii : i32
      %q = arith.subi %p, %k3 : i32
      %neg = arith.cmpi slt, %q, %ii : i32
      %r = arith.select %neg, %ii, %q : i32
      memref.atomic_yield %r : i32
    }
    vector.print %old : i32
  }
  %u = memref.cast %m : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  %d = memref.alloc() : memref<2x2xf64>
  %half = arith.constant 0.5 : f64
  linalg.fill ins(%half : f64) outs(%d : memref<2x2xf64>)
  %col = memref.subview %d[0, 1] [2, 1] [1, 1] : memref<2x2xf64> to memref<2xf64, strided<[2], offset: 1>>
  %x = arith.constant 3.0 : f64
  %o = memref.generic_atomic_rmw %col[%c1] : memref<2xf64, strided<[2], offset: 1>> {
  ^bb0(%cur: f64):
    %s = arith.addf %cur, %x : f64
    %t = arith.mulf %s, %s : f64
    memref.atomic_yield %t : f64
  }
  vector.print %o : f64
  %du = memref.cast %d : memref<2x2xf64> to memref<*xf64>
  call @printMemrefF64(%du) : (memref<*xf64>) -> ()
  return
}
`;
const GENERIC_EXPECTED = `10
10
10
10
Unranked Memref base@ = 0x<masked> rank = 1 offset = 0 sizes = [4] strides = [1] data = 
[0,  7,  17,  27]
0.5
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 2] strides = [2, 1] data = 
[[0.5,   0.5], 
 [0.5,   12.25]]
`;

// view: static sizes 8 bytes in and dynamic ones 4 bytes in (overlapping); reshape to a static
// 3x2 with an index shape, then to a dynamic ?x?x? with an i32 shape.
const VIEWS = `func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c6 = arith.constant 6 : index
  %c8 = arith.constant 8 : index
  %buf = memref.alloc() : memref<64xi8>
  %z8 = arith.constant 0 : i8
  linalg.fill ins(%z8 : i8) outs(%buf : memref<64xi8>)
  // a 2x3xf32 view 8 bytes in, and a dynamic ?x2xf32 view 4 bytes in (overlapping it)
  %v = memref.view %buf[%c8][] : memref<64xi8> to memref<2x3xf32>
  scf.for %i = %c0 to %c2 step %c1 {
    scf.for %j = %c0 to %c3 step %c1 {
      %k = arith.muli %i, %c3 : index
      %l = arith.addi %k, %j : index
      %li = arith.index_cast %l : index to i32
      %f = arith.sitofp %li : i32 to f32
      %g = arith.addf %f, %f : f32
      memref.store %g, %v[%i, %j] : memref<2x3xf32>
    }
  }
  %w = memref.view %buf[%c4][%c3] : memref<64xi8> to memref<?x2xf32>
  %wu = memref.cast %w : memref<?x2xf32> to memref<*xf32>
  call @printMemrefF32(%wu) : (memref<*xf32>) -> ()
  %vu = memref.cast %v : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%vu) : (memref<*xf32>) -> ()
  // i32 view of a subview's bytes: offset in bytes through the subview's offset
  // reshape a contiguous 6-element buffer to 3x2 (static) and ?x? (dynamic, shape from a memref of i32)
  %shape = memref.alloc() : memref<2xindex>
  memref.store %c3, %shape[%c0] : memref<2xindex>
  memref.store %c2, %shape[%c1] : memref<2xindex>
  %flat = memref.alloc() : memref<6xf32>
  %one = arith.constant 1.5 : f32
  scf.for %i = %c0 to %c6 step %c1 {
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %g = arith.mulf %f, %one : f32
    memref.store %g, %flat[%i] : memref<6xf32>
  }
  %r = memref.reshape %flat(%shape) : (memref<6xf32>, memref<2xindex>) -> memref<3x2xf32>
  %ru = memref.cast %r : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%ru) : (memref<*xf32>) -> ()
  %shape3 = memref.alloc() : memref<3xi32>
  %i1 = arith.constant 1 : i32
  %i2 = arith.constant 2 : i32
  %i3 = arith.constant 3 : i32
  memref.store %i2, %shape3[%c0] : memref<3xi32>
  memref.store %i1, %shape3[%c1] : memref<3xi32>
  memref.store %i3, %shape3[%c2] : memref<3xi32>
  %r3 = memref.reshape %r(%shape3) : (memref<3x2xf32>, memref<3xi32>) -> memref<?x?x?xf32>
  %r3u = memref.cast %r3 : memref<?x?x?xf32> to memref<*xf32>
  call @printMemrefF32(%r3u) : (memref<*xf32>) -> ()
  %e = memref.load %r3[%c1, %c0, %c2] : memref<?x?x?xf32>
  vector.print %e : f32
  return
}
`;
const VIEWS_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [3, 2] strides = [2, 1] data = 
[[0,   0], 
 [2,   4], 
 [6,   8]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data = 
[[0,   2,   4], 
 [6,   8,   10]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [3, 2] strides = [2, 1] data = 
[[0,   1.5], 
 [3,   4.5], 
 [6,   7.5]]
Unranked Memref base@ = 0x<masked> rank = 3 offset = 0 sizes = [2, 1, 3] strides = [3, 3, 1] data = 
[[[0,    1.5,    3]], 
 [[4.5,    6,    7.5]]]
7.5
`;

// realloc: grow (static, then dynamic: a new buffer, the old elements copied), shrink (dynamic,
// then static with an alignment), and dealloc of the result; extract_strided_metadata of a
// strided subview (its base buffer aliases the allocation) and of a fully dynamic cast of it,
// rebuilt transposed with reinterpret_cast.
const REALLOC = `func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c7 = arith.constant 7 : index
  %a = memref.alloc() : memref<4xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    memref.store %f, %a[%i] : memref<4xf32>
  }
  // grow (static), fill the new tail, then grow again (dynamic) and shrink (dynamic, static)
  %b = memref.realloc %a : memref<4xf32> to memref<6xf32>
  %nine = arith.constant 9.0 : f32
  memref.store %nine, %b[%c4] : memref<6xf32>
  %ten = arith.constant 10.0 : f32
  memref.store %ten, %b[%c5] : memref<6xf32>
  %bu = memref.cast %b : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%bu) : (memref<*xf32>) -> ()
  %c = memref.realloc %b(%c7) : memref<6xf32> to memref<?xf32>
  %d = memref.realloc %c(%c3) : memref<?xf32> to memref<?xf32>
  %du = memref.cast %d : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%du) : (memref<*xf32>) -> ()
  %e = memref.realloc %d {alignment = 64} : memref<?xf32> to memref<2xf32>
  %eu = memref.cast %e : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%eu) : (memref<*xf32>) -> ()
  %n = memref.dim %d, %c0 : memref<?xf32>
  vector.print %n : index
  memref.dealloc %e : memref<2xf32>
  // extract_strided_metadata of a strided subview, and its base buffer
  %m = memref.alloc() : memref<4x5xf32>
  %fl = arith.constant 0.25 : f32
  linalg.fill ins(%fl : f32) outs(%m : memref<4x5xf32>)
  %s = memref.subview %m[1, 2] [2, 3] [2, 1] : memref<4x5xf32> to memref<2x3xf32, strided<[10, 1], offset: 7>>
  %base, %off, %sz:2, %st:2 = memref.extract_strided_metadata %s : memref<2x3xf32, strided<[10, 1], offset: 7>> -> memref<f32>, index, index, index, index, index
  vector.print %off : index
  vector.print %sz#0 : index
  vector.print %sz#1 : index
  vector.print %st#0 : index
  vector.print %st#1 : index
  %x = arith.constant 8.0 : f32
  memref.store %x, %base[] : memref<f32>
  %y = memref.load %m[%c0, %c0] : memref<4x5xf32>
  vector.print %y : f32
  %dyn = memref.cast %s : memref<2x3xf32, strided<[10, 1], offset: 7>> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  %b2, %o2, %z2:2, %t2:2 = memref.extract_strided_metadata %dyn : memref<?x?xf32, strided<[?, ?], offset: ?>> -> memref<f32>, index, index, index, index, index
  %back = memref.reinterpret_cast %b2 to offset: [%o2], sizes: [%z2#1, %z2#0], strides: [%t2#1, %t2#0] : memref<f32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  %bu2 = memref.cast %back : memref<?x?xf32, strided<[?, ?], offset: ?>> to memref<*xf32>
  call @printMemrefF32(%bu2) : (memref<*xf32>) -> ()
  vector.print %o2 : index
  return
}
`;
const REALLOC_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 1 offset = 0 sizes = [6] strides = [1] data = 
[0,  1,  2,  3,  9,  10]
Unranked Memref base@ = 0x<masked> rank = 1 offset = 0 sizes = [3] strides = [1] data = 
[0,  1,  2]
Unranked Memref base@ = 0x<masked> rank = 1 offset = 0 sizes = [2] strides = [1] data = 
[0,  1]
3
7
2
3
10
1
8
Unranked Memref base@ = 0x<masked> rank = 2 offset = 7 sizes = [3, 2] strides = [1, 10] data = 
[[0.25,   0.25], 
 [0.25,   0.25], 
 [0.25,   0.25]]
7
`;

// f16 (rounded once, as MLIR's atomicrmw fadd half) and i64 (unsigned max, wrapping multiply)
const WIDE_NARROW = `func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %h = memref.alloc() : memref<2xf16>
  %x = arith.constant 1.5 : f16
  %y = arith.constant 0.1 : f16
  memref.store %x, %h[%c0] : memref<2xf16>
  %o = memref.atomic_rmw addf %y, %h[%c0] : (f16, memref<2xf16>) -> f16
  %n = memref.load %h[%c0] : memref<2xf16>
  %o32 = arith.extf %o : f16 to f32
  %n32 = arith.extf %n : f16 to f32
  vector.print %o32 : f32
  vector.print %n32 : f32
  %l = memref.alloc() : memref<2xi64>
  %big = arith.constant 9000000000000000000 : i64
  %m1 = arith.constant -1 : i64
  memref.store %big, %l[%c1] : memref<2xi64>
  %p = memref.atomic_rmw maxu %m1, %l[%c1] : (i64, memref<2xi64>) -> i64
  %q = memref.atomic_rmw muli %big, %l[%c1] : (i64, memref<2xi64>) -> i64
  %r = memref.load %l[%c1] : memref<2xi64>
  vector.print %p : i64
  vector.print %q : i64
  vector.print %r : i64
  return
}
`;
const WIDE_NARROW_EXPECTED = `1.5
1.59961
9000000000000000000
-1
-9000000000000000000
`;

const PROGRAMS: Record<string, [string, string]> = {
  "atomic_rmw": [ATOMIC, ATOMIC_EXPECTED], "generic_atomic_rmw": [GENERIC, GENERIC_EXPECTED],
  "atomic_rmw of f16 and i64": [WIDE_NARROW, WIDE_NARROW_EXPECTED], "view and reshape": [VIEWS, VIEWS_EXPECTED], "realloc and extract_strided_metadata": [REALLOC, REALLOC_EXPECTED],
};

for (const [name, [program, expected]] of Object.entries(PROGRAMS)) {
  test(`memref ${name}: the interpreter and the wasm engine print what MLIR printed`, () => {
    assert.equal(run(program).output, expected);
    assert.equal(maskOutput(runText(program, { engine: "wasm" }).out), expected);
  });
}

/** `program` as MLIR 19 can lower and run it, with the same output (see the head comment). */
function asMlirRuns(program: string): string {
  const generic = program.replace(/(%\w+) = memref\.atomic_rmw (mulf|muli) (%\w+), (%\w+)\[([^\]]*)\] : \(\w+, (.*)\) -> (\w+)/g,
    (_, r, kind, v, m, idx, ty, et) => `${r} = memref.generic_atomic_rmw ${m}[${idx}] : ${ty} {
  ^bb0(%old: ${et}):
    %new = arith.${kind} %old, ${v} : ${et}
    memref.atomic_yield %new : ${et}
  }`);
  const expanded = mlirOpt(["--memref-expand"], generic);
  if (expanded.code !== 0) throw new Error(expanded.stderr);
  let k = 0;
  const floatGeneric = /(%\w+) = memref\.generic_atomic_rmw (%\w+)\[([^\]]*)\] : (memref<[^\n]*xf(?:16|32|64)\b[^\n]*) \{\n\s*\^bb0\((%\w+): \w+\):\n([\s\S]*?)\n\s*memref\.atomic_yield (%\w+) : \w+\n\s*\}/g;
  return expanded.stdout.replace(floatGeneric, (_, r, m, idx, ty, arg, body, y) => {
    // the region's values become the function's: renamed apart, the argument is the load
    const own = (s: string) => s.replace(/%(\w+)\b/g, (x: string, n: string) => (x === arg ? r : /^\d+$/.test(n) ? `%g${k}_${n}` : x));
    k++;
    return `${r} = memref.load ${m}[${idx}] : ${ty}\n${own(body)}\n    memref.store ${own(y)}, ${m}[${idx}] : ${ty}`;
  });
}
const MLIR_BEFORE = ["--expand-realloc", "--convert-linalg-to-loops", "--convert-scf-to-cf", "--convert-arith-to-llvm"];

test("memref atomics, views, reshape, realloc, extract_strided_metadata: real MLIR prints the same", { skip: mlirSkip() }, () => {
  for (const [program, expected] of Object.values(PROGRAMS)) assert.equal(mlirRunStandard(asMlirRuns(program), { before: MLIR_BEFORE }), expected);
});

// On threads the wasm engine shares its memory: every update is a compare-exchange loop, so
// none is lost when iterations of a parallel loop update the same elements at once (with plain
// loads and stores, 2000000 iterations on 4 threads lose some of the float sums' updates). Element
// widths 8 to 64 bits, f16 through its 16 bits.
const contended = (n: number) => `func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %n = arith.constant ${n} : index
  %h = memref.alloc() : memref<4xi32>
  %s = memref.alloc() : memref<3xf32>
  %b = memref.alloc() : memref<2xi8>
  %l = memref.alloc() : memref<1xi64>
  %hf = memref.alloc() : memref<1xf16>
  %zi = arith.constant 0 : i32
  %zl = arith.constant 0 : i64
  %zh = arith.constant 0.0 : f16
  %c1000 = arith.constant 1000 : index
  %onel = arith.constant 1 : i64
  %zf = arith.constant 0.0 : f32
  %zb = arith.constant 0 : i8
  linalg.fill ins(%zi : i32) outs(%h : memref<4xi32>)
  linalg.fill ins(%zf : f32) outs(%s : memref<3xf32>)
  linalg.fill ins(%zb : i8) outs(%b : memref<2xi8>)
  linalg.fill ins(%zl : i64) outs(%l : memref<1xi64>)
  linalg.fill ins(%zh : f16) outs(%hf : memref<1xf16>)
  %one = arith.constant 1 : i32
  %onef = arith.constant 1.0 : f32
  %oneb = arith.constant 1 : i8
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %bin = arith.remui %i, %c4 : index
    %ii = arith.index_cast %i : index to i32
    %fi = arith.sitofp %ii : i32 to f32
    %o1 = memref.atomic_rmw addi %one, %h[%bin] : (i32, memref<4xi32>) -> i32
    %o2 = memref.atomic_rmw addf %onef, %s[%c0] : (f32, memref<3xf32>) -> f32
    %o3 = memref.atomic_rmw maximumf %fi, %s[%c1] : (f32, memref<3xf32>) -> f32
    %o4 = memref.generic_atomic_rmw %s[%c2] : memref<3xf32> {
    ^bb0(%x: f32):
      %y = arith.subf %x, %onef : f32
      memref.atomic_yield %y : f32
    }
    %o5 = memref.atomic_rmw addi %oneb, %b[%c1] : (i8, memref<2xi8>) -> i8
    %o6 = memref.atomic_rmw addi %onel, %l[%c0] : (i64, memref<1xi64>) -> i64
    %r = arith.remui %i, %c1000 : index
    %ri = arith.index_cast %r : index to i32
    %rh = arith.sitofp %ri : i32 to f16
    %o7 = memref.atomic_rmw maximumf %rh, %hf[%c0] : (f16, memref<1xf16>) -> f16
    scf.reduce
  }
  %hu = memref.cast %h : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%hu) : (memref<*xi32>) -> ()
  %c3 = arith.constant 3 : index
  scf.for %k = %c0 to %c3 step %c1 {
    %v = memref.load %s[%k] : memref<3xf32>
    %vi = arith.fptosi %v : f32 to i32
    vector.print %vi : i32
  }
  %bv = memref.load %b[%c1] : memref<2xi8>
  vector.print %bv : i8
  %lv = memref.load %l[%c0] : memref<1xi64>
  vector.print %lv : i64
  %hv = memref.load %hf[%c0] : memref<1xf16>
  %hv32 = arith.extf %hv : f16 to f32
  vector.print %hv32 : f32
  return
}
`;
/** What `contended(n)` prints: n/4 per bin, the f32 sums and max exact (n < 2^24), the i8 counter wrapped, the i64 one, the f16 max. */
const contendedOutput = (n: number) => `Unranked Memref base@ = 0x<masked> rank = 1 offset = 0 sizes = [4] strides = [1] data = 
[${new Array(4).fill(n / 4).join(",  ")}]
${n}
${n - 1}
${-n}
${((n + 128) % 256) - 128}
${n}
999
`;

test("memref atomics from a parallel loop on 4 threads lose no update (and agree with the interpreter)", async () => {
  assert.equal(run(contended(40000)).output, contendedOutput(40000));
  const ctx = createCapturingContext({ heapOptions: { shared: true } });
  const e = new Engine({ ctx, threads: 4 }).load(contended(2000000), "contended.mlir");
  try {
    assert.equal(await e.threadsReady(), true);
    e.runMain("main", "void");
    assert.equal(maskOutput(ctx.output()), contendedOutput(2000000));
    assert.equal(e.parallelIterations!.reduce((a, b) => a + b, 0), 2000000);
  } finally { await e.dispose(); }
});

// A reshape to an unranked memref (rank 3 from an i64 shape of dynamic length): the wasm engine
// builds its descriptor at run time; then a reshape of it back to a ranked one.
const UNRANKED_RESHAPE = `func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %m = memref.alloc() : memref<6xf32>
  %x = arith.constant 0.5 : f32
  linalg.fill ins(%x : f32) outs(%m : memref<6xf32>)
  %seven = arith.constant 7.0 : f32
  memref.store %seven, %m[%c1] : memref<6xf32>
  %shape = memref.alloc(%c3) : memref<?xi64>
  %i1 = arith.constant 1 : i64
  %i2 = arith.constant 2 : i64
  %i3 = arith.constant 3 : i64
  memref.store %i2, %shape[%c0] : memref<?xi64>
  memref.store %i1, %shape[%c1] : memref<?xi64>
  memref.store %i3, %shape[%c2] : memref<?xi64>
  %u = memref.reshape %m(%shape) : (memref<6xf32>, memref<?xi64>) -> memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %r = memref.cast %u : memref<*xf32> to memref<?x?x?xf32>
  %d = memref.dim %r, %c2 : memref<?x?x?xf32>
  vector.print %d : index
  %e = memref.load %r[%c0, %c0, %c1] : memref<?x?x?xf32>
  vector.print %e : f32
  %n = memref.rank %u : memref<*xf32>
  vector.print %n : index
  %s2 = memref.alloc() : memref<2xindex>
  memref.store %c3, %s2[%c0] : memref<2xindex>
  memref.store %c2, %s2[%c1] : memref<2xindex>
  %back = memref.reshape %u(%s2) : (memref<*xf32>, memref<2xindex>) -> memref<3x2xf32>
  %bu = memref.cast %back : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%bu) : (memref<*xf32>) -> ()
  return
}
`;
const UNRANKED_RESHAPE_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 3 offset = 0 sizes = [2, 1, 3] strides = [3, 3, 1] data = 
[[[0.5,    7,    0.5]], 
 [[0.5,    0.5,    0.5]]]
3
7
3
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [3, 2] strides = [2, 1] data = 
[[0.5,   7], 
 [0.5,   0.5], 
 [0.5,   0.5]]
`;

test("memref.reshape to an unranked memref: the interpreter and the wasm engine print what MLIR printed", () => {
  assert.equal(run(UNRANKED_RESHAPE).output, UNRANKED_RESHAPE_EXPECTED);
  assert.equal(maskOutput(runText(UNRANKED_RESHAPE, { engine: "wasm" }).out), UNRANKED_RESHAPE_EXPECTED);
});

test("memref.reshape to an unranked memref: real MLIR prints the same", { skip: mlirSkip() }, () => {
  assert.equal(mlirRunStandard(UNRANKED_RESHAPE), UNRANKED_RESHAPE_EXPECTED);
});

// i1 (which MLIR 19's LLVM lowering refuses: atomicrmw wants a byte at least), and an index
// past the memref under --check-bounds, named at the op by both engines.
test("memref.atomic_rmw of i1, and out of bounds: both engines agree", () => {
  const program = `func.func @main() {
  %c0 = arith.constant 0 : index
  %c5 = arith.constant 5 : index
  %b = memref.alloc() : memref<1xi1>
  %t = arith.constant true
  %f = arith.constant false
  memref.store %f, %b[%c0] : memref<1xi1>
  %s = memref.atomic_rmw ori %t, %b[%c0] : (i1, memref<1xi1>) -> i1
  %u = memref.atomic_rmw maxs %f, %b[%c0] : (i1, memref<1xi1>) -> i1
  %v = memref.load %b[%c0] : memref<1xi1>
  vector.print %s : i1
  vector.print %u : i1
  vector.print %v : i1
  %w = memref.atomic_rmw ori %t, %b[%c5] : (i1, memref<1xi1>) -> i1
  return
}
`;
  // true is -1 as a signed i1: the signed max of true and false is false
  for (const engine of ["interp", "wasm"] as const) {
    const ctx = createCapturingContext();
    const e = new Engine({ ctx, engine, checkBounds: true }).load(program, "test.mlir");
    assert.throws(() => e.runMain("main", "void"), (err: Error) =>
      /memref\.atomic_rmw at test\.mlir:14:8: index \[5\] is out of bounds for result of memref\.alloc at test\.mlir:4:8 \(memref<1xi1>\) with shape \[1\]/.test(err.message));
    assert.equal(ctx.output(), "0\n1\n0\n", engine);
  }
});
