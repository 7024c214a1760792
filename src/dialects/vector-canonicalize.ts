// vector's canonicalization patterns (MLIR 19's, most of those real code meets), for --canonicalize:
//   transpose              of the identity permutation is its input, of a splat constant a
//                          splat; of a transpose, one transpose (TransposeFolder); of a splat, or a
//                          broadcast of one element, a splat or broadcast;
//   create_mask            of constant sizes is a constant_mask, each size clamped to its dim and
//                          all 0 once one is (CreateMaskFolder; with a scalable dim, only all 0);
//   shape_cast             of its type or undone, the source; of a shape_cast, one; of a broadcast,
//                          a broadcast or a shape_cast of the source;
//   transfer_read/_write   dims at constant indices that fit in static sizes are in_bounds; a
//                          read of a tensor.cast from a more static type reads its source; on
//                          tensors, a read of a write at the same place is its vector, a write back
//                          of a read is the tensor, a write over a write replaces it
//                          (vector-transfer-folds.ts);
//   bitcast                of its own type is its source; of a bitcast, one bitcast (or the source);
//                          of a splat constant (f16 to f32, ints to wider ints), a splat;
//   extract, broadcast     an extract of an extract is one (static positions); through inserts and
//                          transposes, of a broadcast, shape_cast or slice, or through inserted
//                          slices (vector-strided-folds.ts), it reads their source;
//                          of a broadcast to no fewer dims than the source, a broadcast; a broadcast
//                          of a broadcast is one (vector.ts's specs call these);
//   extract_strided_slice  of all of a vector of its type is the vector; through inserted slices, a
//                          slice of the one holding it (vector-strided-folds.ts); a unit-stride one of a
//                          constant_mask is a constant_mask (StridedSliceConstantMaskFolder); of a
//                          splat a splat, of a broadcast a broadcast (of a slice of its source);
//   insert, shuffle        of as many elements as the dest, a broadcast; of two splats of x, a splat;
//   insert_strided_slice   of its type, the source; of a splat into one of x, or of the slice the
//                          dest had there, the dest;
//   extractelement         of a splat or scalar broadcast, the scalar;
//   reduction, multi_reduction  over one element, the element and the accumulator's arith op
//                          (vector-reduce-folds.ts);
// and (vector-fold-constants.ts) each of these of dense constants is a constant.
import { ArrayAttr, DenseElementsAttr, boolAttr } from "../ir/attributes.js";
import { Builder } from "../ir/builder.js";
import { Operation, type Value } from "../ir/core.js";
import type { OpSpec, Rewriter } from "../ir/dialect.js";
import { DYN, type ShapedType, VectorType } from "../ir/types.js";
import { inBounds, permutationMap, transferParts } from "./vector-transfer.js";
import { arrayProp, castFromMoreStatic, i64Array, knownInt, producer } from "./indexing.js";
import { i64ArrayAttr, intsProp } from "./vector-algebra.js";
import {
  bitcastOfSplat, extractElementOfConstant, extractOfConstant, insertElementOfConstant, insertOfConstant, insertSliceOfConstant, shapeCastOfSplat, shuffleOfConstants, sliceOfConstant,
} from "./vector-fold-constants.js";
import { extractOfInsertedSlice, extractOfSlice, sliceOfInsertedSlice } from "./vector-strided-folds.js";
import { multiReductionOfUnitDims, reductionOfOneElement } from "./vector-reduce-folds.js";
import { readAfterWrite, writeAfterWrite, writeOfRead } from "./vector-transfer-folds.js";

const foldTranspose: OpSpec["fold"] = (op, consts) => {
  const c = consts[0], t = op.result.type as VectorType;
  if (c instanceof DenseElementsAttr && c.isSplat) return [new DenseElementsAttr(t, [c.at(0)], true)];
  return arrayProp(op, "permutation").every((p, i) => p === i) ? [op.operand(0)] : undefined;
};
function transposeOfTranspose(op: Operation, rw: Rewriter): boolean {
  const inner = producer(op.operand(0), "vector.transpose");
  if (!inner) return false;
  const perm = arrayProp(inner, "permutation");
  const made = Builder.before(op).create(op.name, [inner.operand(0)], [op.result.type], { permutation: i64Array(arrayProp(op, "permutation").map((p) => perm[p])) });
  rw.replaceOp(op, [made.result]);
  return true;
}

