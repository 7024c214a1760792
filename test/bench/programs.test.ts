// The benchmarks' generated programs (bench/common.ts, bench/optimize/kernels.ts) compute what
// they claim: conv2dProgramFor(n)'s checksum equals a direct evaluation of the convolution, in
// both engines and under mlir-cpu-runner, and every kernel's declared argument shapes are its
// function's. Timings are not checked.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checksum, conv2dProgramFor } from "../../bench/common.js";
import { KERNELS } from "../../bench/optimize/kernels.js";
import { Engine, type EngineKind } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";
import { mlirRunStandard, mlirSkip } from "../support/mlir.js";

await Engine.loadCompiler();

/** The program's checksum computed here: examples/conv2d.mlir's X and K, Y weighted by (3i + j) mod 7 + 1. */
function conv2dChecksum(n: number): string {
  const X = (i: number, j: number) => (((3 * i + 5 * j) % 11) - 5) / 2, K = (p: number, q: number) => ((3 * p + q) % 4) - 1.5;
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let y = 0;
    for (let p = 0; p < 3; p++) for (let q = 0; q < 3; q++) y += X(i + p, j + q) * K(p, q);
    sum += y * (((3 * i + j) % 7) + 1);
  }
  return sum.toFixed(3);
}

function run(text: string, engine: EngineKind): string {
  const ctx = createCapturingContext();
  const e = new Engine({ engine, ctx });
  e.load(text, "bench.mlir");
  e.runMain("main");
  return ctx.output();
}

for (const engine of ["wasm", "interp"] as const) {
  test(`conv2dProgramFor(n) prints the convolution's checksum and a time line (${engine})`, () => {
    for (const [n, calls, batches] of [[8, 1, 1], [13, 3, 2]]) {
      const out = run(conv2dProgramFor(n, calls, batches), engine);
      assert.equal(checksum(out), conv2dChecksum(n), `n=${n}`);
      assert.match(out, /^time: [0-9.]+ s, \S+ GFLOPS$/m);
    }
  });
}

test("conv2dProgramFor(n) under mlir-cpu-runner prints the same checksum", { skip: mlirSkip() }, () => {
  assert.equal(checksum(mlirRunStandard(conv2dProgramFor(13, 2))), conv2dChecksum(13));
});

test("each bench kernel's shapes are its function's memref arguments", () => {
  for (const [name, k] of Object.entries(KERNELS)) {
    const signature = new RegExp(`func\\.func @${k.fn}\\(([^)]*)\\)`).exec(k.program(12))?.[1] ?? "";
    const shapes = [...signature.matchAll(/memref<(\d+)x(\d+)xf32>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.deepEqual(shapes, k.shapes(12), name);
  }
});
