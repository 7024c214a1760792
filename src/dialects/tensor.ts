// tensor dialect: value-semantics tensors — creation (empty, from_elements, splat, generate),
// element access (extract, insert), shape queries (dim), slices, padding, concatenation, gather and
// scatter, packing into tiles (pack, unpack), and casts.
import { Attribute, DenseElementsAttr, FloatAttr, IntegerAttr, unit } from "../ir/attributes.js";
import { Block, OpResult, Operation } from "../ir/core.js";
import { withResultNames, type Dialect, type OpSpec, type OperationState, type VerifyContext } from "../ir/dialect.js";
import type { OpAsmParser, RegionArgument, UnresolvedOperand } from "../ir/parser.js";
import type { OpAsmPrinter } from "../ir/printer.js";
import { DiagnosticError } from "../ir/diagnostics.js";
import { DYN, FunctionType, ShapedType, TensorType, Type, UnrankedTensorType, elementTypeOf, i64, index, isIntOrIndex } from "../ir/types.js";
import { ANY, ANY_TENSOR, INDEX, INT_INDEX_FLOAT, RANKED_TENSOR, SHAPE_OPERAND_SYNTAX, VARIADIC_INDEX, castOp, i64Arrays, plainError, returnLikeOp, tc, variadic } from "./common.js";
import { TENSOR_PATTERNS, dimOfReshapes } from "./tensor-canonicalize.js";
import { dpsInit, needsPadding, packing, reassociation } from "./tensor-parts.js";
import {
  type OpFoldResult, arrayProp, producer, checkSegments, countDynamic, listCountProblem, mixedRankProblem, i64Array, knownInt, negativeOffsetOrSize,
  isRankReducedShape, operandSegment, parseDynamicIndexList, parseIntList, printDynamicIndexList, replaceCastBack, segmentSizesAttr, staticSizes,
} from "./indexing.js";

const DIM_SOURCE = tc("non-0-ranked or unranked tensor", (t) => t instanceof UnrankedTensorType || t instanceof TensorType && t.rank > 0);
const STATIC_TENSOR = tc("statically shaped tensor of any type values", (t) => t instanceof TensorType && t.hasStaticShape);
const SHAPE_TENSOR = tc("1D tensor of signless integer or index values", (t) => t instanceof TensorType && t.rank === 1 && isIntOrIndex(t.elementType));
const SLICE_TYPES = [RANKED_TENSOR, VARIADIC_INDEX, VARIADIC_INDEX, VARIADIC_INDEX];
const INDICES = tc("ranked tensor of signless integer or index values", (t) => t instanceof TensorType && isIntOrIndex(t.elementType));

const dynDims = (t: Type) => (t instanceof ShapedType ? t.shape.filter((d) => d === DYN).length : 0);

function checkDynamicSizes(t: TensorType, n: number): string | undefined {
  const want = dynDims(t);
  if (n !== want) return `incorrect number of dynamic sizes, has ${n}, expected ${want}`;
}


const SLICE_PROPS = ["operandSegmentSizes", "static_offsets", "static_sizes", "static_strides"];
const PAD_PROPS = ["nofold", "operandSegmentSizes", "static_high", "static_low"];
const SLICE_ARRAYS = i64Arrays("static_offsets", "static_sizes", "static_strides");

/** `[offsets] [sizes] [strides]` after the source; fills the props and returns the SSA lists. */
function parseSliceLists(p: OpAsmParser, st: { addAttr(n: string, a: Attribute): void }) {
  const lists = [parseDynamicIndexList(p), parseDynamicIndexList(p), parseDynamicIndexList(p)];
  st.addAttr("static_offsets", i64Array(lists[0].statics));
  st.addAttr("static_sizes", i64Array(lists[1].statics));
  st.addAttr("static_strides", i64Array(lists[2].statics));
  return lists;
}
function printSliceLists(p: OpAsmPrinter, op: Operation, base: number): string {
  return ["static_offsets", "static_sizes", "static_strides"]
    .map((n, i) => printDynamicIndexList(p, operandSegment(op, base + i), arrayProp(op, n))).join(" ");
}

/** `%src into %dst[offsets] [sizes] [strides] : S into D` (insert_slice, whose result has D's type, and parallel_insert_slice). */
function parseInsertSlice(p: OpAsmParser, st: OperationState): void {
  const src = p.parseOperand();
  p.parseKeyword("into");
  const dst = p.parseOperand();
  const lists = parseSliceLists(p, st);
  p.parseOptionalAttrDict(st);
  const from = p.parseColonType();
  p.parseKeyword("into");
  const to = p.parseType();
  st.resultTypes = [to];
  st.addAttr("operandSegmentSizes", segmentSizesAttr([1, 1, ...lists.map((l) => l.dynamic.length)]));
  st.operands = [p.resolveOperand(src, from), p.resolveOperand(dst, to), ...lists.flatMap((l) => p.resolveOperands(l.dynamic, index))];
}
function printInsertSlice(p: OpAsmPrinter, op: Operation): void {
  const [src, dst] = op.operands;
  p.print(" ", p.operand(src), " into ", p.operand(dst), printSliceLists(p, op, 2), p.attrDict(op, SLICE_PROPS), " : ", p.type(src.type), " into ", p.type(dst.type));
}

/**
 * Checks list lengths against the full tensor's rank and the slice type against the sizes:
 * MLIR's OffsetSizeAndStrideOpInterface and produceSliceErrorMsg, all with emitError (no op prefix).
 */
