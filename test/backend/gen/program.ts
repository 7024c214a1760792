// A generator of random well-formed loop-level programs, for differential testing of the two
// engines (test/backend/differential.test.ts).
//
// The generator is driven by a sequence of choices (natural numbers) rather than by an RNG, in
// the manner of Hypothesis: fast-check generates and shrinks the array, and a shorter array or
// smaller numbers give a simpler program (choice 0 is always the simplest option: stop, take a
// constant, the first op). When the choices run out every further choice is 0.
//
// What a program holds: helper functions @h0..@h2 (scalar parameters, maybe one buffer of
// main's, 0-2 results; each may call the ones before it) and @main (up to three memref.alloc /
// alloca buffers of static 1-D or 2-D shape, printed with printMemref* at the end). Bodies mix
// arith on i1/i32/i64/f32/f64/index (every integer and float binary op, cmpi/cmpf + select,
// casts), math ops, memref and affine loads/stores, scf.for (constant or runtime bounds) /
// affine.for / scf.while with iter_args, scf.if with results, calls and prints, nested up to
// `maxDepth`; the statements a function may execute are bounded (MAX_COST).
//
// Programs are well-formed and free of undefined behaviour by construction:
// - divisors are `(b & mask) | 1` (nonzero, positive: no INT_MIN / -1), shift amounts are
//   masked below the width, `fptosi` operands are clamped into range by maxnumf/minnumf;
// - index values are tracked with an upper bound (always 0 <= v < bound, far below 2^31, so
//   the wasm engine's 32-bit index agrees with MLIR's 64-bit one); memref indices are either
//   provably in bounds or reduced with `arith.remui` by the dimension;
// - every buffer is initialized before use; float values are canonicalized (NaN → one fixed
//   NaN) before they are stored or printed, since NaN sign and payload are not portable;
// - results of transcendental functions (exp, tanh, sin, ...) are "approximate": they may
//   differ in the last bit between libms, so they never reach a comparison, an integer cast or
//   a bit-exact print; they are printed with printF64 (6 significant digits) instead. Every
//   other float is printed as its bit pattern (bitcast to i64), so agreement is bit-exact.
export type Ty = "i1" | "i32" | "i64" | "f32" | "f64" | "index";
type Num = Exclude<Ty, "i1">;
type Elt = "i32" | "i64" | "f32" | "f64";

interface Val {
  name: string;
  ty: Ty;
  /** Derived from a transcendental function: printed approximately, never compared. */
  approx: boolean;
  /** For index values: 0 <= value < bound. */
  bound: number;
}

interface Buf { name: string; elt: Elt; shape: number[]; approx: boolean; alloc: boolean }

interface Helper {
  name: string;
  params: Val[];
  /** A buffer parameter (after the scalars): callers pass a buffer of the same type and kind. */
  buf?: Buf;
  results: { ty: Num; approx: boolean }[];
  cost: number;
}

const INT_TYPES: Num[] = ["i32", "i64"];
const FLOAT_TYPES: Num[] = ["f32", "f64"];
const isFloat = (t: Ty): t is "f32" | "f64" => t === "f32" || t === "f64";
const MAX_INDEX = 1 << 20;
/** Bound on the statements one function executes (loops multiply, calls add the callee's). */
const MAX_COST = 3000;

/** Replays a choice sequence; 0 once it is exhausted. */
export class Choices {
  private i = 0;
  constructor(private readonly xs: readonly number[]) {}
  next(): number { return this.i < this.xs.length ? this.xs[this.i++] : 0; }
  /** An integer in [0, n). */
  below(n: number): number { return n <= 1 ? 0 : this.next() % n; }
  pick<T>(xs: readonly T[]): T { return xs[this.below(xs.length)]; }
  /** True with about `pct` percent probability; false for choice 0. */
  chance(pct: number): boolean { return this.next() % 100 >= 100 - pct; }
}

export interface GenOptions {
  /** Statements per function (fuel), before nesting stops. */
  fuel?: number;
  maxDepth?: number;
  /** Include transcendental math ops (approximate values). */
  transcendentals?: boolean;
}

class FuncGen {
  readonly lines: string[] = [];
  private scope: Val[] = [];
  private affineIvs: Val[] = [];
  private n = 0;
  private indent = "    ";
  /** Product of the trip counts of the enclosing loops. */
  private mult = 1;
  /** Statements this function may execute, at most (bounded by MAX_COST). */
  cost = 0;
  constructor(private readonly g: ProgramGen, private fuel: number, private readonly bufs: Buf[], private readonly callable: Helper[]) {}

  get c(): Choices { return this.g.c; }

  fresh(): string { return `%v${this.n++}`; }
  line(s: string): void { this.lines.push(this.indent + s); }
  def(rhs: string, ty: Ty, approx = false, bound = 0): Val {
    const v: Val = { name: this.fresh(), ty, approx, bound };
    this.line(`${v.name} = ${rhs}`);
    this.scope.push(v);
    return v;
  }
  /** A value defined but not offered to later statements (helper temporaries). */
  tmp(rhs: string, ty: Ty, approx = false, bound = 0): Val {
    const v: Val = { name: this.fresh(), ty, approx, bound };
    this.line(`${v.name} = ${rhs}`);
    return v;
  }
  addParam(v: Val): void { this.scope.push(v); }

