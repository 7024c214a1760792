// --lower-vector-ops: vector.contract, outerproduct, multi_reduction, extract/insert_strided_slice,
// and transpose/shuffle of vectors wider than one register, become vector.extract/insert of rows
// (or elements), broadcast, fma, reduction and element-wise arith, as MLIR's unrolling,
// contract-to-outerproduct/dot and multi_reduction-to-reduction patterns lower them. Each result
// is folded in the interpreter's (MLIR 19's) order, so floats round alike: a matmul/matvec <add>
// contract sums each dot product from +0.0 and adds the accumulator last, other contracts and
// multi_reductions fold from the accumulator, an outerproduct <add> is one fma per element.
// n-D load/store, transfers and create_mask become a 1-D one per row; step and constant_mask
// constants; an extract/insert at a dynamic position a select of each position's value.
import { AffineMap } from "../ir/affine.js";
import { AffineMapAttr, ArrayAttr, DenseElementsAttr, boolAttr } from "../ir/attributes.js";
import { Builder } from "../ir/builder.js";
import type { Module, Operation, Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import type { DiagnosticSink } from "../ir/diagnostics.js";
import { FloatType, MemRefType, VectorType, i1, touchesScalable } from "../ir/types.js";
import { arrayProp, i64Array, mixedList, segmentSizesAttr } from "../dialects/indexing.js";
import { constantIndex } from "../dialects/arith.js";
import { inBounds, maskDims, permutationMap, transferParts } from "../dialects/vector.js";
import { contractExtents, contraction, intsProp } from "../dialects/vector-algebra.js";
import { maskLaneOn, shuffleRows } from "../dialects/vector-lanes.js";
import { type VectorKind, kindAttr, makeArithReduction, reductionKind } from "../dialects/vector-kind.js";
import { cmpi } from "./lower-affine.js";
import { addIndex, heldVector } from "./split-vectors.js";
import type { Pass } from "./pass.js";

/** Every index of `shape` in row-major order (one empty index for a 0-d shape). */
function indices(shape: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const n of shape) out = out.flatMap((i) => Array.from({ length: n }, (_, k) => [...i, k]));
  return out;
}

/** Builds the lowered ops before `op`. */
class Lower {
  readonly b: Builder;
  constructor(readonly op: Operation) { this.b = Builder.before(op); }

  extract(v: Value, pos: readonly number[]): Value {
    if (!pos.length) return v;
    const t = v.type as VectorType, rt = pos.length >= t.rank ? t.elementType : VectorType.get(t.shape.slice(pos.length), t.elementType);
    return this.b.value("vector.extract", [v], rt, { static_position: i64Array(pos) });
  }
  insert(x: Value, dest: Value, pos: readonly number[]): Value {
    return pos.length ? this.b.value("vector.insert", [x, dest], dest.type, { static_position: i64Array(pos) }) : x;
  }
  zeros(t: VectorType): Value { return this.b.constant(new DenseElementsAttr(t, [0], true), t); }
  broadcast(x: Value, t: VectorType): Value { return this.b.value("vector.broadcast", [x], t); }
  arith(kind: VectorKind, a: Value, c: Value): Value { return makeArithReduction(this.b, kind, a, c); }
  mul(a: Value, c: Value): Value { return this.arith("mul", a, c); }
  reduce(kind: string, v: Value, acc: Value): Value {
    return this.b.value("vector.reduction", [v, acc], acc.type, { kind: kindAttr(kind) });
  }
  /** The op's result: `dest` (a zero vector) with `f(index)` inserted at each index of `shape`. */
  build(shape: readonly number[], f: (i: number[]) => Value): Value {
    const t = this.op.result.type;
    let r: Value | undefined = shape.length && t instanceof VectorType ? this.zeros(t) : undefined;
    for (const i of indices(shape)) r = r ? this.insert(f(i), r, i) : f(i);
    return r!;
  }
}

