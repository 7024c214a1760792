// TensorLang's own hooks (lander telemetry, timers, assertions) and the reflection stubs.

import { formatPrintf } from "../../interp/format.js";
import type { HostFn, HostValue } from "../host.js";
import { HostError, TensorLangAssertError, type HostContext, type Reflection } from "./context.js";

/** dt of the lander simulation: record_thrust accumulates fuel as |thrust| * dt. */
export const LANDER_DT = 0.1;

function num(v: HostValue): number {
  return typeof v === "bigint" ? Number(v) : v;
}

/** Exactly C's printf("|     *     | Alt: %6.2f m, Vel: %6.2f m/s\n", h, v) with f32 h, v. */
export function formatStatus(h: number, v: number): string {
  return formatPrintf("|     *     | Alt: %6.2f m, Vel: %6.2f m/s\n",
    [{ kind: "float", value: Math.fround(h) }, { kind: "float", value: Math.fround(v) }], () => "");
}

function reflection(ctx: HostContext, fn: string): Reflection {
  if (!ctx.reflection) {
    throw new HostError(`${fn} is not available: this run has no reflection API (it comes with self-rewriting; run through an engine that provides it)`);
  }
  return ctx.reflection;
}

function str(ctx: HostContext, p: HostValue): string {
  return ctx.heap.readCString(num(p));
}

export const TENSORLANG_FUNCTIONS: HostFn[] = [
  {
    name: "tensorlang_print_status",
    params: ["f32", "f32"],
    result: null,
    impl: (ctx, [h, v]) => {
      const t = ctx.telemetry;
      t.steps++;
      t.lastStatus = { h: num(h), v: num(v) };
      t.record({ kind: "status", step: t.steps, h: num(h), v: num(v) });
      ctx.events.onStatus?.(num(h), num(v));
      ctx.stdout(formatStatus(num(h), num(v)));
    },
  },
  {
    // Uniform in [-0.5, 0.5): 24 random bits, exact in f32.
    name: "tensorlang_get_random",
    params: [],
    result: "f32",
    impl: (ctx) => ctx.rng.nextFloat24() - 0.5,
  },
  {
    name: "tensorlang_start_timer",
    params: [],
    result: null,
    impl: (ctx) => {
      const t = ctx.telemetry;
      t.timerStart = ctx.clock.now();
      t.fuelConsumed = 0;
      t.steps = 0;
    },
  },
  {
    name: "tensorlang_stop_timer",
    params: ["f32"],
    result: null,
    impl: (ctx, [finalV]) => {
      const t = ctx.telemetry;
      const result = {
        impactVelocity: num(finalV),
        latencySeconds: t.timerStart === null ? 0 : ctx.clock.now() - t.timerStart,
        fuelConsumed: t.fuelConsumed,
        steps: t.steps,
      };
      t.timerStart = null;
      t.results.push(result);
      ctx.events.onTimerStop?.(result);
    },
  },
  {
    name: "tensorlang_record_thrust",
    params: ["f32"],
    result: null,
    impl: (ctx, [thrust]) => {
      const t = ctx.telemetry;
      t.fuelConsumed += Math.abs(num(thrust)) * LANDER_DT;
      t.record({ kind: "thrust", step: t.steps, thrust: num(thrust) });
      ctx.events.onThrust?.(num(thrust));
    },
  },
  {
    name: "tensorlang_assert_fail",
    params: ["i64"],
    result: null,
    impl: (ctx, [loc]) => {
      const l = typeof loc === "bigint" ? loc : BigInt(loc);
      const trace = ctx.telemetry.trace.slice();
      ctx.events.onAssertFail?.(l, trace);
      throw new TensorLangAssertError(l, trace);
    },
  },
  {
    // Called by the checks --convert-tensorlang-to-linalg puts before ops whose sizes only the run knows.
    name: "tensorlang_shape_fail",
    params: ["i64", "i64", "i64"],
    result: null,
    impl: (_ctx, [line, x, y]) => {
      throw new HostError(`tensor sizes disagree at line ${num(line)}: ${num(x)} vs ${num(y)}`);
    },
  },
  // Reflection API: strings are NUL-terminated in the heap; returned strings are malloc'd
  // and belong to the caller (free them).
  {
    name: "tensorlang_get_ir",
    params: [],
    result: "ptr",
    impl: (ctx) => ctx.heap.allocCString(reflection(ctx, "tensorlang_get_ir").getIR()),
  },
  {
    name: "tensorlang_query_model",
    params: ["ptr"],
    result: "ptr",
    impl: (ctx, [prompt]) => ctx.heap.allocCString(reflection(ctx, "tensorlang_query_model").queryModel(str(ctx, prompt))),
  },
  {
    name: "tensorlang_compile",
    params: ["ptr"],
    result: "i32",
    impl: (ctx, [ir]) => reflection(ctx, "tensorlang_compile").compile(str(ctx, ir)),
  },
  {
    name: "tensorlang_get_symbol_address",
    params: ["ptr"],
    result: "ptr",
    impl: (ctx, [name]) => reflection(ctx, "tensorlang_get_symbol_address").getSymbolAddress(str(ctx, name)),
  },
  {
    name: "tensorlang_optimize_async",
    params: ["ptr", "ptr"],
    result: null,
    impl: (ctx, [prompt, target]) => reflection(ctx, "tensorlang_optimize_async").optimizeAsync(str(ctx, prompt), str(ctx, target)),
  },
];
