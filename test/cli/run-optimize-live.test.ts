// --optimize-mode live: the program starts at once and keeps calling @matmul while the search
// runs; the winner is hot-swapped into the running program (picked up at its next host call)
// and the program's checksum is unchanged.
import assert from "node:assert/strict";
import { test } from "node:test";
import { expected, fixture, maskOutput, runCli } from "../optimizer/fixtures/run-cli.js";

test("live mode: a verified winner is hot-swapped into the running program; checksum unchanged", async () => {
  const r = await runCli([fixture("matmul_live_small.mlir"), "--optimize", "matmul", "--optimize-mode", "live", "--budget-iters", "2", "--no-cache"],
    { timeoutMs: 400_000 });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(maskOutput(r.stdout), expected("matmul_loops_small").replace("time: <masked>\n", ""));
  assert.match(r.stderr, /tensorlang-run: hot-swapped @matmul( \d+ times)? while running/);
  assert.match(r.stderr, /optimize @matmul: .*speedup [\d.]+x/);
});
