// linalg's canonicalization patterns (some of MLIR 19's), for --canonicalize:
//   generic, broadcast  with identity indexing maps (in MLIR 19, not merely equal ones) and a body
//                       that only yields block arguments: on tensors, the operands yielded (cast
//                       to the result types); on buffers, gone when it copies a buffer onto
//                       itself (EraseIdentityGenericOp);
//   copy                of a buffer onto itself goes, of a tensor is the tensor (EraseSelfCopy);
//   transpose           of the identity permutation, on tensors, is its input; of a transpose, one
//                       transpose (FoldTransposeWithTranspose); of a broadcast, a broadcast of a
//                       transpose (SwapTransposeWithBroadcast);
//   tensor.cast         of a result to a more static type, in the op's block: the op computes
//                       that type (FoldTensorCastConsumerOp; tensor-canonicalize calls it);
//   fill                read by a reshape, extract, copy, transpose, pad (of its value) or pack (without other padding) is a fill of what those make
//                       (FillOp's patterns, rooted at the reader: tensor-canonicalize calls those of tensor ops).
import { AffineMap, cst, sym, type AffineExpr } from "../ir/affine.js";
import { build } from "../ir/affine-simplify.js";
import { AffineMapAttr } from "../ir/attributes.js";
import { Builder, rebuilt } from "../ir/builder.js";
import { OpResult, Operation, type Region, type Value } from "../ir/core.js";
import type { OpSpec, Rewriter } from "../ir/dialect.js";
import { DYN, MemRefType, ShapedType, TensorType, index, type Type } from "../ir/types.js";
import { type OpFoldResult, arrayProp, i64Array, knownInt, operandSegment, producer } from "./indexing.js";
import { buildNamedBody, identityBody, indexingMaps, inputs, insOutsSegments, isStructuredOp, outputs } from "./linalg-info.js";

/** tensor.cast's verifier: the same element type and rank, sizes equal where both are static. */
const castable = (a: Type, b: Type) => a instanceof TensorType && b instanceof TensorType && a.elementType === b.elementType && a.rank === b.rank
  && a.shape.every((d, i) => d === DYN || b.shape[i] === DYN || d === b.shape[i]);

function eraseIdentity(op: Operation, rw: Rewriter): boolean {
  const maps = indexingMaps(op), body = op.regions[0]?.blocks[0];
  if (!body || body.ops.length !== 1 || body.terminator?.name !== "linalg.yield" || maps.some((m) => !m.isIdentity)) return false;
  if (op.operands.every((v) => !(v.type instanceof TensorType))) { // buffers (scalars aside)
    const [ins, outs] = [inputs(op), outputs(op)];
    if (ins.length !== 1 || outs.length !== 1 || ins[0] !== outs[0]) return false;
    rw.replaceOp(op, []);
    return true;
  }
  if (op.operands.some((v) => v.type instanceof MemRefType)) return false;
  const yielded = body.terminator.operands, argNo = (v: Value) => body.args.findIndex((a) => a === v);
  if (yielded.length !== op.results.length || yielded.some((v) => argNo(v) < 0)) return false;
  const values = yielded.map((v) => op.operand(argNo(v)));
  if (values.some((v, i) => v.type !== op.results[i].type && !castable(v.type, op.results[i].type))) return false;
  rw.replaceOp(op, values.map((v, i) => (v.type === op.results[i].type ? v : castBefore(op, v, op.results[i].type))));
  return true;
}
/** A tensor.cast of `v` to `t`, in front of `at`. */
export const castBefore = (at: Operation, v: Value, t: Type): Value => Builder.before(at).value("tensor.cast", [v], t);

function eraseSelfCopy(op: Operation, rw: Rewriter): boolean {
  const [ins, outs] = [inputs(op), outputs(op)];
  if (ins.length !== outs.length || ins.some((v, i) => v !== outs[i])) return false;
  rw.replaceOp(op, op.results.length ? ins : []);
  return true;
}

/** MLIR's TransposeOp::fold: on tensors, the identity permutation gives the input. */
const foldTranspose: OpSpec["fold"] = (op) =>
  op.operand(0).type instanceof TensorType && arrayProp(op, "permutation").every((p, i) => p === i) ? [op.operand(0)] : undefined;
