// The verification sandbox. A candidate module (the target function replaced) is checked in
// order — parse, verify (same signature), compile (bounds-checked) — then run in an isolated
// worker with a wall-clock limit and a memory cap beside the reference version, on the same
// seeded random and edge-case inputs, and finally timed against it. Nothing the candidate
// does reaches the host engine before the verdict is `accepted`.
import { Worker } from "node:worker_threads";
import { createContext } from "../dialects/index.js";
import { functionType } from "../dialects/func.js";
import { StringAttr } from "../ir/attributes.js";
import type { Module } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { DiagnosticError, formatDiagnostic } from "../ir/diagnostics.js";
import { parseModule } from "../ir/parser.js";
import { verifyModule } from "../ir/verifier.js";
import { Engine } from "../runtime/engine.js";
import { findFunction } from "./mutator.js";
import type { Verdict } from "./proposer.js";
import type { SandboxReply, SandboxRequest } from "./sandbox-worker.js";

export interface SandboxOptions {
  seed?: number;
  /** Random input sets besides zeros, ones and negative values (default 3). */
  randomCases?: number;
  /** Timed runs of each version (median; default 5). */
  timingRuns?: number;
  memoryCapBytes?: number;
  /** Wall-clock limit of the whole check; default derived from the baseline time. */
  timeoutMs?: number;
  /** Median time of the reference, when known (sets the default time limit). */
  baselineMs?: number;
  rtol?: number;
  context?: Context;
  /**
   * Threads for loops marked `tensorlang.parallel` (default 1: they run sequentially). Above 1
   * both versions are compiled for a shared memory and the worker starts threads - 1 helpers.
   */
  threads?: number;
}

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
function harness(reference: Module, candidate: Module, name: string): Module {
  const ref = findFunction(reference, name)!.clone();
  ref.attributes.set("sym_name", new StringAttr("__tl_ref"));
  const cand = findFunction(candidate, name)!;
  cand.remove();
  cand.attributes.set("sym_name", new StringAttr("__tl_cand"));
  cand.attributes.delete("sym_visibility");
  ref.attributes.delete("sym_visibility");
  reference.body.append(ref);
  reference.body.append(cand);
  return reference;
}

/** Evaluate `candidateText` (a whole module) against `referenceText` for function `name`. */
export async function evaluateCandidate(referenceText: string, candidateText: string, name: string, o: SandboxOptions = {}): Promise<SandboxVerdict> {
  const ctx = o.context ?? createContext();
  let cand: Module;
  try { cand = parseModule(candidateText, "<candidate>", ctx); } catch (e) { return { verdict: "parse-error", reason: firstLine(e) }; }
  const ds = verifyModule(cand, ctx);
  if (ds.length) return { verdict: "verify-error", reason: formatDiagnostic(ds[0]).split("\n")[0] };
  const ref = parseModule(referenceText, "<reference>", ctx);
  const rf = findFunction(ref, name), cf = findFunction(cand, name);
  if (!rf) return { verdict: "rejected", reason: `no function @${name} in the program` };
  if (!cf) return { verdict: "verify-error", reason: `the candidate does not define @${name}` };
  if (functionType(rf) !== functionType(cf)) return { verdict: "verify-error", reason: `signature changed: ${functionType(cf).str} instead of ${functionType(rf).str}` };
  let unit, fastUnit;
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
    return { verdict: "compile-error", reason: firstLine(e) };
  }
  const randomCases = o.randomCases ?? 3, timingRuns = o.timingRuns ?? 5;
  const runs = (3 + randomCases) * 2 + 6 + timingRuns * 2;
  const timeoutMs = o.timeoutMs ?? (o.baselineMs !== undefined ? 1500 + runs * o.baselineMs * 10 : 60_000);
  const req: SandboxRequest = {
    unit, fastUnit, ref: "__tl_ref", cand: "__tl_cand", seed: o.seed ?? 1, randomCases, timingRuns,
    memoryCapBytes: o.memoryCapBytes ?? 256 << 20, rtol: o.rtol ?? 1e-4, threads: o.threads ?? 1,
  };
  return runWorker(req, timeoutMs);
}

function runWorker(req: SandboxRequest, timeoutMs: number): Promise<SandboxVerdict> {
  return new Promise((resolve) => {
    const w = new Worker(new URL("./sandbox-worker.js", import.meta.url), { workerData: req, resourceLimits: { maxOldGenerationSizeMb: 512 } });
    let done = false, timer: NodeJS.Timeout | undefined;
    const finish = (v: SandboxVerdict) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      void w.terminate();
      resolve(v);
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
        const speedup = m.refMs / Math.max(m.candMs, 1e-6);
        finish({ verdict: speedup > 1 ? "accepted" : "slower", refMs: m.refMs, candMs: m.candMs, speedup,
          reason: speedup > 1 ? undefined : `${m.candMs.toFixed(3)} ms vs ${m.refMs.toFixed(3)} ms for the current version` });
      }
    });
    w.on("error", (e) => finish({ verdict: /memory/i.test(e.message) ? "out-of-memory" : "trap", reason: e.message }));
    w.on("exit", (code) => finish({ verdict: "trap", reason: `the sandbox worker exited (code ${code})` }));
    // The time limit also covers start-up and linking, generously.
    timer = setTimeout(() => finish({ verdict: "timeout", reason: `did not finish within ${Math.round(timeoutMs * 3)} ms; the sandbox was stopped` }), timeoutMs * 3);
  });
}
