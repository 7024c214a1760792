// --raise-cf-to-scf: the shapes --convert-scf-to-cf makes, raised back to structured ops, so the
// wasm backend's loop optimizations (address stepping, scalar promotion) see loops again:
//   ^a: cf.br ^b(x)  where ^b has no other predecessor          -> ^b's ops appended to ^a
//   ^a: cf.cond_br %c, ^t, ^e   ^t/^e: ... cf.br ^j(v)  (^j: only ^t and ^e branch to it)
//                                                               -> scf.if %c -> ^j's argument types
//   ^a: cf.cond_br %c, ^t, ^j   ^t: ... cf.br ^j                -> scf.if %c without results
//   ^p: cf.br ^h(lb, init)   ^h(%iv, %x): %c = arith.cmpi slt, %iv, %ub; cf.cond_br %c, ^b, ^x
//   ^b: ... %n = arith.addi %iv, %step; cf.br ^h(%n, y)         -> scf.for %iv = lb to ub step ...
//   ^p: cf.br ^h(init)   ^h: ... cf.cond_br %c, ^a(args), ^x   ^a: ... cf.br ^h(y)
//       (or the do-while `cf.cond_br %c, ^h(args), ^x`)         -> scf.while
//   ^s: %i = arith.index_cast %x : index to i32; cf.switch %i to arms that meet -> scf.index_switch
// each applied wherever it matches until none does (inner shapes first, as they nest). What
// matches none of them (a CFG no scf op made) stays blocks; it is always the same program.
// MLIR's --lift-cf-to-scf lifts any CFG, in its own forms.
import { DenseArrayAttr, IntegerAttr } from "../ir/attributes.js";
import { Builder, mergeBlocks, regionWith } from "../ir/builder.js";
import { Block, BlockArgument, Module, Operation, OpResult, Region, Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import type { DiagnosticSink } from "../ir/diagnostics.js";
import { CMPI_PREDICATES } from "../dialects/arith.js";
import { caseValues, successorOperands } from "../dialects/cf.js";
import { i64 } from "../ir/types.js";
import type { Pass } from "./pass.js";

/** The branches to a block from its region, one per edge (read as the IR stands: each raise checks before it changes anything). */
interface Preds { get(b: Block): Operation[] }
const preds: Preds = { get: (b) => b.predecessors().map((p) => p.terminator!) };
/** `op` is a `cf.br` whose target has no other predecessor (nor is the entry). */
const soleBranch = (op: Operation | undefined, preds: Preds): op is Operation =>
  op?.name === "cf.br" && preds.get(op.successors[0])!.length === 1 && op.successors[0] !== op.parent!.parent!.block;
const noOperands = (br: Operation) => successorOperands(br).every((vs) => !vs.length);
const removeBlock = (b: Block) => b.parent!.remove(b);
/** The block of `r` holding `op`, at any depth. */
function blockIn(r: Region, op: Operation): Block | undefined {
  for (let b = op.parent; b; b = b.parent?.parent?.parent ?? null) if (b.parent === r) return b;
  return undefined;
}

/** A region of one block holding `b`'s ops, its terminator (a branch) replaced by `scf.yield` of `yields`. */
function regionOf(b: Block, yields: readonly Value[]): Region {
  const { region, block } = regionWith();
  b.terminator!.erase();
  for (const o of [...b.ops]) block.append(o);
  Builder.atEnd(block).create("scf.yield", yields);
  removeBlock(b);
  return region;
}

/** `a: cf.br ^b(x)`, ^b reached from nowhere else: one block. */
function mergeStraight(a: Block, preds: Preds): boolean {
  const br = a.terminator;
  if (!soleBranch(br, preds) || br.successors[0] === a) return false;
  const [b, args] = [br.successors[0], [...br.operands]];
  br.erase();
  mergeBlocks(b, a, args);
  return true;
}

/** `a: cf.cond_br %c, ^t, ^e` where the arms meet in one join block (or ^t falls into ^e): an scf.if. */
function raiseIf(a: Block, preds: Preds): boolean {
  const cb = a.terminator;
  if (cb?.name !== "cf.cond_br" || !noOperands(cb)) return false;
  const [t, e] = cb.successors;
  // Where an arm (a block only ^a reaches, ending in a branch) goes.
  const join = (x: Block) => (x !== a && preds.get(x)!.length === 1 && x.terminator?.name === "cf.br" ? x.terminator.successors[0] : undefined);
  const j = join(t);
  if (!j || t === e || j === a) return false;
  const noElse = j === e;
  if (noElse ? e.args.length > 0 || preds.get(e)!.length !== 2 : join(e) !== j || preds.get(j)!.length !== 2) return false;
  const arms = noElse ? [t] : [t, e];
  const regions = arms.map((x) => regionOf(x, [...x.terminator!.operands]));
  if (noElse) regions.push(new Region());
  const ifOp = Builder.before(cb).create("scf.if", [cb.operands[0]], j.args.map((x) => x.type), {}, regions);
  cb.erase();
  mergeBlocks(j, a, ifOp.results);
  return true;
}

/** The counted loop --convert-scf-to-cf makes of an scf.for: an scf.for again. */
function raiseFor(p: Block, preds: Preds): boolean {
  const entry = p.terminator;
  if (entry?.name !== "cf.br") return false;
  const h = entry.successors[0], hp = preds.get(h)!;
  if (h === p || h.args.length === 0 || hp.length !== 2 || h.ops.length !== 2) return false;
  const [cmp, cb] = h.ops, iv = h.args[0];
  if (cmp.name !== "arith.cmpi" || CMPI_PREDICATES[cmp.attr<IntegerAttr>("predicate")!.num] !== "slt" || cmp.operands[0] !== iv || cb.name !== "cf.cond_br" || cb.operands[0] !== cmp.result || !noOperands(cb)) return false;
  const [body, exit] = cb.successors, latch = body.terminator;
  if (body === h || body === p || exit === h || body === exit || preds.get(body)!.length !== 1 || preds.get(exit)!.length !== 1 || latch?.name !== "cf.br" || latch.successors[0] !== h || !hp.includes(latch)) return false;
  const step = latch.operands[0], next = step instanceof OpResult ? step.op : undefined;
  if (next?.name !== "arith.addi" || next.parent !== body || next.operands[0] !== iv || step.uses.length !== 1) return false;
  const r = h.parent!, loopBlock = (op: Operation) => { const b = blockIn(r, op); return b === h || b === body; };
  const ub = cmp.operands[1], inc = next.operands[1], inside = (v: Value) => (v instanceof OpResult ? loopBlock(v.op) : v instanceof BlockArgument && [h, body].includes(v.block));
  if (inside(ub) || inside(inc) || cmp.result.uses.length !== 1 || iv.uses.some((u) => !loopBlock(u.op))) return false;
  // The body: ^b's ops, the arguments of ^h its own; the carried values, once done, the loop's results.
  const { region, block } = regionWith([iv.type, ...h.args.slice(1).map((a) => a.type)]);
  const yields = latch.operands.slice(1);
  latch.erase();
  next.erase();
  const carried = h.args.slice(1);
  const loop = Builder.before(entry).create("scf.for", [entry.operands[0], ub, inc, ...entry.operands.slice(1)], carried.map((a) => a.type), {}, [region]);
  carried.forEach((a, i) => { for (const u of [...a.uses]) if (!loopBlock(u.op)) u.op.setOperand(u.index, loop.results[i]); });
  // (the yield before ^h's arguments go: a value carried unchanged is one of them)
  for (const o of [...body.ops]) block.append(o);
  Builder.atEnd(block).create("scf.yield", yields);
  h.args.forEach((a, i) => a.replaceAllUsesWith(block.args[i]));
  removeBlock(body);
  cb.erase();
  cmp.erase();
  removeBlock(h);
  entry.erase();
  mergeBlocks(exit, p, []);
  return true;
}

/**
 * The loop --convert-scf-to-cf makes of an scf.while: `^p: cf.br ^h(init)`, ^h (the before
 * block) ending `cf.cond_br %c, ^a(args), ^x` with ^a (the after block) branching back to ^h, or,
 * the do-while form, `cf.cond_br %c, ^h(args), ^x`: an scf.while again. The condition's
 * arguments, which the code after the loop used, are its results.
 */
function raiseWhile(p: Block, preds: Preds): boolean {
  const entry = p.terminator;
  if (entry?.name !== "cf.br") return false;
  const h = entry.successors[0], cb = h.terminator;
  if (h === p || cb?.name !== "cf.cond_br" || preds.get(h)!.length !== 2) return false;
  const [a, x] = cb.successors, [args, xOps] = successorOperands(cb), doWhile = a === h;
  if (xOps.length || x === h || x === p || preds.get(x)!.length !== 1) return false;
  const latch = doWhile ? cb : a.terminator;
  if (!doWhile && (a === p || a === x || preds.get(a)!.length !== 1 || latch?.name !== "cf.br" || latch.successors[0] !== h)) return false;
  const r = h.parent!, inLoop = (op: Operation) => { const b = blockIn(r, op); return b === h || b === a; };
  // The regions see only their arguments of each other: ^a (and the code after the loop) may use
  // no value of ^h but those the condition passes.
  const ofH: Value[] = [...h.args, ...h.ops.flatMap((o) => o.results)];
  const misused = (v: Value) => v.uses.some((u) => { const b = blockIn(r, u.op); return b === h ? false : b === a || !args.includes(v); });
  if (ofH.some(misused)) return false;
  // The loop's results stand for the condition's arguments of ^h after it (one defined before the
  // loop, forwarded as is, keeps its uses: some may come before the loop).
  const loop = Builder.before(entry).create("scf.while", [...entry.operands], args.map((v) => v.type), {}, []);
  args.forEach((v, i) => { if (ofH.includes(v)) for (const u of [...v.uses]) if (!inLoop(u.op)) u.op.setOperand(u.index, loop.results[i]); });
  const before = new Block(h.args.map((v) => v.type)), after = new Block(args.map((v) => v.type));
  const yields = doWhile ? after.args : [...latch!.operands];
  Builder.before(cb).create("scf.condition", [cb.operands[0], ...args]);
  cb.erase();
  for (const o of [...h.ops]) before.append(o);
  if (!doWhile) {
    latch!.erase();
    for (const o of [...a.ops]) after.append(o);
  }
  Builder.atEnd(after).create("scf.yield", yields);
  if (!doWhile) { // (after the yield: a value carried unchanged is one of ^a's arguments)
    a.args.forEach((v, i) => v.replaceAllUsesWith(after.args[i]));
    removeBlock(a);
  }
  h.args.forEach((v, i) => v.replaceAllUsesWith(before.args[i]));
  removeBlock(h);
  loop.addRegion(new Region([before]));
  loop.addRegion(new Region([after]));
  entry.erase();
  mergeBlocks(x, p, []);
  return true;
}

/**
 * The switch --convert-scf-to-cf makes of an scf.index_switch: `%i = arith.index_cast %x : index
 * to i32; cf.switch %i` to blocks that each branch to one join block: an scf.index_switch again.
 */
function raiseSwitch(s: Block, preds: Preds): boolean {
  const sw = s.terminator, cast = sw?.operands[0] instanceof OpResult ? sw.operands[0].op : undefined;
  if (sw?.name !== "cf.switch" || !noOperands(sw) || cast?.name !== "arith.index_cast" || cast.parent !== s || cast.result.uses.length !== 1) return false;
  const arms = sw.successors, j = arms[0].terminator?.successors[0];
  if (!j || j === s || new Set(arms).size !== arms.length || preds.get(j)!.length !== arms.length) return false;
  if (arms.some((b) => b === s || b === j || preds.get(b)!.length !== 1 || b.terminator?.name !== "cf.br" || b.terminator.successors[0] !== j)) return false;
  const cases = caseValues(sw).map(Number);
  const regions = arms.map((b) => regionOf(b, [...b.terminator!.operands]));
  const op = Builder.before(sw).create("scf.index_switch", [cast.operands[0]], j.args.map((v) => v.type), { cases: new DenseArrayAttr(i64, cases) }, regions);
  sw.erase();
  cast.erase();
  mergeBlocks(j, s, op.results);
  return true;
}

/** Raises `r` as far as its shapes allow; whether it is one block now. */
export function raiseRegion(r: Region): boolean {
  for (let changed = true; changed && r.blocks.length > 1;) {
    changed = false;
    for (const raise of [mergeStraight, raiseIf, raiseFor, raiseWhile, raiseSwitch]) {
      for (const b of [...r.blocks]) if (b.parent === r && raise(b, preds)) changed = true; // (or merged away this round)
    }
  }
  return r.blocks.length === 1;
}

export const raiseCfToScf: Pass = {
  name: "raise-cf-to-scf",
  description: "Raise the blocks and branches --convert-scf-to-cf makes back to scf.for, if, while and index_switch",
  run(module: Module, _ctx: Context, _diag: DiagnosticSink): void {
    for (const fn of module.definedFunctions()) if (fn.region().blocks.length > 1) raiseRegion(fn.region());
  },
};