function verifySlice(op: Operation, full: Type, slice: Type, base: number, ctx: VerifyContext): void {
  plainError(op, ctx, sliceError(op, full, slice, base));
}
function sliceError(op: Operation, full: Type, slice: Type, base: number): string | undefined {
  if (!(full instanceof TensorType) || !(slice instanceof TensorType)) return;
  const names = ["offset", "size", "stride"], lists = names.map((n) => arrayProp(op, `static_${n}s`));
  const mixed = mixedRankProblem(lists[0].length, lists[1].length, lists[2].length);
  if (mixed) return mixed;
  for (let i = 0; i < 3; i++) {
    const bad = listCountProblem(names[i], full.rank, lists[i], operandSegment(op, base + i).length);
    if (bad) return bad;
  }
  const negative = negativeOffsetOrSize(lists[0], lists[1]);
  if (negative) return negative;
  const sizes = lists[1];
  if (slice.rank > sizes.length) return "expected rank to be smaller or equal to the other rank. ";
  if (!isRankReducedShape(sizes, slice.shape)) return `expected type to be '${TensorType.get(sizes, full.elementType).str}' or a rank-reduced version. (size mismatch) `;
  if (full.elementType !== slice.elementType) return `expected element type to be '${full.elementType.str}'`;
}

/** A scalar constant's value (for folding from_elements / extract). */
function scalarOf(a: Attribute | undefined): number | bigint | undefined {
  return a instanceof IntegerAttr ? a.value : a instanceof FloatAttr ? a.value : undefined;
}


/** collapse_shape / expand_shape: `%src [[0, 1], [2]] [output_shape [...]] : A into B`. */
function reshapeLike(name: string): OpSpec {
  const expand = name === "tensor.expand_shape";
  const props = expand ? ["reassociation", "static_output_shape"] : ["reassociation"];
  return {
    name, operands: expand ? [1, -1] : 1, results: 1, traits: ["Pure"], props, operandTypes: [ANY_TENSOR, VARIADIC_INDEX], resultTypes: [ANY_TENSOR],
    propChecks: i64Arrays("static_output_shape"),
    parse(p, st) {
      const src = p.parseOperand();
      st.addAttr("reassociation", p.parseAttribute());
      let dyn: ReturnType<typeof parseDynamicIndexList>["dynamic"] = [];
      if (expand) {
        p.parseKeyword("output_shape");
        const l = parseDynamicIndexList(p);
        st.addAttr("static_output_shape", i64Array(l.statics));
        dyn = l.dynamic;
      }
      p.parseOptionalAttrDict(st);
      const from = p.parseColonType();
      p.parseKeyword("into");
      st.resultTypes = [p.parseType()];
      st.operands = [p.resolveOperand(src, from), ...p.resolveOperands(dyn, index)];
    },
    print(p, op) {
      const [src, ...dyn] = op.operands;
      p.print(" ", p.operand(src), " ", op.attr("reassociation")?.str ?? "[]");
      if (expand) p.print(" output_shape ", printDynamicIndexList(p, dyn, arrayProp(op, "static_output_shape")));
      p.print(p.attrDict(op, props), " : ", p.type(src.type), " into ", p.type(op.result.type));
    },
    verify(op) {
      const [a, b] = [op.operand(0).type, op.result.type];
      if (!(a instanceof TensorType) || !(b instanceof TensorType)) return "expects ranked tensor operand and result";
      const out = arrayProp(op, "static_output_shape");
      if (expand && out.length !== b.rank) return `expected number of static shape dims to be equal to the output rank (${b.rank}) but found ${out.length} inputs instead`;
      const [big, small] = expand ? [b, a] : [a, b];
      const groups = reassociation(op);
      if (groups.length !== small.rank) return `expected collapsed rank (${small.rank}) to equal the number of reassociation maps (${groups.length}).`;
      // MLIR turns the groups into affine maps over (largest index + 1) dims: each must span the expanded rank.
      const nd = Math.max(-1, ...groups.flat()) + 1;
      // (no groups: a 0-d tensor, which MLIR 19 lets become any shape; ours only all ones, one element)
      if (nd !== big.rank && (groups.length || !big.shape.every((d) => d === 1))) return `expected reassociation map #0 to have size equal to the expanded rank (${big.rank}), but it is  ${nd}.`; // sic, two spaces
      for (let i = 0, next = 0; i < groups.length; next += groups[i++].length) {
        if (!groups[i].length || groups[i].some((d, k) => d !== next + k)) return `expected reassociation map #${i} to be valid and contiguous.`;
      }
      for (let i = 0; i < groups.length; i++) {
        const dims = groups[i].map((d) => big.shape[d]);
        const product = dims.includes(DYN) ? DYN : dims.reduce((x, y) => x * y, 1);
        // A static group needs the same static collapsed size (a `?` there is rejected too, as MLIR 19 does).
        if (product !== DYN && product !== small.shape[i]) {
          return `expected dimension ${i} of collapsed type to be static value of ${product}`;
        }
        // MLIR 19 requires this of expand_shape too (a static source size would hide a run-time mismatch).
        if (product === DYN && small.shape[i] !== DYN) return `expected dimension ${i} of collapsed type to be dynamic since one or more of the corresponding dimensions in the expanded type is dynamic`;
      }
      if (a.elementType !== b.elementType) {
        const dims = groups.map((g) => g.reduce((x, d) => (x === DYN || big.shape[d] === DYN ? DYN : x * big.shape[d]), 1));
        return `expected collapsed type to be '${TensorType.get(dims, big.elementType).str}', but got '${small.str}'`;
      }
      if (expand) {
        if (countDynamic(out) !== op.operands.length - 1) {
          return `mismatch in dynamic dims in output_shape and static_output_shape: static_output_shape has ${countDynamic(out)} dynamic dims while output_shape has ${op.operands.length - 1} values`;
        }
        const i = out.findIndex((d, k) => d !== b.shape[k]);
        if (i >= 0) return `invalid output shape provided at pos ${i}`;
      }
    },
  };
}

