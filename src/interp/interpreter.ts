// The reference interpreter (`tensorlang-run --engine interp`): executes IR at any level
// (tensors, memrefs, loops, calls, the llvm subset) directly. It is the semantics oracle the
// WebAssembly engine is tested against: clarity over speed.
//
// Entry points:
//
//   import { Interpreter, runMain } from "../interp/interpreter.js";
//   const ctx = createHostContext({ seed });            // src/runtime/host.ts, as interpHost
//   const results = runMain(module, ctx, { entry: "main", host: interpHost(ctx) });   // flushes ctx; throws on error
//   // or, for repeated calls into one module:
//   const interp = new Interpreter(module, ctx, { host: interpHost(ctx), checkBounds: false });
//   const [r] = interp.call("f", [1.5, 2n]);
//
// The context (InterpContext: heap, output) and the host library (InterpHost) come from the
// caller, the Engine: the interpreter imports nothing of src/runtime (DESIGN.md).
//
// Values crossing `call` are described in ./values.ts (i64 bigint, i32/index/float number,
// TensorValue, MemRefValue; index keeps MLIR's 64-bit semantics as a JS number). Plain numbers,
// booleans and memref descriptor objects from outside are normalized by the signature.
//
// Errors: a trap (division by zero, memory out of bounds, --check-bounds violation, call of a
// function outside the host allow-list, stack overflow) or a bad host call is an
// InterpreterError (exitCode 4) whose message names the function; the host's errors that end a
// run (InterpHost.endsRun: the runtime's TensorLangAssertError from tensorlang.assert and
// tensorlang_assert_fail, exitCode 3), OutOfMemoryError (heap cap) and TimeLimitError
// (options.timeLimitMs) pass through unchanged so callers map them to exit codes and sandbox
// verdicts. Output is flushed by runMain whatever happens.
//
// Memory: one Heap (ctx.heap) shared with the host library; memref.alloc/dealloc are its
// malloc/free, allocas are freed when their call returns, globals are placed on first use.
// Layout (./memory.ts) is the wasm engine's: wasm32 pointers, index stored as 4 bytes.
//
// Structure (as xDSL's interpreter): one handler table per dialect (./arith.ts, ./scf.ts, ...),
// each `Record<opName, (interp, op, args) => results>`. Regions run in the current frame;
// only function calls push a frame. Terminators: branches (cf/llvm) move between blocks here;
// any other terminator (yield, return, condition, ...) ends the region and hands its operands
// to the op that ran the region.
import type { Block, Module, Operation, Region, Value } from "../ir/core.js";
import { symbolName } from "../ir/core.js";
import type { Type } from "../ir/types.js";
import { OutOfMemoryError, type Heap } from "./heap.js";
import { readMemrefDescriptor } from "./memref-descriptor.js";
import { InterpreterError, OpTrap, STACK_OVERFLOW, SiteTrap, TimeLimitError, MemRefValue, TensorValue, Trap, canon, elementTypeOf, shapedInfo, type RtValue, type Scalar } from "./values.js";
import { NO_HOST, declaredSignature, hostArgs, hostResult, type InterpHost } from "./hostcall.js";
import { HANDLERS } from "./registry.js";
import { isCfBranch, successorRanges, switchTarget } from "../dialects/cf.js";
import { Compiler, type CompiledBlock, type Unit } from "./compile.js";

export type OpHandler = (interp: Interpreter, op: Operation, args: RtValue[]) => RtValue[];
export type HandlerTable = Record<string, OpHandler>;

/** What the interpreter uses of a run's context (the runtime's HostContext is one). */
export interface InterpContext {
  /** The memory, shared with the host library. */
  readonly heap: Heap;
  stdout(text: string): void;
  /** Writes buffered output to its sinks. */
  flush(): void;
}

