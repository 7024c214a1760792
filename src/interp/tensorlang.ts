// tensorlang: first-class tensors, executed directly on TensorValues. Per-element order and
// rounding follow --convert-tensorlang-to-linalg (accumulators start at 0 / -inf and add in
// increasing index order), so the interpreter agrees with the lowered program.
import { DenseElementsAttr, StringAttr } from "../ir/attributes.js";
import type { Operation, Value } from "../ir/core.js";
import { FLOAT_UNARY_OPS, LinearTensorType, UNKNOWN, tensorShape } from "../dialects/tensorlang.js";
import { readAll } from "./memref.js";
import { FloatType, i64, Type } from "../ir/types.js";
import { mathSemantics } from "../dialects/math.js";
import { roundFloat } from "../ir/float.js";
import { formatTensor } from "./format.js";
import type { HandlerTable, Interpreter, OpHandler } from "./interpreter.js";
import { constantValue, denseValue, floatBinary, intBinary } from "./arith.js";
import { MemRefValue, TensorValue, Trap, forEachIndex, fromBig, intWidthOf, rowMajor, zeroOf, type RtValue, type Scalar } from "./values.js";
import { asTensor } from "./vector.js";
import { intAttr, intList } from "./util.js";

const isF = (t: Type): t is FloatType => t instanceof FloatType;
function bin(fname: string, iname: string, a: Scalar, b: Scalar, t: Type): Scalar {
  return isF(t) ? floatBinary(fname, a as number, b as number, t) : intBinary(iname, a, b, t);
}

/** Elementwise binary op; operands of one type whose `?` sizes differ at run time are an error, as in the lowered program. */
const binary = (fname: string, iname: string): OpHandler => (_i, op, [a, b]) => {
  const x = asTensor(a), y = asTensor(b);
  if (x.shape.join() !== y.shape.join()) throw new Trap(`${op.name}: shapes ${x.shape.join("x")} and ${y.shape.join("x")} do not agree`);
  const t = x.elementType;
  return [new TensorValue(x.shape, t, x.data.map((v, i) => bin(fname, iname, v, y.data[i], t)))];
};

const unary = (f: (v: Scalar, t: Type) => Scalar): OpHandler => (_i, _op, [a]) => {
  const x = asTensor(a);
  return [new TensorValue(x.shape, x.elementType, x.data.map((v) => f(v, x.elementType)))];
};
const mathUnary = (name: string) => unary((v, t) => roundFloat(mathSemantics(name)!(v as number), t));
/** 1 / (1 + exp(-x)), rounded after each step as the lowered linalg.generic computes it. */
const sigmoid = (x: number, t: FloatType) => floatBinary("arith.divf", 1, floatBinary("arith.addf", roundFloat(mathSemantics("math.exp")!(-x), t), 1, t), t);
/** |x|; the most negative integer stays itself (math.absi wraps). */
const abs = (v: Scalar, t: Type): Scalar => (isF(t) ? Math.abs(v as number) : v < 0 ? intBinary("arith.subi", zeroOf(t), v, t) : v);

/** `x` repeated along the result's leading dimensions (static, or symbolic: sized from the arguments). */
function broadcast(interp: Interpreter, op: Operation, x: TensorValue): TensorValue {
  const dims = tensorShape(op.result.type)!.dims, lead = dims.length - x.rank;
  const shape = dims.map((d, i) => (i >= lead ? x.shape[i - lead] : typeof d === "number" && d >= 0 ? d : symbolicDim(interp, op, String(d))));
  dims.forEach((d, i) => {
    if (i >= lead && typeof d === "number" && d >= 0 && d !== shape[i]) throw new Trap(`tensorlang.broadcast: operand dimension ${i - lead} is ${shape[i]}, the result's is ${d}`);
  });
  const out: Scalar[] = [];
  forEachIndex(shape, (idx) => out.push(x.data[rowMajor(x.shape, idx.slice(lead))]));
  return new TensorValue(shape, x.elementType, out);
}

/** The same elements under the result's shape; a `?` size is the count over the other sizes' product (as the lowering computes it). */
function reshape(interp: Interpreter, op: Operation, x: TensorValue): TensorValue {
  const sizes = tensorShape(op.result.type)!.dims.map((d) => (typeof d === "number" ? d : d === UNKNOWN ? undefined : symbolicDim(interp, op, d)));
  const n = x.data.length, known = sizes.reduce((p: number, d) => p * (d ?? 1), 1);
  const shape = sizes.map((d) => d ?? Math.floor(n / Math.max(known, 1)));
  if (shape.reduce((p, d) => p * d, 1) !== n) throw new Trap(`tensorlang.reshape: ${x.shape.join("x")} (${n} elements) cannot be reshaped to ${shape.join("x")}`);
  return new TensorValue(shape, x.elementType, x.data);
}