function contract(l: Lower, op: Operation): Value {
  const c = contraction(op)!, [lhs, rhs, acc] = op.operands, kind = reductionKind(op) as VectorKind;
  const ext = contractExtents(c.maps, [lhs, rhs].map((v) => (v.type as VectorType).shape)) as number[];
  const dims = (m: number) => c.maps[m].results.map((e) => (e.kind === "dim" ? e.pos : -1));
  const red = c.iterators.flatMap((it, d) => (it === "reduction" ? [d] : [])), out = dims(2);
  // MLIR's dot lowering: a matmul or matvec <add> sums from +0.0 and adds the accumulator last.
  const dot = kind === "add" && ["parallel,parallel,reduction", "parallel,reduction"].includes(c.iterators.join());
  const et = (lhs.type as VectorType).elementType;
  // Vectorized along `v` when it is the last dimension of each operand that has it: the result's
  // last dimension (rows of it), else the innermost reduction dimension (a vector.reduction).
  const fits = (d: number | undefined) => d !== undefined && [0, 1].every((m) => !dims(m).includes(d) || dims(m).at(-1) === d);
  const mode = fits(out.at(-1)) ? "row" : fits(red.at(-1)) ? "dot" : "scalar";
  const v = mode === "row" ? out.at(-1)! : mode === "dot" ? red.at(-1)! : -1, vt = VectorType.get([ext[v] ?? 1], et);
  const outer = mode === "row" ? out.slice(0, -1) : out, inner = mode === "dot" ? red.slice(0, -1) : red;
  const point = new Array<number>(ext.length).fill(0);
  const operand = (m: number) => { // the operand's row along v (broadcast if it has no v), or element
    const x = l.extract(op.operand(m), dims(m).filter((d) => d !== v).map((d) => point[d]));
    return v >= 0 && !dims(m).includes(v) ? l.broadcast(x, vt) : x;
  };
  const zero = () => (mode === "row" ? l.zeros(vt) : l.b.zero(et));
  return l.build(outer.map((d) => ext[d]), (o) => {
    outer.forEach((d, i) => { point[d] = o[i]; });
    const a0 = l.extract(acc, o);
    let s = dot ? zero() : a0;
    for (const k of indices(inner.map((d) => ext[d]))) {
      inner.forEach((d, i) => { point[d] = k[i]; });
      const p = l.mul(operand(0), operand(1));
      s = mode === "dot" ? l.reduce(kind, p, s) : l.arith(kind, s, p);
    }
    return dot ? l.arith("add", s, a0) : s;
  });
}

function outerproduct(l: Lower, op: Operation): Value {
  const [lhs, rhs, acc] = op.operands, kind = reductionKind(op) as VectorKind, lt = lhs.type as VectorType;
  const fma = acc && kind === "add" && lt.elementType instanceof FloatType;
  const row = (a: Value, b: Value, c: Value | undefined) =>
    fma ? l.b.value("vector.fma", [a, b, c!], a.type) : c ? l.arith(kind, l.mul(a, b), c) : l.mul(a, b);
  if (!(rhs.type instanceof VectorType)) return row(lhs, l.broadcast(rhs, lt), acc); // AXPY
  return l.build(lt.shape, ([i]) => row(l.broadcast(l.extract(lhs, [i]), rhs.type as VectorType), rhs, acc && l.extract(acc, [i])));
}