/**
 * The type tensor.gather makes (and tensor.scatter takes as its source): the batch dims of
 * `indices` (all but the last), then `source`'s dims with the gathered ones 1, or dropped when
 * `rankReduced` (MLIR's GatherOp::inferResultType).
 */
export function gatheredType(source: TensorType, indices: TensorType, dims: readonly number[], rankReduced: boolean): TensorType {
  const shape = indices.shape.slice(0, -1);
  source.shape.forEach((d, i) => { if (!dims.includes(i)) shape.push(d); else if (!rankReduced) shape.push(1); });
  return TensorType.get(shape, source.elementType, source.encoding);
}

/**
 * tensor.gather `%src[%indices] gather_dims([..]) unique? : (S, I) -> R` and tensor.scatter
 * `%src into %dest[%indices] scatter_dims([..]) unique : (S, D, I) -> D`: the coordinates along
 * the `dims` of the big tensor (source of a gather, dest of a scatter) are the last dim of `indices`.
 */
function gatherLike(kind: "gather" | "scatter"): OpSpec {
  const dimsName = `${kind}_dims`, big = kind === "gather" ? "source" : "dest", props = [dimsName, "unique"];
  return {
    name: `tensor.${kind}`, operands: kind === "gather" ? 2 : 3, results: 1, traits: ["Pure"], props, propChecks: i64Arrays(dimsName),
    operandTypes: kind === "gather" ? [RANKED_TENSOR, INDICES] : [RANKED_TENSOR, RANKED_TENSOR, INDICES], resultTypes: [RANKED_TENSOR],
    parse(p, st) {
      const operands = [p.parseOperand()];
      if (kind === "scatter") { p.parseKeyword("into"); operands.push(p.parseOperand()); }
      p.expect("[");
      operands.push(p.parseOperand());
      p.expect("]");
      p.parseKeyword(dimsName);
      p.expect("(");
      st.addAttr(dimsName, i64Array(parseIntList(p)));
      p.expect(")");
      if (p.parseOptionalKeyword("unique")) st.addAttr("unique", unit);
      p.parseOptionalAttrDict(st);
      p.expect(":");
      const ft = p.parseTypeOf(FunctionType);
      st.operands = p.resolveOperands(operands, [...ft.inputs], st.loc);
      st.resultTypes = [...ft.results];
    },
    print(p, op) {
      const [first, ...rest] = op.operands, indices = rest.pop()!;
      p.print(" ", p.operand(first), rest.length ? ` into ${p.operand(rest[0])}` : "", "[", p.operand(indices), "] ", dimsName, "([", arrayProp(op, dimsName).join(", "), "])",
        op.attr("unique") ? " unique" : "", p.attrDict(op, props), " : ", p.functionalType(op));
    },
    verify(op) {
      const types = op.operands.map((v) => v.type as TensorType), indices = types[types.length - 1], dims = arrayProp(op, dimsName);
      const bigType = types[kind === "gather" ? 0 : 1], last = indices.shape[indices.rank - 1];
      // MLIR's verifyGatherOrScatterDims, in its order
      if (!dims.length) return `${dimsName} must be non-empty`;
      if (dims.length > bigType.rank) return `${dimsName} overflow ${big} rank`;
      if (!indices.rank || (last !== DYN && last !== dims.length)) return `${dimsName} length must match the size of last dimension of indices`;
      for (const d of dims) {
        if (d < 0) return `${dimsName} value must be non-negative`;
        if (d >= bigType.rank) return `${dimsName} value must be smaller than ${big} rank`;
      }
      if (dims.some((d, i) => i > 0 && dims[i - 1] >= d)) return `${dimsName} values must be strictly increasing`;
      if (kind === "scatter" && !op.attr("unique")) return "requires 'unique' attribute to be set";
      const slice = kind === "gather" ? op.result.type : types[0];
      const full = gatheredType(bigType, indices, dims, false), reduced = gatheredType(bigType, indices, dims, true);
      if (slice !== full && slice !== reduced) {
        return `${kind === "gather" ? "result" : "source"} type mismatch: expected '${full.str}' or its rank-reduced variant '${reduced.str}' (got: '${slice.str}')`;
      }
      // MLIR 19 leaves a scatter's result type free; it is the updated dest, so ours must be it.
      if (kind === "scatter" && op.result.type !== bigType) return `expected result type '${op.result.type.str}' to be the dest type '${bigType.str}'`;
    },
  };
}



/**
 * The smallest packed shape (MLIR's PackOp::inferPackedType): each tiled dim split into
 * ceil(size / tile) tiles, the outer dims ordered by `outerDimsPerm`, the tile sizes appended.
 */
function packedShape(unpacked: readonly number[], tiles: readonly number[], innerDimsPos: readonly number[], outerDimsPerm: readonly number[]): number[] {
  const outer = [...unpacked];
  innerDimsPos.forEach((d, j) => { if (outer[d] !== DYN) outer[d] = tiles[j] === DYN ? DYN : Math.ceil(outer[d] / tiles[j]); });
  return [...(outerDimsPerm.length ? outerDimsPerm.map((d) => outer[d]) : outer), ...tiles];
}

