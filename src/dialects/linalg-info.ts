// What passes need to know about a linalg structured op, whatever its spelling (generic or
// named): inputs/outputs, indexing maps, iterator types, loop bounds, and the scalar body.
// Named ops carry their body region like MLIR's, built here from a small payload table.
import { AffineMap, bin, cst, dim, type AffineExpr } from "../ir/affine.js";
import { AffineMapAttr, ArrayAttr, Attribute, DenseElementsAttr, FloatAttr, IntegerAttr, OpaqueAttr, StringAttr } from "../ir/attributes.js";
import { Block, Operation, Region, type Value } from "../ir/core.js";
import { regionKey } from "../ir/equivalence.js";
import type { Location } from "../ir/diagnostics.js";
import { DYN, FloatType, IndexType, IntegerType, MemRefType, ShapedType, TensorType, Type, VectorType, elementTypeOf, f64, i32, i64, index } from "../ir/types.js";
import { arrayProp, operandSegment, segmentSizesAttr } from "./indexing.js";

export type IteratorType = "parallel" | "reduction";
export const iteratorAttr = (t: string) => new OpaqueAttr(`#linalg.iterator_type<${t}>`);
/** `parallel` from `#linalg.iterator_type<parallel>` (or a plain string attribute). */
export function iteratorName(a: Attribute): string | undefined {
  if (a instanceof StringAttr) return a.value;
  const m = /^#linalg\.iterator_type<\s*([a-z]+)\s*>$/.exec(a.str);
  return m ? m[1] : undefined;
}

// ---- payloads of the named ops -------------------------------------------------------------
type Emit = (name: string, operands: Value[], type: Type, attrs?: Record<string, Attribute>) => Value;
/**
 * Builds the scalar computation from block arguments (the first `casts` already cast to the
 * output type; `cast` casts others where the op's definition does, in its order).
 */
type Payload = (emit: Emit, args: Value[], out: Value, t: Type, cast: (v: Value) => Value) => Value;

const isFloat = (t: Type) => t instanceof FloatType;
// The payloads of MLIR 19's UnaryFn / BinaryFn (its RegionBuilderHelper): each op has its
// operands' type, and the float or integer op is chosen by that type, except where MLIR emits
// one op whatever the type (which the body's verifier then refuses where it does not fit).
const byType = (f: string, i: string): Payload => (emit, [a, b]) => emit(isFloat(a.type) ? f : i, [a, b], a.type);
const anyType = (name: string): Payload => (emit, [a, b]) => emit(name, [a, b], a.type);
const unary = (name: string): Payload => (emit, [a]) => emit(name, [a], a.type);

/** UnaryFn and BinaryFn, in MLIR 19's enum order: the `fun` cases of elemwise_unary / elemwise_binary. */
export const UNARY_FN: Record<string, Payload> = {
  exp: unary("math.exp"), log: unary("math.log"), abs: unary("math.absf"), ceil: unary("math.ceil"), floor: unary("math.floor"),
  negf: unary("arith.negf"),
  reciprocal: (emit, [a]) => emit("arith.divf", [emit("arith.constant", [], a.type, { value: isFloat(a.type) ? new FloatAttr(1, a.type) : new IntegerAttr(1, a.type) }), a], a.type),
  round: unary("math.round"), sqrt: unary("math.sqrt"), rsqrt: unary("math.rsqrt"),
  square: (emit, [a]) => emit("arith.mulf", [a, a], a.type), tanh: unary("math.tanh"), erf: unary("math.erf"),
};
export const BINARY_FN: Record<string, Payload> = {
  add: byType("arith.addf", "arith.addi"), sub: byType("arith.subf", "arith.subi"), mul: byType("arith.mulf", "arith.muli"),
  div: byType("arith.divf", "arith.divsi"), div_unsigned: anyType("arith.divui"),
  max_signed: byType("arith.maximumf", "arith.maxsi"), min_signed: byType("arith.minimumf", "arith.minsi"),
  max_unsigned: byType("arith.maximumf", "arith.maxui"), min_unsigned: byType("arith.minimumf", "arith.minui"), powf: anyType("math.powf"),
};

/**
 * Elementwise named ops: name -> payload (arity from the table they are in). As MLIR 19 defines
 * them (`O = UnaryFn.exp(I)`), they cast nothing: inputs of another type than the output give a
 * body whose yield the verifier refuses, as mlir-opt-19 does.
 */
