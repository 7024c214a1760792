// arith dialect: constants, integer/float arithmetic, comparisons, select, casts, and the
// scalar semantics shared by the folder and the interpreter.
import { Attribute, DenseElementsAttr, FloatAttr, IntegerAttr, SparseElementsAttr, boolAttr, denseElements, isElementsAttr, sparseAsDense } from "../ir/attributes.js";
import { OpResult, type Operation, type Value } from "../ir/core.js";
import type { Dialect, FoldResult, OpSpec, TypeConstraint } from "../ir/dialect.js";
import { FloatType, IndexType, IntegerType, MemRefType, ShapedType, SignedIntegerType, TensorType, Type, UnrankedTensorType, VectorType, compatibleShapes, elementTypeOf, i1, i32, i64 } from "../ir/types.js";
import { decodeFloat, fitsDouble, floatBits, floatFromBits, fusedMultiplyAdd, halfBits, halfToFloat, roundFloat, sameBits } from "../ir/float.js";
import { safeNumber } from "../ir/affine.js";
import { canonicalizeArith } from "./arith-canonicalize.js";
import { boolLike, castOfCast, def, foldIdentity, isZero, splat } from "./arith-fold.js";
import { ANY, BOOL_LIKE, type CastMiddle, FASTMATH_NONE, FIXED_INT_LIKE, FLOAT_LIKE, INT_LIKE, OVERFLOW_NONE, badProperty, castOp, elementwiseProblem, flagsAttr, like, parseFlags, printFlags, sameTypeOp, tc, typed } from "./common.js";

export const CMPI_PREDICATES = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"] as const;
export const CMPF_PREDICATES = ["false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno", "true"] as const;

/** The integer behind a value, if an `arith.constant` (or `index.constant`) defines it. */
export function constantInt(v: Value): bigint | undefined {
  if (!(v instanceof OpResult) || (v.op.name !== "arith.constant" && v.op.name !== "index.constant")) return undefined;
  const a = v.op.attr("value");
  return a instanceof IntegerAttr ? a.value : undefined;
}
/** constantInt as a number, if a double holds it exactly (callers then treat the value as unknown). */
export function constantIndex(v: Value): number | undefined {
  const c = constantInt(v);
  return c === undefined ? undefined : safeNumber(c);
}

/** Bit width of an integer-like type (index is 64 as in MLIR's semantics). */
export function intWidth(t: Type): number { return t instanceof IntegerType ? t.width : 64; }
export const wrapS = (v: bigint, w: number) => BigInt.asIntN(w, v);
export const wrapU = (v: bigint, w: number) => BigInt.asUintN(w, v);
type IntFn = (a: bigint, b: bigint, w: number) => bigint | undefined;
type FloatFn = (a: number, b: number) => number;

const div0 = (f: IntFn): IntFn => (a, b, w) => (b === 0n ? undefined : f(a, b, w));
/** Integer binary semantics on signed-wrapped BigInts; undefined = undefined behaviour (no fold). */
export const INT_BINARY: Record<string, IntFn> = {
  "arith.addi": (a, b, w) => wrapS(a + b, w),
  "arith.subi": (a, b, w) => wrapS(a - b, w),
  "arith.muli": (a, b, w) => wrapS(a * b, w),
  "arith.divsi": div0((a, b, w) => wrapS(a / b, w)),
  "arith.divui": div0((a, b, w) => wrapS(wrapU(a, w) / wrapU(b, w), w)),
  "arith.remsi": div0((a, b, w) => wrapS(a % b, w)),
  "arith.remui": div0((a, b, w) => wrapS(wrapU(a, w) % wrapU(b, w), w)),
  "arith.ceildivui": div0((a, b, w) => { const x = wrapU(a, w), y = wrapU(b, w); return wrapS(x / y + (x % y ? 1n : 0n), w); }),
  "arith.ceildivsi": div0((a, b, w) => { const q = a / b; return wrapS(q * b !== a && (a > 0n) === (b > 0n) ? q + 1n : q, w); }),
  "arith.floordivsi": div0((a, b, w) => { const q = a / b; return wrapS(q * b !== a && (a < 0n) !== (b < 0n) ? q - 1n : q, w); }),
  "arith.andi": (a, b, w) => wrapS(a & b, w),
  "arith.ori": (a, b, w) => wrapS(a | b, w),
  "arith.xori": (a, b, w) => wrapS(a ^ b, w),
  "arith.maxsi": (a, b) => (a > b ? a : b),
  "arith.minsi": (a, b) => (a < b ? a : b),
  "arith.maxui": (a, b, w) => (wrapU(a, w) > wrapU(b, w) ? a : b),
  "arith.minui": (a, b, w) => (wrapU(a, w) < wrapU(b, w) ? a : b),
  "arith.shli": (a, b, w) => (wrapU(b, w) >= BigInt(w) ? undefined : wrapS(a << wrapU(b, w), w)),
  "arith.shrsi": (a, b, w) => (wrapU(b, w) >= BigInt(w) ? undefined : wrapS(a >> wrapU(b, w), w)),
  "arith.shrui": (a, b, w) => (wrapU(b, w) >= BigInt(w) ? undefined : wrapS(wrapU(a, w) >> wrapU(b, w), w)),
};

// IEEE semantics as MLIR lowers them: maximumf/minimumf propagate NaN, *numf ignore it.
export const FLOAT_BINARY: Record<string, FloatFn> = {
  "arith.addf": (a, b) => a + b,
  "arith.subf": (a, b) => a - b,
  "arith.mulf": (a, b) => a * b,
  "arith.divf": (a, b) => a / b,
  "arith.remf": (a, b) => a % b,
  "arith.maximumf": (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : a === b && a === 0 ? (Object.is(a, -0) ? b : a) : Math.max(a, b)),
  "arith.minimumf": (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : a === b && a === 0 ? (Object.is(a, -0) ? a : b) : Math.min(a, b)),
  "arith.maxnumf": (a, b) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b)),
  "arith.minnumf": (a, b) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b)),
};