function createMaskOfConstants(op: Operation, rw: Rewriter): boolean {
  const t = op.result.type as VectorType, sizes = op.operands.map(knownInt);
  if (sizes.some((s) => s === undefined)) return false;
  const dims = t.rank ? t.shape : [1];
  let bounds = sizes.map((s, i) => Math.min(Math.max(s!, 0), dims[i]));
  if (bounds.includes(0)) bounds = bounds.map(() => 0);
  else if (t.scalableDims.some(Boolean)) return false; // (a scalable dim's size is not known here)
  const made = Builder.before(op).create("vector.constant_mask", [], [t], { mask_dim_sizes: i64ArrayAttr(bounds) });
  rw.replaceOp(op, [made.result]);
  return true;
}

/** MLIR's StridedSliceConstantMaskFolder: a unit-stride slice of a constant_mask is the constant_mask of the slice's part. */
function sliceOfConstantMask(op: Operation, rw: Rewriter): boolean {
  const mask = producer(op.operand(0), "vector.constant_mask");
  if (!mask || intsProp(op, "strides").some((s) => s !== 1)) return false;
  const dims = intsProp(mask, "mask_dim_sizes"), offsets = intsProp(op, "offsets"), sizes = intsProp(op, "sizes");
  let bounds = dims.map((d, i) => (i < offsets.length ? Math.max(0, Math.min(offsets[i] + sizes[i], d) - offsets[i]) : d));
  if (bounds.includes(0)) bounds = bounds.map(() => 0);
  const made = Builder.before(op).create("vector.constant_mask", [], [op.result.type], { mask_dim_sizes: i64ArrayAttr(bounds) });
  rw.replaceOp(op, [made.result]);
  return true;
}

/** MLIR's BitCastOp::fold: of its own type, its source; of a bitcast, of that one's source (or it, when of the result's type); of a splat constant, a splat. */
const foldBitcast: OpSpec["fold"] = (op, consts) => {
  const src = op.operand(0), inner = producer(src, "vector.bitcast");
  if (src.type === op.result.type) return [src];
  if (!inner) return bitcastOfSplat(op, consts);
  if (inner.operand(0).type === op.result.type) return [inner.operand(0)];
  op.setOperand(0, inner.operand(0));
  return [op.result];
};
/** MLIR's foldExtractOpFromExtractChain (static positions): an extract of an extract reads the first one's source at the joined position, in place. */
function extractOfExtract(op: Operation): boolean {
  if (!producer(op.operand(0), "vector.extract") || op.operands.length > 1) return false;
  let src = op.operand(0), pos = arrayProp(op, "static_position");
  for (let inner = producer(src, "vector.extract"); inner; inner = producer(src, "vector.extract")) {
    if (inner.operands.length > 1) return false;
    pos = [...arrayProp(inner, "static_position"), ...pos];
    src = inner.operand(0);
  }
  op.setOperand(0, src);
  op.attributes.set("static_position", i64Array(pos));
  return true;
}
const rankOf = (t: unknown) => (t instanceof VectorType ? t.rank : 0);
const setSource = (op: Operation, src: Value, pos: number[]) => {
  op.setOperand(0, src);
  op.attributes.set("static_position", i64Array(pos));
  return [op.result];
};
/** MLIR's ExtractFromInsertTransposeChainState: the extract's position, padded with negative
 * sentinels for its result's dims, is followed back through transposes (permuted) and inserts:
 * one at that position gives its source, one at a prefix is read in place, one elsewhere (some
 * known index differs) is passed; any other overlap stops. It folds where the sentinels end in order. */
function extractOfInsertTransposeChain(op: Operation): Value[] | undefined {
  let k = arrayProp(op, "static_position").length, src = op.operand(0);
  const sentinels = Array.from({ length: rankOf(src.type) - k }, (_, i) => -1 - i);
  let pos = [...arrayProp(op, "static_position"), ...sentinels];
  const inOrder = () => pos.slice(k).every((p, i) => p === sentinels[i]);
  const inPlace = (from: Value) => (from !== op.operand(0) && inOrder() ? setSource(op, from, pos.slice(0, k)) : undefined);
  for (;;) {
    const t = producer(src, "vector.transpose"), ins = producer(src, "vector.insert");
    if (t) {
      const q = new Array<number>(pos.length);
      arrayProp(t, "permutation").forEach((p, i) => (q[p] = pos[i]));
      pos = q;
      src = t.operand(0);
      continue;
    }
    if (!ins) return inPlace(src);
    const at = arrayProp(ins, "static_position"), dyn = ins.operands.length > 2;
    if (!dyn && at.length === k && at.every((p, i) => p === pos[i]) && inOrder()) return [ins.operand(0)];
    if (!dyn && at.every((p, i) => p === pos[i])) {
      pos = pos.slice(at.length);
      k = pos.length - sentinels.length;
      return inPlace(ins.operand(0));
    }
    if (at.every((p, i) => i >= pos.length || p < 0 || pos[i] < 0 || p === pos[i])) return undefined; // (may overlap)
    src = ins.operand(1);
  }
}
/** MLIR's foldExtractFromBroadcast: an extract of a broadcast (or splat) of its type is the source;
 * one of lower rank than the source, whose dims the broadcast kept, reads the source in place. */
