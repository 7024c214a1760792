// The arith and math ops the random programs of differential.test.ts do not draw: extended
// arithmetic (addui_extended, mulsi/mului_extended), ceildivui, the bit counts, the inverse and
// hyperbolic functions and truncf's rounding modes, on scalars of every width and on 128-bit
// vectors. Seeded programs run under the interpreter, the wasm engine and mlir-cpu-runner-19:
// integer results and truncf are compared bit for bit, the transcendentals as printF32/printF64
// print them (6 significant digits: glibc's and V8's libms
// may differ in the last bit, as for math.exp and math.sin in the wasm tests).
import { test } from "node:test";
import assert from "node:assert/strict";
import { runText } from "../backend/wasm/helpers.js";
import { haveMlir, mlirRunStandard, mlirSkip } from "../support/mlir.js";
import { Gen, callable, moduleOf, rng, type Ty } from "./gen-arith.js";

const INTS: Ty[] = ["i1", "i8", "i16", "i32", "i64"];
const FLOAT_OPS = ["acos", "asin", "acosh", "asinh", "atanh", "cosh", "sinh"];
const MODES = ["", " to_nearest_even", " downward", " upward", " toward_zero", " to_nearest_away"];

/** The integer ops on a and b of type t (a vector's lanes printed as `lane` type). */
function intOps(g: Gen, t: string, a: string, b: string, show: (v: string, lane: Ty) => void, lane: Ty, mask: string): void {
  const one = g.c(t.startsWith("vector") ? "dense<1>" : 1, t as Ty);
  show(g.emit(`arith.ceildivui ${a}, ${g.emit(`arith.ori ${b}, ${one} : ${t}`)} : ${t}`), lane); // (a nonzero divisor)
  const [s, o] = [g.v(), g.v()];
  g.line(`${s}, ${o} = arith.addui_extended ${a}, ${b} : ${t}, ${mask}`);
  show(s, lane);
  show(o, "i1");
  for (const op of ["mulsi_extended", "mului_extended"]) {
    const [lo, hi] = [g.v(), g.v()];
    g.line(`${lo}, ${hi} = arith.${op} ${a}, ${b} : ${t}`);
    show(lo, lane);
    show(hi, lane);
  }
  // (MLIR 19 lowers no bit count of i1 or index, and the others only through --convert-math-to-llvm)
  if (lane !== "i1" && lane !== "index") for (const op of ["ctlz", "cttz", "ctpop"]) show(g.emit(`math.${op} ${a} : ${t}`), lane);
}

