// MLIR's resource blobs: the bytes a `dense_resource<name>` attribute refers to, held in the
// file's `{-# dialect_resources: {builtin: {name: "0x..."}} #-}` section, and what that section
// keeps besides (`external_resources`). Blobs are written as hex: a 4-byte little-endian
// alignment, then the raw bytes.
import { halfToFloat } from "./float.js";
import { FloatType, IndexType, IntegerType, SignedIntegerType, type ShapedType, type Type } from "./types.js";

/** A blob's bytes and the alignment its writer asked for (kept, and printed back as written). */
export class ResourceBlob {
  constructor(readonly alignment: number, readonly bytes: Uint8Array) {}
  /** `0x` + the alignment word + the bytes, upper-case hex, as MLIR prints a blob. */
  get hex(): string {
    const word = Buffer.alloc(4);
    word.writeUInt32LE(this.alignment >>> 0);
    return "0x" + (word.toString("hex") + Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString("hex")).toUpperCase();
  }
  equals(o: ResourceBlob): boolean {
    return this.alignment === o.alignment && Buffer.compare(this.bytes, o.bytes) === 0;
  }
}

/**
 * The blob of `text` (a string's value), or why it is not one: MLIR's errors for a key `key`.
 * As MLIR: `0x` and an even count of hex digits, at least the 4-byte alignment word, and an
 * alignment that is a power of two.
 */
export function parseBlob(text: string, key: string): ResourceBlob | string {
  if (!/^0x[0-9A-Fa-f]*$/.test(text) || text.length % 2 !== 0) return `expected hex string blob for key '${key}'`;
  const bytes = Buffer.from(text.slice(2), "hex");
  if (bytes.length < 4) return `expected hex string blob for key '${key}' to encode alignment in first 4 bytes`;
  const alignment = bytes.readUInt32LE(0);
  // (MLIR 19 runs out of memory on an alignment of 0; it is no power of two)
  if (alignment === 0 || (alignment & (alignment - 1)) !== 0) {
    return `expected hex string blob for key '${key}' to encode alignment in first 4 bytes, but got non-power-of-2 value: ${alignment}`;
  }
  return new ResourceBlob(alignment, new Uint8Array(bytes.subarray(4)));
}

/**
 * What `name` refers to: one per name in a parsed file, shared by every attribute that names it.
 * The parser fills `blob` once it has read the section (which follows the module); a module it
 * returns has every handle filled.
 */
export class ResourceHandle {
  constructor(readonly name: string, public blob?: ResourceBlob) {}
}

/** A value in `external_resources`: a bool, a string, or a blob. */
export type ExternalResourceValue = boolean | string | ResourceBlob;
/** `external_resources`: entries by group (`mlir_reproducer: {pipeline: "..."}`), kept in order to print back. */
export type ExternalResources = Map<string, Map<string, ExternalResourceValue>>;

/**
 * Bytes of one element of `t` in a blob, as MLIR's DenseResourceElementsAttr stores it: whole
 * bytes, i1 one byte (a C++ bool), index 8; undefined for what TensorLang reads no values of.
 */
export function blobElementBytes(t: Type): number | undefined {
  if (t instanceof IntegerType || t instanceof SignedIntegerType) return t.width === 1 ? 1 : t.width % 8 === 0 && t.width <= 64 && t.width > 0 ? t.width / 8 : undefined;
  if (t instanceof IndexType) return 8;
  if (t instanceof FloatType && ["f16", "bf16", "f32", "f64"].includes(t.kind)) return t.width / 8;
  return undefined;
}

/**
 * The elements of `type` in `bytes` (little-endian, row-major), as DenseElementsAttr holds
 * them: a number for floats, index and integers of 32 bits or less, a bigint for wider and for
 * si/ui; i1 is 0 or 1. The caller checked the size (blobElementBytes).
 */
export function decodeBlobElements(bytes: Uint8Array, type: ShapedType): (number | bigint)[] {
  const et = type.elementType, w = blobElementBytes(et)!, n = bytes.length / w;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: (number | bigint)[] = new Array(n);
  for (let i = 0, o = 0; i < n; i++, o += w) {
    if (et instanceof FloatType) out[i] = w === 8 ? dv.getFloat64(o, true) : w === 4 ? dv.getFloat32(o, true) : halfToFloat(dv.getUint16(o, true), et.kind === "bf16");
    else if (et instanceof SignedIntegerType) out[i] = et.unsigned ? littleEndian(bytes, o, w) : BigInt.asIntN(et.width, littleEndian(bytes, o, w));
    else if (et instanceof IntegerType && et.width === 1) out[i] = bytes[o] !== 0 ? 1 : 0;
    else if (et instanceof IndexType) out[i] = Number(dv.getBigInt64(o, true));
    else out[i] = w === 8 ? dv.getBigInt64(o, true) : w === 4 ? dv.getInt32(o, true) : w === 2 ? dv.getInt16(o, true) : dv.getInt8(o);
  }
  return out;
}

function littleEndian(bytes: Uint8Array, o: number, w: number): bigint {
  let b = 0n;
  for (let k = w - 1; k >= 0; k--) b = (b << 8n) | BigInt(bytes[o + k]);
  return b;
}
