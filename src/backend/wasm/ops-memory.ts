// memref and llvm memory ops: allocation, loads/stores, views, copies, globals, pointers.
import binaryen from "./binaryen.js";
import { IntegerAttr, SymbolRefAttr, TypeAttr } from "../../ir/attributes.js";
import type { Operation, Value } from "../../ir/core.js";
import { DYN, FloatType, IndexType, IntegerType, MemRefType, Type, UnrankedMemRefType, VectorType } from "../../ir/types.js";
import { CAST_FIELDS, type CastCheck, allocAlignment, castChecks, mixedList, permutation, reassociation, staticList, subviewDrops } from "../../dialects/memref.js";
import { opSite } from "../../ir/diagnostics.js";
import { gepIndices } from "../../dialects/llvm.js";
import { constantIndex } from "../../dialects/arith.js";
import { CompileError, elementBytes, isPtrType, vectorLanes, wasmTypeOf } from "./abi.js";
import { type Expr, type Field, FunctionEmitter, type MemrefVal, normInt, register, BT } from "./emitter.js";
import { llvmSizeOf } from "./compiler.js";
import { decodeHalf, encodeHalf, isHalf } from "./half.js";
import type { AffineExpr, AffineMap } from "../../ir/affine.js";
import { type Linear, linearAddress, linearOfAffine, linearOfValue } from "./addressing.js";

type M = binaryen.Module;

/**
 * Loads a value of MLIR type `t` from byte address `addr`. Loads and stores are recorded as
 * trapping instructions: an access past the memory names its op.
 */
export function loadScalar(e: FunctionEmitter, t: Type, addr: Expr, offset = 0): Expr {
  if (isHalf(t)) return decodeHalf(e, t, e.trapping(e.m.i32.load16_u(offset, 2, addr)));
  return e.trapping(loadOf(e.m, t, addr, offset));
}
function loadOf(m: M, t: Type, addr: Expr, offset: number): Expr {
  if (t instanceof FloatType) return t.kind === "f32" ? m.f32.load(offset, 4, addr) : m.f64.load(offset, 8, addr);
  if (t instanceof VectorType) return m.v128.load(offset, 16, addr);
  if (t instanceof IntegerType) {
    if (t.width === 1) return m.i32.load8_u(offset, 1, addr);
    if (t.width <= 8) return m.i32.load8_s(offset, 1, addr);
    if (t.width <= 16) return m.i32.load16_s(offset, 2, addr);
    if (t.width <= 32) return m.i32.load(offset, 4, addr);
    return m.i64.load(offset, 8, addr);
  }
  if (t instanceof IndexType || isPtrType(t)) return m.i32.load(offset, 4, addr);
  throw new CompileError(`cannot load a value of type ${t.str}`);
}

export function storeScalar(e: FunctionEmitter, t: Type, addr: Expr, v: Expr, offset = 0): Expr {
  const m = e.m;
  if (isHalf(t)) return e.trapping(m.i32.store16(offset, 2, addr, encodeHalf(e, t, m.f64.promote(v))));
  return e.trapping(storeOf(m, t, addr, v, offset));
}
function storeOf(m: M, t: Type, addr: Expr, v: Expr, offset: number): Expr {
  if (t instanceof FloatType) return t.kind === "f32" ? m.f32.store(offset, 4, addr, v) : m.f64.store(offset, 8, addr, v);
  if (t instanceof VectorType) return m.v128.store(offset, 16, addr, v);
  if (t instanceof IntegerType) {
    if (t.width <= 8) return m.i32.store8(offset, 1, addr, v);
    if (t.width <= 16) return m.i32.store16(offset, 2, addr, v);
    if (t.width <= 32) return m.i32.store(offset, 4, addr, v);
    return m.i64.store(offset, 8, addr, v);
  }
  if (t instanceof IndexType || isPtrType(t)) return m.i32.store(offset, 4, addr, v);
  throw new CompileError(`cannot store a value of type ${t.str}`);
}

// ---- allocation ----
/**
 * Sizes and identity strides of a new buffer or view (`dynSize(k)`: its k-th dynamic size), and
 * its byte count: an i32 constant when the shape is static (over 4 GiB is a compile error: it
 * would wrap), else an f64 product, which cannot wrap: 65536x65537xf32 in i32 arithmetic is
 * 262144 bytes, and the stores would run past them.
 */
