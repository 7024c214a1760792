// scf.forall and its terminator scf.forall.in_parallel: the multi-dimensional parallel loop
// MLIR's tiling passes print, with mixed static/dynamic bounds (`in (%n, 8)` when normalized,
// else `= (lbs) to (ubs) step (steps)`) and tensors shared by all iterations (`shared_outs`),
// written back by the tensor.parallel_insert_slice ops of the terminator.
import { ArrayAttr, DenseArrayAttr, IntegerAttr, OpaqueAttr } from "../ir/attributes.js";
import { inlineBefore, rebuilt, withResults } from "../ir/builder.js";
import { Block, Operation, Region, type BlockArgument, type Value } from "../ir/core.js";
import type { OpSpec, Rewriter } from "../ir/dialect.js";
import type { Location } from "../ir/diagnostics.js";
import type { OpAsmParser } from "../ir/parser.js";
import { DYN, IndexType, type Type, index } from "../ir/types.js";
import { castFromMoreStatic } from "./tensor.js";
import { RANKED_TENSOR, VARIADIC_INDEX, emptyRegionProblem, implicitTerminatorError, parseAssignmentList, plainError, printAssignmentList, typesOf, variadic } from "./common.js";
import { type OpFoldResult, arrayProp, checkSegments, i64Array, knownInt, knownTripCount, listCountProblem, mixedList, operandSegment, parseDynamicIndexList, printDynamicIndexList, segmentSizesAttr } from "./indexing.js";

const BOUNDS = ["staticLowerBound", "staticUpperBound", "staticStep"] as const;
const PROPS = ["mapping", "operandSegmentSizes", ...BOUNDS];
const IN_PARALLEL = "scf.forall.in_parallel";

/** The parts of an `scf.forall`: per-dimension bounds and steps (static or SSA), shared outputs, body. */
export function forallParts(op: Operation): {
  lbs: OpFoldResult[]; ubs: OpFoldResult[]; steps: OpFoldResult[]; outs: Value[]; body: Block; ivs: BlockArgument[]; outArgs: BlockArgument[];
} {
  const body = op.body(), [lbs, ubs, steps] = BOUNDS.map((n, i) => mixedList(arrayProp(op, n), operandSegment(op, i)));
  return { lbs, ubs, steps, outs: operandSegment(op, 3), body, ivs: body.args.slice(0, lbs.length), outArgs: body.args.slice(lbs.length) };
}

/** An empty `scf.forall.in_parallel` (MLIR's ForallOp::ensureTerminator, for the custom form's elided one). */
function ensureInParallel(p: OpAsmParser, r: Region, loc: Location): void {
  if (!r.blocks.length) r.push(new Block([]));
  const b = r.blocks[r.blocks.length - 1], last = b.terminator;
  if (!last || !p.ctx.registered(last.name)?.terminator) b.append(new Operation({ name: IN_PARALLEL, loc, regions: [new Region([new Block()])] }));
}

/** MLIR's isNormalized: lower bounds 0 and steps 1, static or constant operands. */
const isNormalized = (lbs: OpFoldResult[], steps: OpFoldResult[]) => {
  const all = (l: OpFoldResult[], n: number) => l.every((v) => knownInt(v) === n);
  return all(lbs, 0) && all(steps, 1);
};

/** MLIR 19's DeviceMappingAttrInterface attributes: the gpu dialect's (kept as written, opaque). */
const isDeviceMapping = (a: unknown) => a instanceof OpaqueAttr && /^#gpu\.(block|thread|warp|warpgroup)</.test(a.str);

