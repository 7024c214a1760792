// Threads for scf.parallel: helper workers that link the program's units into the same shared
// memory and run chunks of outlined loop bodies (backend/wasm/parallel.ts) on request.
//
// Control is one shared Int32Array, 8 words per helper:
//   [state, unit, step, lb, ub, ctx, ran, threads]  state: -1 starting, 0 idle, 1 job, 2 done, 3 failed, 4 exit
// (ran: iterations the helper ran in the last loop; unit: iterations per unit of the chunk word)
// plus a 16-byte job key ("unit:id") and 512 bytes of error text per helper, and one shared
// word of the units not yet taken. Every participant — the calling thread and each idle helper
// it wakes — takes guided chunks until none is left (the caller from the front, helpers from
// the back), so a helper that wakes late (tens of µs from Atomics.wait here, FACTS.md; a tenth
// of a 256x256 matmul's half) just takes fewer. The caller then waits for the helpers: a short
// spin, then Atomics.wait. Helpers that are still starting are skipped, so a loop never waits
// for a worker to boot. Iterations are independent (a reduction keeps one partial per grain of
// iterations, backend/wasm/parallel.ts), so who runs which is free.
import { availableParallelism } from "node:os";
import { MessageChannel, type MessagePort, Worker, isMainThread, receiveMessageOnPort, workerData } from "node:worker_threads";
import type { CompiledUnit } from "../backend/wasm/compiler.js";
import { Heap } from "../interp/heap.js";
import { createHostContext } from "./host.js";
import { ProgramInstance, TensorLangRuntimeError, mapRuntimeError } from "./worker-link.js";

const WORDS = 8, KEY_BYTES = 16, ERR_BYTES = 512;
const S_START = -1, S_IDLE = 0, S_JOB = 1, S_DONE = 2, S_FAIL = 3, S_EXIT = 4;

interface HelperData {
  role: "parallel-helper";
  index: number;
  memory: WebAssembly.Memory;
  ctl: SharedArrayBuffer;
  keys: SharedArrayBuffer;
  errs: SharedArrayBuffer;
  chunks: SharedArrayBuffer;
  stack: { base: number; bytes: number };
  /** Longest idle poll: MAX_SPIN_US, or SPIN_US when the threads outnumber the cores. */
  maxSpinUs: number;
  data: Map<string, number>;
  units: Array<{ unit: CompiledUnit; only?: string[] }>;
  port: MessagePort;
}

type WasmFn = (...args: (number | bigint)[]) => unknown;

export class ParallelPool {
  private readonly ctl: Int32Array;
  private readonly keys: Uint8Array;
  private readonly errs: Uint8Array;
  /** The chunks of the loop being run that nobody has taken yet (takeChunk). */
  private readonly chunks = new Int32Array(new SharedArrayBuffer(4));
  private readonly workers: Worker[] = [];
  private readonly ports: MessagePort[] = [];
  /** Iterations each thread ran in the last loop: the calling thread first, then each helper. */
  readonly lastRun: number[];

  /** `threads` counts the calling thread: threads - 1 helpers are started. */
  constructor(readonly threads: number, program: ProgramInstance, units: Array<{ unit: CompiledUnit; only?: string[] }>, stackBytes: number) {
    const helpers = Math.max(0, threads - 1);
    this.lastRun = new Array<number>(1 + helpers).fill(0);
    this.ctl = new Int32Array(new SharedArrayBuffer(4 * WORDS * Math.max(1, helpers)));
    this.keys = new Uint8Array(new SharedArrayBuffer(KEY_BYTES * Math.max(1, helpers)));
    this.errs = new Uint8Array(new SharedArrayBuffer(ERR_BYTES * Math.max(1, helpers)));
    const memory = program.heap.memory;
    for (let i = 0; i < helpers; i++) {
      Atomics.store(this.ctl, i * WORDS, S_START);
      const base = program.heap.malloc(stackBytes, 16);
      const { port1, port2 } = new MessageChannel();
      const data: HelperData = {
        role: "parallel-helper", index: i, memory, ctl: this.ctl.buffer as SharedArrayBuffer, keys: this.keys.buffer as SharedArrayBuffer,
        errs: this.errs.buffer as SharedArrayBuffer, chunks: this.chunks.buffer as SharedArrayBuffer, stack: { base, bytes: stackBytes }, data: program.dataAddresses(), units, port: port2,
        maxSpinUs: threads <= availableParallelism() ? MAX_SPIN_US : SPIN_US,
      };
      const w = new Worker(new URL(import.meta.url), { workerData: data, transferList: [port2] });
      w.unref();
      w.on("error", () => Atomics.store(this.ctl, i * WORDS, S_EXIT));
      this.workers.push(w);
      this.ports.push(port1);
    }
  }

