// Shared pieces of tensor/vector/linalg (and memref) syntax: operand segments, and MLIR's
// mixed static/dynamic index lists (`[%a, 4] [2, %b] [1, 1]`) stored as operands plus a
// `static_*` DenseArrayAttr whose dynamic entries hold DYN (MLIR's kDynamic, INT64_MIN), as MLIR does.
import { ArrayAttr, DenseArrayAttr, IntegerAttr } from "../ir/attributes.js";
import { OpResult, Operation, type Value } from "../ir/core.js";
import type { Rewriter } from "../ir/dialect.js";
import type { OpAsmParser, UnresolvedOperand } from "../ir/parser.js";
import type { OpAsmPrinter } from "../ir/printer.js";
import { DYN, ShapedType, TensorType, Type, i32, i64, index } from "../ir/types.js";
import { constantIndex } from "./arith.js";

/** The op defining `v`, if it is a `name`. */
export const producer = (v: Value, name: string) => (v instanceof OpResult && v.op.name === name ? v.op : undefined);
/** Whether an operand is a constant index (MLIR's matchConstantIndex): the constant folder goes first. */
export const anyConstantIndex = (op: Operation) => op.operands.some((v) => v.type === index && constantIndex(v) !== undefined);

export const i64Array = (vs: readonly number[]) => new DenseArrayAttr(i64, vs);
export const segmentSizesAttr = (sizes: readonly number[]) => new DenseArrayAttr(i32, sizes);

/** Values of a DenseArrayAttr property (empty if missing). */
export function arrayProp(op: Operation, name: string): number[] {
  const a = op.attr(name);
  return a instanceof DenseArrayAttr ? [...a.values] : [];
}

/** Operand group `i` according to `operandSegmentSizes`. */
export function operandSegment(op: Operation, i: number): Value[] {
  const sizes = arrayProp(op, "operandSegmentSizes");
  if (!sizes.length) return i === 0 ? [...op.operands] : [];
  const start = sizes.slice(0, i).reduce((a, b) => a + b, 0);
  return op.operands.slice(start, start + (sizes[i] ?? 0));
}

/** Checks `operandSegmentSizes` has `n` entries summing to the operand count. */
export function checkSegments(op: Operation, n: number): string | undefined {
  const sizes = arrayProp(op, "operandSegmentSizes");
  if (sizes.length !== n) return `requires an 'operandSegmentSizes' attribute with ${n} elements`;
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== op.operands.length) return `operand count (${op.operands.length}) does not match with the total size (${total}) specified in attribute 'operandSegmentSizes'`;
}

export interface DynamicIndexList { dynamic: UnresolvedOperand[]; statics: number[] }

/** `[%a, 4, %b]` (or in parentheses): SSA values become operands, integers stay static (DYN marks the holes). */
/** An int64 as MLIR's custom parsers read one: a sign, then a magnitude of at most 2^63 - 1 (so never -2^63). */
export function parseInt64(p: OpAsmParser): number {
  const loc = p.locHere(), v = p.parseInteger();
  if (v === DYN) throw p.customError("integer value too large", loc);
  return v;
}

export function parseDynamicIndexList(p: OpAsmParser, [open, close] = "[]"): DynamicIndexList {
  const out: DynamicIndexList = { dynamic: [], statics: [] };
  p.expect(open);
  if (p.accept(close)) return out;
  do {
    const o = p.parseOptionalOperand();
    if (o) { out.dynamic.push(o); out.statics.push(DYN); }
    else out.statics.push(parseInt64(p)); // (-2^63 is the dynamic marker, kDynamic: no static value)
  } while (p.accept(","));
  p.expect(close);
  return out;
}

export function printDynamicIndexList(p: OpAsmPrinter, dynamic: readonly Value[], statics: readonly number[], [open, close] = "[]"): string {
  let k = 0;
  return open + statics.map((s) => (s === DYN ? p.operand(dynamic[k++]) : String(s))).join(", ") + close;
}

export const countDynamic = (statics: readonly number[]) => statics.filter((s) => s === DYN).length;

/** MLIR's OffsetSizeAndStrideOpInterface check that offsets, sizes and strides have one rank (offsets may be one entry where `oneOffset`). */
export function mixedRankProblem(offsets: number, sizes: number, strides: number, oneOffset = false): string | undefined {
  if (!(oneOffset && offsets === 1) && offsets !== sizes) return `expected mixed offsets rank to match mixed sizes rank (${offsets} vs ${sizes}) so the rank of the result type is well-formed.`;
  if (sizes !== strides) return `expected mixed sizes rank to match mixed strides rank (${sizes} vs ${strides}) so the rank of the result type is well-formed.`;
}

/** MLIR's verifyListOfOperandsOrIntegers: `n` entries in the static list, one operand per dynamic one. */
export function listCountProblem(name: string, n: number, statics: readonly number[], dynamic: number): string | undefined {
  if (statics.length !== n) return `expected ${n} ${name} values, got ${statics.length}`;
  if (countDynamic(statics) !== dynamic) return `expected ${countDynamic(statics)} dynamic ${name} values`;
}

