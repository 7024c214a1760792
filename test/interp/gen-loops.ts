// Seeded generator of UB-free loop-level programs for differential testing against MLIR:
// scf.for / affine.for nests (iter_args, constant, dynamic and dependent bounds, steps > 1,
// integer-typed scf.for), scf.if with results, static and dynamic memref.alloc/alloca,
// memref.cast and subview (strided, rank-reducing), memref.load/store, affine.load/store with
// floordiv/ceildiv/mod index expressions, 1-D vectors (load/store, transfer_read/write with
// out-of-bounds lanes, broadcast/splat, constants, elementwise arith, fma, casts, reductions,
// extract/insert, vector.print) over i1..i64, index, f32 and f64.
//
// Every index is in bounds by construction: memref indices are `remui`s by the dimension (or
// `mod` its known size in affine maps), and index values stay small and non-negative (the wasm
// engine's index is 32-bit, a documented difference). Memrefs are fully initialised before use;
// floats print as bits with NaN as a marker (see gen-arith.ts).
import { Gen, WIDTH, callable, isFloat, moduleOf, rng, type Ty } from "./gen-arith.js";

const SCALARS: Ty[] = ["i1", "i8", "i16", "i32", "i64", "f32", "f64", "index"];
const ELEMS: Ty[] = ["i1", "i8", "i16", "i32", "i64", "f32", "f64"];
const VELEMS: Ty[] = ["i8", "i16", "i32", "i64", "f32", "f64"];
const IKINDS = ["add", "mul", "minsi", "maxsi", "minui", "maxui", "and", "or", "xor"];
const FKINDS = ["add", "mul", "minnumf", "maxnumf", "minimumf", "maximumf"];

/** A 1-D vector; w: its lanes' width (a mask's: of the compared lanes, as the wasm engine holds it). */
interface Vec { v: string; et: Ty; n: number; w: number }
const vty = (x: { et: Ty; n: number }) => `vector<${x.n}x${x.et}>`;
/** Lanes of `regs` 128-bit registers (the wasm engine's vectors; wider ones are split). */
const lanes = (et: Ty, regs: number) => (128 / WIDTH[et]) * regs;

interface Mem {
  v: string; et: Ty; ty: string;
  /** Actual sizes, and index values holding them (defined at function level). */
  sizes: number[]; dims: string[];
  /** Unit last stride: vector accesses allowed. */
  unit: boolean;
  /** Allocated (printed at the end) rather than a view. */
  base: boolean;
}

class Scope {
  readonly vals = new Map<Ty, string[]>();
  readonly vecs: Vec[] = [];
  constructor(readonly up?: Scope) {}
}

type Carried = { t: Ty } | { vec: Vec };
const carriedTy = (c: Carried) => ("t" in c ? c.t : vty(c.vec));

export interface LoopGenOptions { functions?: number; fuel?: number; vectors?: boolean }

class LoopGen extends Gen {
  scope = new Scope();
  readonly mems: Mem[] = [];
  /** Enclosing affine.for induction variables (valid affine dims). */
  readonly adims: string[] = [];
  /** Index parameters (valid affine symbols anywhere in the function). */
  readonly syms: string[] = [];
  depth = 0;
  /** Helper functions the body calls (memrefs of every layout passed as arguments). */
  readonly helpers: string[] = [];
  constructor(r: () => number, readonly vectors: boolean, readonly name: string) { super(r); }

  add(t: Ty, v: string): string { const s = this.scope.vals; s.set(t, [...(s.get(t) ?? []), v]); return v; }
  vals(t: Ty): string[] {
    const out: string[] = [];
    for (let s: Scope | undefined = this.scope; s; s = s.up) out.push(...(s.vals.get(t) ?? []));
    return out;
  }
  vecs(): Vec[] {
    const out: Vec[] = [];
    for (let s: Scope | undefined = this.scope; s; s = s.up) out.push(...s.vecs);
    return out;
  }
  /** A visible value of type t, preferring recent ones (params guarantee one exists). */
  any(t: Ty): string {
    const vs = this.vals(t);
    return this.r() < 0.5 ? vs[0] : this.pick(vs);
  }
  idx(): string { return this.any("index"); }
  /** Generates a nested block into its own lines, in a child scope. */
  region(body: () => void): string[] {
    const lines = this.lines, indent = this.indent, scope = this.scope;
    this.lines = []; this.indent += "  "; this.scope = new Scope(scope); this.depth++;
    body();
    const out = this.lines;
    this.lines = lines; this.indent = indent; this.scope = scope; this.depth--;
    return out;
  }
  indexParam(value: number): string { const p = this.param("index", String(value)); this.syms.push(p); return p; }

