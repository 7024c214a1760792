// Structured control flow (scf, affine), calls and returns.
import binaryen from "./binaryen.js";
import { DenseArrayAttr, IntegerAttr, IntegerSetAttr, SymbolRefAttr, AffineMapAttr } from "../../ir/attributes.js";
import type { Operation, Value } from "../../ir/core.js";
import { IntegerType, MemRefType, Type, UnrankedMemRefType } from "../../ir/types.js";
import { CompileError, type HostTypeName, type WasmValType, abiSlot, hostTypeOf, slotWasmTypes, wasmTypeOf } from "./abi.js";
import { BT, type Expr, FunctionEmitter, type RegionTargets, type ScalarVal, i64c, register } from "./emitter.js";
import { affineExpr, affineResults } from "./ops-memory.js";
import { constantIndex } from "../../dialects/arith.js";
import { isVariadicDecl } from "./compiler.js";
import { emitPromoted, type Promotion } from "./promote.js";
import { emitParallelLoop, splittable } from "./parallel.js";
import { forallParts } from "../../dialects/scf-forall.js";
import type { OpFoldResult } from "../../dialects/indexing.js";

const bt = (ts: readonly WasmValType[]): binaryen.Type => (ts.length === 0 ? binaryen.none : ts.length === 1 ? BT[ts[0]] : binaryen.createType(ts.map((t) => BT[t])));

// ---- returns ----
register(["func.return", "llvm.return"], (e, op) => {
  const m = e.m;
  const xs = e.returnExprs(op.operands);
  const restore = e.spSave !== undefined ? [m.global.set(e.unit.stackPointer(), m.local.get(e.spSave, binaryen.i32))] : [];
  if (xs.length === 0) { e.emit(m.block(null, [...restore, m.return()])); return; }
  if (xs.length === 1 && restore.length === 0) { e.emit(m.return(xs[0])); return; }
  // Evaluate the results before the stack pointer is restored.
  const types = op.operands.flatMap((v) => slotWasmTypes(abiSlot(v.type)));
  const tl = e.newLocal(bt(types));
  e.emit(m.local.set(tl, xs.length === 1 ? xs[0] : m.tuple.make(xs)));
  e.emit(m.block(null, [...restore, m.return(m.local.get(tl, bt(types)))]));
});

// ---- calls ----
function hostArgTypes(t: Type): HostTypeName[] {
  if (t instanceof UnrankedMemRefType) return ["i64", "ptr"];
  if (t instanceof MemRefType) return slotWasmTypes(abiSlot(t)).map((_, i) => (i < 2 ? "ptr" : "index"));
  const h = hostTypeOf(t);
  if (!h) throw new CompileError(`a value of type ${t.str} cannot be passed to a host function`);
  return [h];
}

/** Binds the results of a call expression `call` to the op's results. */
function bindResults(e: FunctionEmitter, results: readonly Value[], call: Expr, types: WasmValType[]): void {
  const m = e.m;
  if (types.length === 0) { e.emit(call); return; }
  if (types.length === 1 && results.length === 1 && wasmTypeOf(results[0].type)) { e.define(results[0], call, types[0]); return; }
  const tt = bt(types);
  const tl = e.newLocal(tt);
  e.emit(m.local.set(tl, call));
  let k = 0;
  for (const r of results) {
    e.bindFlat(r, (wt) => {
      const l = e.newLocal(wt);
      e.emit(m.local.set(l, types.length === 1 ? m.local.get(tl, tt) : m.tuple.extract(m.local.get(tl, tt), k)));
      k++;
      return l;
    });
  }
}

