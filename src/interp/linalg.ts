// linalg on tensors or memrefs. Every op iterates its loop domain in row-major order (the
// order --convert-linalg-to-loops produces), so float results match the lowered program bit
// for bit. Named ops are computed directly with the same per-element body as their MLIR
// definitions (e.g. matmul: out + a * b, each rounded to the element type).
import { AffineMapAttr, ArrayAttr } from "../ir/attributes.js";
import type { AffineMap } from "../ir/affine.js";
import type { Operation } from "../ir/core.js";
import { FloatType, IndexType, IntegerType, Type } from "../ir/types.js";
import { mathSemantics } from "../dialects/math.js";
import { NAMED_OPS, followsDefinition, indexingMaps } from "../dialects/linalg-info.js";
import { castValue } from "../dialects/arith.js";
import { largestFinite, roundFloat } from "../ir/float.js";
import type { HandlerTable, Interpreter, OpHandler } from "./interpreter.js";
import { floatBinary, intBinary } from "./arith.js";
import { checkIndex, loadElement, storeElement } from "./memory.js";
import { MemRefValue, TensorValue, Trap, canon, forEachIndex, rowMajor, toBig, type RtValue, type Scalar } from "./values.js";
import { intAttr, intList, segments, split } from "./util.js";

/** Uniform element access to a tensor (copied when written) or a memref. */
class View {
  private data?: Scalar[];
  constructor(private readonly interp: Interpreter, readonly value: RtValue, writable: boolean, private readonly type: Type) {
    if (value instanceof TensorValue) { if (writable) this.data = [...value.data]; }
    else if (!(value instanceof MemRefValue) && writable) throw new Trap("linalg output is neither a tensor nor a memref");
  }
  get shape(): readonly number[] {
    return this.value instanceof TensorValue ? this.value.shape : this.value instanceof MemRefValue ? this.value.sizes : [];
  }
  get elementType(): Type { return this.value instanceof TensorValue || this.value instanceof MemRefValue ? this.value.elementType : this.type; }
  get(idx: readonly number[]): Scalar {
    if (typeof this.value === "number" || typeof this.value === "bigint") return this.value;
    if (this.value instanceof TensorValue) return (this.data ?? this.value.data)[rowMajor(this.value.shape, idx)];
    const m = this.value as MemRefValue;
    if (this.interp.options.checkBounds) checkIndex(m, idx);
    return loadElement(this.interp.heap, m, idx);
  }
  set(idx: readonly number[], v: Scalar): void {
    if (this.value instanceof TensorValue) { this.data![rowMajor(this.value.shape, idx)] = v; return; }
    const m = this.value as MemRefValue;
    if (this.interp.options.checkBounds) checkIndex(m, idx);
    storeElement(this.interp.heap, m, idx, v);
  }
  /** The op's result for this output: a new tensor, or nothing for memrefs. */
  result(): TensorValue | undefined {
    return this.value instanceof TensorValue ? new TensorValue(this.value.shape, this.value.elementType, this.data!) : undefined;
  }
}

function insOuts(interp: Interpreter, op: Operation, args: RtValue[]): { ins: View[]; outs: View[] } {
  const nOuts = op.results.length || 1;
  const [ins, outs] = split(args, segments(op, [args.length - nOuts, nOuts]));
  const types = op.operands.map((v) => v.type);
  return { ins: ins.map((v, k) => new View(interp, v, false, types[k])), outs: outs.map((v, k) => new View(interp, v, true, types[ins.length + k])) };
}
const results = (outs: View[]): RtValue[] => outs.map((o) => o.result()).filter((r): r is TensorValue => r !== undefined);

