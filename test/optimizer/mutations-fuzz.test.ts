// Differential fuzzing of the loop mutations: random affine/scf loop nests over memrefs (1-3
// deep; constant, triangular and dynamic bounds; odd, 0 and 1 trip counts; reductions in
// iter_args and in memory; loads at i + j, 2 * i, transposed and invariant subscripts; in-place
// updates; accesses also through views of their buffers, which reach an element by other
// subscripts: subviews at constant, loop-index and %n offsets with unit and other strides,
// rank-keeping and rank-reducing, casts to dynamic sizes, collapse_shape and expand_shape, made
// before the nests or in them) get random sequences of tile, unroll, interchange, vectorize,
// unroll_and_jam, parallelize, hoist and pack. A mutation must end in a verdict, never an
// exception; one that applies must print what the original prints, under the interpreter (and
// the wasm engine for a sample), on two calls with different contents and dynamic bounds (the
// live swap calls the function with other arguments than the sandbox's).
//
// Most programs have no dependence between iterations except commutative reductions (a buffer
// written either at one location per iteration, or only accumulated into with one combiner
// class: +/-, max, min, or i32 *), so every reordering the mutations make is legal. Float
// values are exact: multiples of 1/2 in [-2, 2], at most one multiply per expression, sums of
// a few thousand terms, so f32 sums reassociated by vectorize or unroll agree bit for bit.
// A view changes the subscripts of an access, never the element, so it adds no dependence.
// Dependence programs (i32) also read and write buffers `+ %n` apart (or a constant or a loop
// index apart, in loops that may run to %n): a reordering may then be wrong for the first
// call's %n (even where its contents hide it), which is the sandbox's to refuse, but not right
// for it and wrong for the second call's (the live swap's case).
// TL_FUZZ_RUNS sets the number of programs (a bug hunt runs thousands), TL_FUZZ_SEED the seed;
// TL_FUZZ_SHOW=<seed> prints one program and its output instead.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { loopsOf } from "../../src/optimizer/loops.js";
import { findFunction, mutate, raisedStart } from "../../src/optimizer/mutator.js";
import { Rng } from "../../src/optimizer/random.js";
import { TILE_SIZES, UNROLL_FACTORS, VECTOR_WIDTHS, type Mutation } from "../../src/optimizer/schema.js";
import { Engine } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";
import { maskOutput } from "../support/mlir.js";

await Engine.loadCompiler();

type Elem = "f32" | "i32";
/** An index expression: sum of coef * loop index (by depth), a constant, and %n where `n`. */
interface Idx { terms: { d: number; k: number }[]; c: number; n?: boolean }
/** A loop bound: a constant, an enclosing loop's index plus an offset, or the argument %n. */
type Bound = { kind: "c"; v: number } | { kind: "iv"; d: number; off: number } | { kind: "n" };
interface Buf { name: string; rank: number; size: number[] }
/** How the current nest writes a buffer: at one tuple (one location per iteration) or by accumulation. */
type Role = { kind: "own"; idx: Idx[] } | { kind: "acc"; cls: string };
interface Scope { ivs: string[]; max: number[]; acc?: string }
/** Where a view starts in one dimension of its buffer: a constant, an enclosing loop's index (by depth), or %n. */
type Offset = { kind: "c"; v: number } | { kind: "iv"; d: number } | { kind: "n" };
/**
 * A view that accesses may go through instead of its buffer, reaching the same elements by other
 * subscripts: a subview (per dimension of the buffer where it starts, its stride, and whether the
 * rank-reduced type drops it; `size` grows with the subscripts used through it), a cast to
 * dynamic sizes (`dyn`), the collapse of a rank-2 buffer, or the expand of a rank-1 buffer into
 * rows of 4. `cast`: a subview, collapse or expand seen through a memref.cast to dynamic sizes.
 * Usable in the scope it is made in (`ivs`) and those inside it.
 */
interface View {
  name: string; buf: Buf; ivs: string[]; ind: number; kind: "subview" | "cast" | "collapse" | "expand"; cast: boolean;
  dims: { o: Offset; s: number; drop: boolean; omax: number }[]; size: number[]; dyn: boolean[];
}

/** `e - o` where `e` surely stays at or above `o` (subscripts and loop indices are never negative), else undefined. */
function minus(e: Idx, o: Offset): Idx | undefined {
  if (o.kind === "c") return e.c >= o.v ? { ...e, c: e.c - o.v } : undefined;
  if (o.kind === "n") return e.n ? { ...e, n: false } : undefined;
  if (!e.terms.some((t) => t.d === o.d)) return undefined;
  return { ...e, terms: e.terms.flatMap((t) => (t.d !== o.d ? [t] : t.k > 1 ? [{ d: t.d, k: t.k - 1 }] : [])) };
}
/** `e / s` where `s` divides it. */
function divide(e: Idx, s: number): Idx | undefined {
  if (s === 1) return e;
  return !e.n && e.c % s === 0 && e.terms.every((t) => t.k % s === 0) ? { terms: e.terms.map((t) => ({ d: t.d, k: t.k / s })), c: e.c / s } : undefined;
}
const isZero = (e: Idx) => !e.terms.length && !e.c && !e.n;
/** Row-major strides of a shape. */
const rowMajor = (size: number[]) => size.map((_, k) => size.slice(k + 1).reduce((a, b) => a * b, 1));

const COMBINERS: Record<Elem, Record<string, string[]>> = {
  f32: { add: ["arith.addf", "arith.subf"], max: ["arith.maximumf"], min: ["arith.minimumf"] },
  i32: { add: ["arith.addi", "arith.subi"], max: ["arith.maxsi"], min: ["arith.minsi"], mul: ["arith.muli"] },
};