export interface InterpreterOptions {
  /** The host library, bound to the same context (default: none, every host call traps). */
  host?: InterpHost;
  /** Check every memref index against its shape (as wasm's --check-bounds). */
  checkBounds?: boolean;
  /** Values of `tensorlang.symbolic_dim "name"`. */
  symbols?: Record<string, number>;
  /** Extra or overriding op handlers (tests, experiments). */
  handlers?: HandlerTable;
  /** Maximum call depth before a stack-overflow trap (default 10000). */
  maxCallDepth?: number;
  /**
   * Wall-clock budget in milliseconds: past it, the next loop iteration or call throws a
   * TimeLimitError (the interpreter runs in-process, so this is how a sandbox stops it).
   */
  timeLimitMs?: number;
}

export interface RunOptions extends InterpreterOptions {
  entry?: string;
  args?: RtValue[];
}

/** Where control leaves a region: the terminator and its operand values. */
export interface RegionExit { op: Operation; values: RtValue[] }

interface Frame {
  fn: string;
  /** The compiled unit whose slots `env` holds. */
  unit: Unit | null;
  env: RtValue[];
  /** Heap blocks to free when the call returns (memref.alloca, llvm.alloca). */
  stack: number[];
}

export class Interpreter {
  readonly options: InterpreterOptions;
  private readonly functions = new Map<string, Operation>();
  private readonly symbols = new Map<string, Operation>();
  private readonly handlers: HandlerTable;
  private readonly host: InterpHost;
  private frame: Frame = { fn: "<module>", unit: null, env: [], stack: [] };
  private readonly compiler: Compiler;
  private depth = 0;
  private ticks = 0;
  private deadline = Infinity;
  /** Addresses of initialized globals (memref.global, llvm.mlir.global) by name. */
  readonly globals = new Map<string, number>();
  /** Function pointers: handle (1-based index) <-> name. */
  private readonly fnHandles: string[] = [];

  constructor(readonly module: Module, readonly ctx: InterpContext, options: InterpreterOptions = {}) {
    this.options = options;
    this.host = options.host ?? NO_HOST;
    this.handlers = { ...HANDLERS, ...(options.handlers ?? {}) };
    this.compiler = new Compiler(this.handlers);
    if (options.timeLimitMs !== undefined) this.deadline = performance.now() + options.timeLimitMs;
    for (const op of module.ops) {
      const name = symbolName(op);
      if (name === undefined) continue;
      this.symbols.set(name, op);
      if (op.name === "func.func" || op.name === "llvm.func") this.functions.set(name, op);
    }
  }

  get heap() { return this.ctx.heap; }
  get currentFunction(): string { return this.frame.fn; }

  /** A top-level symbol (function, global). */
  lookupSymbol(name: string): Operation | undefined { return this.symbols.get(name); }

  /** Replaces (hot-swaps) a function: later calls run the new body. */
  swap(name: string, fn: Operation): void {
    this.functions.set(name, fn);
    this.symbols.set(name, fn);
  }

  /**
   * Calls a function by name: a module function, or a declaration resolved against the host
   * allow-list. `site` gives the call site's types (needed for variadic host calls).
   */
  call(name: string, args: RtValue[], site?: { argTypes: readonly Type[]; resultTypes: readonly Type[] }): RtValue[] {
    const fn = this.functions.get(name);
    if (!fn) {
      if (this.depth === 0) throw new InterpreterError(name, `no function named @${name} in the module`);
      throw new Trap(`call to undefined function @${name}`);
    }
    if (this.depth === 0) args = this.normalizeArgs(fn, args);
    this.tick();
    const body = fn.regions[0];
    if (!body || body.blocks.length === 0) {
      try {
        return this.callHostFunction(name, fn, args, site);
      } catch (e) {
        throw this.attribute(e);
      }
    }
    const maxDepth = this.options.maxCallDepth ?? 10000;
    if (this.depth >= maxDepth) throw new Trap(`${STACK_OVERFLOW}: call depth ${maxDepth} calling @${name}`);
    const saved = this.frame;
    const unit = this.compiler.region(body).unit;
    this.frame = { fn: name, unit, env: new Array<RtValue>(unit.size), stack: [] };
    this.depth++;
    try {
      return this.runRegion(body, args).values;
    } catch (e) {
      throw this.attribute(e);
    } finally {
      for (const p of this.frame.stack) this.heap.free(p);
      this.frame = saved;
      this.depth--;
    }
  }