export function cmpi(pred: number, a: bigint, b: bigint, w: number): boolean {
  const ua = wrapU(a, w), ub = wrapU(b, w);
  switch (CMPI_PREDICATES[pred]) {
    case "eq": return a === b;
    case "ne": return a !== b;
    case "slt": return a < b;
    case "sle": return a <= b;
    case "sgt": return a > b;
    case "sge": return a >= b;
    case "ult": return ua < ub;
    case "ule": return ua <= ub;
    case "ugt": return ua > ub;
    case "uge": return ua >= ub;
  }
  throw new Error(`bad cmpi predicate ${pred}`);
}

export function cmpf(pred: number, a: number, b: number): boolean {
  const uno = Number.isNaN(a) || Number.isNaN(b);
  switch (CMPF_PREDICATES[pred]) {
    case "false": return false;
    case "true": return true;
    case "ord": return !uno;
    case "uno": return uno;
    case "oeq": return !uno && a === b;
    case "ogt": return !uno && a > b;
    case "oge": return !uno && a >= b;
    case "olt": return !uno && a < b;
    case "ole": return !uno && a <= b;
    case "one": return !uno && a !== b;
    case "ueq": return uno || a === b;
    case "ugt": return uno || a > b;
    case "uge": return uno || a >= b;
    case "ult": return uno || a < b;
    case "ule": return uno || a <= b;
    case "une": return uno || a !== b;
  }
  throw new Error(`bad cmpf predicate ${pred}`);
}

/** Scalar cast semantics (ints are BigInt, floats number). */
export function castValue(name: string, v: number | bigint, from: Type, to: Type): number | bigint {
  const r = exactCast(name, v, from, to);
  if (r === undefined) throw new Error(`internal: ${name} of ${v} to ${to.str} has no double value (the engines refuse f80 and f128)`);
  return r;
}
/** castValue, or undefined where the result is an f80 or f128 value a double cannot hold (no fold then). */
function exactCast(name: string, v: number | bigint, from: Type, to: Type): number | bigint | undefined {
  const wt = intWidth(to), wf = intWidth(from);
  switch (name) {
    case "arith.index_cast": case "arith.extsi": case "arith.trunci": return wrapS(BigInt(v), wt);
    case "arith.index_castui": case "arith.extui": return wrapS(wrapU(BigInt(v), wf), wt);
    case "arith.sitofp": return intToFloat(BigInt(v), to);
    case "arith.uitofp": return intToFloat(wrapU(BigInt(v), wf), to);
    case "arith.fptosi": case "arith.fptoui": {
      // Out of range is poison in MLIR; saturate as the wasm engine's trunc_sat does (to i32, or
      // i64 for 64-bit results; NaN is 0), then keep the result's width.
      const n = Number(v);
      if (Number.isNaN(n)) return 0n;
      const cw = BigInt(wt === 64 ? 64 : 32), u = name === "arith.fptoui";
      const lo = u ? 0n : -(1n << (cw - 1n)), hi = u ? (1n << cw) - 1n : (1n << (cw - 1n)) - 1n;
      const x = n === Infinity ? hi : n === -Infinity ? lo : BigInt(Math.trunc(n));
      return wrapS(x < lo ? lo : x > hi ? hi : x, wt);
    }
    case "arith.extf": case "arith.truncf": return roundFloat(Number(v), to);
    case "arith.bitcast": return bitcast(v, from, to);
  }
  throw new Error(`unknown cast ${name}`);
}

/**
 * Integer to float with one rounding (to nearest, ties to even). `Number()` then `fround` would
 * round twice for f32 when |v| >= 2^53, which can differ from the hardware's conversion.
 */
function intToFloat(v: bigint, to: Type): number | undefined {
  const d = Number(v);
  if (to instanceof FloatType && !fitsDouble(to.kind)) return BigInt(d) === v ? d : undefined; // f80, f128: no double rounding
  if (!(to instanceof FloatType && to.kind === "f32") || (v < 2n ** 53n && v > -(2n ** 53n))) return roundFloat(d, to);
  const f = Math.fround(d);
  if (!Number.isFinite(f) || BigInt(f) === v) return f;
  // The f32 neighbour on v's side of f, then the nearer of the two (even mantissa on a tie).
  const dv = new DataView(new ArrayBuffer(4));
  dv.setFloat32(0, f);
  const bits = dv.getUint32(0);
  dv.setUint32(0, (v > BigInt(f)) === (f > 0) ? bits + 1 : bits - 1);
  const g = dv.getFloat32(0);
  const df = v - BigInt(f), dg = v - BigInt(g);
  const af = df < 0n ? -df : df, ag = dg < 0n ? -dg : dg;
  if (ag < af) return g;
  if (af < ag) return f;
  return (bits & 1) === 0 ? f : g;
}

