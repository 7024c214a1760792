// Linking compiled wasm units into one running program: memory (the Heap), the dispatch
// table, the shadow stack, global data, host imports from the allow-list, and the JS-side
// calling convention. Shared by the Engine (in-process) and by its workers; it does not load
// binaryen, so a worker starts fast.
import type { CompiledUnit, UnitImport } from "../backend/wasm/compiler.js";
import type { AbiSlot } from "../backend/wasm/abi.js";
import { Heap, OutOfMemoryError } from "../interp/heap.js";
import { STACK_OVERFLOW, TensorLangAssertError, callHost, lookupHost, isHostRuntimeError, type HostContext, type HostValue } from "./host.js";
import type { MemrefDescriptor } from "./host/memref.js";
import { roundFloat } from "../ir/float.js";
import { CAST_FIELDS, castMismatch, outOfBoundsMessage } from "../dialects/memref.js";
import { DYN, FloatType } from "../ir/types.js";

export type RuntimeErrorKind = "trap" | "stack-overflow" | "bounds" | "host" | "out-of-memory" | "timeout";

/** A program failed at run time (trap, bounds violation, host error, limits): names the function. */
export class TensorLangRuntimeError extends Error {
  override name = "TensorLangRuntimeError";
  /** `tensorlang-run` exits with this code on a runtime error. */
  readonly exitCode = 4;
  constructor(readonly kind: RuntimeErrorKind, readonly functionName: string | undefined, detail: string, options?: { cause?: unknown }) {
    super(functionName ? `runtime error in @${functionName}: ${detail}` : `runtime error: ${detail}`, options);
  }
}

/** A value crossing the JS ↔ wasm boundary. Memrefs are descriptors (see interp/memref-descriptor.ts). */
export type EngineValue = number | bigint | boolean | MemrefDescriptor | { rank: number; descriptor: number };

export const DEFAULT_STACK_BYTES = 1 << 20;

export type ResultKind = "void" | "i32" | "i64" | "f32" | "f64";
/** What an entry point returned, as `mlir-cpu-runner -entry-point-result=kind` takes it. */
export function entryResult(rs: readonly EngineValue[], entry: string, kind: ResultKind): EngineValue | undefined {
  if (kind === "void") return undefined;
  if (rs[0] === undefined) throw new TensorLangRuntimeError("host", entry, `returns nothing, but --entry-point-result=${kind} was asked for`);
  return rs[0];
}

/**
 * The innermost compiled TensorLang function on an error's stack, if any, and the byte offset
 * in its module that V8 names (`at fn:f (wasm://wasm/5e8b3c2a:wasm-function[3]:0x1a2)`).
 */
function wasmFrame(err: unknown): { fn: string; offset?: number } | undefined {
  const stack = err instanceof Error ? err.stack ?? "" : "";
  const m = /at fn:([^\s]+) \(wasm:(?:[^)]*:0x([0-9a-f]+)\))?/.exec(stack);
  return m ? { fn: m[1].replace(/\$par\d+$/, ""), offset: m[2] === undefined ? undefined : parseInt(m[2], 16) } : undefined;
}
export const wasmFunctionOf = (err: unknown): string | undefined => wasmFrame(err)?.fn;

/** V8's words for integer division traps, in the interpreter's (the engines say the same). */
const WASM_TRAPS: Record<string, string> = {
  "divide by zero": "integer divide by zero", "remainder by zero": "integer divide by zero",
  "divide result unrepresentable": "integer overflow in signed division",
};

/**
 * Turns whatever a call threw into the error the program's user should see; a trap of a
 * recorded instruction of `program`'s code (CompiledUnit.trapSites) names its op.
 */
export function mapRuntimeError(err: unknown, called: string, program?: ProgramInstance): unknown {
  if (err instanceof TensorLangRuntimeError || err instanceof TensorLangAssertError) return err;
  const fn = wasmFunctionOf(err) ?? called;
  if (err instanceof WebAssembly.RuntimeError) {
    const at = program?.trapSite(err);
    return new TensorLangRuntimeError("trap", fn, (at ? `${at}: ` : "") + (WASM_TRAPS[err.message] ?? err.message), { cause: err });
  }
  if (err instanceof RangeError && /call stack/i.test(err.message)) return new TensorLangRuntimeError("stack-overflow", fn, STACK_OVERFLOW, { cause: err });
  if (err instanceof OutOfMemoryError) return new TensorLangRuntimeError("out-of-memory", fn, err.message, { cause: err });
  if (isHostRuntimeError(err)) return new TensorLangRuntimeError("host", fn, err.message, { cause: err });
  return err;
}