/** The program for `seed`; with `index`, index operands too (MLIR 19 lowers extended ops of none). */
function program(seed: number, index: boolean): string {
  const r = rng(seed), fns: string[] = [], calls: string[] = [];
  const fn = (g: Gen) => { const [f, c] = callable(g, fns.length); fns.push(f); calls.push(...c); };
  for (const t of INTS) for (let k = 0; k < 3; k++) {
    const g = new Gen(r);
    intOps(g, t, g.intConst(t), g.intConst(t), (v, lane) => g.print(v, lane), t, "i1");
    fn(g);
  }
  if (index) { // small values, 0 to 255 (the wasm engine's index is 32-bit)
    const g = new Gen(r), ix = (v: string) => g.emit(`arith.index_castui ${v} : i8 to index`);
    intOps(g, "index", ix(g.intConst("i8")), ix(g.intConst("i8")), (v, lane) => g.print(v, lane), "index", "i1");
    fn(g);
  }
  for (const [lanes, t] of [[16, "i8"], [8, "i16"], [4, "i32"], [2, "i64"]] as const) { // vectors, lane by lane
    const g = new Gen(r), vt = `vector<${lanes}x${t}>`;
    const vec = () => { // lane values drawn as scalar parameters, passed as one dense constant
      for (let k = 0; k < lanes; k++) g.intConst(t);
      return g.param(vt as Ty, `dense<[${g.params.splice(-lanes).map((p) => p.literal).join(", ")}]>`);
    };
    const show = (v: string, lane: Ty) => {
      for (let k = 0; k < lanes; k++) g.print(g.emit(`vector.extract ${v}[${k}] : ${lane} from vector<${lanes}x${lane}>`), lane);
    };
    intOps(g, vt, vec(), vec(), show, t, `vector<${lanes}xi1>`);
    fn(g);
  }
  for (const t of ["f32", "f64"] as Ty[]) for (let k = 0; k < 4; k++) {
    const g = new Gen(r), u = (lo: number, hi: number) => g.param(t, (lo + (hi - lo) * r()).toExponential(8));
    for (const x of [g.floatConst(t), u(-1, 1), u(1, 30), u(-30, 30)]) for (const op of FLOAT_OPS) g.print(g.emit(`math.${op} ${x} : ${t}`), t, true);
    fn(g);
  }
  { // truncf in every rounding mode (mlir-cpu-runner-19 rounds them all to nearest even; its
    // lowering of truncf/extf with fastmath flags leaves an attribute the runner cannot parse)
    const g = new Gen(r);
    for (let k = 0; k < 6; k++) {
      const x = k < 3 ? g.floatConst("f64") : g.param("f64", ((r() - 0.5) * 10 ** (r() * 20 - 10)).toExponential(16));
      for (const m of MODES) g.print(g.emit(`arith.truncf ${x}${m} : f64 to f32`), "f32");
    }
    fn(g);
  }
  return moduleOf(["printI64(i64)", "printF32(f32)", "printF64(f64)", "printNewline()"], fns, calls);
}

const lines = (s: string) => s.trimEnd().split("\n");
/** The first line where `got` differs from `want`, with the function that printed it. */
function firstDifference(got: string, want: string, what: string): void {
  const a = lines(got), b = lines(want), i = a.findIndex((l, k) => l !== b[k]);
  assert.equal(i === -1 ? a.length : i, b.length, `${what}: first difference at line ${i}: ${a[i]} vs ${b[i]}`);
}

for (const seed of [1, 2, 3]) {
  test(`arith/math ops beyond the random programs (seed ${seed}): the interpreter and the wasm engine print the same`, () => {
    const src = program(seed, true);
    const interp = runText(src, { engine: "interp" }).out, wasm = runText(src, { engine: "wasm" }).out;
    assert.ok(lines(interp).length > 400, "the program prints every result");
    firstDifference(wasm, interp, "wasm vs interpreter");
  });
  test(`arith/math ops beyond the random programs (seed ${seed}): mlir-cpu-runner-19 prints the same`, { skip: mlirSkip() }, () => {
    const src = program(seed, false);
    if (!haveMlir()) return;
    firstDifference(runText(src, { engine: "interp" }).out, mlirRunStandard(src, { before: ["--arith-expand", "--convert-math-to-llvm"] }), "interpreter vs mlir-cpu-runner-19");
  });
}

test("bit counts of i1 and index (MLIR 19 lowers neither) count in the type's width, 64 for index, in both engines", () => {
  const g = new Gen(rng(1));
  for (const [t, v] of [["i1", "0"], ["i1", "1"], ["index", "0"], ["index", "1"], ["index", "-1"], ["index", "96"]] as const) {
    const x = g.param(t, v);
    for (const op of ["ctlz", "cttz", "ctpop"]) g.print(g.emit(`math.${op} ${x} : ${t}`), t);
  }
  const [f, calls] = callable(g, 0), src = moduleOf(["printI64(i64)", "printNewline()"], [f], calls);
  const want = "1 1 0 0 0 1 64 64 0 63 0 1 0 0 64 57 5 2".split(" ").join("\n") + "\n";
  assert.equal(runText(src, { engine: "interp" }).out, want);
  assert.equal(runText(src, { engine: "wasm" }).out, want);
});