export function allocBytes(e: FunctionEmitter, t: MemRefType, dynSize: (k: number) => Field): { bytes: Expr; wide: boolean; sizes: (Field | undefined)[]; strides: (Field | undefined)[] } {
  const m = e.m;
  let k = 0;
  const sizes: (Field | undefined)[] = t.shape.map((s) => (s === DYN ? dynSize(k++) : undefined));
  const sizeF = (i: number): Field => sizes[i] ?? { c: t.shape[i] };
  // Identity strides for dynamic shapes: running products from the innermost dim (they fit in
  // i32 whenever the byte count does), a static size 0 counted as 1 (contiguousStrides).
  const strides: (Field | undefined)[] = new Array(t.rank).fill(undefined);
  let acc: Field = { c: 1 };
  for (let d = t.rank - 1; d >= 0; d--) {
    strides[d] = "c" in acc ? undefined : acc;
    const s = t.shape[d] === 0 ? { c: 1 } : sizeF(d);
    acc = "c" in acc && "c" in s ? { c: acc.c * s.c } : e.toField(m.i32.mul(e.field(acc), e.field(s)));
  }
  const eb = elementBytes(t.elementType);
  if ("c" in acc) {
    const n = t.shape.includes(0) ? 0 : acc.c;
    if (n * eb > 0xffffffff) throw new CompileError(`${t.str} is ${n * eb} bytes, more than a wasm32 memory can hold (4 GiB)`);
    return { bytes: e.i32(n * eb), wide: false, sizes, strides };
  }
  let bytes = m.f64.const(eb);
  for (let d = 0; d < t.rank; d++) {
    const s = sizeF(d);
    bytes = m.f64.mul(bytes, "c" in s ? m.f64.const(s.c) : m.f64.convert_s.i32(e.field(s)));
  }
  return { bytes, wide: true, sizes, strides };
}

register("memref.alloc", (e, op) => {
  const t = op.result.type as MemRefType, m = e.m;
  const align = allocAlignment(op, 64);
  const { bytes, wide, sizes, strides } = allocBytes(e, t, (k) => e.toField(e.get(op.operand(k))));
  // The runtime checks the count (negative, over the memory cap) and says which it was.
  const alloc = e.unit.runtimeImport("alloc", ["f64", "i32"], "i32");
  const p = e.toField(m.call(alloc, [wide ? bytes : m.f64.convert_u.i32(bytes), e.i32(align)], binaryen.i32));
  e.vals.set(op.result, e.memrefFrom(t, p, p, { offset: { c: 0 }, sizes, strides }));
});
register("memref.alloca", (e, op) => {
  const t = op.result.type as MemRefType;
  const align = allocAlignment(op, 16);
  if ((align & (align - 1)) !== 0) throw new CompileError(`memref.alloca: alignment ${align} is not a power of two (not supported)`);
  const { bytes, wide, sizes, strides } = allocBytes(e, t, (k) => e.toField(e.get(op.operand(k))));
  // Saturating: 4 GiB or more (or a negative count, as 0) cannot fit and overflows the stack.
  const p: Field = { l: e.stackAlloc(wide ? e.m.i32.trunc_u_sat.f64(bytes) : bytes, align) };
  e.vals.set(op.result, e.memrefFrom(t, p, p, { offset: { c: 0 }, sizes, strides }));
});
register("memref.dealloc", (e, op) => {
  const v = e.val(op.operand(0));
  const free = e.unit.runtimeImport("free", ["i32"], null);
  const p = v.kind === "memref" ? e.field(v.allocated) : v.kind === "unranked" ? e.m.i32.load(0, 4, e.field(v.desc)) : undefined;
  if (p === undefined) throw new CompileError("dealloc of a non-memref");
  e.emit(e.m.call(free, [p], binaryen.none));
});

// ---- element access ----
register(["memref.load", "affine.load"], (e, op) => {
  const pl = op.name === "memref.load" ? e.promotedLocal(op.operand(0), op.operands.slice(1)) : undefined;
  if (pl !== undefined) { e.define(op.result, e.m.local.get(pl, BT[wasmTypeOf(op.result.type)!])); return; }
  const a = elementAccess(e, op, 1);
  const splat = splatUser(op);
  if (splat) { e.define(splat.op.result, SPLAT_LOADS[splat.bytes](e.m)(a.offset, splat.bytes, a.ptr), "v128"); return; }
  e.define(op.result, loadScalar(e, op.result.type, a.ptr, a.offset));
});

