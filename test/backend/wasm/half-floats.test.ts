// f16 and bf16 under the wasm backend (src/backend/wasm/half.ts): values in f32 locals, 16-bit
// patterns in memory, every inexact result rounded once to the 16-bit format. Each program runs
// under both engines; outputs are checked literally and against the interpreter. Values reach
// the ops through parameters, so nothing could fold them before the engines run them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { program, runBoth, runText } from "./helpers.js";

function same(text: string, expected: string): void {
  const [w, i] = runBoth(text);
  assert.equal(w, expected);
  assert.equal(i, expected, "the interpreter differs");
}

/**
 * Prints `%v` of type `t` (f16/bf16) as its 16-bit pattern, then as a value; a NaN only as its
 * pattern (the sign of a NaN an operation makes is the machine's: printF64 would show it).
 */
const show = (v: string, t: string, nan = false) => `
    call @show_${t}${nan ? "_bits" : ""}(${v}) : (${t}) -> ()`;
const SHOW = ["f16", "bf16"].map((t) => `
  func.func @show_${t}_bits(%v: ${t}) {
    %bits = arith.bitcast %v : ${t} to i16
    %u = arith.extui %bits : i16 to i64
    call @printI64(%u) : (i64) -> ()
    call @printNewline() : () -> ()
    return
  }
  func.func @show_${t}(%v: ${t}) {
    %bits = arith.bitcast %v : ${t} to i16
    %u = arith.extui %bits : i16 to i64
    call @printI64(%u) : (i64) -> ()
    call @printComma() : () -> ()
    %d = arith.extf %v : ${t} to f64
    call @printF64(%d) : (f64) -> ()
    call @printNewline() : () -> ()
    return
  }`).join("") + `
  func.func private @printComma()`;

test("f16 arithmetic rounds once to nearest even: past 65504 to inf, ties in normals and subnormals, -0, NaN as 0x7e00 (f16 was 'not supported by the wasm backend')", () => {
  same(program(`${SHOW}
  func.func @ops(%max: f16, %sixteen: f16, %fifteen: f16, %big: f16, %one: f16, %three: f16, %tiny: f16, %half: f16, %onehalf: f16, %zero: f16, %two: f16) {
    %a = arith.addf %max, %sixteen : f16${show("%a", "f16")}
    %b = arith.addf %max, %fifteen : f16${show("%b", "f16")}
    %c = arith.addf %big, %one : f16${show("%c", "f16")}
    %d = arith.addf %big, %three : f16${show("%d", "f16")}
    %e = arith.mulf %tiny, %half : f16${show("%e", "f16")}
    %f = arith.mulf %tiny, %onehalf : f16${show("%f", "f16")}
    %g = arith.divf %one, %three : f16${show("%g", "f16")}
    %h = arith.negf %zero : f16${show("%h", "f16")}
    %i = arith.subf %h, %zero : f16${show("%i", "f16")}
    %j = arith.divf %zero, %zero : f16${show("%j", "f16", true)}
    %k = math.sqrt %two : f16${show("%k", "f16")}
    %l = math.rsqrt %three : f16${show("%l", "f16")}
    %m = arith.remf %max, %three : f16${show("%m", "f16")}
    %n = math.fma %three, %three, %tiny : f16${show("%n", "f16")}
    %o = math.exp %three : f16${show("%o", "f16")}
    %p = arith.maximumf %j, %one : f16${show("%p", "f16", true)}
    %q = arith.minnumf %j, %one : f16${show("%q", "f16")}
    return
  }
  func.func @main() {
    %max = arith.constant 65504.0 : f16
    %sixteen = arith.constant 16.0 : f16
    %fifteen = arith.constant 15.0 : f16
    %big = arith.constant 2048.0 : f16
    %one = arith.constant 1.0 : f16
    %three = arith.constant 3.0 : f16
    %tiny = arith.constant 5.9604644775390625e-08 : f16
    %half = arith.constant 0.5 : f16
    %onehalf = arith.constant 1.5 : f16
    %zero = arith.constant 0.0 : f16
    %two = arith.constant 2.0 : f16
    call @ops(%max, %sixteen, %fifteen, %big, %one, %three, %tiny, %half, %onehalf, %zero, %two) : (f16, f16, f16, f16, f16, f16, f16, f16, f16, f16, f16) -> ()
    return
  }`), [
    "31744, inf", // 65520 is halfway to 65536: even, past the largest finite
    "31743, 65504", // 65519 rounds down
    "26624, 2048", // 2049: a tie, to the even 2048
    "26626, 2052", // 2051: a tie, to the even 2052
    "0, 0", // half the smallest subnormal: a tie, to the even 0
    "2, 1.19209e-07", // 1.5 smallest subnormals: a tie, to the even 2
    "13653, 0.333252",
    "32768, -0",
    "32768, -0", // -0 - 0
    "32256", // 0 / 0: a NaN, stored and bitcast as the quiet NaN 0x7e00
    "15784, 1.41406",
    "14494, 0.577148", // 1 / sqrt(3), the root rounded to f16 first
    "16384, 2", // 65504 = 3 * 21834 + 2
    "18560, 9", // 9 + 2^-24 rounds to 9
    "19717, 20.0781", // e^3 = 20.0855 in steps of 1/64
    "32256",
    "15360, 1",
  ].join("\n") + "\n");
});

