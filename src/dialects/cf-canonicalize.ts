// cf's canonicalization patterns (MLIR's ControlFlowOps.cpp), as --canonicalize runs them:
//   cf.br to a block only it reaches          -> that block's ops appended in its place
//   a branch to a block that only branches on -> straight to where it goes (br, cond_br, switch)
//   cf.cond_br on a constant                  -> cf.br to the successor it takes
//   cf.cond_br to one block                   -> cf.br (arith.select for operands that differ,
//                                                where the block is reached from here only)
//   cf.cond_br reached only from a cond_br on the same condition -> cf.br to the side taken
//   uses of a cond_br's condition in a successor only it reaches -> true / false
//   cf.switch on a constant, or with no case  -> cf.br to the successor it takes
//   cf.switch cases that go where the default goes -> dropped
//   cf.switch reached only from a switch on the same flag -> cf.br (from a case), or without
//                                                the cases the flag cannot have (from the default)
//   cf.assert on a constant true                -> erased
// (the blocks no branch reaches any more, and dead block arguments, the pass erases between
// rounds: canonicalize.ts eraseUnreachableBlocks and regionDCE).
import { DenseElementsAttr, IntegerAttr, boolAttr } from "../ir/attributes.js";
import { Builder, mergeBlocks } from "../ir/builder.js";
import { BlockArgument, OpResult, Region, type Block, type Operation, type Value } from "../ir/core.js";
import { reachableBlocks } from "../ir/verifier.js";
import type { Rewriter } from "../ir/dialect.js";
import { constantIndex } from "./arith.js";
import { i1 } from "../ir/types.js";
import { br, caseValues, condBr, successorOperands, switchOp, switchTarget, type Dest } from "./cf.js";
import { sameLists } from "./indexing.js";

/** Replaces branch `op` by `cf.br` to its successor `to`, with that successor's operands. */
function branchTo(op: Operation, to: number, rw: Rewriter): true {
  const blk = op.parent!, kept = op.successors[to], dropped = op.successors.filter((s) => s !== kept);
  return keepingReach(blk.parent!, () => { br(Builder.before(op), kept, successorOperands(op)[to]); rw.replaceOp(op, []); },
    (reach) => !reach.has(blk) || dropped.every((d) => stillReached(d, reach)));
}
/**
 * Whether a path from the entry still reaches `d` after an edge into it went, found walking back
 * from its predecessors without passing `d` (a path through `d` may have been the edge's), over
 * 64 blocks at most: a branch folded in a long chain mostly drops an edge to a block near the entry.
 */
function stillReached(d: Block, reach: Set<Block>): boolean {
  const entry = d.parent!.block, seen = new Set<Block>([d]), work = [d];
  if (d === entry) return true;
  while (work.length && seen.size < 64) {
    const b = work.pop()!;
    for (const br of b.branches) { // (Block.predecessors, without building the list)
      const p = b.edgeFrom(br);
      if (!p) continue;
      if (p === entry) return true;
      if (!seen.has(p) && reach.has(p)) { seen.add(p); work.push(p); }
    }
  }
  return false;
}

/** The block whose one edge is all that reaches `b` (MLIR's getSinglePredecessor). */
const singlePredecessor = (b: Block): Block | undefined => { const ps = b.predecessors(); return ps.length === 1 ? ps[0] : undefined; };
/**
 * Each region's reachable blocks, found again after a change to its CFG but those that merge or
 * bypass blocks (keepingReach): in a CFG that lowering made of thousands of loops each has some.
 */
const reachCache = new WeakMap<Region, { version: number; blocks: Set<Block> }>();
function reached(b: Block): boolean {
  const r = b.parent!;
  if (b === r.block) return true;
  let c = reachCache.get(r);
  if (c?.version !== Region.cfgVersion) reachCache.set(r, (c = { version: Region.cfgVersion, blocks: reachableBlocks(r) }));
  return c.blocks.has(b);
}
/**
 * Runs `rewrite`, a change to `r`'s CFG after which `update` makes a reach set that held before
 * hold again, or answers false where it cannot tell (the set is then found again when next asked).
 */