export const ELEMENTWISE_BINARY: Record<string, Payload> = {
  "linalg.add": BINARY_FN.add, "linalg.sub": BINARY_FN.sub, "linalg.mul": BINARY_FN.mul, "linalg.div": BINARY_FN.div,
  "linalg.div_unsigned": BINARY_FN.div_unsigned, "linalg.max": BINARY_FN.max_signed, "linalg.min": BINARY_FN.min_signed, "linalg.powf": BINARY_FN.powf,
};
export const ELEMENTWISE_UNARY: Record<string, Payload> = Object.fromEntries(
  ["exp", "log", "abs", "ceil", "floor", "round", "negf", "sqrt", "rsqrt", "tanh", "erf", "square", "reciprocal"].map((f) => [`linalg.${f}`, UNARY_FN[f]]));

export const TYPE_FN = ["cast_signed", "cast_unsigned"];
/** The function attributes of the elemwise ops: attribute mnemonic, MLIR's enum name, the cases' payloads, the default. */
export interface FunAttr { mnemonic: string; cpp: string; cases: Record<string, Payload>; dflt: string }
export const FUN_ATTRS: Readonly<Record<string, FunAttr>> = {
  "linalg.elemwise_unary": { mnemonic: "unary_fn", cpp: "UnaryFn", cases: UNARY_FN, dflt: "exp" },
  "linalg.elemwise_binary": { mnemonic: "binary_fn", cpp: "BinaryFn", cases: BINARY_FN, dflt: "add" },
};
/** The case of `#linalg.<mnemonic><case>` (undefined for another attribute). */
export function enumCase(a: Attribute | undefined, mnemonic: string): string | undefined {
  const m = a && new RegExp(`^#linalg\\.${mnemonic}<([a-z_]+)>$`).exec(a.str);
  return m ? m[1] : undefined;
}
const contraction: Payload = (emit, [a, b], out, t) =>
  emit(isFloat(t) ? "arith.addf" : "arith.addi", [out, emit(isFloat(t) ? "arith.mulf" : "arith.muli", [a, b], t)], t);
/** The quantized ops (inputs a, b, then their zero points): out + (a - az) * (b - bz), each cast where it is read. */
const quantized: Payload = (emit, [a, b, az, bz], out, t, cast) => {
  const sub = (x: Value, z: Value) => { const cx = cast(x); return emit(isFloat(t) ? "arith.subf" : "arith.subi", [cx, cast(z)], t); };
  const l = sub(a, az), r = sub(b, bz);
  return emit(isFloat(t) ? "arith.addf" : "arith.addi", [out, emit(isFloat(t) ? "arith.mulf" : "arith.muli", [l, r], t)], t);
};
/**
 * MLIR 19's batch_reduce_matmul casts the product, not its lhs: out + cast(a * cast(b)) (its
 * OpDSL definition). The multiplication has a's type: with a of another type than the output,
 * the body is ill-typed, which the verifier refuses, as mlir-opt-19 does.
 */
const castProduct: Payload = (emit, [a, b], out, t, cast) => {
  const cb = cast(b);
  const p = emit(isFloat(a.type) ? "arith.mulf" : "arith.muli", [a, cb], a.type);
  return emit(isFloat(t) ? "arith.addf" : "arith.addi", [out, cast(p)], t);
};
/**
 * fill_rng_2d (min, max, seed): a linear congruential generator over the two loop indices, scaled
 * into [min, max) in f64 and cast to the output type, emitted in the order of MLIR 19's region
 * builder (the constants as i64 / f64, truncated or converted where used; max - min has min's
 * type, so that min and max of another type than f64 are refused where MLIR refuses them).
 */
const fillRng: Payload = (emit, [min, max, seed], _o, t, cast) => {
  const c = (v: number, type: Type) => emit("arith.constant", [], type, { value: type === f64 ? new FloatAttr(v, f64) : new IntegerAttr(v, type) });
  const i32c = (v: number) => emit("arith.trunci", [c(v, i64)], i32);
  const idx = (d: number) => emit("arith.index_cast", [emit("linalg.index", [], index, { dim: new IntegerAttr(d, i64) })], i32);
  const offset = emit("arith.sitofp", [c(2147483647, i64)], f64);
  const n = idx(1), m = idx(0);
  const step = (x: Value) => emit("arith.addi", [emit("arith.muli", [x, i32c(1103515245)], i32), i32c(12345)], i32);
  const rand1 = step(emit("arith.addi", [m, seed], i32));
  const rand2 = step(emit("arith.addi", [n, rand1], i32));
  const shifted = emit("arith.addf", [offset, emit("arith.sitofp", [rand2], f64)], f64);
  const scaling = emit("arith.mulf", [emit("arith.subf", [max, min], min.type), c(2.3283064e-10, f64)], f64);
  return cast(emit("arith.addf", [emit("arith.mulf", [shifted, scaling], f64), min], f64));
};
/** Ops whose body is `yield in` (after the cast to the output type). */
const passThrough: Payload = (_e, [a]) => a;

