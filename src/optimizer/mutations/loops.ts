// Loop-nest mutations on affine.for: interchange, tile, unroll, unroll-and-jam. Each checks
// what it needs (constant trip counts, perfect bands) and throws MutationError with a reason
// otherwise; legality with respect to dependences is the sandbox's job (differential check).
import { AffineMap, bin, cst, dim } from "../../ir/affine.js";
import { AffineMapAttr, IntegerAttr } from "../../ir/attributes.js";
import { Block, Operation, Value } from "../../ir/core.js";
import { index } from "../../ir/types.js";
import {
  affineFor, buildAffineFor, constantBounds, perfectBand, shiftedMap, tripCount, varies, type AffineFor,
} from "../loops.js";
import { MutationError } from "./scalar.js";
import { accessOf } from "./vectorize.js";

/** `affine.apply (d0) -> (d0 + c)` of `v`, inserted before `at` (or `v` itself for c = 0). */
export function plusConst(v: Value, c: number, at: { block: Block; before?: Operation }): Value {
  if (c === 0) return v;
  const op = new Operation({ name: "affine.apply", operands: [v], resultTypes: [index],
    attributes: { map: new AffineMapAttr(new AffineMap(1, 0, [bin("add", dim(0), cst(c))])) } });
  if (at.before) at.block.insertBefore(at.before, op); else at.block.append(op);
  return op.result;
}

/** Rebind a loop's body onto another block's arguments (moving the ops). */
function moveBody(from: Block, to: Block, before?: Operation): void {
  for (const op of [...from.ops]) {
    if (op === from.terminator && op.name === "affine.yield") continue;
    if (before) to.insertBefore(before, op); else to.append(op);
  }
}

/**
 * Make `loop`'s body a single inner loop where possible: pure index arithmetic before the
 * inner loop that only the inner loop uses moves into it (what unroll-and-jam leaves behind).
 */
function sinkIntoInnerLoop(loop: Operation): void {
  const ops = loop.body().ops;
  const inner = ops.filter((o) => o.name === "affine.for");
  if (inner.length !== 1) return;
  const target = inner[0].body();
  for (const op of [...ops].reverse()) {
    if (op === inner[0] || op === loop.body().terminator) continue;
    if (op.name !== "affine.apply" && op.name !== "arith.constant") return;
    // (used inside the inner loop only: an operand of the loop itself, its bound, must stay outside)
    if (!op.results.every((r) => r.uses.every((u) => u.op !== inner[0] && inner[0].isAncestorOf(u.op)))) return;
    target.insert(0, op);
  }
}

export function interchange(loops: Operation[], perm: number[]): void {
  for (const l of loops.slice(0, -1)) sinkIntoInnerLoop(l);
  const band = perfectBand(loops[0]);
  if (loops.some((l, i) => band[i] !== l)) throw new MutationError("interchange: the loops must form a perfectly nested band, outermost first");
  const fs = loops.map(affineFor);
  const ivs = fs.map((f) => f.iv);
  for (const f of fs) for (const v of [...f.lbOperands, ...f.ubOperands]) {
    if (ivs.includes(v as never)) throw new MutationError("interchange: loop bounds depend on another loop of the band");
  }
  const attrs = fs.map((f) => ({ lb: f.op.attr("lowerBoundMap")!, ub: f.op.attr("upperBoundMap")!, step: f.op.attr("step")!,
    seg: f.op.attr("operandSegmentSizes")!, operands: [...f.op.operands] }));
  const uses = fs.map((f) => [...f.iv.uses]);
  fs.forEach((f, p) => {
    const q = perm[p];
    f.op.attributes.set("lowerBoundMap", attrs[q].lb);
    f.op.attributes.set("upperBoundMap", attrs[q].ub);
    f.op.attributes.set("step", attrs[q].step);
    f.op.attributes.set("operandSegmentSizes", attrs[q].seg);
    f.op.setOperands(attrs[q].operands);
    for (const u of uses[q]) u.op.setOperand(u.index, f.iv);
  });
}

