// f16 and bf16 under the wasm backend. A value of either type lives in an f32 local, which holds
// it exactly; memory holds its 16-bit pattern, little endian, as the interpreter's heap does. An
// op whose result may need more bits computes in f64 from the exact operands and rounds once to
// the 16-bit format (to nearest, ties to even, past the largest finite to infinity), which is
// what the interpreter does. A NaN is stored as the one quiet NaN the interpreter writes (f16
// 0x7e00, bf16 0x7fc0) and loaded as the interpreter reads it (HalfFormat).
//
// The conversions are integer bit manipulation in small functions, added to a unit once, on
// first use (ModuleCompiler.helper).
import binaryen from "./binaryen.js";
import { FLOAT_FORMATS } from "../../ir/float.js";
import { FloatType, type Type } from "../../ir/types.js";
import type { WasmValType } from "./abi.js";
import { type Expr, FunctionEmitter, i64c } from "./emitter.js";

export const isHalf = (t: Type): t is FloatType => t instanceof FloatType && t.width === 16;

/**
 * A 16-bit binary format: `mant` stored significand bits, exponents emin..emax, the NaN stored.
 * A NaN loaded keeps its sign and payload in bf16 (the interpreter reads it as the f32 with the
 * same top bits) and is f32's positive quiet NaN in f16 (the interpreter's decoder makes JS's NaN).
 */
interface HalfFormat { mant: number; emin: number; emax: number; nan: number; loadedNaNKeepsBits: boolean }
const FORMATS: Record<string, HalfFormat> = {
  f16: { ...FLOAT_FORMATS.f16, nan: 0x7e00, loadedNaNKeepsBits: false },
  bf16: { ...FLOAT_FORMATS.bf16, nan: 0x7fc0, loadedNaNKeepsBits: true },
};
/** The bits of infinity (all exponent bits set): (2·emax + 1) << mant. */
const infBits = (f: HalfFormat) => (2 * f.emax + 1) << f.mant;

/** The 16-bit pattern (in an i32) of an f64 rounded once to `t`. */
export function encodeHalf(e: FunctionEmitter, t: FloatType, x: Expr): Expr {
  const name = e.unit.helper(`${t.kind}.encode`, ["f64"], "i32", ENCODE_LOCALS, (m) => encodeBody(m, FORMATS[t.kind]));
  return e.m.call(name, [x], binaryen.i32);
}

/** The value (an f32, exact) of the 16-bit pattern of type `t` in the low half of an i32. */
export function decodeHalf(e: FunctionEmitter, t: FloatType, bits: Expr): Expr {
  const name = e.unit.helper(`${t.kind}.decode`, ["i32"], "f32", DECODE_LOCALS, (m) => decodeBody(m, FORMATS[t.kind]));
  return e.m.call(name, [bits], binaryen.f32);
}

/** An f64 rounded once to `t`, as an f32 holding the 16-bit value; a NaN stays one, with its sign. */
export function roundHalf(e: FunctionEmitter, t: FloatType, x: Expr): Expr {
  const name = e.unit.helper(`${t.kind}.round`, ["f64"], "f32", [], (m) => {
    const arg = () => m.local.get(0, binaryen.f64);
    return m.select(m.f64.ne(arg(), arg()), m.f32.demote(arg()), decodeHalf(e, t, encodeHalf(e, t, arg())));
  });
  return e.m.call(name, [x], binaryen.f32);
}

const ENCODE_LOCALS: WasmValType[] = ["i64", "i32", "i32", "i32", "i64", "i64", "i64"];
/**
 * encode(x: f64) -> i32. The significand with its implicit bit, shifted right to the format's
 * precision at x's exponent (more for a subnormal result), rounded on the bits shifted out; the
 * exponent field is added, not or-ed, so a rounding carry moves into it (up to infinity).
 */
