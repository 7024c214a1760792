// Shared by the benchmarks (bench/matmul, bench/optimize): the programs, flags, output
// parsing, the wasm SIMD ceiling kernel.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileWasm } from "../src/backend/wasm/abi.js";
import { Engine, type EngineKind } from "../src/runtime/engine.js";
import { createCapturingContext, systemClock } from "../src/runtime/host.js";
import binaryen from "../src/backend/wasm/binaryen.js";
import { LOWERING_PIPELINE, RUNNER_LIBS, readExample } from "../test/support/mlir.js";

export { LOWERING_PIPELINE, RUNNER_LIBS };

/** `--name value` from the command line, or `dflt`. */
export function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : dflt;
}

/** A host clock whose rtclock() reads the process's CPU time (so a busy shared machine skews ratios less). */
const cpuClock = {
  now: () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; },
  realtime: systemClock.realtime,
};

/** Builds the rtclock-on-CPU-time shim for mlir-cpu-runner; undefined if no C compiler. */
export function cpuClockShim(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), "tl-bench-"));
  writeFileSync(join(dir, "c.c"), "#include <time.h>\ndouble rtclock(void) { struct timespec t; clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec * 1e-9; }\n");
  const r = spawnSync("cc", ["-O2", "-shared", "-fPIC", "-o", join(dir, "libcpuclock.so"), join(dir, "c.c")], { encoding: "utf8" });
  return r.status === 0 ? join(dir, "libcpuclock.so") : undefined;
}

/** What a timed program printed: its "time: <s> s" line and its checksum. */
export interface Timed { s: number; sum?: string }
const timed = (out: string): Timed => ({ s: seconds(out), sum: checksum(out) });

/** `text`'s main under our engine `kind`, its rtclock() on CPU time where `cpu` (as the shim gives mlir-cpu-runner). */
export function runOurs(text: string, kind: EngineKind, cpu: boolean): Timed {
  const ctx = createCapturingContext(cpu ? { clock: cpuClock } : {});
  new Engine({ engine: kind, ctx }).load(text, "bench.mlir").runMain("main");
  return timed(ctx.output());
}

