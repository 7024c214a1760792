// Module-level compilation: loop-level IR → one WebAssembly module (a "unit").
//
// Every unit imports the same environment, so units compiled at different times (a program,
// then hot-swapped replacements) link into one running program:
//   env.memory      the heap's WebAssembly.Memory
//   env.dispatch    the dispatch table: one slot per module function; every func.call between
//                   module functions is a call_indirect through it, so Engine.swap replaces a
//                   function by writing its slot (in-flight calls finish on the old code)
//   env.sp/sp_limit the shadow stack (memref.alloca, descriptors for unranked memrefs)
//   data.<symbol>   addresses of globals (llvm.mlir.global, memref.global); the runtime places
//                   their bytes (unit.data) in the heap, so a unit is position-independent
//   host.<name>     allow-listed host functions (resolved through options.resolveHost); a
//                   variadic one gets one import per call-site signature (printf#ptr,f64)
//   rt.<name>       the backend's own runtime (alloc, free, bounds/stack failures)
// Defined functions are exported as "fn:<name>"; the runtime writes them into their slots.
import { decode } from "@jridgewell/sourcemap-codec";
import binaryen from "./binaryen.js";
import { DenseElementsAttr, DenseResourceElementsAttr, FloatAttr, IntegerAttr, SparseElementsAttr, StringAttr, TypeAttr, denseElements } from "../../ir/attributes.js";
import type { Module, Operation } from "../../ir/core.js";
import { FunctionType, IntegerType, FloatType, IndexType, MemRefType, Type, uncomputablePart } from "../../ir/types.js";
import { formatLoc } from "../../ir/diagnostics.js";
import { CompileError, compileWasm, type AbiSlot, type FunctionAbi, type HostTypeName, type WasmValType, abiSlot, elementBytes, flatTypes, hostTypeOf, slotWasmTypes } from "./abi.js";
import { BT, FunctionEmitter, atOp, type Expr } from "./emitter.js";
import { isHalf } from "./half.js";
import type { AccessSite } from "../../dialects/memref.js";
import { halfBits, roundFloat } from "../../ir/float.js";
import "./ops-scalar.js";
import "./ops-memory.js";
import "./ops-memref-more.js";
import "./ops-control.js";
import "./ops-vector.js";
import { emitBlocks } from "./ops-cf.js";

export interface HostSignature { params: HostTypeName[]; result: HostTypeName | null; variadic?: boolean }

export interface CompileOptions {
  /** Looks up an external function in the host allow-list; undefined = not allowed. */
  resolveHost: (name: string) => HostSignature | undefined;
  /** Compile an index check into every memref access. */
  checkBounds?: boolean;
  /** Dispatch slots already assigned (hot-swap units reuse the program's slots). */
  slots?: ReadonlyMap<string, number>;
  /** Compile only these functions (others are reached through the dispatch table). */
  only?: readonly string[];
  /** binaryen optimize level (default 3; 0 skips optimize()). */
  optimizeLevel?: number;
  /** Outline scf.parallel bodies and split them across the runtime's threads (parallel.ts). */
  parallel?: boolean;
  /** Disable scalar promotion of loop-invariant memref elements (promote.ts). */
  noPromotion?: boolean;
  /** Values share locals in the emitter (FunctionEmitter.shareLocals); default: in functions with a block over LONG_BLOCK ops. */
  shareLocals?: boolean;
  /** Use relaxed-SIMD fused multiply-add for vector.fma (faster, not bit-exact across machines). */
  relaxedSimd?: boolean;
}

export type UnitImport =
  | { field: string; kind: "host"; host: string; argTypes: HostTypeName[]; resultWasm: WasmValType | null }
  | { field: string; kind: "runtime"; name: string };

export interface UnitFunction { name: string; slot: number; export: string; abi: FunctionAbi }
export interface UnitData { name: string; bytes: Uint8Array; align: number }

