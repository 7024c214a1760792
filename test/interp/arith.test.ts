// arith semantics: integer wraparound at every width, signed/unsigned division and shifts, casts,
// f32 rounding after every op (checked through bitcasts), NaN-aware min/max, index arithmetic.
// Expected outputs were produced by mlir-opt-19 + mlir-cpu-runner-19 on the same program;
// where the toolchain is installed the test also re-checks that agreement live.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mlirOutput, needsOps, run } from "./helpers.js";

const ARITH_PROGRAM = `module {
  func.func private @printI64(i64)
  func.func private @printU64(i64)
  func.func private @printF32(f32)
  func.func private @printF64(f64)
  func.func private @printNewline()
  func.func @pi(%x: i32) {
    %e = arith.extsi %x : i32 to i64
    call @printI64(%e) : (i64) -> ()
    call @printNewline() : () -> ()
    return
  }
  func.func @main() {
    %max = arith.constant 2147483647 : i32
    %one = arith.constant 1 : i32
    %m3 = arith.constant -7 : i32
    %c2 = arith.constant 2 : i32
    %a = arith.addi %max, %one : i32
    call @pi(%a) : (i32) -> ()
    %b = arith.muli %max, %max : i32
    call @pi(%b) : (i32) -> ()
    %d = arith.divsi %m3, %c2 : i32
    call @pi(%d) : (i32) -> ()
    %r = arith.remsi %m3, %c2 : i32
    call @pi(%r) : (i32) -> ()
    %fd = arith.floordivsi %m3, %c2 : i32
    call @pi(%fd) : (i32) -> ()
    %cd = arith.ceildivsi %m3, %c2 : i32
    call @pi(%cd) : (i32) -> ()
    %du = arith.divui %m3, %c2 : i32
    call @pi(%du) : (i32) -> ()
    %sh = arith.shrsi %m3, %one : i32
    call @pi(%sh) : (i32) -> ()
    %shu = arith.shrui %m3, %one : i32
    call @pi(%shu) : (i32) -> ()
    %shl = arith.shli %max, %one : i32
    call @pi(%shl) : (i32) -> ()
    %x8 = arith.constant 100 : i8
    %y8 = arith.muli %x8, %x8 : i8
    %z8 = arith.extsi %y8 : i8 to i32
    call @pi(%z8) : (i32) -> ()
    %u8 = arith.extui %y8 : i8 to i32
    call @pi(%u8) : (i32) -> ()
    %big = arith.constant 9223372036854775807 : i64
    %one64 = arith.constant 1 : i64
    %wrap = arith.addi %big, %one64 : i64
    call @printI64(%wrap) : (i64) -> ()
    call @printNewline() : () -> ()
    %neg = arith.constant -1 : i64
    call @printU64(%neg) : (i64) -> ()
    call @printNewline() : () -> ()
    %lt = arith.cmpi ult, %m3, %c2 : i32
    %slt = arith.cmpi slt, %m3, %c2 : i32
    %lt32 = arith.extui %lt : i1 to i32
    %slt32 = arith.extsi %slt : i1 to i32
    call @pi(%lt32) : (i32) -> ()
    call @pi(%slt32) : (i32) -> ()
    %t = arith.constant true
    %tf = arith.sitofp %t : i1 to f32
    call @printF32(%tf) : (f32) -> ()
    call @printNewline() : () -> ()
    %f1 = arith.constant 0.1 : f32
    %f2 = arith.constant 0.2 : f32
    %f3 = arith.addf %f1, %f2 : f32
    %bits = arith.bitcast %f3 : f32 to i32
    call @pi(%bits) : (i32) -> ()
    %g1 = arith.constant 0.1 : f64
    %g2 = arith.constant 0.2 : f64
    %g3 = arith.addf %g1, %g2 : f64
    %gbits = arith.bitcast %g3 : f64 to i64
    call @printI64(%gbits) : (i64) -> ()
    call @printNewline() : () -> ()
    %third = arith.constant 3.0 : f32
    %q = arith.divf %f1, %third : f32
    %qd = arith.extf %q : f32 to f64
    call @printF64(%qd) : (f64) -> ()
    call @printNewline() : () -> ()
    %big32 = arith.constant 1.0e10 : f32
    %conv = arith.fptosi %f3 : f32 to i32
    call @pi(%conv) : (i32) -> ()
    %m = arith.constant -2.5 : f32
    %mi = arith.fptosi %m : f32 to i32
    call @pi(%mi) : (i32) -> ()
    %tr = arith.truncf %g3 : f64 to f32
    %trb = arith.bitcast %tr : f32 to i32
    call @pi(%trb) : (i32) -> ()
    %nz = arith.constant -0.0 : f32
    %z = arith.constant 0.0 : f32
    %mx = arith.maximumf %nz, %z : f32
    %mxb = arith.bitcast %mx : f32 to i32
    call @pi(%mxb) : (i32) -> ()
    %mn = arith.minimumf %nz, %z : f32
    %mnb = arith.bitcast %mn : f32 to i32
    call @pi(%mnb) : (i32) -> ()
    %sel = arith.select %slt, %m3, %c2 : i32
    call @pi(%sel) : (i32) -> ()
    %ix = arith.index_cast %m3 : i32 to index
    %ix2 = arith.muli %ix, %ix : index
    %back = arith.index_cast %ix2 : index to i64
    call @printI64(%back) : (i64) -> ()
    call @printNewline() : () -> ()
    %rf = arith.remf %m, %third : f32
    call @printF32(%rf) : (f32) -> ()
    call @printNewline() : () -> ()
    %ng = arith.negf %m : f32
    call @printF32(%ng) : (f32) -> ()
    call @printNewline() : () -> ()
    %u = arith.uitofp %m3 : i32 to f64
    call @printF64(%u) : (f64) -> ()
    call @printNewline() : () -> ()
    %tri = arith.trunci %big : i64 to i16
    %trx = arith.extsi %tri : i16 to i32
    call @pi(%trx) : (i32) -> ()
    return
  }
}
`;

