// Common-subexpression elimination, as MLIR's CSE pass: an op without effects (Pure, or one
// with single-block regions whose ops have none) equal to one in a dominating position is
// replaced by it, regions compared op by op; an op that only reads memory, by an equal one
// earlier in its block with nothing between that may write; an op found trivially dead on the
// way is erased. Nested regions are simplified before the op that holds them, as MLIR does.
import type { Block, Operation, Region, Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { dominatorTree } from "../ir/verifier.js";
import { effectFree, triviallyDead } from "./canonicalize.js";
import type { Pass } from "./pass.js";

let ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object) => { let i = ids.get(o); if (i === undefined) { i = nextId++; ids.set(o, i); } return i; };

/**
 * Equal keys, equal ops: name, operands, attributes, result types, and regions op by op, with
 * the values defined inside numbered in order (so two equal bodies give one key).
 */
function key(op: Operation): string {
  const local = new Map<Value, number>();
  const name = (v: Value) => { const l = local.get(v); return l === undefined ? String(idOf(v)) : `L${l}`; };
  const of = (o: Operation): string => {
    const attrs = o.numAttributes ? [...o.attributes].map(([k, v]) => `${k}=${v.str}`).sort().join(",") : "";
    let s = `${o.name}(${o.operands.map(name).join(",")})[${attrs}]:${o.results.map((r) => r.type.str).join(",")}`;
    for (const r of o.regions) {
      s += "{";
      for (const b of r.blocks) {
        for (const a of b.args) local.set(a, local.size);
        s += `^(${b.args.map((a) => a.type.str).join(",")})`;
        for (const x of b.ops) { s += of(x) + ";"; for (const res of x.results) local.set(res, local.size); }
      }
      s += "}";
    }
    return s;
  };
  return of(op);
}

type Table = Map<string, Operation>;

/**
 * A region's blocks with scoped tables: one block sees the tables of the blocks and ops around
 * it; blocks of a CFG go in dominator-tree order, each seeing those of the blocks dominating it
 * (MLIR's walk); ops in nested regions may reuse outer ones, not siblings'.
 */
function cseRegion(r: Region, ctx: Context, scope: Table[], isolated: boolean): number {
  const outer = isolated ? [] : scope;
  if (r.blocks.length === 1) return cseBlock(r.blocks[0], ctx, [...outer, new Map()]);
  const tree = dominatorTree(r);
  let removed = 0;
  const visit = (b: Block, tables: Table[]): void => {
    removed += cseBlock(b, ctx, tables);
    for (const c of tree.get(b)!) visit(c, [...tables, new Map()]);
  };
  if (r.blocks.length) visit(r.blocks[0], [...outer, new Map()]);
  return removed;
}

/** One block; `tables` ends with its own. */
function cseBlock(b: Block, ctx: Context, tables: Table[]): number {
  let removed = 0;
  const table = tables[tables.length - 1];
  const reads = new Map<string, Operation>(); // this block's read-only ops since the last op that may write
  for (const op of [...b.ops]) {
    if (triviallyDead(op, ctx)) { op.erase(); removed++; continue; }
    const iso = ctx.hasTrait(op, "IsolatedFromAbove") || op.name === "builtin.module";
    for (const r of op.regions) removed += cseRegion(r, ctx, tables, iso);
    const free = effectFree(op, ctx), reading = ctx.hasTrait(op, "MemRead") && !op.regions.length;
    const candidate = op.results.length > 0 && op.regions.every((r) => r.blocks.length <= 1) &&
      (reading || (free && !ctx.hasTrait(op, "MemAlloc") && (ctx.hasTrait(op, "Pure") || op.regions.length > 0)));
    if (candidate) {
      const k = key(op);
      const prior = reading ? reads.get(k) : tables.map((t) => t.get(k)).find((x) => x);
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
    ids = new WeakMap(); nextId = 0;
    cseRegion(module.op.regions[0], ctx, [], true);
  },
};
