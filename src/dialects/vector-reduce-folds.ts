// vector's reduction canonicalizations (MLIR 19's ElementToReductionPattern and
// ElideUnitDimsInMultiDimReduction), unmasked: a reduction over one element is that element
// combined with the accumulator by the kind's arith op.
import { Builder } from "../ir/builder.js";
import type { Operation } from "../ir/core.js";
import type { Rewriter } from "../ir/dialect.js";
import { VectorType } from "../ir/types.js";
import { i64Array } from "./indexing.js";
import { intsProp } from "./vector-algebra.js";
import { type VectorKind, makeArithReduction, reductionKind } from "./vector-kind.js";

/** MLIR's ElementToReductionPattern: a reduction of a vector<1xT> (or vector<T>) is its element,
 * combined with the accumulator if any. Unlike MLIR 19, not of a vector<[1]xT> (vscale elements). */
export function reductionOfOneElement(op: Operation, rw: Rewriter): boolean {
  const vt = op.operand(0).type as VectorType;
  if (vt.rank && (vt.shape[0] !== 1 || vt.isScalable)) return false;
  const b = Builder.before(op);
  const x = vt.rank ? b.value("vector.extract", [op.operand(0)], op.result.type, { static_position: i64Array([0]) }) : b.value("vector.extractelement", [op.operand(0)], op.result.type);
  const acc = op.operands[1];
  rw.replaceOp(op, [acc ? makeArithReduction(b, reductionKind(op) as VectorKind, x, acc, op.attr("fastmath")) : x]);
  return true;
}

/** MLIR's ElideUnitDimsInMultiDimReduction: a multi_reduction reducing only dims of size 1 is the
 * accumulator combined with the source, shape_cast to the result (all dims reduced: its element).
 * Unlike MLIR 19, not where a reduced dim is scalable. */
export function multiReductionOfUnitDims(op: Operation, rw: Rewriter): boolean {
  const vt = op.operand(0).type as VectorType, dims = intsProp(op, "reduction_dims");
  if (dims.some((d) => vt.shape[d] !== 1 || vt.scalableDims[d])) return false;
  const b = Builder.before(op), rt = op.result.type;
  const x = rt instanceof VectorType ? b.value("vector.shape_cast", [op.operand(0)], rt) : b.value("vector.extract", [op.operand(0)], rt, { static_position: i64Array(vt.shape.map(() => 0)) });
  rw.replaceOp(op, [makeArithReduction(b, reductionKind(op) as VectorKind, op.operand(1), x)]);
  return true;
}