const forallOp: OpSpec = {
  name: "scf.forall", results: [0, -1], regions: 1, traits: ["SingleBlock", "RecursiveMemoryEffects"], props: PROPS,
  segments: 4, operandTypes: [VARIADIC_INDEX, VARIADIC_INDEX, VARIADIC_INDEX, variadic(RANKED_TENSOR)],
  parse(p, st) {
    const ivs = p.parseOperandList("paren");
    const list = () => { const l = parseDynamicIndexList(p, "()"); return { statics: l.statics, dyn: p.resolveOperands(l.dynamic, index) }; };
    let lbs, ubs, steps;
    if (p.parseOptionalKeyword("in")) {
      ubs = list();
      lbs = { statics: ivs.map(() => 0), dyn: [] as Value[] };
      steps = { statics: ivs.map(() => 1), dyn: [] as Value[] };
    } else {
      p.expect("=");
      lbs = list();
      p.parseKeyword("to");
      ubs = list();
      p.parseKeyword("step");
      steps = list();
    }
    const outsLoc = p.locHere();
    let outs: Value[] = [], args: ReturnType<typeof parseAssignmentList>["args"] = [];
    if (p.parseOptionalKeyword("shared_outs")) {
      const l = parseAssignmentList(p);
      st.resultTypes = p.parseOptionalArrowTypeList();
      outs = p.resolveOperands(l.inits, st.resultTypes, outsLoc);
      args = l.args;
    }
    const r = p.parseRegion([...ivs.map((operand) => ({ operand, type: index })), ...args.map((operand, i) => ({ operand, type: st.resultTypes[i] }))]);
    ensureInParallel(p, r, st.loc);
    st.regions.push(r);
    p.parseOptionalAttrDict(st);
    [lbs, ubs, steps].forEach((l, i) => st.addAttr(BOUNDS[i], i64Array(l.statics)));
    st.addAttr("operandSegmentSizes", segmentSizesAttr([lbs.dyn.length, ubs.dyn.length, steps.dyn.length, outs.length]));
    st.operands = [...lbs.dyn, ...ubs.dyn, ...steps.dyn, ...outs];
  },
  print(p, op) {
    const f = forallParts(op), list = (i: number) => printDynamicIndexList(p, operandSegment(op, i), arrayProp(op, BOUNDS[i]), "()");
    p.print(" (", p.operands(f.ivs), ")");
    p.print(isNormalized(f.lbs, f.steps) ? ` in ${list(1)}` : ` = ${list(0)} to ${list(1)} step ${list(2)}`);
    if (f.outs.length) p.print(" shared_outs", printAssignmentList(p, f.outArgs, f.outs));
    p.print(" ");
    if (f.outArgs.length) p.print("-> (", p.types(typesOf(op.results)), ") ");
    p.region(op.region(), { printEntryBlockArgs: false, printEmptyTerminator: op.results.length > 0 });
    p.print(p.attrDict(op, PROPS.slice(1)));
  },
  verifyAttrs(op) {
    const m = op.attr("mapping");
    if (m && !(m instanceof ArrayAttr && m.items.every(isDeviceMapping))) return "attribute 'mapping' failed to satisfy constraint: Device Mapping array attribute";
    for (const n of ["operandSegmentSizes", ...BOUNDS]) if (!(op.attr(n) instanceof DenseArrayAttr)) return `requires attribute '${n}'`;
  },
  verifyInvariants(op, ctx) { // (MLIR's ForallOp::verify, before the body's ops)
    const n = arrayProp(op, "staticLowerBound").length, outs = operandSegment(op, 3), body = op.region(0).blocks[0];
    const bad = emptyRegionProblem(op, ["region"]) ?? checkSegments(op, 4);
    if (bad) return bad;
    if (!body.ops.length) return "expects a non-empty block";
    if (op.results.length !== outs.length) return `produces ${op.results.length} results, but has only ${outs.length} outputs`;
    if (body.args.length !== n + outs.length) return `region expects ${n} arguments`;
    const i = body.args.findIndex((a, k) => k < n && !(a.type instanceof IndexType));
    if (i >= 0) return `expects ${i}-th block argument to be an index`;
    const j = outs.findIndex((v, k) => body.args[n + k].type !== v.type);
    if (j >= 0) return `type mismatch between ${j}-th output and corresponding block argument`;
    const r = op.results.findIndex((v, k) => v.type !== outs[k].type);
    const mapping = op.attr<ArrayAttr>("mapping");
    if (mapping?.items.length && mapping.items.length !== n) return "mapping attribute size must match op rank";
    const list = ["lower bound", "upper bound", "step"].map((name, k) => listCountProblem(name, n, arrayProp(op, BOUNDS[k]), operandSegment(op, k).length)).find((x) => x);
    if (list) return plainError(op, ctx, list); // (emitError: no op prefix)
    // (DestinationStyleOpInterface: a result has its output's type)
    if (r >= 0) return `expected type of operand #${op.operands.length - outs.length + r} ('${outs[r].type.str}') to match type of corresponding result ('${op.results[r].type.str}')`;
  },
  verify(op, ctx) { implicitTerminatorError(op, ctx, IN_PARALLEL); },
};

