// Element addresses as linear forms over SSA values, so that a loop only computes the part
// that changes in it. For `A[i + 1, k]` in a k-loop (A: memref<512x512xf32>) the address is
// aligned + 2048*i + 4*k + 2048: `aligned + 2048*i` is computed once before the loop, `4*k` in
// it, and the constant becomes the load's offset immediate. V8 does not hoist these itself, and
// a register-blocked micro-kernel spends most of its integer work on addresses without this.
import binaryen from "./binaryen.js";
import { AffineExpr } from "../../ir/affine.js";
import { IntegerAttr } from "../../ir/attributes.js";
import { BlockArgument, Operation, Value } from "../../ir/core.js";
import { IndexType } from "../../ir/types.js";
import { constantIndex } from "../../dialects/arith.js";
import { elementBytes } from "./abi.js";
import type { Expr, FunctionEmitter, MemrefVal } from "./emitter.js";

/** Σ coefficient·atom + c: an index as a function of values the emitter holds in locals. */
export interface Linear { terms: Map<Value, number>; c: number }

const constant = (c: number): Linear => ({ terms: new Map(), c });
const atom = (v: Value): Linear => ({ terms: new Map([[v, 1]]), c: 0 });
function add(a: Linear, b: Linear, sign = 1): Linear {
  const terms = new Map(a.terms);
  for (const [v, k] of b.terms) terms.set(v, (terms.get(v) ?? 0) + sign * k);
  for (const [v, k] of terms) if (k === 0) terms.delete(v);
  return { terms, c: a.c + sign * b.c };
}
function scale(a: Linear, k: number): Linear {
  if (k === 0) return constant(0);
  return { terms: new Map([...a.terms].map(([v, x]) => [v, x * k])), c: a.c * k };
}

function intConstant(v: Value): number | undefined {
  const c = constantIndex(v);
  return c !== undefined && Number.isSafeInteger(c) ? c : undefined;
}

/** An index value as a linear form, looking through constants, affine.apply and +, -, * by constants. */
export function linearOfValue(v: Value, depth = 0): Linear {
  const c = intConstant(v);
  if (c !== undefined) return constant(c);
  const d = v instanceof BlockArgument ? undefined : (v.owner as Operation);
  if (!d || depth > 8 || !(v.type instanceof IndexType)) return atom(v);
  const sub = (i: number) => linearOfValue(d.operand(i), depth + 1);
  switch (d.name) {
    case "affine.apply": {
      const map = (d.attr("map") as { map?: { numDims: number; results: readonly AffineExpr[] } }).map!;
      const ops = d.operands;
      return linearOfAffine(map.results[0], ops.slice(0, map.numDims), ops.slice(map.numDims), depth + 1) ?? atom(v);
    }
    case "arith.addi": return add(sub(0), sub(1));
    case "arith.subi": return add(sub(0), sub(1), -1);
    case "arith.muli": {
      const [a, b] = [sub(0), sub(1)];
      if (!b.terms.size) return scale(a, b.c);
      if (!a.terms.size) return scale(b, a.c);
      return atom(v);
    }
    default: return atom(v);
  }
}

/** An affine expression as a linear form over its operands; undefined for mod, div and products of dims. */
export function linearOfAffine(x: AffineExpr, dims: readonly Value[], syms: readonly Value[], depth = 0): Linear | undefined {
  switch (x.kind) {
    case "dim": return linearOfValue(dims[x.pos], depth);
    case "sym": return linearOfValue(syms[x.pos], depth);
    case "const": return constant(x.value);
    case "add": {
      const a = linearOfAffine(x.lhs, dims, syms, depth), b = linearOfAffine(x.rhs, dims, syms, depth);
      return a && b && add(a, b);
    }
    case "mul": {
      const a = linearOfAffine(x.lhs, dims, syms, depth), b = linearOfAffine(x.rhs, dims, syms, depth);
      if (!a || !b) return undefined;
      if (!b.terms.size) return scale(a, b.c);
      if (!a.terms.size) return scale(b, a.c);
      return undefined;
    }
    default: return undefined;
  }
}

