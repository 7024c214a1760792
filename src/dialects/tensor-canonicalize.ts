// tensor's canonicalization patterns (the common ones of MLIR 19's), for --canonicalize:
//   extract_slice  of a splat constant is one; one taking all of its source is it, as is one
//                  taking what an insert_slice just put; constant offsets, sizes and strides become
//                  static (cast back); of a cast that only forgets, of the cast's source;
//   insert_slice   of all of its destination is its source; of nothing, its destination; one
//                  putting back what was taken from the same place is the destination; one
//                  overwriting the same slice of an insert_slice writes into that one's
//                  destination; constant operands become static, the source cast to what the
//                  sizes say; casts that only forget are looked through (cast back);
//   parallel_insert_slice  constant operands become static (the source cast before the terminator);
//   cast           of a cast is one cast where that checks no less; a cast of an extract_slice to
//                  a more static type is that slice;
//                  a cast of a tensor.empty to a more static type is a new empty tensor;
//   extract        of a constant or from_elements at constant indices is the element; of a cast,
//                  of its source; of an index_cast, the index_cast of the element; of an
//                  effect-free generate, its body at the indices; insert of a splat's own value
//                  into it is the splat;
//   collapse_shape/expand_shape/reshape  no-ops and undone reshapes fold; two of a kind are one;
//                  a collapse and an expand compose where the groups allow; of a constant, a
//                  constant; of a static splat or a from_elements, one of the new shape; a
//                  tensor.reshape to the source's own sizes is the source;
//   dim            of a reshape, the shape's element; of an expand_shape or collapse_shape, an
//                  affine.apply of the source's dims;
//   pad            no padding is a cast; casts that forget are looked through, a lone cast to a
//                  more static type taken in; two orthogonal slice-and-pads are one; constant
//                  padding makes sizes static;
//   generate       constant extents become static (cast back); concat of one input is a cast;
//   gather         of a splat constant is one;
//   pack/unpack    of a splat constant is one (a pack's constant padding must be the splat's value);
//                  pack(unpack(x)) and unpack(pack(x)) with the same tiling and no padding are x;
//                  a padding value no tile needs goes; an untiled dim static on one side becomes
//                  static on the other (casts around a new op); an unpack into a destination-style
//                  op's result goes into that op's init instead (the unpack overwrites it all);
//                  operands of pack, unpack and insert cast from more static tensors are taken
//                  uncast (the result cast back).
import { AffineMapAttr, DenseElementsAttr, denseElements, type Attribute } from "../ir/attributes.js";
import { AffineMap, cst, sym, type AffineExpr } from "../ir/affine.js";
import { build } from "../ir/affine-simplify.js";
import { Builder, rebuilt } from "../ir/builder.js";
import { Operation, type Region, type Value } from "../ir/core.js";
import type { OpSpec, Rewriter } from "../ir/dialect.js";
import { DYN, TensorType, index, type Type } from "../ir/types.js";
import {
  type OpFoldResult, anyConstantIndex, castFromMoreStatic, preserves, producer, arrayProp, i64Array, mixedList, foldConstantLists, knownInt, operandSegment, replaceCastBack, replaceCasting, sameLists,
  segmentSizesAttr, sliceLike, staticSizes, staticsOf, takesAll,
} from "./indexing.js";
import { constantIndex, scalarAttr, scalarOf } from "./arith.js";
import { collapseOfExpand, collapsedShape, composeReshapes, expandOfCollapse, foldReshape } from "./memref-canonicalize.js";
import { castBefore, castOfLinalg, extractOfFill, foldedSum, packOfFill, padOfFill, reshapeOfFill } from "./linalg-canonicalize.js";
import { dpsInit, needsPadding, packing, reassociation, sliceParams } from "./tensor-parts.js";

const listsOf = (op: Operation) => { const p = sliceParams(op); return [p.offsets, p.sizes, p.strides]; };
const ranked = (t: Type): t is TensorType => t instanceof TensorType;
/** A splat constant `c` as a splat of static type `t`. */
const splatAs = (c: Attribute | undefined, t: Type): [Attribute] | undefined =>
  (c instanceof DenseElementsAttr && c.isSplat && ranked(t) && t.hasStaticShape ? [new DenseElementsAttr(t, [c.at(0)], true)] : undefined);

/**
 * The type of a slice of `src` with `sizes`, of `rank` (MLIR's
 * inferCanonicalRankReducedResultType): the sizes, less their first unit dims as needed.
 */
function sliceType(rank: number, src: TensorType, sizes: readonly OpFoldResult[]): TensorType | undefined {
  const shape = staticsOf(sizes);
  let drop = shape.length - rank;
  const kept = shape.filter((d) => !(drop > 0 && d === 1 && drop--));
  return drop <= 0 ? TensorType.get(kept, src.elementType) : undefined;
}

function foldExtractSlice(op: Operation, consts: readonly (Attribute | undefined)[]): Array<Attribute | Value> | undefined {
  const src = op.operand(0), t = op.result.type as TensorType, lists = listsOf(op), c = consts[0];
  const splat = splatAs(c, t);
  if (splat) return splat;
  if (src.type === t && takesAll(lists, t.shape)) return [src];
  const ins = producer(src, "tensor.insert_slice");
  return ins && ins.operand(0).type === t && sameSlices(ins, lists) ? [ins.operand(0)] : undefined;
}
const sameSlices = (op: Operation, lists: OpFoldResult[][]) => listsOf(op).every((l, i) => sameLists(l, lists[i]));