/** A random target function @k and a @main that fills its buffers, calls it twice and prints them. */
export class FuzzProgram {
  readonly r: Rng;
  readonly elem: Elem;
  readonly scf: boolean;
  readonly n?: [number, number];
  readonly scalar: boolean;
  /** Vector-friendly: trip counts multiples of 4, unit steps, the innermost index alone in last dimensions. */
  readonly friendly: boolean;
  /**
   * With dependences: i32 loads at `+ %n` from any buffer, written ones too, and stores `+ %n`
   * (or a constant, or a loop index) from where they read. Iterations may depend on each other,
   * by a distance or over a range the call decides: a mutation may be wrong for the first call
   * (the sandbox's), but must not be right for it and wrong for the second.
   */
  readonly dep: boolean;
  /** How far apart a dependence program's accesses to a buffer are: %n, a constant, or a loop's index. */
  readonly distance: "n" | "c" | "iv";
  /** Accesses may go through views of their buffer (the same elements by other subscripts). */
  readonly viewy: boolean;
  bufs: Buf[] = [];
  private views: View[] = [];
  /** Where views go at the start of the function ("") and of each loop's body (by its index): lines and indentation. */
  private slots = new Map<string, { ind: number; lines: string[] }>([["", { ind: 0, lines: [] }]]);
  private roles = new Map<Buf, Role>();
  /** Buffers the current nest reads as inputs (at any subscript): they must not be written in it. */
  private inputs = new Set<Buf>();
  private lines: string[] = [];
  private next = 0;
  constructor(seed: number) {
    this.r = new Rng(seed);
    this.elem = this.r.int(3) ? "f32" : "i32";
    this.scf = this.r.int(4) === 0;
    this.dep = this.elem === "i32" && this.r.int(2) === 0;
    if (this.dep || this.r.int(3) === 0) this.n = [this.r.int(8), this.r.int(10)];
    this.scalar = this.r.int(3) === 0;
    this.friendly = this.dep || this.r.int(3) === 0; // (constant bounds: a dependence program's loops transform)
    this.viewy = this.r.int(2) === 0;
    this.distance = this.r.pick(["n", "n", "c", "iv"] as const);
  }
  private fresh(p = "v"): string { return `%${p}${this.next++}`; }
  private emit(ind: number, s: string): void { this.lines.push("  ".repeat(ind + 2) + s); }
  private chance(p: number): boolean { return this.r.next() < p; }
  private cidx(v: number, ind: number): string { const c = this.fresh("c"); this.emit(ind, `${c} = arith.constant ${v} : index`); return c; }

  memTy(b: Buf): string { return `memref<${b.size.join("x")}x${this.elem}>`; }
  private idxMax(e: Idx, s: Scope): number { return e.terms.reduce((m, t) => m + t.k * s.max[t.d], e.c + (e.n ? Math.max(...this.n!) : 0)); }

  private randIdx(s: Scope, last: boolean): Idx {
    const depth = s.ivs.length;
    if (this.friendly && last && depth) return this.chance(0.8) ? { terms: [{ d: depth - 1, k: 1 }], c: this.r.int(2) } : { terms: [], c: this.r.int(2) };
    const x = this.r.int(10);
    if (depth === 0 || x === 0) return { terms: [], c: this.r.int(3) };
    const d = this.chance(0.5) ? depth - 1 : this.r.int(depth); // the innermost index most often: what vectorize reads
    if (x === 1 && depth > 1) { let e = this.r.int(depth); if (e === d) e = (d + 1) % depth; return { terms: [{ d, k: 1 }, { d: e, k: 1 }], c: 0 }; }
    if (x === 2) return { terms: [{ d, k: 2 }], c: 0 };
    if (x === 3) return { terms: [{ d, k: 1 }], c: 1 + this.r.int(2) };
    return { terms: [{ d, k: 1 }], c: 0 };
  }
  /** A tuple that names one location per iteration of the loops in scope (each index alone in a dimension). */
  private injectiveIdx(s: Scope, rank: number): Idx[] | undefined {
    const depth = s.ivs.length;
    if (depth > rank) return undefined;
    // which dimension each index goes to: in order (innermost last, contiguous) or shuffled (transposed)
    const slots = this.friendly || this.chance(0.5) ? [...Array(rank).keys()].slice(rank - depth).concat([...Array(rank - depth).keys()])
      : [...Array(rank).keys()].sort(() => this.r.next() - 0.5);
    const dims: Idx[] = Array.from({ length: rank }, () => ({ terms: [], c: this.r.int(2) }));
    for (let d = 0; d < depth; d++) dims[slots[d]] = { terms: [{ d, k: !this.friendly && this.chance(0.15) ? 2 : 1 }], c: this.chance(0.15) ? 1 : 0 };
    return dims;
  }
  private buffer(rank: number, ok: (b: Buf) => boolean): Buf {
    const old = this.bufs.filter((b) => b.rank === rank && ok(b));
    if (old.length && (this.bufs.length >= (this.dep ? 2 : 5) || this.chance(0.6))) return this.r.pick(old);
    const b: Buf = { name: `%B${this.bufs.length}`, rank, size: Array(rank).fill(1) };
    this.bufs.push(b);
    return b;
  }
  private grow(b: Buf, idx: Idx[], s: Scope): void { idx.forEach((e, k) => { b.size[k] = Math.max(b.size[k], this.idxMax(e, s) + 1); }); }

