// Optimizing named functions of a module: strategy-cache lookup (re-verified), baseline
// measurement, MCTS over proposals with every candidate sandboxed, and a report per function.
import { createContext } from "../dialects/index.js";
import { symbolName, type Operation } from "../ir/core.js";
import type { TypeAttr } from "../ir/attributes.js";
import { FloatType, IndexType, IntegerType, MemRefType, type FunctionType } from "../ir/types.js";
import { parseModule } from "../ir/parser.js";
import { printModule, printOp } from "../ir/printer.js";
import { overlappingCall } from "./aliasing.js";
import { StrategyCache, cacheKey, type CacheEntry } from "./cache.js";
import { ExperienceLog } from "./experience.js";
import { affineFor, loopTable, loopsOf, tripCount } from "./loops.js";
import { findFunction, mutate, raisedStart } from "./mutator.js";
import type { Proposer, Verdict } from "./proposer.js";
import { evaluateCandidate, measureReference, type SandboxOptions } from "./sandbox.js";
import type { Mutation, Proposal } from "./schema.js";
import { mcts, type SearchBudget, type SearchProgress } from "./search.js";
import { runPasses } from "../passes/pass.js";
import { resolvePipeline, toAffinePipeline } from "../passes/pipeline.js";

export interface FunctionReport {
  name: string;
  baselineMs: number;
  bestMs: number;
  speedup: number;
  /** The mutations (or "rewrite") of the winning version, in order. */
  accepted: (Mutation | "rewrite")[];
  verdicts: Partial<Record<Verdict, number>>;
  bestIr: string;
  fromCache: boolean;
  searchMs: number;
  iterations: number;
  /** Why the function was left as written (no search), e.g. a call that may pass overlapping buffers. */
  leftAsWritten?: string;
}

export interface OptimizeOptions {
  moduleText: string;
  functions: string[];
  proposer: Proposer;
  budget: SearchBudget;
  seed?: number;
  cache?: StrategyCache;
  log?: ExperienceLog;
  model?: string;
  sandbox?: SandboxOptions;
  signal?: AbortSignal;
  onProgress?(name: string, p: SearchProgress): void;
  /** Called with the final version of each improved function. */
  onImproved?(name: string, moduleText: string, speedup: number): void;
  /** Called during the search whenever a better version is found (live mode swaps it in). */
  onBest?(name: string, moduleText: string, speedup: number): void;
}

/**
 * How long the reference run of a function may take (its checked and timed calls together): the
 * search's time budget, within [20 s, 180 s] (a naive 1024 matmul takes about 4 s a checked call).
 */
const referenceLimitMs = (budget: SearchBudget) => Math.min(180_000, Math.max(20_000, budget.wallMs ?? Infinity));

/** Replace function `name` of `moduleText` by the function in `fnText`. */
export function withFunction(moduleText: string, name: string, fnText: string): string {
  const r = mutate(moduleText, { target_function: name, rewrite: fnText });
  if (!r.ok) throw new Error(`cannot install @${name}: ${r.reason}`);
  return r.moduleText;
}

function describe(moduleText: string, name: string): { ir: string; loopTable: string } {
  const ctx = createContext();
  const fn = findFunction(parseModule(moduleText, "<state>", ctx), name)!;
  return { ir: printOp(fn, ctx), loopTable: loopTable(fn, ctx) };
}

/** Whether `fn` has tensor-level ops (tensorlang, linalg, tensor), whose loops exist only after lowering. */
function atTensorLevel(fn: Operation): boolean {
  let found = false;
  fn.walk((op) => { if (/^(tensorlang|linalg|tensor)\./.test(op.name)) found = true; });
  return found;
}

/**
 * The module lowered to affine loops when function `name` (all functions, without a name) is
 * written at the tensor level: the mutations transform loops, and lowering such a function
 * changes its signature to memrefs, so its callers go down with it: the whole module.
 */
export function loopLevel(moduleText: string, name?: string): string {
  const ctx = createContext();
  const m = parseModule(moduleText, "<state>", ctx);
  const fns = name === undefined ? m.definedFunctions() : [findFunction(m, name)];
  if (!fns.some((f) => f && atTensorLevel(f))) return moduleText;
  runPasses(m, ctx, resolvePipeline(toAffinePipeline));
  return printModule(m, ctx);
}

/** Static work estimate of a function: the trip-count products of its loop nests. */
function workOf(fn: Operation): number {
  let total = 0;
  for (const l of loopsOf(fn)) {
    if (l.name !== "affine.for" && l.name !== "scf.for") continue;
    let w = 1;
    for (let p: Operation | null = l; p && p !== fn; p = p.parentOp) {
      if (p.name === "affine.for") w *= tripCount(affineFor(p)) ?? 64;
      else if (p.name === "scf.for") w *= 64;
    }
    total += w;
  }
  return total;
}

/**
 * Why the sandbox cannot measure `fn`, if it cannot: it calls functions with scalars and memrefs
 * it makes (a vector crosses no call from JavaScript into wasm).
 */
function unmeasurable(fn: Operation): string | undefined {
  const { inputs, results } = (fn.attr("function_type") as TypeAttr).type as FunctionType;
  const t = [...inputs, ...results].find((x) => !(x instanceof MemRefType || x instanceof IntegerType || x instanceof FloatType || x instanceof IndexType));
  return t && `its signature has ${t.str}; the sandbox calls functions with scalars and memrefs only`;
}

/** `--optimize auto`: the defined functions (not the entry) with the most loop work that the sandbox can measure. */
export function pickHotFunctions(moduleText: string, entry: string, max = 2): string[] {
  const ctx = createContext();
  const m = parseModule(loopLevel(moduleText), "<auto>", ctx);
  return m.definedFunctions().map((f) => ({ name: symbolName(f) ?? "", work: unmeasurable(f) ? 0 : workOf(f) }))
    .filter((x) => x.name !== entry && x.work > 0).sort((a, b) => b.work - a.work).slice(0, max).map((x) => x.name);
}