type WasmFn = (...args: (number | bigint)[]) => unknown;

/** One running program: a heap, a dispatch table, and the units linked into it. */
export class ProgramInstance {
  readonly table = new WebAssembly.Table({ element: "anyfunc", initial: 0 });
  readonly slots = new Map<string, number>();
  readonly abis = new Map<string, { params: AbiSlot[]; results: AbiSlot[] }>();
  /** Which unit's code answers each function now (bumped by every swap). */
  readonly versions = new Map<string, number>();
  private readonly dataAddr = new Map<string, number>();
  private readonly sp: WebAssembly.Global;
  private readonly spLimit: WebAssembly.Global;
  /** Each linked unit's bounds-checked accesses (CompiledUnit.boundsSites). */
  private boundsSites: CompiledUnit["boundsSites"][] = [];
  /** The trapping instructions of each linked unit, newest first. */
  private trapTables: Array<Pick<CompiledUnit, "trapSites" | "trapOffsets">> = [];
  /** Called before every host call: where a live program picks up pending hot-swaps. */
  onHostCall?: () => void;

  /** Outlined scf.parallel bodies by "unit:id" (see backend/wasm/parallel.ts). */
  private readonly parallelFns = new Map<string, WasmFn>();
  /** Splits parallel loops across threads; without one they run on this thread. */
  pool?: { run(key: string, lb: number, ub: number, step: number, ctx: number, local: WasmFn): void };

  /**
   * `helper`: a parallel-loop helper thread on a shared memory — it gets its stack region and
   * the global data addresses from the main thread and must never allocate.
   */
  constructor(readonly ctx: HostContext, stackBytes = DEFAULT_STACK_BYTES,
              readonly helper?: { stack: { base: number; bytes: number }; data: ReadonlyMap<string, number> }) {
    const base = helper ? helper.stack.base : ctx.heap.malloc(stackBytes, 16);
    const bytes = helper ? helper.stack.bytes : stackBytes;
    this.sp = new WebAssembly.Global({ value: "i32", mutable: true }, base + bytes);
    this.spLimit = new WebAssembly.Global({ value: "i32", mutable: false }, base);
    if (helper) for (const [k, v] of helper.data) this.dataAddr.set(k, v);
  }

  /** Addresses of global data placed so far (for parallel helpers). */
  dataAddresses(): Map<string, number> { return new Map(this.dataAddr); }

  /** The outlined parallel body `id` of unit `unitIndex`. */
  parallelFn(key: string): WasmFn {
    const f = this.parallelFns.get(key);
    if (!f) throw new TensorLangRuntimeError("host", undefined, `no parallel loop body ${key}`);
    return f;
  }

  get heap(): Heap { return this.ctx.heap; }

  /** Instantiates a unit and installs its functions in their dispatch slots. */
  link(unit: CompiledUnit, only?: readonly string[]): void {
    for (const [name, slot] of unit.slots) this.slots.set(name, slot);
    const need = Math.max(0, ...unit.slots.map(([, s]) => s + 1));
    if (this.table.length < need) this.table.grow(need - this.table.length);
    const unitIndex = this.boundsSites.length;
    this.boundsSites.push(unit.boundsSites);
    if (unit.trapOffsets.length) this.trapTables.unshift(unit);
    const data: Record<string, WebAssembly.Global> = {};
    for (const d of unit.data) {
      let addr = this.dataAddr.get(d.name);
      if (addr === undefined) {
        if (this.helper) throw new TensorLangRuntimeError("host", undefined, `global @${d.name} was not placed by the main thread`);
        addr = this.heap.malloc(d.bytes.length, d.align);
        this.heap.bytes.set(d.bytes, addr);
        this.dataAddr.set(d.name, addr);
      }
      data[d.name] = new WebAssembly.Global({ value: "i32", mutable: false }, addr);
    }
    const host: Record<string, WasmFn> = {};
    const rt: Record<string, WasmFn> = {};
    for (const imp of unit.imports) {
      if (imp.kind === "host") host[imp.field] = this.hostImport(imp);
      else rt[imp.field] = this.runtimeImport(imp.name, unitIndex);
    }
    const inst = new WebAssembly.Instance(unit.module, {
      env: { memory: this.heap.memory, dispatch: this.table, sp: this.sp, sp_limit: this.spLimit },
      data, host, rt,
    } as WebAssembly.Imports);
    for (const p of unit.parallel ?? []) this.parallelFns.set(`${unitIndex}:${p.id}`, inst.exports[p.export] as WasmFn);
    for (const f of unit.functions) {
      if (only && !only.includes(f.name)) continue;
      this.table.set(f.slot, inst.exports[f.export] as WebAssembly.ExportValue as never);
      this.abis.set(f.name, f.abi);
      this.versions.set(f.name, (this.versions.get(f.name) ?? 0) + 1);
    }
  }