function bitcast(v: number | bigint, from: Type, to: Type): number | bigint | undefined {
  const other = (t: Type) => t instanceof FloatType && !["f16", "bf16", "f32", "f64"].includes(t.kind);
  if (other(from) || other(to)) { // through the bits (an f80 or f128 pattern a double cannot hold: no fold)
    const bits = from instanceof FloatType ? floatBits(Number(v), from.kind) : wrapU(BigInt(v), intWidth(from));
    return to instanceof FloatType ? decodeFloat(bits, to.kind) : wrapS(bits, intWidth(to));
  }
  const dv = new DataView(new ArrayBuffer(8));
  const w = from instanceof FloatType ? from.width : intWidth(from);
  const half = (t: Type) => t instanceof FloatType && t.width === 16;
  if (half(from)) dv.setInt32(0, halfBits(Number(v), (from as FloatType).kind === "bf16"), true);
  else if (from instanceof FloatType) { if (w === 64) dv.setFloat64(0, Number(v), true); else dv.setFloat32(0, Number(v), true); }
  else if (w === 64) dv.setBigInt64(0, BigInt(v), true); else dv.setInt32(0, Number(BigInt.asIntN(32, BigInt(v))), true);
  if (half(to)) return halfToFloat(dv.getUint16(0, true), (to as FloatType).kind === "bf16");
  if (to instanceof FloatType) return w === 64 ? dv.getFloat64(0, true) : dv.getFloat32(0, true);
  return w === 64 ? dv.getBigInt64(0, true) : wrapS(BigInt(dv.getInt32(0, true)), intWidth(to));
}

const isIntLike = (t: Type) => t instanceof IntegerType || t instanceof IndexType;

/** Builds the constant attribute for a scalar value of type `t`. */
export function scalarAttr(v: number | bigint | boolean, t: Type): Attribute {
  if (t instanceof FloatType) return new FloatAttr(Number(v), t);
  return new IntegerAttr(typeof v === "boolean" ? (v ? 1n : 0n) : BigInt(v), t);
}
export function scalarOf(a: Attribute | undefined): number | bigint | undefined {
  if (a instanceof IntegerAttr) return a.value;
  if (a instanceof FloatAttr) return a.value;
  return undefined;
}

type Scalar = number | bigint | boolean;
/**
 * `f` folded over scalar constants, or element by element over dense ones (vectors, tensors), as
 * MLIR's constFold helpers do: splats give a splat, equal elements one too; no fold where `f`
 * gives undefined for any element.
 */
function foldElementwise(consts: readonly (Attribute | undefined)[], t: Type, f: (xs: (number | bigint)[]) => Scalar | undefined): FoldResult[] | undefined {
  consts = consts.map(sparseAsDense);
  const xs = consts.map(scalarOf);
  if (xs.every((x) => x !== undefined)) {
    const r = f(xs as (number | bigint)[]);
    return r === undefined ? undefined : [scalarAttr(r, t)];
  }
  if (!(t instanceof ShapedType) || !consts.every((c) => c instanceof DenseElementsAttr)) return undefined;
  const ds = consts as DenseElementsAttr[], et = t.elementType;
  const n = ds.every((d) => d.isSplat) ? 1 : t.numElements, out: (number | bigint)[] = [];
  for (let i = 0; i < n; i++) {
    const r = f(ds.map((d) => d.at(i)));
    if (r === undefined) return undefined;
    // Storage as the parser keeps it: i1, index and ints up to 32 bits as numbers, i64 as BigInt.
    out.push(typeof r === "boolean" ? (r ? 1 : 0) : et instanceof FloatType ? Number(r) : et instanceof IntegerType && et.width > 32 ? BigInt(r) : Number(r));
  }
  const splat = out.every((v) => sameBits(v, out[0]));
  return [new DenseElementsAttr(t, splat ? [out[0]] : out, splat)];
}

function foldBinary(op: Operation, consts: readonly (Attribute | undefined)[]) {
  const id = foldIdentity(op, consts);
  if (id) return id;
  const t = op.result.type, et = elementTypeOf(t);
  if (isIntLike(et)) {
    const g = INT_BINARY[op.name], w = intWidth(et);
    if (SHIFTS.has(op.name)) return foldShift(op.name, consts, t, w);
    if (op.name === "arith.floordivsi") return foldFloorDiv(consts, t, w);
    return g && foldElementwise(consts, t, ([a, b]) => (overflowsInFold(op.name, BigInt(a), BigInt(b), w) ? undefined : g(BigInt(a), BigInt(b), w)));
  }
  const f = FLOAT_BINARY[op.name], wide = et instanceof FloatType && !fitsDouble(et.kind);
  return f && foldElementwise(consts, t, ([a, b]) => {
    const r = roundFloat(invalidIsQuietNaN(f(Number(a), Number(b)), Number(a), Number(b)), et);
    return wide && !exactInDouble(op.name, Number(a), Number(b), r) ? undefined : r;
  });
}

/**
 * Whether `r`, the double result of float op `name` on a and b, is the exact result (so also
 * f80's and f128's, whose values we hold as doubles): where it is not, the fold is left out
 * rather than rounded to 53 bits. A NaN or a comparison is exact; a sum by TwoSum's error, a
 * product or quotient by its residual (fma), none past the double's range.
 */
const F64 = FloatType.get("f64");
function exactInDouble(name: string, a: number, b: number, r: number): boolean {
  if (r !== r || !Number.isFinite(a) || !Number.isFinite(b)) return true;
  if (!Number.isFinite(r)) return false;
  switch (name) {
    case "arith.addf": case "arith.subf": {
      const c = name === "arith.addf" ? b : -b, z = r - a;
      return (a - (r - z)) + (c - z) === 0;
    }
    case "arith.mulf": return (r !== 0 || a === 0 || b === 0) && fusedMultiplyAdd(a, b, -r, F64) === 0;
    case "arith.divf": return (r !== 0 || a === 0) && fusedMultiplyAdd(r, b, -a, F64) === 0;
  }
  return true; // remf (fmod is exact), the maxima and minima
}

/**
 * Where MLIR's folder gives up on a signed overflow in its steps: divsi and floordivsi of MIN by
 * -1, ceildivsi negating MIN (of a nonzero dividend). The op stays, for the runtime to compute.
 */
