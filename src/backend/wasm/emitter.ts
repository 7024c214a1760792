// One function body → binaryen expressions. Every SSA value gets a wasm local (binaryen's
// optimizer coalesces them; past a long block, shareLocals does); memref values are descriptors
// whose fields are locals or compile-time constants. Op handlers live in ops-*.ts and register
// in HANDLERS.
import binaryen from "./binaryen.js";
import type { Block, Operation, Value } from "../../ir/core.js";
import { formatLoc, opSite } from "../../ir/diagnostics.js";
import { IntegerType, MemRefType, Type, UnrankedMemRefType } from "../../ir/types.js";
import { CompileError, type AbiSlot, type WasmValType, abiSlot, elementBytes, staticLayout, wasmTypeOf } from "./abi.js";
import { DYN } from "../../ir/types.js";
import type { ModuleCompiler } from "./compiler.js";
import { accessSite } from "../../dialects/memref.js";

export type Expr = binaryen.ExpressionRef;

/** A descriptor field: a wasm local (i32) or a constant known at compile time. */
export type Field = { l: number } | { c: number };

/** A scalar in `local`; a constant's is made at each use (`make`), its local set at the function's start if a handler asks for it. */
export interface ScalarVal { kind: "scalar"; local: number; wt: WasmValType; make?: () => Expr }
export interface MemrefVal {
  kind: "memref"; type: MemRefType; allocated: Field; aligned: Field; offset: Field; sizes: Field[]; strides: Field[];
}
export interface UnrankedVal { kind: "unranked"; rank: Field; desc: Field }
export type Val = ScalarVal | MemrefVal | UnrankedVal;

export type OpHandler = (e: FunctionEmitter, op: Operation) => void;
/** A memref access: the op and its memref operand (what a failed bounds check names). */
export interface Access { op: Operation; memref: Value }
export const HANDLERS = new Map<string, OpHandler>();
/** Runs `f`, giving a CompileError that names no location the location of `op`. */
export function atOp<T>(op: Operation, f: () => T): T {
  try { return f(); } catch (e) {
    if (e instanceof CompileError && !/^\S+:\d+:\d+: /.test(e.message) && op.loc) throw new CompileError(`${formatLoc(op.loc)}: ${op.name}: ${e.message}`);
    throw e;
  }
}

export function register(names: string | string[], h: OpHandler): void {
  for (const n of Array.isArray(names) ? names : [names]) HANDLERS.set(n, h);
}

export const BT: Record<WasmValType, binaryen.Type> = {
  i32: binaryen.i32, i64: binaryen.i64, f32: binaryen.f32, f64: binaryen.f64, v128: binaryen.v128,
};

/** Loop/block context for scf/affine terminators (yield/condition write these locals). */
export interface RegionTargets { results: number[]; kind: "yield" | "while-before" }

/**
 * A loop being emitted: statements to run before it (`pre`) and at the end of each iteration
 * (`post`), hoisted address bases by key, and — for a counted loop whose induction variable is
 * block argument 0 — expressions for its lower bound and step (pointers stepped with it).
 */
export interface LoopFrame {
  op: Operation; pre: Expr[]; post: Expr[]; bases: Map<string, number>;
  iv?: { lb: () => Expr; step: () => Expr };
}

/** The wasm type a scalar `v` is held in. */
function valueType(v: Value): WasmValType {
  const t = wasmTypeOf(v.type);
  if (!t) throw new CompileError(`type ${v.type.str} has no wasm value representation`);
  return t;
}

export class FunctionEmitter {
  readonly m: binaryen.Module;
  readonly vals = new Map<Value, Val>();
  /** The op being emitted (bounds checks name it). */
  private current?: Operation;
  readonly vars: binaryen.Type[] = [];
  private labelCount = 0;
  private stmts: Expr[] = [];
  /** Statements the function starts with (ModuleCompiler.addFunction): the locals constants are asked for in. */
  readonly prologue: Expr[] = [];
  /** Local holding the shadow-stack pointer at entry (restored on return), once needed. */
  spSave: number | undefined;
  readonly targets: RegionTargets[] = [];
  /** Loops being emitted, innermost last (addressing.ts). */
  readonly loops: LoopFrame[] = [];
  private readonly ids = new Map<Value, number>();
  /** Instructions that may trap (integer division), with their site (ModuleCompiler.addFunction). */
  readonly traps: Array<[Expr, number]> = [];
  /** The memref element held in a local while emitting a promoted loop (promote.ts). */
  promoted?: { memref: Value; idx: readonly Value[]; local: number };

