// LiveProgram: the program runs in a worker at once; `swap` hot-swaps a newly compiled
// function into it mid-run (picked up at the program's next host call).
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import type { CompiledUnit } from "../backend/wasm/compiler.js";
import type { Engine } from "./engine.js";
import type { LiveReply, LiveRequest } from "./live-worker.js";
import { serveReflection, type ReflectionHost } from "./reflection.js";

export interface LiveOutcome { exitCode: number; message?: string; result?: number | string; swaps: string[] }

export class LiveProgram {
  private readonly worker: Worker;
  private readonly port;
  private readonly pending = new SharedArrayBuffer(4);
  private reflectionPort?: MessagePort;
  readonly swaps: string[] = [];
  /** Settles when the program's entry is called (or the program ended before). */
  readonly started: Promise<void>;
  readonly done: Promise<LiveOutcome>;

  constructor(engine: Engine, entry: string, seed: number, out = { stdout: (t: string) => void process.stdout.write(t), stderr: (t: string) => void process.stderr.write(t) },
              reflection?: { host: ReflectionHost; timeoutMs?: number }) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const req: LiveRequest = { units: [...engine.units], entry, seed, swapPort: port2, pending: this.pending };
    const transfer = [port2];
    if (reflection) {
      const ch = new MessageChannel(), flag = new SharedArrayBuffer(4);
      serveReflection(ch.port1, flag, reflection.host);
      this.reflectionPort = ch.port1;
      req.reflection = { port: ch.port2, flag, timeoutMs: reflection.timeoutMs ?? 120_000 };
      transfer.push(ch.port2);
    }
    this.worker = new Worker(new URL("./live-worker.js", import.meta.url), { workerData: req, transferList: transfer });
    let started = () => {};
    this.started = new Promise((resolve) => { started = resolve; });
    this.done = new Promise((resolve) => {
      let settled = false;
      const finish = (o: LiveOutcome) => { if (!settled) { settled = true; this.port.close(); this.reflectionPort?.close(); started(); resolve(o); } };
      this.worker.on("message", (m: LiveReply) => {
        if (m.type === "stdout" || m.type === "stderr") (m.type === "stdout" ? out.stdout : out.stderr)(m.text);
        else if (m.type === "swapped") this.swaps.push(m.name);
        else if (m.type === "started") started();
        else if (m.type === "done") finish({ exitCode: 0, result: m.result, swaps: this.swaps });
        else if (m.type === "error") finish({ exitCode: m.exitCode, message: m.message, swaps: this.swaps });
      });
      this.worker.on("error", (e) => finish({ exitCode: 70, message: e.message, swaps: this.swaps }));
      this.worker.on("exit", (code) => finish({ exitCode: code === 0 ? 0 : 70, message: code ? `program worker exited with ${code}` : undefined, swaps: this.swaps }));
    });
  }

  /** Hand a compiled replacement of `name` (from engine.compile(..., {only: [name]})) to the program. */
  swap(name: string, unit: CompiledUnit): void {
    this.port.postMessage({ name, unit });
    Atomics.add(new Int32Array(this.pending), 0, 1);
  }
}
