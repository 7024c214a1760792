// arith and math ops on scalars (and on v128 vectors for the float element-wise ops).
import binaryen from "./binaryen.js";
import { DenseElementsAttr, FloatAttr, IntegerAttr, denseElements } from "../../ir/attributes.js";
import { OpResult, type Operation, type Value } from "../../ir/core.js";
import { FloatType, IndexType, IntegerType, Type, VectorType } from "../../ir/types.js";
import { CMPF_PREDICATES, CMPI_PREDICATES } from "../../dialects/arith.js";
import { roundFloat } from "../../ir/float.js";
import { CompileError, relaxedMaddFused, type LaneType, type VectorLanes, unsupportedVector, vectorLanes, wasmTypeOf } from "./abi.js";
import { type Expr, FunctionEmitter, i64c, normInt, register, unsignedView, BT } from "./emitter.js";
import { laneNs, numMinMax, perLane } from "./ops-vector.js";
import { decodeHalf, encodeHalf, isHalf, roundHalf } from "./half.js";
import { IN_WASM, libmInWasm } from "./libm.js";

type M = binaryen.Module;

/** The i32/i64 instruction namespace for an integer type's wasm type, and its constants. */
function ns(m: M, t: Type) {
  const w = wasmTypeOf(t);
  switch (w) {
    case "i32": return { i: m.i32, w, c: (n: number) => m.i32.const(n) } as const;
    case "i64": return { i: m.i64, w, c: (n: number) => i64c(m, n) } as const;
    default: throw new CompileError(`integer op on ${t.str}`);
  }
}

/** A scalar constant expression of type `t`. */
export function constExpr(m: M, t: Type, v: number | bigint | boolean): Expr {
  if (t instanceof FloatType) return t.kind === "f64" ? m.f64.const(Number(v)) : m.f32.const(roundFloat(Number(v), t));
  const b = typeof v === "boolean" ? (v ? 1n : 0n) : BigInt(v);
  if (t instanceof IntegerType && t.width === 64) return i64c(m, b);
  if (t instanceof IntegerType && t.width === 1) return m.i32.const(Number(b & 1n));
  if (t instanceof IntegerType && t.width < 32) return m.i32.const(Number(BigInt.asIntN(t.width, b)));
  return m.i32.const(Number(BigInt.asIntN(32, b)));
}

/** A v128 constant from per-lane values. */
export function vectorConst(m: M, t: VectorType, lanes: readonly (number | bigint)[]): Expr {
  const vl = vectorLanes(t);
  if (!vl) throw unsupportedVector(t);
  const buf = new DataView(new ArrayBuffer(16));
  for (let i = 0; i < vl.lanes; i++) {
    const x = lanes[lanes.length === 1 ? 0 : i];
    const v = vl.mask ? -BigInt(x) : x; // true is an all-ones lane
    if (vl.elem === "f32") buf.setFloat32(i * 4, Number(v), true);
    else if (vl.elem === "f64") buf.setFloat64(i * 8, Number(v), true);
    else setLaneInt(buf, i * vl.bytes, vl.bytes, BigInt(v));
  }
  return m.v128.const(Array.from(new Uint8Array(buf.buffer)));
}

/** Writes the low `bytes` bytes of `v` at `at`, little endian. */
function setLaneInt(buf: DataView, at: number, bytes: number, v: bigint): void {
  for (let k = 0; k < bytes; k++) buf.setUint8(at + k, Number(BigInt.asUintN(8, v >> BigInt(8 * k))));
}

function constantOp(e: FunctionEmitter, op: Operation): void {
  const written = op.attr("value");
  const a = denseElements(written) ?? written; // (a blob's or a sparse attribute's elements made dense)
  const t = op.result.type;
  if (a instanceof IntegerAttr || a instanceof FloatAttr) { e.defineConstant(op.result, () => constExpr(e.m, t, a.value)); return; }
  if (a instanceof DenseElementsAttr && t instanceof VectorType) {
    const vals = a.isSplat ? [a.values[0]] : [...a.values];
    e.define(op.result, vectorConst(e.m, t, vals), "v128");
    return;
  }
  throw new CompileError(`constant ${a?.str ?? "?"} is not supported (tensor constants must be bufferized first)`);
}
register(["arith.constant", "llvm.mlir.constant"], constantOp);
register(["llvm.mlir.zero", "llvm.mlir.null"], (e, op) => e.define(op.result, e.i32(0), "i32"));
register("llvm.mlir.undef", (e, op) => e.define(op.result, zeroOf(e.m, op.result.type)));
register("ub.poison", (e, op) => e.define(op.result, zeroOf(e.m, op.result.type)));

function zeroOf(m: M, t: Type): Expr {
  if (t instanceof VectorType) return m.v128.const(new Array(16).fill(0));
  return constExpr(m, t, 0);
}

