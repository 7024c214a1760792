// Vector ops under the wasm backend, checked literally and against the reference interpreter.
// Expected outputs were checked against mlir-cpu-runner-19 where MLIR defines them (f32
// transcendentals there are glibc's, which can differ by an ulp: atan2(2, -0.5) prints 1.81577).
import { test } from "node:test";
import assert from "node:assert/strict";
import { program, runBoth, runText } from "./helpers.js";

function same(body: string, expected: string): void {
  const [w, i] = runBoth(program(body + SHOW));
  assert.equal(w, expected);
  assert.equal(i, expected, "the interpreter differs");
}

/** `@show4`/`@show2<e>`: prints a vector as vector.print does ("( 1, 2, 3, 4 )"). */
function show(name: string, t: string, lanes: number, print: string, widen = ""): string {
  const lines = Array.from({ length: lanes }, (_, k) => `
    %x${k} = vector.extract %v[${k}] : ${t} from vector<${lanes}x${t}>${widen ? `
    %w${k} = ${widen} %x${k} : ${t} to i64` : ""}
    call @${print}(%${widen ? "w" : "x"}${k}) : (${widen ? "i64" : t}) -> ()${k + 1 < lanes ? `
    call @printComma() : () -> ()` : ""}`).join("");
  return `
  func.func @${name}(%v: vector<${lanes}x${t}>) {
    call @printOpen() : () -> ()${lines}
    call @printClose() : () -> ()
    call @printNewline() : () -> ()
    return
  }`;
}
const SHOW = `
  func.func private @printOpen()
  func.func private @printClose()
  func.func private @printComma()` +
  show("show4", "f32", 4, "printF32") + show("show2f", "f64", 2, "printF64") + show("show2i", "i64", 2, "printI64") +
  show("show4i", "i32", 4, "printI64", "arith.extsi");
const s4 = (v: string) => `call @show4(${v}) : (vector<4xf32>) -> ()`;

/** %m: memref<`shape`xf32> filled with 0, 1, 2, ... in row-major order. */
const iota = (shape: string, n: number, idx: string) => `
    %m = memref.alloc() : memref<${shape}xf32>
    %flat = memref.reinterpret_cast %m to offset: [0], sizes: [${n}], strides: [1] : memref<${shape}xf32> to memref<${n}xf32>
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %cn = arith.constant ${n} : index
    scf.for %i = %c0 to %cn step %c1 {
      %ii = arith.index_cast %i : index to i32
      %f = arith.sitofp %ii : i32 to f32
      memref.store %f, %flat[%i] : memref<${n}xf32>
    }
    %pad = arith.constant -1.0 : f32${idx}`;

test("vector.transfer_read/write of 1-D vectors: out-of-bounds lanes read the padding and are not written, masked-off lanes too (they were 'not supported by the wasm backend')", () => {
  same(`
  func.func @main() {${iota("6", 6, `
    %c3 = arith.constant 3 : index`)}
    %a = vector.transfer_read %m[%c0], %pad {in_bounds = [true]} : memref<6xf32>, vector<4xf32>
    ${s4("%a")}
    %b = vector.transfer_read %m[%c3], %pad : memref<6xf32>, vector<4xf32>
    ${s4("%b")}
    %mask = arith.constant dense<[true, false, true, true]> : vector<4xi1>
    %c = vector.transfer_read %m[%c1], %pad, %mask : memref<6xf32>, vector<4xf32>
    ${s4("%c")}
    %d = vector.transfer_read %m[%c3], %pad, %mask : memref<6xf32>, vector<4xf32>
    ${s4("%d")}
    %w = arith.constant dense<[10.0, 20.0, 30.0, 40.0]> : vector<4xf32>
    vector.transfer_write %w, %m[%c3] : vector<4xf32>, memref<6xf32>
    vector.transfer_write %w, %m[%c0], %mask : vector<4xf32>, memref<6xf32>
    %e = vector.transfer_read %m[%c0], %pad {in_bounds = [true]} : memref<6xf32>, vector<4xf32>
    ${s4("%e")}
    %e2 = vector.transfer_read %m[%c3], %pad : memref<6xf32>, vector<4xf32>
    ${s4("%e2")}
    memref.dealloc %m : memref<6xf32>
    return
  }`, "( 0, 1, 2, 3 )\n( 3, 4, 5, -1 )\n( 1, -1, 3, 4 )\n( 3, -1, 5, -1 )\n( 10, 1, 30, 40 )\n( 40, 20, 30, -1 )\n");
});

