// tensor (and bufferization's boundary ops): tensors are immutable TensorValues; every
// "update" builds a new value. tensor.empty is zero-filled (its contents are unspecified).
import type { Operation } from "../ir/core.js";
import { DYN, MemRefType, Type } from "../ir/types.js";
import type { HandlerTable, Interpreter } from "./interpreter.js";
import { allocMemRef, asMemRef, checkCast, droppedDims, readAll, viewParams } from "./memref.js";
import { storeElement } from "./memory.js";
import { MemRefValue, TensorValue, Trap, forEachIndex, rowMajor, shapedInfo, zeroOf, type RtValue, type Scalar } from "./values.js";
import { asTensor } from "./vector.js";
import { intAttr, intList, mixed, segments, split } from "./util.js";

/** Result shape of t with its dynamic sizes taken from `dyn` in order. */
export function resolveShape(t: Type, dyn: readonly RtValue[]): { shape: number[]; elementType: Type } {
  const info = shapedInfo(t);
  if (!info) throw new Trap(`expected a shaped type, got ${t.str}`);
  let k = 0;
  return { shape: info.shape.map((d) => (d === DYN ? Number(dyn[k++]) : d)), elementType: info.elementType };
}

function at(t: TensorValue, idx: readonly RtValue[]): number {
  const ix = idx.map(Number);
  ix.forEach((x, d) => { if (x < 0 || x >= t.shape[d]) throw new Trap(`tensor index [${ix.join(", ")}] is outside the shape ${t.shape.join("x")}`); });
  return rowMajor(t.shape, ix);
}

function extractSlice(src: TensorValue, off: number[], sizes: number[], strides: number[], resultType: Type): TensorValue {
  const data: Scalar[] = [];
  forEachIndex(sizes, (k) => data.push(src.data[rowMajor(src.shape, k.map((x, d) => off[d] + x * strides[d]))]));
  const info = shapedInfo(resultType);
  const shape = info && info.shape.length < sizes.length ? sizes.filter((_, d) => !droppedDims(sizes, info.shape).has(d)) : sizes;
  return new TensorValue(shape, src.elementType, data);
}

export function insertSlice(src: TensorValue, dest: TensorValue, off: number[], sizes: number[], strides: number[]): TensorValue {
  const data = [...dest.data];
  let i = 0;
  forEachIndex(sizes, (k) => { data[rowMajor(dest.shape, k.map((x, d) => off[d] + x * strides[d]))] = src.data[i++]; });
  return new TensorValue(dest.shape, dest.elementType, data);
}

function generate(interp: Interpreter, op: Operation, dyn: RtValue[]): TensorValue {
  const { shape, elementType } = resolveShape(op.results[0].type, dyn);
  const data: Scalar[] = [];
  forEachIndex(shape, (idx) => data.push(interp.yieldOf(op.regions[0], [...idx])[0] as Scalar));
  return new TensorValue(shape, elementType, data);
}

/** tensor.pad: the source at [low, low + size), the region's value (at the index) elsewhere. */
function pad(interp: Interpreter, op: Operation, [src, ...dyn]: RtValue[]): TensorValue {
  const t = asTensor(src), nLow = segments(op, [1, 0, 0])[1];
  const low = mixed(intList(op, "static_low") ?? [], dyn.slice(0, nLow).map(Number));
  const high = mixed(intList(op, "static_high") ?? [], dyn.slice(nLow).map(Number));
  const shape = t.shape.map((d, i) => low[i] + d + high[i]);
  const data: Scalar[] = [];
  forEachIndex(shape, (idx) => {
    const s = idx.map((x, d) => x - low[d]);
    data.push(s.every((x, d) => x >= 0 && x < t.shape[d]) ? t.data[rowMajor(t.shape, s)] : interp.yieldOf(op.regions[0], [...idx])[0] as Scalar);
  });
  return new TensorValue(shape, t.elementType, data);
}