// ---- integer arithmetic ----
type IntOp = (e: FunctionEmitter, a: Expr, b: Expr, t: Type) => Expr;
const INT: Record<string, IntOp> = {
  "arith.addi": (e, a, b, t) => normInt(e.m, ns(e.m, t).i.add(a, b), t),
  "arith.subi": (e, a, b, t) => normInt(e.m, ns(e.m, t).i.sub(a, b), t),
  "arith.muli": (e, a, b, t) => normInt(e.m, ns(e.m, t).i.mul(a, b), t),
  "arith.andi": (e, a, b, t) => ns(e.m, t).i.and(a, b),
  "arith.ori": (e, a, b, t) => ns(e.m, t).i.or(a, b),
  "arith.xori": (e, a, b, t) => normInt(e.m, ns(e.m, t).i.xor(a, b), t),
  "arith.divsi": (e, a, b, t) => normInt(e.m, e.trapping(ns(e.m, t).i.div_s(a, b)), t),
  "arith.remsi": (e, a, b, t) => e.trapping(ns(e.m, t).i.rem_s(a, b)),
  "arith.divui": (e, a, b, t) => normInt(e.m, e.trapping(ns(e.m, t).i.div_u(unsignedView(e.m, a, t), unsignedView(e.m, b, t))), t),
  "arith.remui": (e, a, b, t) => normInt(e.m, e.trapping(ns(e.m, t).i.rem_u(unsignedView(e.m, a, t), unsignedView(e.m, b, t))), t),
  "arith.ceildivui": (e, a, b, t) => {
    const { i, w, c } = ns(e.m, t), m = e.m, ua = local(e, w, unsignedView(m, a, t)), ub = local(e, w, unsignedView(m, b, t));
    const q = local(e, w, e.trapping(i.div_u(ua(), ub())));
    return normInt(m, m.select(i.ne(i.rem_u(ua(), ub()), c(0)), i.add(q(), c(1)), q()), t);
  },
  "arith.floordivsi": (e, a, b, t) => roundedDiv(e, a, b, t, true),
  "arith.ceildivsi": (e, a, b, t) => roundedDiv(e, a, b, t, false),
  "arith.shli": (e, a, b, t) => normInt(e.m, ns(e.m, t).i.shl(a, shiftAmount(e.m, b, t)), t),
  "arith.shrsi": (e, a, b, t) => ns(e.m, t).i.shr_s(a, shiftAmount(e.m, b, t)),
  "arith.shrui": (e, a, b, t) => normInt(e.m, ns(e.m, t).i.shr_u(unsignedView(e.m, a, t), shiftAmount(e.m, b, t)), t),
};
/** `x` in a new local of wasm type `w`; returns a getter (an expression is used once). */
function local(e: FunctionEmitter, w: "i32" | "i64" | "f64", x: Expr): () => Expr {
  const l = e.newLocal(w);
  e.emit(e.m.local.set(l, x));
  return () => e.m.local.get(l, BT[w]);
}
/** floordivsi/ceildivsi: the truncated quotient, one lower (floor) when inexact with the signs
 * differing, one higher (ceil) when inexact with the signs agreeing. */
function roundedDiv(e: FunctionEmitter, a: Expr, b: Expr, t: Type, floor: boolean): Expr {
  const { i, w, c } = ns(e.m, t), m = e.m, x = local(e, w, a), y = local(e, w, b);
  const q = local(e, w, e.trapping(i.div_s(x(), y())));
  const inexact = i.ne(i.rem_s(x(), y()), c(0)), signsDiffer = i.lt_s(i.xor(x(), y()), c(0));
  return normInt(m, floor ? m.select(m.i32.and(inexact, signsDiffer), i.sub(q(), c(1)), q())
    : m.select(m.i32.and(inexact, m.i32.eqz(signsDiffer)), i.add(q(), c(1)), q()), t);
}
/**
 * A shift count taken modulo the width, as wasm takes i32/i64 counts and the interpreter all
 * (past the width is poison in MLIR): an i8 in an i32 local shifted by 9 is x << 1, not 0.
 */
function shiftAmount(m: M, b: Expr, t: Type): Expr {
  if (!(t instanceof IntegerType) || t.width >= 32) return b;
  return m.i32.rem_u(unsignedView(m, b, t), m.i32.const(t.width));
}
register(Object.keys(INT).filter((n) => n !== "arith.divsi"), (e, op) => { // divsi: below
  const t = op.result.type;
  if (t instanceof VectorType) { vectorIntBinary(e, op); return; }
  e.define(op.result, INT[op.name](e, e.get(op.operand(0)), e.get(op.operand(1)), t));
});

// i8/i16 live sign-extended in i32 locals, where MIN / -1 does not overflow: that case divides
// INT32_MIN instead, so it traps as an i32 or i64 division does (and as the interpreter stops).
register("arith.divsi", (e, op) => {
  const t = op.result.type;
  if (t instanceof VectorType) { vectorIntBinary(e, op); return; }
  if (!(t instanceof IntegerType && t.width > 1 && t.width < 32)) { e.define(op.result, INT["arith.divsi"](e, e.get(op.operand(0)), e.get(op.operand(1)), t)); return; }
  const m = e.m, a = e.scalar(op.operand(0)), b = e.scalar(op.operand(1));
  const ga = () => m.local.get(a.local, binaryen.i32), gb = () => m.local.get(b.local, binaryen.i32);
  const overflow = m.i32.and(m.i32.eq(ga(), m.i32.const(-(2 ** (t.width - 1)))), m.i32.eq(gb(), m.i32.const(-1)));
  e.define(op.result, normInt(m, e.trapping(m.i32.div_s(m.select(overflow, m.i32.const(-(2 ** 31)), ga()), gb())), t));
});

register(["arith.maxsi", "arith.minsi", "arith.maxui", "arith.minui"], (e, op) => {
  if (op.result.type instanceof VectorType) { vectorMinMax(e, op); return; }
  const t = op.result.type, { i } = ns(e.m, t);
  const a = e.scalar(op.operand(0)), b = e.scalar(op.operand(1));
  const ga = () => e.m.local.get(a.local, BT[a.wt]), gb = () => e.m.local.get(b.local, BT[b.wt]);
  const u = op.name.endsWith("ui");
  const ua = u ? unsignedView(e.m, ga(), t) : ga(), ub = u ? unsignedView(e.m, gb(), t) : gb();
  // i1 is held as 0/1; its signed view is 0/-1, so signed order is reversed.
  const flip = !u && t instanceof IntegerType && t.width === 1;
  const gt = u ? i.gt_u(ua, ub) : flip ? i.lt_s(ua, ub) : i.gt_s(ua, ub);
  const isMax = op.name.includes("max");
  e.define(op.result, isMax ? e.m.select(gt, ga(), gb()) : e.m.select(gt, gb(), ga()));
});

