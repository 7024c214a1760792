// The lander physics of examples/lander.mlir replayed in TypeScript through the host library:
// its output must equal examples/lander.expected, which real MLIR produced with the C shim.
// This pins the RNG stream and the status format to the C implementation without MLIR.
import { test } from "node:test";
import assert from "node:assert/strict";
import { callHost, createCapturingContext, lookupHost, TensorLangAssertError, type HostValue } from "../../src/runtime/host.js";
import { EXPECTED_SEED, expectedOutput } from "../support/examples.js";

type Pilot = (h: number, v: number) => number;

function fly(pilot: Pilot, seed: number): { output: string; error?: TensorLangAssertError; steps: number; finalV: number } {
  const ctx = createCapturingContext({ seed });
  const call = (name: string, args: HostValue[] = []): HostValue | undefined => callHost(lookupHost(name)!, ctx, args);
  const f = Math.fround;
  let h = f(100);
  let v = f(-10);
  let steps = 0;
  call("tensorlang_start_timer");
  try {
    for (let i = 0; i < 400; i++) {
      const t = f(Math.min(Math.max(pilot(h, v), 0), 10));
      call("tensorlang_record_thrust", [t]);
      const noise = f((call("tensorlang_get_random") as number) * f(0.2));
      const a = f(f(f(-1.62) + noise) + t);
      v = f(v + f(a * f(0.1)));
      h = f(h + f(v * f(0.1)));
      call("tensorlang_print_status", [h, v]);
      steps++;
      if (h <= 0) {
        if (Math.abs(v) > 5) call("tensorlang_assert_fail", [65n]);
        break;
      }
    }
    call("tensorlang_stop_timer", [v]);
  } catch (e) {
    if (!(e instanceof TensorLangAssertError)) throw e;
    return { output: ctx.output(), error: e, steps, finalV: v };
  }
  return { output: ctx.output(), steps, finalV: v };
}

test("the zero-thrust pilot reproduces lander.expected and fails its assertion at line 65", () => {
  const r = fly(() => 0, EXPECTED_SEED);
  assert.equal(r.output, expectedOutput("lander"));
  assert.ok(r.error);
  assert.equal(r.error.loc, 65n);
  assert.equal(r.error.trace.filter((x) => x.kind === "status").length, 66);
});

test("the proportional pilot documented in lander.mlir lands softly for several seeds", () => {
  const f = Math.fround;
  const pilot: Pilot = (h, v) => f(f(1.62) + f(f(2) * f(f(-f(f(f(0.1) * h) + f(1))) - v)));
  for (const seed of [0, 1, 2, 3, 42]) {
    const r = fly(pilot, seed);
    assert.equal(r.error, undefined, `seed ${seed} crashed`);
    assert.ok(r.steps > 100 && r.steps < 400, `seed ${seed}: ${r.steps} steps`);
    assert.ok(Math.abs(r.finalV) < 5, `seed ${seed}: touchdown at ${r.finalV} m/s`);
  }
});
