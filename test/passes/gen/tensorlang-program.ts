// Seeded random programs in the tensorlang dialect: constants (halves in [-2, 2], small integers:
// exact in every element type) chained through random ops with compatible shapes, each linear
// value used exactly once (a copy where it is reused), every linear value left at the end
// printed. Some values have builtin `tensor<...>` types (any number of uses), some dimensions are
// `?` or one of the program's symbolic names (each name has one size per program, as the language
// requires); `main` sometimes calls a helper that takes and returns linear tensors, and carries a
// tensor through an scf.for. The generator remembers where each linear value is defined and used,
// so a test can drop or duplicate a use.
import { Rng } from "../../../src/optimizer/random.js";

type Dim = number | string;
/** A line of a function body; its object identity survives insertions (mutations). */
export interface Line { text: string }
export type Elem = "f32" | "f64" | "i32" | "i64";
/** A tensor value: its type (dims) and the sizes it has at run time (shape); no `def`: a block argument. */
export interface Val { name: string; elem: Elem; dims: Dim[]; shape: number[]; linear: boolean; def?: Line; fn: Fn; use?: Line; inLoop?: boolean }
export interface Fn { header: string; body: Line[] }

const dimStr = (d: Dim) => (typeof d === "number" ? String(d) : d === "?" ? "?" : `"${d}"`);
export function typeOf(v: Pick<Val, "elem" | "dims" | "linear">): string {
  if (v.linear) return `!tensorlang.tensor<${[v.elem, ...v.dims.map(dimStr)].join(", ")}>`;
  return `tensor<${v.dims.map((d) => `${typeof d === "number" ? d : "?"}x`).join("")}${v.elem}>`;
}
const builtinOf = (shape: number[], elem: string) => `tensor<${shape.map((s) => `${s}x`).join("")}${elem}>`;
const prod = (xs: number[]) => xs.reduce((a, b) => a * b, 1);

const FLOAT_UNARY = ["exp", "tanh", "log", "sqrt", "rsqrt", "neg", "sigmoid"];
export const isFloat = (e: Elem) => e.startsWith("f");

export class TensorlangProgram {
  readonly r: Rng;
  /** The program's symbolic names and their sizes. */
  readonly sym: Record<string, number>;
  readonly fns: Fn[] = [];
  readonly vals: Val[] = [];
  private next = 0;
  private helpers = 0;

  /**
   * `fault`: one size a `?` leaves open is wrong at run time (an elementwise operand, or a static
   * result size of matmul, transpose or a reduction), so the program must stop there.
   */
  constructor(seed: number, private fault = false, steps = 6 + (seed % 8)) {
    this.r = new Rng(seed);
    const [n, m] = this.r.pick([["n", "m"], ["seq_len", "B"], ["_d0", "n"]]);
    this.sym = { [n]: 1 + this.r.int(5), [m]: 1 + this.r.int(5) };
    const main: Fn = { header: "func.func @main() {", body: [] };
    this.fns.push(main);
    const live: Val[] = [];
    const elem = this.elem();
    for (let k = 1 + this.r.int(2); k > 0; k--) live.push(this.constant(main, elem, this.newDims(1 + this.r.int(3))));
    this.chain(main, live, steps, true);
    for (const v of live) if (v.linear || this.r.int(3) === 0) this.print(main, v);
    main.body.push({ text: "return" });
  }

  text(): string {
    return this.fns.map((f) => `${f.header}\n${f.body.map((l) => `  ${l.text}`).join("\n")}\n}\n`).join("");
  }

  // ---- values and dimensions

  private int(n: number): number { return this.r.int(n); }
  private fresh(): string { return `%v${this.next++}`; }
  private chance(k: number): boolean { return this.int(k) === 0; }

  /** Dims for a new tensor: mostly static sizes 1..5, sometimes `?` or a symbolic name. */
  private newDims(rank: number): { dims: Dim[]; shape: number[] } {
    const dims: Dim[] = [], shape: number[] = [];
    for (let i = 0; i < rank; i++) {
      const k = this.int(10);
      if (k < 7) { const s = 1 + this.int(5); dims.push(s); shape.push(s); }
      else if (k < 8) { dims.push("?"); shape.push(1 + this.int(5)); }
      else { const n = this.r.pick(Object.keys(this.sym)); dims.push(n); shape.push(this.sym[n]); }
    }
    return { dims, shape };
  }