function multiReduction(l: Lower, op: Operation): Value {
  const [src, acc] = op.operands, t = src.type as VectorType, dims = intsProp(op, "reduction_dims"), kind = reductionKind(op) as VectorKind;
  const last = t.rank - 1, all = t.shape.map((_, d) => d), red = all.filter((d) => dims.includes(d));
  const kept = all.filter((d) => !dims.includes(d)), rowKept = kept.includes(last);
  // The source's rows (its last dimension) combine element-wise into accumulator rows when that
  // dimension is kept, else each folds into an accumulator element through a vector.reduction.
  const outer = rowKept ? kept.slice(0, -1) : kept, inner = rowKept ? red : red.slice(0, -1);
  const point = new Array<number>(t.rank).fill(0);
  return l.build(outer.map((d) => t.shape[d]), (o) => {
    outer.forEach((d, i) => { point[d] = o[i]; });
    let r = l.extract(acc, o);
    for (const k of indices(inner.map((d) => t.shape[d]))) {
      inner.forEach((d, i) => { point[d] = k[i]; });
      const row = l.extract(src, point.slice(0, last));
      r = rowKept ? l.arith(kind, r, row) : l.reduce(kind, row, r);
    }
    return r;
  });
}

/** The first dimension from which `same(d)` holds for every later one (what moves whole). */
const depth = (rank: number, same: (d: number) => boolean) => {
  let q = rank;
  while (q > 0 && same(q - 1)) q--;
  return q;
};

function lowered(l: Lower, op: Operation): Value | undefined {
  switch (op.name) {
    case "vector.contract": return contract(l, op);
    case "vector.outerproduct": return outerproduct(l, op);
    case "vector.multi_reduction": return multiReduction(l, op);
    case "vector.extract_strided_slice": {
      const t = op.operand(0).type as VectorType, off = intsProp(op, "offsets"), sizes = intsProp(op, "sizes");
      const q = depth(t.rank, (d) => d >= sizes.length || (off[d] === 0 && sizes[d] === t.shape[d]));
      return l.build((op.result.type as VectorType).shape.slice(0, q), (i) => l.extract(op.operand(0), i.map((x, d) => x + off[d])));
    }
    case "vector.insert_strided_slice": {
      const [src, dest] = op.operands, s = src.type as VectorType, d = dest.type as VectorType, off = intsProp(op, "offsets"), lead = d.rank - s.rank;
      const q = depth(s.rank, (j) => off[lead + j] === 0 && s.shape[j] === d.shape[lead + j]);
      let r = dest;
      for (const i of indices(s.shape.slice(0, q))) r = l.insert(l.extract(src, i), r, [...off.slice(0, lead), ...i.map((x, j) => x + off[lead + j])]);
      return lead + q ? r : src;
    }
    case "vector.transpose": { // rows move whole while the permutation keeps the trailing dimensions
      const t = op.result.type as VectorType, perm = arrayProp(op, "permutation");
      if (heldVector(t)) return undefined;
      const q = depth(t.rank, (d) => perm[d] === d);
      return l.build(t.shape.slice(0, q), (i) => {
        const at = new Array<number>(q);
        perm.slice(0, q).forEach((p, d) => { at[p] = i[d]; });
        return l.extract(op.operand(0), at);
      });
    }
    case "vector.step": case "vector.constant_mask": { // constants, as MLIR lowers them: 0, 1, 2 ...; 1 inside the sizes
      const t = op.result.type as VectorType, sizes = intsProp(op, "mask_dim_sizes");
      const lanes = indices(t.shape).map((i, k) => (op.name === "vector.step" ? k : Number(maskLaneOn(i, sizes))));
      return l.b.constant(new DenseElementsAttr(t, lanes, false), t);
    }
    case "vector.create_mask": return createMask(l, op);
    case "vector.extract": case "vector.extractelement": case "vector.insert": case "vector.insertelement": return dynamicPosition(l, op);
    case "vector.load": case "vector.store": return loadStore(l, op);
    case "vector.transfer_read": case "vector.transfer_write": return transfer(l, op);
    case "vector.shuffle": {
      const [a, b] = op.operands, n = shuffleRows(a.type as VectorType), at = (v: Value, m: number) => ((v.type as VectorType).rank ? [m] : []);
      if (heldVector(op.result.type) && a.type === b.type && (a.type as VectorType).rank === 1 && heldVector(a.type)) return undefined;
      return l.build([intsProp(op, "mask").length], ([j]) => {
        const m = intsProp(op, "mask")[j];
        return m < n ? l.extract(a, at(a, m)) : l.extract(b, at(b, m - n));
      });
    }
  }
  return undefined;
}