function overflowsInFold(name: string, a: bigint, b: bigint, w: number): boolean {
  if (w === 1 || b === 1n) return false; // x / 1 folds to x first (and i1's -1 is its 1)
  const min = -(1n << BigInt(w - 1));
  if (name === "arith.divsi" || name === "arith.floordivsi") return a === min && b === -1n;
  return name === "arith.ceildivsi" && a !== 0n && (a === min || b === min);
}

/**
 * Shifts fold as MLIR 19's folders do: only when the last element's amount is below the width
 * (their check keeps the last element's answer), each element then shifted as APInt does (a
 * larger amount gives 0, or the sign for shrsi). An amount past the width is poison at run time.
 */
/** A constant's last element (a scalar's value), which MLIR's shift and floordiv folds check first. */
const lastElement = (c: Attribute | undefined): number | bigint | undefined =>
  c instanceof DenseElementsAttr || c instanceof SparseElementsAttr ? denseElements(c)?.at(c.type.numElements - 1) : scalarOf(c);
const SHIFTS = new Set(["arith.shli", "arith.shrsi", "arith.shrui"]);
function foldShift(name: string, consts: readonly (Attribute | undefined)[], t: Type, w: number): FoldResult[] | undefined {
  const last = lastElement(consts[1]);
  if (last === undefined || wrapU(BigInt(last), w) >= BigInt(w)) return undefined;
  return foldElementwise(consts, t, ([a, b]) => {
    const k = wrapU(BigInt(b), w), x = BigInt(a);
    if (k >= BigInt(w)) return name === "arith.shrsi" && x < 0n ? -1n : 0n;
    return name === "arith.shli" ? wrapS(x << k, w) : name === "arith.shrsi" ? x >> k : wrapS(wrapU(x, w) >> k, w);
  });
}

/**
 * floordivsi folds as MLIR 19's folder does: only when the last element neither divides by zero
 * nor overflows (its flag keeps the last element's answer); then an element divided by zero is
 * its dividend, MIN / -1 wraps to MIN.
 */
function foldFloorDiv(consts: readonly (Attribute | undefined)[], t: Type, w: number): FoldResult[] | undefined {
  const [a, b] = [lastElement(consts[0]), lastElement(consts[1])];
  if (a === undefined || b === undefined || BigInt(b) === 0n || overflowsInFold("arith.floordivsi", BigInt(a), BigInt(b), w)) return undefined;
  return foldElementwise(consts, t, ([x, y]) => (BigInt(y) === 0n ? x : INT_BINARY["arith.floordivsi"](BigInt(x), BigInt(y), w)));
}

/**
 * The NaN of an invalid operation (inf - inf, 0 * inf, x rem 0) as APFloat makes it: positive
 * and quiet. The JS engine's arithmetic hands back the x86 one (negative), which MLIR never prints.
 */
function invalidIsQuietNaN(r: number, a: number, b: number): number {
  return r !== r && a === a && b === b ? NaN : r;
}

/** Integer ops with overflow flags (float ops all have fastmath flags). */
const OVERFLOW_OPS = ["arith.addi", "arith.subi", "arith.muli", "arith.shli"];
const binary = (name: string, commutative = false,
  implicitAttrs: Readonly<Record<string, Attribute>> | undefined = OVERFLOW_OPS.includes(name) ? OVERFLOW_NONE : undefined): OpSpec =>
  sameTypeOp(name, 2, commutative ? ["Commutative", "Elementwise"] : ["Elementwise"], { fold: foldBinary, implicitAttrs, ...typed(implicitAttrs?.fastmath ? FLOAT_LIKE : INT_LIKE, 2) });