const inParallelOp: OpSpec = {
  name: IN_PARALLEL, operands: 0, results: 0, regions: 1, traits: ["Pure", "Terminator", "NoTerminator", "SingleBlock"], parents: ["scf.forall"],
  parse(p, st) {
    const r = p.parseRegion();
    if (!r.blocks.length) r.push(new Block());
    st.regions.push(r);
    p.parseOptionalAttrDict(st);
  },
  print(p, op) {
    p.print(" ");
    p.region(op.region(), { printEntryBlockArgs: false });
    p.print(p.attrDict(op));
  },
  verifyInvariants(op, ctx) { // (MLIR 19's InParallelOp::verify, before the region's ops)
    const forall = op.parentOp!;
    const bad = emptyRegionProblem(op, ["region"]);
    if (bad) return bad;
    const outArgs = forallParts(forall).outArgs;
    for (const o of op.region(0).blocks[0]?.ops ?? []) {
      if (o.name !== "tensor.parallel_insert_slice") return "expected only tensor.parallel_insert_slice ops";
      if (!outArgs.includes(o.operand(1) as BlockArgument)) { ctx.opError(o, "may only insert into an output block argument", []); return; }
    }
  },
};

// ---- canonicalization (MLIR 19's ForallOp patterns, in its order; DimOfForallOp is tensor.dim's) ----

/**
 * Outputs cast from more static tensors take the casts' sources: the body sees its shared-output
 * arguments cast back (the terminator's slices write the arguments themselves), the results are
 * cast back after the loop (FoldTensorCastOfOutputIntoForallOp).
 */
function foldOutputCasts(op: Operation, rw: Rewriter): boolean {
  const f = forallParts(op), srcs = f.outs.map((v) => castFromMoreStatic(v));
  if (!srcs.some(Boolean)) return false;
  const outs = f.outs.map((v, i) => srcs[i] ?? v), loop = rebuilt(op, [...op.operands.slice(0, op.operands.length - outs.length), ...outs], typesOf(outs));
  const cast = (v: Value, t: Type) => new Operation({ name: "tensor.cast", operands: [v], resultTypes: [t], loc: op.loc });
  f.outArgs.forEach((a, i) => {
    if (!srcs[i]) return;
    const uses = [...a.uses], c = cast(a, a.type);
    a.type = outs[i].type;
    f.body.insert(0, c);
    for (const u of uses) if (!(u.op.name === "tensor.parallel_insert_slice" && u.index === 1)) u.op.setOperand(u.index, c.result);
  });
  rw.replaceOp(op, loop.results.map((r, i) => (srcs[i] ? op.parent!.insertBefore(op, cast(r, op.results[i].type)).result : r)));
  return true;
}

/** Constant operands among the bounds become static entries (ForallOpControlOperandsFolder). */
function foldControlOperands(op: Operation): boolean {
  const f = forallParts(op), lists = [f.lbs, f.ubs, f.steps];
  if (!lists.flat().some((v) => typeof v !== "number" && knownInt(v) !== undefined)) return false;
  setBounds(op, lists.map((l) => l.map((v) => knownInt(v) ?? v)), f.outs);
  return true;
}
function setBounds(op: Operation, [lbs, ubs, steps]: OpFoldResult[][], outs: Value[]): void {
  const dyn = (l: OpFoldResult[]) => l.filter((v): v is Value => typeof v !== "number");
  [lbs, ubs, steps].forEach((l, i) => op.attributes.set(BOUNDS[i], i64Array(l.map((v) => (typeof v === "number" ? v : DYN)))));
  op.attributes.set("operandSegmentSizes", segmentSizesAttr([dyn(lbs).length, dyn(ubs).length, dyn(steps).length, outs.length]));
  op.setOperands([...dyn(lbs), ...dyn(ubs), ...dyn(steps), ...outs]);
}

