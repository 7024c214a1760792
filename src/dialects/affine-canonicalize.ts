// affine's canonicalization patterns (MLIR 19's), for --canonicalize. The map operands of
// apply/min/max/load/store/vector_load/vector_store/for/if are canonicalized as MLIR's
// composeAffineMapAndOperands + canonicalizeMapAndOperands do: producing affine.apply ops are
// composed into the map; valid symbols (top-level values, constants) used as dims become symbols
// and values only valid as dims become dims; constant symbols fold into the map; unused and
// repeated operands go; the map is simplified (flattened and rebuilt). Besides:
//   affine.min/max  repeated results go, nested min/min (max/max) merge, linear results are
//                   sorted, one result becomes an affine.apply;
//   affine.for      bounds whose operands are all constant become constants; no iteration
//                   gives its inits; a body that only yields gives what it yields (or its inits);
//   affine.parallel its bound maps and operands composed and canonicalized (as a fold, MLIR's
//                   canonicalizeLoopBounds);
//   affine.load     of a constant memref.global, at constant subscripts (any, from a splat), is the element.
import { AffineMap, IntegerSet, cst, dim, exprStr, foldBin, safeNumber, sym, type AffineExpr } from "../ir/affine.js";
import { build, fromLinear, gcd, largestDivisor, linearForm, simplifyExpr, substitute } from "../ir/affine-simplify.js";
import { AffineMapAttr, DenseArrayAttr, DenseElementsAttr, IntegerSetAttr, SymbolRefAttr, type Attribute } from "../ir/attributes.js";
import { inlineBefore } from "../ir/builder.js";
import { BlockArgument, OpResult, Operation, symbolName, type Value } from "../ir/core.js";
import type { Rewriter } from "../ir/dialect.js";
import { type ShapedType, i32 } from "../ir/types.js";
import { accessParts, constantTripCount, forParts, ifCondition, isValidDim, isValidSymbol, parallelParts, type MapAndOperands } from "./affine.js";
import { constantIndex, constantInt, scalarAttr } from "./arith.js";
import { producer, sameLists } from "./indexing.js";

/** Results (of a map, or a set's constraints) over `nd` dims and `ns` symbols, with their operands. */
interface Shape { nd: number; ns: number; exprs: AffineExpr[]; operands: Value[] }

const applyOf = (v: Value | null) => (v instanceof OpResult && v.op.name === "affine.apply" ? v.op : undefined);
const remap = (s: Shape, dims: AffineExpr[], syms: AffineExpr[]) => s.exprs.map((e) => substitute(e, dims, syms));
const shapeOf = (m: AffineMap, operands: readonly Value[]): Shape => ({ nd: m.numDims, ns: m.numSyms, exprs: [...m.results], operands: [...operands] });

/** MLIR's canonicalizeMapAndOperands. */
function canonicalizeOperands(s: Shape): Shape {
  if (!s.operands.length) return s;
  let { nd, ns, exprs, operands } = s;
  // Valid symbols used as dims become symbols (after the others).
  const dimR: AffineExpr[] = [], kept: Value[] = [], promoted: Value[] = [];
  operands.slice(0, nd).forEach((v, i) => {
    if (isValidSymbol(v)) { dimR[i] = sym(ns + promoted.length); promoted.push(v); } else { dimR[i] = dim(kept.length); kept.push(v); }
  });
  exprs = remap({ nd, ns, exprs, operands }, dimR, []);
  operands = [...kept, ...operands.slice(nd), ...promoted];
  [nd, ns] = [kept.length, ns + promoted.length];
  // Symbols that are valid only as dims become dims (after the others).
  const symR: AffineExpr[] = [], demoted: Value[] = [], rest: Value[] = [];
  operands.slice(nd).forEach((v, i) => {
    if (isValidDim(v) && !isValidSymbol(v)) { symR[i] = dim(nd + demoted.length); demoted.push(v); } else { symR[i] = sym(rest.length); rest.push(v); }
  });
  exprs = exprs.map((e) => substitute(e, [], symR));
  operands = [...operands.slice(0, nd), ...demoted, ...rest];
  [nd, ns] = [nd + demoted.length, rest.length];
  // Unused operands go, repeated ones merge, constant symbols fold in.
  const used = new Set<string>();
  const walk = (e: AffineExpr): void => { if (e.kind === "dim" || e.kind === "sym") used.add(`${e.kind}${e.pos}`); else if (e.kind !== "const") { walk(e.lhs); walk(e.rhs); } };
  exprs.forEach(walk);
  const out: Value[] = [], dR: AffineExpr[] = [], sR: AffineExpr[] = [];
  const seenD = new Map<Value, AffineExpr>(), seenS = new Map<Value, AffineExpr>();
  for (let i = 0; i < nd; i++) {
    const v = operands[i];
    if (!used.has(`dim${i}`)) continue;
    if (!seenD.has(v)) { seenD.set(v, dim(seenD.size)); out.push(v); }
    dR[i] = seenD.get(v)!;
  }
  for (let i = 0; i < ns; i++) {
    const v = operands[nd + i], c = constantIndex(v);
    if (!used.has(`sym${i}`)) continue;
    if (c !== undefined) { sR[i] = cst(c); continue; }
    if (!seenS.has(v)) { seenS.set(v, sym(seenS.size)); out.push(v); }
    sR[i] = seenS.get(v)!;
  }
  return { nd: seenD.size, ns: seenS.size, exprs: exprs.map((e) => substitute(e, dR, sR)), operands: out };
}