function extractOfBroadcast(op: Operation): Value[] | undefined {
  const def = producer(op.operand(0), "vector.broadcast") ?? producer(op.operand(0), "vector.splat");
  if (!def) return undefined;
  const src = def.operand(0), st = src.type, rt = op.result.type;
  if (st === rt) return [src];
  const srcRank = rankOf(st), resRank = rankOf(rt);
  if (resRank >= srcRank) return undefined;
  if (rt instanceof VectorType && st instanceof VectorType && rt.shape.some((d, i) => d !== st.shape[srcRank - resRank + i])) return undefined;
  const dst = def.result.type as VectorType, diff = dst.rank - srcRank, pos = [...arrayProp(op, "static_position")];
  // positions in dims the broadcast stretched from 1 read the source's only index there
  for (let i = diff; i < pos.length; i++) if ((st as VectorType).shape[i - diff] !== dst.shape[i]) pos[i] = 0;
  return setSource(op, src, pos.slice(pos.length - (srcRank - resRank)));
}
/** MLIR's foldExtractFromShapeCast: when the extracted part is contiguous in the shape_cast's
 * source (its trailing dims are the result's), the extract reads the source at the same offset. */
function extractOfShapeCast(op: Operation): Value[] | undefined {
  const sc = producer(op.operand(0), "vector.shape_cast");
  if (!sc) return undefined;
  const from = sc.operand(0).type as VectorType, via = op.operand(0).type as VectorType, rt = op.result.type;
  const resShape = rt instanceof VectorType ? rt.shape : [];
  if (!from.rank || !via.rank || resShape.length > from.rank || resShape.some((d, i) => d !== from.shape[from.rank - resShape.length + i])) return undefined;
  if (from.scalableDims.some(Boolean) || via.scalableDims.some(Boolean)) return undefined; // (offsets of runtime sizes)
  let offset = 0;
  arrayProp(op, "static_position").forEach((p, i) => (offset = offset * via.shape[i] + p));
  const lead = from.shape.slice(0, from.rank - resShape.length), pos = new Array<number>(lead.length);
  for (let i = lead.length - 1; i >= 0; i--) { pos[i] = offset % lead[i]; offset = Math.floor(offset / lead[i]); }
  return setSource(op, sc.operand(0), pos);
}
/** vector.extract's folds past its first (no position) in MLIR 19's order; dynamic positions are left. */
export function foldExtractChains(op: Operation): Value[] | undefined {
  if (op.operands.length > 1) return undefined;
  if (extractOfExtract(op)) return [op.result];
  return extractOfInsertTransposeChain(op) ?? extractOfBroadcast(op) ?? extractOfShapeCast(op) ?? extractOfSlice(op) ?? extractOfInsertedSlice(op);
}
/** MLIR's ExtractOpFromBroadcast: an extract of a broadcast (or splat) whose result has at least the
 * source's rank is a broadcast of the source (a 0-d source's scalar, its extractelement). */
function extractToBroadcast(op: Operation, rw: Rewriter): boolean {
  const def = producer(op.operand(0), "vector.broadcast") ?? producer(op.operand(0), "vector.splat");
  if (!def) return false;
  const src = def.operand(0), rt = op.result.type;
  if (src.type === rt || rankOf(rt) < rankOf(src.type)) return false;
  const made = Builder.before(op).create(rankOf(rt) === 0 ? "vector.extractelement" : "vector.broadcast", [src], [rt]);
  rw.replaceOp(op, [made.result]);
  return true;
}
/** MLIR's BroadcastFolder: a broadcast of a broadcast broadcasts the first one's source. */
export function broadcastOfBroadcast(op: Operation, rw: Rewriter): boolean {
  const inner = producer(op.operand(0), "vector.broadcast");
  if (!inner) return false;
  const made = Builder.before(op).create(op.name, [inner.operand(0)], [op.result.type]);
  rw.replaceOp(op, [made.result]);
  return true;
}