function emitCall(e: FunctionEmitter, op: Operation, callee: string | undefined, args: readonly Value[], calleePtr?: Value): void {
  const m = e.m;
  const flatArgs = args.flatMap((v) => e.flatten(v));
  const argWasm = args.flatMap((v) => slotWasmTypes(abiSlot(v.type)));
  const resWasm = op.results.flatMap((r) => slotWasmTypes(abiSlot(r.type)));
  if (callee === undefined) {
    let target = e.get(calleePtr!);
    if (wasmTypeOf(calleePtr!.type) === "i64") target = m.i32.wrap(target);
    // A null or mistyped function pointer traps at the call: it names the op.
    bindResults(e, op.results, e.trapping(m.call_indirect("dispatch", target, flatArgs, bt(argWasm), bt(resWasm))), resWasm);
    return;
  }
  const def = e.unit.symbol(callee);
  if (!def || (def.name !== "func.func" && def.name !== "llvm.func")) throw new CompileError(`call to unknown function @${callee}`);
  if (e.unit.isDefined(def)) {
    // Module functions are always called through the dispatch table (hot-swappable).
    const target = e.i32(e.unit.slotOf(callee));
    bindResults(e, op.results, m.call_indirect("dispatch", target, flatArgs, bt(argWasm), bt(resWasm)), resWasm);
    return;
  }
  if (resWasm.length > 1) throw new CompileError(`host function @${callee} cannot return ${op.results.map((r) => r.type.str).join(", ")}`);
  const types = args.flatMap((v) => hostArgTypes(v.type));
  const variadic = isVariadicDecl(def);
  if (!variadic && e.unit.options.resolveHost(callee)?.variadic) {
    throw new CompileError(`host function @${callee} is variadic: declare it as llvm.func @${callee}(..., ...)`);
  }
  const f = e.unit.hostImport(callee, types, argWasm, resWasm[0] ?? null);
  bindResults(e, op.results, m.call(f, flatArgs, bt(resWasm)), resWasm);
}

register("func.call", (e, op) => emitCall(e, op, op.attr<SymbolRefAttr>("callee")!.root, op.operands));
register("llvm.call", (e, op) => {
  const c = op.attr<SymbolRefAttr>("callee");
  if (c) emitCall(e, op, c.root, op.operands);
  else emitCall(e, op, undefined, op.operands.slice(1), op.operand(0));
});
register("func.call_indirect", (e, op) => emitCall(e, op, undefined, op.operands.slice(1), op.operand(0)));
register("func.constant", (e, op) => {
  // A module function's value is its dispatch slot; a host function has none (it is an import, called directly).
  const name = op.attr<SymbolRefAttr>("value")!.root, def = e.unit.symbol(name);
  if (!def || !e.unit.isDefined(def)) throw new CompileError(`host function @${name} has no function value: the wasm backend calls host functions only with func.call (try --engine interp)`);
  e.define(op.result, e.i32(e.unit.slotOf(name)), "i32");
});

// ---- terminators of structured regions ----
register(["scf.yield", "affine.yield", "scf.reduce.return", "memref.alloca_scope.return", "memref.atomic_yield"], (e, op) => {
  const t = e.targets[e.targets.length - 1];
  if (!t) throw new CompileError(`${op.name} outside of a structured op`);
  if (op.operands.length) e.assign(t.results, op.operands);
});
register("scf.condition", (e, op) => {
  const t = e.targets[e.targets.length - 1] as { results: number[]; brk?: string };
  if (!t?.brk) throw new CompileError("scf.condition outside of scf.while");
  e.assign(t.results, op.operands.slice(1));
  e.emit(e.m.br(t.brk, e.m.i32.eqz(e.get(op.operand(0)))));
});

/** Emits a region's single block with yields writing `results`. */
export function emitRegionBody(e: FunctionEmitter, op: Operation, i: number, results: number[], extra: object = {}): Expr[] {
  const r = op.regions[i];
  if (!r || r.blocks.length === 0) return [];
  if (r.blocks.length > 1) throw new CompileError(`${op.name} with a multi-block region is not supported`);
  e.targets.push({ results, kind: "yield", ...extra });
  try { return e.collect(() => e.emitBlock(r.blocks[0])); } finally { e.targets.pop(); }
}

/**
 * A counted loop: iv from lb while iv < ub (signed, or unsigned), stepping by `step`, with
 * loop-carried locals already bound to the body block arguments.
 */
export function countedLoop(e: FunctionEmitter, iv: number, wt: WasmValType, lb: Expr, ub: () => Expr, step: () => Expr, body: Expr[], unsigned = false): void {
  const m = e.m, i = wt === "i64" ? m.i64 : m.i32, T = BT[wt];
  const lt = (a: Expr, b: Expr) => (unsigned ? i.lt_u(a, b) : i.lt_s(a, b));
  const brk = e.label("for_exit"), cont = e.label("for");
  e.emit(m.local.set(iv, lb));
  e.emit(m.block(brk, [
    m.br(brk, m.i32.eqz(lt(m.local.get(iv, T), ub()))),
    m.loop(cont, m.block(null, [...body,
      m.local.set(iv, i.add(m.local.get(iv, T), step())),
      m.br(cont, lt(m.local.get(iv, T), ub()))])),
  ]));
}

/**
 * Stops the run (a runtime error, as in the interpreter) unless `step` > 0: a zero step would
 * spin forever, a negative one run until the counter wraps. Nothing for a positive constant.
 */
