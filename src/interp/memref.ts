// memref: descriptors over the shared heap. alloc/dealloc go through the heap's malloc/free;
// alloca is a heap block freed when the enclosing call returns; globals are allocated and
// initialized on first use. Loads and stores are only bounds-checked against the shape under
// `checkBounds` (like wasm's --check-bounds); otherwise only the memory itself bounds them.
import { DenseElementsAttr, DenseResourceElementsAttr, SparseElementsAttr, StridedLayoutAttr, TypeAttr } from "../ir/attributes.js";
import type { Operation } from "../ir/core.js";
import { DYN, MemRefType, TensorType, Type } from "../ir/types.js";
import { allocAlignment, castChecks, castMismatch, permutation, reassociation, staticList, subviewDrops } from "../dialects/memref.js";
import type { HandlerTable, Interpreter } from "./interpreter.js";
import { checkIndex, layoutOf, loadElement, storeElement, storeScalar } from "./memory.js";
import { MemRefValue, OpTrap, Trap, canon, contiguousStrides, forEachIndex, numElements, type RtValue, type Scalar } from "./values.js";
import { intAttr, intList, mixed, segments, split, symbolRef } from "./util.js";
import { blobElements } from "./arith.js";

const DEFAULT_ALIGN = 16;

export function asMemRef(v: RtValue, what = "operand"): MemRefValue {
  if (!(v instanceof MemRefValue)) throw new Trap(`${what} is not a memref`);
  return v;
}

function memrefType(t: Type): MemRefType {
  if (!(t instanceof MemRefType)) throw new Trap(`expected a ranked memref type, got ${t.str}`);
  return t;
}

/** Allocates a fresh contiguous memref of type t with the given dynamic sizes. */
export function allocMemRef(interp: Interpreter, t: Type, dynSizes: readonly number[], align = DEFAULT_ALIGN): MemRefValue {
  const mt = memrefType(t);
  let k = 0;
  const sizes = mt.shape.map((d) => (d === DYN ? dynSizes[k++] : d));
  for (const s of sizes) if (!Number.isInteger(s) || s < 0) throw new Trap(`memref.alloc: invalid size ${s} for ${mt.str}`);
  const bytes = numElements(sizes) * layoutOf(mt.elementType).size;
  const p = interp.heap.malloc(bytes, align);
  const layout = mt.layout instanceof StridedLayoutAttr && mt.layout.strides.every((s) => s !== DYN) ? mt.layout : undefined;
  return new MemRefValue(mt.elementType, p, p, layout && layout.offset !== DYN ? layout.offset : 0, sizes, layout ? [...layout.strides] : contiguousStrides(mt.shape, sizes));
}

/** Reads the memref's elements in row-major order. */
export function readAll(interp: Interpreter, m: MemRefValue): Scalar[] {
  const out: Scalar[] = [];
  forEachIndex(m.sizes, (idx) => out.push(loadElement(interp.heap, m, idx)));
  return out;
}

/**
 * Stops the run at a cast (memref.cast, tensor.cast) whose operand lacks the rank, sizes, offset
 * or strides its result type `to` fixes: undefined behaviour in MLIR, which its runtime
 * verification reports (the wasm engine checks under --check-bounds, ops-memory.ts).
 */
export function checkCast(to: Type, v: { rank: number; sizes: readonly number[]; offset?: number; strides?: readonly number[] }): void {
  if (!(to instanceof MemRefType || to instanceof TensorType)) return;
  for (const { field, dim, want } of castChecks(to)) {
    const actual = field === "rank" ? v.rank : field === "size" ? v.sizes[dim] : field === "offset" ? v.offset : v.strides?.[dim];
    if (actual !== want) throw new OpTrap(castMismatch(field, dim, actual!, to.str));
  }
}

/** Indices are index values, i.e. numbers already (see values.ts). */
function access(interp: Interpreter, m: MemRefValue, idx: readonly RtValue[]): number[] {
  const ix = idx as number[];
  if (ix.length !== m.rank) throw new Trap(`${m.typeStr} accessed with ${ix.length} indices`);
  if (interp.options.checkBounds) checkIndex(m, ix);
  return ix;
}

export function load(interp: Interpreter, m: MemRefValue, idx: readonly RtValue[]): Scalar {
  return loadElement(interp.heap, m, access(interp, m, idx));
}
export function store(interp: Interpreter, m: MemRefValue, idx: readonly RtValue[], v: RtValue): void {
  storeElement(interp.heap, m, access(interp, m, idx), v as Scalar);
}

