// scf's canonicalization patterns (the common ones of MLIR 19's), for --canonicalize:
//   scf.for     a loop that never runs gives its inits; one that runs once is its body, inlined;
//               one that runs more, with nothing but a yield of values from outside, gives those
//               (the trip count known from constant bounds, or an upper bound `lb + C`);
//               an init cast from a more static tensor, whose result has one use, is that
//               tensor, cast back inside the loop and after it;
//               an iter_arg yielded unchanged (or unused, its init yielded), or unused with its result, is dropped;
//   scf.if      on a negated condition swaps its branches; one right after another on the same
//               (or the negated) condition merges into it;
//               a constant condition keeps one branch, inlined; inside the branches the
//               condition is true / false; a result both branches yield values from outside
//               for is that value or an arith.select of the two; unused results are dropped, then
//               an else that only yields;
//   scf.while   a before-argument the loop never changes is its init, and dropped with unused ones;
//               a forwarded value defined outside is that value, and one unused on both sides
//               goes; an after-argument that forwards the condition is true, and so is a cmpi
//               like the condition's on the forwarded values (its inverse false); a value
//               forwarded twice is one result; before-arguments all forwarded, in another
//               order, are forwarded in theirs;
//   scf.parallel        a dimension that never runs gives the inits; one that runs once is its
//               lower bound, dropped (all dropped: the body inlined, each reduction applied to
//               its init); a loop whose body is only another, neither reducing, is one loop;
//   scf.execute_region  a single block is inlined; several are, in a function's body (or
//               another execute_region's), with scf.yield a cf.br to the ops after it;
//   scf.index_switch    on a constant: the matching case (or the default) inlined.
import { type DenseArrayAttr, type IntegerAttr, boolAttr } from "../ir/attributes.js";
import { Block, BlockArgument, OpResult, Operation, Region, type Use, Value } from "../ir/core.js";
import { Builder, inlineBefore, inlineRegionBefore, mergeBlocks, rebuilt, splitBlock, withResults } from "../ir/builder.js";
import type { Rewriter } from "../ir/dialect.js";
import { type Type, i1 } from "../ir/types.js";
import { CMPI_PREDICATES, constantIndex } from "./arith.js";
import { NEGATED } from "./arith-canonicalize.js";
import { knownTripCount } from "./indexing.js";
import { br, yieldTo } from "./cf.js";
import { segmentSizes } from "./memref.js";
import { parallelParts } from "./scf.js";
import { castFromMoreStatic } from "./tensor.js";


/** ub - lb, where both are constants or ub is `lb + C` (MLIR's computeConstDiff). */
function constDiff(lb: Value, ub: Value): number | undefined {
  const l = constantIndex(lb), u = constantIndex(ub), add = ub.owner;
  if (l !== undefined && u !== undefined) return u - l;
  if (!(add instanceof Operation) || add.name !== "arith.addi") return undefined;
  return add.operand(0) === lb ? constantIndex(add.operand(1)) : add.operand(1) === lb ? constantIndex(add.operand(0)) : undefined;
}

