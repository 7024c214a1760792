// parallelize: marks an affine.for whose iterations are independent with the discardable unit
// attribute `tensorlang.parallel`. The IR stays valid MLIR (mlir-opt and the interpreter run the
// loop sequentially, as before); the wasm backend, when it compiles for threads, outlines the
// body and splits the iteration range across the runtime's threads (backend/wasm/parallel.ts,
// runtime/worker-parallel.ts).
//
// The checks here are conservative but not a proof of independence: the sandbox's differential
// check remains the safety net. Refused: loops with iter_args, loops already inside (or around)
// a parallel loop, host calls and memory allocation in the body (helpers cannot allocate or
// reach the host), memref.copy, and stores whose address does not depend on the induction
// variable (every iteration would write the same location: a race).
import { SymbolRefAttr, UnitAttr } from "../../ir/attributes.js";
import { Operation, type Value } from "../../ir/core.js";
import { isDeclaration } from "../../dialects/func.js";
import { affineFor, LOOP_OPS } from "../loops.js";
import { MutationError } from "./scalar.js";
import { accessOf } from "./vectorize.js";

export const PARALLEL_ATTR = "tensorlang.parallel";

const ALLOCS = new Set(["memref.alloc", "memref.alloca", "memref.realloc", "memref.dealloc", "llvm.alloca"]);

export const isParallelLoop = (op: Operation) => op.attributes.has(PARALLEL_ATTR) || op.name === "scf.parallel" || op.name === "affine.parallel";

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

/**
 * Does `v` depend on `iv`: through the operands of the ops that compute it, or as the induction
 * variable of an inner loop whose bounds depend on `iv` (the point loop of a tile).
 */
function varies(v: Value, iv: Value, seen = new Set<Value>()): boolean {
  if (v === iv) return true;
  if (seen.has(v)) return false;
  seen.add(v);
  const def = v.owner;
  if (def instanceof Operation) return def.operands.some((o) => varies(o, iv, seen));
  const loop = def.parentOp;
  return !!loop && LOOP_OPS.has(loop.name) && v === def.args[0] && loop.operands.some((o) => varies(o, iv, seen));
}

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
  }
}

function unsafeBody(loop: Operation): string | undefined {
  const f = affineFor(loop);
  if (f.iterArgs.length) return `the loop carries ${f.iterArgs.length} iter_args (a reduction across iterations)`;
  const why = bodyRefusal(loop, symbolTable(loop), new Set());
  if (why) return why;
  let race: string | undefined;
  loop.walk((op) => {
    const a = accessOf(op);
    if (race || !a || a.value === undefined) return;
    const ix: Value[] = a.indices;
    if (!ix.some((v) => varies(v, f.iv))) race = `a store (${op.name}) writes the same location in every iteration`;
  });
  return race;
}

/** Marks `loop` parallel, or throws a MutationError with the reason it cannot be. */
export function parallelize(loop: Operation): void {
  const why = parallelizeRefusal(loop);
  if (why) throw new MutationError(`cannot parallelize: ${why}`);
  loop.attributes.set(PARALLEL_ATTR, new UnitAttr());
}