/** MLIR's composeAffineMapAndOperands: affine.apply operands substituted by their maps until none is left, then canonicalized and simplified. */
function compose(s: Shape): Shape {
  const dims: (Value | null)[] = s.operands.slice(0, s.nd), syms: (Value | null)[] = s.operands.slice(s.nd);
  let exprs = s.exprs;
  for (let pos = 0; pos < dims.length + syms.length;) {
    const isDim = pos < dims.length, list = isDim ? dims : syms, i = isDim ? pos : pos - dims.length, ap = applyOf(list[i]);
    if (!ap) { pos++; continue; }
    list[i] = null;
    const c = canonicalizeOperands(shapeOf(ap.attr<AffineMapAttr>("map")!.map, ap.operands));
    const repl = substitute(c.exprs[0], Array.from({ length: c.nd }, (_, k) => dim(dims.length + k)), Array.from({ length: c.ns }, (_, k) => sym(syms.length + k)));
    dims.push(...c.operands.slice(0, c.nd));
    syms.push(...c.operands.slice(c.nd));
    const r: AffineExpr[] = [];
    r[i] = repl;
    exprs = exprs.map((e) => (isDim ? substitute(e, r, []) : substitute(e, [], r)));
    pos = 0;
  }
  const operands: Value[] = [];
  const dR = dims.map((v) => (v ? (operands.push(v), dim(operands.length - 1)) : cst(0))), nd = operands.length;
  const sR = syms.map((v) => (v ? (operands.push(v), sym(operands.length - 1 - nd)) : cst(0)));
  const c = canonicalizeOperands({ nd, ns: operands.length - nd, exprs: exprs.map((e) => substitute(e, dR, sR)), operands });
  return { ...c, exprs: c.exprs.map((e) => simplifyExpr(e, c.nd, c.ns)) };
}

