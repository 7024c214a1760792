// Float values of each type, held in a JS number (an f64, which holds every f32, f16, bf16,
// tf32 and 8-bit float value exactly, and those f80 and f128 values that a double has):
// rounding to a type, and the bits the type stores. A NaN of a narrower type is held as the f64
// NaN with its sign and payload at the top, as hardware widens it (but never quieted), so that
// the bits MLIR keeps print back as written.
import { FloatType, type FloatKind, type Type } from "./types.js";

/**
 * APFloat's semantics of each format: width, significand bits past the leading one (`mant`),
 * exponent range, and how it spells what is not finite: IEEE (infinities and NaNs in the top
 * exponent), `fn` (no infinities; the one NaN all ones: S.1111.111), `fnuz` (no infinities and
 * no negative zero; the one NaN is the negative zero's pattern). `max`: the largest finite value
 * where the all-ones significand of the top exponent is the NaN (fn). `explicitOne`: f80 stores
 * the leading bit.
 */
export interface FloatFormat {
  width: number; mant: number; emin: number; emax: number;
  nonfinite: "ieee" | "fn" | "fnuz"; max?: number; explicitOne?: boolean;
}
const ieee = (width: number, mant: number, emax: number): FloatFormat => ({ width, mant, emin: 1 - emax, emax, nonfinite: "ieee" });
export const FLOAT_FORMATS: Record<FloatKind, FloatFormat> = {
  f16: ieee(16, 10, 15),
  bf16: ieee(16, 7, 127),
  f32: ieee(32, 23, 127),
  f64: ieee(64, 52, 1023),
  f80: { ...ieee(80, 63, 16383), explicitOne: true },
  f128: ieee(128, 112, 16383),
  tf32: ieee(19, 10, 127),
  f8E5M2: ieee(8, 2, 15),
  f8E4M3: ieee(8, 3, 7),
  f8E4M3FN: { width: 8, mant: 3, emin: -6, emax: 8, nonfinite: "fn", max: 448 },
  f8E5M2FNUZ: { width: 8, mant: 2, emin: -15, emax: 15, nonfinite: "fnuz" },
  f8E4M3FNUZ: { width: 8, mant: 3, emin: -7, emax: 7, nonfinite: "fnuz" },
  f8E4M3B11FNUZ: { width: 8, mant: 3, emin: -10, emax: 4, nonfinite: "fnuz" },
};

/** The largest finite value of a float type (APFloat::getLargest), as a double (infinite past f64's range). */
export function largestFinite(t: FloatType): number {
  const f = FLOAT_FORMATS[t.kind];
  return f.max ?? (2 - 2 ** -f.mant) * 2 ** f.emax;
}

/** Whether a double holds every value of the type (else only some: f80, f128). */
export const fitsDouble = (kind: FloatKind): boolean => FLOAT_FORMATS[kind].mant <= 52 && FLOAT_FORMATS[kind].emax <= 1023;

/**
 * Round a double to the float type's precision (to nearest, ties to even). Past the largest
 * finite value: infinity, or the NaN where the type has no infinity (as APFloat converts); a
 * type without -0 (fnuz) makes it +0. A value of f80 or f128 is the double itself.
 */
export function roundFloat(v: number, t: Type): number {
  if (!(t instanceof FloatType) || t.kind === "f64") return v;
  if (t.kind === "f32") return Math.fround(v);
  const f = FLOAT_FORMATS[t.kind];
  if (!fitsDouble(t.kind)) return v;
  const r = v === v ? roundBinary(v, f.mant + 1, f.emin, f.emax) : v;
  if (f.nonfinite === "ieee" || r !== r) return r; // (a NaN keeps its sign: f8E4M3FN's 0xFF is not 0x7F)
  if (!Number.isFinite(r) || (f.max !== undefined && Math.abs(r) > f.max)) return NaN;
  return r === 0 && f.nonfinite === "fnuz" ? 0 : r;
}

/**
 * `v` rounded once to a binary format of `p` significant bits and exponents emin..emax, with
 * subnormals (f16, bf16: going through f32 first could round twice).
 */