const SPLAT_LOADS: Record<number, (m: M) => (offset: number, align: number, ptr: Expr) => Expr> = {
  1: (m) => m.v128.load8_splat, 2: (m) => m.v128.load16_splat, 4: (m) => m.v128.load32_splat, 8: (m) => m.v128.load64_splat,
};

/**
 * The broadcast that is a load's only use, in the same block: the two become one
 * `v128.load32_splat` (x64: one `vbroadcastss` from memory instead of a scalar load and a
 * shuffle, a uop less per broadcast in a micro-kernel's inner loop). The broadcast then finds
 * its result defined.
 */
function splatUser(load: Operation): { op: Operation; bytes: number } | undefined {
  const uses = load.result.uses;
  if (uses.length !== 1) return undefined;
  const user = uses[0].op;
  if ((user.name !== "vector.broadcast" && user.name !== "vector.splat") || user.parent !== load.parent) return undefined;
  const vl = user.result.type instanceof VectorType ? vectorLanes(user.result.type) : undefined;
  return vl && vl.bytes * vl.lanes === 16 ? { op: user, bytes: vl.bytes } : undefined;
}
register(["memref.store", "affine.store"], (e, op) => {
  const pl = op.name === "memref.store" ? e.promotedLocal(op.operand(1), op.operands.slice(2)) : undefined;
  if (pl !== undefined) { e.emit(e.m.local.set(pl, e.get(op.operand(0)))); return; }
  const a = elementAccess(e, op, 2);
  e.emit(storeScalar(e, e.memref(op.operand(1)).type.elementType, a.ptr, e.get(op.operand(0)), a.offset));
});

/**
 * Address of the element a load/store (memref, affine or vector) touches: the memref is operand
 * `first - 1`, the indices follow it unless given as `operands` (through the `map` of affine
 * ops). Bounds-checked when the unit asks for it; split into loop-invariant and varying parts
 * where the layout is static.
 */
export function elementAccess(e: FunctionEmitter, op: Operation, first: number, width = 1,
                              operands: readonly Value[] = op.operands.slice(first)): { ptr: Expr; offset: number } {
  const memref = op.operand(first - 1), mv = e.memref(memref);
  const map = op.name.startsWith("affine.") ? (op.attr("map") as { map?: AffineMap } | undefined)?.map : undefined;
  const exprs = () => (map ? affineResults(e, map, operands) : operands.map((v) => e.get(v)));
  const checked = e.unit.options.checkBounds ? e.boundsCheck(mv, exprs(), width) : undefined;
  const forms = map ? map.results.map((r) => linearOfAffine(r, operands.slice(0, map.numDims), operands.slice(map.numDims))) : operands.map((v) => linearOfValue(v));
  const a = forms.every((f) => f !== undefined) ? linearAddress(e, memref, mv, forms as Linear[]) : undefined;
  return a ?? { ptr: e.address(mv, checked ?? exprs(), width, false), offset: 0 };
}

// Affine expressions over i32 (index) values, shared with ops-control.ts.
export function affineResults(e: FunctionEmitter, map: AffineMap, operands: readonly Value[]): Expr[] {
  const dims = operands.slice(0, map.numDims), syms = operands.slice(map.numDims);
  return map.results.map((r) => affineExpr(e, r, dims, syms));
}
export function affineExpr(e: FunctionEmitter, x: AffineExpr, dims: readonly Value[], syms: readonly Value[]): Expr {
  const m = e.m;
  switch (x.kind) {
    case "dim": return e.get(dims[x.pos]);
    case "sym": return e.get(syms[x.pos]);
    case "const": return e.i32(x.value);
    case "add": return m.i32.add(affineExpr(e, x.lhs, dims, syms), affineExpr(e, x.rhs, dims, syms));
    case "mul": return m.i32.mul(affineExpr(e, x.lhs, dims, syms), affineExpr(e, x.rhs, dims, syms));
    default: {
      // mod / floordiv / ceildiv with a positive right-hand side (affine rules).
      const a = e.newLocal("i32"), b = e.newLocal("i32");
      e.emit(m.local.set(a, affineExpr(e, x.lhs, dims, syms)));
      e.emit(m.local.set(b, affineExpr(e, x.rhs, dims, syms)));
      const ga = () => m.local.get(a, binaryen.i32), gb = () => m.local.get(b, binaryen.i32);
      if (x.kind === "mod") {
        const r = m.i32.rem_s(ga(), gb());
        const rl = e.newLocal("i32");
        e.emit(m.local.set(rl, r));
        const gr = () => m.local.get(rl, binaryen.i32);
        return m.select(m.i32.lt_s(gr(), e.i32(0)), m.i32.add(gr(), gb()), gr());
      }
      const q = m.i32.div_s(ga(), gb());
      const inexact = m.i32.ne(m.i32.rem_s(ga(), gb()), e.i32(0));
      if (x.kind === "floordiv") return m.i32.sub(q, m.i32.and(inexact, m.i32.lt_s(ga(), e.i32(0))));
      return m.i32.add(q, m.i32.and(inexact, m.i32.gt_s(ga(), e.i32(0))));
    }
  }
}