/** A compiled unit: structured-cloneable, so it can be handed to a worker as is. */
/** A bounds-checked access: its function, the op and the memref (see accessSite); for a checked memref.cast, the type it casts to. */
export interface BoundsSite extends AccessSite { fn: string }
/** An instruction that may trap (integer division): its function and op (`arith.divsi at f.mlir:4:8`). */
export interface TrapSite { fn: string; site: string }

export interface CompiledUnit {
  module: WebAssembly.Module;
  functions: UnitFunction[];
  imports: UnitImport[];
  data: UnitData[];
  /** Names of module functions by dispatch slot (including ones this unit only calls). */
  slots: Array<[string, number]>;
  /** The bounds-checked accesses by id, for the message of one that fails (--check-bounds). */
  boundsSites: BoundsSite[];
  /** The trapping instructions by id, and [byte offset in the module, id] sorted by offset (a trap's stack names the offset). */
  trapSites: TrapSite[];
  trapOffsets: Array<[number, number]>;
  /** The unit imports a shared memory (compiled for threads). */
  sharedMemory: boolean;
  /** Outlined scf.parallel bodies, by the id the unit's rt.parallel calls pass. */
  parallel: Array<{ id: number; export: string }>;
  /** The wasm binary (`module` compiled; the unit cache stores it). */
  bytes: Uint8Array;
}

const FEATURES = binaryen.Features.MVP | binaryen.Features.SIMD128 | binaryen.Features.BulkMemory
  | binaryen.Features.Atomics | binaryen.Features.RelaxedSIMD | binaryen.Features.MutableGlobals
  | binaryen.Features.NontrappingFPToInt | binaryen.Features.SignExt | binaryen.Features.Multivalue
  | binaryen.Features.ReferenceTypes | binaryen.Features.BulkMemoryOpt | binaryen.Features.CallIndirectOverlong;

/**
 * Past this many ops in one block (code unrolled in full), binaryen's optimizer leaves out the
 * passes that grow worse than linearly in a block's length, or nest it deeper than its stack:
 * - code-pushing is quadratic (a block of 12,000 ops with a loop every 300 took 3.9 s to compile
 *   and run with it, 1.9 without; one of 24,000 ran binaryen out of stack), and straight code has
 *   no branch to push code past;
 * - simplify-locals sinks each value used once into its use, so a chain through thousands of
 *   steps (a running sum) became one expression as deep, which binaryen, running on the JS stack,
 *   overflowed at about 3,000 ('Maximum call stack size exceeded'); coalesce-locals, which shares
 *   locals among values, took minutes on what is left unsunk (4,000 steps of 5 ops: 60 s): the
 *   emitter shares them instead (FunctionEmitter.shareLocals), and ssa-nomerge, which would give
 *   every value its own again, goes too.
 * (V8's optimizing compiler allocates registers over wasm locals itself: what they save is mostly
 * the baseline tier's.)
 */
const LONG_BLOCK = 1000;
/**
 * So is a function of more ops than this in all, whatever its blocks: coalesce-locals grows with
 * its locals times its blocks (4,000 small loops in groups of 100 took 143 s to compile, 2,000
 * took 6), and rse and merge-locals with the same product (4,000 loops carrying a value from one
 * to the next: rse ran binaryen's heap out, which surfaced as '[object Object]').
 */
const BIG_FUNCTION = 10_000;
const LONG_BLOCK_SKIPPED = ["ssa-nomerge", "code-pushing", "simplify-locals", "simplify-locals-nostructure", "simplify-locals-notee", "simplify-locals-notee-nostructure", "coalesce-locals", "rse", "merge-locals"];
/** The most locals (parameters too) a function may have in V8 (kV8MaxWasmFunctionLocals). */
const V8_MAX_LOCALS = 50_000;

