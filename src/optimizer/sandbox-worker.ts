// Sandbox worker: links a harness unit holding the current version (`ref`) and a candidate
// (`cand`) of one function into a private, capped heap; runs both on the same seeded random
// and edge-case inputs, compares every output, then times both (fastest call after warm-up).
// Without a candidate it only runs and times the reference, and replies with its outputs;
// given those outputs (`expected`), it does not run the reference again, except in the timing
// when asked (`timeReference`): a search compares every candidate with one baseline, whose
// runs are the slow ones.
// Nothing here trusts the candidate: the parent enforces the wall-clock limit.
import { parentPort, workerData } from "node:worker_threads";
import type { CompiledUnit } from "../backend/wasm/compiler.js";
import type { AbiSlot } from "../backend/wasm/abi.js";
import { Heap, OutOfMemoryError } from "../interp/heap.js";
import { createHostContext, TensorLangAssertError } from "../runtime/host.js";
import { DEFAULT_STACK_BYTES, ProgramInstance, TensorLangRuntimeError, mapRuntimeError, type EngineValue } from "../runtime/worker-link.js";
import { ParallelPool } from "../runtime/worker-parallel.js";
import { Rng } from "./random.js";
import { fastestCalls } from "./timing.js";
import { halfBits, halfToFloat, roundFloat } from "../ir/float.js";
import { DYN, FloatType, contiguousStrides } from "../ir/types.js";

export interface SandboxRequest {
  /** Bounds-checked harness (correctness runs) and the same without checks (timing). */
  unit: CompiledUnit;
  fastUnit: CompiledUnit;
  ref: string;
  /** Absent: run and time the reference alone, replying with its outputs. */
  cand?: string;
  /** The reference's outputs on these inputs (same seed and case count): it is not run again... */
  expected?: CaseOutput[];
  /** ...except in the timing, beside the candidate, when this is set. */
  timeReference?: boolean;
  seed: number;
  randomCases: number;
  /** Timed calls of each version at least, and at least `minTimingMs` of them (fastest call). */
  timingRuns: number;
  minTimingMs: number;
  memoryCapBytes: number;
  /** Relative tolerance for floats (re-association), scaled by the output's magnitude. */
  rtol: number;
  /** Threads for loops marked parallel (the units were compiled for a shared memory when > 1). */
  threads?: number;
}

export type SandboxReply =
  | { type: "ready" }
  | { type: "result"; verdict: "wrong-result"; reason: string }
  | { type: "result"; verdict: "ok"; refMs?: number; candMs?: number; outputs?: CaseOutput[] }
  | { type: "error"; kind: "trap" | "out-of-memory" | "host"; reason: string };

/** Element arrays as memory holds them: f16/bf16 as their 16-bit patterns. */
type Arr = Float32Array | Float64Array | Int32Array | BigInt64Array | Int16Array | Uint16Array | Uint8Array;
interface Slot { abi: AbiSlot; elem: string; shape: number[] }
/** What one call left behind: each memref argument's contents ("input" where unchanged), and the results. */
export interface CaseOutput { arrays: (Arr | "input" | undefined)[]; results: EngineValue[] }

const ELEM = "(f32|f64|i32|i64|i16|i8|i1|index|bf16|f16)";
function elemKind(type: string): string { return new RegExp(`x${ELEM}>`).exec(type)?.[1] ?? new RegExp(`${ELEM}$`).exec(type)?.[1] ?? "f32"; }
const isHalf = (elem: string) => elem === "f16" || elem === "bf16";
const isFloat = (elem: string) => elem === "f32" || elem === "f64" || isHalf(elem);
/** Element `k` of `a` as a number (an f16/bf16 pattern decoded). */
function valueAt(a: Arr, k: number, elem: string): number {
  return isHalf(elem) ? halfToFloat(a[k] as number, elem === "bf16") : Number(a[k]);
}

function makeArray(elem: string, n: number): Arr {
  switch (elem) {
    case "f64": return new Float64Array(n);
    case "i64": return new BigInt64Array(n);
    case "i32": case "index": return new Int32Array(n);
    case "i16": return new Int16Array(n);
    case "f16": case "bf16": return new Uint16Array(n);
    case "i8": case "i1": return new Uint8Array(n);
    default: return new Float32Array(n);
  }
}