/** A shared output whose result is unused, or that nothing writes, is its init (ForallOpIterArgsFolder). */
function dropSharedOuts(op: Operation): boolean {
  const f = forallParts(op), writers = (a: Value) => [...a.uses].map((u) => u.op).filter((o) => o.name === "tensor.parallel_insert_slice");
  const keep = f.outArgs.map((a, i) => op.results[i].hasUses && writers(a).length > 0);
  if (keep.every(Boolean)) return false;
  for (let i = keep.length - 1; i >= 0; i--) {
    if (keep[i]) continue;
    for (const w of new Set(writers(f.outArgs[i]))) w.erase();
    f.outArgs[i].replaceAllUsesWith(f.outs[i]);
    op.results[i].replaceAllUsesWith(f.outs[i]);
    f.body.eraseArg(f.ivs.length + i);
  }
  const outs = f.outs.filter((_, i) => keep[i]);
  op.attributes.set("operandSegmentSizes", segmentSizesAttr([...arrayProp(op, "operandSegmentSizes").slice(0, 3), outs.length]));
  withResults(op, [...op.operands.slice(0, op.operands.length - f.outs.length), ...outs], keep);
  return true;
}

const lbValue = (op: Operation, lb: OpFoldResult, rw: Rewriter) => (typeof lb === "number" ? rw.constant(op, new IntegerAttr(lb, index), index) : lb);

/**
 * Without a mapping: a dimension that never runs gives the outputs; one that runs once is its lower
 * bound, dropped; all dropped, the body is inlined with each parallel_insert_slice a tensor.insert_slice
 * (ForallOpSingleOrZeroIterationDimsFolder and MLIR's promote).
 */
function foldTrivialDims(op: Operation, rw: Rewriter): boolean {
  if (op.attr<ArrayAttr>("mapping")?.items.length) return false;
  const f = forallParts(op), trips = f.lbs.map((lb, i) => knownTripCount(lb, f.ubs[i], f.steps[i]));
  if (trips.includes(0)) { rw.replaceOp(op, f.outs); return true; }
  const keep = trips.map((n) => n !== 1);
  if (keep.every(Boolean)) return false;
  if (!keep.some(Boolean)) {
    const writes = f.body.terminator!.region(0).blocks[0].ops;
    if (writes.length !== f.outArgs.length || writes.some((w, i) => w.operand(1) !== f.outArgs[i])) return false; // (MLIR pairs them in order)
    inlineBefore(f.body, op, [...f.lbs.map((lb) => lbValue(op, lb, rw)), ...f.outs]);
    rw.replaceOp(op, writes.map((w) => op.parent!.insertBefore(op, new Operation({
      name: "tensor.insert_slice", operands: [...w.operands], resultTypes: [w.operand(1).type], attributes: w.attributes, loc: op.loc,
    })).results[0]));
    return true;
  }
  for (let i = keep.length - 1; i >= 0; i--) {
    if (keep[i]) continue;
    f.ivs[i].replaceAllUsesWith(lbValue(op, f.lbs[i], rw));
    f.body.eraseArg(i);
  }
  const kept = (l: OpFoldResult[]) => l.filter((_, i) => keep[i]);
  setBounds(op, [kept(f.lbs), kept(f.ubs), kept(f.steps)], f.outs);
  return true;
}

export const FORALL_OPS: OpSpec[] = [
  { ...forallOp, canonicalize: (op, rw) => foldOutputCasts(op, rw) || foldControlOperands(op) || dropSharedOuts(op) || foldTrivialDims(op, rw) },
  inParallelOp,
];
