// vector's folds through extract_strided_slice and insert_strided_slice chains (MLIR 19's
// foldExtractFromExtractStrided and the two foldExtractStridedOpFromInsertChain), for --canonicalize.
import type { Operation, Value } from "../ir/core.js";
import { VectorType } from "../ir/types.js";
import { arrayProp, i64Array, producer } from "./indexing.js";
import { i64ArrayAttr, intsProp } from "./vector-algebra.js";

const rankOf = (t: unknown) => (t instanceof VectorType ? t.rank : 0);
const unitStrides = (op: Operation) => intsProp(op, "strides").every((k) => k === 1);
/** Points `op` (an extract) at `src`, position `pos`: folded in place. */
function readFrom(op: Operation, src: Value, pos: readonly number[]): Value[] {
  op.setOperand(0, src);
  op.attributes.set("static_position", i64Array(pos));
  return [op.result];
}

/** MLIR's foldExtractFromExtractStrided: an extract (static position) of a unit-stride slice that
 * leaves the extracted dims whole reads the slice's source, its position moved by the offsets. */
export function extractOfSlice(op: Operation): Value[] | undefined {
  const s = producer(op.operand(0), "vector.extract_strided_slice");
  if (!s || op.operands.length > 1 || !unitStrides(s)) return undefined;
  const from = s.operand(0).type as VectorType, via = s.result.type as VectorType;
  if (!from.rank || !via.rank) return undefined;
  const offsets = intsProp(s, "offsets");
  // (trailing dims the slice takes whole need no offset)
  while (offsets.length && offsets[offsets.length - 1] === 0 && via.shape[offsets.length - 1] === from.shape[offsets.length - 1]) offsets.pop();
  if (rankOf(op.result.type) > from.rank - offsets.length) return undefined;
  return readFrom(op, s.operand(0), arrayProp(op, "static_position").map((p, i) => p + (offsets[i] ?? 0)));
}

/** MLIR's foldExtractStridedOpFromInsertChain for extract: down a chain of unit-stride
 * insert_strided_slices, one whose part holds the extracted position, with the extracted dims
 * whole, is read instead; one whose part does not hold it is passed. */
export function extractOfInsertedSlice(op: Operation): Value[] | undefined {
  if (op.operands.length > 1) return undefined;
  const pos = arrayProp(op, "static_position"), resRank = rankOf(op.result.type);
  for (let ins = producer(op.operand(0), "vector.insert_strided_slice"); ins; ins = producer(ins.operand(1), "vector.insert_strided_slice")) {
    const st = ins.operand(0).type as VectorType, dt = ins.result.type as VectorType, lead = dt.rank - st.rank;
    if (!st.rank || resRank > st.rank || !unitStrides(ins)) return undefined;
    const offsets = intsProp(ins, "offsets"), size = (d: number) => (d < lead ? 1 : st.shape[d - lead]);
    if (pos.some((p, d) => p < offsets[d] || p >= offsets[d] + size(d))) continue; // (disjoint)
    // the extracted dims must be all inserted: else the part is only partly this insert's
    for (let i = 0; i < resRank; i++) if (st.shape[st.rank - resRank + i] !== dt.shape[dt.rank - resRank + i]) return undefined;
    return readFrom(op, ins.operand(0), pos.slice(lead).map((p, i) => p - offsets[lead + i]));
  }
  return undefined;
}

/** MLIR's foldExtractStridedOpFromInsertChain for extract_strided_slice: down a chain of inserts
 * of slices of the same rank and strides, one whose part holds the whole slice is sliced instead;
 * one whose part misses it is passed; any other overlap stops. Unlike MLIR 19 (which passes an
 * insert whenever the slice does not start within its part, and leaves trailing dims unchecked),
 * only parts disjoint from the whole slice are passed. */
export function sliceOfInsertedSlice(op: Operation): Value[] | undefined {
  const t = op.operand(0).type as VectorType, offsets = intsProp(op, "offsets"), sizes = intsProp(op, "sizes");
  const lo = t.shape.map((_, d) => offsets[d] ?? 0), hi = t.shape.map((n, d) => lo[d] + (sizes[d] ?? n));
  for (let ins = producer(op.operand(0), "vector.insert_strided_slice"); ins; ins = producer(ins.operand(1), "vector.insert_strided_slice")) {
    const st = ins.operand(0).type as VectorType, at = intsProp(ins, "offsets");
    if (st.rank !== t.rank || !unitStrides(ins) || !unitStrides(op)) return undefined;
    const end = (d: number) => at[d] + st.shape[d];
    if (t.shape.some((_, d) => hi[d] <= at[d] || lo[d] >= end(d))) continue; // (disjoint)
    if (t.shape.some((_, d) => lo[d] < at[d] || hi[d] > end(d))) return undefined; // (partly overlapping)
    op.setOperand(0, ins.operand(0));
    op.attributes.set("offsets", i64ArrayAttr(offsets.map((o, d) => o - at[d])));
    return [op.result];
  }
  return undefined;
}