// ---- descriptors ----
register("memref.dim", (e, op) => {
  const v = e.val(op.operand(0));
  const ix = op.operand(1);
  if (v.kind === "unranked") {
    e.define(op.result, e.m.i32.load(0, 4, e.m.i32.add(e.field(v.desc), e.m.i32.add(e.i32(12), e.m.i32.shl(e.get(ix), e.i32(2))))));
    return;
  }
  if (v.kind !== "memref") throw new CompileError("memref.dim of a non-memref");
  // MLIR's verifier accepts any index (the result is undefined); stop the run as the interpreter does
  const rank = v.sizes.length, m = e.m;
  const outOfRange = (k: Expr) => m.block(null, [m.call(e.unit.runtimeImport("dim_range", ["i32", "i32"], null), [k, e.i32(rank)], binaryen.none), m.unreachable()]);
  const c = constantIndex(ix);
  if (c !== undefined && c >= 0 && c < rank) { e.define(op.result, e.field(v.sizes[c])); return; }
  if (c !== undefined) { e.emit(outOfRange(e.i32(c))); e.define(op.result, e.i32(0)); return; }
  e.emit(m.if(m.i32.ge_u(e.get(ix), e.i32(rank)), outOfRange(e.get(ix))));
  let r: Expr = e.i32(0);
  v.sizes.forEach((s, d) => { r = e.m.select(e.m.i32.eq(e.get(ix), e.i32(d)), e.field(s), r); });
  e.define(op.result, r);
});

register("memref.cast", (e, op) => {
  const src = e.val(op.operand(0)), rt = op.result.type;
  if (src.kind === "memref" && rt instanceof MemRefType) {
    if (e.unit.options.checkBounds) {
      checkCast(e, op, rt, ({ field, dim }) => (field === "rank" ? undefined : field === "size" ? src.sizes[dim] : field === "offset" ? src.offset : src.strides[dim]));
    }
    e.vals.set(op.result, { ...src, type: rt });
    return;
  }
  if (src.kind === "memref" && rt instanceof UnrankedMemRefType) {
    e.vals.set(op.result, { kind: "unranked", rank: { c: src.type.rank }, desc: { l: materializeDescriptor(e, src) } });
    return;
  }
  if (src.kind === "unranked" && rt instanceof MemRefType) {
    const m = e.m, d = src.desc, r = rt.rank;
    const word = (o: number): Field => e.toField(m.i32.load(0, 4, m.i32.add(e.field(d), e.i32(o))));
    // The descriptor's words past the rank check: they are read only once the rank is right.
    if (e.unit.options.checkBounds) {
      checkCast(e, op, rt, ({ field, dim }) => (field === "rank" ? src.rank : word(field === "size" ? 12 + 4 * dim : field === "offset" ? 8 : 12 + 4 * r + 4 * dim)));
    }
    e.vals.set(op.result, e.memrefFrom(rt, word(0), word(4), { offset: word(8), sizes: rt.shape.map((_, i) => word(12 + 4 * i)), strides: rt.shape.map((_, i) => word(12 + 4 * r + 4 * i)) }));
    return;
  }
  if (src.kind === "unranked") { e.vals.set(op.result, src); return; }
  throw new CompileError(`unsupported memref.cast from ${op.operand(0).type.str} to ${rt.str}`);
});

/**
 * Under --check-bounds, stops the run at memref.cast `op` if its operand lacks what the result
 * type `to` fixes (castChecks), as the interpreter always does and MLIR's runtime verification does:
 * `actual` gives the operand's field for a check, or undefined where its type fixes it already.
 * The checks are emitted in order, so a field is read only once those before it passed.
 */