function predicateOp(name: string, preds: readonly string[], resultOf: (t: Type) => Type): OpSpec {
  return {
    // (MLIR's SameTypeOperands is checked in verify: after its result-type trait, as an ODS trait comes before a native one)
    name, operands: 2, results: 1, traits: ["Pure", "Elementwise"], props: ["predicate", "fastmath"],
    operandTypes: Array<TypeConstraint>(2).fill(name === "arith.cmpi" ? INT_LIKE : FLOAT_LIKE), resultTypes: [BOOL_LIKE],
    verifyAttrs(op) { // an I64EnumAttr
      const pa = op.attr("predicate");
      if (!pa) return "requires attribute 'predicate'";
      if (!(pa instanceof IntegerAttr && pa.type === i64 && pa.num >= 0 && pa.num < preds.length)) {
        return `attribute 'predicate' failed to satisfy constraint: allowed 64-bit signless integer cases: ${preds.map((_, i) => i).join(", ")}`;
      }
    },
    parse(p, st) {
      const kwLoc = p.locHere();
      const kind = p.lex.peek().kind; // a keyword, or a string as MLIR's enum parser also takes: `"eq"`
      const word = kind === "bare" ? p.parseKeyword() : kind === "string" ? p.parseString() : "", idx = preds.indexOf(word);
      if (idx < 0 && kind === "string") throw p.customError(`invalid predicate attribute specification: "${word}"`, kwLoc);
      if (idx < 0) throw p.customError(`expected string or keyword containing one of the following enum values for attribute 'predicate' [${preds.join(", ")}]`, kwLoc);
      st.addAttr("predicate", new IntegerAttr(idx));
      p.expect(",");
      const ops = p.parseOperandList();
      parseFlags(p, st, name === "arith.cmpf" ? FASTMATH_NONE : undefined);
      p.parseOptionalAttrDict(st);
      const t = p.parseColonType();
      // MLIR's custom parser checks the operand type itself (the verifier says `operand #0` instead)
      const bad = name === "arith.cmpi" ? isIntLike(elementTypeOf(t)) || "signless-integer-like" : elementTypeOf(t) instanceof FloatType || "floating-point-like";
      if (bad !== true) throw p.customError(`'lhs' must be ${bad}, but got '${t.str}'`, st.loc);
      st.operands = p.resolveOperands(ops, t);
      st.resultTypes = [resultOf(t)];
    },
    print(p, op) {
      const pred = preds[(op.attr<IntegerAttr>("predicate")!).num];
      p.print(" ", pred, ", ", p.operands(op.operands), printFlags(op), p.attrDict(op, ["predicate", "fastmath"]), " : ", p.type(op.operand(0).type));
    },
    verify(op) {
      if (op.result.type !== resultOf(op.operand(0).type)) return "failed to verify that result type has i1 element type and same shape as operands";
      if (op.operand(1).type !== op.operand(0).type) return "requires all operands to have the same type";
    },
    fold(op, consts) {
      const pred = (op.attr<IntegerAttr>("predicate")!).num, w = intWidth(elementTypeOf(op.operand(0).type));
      if (name === "arith.cmpi") {
        const early = foldCmpI(op, pred, consts);
        if (early) return early;
      } else if ([0, 1].some((k) => nanConstant(consts[k]))) {
        // With a NaN on one side the other does not matter (MLIR's fold makes both that NaN).
        const nan = nanConstant(consts[0]) ? consts[0] : consts[1];
        consts = [nan, nan];
      }
      return foldElementwise(consts, op.result.type, ([a, b]) => (name === "arith.cmpi" ? cmpi(pred, BigInt(a), BigInt(b), w) : cmpf(pred, Number(a), Number(b))));
    },
  };
}
const nanConstant = (a: Attribute | undefined) => a instanceof FloatAttr && a.value !== a.value;
/** Equal operand predicates (eq, sle, sge, ule, uge hold; ne, slt, sgt, ult, ugt do not). */
const REFLEXIVE = new Set(["eq", "sle", "sge", "ule", "uge"]);
/** The mirror image of each predicate, for a constant moved to the right. */
const SWAPPED: Record<string, string> = { slt: "sgt", sgt: "slt", sle: "sge", sge: "sle", ult: "ugt", ugt: "ult", ule: "uge", uge: "ule", eq: "eq", ne: "ne" };
/**
 * MLIR's cmpi folds before constant arithmetic: equal operands; `ext(%b : i1) != 0` is %b; a
 * constant on the left only is moved right with the mirrored predicate, in place.
 */
function foldCmpI(op: Operation, pred: number, consts: readonly (Attribute | undefined)[]): FoldResult[] | undefined {
  const p = CMPI_PREDICATES[pred];
  if (op.operand(0) === op.operand(1)) {
    const t = op.result.type, v = REFLEXIVE.has(p);
    return [t instanceof ShapedType ? new DenseElementsAttr(t, [v ? 1 : 0], true) : boolAttr(v)];
  }
  const ext = def(op.operand(0), "arith.extsi") ?? def(op.operand(0), "arith.extui");
  if (isZero(consts[1], op.operand(1).type) && p === "ne" && ext && elementTypeOf(ext.operand(0).type) === i1) return [ext.operand(0)];
  if (consts[0] !== undefined && consts[1] === undefined) {
    op.attributes.set("predicate", new IntegerAttr(CMPI_PREDICATES.indexOf(SWAPPED[p] as never)));
    op.setOperands([op.operand(1), op.operand(0)]);
    return [op.result];
  }
  return undefined;
}

/**
 * The shape rules of MLIR's arith casts, in its order: tensors keep their exact dimensions
 * (SameInputOutputTensorDims), then scalar to scalar or shape to compatible shape of the same kind.
 */
function castShapeProblem(from: Type, to: Type): string | undefined {
  // (a ranked tensor's dimensions, else none as a 0-D tensor's: f16 to tensor<4xf32> differs, tensor<i32> to i8 does not)
  const dims = (t: Type) => (t instanceof TensorType ? t.shape.join() : t instanceof UnrankedTensorType ? "*" : "");
  if (dims(from) !== dims(to)) return "failed to verify that input and output have the same tensor dimensions";
  if (!(from instanceof ShapedType) && !(to instanceof ShapedType)) return undefined;
  if (!(from instanceof ShapedType && to instanceof ShapedType && compatibleShapes(from, to))) return "requires the same shape for all operands and results";
  if ((from instanceof VectorType) !== (to instanceof VectorType)) return "all non-scalar operands/results must have the same shape and base type";
}

function cast(name: string, [from, to]: readonly [TypeConstraint, TypeConstraint], ok: (from: Type, to: Type) => boolean, middle?: CastMiddle): OpSpec {
  return castOp(name, {
    traits: ["Pure", "Elementwise"], // MLIR's ElementwiseMappable
    operandTypes: [from], resultTypes: [to],
    verify(op) {
      const shape = castShapeProblem(op.operand(0).type, op.result.type);
      if (shape) return shape;
      const from = op.operand(0).type, to = op.result.type;
      const encodings = from instanceof TensorType && to instanceof TensorType && from.encoding !== to.encoding;
      if (encodings || !ok(elementTypeOf(from), elementTypeOf(to))) return `operand type '${from.str}' and result type '${to.str}' are cast incompatible`;
    },
    fold(op, consts) {
      const id = foldIdentity(op, consts);
      if (id) return id;
      const from = elementTypeOf(op.operand(0).type), to = elementTypeOf(op.result.type);
      if (name === "arith.bitcast" && consts[0] instanceof SparseElementsAttr) return undefined; // (MLIR's folds dense elements only)
      return foldElementwise(consts, op.result.type, ([v]) =>
        (name === "arith.fptosi" || name === "arith.fptoui") && !truncatesInto(Number(v), to, name === "arith.fptoui") ? undefined : exactCast(name, v, from, to));
    },
  }, middle);
}
/**
 * Whether `x` truncated toward zero is a value of integer type `t` (signed or unsigned): where it
 * is not (NaN, an infinity, out of range) fptosi/fptoui give poison, and MLIR does not fold them.
 */
