import { test } from "node:test";
import assert from "node:assert/strict";
import { formatPrintf, formatFloat, formatG, formatMemrefData, formatMemrefHeader, formatTensor, FormatError, type PrintfArg } from "../../src/interp/format.js";

// Expected strings were produced once by glibc's printf (gcc on this machine) and are
// hard-coded here; the same cases run against formatPrintf.
const strings = new Map<number, string>();
const int = (v: number | bigint): PrintfArg => ({ kind: "int", value: v });
const float = (v: number): PrintfArg => ({ kind: "float", value: v });
const ptr = (v: number): PrintfArg => ({ kind: "ptr", value: v });
const str = (s: string): PrintfArg => {
  const p = 1000 + strings.size * 64;
  strings.set(p, s);
  return ptr(p);
};
const readString = (p: number): string => {
  const s = strings.get(p);
  if (s === undefined) throw new Error(`no string at ${p}`);
  return s;
};

const cases: Array<[string, PrintfArg[], string]> = [
  ["%d", [int(42)], "42"],
  ["%d", [int(-42)], "-42"],
  ["%i", [int(0)], "0"],
  ["%5d|", [int(42)], "   42|"],
  ["%-5d|", [int(42)], "42   |"],
  ["%05d", [int(-42)], "-0042"],
  ["%+d", [int(5)], "+5"],
  ["% d", [int(5)], " 5"],
  ["%.3d", [int(7)], "007"],
  ["%8.3d", [int(-7)], "    -007"],
  ["%-+6d|", [int(3)], "+3    |"],
  ["%ld", [int(1234567890123n)], "1234567890123"],
  ["%lld", [int(-9223372036854775808n)], "-9223372036854775808"],
  ["%u", [int(4294967295)], "4294967295"],
  ["%u", [int(-1)], "4294967295"],
  ["%lu", [int(-1n)], "18446744073709551615"],
  ["%x", [int(255)], "ff"],
  ["%X", [int(255)], "FF"],
  ["%#x", [int(255)], "0xff"],
  ["%#X", [int(0)], "0"],
  ["%#o", [int(8)], "010"],
  ["%o", [int(8)], "10"],
  ["%08x", [int(0xbeef)], "0000beef"],
  ["%lx", [int(-1n)], "ffffffffffffffff"],
  [".%.0d.", [int(0)], ".."],
  ["%5.0d|", [int(0)], "     |"],
  ["%#x", [int(0)], "0"],
  ["%d", [int(5000000000n)], "705032704"],
  ["%f", [float(3.14159265358979)], "3.141593"],
  ["%.2f", [float(2.675)], "2.67"],
  ["%.0f", [float(0.5)], "0"],
  ["%.0f", [float(1.5)], "2"],
  ["%.0f", [float(2.5)], "2"],
  ["%#.0f", [float(3.0)], "3."],
  ["%10.4f", [float(-3.14159)], "   -3.1416"],
  ["%-10.2f|", [float(1.005)], "1.00      |"],
  ["%+.3f", [float(0.0)], "+0.000"],
  ["%f", [float(-0.0)], "-0.000000"],
  ["%010.3f", [float(-1.5)], "-00001.500"],
  ["%f", [float(1e20)], "100000000000000000000.000000"],
  ["%.3f", [float(1e-10)], "0.000"],
  ["%.2f", [float(0.125)], "0.12"],
  ["%.2f", [float(0.375)], "0.38"],
  ["%.1f", [float(0.05)], "0.1"],
  ["%.0f", [float(0.7)], "1"],
  ["%.1f", [float(9.96)], "10.0"],
  ["%.2f", [float(99.999)], "100.00"],
  ["%e", [float(12345.6789)], "1.234568e+04"],
  ["%.3e", [float(0.00012345)], "1.234e-04"],
  ["%E", [float(1e-300)], "1.000000E-300"],
  ["%e", [float(0.0)], "0.000000e+00"],
  ["%.0e", [float(5e10)], "5e+10"],
  ["%#.0e", [float(5e10)], "5.e+10"],
  ["%e", [float(1e100)], "1.000000e+100"],
  ["%.2e", [float(9.995)], "9.99e+00"],
  ["%.1e", [float(9.96)], "1.0e+01"],
  ["%g", [float(1e-5)], "1e-05"],
  ["%g", [float(1e-4)], "0.0001"],
  ["%g", [float(100000.0)], "100000"],
  ["%g", [float(1e6)], "1e+06"],
  ["%g", [float(123456789.0)], "1.23457e+08"],
  ["%g", [float(0.0001234)], "0.0001234"],
  ["%g", [float(3.0)], "3"],
  ["%g", [float(0.1)], "0.1"],
  ["%g", [float(1 / 3)], "0.333333"],
  ["%.3g", [float(1234.5)], "1.23e+03"],
  ["%.10g", [float(1 / 3)], "0.3333333333"],
  ["%#g", [float(1.0)], "1.00000"],
  ["%#.3g", [float(100.0)], "100."],
  ["%G", [float(1e-10)], "1E-10"],
  ["%g", [float(0.0)], "0"],
  ["%g", [float(-0.0)], "-0"],
  ["%.0g", [float(123.0)], "1e+02"],
  ["%g", [float(1e15)], "1e+15"],
  ["%g", [float(999999.5)], "1e+06"],
  ["%g", [float(9.9999995e-5)], "0.0001"],
  ["%.17g", [float(0.1)], "0.10000000000000001"],
  ["%g", [float(5e-324)], "4.94066e-324"],
  ["%g", [float(1.7976931348623157e308)], "1.79769e+308"],
  ["%g", [float(0.00001)], "1e-05"],
  ["%.15g", [float(0.1 + 0.2)], "0.3"],
  ["%g", [float(Math.fround(1 / 3))], "0.333333"],
  ["%g", [float(Math.fround(1e10))], "1e+10"],
  ["%g", [float(-2.5e-7)], "-2.5e-07"],
  ["%g", [float(123456.0)], "123456"],
  ["%g", [float(1234567.0)], "1.23457e+06"],
  ["%f", [float(Infinity)], "inf"],
  ["%f", [float(-Infinity)], "-inf"],
  ["%F", [float(Infinity)], "INF"],
  ["%e", [float(NaN)], "nan"],
  ["%5.1f|", [float(NaN)], "  nan|"],
  ["%-6g|", [float(Infinity)], "inf   |"],
  ["%+g", [float(Infinity)], "+inf"],
  ["%E", [float(Infinity)], "INF"],
  ["%G", [float(NaN)], "NAN"],
  ["%010f", [float(Infinity)], "       inf"],
  ["%.3f", [float(1.0005)], "1.000"],
  ["%e", [float(1.5e-310)], "1.500000e-310"],
  ["%.20f", [float(0.1)], "0.10000000000000000555"],
  ["%.60f", [float(1e-50)], "0.000000000000000000000000000000000000000000000000010000000000"],
  ["%f", [float(123456789012345678901234567890.0)], "123456789012345677877719597056.000000"],
  ["%6.2f", [float(100)], "100.00"],
  ["%6.2f", [float(Math.fround(-1.62))], " -1.62"],
  ["%6.2f", [float(0.005)], "  0.01"],
  ["%6.2f", [float(-0.001)], " -0.00"],
  ["%c", [int(65)], "A"],
  ["%3c|", [int(122)], "  z|"],
  ["%-3c|", [int(122)], "z  |"],
  ["100%%", [], "100%"],
  ["%p", [ptr(0x1234)], "0x1234"],
  ["%p", [ptr(0)], "(nil)"],
  ["%*d", [int(6), int(42)], "    42"],
  ["%-*d|", [int(6), int(42)], "42    |"],
  ["%.*f", [int(2), float(3.14159)], "3.14"],
  ["%*.*f", [int(8), int(3), float(2.5)], "   2.500"],
  ["%*d|", [int(-4), int(7)], "7   |"],
  ["%hd", [int(70000)], "4464"],
  ["%hhd", [int(300)], "44"],
  ["%hu", [int(-1)], "65535"],
  ["%zu", [int(5n)], "5"],
  ["%jd", [int(-5n)], "-5"],
  ["x=%d y=%5.2f z=%s!", [int(3), float(2.0), str("str")], "x=3 y= 2.00 z=str!"],
];