export function checkStep(e: FunctionEmitter, opName: string, step: Value): void {
  if ((constantIndex(step) ?? 0) > 0) return;
  const m = e.m, wide = e.scalar(step).wt === "i64";
  const bad = e.unit.runtimeImport(`step_${opName}`, ["i64"], null);
  const notPositive = wide ? m.i64.le_s(e.get(step), i64c(m, 0)) : m.i32.le_s(e.get(step), e.i32(0));
  e.emit(m.if(notPositive, m.block(null, [m.call(bad, [wide ? e.get(step) : m.i64.extend_s(e.get(step))], binaryen.none), m.unreachable()])));
}

/** An Expr for `v` that stays valid across the loop (constants are re-materialized). */
export function stable(e: FunctionEmitter, v: Value): () => Expr {
  const s = e.scalar(v);
  return () => e.read(s);
}

register("scf.for", (e, op) => {
  const [lb, ub, step, ...inits] = op.operands;
  checkStep(e, "scf.for", step);
  const body = op.body();
  const unsigned = !!op.attr("unsignedCmp");
  const iv = e.declare(body.args[0]);
  const iters = body.args.slice(1).flatMap((a) => e.declareCarried(a));
  e.assign(iters, inits);
  op.results.forEach((r, k) => e.vals.set(r, e.vals.get(body.args[k + 1])!));
  const emitLoop = (p?: Promotion) => {
    const saved = e.promoted;
    e.promoted = p;
    try {
      const counted = iv.wt === "i32" ? { lb: () => e.get(lb), step: stable(e, step) } : undefined;
      const stmts = e.inLoop(op, () => emitRegionBody(e, op, 0, iters), counted);
      countedLoop(e, iv.local, iv.wt, e.get(lb), stable(e, ub), stable(e, step), stmts, unsigned);
    } finally { e.promoted = saved; }
  };
  const i = iv.wt === "i64" ? e.m.i64 : e.m.i32;
  const nonEmpty = () => (unsigned ? i.lt_u(e.get(lb), e.get(ub)) : i.lt_s(e.get(lb), e.get(ub)));
  if (!e.unit.options.noPromotion && iters.length === 0 && emitPromoted(e, op, nonEmpty, emitLoop)) return;
  emitLoop();
});

register("scf.if", (e, op) => {
  const results = op.results.flatMap((r) => e.declareCarried(r));
  const thenS = emitRegionBody(e, op, 0, results), elseS = emitRegionBody(e, op, 1, results);
  e.emit(e.m.if(e.get(op.operand(0)), e.block(thenS), elseS.length ? e.block(elseS) : undefined));
});

// A chain of ifs, first case first (the interpreter takes the first equal case). Regions:
// default first, then one per case. A case outside i32 never equals a wasm32 index.
register("scf.index_switch", (e, op) => {
  const m = e.m;
  const cases = op.attr("cases");
  if (!(cases instanceof DenseArrayAttr)) throw new CompileError("scf.index_switch needs a 'cases' array");
  const results = op.results.flatMap((r) => e.declareCarried(r));
  let chain = e.block(emitRegionBody(e, op, 0, results));
  for (let k = cases.values.length - 1; k >= 0; k--) {
    const c = cases.values[k];
    if (c !== (c | 0)) continue;
    chain = m.if(m.i32.eq(e.get(op.operand(0)), e.i32(c)), e.block(emitRegionBody(e, op, k + 1, results)), chain);
  }
  e.emit(chain);
});

register("scf.while", (e, op) => {
  const m = e.m;
  const before = op.regions[0].blocks[0], after = op.regions[1].blocks[0];
  const bargs = before.args.flatMap((a) => e.declareCarried(a));
  e.assign(bargs, op.operands);
  const aargs = after.args.flatMap((a) => e.declareCarried(a));
  op.results.forEach((r, k) => e.vals.set(r, e.vals.get(after.args[k])!));
  const brk = e.label("while_exit"), top = e.label("while");
  const beforeS = emitRegionBody(e, op, 0, aargs, { brk });
  const afterS = emitRegionBody(e, op, 1, bargs);
  e.emit(m.block(brk, [m.loop(top, m.block(null, [...beforeS, ...afterS, m.br(top)]))]));
});

// The allocas inside are freed at its end: the shadow stack pointer is put back.
register("memref.alloca_scope", (e, op) => {
  const m = e.m, sp = e.unit.stackPointer(), saved = e.newLocal("i32");
  const results = op.results.flatMap((r) => e.declareCarried(r));
  e.emit(m.local.set(saved, m.global.get(sp, binaryen.i32)));
  for (const s of emitRegionBody(e, op, 0, results)) e.emit(s);
  e.emit(m.global.set(sp, m.local.get(saved, binaryen.i32)));
});

