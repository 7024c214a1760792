import type { QueryOptions, QueryResult } from "./ModelRunner.js";
// Errors and the per-query deadline shared by all runners (kept apart from ModelRunner.ts so the
// runners can import them without an import cycle).
export const DEFAULT_MAX_TOKENS = 256;
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Base of all model errors: one-line, user-facing messages. */
export class ModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelError";
  }
}

/** The query hit its time limit; `partial` holds whatever text was generated. */
export class ModelTimeoutError extends ModelError {
  constructor(readonly timeoutMs: number, readonly partial: string) {
    super(`model query timed out after ${timeoutMs} ms`);
    this.name = "ModelTimeoutError";
  }
}

/** The caller's AbortSignal fired; `partial` holds whatever text was generated. */
export class ModelAbortError extends ModelError {
  constructor(readonly partial: string) {
    super("model query aborted");
    this.name = "ModelAbortError";
  }
}

/** A setup problem (missing/bad model file, bad flag value): the CLI maps it to exit code 2. */
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SetupError";
  }
}

/** The deadline of one query: a signal that fires on timeout or caller abort. */
export class Deadline {
  readonly signal: AbortSignal;
  private controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private onAbort = (): void => this.controller.abort(new ModelAbortError(""));
  timedOut = false;
  private readonly endsAt: number;

  constructor(readonly timeoutMs: number, private userSignal?: AbortSignal) {
    this.signal = this.controller.signal;
    this.endsAt = performance.now() + timeoutMs;
    if (userSignal?.aborted) this.controller.abort(new ModelAbortError(""));
    else userSignal?.addEventListener("abort", this.onAbort, { once: true });
    if (!this.signal.aborted && Number.isFinite(timeoutMs)) {
      this.timer = setTimeout(() => {
        this.timedOut = true;
        this.controller.abort(new ModelTimeoutError(timeoutMs, ""));
      }, Math.max(0, timeoutMs));
    }
  }

  get aborted(): boolean { return this.signal.aborted; }

  /** Whether the caller can abort at any moment (else only the time limit ends the query). */
  get abortable(): boolean { return this.userSignal !== undefined; }

  /** Milliseconds until the time limit (Infinity without one). */
  remainingMs(): number { return Math.max(0, this.endsAt - performance.now()); }

  /** The error to throw once aborted, carrying the partial text. */
  error(partial: string): ModelError {
    return this.timedOut ? new ModelTimeoutError(this.timeoutMs, partial) : new ModelAbortError(partial);
  }

  /** Throws the abort/timeout error if the deadline has passed. */
  check(partial = ""): void {
    if (this.signal.aborted) throw this.error(partial);
  }

  /** Resolves after ms, or rejects as soon as the deadline passes. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.signal.aborted) return reject(this.error(""));
      const t = setTimeout(() => { this.signal.removeEventListener("abort", onAbort); resolve(); }, ms);
      const onAbort = (): void => { clearTimeout(t); reject(this.error("")); };
      this.signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.userSignal?.removeEventListener("abort", this.onAbort);
  }
}

/** Serializes queries on one runner (one KV sequence, one conversation). */
export class QueryQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}


/**
 * Base of the runners: queries are serialized on one queue and bounded by one Deadline (time
 * limit and abort signal); a runner supplies only `runQuery`.
 */
export abstract class SerialRunner {
  private readonly queue = new QueryQueue();

  async query(prompt: string, options: QueryOptions = {}): Promise<string> {
    return (await this.queryDetailed(prompt, options)).text;
  }

  queryDetailed(prompt: string, options: QueryOptions = {}): Promise<QueryResult> {
    const start = performance.now();
    const deadline = new Deadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.signal);
    return this.queue.run(async () => {
      try {
        return await this.runQuery(prompt, options, deadline, start);
      } finally {
        deadline.dispose();
      }
    });
  }

  protected abstract runQuery(prompt: string, options: QueryOptions, deadline: Deadline, start: number): Promise<QueryResult>;
}
