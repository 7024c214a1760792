// affine dialect: loops and accesses whose bounds and subscripts are affine maps of their
// operands — for, if, load, store, apply, min, max, parallel, yield. The maps live in attributes
// as in MLIR 19's generic form (`lowerBoundMap`, `upperBoundMap`, `step`, `map`, `condition`,
// `lowerBoundsMap`/`lowerBoundsGroups`, ...); a map's operands are its dims then its symbols.
import { AffineMap, IntegerSet, bin, cst, evalExpr, foldBin, intStr, type AffineExpr } from "../ir/affine.js";
import {
  AffineMapAttr, ArrayAttr, type Attribute, DenseArrayAttr, DenseElementsAttr, IntegerAttr, IntegerSetAttr, StringAttr,
} from "../ir/attributes.js";
import { Block, BlockArgument, Operation, Region, Value } from "../ir/core.js";
import type { Dialect, OpSpec, VerifyContext } from "../ir/dialect.js";
import type { UnresolvedOperand } from "../ir/parser.js";
import { DYN, FloatType, IndexType, IntegerType, MemRefType, TensorType, Type, VectorType, i32, i64, index } from "../ir/types.js";
import {
  SSAIdTable, dimSymList, parseBound, parseMapAndOperands, parseParallelBounds, parseSubscripts, printBound, printParallelBounds, printSubscripts,
} from "./affine-syntax.js";
import { canonicalizeAccess, canonicalizeAffineFor, canonicalizeAffineIf, canonicalizeMinMax, foldAffineParallel, foldLoadOfGlobal } from "./affine-canonicalize.js";
import { ANY, ATOMIC_RMW_KINDS, badProperty, ANY_MEMREF, ANY_VECTOR, INDEX, VARIADIC_INDEX, ensureTerminator, loopLikeProblem, parseAssignmentList, printAssignmentList, missingAttr, returnLikeOp, typesOf, variadic } from "./common.js";
import { foldingMemRefCasts, segment, segmentSizes } from "./memref.js";
import { constantIndex } from "./arith.js";

const ACCESSES = new Set(["affine.load", "affine.store", "affine.vector_load", "affine.vector_store"]);
import { arrowTypes } from "./scf.js";

export { ATOMIC_RMW_KINDS };

/** An affine map and the values it is applied to (dims first, then symbols). */
export interface MapAndOperands { map: AffineMap; operands: Value[] }

const mapOf = (op: Operation, name: string): AffineMap | undefined => op.attr<AffineMapAttr>(name)?.map;
const inputs = (m: AffineMap) => m.numDims + m.numSyms;
const intsOf = (a: unknown): number[] =>
  a instanceof DenseArrayAttr ? [...a.values]
    : a instanceof DenseElementsAttr ? Array.from({ length: a.numElements }, (_, i) => Number(a.at(i)))
      : a instanceof ArrayAttr ? a.items.map((x) => (x instanceof IntegerAttr ? x.num : NaN)) : [];

// ---- helpers other code uses -------------------------------------------------------------------

/** The parts of an `affine.for`: both bounds with their operands, step, loop-carried values. */
export function forParts(op: Operation): {
  lower: MapAndOperands; upper: MapAndOperands; step: number; inits: Value[]; body: Block; iv: BlockArgument; iterArgs: BlockArgument[];
} {
  const lm = mapOf(op, "lowerBoundMap")!, um = mapOf(op, "upperBoundMap")!;
  // Segment sizes when present; else the maps' arities (IR built without the attribute).
  const segs = intsOf(op.attr("operandSegmentSizes"));
  const [nl, nu] = segs.length === 3 ? segs : [inputs(lm), inputs(um)];
  const body = op.body();
  return {
    lower: { map: lm, operands: op.operands.slice(0, nl) },
    upper: { map: um, operands: op.operands.slice(nl, nl + nu) },
    step: op.attr<IntegerAttr>("step")?.num ?? 1,
    inits: op.operands.slice(nl + nu), body, iv: body.args[0], iterArgs: body.args.slice(1),
  };
}
/** Lower bound of an `affine.for` (the max of the map's results). */
export const lowerBound = (op: Operation): MapAndOperands => forParts(op).lower;
/** Upper bound of an `affine.for` (the min of the map's results, exclusive). */
export const upperBound = (op: Operation): MapAndOperands => forParts(op).upper;

/**
 * The number of iterations of an `affine.for` when it is known statically: both bounds constant,
 * or single-result bounds over the same operands whose difference is a constant (`%i to %i + 4`).
 */
