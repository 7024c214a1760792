// --verify-linearity: every value of linear type (`!tensorlang.tensor<...>`) is used exactly once.
// A value never used leaks its tensor; a value used twice aliases it: `tensorlang.copy` is the
// only way to get two uses. Uses are counted per operand slot, so `add %x, %x` is two uses; a
// single use inside a loop body that the value is defined outside of would run once per
// iteration, so it counts as a double use (loop-carried values go through iter_args instead).
import { BlockArgument, Module, Operation, Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { type Diagnostic, DiagnosticSink } from "../ir/diagnostics.js";
import { verifyModule } from "../ir/verifier.js";
import { isLinear } from "../dialects/tensorlang.js";
import type { Pass } from "./pass.js";

export const LINEARITY_MESSAGE = "result with linear type must be used exactly once";

const LOOPS = new Set(["scf.for", "scf.while", "scf.parallel", "scf.forall", "affine.for", "affine.parallel"]);

/** Whether `user` sits in the body of a loop that does not also contain `v`'s definition. */
export function usedInLoop(v: Value, user: Operation): boolean {
  const def = v instanceof BlockArgument ? v.block.parentOp : (v.owner as Operation);
  for (let p = user.parentOp; p; p = p.parentOp) {
    if (p === def || (def && p.isAncestorOf(def))) return false;
    if (LOOPS.has(p.name)) return true;
  }
  return false;
}

/** Every linear value used other than exactly once, in program order. */
export function linearityViolations(root: Operation): Value[] {
  const bad: Value[] = [];
  const check = (v: Value) => {
    if (isLinear(v.type) && (v.uses.length !== 1 || usedInLoop(v, v.uses[0].op))) bad.push(v);
  };
  root.walk((op) => {
    for (const r of op.regions) for (const b of r.blocks) b.args.forEach(check);
    op.results.forEach(check);
  });
  return bad;
}

export const verifyLinearity: Pass = {
  name: "verify-linearity",
  description: "Check that every value of linear tensor type is used exactly once",
  run(module: Module, _ctx: Context, diag: DiagnosticSink): void {
    for (const v of linearityViolations(module.op)) {
      // Block arguments report at their own location (a function argument), else the op's.
      const loc = v instanceof BlockArgument ? v.loc ?? v.block.parentOp?.loc : (v.owner as Operation).loc;
      diag.error(loc, LINEARITY_MESSAGE);
    }
  },
};

/**
 * What a program must pass to run (tensorlang-run, the sandbox, the language server): the
 * verifier, then — on IR it accepts, which linearity assumes — linearity. tensorlang-opt, as
 * mlir-opt, checks linearity only when asked (--verify-linearity).
 */
export function verifyProgram(module: Module, ctx: Context): Diagnostic[] {
  const ds = verifyModule(module, ctx);
  if (ds.length) return ds;
  const sink = new DiagnosticSink();
  verifyLinearity.run(module, ctx, sink);
  return sink.diagnostics;
}
