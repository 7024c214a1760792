import assert from "node:assert/strict";
import { test } from "node:test";
import { createModelRunner } from "../../src/llm/ModelRunner.js";
import { LlmProposer, buildOptimizePrompt, extractJson, parseProposal } from "../../src/optimizer/llm-proposer.js";
import { machineInfo, type ProposalContext } from "../../src/optimizer/proposer.js";

const ctx: ProposalContext = {
  functionName: "matmul", ir: "func.func @matmul() {\n  return\n}", moduleText: "", loopTable: "L0 affine.for %arg3 = 0 to 256",
  applied: [], history: [{ proposal: { raw: "garbage" }, verdict: "parse-error", reason: "no JSON" }], machine: machineInfo(), count: 2,
};

test("prompt keeps the stable parts first and the history last", () => {
  const p = buildOptimizePrompt(ctx);
  assert.ok(p.indexOf("Function @matmul") < p.indexOf("Loops:"));
  assert.ok(p.indexOf("Loops:") < p.indexOf("Earlier proposals"));
  assert.match(p, /- garbage => parse-error \(no JSON\)/);
});

test("answers are parsed out of prose and validated against the schema", () => {
  assert.equal(extractJson('Sure! {"a": {"b": "}"}} trailing'), '{"a": {"b": "}"}}');
  const ok = parseProposal('```json\n{"target_function":"matmul","mutations":[{"kind":"unroll","loop":"L2","factor":4}]}\n```', "matmul");
  assert.deepEqual(ok.proposal, { target_function: "matmul", mutations: [{ kind: "unroll", loop: "L2", factor: 4 }] });
  assert.match(parseProposal("no json here", "matmul").error!, /no JSON object/);
  assert.match(parseProposal('{"target_function":"matmul","mutations":[{"kind":"warp","loop":"L0"}]}', "matmul").error!, /invalid proposal/);
  assert.match(parseProposal('{"target_function":"other","rewrite":"x"}', "matmul").error!, /targets @other/);
});

test("LlmProposer turns scripted answers into proposals and errors", async () => {
  const runner = createModelRunner("mock", { responses: ['{"target_function":"matmul","mutations":[{"kind":"vectorize","loop":"L2","width":4}]}', "nonsense"] });
  const rs = await new LlmProposer(runner).propose(ctx);
  assert.equal(rs.length, 2);
  assert.deepEqual(rs[0].proposal, { target_function: "matmul", mutations: [{ kind: "vectorize", loop: "L2", width: 4 }] });
  assert.match(rs[1].error!, /no JSON object/);
  assert.equal(rs[1].raw, "nonsense");
});
