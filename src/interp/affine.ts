// affine: loops and accesses whose bounds and subscripts are affine maps of their operands
// (the first numDims operands are dims, the rest symbols).
import type { AffineExpr, AffineMap, IntegerSet } from "../ir/affine.js";
import { ArrayAttr, Attribute, IntegerAttr, IntegerSetAttr, StringAttr } from "../ir/attributes.js";
import type { Operation } from "../ir/core.js";
import { FloatType } from "../ir/types.js";
import { ATOMIC_RMW_COMBINERS, ATOMIC_RMW_KINDS } from "../dialects/common.js";
import type { HandlerTable, Interpreter } from "./interpreter.js";
import { load, store, asMemRef } from "./memref.js";
import { floatBinary, intBinary } from "./arith.js";
import { Trap, forEachIndex, type RtValue, type Scalar } from "./values.js";
import { intAttr, intList, intListOf, mapAttr, optMapAttr } from "./util.js";
import { vectorLoad, vectorStore } from "./vector.js";

type Expr = (vals: readonly RtValue[], start: number) => number;

/** Compiles an affine expression to a closure over (operands, offset of the first dim). */
function compileExpr(e: AffineExpr, numDims: number): Expr {
  switch (e.kind) {
    case "dim": { const p = e.pos; return (v, s) => Number(v[s + p]); }
    case "sym": { const p = numDims + e.pos; return (v, s) => Number(v[s + p]); }
    case "const": { const c = e.value; return () => c; }
  }
  const l = compileExpr(e.lhs, numDims), r = compileExpr(e.rhs, numDims);
  switch (e.kind) {
    case "add": return (v, s) => l(v, s) + r(v, s);
    case "mul": return (v, s) => l(v, s) * r(v, s);
    case "mod": return (v, s) => { const b = r(v, s); return ((l(v, s) % b) + b) % b; };
    case "floordiv": return (v, s) => Math.floor(l(v, s) / r(v, s));
    case "ceildiv": return (v, s) => Math.ceil(l(v, s) / r(v, s));
  }
}

const compiledMaps = new WeakMap<AffineMap, Expr[]>();

/** Evaluates a map on operand values (dims then symbols) starting at operands[start]. */
export function applyMap(map: AffineMap, operands: readonly RtValue[], start = 0): number[] {
  let fs = compiledMaps.get(map);
  if (!fs) { fs = map.results.map((e) => compileExpr(e, map.numDims)); compiledMaps.set(map, fs); }
  const out = new Array<number>(fs.length);
  for (let i = 0; i < fs.length; i++) out[i] = fs[i](operands, start);
  return out;
}
const operandCount = (m: AffineMap) => m.numDims + m.numSyms;

function affineFor(interp: Interpreter, op: Operation, args: RtValue[]): RtValue[] {
  const lbMap = mapAttr(op, "lowerBoundMap"), ubMap = mapAttr(op, "upperBoundMap");
  const nl = operandCount(lbMap), nu = operandCount(ubMap);
  const lb = Math.max(...applyMap(lbMap, args, 0));
  const ub = Math.min(...applyMap(ubMap, args, nl));
  const step = intAttr(op, "step") ?? 1;
  let iters = args.slice(nl + nu);
  const body = op.regions[0];
  for (let iv = lb; iv < ub; iv += step) {
    interp.tick();
    iters = interp.yieldOf(body, [iv, ...iters]);
  }
  return iters;
}

/** Subscripts of affine.load/store: the map applied to the operands from `start`. */
function accessIndices(op: Operation, memrefRank: number, operands: readonly RtValue[], start: number): number[] {
  const map = optMapAttr(op, "map");
  return map ? applyMap(map, operands, start) : operands.slice(start, start + memrefRank).map(Number);
}

function affineIf(interp: Interpreter, op: Operation, args: RtValue[]): RtValue[] {
  const a = op.attr("condition");
  if (!(a instanceof IntegerSetAttr)) throw new Trap("affine.if without a condition set");
  const set: IntegerSet = a.set;
  const nums = args.map(Number);
  const r = op.regions[set.holds(nums.slice(0, set.numDims), nums.slice(set.numDims)) ? 0 : 1];
  if (!r || r.blocks.length === 0) return [];
  return interp.yieldOf(r, []);
}

/** Reduction kinds of affine.parallel (arith::AtomicRMWKind names). */
function reduce(kind: string, a: RtValue, b: RtValue, op: Operation, i: number): RtValue {
  const t = op.results[i].type;
  if (kind === "assign") return b;
  const name = ATOMIC_RMW_COMBINERS[kind as keyof typeof ATOMIC_RMW_COMBINERS];
  if (!name) throw new Trap(`affine.parallel: unsupported reduction ${kind}`);
  return t instanceof FloatType ? floatBinary(name, a as number, b as number, t) : intBinary(name, a as Scalar, b as Scalar, t);
}