  // ---- values -------------------------------------------------------------------------------

  constInt(ty: "i1" | "i32" | "i64"): Val {
    if (ty === "i1") return this.tmp(`arith.constant ${this.c.chance(50)}`, "i1");
    const w = ty === "i32" ? 32 : 64;
    const edge = [0n, 1n, -1n, 2n, 7n, -13n, 100n, (1n << BigInt(w - 1)) - 1n, -(1n << BigInt(w - 1)), 1n << 31n, 123456789n, (1n << 53n) + 1n, 0x1234567890abcdefn];
    const k = this.c.below(edge.length + 2);
    let v: bigint;
    if (k < edge.length) v = BigInt.asIntN(w, edge[k]);
    else if (k === edge.length) v = BigInt.asIntN(w, BigInt(this.c.next()) * 2654435761n - 1000003n);
    else {   // near a float rounding boundary: ±2^a ± 2^b ± small
      const a = this.c.below(w), b = this.c.below(a + 1), small = BigInt(this.c.below(5) - 2);
      v = BigInt.asIntN(w, ((1n << BigInt(a)) + (1n << BigInt(b)) + small) * (this.c.chance(50) ? -1n : 1n));
    }
    return this.tmp(`arith.constant ${v} : ${ty}`, ty);
  }
  constFloat(ty: "f32" | "f64"): Val {
    const lits = ["0.0", "1.0", "-0.0", "-1.5", "0.1", "3.25", "-7.0", "1.0e+10", "1.0e-40", "6.5e+04", "1.0e+30", "inf", "-inf", "nan", "16777217.0", "0.333333343"];
    const k = this.c.below(lits.length + 1);
    let lit = k < lits.length ? lits[k] : ((this.c.next() % 20001) / 64 - 156.25).toExponential(6);
    if (lit === "inf") lit = ty === "f32" ? "0x7F800000" : "0x7FF0000000000000";
    if (lit === "-inf") lit = ty === "f32" ? "0xFF800000" : "0xFFF0000000000000";
    if (lit === "nan") lit = ty === "f32" ? "0x7FC00000" : "0x7FF8000000000000";
    return this.tmp(`arith.constant ${lit} : ${ty}`, ty);
  }
  constIndex(v: number): Val { return this.tmp(`arith.constant ${v} : index`, "index", false, v + 1); }

  /** A value of type `ty` from scope, or a new constant (choice 0). */
  value(ty: Ty, exactOnly = false): Val {
    const cands = this.scope.filter((v) => v.ty === ty && (!exactOnly || !v.approx));
    const k = this.c.below(cands.length + 1);
    if (k > 0) return cands[cands.length - k];   // recent values first
    if (ty === "index") return this.constIndex(this.c.below(16));
    if (ty === "i1") return this.constInt("i1");
    return isFloat(ty) ? this.constFloat(ty) : this.constInt(ty);
  }

  /** One of the most recently defined values (or a constant when there is none). */
  recent(): Val {
    const vs = this.scope.filter((v) => v.ty !== "i1");
    return vs.length > 0 ? vs[vs.length - 1 - this.c.below(Math.min(4, vs.length))] : this.value("i64");
  }

  /** A float with NaN replaced by one fixed NaN (NaN bits are not portable). */
  canon(v: Val): Val {
    if (!isFloat(v.ty)) return v;
    const uno = this.tmp(`arith.cmpf uno, ${v.name}, ${v.name} : ${v.ty}`, "i1");
    const nan = this.tmp(`arith.constant ${v.ty === "f32" ? "0x7FC00000" : "0x7FF8000000000000"} : ${v.ty}`, v.ty);
    return this.tmp(`arith.select ${uno.name}, ${nan.name}, ${v.name} : ${v.ty}`, v.ty, v.approx);
  }

  /** An index in [0, size): a bounded index value, reduced by remui when it may exceed. */
  indexBelow(size: number): Val {
    const v = this.value("index");
    if (v.bound <= size) return v;
    const s = this.constIndex(size);
    return this.tmp(`arith.remui ${v.name}, ${s.name} : index`, "index", false, size);
  }

  // ---- operations ---------------------------------------------------------------------------