function keepingReach(r: Region, rewrite: () => void, update: (reached: Set<Block>) => boolean | void): true {
  const v0 = Region.cfgVersion, c = reachCache.get(r);
  rewrite();
  if (c?.version === v0 && update(c.blocks) !== false) c.version = Region.cfgVersion;
  return true;
}
/**
 * Replaces branch `op` by what `build` makes, sending it past `skipped` (blocks that only branch
 * on, to where the new branch goes): each stays reached if a reached block still branches to it.
 */
const bypass = (op: Operation, skipped: Block[], build: (b: Builder) => void, rw: Rewriter): true =>
  keepingReach(op.parent!.parent!, () => { build(Builder.before(op)); rw.replaceOp(op, []); },
    (reach) => { for (const b of skipped) if (!b.predecessors().some((p) => reach.has(p))) reach.delete(b); });

/**
 * Where a branch to `dest` with `operands` ends up when `dest` only branches on (MLIR's
 * collapseBranch): that branch's target, with its operands read through `dest`'s arguments.
 */
function collapse(dest: Block, operands: readonly Value[]): { dest: Block; operands: Value[] } | undefined {
  const br = dest.ops[0];
  if (dest.ops.length !== 1 || br.name !== "cf.br" || br.successors[0] === dest || dest.args.some((a) => a.uses.some((u) => u.op !== br))) return undefined;
  return { dest: br.successors[0], operands: br.operands.map((v) => (v instanceof BlockArgument && v.block === dest ? operands[v.index] : v)) };
}

/**
 * MLIR's SimplifyBrToBlockWithSinglePred, then SimplifyPassThroughBr. Unlike MLIR, blocks no
 * branch from the entry reaches are not merged: there an argument may take a value computed
 * after it (`%j = arith.addi %i, %c1` in a loop whose header is unreachable becomes
 * `%j = arith.addi %j, %c1`), and folding that for ever is how mlir-opt-19 --canonicalize hangs
 * on such a loop. They are erased between rounds instead.
 */
export function canonicalizeBr(op: Operation, rw: Rewriter): boolean {
  const blk = op.parent!, dest = op.successors[0], r = blk.parent!;
  if (dest === blk || dest === r.block || dest.predecessors().length !== 1 || !reached(blk)) {
    const to = collapse(dest, op.operands);
    return !!to && bypass(op, [dest], (b) => br(b, to.dest, to.operands), rw);
  }
  const args: Value[] = [...op.operands];
  // What reached blocks past `dest` reaches them past `blk`: the set holds, less `dest`.
  return keepingReach(r, () => { rw.replaceOp(op, []); mergeBlocks(dest, blk, args); }, (reach) => reach.delete(dest));
}

/**
 * MLIR's SimplifyConstCondBranchPred, SimplifyPassThroughCondBranch, SimplifyCondBranchIdenticalSuccessors,
 * SimplifyCondBranchFromCondBranchOnSameCondition and CondBranchTruthPropagation, in that order.
 */
export function canonicalizeCondBr(op: Operation, rw: Rewriter): boolean {
  const cond = op.operands[0], c = constantIndex(cond);
  if (c !== undefined) return branchTo(op, c !== 0 ? 0 : 1, rw);
  const [t, f] = successorOperands(op), ct = collapse(op.successors[0], t), cf = collapse(op.successors[1], f);
  if (ct || cf) {
    const [tt, ff] = [ct ?? { dest: op.successors[0], operands: t }, cf ?? { dest: op.successors[1], operands: f }];
    return bypass(op, op.successors.filter((_, i) => [ct, cf][i]), (b) => condBr(b, cond, tt.dest, tt.operands, ff.dest, ff.operands), rw);
  }
  const blk = op.parent!, [td, fd] = op.successors;
  if (td === fd) {
    if (sameLists(t, f)) return branchTo(op, 0, rw);
    if (td.predecessors().every((p) => p === blk)) {
      const b = Builder.before(op);
      br(b, td, t.map((v, i) => (v === f[i] ? v : b.value("arith.select", [cond, v, f[i]], v.type))));
      rw.replaceOp(op, []);
      return true;
    }
  }
  const pred = singlePredecessor(blk), pt = pred?.terminator;
  if (pt?.name === "cf.cond_br" && pt.operands[0] === cond) return branchTo(op, pt.successors[0] === blk ? 0 : 1, rw);
  let changed = false;
  [td, fd].forEach((d, i) => {
    // (a condition many blocks branch on has many uses: look in `d` first where that is cheaper, or every cond_br on it makes this quadratic)
    const none = cond.uses.length > d.ops.length && !d.ops.some((o) => o.operands.includes(cond));
    const uses = none ? [] : cond.uses.filter((u) => u.op.parent === d);
    if (!uses.length || !singlePredecessor(d)) return;
    const known = rw.constant(op, boolAttr(i === 0), i1);
    for (const u of uses) u.op.setOperand(u.index, known);
    changed = true;
  });
  return changed;
}

