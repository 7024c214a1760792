// Every example under the reference interpreter: as written, and after the default lowering
// pipeline (what the Engine runs with --engine interp); output compared with examples/*.expected
// (memref base addresses and `time:` lines masked). lander's zero-thrust pilot crashes: its
// tensorlang_assert_fail surfaces as the TensorLangAssertError the host library throws.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { lowerToLoops } from "../../src/passes/pipeline.js";
import { runMain } from "../../src/interp/interpreter.js";
import { TensorLangAssertError, createCapturingContext, interpHost } from "../../src/runtime/host.js";
import { maskOutput, readExample } from "../support/mlir.js";
import { ALL_EXAMPLES, EXPECTED_SEED, expectedExitCode, expectedOutput } from "../support/examples.js";

function runExample(name: string, lower: boolean): { output: string; exitCode: number; error?: unknown } {
  const cx = createContext();
  const m = parseModule(readExample(`${name}.mlir`), `${name}.mlir`, cx);
  if (lower) lowerToLoops(m, cx);
  const ctx = createCapturingContext({ seed: EXPECTED_SEED });
  try {
    runMain(m, ctx, { host: interpHost(ctx) });
    return { output: maskOutput(ctx.output()), exitCode: 0 };
  } catch (error) {
    const exitCode = error instanceof TensorLangAssertError ? error.exitCode : 1;
    return { output: maskOutput(ctx.output()), exitCode, error };
  }
}

// matmul_loops is the 256x256 benchmark kernel: ~17M interpreted iterations (tens of seconds);
// its 64x64 twin matmul_loops_small covers the same code here.
const SLOW = new Set(["matmul_loops"]);

for (const name of ALL_EXAMPLES) {
  for (const lower of [false, true]) {
    const how = lower ? "after the default lowering" : "as written";
    test(`examples/${name}.mlir ${how} prints ${name}.expected`, { skip: SLOW.has(name) ? "benchmark-sized: run by bench/" : false }, () => {
      const r = runExample(name, lower);
      assert.equal(r.exitCode, expectedExitCode(name), r.error instanceof Error ? r.error.message : undefined);
      assert.equal(r.output, expectedOutput(name));
      if (name === "lander") {
        assert.ok(r.error instanceof TensorLangAssertError);
        assert.equal(r.error.loc, 65n);
      }
    });
  }
}