  // --- scalars ---
  scalarOp(): void {
    const t = this.pick(SCALARS);
    if (t === "index") { this.indexOp(); return; }
    if (this.r() < 0.2) {
      const from = this.pick(SCALARS);
      this.add(t, this.cast(this.any(from), from, t));
      return;
    }
    const a = this.any(t), b = this.any(t);
    this.add(t, isFloat(t) ? this.floatOp(t, a, b) : this.intOp(t, a, b));
  }
  indexOp(): void {
    const a = this.idx(), b = this.idx();
    if (this.adims.length && this.r() < 0.3) {
      const d = this.pick(this.adims), s = this.pick(this.syms);
      this.add("index", this.emit(`affine.apply affine_map<(d0)[s0] -> ((d0 * ${1 + this.int(3)} + s0 ${this.pick(["floordiv 2", "ceildiv 3", "mod 5", "* 2"])}) mod 97)>(${d})[${s}]`));
      return;
    }
    const op = this.pick(["addi", "muli", "maxui", "minui", "divui", "remui", "maxsi"]);
    if (op === "divui" || op === "remui") {
      this.add("index", this.emit(`arith.${op} ${a}, ${this.emit(`arith.maxui ${b}, ${this.c(1, "index")} : index`)} : index`));
      return;
    }
    const r = this.emit(`arith.${op} ${a}, ${b} : index`);
    this.add("index", op === "addi" || op === "muli" ? this.emit(`arith.remui ${r}, ${this.c(4093, "index")} : index`) : r);
  }

