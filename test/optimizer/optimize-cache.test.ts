// optimizeModule and the strategy cache: a hit is re-verified and applied with 0 iterations
// and no call to the proposer; a cached entry that no longer verifies falls back to a search.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { StrategyCache } from "../../src/optimizer/cache.js";
import { HeuristicProposer } from "../../src/optimizer/heuristic.js";
import { optimizeModule } from "../../src/optimizer/optimize.js";
import type { Proposer } from "../../src/optimizer/proposer.js";
import { example, tempDir } from "./fixtures/run-cli.js";

const program = readFileSync(example("matmul_loops_small.mlir"), "utf8");

test("second optimizeModule with the same cache: fromCache, 0 iterations, the proposer is never asked", async () => {
  const dir = join(tempDir(), "cache");
  const first = await optimizeModule({ moduleText: program, functions: ["matmul"], proposer: new HeuristicProposer(),
    budget: { iterations: 2 }, cache: new StrategyCache(dir) });
  assert.equal(first.reports[0].fromCache, false);
  assert.equal(first.reports[0].iterations, 2);
  assert.ok(first.reports[0].speedup > 1);

  let asked = 0;
  const never: Proposer = { name: "never", propose: async () => { asked++; return []; } };
  const second = await optimizeModule({ moduleText: program, functions: ["matmul"], proposer: never, budget: { iterations: 5 },
    cache: new StrategyCache(dir) }); // a fresh L1: the hit comes from disk
  const r = second.reports[0];
  assert.equal(asked, 0);
  assert.equal(r.fromCache, true);
  assert.equal(r.iterations, 0);
  assert.equal(r.bestIr, first.reports[0].bestIr);
  assert.equal(second.moduleText, first.moduleText);
  assert.ok(r.speedup > 0 && r.bestMs > 0 && r.baselineMs > 0);
});

test("a cached winner that is wrong for this program is not applied; the search runs instead", async () => {
  const dir = join(tempDir(), "cache");
  const cache = new StrategyCache(dir);
  const first = await optimizeModule({ moduleText: program, functions: ["matmul"], proposer: new HeuristicProposer(),
    budget: { iterations: 1 }, cache });
  // Tamper with the stored winner: short loop bounds (wrong result; every bound, since one
  // alone may only drop iterations a larger step already skips).
  const [key] = [...(cache as unknown as { l1: Map<string, { ir: string }> }).l1.keys()];
  const entry = cache.get(key)!;
  cache.put(key, { ...entry, ir: entry.ir.replaceAll("0 to 64", "0 to 60") });
  assert.notEqual(cache.get(key)!.ir, first.reports[0].bestIr);
  const again = await optimizeModule({ moduleText: program, functions: ["matmul"], proposer: new HeuristicProposer(),
    budget: { iterations: 1 }, cache });
  assert.equal(again.reports[0].fromCache, false);
  assert.equal(again.reports[0].iterations, 1);
});
