// Memref elements in the heap and printMemref*; the descriptors themselves are
// src/interp/memref-descriptor.ts (re-exported here with the host library's API).

import type { Heap } from "../../interp/heap.js";
import { formatMemrefData, formatMemrefHeader, formatElement } from "../../interp/format.js";
import { readMemrefDescriptor, MemrefError } from "../../interp/memref-descriptor.js";
import { halfToFloat } from "../../ir/float.js";

export { contiguousStrides } from "../../ir/types.js";
export * from "../../interp/memref-descriptor.js";

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