function checkCast(e: FunctionEmitter, op: Operation, to: MemRefType, actual: (c: CastCheck) => Field | undefined): void {
  const m = e.m;
  let site: number | undefined;
  for (const c of castChecks(to)) {
    const f = actual(c);
    if (!f || ("c" in f && f.c === c.want)) continue;
    site ??= e.unit.boundsSite({ fn: e.fnName, site: opSite(op), memref: to.str });
    const fail = e.unit.runtimeImport("cast", ["i32", "i32", "i32", "i32"], null);
    const args = [e.i32(site), e.i32(CAST_FIELDS.indexOf(c.field)), e.i32(c.dim), e.field(f)];
    e.emit(m.if(m.i32.ne(e.field(f), e.i32(c.want)), m.block(null, [m.call(fail, args, binaryen.none), m.unreachable()])));
  }
}

/** Writes a descriptor {allocated, aligned, offset, sizes, strides} on the shadow stack. */
export function materializeDescriptor(e: FunctionEmitter, v: MemrefVal): number {
  const m = e.m, r = v.type.rank;
  const p = e.stackAlloc(e.i32(12 + 8 * r));
  const at = (o: number) => m.i32.add(m.local.get(p, binaryen.i32), e.i32(o));
  const fields = [v.allocated, v.aligned, v.offset, ...v.sizes, ...v.strides];
  fields.forEach((f, i) => e.emit(m.i32.store(0, 4, at(4 * i), e.field(f))));
  return p;
}

/** A mixed static/dynamic entry as a field. */
function mixedField(e: FunctionEmitter, x: number | Value): Field {
  return typeof x === "number" ? { c: x } : e.toField(e.get(x));
}
const mulF = (e: FunctionEmitter, a: Field, b: Field): Field => ("c" in a && "c" in b ? { c: a.c * b.c } : e.toField(e.m.i32.mul(e.field(a), e.field(b))));
const addF = (e: FunctionEmitter, a: Field, b: Field): Field => ("c" in a && "c" in b ? { c: a.c + b.c } : e.toField(e.m.i32.add(e.field(a), e.field(b))));

register("memref.subview", (e, op) => {
  const src = e.memref(op.operand(0)), rt = op.result.type as MemRefType;
  const offs = mixedList(op, "offsets").map((x) => mixedField(e, x));
  const sizes = mixedList(op, "sizes").map((x) => mixedField(e, x));
  const steps = mixedList(op, "strides").map((x) => mixedField(e, x));
  let offset = src.offset;
  offs.forEach((o, d) => { offset = addF(e, offset, mulF(e, o, src.strides[d])); });
  let keepSizes = sizes, keepStrides = steps.map((s, d) => mulF(e, s, src.strides[d]));
  if (rt.rank < src.type.rank) {
    const drop = subviewDrops(op), keep = sizes.map((_, d) => d).filter((d) => !drop.includes(d));
    keepSizes = keep.map((d) => sizes[d]);
    keepStrides = keep.map((d) => keepStrides[d]);
  }
  e.vals.set(op.result, { kind: "memref", type: rt, allocated: src.allocated, aligned: src.aligned, offset, sizes: keepSizes, strides: keepStrides });
});
/** The pointers and offset of a ranked or unranked memref (an unranked one's from its descriptor's first words). */
export function baseOf(e: FunctionEmitter, v: Value): { allocated: Field; aligned: Field; offset: Field } {
  const s = e.val(v);
  if (s.kind === "memref") return s;
  if (s.kind !== "unranked") throw new CompileError(`expected a memref, got ${v.type.str}`);
  const word = (k: number) => e.toField(e.m.i32.load(4 * k, 4, e.field(s.desc)));
  return { allocated: word(0), aligned: word(1), offset: word(2) };
}
register("memref.reinterpret_cast", (e, op) => {
  const { allocated, aligned } = baseOf(e, op.operand(0)), rt = op.result.type as MemRefType;
  const [offset] = mixedList(op, "offsets").map((x) => mixedField(e, x));
  const sizes = mixedList(op, "sizes").map((x) => mixedField(e, x));
  const strides = mixedList(op, "strides").map((x) => mixedField(e, x));
  e.vals.set(op.result, { kind: "memref", type: rt, allocated, aligned, offset, sizes, strides });
});

