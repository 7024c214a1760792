// scf dialect: structured control flow — for (with iter_args), if/else, while/condition,
// parallel/reduce, forall (scf-forall.ts), execute_region and yield — in MLIR 19's custom and generic forms.
import { intStr } from "../ir/affine.js";
import { parseInt64 } from "./indexing.js";
import { DenseArrayAttr } from "../ir/attributes.js";
import { Block, BlockArgument, Operation, Region, Value } from "../ir/core.js";
import type { Dialect, OpSpec, VerifyContext } from "../ir/dialect.js";
import type { RegionArgument, UnresolvedOperand } from "../ir/parser.js";
import { FunctionType, IndexType, Type, i1, i64, index } from "../ir/types.js";
import { constantInt } from "./arith.js";
import {
  ANY, I1, INDEX, SIGNLESS_INT_OR_INDEX, VARIADIC_INDEX, emptyRegionProblem, ensureTerminator, parseAssignmentList, printAssignmentList, implicitTerminatorError, loopLikeProblem, regionBranchProblem, returnLikeOp, typesOf, variadic, type RegionSuccessor,
} from "./common.js";
import { canonicalizeExecuteRegion, canonicalizeFor, canonicalizeIf, canonicalizeIndexSwitch, canonicalizeParallel, canonicalizeWhile, foldIf } from "./scf-canonicalize.js";
import { segment, segmentSizes } from "./memref.js";
import { FORALL_OPS } from "./scf-forall.js";

// ---- helpers other code uses -------------------------------------------------------------------

/** The parts of an `scf.for`: bounds, step, induction variable, loop-carried values. */
export function forParts(op: Operation): {
  lb: Value; ub: Value; step: Value; inits: Value[]; body: Block; iv: BlockArgument; iterArgs: BlockArgument[];
} {
  const body = op.body();
  return { lb: op.operand(0), ub: op.operand(1), step: op.operand(2), inits: op.operands.slice(3), body, iv: body.args[0], iterArgs: body.args.slice(1) };
}

/** The parts of an `scf.parallel`: per-dimension bounds and steps, inits, induction variables. */
export function parallelParts(op: Operation): { lbs: Value[]; ubs: Value[]; steps: Value[]; inits: Value[]; body: Block; ivs: BlockArgument[] } {
  const body = op.body();
  return { lbs: segment(op, 0), ubs: segment(op, 1), steps: segment(op, 2), inits: segment(op, 3), body, ivs: [...body.args] };
}

/** The `then` and (possibly absent) `else` blocks of an `scf.if`. */
export function ifBlocks(op: Operation): { then: Block; else?: Block } {
  return { then: op.body(0), else: op.region(1)?.blocks[0] };
}

// ---- syntax helpers ------------------------------------------------------------------------------

/** `-> t` / `-> (t1, t2)` as MLIR's printOptionalArrowTypeList. */
export function arrowTypes(ts: readonly Type[]): string {
  return ts.length === 0 ? "" : ts.length === 1 && !(ts[0] instanceof FunctionType) ? ` -> ${ts[0].str}` : ` -> (${ts.map((t) => t.str).join(", ")})`;
}
const regionArgs = (names: UnresolvedOperand[], types: Type[]): RegionArgument[] => names.map((operand, i) => ({ operand, type: types[i] }));

/** Checks a terminator's operand types against what its parent expects. */
function typesMatch(what: string, got: readonly Type[], want: readonly Type[]): string | undefined {
  if (got.length !== want.length) return `${what}: expected ${want.length} values, got ${got.length}`;
  const i = got.findIndex((t, k) => t !== want[k]);
  if (i >= 0) return `${what}: type #${i} '${got[i].str}' does not match expected type '${want[i].str}'`;
}


/** MLIR's verifyAndGetTerminator: region `r`'s first block must end with `name`, else an error with a note at what ends it. */
function terminatorError(op: Operation, ctx: VerifyContext, r: number, name: string, msg: string): boolean {
  const last = op.region(r).blocks[0]?.ops.at(-1);
  if (last?.name === name) return false;
  ctx.opError(op, msg, last ? [{ at: last, message: "terminator here" }] : []);
  return true;
}