function transposeOfTranspose(op: Operation, rw: Rewriter): boolean {
  const inner = producer(op.operand(0), "linalg.transpose");
  if (!inner) return false;
  const perm = arrayProp(inner, "permutation");
  rw.replaceOp(op, permuteLike(op, op.name, inner.operand(0), op.operand(1), arrayProp(op, "permutation").map((p) => perm[p])).results);
  return true;
}

/** A new transpose or broadcast of `input` into `init` with `list`, in front of `at`. */
function permuteLike(at: Operation, name: string, input: Value, init: Value, list: readonly number[]): Operation {
  const made = new Operation({ name, operands: [input, init], resultTypes: init.type instanceof TensorType ? [init.type] : [],
    attributes: { [name === "linalg.transpose" ? "permutation" : "dimensions"]: i64Array(list) }, loc: at.loc });
  made.addRegion(identityBody([input, init], at.loc));
  at.parent!.insertBefore(at, made);
  return made;
}
/**
 * MLIR's SwapTransposeWithBroadcast: a transpose of a broadcast used nowhere else is a broadcast
 * of a transpose of the broadcast's input (into a new tensor.empty), the added dims permuted.
 */
function transposeOfBroadcast(op: Operation, rw: Rewriter): boolean {
  const bc = producer(op.operand(0), "linalg.broadcast"), src = bc?.operand(0);
  if (!bc || !src || op.operand(0).uses.length !== 1 || !(src.type instanceof TensorType)) return false;
  const dims = arrayProp(bc, "dimensions"), perm = arrayProp(op, "permutation"), inverse: number[] = [];
  perm.forEach((p, i) => { inverse[p] = i; });
  const kept = perm.filter((p) => !dims.includes(p)).map((p) => p - dims.filter((d) => d < p).length);
  const t = src.type, b = Builder.before(op);
  const sizes = t.shape.map((d, i) => (d === DYN ? b.value("tensor.dim", [src, b.constIndex(i)], index) : d));
  const shape = kept.map((k) => t.shape[k]), dynamic = kept.map((k) => sizes[k]).filter((v): v is Value => typeof v !== "number");
  const empty = b.value("tensor.empty", dynamic, TensorType.get(shape, t.elementType));
  const tr = permuteLike(op, "linalg.transpose", src, empty, kept);
  rw.replaceOp(op, permuteLike(op, "linalg.broadcast", tr.result, op.operand(1), dims.map((d) => inverse[d])).results);
  return true;
}

/** A new linalg.fill of `value` into `init`, in front of `at`. */
function fill(at: Operation, value: Value, init: Value): Operation {
  const made = new Operation({ name: "linalg.fill", operands: [value, init], resultTypes: init.type instanceof TensorType ? [init.type] : [],
    attributes: { operandSegmentSizes: insOutsSegments(1, 1) }, loc: at.loc });
  made.addRegion(buildNamedBody("linalg.fill", [value.type, init.type], at.loc));
  at.parent!.insertBefore(at, made);
  return made;
}
const fillOf = (v: Value) => producer(v, "linalg.fill");

/** MLIR's FoldFillWithTensorReshape: a collapse_shape or expand_shape of a fill is a fill of the reshaped init. */
export function reshapeOfFill(op: Operation, rw: Rewriter): boolean {
  const f = fillOf(op.operand(0));
  if (!f) return false;
  const keep = ["reassociation", "static_output_shape"].filter((k) => op.attr(k));
  const init = new Operation({ name: op.name, operands: [outputs(f)[0], ...op.operands.slice(1)], resultTypes: [op.result.type],
    attributes: Object.fromEntries(keep.map((k) => [k, op.attr(k)!])), loc: f.loc });
  op.parent!.insertBefore(op, init);
  rw.replaceOp(op, [fill(op, inputs(f)[0], init.result).result]);
  return true;
}
/** MLIR's FoldFillWithTensorExtract: an element of a fill is its value. */
export function extractOfFill(op: Operation, rw: Rewriter): boolean {
  const f = fillOf(op.operand(0));
  if (!f) return false;
  rw.replaceOp(op, [inputs(f)[0]]);
  return true;
}
/** The sum of index values as makeComposedFoldedAffineApply gives it: a constant, or an affine.apply of the unknown ones. */
export function foldedSum(b: Builder, parts: readonly OpFoldResult[]): OpFoldResult {
  const vals = parts.filter((p): p is Value => typeof p !== "number" && knownInt(p) === undefined);
  const c = parts.reduce<number>((n, p) => n + (typeof p === "number" ? p : knownInt(p) ?? 0), 0);
  if (!vals.length) return c;
  const e = vals.reduce<AffineExpr>((acc, _, k) => build("add", acc, sym(k)), cst(0));
  return b.value("affine.apply", vals, index, { map: new AffineMapAttr(new AffineMap(0, vals.length, [build("add", e, cst(c))])) });
}
/**
 * MLIR's FoldFillWithPad: a pad of a fill by the fill's own value (`padValue`, the pad's constant
 * padding value) is a fill of a new empty tensor of the pad's size (reified: a dynamic size is
 * low + source size + high, an affine.apply where not all constant), cast to the pad's type.
 */