const map = (n: number, ...results: number[]) => new AffineMap(n, 0, results.map(dim));
const scalar = (n: number) => new AffineMap(n, 0, []);
/** The contractions' indexing maps: fixed (MLIR's verifier memoizes them on the op: OpSpec.implicitAttrs). */
export const CONTRACTION_MAPS: Readonly<Record<string, readonly AffineMap[]>> = {
  "linalg.matmul": [map(3, 0, 2), map(3, 2, 1), map(3, 0, 1)],
  "linalg.matmul_transpose_a": [map(3, 2, 0), map(3, 2, 1), map(3, 0, 1)],
  "linalg.matmul_transpose_b": [map(3, 0, 2), map(3, 1, 2), map(3, 0, 1)],
  "linalg.quantized_matmul": [map(3, 0, 2), map(3, 2, 1), scalar(3), scalar(3), map(3, 0, 1)],
  "linalg.matvec": [map(2, 0, 1), map(2, 1), map(2, 0)],
  "linalg.vecmat": [map(2, 1), map(2, 1, 0), map(2, 0)],
  "linalg.dot": [map(1, 0), map(1, 0), map(1)],
  "linalg.batch_matmul": [map(4, 0, 1, 3), map(4, 0, 3, 2), map(4, 0, 1, 2)],
  "linalg.batch_matmul_transpose_a": [map(4, 0, 3, 1), map(4, 0, 3, 2), map(4, 0, 1, 2)],
  "linalg.batch_matmul_transpose_b": [map(4, 0, 1, 3), map(4, 0, 2, 3), map(4, 0, 1, 2)],
  "linalg.quantized_batch_matmul": [map(4, 0, 1, 3), map(4, 0, 3, 2), scalar(4), scalar(4), map(4, 0, 1, 2)],
  // (b, m, n, k): the batch is summed over too
  "linalg.batch_reduce_matmul": [map(4, 0, 1, 3), map(4, 0, 3, 2), map(4, 1, 2)],
  "linalg.batch_matvec": [map(3, 0, 1, 2), map(3, 0, 2), map(3, 0, 1)],
  "linalg.batch_vecmat": [map(3, 0, 2), map(3, 0, 2, 1), map(3, 0, 1)],
  // (m, n, k, m0, n0, k0): 4-D tiles, the rhs transposed
  "linalg.mmt4d": [map(6, 0, 2, 3, 5), map(6, 1, 2, 4, 5), map(6, 0, 1, 3, 4)],
  "linalg.batch_mmt4d": [map(7, 0, 1, 3, 4, 6), map(7, 0, 2, 3, 5, 6), map(7, 0, 1, 2, 4, 5)],
};
export const CONTRACTIONS = Object.keys(CONTRACTION_MAPS);
/** Every named op with maps of its own (memoized by MLIR's verifier): the contractions and fill_rng_2d (min, max, seed; 2-D output). */
export const FIXED_MAPS: Readonly<Record<string, readonly AffineMap[]>> = {
  ...CONTRACTION_MAPS, "linalg.fill_rng_2d": [scalar(2), scalar(2), scalar(2), map(2, 0, 1)],
};
const isQuantized = (name: string) => /^linalg\.(quantized_|.*_q$)/.test(name);

// ---- convolutions and pooling: loops and operand indices as data (MLIR's OpDSL definitions) ----
/**
 * `loops` names the loop dimensions in MLIR's order (a loop is parallel when the output is indexed
 * by it); each operand lists its indices: a loop, or `o+k`, an output position strided over a
 * window position (`o * strides[i] + k * dilations[i]`, i counting the `+` terms in order); an
 * empty list is a scalar (a quantized op's zero point). The output comes last. Pooling ops take
 * the window (its shape only) as their second input, and cast only the first.
 */
export interface WindowOp { loops: string; operands: readonly string[]; payload: Payload; casts: number; strided: boolean; unsigned?: boolean }
const conv = (loops: string, input: string, filter: string, out: string, strided = true): WindowOp =>
  ({ loops, operands: [input, filter, out], payload: contraction, casts: 2, strided });
