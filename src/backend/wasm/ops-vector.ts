// vector ops on 128-bit vectors (vector<4xf32>, vector<2xf64>, vector<16xi8> ... vector<2xi64>) → v128.
import binaryen from "./binaryen.js";
import type { Operation, Value } from "../../ir/core.js";
import { FloatType, IndexType, IntegerType, type Type, VectorType, i1 } from "../../ir/types.js";
import { PUNCTUATION_CALLS, inBounds, permutationMap, printPunctuation, reductionKind, transferParts } from "../../dialects/vector.js";
import type { StringAttr } from "../../ir/attributes.js";
import { CompileError, type LaneType, type VectorLanes, contiguousRows, unsupportedVector, vectorLanes, wasmTypeOf } from "./abi.js";
import { type Expr, FunctionEmitter, type MemrefVal, i64c, normInt, register } from "./emitter.js";
import { constantIndex } from "../../dialects/arith.js";
import { arrayProp } from "../../dialects/indexing.js";
import { intsProp } from "../../dialects/vector-algebra.js";
import { elementAccess, loadScalar, storeScalar } from "./ops-memory.js";
import { isHalf } from "./half.js";

/** `memory`: the vector is read or written as one run of a memref's last dimension. */
function lanesOf(t: VectorType, memory = false) {
  const vl = vectorLanes(t);
  if (vl?.mask && memory) throw new CompileError(`vectors of i1 (${t.str}) in memory are not supported by the wasm backend`);
  if (!vl) throw unsupportedVector(t);
  if (memory && !contiguousRows(t)) throw new CompileError(`${t.str} spans several rows of the memref, which the wasm backend does not access (use a 1-D vector)`);
  return vl;
}
export function laneNs(m: binaryen.Module, elem: LaneType) {
  switch (elem) {
    case "f32": return m.f32x4;
    case "f64": return m.f64x2;
    case "i8": return m.i8x16;
    case "i16": return m.i16x8;
    case "i32": return m.i32x4;
    case "i64": return m.i64x2;
  }
}
/** Lane `lane` of `v` as a scalar: i8/i16 lanes sign-extended (their canonical form in an i32). */
function extract(m: binaryen.Module, elem: LaneType, v: Expr, lane: number): Expr {
  // binaryen's typings declare the lane as an expression; it is an immediate number.
  const ns = laneNs(m, elem) as unknown as { extract_lane(v: Expr, i: number): Expr; extract_lane_s(v: Expr, i: number): Expr };
  return elem === "i8" || elem === "i16" ? ns.extract_lane_s(v, lane) : ns.extract_lane(v, lane);
}
function replace(m: binaryen.Module, elem: LaneType, v: Expr, lane: number, x: Expr): Expr {
  const ns = laneNs(m, elem) as unknown as { replace_lane(v: Expr, i: number, x: Expr): Expr };
  return ns.replace_lane(v, lane, x);
}

/**
 * A vector op computed lane by lane with the scalar path's code (so each lane equals what the
 * scalar op gives): `f` gets lane k of each operand and returns lane k of `result` (of the op's
 * results, by default its only one).
 */
export function perLane(e: FunctionEmitter, op: Operation, f: (lanes: Expr[]) => Expr, result: Value = op.result): void {
  const m = e.m, vl = lanesOf(result.type as VectorType);
  const ins = op.operands.map((v) => ({ v, l: lanesOf(v.type as VectorType) }));
  const r = e.define(result, m.v128.const(new Array(16).fill(0)), "v128");
  for (let k = 0; k < vl.lanes; k++) { // (mask lanes are 0/-1, the scalar code's i1 0/1)
    const x = f(ins.map(({ v, l }) => fromMaskLane(e, l, extract(m, l.elem, e.get(v), k))));
    e.emit(m.local.set(r, replace(m, vl.elem, m.local.get(r, binaryen.v128), k, toMaskLane(e, vl, x))));
  }
}

