// tensorlang-run --optimize with the mock runner scripted to propose, in turn, unparsable
// text, a signature change, an infinite loop, a huge allocation, an out-of-bounds access, a
// subtly wrong result (off-by-one bound), a correct tiling and a mutation of a loop that does not exist:
// each gets its verdict (report and experience log agree), only the tiling is installed,
// and the program's output is unchanged.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { example, expected, fixture, maskOutput, readExperience, readReport, runCli, tempDir } from "../optimizer/fixtures/run-cli.js";

const SCRIPT = fixture("mock-bad-then-tile.jsonl");
/** The verdict each scripted answer must get, in script order. */
const EXPECTED = ["parse-error", "verify-error", "timeout", "out-of-memory", "trap", "wrong-result", "accepted", "rejected"];

test("mock runner: every bad proposal gets its verdict, only the tiling is swapped in", async () => {
  const dir = tempDir();
  const report = join(dir, "report.json"), log = join(dir, "experience.jsonl");
  const r = await runCli([example("matmul_loops_small.mlir"), "--optimize", "matmul", "--runner", "mock", "--mock-responses", SCRIPT,
    "--max-tokens", "2048", "--budget-iters", "8", "--no-cache", "--experience-log", log, "--report", report], { timeoutMs: 300_000 });
  assert.equal(r.code, 0, r.stderr);
  // The program ran once, after the search, with the winner: same checksum as the naive one.
  assert.equal(maskOutput(r.stdout), expected("matmul_loops_small"));

  const script = readFileSync(SCRIPT, "utf8").split("\n").filter(Boolean);
  assert.equal(script.length, EXPECTED.length);
  const f = readReport(report).functions[0];
  assert.equal(f.name, "matmul");
  const counts: Record<string, number> = {};
  for (const v of EXPECTED) counts[v] = (counts[v] ?? 0) + 1;
  assert.deepEqual(f.verdicts, counts);
  assert.equal(f.fromCache, false);
  assert.ok(f.speedup > 1, `the tiling is faster (${f.speedup})`);
  assert.deepEqual(f.accepted.map((m) => (m as { kind: string }).kind), ["tile", "vectorize", "hoist"]);
  assert.match(f.bestIr, /step 16/);
  assert.match(f.bestIr, /vector<4xf32>/);

  // Experience log: one record per answer; each answer's verdict and reason.
  const recs = readExperience(log);
  assert.equal(recs.length, script.length);
  const verdictOf = (i: number) => {
    const parsed = JSON.parse(script[i]) as unknown; // the mock answers a JSONL line's string, or its value's JSON text
    const want = typeof parsed === "string" ? parsed : JSON.stringify(parsed);
    const rec = recs.find((x) => x.response === want);
    assert.ok(rec, `a log record for scripted answer #${i}`);
    return rec;
  };
  for (let i = 0; i < script.length; i++) {
    const rec = verdictOf(i);
    assert.equal(rec.verdict, EXPECTED[i], `answer #${i}: ${rec.verdict} (${rec.reason ?? ""})`);
    assert.equal(rec.function, "matmul");
    assert.equal(rec.proposer, "llm");
    if (rec.verdict !== "accepted") assert.ok(rec.reason && rec.reason.length > 0, `answer #${i} has a reason`);
  }
  assert.equal(verdictOf(0).proposal, undefined, "unparsable text has no proposal");
  assert.match(verdictOf(1).reason!, /signature changed/);
  assert.match(verdictOf(2).reason!, /did not finish within/);
  assert.match(verdictOf(3).reason!, /exceeds the memory cap/);
  assert.match(verdictOf(4).reason!, /out of bounds/);
  assert.match(verdictOf(5).reason!, /differs first at index/);
  assert.ok(verdictOf(6).speedup! > 1);
  assert.match(verdictOf(7).reason!, /no loop L9/);

  // Summary on stderr: one line for the function, naming the accepted mutations and verdict counts.
  assert.match(r.stderr, /optimize @matmul: baseline [\d.]+ ms, best [\d.]+ ms, speedup [\d.]+x in [\d.]+ s, 8 iterations; accepted: tile\(L0,L1,L2\) \+ vectorize\(L4,4\) \+ hoist\(L5\); verdicts: /);
});