const bt = (ts: readonly WasmValType[]): binaryen.Type => (ts.length === 0 ? binaryen.none : ts.length === 1 ? BT[ts[0]] : binaryen.createType(ts.map((t) => BT[t])));

export class ModuleCompiler {
  readonly m = new binaryen.Module();
  readonly slots = new Map<string, number>();
  readonly boundsSites: BoundsSite[] = [];
  readonly trapSites: TrapSite[] = [];
  private readonly trapIds = new Map<string, number>();
  readonly imports: UnitImport[] = [];
  readonly data: UnitData[] = [];
  readonly parallel: Array<{ id: number; export: string }> = [];
  parallelCount = 0;
  private readonly importNames = new Map<string, string>();
  private readonly helpers = new Set<string>();
  private readonly globalNames = new Map<string, string>();
  private readonly symbols: Map<string, Operation>;
  private sp?: string;
  private spLimit?: string;
  /** Whether a function compiled has a block over LONG_BLOCK ops, or over BIG_FUNCTION ops in all. */
  private big = false;

  constructor(readonly module: Module, readonly options: CompileOptions) {
    this.m.setFeatures(FEATURES);
    if (options.parallel) {
      // Threads share the memory; a shared import must state a maximum (any actual one fits).
      this.m.setMemory(0, 65536, null, [], true, false, "memory");
      this.m.addMemoryImport("memory", "env", "memory", true);
    } else {
      this.m.addMemoryImport("memory", "env", "memory");
    }
    this.m.addTable("dispatch", 0, 0xffffffff);
    this.m.addTableImport("dispatch", "env", "dispatch");
    this.symbols = new Map();
    for (const op of module.ops) {
      const n = op.attr<StringAttr>("sym_name")?.value;
      if (n !== undefined) this.symbols.set(n, op);
    }
    for (const [n, s] of options.slots ?? []) this.slots.set(n, s);
  }

  symbol(name: string): Operation | undefined { return this.symbols.get(name); }
  isDefined(op: Operation): boolean { return op.regions.length > 0 && op.region().blocks.length > 0; }

  boundsSite(site: BoundsSite): number { return this.boundsSites.push(site) - 1; }
  trapSite(site: TrapSite): number {
    const key = `${site.fn} ${site.site}`;
    let id = this.trapIds.get(key);
    if (id === undefined) this.trapIds.set(key, (id = this.trapSites.push(site) - 1));
    return id;
  }

  /**
   * Adds function `name` with the body `e` emitted; its trapping instructions get debug
   * locations (line = site id + 1), which binaryen keeps through optimization and writes into
   * the source map that `finish` turns into byte offsets. Column 1: binaryen's writer skips a
   * location equal to its initial one (line 1, column 0).
   */
  addFunction(name: string, params: binaryen.Type, result: binaryen.Type, e: FunctionEmitter, body: Expr): void {
    const ref = this.m.addFunction(name, params, result, e.vars, e.prologue.length ? this.m.block(null, [...e.prologue, body], result) : body);
    if (e.traps.length) this.debugFile ??= this.m.addDebugInfoFileName("sites");
    for (const [x, id] of e.traps) this.m.setDebugLocation(ref, x, this.debugFile!, id + 1, 1);
  }
  private debugFile?: number;
  /**
   * Cuts a function's locals down to what V8 compiles, where it has more (a value each, at -O0 or
   * in a long block): values used once go into their use and their locals out, in seconds for
   * 100,000 ops. A function still over is a compile error naming it.
   */
  private fitLocals(f: number): void {
    const count = () => { const { params, vars } = binaryen.getFunctionInfo(f); return binaryen.expandType(params).length + vars.length; };
    if (count() <= V8_MAX_LOCALS) return;
    const name = binaryen.getFunctionInfo(f).name.replace(/^fn:/, "");
    this.m.runPassesOnFunction(f, ["simplify-locals-nostructure", "reorder-locals"]);
    const n = count();
    if (n > V8_MAX_LOCALS) throw new CompileError(`function @${name} is too large for the wasm backend: ${n} locals, where V8 compiles ${V8_MAX_LOCALS} in one function (split it, or run it with --engine interp)`);
  }

