// vector.transfer_read / vector.transfer_write: vector access to memrefs and tensors with a
// permutation map, in-bounds flags, padding and an optional mask (MLIR 19 syntax).
import { AffineMap, cst, dim } from "../ir/affine.js";
import { AffineMapAttr, ArrayAttr, boolAttr, type Attribute } from "../ir/attributes.js";
import type { Operation, Value } from "../ir/core.js";
import type { Location } from "../ir/diagnostics.js";
import type { OpSpec, OperationState } from "../ir/dialect.js";
import type { OpAsmParser, UnresolvedOperand } from "../ir/parser.js";
import type { OpAsmPrinter } from "../ir/printer.js";
import { FloatType, IndexType, IntegerType, MemRefType, ShapedType, TensorType, Type, VectorType, i1, index } from "../ir/types.js";
import { ANY, ANY_SHAPED, ANY_VECTOR, I1_VECTOR, RANKED_TENSOR, VARIADIC_INDEX, missingAttr } from "./common.js";
import { checkSegments, operandSegment, segmentSizesAttr } from "./indexing.js";

/** `(d0, ..., dn-1) -> (dn-k, ..., dn-1)`: the default permutation map. */
export function minorIdentity(sourceRank: number, vectorRank: number): AffineMap {
  return new AffineMap(sourceRank, 0, Array.from({ length: vectorRank }, (_, i) => dim(sourceRank - vectorRank + i)));
}
/** MLIR's getTransferMinorIdentityMap: a source of vector elements leaves the vector's trailing dims to them; a rank-0 source read as vector<1xT> broadcasts. */
function defaultMap(st: ShapedType, vt: VectorType): AffineMap {
  if (st.rank === 0 && vt.rank === 1 && vt.shape[0] === 1) return new AffineMap(0, 0, [cst(0)]);
  return minorIdentity(st.rank, vt.rank - (st.elementType instanceof VectorType ? st.elementType.rank : 0));
}
/** The op's permutation map (the default when absent). */
export function permutationMap(op: Operation): AffineMap {
  const a = op.attr("permutation_map");
  if (a instanceof AffineMapAttr) return a.map;
  const { source, vector } = transferParts(op);
  return defaultMap(source.type as ShapedType, vector as VectorType);
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
/** What MLIR's property conversion takes (the map, and the array the in_bounds BoolArrayAttr is). */
const PROP_CHECKS = { in_bounds: (a: Attribute) => a instanceof ArrayAttr, permutation_map: (a: Attribute) => a instanceof AffineMapAttr };
/** Both are required (the custom form always has them). */
const requiredAttrs = (op: Operation) => missingAttr(op, ["in_bounds", "permutation_map"]);

/** Bits of a scalar (MLIR's default data layout; index is 64). */
export const bitWidth = (t: Type) => (t instanceof FloatType || t instanceof IntegerType ? t.width : t instanceof IndexType ? 64 : 0);

/**
 * `: T, U` of either op (`vectorFirst`: transfer_write's order), checked as MLIR's parser does at
 * the `:`; then MLIR 19's defaults (the minor identity map, in_bounds all false per map result).
 */
function parseTypes(p: OpAsmParser, st: OperationState, vectorFirst: boolean): { shaped: ShapedType; vt: VectorType; map: AffineMap; loc: Location } {
  const loc = p.locHere();
  p.expect(":");
  const types = p.parseTypeList();
  if (types.length !== 2) throw p.customError("requires two types", loc);
  const [vt, shaped] = vectorFirst ? types : [types[1], types[0]];
  const isShaped = shaped instanceof MemRefType || shaped instanceof TensorType;
  if (!vectorFirst && !isShaped) throw p.customError("requires memref or ranked tensor type", loc);
  if (!(vt instanceof VectorType)) throw p.customError("requires vector type", loc);
  if (!isShaped) throw p.customError("requires memref or ranked tensor type", loc);
  if (!st.attributes.has("permutation_map")) st.addAttr("permutation_map", new AffineMapAttr(defaultMap(shaped, vt)));
  const a = st.attributes.get("permutation_map");
  const map = a instanceof AffineMapAttr ? a.map : defaultMap(shaped, vt);
  if (!st.attributes.has("in_bounds")) st.addAttr("in_bounds", new ArrayAttr(map.results.map(() => boolAttr(false))));
  return { shaped, vt, map, loc };
}
/** The mask operand, resolved to the type the vector and map imply (MLIR's parser checks). */
function resolveMask(p: OpAsmParser, mask: UnresolvedOperand, t: ReturnType<typeof parseTypes>): Value {
  if (t.shaped.elementType instanceof VectorType) throw p.customError("does not support masks with vector element type", p.operandLoc(mask));
  if (t.vt.rank !== t.map.results.length) throw p.customError("expected the same rank for the vector and the results of the permutation map", t.loc);
  return p.resolveOperand(mask, maskType(t.vt, t.map));
}

/** The vector dimensions a mask has, in memref order (MLIR's inferTransferOpMaskType: a permuted
 * transfer's mask is in memref order; broadcast dimensions have none). */
export const maskDims = (map: AffineMap) =>
  map.results.flatMap((r, j) => (r.kind === "dim" ? [[r.pos, j]] : [])).sort((a, b) => a[0] - b[0]).map(([, j]) => j);
const maskType = (t: VectorType, map: AffineMap) =>
  VectorType.get(maskDims(map).map((j) => t.shape[j]), i1, maskDims(map).map((j) => t.scalableDims[j]));

function printAttrs(p: OpAsmPrinter, op: Operation): string {
  const elided = ["operandSegmentSizes"];
  const pm = op.attr("permutation_map");
  if (pm instanceof AffineMapAttr && pm.map.equals(minorIdentity(pm.map.numDims, pm.map.results.length))) elided.push("permutation_map"); // (as MLIR: any minor identity)
  if (inBounds(op).every((b) => !b)) elided.push("in_bounds");
  return p.attrDict(op, elided);
}

/** MLIR's verifyTransferOp and the ops' own checks, in its order. */
function verifyTransfer(op: Operation): string | undefined {
  const err = checkSegments(op, 4);
  if (err) return err;
  const { source, indices, vector, padding, mask } = transferParts(op);
  const st = source.type, write = op.name === "vector.transfer_write";
  if (!(st instanceof MemRefType || st instanceof TensorType)) return "requires source to be a memref or ranked tensor type";
  if (!(vector instanceof VectorType)) return;
  if (indices.length !== st.rank) return `requires ${st.rank} indices`;
  const pm = permutationMap(op);
  if (write && pm.results.some((e) => e.kind === "const" && e.value === 0)) return "should not have broadcast dimensions";
  if (op.attr("masked")) return "masked attribute has been removed. Use in_bounds instead.";
  const et = st.elementType, minor = (t: VectorType) => (t.rank ? t.shape[t.rank - 1] : 1);
  if (et instanceof VectorType) {
    if ((bitWidth(vector.elementType) * minor(vector)) % (bitWidth(et.elementType) * minor(et)) !== 0) {
      return "requires the bitwidth of the minor 1-D vector to be an integral multiple of the bitwidth of the minor 1-D vector of the source";
    }
    if (et.rank > vector.rank) return "requires source vector element and vector result ranks to match.";
    if (pm.results.length !== vector.rank - et.rank) return "requires a permutation_map with result dims of the same rank as the vector type";
    if (mask) return "does not support masks with vector element type";
  } else {
    if (bitWidth(et) && (bitWidth(vector.elementType) * minor(vector)) % bitWidth(et) !== 0) {
      return "requires the bitwidth of the minor 1-D vector to be an integral multiple of the bitwidth of the source element type";
    }
    if (pm.results.length !== vector.rank) return "requires a permutation_map with result dims of the same rank as the vector type";
  }
  if (pm.numSyms !== 0) return "requires permutation_map without symbols";
  if (pm.numDims !== st.rank) return "requires a permutation_map with input dims of the same rank as the source type";
  if (mask && mask.type !== maskType(vector, pm)) return `inferred mask type ('${maskType(vector, pm).str}') and mask operand type ('${mask.type.str}') don't match`;
  const flags = inBounds(op);
  if (pm.results.length !== flags.length) return `expects the in_bounds attr of same rank as permutation_map results: ${new AffineMapAttr(pm).str} vs inBounds of size: ${flags.length}`;
  if (pm.results.some((e, i) => e.kind === "const" && !flags[i])) return "requires broadcast dimensions to be in-bounds";
  if (padding && padding.type !== et) {
    return et instanceof VectorType ? "requires source element type and padding type to match." : "requires formal padding and source of the same elemental type";
  }
  for (let i = 0, seen = new Set<number>(); i < pm.results.length; i++) {
    const e = pm.results[i];
    if (e.kind === "const" ? e.value !== 0 : e.kind !== "dim") return "requires a projected permutation_map (at most one dim or the zero constant can appear in each result)";
    if (e.kind === "dim" && seen.has(e.pos)) return "requires a permutation_map that is a permutation (found one dim used more than once)";
    if (e.kind === "dim") seen.add(e.pos);
  }
  // Past MLIR's checks, ours: a transfer moves elements of the source's type (MLIR lets a vector
  // of another type of the right width through, and vector elements, which nothing here computes).
  if (et instanceof VectorType) return `a source of vector elements ('${st.str}') is not supported (MLIR 19 takes it; nothing here computes it)`;
  if (et !== vector.elementType) return "requires source and vector element types to match";
  if (write) {
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
  segments: 4, operandTypes: [ANY_SHAPED, VARIADIC_INDEX, ANY, I1_VECTOR], resultTypes: [ANY_VECTOR], propChecks: PROP_CHECKS, verifyAttrs: requiredAttrs,
  parse(p, st) {
    const { src, idx } = parseAccess(p);
    p.expect(",");
    const pad = p.parseOperand();
    const mask = p.accept(",") ? p.parseOperand() : undefined;
    p.parseOptionalAttrDict(st);
    const t = parseTypes(p, st, false);
    st.resultTypes = [t.vt];
    st.addAttr("operandSegmentSizes", segmentSizesAttr([1, idx.length, 1, mask ? 1 : 0]));
    st.operands = [p.resolveOperand(src, t.shaped), ...p.resolveOperands(idx, index), p.resolveOperand(pad, t.shaped.elementType)];
    if (mask) st.operands.push(resolveMask(p, mask, t));
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
  // (on a tensor it has no effect: MLIR's getEffects writes only a memref)
  traits: ["MemRead"], onlyReads: (op) => op.results.length > 0,
  segments: 4, operandTypes: [ANY_VECTOR, ANY_SHAPED, VARIADIC_INDEX, I1_VECTOR], resultTypes: [RANKED_TENSOR], propChecks: PROP_CHECKS, verifyAttrs: requiredAttrs,
  parse(p, st) {
    const v = p.parseOperand();
    p.expect(",");
    const { src, idx } = parseAccess(p);
    const mask = p.accept(",") ? p.parseOperand() : undefined;
    p.parseOptionalAttrDict(st);
    const t = parseTypes(p, st, true);
    st.resultTypes = t.shaped instanceof TensorType ? [t.shaped] : [];
    st.addAttr("operandSegmentSizes", segmentSizesAttr([1, 1, idx.length, mask ? 1 : 0]));
    st.operands = [p.resolveOperand(v, t.vt), p.resolveOperand(src, t.shaped), ...p.resolveOperands(idx, index)];
    if (mask) st.operands.push(resolveMask(p, mask, t));
  },
  print(p, op) {
    const { source, indices, mask } = transferParts(op);
    const v = op.operand(0);
    p.print(" ", p.operand(v), ", ", p.operand(source), "[", p.operands(indices), "]", mask ? ", " + p.operand(mask) : "",
      printAttrs(p, op), " : ", p.type(v.type), ", ", p.type(source.type));
  },
  verify: verifyTransfer,
};