  /** Resolves once every helper has linked the program (or after `timeoutMs`). */
  async ready(timeoutMs = 30000): Promise<boolean> {
    const t0 = Date.now();
    const starting = () => this.workers.some((_, i) => Atomics.load(this.ctl, i * WORDS) === S_START);
    while (starting() && Date.now() - t0 < timeoutMs) await new Promise((r) => setTimeout(r, 10));
    return !starting();
  }

  /** Makes a unit linked after start-up (a hot swap) known to every helper. */
  addUnit(unit: CompiledUnit, only?: string[]): void {
    for (const p of this.ports) p.postMessage({ unit, only });
  }

  /** Runs iterations lb, lb+step, ... < ub of parallel body `key` across the threads. */
  run(key: string, lb: number, ub: number, step: number, ctx: number, local: WasmFn): void {
    if (ub <= lb) return;
    const iters = Math.ceil((ub - lb) / step);
    const ready = this.workers.map((_, i) => i).filter((i) => Atomics.load(this.ctl, i * WORDS) === S_IDLE);
    const helpers = ready.slice(0, iters - 1);
    // The chunk word counts in units of one iteration, or more where a loop has over 65535.
    const unit = Math.ceil(iters / 0xffff), threads = 1 + helpers.length;
    if (process.env.TL_PAR_DEBUG) process.stderr.write(`parallel ${key}: ${iters} iterations, ${threads} threads, unit ${unit}, states ${this.workers.map((_, i) => Atomics.load(this.ctl, i * WORDS)).join(",")}\n`);
    Atomics.store(this.chunks, 0, chunkWord(0, Math.ceil(iters / unit)));
    const keyBytes = Buffer.from(key.padEnd(KEY_BYTES, "\0"), "latin1");
    for (const i of helpers) {
      const w = i * WORDS;
      this.ctl.set([unit, step, lb, ub, ctx, 0, threads], w + 1);
      this.keys.set(keyBytes, i * KEY_BYTES);
      Atomics.store(this.ctl, w, S_JOB);
      Atomics.notify(this.ctl, w);
    }
    let failure: unknown;
    this.lastRun.fill(0);
    try { this.lastRun[0] = runChunks(this.chunks, false, threads, unit, lb, ub, step, ctx, local); } catch (e) { failure = e; }
    for (const i of helpers) {
      const w = i * WORDS;
      let s = spinWhile(this.ctl, w, (v) => v === S_JOB);
      while (s === S_JOB) { Atomics.wait(this.ctl, w, S_JOB); s = Atomics.load(this.ctl, w); }
      if (s === S_FAIL && failure === undefined) {
        const raw = Buffer.from(this.errs.slice(i * ERR_BYTES, (i + 1) * ERR_BYTES)).toString("utf8");
        const [kind, fn, detail] = raw.replace(/\0+$/, "").split("\n");
        failure = new TensorLangRuntimeError(kind as "trap", fn || undefined, `${detail} (in parallel helper thread ${i + 1})`);
      }
      this.lastRun[i + 1] = this.ctl[w + 6];
      Atomics.store(this.ctl, w, S_IDLE);
    }
    if (failure !== undefined) throw failure;
  }

  async close(): Promise<void> {
    for (let i = 0; i < this.workers.length; i++) {
      Atomics.store(this.ctl, i * WORDS, S_EXIT);
      Atomics.notify(this.ctl, i * WORDS);
    }
    await Promise.all(this.workers.map((w) => w.terminate()));
    for (const p of this.ports) p.close();
  }
}

/**
 * The units of a loop not yet taken, [front, back) in one word (front in the low 16 bits): the
 * calling thread takes them from the front, helpers from the back, so each end of the range
 * stays with one side (a trap in the upper part is a helper's when helpers run). After a
 * failure the word is emptied: the others stop at their next chunk.
 */
const chunkWord = (front: number, back: number) => (back << 16) | front;

/**
 * Takes chunks from one end of the word until none is left, runs them, and returns how many
 * iterations it ran. Guided: each chunk is a 1/(2·threads) share of what is left, so the first
 * are large (few atomics) and the last are single units, and the threads finish within one
 * unit of each other. Fixed chunks of 1/16 of the loop left up to 1/16 on one thread: at
 * 512x512 a 0.34 ms tail of a 2.8 ms 2-thread matmul.
 */
function runChunks(chunks: Int32Array, fromBack: boolean, threads: number, unit: number, lb: number, ub: number, step: number, ctx: number, run: WasmFn): number {
  let ran = 0;
  try {
    for (;;) {
      const w = Atomics.load(chunks, 0), front = w & 0xffff, back = w >>> 16;
      if (front >= back) break;
      const n = Math.max(1, Math.floor((back - front) / (2 * threads)));
      const first = fromBack ? back - n : front;
      if (Atomics.compareExchange(chunks, 0, w, fromBack ? chunkWord(front, first) : chunkWord(front + n, back)) !== w) continue;
      const lo = lb + first * unit * step, hi = Math.min(ub, lo + n * unit * step);
      run(lo, hi, ctx);
      ran += Math.ceil((hi - lo) / step);
    }
  } catch (e) {
    Atomics.store(chunks, 0, 0);
    throw e;
  }
  return ran;
}

