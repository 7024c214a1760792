// The Engine: loads a program (parse, verify, lower to loop level, compile), keeps the
// dispatch table of live functions, hot-swaps functions, and runs functions in-process or in
// a worker thread with a wall-clock limit and a memory cap.
//
//   await Engine.loadCompiler();                    // the wasm engine's compiler (binaryen), once
//   const engine = new Engine({ checkBounds: true });
//   engine.load(text, "prog.mlir");
//   engine.runMain("main");                         // in-process, output to process.stdout
//   engine.swap("f", engine.compile(newText));      // atomic: the next call runs the new code
//   await engine.run("f", [3], { timeoutMs: 500, memoryCapBytes: 64 << 20 });   // isolated
//
// `engine: "interp"` delegates execution to the reference interpreter (src/interp/), so
// `tensorlang-run --engine interp|wasm` picks through the same class. Only the wasm engine
// compiles, so only it needs the compiler and binaryen (0.2-0.5 s to instantiate): they are
// imported on demand, by Engine.loadCompiler, and an interpreter run never loads them.
import { Worker } from "node:worker_threads";
import type { Module } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { DiagnosticError, DiagnosticSink, type Location } from "../ir/diagnostics.js";
import { parseModule } from "../ir/parser.js";
import { verifyProgram } from "../passes/verify-linearity.js";
import { createContext } from "../dialects/index.js";
import { lowerToLoops } from "../passes/pipeline.js";
import { TENSOR_PRINT, printViaRunnerUtils } from "../passes/lowering-print.js";
import { splitVectors } from "../passes/split-vectors.js";
import { raiseCfToScf } from "../passes/raise-cf-to-scf.js";
import { lowerVectorOps } from "../passes/lower-vector-ops.js";
import { CompileError } from "../backend/wasm/abi.js";
import type { CompiledUnit } from "../backend/wasm/compiler.js";
import { runMain as interpRunMain, Interpreter } from "../interp/interpreter.js";
import { Heap } from "../interp/heap.js";
import { createHostContext, interpHost, lookupHost, TensorLangAssertError, type HostContext, type Reflection } from "./host.js";
import { printModule } from "../ir/printer.js";
import { DEFAULT_STACK_BYTES, ProgramInstance, TensorLangRuntimeError, entryResult, type EngineValue, type ResultKind } from "./worker-link.js";
import type { WorkerRequest, WorkerReply, ArrayArg } from "./worker.js";
import { ParallelPool } from "./worker-parallel.js";

export { TensorLangRuntimeError, type EngineValue, type ResultKind } from "./worker-link.js";
export type { ArrayArg } from "./worker.js";

const WORKER_URL = new URL("./worker.js", import.meta.url);

// Units skip V8's baseline tier: backend/wasm/abi.ts (compileWasm) compiles them eagerly with
// TurboFan (--no-liftoff alone, set after binaryen has loaded, has no effect under dynamic tiering).

export type EngineKind = "wasm" | "interp";

/** The wasm compiler, once Engine.loadCompiler has imported it. */
let compiler: typeof import("../backend/wasm/compiler.js") | undefined;

export interface EngineOptions {
  engine?: EngineKind;
  /** Compile an index check into every memref access (always on in sandboxes). */
  checkBounds?: boolean;
  /** Host context (output sinks, seed, heap); created from the options below when absent. */
  ctx?: HostContext;
  seed?: number | bigint;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Cap on the program's memory (bytes). */
  memoryCapBytes?: number;
  /** Run the default lowering pipeline on load (default true). */
  lower?: boolean;
  /**
   * Raise the blocks --convert-scf-to-cf makes back to scf ops before compiling (default true);
   * false compiles every block through the Relooper as written.
   */
  raiseBlocks?: boolean;
  /** binaryen optimize level (default 3). */
  optimizeLevel?: number;
  /** Values share wasm locals as the emitter assigns them (default: in functions with a block of over 1,000 ops). */
  shareLocals?: boolean;
  /** vector.fma on f32 → relaxed-SIMD madd (default false: rounded once, as MLIR's llvm.intr.fma). */
  relaxedSimd?: boolean;
  /** Dialect context (default: every TensorLang dialect). */
  context?: Context;
  /**
   * Threads for scf.parallel loops (default 1: sequential). Above 1 the program's memory is
   * shared and threads - 1 helper workers run chunks of each parallel loop.
   */
  threads?: number;
}

