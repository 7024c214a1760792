// The main demo: `tensorlang-run examples/matmul_loops.mlir --optimize matmul` with the
// default (heuristic) proposer finds, verifies and installs a variant >= 5x faster than the
// naive 256x256 kernel within a 60-second search budget, and the checksum is unchanged.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { example, expected, maskOutput, readReport, runCli, tempDir } from "../optimizer/fixtures/run-cli.js";

test("matmul_loops (256): heuristic search finds a >= 5x variant within a 60 s budget; checksum unchanged", async () => {
  const report = join(tempDir(), "report.json");
  const r = await runCli([example("matmul_loops.mlir"), "--optimize", "matmul", "--budget-ms", "60000", "--no-cache", "--report", report],
    { timeoutMs: 400_000 });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(maskOutput(r.stdout), expected("matmul_loops"));
  const f = readReport(report).functions[0];
  assert.equal(f.name, "matmul");
  assert.equal(f.fromCache, false);
  // The speedup is the baseline's time (measured once, in a sandbox worker) over the winner's.
  assert.ok(f.speedup >= 5, `speedup ${f.speedup.toFixed(2)}x (baseline ${f.baselineMs.toFixed(2)} ms, best ${f.bestMs.toFixed(2)} ms)`);
  assert.ok(f.accepted.length > 0);
  assert.ok((f.verdicts.accepted ?? 0) >= 1);
  assert.match(f.bestIr, /vector<4xf32>/);
  assert.match(r.stderr, /optimize @matmul: baseline [\d.]+ ms, best [\d.]+ ms, speedup [\d.]+x in [\d.]+ s, \d+ iterations; accepted: \S/);
});