export function constantTripCount(op: Operation): number | undefined {
  const f = forParts(op);
  const lm = f.lower.map, um = f.upper.map;
  if (lm.results.length !== 1 || um.results.length !== 1) return undefined;
  let diff: number | undefined;
  if (lm.constantValue !== undefined && um.constantValue !== undefined) diff = foldBin("add", um.constantValue, -lm.constantValue);
  else if (lm.numDims === um.numDims && lm.numSyms === um.numSyms && f.lower.operands.every((v, i) => v === f.upper.operands[i])) {
    diff = constantDifference(um.results[0], lm.results[0], lm.numDims, lm.numSyms);
  }
  const n = diff === undefined ? undefined : foldBin("ceildiv", diff, f.step);
  return n === undefined ? undefined : Math.max(0, n);
}
/** `a - b` if it is the same for every input; only decided for expressions without mod/div. */
function constantDifference(a: AffineExpr, b: AffineExpr, nd: number, ns: number): number | undefined {
  const d = bin("add", a, bin("mul", b, cst(-1)));
  const linear = (e: AffineExpr): boolean => e.kind === "dim" || e.kind === "sym" || e.kind === "const" ||
    ((e.kind === "add" || e.kind === "mul") && linear(e.lhs) && linear(e.rhs));
  if (!linear(d)) return undefined;
  const zeros = (n: number) => new Array<number>(n).fill(0);
  const at0 = evalExpr(d, zeros(nd), zeros(ns));
  for (let i = 0; i < nd + ns; i++) {
    const dims = zeros(nd), syms = zeros(ns);
    if (i < nd) dims[i] = 1; else syms[i - nd] = 1;
    if (evalExpr(d, dims, syms) !== at0) return undefined;
  }
  return Number.isNaN(at0) ? undefined : at0;
}

/** The memref, subscript map, map operands and (store) value of affine.load/store and vector_load/store. */
export function accessParts(op: Operation): { memref: Value; map: AffineMap; indices: Value[]; value?: Value } {
  const store = op.name === "affine.store" || op.name === "affine.vector_store";
  const k = store ? 1 : 0;
  return { memref: op.operand(k), map: mapOf(op, "map")!, indices: op.operands.slice(k + 1), value: store ? op.operand(0) : undefined };
}

/** The map and operands of affine.apply / affine.min / affine.max. */
export const applyParts = (op: Operation): MapAndOperands => ({ map: mapOf(op, "map")!, operands: [...op.operands] });

/** The integer set and operands of an affine.if. */
export function ifCondition(op: Operation): { set: IntegerSet; operands: Value[] } {
  return { set: op.attr<IntegerSetAttr>("condition")!.set, operands: [...op.operands] };
}

/** The parts of an `affine.parallel`; each loop dimension's bound is a group of map results. */
export function parallelParts(op: Operation): {
  lower: MapAndOperands; upper: MapAndOperands; lowerGroups: number[]; upperGroups: number[]; steps: number[];
  reductions: string[]; body: Block; ivs: BlockArgument[];
} {
  const lm = mapOf(op, "lowerBoundsMap")!, um = mapOf(op, "upperBoundsMap")!;
  const body = op.body();
  return {
    lower: { map: lm, operands: op.operands.slice(0, inputs(lm)) },
    upper: { map: um, operands: op.operands.slice(inputs(lm)) },
    lowerGroups: intsOf(op.attr("lowerBoundsGroups")), upperGroups: intsOf(op.attr("upperBoundsGroups")),
    steps: intsOf(op.attr("steps")),
    reductions: intsOf(op.attr("reductions")).map((k) => ATOMIC_RMW_KINDS[k] ?? `unknown(${k})`),
    body, ivs: [...body.args],
  };
}

// ---- dims and symbols (MLIR's affine validity rules) ----------------------------------------------

/** Ops whose regions start a new affine scope (MLIR's AffineScope trait). */
const AFFINE_SCOPES = new Set(["func.func", "builtin.module"]);
const isAffineScope = (op: Operation | null) => !!op && AFFINE_SCOPES.has(op.name);
const isIndex = (v: Value) => v.type instanceof IndexType;
const definingOp = (v: Value): Operation | undefined => (v instanceof BlockArgument ? undefined : (v as { op?: Operation }).op);
const parentOpOf = (v: Value): Operation | null => (v instanceof BlockArgument ? v.block.parentOp : definingOp(v)?.parentOp ?? null);
const regionOf = (v: Value): Region | null => (v instanceof BlockArgument ? v.block.parent : definingOp(v)?.parent?.parent ?? null);

/** The region of the nearest enclosing affine scope (a function body), if any. */
function affineScope(op: Operation): Region | null {
  for (let o: Operation | null = op; o; o = o.parentOp) if (isAffineScope(o.parentOp)) return o.parent?.parent ?? null;
  return null;
}
/** Defined directly in an affine scope's region (function arguments and top-level values). */
export const isTopLevelValue = (v: Value): boolean => isAffineScope(parentOpOf(v));

/**
 * MLIR's `isValidSymbol`: top-level values, constants, and applies/dims of those. Without `region`,
 * in the affine scope of `v`'s definition; a null `region` is no scope (a value outside any function).
 */
