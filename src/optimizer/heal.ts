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
import type { ExperienceLog } from "./experience.js";
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
  /** Appends every model query with its verdict (`--experience-log`). */
  experience?: ExperienceLog;
  /** Model name for the experience log. */
  model?: string;
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

function observedText(site: AssertionSite | undefined, o: EpisodeOutcome): string | undefined {
  const m = site ? o.sites[site.id] : undefined;
  if (!site?.guard || !m?.operands) return undefined;
  const [a, b] = m.operands;
  return `${predicateName(site.guard.cmp)}(${a.toPrecision(6)}, ${b.toPrecision(6)}) is ${site.guard.holdsWhenTrue ? "false" : "true"}: margin ${m.minMargin.toPrecision(4)} (seed ${o.seed}, step ${o.steps})`;
}

const indent = (text: string): string => text.split("\n").map((l) => `    ${l}`).join("\n");

/** Runs the program, repairing failed assertions; never throws for what the program or model does. */
export async function heal(opts: HealOptions): Promise<HealResult> {
  return new Healer(opts).run();
}

type Built = CandidateBuild & { ok: true };

/** One violation being repaired: what failed, and the attempts spent on it. */
interface Round {
  live: EpisodeOutcome;
  site?: AssertionSite;
  where: string;
  text: string;
  observed?: string;
  attemptsLeft: number;
  /** Index of the round's first attempt in result.attempts. */
  first: number;
  /** Proposals already tried (JSON) -> attempt number. */
  tried: Map<string, number>;
  /** Prefix of the next attempt's description (the heuristic's phase and fitness). */
  label: string;
}

class Healer {
  private readonly ctx: Context;
  private readonly file: string;
  private readonly entry: string;
  private readonly seed: number;
  private readonly verifySeeds: number[];
  private readonly maxAttempts: number;
  private readonly say: (text: string) => void;
  private readonly sandbox = new ReplaySandbox();
  private readonly result: HealResult;
  private module: Module;
  /** The text `module`'s op locations point into (it changes with each accepted repair). */
  private source: string | undefined;
  private timeoutMs: number;

  constructor(private readonly opts: HealOptions) {
    this.ctx = opts.ctx ?? createContext();
    this.file = opts.file ?? "<input>";
    this.source = opts.source ?? (typeof opts.module === "string" ? opts.module : undefined);
    this.module = typeof opts.module === "string" ? parseModule(opts.module, this.file, this.ctx) : opts.module;
    const inputErrors = verifyModule(this.module, this.ctx).filter((d) => d.severity === "error");
    if (inputErrors.length) throw new DiagnosticError(inputErrors); // bad input: the CLI reports it (exit 1)
    if (this.source !== undefined) registerSource(this.file, this.source);
    this.entry = opts.entry ?? "main";
    this.seed = opts.seed ?? 0;
    this.verifySeeds = [this.seed, ...Array.from({ length: opts.seeds ?? 5 }, (_, i) => this.seed + 1 + i)];
    this.maxAttempts = opts.attempts ?? 20;
    this.say = opts.report ?? ((t: string) => void process.stderr.write(t));
    this.timeoutMs = opts.timeoutMs ?? 3000;
    this.result = { exitCode: 0, violations: [], attempts: [], repairs: [], cacheHits: 0, episodes: 0, final: undefined as unknown as EpisodeOutcome, module: this.module, moduleText: "" };
  }

  /** A function with a body (host hooks are declarations and never repairable). */
  private defines(name: string): boolean {
    return !!functionOp(this.module, name)?.regions[0]?.blocks.length;
  }

  private get runnerName(): "heuristic" | "model" {
    return this.opts.runner === undefined || this.opts.runner === "heuristic" ? "heuristic" : "model";
  }

