// The builtin types beyond iN, index and f16..f64: si/ui integers, f80, f128, tf32, the 8-bit
// floats, complex<...> and scalable vectors. Interned (equal is identical), printed as
// mlir-opt-19 prints them (the expected texts are its output), float values never changed
// beyond the type's rounding, folds exact.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { FloatAttr, IntegerAttr, TypeAttr } from "../../src/ir/attributes.js";
import { DiagnosticError } from "../../src/ir/diagnostics.js";
import { decodeFloat, floatBits, roundFloat } from "../../src/ir/float.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { runPasses } from "../../src/passes/pass.js";
import { lookupPass } from "../../src/passes/registry.js";
import {
  ComplexType, FloatType, FunctionType, IntegerType, SignedIntegerType, TensorType, Type, VectorType, f32, i32, uncomputablePart,
} from "../../src/ir/types.js";

const ctx = createContext();
const argType = (t: string): Type =>
  ((parseModule(`func.func private @f(${t})`, "t.mlir", ctx).ops[0].attr("function_type") as TypeAttr).type as FunctionType).inputs[0];
const print = (text: string) => printModule(parseModule(text, "t.mlir", ctx), ctx);
const constant = (lit: string) => /= arith.constant (.*)\n/.exec(print(`func.func @f() {\n  %0 = arith.constant ${lit}\n  return\n}`))![1];

test("each new type is one interned value: parsing it twice, or building it, gives the same object", () => {
  assert.equal(argType("si8"), SignedIntegerType.get(8, false));
  assert.equal(argType("ui8"), SignedIntegerType.get(8, true));
  assert.notEqual(argType("ui8"), argType("si8"));
  assert.notEqual(SignedIntegerType.get(8, false) as unknown, IntegerType.get(8)); // si8 is not i8
  assert.equal(argType("f128"), FloatType.get("f128"));
  assert.equal(argType("f8E4M3FNUZ"), FloatType.get("f8E4M3FNUZ"));
  assert.equal(argType("complex<f32>"), ComplexType.get(f32));
  assert.equal(argType("vector<2x[4]xf32>"), VectorType.get([2, 4], f32, [false, true]));
  assert.notEqual(argType("vector<2x[4]xf32>"), VectorType.get([2, 4], f32)); // scalability is part of the type
  assert.equal(VectorType.get([4], i32, [false]), VectorType.get([4], i32));
  assert.equal(argType("tensor<3xcomplex<si16>>"), TensorType.get([3], ComplexType.get(SignedIntegerType.get(16, false))));
  assert.deepEqual([FloatType.get("f80").width, FloatType.get("tf32").width, FloatType.get("f8E5M2").width], [80, 19, 8]);
});

test("integers with signedness keep their value as MLIR prints it: 255 : ui8 stays 255, -1 : si8 is -1", () => {
  assert.equal(new IntegerAttr(255, SignedIntegerType.get(8, true)).str, "255 : ui8");
  assert.equal(new IntegerAttr(-1, SignedIntegerType.get(8, true)).str, "255 : ui8");
  assert.equal(new IntegerAttr(255, SignedIntegerType.get(8, false)).str, "-1 : si8");
  assert.match(print("func.func private @f() attributes {a = 18446744073709551615 : ui64}"), /a = 18446744073709551615 : ui64/);
  assert.match(print(`func.func private @f() attributes {a = dense<"0xFF01"> : tensor<2xui8>, b = dense<"0xFF01"> : tensor<2xsi8>}`),
    /a = dense<\[255, 1\]> : tensor<2xui8>, b = dense<\[-1, 1\]> : tensor<2xsi8>/);
});

test("float constants print as mlir-opt-19 prints them", () => {
  const want: Array<[string, string]> = [
    ["1.5 : f128", "1.500000e+00 : f128"],
    ["0.1 : f128", "0.100000000000000005551115123125782702 : f128"], // the double 0.1, as MLIR reads it
    ["0.1 : f80", "0.100000000000000005551 : f80"],
    ["3.0 : f128", "3.000000e+00 : f128"],
    ["2.0e-320 : f128", "1.99997773436536601082675047353056012E-320 : f128"],
    ["0x3FFF8000000000000000000000000000 : f128", "1.500000e+00 : f128"],
    ["0x7FFF0000000000000000000000000000 : f128", "0x7FFF0000000000000000000000000000 : f128"], // inf
    ["0x7FFF8000000000000000 : f80", "0x7FFF8000000000000000 : f80"], // inf (the explicit leading bit set)
    ["0x3FFFC000000000000000 : f80", "1.500000e+00 : f80"],
    ["0.1 : tf32", "9.997550e-02 : tf32"],
    ["0x3FC00 : tf32", "0x3FC00 : tf32"],
    ["0.3 : f8E5M2", "3.125000e-01 : f8E5M2"],
    ["100000.0 : f8E5M2", "0x7C : f8E5M2"], // past its largest finite: infinity, as f16
    ["0x7F : f8E4M3FN", "0x7F : f8E4M3FN"],
    ["0x80 : f8E4M3FNUZ", "0x80 : f8E4M3FNUZ"],
    ["-0.0 : f8E4M3FNUZ", "0.000000e+00 : f8E4M3FNUZ"], // no negative zero
    ["1.1 : f8E4M3B11FNUZ", "1.125000e+00 : f8E4M3B11FNUZ"],
    ["0x7E : f8E4M3", "0x7E : f8E4M3"],
    ["464.0 : f8E4M3FN", "4.480000e+02 : f8E4M3FN"], // a tie between 448 and (the NaN's) 480: to the even 448
  ];
  for (const [lit, out] of want) assert.equal(constant(lit), out, lit);
});