export interface RunLimits {
  /** Wall-clock limit for the call once the worker is ready (default 10 s). */
  timeoutMs?: number;
  /** Memory cap of the worker's private heap (default 256 MiB). */
  memoryCapBytes?: number;
  seed?: number | bigint;
}

export interface RunResult {
  results: EngineValue[];
  /** Contents of ArrayArg arguments after the call (outputs written by the function). */
  arrays: ArrayArg["data"][];
  stdout: string;
  stderr: string;
  /** Milliseconds the call itself took inside the worker. */
  elapsedMs: number;
}

/** Converts a backend CompileError into a diagnostic at the op's location, if it names one. */
function compileDiagnostic(e: CompileError): DiagnosticError {
  const m = /^(.+?):(\d+):(\d+): (.*)$/s.exec(e.message);
  const loc: Location | undefined = m ? { file: m[1], line: Number(m[2]), col: Number(m[3]) } : undefined;
  return DiagnosticError.at(loc, `wasm backend: ${m ? m[4] : e.message}`);
}

export class Engine {
  readonly kind: EngineKind;
  readonly context: Context;
  readonly ctx: HostContext;
  private program?: ProgramInstance;
  private module?: Module;
  /** Every unit linked so far, in order, with the functions taken from it (for workers). */
  private readonly history: Array<{ unit: CompiledUnit; only?: string[] }> = [];
  /** A worker that has loaded its code and waits for a request (see prewarm). */
  private spare?: { worker: Worker; loaded: Promise<void> };
  private pool?: ParallelPool;

  constructor(readonly options: EngineOptions = {}) {
    this.kind = options.engine ?? "wasm";
    this.context = options.context ?? createContext();
    const threads = options.threads ?? 1;
    this.ctx = options.ctx ?? createHostContext({
      seed: options.seed, stdout: options.stdout, stderr: options.stderr,
      heap: options.memoryCapBytes || threads > 1 ? new Heap({ capBytes: options.memoryCapBytes, shared: threads > 1 }) : undefined,
    });
    if (threads > 1 && !(this.ctx.heap.memory.buffer instanceof SharedArrayBuffer)) {
      throw new Error("Engine: threads > 1 needs a shared memory (create the context's Heap with shared: true)");
    }
  }

  /**
   * Imports the wasm compiler, binaryen loaded first (its modules use it at their top level, and
   * in a script bundle binaryen.js cannot await at its own: src/cli/build.ts). Compiling (load,
   * compile) needs it: await this once before, as a wasm engine's user; the interpreter never does.
   */
  static async loadCompiler(): Promise<void> {
    if (compiler) return;
    await (await import("../backend/wasm/binaryen.js")).loaded;
    compiler = await import("../backend/wasm/compiler.js");
  }

  /** Parses MLIR text (diagnostics on error). */
  parse(text: string, file = "<input>"): Module {
    return parseModule(text, file, this.context);
  }

  /** Verifies (linearity too) and lowers a module to loop level in place. */
  prepare(module: Module): Module {
    const ds = verifyProgram(module, this.context);
    if (ds.length) throw new DiagnosticError(ds);
    if (this.options.lower ?? true) lowerToLoops(module, this.context);
    // The wasm backend prints tensors through host calls and holds 128-bit vectors (the vector
    // algebra lowered to ops on them); the interpreter prints tensors itself and runs any vector.
    if (this.kind === "wasm") {
      // Blocks that came from structured ops are those ops again: the backend optimizes loops it sees.
      if (this.options.raiseBlocks ?? true) raiseCfToScf.run(module, this.context, new DiagnosticSink());
      printViaRunnerUtils(module, TENSOR_PRINT);
      lowerVectorOps.run(module, this.context, new DiagnosticSink());
      splitVectors.run(module, this.context, new DiagnosticSink());
    }
    return module;
  }

  /** Compiles a loop-level module to a unit that links into this engine's program. */
  compile(source: Module | string, opts: { only?: string[]; file?: string } = {}): CompiledUnit {
    if (!compiler) throw new Error("Engine: the wasm compiler is not loaded (await Engine.loadCompiler() first)");
    const module = typeof source === "string" ? this.prepare(this.parse(source, opts.file)) : source;
    try {
      return compiler.compileModule(module, {
        resolveHost: (n) => lookupHost(n),
        checkBounds: this.options.checkBounds,
        slots: this.program?.slots,
        only: opts.only,
        optimizeLevel: this.options.optimizeLevel,
        shareLocals: this.options.shareLocals,
        relaxedSimd: this.options.relaxedSimd,
        parallel: (this.options.threads ?? 1) > 1,
      });
    } catch (e) {
      throw e instanceof CompileError ? compileDiagnostic(e) : e;
    }
  }