/** The affine.for whose induction variable `v` is. */
const loopOf = (v: Value) => (v instanceof BlockArgument && v.index === 0 && v.block.parentOp?.name === "affine.for" ? v.block.parentOp : undefined);
/** The constant bounds of a loop's induction variable: [first, last] value, each if known (MLIR's getLowerBound/getUpperBound of an IV). */
function ivRange(v: Value): [number | undefined, number | undefined] {
  const loop = loopOf(v);
  if (!loop) return [undefined, undefined];
  const f = forParts(loop), lb = f.lower.map.constantValue, ub = f.upper.map.constantValue;
  if (ub === undefined) return [lb, undefined];
  return [lb, lb === undefined ? ub - 1 : ub - 1 - ((ub - lb - 1) % f.step)];
}
/** MLIR's getBoundForAffineExpr: a constant bound (upper or lower, inclusive) from the operands' ranges; linear parts only. */
function exprBound(e: AffineExpr, s: Shape, upper: boolean): number | undefined {
  if (e.kind === "floordiv" || e.kind === "ceildiv" || e.kind === "mod") {
    const c = e.rhs.kind === "const" ? e.rhs.value : 0;
    if (c < 1) return undefined;
    if (e.kind !== "mod") { const b = exprBound(e.lhs, s, upper); return b === undefined ? undefined : foldBin(e.kind, b, c); }
    // (lower and upper bounds of the left side both: one interval of c gives a tighter range)
    const lo = exprBound(e.lhs, s, false), hi = exprBound(e.lhs, s, true);
    if (lo !== undefined && hi !== undefined && Math.floor(lo / c) === Math.floor(hi / c)) return foldBin("mod", upper ? hi : lo, c);
    return upper ? c - 1 : 0;
  }
  const f = linearForm(e, s.nd, s.ns);
  if (!f) return undefined;
  let bound: number | undefined = f[f.length - 1];
  f.slice(0, -1).forEach((k, i) => {
    if (!k || bound === undefined) return;
    const b = ivRange(s.operands[i])[(k > 0) === upper ? 1 : 0];
    const t = b === undefined ? undefined : foldBin("mul", b, k);
    bound = t === undefined ? undefined : foldBin("add", bound, t);
  });
  return bound;
}
/**
 * MLIR's simplifyMinOrMaxExprWithOperands, for a loop bound: with the operands' loop ranges, a
 * result of a max (min) whose largest (smallest) value no other result's smallest (largest) value
 * exceeds (undercuts) can never be the bound and goes (of equal constants, the first stays); a
 * result with a single value becomes that constant. Sound as long as exprBound is.
 */
function dropBoundedResults(m: AffineMap, operands: readonly Value[], isMax: boolean): AffineMap {
  if (!operands.length) return m;
  const s: Shape = { nd: m.numDims, ns: m.numSyms, exprs: [...m.results], operands: [...operands] };
  const lo = m.results.map((e) => (e.kind === "const" ? e.value : exprBound(e, s, false)));
  const hi = m.results.map((e) => (e.kind === "const" ? e.value : exprBound(e, s, true)));
  // For a max, a result's own upper bound against others' lower bounds; for a min the reverse.
  const [own, other] = isMax ? [hi, lo] : [lo, hi];
  const exprs = m.results.flatMap((e, i) => {
    if (lo[i] !== undefined && lo[i] === hi[i]) e = cst(lo[i]!);
    const b = own[i];
    if (b === undefined) return [e];
    const redundant = other.some((x, j) => {
      if (j === i || x === undefined) return false;
      if (x !== b) return isMax ? x > b : x < b;
      return !(lo[i] === hi[i] && own[j] === x && i < j); // both single-valued and equal: the first stays
    });
    return redundant ? [] : [e];
  });
  // (Only when an operand's loop never runs can all go, as in mlir-opt-19, which leaves a bound without results.)
  return exprs.length ? new AffineMap(m.numDims, m.numSyms, exprs) : m;
}
/** MLIR's getLargestKnownDivisor with operands: a dim that is an induction variable from 0 is a multiple of its step. */
function knownDivisor(e: AffineExpr, s: Shape): number {
  if (e.kind !== "dim") return largestDivisor(e);
  const loop = loopOf(s.operands[e.pos]);
  if (!loop) return 1;
  const f = forParts(loop);
  return f.lower.map.constantValue === 0 ? f.step : gcd(f.lower.map.results.map(largestDivisor).reduce(gcd, 0), f.step);
}
/** MLIR's isNonNegativeBoundedBy: a constant in [0, k), or an induction variable whose loop runs within it. */
function boundedBy(e: AffineExpr, s: Shape, k: number): boolean {
  if (e.kind === "const") return e.value >= 0 && e.value < k;
  const loop = e.kind === "dim" ? loopOf(s.operands[e.pos]) : undefined;
  if (!loop) return false;
  const { lower, upper } = forParts(loop), lb = lower.map.constantValue, ub = upper.map.constantValue;
  return lb !== undefined && lb >= 0 && ub !== undefined && ub <= k;
}
/**
 * MLIR's simplifyExprAndOperands: a floordiv, ceildiv or mod by a positive constant whose left
 * side's range (from loop bounds) gives one quotient is that quotient (the left side, for a mod);
 * (q * k + r) floordiv c with 0 <= r < k and k dividing c is (q * k) floordiv c, and its mod c for
 * c dividing k is r mod c; e floordiv c with 0 <= e < c is 0, e mod c with c dividing e is 0.
 */