export function isValidSymbol(v: Value, region?: Region | null): boolean {
  if (!isIndex(v)) return false;
  if (region === undefined) {
    if (isTopLevelValue(v)) return true;
    const d = definingOp(v);
    return !!d && isValidSymbol(v, affineScope(d));
  }
  if (region && regionOf(v) === region) return true;
  const d = definingOp(v);
  if (d?.name === "arith.constant") return true;
  if (d?.name === "affine.apply") return d.operands.every((o) => isValidSymbol(o, region));
  if (d?.name === "memref.dim" || d?.name === "tensor.dim") return dimOpValidSymbol(d, region);
  // Values defined above `region` (in a non-isolated parent) are symbols of the outer scope.
  const owner = region?.parent;
  if (owner && !AFFINE_SCOPES.has(owner.name) && owner.parent?.parent) return isValidSymbol(v, owner.parent.parent);
  return false;
}

/**
 * MLIR's isDimOpValidSymbol: a dim of a top-level value, or, at a constant dimension, of a
 * memref.alloc/view/subview whose size there is static or a valid symbol.
 */
function dimOpValidSymbol(d: Operation, region: Region | null): boolean {
  const src = d.operand(0), t = src.type, def = definingOp(src), i = d.operands.length > 1 ? constantIndex(d.operand(1)) : undefined;
  if (isTopLevelValue(src)) return true;
  if (!def || i === undefined || !(t instanceof MemRefType) || i < 0 || i >= t.rank) return false;
  const sizes = def.name === "memref.alloc" ? segment(def, 0) : def.name === "memref.view" ? def.operands.slice(2) : def.name === "memref.subview" ? segment(def, 2) : undefined;
  if (!sizes) return false;
  if (t.shape[i] !== DYN) return true;
  const v = sizes[t.shape.slice(0, i).filter((x) => x === DYN).length];
  return !!v && isValidSymbol(v, region);
}

/** MLIR's `isValidDim`: valid symbols, affine loop induction variables, and applies of dims. */
export function isValidDim(v: Value, region?: Region | null): boolean {
  if (!isIndex(v)) return false;
  const d = definingOp(v);
  if (region === undefined) {
    if (d) return isValidDim(v, affineScope(d));
    const p = (v as BlockArgument).block.parentOp;
    return isAffineScope(p) || p?.name === "affine.for" || p?.name === "affine.parallel";
  }
  if (isValidSymbol(v, region)) return true;
  if (!d) {
    const p = (v as BlockArgument).block.parentOp;
    return p?.name === "affine.for" || p?.name === "affine.parallel";
  }
  if (d.name === "affine.apply") return d.operands.every((o) => isValidDim(o, region));
  if (d.name === "memref.dim" || d.name === "tensor.dim") return isTopLevelValue(d.operand(0));
  return false;
}

/** Map operands: the first `numDims` must be valid dims, the rest valid symbols. */
function dimsAndSymbolsProblem(operands: readonly Value[], numDims: number): string | undefined {
  for (let i = 0; i < operands.length; i++) {
    if (i < numDims ? !isValidDim(operands[i]) : !isValidSymbol(operands[i])) {
      return i < numDims ? "operand cannot be used as a dimension id" : "operand cannot be used as a symbol";
    }
  }
}

// ---- ops -----------------------------------------------------------------------------------------

/** MLIR's words for a missing or ill-kinded affine map: ODS's attribute check, or (for properties) their conversion's. */
function mapAttrProblem(op: Operation, names: readonly string[], ctx?: VerifyContext, props?: readonly string[]): string | undefined {
  for (const name of names) {
    const a = op.attr(name);
    if (!a) return `requires attribute '${name}'`;
    if (a instanceof AffineMapAttr) continue;
    if (!ctx) return `attribute '${name}' failed to satisfy constraint: AffineMap attribute`;
    badProperty(op, ctx, name, props!);
    return;
  }
}

/** ODS's SizedRegion<1> check, before the op's own verifier. */
const oneBlockProblem = (op: Operation, i: number, name: string): string | undefined =>
  op.region(i)?.blocks.length === 1 ? undefined : `region #${i} ('${name}') failed to verify constraint: region with 1 blocks`;