/** tensor.concat: the inputs one after another along `dim`. */
function concat(op: Operation, args: RtValue[]): TensorValue {
  const ts = args.map((a) => asTensor(a)), d = intAttr(op, "dim") ?? 0;
  const shape = [...ts[0].shape];
  shape[d] = ts.reduce((n, t) => n + t.shape[d], 0);
  const data: Scalar[] = [];
  forEachIndex(shape, (idx) => {
    let k = 0, x = idx[d];
    while (x >= ts[k].shape[d]) x -= ts[k++].shape[d];
    data.push(ts[k].data[rowMajor(ts[k].shape, idx.map((v, i) => (i === d ? x : v)))]);
  });
  return new TensorValue(shape, ts[0].elementType, data);
}

/**
 * Calls `visit` for every element of a gather's result (a scatter's source), in order, with the
 * index into the big tensor (the gather's source, the scatter's dest): the coordinates `indices`
 * holds along `dims`, the slice's own index elsewhere.
 */
function forEachGathered(big: TensorValue, indices: TensorValue, dims: number[], visit: (at: number) => void): void {
  const n = indices.shape[indices.rank - 1];
  if (n !== dims.length) throw new Trap(`indices end in a dimension of ${n}, but ${dims.length} dims are gathered or scattered`);
  forEachIndex(indices.shape.slice(0, -1), (batch) => {
    const base = rowMajor(indices.shape, [...batch, 0]);
    const coords = dims.map((_, k) => indices.data[base + k]);
    forEachIndex(big.shape.map((d, i) => (dims.includes(i) ? 1 : d)), (slice) => visit(at(big, slice.map((x, i) => {
      const k = dims.indexOf(i);
      return k < 0 ? x : coords[k];
    }))));
  });
}
function gather(op: Operation, [s, i]: RtValue[]): TensorValue {
  const src = asTensor(s), indices = asTensor(i), dims = intList(op, "gather_dims") ?? [], data: Scalar[] = [];
  forEachGathered(src, indices, dims, (k) => data.push(src.data[k]));
  const full = [...indices.shape.slice(0, -1), ...src.shape.map((d, k) => (dims.includes(k) ? 1 : d))];
  const reduced = (shapedInfo(op.results[0].type)?.shape.length ?? full.length) < full.length;
  return new TensorValue(reduced ? full.filter((_, k) => !dims.includes(k - indices.rank + 1)) : full, src.elementType, data);
}
function scatter(op: Operation, [s, d, i]: RtValue[]): TensorValue {
  const src = asTensor(s), dest = asTensor(d), data = [...dest.data];
  let n = 0;
  forEachGathered(dest, asTensor(i), intList(op, "scatter_dims") ?? [], (k) => { data[k] = src.data[n++]; });
  return new TensorValue(dest.shape, dest.elementType, data);
}

/**
 * The unpacked index of each element of a packed tensor (tensor.pack/unpack): outer index times
 * tile plus inner index along a tiled dim, the outer index elsewhere; outer dims in `perm` order.
 */