  slotOf(name: string): number {
    let s = this.slots.get(name);
    // Slot 0 stays empty: a null function pointer traps instead of calling something.
    if (s === undefined) { s = this.slots.size === 0 ? 1 : Math.max(...this.slots.values()) + 1; this.slots.set(name, s); }
    return s;
  }

  stackPointer(): string {
    if (!this.sp) { this.sp = "sp"; this.m.addGlobalImport("sp", "env", "sp", binaryen.i32, true); }
    return this.sp;
  }
  stackLimit(): string {
    if (!this.spLimit) { this.spLimit = "sp_limit"; this.m.addGlobalImport("sp_limit", "env", "sp_limit", binaryen.i32, false); }
    return this.spLimit;
  }

  /** The wasm import for one of the backend's runtime helpers. */
  runtimeImport(name: string, params: WasmValType[], result: WasmValType | null): string {
    const internal = `rt:${name}`;
    if (!this.importNames.has(internal)) {
      this.m.addFunctionImport(internal, "rt", name, bt(params), result ? BT[result] : binaryen.none);
      this.imports.push({ field: name, kind: "runtime", name });
      this.importNames.set(internal, internal);
    }
    return internal;
  }

  /**
   * A function of the backend's own (a conversion), added to the unit on first use: its name.
   * `body` builds it over the parameters (locals 0..) and `vars` (the locals after them).
   */
  helper(name: string, params: WasmValType[], result: WasmValType, vars: WasmValType[], body: (m: binaryen.Module) => Expr): string {
    const internal = `helper:${name}`;
    if (!this.helpers.has(internal)) {
      this.helpers.add(internal); // before building: a body may use other helpers
      this.m.addFunction(internal, bt(params), BT[result], vars.map((t) => BT[t]), body(this.m));
    }
    return internal;
  }

  /**
   * The import for host function `name` called with arguments of `argTypes` (wasm types
   * `wasmParams`). Checks the allow-list and the declared arity.
   */
  hostImport(name: string, argTypes: HostTypeName[], wasmParams: WasmValType[], resultWasm: WasmValType | null): string {
    const sig = this.options.resolveHost(name);
    if (!sig) throw new CompileError(`external function @${name} is not in the host allow-list`);
    if (sig.variadic ? argTypes.length < sig.params.length : argTypes.length !== sig.params.length) {
      throw new CompileError(`@${name} is declared with ${argTypes.length} parameter(s) but the host function takes ${sig.variadic ? "at least " : ""}${sig.params.length}`);
    }
    const types = sig.variadic ? [...sig.params, ...argTypes.slice(sig.params.length)] : [...sig.params];
    const field = sig.variadic ? `${name}#${types.join(",")}` : name;
    const internal = `host:${field}`;
    if (!this.importNames.has(internal)) {
      this.m.addFunctionImport(internal, "host", field, bt(wasmParams), resultWasm ? BT[resultWasm] : binaryen.none);
      this.imports.push({ field, kind: "host", host: name, argTypes: types, resultWasm });
      this.importNames.set(internal, internal);
    }
    return internal;
  }

