// math dialect: transcendental and other float functions on scalars, vectors and tensors.
// The semantics tables are shared by the folder, the interpreter and the backends' oracles.
import { Attribute, DenseElementsAttr, FloatAttr, IntegerAttr, sparseAsDense } from "../ir/attributes.js";
import type { Operation } from "../ir/core.js";
import type { Dialect, FoldResult, OpSpec } from "../ir/dialect.js";
import { FloatType, IndexType, IntegerType, ShapedType, compatibleShapeList, elementTypeOf, f64, type Type } from "../ir/types.js";
import { floatBits, floatFromBits, fusedMultiplyAdd, roundFloat } from "../ir/float.js";
import { FASTMATH_NONE, FLOAT_LIKE, INT_LIKE, elementwiseProblem, parseFlagList, sameTypeOp, typed } from "./common.js";
import { intWidth } from "./arith.js";

/** The sign bit, a NaN's included (-0 and -NaN are negative). */
const signBit = (x: number) => x < 0 || Object.is(x, -0) || (x !== x && floatBits(x, "f64") >> 63n === 1n);
/** `-x` with a NaN's sign flipped too (the engine's negation may leave a NaN as it is). */
const negated = (x: number) => (x === x ? -x : floatFromBits(floatBits(x, "f64") ^ (1n << 63n), "f64"));

type Unary = (x: number) => number;

/** Unary semantics by op name, in double precision (round to the type afterwards). */
export const MATH_UNARY: Record<string, Unary> = {
  "math.exp": Math.exp,
  "math.exp2": (x) => 2 ** x,
  "math.expm1": Math.expm1,
  "math.log": Math.log,
  "math.log2": Math.log2,
  "math.log10": Math.log10,
  "math.log1p": Math.log1p,
  "math.sqrt": Math.sqrt,
  "math.rsqrt": (x) => 1 / Math.sqrt(x),
  "math.cbrt": Math.cbrt,
  "math.tanh": Math.tanh,
  "math.sin": Math.sin,
  "math.cos": Math.cos,
  "math.tan": Math.tan,
  "math.atan": Math.atan,
  "math.acos": Math.acos,
  "math.asin": Math.asin,
  "math.sinh": Math.sinh,
  "math.cosh": Math.cosh,
  "math.acosh": Math.acosh,
  "math.asinh": Math.asinh,
  "math.atanh": Math.atanh,
  "math.erf": erf,
  "math.absf": Math.abs,
  "math.floor": Math.floor,
  "math.ceil": Math.ceil,
  "math.trunc": Math.trunc,
  // round: half away from zero (C `round`); roundeven: half to even (IEEE default).
  "math.round": (x) => { const a = Math.abs(x), r = Math.floor(a); return Math.sign(x) * (a - r >= 0.5 ? r + 1 : r); },
  "math.roundeven": (x) => { const r = Math.round(x); return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r; },
};

/**
 * erf, correctly rounded in practice (as glibc's, under an ulp): below 4 its Taylor series in
 * double-double arithmetic (the terms cancel up to 1e5 times there); above, 1 - erfc from erfc's
 * continued fraction (erfc < 2e-8, so its few-ulp error is far below erf's last bit).
 */