test("vector.transfer on a 2-D memref: along the last dimension, down a column and broadcast by the permutation map; an out-of-range leading index (undefined in MLIR) pads every lane as the interpreter does", () => {
  same(`
  func.func @main() {${iota("3x5", 15, `
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index`)}
    %a = vector.transfer_read %m[%c1, %c2], %pad : memref<3x5xf32>, vector<4xf32>
    ${s4("%a")}
    %b = vector.transfer_read %m[%c1, %c3], %pad {permutation_map = affine_map<(d0, d1) -> (d0)>} : memref<3x5xf32>, vector<4xf32>
    ${s4("%b")}
    %c = vector.transfer_read %m[%c2, %c1], %pad {in_bounds = [true], permutation_map = affine_map<(d0, d1) -> (0)>} : memref<3x5xf32>, vector<4xf32>
    ${s4("%c")}
    %d = vector.transfer_read %m[%c3, %c1], %pad : memref<3x5xf32>, vector<4xf32>
    ${s4("%d")}
    %w = arith.constant dense<[10.0, 20.0, 30.0, 40.0]> : vector<4xf32>
    vector.transfer_write %w, %m[%c2, %c0] {permutation_map = affine_map<(d0, d1) -> (d0)>} : vector<4xf32>, memref<3x5xf32>
    vector.transfer_write %w, %m[%c2, %c3] : vector<4xf32>, memref<3x5xf32>
    %e = vector.transfer_read %m[%c0, %c0], %pad {permutation_map = affine_map<(d0, d1) -> (d0)>} : memref<3x5xf32>, vector<4xf32>
    ${s4("%e")}
    %e2 = vector.transfer_read %m[%c2, %c1], %pad : memref<3x5xf32>, vector<4xf32>
    ${s4("%e2")}
    memref.dealloc %m : memref<3x5xf32>
    return
  }`, "( 7, 8, 9, -1 )\n( 8, 13, -1, -1 )\n( 11, 11, 11, 11 )\n( -1, -1, -1, -1 )\n( 0, 5, 10, -1 )\n( 11, 12, 10, 20 )\n");
});

test("vector.transfer in a loop with a remainder: 2-lane f64 and i64 on dynamic and strided memrefs, with vector<2xi1> masks", () => {
  same(`
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %n = arith.constant 5 : index
    %m = memref.alloc(%n) : memref<?xf64>
    %q = memref.alloc() : memref<10xi64>
    scf.for %i = %c0 to %n step %c1 {
      %ii = arith.index_cast %i : index to i64
      %f = arith.sitofp %ii : i64 to f64
      memref.store %f, %m[%i] : memref<?xf64>
      %i2 = arith.muli %ii, %ii : i64
      memref.store %i2, %q[%i] : memref<10xi64>
      %j = arith.addi %i, %n : index
      memref.store %ii, %q[%j] : memref<10xi64>
    }
    %zero = arith.constant 0.0 : f64
    %half = arith.constant dense<0.5> : vector<2xf64>
    scf.for %i = %c0 to %n step %c2 {
      %v = vector.transfer_read %m[%i], %zero : memref<?xf64>, vector<2xf64>
      %s = arith.addf %v, %half : vector<2xf64>
      vector.transfer_write %s, %m[%i] : vector<2xf64>, memref<?xf64>
      func.call @show2f(%v) : (vector<2xf64>) -> ()
    }
    %end = arith.constant 4 : index
    %l4 = memref.load %m[%end] : memref<?xf64>
    %lv = vector.broadcast %l4 : f64 to vector<2xf64>
    call @show2f(%lv) : (vector<2xf64>) -> ()
    %odd = memref.subview %q[1] [5] [2] : memref<10xi64> to memref<5xi64, strided<[2], offset: 1>>
    %p = arith.constant -7 : i64
    %r = vector.transfer_read %odd[%c1], %p : memref<5xi64, strided<[2], offset: 1>>, vector<2xi64>
    call @show2i(%r) : (vector<2xi64>) -> ()
    %c4 = arith.constant 4 : index
    %r2 = vector.transfer_read %odd[%c4], %p : memref<5xi64, strided<[2], offset: 1>>, vector<2xi64>
    call @show2i(%r2) : (vector<2xi64>) -> ()
    %mk = arith.constant dense<[false, true]> : vector<2xi1>
    %r3 = vector.transfer_read %q[%c0], %p, %mk {in_bounds = [true]} : memref<10xi64>, vector<2xi64>
    call @show2i(%r3) : (vector<2xi64>) -> ()
    %w = arith.constant dense<[100, 200]> : vector<2xi64>
    vector.transfer_write %w, %odd[%c0], %mk : vector<2xi64>, memref<5xi64, strided<[2], offset: 1>>
    %r4 = vector.transfer_read %q[%c2], %p : memref<10xi64>, vector<2xi64>
    call @show2i(%r4) : (vector<2xi64>) -> ()
    memref.dealloc %m : memref<?xf64>
    memref.dealloc %q : memref<10xi64>
    return
  }`, "( 0, 1 )\n( 2, 3 )\n( 4, 0 )\n( 4.5, 4.5 )\n( 9, 0 )\n( 4, -7 )\n( -7, 1 )\n( 4, 200 )\n");
});