  /**
   * With shareLocals, a value whose uses all lie in its own block (nested regions too) gives the
   * local `define` made for it back after the last op of that block that uses it, for a later
   * value of the same wasm type: binaryen's coalesce-locals does this in seconds for an ordinary
   * function but in minutes for a block of thousands of ops, where the compiler leaves it out.
   * A local is given back once no value holding it (an op's result aliasing another's, say)
   * lives. Within a block a value is set before it is read, each time the block runs, so a
   * local shared by values whose spans do not overlap holds each one's while it lives.
   */
  private readonly freeLocals = new Map<binaryen.Type, number[]>();
  /** Locals `define` made for values that may share them, and how many live values hold each. */
  private readonly shared = new Map<number, number>();
  /** Values whose uses all lie in their own block (emitBlock), which may share locals. */
  private readonly blockLocal = new Set<Value>();

  constructor(readonly unit: ModuleCompiler, readonly fnName: string, readonly nParams: number,
              readonly resultSlots: readonly AbiSlot[], readonly shareLocals = false) {
    this.m = unit.m;
  }

  // ---- locals and statements ----
  newLocal(wt: WasmValType | binaryen.Type): number {
    this.vars.push(typeof wt === "string" ? BT[wt] : wt);
    return this.nParams + this.vars.length - 1;
  }
  emit(x: Expr): void { this.stmts.push(x); }
  /** `x`, an instruction that may trap, recorded so that its trap names the op being emitted. */
  trapping(x: Expr): Expr {
    this.traps.push([x, this.unit.trapSite({ fn: this.fnName, site: opSite(this.current!) })]);
    return x;
  }
  label(prefix: string): string { return `${prefix}${this.labelCount++}`; }
  /** Runs `fn` collecting its statements into a separate list. */
  collect(fn: () => void): Expr[] {
    const saved = this.stmts;
    this.stmts = [];
    try { fn(); return this.stmts; } finally { this.stmts = saved; }
  }
  /**
   * Emits `loop`'s body with `fn`; statements hoisted out of it are emitted now, before the
   * loop, and the induction steps of pointers (`iv`: the loop's bounds) end the body.
   */
  inLoop(loop: Operation, fn: () => Expr[], iv?: LoopFrame["iv"]): Expr[] {
    const frame: LoopFrame = { op: loop, pre: [], post: [], bases: new Map(), iv };
    this.loops.push(frame);
    try { return [...fn(), ...frame.post]; } finally {
      this.loops.pop();
      for (const s of frame.pre) this.emit(s);
    }
  }
  /** A small number naming `v` within this function (for keys). */
  valueId(v: Value): number {
    let id = this.ids.get(v);
    if (id === undefined) this.ids.set(v, (id = this.ids.size));
    return id;
  }
  block(stmts: Expr[], label: string | null = null): Expr {
    return this.m.block(label, stmts, binaryen.none);
  }

