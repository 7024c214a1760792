// bench/optimize/threads: what `parallelize` buys on matmul_loops. For each size, the
// heuristic's first single-thread recipe (register-blocked f32x4 micro-kernel over a packed B
// panel) plus the parallelize proposal HeuristicProposer makes when threads > 1 (the panel loop,
// its scratch privatized per iteration), then @matmul timed on
// an Engine with 1 thread (the marked loop runs sequentially) and one with N threads, calls
// alternating so both see the same machine noise; best of many single calls each.
//
// On a machine whose cores are busy the two threads rarely run at once; `--split` (2 threads)
// also times the halves apart, each alone: the calling thread's half, and the helper's half
// including hand-off and wait. 2 x caller's half / max(half) estimates the speedup with two
// free cores (serial work taken as twice the caller's half, as noisy as the rest but less so).
//
// `--winners FILE` (from bench/optimize/run.js --save-winners) starts from the single-thread
// kernels that search found instead of the heuristic's first proposal.
//
//   node dist/bench/optimize/threads.js [--sizes 256,512] [--threads 2] [--runs 40] [--no-relaxed] [--split] [--winners FILE]
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { heuristicProposals } from "../../src/optimizer/heuristic.js";
import { findFunction, mutate } from "../../src/optimizer/mutator.js";
import type { Mutation, Proposal } from "../../src/optimizer/schema.js";
import { Engine } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";
import { arg, programFor, settle } from "../common.js";

const sizes = arg("sizes", "256,512").split(",").map(Number);
const threads = Number(arg("threads", String(Math.max(2, availableParallelism()))));
const runs = Number(arg("runs", "40"));
const relaxedSimd = !process.argv.includes("--no-relaxed"); // as tensorlang-run --optimize compiles
const log = (s: string) => process.stderr.write(s + "\n");
const gflops = (n: number, s: number) => (2 * n ** 3) / s / 1e9;

function apply(text: string, mutations: Mutation[]): string {
  const r = mutate(text, { target_function: "matmul", mutations });
  if (!r.ok) throw new Error(`${JSON.stringify(mutations)}: ${r.verdict}: ${r.reason}`);
  return r.moduleText;
}

/** The heuristic's proposals for the current state of @matmul. */
function proposals(text: string, applied: Proposal[], t: number): Proposal[] {
  const fn = findFunction(parseModule(text, "<bench>", createContext()), "matmul")!;
  return heuristicProposals(fn, "matmul", applied, t);
}

const winnersFile = arg("winners", "");
const winners: Record<string, Mutation[]> = winnersFile ? JSON.parse(readFileSync(winnersFile, "utf8")) : {};

/** The search's winner (--winners) or the heuristic's first proposal on the naive nest, then its parallelize proposal. */
function recipe(n: number): { text: string; steps: Mutation[] } {
  let text = programFor(n);
  const first = winners[n] ? { target_function: "matmul", mutations: winners[n] } : proposals(text, [], 1)[0];
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
  e.load(text, `matmul-${t}t.mlir`);
  if (!(await e.threadsReady())) throw new Error("helper threads did not start");
  e.runMain("main");
  await settle();
  const sum = /checksum: (\S+)/.exec(ctx.output())?.[1];
  return { e, sum };
}

const split = process.argv.includes("--split");
const estimates: string[] = [];
type RunFn = (key: string, lb: number, ub: number, step: number, ctx: number, local: (...a: number[]) => unknown) => void;

/** Best times (ms per @matmul call) of each half of every parallel loop run alone. */
function splitTimes(e: Engine, args: unknown[], reps: number): { main: number; helper: number } {
  const pool = (e as unknown as { pool: { run: RunFn } }).pool;
  const run = pool.run.bind(pool);
  let mode: "main" | "helper" = "main";
  pool.run = (key, lb, ub, step, ctx, local) => {
    if (mode === "main") {
      // The caller's chunk: what run() gives it with two parts.
      const iters = Math.ceil((ub - lb) / step);
      local(lb, Math.min(ub, lb + Math.floor(iters / 2) * step), ctx);
    } else run(key, lb, ub, step, ctx, () => undefined);
  };
  const out = { main: Infinity, helper: Infinity };
  try {
    for (let i = 0; i < reps; i++) {
      for (const m of ["main", "helper"] as const) {
        mode = m;
        const t0 = performance.now();
        e.call("matmul", args as never);
        out[m] = Math.min(out[m], performance.now() - t0);
      }
    }
  } finally { pool.run = run; }
  return out;
}

const rows: string[] = [];
for (const n of sizes) {
  const { text, steps } = recipe(n);
  log(`n=${n}: ${steps.map((m) => m.kind + ("loop" in m ? ` ${m.loop}` : "")).join(", ")}`);
  const one = await engineFor(text, 1), many = await engineFor(text, threads);
  if (one.sum !== many.sum) throw new Error(`checksums differ: ${one.sum} (1 thread) vs ${many.sum} (${threads} threads)`);
  const args = (e: Engine) => [0, 1, 2].map((k) => {
    const p = e.ctx.heap.malloc(n * n * 4, 64);
    const v = new Float32Array(e.ctx.heap.memory.buffer, p, n * n);
    for (let i = 0; i < v.length; i++) v[i] = k === 2 ? 0 : ((i * 7 + k) % 13) / 13;
    return { allocated: p, aligned: p, offset: 0, sizes: [n, n], strides: [n, 1] };
  });
  const a1 = args(one.e), aN = args(many.e);
  const best = [Infinity, Infinity];
  const r = Math.max(4, Math.round(runs * (256 / n) ** 2));
  for (let i = 0; i < r; i++) {
    for (const [k, e, a] of [[0, one.e, a1], [1, many.e, aN]] as const) {
      const t0 = performance.now();
      e.call("matmul", a);
      best[k] = Math.min(best[k], (performance.now() - t0) / 1000);
    }
  }
  if (split && threads === 2) {
    const est = splitTimes(many.e, aN, r);
    log(`n=${n} split: serial ${(best[0] * 1e3).toFixed(3)} ms, caller's half alone ${est.main.toFixed(3)} ms, helper's half alone (hand-off and wait included) ${est.helper.toFixed(3)} ms`);
    // Serial work taken as twice the caller's half (the serial best above is noisier).
    estimates.push(`| ${n} | ${(best[0] * 1e3).toFixed(3)} | ${est.main.toFixed(3)} | ${est.helper.toFixed(3)} | ${(2 * est.main / Math.max(est.main, est.helper)).toFixed(2)}× |`);
  }
  await many.e.dispose();
  await one.e.dispose();
  rows.push(`| ${n} | ${gflops(n, best[0]).toFixed(1)} | ${gflops(n, best[1]).toFixed(1)} | ${(best[0] / best[1]).toFixed(2)}× | ${one.sum} |`);
}
console.log(`threads: ${threads}, relaxed SIMD: ${relaxedSimd}, load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} on ${availableParallelism()} cores`);
console.log(`| n | 1 thread GFLOPS | ${threads} threads GFLOPS | ratio | checksum |`);
console.log("|---|---|---|---|---|");
for (const row of rows) console.log(row);
if (estimates.length) {
  console.log("\nhalves timed alone (ms per call, best of runs): the speedup two free cores would give");
  console.log("| n | serial (best) | caller's half | helper's half + hand-off | estimate 2·caller/max |");
  console.log("|---|---|---|---|---|");
  for (const row of estimates) console.log(row);
}