register("vector.load", (e, op) => {
  const t = op.result.type as VectorType, vl = lanesOf(t, true);
  const a = elementAccess(e, op, 1, vl.lanes);
  e.define(op.result, e.trapping(e.m.v128.load(a.offset, vl.bytes, a.ptr)), "v128");
});
register("vector.store", (e, op) => {
  const t = op.operand(0).type as VectorType, vl = lanesOf(t, true);
  const a = elementAccess(e, op, 2, vl.lanes);
  e.emit(e.trapping(e.m.v128.store(a.offset, vl.bytes, a.ptr, e.get(op.operand(0)))));
});
register(["vector.broadcast", "vector.splat"], (e, op) => {
  const t = op.result.type as VectorType, vl = lanesOf(t);
  if (e.vals.has(op.result)) return; // its load emitted a load-splat (ops-memory.ts)
  if (op.operand(0).type instanceof VectorType) { lanesOf(op.operand(0).type as VectorType); e.define(op.result, e.get(op.operand(0)), "v128"); return; }
  e.define(op.result, laneNs(e.m, vl.elem).splat(toMaskLane(e, vl, e.get(op.operand(0)))), "v128");
});

/** An i1 (0/1) as a mask lane (0/-1) when `vl` is a mask; other lanes as they are. */
function toMaskLane(e: FunctionEmitter, vl: { elem: string; mask?: boolean }, x: Expr): Expr {
  if (!vl.mask) return x;
  return vl.elem === "i64" ? e.m.i64.sub(i64c(e.m, 0), e.m.i64.extend_u(x)) : e.m.i32.sub(e.i32(0), x);
}
/** A lane read back as a scalar: a mask lane (0/-1) becomes an i1 (0/1). */
function fromMaskLane(e: FunctionEmitter, vl: { elem: string; mask?: boolean }, x: Expr): Expr {
  if (!vl.mask) return x;
  return vl.elem === "i64" ? e.m.i32.wrap(e.m.i64.and(x, i64c(e.m, 1))) : e.m.i32.and(x, e.i32(1));
}
register("vector.reduction", (e, op) => {
  const t = op.operand(0).type as VectorType, vl = lanesOf(t), m = e.m;
  const kind = reductionKind(op);
  const v = e.scalar(op.operand(0));
  const lane = (i: number) => extract(m, vl.elem, m.local.get(v.local, binaryen.v128), i);
  // i8/i16 lanes combine in i32 (sign-extended: signed and unsigned order are kept), wrapped once at the end.
  const f = vl.elem === "f32" ? m.f32 : vl.elem === "f64" ? m.f64 : vl.elem === "i64" ? m.i64 : m.i32;
  const comb: Record<string, (a: Expr, b: Expr) => Expr> = {
    add: (a, b) => (f as typeof m.f32).add(a, b), mul: (a, b) => (f as typeof m.f32).mul(a, b),
  };
  if (vl.elem === "f32" || vl.elem === "f64") {
    const g = f as typeof m.f32;
    Object.assign(comb, { maximumf: g.max, minimumf: g.min,
      maxnumf: (a: Expr, b: Expr) => numMinMax(e, vl.elem, a, b, true), minnumf: (a: Expr, b: Expr) => numMinMax(e, vl.elem, a, b, false) });
  } else {
    const g = f as typeof m.i32;
    Object.assign(comb, { and: g.and, or: g.or, xor: g.xor,
      maxsi: (a: Expr, b: Expr) => selMax(e, vl.elem, a, b, true, true), minsi: (a: Expr, b: Expr) => selMax(e, vl.elem, a, b, false, true),
      maxui: (a: Expr, b: Expr) => selMax(e, vl.elem, a, b, true, false), minui: (a: Expr, b: Expr) => selMax(e, vl.elem, a, b, false, false) });
  }
  const c = comb[kind];
  if (!c) throw new CompileError(`vector.reduction <${kind}> on ${t.str} is not supported`);
  // The accumulator, then lanes 0, 1, 2, ... (LLVM's ordered reduction, as the interpreter folds).
  // Mask lanes (0/-1) order and combine as i1 values do (true is -1 signed); the low bit is the i1.
  // A float <add> without accumulator starts from +0.0, as MLIR lowers it (-0.0 lanes sum to +0.0).
  const acc0 = op.operands.length > 1 ? toMaskLane(e, vl, e.get(op.operand(1)))
    : kind === "add" && (vl.elem === "f32" || vl.elem === "f64") ? (f as typeof m.f32).const(0) : undefined;
  let acc = acc0 !== undefined ? c(acc0, lane(0)) : lane(0);
  for (let i = 1; i < vl.lanes; i++) acc = c(acc, lane(i));
  e.define(op.result, normInt(m, fromMaskLane(e, vl, acc), t.elementType));
});

