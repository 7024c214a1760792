// scf's canonicalization patterns (the common ones of MLIR 19's), for --canonicalize:
//   scf.for     a loop that never runs gives its inits; one that runs once is its body, inlined;
//               an iter_arg yielded unchanged, or unused with its result, is dropped;
//   scf.if      a constant condition keeps one branch, inlined; inside the branches the
//               condition is true / false; a result both branches yield values from outside
//               for is that value or an arith.select of the two; unused results are dropped, then
//               an else that only yields;
//   scf.execute_region  a single block is inlined.
import { boolAttr } from "../ir/attributes.js";
import { Block, Operation, Region, Value } from "../ir/core.js";
import type { Rewriter } from "../ir/dialect.js";
import { i1 } from "../ir/types.js";
import { constantIndex } from "./arith.js";

/** Moves `block`'s ops but its terminator before `at`, its arguments replaced by `args`; the terminator's operands. */
function inlineBefore(block: Block, at: Operation, args: readonly Value[] = []): Value[] {
  block.args.forEach((a, i) => a.replaceAllUsesWith(args[i]));
  for (const o of block.ops.slice(0, -1)) at.parent!.insertBefore(at, o);
  return [...block.terminator!.operands];
}

/** `op` rebuilt with `operands` and the results `keep` marks, its regions moved over (the dropped results are unused). */
function withResults(op: Operation, operands: Value[], keep: readonly boolean[]): void {
  const n = new Operation({ name: op.name, operands, resultTypes: op.results.filter((_, i) => keep[i]).map((r) => r.type), attributes: op.attributes, loc: op.loc });
  op.parent!.insertBefore(op, n);
  for (const r of op.regions) n.addRegion(r);
  (op.regions as Region[]).length = 0;
  let k = 0;
  op.results.forEach((r, i) => { if (keep[i]) r.replaceAllUsesWith(n.results[k++]); });
  op.erase();
}

export function canonicalizeFor(op: Operation, rw: Rewriter): boolean {
  const [lbv, ubv, stepv] = op.operands, inits = op.operands.slice(3), body = op.body(), iterArgs = body.args.slice(1), y = body.terminator!;
  const lb = constantIndex(lbv), ub = constantIndex(ubv), step = constantIndex(stepv);
  if (lbv === ubv || (lb !== undefined && ub !== undefined && lb >= ub)) { rw.replaceOp(op, inits); return true; }
  if (lb !== undefined && ub !== undefined && step !== undefined && step > 0 && ub - lb <= step) {
    rw.replaceOp(op, inlineBefore(body, op, [lbv, ...inits]));
    return true;
  }
  const keep = iterArgs.map((a, i) => y.operands[i] !== a && (a.hasUses || op.results[i].hasUses));
  if (keep.every(Boolean)) return false;
  iterArgs.forEach((a, i) => {
    if (keep[i]) return;
    a.replaceAllUsesWith(inits[i]);
    op.results[i].replaceAllUsesWith(inits[i]);
  });
  y.setOperands(y.operands.filter((_, i) => keep[i]));
  for (let i = keep.length - 1; i >= 0; i--) if (!keep[i]) body.eraseArg(i + 1);
  withResults(op, [lbv, ubv, stepv, ...inits.filter((_, i) => keep[i])], keep);
  return true;
}

export function canonicalizeIf(op: Operation, rw: Rewriter): boolean {
  const cond = op.operand(0), then = op.body(0), els = op.region(1)?.blocks[0];
  const c = constantIndex(cond);
  if (c !== undefined) {
    const taken = c !== 0 ? then : els;
    rw.replaceOp(op, taken ? inlineBefore(taken, op) : []);
    return true;
  }
  let changed = false;
  for (const [block, value] of [[then, true], [els, false]] as const) {
    if (!block) continue;
    for (const u of [...cond.uses]) {
      if (!inside(u.op, block.parent!)) continue;
      u.op.setOperand(u.index, rw.constant(op, boolAttr(value), i1));
      changed = true;
    }
  }
  // A result both branches yield values from outside for is that value, or an arith.select of the two.
  if (els && op.results.length) {
    const ty = then.terminator!.operands, ey = els.terminator!.operands, outside = (v: Value) => !op.isAncestorOf(v.owner instanceof Block ? v.owner.parentOp! : v.owner);
    op.results.forEach((r, i) => {
      if (!r.hasUses || !outside(ty[i]) || !outside(ey[i])) return;
      const sel = ty[i] === ey[i] ? undefined : new Operation({ name: "arith.select", operands: [cond, ty[i], ey[i]], resultTypes: [r.type], loc: op.loc });
      if (sel) op.parent!.insertBefore(op, sel);
      r.replaceAllUsesWith(sel ? sel.results[0] : ty[i]);
      changed = true;
    });
  }
  // An else that only yields nothing goes.
  if (els && !op.results.length && els.ops.length === 1 && !els.terminator!.operands.length) { els.terminator!.erase(); op.regions[1].blocks.length = 0; return true; }
  const keep = op.results.map((r) => r.hasUses);
  if (keep.every(Boolean)) return changed;
  for (const b of [then, els]) b?.terminator!.setOperands(b.terminator!.operands.filter((_, i) => keep[i]));
  withResults(op, [cond], keep);
  return true;
}

/** Whether `op` is nested, at any depth, in `region`. */
function inside(op: Operation, region: Region): boolean {
  for (let r = op.parent?.parent; r; r = r.parent?.parent?.parent) if (r === region) return true;
  return false;
}

export function canonicalizeExecuteRegion(op: Operation, rw: Rewriter): boolean {
  if (op.regions[0].blocks.length !== 1) return false;
  rw.replaceOp(op, inlineBefore(op.body(), op));
  return true;
}