function matmul(a: TensorValue, b: TensorValue): TensorValue {
  const [m, k] = a.shape, [k2, n] = b.shape;
  if (a.rank !== 2 || b.rank !== 2 || k !== k2) throw new Trap(`tensorlang.matmul: shapes ${a.shape.join("x")} and ${b.shape.join("x")} do not agree`);
  const t = a.elementType;
  const out = new Array<Scalar>(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let acc = zeroOf(t);
      for (let p = 0; p < k; p++) acc = bin("arith.addf", "arith.addi", acc, bin("arith.mulf", "arith.muli", a.data[i * k + p], b.data[p * n + j], t), t);
      out[i * n + j] = acc;
    }
  }
  return new TensorValue([m, n], t, out);
}

/** Reduces along `axis` (dropping it) with `f`, starting from `init`, in index order. */
function reduceAxis(x: TensorValue, axis: number, init: Scalar, f: (acc: Scalar, v: Scalar) => Scalar): TensorValue {
  if (axis < 0) axis += x.rank;
  if (axis < 0 || axis >= x.rank) throw new Trap(`reduction axis ${axis} out of range for rank ${x.rank}`);
  const shape = x.shape.filter((_, d) => d !== axis);
  const out = new Array<Scalar>(shape.reduce((p, q) => p * q, 1)).fill(init);
  forEachIndex(x.shape, (idx) => {
    const o = rowMajor(shape, idx.filter((_, d) => d !== axis));
    out[o] = f(out[o], x.data[rowMajor(x.shape, idx)]);
  });
  return new TensorValue(shape, x.elementType, out);
}

const axisOf = (op: Operation) => intAttr(op, "axis") ?? 0;
/** The lowest value of t (the lowering's reduce_max init): -inf, or the signed minimum. */
const lowest = (t: Type): Scalar => (isF(t) ? -Infinity : fromBig(-(1n << BigInt(intWidthOf(t) - 1)), t));

function softmax(x: TensorValue, axis: number): TensorValue {
  const t = x.elementType;
  if (!isF(t)) throw new Trap("tensorlang.softmax needs a float tensor");
  if (axis < 0) axis += x.rank;
  const m = reduceAxis(x, axis, -Infinity, (a, v) => floatBinary("arith.maximumf", a as number, v as number, t));
  const shape = x.shape.filter((_, d) => d !== axis);
  const e = new Array<number>(x.data.length);
  forEachIndex(x.shape, (idx) => {
    const i = rowMajor(x.shape, idx);
    const mi = m.data[rowMajor(shape, idx.filter((_, d) => d !== axis))] as number;
    e[i] = roundFloat(Math.exp(floatBinary("arith.subf", x.data[i] as number, mi, t)), t);
  });
  const s = reduceAxis(new TensorValue(x.shape, t, e), axis, 0, (a, v) => floatBinary("arith.addf", a as number, v as number, t));
  const out = new Array<number>(e.length);
  forEachIndex(x.shape, (idx) => {
    const i = rowMajor(x.shape, idx);
    out[i] = floatBinary("arith.divf", e[i], s.data[rowMajor(shape, idx.filter((_, d) => d !== axis))] as number, t);
  });
  return new TensorValue(x.shape, t, out);
}

function transpose(x: TensorValue, perm: number[] | undefined): TensorValue {
  const p = perm ?? x.shape.map((_, d) => x.rank - 1 - d);
  const shape = p.map((d) => x.shape[d]);
  const out: Scalar[] = [];
  forEachIndex(shape, (idx) => {
    const src = new Array<number>(idx.length);
    p.forEach((d, i) => (src[d] = idx[i]));
    out.push(x.data[rowMajor(x.shape, src)]);
  });
  return new TensorValue(shape, x.elementType, out);
}

/**
 * The run-time size of a symbolic dimension: as --convert-tensorlang-to-linalg does, the
 * size of the first function argument (or earlier value in the block) whose linear type names
 * it; else a value given in the run's options.
 */
function symbolicDim(interp: Interpreter, op: Operation, name: string): number {
  let fn: Operation | null = op.parentOp;
  while (fn && fn.name !== "func.func") fn = fn.parentOp;
  const candidates: Value[] = fn && fn.regions[0]?.blocks[0] ? [...fn.regions[0].blocks[0].args] : [];
  for (const o of op.parent?.ops ?? []) { if (o === op) break; candidates.push(...o.results); }
  for (const v of candidates) {
    const d = v.type instanceof LinearTensorType ? v.type.dims.indexOf(name) : -1;
    if (d < 0) continue;
    const x = interp.get(v);
    if (x instanceof TensorValue) return x.shape[d];
    if (x instanceof MemRefValue) return x.sizes[d];
  }
  return interp.symbolValue(name);
}