function canonicalizeExtractSlice(op: Operation, rw: Rewriter): boolean {
  const src = op.operand(0), lists = listsOf(op), folded = foldConstantLists(lists, [true, true, false]);
  if (folded) {
    const t = sliceType((op.result.type as TensorType).rank, src.type as TensorType, folded[1]);
    return !!t && replaceCasting(op, rw, sliceLike(op, [src], folded, t).result, "tensor.cast");
  }
  const cast = producer(src, "tensor.cast");
  if (!cast || anyConstantIndex(op) || !preserves(cast.result.type, cast.operand(0).type)) return false;
  rw.replaceOp(op, [sliceLike(op, [cast.operand(0)], lists, op.result.type).result]);
  return true;
}

function foldInsertSlice(op: Operation): Value[] | undefined {
  const [src, dst] = op.operands, lists = listsOf(op), t = op.result.type as TensorType;
  if ((src.type as TensorType).hasStaticShape && t.hasStaticShape && src.type === t && takesAll(lists, t.shape)) return [src];
  const prev = producer(dst, "tensor.insert_slice");
  if (prev && prev.operand(0).type === src.type && sameSlices(prev, lists)) { op.setOperand(1, prev.operand(1)); return [op.result]; }
  const ex = producer(src, "tensor.extract_slice");
  if (ex && ex.operand(0) === dst && sameSlices(ex, lists)) return [dst];
  return lists[1].some((v) => knownInt(v) === 0) ? [dst] : undefined;
}

/** MLIR's computeRankReductionMask: which dims of `from` are the unit dims `to` lacks (`?` matching any but 1 where `matchDynamic`). */
function rankReductionMask(from: readonly number[], to: readonly number[], matchDynamic = false): Set<number> | undefined {
  const unused = new Set<number>();
  let j = 0;
  for (let i = 0; i < from.length; i++) {
    if (matchDynamic && j < to.length && from[i] !== 1 && (to[j] === DYN || from[i] === DYN)) { j++; continue; }
    if (j < to.length && from[i] === to[j]) { j++; continue; }
    unused.add(i);
    if (from[i] !== 1) return undefined;
  }
  return j === to.length ? unused : undefined;
}

/** A new insert_slice of `src` into `dst` with `lists`, in front of `op`. */
const insertSlice = (op: Operation, src: Value, dst: Value, lists: readonly OpFoldResult[][]) => sliceLike(op, [src, dst], lists, dst.type);

/**
 * MLIR's FoldInsertPadIntoFill (a FillOp pattern): an insert_slice of a pad into a fill of the
 * pad's value, through earlier insert_slices disjoint from it, inserts the pad's source at the
 * offsets moved by the low padding. Unit strides only: MLIR 19 moves the offsets under any
 * stride, where the source's elements then land in the wrong places.
 */