/** The quantized convolution: input and filter, then their zero points. */
const convQ = (loops: string, input: string, filter: string, out: string): WindowOp =>
  ({ loops, operands: [input, filter, "", "", out], payload: quantized, casts: 0, strided: true });
const pool = (loops: string, input: string, out: string, payload: Payload, unsigned = false): WindowOp =>
  ({ loops, operands: [input, loops.split(" ").filter((l) => l.startsWith("k")).join(" "), out], payload, casts: 1, strided: true, unsigned });
const accumulate = (f: string, i: string): Payload => (emit, [a], out, t) => emit(isFloat(t) ? f : i, [out, a], t);
/** The pooling ops of one layout: sum, max, min and the unsigned max and min (`kinds` picks some). */
function pools(layout: string, loops: string, input: string, out: string, kinds = "sum max min max_unsigned min_unsigned"): Record<string, WindowOp> {
  const payloads: Record<string, [Payload, boolean]> = {
    sum: [accumulate("arith.addf", "arith.addi"), false], max: [accumulate("arith.maximumf", "arith.maxsi"), false],
    min: [accumulate("arith.minimumf", "arith.minsi"), false], max_unsigned: [accumulate("arith.maximumf", "arith.maxui"), true],
    min_unsigned: [accumulate("arith.minimumf", "arith.minui"), true],
  };
  return Object.fromEntries(kinds.split(" ").map((k) => [`linalg.pooling_${layout}_${k}`, pool(loops, input, out, ...payloads[k])]));
}
export const WINDOW_OPS: Readonly<Record<string, WindowOp>> = {
  "linalg.conv_1d": conv("ow kw", "ow+kw", "kw", "ow", false),
  "linalg.conv_2d": conv("oh ow kh kw", "oh+kh ow+kw", "kh kw", "oh ow", false),
  "linalg.conv_3d": conv("od oh ow kd kh kw", "od+kd oh+kh ow+kw", "kd kh kw", "od oh ow", false),
  "linalg.conv_1d_nwc_wcf": conv("n ow f kw c", "n ow+kw c", "kw c f", "n ow f"),
  "linalg.conv_1d_ncw_fcw": conv("n f ow c kw", "n c ow+kw", "f c kw", "n f ow"),
  "linalg.conv_2d_nhwc_hwcf": conv("n oh ow f kh kw c", "n oh+kh ow+kw c", "kh kw c f", "n oh ow f"),
  "linalg.conv_2d_nhwc_fhwc": conv("n oh ow f kh kw c", "n oh+kh ow+kw c", "f kh kw c", "n oh ow f"),
  "linalg.conv_2d_nhwc_hwcf_q": convQ("n oh ow f kh kw c", "n oh+kh ow+kw c", "kh kw c f", "n oh ow f"),
  "linalg.conv_2d_nhwc_fhwc_q": convQ("n oh ow f kh kw c", "n oh+kh ow+kw c", "f kh kw c", "n oh ow f"),
  "linalg.conv_2d_nchw_fchw": conv("n f oh ow c kh kw", "n c oh+kh ow+kw", "f c kh kw", "n f oh ow"),
  "linalg.conv_2d_ngchw_fgchw": conv("n g f oh ow c kh kw", "n g c oh+kh ow+kw", "f g c kh kw", "n g f oh ow"),
  "linalg.conv_2d_ngchw_gfchw": conv("n g f oh ow c kh kw", "n g c oh+kh ow+kw", "g f c kh kw", "n g f oh ow"),
  "linalg.conv_2d_ngchw_gfchw_q": convQ("n g f oh ow c kh kw", "n g c oh+kh ow+kw", "g f c kh kw", "n g f oh ow"),
  "linalg.conv_3d_ndhwc_dhwcf": conv("n od oh ow f kd kh kw c", "n od+kd oh+kh ow+kw c", "kd kh kw c f", "n od oh ow f"),
  "linalg.conv_3d_ndhwc_dhwcf_q": convQ("n od oh ow f kd kh kw c", "n od+kd oh+kh ow+kw c", "kd kh kw c f", "n od oh ow f"),
  "linalg.conv_3d_ncdhw_fcdhw": conv("n od oh ow f kd kh kw c", "n c od+kd oh+kh ow+kw", "f c kd kh kw", "n f od oh ow"),
  "linalg.depthwise_conv_1d_nwc_wc": conv("n ow c kw", "n ow+kw c", "kw c", "n ow c"),
  "linalg.depthwise_conv_1d_ncw_cw": conv("n ow c kw", "n c ow+kw", "c kw", "n c ow"),
  "linalg.depthwise_conv_1d_nwc_wcm": conv("n ow c m kw", "n ow+kw c", "kw c m", "n ow c m"),
  "linalg.depthwise_conv_2d_nchw_chw": conv("n oh ow c kh kw", "n c oh+kh ow+kw", "c kh kw", "n c oh ow"),
  "linalg.depthwise_conv_2d_nhwc_hwc": conv("n oh ow c kh kw", "n oh+kh ow+kw c", "kh kw c", "n oh ow c"),
  "linalg.depthwise_conv_2d_nhwc_hwc_q": convQ("n oh ow c kh kw", "n oh+kh ow+kw c", "kh kw c", "n oh ow c"),
  "linalg.depthwise_conv_2d_nhwc_hwcm": conv("n oh ow c m kh kw", "n oh+kh ow+kw c", "kh kw c m", "n oh ow c m"),
  "linalg.depthwise_conv_2d_nhwc_hwcm_q": convQ("n oh ow c m kh kw", "n oh+kh ow+kw c", "kh kw c m", "n oh ow c m"),
  "linalg.depthwise_conv_3d_ndhwc_dhwc": conv("n od oh ow kd kh kw c", "n od+kd oh+kh ow+kw c", "kd kh kw c", "n od oh ow c"),
  "linalg.depthwise_conv_3d_ncdhw_cdhw": conv("n od oh ow kd kh kw c", "n c od+kd oh+kh ow+kw", "c kd kh kw", "n c od oh ow"),
  "linalg.depthwise_conv_3d_ndhwc_dhwcm": conv("n od oh ow m kd kh kw c", "n od+kd oh+kh ow+kw c", "kd kh kw c m", "n od oh ow c m"),
  ...pools("nhwc", "n oh ow c kh kw", "n oh+kh ow+kw c", "n oh ow c"),
  ...pools("nchw", "n c oh ow kh kw", "n c oh+kh ow+kw", "n c oh ow", "sum max"),
  ...pools("nwc", "n ow c kw", "n ow+kw c", "n ow c"),
  ...pools("ncw", "n c ow kw", "n c ow+kw", "n c ow", "sum max"),
  ...pools("ndhwc", "n od oh ow c kd kh kw", "n od+kd oh+kh ow+kw c", "n od oh ow c", "sum max min"),
};
/** How many strides (and dilations) a window op takes: its `+` terms; 0 for the unstrided conv_1d/2d/3d. */
export const windowRank = (w: WindowOp) => (w.strided ? w.operands[0].split("+").length - 1 : 0);
/**
 * The `strides` / `dilations` of a window op: a dense i64 vector of windowRank elements (all 1 when
 * absent). conv_1d/2d/3d define none: such an attribute is a discardable one there, as in MLIR.
 */
