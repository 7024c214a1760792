// cf's canonicalization patterns (MLIR's ControlFlowOps.cpp), as --canonicalize runs them:
//   cf.br to a block only it reaches          -> that block's ops appended in its place
//   cf.br/cf.cond_br to a block that only branches on -> straight to where it goes
//   cf.cond_br on a constant                  -> cf.br to the successor it takes
//   cf.cond_br with equal successors and operands -> cf.br
//   cf.switch on a constant, or with no case  -> cf.br to the successor it takes
// (the blocks no branch reaches any more, and dead block arguments, the pass erases between
// rounds: canonicalize.ts eraseUnreachableBlocks and regionDCE).
import { IntegerAttr } from "../ir/attributes.js";
import { Builder } from "../ir/builder.js";
import { BlockArgument, OpResult, type Block, type Operation, type Region, type Value } from "../ir/core.js";
import type { Rewriter } from "../ir/dialect.js";
import { constantIndex } from "./arith.js";
import { br, condBr, successorOperands, switchTarget } from "./cf.js";

/** Replaces branch `op` by `cf.br` to its successor `to`, with that successor's operands. */
function branchTo(op: Operation, to: number, rw: Rewriter): true {
  br(Builder.before(op), op.successors[to], successorOperands(op)[to]);
  rw.replaceOp(op, []);
  return true;
}

/** How many branches of `r` go to `b` (an edge each). */
const predecessorCount = (r: Region, b: Block) => r.blocks.reduce((n, x) => n + (x.terminator?.successors.filter((s) => s === b).length ?? 0), 0);

/**
 * Where a branch to `dest` with `operands` ends up when `dest` only branches on (MLIR's
 * collapseBranch): that branch's target, with its operands read through `dest`'s arguments.
 */
function collapse(dest: Block, operands: readonly Value[]): { dest: Block; operands: Value[] } | undefined {
  const br = dest.ops[0];
  if (dest.ops.length !== 1 || br.name !== "cf.br" || br.successors[0] === dest || dest.args.some((a) => a.uses.some((u) => u.op !== br))) return undefined;
  return { dest: br.successors[0], operands: br.operands.map((v) => (v instanceof BlockArgument && v.block === dest ? operands[v.index] : v)) };
}

/** MLIR's SimplifyBrToBlockWithSinglePred, then SimplifyPassThroughBr. */
export function canonicalizeBr(op: Operation, rw: Rewriter): boolean {
  const blk = op.parent!, dest = op.successors[0], r = blk.parent!;
  if (dest === blk || dest === r.blocks[0] || predecessorCount(r, dest) !== 1) {
    const to = collapse(dest, op.operands);
    if (!to) return false;
    br(Builder.before(op), to.dest, to.operands);
    rw.replaceOp(op, []);
    return true;
  }
  const args: Value[] = [...op.operands];
  rw.replaceOp(op, []);
  dest.args.forEach((a, i) => a.replaceAllUsesWith(args[i]));
  for (const o of [...dest.ops]) blk.append(o);
  r.remove(dest);
  return true;
}

/** MLIR's SimplifyConstCondBranchPred, SimplifyPassThroughCondBranch and SimplifyCondBranchIdenticalSuccessors. */
export function canonicalizeCondBr(op: Operation, rw: Rewriter): boolean {
  const c = constantIndex(op.operands[0]);
  if (c !== undefined) return branchTo(op, c !== 0 ? 0 : 1, rw);
  const [t, f] = successorOperands(op), ct = collapse(op.successors[0], t), cf = collapse(op.successors[1], f);
  if (ct || cf) {
    const [tt, ff] = [ct ?? { dest: op.successors[0], operands: t }, cf ?? { dest: op.successors[1], operands: f }];
    condBr(Builder.before(op), op.operands[0], tt.dest, tt.operands, ff.dest, ff.operands);
    rw.replaceOp(op, []);
    return true;
  }
  if (op.successors[0] === op.successors[1] && t.every((v, i) => v === f[i])) return branchTo(op, 0, rw);
  return false;
}

/** MLIR's SimplifyConstSwitchValue and SimplifySwitchWithOnlyDefault. */
export function canonicalizeSwitch(op: Operation, rw: Rewriter): boolean {
  const flag = op.operands[0], a = flag instanceof OpResult && flag.op.name === "arith.constant" ? flag.op.attr("value") : undefined;
  if (a instanceof IntegerAttr) return branchTo(op, switchTarget(op, a.value), rw);
  return op.successors.length === 1 && branchTo(op, 0, rw);
}