test("printf matches glibc on the recorded cases", () => {
  for (const [fmt, args, expected] of cases) {
    assert.equal(formatPrintf(fmt, args, readString), expected, `format ${JSON.stringify(fmt)}`);
  }
});

test("printf %s: width, precision, left alignment, null", () => {
  assert.equal(formatPrintf("[%10s|%-4s|%.3s]", [str("hi"), str("ab"), str("abcdef")], readString), "[        hi|ab  |abc]");
  assert.equal(formatPrintf("%s", [ptr(0)], readString), "(null)");
});

test("negative NaN prints -nan, as glibc", () => {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, NaN);
  dv.setUint8(0, dv.getUint8(0) | 0x80);
  const negNaN = dv.getFloat64(0);
  assert.equal(formatG(negNaN), "-nan");
  assert.equal(formatFloat(negNaN, "f", 2, "", 6), "  -nan");
});

test("printf reports argument mismatches and unknown conversions as FormatError", () => {
  assert.throws(() => formatPrintf("%d %d", [int(1)], readString), (e: unknown) => e instanceof FormatError && /too few arguments/.test(e.message));
  assert.throws(() => formatPrintf("%f", [int(1)], readString), /expects a floating-point argument/);
  assert.throws(() => formatPrintf("%d", [float(1)], readString), /expects an integer argument/);
  assert.throws(() => formatPrintf("%a", [float(1)], readString), /unsupported conversion '%a'/);
  assert.throws(() => formatPrintf("abc %", [], readString), /ends inside a conversion/);
});

