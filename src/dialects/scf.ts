// scf dialect: structured control flow — for (with iter_args), if/else, while/condition,
// parallel/reduce, execute_region and yield — in MLIR 19's custom and generic forms.
import { DenseArrayAttr } from "../ir/attributes.js";
import { Block, BlockArgument, Operation, Region, Value } from "../ir/core.js";
import type { Dialect, OpSpec } from "../ir/dialect.js";
import { DiagnosticError, type Location } from "../ir/diagnostics.js";
import type { OpAsmParser, RegionArgument, UnresolvedOperand } from "../ir/parser.js";
import type { OpAsmPrinter } from "../ir/printer.js";
import { FunctionType, IndexType, Type, i1, i64, index } from "../ir/types.js";
import { constantIndex } from "./arith.js";
import { ANY, I1, INDEX, SIGNLESS_INT_OR_INDEX, loopLikeProblem, returnLikeOp, typesOf, variadic } from "./common.js";
import { canonicalizeExecuteRegion, canonicalizeFor, canonicalizeIf, canonicalizeIndexSwitch, canonicalizeParallel, canonicalizeWhile, foldIf } from "./scf-canonicalize.js";
import { segment, segmentSizes } from "./memref.js";

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

/** A yield-like terminator with no operands, for bodies whose custom form elides it. */
export function makeYield(name: string, loc?: Location, operands: Value[] = []): Operation {
  return new Operation({ name, operands, loc });
}

/**
 * Give `r` an entry block (with `argTypes`) if empty, and end each block with `name` if needed
 * (`onlyEmpty`: only blocks with no ops, as MLIR's scf.index_switch parser does).
 */
export function ensureTerminator(r: Region, name: string, loc: Location, argTypes: Type[] = [], onlyEmpty = false): void {
  if (!r.blocks.length) r.push(new Block(argTypes));
  // A block already ending in one of these is left for the verifier to judge, even if `name` differs.
  for (const b of r.blocks) {
    if (!STRUCTURED_TERMINATORS.has(b.terminator?.name ?? "") && (!onlyEmpty || !b.ops.length)) b.append(makeYield(name, loc));
  }
}
const STRUCTURED_TERMINATORS = new Set(["scf.yield", "scf.condition", "scf.reduce", "affine.yield"]);

// ---- syntax helpers ------------------------------------------------------------------------------

/** `(%a = %x, %b = %y)`: region arguments and the operands that initialize them. */
export function parseAssignmentList(p: OpAsmParser): { args: UnresolvedOperand[]; inits: UnresolvedOperand[] } {
  const args: UnresolvedOperand[] = [], inits: UnresolvedOperand[] = [];
  p.expect("(");
  if (!p.accept(")")) {
    do { args.push(p.parseOperand()); p.expect("="); inits.push(p.parseOperand()); } while (p.accept(","));
    p.expect(")");
  }
  return { args, inits };
}
export function printAssignmentList(p: OpAsmPrinter, args: readonly Value[], inits: readonly Value[]): string {
  return `(${args.map((a, i) => `${p.name(a)} = ${p.name(inits[i])}`).join(", ")})`;
}
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