export function erf(x: number): number {
  if (Number.isNaN(x) || x === 0) return x; // (-0 too)
  const a = Math.abs(x);
  if (a < 2 ** -500) { // 2x/sqrt(pi), scaled so that the product's low part is not lost in the subnormals
    const [rh, rl] = ddMul(x * 2 ** 600, 0, C_HI, C_LO);
    return (rh + rl) * 2 ** -600;
  }
  if (a < 3) {
    const [mh, ml] = ddMul(x, 0, -x, 0);
    let [th, tl, sh, sl] = [x, 0, x, 0], n = 1;
    for (; Math.abs(th) > 1e-6 * Math.abs(sh); n++) { // the large terms in double-double
      [th, tl] = ddMul(th, tl, mh, ml); // term *= -x^2 / n
      [th, tl] = ddDiv(th, tl, n);
      const [qh, ql] = ddDiv(th, tl, 2 * n + 1); // sum += term / (2n + 1)
      [sh, sl] = ddAdd(sh, sl, qh, ql);
    }
    let tail = 0; // the small ones in double: their rounding errors stay far below sum's last bit
    for (; Math.abs(th) > 1e-20 * Math.abs(sh); n++) tail += (th *= mh / n) / (2 * n + 1);
    [sh, sl] = ddAdd(sh, sl, tail, 0);
    const [rh, rl] = ddMul(sh, sl, C_HI, C_LO);
    return rh + rl;
  }
  return erfTail(x, 100);
}
/** erf for |x| >= 3: 1 - erfc, erfc from the first `terms` of its continued fraction (1 at 6 and beyond). */
function erfTail(x: number, terms: number): number {
  const a = Math.abs(x);
  if (a >= 6) return Math.sign(x);
  let f = a;
  for (let k = terms; k >= 1; k--) f = a + k / 2 / f;
  return Math.sign(x) * (1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / f);
}

/**
 * erf for results narrower than f64 (f32, f16, bf16): a double series below 3 and a 60-term
 * continued fraction for erfc above, within 1e-13 of erf, so rounding to f32 almost always gives
 * what `erf` gives, at an eighth of its cost (a GELU calls it once per element).
 */
export function erfNarrow(x: number): number {
  if (Number.isNaN(x) || x === 0) return x;
  const a = Math.abs(x);
  if (a < 3) {
    let term = x, sum = x;
    for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return C_HI * sum;
  }
  return erfTail(x, 60);
}

// Double-double arithmetic: hi + lo, |lo| at most half an ulp of hi.
const C_HI = 1.1283791670955126, C_LO = 1.533545961316588e-17; // 2 / sqrt(pi)
const twoSum = (a: number, b: number): [number, number] => { const s = a + b, z = s - a; return [s, (a - (s - z)) + (b - z)]; };
/** a * b exactly (Dekker's split and product). */
function twoProduct(a: number, b: number): [number, number] {
  const p = a * b, ca = 134217729 * a, ah = ca - (ca - a), al = a - ah, cb = 134217729 * b, bh = cb - (cb - b), bl = b - bh;
  return [p, ((ah * bh - p) + ah * bl + al * bh) + al * bl];
}
function ddAdd(ah: number, al: number, bh: number, bl: number): [number, number] { const [s, e] = twoSum(ah, bh); return twoSum(s, e + al + bl); }
function ddMul(ah: number, al: number, bh: number, bl: number): [number, number] { const [p, e] = twoProduct(ah, bh); return twoSum(p, e + ah * bl + al * bh); }
function ddDiv(ah: number, al: number, d: number): [number, number] { const q = ah / d, [p, e] = twoProduct(q, d); return twoSum(q, (ah - p - e + al) / d); }

/** Binary semantics: `math.powf`, `math.atan2`, `math.copysign`. */
export const MATH_BINARY: Record<string, (a: number, b: number) => number> = {
  // C pow: pow(1, y) = 1 and pow(-1, ±inf) = 1, where JS gives NaN.
  "math.powf": (a, b) => (a === 1 || (a === -1 && Math.abs(b) === Infinity) ? 1 : Math.pow(a, b)),
  "math.atan2": Math.atan2,
  "math.copysign": (a, b) => (signBit(a) === signBit(b) ? a : negated(a)),
};

/** `math.fma`: a * b + c rounded once to the type (fused, as MLIR lowers it to llvm.intr.fma). */
export const MATH_TERNARY: Record<string, (a: number, b: number, c: number, t: Type) => number> = {
  "math.fma": fusedMultiplyAdd,
};

/** The scalar function of a math op (by arity) on values of type t, or undefined. */
export function mathSemantics(name: string, t: Type = f64): ((...xs: number[]) => number) | undefined {
  const g = MATH_TERNARY[name];
  if (g) return (a, b, c) => g(a, b, c, t);
  if (name === "math.erf" && t instanceof FloatType && t.width < 64) return erfNarrow;
  const f = MATH_UNARY[name] ?? MATH_BINARY[name];
  return f as ((...xs: number[]) => number) | undefined;
}