  async run(): Promise<HealResult> {
    const { result, say } = this;
    const stdout = this.opts.stdout ?? ((t: string) => void process.stdout.write(t));
    try {
      if (this.opts.cache) await this.applyCached(this.opts.cache);
      for (;;) {
        const live = runEpisode(this.module, { entry: this.entry, seed: this.seed, stdout, traceTail: 24 });
        result.episodes++;
        result.final = live;
        this.timeoutMs = this.opts.timeoutMs ?? Math.max(this.timeoutMs, 3000, Math.ceil(live.ms * 20));
        if (live.status === "ok") { result.exitCode = 0; break; }
        if (live.status !== "violation") {
          say(`tensorlang: ${live.message ?? live.status}\n`);
          result.exitCode = 4;
          break;
        }
        if (!(await this.repair(this.reportViolation(live)))) { result.exitCode = 3; break; }
        say(`heal: restarting @${this.entry} from the start (seed ${this.seed})\n`);
      }
      const fixed = result.repairs.filter((r) => r.source !== "cache").length;
      if (result.exitCode === 0 && (fixed || result.cacheHits)) {
        say(`heal: the episode finished without a violation (${fixed} repair(s) this run, ${result.cacheHits} from the cache, ${result.attempts.length} attempt(s))\n`);
      }
    } finally {
      await this.sandbox.close();
    }
    result.module = this.module;
    result.moduleText = printModule(this.module, this.ctx);
    return result;
  }

  /** Cached repairs, before anything fails; each is re-verified before it is applied. */
  private async applyCached(cache: StrategyCache): Promise<void> {
    const sites = findAssertionSites(this.module);
    const rep = this.opts.repairable;
    const names = rep && rep !== "auto" ? rep : this.module.definedFunctions().map((f) => symbolName(f) ?? "");
    for (const name of names) {
      if (name === this.entry || !this.defines(name)) continue;
      for (const site of sites) {
        const hit = cache.get(cacheKey(functionText(this.module, name, this.ctx), `repair\0${siteKeyText(site)}`));
        if (!hit || hit.kind !== "repair") continue;
        const c = buildCandidate(this.module, name, { target_function: name, rewrite: hit.ir }, this.ctx);
        const v = c.ok ? await this.verify(c, site) : { verdict: c.verdict, reason: c.reason };
        if (c.ok && v.verdict === "accepted") {
          this.result.cacheHits++;
          this.say(`heal: cache hit for @${name} (assertion ${describeSite(site, this.source)}); re-verified: ${v.reason}\n`);
          this.swapIn(name, c, "cache");
          break;
        }
        this.say(`heal: ignoring the cached repair of @${name}: ${v.verdict} (${v.reason})\n`);
      }
    }
  }

  private reportViolation(live: EpisodeOutcome): Round {
    const site = live.siteId !== undefined ? findAssertionSites(this.module)[live.siteId] : undefined;
    const where = `${this.file}:${live.loc ?? "?"}`;
    const text = site ? describeSite(site, this.source) : `tensorlang_assert_fail(${live.loc})`;
    const observed = observedText(site, live);
    this.result.violations.push({ site: site?.id, loc: live.loc, where, text, observed, seed: this.seed });
    this.say(`tensorlang: assertion failed at ${where}: ${text}\n`);
    if (observed) this.say(`tensorlang:   observed ${observed}\n`);
    this.say(`tensorlang:   last trace:\n${indent(formatTrace(live.trace, 4))}\n`);
    return { live, site, where, text, observed, attemptsLeft: this.maxAttempts, first: this.result.attempts.length, tried: new Map(), label: "" };
  }