function truncatesInto(x: number, t: Type, unsigned: boolean): boolean {
  if (!Number.isFinite(x)) return false;
  const w = BigInt(intWidth(elementTypeOf(t))), v = BigInt(Math.trunc(x));
  return unsigned ? v >= 0n && v < 1n << w : v >= -(1n << (w - 1n)) && v < 1n << (w - 1n);
}
/** The type of an arith.constant value: an integer, float or elements (dense, dense_resource, sparse) attribute's; undefined for any other. */
const typedValueType = (a: Attribute | undefined): Type | undefined =>
  a instanceof IntegerAttr || a instanceof FloatAttr || isElementsAttr(a) ? a.type : undefined;
/** index_cast(ui): index to integer or integer to index. */
const indexIntegerPair = (f: Type, t: Type) => (f instanceof IndexType && t instanceof IntegerType) || (f instanceof IntegerType && t instanceof IndexType);
/** The memref-admitting constraints of index_cast and bitcast (MLIR's IndexCastTypeConstraint, BitcastTypeConstraint). */
const intOrFloat = (t: Type) => isIntLike(t) || t instanceof FloatType;
const INDEX_CAST = tc("signless-integer-like or memref of signless-integer", (t) => INT_LIKE.ok(t) || (t instanceof MemRefType && isIntLike(t.elementType)));
const INT_OR_FLOAT_LIKE = like("signless-integer-or-float-like", intOrFloat);
const BITCAST = tc("signless-integer-or-float-like or memref of signless-integer or float", (t) => INT_OR_FLOAT_LIKE.ok(t) || (t instanceof MemRefType && intOrFloat(t.elementType)));
const fw = (t: Type) => (t instanceof FloatType ? t.width : -1);
const iw = (t: Type) => (t instanceof IntegerType ? t.width : -1); // i0 is an integer type

/** MLIR's arith.truncf rounding modes (the `roundingmode` property's values, in order). */
export const ROUNDING_MODES = ["to_nearest_even", "downward", "upward", "toward_zero", "to_nearest_away"] as const;

/**
 * `arith.extf %x [fastmath<...>] : f32 to f64` and `arith.truncf %x [upward] [fastmath<...>] : ...`:
 * the fastmath flags are optional here (no default, so none in the generic form either).
 */
function floatCast(name: string, ok: (from: Type, to: Type) => boolean): OpSpec {
  const modes = name === "arith.truncf";
  const s = cast(name, [FLOAT_LIKE, FLOAT_LIKE], ok, {
    attrs: ["roundingmode", "fastmath"],
    parse(p, st) {
      const mode = modes ? p.parseOptionalKeyword(...ROUNDING_MODES) : undefined;
      if (mode) st.addAttr("roundingmode", new IntegerAttr(ROUNDING_MODES.indexOf(mode as never), i32));
      parseFlags(p, st, undefined, true);
    },
    print(op) {
      const m = op.attr<IntegerAttr>("roundingmode"), fm = op.attr("fastmath");
      return (m ? " " + ROUNDING_MODES[m.num] : "") + (fm ? " fastmath" + fm.str.slice(fm.str.indexOf("<")) : "");
    },
  });
  return {
    ...s, props: ["fastmath", ...(modes ? ["roundingmode"] : [])],
    verify(op, ctx) {
      const m = op.attr("roundingmode");
      if (m && !(m instanceof IntegerAttr && m.type === i32 && m.num >= 0 && m.num < ROUNDING_MODES.length)) return badProperty(op, ctx, "roundingmode", this.props!);
      return s.verify!(op, undefined as never);
    },
    fold(op, c) {
      // extf(truncf(x)) is x when both allow contraction (MLIR's fold: the flag licenses the
      // lost precision, as LLVM's `contract` does).
      const tr = def(op.operand(0), "arith.truncf");
      if (!modes && tr && tr.operand(0).type === op.result.type && contracts(tr) && contracts(op)) return [tr.operand(0)];
      // A truncation folds only where it is exact (MLIR's folder), so its rounding mode never matters.
      return modes && !convertsExactly(c[0], elementTypeOf(op.result.type)) ? undefined : s.fold!(op, c);
    },
  };
}
const contracts = (op: Operation) => /[<,]\s*(contract|fast)\s*[,>]/.test(op.attr("fastmath")?.str ?? "");

/** Whether a float constant (each element of a dense one) converts to `t` exactly: its value, or a quiet NaN's whole payload. */
function convertsExactly(a: Attribute | undefined, t: Type): boolean {
  if (a instanceof DenseElementsAttr) return Array.from({ length: a.isSplat ? 1 : a.numElements }, (_, i) => a.at(i)).every((v) => exactIn(Number(v), t));
  return !(a instanceof FloatAttr) || exactIn(a.value, t);
}
function exactIn(v: number, t: Type): boolean {
  if (!(t instanceof FloatType)) return true;
  if (v === v) return roundFloat(v, t) === v;
  const bits = floatBits(v, "f64");
  return (bits & (1n << 51n)) !== 0n && floatBits(floatFromBits(floatBits(v, t.kind), t.kind), "f64") === bits;
}

/**
 * `%sum, %overflow = arith.addui_extended %a, %b : i32, i1` and `%low, %high =
 * arith.mulsi_extended %a, %b : i32` (and mului_extended): two results, the second the carry or the
 * high half of the double-width product.
 */