// ---- extended arithmetic: a second result, the carry or the high half of the product ----
type Extended = (e: FunctionEmitter, a: Expr, b: Expr, t: Type) => [Expr, Expr];
const EXTENDED: Record<string, Extended> = {
  // the carry: the wrapped sum is below an operand (unsigned)
  "arith.addui_extended": (e, a, b, t) => {
    const { i, w } = ns(e.m, t), m = e.m, x = local(e, w, a), s = local(e, w, normInt(m, i.add(x(), b), t));
    return [s(), i.lt_u(unsignedView(m, s(), t), unsignedView(m, x(), t))];
  },
  "arith.mulsi_extended": (e, a, b, t) => mulExtended(e, a, b, t, true),
  "arith.mului_extended": (e, a, b, t) => mulExtended(e, a, b, t, false),
};
register(Object.keys(EXTENDED), (e, op) => {
  const t = op.operand(0).type;
  if (t instanceof VectorType) { op.results.forEach((r, k) => perLane(e, op, ([a, b]) => EXTENDED[op.name](e, a, b, t.elementType)[k], r)); return; }
  const [lo, hi] = EXTENDED[op.name](e, e.get(op.operand(0)), e.get(op.operand(1)), t);
  e.define(op.results[0], lo);
  e.define(op.results[1], hi);
});
/** Low and high halves of the double-width product: up to 32 bits in an i64, i64 in 32-bit limbs. */
function mulExtended(e: FunctionEmitter, a: Expr, b: Expr, t: Type, signedMul: boolean): [Expr, Expr] {
  const m = e.m, L = m.i64, n = width(t);
  const ext = (x: Expr) => (signedMul ? L.extend_s(signed(m, x, t)) : L.extend_u(unsignedView(m, x, t)));
  if (n <= 32) {
    const p = local(e, "i64", L.mul(ext(a), ext(b)));
    return [normInt(m, m.i32.wrap(p()), t), normInt(m, m.i32.wrap((signedMul ? L.shr_s : L.shr_u)(p(), i64c(m, n))), t)];
  }
  const x = local(e, "i64", a), y = local(e, "i64", b), k32 = () => i64c(m, 32), lo = (v: Expr) => L.and(v, i64c(m, 0xffffffffn));
  const [xl, xh, yl, yh] = [lo(x()), L.shr_u(x(), k32()), lo(y()), L.shr_u(y(), k32())].map((v) => local(e, "i64", v));
  const lh = local(e, "i64", L.mul(xl(), yh())), hl = local(e, "i64", L.mul(xh(), yl()));
  const mid = L.add(L.add(L.shr_u(L.mul(xl(), yl()), k32()), lo(lh())), lo(hl()));
  let hi = L.add(L.add(L.add(L.mul(xh(), yh()), L.shr_u(lh(), k32())), L.shr_u(hl(), k32())), L.shr_u(mid, k32()));
  // the signed high half: less y where x < 0, and x where y < 0
  if (signedMul) hi = L.sub(L.sub(hi, L.and(L.shr_s(x(), i64c(m, 63)), y())), L.and(L.shr_s(y(), i64c(m, 63)), x()));
  return [L.mul(x(), y()), hi];
}

register("arith.cmpi", (e, op) => {
  if (op.operand(0).type instanceof VectorType) { vectorCmpi(e, op); return; }
  const t = op.operand(0).type, { i } = ns(e.m, t);
  const pred = CMPI_PREDICATES[op.attr<IntegerAttr>("predicate")!.num];
  let a = e.get(op.operand(0)), b = e.get(op.operand(1));
  if (pred.startsWith("u")) { a = unsignedView(e.m, a, t); b = unsignedView(e.m, b, t); }
  // i1 is held as 0/1; its signed view is 0/-1, so signed order is reversed.
  if (t instanceof IntegerType && t.width === 1 && pred.startsWith("s")) [a, b] = [b, a];
  const f = { eq: i.eq, ne: i.ne, slt: i.lt_s, sle: i.le_s, sgt: i.gt_s, sge: i.ge_s, ult: i.lt_u, ule: i.le_u, ugt: i.gt_u, uge: i.ge_u }[pred];
  e.define(op.result, f(a, b));
});

// ---- float arithmetic ----
const FLOAT_SIMPLE: Record<string, "add" | "sub" | "mul" | "div" | "max" | "min"> = {
  "arith.addf": "add", "arith.subf": "sub", "arith.mulf": "mul", "arith.divf": "div", "arith.maximumf": "max", "arith.minimumf": "min",
};
register(Object.keys(FLOAT_SIMPLE), (e, op) => {
  const t = op.result.type, k = FLOAT_SIMPLE[op.name];
  const a = e.get(op.operand(0)), b = e.get(op.operand(1));
  if (t instanceof VectorType) { e.define(op.result, vecNs(e.m, t)[k](a, b), "v128"); return; }
  e.define(op.result, k === "max" || k === "min" ? exactFns(e.m, t)[k](a, b) : inexact(e, t, [a, b], (w, [x, y]) => e.m[w][k](x, y)));
});
register(["arith.maxnumf", "arith.minnumf"], (e, op) => {
  const t = op.result.type, isMax = op.name === "arith.maxnumf";
  // SIMD's min/max propagate NaN: lane by lane, as the scalar op.
  if (t instanceof VectorType) { perLane(e, op, ([a, b]) => numMinMax(e, exactWasm(t.elementType), a, b, isMax)); return; }
  e.define(op.result, numMinMax(e, exactWasm(t), e.get(op.operand(0)), e.get(op.operand(1)), isMax));
});
register("arith.negf", (e, op) => {
  const t = op.result.type;
  e.define(op.result, t instanceof VectorType ? vecNs(e.m, t).neg(e.get(op.operand(0))) : exactFns(e.m, t).neg(e.get(op.operand(0))));
});
register("arith.remf", (e, op) => {
  const t = op.result.type;
  if (t instanceof VectorType) { perLane(e, op, ([a, b]) => remf(e, a, b, t.elementType)); return; }
  e.define(op.result, remf(e, e.get(op.operand(0)), e.get(op.operand(1)), t));
});
function remf(e: FunctionEmitter, a: Expr, b: Expr, t: Type): Expr {
  return inexact(e, t, [a, b], (w, xs) => e.m.call(e.unit.hostImport(w === "f32" ? "fmodf" : "fmod", [w, w], [w, w], w), xs, BT[w]));
}