  // ---- values ----
  val(v: Value): Val {
    const x = this.vals.get(v);
    if (!x) throw new CompileError(`value of type ${v.type.str} used before its definition (or produced by an unsupported op)`);
    return x;
  }
  scalar(v: Value): ScalarVal {
    const x = this.val(v);
    if (x.kind !== "scalar") throw new CompileError(`expected a scalar, got a ${x.kind} of type ${v.type.str}`);
    return x;
  }
  get(v: Value): Expr { return this.read(this.scalar(v)); }
  /** The value of `s`: a constant made afresh, else its local read. */
  read(s: ScalarVal): Expr { return s.make ? s.make() : this.m.local.get(s.local, BT[s.wt]); }
  memref(v: Value): MemrefVal {
    const x = this.val(v);
    if (x.kind !== "memref") throw new CompileError(`expected a ranked memref, got ${v.type.str}`);
    return x;
  }
  /** Defines `v` as a fresh local holding `x`. */
  define(v: Value, x: Expr, wt?: WasmValType): number {
    const t = wt ?? valueType(v);
    const l = this.blockLocal.has(v) ? this.sharedLocal(BT[t]) : this.newLocal(t);
    this.emit(this.m.local.set(l, x));
    this.vals.set(v, { kind: "scalar", local: l, wt: t });
    return l;
  }
  /**
   * Defines `v` as the constant `make` makes, each use its own copy. A local set in place for
   * each constant left binaryen's simplify-locals a set never read (an index folded into an
   * address) for each: thousands, tracked across a long block, took it 5 s on one of 6,000 ops.
   */
  defineConstant(v: Value, make: () => Expr): void {
    const wt = valueType(v);
    let local: number | undefined;
    const { m, prologue } = this, newLocal = () => this.newLocal(wt);
    this.vals.set(v, {
      kind: "scalar", wt, make,
      get local() { // (set first thing in the function: a constant holds everywhere)
        if (local === undefined) prologue.push(m.local.set((local = newLocal()), make()));
        return local;
      },
    });
  }
  /** A fresh local for `v` (e.g. loop-carried), not yet assigned. */
  declare(v: Value): ScalarVal {
    const t = wasmTypeOf(v.type);
    if (!t) throw new CompileError(`type ${v.type.str} cannot be a loop-carried or branch value in the wasm backend`);
    const s: ScalarVal = { kind: "scalar", local: this.newLocal(t), wt: t };
    this.vals.set(v, s);
    return s;
  }
  /**
   * Fresh locals carrying `v` across a branch or loop, not yet assigned: one for a scalar; for a
   * memref the run-time fields of its descriptor, in ABI order (as `flatten` gives them).
   */
  declareCarried(v: Value): number[] {
    if (!(v.type instanceof MemRefType || v.type instanceof UnrankedMemRefType)) return [this.declare(v).local];
    const ls: number[] = [];
    this.bindFlat(v, () => { const l = this.newLocal("i32"); ls.push(l); return l; });
    return ls;
  }
  i32(n: number): Expr { return this.m.i32.const(n | 0); }
  field(f: Field): Expr { return "c" in f ? this.i32(f.c) : this.m.local.get(f.l, binaryen.i32); }
  /** Stores `x` in a local field unless it is a constant expression we already know. */
  toField(x: Expr): Field {
    const l = this.newLocal("i32");
    this.emit(this.m.local.set(l, x));
    return { l };
  }

  /** A memref value with static fields from its type and the given dynamic ones. */
  memrefFrom(t: MemRefType, allocated: Field, aligned: Field, dyn: { offset?: Field; sizes?: (Field | undefined)[]; strides?: (Field | undefined)[] }): MemrefVal {
    const lay = staticLayout(t);
    const pick = (stat: number, f: Field | undefined, what: string): Field => {
      if (stat !== DYN) return { c: stat };
      if (!f) throw new CompileError(`dynamic ${what} of ${t.str} is not known`);
      return f;
    };
    return {
      kind: "memref", type: t, allocated, aligned,
      offset: pick(lay.offset, dyn.offset, "offset"),
      sizes: lay.shape.map((s, i) => pick(s, dyn.sizes?.[i], "size")),
      strides: lay.strides.map((s, i) => pick(s, dyn.strides?.[i], "stride")),
    };
  }

  /** The promoted local standing for `memref[idx]`, if that is the element being promoted. */
  promotedLocal(memref: Value, idx: readonly Value[]): number | undefined {
    const p = this.promoted;
    return p && p.memref === memref && p.idx.length === idx.length && p.idx.every((v, i) => v === idx[i]) ? p.local : undefined;
  }

