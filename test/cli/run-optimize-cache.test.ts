// Strategy cache across runs: the second run with the same --cache-dir applies the cached
// winner (re-verified) without searching; a corrupt cache file is reported once and ignored.
import assert from "node:assert/strict";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { example, expected, maskOutput, readExperience, readReport, runCli, tempDir } from "../optimizer/fixtures/run-cli.js";

test("a cache hit on the second run applies the winner without searching", async () => {
  const dir = tempDir();
  const cacheDir = join(dir, "cache");
  const run = (n: number, extra: string[] = []) => runCli([example("matmul_loops_small.mlir"), "--optimize", "matmul", "--budget-iters", "3",
    "--cache-dir", cacheDir, "--report", join(dir, `r${n}.json`), "--experience-log", join(dir, `log${n}.jsonl`), ...extra], { timeoutMs: 300_000 });

  const first = await run(1);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(maskOutput(first.stdout), expected("matmul_loops_small"));
  const r1 = readReport(join(dir, "r1.json")).functions[0];
  assert.equal(r1.fromCache, false);
  assert.ok(r1.speedup > 1);
  assert.equal(readExperience(join(dir, "log1.jsonl")).length, 3, "the first run searched (3 iterations)");
  const files = readdirSync(cacheDir).filter((f) => f.endsWith(".json"));
  assert.equal(files.length, 1, "one cache entry, written atomically (no temp files left)");
  assert.deepEqual(readdirSync(cacheDir).filter((f) => f.endsWith(".tmp")), []);

  const second = await run(2);
  assert.equal(second.code, 0, second.stderr);
  assert.equal(maskOutput(second.stdout), expected("matmul_loops_small"));
  const r2 = readReport(join(dir, "r2.json")).functions[0];
  assert.equal(r2.fromCache, true);
  assert.equal(r2.bestIr, r1.bestIr);
  assert.deepEqual(r2.accepted, r1.accepted);
  assert.deepEqual(r2.verdicts, { accepted: 1 }, "only the re-verification, no search");
  assert.equal(existsSync(join(dir, "log2.jsonl")), false, "no proposal was made");
  assert.match(second.stderr, /optimize @matmul: .*\(from cache\); accepted: /);
  assert.doesNotMatch(second.stderr, /iterations/);

  // A corrupt entry is reported once and ignored: the run searches again and rewrites it.
  writeFileSync(join(cacheDir, files[0]), "{ not json");
  const fourth = await run(3, ["--budget-iters", "1"]);
  assert.equal(fourth.code, 0, fourth.stderr);
  assert.equal(maskOutput(fourth.stdout), expected("matmul_loops_small"));
  assert.equal(fourth.stderr.match(/ignoring corrupt cache file/g)?.length, 1, fourth.stderr);
  assert.equal(readReport(join(dir, "r3.json")).functions[0].fromCache, false);
});
