// --canonicalize, as MLIR 19's greedy pattern driver runs it (top-down):
//   - each round's walk uniques constants (ConstantLike ops) per insertion region, the region of
//     the nearest IsolatedFromAbove op (a function body), and hoists them to the front of its
//     entry block (MLIR's OperationFolder): a later equal constant is replaced by the first, and
//     each newly known one goes to the very front unless only known ones precede it;
//   - ops are visited in pre-order: a trivially dead op is erased (no result used, and Pure,
//     MemRead or MemAlloc, or RecursiveMemoryEffects with only such ops inside), a foldable one is
//     folded through its spec's `fold`, a new constant materialized in front of it (and left
//     there until the next round's walk: MLIR 19 no longer uniques constants while rewriting), a
//     commutative one gets its constant operands last, others go through their spec's
//     `canonicalize` patterns; what that changes is revisited, as MLIR 19's worklist does: the
//     users of a replaced op, the producer of an erased op's operand that is left with at most one
//     other user, each with its enclosing ops (which come first);
//   - repeated until a round changes nothing (10 rounds at most, as MLIR).
// `foldAndErase` is the fold + dead-code part alone, in place (the optimizer's tidying, which
// must not move constants across the loops it is rewriting).
import { Attribute, DenseElementsAttr, FloatAttr, IntegerAttr } from "../ir/attributes.js";
import { Block, BlockArgument, Module, OpResult, Operation, Region, Value } from "../ir/core.js";
import { linalgOnTensors } from "../dialects/linalg-info.js";
import type { Context, Rewriter } from "../ir/dialect.js";
import type { Pass } from "./pass.js";
import { reachableBlocks } from "../ir/verifier.js";
import { isCfBranch, setSuccessorOperands, successorOperands, successorRanges } from "../dialects/cf.js";

function constantOf(v: Value, ctx: Context): Attribute | undefined {
  const def = v.owner;
  if (!(def instanceof Operation) || !ctx.hasTrait(def, "ConstantLike")) return undefined;
  return def.attr("value");
}

const materializable = (a: Attribute) => a instanceof IntegerAttr || a instanceof FloatAttr || a instanceof DenseElementsAttr;

/** The op's folded results (attributes to materialize, or existing values), if it folds. */
function fold(op: Operation, ctx: Context): Array<Attribute | Value> | undefined {
  const spec = ctx.spec(op.name);
  if (!spec?.fold || ctx.hasTrait(op, "ConstantLike")) return undefined;
  const folded = spec.fold(op, op.operands.map((v) => constantOf(v, ctx)));
  if (!folded || folded.length !== op.results.length || folded.some((f) => f instanceof Attribute && !materializable(f))) return undefined;
  return folded;
}

/** A fold that answers the op's own results changed its operands in place (as in MLIR): the op stays. */
const inPlace = (op: Operation, folded: Array<Attribute | Value>) => folded.every((f, i) => f === op.results[i]);

/**
 * Removable when its results are unused (MLIR's wouldOpBeTriviallyDead): no effects, or only
 * reading memory or allocating its result, of its own or of the ops inside it.
 */
export function effectFree(op: Operation, ctx: Context): boolean {
  if (ctx.hasTrait(op, "Pure") || ctx.hasTrait(op, "MemRead") || ctx.hasTrait(op, "MemAlloc")) return true;
  if (!linalgOnTensors(op) && !ctx.hasTrait(op, "RecursiveMemoryEffects")) return false;
  return op.regions.every((r) => r.blocks.every((b) => b.ops.every((o) => (ctx.hasTrait(o, "Terminator") && !o.successors.length) || effectFree(o, ctx))));
}
export const triviallyDead = (op: Operation, ctx: Context) => op.results.every((r) => !r.hasUses) && !ctx.hasTrait(op, "Terminator") && effectFree(op, ctx);

/** Fold + dead-code removal in place, bottom-up, until nothing changes: no constant moves or merges. */
export function foldAndErase(module: Module, ctx: Context): void {
  for (let round = 0, changed = true; changed && round < 32; round++) {
    changed = false;
    const ops: Operation[] = [];
    module.walk((op) => { ops.push(op); });
    for (const op of ops.reverse()) {
      if (!op.parent) continue; // erased earlier in this sweep
      if (op.results.length && ctx.hasTrait(op, "Pure") && triviallyDead(op, ctx)) { op.erase(); changed = true; continue; }
      if (foldInPlace(op, ctx)) changed = true;
    }
  }
}