/** MLIR's commonVerifierPackAndUnPackOp and PackOp::verify, in their order (emitError: no op prefix). */
function verifyRelayout(op: Operation, ctx: VerifyContext): string | void {
  const pack = op.name === "tensor.pack", { innerDimsPos, outerDimsPerm } = packing(op);
  const statics = arrayProp(op, "static_inner_tiles"), [src, dest] = op.operands.map((v) => v.type as TensorType);
  const [unpacked, packed] = pack ? [src, dest] : [dest, src];
  const n = unpacked.rank, tiles = packing(op).tiles;
  const badPositions = (l: number[]) => l.length > n || new Set(l).size !== l.length || l.some((d) => d < 0 || d >= n);
  const dynamicTiles = pack ? operandSegment(op, 3).length : op.operands.length - 2;
  if (op.result.type !== dest) return "failed to verify that result type matches type of dest"; // (an ODS trait: checked first)
  if (countDynamic(statics) !== dynamicTiles) return `expected ${countDynamic(statics)} dynamic inner_tiles values`; // (MLIR 19 misses this)
  if (tiles.some((t) => knownInt(t) === 0)) return plainError(op, ctx, "invalid zero tile factor");
  if (badPositions(innerDimsPos)) return plainError(op, ctx, "invalid inner_dims_pos vector");
  if (badPositions(outerDimsPerm)) return plainError(op, ctx, "invalid outer_dims_perm vector");
  if (outerDimsPerm.length && outerDimsPerm.length !== n) return plainError(op, ctx, "outer_dims_perm must be a permutation or empty");
  if (tiles.length > n) return plainError(op, ctx, "tiling factors must be less than or equal to the input rank for pack or output rank for unpack");
  if (tiles.length !== innerDimsPos.length) return plainError(op, ctx, "tiling factors must equal the number of dimensions to tile");
  if (n + tiles.length !== packed.rank) return plainError(op, ctx, "packed rank must equal unpacked rank + tiling factors");
  const least = packedShape(unpacked.shape, statics, innerDimsPos, outerDimsPerm);
  if (least.some((d, i) => d !== DYN && packed.shape[i] !== DYN && d > packed.shape[i])) {
    return plainError(op, ctx, `the shape of output is not large enough to hold the packed data. Expected at least '${TensorType.get(least, unpacked.elementType).str}', got '${packed.str}'`);
  }
  // A tile that is a constant value counts as that size; an unknown tile needs a dynamic packed size.
  const mismatch = (t: OpFoldResult, s: number) => { const c = knownInt(t); return c === undefined ? s !== DYN : s !== DYN && s !== c; };
  if (tiles.some((t, j) => mismatch(t, packed.shape[n + j]))) return plainError(op, ctx, "mismatch in inner tile sizes specified and shaped of tiled dimension in the packed type");
  // (MLIR 19 misses this: a pack or unpack moves elements, it does not convert them)
  if (src.elementType !== dest.elementType) return `expected the source and dest element types to match ('${src.elementType.str}' vs '${dest.elementType.str}')`;
  if (!pack) return;
  const pad = operandSegment(op, 2)[0];
  if (pad && pad.type !== src.elementType) return `expected padding_value has '${src.elementType.str}' but got: '${pad.type.str}'`;
  if (!pad && needsPadding(op)) return "invalid tile factor or output size provided. Only full tiles are supported when padding_value is not set";
}


/**
 * tensor.pack `%src [padding_value(%p : T)] [outer_dims_perm = [..]] inner_dims_pos = [..]
 * inner_tiles = [..] into %dest : S -> D` and tensor.unpack (no padding) the other way: the
 * packed tensor tiles the unpacked one's `inner_dims_pos` dims by `inner_tiles` (appended as
 * inner dims), its outer dims ordered by `outer_dims_perm`.
 */
function relayoutOp(kind: "pack" | "unpack"): OpSpec {
  const pack = kind === "pack";
  const props = ["inner_dims_pos", "outer_dims_perm", "static_inner_tiles", ...(pack ? ["operandSegmentSizes"] : [])];
  return {
    name: `tensor.${kind}`, operands: [2, -1], results: 1, traits: ["Pure"], props, resultTypes: [RANKED_TENSOR],
    propChecks: i64Arrays("inner_dims_pos", "outer_dims_perm", "static_inner_tiles"),
    ...(pack ? { segments: 4, operandTypes: [RANKED_TENSOR, RANKED_TENSOR, ANY, VARIADIC_INDEX] } : { operandTypes: [RANKED_TENSOR, RANKED_TENSOR, VARIADIC_INDEX] }),
    parse(p, st) {
      const src = p.parseOperand();
      let pad: [UnresolvedOperand, Type] | undefined;
      if (pack && p.parseOptionalKeyword("padding_value")) {
        p.expect("(");
        const v = p.parseOperand();
        pad = [v, p.parseColonType()];
        p.expect(")");
      }
      if (p.parseOptionalKeyword("outer_dims_perm")) { p.expect("="); st.addAttr("outer_dims_perm", i64Array(parseIntList(p))); }
      p.parseKeyword("inner_dims_pos");
      p.expect("=");
      st.addAttr("inner_dims_pos", i64Array(parseIntList(p)));
      p.parseKeyword("inner_tiles");
      p.expect("=");
      const tiles = parseDynamicIndexList(p);
      st.addAttr("static_inner_tiles", i64Array(tiles.statics));
      p.parseKeyword("into");
      const dest = p.parseOperand();
      p.parseOptionalAttrDict(st);
      p.expect(":");
      const srcType = p.parseTypeOf(TensorType);
      p.expect("->");
      const destType = p.parseTypeOf(TensorType);
      st.operands = [p.resolveOperand(src, srcType), p.resolveOperand(dest, destType), ...(pad ? [p.resolveOperand(...pad)] : []), ...p.resolveOperands(tiles.dynamic, index)];
      if (pack) st.addAttr("operandSegmentSizes", segmentSizesAttr([1, 1, pad ? 1 : 0, tiles.dynamic.length]));
      st.resultTypes = [destType];
    },
    print(p, op) {
      const [src, dest] = op.operands, pad = pack ? operandSegment(op, 2)[0] : undefined, perm = arrayProp(op, "outer_dims_perm");
      p.print(" ", p.operand(src), pad ? ` padding_value(${p.operand(pad)} : ${p.type(pad.type)})` : "", perm.length ? ` outer_dims_perm = [${perm.join(", ")}]` : "",
        ` inner_dims_pos = [${arrayProp(op, "inner_dims_pos").join(", ")}] inner_tiles = `,
        printDynamicIndexList(p, pack ? operandSegment(op, 3) : op.operands.slice(2), arrayProp(op, "static_inner_tiles")),
        " into ", p.operand(dest), p.attrDict(op, props), " : ", p.type(src.type), " -> ", p.type(dest.type));
    },
    verify: verifyRelayout,
  };
}

