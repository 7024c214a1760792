// Common-subexpression elimination, as MLIR's CSE pass: an op without effects (Pure, or one
// with single-block regions whose ops have none) equal to one in a dominating position is
// replaced by it, regions compared op by op; an op that only reads memory, by an equal one
// earlier in its block with nothing between that may write; an op found trivially dead on the
// way is erased. Nested regions are simplified before the op that holds them, as MLIR does.
import type { Block, Operation, Region } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { opKey, resetKeys } from "../ir/equivalence.js";
import { DominatorTree } from "../ir/verifier.js";
import { effectFree, triviallyDead } from "./canonicalize.js";
import type { Pass } from "./pass.js";

/** MLIR's ScopedHashTable: what a scope adds goes when it closes, and an outer entry shows again. */
class ScopedTable {
  private readonly entries = new Map<string, Operation>();
  private readonly scopes: Array<Array<[string, Operation | undefined]>> = [];
  open(): void { this.scopes.push([]); }
  close(): void {
    const undo = this.scopes.pop()!;
    for (let i = undo.length - 1; i >= 0; i--) { const [k, prior] = undo[i]; if (prior) this.entries.set(k, prior); else this.entries.delete(k); }
  }
  get(k: string): Operation | undefined { return this.entries.get(k); }
  set(k: string, op: Operation): void { this.scopes[this.scopes.length - 1].push([k, this.entries.get(k)]); this.entries.set(k, op); }
}

/**
 * A region's blocks, each in a scope of the table: one block sees the ops of the blocks and ops
 * around it; blocks of a CFG go in dominator-tree order, each seeing those of the blocks
 * dominating it (MLIR's walk, without recursion: a chain of branches is as deep as it is long);
 * ops in nested regions may reuse outer ones, not siblings'.
 */
function cseRegion(r: Region, ctx: Context, table: ScopedTable): number {
  if (!r.blocks.length) return 0;
  const tree = r.blocks.length > 1 ? new DominatorTree(r).children() : undefined;
  let removed = 0;
  const stack: Array<[Block, number]> = [[r.blocks[0], -1]];
  while (stack.length) {
    const top = stack[stack.length - 1], kids = tree?.get(top[0]) ?? [];
    if (top[1] === -1) { table.open(); removed += cseBlock(top[0], ctx, table); top[1] = 0; }
    if (top[1] < kids.length) stack.push([kids[top[1]++], -1]);
    else { table.close(); stack.pop(); }
  }
  return removed;
}

function cseBlock(b: Block, ctx: Context, table: ScopedTable): number {
  let removed = 0;
  const reads = new Map<string, Operation>(); // this block's read-only ops since the last op that may write
  for (const op of [...b.ops]) {
    if (triviallyDead(op, ctx)) { op.erase(); removed++; continue; }
    const iso = ctx.hasTrait(op, "IsolatedFromAbove") || op.name === "builtin.module";
    for (const r of op.regions) removed += cseRegion(r, ctx, iso ? new ScopedTable() : table);
    const free = effectFree(op, ctx), reading = ctx.hasTrait(op, "MemRead") && !op.regions.length;
    const candidate = op.results.length > 0 && op.regions.every((r) => r.blocks.length <= 1) &&
      (reading || (free && !ctx.hasTrait(op, "MemAlloc") && (ctx.hasTrait(op, "Pure") || op.regions.length > 0)));
    if (candidate) {
      const k = opKey(op);
      const prior = reading ? reads.get(k) : table.get(k);
      if (prior) {
        op.results.forEach((r, i) => r.replaceAllUsesWith(prior.results[i]));
        op.erase();
        removed++;
        continue;
      }
      (reading ? reads : table).set(k, op);
    } else if (!free) reads.clear();
  }
  return removed;
}

export const cse: Pass = {
  name: "cse",
  description: "Eliminate common sub-expressions of side-effect-free operations",
  run(module, ctx) {
    resetKeys();
    cseRegion(module.op.regions[0], ctx, new ScopedTable());
  },
};