/** MLIR's ShapeCastOp::fold (of its type, or of a broadcast or shape_cast from it, the source) and ShapeCastBroadcastFolder,
 * soundly: a broadcast adding only leading dims to a source whose shape ends the result's is a
 * broadcast to the result; one not replicating (the source's size) is a shape_cast of the source. */
const foldShapeCast: OpSpec["fold"] = (op, consts) => {
  const src = op.operand(0), b = producer(src, "vector.broadcast") ?? producer(src, "vector.shape_cast");
  if (src.type === op.result.type) return [src];
  if (b && b.operand(0).type === op.result.type) return [b.operand(0)];
  return shapeCastOfShapeCast(op) ?? shapeCastOfSplat(consts, op.result.type);
};
/**
 * Whether each size of `a` (the lower rank) is the product of a run of `b`'s, trailing unit sizes
 * joining the last run (MLIR 19's isValidShapeCast: a shape_cast only merges or splits dims).
 */
export function groupsOf(a: readonly number[], b: readonly number[]): boolean {
  const ones = (xs: readonly number[], from: number) => xs.slice(from).every((x) => x === 1);
  if (!a.length && ones(b, 0)) return true;
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    let prod = 1;
    while (prod < a[i] && j < b.length) prod *= b[j++];
    if (prod !== a[i]) break;
    i++;
    if (i < a.length && ones(a, i)) i = a.length;
    if (j < b.length && ones(b, j)) j = b.length;
  }
  return i === a.length && j === b.length;
}
/** ShapeCastOp::fold's transitive case: a shape_cast of a shape_cast casts the first one's source, where one collapses into the other. */
function shapeCastOfShapeCast(op: Operation): Value[] | undefined {
  const inner = producer(op.operand(0), "vector.shape_cast");
  if (!inner) return undefined;
  const from = (inner.operand(0).type as VectorType).shape, to = (op.result.type as VectorType).shape;
  if (from.length === to.length || !(from.length < to.length ? groupsOf(from, to) : groupsOf(to, from))) return undefined;
  op.setOperand(0, inner.operand(0));
  return [op.result];
}
function shapeCastOfBroadcast(op: Operation, rw: Rewriter): boolean {
  const b = producer(op.operand(0), "vector.broadcast");
  if (!b || [b.operand(0).type, b.result.type, op.result.type].some((t) => t instanceof VectorType && t.scalableDims.some(Boolean))) return false;
  const st = b.operand(0).type, mid = b.result.type as VectorType, rt = op.result.type as VectorType;
  const ss = st instanceof VectorType ? st.shape : [], ends = (t: VectorType) => ss.every((d, i) => d === t.shape[t.rank - ss.length + i]);
  let name: string;
  if (ss.length <= rt.rank && ends(rt) && ends(mid)) name = "vector.broadcast"; // (no dim stretched: copies of the source)
  else if (st instanceof VectorType && st.numElements === rt.numElements) name = "vector.shape_cast";
  else return false;
  const made = Builder.before(op).create(name, [b.operand(0)], [rt]);
  rw.replaceOp(op, [made.result]);
  return true;
}

/** MLIR's foldTransferInBoundsAttribute: a transfer dim read or written at a constant index whose
 * vector size fits in the source's static size is marked in bounds (a scalable dim is left). */
const foldTransferInBounds: OpSpec["fold"] = (op) => {
  const { source, indices, vector } = transferParts(op), vt = vector as VectorType, shape = (source.type as ShapedType).shape;
  if (!vt.rank) return undefined;
  const flags = inBounds(op), results = permutationMap(op).results;
  const fits = (i: number) => {
    const e = results[i], at = e.kind === "dim" ? knownInt(indices[e.pos]) : undefined;
    return e.kind === "dim" && !vt.scalableDims[i] && shape[e.pos] !== DYN && at !== undefined && at + vt.shape[i] <= shape[e.pos];
  };
  const now = vt.shape.map((_, i) => flags[i] === true || fits(i));
  if (now.every((b, i) => b === (flags[i] === true))) return undefined;
  op.attributes.set("in_bounds", new ArrayAttr(now.map((b) => boolAttr(b))));
  return op.results.length ? [op.result] : [];
};
/** TransferReadOp::fold: in_bounds, then (tensor::foldTensorCast) a read of a tensor.cast from a more static type reads its source. */
const foldTransferRead: OpSpec["fold"] = (op, consts) => {
  const done = foldTransferInBounds(op, consts), from = castFromMoreStatic(op.operand(0));
  if (done) return done;
  if (!from) return readAfterWrite(op);
  op.setOperand(0, from);
  return [op.result];
};

