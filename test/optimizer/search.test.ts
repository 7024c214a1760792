import assert from "node:assert/strict";
import { test } from "node:test";
import type { Proposer } from "../../src/optimizer/proposer.js";
import type { Proposal } from "../../src/optimizer/schema.js";
import { mcts, type Evaluation } from "../../src/optimizer/search.js";

// A toy problem: the "IR" is a list of applied factors; unroll by f multiplies speed by a
// deterministic amount, factor 16 is "wrong", factor 0 traps.
const proposer: Proposer = {
  name: "toy",
  async propose(ctx) {
    return [0, 2, 4, 8, 16].map((factor) => ({ proposal: { target_function: ctx.functionName, mutations: [{ kind: "unroll", loop: "L0", factor }] } as Proposal }));
  },
};
async function evaluate(parentIr: string, p: Proposal): Promise<Evaluation> {
  const f = "mutations" in p && p.mutations[0].kind === "unroll" ? p.mutations[0].factor : -1;
  if (f === 0) return { verdict: "trap", reason: "unreachable" };
  if (f === 16) return { verdict: "wrong-result", reason: "index 3: 1 vs 2" };
  const ir = `${parentIr}*${f}`;
  const speedup = ir.split("*").slice(1).reduce((a, x) => a * (1 + Number(x) / 10), 1);
  return { verdict: speedup > 1 ? "accepted" : "slower", ir, ms: 100 / speedup, speedup };
}

test("MCTS finds compounding improvements and records every verdict", async () => {
  const r = await mcts({ functionName: "f", baseline: { ir: "base", loopTable: "", ms: 100 }, proposer, evaluate, budget: { iterations: 40 }, seed: 3 });
  assert.equal(r.iterations, 40);
  assert.ok(r.best && r.best.speedup > 1.8 * 1.8, `best ${r.best?.speedup}`);
  assert.ok(r.best!.path.length >= 2, "a sequence of mutations");
  assert.ok((r.verdicts.trap ?? 0) > 0 && (r.verdicts["wrong-result"] ?? 0) > 0);
  assert.equal(r.attempts.length, 40);
});

test("same seed and proposer make the same decisions; another seed may differ", async () => {
  const run = (seed: number) => mcts({ functionName: "f", baseline: { ir: "base", loopTable: "", ms: 100 }, proposer, evaluate, budget: { iterations: 30 }, seed });
  const [a, b] = [await run(11), await run(11)];
  assert.deepEqual(a.attempts, b.attempts);
  assert.deepEqual(a.best, b.best);
});

test("budgets bound the search: wall time and an already-aborted signal", async () => {
  const ac = new AbortController();
  ac.abort();
  const r = await mcts({ functionName: "f", baseline: { ir: "base", loopTable: "", ms: 100 }, proposer, evaluate, budget: { iterations: 1000 }, signal: ac.signal });
  assert.equal(r.iterations, 0);
  const slow: Proposer = { name: "slow", propose: async (ctx) => { await new Promise((res) => setTimeout(res, 30)); return proposer.propose(ctx); } };
  const t = await mcts({ functionName: "f", baseline: { ir: "base", loopTable: "", ms: 100 }, proposer: slow, evaluate, budget: { iterations: 100000, wallMs: 200 } });
  assert.ok(t.iterations < 100000 && t.elapsedMs < 2000);
});
