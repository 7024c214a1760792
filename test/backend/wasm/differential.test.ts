// Differential testing: random well-formed loop-level programs (integer and float arithmetic of
// every width, casts, selects, scf.for with iter_args, scf.if, memref loads/stores) run under
// the wasm engine and the interpreter; outputs must agree exactly (same operation order).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { runText } from "./helpers.js";

type Ty = "i8" | "i16" | "i32" | "i64" | "f32" | "f64";
const INTS: Ty[] = ["i8", "i16", "i32", "i64"];
const FLOATS: Ty[] = ["f32", "f64"];
const WIDTH: Record<string, number> = { i8: 8, i16: 16, i32: 32, i64: 64 };

export class Gen {
  private s: number;
  private n = 0;
  readonly lines: string[] = [];
  readonly vals = new Map<Ty, string[]>();
  constructor(seed: number) { this.s = seed >>> 0 || 1; }
  rnd(k: number): number { this.s ^= this.s << 13; this.s ^= this.s >>> 17; this.s ^= this.s << 5; return (this.s >>> 0) % k; }
  pick<T>(xs: readonly T[]): T { return xs[this.rnd(xs.length)]; }
  fresh(): string { return `%v${this.n++}`; }
  add(t: Ty, name: string): void { (this.vals.get(t) ?? this.vals.set(t, []).get(t)!).push(name); }
  val(t: Ty, ind: string): string {
    const vs = this.vals.get(t);
    if (vs?.length && this.rnd(4) > 0) return this.pick(vs);
    const v = this.fresh();
    const w = WIDTH[t] ?? 0;
    const c = t.startsWith("f") ? `${(this.rnd(2001) - 1000) / 8}`
      : String(w <= 16 ? this.rnd(1 << w) - (1 << (w - 1)) : this.rnd(2) ? this.rnd(300) - 150 : this.rnd(1 << 30) - (1 << 29));
    this.lines.push(`${ind}${v} = arith.constant ${t.startsWith("f") && !c.includes(".") ? c + ".0" : c} : ${t}`);
    this.add(t, v);
    return v;
  }
  emit(ind: string, line: string, t: Ty, v: string): string { this.lines.push(ind + line); this.add(t, v); return v; }