/** Address of a memref.global, allocating and initializing it on first use. */
function globalMemRef(interp: Interpreter, name: string, t: Type): MemRefValue {
  const mt = memrefType(t);
  let addr = interp.globals.get(name);
  if (addr === undefined) {
    const g = interp.lookupSymbol(name);
    if (!g || g.name !== "memref.global") throw new Trap(`memref.get_global: no memref.global named @${name}`);
    const gt = memrefType(g.attr<TypeAttr>("type")?.type ?? t);
    const l = layoutOf(gt.elementType);
    const n = numElements(gt.shape);
    addr = interp.heap.malloc(n * l.size, intAttr(g, "alignment") ?? DEFAULT_ALIGN);
    interp.heap.bytes.fill(0, addr, addr + n * l.size);
    const written = g.attr("initial_value");
    const init = written instanceof DenseResourceElementsAttr || written instanceof SparseElementsAttr ? blobElements(written, `memref.global @${name}`) : written;
    if (init instanceof DenseElementsAttr) {
      for (let i = 0; i < n; i++) storeScalar(interp.heap, addr + i * l.size, l.scalar!, canon(init.at(init.isSplat ? 0 : i), gt.elementType));
    }
    interp.globals.set(name, addr);
  }
  return new MemRefValue(mt.elementType, addr, addr, 0, mt.shape, contiguousStrides(mt.shape));
}

/** Which source dims a rank-reducing view drops (MLIR's greedy rank-reduction mask). */
export function droppedDims(sizes: readonly number[], resultShape: readonly number[]): Set<number> {
  const dropped = new Set<number>();
  let j = 0;
  for (let i = 0; i < sizes.length; i++) {
    const r = resultShape[j];
    if (j < resultShape.length && (r === DYN || r === sizes[i])) j++;
    else if (sizes[i] === 1) dropped.add(i);
    else throw new Trap(`cannot rank-reduce sizes [${sizes.join(", ")}] to [${resultShape.join(", ")}]`);
  }
  return dropped;
}

/** `drop`: the unit dims a rank-reducing subview drops (subviewDrops: its types' strides decide). */
function subview(src: MemRefValue, offsets: number[], sizes: number[], strides: number[], drop: readonly number[]): MemRefValue {
  let offset = src.offset;
  offsets.forEach((o, d) => (offset += o * src.strides[d]));
  const kept = (_: number, d: number) => !drop.includes(d);
  return new MemRefValue(src.elementType, src.allocated, src.aligned, offset, sizes.filter(kept), strides.map((s, d) => s * src.strides[d]).filter(kept));
}

/** static_offsets/sizes/strides merged with the dynamic operands after `lead` operands. */
export function viewParams(op: Operation, args: readonly RtValue[], lead: number): [number[], number[], number[]] {
  const so = intList(op, "static_offsets") ?? [], ss = intList(op, "static_sizes") ?? [], st = intList(op, "static_strides") ?? [];
  const rest = args.slice(lead).map(Number);
  const nDyn = (xs: number[]) => xs.filter((v) => v === DYN).length;
  const seg = segments(op, [lead, nDyn(so), nDyn(ss), nDyn(st)]);
  const [dOff, dSz, dSt] = split(rest, seg.slice(-3)); // (after the lead operands: one segment each for insert_slice's source and dest)
  return [mixed(so, dOff), mixed(ss, dSz), mixed(st, dSt)];
}