export function windowAttr(op: Operation, name: "strides" | "dilations"): number[] | string {
  const n = windowRank(WINDOW_OPS[op.name]), a = op.attr(name);
  if (a === undefined || !WINDOW_OPS[op.name].strided) return Array<number>(n).fill(1);
  const t = a instanceof DenseElementsAttr ? a.type : undefined;
  if (!t || t.elementType !== i64 || t.rank !== 1 || t.shape[0] !== n || !(t instanceof TensorType || t instanceof VectorType)) {
    return `attribute '${name}' failed to satisfy constraint: 64-bit signless int elements attribute of shape [${n}]`;
  }
  return Array.from({ length: n }, (_, i) => Number((a as DenseElementsAttr).at(i)));
}
function windowMaps(op: Operation, w: WindowOp): AffineMap[] {
  const loops = w.loops.split(" ");
  const [strides, dilations] = (["strides", "dilations"] as const).map((n) => windowAttr(op, n)).map((v) => (typeof v === "string" ? [] : v));
  let k = 0;
  const term = (t: string): AffineExpr => {
    if (!t.includes("+")) return dim(loops.indexOf(t));
    const [o, f] = t.split("+").map((x) => dim(loops.indexOf(x)));
    const i = k++;
    return bin("add", bin("mul", o, cst(strides[i] ?? 1)), bin("mul", f, cst(dilations[i] ?? 1)));
  };
  return w.operands.map((o) => new AffineMap(loops.length, 0, o ? o.split(" ").map(term) : []));
}

interface NamedOp { inputs: number; payload: Payload; casts?: number; unsigned?: boolean; fun?: FunAttr }
/**
 * The named ops MLIR 19 defines a `cast = #linalg.type_fn<...>` property for (read off
 * mlir-opt-19's generic form); on any other one such an attribute is a discardable one, ignored.
 */
