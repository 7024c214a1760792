// vector's folds of constants (MLIR 19's *ConstantFolder patterns and the ops' folds over
// constant operands): extract, insert, extract/insert_strided_slice, shape_cast, shuffle,
// extractelement/insertelement, bitcast of dense constants give dense (or scalar) constants.
import { type Attribute, DenseElementsAttr } from "../ir/attributes.js";
import type { Operation, Value } from "../ir/core.js";
import type { FoldResult, Rewriter } from "../ir/dialect.js";
import { sameBits } from "../ir/float.js";
import { IntegerType, type Type, VectorType, contiguousStrides, f16, f32, i32 } from "../ir/types.js";
import { castValue, scalarAttr, scalarOf, wrapS, wrapU } from "./arith.js";
import { arrayProp, producer } from "./indexing.js";
import { intsProp } from "./vector-algebra.js";

/** MLIR's vectorSizeFoldThreshold: a constant of more elements is folded into only when its one use goes. */
const FOLD_THRESHOLD = 256;
type Elt = number | bigint;

/** The dense constant an arith.constant gives `v`, if one does. */
export function denseOf(v: Value): DenseElementsAttr | undefined {
  const a = producer(v, "arith.constant")?.attr("value");
  return a instanceof DenseElementsAttr ? a : undefined;
}
/** An element as the parser keeps it: a float or narrow integer as a number, a wider integer as a bigint. */
const asElement = (v: Elt, et: Type) => (et instanceof IntegerType && et.width > 32 ? BigInt(v) : Number(v));
/** A constant of type `t` (a vector, or its element) holding `values`; equal ones are a splat, as the parser makes them. */
function constantOf(t: Type, values: readonly Elt[]): Attribute {
  if (!(t instanceof VectorType)) return scalarAttr(values[0], t);
  const vs = values.map((v) => asElement(v, t.elementType));
  return vs.every((v) => sameBits(v, vs[0])) ? new DenseElementsAttr(t, [vs[0]], true) : new DenseElementsAttr(t, vs, false);
}
const numElements = (t: Type) => (t instanceof VectorType ? t.numElements : 1);
/** Replaces `op` by an arith.constant of `value`. */
function replaceByConstant(op: Operation, rw: Rewriter, value: Attribute): true {
  rw.replaceOp(op, [rw.constant(op, value, op.result.type)]);
  return true;
}
/** Row-major multi-indices of `shape`, in order. */
function* indicesOf(shape: readonly number[]): Generator<number[]> {
  const n = shape.reduce((a, b) => a * b, 1), s = contiguousStrides(shape);
  for (let l = 0; l < n; l++) yield shape.map((d, i) => Math.floor(l / s[i]) % d);
}

/** MLIR's ExtractOpSplatConstantFolder and ExtractOpNonSplatConstantFolder (static positions, fixed sizes):
 * an extract of a dense constant is the constant of the part it reads. */
export function extractOfConstant(op: Operation, rw: Rewriter): boolean {
  const d = denseOf(op.operand(0)), vt = op.operand(0).type as VectorType, pos = arrayProp(op, "static_position");
  if (!d) return false;
  if (d.isSplat) return replaceByConstant(op, rw, constantOf(op.result.type, [d.at(0)]));
  if (op.operands.length > 1 || vt.isScalable) return false;
  const s = contiguousStrides(vt.shape), start = pos.reduce((a, p, i) => a + p * s[i], 0), n = numElements(op.result.type);
  return replaceByConstant(op, rw, constantOf(op.result.type, d.elements().slice(start, start + n)));
}

/** MLIR's InsertOpConstantFolder: an insert (static position) of a constant into a dense constant is a constant. */
export function insertOfConstant(op: Operation, rw: Rewriter): boolean {
  const [src, dest] = op.operands, d = denseOf(dest), vt = dest.type as VectorType;
  if (!d || op.operands.length > 2 || vt.isScalable) return false;
  if (vt.numElements > FOLD_THRESHOLD && dest.uses.length !== 1) return false;
  const sd = denseOf(src), sc = scalarOf(producer(src, "arith.constant")?.attr("value"));
  const part = sd ? sd.elements() : sc !== undefined ? [sc] : undefined;
  if (!part) return false;
  const s = contiguousStrides(vt.shape), start = arrayProp(op, "static_position").reduce((a, p, i) => a + p * s[i], 0);
  const values = d.elements();
  values.splice(start, part.length, ...part);
  return replaceByConstant(op, rw, constantOf(vt, values));
}

/** MLIR's StridedSliceSplatConstantFolder and StridedSliceNonSplatConstantFolder (unit strides): a slice of a dense constant. */
export function sliceOfConstant(op: Operation, rw: Rewriter): boolean {
  const d = denseOf(op.operand(0)), vt = op.operand(0).type as VectorType, rt = op.result.type as VectorType;
  if (!d) return false;
  if (d.isSplat) return replaceByConstant(op, rw, constantOf(rt, [d.at(0)]));
  if (vt.isScalable || intsProp(op, "strides").some((k) => k !== 1)) return false;
  const offsets = intsProp(op, "offsets"), s = contiguousStrides(vt.shape), all = d.elements(), values: Elt[] = [];
  for (const idx of indicesOf(rt.shape)) values.push(all[idx.reduce((a, x, i) => a + (x + (offsets[i] ?? 0)) * s[i], 0)]);
  return replaceByConstant(op, rw, constantOf(rt, values));
}

