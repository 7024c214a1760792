// The search asks a node again when everything it proposed failed (an LLM answers anew with
// the verdicts in its prompt), drops proposals that node already tried, and stops cleanly when
// a proposer has nothing new (a deterministic proposer does not burn the budget); and what the
// heuristic proposes first for a matmul.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Proposer, ProposalContext } from "../../src/optimizer/proposer.js";
import type { Proposal } from "../../src/optimizer/schema.js";
import { mcts, type Evaluation } from "../../src/optimizer/search.js";
import { readFileSync } from "node:fs";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { heuristicProposals } from "../../src/optimizer/heuristic.js";
import { findFunction, mutate } from "../../src/optimizer/mutator.js";

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

test("on a matmul the heuristic ranks packed micro-kernels first, adds a k-blocked one for long k, and each applies", () => {
  const src = readFileSync(new URL("../../../examples/matmul_loops.mlir", import.meta.url), "utf8");
  for (const n of [256, 512]) {
    const text = src.replace(/256/g, String(n));
    const fn = findFunction(parseModule(text, "<t>", createContext()), "matmul")!;
    const ps = heuristicProposals(fn, "matmul", []);
    const kinds = ps.map((p) => ("mutations" in p ? p.mutations.map((m) => m.kind).join("+") : "rewrite"));
    assert.equal(kinds[0], "vectorize+hoist+unroll_and_jam+unroll_and_jam+interchange+pack");
    assert.equal(kinds.some((k) => k.startsWith("tile+interchange+vectorize")), n >= 512, `k-blocked at ${n}`);
    for (const p of ps) {
      const r = mutate(text, p);
      assert.ok(r.ok, `${JSON.stringify(p)}: ${r.ok ? "" : r.reason}`);
    }
  }
});