/**
 * Polls `ctl[w]` while `waiting` holds for its value, for at most `us` microseconds, and
 * returns the value then. A thread woken from Atomics.wait takes tens of microseconds here, a
 * fifth of the half of a 256x256 matmul; back-to-back parallel loops hand off within the spin.
 */
const SPIN_US = 50, MAX_SPIN_US = 2000;
function spinWhile(ctl: Int32Array, w: number, waiting: (s: number) => boolean, us = SPIN_US): number {
  const end = performance.now() + us / 1000;
  let s = Atomics.load(ctl, w);
  while (waiting(s) && performance.now() < end) s = Atomics.load(ctl, w);
  return s;
}

/**
 * How long an idle helper polls before it sleeps, from the gap before its last job: loops that
 * come every `gap` (a kernel called in a loop) are worth staying awake for, twice the gap up to
 * 2 ms, as OpenMP runtimes spin before they sleep; after a longer gap, 50 us, so that a helper
 * of a rarely used pool does not hold a core that the program, V8's own threads or the sandbox
 * need (a fixed 200 us spin made 2 threads slower than 1 on the 2-core machine); with more
 * threads than cores, a poll would take the core from a thread with work, so it stays at 50 us
 * (libgomp likewise spins less when oversubscribed). At 256x256, alternating with 1-thread
 * calls (a 0.63 ms gap), the 2-thread matmul's median call went from 0.36-0.47 ms to
 * 0.32-0.34 ms (5 runs each; 1 thread: 0.63 ms).
 */
const helperSpinUs = (gapUs: number, max: number) => (gapUs <= max ? Math.max(SPIN_US, Math.min(max, 2 * gapUs)) : SPIN_US);

function helperMain(d: HelperData): void {
  const ctl = new Int32Array(d.ctl), keys = new Uint8Array(d.keys), errs = new Uint8Array(d.errs), chunks = new Int32Array(d.chunks);
  const w = d.index * WORDS;
  const heap = new Heap({ memory: d.memory, capBytes: d.memory.buffer.byteLength || 65536 });
  const program = new ProgramInstance(createHostContext({ heap }), 0, { stack: d.stack, data: d.data });
  for (const u of d.units) program.link(u.unit, u.only);
  Atomics.store(ctl, w, S_IDLE);
  // Until the caller has seen S_DONE the word still holds it: idle is either that or S_IDLE.
  const idle = (v: number) => v !== S_JOB && v !== S_EXIT;
  for (let spinUs = SPIN_US; ;) {
    const idleSince = performance.now();
    let s = spinWhile(ctl, w, idle, spinUs);
    while (idle(s)) { Atomics.wait(ctl, w, s); s = Atomics.load(ctl, w); }
    if (s === S_EXIT) return;
    spinUs = helperSpinUs((performance.now() - idleSince) * 1000, d.maxSpinUs);
    for (let m = receiveMessageOnPort(d.port); m; m = receiveMessageOnPort(d.port)) {
      const u = m.message as { unit: CompiledUnit; only?: string[] };
      program.link(u.unit, u.only);
    }
    const key = Buffer.from(keys.slice(d.index * KEY_BYTES, (d.index + 1) * KEY_BYTES)).toString("latin1").replace(/\0+$/, "");
    try {
      ctl[w + 6] = runChunks(chunks, true, ctl[w + 7], ctl[w + 1], ctl[w + 3], ctl[w + 4], ctl[w + 2], ctl[w + 5], program.parallelFn(key));
      program.ctx.flush();
      Atomics.store(ctl, w, S_DONE);
    } catch (e0) {
      const e = mapRuntimeError(e0, "parallel loop", program);
      const text = e instanceof TensorLangRuntimeError ? `${e.kind}\n${e.functionName ?? ""}\n${e.message.replace(/^runtime error(?: in @\S+)?: /, "")}`
        : `trap\n\n${e instanceof Error ? e.message : String(e)}`;
      const bytes = Buffer.from(text, "utf8").subarray(0, ERR_BYTES - 1);
      errs.fill(0, d.index * ERR_BYTES, (d.index + 1) * ERR_BYTES);
      errs.set(bytes, d.index * ERR_BYTES);
      Atomics.store(ctl, w, S_FAIL);
    }
    Atomics.notify(ctl, w);
  }
}

if (!isMainThread && (workerData as HelperData | undefined)?.role === "parallel-helper") helperMain(workerData as HelperData);