export function padOfFill(op: Operation, rw: Rewriter, padValue: Value | undefined, [low, high]: readonly OpFoldResult[][]): boolean {
  const f = fillOf(op.operand(0)), t = op.result.type as TensorType, src = op.operand(0), srcShape = (src.type as TensorType).shape;
  if (!f || !padValue || inputs(f)[0] !== padValue) return false;
  const b = Builder.before(op), dynSizes: Value[] = [];
  const shape = t.shape.map((d, i) => {
    if (d !== DYN) return d;
    const size = foldedSum(b, [low[i], high[i], srcShape[i] === DYN ? b.value("tensor.dim", [src, b.constIndex(i)], index) : srcShape[i]]);
    if (typeof size === "number") return size;
    dynSizes.push(size);
    return DYN;
  });
  const empty = b.value("tensor.empty", dynSizes, TensorType.get(shape, t.elementType));
  const v = fill(op, padValue, empty).result;
  rw.replaceOp(op, [v.type === t ? v : castBefore(op, v, t)]);
  return true;
}
/**
 * MLIR's FoldFillWithPack: a tensor.pack of a fill, without padding or padding with the fill's value
 * (the same value, or equal integer constants), is a fill of the pack's dest, if nothing else uses that.
 */
export function packOfFill(op: Operation, rw: Rewriter): boolean {
  const f = fillOf(op.operand(0)), dest = op.operand(1), pad = operandSegment(op, 2)[0];
  if (!f || dest.uses.length !== 1) return false;
  const value = inputs(f)[0], c = pad && knownInt(pad);
  if (pad && pad !== value && (c === undefined || c !== knownInt(value))) return false;
  rw.replaceOp(op, [fill(op, value, dest).result]);
  return true;
}
/** MLIR's FoldFillWithCopy: a copy of a fill is a fill of the copy's init; a copy into a fill copies into the fill's init. */
function copyOfFill(op: Operation, rw: Rewriter): boolean {
  const [src, dst] = [inputs(op)[0], outputs(op)[0]], from = fillOf(src), into = fillOf(dst);
  if (from) { rw.replaceOp(op, [fill(op, inputs(from)[0], dst).result]); return true; }
  if (!into) return false;
  const made = new Operation({ name: op.name, operands: [src, outputs(into)[0]], resultTypes: [outputs(into)[0].type], attributes: op.attributes, loc: op.loc });
  made.addRegion(buildNamedBody(op.name, [src.type, outputs(into)[0].type], op.loc));
  op.parent!.insertBefore(op, made);
  rw.replaceOp(op, made.results);
  return true;
}
/** MLIR's FoldFillWithTranspose: a transpose of a fill is a fill of the transpose's init. */
function transposeOfFill(op: Operation, rw: Rewriter): boolean {
  const f = fillOf(op.operand(0));
  if (!f) return false;
  rw.replaceOp(op, [fill(op, inputs(f)[0], op.operand(1)).result]);
  return true;
}

/**
 * Whether operand `k` of `lin` typed `t` would give a loop a static size another operand's
 * contradicts (a wrong size behind a run-time check): the op would no longer verify.
 */
function contradicts(lin: Operation, k: number, t: TensorType): boolean {
  const maps = indexingMaps(lin), size = new Map<number, number>();
  const types = lin.operands.map((v, i) => (i === k ? t : v.type));
  return types.some((ty, i) => ty instanceof ShapedType && maps[i]?.results.some((e, d) => {
    const n = ty.shape[d];
    if (e.kind !== "dim" || n === DYN) return false;
    if (!size.has(e.pos)) size.set(e.pos, n);
    return size.get(e.pos) !== n;
  }));
}