export function tile(loops: Operation[], sizes: number[]): void {
  const band = perfectBand(loops[0]);
  if (loops.some((l, i) => band[i] !== l)) throw new MutationError("tile: the loops must form a perfectly nested band, outermost first");
  const fs = loops.map(affineFor);
  // (the rebuilt nest carries no values: a reduction's iter_args would be left undefined)
  if (fs.some((f) => f.iterArgs.length)) throw new MutationError("tile: loops with iter_args are not supported");
  const bounds = fs.map((f, i) => {
    const b = constantBounds(f);
    if (!b) throw new MutationError(`tile: loop ${i} does not have constant bounds`);
    if (sizes[i] < 1) throw new MutationError("tile: sizes must be positive");
    return b;
  });
  const outer = fs[0].op;
  const innermost = fs[fs.length - 1];
  // Build tile loops (step size*step) around point loops (from the tile's start, size long);
  // a tile that does not divide the range gets a `min` upper bound.
  const tileIvs: Value[] = [];
  let innerBody: Block | undefined;
  const build = (d: number): Operation => {
    if (d < fs.length) {
      const f = fs[d], b = bounds[d];
      return buildAffineFor({ map: AffineMap.constant(b.lb), operands: [] }, { map: AffineMap.constant(b.ub), operands: [] }, f.step * sizes[d], [], (body, iv) => {
        tileIvs[d] = iv;
        body.append(build(d + 1));
        return [];
      });
    }
    const k = d - fs.length;
    const f = fs[k], b = bounds[k], span = f.step * sizes[k];
    const ub = (b.ub - b.lb) % span === 0 ? shiftedMap(tileIvs[k], span)
      : { map: new AffineMap(1, 0, [bin("add", dim(0), cst(span)), cst(b.ub)]), operands: [tileIvs[k]] };
    return buildAffineFor(shiftedMap(tileIvs[k], 0), ub, f.step, [], (body, iv) => {
      for (const u of [...f.iv.uses]) u.op.setOperand(u.index, iv);
      if (k + 1 < fs.length) body.append(build(d + 1));
      else innerBody = body;
      return [];
    });
  };
  const nest = build(0);
  moveBody(innermost.body, innerBody!, innerBody!.terminator!); // before the new loop's yield
  outer.parent!.insertBefore(outer, nest);
  outer.erase();
}

/** Copies of `f`'s body for iv + k*step (k = 1..factor-1), yielded values chained. */
function unrollBody(f: AffineFor, factor: number, step: number): void {
  const body = f.body, yieldOp = body.terminator!;
  const original = body.ops.filter((o) => o !== yieldOp);
  let carried = [...yieldOp.operands];
  for (let k = 1; k < factor; k++) {
    const map = new Map<Value, Value>();
    map.set(f.iv, plusConst(f.iv, k * step, { block: body, before: yieldOp }));
    f.iterArgs.forEach((a, i) => map.set(a, carried[i]));
    for (const op of original) body.insertBefore(yieldOp, op.clone(map));
    carried = yieldOp.operands.map((v) => map.get(v) ?? v);
  }
  yieldOp.setOperands(carried);
}

export function unroll(loop: Operation, factor: number): void {
  const f = affineFor(loop);
  const tc = tripCount(f);
  if (tc === undefined) throw new MutationError("unroll: the loop's trip count is not a constant");
  // (a full unroll keeps one copy of the body, which a loop that never runs must not execute)
  if (tc === 0) throw new MutationError("unroll: the loop never runs (trip count 0)");
  const full = factor === 0 || factor >= tc;
  if (!full && tc % factor !== 0) throw new MutationError(`unroll: factor ${factor} does not divide the trip count ${tc}`);
  if (full && tc > 64) throw new MutationError(`unroll: full unroll of ${tc} iterations is too large (max 64)`);
  const n = full ? tc : factor;
  unrollBody(f, n, f.step);
  loop.attributes.set("step", new IntegerAttr(f.step * n, index));
  if (full) promoteSingleIteration(loop);
}

/** Replace a loop that runs exactly once by its body (iv = lower bound). */
export function promoteSingleIteration(loop: Operation): void {
  const f = affineFor(loop);
  const parent = loop.parent!;
  const lb = new Operation({ name: "affine.apply", operands: f.lbOperands, resultTypes: [index], attributes: { map: new AffineMapAttr(f.lbMap) } });
  parent.insertBefore(loop, lb);
  f.iv.replaceAllUsesWith(lb.result);
  f.iterArgs.forEach((a, i) => a.replaceAllUsesWith(f.inits[i]));
  const y = f.body.terminator!;
  loop.results.forEach((r, i) => r.replaceAllUsesWith(y.operands[i]));
  moveBody(f.body, parent, loop);
  loop.erase();
}

/**
 * Unroll `loop` by `factor` and jam the copies: every inner loop nest is fused across the
 * copies, so e.g. the i-loop of a matmul gets `factor` accumulators in the innermost loop.
 */