const FOR_ELIDED = ["lowerBoundMap", "upperBoundMap", "step", "operandSegmentSizes"];
const forOp: OpSpec = {
  name: "affine.for", operands: [0, -1], results: [0, -1], regions: 1, traits: ["SingleBlock", "RecursiveMemoryEffects"], props: FOR_ELIDED,
  segments: 3, operandTypes: [VARIADIC_INDEX, VARIADIC_INDEX, variadic(ANY)],
  parse(p, st) {
    const iv = p.parseOperand();
    p.expect("=");
    const lb = parseBound(p, true, st.loc);
    if (!p.parseOptionalKeyword("to")) throw p.customError("expected 'to' between bounds");
    const ub = parseBound(p, false, st.loc);
    let step = 1;
    if (p.parseOptionalKeyword("step")) {
      // an index attribute, as MLIR 19 reads it (and with its errors)
      const loc = p.locHere(), t = p.peekText();
      if (t !== "-" && !/^[0-9]/.test(t)) throw p.errorExpecting("expected attribute value");
      step = (p.parseAttribute(index) as IntegerAttr).num;
      if (step <= 0) throw p.customError("expected step to be representable as a positive signed integer", loc);
    }
    let iter = { args: [] as UnresolvedOperand[], inits: [] as UnresolvedOperand[] }, types: Type[] = [];
    if (p.parseOptionalKeyword("iter_args")) { iter = parseAssignmentList(p); p.expect("->"); types = p.parseFunctionResultTypes(); }
    st.operands = [...p.resolveOperands([...lb.operands, ...ub.operands], index), ...iter.inits.slice(0, types.length).map((u, i) => p.resolveOperand(u, types[i]))];
    if (iter.inits.length !== types.length) throw p.customError("mismatch between the number of loop-carried values and results", st.loc);
    st.resultTypes = types;
    st.addAttr("lowerBoundMap", new AffineMapAttr(lb.map));
    st.addAttr("upperBoundMap", new AffineMapAttr(ub.map));
    st.addAttr("step", new IntegerAttr(step, index));
    st.addAttr("operandSegmentSizes", segmentSizes(lb.operands.length, ub.operands.length, iter.inits.length));
    const r = p.parseRegion([{ operand: iv, type: index }, ...iter.args.map((operand, i) => ({ operand, type: types[i] }))]);
    ensureTerminator(p, r, "affine.yield", st.loc, [index, ...types]);
    st.regions.push(r);
    p.parseOptionalAttrDict(st);
  },
  print(p, op) {
    const f = forParts(op);
    p.print(" ", p.name(f.iv), p.argLoc(f.iv), " = ", printBound(p, f.lower.map, f.lower.operands, true), " to ", printBound(p, f.upper.map, f.upper.operands, false));
    if (f.step !== 1) p.print(" step ", intStr(f.step));
    if (f.inits.length) p.print(" iter_args", printAssignmentList(p, f.iterArgs, f.inits), " -> (", p.types(typesOf(op.results)), ")");
    p.print(" ");
    p.region(op.region(), { printEntryBlockArgs: false, printEmptyTerminator: false });
    p.print(p.attrDict(op, FOR_ELIDED));
  },
  verify(op, ctx) {
    const one = oneBlockProblem(op, 0, "region");
    if (one) return one;
    const lm = mapOf(op, "lowerBoundMap"), um = mapOf(op, "upperBoundMap");
    if (!lm || !um) return mapAttrProblem(op, ["lowerBoundMap", "upperBoundMap"], ctx, FOR_ELIDED);
    const segs = intsOf(op.attr("operandSegmentSizes"));
    if (segs.length !== 3) return "'operandSegmentSizes' attribute for specifying operand segments must have 3 elements";
    if (segs[0] !== inputs(lm)) return `lower bound map takes ${inputs(lm)} operands, but ${segs[0]} given`;
    if (segs[1] !== inputs(um)) return `upper bound map takes ${inputs(um)} operands, but ${segs[1]} given`;
    if (!lm.results.length || !um.results.length) return "loop bound maps must have at least one result";
    const step = op.attr("step");
    if (step instanceof IntegerAttr && step.type !== index) return "attribute 'step' failed to satisfy constraint: index attribute";
    if (!(step instanceof IntegerAttr) || step.value <= 0n) return "expected step to be a positive integer";
    const bad = dimsAndSymbolsProblem(op.operands.slice(0, segs[0]), lm.numDims) ?? dimsAndSymbolsProblem(op.operands.slice(segs[0], segs[0] + segs[1]), um.numDims);
    if (bad) return bad;
    const f = forParts(op), loop = f.body && loopLikeProblem(f.inits, f.iterArgs, op.results);
    if (loop) return loop;
    if (!f.body || f.body.args.length !== 1 + f.inits.length || !(f.iv.type instanceof IndexType)) {
      return `expected the body to have an index induction variable and ${f.inits.length} iter_args`;
    }
    return typesMatch("iter_args", typesOf(f.inits), typesOf(op.results)) ?? typesMatch("region iter_args", typesOf(f.iterArgs), typesOf(op.results));
  },
};

