// The optimizer's rewrites reorder memory accesses (vectorize, unroll-and-jam, hoist's scalar
// replacement, load forwarding), and the sandbox checks them on separate buffers: a winner is
// right only when no call passes overlapping buffers for two memref parameters of which the
// function writes one (C's `restrict`). overlappingCall finds a call in the module that may,
// so such a function is left as written instead of being swapped for a version that is wrong
// there. Read-only parameters may overlap anything.
import { BlockArgument, type Module, OpResult, type Operation, type Value, symbolName } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { MemRefType } from "../ir/types.js";
import { calleeOf } from "./heal-sites.js";

/** Views of their first operand: the same buffer. */
const VIEWS = new Set(["memref.subview", "memref.cast", "memref.reinterpret_cast", "memref.collapse_shape", "memref.expand_shape",
  "memref.transpose", "memref.view", "memref.memory_space_cast", "memref.assume_alignment"]);
/** Fresh buffers: they overlap nothing that existed before them. */
const FRESH = new Set(["memref.alloc", "memref.alloca", "bufferization.to_memref", "bufferization.alloc_tensor"]);

const rootOf = (v: Value): Value => (v instanceof OpResult && VIEWS.has(v.op.name) ? rootOf(v.op.operand(0)) : v);

/** Whether `fn` may write through `v` (a use other than a read, a pure op such as memref.dim, or a view only read). */
function written(v: Value, ctx: Context): boolean {
  return v.uses.some(({ op }) => VIEWS.has(op.name) ? written(op.result, ctx) : !(ctx.hasTrait(op, "MemRead") || ctx.hasTrait(op, "Pure")));
}

/**
 * A call in `m` that may pass overlapping buffers for two memref parameters of `name` that it
 * writes one of, described; undefined when there is none. Parameters of a function the module
 * never calls (an entry point the host calls) are taken as separate buffers.
 */
export function overlappingCall(m: Module, name: string, ctx: Context): string | undefined {
  const calls = (callee: string) => {
    const out: Operation[] = [];
    m.walk((op) => { if (op.name === "func.call" && calleeOf(op) === callee) out.push(op); });
    return out;
  };
  const params = (f: string) => m.lookup(f)?.regions[0]?.blocks[0]?.args ?? [];
  const seen = new Set<string>();
  /** Whether parameters i and j of function f may be the same buffer. */
  const paramsMayOverlap = (f: string, i: number, j: number): boolean => {
    const key = `${f}:${i}:${j}`;
    if (seen.has(key)) return false; // (a recursive cycle adds nothing new)
    seen.add(key);
    return calls(f).some((c) => mayOverlap(c.operand(i), c.operand(j)));
  };
  const mayOverlap = (a: Value, b: Value): boolean => {
    const [ra, rb] = [rootOf(a), rootOf(b)];
    if (ra === rb) return true;
    const fresh = (r: Value) => r instanceof OpResult && FRESH.has(r.op.name);
    if (fresh(ra) || fresh(rb)) return false;
    const global = (r: Value) => (r instanceof OpResult && r.op.name === "memref.get_global" ? r.op.attr("name")?.str : undefined);
    if (global(ra) && global(rb)) return global(ra) === global(rb);
    const fnArg = (r: Value) => (r instanceof BlockArgument && r.block.parentOp?.name === "func.func" ? r.block.parentOp : undefined);
    const fa = fnArg(ra), fb = fnArg(rb);
    if (fa && fa === fb) return paramsMayOverlap(symbolName(fa)!, (ra as BlockArgument).index, (rb as BlockArgument).index);
    return true; // loaded, returned, carried through a loop, ...: unknown
  };
  const ps = params(name);
  const memrefs = ps.filter((p) => p.type instanceof MemRefType);
  for (const call of calls(name)) {
    for (const [x, p] of memrefs.entries()) {
      for (const q of memrefs.slice(x + 1)) {
        if (!written(p, ctx) && !written(q, ctx)) continue;
        if (mayOverlap(call.operand(p.index), call.operand(q.index))) {
          let caller: Operation | null = call.parentOp;
          while (caller && caller.name !== "func.func") caller = caller.parentOp;
          return `a call${caller ? ` in @${symbolName(caller)}` : ""} may pass one buffer as arguments #${p.index} and #${q.index}, and @${name} writes ${written(p, ctx) ? `#${p.index}` : `#${q.index}`}`;
        }
      }
    }
  }
  return undefined;
}