  /** Tries to repair one violation; true when a repair was swapped in. */
  private async repair(round: Round): Promise<boolean> {
    const { opts, say } = this;
    if (opts.heal === false) return false;
    const maxRepairs = opts.maxRepairs ?? 4;
    if (this.result.repairs.filter((r) => r.source !== "cache").length >= maxRepairs) {
      say(`heal: giving up: ${maxRepairs} repairs this run and the program still fails\n`);
      return false;
    }
    const rep = opts.repairable;
    if (rep && rep !== "auto") {
      const unknown = rep.filter((n) => !this.defines(n));
      if (unknown.length) say(`heal: ignoring ${unknown.map((n) => `@${n}`).join(", ")}: no such function with a body in the module\n`);
    }
    const targets = (rep && rep !== "auto" ? rep : round.live.called).filter((n) => n !== this.entry && this.defines(n));
    if (!targets.length) {
      say(`heal: nothing to repair (${rep && rep !== "auto" ? "none of the functions named by --heal is defined here" : "the failing episode called no function besides the entry point"})\n`);
      return false;
    }
    say(`heal: repairable: ${targets.map((t) => `@${t}`).join(", ")}; runner: ${this.runnerName}; up to ${this.maxAttempts} attempt(s); ` +
      `each replayed on seeds ${this.verifySeeds.join(", ")} (limit ${this.timeoutMs} ms per episode)\n`);
    for (const [i, target] of targets.entries()) {
      if (round.attemptsLeft <= 0) break;
      // The heuristic searches each target until its budget ends; a model's attempts are spread
      // over the targets, the last one getting what is left.
      const accepted = this.runnerName === "heuristic" ? await this.searchHeuristic(round, target)
        : await this.askModel(round, target, i === targets.length - 1 ? round.attemptsLeft : Math.max(1, Math.floor(round.attemptsLeft / targets.length)));
      if (accepted) return true;
    }
    const counts = new Map<Verdict, number>();
    const mine = this.result.attempts.slice(round.first);
    for (const a of mine) counts.set(a.verdict, (counts.get(a.verdict) ?? 0) + 1);
    say(`heal: no repair found after ${mine.length} attempt(s) (${[...counts].map(([k, n]) => `${k}: ${n}`).join(", ") || "no candidates"}); exit code 3\n`);
    return false;
  }

  private async searchHeuristic(round: Round, target: string): Promise<boolean> {
    const h = new HeuristicHealer({
      base: this.module, ctx: this.ctx, target, entry: this.entry, siteId: round.site?.id, trainSeeds: [this.seed, this.seed + 1000],
      sandbox: this.sandbox, timeoutMs: this.timeoutMs, searchSeed: this.opts.searchSeed, maxEpisodes: this.opts.searchEpisodes,
      phases: this.opts.searchPhases, log: (l) => this.say(`heal: ${l}\n`),
    });
    while (round.attemptsLeft > 0) {
      const cand = await h.next();
      if (!cand) return false;
      round.label = `heuristic ${cand.phase} search, training fitness ${cand.fitness.toPrecision(4)}; `;
      const r = await this.tryProposal(round, target, "heuristic", cand.proposal);
      if (r.ok) return true;
      if (r.failedSeed !== undefined) h.addTrainingSeed(r.failedSeed); // learn from the held-out seed
    }
    return false;
  }

  private async askModel(round: Round, target: string, budget: number): Promise<boolean> {
    const runner = this.opts.runner as ModelRunner;
    const fn = functionOp(this.module, target)!;
    const history: HealAttemptRecord[] = [];
    let failedQueries = 0;
    round.label = "";
    while (budget-- > 0 && round.attemptsLeft > 0) {
      const t0 = performance.now();
      const ans = await queryRepair(runner, {
        moduleIr: printModule(this.module, this.ctx), target, tables: scalarTables(fn), violation: `${round.where}: ${round.text}`,
        observed: round.observed, trace: round.live.trace,
        history: history.map((h) => ({ proposal: h.proposal, verdict: h.verdict, reason: h.reason })),
      }, { constants: scalarConstants(fn).length, operators: operators(fn).length },
      { query: this.opts.query, grammar: this.opts.grammar ?? runner instanceof LlamaCppModelRunner }, this.result.attempts.length);
      const queryFailed = !ans.proposal && !!ans.error?.startsWith("model query failed");
      let ok = false;
      if (!ans.proposal) this.record(round, target, "model", { raw: ans.raw }, queryFailed ? "rejected" : "parse-error", ans.error);
      else ok = (await this.tryProposal(round, target, "model", ans.proposal)).ok;
      const last = this.result.attempts[this.result.attempts.length - 1];
      this.opts.experience?.append({
        function: target, proposer: "heal", model: this.opts.model, prompt: ans.prompt, response: ans.raw, proposal: ans.proposal,
        verdict: last.verdict, reason: last.reason, queryMs: Math.round(performance.now() - t0),
      });
      if (ok) return true;
      history.push(last);
      // A model that cannot answer (server down, script exhausted) will not start again.
      failedQueries = queryFailed ? failedQueries + 1 : 0;
      if (failedQueries >= MAX_FAILED_QUERIES) {
        this.say(`heal: the model failed ${failedQueries} queries in a row; no more attempts\n`);
        round.attemptsLeft = 0;
      }
    }
    return false;
  }

