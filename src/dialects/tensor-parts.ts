// Accessors of tensor ops shared by tensor.ts (syntax, verifiers) and tensor-canonicalize.ts
// (patterns): a module of their own, importing neither, so either file can be imported first
// (tensor.ts applies TENSOR_PATTERNS at its top level).
import { ArrayAttr, IntegerAttr } from "../ir/attributes.js";
import { OpResult, type Operation, type Value } from "../ir/core.js";
import { DYN, type TensorType } from "../ir/types.js";
import { type OpFoldResult, arrayProp, knownInt, mixedList, operandSegment } from "./indexing.js";
import { isStructuredOp, outputs } from "./linalg-info.js";

/** Offsets, sizes and strides of extract_slice / insert_slice, static or SSA. */
export interface SliceParams { offsets: OpFoldResult[]; sizes: OpFoldResult[]; strides: OpFoldResult[] }
export function sliceParams(op: Operation): SliceParams {
  const base = op.name === "tensor.extract_slice" ? 1 : 2;
  return {
    offsets: mixedList(arrayProp(op, "static_offsets"), operandSegment(op, base)),
    sizes: mixedList(arrayProp(op, "static_sizes"), operandSegment(op, base + 1)),
    strides: mixedList(arrayProp(op, "static_strides"), operandSegment(op, base + 2)),
  };
}

/** Reassociation groups (`[[0, 1], [2]]`): which expanded dims form each collapsed dim. */
export function reassociation(op: Operation): number[][] {
  const a = op.attr("reassociation");
  return a instanceof ArrayAttr ? a.items.map((g) => (g instanceof ArrayAttr ? g.items.map((i) => (i instanceof IntegerAttr ? i.num : -1)) : [])) : [];
}

/** The init (destination operand) behind a destination-style op's tensor result: linalg's, pack/unpack's, insert/insert_slice's. */
export function dpsInit(v: Value): Value | undefined {
  if (!(v instanceof OpResult)) return undefined;
  const d = v.op;
  if (isStructuredOp(d)) return outputs(d)[v.index];
  return ["tensor.insert", "tensor.insert_slice", "tensor.pack", "tensor.unpack"].includes(d.name) ? d.operand(1) : undefined;
}

/** What tensor.pack and tensor.unpack say about their tiling (`tiles`: static, or SSA values). */
export interface Packing { innerDimsPos: number[]; tiles: OpFoldResult[]; outerDimsPerm: number[] }
export function packing(op: Operation): Packing {
  const tiles = op.name === "tensor.pack" ? operandSegment(op, 3) : op.operands.slice(2);
  return { innerDimsPos: arrayProp(op, "inner_dims_pos"), tiles: mixedList(arrayProp(op, "static_inner_tiles"), tiles), outerDimsPerm: arrayProp(op, "outer_dims_perm") };
}

/** MLIR's requirePaddingValue: whether a pack makes a partial tile (an SSA tile is judged by the packed outer size, as MLIR does). */
export function needsPadding(op: Operation): boolean {
  const { innerDimsPos, tiles, outerDimsPerm } = packing(op), [src, dest] = op.operands.map((v) => v.type as TensorType);
  const outer = dest.shape.slice(0, src.rank), byDim = outerDimsPerm.length ? src.shape.map((_, d) => outer[outerDimsPerm.indexOf(d)]) : outer;
  return innerDimsPos.some((d, j) => {
    if (src.shape[d] === DYN) return false;
    const c = knownInt(tiles[j]);
    if (c === undefined) return byDim[d] !== DYN && src.shape[d] % byDim[d] !== 0;
    return src.shape[d] % c !== 0;
  });
}
