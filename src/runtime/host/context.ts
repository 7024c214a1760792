// What host functions see of the running program: the heap, buffered output, a seeded RNG,
// a clock, TensorLang telemetry and event hooks, and (from the self-rewriting issue on) the
// reflection API.

import { Heap, type HeapOptions } from "../../interp/heap.js";

export { STACK_OVERFLOW } from "../../interp/values.js";

/** A host function was misused or is not available (a runtime error, not a crash). */
export class HostError extends Error {
  override name = "HostError";
}

/** The exit code `tensorlang-run` uses when a program's tensorlang assertion fails. */
export const ASSERT_EXIT_CODE = 3;

export type TraceRecord =
  | { kind: "status"; step: number; h: number; v: number }
  | { kind: "thrust"; step: number; thrust: number };

/** What `tensorlang_stop_timer(final_v)` records (one simulation run). */
export interface SimulationResult {
  /** The argument of stop_timer: the velocity at touchdown. */
  impactVelocity: number;
  /** Seconds since the matching start_timer (0 when none was started). */
  latencySeconds: number;
  /** Sum of |thrust| * 0.1 over record_thrust calls since start_timer (dt = 0.1 s). */
  fuelConsumed: number;
  /** print_status calls since start_timer. */
  steps: number;
}

export class TensorLangAssertError extends Error {
  override name = "TensorLangAssertError";
  readonly exitCode = ASSERT_EXIT_CODE;
  constructor(readonly loc: bigint, readonly trace: readonly TraceRecord[]) {
    super(`tensorlang assertion failed at location ${loc}`);
  }
}

/** Observers of TensorLang hooks (e.g. the optimizer's evaluator, the healer). */
export interface TensorLangEvents {
  onStatus?(h: number, v: number): void;
  onThrust?(thrust: number): void;
  onTimerStop?(result: SimulationResult): void;
  /** Called before the TensorLangAssertError is thrown. */
  onAssertFail?(loc: bigint, trace: readonly TraceRecord[]): void;
}

/**
 * The reflection API (self-rewriting issue). Strings cross as JS strings; the host functions
 * convert from/to NUL-terminated strings in the heap. Calls are synchronous because a running
 * wasm function cannot await: an implementation that needs the LLM blocks (e.g. Atomics.wait
 * on a worker) or answers from what it has.
 */
export interface Reflection {
  /** The IR of the running module (or of the calling function), as MLIR text. */
  getIR(): string;
  queryModel(prompt: string): string;
  /** Compiles IR and hot-swaps the functions it defines; 0 on success. */
  compile(ir: string): number;
  /** A callable handle (function-table index) for a symbol; 0 if unknown. */
  getSymbolAddress(name: string): number;
  optimizeAsync(prompt: string, target: string): void;
}

export interface Clock {
  /** Seconds, sub-millisecond resolution, for intervals (rtclock, timers). */
  now(): number;
  /** Seconds since the Unix epoch (clock_gettime CLOCK_REALTIME). */
  realtime(): number;
}

export const systemClock: Clock = {
  now: () => (performance.timeOrigin + performance.now()) / 1000,
  realtime: () => (performance.timeOrigin + performance.now()) / 1000,
};

/**
 * xoshiro128** seeded through splitmix32: fast, 32-bit, identical everywhere. Both engines
 * call the same host function, so the same seed gives the same program run.
 */
export class Rng {
  private s = new Uint32Array(4);

  constructor(seed: number | bigint = 0) {
    const big = BigInt.asUintN(64, BigInt(seed));
    let x = Number(big & 0xffffffffn) ^ Math.imul(Number(big >> 32n), 0x9e3779b9);
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.s[i] = z ^ (z >>> 16);
    }
    if (this.s.every((w) => w === 0)) this.s[0] = 1;
  }

  nextU32(): number {
    const s = this.s;
    const r = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return r;
  }

  /** Uniform in [0, 1) with 24 bits, so the value is exact in f32. */
  nextFloat24(): number {
    return (this.nextU32() >>> 8) / 16777216;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Buffers text and hands it to a sink in large pieces (and on flush). */
export class OutputBuffer {
  private parts: string[] = [];
  private length = 0;

  constructor(private readonly sink: (text: string) => void, private readonly limit = 1 << 16) {}

  write(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= this.limit) this.flush();
  }

  flush(): void {
    if (this.length === 0) return;
    const text = this.parts.join("");
    this.parts = [];
    this.length = 0;
    this.sink(text);
  }
}

/** State the TensorLang hooks keep between calls. */
export class Telemetry {
  readonly trace: TraceRecord[] = [];
  readonly results: SimulationResult[] = [];
  timerStart: number | null = null;
  fuelConsumed = 0;
  steps = 0;
  lastStatus: { h: number; v: number } | null = null;

  constructor(readonly traceLimit = 10000) {}

  record(r: TraceRecord): void {
    this.trace.push(r);
    // Keep the most recent records; drop the oldest half at once so pushing stays cheap.
    if (this.trace.length > this.traceLimit) this.trace.splice(0, this.trace.length - Math.floor(this.traceLimit / 2));
  }
}

export interface HostContext {
  readonly heap: Heap;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Writes buffered output to its sinks (call before exit and before reporting errors). */
  flush(): void;
  readonly rng: Rng;
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  readonly events: TensorLangEvents;
  /** Undefined until the self-rewriting issue provides it. */
  reflection?: Reflection;
}

export interface HostContextOptions {
  heap?: Heap;
  heapOptions?: HeapOptions;
  seed?: number | bigint;
  /** Where stdout text goes (default: process.stdout). */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  clock?: Clock;
  events?: TensorLangEvents;
  reflection?: Reflection;
  traceLimit?: number;
}

export function createHostContext(options: HostContextOptions = {}): HostContext {
  const out = new OutputBuffer(options.stdout ?? ((t) => void process.stdout.write(t)));
  const err = new OutputBuffer(options.stderr ?? ((t) => void process.stderr.write(t)), 1);
  return {
    heap: options.heap ?? new Heap(options.heapOptions),
    stdout: (t) => out.write(t),
    // stdout is flushed first so that interleaved output keeps its order.
    stderr: (t) => {
      out.flush();
      err.write(t);
    },
    flush: () => {
      out.flush();
      err.flush();
    },
    rng: new Rng(options.seed ?? 0),
    clock: options.clock ?? systemClock,
    telemetry: new Telemetry(options.traceLimit),
    events: options.events ?? {},
    reflection: options.reflection,
  };
}

/** A context whose output is collected in strings (tests, sandboxes, differential runs). */
export function createCapturingContext(options: Omit<HostContextOptions, "stdout" | "stderr"> = {}): HostContext & { output(): string; errors(): string } {
  let stdout = "";
  let stderr = "";
  const ctx = createHostContext({ ...options, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return Object.assign(ctx, {
    output: () => {
      ctx.flush();
      return stdout;
    },
    errors: () => {
      ctx.flush();
      return stderr;
    },
  });
}