/** What an scf.yield must produce, by its parent. */
function yieldExpects(y: Operation): Type[] | string {
  const parent = y.parentOp;
  if (!parent) return "expects a parent op";
  switch (parent.name) {
    case "scf.for": case "scf.if": case "scf.execute_region": case "scf.index_switch": return typesOf(parent.results);
    case "scf.while":
      if (y.parent?.parent !== parent.region(1)) return "in 'scf.while' must be in the 'do' region";
      return typesOf(parent.operands);
  }
  return `expects parent op to be one of 'scf.execute_region, scf.for, scf.if, scf.index_switch, scf.while', got '${parent.name}'`;
}

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
    const ivType = p.accept(":") ? p.parseType() : index;
    st.operands = [...p.resolveOperands([lb, ub, step], ivType), ...p.resolveOperands(iter.inits, types, st.loc)];
    st.resultTypes = types;
    const r = p.parseRegion([{ operand: iv, type: ivType }, ...regionArgs(iter.args, types)]);
    ensureTerminator(r, "scf.yield", st.loc, [ivType, ...types]);
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
  verify(op) {
    if (!op.region(0)?.blocks.length) return "expects a non-empty body region";
    const f = forParts(op);
    if (f.lb.type !== f.ub.type || f.lb.type !== f.step.type) return "failed to verify that all of {lowerBound, upperBound, step} have same type";
    const loop = f.body && loopLikeProblem(f.inits, f.iterArgs, op.results);
    if (loop) return loop;
    if (!f.body || f.body.args.length !== 1 + f.inits.length) return `expected the body to have ${1 + f.inits.length} arguments (induction variable and iter_args)`;
    if (f.iv.type !== f.lb.type) return "expected induction variable to be same type as bounds and step";
    return typesMatch("iter_args", typesOf(f.inits), typesOf(op.results)) ?? typesMatch("region iter_args", typesOf(f.iterArgs), typesOf(op.results));
  },
};