  /** Turns a Trap, a host's error or a JS error into an InterpreterError naming the current function. */
  private attribute(e: unknown): unknown {
    if (e instanceof OutOfMemoryError) { e.functionName ??= this.frame.fn; return e; } // kept: the sandbox's verdict is its type
    if (e instanceof InterpreterError || e instanceof TimeLimitError || this.host.endsRun(e)) return e;
    if (e instanceof Trap) return new InterpreterError(this.frame.fn, e.message, { cause: e });
    if (e instanceof RangeError && /call stack/i.test(e.message)) return new InterpreterError(this.frame.fn, STACK_OVERFLOW, { cause: e });
    if (e instanceof Error && e.name !== "Error" && e.name !== "TypeError" && e.name !== "RangeError") {
      return new InterpreterError(this.frame.fn, e.message, { cause: e });
    }
    return e;  // internal bugs keep their stack
  }

  private callHostFunction(name: string, decl: Operation, args: RtValue[], site?: { argTypes: readonly Type[]; resultTypes: readonly Type[] }): RtValue[] {
    if (!this.host.has(name)) throw new Trap(`call to external function @${name}, which is not an allow-listed host function`);
    return this.callHostByName(name, args, site ?? declaredSignature(decl));
  }

  /** Calls an allow-listed host function directly (ops such as tensorlang.assert). */
  callHostByName(name: string, args: RtValue[], site: { argTypes: readonly Type[]; resultTypes: readonly Type[] }): RtValue[] {
    if (!this.host.has(name)) throw new Trap(`host function ${name} is not available`);
    const { values, types, cleanup } = hostArgs(this.heap, name, args, site.argTypes);
    try {
      const r = this.host.call(name, values, types);
      return site.resultTypes.length ? [hostResult(r, site.resultTypes[0])] : [];
    } finally {
      cleanup();
    }
  }

  /**
   * Brings values from outside (the Engine, tests) into canonical form by the function's
   * signature: booleans and numbers to the scalar type (i64 as bigint, f32 rounded), memref
   * descriptor objects {allocated?, aligned, offset?, sizes, strides} and unranked
   * {rank, descriptor} (a descriptor in the heap) to MemRefValue.
   */
  private normalizeArgs(fn: Operation, args: RtValue[]): RtValue[] {
    let types: readonly Type[];
    try { types = declaredSignature(fn).argTypes; } catch { return args; }
    return args.map((a, i) => {
      const t = types[i];
      if (!t || a instanceof TensorValue || a instanceof MemRefValue) return a;
      if (typeof a === "object" && a !== null) {
        const o = a as { allocated?: number; aligned?: number; offset?: number; sizes?: number[]; strides?: number[]; rank?: number; descriptor?: number };
        const d = o.descriptor !== undefined && o.rank !== undefined ? readMemrefDescriptor(this.heap, o.descriptor, o.rank) : o;
        if (d.aligned !== undefined && Array.isArray(d.sizes) && Array.isArray(d.strides)) {
          return new MemRefValue(elementTypeOf(t), d.allocated ?? d.aligned, d.aligned, d.offset ?? 0, d.sizes, d.strides);
        }
        return a;
      }
      return shapedInfo(t) ? a : canon(a as Scalar | boolean, t);
    });
  }

  // ---- function pointers ------------------------------------------------------------------
  functionPointer(name: string): number {
    let i = this.fnHandles.indexOf(name);
    if (i < 0) i = this.fnHandles.push(name) - 1;
    return i + 1;
  }
  functionAt(ptr: number): string {
    const name = this.fnHandles[ptr - 1];
    if (name === undefined) throw new OpTrap(`indirect call through ${ptr}, which is not a function pointer`);
    return name;
  }

  /** Called once per loop iteration, branch and call: enforces `timeLimitMs`. */
  tick(): void {
    if ((++this.ticks & 1023) === 0 && this.deadline !== Infinity && performance.now() > this.deadline) {
      throw new TimeLimitError(this.frame.fn, this.options.timeLimitMs ?? 0);
    }
  }