export const MEMREF: HandlerTable = {
  "memref.alloc": (interp, op, args) => {
    const seg = segments(op, [args.length, 0]);
    return [allocMemRef(interp, op.results[0].type, args.slice(0, seg[0]).map(Number), allocAlignment(op, DEFAULT_ALIGN))];
  },
  "memref.alloca": (interp, op, args) => {
    const seg = segments(op, [args.length, 0]);
    const m = allocMemRef(interp, op.results[0].type, args.slice(0, seg[0]).map(Number), allocAlignment(op, DEFAULT_ALIGN));
    interp.pushStackAllocation(m.allocated);
    return [m];
  },
  "memref.dealloc": (interp, _op, [m]) => { interp.heap.free(asMemRef(m).allocated); return []; },
  "memref.load": (interp, _op, [m, ...idx]) => [load(interp, asMemRef(m), idx)],
  "memref.store": (interp, _op, [v, m, ...idx]) => { store(interp, asMemRef(m), idx, v); return []; },
  "memref.dim": (_i, _op, [m, d]) => {
    const mm = asMemRef(m), k = Number(d);
    if (k < 0 || k >= mm.rank) throw new Trap(`memref.dim: dimension ${k} out of range for rank ${mm.rank}`);
    return [mm.sizes[k]];
  },
  "memref.rank": (_i, _op, [m]) => [asMemRef(m).rank],
  "memref.cast": (_i, op, [m]) => { checkCast(op.results[0].type, asMemRef(m)); return [m]; },
  "memref.subview": (_i, op, args) => {
    const [o, s, st] = viewParams(op, args, 1);
    // (which dims a rank-reducing one drops: its types say, asked only of one that reduces)
    return [subview(asMemRef(args[0]), o, s, st, (op.results[0].type as MemRefType).rank < s.length ? subviewDrops(op) : [])];
  },
  "memref.reinterpret_cast": (_i, op, args) => {
    const src = asMemRef(args[0]);
    const [o, s, st] = viewParams(op, args, 1);
    return [new MemRefValue(src.elementType, src.allocated, src.aligned, o[0] ?? 0, s, st)];
  },
  "memref.copy": (interp, _op, [a, b]) => {
    const src = asMemRef(a), dst = asMemRef(b);
    if (src.sizes.some((s, d) => s !== dst.sizes[d])) throw new Trap(`memref.copy: shapes ${src.sizes.join("x")} and ${dst.sizes.join("x")} differ`);
    const data = readAll(interp, src);
    let k = 0;
    forEachIndex(dst.sizes, (idx) => storeElement(interp.heap, dst, idx, data[k++]));
    return [];
  },
  "memref.get_global": (interp, op) => {
    const name = symbolRef(op, "name");
    if (!name) throw new Trap("memref.get_global without a name");
    return [globalMemRef(interp, name, op.results[0].type)];
  },
  "memref.extract_aligned_pointer_as_index": (_i, _op, [m]) => [asMemRef(m).aligned],
  // Hints: nothing to do (a wrong alignment claim is undefined behaviour, not checked)
  "memref.assume_alignment": () => [],
  "memref.prefetch": () => [],
  // allocas inside live until the function returns, later than MLIR frees them: no value differs
  "memref.alloca_scope": (interp, op) => interp.yieldOf(op.regions[0], []),
  "memref.memory_space_cast": (_i, _op, [m]) => [asMemRef(m)],
  "memref.transpose": (_i, op, [m]) => {
    const src = asMemRef(m), perm = permutation(op);
    return [new MemRefValue(src.elementType, src.allocated, src.aligned, src.offset, perm.map((d) => src.sizes[d]), perm.map((d) => src.strides[d]))];
  },
  "memref.collapse_shape": (_i, op, [m]) => [collapse(asMemRef(m), reassociation(op) ?? [])],
  "memref.expand_shape": (_i, op, args) => [expand(asMemRef(args[0]), op, args.slice(1).map(Number))],
};

/**
 * collapse_shape: each group of dims becomes one whose size is their product and whose stride
 * is the innermost one's (MLIR's rule; the group must be contiguous in memory).
 */
function collapse(m: MemRefValue, groups: number[][]): MemRefValue {
  const sizes = groups.map((g) => g.reduce((a, d) => a * m.sizes[d], 1));
  const strides = groups.map((g) => m.strides[g[g.length - 1]]);
  return new MemRefValue(m.elementType, m.allocated, m.aligned, m.offset, sizes, strides);
}

/** expand_shape: sizes from output_shape; each source dim's stride is split row-major over its group. */
function expand(m: MemRefValue, op: Operation, dyn: number[]): MemRefValue {
  let k = 0;
  const sizes = staticList(op, "static_output_shape").map((d) => (d === DYN ? dyn[k++] : d));
  const strides = new Array<number>(sizes.length).fill(1);
  (reassociation(op) ?? []).forEach((g, d) => {
    let s = m.strides[d];
    for (let j = g.length - 1; j >= 0; j--) { strides[g[j]] = s; s *= sizes[g[j]]; }
  });
  return new MemRefValue(m.elementType, m.allocated, m.aligned, m.offset, sizes, strides);
}
