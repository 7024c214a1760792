// --convert-scf-to-cf: scf.for, scf.if, scf.while, scf.index_switch and scf.execute_region become
// blocks and cf branches, as MLIR 19's SCFToControlFlow patterns build them (the same blocks in
// the same order, so the output is mlir-opt-19's):
//   for:    ^init: cf.br ^cond(lb, inits)   ^cond(iv, carried): cond_br (iv slt ub), ^body, ^end
//           ... body ... iv + step; cf.br ^cond(next, yielded)
//   if:     cond_br %c, ^then, ^else (or the continuation); each branch cf.br's its yields there
//   while:  cf.br ^before(inits); scf.condition becomes cond_br to ^after (or back to ^before when
//           the after region only forwards its arguments) or the continuation
//   index_switch: cf.switch on the index cast to i32; execute_region: its blocks inlined;
//   parallel: an scf.for nest (its reductions carried as iter_args), lowered in turn; forall
//           (bufferized: no shared tensors): the scf.parallel it means, static bounds as constants.
// Ops are lowered outermost first; an scf op inside an op kept whole (affine.for,
// linalg.generic ...) stays, since that op's region must keep one block.
import { DenseArrayAttr } from "../ir/attributes.js";
import { Builder, inlineBefore, inlineBlock, inlineRegionBefore, regionWith, splitBlock } from "../ir/builder.js";
import { Block, Module, Operation, Region, Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import type { DiagnosticSink } from "../ir/diagnostics.js";
import { type Type, i32, index } from "../ir/types.js";
import { br, condBr, switchOp, yieldTo } from "../dialects/cf.js";
import { inlineExecuteRegion } from "../dialects/scf-canonicalize.js";
import { parallelParts } from "../dialects/scf.js";
import { forallParts } from "../dialects/scf-forall.js";
import { forallToParallel } from "./scf-forall-to-parallel.js";
import { foldInPlace } from "./canonicalize.js";
import { cmpi } from "./lower-affine.js";
import type { Pass } from "./pass.js";

function replace(op: Operation, values: readonly Value[]): void {
  op.results.forEach((r, i) => r.replaceAllUsesWith(values[i]));
  op.erase();
}
const newBlockBefore = (before: Block, types: readonly Type[], op: Operation): Block => {
  const b = new Block();
  for (const t of types) b.addArg(t, op.loc);
  before.parent!.insert(b, before.parent!.blocks.indexOf(before));
  return b;
};

function lowerFor(op: Operation): void {
  const [lb, ub, step, ...inits] = op.operands, loc = op.loc;
  const initBlock = op.parent!, end = splitBlock(initBlock, op);
  const cond = op.body(), firstBody = new Block();
  op.region().insert(firstBody, 1);
  for (const o of [...cond.ops]) firstBody.append(o);
  const last = op.region().blocks.at(-1)!;
  inlineRegionBefore(op.region(), end);
  const iv = cond.args[0], y = last.terminator!, b = Builder.atEnd(last, loc);
  br(b, cond, [b.value("arith.addi", [iv, step], iv.type), ...y.operands]);
  y.erase();
  br(Builder.atEnd(initBlock, loc), cond, [lb, ...inits]);
  const c = Builder.atEnd(cond, loc);
  condBr(c, cmpi(c, "slt", iv, ub), firstBody, [], end, []);
  replace(op, cond.args.slice(1));
}

function lowerIf(op: Operation): void {
  const condBlock = op.parent!, rest = splitBlock(condBlock, op);
  let cont = rest;
  if (op.results.length) {
    cont = newBlockBefore(rest, op.results.map((r) => r.type), op);
    br(Builder.atEnd(cont, op.loc), rest, []);
  }
  const [thenR, elseR] = op.regions, thenBlock = thenR.blocks[0];
  yieldTo(thenR.blocks.at(-1)!, cont);
  inlineRegionBefore(thenR, cont);
  let elseBlock = cont;
  if (elseR?.blocks.length) {
    elseBlock = elseR.blocks[0];
    yieldTo(elseR.blocks.at(-1)!, cont);
    inlineRegionBefore(elseR, cont);
  }
  condBr(Builder.atEnd(condBlock, op.loc), op.operands[0], thenBlock, [], elseBlock, []);
  replace(op, cont.args);
}

function lowerWhile(op: Operation): void {
  const [beforeR, afterR] = op.regions, before = beforeR.blocks[0], after = afterR.blocks[0];
  const beforeLast = beforeR.blocks.at(-1)!, afterLast = afterR.blocks.at(-1)!;
  // A do-while (the after region only forwards its arguments) loops back to ^before directly.
  const fwd = after.ops.length === 1 && after.ops[0].name === "scf.yield" && after.ops[0].operands.length === after.args.length
    && after.ops[0].operands.every((v, i) => v === after.args[i]);
  const current = op.parent!, cont = splitBlock(current, op);
  if (!fwd) inlineRegionBefore(afterR, cont);
  inlineRegionBefore(beforeR, fwd ? cont : after);
  br(Builder.atEnd(current, op.loc), before, op.operands);
  const c = beforeLast.terminator!, args = c.operands.slice(1);
  condBr(Builder.before(c), c.operands[0], fwd ? before : after, args, cont, []);
  c.erase();
  if (!fwd) yieldTo(afterLast, before);
  replace(op, args);
}

function lowerIndexSwitch(op: Operation): void {
  const condBlock = op.parent!, cont = splitBlock(condBlock, op);
  const results = op.results.map((r) => cont.addArg(r.type, op.loc));
  const inline = (r: Region) => { const b = r.blocks[0]; yieldTo(b, cont); inlineRegionBefore(r, cont); return b; };
  const cases = (op.attr("cases") as DenseArrayAttr).values.map((value, i) => ({ value, dest: inline(op.regions[i + 1]) }));
  const def = inline(op.regions[0]);
  const b = Builder.atEnd(condBlock, op.loc);
  switchOp(b, b.value("arith.index_cast", [op.operands[0]], i32), { dest: def }, cases);
  replace(op, results);
}

/** scf.parallel as the nest of scf.for it means run in order; each reduction folds into its iter_arg. */
function lowerParallel(op: Operation): void {
  const { lbs, ubs, steps, inits, body } = parallelParts(op), ivs: Value[] = [];
  let b = Builder.before(op), iterArgs: Value[] = inits, results: Value[] = inits, outer: Block | undefined;
  lbs.forEach((lb, k) => {
    const { region, block } = regionWith([index, ...iterArgs.map((v) => v.type)]);
    const f = b.create("scf.for", [lb, ubs[k], steps[k], ...iterArgs], iterArgs.map((v) => v.type), {}, [region]);
    ivs.push(block.args[0]);
    iterArgs = block.args.slice(1);
    if (!k) results = f.results;
    else if (f.results.length) Builder.atEnd(outer!, op.loc).create("scf.yield", f.results);
    if (!iterArgs.length) Builder.atEnd(block, op.loc).create("scf.yield");
    b = Builder.atStart(block, op.loc);
    outer = block;
  });
  const reduce = body.terminator!;
  const folded = reduce.regions.map((r, i) => inlineBefore(r.blocks[0], reduce, [iterArgs[i], reduce.operands[i]])[0]);
  const inner = outer!;
  inlineBlock(body, inner.ops.length ? Builder.before(inner.terminator!) : Builder.atEnd(inner, op.loc), ivs); // (all but the scf.reduce)
  reduce.erase();
  if (folded.length) Builder.atEnd(inner, op.loc).create("scf.yield", folded);
  replace(op, results);
}

/** scf.forall without shared tensors as the scf.parallel it means (MLIR's forallToParallelLoop), lowered as one; rank 0 runs its body once. */
function lowerForall(op: Operation): void {
  const par = forallToParallel(op);
  if (par) { lowerParallel(par); return; }
  inlineBlock(forallParts(op).body, Builder.before(op), []); // (rank 0: the body once)
  op.erase();
}
/** A forall sharing tensors has no lowering here (MLIR's needs it bufferized too). */
const sharesTensors = (op: Operation) => op.name === "scf.forall" && op.results.length > 0;

const LOWER: Record<string, (op: Operation) => void> = {
  "scf.forall": lowerForall, "scf.parallel": lowerParallel, "scf.for": lowerFor, "scf.if": lowerIf, "scf.while": lowerWhile, "scf.index_switch": lowerIndexSwitch, "scf.execute_region": (op) => inlineExecuteRegion(op, replace),
};

const lowerable = (o: Operation) => Object.hasOwn(LOWER, o.name) && !sharesTensors(o);

/**
 * Lowers the scf ops in `r`'s blocks; nested ones after their parent, as they come out into `r`.
 * A block's ops go last to first: each splits its block, and the ops after it are then only those
 * up to the next op already lowered, where first to last moved the rest of the block each time
 * (quadratic in a block of thousands of loops). Each lowering puts its blocks right after the
 * block it splits, so they end in the order first to last would make; so does what a fold puts in
 * place of its op, lowered in turn.
 */
function lowerAll(r: Region, ctx: Context): void {
  for (let i = 0; i < r.blocks.length; i++) {
    const b = r.blocks[i];
    for (let ops = b.ops.filter(lowerable); ops.length; ops = b.ops.filter(lowerable)) {
      for (let k = ops.length - 1; k >= 0; k--) {
        const op = ops[k];
        if (op.parent !== b) continue; // (a fold took it)
        // As MLIR's dialect conversion, an op is folded first where it folds (scf.if on a negation swaps its branches).
        let folded: Operation[] | undefined;
        while ((folded = foldInPlace(op, ctx))?.length === 0);
        if (!folded) LOWER[op.name](op);
      }
    }
    if (r.blocks[i] !== b) i = r.blocks.indexOf(b); // (a block before it went)
  }
}

export const convertScfToCf: Pass = {
  name: "convert-scf-to-cf",
  description: "Lower scf.for, scf.if, scf.while, scf.parallel, scf.forall, scf.index_switch and scf.execute_region to blocks and cf branches",
  run(module: Module, ctx: Context, diag: DiagnosticSink): void {
    for (const fn of module.definedFunctions()) {
      lowerAll(fn.region(), ctx);
      fn.walk((o) => {
        if (sharesTensors(o)) diag.error(o.loc, "scf.forall sharing tensors is not lowered: bufferize it first (--bufferize)");
        else if (o !== fn && Object.hasOwn(LOWER, o.name)) diag.error(o.loc, `${o.name} inside ${o.parentOp!.name} is not lowered: that op's region keeps one block (lower it first, e.g. --lower-affine)`);
      });
    }
  },
};