const ifOp: OpSpec = {
  name: "affine.if", operands: [0, -1], results: [0, -1], regions: 2, traits: ["SingleBlock", "NoRegionArguments", "RecursiveMemoryEffects"],
  parse(p, st) {
    const loc = p.locHere();
    const a = p.parseAttribute();
    if (!(a instanceof IntegerSetAttr)) throw p.customError("invalid kind of attribute specified", loc);
    const dims = p.parseOperandList("paren");
    const syms = p.peekText() === "[" ? p.parseOperandList("square") : [];
    st.operands = p.resolveOperands([...dims, ...syms], index);
    // (MLIR says these at the op's name)
    if (dims.length !== a.set.numDims) throw p.customError("dim operand count and integer set dim count must match", st.loc);
    if (syms.length !== a.set.numSyms) throw p.customError("symbol operand count and integer set symbol count must match", st.loc);
    st.addAttr("condition", a);
    st.resultTypes = p.parseOptionalArrowTypeList();
    const then = p.parseRegion();
    ensureTerminator(p, then, "affine.yield", st.loc);
    let els = new Region();
    if (p.parseOptionalKeyword("else")) { els = p.parseRegion(); ensureTerminator(p, els, "affine.yield", st.loc); }
    st.regions.push(then, els);
    p.parseOptionalAttrDict(st);
  },
  print(p, op) {
    const { set } = ifCondition(op);
    const res = op.results.length > 0;
    p.print(" ", op.attr("condition")!.str, dimSymList(p, set.numDims, op.operands), arrowTypes(typesOf(op.results)), " ");
    p.region(op.region(0), { printEntryBlockArgs: false, printEmptyTerminator: res });
    if (op.region(1).blocks.length) { p.print(" else "); p.region(op.region(1), { printEntryBlockArgs: false, printEmptyTerminator: res }); }
    p.print(p.attrDict(op, ["condition"]));
  },
  verify(op) {
    if (op.regions.length !== 2) return; // reported by the generic region-count check
    const one = oneBlockProblem(op, 0, "thenRegion");
    if (one) return one;
    const c = op.attr("condition");
    if (!(c instanceof IntegerSetAttr)) return "requires an integer set attribute named 'condition'";
    if (op.operands.length !== c.set.numDims + c.set.numSyms) return "operand count and condition integer set dimension and symbol count must match";
    const bad = dimsAndSymbolsProblem(op.operands, c.set.numDims);
    if (bad) return bad;
    if (op.results.length && !op.region(1).blocks.length) return "must have an else block if defining values";
  },
};

/** `[subscripts] {attrs} : memref<...>` shared by load and store. */
function accessVerify(op: Operation): string | undefined {
  const { memref, map, indices } = accessParts(op);
  const t = memref.type;
  if (!(t instanceof MemRefType)) return "requires a ranked memref operand";
  if (map.results.length !== t.rank) return "affine map num results must equal memref rank";
  if (indices.length !== inputs(map)) return "expects as many subscripts as affine map inputs";
  if (indices.some((v) => !(v.type instanceof IndexType))) return "subscript operands must be of index type";
  const scope = affineScope(op);
  if (indices.some((v) => !isValidDim(v, scope) && !isValidSymbol(v, scope))) return "index must be a valid dimension or symbol identifier";
}

/** affine.load / affine.vector_load: `%A[subscripts] {attrs} : memref<...>[, vector<...>]`. */
function loadOp(name: string, vector: boolean): OpSpec {
  return {
    name, operands: [1, -1], results: 1, traits: ["MemRead"], props: ["map"], verifyAttrs: (op) => mapAttrProblem(op, ["map"]),
    operandTypes: [ANY_MEMREF, VARIADIC_INDEX], resultTypes: vector ? [ANY_VECTOR] : [],
    parse(p, st) {
      const mem = p.parseOperand();
      const sub = parseSubscripts(p);
      p.parseOptionalAttrDict(st);
      const t = memrefType(p);
      st.operands = [p.resolveOperand(mem, t), ...p.resolveOperands(sub.operands, index)];
      st.resultTypes = [vector ? (p.expect(","), vectorType(p)) : t.elementType];
      st.addAttr("map", new AffineMapAttr(sub.map));
    },
    print(p, op) {
      const a = accessParts(op);
      p.print(" ", p.name(a.memref), printSubscripts(p, a.map, a.indices), p.attrDict(op, ["map"]), " : ", p.type(a.memref.type));
      if (vector) p.print(", ", p.type(op.result.type));
    },
    verify(op) {
      const bad = accessVerify(op);
      if (bad) return bad;
      const et = (op.operand(0).type as MemRefType).elementType, rt = op.result.type;
      if (vector ? !(rt instanceof VectorType) || rt.elementType !== et : rt !== et) {
        return vector ? "requires memref and vector types of the same elemental type" : "result type must match element type of memref";
      }
    },
  };
}

/** affine.store / affine.vector_store: `%v, %A[subscripts] {attrs} : memref<...>[, vector<...>]`. */
function storeOp(name: string, vector: boolean): OpSpec {
  return {
    name, operands: [2, -1], results: 0, props: ["map"], verifyAttrs: (op) => mapAttrProblem(op, ["map"]), operandTypes: [vector ? ANY_VECTOR : ANY, ANY_MEMREF, VARIADIC_INDEX],
    parse(p, st) {
      const v = p.parseOperand();
      p.expect(",");
      const mem = p.parseOperand();
      const sub = parseSubscripts(p);
      p.parseOptionalAttrDict(st);
      const t = memrefType(p);
      const vt = vector ? (p.expect(","), vectorType(p)) : t.elementType;
      st.operands = [p.resolveOperand(v, vt), p.resolveOperand(mem, t), ...p.resolveOperands(sub.operands, index)];
      st.addAttr("map", new AffineMapAttr(sub.map));
    },
    print(p, op) {
      const a = accessParts(op);
      p.print(" ", p.name(a.value!), ", ", p.name(a.memref), printSubscripts(p, a.map, a.indices), p.attrDict(op, ["map"]), " : ", p.type(a.memref.type));
      if (vector) p.print(", ", p.type(a.value!.type));
    },
    verify(op) {
      const bad = accessVerify(op);
      if (bad) return bad;
      const et = (op.operand(1).type as MemRefType).elementType, vt = op.operand(0).type;
      if (vector && (!(vt instanceof VectorType) || vt.elementType !== et)) return "requires memref and vector types of the same elemental type";
      if (!vector && vt !== et) return "value to store must have the same type as memref element type";
    },
  };
}