  /** The imported global holding the address of data symbol `name`. */
  globalAddress(name: string): Expr {
    return this.dataAddress(name, () => {
      const op = this.symbols.get(name);
      if (!op || (op.name !== "llvm.mlir.global" && op.name !== "memref.global")) throw new CompileError(`unknown global @${name}`);
      return atOp(op, () => globalData(op, name));
    });
  }
  /**
   * The address of a NUL-terminated copy of `s` (vector.print str). It is data named by its text
   * in hex (a wasm import name ends at a NUL; a symbol name has no ':' unless quoted), so units
   * that print the same string share it.
   */
  stringAddress(s: string): Expr {
    const name = `str:${Buffer.from(s, "utf8").toString("hex")}`;
    return this.dataAddress(name, () => ({ name, bytes: new Uint8Array(Buffer.from(s + "\0", "utf8")), align: 1 }));
  }
  private dataAddress(name: string, data: () => UnitData): Expr {
    let g = this.globalNames.get(name);
    if (!g) {
      const d = data();
      g = `data:${name}`;
      this.m.addGlobalImport(g, "data", name, binaryen.i32, false);
      this.data.push(d);
      this.globalNames.set(name, g);
    }
    return this.m.global.get(g, binaryen.i32);
  }

  /** Compiles one function definition (func.func or llvm.func). */
  compileFunction(op: Operation): UnitFunction {
    return atOp(op, () => this.compileFunctionBody(op));
  }
  private compileFunctionBody(op: Operation): UnitFunction {
    const name = op.attr<StringAttr>("sym_name")!.value;
    refuseUncomputable(op);
    let longest = 0, total = 0;
    op.walk((o) => { total++; for (const r of o.regions) for (const b of r.blocks) longest = Math.max(longest, b.ops.length); });
    const big = longest > LONG_BLOCK || total > BIG_FUNCTION;
    this.big ||= big;
    const { inputs, results } = signatureOf(op);
    const abi: FunctionAbi = { name, params: inputs.map(abiSlot), results: results.map(abiSlot) };
    const paramTypes = flatTypes(abi.params);
    // In a big function binaryen shares no locals among values (coalesce-locals is left out): we do.
    const e = new FunctionEmitter(this, name, paramTypes.length, abi.results, this.options.shareLocals ?? big);
    const entry = op.region().blocks[0];
    let p = 0;
    entry.args.forEach((a) => e.bindFlat(a, () => p++));
    const body = e.collect(() => (op.region().blocks.length > 1 ? emitBlocks(e, op.region()) : e.emitBlock(entry)));
    const stmts = e.spSave !== undefined ? [this.m.local.set(e.spSave, this.m.global.get(this.stackPointer(), binaryen.i32)), ...body] : body;
    const resultType = bt(flatTypes(abi.results));
    if (resultType !== binaryen.none) stmts.push(this.m.unreachable());
    const fname = `fn:${name}`;
    this.addFunction(fname, bt(paramTypes), resultType, e, this.m.block(null, stmts, resultType));
    this.m.addFunctionExport(fname, fname);
    return { name, slot: this.slotOf(name), export: fname, abi };
  }

  finish(functions: UnitFunction[]): CompiledUnit {
    const m = this.m;
    if (process.env.TENSORLANG_WASM_DUMP === "raw") process.stderr.write(m.emitText());
    if (!m.validate()) throw new CompileError("internal error: the generated WebAssembly failed validation");
    const level = this.options.optimizeLevel ?? 3;
    binaryen.setDebugInfo(true); // (passes keep the trap sites' locations)
    if (level > 0) {
      binaryen.setOptimizeLevel(level);
      binaryen.setShrinkLevel(0);
      // Keep each function its own wasm function: V8 tiers up per function (FACTS.md).
      binaryen.setOneCallerInlineMaxSize(0);
      if (this.big) for (const p of LONG_BLOCK_SKIPPED) binaryen.addPassToSkip(p);
      try { m.optimize(); } finally { binaryen.clearPassesToSkip(); }
    }
    for (let i = 0; i < m.getNumFunctions(); i++) this.fitLocals(m.getFunctionByIndex(i));
    if (process.env.TENSORLANG_WASM_DUMP === "opt") process.stderr.write(m.emitText());
    const { binary: bytes, sourceMap } = m.emitBinary(this.trapSites.length ? "sites.map" : null);
    m.dispose();
    return { module: compileWasm(bytes), bytes, functions, imports: this.imports, data: this.data, slots: [...this.slots], boundsSites: this.boundsSites, parallel: this.parallel,
      trapSites: this.trapSites, trapOffsets: sourceMap ? trapOffsets(sourceMap) : [],
      sharedMemory: !!this.options.parallel };
  }
}

