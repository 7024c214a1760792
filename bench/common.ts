// Shared by the matmul benchmarks (bench/matmul, bench/optimize): the program, flags, output
// parsing, the wasm SIMD ceiling kernel.
import binaryen from "../src/backend/wasm/binaryen.js";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export { LOWERING_PIPELINE, RUNNER_LIBS } from "../test/support/mlir.js";

/** `--name value` from the command line, or `dflt`. */
export function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : dflt;
}

/** examples/matmul_loops.mlir at size n (shapes, loop bounds and the FLOP count in the time line). */
export function programFor(n: number): string {
  const root = join(dirname(new URL(import.meta.url).pathname), "..", "..");
  const src = readFileSync(join(root, "examples", "matmul_loops.mlir"), "utf8");
  return src.replace(/256/g, String(n)).replace("3.355443e+07", (2 * n ** 3).toExponential(6));
}

/** The kernel's seconds from the program's "time: <s> s" line. */
export function seconds(out: string): number {
  const m = /time: ([0-9.e+-]+) s/.exec(out);
  if (!m) throw new Error(`no time line in output:\n${out}`);
  return Number(m[1]);
}
export const checksum = (out: string): string | undefined => /checksum: (\S+)/.exec(out)?.[1];

/**
 * Compiling runs binaryen's own wasm, which V8 then re-optimizes on background threads for a
 * second or two: on a 2-core machine those threads take the core a kernel runs on, and the
 * process's CPU clock counts them. Timing starts once they are done.
 */
export const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 1500));

/** Iterations of one ceiling call (~0.2 ms: a busy machine preempts long runs) and its flops. */
export const CEILING_ITERS = 40_000, CEILING_ACC = 12, CEILING_FLOPS = CEILING_ITERS * CEILING_ACC * 8;

/**
 * The 128-bit wasm SIMD ceiling's module: `fma(n)` runs n iterations of f32x4.relaxed_madd on
 * 12 independent register accumulators (no memory traffic), 8 flops per lane group each.
 */
export function ceilingModule(): WebAssembly.Module {
  const m = new binaryen.Module();
  m.setFeatures(binaryen.Features.SIMD128 | binaryen.Features.RelaxedSIMD);
  // binaryen's JS API has no relaxed_madd helper; the C API is exposed (FACTS.md).
  const B = binaryen as unknown as { _BinaryenSIMDTernary(mod: number, op: number, a: number, b: number, c: number): number; RelaxedMaddVecF32x4: number };
  const ptr = (m as unknown as { ptr: number }).ptr;
  const v128 = binaryen.v128;
  // params: iterations (i32); locals: a, b, acc0..acc11
  const a = 1, b = 2, acc0 = 3;
  const body: number[] = [];
  for (let k = 0; k < CEILING_ACC; k++) {
    body.push(m.local.set(acc0 + k, B._BinaryenSIMDTernary(ptr, B.RelaxedMaddVecF32x4, m.local.get(a, v128), m.local.get(b, v128), m.local.get(acc0 + k, v128))));
  }
  body.push(m.local.set(0, m.i32.sub(m.local.get(0, binaryen.i32), m.i32.const(1))));
  body.push(m.br("top", m.local.get(0, binaryen.i32)));
  let sum = m.local.get(acc0, v128);
  for (let k = 1; k < CEILING_ACC; k++) sum = m.f32x4.add(sum, m.local.get(acc0 + k, v128));
  m.addFunction("fma", binaryen.createType([binaryen.i32]), binaryen.f32, [v128, v128, ...Array.from({ length: CEILING_ACC }, () => v128)], m.block(null, [
    m.local.set(a, m.f32x4.splat(m.f32.const(1.0000001))),
    m.local.set(b, m.f32x4.splat(m.f32.const(0.9999999))),
    m.loop("top", m.block(null, body)),
    m.f32x4.extract_lane(sum, 0),
  ], binaryen.f32));
  m.addFunctionExport("fma", "fma");
  if (!m.validate()) throw new Error("ceiling kernel does not validate");
  const bin = m.emitBinary();
  m.dispose();
  return new WebAssembly.Module(new Uint8Array(bin));
}

/** The ceiling's `fma(iterations)` (compiling it needs V8's relaxed-SIMD flag, which importing src/runtime/engine.js sets). */
export const ceilingKernel = (mod = ceilingModule()) => new WebAssembly.Instance(mod, {}).exports.fma as (n: number) => number;
