// vector ops that move, build or mask lanes: strided slices, shuffle, masks, masked memory
// access (masked-off lanes are never touched), bitcast (the minor dimension's bits, little-endian
// as in memory), from_elements, step.
import { VectorType, IntegerType, type Type, FloatType } from "../ir/types.js";
import { intsProp } from "../dialects/vector-algebra.js";
import { maskLaneOn, shuffleRows } from "../dialects/vector-lanes.js";
import { castValue, intWidth } from "../dialects/arith.js";
import type { HandlerTable, Interpreter } from "./interpreter.js";
import { asMemRef } from "./memref.js";
import { checkIndex, loadElement, storeElement } from "./memory.js";
import { asTensor } from "./vector.js";
import { MemRefValue, TensorValue, canon, forEachIndex, numElements, rowMajor, toBig, type RtValue, type Scalar } from "./values.js";

const vt = (t: Type) => t as VectorType;
/** `shape` filled by `f(index)`. */
function build(t: VectorType, f: (i: number[]) => Scalar): TensorValue {
  const data: Scalar[] = [];
  forEachIndex(t.shape, (i) => { data.push(f(i)); });
  return new TensorValue(t.shape, t.elementType, data);
}
/** A mask lane is on when each index is below its bound. */
const mask = (t: VectorType, bounds: readonly number[]) => build(t, (i) => (maskLaneOn(i, bounds) ? 1 : 0));

/** Visits the lanes of a 1-D masked access whose mask is on, with their memref index. */
function maskedLanes(interp: Interpreter, m: MemRefValue, idx: readonly RtValue[], maskV: RtValue, fn: (k: number, at: number[]) => void): void {
  asTensor(maskV, "mask").data.forEach((on, k) => {
    if (Number(on) === 0) return;
    const at = idx.map(Number);
    at[at.length - 1] += k;
    if (interp.options.checkBounds) checkIndex(m, at);
    fn(k, at);
  });
}

const bits = (t: Type) => (t instanceof FloatType || t instanceof IntegerType ? t.width : 64);
/** The value of `x` as `w` unsigned bits, and back. */
const toBits = (x: Scalar, t: Type) => BigInt.asUintN(bits(t), t instanceof FloatType ? BigInt(castValue("arith.bitcast", x, t, IntegerType.get(bits(t)))) : toBig(x, t));
function fromBits(b: bigint, t: Type): Scalar {
  const w = bits(t), s = BigInt.asIntN(w, b);
  return t instanceof FloatType ? canon(castValue("arith.bitcast", s, IntegerType.get(w), t), t) : canon(intWidth(t) <= 32 ? Number(s) : s, t);
}

export const VECTOR_LANES: HandlerTable = {
  "vector.extract_strided_slice": (_i, op, [v]) => {
    const src = asTensor(v), off = intsProp(op, "offsets");
    return [build(vt(op.results[0].type), (i) => src.data[rowMajor(src.shape, i.map((x, d) => x + (off[d] ?? 0)))])];
  },
  "vector.insert_strided_slice": (_i, op, [s, d]) => {
    const src = asTensor(s), dest = asTensor(d), off = intsProp(op, "offsets"), data = [...dest.data], lead = dest.rank - src.rank;
    let k = 0;
    forEachIndex(src.shape, (i) => { data[rowMajor(dest.shape, off.map((o, j) => o + (j < lead ? 0 : i[j - lead])))] = src.data[k++]; });
    return [new TensorValue(dest.shape, dest.elementType, data)];
  },
  "vector.shuffle": (_i, op, [a, b]) => {
    const A = asTensor(a), B = asTensor(b), n = shuffleRows(vt(op.operands[0].type)), row = numElements(A.shape.slice(1));
    const data = intsProp(op, "mask").flatMap((m) => (m < n ? A.data.slice(m * row, (m + 1) * row) : B.data.slice((m - n) * row, (m - n + 1) * row)));
    return [new TensorValue(vt(op.results[0].type).shape, A.elementType, data)];
  },
  "vector.create_mask": (_i, op, args) => [mask(vt(op.results[0].type), args.map(Number))],
  "vector.constant_mask": (_i, op) => [mask(vt(op.results[0].type), intsProp(op, "mask_dim_sizes"))],
  "vector.maskedload": (interp, op, args) => {
    const m = asMemRef(args[0]), [mk, pass] = args.slice(-2), data = [...asTensor(pass).data];
    maskedLanes(interp, m, args.slice(1, -2), mk, (k, at) => { data[k] = loadElement(interp.heap, m, at); });
    return [new TensorValue(vt(op.results[0].type).shape, asTensor(pass).elementType, data)];
  },
  "vector.maskedstore": (interp, _op, args) => {
    const m = asMemRef(args[0]), [mk, v] = args.slice(-2), vals = asTensor(v).data;
    maskedLanes(interp, m, args.slice(1, -2), mk, (k, at) => storeElement(interp.heap, m, at, vals[k]));
    return [];
  },
  "vector.bitcast": (_i, op, [v]) => {
    const src = asTensor(v), t = vt(op.results[0].type), wi = bits(src.elementType), wo = bits(t.elementType);
    let acc = 0n, have = 0;
    const data: Scalar[] = [];
    for (const x of src.data) { // little-endian: lane 0 in the low bits
      acc |= toBits(x, src.elementType) << BigInt(have);
      for (have += wi; have >= wo; have -= wo, acc >>= BigInt(wo)) data.push(fromBits(BigInt.asUintN(wo, acc), t.elementType));
    }
    return [new TensorValue(t.shape, t.elementType, data)];
  },
  "vector.from_elements": (_i, op, args) => [new TensorValue(vt(op.results[0].type).shape, vt(op.results[0].type).elementType, args as Scalar[])],
  "vector.step": (_i, op) => [build(vt(op.results[0].type), ([i]) => i)],
};
