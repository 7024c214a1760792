// The healer's sandbox for episodes: replays a candidate program in a worker thread with its
// own heap, a V8 heap limit and a wall-clock limit per episode. A candidate that loops forever
// is stopped by terminating the worker (a fresh one is started for the next job); the host
// never runs candidate code itself.
import { Worker } from "node:worker_threads";
import type { EpisodeOutcome, EpisodeStatus } from "./heal-episode.js";
import type { ReplayJob, WorkerMessage } from "./heal-worker.js";

export interface ReplayRequest {
  text: string;
  entry: string;
  seeds: number[];
  /** Wall-clock limit per episode (the timer restarts when an episode finishes). */
  timeoutMs: number;
  stopOnFailure?: boolean;
  traceTail?: number;
}

export interface ReplaySandboxOptions {
  /** V8 old-generation limit of the worker (default 512 MiB). */
  workerMemoryMb?: number;
  /** The program heap's cap (default 256 MiB). */
  heapCapBytes?: number;
}

function failed(seed: number, status: EpisodeStatus, message: string): EpisodeOutcome {
  return { seed, status, message, sites: {}, called: [], trace: [], results: [], steps: 0, ms: 0 };
}

export class ReplaySandbox {
  private worker: Worker | undefined;
  private nextId = 1;
  private busy = false;
  /** Workers started so far (a timeout or crash costs one). */
  workersStarted = 0;

  constructor(private readonly options: ReplaySandboxOptions = {}) {}

  private spawn(): Worker {
    const w = new Worker(new URL("./heal-worker.js", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.options.workerMemoryMb ?? 512 },
      stdout: true, stderr: true, // a candidate cannot write to the host's streams
    });
    w.stdout.resume();
    w.stderr.resume();
    this.workersStarted++;
    return w;
  }

  /** Runs the entry point once per seed; always resolves, one outcome per seed. */
  replay(req: ReplayRequest): Promise<EpisodeOutcome[]> {
    if (this.busy) return Promise.reject(new Error("ReplaySandbox.replay: one replay at a time"));
    this.busy = true;
    const w = (this.worker ??= this.spawn());
    w.ref();
    const id = this.nextId++;
    const outcomes: EpisodeOutcome[] = [];
    return new Promise<EpisodeOutcome[]>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (kill: boolean, status?: EpisodeStatus, message?: string): void => {
        clearTimeout(timer);
        w.off("message", onMessage);
        w.off("error", onError);
        w.off("exit", onExit);
        if (kill) {
          this.worker = undefined;
          void w.terminate();
        } else w.unref();
        if (status) {
          const rest = req.seeds.slice(outcomes.length);
          const first = rest.shift();
          if (first !== undefined) outcomes.push(failed(first, status, message ?? status));
          // seeds not reached after a failure count as failed too unless the caller stops on failure
          if (!req.stopOnFailure) for (const s of rest) outcomes.push(failed(s, status, `not run: ${message ?? status} in an earlier episode`));
        }
        this.busy = false;
        resolve(outcomes);
      };
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => finish(true, "timeout", `episode exceeded the time limit of ${req.timeoutMs} ms (stopped)`), req.timeoutMs);
      };
      const onMessage = (m: WorkerMessage): void => {
        if (m.id !== id) return;
        if (m.kind === "episode") { outcomes.push(m.outcome); arm(); }
        else if (m.kind === "done") finish(false);
        else finish(false, "error", m.message);
      };
      const onError = (e: Error): void => {
        const oom = (e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory/i.test(e.message);
        finish(true, oom ? "out-of-memory" : "error", oom ? "the episode exceeded the worker's memory limit" : e.message);
      };
      const onExit = (): void => finish(true, "error", "the replay worker exited");
      w.on("message", onMessage);
      w.on("error", onError);
      w.on("exit", onExit);
      arm();
      const job: ReplayJob = { id, text: req.text, entry: req.entry, seeds: req.seeds, stopOnFailure: req.stopOnFailure, traceTail: req.traceTail, heapCapBytes: this.options.heapCapBytes ?? 256 << 20 };
      w.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
