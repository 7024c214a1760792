// Memref descriptors in the heap (our wasm32 form of MLIR's C ABI) and printMemref*.
//
// MLIR passes an unranked memref as (i64 rank, ptr descriptor), the descriptor being
// {allocated ptr, aligned ptr, i64 offset, i64 sizes[rank], i64 strides[rank]}. In TensorLang's
// 32-bit memory model every field is one little-endian i32 word:
//
//   byte 0            i32 allocated   address returned by malloc (what dealloc frees)
//   byte 4            i32 aligned     address of element 0 (what loads/stores index from)
//   byte 8            i32 offset      in elements, added to every linear index
//   byte 12           i32 sizes[rank]
//   byte 12 + 4*rank  i32 strides[rank]   in elements
//
// so a descriptor of rank r takes 12 + 8*r bytes. The rank travels beside the pointer, as in
// MLIR, and is not stored in the descriptor.

import type { Heap } from "../heap.js";
import { formatMemrefData, formatMemrefHeader, formatElement } from "../format.js";
import { halfToFloat } from "../../ir/float.js";

export { contiguousStrides } from "../format.js";

export const MEMREF_DESC_ALLOCATED = 0;
export const MEMREF_DESC_ALIGNED = 4;
export const MEMREF_DESC_OFFSET = 8;
export const MEMREF_DESC_SIZES = 12;
export const MEMREF_DESC_WORD = 4;

export function memrefDescriptorBytes(rank: number): number {
  return MEMREF_DESC_SIZES + 2 * MEMREF_DESC_WORD * rank;
}

/** Byte offset of strides[0] in a descriptor of the given rank. */
export function memrefStridesOffset(rank: number): number {
  return MEMREF_DESC_SIZES + MEMREF_DESC_WORD * rank;
}

export interface MemrefDescriptor {
  allocated: number;
  aligned: number;
  offset: number;
  sizes: number[];
  strides: number[];
}

export class MemrefError extends Error {
  override name = "MemrefError";
}

export function writeMemrefDescriptor(heap: Heap, addr: number, d: MemrefDescriptor): void {
  const rank = d.sizes.length;
  if (d.strides.length !== rank) throw new MemrefError(`memref descriptor: ${rank} sizes but ${d.strides.length} strides`);
  const v = heap.view;
  v.setInt32(addr + MEMREF_DESC_ALLOCATED, d.allocated, true);
  v.setInt32(addr + MEMREF_DESC_ALIGNED, d.aligned, true);
  v.setInt32(addr + MEMREF_DESC_OFFSET, d.offset, true);
  const so = memrefStridesOffset(rank);
  for (let i = 0; i < rank; i++) {
    v.setInt32(addr + MEMREF_DESC_SIZES + MEMREF_DESC_WORD * i, d.sizes[i], true);
    v.setInt32(addr + so + MEMREF_DESC_WORD * i, d.strides[i], true);
  }
}

export function readMemrefDescriptor(heap: Heap, addr: number, rank: number): MemrefDescriptor {
  if (!Number.isInteger(rank) || rank < 0 || rank > 64) throw new MemrefError(`memref descriptor: invalid rank ${rank}`);
  if (addr <= 0 || addr + memrefDescriptorBytes(rank) > heap.size) {
    throw new MemrefError(`memref descriptor pointer out of bounds: 0x${addr.toString(16)}`);
  }
  const v = heap.view;
  const so = memrefStridesOffset(rank);
  const sizes: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < rank; i++) {
    sizes.push(v.getInt32(addr + MEMREF_DESC_SIZES + MEMREF_DESC_WORD * i, true));
    strides.push(v.getInt32(addr + so + MEMREF_DESC_WORD * i, true));
  }
  return {
    allocated: v.getUint32(addr + MEMREF_DESC_ALLOCATED, true),
    aligned: v.getUint32(addr + MEMREF_DESC_ALIGNED, true),
    offset: v.getInt32(addr + MEMREF_DESC_OFFSET, true),
    sizes,
    strides,
  };
}

/** Allocates a descriptor block in the heap and fills it; the caller frees it. */
export function allocMemrefDescriptor(heap: Heap, d: MemrefDescriptor): number {
  const p = heap.malloc(memrefDescriptorBytes(d.sizes.length));
  writeMemrefDescriptor(heap, p, d);
  return p;
}

/** Element types host functions read from memrefs, laid out as the wasm backend stores them (index: 4 bytes). */
export type MemrefElementType = "f32" | "f64" | "i32" | "i64" | "i1" | "i8" | "i16" | "index" | "f16" | "bf16";

export const ELEMENT_BYTES: Record<MemrefElementType, number> = { f32: 4, f64: 8, i32: 4, i64: 8, i1: 1, i8: 1, i16: 2, index: 4, f16: 2, bf16: 2 };

/** Reads element `index` (in elements, from `aligned`); bounds-checked against the memory. */
export function loadElement(heap: Heap, aligned: number, index: number, type: MemrefElementType): number | bigint {
  const p = aligned + index * ELEMENT_BYTES[type];
  if (p < 0 || p + ELEMENT_BYTES[type] > heap.size) {
    throw new MemrefError(`memref element at 0x${p.toString(16)} is outside the memory`);
  }
  const v = heap.view;
  switch (type) {
    case "f32": return v.getFloat32(p, true);
    case "f64": return v.getFloat64(p, true);
    case "i32": return v.getInt32(p, true);
    case "i64": return v.getBigInt64(p, true);
    case "i1": return v.getUint8(p) & 1;
    case "i8": return v.getInt8(p);
    case "i16": return v.getInt16(p, true);
    case "index": return v.getInt32(p, true);
    case "f16": case "bf16": return halfToFloat(v.getUint16(p, true), type === "bf16");
  }
}

/** The full text MLIR's printMemref<T> writes for an unranked memref (ends with a newline). */
export function printMemrefText(heap: Heap, rank: number, descriptor: number, type: MemrefElementType): string {
  const d = readMemrefDescriptor(heap, descriptor, rank);
  const data = formatMemrefData(d.sizes, d.strides, d.offset, (o) => formatElement(loadElement(heap, d.aligned, o, type), type));
  return formatMemrefHeader(d.aligned, d.sizes, d.strides, d.offset) + data + "\n";
}