const ARITH_EXPECTED = `-2147483648
1
-3
-1
-4
-3
2147483644
-4
2147483644
-2
16
16
-9223372036854775808
18446744073709551615
0
-1
-1
1050253722
4599075939470750516
0.0333333
0
-2
1050253722
0
-2147483648
-7
49
-2.5
2.5
4.29497e+09
-1
`;

test("arith: wraparound, division, casts and f32 rounding match MLIR", { skip: needsOps("arith.addi") }, () => {
  assert.equal(run(ARITH_PROGRAM).output, ARITH_EXPECTED);
});

test("arith: real MLIR prints the same", { skip: needsOps("arith.addi") }, (t) => {
  const want = mlirOutput(ARITH_PROGRAM);
  if (want === undefined) { t.skip("mlir-opt-19/mlir-cpu-runner-19 not installed"); return; }
  assert.equal(run(ARITH_PROGRAM).output, want);
});
import { TensorValue } from "../../src/interp/values.js";

test("integer division by zero is a runtime error naming the function", () => {
  const src = `func.func @div(%a: i32, %b: i32) -> i32 {
    %q = arith.divsi %a, %b : i32
    return %q : i32
  }
  func.func @main() {
    %a = arith.constant 7 : i32
    %z = arith.constant 0 : i32
    %q = call @div(%a, %z) : (i32, i32) -> i32
    return
  }`;
  assert.throws(() => run(src), (e: Error) => e.name === "InterpreterError" && /@div/.test(e.message) && /divide by zero/.test(e.message));
});

test("signed division overflow traps like wasm (INT_MIN / -1)", () => {
  const src = `func.func @main() {
    %a = arith.constant -2147483648 : i32
    %b = arith.constant -1 : i32
    %q = arith.divsi %a, %b : i32
    return
  }`;
  assert.throws(() => run(src), /integer overflow/);
});

