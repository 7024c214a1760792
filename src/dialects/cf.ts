// cf dialect: unstructured control flow between the blocks of a region, as MLIR 19 writes it
// (what its --convert-scf-to-cf makes): cf.br, cf.cond_br, cf.switch, and cf.assert.
import { DenseArrayAttr, DenseElementsAttr, StringAttr } from "../ir/attributes.js";
import { Builder } from "../ir/builder.js";
import { Operation, type Block, type Value } from "../ir/core.js";
import type { Dialect, OpSpec, VerifyContext } from "../ir/dialect.js";
import type { OpAsmParser } from "../ir/parser.js";
import type { OpAsmPrinter } from "../ir/printer.js";
import { IntegerType, VectorType, i1, i32 } from "../ir/types.js";
import { ANY, I1, tc, variadic } from "./common.js";
import { segmentSizesAttr } from "./indexing.js";
import { canonicalizeAssert, canonicalizeBr, canonicalizeCondBr, canonicalizeSwitch } from "./cf-canonicalize.js";

const BRANCH: OpSpec["traits"] = ["Pure", "Terminator"];
const ANY_OPERANDS = variadic(ANY);

/** Whether `op` is one of cf's branches (a terminator passing operands to successor blocks). */
export const isCfBranch = (op: Operation): boolean => op.name === "cf.br" || op.name === "cf.cond_br" || op.name === "cf.switch";

/** Where each successor's operands are among a branch's, [start, end), in successor order. */
export function successorRanges(op: Operation): Array<[number, number]> {
  if (op.name === "cf.br") return [[0, op.operands.length]];
  const seg = (op.attr("operandSegmentSizes") as DenseArrayAttr | undefined)?.values ?? [];
  // (after the condition or flag's segment: MLIR takes its size from the attribute too, be it 1 or not)
  const c = seg[0];
  if (op.name === "cf.cond_br") return [[c, c + seg[1]], [c + seg[1], c + seg[1] + seg[2]]];
  // cf.switch: the default's, then each case's (case_operand_segments)
  const out: Array<[number, number]> = [[c, c + seg[1]]];
  let at = c + seg[1];
  for (const n of caseSegments(op)) out.push([at, (at += n)]);
  return out;
}
/** The operands each successor of a branch receives, in successor order. */
export const successorOperands = (op: Operation): Value[][] => successorRanges(op).map(([a, b]) => op.operands.slice(a, b));

/** Gives successor `i` of branch `op` the operands `vs` (its segment sizes follow). */
export function setSuccessorOperands(op: Operation, i: number, vs: readonly Value[]): void {
  const lists = successorOperands(op);
  lists[i] = [...vs];
  const lead = op.name === "cf.br" ? [] : [op.operands[0]];
  op.setOperands([...lead, ...lists.flat()]);
  if (op.name === "cf.cond_br") op.attributes.set("operandSegmentSizes", segmentSizesAttr([1, lists[0].length, lists[1].length]));
  if (op.name === "cf.switch") {
    op.attributes.set("operandSegmentSizes", segmentSizesAttr([1, lists[0].length, lists.slice(1).reduce((n, l) => n + l.length, 0)]));
    op.attributes.set("case_operand_segments", new DenseArrayAttr(i32, lists.slice(1).map((l) => l.length)));
  }
}

/** The successor cf.switch takes for `flag` (any integer form of its value). */
export function switchTarget(op: Operation, flag: number | bigint | boolean): number {
  const v = BigInt.asIntN((op.operands[0].type as IntegerType).width, BigInt(flag));
  return caseValues(op).indexOf(v) + 1; // (0: the default)
}

/** cf.switch's case values as signed integers of the flag's width. */
export function caseValues(op: Operation): bigint[] {
  const a = op.attr("case_values");
  return a instanceof DenseElementsAttr ? a.elements().map((v) => BigInt(v)) : []; // (equal values print, and read back, as a splat)
}
const caseSegments = (op: Operation) => (op.attr("case_operand_segments") as DenseArrayAttr | undefined)?.values ?? [];

