// Monte-Carlo tree search with UCB1 over sequences of proposals. A node is a verified
// version of the target function; expanding it asks the Proposer for proposals on that
// version; each is evaluated (sandboxed) and, when correct, becomes a child whose reward is
// its speedup over the baseline. Given the same seed, proposer and measurements, the search
// makes the same decisions (ties are broken by the seeded RNG, never by time).
import type { Attempt, Proposer, ProposalContext, ProposalResult, Verdict } from "./proposer.js";
import { machineInfo } from "./proposer.js";
import { Rng } from "./random.js";
import type { Proposal } from "./schema.js";

export interface Evaluation {
  verdict: Verdict;
  reason?: string;
  /** The candidate function's IR (for correct candidates, including slower ones). */
  ir?: string;
  loopTable?: string;
  /** Time of the candidate (its fastest call), and speedup over the search's baseline... */
  ms?: number;
  speedup?: number;
  /** ...whose time in the same check this is (timed beside the candidate, or recorded): speedup = baselineMs / ms. */
  baselineMs?: number;
}

export interface SearchBudget { iterations?: number; wallMs?: number; tokens?: number }

export interface SearchOptions {
  functionName: string;
  /** `ir` is the search state: the whole module text with the baseline function. */
  baseline: { ir: string; loopTable: string; ms: number };
  /** The target function's text and loop table in a state (for prompts); default: the state itself. */
  describe?(stateIr: string): { ir: string; loopTable: string };
  proposer: Proposer;
  /** Sandbox: apply `proposal` to `parentIr` and verify/measure it. */
  evaluate(parentIr: string, proposal: Proposal, path: readonly Proposal[]): Promise<Evaluation>;
  budget: SearchBudget;
  seed?: number;
  /** UCB1 exploration constant. */
  exploration?: number;
  proposalsPerExpansion?: number;
  signal?: AbortSignal;
  onProgress?(p: SearchProgress): void;
  onAttempt?(a: Attempt & { result: ProposalResult }): void;
  /** A new best version was found (live mode hot-swaps it at once). */
  onBest?(best: NonNullable<SearchResult["best"]>): void;
}

export interface SearchProgress {
  iteration: number; bestSpeedup: number; verdicts: Record<string, number>;
  /** What happens before the first iteration (the function as written being run and timed), if anything. */
  phase?: string;
}

export interface SearchResult {
  best?: { ir: string; ms: number; speedup: number; path: Proposal[]; baselineMs?: number };
  attempts: Attempt[];
  verdicts: Record<string, number>;
  iterations: number;
  tokens: number;
  elapsedMs: number;
}

/** Times an exhausted node with no live child is asked again (an LLM answers anew, seeing the verdicts). */
const MAX_REFILLS = 3;

class Node {
  children: Node[] = [];
  visits = 0;
  reward = 0;
  untried?: ProposalResult[];
  /** Proposals already evaluated at this node (JSON), and how many times it was asked again. */
  tried = new Set<string>();
  refills = 0;
  constructor(readonly ir: string, readonly loopTable: string, readonly path: Proposal[], readonly parent?: Node) {}
  get exhausted(): boolean { return this.untried !== undefined && this.untried.length === 0; }
}

/** Reward of a speedup: log-scaled so 2x and 4x differ as much as 4x and 16x... but bounded. */
const rewardOf = (speedup: number) => Math.max(0, Math.min(1, 0.5 + Math.log2(Math.max(speedup, 1e-3)) / 8));

