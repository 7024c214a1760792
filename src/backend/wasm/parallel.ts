// scf.parallel across threads: the loop body is outlined into its own exported function
//   fn:<f>$par<k>(lo, hi, ctx)     runs dimension-0 iterations lo, lo+step, ... < hi
// and the loop itself becomes `rt.parallel(k, lb, ub, step, ctx)`. `ctx` is a block on the
// caller's shadow stack holding every value the body uses from outside (scalars, and the
// run-time fields of memref descriptors). The runtime splits [lb, ub) among the engine's
// threads, all running the same units on one shared memory (src/runtime/worker-parallel.ts);
// with one thread it simply calls the outlined function over the whole range.
//
// With reductions, dimension 0's iterations are cut into at most GRAINS contiguous grains (by
// the iteration count alone) and the runtime splits the grains instead: each grain's partial
// starts from its first value and combines the rest in order; the caller then folds init and
// the grains' partials in grain order. MLIR leaves the combining order unspecified; this one is
// the same for any thread count and timing, and equals one thread's (the interpreter's) result
// where the reduction is associative (integers, min/max); float sums may round differently.
import binaryen from "./binaryen.js";
import type { Operation, Value } from "../../ir/core.js";
import { CompileError, type WasmValType, wasmTypeOf } from "./abi.js";
import { BT, type Expr, type Field, FunctionEmitter, type Val } from "./emitter.js";
import { combineInto, countedLoop, emitRegionBody, stable } from "./ops-control.js";

const GRAINS = 64;

const loadAt = (m: binaryen.Module, wt: WasmValType, at: Expr): Expr =>
  wt === "i32" ? m.i32.load(0, 4, at) : wt === "i64" ? m.i64.load(0, 8, at) : wt === "f32" ? m.f32.load(0, 4, at)
    : wt === "f64" ? m.f64.load(0, 8, at) : m.v128.load(0, 16, at);
const storeAt = (m: binaryen.Module, wt: WasmValType, at: Expr, x: Expr): Expr =>
  wt === "i32" ? m.i32.store(0, 4, at, x) : wt === "i64" ? m.i64.store(0, 8, at, x) : wt === "f32" ? m.f32.store(0, 4, at, x)
    : wt === "f64" ? m.f64.store(0, 8, at, x) : m.v128.store(0, 16, at, x);

const definer = (v: Value): Operation | null =>
  (v as { op?: Operation }).op ?? (v as { block?: { parentOp: Operation | null } }).block?.parentOp ?? null;
const inside = (op: Operation, def: Operation | null) => !!def && (def === op || op.isAncestorOf(def));

/** Values used inside `op`'s regions but defined outside it. */
function captures(op: Operation): Value[] {
  const out = new Set<Value>();
  op.walk((inner) => {
    if (inner === op) return;
    for (const v of inner.operands) if (!inside(op, definer(v))) out.add(v);
  });
  return [...out];
}

/**
 * Whether scf.parallel `op` can be split across threads: its reduction regions use no value of
 * an iteration (the caller combines the threads' partials outside every iteration).
 */
export function splittable(op: Operation): boolean {
  const red = op.body().terminator;
  return !red || captures(red).every((v) => !inside(op, definer(v)));
}

/**
 * Emits `op` (an scf.parallel) as an outlined, runtime-split loop. With
 * `single`, `op` is an affine.for marked `tensorlang.parallel` (no iter_args) whose bounds the
 * caller has computed.
 */