/** MLIR's verifyOffsetSizeAndStrideOp: static offsets and sizes are non-negative (strides may be negative). */
export function negativeOffsetOrSize(offsets: readonly number[], sizes: readonly number[]): string | undefined {
  const offset = offsets.find((v) => v < 0 && v !== DYN), size = sizes.find((v) => v < 0 && v !== DYN);
  if (offset !== undefined) return `expected offsets to be non-negative, but got ${offset}`;
  if (size !== undefined) return `expected sizes to be non-negative, but got ${size}`;
}

/** An entry of a mixed list: a static integer or the SSA value that supplies it. */
export type OpFoldResult = number | Value;

export function mixedList(statics: readonly number[], dynamic: readonly Value[]): OpFoldResult[] {
  let k = 0;
  return statics.map((s) => (s === DYN ? dynamic[k++] : s));
}

/**
 * Whether `actual` is `expected` or it with some unit dimensions dropped (MLIR's rank-reduced
 * slices). Shapes are compared dimension by dimension; `?` matches only `?`.
 */
export function isRankReducedShape(expected: readonly number[], actual: readonly number[]): boolean {
  let j = 0;
  for (let i = 0; i < expected.length; i++) {
    if (j < actual.length && actual[j] === expected[i]) { j++; continue; }
    if (expected[i] !== 1) return false;
  }
  return j === actual.length;
}

/** `[1, 0]`: a list of integers. */
export function parseIntList(p: OpAsmParser): number[] {
  const vs: number[] = [];
  p.expect("[");
  if (!p.accept("]")) { do vs.push(p.parseInteger()); while (p.accept(",")); p.expect("]"); }
  return vs;
}

/** Parses `[%i, %j]` and resolves the indices as `index`. */
export function parseIndices(p: OpAsmParser): UnresolvedOperand[] { return p.parseOperandList("square"); }

export const rankOf = (t: Type) => (t instanceof ShapedType ? t.rank : 0);

/**
 * The dynamic sizes of `shape` (`sizes`, in order) given by non-negative constants, made static
 * (MLIR's foldDynamicToStaticDimSizes): the new shape and the sizes left dynamic; undefined if none was.
 */
export function staticSizes(shape: readonly number[], sizes: readonly Value[]): { shape: number[]; sizes: Value[] } | undefined {
  const out = [...shape], kept: Value[] = [];
  let k = 0;
  for (let d = 0; d < out.length; d++) {
    if (out[d] !== DYN) continue;
    const v = sizes[k++], c = constantIndex(v);
    if (c !== undefined && c >= 0) out[d] = c; else kept.push(v);
  }
  return kept.length === sizes.length ? undefined : { shape: out, sizes: kept };
}

/** `op` replaced by `made` (inserted before it), cast back to `op`'s type with `cast`. */
export function replaceCastBack(op: Operation, rw: Rewriter, made: Operation, cast: string): true {
  const back = new Operation({ name: cast, operands: [made.result], resultTypes: [op.result.type], loc: op.loc });
  op.parent!.insertBefore(op, made);
  op.parent!.insertBefore(op, back);
  rw.replaceOp(op, [back.result]);
  return true;
}


/** An entry's value when it is known: static, or an SSA value given by a constant (MLIR's getConstantIntValue). */
export const knownInt = (v: OpFoldResult): number | undefined => (typeof v === "number" ? (v === DYN ? undefined : v) : constantIndex(v));
/** Iterations of one loop dimension where known (MLIR 19's constantTripCount: equal bounds run none, else constants). */
export function knownTripCount(lb: OpFoldResult, ub: OpFoldResult, step: OpFoldResult): number | undefined {
  if (lb === ub) return 0;
  const [l, u, s] = [lb, ub, step].map(knownInt);
  return l === undefined || u === undefined || !s ? undefined : Math.ceil((u - l) / s);
}

/**
 * MLIR's foldDynamicIndexList over offsets, sizes, strides in turn, as its constant-argument
 * folders call it (`failed(a) && failed(b) && ...`): the first list holding constant operands has
 * them made static (only non-negative ones where `nonNeg`), the later ones wait for the next
 * application; undefined if none does.
 */
export function foldConstantLists(lists: readonly OpFoldResult[][], nonNeg: readonly boolean[]): OpFoldResult[][] | undefined {
  for (let i = 0; i < lists.length; i++) {
    let changed = false;
    const l = lists[i].map((v) => {
      const c = typeof v === "number" ? undefined : constantIndex(v);
      if (c === undefined || c === DYN || (nonNeg[i] && c < 0)) return v; // (a constant INT64_MIN would read as the marker)
      changed = true;
      return c;
    });
    if (changed) return lists.map((x, k) => (k === i ? l : x));
  }
  return undefined;
}

const LIST_PROPS = ["static_offsets", "static_sizes", "static_strides"];
/**
 * A new `name` op (`op`'s own by default) in front of `op`: the leading operands `lead`,
 * offsets/sizes/strides `lists` (statics in its `static_*`, the rest operands) and result type
 * `type` (none for parallel_insert_slice) (MLIR's builders: no other attribute is kept).
 */
