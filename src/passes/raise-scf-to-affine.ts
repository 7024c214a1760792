// --raise-scf-to-affine: an scf.for whose bounds are affine in enclosing affine.for counters
// and function-level index values, with a positive constant step, becomes an affine.for (its
// iter_args and results kept). The loop mutations work on affine.for, so this is what lets the
// optimizer transform kernels written with scf loops; loads and stores stay memref ops (the
// mutations read their subscripts through arith). Other loops are left as they are.
import { AffineMap, bin, cst, dim, sym, type AffineExpr } from "../ir/affine.js";
import { Block, BlockArgument, Module, Operation, OpResult, Value } from "../ir/core.js";
import { IndexType } from "../ir/types.js";
import { constantIndex } from "../dialects/arith.js";
import { buildAffineFor } from "../dialects/affine.js";
import type { Pass } from "./pass.js";

/**
 * A bound as an affine map, or undefined: counters of enclosing affine.for loops are its
 * dimensions, index values defined at the function's top level its symbols (as MLIR would
 * parse `%n` there), combined by constants, addi, subi and muli by a constant.
 */
function affineBound(v: Value, fnBody: Block): { map: AffineMap; operands: Value[] } | undefined {
  const dims: Value[] = [], syms: Value[] = [];
  const slot = (list: Value[], x: Value) => { const k = list.indexOf(x); return k >= 0 ? k : list.push(x) - 1; };
  const expr = (x: Value): AffineExpr | undefined => {
    const c = constantIndex(x);
    if (c !== undefined) return cst(c);
    if (!(x.type instanceof IndexType)) return undefined;
    if (x instanceof BlockArgument && x.index === 0 && x.block.parent?.parent?.name === "affine.for") return dim(slot(dims, x));
    if (x.definingBlock === fnBody) return sym(slot(syms, x));
    if (!(x instanceof OpResult)) return undefined;
    const [a, b] = x.op.operands;
    switch (x.op.name) {
      case "arith.addi": { const l = expr(a), r = expr(b); return l && r && bin("add", l, r); }
      case "arith.subi": { const l = expr(a), r = expr(b); return l && r && bin("add", l, bin("mul", r, cst(-1))); }
      case "arith.muli": {
        const ca = constantIndex(a), cb = constantIndex(b);
        const e = cb !== undefined ? expr(a) : ca !== undefined ? expr(b) : undefined;
        return e && bin("mul", e, cst(cb ?? ca!));
      }
    }
    return undefined;
  };
  const e = expr(v);
  return e && { map: new AffineMap(dims.length, syms.length, [e]), operands: [...dims, ...syms] };
}

/** Raises the scf.for loops of `fn` that qualify, outermost first; returns how many. */
export function raiseLoops(fn: Operation): number {
  const fnBody = fn.regions[0]?.blocks[0];
  if (!fnBody) return 0;
  const loops: Operation[] = [];
  fn.walk((op) => { if (op.name === "scf.for") loops.push(op); });
  let raised = 0;
  for (const op of loops) { // pre-order: an outer loop is affine by the time its inner ones are looked at
    const [lbV, ubV, stepV, ...inits] = op.operands;
    const step = constantIndex(stepV);
    if (!(lbV.type instanceof IndexType) || op.attr("unsignedCmp") || step === undefined || step <= 0) continue;
    const lb = affineBound(lbV, fnBody), ub = affineBound(ubV, fnBody);
    if (!lb || !ub) continue;
    const old = op.body();
    const loop = buildAffineFor(lb, ub, step, inits, (body, iv, iterArgs) => {
      old.args[0].replaceAllUsesWith(iv);
      old.args.slice(1).forEach((a, i) => a.replaceAllUsesWith(iterArgs[i]));
      const yielded = old.terminator!;
      for (const o of [...old.ops]) if (o !== yielded) { o.remove(); body.append(o); }
      const ys = [...yielded.operands];
      yielded.erase();
      return ys;
    });
    loop.loc = op.loc;
    op.parent!.insertBefore(op, loop);
    op.results.forEach((r, i) => r.replaceAllUsesWith(loop.results[i]));
    op.erase();
    raised++;
  }
  return raised;
}

export const raiseScfToAffine: Pass = {
  name: "raise-scf-to-affine",
  description: "Turn scf.for loops with affine bounds and a positive constant step into affine.for",
  run(module: Module): void {
    module.walk((op) => { if (op.name === "func.func") { raiseLoops(op); return false; } });
  },
};