export const CAST_ATTR_OPS = new Set(["linalg.copy", "linalg.matmul", "linalg.matmul_transpose_a", "linalg.matmul_transpose_b", "linalg.elemwise_unary", "linalg.elemwise_binary"]);
export const NAMED_OPS: Record<string, NamedOp> = {
  "linalg.fill": { inputs: 1, payload: passThrough },
  "linalg.copy": { inputs: 1, payload: passThrough },
  ...Object.fromEntries(Object.entries(CONTRACTION_MAPS).map(([n, m]): [string, NamedOp] =>
    [n, isQuantized(n) ? { inputs: 4, payload: quantized, casts: 0 }
      : n === "linalg.batch_reduce_matmul" ? { inputs: 2, payload: castProduct, casts: 0 } : { inputs: m.length - 1, payload: contraction }])),
  ...Object.fromEntries(Object.entries(WINDOW_OPS).map(([n, w]) => [n, { inputs: w.operands.length - 1, payload: w.payload, casts: w.casts, unsigned: w.unsigned }])),
  ...Object.fromEntries(Object.entries(ELEMENTWISE_BINARY).map(([n, p]) => [n, { inputs: 2, payload: p, casts: 0 }])),
  ...Object.fromEntries(Object.entries(ELEMENTWISE_UNARY).map(([n, p]) => [n, { inputs: 1, payload: p, casts: 0 }])),
  ...Object.fromEntries(Object.entries(FUN_ATTRS).map(([n, f]) => [n, { inputs: n === "linalg.elemwise_unary" ? 1 : 2, payload: f.cases[f.dflt], fun: f }])),
  // (MLIR's TernaryFn.select casts nothing)
  "linalg.fill_rng_2d": { inputs: 3, casts: 0, payload: fillRng },
  "linalg.select": { inputs: 3, casts: 0, payload: (emit, [c, a, b], _o, t) => emit("arith.select", [c, a, b], t) },
};

/** Scalar conversion the named ops apply to inputs (MLIR's TypeFn cast_signed / cast_unsigned). */
function castOpName(from: Type, to: Type, unsigned: boolean): string | undefined {
  if (from === to) return undefined;
  const fw = from instanceof FloatType ? from.width : 0, tw = to instanceof FloatType ? to.width : 0;
  const iw = (t: Type) => (t instanceof IntegerType ? t.width : 0);
  if (fw && tw) return tw > fw ? "arith.extf" : "arith.truncf";
  if (from instanceof IndexType || to instanceof IndexType) return "arith.index_cast";
  if (iw(from) && iw(to)) return iw(to) > iw(from) ? (unsigned ? "arith.extui" : "arith.extsi") : "arith.trunci";
  if (iw(from) && tw) return unsigned ? "arith.uitofp" : "arith.sitofp";
  if (fw && iw(to)) return unsigned ? "arith.fptoui" : "arith.fptosi";
  return undefined;
}

/**
 * The body region of a named op over operands of the given types: block arguments are the
 * element types, inputs are cast to the output element type, the payload's value is yielded.
 * `attrs`: the op's `cast` (and `fun`) attributes, their defaults where absent.
 */
export function buildNamedBody(name: string, operandTypes: readonly Type[], loc?: Location, attrs?: ReadonlyMap<string, Attribute>): Region {
  const info = NAMED_OPS[name];
  if (!info) throw new Error(`no payload for ${name}`);
  const block = new Block(operandTypes.map(elementTypeOf));
  const outT = block.args[block.args.length - 1].type;
  const emit: Emit = (n, operands, type, attrs) => {
    const op = new Operation({ name: n, operands, resultTypes: [type], attributes: attrs, loc });
    block.append(op);
    return op.result;
  };
  const cast = (a: Value) => {
    const c = castOpName(a.type, outT, (CAST_ATTR_OPS.has(name) && enumCase(attrs?.get("cast"), "type_fn") === "cast_unsigned") || !!info.unsigned);
    return c ? emit(c, [a], outT) : a;
  };
  const nCast = info.casts ?? info.inputs;
  const ins = block.args.slice(0, info.inputs).map((a, i) => (i < nCast ? cast(a) : a));
  const payload = info.fun ? info.fun.cases[enumCase(attrs?.get("fun"), info.fun.mnemonic) ?? info.fun.dflt] ?? info.payload : info.payload;
  const v = payload(emit, ins, block.args[block.args.length - 1], outT, cast);
  block.append(new Operation({ name: "linalg.yield", operands: [v], loc }));
  return new Region([block]);
}