/**
 * Folds `op` where it stands, as MLIR's dialect conversion does: new constants go right before it,
 * and it is erased (or, folded in place, kept). The constants it made, or undefined if it did not fold.
 */
export function foldInPlace(op: Operation, ctx: Context): Operation[] | undefined {
  const folded = fold(op, ctx);
  if (!folded) return undefined;
  if (inPlace(op, folded)) return [];
  const made: Operation[] = [];
  folded.forEach((f, i) => {
    if (f instanceof Value) { op.results[i].replaceAllUsesWith(f); return; }
    const c = new Operation({ name: "arith.constant", resultTypes: [op.results[i].type], attributes: { value: f }, loc: op.loc });
    op.parent!.insertBefore(op, c);
    op.results[i].replaceAllUsesWith(c.result);
    made.push(c);
  });
  op.erase();
  return made;
}

/** The constants a round's walk has met, per insertion region (MLIR's OperationFolder). */
class Folder {
  private readonly scopes = new Map<Region, Map<string, Operation>>();
  private readonly owned = new Set<Operation>();
  constructor(private readonly ctx: Context) {}

  /** The region constants of `block` go to: that of the nearest op isolated from above (or unregistered). */
  private insertionRegion(block: Block): Region {
    for (;;) {
      const region = block.parent!, op = region.parent;
      if (!op?.parent || this.ctx.hasTrait(op, "IsolatedFromAbove") || !this.ctx.registered(op.name)) return region;
      block = op.parent;
    }
  }
  private scope(region: Region): Map<string, Operation> {
    let m = this.scopes.get(region);
    if (!m) this.scopes.set(region, (m = new Map()));
    return m;
  }
  private static key(op: Operation): string {
    const attrs = op.numAttributes ? [...op.attributes].map(([k, a]) => `${k}=${a.str}`).join(",") : "";
    return `${op.name} ${attrs} : ${op.results[0].type.str}`;
  }
  /** At the front of its block, or right after constants of ours (already hoisted there): nothing to move. */
  private settled(op: Operation): boolean { return !op.prev || this.owned.has(op.prev); }

  /**
   * A constant met in the walk: the first of its value becomes known and goes to the front of
   * its insertion block (where it is not already among the constants there); a later equal one
   * is replaced by it and erased (false).
   */
  insertKnown(op: Operation): boolean {
    const block = op.parent!, region = this.insertionRegion(block), scope = this.scope(region), key = Folder.key(op), existing = scope.get(key);
    if (existing) {
      op.results[0].replaceAllUsesWith(existing.results[0]);
      op.erase();
      return false;
    }
    const entry = region.block;
    if (block !== entry || !this.settled(op)) entry.insert(0, op);
    scope.set(key, op);
    this.owned.add(op);
    return true;
  }
}

/**
 * `arith.constant value : type` for a result of `at`, made in front of it, as MLIR 19's driver
 * materializes a fold (and a pattern creates a constant): it is uniqued with the others and
 * hoisted only when the next round's walk meets it (Folder.insertKnown).
 */
function materialize(at: Operation, value: Attribute, type: Value["type"]): Operation {
  const c = new Operation({ name: "arith.constant", resultTypes: [type], attributes: { value }, loc: at.loc });
  at.parent!.insertBefore(at, c);
  return c;
}

/** A commutative op's constant operands moved last, keeping their order (MLIR's foldCommutative); whether any moved. */
function constantsLast(op: Operation, ctx: Context): boolean {
  if (op.operands.length < 2 || !ctx.hasTrait(op, "Commutative")) return false;
  const isConst = (v: Value) => constantOf(v, ctx) !== undefined;
  const sorted = [...op.operands.filter((v) => !isConst(v)), ...op.operands.filter(isConst)];
  if (sorted.every((v, i) => v === op.operands[i])) return false;
  op.setOperands(sorted);
  return true;
}

/** A pattern set: rewrites `op` through `rw`, or answers false. */
export type Patterns = (op: Operation, rw: Rewriter) => boolean;
const canonicalizationPatterns = (ctx: Context): Patterns => (op, rw) => !!ctx.spec(op.name)?.canonicalize?.(op, rw);