/** What an scf terminator passes along its control flow edges (RegionBranchTerminatorOpInterface). */
const forwarded = (t: Operation): Value[] | undefined =>
  t.name === "scf.yield" ? t.operands : t.name === "scf.condition" ? t.operands.slice(1) : t.name === "scf.reduce" ? [] : undefined;

/** The edges of an op whose regions each run once, from the parent and back to its results (scf.if, scf.execute_region). */
const toResults = (op: Operation) => (from?: number): RegionSuccessor[] =>
  from === undefined ? op.regions.map((r, i) => ({ region: r.blocks.length ? i : undefined, inputs: [] })) : [{ inputs: op.results }];

// ---- ops -----------------------------------------------------------------------------------------

const forOp: OpSpec = {
  name: "scf.for", operands: [3, -1], results: [0, -1], regions: 1, traits: ["SingleBlock", "RecursiveMemoryEffects"],
  operandTypes: [SIGNLESS_INT_OR_INDEX, SIGNLESS_INT_OR_INDEX, SIGNLESS_INT_OR_INDEX, variadic(ANY)],
  parse(p, st) {
    const iv = p.parseOperand();
    p.expect("=");
    const lb = p.parseOperand();
    p.parseKeyword("to");
    const ub = p.parseOperand();
    p.parseKeyword("step");
    const step = p.parseOperand();
    let iter = { args: [] as UnresolvedOperand[], inits: [] as UnresolvedOperand[] }, types: Type[] = [];
    if (p.parseOptionalKeyword("iter_args")) { iter = parseAssignmentList(p); p.expect("->"); types = p.parseFunctionResultTypes(); }
    if (iter.args.length !== types.length) throw p.customError("mismatch in number of loop-carried values and defined values", st.loc);
    const ivType = p.accept(":") ? p.parseType() : index;
    st.operands = [...p.resolveOperands([lb, ub, step], ivType), ...p.resolveOperands(iter.inits, types, st.loc)];
    st.resultTypes = types;
    const r = p.parseRegion([{ operand: iv, type: ivType }, ...regionArgs(iter.args, types)]);
    ensureTerminator(p, r, "scf.yield", st.loc, [ivType, ...types]);
    st.regions.push(r);
    p.parseOptionalAttrDict(st);
  },
  print(p, op) {
    const f = forParts(op);
    p.print(" ", p.name(f.iv), " = ", p.name(f.lb), " to ", p.name(f.ub), " step ", p.name(f.step));
    if (f.inits.length) p.print(" iter_args", printAssignmentList(p, f.iterArgs, f.inits), " -> (", p.types(typesOf(op.results)), ")");
    if (!(f.lb.type instanceof IndexType)) p.print(" : ", p.type(f.lb.type));
    p.print(" ");
    p.region(op.region(), { printEntryBlockArgs: false, printEmptyTerminator: false });
    p.print(p.attrDict(op));
  },
  verifyInvariants(op) { // (its ODS constraints and MLIR's ForOp::verify, before the body's ops)
    const [lb, ub, step] = op.operands;
    if (lb.type !== ub.type || lb.type !== step.type) return "failed to verify that all of {lowerBound, upperBound, step} have same type";
    return emptyRegionProblem(op, ["region"]) ?? (op.operands.length - 3 !== op.results.length ? "mismatch in number of loop-carried values and defined values" : undefined);
  },
  verify(op, ctx) { // (its traits and interfaces verified with the regions, then MLIR's ForOp::verifyRegions)
    if (implicitTerminatorError(op, ctx, "scf.yield")) return;
    const f = forParts(op), yielded = f.body.terminator!.operands, succs = () => [{ region: 0, inputs: f.iterArgs }, { inputs: op.results }];
    return loopLikeProblem(f.inits, f.iterArgs, op.results, yielded) ?? regionBranchProblem(op, f.inits, succs, forwarded) ??
      (f.iv?.type !== f.lb.type ? "expected induction variable to be same type as bounds and step" : undefined);
  },
};