test("bit patterns: every 8-bit float pattern decodes and encodes back (one NaN pattern per type without infinities)", () => {
  for (const k of ["f8E5M2", "f8E4M3", "f8E4M3FN", "f8E5M2FNUZ", "f8E4M3FNUZ", "f8E4M3B11FNUZ"] as const) {
    for (let b = 0n; b < 256n; b++) {
      const v = decodeFloat(b, k)!;
      assert.notEqual(v, undefined);
      if (v === v) assert.equal(roundFloat(v, FloatType.get(k)), v, `${k} ${b} is a value of the type`);
      if (v === v || k === "f8E5M2" || k === "f8E4M3") assert.equal(floatBits(v, k), b, `${k} 0x${b.toString(16)}`);
    }
  }
  assert.equal(decodeFloat(0x3fff8000000000000000000000000001n, "f128"), undefined); // more than 53 bits
  assert.equal(decodeFloat(0x3fff8000000000000000000000000000n, "f128"), 1.5);
  assert.equal(floatBits(1.5, "f80"), 0x3fffc000000000000000n);
  assert.equal(floatBits(-Infinity, "f128"), 0xffff0000000000000000000000000000n);
});

test("float literals a double cannot hold, or that would become a NaN, are errors at the literal", () => {
  const err = (lit: string) => {
    try { print(`func.func @f() {\n  %0 = arith.constant ${lit}\n  return\n}`); } catch (e) {
      assert.ok(e instanceof DiagnosticError);
      return `${e.diagnostics[0].loc?.line}:${e.diagnostics[0].loc?.col} ${e.diagnostics[0].message}`;
    }
    assert.fail(`${lit} was accepted`);
  };
  assert.match(err("0x3FFF8000000000000000000000000001 : f128"), /^2:23 0x3FFF8000000000000000000000000001 cannot be held exactly as f128 here/);
  assert.match(err("1.0e5000 : f128"), /^2:23 1\.0e5000 is past a double's range/);
  assert.match(err("500.0 : f8E4M3FN"), /^2:23 500\.0 is out of range for f8E4M3FN \(largest finite value 448; it has no infinity\)/);
  assert.match(err("-0x7C : f8E5M2"), /^2:24 hexadecimal float literal should not have a leading minus/);
});

test("--canonicalize folds f80/f128 arithmetic only where a double holds the exact result; casts through bits exactly", () => {
  const canon = (body: string, ret: string) => {
    const m = parseModule(`func.func @f() -> ${ret} {\n${body}\n}`, "t.mlir", ctx);
    runPasses(m, ctx, [lookupPass("canonicalize")!]);
    return printModule(m, ctx);
  };
  // 1 + 1e-30 needs 100 bits: left for the runtime (MLIR folds it exactly; a double would round it away)
  const inexact = canon("  %a = arith.constant 1.0 : f128\n  %b = arith.constant 1.0e-30 : f128\n  %s = arith.addf %a, %b : f128\n  return %s : f128", "f128");
  assert.match(inexact, /arith\.addf/);
  const exact = canon("  %a = arith.constant 1.5 : f128\n  %s = arith.mulf %a, %a : f128\n  return %s : f128", "f128");
  assert.match(exact, /arith\.constant 2\.250000e\+00 : f128\n/);
  const big = canon("  %c = arith.constant 9007199254740993 : i64\n  %d = arith.sitofp %c : i64 to f128\n  return %d : f128", "f128");
  assert.match(big, /arith\.sitofp/);
  const nan = canon("  %x = arith.constant 400.0 : f8E4M3FN\n  %y = arith.addf %x, %x : f8E4M3FN\n  return %y : f8E4M3FN", "f8E4M3FN");
  assert.match(nan, /arith\.constant 0x7F : f8E4M3FN/); // 800 has no finite f8E4M3FN: its NaN, as MLIR folds it
  const bits = canon("  %a = arith.constant 1.5 : f8E5M2\n  %b = arith.bitcast %a : f8E5M2 to i8\n  return %b : i8", "i8");
  assert.match(bits, /arith\.constant 62 : i8/);
});

test("uncomputablePart names what the engines have no values for, inside shaped and function types too", () => {
  const part = (t: string) => uncomputablePart(argType(t))?.str;
  assert.equal(part("memref<4xui8>"), "ui8");
  assert.equal(part("tensor<2xcomplex<f32>>"), "complex<f32>");
  assert.equal(part("vector<[4]xf32>"), "vector<[4]xf32>");
  assert.equal(part("memref<2xf8E4M3FN>"), "f8E4M3FN");
  assert.equal(part("tuple<i32, f128>"), "f128");
  assert.equal(part("(i32) -> si8"), "si8");
  for (const t of ["f16", "bf16", "f32", "f64", "i128", "memref<4xindex>", "vector<4xf32>"]) assert.equal(part(t), undefined, t);
});

test("FloatAttr keeps an f128 value a double holds, and rounds small types", () => {
  assert.equal(new FloatAttr(0.1, FloatType.get("f128")).value, 0.1);
  assert.equal(new FloatAttr(0.3, FloatType.get("f8E5M2")).value, 0.3125);
  assert.ok(Number.isNaN(new FloatAttr(1000, FloatType.get("f8E4M3FN")).value));
  assert.ok(Object.is(new FloatAttr(-0, FloatType.get("f8E5M2FNUZ")).value, 0));
});

test("spaces may stand around the parts of a shape, as MLIR lexes them as tokens (mlir-opt-19 reads all of these)", () => {
  const text = "func.func private @f(tensor< 4 x ? x f32 >, vector< 4 x [ 8 ] x i8 >, memref< * x f32 >, memref< 4 x f32 , 1 >)";
  assert.match(print(text), /\(tensor<4x\?xf32>, vector<4x\[8\]xi8>, memref<\*xf32>, memref<4xf32, 1>\)/);
});