const definingOp = (v: Value): Operation | null => (v instanceof BlockArgument ? v.block.parentOp : (v.owner as Operation));
/** True when `v` is computed outside `loop` (so its local holds one value while the loop runs). */
const outside = (v: Value, loop: Operation) => { const d = definingOp(v); return !d || (d !== loop && !loop.isAncestorOf(d)); };

/**
 * The lower-bound operand of an scf loop's induction variable `v`: scf.for's first, or
 * scf.parallel's for its dimension (a loop marked parallel lowers to one; its chunks start at or
 * after it). Both steps are positive (checked at run time before the loop).
 */
function scfLowerBound(v: Value): Value | undefined {
  if (!(v instanceof BlockArgument)) return undefined;
  const loop = v.block.parentOp;
  if (loop?.name === "scf.for" && v.index === 0) return loop.operand(0);
  if (loop?.name === "scf.parallel") return loop.operand(v.index);
  return undefined;
}

/** Whether an index value is provably >= 0 (constants, induction variables of loops starting at >= 0, sums of those). */
function nonNegative(v: Value, depth = 0): boolean {
  if (depth > 6) return false;
  const c = intConstant(v);
  if (c !== undefined) return c >= 0;
  if (v instanceof BlockArgument) {
    const lb = scfLowerBound(v);
    if (lb) return nonNegative(lb, depth + 1);
    const loop = v.block.parentOp;
    if (v.index !== 0 || !loop) return false;
    if (loop.name === "affine.for") {
      const map = (loop.attr("lowerBoundMap") as { map?: { numDims: number; results: readonly AffineExpr[]; numSyms: number } }).map;
      if (!map) return false;
      const ops = loop.operands.slice(0, map.numDims + map.numSyms);
      return map.results.some((r) => { const l = linearOfAffine(r, ops.slice(0, map.numDims), ops.slice(map.numDims), depth + 1); return !!l && formNonNegative(l, depth + 1); });
    }
    return false;
  }
  const d = v.owner as Operation;
  if (d.name === "affine.apply" || d.name === "arith.addi" || d.name === "arith.muli") {
    const l = linearOfValue(v, depth + 1);
    return !(l.terms.size === 1 && l.terms.has(v)) && formNonNegative(l, depth + 1);
  }
  return false;
}
const formNonNegative = (l: Linear, depth = 0) => l.c >= 0 && [...l.terms].every(([v, k]) => k > 0 && nonNegative(v, depth));

/** The lower bound of an induction variable as a linear form (a loop with a step > 0 and one lower bound). */
function lowerBound(v: Value): Linear | undefined {
  const scfLb = scfLowerBound(v);
  if (scfLb) return linearOfValue(scfLb);
  const loop = v instanceof BlockArgument && v.index === 0 ? v.block.parentOp : null;
  if (loop?.name !== "affine.for" || ((loop.attr("step") as IntegerAttr | undefined)?.num ?? 1) <= 0) return undefined;
  const map = (loop.attr("lowerBoundMap") as { map?: { numDims: number; numSyms: number; results: readonly AffineExpr[] } }).map;
  if (!map || map.results.length !== 1) return undefined;
  const ops = loop.operands.slice(0, map.numDims + map.numSyms);
  return linearOfAffine(map.results[0], ops.slice(0, map.numDims), ops.slice(map.numDims));
}

/**
 * Whether a linear form is provably >= 0: its terms are non-negative, or they are once the
 * induction variables with positive coefficients are replaced by their lower bounds (so
 * `k - kk` holds for a point loop `k = kk to kk + 256`).
 */
function provablyNonNegative(l: Linear, depth = 0): boolean {
  if (formNonNegative(l)) return true;
  if (depth > 3) return false;
  let r = constant(l.c), changed = false;
  for (const [v, k] of l.terms) {
    const lb = k > 0 ? lowerBound(v) : undefined;
    if (lb) changed = true;
    r = add(r, lb ? scale(lb, k) : { terms: new Map([[v, k]]), c: 0 });
  }
  return changed && provablyNonNegative(r, depth + 1);
}

