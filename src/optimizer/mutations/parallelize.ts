// parallelize: marks an affine.for whose iterations are independent with the discardable unit
// attribute `tensorlang.parallel`. The IR stays valid MLIR (mlir-opt and the interpreter run the
// loop sequentially, as before); the wasm backend, when it compiles for threads, outlines the
// body and splits the iteration range across the runtime's threads (backend/wasm/parallel.ts,
// runtime/worker-parallel.ts).
//
// Refused: loops with iter_args, loops already inside (or around) a parallel loop, host calls
// and memory allocation in the body (helpers cannot allocate or reach the host), memref.copy,
// ops with effects the check does not model (a vector.transfer_write or masked store it cannot
// place, a print), and any dependence between iterations: dependence.ts shows, for every store
// S and every access T of the same buffer (S itself included), that two different iterations
// cannot reach one element of it -- one dimension of the buffer (through subviews, casts and
// transposes) where both are k*n + (one loop-invariant part) + a range narrower than |k|, n the
// iteration number. Anything it cannot show (A[i + 1] = A[i], A[i floordiv 2], a view whose
// start moves against the index, a loaded index, a call passed the buffer) is refused with the
// reason. Reads alone never conflict; distinct buffers are separate, as in aliasing.ts. The one
// exception: scratch that only the loop uses and that each iteration overwrites whole before it
// reads any of it (a pack panel) is privatized by expansion, one slice per iteration (`privatize`).
import { AffineMap, bin, cst, dim } from "../../ir/affine.js";
import { AffineMapAttr, SymbolRefAttr, UnitAttr } from "../../ir/attributes.js";
import { type BlockArgument, Operation, OpResult, type Value } from "../../ir/core.js";
import type { Context } from "../../ir/dialect.js";
import { MemRefType, type VectorType, index } from "../../ir/types.js";
import { constantIndex } from "../../dialects/arith.js";
import { createContext } from "../../dialects/index.js";
import { isDeclaration } from "../../dialects/func.js";
import { affineFor, constantBounds, LOOP_OPS, surelyRuns, tripCount } from "../loops.js";
import { type Buffer, bufferOf } from "../aliasing.js";
import { iterationConflicts } from "../dependence.js";
import { MutationError } from "./scalar.js";
import { accessOf } from "./vectorize.js";

export const PARALLEL_ATTR = "tensorlang.parallel";

const ALLOCS = new Set(["memref.alloc", "memref.alloca", "memref.realloc", "memref.dealloc", "llvm.alloca"]);
/** For the traits of ops (Pure, MemRead: iterations may run those at the same time, Terminator): the registry of every dialect, made when first asked. */
let registry: Context | undefined;

export const isParallelLoop = (op: Operation) => op.attributes.has(PARALLEL_ATTR) || op.name === "scf.parallel" || op.name === "scf.forall" || op.name === "affine.parallel";

function symbolTable(op: Operation): Map<string, Operation> {
  let top = op;
  while (top.parentOp) top = top.parentOp;
  const out = new Map<string, Operation>();
  top.walk((o) => {
    const n = o.attr("sym_name") as { value?: string } | undefined;
    if (o.name === "func.func" && typeof n?.value === "string") out.set(n.value, o);
  });
  return out;
}

const calleeOf = (op: Operation): string | undefined => {
  const c = op.attr("callee");
  return c instanceof SymbolRefAttr ? c.root : undefined;
};

/** Why `root` (a loop body, or a callee reached from one) cannot run on a helper thread. */
function bodyRefusal(root: Operation, funcs: Map<string, Operation>, seen: Set<Operation>): string | undefined {
  let why: string | undefined;
  root.walk((op) => {
    if (why || op === root) return;
    if (ALLOCS.has(op.name)) why = `it allocates memory (${op.name}); allocate before the loop`;
    else if (op.name === "memref.copy") why = "it contains memref.copy";
    else if (op.name === "llvm.call" || op.name === "func.call_indirect") why = `it calls through ${op.name} (host calls cannot run on helper threads)`;
    else if (op.name === "func.call") {
      const name = calleeOf(op) ?? "?";
      const f = funcs.get(name);
      if (!f || isDeclaration(f)) why = `it calls the host function @${name}`;
      else if (!seen.has(f)) { seen.add(f); why = bodyRefusal(f, funcs, seen); }
    } else if (!op.regions.length && !accessOf(op) && !(["Pure", "MemRead", "Terminator"] as const).some((t) => (registry ??= createContext()).hasTrait(op, t))) {
      why = `it contains ${op.name}, whose effects the race check does not model`;
    }
  });
  return why;
}