function unpackedIndex(packed: readonly number[], n: number, innerDimsPos: readonly number[], tiles: readonly number[], perm: readonly number[]): number[] {
  const u = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const d = perm.length ? perm[i] : i, j = innerDimsPos.indexOf(d);
    u[d] = j < 0 ? packed[i] : packed[i] * tiles[j] + packed[n + j];
  }
  return u;
}
/** Where element `u` of the unpacked tensor sits in the packed one (the inverse of unpackedIndex). */
function packedIndex(u: readonly number[], innerDimsPos: readonly number[], tiles: readonly number[], perm: readonly number[]): number[] {
  const outer = u.map((x, d) => { const j = innerDimsPos.indexOf(d); return j < 0 ? x : Math.floor(x / tiles[j]); });
  return [...(perm.length ? perm.map((d) => outer[d]) : outer), ...innerDimsPos.map((d, j) => u[d] % tiles[j])];
}
/** The tiling of a pack (args: source, dest, padding?, tiles) or unpack (source, dest, tiles), tiles checked against the packed type. */
function tilingOf(op: Operation, args: RtValue[], packed: TensorValue) {
  const pack = op.name === "tensor.pack", nPad = pack ? segments(op, [1, 1, 0, 0])[2] : 0;
  const innerDimsPos = intList(op, "inner_dims_pos") ?? [], perm = intList(op, "outer_dims_perm") ?? [];
  const tiles = mixed(intList(op, "static_inner_tiles") ?? [], args.slice(2 + nPad).map(Number)), n = packed.rank - tiles.length;
  tiles.forEach((t, j) => { if (t !== packed.shape[n + j]) throw new Trap(`${op.name}: inner tile ${t} does not match the packed dimension of ${packed.shape[n + j]}`); });
  return { innerDimsPos, perm, tiles, n, pad: nPad ? (args[2] as Scalar) : undefined };
}
/** tensor.pack: every element of the dest, from the source or, past its end, the padding value (zero without one, as MLIR's lowering). */
function pack(op: Operation, args: RtValue[]): TensorValue {
  const src = asTensor(args[0]), dest = asTensor(args[1]), { innerDimsPos, perm, tiles, n, pad } = tilingOf(op, args, dest), data: Scalar[] = [];
  forEachIndex(dest.shape, (k) => {
    const u = unpackedIndex(k, n, innerDimsPos, tiles, perm);
    data.push(u.every((x, d) => x < src.shape[d]) ? src.data[rowMajor(src.shape, u)] : pad ?? zeroOf(src.elementType));
  });
  return new TensorValue(dest.shape, dest.elementType, data);
}
/** tensor.unpack: every element of the dest, read from its place in the packed source. */
function unpack(op: Operation, args: RtValue[]): TensorValue {
  const src = asTensor(args[0]), dest = asTensor(args[1]), { innerDimsPos, perm, tiles } = tilingOf(op, args, src), data: Scalar[] = [];
  forEachIndex(dest.shape, (u) => data.push(src.data[at(src, packedIndex(u, innerDimsPos, tiles, perm))]));
  return new TensorValue(dest.shape, dest.elementType, data);
}

/** A memref holding a copy of the tensor (bufferization.to_memref); an unranked type takes the tensor's shape. */
function toMemRef(interp: Interpreter, t: TensorValue, type: Type) {
  const mt = type instanceof MemRefType ? type : MemRefType.get(t.shape, t.elementType);
  const m = allocMemRef(interp, mt, t.shape.filter((_, d) => mt.shape[d] === DYN));
  writeInto(interp, t, m);
  return m;
}
function writeInto(interp: Interpreter, t: TensorValue, m: MemRefValue): void {
  if (t.shape.join("x") !== m.sizes.join("x")) throw new Trap(`cannot write a ${t.shape.join("x")} tensor into a ${m.sizes.join("x")} memref`);
  let i = 0;
  forEachIndex(t.shape, (idx) => storeElement(interp.heap, m, idx, t.data[i++]));
}