  /** One random statement producing a value; `depth` bounds nesting. */
  stmt(ind: string, depth: number): void {
    const k = this.rnd(depth > 0 ? 12 : 9);
    const it = this.pick(INTS), ft = this.pick(FLOATS), v = this.fresh();
    switch (k) {
      case 0: case 1: {
        const op = this.pick(["addi", "subi", "muli", "andi", "ori", "xori", "maxsi", "minsi", "maxui", "minui"]);
        this.emit(ind, `${v} = arith.${op} ${this.val(it, ind)}, ${this.val(it, ind)} : ${it}`, it, v);
        break;
      }
      case 2: {
        // Shifts and unsigned division with defined operands (amount < width, divisor != 0).
        const a = this.val(it, ind), b = this.val(it, ind), m = this.fresh(), d = this.fresh();
        this.lines.push(`${ind}${m} = arith.constant ${WIDTH[it] - 1} : ${it}`);
        this.lines.push(`${ind}${d} = arith.andi ${b}, ${m} : ${it}`);
        const op = this.pick(["shli", "shrsi", "shrui", "divui", "remui"]);
        const rhs = op.startsWith("sh") ? d : this.fresh();
        if (!op.startsWith("sh")) { this.lines.push(`${ind}${rhs} = arith.ori ${d}, ${m} : ${it}`); }
        this.emit(ind, `${v} = arith.${op} ${a}, ${rhs} : ${it}`, it, v);
        break;
      }
      case 3: {
        const op = this.pick(["addf", "subf", "mulf", "divf", "maximumf", "minimumf", "maxnumf", "minnumf"]);
        this.emit(ind, `${v} = arith.${op} ${this.val(ft, ind)}, ${this.val(ft, ind)} : ${ft}`, ft, v);
        break;
      }
      case 4: {
        const c = this.fresh(), isF = this.rnd(2) === 0, t = isF ? ft : it;
        const pred = isF ? this.pick(["oeq", "one", "olt", "ole", "ogt", "uge", "ult", "une", "ord", "uno"]) : this.pick(["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"]);
        this.lines.push(`${ind}${c} = arith.${isF ? "cmpf" : "cmpi"} ${pred}, ${this.val(t, ind)}, ${this.val(t, ind)} : ${t}`);
        this.emit(ind, `${v} = arith.select ${c}, ${this.val(t, ind)}, ${this.val(t, ind)} : ${t}`, t, v);
        break;
      }
      case 5: {
        const from = this.pick(INTS), to = this.pick(INTS.filter((x) => x !== from));
        const op = WIDTH[to] > WIDTH[from] ? this.pick(["extsi", "extui"]) : "trunci";
        this.emit(ind, `${v} = arith.${op} ${this.val(from, ind)} : ${from} to ${to}`, to, v);
        break;
      }
      case 6: {
        const op = this.pick(["sitofp", "uitofp"]);
        this.emit(ind, `${v} = arith.${op} ${this.val(it, ind)} : ${it} to ${ft}`, ft, v);
        break;
      }
      case 7: {
        if (this.rnd(2)) this.emit(ind, `${v} = arith.extf ${this.val("f32", ind)} : f32 to f64`, "f64", v);
        else this.emit(ind, `${v} = arith.truncf ${this.val("f64", ind)} : f64 to f32`, "f32", v);
        break;
      }
      case 8: {
        // Through memory: store then load back at a random index.
        const t = this.pick([...INTS, ...FLOATS]), i = this.fresh();
        this.lines.push(`${ind}${i} = arith.constant ${this.rnd(8)} : index`);
        this.lines.push(`${ind}memref.store ${this.val(t, ind)}, %buf_${t}[${i}] : memref<8x${t}>`);
        this.emit(ind, `${v} = memref.load %buf_${t}[${i}] : memref<8x${t}>`, t, v);
        break;
      }
      case 9: case 10: {
        // scf.for accumulating: acc' = op(acc, x) where x may depend on the induction variable.
        const t = this.pick([...INTS, ...FLOATS]), isF = t.startsWith("f");
        const init = this.val(t, ind), acc = this.fresh(), iv = this.fresh(), lb = this.fresh(), ub = this.fresh(), st = this.fresh();
        this.lines.push(`${ind}${lb} = arith.constant ${this.rnd(3)} : index`, `${ind}${ub} = arith.constant ${this.rnd(7)} : index`, `${ind}${st} = arith.constant ${1 + this.rnd(2)} : index`);
        this.lines.push(`${ind}${v} = scf.for ${iv} = ${lb} to ${ub} step ${st} iter_args(${acc} = ${init}) -> (${t}) {`);
        const saved = new Map([...this.vals].map(([k, a]) => [k, [...a]]));
        const inner = ind + "  ", ivc = this.fresh(), x = this.fresh(), nx = this.fresh();
        this.lines.push(`${inner}${ivc} = arith.index_cast ${iv} : index to i32`);
        this.lines.push(isF ? `${inner}${x} = arith.sitofp ${ivc} : i32 to ${t}` : t === "i32" ? `${inner}${x} = arith.addi ${ivc}, ${ivc} : i32`
          : WIDTH[t] > 32 ? `${inner}${x} = arith.extsi ${ivc} : i32 to ${t}` : `${inner}${x} = arith.trunci ${ivc} : i32 to ${t}`);
        this.add(t, acc);
        this.add(t, x);
        if (depth > 1) this.stmt(inner, depth - 1);
        this.lines.push(`${inner}${nx} = arith.${isF ? this.pick(["addf", "mulf", "subf"]) : this.pick(["addi", "muli", "xori"])} ${acc}, ${this.val(t, inner)} : ${t}`);
        this.lines.push(`${inner}scf.yield ${nx} : ${t}`, `${ind}}`);
        this.vals.clear();
        for (const [k2, a] of saved) this.vals.set(k2, a);
        this.add(t, v);
        break;
      }
      default: {
        const t = this.pick([...INTS, ...FLOATS]), c = this.fresh();
        this.lines.push(`${ind}${c} = arith.cmpi slt, ${this.val("i32", ind)}, ${this.val("i32", ind)} : i32`);
        this.lines.push(`${ind}${v} = scf.if ${c} -> (${t}) {`);
        const saved = new Map([...this.vals].map(([k2, a]) => [k2, [...a]]));
        this.lines.push(`${ind}  scf.yield ${this.val(t, ind + "  ")} : ${t}`, `${ind}} else {`);
        this.vals.clear();
        for (const [k2, a] of saved) this.vals.set(k2, [...a]);
        this.lines.push(`${ind}  scf.yield ${this.val(t, ind + "  ")} : ${t}`, `${ind}}`);
        this.vals.clear();
        for (const [k2, a] of saved) this.vals.set(k2, a);
        this.add(t, v);
      }
    }
  }

  program(): string {
    const ind = "    ";
    for (const t of [...INTS, ...FLOATS]) this.lines.push(`${ind}%buf_${t} = memref.alloca() : memref<8x${t}>`);
    const count = 6 + this.rnd(14);
    for (let i = 0; i < count; i++) this.stmt(ind, 2);
    for (const [t, vs] of this.vals) {
      for (const v of vs) {
        const w = this.fresh();
        if (t.startsWith("f")) {
          if (t === "f32") this.lines.push(`${ind}${w} = arith.extf ${v} : f32 to f64`);
          this.lines.push(`${ind}call @printF64(${t === "f32" ? w : v}) : (f64) -> ()`);
        } else {
          if (t !== "i64") this.lines.push(`${ind}${w} = arith.extsi ${v} : ${t} to i64`);
          this.lines.push(`${ind}call @printI64(${t === "i64" ? v : w}) : (i64) -> ()`);
        }
        this.lines.push(`${ind}call @printNewline() : () -> ()`);
      }
    }
    return `module {
  func.func private @printI64(i64)
  func.func private @printF64(f64)
  func.func private @printNewline()
  func.func @main() {
${this.lines.join("\n")}
    return
  }
}`;
  }
}

if (process.env.TL_DIFF_SEED) {
  const text = new Gen(Number(process.env.TL_DIFF_SEED)).program();
  for (const engine of ["wasm", "interp"] as const) {
    try { process.stdout.write(`--- ${engine}\n${runText(text, { engine }).out}`); } catch (e) { process.stdout.write(`--- ${engine} ERROR ${(e as Error).message}\n`); }
  }
  process.stdout.write(text + "\n");
} else test("random loop-level programs: wasm and interpreter agree", () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
    const text = new Gen(seed).program();
    const w = runText(text, { engine: "wasm" }).out;
    const i = runText(text, { engine: "interp" }).out;
    assert.equal(w, i, `outputs differ for program:\n${text}`);
  }), { numRuns: 40, seed: 20261126 });
});