/** One round over `module`; returns whether it changed anything. */
function round(module: Module, ctx: Context, patterns: Patterns): boolean {
  const folder = new Folder(ctx), worklist: Operation[] = [];
  // Whether each op is on the worklist. Marked false when taken off, not deleted: a function is
  // queued again after each rewrite in it, and V8's hash sets keep each deleted entry in its
  // key's chain until they grow, so that deleting and adding one key thousands of times made
  // every lookup of it walk thousands of dead entries.
  const queued = new Map<Operation, boolean>();
  let changed = false;
  const pushOne = (op: Operation) => { if (!queued.get(op)) { queued.set(op, true); worklist.push(op); } };
  // As MLIR's addToWorklist: the op, then its ancestors up to the children of the op rewritten (popped first).
  const push = (op: Operation | Block | null | undefined) => {
    for (let o = op instanceof Operation ? op : undefined; o?.parent && o !== module.op && o.parent.parent?.parent; o = o.parent.parent.parent) pushOne(o);
  };
  const rewriter: Rewriter = {
    constant: (at, value, type) => materialize(at, value, type).results[0],
    effectFree: (op) => effectFree(op, ctx),
    replaceOp(op, values) {
      op.results.forEach((r, i) => { for (const u of r.uses) push(u.op); r.replaceAllUsesWith(values[i]); });
      // As MLIR 19's driver erases: users before producers (nested ops last first, then `op`),
      // each requeuing the producer of an operand left with at most one other user (one with
      // more, say an alloc still stored into twice, waits for the next round).
      const erased: Operation[] = [];
      op.walk((o) => { erased.push(o); });
      const inside = new Set(erased), done = new Set<Operation>();
      for (const o of erased.reverse()) {
        done.add(o);
        for (const v of o.operands) if (v.owner instanceof Operation && !inside.has(v.owner) && fewUsers(v, done)) push(v.owner);
      }
      op.erase();
    },
  };
  // Blocks no branch reaches are left alone until they are erased after the round (no branch
  // will reach them: rewrites add no edge). Unlike MLIR, which folds there too and never ends on
  // `%x = arith.addi %x, %c1`, an op using its own result, which only such a block may hold.
  const unreached = new Set<Block>();
  for (const r of module.op.regions) for (const b of r.blocks) for (const top of [...b.ops]) {
    top.walk((op) => {
      for (const r of op.regions) if (r.blocks.length > 1) { const seen = reachableBlocks(r); for (const x of r.blocks) if (!seen.has(x)) unreached.add(x); }
      if (ctx.hasTrait(op, "ConstantLike") && op.results.length === 1 && !folder.insertKnown(op)) { changed = true; return false; }
      push(op);
    });
  }
  const isUnreached = (op: Operation) => { for (let o: Operation | null = op; o; o = o.parentOp) if (unreached.has(o.parent!)) return true; return false; };
  // As MLIR's worklist: the walk's ops in order, but what a rewrite queues comes next, the last
  // queued first.
  worklist.reverse();
  for (let op = worklist.pop(); op; op = worklist.pop()) {
    queued.set(op, false);
    if (!op.parent || (unreached.size && isUnreached(op))) continue; // erased meanwhile, or left alone
    if (triviallyDead(op, ctx)) { rewriter.replaceOp(op, []); changed = true; continue; }
    const folded = fold(op, ctx);
    if (folded && inPlace(op, folded)) push(op);
    else if (!folded && constantsLast(op, ctx)) push(op); // a fold in place, as MLIR's foldCommutative: the op is revisited
    else {
      // What a fold or pattern creates or moves is queued as it goes in (MLIR's notifyOperationInserted).
      // (restored, not cleared: a pattern that canonicalizes a region of its own nests this)
      const outer = Block.onInsert;
      Block.onInsert = push;
      try {
        if (folded) rewriter.replaceOp(op, folded.map((f, k) => (f instanceof Value ? f : rewriter.constant(op, f, op.results[k].type))));
        else if (!patterns(op, rewriter)) continue;
      } finally { Block.onInsert = outer; }
    }
    changed = true;
  }
  return changed;
}

/** Erases the blocks of `r` no branch from its entry reaches (MLIR's eraseUnreachableBlocks); whether any were. */
export function eraseUnreachableBlocks(r: Region): boolean {
  if (r.blocks.length < 2) return false;
  const reached = reachableBlocks(r);
  const dead = r.blocks.filter((b) => !reached.has(b));
  // Their values are used only among themselves: drop every use first.
  for (const b of dead) for (const o of b.ops) o.walk((x) => { x.setOperands([]); });
  for (const b of dead) { for (const o of [...b.ops].reverse()) o.erase(); r.remove(b); }
  return dead.length > 0;
}

