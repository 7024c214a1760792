// The heuristic healer (no model needed): searches the repairable function's operators and
// float constants, replaying the episode in the sandbox to measure a fitness: how far from
// violation the episode ends (the margin of the asserted comparison, worst over the training
// seeds). Three phases, cheapest first:
//   1. every single operator swap (a "one wrong operator" bug is found exhaustively);
//   2. hill climbing over the function's own float constants;
//   3. widening: the result r becomes r + c + Σ k_i·arg_i (all new constants 0, so it starts
//      as the original), then random restarts + hill climbing over all float constants. A
//      linear feedback term is what repairs a controller whose gains, signs or bias are wrong.
// A candidate that holds on every training seed is handed out for full verification; when
// verification fails on a held-out seed, that seed joins the training set and the search goes on.
import { FloatAttr } from "../ir/attributes.js";
import { Operation, type Module, type Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { printOp } from "../ir/printer.js";
import { FloatType } from "../ir/types.js";
import { FLOAT_BINARY, INT_BINARY } from "../dialects/arith.js";
import { BINARY_OPS } from "../dialects/tensorlang.js";
import type { EpisodeOutcome } from "./heal-episode.js";
import { functionOp, spliceFunction } from "./heal-candidate.js";
import type { ReplaySandbox } from "./heal-replay.js";
import { floatValue, operators, scalarConstants, setFloatValue } from "./mutations/scalar.js";
import { Rng } from "./random.js";
import type { Proposal } from "./schema.js";

/** Fitness of one episode for the violated site; > 0 means the assertion was checked and held. */
export function episodeScore(o: EpisodeOutcome, siteId: number | undefined): number {
  if (o.status === "timeout" || o.status === "trap" || o.status === "out-of-memory" || o.status === "error") return -1e9;
  const m = siteId === undefined ? undefined : o.sites[siteId];
  if (o.status === "violation" && o.siteId !== siteId) return -1e6; // broke another assertion
  if (m && m.checks > 0) return Number.isFinite(m.minMargin) ? m.minMargin : -1e5;
  // No measurable margin: a violation is bad, surviving longer is a little less bad; an
  // episode that never checked the assertion did not demonstrate anything.
  if (o.status === "violation") return -1e4 + Math.min(o.steps, 1e6) * 1e-3;
  return siteId === undefined ? 1 : -1e3;
}

/** Worst seed first, the mean as a tie-breaker. */
export function fitness(outcomes: readonly EpisodeOutcome[], siteId: number | undefined): number {
  if (!outcomes.length) return -1e9;
  const s = outcomes.map((o) => episodeScore(o, siteId));
  return Math.min(...s) + 1e-3 * (s.reduce((a, b) => a + b, 0) / s.length);
}

export interface HeuristicHealerOptions {
  base: Module;
  ctx: Context;
  target: string;
  entry: string;
  siteId: number | undefined;
  trainSeeds: number[];
  sandbox: ReplaySandbox;
  timeoutMs: number;
  searchSeed?: number;
  /** Episode evaluations the search may spend (default 600). */
  maxEpisodes?: number;
  /** Phases to run (default all three, in order). */
  phases?: HeuristicPhase[];
  /** Progress lines (phase changes, best fitness). */
  log?: (line: string) => void;
}

export type HeuristicPhase = "swap" | "constants" | "widened";

export interface HeuristicCandidate {
  proposal: Proposal;
  /** Best training fitness seen for it. */
  fitness: number;
  phase: HeuristicPhase;
}

const SWAP_FLOAT = ["arith.addf", "arith.subf", "arith.mulf", "arith.divf", "arith.maximumf", "arith.minimumf"];
const SWAP_INT = ["arith.addi", "arith.subi", "arith.muli", "arith.maxsi", "arith.minsi"];
const SWAP_TENSOR = Object.keys(BINARY_OPS);

function floatConstants(fn: Operation): number[] {
  const out: number[] = [];
  scalarConstants(fn).forEach((op, i) => { if (floatValue(op) !== undefined) out.push(i); });
  return out;
}

function constValues(fn: Operation, idx: number[]): number[] {
  const cs = scalarConstants(fn);
  return idx.map((i) => floatValue(cs[i])!);
}

function withConstants(fn: Operation, idx: number[], values: number[]): Operation {
  const c = fn.clone();
  const cs = scalarConstants(c);
  idx.forEach((i, k) => setFloatValue(cs[i], values[k]));
  return c;
}

/**
 * r -> w·r + c + Σ k_i·arg_i for every float result of every return (w = 1, c = k = 0: the
 * original behaviour); undefined when nothing is float. Constants are appended in the order
 * w, c, k_0, k_1, ... after the function's own (pre-order numbering puts them last).
 */
export function widen(fn: Operation): Operation | undefined {
  const w = fn.clone();
  const entry = w.regions[0]?.blocks[0];
  if (!entry) return undefined;
  const floatArgs = entry.args.filter((a) => a.type instanceof FloatType);
  let changed = false;
  w.walk((op) => {
    if (op.name !== "func.return" || !op.parent) return;
    const block = op.parent;
    const outs: Value[] = op.operands.map((r) => {
      const t = r.type;
      if (!(t instanceof FloatType)) return r;
      const args = floatArgs.filter((a) => a.type === t);
      const konst = (x: number): Value => block.insertBefore(op, new Operation({ name: "arith.constant", resultTypes: [t], attributes: { value: new FloatAttr(x, t) } })).result;
      const bin = (name: string, a: Value, b: Value): Value => block.insertBefore(op, new Operation({ name, operands: [a, b], resultTypes: [t] })).result;
      const weight = konst(1);
      let acc = bin("arith.addf", bin("arith.mulf", weight, r), konst(0));
      for (const a of args) acc = bin("arith.addf", acc, bin("arith.mulf", konst(0), a));
      changed = true;
      return acc;
    });
    op.setOperands(outs);
  });
  return changed ? w : undefined;
}

export class HeuristicHealer {
  private readonly rng: Rng;
  private readonly memo = new Map<string, number>();
  private episodes = 0;
  private readonly orig: Operation;
  private readonly trainSeeds: number[];
  private phase = 0;
  private readonly handedOut = new Set<string>();
  private pending: HeuristicCandidate[] = [];

  constructor(private readonly o: HeuristicHealerOptions) {
    this.rng = new Rng(o.searchSeed ?? 1);
    const fn = functionOp(o.base, o.target);
    if (!fn) throw new Error(`no function @${o.target}`);
    this.orig = fn;
    this.trainSeeds = [...o.trainSeeds];
  }

  get episodesUsed(): number { return this.episodes; }
  private get budgetLeft(): boolean { return this.episodes < (this.o.maxEpisodes ?? 600); }

  /** A held-out seed that failed verification: train on it from now on. */
  addTrainingSeed(seed: number): void {
    if (!this.trainSeeds.includes(seed)) { this.trainSeeds.push(seed); this.memo.clear(); }
  }

  private async evaluate(fn: Operation): Promise<number> {
    const fnText = printOp(fn, this.o.ctx);
    const hit = this.memo.get(fnText);
    if (hit !== undefined) return hit;
    const text = spliceFunction(this.o.base, this.o.target, fnText, this.o.ctx);
    const outs = await this.o.sandbox.replay({ text, entry: this.o.entry, seeds: this.trainSeeds, timeoutMs: this.o.timeoutMs, stopOnFailure: false });
    this.episodes += outs.length;
    const f = fitness(outs, this.o.siteId);
    this.memo.set(fnText, f);
    return f;
  }

  private offer(fn: Operation, f: number, phase: HeuristicPhase): HeuristicCandidate | undefined {
    const rewrite = printOp(fn, this.o.ctx);
    if (f <= 0 || this.handedOut.has(rewrite)) return undefined;
    this.handedOut.add(rewrite);
    return { proposal: { target_function: this.o.target, rewrite }, fitness: f, phase };
  }

  /** The next candidate worth verifying, or undefined when the search budget is spent. */
  async next(): Promise<HeuristicCandidate | undefined> {
    if (this.pending.length) return this.pending.shift();
    while (this.budgetLeft) {
      // each phase method moves this.phase on itself; the last one restarts until the budget ends
      const on = (p: HeuristicPhase): boolean => !this.o.phases || this.o.phases.includes(p);
      if (this.phase === 0 && !on("swap")) this.phase = 1;
      if (this.phase === 1 && !on("constants")) this.phase = 2;
      if (this.phase === 2 && !on("widened")) break;
      const found = this.phase === 0 ? await this.swaps() : this.phase === 1 ? await this.climbOwn() : await this.climbWidened();
      if (found) return found;
    }
    return undefined;
  }

  private async swaps(): Promise<HeuristicCandidate | undefined> {
    const ops = operators(this.orig);
    const scored: { fn: Operation; f: number }[] = [];
    for (let i = 0; i < ops.length && this.budgetLeft; i++) {
      const kind = ops[i].name;
      const pool = kind in FLOAT_BINARY ? SWAP_FLOAT : kind in INT_BINARY ? SWAP_INT : kind in BINARY_OPS ? SWAP_TENSOR : [];
      for (const alt of pool) {
        if (alt === kind || !this.budgetLeft) continue;
        const fn = this.orig.clone();
        operators(fn)[i].name = alt;
        scored.push({ fn, f: await this.evaluate(fn) });
      }
    }
    if (scored.length) this.o.log?.(`heuristic: tried ${scored.length} single operator swap(s), ${scored.filter((x) => x.f > 0).length} held on the training seeds`);
    this.phase = 1;
    const good = scored.filter((s) => s.f > 0).sort((a, b) => b.f - a.f);
    for (const g of good) { const c = this.offer(g.fn, g.f, "swap"); if (c) this.pending.push(c); }
    return this.pending.shift();
  }

  private async climbOwn(): Promise<HeuristicCandidate | undefined> {
    this.phase = 2;
    const idx = floatConstants(this.orig);
    if (!idx.length) return undefined;
    return this.climb(this.orig, idx, constValues(this.orig, idx), Math.min(60, (this.o.maxEpisodes ?? 600) / 6), "constants");
  }

  private widened: Operation | undefined | null = null;
  private restarts = 0;
  private widenedArgs = 0;
  /** Where the last climb handed out a candidate: a failed verification resumes from there. */
  private resume: number[] | undefined;

  private async climbWidened(): Promise<HeuristicCandidate | undefined> {
    if (this.widened === null) {
      this.widened = widen(this.orig);
      this.widenedArgs = (this.orig.regions[0]?.blocks[0]?.args ?? []).filter((a) => a.type instanceof FloatType).length;
    }
    const base = this.widened ?? this.orig;
    const idx = floatConstants(base);
    if (!idx.length) { this.o.maxEpisodes = this.episodes; return undefined; }
    const start = constValues(base, idx);
    const own = this.widened ? idx.length - (2 + this.widenedArgs) : idx.length; // the function's own constants come first
    // First climb from the original behaviour, then from random points: the original result
    // kept or dropped (w = 1 or 0), a bias, and gains of random sign over four decades.
    const init = this.resume ?? (this.restarts++ === 0 ? start : start.map((v, i) => {
      if (i < own) return v;
      if (i === own) return this.rng.next() < 0.5 ? 0 : 1;
      if (i === own + 1) return this.gauss() * 3;
      return (this.rng.next() < 0.5 ? -1 : 1) * 10 ** (-2.5 + 3 * this.rng.next());
    }));
    this.resume = undefined;
    return this.climb(base, idx, init, 80, "widened");
  }

  private gauss(): number {
    const u = Math.max(1e-12, this.rng.next()), v = this.rng.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** (1+1) hill climbing with a step size adapted by success (the 1/5 rule). */
  private async climb(base: Operation, idx: number[], init: number[], evals: number, phase: HeuristicPhase): Promise<HeuristicCandidate | undefined> {
    let cur = init, fcur = await this.evaluate(withConstants(base, idx, cur));
    let sigma = 0.5;
    const start = this.episodes;
    const perEval = Math.max(1, this.trainSeeds.length);
    const hit = this.offer(withConstants(base, idx, cur), fcur, phase);
    if (hit) return hit;
    while (this.budgetLeft && (this.episodes - start) / perEval < evals) {
      const all = this.rng.next() < 0.3;
      const k = this.rng.int(idx.length);
      const cand = cur.map((v, i) => (all || i === k ? v + this.gauss() * sigma * Math.max(0.1, Math.abs(v), phase === "widened" ? 1 : 0) : v));
      const fn = withConstants(base, idx, cand);
      const f = await this.evaluate(fn);
      if (f > fcur) {
        cur = cand; fcur = f; sigma = Math.min(4, sigma * 1.5);
        const c = this.offer(fn, f, phase);
        if (c) { this.resume = cand; this.o.log?.(`heuristic: ${phase} search found fitness ${f.toFixed(3)} after ${this.episodes} episode(s)`); return c; }
      } else if (f === fcur) {
        cur = cand; sigma = Math.min(4, sigma * 1.2); // a plateau (e.g. a clamped output): drift, with longer steps
      } else sigma = Math.max(0.005, sigma * 0.85);
    }
    this.o.log?.(`heuristic: ${phase} climb ended at fitness ${fcur.toFixed(3)} (${this.episodes} episode(s) so far)`);
    return undefined;
  }
}
