// scf: structured loops and conditionals. Loop bodies run in the caller's frame; their
// yielded values become the next iteration's block arguments.
import type { BlockArgument, Operation } from "../ir/core.js";
import { IndexType, IntegerType } from "../ir/types.js";
import type { HandlerTable, Interpreter } from "./interpreter.js";
import { Trap, canon, forEachIndex, type RtValue } from "./values.js";
import { intList, mixed, segments, split } from "./util.js";
import { viewParams } from "./memref.js";
import { insertSlice } from "./tensor.js";
import { asTensor } from "./vector.js";

function scfFor(interp: Interpreter, op: Operation, [lb, ub, step, ...inits]: RtValue[]): RtValue[] {
  const body = op.regions[0];
  let iters = inits;
  if (typeof lb === "bigint" || typeof ub === "bigint" || typeof step === "bigint") {
    const t = op.operands[0].type;
    const unsigned = !!op.attr("unsignedCmp");
    const w = BigInt((t as IntegerType).width ?? 64);
    const u = (x: bigint) => (unsigned ? BigInt.asUintN(Number(w), x) : x);
    const s = BigInt(step as bigint);
    if (s <= 0n) throw new Trap(`scf.for: step must be positive, got ${s}`);
    for (let iv = BigInt(lb as bigint); u(iv) < u(BigInt(ub as bigint)); iv = BigInt.asIntN(Number(w), iv + s)) {
      interp.tick();
      iters = interp.yieldOf(body, [iv, ...iters]);
    }
    return iters;
  }
  const t = op.operands[0].type;
  let lo = lb as number, hi = ub as number;
  const s = step as number;
  if (s <= 0) throw new Trap(`scf.for: step must be positive, got ${s}`);
  if (op.attr("unsignedCmp") && t instanceof IntegerType) { lo = lo >>> 0; hi = hi >>> 0; }
  const wrap32 = t instanceof IntegerType;
  for (let iv = lo; iv < hi; iv += s) {
    interp.tick();
    iters = interp.yieldOf(body, [wrap32 ? canon(iv, t) : iv, ...iters]);
    if (wrap32 && !(t instanceof IndexType) && iv + s > 2 ** 31) break;  // an i32 loop past INT_MAX wraps and ends
  }
  return iters;
}

function runIf(interp: Interpreter, op: Operation, cond: RtValue): RtValue[] {
  const r = op.regions[cond !== 0 && cond !== 0n ? 0 : 1];
  if (!r || r.blocks.length === 0) return [];
  return interp.yieldOf(r, []);
}

function scfWhile(interp: Interpreter, op: Operation, inits: RtValue[]): RtValue[] {
  const [before, after] = op.regions;
  let args = inits;
  for (;;) {
    interp.tick();
    const [cond, ...vals] = interp.yieldOf(before, args);
    if (cond === 0) return vals;
    args = interp.yieldOf(after, vals);
  }
}

/** scf.parallel runs its iterations in row-major order; scf.reduce combines into accumulators. */
function scfParallel(interp: Interpreter, op: Operation, args: RtValue[]): RtValue[] {
  const n = op.regions[0].blocks[0].args.length;
  const [lbs, ubs, steps, inits] = split(args, segments(op, [n, n, n, args.length - 3 * n]));
  for (const s of steps) if (Number(s) <= 0) throw new Trap(`scf.parallel: step must be positive, got ${s}`);
  const counts = lbs.map((lb, d) => Math.max(0, Math.ceil((Number(ubs[d]) - Number(lb)) / Number(steps[d]))));
  const acc = [...inits];
  forEachIndex(counts, (idx) => {
    interp.tick();
    const ivs = idx.map((k, d) => Number(lbs[d]) + k * Number(steps[d]));
    const exit = interp.runRegion(op.regions[0], ivs);
    exit.op.regions.forEach((r, i) => { acc[i] = interp.yieldOf(r, [acc[i], exit.values[i]])[0]; });
  });
  return acc;
}

/**
 * scf.forall runs its iterations in row-major order (a valid schedule of parallel ones). Each sees
 * the shared outputs as written so far; its terminator's tensor.parallel_insert_slice ops then
 * write their slices into them.
 */
function scfForall(interp: Interpreter, op: Operation, args: RtValue[]): RtValue[] {
  const seg = segments(op, [0, 0, 0, args.length]), [dl, du, ds, outs] = split(args, seg);
  const [lbs, ubs, steps] = [[dl, "staticLowerBound"], [du, "staticUpperBound"], [ds, "staticStep"]].map(([d, n]) => mixed(intList(op, n as string) ?? [], (d as RtValue[]).map(Number)));
  for (const s of steps) if (s <= 0) throw new Trap(`scf.forall: step must be positive, got ${s}`);
  const counts = lbs.map((lb, d) => Math.max(0, Math.ceil((ubs[d] - lb) / steps[d])));
  const shared = [...outs], outArgs = op.body().args.slice(lbs.length);
  forEachIndex(counts, (idx) => {
    interp.tick();
    const exit = interp.runRegion(op.regions[0], [...idx.map((k, d) => lbs[d] + k * steps[d]), ...shared]);
    for (const w of exit.op.regions[0]?.blocks[0]?.ops ?? []) { // tensor.parallel_insert_slice
      const k = outArgs.indexOf(w.operand(1) as BlockArgument), wargs = w.operands.map((v) => interp.get(v));
      const [o, sz, st] = viewParams(w, wargs, 2);
      shared[k] = insertSlice(asTensor(wargs[0]), asTensor(shared[k]), o, sz, st);
    }
  });
  return shared;
}

export const SCF: HandlerTable = {
  "scf.forall": scfForall,
  "scf.for": scfFor,
  "scf.if": (interp, op, [c]) => runIf(interp, op, c),
  "scf.while": scfWhile,
  "scf.parallel": scfParallel,
  "scf.execute_region": (interp, op) => interp.yieldOf(op.regions[0], []),
  "scf.index_switch": (interp, op, [v]) => {
    const cases = intList(op, "cases") ?? [];
    const k = cases.indexOf(Number(v));
    return interp.yieldOf(op.regions[k + 1] ?? op.regions[0], []);
  },
};