export const TENSOR: HandlerTable = {
  "tensor.empty": (_i, op, dyn) => {
    const { shape, elementType } = resolveShape(op.results[0].type, dyn);
    return [TensorValue.filled(shape, elementType, zeroOf(elementType))];
  },
  "tensor.extract": (_i, _op, [t, ...idx]) => { const tv = asTensor(t); return [tv.data[at(tv, idx)]]; },
  "tensor.insert": (_i, _op, [s, t, ...idx]) => {
    const tv = asTensor(t), data = [...tv.data];
    data[at(tv, idx)] = s as Scalar;
    return [new TensorValue(tv.shape, tv.elementType, data)];
  },
  "tensor.dim": (_i, _op, [t, d]) => {
    const tv = asTensor(t), k = Number(d);
    if (k < 0 || k >= tv.rank) throw new Trap(`tensor.dim: dimension ${k} out of range for rank ${tv.rank}`);
    return [tv.shape[k]];
  },
  "tensor.rank": (_i, _op, [t]) => [asTensor(t).rank],
  "tensor.cast": (_i, op, [t]) => { const v = asTensor(t); checkCast(op.results[0].type, { rank: v.rank, sizes: v.shape }); return [t]; },
  "tensor.extract_slice": (_i, op, args) => {
    const [o, s, st] = viewParams(op, args, 1);
    return [extractSlice(asTensor(args[0]), o, s, st, op.results[0].type)];
  },
  "tensor.insert_slice": (_i, op, args) => {
    const [o, s, st] = viewParams(op, args, 2);
    return [insertSlice(asTensor(args[0]), asTensor(args[1]), o, s, st)];
  },
  "tensor.from_elements": (_i, op, args) => {
    const { shape, elementType } = resolveShape(op.results[0].type, []);
    return [new TensorValue(shape, elementType, args as Scalar[])];
  },
  "tensor.splat": (_i, op, [s, ...dyn]) => {
    const { shape, elementType } = resolveShape(op.results[0].type, dyn);
    return [TensorValue.filled(shape, elementType, s as Scalar)];
  },
  "tensor.generate": (interp, op, dyn) => [generate(interp, op, dyn)],
  "tensor.pad": (interp, op, args) => [pad(interp, op, args)],
  "tensor.concat": (_i, op, args) => [concat(op, args)],
  "tensor.gather": (_i, op, args) => [gather(op, args)],
  "tensor.pack": (_i, op, args) => [pack(op, args)],
  "tensor.unpack": (_i, op, args) => [unpack(op, args)],
  "tensor.scatter": (_i, op, args) => [scatter(op, args)],
  "tensor.collapse_shape": (_i, op, [t]) => [reshape(asTensor(t), op.results[0].type)],
  "tensor.expand_shape": (_i, op, [t, ...dyn]) => [reshape(asTensor(t), op.results[0].type, dyn)],
  "tensor.reshape": (_i, op, [t]) => [reshape(asTensor(t), op.results[0].type)],
  "bufferization.to_tensor": (interp, _op, [m]) => {
    const mm = asMemRef(m);
    return [new TensorValue(mm.sizes, mm.elementType, readAll(interp, mm))];
  },
  "bufferization.to_memref": (interp, op, [t]) => [toMemRef(interp, asTensor(t), op.results[0].type)],
  "bufferization.to_buffer": (interp, op, [t]) => [toMemRef(interp, asTensor(t), op.results[0].type)],
  "bufferization.alloc_tensor": (_i, op, args) => {
    const [dyn, copy] = split(args, segments(op, [args.length, 0, 0]));
    if (copy.length) return [copy[0]]; // tensors are immutable: the copy is the value itself
    const { shape, elementType } = resolveShape(op.results[0].type, dyn);
    return [TensorValue.filled(shape, elementType, zeroOf(elementType))];
  },
  "bufferization.dealloc_tensor": () => [],
  "bufferization.materialize_in_destination": (interp, op, [src, dest]) => {
    const t = asTensor(src);
    if (dest instanceof MemRefValue) {
      writeInto(interp, t, dest);
      return [];
    }
    const d = asTensor(dest);
    if (t.shape.join("x") !== d.shape.join("x")) throw new Trap(`materialize_in_destination: ${t.shape.join("x")} source into a ${d.shape.join("x")} destination`);
    return op.results.length ? [t] : [];
  },
};

/** Same row-major data, new shape (dynamic sizes inferred from the element count). */
function reshape(t: TensorValue, type: Type, dyn: readonly RtValue[] = []): TensorValue {
  const info = shapedInfo(type);
  if (!info) throw new Trap(`expected a shaped type, got ${type.str}`);
  const known = info.shape.filter((d) => d >= 0).reduce((a, b) => a * b, 1);
  let k = 0;
  const shape = info.shape.map((d) => (d >= 0 ? d : dyn[k] !== undefined ? Number(dyn[k++]) : t.data.length / known));
  return new TensorValue(shape, t.elementType, t.data);
}