/**
 * MLIR's region DCE on a CFG: a value is live when a live op reads it, an op when it has effects,
 * ends a block or has a live result, and a branch passes an operand on only where the argument it
 * feeds is live. Dead ops and the dead arguments of blocks but the entry go, with the operands
 * branches gave them (a loop-carried value no one uses, and what computes it); whether any went.
 */
function regionDCE(r: Region, ctx: Context): boolean {
  if (r.blocks.length < 2) return false;
  // From the ops live by themselves, backwards along uses and branch edges: each value once
  // (sweeps of the region until nothing changed took one per block of a long chain).
  const live = new Set<Value>(r.blocks[0].args), liveOps = new Set<Operation>(), work: Value[] = [];
  const mark = (v: Value) => { if (!live.has(v)) { live.add(v); work.push(v); } };
  const passed = (br: Operation, ranges: Array<[number, number]>, s: number, arg: number) => mark(br.operands[ranges[s][0] + arg]);
  const markOp = (op: Operation) => {
    if (liveOps.has(op)) return;
    liveOps.add(op);
    if (!isCfBranch(op)) { op.walk((x) => { x.operands.forEach(mark); }); return; }
    const ranges = successorRanges(op);
    op.operands.forEach((v, k) => { if (!ranges.some(([a, e]) => k >= a && k < e)) mark(v); });
    op.successors.forEach((s, i) => s.args.forEach((a, k) => { if (live.has(a)) passed(op, ranges, i, k); }));
  };
  for (const b of r.blocks) for (const op of b.ops) if (op === b.terminator || !effectFree(op, ctx)) markOp(op);
  for (let v = work.pop(); v; v = work.pop()) {
    if (v instanceof OpResult) { if (v.op.parent?.parent === r) markOp(v.op); continue; }
    const blk = (v as BlockArgument).block;
    if (blk.parent !== r) continue;
    for (const p of blk.predecessors()) {
      const br = p.terminator!;
      if (!liveOps.has(br) || !isCfBranch(br)) continue;
      const ranges = successorRanges(br);
      br.successors.forEach((s, i) => { if (s === blk) passed(br, ranges, i, (v as BlockArgument).index); });
    }
  }
  const deadOps = r.blocks.flatMap((b) => b.ops.filter((op) => !liveOps.has(op)));
  const deadArgs = new Set(r.blocks.slice(1).flatMap((b) => b.args.filter((a) => !live.has(a))));
  if (!deadOps.length && !deadArgs.size) return false;
  for (const b of r.blocks) {
    const br = b.terminator;
    if (!br || !isCfBranch(br)) continue;
    br.successors.forEach((s, i) => {
      if (s.args.some((a) => deadArgs.has(a))) setSuccessorOperands(br, i, successorOperands(br)[i].filter((_, k) => !deadArgs.has(s.args[k])));
    });
  }
  for (const op of deadOps) op.walk((x) => { x.setOperands([]); });
  for (const op of deadOps.reverse()) op.erase();
  for (const b of r.blocks) for (let i = b.args.length - 1; i >= 0; i--) if (deadArgs.has(b.args[i])) b.eraseArg(i);
  return true;
}

/** Whether at most one op not in `done` uses `v` (stops at the second: a constant may have thousands). */
function fewUsers(v: Value, done: Set<Operation>): boolean {
  let one: Operation | undefined;
  for (const u of v.uses) if (!done.has(u.op) && u.op !== one) { if (one) return false; one = u.op; }
  return true;
}

/**
 * MLIR's applyPatternsAndFoldGreedily: rounds until nothing changes; between them, as MLIR's
 * driver simplifies regions, the blocks a folded branch no longer reaches go.
 */
export function applyPatternsGreedily(module: Module, ctx: Context, patterns: Patterns): void {
  for (let i = 0; i < 10; i++) {
    let erased = false;
    const changed = round(module, ctx, patterns);
    module.walk((op) => { for (const r of op.regions) { erased = eraseUnreachableBlocks(r) || erased; erased = regionDCE(r, ctx) || erased; } });
    if (!changed && !erased) break;
  }
}

/** Canonicalizes inside `op` alone (a function), as a pass pipeline nested on it does: the inliner's default pipeline. */
export const canonicalizeIn = (op: Operation, ctx: Context) => applyPatternsGreedily(new Module(op), ctx, canonicalizationPatterns(ctx));

export const canonicalize: Pass = {
  name: "canonicalize",
  description: "Fold constant expressions, unique and hoist constants, remove dead side-effect-free operations",
  run: (module, ctx) => applyPatternsGreedily(module, ctx, canonicalizationPatterns(ctx)),
};
