// bench/optimize/threads: what `parallelize` buys on matmul_loops, or with `--kernel conv2d` on
// examples/conv2d.mlir's 3x3 convolution (bench/optimize/kernels.ts). For each size, the
// heuristic's first single-thread recipe (matmul: register-blocked f32x4 micro-kernel over a
// packed B panel, its panel loop parallel with the scratch privatized per iteration; conv2d:
// the weights unrolled and hoisted, output rows blocked by 4, the row loop parallel) plus the
// parallelize proposal HeuristicProposer makes when threads > 1, then the kernel timed on
// an Engine with 1 thread (the marked loop runs sequentially) and one with N threads, calls
// alternating so both see the same machine noise; best of many single calls each (the ratio of
// the medians too: on this shared machine the best call is the one nobody preempted).
//
// With 2 threads it also times the register-only f32x4 FMA loop on one thread and on two at
// once: what two threads can give on this machine at all (two vCPUs may be one core's SMT
// siblings, or one may be busy), measured in the same run.
//
// `--winners FILE` (from bench/optimize/run.js --save-winners) starts from the single-thread
// kernels that search found instead of the heuristic's first proposal.
//
//   node dist/bench/optimize/threads.js [--kernel matmul|conv2d] [--sizes 256,512] [--threads 2] [--runs 40] [--min-seconds 4] [--no-relaxed] [--winners FILE]
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { availableParallelism, loadavg } from "node:os";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { heuristicProposals } from "../../src/optimizer/heuristic.js";
import { findFunction, mutate } from "../../src/optimizer/mutator.js";
import type { Mutation, Proposal } from "../../src/optimizer/schema.js";
import { Engine } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";
import { arg, CEILING_FLOPS, CEILING_ITERS, ceilingKernel, ceilingModule, settle } from "../common.js";
import { kernelArgs, KERNELS, searchStart } from "./kernels.js";

await Engine.loadCompiler();

const kernel = KERNELS[arg("kernel", "matmul")];
if (!kernel) throw new Error(`--kernel expects ${Object.keys(KERNELS).join(" or ")}, got '${arg("kernel", "")}'`);
const { fn } = kernel;

const sizes = arg("sizes", "256,512").split(",").map(Number);
const threads = Number(arg("threads", String(Math.max(2, availableParallelism()))));
const runs = Number(arg("runs", "40"));
const minSeconds = Number(arg("min-seconds", "4"));
const relaxedSimd = !process.argv.includes("--no-relaxed"); // as tensorlang-run --optimize compiles
const log = (s: string) => process.stderr.write(s + "\n");
const gflops = (n: number, s: number) => kernel.flops(n) / s / 1e9;

function apply(text: string, mutations: Mutation[]): string {
  const r = mutate(text, { target_function: fn, mutations });
  if (!r.ok) throw new Error(`${JSON.stringify(mutations)}: ${r.verdict}: ${r.reason}`);
  return r.moduleText;
}

/** The heuristic's proposals for the current state of the kernel's function. */
function proposals(text: string, applied: Proposal[], t: number): Proposal[] {
  return heuristicProposals(findFunction(parseModule(text, "<bench>", createContext()), fn)!, fn, applied, t);
}

const winnersFile = arg("winners", "");
const winners: Record<string, Mutation[]> = winnersFile ? JSON.parse(readFileSync(winnersFile, "utf8")) : {};

/** The search's winner (--winners) or the heuristic's first proposal on the naive nest, then its parallelize proposal. */
function recipe(n: number): { text: string; steps: Mutation[] } {
  let text = searchStart(kernel, n);
  const first = winners[n] ? { target_function: fn, mutations: winners[n] } : proposals(text, [], 1)[0];
  if (!first || !("mutations" in first)) throw new Error("the heuristic proposed no micro-kernel");
  text = apply(text, first.mutations);
  const par = proposals(text, [first], threads).find((p): p is Extract<Proposal, { mutations: Mutation[] }> => "mutations" in p && p.mutations.some((m) => m.kind === "parallelize"));
  if (!par) throw new Error("the heuristic proposed no parallelize");
  text = apply(text, par.mutations);
  return { text, steps: [...first.mutations, ...par.mutations] };
}

async function engineFor(text: string, t: number) {
  const ctx = createCapturingContext({ heapOptions: { shared: t > 1 } });
  const e = new Engine({ ctx, threads: t, relaxedSimd });
  e.load(text, `${fn}-${t}t.mlir`);
  if (!(await e.threadsReady())) throw new Error("helper threads did not start");
  e.runMain("main");
  await settle();
  const sum = /checksum: (\S+)/.exec(ctx.output())?.[1];
  return { e, sum };
}

