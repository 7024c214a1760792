// vector: vectors are TensorValues (row-major). Loads/stores read the trailing dimensions of
// a memref starting at the given indices; reductions run in order (LLVM's ordered reduce, a float
// <add> from +0.0 without an accumulator).
import type { Operation } from "../ir/core.js";
import { FloatType, IndexType, Type, VectorType } from "../ir/types.js";
import { KIND_TO_ARITH, PUNCTUATION_CALLS, maskDims, permutationMap, printPunctuation, reductionKind } from "../dialects/vector.js";
import type { StringAttr } from "../ir/attributes.js";
import { formatG } from "./format.js";
import { fusedMultiplyAdd } from "../ir/float.js";
import type { HandlerTable, Interpreter } from "./interpreter.js";
import { elementwise, floatBinary, intBinary } from "./arith.js";
import { asMemRef } from "./memref.js";
import { checkIndex, loadElement, storeElement } from "./memory.js";
import { MemRefValue, TensorValue, Trap, elementTypeOf, forEachIndex, numElements, rowMajor, shapedInfo, type RtValue, type Scalar } from "./values.js";
import { intList, mixed, segments } from "./util.js";

function vecShape(t: Type): { shape: readonly number[]; elementType: Type } {
  const info = shapedInfo(t);
  if (!info) throw new Trap(`expected a vector type, got ${t.str}`);
  return info;
}
export function asTensor(v: RtValue, what = "operand"): TensorValue {
  if (!(v instanceof TensorValue)) throw new Trap(`${what} is not a vector or tensor`);
  return v;
}

/**
 * Under --check-bounds, a 1-D vector access is checked once, from `base` over its lanes (as the
 * wasm engine reports it); true when a wider vector's elements are to be checked one by one.
 */
function checkVector(interp: Interpreter, m: MemRefValue, base: readonly number[], shape: readonly number[]): boolean {
  if (!interp.options.checkBounds) return false;
  if (shape.length !== 1) return true;
  checkIndex(m, base, shape[0]);
  return false;
}

/** Reads a vector of type t from m at `base` (the vector spans m's trailing dimensions). */
export function vectorLoad(interp: Interpreter, m: MemRefValue, base: readonly number[], t: Type): TensorValue {
  const { shape, elementType } = vecShape(t);
  const lead = base.length - shape.length;
  const data: Scalar[] = [];
  const idx = [...base];
  const each = checkVector(interp, m, base, shape);
  forEachIndex(shape, (k) => {
    for (let d = 0; d < k.length; d++) idx[lead + d] = base[lead + d] + k[d];
    if (each) checkIndex(m, idx);
    data.push(loadElement(interp.heap, m, idx));
  });
  return new TensorValue(shape, elementType, data);
}

export function vectorStore(interp: Interpreter, m: MemRefValue, base: readonly number[], v: RtValue): void {
  const vec = asTensor(v);
  const lead = base.length - vec.rank;
  const idx = [...base];
  let i = 0;
  const each = checkVector(interp, m, base, vec.shape);
  forEachIndex(vec.shape, (k) => {
    for (let d = 0; d < k.length; d++) idx[lead + d] = base[lead + d] + k[d];
    if (each) checkIndex(m, idx);
    storeElement(interp.heap, m, idx, vec.data[i++]);
  });
}

/**
 * Visits a transfer's vector elements in row-major order with the memref index each one maps
 * to through the permutation map (a broadcast dimension adds nothing), or undefined where that
 * index is out of bounds or the mask lane is false: MLIR reads the padding there and writes nothing.
 * The mask is in memref order (a permuted transfer's mask is transposed; broadcast dimensions have none).
 */