/** maxnumf/minnumf (scalars, reduction lanes): a NaN operand yields the other (wasm's max/min propagate NaN). */
export function numMinMax(e: FunctionEmitter, elem: string, a: Expr, b: Expr, isMax: boolean): Expr {
  const m = e.m, w = elem === "f64" ? "f64" : "f32", f = w === "f64" ? m.f64 : m.f32, T = binaryen[w];
  const la = e.newLocal(w), lb = e.newLocal(w);
  e.emit(m.local.set(la, a));
  e.emit(m.local.set(lb, b));
  const A = () => m.local.get(la, T), B = () => m.local.get(lb, T);
  const mm = isMax ? f.max(A(), B()) : f.min(A(), B());
  return m.select(f.ne(A(), A()), B(), m.select(f.ne(B(), B()), A(), mm));
}

function selMax(e: FunctionEmitter, elem: string, a: Expr, b: Expr, isMax: boolean, signed: boolean): Expr {
  const m = e.m, w = elem === "i64" ? "i64" : "i32", g = w === "i64" ? m.i64 : m.i32;
  const la = e.newLocal(w), lb = e.newLocal(w);
  e.emit(m.local.set(la, a));
  e.emit(m.local.set(lb, b));
  const T = w === "i64" ? binaryen.i64 : binaryen.i32;
  const A = () => m.local.get(la, T), B = () => m.local.get(lb, T);
  const gt = signed ? g.gt_s(A(), B()) : g.gt_u(A(), B());
  return isMax ? m.select(gt, A(), B()) : m.select(gt, B(), A());
}

/** The lane of an extract/insert (row-major over its position; the dynamic ones must be constants). */
function position(op: Operation, t: VectorType): number {
  const a = op.attr("static_position") as { values?: readonly number[] } | undefined;
  let dyn = op.name === "vector.extract" ? 1 : 2;
  const pos = (a?.values ?? []).map((p) => (p >= 0 ? p : op.operands[dyn] && constantIndex(op.operands[dyn++])));
  if (pos.some((p) => p === undefined)) throw new CompileError(`${op.name} needs a constant lane position in the wasm backend`);
  return pos.reduce((lane: number, p, d) => lane * t.shape[d] + p!, 0);
}
/**
 * A sub-vector `part` of `whole` (both held) at lane `start`: all of its lanes (vector<4xf32> from
 * vector<1x4xf32>), or a row of a mask (vector<4xi1> from vector<2x4xi1>), whose lanes, all ones
 * or zero, are as wide as the lane count makes them: byte i of the result, from byte 0 of its lane.
 * `into`: the whole with the part inserted instead.
 */
function subVector(e: FunctionEmitter, op: Operation, whole: VectorType, part: VectorType, start: number, into?: Value): void {
  const wl = lanesOf(whole), pl = lanesOf(part), n = pl.lanes;
  if (n === wl.lanes) { e.define(op.result, e.get(op.operand(0)), "v128"); return; }
  if (!wl.mask) throw new CompileError(`${op.name} of ${part.str} within ${whole.str} is not supported by the wasm backend`);
  const bytes = Array.from({ length: 16 }, (_, i) => {
    if (!into) return (start + Math.floor(i / pl.bytes)) * wl.bytes;
    const lane = Math.floor(i / wl.bytes);
    return lane >= start && lane < start + n ? 16 + (lane - start) * pl.bytes : i;
  });
  e.define(op.result, e.m.i8x16.shuffle(e.get(into ?? op.operand(0)), e.get(op.operand(0)), bytes), "v128");
}
register(["vector.extract", "vector.extractelement"], (e, op) => {
  const t = op.operand(0).type as VectorType, vl = lanesOf(t);
  if (op.result.type instanceof VectorType) { subVector(e, op, t, op.result.type, position(op, t) * op.result.type.numElements); return; }
  const lane = op.name === "vector.extract" ? position(op, t) : constantIndex(op.operand(1));
  if (lane === undefined) throw new CompileError("vector.extractelement needs a constant position in the wasm backend");
  e.define(op.result, fromMaskLane(e, vl, extract(e.m, vl.elem, e.get(op.operand(0)), lane)));
});
register(["vector.insert", "vector.insertelement"], (e, op) => {
  const t = op.result.type as VectorType, vl = lanesOf(t), x = op.operand(0).type;
  if (x instanceof VectorType) { subVector(e, op, t, x, position(op, t) * x.numElements, op.operand(1)); return; }
  const lane = op.name === "vector.insert" ? position(op, t) : constantIndex(op.operand(2));
  if (lane === undefined) throw new CompileError("vector.insertelement needs a constant position in the wasm backend");
  e.define(op.result, replace(e.m, vl.elem, e.get(op.operand(1)), lane, toMaskLane(e, vl, e.get(op.operand(0)))), "v128");
});

