// cf: a function body of several blocks, and cf.assert. WebAssembly has structured control flow
// only; binaryen's Relooper rebuilds it from the blocks and their branches.
import binaryen from "./binaryen.js";
import { StringAttr } from "../../ir/attributes.js";
import type { Block, Region, Value } from "../../ir/core.js";
import { opSite } from "../../ir/diagnostics.js";
import { reversePostOrder } from "../../ir/verifier.js";
import { IntegerType } from "../../ir/types.js";
import { caseValues, isCfBranch, successorOperands } from "../../dialects/cf.js";
import { CompileError } from "./abi.js";
import { type Expr, FunctionEmitter, i64c, register } from "./emitter.js";

/**
 * Emits a region of several blocks (a function body with cf branches). A block's arguments are
 * locals that each branch to it assigns, in parallel, on its edge; a value is emitted before its
 * uses since blocks go in reverse post-order. Blocks no branch reaches are left out.
 */
export function emitBlocks(e: FunctionEmitter, r: Region): void {
  const m = e.m, order = reversePostOrder(r);
  const targets = new Map(order.slice(1).map((b) => [b, b.args.flatMap((a) => e.declareCarried(a))]));
  const R = new binaryen.Relooper(m), ref = new Map<Block, number>();
  const branches: Array<() => void> = [];
  for (const b of order) {
    const term = b.terminator;
    const branch = term && isCfBranch(term) ? term : undefined;
    const body = e.collect(() => e.emitBlock(b, branch));
    const from = R.addBlock(m.block(null, body, binaryen.none));
    ref.set(b, from);
    if (!branch) continue;
    // Each edge: its condition (none for the last, taken otherwise), target and operands.
    const ops = successorOperands(branch);
    const conds: (() => Expr)[] = branch.name === "cf.cond_br" ? [() => e.get(branch.operands[0])]
      : branch.name === "cf.switch" ? caseValues(branch).map((v) => () => caseTest(e, branch.operands[0], v)) : [];
    const edges = branch.name === "cf.switch" ? [...conds.map((c, i) => ({ cond: c, to: i + 1 })), { cond: undefined, to: 0 }]
      : branch.successors.map((_, i) => ({ cond: conds[i], to: i }));
    branches.push(() => {
      const used = new Set<Block>();
      for (const { cond, to } of edges) {
        const target = branch.successors[to], copies = e.collect(() => e.assign(targets.get(target)!, ops[to]));
        const code = copies.length ? m.block(null, copies, binaryen.none) : 0;
        // The Relooper takes one branch per target: a repeated one goes through a block of its own.
        const via = used.has(target) ? R.addBlock(code || m.nop()) : undefined;
        used.add(target);
        R.addBranch(from, via ?? ref.get(target)!, cond ? cond() : 0, via ? 0 : code);
        if (via) R.addBranch(via, ref.get(target)!, 0, 0);
      }
    });
  }
  for (const add of branches) add();
  e.emit(R.renderAndDispose(ref.get(order[0])!, e.newLocal("i32")));
}

/** `flag == v` as the flag's local holds it (i1 as 0/1, narrower integers sign-extended to i32). */
function caseTest(e: FunctionEmitter, flag: Value, v: bigint): Expr {
  const m = e.m, t = flag.type as IntegerType;
  if (t.width > 64) throw new CompileError(`cf.switch on ${t.str} is not supported`);
  if (t.width > 32) return m.i64.eq(e.get(flag), i64c(m, v));
  return m.i32.eq(e.get(flag), m.i32.const(Number(t.width === 1 ? BigInt.asUintN(1, v) : v)));
}

// A failed assertion stops the program with its message, named at the op (as a trap is).
register("cf.assert", (e, op) => {
  const m = e.m, fail = e.unit.runtimeImport("assert_fail", ["i32"], null);
  const msg = e.unit.stringAddress(`${opSite(op)}: assertion failed: ${(op.attr("msg") as StringAttr).value}`);
  e.emit(m.if(m.i32.eqz(e.get(op.operands[0])), m.block(null, [m.call(fail, [msg], binaryen.none), m.unreachable()])));
});