/** `%r = <op> <args> : T` for each op, each result shown. */
const each = (name: string, ops: string[], args: string, t: string, showFn: string) => ops.map((o, k) => `
    %${name}${k} = ${o} ${args} : ${t}
    call @${showFn}(%${name}${k}) : (${t}) -> ()`).join("");

test("math ops on 128-bit vectors: transcendentals lane by lane as the scalar path calls them, rsqrt/copysign/absi in SIMD (they were 'must be unrolled to scalars first' or 'float op on vector<4xf32>')", () => {
  same(`
  func.func @main() {
    %x = arith.constant dense<[0.5, -1.25, 2.0, 3.0]> : vector<4xf32>
    %y = arith.constant dense<[2.5, 3.0, -0.5, 0.75]> : vector<4xf32>
    %ax = math.absf %x : vector<4xf32>${each("u", ["math.exp", "math.log", "math.tanh", "math.sin", "math.cos", "math.sqrt", "math.rsqrt", "math.erf", "math.cbrt", "math.round"], "%ax", "vector<4xf32>", "show4")}${each("b", ["math.powf", "math.atan2", "math.copysign", "arith.remf"], "%x, %y", "vector<4xf32>", "show4")}
    %f = math.fma %x, %y, %ax : vector<4xf32>
    call @show4(%f) : (vector<4xf32>) -> ()
    // (1 + 2^-12)^2 - (1 + 2^-11) is 2^-24, rounded once as the scalar fma (f32 mul then add gives 0)
    %fa = arith.constant dense<1.000244140625> : vector<4xf32>
    %fc = arith.constant dense<-1.00048828125> : vector<4xf32>
    %f1 = math.fma %fa, %fa, %fc : vector<4xf32>
    call @show4(%f1) : (vector<4xf32>) -> ()
    %d = arith.constant dense<[1.0e-3, -0.75]> : vector<2xf64>${each("d", ["math.expm1", "math.log1p", "math.atan", "math.absf"], "%d", "vector<2xf64>", "show2f")}
    %dn = arith.constant dense<[-1.0, 2.0]> : vector<2xf64>
    %dc = math.copysign %d, %dn : vector<2xf64>
    call @show2f(%dc) : (vector<2xf64>) -> ()
    %i = arith.constant dense<[-2147483648, -5, 0, 7]> : vector<4xi32>
    %ai = math.absi %i : vector<4xi32>
    call @show4i(%ai) : (vector<4xi32>) -> ()
    %l = arith.constant dense<[-9223372036854775808, -3]> : vector<2xi64>
    %al = math.absi %l : vector<2xi64>
    call @show2i(%al) : (vector<2xi64>) -> ()
    %p = arith.constant dense<[3, -1, 0, 31]> : vector<4xi32>
    %b = arith.constant dense<[-2, 2, 5, 3]> : vector<4xi32>
    %ip = math.ipowi %b, %p : vector<4xi32>
    call @show4i(%ip) : (vector<4xi32>) -> ()
    %fp = math.fpowi %x, %p : vector<4xf32>, vector<4xi32>
    call @show4(%fp) : (vector<4xf32>) -> ()
    return
  }`, [
    "( 1.64872, 3.49034, 7.38906, 20.0855 )", "( -0.693147, 0.223144, 0.693147, 1.09861 )", "( 0.462117, 0.848284, 0.964028, 0.995055 )",
    "( 0.479426, 0.948985, 0.909297, 0.14112 )", "( 0.877583, 0.315322, -0.416147, -0.989992 )", "( 0.707107, 1.11803, 1.41421, 1.73205 )",
    "( 1.41421, 0.894427, 0.707107, 0.57735 )", "( 0.5205, 0.9229, 0.995322, 0.999978 )", "( 0.793701, 1.07722, 1.25992, 1.44225 )",
    "( 1, 1, 2, 3 )", "( 0.176777, -1.95312, 0.707107, 2.27951 )", "( 0.197396, -0.394791, 1.81578, 1.32582 )",
    "( 0.5, 1.25, -2, 3 )", "( 0.5, -1.25, 0, 0 )", "( 1.75, -2.5, 1, 5.25 )",
    "( 5.96046e-08, 5.96046e-08, 5.96046e-08, 5.96046e-08 )", "( 0.0010005, -0.527633 )", "( 0.0009995, -1.38629 )",
    "( 0.001, -0.643501 )", "( 0.001, 0.75 )", "( -0.001, 0.75 )", "( -2147483648, 5, 0, 7 )",
    "( -9223372036854775808, 3 )", "( -8, 0, 1, 1264544299 )", "( 0.125, -0.8, 1, 6.17673e+14 )",
  ].join("\n") + "\n");
});