function roundBinary(v: number, p: number, emin: number, emax: number): number {
  const a = Math.abs(v);
  if (!Number.isFinite(a) || a === 0) return v;
  const quantum = 2 ** (Math.max(binaryExponent(a), emin) - p + 1);
  const y = a / quantum, f = Math.floor(y), d = y - f;
  const r = (d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f) * quantum;
  const max = (2 - 2 ** (1 - p)) * 2 ** emax;
  return Math.sign(v) * (r > max ? Infinity : r) || (v < 0 ? -0 : 0);
}

/**
 * a * b + c rounded once to t: IEEE fusedMultiplyAdd, as MLIR lowers math.fma and vector.fma
 * (llvm.intr.fma). Below f64 the product is exact in a double and the sum rounded to odd, which
 * rounds once more to the type correctly (53 >= 2 * 24 + 2 bits); f64 sums exactly in BigInt.
 */
export function fusedMultiplyAdd(a: number, b: number, c: number, t: Type): number {
  if (!(t instanceof FloatType) || t.kind !== "f64") return roundFloat(addRoundToOdd(a * b, c), t);
  const s = a * b + c;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return s;
  if (!Number.isFinite(c)) return c; // (a finite product never overflows first)
  const [ma, ea] = exactParts(a), [mb, eb] = exactParts(b), [mc, ec] = exactParts(c);
  const e = Math.min(ea + eb, ec), m = ((ma * mb) << BigInt(ea + eb - e)) + (mc << BigInt(ec - e));
  // An exact zero takes its sign as the double sum gives it (the product is exact then).
  return m === 0n ? s : roundExact(m, e);
}

const F64 = new Float64Array(1), I64 = new BigInt64Array(F64.buffer);

/** p + c rounded to odd: when inexact, to the neighbour whose last significand bit is 1. */
export function addRoundToOdd(p: number, c: number): number {
  const s = p + c;
  if (!Number.isFinite(s)) return s;
  const z = s - p, err = (p - (s - z)) + (c - z); // TwoSum: s + err = p + c exactly
  F64[0] = s;
  if (err === 0 || (I64[0] & 1n) === 1n) return s;
  I64[0] += (err > 0) === (s > 0) ? 1n : -1n; // away from or toward zero
  return F64[0];
}

/** A finite double as m * 2^e with an integer m. */
function exactParts(x: number): [bigint, number] {
  F64[0] = x;
  const bits = I64[0], exp = Number((bits >> 52n) & 0x7ffn), frac = bits & ((1n << 52n) - 1n);
  const m = exp === 0 ? frac : frac | (1n << 52n);
  return [bits < 0n ? -m : m, exp === 0 ? -1074 : exp - 1075];
}

/** m * 2^e (m nonzero) rounded to the nearest double, ties to even. */
function roundExact(m: bigint, e: number): number {
  const neg = m < 0n, a = neg ? -m : m;
  const q = Math.max(a.toString(2).length - 1 + e, -1022) - 52; // the result's quantum
  let r = a;
  if (q > e) {
    const sh = BigInt(q - e), rem = a & ((1n << sh) - 1n), half = 1n << (sh - 1n);
    r = a >> sh;
    if (rem > half || (rem === half && (r & 1n) === 1n)) r += 1n;
  } else r = a << BigInt(e - q);
  const v = Number(r) * 2 ** q; // exact, or infinity past the largest double
  return neg ? -v : v;
}

/** floor(log2(a)) for a finite a > 0, exactly (Math.log2 may round across a power of two). */
export function binaryExponent(a: number): number {
  const e = Math.floor(Math.log2(a));
  return 2 ** e > a ? e - 1 : 2 ** (e + 1) <= a ? e + 1 : e;
}

/** f16 (or bf16) bits of a value already rounded to that type (exact, so no rounding here); a NaN is the runtime's one quiet NaN. */
export function halfBits(x: number, bf16: boolean): number {
  if (Number.isNaN(x)) return bf16 ? 0x7fc0 : 0x7e00;
  if (bf16) { const dv = new DataView(new ArrayBuffer(4)); dv.setFloat32(0, x); return dv.getUint32(0) >>> 16; }
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0, a = Math.abs(x);
  if (a === Infinity) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | Math.round(a * 2 ** 24); // subnormal
  const e = binaryExponent(a);
  return sign | ((e + 15) << 10) | Math.round((a / 2 ** e - 1) * 1024);
}