  intOp(ty: "i32" | "i64"): Val {
    const ops = ["addi", "subi", "muli", "andi", "ori", "xori", "maxsi", "minsi", "maxui", "minui",
      "divsi", "divui", "remsi", "remui", "ceildivsi", "floordivsi", "shli", "shrsi", "shrui", "select"] as const;
    const op = this.c.pick(ops);
    const a = this.value(ty), b = this.value(ty);
    if (op === "select") {
      const pred = this.c.pick(["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"]);
      const cnd = this.def(`arith.cmpi ${pred}, ${a.name}, ${b.name} : ${ty}`, "i1");
      return this.def(`arith.select ${cnd.name}, ${a.name}, ${b.name} : ${ty}`, ty);
    }
    if (op.startsWith("sh") || op.includes("div") || op.includes("rem")) {
      const shift = op.startsWith("sh");
      const mask = this.tmp(`arith.constant ${shift ? (ty === "i32" ? 31 : 63) : 1023} : ${ty}`, ty);
      let d = this.tmp(`arith.andi ${b.name}, ${mask.name} : ${ty}`, ty);
      if (!shift) {
        const one = this.tmp(`arith.constant 1 : ${ty}`, ty);
        d = this.tmp(`arith.ori ${d.name}, ${one.name} : ${ty}`, ty);
      }
      return this.def(`arith.${op} ${a.name}, ${d.name} : ${ty}`, ty);
    }
    return this.def(`arith.${op} ${a.name}, ${b.name} : ${ty}`, ty);
  }

  floatOp(ty: "f32" | "f64"): Val {
    const ops = ["addf", "subf", "mulf", "divf", "remf", "maximumf", "minimumf", "maxnumf", "minnumf", "negf", "select"] as const;
    const op = this.c.pick(ops);
    if (op === "select") {
      const a = this.value(ty, true), b = this.value(ty, true);
      const pred = this.c.pick(["false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno", "true"]);
      const cnd = this.def(`arith.cmpf ${pred}, ${a.name}, ${b.name} : ${ty}`, "i1");
      const x = this.value(ty), y = this.value(ty);
      return this.def(`arith.select ${cnd.name}, ${x.name}, ${y.name} : ${ty}`, ty, x.approx || y.approx);
    }
    const a = this.value(ty);
    if (op === "negf") return this.def(`arith.negf ${a.name} : ${ty}`, ty, a.approx);
    const b = this.value(ty);
    return this.def(`arith.${op} ${a.name}, ${b.name} : ${ty}`, ty, a.approx || b.approx);
  }

  indexOp(): Val {
    const op = this.c.pick(["addi", "muli", "remui", "divui", "maxui", "minui", "fromint"] as const);
    if (op === "fromint") {
      const ty = this.c.pick(INT_TYPES);
      const x = this.value(ty);
      const mask = this.tmp(`arith.constant 255 : ${ty}`, ty);
      const m = this.tmp(`arith.andi ${x.name}, ${mask.name} : ${ty}`, ty);
      return this.def(`arith.index_cast ${m.name} : ${ty} to index`, "index", false, 256);
    }
    const a = this.value("index");
    if (op === "remui" || op === "divui") {
      const d = this.constIndex(1 + this.c.below(9));
      return this.def(`arith.${op} ${a.name}, ${d.name} : index`, "index", false, op === "remui" ? d.bound - 1 : a.bound);
    }
    const b = this.value("index");
    const bound = op === "addi" ? a.bound + b.bound : op === "muli" ? a.bound * b.bound : Math.max(a.bound, b.bound);
    if (bound > MAX_INDEX) return a;
    return this.def(`arith.${op} ${a.name}, ${b.name} : index`, "index", false, bound);
  }

  mathOp(ty: "f32" | "f64"): Val {
    const exact = ["absf", "sqrt", "floor", "ceil", "trunc", "roundeven", "round", "rsqrt", "copysign", "fma"] as const;
    const approx = ["exp", "tanh", "sin", "cos", "log", "atan", "expm1", "log1p", "cbrt", "exp2", "log2", "log10", "tan", "powf", "atan2"] as const;
    const useApprox = this.g.opts.transcendentals && this.c.chance(40);
    const a = this.value(ty);
    if (!useApprox) {
      const op = this.c.pick(exact);
      if (op === "sqrt" || op === "rsqrt") {
        const abs = this.tmp(`math.absf ${a.name} : ${ty}`, ty, a.approx);
        return this.def(`math.${op} ${abs.name} : ${ty}`, ty, a.approx);
      }
      if (op === "copysign") {
        const b = this.value(ty);
        return this.def(`math.copysign ${a.name}, ${b.name} : ${ty}`, ty, a.approx || b.approx);
      }
      if (op === "fma") {
        const b = this.value(ty), d = this.value(ty);
        return this.def(`math.fma ${a.name}, ${b.name}, ${d.name} : ${ty}`, ty, a.approx || b.approx || d.approx);
      }
      return this.def(`math.${op} ${a.name} : ${ty}`, ty, a.approx);
    }
    const op = this.c.pick(approx);
    if (op === "powf" || op === "atan2") {
      const b = this.value(ty);
      return this.def(`math.${op} ${a.name}, ${b.name} : ${ty}`, ty, true);
    }
    let x = a;
    if (op.startsWith("exp")) {   // keep exp finite-ish: min(x, 20)
      const lim = this.tmp(`arith.constant 2.0e+01 : ${ty}`, ty);
      x = this.tmp(`arith.minnumf ${a.name}, ${lim.name} : ${ty}`, ty, a.approx);
    }
    return this.def(`math.${op} ${x.name} : ${ty}`, ty, true);
  }