test("bf16 arithmetic and conversions round once to its 8 significant bits: overflow, ties from f32, subnormals, a NaN stored or bitcast as 0x7fc0", () => {
  same(program(`${SHOW}
  func.func @ops(%max: bf16, %one: bf16, %three: bf16, %tiny: bf16, %half: bf16, %onehalf: bf16, %tie1: f32, %tie2: f32, %n: i32, %neg: bf16, %snan: i16, %h: f16) {
    %a = arith.addf %max, %max : bf16${show("%a", "bf16")}
    %b = arith.truncf %tie1 : f32 to bf16${show("%b", "bf16")}
    %c = arith.truncf %tie2 : f32 to bf16${show("%c", "bf16")}
    %d = arith.divf %one, %three : bf16${show("%d", "bf16")}
    %e = arith.mulf %tiny, %half : bf16${show("%e", "bf16")}
    %f = arith.mulf %tiny, %onehalf : bf16${show("%f", "bf16")}
    %g = arith.sitofp %n : i32 to bf16${show("%g", "bf16")}
    %i = arith.fptosi %neg : bf16 to i32
    %i64 = arith.extsi %i : i32 to i64
    call @printI64(%i64) : (i64) -> ()
    call @printNewline() : () -> ()
    %j = arith.bitcast %snan : i16 to bf16${show("%j", "bf16", true)}
    %m = memref.alloca() : memref<1xbf16>
    %c0 = arith.constant 0 : index
    memref.store %j, %m[%c0] : memref<1xbf16>
    %k = memref.load %m[%c0] : memref<1xbf16>${show("%k", "bf16", true)}
    %wide = arith.extf %h : f16 to f32
    %l = arith.truncf %wide : f32 to bf16${show("%l", "bf16")}
    %o = arith.extf %l : bf16 to f32
    %p = arith.truncf %o : f32 to f16${show("%p", "f16")}
    %cmp = arith.cmpf olt, %three, %max : bf16
    %q = arith.select %cmp, %neg, %one : bf16${show("%q", "bf16")}
    return
  }
  func.func @main() {
    %max = arith.constant 3.3895313892515355e38 : bf16
    %one = arith.constant 1.0 : bf16
    %three = arith.constant 3.0 : bf16
    %tiny = arith.constant 0x0001 : bf16
    %half = arith.constant 0.5 : bf16
    %onehalf = arith.constant 1.5 : bf16
    %tie1 = arith.constant 1.00390625 : f32
    %tie2 = arith.constant 1.01171875 : f32
    %n = arith.constant 16777217 : i32
    %neg = arith.constant -2.5 : bf16
    %snan = arith.constant -127 : i16
    %h = arith.constant 0.1 : f16
    call @ops(%max, %one, %three, %tiny, %half, %onehalf, %tie1, %tie2, %n, %neg, %snan, %h) : (bf16, bf16, bf16, bf16, bf16, bf16, f32, f32, i32, bf16, i16, f16) -> ()
    return
  }`), [
    "32640, inf",
    "16256, 1", // 1 + 2^-8: a tie, to the even 1
    "16258, 1.01562", // 1 + 3 * 2^-8: a tie, to the even 1 + 2^-6
    "16043, 0.333984",
    "0, 0", // half the smallest subnormal (2^-133): to the even 0
    "2, 1.83671e-40",
    "19328, 1.67772e+07", // 2^24 + 1
    "-2",
    "32704", // the pattern 0xff81 (a NaN) bitcast there and back: the quiet NaN 0x7fc0, as stored
    "32704",
    "15821, 0.100098", // f16's 0.0999756 to bf16
    "11880, 0.100098", // and back (to f32, then f16), where it is exact
    "49184, -2.5",
  ].join("\n") + "\n");
});