// ---- structure -----------------------------------------------------------------------------
/** Whether the op is a linalg structured op (has inputs, outputs, maps and a body). */
/** MLIR's buildIdentityRegion: a body taking the operands' element types, yielding the first (no cast). */
export function identityBody(operands: readonly Value[], loc?: Location): Region {
  const b = new Block(operands.map((v) => elementTypeOf(v.type)));
  if (b.args.length) b.append(new Operation({ name: "linalg.yield", operands: [b.args[0]], loc }));
  return new Region([b]);
}

export const STRUCTURED_OPS = ["linalg.generic", "linalg.transpose", "linalg.broadcast", "linalg.reduce", "linalg.map"];
export const isStructuredOp = (op: Operation) => STRUCTURED_OPS.includes(op.name) || op.name in NAMED_OPS;
/** A linalg op without memref operands: its only effects are its body's (MLIR's LinalgOp getEffects). */
export const linalgOnTensors = (op: Operation) => op.dialect === "linalg" && !op.operands.some((v) => v.type instanceof MemRefType);

/** Input operands (`ins(...)`). */
export function inputs(op: Operation): Value[] {
  if (op.name === "linalg.transpose" || op.name === "linalg.broadcast" || op.name === "linalg.softmax") return op.operands.slice(0, 1);
  if (op.name === "linalg.map") return op.operands.slice(0, -1);
  if (op.name === "linalg.reduce") return op.operands.slice(0, op.operands.length / 2);
  return operandSegment(op, 0);
}
/** Output operands (`outs(...)`): the inits of tensor results, or the memrefs written. */
export function outputs(op: Operation): Value[] {
  if (op.name === "linalg.transpose" || op.name === "linalg.broadcast" || op.name === "linalg.softmax") return op.operands.slice(1, 2);
  if (op.name === "linalg.map") return op.operands.slice(-1);
  if (op.name === "linalg.reduce") return op.operands.slice(op.operands.length / 2);
  return operandSegment(op, 1);
}
export const insOutsSegments = (nIn: number, nOut: number) => segmentSizesAttr([nIn, nOut]);

const rankOf = (t: Type) => (t instanceof ShapedType ? t.rank : 0);

/** Number of loops: from the iterator types (generic) or the op's shape rule. */
export function numLoops(op: Operation): number { return iteratorTypes(op).length; }

/** The iterator type of every loop, outermost first. */
export function iteratorTypes(op: Operation): IteratorType[] {
  if (op.name === "linalg.generic") {
    const a = op.attr("iterator_types");
    return a instanceof ArrayAttr ? a.items.map((i) => (iteratorName(i) ?? "parallel") as IteratorType) : [];
  }
  if (op.name === "linalg.reduce") {
    const dims = new Set(arrayProp(op, "dimensions"));
    return Array.from({ length: rankOf(inputs(op)[0]?.type) }, (_, i) => (dims.has(i) ? "reduction" : "parallel"));
  }
  const fixed = FIXED_MAPS[op.name];
  if (fixed) { // the loops that index the output are parallel
    const out = fixed[fixed.length - 1];
    return Array.from({ length: out.numDims }, (_, d) => (out.results.some((e) => e.kind === "dim" && e.pos === d) ? "parallel" : "reduction"));
  }
  const w = WINDOW_OPS[op.name];
  if (w) {
    const out = w.operands[w.operands.length - 1].split(" ");
    return w.loops.split(" ").map((l) => (out.includes(l) ? "parallel" : "reduction"));
  }
  return Array.from({ length: rankOf(outputs(op)[0]?.type) }, () => "parallel");
}

/**
 * One indexing map per operand (inputs then outputs), from loop indices to operand indices. The
 * ops with maps of their own (contractions, convolutions, pooling) read them, as MLIR's do, from
 * `linalg.memoized_indexing_maps` when the op carries it (the generic form writes it out).
 */