function assertOp(interp: Interpreter, op: Operation, cond: RtValue): RtValue[] {
  if (cond !== 0 && cond !== 0n) return [];
  const loc = intAttr(op, "loc") ?? intAttr(op, "id") ?? op.loc?.line ?? 0;
  interp.callHostByName("tensorlang_assert_fail", [BigInt(loc)], { argTypes: [i64], resultTypes: [] });
  return [];
}

/**
 * The handler with its results' sizes checked against the static sizes of their types: a `?`
 * operand size decides them at run time, and the lowered program stops there (checkResultSizes).
 */
const sized = (h: OpHandler): OpHandler => (interp, op, args) => {
  const out = h(interp, op, args);
  out.forEach((v, r) => {
    const dims = tensorShape(op.results[r].type)?.dims ?? [];
    if (!(v instanceof TensorValue)) return;
    dims.forEach((d, i) => {
      if (typeof d === "number" && d !== v.shape[i]) throw new Trap(`${op.name}: result dimension ${i} is ${v.shape[i]}, its type says ${d}`);
    });
  });
  return out;
};

export const TENSORLANG: HandlerTable = {
  "tensorlang.constant": (_i, op) => {
    const a = op.attr("value");
    if (!(a instanceof DenseElementsAttr)) return [constantValue(op)];
    return [denseValue(a, a.type)];
  },
  "tensorlang.matmul": sized((_i, _op, [a, b]) => [matmul(asTensor(a), asTensor(b))]),
  // After --bufferize the operand is a memref: same output.
  "tensorlang.print": (interp, _op, [a]) => {
    const x = a instanceof MemRefValue ? new TensorValue(a.sizes, a.elementType, readAll(interp, a)) : asTensor(a);
    interp.ctx.stdout(formatTensor(x.shape, x.elementType.str, x.data));
    return [];
  },
  "tensorlang.assert": (interp, op, [c]) => assertOp(interp, op, c),
  "tensorlang.symbolic_dim": (interp, op) => {
    const a = op.attr("name");
    if (!(a instanceof StringAttr)) throw new Trap("tensorlang.symbolic_dim without a name");
    return [symbolicDim(interp, op, a.value)];
  },
  // Tensors are immutable values, so both uses may share one.
  "tensorlang.copy": (_i, op, [a]) => op.results.map(() => a),
  "tensorlang.add": binary("arith.addf", "arith.addi"),
  "tensorlang.sub": binary("arith.subf", "arith.subi"),
  "tensorlang.mul": binary("arith.mulf", "arith.muli"),
  "tensorlang.div": binary("arith.divf", "arith.divsi"),
  "tensorlang.max": binary("arith.maximumf", "arith.maxsi"),
  "tensorlang.relu": unary((v, t) => bin("arith.maximumf", "arith.maxsi", v, zeroOf(t), t)),
  "tensorlang.abs": unary(abs),
  ...Object.fromEntries(Object.entries(FLOAT_UNARY_OPS).map(([n, f]) => [n, f === "arith.negf" ? unary((v) => -(v as number)) : mathUnary(f)])),
  "tensorlang.rsqrt": unary((v, t) => floatBinary("arith.divf", 1, roundFloat(Math.sqrt(v as number), t), t)),
  "tensorlang.sigmoid": unary((v, t) => sigmoid(v as number, t as FloatType)),
  "tensorlang.broadcast": (interp, op, [a]) => [broadcast(interp, op, asTensor(a))],
  "tensorlang.reshape": (interp, op, [a]) => [reshape(interp, op, asTensor(a))],
  "tensorlang.transpose": sized((_i, op, [a]) => [transpose(asTensor(a), intList(op, "perm") ?? intList(op, "permutation"))]),
  "tensorlang.reduce_sum": sized((_i, op, [a]) => {
    const x = asTensor(a), t = x.elementType;
    return [reduceAxis(x, axisOf(op), zeroOf(t), (acc, v) => bin("arith.addf", "arith.addi", acc, v, t))];
  }),
  "tensorlang.reduce_max": sized((_i, op, [a]) => {
    const x = asTensor(a), t = x.elementType;
    return [reduceAxis(x, axisOf(op), lowest(t), (acc, v) => bin("arith.maximumf", "arith.maxsi", acc, v, t))];
  }),
  "tensorlang.reduce_mean": sized((_i, op, [a]) => {
    const x = asTensor(a), t = x.elementType, ax = axisOf(op), n = roundFloat(x.shape[ax], t);
    const s = reduceAxis(x, ax, 0, (acc, v) => floatBinary("arith.addf", acc as number, v as number, t));
    return [new TensorValue(s.shape, t, s.data.map((v) => floatBinary("arith.divf", v as number, n, t)))];
  }),
  "tensorlang.softmax": (_i, op, [a]) => [softmax(asTensor(a), axisOf(op))],
};
