// Live program worker: runs the entry point of a program while the main thread searches for
// better versions of its functions. Hot-swaps arrive on a MessagePort; a shared flag tells
// the program (checked at every host call) that one is waiting, so it picks it up
// synchronously without the event loop. Calls in flight finish on the old code.
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import type { CompiledUnit } from "../backend/wasm/compiler.js";
import { Heap, OutOfMemoryError } from "../interp/heap.js";
import { createHostContext, TensorLangAssertError } from "./host.js";
import { ProgramInstance, TensorLangRuntimeError, mapRuntimeError } from "./worker-link.js";
import { workerReflection, type ReflectionChannel } from "./reflection.js";

export interface LiveRequest {
  units: Array<{ unit: CompiledUnit; only?: string[] }>;
  entry: string;
  seed: number;
  memoryCapBytes?: number;
  swapPort: MessagePort;
  /** Int32Array over a SharedArrayBuffer: [0] = number of swaps posted. */
  pending: SharedArrayBuffer;
  /** Present when the program uses the reflection API. */
  reflection?: ReflectionChannel;
}

export type LiveReply =
  | { type: "stdout" | "stderr"; text: string }
  | { type: "swapped"; name: string }
  | { type: "started" }
  | { type: "done"; result?: number | string }
  | { type: "error"; exitCode: number; message: string };

function main(req: LiveRequest): void {
  const post = (m: LiveReply) => parentPort!.postMessage(m);
  const ctx = createHostContext({ heap: new Heap(req.memoryCapBytes ? { capBytes: req.memoryCapBytes } : {}), seed: req.seed,
    stdout: (text) => post({ type: "stdout", text }), stderr: (text) => post({ type: "stderr", text }) });
  const program = new ProgramInstance(ctx);
  for (const u of req.units) program.link(u.unit, u.only);
  if (req.reflection) {
    ctx.reflection = workerReflection(req.reflection, program, (text) => post({ type: "stderr", text }), (name) => post({ type: "swapped", name }));
  }
  const pending = new Int32Array(req.pending);
  let seen = 0;
  program.onHostCall = () => {
    if (Atomics.load(pending, 0) === seen) return;
    for (let m = receiveMessageOnPort(req.swapPort); m; m = receiveMessageOnPort(req.swapPort)) {
      const { unit, name } = m.message as { unit: CompiledUnit; name: string };
      program.link(unit, [name]);
      seen++;
      post({ type: "swapped", name });
    }
  };
  try {
    post({ type: "started" });
    const rs = program.call(req.entry, []);
    ctx.flush();
    const r = rs[0];
    post({ type: "done", result: typeof r === "number" || typeof r === "bigint" ? Number(r) : undefined });
  } catch (e0) {
    ctx.flush();
    const e = mapRuntimeError(e0, req.entry);
    if (e instanceof TensorLangAssertError) post({ type: "error", exitCode: 3, message: e.message });
    else if (e instanceof TensorLangRuntimeError || e instanceof OutOfMemoryError) post({ type: "error", exitCode: 4, message: (e as Error).message });
    else post({ type: "error", exitCode: 70, message: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
}

if (parentPort) main(workerData as LiveRequest);