  // --- memrefs ---
  alloc(): void {
    const et = this.pick(ELEMS);
    const sizes = this.r() < 0.7 ? [8 + this.int(17)] : [2 + this.int(3), 8 + this.int(13)];
    const dyn = sizes.map(() => this.r() < 0.4);
    const dynOps = sizes.filter((_, d) => dyn[d]).map((s) => this.indexParam(s));
    const ty = `memref<${sizes.map((s, d) => (dyn[d] ? "?" : s)).join("x")}x${et}>`;
    const v = this.emit(`memref.${this.pick(["alloc", "alloca"])}(${dynOps.join(", ")}) : ${ty}`);
    const dims = sizes.map((s, d) => (dyn[d] ? this.emit(`memref.dim ${v}, ${this.c(d, "index")} : ${ty}`) : this.c(s, "index")));
    const m: Mem = { v, et, ty, sizes, dims, unit: true, base: true };
    this.mems.push(m);
    this.fill(m);
  }
  /** Stores i * k1 + j * k2 - k0 (cast to the element type) everywhere. */
  fill(m: Mem): void {
    const [k0, k1, k2] = [this.int(20), 1 + this.int(7), 1 + this.int(5)];
    this.everyElement(m, (ivs) => {
      const lin = this.emit(`affine.apply affine_map<(d0, d1) -> (d0 * ${k1} + d1 * ${k2})>(${ivs[0]}, ${ivs[ivs.length - 1]})`);
      const x = this.emit(`arith.subi ${this.emit(`arith.index_cast ${lin} : index to i64`)}, ${this.c(k0, "i64")} : i64`);
      let y: string;
      if (isFloat(m.et)) y = this.emit(`arith.mulf ${this.emit(`arith.sitofp ${x} : i64 to ${m.et}`)}, ${this.c(this.pick(["0.25", "0.1", "-1.5"]), m.et)} : ${m.et}`);
      else y = m.et === "i64" ? x : this.emit(`arith.trunci ${x} : i64 to ${m.et}`);
      this.line(`memref.store ${y}, ${m.v}[${ivs.join(", ")}] : ${m.ty}`);
    });
  }
  /** An scf.for nest over every element of `m`, `body` emitted in the innermost loop with the indices. */
  private everyElement(m: Mem, body: (ivs: string[]) => void): void {
    const c0 = this.c(0, "index"), c1 = this.c(1, "index");
    const ivs: string[] = [];
    const open = (d: number): void => {
      const iv = this.v("i"); ivs.push(iv);
      this.line(`scf.for ${iv} = ${c0} to ${m.dims[d]} step ${c1} {`);
      const lines = this.region(() => (d + 1 < m.sizes.length ? open(d + 1) : body(ivs)));
      this.lines.push(...lines, `${this.indent}}`);
    };
    open(0);
  }
  /** A cast to a dynamic shape or a (strided, maybe rank-reducing) subview of an allocation. */
  view(): void {
    const m = this.pick(this.mems.filter((x) => x.base));
    const elem = m.et;
    if (m.sizes.length === 1 && this.r() < 0.3) {
      const ty = `memref<?x${elem}>`;
      this.mems.push({ ...m, v: this.emit(`memref.cast ${m.v} : ${m.ty} to ${ty}`), ty, base: false });
      return;
    }
    if (m.sizes.length === 1) {
      const S = m.sizes[0], s = this.r() < 0.7 ? 1 : 2;
      const len = 1 + this.int(Math.floor((S - 1) / s) + 1), maxOff = S - 1 - (len - 1) * s;
      const dynOff = this.r() < 0.5;
      const off = dynOff ? this.emit(`arith.remui ${this.idx()}, ${this.c(maxOff + 1, "index")} : index`) : String(this.int(maxOff + 1));
      const ty = `memref<${len}x${elem}, strided<[${s}], offset: ${dynOff ? "?" : off}>>`;
      const v = this.emit(`memref.subview ${m.v}[${off}] [${len}] [${s}] : ${m.ty} to ${ty}`);
      this.mems.push({ v, et: elem, ty, sizes: [len], dims: [this.c(len, "index")], unit: s === 1, base: false });
      return;
    }
    const [R, C] = m.sizes, rl = 1 + this.int(R), cl = 1 + this.int(C);
    const o0 = this.emit(`arith.remui ${this.idx()}, ${this.c(R - rl + 1, "index")} : index`);
    const o1 = this.emit(`arith.remui ${this.idx()}, ${this.c(C - cl + 1, "index")} : index`);
    const rowStride = m.ty.includes("x?x") ? "?" : String(C);
    const reduce = rl === 1 && this.r() < 0.5;
    const ty = reduce ? `memref<${cl}x${elem}, strided<[1], offset: ?>>` : `memref<${rl}x${cl}x${elem}, strided<[${rowStride}, 1], offset: ?>>`;
    const v = this.emit(`memref.subview ${m.v}[${o0}, ${o1}] [${rl}, ${cl}] [1, 1] : ${m.ty} to ${ty}`);
    const sizes = reduce ? [cl] : [rl, cl];
    this.mems.push({ v, et: elem, ty, sizes, dims: sizes.map((s) => this.c(s, "index")), unit: true, base: false });
  }
  /** In-bounds indices for m (the last one leaves room for `lanes` elements). */
  indices(m: Mem, lanes = 1): string[] {
    return m.dims.map((dim, d) => {
      const room = d === m.dims.length - 1 && lanes > 1 ? this.emit(`arith.subi ${dim}, ${this.c(lanes - 1, "index")} : index`) : dim;
      return this.emit(`arith.remui ${this.idx()}, ${room} : index`);
    });
  }
  /** Affine subscripts of m: expressions of enclosing affine ivs and symbols, mod its sizes. */
  affineIndices(m: Mem): string {
    return m.sizes.map((size) => {
      const terms: string[] = [];
      for (const d of this.adims) if (this.r() < 0.6) terms.push(`${d} * ${this.int(7) - 3}`);
      if (this.r() < 0.4) terms.push(`symbol(${this.pick(this.syms)})`);
      const e = `${terms.join(" + ") || "0"} + ${this.int(9)}`;
      return `(${this.r() < 0.3 ? `(${e}) ${this.pick(["floordiv 2", "ceildiv 3"])}` : e}) mod ${size}`;
    }).join(", ");
  }
  load(): void {
    const m = this.pick(this.mems);
    const r = this.r() < 0.4 ? this.emit(`affine.load ${m.v}[${this.affineIndices(m)}] : ${m.ty}`)
      : this.emit(`memref.load ${m.v}[${this.indices(m).join(", ")}] : ${m.ty}`);
    this.add(m.et, r);
  }
  store(): void {
    const m = this.pick(this.mems), x = this.any(m.et);
    if (this.r() < 0.4) this.line(`affine.store ${x}, ${m.v}[${this.affineIndices(m)}] : ${m.ty}`);
    else { const ix = this.indices(m); this.line(`memref.store ${x}, ${m.v}[${ix.join(", ")}] : ${m.ty}`); }
  }

