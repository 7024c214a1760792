// --convert-tensorlang-to-linalg: tensorlang ops become tensor/linalg/arith/math/scf ops on
// builtin tensors; linear types become builtin tensor types (symbolic and unknown sizes `?`).
//
//   constant            → arith.constant
//   matmul              → tensor.empty + linalg.fill (zero) + linalg.matmul
//   add/sub/mul/div/max → tensor.empty + linalg.add/sub/mul/div/max
//   relu/abs            → linalg.generic (arith.maximumf with 0 / math.absf; integers maxsi with 0 / with 0 - x)
//   exp/tanh/log/sqrt/neg → linalg.generic (math.exp ... arith.negf)
//   rsqrt, sigmoid      → linalg.generic computing 1 / sqrt(x), 1 / (1 + exp(-x))
//   transpose           → linalg.generic with a permuted input map
//   broadcast           → linalg.generic whose input map drops the added leading dimensions
//   reshape             → tensor.collapse_shape to 1-D + tensor.expand_shape (views after bufferize)
//   reduce_sum/max      → linalg.fill (0 / -inf) + linalg.generic with a reduction iterator
//   reduce_mean         → the sum, then a linalg.generic dividing by the axis' size
//   softmax             → max-reduce, exp(x - max), sum-reduce, divide (four linalg ops)
//   copy                → both results are the operand (tensors are values after lowering)
//   symbolic_dim "n"    → tensor.dim of a function argument whose type names "n"
//   assert %c           → scf.if (not %c) { func.call @tensorlang_assert_fail(line) }
//
// Sizes the types cannot compare (`?` or symbolic on either side: the inner dimensions of a
// matmul, the operands of an elementwise op, an operand of matmul, transpose or reduce against a
// static result size) are
// checked at run time before the op: scf.if (a != b) { func.call @tensorlang_shape_fail(line,
// a, b) }, a runtime error, instead of linalg reading past a buffer (MLIR leaves it undefined).
//   print               → kept: tensorlang.print on the builtin tensor (bufferize and the
//                         engines handle it; see docs/tensorlang-dialect.md)
import { AffineMap, dim } from "../ir/affine.js";
import { AffineMapAttr, ArrayAttr, DenseElementsAttr, FloatAttr, IntegerAttr, StringAttr, SymbolRefAttr, TypeAttr, intAttr } from "../ir/attributes.js";
import { Builder } from "../ir/builder.js";
import { Block, Module, Operation, Region, Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import type { DiagnosticSink } from "../ir/diagnostics.js";
import { DYN, FloatType, FunctionType, IntegerType, TensorType, Type, i1, i64, index } from "../ir/types.js";
import { i64Array, type OpFoldResult } from "../dialects/indexing.js";
import { buildNamedBody, insOutsSegments, iteratorAttr } from "../dialects/linalg-info.js";
import {
  BINARY_OPS, FLOAT_UNARY_OPS, LinearTensorType, UNKNOWN, tensorShape, transposePerm, type Dim,
} from "../dialects/tensorlang.js";
import type { Pass } from "./pass.js";

class LoweringError extends Error {}

/** Linear tensor types to builtin ones, through function types too. */
export function convertType(t: Type): Type {
  if (t instanceof LinearTensorType) return t.toBuiltin();
  if (t instanceof FunctionType) return FunctionType.get(t.inputs.map(convertType), t.results.map(convertType));
  return t;
}

const tensorOf = (v: Value | Type): TensorType => {
  const t = convertType(v instanceof Value ? v.type : v);
  if (!(t instanceof TensorType)) throw new LoweringError(`expected a ranked tensor, got '${t.str}'`);
  return t;
};
const isF = (t: Type) => t instanceof FloatType;
const idMap = (n: number) => AffineMap.identity(n);
const mapOf = (n: number, dims: number[]) => new AffineMap(n, 0, dims.map(dim));

/** `tensor.empty` of `type`; dynamic size i is read (tensor.dim) from `from(i)` = [tensor, dim]. */
function emptyFrom(b: Builder, type: TensorType, from: (i: number) => [Value, number]): Value {
  const dyn: Value[] = [];
  type.shape.forEach((d, i) => {
    if (d !== DYN) return;
    const [src, k] = from(i);
    dyn.push(b.value("tensor.dim", [src, b.constIndex(k)], index));
  });
  return b.value("tensor.empty", dyn, type);
}
/** `tensor.empty` whose dynamic size i is dimension `srcDims[i]` of `src`. */
const empty = (b: Builder, type: TensorType, src: Value, srcDims: number[]) => emptyFrom(b, type, (i) => [src, srcDims[i]]);

/** A named linalg op (`linalg.fill`, `linalg.matmul`, `linalg.add`, ...) with its body. */
function named(b: Builder, name: string, ins: Value[], out: Value): Value {
  const types = [...ins, out].map((v) => convertType(v.type));
  return b.create(name, [...ins, out], [types[types.length - 1]], { operandSegmentSizes: insOutsSegments(ins.length, 1) },
    [buildNamedBody(name, types, b.loc)]).result;
}

/** A `linalg.generic` with one output; `body` gets a builder in the block and its arguments. */
function generic(b: Builder, ins: Value[], out: Value, maps: AffineMap[], iters: string[],
                 body: (bb: Builder, args: Value[]) => Value): Value {
  const types = [...ins, out].map((v) => convertType(v.type));
  const block = new Block(types.map((t) => (t instanceof TensorType ? t.elementType : t)));
  const bb = Builder.atEnd(block, b.loc);
  bb.create("linalg.yield", [body(bb, block.args)]);
  return b.create("linalg.generic", [...ins, out], [types[types.length - 1]], {
    indexing_maps: new ArrayAttr(maps.map((m) => new AffineMapAttr(m))),
    iterator_types: new ArrayAttr(iters.map(iteratorAttr)),
    operandSegmentSizes: insOutsSegments(ins.length, 1),
  }, [new Region([block])]).result;
}

/** Lowest value of an element type: the identity of max. */
function lowest(b: Builder, t: Type): Value {
  if (t instanceof FloatType) return b.constant(new FloatAttr(-Infinity, t), t);
  const w = t instanceof IntegerType ? t.width : 64;
  return b.constant(new IntegerAttr(-(1n << BigInt(w - 1)), t), t);
}

/** Reduces `x` along `axis` into a fresh tensor of `resultType` (sum or max). */
function reduce(b: Builder, x: Value, axis: number, resultType: TensorType, kind: "sum" | "max"): Value {
  const xt = tensorOf(x), r = xt.rank, et = xt.elementType;
  const kept = Array.from({ length: r }, (_, i) => i).filter((i) => i !== axis);
  const init = named(b, "linalg.fill", [kind === "sum" ? b.zero(et) : lowest(b, et)], empty(b, resultType, x, kept));
  const iters = Array.from({ length: r }, (_, i) => (i === axis ? "reduction" : "parallel"));
  const name = kind === "sum" ? (isF(et) ? "arith.addf" : "arith.addi") : (isF(et) ? "arith.maximumf" : "arith.maxsi");
  return generic(b, [x], init, [idMap(r), mapOf(r, kept)], iters, (bb, [a, acc]) => bb.value(name, [a, acc], et));
}

/** Elementwise map of `x` (and `y`, indexed by `yMap`) into a tensor like x. */
function mapEach(b: Builder, x: Value, body: (bb: Builder, args: Value[]) => Value, y?: { v: Value; map: AffineMap }): Value {
  const xt = tensorOf(x), r = xt.rank;
  const out = empty(b, xt, x, Array.from({ length: r }, (_, i) => i));
  const ins = y ? [x, y.v] : [x];
  const maps = y ? [idMap(r), y.map, idMap(r)] : [idMap(r), idMap(r)];
  return generic(b, ins, out, maps, Array(r).fill("parallel"), body);
}

function axisOf(op: Operation): number { return (op.attr<IntegerAttr>("axis")!).num; }

/**
 * The linear type a lowered value replaces: earlier ops of a block are lowered first, and a
 * symbolic size they named must still be found in them (as the interpreter finds it).
 */
const replacedType = new WeakMap<Value, LinearTensorType>();

/** The function argument (or earlier value) whose linear type names symbolic dim `name`. */
function symbolSource(op: Operation, name: string): { v: Value; d: number } | undefined {
  let fn: Operation | null = op.parentOp;
  while (fn && fn.name !== "func.func") fn = fn.parentOp;
  const candidates: Value[] = fn ? [...fn.body().args] : [];
  for (const o of op.parent?.ops ?? []) { if (o === op) break; candidates.push(...o.results); }
  for (const v of candidates) {
    const t = v.type instanceof LinearTensorType ? v.type : replacedType.get(v);
    const dims: readonly Dim[] = t ? t.dims : [];
    const d = dims.indexOf(name);
    if (d >= 0) return { v, d };
  }
  return undefined;
}

/** The declaration of host hook `name(i64, ...)`, added as a private func.func if missing. */
function declareHook(module: Module, name: string, arity: number): Operation {
  const existing = module.lookup(name);
  if (existing) return existing;
  const decl = new Operation({ name: "func.func", attributes: {
    sym_name: new StringAttr(name), sym_visibility: new StringAttr("private"),
    function_type: new TypeAttr(FunctionType.get(Array<Type>(arity).fill(i64), [])),
  }, regions: [new Region()] }); // one empty region, as MLIR's declarations have
  module.body.insert(0, decl);
  return decl;
}

/** `scf.if %cond { call @hook(line, args...) }` before the builder's op (func.call, or llvm.call to an llvm.func). */
function callHookIf(b: Builder, module: Module, cond: Value, hook: string, line: number, args: Value[]): void {
  const callee = declareHook(module, hook, 1 + args.length);
  const then = new Block();
  const tb = Builder.atEnd(then, b.loc);
  const operands = [tb.constant(new IntegerAttr(line, i64), i64), ...args.map((a) => tb.value("arith.index_cast", [a], i64))];
  tb.create(callee.name === "llvm.func" ? "llvm.call" : "func.call", operands, [], { callee: new SymbolRefAttr(hook) });
  tb.create("scf.yield");
  b.create("scf.if", [cond], [], {}, [new Region([then]), new Region()]);
}

/**
 * Checks at run time that dimension `da` of `a` equals dimension `db` of `c` (or the static size
 * `c`), where the types leave it open; when both are static the verifier has compared them.
 */
function checkSize(b: Builder, module: Module, op: Operation, [a, da]: [Value, number], other: [Value, number] | number): void {
  const size = ([v, d]: [Value, number]): Value | number => (tensorOf(v).shape[d] === DYN ? b.value("tensor.dim", [v, b.constIndex(d)], index) : tensorOf(v).shape[d]);
  const x = size([a, da]), y = typeof other === "number" ? other : size(other);
  if (typeof x === "number" && typeof y === "number") return;
  const [vx, vy] = [x, y].map((s) => (typeof s === "number" ? b.constIndex(s) : s));
  const ne = b.value("arith.cmpi", [vx, vy], i1, { predicate: intAttr(1) });
  callHookIf(b, module, ne, "tensorlang_shape_fail", op.loc?.line ?? 0, [vx, vy]);
}

/** Checks each static size of the result against operand `x`'s dimension `srcDims[i]` where that one is open. */
function checkResultSizes(b: Builder, module: Module, op: Operation, x: Value, srcDims: number[]): void {
  tensorOf(op.results[0]).shape.forEach((d, i) => { if (d !== DYN) checkSize(b, module, op, [x, srcDims[i]], d); });
}

const allDims = (n: number) => new ArrayAttr([new ArrayAttr(Array.from({ length: n }, (_, i) => intAttr(i)))]);

/**
 * reshape: collapse to 1-D, then expand to the result's sizes (static, symbolic from the
 * argument naming them, or the one `?` = count / the others' product). Where the types leave
 * the element count open it is checked first, so the views never reach past the buffer.
 */
function lowerReshape(b: Builder, module: Module, op: Operation): Value {
  const x = op.operand(0), xt = tensorOf(x), t = tensorOf(op.result);
  const mul = (p: OpFoldResult, q: OpFoldResult): OpFoldResult =>
    typeof p === "number" && typeof q === "number" ? p * q : b.value("arith.muli", [asIdx(b, p), asIdx(b, q)], index);
  const n = xt.shape.includes(DYN) ? DYN : xt.numElements;
  const flat = xt.rank === 1 ? x : b.value("tensor.collapse_shape", [x], TensorType.get([n], xt.elementType), { reassociation: allDims(xt.rank) });
  const count: OpFoldResult = n === DYN ? b.value("tensor.dim", [flat, b.constIndex(0)], index) : n;
  const sizes: (OpFoldResult | undefined)[] = tensorShape(op.result.type)!.dims.map((d) => {
    if (typeof d === "number" || d === UNKNOWN) return typeof d === "number" ? d : undefined;
    const src = symbolSource(op, d);
    if (!src) throw new LoweringError(`symbolic dimension "${d}" is not the size of any tensor argument of the enclosing function`);
    return b.value("tensor.dim", [src.v, b.constIndex(src.d)], index);
  });
  const product = (l: OpFoldResult[]) => l.slice(1).reduce(mul, l[0] ?? 1);
  const open = sizes.indexOf(undefined);
  let total: OpFoldResult;
  if (open < 0) total = product(sizes as OpFoldResult[]);
  else {
    // The divisor is at least 1: a zero product gives size 0, and the check below reports a nonzero count.
    const known = product(sizes.filter((s): s is OpFoldResult => s !== undefined));
    const divisor = typeof known === "number" ? Math.max(known, 1) : b.value("arith.maxui", [known, b.constIndex(1)], index);
    const q = typeof count === "number" && typeof divisor === "number" ? Math.floor(count / divisor)
      : b.value("arith.divui", [asIdx(b, count), asIdx(b, divisor)], index);
    sizes[open] = q;
    total = mul(known, q);
  }
  if (typeof count !== "number" || typeof total !== "number") {
    const [vc, vt] = [asIdx(b, count), asIdx(b, total)];
    callHookIf(b, module, b.value("arith.cmpi", [vc, vt], i1, { predicate: intAttr(1) }), "tensorlang_shape_fail", op.loc?.line ?? 0, [vc, vt]);
  }
  // MLIR's expand_shape wants a static source size exactly when the result's sizes are all static.
  const want = TensorType.get([t.hasStaticShape ? t.numElements : DYN], t.elementType);
  const src = tensorOf(flat) === want ? flat : b.value("tensor.cast", [flat], want);
  if (t.rank === 1) return tensorOf(src) === t ? src : b.value("tensor.cast", [src], t);
  const dyn = t.shape.flatMap((d, i) => (d === DYN ? [asIdx(b, sizes[i]!)] : []));
  return b.value("tensor.expand_shape", [src, ...dyn], t, {
    reassociation: allDims(t.rank), static_output_shape: i64Array(t.shape),
  });
}
const asIdx = (b: Builder, x: OpFoldResult): Value => (typeof x === "number" ? b.constIndex(x) : x);

function lowerOp(op: Operation, module: Module): void {
  const b = Builder.before(op);
  const res = op.results[0];
  const rt = () => tensorOf(res);
  let v: Value | undefined;
  switch (op.name) {
    case "tensorlang.constant": {
      const value = op.attr<DenseElementsAttr>("value")!;
      const t = rt();
      v = b.constant(value, value.type);
      if (value.type !== t) {
        // Symbolic/unknown sizes: copy the static literal into a dynamically shaped tensor.
        v = named(b, "linalg.copy", [v], emptyFrom(b, t, (i) => [v!, i]));
      }
      break;
    }
    case "tensorlang.matmul": {
      const [a, c] = op.operands, [rows, cols] = rt().shape;
      checkSize(b, module, op, [a, 1], [c, 0]);
      if (rows !== DYN) checkSize(b, module, op, [a, 0], rows);
      if (cols !== DYN) checkSize(b, module, op, [c, 1], cols);
      const zero = b.zero(rt().elementType);
      const init = emptyFrom(b, rt(), (i) => (i === 0 ? [a, 0] : [c, 1]));
      v = named(b, "linalg.matmul", [a, c], named(b, "linalg.fill", [zero], init));
      break;
    }
    case "tensorlang.relu": {
      const et = rt().elementType;
      v = mapEach(b, op.operand(0), (bb, [x]) => bb.value(isF(et) ? "arith.maximumf" : "arith.maxsi", [x, bb.zero(et)], et));
      break;
    }
    case "tensorlang.abs": {
      const et = rt().elementType;
      // Integers: max(x, 0 - x) (math.absi, which MLIR 19's LLVM lowering does not take; the minimum stays itself).
      v = mapEach(b, op.operand(0), (bb, [x]) => isF(et) ? bb.value("math.absf", [x], et) : bb.value("arith.maxsi", [x, bb.value("arith.subi", [bb.zero(et), x], et)], et));
      break;
    }
    case "tensorlang.exp": case "tensorlang.tanh": case "tensorlang.log": case "tensorlang.sqrt": case "tensorlang.neg": {
      const et = rt().elementType, name = FLOAT_UNARY_OPS[op.name];
      v = mapEach(b, op.operand(0), (bb, [x]) => bb.value(name, [x], et));
      break;
    }
    case "tensorlang.rsqrt": case "tensorlang.sigmoid": {
      const et = rt().elementType;
      v = mapEach(b, op.operand(0), (bb, [x]) => {
        const one = bb.constant(new FloatAttr(1, et), et);
        const d = op.name === "tensorlang.rsqrt" ? bb.value("math.sqrt", [x], et)
          : bb.value("arith.addf", [bb.value("math.exp", [bb.value("arith.negf", [x], et)], et), one], et);
        return bb.value("arith.divf", [one, d], et);
      });
      break;
    }
    case "tensorlang.broadcast": {
      const x = op.operand(0), xt = tensorOf(x), t = rt(), lead = t.rank - xt.rank;
      const dims: readonly Dim[] = op.result.type instanceof LinearTensorType ? op.result.type.dims : t.shape;
      t.shape.forEach((d, i) => { if (i >= lead && d !== DYN) checkSize(b, module, op, [x, i - lead], d); });
      const out = emptyFrom(b, t, (i) => {
        if (i >= lead) return [x, i - lead];
        const src = symbolSource(op, String(dims[i]));
        if (!src) throw new LoweringError(`symbolic dimension "${dims[i]}" is not the size of any tensor argument of the enclosing function`);
        return [src.v, src.d];
      });
      v = generic(b, [x], out, [mapOf(t.rank, Array.from({ length: xt.rank }, (_, k) => lead + k)), idMap(t.rank)], Array(t.rank).fill("parallel"), (_bb, [a]) => a);
      break;
    }
    case "tensorlang.reshape": v = lowerReshape(b, module, op); break;
    case "tensorlang.transpose": {
      const x = op.operand(0), r = tensorOf(x).rank, perm = transposePerm(op, r);
      checkResultSizes(b, module, op, x, perm);
      const out = empty(b, rt(), x, perm);
      // Loop i walks result dim i = input dim perm[i]: the input map sends loop perm^-1[j] to dim j.
      const inv: number[] = [];
      perm.forEach((p, i) => (inv[p] = i));
      v = generic(b, [x], out, [mapOf(r, inv), idMap(r)], Array(r).fill("parallel"), (_bb, [a]) => a);
      break;
    }
    case "tensorlang.reduce_sum": case "tensorlang.reduce_max": {
      const x = op.operand(0), ax = axisOf(op);
      checkResultSizes(b, module, op, x, Array.from({ length: tensorOf(x).rank }, (_, i) => i).filter((i) => i !== ax));
      v = reduce(b, op.operand(0), axisOf(op), rt(), op.name === "tensorlang.reduce_sum" ? "sum" : "max");
      break;
    }
    case "tensorlang.reduce_mean": {
      const x = op.operand(0), ax = axisOf(op), xt = tensorOf(x), et = xt.elementType;
      checkResultSizes(b, module, op, x, Array.from({ length: xt.rank }, (_, i) => i).filter((i) => i !== ax));
      const n = xt.shape[ax] !== DYN ? b.constant(new FloatAttr(xt.shape[ax], et), et)
        : b.value("arith.sitofp", [b.value("arith.index_cast", [b.value("tensor.dim", [x, b.constIndex(ax)], index)], i64)], et);
      v = mapEach(b, reduce(b, x, ax, rt(), "sum"), (bb, [s]) => bb.value("arith.divf", [s, n], et));
      break;
    }
    case "tensorlang.softmax": {
      const x = op.operand(0), xt = tensorOf(x), ax = axisOf(op), r = xt.rank, et = xt.elementType;
      const kept = Array.from({ length: r }, (_, i) => i).filter((i) => i !== ax);
      const redT = TensorType.get(kept.map((i) => xt.shape[i]), et);
      const m = reduce(b, x, ax, redT, "max");
      const e = mapEach(b, x, (bb, [a, mx]) => bb.value("math.exp", [bb.value("arith.subf", [a, mx], et)], et), { v: m, map: mapOf(r, kept) });
      const s = reduce(b, e, ax, redT, "sum");
      v = mapEach(b, e, (bb, [a, sum]) => bb.value("arith.divf", [a, sum], et), { v: s, map: mapOf(r, kept) });
      break;
    }
    case "tensorlang.copy":
      for (const r of op.results) r.replaceAllUsesWith(op.operand(0));
      op.erase();
      return;
    case "tensorlang.symbolic_dim": {
      const name = op.attr<StringAttr>("name")!.value;
      const src = symbolSource(op, name);
      if (!src) throw new LoweringError(`symbolic dimension "${name}" is not the size of any tensor argument of the enclosing function`);
      v = b.value("tensor.dim", [src.v, b.constIndex(src.d)], index);
      break;
    }
    case "tensorlang.assert": {
      const failed = b.value("arith.xori", [op.operand(0), b.constant(new IntegerAttr(1, i1), i1)], i1);
      callHookIf(b, module, failed, "tensorlang_assert_fail", op.loc?.line ?? 0, []);
      op.erase();
      return;
    }
    case "tensorlang.print":
      return; // kept; its operand's type becomes builtin below
    default: {
      const pair = BINARY_OPS[op.name];
      if (!pair) throw new LoweringError(`no lowering for '${op.name}'`);
      const [a, c] = op.operands;
      const t = rt();
      t.shape.forEach((_, i) => checkSize(b, module, op, [a, i], [c, i])); // one type: `?` on both sides or neither
      v = named(b, op.name.replace("tensorlang.", "linalg."), [a, c], empty(b, t, a, t.shape.map((_, i) => i)));
    }
  }
  if (res.type instanceof LinearTensorType && !replacedType.has(v)) replacedType.set(v, res.type);
  res.replaceAllUsesWith(v);
  op.erase();
}

/** Retypes every value and type attribute from linear to builtin tensor types. */
function convertAllTypes(root: Operation): void {
  root.walk((op) => {
    for (const r of op.results) r.type = convertType(r.type);
    for (const reg of op.regions) for (const blk of reg.blocks) for (const a of blk.args) a.type = convertType(a.type);
    for (const [k, a] of op.attributes) {
      if (a instanceof TypeAttr && convertType(a.type) !== a.type) op.attributes.set(k, new TypeAttr(convertType(a.type)));
    }
  });
}

export const convertTensorlangToLinalg: Pass = {
  name: "convert-tensorlang-to-linalg",
  description: "Lower tensorlang ops to tensor/linalg/arith/math/scf on builtin tensors (tensorlang.print is kept)",
  run(module: Module, _ctx: Context, diag: DiagnosticSink): void {
    const ops: Operation[] = [];
    module.walk((op) => { if (op.dialect === "tensorlang") ops.push(op); });
    for (const op of ops) {
      try { lowerOp(op, module); } catch (e) {
        if (!(e instanceof LoweringError)) throw e;
        diag.error(op.loc, `'${op.name}' op ${e.message}`);
      }
    }
    convertAllTypes(module.op);
  },
};
