// hoist: loop-invariant code motion out of an affine.for, and scalar replacement of a
// location that is loaded and stored at the same invariant index in every iteration (the
// matmul accumulator C[i, j] in the k-loop becomes a loop-carried value in a register).
import { Operation, Value } from "../../ir/core.js";
import type { Context } from "../../ir/dialect.js";
import { affineFor, buildAffineFor, surelyRuns, type AffineFor } from "../loops.js";
import { MutationError } from "./scalar.js";
import { accessOf, type Access } from "./vectorize.js";
import { MemRefType } from "../../ir/types.js";
import { bufferOf, type Buffer, writesWithin } from "../aliasing.js";
import { speculatable } from "../../passes/licm.js";

const definedInside = (v: Value, loop: Operation): boolean => {
  const owner = v.owner;
  const op = owner instanceof Operation ? owner : owner.parentOp;
  return !!op && (op === loop ? !(owner instanceof Operation) : loop.isAncestorOf(op));
};

const sameAccess = (a: Access, b: Access, ta: Operation, tb: Operation) =>
  a.memref === b.memref && a.indices.length === b.indices.length && a.indices.every((v, i) => v === b.indices[i]) &&
  (a.map?.str ?? "") === (b.map?.str ?? "") && (ta.name.startsWith("vector") === tb.name.startsWith("vector")) &&
  (ta.name.startsWith("vector") ? (ta.results[0]?.type ?? ta.operand(0).type) === (tb.results[0]?.type ?? tb.operand(0).type) : true);

/** Whether an op in `loop` other than a load or store (accessOf's) reads or writes `buf`. */
function touchedElsewhere(loop: Operation, buf: Buffer, ctx: Context): boolean {
  let t = false;
  loop.walk((op) => {
    t ||= op !== loop && !accessOf(op) && !ctx.hasTrait(op, "Pure") && op.operands.some((v) => v.type instanceof MemRefType && bufferOf(v) === buf);
    return !t;
  });
  return t;
}

/** Move pure ops and loads of memory the loop never writes out of `loop`; returns how many. */
function licm(loop: Operation, ctx: Context): number {
  let moved = 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const op of [...loop.body().ops]) {
      if (op.regions.length || op === loop.body().terminator || op.operands.some((v) => definedInside(v, loop))) continue;
      const acc = accessOf(op);
      // (a pure op that is not speculatable, --loop-invariant-code-motion's rule, may trap)
      const ok = acc ? acc.value === undefined && surelyRuns(loop) && !writesWithin(loop, bufferOf(acc.memref), ctx)
        : ctx.hasTrait(op, "Pure") && (speculatable(op, ctx) || surelyRuns(loop));
      if (!ok) continue;
      loop.parent!.insertBefore(loop, op);
      moved++;
      changed = true;
    }
  }
  return moved;
}

/** Rebuild `f` with extra iter_args; returns the new loop (the old one is erased). */
export function withExtraIterArgs(f: AffineFor, inits: Value[]): { loop: Operation; args: Value[]; yieldOp: Operation } {
  let extra: Value[] = [];
  const nl = buildAffineFor({ map: f.lbMap, operands: f.lbOperands }, { map: f.ubMap, operands: f.ubOperands }, f.step, [...f.inits, ...inits], (body, iv, args) => {
    f.iv.replaceAllUsesWith(iv);
    f.iterArgs.forEach((a, i) => a.replaceAllUsesWith(args[i]));
    extra = args.slice(f.iterArgs.length);
    for (const op of [...f.body.ops]) if (op !== f.body.terminator) body.append(op);
    return [...f.body.terminator!.operands, ...extra];
  });
  f.op.parent!.insertBefore(f.op, nl);
  f.op.results.forEach((r, i) => r.replaceAllUsesWith(nl.results[i]));
  f.op.erase();
  return { loop: nl, args: extra, yieldOp: nl.body().terminator! };
}

/**
 * Scalar replacement of one invariant location; returns the new loop or undefined. Every access
 * to its buffer in the loop must be that location's load or store (not through another view, nor
 * by another op such as a transfer or a copy): they all become the carried value.
 */
function promoteOne(loop: Operation, ctx: Context): Operation | undefined {
  const f = affineFor(loop);
  const direct = new Set(f.body.ops);
  const all: { op: Operation; acc: Access }[] = [];
  loop.walk((op) => { const a = accessOf(op); if (a && op !== loop) all.push({ op, acc: a }); });
  let hasCall = false;
  loop.walk((op) => { if (op.name.endsWith(".call")) hasCall = true; });
  if (hasCall || !surelyRuns(loop)) return undefined; // (the load before it and the store after it would run anyway)
  for (const cand of all) {
    if (cand.acc.value === undefined || !direct.has(cand.op)) continue;
    // (a view made in the loop: at the loop's index it is no one location; invariant, licm has moved it out)
    if ([cand.acc.memref, ...cand.acc.indices].some((v) => definedInside(v, loop))) continue;
    const buf = bufferOf(cand.acc.memref);
    const group = all.filter((x) => bufferOf(x.acc.memref) === buf);
    if (!group.every((x) => direct.has(x.op) && sameAccess(x.acc, cand.acc, x.op, cand.op))) continue;
    if (touchedElsewhere(loop, buf, ctx)) continue;
    // Load before the loop, carry the value, store after.
    const first = group[0];
    const loadName = cand.op.name === "vector.store" ? "vector.load" : cand.op.name.replace("store", "load");
    const valueType = cand.acc.value.type;
    const init = new Operation({ name: loadName, operands: [cand.acc.memref, ...cand.acc.indices], resultTypes: [valueType],
      attributes: cand.op.name === "affine.store" ? { map: cand.op.attr("map")! } : {} });
    loop.parent!.insertBefore(loop, init);
    const { loop: nl, args, yieldOp } = withExtraIterArgs(f, [init.result]);
    let current: Value = args[0];
    for (const op of [...nl.body().ops]) {
      if (!group.some((g) => g.op === op)) continue;
      const a = accessOf(op)!;
      if (a.value === undefined) op.result.replaceAllUsesWith(current);
      else current = a.value;
      op.erase();
    }
    yieldOp.setOperand(yieldOp.operands.length - 1, current);
    const store = new Operation({ name: cand.op.name, operands: [nl.results[nl.results.length - 1], cand.acc.memref, ...cand.acc.indices],
      attributes: cand.op.name === "affine.store" ? { map: cand.op.attr("map")! } : {} });
    nl.parent!.insertAfter(nl, store);
    void first;
    return nl;
  }
  return undefined;
}

export function hoist(loop: Operation, ctx: Context): void {
  affineFor(loop);
  let moved = licm(loop, ctx);
  let promoted = 0;
  for (let cur: Operation | undefined = loop; cur;) {
    const next = promoteOne(cur, ctx);
    if (!next) break;
    promoted++;
    cur = next;
    moved += licm(cur, ctx);
  }
  if (moved + promoted === 0) throw new MutationError("hoist: nothing in the loop is invariant or promotable");
}