  /**
   * Byte address of element `idx` of `mv`, bounds-checked for `width` elements if the unit checks
   * bounds and `check` is not false (`check` names the access when it is not the op being emitted).
   */
  address(mv: MemrefVal, idx: readonly Expr[], width = 1, check: boolean | Access = true): Expr {
    const m = this.m;
    const eb = elementBytes(mv.type.elementType);
    if (check !== false && this.unit.options.checkBounds) idx = this.boundsCheck(mv, idx, width, check === true ? undefined : check);
    let linear: Expr | undefined;
    let constPart = "c" in mv.offset ? mv.offset.c : 0;
    if (!("c" in mv.offset)) linear = this.field(mv.offset);
    idx.forEach((ix, d) => {
      const st = mv.strides[d];
      const c = constOf(m, ix);
      let term: Expr | undefined;
      if (c !== undefined && "c" in st) { constPart += c * st.c; return; }
      if ("c" in st) term = st.c === 1 ? ix : st.c === 0 ? undefined : m.i32.mul(ix, this.i32(st.c));
      else term = m.i32.mul(ix, this.field(st));
      if (term !== undefined) linear = linear === undefined ? term : m.i32.add(linear, term);
    });
    let bytes: Expr;
    const scale = (x: Expr) => (eb === 1 ? x : (eb & (eb - 1)) === 0 ? m.i32.shl(x, this.i32(Math.log2(eb))) : m.i32.mul(x, this.i32(eb)));
    if (linear === undefined) bytes = this.i32(constPart * eb);
    else bytes = scale(constPart ? m.i32.add(linear, this.i32(constPart)) : linear);
    return m.i32.add(this.field(mv.aligned), bytes);
  }

  /** Evaluates indices into locals and emits `if (idx_d >=u size_d (- width+1)) fail`. */
  boundsCheck(mv: MemrefVal, idx: readonly Expr[], width: number, access?: Access): Expr[] {
    const m = this.m;
    const locals = idx.map((x) => { const l = this.newLocal("i32"); this.emit(m.local.set(l, x)); return l; });
    const get = (l: number) => m.local.get(l, binaryen.i32);
    let cond: Expr | undefined;
    locals.forEach((l, d) => {
      const last = d === locals.length - 1 && width > 1;
      const ix = last ? m.i32.add(get(l), this.i32(width - 1)) : get(l);
      const c = m.i32.ge_u(ix, this.field(mv.sizes[d]));
      cond = cond === undefined ? c : m.i32.or(cond, c);
    });
    if (cond !== undefined) {
      // By default the access is the op being emitted, through its operand whose value `mv` is.
      const op = access?.op ?? this.current!, memref = access?.memref ?? op.operands.find((v) => this.vals.get(v) === mv);
      const site = this.unit.boundsSite({ fn: this.fnName, ...accessSite(op, memref ?? mv.type) });
      const fail = this.unit.runtimeImport(`oob${locals.length}`, new Array(2 + 2 * locals.length).fill("i32"), null);
      const args = [this.i32(site), this.i32(width), ...locals.map(get), ...mv.sizes.map((f) => this.field(f))];
      this.emit(m.if(cond, m.block(null, [m.call(fail, args, binaryen.none), m.unreachable()])));
    }
    return locals.map(get);
  }

  // ---- shadow stack (alloca, descriptors for unranked memrefs) ----
  /** Reserves `bytes` on the shadow stack; returns a local with the address. */
  stackAlloc(bytes: Expr, align = 16): number {
    const m = this.m;
    if (this.spSave === undefined) this.spSave = this.newLocal("i32");
    const sp = this.unit.stackPointer();
    const l = this.newLocal("i32"), n = this.newLocal("i32");
    const spNow = m.global.get(sp, binaryen.i32), limit = m.global.get(this.unit.stackLimit(), binaryen.i32);
    const overflow = this.unit.runtimeImport("stack_overflow", [], null);
    const fail = () => m.block(null, [m.call(overflow, [], binaryen.none), m.unreachable()]);
    // More than the room left (compared unsigned, before subtracting: a count near 4 GiB
    // would wrap around to above the limit), or below it once aligned down.
    this.emit(m.local.set(n, bytes));
    this.emit(m.if(m.i32.gt_u(m.local.get(n, binaryen.i32), m.i32.sub(spNow, limit)), fail()));
    this.emit(m.local.set(l, m.i32.and(m.i32.sub(m.global.get(sp, binaryen.i32), m.local.get(n, binaryen.i32)), this.i32(-Math.max(16, align)))));
    this.emit(m.if(m.i32.lt_u(m.local.get(l, binaryen.i32), m.global.get(this.unit.stackLimit(), binaryen.i32)), fail()));
    this.emit(m.global.set(sp, m.local.get(l, binaryen.i32)));
    return l;
  }

