// vector's canonicalization patterns (a first few of MLIR 19's), for --canonicalize:
//   transpose              of the identity permutation is its input, of a splat constant a
//                          splat; of a transpose, one transpose (TransposeFolder);
//   create_mask            of constant sizes is a constant_mask, each size clamped to its dim and
//                          all 0 once one is (CreateMaskFolder; with a scalable dim, only all 0);
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

export const VECTOR_PATTERNS: Record<string, Pick<OpSpec, "fold" | "canonicalize">> = {
  "vector.transpose": { fold: foldTranspose, canonicalize: transposeOfTranspose },
  "vector.create_mask": { canonicalize: createMaskOfConstants },
  "vector.extract_strided_slice": { fold: (op) => (op.operand(0).type === op.result.type ? [op.operand(0)] : undefined), canonicalize: sliceOfConstantMask },
};