/**
 * vector.print as MLIR lowers it to runner-utils calls: a string (printString), or a scalar or
 * 1-D vector (printF32/F64/I64, printOpen/Comma/Close) and then its punctuation (printNewline
 * ...): what the interpreter prints.
 */
register("vector.print", (e, op) => {
  const m = e.m, v = op.operands[0];
  const call = (name: string, x?: Expr, w: "f32" | "f64" | "i64" | "ptr" = "i64") =>
    e.emit(m.call(e.unit.hostImport(name, x ? [w] : [], x ? [w === "ptr" ? "i32" : w] : [], null), x ? [x] : [], binaryen.none));
  const str = op.attr<StringAttr>("stringLiteral");
  if (str) { call("printString", e.unit.stringAddress(str.value), "ptr"); return; }
  const scalar = (x: Expr, t: Type) => {
    if (t instanceof FloatType && (t.kind === "f32" || t.kind === "f64")) call(t.kind === "f32" ? "printF32" : "printF64", x, t.kind);
    else if (isHalf(t)) call("printF32", x, "f32"); // (its f32 local holds the value exactly; MLIR's printF16 prints it so)
    else if ((t instanceof IntegerType && t.width <= 64) || t instanceof IndexType) { // index as unsigned 64-bit, as MLIR (printU64)
      call(t instanceof IndexType ? "printU64" : "printI64", wasmTypeOf(t) === "i64" ? x : t === i1 ? m.i64.extend_u(x) : m.i64.extend_s(x));
    } else throw new CompileError(`vector.print of ${t.str} is not supported by the wasm backend`);
  };
  if (v?.type instanceof VectorType) {
    const t = v.type, vl = lanesOf(t);
    let k = 0;
    const rows = (d: number): void => { // ( ( 1, 2 ), ( 3, 4 ) ) for vector<2x2xT>
      call("printOpen");
      for (let i = 0; i < t.shape[d]; i++) {
        if (i) call("printComma");
        if (d < t.rank - 1) rows(d + 1);
        else scalar(fromMaskLane(e, vl, extract(m, vl.elem, e.get(v), k++)), t.elementType);
      }
      call("printClose");
    };
    rows(0);
  } else if (v) scalar(e.get(v), v.type);
  const punct = PUNCTUATION_CALLS[printPunctuation(op)];
  if (punct) call(punct);
});

// ---- vector.transfer_read / transfer_write of 1-D vectors ----
// Lane k is the element at the transfer's indices plus k along the dimension the permutation map
// names (none for a broadcast). A lane outside the memref (any index, as the interpreter checks)
// or masked off reads the padding and is not written, as in MLIR. An unmasked transfer along a
// contiguous last dimension is one v128 access: with in_bounds = [true] always (out of bounds is
// undefined in MLIR; --check-bounds stops there), otherwise when a test finds all lanes inside.
interface Transfer { mv: MemrefVal; vl: VectorLanes; indices: Value[]; dim?: number; mask?: Value; contiguous: boolean; inBounds: boolean }

function transferOf(e: FunctionEmitter, op: Operation): Transfer {
  const { source, indices, vector, mask } = transferParts(op);
  const vl = lanesOf(vector as VectorType, true), mv = e.memref(source);
  const r = permutationMap(op).results.at(-1)!; // the lanes' dimension (any others are of size 1)
  const dim = r.kind === "dim" ? r.pos : undefined;
  const last = mv.strides[mv.strides.length - 1];
  const contiguous = !mask && dim !== undefined && dim === mv.sizes.length - 1 && "c" in last && last.c === 1;
  return { mv, vl, indices, dim, mask, contiguous, inBounds: inBounds(op).at(-1) === true };
}

/**
 * The indices, evaluated once into locals, and per lane k: its indices, whether it is to be
 * accessed (inside the memref and not masked off) and its address; `whole`: all lanes inside.
 */
