// vector's store-to-load forwarding on tensors (MLIR 19's foldRAW, foldReadInitWrite, foldWAR
// and FoldWaw), for --canonicalize.
import type { Operation, Value } from "../ir/core.js";
import type { Rewriter } from "../ir/dialect.js";
import { TensorType, VectorType } from "../ir/types.js";
import { constantIndex } from "./arith.js";
import { producer, sameLists } from "./indexing.js";
import { inBounds, minorIdentity, permutationMap, transferParts } from "./vector-transfer.js";

const mapOf = (op: Operation) => permutationMap(op).str;
const isMinorIdentity = (op: Operation) => {
  const { source, vector } = transferParts(op);
  return mapOf(op) === minorIdentity((source.type as TensorType).rank, (vector as VectorType).rank).str;
};
/** MLIR's !hasOutOfBoundsDim: every dim in bounds (a broadcast one is). */
const allInBounds = (op: Operation) => {
  const flags = inBounds(op);
  return permutationMap(op).results.every((e, i) => e.kind !== "dim" || flags[i] === true);
};
/** Whether two transfers access the same elements: same indices, vector type and map. */
function sameAccess(a: Operation, b: Operation): boolean {
  const [pa, pb] = [transferParts(a), transferParts(b)];
  return sameLists(pa.indices, pb.indices) && pa.vector === pb.vector && mapOf(a) === mapOf(b);
}
/** MLIR's isDisjointTransferIndices (constant indices): some dim's accesses cannot meet. Unlike
 * MLIR 19, only for minor identity maps, where vector dim i spans the i-th trailing source dim. */
function disjoint(a: Operation, b: Operation): boolean {
  const [pa, pb] = [transferParts(a), transferParts(b)], vt = pa.vector as VectorType;
  if (pa.vector !== pb.vector || !isMinorIdentity(a) || !isMinorIdentity(b)) return false;
  const lead = pa.indices.length - vt.rank;
  return pa.indices.some((v, i) => {
    const x = constantIndex(v), y = constantIndex(pb.indices[i]);
    return x !== undefined && y !== undefined && Math.abs(x - y) >= (i < lead ? 1 : vt.shape[i - lead]);
  });
}

/** MLIR's foldRAW: a read of a tensor written (in bounds, unmasked) at the same place, past writes
 * elsewhere, is the written vector. */
export function readAfterWrite(op: Operation): Value[] | undefined {
  if (!(op.operand(0).type instanceof TensorType) || transferParts(op).mask) return undefined;
  for (let w = producer(op.operand(0), "vector.transfer_write"); w; w = producer(w.operand(1), "vector.transfer_write")) {
    if (sameAccess(w, op) && allInBounds(w) && !transferParts(w).mask) return [w.operand(0)];
    if (!disjoint(w, op)) return undefined;
  }
  return undefined;
}

/** MLIR's foldReadInitWrite: writing (in bounds, at 0s, minor identity) a read of all of a tensor
 * of the dest's type is that tensor. Unlike MLIR 19, not with a mask (masked-off lanes keep the dest's). */
function writeOfWholeRead(op: Operation): Value | undefined {
  const r = producer(op.operand(0), "vector.transfer_read"), t = op.operand(1).type, vt = op.operand(0).type as VectorType;
  if (!r || !(t instanceof TensorType) || !vt.rank || r.operand(0).type !== t || r.result.type !== vt) return undefined;
  if (!isMinorIdentity(r) || !isMinorIdentity(op) || !allInBounds(r) || !allInBounds(op) || transferParts(r).mask || transferParts(op).mask) return undefined;
  if (vt.shape.join() !== t.shape.join()) return undefined;
  const zeros = (o: Operation) => transferParts(o).indices.every((v) => constantIndex(v) === 0);
  return zeros(r) && zeros(op) ? r.operand(0) : undefined;
}
/** TransferWriteOp::fold's foldReadInitWrite and foldWAR: writing back, unmasked, what was read
 * from the same tensor at the same place gives that tensor. */
export function writeOfRead(op: Operation): Value[] | undefined {
  const whole = writeOfWholeRead(op);
  if (whole) return [whole];
  const r = producer(op.operand(0), "vector.transfer_read");
  if (!r || !(op.operand(1).type instanceof TensorType) || r.operand(0) !== op.operand(1) || !sameAccess(r, op)) return undefined;
  return transferParts(r).mask || transferParts(op).mask ? undefined : [r.operand(0)];
}

/** MLIR's FoldWaw: a tensor write over an earlier one at the same place (same mask), past writes
 * elsewhere each used once, writes into the earlier one's dest instead. */
export function writeAfterWrite(op: Operation, _rw: Rewriter): boolean {
  if (!(op.operand(1).type instanceof TensorType)) return false;
  let modify = op;
  for (let w = producer(op.operand(1), "vector.transfer_write"); w; w = producer(w.operand(1), "vector.transfer_write")) {
    if (sameAccess(w, op) && transferParts(w).mask === transferParts(op).mask) {
      modify.setOperand(1, w.operand(1));
      return true;
    }
    if (!disjoint(w, op) || w.result.uses.length !== 1) return false;
    modify = w;
  }
  return false;
}
