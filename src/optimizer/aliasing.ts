// The optimizer's rewrites reorder memory accesses (vectorize, unroll-and-jam, hoist's scalar
// replacement, load forwarding), and the sandbox checks them on separate buffers: a winner is
// right only when no call passes overlapping buffers for two memref parameters, or for a
// parameter and a global the function uses, one of which it writes (C's `restrict`).
// overlappingCall finds a call in the module that may, so such a function is left as written
// instead of being swapped for a version that is wrong there. Buffers only read may overlap.
import type { AffineExpr, AffineMap } from "../ir/affine.js";
import type { AffineMapAttr } from "../ir/attributes.js";
import { BlockArgument, type Module, OpResult, type Operation, type Value, symbolName } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { MemRefType } from "../ir/types.js";
import { MEMREF_VIEWS, mixedList } from "../dialects/memref.js";
import { knownInt, type OpFoldResult } from "../dialects/indexing.js";
import { constantIndex } from "../dialects/arith.js";
import { calleeOf } from "./heal-sites.js";
import { affineFor, LOOP_OPS } from "./loops.js";
import { accessOf } from "./mutations/vectorize.js";

/** Fresh buffers: they overlap nothing that existed before them. */
const FRESH = new Set(["memref.alloc", "memref.alloca", "bufferization.to_memref", "bufferization.alloc_tensor"]);

export const rootOf = (v: Value): Value => (v instanceof OpResult && MEMREF_VIEWS.has(v.op.name) ? rootOf(v.op.operand(0)) : v);

/**
 * Whether code may write through `v`: a use other than a read, a pure op such as memref.dim, a
 * view only read, or a call of a module function that only reads that parameter.
 */
export function written(v: Value, ctx: Context, m: Module, visiting = new Set<Value>()): boolean {
  if (visiting.has(v)) return false; // (a recursive call adds nothing new)
  visiting.add(v);
  return v.uses.some(({ op, index }) => {
    if (MEMREF_VIEWS.has(op.name)) return op.results.some((r) => r.type instanceof MemRefType && written(r, ctx, m, visiting));
    if (op.name === "func.call") {
      const param = m.lookup(calleeOf(op) ?? "")?.regions[0]?.blocks[0]?.args[index];
      return !param || written(param, ctx, m, visiting);
    }
    return !(ctx.hasTrait(op, "MemRead") || ctx.hasTrait(op, "Pure"));
  });
}

/** A buffer as far as this analysis tells buffers apart: the value at the root of its views, or a global's name. */
export type Buffer = Value | string;
export function bufferOf(v: Value): Buffer {
  const r = rootOf(v);
  return r instanceof OpResult && r.op.name === "memref.get_global" ? r.op.attr("name")!.str : r;
}
/**
 * Whether `op` itself (its regions aside) may write `buf`: a call may write anything; another op
 * writes the buffers of its memref operands unless it only reads, allocates or has no effect.
 * Within a function, distinct buffers are separate (overlappingCall sees to the calls); a
 * pointer taken out of a memref for llvm code is not followed.
 */
export function mayWrite(op: Operation, buf: Buffer, ctx: Context): boolean {
  if (op.name.endsWith(".call") || op.name.endsWith(".call_indirect")) return true;
  if (ctx.hasTrait(op, "Pure") || ctx.hasTrait(op, "MemRead") || ctx.hasTrait(op, "MemAlloc")) return false;
  return op.operands.some((v) => v.type instanceof MemRefType && bufferOf(v) === buf);
}
/** Whether `op` or an op in its regions may write `buf`. */
export function writesWithin(op: Operation, buf: Buffer, ctx: Context): boolean {
  let w = false;
  op.walk((x) => { w ||= mayWrite(x, buf, ctx); return !w; });
  return w;
}

const fresh = (b: Buffer) => b instanceof OpResult && FRESH.has(b.op.name);
const paramOf = (b: Buffer) => (b instanceof BlockArgument && b.block.parentOp?.name === "func.func" ? b : undefined);

/**
 * A call in `m` that may pass overlapping buffers to `name` (one buffer for two memref
 * parameters, or a global that `name` also uses, with one of the two written by `name`),
 * described; undefined when there is none. Parameters of a function the module never calls (an
 * entry point the host calls) are taken as separate buffers.
 */