export function emitParallelLoop(e: FunctionEmitter, op: Operation, single?: { lb: Expr; ub: Expr; step: number }): void {
  const m = e.m;
  const n = single ? 1 : op.body().args.length;
  const lbs = op.operands.slice(0, n), ubs = op.operands.slice(n, 2 * n), steps = op.operands.slice(2 * n, 3 * n);
  const reds = single ? [] : op.results;
  const bounds0 = reds.length ? [lbs[0], ubs[0]] : [];
  const caps = single ? captures(op) : [...new Set([...captures(op), steps[0], ...bounds0, ...lbs.slice(1), ...ubs.slice(1), ...steps.slice(1)])];

  // Layout: 8 bytes per run-time field (16 for a v128), in capture order.
  type Slot = { off: number; wt: WasmValType };
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
  // Reductions: the grain size, then per grain a flag (an iteration ran) and the partials.
  const grainSlot = slot("i32");
  const partWts = reds.map((r) => wasmTypeOf(r.type) ?? fail(`a reduction of type ${r.type.str}`));
  const partOffs: number[] = [];
  let stride = 8;
  for (const wt of partWts) { partOffs.push(stride); stride += wt === "v128" ? 16 : 8; }
  const partBase = size;
  if (reds.length) size += GRAINS * stride;
  const grainAt = (base: () => Expr, g: () => Expr, off: number) => m.i32.add(base(), m.i32.add(m.i32.mul(g(), m.i32.const(stride)), m.i32.const(partBase + off)));

  // The outlined body.
  const k = e.unit.parallelCount++;
  const name = `${e.fnName}$par${k}`;
  const f = new FunctionEmitter(e.unit, e.fnName, 3, [], e.shareLocals);
  const ctx = () => m.local.get(2, binaryen.i32);
  const load = (s: Slot) => loadAt(m, s.wt, m.i32.add(ctx(), m.i32.const(s.off)));
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
    const acc = partWts.map((wt) => f.newLocal(wt)), first = f.newLocal("i32");
    let body = emitRegionBody(f, op, 0, acc, reds.length ? { first } : {});
    for (let d = n - 1; d >= 1; d--) {
      const b = body;
      body = f.collect(() => countedLoop(f, ivs[d].local, ivs[d].wt, f.get(lbs[d]), stable(f, ubs[d]), stable(f, steps[d]), b));
    }
    const step0 = single ? () => f.i32(single.step) : stable(f, steps[0]);
    if (!reds.length) { countedLoop(f, ivs[0].local, "i32", m.local.get(0, binaryen.i32), () => m.local.get(1, binaryen.i32), step0, body); return; }
    // Grains lo .. hi: iterations lb + g*size*step, ... below min(ub, lb + (g+1)*size*step).
    const g = f.newLocal("i32"), lo = f.newLocal("i32"), hi = f.newLocal("i32");
    const get = (l: number) => () => m.local.get(l, binaryen.i32);
    const grain = f.collect(() => {
      f.emit(m.local.set(first, f.i32(1)));
      f.emit(m.local.set(lo, m.i32.add(f.get(lbs[0]), m.i32.mul(m.i32.mul(get(g)(), load(grainSlot)), step0()))));
      f.emit(m.local.set(hi, m.i32.add(get(lo)(), m.i32.mul(load(grainSlot), step0()))));
      f.emit(m.if(m.i32.lt_s(f.get(ubs[0]), get(hi)()), m.local.set(hi, f.get(ubs[0]))));
      countedLoop(f, ivs[0].local, "i32", get(lo)(), get(hi), step0, body);
      f.emit(m.i32.store(0, 4, grainAt(ctx, get(g), 0), m.i32.eqz(get(first)())));
      partWts.forEach((wt, i) => f.emit(storeAt(m, wt, grainAt(ctx, get(g), partOffs[i]), m.local.get(acc[i], BT[wt]))));
    });
    countedLoop(f, g, "i32", m.local.get(0, binaryen.i32), get(1), () => f.i32(1), grain);
  });
  const stmts = f.spSave !== undefined
    ? [m.local.set(f.spSave, m.global.get(e.unit.stackPointer(), binaryen.i32)), ...bodyStmts, m.global.set(e.unit.stackPointer(), m.local.get(f.spSave, binaryen.i32))]
    : bodyStmts;
  const exportName = `fn:${name}`;
  e.unit.addFunction(exportName, binaryen.createType([binaryen.i32, binaryen.i32, binaryen.i32]), binaryen.none, f, m.block(null, stmts));
  m.addFunctionExport(exportName, exportName);
  e.unit.parallel.push({ id: k, export: exportName });

  // The call site: fill the context block, call the runtime, release the block.
  const save = e.newLocal("i32");
  e.emit(m.local.set(save, m.global.get(e.unit.stackPointer(), binaryen.i32)));
  const block = e.stackAlloc(e.i32(Math.max(16, size)));
  const at = (off: number) => m.i32.add(m.local.get(block, binaryen.i32), e.i32(off));
  for (const { val, slots } of layout) {
    if (val.kind === "scalar") { e.emit(storeAt(m, val.wt, at(slots[0].off), m.local.get(val.local, BT[val.wt]))); continue; }
    const fields = val.kind === "memref" ? [val.allocated, val.aligned, val.offset, ...val.sizes, ...val.strides] : [val.rank, val.desc];
    let j = 0;
    for (const fl of fields) if (!("c" in fl)) e.emit(m.i32.store(0, 4, at(slots[j++].off), e.field(fl)));
  }
  const par = e.unit.runtimeImport("parallel", ["i32", "i32", "i32", "i32", "i32"], null);
  const range = single ? [single.lb, single.ub, e.i32(single.step)] : [e.get(lbs[0]), e.get(ubs[0]), e.get(steps[0])];
  const grains = reds.length ? grainCount(e, op, at(grainSlot.off)) : -1;
  if (reds.length) range.splice(0, 3, e.i32(0), m.local.get(grains, binaryen.i32), e.i32(1));
  e.emit(m.call(par, [e.i32(k), ...range, m.local.get(block, binaryen.i32)], binaryen.none));
  if (reds.length) foldGrains(e, op, grains, (g, off) => grainAt(() => m.local.get(block, binaryen.i32), g, off), partWts, partOffs);
  e.emit(m.global.set(e.unit.stackPointer(), m.local.get(save, binaryen.i32)));
}