const ifOp: OpSpec = {
  name: "scf.if", operands: 1, results: [0, -1], regions: 2, traits: ["SingleBlock", "NoRegionArguments", "RecursiveMemoryEffects"], operandTypes: [I1],
  parse(p, st) {
    const c = p.parseOperand();
    st.operands = [p.resolveOperand(c, i1)];
    st.resultTypes = p.accept("->") ? p.parseFunctionResultTypes() : [];
    const then = p.parseRegion();
    ensureTerminator(p, then, "scf.yield", st.loc);
    let els = new Region();
    if (p.parseOptionalKeyword("else")) { els = p.parseRegion(); ensureTerminator(p, els, "scf.yield", st.loc); }
    st.regions.push(then, els);
    p.parseOptionalAttrDict(st);
  },
  print(p, op) {
    const res = op.results.length > 0;
    p.print(" ", p.name(op.operand(0)));
    if (res) p.print(" -> (", p.types(typesOf(op.results)), ")");
    p.print(" ");
    p.region(op.region(0), { printEntryBlockArgs: false, printEmptyTerminator: res });
    if (op.region(1).blocks.length) { p.print(" else "); p.region(op.region(1), { printEntryBlockArgs: false, printEmptyTerminator: res }); }
    p.print(p.attrDict(op));
  },
  verifyInvariants(op) { // (its ODS constraints and MLIR's IfOp::verify, before the regions' ops)
    return emptyRegionProblem(op, ["thenRegion"], 1) ??
      (op.results.length && !op.region(1).blocks.length ? "must have an else block if defining values" : undefined);
  },
  verify(op, ctx) { if (!implicitTerminatorError(op, ctx, "scf.yield")) return regionBranchProblem(op, [], toResults(op), forwarded); },
};

const whileOp: OpSpec = {
  name: "scf.while", operands: [0, -1], results: [0, -1], regions: 2, traits: ["SingleBlock", "RecursiveMemoryEffects"],
  parse(p, st) {
    const list = p.peekText() === "(" ? parseAssignmentList(p) : { args: [], inits: [] };
    const loc = p.locHere();
    p.expect(":");
    const ft = p.parseType(); // (MLIR's parseColonType<FunctionType>, whose error is at the colon)
    if (!(ft instanceof FunctionType)) throw p.customError("invalid kind of type specified", loc);
    if (ft.inputs.length !== list.inits.length) throw p.customError(`expected as many input types as operands (expected ${list.inits.length} got ${ft.inputs.length})`, loc);
    st.operands = p.resolveOperands(list.inits, [...ft.inputs]);
    st.resultTypes = [...ft.results];
    // (no blocks added to empty regions: MLIR's verifier reports them)
    const before = p.parseRegion(regionArgs(list.args, [...ft.inputs]));
    p.parseKeyword("do");
    st.regions.push(before, p.parseRegion());
    p.parseOptionalAttrDictWithKeyword(st);
  },
  print(p, op) {
    const before = op.body(0);
    p.print(op.operands.length ? " " + printAssignmentList(p, before.args, op.operands) : "", " : ",
      FunctionType.get(typesOf(op.operands), typesOf(op.results)).str, " ");
    p.region(op.region(0), { printEntryBlockArgs: false });
    p.print(" do ");
    p.region(op.region(1));
    p.print(p.attrDict(op, [], true));
  },
  verifyInvariants(op, ctx) { // (its ODS constraints and MLIR's WhileOp::verify, before the regions' ops)
    const bad = emptyRegionProblem(op, ["before", "after"]);
    if (bad) return bad;
    if (!terminatorError(op, ctx, 0, "scf.condition", "expects the 'before' region to terminate with 'scf.condition'")) {
      terminatorError(op, ctx, 1, "scf.yield", "expects the 'after' region to terminate with 'scf.yield'");
    }
  },
  verify(op) { // (RegionBranchOpInterface: the parent and 'after' go to 'before', which goes to the results or 'after')
    const [before, after] = op.regions.map((r, i) => ({ region: i, inputs: r.blocks[0].args }));
    return regionBranchProblem(op, op.operands, (from?: number) => (from === 0 ? [{ inputs: op.results }, after] : [before]), forwarded);
  },
};

const conditionOp: OpSpec = {
  name: "scf.condition", operands: [1, -1], results: 0, traits: ["Terminator"], parents: ["scf.while"],
  parse(p, st) {
    p.expect("(");
    const c = p.parseOperand();
    p.expect(")");
    p.parseOptionalAttrDict(st);
    const args = p.parseOperandList();
    const ts = args.length ? (p.expect(":"), p.parseTypeList()) : [];
    st.operands = [p.resolveOperand(c, i1), ...p.resolveOperands(args, ts, st.loc)];
  },
  print(p, op) {
    const args = op.operands.slice(1);
    p.print("(", p.name(op.operand(0)), ")", p.attrDict(op));
    if (args.length) p.print(" ", p.operands(args), " : ", p.types(typesOf(args)));
  },
  verify(op) {
    if (op.operand(0).type !== i1) return `operand #0 must be 1-bit signless integer, but got '${op.operand(0).type.str}'`;
  },
};