  /** A result dim for an operand dim `d` of size `s`: usually the same, sometimes weaker or stronger (all valid). */
  private resultDim(d: Dim, s: number): Dim {
    if (d === "?" && this.injectFault()) return s % 5 + 1;
    if (!this.chance(6)) return d;
    if (d !== "?") return "?";
    const named = Object.keys(this.sym).filter((n) => this.sym[n] === s);
    return named.length && this.chance(2) ? this.r.pick(named) : s;
  }

  /** Whether to make the one wrong size now (then no more). */
  private injectFault(): boolean {
    if (!this.fault) return false;
    this.fault = false;
    return true;
  }

  /** Defines `v` (and records it); builtin values have symbolic sizes as `?`. */
  private define(fn: Fn, line: Line, v: Omit<Val, "fn" | "def">): Val {
    const val: Val = { ...v, dims: v.linear ? v.dims : v.dims.map((d) => (typeof d === "number" ? d : "?")), fn, def: line };
    this.vals.push(val);
    return val;
  }

  /** Mostly f32; i32, f64 and i64 too. */
  private elem(): Elem { return this.r.pick(["f32", "f32", "f32", "f32", "i32", "i32", "f64", "i64"] as const); }

  /**
   * Halves in [-2, 2] or integers in [-4, 4], now and then an integer type's extreme (overflow
   * wraps); sometimes a splat. An integer divisor is neither 0 (a trap) nor -1 (MIN / -1 traps).
   */
  private literal(shape: number[], elem: Elem, nonzero = false): string {
    const bits = elem === "i64" ? 63n : 31n, extremes = [String((1n << bits) - 1n), String(-(1n << bits))];
    const int = () => (nonzero ? this.r.pick(["-4", "-3", "-2", "1", "2", "3", "4"]) : this.chance(12) ? this.r.pick(extremes) : String(this.int(9) - 4));
    const leaf = () => (isFloat(elem) ? (this.int(9) / 2 - 2).toFixed(1) : int());
    if (this.chance(8)) return `dense<${leaf()}>`;
    const go = (i: number): string => (i === shape.length ? leaf() : `[${Array.from({ length: shape[i] }, () => go(i + 1)).join(", ")}]`);
    return `dense<${go(0)}>`;
  }

  constant(fn: Fn, elem: Elem, d: { dims: Dim[]; shape: number[] }, linear = !this.chance(5), nonzero = false): Val {
    const line: Line = { text: "" };
    const v = this.define(fn, line, { name: this.fresh(), elem, ...d, linear });
    const lit = this.literal(d.shape, elem, nonzero), t = typeOf(v);
    const staticLinear = linear && v.dims.every((x) => typeof x === "number");
    line.text = `${v.name} = tensorlang.constant ${lit} : ${staticLinear ? t : `${builtinOf(d.shape, elem)}${t === builtinOf(d.shape, elem) ? "" : ` : ${t}`}`}`;
    fn.body.push(line);
    return v;
  }

  /** Marks a use of `v` on `line` (linear values leave the live list). */
  private use(live: Val[], v: Val, line: Line): string {
    if (v.linear) { live.splice(live.indexOf(v), 1); v.use = line; }
    return v.name;
  }

  private print(fn: Fn, v: Val, live: Val[] = [v]): void {
    const line: Line = { text: "" };
    line.text = `tensorlang.print ${this.use(live, v, line)} : ${typeOf(v)}`;
    fn.body.push(line);
  }

  // ---- ops