function insertPadIntoFill(op: Operation, rw: Rewriter): boolean {
  const pad = producer(op.operand(0), "tensor.pad"), rank = (op.result.type as TensorType).rank;
  if (!pad || (op.operand(0).type as TensorType).rank !== rank) return false;
  const [offsets, , strides] = listsOf(op);
  if (strides.some((v) => knownInt(v) !== 1)) return false;
  // Static [first, last] element of dim i, if the offset, size and stride are all static.
  const span = (o: Operation, i: number) => {
    const [off, size, stride] = ["static_offsets", "static_sizes", "static_strides"].map((k) => arrayProp(o, k)[i]);
    return off === DYN || size === DYN || stride === DYN ? undefined : [off, off + (size - 1) * stride];
  };
  let dest = op.operand(1);
  for (let prev = producer(dest, "tensor.insert_slice"); prev; prev = producer(dest, "tensor.insert_slice")) {
    if ((prev.operand(0).type as TensorType).rank !== rank) return false;
    const disjoint = Array.from({ length: rank }, (_, i) => [span(prev, i), span(op, i)]).some(([a, b]) => a && b && (a[1] < b[0] || b[1] < a[0]));
    if (!disjoint) break;
    dest = prev.operand(1);
  }
  const fill = producer(dest, "linalg.fill"), value = paddingValue(pad);
  if (!fill || !value || fill.operand(0) !== value) return false;
  const b = Builder.before(op), [low] = padLists(pad), src = pad.operand(0), srcT = src.type as TensorType;
  const moved = offsets.map((o, i) => foldedSum(b, [low[i], o]));
  const sizes = srcT.shape.map((d, i): OpFoldResult => (d === DYN ? b.value("tensor.dim", [src, b.constIndex(i)], index) : d));
  rw.replaceOp(op, [insertSlice(op, src, op.operand(1), [moved, sizes, strides]).result]);
  return true;
}
function canonicalizeInsertSlice(op: Operation, rw: Rewriter): boolean {
  if (insertPadIntoFill(op, rw)) return true;
  const [src, dst] = op.operands, srcT = src.type as TensorType, lists = listsOf(op), folded = foldConstantLists(lists, [true, true, false]);
  if (folded) { // constants made static, the source cast to the type the new sizes give it
    const t = sliceType(srcT.rank, dst.type as TensorType, folded[1]);
    if (!t) return false;
    rw.replaceOp(op, [insertSlice(op, t === srcT ? src : castBefore(op, src, t), dst, folded).result]);
    return true;
  }
  return insertOfCasts(op, rw, lists) || insertSourceCast(op, rw, lists);
}
/** MLIR's InsertSliceOpConstantArgumentFolder on parallel_insert_slice: as insert_slice's, a source cast made before the terminator. */
function canonicalizeParallelInsertSlice(op: Operation, rw: Rewriter): boolean {
  const [src, dst] = op.operands, srcT = src.type as TensorType, folded = foldConstantLists(listsOf(op), [true, true, false]);
  const t = folded && sliceType(srcT.rank, dst.type as TensorType, folded[1]);
  if (!folded || !t) return false;
  sliceLike(op, [t === srcT ? src : castBefore(op.parentOp!, src, t), dst], folded, undefined);
  rw.replaceOp(op, []);
  return true;
}
/** MLIR's InsertSliceOpCastFolder: casts that only forget, of the source or destination, are looked through. */
function insertOfCasts(op: Operation, rw: Rewriter, lists: OpFoldResult[][]): boolean {
  if (anyConstantIndex(op)) return false;
  const s = castFromMoreStatic(op.operand(0)), d = castFromMoreStatic(op.operand(1));
  if (!s && !d) return false;
  const src = s ?? op.operand(0), dst = d ?? op.operand(1);
  if (!ranked(src.type) || !ranked(dst.type)) return false;
  // Sizes the cast's source has statically are those (MLIR's walk, which stops at the first dynamic one)
  const staticSz = arrayProp(op, "static_sizes"), mask = rankReductionMask(staticSz, src.type.shape, true);
  if (!mask) return false;
  const sizes = [...lists[1]], shape = src.type.shape;
  let k = 0;
  staticSz.forEach((_, i) => { if (!mask.has(i) && shape[k] !== DYN) sizes[i] = shape[k++]; });
  const newSizes = staticsOf(sizes);
  if (!isReducedTo(newSizes, shape)) return false;
  return replaceCasting(op, rw, insertSlice(op, src, dst, [lists[0], sizes, lists[2]]).result, "tensor.cast");
}
const isReducedTo = (sizes: readonly number[], shape: readonly number[]) => rankReductionMask(sizes, shape) !== undefined;
/** MLIR's InsertSliceOpSourceCastInserter: a source of the slice's rank is cast to the static sizes the slice has. */
function insertSourceCast(op: Operation, rw: Rewriter, lists: OpFoldResult[][]): boolean {
  const [src, dst] = op.operands, t = src.type as TensorType;
  if (t.rank !== (dst.type as TensorType).rank) return false;
  const shape = [...t.shape];
  for (let i = 0; i < t.rank; i++) {
    const c = knownInt(lists[1][i]);
    if (c !== undefined && c < 0) return false;
    if (c !== undefined) shape[i] = c;
  }
  const want = TensorType.get(shape, t.elementType, t.encoding);
  if (want === t || !preserves(t, want) || shape.some((d, i) => t.shape[i] !== DYN && d !== t.shape[i])) return false;
  rw.replaceOp(op, [insertSlice(op, castBefore(op, src, want), dst, lists).result]);
  return true;
}

type Shape = readonly number[] | null; // null: unranked
const shapeOfType = (t: Type): Shape => (ranked(t) ? t.shape : null);
/** MLIR's joinShapes: the most static shape both agree with; undefined if they conflict. */
function join(a: Shape | undefined, b: Shape): Shape | undefined {
  if (a === undefined) return undefined;
  if (a === null || b === null) return a ?? b;
  if (a.length !== b.length || a.some((d, i) => d !== DYN && b[i] !== DYN && d !== b[i])) return undefined;
  return a.map((d, i) => (d === DYN ? b[i] : d));
}
const sameShape = (a: Shape | undefined, b: Shape | undefined) => a === b || (!!a && !!b && a.length === b.length && a.every((d, i) => d === b[i]));

function canonicalizeCast(op: Operation, rw: Rewriter): boolean {
  const src = op.operand(0), t = op.result.type, inner = producer(src, "tensor.cast");
  if (inner) { // a cast of a cast: one, where dropping the middle loses no check
    const from = inner.operand(0).type, first = join(join(shapeOfType(from), shapeOfType(src.type)), shapeOfType(t));
    if (first === undefined || !sameShape(first, join(shapeOfType(from), shapeOfType(t)))) return false;
    rw.replaceOp(op, [from === t ? inner.operand(0) : castBefore(op, inner.operand(0), t)]);
    return true;
  }
  // MLIR's TensorCastExtractSlice: an extract_slice cast to a more static type is a slice of those sizes
  const ex = producer(src, "tensor.extract_slice");
  if (!ex || !ranked(t) || !preserves(src.type, t) || sameShape(t.shape, shapeOfType(src.type))) return false;
  const [offsets, sizes, strides] = listsOf(ex), mask = rankReductionMask(arrayProp(ex, "static_sizes"), (ex.result.type as TensorType).shape);
  let k = 0;
  sizes.forEach((_, i) => { if (mask?.has(i)) return; const d = t.shape[k++]; if (d !== DYN) sizes[i] = d; });
  rw.replaceOp(op, [sliceLike(op, [ex.operand(0)], [offsets, sizes, strides], t, ex.name).result]);
  return true;
}