register("arith.cmpf", (e, op) => {
  if (op.operand(0).type instanceof VectorType) { vectorCmpf(e, op); return; }
  const t = op.operand(0).type, f = exactFns(e.m, t), m = e.m;
  const pred = CMPF_PREDICATES[op.attr<IntegerAttr>("predicate")!.num];
  const a = e.scalar(op.operand(0)), b = e.scalar(op.operand(1));
  const ga = () => m.local.get(a.local, BT[a.wt]), gb = () => m.local.get(b.local, BT[b.wt]);
  const ord = () => m.i32.and(f.eq(ga(), ga()), f.eq(gb(), gb()));
  const not = (x: Expr) => m.i32.eqz(x);
  const r: Record<string, () => Expr> = {
    false: () => m.i32.const(0), true: () => m.i32.const(1),
    oeq: () => f.eq(ga(), gb()), ogt: () => f.gt(ga(), gb()), oge: () => f.ge(ga(), gb()), olt: () => f.lt(ga(), gb()), ole: () => f.le(ga(), gb()),
    one: () => m.i32.or(f.lt(ga(), gb()), f.gt(ga(), gb())), ord,
    ueq: () => not(m.i32.or(f.lt(ga(), gb()), f.gt(ga(), gb()))),
    ugt: () => not(f.le(ga(), gb())), uge: () => not(f.lt(ga(), gb())), ult: () => not(f.ge(ga(), gb())), ule: () => not(f.gt(ga(), gb())),
    une: () => f.ne(ga(), gb()), uno: () => not(ord()),
  };
  e.define(op.result, r[pred]());
});

register("arith.select", (e, op) => {
  const v = e.val(op.operand(1));
  if (v.kind === "memref") {
    // A select of descriptors: select every field (static fields are equal by type).
    const w = e.memref(op.operand(2)), c = e.get(op.operand(0));
    const cl = e.newLocal("i32");
    e.emit(e.m.local.set(cl, c));
    const sel = (x: typeof v.aligned, y: typeof v.aligned) => ("c" in x && "c" in y && x.c === y.c ? x : e.toField(e.m.select(e.m.local.get(cl, binaryen.i32), e.field(x), e.field(y))));
    e.vals.set(op.result, { ...v, allocated: sel(v.allocated, w.allocated), aligned: sel(v.aligned, w.aligned), offset: sel(v.offset, w.offset),
      sizes: v.sizes.map((s, i) => sel(s, w.sizes[i])), strides: v.strides.map((s, i) => sel(s, w.strides[i])) });
    return;
  }
  // A vector condition is a mask: bitselect takes each lane from the true or the false value.
  if (op.operand(0).type instanceof VectorType) { e.define(op.result, e.m.v128.bitselect(e.get(op.operand(1)), e.get(op.operand(2)), e.get(op.operand(0))), "v128"); return; }
  e.define(op.result, e.m.select(e.get(op.operand(0)), e.get(op.operand(1)), e.get(op.operand(2))));
});

/** Lane-wise cmpf: a mask (all ones where the predicate holds), as the scalar form's predicates. */
function vectorCmpf(e: FunctionEmitter, op: Operation): void {
  const m = e.m, f = vecNs(m, op.operand(0).type as VectorType);
  const pred = CMPF_PREDICATES[op.attr<IntegerAttr>("predicate")!.num];
  const ga = () => e.get(op.operand(0)), gb = () => e.get(op.operand(1));
  const ord = () => m.v128.and(f.eq(ga(), ga()), f.eq(gb(), gb()));
  const not = m.v128.not, ones = () => m.v128.const(new Array(16).fill(255));
  const r: Record<string, () => Expr> = {
    false: () => m.v128.const(new Array(16).fill(0)), true: ones,
    oeq: () => f.eq(ga(), gb()), ogt: () => f.gt(ga(), gb()), oge: () => f.ge(ga(), gb()), olt: () => f.lt(ga(), gb()), ole: () => f.le(ga(), gb()),
    one: () => m.v128.or(f.lt(ga(), gb()), f.gt(ga(), gb())), ord,
    ueq: () => not(m.v128.or(f.lt(ga(), gb()), f.gt(ga(), gb()))),
    ugt: () => not(f.le(ga(), gb())), uge: () => not(f.lt(ga(), gb())), ult: () => not(f.ge(ga(), gb())), ule: () => not(f.gt(ga(), gb())),
    une: () => f.ne(ga(), gb()), uno: () => not(ord()),
  };
  e.define(op.result, r[pred](), "v128");
}

/** Lane-wise cmpi on integer lanes: a mask (all ones where the predicate holds). */
function vectorCmpi(e: FunctionEmitter, op: Operation): void {
  const t = op.operand(0).type as VectorType, vl = vectorLanes(t);
  if (!intLaneNs(e.m, vl)) throw new CompileError(`arith.cmpi on ${t.str} is not supported`);
  const pred = CMPI_PREDICATES[op.attr<IntegerAttr>("predicate")!.num];
  e.define(op.result, compareLanes(e.m, vl!.elem, pred, e.get(op.operand(0)), e.get(op.operand(1))), "v128");
}
const SIMD_CMPI: Record<string, string> = { eq: "eq", ne: "ne", slt: "lt_s", sle: "le_s", sgt: "gt_s", sge: "ge_s", ult: "lt_u", ule: "le_u", ugt: "gt_u", uge: "ge_u" };
function compareLanes(m: M, elem: LaneType, pred: string, a: Expr, b: Expr): Expr {
  // i64x2 has no unsigned compares: with the sign bits flipped, signed order is unsigned order.
  if (elem === "i64" && pred.startsWith("u")) {
    const sign = () => m.v128.const([0, 0, 0, 0, 0, 0, 0, 128, 0, 0, 0, 0, 0, 0, 0, 128]);
    [a, b, pred] = [m.v128.xor(a, sign()), m.v128.xor(b, sign()), `s${pred.slice(1)}`];
  }
  const n = laneNs(m, elem) as unknown as Record<string, (x: Expr, y: Expr) => Expr>;
  return n[SIMD_CMPI[pred]](a, b);
}
/** Lane-wise max/min: one SIMD op on i8..i32 lanes; i64x2 has none: a compare picks the lanes. */
function vectorMinMax(e: FunctionEmitter, op: Operation): void {
  const m = e.m, t = op.result.type as VectorType, vl = vectorLanes(t), n = intLaneNs(m, vl);
  if (!n) throw new CompileError(`${op.name} on ${t.str} is not supported`);
  const isMax = op.name.includes("max"), u = op.name.endsWith("ui") ? "u" : "s";
  const a = () => e.get(op.operand(0)), b = () => e.get(op.operand(1));
  const r = vl!.elem === "i64" ? m.v128.bitselect(a(), b(), compareLanes(m, "i64", `${u}${isMax ? "gt" : "lt"}`, a(), b()))
    : (n as typeof m.i32x4)[`${isMax ? "max" : "min"}_${u}`](a(), b());
  e.define(op.result, r, "v128");
}