  /** An index value for `e`: affine.apply-free arith (memref form) or an affine subscript string. */
  private arithIdx(e: Idx, s: Scope, ind: number): string {
    let acc: string | undefined;
    for (const t of e.terms) {
      let v = s.ivs[t.d];
      if (t.k !== 1) { const m = this.fresh("x"); this.emit(ind, `${m} = arith.muli ${v}, ${this.cidx(t.k, ind)} : index`); v = m; }
      if (acc) { const a = this.fresh("x"); this.emit(ind, `${a} = arith.addi ${acc}, ${v} : index`); acc = a; } else acc = v;
    }
    if (e.n) { if (acc) { const a = this.fresh("x"); this.emit(ind, `${a} = arith.addi ${acc}, %n : index`); acc = a; } else acc = "%n"; }
    if (!acc) return this.cidx(e.c, ind);
    if (e.c) { const a = this.fresh("x"); this.emit(ind, `${a} = arith.addi ${acc}, ${this.cidx(e.c, ind)} : index`); acc = a; }
    return acc;
  }
  private affineIdx(e: Idx, s: Scope): string {
    const parts = e.terms.map((t) => (t.k === 1 ? s.ivs[t.d] : `${s.ivs[t.d]} * ${t.k}`));
    if (e.n) parts.push("symbol(%n)");
    if (e.c || !parts.length) parts.push(String(e.c));
    return parts.join(" + ");
  }
  /** Element `idx` of `b`, read (or written with `value`), directly or through a view of `b`. */
  private access(b: Buf, idx: Idx[], s: Scope, ind: number, value?: string): string {
    this.grow(b, idx, s);
    const via = this.viewy && this.chance(0.4) ? this.route(b, idx, s, ind) : undefined;
    const t = `@@${via?.view.name ?? b.name}@@`; // the type, once all accesses have sized the buffer (and the view)
    const memrefForm = this.scf || this.chance(0.3);
    const subs = this.subscripts(via?.view, via?.idx ?? idx, s, ind, memrefForm);
    const op = memrefForm ? "memref" : "affine", m = via?.view.name ?? b.name;
    if (value !== undefined) { this.emit(ind, `${op}.store ${value}, ${m}[${subs}] : ${t}`); return ""; }
    const v = this.fresh();
    this.emit(ind, `${v} = ${op}.load ${m}[${subs}] : ${t}`);
    return v;
  }
  /** The subscripts text of an access through `view` (or the buffer) at `idx` (the view's own, for a subview). */
  private subscripts(view: View | undefined, idx: Idx[], s: Scope, ind: number, memrefForm: boolean): string {
    const one = (e: Idx) => (memrefForm ? this.arithIdx(e, s, ind) : this.affineIdx(e, s));
    if (view?.kind === "subview") return idx.filter((_, k) => !view.dims[k].drop).map(one).join(", ");
    if (view?.kind === "collapse") { // row * (the buffer's final row length) + column
      const [a, b] = idx.map(one), n = `@@dim1:${view.buf.name}@@`;
      if (!memrefForm) return `(${a}) * ${n} + ${b}`;
      const c = this.fresh("c"), x = this.fresh("x"), y = this.fresh("x");
      this.emit(ind, `${c} = arith.constant ${n} : index`);
      this.emit(ind, `${x} = arith.muli ${a}, ${c} : index`);
      this.emit(ind, `${y} = arith.addi ${x}, ${b} : index`);
      return y;
    }
    if (view?.kind === "expand") { // rows of 4
      const a = one(idx[0]);
      if (!memrefForm) return `(${a}) floordiv 4, (${a}) mod 4`;
      const c = this.cidx(4, ind), q = this.fresh("x"), r = this.fresh("x");
      this.emit(ind, `${q} = arith.divui ${a}, ${c} : index`);
      this.emit(ind, `${r} = arith.remui ${a}, ${c} : index`);
      return `${q}, ${r}`;
    }
    return idx.map(one).join(", ");
  }
  /** A subview's subscripts (per dimension of the buffer; 0 where dropped) for element `x` of its buffer, if it holds it. */
  private through(v: View, x: Idx[]): Idx[] | undefined {
    if (v.kind !== "subview") return x;
    const out: Idx[] = [];
    for (const [k, d] of v.dims.entries()) {
      const m = minus(x[k], d.o), q = m && divide(m, d.s);
      if (!q || (d.drop && !isZero(q))) return undefined;
      out.push(q);
    }
    return out;
  }
  /** A view of `b` in scope that holds element `x`: one made before, or a new one. */
  private route(b: Buf, x: Idx[], s: Scope, ind: number): { view: View; idx: Idx[] } {
    const usable = this.views.filter((v) => v.buf === b && v.ivs.every((iv, k) => s.ivs[k] === iv))
      .flatMap((view) => { const idx = this.through(view, x); return idx ? [{ view, idx }] : []; });
    const r = usable.length && this.chance(0.6) ? this.r.pick(usable) : this.newView(b, x, s, ind);
    if (r.view.kind === "subview") r.idx.forEach((q, k) => { r.view.size[k] = Math.max(r.view.size[k], this.idxMax(q, s) + 1); });
    return r;
  }
  /**
   * A new view of `b` that holds element `x`: made here, at the start of the function, or at the
   * start of an enclosing loop's body (offsets may be the indices of the loops it is in).
   */
  private newView(b: Buf, x: Idx[], s: Scope, ind: number): { view: View; idx: Idx[] } {
    const where = this.r.int(3), depth = where === 1 ? s.ivs.length : where === 2 ? this.r.int(s.ivs.length + 1) : 0;
    const slot = where === 1 ? undefined : this.slots.get(s.ivs[depth - 1] ?? "")!;
    const view: View = { name: this.fresh("V"), buf: b, ivs: s.ivs.slice(0, depth), ind: slot?.ind ?? ind, kind: "subview", cast: this.chance(0.25), dims: [], size: Array(b.rank).fill(1), dyn: [] };
    const k = this.r.int(10);
    if (k === 0) { view.kind = "cast"; view.dyn = b.size.map(() => this.chance(0.6)); view.dyn[this.r.int(b.rank)] = true; }
    else if (k === 1 && b.rank === 2) view.kind = "collapse";
    else if (k === 2 && b.rank === 1) view.kind = "expand";
    else {
      for (const e of x) {
        const opts: Offset[] = [{ kind: "c", v: 0 }, ...(e.n ? [{ kind: "n" } as const] : []), ...e.terms.filter((t) => t.d < depth).map((t) => ({ kind: "iv", d: t.d }) as const)];
        let o = this.r.pick(opts);
        const rest = o.kind === "c" ? { ...e, c: 0 } : minus(e, o)!;
        const strides = [2, 3].filter((st) => divide(rest, st));
        const st = strides.length && this.chance(0.4) ? this.r.pick(strides) : 1;
        if (o.kind === "c") o = { kind: "c", v: (e.c % st) + st * this.r.int(Math.floor(e.c / st) + 1) };
        const q = divide(minus(e, o)!, st)!;
        const drop = b.rank > 1 && isZero(q) && !view.dims.some((d) => d.drop) && this.chance(0.5);
        view.dims.push({ o, s: st, drop, omax: o.kind === "c" ? o.v : o.kind === "n" ? Math.max(...this.n!) : s.max[o.d] });
      }
      if (view.dims.every((d) => d.drop)) view.dims[0].drop = false;
    }
    this.views.push(view);
    if (slot) slot.lines.push(`@@def:${view.name}@@`); else this.emit(ind, `@@def:${view.name}@@`);
    return { view, idx: this.through(view, x)! };
  }
  /** A view's definition (its op, and the cast after it), and its type, once the buffers are sized. */
  private viewText(v: View): { def: string[]; type: string } {
    const b = v.buf, bt = this.memTy(b), e = this.elem, rm = rowMajor(b.size);
    let src: string, type: string, dynType: string;
    if (v.kind === "cast") return { def: [`${v.name} = memref.cast ${b.name} : ${bt} to ${(type = `memref<${b.size.map((n, k) => (v.dyn[k] ? "?" : n)).join("x")}x${e}>`)}`], type };
    if (v.kind === "collapse") {
      type = `memref<${b.size[0] * b.size[1]}x${e}>`, dynType = `memref<?x${e}>`;
      src = `memref.collapse_shape ${b.name} [[0, 1]] : ${bt} into ${type}`;
    } else if (v.kind === "expand") {
      type = `memref<${b.size[0] / 4}x4x${e}>`, dynType = `memref<?x4x${e}>`;
      src = `memref.expand_shape ${b.name} [[0, 1]] output_shape [${b.size[0] / 4}, 4] : ${bt} into ${type}`;
    } else {
      const kept = v.dims.flatMap((d, k) => (d.drop ? [] : [k]));
      const stat = v.dims.every((d) => d.o.kind === "c");
      const off = stat ? v.dims.reduce((a, d, k) => a + (d.o as { v: number }).v * rm[k], 0) : "?";
      const strides = `[${kept.map((k) => rm[k] * v.dims[k].s).join(", ")}]`;
      type = `memref<${kept.map((k) => v.size[k]).join("x")}x${e}, strided<${strides}${off === 0 ? "" : `, offset: ${off}`}>>`;
      dynType = `memref<${kept.map(() => "?").join("x")}x${e}, strided<${strides}, offset: ?>>`;
      const offs = v.dims.map((d) => (d.o.kind === "c" ? String(d.o.v) : d.o.kind === "n" ? "%n" : v.ivs[d.o.d]));
      src = `memref.subview ${b.name}[${offs.join(", ")}] [${v.size.join(", ")}] [${v.dims.map((d) => d.s).join(", ")}] : ${bt} to ${type}`;
    }
    if (!v.cast) return { def: [`${v.name} = ${src}`], type };
    return { def: [`${v.name}_ = ${src}`, `${v.name} = memref.cast ${v.name}_ : ${type} to ${dynType}`], type: dynType };
  }
  private constant(ind: number): string {
    const v = this.fresh();
    const x = this.r.int(9) - 4;
    this.emit(ind, this.elem === "f32" ? `${v} = arith.constant ${(x / 2).toFixed(1)} : f32` : `${v} = arith.constant ${x} : i32`);
    return v;
  }
  /** A value of the element type; `mul` allows one multiply (keeps f32 values exact). */
  private expr(s: Scope, ind: number, depth: number, mul: boolean): string {
    const x = this.r.int(12);
    if (depth > 0 && x < 5) {
      const ops = this.elem === "f32" ? ["arith.addf", "arith.subf", "arith.maximumf", ...(mul ? ["arith.mulf"] : [])]
        : ["arith.addi", "arith.subi", "arith.maxsi", "arith.xori", "arith.muli"];
      const op = this.r.pick(ops);
      const m = mul && op !== "arith.mulf";
      const a = this.expr(s, ind, depth - 1, m && this.chance(0.5)), b = this.expr(s, ind, depth - 1, false);
      const v = this.fresh();
      this.emit(ind, `${v} = ${op} ${a}, ${b} : ${this.elem}`);
      return v;
    }
    if (x === 5) return this.constant(ind);
    if (x === 6 && this.scalar) return "%s";
    if (x === 7 && s.ivs.length && !this.friendly && this.chance(0.5)) { // the loop index as a value
      const i = this.fresh(), v = this.fresh();
      this.emit(ind, `${i} = arith.index_cast ${this.r.pick(s.ivs)} : index to i32`);
      if (this.elem === "i32") return i;
      this.emit(ind, `${v} = arith.sitofp ${i} : i32 to f32`);
      return v;
    }
    if (x === 8 && s.acc) return s.acc;
    const own = this.bufs.filter((b) => { const ro = this.roles.get(b); return ro?.kind === "own" && ro.idx.every((e) => e.terms.every((t) => t.d < s.ivs.length)); });
    if (x === 9 && own.length) { // what this iteration wrote (or will write) there: order within an iteration matters
      const b = this.r.pick(own);
      return this.access(b, (this.roles.get(b) as { idx: Idx[] }).idx, s, ind);
    }
    let rank = 1 + this.r.int(2);
    if (this.dep && this.chance(0.4)) { // any buffer, a distance (`shifted`) from where the others go
      const written = this.bufs.filter((c) => this.roles.has(c));
      const b = written.length && this.chance(0.7) ? this.r.pick(written) : this.buffer(rank, () => true);
      rank = b.rank;
      const idx = Array.from({ length: rank }, (_, k) => this.randIdx(s, k === rank - 1));
      idx[rank - 1] = this.shifted(idx[rank - 1], s);
      return this.access(b, idx, s, ind);
    }
    const b = this.buffer(rank, (c) => !this.roles.has(c));
    this.inputs.add(b);
    const idx = Array.from({ length: rank }, (_, k) => this.randIdx(s, k === rank - 1));
    if (this.n && this.chance(0.1)) idx[rank - 1].n = true;
    return this.access(b, idx, s, ind);
  }
  /** `x` a dependence program's distance further: `+ %n`, a constant, or a loop's index (an outer one most often). */
  private shifted(x: Idx, s: Scope): Idx {
    if (this.distance === "n") return { ...x, n: true };
    const d = this.r.int(Math.max(s.ivs.length - 1, 1));
    if (this.distance === "c" || !s.ivs.length) return { ...x, c: x.c + 1 + this.r.int(2) };
    return { ...x, terms: x.terms.some((t) => t.d === d) ? x.terms.map((t) => (t.d === d ? { d, k: t.k + 1 } : t)) : [...x.terms, { d, k: 1 }] };
  }
  private combine(cls: string, a: string, b: string, ind: number): string {
    const v = this.fresh();
    this.emit(ind, `${v} = ${this.r.pick(COMBINERS[this.elem][cls])} ${a}, ${b} : ${this.elem}`);
    return v;
  }
  private cls(): string { return this.r.pick(Object.keys(COMBINERS[this.elem])); }