function simplifyWithOperands(e: AffineExpr, s: Shape): AffineExpr {
  if (e.kind === "dim" || e.kind === "sym" || e.kind === "const") return e;
  e = build(e.kind, simplifyWithOperands(e.lhs, s), simplifyWithOperands(e.rhs, s));
  if ((e.kind !== "floordiv" && e.kind !== "ceildiv" && e.kind !== "mod") || e.rhs.kind !== "const" || e.rhs.value <= 0) return e;
  const { kind, lhs } = e, c = e.rhs.value, lo = exprBound(lhs, s, false), hi = exprBound(lhs, s, true);
  if (lo !== undefined && hi !== undefined) {
    if (kind !== "mod" && foldBin(kind, lo, c) === foldBin(kind, hi, c)) return cst(foldBin(kind, lo, c)!);
    if (kind === "mod" && lo >= 0 && lo < c && hi < c) return lhs;
  }
  if (lhs.kind === "add") {
    for (const [q, r] of [[lhs.lhs, lhs.rhs], [lhs.rhs, lhs.lhs]]) {
      const k = knownDivisor(q, s);
      if (!boundedBy(r, s, k)) continue;
      if (kind === "floordiv" && c % k === 0) return build("floordiv", q, e.rhs);
      if (kind === "mod" && k % c === 0) return build("mod", r, e.rhs);
      return e;
    }
  }
  if ((kind === "floordiv" && boundedBy(lhs, s, c)) || (kind === "mod" && knownDivisor(lhs, s) % c === 0)) return cst(0);
  return e;
}

/** MLIR's SimplifyAffineOp: the map and operands composed and canonicalized, then simplified with what loop bounds say of the operands, if that changes them. */
function simplified(map: AffineMap, operands: readonly Value[]): MapAndOperands | undefined {
  const c0 = canonicalizeOperands(compose(shapeOf(map, operands))), c = { ...c0, exprs: c0.exprs.map((e) => simplifyWithOperands(e, c0)) };
  const m = new AffineMap(c.nd, c.ns, c.exprs);
  return m.equals(map) && sameLists(c.operands, operands) ? undefined : { map: m, operands: c.operands };
}

const setMap = (op: Operation, name: string, m: AffineMap) => op.attributes.set(name, new AffineMapAttr(m));
const dedupe = (m: AffineMap) => new AffineMap(m.numDims, m.numSyms, m.results.filter((e, i) => m.results.findIndex((x) => exprStr(x) === exprStr(e)) === i));

/** affine.apply, load, store, vector_load, vector_store: their map operands simplified. */
export function canonicalizeAccess(op: Operation): boolean {
  const isApply = op.name === "affine.apply", a = isApply ? undefined : accessParts(op);
  const map = isApply ? op.attr<AffineMapAttr>("map")!.map : a!.map, s = simplified(map, isApply ? op.operands : a!.indices);
  if (!s) return false;
  setMap(op, "map", s.map);
  op.setOperands([...op.operands.slice(0, op.operands.length - (isApply ? op.operands.length : a!.indices.length)), ...s.operands]);
  return true;
}