export { castFromMoreStatic, preserves } from "./indexing.js";
export { dpsInit, needsPadding, packing, reassociation, sliceParams, type Packing, type SliceParams } from "./tensor-parts.js";

export const tensor: Dialect = {
  name: "tensor",
  ops: withResultNames([
    {
      name: "tensor.empty", operands: [0, -1], results: 1, traits: ["Pure"], operandTypes: [VARIADIC_INDEX], resultTypes: [RANKED_TENSOR],
      parse(p, st) {
        const dyn = p.parseOperandList("paren");
        p.parseOptionalAttrDict(st);
        st.resultTypes = [p.parseColonType()];
        st.operands = p.resolveOperands(dyn, index);
      },
      print(p, op) { p.print("(", p.operands(op.operands), ")", p.attrDict(op), " : ", p.type(op.result.type)); },
      verify(op) { return checkDynamicSizes(op.result.type as TensorType, op.operands.length); },
      canonicalize(op, rw) { // a dynamic size given by a constant becomes static, cast back (ReplaceEmptyTensorStaticShapeDims)
        const t = op.result.type as TensorType, s = staticSizes(t.shape, op.operands);
        return !!s && replaceCastBack(op, rw, new Operation({ name: "tensor.empty", operands: s.sizes, resultTypes: [TensorType.get(s.shape, t.elementType, t.encoding)], loc: op.loc }), "tensor.cast");
      },
    },
    {
      name: "tensor.extract", operands: [1, -1], results: 1, traits: ["Pure"], operandTypes: [RANKED_TENSOR, VARIADIC_INDEX],
      parse(p, st) {
        const t = p.parseOperand();
        const idx = p.parseOperandList("square");
        p.parseOptionalAttrDict(st);
        const tt = p.parseColonType();
        st.resultTypes = [elementTypeOf(tt)];
        st.operands = [p.resolveOperand(t, tt), ...p.resolveOperands(idx, index)];
      },
      print(p, op) {
        const [t, ...idx] = op.operands;
        p.print(" ", p.operand(t), "[", p.operands(idx), "]", p.attrDict(op), " : ", p.type(t.type));
      },
      verify(op) {
        const t = op.operand(0).type as TensorType;
        if (op.result.type !== t.elementType) return "failed to verify that result type matches element type of tensor"; // (an ODS trait: first)
        if (op.operands.length - 1 !== t.rank) return "incorrect number of indices for extract_element";
      },
    },
    {
      name: "tensor.insert", operands: [2, -1], results: 1, traits: ["Pure"], operandTypes: [ANY, RANKED_TENSOR, VARIADIC_INDEX], resultTypes: [RANKED_TENSOR],
      parse(p, st) {
        const s = p.parseOperand();
        p.parseKeyword("into");
        const d = p.parseOperand();
        const idx = p.parseOperandList("square");
        p.parseOptionalAttrDict(st);
        const tt = p.parseColonType();
        st.resultTypes = [tt];
        st.operands = [p.resolveOperand(s, elementTypeOf(tt)), p.resolveOperand(d, tt), ...p.resolveOperands(idx, index)];
      },
      print(p, op) {
        const [s, d, ...idx] = op.operands;
        p.print(" ", p.operand(s), " into ", p.operand(d), "[", p.operands(idx), "]", p.attrDict(op), " : ", p.type(d.type));
      },
      verify(op) {
        const t = op.operand(1).type as TensorType;
        if (op.operands.length - 2 !== t.rank) return "incorrect number of indices";
        if (op.operand(0).type !== t.elementType) return "failed to verify that scalar type matches element type of dest";
        if (op.result.type !== t) return "failed to verify that result type matches type of dest";
      },
    },
    {
      name: "tensor.dim", operands: 2, results: 1, traits: ["Pure"], operandTypes: [DIM_SOURCE, INDEX], resultTypes: [INDEX],
      parse(p, st) {
        p.parseOptionalAttrDict(st);
        const t = p.parseOperand();
        p.expect(",");
        const i = p.parseOperand();
        const tt = p.parseColonType();
        st.resultTypes = [index];
        st.operands = [p.resolveOperand(t, tt), p.resolveOperand(i, index)];
      },
      print(p, op) { p.print(p.attrDict(op), " ", p.operands(op.operands), " : ", p.type(op.operand(0).type)); },
      // (no verifier: an index past the rank is valid IR, as in MLIR; the engines stop the run there)
      fold(op, consts) { // a static size; the size a dynamic one was made with (empty, generate, a rank-keeping slice)
        const src = op.operand(0), t = src.type, i = scalarOf(consts[1]), k = Number(i);
        if (!(t instanceof TensorType) || i === undefined || !(k >= 0 && k < t.rank)) return undefined;
        if (t.shape[k] !== DYN) return [new IntegerAttr(t.shape[k], index)];
        const d = src instanceof OpResult ? src.op : undefined, nth = t.shape.slice(0, k).filter((x) => x === DYN).length;
        if (d?.name === "tensor.empty" || d?.name === "tensor.generate") return [d.operand(nth)];
        if (d?.name === "tensor.extract_slice" && (d.operand(0).type as TensorType).rank === t.rank) {
          const sizes = arrayProp(d, "static_sizes");
          return sizes[k] === DYN ? [operandSegment(d, 2)[sizes.slice(0, k).filter((x) => x === DYN).length]] : undefined;
        }
        return undefined;
      },
      canonicalize(op, rw) { // dim(cast x) -> dim x; the dim of a destination-style op's result is its init's (DimOfDestStyleOp)
        const src = op.operand(0), forall = producer(src, "scf.forall");
        const next = producer(src, "tensor.cast")?.operand(0) ?? dpsInit(src)
          ?? (forall && operandSegment(forall, 3)[(src as OpResult).index]); // (DimOfForallOp: its shared output)
        if (next) op.setOperand(0, next);
        return next !== undefined || dimOfReshapes(op, rw);
      },
    },
    {
      name: "tensor.extract_slice", operands: [1, -1], results: 1, traits: ["Pure"], props: SLICE_PROPS, propChecks: SLICE_ARRAYS,
      segments: 4, operandTypes: SLICE_TYPES, resultTypes: [RANKED_TENSOR],
      parse(p, st) {
        const src = p.parseOperand();
        const lists = parseSliceLists(p, st);
        p.parseOptionalAttrDict(st);
        const from = p.parseColonType();
        p.parseKeyword("to");
        st.resultTypes = [p.parseType()];
        st.addAttr("operandSegmentSizes", segmentSizesAttr([1, ...lists.map((l) => l.dynamic.length)]));
        st.operands = [p.resolveOperand(src, from), ...lists.flatMap((l) => p.resolveOperands(l.dynamic, index))];
      },
      print(p, op) {
        const src = op.operand(0);
        p.print(" ", p.operand(src), printSliceLists(p, op, 1), p.attrDict(op, SLICE_PROPS), " : ", p.type(src.type), " to ", p.type(op.result.type));
      },
      verify(op, ctx) { return verifySlice(op, op.operand(0).type, op.result.type, 1, ctx); },
    },
    {
      name: "tensor.insert_slice", operands: [2, -1], results: 1, traits: ["Pure"], props: SLICE_PROPS, propChecks: SLICE_ARRAYS,
      segments: 5, operandTypes: [RANKED_TENSOR, ...SLICE_TYPES], resultTypes: [RANKED_TENSOR],
      parse: parseInsertSlice,
      print: printInsertSlice,
      verify(op, ctx) {
        if (op.result.type !== op.operand(1).type) return "failed to verify that expected result type to match dest type";
        return verifySlice(op, op.operand(1).type, op.operand(0).type, 2, ctx);
      },
    },
    {
      // MLIR's parallel_insert_slice: insert_slice's syntax without a result; the enclosing
      // scf.forall.in_parallel writes it into its shared output (the destination, an output block argument).
      name: "tensor.parallel_insert_slice", operands: [2, -1], results: 0, props: SLICE_PROPS, propChecks: SLICE_ARRAYS,
      segments: 5, operandTypes: [RANKED_TENSOR, ...SLICE_TYPES],
      parse(p, st) { parseInsertSlice(p, st); st.resultTypes = []; },
      print(p, op) { printInsertSlice(p, op); },
      verify(op, ctx) {
        if (op.parentOp?.name !== "scf.forall.in_parallel") return plainError(op, ctx, `expected ParallelCombiningOpInterface parent, got: '${op.parentOp?.name}'`);
        return verifySlice(op, op.operand(1).type, op.operand(0).type, 2, ctx);
      },
    },
    {
      name: "tensor.from_elements", operands: [0, -1], results: 1, traits: ["Pure"], resultTypes: [STATIC_TENSOR],
      parse(p, st) {
        const loc = p.locHere(), els = p.parseOperandList(); // (a count mismatch is reported where the operands start, as MLIR does)
        p.parseOptionalAttrDict(st);
        p.expect(":");
        const tt = p.parseTypeOf(TensorType);
        st.resultTypes = [tt];
        const n = tt.hasStaticShape ? tt.numElements : els.length;
        st.operands = p.resolveOperands(els, Array.from({ length: n }, () => elementTypeOf(tt)), loc);
      },
      print(p, op) { p.print(op.operands.length ? " " + p.operands(op.operands) : "", p.attrDict(op), " : ", p.type(op.result.type)); },
      verify(op) {
        const t = op.result.type;
        // MLIR's TypesMatchWith compares the operand list with numElements copies of the element type.
        if (op.operands.length !== (t as TensorType).numElements || op.operands.some((v) => v.type !== elementTypeOf(t))) return "failed to verify that operand types match result element type";
      },
      fold(op, consts) {
        const vs = consts.map(scalarOf);
        if (!vs.length || vs.some((v) => v === undefined)) return undefined;
        return [new DenseElementsAttr(op.result.type as TensorType, vs as (number | bigint)[], false)];
      },
    },
    {
      name: "tensor.splat", operands: [1, -1], results: 1, traits: ["Pure"], operandTypes: [INT_INDEX_FLOAT, VARIADIC_INDEX], resultTypes: [RANKED_TENSOR],
      parse(p, st) {
        const a = p.parseOperand();
        const dyn = p.peekText() === "[" ? p.parseOperandList("square") : [];
        p.parseOptionalAttrDict(st);
        p.expect(":");
        const tt = p.parseTypeOf(TensorType);
        st.resultTypes = [tt];
        st.operands = [p.resolveOperand(a, tt.elementType), ...p.resolveOperands(dyn, index)];
      },
      print(p, op) {
        const [a, ...dyn] = op.operands;
        p.print(" ", p.operand(a), dyn.length ? `[${p.operands(dyn)}]` : "", p.attrDict(op), " : ", p.type(op.result.type));
      },
      verify(op) {
        const err = checkDynamicSizes(op.result.type as TensorType, op.operands.length - 1);
        if (err) return err;
        if (op.operand(0).type !== elementTypeOf(op.result.type)) return "failed to verify that operand type matches element type of result";
      },
      fold(op, consts) {
        const v = scalarOf(consts[0]);
        const t = op.result.type;
        if (v === undefined || !(t instanceof TensorType) || !t.hasStaticShape) return undefined;
        return [new DenseElementsAttr(t, [v], true)];
      },
    },
    castOp("tensor.cast", {
      operandTypes: [ANY_TENSOR], resultTypes: [ANY_TENSOR],
      verify(op) {
        const a = op.operand(0).type, b = op.result.type;
        const bad = `operand type '${a.str}' and result type '${b.str}' are cast incompatible`;
        if (elementTypeOf(a) !== elementTypeOf(b)) return bad;
        if (a instanceof TensorType && b instanceof TensorType) {
          if (a.rank !== b.rank || a.shape.some((d, i) => d !== DYN && b.shape[i] !== DYN && d !== b.shape[i])) return bad;
        } else if (!(a instanceof TensorType || a instanceof UnrankedTensorType) || !(b instanceof TensorType || b instanceof UnrankedTensorType)) return bad;
      },
    }),
    {
      name: "tensor.generate", operands: [0, -1], results: 1, regions: 1, traits: ["SingleBlock", "RecursiveMemoryEffects"], operandTypes: [VARIADIC_INDEX], resultTypes: [RANKED_TENSOR],
      parse(p, st) {
        const dyn = p.parseOperandList();
        const r = p.parseRegion([] as RegionArgument[]);
        p.parseOptionalAttrDict(st);
        const tt = p.parseColonType();
        if (!r.blocks.length) r.push(new Block());
        st.regions.push(r);
        st.resultTypes = [tt];
        st.operands = p.resolveOperands(dyn, index);
      },
      print(p, op) {
        p.print(op.operands.length ? " " + p.operands(op.operands) : "", " ");
        p.region(op.region(), { printEntryBlockArgs: true });
        p.print(p.attrDict(op), " : ", p.type(op.result.type));
      },
      verify(op, ctx) {
        const t = op.result.type as TensorType;
        if (dynDims(t) !== op.operands.length) return ctx.error(op, "must have as many index operands as dynamic extents in the result type");
        // MLIR's GenerateOp::verifyRegions: the first two with emitError (no op prefix)
        const b = op.body();
        if (!b) return;
        if (b.args.some((a) => a.type !== index)) return ctx.error(op, "all body arguments must be index");
        if (b.args.length !== t.rank) return ctx.error(op, "must have one body argument per input dimension");
        const y = b.terminator;
        if (y?.name === "tensor.yield" && y.operands.length === 1 && y.operand(0).type !== t.elementType) return "body must be terminated with a `yield` operation of the tensor element type";
      },
    },
    {
      name: "tensor.rank", operands: 1, results: 1, traits: ["Pure"], operandTypes: [ANY_TENSOR], resultTypes: [INDEX],
      parse(p, st) {
        const t = p.parseOperand();
        p.parseOptionalAttrDict(st);
        st.operands = [p.resolveOperand(t, p.parseColonType())];
        st.resultTypes = [index];
      },
      print(p, op) { p.print(" ", p.operand(op.operand(0)), p.attrDict(op), " : ", p.type(op.operand(0).type)); },
      fold(op) { const t = op.operand(0).type; return t instanceof TensorType ? [new IntegerAttr(t.rank, index)] : undefined; },
    },
    reshapeLike("tensor.collapse_shape"),
    reshapeLike("tensor.expand_shape"),
    {
      name: "tensor.reshape", operands: 2, results: 1, traits: ["Pure"], operandTypes: [ANY_TENSOR, SHAPE_TENSOR], resultTypes: [ANY_TENSOR],
      ...SHAPE_OPERAND_SYNTAX,
      verify(op) {
        const [src, shape] = op.operands.map((v) => v.type);
        const res = op.result.type;
        if (elementTypeOf(src) !== elementTypeOf(res)) return "element types of source and destination tensor types should be the same";
        // MLIR's ReshapeOp::verify, in its order
        if (res instanceof TensorType && shape instanceof TensorType) {
          if (src instanceof TensorType && src.hasStaticShape && res.hasStaticShape && src.numElements !== res.numElements) {
            return "source and destination tensor should have the same number of elements";
          }
          if (shape.shape[0] === DYN) return "cannot use shape operand with dynamic length to reshape to statically-ranked tensor type";
          if (shape.shape[0] !== res.rank) return "length of shape operand differs from the result's tensor rank";
        }
      },
    },
    {
      name: "tensor.pad", operands: [1, -1], results: 1, regions: 1, traits: ["SingleBlock", "Pure"], props: PAD_PROPS, propChecks: i64Arrays("static_low", "static_high"),
      segments: 3, operandTypes: [RANKED_TENSOR, VARIADIC_INDEX, VARIADIC_INDEX], resultTypes: [RANKED_TENSOR],
      parse(p, st) {
        const src = p.parseOperand();
        if (p.parseOptionalKeyword("nofold")) st.addAttr("nofold", unit);
        p.parseKeyword("low");
        const low = parseDynamicIndexList(p);
        p.parseKeyword("high");
        const high = parseDynamicIndexList(p);
        st.regions.push(p.parseRegion([] as RegionArgument[]));
        p.parseOptionalAttrDict(st);
        const from = p.parseColonType();
        p.parseKeyword("to");
        st.resultTypes = [p.parseType()];
        st.addAttr("static_low", i64Array(low.statics));
        st.addAttr("static_high", i64Array(high.statics));
        st.addAttr("operandSegmentSizes", segmentSizesAttr([1, low.dynamic.length, high.dynamic.length]));
        st.operands = [p.resolveOperand(src, from), ...p.resolveOperands([...low.dynamic, ...high.dynamic], index)];
      },
      print(p, op) {
        const src = op.operand(0);
        p.print(" ", p.operand(src), op.attr("nofold") ? " nofold" : "", " low", printDynamicIndexList(p, operandSegment(op, 1), arrayProp(op, "static_low")),
          " high", printDynamicIndexList(p, operandSegment(op, 2), arrayProp(op, "static_high")), " ");
        p.region(op.region(), { printEntryBlockArgs: true });
        p.print(p.attrDict(op, PAD_PROPS), " : ", p.type(src.type), " to ", p.type(op.result.type));
      },
      verify(op, ctx) {
        const err = checkSegments(op, 3);
        if (err) return err;
        const src = op.operand(0).type as TensorType, res = op.result.type as TensorType;
        const low = arrayProp(op, "static_low"), high = arrayProp(op, "static_high");
        // (these three are MLIR's emitError: no op prefix)
        if (low.length !== src.rank || high.length !== src.rank || res.rank !== src.rank) {
          return plainError(op, ctx, `failed to infer expectedType from sourceType '${src.str}', specified resultType is '${res.str}'`);
        }
        const inferred = src.shape.map((d, i) => (d === DYN || low[i] === DYN || high[i] === DYN ? res.shape[i] : d + low[i] + high[i]));
        if (inferred.some((d, i) => d !== DYN && d !== res.shape[i])) {
          return plainError(op, ctx, `specified type '${res.str}' does not match the inferred type '${TensorType.get(inferred, src.elementType).str}'`);
        }
        const b = op.body();
        if (b.args.length !== src.rank) return plainError(op, ctx, `expected the block to have ${src.rank} arguments`);
        const bad = b.args.findIndex((a) => a.type !== index);
        if (bad >= 0) return `expected block argument ${bad + 1} to be an index`;
        const y = b.terminator;
        if (y?.name === "tensor.yield" && y.operands[0]?.type !== res.elementType) return "expected yield type to match shape element type";
      },
    },
    {
      name: "tensor.concat", operands: [0, -1], results: 1, traits: ["Pure"], props: ["dim"], operandTypes: [variadic(RANKED_TENSOR)], resultTypes: [RANKED_TENSOR],
      parse(p, st) {
        p.parseKeyword("dim");
        p.expect("(");
        st.addAttr("dim", new IntegerAttr(p.parseInteger(), i64));
        p.expect(")");
        const ins = p.parseOperandList();
        p.parseOptionalAttrDict(st);
        const loc = p.locHere();
        const ft = p.parseColonType();
        if (!(ft instanceof FunctionType) || ft.results.length !== 1) throw DiagnosticError.at(loc, "expected '(inputs) -> result' types");
        st.operands = p.resolveOperands(ins, [...ft.inputs], loc);
        st.resultTypes = [ft.results[0]];
      },
      print(p, op) {
        p.print(" dim(", String(op.attr<IntegerAttr>("dim")?.num ?? 0), ")", op.operands.length ? " " + p.operands(op.operands) : "", p.attrDict(op, ["dim"]), " : ", p.functionalType(op));
      },
      verify(op) {
        if (!op.operands.length) return "requires at least one input";
        const res = op.result.type as TensorType, ts = op.operands.map((v) => v.type as TensorType), d = op.attr<IntegerAttr>("dim")?.num ?? 0;
        if (ts.some((t) => t.rank !== res.rank)) return "rank of concatenated inputs must match result rank";
        if (ts.some((t) => t.elementType !== res.elementType)) return "inputs and result element type must match";
        if (d < 0 || d >= res.rank) return "concatenation dim must be less than the tensor rank";
        const inferred = res.shape.map((_, i) => {
          const sizes = ts.map((t) => t.shape[i]);
          return i === d ? (sizes.includes(DYN) ? DYN : sizes.reduce((a, b) => a + b, 0)) : sizes.find((x) => x !== DYN) ?? DYN;
        });
        for (let i = 0; i < res.rank; i++) {
          if (i !== d && ts.some((t) => t.shape[i] !== DYN && t.shape[i] !== inferred[i])) return `static concatenation size mismatch along non-concatenated dimension ${i}`;
        }
        if (inferred.some((x, i) => x !== DYN && res.shape[i] !== DYN && x !== res.shape[i])) {
          return `result type '${res.str}'does not match inferred shape '${TensorType.get(inferred, res.elementType).str}' static sizes`;
        }
      },
    },
    gatherLike("gather"),
    gatherLike("scatter"),
    relayoutOp("pack"),
    relayoutOp("unpack"),
    // (its type: checked by the generate or the pad, where MLIR reports it)
    returnLikeOp("tensor.yield", { operands: 1, parents: ["tensor.generate", "tensor.pad"] }),
  ] satisfies OpSpec[], {
    "tensor.dim": "dim", "tensor.cast": "cast", "tensor.extract_slice": "extracted_slice", "tensor.insert_slice": "inserted_slice",
    "tensor.extract": "extracted", "tensor.insert": "inserted", "tensor.from_elements": "from_elements", "tensor.splat": "splat",
    "tensor.reshape": "reshape", "tensor.rank": "rank", "tensor.collapse_shape": "collapsed", "tensor.expand_shape": "expanded",
    "tensor.generate": "generated", "tensor.pad": "padded", "tensor.concat": "concat", "tensor.bitcast": "bitcast",
    "tensor.gather": "gather", "tensor.scatter": "scatter", "tensor.pack": "pack", "tensor.unpack": "unpack",
  }).map((s) => (TENSOR_PATTERNS[s.name] ? { ...s, ...TENSOR_PATTERNS[s.name] } : s)),
};
