// vector.transfer_read / vector.transfer_write: vector access to memrefs and tensors with a
// permutation map, in-bounds flags, padding and an optional mask (MLIR 19 syntax).
import { AffineMap, dim } from "../ir/affine.js";
import { AffineMapAttr, ArrayAttr, boolAttr } from "../ir/attributes.js";
import type { Operation, Value } from "../ir/core.js";
import type { OpSpec, OperationState } from "../ir/dialect.js";
import type { OpAsmParser } from "../ir/parser.js";
import type { OpAsmPrinter } from "../ir/printer.js";
import { MemRefType, ShapedType, TensorType, Type, VectorType, i1, index } from "../ir/types.js";
import { ANY, ANY_SHAPED, ANY_VECTOR, I1_VECTOR, RANKED_TENSOR, VARIADIC_INDEX } from "./common.js";
import { checkSegments, operandSegment, segmentSizesAttr } from "./indexing.js";

/** `(d0, ..., dn-1) -> (dn-k, ..., dn-1)`: the default permutation map. */
export function minorIdentity(sourceRank: number, vectorRank: number): AffineMap {
  return new AffineMap(sourceRank, 0, Array.from({ length: vectorRank }, (_, i) => dim(sourceRank - vectorRank + i)));
}
/** The op's permutation map (the default when absent). */
export function permutationMap(op: Operation): AffineMap {
  const a = op.attr("permutation_map");
  if (a instanceof AffineMapAttr) return a.map;
  const { source, vector } = transferParts(op);
  return minorIdentity((source.type as ShapedType).rank, (vector as VectorType).rank);
}
/** In-bounds flag per vector dimension (false when absent). */
export function inBounds(op: Operation): boolean[] {
  const a = op.attr("in_bounds");
  return a instanceof ArrayAttr ? a.items.map((b) => b.str === "true") : [];
}

/** Operands and types of either transfer op, by role. */
export function transferParts(op: Operation): { source: Value; indices: Value[]; vector: Type; padding?: Value; mask?: Value } {
  if (op.name === "vector.transfer_read") {
    return { source: op.operand(0), indices: operandSegment(op, 1), vector: op.results[0]?.type, padding: operandSegment(op, 2)[0], mask: operandSegment(op, 3)[0] };
  }
  return { source: op.operand(1), indices: operandSegment(op, 2), vector: op.operand(0).type, mask: operandSegment(op, 3)[0] };
}

const PROPS = ["in_bounds", "operandSegmentSizes", "permutation_map"];

/** Fills in MLIR 19's defaults so the generic form is complete. */
function addDefaults(st: OperationState, srcType: Type, vecType: Type): void {
  if (!(srcType instanceof ShapedType) || !(vecType instanceof VectorType)) return;
  if (!st.attributes.has("permutation_map")) st.addAttr("permutation_map", new AffineMapAttr(minorIdentity(srcType.rank, vecType.rank)));
  if (!st.attributes.has("in_bounds")) st.addAttr("in_bounds", new ArrayAttr(vecType.shape.map(() => boolAttr(false))));
}
/** The vector dimensions a mask has, in memref order (MLIR's inferTransferOpMaskType: a permuted
 * transfer's mask is in memref order; broadcast dimensions have none). */
export const maskDims = (map: AffineMap) =>
  map.results.flatMap((r, j) => (r.kind === "dim" ? [[r.pos, j]] : [])).sort((a, b) => a[0] - b[0]).map(([, j]) => j);
const maskType = (t: Type, map: AffineMap | undefined) =>
  (t instanceof VectorType ? VectorType.get(map ? maskDims(map).map((j) => t.shape[j]) : t.shape, i1, map ? maskDims(map).map((j) => t.scalableDims[j]) : t.scalableDims) : i1);
const mapOf = (st: OperationState) => { const a = st.attributes.get("permutation_map"); return a instanceof AffineMapAttr ? a.map : undefined; };

function printAttrs(p: OpAsmPrinter, op: Operation): string {
  const { source, vector } = transferParts(op);
  const elided = ["operandSegmentSizes"];
  const pm = op.attr("permutation_map");
  if (pm instanceof AffineMapAttr && source.type instanceof ShapedType && vector instanceof VectorType &&
      pm.map.equals(minorIdentity(source.type.rank, vector.rank))) elided.push("permutation_map");
  if (inBounds(op).every((b) => !b)) elided.push("in_bounds");
  return p.attrDict(op, elided);
}

