// scf.parallel across threads: the loop body is outlined into its own exported function
//   fn:<f>$par<k>(lo, hi, ctx)     runs dimension-0 iterations lo, lo+step, ... < hi
// and the loop itself becomes `rt.parallel(k, lb, ub, step, ctx)`. `ctx` is a block on the
// caller's shadow stack holding every value the body uses from outside (scalars, and the
// run-time fields of memref descriptors). The runtime splits [lb, ub) among the engine's
// threads, all running the same units on one shared memory (src/runtime/worker-parallel.ts);
// with one thread it simply calls the outlined function over the whole range.
import binaryen from "binaryen";
import type { Operation, Value } from "../../ir/core.js";
import { BT, type Expr, type Field, FunctionEmitter, type Val } from "./emitter.js";
import { countedLoop, emitRegionBody, stable } from "./ops-control.js";

/** Values used inside `op`'s regions but defined outside it. */
function captures(op: Operation): Value[] {
  const out = new Set<Value>();
  op.walk((inner) => {
    if (inner === op) return;
    for (const v of inner.operands) {
      const def = (v as { op?: Operation }).op ?? (v as { block?: { parentOp: Operation | null } }).block?.parentOp ?? null;
      if (!def || (def !== op && !op.isAncestorOf(def))) out.add(v);
    }
  });
  return [...out];
}

/**
 * Emits `op` (an scf.parallel without reductions) as an outlined, runtime-split loop. With
 * `single`, `op` is an affine.for marked `tensorlang.parallel` (no iter_args) whose bounds the
 * caller has computed.
 */
export function emitParallelLoop(e: FunctionEmitter, op: Operation, single?: { lb: Expr; ub: Expr; step: number }): void {
  const m = e.m;
  const n = single ? 1 : op.body().args.length;
  const lbs = op.operands.slice(0, n), ubs = op.operands.slice(n, 2 * n), steps = op.operands.slice(2 * n, 3 * n);
  const caps = single ? captures(op) : [...new Set([...captures(op), steps[0], ...lbs.slice(1), ...ubs.slice(1), ...steps.slice(1)])];

  // Layout: 8 bytes per run-time field (16 for a v128), in capture order.
  type Slot = { off: number; wt: "i32" | "i64" | "f32" | "f64" | "v128" };
  const layout: Array<{ v: Value; val: Val; slots: Slot[] }> = [];
  let size = 0;
  const slot = (wt: Slot["wt"]): Slot => { const s = { off: size, wt }; size += wt === "v128" ? 16 : 8; return s; };
  for (const v of caps) {
    const val = e.val(v);
    if (val.kind === "scalar") layout.push({ v, val, slots: [slot(val.wt)] });
    else {
      const fields = val.kind === "memref" ? [val.allocated, val.aligned, val.offset, ...val.sizes, ...val.strides] : [val.rank, val.desc];
      layout.push({ v, val, slots: fields.filter((f) => !("c" in f)).map(() => slot("i32")) });
    }
  }

  // The outlined body.
  const k = e.unit.parallelCount++;
  const name = `${e.fnName}$par${k}`;
  const f = new FunctionEmitter(e.unit, e.fnName, 3, []);
  const ctx = () => m.local.get(2, binaryen.i32);
  const load = (s: Slot) => {
    const at = m.i32.add(ctx(), m.i32.const(s.off));
    switch (s.wt) {
      case "i32": return m.i32.load(0, 4, at);
      case "i64": return m.i64.load(0, 8, at);
      case "f32": return m.f32.load(0, 4, at);
      case "f64": return m.f64.load(0, 8, at);
      default: return m.v128.load(0, 16, at);
    }
  };
  const bodyStmts = f.collect(() => {
    for (const { v, val, slots } of layout) {
      if (val.kind === "scalar") { f.define(v, load(slots[0]), val.wt); continue; }
      let j = 0;
      const re = (fl: Field): Field => ("c" in fl ? fl : f.toField(load(slots[j++])));
      if (val.kind === "memref") {
        const allocated = re(val.allocated), aligned = re(val.aligned), offset = re(val.offset);
        const sizes = val.sizes.map(re), strides = val.strides.map(re);
        f.vals.set(v, { ...val, allocated, aligned, offset, sizes, strides });
      } else {
        const rank = re(val.rank), desc = re(val.desc);
        f.vals.set(v, { kind: "unranked", rank, desc });
      }
    }
    const ivs = op.body().args.map((a) => f.declare(a));
    let body = emitRegionBody(f, op, 0, []);
    for (let d = n - 1; d >= 1; d--) {
      const b = body;
      body = f.collect(() => countedLoop(f, ivs[d].local, ivs[d].wt, f.get(lbs[d]), stable(f, ubs[d]), stable(f, steps[d]), b));
    }
    countedLoop(f, ivs[0].local, "i32", m.local.get(0, binaryen.i32), () => m.local.get(1, binaryen.i32), single ? () => f.i32(single.step) : stable(f, steps[0]), body);
  });
  const stmts = f.spSave !== undefined
    ? [m.local.set(f.spSave, m.global.get(e.unit.stackPointer(), binaryen.i32)), ...bodyStmts, m.global.set(e.unit.stackPointer(), m.local.get(f.spSave, binaryen.i32))]
    : bodyStmts;
  const exportName = `fn:${name}`;
  m.addFunction(exportName, binaryen.createType([binaryen.i32, binaryen.i32, binaryen.i32]), binaryen.none, f.vars, m.block(null, stmts));
  m.addFunctionExport(exportName, exportName);
  e.unit.parallel.push({ id: k, export: exportName });

  // The call site: fill the context block, call the runtime, release the block.
  const save = e.newLocal("i32");
  e.emit(m.local.set(save, m.global.get(e.unit.stackPointer(), binaryen.i32)));
  const block = e.stackAlloc(e.i32(Math.max(16, size)));
  const at = (off: number) => m.i32.add(m.local.get(block, binaryen.i32), e.i32(off));
  for (const { val, slots } of layout) {
    if (val.kind === "scalar") {
      const s = slots[0], x = m.local.get(val.local, BT[val.wt]);
      e.emit(s.wt === "i32" ? m.i32.store(0, 4, at(s.off), x) : s.wt === "i64" ? m.i64.store(0, 8, at(s.off), x)
        : s.wt === "f32" ? m.f32.store(0, 4, at(s.off), x) : s.wt === "f64" ? m.f64.store(0, 8, at(s.off), x) : m.v128.store(0, 16, at(s.off), x));
      continue;
    }
    const fields = val.kind === "memref" ? [val.allocated, val.aligned, val.offset, ...val.sizes, ...val.strides] : [val.rank, val.desc];
    let j = 0;
    for (const fl of fields) if (!("c" in fl)) e.emit(m.i32.store(0, 4, at(slots[j++].off), e.field(fl)));
  }
  const par = e.unit.runtimeImport("parallel", ["i32", "i32", "i32", "i32", "i32"], null);
  const range = single ? [single.lb, single.ub, e.i32(single.step)] : [e.get(lbs[0]), e.get(ubs[0]), e.get(steps[0])];
  e.emit(m.call(par, [e.i32(k), ...range, m.local.get(block, binaryen.i32)], binaryen.none));
  e.emit(m.global.set(e.unit.stackPointer(), m.local.get(save, binaryen.i32)));
}
