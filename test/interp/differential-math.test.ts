// The arith and math ops the random programs of differential.test.ts do not draw: extended
// arithmetic (addui_extended, mulsi/mului_extended), ceildivui, the bit counts, the inverse and
// hyperbolic functions and truncf's rounding modes, on scalars of every width and on 128-bit
// vectors; and the exponentials, logarithms and atan2 on edge inputs in every float type. Seeded
// programs run under the interpreter, the wasm engine and mlir-cpu-runner-19: integer results
// and truncf are compared bit for bit, the transcendentals as printF32/printF64 print them (6
// significant digits: glibc's and V8's libms may differ in the last bit, as for math.exp and
// math.sin in the wasm tests).
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

/** Edge inputs of the exponentials, logarithms and atan2 (zeros, negatives, infinities, NaNs, tiny
 * values where expm1 and log1p keep digits exp and log lose), per type, as literals. */
const EDGES: Record<string, string[]> = {
  f32: ["0.0", "-0.0", "1.0", "-1.0", "0.5", "-0.5", "2.5", "-2.5", "1.0e+01", "-1.0e+01", "1.0e+02", "-1.0e+02", "1.0e-10", "-1.0e-10",
    "1.0e-30", "1.4e-45", "-0.99999", "3.0e+38", "0x7F800000", "0xFF800000", "0x7FC00000"],
  f64: ["0.0", "-0.0", "1.0", "-1.0", "0.5", "-0.5", "2.5", "-2.5", "1.0e+01", "-1.0e+01", "1.0e+03", "-1.0e+03", "1.0e-20", "-1.0e-20",
    "1.0e-300", "4.9e-324", "-0.999999999", "1.7e+308", "0x7FF0000000000000", "0xFFF0000000000000", "0x7FF8000000000000"],
  f16: ["0.0", "-0.0", "1.0", "-2.5", "1.0e-03", "-1.0e-03", "1.0e+01", "6.0e-08", "0x7C00", "0xFC00", "0x7E00"],
  // (no bf16 subnormal: LLVM 19's f32 to bf16 truncation on x86 flushes one to zero)
  bf16: ["0.0", "-0.0", "1.0", "-2.5", "1.0e-03", "-1.0e-03", "1.0e+01", "1.0e-30", "0x7F80", "0xFF80", "0x7FC0"],
};
const EDGE_UNARY = ["exp2", "expm1", "log2", "log10", "log1p", "exp", "log"];
/** atan2's operands: the first six of a type's edges and its infinities and NaN (the last three). */
const atan2Edges = (es: string[]) => [...es.slice(0, 6), ...es.slice(-3)];

/** Every edge input of EDGE_UNARY and every pair of ATAN2_EDGES, scalars and vector lanes, printed as text. */
function edgeProgram(): string {
  const fns: string[] = [], calls: string[] = [];
  const fn = (g: Gen) => { const [f, c] = callable(g, fns.length); fns.push(f); calls.push(...c); };
  for (const t of ["f32", "f64", "f16", "bf16"]) { // (f16 and bf16 printed as f32)
    const g = new Gen(rng(0)), half = t.endsWith("16");
    const show = (v: string) => (half ? g.print(g.emit(`arith.extf ${v} : ${t} to f32`), "f32", true) : g.print(v, t as Ty, true));
    const xs = EDGES[t].map((e) => g.param(t as Ty, e));
    for (const op of EDGE_UNARY) for (const x of xs) show(g.emit(`math.${op} ${x} : ${t}`));
    const ys = atan2Edges(EDGES[t]).map((e) => g.param(t as Ty, e));
    for (const y of ys) for (const x of ys) show(g.emit(`math.atan2 ${y}, ${x} : ${t}`));
    fn(g);
  }
  for (const [lanes, t] of [[4, "f32"], [2, "f64"]] as const) { // vectors: the edges in groups of lanes
    const g = new Gen(rng(0)), vt = `vector<${lanes}x${t}>`, es = EDGES[t];
    for (let k = 0; k + lanes <= es.length; k += lanes) {
      const x = g.param(vt as Ty, `dense<[${es.slice(k, k + lanes).join(", ")}]>`);
      const y = g.param(vt as Ty, `dense<[${es.slice(es.length - k - lanes, es.length - k).join(", ")}]>`);
      for (const r of [...EDGE_UNARY.map((op) => g.emit(`math.${op} ${x} : ${vt}`)), g.emit(`math.atan2 ${x}, ${y} : ${vt}`)])
        for (let l = 0; l < lanes; l++) g.print(g.emit(`vector.extract ${r}[${l}] : ${t} from ${vt}`), t, true);
    }
    fn(g);
  }
  return moduleOf(["printF32(f32)", "printF64(f64)", "printNewline()"], fns, calls);
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

test("exp2, expm1, log2, log10, log1p, exp, log and atan2 on edge inputs: the interpreter and the wasm engine print the same", () => {
  const src = edgeProgram(), interp = runText(src, { engine: "interp" }).out;
  assert.ok(lines(interp).length > 1000, "the program prints every result");
  firstDifference(runText(src, { engine: "wasm" }).out, interp, "wasm vs interpreter");
});

// Lowered with --convert-math-to-libm first (the standard pipeline), as glibc's expm1/log1p: MLIR's
// --convert-math-to-llvm expands them to exp(x) - 1 and log(1 + x), which lose the tiny inputs.
test("exp2, expm1, log2, log10, log1p, exp, log and atan2 on edge inputs: mlir-cpu-runner-19 prints the same", { skip: mlirSkip() }, () => {
  const src = edgeProgram();
  if (!haveMlir()) return;
  firstDifference(runText(src, { engine: "interp" }).out, mlirRunStandard(src), "interpreter vs mlir-cpu-runner-19");
});

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