// ---- casts ----
const width = (t: Type) => (t instanceof IntegerType ? t.width : t instanceof IndexType ? 32 : 0);
/** Sign-extended i32/i64 value of a canonical integer (i1 true becomes -1). */
function signed(m: M, x: Expr, t: Type): Expr { return t instanceof IntegerType && t.width === 1 ? m.i32.sub(m.i32.const(0), x) : x; }

function intResize(e: FunctionEmitter, x: Expr, from: Type, to: Type, zext: boolean): Expr {
  const m = e.m, wf = width(from), wt = width(to);
  const src = zext ? unsignedView(m, x, from) : signed(m, x, from);
  if (wf <= 32 && wt <= 32) return normInt(m, src, to);
  if (wf <= 32 && wt === 64) return zext ? m.i64.extend_u(src) : m.i64.extend_s(src);
  if (wf === 64 && wt <= 32) return normInt(m, m.i32.wrap(x), to);
  if (wf === 64 && wt === 64) return x;
  throw new CompileError(`cannot cast ${from.str} to ${to.str}`);
}
/** A cast of a whole v128: SIMD has the i32 <-> f32 lane conversions and the i1 mask casts of a
 * lane width; an index_cast between index and i32 keeps the lanes (both 32 bits); other casts
 * keeping the lane count go lane by lane through the scalar code; the rest are refused. */
function vectorCast(e: FunctionEmitter, op: Operation, scalar?: (x: Expr, from: Type, to: Type) => Expr): boolean {
  const from = op.operand(0).type, to = op.result.type;
  if (!(from instanceof VectorType) || !(to instanceof VectorType)) return false;
  const m = e.m, x = () => e.get(op.operand(0)), vf = vectorLanes(from), vt = vectorLanes(to);
  const conv: Record<string, () => Expr> = {
    "arith.sitofp i32 f32": () => m.f32x4.convert_i32x4_s(x()), "arith.uitofp i32 f32": () => m.f32x4.convert_i32x4_u(x()),
    "arith.fptosi f32 i32": () => m.i32x4.trunc_sat_f32x4_s(x()), "arith.fptoui f32 i32": () => m.i32x4.trunc_sat_f32x4_u(x()),
  };
  const lane = (l?: VectorLanes) => (l?.mask ? "i1" : l?.elem); // (i1 masks are not i32 lanes to convert)
  const f = conv[`${op.name} ${lane(vf)} ${lane(vt)}`] ?? (vf && vt && vf.lanes === vt.lanes ? sameLanesCast(e, op.name, vf, vt, x) : undefined);
  if (!f && scalar && vf && vt && vf.lanes === vt.lanes) {
    perLane(e, op, ([x]) => scalar(x, from.elementType, to.elementType));
    return true;
  }
  if (!f) throw new CompileError(`${op.name} from ${from.str} to ${to.str} is not supported`);
  e.define(op.result, f(), "v128");
  return true;
}
/** Casts between lanes of one width: the same bits, or an i1 mask (lanes all ones or zero) made
 * from the low bit (trunci) or widened back (extsi keeps it, extui takes its low bit). */
function sameLanesCast(e: FunctionEmitter, name: string, vf: VectorLanes, vt: VectorLanes, x: () => Expr): (() => Expr) | undefined {
  if (vf.bytes !== vt.bytes || vf.elem.startsWith("f") || vt.elem.startsWith("f")) return undefined;
  const ns = laneNs(e.m, vt.elem) as typeof e.m.i32x4, top = () => e.i32(vf.bytes * 8 - 1);
  if (!vf.mask && !vt.mask) return name === "arith.index_cast" || name === "arith.index_castui" ? x : undefined;
  if (vt.mask) return /trunc/.test(name) ? () => ns.shr_s(ns.shl(x(), top()), top()) : undefined;
  return /extsi|sext/.test(name) ? x : /extui|zext/.test(name) ? () => ns.shr_u(x(), top()) : undefined;
}

function integerCast(e: FunctionEmitter, op: Operation, zext: boolean): void {
  const resize = (x: Expr, from: Type, to: Type) => intResize(e, x, from, to, zext);
  if (!vectorCast(e, op, resize)) e.define(op.result, resize(e.get(op.operand(0)), op.operand(0).type, op.result.type));
}
register(["arith.index_cast", "arith.extsi", "arith.trunci", "llvm.sext", "llvm.trunc"], (e, op) => integerCast(e, op, false));
register(["arith.index_castui", "arith.extui", "llvm.zext"], (e, op) => integerCast(e, op, true));

register(["arith.sitofp", "arith.uitofp"], (e, op) => {
  const u = op.name === "arith.uitofp";
  const conv = (x: Expr, from: Type, to: Type) => {
    const m = e.m, f = (to as FloatType).kind === "f32" ? m.f32 : m.f64;
    x = u ? unsignedView(m, x, from) : signed(m, x, from);
    // To f16/bf16 through f64, rounding twice from i64 as the interpreter does (Number(), then the type).
    const r = width(from) === 64 ? (u ? f.convert_u.i64(x) : f.convert_s.i64(x)) : (u ? f.convert_u.i32(x) : f.convert_s.i32(x));
    return isHalf(to) ? roundHalf(e, to, r) : r;
  };
  if (vectorCast(e, op, conv)) return;
  e.define(op.result, conv(e.get(op.operand(0)), op.operand(0).type, op.result.type));
});
register(["arith.fptosi", "arith.fptoui"], (e, op) => {
  const u = op.name === "arith.fptoui";
  const conv = (x: Expr, from: Type, to: Type) => {
    const m = e.m, i = width(to) === 64 ? m.i64 : m.i32, k = u ? i.trunc_u_sat : i.trunc_s_sat;
    return normInt(m, wasmTypeOf(from) === "f32" ? k.f32(x) : k.f64(x), to);
  };
  if (vectorCast(e, op, conv)) return;
  e.define(op.result, conv(e.get(op.operand(0)), op.operand(0).type, op.result.type));
});
register(["arith.extf", "llvm.fpext", "arith.truncf", "llvm.fptrunc"], (e, op) => vectorCast(e, op)
  || e.define(op.result, convertFloat(e, e.get(op.operand(0)), op.operand(0).type, op.result.type)));