/** MLIR's InsertStridedSliceConstantFolder: a constant slice inserted into a dense constant is a constant. */
export function insertSliceOfConstant(op: Operation, rw: Rewriter): boolean {
  const [src, dest] = op.operands, d = denseOf(dest), sd = denseOf(src), vt = dest.type as VectorType, st = src.type as VectorType;
  if (!d || !sd || vt.isScalable || st.isScalable) return false;
  if (vt.numElements > FOLD_THRESHOLD && dest.uses.length !== 1) return false;
  const offsets = intsProp(op, "offsets"), s = contiguousStrides(vt.shape), lead = vt.rank - st.rank, values = d.elements(), part = sd.elements();
  let k = 0;
  for (const idx of indicesOf(st.shape)) values[offsets.reduce((a, o, i) => a + (o + (i >= lead ? idx[i - lead] : 0)) * s[i], 0)] = part[k++];
  return replaceByConstant(op, rw, constantOf(vt, values));
}

/** MLIR's ShapeCastConstantFolder: a shape_cast of a splat constant is a splat. */
export const shapeCastOfSplat = (consts: readonly (Attribute | undefined)[], t: Type): FoldResult[] | undefined => {
  const c = consts[0];
  return c instanceof DenseElementsAttr && c.isSplat ? [constantOf(t, [c.at(0)])] : undefined;
};

/** ShuffleOp::fold of two 1-D dense constants: the constant of the picked elements. */
export function shuffleOfConstants(op: Operation, consts: readonly (Attribute | undefined)[]): FoldResult[] | undefined {
  const [a, b] = consts;
  if (!(a instanceof DenseElementsAttr) || !(b instanceof DenseElementsAttr) || a.type.rank !== 1) return undefined;
  const n = a.type.shape[0], xs = a.elements(), ys = b.elements();
  return [constantOf(op.result.type, intsProp(op, "mask").map((i) => (i >= n ? ys[i - n] : xs[i])))];
}

/** The constant position of an extractelement/insertelement, if in range (MLIR compares it unsigned). */
function elementPosition(consts: readonly (Attribute | undefined)[], at: number, t: VectorType): number | undefined {
  const p = scalarOf(consts[at]);
  return p === undefined || Number(p) < 0 || Number(p) >= t.numElements ? undefined : Number(p);
}
/** ExtractElementOp::fold (past its splat and broadcast cases): the element of a dense constant. */
export function extractElementOfConstant(op: Operation, consts: readonly (Attribute | undefined)[]): FoldResult[] | undefined {
  const d = consts[0], i = op.operands.length > 1 ? elementPosition(consts, 1, op.operand(0).type as VectorType) : undefined;
  return d instanceof DenseElementsAttr && i !== undefined ? [scalarAttr(d.at(i), op.result.type)] : undefined;
}
/** InsertElementOp::fold: a scalar constant put into a dense constant. */
export function insertElementOfConstant(op: Operation, consts: readonly (Attribute | undefined)[]): FoldResult[] | undefined {
  const s = scalarOf(consts[0]), d = consts[1], t = op.result.type as VectorType;
  const i = op.operands.length > 2 ? elementPosition(consts, 2, t) : undefined;
  if (s === undefined || !(d instanceof DenseElementsAttr) || i === undefined) return undefined;
  const values = d.elements();
  values[i] = s;
  return [constantOf(t, values)];
}

/** BitCastOp::fold of a splat constant: f16 to f32, or an integer to a multiple of its width,
 * repeats the element's bits. */
export function bitcastOfSplat(op: Operation, consts: readonly (Attribute | undefined)[]): FoldResult[] | undefined {
  const c = consts[0], from = (op.operand(0).type as VectorType).elementType, rt = op.result.type as VectorType, to = rt.elementType;
  if (!(c instanceof DenseElementsAttr) || !c.isSplat) return undefined;
  if (from === f16 && to === f32) {
    const h = wrapU(BigInt(castValue("arith.bitcast", c.at(0), f16, IntegerType.get(16))), 16);
    return [constantOf(rt, [castValue("arith.bitcast", wrapS((h << 16n) | h, 32), i32, f32)])];
  }
  if (!(from instanceof IntegerType) || !(to instanceof IntegerType) || to.width <= from.width || to.width % from.width) return undefined;
  const x = wrapU(BigInt(c.at(0)), from.width);
  let bits = 0n;
  for (let k = 0; k < to.width / from.width; k++) bits = (bits << BigInt(from.width)) | x;
  return [constantOf(rt, [wrapS(bits, to.width)])];
}
