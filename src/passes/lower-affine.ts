// --lower-affine: affine.for/if/parallel/load/store/apply/min/max/yield → scf + arith + memref.
// Affine expressions are expanded to arith ops on index values exactly as MLIR's
// AffineApplyExpander does (same op sequence for mod/floordiv/ceildiv), so the result matches
// `mlir-opt --lower-affine` up to constant de-duplication.
import { AffineMap, IntegerSet, bin, cst, dim, type AffineExpr } from "../ir/affine.js";
import {
  AffineMapAttr, ArrayAttr, Attribute, DenseArrayAttr, DenseElementsAttr, FloatAttr, IntegerAttr, IntegerSetAttr, intAttr,
} from "../ir/attributes.js";
import { Builder, regionWith } from "../ir/builder.js";
import { Block, Module, Operation, Region, Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { DiagnosticSink } from "../ir/diagnostics.js";
import { IntegerType, Type, contiguousStrides, i1, i32, index } from "../ir/types.js";
import { constantIndex } from "../dialects/arith.js";
import { ATOMIC_RMW_COMBINERS, ATOMIC_RMW_KINDS } from "../dialects/common.js";
import { foldInPlace } from "./canonicalize.js";
import type { Pass } from "./pass.js";

/** The dialects MLIR's --lower-affine target calls legal. */
const LEGAL = new Set(["arith", "memref", "scf", "vector"]);

/** Thrown (and turned into a diagnostic) for expressions MLIR cannot lower either. */
class LoweringError extends Error {}

export const cmpi = (b: Builder, pred: "eq" | "slt" | "sle" | "sge", x: Value, y: Value): Value =>
  b.value("arith.cmpi", [x, y], i1, { predicate: intAttr(["eq", "ne", "slt", "sle", "sgt", "sge"].indexOf(pred)) });
const ibin = (b: Builder, name: string, x: Value, y: Value): Value => b.value(`arith.${name}`, [x, y], index);
const select = (b: Builder, c: Value, x: Value, y: Value): Value => b.value("arith.select", [c, x, y], index);

/** Emits arith ops computing `e` with dims/symbols bound to `dims`/`syms`. */
export function expandAffineExpr(b: Builder, e: AffineExpr, dims: readonly Value[], syms: readonly Value[]): Value {
  switch (e.kind) {
    case "dim": return dims[e.pos];
    case "sym": return syms[e.pos];
    case "const": return b.constIndex(e.value);
    case "add": return ibin(b, "addi", expandAffineExpr(b, e.lhs, dims, syms), expandAffineExpr(b, e.rhs, dims, syms));
    case "mul": return ibin(b, "muli", expandAffineExpr(b, e.lhs, dims, syms), expandAffineExpr(b, e.rhs, dims, syms));
  }
  if (e.rhs.kind !== "const" || e.rhs.value <= 0) {
    throw new LoweringError(`semi-affine expressions (${e.kind} by a non-constant or non-positive value) are not supported`);
  }
  const lhs = expandAffineExpr(b, e.lhs, dims, syms);
  const rhs = expandAffineExpr(b, e.rhs, dims, syms);
  switch (e.kind) {
    case "mod": {
      // rem = lhs % rhs; rem < 0 ? rem + rhs : rem
      const rem = ibin(b, "remsi", lhs, rhs);
      const zero = b.constIndex(0);
      const neg = cmpi(b, "slt", rem, zero);
      return select(b, neg, ibin(b, "addi", rem, rhs), rem);
    }
    case "floordiv": {
      // lhs < 0 ? -1 - ((-1 - lhs) / rhs) : lhs / rhs  (with truncating division)
      const zero = b.constIndex(0), minus1 = b.constIndex(-1);
      const neg = cmpi(b, "slt", lhs, zero);
      const dividend = select(b, neg, ibin(b, "subi", minus1, lhs), lhs);
      const q = ibin(b, "divsi", dividend, rhs);
      return select(b, neg, ibin(b, "subi", minus1, q), q);
    }
    default: {
      // ceildiv: lhs <= 0 ? -((-lhs) / rhs) : ((lhs - 1) / rhs) + 1
      const zero = b.constIndex(0), one = b.constIndex(1);
      const nonPos = cmpi(b, "sle", lhs, zero);
      const dividend = select(b, nonPos, ibin(b, "subi", zero, lhs), ibin(b, "subi", lhs, one));
      const q = ibin(b, "divsi", dividend, rhs);
      return select(b, nonPos, ibin(b, "subi", zero, q), ibin(b, "addi", q, one));
    }
  }
}

/** Every result of `map` applied to `operands` (dims first, then symbols). */
export function expandAffineMap(b: Builder, map: AffineMap, operands: readonly Value[]): Value[] {
  const dims = operands.slice(0, map.numDims), syms = operands.slice(map.numDims);
  return map.results.map((r) => expandAffineExpr(b, r, dims, syms));
}

/** Folds several values with arith.maxsi / arith.minsi (affine max/min bound semantics). */
function reduceMinMax(b: Builder, name: "maxsi" | "minsi", vs: Value[]): Value {
  return vs.slice(1).reduce((acc, v) => ibin(b, name, acc, v), vs[0]);
}

function mapAttr(op: Operation, name: string): AffineMap {
  const a = op.attr(name);
  if (!(a instanceof AffineMapAttr)) throw new LoweringError(`'${op.name}' op has no affine map attribute '${name}'`);
  return a.map;
}

/** Integer values of an i32 group list, whichever way the dialect stores it. */
export function intList(a: Attribute | undefined): number[] {
  if (a instanceof DenseArrayAttr) return [...a.values];
  if (a instanceof DenseElementsAttr) return Array.from({ length: a.numElements }, (_, i) => Number(a.at(i)));
  if (a instanceof ArrayAttr) return a.items.map((x) => (x instanceof IntegerAttr ? x.num : NaN));
  return [];
}

/** Replaces the affine.yield ending `blk` by scf.yield (same operands). */
function yieldToScf(blk: Block): void {
  const t = blk.terminator;
  if (t && t.name === "affine.yield") {
    Builder.before(t).create("scf.yield", [...t.operands]);
    t.erase();
  } else if (!t || t.name !== "scf.yield") Builder.atEnd(blk).create("scf.yield");
}

function lowerFor(op: Operation): void {
  const b = Builder.before(op);
  const seg = intList(op.attr("operandSegmentSizes"));
  const [nLb, nUb] = seg.length === 3 ? seg : [mapAttr(op, "lowerBoundMap").numDims + mapAttr(op, "lowerBoundMap").numSyms,
    mapAttr(op, "upperBoundMap").numDims + mapAttr(op, "upperBoundMap").numSyms];
  const lbOps = op.operands.slice(0, nLb), ubOps = op.operands.slice(nLb, nLb + nUb), inits = op.operands.slice(nLb + nUb);
  const lb = reduceMinMax(b, "maxsi", expandAffineMap(b, mapAttr(op, "lowerBoundMap"), lbOps));
  const ub = reduceMinMax(b, "minsi", expandAffineMap(b, mapAttr(op, "upperBoundMap"), ubOps));
  const stepAttr = op.attr("step");
  const step = b.constIndex(stepAttr instanceof IntegerAttr ? stepAttr.num : 1);
  const region = op.regions[0];
  op.regions.length = 0;
  if (!inits.length && op.attributes.has("tensorlang.parallel")) {
    // Marked by the optimizer's parallelize (iterations independent): an scf.parallel, which
    // the wasm backend splits across threads. (MLIR's pass drops the attribute: scf.for.)
    const blk = region.blocks[0], t = blk.terminator;
    if (t && (t.name === "affine.yield" || t.name === "scf.yield")) t.erase();
    Builder.atEnd(blk, op.loc).create("scf.reduce");
    b.create("scf.parallel", [lb, ub, step], [], { operandSegmentSizes: new DenseArrayAttr(i32, [1, 1, 1, 0]) }, [region]);
    op.erase();
    return;
  }
  const scfFor = b.create("scf.for", [lb, ub, step, ...inits], op.results.map((r) => r.type), {}, [region]);
  yieldToScf(region.blocks[0]);
  op.results.forEach((r, i) => r.replaceAllUsesWith(scfFor.results[i]));
  op.erase();
}

/** The i1 value of an integer set: all constraints (`e >= 0` / `e == 0`) and-ed together. */
function expandSet(b: Builder, set: IntegerSet, operands: readonly Value[]): Value {
  if (!set.constraints.length) return b.constant(intAttr(1, i1), i1);
  const zero = b.constIndex(0);
  const dims = operands.slice(0, set.numDims), syms = operands.slice(set.numDims);
  let cond: Value | undefined;
  for (const c of set.constraints) {
    const v = cmpi(b, c.eq ? "eq" : "sge", expandAffineExpr(b, c.expr, dims, syms), zero);
    cond = cond ? b.value("arith.andi", [cond, v], i1) : v;
  }
  return cond!;
}

function lowerIf(op: Operation): void {
  const b = Builder.before(op);
  const setA = op.attr("condition");
  if (!(setA instanceof IntegerSetAttr)) throw new LoweringError("'affine.if' op has no integer set 'condition'");
  const cond = expandSet(b, setA.set, op.operands);
  const regions = op.regions.splice(0);
  while (regions.length < 2) regions.push(new Region());
  for (const r of regions) for (const blk of r.blocks) yieldToScf(blk);
  const scfIf = b.create("scf.if", [cond], op.results.map((r) => r.type), {}, regions);
  op.results.forEach((r, i) => r.replaceAllUsesWith(scfIf.results[i]));
  op.erase();
}

/** The identity of each reduction's combining arith op (ATOMIC_RMW_COMBINERS), as MLIR lowers reductions. */
const IDENTITY: Readonly<Record<string, (t: Type) => Attribute>> = (() => {
  const f = (v: number) => (t: Type) => new FloatAttr(v, t);
  const i = (v: bigint | ((w: number) => bigint)) => (t: Type) => {
    const w = t instanceof IntegerType ? t.width : 64;
    return new IntegerAttr(typeof v === "bigint" ? v : v(w), t);
  };
  return {
    "arith.addf": f(0), "arith.addi": i(0n), "arith.maximumf": f(-Infinity), "arith.maxsi": i((w) => -(1n << BigInt(w - 1))),
    "arith.maxui": i(0n), "arith.minimumf": f(Infinity), "arith.minsi": i((w) => (1n << BigInt(w - 1)) - 1n), "arith.minui": i(-1n),
    "arith.mulf": f(1), "arith.muli": i(1n), "arith.ori": i(0n), "arith.andi": i(-1n), "arith.maxnumf": f(NaN), "arith.minnumf": f(NaN),
  };
})();
/** arith::AtomicRMWKind (enum order) → the combining arith op and its identity; undefined for assign. */
const RMW = ATOMIC_RMW_KINDS.map((k) => { const name = ATOMIC_RMW_COMBINERS[k]; return name ? ([name, IDENTITY[name]] as const) : undefined; });

function lowerParallel(op: Operation): void {
  const kinds = intList(op.attr("reductions"));
  const combine = kinds.map((k) => RMW[k]);
  if (combine.some((c) => !c)) throw new LoweringError("'affine.parallel' reduction kind has no identity value (assign?)");
  const b = Builder.before(op);
  const lbMap = mapAttr(op, "lowerBoundsMap"), ubMap = mapAttr(op, "upperBoundsMap");
  const nLb = lbMap.numDims + lbMap.numSyms;
  const lbs = expandAffineMap(b, lbMap, op.operands.slice(0, nLb));
  const ubs = expandAffineMap(b, ubMap, op.operands.slice(nLb));
  // Each loop dimension's bound is the max (lower) / min (upper) of its group of results.
  const grouped = (vs: Value[], groups: number[], kind: "maxsi" | "minsi"): Value[] => {
    if (!groups.length) return vs;
    let k = 0;
    return groups.map((n) => reduceMinMax(b, kind, vs.slice(k, (k += n))));
  };
  const lo = grouped(lbs, intList(op.attr("lowerBoundsGroups")), "maxsi");
  const hi = grouped(ubs, intList(op.attr("upperBoundsGroups")), "minsi");
  const stepList = intList(op.attr("steps"));
  const steps = lo.map((_, i) => b.constIndex(stepList[i] ?? 1));
  const types = op.results.map((r) => r.type);
  const inits = combine.map((c, i) => b.constant(c![1](types[i]), types[i]));
  const region = op.regions[0];
  op.regions.length = 0;
  const blk = region.blocks[0];
  const t = blk.terminator;
  const yielded = t && (t.name === "affine.yield" || t.name === "scf.yield") ? [...t.operands] : [];
  if (t && (t.name === "affine.yield" || t.name === "scf.yield")) t.erase();
  // scf.reduce takes each partial value with a region combining two of them.
  const regions = yielded.map((v, i) => {
    const { region: r, block } = regionWith([v.type, v.type]);
    const rb = Builder.atEnd(block, op.loc);
    rb.create("scf.reduce.return", [rb.value(combine[i]![0], [block.args[0], block.args[1]], v.type)]);
    return r;
  });
  Builder.atEnd(blk, op.loc).create("scf.reduce", yielded, [], {}, regions);
  const par = b.create("scf.parallel", [...lo, ...hi, ...steps, ...inits], types, {
    operandSegmentSizes: new DenseArrayAttr(i32, [lo.length, hi.length, steps.length, inits.length]),
  }, [region]);
  op.results.forEach((r, i) => r.replaceAllUsesWith(par.results[i]));
  op.erase();
}


/**
 * affine.delinearize_index %x into (b0, ..., bn-1): with strides s_i = b_{i+1} * ... * b_{n-1},
 * r_0 = x floordiv s_0, r_i = (x mod s_{i-1}) floordiv s_i, r_{n-1} = x mod s_{n-2} (MLIR's expansion).
 */
function delinearize(b: Builder, op: Operation): Value[] {
  const basis = op.operands.slice(1).map(constantIndex);
  if (basis.some((v) => v === undefined)) throw new LoweringError("'affine.delinearize_index' with a non-constant basis is not supported");
  const n = basis.length;
  const strides = contiguousStrides(basis as number[]);
  const x = dim(0);
  return strides.map((st, i) => {
    let e: AffineExpr = i === 0 ? x : bin("mod", x, cst(strides[i - 1]));
    if (i < n - 1 || i === 0) e = bin("floordiv", e, cst(st));
    return expandAffineExpr(b, e, [op.operand(0)], []);
  });
}

/** Lowers one affine op (its regions already lowered); false if `op` is not affine. */
function lowerOp(op: Operation): boolean {
  switch (op.name) {
    case "affine.for": lowerFor(op); return true;
    case "affine.if": lowerIf(op); return true;
    case "affine.parallel": lowerParallel(op); return true;
    case "affine.yield": return true; // rewritten by the parent
  }
  const b = Builder.before(op);
  let repl: Value | undefined;
  switch (op.name) {
    case "affine.apply": repl = expandAffineMap(b, mapAttr(op, "map"), op.operands)[0]; break;
    case "affine.min": repl = reduceMinMax(b, "minsi", expandAffineMap(b, mapAttr(op, "map"), op.operands)); break;
    case "affine.max": repl = reduceMinMax(b, "maxsi", expandAffineMap(b, mapAttr(op, "map"), op.operands)); break;
    case "affine.load": {
      const idx = expandAffineMap(b, mapAttr(op, "map"), op.operands.slice(1));
      repl = b.value("memref.load", [op.operand(0), ...idx], op.result.type);
      break;
    }
    case "affine.store": case "affine.vector_store": {
      const idx = expandAffineMap(b, mapAttr(op, "map"), op.operands.slice(2));
      b.create(op.name === "affine.store" ? "memref.store" : "vector.store", [op.operand(0), op.operand(1), ...idx]);
      break;
    }
    case "affine.vector_load": {
      const idx = expandAffineMap(b, mapAttr(op, "map"), op.operands.slice(1));
      repl = b.value("vector.load", [op.operand(0), ...idx], op.result.type);
      break;
    }
    case "affine.delinearize_index": {
      const vs = delinearize(b, op);
      op.results.forEach((r, i) => r.replaceAllUsesWith(vs[i]));
      break;
    }
    default:
      if (op.name.startsWith("affine.")) throw new LoweringError(`lowering of '${op.name}' is not supported`);
      return false;
  }
  if (repl) op.result.replaceAllUsesWith(repl);
  op.erase();
  return true;
}

/** Post-order: inner ops first, so a loop's body is already scf when the loop is rewritten. */
function lowerRegions(op: Operation, diag: DiagnosticSink): void {
  for (const r of op.regions) for (const blk of r.blocks) for (const o of [...blk.ops]) {
    lowerRegions(o, diag);
    try { lowerOp(o); } catch (e) {
      if (!(e instanceof LoweringError)) throw e;
      diag.error(o.loc, e.message);
    }
  }
}

export const lowerAffine: Pass = {
  name: "lower-affine",
  description: "Lower affine ops to scf, arith and memref ops",
  run(module: Module, ctx: Context, diag: DiagnosticSink): void {
    // MLIR's partial conversion first tries to fold every op its target does not call legal
    // (dialects other than arith, memref, scf and vector): a math op of constants becomes one.
    // Replacements wait until the end there, so an op of a constant made so is not folded.
    const folding: Operation[] = [], made = new Set<Operation>();
    module.walk((op) => { if (!LEGAL.has(op.dialect) && op.dialect !== "affine") folding.push(op); });
    for (const op of folding) {
      if (!op.parent || op.operands.some((v) => v.owner instanceof Operation && made.has(v.owner))) continue;
      for (const c of foldInPlace(op, ctx) ?? []) made.add(c);
    }
    lowerRegions(module.op, diag);
  },
};

