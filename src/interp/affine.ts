// affine: loops and accesses whose bounds and subscripts are affine maps of their operands
// (the first numDims operands are dims, the rest symbols).
import type { AffineMap, IntegerSet } from "../ir/affine.js";
import { ArrayAttr, IntegerSetAttr } from "../ir/attributes.js";
import type { Operation } from "../ir/core.js";
import type { HandlerTable, Interpreter } from "./interpreter.js";
import { load, store, asMemRef } from "./memref.js";
import { floatBinary, intBinary } from "./arith.js";
import { Trap, forEachIndex, type RtValue } from "./values.js";
import { enumAttr, intAttr, intList, intListOf, mapAttr, optMapAttr } from "./util.js";
import { vectorLoad, vectorStore } from "./vector.js";

/** Evaluates a map on operand values (dims then symbols). */
export function applyMap(map: AffineMap, operands: readonly RtValue[]): number[] {
  const nums = operands.map(Number);
  return map.eval(nums.slice(0, map.numDims), nums.slice(map.numDims));
}
const operandCount = (m: AffineMap) => m.numDims + m.numSyms;

function affineFor(interp: Interpreter, op: Operation, args: RtValue[]): RtValue[] {
  const lbMap = mapAttr(op, "lowerBoundMap"), ubMap = mapAttr(op, "upperBoundMap");
  const nl = operandCount(lbMap), nu = operandCount(ubMap);
  const lb = Math.max(...applyMap(lbMap, args.slice(0, nl)));
  const ub = Math.min(...applyMap(ubMap, args.slice(nl, nl + nu)));
  const step = intAttr(op, "step") ?? 1;
  let iters = args.slice(nl + nu);
  const body = op.regions[0];
  for (let iv = lb; iv < ub; iv += step) iters = interp.yieldOf(body, [iv, ...iters]);
  return iters;
}

function accessIndices(op: Operation, memrefRank: number, operands: readonly RtValue[]): number[] {
  const map = optMapAttr(op, "map");
  return map ? applyMap(map, operands) : operands.slice(0, memrefRank).map(Number);
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
  switch (kind) {
    case "addf": return floatBinary("arith.addf", a as number, b as number, t);
    case "mulf": return floatBinary("arith.mulf", a as number, b as number, t);
    case "maximumf": return floatBinary("arith.maximumf", a as number, b as number, t);
    case "minimumf": return floatBinary("arith.minimumf", a as number, b as number, t);
    case "maxnumf": return floatBinary("arith.maxnumf", a as number, b as number, t);
    case "minnumf": return floatBinary("arith.minnumf", a as number, b as number, t);
    case "addi": case "muli": case "andi": case "ori": case "maxs": case "mins": case "maxu": case "minu": {
      const name = { addi: "addi", muli: "muli", andi: "andi", ori: "ori", maxs: "maxsi", mins: "minsi", maxu: "maxui", minu: "minui" }[kind];
      return intBinary(`arith.${name}`, a as number, b as number, t);
    }
    case "assign": return b;
  }
  throw new Trap(`affine.parallel: unsupported reduction ${kind}`);
}

const IDENTITY: Record<string, number> = { addf: 0, addi: 0, mulf: 1, muli: 1, ori: 0, maxu: 0, maximumf: -Infinity, minimumf: Infinity,
  maxnumf: -Infinity, minnumf: Infinity, andi: -1, maxs: -(2 ** 53), mins: 2 ** 53, minu: 2 ** 53 };

function affineParallel(interp: Interpreter, op: Operation, args: RtValue[]): RtValue[] {
  const lbMap = mapAttr(op, "lowerBoundsMap"), ubMap = mapAttr(op, "upperBoundsMap");
  const nl = operandCount(lbMap);
  const lbs = applyMap(lbMap, args.slice(0, nl)), ubs = applyMap(ubMap, args.slice(nl));
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
  const kinds = (op.attr<ArrayAttr>("reductions")?.items ?? []).map((a) => /<\s*(\w+)\s*>/.exec(a.str)?.[1] ?? a.str);
  const acc: RtValue[] = kinds.map((k, i) => {
    const t = op.results[i].type;
    const id = IDENTITY[k] ?? 0;
    return t.str === "i64" ? BigInt(id === -(2 ** 53) ? -(2n ** 63n) : id === 2 ** 53 ? 2n ** 63n - 1n : BigInt(id)) : id;
  });
  const counts = lo.map((l, d) => Math.max(0, Math.ceil((hi[d] - l) / steps[d])));
  forEachIndex(counts, (idx) => {
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
  "affine.load": (interp, op, [m, ...rest]) => {
    const mm = asMemRef(m);
    return [load(interp, mm, accessIndices(op, mm.rank, rest))];
  },
  "affine.store": (interp, op, [v, m, ...rest]) => {
    const mm = asMemRef(m);
    store(interp, mm, accessIndices(op, mm.rank, rest), v);
    return [];
  },
  "affine.vector_load": (interp, op, [m, ...rest]) => {
    const mm = asMemRef(m);
    return [vectorLoad(interp, mm, accessIndices(op, mm.rank, rest), op.results[0].type)];
  },
  "affine.vector_store": (interp, op, [v, m, ...rest]) => {
    const mm = asMemRef(m);
    vectorStore(interp, mm, accessIndices(op, mm.rank, rest), v);
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
void enumAttr;