/** A float of type `from` as type `to`: widened exactly, rounded once when narrowed. */
function convertFloat(e: FunctionEmitter, x: Expr, from: Type, to: Type): Expr {
  return wasmTypeOf(from) === wasmTypeOf(to) && !isHalf(to) ? x : fromF64(e, to, toF64(e.m, from, x));
}
register(["arith.bitcast", "llvm.bitcast"], (e, op) => {
  if (isHalf(op.operand(0).type) || isHalf(op.result.type)) { e.define(op.result, halfBitcast(e, e.get(op.operand(0)), op.operand(0).type, op.result.type)); return; }
  const m = e.m, x = e.get(op.operand(0)), to = wasmTypeOf(op.result.type), from = wasmTypeOf(op.operand(0).type);
  if (to === from) { e.define(op.result, x); return; }
  const r = to === "f32" ? m.f32.reinterpret(x) : to === "f64" ? m.f64.reinterpret(x) : to === "i32" ? m.i32.reinterpret(x) : m.i64.reinterpret(x);
  e.define(op.result, r);
});

/** A bitcast from or to f16/bf16 goes through the 16-bit pattern (an i16 is sign-extended in its local). */
function halfBitcast(e: FunctionEmitter, x: Expr, from: Type, to: Type): Expr {
  const bits = isHalf(from) ? encodeHalf(e, from, e.m.f64.promote(x)) : x;
  return isHalf(to) ? decodeHalf(e, to, bits) : normInt(e.m, bits, to);
}

// ---- float helpers and math ----
/** The wasm float type that computes ops of f32 or f64 type `t`. */
function floatWasm(t: Type): "f32" | "f64" {
  if (t instanceof FloatType && (t.kind === "f32" || t.kind === "f64")) return t.kind;
  throw new CompileError(`float op on ${t.str}`);
}
/**
 * The wasm type, and instructions, for an op whose result is exact in its type `t` (one of the
 * operands, a comparison, a negation, an integer-valued rounding): f16/bf16 use f32's on their
 * f32 locals.
 */
const exactWasm = (t: Type): "f32" | "f64" => (isHalf(t) ? "f32" : floatWasm(t));
const exactFns = (m: M, t: Type) => m[exactWasm(t)];
/**
 * An op whose exact result may not fit its type `t`: `f` computes it in wasm type `w` from
 * operands of that type. f16/bf16 compute in f64 from their (exact) operands and round once to
 * the type, as the interpreter does.
 */
function inexact(e: FunctionEmitter, t: Type, xs: Expr[], f: (w: "f32" | "f64", xs: Expr[]) => Expr): Expr {
  if (!isHalf(t)) return f(floatWasm(t), xs);
  return roundHalf(e, t, f("f64", xs.map((x) => e.m.f64.promote(x))));
}
/** A float of type `t` widened (exactly) to f64. */
function toF64(m: M, t: Type, x: Expr): Expr { return wasmTypeOf(t) === "f32" ? m.f64.promote(x) : x; }
/** An f64 rounded once to float type `t`. */
function fromF64(e: FunctionEmitter, t: Type, x: Expr): Expr {
  if (isHalf(t)) return roundHalf(e, t, x);
  return floatWasm(t) === "f32" ? e.m.f32.demote(x) : x;
}
function vecNs(m: M, t: VectorType) {
  const vl = vectorLanes(t);
  if (vl?.elem === "f32") return m.f32x4;
  if (vl?.elem === "f64") return m.f64x2;
  throw new CompileError(`vector float op on ${t.str}`);
}
/** The SIMD instructions of a vector of integer lanes (not a mask), else undefined. */
function intLaneNs(m: M, vl: VectorLanes | undefined) {
  if (!vl || vl.mask || vl.elem === "f32" || vl.elem === "f64") return undefined;
  return laneNs(m, vl.elem) as typeof m.i8x16 | typeof m.i16x8 | typeof m.i32x4 | typeof m.i64x2;
}
function vectorIntNs(e: FunctionEmitter, t: VectorType, what: string) {
  const n = intLaneNs(e.m, vectorLanes(t));
  if (!n) throw new CompileError(`${what} on ${t.str} is not supported`);
  return n;
}
function vectorIntBinary(e: FunctionEmitter, op: Operation): void {
  const t = op.result.type as VectorType, vl = vectorLanes(t), n = intLaneNs(e.m, vl);
  const a = e.get(op.operand(0)), b = e.get(op.operand(1));
  const k = { "arith.addi": "add", "arith.subi": "sub", "arith.muli": "mul" }[op.name] as "add" | "sub" | "mul" | undefined;
  // (SIMD has no i8x16.mul: those go lane by lane below)
  if (n && k && !(k === "mul" && vl!.elem === "i8")) { e.define(op.result, n[k](a, b), "v128"); return; }
  // On i1 masks addition and subtraction are xor, multiplication is and.
  if (vl?.mask && k) { e.define(op.result, k === "mul" ? e.m.v128.and(a, b) : e.m.v128.xor(a, b), "v128"); return; }
  if (op.name === "arith.andi") { e.define(op.result, e.m.v128.and(a, b), "v128"); return; }
  if (op.name === "arith.ori") { e.define(op.result, e.m.v128.or(a, b), "v128"); return; }
  if (op.name === "arith.xori") { e.define(op.result, e.m.v128.xor(a, b), "v128"); return; }
  if (!n || vl?.mask || !INT[op.name]) throw new CompileError(`${op.name} on ${t.str} is not supported`);
  // A shift by one amount for all lanes is one SIMD shift (which also takes the amount modulo
  // the lane width); other shifts and the divisions go lane by lane through the scalar code.
  const shift = SIMD_SHIFT[op.name], amount = shift && uniformAmount(e, op.operand(1));
  if (shift && amount) { e.define(op.result, n[shift](a, vl!.elem === "i64" ? e.m.i32.wrap(amount) : amount), "v128"); return; }
  perLane(e, op, ([x, y]) => INT[op.name](e, x, y, t.elementType));
}
const SIMD_SHIFT: Record<string, "shl" | "shr_s" | "shr_u"> = { "arith.shli": "shl", "arith.shrsi": "shr_s", "arith.shrui": "shr_u" };
/** The scalar a vector holds in every lane, when it is a splat constant or a broadcast of a scalar. */
function uniformAmount(e: FunctionEmitter, v: Value): Expr | undefined {
  const d = v instanceof OpResult ? v.owner : undefined;
  const a = d?.name === "arith.constant" ? d.attr("value") : undefined;
  if (a instanceof DenseElementsAttr && a.isSplat) return constExpr(e.m, (v.type as VectorType).elementType, a.values[0]);
  const src = (d?.name === "vector.broadcast" || d?.name === "vector.splat") ? d.operand(0) : undefined;
  // (a broadcast of a load may have become a load-splat that left the scalar undefined)
  return src && !(src.type instanceof VectorType) && e.vals.has(src) ? e.get(src) : undefined;
}

