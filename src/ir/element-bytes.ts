// Dense elements as raw little-endian bytes, as MLIR stores them: the `dense<"0x...">` hex form
// (DenseIntOrFPElementsAttr's raw data: i1 packed by the bit) and resource blobs
// (DenseResourceElementsAttr: i1 one byte, a C++ bool). Values come out as DenseElementsAttr
// holds those it parses from literals: i1 0 or 1, a number for floats, index and signless
// integers of 32 bits or less, a bigint for wider ones and for si/ui.
import { decodeFloat, floatBits, floatFromBits, halfBits, halfToFloat, nanKeepingArray } from "./float.js";
import { FloatType, IndexType, IntegerType, SignedIntegerType, isBoolType, type ShapedType, type Type } from "./types.js";

/** An element of `t` equal to zero, held as a literal of `t` is (a bigint past 32 bits and for si/ui). */
export const elementZero = (t: Type): number | bigint => (t instanceof SignedIntegerType || (t instanceof IntegerType && t.width > 32) ? 0n : 0);

/** How i1 (si1, ui1) elements are stored: 8 to a byte (MLIR's dense hex) or one per byte (a blob). */
export type BoolLayout = "bits" | "bytes";

/**
 * Bytes one element of `t` takes (MLIR's getDenseElementStorageWidth: the bit width rounded up
 * to whole bytes, index 8); undefined for types TensorLang keeps no values of (complex, ...).
 * An i1 is one byte here; packed by the bit it is an eighth.
 */
export function elementBytes(t: Type): number | undefined {
  if (t instanceof IntegerType || t instanceof SignedIntegerType) return t.width === 0 ? undefined : Math.ceil(t.width / 8);
  if (t instanceof IndexType) return 8;
  if (t instanceof FloatType) return Math.ceil(t.width / 8);
  return undefined;
}

/** Bytes that `n` elements of `t` take, or undefined (see elementBytes). */
export function storageBytes(t: Type, n: number, bools: BoolLayout): number | undefined {
  const w = elementBytes(t);
  if (w === undefined) return undefined;
  return bools === "bits" && isBoolType(t) ? Math.ceil(n / 8) : n * w;
}

/**
 * The `n` elements of `type` in `bytes` (sized by storageBytes), or undefined at an f80/f128
 * element a double cannot hold exactly.
 */
export function decodeElements(bytes: Uint8Array, type: ShapedType, n: number, bools: BoolLayout): (number | bigint)[] | undefined {
  const et = type.elementType, w = elementBytes(et)!;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: (number | bigint)[] = new Array(n);
  if (isBoolType(et)) { // (an si1's one is -1, a bigint as si/ui values are)
    const one = et instanceof SignedIntegerType ? (et.unsigned ? 1n : -1n) : 1, zero = et instanceof SignedIntegerType ? 0n : 0;
    for (let i = 0; i < n; i++) out[i] = (bools === "bits" ? (bytes[i >> 3] >> (i & 7)) & 1 : bytes[i]) ? one : zero;
    return out;
  }
  const nans: number[] = [];
  for (let i = 0, o = 0; i < n; i++, o += w) {
    if (et instanceof FloatType) {
      if (et.kind === "f32" || et.kind === "f64") out[i] = w === 8 ? dv.getFloat64(o, true) : dv.getFloat32(o, true);
      else if (et.kind === "f16" || et.kind === "bf16") out[i] = halfToFloat(dv.getUint16(o, true), et.kind === "bf16");
      else {
        const v = decodeFloat(littleEndian(bytes, o, w) & ((1n << BigInt(et.width)) - 1n), et.kind);
        if (v === undefined) return undefined;
        out[i] = v;
      }
      if (out[i] !== out[i]) nans.push(i);
    } else if (et instanceof IndexType) out[i] = Number(dv.getBigInt64(o, true));
    else if (et instanceof SignedIntegerType) out[i] = et.unsigned ? BigInt.asUintN(et.width, littleEndian(bytes, o, w)) : BigInt.asIntN(et.width, littleEndian(bytes, o, w));
    else {
      const width = (et as IntegerType).width;
      if (width === 32) out[i] = dv.getInt32(o, true);
      else if (width === 16) out[i] = dv.getInt16(o, true);
      else if (width === 8) out[i] = dv.getInt8(o);
      else if (width === 64) out[i] = dv.getBigInt64(o, true);
      else { const v = BigInt.asIntN(width, littleEndian(bytes, o, w)); out[i] = width <= 32 ? Number(v) : v; }
    }
  }
  if (!nans.length) return out;
  // A NaN's sign and payload, from its bits (reading it as a double, and keeping it in `out`, quiets a signaling one).
  const kept = nanKeepingArray<number | bigint>();
  for (let i = 0; i < n; i++) kept.push(out[i]);
  for (const i of nans) kept[i] = floatFromBits(littleEndian(bytes, i * w, w) & ((1n << BigInt((et as FloatType).width)) - 1n), (et as FloatType).kind);
  return kept;
}

/** MLIR's raw data of `values` (one per element of `type`), i1 packed by the bit: the inverse of decodeElements. */
export function encodeElements(values: readonly (number | bigint)[], type: ShapedType): Uint8Array {
  const et = type.elementType, n = values.length;
  const bytes = new Uint8Array(storageBytes(et, n, "bits")!), w = elementBytes(et)!;
  const dv = new DataView(bytes.buffer);
  if (isBoolType(et)) {
    values.forEach((v, i) => { if (v) bytes[i >> 3] |= 1 << (i & 7); });
    return bytes;
  }
  for (let i = 0, o = 0; i < n; i++, o += w) {
    const v = values[i];
    if (et instanceof FloatType && (et.kind === "f32" || et.kind === "f64") && v === v) {
      if (w === 8) dv.setFloat64(o, Number(v), true); else dv.setFloat32(o, Number(v), true);
    } else if (et instanceof FloatType && (et.kind === "f16" || et.kind === "bf16") && v === v) dv.setUint16(o, halfBits(Number(v), et.kind === "bf16"), true);
    else {
      const width = et instanceof FloatType || et instanceof IntegerType || et instanceof SignedIntegerType ? et.width : 64;
      let b = et instanceof FloatType ? floatBits(Number(v), et.kind) : BigInt.asUintN(width, BigInt(v));
      for (let k = 0; k < w; k++, b >>= 8n) bytes[o + k] = Number(b & 0xffn);
    }
  }
  return bytes;
}

function littleEndian(bytes: Uint8Array, o: number, w: number): bigint {
  let b = 0n;
  for (let k = w - 1; k >= 0; k--) b = (b << 8n) | BigInt(bytes[o + k]);
  return b;
}