function forEachTransferLane(op: Operation, m: MemRefValue, base: readonly number[], shape: readonly number[],
                             mask: RtValue | undefined, fn: (idx: number[] | undefined) => void): void {
  const map = permutationMap(op), pm = map.results, md = maskDims(map), ms = md.map((j) => shape[j]);
  const maskData = mask === undefined ? undefined : asTensor(mask, "mask").data;
  forEachIndex(shape, (k) => {
    const idx = [...base];
    pm.forEach((r, j) => { if (r.kind === "dim") idx[r.pos] += k[j]; });
    const on = (maskData === undefined || Number(maskData[rowMajor(ms, md.map((j) => k[j]))]) !== 0) && idx.every((x, d) => x >= 0 && x < m.sizes[d]);
    fn(on ? idx : undefined);
  });
}

/** Numpy-style broadcast of a scalar or lower-rank vector to `shape`. */
export function broadcastTo(src: RtValue, shape: readonly number[], elementType: Type): TensorValue {
  if (!(src instanceof TensorValue)) return TensorValue.filled(shape, elementType, src as Scalar);
  const off = shape.length - src.rank;
  const data: Scalar[] = [];
  forEachIndex(shape, (idx) => {
    const s = src.shape.map((n, d) => (n === 1 ? 0 : idx[off + d]));
    data.push(src.data[rowMajor(src.shape, s)]);
  });
  return new TensorValue(shape, elementType, data);
}

/** Combines two values with a vector combining kind. */
export function combine(kind: string, a: Scalar, b: Scalar, et: Type): Scalar {
  const names = KIND_TO_ARITH[kind as keyof typeof KIND_TO_ARITH];
  if (!names) throw new Trap(`unsupported combining kind ${kind}`);
  if (et instanceof FloatType) {
    if (!names.float) throw new Trap(`combining kind ${kind} needs integers`);
    return floatBinary(names.float, a as number, b as number, et);
  }
  if (!names.int) throw new Trap(`combining kind ${kind} needs floats`);
  return intBinary(names.int, a, b, et);
}

/** Positions of vector.extract/insert: static_position with dynamic operands merged in. */
function position(op: Operation, dyn: readonly RtValue[]): number[] {
  return mixed(intList(op, "static_position") ?? [], dyn.map(Number));
}

/** The sub-block of `v` at a leading-index position: [start, count, shape]. */
function slot(v: TensorValue, pos: readonly number[]): [number, number, number[]] {
  const rest = v.shape.slice(pos.length);
  const count = numElements(rest);
  for (let d = 0; d < pos.length; d++) if (pos[d] < 0 || pos[d] >= v.shape[d]) throw new Trap(`vector position [${pos.join(", ")}] out of range`);
  return [rowMajor(v.shape.slice(0, pos.length), pos) * count, count, rest];
}

/** `( 1, 2 )`, nested per dimension, or a scalar, as runner-utils prints them. */
function vectorText(v: RtValue, t: Type): string {
  const et = elementTypeOf(t);
  // index prints as unsigned 64-bit, as MLIR's lowering prints it (printU64)
  const fmt = (x: Scalar) => (et instanceof FloatType ? formatG(Number(x)) : et instanceof IndexType ? BigInt.asUintN(64, BigInt(x)).toString() : String(x));
  if (!(v instanceof TensorValue)) return fmt(v as Scalar);
  const rec = (d: number, off: number): string => {
    if (d === v.rank) return fmt(v.data[off]);
    const stride = numElements(v.shape.slice(d + 1));
    const parts = Array.from({ length: v.shape[d] }, (_, i) => rec(d + 1, off + i * stride));
    return "( " + parts.join(", ") + " )";
  };
  return rec(0, 0);
}

/** A string as it is; else the value, if any, then the punctuation through runner-utils, as MLIR lowers it. */
function print(interp: Interpreter, op: Operation, v: RtValue | undefined): void {
  const str = op.attr<StringAttr>("stringLiteral");
  if (str) { interp.ctx.stdout(str.value); return; }
  if (v !== undefined) interp.ctx.stdout(vectorText(v, op.operands[0].type));
  const call = PUNCTUATION_CALLS[printPunctuation(op)];
  if (call) interp.callHostByName(call, [], { argTypes: [], resultTypes: [] });
}

/** MLIR lowers a float <add> reduction without accumulator to LLVM's ordered fadd from +0.0
 * (not -0.0): a vector of -0.0 sums to +0.0. */