test("formatG is %g with 6 significant digits", () => {
  assert.equal(formatG(Math.fround(1 / 3)), "0.333333");
  assert.equal(formatG(1e10), "1e+10");
  assert.equal(formatG(-3), "-3");
  assert.equal(formatG(0.5), "0.5");
  assert.equal(formatG(-Infinity), "-inf");
  assert.equal(formatG(NaN), "nan");
});

// Expected text captured from mlir-cpu-runner-19 (libmlir_runner_utils.so) printMemrefF32 etc.
const f32 = (x: number): string => formatG(Math.fround(x));

test("memref data layout: rank 2, f32 special values", () => {
  const vals = [0.5, 1e10, -3, 1 / 3, NaN, Infinity];
  assert.equal(formatMemrefData([2, 3], [3, 1], 0, (o) => f32(vals[o])),
    "[[0.5,   1e+10,   -3], \n [0.333333,   nan,   inf]]");
  assert.equal(formatMemrefHeader(0x1000, [2, 3], [3, 1], 0),
    "Unranked Memref base@ = 0x1000 rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data = \n");
});

test("memref data layout: rank 0 and rank 1", () => {
  assert.equal(formatMemrefData([], [], 0, () => f32(1 / 3)), "[0.333333]");
  assert.equal(formatMemrefHeader(16, [], [], 0), "Unranked Memref base@ = 0x10 rank = 0 offset = 0 sizes = [] strides = [] data = \n");
  const v = [0.5, -Infinity, -3, 1e10];
  assert.equal(formatMemrefData([4], [1], 0, (o) => f32(v[o])), "[0.5,  -inf,  -3,  1e+10]");
});

test("memref data layout: rank 3", () => {
  const elem = (o: number): string => f32(o / -3);
  assert.equal(formatMemrefData([2, 2, 3], [6, 3, 1], 0, elem),
    "[[[-0,    -0.333333,    -0.666667], \n" +
    "  [-1,    -1.33333,    -1.66667]], \n" +
    " [[-2,    -2.33333,    -2.66667], \n" +
    "  [-3,    -3.33333,    -3.66667]]]");
});

test("memref data layout: strided subview with offset, column of size-1 rows", () => {
  // memref.subview %a[1, 1] [2, 3] [1, 1] of a 4x4 filled with 10*i+j.
  assert.equal(formatMemrefData([2, 3], [4, 1], 5, (o) => String(10 * Math.floor(o / 4) + (o % 4))),
    "[[11,   12,   13], \n [21,   22,   23]]");
  assert.equal(formatMemrefData([3, 1], [1, 1], 0, () => "-7"), "[[-7], \n [-7], \n [-7]]");
  assert.equal(formatMemrefData([1, 1], [1, 1], 0, () => "-nan"), "[[-nan]]");
  // no elements: nothing read (MLIR 19 prints an element read past the buffer per size-0 dimension)
  for (const sizes of [[0], [2, 0], [0, 2], [3, 0, 2]]) assert.equal(formatMemrefData(sizes, sizes.map(() => 1), 0, () => { throw new Error("read"); }), "[]");
});

test("formatTensor prints a type line and the memref layout", () => {
  assert.equal(formatTensor([2, 3], "f32", [1, 2, 3, 4, 5, 6]), "Tensor<2x3xf32>:\n[[1,   2,   3], \n [4,   5,   6]]\n");
  assert.equal(formatTensor([], "f64", [0.25]), "Tensor<f64>:\n[0.25]\n");
  assert.equal(formatTensor([2], "i64", [-3n, 1234567890123n]), "Tensor<2xi64>:\n[-3,  1234567890123]\n");
  const negNaN = new Float32Array(new Uint32Array([0xffc00000]).buffer)[0];
  assert.equal(formatG(negNaN), "-nan", "printf keeps the sign");
  assert.equal(formatTensor([2], "f32", [negNaN, NaN]), "Tensor<2xf32>:\n[nan,  nan]\n", "tensorlang.print does not");
  assert.equal(formatTensor([0, 3], "f32", []), "Tensor<0x3xf32>:\n[]\n");
  assert.throws(() => formatTensor([2, 2], "f32", [1, 2]), /2 values for a tensor of 4 elements/);
});