  cast(): Val {
    const k = this.c.below(9);
    switch (k) {
      case 0: case 1: {   // sitofp / uitofp
        const from = this.c.pick(INT_TYPES), to = this.c.pick(FLOAT_TYPES);
        const x = this.value(from);
        return this.def(`arith.${k === 0 ? "sitofp" : "uitofp"} ${x.name} : ${from} to ${to}`, to);
      }
      case 2: {   // fptosi / fptoui, clamped into range (NaN → the lower clamp)
        const from = this.c.pick(FLOAT_TYPES), to = this.c.pick(INT_TYPES), unsigned = this.c.chance(30);
        const x = this.value(from, true);
        const lo = this.tmp(`arith.constant ${unsigned ? "0.0" : to === "i32" ? "-2.0e+09" : "-9.0e+18"} : ${from}`, from);
        const hi = this.tmp(`arith.constant ${to === "i32" ? "2.0e+09" : "9.0e+18"} : ${from}`, from);
        const y = this.tmp(`arith.maxnumf ${x.name}, ${lo.name} : ${from}`, from);
        const z = this.tmp(`arith.minnumf ${y.name}, ${hi.name} : ${from}`, from);
        return this.def(`arith.${unsigned ? "fptoui" : "fptosi"} ${z.name} : ${from} to ${to}`, to);
      }
      case 3: { const x = this.value("f32"); return this.def(`arith.extf ${x.name} : f32 to f64`, "f64", x.approx); }
      case 4: { const x = this.value("f64"); return this.def(`arith.truncf ${x.name} : f64 to f32`, "f32", x.approx); }
      case 5: { const x = this.value("i32"); return this.def(`arith.${this.c.chance(50) ? "extui" : "extsi"} ${x.name} : i32 to i64`, "i64"); }
      case 6: { const x = this.value("i64"); return this.def(`arith.trunci ${x.name} : i64 to i32`, "i32"); }
      case 7: { const x = this.value("index"), to = this.c.pick(INT_TYPES); return this.def(`arith.index_cast ${x.name} : index to ${to}`, to); }
      default: { const x = this.value("i1"), to = this.c.pick(INT_TYPES); return this.def(`arith.${this.c.chance(50) ? "extui" : "extsi"} ${x.name} : i1 to ${to}`, to); }
    }
  }

  /** Prints a value exactly (bit pattern) or, if approximate, with printF64. */
  print(v: Val): void {
    if (v.ty === "i1" || v.ty === "i32") {
      const w = this.tmp(`arith.${v.ty === "i1" ? "extui" : "extsi"} ${v.name} : ${v.ty} to i64`, "i64");
      this.line(`func.call @printI64(${w.name}) : (i64) -> ()`);
    } else if (v.ty === "index") {
      const w = this.tmp(`arith.index_cast ${v.name} : index to i64`, "i64");
      this.line(`func.call @printI64(${w.name}) : (i64) -> ()`);
    } else if (v.ty === "i64") {
      this.line(`func.call @printI64(${v.name}) : (i64) -> ()`);
    } else {
      let x = this.canon(v);
      if (x.ty === "f32") x = this.tmp(`arith.extf ${x.name} : f32 to f64`, "f64", x.approx);
      if (v.approx) this.line(`func.call @printF64(${x.name}) : (f64) -> ()`);
      else {
        const bits = this.tmp(`arith.bitcast ${x.name} : f64 to i64`, "i64");
        this.line(`func.call @printI64(${bits.name}) : (i64) -> ()`);
      }
    }
    this.line(`func.call @printNewline() : () -> ()`);
  }

  // ---- memory -------------------------------------------------------------------------------

  bufIndices(b: Buf): Val[] { return b.shape.map((d) => this.indexBelow(d)); }

  store(): void {
    if (this.bufs.length === 0) return;
    const b = this.c.pick(this.bufs);
    let v = this.value(b.elt, !b.approx);
    v = this.canon(v);
    const ix = this.bufIndices(b);
    this.line(`memref.store ${v.name}, ${b.name}[${ix.map((i) => i.name).join(", ")}] : ${memrefType(b)}`);
  }

  load(): void {
    if (this.bufs.length === 0) return;
    const b = this.c.pick(this.bufs);
    const ix = this.bufIndices(b);
    this.def(`memref.load ${b.name}[${ix.map((i) => i.name).join(", ")}] : ${memrefType(b)}`, b.elt, b.approx);
  }

  /** An affine subscript for dimension `size`: iv (+ c) when provably in bounds, else a constant. */
  affineSub(size: number): string {
    const ivs = this.affineIvs.filter((v) => v.bound <= size);
    const k = this.c.below(ivs.length + 1);
    if (k === 0) return String(this.c.below(size));
    const iv = ivs[k - 1];
    const slack = size - iv.bound;
    const off = this.c.below(slack + 1);
    return off === 0 ? iv.name : `${iv.name} + ${off}`;
  }