export function unrollAndJam(loop: Operation, factor: number): void {
  const f = affineFor(loop);
  const tc = tripCount(f);
  if (tc === undefined) throw new MutationError("unroll_and_jam: the loop's trip count is not a constant");
  if (factor < 2 || tc % factor !== 0) throw new MutationError(`unroll_and_jam: factor ${factor} does not divide the trip count ${tc}`);
  if (f.iterArgs.length) throw new MutationError("unroll_and_jam: loops with iter_args are not supported; unroll instead");
  // Jamming runs copy k + 1's inner loops before copy k's later ops: right only if no location
  // is written by every iteration (a pack's scratch panel, a sum kept in memory).
  let shared = false;
  loop.walk((op) => { const a = accessOf(op); shared ||= !!a?.value && !a.indices.some((v) => varies(v, f.iv)); });
  const body = f.body, yieldOp = body.terminator!;
  const original = body.ops.filter((o) => o !== yieldOp);
  const copies: Operation[][] = [original];
  for (let k = 1; k < factor; k++) {
    const map = new Map<Value, Value>();
    const shifted = new Operation({ name: "affine.apply", operands: [f.iv], resultTypes: [index],
      attributes: { map: new AffineMapAttr(new AffineMap(1, 0, [bin("add", dim(0), cst(k * f.step))])) } });
    body.insertBefore(original[0] ?? yieldOp, shifted); // (an empty body: before its yield)
    map.set(f.iv, shifted.result);
    copies.push(original.map((op) => { const c = op.clone(map); body.insertBefore(yieldOp, c); return c; }));
  }
  loop.attributes.set("step", new IntegerAttr(f.step * factor, index));
  jam(body, copies, shared);
}

/** Reorder `copies` (each [pre..., loop, post...]) as pre*, fused loop, post*, recursively. */
function jam(body: Block, copies: Operation[][], shared: boolean): void {
  const loopIdx = copies.map((ops) => ops.findIndex((o) => o.name === "affine.for"));
  const shapes = copies.map((ops) => ops.filter((o) => o.name === "affine.for").length);
  if (loopIdx.some((i) => i < 0) || shapes.some((n) => n !== 1)) return; // nothing (or too much) to jam: plain unroll
  if (shared) throw new MutationError("unroll_and_jam: a store in the loop writes the same location in every iteration; jamming would reorder those writes");
  const loops = copies.map((ops, c) => ops[loopIdx[c]]);
  const first = loops[0];
  // Move every copy's pre-ops before the first loop, post-ops after it.
  const anchor = first;
  for (let c = 1; c < copies.length; c++) for (const op of copies[c].slice(0, loopIdx[c])) body.insertBefore(anchor, op);
  let after: Operation = anchor;
  for (let c = 0; c < copies.length; c++) {
    for (const op of copies[c].slice(loopIdx[c] + 1)) { body.insertAfter(after, op); after = op; }
  }
  const fused = fuseLoops(loops);
  const inner = affineFor(fused);
  const innerCopies = inner.body.ops.filter((o) => o !== inner.body.terminator);
  // Split the fused body back into per-copy slices (fuseLoops tags each op with its copy).
  jam(inner.body, splitCopies(innerCopies, copies.length), shared);
}

/** Fused-body slices are tagged by fuseLoops; recover them in order. */
const copyTag = new WeakMap<Operation, number>();
function splitCopies(ops: Operation[], n: number): Operation[][] {
  const out: Operation[][] = Array.from({ length: n }, () => []);
  for (const op of ops) out[copyTag.get(op) ?? 0].push(op);
  return out;
}

/** Fuse sibling loops with identical bounds into the first one (iter_args concatenated). */
function fuseLoops(loops: Operation[]): Operation {
  const fs = loops.map(affineFor);
  const f0 = fs[0];
  for (const f of fs.slice(1)) {
    if (f.lbMap.str !== f0.lbMap.str || f.ubMap.str !== f0.ubMap.str || f.step !== f0.step ||
        f.lbOperands.some((v, i) => v !== f0.lbOperands[i]) || f.ubOperands.some((v, i) => v !== f0.ubOperands[i])) {
      throw new MutationError("unroll_and_jam: inner loop bounds depend on the unrolled loop; cannot jam");
    }
  }
  const inits = fs.flatMap((f) => f.inits);
  const fused = buildAffineFor({ map: f0.lbMap, operands: f0.lbOperands }, { map: f0.ubMap, operands: f0.ubOperands }, f0.step, inits, (body, iv, args) => {
    const ys: Value[] = [];
    let k = 0;
    fs.forEach((f, c) => {
      f.iv.replaceAllUsesWith(iv);
      f.iterArgs.forEach((a) => a.replaceAllUsesWith(args[k++]));
      for (const op of [...f.body.ops]) {
        if (op === f.body.terminator) continue;
        copyTag.set(op, c);
        body.append(op);
      }
      ys.push(...f.body.terminator!.operands);
    });
    return ys;
  });
  const parent = loops[0].parent!;
  parent.insertBefore(loops[0], fused);
  let r = 0;
  for (const l of loops) { for (const res of l.results) res.replaceAllUsesWith(fused.results[r++]); l.erase(); }
  return fused;
}