  /** A local no live value holds, else a new one; shared from now on. */
  private sharedLocal(t: binaryen.Type): number {
    const l = this.freeLocals.get(t)?.pop() ?? this.newLocal(t);
    this.shared.set(l, 0);
    return l;
  }
  /** Counts `v` as holding its shared locals (`by` 1) or no more (-1); a local none holds is free. */
  private hold(v: Value, by: 1 | -1): void {
    const x = this.vals.get(v);
    if (!x || (x.kind === "scalar" && x.make)) return; // (reading a constant's local would make one)
    const fields = x.kind === "scalar" ? [x.local] : x.kind === "unranked" ? [x.rank, x.desc] : [x.allocated, x.aligned, x.offset, ...x.sizes, ...x.strides];
    for (const f of fields) {
      const l = typeof f === "number" ? f : "l" in f ? f.l : -1, n = this.shared.get(l);
      if (n === undefined) continue;
      if (n + by > 0) { this.shared.set(l, n + by); continue; }
      this.shared.delete(l);
      const t = this.vars[l - this.nParams], free = this.freeLocals.get(t);
      if (free) free.push(l); else this.freeLocals.set(t, [l]);
    }
  }

  // ---- regions ----
  /**
   * Emits `b`'s ops but `skip` (a cf branch, which emitBlocks places on the Relooper's edges,
   * where it runs right after the block: the values it reads still hold their locals there).
   */
  emitBlock(b: Block, skip?: Operation): void {
    if (!this.shareLocals) { for (const op of b.ops) if (op !== skip) this.emitOp(op); return; }
    const dying = lastUses(b);
    for (const vs of dying.values()) for (const v of vs) this.blockLocal.add(v);
    for (const op of b.ops) {
      if (op !== skip) this.emitOp(op);
      for (const r of op.results) this.hold(r, 1);
      for (const v of dying.get(op) ?? []) this.hold(v, -1);
    }
  }
  emitOp(op: Operation): void {
    const h = HANDLERS.get(op.name);
    if (!h) {
      // tensor-level ops have lowering passes; for the rest the interpreter is the way out
      const hint = /^(linalg|tensor|tensorlang|bufferization)\./.test(op.name) ? "lower it to loops first" : "try --engine interp";
      throw new CompileError(`${formatLoc(op.loc)}: operation '${op.name}' is not supported by the wasm backend (${hint})`);
    }
    const outer = this.current;
    this.current = op;
    try { atOp(op, () => h(this, op)); } finally { this.current = outer; }
  }
  /** Assigns `values` (flattened: memrefs by field) to locals in parallel (through temporaries when they could alias). */
  assign(targets: readonly number[], values: readonly Value[]): void {
    const m = this.m;
    const srcs = values.flatMap((v) => this.flatten(v));
    if (targets.length !== srcs.length) throw new CompileError("wrong number of yielded values");
    const reads = (x: Expr) => (binaryen.getExpressionId(x) === binaryen.LocalGetId ? (binaryen.getExpressionInfo(x) as binaryen.LocalGetInfo).index : -1);
    if (!srcs.some((x) => targets.includes(reads(x)))) { srcs.forEach((x, i) => this.emit(m.local.set(targets[i], x))); return; }
    const tmps = srcs.map((x) => { const t = this.newLocal(binaryen.getExpressionType(x)); this.emit(m.local.set(t, x)); return t; });
    tmps.forEach((t, i) => this.emit(m.local.set(targets[i], m.local.get(t, binaryen.getExpressionType(srcs[i])))));
  }