  affineAccess(): void {
    if (this.bufs.length === 0) return;
    const b = this.c.pick(this.bufs);
    const subs = b.shape.map((d) => this.affineSub(d)).join(", ");
    if (this.c.chance(50)) {
      const v = this.canon(this.value(b.elt, !b.approx));
      this.line(`affine.store ${v.name}, ${b.name}[${subs}] : ${memrefType(b)}`);
    } else {
      this.def(`affine.load ${b.name}[${subs}] : ${memrefType(b)}`, b.elt, b.approx);
    }
  }

  // ---- control flow -------------------------------------------------------------------------

  /** Runs `body` in a nested region: values it defines are not visible afterwards. */
  region<T>(body: () => T): T {
    const saved = this.scope.length, savedIvs = this.affineIvs.length, ind = this.indent;
    this.indent += "  ";
    try { return body(); } finally {
      this.scope.length = saved;
      this.affineIvs.length = savedIvs;
      this.indent = ind;
    }
  }

  /** A loop body run `trip` times. */
  loopRegion<T>(trip: number, body: () => T): T {
    const saved = this.mult;
    this.mult *= Math.max(trip, 1);
    try { return this.region(body); } finally { this.mult = saved; }
  }

  /** Iteration-carried types: index is left out (its bound would grow with the trip count). */
  carriedTypes(): { ty: Num; init: Val }[] {
    const n = this.c.below(3);
    const out: { ty: Num; init: Val }[] = [];
    for (let i = 0; i < n; i++) {
      const ty = this.c.pick(["i32", "i64", "f32", "f64"] as const);
      out.push({ ty, init: this.value(ty) });
    }
    return out;
  }

  /** Yield values for carried types: an exact carried value only takes exact values. */
  yieldVals(carried: { ty: Num; approx: boolean }[]): Val[] {
    return carried.map((c) => this.value(c.ty, !c.approx));
  }

  results(name: string, n: number): string[] {
    return n === 1 ? [name] : Array.from({ length: n }, (_, i) => `${name}#${i}`);
  }

  scfFor(depth: number): void {
    const lb = this.c.below(3), step = 1 + this.c.below(2);
    let trip = this.c.below(5);
    const clb = this.constIndex(lb), cst = this.constIndex(step);
    // The upper bound: a constant, or (not foldable) a bounded index value.
    let cub: Val;
    if (this.c.chance(35)) {
      cub = this.indexBelow(8);
      trip = Math.max(0, Math.ceil((cub.bound - 1 - lb) / step));
    } else {
      cub = this.constIndex(lb + trip * step);
    }
    this.forLoop(depth, trip, "scf", (iv) => `scf.for ${iv} = ${clb.name} to ${cub.name} step ${cst.name}`, (iv) => {
      this.scope.push({ name: iv, ty: "index", approx: false, bound: Math.max(cub.bound - 1, 1) });
    });
  }

  affineFor(depth: number): void {
    const trip = 1 + this.c.below(6);
    this.forLoop(depth, trip, "affine", (iv) => `affine.for ${iv} = 0 to ${trip}`, (iv) => {
      const ivv: Val = { name: iv, ty: "index", approx: false, bound: trip };
      this.scope.push(ivv);
      this.affineIvs.push(ivv);
    }, () => { if (this.bufs.length > 0) this.affineAccess(); });
  }

  /**
   * A counted loop (`head` names the induction variable) carrying 0-2 values: `enter` puts the
   * induction variable in scope, `prologue` runs once the carried values are in scope too.
   */
  forLoop(depth: number, trip: number, dialect: "scf" | "affine", head: (iv: string) => string, enter: (iv: string) => void, prologue?: () => void): void {
    const carried = this.carriedTypes();
    const iv = this.fresh();
    const args = carried.map(() => this.fresh());
    const res = carried.length > 0 ? this.fresh() : "";
    const iter = carried.length > 0 ? ` iter_args(${carried.map((c, i) => `${args[i]} = ${c.init.name}`).join(", ")}) -> (${carried.map((c) => c.ty).join(", ")})` : "";
    this.line(`${res ? `${res}${carried.length > 1 ? `:${carried.length}` : ""} = ` : ""}${head(iv)}${iter} {`);
    const ys = this.loopRegion(trip, () => {
      enter(iv);
      carried.forEach((c, i) => this.scope.push({ name: args[i], ty: c.ty, approx: c.init.approx, bound: 0 }));
      prologue?.();
      this.block(depth + 1);
      const ys = this.yieldVals(carried.map((c) => ({ ty: c.ty, approx: c.init.approx })));
      if (ys.length > 0) this.line(`${dialect}.yield ${ys.map((y) => y.name).join(", ")} : ${carried.map((c) => c.ty).join(", ")}`);
      return ys;
    });
    this.line("}");
    const names = this.results(res, carried.length);
    carried.forEach((c, i) => this.scope.push({ name: names[i], ty: c.ty, approx: c.init.approx || ys[i].approx, bound: 0 }));
  }