function reductionName(a: Attribute): string {
  if (a instanceof IntegerAttr) return ATOMIC_RMW_KINDS[a.num] ?? String(a.num);
  if (a instanceof StringAttr) return a.value;
  return /<\s*(\w+)\s*>/.exec(a.str)?.[1] ?? a.str.replace(/"/g, "");
}

const IDENTITY: Record<string, number> = { addf: 0, addi: 0, mulf: 1, muli: 1, ori: 0, maxu: 0, maximumf: -Infinity, minimumf: Infinity,
  maxnumf: -Infinity, minnumf: Infinity, andi: -1, maxs: -(2 ** 53), mins: 2 ** 53, minu: 2 ** 53 };

function affineParallel(interp: Interpreter, op: Operation, args: RtValue[]): RtValue[] {
  const lbMap = mapAttr(op, "lowerBoundsMap"), ubMap = mapAttr(op, "upperBoundsMap");
  const nl = operandCount(lbMap);
  const lbs = applyMap(lbMap, args, 0), ubs = applyMap(ubMap, args, nl);
  const groups = (name: string, n: number) => intListOf(op.attr(name)) ?? denseGroups(op, name) ?? new Array<number>(n).fill(1);
  const fold = (vals: number[], sizes: number[], f: (...x: number[]) => number) => {
    const out: number[] = [];
    let k = 0;
    for (const s of sizes) { out.push(f(...vals.slice(k, k + s))); k += s; }
    return out;
  };
  const lo = fold(lbs, groups("lowerBoundsGroups", lbs.length), Math.max);
  const hi = fold(ubs, groups("upperBoundsGroups", ubs.length), Math.min);
  const steps = intList(op, "steps") ?? lo.map(() => 1);
  const kinds = (op.attr<ArrayAttr>("reductions")?.items ?? []).map(reductionName);
  const acc: RtValue[] = kinds.map((k, i) => {
    const t = op.results[i].type;
    const id = IDENTITY[k] ?? 0;
    return t.str === "i64" ? BigInt(id === -(2 ** 53) ? -(2n ** 63n) : id === 2 ** 53 ? 2n ** 63n - 1n : BigInt(id)) : id;
  });
  const counts = lo.map((l, d) => Math.max(0, Math.ceil((hi[d] - l) / steps[d])));
  forEachIndex(counts, (idx) => {
    interp.tick();
    const vals = interp.yieldOf(op.regions[0], idx.map((k, d) => lo[d] + k * steps[d]));
    vals.forEach((v, i) => (acc[i] = reduce(kinds[i], acc[i], v, op, i)));
  });
  return acc;
}

/** `dense<1> : tensor<2xi32>` style group attributes. */
function denseGroups(op: Operation, name: string): number[] | undefined {
  const a = op.attr(name) as unknown as { at?: (i: number) => number | bigint; numElements?: number } | undefined;
  if (!a?.at || a.numElements === undefined) return undefined;
  return Array.from({ length: a.numElements }, (_, i) => Number(a.at!(i)));
}

export const AFFINE: HandlerTable = {
  "affine.for": affineFor,
  "affine.if": affineIf,
  "affine.parallel": affineParallel,
  "affine.load": (interp, op, args) => {
    const mm = asMemRef(args[0]);
    return [load(interp, mm, accessIndices(op, mm.rank, args, 1))];
  },
  "affine.store": (interp, op, args) => {
    const mm = asMemRef(args[1]);
    store(interp, mm, accessIndices(op, mm.rank, args, 2), args[0]);
    return [];
  },
  "affine.vector_load": (interp, op, args) => {
    const mm = asMemRef(args[0]);
    return [vectorLoad(interp, mm, accessIndices(op, mm.rank, args, 1), op.results[0].type)];
  },
  "affine.vector_store": (interp, op, args) => {
    const mm = asMemRef(args[1]);
    vectorStore(interp, mm, accessIndices(op, mm.rank, args, 2), args[0]);
    return [];
  },
  "affine.apply": (_i, op, args) => [applyMap(mapAttr(op, "map"), args)[0]],
  "affine.min": (_i, op, args) => [Math.min(...applyMap(mapAttr(op, "map"), args))],
  "affine.max": (_i, op, args) => [Math.max(...applyMap(mapAttr(op, "map"), args))],
  "affine.delinearize_index": (_i, op, [x, ...basis]) => {
    const b = basis.length ? basis.map(Number) : intList(op, "static_basis") ?? [];
    const out: number[] = [];
    let v = Number(x);
    for (let d = b.length - 1; d >= 0; d--) { out.unshift(((v % b[d]) + b[d]) % b[d]); v = Math.floor(v / b[d]); }
    return out;
  },
};