/**
 * MLIR's FoldTensorCastConsumerOp: a cast of a linalg op's result to a more static type, in the
 * op's block, makes the op compute that type: its init is cast to it, and the result is cast back
 * for the op's other users.
 */
export function castOfLinalg(op: Operation, rw: Rewriter): boolean {
  const res = op.operand(0), lin = res instanceof OpResult ? res.op : undefined, t = op.result.type;
  if (!lin || !isStructuredOp(lin) || lin.parent !== op.parent || !(t instanceof TensorType) || !preservesStatic(res.type, t)) return false;
  const k = (res as OpResult).index, ins = inputs(lin), outs = [...outputs(lin)];
  if (contradicts(lin, ins.length + k, t)) return false;
  outs[k] = castBefore(lin, outs[k], t);
  const made = new Operation({ name: lin.name, operands: [...ins, ...outs], resultTypes: lin.results.map((r, i) => (i === k ? t : r.type)), attributes: lin.attributes, loc: lin.loc });
  lin.parent!.insertBefore(lin, made);
  for (const r of lin.regions) made.addRegion(r);
  (lin.regions as Region[]).length = 0;
  const back = castBefore(lin, made.results[k], res.type);
  rw.replaceOp(lin, made.results.map((r, i) => (i === k ? back : r)));
  rw.replaceOp(op, [made.results[k]]);
  return true;
}
/**
 * MLIR's InferStaticShapeOfOperands: on tensors, with projected-permutation maps, a loop dim that
 * an operand has static gives that size to every operand dynamic there (cast to it); the results
 * take the inits' new types and are cast back to the old ones.
 */
export function inferStaticShapeOfOperands(op: Operation, rw: Rewriter): boolean {
  const shaped = op.operands.filter((v) => v.type instanceof ShapedType), maps = indexingMaps(op);
  if (!shaped.length || shaped.some((v) => !(v.type instanceof TensorType)) || maps.length !== op.operands.length) return false;
  const dimsOf = (m: AffineMap) => m.results.map((e) => (e.kind === "dim" ? e.pos : -1));
  if (maps.some((m) => { const ds = dimsOf(m); return ds.some((d, i) => d < 0 || ds.indexOf(d) !== i); })) return false;
  const size = new Map<number, number>();
  op.operands.forEach((v, k) => { if (v.type instanceof TensorType) dimsOf(maps[k]).forEach((d, i) => { const n = (v.type as TensorType).shape[i]; if (n !== DYN && !size.has(d)) size.set(d, n); }); });
  const nIn = inputs(op).length;
  let changed = false;
  const operands = op.operands.map((v, k) => {
    const t = v.type;
    if (!(t instanceof TensorType) || (k >= nIn && t.hasStaticShape)) return v;
    const shape = t.shape.map((n, i) => (n === DYN ? size.get(dimsOf(maps[k])[i]) ?? DYN : n));
    if (shape.every((n, i) => n === t.shape[i])) return v;
    changed = true;
    return castBefore(op, v, TensorType.get(shape, t.elementType, t.encoding));
  });
  if (!changed) return false;
  const made = rebuilt(op, operands, op.results.map((_, i) => operands[nIn + i].type));
  rw.replaceOp(op, made.results.map((r, i) => (r.type === op.results[i].type ? r : castBefore(op, r, op.results[i].type))));
  return true;
}
/** MLIR's preservesStaticInformation: `to` is static wherever `from` is. */
const preservesStatic = (from: Type, to: TensorType) =>
  from instanceof TensorType && from.rank === to.rank && from.elementType === to.elementType && from.shape.every((d, i) => d === DYN || to.shape[i] === d);

/** Patterns by op, after the casts every structured op folds (in MLIR 19's order: an op's own, then those FillOp registers). */
export const LINALG_PATTERNS: Record<string, Pick<OpSpec, "fold" | "canonicalize">> = {
  "linalg.generic": { canonicalize: eraseIdentity },
  "linalg.broadcast": { canonicalize: eraseIdentity },
  "linalg.copy": { canonicalize: (op, rw) => eraseSelfCopy(op, rw) || copyOfFill(op, rw) },
  "linalg.transpose": { fold: foldTranspose, canonicalize: (op, rw) => transposeOfFill(op, rw) || transposeOfTranspose(op, rw) || transposeOfBroadcast(op, rw) },
};