  scfIf(depth: number): void {
    const cond = this.c.chance(50) ? this.value("i1") : (() => {
      const ty = this.c.pick(INT_TYPES);
      const a = this.value(ty), b = this.value(ty);
      return this.tmp(`arith.cmpi ${this.c.pick(["slt", "eq", "ne", "ult", "sge"])}, ${a.name}, ${b.name} : ${ty}`, "i1");
    })();
    const n = this.c.below(3);
    const tys: Num[] = Array.from({ length: n }, () => this.c.pick(["i32", "i64", "f32", "f64", "index"] as const));
    const res = n > 0 ? this.fresh() : "";
    this.line(`${res ? `${res}${n > 1 ? `:${n}` : ""} = ` : ""}scf.if ${cond.name}${n > 0 ? ` -> (${tys.join(", ")})` : ""} {`);
    const branch = (): Val[] => this.region(() => {
      this.block(depth + 1);
      const ys = tys.map((t) => this.value(t));
      if (n > 0) this.line(`scf.yield ${ys.map((y) => y.name).join(", ")} : ${tys.join(", ")}`);
      return ys;
    });
    const a = branch();
    let b: Val[] = [];
    if (n > 0 || this.c.chance(50)) {
      this.line("} else {");
      b = branch();
    }
    this.line("}");
    const names = this.results(res, n);
    tys.forEach((t, i) => this.scope.push({ name: names[i], ty: t, approx: a[i].approx || b[i].approx, bound: Math.max(a[i].bound, b[i].bound) }));
  }

  /** scf.index_switch on a bounded index, with results. */
  indexSwitch(depth: number): void {
    const sel = this.value("index");
    const n = this.c.below(3);
    const tys: Num[] = Array.from({ length: n }, () => this.c.pick(["i32", "i64", "f32", "f64", "index"] as const));
    const cases = [...new Set(Array.from({ length: 1 + this.c.below(3) }, () => this.c.below(Math.min(sel.bound + 1, 8))))].sort((a, b) => a - b);
    const res = n > 0 ? this.fresh() : "";
    this.line(`${res ? `${res}${n > 1 ? `:${n}` : ""} = ` : ""}scf.index_switch ${sel.name}${n > 0 ? ` -> ${tys.join(", ")}` : ""}`);
    const arms: Val[][] = [];
    const arm = (label: string): void => {
      this.line(`${label} {`);
      arms.push(this.region(() => {
        this.block(depth + 1);
        const ys = tys.map((t) => this.value(t));
        this.line(`scf.yield${n > 0 ? ` ${ys.map((y) => y.name).join(", ")} : ${tys.join(", ")}` : ""}`);
        return ys;
      }));
      this.line("}");
    };
    for (const c of cases) arm(`case ${c}`);
    arm("default");
    const names = this.results(res, n);
    tys.forEach((t, i) => this.scope.push({ name: names[i], ty: t, approx: arms.some((a) => a[i].approx), bound: Math.max(...arms.map((a) => a[i].bound)) }));
  }

  /** scf.while counting an i32 from 0 to a small bound, carrying values along. */
  scfWhile(depth: number): void {
    const trip = this.c.below(5);
    const carried = this.carriedTypes();
    const zero = this.tmp("arith.constant 0 : i32", "i32");
    const tys = ["i32", ...carried.map((c) => c.ty)].join(", ");
    const res = this.fresh();
    const before = [this.fresh(), ...carried.map(() => this.fresh())];
    const inits = [zero.name, ...carried.map((c) => c.init.name)];
    this.line(`${res}:${carried.length + 1} = scf.while (${before.map((b, i) => `${b} = ${inits[i]}`).join(", ")}) : (${tys}) -> (${tys}) {`);
    this.region(() => {
      const lim = this.tmp(`arith.constant ${trip} : i32`, "i32");
      const cnd = this.tmp(`arith.cmpi slt, ${before[0]}, ${lim.name} : i32`, "i1");
      this.line(`scf.condition(${cnd.name}) ${before.join(", ")} : ${tys}`);
    });
    this.line("} do {");
    const after = [this.fresh(), ...carried.map(() => this.fresh())];
    this.line(`^bb0(${after.map((a, i) => `${a}: ${i === 0 ? "i32" : carried[i - 1].ty}`).join(", ")}):`);
    const ys = this.loopRegion(trip, () => {
      this.scope.push({ name: after[0], ty: "i32", approx: false, bound: 0 });
      carried.forEach((c, i) => this.scope.push({ name: after[i + 1], ty: c.ty, approx: c.init.approx, bound: 0 }));
      this.block(depth + 1);
      const ys = this.yieldVals(carried.map((c) => ({ ty: c.ty, approx: c.init.approx })));
      const one = this.tmp("arith.constant 1 : i32", "i32");
      const next = this.tmp(`arith.addi ${after[0]}, ${one.name} : i32`, "i32");
      this.line(`scf.yield ${[next.name, ...ys.map((y) => y.name)].join(", ")} : ${tys}`);
      return ys;
    });
    this.line("}");
    const names = this.results(res, carried.length + 1);
    this.scope.push({ name: names[0], ty: "i32", approx: false, bound: 0 });
    carried.forEach((c, i) => this.scope.push({ name: names[i + 1], ty: c.ty, approx: c.init.approx || ys[i].approx, bound: 0 }));
  }