export const EXTENDED: Record<string, (a: bigint, b: bigint, w: number) => [bigint, bigint]> = {
  "arith.addui_extended": (a, b, w) => [wrapS(a + b, w), wrapU(a, w) + wrapU(b, w) >> BigInt(w) ? 1n : 0n],
  "arith.mulsi_extended": (a, b, w) => [wrapS(a * b, w), wrapS((a * b) >> BigInt(w), w)],
  "arith.mului_extended": (a, b, w) => { const p = wrapU(a, w) * wrapU(b, w); return [wrapS(p, w), wrapS(p >> BigInt(w), w)]; },
};
function extendedOp(name: string, names: readonly [string, string]): OpSpec {
  const add = name === "arith.addui_extended";
  return {
    name, operands: 2, results: 2, traits: ["Pure", "Commutative", "Elementwise"],
    operandTypes: [INT_LIKE, INT_LIKE], resultTypes: [INT_LIKE, add ? BOOL_LIKE : INT_LIKE],
    resultNames: () => names,
    parse(p, st) {
      const ops = p.parseOperandList();
      p.parseOptionalAttrDict(st);
      const ts = (p.expect(":"), p.parseTypeList());
      st.operands = p.resolveOperands(ops, ts[0]);
      st.resultTypes = add ? [ts[0], ts[1] ?? i1] : [ts[0], ts[0]];
    },
    print(p, op) {
      p.print(" ", p.operands(op.operands), p.attrDict(op), " : ", p.types(op.results.slice(0, add ? 2 : 1).map((r) => r.type)));
    },
    verify(op) {
      const [a, b] = op.operands.map((v) => v.type), [r, h] = op.results.map((v) => v.type);
      if (!add && (a !== b || a !== r || a !== h)) return "failed to verify that all of {lhs, rhs, low, high} have same type";
      if (add && (a !== b || a !== r)) return "failed to verify that all of {lhs, rhs, sum} have same type";
      if (add) return elementwiseProblem(op);
    },
    fold(op, consts) { // identities, then constants (element by element for vectors and tensors)
      const id = foldIdentity(op, consts);
      if (id) return id;
      const [t, th] = op.results.map((r) => r.type), w = intWidth(elementTypeOf(t)), f = EXTENDED[name];
      const lo = foldElementwise(consts, t, ([a, b]) => f(BigInt(a), BigInt(b), w)[0]);
      const hi = lo && foldElementwise(consts, th, ([a, b]) => f(BigInt(a), BigInt(b), w)[1]);
      return lo && hi && [lo[0], hi[0]];
    },
  };
}

/** The asm names of integer constants, by attribute (the printer asks for one per constant). */
const constantNames = new WeakMap<IntegerAttr, string>();

/** The ops arith-canonicalize.ts has patterns for. */
const PATTERNS = new Set(["arith.addi", "arith.subi", "arith.muli", "arith.xori", "arith.select", "arith.cmpi", "arith.trunci", "arith.extsi",
  "arith.addf", "arith.mulf", "arith.divf", "arith.andi", "arith.ori", "arith.addui_extended", "arith.mulsi_extended", "arith.mului_extended", "arith.cmpf"]);