export function overlappingCall(m: Module, name: string, ctx: Context): string | undefined {
  const calls = (callee: string) => {
    const out: Operation[] = [];
    m.walk((op) => { if (op.name === "func.call" && calleeOf(op) === callee) out.push(op); });
    return out;
  };
  const memo = new Map<string, boolean>();
  /** Whether a parameter of some function may be the same buffer as `other` (another of its parameters, or a global), over every call of it. */
  const paramMayOverlap = (p: BlockArgument, other: BlockArgument | string): boolean => {
    const f = symbolName(p.block.parentOp!)!, key = `${f}:${p.index}:${typeof other === "string" ? other : other.index}`;
    if (!memo.has(key)) {
      memo.set(key, false); // (a recursive cycle adds nothing new)
      memo.set(key, calls(f).some((c) => mayOverlap(bufferOf(c.operand(p.index)), typeof other === "string" ? other : bufferOf(c.operand(other.index)))));
    }
    return memo.get(key)!;
  };
  const mayOverlap = (a: Buffer, b: Buffer): boolean => {
    if (a === b) return true;
    if (fresh(a) || fresh(b) || (typeof a === "string" && typeof b === "string")) return false;
    const pa = paramOf(a), pb = paramOf(b);
    if (pa && (typeof b === "string" || (pb && pb.block === pa.block))) return paramMayOverlap(pa, pb ?? (b as string));
    if (pb && typeof a === "string") return paramMayOverlap(pb, a);
    return true; // loaded, returned, carried through a loop, ...: unknown
  };
  const fn = m.lookup(name);
  const memrefs = (fn?.regions[0]?.blocks[0]?.args ?? []).filter((p) => p.type instanceof MemRefType);
  const globals = new Map<string, boolean>(); // the globals @name uses, and whether it writes them
  fn?.walk((op) => { if (op.name === "memref.get_global") { const g = bufferOf(op.result) as string; globals.set(g, !!globals.get(g) || written(op.result, ctx, m)); } });
  for (const call of calls(name)) {
    let caller: Operation | null = call.parentOp;
    while (caller && caller.name !== "func.func") caller = caller.parentOp;
    const where = `a call${caller ? ` in @${symbolName(caller)}` : ""}`;
    for (const [x, p] of memrefs.entries()) {
      const arg = bufferOf(call.operand(p.index));
      for (const q of memrefs.slice(x + 1)) {
        if ((written(p, ctx, m) || written(q, ctx, m)) && mayOverlap(arg, bufferOf(call.operand(q.index))))
          return `${where} may pass one buffer as arguments #${p.index} and #${q.index}, and @${name} may write ${written(p, ctx, m) ? `#${p.index}` : `#${q.index}`}`;
      }
      for (const [g, writesG] of globals) {
        if ((written(p, ctx, m) || writesG) && mayOverlap(arg, g))
          return `${where} may pass global ${g} as argument #${p.index}, which @${name} also uses, and @${name} may write ${writesG ? g : `#${p.index}`}`;
      }
    }
  }
  return undefined;
}

const INDEX_ARITH = new Set(["affine.apply", "arith.addi", "arith.subi", "arith.muli"]);
const isLoopIndex = (v: Value): v is BlockArgument => v instanceof BlockArgument && v.index === 0 && LOOP_OPS.has(v.block.parentOp?.name ?? "");
const boundOperands = (loop: Operation): Value[] => {
  if (loop.name === "affine.for") { const f = affineFor(loop); return [...f.lbOperands, ...f.ubOperands]; }
  return loop.name === "scf.for" ? loop.operands.slice(0, 3) : loop.operands;
};
/**
 * Whether index `v` may take other values on another call: a function's argument, a loaded
 * index, or the index of a loop whose bounds are such (`0 to %n` runs i = 1 on some calls only).
 */
function callDecided(v: Value): boolean {
  if (constantIndex(v) !== undefined) return false;
  if (isLoopIndex(v)) return boundOperands(v.block.parentOp!).some(callDecided);
  return !(v instanceof OpResult && INDEX_ARITH.has(v.op.name)) || v.op.operands.some(callDecided);
}

/**
 * An access's subscripts, with the offsets and strides of the views it goes through, as a
 * structural key over constants, loop indices and other values (a function's index argument, a
 * loaded index: what the call decides); `inputs` collects those, and the indices of loops whose
 * bounds the call decides.
 * `ids` numbers the leaf values, the same for every access of one loop.
 */