  private record(round: Round, target: string, source: HealAttemptRecord["source"], proposal: HealAttemptRecord["proposal"], verdict: Verdict, reason?: string): void {
    const a: HealAttemptRecord = { n: this.result.attempts.length + 1, target, source, proposal, verdict, reason };
    this.result.attempts.push(a);
    round.attemptsLeft--;
    this.say(`heal: attempt ${a.n - round.first}/${this.maxAttempts} @${target} (${round.label}${describeProposal(proposal, 100)}): ${verdict}${reason ? ` - ${reason}` : ""}\n`);
  }

  /** Static checks, then the replay; an accepted candidate is swapped in at once. */
  private async tryProposal(round: Round, target: string, source: HealAttemptRecord["source"], proposal: Proposal): Promise<{ ok: boolean; failedSeed?: number }> {
    const key = JSON.stringify(proposal);
    const earlier = round.tried.get(key);
    if (earlier !== undefined) {
      this.record(round, target, source, proposal, "rejected", `same candidate as attempt ${earlier}`);
      return { ok: false };
    }
    round.tried.set(key, this.result.attempts.length + 1 - round.first);
    const c = buildCandidate(this.module, target, proposal, this.ctx);
    if (!c.ok) {
      this.record(round, target, source, proposal, c.verdict, c.reason);
      return { ok: false };
    }
    const v = await this.verify(c, round.site);
    this.record(round, target, source, proposal, v.verdict, v.reason);
    if (v.verdict !== "accepted") return { ok: false, failedSeed: v.failedSeed };
    this.swapIn(target, c, source, round.site ? siteKeyText(round.site) : undefined);
    return { ok: true };
  }

  /** Replays a statically checked candidate on every verification seed; no assertion may fail. */
  private async verify(c: Built, site: AssertionSite | undefined): Promise<{ verdict: Verdict; reason: string; failedSeed?: number }> {
    const outs = await this.sandbox.replay({ text: c.text, entry: this.entry, seeds: this.verifySeeds, timeoutMs: this.timeoutMs, stopOnFailure: true });
    for (const o of outs) {
      if (o.status === "ok") {
        // A run that never evaluated the deciding comparison proves nothing (e.g. a lander that hovers).
        if (site?.guard && o.sites[site.id] === undefined) {
          return { verdict: "wrong-result", reason: `seed ${o.seed}: the assertion was never checked (the episode ended without reaching it)`, failedSeed: o.seed };
        }
        continue;
      }
      const verdict: Verdict = o.status === "violation" ? "wrong-result" : o.status === "error" ? "trap" : o.status;
      const detail = o.status === "violation" ? `assertion at location ${o.loc} still fails on seed ${o.seed}` : `seed ${o.seed}: ${o.message ?? o.status}`;
      const m = o.siteId !== undefined ? o.sites[o.siteId] : undefined;
      return { verdict, reason: m ? `${detail} (margin ${m.minMargin.toPrecision(4)})` : detail, failedSeed: o.seed };
    }
    const margins = outs.map((o) => (site ? o.sites[site.id]?.minMargin : undefined)).filter((x): x is number => x !== undefined);
    return { verdict: "accepted", reason: `no assertion failed on seeds ${this.verifySeeds.join(", ")}${margins.length ? `; worst margin ${Math.min(...margins).toPrecision(4)}` : ""}` };
  }

  private swapIn(target: string, c: Built, src: RepairRecord["source"], siteKey?: string): void {
    const before = functionText(this.module, target, this.ctx);
    const rec: RepairRecord = { target, source: src, before, after: c.fnText, diff: diffLines(before, c.fnText), seeds: this.verifySeeds };
    this.result.repairs.push(rec);
    if (this.opts.cache && siteKey !== undefined) {
      this.opts.cache.put(cacheKey(before, `repair\0${siteKey}`), { kind: "repair", functionName: target, ir: c.fnText, createdAt: new Date().toISOString() });
    }
    this.say(`heal: ${src === "cache" ? "applying cached" : "accepted"} repair of @${target}:\n${indent(rec.diff)}\n`);
    this.module = c.module;
    this.source = c.text;
  }
}