function verifyTransfer(op: Operation): string | undefined {
  const err = checkSegments(op, 4);
  if (err) return err;
  const { source, indices, vector, padding, mask } = transferParts(op);
  const st = source.type;
  if (!(st instanceof MemRefType || st instanceof TensorType)) return "requires source to be a memref or ranked tensor type";
  if (!(vector instanceof VectorType)) return;
  if (indices.length !== st.rank) return `requires ${st.rank} indices`;
  const pm = permutationMap(op);
  if (pm.numDims !== st.rank) return "requires a permutation_map with input dims of the same rank as the source type";
  if (pm.results.length !== vector.rank) return "requires a permutation_map with result dims of the same rank as the vector type";
  if (pm.numSyms !== 0) return "requires permutation_map without symbols";
  if (pm.results.some((e) => e.kind !== "dim" && !(e.kind === "const" && e.value === 0))) return "requires a projected permutation_map (at most one dim or the zero constant per result)";
  const dims = pm.results.flatMap((e) => (e.kind === "dim" ? [e.pos] : []));
  if (new Set(dims).size !== dims.length) return "requires a permutation_map that is a permutation (found one dim used more than once)";
  const flags = inBounds(op);
  if (op.attr("in_bounds") && flags.length !== vector.rank) return "expects the in_bounds attr of same rank as permutation_map results";
  if (pm.results.some((e, i) => e.kind === "const" && !flags[i])) return "requires broadcast dimensions to be in-bounds";
  if (st.elementType !== vector.elementType) return "requires source and vector element types to match";
  if (padding && padding.type !== st.elementType) return "requires formal padding and source of the same elemental type";
  if (mask && mask.type !== maskType(vector, pm)) return `inferred mask type ('${maskType(vector, pm).str}') and mask operand type ('${mask.type.str}') don't match`;
  if (op.name === "vector.transfer_write") {
    const want = st instanceof TensorType ? 1 : 0;
    if (op.results.length !== want) return `expected the number of tensor results (${op.results.length}) to be equal to the number of output tensors (${want})`;
    if (want && op.result.type !== st) return `expected type of operand #1 ('${st.str}') to match type of corresponding result ('${op.result.type.str}')`;
  }
}

function parseAccess(p: OpAsmParser) {
  const src = p.parseOperand();
  const idx = p.parseOperandList("square");
  return { src, idx };
}

export const transferRead: OpSpec = {
  name: "vector.transfer_read", operands: [2, -1], results: 1, traits: ["MemRead"], props: PROPS,
  segments: 4, operandTypes: [ANY_SHAPED, VARIADIC_INDEX, ANY, I1_VECTOR], resultTypes: [ANY_VECTOR],
  parse(p, st) {
    const { src, idx } = parseAccess(p);
    p.expect(",");
    const pad = p.parseOperand();
    const mask = p.accept(",") ? p.parseOperand() : undefined;
    p.parseOptionalAttrDict(st);
    const srcType = p.parseColonType();
    p.expect(",");
    const vt = p.parseType();
    addDefaults(st, srcType, vt);
    st.resultTypes = [vt];
    st.addAttr("operandSegmentSizes", segmentSizesAttr([1, idx.length, 1, mask ? 1 : 0]));
    const elem = srcType instanceof ShapedType ? srcType.elementType : srcType;
    st.operands = [p.resolveOperand(src, srcType), ...p.resolveOperands(idx, index), p.resolveOperand(pad, elem),
      ...(mask ? [p.resolveOperand(mask, maskType(vt, mapOf(st)))] : [])];
  },
  print(p, op) {
    const { source, indices, padding, mask } = transferParts(op);
    p.print(" ", p.operand(source), "[", p.operands(indices), "], ", padding ? p.operand(padding) : "", mask ? ", " + p.operand(mask) : "",
      printAttrs(p, op), " : ", p.type(source.type), ", ", p.type(op.result.type));
  },
  verify: verifyTransfer,
};

export const transferWrite: OpSpec = {
  name: "vector.transfer_write", operands: [2, -1], results: [0, 1], props: PROPS,
  segments: 4, operandTypes: [ANY_VECTOR, ANY_SHAPED, VARIADIC_INDEX, I1_VECTOR], resultTypes: [RANKED_TENSOR],
  parse(p, st) {
    const v = p.parseOperand();
    p.expect(",");
    const { src, idx } = parseAccess(p);
    const mask = p.accept(",") ? p.parseOperand() : undefined;
    p.parseOptionalAttrDict(st);
    const vt = p.parseColonType();
    p.expect(",");
    const dstType = p.parseType();
    addDefaults(st, dstType, vt);
    st.resultTypes = dstType instanceof TensorType ? [dstType] : [];
    st.addAttr("operandSegmentSizes", segmentSizesAttr([1, 1, idx.length, mask ? 1 : 0]));
    st.operands = [p.resolveOperand(v, vt), p.resolveOperand(src, dstType), ...p.resolveOperands(idx, index),
      ...(mask ? [p.resolveOperand(mask, maskType(vt, mapOf(st)))] : [])];
  },
  print(p, op) {
    const { source, indices, mask } = transferParts(op);
    const v = op.operand(0);
    p.print(" ", p.operand(v), ", ", p.operand(source), "[", p.operands(indices), "]", mask ? ", " + p.operand(mask) : "",
      printAttrs(p, op), " : ", p.type(v.type), ", ", p.type(source.type));
  },
  verify: verifyTransfer,
};