test("arith works elementwise on vectors and returns results to the caller", () => {
  const src = `func.func @main() -> (vector<4xf32>, i64, index, i1) {
    %a = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : vector<4xf32>
    %b = arith.constant dense<0.5> : vector<4xf32>
    %c = arith.mulf %a, %b : vector<4xf32>
    %d = arith.addf %c, %a : vector<4xf32>
    %x = arith.constant -5 : i64
    %y = arith.constant 3 : i64
    %r = arith.remsi %x, %y : i64
    %i = arith.constant 9007199254740991 : index
    %one = arith.constant 1 : index
    %j = arith.addi %i, %one : index
    %t = arith.cmpi sgt, %j, %i : index
    return %d, %r, %j, %t : vector<4xf32>, i64, index, i1
  }`;
  const [v, r, j, t] = run(src).results;
  assert.ok(v instanceof TensorValue);
  assert.deepEqual(v.data, [1.5, 3, 4.5, 6]);
  assert.equal(r, -2n);
  assert.equal(j, 9007199254740992);
  assert.equal(t, 1);
});

test("math.ipowi wraps at the width; negative powers are 0 except of 1 and -1; 0 to a negative power divides by zero", () => {
  const src = `func.func @main() -> (i64, i8, i64, i64, i32) {
    %b = arith.constant 3 : i64
    %e = arith.constant 5 : i64
    %m1 = arith.constant -1 : i64
    %a = math.ipowi %b, %e : i64
    %b8 = arith.constant 3 : i8
    %e8 = arith.constant 7 : i8
    %c = math.ipowi %b8, %e8 : i8
    %d = math.ipowi %b, %m1 : i64
    %f = math.ipowi %m1, %m1 : i64
    %v = arith.constant dense<[2, -2]> : vector<2xi32>
    %w = arith.constant dense<[31, 33]> : vector<2xi32>
    %p = math.ipowi %v, %w : vector<2xi32>
    %g = vector.extract %p[0] : i32 from vector<2xi32>
    return %a, %c, %d, %f, %g : i64, i8, i64, i64, i32
  }`;
  assert.deepEqual(run(src).results, [243n, -117, 0n, -1n, -2147483648]);
  const zero = `func.func @main() -> i32 {
    %z = arith.constant 0 : i32
    %m = arith.constant -2 : i32
    %r = math.ipowi %z, %m : i32
    return %r : i32
  }`;
  assert.throws(() => run(zero), /integer divide by zero/);
});

test("f16 and bf16 round to their own precision (once), overflow to inf, and go through memory and bitcast as 16-bit patterns", () => {
  const src = `func.func @main() -> (f16, f16, bf16, f16, i16, f16, f16) {
    %max = arith.constant 65504.0 : f16
    %inf = arith.addf %max, %max : f16
    %three = arith.constant 3.0 : f16
    %third = arith.divf %max, %three : f16
    %t = arith.constant 0.1 : f32
    %b = arith.truncf %t : f32 to bf16
    %h = arith.truncf %t : f32 to f16
    %bits = arith.bitcast %h : f16 to i16
    %m = memref.alloc() : memref<2xf16>
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    memref.store %h, %m[%c0] : memref<2xf16>
    memref.store %inf, %m[%c1] : memref<2xf16>
    %x = memref.load %m[%c0] : memref<2xf16>
    %y = memref.load %m[%c1] : memref<2xf16>
    return %inf, %third, %b, %h, %bits, %x, %y : f16, f16, bf16, f16, i16, f16, f16
  }`;
  // 65504 / 3 = 21834.67, and f16's spacing there is 16; 0.1 is 0x2E66 = 11878 in f16, 0x3DCD in bf16
  assert.deepEqual(run(src).results, [Infinity, 21840, 0.10009765625, 0.0999755859375, 11878, 0.0999755859375, Infinity]);
});