  private hostImport(imp: Extract<UnitImport, { kind: "host" }>): WasmFn {
    const fn = lookupHost(imp.host);
    if (!fn) throw new TensorLangRuntimeError("host", undefined, `host function ${imp.host} is not in the allow-list`);
    const ctx = this.ctx, types = imp.argTypes, res = imp.resultWasm;
    // (wasm passes and takes floats as numbers: the math functions, declared on floats, go straight through)
    const float = [...types, res].every((t) => t === "f32" || t === "f64") ? fn.float : undefined;
    if (float && fn.params.length === 1) return (x) => { this.onHostCall?.(); return float(x as number); };
    if (float && fn.params.length === 2) return (x, y) => { this.onHostCall?.(); return float(x as number, y as number); };
    return (...args) => {
      this.onHostCall?.();
      const r = callHost(fn, ctx, args as HostValue[], types);
      if (res === null) return undefined;
      if (res === "i64") return typeof r === "bigint" ? r : BigInt(Math.trunc(Number(r ?? 0)));
      return Number(r ?? 0);
    };
  }

  private runtimeImport(name: string, unitIndex: number): WasmFn {
    const heap = this.heap;
    if (name === "parallel") {
      return (id, lb, ub, step, ctx) => {
        const key = `${unitIndex}:${id}`, f = this.parallelFn(key);
        if (this.pool) this.pool.run(key, Number(lb), Number(ub), Number(step), Number(ctx), f);
        else f(lb, ub, ctx);
      };
    }
    if (this.helper && (name === "alloc" || name === "free")) {
      return () => { throw new TensorLangRuntimeError("host", wasmFunctionOf(new Error()), "memory allocation inside a parallel loop body is not supported (allocate before the loop)"); };
    }
    if (name === "alloc") return (n, align) => heap.malloc(Number(n), Number(align));
    if (name === "free") return (p) => heap.free(Number(p));
    const step = /^step_(.+)$/.exec(name);
    if (step) return (s) => { throw new TensorLangRuntimeError("trap", wasmFunctionOf(new Error()), `${step[1]}: step must be positive, got ${s}`); };
    if (name === "dim_range") return (k, rank) => { throw new TensorLangRuntimeError("trap", wasmFunctionOf(new Error()), `memref.dim: dimension ${k} out of range for rank ${rank}`); };
    if (name === "assert_fail") return (msg) => { throw new TensorLangRuntimeError("trap", wasmFunctionOf(new Error()), heap.readCString(Number(msg))); };
    if (name === "stack_overflow") return () => { throw new TensorLangRuntimeError("stack-overflow", wasmFunctionOf(new Error()), "shadow stack overflow (memref.alloca)"); };
    if (name === "cast") {
      return (id, field, dim, actual) => {
        const site = this.boundsSites[unitIndex][Number(id)];
        throw new TensorLangRuntimeError("bounds", site.fn, `${site.site}: ${castMismatch(CAST_FIELDS[Number(field)], Number(dim), Number(actual), site.memref)}`);
      };
    }
    const oob = /^oob(\d+)$/.exec(name);
    if (oob) {
      const rank = Number(oob[1]);
      return (id, width, ...rest) => {
        const idx = rest.slice(0, rank).map(Number), sizes = rest.slice(rank).map(Number);
        const site = this.boundsSites[unitIndex][Number(id)];
        throw new TensorLangRuntimeError("bounds", site.fn, outOfBoundsMessage(site, idx, sizes, Number(width)));
      };
    }
    throw new TensorLangRuntimeError("host", undefined, `unknown runtime import rt.${name}`);
  }

  has(name: string): boolean { return this.abis.has(name); }