const parallelOp: OpSpec = {
  name: "scf.parallel", results: [0, -1], regions: 1, traits: ["SingleBlock", "RecursiveMemoryEffects"], props: ["operandSegmentSizes"],
  segments: 4, operandTypes: [VARIADIC_INDEX, VARIADIC_INDEX, VARIADIC_INDEX, variadic(ANY)],
  parse(p, st) {
    const ivs = p.parseOperandList("paren");
    // Each list of bounds and steps has one operand per induction variable (MLIR's parseOperandList with a count).
    const bounds = (kw?: string) => {
      if (kw) p.parseKeyword(kw);
      const loc = p.locHere(), l = p.parseOperandList("paren");
      if (l.length !== ivs.length) throw p.customError(`expected ${ivs.length} operands`, loc);
      return p.resolveOperands(l, index);
    };
    p.expect("=");
    const lbs = bounds(), ubs = bounds("to"), steps = bounds("step");
    const inits = p.parseOptionalKeyword("init") ? p.parseOperandList("paren") : [];
    st.resultTypes = p.parseOptionalArrowTypeList();
    const r = p.parseRegion(regionArgs(ivs, ivs.map(() => index)));
    p.parseOptionalAttrDict(st);
    st.operands = [...lbs, ...ubs, ...steps, ...p.resolveOperands(inits, st.resultTypes, st.loc)];
    st.addAttr("operandSegmentSizes", segmentSizes(lbs.length, ubs.length, steps.length, inits.length));
    ensureTerminator(p, r, "scf.reduce", st.loc, ivs.map(() => index));
    st.regions.push(r);
  },
  print(p, op) {
    const f = parallelParts(op);
    p.print(" (", p.operands(f.ivs), ") = (", p.operands(f.lbs), ") to (", p.operands(f.ubs), ") step (", p.operands(f.steps), ")");
    if (f.inits.length) p.print(" init (", p.operands(f.inits), ")");
    p.print(arrowTypes(typesOf(op.results)), " ");
    p.region(op.region(), { printEntryBlockArgs: false });
    p.print(p.attrDict(op, ["operandSegmentSizes"]));
  },
  verifyInvariants(op, ctx) { // (its ODS constraints and MLIR's ParallelOp::verify, before the body's ops)
    const segs = op.attr("operandSegmentSizes"); // (the generic verifier checked that it sums to the operands)
    if (!(segs instanceof DenseArrayAttr)) return "requires attribute 'operandSegmentSizes'";
    if (segs.values.length !== 4) return `'operandSegmentSizes' attribute for specifying operand segments must have 4 elements, but got ${segs.values.length}`;
    const bad = emptyRegionProblem(op, ["region"]);
    if (bad) return bad;
    const f = parallelParts(op), n = f.steps.length, results = op.results.length;
    if (!n) return "needs at least one tuple element for lowerBound, upperBound and step";
    if (f.steps.some((v) => (constantInt(v) ?? 1n) <= 0n)) return "constant step operand must be positive";
    if (f.ivs.length !== n) return `expects the same number of induction variables: ${f.ivs.length} as bound and step values: ${n}`;
    if (f.ivs.some((a) => !(a.type instanceof IndexType))) return "expects arguments for the induction variable to be of index type";
    if (terminatorError(op, ctx, 0, "scf.reduce", "expects body to terminate with 'scf.reduce'")) return;
    const red = f.body.terminator!;
    if (results !== red.regions.length) return `expects number of results: ${results} to be the same as number of reductions: ${red.regions.length}`;
    if (results !== f.inits.length) return `expects number of results: ${results} to be the same as number of initial values: ${f.inits.length}`;
    // (beyond MLIR's checks, which leave these to the custom form)
    if (f.lbs.length !== n || f.ubs.length !== n) return "expects the same number of lower bounds, upper bounds and steps";
    const i = red.operands.findIndex((v, k) => k < results && v.type !== op.results[k].type);
    if (i >= 0) {
      ctx.opError(red, `expects type of ${i}-th reduction operand: '${red.operand(i).type.str}' to be the same as the ${i}-th result type: '${op.results[i].type.str}'`, []);
      return;
    }
    return typesMatch("init values", typesOf(f.inits), typesOf(op.results));
  },
};