/** The mapped byte offsets of a source map binaryen wrote (one line; the column is the offset). */
function trapOffsets(sourceMap: string): Array<[number, number]> {
  const [segments = []] = decode((JSON.parse(sourceMap) as { mappings: string }).mappings);
  return segments.flatMap((s) => (s.length >= 4 ? [[s[0], s[2]!] as [number, number]] : [])).sort((a, b) => a[0] - b[0]);
}

export function signatureOf(op: Operation): { inputs: readonly Type[]; results: readonly Type[] } {
  const t = op.attr<TypeAttr>("function_type")?.type;
  if (t instanceof FunctionType) return { inputs: t.inputs, results: t.results };
  const lt = t as unknown as { params?: readonly Type[]; results?: readonly Type[] } | undefined;
  if (lt?.params && lt.results) return { inputs: lt.params, results: lt.results };
  throw new CompileError(`function has no usable function_type`);
}

export const isVariadicDecl = (op: Operation): boolean =>
  !!(op.attr<TypeAttr>("function_type")?.type as unknown as { varArg?: boolean } | undefined)?.varArg;

/**
 * Refuses, at its op, the first type in `fn` (its signature, block arguments, operands and
 * results) the backend has no values for: signed or unsigned integers, floats other than f16,
 * bf16, f32 and f64, complex numbers, scalable vectors. Without this they would pass as f32s or
 * i32s and compute wrong results.
 */
function refuseUncomputable(fn: Operation): void {
  const { inputs, results } = signatureOf(fn);
  const refuse = (op: Operation, types: Iterable<Type>) => {
    for (const ty of types) {
      const t = uncomputablePart(ty);
      if (t) throw new CompileError(`${formatLoc(op.loc)}: type '${t.str}' is not supported by the wasm backend (in '${op.name}')`);
    }
  };
  refuse(fn, [...inputs, ...results]);
  fn.walk((op) => {
    for (const r of op.regions) for (const b of r.blocks) refuse(op, b.args.map((a) => a.type));
    refuse(op, op.operands.map((v) => v.type));
    refuse(op, op.results.map((v) => v.type));
  });
}

/** Compiles every function definition of a loop-level module into one unit. */
export function compileModule(module: Module, options: CompileOptions): CompiledUnit {
  const c = new ModuleCompiler(module, options);
  const defs = module.ops.filter((o) => (o.name === "func.func" || o.name === "llvm.func") && c.isDefined(o));
  const wanted = options.only ? defs.filter((o) => options.only!.includes(o.attr<StringAttr>("sym_name")!.value)) : defs;
  // Slots first, so every call site sees the same numbering.
  for (const d of defs) c.slotOf(d.attr<StringAttr>("sym_name")!.value);
  try {
    const fns = wanted.map((d) => c.compileFunction(d));
    return c.finish(fns);
  } catch (e) {
    try { c.m.dispose(); } catch { /* already disposed */ }
    // binaryen reports misuse by aborting its wasm runtime: surface that as a compile error.
    if (e instanceof CompileError) throw e;
    // (binaryen runs on the JS stack: a chain of thousands of values nested into one expression overflows it)
    if (e instanceof RangeError && /call stack/.test(e.message)) throw new CompileError("binaryen ran out of stack: a function has a chain of values nested too deep for it (split it, or run it with --engine interp)");
    // (what binaryen's C++ throws reaches JS as an object with a pointer in it, and no message)
    if (!(e instanceof Error)) throw new CompileError("binaryen failed with a C++ exception, most often its memory running out on a function this large (compile it with -O0, split it, or run it with --engine interp)");
    throw new CompileError(`internal wasm backend error: ${e.message}`);
  }
}