function foldExtract(op: Operation, consts: readonly (Attribute | undefined)[]): Array<Attribute | Value> | undefined {
  const d = denseElements(consts[0]); // a blob's element too (mlir-opt 19 aborts folding that one)
  if (d?.isSplat) return [scalarAttr(d.at(0), op.result.type)];
  const idx = consts.slice(1).map(scalarOf), t = op.operand(0).type as TensorType;
  if (idx.some((v) => v === undefined) || !t.hasStaticShape) return undefined;
  // Row-major, in bounds (out of them is code that never runs)
  let lin = 0;
  for (let i = 0; i < t.rank; i++) { const k = Number(idx[i]); if (k < 0 || k >= t.shape[i]) return undefined; lin = lin * t.shape[i] + k; }
  const from = producer(op.operand(0), "tensor.from_elements");
  if (from) return [from.operand(lin)];
  return d ? [scalarAttr(d.at(lin), op.result.type)] : undefined;
}

/** MLIR's StaticTensorGenerate: extents given by constants become static; the body moves over, cast back. */
function staticGenerate(op: Operation, rw: Rewriter): boolean {
  const t = op.result.type as TensorType, s = staticSizes(t.shape, op.operands);
  if (!s) return false;
  return replaceCasting(op, rw, rebuilt(op, s.sizes, [TensorType.get(s.shape, t.elementType, t.encoding)]).result, "tensor.cast");
}

/** A reshape's folds: a no-op or undone reshape, then a constant source (a splat, for tensor.reshape). */
const reshapeFold = (inverse: string): OpSpec["fold"] => (op, consts) => {
  const c = consts[0];
  return foldReshape(op, inverse) ?? (c instanceof DenseElementsAttr ? [new DenseElementsAttr(op.result.type as TensorType, c.values, c.isSplat)] : undefined);
};
function foldTensorReshape(op: Operation, consts: readonly (Attribute | undefined)[]): Array<Attribute | Value> | undefined {
  const c = consts[0], src = op.operand(0), t = op.result.type, prev = producer(src, "tensor.reshape");
  const splat = splatAs(c, t);
  if (splat) return splat;
  if (prev) { op.setOperand(0, prev.operand(0)); return [op.result]; }
  if (!ranked(t) || src.type !== t) return undefined;
  if (t.rank === 1) return [src];
  // A shape of the source's own sizes: its static ones, or tensor.dims of it at their index
  const els = producer(op.operand(1), "tensor.from_elements")?.operands;
  const own = (v: Value, i: number) => {
    const c = knownInt(v), dim = producer(v, "tensor.dim");
    return c !== undefined ? c === t.shape[i] : !!dim && dim.operand(0) === src && knownInt(dim.operand(1)) === i;
  };
  return els && els.length === t.rank && els.every(own) ? [src] : undefined;
}

/** pack(unpack(x)) or unpack(pack(x)) with the same tiling, x's type and no padding: x. Undefined when `op`'s source is no such inverse. */
function undoneRelayout(op: Operation, rw: Rewriter): boolean | undefined {
  const pack = op.name === "tensor.pack", inv = producer(op.operand(0), pack ? "tensor.unpack" : "tensor.pack");
  if (!inv) return undefined;
  const [a, b] = [packing(op), packing(inv)];
  // (no outer_dims_perm is the identity one)
  const identity = (p: number[]) => p.every((d, i) => d === i);
  const perms = sameLists(a.outerDimsPerm, b.outerDimsPerm) || (identity(a.outerDimsPerm) && identity(b.outerDimsPerm));
  const same = sameLists(a.innerDimsPos, b.innerDimsPos) && perms && sameLists(a.tiles, b.tiles);
  // (MLIR's patterns stop here either way)
  if (inv.operand(0).type !== op.result.type || operandSegment(pack ? op : inv, 2).length || !same) return false;
  rw.replaceOp(op, [inv.operand(0)]);
  return true;
}
/**
 * MLIR's inferStaticShape for pack and unpack: an untiled dim static in the unpacked or the
 * packed type (the outer dim it maps to) becomes static in the other; the new op's operands are
 * cast to the new types and its result back (it keeps only the op's properties, as MLIR's builder).
 */
