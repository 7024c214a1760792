// Common-subexpression elimination, as MLIR's CSE pass: a Pure op with the same name, operands,
// attributes and result types as an earlier one in a dominating position is replaced by it; an
// op that only reads memory, by an equal one earlier in its block with no op between that may
// write; an op found trivially dead on the way is erased.
import type { Block, Operation } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { triviallyDead } from "./canonicalize.js";
import type { Pass } from "./pass.js";

let ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object) => { let i = ids.get(o); if (i === undefined) { i = nextId++; ids.set(o, i); } return i; };

function key(op: Operation): string {
  const attrs = [...op.attributes].map(([k, v]) => `${k}=${v.str}`).sort().join(",");
  return `${op.name}(${op.operands.map(idOf).join(",")})[${attrs}]:${op.results.map((r) => r.type.str).join(",")}`;
}

/** Walks blocks with a scoped table: ops in nested regions may reuse outer ones, not siblings'. */
function cseBlock(b: Block, ctx: Context, scope: Map<string, Operation>[], isolated: boolean): number {
  let removed = 0;
  const table = new Map<string, Operation>();
  const tables = isolated ? [table] : [...scope, table];
  const reads = new Map<string, Operation>(); // this block's read-only ops since the last op that may write
  for (const op of [...b.ops]) {
    if (triviallyDead(op, ctx)) { op.erase(); removed++; continue; }
    const pure = ctx.hasTrait(op, "Pure");
    if ((pure || ctx.hasTrait(op, "MemRead")) && op.regions.length === 0 && op.results.length > 0) {
      const k = key(op);
      const prior = pure ? tables.map((t) => t.get(k)).find((x) => x) : reads.get(k);
      if (prior) {
        op.results.forEach((r, i) => r.replaceAllUsesWith(prior.results[i]));
        op.erase();
        removed++;
        continue;
      }
      (pure ? table : reads).set(k, op);
    } else if (!pure && !ctx.hasTrait(op, "MemAlloc")) reads.clear();
    const iso = ctx.hasTrait(op, "IsolatedFromAbove") || op.name === "builtin.module";
    // Only single-block regions share the table (no CFG dominance reasoning needed).
    for (const r of op.regions) for (const inner of r.blocks) removed += cseBlock(inner, ctx, r.blocks.length === 1 ? tables : [], iso);
  }
  return removed;
}

export const cse: Pass = {
  name: "cse",
  description: "Eliminate common sub-expressions of side-effect-free operations",
  run(module, ctx) {
    ids = new WeakMap(); nextId = 0;
    cseBlock(module.body, ctx, [], true);
  },
};