export function canonicalizeMinMax(op: Operation, rw: Rewriter): boolean {
  const orig = op.attr<AffineMapAttr>("map")!.map;
  let map = dedupe(orig), operands = [...op.operands];
  // A result that is a min (max) of the same kind merges that op's results in.
  const producer = (e: AffineExpr) => (e.kind === "dim" || e.kind === "sym" ? operands[e.kind === "dim" ? e.pos : map.numDims + e.pos] : undefined);
  const inner = map.results.map((e) => { const v = producer(e); return v instanceof OpResult && v.op.name === op.name ? v.op : undefined; });
  if (inner.some(Boolean)) {
    const exprs = map.results.filter((_, i) => !inner[i]), dimOps = operands.slice(0, map.numDims), symOps = operands.slice(map.numDims);
    for (const p of inner) {
      if (!p) continue;
      const pm = p.attr<AffineMapAttr>("map")!.map, shiftD = Array.from({ length: pm.numDims }, (_, k) => dim(dimOps.length + k));
      const shiftS = Array.from({ length: pm.numSyms }, (_, k) => sym(symOps.length + k));
      exprs.push(...pm.results.map((e) => substitute(e, shiftD, shiftS)));
      dimOps.push(...p.operands.slice(0, pm.numDims));
      symOps.push(...p.operands.slice(pm.numDims));
    }
    map = new AffineMap(dimOps.length, symOps.length, exprs);
    operands = [...dimOps, ...symOps];
  }
  const s = simplified(map, operands);
  if (s) ({ map, operands } = s);
  // Results without floordiv/mod terms sort by their coefficients (dims, symbols, constant).
  const forms = map.results.map((e) => linearForm(e, map.numDims, map.numSyms));
  if (forms.every(Boolean)) {
    const cmp = (a: number[], b: number[]) => { for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i]; return 0; };
    map = new AffineMap(map.numDims, map.numSyms, (forms as number[][]).sort(cmp).map((f) => fromLinear(f, map.numDims, map.numSyms)));
  }
  if (map.results.length === 1) {
    const n = new Operation({ name: "affine.apply", operands, resultTypes: [op.result.type], attributes: { map: new AffineMapAttr(map) }, loc: op.loc });
    op.parent!.insertBefore(op, n);
    rw.replaceOp(op, [n.result]);
    return true;
  }
  if (map.equals(orig) && sameLists(operands, op.operands)) return false;
  setMap(op, "map", map);
  op.setOperands(operands);
  return true;
}

export function canonicalizeAffineFor(op: Operation, rw: Rewriter): boolean {
  const f = forParts(op);
  if (f.inits.length && constantTripCount(op) === 0) { rw.replaceOp(op, f.inits); return true; }
  if (f.inits.length && emptyLoop(op, f, rw)) return true;
  const bound = (b: MapAndOperands, lower: boolean): MapAndOperands => {
    const cs = b.operands.map(constantInt);
    const rs = b.map.constantValue === undefined && cs.every((c) => c !== undefined) ? b.map.evalI64(cs.slice(0, b.map.numDims) as bigint[], cs.slice(b.map.numDims) as bigint[]) : undefined;
    const v = rs?.length ? safeNumber(rs.reduce((x, y) => ((lower ? y > x : y < x) ? y : x))) : undefined; // (past 2^53 the bound stays: affine constants are doubles)
    if (v !== undefined) return { map: AffineMap.constant(v), operands: [] };
    // (MLIR drops results of the upper bound before composing it, of the lower bound after)
    const c = canonicalizeOperands(compose(shapeOf(lower ? b.map : dropBoundedResults(b.map, b.operands, false), b.operands)));
    const m = new AffineMap(c.nd, c.ns, c.exprs);
    return { map: dedupe(lower ? dropBoundedResults(m, c.operands, true) : m), operands: c.operands };
  };
  const lb = bound(f.lower, true), ub = bound(f.upper, false);
  if (lb.map.equals(f.lower.map) && ub.map.equals(f.upper.map) && sameLists(lb.operands, f.lower.operands) && sameLists(ub.operands, f.upper.operands)) return false;
  setMap(op, "lowerBoundMap", lb.map);
  setMap(op, "upperBoundMap", ub.map);
  op.attributes.set("operandSegmentSizes", new DenseArrayAttr(i32, [lb.operands.length, ub.operands.length, f.inits.length]));
  op.setOperands([...lb.operands, ...ub.operands, ...f.inits]);
  return true;
}

/** MLIR's AffineParallelOp::fold (canonicalizeLoopBounds): both bound maps simplified with their operands, in place. */
export function foldAffineParallel(op: Operation): Value[] | undefined {
  const f = parallelParts(op), lb = simplified(f.lower.map, f.lower.operands), ub = simplified(f.upper.map, f.upper.operands);
  if (!lb && !ub) return undefined;
  const l = lb ?? f.lower, u = ub ?? f.upper;
  setMap(op, "lowerBoundsMap", l.map);
  setMap(op, "upperBoundsMap", u.map);
  op.setOperands([...l.operands, ...u.operands]);
  return [...op.results];
}

