// Worker-thread entry for Engine.run: links the program's units into a private, capped heap,
// runs one function and reports results, output and errors by message. Loaded as
// dist/src/runtime/worker.js; it never loads binaryen (units arrive compiled).
import { parentPort, workerData } from "node:worker_threads";
import type { CompiledUnit } from "../backend/wasm/compiler.js";
import { Heap } from "../interp/heap.js";
import { createHostContext, TensorLangAssertError } from "./host.js";
import { ProgramInstance, TensorLangRuntimeError, mapRuntimeError, type EngineValue, type RuntimeErrorKind } from "./worker-link.js";
import { OutOfMemoryError } from "../interp/heap.js";
import { contiguousStrides } from "../ir/types.js";

/** A memref argument given by value: copied into the worker's heap, and back after the call. */
export interface ArrayArg {
  data: Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array;
  shape: number[];
}

export interface WorkerRequest {
  units: Array<{ unit: CompiledUnit; only?: string[] }>;
  entry: string;
  args: Array<EngineValue | ArrayArg>;
  memoryCapBytes: number;
  seed: number | bigint;
}

export type WorkerReply =
  | { type: "loaded" }
  | { type: "ready" }
  | { type: "stdout" | "stderr"; text: string }
  | { type: "done"; results: EngineValue[]; arrays: ArrayArg["data"][]; elapsedMs: number }
  | { type: "error"; kind?: RuntimeErrorKind; functionName?: string; detail: string; assertLoc?: string };

const isArrayArg = (v: unknown): v is ArrayArg => typeof v === "object" && v !== null && "data" in v && "shape" in v;

function main(req: WorkerRequest): void {
  const post = (m: WorkerReply) => parentPort!.postMessage(m);
  try {
    const heap = new Heap({ capBytes: req.memoryCapBytes, shared: req.units.some((u) => u.unit.sharedMemory) });
    const ctx = createHostContext({ heap, seed: req.seed, stdout: (text) => post({ type: "stdout", text }), stderr: (text) => post({ type: "stderr", text }) });
    const program = new ProgramInstance(ctx);
    for (const u of req.units) program.link(u.unit, u.only);
    // ArrayArgs become identity-layout memrefs in the private heap.
    const copies: Array<{ arg: ArrayArg; addr: number } | undefined> = [];
    const args = req.args.map((a, i) => {
      if (!isArrayArg(a)) { copies.push(undefined); return a; }
      const bytes = new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength);
      const addr = heap.malloc(Math.max(1, bytes.length), 64);
      heap.bytes.set(bytes, addr);
      copies[i] = { arg: a, addr };
      return { allocated: addr, aligned: addr, offset: 0, sizes: a.shape, strides: contiguousStrides(a.shape) };
    });
    post({ type: "ready" });
    const t0 = performance.now();
    let results: EngineValue[];
    try { results = program.call(req.entry, args); } finally { ctx.flush(); }
    const elapsedMs = performance.now() - t0;
    const arrays = copies.filter((c) => c !== undefined).map((c) => {
      const out = c!.arg.data.slice();
      new Uint8Array(out.buffer).set(heap.bytes.subarray(c!.addr, c!.addr + out.byteLength));
      return out;
    });
    post({ type: "done", results, arrays, elapsedMs });
  } catch (e0) {
    const e = mapRuntimeError(e0, req.entry);
    if (e instanceof TensorLangAssertError) post({ type: "error", detail: e.message, assertLoc: e.loc.toString() });
    else if (e instanceof TensorLangRuntimeError) post({ type: "error", kind: e.kind, functionName: e.functionName, detail: e.message.replace(/^runtime error(?: in @\S+)?: /, "") });
    else if (e instanceof OutOfMemoryError) post({ type: "error", kind: "out-of-memory", functionName: req.entry, detail: e.message });
    else post({ type: "error", detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

// Spawned with a request: run it. Spawned as a warm spare: say so, then wait for one request.
if (parentPort) {
  if (workerData) main(workerData as WorkerRequest);
  else {
    parentPort.once("message", (req: WorkerRequest) => main(req));
    parentPort.postMessage({ type: "loaded" } satisfies WorkerReply);
  }
}