/**
 * What two threads can give on this machine at all: the register-only f32x4 FMA loop
 * (bench/common.ts) on one thread, then on two at once (a worker started by the same signal),
 * best of many short runs each. Two vCPUs that are one core's SMT siblings share its FMA units
 * and give ~1x here; a kernel's ratio cannot beat this one.
 */
async function ceilingScaling(reps = 300): Promise<{ one: number; two: number }> {
  const mod = ceilingModule(), fma = ceilingKernel(mod);
  const sync = new Int32Array(new SharedArrayBuffer(8)); // [0]: go count, [1]: done count
  const worker = new Worker(`
    const { workerData: { mod, sync, iters } } = require("node:worker_threads");
    const fma = new WebAssembly.Instance(mod, {}).exports.fma;
    for (let seen = 0; ; ) {
      while (Atomics.load(sync, 0) === seen) {} // spin: a wake-up would cost more than a run
      seen = Atomics.load(sync, 0);
      if (seen < 0) break;
      fma(iters);
      Atomics.add(sync, 1, 1);
    }`, { eval: true, workerData: { mod, sync, iters: CEILING_ITERS } });
  const best = { one: Infinity, two: Infinity };
  fma(CEILING_ITERS * 10);
  for (let r = 0; r < reps; r++) {
    let t0 = performance.now();
    fma(CEILING_ITERS);
    best.one = Math.min(best.one, performance.now() - t0);
    const done = Atomics.load(sync, 1);
    t0 = performance.now();
    Atomics.add(sync, 0, 1);
    fma(CEILING_ITERS);
    while (Atomics.load(sync, 1) === done) {}
    best.two = Math.min(best.two, performance.now() - t0);
  }
  Atomics.store(sync, 0, -1);
  await worker.terminate();
  return { one: CEILING_FLOPS / best.one / 1e6, two: (2 * CEILING_FLOPS) / best.two / 1e6 };
}

log(kernel.title);
const rows: string[] = [];
for (const n of sizes) {
  const { text, steps } = recipe(n);
  log(`n=${n}: ${steps.map((m) => m.kind + ("loop" in m ? ` ${m.loop}` : "")).join(", ")}`);
  const one = await engineFor(text, 1), many = await engineFor(text, threads);
  if (one.sum !== many.sum) throw new Error(`checksums differ: ${one.sum} (1 thread) vs ${many.sum} (${threads} threads)`);
  const a1 = kernelArgs(kernel, n, one.e.ctx.heap).args, aN = kernelArgs(kernel, n, many.e.ctx.heap).args;
  const times: number[][] = [[], []];
  // At least `runs` alternating calls, scaled by the 2/3 power of the work relative to matmul at
  // 256 (matmul: (256/n)²), and `--min-seconds` of them: at 1024 a matmul call takes ~45 ms,
  // and best-of-4 on a shared machine is mostly noise.
  const r = Math.max(4, Math.round(runs * ((2 * 256 ** 3) / kernel.flops(n)) ** (2 / 3)));
  const start = performance.now();
  for (let i = 0; i < r || performance.now() - start < minSeconds * 1000; i++) {
    for (const [k, e, a] of [[0, one.e, a1], [1, many.e, aN]] as const) {
      const t0 = performance.now();
      e.call(fn, a);
      times[k].push((performance.now() - t0) / 1000);
    }
  }
  await many.e.dispose();
  await one.e.dispose();
  const [best, med] = [0, 0.5].map((q) => times.map((ts) => [...ts].sort((x, y) => x - y)[Math.floor(q * (ts.length - 1))]));
  rows.push(`| ${n} | ${gflops(n, best[0]).toFixed(1)} | ${gflops(n, best[1]).toFixed(1)} | ${(best[0] / best[1]).toFixed(2)}× | ${(med[0] / med[1]).toFixed(2)}× | ${times[0].length} | ${one.sum} |`);
}
const ceiling = threads === 2 ? await ceilingScaling() : undefined;
console.log(`threads: ${threads}, relaxed SIMD: ${relaxedSimd}, load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} on ${availableParallelism()} cores`);
if (ceiling) console.log(`f32x4 FMA ceiling: 1 thread ${ceiling.one.toFixed(1)} GFLOPS, 2 threads at once ${ceiling.two.toFixed(1)} GFLOPS: ${(ceiling.two / ceiling.one).toFixed(2)}x (what this machine's two threads can give)`);
console.log(`| n | 1 thread GFLOPS | ${threads} threads GFLOPS | ratio (best) | ratio (median) | calls each | checksum |`);
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
