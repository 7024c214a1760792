// tensorlang-run --wasm-threads N: loops marked tensorlang.parallel run on N threads with the
// same output; with --optimize the heuristic may propose parallelize and the sandbox checks it
// on N threads; bad values are usage errors.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { mutate } from "../../src/optimizer/mutator.js";
import { example, expected, maskOutput, runCli, tempDir } from "./fixtures/run-cli.js";

test("a program with a parallel loop prints the same on 2 threads as the naive program", async () => {
  const r0 = mutate(readFileSync(example("matmul_loops.mlir"), "utf8"), { target_function: "matmul", mutations: [
    { kind: "vectorize", loop: "L1", width: 4 }, { kind: "hoist", loop: "L2" }, { kind: "unroll_and_jam", loop: "L0", factor: 4 },
    { kind: "parallelize", loop: "L0" }] });
  assert.ok(r0.ok);
  const file = join(tempDir(), "par.mlir");
  writeFileSync(file, r0.moduleText);
  const r = await runCli([file, "--wasm-threads", "2"], { timeoutMs: 120_000 });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(maskOutput(r.stdout), expected("matmul_loops"));
});

test("--optimize with --wasm-threads 2 keeps the checksum", async () => {
  const r = await runCli([example("matmul_loops.mlir"), "--optimize", "matmul", "--wasm-threads", "2", "--budget-iters", "3", "--no-cache"],
    { timeoutMs: 400_000 });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(maskOutput(r.stdout), expected("matmul_loops"));
  assert.match(r.stderr, /optimize @matmul: .*speedup [\d.]+x/);
});

test("--wasm-threads must be a positive integer up to the cores, or auto, and needs the wasm engine", async () => {
  const bad = await runCli([example("matmul_loops.mlir"), "--wasm-threads", "0"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--wasm-threads expects an integer >= 1/);
  const many = await runCli([example("matmul_loops.mlir"), "--wasm-threads", "100000"]);
  assert.equal(many.code, 2);
  assert.match(many.stderr, /--wasm-threads 100000: at most \d+ \(the cores of this machine\)/);
  const interp = await runCli([example("matmul_loops.mlir"), "--wasm-threads", "2", "--engine", "interp"]);
  assert.equal(interp.code, 2);
  assert.match(interp.stderr, /--wasm-threads needs --engine wasm/);
  const live = await runCli([example("matmul_loops.mlir"), "--wasm-threads", "2", "--optimize", "matmul", "--optimize-mode", "live"]);
  assert.equal(live.code, 2);
  assert.match(live.stderr, /--wasm-threads is not supported with --optimize-mode live/);
});