test("f16/bf16 data: tensor constants, tensor ops lowered to loops, memref.global, llvm.mlir.global, a promoted accumulator, a strided copy and tensorlang.print (f16 data was 'not supported by the wasm backend')", () => {
  same(program(`${SHOW}
  memref.global "private" constant @g : memref<3xbf16> = dense<[1.0, 3.0e38, -0.1]>
  llvm.mlir.global internal constant @lg(dense<[0.5, 70000.0]> : tensor<2xf16>) : !llvm.array<2 x f16>
  func.func @main() {
    %i = tensorlang.constant dense<[[1.5, 2.0], [65504.0, 0.1]]> : tensor<2x2xf16>
    %j = tensorlang.constant dense<1.0> : tensor<2x2xf16>
    %s = tensorlang.add %i, %i : tensor<2x2xf16>
    %p = tensorlang.matmul %i, %j : tensor<2x2xf16>, tensor<2x2xf16> -> tensor<2x2xf16>
    tensorlang.print %s : tensor<2x2xf16>
    tensorlang.print %p : tensor<2x2xf16>
    %gm = memref.get_global @g : memref<3xbf16>
    tensorlang.print %gm : memref<3xbf16>
    %ptr = llvm.mlir.addressof @lg : !llvm.ptr
    %second = llvm.getelementptr %ptr[0, 1] : (!llvm.ptr) -> !llvm.ptr, !llvm.array<2 x f16>
    %v = llvm.load %second : !llvm.ptr -> f16${show("%v", "f16")}
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index
    %c100 = arith.constant 100 : index
    %tenth = arith.constant 0.1 : f16
    %acc = memref.alloc() : memref<1xf16>
    %zero = arith.constant 0.0 : f16
    memref.store %zero, %acc[%c0] : memref<1xf16>
    scf.for %k = %c0 to %c100 step %c1 {
      %a = memref.load %acc[%c0] : memref<1xf16>
      %b = arith.addf %a, %tenth : f16
      memref.store %b, %acc[%c0] : memref<1xf16>
    }
    tensorlang.print %acc : memref<1xf16>
    %src = memref.alloc() : memref<2x3xbf16>
    %seven = arith.constant 7.0 : bf16
    scf.for %r = %c0 to %c2 step %c1 {
      scf.for %q = %c0 to %c3 step %c1 {
        %rq = arith.muli %r, %c3 : index
        %n = arith.addi %rq, %q : index
        %ni = arith.index_cast %n : index to i32
        %nf = arith.sitofp %ni : i32 to bf16
        %x = arith.divf %nf, %seven : bf16
        memref.store %x, %src[%r, %q] : memref<2x3xbf16>
      }
    }
    %col = memref.subview %src[0, 1] [2, 1] [1, 1] : memref<2x3xbf16> to memref<2x1xbf16, strided<[3, 1], offset: 1>>
    %dst = memref.alloc() : memref<2x1xbf16>
    memref.copy %col, %dst : memref<2x1xbf16, strided<[3, 1], offset: 1>> to memref<2x1xbf16>
    tensorlang.print %dst : memref<2x1xbf16>
    return
  }`), [
    "Tensor<2x2xf16>:", "[[3,   4], ", " [inf,   0.199951]]",
    "Tensor<2x2xf16>:", "[[3.5,   3.5], ", " [65504,   65504]]",
    "Tensor<3xbf16>:", "[1,  3.00406e+38,  -0.100098]",
    "31744, inf", // 70000 is past f16's largest finite
    "Tensor<1xf16>:", "[10.0781]", // 0.1 added 100 times, each sum rounded to f16 (numpy.float16 agrees)
    "Tensor<2x1xbf16>:", "[[0.142578], ", " [0.570312]]",
  ].join("\n") + "\n");
});