const reduceOp: OpSpec = {
  name: "scf.reduce", operands: [0, -1], results: 0, traits: ["Terminator"], parents: ["scf.parallel"],
  parse(p, st) {
    if (!p.accept("(")) { p.parseOptionalAttrDict(st); return; }
    const vs = p.parseOperandList();
    p.expect(":");
    const ts = p.parseTypeList();
    p.expect(")");
    st.operands = p.resolveOperands(vs, ts, st.loc);
    ts.forEach((_, i) => { if (i) p.expect(","); st.regions.push(p.parseRegion()); });
    p.parseOptionalAttrDict(st);
  },
  print(p, op) {
    if (op.operands.length) {
      p.print("(", p.operands(op.operands), " : ", p.types(typesOf(op.operands)), ") ");
      op.regions.forEach((r, i) => { if (i) p.print(", "); p.region(r); });
    }
    p.print(p.attrDict(op));
  },
  verifyInvariants(op) { // (its ODS constraints, before the reductions' ops)
    return emptyRegionProblem(op, ["reductions"]);
  },
  verify(op) { // (MLIR's ReduceOp::verifyRegions)
    // (beyond MLIR's checks, which assume as many as scf.parallel's results)
    if (op.regions.length !== op.operands.length) return `expects one reduction region per operand (${op.operands.length}), got ${op.regions.length}`;
    for (let i = 0; i < op.regions.length; i++) {
      const t = op.operand(i).type, b = op.region(i).blocks[0];
      if (b.args.length !== 2 || b.args.some((a) => a.type !== t)) return `expected two block arguments with type '${t.str}' in the ${i}-th reduction region`;
      if (b.terminator?.name !== "scf.reduce.return") return "reduction bodies must be terminated with an 'scf.reduce.return' op";
    }
  },
};

const executeRegionOp: OpSpec = {
  name: "scf.execute_region", operands: 0, results: [0, -1], regions: 1, traits: [], // (no RecursiveMemoryEffects in MLIR 19: its effects are unknown)
  parse(p, st) {
    st.resultTypes = p.parseOptionalArrowTypeList();
    st.regions.push(p.parseRegion()); // `{}` has no block: the verifier says so, as MLIR's
    p.parseOptionalAttrDict(st);
  },
  print(p, op) {
    p.print(arrowTypes(typesOf(op.results)), " ");
    p.region(op.region());
    p.print(p.attrDict(op));
  },
  verifyInvariants(op) { // (MLIR's ExecuteRegionOp::verify, before the region's ops)
    if (!op.region(0).blocks.length) return "region needs to have at least one block";
    if (op.body().args.length) return "region cannot have any arguments";
  },
  verify(op) { return regionBranchProblem(op, [], toResults(op), forwarded); },
};