/** Undefined when `loop` may be parallelized, else the reason it may not. */
export function parallelizeRefusal(loop: Operation): string | undefined {
  if (loop.name !== "affine.for") return `${loop.name} is not an affine.for`;
  if (loop.attributes.has(PARALLEL_ATTR)) return "the loop is already parallel";
  for (let p = loop.parentOp; p; p = p.parentOp) if (LOOP_OPS.has(p.name) && isParallelLoop(p)) return "an enclosing loop is already parallel";
  let nested = false;
  loop.walk((o) => { if (o !== loop && LOOP_OPS.has(o.name) && isParallelLoop(o)) nested = true; });
  if (nested) return "a nested loop is already parallel";
  return unsafeBody(loop);
}

/**
 * After other mutations: throws if a loop marked parallel is no longer safe to split (e.g. a
 * pack inserted a copy into a shared scratch buffer inside it, or a reduction was introduced).
 */
export function checkParallelLoops(fn: Operation): void {
  const marked: Operation[] = [];
  fn.walk((op) => { if (op.attributes.has(PARALLEL_ATTR)) marked.push(op); });
  for (const loop of marked) {
    const why = loop.name === "affine.for" ? unsafeBody(loop) : `${loop.name} cannot carry ${PARALLEL_ATTR}`;
    if (why) throw new MutationError(`the loop marked parallel is no longer safe to split across threads: ${why}`);
    privatize(loop); // e.g. a pack added inside the loop after it was marked
  }
}

function unsafeBody(loop: Operation): string | undefined {
  const f = affineFor(loop);
  if (f.iterArgs.length) return `the loop carries ${f.iterArgs.length} iter_args (a reduction across iterations)`;
  const funcs = symbolTable(loop);
  const why = bodyRefusal(loop, funcs, new Set());
  if (why) return why;
  for (const [buf, race] of conflicts(loop, funcs)) if (!scratchOf(loop, buf)) return race;
  return undefined;
}

/** The buffers two iterations of `loop` may both touch, one writing (dependence.ts), with the reason. */
const conflicts = (loop: Operation, funcs = symbolTable(loop)) => iterationConflicts(loop, registry ??= createContext(), (call) => calleeGlobals(call, funcs));

/** The globals a call may reach: those its callee, or a function it calls, takes. */
function calleeGlobals(call: Operation, funcs: Map<string, Operation>, seen = new Set<Operation>()): string[] {
  const f = funcs.get(calleeOf(call) ?? "");
  if (!f || seen.has(f)) return [];
  seen.add(f);
  const out: string[] = [];
  f.walk((op) => {
    if (op.name === "memref.get_global") out.push(bufferOf(op.result) as string);
    else if (op.name === "func.call") out.push(...calleeGlobals(op, funcs, seen));
  });
  return out;
}

// The memory ops whose indices privatization can extend (operand lists: memref, then indices).
const INDEXED = new Set(["memref.load", "memref.store", "vector.load", "vector.store"]);
/** Elements an expanded scratch buffer may have (as pack's limit: 16 MiB of f32). */
const MAX_EXPANDED = 1 << 22;

/**
 * The memref.alloc of `m` if `m` is scratch that `loop` can privatize: a static buffer allocated
 * outside the loop, used only by memref/vector loads and stores inside it (and deallocs), that
 * each iteration overwrites whole before it reads it (`overwrittenFirst`), small enough to hold
 * one slice per iteration.
 */
function scratchOf(loop: Operation, m: Buffer): Operation | undefined {
  if (typeof m === "string") return undefined;
  const alloc = m instanceof OpResult ? m.op : undefined;
  const t = m.type;
  if (!alloc || alloc.name !== "memref.alloc" || alloc.operands.length || !(t instanceof MemRefType) || !t.hasStaticShape) return undefined;
  if (loop.isAncestorOf(alloc) || !constantBounds(affineFor(loop))) return undefined;
  const trip = tripCount(affineFor(loop)) ?? 0;
  if (trip * t.shape.reduce((a, b) => a * b, 1) > MAX_EXPANDED) return undefined;
  for (const u of m.uses) {
    if (u.op.name === "memref.dealloc" && !loop.isAncestorOf(u.op)) continue;
    if (!INDEXED.has(u.op.name) || !loop.isAncestorOf(u.op) || u.op.operand(u.op.name.endsWith("store") ? 1 : 0) !== m) return undefined;
  }
  return overwrittenFirst(loop, m, t) ? alloc : undefined;
}

