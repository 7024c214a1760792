// Programs with symbolic sizes, lowered by --convert-tensorlang-to-linalg (which checks at run
// time the sizes the types leave open, calling tensorlang_shape_fail), run by real MLIR with the
// hooks shim: the same numbers as TensorLang when the sizes agree, and the same runtime error
// (message and exit code 4) when they do not.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { printViaRunnerUtils } from "../../src/passes/lowering-print.js";
import { runPasses } from "../../src/passes/pass.js";
import { lookupPass } from "../../src/passes/registry.js";
import { mlirOpt, mlirRunWithHooks, mlirSkip, readExample, repoRoot, tensorlangShim } from "../support/mlir.js";
import { expectedOutput } from "../support/examples.js";

const skip = mlirSkip() || (tensorlangShim() === undefined ? "no C compiler to build the tensorlang hooks shim" : false);

/** Tensor level with prints as printMemref calls, bufferized and run by MLIR with the shim. */
function runUnderMlir(text: string): { code: number; stdout: string; stderr: string; lowered: string } {
  const ctx = createContext();
  const m = parseModule(text, "input.mlir", ctx);
  runPasses(m, ctx, [lookupPass("convert-tensorlang-to-linalg")!]);
  printViaRunnerUtils(m);
  // The print functions only read their argument: tell MLIR's analysis, or it copies around them.
  const lowered = printModule(m, ctx).replace(/(@printMemref[FI](?:32|64)\(tensor<\*x[fi](?:32|64)>)\)/g, '$1 {bufferization.access = "read"})');
  const b = mlirOpt(["--one-shot-bufferize=bufferize-function-boundaries"], lowered);
  assert.equal(b.code, 0, b.stderr);
  return { ...mlirRunWithHooks(b.stdout), lowered };
}

/** The numbers of printed tensors, without the headers that differ between printers. */
const dataOf = (out: string) => out.split("\n").filter((l) => !l.startsWith("Unranked") && !l.startsWith("Tensor<")).join("\n").trim();

test("examples/classifier.mlir (symbolic batch, run-time size checks) prints TensorLang's numbers under mlir-cpu-runner-19", { skip }, () => {
  const r = runUnderMlir(readExample("classifier.mlir"));
  assert.match(r.lowered, /func\.call @tensorlang_shape_fail/);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(dataOf(r.stdout), dataOf(expectedOutput("classifier")));
});

const MISMATCH = `module {
  func.func @add(%a: !tensorlang.tensor<f32, ?>, %b: !tensorlang.tensor<f32, ?>) -> !tensorlang.tensor<f32, ?> {
    %c = tensorlang.add %a, %b : !tensorlang.tensor<f32, ?>
    return %c : !tensorlang.tensor<f32, ?>
  }
  func.func @main() {
    %a = tensorlang.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32> : !tensorlang.tensor<f32, ?>
    %b = tensorlang.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32> : !tensorlang.tensor<f32, ?>
    %c = func.call @add(%a, %b) : (!tensorlang.tensor<f32, ?>, !tensorlang.tensor<f32, ?>) -> !tensorlang.tensor<f32, ?>
    tensorlang.print %c : !tensorlang.tensor<f32, ?>
    return
  }
}`;

test("sizes that disagree at run time: the same error and exit code 4 under MLIR with the shim and under tensorlang-run", { skip }, () => {
  const want = "tensor sizes disagree at line 3: 3 vs 4";
  const theirs = runUnderMlir(MISMATCH);
  assert.equal(theirs.code, 4, theirs.stderr);
  assert.ok(theirs.stderr.includes(`runtime error: ${want}`), theirs.stderr);
  assert.equal(theirs.stdout, "");
  for (const engine of ["wasm", "interp"]) {
    const ours = spawnSync(process.execPath, [join(repoRoot(), "dist/src/cli/run.js"), "--engine", engine, "-"], { input: MISMATCH, encoding: "utf8", timeout: 60_000 });
    assert.equal(ours.status, 4, ours.stderr);
    assert.equal(ours.stderr, `tensorlang-run: runtime error in @add: ${want}\n`);
    assert.equal(ours.stdout, "");
  }
});