/**
 * What MLIR 19 folds, which --canonicalize follows: no folder for rsqrt, cbrt and fma; APFloat's
 * own operations (ANY_WIDTH) for every float type; the rest through the host's libm, for f32 and
 * f64 only, and not where the libm call would fail (the square root and logarithms of a negative
 * number, -0 and -NaN included, log1p below -1): that is left for the runtime.
 */
const UNFOLDED = new Set(["math.rsqrt", "math.cbrt", "math.fma"]);
const ANY_WIDTH = new Set(["math.absf", "math.ceil", "math.floor", "math.roundeven", "math.copysign"]);
const NEGATIVE_UNFOLDED = new Set(["math.sqrt", "math.log", "math.log2", "math.log10"]);
function mlirFolds(name: string, et: Type, xs: number[]): boolean {
  if (UNFOLDED.has(name)) return false;
  if (ANY_WIDTH.has(name)) return true;
  if (!(et instanceof FloatType && (et.kind === "f32" || et.kind === "f64"))) return false;
  if (NEGATIVE_UNFOLDED.has(name)) return !signBit(xs[0]);
  return name !== "math.log1p" || !(xs[0] < -1 || (xs[0] !== xs[0] && signBit(xs[0])));
}
/**
 * A libm result's NaN, not the JS engine's own bits: the first NaN operand passed through, else
 * that of the invalid operation as glibc gives it, x86's (negative, quiet) but for asin and acos
 * out of their domain (positive).
 */
const INVALID_NAN = floatFromBits(0xfff8000000000000n, "f64");
const libmNaN = (name: string, r: number, xs: number[]): number =>
  (r === r || ANY_WIDTH.has(name) ? r : xs.find((x) => x !== x) ?? (name === "math.asin" || name === "math.acos" ? NaN : INVALID_NAN));

/** Folds scalar FloatAttr constants and dense constants element by element, where MLIR does. */
function foldMath(op: Operation, consts: readonly (Attribute | undefined)[]): FoldResult[] | undefined {
  const t = op.result.type;
  const et = elementTypeOf(t);
  const g = mathSemantics(op.name, et);
  if (!g || consts.length !== op.operands.length || consts.some((c) => c === undefined)) return undefined;
  const f = (xs: number[]): number | undefined => (mlirFolds(op.name, et, xs) ? roundFloat(libmNaN(op.name, g(...xs), xs), et) : undefined);
  if (consts.every((c) => c instanceof FloatAttr)) {
    const r = f(consts.map((c) => (c as FloatAttr).value));
    return r === undefined ? undefined : [new FloatAttr(r, et)];
  }
  const elements = consts.map(sparseAsDense); // (MLIR's constFoldUnaryOp reads any ElementsAttr)
  if (t instanceof ShapedType && elements.every((c) => c instanceof DenseElementsAttr)) {
    const ds = elements as DenseElementsAttr[];
    const splat = ds.every((d) => d.isSplat);
    const vs = Array.from({ length: splat ? 1 : t.numElements }, (_, i) => f(ds.map((d) => Number(d.at(i)))));
    return vs.every((v) => v !== undefined) ? [new DenseElementsAttr(t, vs as number[], splat)] : undefined;
  }
  return undefined;
}

const mathOp = (name: string, arity: number): OpSpec =>
  sameTypeOp(name, arity, ["Elementwise"], { ...typed(FLOAT_LIKE, arity), fold: foldMath, implicitAttrs: FASTMATH_NONE });

export const MATH_OPS = [...Object.keys(MATH_UNARY), ...Object.keys(MATH_BINARY), ...Object.keys(MATH_TERNARY)];