  call(): void {
    if (this.callable.length === 0) return;
    const h = this.c.pick(this.callable);
    if (this.cost + this.mult * h.cost > MAX_COST) return;
    const hb = h.buf;
    const buf = hb ? this.bufs.find((b) => memrefType(b) === memrefType(hb) && b.approx === hb.approx) : undefined;
    if (hb && !buf) return;
    this.cost += this.mult * h.cost;
    const args = h.params.map((p) => this.value(p.ty, !p.approx).name);
    const tys: string[] = h.params.map((p) => p.ty);
    if (hb && buf) { args.push(buf.name); tys.push(memrefType(hb)); }
    const res = h.results.length > 0 ? this.fresh() : "";
    const sig = `(${tys.join(", ")}) -> (${h.results.map((r) => r.ty).join(", ")})`;
    this.line(`${res ? `${res}${h.results.length > 1 ? `:${h.results.length}` : ""} = ` : ""}func.call @${h.name}(${args.join(", ")}) : ${sig}`);
    const names = this.results(res, h.results.length);
    h.results.forEach((r, i) => this.scope.push({ name: names[i], ty: r.ty, approx: r.approx, bound: 0 }));
  }

  /** One statement. */
  stmt(depth: number): void {
    this.fuel--;
    this.cost += this.mult;
    const nested = depth < (this.g.opts.maxDepth ?? 3);
    const k = this.c.below(nested ? 18 : 12);
    switch (k) {
      case 0: this.intOp(this.c.pick(["i32", "i64"] as const)); break;
      case 1: this.floatOp(this.c.pick(["f32", "f64"] as const)); break;
      case 2: this.cast(); break;
      case 3: this.mathOp(this.c.pick(["f32", "f64"] as const)); break;
      case 4: this.indexOp(); break;
      case 5: this.store(); break;
      case 6: this.load(); break;
      case 7: this.print(this.value(this.c.pick(["i1", "i32", "i64", "f32", "f64", "index"] as const))); break;
      case 8: this.call(); break;
      case 9: this.affineIvs.length > 0 ? this.affineAccess() : this.intOp("i32"); break;
      case 10: this.intOp(this.c.pick(["i32", "i64"] as const)); break;
      case 11: this.print(this.recent()); break;
      case 12: case 13: this.scfFor(depth); break;
      case 14: this.scfIf(depth); break;
      case 15: this.scfWhile(depth); break;
      case 16: this.indexSwitch(depth); break;
      default: this.affineFor(depth); break;
    }
  }

  block(depth: number): void {
    while (this.fuel > 0 && this.c.chance(92)) this.stmt(depth);
  }
}

function memrefType(b: Buf): string { return `memref<${b.shape.join("x")}x${b.elt}>`; }

const PRINT_MEMREF: Record<Elt, string> = { f32: "printMemrefF32", f64: "printMemrefF64", i32: "printMemrefI32", i64: "printMemrefI64" };

export class ProgramGen {
  readonly c: Choices;
  readonly opts: GenOptions;
  constructor(choices: readonly number[], opts: GenOptions = {}) {
    this.c = new Choices(choices);
    this.opts = opts;
  }

  helper(index: number, callable: Helper[], mainBufs: Buf[]): { h: Helper; text: string } {
    const shared = mainBufs.length > 0 && this.c.chance(40) ? this.c.pick(mainBufs) : undefined;
    const buf = shared ? { ...shared, name: "%m", alloc: false } : undefined;
    const f = new FuncGen(this, Math.ceil((this.opts.fuel ?? 24) / 2), buf ? [buf] : [], callable);
    const nParams = this.c.below(4);
    const params: Val[] = [];
    for (let i = 0; i < nParams; i++) {
      const ty = this.c.pick(["i32", "i64", "f32", "f64"] as const);
      params.push({ name: `%a${i}`, ty, approx: this.c.chance(20) && isFloat(ty), bound: 0 });
    }
    params.forEach((p) => f.addParam(p));
    f.block(0);
    const nRes = this.c.below(3);
    const rs: Val[] = [];
    for (let i = 0; i < nRes; i++) rs.push(f.value(this.c.pick(["i32", "i64", "f32", "f64"] as const)));
    const name = `h${index}`;
    const h: Helper = { name, params, buf, results: rs.map((r) => ({ ty: r.ty as Num, approx: r.approx })), cost: f.cost + 1 };
    const formals = params.map((p) => `${p.name}: ${p.ty}`);
    if (buf) formals.push(`${buf.name}: ${memrefType(buf)}`);
    const sig = `(${formals.join(", ")})${rs.length ? ` -> (${rs.map((r) => r.ty).join(", ")})` : ""}`;
    f.line(`func.return${rs.length ? ` ${rs.map((r) => r.name).join(", ")} : ${rs.map((r) => r.ty).join(", ")}` : ""}`);
    return { h, text: `  func.func @${name}${sig} {\n${f.lines.join("\n")}\n  }` };
  }