export function halfToFloat(h: number, bf16: boolean): number {
  if (bf16) { const dv = new DataView(new ArrayBuffer(4)); dv.setUint32(0, h << 16); return dv.getFloat32(0); }
  const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/**
 * The value of a `kind` bit pattern (a float attribute's hex literal); a NaN keeps its sign and
 * payload. An f80 or f128 pattern must be one whose value a double holds (see decodeFloat).
 */
export function floatFromBits(bits: bigint, kind: FloatKind): number {
  const dv = new DataView(new ArrayBuffer(8));
  if (kind === "f64") { dv.setBigUint64(0, bits); return dv.getFloat64(0); }
  if (!LEGACY.has(kind)) {
    const v = decodeFloat(bits, kind);
    if (v === undefined) throw new RangeError(`${kind} bits 0x${bits.toString(16)} are not a double's value`);
    return v;
  }
  const { sign, inf, mant } = masks(kind), payload = bits & ((1n << mant) - 1n);
  if ((bits & inf) === inf && payload) {
    dv.setBigUint64(0, (bits & sign ? 1n << 63n : 0n) | (0x7ffn << 52n) | (payload << (52n - mant)));
    return dv.getFloat64(0);
  }
  if (kind === "f32") { dv.setUint32(0, Number(bits)); return dv.getFloat32(0); }
  return halfToFloat(Number(bits), kind === "bf16");
}

/** Whether two element values are the same bit for bit: -0 is not 0, and NaNs of other signs or payloads differ (Object.is takes every NaN for one). */
export function sameBits(a: number | bigint, b: number | bigint): boolean {
  if (typeof a !== "number" || typeof b !== "number" || a === a || b === b) return Object.is(a, b);
  const dv = new DataView(new ArrayBuffer(16));
  dv.setFloat64(0, a);
  dv.setFloat64(8, b);
  return dv.getBigUint64(0) === dv.getBigUint64(8);
}

/**
 * An empty array that keeps the bits of each NaN put in it. V8 holds an array of numbers alone as
 * raw doubles and quiets a signaling NaN stored there (`dense<0x7FA00000>` would print
 * `0x7FE00000`); an array that has held another value keeps its numbers boxed, bits and all.
 */
export function nanKeepingArray<T>(): T[] {
  const a = [null] as unknown as T[];
  a.length = 0;
  return a;
}
/** `xs.map(f)`, kept in a nanKeepingArray where `xs` holds a NaN (`f` must pass it through: arithmetic, Math.fround too, quiets it). */
export function mapKeepingNaNs<T, U>(xs: readonly T[], f: (x: T) => U): U[] {
  if (!xs.some((x) => typeof x === "number" && x !== x)) return xs.map(f);
  const out = nanKeepingArray<U>();
  for (const x of xs) out.push(f(x));
  return out;
}

/** The bits of `v`, a value of `kind` (floatFromBits' inverse). */
export function floatBits(v: number, kind: FloatKind): bigint {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, v);
  if (kind === "f64") return dv.getBigUint64(0);
  if (!LEGACY.has(kind)) return encodeFloat(v, FLOAT_FORMATS[kind]);
  if (kind === "f32" && v === v) { dv.setFloat32(0, v); return BigInt(dv.getUint32(0)); }
  if (v === v) return BigInt(halfBits(v, kind === "bf16"));
  const b = dv.getBigUint64(0), { sign, inf, mant } = masks(kind);
  const payload = (b >> (52n - mant)) & ((1n << mant) - 1n) || 1n << (mant - 1n); // quiet if all of it was below the type's bits
  return (b >> 63n ? sign : 0n) | inf | payload;
}

/** The sign bit and the exponent bits (infinity's pattern) of a narrower format, and its stored significand bits. */
function masks(kind: FloatKind): { sign: bigint; inf: bigint; mant: bigint } {
  const { width, mant } = FLOAT_FORMATS[kind], sign = 1n << BigInt(width - 1);
  return { sign, inf: sign - (1n << BigInt(mant)), mant: BigInt(mant) };
}