// ---- n-D memory accesses and masks: a 1-D one per row, as MLIR's unrolling and
// vector-to-scf full unrolling lower them ----

/** The leading positions of `t` (its rows), none when its lanes are one run already. */
const rowsOf = (t: VectorType) => (t.shape.slice(0, -1).every((n) => n === 1) ? undefined : t.shape.slice(0, -1));
/** `idx` moved to row `i`: vector dimension d runs along memref dimension `dims[d]` (undefined: a broadcast). */
function rowIndices(l: Lower, idx: readonly Value[], dims: readonly (number | undefined)[], i: readonly number[]): Value[] {
  const out = [...idx];
  i.forEach((x, d) => { const m = dims[d]; if (m !== undefined) out[m] = addIndex(l.b, idx[m], x); });
  return out;
}

/** vector.load/store of an n-D vector: a load/store of each row, at its leading indices. */
function loadStore(l: Lower, op: Operation): Value | undefined {
  const store = op.name === "vector.store", vec = store ? op.operand(0) : op.result, t = vec.type as VectorType, rows = rowsOf(t);
  const [mem, ...idx] = op.operands.slice(store ? 1 : 0);
  if (!rows || !(mem.type instanceof MemRefType) || mem.type.elementType instanceof VectorType) return undefined;
  const rowType = VectorType.get([t.shape.at(-1)!], t.elementType), dims = rows.map((_, d) => idx.length - t.rank + d);
  const attrs = Object.fromEntries(op.attributes);
  if (!store) return l.build(rows, (i) => l.b.value(op.name, [mem, ...rowIndices(l, idx, dims, i)], rowType, attrs));
  for (const i of indices(rows)) l.b.create(op.name, [l.extract(vec, i), mem, ...rowIndices(l, idx, dims, i)], [], attrs);
  return vec; // (the store has no result: the caller erases it)
}

/** An n-D transfer: a 1-D transfer of each row along the map's last result, with its mask row. */
function transfer(l: Lower, op: Operation): Value | undefined {
  const { source, indices: idx, vector, padding, mask } = transferParts(op), t = vector as VectorType, rows = rowsOf(t);
  const map = permutationMap(op), lead = map.results.slice(0, -1);
  if (!rows || !(source.type instanceof MemRefType) || lead.some((r) => r.kind !== "dim" && !(r.kind === "const" && r.value === 0))) return undefined;
  const md = maskDims(map), last = t.rank - 1; // (the mask is in memref order: a permuted transfer's row takes its lanes' elements)
  if (mask && !md.includes(last)) return undefined; // (lanes broadcast: a 1-D mask MLIR has no type for)
  const dims = lead.map((r) => (r.kind === "dim" ? r.pos : undefined)), rowType = VectorType.get([t.shape.at(-1)!], t.elementType);
  const attrs = {
    permutation_map: new AffineMapAttr(new AffineMap(map.numDims, map.numSyms, map.results.slice(-1))),
    in_bounds: new ArrayAttr([boolAttr(inBounds(op).at(-1) ?? false)]),
    operandSegmentSizes: segmentSizesAttr(op.name === "vector.transfer_read" ? [1, idx.length, 1, mask ? 1 : 0] : [1, 1, idx.length, mask ? 1 : 0]),
  };
  const at = (i: number[], k: number) => md.map((j) => (j === last ? k : i[j]));
  const rowMask = (i: number[]) => (!mask ? [] : md.at(-1) === last ? [l.extract(mask, at(i, 0).slice(0, -1))]
    : [l.b.value("vector.from_elements", Array.from({ length: t.shape[last] }, (_, k) => l.extract(mask, at(i, k))), VectorType.get([t.shape[last]], i1))]);
  if (op.name === "vector.transfer_read") {
    return l.build(rows, (i) => l.b.value(op.name, [source, ...rowIndices(l, idx, dims, i), padding!, ...rowMask(i)], rowType, attrs));
  }
  for (const i of indices(rows)) l.b.create(op.name, [l.extract(op.operand(0), i), source, ...rowIndices(l, idx, dims, i), ...rowMask(i)], [], attrs);
  return op.operand(0);
}