function staticRelayout(op: Operation, rw: Rewriter): boolean {
  const pack = op.name === "tensor.pack", [src, dest] = op.operands, { innerDimsPos, outerDimsPerm } = packing(op);
  const unpacked = [...((pack ? src : dest).type as TensorType).shape], packed = [...((pack ? dest : src).type as TensorType).shape];
  let changed = false;
  unpacked.forEach((d, i) => {
    const j = outerDimsPerm.length ? outerDimsPerm.indexOf(i) : i;
    if (innerDimsPos.includes(i) || (d === DYN) === (packed[j] === DYN)) return;
    unpacked[i] = packed[j] = d === DYN ? packed[j] : d;
    changed = true;
  });
  if (!changed) return false;
  const retyped = (v: Value, shape: number[]) => {
    const t = v.type as TensorType;
    return sameLists(shape, t.shape) ? v : castBefore(op, v, TensorType.get(shape, t.elementType, t.encoding));
  };
  const [s, d] = pack ? [retyped(src, unpacked), retyped(dest, packed)] : [retyped(src, packed), retyped(dest, unpacked)];
  const props = new Map([...op.attributes].filter(([k]) => ["inner_dims_pos", "outer_dims_perm", "static_inner_tiles", "operandSegmentSizes"].includes(k)));
  return replaceCastBack(op, rw, new Operation({ name: op.name, operands: [s, d, ...op.operands.slice(2)], resultTypes: [d.type], attributes: props, loc: op.loc }), "tensor.cast");
}
function canonicalizePack(op: Operation, rw: Rewriter): boolean {
  if (castsIntoDps(op, rw) || packOfFill(op, rw)) return true;
  const undone = undoneRelayout(op, rw);
  if (undone !== undefined) return undone;
  // MLIR's paddingIsNotNeeded: static tiled dims and tiles, no partial tile
  const pad = operandSegment(op, 2), { innerDimsPos, tiles } = packing(op), src = op.operand(0).type as TensorType;
  if (pad.length && !innerDimsPos.some((d) => src.shape[d] === DYN) && tiles.every((t) => typeof t === "number") && !needsPadding(op)) {
    op.setOperands([op.operand(0), op.operand(1), ...operandSegment(op, 3)]);
    op.attributes.set("operandSegmentSizes", segmentSizesAttr([1, 1, 0, op.operands.length - 2]));
    return true;
  }
  return staticRelayout(op, rw);
}
function canonicalizeUnpack(op: Operation, rw: Rewriter): boolean {
  if (castsIntoDps(op, rw)) return true;
  const undone = undoneRelayout(op, rw);
  if (undone !== undefined) return undone;
  const init = dpsInit(op.operand(1));
  if (init) { op.setOperand(1, init); return true; }
  return staticRelayout(op, rw);
}
/** A splat constant source is a splat of the result type; a pack's constant padding must be the splat's value (MLIR's reshapeConstantSource). */
function foldRelayout(op: Operation, consts: readonly (Attribute | undefined)[]): [Attribute] | undefined {
  const c = consts[0], pad = op.name === "tensor.pack" && operandSegment(op, 2).length ? consts[2] : undefined;
  if (pad && !(c instanceof DenseElementsAttr && c.isSplat && Object.is(scalarOf(pad), c.at(0)))) return undefined;
  return splatAs(c, op.result.type);
}

/** MLIR's FoldCollapseOfCastOp: a collapse_shape of a cast from a more static tensor collapses that tensor (cast back). */
function collapseOfCast(op: Operation, rw: Rewriter): boolean {
  const src = castFromMoreStatic(op.operand(0));
  if (!src) return false;
  const t = TensorType.get(collapsedShape((src.type as TensorType).shape, reassociation(op)), (src.type as TensorType).elementType);
  if (t === op.result.type) { op.setOperand(0, src); return true; }
  return replaceCasting(op, rw, rebuilt(op, [src], [t]).result, "tensor.cast");
}

/**
 * MLIR's FoldDimOfCollapseShape: a dynamic size of a collapse_shape at a constant index is the
 * product of the source's sizes in its group, an affine.apply of their tensor.dims.
 */
function dimOfCollapse(op: Operation, rw: Rewriter): boolean {
  const col = producer(op.operand(0), "tensor.collapse_shape"), k = knownInt(op.operand(1));
  if (!col || k === undefined || (col.result.type as TensorType).shape[k] !== DYN) return false;
  const src = col.operand(0), shape = (src.type as TensorType).shape, b = Builder.before(op), operands: Value[] = [];
  let e: AffineExpr = cst(1);
  for (const d of reassociation(col)[k]) {
    if (shape[d] !== DYN) { e = build("mul", e, cst(shape[d])); continue; }
    e = build("mul", e, sym(operands.length));
    operands.push(b.value("tensor.dim", [src, b.constIndex(d)], index));
  }
  rw.replaceOp(op, [b.value("affine.apply", operands, index, { map: new AffineMapAttr(new AffineMap(0, operands.length, [e])) })]);
  return true;
}

/**
 * MLIR's FoldDimOfExpandShape: a dynamic size of an expand_shape at a constant index is the
 * source's size in its group over the group's other (static) sizes, an affine.apply of its tensor.dim.
 */