function transferLanes(e: FunctionEmitter, x: Transfer) {
  const m = e.m, get = (l: number) => m.local.get(l, binaryen.i32);
  const ix = x.indices.map((v) => { const l = e.newLocal("i32"); e.emit(m.local.set(l, e.get(v))); return l; });
  const at = (k: number) => ix.map((l, d) => (d === x.dim && k ? m.i32.add(get(l), e.i32(k)) : get(l)));
  const inside = (d: number, i: Expr, n = 1) => (n === 1 ? m.i32.lt_u(i, e.field(x.mv.sizes[d])) : m.i32.le_u(i, e.field(x.mv.sizes[d])));
  // The indices the lanes do not move along are tested once.
  const fixed = ix.map((l, d) => (d === x.dim ? undefined : inside(d, get(l)))).filter((c): c is Expr => c !== undefined);
  const lead = e.newLocal("i32");
  e.emit(m.local.set(lead, fixed.reduce((a, b) => m.i32.and(a, b), e.i32(1))));
  const maskVl = x.mask && lanesOf(x.mask.type as VectorType);
  const maskOn = (k: number) => {
    const l = extract(m, maskVl!.elem, e.get(x.mask!), k); // 0 or -1
    return maskVl!.elem === "i64" ? m.i32.wrap(l) : l;
  };
  const ok = (k: number): Expr => {
    let c = x.dim === undefined ? get(lead) : m.i32.and(get(lead), inside(x.dim, at(k)[x.dim]));
    if (x.mask) c = m.i32.and(c, maskOn(k));
    return c;
  };
  const whole = () => m.i32.and(m.i32.and(get(lead), inside(x.dim!, get(ix[x.dim!]))),
    inside(x.dim!, m.i32.add(get(ix[x.dim!]), e.i32(x.vl.lanes)), x.vl.lanes));
  return { ok, whole, addr: (k: number) => e.address(x.mv, at(k), 1, false) };
}

register("vector.transfer_read", (e, op) => {
  const x = transferOf(e, op), m = e.m, elemType = (op.result.type as VectorType).elementType;
  if (x.contiguous && x.inBounds) {
    const a = elementAccess(e, op, 1, x.vl.lanes, x.indices);
    e.define(op.result, e.trapping(m.v128.load(a.offset, x.vl.bytes, a.ptr)), "v128");
    return;
  }
  const L = transferLanes(e, x);
  const v = e.define(op.result, laneNs(m, x.vl.elem).splat(e.get(transferParts(op).padding!)), "v128");
  const vget = () => m.local.get(v, binaryen.v128);
  const lanes = Array.from({ length: x.vl.lanes }, (_, k) =>
    m.if(L.ok(k), m.local.set(v, replace(m, x.vl.elem, vget(), k, loadScalar(e, elemType, L.addr(k))))));
  if (!x.contiguous) { lanes.forEach((s) => e.emit(s)); return; }
  e.emit(m.if(L.whole(), m.local.set(v, e.trapping(m.v128.load(0, x.vl.bytes, L.addr(0)))), m.block(null, lanes)));
});
register("vector.transfer_write", (e, op) => {
  const x = transferOf(e, op), m = e.m, elemType = (op.operand(0).type as VectorType).elementType;
  if (x.contiguous && x.inBounds) {
    const a = elementAccess(e, op, 2, x.vl.lanes, x.indices);
    e.emit(e.trapping(m.v128.store(a.offset, x.vl.bytes, a.ptr, e.get(op.operand(0)))));
    return;
  }
  const L = transferLanes(e, x);
  const lanes = Array.from({ length: x.vl.lanes }, (_, k) =>
    m.if(L.ok(k), storeScalar(e, elemType, L.addr(k), extract(m, x.vl.elem, e.get(op.operand(0)), k))));
  if (!x.contiguous) { lanes.forEach((s) => e.emit(s)); return; }
  e.emit(m.if(L.whole(), e.trapping(m.v128.store(0, x.vl.bytes, L.addr(0), e.get(op.operand(0)))), m.block(null, lanes)));
});