function fail(what: string): never { throw new CompileError(`${what} in scf.parallel is not supported by the wasm backend`); }

/**
 * Stores the grain size, ceil(iterations / GRAINS) (at least 1), at `sizeAt` and returns a
 * local holding the number of grains, ceil(iterations / size) (0 for an empty loop).
 */
function grainCount(e: FunctionEmitter, op: Operation, sizeAt: Expr): number {
  const m = e.m, n = op.body().args.length;
  const [lb, ub, step] = [op.operand(0), op.operand(n), op.operand(2 * n)].map((v) => () => e.get(v));
  const iters = e.newLocal("i32"), size = e.newLocal("i32"), count = e.newLocal("i32");
  const get = (l: number) => m.local.get(l, binaryen.i32);
  const ceilDiv = (a: Expr, b: () => Expr) => m.i32.div_s(m.i32.sub(m.i32.add(a, b()), e.i32(1)), b());
  e.emit(m.local.set(iters, m.select(m.i32.lt_s(lb(), ub()), ceilDiv(m.i32.sub(ub(), lb()), step), e.i32(0))));
  e.emit(m.local.set(size, ceilDiv(get(iters), () => e.i32(GRAINS))));
  e.emit(m.if(m.i32.eqz(get(size)), m.local.set(size, e.i32(1))));
  e.emit(m.i32.store(0, 4, sizeAt, get(size)));
  e.emit(m.local.set(count, ceilDiv(get(iters), () => get(size))));
  return count;
}

/** After the join: results = init, then each grain that ran combined in, in grain order. */
function foldGrains(e: FunctionEmitter, op: Operation, count: number, at: (g: () => Expr, off: number) => Expr, wts: WasmValType[], offs: number[]): void {
  const m = e.m, n = op.body().args.length;
  const red = op.body().terminator!;
  const acc = op.results.map((r) => e.declare(r).local);
  e.assign(acc, op.operands.slice(3 * n));
  const g = e.newLocal("i32");
  const gl = () => m.local.get(g, binaryen.i32);
  const body = e.collect(() => {
    const combine = e.collect(() => wts.forEach((wt, i) => {
      const part = e.newLocal(wt);
      e.emit(m.local.set(part, loadAt(m, wt, at(gl, offs[i]))));
      combineInto(e, red, i, acc[i], { kind: "scalar", local: part, wt });
    }));
    e.emit(m.if(m.i32.load(0, 4, at(gl, 0)), e.block(combine)));
  });
  countedLoop(e, g, "i32", e.i32(0), () => m.local.get(count, binaryen.i32), () => e.i32(1), body);
}
