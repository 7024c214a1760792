// Dependences between the iterations of one loop, for parallelize: which buffers two different
// iterations may both touch, one of them writing. An access's element is written, per dimension
// of its buffer (through subviews, casts and transposes), as an affine form in the loop's
// iteration number n (iv = lb + step * n): k*n + (loop-invariant values) + [lo, hi], the range
// being what inner loops and vector lanes add. Two accesses of different iterations n != n'
// cannot meet when some dimension has the same k != 0 and the same invariant part in both and
// their ranges differ by less than |k| (k*(n - n') would have to make up the difference).
// Anything else -- an index loaded, a floordiv of the index, a view the forms cannot follow --
// counts as a possible dependence. Assumed, as MLIR does: accesses in bounds of their memref
// (rows of a view do not run into each other) and index arithmetic that does not wrap; a
// buffer whose layout lets two in-bounds indices meet (strides not known to nest) is refused
// when written. Distinct buffers are separate, as everywhere in the
// optimizer (aliasing.ts: overlappingCall keeps versions that rely on it from calls that pass
// one buffer twice).
import type { AffineExpr } from "../ir/affine.js";
import { AffineMapAttr } from "../ir/attributes.js";
import { BlockArgument, OpResult, type Operation, type Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { DYN, IndexType, MemRefType, type Type, VectorType } from "../ir/types.js";
import { constantIndex } from "../dialects/arith.js";
import type { OpFoldResult } from "../dialects/indexing.js";
import { MEMREF_VIEWS, mixedList, subviewDrops } from "../dialects/memref.js";
import { permutation } from "../dialects/memref-more.js";
import { hasIdentityLayout, stridesAndOffset } from "../dialects/memref-layout.js";
import { type Buffer, bufferOf, rootOf } from "./aliasing.js";
import { affineFor } from "./loops.js";
import { accessOf } from "./mutations/vectorize.js";

/** k*n + Σ terms + [lo, hi]: n the iteration number, terms loop-invariant values by key. */
export interface Form { k: number; terms: Map<string, number>; lo: number; hi: number }

const span = (lo: number, hi: number, k = 0, terms = new Map<string, number>()): Form => ({ k, terms, lo, hi });
const isConst = (f: Form) => f.k === 0 && !f.terms.size && f.lo === f.hi;
const invariant = (f: Form) => f.k === 0 && f.lo === f.hi;
const keyOf = (f: Form) => `${[...f.terms].sort(([a], [b]) => (a < b ? -1 : 1)).map(([t, c]) => `${c}*${t}`).join("+")}+${f.lo}`;
const termOf = (key: string) => span(0, 0, 0, new Map([[key, 1]]));
function add(a: Form, b: Form, sign = 1): Form {
  const terms = new Map(a.terms);
  for (const [t, c] of b.terms) { const s = (terms.get(t) ?? 0) + sign * c; if (s) terms.set(t, s); else terms.delete(t); }
  return span(a.lo + (sign > 0 ? b.lo : -b.hi), a.hi + (sign > 0 ? b.hi : -b.lo), a.k + sign * b.k, terms);
}
const scale = (a: Form, c: number): Form =>
  span(Math.min(a.lo * c, a.hi * c), Math.max(a.lo * c, a.hi * c), a.k * c, new Map(c ? [...a.terms].map(([t, x]) => [t, x * c]) : []));
function mul(a: Form, b: Form): Form | undefined {
  if (isConst(a)) return scale(b, a.lo);
  if (isConst(b)) return scale(a, b.lo);
  return invariant(a) && invariant(b) ? termOf(`(${keyOf(a)})*(${keyOf(b)})`) : undefined;
}
/** floordiv or ceildiv by q > 0: exact where q divides k (floor((q*m*n + x) / q) = m*n + floor(x / q)). */
function div(a: Form, q: number, round: (x: number) => number, op: string): Form | undefined {
  if (invariant(a) && a.terms.size) return termOf(`(${keyOf(a)})${op}${q}`);
  return a.terms.size || a.k % q ? undefined : span(round(a.lo / q), round(a.hi / q), a.k / q);
}
function mod(a: Form | undefined, q: number): Form {
  if (a && invariant(a) && a.terms.size) return termOf(`(${keyOf(a)})mod${q}`);
  const m = (x: number) => ((x % q) + q) % q;
  return a && !a.k && !a.terms.size && Math.floor(a.lo / q) === Math.floor(a.hi / q) ? span(m(a.lo), m(a.hi)) : span(0, q - 1);
}

/** The forms of index values inside `loop`, and of the elements its accesses reach. */
export class AddressForms {
  private memo = new Map<Value, Form | undefined>();
  private ids = new Map<Value, number>();
  constructor(readonly loop: Operation) {}

  private inside(v: Value): boolean {
    const def = v instanceof OpResult ? v.op : (v as BlockArgument).block.parentOp;
    return !!def && this.loop.isAncestorOf(def);
  }

  of(v: Value): Form | undefined {
    if (!this.memo.has(v)) { this.memo.set(v, undefined); this.memo.set(v, this.compute(v)); }
    return this.memo.get(v);
  }

  private compute(v: Value): Form | undefined {
    const c = constantIndex(v);
    if (c !== undefined) return span(c, c);
    if (v instanceof BlockArgument && v.index === 0 && v.block.parentOp && this.inside(v)) return this.loopIndex(v.block.parentOp);
    if (v instanceof OpResult && v.op.name === "affine.apply") return this.expr(v.op.attr<AffineMapAttr>("map")!.map.results[0], v.op.operands, v.op.attr<AffineMapAttr>("map")!.map.numDims);
    if (v instanceof OpResult && ["arith.addi", "arith.subi", "arith.muli"].includes(v.op.name) && v.type instanceof IndexType) {
      const [a, b] = v.op.operands.map((o) => this.of(o));
      return !a || !b ? undefined : v.op.name === "arith.muli" ? mul(a, b) : add(a, b, v.op.name === "arith.addi" ? 1 : -1);
    }
    if (this.inside(v)) return undefined; // a loaded index, an iter_arg, ...
    let id = this.ids.get(v);
    if (id === undefined) this.ids.set(v, (id = this.ids.size));
    return termOf(`v${id}`);
  }

  /** The index of `loop` (lb + step * n), or of a loop inside it: its lower bound plus [0, width - 1]. */
  private loopIndex(op: Operation): Form | undefined {
    let lbs: (Form | undefined)[], ubs: (Form | undefined)[];
    if (op.name === "affine.for") {
      const f = affineFor(op);
      lbs = f.lbMap.results.map((e) => this.expr(e, f.lbOperands, f.lbMap.numDims));
      ubs = f.ubMap.results.map((e) => this.expr(e, f.ubOperands, f.ubMap.numDims));
      if (op === this.loop) return lbs.length === 1 && lbs[0] ? add(lbs[0], span(0, 0, f.step)) : undefined;
    } else if (op.name === "scf.for") [lbs, ubs] = [[this.of(op.operand(0))], [this.of(op.operand(1))]];
    else return undefined;
    const lb = lbs[0]; // (the largest of several: the index is at least each)
    if (!lb) return undefined;
    const widths = ubs.map((u) => u && add(u, lb, -1)).filter((w): w is Form => !!w && isConst(w)).map((w) => w.lo);
    return widths.length ? add(lb, span(0, Math.max(0, Math.min(...widths) - 1))) : undefined;
  }

  /** `operands`: the map's dims, then its symbols. */
  expr(e: AffineExpr, operands: readonly Value[], numDims: number): Form | undefined {
    const rec = (x: AffineExpr) => this.expr(x, operands, numDims);
    switch (e.kind) {
      case "dim": return this.of(operands[e.pos]);
      case "sym": return this.of(operands[numDims + e.pos]);
      case "const": return span(e.value, e.value);
    }
    const q = e.rhs.kind === "const" ? e.rhs.value : undefined;
    if (e.kind === "mod") return q !== undefined && q > 0 ? mod(rec(e.lhs), q) : undefined;
    const a = rec(e.lhs), b = rec(e.rhs);
    if (!a || !b) return undefined;
    if (e.kind === "add") return add(a, b);
    if (e.kind === "mul") return mul(a, b);
    if (q === undefined || q <= 0) return undefined;
    return e.kind === "floordiv" ? div(a, q, Math.floor, "floordiv") : div(a, q, Math.ceil, "ceildiv");
  }

  /** Per dimension of the access's buffer (through its views), the elements `op` reaches; undefined for a view not followed. */
  access(op: Operation): (Form | undefined)[] | undefined {
    const a = accessOf(op)!, m = a.map;
    let dims = m ? m.results.map((e) => this.expr(e, a.indices, m.numDims)) : a.indices.map((v) => this.of(v));
    const vt = op.name.startsWith("vector.") ? (op.name === "vector.load" ? op.result : op.operand(0)).type : undefined;
    if (vt instanceof VectorType) { // (a vector spans the trailing dims)
      const r = dims.length - vt.shape.length;
      dims = dims.map((f, d) => (d < r ? f : f && add(f, span(0, vt.shape[d - r] - 1))));
    }
    for (let v = a.memref; v instanceof OpResult && MEMREF_VIEWS.has(v.op.name); v = v.op.operand(0)) {
      const o = v.op;
      if (o.name === "memref.subview") dims = this.subview(o, dims);
      else if (o.name === "memref.transpose") { const perm = permutation(o), src = [...dims]; perm.forEach((p, i) => { src[p] = dims[i]; }); dims = src; }
      else if (o.name !== "memref.cast" && o.name !== "memref.memory_space_cast") return undefined;
    }
    return dims;
  }

  /** The element of a subview at offset o with stride s at index x is o + s*x of its source (o in a dim it drops). */
  private subview(o: Operation, dims: (Form | undefined)[]): (Form | undefined)[] {
    const fold = (x: OpFoldResult) => (typeof x === "number" ? span(x, x) : this.of(x));
    const offsets = mixedList(o, "offsets"), strides = mixedList(o, "strides");
    const drops = (o.result.type as MemRefType).rank < offsets.length ? subviewDrops(o) : [];
    let x = 0;
    return offsets.map((off, d) => {
      const at = drops.includes(d) ? span(0, 0) : dims[x++], of = fold(off), st = fold(strides[d]);
      const moved = at && st && mul(st, at);
      return moved && of && add(of, moved);
    });
  }
}

/** Whether different in-bounds indices of a memref of type `t` are different elements (no strides that let two rows meet). */
export function distinctElements(t: Type): boolean {
  if (!(t instanceof MemRefType)) return false;
  if (hasIdentityLayout(t)) return true;
  const { strides } = stridesAndOffset(t);
  const dims = strides.map((s, d) => ({ s, n: t.shape[d] })).filter((x) => x.n !== 1).sort((a, b) => b.s - a.s);
  return dims.every(({ s }, i) => s !== DYN && s > 0 && (i === dims.length - 1 || (dims[i + 1].n !== DYN && s >= dims[i + 1].s * dims[i + 1].n)));
}

/** One op of the loop that reads or writes a buffer; `dims` undefined where what it reaches is not known. */
interface Touch { op: Operation; write: boolean; dims?: (Form | undefined)[] }

/** Whether S and T of two different iterations cannot reach one element: a dimension where k*(n - n') cannot make up their difference. */
function separated(s: Touch, t: Touch): boolean {
  return !!s.dims && !!t.dims && s.dims.some((a, d) => {
    const b = t.dims![d];
    return !!a && !!b && a.k !== 0 && a.k === b.k && keyOf({ ...a, lo: 0 }) === keyOf({ ...b, lo: 0 }) && Math.max(b.hi - a.lo, a.hi - b.lo) < Math.abs(a.k);
  });
}

const describe = (b: Buffer) =>
  typeof b === "string" ? `global ${b}` : b instanceof BlockArgument && b.block.parentOp?.name === "func.func" ? `argument #${b.index}` : `the buffer of ${(b as OpResult).op?.name ?? "a block argument"}`;

function why(buf: Buffer, s: Touch, t: Touch): string {
  const what = (x: Touch) => `${x.write ? "a store" : "a load"} (${x.op.name})`;
  const opaque = [s, t].find((x) => !accessOf(x.op));
  if (opaque) return `${opaque.op.name} ${opaque.write ? "may write" : "reads"} ${describe(buf)} where the race check cannot place it${opaque.write ? "" : ", and the loop writes it"}`;
  if (!s.dims || !t.dims || [...s.dims, ...t.dims].includes(undefined))
    return `${what(!s.dims || s.dims.includes(undefined) ? s : t)} reaches ${describe(buf)} at an address the race check cannot follow (not an affine function of the loop index: a loaded index, a floordiv of the index, a view it does not model)`;
  if (s === t && s.dims.every((f) => f!.k === 0 && f!.lo === f!.hi)) return `${what(s)} writes the same location in every iteration (of ${describe(buf)})`;
  return `${what(s)} and ${s === t ? "itself" : what(t)} may reach one element of ${describe(buf)} in two different iterations (a dependence carried by the loop)`;
}

/**
 * The buffers that two different iterations of `loop` may both touch, one writing, each with the
 * reason. `calleeGlobals` lists the globals a call may touch (its callee's, transitively).
 */
export function iterationConflicts(loop: Operation, ctx: Context, calleeGlobals: (call: Operation) => string[]): Map<Buffer, string> {
  const forms = new AddressForms(loop), touches = new Map<Buffer, Touch[]>();
  const touch = (b: Buffer, t: Touch) => (touches.get(b) ?? touches.set(b, []).get(b)!).push(t);
  loop.walk((op) => {
    if (op === loop || MEMREF_VIEWS.has(op.name)) return; // (accesses through a view count)
    const a = accessOf(op);
    if (a) { touch(bufferOf(a.memref), { op, write: a.value !== undefined, dims: forms.access(op) }); return; }
    if (op.name === "func.call") for (const g of calleeGlobals(op)) touch(g, { op, write: true });
    if (ctx.hasTrait(op, "Pure")) return;
    for (const v of op.operands) if (v.type instanceof MemRefType) touch(bufferOf(v), { op, write: !ctx.hasTrait(op, "MemRead") });
  });
  const out = new Map<Buffer, string>();
  for (const [buf, ts] of touches) {
    const writes = ts.filter((t) => t.write);
    if (!writes.length) continue; // (reads alone never conflict)
    const viewed = ts.find((t) => accessOf(t.op)), root = viewed && rootOf(accessOf(viewed.op)!.memref);
    if (root && !distinctElements(root.type)) { out.set(buf, `${describe(buf)} is written, and its layout may place two indices at one element`); continue; }
    for (const s of writes) {
      const t = [s, ...ts].find((x) => !separated(s, x)); // (itself first: the plainer reason)
      if (t) { out.set(buf, why(buf, s, t)); break; }
    }
  }
  return out;
}