register("scf.execute_region", (e, op) => {
  const results = op.results.flatMap((r) => e.declareCarried(r));
  for (const s of emitRegionBody(e, op, 0, results)) e.emit(s);
});

register("scf.parallel", (e, op) => {
  // A sequential nest, rows first (the interpreter's order): lbs, ubs, steps, then inits.
  const n = op.body().args.length;
  const lbs = op.operands.slice(0, n), ubs = op.operands.slice(n, 2 * n), steps = op.operands.slice(2 * n, 3 * n);
  for (const st of steps) checkStep(e, "scf.parallel", st);
  // Reduction regions reading an iteration's values keep the loop on this thread (splittable).
  if (e.unit.options.parallel && splittable(op)) { emitParallelLoop(e, op); return; }
  const acc = op.results.map((r) => e.declare(r).local);
  e.assign(acc, op.operands.slice(3 * n));
  const ivs = op.body().args.map((a) => e.declare(a));
  const inner = emitRegionBody(e, op, 0, acc);
  let body = inner;
  for (let d = n - 1; d >= 0; d--) {
    const b = body;
    body = e.collect(() => countedLoop(e, ivs[d].local, ivs[d].wt, e.get(lbs[d]), stable(e, ubs[d]), stable(e, steps[d]), b));
  }
  for (const s of body) e.emit(s);
});

// A sequential nest, rows first (the interpreter's order), of bounds static or SSA. Shared
// tensors must be bufferized first: the terminator is then empty.
register("scf.forall", (e, op) => {
  const f = forallParts(op), ivs = f.ivs.map((a) => e.declare(a)), m = e.m;
  const expr = (v: OpFoldResult, wt: WasmValType) => (typeof v !== "number" ? stable(e, v) : () => (wt === "i64" ? i64c(m, v) : e.i32(v)));
  f.steps.forEach((st) => {
    if (typeof st !== "number") checkStep(e, "scf.forall", st);
    else if (st <= 0) e.emit(m.block(null, [m.call(e.unit.runtimeImport("step_scf.forall", ["i64"], null), [i64c(m, st)], binaryen.none), m.unreachable()]));
  });
  let body = emitRegionBody(e, op, 0, []);
  for (let d = ivs.length - 1; d >= 0; d--) {
    const b = body, wt = ivs[d].wt;
    body = e.collect(() => countedLoop(e, ivs[d].local, wt, expr(f.lbs[d], wt)(), expr(f.ubs[d], wt), expr(f.steps[d], wt), b));
  }
  for (const s of body) e.emit(s);
});
register("scf.forall.in_parallel", (_e, op) => {
  if (op.region(0).blocks[0]?.ops.length) throw new CompileError("scf.forall sharing tensors is not supported by the wasm backend (bufferize it first)");
});

/**
 * Emits `acc = region_i(acc, value)` for reduction `i` of scf.reduce `red` (lhs the
 * accumulator, rhs the value, as the interpreter calls it).
 */
export function combineInto(e: FunctionEmitter, red: Operation, i: number, acc: number, value: ScalarVal): void {
  const [lhs, rhs] = red.regions[i].blocks[0].args;
  e.vals.set(lhs, { ...value, local: acc });
  e.vals.set(rhs, value);
  for (const s of emitRegionBody(e, red, i, [acc])) e.emit(s);
}

// The enclosing scf.parallel's target holds its accumulators. With `first` (a local, set while
// no iteration has run: a thread's partial in parallel.ts) the first value is taken as it is.
register("scf.reduce", (e, op) => {
  const t = e.targets[e.targets.length - 1] as RegionTargets & { first?: number };
  if (!op.operands.length) return;
  if (!t) throw new CompileError("scf.reduce outside of scf.parallel");
  const m = e.m;
  op.operands.forEach((v, i) => {
    const combine = e.collect(() => combineInto(e, op, i, t.results[i], e.scalar(v)));
    if (t.first === undefined) { for (const s of combine) e.emit(s); return; }
    const take = e.collect(() => e.assign([t.results[i]], [v]));
    e.emit(m.if(m.local.get(t.first, binaryen.i32), e.block(take), e.block(combine)));
  });
  if (t.first !== undefined) e.emit(m.local.set(t.first, e.i32(0)));
});
register("affine.parallel_yield", () => { /* terminator without values */ });