  /**
   * The op (`arith.divsi at f.mlir:4:8`) of the instruction a trap stopped at: the innermost
   * frame names the function and the byte offset in its module. Units are told apart by the
   * function, and the newest unit is asked first (the one a hot-swap installed).
   */
  trapSite(err: Error): string | undefined {
    const frame = wasmFrame(err);
    if (frame?.offset === undefined) return undefined;
    const { fn, offset } = frame;
    for (const { trapSites, trapOffsets } of this.trapTables) {
      let lo = 0, hi = trapOffsets.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (trapOffsets[mid][0] < offset) lo = mid + 1; else hi = mid; }
      for (let i = lo; i < trapOffsets.length && trapOffsets[i][0] === offset; i++) {
        const site = trapSites[trapOffsets[i][1]];
        if (site?.fn === fn) return site.site;
      }
    }
    return undefined;
  }

  /** The live version of a function, as a raw wasm function. */
  raw(name: string): WasmFn {
    const slot = this.slots.get(name);
    const f = slot === undefined ? null : (this.table.get(slot) as WasmFn | null);
    if (!f || !this.abis.has(name)) throw new TensorLangRuntimeError("host", undefined, `no function @${name} in the program`);
    return f;
  }

  /** Calls a function by name with JS values (memrefs as descriptors). */
  call(name: string, args: readonly EngineValue[] = []): EngineValue[] {
    const abi = this.abis.get(name);
    const f = this.raw(name);
    if (!abi) throw new TensorLangRuntimeError("host", undefined, `no function @${name}`);
    if (args.length !== abi.params.length) {
      throw new TensorLangRuntimeError("host", name, `expects ${abi.params.length} argument(s), got ${args.length}`);
    }
    const flat = abi.params.flatMap((s, i) => flattenArg(s, args[i]));
    let r: unknown;
    try { r = f(...flat); } catch (e) { throw mapRuntimeError(e, name, this); }
    const vals = Array.isArray(r) ? (r as (number | bigint)[]) : r === undefined ? [] : [r as number | bigint];
    let k = 0;
    return abi.results.map((s) => unflattenResult(s, () => vals[k++]));
  }
}

function flattenArg(s: AbiSlot, v: EngineValue): (number | bigint)[] {
  if (s.kind === "scalar") {
    if (typeof v === "object") throw new TypeError(`expected a scalar of type ${s.type}`);
    if (s.wasm === "i64") return [typeof v === "bigint" ? BigInt.asIntN(64, v) : BigInt(Math.trunc(Number(v)))];
    if (s.wasm === "i32") return [typeof v === "boolean" ? (v ? 1 : 0) : Number(BigInt.asIntN(32, BigInt(typeof v === "number" ? Math.trunc(v) : v)))];
    // An f16/bf16 travels in an f32 holding a value of its type (as the interpreter rounds arguments).
    if (s.type === "f16" || s.type === "bf16") return [roundFloat(Number(v), FloatType.get(s.type))];
    return [Number(v)];
  }
  if (typeof v !== "object") throw new TypeError(`expected a memref descriptor for ${s.type}`);
  if (s.kind === "unranked") {
    if (!("descriptor" in v)) throw new TypeError(`expected {rank, descriptor} for ${s.type}`);
    return [v.rank, v.descriptor];
  }
  if (!("aligned" in v)) throw new TypeError(`expected a memref descriptor for ${s.type}`);
  const out: number[] = [v.allocated, v.aligned];
  const L = s.layout;
  if (L.offset === DYN) out.push(v.offset);
  L.shape.forEach((d, i) => { if (d === DYN) out.push(v.sizes[i]); });
  L.strides.forEach((d, i) => { if (d === DYN) out.push(v.strides[i]); });
  return out;
}

function unflattenResult(s: AbiSlot, next: () => number | bigint): EngineValue {
  if (s.kind === "scalar") return next();
  if (s.kind === "unranked") return { rank: Number(next()), descriptor: Number(next()) };
  const allocated = Number(next()), aligned = Number(next());
  const L = s.layout;
  const offset = L.offset === DYN ? Number(next()) : L.offset;
  const sizes = L.shape.map((d) => (d === DYN ? Number(next()) : d));
  const strides = L.strides.map((d) => (d === DYN ? Number(next()) : d));
  return { allocated, aligned, offset, sizes, strides };
}