/** Converts an input element to the output element type (named ops cast inputs first). */
function toType(v: Scalar, from: Type, to: Type): Scalar {
  if (from === to) return v;
  const fi = from instanceof IntegerType || from instanceof IndexType, ti = to instanceof IntegerType || to instanceof IndexType;
  if (fi && to instanceof FloatType) return canon(castValue("arith.sitofp", toBig(v, from), from, to), to);
  if (from instanceof FloatType && to instanceof FloatType) return roundFloat(Number(v), to);
  if (fi && ti) return canon(toBig(v, from), to);
  if (from instanceof FloatType && ti) return canon(castValue("arith.fptosi", v, from, to), to);
  return v;
}
const add = (a: Scalar, b: Scalar, t: Type) => (t instanceof FloatType ? floatBinary("arith.addf", a as number, b as number, t) : intBinary("arith.addi", a, b, t));
const mul = (a: Scalar, b: Scalar, t: Type) => (t instanceof FloatType ? floatBinary("arith.mulf", a as number, b as number, t) : intBinary("arith.muli", a, b, t));

/**
 * erf (JS has none): the complementary error function by its continued-fraction/Chebyshev
 * expansion (Numerical Recipes erfc, |relative error| < 1.2e-7), enough for f32 except in the
 * last bit now and then; f64 programs see the same ~7 digits.
 */
function erf(x: number): number {
  const z = Math.abs(x), t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - r : r - 1;
}

/** Indices of the enclosing linalg.generic iterations (for linalg.index). */
const indexStack: number[][] = [];

/** Runs the op's body at every point of its loop domain (linalg.generic, and named ops whose maps say all: convolutions, pooling). */
function generic(interp: Interpreter, op: Operation, args: RtValue[], maps: readonly AffineMap[] = (op.attr<ArrayAttr>("indexing_maps")?.items ?? []).map((a) => (a as AffineMapAttr).map)): RtValue[] {
  const { ins, outs } = insOuts(interp, op, args);
  const views = [...ins, ...outs];
  if (maps.length !== views.length) throw new Trap(`${op.name}: ${maps.length} indexing maps for ${views.length} operands`);
  const bounds = loopBounds(maps, views.map((v) => v.shape));
  const body = op.regions[0];
  indexStack.push([]);
  try {
    forEachIndex(bounds, (ivs) => {
      interp.tick();
      indexStack[indexStack.length - 1] = ivs;
      const points = maps.map((m) => m.eval(ivs));
      const vals = views.map((v, k) => v.get(points[k]));
      const ys = interp.yieldOf(body, vals);
      outs.forEach((o, k) => o.set(points[ins.length + k], ys[k] as Scalar));
    });
  } finally {
    indexStack.pop();
  }
  return results(outs);
}

/** Loop sizes: each loop dim d takes the size of the first operand dim indexed by exactly d. */
function loopBounds(maps: readonly AffineMap[], shapes: readonly (readonly number[])[]): number[] {
  const n = maps[0]?.numDims ?? 0;
  const bounds = new Array<number>(n).fill(-1);
  maps.forEach((m, k) => m.results.forEach((e, r) => { if (e.kind === "dim" && bounds[e.pos] < 0) bounds[e.pos] = shapes[k][r]; }));
  if (bounds.some((b) => b < 0)) throw new Trap("linalg: cannot infer the loop bounds from the indexing maps");
  return bounds;
}

/** Elementwise named op: out[idx] = f(ins[idx]...). */
function elementwiseOp(f: (xs: Scalar[], t: Type) => Scalar): OpHandler {
  return (interp, op, args) => {
    const { ins, outs } = insOuts(interp, op, args);
    const out = outs[0], t = out.elementType;
    forEachIndex(out.shape, (idx) => out.set(idx, f(ins.map((v) => toType(v.get(idx), v.elementType, t)), t)));
    return results(outs);
  };
}
const floatUnary = (name: string) => elementwiseOp(([a], t) => roundFloat(mathSemantics(name)!(a as number), t));
const binary = (fname: string, iname?: string) => elementwiseOp(([a, b], t) => {
  if (t instanceof FloatType) return floatBinary(fname, a as number, b as number, t);
  if (!iname) throw new Trap(`${fname} needs float operands`);
  return intBinary(iname, a, b, t);
});