export async function optimizeModule(o: OptimizeOptions): Promise<{ moduleText: string; reports: FunctionReport[] }> {
  let moduleText = printModule(parseModule(o.moduleText, "<input>", createContext()), createContext());
  const reports: FunctionReport[] = [];
  for (const name of o.functions) {
    const start = Date.now();
    moduleText = loopLevel(moduleText, name);
    const ctx = createContext(), m = parseModule(moduleText, "<optimize>", ctx), clash = overlappingCall(m, name, ctx);
    const leave = (why: string) => reports.push({ name, baselineMs: NaN, bestMs: NaN, speedup: 1, accepted: [], verdicts: {}, bestIr: "", fromCache: false,
      searchMs: Date.now() - start, iterations: 0, leftAsWritten: why });
    const why = clash ? `${clash} (its optimized versions assume separate buffers)` : unmeasurable(findFunction(m, name)!);
    if (why) { leave(why); continue; }
    const original = describe(moduleText, name);
    // Winners found for several threads (parallel loops) are kept apart from single-thread ones.
    const threads = o.sandbox?.threads ?? 1;
    const key = cacheKey(original.ir, threads > 1 ? `threads=${threads}` : "");
    const hit = o.cache?.get(key);
    if (hit) {
      const candidate = (() => { try { return withFunction(moduleText, name, hit.ir); } catch { return undefined; } })();
      const v = candidate ? await evaluateCandidate(moduleText, candidate, name, { ...o.sandbox, randomCases: 1, timingRuns: 3 }) : undefined;
      if (candidate && v && (v.verdict === "accepted" || v.verdict === "slower")) {
        moduleText = candidate;
        o.onImproved?.(name, moduleText, v.speedup ?? 1);
        const accepted: (Mutation | "rewrite")[] = hit.mutations ?? ["rewrite"];
        reports.push({ name, baselineMs: v.refMs!, bestMs: v.candMs!, speedup: v.speedup!, accepted,
          verdicts: { accepted: 1 }, bestIr: hit.ir, fromCache: true, searchMs: Date.now() - start, iterations: 0 });
        continue;
      }
    }
    // The baseline is the program's own code, run and timed once here; every candidate is
    // compared with these outputs, and with this time unless the baseline is fast enough to be
    // timed again beside it (sandbox.ts timesReferenceAgain); a function that does not end for the
    // arguments the sandbox makes is left as written.
    const limits = { timeoutMs: referenceLimitMs(o.budget), ...o.sandbox };
    o.onProgress?.(name, { iteration: 0, bestSpeedup: 1, verdicts: {}, phase: "running and timing it as written" });
    const base = await measureReference(moduleText, name, limits);
    if ("verdict" in base) {
      leave(base.verdict === "timeout" ? `its run with the sandbox's arguments did not end within ${limits.timeoutMs / 1000} s`
        : `the sandbox cannot run it (${base.verdict}${base.reason ? `: ${base.reason}` : ""})`);
      continue;
    }
    const baselineMs = base.ms, reference = moduleText, startIr = raisedStart(moduleText, name);
    const result = await mcts({
      functionName: name, baseline: { ir: startIr, loopTable: startIr === moduleText ? original.loopTable : describe(startIr, name).loopTable, ms: baselineMs },
      describe: (s) => describe(s, name), proposer: o.proposer, budget: o.budget, seed: o.seed, signal: o.signal,
      onProgress: (p) => o.onProgress?.(name, p),
      evaluate: async (parent: string, p: Proposal) => {
        const r = mutate(parent, p);
        if (!r.ok) return { verdict: r.verdict, reason: r.reason };
        const v = await evaluateCandidate(reference, r.moduleText, name, { ...o.sandbox, reference: base });
        return { verdict: v.verdict, reason: v.reason, ir: r.moduleText, loopTable: r.loopTable, ms: v.candMs, speedup: v.speedup, baselineMs: v.refMs };
      },
      onAttempt: (a) => {
        o.log?.append({ function: name, proposer: o.proposer.name, model: o.model, prompt: a.result.prompt, response: a.result.raw,
          proposal: a.result.proposal, verdict: a.verdict, reason: a.reason, speedup: a.speedup, queryMs: a.result.ms, tokens: a.result.tokens });
      },
      onBest: (b) => o.onBest?.(name, b.ir, b.speedup),
    });
    const best = result.best;
    const bestIr = best ? describe(best.ir, name).ir : original.ir;
    const accepted: (Mutation | "rewrite")[] = best ? best.path.flatMap((p): (Mutation | "rewrite")[] => ("mutations" in p ? p.mutations : ["rewrite"])) : [];
    if (best) {
      moduleText = best.ir;
      o.onImproved?.(name, moduleText, best.speedup);
      const entry: CacheEntry = { kind: "optimize", functionName: name, ir: bestIr, speedup: best.speedup,
        mutations: accepted.filter((m): m is Mutation => m !== "rewrite"), createdAt: new Date().toISOString() };
      o.cache?.put(key, entry);
    }
    // The baseline as timed beside the best version (sandbox.ts timesReferenceAgain), so that baseline / best = speedup.
    reports.push({ name, baselineMs: best?.baselineMs ?? baselineMs, bestMs: best ? best.ms : baselineMs, speedup: best ? best.speedup : 1, accepted,
      verdicts: result.verdicts, bestIr, fromCache: false, searchMs: Date.now() - start, iterations: result.iterations });
  }
  return { moduleText, reports };
}
