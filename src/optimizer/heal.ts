// Self-healing (issue 6): run the episode; when an assertion fails, find a repair of a
// repairable function, verify it by replaying the episode in the sandbox (same seed + K more;
// no assertion may fail), hot-swap it and restart the episode from the entry point. Accepted
// repairs go to the strategy cache and are applied (after a cheap re-verification) at the
// start of the next run, before anything fails. `heal()` is the one entry point the CLI calls.
import type { Context } from "../ir/dialect.js";
import { symbolName, type Module } from "../ir/core.js";
import { parseModule } from "../ir/parser.js";
import { verifyModule } from "../ir/verifier.js";
import { DiagnosticError, registerSource } from "../ir/diagnostics.js";
import { printModule } from "../ir/printer.js";
import { createContext } from "../dialects/index.js";
import type { ModelRunner, QueryOptions } from "../llm/ModelRunner.js";
import { LlamaCppModelRunner } from "../llm/LlamaCppModelRunner.js";
import { runEpisode, type EpisodeOutcome } from "./heal-episode.js";
import { buildCandidate, diffLines, functionOp, functionText, type CandidateBuild } from "./heal-candidate.js";
import { HeuristicHealer, type HeuristicPhase } from "./heal-heuristic.js";
import { describeProposal, formatTrace, queryRepair } from "./heal-prompt.js";
import { ReplaySandbox } from "./heal-replay.js";
import { describeSite, findAssertionSites, predicateName, siteKeyText, type AssertionSite } from "./heal-sites.js";
import { cacheKey, type StrategyCache } from "./cache.js";
import type { Verdict } from "./proposer.js";
import type { Proposal } from "./schema.js";
import { operators, scalarConstants, scalarTables } from "./mutations/scalar.js";

export interface HealOptions {
  /** The program: a parsed module or its text. */
  module: Module | string;
  /** File name for messages (and, with `source`, quoting the assertion's line). */
  file?: string;
  /** Source text (default: `module` when it is text). */
  source?: string;
  ctx?: Context;
  entry?: string;
  seed?: number;
  /** Where repairs come from (default "heuristic"). */
  runner?: ModelRunner | "heuristic";
  /** Functions that may be replaced; "auto" (default): those called in the failing episode except the entry point. */
  repairable?: string[] | "auto";
  /** Candidates tried at most per violation (default 20). */
  attempts?: number;
  /** Extra seeds every candidate must also pass (default 5): seed+1 .. seed+K. */
  seeds?: number;
  /** Repairs cache; null/undefined = no cache (`--no-cache`). */
  cache?: StrategyCache | null;
  /** Set false to only run (applying cached repairs) and report violations without repairing. */
  heal?: boolean;
  /** Program output (default process.stdout). */
  stdout?: (text: string) => void;
  /** The healing report (default process.stderr). */
  report?: (text: string) => void;
  /** Wall-clock limit per replayed episode (default max(3000, 20 × the live episode)). */
  timeoutMs?: number;
  /** Seed of the heuristic search (default 1). */
  searchSeed?: number;
  /** Episodes the heuristic search may replay per repair (default 600). */
  searchEpisodes?: number;
  /** Heuristic phases to run, in order (default all: swap, constants, widened). */
  searchPhases?: HeuristicPhase[];
  /** Model queries: defaults for maxTokens/timeoutMs/temperature/seed (temperature defaults to 0.7 so retries differ). */
  query?: QueryOptions;
  /** Constrain model answers with the repair grammar (default: on for the llama runner, which supports GBNF). */
  grammar?: boolean;
  /** Violations repaired at most in one run before giving up (default 4). */
  maxRepairs?: number;
}

export interface HealAttemptRecord {
  n: number;
  target: string;
  source: "heuristic" | "model";
  proposal: Proposal | { raw: string };
  verdict: Verdict;
  reason?: string;
}

export interface RepairRecord {
  target: string;
  source: "heuristic" | "model" | "cache";
  before: string;
  after: string;
  diff: string;
  /** Seeds the repair was verified on. */
  seeds: number[];
}

export interface ViolationRecord {
  site?: number;
  loc?: string;
  where: string;
  text: string;
  observed?: string;
  seed: number;
}

export interface HealResult {
  /** 0: the episode finished; 3: an assertion failed and was not repaired; 4: runtime error. */
  exitCode: 0 | 3 | 4;
  violations: ViolationRecord[];
  attempts: HealAttemptRecord[];
  repairs: RepairRecord[];
  cacheHits: number;
  /** Live episodes run (1 + restarts). */
  episodes: number;
  final: EpisodeOutcome;
  /** The program as it ends (with accepted repairs). */
  module: Module;
  moduleText: string;
}