export function sliceLike(op: Operation, lead: readonly Value[], lists: readonly OpFoldResult[][], type: Type | undefined, name = op.name): Operation {
  const dyn = lists.map((l) => l.filter((v): v is Value => typeof v !== "number"));
  const attributes: Record<string, DenseArrayAttr> = { operandSegmentSizes: segmentSizesAttr([...lead.map(() => 1), ...dyn.map((d) => d.length)]) };
  LIST_PROPS.forEach((n, i) => { attributes[n] = i64Array(lists[i].map((v) => (typeof v === "number" ? v : DYN))); });
  const made = new Operation({ name, operands: [...lead, ...dyn.flat()], resultTypes: type ? [type] : [], attributes, loc: op.loc });
  op.parent!.insertBefore(op, made);
  return made;
}

/** `op` replaced by `v`, through a `cast` (made in front of `op`) to `op`'s type where `v`'s differs. */
export function replaceCasting(op: Operation, rw: Rewriter, v: Value, cast: string): true {
  if (v.type !== op.result.type) {
    const back = new Operation({ name: cast, operands: [v], resultTypes: [op.result.type], loc: op.loc });
    op.parent!.insertBefore(op, back);
    v = back.result;
  }
  rw.replaceOp(op, [v]);
  return true;
}

/** Whether two mixed lists are the same entries (MLIR's `a == b` on OpFoldResults: equal statics or the same value). */
/** The static values of `l`, DYN for its operands. */
export const staticsOf = (l: readonly OpFoldResult[]) => l.map((v) => (typeof v === "number" ? v : DYN));
/** Whether offsets/sizes/strides `lists` take all of a shape (MLIR's foldIdentityOffsetSizeAndStrideOpInterface): offsets 0, strides 1, sizes the static shape. */
export const takesAll = ([offsets, sizes, strides]: readonly (readonly OpFoldResult[])[], shape: readonly number[]) =>
  offsets.every((v) => knownInt(v) === 0) && strides.every((v) => knownInt(v) === 1) && sizes.every((v, i) => shape[i] !== DYN && knownInt(v) === shape[i]);
export const sameLists = (a: readonly OpFoldResult[], b: readonly OpFoldResult[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The reassociation of a reshape of a reshape of the same kind (MLIR's
 * composeReassociationIndices): each group of the one with fewer groups joins the groups of the
 * other it names; undefined where both have as many.
 */
export function composeReassociations(a: readonly number[][], b: readonly number[][]): number[][] | undefined {
  if (a.length === b.length) return undefined;
  const [big, small] = a.length > b.length ? [a, b] : [b, a];
  if (small.length && small.reduce((n, g) => n + g.length, 0) !== big.length) return undefined;
  return small.map((g) => g.flatMap((i) => big[i]));
}
/**
 * MLIR's getReassociationIndicesForCollapse: the groups of `from` whose products are the sizes of
 * `to` (a dynamic size alone in its group, unit dims trailing into the last); undefined if none,
 * or if `from` is no higher in rank.
 */
export function collapseGroups(from: readonly number[], to: readonly number[]): number[][] | undefined {
  if (from.length <= to.length) return undefined;
  const groups: number[][] = [];
  let d = 0, cur: number[] = [], prod = 1;
  while (d < from.length && groups.length < to.length) {
    const want = to[groups.length];
    while (d < from.length && from[d] !== DYN && prod * from[d] < want) { prod *= from[d]; cur.push(d++); }
    if (d === from.length) return undefined;
    if (from[d] === DYN ? want !== DYN || prod !== 1 : want === DYN || prod * from[d] !== want) return undefined;
    cur.push(d++);
    groups.push(cur);
    cur = []; prod = 1;
  }
  if (groups.length !== to.length) return undefined;
  for (; d < from.length; d++) {
    if (from[d] !== DYN && from[d] !== 1) return undefined;
    groups[groups.length - 1]?.push(d);
  }
  return groups;
}
export const reassociationAttr = (groups: readonly number[][]) => new ArrayAttr(groups.map((g) => new ArrayAttr(g.map((i) => new IntegerAttr(BigInt(i), i64)))));

/** Whether `to` says no more than `from` (MLIR's preservesStaticInformation): a cast from `from` to `to` can be folded away. */
export function preserves(to: Type, from: Type): boolean {
  return to instanceof TensorType && from instanceof TensorType && to.elementType === from.elementType && to.rank === from.rank && to.encoding === from.encoding
    && to.shape.every((d, i) => d === DYN || from.shape[i] !== DYN);
}

/** The source of `v`, a tensor.cast from a more static type (MLIR's canFoldIntoConsumerOp). */
export function castFromMoreStatic(v: Value): Value | undefined {
  const c = producer(v, "tensor.cast");
  return c && c.operand(0).type !== v.type && preserves(v.type, c.operand(0).type) ? c.operand(0) : undefined;
}