/** Contraction: for every point of `dims`, out[o(p)] = out[o(p)] + a[a(p)] * b[b(p)]. */
function contraction(dims: (ins: View[], out: View) => number[], ia: (p: number[]) => number[], ib: (p: number[]) => number[], io: (p: number[]) => number[]): OpHandler {
  return (interp, op, args) => {
    const { ins, outs } = insOuts(interp, op, args);
    const [A, B] = ins, C = outs[0], t = C.elementType;
    forEachIndex(dims(ins, C), (p) => {
      const o = io(p);
      const prod = mul(toType(A.get(ia(p)), A.elementType, t), toType(B.get(ib(p)), B.elementType, t), t);
      C.set(o, add(C.get(o), prod, t));
    });
    return results(outs);
  };
}

const HANDLED: HandlerTable = {
  "linalg.generic": (interp, op, args) => generic(interp, op, args),
  "linalg.index": (_i, op) => {
    const ivs = indexStack[indexStack.length - 1];
    const d = intAttr(op, "dim") ?? 0;
    if (!ivs) throw new Trap("linalg.index outside a linalg op");
    return [ivs[d]];
  },
  "linalg.fill": (interp, op, args) => {
    const { ins, outs } = insOuts(interp, op, args);
    const v = ins[0].value as Scalar;
    for (const o of outs) forEachIndex(o.shape, (idx) => o.set(idx, toType(v, op.operands[0].type, o.elementType)));
    return results(outs);
  },
  "linalg.copy": elementwiseOp(([a]) => a),
  "linalg.matmul": contraction((ins, out) => [out.shape[0], out.shape[1], ins[0].shape[1]], ([i, , k]) => [i, k], ([, j, k]) => [k, j], ([i, j]) => [i, j]),
  "linalg.batch_matmul": contraction((ins, out) => [...out.shape, ins[0].shape[2]], ([b, i, , k]) => [b, i, k], ([b, , j, k]) => [b, k, j], ([b, i, j]) => [b, i, j]),
  "linalg.matvec": contraction((ins) => [ins[0].shape[0], ins[0].shape[1]], ([i, j]) => [i, j], ([, j]) => [j], ([i]) => [i]),
  "linalg.vecmat": contraction((ins) => [ins[1].shape[0], ins[1].shape[1]], ([i]) => [i], ([i, j]) => [i, j], ([, j]) => [j]),
  "linalg.dot": contraction((ins) => [ins[0].shape[0]], ([i]) => [i], ([i]) => [i], () => []),
  "linalg.add": binary("arith.addf", "arith.addi"),
  "linalg.sub": binary("arith.subf", "arith.subi"),
  "linalg.mul": binary("arith.mulf", "arith.muli"),
  "linalg.div": binary("arith.divf", "arith.divsi"),
  "linalg.max": binary("arith.maximumf", "arith.maxsi"),
  "linalg.div_unsigned": binary("arith.divf", "arith.divui"),
  "linalg.powf": elementwiseOp(([a, b], t) => roundFloat(mathSemantics("math.powf")!(a as number, b as number), t)),
  "linalg.erf": elementwiseOp(([a], t) => roundFloat(erf(a as number), t)),
  "linalg.min": binary("arith.minimumf", "arith.minsi"),
  "linalg.exp": floatUnary("math.exp"),
  "linalg.log": floatUnary("math.log"),
  "linalg.abs": floatUnary("math.absf"),
  "linalg.ceil": floatUnary("math.ceil"),
  "linalg.floor": floatUnary("math.floor"),
  "linalg.sqrt": floatUnary("math.sqrt"),
  "linalg.rsqrt": floatUnary("math.rsqrt"),
  "linalg.tanh": floatUnary("math.tanh"),
  "linalg.round": floatUnary("math.round"),
  "linalg.negf": elementwiseOp(([a]) => -(a as number)),
  "linalg.reciprocal": elementwiseOp(([a], t) => roundFloat(1 / (a as number), t)),
  "linalg.square": elementwiseOp(([a], t) => mul(a, a, t)),
  "linalg.transpose": (interp, op, args) => {
    const { ins, outs } = insOuts(interp, op, args);
    const perm = intList(op, "permutation") ?? [];
    const out = outs[0];
    forEachIndex(out.shape, (idx) => {
      const src = new Array<number>(idx.length);
      perm.forEach((p, i) => (src[p] = idx[i]));
      out.set(idx, ins[0].get(src));
    });
    return results(outs);
  },
  // As its decomposition computes it (lowering-linalg.ts): bit for bit what the engines' loops give.
  "linalg.softmax": (interp, op, args) => {
    const { ins: [x], outs: [out] } = insOuts(interp, op, args), t = x.elementType, d = intAttr(op, "dimension")!;
    if (!(t instanceof FloatType)) throw new Trap(`linalg.softmax on '${t.str}' elements: only float elements are computed`);
    const key = (idx: readonly number[]) => rowMajor(x.shape.filter((_, k) => k !== d), idx.filter((_, k) => k !== d));
    const n = x.shape.reduce((a, b) => a * b, 1) / Math.max(1, x.shape[d]);
    const max = new Array<number>(n).fill(-largestFinite(t)), sum = new Array<number>(n).fill(0);
    const exp = mathSemantics("math.exp")!;
    forEachIndex(x.shape, (idx) => { const k = key(idx); max[k] = floatBinary("arith.maxnumf", x.get(idx) as number, max[k], t); });
    forEachIndex(x.shape, (idx) => out.set(idx, roundFloat(exp(floatBinary("arith.subf", x.get(idx) as number, max[key(idx)], t)), t)));
    forEachIndex(x.shape, (idx) => { const k = key(idx); sum[k] = floatBinary("arith.addf", out.get(idx) as number, sum[k], t); });
    forEachIndex(x.shape, (idx) => out.set(idx, floatBinary("arith.divf", out.get(idx) as number, sum[key(idx)], t)));
    return results([out]);
  },
  "linalg.broadcast": (interp, op, args) => {
    const { ins, outs } = insOuts(interp, op, args);
    const dims = new Set(intList(op, "dimensions") ?? []);
    forEachIndex(outs[0].shape, (idx) => outs[0].set(idx, ins[0].get(idx.filter((_, d) => !dims.has(d)))));
    return results(outs);
  },
  "linalg.map": (interp, op, args) => {
    const { ins, outs } = insOuts(interp, op, args);
    forEachIndex(outs[0].shape, (idx) => outs[0].set(idx, interp.yieldOf(op.regions[0], ins.map((v) => v.get(idx)))[0] as Scalar));
    return results(outs);
  },
  "linalg.reduce": (interp, op, args) => {
    const { ins, outs } = insOuts(interp, op, args);
    const dims = new Set(intList(op, "dimensions") ?? []);
    forEachIndex(ins[0].shape, (idx) => {
      const o = idx.filter((_, d) => !dims.has(d));
      const ys = interp.yieldOf(op.regions[0], [...ins.map((v) => v.get(idx)), ...outs.map((v) => v.get(o))]);
      outs.forEach((v, k) => v.set(o, ys[k] as Scalar));
    });
    return results(outs);
  },
};

/** Runs the op's body over its maps. */
const overMaps: OpHandler = (interp, op, args) => generic(interp, op, args, indexingMaps(op));
/**
 * The other named ops (convolutions, pooling, the contraction variants) run their body over their
 * maps; so do those handled by name above whose generic form gives them another body or maps.
 */
export const LINALG: HandlerTable = {
  ...Object.fromEntries(Object.keys(NAMED_OPS).map((n): [string, OpHandler] => [n, overMaps])),
  ...Object.fromEntries(Object.entries(HANDLED).map(([n, h]): [string, OpHandler] =>
    [n, n in NAMED_OPS ? (interp, op, args) => (followsDefinition(op) ? h : overMaps)(interp, op, args) : h])),
};
