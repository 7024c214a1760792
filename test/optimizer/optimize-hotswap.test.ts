// Hot-swap under load: while a program keeps calling @kernel, versions found by mutations
// (tiled, interchanged, vectorized + register-blocked) are swapped in again and again; every
// call must still compute the right answer. Two ways: a LiveProgram (the program runs in a
// worker and picks swaps up at its host calls, as --optimize-mode live does), and isolated
// Engine.run calls started while the dispatch table changes under them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { test } from "node:test";
import type { CompiledUnit } from "../../src/backend/wasm/compiler.js";
import { mutate } from "../../src/optimizer/mutator.js";
import type { Mutation } from "../../src/optimizer/schema.js";
import { Engine } from "../../src/runtime/engine.js";
import { LiveProgram } from "../../src/runtime/live.js";
import { fixture } from "./fixtures/run-cli.js";

await Engine.loadCompiler();

const PROGRAM = readFileSync(fixture("swap_race.mlir"), "utf8");
const VARIANTS: Mutation[][] = [
  [{ kind: "tile", loops: ["L0", "L1", "L2"], sizes: [4, 8, 4] }],
  [{ kind: "interchange", loops: ["L0", "L1", "L2"], permutation: [0, 2, 1] }],
  [{ kind: "vectorize", loop: "L1", width: 4 }, { kind: "hoist", loop: "L2" }, { kind: "unroll_and_jam", loop: "L0", factor: 4 }],
  [], // the original again
];

function variantUnits(engine: Engine): CompiledUnit[] {
  return VARIANTS.map((ms) => {
    const text = ms.length ? (() => { const r = mutate(PROGRAM, { target_function: "kernel", mutations: ms }); assert.ok(r.ok, r.ok ? "" : r.reason); return r.moduleText; })() : PROGRAM;
    return engine.compile(text, { only: ["kernel"] });
  });
}

test("LiveProgram: calls racing with a stream of swaps always get the right answer", async (t) => {
  const engine = new Engine();
  engine.load(PROGRAM, "swap_race.mlir");
  const units = variantUnits(engine);
  let out = "", err = "";
  const live = new LiveProgram(engine, "main", 0, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  let posted = 0, finished = false;
  void live.done.then(() => { finished = true; });
  while (!finished) {
    live.swap("kernel", units[posted % units.length]);
    posted++;
    await sleep(posted < 50 ? 1 : 5);
  }
  const outcome = await live.done;
  assert.equal(outcome.exitCode, 0, `${outcome.message ?? ""} ${err}`);
  const [mismatches, calls] = out.trim().split("\n").map(Number);
  assert.equal(calls, 20000);
  assert.equal(mismatches, 0, "every element of every call's result was right");
  assert.ok(live.swaps.length >= 1, `swaps applied mid-run: ${live.swaps.length} of ${posted} posted`);
  assert.ok(live.swaps.every((n) => n === "kernel"));
  t.diagnostic(`${live.swaps.length} swaps applied during ${calls} calls`);
});

test("Engine.run calls in flight while the dispatch table is swapped: each answers correctly", async () => {
  const engine = new Engine();
  engine.load(PROGRAM, "swap_race.mlir");
  const units = variantUnits(engine);
  const n = 16;
  const A = new Float32Array(n * n).map((_, i) => ((i * 7) % 11) - 5);
  const B = new Float32Array(n * n).map((_, i) => ((i * 3) % 5) - 2);
  const want = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { let s = 0; for (let k = 0; k < n; k++) s += A[i * n + k] * B[k * n + j]; want[i * n + j] = s; }
  const runs: Promise<Float32Array>[] = [];
  for (let r = 0; r < 8; r++) {
    const args = [{ data: A.slice(), shape: [n, n] }, { data: B.slice(), shape: [n, n] }, { data: new Float32Array(n * n), shape: [n, n] }];
    runs.push(engine.run("kernel", args, { timeoutMs: 60_000 }).then((res) => res.arrays[2] as Float32Array));
    engine.swap("kernel", units[r % units.length]); // the run started above keeps the version it was given
  }
  for (const got of await Promise.all(runs)) assert.deepEqual(Array.from(got), Array.from(want));
  assert.equal(engine.version("kernel"), 1 + 8);
  await engine.dispose();
});