  /** A store of `e` (or an update of the location with it) that keeps iterations independent. */
  private statement(s: Scope, ind: number, e = this.expr(s, ind, 2, true)): void {
    const rank = 1 + this.r.int(2);
    if (this.chance(this.friendly ? 0.8 : 0.55)) {
      const own = this.bufs.filter((b) => { const ro = this.roles.get(b); return ro?.kind === "own" && this.injectiveIn(ro.idx, s); });
      let b = own.length && this.chance(0.5) ? this.r.pick(own) : undefined;
      if (!b) {
        const idx = this.injectiveIdx(s, rank);
        if (idx) { b = this.buffer(rank, this.writable); this.roles.set(b, { kind: "own", idx }); }
      }
      if (b) {
        const idx = (this.roles.get(b) as { idx: Idx[] }).idx;
        if (this.dep && this.chance(0.5)) { // A[i + n] = A[i] + e: a dependence n iterations long (or a constant, or an outer index)
          const v = this.fresh(), at = idx.map((x, k) => (k === idx.length - 1 ? this.shifted(x, s) : x));
          this.emit(ind, `${v} = arith.addi ${this.access(b, idx, s, ind)}, ${e} : i32`);
          this.access(b, at, s, ind, v);
          return;
        }
        let v = e;
        if (this.chance(0.5)) { // in place: A[i] = A[i] op e
          const old = this.access(b, idx, s, ind);
          const ops = this.elem === "f32" ? ["arith.addf", "arith.mulf", "arith.subf", "arith.maximumf"] : ["arith.addi", "arith.muli", "arith.subi", "arith.xori"];
          v = this.fresh();
          this.emit(ind, `${v} = ${this.r.pick(ops)} ${old}, ${e} : ${this.elem}`);
        }
        this.access(b, idx, s, ind, v);
        return;
      }
    }
    const accs = this.bufs.filter((b) => this.roles.get(b)?.kind === "acc");
    const b = accs.length && this.chance(0.5) ? this.r.pick(accs) : this.buffer(rank, this.writable);
    if (!this.roles.has(b)) this.roles.set(b, { kind: "acc", cls: this.cls() });
    const idx = Array.from({ length: b.rank }, (_, k) => this.randIdx(s, k === b.rank - 1));
    const old = this.access(b, idx, s, ind);
    this.access(b, idx, s, ind, this.combine((this.roles.get(b) as { cls: string }).cls, old, e, ind));
  }
  private writable = (b: Buf) => !this.roles.has(b) && !this.inputs.has(b);
  private injectiveIn(idx: Idx[], s: Scope): boolean {
    const alone = new Set(idx.filter((e) => e.terms.length === 1).map((e) => e.terms[0].d));
    const all = new Set(idx.flatMap((e) => e.terms.map((t) => t.d)));
    return s.ivs.every((_, d) => alone.has(d)) && [...all].every((d) => d < s.ivs.length);
  }

