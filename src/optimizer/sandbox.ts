// The verification sandbox. A candidate module (the target function replaced) is checked in
// order — parse, verify (same signature), compile (bounds-checked) — then run in an isolated
// worker with a wall-clock limit and a memory cap beside the reference version, on the same
// seeded random and edge-case inputs, and finally timed against it. Nothing the candidate
// does reaches the host engine before the verdict is `accepted`. A search measures its
// baseline once (`measureReference`) and hands that run to every candidate's check, which
// then compares with its outputs instead of running the baseline again, and with its time
// where the baseline is too slow to time again beside the candidate (timesReferenceAgain).
import { Worker } from "node:worker_threads";
import { createContext } from "../dialects/index.js";
import { functionType } from "../dialects/func.js";
import { StringAttr } from "../ir/attributes.js";
import type { Module } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { DiagnosticError, formatDiagnostic } from "../ir/diagnostics.js";
import { parseModule } from "../ir/parser.js";
import { verifyProgram } from "../passes/verify-linearity.js";
import { Engine } from "../runtime/engine.js";
import { findFunction } from "./mutator.js";
import type { Verdict } from "./proposer.js";
import type { CaseOutput, SandboxReply, SandboxRequest } from "./sandbox-worker.js";

export interface SandboxOptions {
  seed?: number;
  /** Random input sets besides zeros, ones and negative values (default 3). */
  randomCases?: number;
  /** Timed calls of each version, at least (the fastest counts; default 5). */
  timingRuns?: number;
  /**
   * And at least this many milliseconds of each version's calls (default 25; 100 made a search
   * half again as long): a kernel of a millisecond or two gets a dozen calls or more, whose
   * fastest repeats on a busy machine where the median of a few does not (timing.ts).
   */
  minTimingMs?: number;
  memoryCapBytes?: number;
  /** Wall-clock limit of the whole check; default derived from the baseline time. */
  timeoutMs?: number;
  /** Time of the reference, when known (sets the default time limit). */
  baselineMs?: number;
  rtol?: number;
  context?: Context;
  /**
   * Threads for loops marked `tensorlang.parallel` (default 1: they run sequentially). Above 1
   * both versions are compiled for a shared memory and the worker starts threads - 1 helpers.
   */
  threads?: number;
  /** The reference measured once by `measureReference` with the same seed and cases. */
  reference?: ReferenceRun;
}

/** The reference's outputs on every input set, and its time (fastest call). */
export interface ReferenceRun { ms: number; outputs: CaseOutput[]; seed: number; randomCases: number }

export interface SandboxVerdict {
  verdict: Verdict;
  reason?: string;
  refMs?: number;
  candMs?: number;
  /** refMs / candMs. */
  speedup?: number;
}

const firstLine = (e: unknown) => e instanceof DiagnosticError ? formatDiagnostic(e.diagnostics[0]).split("\n")[0] : (e as Error).message.split("\n")[0];

/** The harness: the reference module plus copies of the two versions under fixed names. */
function harness(reference: Module, candidate: Module | undefined, name: string): Module {
  const ref = findFunction(reference, name)!.clone();
  ref.attributes.set("sym_name", new StringAttr("__tl_ref"));
  ref.attributes.delete("sym_visibility");
  reference.body.append(ref);
  const cand = candidate && findFunction(candidate, name)!;
  if (cand) {
    cand.remove();
    cand.attributes.set("sym_name", new StringAttr("__tl_cand"));
    cand.attributes.delete("sym_visibility");
    reference.body.append(cand);
  }
  return reference;
}

const timingOf = (o: SandboxOptions) => ({ timingRuns: o.timingRuns ?? 5, minTimingMs: o.minTimingMs ?? 25 });

/**
 * Whether a check against a recorded reference times the reference again, beside the
 * candidate: when that costs no more than the time floor (a reference of milliseconds), so
 * that both are timed in the same moments of a busy machine. A reference of seconds a call (a
 * naive 1024 matmul) keeps its recorded time.
 */
export function timesReferenceAgain(r: ReferenceRun, o: SandboxOptions): boolean {
  const { timingRuns, minTimingMs } = timingOf(o);
  return r.ms * timingRuns <= minTimingMs;
}

/** Evaluate `candidateText` (a whole module) against `referenceText` for function `name`. */
export async function evaluateCandidate(referenceText: string, candidateText: string, name: string, o: SandboxOptions = {}): Promise<SandboxVerdict> {
  const ctx = o.context ?? createContext();
  let cand: Module;
  try { cand = parseModule(candidateText, "<candidate>", ctx); } catch (e) { return { verdict: "parse-error", reason: firstLine(e) }; }
  const ds = verifyProgram(cand, ctx);
  if (ds.length) return { verdict: "verify-error", reason: formatDiagnostic(ds[0]).split("\n")[0] };
  const r = o.reference;
  if (r && (r.seed !== (o.seed ?? 1) || r.randomCases !== (o.randomCases ?? 3))) throw new Error("the reference run was made with another seed or case count");
  const v = await sandboxRun(referenceText, cand, name, { ...o, baselineMs: r?.ms ?? o.baselineMs }, r !== undefined && timesReferenceAgain(r, o));
  if (v.type !== "ok") return v.verdict;
  const refMs = v.refMs ?? r!.ms, candMs = v.candMs!, speedup = refMs / Math.max(candMs, 1e-6);
  return { verdict: speedup > 1 ? "accepted" : "slower", refMs, candMs, speedup,
    reason: speedup > 1 ? undefined : `${candMs.toFixed(3)} ms vs ${refMs.toFixed(3)} ms for the current version` };
}