  /** `steps` random ops over `live`; values they make join it. */
  private chain(fn: Fn, live: Val[], steps: number, allowCall: boolean): void {
    for (let s = 0; s < steps && live.length; s++) {
      const a = this.r.pick(live);
      const f = isFloat(a.elem);
      const rank = a.dims.length;
      // [weight, applies, make]: only ops that apply to `a` are drawn, so rank-2 ops are not starved.
      const ops: [number, boolean, () => void][] = [
        [3, true, () => this.binary(fn, live, a, this.r.pick(["add", "sub", "mul", "div", "max"]))],
        [2, true, () => this.unary(fn, live, a, this.r.pick(f ? ["relu", "abs", ...FLOAT_UNARY] : ["relu", "abs"]))],
        [3, rank === 2, () => this.matmul(fn, live, a)],
        [1, true, () => this.unaryTo(fn, live, a, "transpose")],
        [2, rank >= 1, () => this.unaryTo(fn, live, a, this.r.pick(f ? ["reduce_sum", "reduce_max", "reduce_mean"] : ["reduce_sum", "reduce_max"]))],
        [1, f && rank >= 1, () => this.softmax(fn, live, a)],
        [1, rank <= 2, () => this.unaryTo(fn, live, a, "broadcast")],
        [1, rank >= 1, () => this.unaryTo(fn, live, a, "reshape")],
        [2, true, () => this.copy(fn, live, a)],
        [1, true, () => this.print(fn, a, live)],
        [1, true, () => live.push(this.constant(fn, this.elem(), this.newDims(this.int(4))))],
        [1, true, () => this.checkSymbol(fn)],
        [1, allowCall, () => this.call(live)],
        [1, true, () => this.loop(fn, live, a)],
      ];
      const open = ops.filter(([, ok]) => ok);
      let k = this.int(open.reduce((t, [w]) => t + w, 0));
      for (const [w, , make] of open) { if (k < w) { make(); break; } k -= w; }
    }
  }

  private copy(fn: Fn, live: Val[], a: Val): void {
    const line: Line = { text: "" };
    const [x, y] = [this.fresh(), this.fresh()];
    line.text = `${x}, ${y} = tensorlang.copy ${this.use(live, a, line)} : ${typeOf(a)}`;
    fn.body.push(line);
    // Both results are defined by the one op: the diagnostic for either is at its line.
    for (const name of [x, y]) live.push(this.define(fn, line, { ...a, name, use: undefined }));
  }

  /** `op %a, %b : T` with `%b` another live value of the same type, or a new constant of it. */
  private binary(fn: Fn, live: Val[], a: Val, op: string): void {
    const t = typeOf(a);
    const others = live.filter((v) => typeOf(v) === t && (v !== a || !a.linear) && v.shape.join() === a.shape.join());
    // An integer divisor is a constant without zeros (division by zero traps).
    const intDiv = op === "div" && !isFloat(a.elem);
    const open = a.dims.indexOf("?"), wrong = open >= 0 && this.injectFault();
    const shape = a.shape.map((s, i) => (wrong && i === open ? s % 5 + 1 : s));
    const b = others.length && !intDiv && !wrong && !this.chance(3) ? this.r.pick(others)
      : (() => { const c = this.constant(fn, a.elem, { dims: [...a.dims], shape }, a.linear, intDiv); live.push(c); return c; })();
    const line: Line = { text: "" };
    const [x, y] = [this.use(live, a, line), this.use(live, b, line)];
    const v = this.define(fn, line, { name: this.fresh(), elem: a.elem, dims: [...a.dims], shape: [...a.shape], linear: a.linear });
    line.text = `${v.name} = tensorlang.${op} ${x}, ${y} : ${t}`;
    fn.body.push(line);
    live.push(v);
  }

  private unary(fn: Fn, live: Val[], a: Val, op: string): void {
    const line: Line = { text: "" };
    const x = this.use(live, a, line);
    const v = this.define(fn, line, { name: this.fresh(), elem: a.elem, dims: [...a.dims], shape: [...a.shape], linear: a.linear });
    line.text = `${v.name} = tensorlang.${op} ${x} : ${typeOf(a)}`;
    fn.body.push(line);
    live.push(v);
  }

  private softmax(fn: Fn, live: Val[], a: Val): void {
    const line: Line = { text: "" };
    const x = this.use(live, a, line);
    const v = this.define(fn, line, { name: this.fresh(), elem: a.elem, dims: [...a.dims], shape: [...a.shape], linear: a.linear });
    line.text = `${v.name} = tensorlang.softmax ${x} {axis = ${this.int(a.dims.length)}} : ${typeOf(a)}`;
    fn.body.push(line);
    live.push(v);
  }

  private matmul(fn: Fn, live: Val[], a: Val): void {
    const [k, ks] = [a.dims[1], a.shape[1]];
    const fits = (v: Val) => v.dims.length === 2 && v.elem === a.elem && (v !== a || !a.linear) && v.shape[0] === ks &&
      (v.dims[0] === k || v.dims[0] === "?" || k === "?");
    const others = live.filter(fits);
    let b: Val;
    if (others.length && !this.chance(3)) b = this.r.pick(others);
    else {
      const n = this.newDims(1);
      b = this.constant(fn, a.elem, { dims: [this.chance(4) ? "?" : k, n.dims[0]], shape: [ks, n.shape[0]] });
      live.push(b);
    }
    this.emit(fn, live, [a, b], "matmul", "", [a.dims[0], b.dims[1]], [a.shape[0], b.shape[1]]);
  }

