// The same search as the demo, with proposals from the small test GGUF model through
// llama.cpp (grammar-constrained): it completes, every answer parses as a proposal (no
// parse-error verdicts), the budget bounds it, and the program's output is unchanged.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { testModel, TINY } from "../llm/helpers.js";
import { example, expected, maskOutput, readExperience, readReport, runCli, tempDir } from "../optimizer/fixtures/run-cli.js";

test("tiny GGUF model: grammar-constrained proposals all parse; the search ends within its budget", async () => {
  const model = testModel("tiny", TINY);
  const dir = tempDir();
  const report = join(dir, "report.json"), log = join(dir, "exp.jsonl");
  const ITERS = 6;
  const r = await runCli([example("matmul_loops_small.mlir"), "--optimize", "matmul", "--model-path", model, "--threads", "1",
    "--temperature", "1", "--model-seed", "3", "--budget-iters", String(ITERS), "--budget-ms", "60000", "--no-cache",
    "--experience-log", log, "--report", report], { timeoutMs: 300_000 });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(maskOutput(r.stdout), expected("matmul_loops_small"));
  // where the model runs, once, before the search (no GPU in CI: nothing offloaded)
  assert.match(r.stderr, /^model .*\.gguf: CPU, 0\/\d+ layers offloaded, 1 thread, Q8_0; loaded in [\d.]+ s$/m);

  const f = readReport(report).functions[0];
  assert.equal(f.verdicts["parse-error"], undefined, `verdicts: ${JSON.stringify(f.verdicts)}`);
  const total = Object.values(f.verdicts).reduce((a, b) => a + b, 0);
  assert.ok(total >= 1 && total <= ITERS, `${total} proposals within a budget of ${ITERS} iterations`);
  const m = /(\d+) iterations;/.exec(r.stderr);
  assert.ok(m && Number(m[1]) <= ITERS, r.stderr);

  const recs = readExperience(log);
  assert.equal(recs.length, total);
  for (const rec of recs) {
    assert.equal(rec.proposer, "llm");
    assert.ok(rec.response && rec.response.length > 0, "the model's raw answer is logged");
    assert.ok(rec.proposal, `the answer parsed as a proposal: ${rec.response}`);
    assert.equal((rec.proposal as { target_function: string }).target_function, "matmul");
    assert.notEqual(rec.verdict, "parse-error");
  }
  // A random model's mutations rarely help; whatever won, the program prints the same checksum.
  assert.ok(f.speedup >= 1);
});