test("integer shifts and divisions on vector<4xi32> / vector<2xi64>: one SIMD shift by a splat or broadcast amount, otherwise lane by lane, amounts modulo the width (they were 'arith.shli on vector<4xi32> is not supported')", () => {
  same(`
  func.func @main() {
    %x = arith.constant dense<[-16, 1, 255, -2147483648]> : vector<4xi32>
    %k = arith.constant dense<[1, 33, 4, 31]> : vector<4xi32>
    %k3 = arith.constant dense<3> : vector<4xi32>
    %s = arith.constant 36 : i32
    %kb = vector.broadcast %s : i32 to vector<4xi32>
    %m = memref.alloc() : memref<1xi32>
    %c0 = arith.constant 0 : index
    memref.store %s, %m[%c0] : memref<1xi32>
    %ld = memref.load %m[%c0] : memref<1xi32>
    %kl = vector.broadcast %ld : i32 to vector<4xi32>${["%k", "%k3", "%kb", "%kl"].map((k, j) => ["shli", "shrsi", "shrui"].map((o) => `
    %${o}${j} = arith.${o} %x, ${k} : vector<4xi32>
    call @show4i(%${o}${j}) : (vector<4xi32>) -> ()`).join("")).join("")}
    %q = arith.divsi %x, %k : vector<4xi32>
    call @show4i(%q) : (vector<4xi32>) -> ()
    %r = arith.remui %x, %k : vector<4xi32>
    call @show4i(%r) : (vector<4xi32>) -> ()
    %y = arith.constant dense<[-9223372036854775807, 12345]> : vector<2xi64>
    %yk = arith.constant dense<[63, 66]> : vector<2xi64>
    %y65 = arith.constant dense<65> : vector<2xi64>${["%yk", "%y65"].map((k, j) => ["shli", "shrsi", "shrui"].map((o) => `
    %l${o}${j} = arith.${o} %y, ${k} : vector<2xi64>
    call @show2i(%l${o}${j}) : (vector<2xi64>) -> ()`).join("")).join("")}
    memref.dealloc %m : memref<1xi32>
    return
  }`, [
    "( -32, 2, 4080, 0 )", "( -8, 0, 15, -1 )", "( 2147483640, 0, 15, 1 )", "( -128, 8, 2040, 0 )",
    "( -2, 0, 31, -268435456 )", "( 536870910, 0, 31, 268435456 )", "( -256, 16, 4080, 0 )", "( -1, 0, 15, -134217728 )",
    "( 268435455, 0, 15, 134217728 )", "( -256, 16, 4080, 0 )", "( -1, 0, 15, -134217728 )", "( 268435455, 0, 15, 134217728 )",
    "( -16, 0, 63, -69273666 )", "( 0, 1, 3, 2 )", "( -9223372036854775808, 49380 )", "( -1, 3086 )",
    "( 1, 3086 )", "( 2, 24690 )", "( -4611686018427387904, 6172 )", "( 4611686018427387904, 6172 )",
  ].join("\n") + "\n");
});

test("i8 and i16 vectors are a diagnostic naming the vectors the backend holds (it said vector<16xi8> 'does not fit a v128')", () => {
  const text = program(`
  func.func @main() {
    %c = arith.constant 3 : i8
    %a = vector.broadcast %c : i8 to vector<16xi8>
    return
  }`);
  assert.throws(() => runText(text, { engine: "wasm" }),
    /test\.mlir:\d+:\d+: error: wasm backend: vector\.broadcast: vector type vector<16xi8> is not supported by the wasm backend \(its vectors are vector<4xf32>, .* try --engine interp\)/);
});