  /** Calls a new helper that reads m[i mod size] and stores x at another index (its sizes from
   * memref.dim, whatever the layout); the read value comes back. */
  call(): void {
    const m = this.pick(this.mems), x = this.any(m.et), h = `@${this.name}_h${this.helpers.length}`;
    const ix = (k: number, off: number) => m.sizes.map((_, d) => `
    %d${k}_${d} = memref.dim %m, %c${d} : ${m.ty}
    %s${k}_${d} = arith.addi %i, %c${off + d} : index
    %j${k}_${d} = arith.remui %s${k}_${d}, %d${k}_${d} : index`).join("");
    const at = (k: number) => m.sizes.map((_, d) => `%j${k}_${d}`).join(", ");
    this.helpers.push(`  func.func ${h}(%m: ${m.ty}, %i: index, %x: ${m.et}) -> ${m.et} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index${ix(0, 0)}
    %r = memref.load %m[${at(0)}] : ${m.ty}${ix(1, 1)}
    memref.store %x, %m[${at(1)}] : ${m.ty}
    return %r : ${m.et}
  }`);
    this.add(m.et, this.emit(`func.call ${h}(${m.v}, ${this.idx()}, ${x}) : (${m.ty}, index, ${m.et}) -> ${m.et}`));
  }

  // --- vectors ---
  vec(et = this.pick(VELEMS), n = lanes(et, this.pick([1, 1, 2, 4]))): Vec {
    const have = this.vecs().filter((x) => x.et === et && x.n === n);
    if (have.length && this.r() < 0.6) return this.pick(have);
    const t = vty({ et, n });
    const mems = this.mems.filter((m) => m.et === et && m.unit && m.sizes[m.sizes.length - 1] >= n);
    // (Wider vectors are split for the wasm engine, but not through transfers: documented.)
    const how = this.pick(["broadcast", "splat", "const", "load", ...Array<string>(2).fill(n * WIDTH[et] === 128 ? "transfer" : "load")]);
    let v: string;
    if ((how === "load" || how === "transfer") && mems.length) {
      const m = this.pick(mems);
      if (how === "load") v = this.emit(`vector.load ${m.v}[${this.indices(m, n).join(", ")}] : ${m.ty}, ${t}`);
      else { const x = this.transfer(m, n); v = this.emit(`vector.transfer_read ${m.v}[${x.ix.join(", ")}], ${this.any(et)}${x.mask}${x.attrs} : ${m.ty}, ${t}`); }
    } else if (how === "const") {
      const lit = (k: number) => (isFloat(et) ? this.pick(["0.0", "-0.0", "1.5", "-2.0", "0.1", "1.0e+30"]) : String(this.pick([0, 1, -1, 7, -100, 127, k])));
      const lits = Array.from({ length: n }, (_, k) => lit(k));
      // MLIR 19 translates an all-zero float constant (as vector-to-scf makes for a column
      // transfer_write) to zeroinitializer, losing -0.0 (llvm-project#160437, fixed upstream by #160713).
      if (lits.every((x) => /^-?0(\.0)?$/.test(x)) && isFloat(et)) lits[0] = "1.5";
      v = this.emit(`arith.constant dense<[${lits.join(", ")}]> : ${t}`);
    } else if (how === "splat") v = this.emit(`vector.splat ${this.any(et)} : ${t}`);
    else v = this.emit(`vector.broadcast ${this.any(et)} : ${et} to ${t}`);
    const x = { v, et, n, w: WIDTH[et] };
    this.scope.vecs.push(x);
    return x;
  }
  /** Indices, mask and attributes of an n-lane transfer on m, along its last dimension or down
   * a column: lanes past the end (or masked off) read the padding or are not written. */
  transfer(m: Mem, n: number): { ix: string[]; mask: string; attrs: string } {
    const column = m.sizes.length === 2 && this.r() < 0.3, d = column ? 0 : m.sizes.length - 1;
    const inb = !column && m.sizes[d] >= n && this.r() < 0.3;
    const ix = m.dims.map((dim, k) => {
      const room = k !== d ? dim : inb ? this.emit(`arith.subi ${dim}, ${this.c(n - 1, "index")} : index`)
        : this.emit(`arith.addi ${dim}, ${this.c(1, "index")} : index`);
      return this.emit(`arith.remui ${this.idx()}, ${room} : index`);
    });
    const masks = this.vecs().filter((x) => x.et === "i1" && x.n === n && x.w === WIDTH[m.et]);
    const attrs = [column ? "permutation_map = affine_map<(d0, d1) -> (d0)>" : "", inb ? "in_bounds = [true]" : ""].filter(Boolean);
    return { ix, mask: masks.length && this.r() < 0.4 ? `, ${this.pick(masks).v}` : "", attrs: attrs.length ? ` {${attrs.join(", ")}}` : "" };
  }
  dense(x: number | string, a: Vec): string { return this.c(`dense<${x}>`, vty(a) as Ty); }
  vectorOp(): void {
    const a = this.vec(), t = vty(a), b = this.vec(a.et, a.n);
    const push = (v: string, et = a.et) => { this.scope.vecs.push({ v, et, n: a.n, w: et === "i1" ? a.w : WIDTH[et] }); };
    const k = this.int(14);
    if (k < 2) { // a scalar out
      const kind = this.pick(isFloat(a.et) ? FKINDS : IKINDS);
      const acc = this.r() < 0.4 ? `, ${this.any(a.et)}` : "";
      this.add(a.et, this.canonicalZero(kind, this.emit(`vector.reduction <${kind}>, ${a.v}${acc} : ${t} into ${a.et}`), a.et));
    } else if (k === 2) this.add(a.et, this.emit(`vector.extract ${a.v}[${this.int(a.n)}] : ${a.et} from ${t}`));
    else if (k === 3) push(this.emit(`vector.insert ${this.any(a.et)}, ${a.v} [${this.int(a.n)}] : ${a.et} into ${t}`));
    else if (k === 4) { // element type conversion
      // (Casts changing the vector's width are a documented wasm compile error.)
      const to = this.pick(VELEMS.filter((e) => e !== a.et && WIDTH[e] === WIDTH[a.et]));
      if (!to) return;
      let x = a.v, op = isFloat(to) ? this.pick(["sitofp", "uitofp"]) : "fptosi";
      if (op === "fptosi") { // only inside (-100, 100), else 0
        const m = `vector<${a.n}xi1>`;
        const ok = this.emit(`arith.andi ${this.emit(`arith.cmpf olt, ${x}, ${this.dense("1.0e+02", a)} : ${t}`)}, ${this.emit(`arith.cmpf ogt, ${x}, ${this.dense("-1.0e+02", a)} : ${t}`)} : ${m}`);
        x = this.emit(`arith.select ${ok}, ${x}, ${this.dense("0.0", a)} : ${m}, ${t}`);
      }
      push(this.emit(`arith.${op} ${x} : ${t} to ${vty({ et: to, n: a.n })}`), to);
    } else if (k === 5) { // select on a compare
      const m = isFloat(a.et) ? this.cmpf(t, a.v, b.v) : this.cmpi(t, a.v, b.v);
      push(m, "i1");
      push(this.emit(`arith.select ${m}, ${a.v}, ${b.v} : vector<${a.n}xi1>, ${t}`));
    } else if (k === 12 && a.n * WIDTH[a.et] === 128) { // masks: logic, reductions, a select by one from elsewhere (carried, say)
      const ms = this.vecs().filter((x) => x.et === "i1" && x.n === a.n && x.w === a.w), mt = `vector<${a.n}xi1>`;
      if (!ms.length) { push(this.emit(`vector.broadcast ${this.any("i1")} : i1 to ${mt}`), "i1"); return; }
      const m = this.pick(ms).v, u = this.r();
      if (u < 0.3) push(this.emit(`arith.${this.pick(["andi", "ori", "xori"])} ${m}, ${this.pick(ms).v} : ${mt}`), "i1");
      else if (u < 0.6) this.add("i1", this.emit(`vector.reduction <${this.pick(["and", "or", "xor", "add", "maxui", "minsi"])}>, ${m} : ${mt} into i1`));
      else push(this.emit(`arith.select ${m}, ${a.v}, ${b.v} : ${mt}, ${t}`));
    } else if (k === 13) { // one condition for all lanes
      push(this.emit(`arith.select ${this.any("i1")}, ${a.v}, ${b.v} : ${t}`));
    } else if (isFloat(a.et)) {
      const op = this.pick(["addf", "subf", "mulf", "divf", "remf", "maximumf", "minimumf", "maxnumf", "minnumf", "fma", "fma", "negf", "sqrt", "absf", "floor", "ceil"]);
      if (op === "fma") push(this.emit(`vector.fma ${a.v}, ${b.v}, ${this.vec(a.et, a.n).v} : ${t}`));
      else if (op === "negf") push(this.emit(`arith.negf ${a.v} : ${t}`));
      else if (["sqrt", "absf", "floor", "ceil"].includes(op)) push(this.emit(`math.${op} ${a.v} : ${t}`));
      else push(this.canonicalZero(op, this.emit(`arith.${op} ${a.v}, ${b.v} : ${t}`), t));
    } else {
      const op = this.pick(["addi", "subi", "muli", "andi", "ori", "xori", "maxsi", "minsi", "maxui", "minui", "shli", "shrsi", "shrui",
        "divsi", "divui", "remsi", "remui"]);
      const rhs = op.startsWith("sh") ? this.emit(`arith.andi ${b.v}, ${this.dense(WIDTH[a.et] - 1, a)} : ${t}`)
        : op.startsWith("div") || op.startsWith("rem") // nonzero and positive
          ? this.emit(`arith.ori ${this.emit(`arith.andi ${b.v}, ${this.dense(a.et === "i8" ? 63 : 1023, a)} : ${t}`)}, ${this.dense(1, a)} : ${t}`) : b.v;
      push(this.emit(`arith.${op} ${a.v}, ${rhs} : ${t}`));
    }
  }
  vectorStore(): void {
    const m = this.pick(this.mems);
    const ns = [1, 2].map((k) => lanes(m.et, k)).filter((n) => n <= m.sizes[m.sizes.length - 1]);
    if (!m.unit || m.et === "i1" || !ns.length) return;
    const n = this.pick(ns);
    const a = this.vec(m.et, n), t = vty(a);
    if (this.r() < 0.5 || n * WIDTH[m.et] > 128) { this.line(`vector.store ${a.v}, ${m.v}[${this.indices(m, n).join(", ")}] : ${m.ty}, ${t}`); return; }
    const x = this.transfer(m, n);
    this.line(`vector.transfer_write ${a.v}, ${m.v}[${x.ix.join(", ")}]${x.mask}${x.attrs} : ${t}, ${m.ty}`);
  }
  /** Prints a vector lane by lane (vector.print's lowering would redeclare @printI64). */
  printVec(): void {
    const a = this.pick(this.vecs());
    if (!a) return;
    for (let k = 0; k < a.n; k++) this.print(this.emit(`vector.extract ${a.v}[${k}] : ${a.et} from ${vty(a)}`), a.et);
  }

