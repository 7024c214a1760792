// Differential test of loops, memrefs and vectors (gen-loops.ts): seeded random programs run by
// the interpreter (index-checked), the wasm engine (binaryen -O3, and -O0 index-checked) and,
// where installed, mlir-opt-19 + mlir-cpu-runner-19; every output must be identical.
// TL_LOOPS_SEEDS=a-b runs another range of seeds (offline sweeps).
import { test } from "node:test";
import assert from "node:assert/strict";
import { run } from "./helpers.js";
import { mlirRunStandard, mlirSkip } from "../support/mlir.js";
import { runText } from "../backend/wasm/helpers.js";
import { loopProgram } from "./gen-loops.js";

const [lo, hi] = (process.env.TL_LOOPS_SEEDS ?? "1-10").split("-").map(Number);
const SEEDS = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);

/** Output of one engine; an error is part of it. */
function output(f: () => string): string {
  try { return f(); } catch (e) { return `<error: ${e instanceof Error ? e.message : String(e)}>`; }
}

/** The first line where `got` differs from `want`, as a message; undefined when equal. */
function diff(what: string, want: string, got: string): string | undefined {
  if (want === got) return undefined;
  const a = want.split("\n"), b = got.split("\n");
  const i = a.findIndex((l, k) => l !== b[k]);
  return `${what}: first difference at output line ${i + 1}: ${JSON.stringify(a[i])} vs ${JSON.stringify(b[i])}`;
}

test("random loop programs are deterministic per seed and run under the interpreter", () => {
  const src = loopProgram(1);
  assert.equal(loopProgram(1), src);
  assert.doesNotMatch(output(() => run(src, { checkBounds: true }).output), /<error/);
});

for (const seed of SEEDS) {
  test(`random loop programs (seed ${seed}): interpreter, wasm and MLIR print the same`, () => {
    const src = loopProgram(seed);
    const interp = output(() => run(src, { checkBounds: true }).output);
    assert.doesNotMatch(interp, /<error/, `interpreter failed on\n${src}`);
    const problems = [
      diff("interp vs wasm -O3", interp, output(() => runText(src, { engine: "wasm" }).out)),
      diff("interp vs wasm -O0 (checked)", interp, output(() => runText(src, { engine: "wasm", optimizeLevel: 0, checkBounds: true }).out)),
    ];
    // (Without the toolchain: skipped locally, a failure in CI, as mlirSkip says.)
    if (!mlirSkip()) problems.push(diff("mlir vs interp", output(() => mlirRunStandard(src)), interp));
    const found = problems.filter((p) => p !== undefined);
    assert.deepEqual(found, [], `${found.join("\n")}\n--- program\n${src}`);
  });
}