function subscriptKey(op: Operation, inputs: Set<Value>, ids: Map<Value, number>): string {
  const leafId = (v: Value) => { let i = ids.get(v); if (i === undefined) ids.set(v, (i = ids.size)); return i; };
  const key = (v: Value): string => {
    const c = constantIndex(v);
    if (c !== undefined) return String(c);
    if (isLoopIndex(v)) {
      if (callDecided(v)) inputs.add(v); // (A[j] and A[j + i] overlap across j for i > 0 only)
      return `i${leafId(v)}`;
    }
    if (v instanceof OpResult && INDEX_ARITH.has(v.op.name)) return `${v.op.name}${v.op.attr("map")?.str ?? ""}(${v.op.operands.map(key).join(",")})`;
    inputs.add(v);
    return `s${leafId(v)}`;
  };
  const part = (x: OpFoldResult) => (typeof x === "number" ? String(x) : key(x));
  // Where a view starts is a subscript too: A[i] and the subview of A at %n's [i] are %n apart.
  // A cast, or a subview at offset 0 with unit strides, moves no element.
  const view = (v: Value): string => {
    if (!(v instanceof OpResult) || !MEMREF_VIEWS.has(v.op.name)) return "";
    const o = v.op, inner = view(o.operand(0));
    if (o.name === "memref.cast" || o.name === "memref.memory_space_cast") return inner;
    if (o.name !== "memref.subview") return `${inner}${o.name}{${[...o.attributes].map(([k, x]) => `${k}=${x.str}`)}}(${o.operands.slice(1).map(key)})${v.type.str}`;
    const offsets = mixedList(o, "offsets"), strides = mixedList(o, "strides");
    return offsets.every((x) => knownInt(x) === 0) && strides.every((x) => knownInt(x) === 1) ? inner : `${inner}subview[${offsets.map(part)}][${strides.map(part)}]`;
  };
  const a = accessOf(op)!;
  return `${view(a.memref)}${a.map?.str ?? ""}[${a.indices.map(key).join(",")}]`;
}

/** The index values of an access's memory dimensions (undefined where one is an expression). */
function dimensionIndices(op: Operation): (Value | undefined)[] {
  const a = accessOf(op)!, m = a.map;
  const dims = m ? m.results.map((e) => (e.kind === "dim" ? a.indices[e.pos] : e.kind === "sym" ? a.indices[m.numDims + e.pos] : undefined)) : [...a.indices];
  if (op.name.startsWith("vector.")) dims[dims.length - 1] = undefined; // (a vector spans the next indices too)
  return dims;
}

const IV = 1, INPUT = 2;
/**
 * Whether an access's subscripts may send two iterations of `loop` to one element for some calls
 * and not others, though every access computes them alike: a loop index times a value the call
 * decides (A[i * n]: with n = 0 every iteration meets), or put through an op this analysis does
 * not read together with one (A[i mod n], A[Idx[i]]), or an index `loop` carries in iter_args.
 */
function callShaped(op: Operation, loop: Operation): boolean {
  let shaped = false;
  const inLoop = (o: Operation | null) => !!o && loop.isAncestorOf(o);
  const both = (a: number, b: number) => ((a & IV) && (b & INPUT)) || ((a & INPUT) && (b & IV));
  const seen = new Map<Value, number>(); // (index arithmetic may reuse a value many times over)
  /** What `v` depends on: IV (an index of `loop` or a loop in it), INPUT (what the call decides). */
  const deps = (v: Value): number => {
    let d = seen.get(v);
    if (d === undefined) seen.set(v, (d = depsOf(v)));
    return d;
  };
  const depsOf = (v: Value): number => {
    if (constantIndex(v) !== undefined) return 0;
    if (isLoopIndex(v)) return (inLoop(v.block.parentOp) ? IV : 0) | (callDecided(v) ? INPUT : 0);
    if (v instanceof BlockArgument) {
      if (inLoop(v.block.parentOp)) shaped = true; // (an index carried from iteration to iteration)
      return INPUT;
    }
    const o = (v as OpResult).op;
    if (!inLoop(o)) return INPUT;
    const ds = o.operands.map(deps);
    if (o.name === "arith.muli" && both(ds[0], ds[1])) shaped = true;
    if (o.name === "affine.apply") return mapDeps(o.attr<AffineMapAttr>("map")!.map, ds);
    const d = ds.reduce((x, y) => x | y, 0);
    if (!INDEX_ARITH.has(o.name) && (d & IV) && ((d & INPUT) || accessOf(o))) shaped = true;
    return d | (accessOf(o) ? INPUT : 0);
  };
  /** The deps of a map's results over operands of deps `ds`; a product or division of two non-constant parts is read as above. */
  const mapDeps = (m: AffineMap, ds: number[]): number => {
    const expr = (e: AffineExpr): number => {
      if (e.kind === "dim") return ds[e.pos];
      if (e.kind === "sym") return ds[m.numDims + e.pos];
      if (e.kind === "const") return 0;
      const l = expr(e.lhs), r = expr(e.rhs);
      if (e.kind !== "add" && both(l, r)) shaped = true;
      return l | r;
    };
    return m.results.reduce((d, e) => d | expr(e), 0);
  };
  const a = accessOf(op)!;
  for (let v = a.memref; v instanceof OpResult && MEMREF_VIEWS.has(v.op.name); v = v.op.operand(0)) v.op.operands.slice(1).forEach(deps); // (where views start)
  const ds = a.indices.map(deps);
  if (a.map) mapDeps(a.map, ds);
  return shaped;
}

