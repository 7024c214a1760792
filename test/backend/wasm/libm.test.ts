// math.exp, expm1, tanh, sinh, cosh, log, log10, log1p, sin and cos run in WebAssembly
// (src/backend/wasm/libm.ts, fdlibm's algorithms, which V8's Math functions of those names run): they must give Math's double bit for bit, and
// for f32 its Math.fround, on every input, since the interpreter and the host's libm compute them
// so. The other math functions are host imports taken as plain functions of floats
// (HostFn.float) where declared on floats, through callHost's coercions otherwise.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Engine } from "../../../src/runtime/engine.js";
import { createCapturingContext } from "../../../src/runtime/host.js";
import { Rng } from "../../../src/optimizer/random.js";
import { runBoth } from "./helpers.js";

await Engine.loadCompiler();

const LN2 = Math.LN2;
// sin/cos: pi/4 and 3 pi/4 (the reduction's first cases), multiples of pi/2 to 2^19 pi/2 and just
// off them (where the reduction cancels and takes a second or third part of pi/2), past 2^19 pi/2
// (the host's libm), 2^-27 (the kernels' small case), reduced arguments past 0.78125 (cos's kernel takes 0.28125 off there)
const TRIG_EDGES = [Math.PI / 4, 0.7853981633974484, 3 * Math.PI / 4, 2.356194490192345, 0.3, 0.78125, 2 ** -27, -(2 ** -28),
  ...Array.from({ length: 40 }, (_, k) => 0.7813 + k * 0.0001).flatMap((x) => [x, -x, Math.PI / 2 - x, 3 * Math.PI - x]),
  ...[1, 2, 3, 31, 32, 33, 1000, 2 ** 19].flatMap((k) => [k, k + 2 ** -30, k * (1 - 2 ** -52)].map((x) => x * Math.PI / 2)),
  ...[1, -1].flatMap((s) => [2 ** 19 * Math.PI / 2 * 1.000001, 823550, 823549.5, 1e6, 1e22].map((x) => s * x))];
/** Each function with the edges of its branches (thresholds, argument-reduction ranges, special values). */
const CASES: Array<[string, (x: number) => number, number[]]> = [
  ["exp", Math.exp, [709.78, 709.79, 709.782712893384, -745.13, -745.14, -708.4, -720, 1e-300, -1e-300, 2 ** -28, -(2 ** -29),
    1024 * LN2 - 1e-9, -1022 * LN2, -1030 * LN2]],
  ["expm1", Math.expm1, [56 * LN2, -56 * LN2, 56 * LN2 + 1e-9, -38.9, 709.78, 709.79, 1024 * LN2 - 1e-9, 2 ** -54, -(2 ** -55), 2 ** -53,
    20 * LN2, 19.5 * LN2, 20.5 * LN2, 57 * LN2, -2.5 * LN2, -1.2 * LN2, 0.6 * LN2, 1.4 * LN2]],
  ["tanh", Math.tanh, [22, -22, 21.99, 2 ** -28, -(2 ** -28), 2 ** -29, 1 - 2 ** -53, -(1 + 2 ** -52), 1e-300]],
  // subnormals, the smallest normal, 1 +- 2^-20 (the short series), either side of sqrt(2), the largest double
  ["log", Math.log, [5e-324, 1e-310, 2.2250738585072014e-308, 2.225073858507201e-308, 1 + 2 ** -52, 1 - 2 ** -53, 1 + 2 ** -21, 1 - 2 ** -21,
    1 + 2 ** -19, Math.SQRT2, Math.SQRT2 + 1e-15, Math.SQRT1_2 - 1e-15, 2, 1024, 1.7976931348623157e308, Math.E]],
  ...(["sin", "cos"] as const).map((fn): [string, (x: number) => number, number[]] => [fn, Math[fn], TRIG_EDGES]),
  // their branches: 2^-28, 0.5 ln2, 1, 22, log(max double), the overflow threshold
  ...(["sinh", "cosh"] as const).map((fn): [string, (x: number) => number, number[]] => [fn, Math[fn],
    [2 ** -28, 2 ** -56, 0.3465, 0.3466, 1 - 2 ** -53, 1 + 2 ** -52, 21.999, 22, 709.78, 709.7822265625, 710.475, 710.4758600739439, 710.476, -710.47, 1e-300]]),
  // -1 and below, 2^-29 and 2^-54, the k = 0 range ends (1 + x at sqrt(2)/2 and sqrt(2)), 2^53 (no correction past it)
  ["log1p", Math.log1p, [-1, -1 - 2 ** -52, -1 + 2 ** -53, 2 ** -29, 2 ** -30, 2 ** -54, -(2 ** -55), Math.SQRT2 - 1, Math.SQRT2 - 1 + 1e-15, Math.SQRT1_2 - 1,
    -0.2929, -0.29289, 2 ** 53, 2 ** 53 + 2, 1e300, 2 ** -20, -(2 ** -21), 1e-300]],
  ["log10", Math.log10, [5e-324, 1e-310, 2.2250738585072014e-308, 1, 10, 100, 1e22, 1e-22, 0.1, 1 + 2 ** -52, 1 - 2 ** -53, 1.7976931348623157e308, 2, 0.5]],
];

for (const [fn, ref, edges] of CASES) {
  test(`math.${fn} on f64 and f32 under the wasm engine is Math.${fn} (and its fround) bit for bit`, () => {
    const engine = new Engine({ engine: "wasm", ctx: createCapturingContext() });
    engine.load(`func.func @d(%x: f64) -> f64 {
  %r = math.${fn} %x : f64
  return %r : f64
}
func.func @f(%x: f32) -> f32 {
  %r = math.${fn} %x : f32
  return %r : f32
}`, `${fn}.mlir`);
    const xs = [0, -0, 1, -1, 0.5, -0.5, 0.5 * LN2, 1.5 * LN2, -0.5 * LN2, -1.5 * LN2, Infinity, -Infinity, NaN, ...edges];
    const r = new Rng(20261129), bits = new DataView(new ArrayBuffer(8));
    for (let k = 0; k < 30_000; k++) {
      if (k % 3 === 2) { bits.setUint32(0, r.int(2 ** 32)); bits.setUint32(4, r.int(2 ** 32)); xs.push(bits.getFloat64(0)); }
      else xs.push((r.next() - 0.5) * (k % 3 ? 4 : 1500));
    }
    const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
    // (log, log10: the inputs' absolute values too, since half the random ones are negative)
    for (const x of fn.startsWith("log") ? [...xs, ...xs.map(Math.abs)] : xs) {
      const got = engine.call("d", [x])[0] as number;
      assert.ok(same(got, ref(x)), `${fn}(${x}) = ${got}, Math.${fn} gives ${ref(x)}`);
      const xf = Math.fround(x), gotf = engine.call("f", [xf])[0] as number;
      assert.ok(same(gotf, Math.fround(ref(xf))), `${fn}f(${xf}) = ${gotf}, not ${Math.fround(ref(xf))}`);
    }
  });
}

test("a math host function declared on integers is called through callHost's coercions (the float import would be passed a BigInt)", () => {
  const text = `func.func private @expf(i64) -> i64
func.func private @tanh(i32) -> i32
func.func @main() {
  %c = arith.constant 2 : i64
  %r = func.call @expf(%c) : (i64) -> i64
  vector.print %r : i64
  %one = arith.constant 1 : i32
  %t = func.call @tanh(%one) : (i32) -> i32
  vector.print %t : i32
  return
}`;
  assert.deepEqual(runBoth(text), ["7\n0\n", "7\n0\n"]);
});