/**
 * Runs and times the reference alone on the sandbox's inputs: the run candidates are then
 * compared with. Timed for 10 times the floor: a search's speedups over a reference too slow to
 * time again (timesReferenceAgain) all rest on this one figure, and whether it is timed again
 * rests on it too (a naive 256 matmul, 13 ms a call, read 23 ms over 100 ms of calls).
 */
export async function measureReference(referenceText: string, name: string, o: SandboxOptions = {}): Promise<ReferenceRun | SandboxVerdict> {
  const v = await sandboxRun(referenceText, undefined, name, { ...o, minTimingMs: 10 * timingOf(o).minTimingMs });
  if (v.type !== "ok") return v.verdict;
  return { ms: v.refMs!, outputs: v.outputs!, seed: o.seed ?? 1, randomCases: o.randomCases ?? 3 };
}

type Run = { type: "ok"; refMs?: number; candMs?: number; outputs?: CaseOutput[] } | { type: "verdict"; verdict: SandboxVerdict };

/**
 * Compiles the harness (the reference, and the candidate when given) and runs it in a worker;
 * `timeReference`: time the reference beside the candidate although `o.reference` stands in for its runs.
 */
async function sandboxRun(referenceText: string, cand: Module | undefined, name: string, o: SandboxOptions, timeReference = false): Promise<Run> {
  const ctx = o.context ?? createContext();
  const verdict = (v: SandboxVerdict): Run => ({ type: "verdict", verdict: v });
  const ref = parseModule(referenceText, "<reference>", ctx);
  const rf = findFunction(ref, name), cf = cand && findFunction(cand, name);
  if (!rf) return verdict({ verdict: "rejected", reason: `no function @${name} in the program` });
  if (cand && !cf) return verdict({ verdict: "verify-error", reason: `the candidate does not define @${name}` });
  if (cf && functionType(rf) !== functionType(cf)) return verdict({ verdict: "verify-error", reason: `signature changed: ${functionType(cf).str} instead of ${functionType(rf).str}` });
  let unit, fastUnit;
  await Engine.loadCompiler();
  try {
    // Checked code for the correctness runs; the same code without bounds checks for timing,
    // run only after the checked runs passed on the same shapes.
    const h = harness(ref, cand, name);
    const threads = o.threads ?? 1;
    const engine = new Engine({ checkBounds: true, context: ctx, threads, relaxedSimd: true });
    const lowered = engine.prepare(h);
    unit = engine.compile(lowered);
    fastUnit = new Engine({ checkBounds: false, context: ctx, threads, relaxedSimd: true }).compile(lowered);
  } catch (e) {
    return verdict({ verdict: "compile-error", reason: firstLine(e) });
  }
  const randomCases = o.randomCases ?? 3, { timingRuns, minTimingMs } = timingOf(o);
  const runs = (3 + randomCases) * 2 + 6 + timingRuns * 2;
  const timeoutMs = o.timeoutMs ?? (o.baselineMs !== undefined ? 1500 + 2 * minTimingMs + runs * o.baselineMs * 10 : 60_000);
  const req: SandboxRequest = {
    unit, fastUnit, ref: "__tl_ref", cand: cand ? "__tl_cand" : undefined, expected: o.reference?.outputs, timeReference, seed: o.seed ?? 1, randomCases, timingRuns, minTimingMs,
    memoryCapBytes: o.memoryCapBytes ?? 256 << 20, rtol: o.rtol ?? 1e-4, threads: o.threads ?? 1,
  };
  return runWorker(req, timeoutMs);
}

function runWorker(req: SandboxRequest, timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const w = new Worker(new URL("./sandbox-worker.js", import.meta.url), { workerData: req, resourceLimits: { maxOldGenerationSizeMb: 512 } });
    let done = false, timer: NodeJS.Timeout | undefined;
    const finish = (v: SandboxVerdict | Run) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      void w.terminate();
      resolve("type" in v ? v : { type: "verdict", verdict: v });
    };
    w.on("message", (m: SandboxReply) => {
      if (m.type === "ready") {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => finish({ verdict: "timeout", reason: `did not finish within ${Math.round(timeoutMs)} ms (derived from the baseline); the sandbox was stopped` }), timeoutMs);
      } else if (m.type === "error") {
        finish({ verdict: m.kind === "out-of-memory" ? "out-of-memory" : "trap", reason: m.reason });
      } else if (m.verdict === "wrong-result") {
        finish({ verdict: "wrong-result", reason: m.reason });
      } else {
        finish({ type: "ok", refMs: m.refMs, candMs: m.candMs, outputs: m.outputs });
      }
    });
    w.on("error", (e) => finish({ verdict: /memory/i.test(e.message) ? "out-of-memory" : "trap", reason: e.message }));
    w.on("exit", (code) => finish({ verdict: "trap", reason: `the sandbox worker exited (code ${code})` }));
    // The time limit also covers start-up and linking, generously.
    timer = setTimeout(() => finish({ verdict: "timeout", reason: `did not finish within ${Math.round(timeoutMs * 3)} ms; the sandbox was stopped` }), timeoutMs * 3);
  });
}