/**
 * Whether each iteration of `loop` reaches its own slice of `buf`: every access (`ops`, the only
 * ops in the loop that read or write it) goes to the buffer itself (or a cast of it) with the
 * loop's index alone in one same dimension. Reordering that loop's iterations alone then moves no access past
 * another to one element, whatever the call passes (rows i of `A[i, j]` and `A[i, 0]`).
 */
function slicedBy(loop: Operation, buf: Buffer, ops: Operation[], ctx: Context): boolean {
  const iv = loop.body().args[0];
  let others = false;
  const reads = (op: Operation) => !ctx.hasTrait(op, "Pure") && op.operands.some((v) => v.type instanceof MemRefType && bufferOf(v) === buf);
  loop.walk((op) => { others ||= !ops.includes(op) && (mayWrite(op, buf, ctx) || reads(op)); return !others; });
  if (others || ops.some((o) => { let m = accessOf(o)!.memref; while (m instanceof OpResult && m.op.name === "memref.cast") m = m.op.operand(0); return m !== buf; })) return false;
  const dims = ops.map(dimensionIndices);
  return dims[0].some((_, d) => dims.every((x) => x[d] === iv));
}

/**
 * Why reordering `loop`'s iterations (vectorize, unroll-and-jam, interchange, tile,
 * parallelize) may be right for some calls only: a buffer it writes is accessed at two
 * subscripts apart by a value the call decides (`A[i + n] = A[i] + 1` carries a dependence
 * between iterations for small n only, which the sandbox's few index arguments may miss).
 * A loop index counts as such a value where its loop's bounds do: the subview of A at %i, for
 * %i < %n, is A[j + i] in the j-loop, which overlaps A[j] across iterations for n > 1 only.
 * So is a subscript that meets itself across iterations for some calls only (callShaped: A[i * n]).
 * Undefined when every such pair is at the same subscript or at subscripts of constants and
 * indices of loops with fixed bounds alone, whose dependences do not change with the call; or,
 * `alone` (only this loop's iterations are reordered, not those of loops in it), when each of
 * its iterations has a slice of the buffer of its own.
 */
export function inputDependentOverlap(loop: Operation, ctx: Context, alone = false): string | undefined {
  const byBuffer = new Map<Buffer, Operation[]>(), ids = new Map<Value, number>();
  loop.walk((op) => { const a = accessOf(op); if (a) { const b = bufferOf(a.memref); (byBuffer.get(b) ?? byBuffer.set(b, []).get(b)!).push(op); } });
  for (const [buf, ops] of byBuffer) {
    if (!ops.some((o) => accessOf(o)!.value !== undefined) && !writesWithin(loop, buf, ctx)) continue;
    if (alone && slicedBy(loop, buf, ops, ctx)) continue;
    if (ops.some((o) => callShaped(o, loop))) return "a buffer the loop writes is accessed at a subscript that multiplies a loop index by a value the call passes, or computes it with one in a way this check does not follow (whether iterations meet depends on the call)";
    const inputs = new Set<Value>();
    const keys = new Set(ops.map((o) => subscriptKey(o, inputs, ids)));
    if (keys.size > 1 && inputs.size) return "a buffer the loop writes is accessed at subscripts that differ by a value the call passes, or by the index of a loop whose bounds it passes (whether iterations overlap depends on it)";
  }
  return undefined;
}
