// Memref descriptors in the heap: our wasm32 form of MLIR's C ABI, which the interpreter and the
// host library share (src/runtime/host/memref.ts re-exports it; the wasm backend lays them out
// the same way).
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

import type { Heap } from "./heap.js";

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