function dimOfExpand(op: Operation, rw: Rewriter): boolean {
  const ex = producer(op.operand(0), "tensor.expand_shape"), k = knownInt(op.operand(1));
  const shape = (ex?.result.type as TensorType | undefined)?.shape;
  if (!ex || !shape || k === undefined || shape[k] !== DYN) return false;
  const g = reassociation(ex).findIndex((grp) => grp.includes(k)), group = reassociation(ex)[g];
  if (g < 0 || group.some((d) => d !== k && shape[d] === DYN)) return false;
  const product = group.reduce((n, d) => (d === k ? n : n * shape[d]), 1), b = Builder.before(op);
  const size = b.value("tensor.dim", [ex.operand(0), b.constIndex(g)], index);
  rw.replaceOp(op, [b.value("affine.apply", [size], index, { map: new AffineMapAttr(new AffineMap(0, 1, [build("floordiv", sym(0), cst(product))])) })]);
  return true;
}
/** MLIR's DimOfReshapeOp: a dim of a tensor.reshape is the shape operand's element there (index_cast to index). */
function dimOfReshape(op: Operation, rw: Rewriter): boolean {
  const reshape = producer(op.operand(0), "tensor.reshape");
  if (!reshape) return false;
  const shape = reshape.operand(1), b = Builder.after(op);
  let v = b.value("tensor.extract", [shape, op.operand(1)], (shape.type as TensorType).elementType);
  if (v.type !== index) v = b.value("arith.index_cast", [v], index);
  rw.replaceOp(op, [v]);
  return true;
}
/** tensor.dim's patterns after those of tensor.ts, in MLIR 19's order. */
export const dimOfReshapes = (op: Operation, rw: Rewriter) => dimOfReshape(op, rw) || dimOfExpand(op, rw) || dimOfCollapse(op, rw);

/** MLIR's ExtractElementFromIndexCast: an element of an index_cast tensor is the index_cast of the element. */
function extractOfIndexCast(op: Operation, rw: Rewriter): boolean {
  const ic = producer(op.operand(0), "arith.index_cast");
  if (!ic) return false;
  const b = Builder.before(op), src = ic.operand(0);
  const el = b.value("tensor.extract", [src, ...op.operands.slice(1)], (src.type as TensorType).elementType);
  rw.replaceOp(op, [b.value("arith.index_cast", [el], op.result.type)]);
  return true;
}

/** MLIR's FoldEmptyTensorWithCastOp: a cast of a tensor.empty to a more static type is an empty tensor of that type. */
function castOfEmpty(op: Operation, rw: Rewriter): boolean {
  const empty = producer(op.operand(0), "tensor.empty"), t = op.result.type;
  if (!empty || !ranked(t) || !preserves(op.operand(0).type, t)) return false;
  const from = (empty.result.type as TensorType).shape;
  if (from.some((d, i) => d !== DYN && d !== t.shape[i])) return false;
  let k = 0;
  const sizes = from.flatMap((d, i) => (d !== DYN ? [] : t.shape[i] === DYN ? [empty.operand(k++)] : (k++, [])));
  const made = Builder.before(op).create("tensor.empty", sizes, [TensorType.get(t.shape, t.elementType)]);
  rw.replaceOp(op, [made.result]);
  return true;
}

/** MLIR's FoldReshapeWithSplat and FoldReshapeWithFromElements: a reshape of a splat or from_elements (static types) is one of the new shape. */
function reshapeOfElements(op: Operation, rw: Rewriter): boolean {
  const src = op.operand(0), t = op.result.type as TensorType, splat = producer(src, "tensor.splat"), from = producer(src, "tensor.from_elements");
  if (!(splat && (src.type as TensorType).hasStaticShape && t.hasStaticShape) && !(from && t.hasStaticShape)) return false;
  const made = Builder.before(op).create(splat ? "tensor.splat" : "tensor.from_elements", splat ? [splat.operand(0)] : from!.operands, [t]);
  rw.replaceOp(op, [made.result]);
  return true;
}

/**
 * MLIR's FoldTensorCastProducerOp, for the destination-style pack, unpack and insert: operands
 * cast from more static tensors take the casts' sources; the result has the destination's new
 * type, cast back.
 */
function castsIntoDps(op: Operation, rw: Rewriter): boolean {
  if (!op.operands.some((v) => castFromMoreStatic(v))) return false;
  const operands = op.operands.map((v) => castFromMoreStatic(v) ?? v);
  return replaceCasting(op, rw, rebuilt(op, operands, [operands[1].type]).result, "tensor.cast");
}

/** MLIR's ExtractFromTensorGenerate: an element of an effect-free tensor.generate is its body, computed at the indices. */
function extractFromGenerate(op: Operation, rw: Rewriter): boolean {
  const gen = producer(op.operand(0), "tensor.generate");
  if (!gen || !rw.effectFree(gen)) return false;
  const body = gen.regions[0].blocks[0], map = new Map<Value, Value>(body.args.map((a, i) => [a, op.operand(i + 1)]));
  for (const o of body.ops.slice(0, -1)) op.parent!.insertBefore(op, o.clone(map));
  const y = body.terminator!.operand(0);
  rw.replaceOp(op, [map.get(y) ?? y]);
  return true;
}

const padLists = (op: Operation) => [1, 2].map((k) => mixedList(arrayProp(op, k === 1 ? "static_low" : "static_high"), operandSegment(op, k)));
const zeros = (l: readonly OpFoldResult[]) => l.every((v) => knownInt(v) === 0);
/**
 * A new tensor.pad in front of `op` (MLIR's builder): `src` padded by `low` and `high` (statics
 * and operands) to `t`, with `op`'s nofold and other attributes, and its region moved or cloned.
 */