/** Builds `cf.br` to `dest` with `operands` at `b`. */
export function br(b: Builder, dest: Block, operands: readonly Value[]): Operation {
  return b.insert(new Operation({ name: "cf.br", operands: [...operands], successors: [dest] }));
}
/** Replaces `yield` (the terminator of `blk`) by a branch to `dest` with its operands. */
export function yieldTo(blk: Block, dest: Block): void {
  const y = blk.terminator!;
  br(Builder.before(y), dest, y.operands);
  y.erase();
}
/** Builds `cf.cond_br %cond, t(tOps), f(fOps)` at `b`. */
export function condBr(b: Builder, cond: Value, t: Block, tOps: readonly Value[], f: Block, fOps: readonly Value[]): Operation {
  return b.insert(new Operation({ name: "cf.cond_br", operands: [cond, ...tOps, ...fOps], successors: [t, f],
    attributes: { operandSegmentSizes: segmentSizesAttr([1, tOps.length, fOps.length]) } }));
}
/** A successor with the operands a branch passes it. */
export interface Dest { dest: Block; operands?: readonly Value[] }

/** Builds `cf.switch` on `flag` (an integer) to `def`, or to `cases[i].dest` where it is `cases[i].value`. */
export function switchOp(b: Builder, flag: Value, def: Dest, cases: readonly (Dest & { value: number | bigint })[]): Operation {
  const ft = flag.type as IntegerType, ops = (d: Dest) => d.operands ?? [];
  return b.insert(new Operation({ name: "cf.switch", operands: [flag, ...ops(def), ...cases.flatMap(ops)], successors: [def.dest, ...cases.map((c) => c.dest)], attributes: {
    case_operand_segments: new DenseArrayAttr(i32, cases.map((c) => ops(c).length)),
    ...(cases.length ? { case_values: new DenseElementsAttr(VectorType.get([cases.length], ft), cases.map((c) => (ft.width > 32 ? BigInt(c.value) : Number(c.value)))) } : {}),
    operandSegmentSizes: segmentSizesAttr([1, ops(def).length, cases.reduce((n, c) => n + ops(c).length, 0)]),
  } }));
}

/** `^bb1` or `^bb1(%a, %b : i32, f32)`. */
function parseDest(p: OpAsmParser): { block: Block; operands: Value[] } {
  const block = p.parseSuccessor();
  if (!p.accept("(")) return { block, operands: [] };
  const us = p.parseOperandList(), loc = p.locHere();
  p.expect(":");
  const types = p.parseTypeListUntil(")");
  return { block, operands: p.resolveOperands(us, types, loc) };
}
const printDest = (p: OpAsmPrinter, block: Block, vs: readonly Value[]) =>
  p.blockName(block) + (vs.length ? `(${p.operands(vs)} : ${vs.map((v) => p.type(v.type)).join(", ")})` : "");

/** MLIR's BranchOpInterface check: each successor's operands match its block's arguments. */
function verifySuccessors(op: Operation, ctx: VerifyContext): void {
  successorOperands(op).some((vs, i) => {
    const args = op.successors[i]?.args ?? [];
    if (vs.length !== args.length) { ctx.error(op, `branch has ${vs.length} operands for successor #${i}, but target block has ${args.length}`); return true; }
    const j = vs.findIndex((v, k) => v.type !== args[k].type);
    if (j >= 0) { ctx.error(op, `type mismatch for bb argument #${j} of successor #${i}`); return true; }
    return false;
  });
}

