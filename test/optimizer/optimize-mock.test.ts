// optimizeModule with an LlmProposer over the scripted mock runner, wired to a running
// Engine the way `--optimize-mode live` is: every new best is compiled and hot-swapped in.
// The bad proposals never reach the engine; only the correct tiling is swapped in, and the
// program then prints the same checksum.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { MockModelRunner } from "../../src/llm/MockModelRunner.js";
import { ExperienceLog } from "../../src/optimizer/experience.js";
import { LlmProposer } from "../../src/optimizer/llm-proposer.js";
import { optimizeModule } from "../../src/optimizer/optimize.js";
import { Engine } from "../../src/runtime/engine.js";
import { example, expected, fixture, maskOutput, readExperience, tempDir } from "./fixtures/run-cli.js";

await Engine.loadCompiler();

test("only accepted candidates reach the running engine; the program's output is unchanged", async () => {
  const program = readFileSync(example("matmul_loops_small.mlir"), "utf8");
  const script = readFileSync(fixture("mock-bad-then-tile.jsonl"), "utf8").split("\n").filter(Boolean);
  const runner = new MockModelRunner({ script: fixture("mock-bad-then-tile.jsonl") });
  let out = "";
  const engine = new Engine({ stdout: (t) => { out += t; } });
  engine.load(program, "matmul_loops_small.mlir");
  const swapped: string[] = [];
  const log = join(tempDir(), "exp.jsonl");
  const { reports, moduleText } = await optimizeModule({
    moduleText: program, functions: ["matmul"], proposer: new LlmProposer(runner, { query: { maxTokens: 2048 } }),
    budget: { iterations: script.length }, seed: 1, log: new ExperienceLog(log), model: "mock",
    onBest: (name, text) => { swapped.push(text); engine.swap(name, engine.compile(text, { only: [name] })); },
  });
  const r = reports[0];
  assert.equal(r.iterations, script.length);
  assert.equal(r.verdicts.accepted, 1);
  assert.equal(Object.values(r.verdicts).reduce((a, b) => a + (b ?? 0), 0), script.length);
  assert.equal(swapped.length, 1, "exactly one version was swapped in");
  assert.equal(engine.version("matmul"), 2, "loaded once, swapped once");
  assert.equal(swapped[0], moduleText, "the swapped version is the final one");
  assert.match(swapped[0], /step 16/);
  // The engine now runs the tiled @matmul; main's checksum is the naive program's.
  engine.runMain("main");
  assert.equal(maskOutput(out), expected("matmul_loops_small"));
  // The prompts fed the earlier verdicts back to the model.
  assert.ok(runner.prompts.length >= script.length);
  assert.match(runner.prompts[runner.prompts.length - 1], /=> (verify-error|parse-error|timeout|out-of-memory|trap|wrong-result)/);
  const recs = readExperience(log);
  assert.equal(recs.length, script.length);
  assert.deepEqual(recs.filter((x) => x.verdict === "accepted").length, 1);
});