export function indexingMaps(op: Operation): readonly AffineMap[] {
  const fixed = FIXED_MAPS[op.name];
  if (fixed || op.name in WINDOW_OPS) {
    const memo = op.numAttributes ? op.attr("linalg.memoized_indexing_maps") : undefined;
    if (memo instanceof ArrayAttr && memo.items.every((m) => m instanceof AffineMapAttr)) return memo.items.map((m) => (m as AffineMapAttr).map);
    return fixed ?? windowMaps(op, WINDOW_OPS[op.name]);
  }
  const n = numLoops(op);
  const id = AffineMap.identity(n);
  switch (op.name) {
    case "linalg.generic": {
      const a = op.attr("indexing_maps");
      return a instanceof ArrayAttr ? a.items.map((m) => (m instanceof AffineMapAttr ? m.map : id)) : [];
    }
    case "linalg.transpose": {
      // result[i] = input[perm[i]]: the input's dimension perm[i] is loop i.
      const perm = arrayProp(op, "permutation");
      const inv: number[] = [];
      perm.forEach((p, i) => (inv[p] = i));
      return [map(n, ...inv), id];
    }
    case "linalg.broadcast": {
      // out[d...] = in[d... without the added dimensions]
      const dims = new Set(arrayProp(op, "dimensions"));
      return [map(n, ...Array.from({ length: n }, (_, i) => i).filter((i) => !dims.has(i))), id];
    }
    case "linalg.reduce": {
      const dims = new Set(arrayProp(op, "dimensions"));
      const kept = Array.from({ length: n }, (_, i) => i).filter((i) => !dims.has(i));
      return [...inputs(op).map(() => id), ...outputs(op).map(() => map(n, ...kept))];
    }
  }
  // fill / copy / elementwise: scalars map to (), shaped operands to the identity.
  return [...inputs(op), ...outputs(op)].map((v) => (rankOf(v.type) === 0 && !(v.type instanceof ShapedType) ? new AffineMap(n, 0, []) : id));
}

const sameMaps = (a: readonly AffineMap[], b: readonly AffineMap[]) => a.length === b.length && a.every((m, i) => m.equals(b[i]));
/**
 * Whether a named op computes what its name says: its definition's maps and body. The generic
 * form may write others (MLIR checks only a contraction's and a convolution's), which the op
 * then computes, as MLIR's lowering does: shortcuts taken by name hold only when this does.
 */
export function followsDefinition(op: Operation): boolean {
  const own = FIXED_MAPS[op.name] ?? (op.name in WINDOW_OPS ? windowMaps(op, WINDOW_OPS[op.name]) : undefined);
  return op.name in NAMED_OPS && op.regions.length === 1 && op.region().blocks.length === 1 && (!own || sameMaps(indexingMaps(op), own)) &&
    regionKey(op.region()) === regionKey(buildNamedBody(op.name, op.operands.map((o) => o.type), undefined, op.attributes));
}

/** For each loop, the first operand dimension indexed by exactly that loop: [operand, dim]. */
export function loopDimSources(op: Operation): ([number, number] | undefined)[] {
  const out: ([number, number] | undefined)[] = Array.from({ length: numLoops(op) }, () => undefined);
  indexingMaps(op).forEach((m, o) => m.results.forEach((e, d) => {
    if (e.kind === "dim" && out[e.pos] === undefined) out[e.pos] = [o, d];
  }));
  return out;
}

/** Static loop sizes (DYN where dynamic or not derivable). */
export function staticLoopSizes(op: Operation): number[] {
  const ops = [...inputs(op), ...outputs(op)];
  return loopDimSources(op).map((s) => {
    const t = s ? ops[s[0]].type : undefined;
    return s && t instanceof ShapedType ? t.shape[s[1]] : DYN;
  });
}

/** Whether the op works on tensors (returns results) rather than memrefs (writes in place). */
export const hasTensorSemantics = (op: Operation) => outputs(op).every((v) => v.type instanceof TensorType);

/**
 * The op as a `linalg.generic` (same operands, maps, iterator types, a clone of its body),
 * not inserted anywhere: what `--linalg-generalize-named-ops` produces and loop lowering reads.
 */
export function toGenericOp(op: Operation): Operation {
  if (op.name === "linalg.generic") return op;
  const ins = inputs(op), outs = outputs(op);
  const g = new Operation({
    name: "linalg.generic", operands: [...ins, ...outs], resultTypes: op.results.map((r) => r.type), loc: op.loc,
    attributes: {
      indexing_maps: new ArrayAttr(indexingMaps(op).map((m) => new AffineMapAttr(m))),
      iterator_types: new ArrayAttr(iteratorTypes(op).map(iteratorAttr)),
      operandSegmentSizes: insOutsSegments(ins.length, outs.length),
    },
  });
  g.addRegion(op.region().clone(new Map()));
  // linalg.map's body takes the inputs only; a generic body also receives the init.
  if (op.name === "linalg.map") for (const o of outs) g.body().addArg(elementTypeOf(o.type));
  return g;
}

/** The `linalg.index` dimension, for interpreters. */
export const indexDim = (op: Operation) => (op.attr<IntegerAttr>("dim")?.num ?? 0);