/** Replaces `op` by a new `name` op of `src`, of `op`'s type. */
function replaceByNew(op: Operation, rw: Rewriter, name: string, src: Value): true {
  rw.replaceOp(op, [Builder.before(op).create(name, [src], [op.result.type]).result]);
  return true;
}
/** The scalar both of `op`'s operands splat, if they splat the same one. */
function splatOfBoth(op: Operation): Value | undefined {
  const a = producer(op.operand(0), "vector.splat"), b = producer(op.operand(1), "vector.splat");
  return a && b && a.operand(0) === b.operand(0) ? a.operand(0) : undefined;
}
/** MLIR's FoldTransposeSplat and StridedSliceSplat: a transpose or slice of a splat is a splat of its type. */
function ofSplat(op: Operation, rw: Rewriter): boolean {
  const splat = producer(op.operand(0), "vector.splat");
  return !!splat && replaceByNew(op, rw, "vector.splat", splat.operand(0));
}
/** MLIR's FoldTransposedScalarBroadcast: a transpose of a broadcast of a scalar (or of one element) is a broadcast to its type. */
function transposeOfScalarBroadcast(op: Operation, rw: Rewriter): boolean {
  const b = producer(op.operand(0), "vector.broadcast"), st = b?.operand(0).type;
  return !!b && !(st instanceof VectorType && st.numElements !== 1) && replaceByNew(op, rw, "vector.broadcast", b.operand(0));
}
/** MLIR's StridedSliceBroadcast: a slice of a broadcast broadcasts the source, sliced first where the
 * slice cuts its dims. Unlike MLIR 19, a dim the broadcast stretched from 1 is kept whole (offset 0,
 * size 1), so the new slice stays within the source. */
