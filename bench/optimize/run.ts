// bench/optimize: what the self-rewriting search buys on a naive kernel (--kernel: matmul_loops,
// or examples/conv2d.mlir's 3x3 convolution; bench/optimize/kernels.ts), against peers measured
// in the same run. For each size: GFLOPS of the naive kernel (wasm engine), of the best version
// the heuristic search finds from it (and how long the search took), of mlir-cpu-runner-19 -O3
// on the naive program, of TensorFlow.js's wasm backend (XNNPACK, 1 thread), of numpy (scipy
// for conv2d; 1 thread, where installed), and of a register-only f32x4 FMA loop (the 128-bit
// wasm SIMD ceiling).
//
//   node dist/bench/optimize/run.js [--kernel matmul|conv2d] [--sizes 256,512,1024] [--budget-ms 60000] [--budget-iters 8] [--reps 3] [--min-seconds 2] [--search-max N] [--clock wall|cpu] [--save-winners FILE]
//
// --save-winners writes {"<n>": [mutations...]} for bench/optimize/threads.js --winners.
//
// Every size is searched; sizes above --search-max (default: none) instead get the mutations
// the search found at the largest searched size (checked by the program's checksum), and their
// "search s" is that search's time.
// Every contender times the same operation at size n (for matmul the product of two n x n f32
// matrices), best of many single calls (on a busy machine the best short run is the one nobody
// preempted): the kernel's function called directly in the engine for the naive and the
// optimized program (whose main also runs once, to check the checksum), the program's own
// rtclock line for mlir-cpu-runner.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { HeuristicProposer } from "../../src/optimizer/heuristic.js";
import { mutate } from "../../src/optimizer/mutator.js";
import { optimizeModule } from "../../src/optimizer/optimize.js";
import { fastestCalls } from "../../src/optimizer/timing.js";
import type { Mutation } from "../../src/optimizer/schema.js";
import { Engine } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";
import { arg, CEILING_FLOPS, CEILING_ITERS, ceilingKernel, checksum, LOWERING_PIPELINE, RUNNER_LIBS, seconds, settle } from "../common.js";
import { kernelArgs, KERNELS, searchStart } from "./kernels.js";

await Engine.loadCompiler();

const kernel = KERNELS[arg("kernel", "matmul")];
if (!kernel) throw new Error(`--kernel expects ${Object.keys(KERNELS).join(" or ")}, got '${arg("kernel", "")}'`);
const sizes = arg("sizes", "256,512,1024").split(",").map(Number);
const budgetMs = Number(arg("budget-ms", "60000"));
const budgetIters = Number(arg("budget-iters", "8"));
const reps = Number(arg("reps", "3"));
const minSeconds = Number(arg("min-seconds", "2"));
/** Sizes above this are not searched: the mutations found at the largest searched size are
 *  applied to them and checked by checksum (the search at 1024 spends ~40 s running the naive
 *  baseline alone). */
const searchMax = Number(arg("search-max", "Infinity"));
/** `wall` (default) or `cpu`: this process's CPU time (process.cpuUsage; numpy: process_time),
 *  which a preempted run on a busy machine does not inflate. mlir-cpu-runner's figure is
 *  always its program's own rtclock (wall) line. */