/** An extract/insert at a position that is not constant: the value at each position its dynamic
 * indices may name, chosen by selects comparing them (out of range: poison in MLIR, here the first). */
function dynamicPosition(l: Lower, op: Operation): Value | undefined {
  const ins = op.name.startsWith("vector.insert"), vec = op.operand(ins ? 1 : 0), t = vec.type as VectorType;
  if (op.name.endsWith("element") && !t.rank) return undefined;
  const pos = op.name.endsWith("element") ? [op.operand(ins ? 2 : 1)] : mixedList(arrayProp(op, "static_position"), op.operands.slice(ins ? 2 : 1));
  const at = pos.map((p) => (typeof p === "number" ? p : constantIndex(p) ?? p)), dyn = at.flatMap((p, d) => (typeof p === "number" ? [] : [d]));
  if (!dyn.length) return undefined;
  let r = ins ? vec : undefined; // (each position's insert, or the first position's extract, then a select of each other)
  for (const c of indices(dyn.map((d) => t.shape[d]))) {
    const p = at.map((x, d) => (typeof x === "number" ? x : c[dyn.indexOf(d)]));
    const v = ins ? l.insert(op.operand(0), r!, p) : l.extract(vec, p);
    const on = () => dyn.map((d, i) => cmpi(l.b, "eq", at[d] as Value, l.b.constInt(c[i], (at[d] as Value).type))).reduce((a, b) => l.b.value("arith.andi", [a, b], i1));
    r = r ? l.b.value("arith.select", [on(), v, r], v.type) : v;
  }
  return r;
}

/** An n-D create_mask: its last bound's 1-D mask in each row whose leading position is below the bounds, else zeros. */
function createMask(l: Lower, op: Operation): Value | undefined {
  const t = op.result.type as VectorType, bounds = op.operands;
  if (t.rank < 2) return undefined;
  const rowType = VectorType.get([t.shape.at(-1)!], i1), row = l.b.value(op.name, [bounds.at(-1)!], rowType), off = l.zeros(rowType);
  return l.build(t.shape.slice(0, -1), (i) => {
    const on = i.map((x, d) => cmpi(l.b, "slt", l.b.constIndex(x), bounds[d])).reduce((a, c) => l.b.value("arith.andi", [a, c], i1));
    return l.b.value("arith.select", [on, row, off], rowType);
  });
}

const OPS = new Set(["vector.extract", "vector.extractelement", "vector.insert", "vector.insertelement", "vector.contract", "vector.outerproduct", "vector.multi_reduction", "vector.extract_strided_slice",
  "vector.insert_strided_slice", "vector.transpose", "vector.shuffle", "vector.step", "vector.constant_mask", "vector.create_mask", "vector.load",
  "vector.store", "vector.transfer_read", "vector.transfer_write"]);

export const lowerVectorOps: Pass = {
  name: "lower-vector-ops",
  description: "Lower vector contract, outerproduct, multi_reduction, strided slices, wide transpose/shuffle and n-D memory accesses and masks to extract/insert, 1-D rows, fma, reduction and arith",
  run(module: Module, _ctx: Context, _diag: DiagnosticSink): void {
    const ops: Operation[] = [];
    // (not scalable vectors: unrolled, one would be taken as its minimum size; the engines refuse them)
    module.walk((op) => { if (OPS.has(op.name) && !touchesScalable(op, false)) ops.push(op); });
    for (const op of ops) {
      const r = lowered(new Lower(op), op);
      if (!r) continue;
      op.results[0]?.replaceAllUsesWith(r); // (stores and transfer_write have none)
      op.erase();
    }
  },
};