/** The kinds with their own (faster) bit conversions above; the others go through the generic ones below. */
const LEGACY = new Set<FloatKind>(["f16", "bf16", "f32", "f64"]);

/** Exponent field width and bias, and the significand field width (with f80's explicit leading bit). */
function fields(f: FloatFormat): { ebits: bigint; bias: number; sbits: bigint } {
  const sbits = BigInt(f.mant + (f.explicitOne ? 1 : 0));
  return { ebits: BigInt(f.width) - 1n - sbits, bias: 1 - f.emin, sbits };
}

/**
 * The value of a bit pattern of any format, or undefined where a double cannot hold it exactly
 * (an f80 or f128 value with more precision or range, or a NaN payload below a double's bits).
 */
export function decodeFloat(bits: bigint, kind: FloatKind): number | undefined {
  const f = FLOAT_FORMATS[kind], { ebits, bias, sbits } = fields(f), mant = BigInt(f.mant);
  const neg = (bits >> BigInt(f.width - 1)) & 1n, top = (1n << ebits) - 1n;
  const e = (bits >> sbits) & top, frac = bits & ((1n << mant) - 1n);
  const nanOf = (payload: bigint): number | undefined => {
    const p = mant <= 52n ? payload << (52n - mant) : payload >> (mant - 52n);
    if (mant > 52n && p << (mant - 52n) !== payload) return undefined;
    F64[0] = 0; I64[0] = (neg << 63n) | (0x7ffn << 52n) | (p || 1n << 51n);
    return F64[0];
  };
  if (f.nonfinite === "ieee" && e === top) return frac === 0n ? (neg ? -Infinity : Infinity) : nanOf(frac);
  if (f.nonfinite === "fn" && e === top && frac === (1n << mant) - 1n) return nanOf(0n);
  if (f.nonfinite === "fnuz" && bits === 1n << BigInt(f.width - 1)) return NaN;
  const one = f.explicitOne ? (bits >> mant) & 1n : e === 0n ? 0n : 1n;
  const v = exactDouble((one << mant) | frac, Math.max(Number(e), 1) - bias - f.mant);
  return v === undefined ? undefined : neg ? -v : v;
}

/** sig * 2^exp as a double, if one holds it exactly. */
function exactDouble(sig: bigint, exp: number): number | undefined {
  if (sig === 0n) return 0;
  while ((sig & 1n) === 0n) { sig >>= 1n; exp++; }
  const n = sig.toString(2).length;
  if (n > 53 || exp < -1074 || n + exp > 1024) return undefined;
  return Number(sig) * 2 ** Math.max(exp, -1022) * 2 ** Math.min(exp + 1022, 0); // (two steps: 2^-1074 alone is fine, 2^-1080 is not)
}

/** The bit pattern of `v` (a value of the format) in any format. */
function encodeFloat(v: number, f: FloatFormat): bigint {
  const { ebits, bias, sbits } = fields(f), mant = BigInt(f.mant), top = (1n << ebits) - 1n;
  const signBit = 1n << BigInt(f.width - 1), one = f.explicitOne ? 1n << mant : 0n;
  F64[0] = v;
  const b = I64[0], sign = b < 0n ? signBit : 0n;
  if (v !== v || (!Number.isFinite(v) && f.nonfinite !== "ieee")) {
    if (f.nonfinite === "fnuz") return signBit;
    if (f.nonfinite === "fn") return sign | (signBit - 1n);
    const p52 = b & ((1n << 52n) - 1n);
    const payload = (mant <= 52n ? p52 >> (52n - mant) : p52 << (mant - 52n)) || 1n << (mant - 1n);
    return sign | (top << sbits) | one | payload;
  }
  if (!Number.isFinite(v)) return sign | (top << sbits) | one;
  if (v === 0) return f.nonfinite === "fnuz" ? 0n : sign;
  const a = Math.abs(v), [m, e2] = exactParts(a), e = binaryExponent(a);
  if (e < f.emin) return sign | (m << BigInt(e2 - (f.emin - f.mant))); // subnormal (f80's leading bit 0)
  const sig = m << BigInt(e2 - (e - f.mant)); // with its leading one at bit `mant`
  return sign | (BigInt(e + bias) << sbits) | (f.explicitOne ? sig : sig - (1n << mant));
}