// ---- global data ----

function globalData(op: Operation, name: string): UnitData {
  const align = Math.max(16, op.attr<IntegerAttr>("alignment")?.num ?? 16);
  if (op.name === "memref.global") {
    const t = op.attr<TypeAttr>("type")?.type;
    if (!(t instanceof MemRefType) || !t.hasStaticShape) throw new CompileError(`memref.global @${name} needs a static memref type`);
    const eb = elementBytes(t.elementType);
    const written = op.attr("initial_value");
    const init = denseElements(written);
    if ((written instanceof DenseResourceElementsAttr || written instanceof SparseElementsAttr) && !init) {
      throw new CompileError(`memref.global @${name}: ${written.str} has no values TensorLang reads (${written.unreadable})`);
    }
    const bytes = new Uint8Array(Math.max(1, t.numElements * eb));
    if (init) {
      for (let i = 0; i < t.numElements; i++) writeScalar(bytes, i * eb, t.elementType, init.at(i));
    }
    return { name, bytes, align };
  }
  const v = op.attr("value");
  const gt = op.attr<TypeAttr>("global_type")?.type;
  if (v instanceof StringAttr) return { name, bytes: new Uint8Array(Buffer.from(v.value, "utf8")), align };
  if (v instanceof IntegerAttr || v instanceof FloatAttr) {
    const bytes = new Uint8Array(8);
    writeScalar(bytes, 0, v.type, v.value);
    return { name, bytes, align };
  }
  if (v instanceof DenseElementsAttr) {
    const eb = elementBytes(v.type.elementType);
    const bytes = new Uint8Array(Math.max(1, v.numElements * eb));
    for (let i = 0; i < v.numElements; i++) writeScalar(bytes, i * eb, v.type.elementType, v.at(i));
    return { name, bytes, align };
  }
  if (v === undefined && gt) return { name, bytes: new Uint8Array(Math.max(16, llvmSizeOf(gt))), align };
  throw new CompileError(`llvm.mlir.global @${name}: initializer ${v?.str ?? "(region)"} is not supported`);
}

function writeScalar(bytes: Uint8Array, at: number, t: Type, v: number | bigint): void {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isHalf(t)) { dv.setUint16(at, halfBits(roundFloat(Number(v), t), t.kind === "bf16"), true); return; }
  if (t instanceof FloatType) { if (t.kind === "f32") dv.setFloat32(at, Number(v), true); else dv.setFloat64(at, Number(v), true); return; }
  const w = t instanceof IntegerType ? t.width : 32;
  if (t instanceof IndexType || w === 32) dv.setInt32(at, Number(BigInt.asIntN(32, BigInt(v))), true);
  else if (w === 64) dv.setBigInt64(at, BigInt.asIntN(64, BigInt(v)), true);
  else if (w === 16) dv.setInt16(at, Number(BigInt.asIntN(16, BigInt(v))), true);
  else dv.setInt8(at, Number(BigInt.asIntN(8, BigInt(v))));
}

/** Byte size of an LLVM-dialect type in the wasm32 data layout. */
export function llvmSizeOf(t: Type): number {
  const x = t as unknown as { numElements?: number; elementType?: Type; fields?: readonly Type[] };
  if (t.str.startsWith("!llvm.array<") && x.elementType && x.numElements !== undefined) return x.numElements * llvmSizeOf(x.elementType);
  if (t.str.startsWith("!llvm.struct<") && x.fields) {
    let off = 0, maxAl = 1;
    for (const f of x.fields) { const s = llvmSizeOf(f), al = Math.min(8, s || 1); maxAl = Math.max(maxAl, al); off = Math.ceil(off / al) * al + s; }
    return Math.ceil(off / maxAl) * maxAl;
  }
  return elementBytes(t);
}

export { hostTypeOf, slotWasmTypes };
export type { AbiSlot };