/** Fill by case: 0 zeros, 1 ones, 2 negative, then seeded uniform values. */
function fill(a: Arr, elem: string, kase: number, rng: Rng): void {
  for (let i = 0; i < a.length; i++) {
    const r = kase === 0 ? 0 : kase === 1 ? 1 : kase === 2 ? -1.5 - (i % 7) : rng.next() * 2 - 1;
    if (a instanceof BigInt64Array) a[i] = BigInt(Math.round(r * 100));
    else if (elem === "i1") a[i] = r > 0 ? 1 : 0;
    else if (isHalf(elem)) a[i] = halfBits(roundFloat(r, FloatType.get(elem as "f16" | "bf16")), elem === "bf16");
    else if (a instanceof Int32Array || a instanceof Int16Array || a instanceof Uint8Array) a[i] = Math.round(r * 100);
    else a[i] = r;
  }
}

async function main(req: SandboxRequest): Promise<void> {
  const post = (m: SandboxReply) => parentPort!.postMessage(m);
  let pool: ParallelPool | undefined;
  try {
    const threads = req.threads ?? 1;
    const heap = new Heap({ capBytes: req.memoryCapBytes, shared: threads > 1 });
    const ctx = createHostContext({ heap, seed: req.seed, stdout: () => {}, stderr: () => {} });
    const program = new ProgramInstance(ctx);
    program.link(req.unit);
    if (threads > 1) {
      // Helpers link the same units into the same memory; loops wait for none of them, so
      // start them before the runs (their start-up is not the candidate's time).
      pool = new ParallelPool(threads, program, [{ unit: req.unit }], DEFAULT_STACK_BYTES);
      program.pool = pool;
      await pool.ready();
    }
    const abi = program.abis.get(req.ref)!;
    const slots: Slot[] = abi.params.map((s) => ({ abi: s, elem: elemKind(s.type), shape: s.kind === "memref" ? s.layout.shape.map((d) => (d === DYN ? 37 : d)) : [] }));
    const rng = new Rng(req.seed);
    // One set of buffers per version, allocated once (timing reuses them).
    const alloc = () => slots.map((s) => {
      if (s.abi.kind !== "memref") return undefined;
      const n = s.shape.reduce((a, b) => a * b, 1);
      const bytes = n * s.abi.elementBytes;
      const addr = heap.malloc(Math.max(bytes, 1), 64);
      return { addr, n, arr: makeArray(s.elem, n) };
    });
    const bufs = { ref: alloc(), cand: alloc() };
    post({ type: "ready" });
    const argsFor = (which: "ref" | "cand", scalars: EngineValue[]): EngineValue[] => slots.map((s, i) => {
      const b = bufs[which][i];
      if (!b) return scalars[i];
      return { allocated: b.addr, aligned: b.addr, offset: 0, sizes: s.shape, strides: contiguousStrides(s.shape) };
    });
    const upload = (which: "ref" | "cand", i: number, src: Arr) => {
      const b = bufs[which][i]!;
      heap.bytes.set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength), b.addr);
    };
    const download = (which: "ref" | "cand", i: number): Arr => {
      const b = bufs[which][i]!;
      const out = makeArray(slots[i].elem, b.n);
      new Uint8Array(out.buffer).set(heap.bytes.subarray(b.addr, b.addr + out.byteLength));
      return out;
    };
    const cases = 3 + req.randomCases;
    const outputs: CaseOutput[] = [];
    for (let k = 0; k < cases; k++) {
      const scalars: EngineValue[] = slots.map((s) => s.abi.kind === "scalar"
        ? (s.elem === "i64" ? BigInt(rng.int(64)) : isFloat(s.elem) ? rng.next() * 2 - 1 : 1 + rng.int(16)) : 0);
      const inputs = slots.map((s, i) => {
        if (!bufs.ref[i]) return undefined;
        const a = makeArray(s.elem, bufs.ref[i]!.n);
        fill(a, s.elem, k, rng);
        upload("ref", i, a);
        upload("cand", i, a);
        return a;
      });
      /** The version's outputs; an array equal to its input is kept as "input" (read-only operands cost nothing to keep). */
      const outputOf = (which: "ref" | "cand", results: EngineValue[]): CaseOutput =>
        ({ results, arrays: inputs.map((a, i) => { if (!a) return undefined; const o = download(which, i); return sameBits(o, a) ? "input" : o; }) });
      let expected = req.expected?.[k];
      if (!expected) { expected = outputOf("ref", program.call(req.ref, argsFor("ref", scalars))); outputs.push(expected); }
      if (!req.cand) continue;
      const got = outputOf("cand", program.call(req.cand, argsFor("cand", scalars)));
      const bad = compareAll(slots, inputs, expected, got, req.rtol);
      if (bad) { post({ type: "result", verdict: "wrong-result", reason: `inputs #${k} (${["zeros", "ones", "negative values"][k] ?? "random values"} in memrefs): ${bad}` }); return; }
    }
    // Timing on the unchecked code: warm up (V8 tiers up after the first calls), then
    // alternate the timed versions so both see the same noise (timing.ts).
    pool?.addUnit(req.fastUnit);
    program.link(req.fastUnit);
    const scalars = slots.map(() => 1 as EngineValue);
    const timed = [...(req.expected && !req.timeReference ? [] : ["ref" as const]), ...(req.cand ? ["cand" as const] : [])];
    const name = { ref: req.ref, cand: req.cand! };
    // Three warm-up rounds, or one when it took over 0.2 s: the second call of a long kernel
    // already runs optimized code, and a naive 1024 matmul takes seconds a call.
    const warm0 = performance.now();
    for (let w = 0; w < 3 && (w === 0 || performance.now() - warm0 < 200); w++) for (const v of timed) program.call(name[v], argsFor(v, scalars));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    const { ms } = fastestCalls(timed.map((v) => { const args = argsFor(v, scalars); return () => program.call(name[v], args); }),
      { runs: req.timingRuns, minMs: req.minTimingMs });
    const fastest = (v: "ref" | "cand") => (timed.includes(v) ? ms[timed.indexOf(v)] : undefined);
    post({ type: "result", verdict: "ok", refMs: fastest("ref"), candMs: fastest("cand"), outputs: req.expected ? undefined : outputs });
  } catch (e0) {
    const e = mapRuntimeError(e0, req.cand ?? req.ref);
    if (e instanceof OutOfMemoryError || (e instanceof TensorLangRuntimeError && e.kind === "out-of-memory")) post({ type: "error", kind: "out-of-memory", reason: (e as Error).message });
    else if (e instanceof TensorLangRuntimeError || e instanceof TensorLangAssertError) post({ type: "error", kind: "trap", reason: (e as Error).message });
    else post({ type: "error", kind: "host", reason: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  } finally {
    await pool?.close();
  }
}

function sameBits(a: Arr, b: Arr): boolean {
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength), y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** First difference between the reference's outputs and the candidate's, or undefined. */
function compareAll(slots: Slot[], inputs: (Arr | undefined)[], ref: CaseOutput, cand: CaseOutput, rtol: number): string | undefined {
  const arrayOf = (o: CaseOutput, i: number) => { const a = o.arrays[i]; return a === "input" ? inputs[i]! : a!; };
  for (let i = 0; i < slots.length; i++) {
    if (slots[i].abi.kind !== "memref") continue;
    const a = arrayOf(ref, i), b = arrayOf(cand, i), elem = slots[i].elem;
    let scale = 0;
    for (let k = 0; k < a.length; k++) scale = Math.max(scale, Math.abs(valueAt(a, k, elem)));
    for (let k = 0; k < a.length; k++) {
      const x = valueAt(a, k, elem), y = valueAt(b, k, elem);
      if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue;
      if (isFloat(elem) && Math.abs(x - y) <= rtol * Math.max(scale, 1e-30)) continue;
      return `argument #${i} (${slots[i].abi.type}) differs first at index ${unflatten(k, slots[i].shape)}: expected ${x}, got ${y}`;
    }
  }
  for (let i = 0; i < ref.results.length; i++) {
    const x = ref.results[i], y = cand.results[i];
    if (typeof x === "object" || typeof y === "object") continue;
    const nx = Number(x), ny = Number(y);
    if (nx === ny || (Number.isNaN(nx) && Number.isNaN(ny)) || Math.abs(nx - ny) <= rtol * Math.max(Math.abs(nx), 1e-30)) continue;
    return `result #${i} differs: expected ${String(x)}, got ${String(y)}`;
  }
  return undefined;
}

function unflatten(k: number, shape: number[]): string {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) { idx.unshift(k % shape[d]); k = Math.floor(k / shape[d]); }
  return `[${idx.join(", ")}]`;
}

if (parentPort) void main(workerData as SandboxRequest);
