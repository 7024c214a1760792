// pack: copy the part of a read-only memref argument that one execution of a loop reads into
// a contiguous scratch buffer first, and read the copy instead. Before the loop runs, the
// footprint of every access is a box: per dimension either the full range of an inner loop's
// index (constant bounds, or a tile's point loop `%t to %t + c` with %t fixed while the loop
// runs), or a window at an offset from a value fixed while the loop runs. The matmul's B panel
// B[0:K, j:j+8] becomes an (K x 8) buffer read sequentially by the micro-kernel.
import { AffineMap, bin, cst, dim } from "../../ir/affine.js";
import { AffineMapAttr, DenseArrayAttr, IntegerAttr } from "../../ir/attributes.js";
import { BlockArgument, Module, Operation, Value } from "../../ir/core.js";
import type { Context } from "../../ir/dialect.js";
import { written } from "../aliasing.js";
import { MemRefType, VectorType, i32, i64, index } from "../../ir/types.js";
import { affineFor, buildAffineFor, constantBounds, surelyRuns, tripCount } from "../loops.js";
import { MutationError } from "./scalar.js";
import { accessOf, memoryIndices } from "./vectorize.js";

/** One dimension of the footprint: an inner loop's index (from `base + lb` to `base + ub`), or `base + offset`. */
type Dim = { kind: "iv"; iv: Value; base: Value | undefined; lb: number; ub: number } | { kind: "window"; base: Value | undefined; offset: number };

/** Bounds of a step-1 loop as `base + lb` to `base + ub` (base undefined: constant bounds). */
function ivRange(f: ReturnType<typeof affineFor>, loop: Operation): { base: Value | undefined; lb: number; ub: number } | undefined {
  if (f.step !== 1) return undefined;
  const b = constantBounds(f);
  if (b) return { base: undefined, ...b };
  const t = tripCount(f);
  const l = f.lbMap.results[0];
  if (t === undefined || f.lbOperands.length !== 1 || isInside(f.lbOperands[0], loop) || (l.kind !== "dim" && l.kind !== "sym")) return undefined;
  return { base: f.lbOperands[0], lb: 0, ub: t };
}

function isInside(v: Value, loop: Operation): boolean {
  const owner = v.owner;
  const op = owner instanceof Operation ? owner : owner.parentOp;
  return !!op && (op === loop || loop.isAncestorOf(op));
}

/** Classify one index value of an access inside `loop`. */
function classify(v: Value, loop: Operation): Dim {
  if (v instanceof BlockArgument && v.block.parentOp?.name === "affine.for" && isInside(v, loop) && v.index === 0) {
    const r = ivRange(affineFor(v.block.parentOp), loop);
    if (!r) throw new MutationError("pack: an index loop inside the packed loop needs step 1 and constant bounds (or `%t to %t + c` with %t fixed)");
    return { kind: "iv", iv: v, ...r };
  }
  const def = v.owner;
  if (def instanceof Operation && def.name === "affine.apply") {
    // `base + c` (possibly computed outside the loop): the window is anchored at `base`.
    const m = def.attr<AffineMapAttr>("map")!.map;
    const e = m.results[0];
    if (m.numDims + m.numSyms === 1 && e.kind === "add" && e.lhs.kind === "dim" && e.rhs.kind === "const" && !isInside(def.operand(0), loop)) {
      return { kind: "window", base: def.operand(0), offset: e.rhs.value };
    }
  }
  if (!isInside(v, loop)) return { kind: "window", base: v, offset: 0 };
  if (def instanceof Operation && def.name === "arith.constant") return { kind: "window", base: undefined, offset: Number((def.attr("value") as unknown as { value: bigint }).value) };
  throw new MutationError("pack: an index of the packed operand is neither an inner loop index nor a fixed offset");
}

