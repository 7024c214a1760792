// Float values of each type, held in a JS number (an f64, which holds every f32, f16 and bf16
// value exactly): rounding to a type, and the bits the type stores. A NaN of a narrower type is
// held as the f64 NaN with its sign and payload at the top, as hardware widens it (but never
// quieted), so that the bits MLIR keeps print back as written.
import { FloatType, type FloatKind, type Type } from "./types.js";

/** Width, stored significand bits and exponent range of each format (APFloat's semantics). */
export const FLOAT_FORMATS: Record<FloatKind, { width: number; mant: number; emin: number; emax: number }> = {
  f16: { width: 16, mant: 10, emin: -14, emax: 15 },
  bf16: { width: 16, mant: 7, emin: -126, emax: 127 },
  f32: { width: 32, mant: 23, emin: -126, emax: 127 },
  f64: { width: 64, mant: 52, emin: -1022, emax: 1023 },
};

/** Round a double to the float type's precision (to nearest, ties to even; past the largest finite: infinity). */
export function roundFloat(v: number, t: Type): number {
  if (!(t instanceof FloatType) || t.kind === "f64") return v;
  if (t.kind === "f32") return Math.fround(v);
  const f = FLOAT_FORMATS[t.kind];
  return roundBinary(v, f.mant + 1, f.emin, f.emax);
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

/** The value of a `kind` bit pattern (a float attribute's hex literal); a NaN keeps its sign and payload. */
export function floatFromBits(bits: bigint, kind: FloatKind): number {
  const dv = new DataView(new ArrayBuffer(8));
  if (kind === "f64") { dv.setBigUint64(0, bits); return dv.getFloat64(0); }
  const { sign, inf, mant } = masks(kind), payload = bits & ((1n << mant) - 1n);
  if ((bits & inf) === inf && payload) {
    dv.setBigUint64(0, (bits & sign ? 1n << 63n : 0n) | (0x7ffn << 52n) | (payload << (52n - mant)));
    return dv.getFloat64(0);
  }
  if (kind === "f32") { dv.setUint32(0, Number(bits)); return dv.getFloat32(0); }
  return halfToFloat(Number(bits), kind === "bf16");
}

/** The bits of `v`, a value of `kind` (floatFromBits' inverse). */
export function floatBits(v: number, kind: FloatKind): bigint {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, v);
  if (kind === "f64") return dv.getBigUint64(0);
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