register("memref.rank", (e, op) => {
  const v = e.val(op.operand(0));
  if (v.kind === "scalar") throw new CompileError("memref.rank of a non-memref");
  e.define(op.result, v.kind === "unranked" ? e.field(v.rank) : e.i32(v.type.rank), "i32");
});

// Hints: nothing to emit (a wrong alignment claim is undefined behaviour, not checked)
register(["memref.assume_alignment", "memref.prefetch"], () => {});
// One linear memory: a memory space changes only the type
register("memref.memory_space_cast", (e, op) => {
  const src = e.val(op.operand(0)), rt = op.result.type;
  if (src.kind === "memref" && rt instanceof MemRefType) { e.vals.set(op.result, { ...src, type: rt }); return; }
  throw new CompileError(`memref.memory_space_cast of ${op.operand(0).type.str} is not supported by the wasm backend`);
});
register("memref.transpose", (e, op) => {
  const src = e.memref(op.operand(0)), perm = permutation(op);
  e.vals.set(op.result, e.memrefFrom(op.result.type as MemRefType, src.allocated, src.aligned,
    { offset: src.offset, sizes: perm.map((d) => src.sizes[d]), strides: perm.map((d) => src.strides[d]) }));
});

// Reshapes are views, with MLIR's strides (as the interpreter): a collapsed group keeps its
// innermost stride; an expanded dim's stride is split row-major over its group.
register("memref.collapse_shape", (e, op) => {
  const src = e.memref(op.operand(0)), groups = reassociation(op) ?? [];
  const sizes = groups.map((g) => g.slice(1).reduce((a, d) => mulF(e, a, src.sizes[d]), src.sizes[g[0]]));
  const strides = groups.map((g) => src.strides[g[g.length - 1]]);
  e.vals.set(op.result, e.memrefFrom(op.result.type as MemRefType, src.allocated, src.aligned, { offset: src.offset, sizes, strides }));
});
register("memref.expand_shape", (e, op) => {
  const src = e.memref(op.operand(0));
  let k = 0;
  const sizes: Field[] = staticList(op, "static_output_shape").map((d) => (d === DYN ? e.toField(e.get(op.operand(1 + k++))) : { c: d }));
  const strides: Field[] = sizes.map(() => ({ c: 1 }));
  (reassociation(op) ?? []).forEach((g, d) => {
    let s = src.strides[d];
    for (let j = g.length - 1; j >= 0; j--) { strides[g[j]] = s; if (j > 0) s = mulF(e, s, sizes[g[j]]); }
  });
  e.vals.set(op.result, e.memrefFrom(op.result.type as MemRefType, src.allocated, src.aligned, { offset: src.offset, sizes, strides }));
});

register("memref.copy", (e, op) => {
  const src = e.memref(op.operand(0)), dst = e.memref(op.operand(1)), m = e.m;
  const contiguous = (v: MemrefVal) => {
    let acc = 1;
    for (let d = v.type.rank - 1; d >= 0; d--) {
      const st = v.strides[d], sz = v.sizes[d];
      if (!("c" in st) || st.c !== acc || !("c" in sz)) return false;
      acc *= sz.c;
    }
    return true;
  };
  if (contiguous(src) && contiguous(dst)) {
    const n = src.sizes.reduce((a, s) => a * ("c" in s ? s.c : 0), 1) * elementBytes(src.type.elementType);
    e.emit(e.trapping(m.memory.copy(e.address(dst, dst.sizes.map(() => e.i32(0))), e.address(src, src.sizes.map(() => e.i32(0))), e.i32(n))));
    return;
  }
  // General strides: an element loop nest.
  forEachIndex(e, src.sizes, (idx) => {
    const v = loadScalar(e, src.type.elementType, e.address(src, idx()));
    e.emit(storeScalar(e, dst.type.elementType, e.address(dst, idx()), v));
  });
});

/**
 * Emits a loop nest over `sizes`; `body` gets a maker of fresh index expressions (binaryen
 * expressions form a tree: one node must never be used twice).
 */