const MATH_NATIVE: Record<string, "sqrt" | "abs" | "floor" | "ceil" | "trunc" | "nearest"> = {
  "math.sqrt": "sqrt", "math.absf": "abs", "math.floor": "floor", "math.ceil": "ceil", "math.trunc": "trunc", "math.roundeven": "nearest",
};
register(Object.keys(MATH_NATIVE), (e, op) => {
  const t = op.result.type, k = MATH_NATIVE[op.name], x = e.get(op.operand(0));
  if (t instanceof VectorType) { e.define(op.result, vecNs(e.m, t)[k](x), "v128"); return; }
  e.define(op.result, k === "sqrt" ? inexact(e, t, [x], (w, [y]) => e.m[w].sqrt(y)) : exactFns(e.m, t)[k](x));
});
// rsqrt: 1 / sqrt(x), each rounded to the type (as MLIR expands it and the interpreter computes).
register("math.rsqrt", (e, op) => {
  const t = op.result.type, x = e.get(op.operand(0));
  if (t instanceof VectorType) { const f = vecNs(e.m, t); e.define(op.result, f.div(vectorConst(e.m, t, [1]), f.sqrt(x)), "v128"); return; }
  const root = inexact(e, t, [x], (w, [y]) => e.m[w].sqrt(y));
  e.define(op.result, inexact(e, t, [constExpr(e.m, t, 1), root], (w, [one, y]) => e.m[w].div(one, y)));
});
register("math.copysign", (e, op) => {
  const t = op.result.type, a = e.get(op.operand(0)), b = e.get(op.operand(1));
  if (!(t instanceof VectorType)) { e.define(op.result, exactFns(e.m, t).copysign(a, b)); return; }
  // SIMD has no copysign: the sign bits (each lane's top byte's top bit) from b, the rest from a.
  const w = vectorLanes(t)!.bytes;
  const sign = e.m.v128.const(Array.from({ length: 16 }, (_, i) => (i % w === w - 1 ? 0x80 : 0)));
  e.define(op.result, e.m.v128.bitselect(b, a, sign), "v128");
});
register("math.absi", (e, op) => {
  const t = op.result.type;
  if (t instanceof VectorType) { e.define(op.result, vectorIntNs(e, t, "math.absi").abs(e.get(op.operand(0))), "v128"); return; }
  const { i, c } = ns(e.m, t), x = e.scalar(op.operand(0)), m = e.m;
  const g = () => m.local.get(x.local, BT[x.wt]);
  const zero = () => c(0);
  e.define(op.result, normInt(m, m.select(i.lt_s(g(), zero()), i.sub(zero(), g()), g()), t));
});
// Bit counts of the type's width (index: 64 bits, as MLIR's), of 0 the width.
register(["math.ctlz", "math.cttz", "math.ctpop"], (e, op) => {
  const t = op.result.type;
  if (t instanceof VectorType) { perLane(e, op, ([x]) => bitCount(e, op.name, x, t.elementType)); return; }
  e.define(op.result, bitCount(e, op.name, e.get(op.operand(0)), t));
});
function bitCount(e: FunctionEmitter, name: string, x: Expr, t: Type): Expr {
  const m = e.m;
  if (t instanceof IndexType) return m.i32.wrap(bitCount(e, name, m.i64.extend_s(x), IntegerType.get(64)));
  const { i } = ns(m, t), n = width(t), u = unsignedView(m, x, t), narrow = n < 32;
  if (name === "math.ctpop") return normInt(m, i.popcnt(u), t);
  if (name === "math.ctlz") return normInt(m, narrow ? m.i32.sub(m.i32.clz(u), m.i32.const(32 - n)) : i.clz(u), t);
  return normInt(m, narrow ? m.i32.ctz(m.i32.or(u, m.i32.const(1 << n))) : i.ctz(u), t);
}

// math.fma and vector.fma round once, as MLIR's llvm.intr.fma. vector.fma on f32 lanes is a
// relaxed-SIMD madd where that rounds once on this machine, or when asked for (faster, then not
// bit-exact where it does not).
register(["math.fma", "vector.fma"], (e, op) => {
  const t = op.result.type, m = e.m;
  if (op.name === "vector.fma" && vectorLanes(t as VectorType)?.elem === "f32" &&
      (e.unit.options.relaxedSimd || relaxedMaddFused())) {
    // binaryen's JS API has no relaxed_madd helper; the C API is exposed (FACTS.md).
    const B = binaryen as unknown as { _BinaryenSIMDTernary(mod: number, op: number, a: Expr, b: Expr, c: Expr): Expr; RelaxedMaddVecF32x4: number };
    const [a, b, c] = op.operands.map((v) => e.get(v));
    e.define(op.result, B._BinaryenSIMDTernary((m as unknown as { ptr: number }).ptr, B.RelaxedMaddVecF32x4, a, b, c), "v128");
    return;
  }
  if (t instanceof VectorType) { perLane(e, op, ([a, b, c]) => fma(e, a, b, c, t.elementType)); return; }
  e.define(op.result, fma(e, e.get(op.operand(0)), e.get(op.operand(1)), e.get(op.operand(2)), t));
});
/**
 * a*b+c rounded once, as the interpreter (ir/float.ts): below f64 the product is exact in f64,
 * the sum is rounded to odd (TwoSum tells whether it was inexact, and which way), then to the
 * type. f64 has no wider type: the host's fma.
 */