export const arith: Dialect = {
  name: "arith",
  // `#arith.fastmath<ninf,nnan>` in the generic form holds its flags as MLIR does (`nnan,ninf`)
  parseAttr: (p, mnemonic, body) => (mnemonic === "fastmath" || mnemonic === "overflow") && body ? flagsAttr(p, mnemonic, body) : undefined,
  ops: ([
    {
      name: "arith.constant", operands: 0, results: 1, traits: ["Pure", "ConstantLike"], props: ["value"],
      parse(p, st) {
        p.parseOptionalAttrDict(st);
        const a = p.parseAttribute();
        st.addAttr("value", a);
        const t = typedValueType(a);
        if (!t) throw p.errorHere("expected typed constant attribute");
        st.resultTypes = [t];
      },
      print(p, op) {
        const a = op.attr("value")!;
        p.print(p.attrDict(op, ["value"]), " ", a instanceof IntegerAttr && a.type !== i1 ? `${a.value} : ${a.type.str}` : a.str);
      },
      verify(op) {
        const a = op.attr("value");
        const t = typedValueType(a);
        if (!a) return "requires attribute 'value'";
        if (t !== op.result.type) return "failed to verify that all of {value, result} have same type";
        if (t instanceof SignedIntegerType) return "integer return type must be signless";
        if (t instanceof VectorType && t.isScalable && !(a as DenseElementsAttr).isSplat) {
          return "intializing scalable vectors with elements attribute is not supported unless it's a vector splat"; // (MLIR's words)
        }
      },
      fold(op) { return [op.attr("value")!]; },
      // `%c0`, `%c7_i32`, `%true`, `%cst`, as MLIR's ConstantOp::getAsmResultNames.
      resultName(op) {
        const a = op.attr("value");
        if (!(a instanceof IntegerAttr)) return "cst";
        let n = constantNames.get(a);
        if (n === undefined) {
          n = a.type === i1 ? (a.value ? "true" : "false") : `c${a.value}` + (a.type instanceof IntegerType ? `_${a.type.str}` : "");
          constantNames.set(a, n);
        }
        return n;
      },
    },
    ...["addi", "muli", "andi", "ori", "xori", "maxsi", "minsi", "maxui", "minui"].map((n) => binary(`arith.${n}`, true)),
    ...["subi", "divsi", "divui", "remsi", "remui", "ceildivsi", "ceildivui", "floordivsi", "shli", "shrsi", "shrui"].map((n) => binary(`arith.${n}`)),
    ...["addf", "mulf", "maximumf", "minimumf", "maxnumf", "minnumf"].map((n) => binary(`arith.${n}`, true, FASTMATH_NONE)),
    ...["subf", "divf", "remf"].map((n) => binary(`arith.${n}`, false, FASTMATH_NONE)),
    sameTypeOp("arith.negf", 1, ["Elementwise"], {
      ...typed(FLOAT_LIKE, 1), implicitAttrs: FASTMATH_NONE,
      fold(op, c) { return foldIdentity(op, c) ?? foldElementwise(c, op.result.type, ([v]) => -Number(v)); },
    }),
    extendedOp("arith.addui_extended", ["sum", "overflow"]),
    extendedOp("arith.mulsi_extended", ["low", "high"]),
    extendedOp("arith.mului_extended", ["low", "high"]),
    predicateOp("arith.cmpi", CMPI_PREDICATES, boolLike),
    { ...predicateOp("arith.cmpf", CMPF_PREDICATES, boolLike), implicitAttrs: FASTMATH_NONE },
    {
      name: "arith.select", operands: 3, results: 1, traits: ["Pure", "Elementwise"], operandTypes: [BOOL_LIKE, ANY, ANY],
      parse(p, st) {
        const ops = p.parseOperandList();
        p.parseOptionalAttrDict(st);
        const ts = (p.expect(":"), p.parseTypeList());
        const [ct, t] = ts.length === 2 ? ts : [i1, ts[0]];
        st.operands = p.resolveOperands(ops, [ct, t, t]);
        st.resultTypes = [t];
      },
      print(p, op) {
        const ct = op.operand(0).type;
        p.print(" ", p.operands(op.operands), p.attrDict(op), " : ", ct === i1 ? "" : ct.str + ", ", p.type(op.result.type));
      },
      verify(op) {
        const [c, a, b] = op.operands.map((v) => v.type);
        if (a !== b || a !== op.result.type) return "failed to verify that all of {true_value, false_value, result} have same type";
        if (c === i1) return;
        // MLIR's BooleanConditionOrMatchingShape (shapes only), then its verifier (the whole type)
        if (!(a instanceof ShapedType && c instanceof ShapedType && a.shape.join() === c.shape.join())) return "failed to verify that condition is signless i1 or has matching shape";
        if (!(a instanceof TensorType || a instanceof VectorType)) return `expected condition to be a signless i1, but got '${c.str}'`;
        if (c !== boolLike(a)) return `expected condition type to have the same shape as the result type, expected '${boolLike(a).str}', but got '${c.str}'`;
      },
      fold(op, c) { // MLIR's order: equal values, a constant (or splat) condition, select %c, true, false, select on x == y / x != y
        const [cond, x, y] = op.operands;
        if (x === y) return [x];
        const k = splat(c[0]);
        if (k !== undefined) return [Number(k) ? x : y];
        const [t, f] = [scalarOf(c[1]), scalarOf(c[2])];
        if (op.result.type === i1 && t !== undefined && f !== undefined && Number(t) !== 0 && Number(f) === 0) return [cond];
        const cmp = cond instanceof OpResult && cond.op.name === "arith.cmpi" ? cond.op : undefined, p = cmp && CMPI_PREDICATES[cmp.attr<IntegerAttr>("predicate")!.num];
        if (cmp && (p === "eq" || p === "ne") && ((cmp.operand(0) === x && cmp.operand(1) === y) || (cmp.operand(1) === x && cmp.operand(0) === y))) return [p === "ne" ? x : y];
        // a constant mask picking from two constants: element by element
        return c.every((a) => a instanceof DenseElementsAttr) ? foldElementwise(c, op.result.type, ([m, a, b]) => (Number(m) ? a : b)) : undefined;
      },
    },
    { ...cast("arith.index_cast", [INDEX_CAST, INDEX_CAST], indexIntegerPair), canonicalize: castOfCast },
    { ...cast("arith.index_castui", [INDEX_CAST, INDEX_CAST], indexIntegerPair), canonicalize: castOfCast },
    cast("arith.sitofp", [FIXED_INT_LIKE, FLOAT_LIKE], (f, t) => f instanceof IntegerType && t instanceof FloatType),
    cast("arith.uitofp", [FIXED_INT_LIKE, FLOAT_LIKE], (f, t) => f instanceof IntegerType && t instanceof FloatType),
    cast("arith.fptosi", [FLOAT_LIKE, FIXED_INT_LIKE], (f, t) => f instanceof FloatType && t instanceof IntegerType),
    cast("arith.fptoui", [FLOAT_LIKE, FIXED_INT_LIKE], (f, t) => f instanceof FloatType && t instanceof IntegerType),
    floatCast("arith.extf", (f, t) => fw(t) > fw(f) && fw(f) > 0),
    floatCast("arith.truncf", (f, t) => fw(t) < fw(f) && fw(t) > 0),
    cast("arith.extsi", [FIXED_INT_LIKE, FIXED_INT_LIKE], (f, t) => iw(t) > iw(f) && iw(f) >= 0),
    cast("arith.extui", [FIXED_INT_LIKE, FIXED_INT_LIKE], (f, t) => iw(t) > iw(f) && iw(f) >= 0),
    cast("arith.trunci", [FIXED_INT_LIKE, FIXED_INT_LIKE], (f, t) => iw(t) < iw(f) && iw(t) >= 0),
    { ...cast("arith.bitcast", [BITCAST, BITCAST], (f, t) => f === t || (Math.max(fw(f), iw(f)) === Math.max(fw(t), iw(t)) && Math.max(fw(f), iw(f)) >= 0)), canonicalize: castOfCast },
  ] as OpSpec[]).map((s): OpSpec => (PATTERNS.has(s.name) ? { ...s, canonicalize: canonicalizeArith } : s)),
};