  private bound(s: Scope, lower: boolean): Bound {
    const x = this.r.int(10);
    // (a dependence program's loop to %n: whether its dependences exist is the call's to decide)
    if (!lower && this.n && x < 3 && (!this.friendly || (this.dep && !s.ivs.length))) return { kind: "n" };
    if (s.ivs.length && x === 3 && !this.friendly) return { kind: "iv", d: this.r.int(s.ivs.length), off: lower ? 0 : 1 + this.r.int(3) };
    const trips = this.friendly ? [4, 8, 8, 12, 16] : [0, 1, 2, 3, 4, 4, 5, 6, 7, 8, 8, 8, 9, 12, 16, 16];
    return { kind: "c", v: lower ? this.r.pick(this.friendly ? [0, 0, 0, 4] : [0, 0, 0, 0, 1, 2]) : this.r.pick(trips) };
  }
  private boundText(b: Bound, s: Scope, ind: number): string {
    if (b.kind === "n") return "%n";
    if (b.kind === "c") return this.scf ? this.cidx(b.v, ind) : String(b.v);
    const iv = s.ivs[b.d];
    if (this.scf) { if (!b.off) return iv; const v = this.fresh("x"); this.emit(ind, `${v} = arith.addi ${iv}, ${this.cidx(b.off, ind)} : index`); return v; }
    return `affine_map<(d0) -> (d0${b.off ? ` + ${b.off}` : ""})>(${iv})`;
  }
  private boundMax(b: Bound, s: Scope): number { return b.kind === "c" ? b.v : b.kind === "n" ? Math.max(...this.n!) : s.max[b.d] + b.off; }