function encodeBody(m: binaryen.Module, f: HalfFormat): Expr {
  const [X, BITS, SIGN, E, SHIFT, SIG, Q, REM] = [0, 1, 2, 3, 4, 5, 6, 7]; // the parameter, then ENCODE_LOCALS
  const i32 = (l: number) => m.local.get(l, binaryen.i32), i64 = (l: number) => m.local.get(l, binaryen.i64);
  const c32 = (n: number) => m.i32.const(n), c64 = (n: bigint) => i64c(m, n);
  const abs = () => m.i64.and(i64(BITS), c64(0x7fffffffffffffffn));
  const shift64 = () => m.i64.extend_u(i32(SHIFT));
  const halfway = () => m.i64.shl(c64(1n), m.i64.sub(shift64(), c64(1n)));
  const roundUp = m.i32.or(m.i64.gt_u(i64(REM), halfway()),
    m.i32.and(m.i64.eq(i64(REM), halfway()), m.i32.wrap(m.i64.and(i64(Q), c64(1n)))));
  const exponent = () => m.i32.sub(m.i32.wrap(m.i64.shr_u(abs(), c64(52n))), c32(1023));
  const effective = () => m.select(m.i32.lt_s(i32(E), c32(f.emin)), c32(f.emin), i32(E));
  return m.block(null, [
    m.local.set(BITS, m.i64.reinterpret(m.local.get(X, binaryen.f64))),
    m.local.set(SIGN, m.i32.and(m.i32.wrap(m.i64.shr_u(i64(BITS), c64(48n))), c32(0x8000))),
    m.if(m.i64.gt_u(abs(), c64(0x7ff0000000000000n)), m.return(c32(f.nan))),
    m.local.set(E, exponent()),
    m.if(m.i32.gt_s(i32(E), c32(f.emax)), m.return(m.i32.or(i32(SIGN), c32(infBits(f))))),
    // Below half the smallest subnormal (f64 zeros and subnormals too): a zero.
    m.if(m.i32.lt_s(i32(E), c32(f.emin - f.mant - 1)), m.return(i32(SIGN))),
    m.local.set(SHIFT, m.i32.add(c32(52 - f.mant), m.i32.sub(effective(), i32(E)))),
    m.local.set(SIG, m.i64.or(m.i64.and(i64(BITS), c64((1n << 52n) - 1n)), c64(1n << 52n))),
    m.local.set(Q, m.i64.shr_u(i64(SIG), shift64())),
    m.local.set(REM, m.i64.and(i64(SIG), m.i64.sub(m.i64.shl(c64(1n), shift64()), c64(1n)))),
    m.return(m.i32.or(i32(SIGN), m.i32.add(m.i32.shl(m.i32.sub(effective(), c32(f.emin)), c32(f.mant)),
      m.i32.add(m.i32.wrap(i64(Q)), roundUp)))),
  ], binaryen.i32);
}

const DECODE_LOCALS: WasmValType[] = ["i32", "i32"];
/**
 * decode(bits: i32) -> f32. The magnitude's bits, moved to f32's significand, read as an f32
 * (a subnormal one for small values) and scaled by 2^(127 - bias): exact for every finite value.
 */
function decodeBody(m: binaryen.Module, f: HalfFormat): Expr {
  const [BITS, H, MAG] = [0, 1, 2]; // the parameter, then DECODE_LOCALS
  const i32 = (l: number) => m.local.get(l, binaryen.i32), c32 = (n: number) => m.i32.const(n);
  const f32 = (n: number) => m.f32.reinterpret(c32(n));
  const signOf = () => m.f32.reinterpret(m.i32.shl(i32(H), c32(16)));
  const inf = infBits(f), bias = 1 - f.emin;
  return m.block(null, [
    m.local.set(H, m.i32.and(i32(BITS), c32(0xffff))),
    m.local.set(MAG, m.i32.and(i32(H), c32(0x7fff))),
    m.if(m.i32.gt_u(i32(MAG), c32(inf)), m.return(f.loadedNaNKeepsBits ? signOf() : f32(0x7fc00000))),
    m.if(m.i32.eq(i32(MAG), c32(inf)), m.return(m.f32.copysign(f32(0x7f800000), signOf()))),
    m.return(m.f32.copysign(m.f32.mul(m.f32.reinterpret(m.i32.shl(i32(MAG), c32(23 - f.mant))), m.f32.const(2 ** (127 - bias))), signOf())),
  ], binaryen.f32);
}