/** `%i [attrs] [-> types] (case N {...})* default {...}`; regions: default first, then the cases. */
const indexSwitchOp: OpSpec = {
  name: "scf.index_switch", operands: 1, results: [0, -1], traits: ["SingleBlock", "RecursiveMemoryEffects"], props: ["cases"], operandTypes: [INDEX],
  parse(p, st) {
    const arg = p.parseOperand();
    p.parseOptionalAttrDict(st);
    // `-> t1, t2` without parentheses, as MLIR's `type($results)` prints them.
    st.resultTypes = p.accept("->") ? p.parseTypeList() : [];
    st.operands = [p.resolveOperand(arg, index)];
    const cases: number[] = [], regions: Region[] = [];
    while (p.parseOptionalKeyword("case")) { // (no terminator added: MLIR's verifier reports a missing one)
      cases.push(parseInt64(p));
      regions.push(p.parseRegion());
    }
    p.parseKeyword("default");
    const def = p.parseRegion();
    ensureTerminator(p, def, "scf.yield", st.loc); // implicit there (SingleBlockImplicitTerminator), as MLIR prints it
    st.regions.push(def, ...regions);
    st.addAttr("cases", new DenseArrayAttr(i64, cases));
  },
  print(p, op) {
    // Case yields are printed even when empty (MLIR's parser does not add them to case regions);
    // the default region's empty one is implicit, as MLIR prints it.
    const types = op.results.length ? ` -> ${typesOf(op.results).map((t) => t.str).join(", ")}` : "";
    p.print(" ", p.name(op.operand(0)), p.attrDict(op, ["cases"]), types);
    switchCases(op).forEach((v, i) => {
      p.newline();
      p.print("case ", intStr(v), " ");
      p.region(op.region(i + 1), { printEntryBlockArgs: false });
    });
    p.newline();
    p.print("default ");
    p.region(op.region(0), { printEntryBlockArgs: false, printEmptyTerminator: false });
  },
  verifyAttrs(op) {
    const cases = op.attr("cases");
    if (!cases) return "requires attribute 'cases'";
    if (!(cases instanceof DenseArrayAttr && cases.elementType === i64)) return "attribute 'cases' failed to satisfy constraint: i64 dense array attribute";
  },
  verifyInvariants(op, ctx) { // (its ODS constraints and MLIR's IndexSwitchOp::verify, before the regions' ops)
    const cases = op.attr<DenseArrayAttr>("cases")!;
    const bad = emptyRegionProblem(op, ["defaultRegion", "caseRegions"]);
    if (bad) return bad;
    if (op.regions.length !== cases.values.length + 1) return `has ${op.regions.length - 1} case regions but ${cases.values.length} case values`;
    if (new Set(cases.values).size !== cases.values.length) return `has duplicate case value: ${cases.values.find((v, i) => cases.values.indexOf(v) !== i)}`;
    for (let r = 0; r < op.regions.length; r++) {
      const y = op.region(r).blocks[0].ops.at(-1), name = r ? `case region #${r - 1}` : "default region";
      if (!y) continue; // (the generic verifier reports the empty block)
      if (y.name !== "scf.yield") return `expected region to end with scf.yield, but got ${y.name}`;
      if (y.operands.length !== op.results.length) {
        ctx.opError(op, `expected each region to return ${op.results.length} values, but ${name} returns ${y.operands.length}`, [{ at: y, message: "see yield operation here" }]);
        return;
      }
      const i = y.operands.findIndex((v, k) => v.type !== op.results[k].type);
      if (i >= 0) {
        ctx.opError(op, `expected result #${i} of each region to be '${op.results[i].type.str}'`, [{ at: y, message: `${name} returns '${y.operand(i).type.str}' here` }]);
        return;
      }
    }
    // (beyond MLIR's checks: its regions take no arguments)
    if (op.regions.some((r) => r.blocks[0].args.length)) return "expects each region to have one block without arguments";
  },
};
/** The case values of an `scf.index_switch`; case i's region is `op.region(i + 1)`, default is region 0. */
export const switchCases = (op: Operation): number[] => [...(op.attr<DenseArrayAttr>("cases")?.values ?? [])];

const YIELD_PARENTS = ["scf.execute_region", "scf.for", "scf.if", "scf.index_switch", "scf.while"];

export const scf: Dialect = {
  name: "scf",
  ops: [
    { ...forOp, canonicalize: canonicalizeFor }, { ...ifOp, fold: foldIf, canonicalize: canonicalizeIf }, { ...whileOp, canonicalize: canonicalizeWhile }, conditionOp, { ...parallelOp, canonicalize: canonicalizeParallel }, reduceOp,
    { ...executeRegionOp, canonicalize: canonicalizeExecuteRegion }, { ...indexSwitchOp, canonicalize: canonicalizeIndexSwitch }, ...FORALL_OPS,
    returnLikeOp("scf.yield", {
      // (what it yields is checked by its parent, along its control flow edges)
      parents: YIELD_PARENTS,
    }),
    returnLikeOp("scf.reduce.return", {
      operands: 1,
      parents: ["scf.reduce"],
      verify(op) {
        const want = op.parent!.args[0]?.type; // (what the reduction combines; scf.reduce checks it is its operand's type)
        if (want && op.operand(0).type !== want) return `must have type '${want.str}' (the type of the reduction inputs)`;
      },
    }),
  ],
};