const ifOp: OpSpec = {
  name: "scf.if", operands: 1, results: [0, -1], regions: 2, traits: ["SingleBlock", "NoRegionArguments", "RecursiveMemoryEffects"], operandTypes: [I1],
  parse(p, st) {
    const c = p.parseOperand();
    st.operands = [p.resolveOperand(c, i1)];
    st.resultTypes = p.accept("->") ? p.parseFunctionResultTypes() : [];
    const then = p.parseRegion();
    ensureTerminator(then, "scf.yield", st.loc);
    let els = new Region();
    if (p.parseOptionalKeyword("else")) { els = p.parseRegion(); ensureTerminator(els, "scf.yield", st.loc); }
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
  verifyInvariants(op) { // (MLIR's WhileOp::verify, before the regions' ops)
    if (op.regions.length !== 2) return; // reported by the generic region-count check
    if (!op.region(0)?.blocks.length) return "expects a non-empty body region";
    if (op.operand(0).type !== i1) return `condition must be i1, got '${op.operand(0).type.str}'`;
    if (op.results.length && !op.region(1).blocks.length) return "must have an else block if defining values";
  },
};

const whileOp: OpSpec = {
  name: "scf.while", operands: [0, -1], results: [0, -1], regions: 2, traits: ["RecursiveMemoryEffects"],
  parse(p, st) {
    const list = p.peekText() === "(" ? parseAssignmentList(p) : { args: [], inits: [] };
    p.expect(":");
    const loc = p.locHere();
    const ft = p.parseType();
    if (!(ft instanceof FunctionType)) throw DiagnosticError.at(loc, "expected function type");
    st.operands = p.resolveOperands(list.inits, [...ft.inputs], loc);
    st.resultTypes = [...ft.results];
    const before = p.parseRegion(regionArgs(list.args, [...ft.inputs]));
    if (!before.blocks.length) before.push(new Block([...ft.inputs]));
    p.parseKeyword("do");
    const after = p.parseRegion();
    if (!after.blocks.length) after.push(new Block());
    st.regions.push(before, after);
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
  verifyInvariants(op) { // (MLIR's WhileOp::verify, before the regions' ops)
    if (op.regions.length !== 2) return; // reported by the generic region-count check
    const before = op.region(0).blocks[0], after = op.region(1).blocks[0];
    if (!before || !after) return "expects non-empty 'before' and 'do' regions";
    const bad = typesMatch("'before' region arguments", typesOf(before.args), typesOf(op.operands));
    if (bad) return bad;
    const cond = before.terminator;
    if (cond?.name !== "scf.condition") return "expects the 'before' region to terminate with 'scf.condition'";
    const forwarded = typesOf(cond.operands.slice(1));
    return typesMatch("'scf.condition' arguments vs results", forwarded, typesOf(op.results)) ??
      typesMatch("'do' region arguments", typesOf(after.args), forwarded);
  },
};

const conditionOp: OpSpec = {
  name: "scf.condition", operands: [1, -1], results: 0, traits: ["Terminator"],
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
    if (op.parentOp?.name !== "scf.while") return "expects parent op 'scf.while'";
    if (op.operand(0).type !== i1) return `operand #0 must be 1-bit signless integer, but got '${op.operand(0).type.str}'`;
  },
};

const parallelOp: OpSpec = {
  name: "scf.parallel", operands: [0, -1], results: [0, -1], regions: 1, traits: ["SingleBlock", "RecursiveMemoryEffects"], props: ["operandSegmentSizes"],
  parse(p, st) {
    const ivs = p.parseOperandList("paren");
    p.expect("=");
    const lbs = p.parseOperandList("paren");
    p.parseKeyword("to");
    const ubs = p.parseOperandList("paren");
    p.parseKeyword("step");
    const steps = p.parseOperandList("paren");
    const inits = p.parseOptionalKeyword("init") ? p.parseOperandList("paren") : [];
    const types = p.parseOptionalArrowTypeList();
    st.operands = [...[lbs, ubs, steps].flatMap((l) => p.resolveOperands(l, index)), ...p.resolveOperands(inits, types, st.loc)];
    st.resultTypes = types;
    st.addAttr("operandSegmentSizes", segmentSizes(lbs.length, ubs.length, steps.length, inits.length));
    const r = p.parseRegion(regionArgs(ivs, ivs.map(() => index)));
    ensureTerminator(r, "scf.reduce", st.loc, ivs.map(() => index));
    st.regions.push(r);
    p.parseOptionalAttrDict(st);
  },
  print(p, op) {
    const f = parallelParts(op);
    p.print(" (", p.operands(f.ivs), ") = (", p.operands(f.lbs), ") to (", p.operands(f.ubs), ") step (", p.operands(f.steps), ")");
    if (f.inits.length) p.print(" init (", p.operands(f.inits), ")");
    p.print(arrowTypes(typesOf(op.results)), " ");
    p.region(op.region(), { printEntryBlockArgs: false });
    p.print(p.attrDict(op, ["operandSegmentSizes"]));
  },
  verifyInvariants(op) { // (MLIR's ParallelOp::verify, before the body's ops)
    if (!op.region(0)?.blocks.length) return "expects a non-empty body region";
    const segs = op.attr("operandSegmentSizes");
    if (!(segs instanceof DenseArrayAttr) || segs.values.length !== 4 || segs.values.reduce((a, b) => a + b, 0) !== op.operands.length) {
      return "requires an 'operandSegmentSizes' attribute with 4 entries matching its operands";
    }
    const f = parallelParts(op);
    if (!f.lbs.length && !f.ubs.length && !f.steps.length) return "needs at least one tuple element for lowerBound, upperBound and step";
    if (f.lbs.length !== f.ubs.length || f.lbs.length !== f.steps.length) return "expects the same number of lower bounds, upper bounds and steps";
    if (f.ivs.length !== f.lbs.length || f.ivs.some((a) => !(a.type instanceof IndexType))) return `expects ${f.lbs.length} index induction variables`;
    if (f.steps.some((v) => (constantIndex(v) ?? 1) <= 0)) return "constant step operand must be positive";
    const bad = typesMatch("init values", typesOf(f.inits), typesOf(op.results));
    if (bad) return bad;
    const red = f.body.terminator;
    if (red?.name !== "scf.reduce") return "expects the body to terminate with 'scf.reduce'";
    if (red.operands.length !== op.results.length) return `expects ${op.results.length} reductions in 'scf.reduce', got ${red.operands.length}`;
    return typesMatch("reduced values", typesOf(red.operands), typesOf(op.results));
  },
};

const reduceOp: OpSpec = {
  name: "scf.reduce", operands: [0, -1], results: 0, traits: ["Terminator"],
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
  verify(op) {
    if (op.parentOp?.name !== "scf.parallel") return "expects parent op 'scf.parallel'";
    if (op.regions.length !== op.operands.length) return `expects one reduction region per operand (${op.operands.length}), got ${op.regions.length}`;
    for (let i = 0; i < op.regions.length; i++) {
      const t = op.operand(i).type, b = op.region(i).blocks[0];
      if (!b || b.args.length !== 2 || b.args.some((a) => a.type !== t)) return `expects two arguments to reduction block of type '${t.str}'`;
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
  verify(op) {
    if (!op.region(0)?.blocks.length) return "region needs to have at least one block";
    if (op.body().args.length) return "region cannot have any arguments";
  },
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
    while (p.parseOptionalKeyword("case")) {
      const loc = p.locHere();
      const v = p.parseInteger();
      if (cases.includes(v)) throw DiagnosticError.at(loc, `duplicate case value: ${v}`);
      cases.push(v);
      const r = p.parseRegion();
      ensureTerminator(r, "scf.yield", st.loc, [], true);
      regions.push(r);
    }
    p.parseKeyword("default");
    const def = p.parseRegion();
    ensureTerminator(def, "scf.yield", st.loc); // implicit there (SingleBlockImplicitTerminator), as MLIR prints it
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
      p.print("case ", String(v), " ");
      p.region(op.region(i + 1), { printEntryBlockArgs: false });
    });
    p.newline();
    p.print("default ");
    p.region(op.region(0), { printEntryBlockArgs: false, printEmptyTerminator: false });
  },
  verify(op) {
    if (!(op.operand(0).type instanceof IndexType)) return "expects an index operand";
    const cases = op.attr("cases");
    if (!(cases instanceof DenseArrayAttr)) return "requires a 'cases' array attribute";
    if (op.regions.length !== cases.values.length + 1) return `has ${op.regions.length - 1} case regions but ${cases.values.length} case values`;
    if (new Set(cases.values).size !== cases.values.length) return `has duplicate case value: ${cases.values.find((v, i) => cases.values.indexOf(v) !== i)}`;
    if (op.regions.some((r) => r.blocks.length !== 1 || r.blocks[0].args.length)) return "expects each region to have one block without arguments";
  },
};
/** The case values of an `scf.index_switch`; case i's region is `op.region(i + 1)`, default is region 0. */
export const switchCases = (op: Operation): number[] => [...(op.attr<DenseArrayAttr>("cases")?.values ?? [])];

export const scf: Dialect = {
  name: "scf",
  ops: [
    { ...forOp, canonicalize: canonicalizeFor }, { ...ifOp, fold: foldIf, canonicalize: canonicalizeIf }, { ...whileOp, canonicalize: canonicalizeWhile }, conditionOp, { ...parallelOp, canonicalize: canonicalizeParallel }, reduceOp,
    { ...executeRegionOp, canonicalize: canonicalizeExecuteRegion }, { ...indexSwitchOp, canonicalize: canonicalizeIndexSwitch },
    returnLikeOp("scf.yield", {
      verify(op) {
        const want = yieldExpects(op);
        if (typeof want === "string") return want;
        return typesMatch(`types mismatch between yield op and its parent '${op.parentOp!.name}'`, typesOf(op.operands), want);
      },
    }),
    returnLikeOp("scf.reduce.return", {
      verify(op) {
        const red = op.parentOp;
        if (red?.name !== "scf.reduce") return "expects parent op 'scf.reduce'";
        const i = red.regions.indexOf(op.parent!.parent!);
        const want = red.operand(i)?.type;
        if (op.operands.length !== 1 || op.operand(0).type !== want) return `must return a single value of type '${want?.str}'`;
      },
    }),
  ],
};