// ---- lane moves within one v128 ----
// shape_cast and bitcast keep the bits; transpose and shuffle are one i8x16.shuffle of lane bytes.
register(["vector.shape_cast", "vector.bitcast"], (e, op) => {
  lanesOf(op.operand(0).type as VectorType);
  lanesOf(op.result.type as VectorType);
  e.define(op.result, e.get(op.operand(0)), "v128");
});
/** Result lane k takes lane src(k) of `a` (lanes >= a's count: of `b`), byte by byte. */
function shuffleLanes(e: FunctionEmitter, op: Operation, src: (k: number) => number, b?: Value): void {
  const vl = lanesOf(op.result.type as VectorType), w = vl.bytes;
  const bytes = Array.from({ length: 16 }, (_, i) => src(Math.floor(i / w)) * w + (i % w));
  e.define(op.result, e.m.i8x16.shuffle(e.get(op.operand(0)), e.get(b ?? op.operand(0)), bytes), "v128");
}
register("vector.transpose", (e, op) => {
  const t = op.result.type as VectorType, from = (op.operand(0).type as VectorType).shape, perm = arrayProp(op, "permutation");
  const lane = (k: number) => { // k's index in t, permuted back into the source's row-major lane
    const idx = t.shape.map(() => 0);
    for (let d = t.rank - 1; d >= 0; d--) { idx[d] = k % t.shape[d]; k = Math.floor(k / t.shape[d]); }
    const s = from.map(() => 0);
    perm.forEach((p, d) => { s[p] = idx[d]; });
    return s.reduce((acc, x, d) => acc * from[d] + x, 0);
  };
  lanesOf(op.operand(0).type as VectorType);
  shuffleLanes(e, op, lane);
});
register("vector.shuffle", (e, op) => {
  const [a, b] = op.operands.map((v) => v.type as VectorType), mask = intsProp(op, "mask");
  if (a.rank !== 1 || a !== b) throw new CompileError(`vector.shuffle of ${a.str} and ${b.str} is not supported by the wasm backend (1-D operands of one type)`);
  lanesOf(a);
  shuffleLanes(e, op, (k) => mask[k], op.operand(1));
});

// ---- building vectors (step and constant_mask are constants by then: lower-vector-ops) ----
/** Lane k of the result from `lane(k)`, a scalar of the element type, replaced into zeros. */
function fromLanes(e: FunctionEmitter, op: Operation, lane: (k: number) => Expr): void {
  const m = e.m, vl = lanesOf(op.result.type as VectorType);
  const r = e.define(op.result, m.v128.const(new Array(16).fill(0)), "v128");
  for (let k = 0; k < vl.lanes; k++) e.emit(m.local.set(r, replace(m, vl.elem, m.local.get(r, binaryen.v128), k, toMaskLane(e, vl, lane(k)))));
}
register("vector.from_elements", (e, op) => fromLanes(e, op, (k) => e.get(op.operand(k))));
register("vector.create_mask", (e, op) => {
  const t = op.result.type as VectorType;
  if (t.rank !== 1) throw new CompileError(`vector.create_mask of ${t.str} is not supported by the wasm backend (1-D masks)`);
  const n = e.newLocal("i32");
  e.emit(e.m.local.set(n, e.get(op.operand(0))));
  fromLanes(e, op, (k) => e.m.i32.gt_s(e.m.local.get(n, binaryen.i32), e.i32(k)));
});

// ---- vector.maskedload / maskedstore: transfers along the last index, pass_thru for lanes off ----
function maskedOf(e: FunctionEmitter, op: Operation, store: boolean): Transfer {
  const n = op.operands.length, mv = e.memref(op.operand(0)), vt = op.operand(n - 1).type as VectorType;
  return { mv, vl: lanesOf(vt, true), indices: op.operands.slice(1, n - 2), dim: mv.sizes.length - 1, mask: op.operand(n - 2), contiguous: false, inBounds: store };
}
register("vector.maskedload", (e, op) => {
  const x = maskedOf(e, op, false), L = transferLanes(e, x), m = e.m, et = (op.result.type as VectorType).elementType;
  const v = e.define(op.result, e.get(op.operand(op.operands.length - 1)), "v128");
  for (let k = 0; k < x.vl.lanes; k++) {
    e.emit(m.if(L.ok(k), m.local.set(v, replace(m, x.vl.elem, m.local.get(v, binaryen.v128), k, loadScalar(e, et, L.addr(k))))));
  }
});
register("vector.maskedstore", (e, op) => {
  const x = maskedOf(e, op, true), L = transferLanes(e, x), m = e.m, val = op.operand(op.operands.length - 1);
  for (let k = 0; k < x.vl.lanes; k++) e.emit(m.if(L.ok(k), storeScalar(e, (val.type as VectorType).elementType, L.addr(k), extract(m, x.vl.elem, e.get(val), k))));
});