/** `text` lowered by mlir-opt-19 and run by mlir-cpu-runner-19 -O3 (`libs` first: a clock shim): what it printed, or why it failed. */
export function runMlirO3(text: string, libs: string[] = []): Timed | string {
  const opt = spawnSync("mlir-opt-19", LOWERING_PIPELINE, { input: text, encoding: "utf8", maxBuffer: 1 << 28 });
  if (opt.error || opt.status !== 0) return `mlir-opt-19 unavailable or failed: ${opt.error?.message ?? opt.stderr.slice(0, 200)}`;
  const r = spawnSync("mlir-cpu-runner-19", ["-O3", "-e", "main", "-entry-point-result=void", `-shared-libs=${[...libs, ...RUNNER_LIBS].join(",")}`],
    { input: opt.stdout, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.error || r.status !== 0) return `mlir-cpu-runner-19 failed: ${r.error?.message ?? r.stderr.slice(0, 200)}`;
  return timed(r.stdout);
}

/** examples/matmul_loops.mlir at size n (shapes, loop bounds and the FLOP count in the time line). */
export function programFor(n: number): string {
  return readExample("matmul_loops.mlir").replace(/256/g, String(n)).replace("3.355443e+07", (2 * n ** 3).toExponential(6));
}

/** FLOPs of a 3x3 valid convolution with an n x n output. */
export const conv2dFlops = (n: number): number => 2 * 9 * n * n;

/**
 * examples/conv2d.mlir at an n x n output: its @conv2d (scf loops, scalar accumulator) and the
 * main that fills X and K (every sum exact in f32), then, instead of printing Y, matmul_loops's
 * checksum line and a time line for one call: the best of `batches` runs of `calls` calls each
 * (the kernel overwrites Y, so repeating it is harmless; mlir-cpu-runner's rtclock counts whole
 * microseconds, and one call at 128 takes ~5 of them at -O3).
 * The checksum weighs Y[i][j] by (3i + j) mod 7 + 1, so a transposed or shifted Y shows.
 */
export function conv2dProgramFor(n: number, calls = Math.max(1, Math.round(2 * 256 ** 3 / conv2dFlops(n))), batches = 5): string {
  const m = n + 2, X = `memref<${m}x${m}xf32>`, Y = `memref<${n}x${n}xf32>`, K = "memref<3x3xf32>";
  const src = readExample("conv2d.mlir")
    .replace(/memref<10x10xf32>/g, X).replace(/memref<8x8xf32>/g, Y)
    .replace(/%c8\b/g, "%cN").replace(/constant 8 : index/g, `constant ${n} : index`)
    .replace(/%c10\b/g, "%cM").replace(/constant 10 : index/g, `constant ${m} : index`)
    .replace(/ *llvm\.mlir\.global internal constant @fmt.*\n/, `  llvm.mlir.global internal constant @checksum_fmt("checksum: %.3f\\0A\\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @time_fmt("time: %.6f s, %.3f GFLOPS\\0A\\00") {addr_space = 0 : i32}\n`)
    .replace(/ *func\.func private @printMemrefF32.*\n/, "  func.func private @rtclock() -> f64\n");
  const filled = src.slice(src.indexOf("module {"), src.indexOf("    call @conv2d("));
  return `// bench/common.ts conv2dProgramFor(${n}): examples/conv2d.mlir, timed.
${filled}    %calls = arith.constant ${calls} : index
    %batches = arith.constant ${batches} : index
    %inf = arith.constant 1.000000e+30 : f64
    %batch = scf.for %r = %c0 to %batches step %c1 iter_args(%best = %inf) -> (f64) {
      %t0 = func.call @rtclock() : () -> f64
      scf.for %k = %c0 to %calls step %c1 {
        func.call @conv2d(%X, %K, %Y) : (${X}, ${K}, ${Y}) -> ()
      }
      %t1 = func.call @rtclock() : () -> f64
      %d = arith.subf %t1, %t0 : f64
      %lt = arith.cmpf olt, %d, %best : f64
      %b = arith.select %lt, %d, %best : f64
      scf.yield %b : f64
    }
    %callsf = arith.constant ${calls.toExponential(6)} : f64
    %dt = arith.divf %batch, %callsf : f64
    %i7 = arith.constant 7 : i32
    %zero64 = arith.constant 0.000000e+00 : f64
    %one64 = arith.constant 1.000000e+00 : f64
    %sum = scf.for %i = %c0 to %cN step %c1 iter_args(%acc = %zero64) -> (f64) {
      %row = scf.for %j = %c0 to %cN step %c1 iter_args(%racc = %acc) -> (f64) {
        %y = memref.load %Y[%i, %j] : ${Y}
        %yd = arith.extf %y : f32 to f64
        %ii = arith.index_cast %i : index to i32
        %jj = arith.index_cast %j : index to i32
        %w3 = arith.muli %ii, %i3 : i32
        %ws = arith.addi %w3, %jj : i32
        %wm = arith.remsi %ws, %i7 : i32
        %wf = arith.sitofp %wm : i32 to f64
        %w = arith.addf %wf, %one64 : f64
        %wy = arith.mulf %yd, %w : f64
        %s = arith.addf %racc, %wy : f64
        scf.yield %s : f64
      }
      scf.yield %row : f64
    }
    %cfmt = llvm.mlir.addressof @checksum_fmt : !llvm.ptr
    %r0 = llvm.call @printf(%cfmt, %sum) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, f64) -> i32
    %flops = arith.constant ${conv2dFlops(n).toExponential(6)} : f64
    %giga = arith.constant 1.000000e+09 : f64
    %fps = arith.divf %flops, %dt : f64
    %gflops = arith.divf %fps, %giga : f64
    %tfmt = llvm.mlir.addressof @time_fmt : !llvm.ptr
    %r1 = llvm.call @printf(%tfmt, %dt, %gflops) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, f64, f64) -> i32
    memref.dealloc %X : ${X}
    memref.dealloc %K : ${K}
    memref.dealloc %Y : ${Y}
    return
  }
}
`;
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
  return compileWasm(new Uint8Array(bin)); // turns on relaxed SIMD for the compile, as for our units
}

/** The ceiling's `fma(iterations)`. */
export const ceilingKernel = (mod = ceilingModule()) => new WebAssembly.Instance(mod, {}).exports.fma as (n: number) => number;