function vectorType(p: Parameters<NonNullable<OpSpec["parse"]>>[0]): VectorType {
  return p.parseTypeOf(VectorType);
}

/** `%x into (%b0, %b1) : index, index` — the digits of %x in the mixed radix of the basis. */
const delinearizeOp: OpSpec = {
  name: "affine.delinearize_index", operands: [1, -1], results: [0, -1], traits: ["Pure"], operandTypes: [INDEX, VARIADIC_INDEX], resultTypes: [VARIADIC_INDEX],
  parse(p, st) {
    const x = p.parseOperand();
    p.parseKeyword("into");
    const basis = p.parseOperandList("paren");
    p.parseOptionalAttrDict(st);
    p.expect(":");
    st.resultTypes = p.parseTypeList();
    st.operands = [p.resolveOperand(x, index), ...p.resolveOperands(basis, index)];
  },
  print(p, op) {
    p.print(" ", p.name(op.operand(0)), " into (", p.operands(op.operands.slice(1)), ")", p.attrDict(op), " : ", p.types(typesOf(op.results)));
  },
  verify(op) {
    if (op.operands.length === 1) return "basis should not be empty";
    if (op.results.length !== op.operands.length - 1) return "should return an index for each basis element";
  },
};

/** MLIR's parseColonType<MemRefType>: a type of the wrong kind is reported at the colon. */
function memrefType(p: Parameters<NonNullable<OpSpec["parse"]>>[0]): MemRefType {
  const loc = p.locHere();
  p.expect(":");
  const t = p.parseType();
  if (!(t instanceof MemRefType)) throw p.customError("invalid kind of type specified", loc);
  return t;
}

/** affine.apply / min / max: `#map(%dims)[%syms] {attrs}` producing an index. */
function mapOp(name: string, minResults: number, maxResults: number): OpSpec {
  return {
    name, operands: [0, -1], results: 1, traits: ["Pure"], props: ["map"], verifyAttrs: (op) => mapAttrProblem(op, ["map"]), operandTypes: [VARIADIC_INDEX], resultTypes: [INDEX],
    parse(p, st) {
      const m = parseMapAndOperands(p);
      st.addAttr("map", new AffineMapAttr(m.map));
      st.operands = p.resolveOperands([...m.dims, ...m.syms], index);
      st.resultTypes = [index];
      p.parseOptionalAttrDict(st);
      // affine.apply checks the counts as it parses; min and max leave the total to their verifier
      if (name === "affine.apply" && (m.dims.length !== m.map.numDims || m.syms.length !== m.map.numSyms)) throw p.customError("dimension or symbol index mismatch", st.loc);
    },
    print(p, op) {
      const map = mapOf(op, "map")!;
      p.print(" ", op.attr("map")!.str, dimSymList(p, map.numDims, op.operands), p.attrDict(op, ["map"]));
    },
    verify(op) {
      const map = mapOf(op, "map")!; // (verifyAttrs saw it)
      if (op.operands.length !== inputs(map)) return `operand count and affine map dimension and symbol count must match`;
      if (map.results.length < minResults || map.results.length > maxResults) {
        return maxResults === 1 ? "mapping must produce one value" : "affine map expect at least one result";
      }
    },
    fold(op, consts) {
      const map = mapOf(op, "map");
      if (!map || op.operands.length !== inputs(map)) return undefined;
      const r = map.results[0]; // a bare dim or symbol is that operand (of an apply, or a min/max of one symbol)
      if ((name === "affine.apply" || map.numSyms === 1) && map.results.length === 1 && (r.kind === "dim" || r.kind === "sym")) {
        return [op.operand(r.kind === "dim" ? r.pos : map.numDims + r.pos)];
      }
      if (consts.some((c) => !(c instanceof IntegerAttr))) return undefined;
      const vals = consts.map((c) => (c as IntegerAttr).value); // (int64, as MLIR folds: 2^53 is no limit)
      const rs = map.evalI64(vals.slice(0, map.numDims), vals.slice(map.numDims));
      if (!rs) return undefined; // (MLIR folds to ub.poison, which TensorLang lacks)
      const v = rs.reduce((a, b) => (name === "affine.max" ? (b > a ? b : a) : b < a ? b : a));
      return [new IntegerAttr(v, index)];
    },
  };
}

const PAR_ELIDED = ["lowerBoundsMap", "lowerBoundsGroups", "upperBoundsMap", "upperBoundsGroups", "steps", "reductions"];
/** What MLIR's property conversion takes for a DenseIntElementsAttr (the element width is ODS's later check). */
const isIntElements = (a: Attribute) => a instanceof DenseElementsAttr && a.type.elementType instanceof IntegerType;
const groupsAttr = (gs: number[]) =>
  new DenseElementsAttr(TensorType.get([gs.length], i32), gs.length && gs.every((g) => g === gs[0]) ? [gs[0]] : gs);