  /** transpose, reductions, broadcast and reshape: `op %a {attrs} : T1 -> T2`. */
  private unaryTo(fn: Fn, live: Val[], a: Val, op: string): void {
    const rank = a.dims.length;
    if (op === "transpose") {
      const perm = rank > 1 && this.chance(2) ? this.shuffle([...Array(rank).keys()]) : [...Array(rank).keys()].reverse();
      const attr = perm.join() === [...Array(rank).keys()].reverse().join() ? "" : ` {perm = array<i64: ${perm.join(", ")}>}`;
      this.emit(fn, live, [a], op, attr, perm.map((i) => a.dims[i]), perm.map((i) => a.shape[i]));
    } else if (op === "broadcast") {
      // An added dim needs a size: static, or symbolic where an argument or earlier value names it.
      const lead = this.newDims(1 + this.int(2)), linear = a.linear && !this.chance(8);
      lead.dims = lead.dims.map((d, i) => (typeof d === "string" && (d === "?" || !linear || !this.named(fn, d)) ? lead.shape[i] : d));
      this.emit(fn, live, [a], op, "", [...lead.dims, ...a.dims], [...lead.shape, ...a.shape], linear);
    } else if (op === "reshape") {
      const shape = this.factor(prod(a.shape));
      // One `?` size at most; a symbolic size is read from the argument or earlier value naming it.
      const unknown = this.chance(3) ? this.int(shape.length) : -1;
      const sym = (s: number) => Object.keys(this.sym).find((n) => this.sym[n] === s && a.linear && this.named(fn, n) && this.chance(2));
      this.emit(fn, live, [a], op, "", shape.map((s, i) => (i === unknown ? "?" : sym(s) ?? s)), shape, a.linear);
    } else {
      const axis = this.int(rank);
      const keep = (_: unknown, i: number) => i !== axis;
      this.emit(fn, live, [a], op, ` {axis = ${axis}}`, a.dims.filter(keep), a.shape.filter(keep));
    }
  }

  /** Emits `%v = tensorlang.op operands attr : types -> result type`; unless `linear` is given, result dims may be weakened and linearity flipped. */
  private emit(fn: Fn, live: Val[], args: Val[], op: string, attr: string, dims: Dim[], shape: number[], linear?: boolean): void {
    const line: Line = { text: "" };
    const names = args.map((a) => this.use(live, a, line));
    const rdims = linear === undefined ? dims.map((d, i) => this.resultDim(d, shape[i])) : dims;
    // A wrong static size (a fault) is the size later ops build on: the program stops here anyway.
    shape = shape.map((s, i) => (typeof rdims[i] === "number" ? rdims[i] as number : s));
    const v = this.define(fn, line, { name: this.fresh(), elem: args[0].elem, dims: rdims, shape, linear: linear ?? (this.chance(8) ? !args[0].linear : args[0].linear) });
    line.text = `${v.name} = tensorlang.${op} ${names.join(", ")}${attr} : ${args.map(typeOf).join(", ")} -> ${typeOf(v)}`;
    fn.body.push(line);
    live.push(v);
  }

  /** A random shape of rank 1..3 with `count` elements. */
  private factor(count: number): number[] {
    const out: number[] = [];
    for (let rest = count, i = 1 + this.int(3); i > 0; i--) {
      const ds = [...Array(rest).keys()].map((x) => x + 1).filter((d) => rest % d === 0);
      const d = i === 1 ? rest : this.r.pick(ds);
      out.push(d);
      rest /= d;
    }
    return out;
  }

