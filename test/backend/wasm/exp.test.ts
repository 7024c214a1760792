// math.exp runs in WebAssembly (src/backend/wasm/exp.ts, fdlibm's algorithm, which V8's
// Math.exp runs): it must give Math.exp's double bit for bit, and expf's Math.fround of it, on
// every input, since the interpreter and the host's libm compute them so. The other math
// functions are host imports taken as plain functions of floats (HostFn.float) where declared on
// floats, through callHost's coercions otherwise.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Engine } from "../../../src/runtime/engine.js";
import { createCapturingContext } from "../../../src/runtime/host.js";
import { Rng } from "../../../src/optimizer/random.js";
import { runBoth } from "./helpers.js";

await Engine.loadCompiler();

test("math.exp on f64 and f32 under the wasm engine is Math.exp (and its fround) bit for bit", () => {
  const engine = new Engine({ engine: "wasm", ctx: createCapturingContext() });
  engine.load(`func.func @e(%x: f64) -> f64 {
  %r = math.exp %x : f64
  return %r : f64
}
func.func @ef(%x: f32) -> f32 {
  %r = math.exp %x : f32
  return %r : f32
}`, "exp.mlir");
  // The branches' edges: overflow and underflow thresholds, |x| at 0.5 ln2, 1.5 ln2 and 2^-28,
  // exp(1), k = 1024 and results below the normal range; then random doubles of every size.
  const xs = [0, -0, 1, -1, 0.5, 709.78, 709.79, 709.782712893384, -745.13, -745.14, -708.4, -720, 1e-300, -1e-300, 2 ** -28, -(2 ** -29),
    0.5 * Math.LN2, 1.5 * Math.LN2, 1024 * Math.LN2 - 1e-9, -1022 * Math.LN2, -1030 * Math.LN2, Infinity, -Infinity, NaN];
  const r = new Rng(20261129), bits = new DataView(new ArrayBuffer(8));
  for (let k = 0; k < 30_000; k++) {
    if (k % 3 === 2) { bits.setUint32(0, r.int(2 ** 32)); bits.setUint32(4, r.int(2 ** 32)); xs.push(bits.getFloat64(0)); }
    else xs.push((r.next() - 0.5) * (k % 3 ? 4 : 1500));
  }
  const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
  for (const x of xs) {
    const got = engine.call("e", [x])[0] as number;
    assert.ok(same(got, Math.exp(x)), `exp(${x}) = ${got}, Math.exp gives ${Math.exp(x)}`);
    const xf = Math.fround(x), gotf = engine.call("ef", [xf])[0] as number;
    assert.ok(same(gotf, Math.fround(Math.exp(xf))), `expf(${xf}) = ${gotf}, not ${Math.fround(Math.exp(xf))}`);
  }
});

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