function fma(e: FunctionEmitter, a: Expr, b: Expr, c: Expr, t: Type): Expr {
  const m = e.m, f = m.f64, T = binaryen.f64;
  if (!isHalf(t) && floatWasm(t) === "f64") return m.call(e.unit.hostImport("fma", ["f64", "f64", "f64"], ["f64", "f64", "f64"], "f64"), [a, b, c], T);
  const l = (x: Expr) => local(e, "f64", x);
  const p = l(f.mul(toF64(m, t, a), toF64(m, t, b))), C = l(toF64(m, t, c));
  const s = l(f.add(p(), C())), z = l(f.sub(s(), p()));
  const err = l(f.add(f.sub(p(), f.sub(s(), z())), f.sub(C(), z())));
  const bits = () => m.i64.reinterpret(s());
  const inexactEven = m.i32.and(m.i32.and(f.ne(err(), f.const(0)), m.i64.eqz(m.i64.and(bits(), i64c(m, 1n)))),
    f.eq(f.sub(s(), s()), f.const(0))); // (s finite)
  const away = m.i32.eq(f.gt(err(), f.const(0)), f.gt(s(), f.const(0)));
  const odd = f.reinterpret(m.select(away, m.i64.add(bits(), i64c(m, 1n)), m.i64.sub(bits(), i64c(m, 1n))));
  return fromF64(e, t, m.select(inexactEven, odd, s()));
}

/** Transcendentals go to the host's libm (the same functions the interpreter uses), but for those libm.ts computes in wasm. */
const LIBM: Record<string, string> = {
  "math.exp": "exp", "math.exp2": "exp2", "math.expm1": "expm1", "math.log": "log", "math.log2": "log2", "math.log10": "log10",
  "math.log1p": "log1p", "math.cbrt": "cbrt", "math.tanh": "tanh", "math.sin": "sin", "math.cos": "cos", "math.tan": "tan",
  "math.atan": "atan", "math.acos": "acos", "math.asin": "asin", "math.sinh": "sinh", "math.cosh": "cosh", "math.acosh": "acosh",
  "math.asinh": "asinh", "math.atanh": "atanh", "math.round": "round", "math.powf": "pow", "math.atan2": "atan2", "math.erf": "erf",
};
register(Object.keys(LIBM), (e, op) => {
  const t = op.result.type;
  if (t instanceof VectorType) { perLane(e, op, (xs) => libm(e, op.name, xs, t.elementType)); return; }
  e.define(op.result, libm(e, op.name, op.operands.map((v) => e.get(v)), t));
});
function libm(e: FunctionEmitter, op: string, args: Expr[], t: Type): Expr {
  if (!(t instanceof FloatType)) throw new CompileError(`${op} on ${t.str} is not supported`);
  const own = IN_WASM[op];
  if (own) return inexact(e, t, args, (w, [x]) => libmInWasm(e, own, x, w === "f32"));
  return inexact(e, t, args, (w, xs) =>
    e.m.call(e.unit.hostImport(LIBM[op] + (w === "f32" ? "f" : ""), xs.map(() => w), xs.map(() => w), w), xs, BT[w]));
}

// ipowi by squaring: products wrap in the i32/i64 local and are normalized to the width once.
// A negative power is 0 except of 1 and -1; of 0 it divides by zero (a trap, as the interpreter).
register("math.ipowi", (e, op) => {
  const t = op.result.type;
  if (t instanceof VectorType) { perLane(e, op, ([a, b]) => ipowi(e, a, b, t.elementType)); return; }
  e.define(op.result, ipowi(e, e.get(op.operand(0)), e.get(op.operand(1)), t));
});
function ipowi(e: FunctionEmitter, a: Expr, b: Expr, t: Type): Expr {
  const m = e.m, { i, w, c } = ns(m, t), T = BT[w];
  const x = e.newLocal(w), n = e.newLocal(w), r = e.newLocal(w);
  const g = (l: number) => m.local.get(l, T);
  e.emit(m.local.set(x, signed(m, a, t)));
  e.emit(m.local.set(n, signed(m, b, t)));
  e.emit(m.local.set(r, c(1)));
  const odd = () => i.ne(i.and(g(n), c(1)), c(0));
  const negative = m.block(null, [
    m.drop(e.trapping(i.div_s(c(1), g(x)))),
    m.local.set(r, m.select(i.eq(g(x), c(1)), c(1), m.select(i.eq(g(x), c(-1)), m.select(odd(), c(-1), c(1)), c(0)))),
  ]);
  const brk = e.label("ipowi_exit"), top = e.label("ipowi");
  const squaring = m.block(brk, [m.loop(top, m.block(null, [
    m.br(brk, i.eqz(g(n))),
    m.if(odd(), m.local.set(r, i.mul(g(r), g(x)))),
    m.local.set(x, i.mul(g(x), g(x))),
    m.local.set(n, i.shr_u(g(n), c(1))),
    m.br(top),
  ]))]);
  e.emit(m.if(i.lt_s(g(n), c(0)), negative, squaring));
  return normInt(m, g(r), t);
}

// As the interpreter: pow in double with the exponent converted exactly, rounded once to f32.
register("math.fpowi", (e, op) => {
  const t = op.result.type, n = op.operand(1).type;
  const lane = (x: Type) => (x instanceof VectorType ? x.elementType : x);
  if (t instanceof VectorType) { perLane(e, op, ([a, b]) => fpowi(e, a, b, lane(t), lane(n))); return; }
  e.define(op.result, fpowi(e, e.get(op.operand(0)), e.get(op.operand(1)), t, n));
});
function fpowi(e: FunctionEmitter, a: Expr, b: Expr, t: Type, n: Type): Expr {
  const m = e.m;
  if (!(t instanceof FloatType)) throw new CompileError(`math.fpowi on ${t.str} is not supported`);
  const pow = e.unit.hostImport("pow", ["f64", "f64"], ["f64", "f64"], "f64");
  const k = signed(m, b, n);
  const r = m.call(pow, [toF64(m, t, a), width(n) === 64 ? m.f64.convert_s.i64(k) : m.f64.convert_s.i32(k)], binaryen.f64);
  return fromF64(e, t, r);
}

// index helpers that sometimes survive lowering
register("index.constant", (e, op) => e.define(op.result, e.i32(op.attr<IntegerAttr>("value")!.num)));