const clock = arg("clock", "wall");
const saveWinners = arg("save-winners", "");
if (clock !== "wall" && clock !== "cpu") throw new Error(`--clock expects wall or cpu, got '${clock}'`);
/** Milliseconds on the chosen clock. */
const now = (): number => {
  if (clock === "wall") return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const gflops = (n: number, s: number) => kernel.flops(n) / s / 1e9;
/** Work at n relative to matmul at 256: calls per measurement scale with its inverse. */
const scale = (n: number) => (2 * 256 ** 3) / kernel.flops(n);
/** Timed calls of a peer (TensorFlow.js, Python) at n. */
const peerRuns = (n: number) => reps * Math.max(1, Math.round(16 * scale(n)));
const log = (s: string) => process.stderr.write(s + "\n");



/**
 * Loads a program, runs its main once (the checksum), then times the kernel's function itself
 * on buffers of its shapes at n in the same engine: best of many calls.
 */
async function timeKernel(text: string, n: number, name: string): Promise<{ s: number; sum?: string }> {
  const ctx = createCapturingContext();
  const e = new Engine({ ctx, relaxedSimd: true }); // as tensorlang-run --optimize compiles (vector.fma -> relaxed madd)
  e.load(text, name);
  await settle();
  e.runMain("main");
  const sum = checksum(ctx.output());
  const { args, free } = kernelArgs(kernel, n, e.ctx.heap);
  // A warm-up call, then timed calls until at least `reps` of them and `--min-seconds` of them
  // (the best short run is the one nobody preempted; at 1024 half a second was 11 calls, and
  // one such run read 36 GFLOPS for a kernel that gives 50).
  e.call(kernel.fn, args);
  const { ms: [best] } = fastestCalls([() => e.call(kernel.fn, args)], { runs: Math.max(reps, Math.round(reps * 8 * scale(n))), minMs: minSeconds * 1000, now });
  free();
  return { s: best / 1000, sum };
}

function runMlir(n: number): { s: number; sum?: string } | string {
  const opt = spawnSync("mlir-opt-19", LOWERING_PIPELINE, { input: kernel.program(n), encoding: "utf8", maxBuffer: 1 << 28 });
  if (opt.error || opt.status !== 0) return `mlir-opt-19 unavailable or failed: ${opt.error?.message ?? opt.stderr.slice(0, 200)}`;
  let best = Infinity, sum: string | undefined;
  for (let r = 0; r < Math.min(reps, 2); r++) {
    const run = spawnSync("mlir-cpu-runner-19", ["-O3", "-e", "main", "-entry-point-result=void", `-shared-libs=${RUNNER_LIBS.join(",")}`],
      { input: opt.stdout, encoding: "utf8", maxBuffer: 1 << 28 });
    if (run.error || run.status !== 0) return `mlir-cpu-runner-19 failed: ${run.error?.message ?? run.stderr.slice(0, 200)}`;
    best = Math.min(best, seconds(run.stdout));
    sum = checksum(run.stdout);
  }
  return { s: best, sum };
}

/** TensorFlow.js wasm backend (XNNPACK), one thread, .wasm files from node_modules. */
async function tfjsSetup(): Promise<((n: number) => number) | string> {
  try {
    const tf = await import("@tensorflow/tfjs-core");
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    const require = createRequire(import.meta.url);
    wasm.setWasmPaths(join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist") + "/");
    wasm.setThreadsCount(1);
    if (!(await tf.setBackend("wasm"))) return "tfjs wasm backend did not initialize";
    return (n: number) => {
      const { inputs, op } = kernel.tfjs(tf, n);
      for (let i = 0; i < 2; i++) op().dispose();
      let best = Infinity;
      for (let r = 0; r < peerRuns(n); r++) {
        const t0 = now();
        const c = op(); c.dataSync(); c.dispose();
        best = Math.min(best, (now() - t0) / 1000);
      }
      for (const t of inputs) t.dispose();
      return gflops(n, best);
    };
  } catch (e) {
    return `tfjs unavailable: ${(e as Error).message}`;
  }
}

/** The kernel's Python peer (numpy, scipy), one BLAS/OpenMP thread; its name + " unavailable" if it does not run. */
function python(n: number): number | string {
  const { name, setup, op } = kernel.python, clk = clock === "cpu" ? "process_time" : "perf_counter";
  const py = `
import time, numpy as np
${setup(n)}
for _ in range(2): ${op}
best = 1e9
for _ in range(${peerRuns(n)}):
    t = time.${clk}()
    ${op}
    best = min(best, time.${clk}() - t)
print(best)
`;
  const r = spawnSync("python3", ["-c", py], { encoding: "utf8", env: { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" } });
  if (r.error || r.status !== 0) return `${name} unavailable`;
  return gflops(n, Number(r.stdout.trim()));
}

/** The 128-bit wasm SIMD ceiling (bench/common.ts), best of many short runs (~0.2 ms each). */
function simdCeiling(): number {
  const fma = ceilingKernel();
  fma(CEILING_ITERS * 10);
  let best = Infinity;
  for (let r = 0; r < 200 * reps; r++) {
    const t0 = now();
    fma(CEILING_ITERS);
    best = Math.min(best, (now() - t0) / 1000);
  }
  return CEILING_FLOPS / best / 1e9;
}

interface Row { n: number; naive: number; best: number; searchS: number; speedup: number; accepted: string; mlir: number | string; tfjs: number | string; python: number | string }

const fmt = (v: number | string) => (typeof v === "number" ? v.toFixed(2) : "n/a");
/** A ratio: one decimal, two below 1 (conv2d's best/mlir is ~0.05x). */
const times = (x: number) => `${x.toFixed(x < 1 ? 2 : 1)}x`;

async function main(): Promise<void> {
  log(`bench/optimize ${kernel.fn}: sizes ${sizes.join(", ")}; ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load average ${loadavg()[0].toFixed(1)}; ${clock} clock`);
  const tf = await tfjsSetup();
  const ceiling = simdCeiling();
  log(`f32x4 relaxed_madd register-only loop: ${ceiling.toFixed(2)} GFLOPS`);
  const rows: Row[] = [];
  const winners: Record<string, Mutation[]> = {};
  let lastWinner: { n: number; searchS: number; mutations: Mutation[] } | undefined;
  for (const n of sizes) {
    const text = kernel.program(n);
    const naive = await timeKernel(text, n, `${kernel.fn}_${n}.mlir`);
    log(`n=${n}: naive ${gflops(n, naive.s).toFixed(2)} GFLOPS (checksum ${naive.sum})`);
    let moduleText: string, searchS: number, accepted: string, searchSpeedup: number | undefined;
    if (n <= searchMax || !lastWinner) {
      const t0 = Date.now();
      const res = await optimizeModule({
        moduleText: text, functions: [kernel.fn], proposer: new HeuristicProposer(), seed: 1,
        budget: { iterations: budgetIters, wallMs: budgetMs }, sandbox: { randomCases: 1, timingRuns: 3 },
        onProgress: (_, p) => log(`  search n=${n}: iteration ${p.iteration}, best ${p.bestSpeedup.toFixed(2)}x`),
      });
      searchS = (Date.now() - t0) / 1000;
      moduleText = res.moduleText;
      const ms = res.reports[0].accepted;
      accepted = ms.map((m) => (m === "rewrite" ? "rewrite" : m.kind)).join("+") || "none";
      searchSpeedup = res.reports[0].speedup;
      if (ms.every((m) => m !== "rewrite")) { lastWinner = { n, searchS, mutations: ms as Mutation[] }; winners[n] = lastWinner.mutations; }
    } else {
      const w = lastWinner;
      const r = mutate(searchStart(kernel, n), { target_function: kernel.fn, mutations: w.mutations });
      if (!r.ok) throw new Error(`n=${n}: the n=${w.n} winner does not apply: ${r.reason}`);
      moduleText = r.moduleText;
      searchS = w.searchS;
      accepted = `${w.mutations.map((m) => m.kind).join("+")} (found at n=${w.n})`;
      winners[n] = w.mutations;
    }
    const best = await timeKernel(moduleText, n, `${kernel.fn}_${n}_best.mlir`);
    if (best.sum !== naive.sum) throw new Error(`n=${n}: optimized checksum ${best.sum} differs from naive ${naive.sum}`);
    const ml = runMlir(n);
    if (typeof ml !== "string" && ml.sum !== naive.sum) log(`  note: mlir checksum ${ml.sum} vs ${naive.sum}`);
    const row: Row = {
      n, naive: gflops(n, naive.s), best: gflops(n, best.s), searchS, speedup: naive.s / best.s, accepted,
      mlir: typeof ml === "string" ? ml : gflops(n, ml.s), tfjs: typeof tf === "string" ? tf : tf(n), python: python(n),
    };
    rows.push(row);
    // The sandbox's speedup beside this one's: they should agree (docs/optimizer.md, Convolution).
    const sandboxSays = searchSpeedup === undefined ? "" : `, ${times(row.speedup)} here, ${times(searchSpeedup)} in the sandbox`;
    log(`n=${n}: best ${row.best.toFixed(2)} GFLOPS after ${searchS.toFixed(1)} s search (${accepted}${sandboxSays}); mlir -O3 ${fmt(row.mlir)}, XNNPACK ${fmt(row.tfjs)}, ${kernel.python.name} ${fmt(row.python)}`);
  }
  for (const r of rows) for (const v of [r.mlir, r.tfjs, r.python]) if (typeof v === "string" && v !== `${kernel.python.name} unavailable`) log(`note: ${v}`);
  const head = ["n", "naive", "best", "search s", "best/naive", "mlir -O3", "XNNPACK 1t", `${kernel.python.name} 1t`, "ceiling", "best/XNNPACK", "best/ceiling", "best/mlir"];
  const table = rows.map((r) => [String(r.n), fmt(r.naive), fmt(r.best), r.searchS.toFixed(1), times(r.speedup), fmt(r.mlir), fmt(r.tfjs), fmt(r.python),
    ceiling.toFixed(2), typeof r.tfjs === "number" ? (r.best / r.tfjs).toFixed(2) : "n/a", `${((100 * r.best) / ceiling).toFixed(0)}%`,
    typeof r.mlir === "number" ? times(r.best / r.mlir) : "n/a"]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join("  ");
  console.log(`${kernel.title}, GFLOPS (single thread, ${clock} clock${clock === "cpu" ? "; mlir -O3 on wall clock" : ""}); best = heuristic search from the naive loop nest`);
  console.log(line(head));
  for (const row of table) console.log(line(row));
  for (const r of rows) console.log(`n=${r.n}: accepted ${r.accepted}`);
  if (saveWinners) writeFileSync(saveWinners, JSON.stringify(winners, null, 1));
}

await main();