function sliceOfBroadcast(op: Operation, rw: Rewriter): boolean {
  const b = producer(op.operand(0), "vector.broadcast");
  if (!b || (b.result.type as VectorType).isScalable) return false;
  const st = b.operand(0).type, mid = b.result.type as VectorType, ss = st instanceof VectorType ? st.shape : [], lead = mid.rank - ss.length;
  const offsets = intsProp(op, "offsets"), sizes = intsProp(op, "sizes"), n = Math.max(0, offsets.length - lead);
  const kept = ss.map((d, i) => (d === 1 && mid.shape[lead + i] !== 1 ? [0, 1] : [offsets[lead + i] ?? 0, sizes[lead + i] ?? d]));
  let src = b.operand(0);
  if (kept.some(([o, k], i) => o !== 0 || k !== ss[i])) {
    const t = VectorType.get(kept.map(([, k]) => k), mid.elementType);
    src = Builder.before(op).create("vector.extract_strided_slice", [src], [t], {
      offsets: i64ArrayAttr(kept.slice(0, n).map(([o]) => o)), sizes: i64ArrayAttr(kept.slice(0, n).map(([, k]) => k)), strides: i64ArrayAttr(intsProp(op, "strides").slice(lead)),
    }).result;
  }
  return replaceByNew(op, rw, "vector.broadcast", src);
}
/** MLIR's InsertToBroadcast: an insert of a vector of as many elements as the dest is a broadcast of it. */
function insertToBroadcast(op: Operation, rw: Rewriter): boolean {
  const st = op.operand(0).type;
  return st instanceof VectorType && st.numElements === (op.result.type as VectorType).numElements && replaceByNew(op, rw, "vector.broadcast", op.operand(0));
}
/** MLIR's InsertSplatToSplat and ShuffleSplat: an insert or shuffle of two splats of x is a splat of x. */
function splatOfSplats(op: Operation, rw: Rewriter): boolean {
  const x = splatOfBoth(op);
  return !!x && replaceByNew(op, rw, "vector.splat", x);
}
/** MLIR's FoldInsertStridedSliceSplat: a splat of x inserted into a splat of x is the dest. */
function insertSliceOfSplat(op: Operation, rw: Rewriter): boolean {
  if (!splatOfBoth(op)) return false;
  rw.replaceOp(op, [op.operand(1)]);
  return true;
}
/** MLIR's FoldInsertStridedSliceOfExtract: putting back a slice taken from the dest at the same offsets and strides is the dest. */
function insertSliceOfExtract(op: Operation, rw: Rewriter): boolean {
  const e = producer(op.operand(0), "vector.extract_strided_slice"), same = (k: string) => intsProp(e!, k).join() === intsProp(op, k).join();
  if (!e || e.operand(0) !== op.operand(1) || !same("offsets") || !same("strides")) return false;
  rw.replaceOp(op, [op.operand(1)]);
  return true;
}
/** MLIR's Canonicalize0DShuffleOp: a shuffle of 0-d vectors is a broadcast of the one it picks. */
function shuffle0D(op: Operation, rw: Rewriter): boolean {
  const mask = intsProp(op, "mask");
  return (op.operand(0).type as VectorType).rank === 0 && mask.length === 1 && replaceByNew(op, rw, "vector.broadcast", op.operand(mask[0]));
}
/** ShuffleOp::fold: one taking all of v1 (or all of v2) in order is it (fixed sizes); of 1-D constants, a constant. */
const foldShuffle: OpSpec["fold"] = (op, consts) => {
  const [a, b] = op.operands.map((v) => v.type as VectorType), mask = intsProp(op, "mask");
  const steps = (from: number, n: number) => mask.length === n && mask.every((m, i) => m === from + i);
  if (!a.rank) return undefined;
  if (!a.isScalable && steps(0, a.shape[0])) return [op.operand(0)];
  if (!a.isScalable && !b.isScalable && steps(a.shape[0], b.shape[0])) return [op.operand(1)];
  return shuffleOfConstants(op, consts);
};
/** ExtractElementOp::fold: of a splat, or a broadcast of a scalar, that scalar; of a constant, its element. */
const foldExtractElement: OpSpec["fold"] = (op, consts) => {
  if (op.operands.length < 2) return undefined;
  const def = producer(op.operand(0), "vector.splat") ?? producer(op.operand(0), "vector.broadcast");
  if (def && !(def.operand(0).type instanceof VectorType)) return [def.operand(0)];
  return extractElementOfConstant(op, consts);
};
const firstOf = (...ps: ((op: Operation, rw: Rewriter) => boolean)[]) => (op: Operation, rw: Rewriter) => ps.some((p) => p(op, rw));

export const VECTOR_PATTERNS: Record<string, Pick<OpSpec, "fold" | "canonicalize">> = {
  "vector.transpose": { fold: foldTranspose, canonicalize: firstOf(transposeOfScalarBroadcast, transposeOfTranspose, ofSplat) },
  "vector.extract": { canonicalize: firstOf(extractOfConstant, extractToBroadcast) },
  "vector.insert": { canonicalize: firstOf(insertToBroadcast, splatOfSplats, insertOfConstant) },
  "vector.insert_strided_slice": {
    fold: (op) => (op.operand(0).type === op.result.type ? [op.operand(0)] : undefined),
    canonicalize: firstOf(insertSliceOfSplat, insertSliceOfExtract, insertSliceOfConstant),
  },
  "vector.shuffle": { fold: foldShuffle, canonicalize: firstOf(splatOfSplats, shuffle0D) },
  "vector.extractelement": { fold: foldExtractElement },
  "vector.reduction": { canonicalize: reductionOfOneElement },
  "vector.multi_reduction": { canonicalize: multiReductionOfUnitDims },
  "vector.insertelement": { fold: insertElementOfConstant },
  "vector.create_mask": { canonicalize: createMaskOfConstants },
  "vector.bitcast": { fold: foldBitcast },
  "vector.transfer_read": { fold: foldTransferRead },
  "vector.transfer_write": { fold: (op, consts) => writeOfRead(op) ?? foldTransferInBounds(op, consts), canonicalize: writeAfterWrite },
  "vector.shape_cast": { fold: foldShapeCast, canonicalize: shapeCastOfBroadcast },
  "vector.extract_strided_slice": { fold: (op) => (op.operand(0).type === op.result.type ? [op.operand(0)] : sliceOfInsertedSlice(op)), canonicalize: firstOf(sliceOfConstantMask, sliceOfConstant, sliceOfBroadcast, ofSplat) },
};