export function pack(fn: Operation, operand: number, loop: Operation, ctx: Context): void {
  const entry = fn.body();
  const m = entry.args[operand];
  if (!m || !(m.type instanceof MemRefType) || !m.type.hasStaticShape) throw new MutationError(`pack: argument #${operand} is not a memref with a static shape`);
  const mt = m.type;
  const accesses: { op: Operation; idx: Value[]; width: number }[] = [];
  fn.walk((op) => {
    const a = accessOf(op);
    if (!a || a.memref !== m) return;
    if (loop.isAncestorOf(op) && op !== loop) {
      const width = op.results[0]?.type instanceof VectorType ? (op.results[0].type as VectorType).shape[0] : 1;
      accesses.push({ op, idx: memoryIndices(a, op), width });
    }
  });
  // The copy must see what the loop reads: written anywhere (through a view, by a copy or a call) refuses.
  if (written(m, ctx, new Module(fn.parentOp!))) throw new MutationError(`pack: argument #${operand} is written by the function`);
  if (!accesses.length) throw new MutationError(`pack: the loop does not read argument #${operand}`);
  // The copy runs whether or not the loop does: it would read addresses the original never read.
  if (!surelyRuns(loop)) throw new MutationError("pack: the loop may not run (its trip count is not a positive constant)");
  // Footprint per dimension: the union of the accesses' ranges relative to one base.
  const rank = mt.rank;
  const fp: ({ kind: "iv"; base: Value | undefined; lb: number; ub: number } | { kind: "window"; base: Value | undefined; lo: number; hi: number })[] = [];
  const perAccess = accesses.map((a) => a.idx.map((v) => classify(v, loop)));
  for (let d = 0; d < rank; d++) {
    const cs = perAccess.map((p) => p[d]);
    if (cs.every((c) => c.kind === "iv" && c.base === (cs[0] as { base: Value | undefined }).base)) {
      const lb = Math.min(...cs.map((c) => (c as { lb: number }).lb)), ub = Math.max(...cs.map((c) => (c as { ub: number }).ub));
      fp.push({ kind: "iv", base: (cs[0] as { base: Value | undefined }).base, lb, ub });
    } else if (cs.every((c) => c.kind === "window" && c.base === (cs[0] as { base: Value | undefined }).base)) {
      const lo = Math.min(...cs.map((c) => (c as { offset: number }).offset));
      const hi = Math.max(...cs.map((c, k) => (c as { offset: number }).offset + (d === rank - 1 ? accesses[k].width : 1)));
      fp.push({ kind: "window", base: (cs[0] as { base: Value | undefined }).base, lo, hi });
    } else throw new MutationError(`pack: dimension ${d} of argument #${operand} is indexed in incompatible ways`);
  }
  const shape = fp.map((f) => (f.kind === "iv" ? f.ub - f.lb : f.hi - f.lo));
  if (shape.reduce((a, b) => a * b, 1) > (1 << 22)) throw new MutationError("pack: the packed tile would exceed 16 MiB");
  const pt = MemRefType.get(shape, mt.elementType);
  // Scratch: allocated once at function entry, freed before each return.
  const alloc = new Operation({ name: "memref.alloc", resultTypes: [pt], attributes: { operandSegmentSizes: new DenseArrayAttr(i32, [0, 0]), alignment: new IntegerAttr(64, i64) } });
  entry.insert(0, alloc);
  fn.walk((op) => { if (op.name === "func.return") op.parent!.insertBefore(op, new Operation({ name: "memref.dealloc", operands: [alloc.result] })); });
  // Copy nest before the loop: P[t...] = M[base_d + lo_d + t_d ...].
  const block = loop.parent!;
  const ivs: Value[] = [];
  const copyNest = (d: number): Operation => buildAffineFor({ map: AffineMap.constant(0), operands: [] }, { map: AffineMap.constant(shape[d]), operands: [] }, 1, [], (body, iv) => {
    ivs[d] = iv;
    if (d + 1 < rank) { body.append(copyNest(d + 1)); return []; }
    const src: Value[] = fp.map((f, k) => {
      const off = f.kind === "iv" ? f.lb : f.lo;
      const base = f.base;
      const operands = base ? [ivs[k], base] : [ivs[k]];
      const expr = base ? bin("add", bin("add", dim(0), dim(1)), cst(off)) : bin("add", dim(0), cst(off));
      if (!base && off === 0) return ivs[k];
      const ap = new Operation({ name: "affine.apply", operands, resultTypes: [index], attributes: { map: new AffineMapAttr(new AffineMap(operands.length, 0, [expr])) } });
      body.append(ap);
      return ap.result;
    });
    const ld = new Operation({ name: "memref.load", operands: [m, ...src], resultTypes: [mt.elementType] });
    body.append(ld);
    body.append(new Operation({ name: "memref.store", operands: [ld.result, alloc.result, ...ivs.slice(0, rank)] }));
    return [];
  });
  block.insertBefore(loop, copyNest(0));
  // Rewrite the accesses inside the loop to read the copy.
  accesses.forEach((a, k) => {
    const idx = a.idx.map((v, d) => {
      const f = fp[d], c = perAccess[k][d];
      if (f.kind === "iv") {
        if (f.lb === 0 && !f.base) return v;
        const operands = f.base ? [v, f.base] : [v];
        const rel = f.base ? bin("add", dim(0), bin("mul", dim(1), cst(-1))) : dim(0);
        const ap = new Operation({ name: "affine.apply", operands, resultTypes: [index], attributes: { map: new AffineMapAttr(new AffineMap(operands.length, 0, [f.lb ? bin("add", rel, cst(-f.lb)) : rel])) } });
        a.op.parent!.insertBefore(a.op, ap);
        return ap.result;
      }
      const off = (c as { offset: number }).offset - f.lo;
      const con = new Operation({ name: "affine.apply", operands: [], resultTypes: [index], attributes: { map: new AffineMapAttr(AffineMap.constant(off)) } });
      a.op.parent!.insertBefore(a.op, con);
      return con.result;
    });
    const isVector = a.op.name === "vector.load";
    const nl = new Operation({ name: isVector ? "vector.load" : "memref.load", operands: [alloc.result, ...idx], resultTypes: [a.op.result.type] });
    a.op.parent!.insertBefore(a.op, nl);
    a.op.result.replaceAllUsesWith(nl.result);
    a.op.erase();
  });
}