function newPad(op: Operation, src: Value, [low, high]: readonly OpFoldResult[][], t: Type, moveRegion: boolean): Operation {
  const dyn = [low, high].map((l) => l.filter((v): v is Value => typeof v !== "number"));
  const attributes = new Map(op.attributes);
  attributes.set("static_low", i64Array(staticsOf(low)));
  attributes.set("static_high", i64Array(staticsOf(high)));
  attributes.set("operandSegmentSizes", segmentSizesAttr([1, dyn[0].length, dyn[1].length]));
  const made = new Operation({ name: "tensor.pad", operands: [src, ...dyn.flat()], resultTypes: [t], attributes, loc: op.loc });
  if (moveRegion) { made.addRegion(op.regions[0]); (op.regions as Region[]).length = 0; } else made.addRegion(op.regions[0].clone(new Map()));
  op.parent!.insertBefore(op, made);
  return made;
}
/** MLIR's PadOp::inferResultType: each size the source's plus its static padding, else `shape`'s. */
const paddedType = (src: TensorType, low: readonly number[], high: readonly number[], shape: readonly number[]) =>
  TensorType.get(src.shape.map((d, i) => (d === DYN || low[i] === DYN || high[i] === DYN ? shape[i] : d + low[i] + high[i])), src.elementType);
/** The padding value the region yields when it is a constant or defined outside (MLIR's getConstantPaddingValue). */
function paddingValue(op: Operation): Value | undefined {
  const y = op.regions[0].blocks[0].terminator, v = y?.name === "tensor.yield" ? y.operand(0) : undefined;
  if (!v || producer(v, "arith.constant")) return v;
  const owner = v.owner instanceof Operation ? v.owner.parent : v.owner;
  return owner === op.regions[0].blocks[0] ? undefined : v;
}
/** The dims a pad pads: a low or high entry not known to be 0 (MLIR's getPaddedDims). */
const paddedDims = (op: Operation) => { const [l, h] = padLists(op); return l.map((v, i) => knownInt(v) !== 0 || knownInt(h[i]) !== 0); };

/**
 * MLIR 19's pad patterns, in its order: no padding at all is a cast (FoldStaticZeroPadding); a
 * cast that only forgets is looked through (FoldSourceTensorCast, in two steps as MLIR's); a lone
 * cast to a more static type is taken into the pad (FoldTargetTensorCast); a pad of a slice of a
 * pad of a slice, padding other dims, is one (FoldOrthogonalPaddings); constant padding makes
 * static sizes static (FoldStaticPadding, cast back).
 */
function canonicalizePad(op: Operation, rw: Rewriter): boolean {
  if (padOfFill(op, rw, paddingValue(op), padLists(op))) return true;
  const src = op.operand(0), t = op.result.type as TensorType, [low, high] = padLists(op), nofold = !!op.attr("nofold");
  if (!nofold && zeros(low) && zeros(high)) { rw.replaceOp(op, [castBefore(op, src, t)]); return true; }
  const [sLow, sHigh] = [arrayProp(op, "static_low"), arrayProp(op, "static_high")];
  const from = castFromMoreStatic(src);
  if (from && ranked(from.type)) {
    const nt = paddedType(from.type, sLow, sHigh, t.shape);
    if (nt === t) { op.setOperand(0, from); return true; }
    return replaceCasting(op, rw, newPad(op, src, [low, high], nt, false).result, "tensor.cast");
  }
  const user = op.result.uses.length === 1 ? op.result.uses[0].op : undefined;
  if (user?.name === "tensor.cast" && preserves(t, user.result.type)) {
    const made = newPad(op, src, [low, high], user.result.type, true);
    rw.replaceOp(op, [made.result]);
    rw.replaceOp(user, [made.result]);
    return true;
  }
  return orthogonalPads(op, rw) || staticPadding(op, rw, sLow, sHigh);
}
function orthogonalPads(op: Operation, rw: Rewriter): boolean {
  const inner = producer(op.operand(0), "tensor.extract_slice"), outerPad = inner && producer(inner.operand(0), "tensor.pad");
  const outer = outerPad && !outerPad.attr("nofold") ? producer(outerPad.operand(0), "tensor.extract_slice") : undefined;
  if (!inner || !outerPad || !outer) return false;
  const rank = (op.operand(0).type as TensorType).rank, [io, is, ist] = listsOf(inner), [oo, os, ost] = listsOf(outer);
  const unit = (l: OpFoldResult[]) => l.every((v) => knownInt(v) === 1);
  if ((outer.operand(0).type as TensorType).rank !== rank || !unit(ist) || !unit(ost) || !zeros(padLists(op)[0]) || !zeros(padLists(outerPad)[0])) return false;
  const [iv, ov] = [paddingValue(op), paddingValue(outerPad)], [ia, oa] = [iv && producer(iv, "arith.constant"), ov && producer(ov, "arith.constant")];
  if (!ia || !oa || ia.attr("value")!.str !== oa.attr("value")!.str || ia.result.type !== oa.result.type) return false;
  const [id, od] = [paddedDims(op), paddedDims(outerPad)];
  if (id.some((b, i) => b && od[i])) return false;
  const offsets: OpFoldResult[] = [];
  for (let i = 0; i < rank; i++) {
    if (!id[i] && knownInt(io[i]) === 0) offsets.push(oo[i]);
    else if (!od[i] && knownInt(oo[i]) === 0) offsets.push(io[i]);
    else return false;
  }
  const sizes = [...is], innerSrc = (inner.operand(0).type as TensorType).shape;
  for (let i = 0; i < rank; i++) {
    if (!od[i]) continue;
    if (knownInt(is[i]) !== innerSrc[i]) return false;
    sizes[i] = os[i];
  }
  const [ph, oph] = [padLists(op)[1], padLists(outerPad)[1]], high = ph.map((v, i) => (od[i] ? oph[i] : id[i] ? v : 0));
  const srcT = outer.operand(0).type as TensorType;
  const slice = sliceLike(op, [outer.operand(0)], [offsets, sizes, ist], TensorType.get(staticsOf(sizes), srcT.elementType), "tensor.extract_slice");
  rw.replaceOp(op, [newPad(op, slice.result, [padLists(op)[0], high], op.result.type, true).result]);
  return true;
}
function staticPadding(op: Operation, rw: Rewriter, sLow: number[], sHigh: number[]): boolean {
  const srcT = op.operand(0).type as TensorType, t = op.result.type as TensorType;
  if (srcT.rank !== t.rank || sLow.length !== srcT.rank || sHigh.length !== srcT.rank) return false;
  // Constant operands become static; the others stay operands
  const known = (l: number[], ops: Value[]) => { let k = 0; return l.map((d) => (d === DYN ? constantIndex(ops[k++]) ?? DYN : d)); };
  const [low, high] = [known(sLow, operandSegment(op, 1)), known(sHigh, operandSegment(op, 2))];
  const shape = t.shape.map((d, i) => (d !== DYN ? d : low[i] === DYN || high[i] === DYN || srcT.shape[i] === DYN ? DYN : srcT.shape[i] + low[i] + high[i]));
  if (sameLists(shape, t.shape) || shape.every((d) => d === DYN)) return false;
  const dynOf = (k: number) => operandSegment(op, k).filter((v) => constantIndex(v) === undefined);
  const lists = [low, high].map((l, k) => { const d = dynOf(k + 1); let j = 0; return l.map((v): OpFoldResult => (v === DYN ? d[j++] : v)); });
  return replaceCasting(op, rw, newPad(op, op.operand(0), lists, TensorType.get(shape, t.elementType), false).result, "tensor.cast");
}