  /** One loop (and what it nests) at depth s.ivs.length; a reduction loop yields its carried value. */
  private loop(s: Scope, ind: number, maxDepth: number, reduce?: { init: string; cls: string }): string | undefined {
    let lb = this.bound(s, true), ub = this.bound(s, false);
    if (lb.kind === "c" && ub.kind === "c") ub = { kind: "c", v: lb.v + ub.v };
    const step = this.friendly || this.chance(0.9) ? 1 : 2 + this.r.int(2);
    const lbT = this.boundText(lb, s, ind), ubT = this.boundText(ub, s, ind);
    const iv = this.fresh("i");
    const inner: Scope = { ivs: [...s.ivs, iv], max: [...s.max, Math.max(0, this.boundMax(ub, s) - 1)] };
    const res = reduce ? this.fresh("r") : undefined, acc = reduce ? this.fresh("acc") : undefined;
    const ty = this.elem;
    const head = this.scf ? `scf.for ${iv} = ${lbT} to ${ubT} step ${this.cidx(step, ind)}` : `affine.for ${iv} = ${lbT} to ${ubT}${step > 1 ? ` step ${step}` : ""}`;
    this.emit(ind, `${res ? `${res} = ` : ""}${head}${reduce ? ` iter_args(${acc} = ${reduce.init}) -> (${ty})` : ""} {`);
    if (reduce) inner.acc = acc;
    this.slots.set(iv, { ind: ind + 1, lines: [] });
    this.emit(ind + 1, `@@slot:${iv}@@`);
    const deeper = inner.ivs.length < maxDepth;
    const perfect = deeper && !reduce && this.chance(0.5); // a band: what tile and interchange take
    for (let k = perfect ? 0 : this.r.int(2); k > 0; k--) this.statement(inner, ind + 1);
    let carried = acc;
    if (perfect) this.loop(inner, ind + 1, maxDepth);
    else if (deeper && this.chance(0.9)) {
      if (reduce && this.chance(0.5)) carried = this.loop(inner, ind + 1, maxDepth, { init: acc!, cls: reduce.cls }); // conv's p/q
      else this.nest(inner, ind + 1, maxDepth);
    }
    // (the carried value itself stays out of what is added: a sum of the loop's terms, exact in any order)
    if (reduce) carried = this.combine(reduce.cls, carried!, this.expr({ ...inner, acc: undefined }, ind + 1, 2, true), ind + 1);
    if (!deeper || (!perfect && this.chance(0.3))) this.statement(inner, ind + 1);
    if (reduce) this.emit(ind + 1, `${this.scf ? "scf" : "affine"}.yield ${carried} : ${ty}`);
    this.emit(ind, "}");
    return res;
  }
  /** A loop nest at this point: a plain loop, or a reduction loop whose result is stored. */
  private nest(s: Scope, ind: number, maxDepth: number): void {
    if (this.chance(this.friendly ? 0.15 : 0.35)) {
      const cls = this.cls();
      const init = this.chance(0.5) ? this.constant(ind) : this.expr(s, ind, 0, false);
      const r = this.loop(s, ind, maxDepth, { init, cls })!;
      this.statement(s, ind, r);
    } else this.loop(s, ind, maxDepth);
  }

