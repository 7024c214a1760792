// memref's atomics and the views and buffers made otherwise than by subview (memref-more.ts in
// src/dialects): view, reshape, realloc, extract_strided_metadata. One thread runs the
// interpreter, so a read-modify-write is a load and a store.
import type { Operation } from "../ir/core.js";
import { DYN, FloatType, MemRefType, UnrankedMemRefType } from "../ir/types.js";
import { allocAlignment } from "../dialects/memref.js";
import { atomicCombiner } from "../dialects/memref-more.js";
import type { HandlerTable, Interpreter } from "./interpreter.js";
import { floatBinary, intBinary } from "./arith.js";
import { allocMemRef, asMemRef, load, readAll, store } from "./memref.js";
import { storeElement } from "./memory.js";
import { MemRefValue, Trap, contiguousStrides, forEachIndex, type RtValue, type Scalar } from "./values.js";

/** Stores `update(old)` at m[idx]; returns the old value (both atomic ops' result). */
function readModifyWrite(interp: Interpreter, m: RtValue, idx: readonly RtValue[], update: (old: Scalar) => RtValue): RtValue[] {
  const mm = asMemRef(m), old = load(interp, mm, idx);
  store(interp, mm, idx, update(old));
  return [old];
}

/** Sizes of a result type: its static ones, the dynamic ones from `dyn` in order. */
function sizesOf(t: MemRefType, dyn: readonly number[], what: string): number[] {
  let k = 0;
  const sizes = t.shape.map((d) => (d === DYN ? dyn[k++] : d));
  for (const s of sizes) if (!Number.isInteger(s) || s < 0) throw new Trap(`${what}: invalid size ${s} for ${t.str}`);
  return sizes;
}

export const MEMREF_MORE: HandlerTable = {
  "memref.atomic_rmw": (interp, op, [v, m, ...idx]) => {
    const name = atomicCombiner(op), t = op.result.type;
    return readModifyWrite(interp, m, idx, (old) => !name ? v
      : t instanceof FloatType ? floatBinary(name, old as number, v as number, t) : intBinary(name, old, v as Scalar, t));
  },
  "memref.generic_atomic_rmw": (interp, op, [m, ...idx]) => readModifyWrite(interp, m, idx, (old) => interp.yieldOf(op.regions[0], [old])[0]),
  // MLIR's view: the byte shift moves the aligned pointer; the result has offset 0 and identity strides
  "memref.view": (_i, op, [m, shift, ...dyn]) => {
    const src = asMemRef(m), t = op.results[0].type as MemRefType, sizes = sizesOf(t, dyn.map(Number), "memref.view");
    return [new MemRefValue(t.elementType, src.allocated, src.aligned + src.offset + Number(shift), 0, sizes, contiguousStrides(sizes))];
  },
  "memref.reshape": (interp, op, [m, shape]) => {
    const src = asMemRef(m), t = op.results[0].type;
    const dims = readAll(interp, asMemRef(shape, "shape operand")).map(Number);
    // MLIR reads only the dynamic sizes from the shape operand (a static size wins)
    const sizes = t instanceof MemRefType ? sizesOf(t, dims.filter((_, d) => t.shape[d] === DYN), "memref.reshape")
      : t instanceof UnrankedMemRefType ? dims : [];
    if (sizes.some((s) => !Number.isInteger(s) || s < 0)) throw new Trap(`memref.reshape: invalid shape [${dims.join(", ")}]`);
    return [new MemRefValue(src.elementType, src.allocated, src.aligned, src.offset, sizes, contiguousStrides(sizes))];
  },
  "memref.realloc": (interp, op, [m, n]) => [realloc(interp, op, asMemRef(m), n)],
  "memref.extract_strided_metadata": (_i, _op, [m]) => {
    const src = asMemRef(m);
    return [new MemRefValue(src.elementType, src.allocated, src.aligned, 0, [], []), src.offset, ...src.sizes, ...src.strides];
  },
};

/**
 * As MLIR's --expand-realloc: a larger size allocates, copies the old elements and frees the old
 * buffer; a size no larger keeps the buffer (a reinterpret_cast to the new size).
 */
function realloc(interp: Interpreter, op: Operation, src: MemRefValue, n: RtValue | undefined): MemRefValue {
  const t = op.results[0].type as MemRefType, [size] = sizesOf(t, n === undefined ? [] : [Number(n)], "memref.realloc");
  if (size <= src.sizes[0]) return new MemRefValue(src.elementType, src.allocated, src.aligned, 0, [size], [1]);
  const out = allocMemRef(interp, t, [size], allocAlignment(op, 16));
  const old = readAll(interp, src);
  forEachIndex(src.sizes, (idx) => storeElement(interp.heap, out, idx, old[idx[0]]));
  interp.heap.free(src.allocated);
  return out;
}