// ---- affine ----
function mapOf(op: Operation, name: string) {
  const a = op.attr(name);
  if (!(a instanceof AffineMapAttr)) throw new CompileError(`${op.name} needs an affine map '${name}'`);
  return a.map;
}

/** max (lower) or min (upper) over the results of a bound map. */
function bound(e: FunctionEmitter, op: Operation, name: string, operands: readonly Value[], isMax: boolean): number {
  const m = e.m;
  const xs = affineResults(e, mapOf(op, name), operands);
  const l = e.newLocal("i32");
  e.emit(m.local.set(l, xs[0]));
  for (const x of xs.slice(1)) {
    const t = e.newLocal("i32");
    e.emit(m.local.set(t, x));
    // Fresh nodes for every use: binaryen expressions form a tree.
    const a = () => m.local.get(l, binaryen.i32), b = () => m.local.get(t, binaryen.i32);
    e.emit(m.local.set(l, m.select(isMax ? m.i32.gt_s(a(), b()) : m.i32.lt_s(a(), b()), a(), b())));
  }
  return l;
}

function segments(op: Operation): number[] {
  const a = op.attr("operandSegmentSizes") as { values?: readonly number[] } | undefined;
  return a?.values ? [...a.values] : [];
}

register("affine.for", (e, op) => {
  const m = e.m;
  const lbMap = mapOf(op, "lowerBoundMap"), ubMap = mapOf(op, "upperBoundMap");
  const seg = segments(op);
  const nl = seg.length ? seg[0] : lbMap.numDims + lbMap.numSyms;
  const nu = seg.length ? seg[1] : ubMap.numDims + ubMap.numSyms;
  const lbOps = op.operands.slice(0, nl), ubOps = op.operands.slice(nl, nl + nu), inits = op.operands.slice(nl + nu);
  const step = op.attr<IntegerAttr>("step")?.num ?? 1;
  const lbL = lbMap.constantValue === undefined ? bound(e, op, "lowerBoundMap", lbOps, true) : -1;
  const lb = lbMap.constantValue !== undefined ? e.i32(lbMap.constantValue) : m.local.get(lbL, binaryen.i32);
  const ubConst = ubMap.constantValue;
  const ubL = ubConst === undefined ? bound(e, op, "upperBoundMap", ubOps, false) : -1;
  if (e.unit.options.parallel && inits.length === 0 && op.attributes.has("tensorlang.parallel")) {
    emitParallelLoop(e, op, { lb, ub: ubConst !== undefined ? e.i32(ubConst) : m.local.get(ubL, binaryen.i32), step });
    return;
  }
  const body = op.body();
  const iv = e.declare(body.args[0]);
  const iters = body.args.slice(1).flatMap((a) => e.declareCarried(a));
  e.assign(iters, inits);
  op.results.forEach((r, k) => e.vals.set(r, e.vals.get(body.args[k + 1])!));
  const lbExpr = () => (lbMap.constantValue !== undefined ? e.i32(lbMap.constantValue) : m.local.get(lbL, binaryen.i32));
  const stmts = e.inLoop(op, () => emitRegionBody(e, op, 0, iters), { lb: lbExpr, step: () => e.i32(step) });
  countedLoop(e, iv.local, "i32", lbExpr(), () => (ubConst !== undefined ? e.i32(ubConst) : m.local.get(ubL, binaryen.i32)), () => e.i32(step), stmts);
});

register("affine.if", (e, op) => {
  const m = e.m;
  const set = (op.attr("condition") as IntegerSetAttr).set;
  const dims = op.operands.slice(0, set.numDims), syms = op.operands.slice(set.numDims);
  let cond: Expr = e.i32(1);
  for (const c of set.constraints) {
    const x = affineExpr(e, c.expr, dims, syms);
    const t = c.eq ? m.i32.eqz(x) : m.i32.ge_s(x, e.i32(0));
    cond = m.i32.and(cond, t);
  }
  const results = op.results.flatMap((r) => e.declareCarried(r));
  const thenS = emitRegionBody(e, op, 0, results), elseS = emitRegionBody(e, op, 1, results);
  e.emit(m.if(cond, e.block(thenS), elseS.length ? e.block(elseS) : undefined));
});

register("affine.apply", (e, op) => e.define(op.result, affineResults(e, mapOf(op, "map"), op.operands)[0], "i32"));
register(["affine.min", "affine.max"], (e, op) => {
  const l = bound(e, op, "map", op.operands, op.name === "affine.max");
  e.vals.set(op.result, { kind: "scalar", local: l, wt: "i32" });
});

export const isIntType = (t: Type) => t instanceof IntegerType;