  /** The module text. */
  text(): string {
    const nests = this.r.int(4) === 0 ? 2 : 1;
    for (let k = 0; k < nests; k++) {
      this.roles.clear(); // a later nest may read what an earlier one wrote, anywhere
      this.inputs.clear();
      this.nest({ ivs: [], max: [] }, 0, 1 + this.r.int(3));
    }
    if (!this.bufs.length) this.bufs.push({ name: "%B0", rank: 1, size: [1] });
    // (a view's extent at its largest offset stays in its buffer; an expanded buffer is whole rows
    // of 4; a rank-reducing subview keeps no dimension of size 1: the interpreter drops the first
    // unit dimension, where MLIR drops the one the result's strides name)
    for (const v of this.views) if (v.kind === "subview") v.dims.forEach((d, k) => {
      if (!d.drop && v.dims.some((x) => x.drop)) v.size[k] = Math.max(v.size[k], 2);
      v.buf.size[k] = Math.max(v.buf.size[k], d.omax + d.s * (v.size[k] - 1) + 1);
    });
    for (const v of this.views) if (v.kind === "expand") v.buf.size[0] = Math.ceil(v.buf.size[0] / 4) * 4;
    const viewTexts = new Map(this.views.map((v) => [v.name, { v, ...this.viewText(v) }]));
    const resolve = (key: string): string => {
      if (key.startsWith("dim1:")) return String(this.bufs.find((b) => b.name === key.slice(5))!.size[1]);
      if (key.startsWith("def:")) { const x = viewTexts.get(key.slice(4))!; return x.def.join(`\n${"  ".repeat(x.v.ind + 2)}`); }
      if (key.startsWith("slot:")) { const x = this.slots.get(key.slice(5))!; return x.lines.map(resolved).join(`\n${"  ".repeat(x.ind + 2)}`); }
      const b = this.bufs.find((c) => c.name === key);
      return b ? this.memTy(b) : viewTexts.get(key)!.type;
    };
    const resolved = (line: string): string => line.replace(/@@([^@]+)@@/g, (_, key: string) => resolve(key));
    const t = (b: Buf) => this.memTy(b);
    const args = [...this.bufs.map((b) => `${b.name}: ${t(b)}`), ...(this.scalar ? [`%s: ${this.elem}`] : []), ...(this.n ? ["%n: index"] : [])];
    const printer = this.elem === "f32" ? "printMemrefF32" : "printMemrefI32";
    const main: string[] = [];
    for (const b of this.bufs) main.push(`    ${b.name} = memref.alloc() : ${t(b)}`);
    if (this.scalar) main.push(`    %s = arith.constant ${this.elem === "f32" ? "1.5" : "3"} : ${this.elem}`);
    for (const call of [0, 1]) {
      this.bufs.forEach((b, k) => main.push(...fill(b, t(b), this.elem, 3 + 2 * k + call, 5 + k + 3 * call, call + k, call)));
      if (this.n) main.push(`    %n${call} = arith.constant ${this.n[call]} : index`);
      const ops = [...this.bufs.map((b) => b.name), ...(this.scalar ? ["%s"] : []), ...(this.n ? [`%n${call}`] : [])];
      main.push(`    func.call @k(${ops.join(", ")}) : (${[...this.bufs.map(t), ...(this.scalar ? [this.elem] : []), ...(this.n ? ["index"] : [])].join(", ")}) -> ()`);
      this.bufs.forEach((b, k) => {
        main.push(`    %u${call}_${k} = memref.cast ${b.name} : ${t(b)} to memref<*x${this.elem}>`);
        main.push(`    func.call @${printer}(%u${call}_${k}) : (memref<*x${this.elem}>) -> ()`);
      });
    }
    return `module {
  func.func private @${printer}(memref<*x${this.elem}>)
  func.func @k(${args.join(", ")}) {
${["    @@slot:@@", ...this.lines].map(resolved).filter((l) => l.trim()).join("\n")}
    return
  }
  func.func @main() {
${main.join("\n")}
    return
  }
}
`;
  }
}

/** `b[i][j] = ((a*i + c*j + off) mod 9 - 4)` (halved for f32: multiples of 1/2 in [-2, 2]). */
function fill(b: Buf, t: string, elem: Elem, a: number, c: number, off: number, tag: number): string[] {
  const ivs = b.size.map((_, k) => `%f${tag}${b.name.slice(1)}_${k}`);
  const out: string[] = [];
  b.size.forEach((n, k) => out.push(`${"  ".repeat(k + 2)}affine.for ${ivs[k]} = 0 to ${n} {`));
  const p = "  ".repeat(b.rank + 2), q = `%q${tag}${b.name.slice(1)}`;
  const j = b.rank > 1 ? ivs[1] : ivs[0];
  out.push(`${p}${q}s = affine.apply affine_map<(d0, d1) -> ((d0 * ${a} + d1 * ${c} + ${off}) mod 9 - 4)>(${ivs[0]}, ${j})`,
    `${p}${q}i = arith.index_cast ${q}s : index to i32`);
  if (elem === "f32") out.push(`${p}${q}f = arith.sitofp ${q}i : i32 to f32`, `${p}${q}h = arith.constant 0.5 : f32`, `${p}${q}v = arith.mulf ${q}f, ${q}h : f32`);
  out.push(`${p}affine.store ${q}${elem === "f32" ? "v" : "i"}, ${b.name}[${ivs.join(", ")}] : ${t}`);
  for (let k = b.rank - 1; k >= 0; k--) out.push(`${"  ".repeat(k + 2)}}`);
  return out;
}

/** One random mutation for a function with `loops` loops (`leaves` the innermost) and `args` arguments. */
export function randomMutation(r: Rng, loops: number, leaves: number[], args: number): Mutation {
  const ref = (k = r.int(Math.max(loops, 1) + (r.int(20) === 0 ? 2 : 0))) => `L${k}`;
  const band = (n: number) => { const s = r.int(Math.max(loops - n + 1, 1)); return Array.from({ length: n }, (_, k) => ref(s + k)); };
  const small = [1, 2, 2, 3, 4, 4, 5, 8, ...TILE_SIZES.slice(4, 6)];
  switch (r.int(12)) {
    case 0: case 10: { const n = Math.min(1 + r.int(3), Math.max(loops, 1)); return { kind: "tile", loops: band(n), sizes: Array.from({ length: n }, () => r.pick(small)) }; }
    case 1: case 2: return { kind: "unroll", loop: ref(), factor: r.int(8) ? r.pick(UNROLL_FACTORS) : 3 };
    case 3: {
      const n = Math.max(2, Math.min(2 + r.int(2), loops));
      let p = [...Array(n).keys()];
      while (p.every((v, i) => v === i)) p = p.map((v) => [v, r.next()] as const).sort((a, b) => a[1] - b[1]).map(([v]) => v);
      return { kind: "interchange", loops: band(n), permutation: p };
    }
    case 4: case 5: case 9: return { kind: "vectorize", loop: leaves.length && r.int(3) ? `L${r.pick(leaves)}` : ref(), width: r.int(6) ? 4 : r.pick(VECTOR_WIDTHS) };
    case 6: case 8: return { kind: "unroll_and_jam", loop: ref(), factor: r.pick([2, 2, 3, 4, 8]) };
    case 7: return r.int(2) ? { kind: "hoist", loop: ref() } : { kind: "parallelize", loop: ref() };
    default: return { kind: "pack", operand: r.int(args), loop: ref() };
  }
}

export function run(text: string, engine: "wasm" | "interp"): string {
  const ctx = createCapturingContext({});
  const e = new Engine({ engine, ctx, checkBounds: true });
  e.load(text, "fuzz.mlir");
  e.runMain("main");
  return maskOutput(ctx.output());
}

