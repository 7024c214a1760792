// vector's canonicalization patterns (a first few of MLIR 19's), for --canonicalize:
//   transpose              of the identity permutation is its input, of a splat constant a
//                          splat; of a transpose, one transpose (TransposeFolder);
//   create_mask            of constant sizes is a constant_mask, each size clamped to its dim and
//                          all 0 once one is (CreateMaskFolder; with a scalable dim, only all 0);
//   bitcast                of its own type is its source; of a bitcast, one bitcast (or the source);
//   extract, broadcast     an extract of an extract is one (static positions); a broadcast of a
//                          broadcast is one (vector.ts folds call these);
//   extract_strided_slice  of all of a vector of its type is the vector; a unit-stride one of a
//                          constant_mask is a constant_mask (StridedSliceConstantMaskFolder).
import { DenseElementsAttr } from "../ir/attributes.js";
import { Operation } from "../ir/core.js";
import type { OpSpec, Rewriter } from "../ir/dialect.js";
import { VectorType } from "../ir/types.js";
import { arrayProp, i64Array, knownInt, producer } from "./indexing.js";
import { i64ArrayAttr, intsProp } from "./vector-algebra.js";

const foldTranspose: OpSpec["fold"] = (op, consts) => {
  const c = consts[0], t = op.result.type as VectorType;
  if (c instanceof DenseElementsAttr && c.isSplat) return [new DenseElementsAttr(t, [c.at(0)], true)];
  return arrayProp(op, "permutation").every((p, i) => p === i) ? [op.operand(0)] : undefined;
};
function transposeOfTranspose(op: Operation, rw: Rewriter): boolean {
  const inner = producer(op.operand(0), "vector.transpose");
  if (!inner) return false;
  const perm = arrayProp(inner, "permutation");
  const made = new Operation({ name: op.name, operands: [inner.operand(0)], resultTypes: [op.result.type],
    attributes: { permutation: i64Array(arrayProp(op, "permutation").map((p) => perm[p])) }, loc: op.loc });
  op.parent!.insertBefore(op, made);
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
  const made = new Operation({ name: "vector.constant_mask", resultTypes: [t], attributes: { mask_dim_sizes: i64ArrayAttr(bounds) }, loc: op.loc });
  op.parent!.insertBefore(op, made);
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
  const made = new Operation({ name: "vector.constant_mask", resultTypes: [op.result.type], attributes: { mask_dim_sizes: i64ArrayAttr(bounds) }, loc: op.loc });
  op.parent!.insertBefore(op, made);
  rw.replaceOp(op, [made.result]);
  return true;
}

/** MLIR's BitCastOp::fold: of its own type, its source; of a bitcast, of that one's source (or it, when of the result's type). */
const foldBitcast: OpSpec["fold"] = (op) => {
  const src = op.operand(0), inner = producer(src, "vector.bitcast");
  if (src.type === op.result.type) return [src];
  if (!inner) return undefined;
  if (inner.operand(0).type === op.result.type) return [inner.operand(0)];
  op.setOperand(0, inner.operand(0));
  return [op.result];
};
/** MLIR's foldExtractOpFromExtractChain (static positions): an extract of an extract reads the first one's source at the joined position, in place. */
export function extractOfExtract(op: Operation): boolean {
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
/** MLIR's BroadcastFolder: a broadcast of a broadcast broadcasts the first one's source. */
export function broadcastOfBroadcast(op: Operation, rw: Rewriter): boolean {
  const inner = producer(op.operand(0), "vector.broadcast");
  if (!inner) return false;
  const made = new Operation({ name: op.name, operands: [inner.operand(0)], resultTypes: [op.result.type], loc: op.loc });
  op.parent!.insertBefore(op, made);
  rw.replaceOp(op, [made.result]);
  return true;
}

export const VECTOR_PATTERNS: Record<string, Pick<OpSpec, "fold" | "canonicalize">> = {
  "vector.transpose": { fold: foldTranspose, canonicalize: transposeOfTranspose },
  "vector.create_mask": { canonicalize: createMaskOfConstants },
  "vector.bitcast": { fold: foldBitcast },
  "vector.extract_strided_slice": { fold: (op) => (op.operand(0).type === op.result.type ? [op.operand(0)] : undefined), canonicalize: sliceOfConstantMask },
};