/** A switch's default and cases, with the case values as its attribute holds them. */
function switchParts(op: Operation): { def: Dest; cases: Array<Dest & { value: number | bigint }> } {
  const ops = successorOperands(op), raw = (op.attr("case_values") as DenseElementsAttr | undefined)?.elements() ?? [];
  return { def: { dest: op.successors[0], operands: ops[0] }, cases: raw.map((value, i) => ({ value, dest: op.successors[i + 1], operands: ops[i + 1] })) };
}
function rebuildSwitch(op: Operation, parts: ReturnType<typeof switchParts>, rw: Rewriter): true {
  switchOp(Builder.before(op), op.operands[0], parts.def, parts.cases);
  rw.replaceOp(op, []);
  return true;
}

/**
 * MLIR's SimplifySwitchWithOnlyDefault, DropSwitchCasesThatMatchDefault, SimplifyConstSwitchValue,
 * SimplifyPassThroughSwitch, SimplifySwitchFromSwitchOnSameCondition and
 * SimplifySwitchFromDefaultSwitchOnSameCondition, in that order.
 */
export function canonicalizeSwitch(op: Operation, rw: Rewriter): boolean {
  const { def, cases } = switchParts(op), flag = op.operands[0];
  if (!cases.length) return branchTo(op, 0, rw);
  const likeDefault = (c: Dest) => c.dest === def.dest && sameLists(c.operands!, def.operands!);
  if (cases.some(likeDefault)) return rebuildSwitch(op, { def, cases: cases.filter((c) => !likeDefault(c)) }, rw);
  const a = flag instanceof OpResult && flag.op.name === "arith.constant" ? flag.op.attr("value") : undefined;
  if (a instanceof IntegerAttr) return branchTo(op, switchTarget(op, a.value), rw);
  const collapsed = [def, ...cases].map((d) => collapse(d.dest, d.operands!));
  if (collapsed.some(Boolean)) return rebuildSwitch(op, { def: collapsed[0] ?? def, cases: cases.map((c, i) => ({ ...c, ...collapsed[i + 1] })) }, rw);
  const blk = op.parent!, pred = singlePredecessor(blk), ps = pred?.terminator;
  if (ps?.name !== "cf.switch" || ps.operands[0] !== flag) return false;
  const predValues = caseValues(ps);
  // reached from a case: the flag is that case's value
  if (ps.successors[0] !== blk) { const k = ps.successors.indexOf(blk, 1); return branchTo(op, k < 0 ? 0 : switchTarget(op, predValues[k - 1]), rw); }
  // reached from the default: the flag is none of the other cases' values
  const impossible = new Set(predValues.filter((_, i) => ps.successors[i + 1] !== blk)), values = caseValues(op);
  return values.some((v) => impossible.has(v)) && rebuildSwitch(op, { def, cases: cases.filter((_, i) => !impossible.has(values[i])) }, rw);
}

/** MLIR's AssertOp::canonicalize: an assertion of a constant true goes. */
export function canonicalizeAssert(op: Operation, rw: Rewriter): boolean {
  if (!constantIndex(op.operand(0))) return false;
  rw.replaceOp(op, []);
  return true;
}