const parallelOp: OpSpec = {
  name: "affine.parallel", operands: [0, -1], results: [0, -1], regions: 1, traits: ["SingleBlock", "RecursiveMemoryEffects"], props: PAR_ELIDED, operandTypes: [VARIADIC_INDEX],
  propChecks: { lowerBoundsGroups: isIntElements, upperBoundsGroups: isIntElements, reductions: (a) => a instanceof ArrayAttr, steps: (a) => a instanceof ArrayAttr },
  verifyAttrs(op) {
    const missing = missingAttr(op, [...PAR_ELIDED].sort());
    if (missing) return missing;
    const r = op.attr("reductions");
    if (r instanceof ArrayAttr && r.items.some((k) => !(k instanceof IntegerAttr && ATOMIC_RMW_KINDS[k.num]))) return "attribute 'reductions' failed to satisfy constraint: Reduction ops";
    const notI32 = ["lowerBoundsGroups", "upperBoundsGroups"].find((k) => op.attr<DenseElementsAttr>(k)!.type.elementType !== i32);
    if (notI32) return `attribute '${notI32}' failed to satisfy constraint: 32-bit signless integer elements attribute`;
  },
  parse(p, st) {
    const ivs = p.parseOperandList("paren");
    p.expect("=");
    const lb = parseParallelBounds(p, "max");
    p.parseKeyword("to");
    const ub = parseParallelBounds(p, "min");
    let steps = ivs.map(() => 1);
    if (p.parseOptionalKeyword("step")) {
      p.expect("(");
      steps = [];
      // (MLIR reads an affine map of SSA ids there: its results must fold to constants)
      const es: AffineExpr[] = [], tab = new SSAIdTable();
      if (!p.accept(")")) { do es.push(tab.parseExpr(p)); while (p.accept(",")); p.expect(")"); }
      for (const e of es) { if (e.kind !== "const") throw p.customError("steps must be constant integers", st.loc); steps.push(e.value); }
    }
    const reductions: number[] = [];
    let types: Type[] = [];
    if (p.parseOptionalKeyword("reduce")) {
      p.expect("(");
      do {
        const loc = p.locHere();
        const s = p.parseString(), k = ATOMIC_RMW_KINDS.indexOf(s as (typeof ATOMIC_RMW_KINDS)[number]);
        if (k < 0) throw p.customError(`invalid reduction value: ${new StringAttr(s).str}`, loc);
        reductions.push(k);
      } while (p.accept(","));
      p.expect(")");
    }
    types = p.parseOptionalArrowTypeList(); // (without `reduce` too: the verifier asks for one per result)
    st.operands = p.resolveOperands([...lb.operands, ...ub.operands], index);
    st.resultTypes = types;
    st.addAttr("lowerBoundsMap", new AffineMapAttr(lb.map));
    st.addAttr("lowerBoundsGroups", groupsAttr(lb.groups));
    st.addAttr("upperBoundsMap", new AffineMapAttr(ub.map));
    st.addAttr("upperBoundsGroups", groupsAttr(ub.groups));
    st.addAttr("steps", new ArrayAttr(steps.map((s) => new IntegerAttr(s, i64))));
    st.addAttr("reductions", new ArrayAttr(reductions.map((k) => new IntegerAttr(k, i64))));
    const r = p.parseRegion(ivs.map((operand) => ({ operand, type: index })));
    ensureTerminator(p, r, "affine.yield", st.loc, ivs.map(() => index));
    st.regions.push(r);
    p.parseOptionalAttrDict(st);
  },
  print(p, op) {
    const f = parallelParts(op);
    p.print(" (", p.operands(f.ivs), ") = ", printParallelBounds(p, f.lower.map, f.lowerGroups, f.lower.operands, "max"),
      " to ", printParallelBounds(p, f.upper.map, f.upperGroups, f.upper.operands, "min"));
    if (f.steps.some((s) => s !== 1)) p.print(" step (", f.steps.join(", "), ")");
    if (f.reductions.length) p.print(" reduce (", f.reductions.map((k) => new StringAttr(k).str).join(", "), ") -> (", p.types(typesOf(op.results)), ")");
    p.print(" ");
    p.region(op.region(), { printEntryBlockArgs: false, printEmptyTerminator: op.results.length > 0 });
    p.print(p.attrDict(op, PAR_ELIDED));
  },
  verify(op, ctx) {
    const one = oneBlockProblem(op, 0, "region");
    if (one) return one;
    const lm = mapOf(op, "lowerBoundsMap"), um = mapOf(op, "upperBoundsMap");
    if (!lm || !um) return mapAttrProblem(op, ["lowerBoundsMap", "upperBoundsMap"], ctx, PAR_ELIDED);
    // (counted before parallelParts lists them: a splat of 2^31 groups is one attribute value)
    const count = (a: unknown) => (a instanceof DenseElementsAttr ? a.numElements : intsOf(a).length);
    const n = count(op.attr("steps")), nIvs = op.body().args.length; // (MLIR's getNumDims)
    const [lg, ug] = [count(op.attr("lowerBoundsGroups")), count(op.attr("upperBoundsGroups"))];
    if (lg !== n || ug !== n || nIvs !== n) {
      return `the number of region arguments (${nIvs}) and the number of map groups for lower (${lg}) and upper bound (${ug}), and the number of steps (${n}) must all match`;
    }
    const f = parallelParts(op);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    if (sum(f.lowerGroups) !== lm.results.length) return `expected lower bounds map to have ${sum(f.lowerGroups)} results`;
    if (sum(f.upperGroups) !== um.results.length) return `expected upper bounds map to have ${sum(f.upperGroups)} results`;
    if (f.ivs.some((a) => !(a.type instanceof IndexType))) return "induction variables must be of index type";
    if (f.steps.some((s) => !(s > 0))) return "steps must be positive integers";
    if (op.operands.length !== inputs(lm) + inputs(um)) return "operand count must match the lower and upper bound map inputs";
    const bad = dimsAndSymbolsProblem(f.lower.operands, lm.numDims) ?? dimsAndSymbolsProblem(f.upper.operands, um.numDims);
    if (bad) return bad;
    if (f.reductions.length !== op.results.length) return "a reduction must be specified for each output";
    if (f.reductions.some((k, i) => !reductionFits(k, op.results[i].type))) return "result type cannot match reduction attribute";
  },
};