export async function mcts(o: SearchOptions): Promise<SearchResult> {
  const rng = new Rng(o.seed ?? 1);
  const c = o.exploration ?? Math.SQRT2;
  const root = new Node(o.baseline.ir, o.baseline.loopTable, []);
  const attempts: Attempt[] = [];
  const verdicts: Record<string, number> = {};
  const seen = new Set<string>([o.baseline.ir]);
  let best: SearchResult["best"];
  let tokens = 0, iteration = 0;
  const start = Date.now();
  const maxIters = o.budget.iterations ?? 64;
  const outOfBudget = () => iteration >= maxIters || (o.budget.wallMs !== undefined && Date.now() - start >= o.budget.wallMs) ||
    (o.budget.tokens !== undefined && tokens >= o.budget.tokens) || !!o.signal?.aborted;

  const select = (): Node | undefined => {
    let n = root;
    for (;;) {
      if (!n.exhausted) return n;
      const open = n.children.filter((ch) => !isDead(ch));
      if (!open.length) {
        if (n.refills >= MAX_REFILLS) return undefined;
        n.refills++;
        n.untried = undefined; // ask the proposer again, with the verdicts so far
        return n;
      }
      let bestScore = -Infinity, pick: Node[] = [];
      for (const ch of open) {
        const score = ch.visits === 0 ? Infinity : ch.reward / ch.visits + c * Math.sqrt(Math.log(n.visits + 1) / ch.visits);
        if (score > bestScore) { bestScore = score; pick = [ch]; } else if (score === bestScore) pick.push(ch);
      }
      n = pick.length === 1 ? pick[0] : rng.pick(pick);
    }
  };
  const isDead = (n: Node): boolean => n.exhausted && n.refills >= MAX_REFILLS && n.children.every(isDead);

  while (!outOfBudget()) {
    const node = select();
    if (!node) break; // the whole tree is exhausted
    iteration++;
    if (node.untried === undefined) {
      const d = o.describe?.(node.ir) ?? { ir: node.ir, loopTable: node.loopTable };
      const ctx: ProposalContext = {
        functionName: o.functionName, ir: d.ir, moduleText: node.ir, loopTable: d.loopTable, applied: node.path,
        history: attempts.slice(-24), machine: machineInfo(), count: o.proposalsPerExpansion ?? 8, signal: o.signal,
      };
      const fresh = await o.proposer.propose(ctx);
      tokens += fresh.reduce((a, r) => a + (r.tokens ?? 0), 0);
      // On a refill, drop what this node already tried; nothing new means the node is done.
      node.untried = fresh.filter((r) => !r.proposal || !node.tried.has(JSON.stringify(r.proposal)));
      if (node.refills > 0 && node.untried.length === 0) { node.refills = MAX_REFILLS; iteration--; continue; }
    }
    const next = node.untried.length ? node.untried.splice(rng.int(Math.min(2, node.untried.length)), 1)[0] : undefined;
    if (!next) continue;
    if (next.proposal) node.tried.add(JSON.stringify(next.proposal));
    let ev: Evaluation;
    if (!next.proposal) ev = { verdict: "parse-error", reason: next.error ?? "no proposal" };
    else ev = await o.evaluate(node.ir, next.proposal, node.path);
    if (ev.ir && seen.has(ev.ir) && ev.verdict !== "parse-error") ev = { ...ev, verdict: "rejected", reason: "no change (an equivalent version was already tried)" };
    const attempt: Attempt = { proposal: next.proposal ?? { raw: next.raw ?? "" }, verdict: ev.verdict, reason: ev.reason, speedup: ev.speedup };
    attempts.push(attempt);
    verdicts[ev.verdict] = (verdicts[ev.verdict] ?? 0) + 1;
    o.onAttempt?.({ ...attempt, result: next });
    let reward = 0;
    const correct = ev.ir !== undefined && (ev.verdict === "accepted" || ev.verdict === "slower");
    if (correct && next.proposal) {
      seen.add(ev.ir!);
      const child = new Node(ev.ir!, ev.loopTable ?? node.loopTable, [...node.path, next.proposal], node);
      node.children.push(child);
      reward = rewardOf(ev.speedup ?? 1);
      child.visits = 1;
      child.reward = reward;
      if (ev.verdict === "accepted" && ev.speedup !== undefined && ev.ms !== undefined && (!best || ev.speedup > best.speedup)) {
        best = { ir: ev.ir!, ms: ev.ms, speedup: ev.speedup, path: child.path, baselineMs: ev.baselineMs };
        o.onBest?.(best);
      }
    }
    for (let n: Node | undefined = node; n; n = n.parent) { n.visits++; n.reward += reward; }
    o.onProgress?.({ iteration, bestSpeedup: best?.speedup ?? 1, verdicts: { ...verdicts } });
  }
  return { best, attempts, verdicts, iterations: iteration, tokens, elapsedMs: Date.now() - start };
}