  /** Records a heap block to free when the current call returns (allocas). */
  pushStackAllocation(p: number): void { this.frame.stack.push(p); }

  // ---- values and regions -----------------------------------------------------------------
  /** The value of `v` in the current frame (for handlers that need more than their operands). */
  get(v: Value): RtValue {
    const slot = this.frame.unit?.slots.get(v);
    const x = slot === undefined ? undefined : this.frame.env[slot];
    if (x === undefined) throw new Error(`internal: value of type ${v.type.str} used before it was computed`);
    return x;
  }

  /** Runs a region from its entry block with `args`; returns the exiting terminator's values. */
  runRegion(region: Region, args: readonly RtValue[]): RegionExit {
    const cr = this.compiler.region(region);
    if (this.frame.unit !== cr.unit) {
      // A region of another unit (e.g. a global's initializer): run it in a frame of its own.
      const saved = this.frame;
      this.frame = { fn: saved.fn, unit: cr.unit, env: new Array<RtValue>(cr.unit.size), stack: saved.stack };
      try { return this.runRegion(region, args); } finally { this.frame = saved; }
    }
    const env = this.frame.env;
    let cb: CompiledBlock = cr.entry;
    let bargs = args;
    for (;;) {
      const slots = cb.args;
      if (slots.length !== bargs.length) throw new Error(`internal: block expects ${slots.length} arguments, got ${bargs.length}`);
      for (let i = 0; i < slots.length; i++) env[slots[i]] = bargs[i];
      const ops = cb.ops;
      for (let k = 0; k < ops.length; k++) {
        const c = ops[k];
        const h = c.handler;
        if (!h) throw new OpTrap(`the interpreter does not support operation '${c.op.name}'`).locate(c.op, []);
        const ins = c.ins;
        const a = new Array<RtValue>(ins.length);
        for (let i = 0; i < ins.length; i++) a[i] = env[ins[i]];
        let res: RtValue[];
        try { res = h(this, c.op, a); } catch (e) { throw e instanceof SiteTrap ? e.locate(c.op, a) : e; }
        const outs = c.outs;
        for (let i = 0; i < outs.length; i++) env[outs[i]] = res[i];
      }
      const term = cb.term;
      if (!term || cb.termIsOp) return { op: term ?? region.parent!, values: [] };
      const values = cb.termIns.map((s) => env[s]);
      if (isCfBranch(term)) {
        this.tick(); // a back edge is a loop iteration
        const next = branchTarget(term, values);
        cb = cr.blocks.get(next.block)!;
        bargs = next.args;
        continue;
      }
      return { op: term, values };
    }
  }

  /** Runs a single-block region (loop bodies, if branches) and returns its yielded values. */
  yieldOf(region: Region, args: readonly RtValue[]): RtValue[] { return this.runRegion(region, args).values; }

  /** Value of `tensorlang.symbolic_dim "name"`. */
  symbolValue(name: string): number {
    const v = this.options.symbols?.[name];
    if (v === undefined) throw new Trap(`symbolic dimension "${name}" has no value in this run`);
    return v;
  }
}

function branchTarget(term: Operation, values: RtValue[]): { block: Block; args: RtValue[] } {
  const to = term.name === "cf.switch" ? switchTarget(term, values[0] as number | bigint)
    : term.name === "cf.cond_br" ? (Number(values[0]) !== 0 ? 0 : 1) : 0;
  const [a, b] = successorRanges(term)[to];
  return { block: term.successors[to], args: values.slice(a, b) };
}

/**
 * Runs `entry` (default main) and returns its results. Output is flushed whatever happens.
 * This is what `tensorlang-run --engine interp` calls.
 */
export function runMain(module: Module, ctx: InterpContext, options: RunOptions = {}): RtValue[] {
  const interp = new Interpreter(module, ctx, options);
  try {
    return interp.call(options.entry ?? "main", options.args ?? []);
  } finally {
    ctx.flush();
  }
}