export const TENSOR_PATTERNS: Record<string, Pick<OpSpec, "fold" | "canonicalize">> = {
  "tensor.pack": { fold: foldRelayout, canonicalize: canonicalizePack },
  "tensor.unpack": { fold: foldRelayout, canonicalize: canonicalizeUnpack },
  "tensor.gather": { fold: (op, consts) => splatAs(consts[0], op.result.type) },
  "tensor.extract_slice": { fold: foldExtractSlice, canonicalize: canonicalizeExtractSlice },
  "tensor.insert_slice": { fold: foldInsertSlice, canonicalize: canonicalizeInsertSlice },
  "tensor.parallel_insert_slice": { canonicalize: canonicalizeParallelInsertSlice },
  "tensor.cast": { fold: (op) => (op.operand(0).type === op.result.type ? [op.operand(0)] : undefined), canonicalize: (op, rw) => castOfLinalg(op, rw) || canonicalizeCast(op, rw) || castOfEmpty(op, rw) },
  "tensor.extract": {
    fold: foldExtract,
    canonicalize(op, rw) {
      if (extractOfFill(op, rw)) return true;
      const c = producer(op.operand(0), "tensor.cast");
      if (c && ranked(c.operand(0).type)) { op.setOperand(0, c.operand(0)); return true; }
      return extractOfIndexCast(op, rw) || extractFromGenerate(op, rw);
    },
  },
  "tensor.insert": { // a splat's own value put into it changes nothing
    canonicalize: castsIntoDps,
    fold: (op, consts) => {
      const d = consts[1], v = scalarOf(consts[0]);
      const same = (x: number | bigint, y: number | bigint) => (typeof x === "bigint" || typeof y === "bigint" ? BigInt(x) === BigInt(y) : Object.is(x, y));
      return d instanceof DenseElementsAttr && d.isSplat && v !== undefined && same(v, d.at(0)) ? [op.operand(1)] : undefined;
    },
  },
  "tensor.generate": { canonicalize: staticGenerate },
  "tensor.concat": { canonicalize: (op, rw) => op.operands.length === 1 && replaceCasting(op, rw, op.operand(0), "tensor.cast") },
  "tensor.collapse_shape": {
    fold: reshapeFold("tensor.expand_shape"),
    canonicalize: (op, rw) => reshapeOfFill(op, rw) || composeReshapes(op, rw, reassociation) || collapseOfExpand(op, rw, "tensor.expand_shape", "tensor.cast") || reshapeOfElements(op, rw)
      || collapseOfCast(op, rw),
  },
  "tensor.expand_shape": {
    fold: reshapeFold("tensor.collapse_shape"),
    canonicalize: (op, rw) => reshapeOfFill(op, rw) || composeReshapes(op, rw, reassociation) || expandOfCollapse(op, rw, "tensor.collapse_shape") || reshapeOfElements(op, rw),
  },
  "tensor.reshape": { fold: foldTensorReshape },
  "tensor.pad": {
    fold: (op) => (!op.attr("nofold") && (op.result.type as TensorType).hasStaticShape && op.operand(0).type === op.result.type ? [op.operand(0)] : undefined),
    canonicalize: canonicalizePad,
  },
};
