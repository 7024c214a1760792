// The search asks a node again when everything it proposed failed (an LLM answers anew with
// the verdicts in its prompt), drops proposals that node already tried, and stops cleanly when
// a proposer has nothing new (a deterministic proposer does not burn the budget).
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Proposer, ProposalContext } from "../../src/optimizer/proposer.js";
import type { Proposal } from "../../src/optimizer/schema.js";
import { mcts, type Evaluation } from "../../src/optimizer/search.js";

const unroll = (factor: number): Proposal => ({ target_function: "f", mutations: [{ kind: "unroll", loop: "L0", factor }] });

/** factor 4 is the only good proposal; everything else traps. */
async function evaluate(parent: string, p: Proposal): Promise<Evaluation> {
  const f = "mutations" in p && p.mutations[0].kind === "unroll" ? p.mutations[0].factor : -1;
  if (f !== 4) return { verdict: "trap", reason: `factor ${f} traps` };
  return { verdict: "accepted", ir: `${parent}*4`, ms: 50, speedup: 2 };
}

test("a node whose proposals all failed is asked again, seeing the verdicts; the later good answer wins", async () => {
  const seen: ProposalContext[] = [];
  // Like an LLM: two answers per query; the first two queries answer badly, then factor 4.
  const answers = [[unroll(2), unroll(8)], [unroll(16), { raw: "garbage" }], [unroll(4)]];
  let q = 0;
  const llm: Proposer = {
    name: "scripted",
    async propose(ctx) {
      seen.push(ctx);
      const a = answers[Math.min(q++, answers.length - 1)];
      return a.map((x) => ("raw" in x ? { raw: x.raw, error: "no JSON object in the answer" } : { proposal: x }));
    },
  };
  const r = await mcts({ functionName: "f", baseline: { ir: "base", loopTable: "", ms: 100 }, proposer: llm, evaluate, budget: { iterations: 6 }, seed: 1 });
  assert.ok(r.best, "the third query's proposal was evaluated and won");
  assert.equal(r.best.speedup, 2);
  assert.equal(r.verdicts.trap, 3);
  assert.equal(r.verdicts["parse-error"], 1);
  assert.ok(seen.length >= 3);
  // The re-asked root's prompt context carries the earlier verdicts.
  assert.ok(seen[1].history.length >= 2 && seen[1].history.every((a) => a.verdict === "trap"));
  assert.equal(seen[2].history.length, 4);
});

test("a deterministic proposer whose proposals all failed ends the search without using the budget", async () => {
  let calls = 0;
  const same: Proposer = { name: "same", async propose() { calls++; return [unroll(2), unroll(8)].map((proposal) => ({ proposal })); } };
  const r = await mcts({ functionName: "f", baseline: { ir: "base", loopTable: "", ms: 100 }, proposer: same, evaluate, budget: { iterations: 100 }, seed: 1 });
  assert.equal(r.best, undefined);
  assert.equal(r.attempts.length, 2, "each proposal evaluated once; repeats are dropped");
  assert.equal(r.iterations, 2, "asking again and getting nothing new costs no iteration");
  assert.equal(calls, 2);
});