  private shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) { const j = this.int(i + 1); [xs[i], xs[j]] = [xs[j], xs[i]]; }
    return xs;
  }

  /** Whether a linear argument of `fn` or a linear value defined in it so far names `n` (where sizes of n are read). */
  private named(fn: Fn, n: Dim): boolean { return this.vals.some((v) => v.fn === fn && !v.inLoop && v.linear && v.dims.includes(n)); }

  /** `symbolic_dim "n"` asserted equal to n's size, where a linear value defined so far names n. */
  private checkSymbol(fn: Fn): void {
    const names = Object.keys(this.sym).filter((n) => this.named(fn, n));
    if (!names.length) return;
    const n = this.r.pick(names), x = this.fresh();
    fn.body.push({ text: `${x} = tensorlang.symbolic_dim "${n}"` }, { text: `${x}c = arith.constant ${this.sym[n]} : index` },
      { text: `${x}ok = arith.cmpi eq, ${x}, ${x}c : index` }, { text: `tensorlang.assert ${x}ok, "${n} is ${this.sym[n]}"` });
  }

  /**
   * `scf.for` (0 to 3 trips) carrying `a` through iter_args, its body a few ops that keep the type
   * (a linear value used once in a loop body must be defined in it, or carried).
   */
  private loop(fn: Fn, live: Val[], a: Val): void {
    const x = this.fresh(), t = typeOf(a), head: Line = { text: "" };
    fn.body.push({ text: `${x}lo = arith.constant 0 : index` }, { text: `${x}hi = arith.constant ${this.int(4)} : index` },
      { text: `${x}st = arith.constant 1 : index` }, head);
    const acc: Val = { ...a, name: `${x}acc`, def: undefined, use: undefined, fn };
    const inner = [acc], first = fn.body.length, known = this.vals.length;
    for (let k = 1 + this.int(2); k > 0; k--) {
      if (isFloat(a.elem) && this.chance(4) && a.dims.length) this.softmax(fn, inner, inner[0]);
      else if (this.chance(2)) this.binary(fn, inner, inner[0], this.r.pick(["add", "sub", "mul", "max"]));
      else this.unary(fn, inner, inner[0], this.r.pick(isFloat(a.elem) ? ["relu", "abs", "tanh", "sigmoid", "neg"] : ["relu", "abs"]));
    }
    const yieldLine: Line = { text: "" };
    yieldLine.text = `scf.yield ${this.use(inner, inner[0], yieldLine)} : ${t}`;
    fn.body.push(yieldLine);
    for (const l of fn.body.slice(first)) l.text = `  ${l.text}`;
    for (const v of this.vals.slice(known)) v.inLoop = true; // not in the function's block: no size is read from them
    fn.body.push({ text: "}" });
    const v = this.define(fn, head, { ...a, name: this.fresh(), use: undefined });
    head.text = `${v.name} = scf.for ${x}i = ${x}lo to ${x}hi step ${x}st iter_args(${acc.name} = ${this.use(live, a, head)}) -> (${t}) {`;
    live.push(v);
  }

  /** A helper taking 1-2 live values (its arguments are linear when they are) and returning 1-2 values. */
  private call(live: Val[]): void {
    const args = this.shuffle([...live]).slice(0, 1 + this.int(2));
    const name = `@h${this.helpers++}`;
    const fn: Fn = { header: "", body: [] };
    this.fns.unshift(fn);
    const params = args.map((a, i) => { const p = this.define(fn, { text: "" }, { ...a, name: `%arg${i}`, use: undefined }); p.def = undefined; return p; });
    const inner = [...params];
    this.chain(fn, inner, 2 + this.int(4), false);
    if (!inner.length) inner.push(this.constant(fn, "f32", this.newDims(1 + this.int(2))));
    const rets = inner.filter((v) => v.linear).slice(0, 1 + this.int(2));
    if (!rets.length) rets.push(inner[0]);
    for (const v of [...inner]) if (v.linear && !rets.includes(v)) this.print(fn, v, inner);
    const ret: Line = { text: "" };
    ret.text = `return ${rets.map((v) => this.use(inner, v, ret)).join(", ")} : ${rets.map(typeOf).join(", ")}`;
    fn.body.push(ret);
    const tys = (vs: Val[]) => vs.map(typeOf).join(", ");
    fn.header = `func.func ${name}(${params.map((p) => `${p.name}: ${typeOf(p)}`).join(", ")}) -> (${tys(rets)}) {`;
    const main = this.fns[this.fns.length - 1];
    const line: Line = { text: "" };
    const argNames = args.map((a) => this.use(live, a, line));
    const results = rets.map((r) => this.define(main, line, { ...r, name: this.fresh(), use: undefined }));
    const base = results[0].name;
    line.text = `${base}${results.length > 1 ? ":2" : ""} = func.call ${name}(${argNames.join(", ")}) : (${tys(args)}) -> (${tys(rets)})`;
    if (results.length > 1) results.forEach((r, i) => { r.name = `${base}#${i}`; });
    main.body.push(line);
    live.push(...results);
  }
}