export function floatAddStart(kind: string, et: Type): Scalar | undefined {
  return kind === "add" && et instanceof FloatType ? 0 : undefined;
}

export const VECTOR: HandlerTable = {
  "vector.load": (interp, op, [m, ...idx]) => [vectorLoad(interp, asMemRef(m), idx.map(Number), op.results[0].type)],
  "vector.store": (interp, _op, [v, m, ...idx]) => { vectorStore(interp, asMemRef(m), idx.map(Number), v); return []; },
  "vector.broadcast": (_i, op, [s]) => { const { shape, elementType } = vecShape(op.results[0].type); return [broadcastTo(s, shape, elementType)]; },
  "vector.splat": (_i, op, [s]) => { const { shape, elementType } = vecShape(op.results[0].type); return [broadcastTo(s, shape, elementType)]; },
  "vector.fma": (_i, op, args) => {
    const et = elementTypeOf(op.results[0].type);
    return [elementwise(op.results[0].type, args, ([a, b, c]) => fusedMultiplyAdd(a as number, b as number, c as number, et))];
  },
  "vector.reduction": (_i, op, [v, acc]) => {
    const vec = asTensor(v), kind = reductionKind(op), et = vec.elementType;
    let r: Scalar | undefined = acc as Scalar | undefined ?? floatAddStart(kind, et);
    for (const x of vec.data) r = r === undefined ? x : combine(kind, r, x, et);
    if (r === undefined) throw new Trap("vector.reduction of an empty vector");
    return [r];
  },
  "vector.extract": (_i, op, [v, ...dyn]) => {
    const vec = asTensor(v);
    const [start, count, rest] = slot(vec, position(op, dyn));
    return [rest.length === 0 && !(op.results[0].type instanceof VectorType) ? vec.data[start] : new TensorValue(rest, vec.elementType, vec.data.slice(start, start + count))];
  },
  "vector.insert": (_i, op, [s, d, ...dyn]) => {
    const dest = asTensor(d);
    const [start, count] = slot(dest, position(op, dyn));
    const data = [...dest.data];
    if (s instanceof TensorValue) for (let i = 0; i < count; i++) data[start + i] = s.data[i];
    else data[start] = s as Scalar;
    return [new TensorValue(dest.shape, dest.elementType, data)];
  },
  "vector.extractelement": (_i, _op, [v, i]) => [asTensor(v).data[i === undefined ? 0 : Number(i)]],
  "vector.insertelement": (_i, _op, [s, v, i]) => {
    const vec = asTensor(v), data = [...vec.data];
    data[i === undefined ? 0 : Number(i)] = s as Scalar;
    return [new TensorValue(vec.shape, vec.elementType, data)];
  },
  "vector.shape_cast": (_i, op, [v]) => [new TensorValue(vecShape(op.results[0].type).shape, asTensor(v).elementType, asTensor(v).data)],
  "vector.print": (interp, op, [v]) => { print(interp, op, v); return []; },
  "vector.transfer_read": (interp, op, args) => {
    const m = asMemRef(args[0]);
    const [, n] = segments(op, [1, m.rank, 1, 0]);
    const base = args.slice(1, 1 + n).map(Number), pad = args[1 + n] as Scalar;
    const { shape, elementType } = vecShape(op.results[0].type);
    const data: Scalar[] = [];
    forEachTransferLane(op, m, base, shape, args[2 + n], (idx) => { data.push(idx ? loadElement(interp.heap, m, idx) : pad); });
    return [new TensorValue(shape, elementType, data)];
  },
  "vector.transfer_write": (interp, op, args) => {
    const vec = asTensor(args[0]), m = asMemRef(args[1]);
    const base = args.slice(2, 2 + m.rank).map(Number);
    let i = 0;
    forEachTransferLane(op, m, base, vec.shape, args[2 + m.rank], (idx) => { const v = vec.data[i++]; if (idx) storeElement(interp.heap, m, idx, v); });
    return [];
  },
};