/**
 * Whether each iteration of `loop` writes every element of `m` before it reads any: its first
 * access is a store in a nest of loops that surely run, each of whose indices spans one
 * dimension of `m` whole (0 to its size, step 1 or a vector's width in the last), and every
 * load comes after that nest (a pack's copy loops). Else the iteration may read what an
 * earlier one left, which a private slice would not hold.
 */
function overwrittenFirst(loop: Operation, m: Value, t: MemRefType): boolean {
  const body = affineFor(loop).body, top = (op: Operation) => { while (op.parent !== body) op = op.parentOp!; return body.ops.indexOf(op); };
  let first: Operation | undefined;
  loop.walk((op) => { if (!first && INDEXED.has(op.name) && op.operands.includes(m)) first = op; });
  if (!first?.name.endsWith("store") || m.uses.some(({ op }) => op.name.endsWith("load") && top(op) <= top(first!))) return false;
  const spans = new Map<Value, number>(); // loop index -> its trip when it runs 0, step, ... below the size it covers
  for (let p = first.parentOp!; p !== loop; p = p.parentOp!) {
    if (!surelyRuns(p)) return false; // (an if, or a loop that may not run)
    const f = affineFor(p), b = constantBounds(f);
    if (b?.lb === 0) spans.set(f.iv, b.ub);
  }
  const width = first.name === "vector.store" ? (first.operand(0).type as VectorType).shape.at(-1)! : 1, ix = accessOf(first)!.indices;
  return new Set(ix).size === ix.length && ix.every((v, d) => (t.shape[d] === 1 && constantIndex(v) === 0) ||
    (spans.get(v) === t.shape[d] && affineFor((v as BlockArgument).block.parentOp!).step === (d === ix.length - 1 ? width : 1)));
}

/**
 * Gives every iteration of `loop` its own slice of each scratch buffer that two iterations
 * would otherwise share: memref<KxN> becomes memref<TxKxN> (T = trip count),
 * indexed by the iteration number first.
 */
function privatize(loop: Operation): void {
  const f = affineFor(loop);
  const scratch = [...conflicts(loop).keys()].map((b) => scratchOf(loop, b)).filter((a): a is Operation => !!a);
  if (!scratch.length) return;
  const { lb } = constantBounds(f)!;
  let it: Value = f.iv;
  if (lb !== 0 || f.step !== 1) {
    const ap = new Operation({ name: "affine.apply", operands: [f.iv], resultTypes: [index],
      attributes: { map: new AffineMapAttr(new AffineMap(1, 0, [bin("floordiv", bin("add", dim(0), cst(-lb)), cst(f.step))])) } });
    f.body.insert(0, ap);
    it = ap.result;
  }
  const trip = tripCount(f)!;
  for (const alloc of scratch) {
    const t = alloc.result.type as MemRefType;
    const wide = new Operation({ name: "memref.alloc", resultTypes: [MemRefType.get([trip, ...t.shape], t.elementType)], attributes: Object.fromEntries(alloc.attributes) });
    alloc.parent!.insertBefore(alloc, wide);
    for (const user of alloc.result.users) {
      if (user.name === "memref.dealloc") { user.setOperand(0, wide.result); continue; }
      const at = user.name.endsWith("store") ? 1 : 0;
      const ops = [...user.operands];
      ops.splice(at, 1, wide.result, it);
      user.setOperands(ops);
    }
    alloc.erase();
  }
}

/** Marks `loop` parallel (privatizing its scratch buffers), or throws a MutationError with the reason it cannot be. */
export function parallelize(loop: Operation): void {
  const why = parallelizeRefusal(loop);
  if (why) throw new MutationError(`cannot parallelize: ${why}`);
  privatize(loop);
  loop.attributes.set(PARALLEL_ATTR, new UnitAttr());
}