  // ---- flattening values across calls ----
  /** The wasm values a Value passes as an argument, in ABI order. */
  flatten(v: Value): Expr[] {
    const x = this.val(v);
    if (x.kind === "scalar") return [this.read(x)];
    if (x.kind === "unranked") return [this.field(x.rank), this.field(x.desc)];
    const slot = abiSlot(x.type);
    if (slot.kind !== "memref") throw new CompileError("bad memref slot");
    const out = [this.field(x.allocated), this.field(x.aligned)];
    if (slot.layout.offset === DYN) out.push(this.field(x.offset));
    slot.layout.shape.forEach((s, i) => { if (s === DYN) out.push(this.field(x.sizes[i])); });
    slot.layout.strides.forEach((s, i) => { if (s === DYN) out.push(this.field(x.strides[i])); });
    return out;
  }
  /** Binds `v` from consecutive wasm values produced by `next()` (params or call results). */
  bindFlat(v: Value, next: (wt: WasmValType) => Field | number): void {
    const t = v.type;
    if (t instanceof MemRefType) {
      const lay = staticLayout(t);
      const f = (): Field => { const r = next("i32"); return typeof r === "number" ? { l: r } : r; };
      const allocated = f(), aligned = f();
      const offset = lay.offset === DYN ? f() : undefined;
      const sizes = lay.shape.map((s) => (s === DYN ? f() : undefined));
      const strides = lay.strides.map((s) => (s === DYN ? f() : undefined));
      this.vals.set(v, this.memrefFrom(t, allocated, aligned, { offset, sizes, strides }));
    } else if (t instanceof UnrankedMemRefType) {
      const f = (): Field => { const r = next("i32"); return typeof r === "number" ? { l: r } : r; };
      this.vals.set(v, { kind: "unranked", rank: f(), desc: f() });
    } else {
      const wt = wasmTypeOf(t);
      if (!wt) throw new CompileError(`type ${t.str} cannot cross a call`);
      const r = next(wt);
      if (typeof r !== "number") throw new CompileError("internal: scalar bound to a constant");
      this.vals.set(v, { kind: "scalar", local: r, wt });
    }
  }

  /** Result slot flattening for `return` (memref results return their ABI fields). */
  returnExprs(values: readonly Value[]): Expr[] { return values.flatMap((v) => this.flatten(v)); }
}

/**
 * The results of `b`'s ops whose uses all lie in `b` (or in regions of its ops), by the op of
 * `b` that uses them last (their own where none does).
 */
function lastUses(b: Block): Map<Operation, Value[]> {
  const index = new Map<Operation, number>(), out = new Map<Operation, Value[]>();
  b.ops.forEach((op, i) => index.set(op, i));
  for (const op of b.ops) {
    results: for (const r of op.results) {
      let last = op;
      for (const u of r.uses) {
        let o: Operation | null = u.op;
        while (o && o.parent !== b) o = o.parentOp;
        if (!o) continue results; // used in another block
        if (index.get(o)! > index.get(last)!) last = o;
      }
      const dying = out.get(last);
      if (dying) dying.push(r); else out.set(last, [r]);
    }
  }
  return out;
}

/** The constant value of an i32.const expression, if it is one. */
export function constOf(_m: binaryen.Module, x: Expr): number | undefined {
  if (binaryen.getExpressionId(x) !== binaryen.ConstId) return undefined;
  const info = binaryen.getExpressionInfo(x) as binaryen.ExpressionInfo & { value?: unknown };
  return info.type === binaryen.i32 && typeof info.value === "number" ? info.value : undefined;
}

/** binaryen 132's i64.const takes one bigint (its typings still show the old low/high form). */
export function i64c(m: binaryen.Module, v: bigint | number): Expr {
  return (m.i64.const as unknown as (v: bigint) => Expr)(BigInt.asIntN(64, BigInt(v)));
}

/** Canonical form of an iN (N < 32) value held in an i32: sign-extended, i1 as 0/1. */
export function normInt(m: binaryen.Module, x: Expr, t: Type): Expr {
  if (!(t instanceof IntegerType) || t.width >= 32) return x;
  if (t.width === 1) return m.i32.and(x, m.i32.const(1));
  if (t.width === 8) return m.i32.extend8_s(x);
  if (t.width === 16) return m.i32.extend16_s(x);
  const sh = m.i32.const(32 - t.width);
  return m.i32.shr_s(m.i32.shl(x, sh), sh);
}

/** Zero-extended view of a canonical iN (N < 32) value. */
export function unsignedView(m: binaryen.Module, x: Expr, t: Type): Expr {
  if (!(t instanceof IntegerType) || t.width >= 32 || t.width === 1) return x;
  return m.i32.and(x, m.i32.const((1 << t.width) - 1));
}