test("f16/bf16 cross calls, loops and branches in f32 locals; an argument from the host is rounded to its type, as the interpreter rounds it", () => {
  const text = program(`
  func.func @scale(%x: f16, %y: bf16) -> (f16, bf16) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %r:2 = scf.for %i = %c0 to %c3 step %c1 iter_args(%a = %x, %b = %y) -> (f16, bf16) {
      %a2 = arith.mulf %a, %x : f16
      %b2 = arith.mulf %b, %y : bf16
      scf.yield %a2, %b2 : f16, bf16
    }
    %big = arith.constant 1.0e-5 : f16
    %small = arith.cmpf olt, %r#0, %big : f16
    %out = scf.if %small -> f16 {
      scf.yield %big : f16
    } else {
      scf.yield %r#0 : f16
    }
    return %out, %r#1 : f16, bf16
  }
  func.func @main() {
    return
  }`);
  const results = (engine: "wasm" | "interp") => runText(text, { engine }).engine.call("scale", [0.1, 0.1]);
  const w = results("wasm");
  // 0.1 is 0.0999756 in f16, 0.100098 in bf16; x^4 with each product rounded to the type
  assert.deepEqual(w, [0.00009989738464355469, 0.00010013580322265625]); // as numpy.float16 and a bf16 rounding give
  assert.deepEqual(results("interp"), w);
});

test("vectors of f16/bf16 stay refused with a diagnostic naming the type; f16 cannot reach a host function", () => {
  const vector = program(`func.func @main() {
    %a = arith.constant dense<1.0> : vector<8xf16>
    return
  }`);
  assert.throws(() => runText(vector, { engine: "wasm" }), /test\.mlir:\d+:\d+: error: wasm backend: arith\.constant: vector type vector<8xf16> is not supported by the wasm backend \(.*try --engine interp\)/);
  const host = `module {
  func.func private @printF32(f16)
  func.func @main() {
    %a = arith.constant 1.0 : f16
    call @printF32(%a) : (f16) -> ()
    return
  }
}`;
  assert.throws(() => runText(host, { engine: "wasm" }), /error: wasm backend: func\.call: a value of type f16 cannot be passed to a host function/);
});

test("every f16 and bf16 pattern: conversions, arithmetic and sqrt give the interpreter's bits (a hash of 65536 results per op)", () => {
  // x runs over all 16-bit patterns, y over a scrambled order of them, f over f32 patterns
  // spread across all exponents; each op's result patterns are hashed (h = h * 1000003 + bits).
  const ops = (t: string) => [
    `arith.addf %x, %y : ${t}`, `arith.mulf %x, %y : ${t}`, `arith.divf %x, %y : ${t}`, `math.sqrt %x : ${t}`,
    `math.fma %x, %y, %x : ${t}`, `arith.truncf %f : f32 to ${t}`, `arith.sitofp %i : i32 to ${t}`,
  ];
  const hashes = (t: string) => ops(t).map((o, k) => `
      %r${k} = ${o}
      %b${k} = arith.bitcast %r${k} : ${t} to i16
      %u${k} = arith.extui %b${k} : i16 to i64
      %m${k} = arith.muli %h${k}, %k1000003 : i64
      %n${k} = arith.addi %m${k}, %u${k} : i64`);
  const loop = (t: string) => {
    const n = ops(t).length, hs = Array.from({ length: n }, (_, k) => `%h${k}`), ns = hs.map((h) => h.replace("h", "n"));
    return `
    %out_${t}:${n} = scf.for %j = %c0 to %c65536 step %c1 iter_args(${hs.map((h) => `${h} = %zero`).join(", ")}) -> (${hs.map(() => "i64").join(", ")}) {
      %i = arith.index_cast %j : index to i32
      %xi = arith.trunci %i : i32 to i16
      %i7919 = arith.muli %i, %k7919 : i32
      %yi32 = arith.addi %i7919, %k12345 : i32
      %yi = arith.trunci %yi32 : i32 to i16
      %x = arith.bitcast %xi : i16 to ${t}
      %y = arith.bitcast %yi : i16 to ${t}
      %fi = arith.muli %i, %k65537 : i32
      %fb = arith.addi %fi, %yi32 : i32
      %f = arith.bitcast %fb : i32 to f32${hashes(t).join("")}
      scf.yield ${ns.join(", ")} : ${hs.map(() => "i64").join(", ")}
    }${hs.map((_, k) => `
    call @printI64(%out_${t}#${k}) : (i64) -> ()
    call @printNewline() : () -> ()`).join("")}`;
  };
  const [w, i] = runBoth(program(`
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c65536 = arith.constant 65536 : index
    %zero = arith.constant 0 : i64
    %k1000003 = arith.constant 1000003 : i64
    %k7919 = arith.constant 7919 : i32
    %k12345 = arith.constant 12345 : i32
    %k65537 = arith.constant 65537 : i32${loop("f16")}${loop("bf16")}
    return
  }`));
  assert.equal(w.split("\n").length, 15);
  assert.equal(w, i);
});