/** MLIR's AffineLoadOp::fold: a load of a constant memref.global's element at constant subscripts (any subscripts, from a splat). */
export function foldLoadOfGlobal(op: Operation): Attribute[] | undefined {
  const get = producer(op.operand(0), "memref.get_global"), name = get?.attr<SymbolRefAttr>("name")?.root;
  let module = op.parentOp;
  while (module && module.name !== "builtin.module") module = module.parentOp;
  const g = name === undefined ? undefined : module?.body().ops.find((o) => o.name === "memref.global" && symbolName(o) === name);
  const init = g?.attr("constant") ? g.attr("initial_value") : undefined;
  if (!(init instanceof DenseElementsAttr)) return undefined;
  const { map } = accessParts(op), t = get!.result.type as ShapedType, idx = map.results.map((e) => (e.kind === "const" ? e.value : undefined));
  if (!init.isSplat && idx.includes(undefined)) return undefined;
  const flat = (idx as number[]).reduce((acc, i, d) => acc * t.shape[d] + i, 0);
  return [scalarAttr(init.at(init.isSplat ? 0 : flat), op.result.type)];
}

/**
 * MLIR's AffineForEmptyLoopFolder: a loop whose body only yields gives, per result, the init of the
 * iter_arg it yields or the outside value, unless the trip count is unknown and it yields an outside
 * value or iter_args out of order, or it runs twice or more with them out of order. A yielded
 * induction variable is not folded (its last value; MLIR 19 replaced the result by the iv itself).
 */
function emptyLoop(op: Operation, f: ReturnType<typeof forParts>, rw: Rewriter): boolean {
  if (f.body.ops.length !== 1 || f.body.terminator!.operands.includes(f.iv)) return false;
  const trips = constantTripCount(op);
  let outside = false, outOfOrder = false;
  const values = f.body.terminator!.operands.map((v, i) => {
    const k = f.iterArgs.indexOf(v as never);
    if (k < 0) { outside = true; return v; }
    outOfOrder ||= k !== i;
    return f.inits[k];
  });
  if ((trips === undefined && (outside || outOfOrder)) || (trips !== undefined && trips >= 2 && outOfOrder)) return false;
  rw.replaceOp(op, values);
  return true;
}

/** affine.if: its set composed with affine.apply operands (if any) and its operands canonicalized, the set not simplified otherwise (as MLIR). */
export function canonicalizeAffineIf(op: Operation, rw: Rewriter): boolean {
  return alwaysTrueOrFalse(op, rw) || canonicalizeCondition(op);
}
/** MLIR's AlwaysTrueOrFalseIf: under `(0 == 0)` the then block replaces the op, under `(1 == 0)` the else block (or nothing). */
function alwaysTrueOrFalse(op: Operation, rw: Rewriter): boolean {
  const { constraints: cs } = ifCondition(op).set, e = cs.length === 1 && cs[0].eq ? cs[0].expr : undefined;
  if (e?.kind !== "const" || (e.value !== 0 && e.value !== 1)) return false;
  const block = op.regions[e.value === 0 ? 0 : 1]?.blocks[0];
  if (block) rw.replaceOp(op, inlineBefore(block, op));
  else if (!op.results.length) rw.replaceOp(op, []);
  return !!block || !op.results.length;
}
function canonicalizeCondition(op: Operation): boolean {
  const { set, operands } = ifCondition(op);
  let s: Shape = { nd: set.numDims, ns: set.numSyms, exprs: set.constraints.map((c) => c.expr), operands };
  if (operands.some(applyOf)) s = compose(s);
  s = canonicalizeOperands(s);
  const n = new IntegerSet(s.nd, s.ns, s.exprs.map((expr, i) => ({ expr, eq: set.constraints[i].eq })));
  if (n.str === set.str && sameLists(s.operands, operands)) return false;
  op.attributes.set("condition", new IntegerSetAttr(n));
  op.setOperands(s.operands);
  return true;
}
