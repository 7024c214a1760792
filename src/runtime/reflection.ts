// The reflection API for running programs. The program runs in a worker (LiveProgram); its
// host calls are synchronous, so a call that needs the main thread (the model, the sandbox,
// the module text) posts a request and blocks on a shared flag until the answer arrives on
// a dedicated port. Function handles are dispatch-table slots, so `llvm.call %ptr(...)`
// through a handle calls the live version of the function.
import { receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { CompiledUnit } from "../backend/wasm/compiler.js";
import type { Reflection } from "./host.js";
import type { ProgramInstance } from "./worker-link.js";

export type ReflectionRequest =
  | { kind: "getIR" }
  | { kind: "queryModel"; prompt: string }
  | { kind: "compile"; ir: string }
  | { kind: "optimizeAsync"; prompt: string; target: string };

export type ReflectionResponse =
  | { kind: "text"; text: string; stderr?: string }
  | { kind: "compiled"; code: number; stderr: string; units: Array<{ name: string; unit: CompiledUnit }> };

/** What the worker needs to talk to the main thread. */
export interface ReflectionChannel {
  /** Worker → main requests (posted with an id) and main → worker answers. */
  port: MessagePort;
  /** Int32 [0]: set to 1 by the main thread when an answer is waiting. */
  flag: SharedArrayBuffer;
  /** Longest a synchronous request may block (ms). */
  timeoutMs: number;
}

/** Worker side: the Reflection the host functions call. */
export function workerReflection(ch: ReflectionChannel, program: ProgramInstance, stderr: (t: string) => void,
                                 onSwap: (name: string) => void): Reflection {
  const flag = new Int32Array(ch.flag);
  const request = (req: ReflectionRequest): ReflectionResponse | undefined => {
    Atomics.store(flag, 0, 0);
    ch.port.postMessage(req);
    if (Atomics.wait(flag, 0, 0, ch.timeoutMs) === "timed-out") {
      stderr(`tensorlang: ${req.kind} did not answer within ${ch.timeoutMs} ms\n`);
      return undefined;
    }
    return receiveMessageOnPort(ch.port)?.message as ReflectionResponse | undefined;
  };
  return {
    getIR: () => { const r = request({ kind: "getIR" }); return r?.kind === "text" ? r.text : ""; },
    queryModel: (prompt) => {
      const r = request({ kind: "queryModel", prompt });
      if (r?.kind === "text" && r.stderr) stderr(r.stderr);
      return r?.kind === "text" ? r.text : "";
    },
    compile: (ir) => {
      const r = request({ kind: "compile", ir });
      if (!r || r.kind !== "compiled") return 1;
      if (r.stderr) stderr(r.stderr);
      for (const u of r.units) { program.link(u.unit, [u.name]); onSwap(u.name); }
      return r.code;
    },
    getSymbolAddress: (name) => {
      const slot = program.slots.get(name);
      if (slot === undefined || !program.has(name)) { stderr(`tensorlang_get_symbol_address: no function @${name} in the program\n`); return 0; }
      return slot;
    },
    optimizeAsync: (prompt, target) => { ch.port.postMessage({ kind: "optimizeAsync", prompt, target } satisfies ReflectionRequest); },
  };
}

/** Main side: answers requests (async work allowed), then wakes the worker. */
export interface ReflectionHost {
  getIR(): string;
  queryModel(prompt: string): Promise<{ text: string; stderr?: string }>;
  compile(ir: string): Promise<{ code: number; stderr: string; units: Array<{ name: string; unit: CompiledUnit }> }>;
  optimizeAsync(prompt: string, target: string): void;
}

export function serveReflection(port: MessagePort, flag: SharedArrayBuffer, host: ReflectionHost): void {
  const f = new Int32Array(flag);
  const answer = (r: ReflectionResponse) => { port.postMessage(r); Atomics.store(f, 0, 1); Atomics.notify(f, 0); };
  port.on("message", (req: ReflectionRequest) => {
    void (async () => {
      try {
        switch (req.kind) {
          case "getIR": answer({ kind: "text", text: host.getIR() }); break;
          case "queryModel": { const r = await host.queryModel(req.prompt); answer({ kind: "text", text: r.text, stderr: r.stderr }); break; }
          case "compile": { const r = await host.compile(req.ir); answer({ kind: "compiled", ...r }); break; }
          case "optimizeAsync": host.optimizeAsync(req.prompt, req.target); break;
        }
      } catch (e) {
        if (req.kind === "compile") answer({ kind: "compiled", code: 1, stderr: `tensorlang_compile: ${(e as Error).message}\n`, units: [] });
        else if (req.kind !== "optimizeAsync") answer({ kind: "text", text: "", stderr: `tensorlang: ${req.kind} failed: ${(e as Error).message}\n` });
      }
    })();
  });
}