export function forEachIndex(e: FunctionEmitter, sizes: readonly Field[], body: (idx: () => Expr[]) => void): void {
  const m = e.m;
  const ivs: number[] = [];
  const nest = (d: number): void => {
    if (d === sizes.length) { const at = [...ivs]; body(() => at.map((l) => m.local.get(l, binaryen.i32))); return; }
    const iv = e.newLocal("i32");
    ivs.push(iv);
    const brk = e.label("cpx"), cont = e.label("cpl");
    const inner = e.collect(() => nest(d + 1));
    e.emit(m.local.set(iv, e.i32(0)));
    e.emit(m.block(brk, [
      m.br(brk, m.i32.ge_s(m.local.get(iv, binaryen.i32), e.field(sizes[d]))),
      m.loop(cont, m.block(null, [...inner,
        m.local.set(iv, m.i32.add(m.local.get(iv, binaryen.i32), e.i32(1))),
        m.br(cont, m.i32.lt_s(m.local.get(iv, binaryen.i32), e.field(sizes[d])))])),
    ]));
    ivs.pop();
  };
  nest(0);
}

// ---- globals ----
register("memref.get_global", (e, op) => {
  const name = op.attr<SymbolRefAttr>("name")!.root;
  const p = e.toField(e.unit.globalAddress(name));
  e.vals.set(op.result, e.memrefFrom(op.result.type as MemRefType, p, p, { offset: { c: 0 } }));
});
register("llvm.mlir.addressof", (e, op) => {
  const name = op.attr<SymbolRefAttr>("global_name")!.root;
  const s = e.unit.symbol(name);
  if (s && (s.name === "func.func" || s.name === "llvm.func")) {
    // A function's address is its dispatch slot: llvm.call through it is a call_indirect.
    e.define(op.result, e.i32(e.unit.slotOf(name)), "i32");
    return;
  }
  e.define(op.result, e.unit.globalAddress(name), "i32");
});

// ---- llvm pointers ----
register("llvm.load", (e, op) => e.define(op.result, loadScalar(e, op.result.type, e.get(op.operand(0)))));
register("llvm.store", (e, op) => e.emit(storeScalar(e, op.operand(0).type, e.get(op.operand(1)), e.get(op.operand(0)))));
register("llvm.getelementptr", (e, op) => {
  const m = e.m;
  let t: Type = op.attr<TypeAttr>("elem_type")!.type;
  let addr: Expr = e.get(op.operand(0));
  gepIndices(op).forEach((ix, k) => {
    if (k > 0) {
      const x = t as unknown as { elementType?: Type; fields?: readonly Type[] };
      if (x.fields) {
        if (typeof ix !== "number") throw new CompileError("struct GEP index must be constant");
        let off = 0;
        for (let f = 0; f < ix; f++) { const s = llvmSizeOf(x.fields[f]); const al = Math.min(8, llvmSizeOf(x.fields[f + 1] ?? x.fields[f]) || 1); off = Math.ceil((off + s) / al) * al; }
        addr = m.i32.add(addr, e.i32(off));
        t = x.fields[ix];
        return;
      }
      if (!x.elementType) throw new CompileError(`cannot index into ${t.str}`);
      t = x.elementType;
    }
    const size = llvmSizeOf(t);
    if (typeof ix === "number") { if (ix) addr = m.i32.add(addr, e.i32(ix * size)); return; }
    let i = e.get(ix);
    if (wasmTypeOf(ix.type) === "i64") i = m.i32.wrap(i);
    addr = m.i32.add(addr, size === 1 ? i : m.i32.mul(i, e.i32(size)));
  });
  e.define(op.result, addr, "i32");
});
register("llvm.alloca", (e, op) => {
  const t = op.attr<TypeAttr>("elem_type")!.type, m = e.m;
  let n = e.get(op.operand(0));
  if (wasmTypeOf(op.operand(0).type) === "i64") n = m.i32.wrap(n);
  e.define(op.result, m.local.get(e.stackAlloc(m.i32.mul(n, e.i32(llvmSizeOf(t))), op.attr<IntegerAttr>("alignment")?.num ?? 16), binaryen.i32), "i32");
});
register("llvm.ptrtoint", (e, op) => {
  const x = e.get(op.operand(0));
  e.define(op.result, wasmTypeOf(op.result.type) === "i64" ? e.m.i64.extend_u(x) : normInt(e.m, x, op.result.type));
});
register("llvm.inttoptr", (e, op) => {
  const x = e.get(op.operand(0));
  e.define(op.result, wasmTypeOf(op.operand(0).type) === "i64" ? e.m.i32.wrap(x) : x, "i32");
});
register("memref.extract_aligned_pointer_as_index", (e, op) => e.define(op.result, e.field(e.memref(op.operand(0)).aligned)));

export { BT };