  // --- control flow ---
  carried(): Carried[] {
    return Array.from({ length: this.int(3) }, () => {
      const vs = this.vecs();
      return this.vectors && vs.length && this.r() < 0.25 ? { vec: this.pick(vs) } : { t: this.pick(SCALARS) };
    });
  }
  /** The most recent visible value of c's type (the block's own when it made one). */
  latest(c: Carried): string {
    for (let s: Scope | undefined = this.scope; s; s = s.up) {
      const vs = "t" in c ? s.vals.get(c.t) ?? [] : s.vecs.filter((x) => x.et === c.vec.et && x.n === c.vec.n && x.w === c.vec.w).map((x) => x.v);
      if (vs.length) return this.r() < 0.7 ? vs[vs.length - 1] : this.pick(vs);
    }
    throw new Error(`no value of type ${carriedTy(c)}`);
  }
  bind(c: Carried, v: string): void { if ("t" in c) this.add(c.t, v); else this.scope.vecs.push({ ...c.vec, v }); }
  /** `%r` or `%r:n` and the names of its results. */
  results(n: number): [string, string[]] {
    const r = this.v("r");
    return [n === 0 ? "" : `${r}${n > 1 ? `:${n}` : ""} = `, n === 1 ? [r] : Array.from({ length: n }, (_, k) => `${r}#${k}`)];
  }
  yieldOf(op: string, cs: Carried[]): void {
    const vs = cs.map((c) => this.latest(c));
    this.line(cs.length ? `${op} ${vs.join(", ")} : ${cs.map(carriedTy).join(", ")}` : op);
  }
  loop(fuel: number, affine: boolean): void {
    const cs = this.carried(), inits = cs.map((c) => this.latest(c));
    const iv = this.v("i"), args = cs.map(() => this.v("a"));
    let header: string, ivTy: Ty = "index";
    if (affine) {
      const lb = this.adims.length && this.r() < 0.4 ? `affine_map<(d0) -> (d0 + ${this.int(2)})>(${this.pick(this.adims)})` : String(this.int(3));
      const u = this.r(), sym = this.pick(this.syms);
      const ub = u < 0.3 ? this.indexParam(this.int(10))
        : u < 0.5 && this.adims.length ? `min affine_map<(d0)[s0] -> (d0 + 3, s0)>(${this.pick(this.adims)})[${sym}]`
        : u < 0.6 ? `min affine_map<()[s0] -> (s0, 7)>()[${sym}]` : String(this.int(11));
      header = `affine.for ${iv} = ${lb} to ${ub} step ${1 + this.int(3)}`;
    } else {
      ivTy = this.r() < 0.2 ? this.pick(["i8", "i16", "i32", "i64"] as Ty[]) : "index";
      const bound = (v: number) => (ivTy === "index" && this.r() < 0.4 ? this.indexParam(v) : this.c(v, ivTy));
      const lb = ivTy === "index" ? this.int(3) : this.int(6) - 3;
      header = `scf.for ${iv} = ${bound(lb)} to ${bound(this.int(11))} step ${bound(1 + this.int(3))}`;
    }
    const iter = (cs.length ? ` iter_args(${args.map((a, k) => `${a} = ${inits[k]}`).join(", ")}) -> (${cs.map(carriedTy).join(", ")})` : "")
      + (ivTy === "index" ? "" : ` : ${ivTy}`);
    const body = this.region(() => {
      this.add(ivTy, iv);
      if (affine) this.adims.push(iv);
      cs.forEach((c, k) => this.bind(c, args[k]));
      this.block(fuel);
      this.yieldOf(affine ? "affine.yield" : "scf.yield", cs);
      if (affine) this.adims.pop();
    });
    const [lhs, rs] = this.results(cs.length);
    this.line(`${lhs}${header}${iter} {`);
    this.lines.push(...body, `${this.indent}}`);
    cs.forEach((c, k) => this.bind(c, rs[k]));
  }
  ifOp(fuel: number): void {
    const cs = this.carried();
    const t = this.pick(SCALARS);
    const cond = t === "i1" ? this.any("i1") : isFloat(t) ? this.cmpf(t, this.any(t), this.any(t)) : this.cmpi(t, this.any(t), this.any(t));
    const arm = () => this.region(() => { this.block(fuel); if (cs.length) this.yieldOf("scf.yield", cs); });
    const then = arm(), other = cs.length || this.r() < 0.5 ? arm() : undefined;
    const [lhs, rs] = this.results(cs.length);
    this.line(`${lhs}scf.if ${cond}${cs.length ? ` -> (${cs.map(carriedTy).join(", ")})` : ""} {`);
    this.lines.push(...then);
    if (other) this.lines.push(`${this.indent}} else {`, ...other);
    this.lines.push(`${this.indent}}`);
    cs.forEach((c, k) => this.bind(c, rs[k]));
  }
  /** affine.if on a set of the enclosing affine ivs and a symbol, maybe with results. */
  affineIf(fuel: number): void {
    const cs = this.carried(), d = this.pick(this.adims), sym = this.pick(this.syms);
    const set = this.pick(["d0 - s0 >= 0", "d0 - 3 == 0", "s0 - d0 * 2 - 1 >= 0, d0 >= 0", "d0 mod 2 == 0"]);
    const arm = () => this.region(() => { this.block(fuel); if (cs.length) this.yieldOf("affine.yield", cs); });
    const then = arm(), other = cs.length || this.r() < 0.5 ? arm() : undefined;
    const [lhs, rs] = this.results(cs.length);
    this.line(`${lhs}affine.if affine_set<(d0)[s0] : (${set})>(${d})[${sym}]${cs.length ? ` -> (${cs.map(carriedTy).join(", ")})` : ""} {`);
    this.lines.push(...then);
    if (other) this.lines.push(`${this.indent}} else {`, ...other);
    this.lines.push(`${this.indent}}`);
    cs.forEach((c, k) => this.bind(c, rs[k]));
  }
  block(fuel: number): void {
    while (fuel > 0) {
      const k = this.int(20);
      fuel--;
      if (k < 5) this.scalarOp();
      else if (k < 7) this.load();
      else if (k < 9) { if (this.r() < 0.15) this.call(); else this.store(); }
      else if (k < 12 && this.vectors) this.vectorOp();
      else if (k < 13 && this.vectors) { this.vectorStore(); if (this.r() < 0.5) this.vectorStore(); }
      else if (k < 14 && this.depth < 2) {
        if (this.vectors && this.r() < 0.3) this.printVec();
        else { const t = this.pick(SCALARS); this.print(this.any(t), t, this.r() < 0.3); }
      } else if (k < 17 && this.depth < 3) {
        const sub = Math.min(fuel, 2 + this.int(6));
        fuel -= sub;
        this.loop(sub, this.r() < 0.5);
      } else if (k < 19 && this.depth < 3) {
        const sub = Math.min(fuel, 1 + this.int(4));
        fuel -= sub;
        if (this.adims.length && this.r() < 0.4) this.affineIf(sub); else this.ifOp(sub);
      } else this.indexOp();
    }
  }
  /** Prints every allocation's elements. */
  printMems(): void {
    for (const m of this.mems.filter((x) => x.base)) {
      this.everyElement(m, (ivs) => this.print(this.emit(`memref.load ${m.v}[${ivs.join(", ")}] : ${m.ty}`), m.et));
    }
  }
}

/** A module whose @main calls `functions` random functions with their random parameters. */
export function loopProgram(seed: number, opts: LoopGenOptions = {}): string {
  const r = rng(seed);
  const fns: string[] = [], calls: string[] = [];
  for (let f = 0; f < (opts.functions ?? 3); f++) {
    const g = new LoopGen(r, opts.vectors ?? true, `f${f}`);
    for (const t of SCALARS) g.add(t, t === "index" ? g.indexParam(g.int(12)) : isFloat(t) ? g.floatConst(t) : g.intConst(t));
    g.add("index", g.indexParam(g.int(12)));
    for (let k = 1 + g.int(3); k > 0; k--) g.alloc();
    for (let k = g.int(3); k > 0; k--) g.view();
    g.block(opts.fuel ?? 24);
    for (const t of SCALARS) g.print(g.latest({ t }), t);
    g.printMems();
    const [fn, call] = callable(g, f);
    fns.push(...g.helpers, fn);
    calls.push(...call);
  }
  return moduleOf(["printI64(i64)", "printF32(f32)", "printF64(f64)", "printNewline()"], fns, calls);
}
