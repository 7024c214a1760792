// The recorded outputs in examples/*.expected are what real MLIR prints: every example that
// uses only standard dialects is parsed by mlir-opt-19, lowered, run by mlir-cpu-runner-19,
// and its masked output compared with the file. (The engines' own comparison with these
// files lives with the engines.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { examplePath, mlirOpt, mlirRunStandard, mlirRunWithHooks, mlirSkip, readExample, repoRoot, tensorlangShim, maskOutput } from "../support/mlir.js";
import { join } from "node:path";
import { ALL_EXAMPLES, OTHER_EXAMPLES, EXPECTED_SEED, HOOK_EXAMPLES, STANDARD_EXAMPLES, expectedExitCode, expectedOutput } from "../support/examples.js";

const skip = mlirSkip();

test("every example is listed in exactly one group and has a .expected file", () => {
  const all = readdirSync(join(repoRoot(), "examples")).filter((f) => f.endsWith(".mlir")).map((f) => f.slice(0, -5)).sort();
  assert.deepEqual(all, [...ALL_EXAMPLES, ...OTHER_EXAMPLES].sort());
  for (const name of all) assert.ok(expectedOutput(name).length > 0, `${name}.expected is empty`);
});

for (const name of [...STANDARD_EXAMPLES, ...HOOK_EXAMPLES]) {
  test(`mlir-opt-19 parses and verifies examples/${name}.mlir`, { skip }, () => {
    const r = mlirOpt([examplePath(`${name}.mlir`)], "");
    assert.equal(r.code, 0, r.stderr);
  });
}

for (const name of [...STANDARD_EXAMPLES, "matmul_live"]) {
  test(`examples/${name}.expected is mlir-cpu-runner-19's output`, { skip }, () => {
    assert.equal(mlirRunStandard(readExample(`${name}.mlir`)), expectedOutput(name));
  });
}

const noCc = tensorlangShim() === undefined ? "no C compiler to build the tensorlang hooks shim" : false;

test("examples/lander.expected is real MLIR's output with the hooks shim (seed 0)", { skip: skip || noCc }, () => {
  const r = mlirRunWithHooks(readExample("lander.mlir"), EXPECTED_SEED);
  assert.equal(r.code, expectedExitCode("lander"), "the zero-thrust pilot crashes: tensorlang_assert_fail exits with 3");
  assert.match(r.stderr, /assertion failed at location 65/);
  assert.equal(r.stdout, expectedOutput("lander"));
});

test("maskOutput hides base addresses and timing lines only", () => {
  assert.equal(maskOutput("Unranked Memref base@ = 0x55aa rank = 1\ntime: 0.5 s\nchecksum: 1\n"),
    "Unranked Memref base@ = 0x<masked> rank = 1\ntime: <masked>\nchecksum: 1\n");
});