  /** Loads a program: parse (if text), verify, lower, compile and link. */
  load(source: Module | string, file = "<input>"): this {
    const module = this.prepare(typeof source === "string" ? this.parse(source, file) : source);
    this.module = module;
    if (this.kind === "interp") return this;
    const unit = this.compile(module);
    this.program = new ProgramInstance(this.ctx, DEFAULT_STACK_BYTES);
    this.program.link(unit);
    this.history.length = 0;
    this.history.push({ unit });
    if ((this.options.threads ?? 1) > 1) {
      void this.pool?.close();
      this.pool = new ParallelPool(this.options.threads!, this.program, this.history, DEFAULT_STACK_BYTES);
      this.program.pool = this.pool;
    }
    return this;
  }

  /** The compiled units linked so far, in order (a live program worker links the same). */
  get units(): ReadonlyArray<{ unit: CompiledUnit; only?: string[] }> { return this.history; }

  /** The loaded (lowered) module. */
  get ir(): Module {
    if (!this.module) throw new Error("Engine: no program loaded");
    return this.module;
  }

  private get live(): ProgramInstance {
    if (!this.program) throw new Error(this.kind === "interp" ? "Engine: swap/raw access needs the wasm engine" : "Engine: no program loaded");
    return this.program;
  }

  /**
   * The callable handle of a module function (its dispatch slot; `llvm.call %ptr(...)` calls
   * through it), or 0 when there is none — what `tensorlang_get_symbol_address` returns.
   */
  symbolAddress(name: string): number { return this.program?.slots.get(name) ?? 0; }

  /** The parts of the reflection API the engine itself answers (the optimizer adds the rest). */
  reflectionBasics(): Pick<Reflection, "getIR" | "getSymbolAddress"> {
    return { getIR: () => printModule(this.ir, this.context), getSymbolAddress: (n) => this.symbolAddress(n) };
  }

  /** How many times function `name` has been (re)installed: 1 after load, +1 per swap. */
  version(name: string): number { return this.live.versions.get(name) ?? 0; }

  /**
   * Replaces function `name` by its definition in `compiled` (from `compile`). Atomic: the
   * dispatch slot is written once; calls already running finish on the old code, every later
   * call (from JS or from other functions) runs the new one. The signature must not change.
   */
  swap(name: string, compiled: CompiledUnit): void {
    const p = this.live;
    const fn = compiled.functions.find((f) => f.name === name);
    if (!fn) throw new Error(`swap: the compiled unit does not define @${name}`);
    const old = p.abis.get(name);
    if (!old) throw new Error(`swap: the program has no function @${name}`);
    const sig = (a: typeof old) => JSON.stringify([a.params.map((s) => s.type), a.results.map((s) => s.type)]);
    if (sig(old) !== sig(fn.abi)) throw new Error(`swap: @${name} changes its signature`);
    if (compiled.slots.find(([n]) => n === name)?.[1] !== p.slots.get(name)) throw new Error(`swap: @${name} was compiled for another program (dispatch slot differs)`);
    // Helpers learn of the unit first, so a parallel loop in it finds its body everywhere.
    this.pool?.addUnit(compiled, [name]);
    p.link(compiled, [name]);
    this.history.push({ unit: compiled, only: [name] });
  }

  /** Calls a function in-process. Traps become TensorLangRuntimeError naming the function. */
  call(name: string, args: readonly EngineValue[] = []): EngineValue[] {
    if (this.kind === "interp") {
      const interp = new Interpreter(this.ir, this.ctx, { host: interpHost(this.ctx), checkBounds: this.options.checkBounds });
      try { return interp.call(name, args as never) as unknown as EngineValue[]; } finally { this.ctx.flush(); }
    }
    try { return this.live.call(name, args); } finally { this.ctx.flush(); }
  }

