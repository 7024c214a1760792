// Scalar promotion of a loop-invariant memref element in an innermost scf.for, with a runtime
// alias check (loop versioning).
//
// The naive matmul's k loop loads and stores C[i][j] on every iteration; kept in memory, each
// iteration waits for the previous store (store-to-load forwarding). LLVM promotes it to a
// register once it knows C does not overlap A and B (MLIR's naive kernel after inlining). Our
// functions are called through the dispatch table, so nothing is known statically; instead:
//
//   if (lb < ub) {
//     if (&C[i][j] lies outside every other memref the loop reads) {
//       acc = C[i][j]; for k { ... acc ... }; C[i][j] = acc        // promoted
//     } else { the loop as written }
//   }
//
// Applies when the body is one block without nested regions or calls, its only stores go to
// one element M[idx] (idx defined outside the loop), and every load of M uses the same idx.
import binaryen from "./binaryen.js";
import { BlockArgument, OpResult, type Operation, type Value } from "../../ir/core.js";
import { elementBytes, wasmTypeOf } from "./abi.js";
import { BT, type Expr, type FunctionEmitter, type MemrefVal } from "./emitter.js";
import { loadScalar, storeScalar } from "./ops-memory.js";
import { sameLists } from "../../dialects/indexing.js";

export interface Promotion { memref: Value; idx: readonly Value[]; local: number }

const READS = new Set(["memref.load", "vector.load"]);

function definedOutside(v: Value, loop: Operation): boolean {
  if (v instanceof BlockArgument) { const p = v.block.parentOp; return !p || (p !== loop && !loop.isAncestorOf(p)); }
  if (v instanceof OpResult) return !loop.isAncestorOf(v.op);
  return false;
}

/** The element to promote in `loop` (an scf.for), or undefined. */
export function findPromotion(loop: Operation): { memref: Value; idx: Value[]; store: Operation; reads: Value[] } | undefined {
  const body = loop.body();
  let target: { memref: Value; idx: Value[]; store: Operation } | undefined;
  const reads: Operation[] = [];
  for (const op of body.ops) {
    if (op.regions.length) return undefined;
    if (op.name === "memref.store") {
      const m = op.operand(1), idx = op.operands.slice(2);
      if (target ? target.memref !== m || !sameLists(target.idx, idx) : !(definedOutside(m, loop) && idx.every((v) => definedOutside(v, loop)))) return undefined;
      target ??= { memref: m, idx, store: op };
    } else if (READS.has(op.name)) {
      reads.push(op);
    } else if (!/^(arith|math|index)\./.test(op.name) && op.name !== "scf.yield") {
      return undefined;
    }
  }
  if (!target) return undefined;
  const others: Value[] = [];
  for (const r of reads) {
    const m = r.operand(0);
    if (m === target.memref) {
      if (r.name !== "memref.load" || !sameLists(r.operands.slice(1), target.idx)) return undefined;
    } else if (!others.includes(m)) {
      if (!definedOutside(m, loop)) return undefined;
      others.push(m);
    }
  }
  return { ...target, reads: others };
}

/** [lo, hi) byte range a memref can touch (non-negative strides), as expressions. */
function extent(e: FunctionEmitter, mv: MemrefVal): { lo: Expr; hi: () => Expr; nonNeg: boolean } {
  const m = e.m, eb = elementBytes(mv.type.elementType);
  const lo = e.newLocal("i32");
  e.emit(m.local.set(lo, m.i32.add(e.field(mv.aligned), m.i32.mul(e.field(mv.offset), e.i32(eb)))));
  let span: Expr = e.i32(1);
  mv.sizes.forEach((s, d) => { span = m.i32.add(span, m.i32.mul(m.i32.sub(e.field(s), e.i32(1)), e.field(mv.strides[d]))); });
  const hi = e.newLocal("i32");
  e.emit(m.local.set(hi, m.i32.add(m.local.get(lo, binaryen.i32), m.i32.mul(span, e.i32(eb)))));
  const nonNeg = mv.strides.every((s) => "c" in s && s.c >= 0);
  return { lo: m.local.get(lo, binaryen.i32), hi: () => m.local.get(hi, binaryen.i32), nonNeg };
}

/**
 * Emits the versioned loop when `findPromotion` applies: `emitLoop(promotion?)` emits the
 * counted loop (with loads/stores of the element redirected to the local when promoted).
 * Returns false (emitting nothing) when the loop is not eligible.
 */
export function emitPromoted(e: FunctionEmitter, loop: Operation, nonEmpty: () => Expr, emitLoop: (p?: Promotion) => void): boolean {
  const found = findPromotion(loop);
  if (!found) return false;
  const m = e.m;
  const target = e.memref(found.memref);
  const others = found.reads.map((v) => e.val(v));
  if (others.some((o) => o.kind !== "memref")) return false;
  const eb = elementBytes(target.type.elementType);
  const et = target.type.elementType, wt = wasmTypeOf(et);
  if (!wt || wt === "v128") return false;
  const local = e.newLocal(wt);
  const addr = e.newLocal("i32");
  const a = () => m.local.get(addr, binaryen.i32);
  const checks: Expr[] = [];
  // Address and extents first (they are loop-invariant), then the no-overlap test.
  const setup = e.collect(() => {
    e.emit(m.local.set(addr, e.address(target, found.idx.map((v) => e.get(v)), 1, { op: found.store, memref: found.memref })));
    for (const o of others as MemrefVal[]) {
      const x = extent(e, o);
      checks.push(x.nonNeg ? m.i32.or(m.i32.le_u(m.i32.add(a(), e.i32(eb)), x.lo), m.i32.ge_u(a(), x.hi())) : e.i32(0));
    }
  });
  const promoted = e.collect(() => {
    e.emit(m.local.set(local, loadScalar(e, et, a())));
    emitLoop({ memref: found.memref, idx: found.idx, local });
    e.emit(storeScalar(e, et, a(), m.local.get(local, BT[wt])));
  });
  const plain = e.collect(() => emitLoop(undefined));
  const cond = checks.reduce<Expr>((acc, c) => m.i32.and(acc, c), e.i32(1));
  e.emit(m.if(nonEmpty(), m.block(null, [...setup, m.if(cond, m.block(null, promoted), m.block(null, plain))])));
  return true;
}
