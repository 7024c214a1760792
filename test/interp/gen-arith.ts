// Seeded generator of UB-free scalar arith (shared by the differential tests): every integer
// width, index, f32/f64, casts, compares, selects and exact math ops. Programs avoid undefined
// behaviour (zero divisors, INT_MIN / -1, over-wide shifts, out-of-range float-to-int casts)
// and print NaN as a fixed value (NaN payloads are platform-specific).
import { Rng } from "../../src/optimizer/random.js";

export type Ty = "i1" | "i8" | "i16" | "i32" | "i64" | "f32" | "f64" | "index";
export const INTS: Ty[] = ["i8", "i16", "i32", "i64"];
export const WIDTH: Record<Ty, number> = { i1: 1, i8: 8, i16: 16, i32: 32, i64: 64, f32: 32, f64: 64, index: 64 };
export const isFloat = (t: Ty) => t === "f32" || t === "f64";

/** Deterministic generator (mulberry32). */
export function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

export class Gen {
  private n = 0;
  /** Lines of the block being generated, and their indentation. */
  lines: string[] = [];
  indent = "    ";
  /** Random inputs become parameters (set by main): MLIR's folders must not see them, as
   * MLIR 19 folds arith.maxnumf/minnumf with NaN-propagating semantics, unlike its lowering. */
  readonly params: { name: string; type: Ty; literal: string }[] = [];
  constructor(readonly r: () => number) {}
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.r() * xs.length)]; }
  int(n: number): number { return Math.floor(this.r() * n); }
  v(prefix = "v"): string { return `%${prefix}${this.n++}`; }
  line(s: string): void { this.lines.push(this.indent + s); }
  emit(rhs: string): string { const v = this.v(); this.line(`${v} = ${rhs}`); return v; }
  c(value: number | string, t: Ty): string { return this.emit(`arith.constant ${value} : ${t}`); }

  intConst(t: Ty): string {
    const w = WIDTH[t];
    const edge = [0n, 1n, -1n, (1n << BigInt(w - 1)) - 1n, -(1n << BigInt(w - 1)), 3n, -7n];
    const v = this.r() < 0.4 ? this.pick(edge) : BigInt.asIntN(w, BigInt(Math.floor((this.r() - 0.5) * 2 ** Math.min(w, 50))));
    return this.param(t, String(t === "i1" ? v & 1n : v));
  }
  floatConst(t: Ty): string {
    const edge = ["0.0", "-0.0", "1.0", "-1.5", "0.1", "3.0e+38", "1.0e-40", "6.5e+04", "0x7F800000"];
    let lit = this.r() < 0.4 ? this.pick(edge) : ((this.r() - 0.5) * 10 ** Math.floor(this.r() * 8 - 3)).toExponential(8);
    if (lit === "0x7F800000") lit = t === "f32" ? lit : "0x7FF0000000000000";
    if (t === "f32" && lit === "3.0e+38" && this.r() < 0.5) lit = "-3.0e+38";
    return this.param(t, lit);
  }
  param(type: Ty, literal: string): string {
    const name = `%p${this.params.length}`;
    this.params.push({ name, type, literal });
    return name;
  }
  /** A nonzero positive divisor derived from x (no INT_MIN / -1). */
  divisor(x: string, t: Ty): string {
    const m = this.c(t === "i8" ? 63 : 1023, t);
    const one = this.c(1, t);
    return this.emit(`arith.ori ${this.emit(`arith.andi ${x}, ${m} : ${t}`)}, ${one} : ${t}`);
  }
  intOp(t: Ty, a: string, b: string): string {
    if (t === "i1") return this.emit(`arith.${this.pick(["andi", "ori", "xori", "maxui", "minsi"])} ${a}, ${b} : i1`);
    const op = this.pick(["addi", "subi", "muli", "andi", "ori", "xori", "maxsi", "minsi", "maxui", "minui",
      "divsi", "divui", "remsi", "remui", "shli", "shrsi", "shrui", "select"]);
    // (ceildivsi/floordivsi need --arith-expand, which the shared MLIR pipeline lacks.)
    if (["divsi", "divui", "remsi", "remui"].includes(op)) return this.emit(`arith.${op} ${a}, ${this.divisor(b, t)} : ${t}`);
    if (op.startsWith("sh")) {
      const mask = this.c(WIDTH[t] - 1, t);
      return this.emit(`arith.${op} ${a}, ${this.emit(`arith.andi ${b}, ${mask} : ${t}`)} : ${t}`);
    }
    if (op === "select") return this.emit(`arith.select ${this.cmpi(t, a, b)}, ${a}, ${b} : ${t}`);
    return this.emit(`arith.${op} ${a}, ${b} : ${t}`);
  }
  cmpi(t: string, a: string, b: string): string {
    return this.emit(`arith.cmpi ${this.pick(["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"])}, ${a}, ${b} : ${t}`);
  }
  cmpf(t: string, a: string, b: string): string {
    return this.emit(`arith.cmpf ${this.pick(["oeq", "one", "olt", "ole", "ogt", "oge", "ueq", "une", "ult", "uge", "ord", "uno"])}, ${a}, ${b} : ${t}`);
  }
  floatOp(t: Ty, a: string, b: string): string {
    const op = this.pick(["addf", "subf", "mulf", "divf", "remf", "maximumf", "minimumf", "maxnumf", "minnumf", "negf", "select",
      "sqrt", "absf", "floor", "ceil"]);
    if (op === "negf") return this.emit(`arith.negf ${a} : ${t}`);
    if (["sqrt", "absf", "floor", "ceil"].includes(op)) return this.emit(`math.${op} ${a} : ${t}`);
    if (op === "select") return this.emit(`arith.select ${this.cmpf(t, a, b)}, ${a}, ${b} : ${t}`);
    return this.canonicalZero(op, this.emit(`arith.${op} ${a}, ${b} : ${t}`), t);
  }
  /** LLVM leaves minnum/maxnum of +0 and -0 unspecified (x86 and wasm pick different zeros):
   * adding +0.0 makes the sign of a zero result canonical. */
  canonicalZero(op: string, r: string, t: string): string {
    return /numf$/.test(op) ? this.emit(`arith.addf ${r}, ${this.emit(`arith.constant ${t.startsWith("vector") ? "dense<0.0>" : "0.0"} : ${t}`)} : ${t}`) : r;
  }
  /** Converts value x of type from to type to (defined behaviour only). */
  cast(x: string, from: Ty, to: Ty): string {
    if (from === to) return x;
    if (from === "index") return this.cast(this.emit(`arith.index_cast ${x} : index to i64`), "i64", to);
    if (to === "index") return this.toIndex(x, from);
    if (!isFloat(from) && !isFloat(to)) return this.emit(`arith.${WIDTH[to] > WIDTH[from] ? this.pick(["extsi", "extui"]) : "trunci"} ${x} : ${from} to ${to}`);
    if (!isFloat(from)) return this.emit(`arith.${this.pick(["sitofp", "uitofp"])} ${x} : ${from} to ${to}`);
    if (isFloat(to)) return this.emit(`arith.${WIDTH[to] > WIDTH[from] ? "extf" : "truncf"} ${x} : ${from} to ${to}`);
    // float -> int: only for values inside (-100, 100), else 0.
    const lim = this.c("1.0e+02", from), nlim = this.c("-1.0e+02", from);
    const ok = this.emit(`arith.andi ${this.emit(`arith.cmpf olt, ${x}, ${lim} : ${from}`)}, ${this.emit(`arith.cmpf ogt, ${x}, ${nlim} : ${from}`)} : i1`);
    const zero = this.c("0.0", from);
    const i = this.emit(`arith.fptosi ${this.emit(`arith.select ${ok}, ${x}, ${zero} : ${from}`)} : ${from} to ${to === "i1" ? "i8" : to}`);
    return to === "i1" ? this.emit(`arith.trunci ${i} : i8 to i1`) : i;
  }
  /** A small non-negative index from x: the wasm engine's index is 32-bit (documented), so
   * index values stay far from overflow. */
  toIndex(x: string, from: Ty): string {
    if (isFloat(from)) return this.toIndex(this.cast(x, from, "i32"), "i32");
    const w = from === "i1" ? 1 : Math.min(WIDTH[from] - 1, 10);
    const m = from === "i1" ? x : this.emit(`arith.andi ${x}, ${this.c((1 << w) - 1, from)} : ${from}`);
    return this.emit(`arith.${from === "i1" ? "index_castui" : this.pick(["index_cast", "index_castui"])} ${m} : ${from} to index`);
  }
  /** Prints x's bits as an i64 (NaN printed as a fixed marker), or a float as text (printF32/F64). */
  print(x: string, t: Ty, text = false): void {
    let bits: string;
    if (isFloat(t)) {
      const nan = this.emit(`arith.cmpf uno, ${x}, ${x} : ${t}`);
      const marker = this.c("1.234500e+00", t);
      const y = this.emit(`arith.select ${nan}, ${marker}, ${x} : ${t}`);
      if (text) {
        this.line(`func.call @printF${WIDTH[t]}(${y}) : (${t}) -> ()`);
        this.line(`func.call @printNewline() : () -> ()`);
        return;
      }
      const i = this.emit(`arith.bitcast ${y} : ${t} to i${WIDTH[t]}`);
      bits = t === "f64" ? i : this.emit(`arith.extui ${i} : i32 to i64`);
    } else if (t === "index") bits = this.emit(`arith.index_cast ${x} : index to i64`);
    else bits = t === "i64" ? x : this.emit(`arith.${t === "i1" ? "extui" : "extsi"} ${x} : ${t} to i64`);
    this.line(`func.call @printI64(${bits}) : (i64) -> ()`);
    this.line(`func.call @printNewline() : () -> ()`);
  }
}

/** The module around generated functions: the runner-utils printers they call, and @main making `calls`. */
export function moduleOf(printers: readonly string[], fns: readonly string[], calls: readonly string[]): string {
  return `module {
${printers.map((p) => `  func.func private @${p}`).join("\n")}
${fns.join("\n")}
  func.func @main() {
${calls.join("\n")}
    return
  }
}`;
}

/** g's lines as function @f<f> of its parameters, and the lines of @main that call it with them. */
export function callable(g: Gen, f: number): [string, string[]] {
  const types = g.params.map((p) => p.type).join(", ");
  return [`  func.func @f${f}(${g.params.map((p) => `${p.name}: ${p.type}`).join(", ")}) {\n${g.lines.join("\n")}\n    return\n  }`,
    [...g.params.map((p, k) => `    %f${f}_${k} = arith.constant ${p.literal} : ${p.type}`),
      `    func.call @f${f}(${g.params.map((_, k) => `%f${f}_${k}`).join(", ")}) : (${types}) -> ()`]];
}