/** The loops of @k, and which of them are innermost. */
function loopShape(text: string): { count: number; leaves: number[] } {
  const loops = loopsOf(findFunction(parseModule(text, "<fuzz>", createContext()), "k")!);
  const leaves = loops.flatMap((l, i) => (loops.some((o) => o !== l && l.isAncestorOf(o)) ? [] : [i]));
  return { count: loops.length, leaves };
}
const argCount = (text: string) => findFunction(parseModule(text, "<fuzz>", createContext()), "k")!.body().args.length;

/** `sandboxed`: steps of a program with dependences that change the first call's output (the sandbox's to refuse). */
export interface FuzzOutcome { applied: number; rejected: number; sandboxed: number; steps: { ms: Mutation[]; wasm: boolean }[]; reasons: string[] }

/** The output of the first call: the prints up to the second call's first. */
const firstCall = (out: string, buffers: number) => out.split("Unranked Memref").slice(0, buffers + 1).join("Unranked Memref");

/**
 * Applies 1-4 random mutations to @k of program `seed`, one step at a time (as a search extends
 * a state), and checks each accepted step; then the accepted steps as one proposal.
 */
export function fuzzOne(seed: number, wasmEvery = 6): FuzzOutcome {
  const prog = new FuzzProgram(seed), text = prog.text();
  const want = run(text, "interp");
  const r = new Rng(seed ^ 0x5bd1e995);
  const out: FuzzOutcome = { applied: 0, rejected: 0, sandboxed: 0, steps: [], reasons: [] };
  let cur = raisedStart(text, "k");
  const args = argCount(cur);
  const applied: Mutation[] = [];
  /**
   * Whether a version that differs on the second call only differs there with the first call's %n
   * too: a dependence that %n has, which the first call's contents happened to hide (a max of
   * values equal either way), the sandbox's to refuse with other contents. (Its main, that of
   * the program with the second call's %n the first's, follows the mutated @k.)
   */
  const wrongForFirstN = (moduleText: string): boolean => {
    const sameN = text.replace(`%n1 = arith.constant ${prog.n![1]} : index`, `%n1 = arith.constant ${prog.n![0]} : index`);
    const main = (t: string) => t.slice(t.indexOf("func.func @main"));
    try { return run(moduleText.slice(0, moduleText.indexOf("func.func @main")) + main(sameN), "interp") !== run(sameN, "interp"); } catch { return true; }
  };
  /** Whether the step stands (false: a dependence the first call shows, which the sandbox refuses). */
  const check = (moduleText: string, ms: Mutation[]): boolean => {
    const why = `program (seed ${seed}) with ${JSON.stringify(ms)}:\n${text}\nmutated:\n${moduleText}`;
    const got = (engine: "interp" | "wasm") => { try { return run(moduleText, engine); } catch (e) { return `${(e as Error).message}`; } };
    const interp = got("interp");
    if (prog.dep && interp !== want && (firstCall(interp, prog.bufs.length) !== firstCall(want, prog.bufs.length) || wrongForFirstN(moduleText))) { out.sandboxed++; return false; }
    assert.equal(interp, want, `interpreter output differs for ${why}`);
    const wasm = seed % wasmEvery === 0;
    if (wasm) assert.equal(got("wasm"), want, `wasm output differs for ${why}`);
    out.steps.push({ ms, wasm });
    return true;
  };
  for (let k = 1 + r.int(4); k > 0; k--) {
    const shape = loopShape(cur);
    const mu = randomMutation(r, shape.count, shape.leaves, args);
    const res = mutate(cur, { target_function: "k", mutations: [mu] });
    if (!res.ok) {
      assert.equal(res.verdict, "rejected", `${res.verdict} (${res.reason}) for ${JSON.stringify([...applied, mu])} on seed ${seed}`);
      assert.doesNotMatch(res.reason, /^mutation failed/, `an exception inside the mutation: ${JSON.stringify([...applied, mu])} on seed ${seed}`);
      out.rejected++;
      out.reasons.push(res.reason);
      continue;
    }
    if (!check(res.moduleText, [...applied, mu])) continue;
    applied.push(mu);
    out.applied++;
    cur = res.moduleText;
  }
  if (applied.length > 1) {
    const res = mutate(raisedStart(text, "k"), { target_function: "k", mutations: applied });
    if (res.ok) check(res.moduleText, applied);
    else assert.equal(res.verdict, "rejected", `${res.verdict} (${res.reason}) for ${JSON.stringify(applied)} as one proposal on seed ${seed}`);
  }
  return out;
}

const RUNS = Number(process.env.TL_FUZZ_RUNS ?? 340); // (programs with views are larger: 340 take what 400 took without)
const SEED = Number(process.env.TL_FUZZ_SEED ?? 20261129);

if (process.env.TL_FUZZ_SHOW) { // one program and what it prints, for reducing a failure by hand
  const text = new FuzzProgram(Number(process.env.TL_FUZZ_SHOW)).text();
  process.stdout.write(`${text}\n${run(text, "interp")}\n`);
} else test(`random loop nests keep their meaning under random mutation sequences (${RUNS} programs)`, () => {
  let applied = 0, rejected = 0;
  const kinds = new Set<string>();
  fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
    const o = fuzzOne(seed);
    applied += o.applied;
    rejected += o.rejected;
    for (const st of o.steps) kinds.add(st.ms[st.ms.length - 1].kind);
  }), { numRuns: RUNS, seed: SEED, endOnFailure: true, includeErrorInReport: true });
  assert.ok(applied > RUNS / 2, `enough mutations apply (${applied} applied, ${rejected} rejected)`);
  if (RUNS >= 300) assert.deepEqual([...kinds].sort(), ["hoist", "interchange", "pack", "parallelize", "tile", "unroll", "unroll_and_jam", "vectorize"], "each mutation applies somewhere");
});
