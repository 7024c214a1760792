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

/** How long a fresh worker may take to load (not charged to any episode). */
const BOOT_LIMIT_MS = 60_000;

function failed(seed: number, status: EpisodeStatus, message: string): EpisodeOutcome {
  return { seed, status, message, sites: {}, called: [], trace: [], results: [], steps: 0, ms: 0 };
}

export class ReplaySandbox {
  private worker: { worker: Worker; ready: Promise<boolean> } | undefined;
  private nextId = 1;
  private busy = false;
  /** Workers started so far (a timeout or crash costs one). */
  workersStarted = 0;

  constructor(private readonly options: ReplaySandboxOptions = {}) {}

  private spawn(): { worker: Worker; ready: Promise<boolean> } {
    const w = new Worker(new URL("./heal-worker.js", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.options.workerMemoryMb ?? 512 },
      stdout: true, stderr: true, // a candidate cannot write to the host's streams
    });
    w.stdout.resume();
    w.stderr.resume();
    this.workersStarted++;
    // A worker that dies between jobs is replaced by the next replay instead of timing it out.
    w.once("exit", () => { if (this.worker?.worker === w) this.worker = undefined; });
    const ready = new Promise<boolean>((resolve) => {
      const t = setTimeout(() => done(false), BOOT_LIMIT_MS);
      const onMsg = (m: WorkerMessage): void => { if (m.kind === "ready") done(true); };
      const done = (ok: boolean): void => {
        clearTimeout(t);
        w.off("message", onMsg);
        w.off("error", onFail);
        w.off("exit", onFail);
        resolve(ok);
      };
      const onFail = (): void => done(false);
      w.on("message", onMsg);
      w.once("error", onFail);
      w.once("exit", onFail);
    });
    return { worker: w, ready };
  }

  /** Runs the entry point once per seed; always resolves, one outcome per seed. */
  async replay(req: ReplayRequest): Promise<EpisodeOutcome[]> {
    if (this.busy) throw new Error("ReplaySandbox.replay: one replay at a time");
    this.busy = true;
    const slot = (this.worker ??= this.spawn());
    const w = slot.worker;
    w.ref();
    if (!(await slot.ready)) {
      this.worker = undefined;
      void w.terminate();
      this.busy = false;
      return req.seeds.map((s) => failed(s, "error", "the replay worker did not start"));
    }
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
        else if (m.kind === "error") finish(false, "error", m.message);
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
    if (w) await w.worker.terminate();
  }
}