export const cf: Dialect = {
  name: "cf",
  ops: [
    {
      name: "cf.br", traits: BRANCH, operandTypes: [ANY_OPERANDS], canonicalize: canonicalizeBr,
      parse(p, st) {
        const d = parseDest(p);
        st.successors = [d.block];
        st.operands = d.operands;
        p.parseOptionalAttrDict(st);
      },
      print(p, op) { p.print(" ", printDest(p, op.successors[0], op.operands), p.attrDict(op)); },
      verify(op, ctx) {
        if (op.successors.length !== 1) return `requires 1 successors but found ${op.successors.length}`;
        verifySuccessors(op, ctx);
      },
    },
    {
      name: "cf.cond_br", traits: BRANCH, segments: 3, props: ["operandSegmentSizes"], operandTypes: [I1, ANY_OPERANDS, ANY_OPERANDS], canonicalize: canonicalizeCondBr,
      parse(p, st) {
        const c = p.parseOperand();
        p.expect(",");
        const t = parseDest(p);
        p.expect(",");
        const f = parseDest(p);
        st.operands = [p.resolveOperand(c, i1), ...t.operands, ...f.operands];
        st.successors = [t.block, f.block];
        st.addAttr("operandSegmentSizes", segmentSizesAttr([1, t.operands.length, f.operands.length]));
        p.parseOptionalAttrDict(st);
      },
      print(p, op) {
        const [t, f] = successorOperands(op);
        p.print(" ", p.operands([op.operands[0]]), ", ", printDest(p, op.successors[0], t), ", ", printDest(p, op.successors[1], f), p.attrDict(op, ["operandSegmentSizes"]));
      },
      verify(op, ctx) {
        if (op.successors.length !== 2) return `requires 2 successors but found ${op.successors.length}`;
        verifySuccessors(op, ctx);
      },
    },
    {
      // cf.switch %flag : i32, [ default: ^bb1(%a : i32), 42: ^bb2, ... ]
      name: "cf.switch", traits: BRANCH, segments: 3, props: ["case_operand_segments", "case_values", "operandSegmentSizes"], canonicalize: canonicalizeSwitch,
      operandTypes: [tc("integer", (t) => t instanceof IntegerType), ANY_OPERANDS, ANY_OPERANDS],
      parse(p, st) {
        const flag = p.parseOperand();
        p.expect(":");
        const ft = p.parseTypeOf(IntegerType);
        p.expect(",");
        p.expect("[");
        p.parseKeyword("default");
        p.expect(":");
        const def = parseDest(p), values: bigint[] = [], dests = [def.block], segs: number[] = [], caseOps: Value[] = [];
        while (p.accept(",")) {
          values.push(BigInt.asIntN(ft.width, p.parseInt64())); // (MLIR truncates to the flag's width)
          p.expect(":");
          const d = parseDest(p);
          dests.push(d.block);
          segs.push(d.operands.length);
          caseOps.push(...d.operands);
        }
        p.expect("]");
        st.operands = [p.resolveOperand(flag, ft), ...def.operands, ...caseOps];
        st.successors = dests;
        st.addAttr("case_operand_segments", new DenseArrayAttr(i32, segs));
        if (values.length) st.addAttr("case_values", new DenseElementsAttr(VectorType.get([values.length], ft), values.map((v) => (ft.width > 32 ? v : Number(v)))));
        st.addAttr("operandSegmentSizes", segmentSizesAttr([1, def.operands.length, caseOps.length]));
        p.parseOptionalAttrDict(st);
      },
      print(p, op) {
        const flag = op.operands[0], width = (flag.type as IntegerType).width, vals = caseValues(op), dests = successorOperands(op);
        p.print(" ", p.operands([flag]), " : ", p.type(flag.type), ", [");
        p.indented(() => dests.forEach((vs, i) => {
          p.newline();
          // (case values print unsigned, as MLIR 19 prints them)
          p.print(i ? `${BigInt.asUintN(width, vals[i - 1])}: ` : "default: ", printDest(p, op.successors[i], vs), i < dests.length - 1 ? "," : "");
        }));
        if (vals.length) p.newline(); // (MLIR closes a default-only list on its line)
        p.print("]", p.attrDict(op, ["case_operand_segments", "case_values", "operandSegmentSizes"]));
      },
      verify(op, ctx) {
        // (counted, not listed: a splat may claim 2^31 values)
        const flag = op.operands[0].type, cv = op.attr("case_values"), n = cv instanceof DenseElementsAttr ? cv.numElements : 0;
        if (cv instanceof DenseElementsAttr && cv.type.elementType !== flag) return `'flag' type ('${flag.str}') should match case value type ('${cv.type.elementType.str}')`;
        if (n !== op.successors.length - 1) return `number of case values (${n}) should match number of case destinations (${op.successors.length - 1})`;
        const segs = caseSegments(op), caseOps = (op.attr("operandSegmentSizes") as DenseArrayAttr).values[2];
        if (segs.length !== n || segs.reduce((a, b) => a + b, 0) !== caseOps) return `case_operand_segments (${segs.join(", ")}) does not split the ${caseOps} case operands among ${n} cases`;
        verifySuccessors(op, ctx);
      },
    },
    {
      name: "cf.assert", props: ["msg"], operands: 1, results: 0, operandTypes: [I1], canonicalize: canonicalizeAssert,
      parse(p, st) {
        const c = p.parseOperand();
        p.expect(",");
        st.addAttr("msg", new StringAttr(p.parseString()));
        st.operands = [p.resolveOperand(c, i1)];
        p.parseOptionalAttrDict(st);
      },
      print(p, op) { p.print(" ", p.operands(op.operands), ", ", op.attr("msg")!.str, p.attrDict(op, ["msg"])); },
      verify(op) { if (!(op.attr("msg") instanceof StringAttr)) return "requires attribute 'msg'"; },
    },
  ],
};