/** Integer math semantics on signed BigInts wrapped to `width` (index: 64). */
export const MATH_INT: Record<string, (w: number, a: bigint, b?: bigint) => bigint> = {
  "math.absi": (w, a) => BigInt.asIntN(w, a < 0n ? -a : a),
  // bit counts of the width's pattern (of 0: the width, as llvm.intr.ctlz/cttz without poison)
  "math.ctlz": (w, a) => { const u = BigInt.asUintN(w, a); return BigInt(u ? w - u.toString(2).length : w); },
  "math.cttz": (w, a) => { const u = BigInt.asUintN(w, a); return BigInt(u ? (u & -u).toString(2).length - 1 : w); },
  "math.ctpop": (w, a) => BigInt(BigInt.asUintN(w, a).toString(2).split("1").length - 1),
  // ipowi: negative exponents give 0 except for bases 1 and -1, as MLIR's folder does.
  "math.ipowi": (w, a, b = 0n) => {
    if (b < 0n) return a === 1n ? 1n : a === -1n ? (b % 2n === 0n ? 1n : -1n) : 0n;
    let r = 1n;
    for (let base = BigInt.asIntN(w, a), e = b; e > 0n; e >>= 1n, base = BigInt.asIntN(w, base * base)) if (e & 1n) r = BigInt.asIntN(w, r * base);
    return r;
  },
};

function foldInt(op: Operation, consts: readonly (Attribute | undefined)[]): FoldResult[] | undefined {
  const t = op.result.type;
  if (!(t instanceof IntegerType || t instanceof IndexType) || !consts.every((c) => c instanceof IntegerAttr)) return undefined;
  const [a, b] = (consts as IntegerAttr[]).map((c) => c.value);
  if (op.name === "math.ipowi" && b < 0n && a === 0n) return undefined; // division by zero: no fold
  return [new IntegerAttr(BigInt.asIntN(intWidth(t), MATH_INT[op.name](intWidth(t), a, b)), t)];
}

/** `math.fpowi %x, %n : f32, i32`: float base, integer exponent (same shape). */
const fpowi: OpSpec = {
  name: "math.fpowi", operands: 2, results: 1, traits: ["Pure", "Elementwise"], props: ["fastmath"], implicitAttrs: FASTMATH_NONE,
  parse(p, st) {
    const ops = p.parseOperandList();
    if (p.parseOptionalKeyword("fastmath")) st.addAttr("fastmath", parseFlagList(p, "fastmath"));
    p.parseOptionalAttrDict(st);
    const loc = p.locHere();
    p.expect(":");
    const b = p.parseType();
    p.expect(","); // MLIR's format: `type($lhs) , type($rhs)`
    const ts = [b, p.parseType()];
    st.operands = p.resolveOperands(ops, ts, loc);
    st.resultTypes = [ts[0]];
  },
  print(p, op) {
    const fm = op.attr("fastmath");
    const flags = fm && !fm.str.includes("<none>") ? " fastmath" + fm.str.slice(fm.str.indexOf("<")) : "";
    p.print(" ", p.operands(op.operands), flags, p.attrDict(op, ["fastmath"]), " : ", p.types(op.operands.map((v) => v.type)));
  },
  operandTypes: [FLOAT_LIKE, INT_LIKE], resultTypes: [FLOAT_LIKE],
  verify(op) {
    const [b, e] = op.operands.map((v) => v.type);
    if (op.result.type !== b) return "failed to verify that all of {lhs, result} have same type";
    if (!compatibleShapeList([b, e, b])) return "requires the same shape for all operands and results";
    return elementwiseProblem(op);
  },
};

export const math: Dialect = {
  name: "math",
  ops: [
    ...Object.keys(MATH_UNARY).map((n) => mathOp(n, 1)),
    ...Object.keys(MATH_BINARY).map((n) => mathOp(n, 2)),
    mathOp("math.fma", 3),
    ...["math.absi", "math.ctlz", "math.cttz", "math.ctpop"].map((n) => sameTypeOp(n, 1, ["Elementwise"], { props: [], ...typed(INT_LIKE, 1), fold: foldInt })),
    sameTypeOp("math.ipowi", 2, ["Elementwise"], { props: [], ...typed(INT_LIKE, 2), fold: foldInt }),
    fpowi,
  ],
};
