// The healing loop end to end on the tiny test GGUF model (generated here; random weights,
// grammar-constrained): its repairs need not succeed, but every answer parses, every attempt
// gets a verdict, the loop stays within its attempt budget and reports.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { createModelRunner } from "../../src/llm/ModelRunner.js";
import type { LlamaCppModelRunner } from "../../src/llm/LlamaCppModelRunner.js";
import { makeTestModel } from "../../src/llm/testModel.js";
import { heal } from "../../src/optimizer/heal.js";

const dir = mkdtempSync(join(tmpdir(), "tensorlang-heal-llm-"));
let runner: LlamaCppModelRunner;
before(async () => {
  const file = join(dir, "tiny.gguf");
  makeTestModel(file, { layers: 2, dim: 64, quant: "q8_0", seed: 7 });
  runner = createModelRunner("llama", { threads: 1, contextSize: 4096 });
  await runner.load(file);
});
after(async () => {
  await runner?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

it("the tiny model drives the repair loop within its budget", async () => {
  let report = "";
  const r = await heal({
    module: readFileSync(new URL("../../../examples/lander.mlir", import.meta.url), "utf8"), file: "examples/lander.mlir",
    runner, grammar: true, attempts: 5, stdout: () => {}, report: (t) => { report += t; }, query: { seed: 3 },
  });
  assert.ok(r.exitCode === 0 || r.exitCode === 3, report);
  assert.equal(r.violations.length, 1);
  assert.ok(r.attempts.length >= 1 && r.attempts.length <= 5);
  if (r.exitCode === 3) {
    assert.equal(r.attempts.length, 5);
    assert.match(report, /no repair found after 5 attempt\(s\)/);
  }
  // grammar-constrained answers are mutations that parse (only maxTokens could cut one short)
  for (const a of r.attempts) {
    assert.ok(a.verdict !== "parse-error" || /no JSON object/.test(a.reason ?? ""), `${a.verdict}: ${a.reason}`);
    assert.match(report, new RegExp(`attempt ${a.n}/5 @get_thrust`));
  }
});