  /** The whole module as MLIR text. */
  generate(): string {
    // Buffers of main: allocated and initialized up front, printed and freed at the end.
    const bufs: Buf[] = [];
    const nBufs = this.c.below(4);
    for (let i = 0; i < nBufs; i++) {
      const elt = this.c.pick(["f32", "f64", "i32", "i64"] as const);
      const shape = this.c.chance(30) ? [1 + this.c.below(4), 1 + this.c.below(4)] : [1 + this.c.below(8)];
      bufs.push({ name: `%buf${i}`, elt, shape, approx: isFloat(elt) && this.c.chance(20), alloc: !this.c.chance(30) });
    }
    const helpers: Helper[] = [], texts: string[] = [];
    const nHelpers = this.c.below(4);
    for (let i = 0; i < nHelpers; i++) {
      const { h, text } = this.helper(i, helpers.slice(), bufs);
      helpers.push(h);
      texts.push(text);
    }
    const f = new FuncGen(this, this.opts.fuel ?? 24, bufs, helpers);
    for (const b of bufs) initBuffer(f, b);
    f.block(0);
    // Print a few of the values left in scope, then the buffers.
    const nPrint = this.c.below(9);
    for (let i = 0; i < nPrint; i++) f.print(f.value(this.c.pick(["i32", "i64", "f32", "f64", "index"] as const)));
    for (const b of bufs) {
      const u = f.fresh();
      f.line(`${u} = memref.cast ${b.name} : ${memrefType(b)} to memref<*x${b.elt}>`);
      f.line(`func.call @${PRINT_MEMREF[b.elt]}(${u}) : (memref<*x${b.elt}>) -> ()`);
      if (b.alloc) f.line(`memref.dealloc ${b.name} : ${memrefType(b)}`);
    }
    f.line("func.return");
    const decls = [
      "func.func private @printI64(i64)", "func.func private @printF64(f64)", "func.func private @printNewline()",
      "func.func private @printMemrefF32(memref<*xf32>)", "func.func private @printMemrefF64(memref<*xf64>)",
      "func.func private @printMemrefI32(memref<*xi32>)", "func.func private @printMemrefI64(memref<*xi64>)",
    ].map((d) => `  ${d}`);
    return `module {\n${decls.join("\n")}\n${texts.join("\n")}${texts.length ? "\n" : ""}  func.func @main() {\n${f.lines.join("\n")}\n  }\n}\n`;
  }
}

/** Allocates `b` and fills it with a deterministic pattern (element k gets 3k - 5, converted). */
function initBuffer(f: FuncGen, b: Buf): void {
  const ty = memrefType(b);
  f.line(`${b.name} = memref.${b.alloc ? "alloc" : "alloca"}() : ${ty}`);
  const c0 = f.constIndex(0), c1 = f.constIndex(1);
  const ivs: string[] = [];
  const loop = (k: number): void => {
    if (k === b.shape.length) {
      let lin = ivs[0];
      if (b.shape.length === 2) {
        const d1 = f.constIndex(b.shape[1]);
        const m = f.tmp(`arith.muli ${ivs[0]}, ${d1.name} : index`, "index");
        lin = f.tmp(`arith.addi ${m.name}, ${ivs[1]} : index`, "index").name;
      }
      const i64 = f.tmp(`arith.index_cast ${lin} : index to i64`, "i64");
      const three = f.tmp("arith.constant 3 : i64", "i64"), five = f.tmp("arith.constant 5 : i64", "i64");
      const t = f.tmp(`arith.muli ${i64.name}, ${three.name} : i64`, "i64");
      let v = f.tmp(`arith.subi ${t.name}, ${five.name} : i64`, "i64");
      if (b.elt === "i32") v = f.tmp(`arith.trunci ${v.name} : i64 to i32`, "i32");
      else if (isFloat(b.elt)) v = f.tmp(`arith.sitofp ${v.name} : i64 to ${b.elt}`, b.elt);
      f.line(`memref.store ${v.name}, ${b.name}[${ivs.join(", ")}] : ${ty}`);
      return;
    }
    const ub = f.constIndex(b.shape[k]);
    const iv = f.fresh();
    ivs.push(iv);
    f.line(`scf.for ${iv} = ${c0.name} to ${ub.name} step ${c1.name} {`);
    f.region(() => loop(k + 1));
    f.line("}");
  };
  loop(0);
}

/** The program for a choice sequence. */
export function generateProgram(choices: readonly number[], opts: GenOptions = {}): string {
  return new ProgramGen(choices, opts).generate();
}