/** Offsets folded into a load/store's immediate stay below this (wasm adds them without wrapping). */
const MAX_OFFSET = 1 << 30;

/**
 * The address of element `idx` (one linear form per dimension) of memref `memref`, as a pointer
 * expression plus a constant offset for the memarg. Undefined when the layout is not static.
 * Adding the offset as an immediate is exact only when the pointer part does not wrap, so it is
 * folded only when the terms' sum is provably non-negative; otherwise it stays in the pointer.
 */
export function linearAddress(e: FunctionEmitter, memref: Value, mv: MemrefVal, idx: readonly Linear[]): { ptr: Expr; offset: number } | undefined {
  if (!mv.strides.every((s) => "c" in s)) return undefined;
  const eb = elementBytes(mv.type.elementType);
  let lin: Linear = "c" in mv.offset ? constant(mv.offset.c) : constant(0);
  idx.forEach((l, d) => { lin = add(lin, scale(l, (mv.strides[d] as { c: number }).c)); });
  lin = scale(lin, eb);
  const fold = lin.c >= 0 && lin.c < MAX_OFFSET && provablyNonNegative({ terms: lin.terms, c: 0 });
  const offset = fold ? lin.c : 0;
  const c = fold ? 0 : lin.c;
  const m = e.m;
  const times = (x: Expr, k: number): Expr => (k === 1 ? x : k > 0 && (k & (k - 1)) === 0 ? m.i32.shl(x, e.i32(Math.log2(k))) : m.i32.mul(x, e.i32(k)));
  const term = (v: Value, k: number): Expr => times(e.get(v), k);
  const sum = (parts: Expr[]) => parts.reduce((a, b) => m.i32.add(a, b));
  // The innermost loop being emitted: what does not change in it is computed before it, once.
  const loop = e.loops[e.loops.length - 1];
  const hoist = !!loop && outside(memref, loop.op);
  const terms = [...lin.terms];
  const invariant = hoist ? terms.filter(([v]) => outside(v, loop.op)) : [];
  const variant = terms.filter((t) => !invariant.includes(t));
  const dynOffset = "c" in mv.offset ? [] : [times(e.field(mv.offset), eb)];
  // Hoisted locals are keyed by what they sum: the memref, the constant and the terms.
  const keyOf = (ts: [Value, number][]) => `${e.valueId(memref)}|${c}|${ts.map(([v, k]) => `${e.valueId(v)}*${k}`).join(",")}`;
  const baseParts = (): Expr[] => [e.field(mv.aligned), ...dynOffset, ...invariant.map(([v, k]) => term(v, k)), ...(c ? [e.i32(c)] : [])];
  let base: Expr;
  if (hoist && (invariant.length || dynOffset.length || c)) {
    const key = keyOf(invariant);
    let l = loop.bases.get(key);
    if (l === undefined) {
      l = e.newLocal("i32");
      loop.pre.push(m.local.set(l, sum(baseParts())));
      loop.bases.set(key, l);
    }
    base = m.local.get(l, binaryen.i32);
  } else base = sum(baseParts());
  // base + k·iv, with iv the loop's own counter: a pointer set to base + k·lb before the loop
  // and stepped by k·step at the end of each iteration (one add per iteration instead of a
  // shift and an add per access pattern; x64 addressing scales by 8 at most).
  const iv = loop?.iv && hoist && variant.length === 1 ? variant[0] : undefined;
  if (iv && iv[0] === loop.op.body().args[0]) {
    const key = `${keyOf(terms)}|stepped`;
    let p = loop.bases.get(key);
    if (p === undefined) {
      p = e.newLocal("i32");
      const k = iv[1], bounds = loop.iv!;
      loop.pre.push(m.local.set(p, m.i32.add(base, times(bounds.lb(), k))));
      loop.post.push(m.local.set(p, m.i32.add(m.local.get(p, binaryen.i32), times(bounds.step(), k))));
      loop.bases.set(key, p);
    }
    return { ptr: m.local.get(p, binaryen.i32), offset };
  }
  const ptr = variant.length ? m.i32.add(base, sum(variant.map(([v, k]) => term(v, k)))) : base;
  return { ptr, offset };
}