/**
 * MLIR's isResultTypeMatchAtomicRMWKind: float kinds on floats, integer kinds on integers;
 * maxs/mins and maxu/minu want signed or unsigned integer types (si32, ui32), which this IR
 * does not have, and maxnumf/minnumf match nothing.
 */
function reductionFits(kind: string, t: Type): boolean {
  if (kind === "assign") return true;
  if (["addf", "mulf", "maximumf", "minimumf"].includes(kind)) return t instanceof FloatType;
  return ["addi", "muli", "ori", "andi"].includes(kind) && t instanceof IntegerType;
}

/** Checks a terminator's operand types against what its parent expects. */
function typesMatch(what: string, got: readonly Type[], want: readonly Type[]): string | undefined {
  if (got.length !== want.length) return `${what}: expected ${want.length} values, got ${got.length}`;
  const i = got.findIndex((t, k) => t !== want[k]);
  if (i >= 0) return `${what}: type #${i} '${got[i].str}' does not match expected type '${want[i].str}'`;
}

export const affine: Dialect = {
  name: "affine",
  ops: [
    { ...forOp, canonicalize: canonicalizeAffineFor }, { ...ifOp, canonicalize: canonicalizeAffineIf },
    ...foldingMemRefCasts([{ ...loadOp("affine.load", false), fold: foldLoadOfGlobal }, storeOp("affine.store", false), loadOp("affine.vector_load", true),
      storeOp("affine.vector_store", true), mapOp("affine.apply", 1, 1)].map((s) => ({ ...s, canonicalize: canonicalizeAccess })), ACCESSES),
    { ...parallelOp, fold: foldAffineParallel }, delinearizeOp,
    { ...mapOp("affine.min", 1, Infinity), canonicalize: canonicalizeMinMax }, { ...mapOp("affine.max", 1, Infinity), canonicalize: canonicalizeMinMax },
    returnLikeOp("affine.yield", {
      verify(op) {
        const parent = op.parentOp;
        if (!parent || !["affine.for", "affine.if", "affine.parallel"].includes(parent.name)) {
          return "only terminates affine.if/for/parallel regions";
        }
        if (op.operands.length !== parent.results.length) return "parent of yield must have same number of results as the yield operands";
        if (op.operands.some((v, i) => v.type !== parent.results[i].type)) return "types mismatch between yield op and its parent";
      },
    }),
  ],
};

/** Builds an affine.for; `build(iv, iterArgs)` fills the body and returns the values to yield. */
export function buildAffineFor(lb: { map: AffineMap; operands: Value[] }, ub: { map: AffineMap; operands: Value[] }, step: number,
                               inits: Value[], build: (body: Block, iv: BlockArgument, iterArgs: BlockArgument[]) => Value[]): Operation {
  const body = new Block([index, ...inits.map((v) => v.type)]);
  const op = new Operation({
    name: "affine.for", operands: [...lb.operands, ...ub.operands, ...inits], resultTypes: inits.map((v) => v.type),
    attributes: {
      lowerBoundMap: new AffineMapAttr(lb.map), upperBoundMap: new AffineMapAttr(ub.map), step: new IntegerAttr(step, index),
      operandSegmentSizes: new DenseArrayAttr(i32, [lb.operands.length, ub.operands.length, inits.length]),
    },
    regions: [new Region([body])],
  });
  const ys = build(body, body.args[0], body.args.slice(1));
  body.append(new Operation({ name: "affine.yield", operands: ys }));
  return op;
}