  /** Runs an entry point as `mlir-cpu-runner -e entry -entry-point-result=kind` would. */
  runMain(entry = "main", resultKind: ResultKind = "void"): EngineValue | undefined {
    let rs: EngineValue[];
    if (this.kind === "interp") {
      const params = this.ir.lookup(entry)?.regions[0]?.blocks[0]?.args.length ?? 0;
      if (params) throw new TensorLangRuntimeError("host", entry, `expects ${params} argument(s), got 0`); // as wasm's call says
      rs = interpRunMain(this.ir, this.ctx, { entry, host: interpHost(this.ctx), checkBounds: this.options.checkBounds }) as unknown as EngineValue[];
    } else rs = this.call(entry, []);
    return entryResult(rs, entry, resultKind);
  }

  /**
   * Runs `name` in a worker thread on a private heap (capped), with the program's current
   * functions. Scalars pass as values; memref parameters take ArrayArg buffers, copied in and
   * back out. A runaway call is terminated after `timeoutMs`; the host is unaffected.
   */
  run(name: string, args: readonly (EngineValue | ArrayArg)[] = [], limits: RunLimits = {}): Promise<RunResult> {
    if (this.kind === "interp") return Promise.reject(new Error("Engine.run needs the wasm engine"));
    const timeoutMs = limits.timeoutMs ?? 10000;
    const req: WorkerRequest = {
      units: this.history, entry: name, args: args as WorkerRequest["args"],
      memoryCapBytes: limits.memoryCapBytes ?? 256 << 20, seed: limits.seed ?? 0,
    };
    return new Promise<RunResult>((resolve, reject) => {
      let w: Worker;
      if (this.spare) {
        w = this.spare.worker;
        this.spare = undefined;
        w.ref();
        w.postMessage(req);
      } else {
        w = new Worker(WORKER_URL, { workerData: req });
      }
      let stdout = "", stderr = "", timer: NodeJS.Timeout | undefined, settled = false;
      const finish = (f: () => void) => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        f();
        void w.terminate();
        // Keep the next sandbox run's start-up off its clock.
        void this.prewarm();
      };
      w.on("message", (msg: WorkerReply) => {
        if (msg.type === "loaded") return;
        if (msg.type === "stdout") stdout += msg.text;
        else if (msg.type === "stderr") stderr += msg.text;
        else if (msg.type === "ready") {
          timer = setTimeout(() => finish(() => reject(new TensorLangRuntimeError("timeout", name, `time limit of ${timeoutMs} ms exceeded; the worker was stopped`))), timeoutMs);
        } else if (msg.type === "done") {
          finish(() => resolve({ results: msg.results, arrays: msg.arrays, stdout, stderr, elapsedMs: msg.elapsedMs }));
        } else if (msg.type === "error") {
          finish(() => reject(msg.assertLoc !== undefined ? new TensorLangAssertError(BigInt(msg.assertLoc), [])
            : msg.kind ? new TensorLangRuntimeError(msg.kind, msg.functionName, msg.detail) : new Error(msg.detail)));
        }
      });
      w.on("error", (e) => finish(() => reject(e instanceof RangeError || /memory/i.test(e.message)
        ? new TensorLangRuntimeError("out-of-memory", name, `the worker ran out of memory: ${e.message}`) : e)));
      w.on("exit", (code) => finish(() => reject(new Error(`worker exited with code ${code} before answering`))));
    });
  }

  /**
   * Starts a worker that loads its code and waits (unref'd: it never keeps the process
   * alive), so the next run() starts in milliseconds. Resolves once it is loaded.
   */
  prewarm(): Promise<void> {
    if (!this.spare) {
      const worker = new Worker(WORKER_URL);
      worker.unref();
      const loaded = new Promise<void>((res, rej) => {
        worker.once("message", () => res());
        worker.once("error", rej);
      });
      loaded.catch(() => { if (this.spare?.worker === worker) this.spare = undefined; });
      this.spare = { worker, loaded };
    }
    return this.spare.loaded;
  }

  /** Iterations each thread ran in the last parallel loop (the calling thread first); undefined with one thread. */
  get parallelIterations(): readonly number[] | undefined { return this.pool?.lastRun; }

  /** Resolves when the scf.parallel helper threads have started (true) or failed to in time. */
  threadsReady(timeoutMs?: number): Promise<boolean> {
    return this.pool ? this.pool.ready(timeoutMs) : Promise.resolve(true);
  }

  /** Stops the spare worker and the parallel helpers, if any. */
  async dispose(): Promise<void> {
    const s = this.spare, pool = this.pool;
    this.spare = undefined;
    this.pool = undefined;
    if (s) await s.worker.terminate();
    if (pool) await pool.close();
  }
}

export { ProgramInstance };