export function canonicalizeFor(op: Operation, rw: Rewriter): boolean {
  const [lbv, ubv, stepv] = op.operands, inits = op.operands.slice(3), body = op.body(), iterArgs = body.args.slice(1), y = body.terminator!;
  const diff = lbv === ubv ? 0 : constDiff(lbv, ubv), step = constantIndex(stepv);
  if (diff !== undefined && diff <= 0) { rw.replaceOp(op, inits); return true; }
  if (diff !== undefined && step !== undefined && step > 0 && diff <= step) {
    rw.replaceOp(op, inlineBefore(body, op, [lbv, ...inits]));
    return true;
  }
  // Runs more than once, and only yields values from outside: those values.
  if (diff !== undefined && step !== undefined && body.ops.length === 1 && y.operands.every((v) => definedOutside(v, op))) {
    rw.replaceOp(op, [...y.operands]);
    return true;
  }
  if (forTensorCast(op, rw)) return true;
  // An iter_arg yielded unchanged, or unused and yielding its init again (only then, as MLIR 19), is
  // that init; one unused with its result goes.
  const keep = iterArgs.map((a, i) => y.operands[i] !== a && !(y.operands[i] === inits[i] && !a.hasUses) && (a.hasUses || op.results[i].hasUses));
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

/** MLIR's ForOpTensorCastFolder: the first init cast from a more static tensor, its result used once, becomes that tensor. */
function forTensorCast(op: Operation, rw: Rewriter): boolean {
  const i = op.operands.slice(3).findIndex((v, k) => castFromMoreStatic(v) && op.results[k].uses.length === 1);
  if (i < 0) return false;
  const src = castFromMoreStatic(op.operand(3 + i))!, old = op.operand(3 + i).type;
  const cast = (v: Value, t: Type) => new Operation({ name: "tensor.cast", operands: [v], resultTypes: [t], loc: op.loc });
  const loop = rebuilt(op, op.operands.map((v, k) => (k === 3 + i ? src : v)), op.results.map((r, k) => (k === i ? src.type : r.type)));
  const oldBody = loop.body(), body = loop.regions[0].insert(new Block(oldBody.args.map((a, k) => (k === 1 + i ? src.type : a.type))), 0);
  const castIn = body.append(cast(body.args[1 + i], old)).result;
  mergeBlocks(oldBody, body, body.args.map((a, k) => (k === 1 + i ? castIn : a)));
  const y = body.terminator!;
  y.setOperand(i, body.insertBefore(y, cast(y.operand(i), src.type)).result);
  const castOut = op.parent!.insertAfter(loop, cast(loop.results[i], old)).result;
  rw.replaceOp(op, loop.results.map((r, k) => (k === i ? castOut : r)));
  return true;
}

/** Whether `v` is defined outside `op` (not by it nor inside it). */
const definedOutside = (v: Value, op: Operation) => !op.isAncestorOf(v.owner instanceof Block ? v.owner.parentOp! : v.owner);

/** `a` is `b xor true`. */
function negates(a: Value, b: Value): boolean {
  const d = a.owner;
  return d instanceof Operation && d.name === "arith.xori" && d.operand(0) === b && !!constantIndex(d.operand(1));
}

/** Two scf.if in a row on one condition (or its negation) become one, the first's results first (MLIR's CombineIfs). */
function combineIfs(next: Operation, rw: Rewriter): boolean {
  const blk = next.parent!, prev = blk.ops[blk.ops.indexOf(next) - 1];
  if (prev?.name !== "scf.if") return false;
  const c = prev.operand(0), nc = next.operand(0), nThen = next.body(0), nElse = next.region(1).blocks[0];
  // The blocks of `next` that run when `c` holds / does not.
  let then: Block | undefined, els: Block | undefined;
  if (nc === c) [then, els] = [nThen, nElse];
  else if (negates(nc, c) || negates(c, nc)) [then, els] = [nElse, nThen];
  else return false;
  const pThen = prev.body(0), pElse = prev.region(1).blocks[0];
  // In `next`, a result of `prev` is what `prev` yields on the same side.
  prev.results.forEach((r, i) => {
    for (const u of [...r.uses]) {
      if (then && inside(u.op, then.parent!)) u.op.setOperand(u.index, pThen.terminator!.operand(i));
      else if (els && pElse && inside(u.op, els.parent!)) u.op.setOperand(u.index, pElse.terminator!.operand(i));
    }
  });
  // `from`'s ops appended to `into`, one yield of both blocks' values.
  const merge = (into: Block, from: Block | undefined) => {
    if (!from) return;
    const first = [...into.terminator!.operands];
    into.terminator!.erase();
    for (const o of [...from.ops]) into.append(o);
    into.terminator!.setOperands([...first, ...into.terminator!.operands]);
  };
  merge(pThen, then);
  if (pElse) merge(pElse, els);
  const comb = new Operation({ name: "scf.if", operands: [c], resultTypes: [...prev.results, ...next.results].map((r) => r.type), loc: next.loc });
  blk.insertBefore(next, comb);
  comb.addRegion(prev.regions[0]);
  comb.addRegion(pElse ? prev.regions[1] : els ? els.parent! : new Region());
  (prev.regions as Region[]).length = 0;
  (next.regions as Region[]).length = 0;
  const n = prev.results.length;
  rw.replaceOp(prev, comb.results.slice(0, n));
  rw.replaceOp(next, comb.results.slice(n));
  return true;
}

/** MLIR's IfOp::fold, in place: `if (c xor true) A else B` is `if c B else A`. */
export function foldIf(op: Operation): Value[] | undefined {
  const cond = op.operand(0), then = op.body(0), els = op.region(1)?.blocks[0], x = cond.owner;
  if (!els || !(x instanceof Operation) || !negates(cond, x.operand(0))) return undefined;
  op.setOperand(0, x.operand(0));
  [op.regions[0].blocks[0], op.regions[1].blocks[0]] = [els, then];
  [els.parent, then.parent] = [op.regions[0], op.regions[1]];
  return [...op.results];
}

export function canonicalizeIf(op: Operation, rw: Rewriter): boolean {
  const cond = op.operand(0), then = op.body(0), els = op.region(1)?.blocks[0];
  if (combineIfs(op, rw) || combineNestedIfs(op, rw)) return true;
  const c = constantIndex(cond);
  if (c !== undefined) {
    const taken = c !== 0 ? then : els;
    rw.replaceOp(op, taken ? inlineBefore(taken, op) : []);
    return true;
  }
  let changed = false;
  for (const [block, value] of [[then, true], [els, false]] as const) {
    if (!block) continue;
    for (const u of usesInside(cond, block.parent!)) {
      u.op.setOperand(u.index, rw.constant(op, boolAttr(value), i1));
      changed = true;
    }
  }
  // A result both branches yield values from outside for is that value, or an arith.select of the two.
  if (els && op.results.length) {
    const ty = then.terminator!.operands, ey = els.terminator!.operands, outside = (v: Value) => definedOutside(v, op);
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

/**
 * `if a { if b {...} }` is `if (a and b) {...}` (MLIR's CombineNestedIfs): else blocks may only
 * yield; an outer result the inner if gives must be what the inner else yields when the outer
 * else does; one from outside becomes an arith.select on `a`.
 */
function combineNestedIfs(op: Operation, rw: Rewriter): boolean {
  const then = op.body(0), els = op.region(1).blocks[0], inner = then.ops[0];
  if (then.ops.length !== 2 || inner.name !== "scf.if" || (els && els.ops.length !== 1)) return false;
  const iThen = inner.body(0), iElse = inner.region(1).blocks[0];
  if (iElse && iElse.ops.length !== 1) return false;
  const thenYield = [...then.terminator!.operands], elseYield = els ? [...els.terminator!.operands] : [], selects: number[] = [];
  for (const [i, v] of thenYield.entries()) {
    if (v.owner === inner) {
      const k = inner.results.indexOf(v as OpResult);
      if (iElse?.terminator!.operand(k) !== elseYield[i]) return false;
      thenYield[i] = iThen.terminator!.operand(k);
    } else if (definedOutside(v, op)) selects.push(i);
    else return false;
  }
  const b = Builder.before(op), cond = b.value("arith.andi", [op.operand(0), inner.operand(0)], i1);
  const results: Value[] = [];
  const comb = new Operation({ name: "scf.if", operands: [cond], resultTypes: op.results.map((r) => r.type), loc: op.loc });
  for (const i of selects) results[i] = b.value("arith.select", [op.operand(0), thenYield[i], elseYield[i]], op.results[i].type);
  op.parent!.insertBefore(op, comb);
  comb.addRegion(inner.regions[0]);
  iThen.terminator!.setOperands(thenYield);
  const elseRegion = new Region();
  if (elseYield.length) elseRegion.push(new Block()).append(new Operation({ name: "scf.yield", operands: elseYield, loc: op.loc }));
  comb.addRegion(elseRegion);
  (inner.regions as Region[]).length = 0;
  rw.replaceOp(op, op.results.map((_, i) => results[i] ?? comb.results[i]));
  return true;
}

/** Whether `op` is nested, at any depth, in `region`. */
function inside(op: Operation, region: Region): boolean {
  for (let r = op.parent?.parent; r; r = r.parent?.parent?.parent) if (r === region) return true;
  return false;
}
/**
 * The uses of `v` by ops in `region` or nested in it, in use order. A region smaller than `v`'s
 * use list is looked through first: a condition thousands of ifs test would otherwise make
 * canonicalize quadratic, each if going over all its uses.
 */
function usesInside(v: Value, region: Region): Use[] {
  let budget = v.uses.length;
  const holds = (r: Region): boolean | undefined => { // true: a use, false: none, undefined: past the budget
    for (const b of r.blocks) for (const o of b.ops) {
      if (--budget < 0) return undefined;
      if (o.operands.includes(v)) return true;
      for (const inner of o.regions) { const h = holds(inner); if (h !== false) return h; }
    }
    return false;
  };
  return holds(region) === false ? [] : v.uses.filter((u) => inside(u.op, region));
}

export function canonicalizeExecuteRegion(op: Operation, rw: Rewriter): boolean {
  if (op.regions[0].blocks.length === 1) { rw.replaceOp(op, inlineBefore(op.body(), op)); return true; }
  // Only a region that may hold several blocks takes them (MLIR: a FunctionOpInterface op's or an execute_region's).
  if (!["func.func", "llvm.func", "scf.execute_region"].includes(op.parentOp?.name ?? "")) return false;
  inlineExecuteRegion(op, (o, vs) => rw.replaceOp(o, vs));
  return true;
}

/** `op`'s blocks moved before the ops after it, each scf.yield a cf.br to them (their arguments: its results). */
export function inlineExecuteRegion(op: Operation, replace: (op: Operation, values: Value[]) => void): void {
  const from = op.parent!, rest = splitBlock(from, op), r = op.region();
  br(Builder.atEnd(from, op.loc), r.blocks[0], []);
  for (const b of r.blocks) if (b.terminator?.name === "scf.yield") yieldTo(b, rest);
  inlineRegionBefore(r, rest);
  replace(op, op.results.map((res) => rest.addArg(res.type, op.loc)));
}

/** scf.index_switch on a constant (MLIR's FoldConstantCase); regions: the default, then the cases in order. */
export function canonicalizeIndexSwitch(op: Operation, rw: Rewriter): boolean {
  const c = constantIndex(op.operand(0));
  if (c === undefined) return false;
  const k = (op.attr<DenseArrayAttr>("cases")?.values ?? []).indexOf(c);
  rw.replaceOp(op, inlineBefore(op.body(k + 1), op));
  return true;
}

/** scf.while: MLIR's patterns (see the top), in its order. */
export function canonicalizeWhile(op: Operation, rw: Rewriter): boolean {
  return whileArgs(op, rw) || whileCmpCond(op, rw) || whileDuplicatedResults(op) || whileAlignBeforeArgs(op, rw);
}

/** Invariant, unused and forwarded arguments. */
function whileArgs(op: Operation, rw: Rewriter): boolean {
  const before = op.body(0), after = op.body(1), cond = before.terminator!, yld = after.terminator!, inits = op.operands;
  let fwd = cond.operands.slice(1);
  // Before side: an argument yielded back as its init (directly or through the condition) is that init.
  const invariant = (a: BlockArgument, i: number) => {
    const y = yld.operand(i);
    return y === inits[i] || (y instanceof BlockArgument && y.block === after && (fwd[y.index] === a || fwd[y.index] === inits[i]));
  };
  const dropIn = before.args.map((a, i) => !a.hasUses || invariant(a, i));
  let changed = false;
  if (dropIn.some(Boolean)) {
    before.args.forEach((a, i) => { if (dropIn[i]) a.replaceAllUsesWith(inits[i]); });
    for (let i = dropIn.length - 1; i >= 0; i--) if (dropIn[i]) before.eraseArg(i);
    yld.setOperands(yld.operands.filter((_, i) => !dropIn[i]));
    op.setOperands(inits.filter((_, i) => !dropIn[i]));
    fwd = cond.operands.slice(1);
    changed = true;
  }
  // After side: the condition forwarded is true in the body.
  after.args.forEach((a, k) => {
    if (fwd[k] !== cond.operand(0) || !a.hasUses) return;
    a.replaceAllUsesWith(rw.constant(op, boolAttr(true), i1));
    changed = true;
  });
  // A value defined outside is itself on both sides; one used on neither side goes.
  const keep = fwd.map((v, k) => {
    if (definedOutside(v, op)) { after.args[k].replaceAllUsesWith(v); op.results[k].replaceAllUsesWith(v); }
    return after.args[k].hasUses || op.results[k].hasUses;
  });
  if (keep.every(Boolean)) return changed;
  for (let k = keep.length - 1; k >= 0; k--) if (!keep[k]) after.eraseArg(k);
  cond.setOperands([cond.operand(0), ...fwd.filter((_, k) => keep[k])]);
  withResults(op, [...op.operands], keep);
  return true;
}

/** In the after region, a cmpi like the condition's, on what it forwards, is true; its inverse false (MLIR's WhileCmpCond). */
function whileCmpCond(op: Operation, rw: Rewriter): boolean {
  const cond = op.body(0).terminator!, cmp = cond.operand(0).owner, after = op.body(1);
  if (!(cmp instanceof Operation) || cmp.name !== "arith.cmpi") return false;
  const pred = CMPI_PREDICATES[cmp.attr<IntegerAttr>("predicate")!.num];
  let changed = false;
  cond.operands.slice(1).forEach((v, k) => {
    for (const side of [0, 1]) {
      if (v !== cmp.operand(side)) continue;
      for (const u of [...after.args[k].uses]) {
        const c = u.op;
        if (c.name !== "arith.cmpi" || c.operand(side) !== after.args[k] || c.operand(1 - side) !== cmp.operand(1 - side)) continue;
        const p = CMPI_PREDICATES[c.attr<IntegerAttr>("predicate")!.num];
        if (p !== pred && p !== NEGATED[pred]) continue;
        rw.replaceOp(c, [rw.constant(c, boolAttr(p === pred), i1)]);
        changed = true;
      }
    }
  });
  return changed;
}

/** A value the condition forwards twice is one result, one after-argument (MLIR's WhileRemoveDuplicatedResults). */
function whileDuplicatedResults(op: Operation): boolean {
  const cond = op.body(0).terminator!, after = op.body(1), fwd = cond.operands.slice(1);
  const first = fwd.map((v) => fwd.indexOf(v)), keep = first.map((f, k) => f === k);
  if (keep.every(Boolean)) return false;
  first.forEach((f, k) => {
    if (f === k) return;
    after.args[k].replaceAllUsesWith(after.args[f]);
    op.results[k].replaceAllUsesWith(op.results[f]);
  });
  for (let k = keep.length - 1; k >= 0; k--) if (!keep[k]) after.eraseArg(k);
  cond.setOperands([cond.operand(0), ...fwd.filter((_, k) => keep[k])]);
  withResults(op, [...op.operands], keep);
  return true;
}

/**
 * The condition forwarding every before-argument once, in another order, forwards them in
 * theirs; after-arguments and results follow (MLIR's WhileOpAlignBeforeArgs).
 */
function whileAlignBeforeArgs(op: Operation, rw: Rewriter): boolean {
  const before = op.body(0), after = op.body(1), cond = before.terminator!, fwd = cond.operands.slice(1);
  // at[k]: the before-argument forwarded at k
  const at = fwd.map((v) => (v instanceof BlockArgument && v.block === before ? v.index : -1));
  if (fwd.length !== before.args.length || at.includes(-1) || new Set(at).size !== at.length || at.every((j, k) => j === k)) return false;
  cond.setOperands([cond.operand(0), ...before.args]);
  const n = after.args.length;
  const args = before.args.map((a) => after.addArg(a.type, a.loc));
  for (let k = 0; k < n; k++) after.args[k].replaceAllUsesWith(args[at[k]]);
  for (let k = n - 1; k >= 0; k--) after.eraseArg(k);
  const loop = rebuilt(op, [...op.operands], before.args.map((a) => a.type));
  rw.replaceOp(op, at.map((j) => loop.results[j]));
  return true;
}

function setParallelBounds(op: Operation, lbs: Value[], ubs: Value[], steps: Value[], inits: Value[]): void {
  op.setOperands([...lbs, ...ubs, ...steps, ...inits]);
  op.attributes.set("operandSegmentSizes", segmentSizes(lbs.length, ubs.length, steps.length, inits.length));
}

/** scf.parallel: single- and zero-iteration dimensions (MLIR's ParallelOpSingleOrZeroIterationDimsFolder), nested loops. */
export function canonicalizeParallel(op: Operation, rw: Rewriter): boolean {
  const { lbs, ubs, steps, inits, body, ivs } = parallelParts(op);
  const trips = lbs.map((lb, i) => knownTripCount(lb, ubs[i], steps[i]));
  if (trips.includes(0)) { rw.replaceOp(op, inits); return true; }
  const keep = trips.map((n) => n !== 1);
  if (!keep.some(Boolean)) {
    const reduce = body.terminator!, reduced = inlineBefore(body, op, lbs);
    rw.replaceOp(op, reduce.regions.map((r, i) => inlineBefore(r.blocks[0], op, [inits[i], reduced[i]])[0]));
    return true;
  }
  if (!keep.every(Boolean)) {
    for (let i = keep.length - 1; i >= 0; i--) {
      if (keep[i]) continue;
      ivs[i].replaceAllUsesWith(lbs[i]);
      body.eraseArg(i);
    }
    const kept = (vs: Value[]) => vs.filter((_, i) => keep[i]);
    setParallelBounds(op, kept(lbs), kept(ubs), kept(steps), inits);
    return true;
  }
  return mergeNestedParallel(op, rw);
}

/** A loop whose body is only another loop, neither reducing, the inner bounds not using the outer variables: one loop (MLIR's MergeNestedParallelLoops). */
function mergeNestedParallel(op: Operation, rw: Rewriter): boolean {
  const outer = parallelParts(op), inner = outer.body.ops.length === 2 ? outer.body.ops[0] : undefined;
  if (inner?.name !== "scf.parallel" || outer.inits.length) return false;
  const f = parallelParts(inner);
  const usesOuter = (v: Value) => v instanceof BlockArgument && v.block === outer.body;
  if (f.inits.length || [...f.lbs, ...f.ubs, ...f.steps].some(usesOuter)) return false;
  inlineBefore(f.body, inner, f.ivs.map((iv) => outer.body.addArg(iv.type, iv.loc)));
  rw.replaceOp(inner, []);
  setParallelBounds(op, [...outer.lbs, ...f.lbs], [...outer.ubs, ...f.ubs], [...outer.steps, ...f.steps], []);
  return true;
}