/** Consecutive failed model queries after which the healer stops asking. */
const MAX_FAILED_QUERIES = 3;

const log = (opts: HealOptions) => opts.report ?? ((t: string) => void process.stderr.write(t));

function observedText(site: AssertionSite | undefined, o: EpisodeOutcome): string | undefined {
  const m = site ? o.sites[site.id] : undefined;
  if (!site?.guard || !m?.operands) return undefined;
  const [a, b] = m.operands;
  return `${predicateName(site.guard.cmp)}(${a.toPrecision(6)}, ${b.toPrecision(6)}) is ${site.guard.holdsWhenTrue ? "false" : "true"}: margin ${m.minMargin.toPrecision(4)} (seed ${o.seed}, step ${o.steps})`;
}

/** Runs the program, repairing failed assertions; never throws for what the program or model does. */
export async function heal(opts: HealOptions): Promise<HealResult> {
  const ctx = opts.ctx ?? createContext();
  const file = opts.file ?? "<input>";
  // The text `module`'s op locations point into (it changes with each accepted repair).
  let source = opts.source ?? (typeof opts.module === "string" ? opts.module : undefined);
  let module = typeof opts.module === "string" ? parseModule(opts.module, file, ctx) : opts.module;
  const inputErrors = verifyModule(module, ctx).filter((d) => d.severity === "error");
  if (inputErrors.length) throw new DiagnosticError(inputErrors); // bad input: the CLI reports it (exit 1)
  if (source !== undefined) registerSource(file, source);
  const entry = opts.entry ?? "main";
  const seed = opts.seed ?? 0;
  const K = opts.seeds ?? 5;
  const verifySeeds = [seed, ...Array.from({ length: K }, (_, i) => seed + 1 + i)];
  const maxAttempts = opts.attempts ?? 20;
  const say = log(opts);
  const stdout = opts.stdout ?? ((t: string) => void process.stdout.write(t));
  const runnerName = opts.runner === undefined || opts.runner === "heuristic" ? "heuristic" : "model";
  const sandbox = new ReplaySandbox();
  const result: HealResult = { exitCode: 0, violations: [], attempts: [], repairs: [], cacheHits: 0, episodes: 0, final: undefined as unknown as EpisodeOutcome, module, moduleText: "" };
  let timeoutMs = opts.timeoutMs ?? 3000;

  /** Replays a statically checked candidate on every verification seed. */
  const verify = async (c: CandidateBuild & { ok: true }, siteId: number | undefined, guarded: boolean): Promise<{ verdict: Verdict; reason: string; failedSeed?: number }> => {
    const outs = await sandbox.replay({ text: c.text, entry, seeds: verifySeeds, timeoutMs, stopOnFailure: true });
    for (const o of outs) {
      if (o.status === "ok") {
        const m = siteId === undefined ? undefined : o.sites[siteId];
        if (guarded && m === undefined) {
          return { verdict: "wrong-result", reason: `seed ${o.seed}: the assertion was never checked (the episode ended without reaching it)`, failedSeed: o.seed };
        }
        continue;
      }
      const verdict: Verdict = o.status === "violation" ? "wrong-result" : o.status === "error" ? "trap" : o.status;
      const detail = o.status === "violation" ? `assertion at location ${o.loc} still fails on seed ${o.seed}` : `seed ${o.seed}: ${o.message ?? o.status}`;
      const m = o.siteId !== undefined ? o.sites[o.siteId] : undefined;
      return { verdict, reason: m ? `${detail} (margin ${m.minMargin.toPrecision(4)})` : detail, failedSeed: o.seed };
    }
    const margins = outs.map((o) => (siteId !== undefined ? o.sites[siteId]?.minMargin : undefined)).filter((x): x is number => x !== undefined);
    return { verdict: "accepted", reason: `no assertion failed on seeds ${verifySeeds.join(", ")}${margins.length ? `; worst margin ${Math.min(...margins).toPrecision(4)}` : ""}` };
  };

  const swapIn = (target: string, c: CandidateBuild & { ok: true }, src: RepairRecord["source"], siteKey?: string): void => {
    const before = functionText(module, target, ctx);
    const rec: RepairRecord = { target, source: src, before, after: c.fnText, diff: diffLines(before, c.fnText), seeds: verifySeeds };
    result.repairs.push(rec);
    if (opts.cache && siteKey !== undefined) {
      opts.cache.put(cacheKey(before, `repair\0${siteKey}`), { kind: "repair", functionName: target, ir: c.fnText, createdAt: new Date().toISOString() });
    }
    say(`heal: ${src === "cache" ? "applying cached" : "accepted"} repair of @${target}:\n${rec.diff.split("\n").map((l) => `    ${l}`).join("\n")}\n`);
    module = c.module;
    source = c.text;
  };

  try {
    // Cached repairs first: before anything fails, re-verified cheaply.
    if (opts.cache) {
      const sites = findAssertionSites(module);
      const names = opts.repairable && opts.repairable !== "auto" ? opts.repairable
        : module.functions().filter((f) => f.regions[0]?.blocks.length).map((f) => symbolName(f) ?? "");
      for (const name of names) {
        if (name === entry || !functionOp(module, name)) continue;
        for (const site of sites) {
          const before = functionText(module, name, ctx);
          const hit = opts.cache.get(cacheKey(before, `repair\0${siteKeyText(site)}`));
          if (!hit || hit.kind !== "repair") continue;
          const c = buildCandidate(module, name, { target_function: name, rewrite: hit.ir }, ctx);
          const v = c.ok ? await verify(c, site.id, !!site.guard) : { verdict: c.verdict, reason: c.reason };
          if (c.ok && v.verdict === "accepted") {
            result.cacheHits++;
            say(`heal: cache hit for @${name} (assertion ${describeSite(site, source)}); re-verified: ${v.reason}\n`);
            swapIn(name, c, "cache");
            break;
          }
          say(`heal: ignoring the cached repair of @${name}: ${v.verdict} (${v.reason})\n`);
        }
      }
    }

    for (;;) {
      const live = runEpisode(module, { entry, seed, stdout, traceTail: 24 });
      result.episodes++;
      result.final = live;
      timeoutMs = opts.timeoutMs ?? Math.max(timeoutMs, 3000, Math.ceil(live.ms * 20));
      if (live.status === "ok") { result.exitCode = 0; break; }
      if (live.status !== "violation") {
        say(`tensorlang: ${live.message ?? live.status}\n`);
        result.exitCode = 4;
        break;
      }
      const sites = findAssertionSites(module);
      const site = live.siteId !== undefined ? sites[live.siteId] : undefined;
      const where = `${file}:${live.loc ?? "?"}`;
      const text = site ? describeSite(site, source) : `tensorlang_assert_fail(${live.loc})`;
      const observed = observedText(site, live);
      result.violations.push({ site: site?.id, loc: live.loc, where, text, observed, seed });
      say(`tensorlang: assertion failed at ${where}: ${text}\n`);
      if (observed) say(`tensorlang:   observed ${observed}\n`);
      say(`tensorlang:   last trace:\n${formatTrace(live.trace, 4).split("\n").map((l) => `    ${l}`).join("\n")}\n`);
      if (opts.heal === false) { result.exitCode = 3; break; }
      if (result.repairs.filter((r) => r.source !== "cache").length >= (opts.maxRepairs ?? 4)) {
        say(`heal: giving up: ${opts.maxRepairs ?? 4} repairs this run and the program still fails\n`);
        result.exitCode = 3;
        break;
      }
      const targets = (opts.repairable && opts.repairable !== "auto" ? opts.repairable : live.called).filter((n) => n !== entry && functionOp(module, n));
      if (!targets.length) {
        say(`heal: nothing to repair (no repairable function was called in the failing episode)\n`);
        result.exitCode = 3;
        break;
      }
      say(`heal: repairable: ${targets.map((t) => `@${t}`).join(", ")}; runner: ${runnerName}; up to ${maxAttempts} attempt(s); each replayed on seeds ${verifySeeds.join(", ")} (limit ${timeoutMs} ms per episode)\n`);
      const siteKey = site ? siteKeyText(site) : undefined;
      let attemptsLeft = maxAttempts; // per violation
      const firstAttempt = result.attempts.length;
      let accepted = false;
      let label = "";
      const record = (target: string, source: HealAttemptRecord["source"], proposal: HealAttemptRecord["proposal"], verdict: Verdict, reason: string | undefined): void => {
        const a: HealAttemptRecord = { n: result.attempts.length + 1, target, source, proposal, verdict, reason };
        result.attempts.push(a);
        attemptsLeft--;
        say(`heal: attempt ${a.n - firstAttempt}/${maxAttempts} @${target} (${label}${describeProposal(proposal, 100)}): ${verdict}${reason ? ` - ${reason}` : ""}\n`);
      };
      const tried = new Map<string, number>();
      const tryProposal = async (target: string, source: HealAttemptRecord["source"], proposal: Proposal): Promise<{ ok: boolean; failedSeed?: number }> => {
        const key = JSON.stringify(proposal);
        const earlier = tried.get(key);
        if (earlier !== undefined) { record(target, source, proposal, "rejected", `same candidate as attempt ${earlier}`); return { ok: false }; }
        tried.set(key, result.attempts.length + 1);
        const c = buildCandidate(module, target, proposal, ctx);
        if (!c.ok) { record(target, source, proposal, c.verdict, c.reason); return { ok: false }; }
        const v = await verify(c, site?.id, !!site?.guard);
        record(target, source, proposal, v.verdict, v.reason);
        if (v.verdict !== "accepted") return { ok: false, failedSeed: v.failedSeed };
        swapIn(target, c, source, siteKey);
        return { ok: true };
      };
      for (const target of targets) {
        if (accepted || attemptsLeft <= 0) break;
        if (runnerName === "heuristic") {
          const h = new HeuristicHealer({
            base: module, ctx, target, entry, siteId: site?.id, trainSeeds: [seed, seed + 1000], sandbox, timeoutMs,
            searchSeed: opts.searchSeed, maxEpisodes: opts.searchEpisodes, phases: opts.searchPhases, log: (l) => say(`heal: ${l}\n`),
          });
          while (attemptsLeft > 0 && !accepted) {
            const cand = await h.next();
            if (!cand) break;
            label = `heuristic ${cand.phase} search, training fitness ${cand.fitness.toPrecision(4)}; `;
            const r = await tryProposal(target, "heuristic", cand.proposal);
            accepted = r.ok;
            if (r.failedSeed !== undefined) h.addTrainingSeed(r.failedSeed);
          }
        } else {
          const runner = opts.runner as ModelRunner;
          const fn = functionOp(module, target)!;
          const history: HealAttemptRecord[] = [];
          let failedQueries = 0;
          // Spread the budget over the targets; the last target gets what is left.
          let budget = target === targets[targets.length - 1] ? attemptsLeft : Math.max(1, Math.floor(attemptsLeft / targets.length));
          while (budget-- > 0 && attemptsLeft > 0 && !accepted) {
            const ans = await queryRepair(runner, {
              moduleIr: printModule(module, ctx), target, tables: scalarTables(fn), violation: `${where}: ${text}`, observed, trace: live.trace,
              history: history.map((h) => ({ proposal: h.proposal, verdict: h.verdict, reason: h.reason })),
            }, { constants: scalarConstants(fn).length, operators: operators(fn).length }, { query: opts.query, grammar: opts.grammar ?? runner instanceof LlamaCppModelRunner }, result.attempts.length);
            const queryFailed = !ans.proposal && !!ans.error?.startsWith("model query failed");
            if (!ans.proposal) {
              record(target, "model", { raw: ans.raw }, queryFailed ? "rejected" : "parse-error", ans.error);
            } else {
              accepted = (await tryProposal(target, "model", ans.proposal)).ok;
            }
            history.push(result.attempts[result.attempts.length - 1]);
            // A model that cannot answer (server down, script exhausted) will not start again.
            failedQueries = queryFailed ? failedQueries + 1 : 0;
            if (failedQueries >= MAX_FAILED_QUERIES) {
              say(`heal: the model failed ${failedQueries} queries in a row; no more attempts\n`);
              attemptsLeft = 0;
            }
          }
        }
      }
      if (!accepted) {
        const counts = new Map<Verdict, number>();
        for (const a of result.attempts.slice(firstAttempt)) counts.set(a.verdict, (counts.get(a.verdict) ?? 0) + 1);
        say(`heal: no repair found after ${result.attempts.length - firstAttempt} attempt(s) (${[...counts].map(([k, n]) => `${k}: ${n}`).join(", ") || "no candidates"}); exit code 3\n`);
        result.exitCode = 3;
        break;
      }
      say(`heal: restarting @${entry} from the start (seed ${seed})\n`);
    }
    const fixed = result.repairs.filter((r) => r.source !== "cache").length;
    if (result.exitCode === 0 && (fixed || result.cacheHits)) {
      say(`heal: the episode finished without a violation (${fixed} repair(s) this run, ${result.cacheHits} from the cache, ${result.attempts.length} attempt(s))\n`);
    }
  } finally {
    await sandbox.close();
  }
  result.module = module;
  result.moduleText = printModule(module, ctx);
  return result;
}
