// --canonicalize against mlir-opt-19 --canonicalize. Constant folding: random arith binary,
// compare and cast ops and math ops on edge constants (zeros, ±1, extremes, infinities, NaNs),
// scalars and vectors, each in a function of its own, left as MLIR leaves it. And the random
// programs of test/backend/gen (loops, ifs, switches, whiles, calls, memory): the same ops
// remain after --canonicalize, --cse, --loop-invariant-code-motion and --lower-affine, constants and the order
// of the constants aside.
// Left out are the folds that differ on purpose or by an ulp (docs/passes.md): maxnumf/minnumf
// of a NaN, atan2 of two zeros, and libm functions whose result is not exactly rounded.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { runPasses } from "../../src/passes/pass.js";
import { lookupPass } from "../../src/passes/registry.js";
import { Rng } from "../../src/optimizer/random.js";
import { mlirOpt, mlirSkip } from "../support/mlir.js";
import { generateProgram } from "../backend/gen/program.js";

const INTS: Record<string, string[]> = {
  i1: ["0", "1"], i8: ["0", "1", "-1", "127", "-128", "7", "-3", "8"], i16: ["0", "-1", "32767", "-32768", "15", "17"],
  i32: ["0", "1", "-1", "2147483647", "-2147483648", "31", "32", "-7"], i64: ["0", "1", "-1", "9223372036854775807", "-9223372036854775808", "63", "64"],
  index: ["0", "1", "-1", "63", "64", "-7", "5"],
};
const FLOATS: Record<string, string[]> = {
  f16: ["0.0", "-0.0", "1.0", "-2.5", "65504.0", "0x7C00", "0xFC00", "0x7E00", "6.1e-05"],
  bf16: ["0.0", "-0.0", "1.0", "-2.5", "3.38e+38", "0x7F80", "0xFF80", "0x7FC0"],
  f32: ["0.0", "-0.0", "1.0", "-2.5", "3.40282347E+38", "0x7F800000", "0xFF800000", "0x7FC00000", "1.4e-45", "16777217.0", "0.1"],
  f64: ["0.0", "-0.0", "1.0", "-2.5", "1.7976931348623157E+308", "0x7FF0000000000000", "0xFFF0000000000000", "0x7FF8000000000000", "4.9e-324", "0.1"],
};
const IBIN = ["addi", "subi", "muli", "divsi", "divui", "remsi", "remui", "ceildivsi", "ceildivui", "floordivsi", "andi", "ori", "xori", "shli", "shrsi", "shrui", "maxsi", "maxui", "minsi", "minui"];
const FBIN = ["addf", "subf", "mulf", "divf", "remf", "maximumf", "minimumf"];
const CMPI = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"];
const CMPF = ["false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno", "true"];
/** Exactly rounded (or not folded) math ops; and libm ones on values where no rounding question arises (domain errors, NaNs, infinities). */
const MATH_EXACT = ["absf", "ceil", "floor", "round", "roundeven", "trunc", "sqrt", "rsqrt", "cbrt"];
const MATH_LIBM = ["exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos", "atanh", "acosh"];
const LIBM_EDGES: Record<string, string[]> = { f32: ["-0.0", "-2.5", "0x7F800000", "0xFF800000", "0x7FC00000", "0xFFC00000"], f64: ["-0.0", "-2.5", "0xFFF0000000000000", "0x7FF8000000000000"] };

function program(seed: number, n: number): string[] {
  const r = new Rng(seed), fns: string[] = [];
  const fn = (ret: string, ...body: string[]) => fns.push(`func.func @f${fns.length}() -> ${ret} {\n  ${body.join("\n  ")}\n  return %r : ${ret}\n}`);
  const c = (name: string, v: string, t: string) => `%${name} = arith.constant ${v} : ${t}`;
  const vec = (t: string, vals: string[]) => { const k = r.pick([2, 4]); return [`vector<${k}x${t}>`, `dense<[${Array.from({ length: k }, () => r.pick(vals)).join(", ")}]>`]; };
  while (fns.length < n) {
    switch (r.int(8)) {
      case 0: case 1: {
        const t = r.pick(Object.keys(INTS)), op = r.pick(IBIN);
        fn(t, c("a", r.pick(INTS[t]), t), c("b", r.pick(INTS[t]), t), `%r = arith.${op} %a, %b : ${t}`);
        break;
      }
      case 2: {
        const t = r.pick(Object.keys(FLOATS)), op = r.pick(FBIN);
        fn(t, c("a", r.pick(FLOATS[t]), t), c("b", r.pick(FLOATS[t]), t), `%r = arith.${op} %a, %b : ${t}`);
        break;
      }
      case 3: {
        const t = r.pick(["i8", "i32", "i64"]), [vt, a] = vec(t, INTS[t]), op = r.pick(IBIN);
        const b = `dense<[${Array.from({ length: Number(/\d+/.exec(vt)![0]) }, () => r.pick(INTS[t])).join(", ")}]>`;
        fn(vt, c("a", a, vt), c("b", b, vt), `%r = arith.${op} %a, %b : ${vt}`);
        break;
      }
      case 4: {
        const int = r.int(2) === 0, t = r.pick(Object.keys(int ? INTS : FLOATS)), vals = (int ? INTS : FLOATS)[t];
        fn("i1", c("a", r.pick(vals), t), c("b", r.pick(vals), t), int ? `%r = arith.cmpi ${r.pick(CMPI)}, %a, %b : ${t}` : `%r = arith.cmpf ${r.pick(CMPF)}, %a, %b : ${t}`);
        break;
      }
      case 5: {
        const [from, to, op] = r.pick([["f16", "i8", "fptosi"], ["f32", "i8", "fptoui"], ["f64", "i32", "fptosi"], ["f32", "i16", "fptoui"], ["i32", "f16", "sitofp"],
          ["i64", "f32", "uitofp"], ["f64", "f32", "truncf"], ["f32", "bf16", "truncf"], ["f32", "f16", "truncf"], ["i64", "i8", "trunci"], ["i8", "i64", "extui"], ["f32", "i32", "bitcast"]]);
        fn(to, c("a", r.pick((from.startsWith("i") ? INTS : FLOATS)[from]), from), `%r = arith.${op} %a : ${from} to ${to}`);
        break;
      }
      case 6: {
        const t = r.pick(["f16", "bf16", "f32", "f64"]);
        fn(t, c("a", r.pick(FLOATS[t]), t), `%r = math.${r.pick(MATH_EXACT)} %a : ${t}`);
        break;
      }
      default: {
        const t = r.pick(["f32", "f64"]), op = r.pick(MATH_LIBM);
        const vals = ["sin", "cos", "tan", "exp", "exp2", "expm1"].includes(op) ? LIBM_EDGES[t].filter((v) => v !== "-2.5") : LIBM_EDGES[t]; // -2.5: out of the others' domain
        fn(t, c("a", r.pick(vals), t), `%r = math.${op} %a : ${t}`);
      }
    }
  }
  return fns;
}

/** Each function's body as printed, by name. */
const bodies = (text: string) => new Map([...text.matchAll(/func\.func @(f\d+)\(\)[^{]*\{\n([^]*?)\n {2}\}/g)].map((m) => [m[1], m[2].trim()]));

test("--canonicalize folds arith and math constants as mlir-opt-19 does (600 random ops, scalars and vectors)", { skip: mlirSkip() }, () => {
  const fns = program(2026, 600), text = fns.join("\n");
  const ctx = createContext();
  const m = parseModule(text, "folds.mlir", ctx);
  runPasses(m, ctx, [lookupPass("canonicalize")!]);
  const ours = bodies(printModule(m, ctx));
  const r = mlirOpt(["--canonicalize"], text);
  assert.equal(r.code, 0, r.stderr);
  const theirs = bodies(r.stdout);
  assert.equal(theirs.size, fns.length);
  const differ = [...theirs].filter(([k, v]) => ours.get(k) !== v).map(([k, v]) => `${fns[Number(k.slice(1))]}\n  ours: ${ours.get(k)}\n  mlir: ${v}`);
  assert.deepEqual(differ, []);
});

/** A module's ops but its constants, SSA names dropped, sorted: what stays, not where constants went or how they are named. */
const opsOf = (text: string) => text.split("\n").map((l) => l.trim()).filter((l) => l && !/= arith\.constant /.test(l)).map((l) => l.replace(/%[\w#:-]+/g, "%")).sort();

for (const pass of ["canonicalize", "cse", "loop-invariant-code-motion", "lower-affine"]) {
  test(`--${pass} leaves the ops mlir-opt-19 --${pass} leaves in 100 random programs`, { skip: mlirSkip() }, () => {
    const r = new Rng(3), differ: string[] = [];
    for (let i = 0; i < 100; i++) {
      const text = generateProgram(Array.from({ length: 20 + r.int(300) }, () => r.int(0x10000)), { fuel: 16, maxDepth: 3, transcendentals: false });
      const ctx = createContext();
      const m = parseModule(text, "gen.mlir", ctx);
      runPasses(m, ctx, [lookupPass(pass)!]);
      const theirs = mlirOpt([`--${pass}`], text);
      assert.equal(theirs.code, 0, theirs.stderr);
      if (opsOf(printModule(m, ctx, { aliases: true })).join("\n") !== opsOf(theirs.stdout).join("\n")) differ.push(text);
    }
    assert.deepEqual(differ, []);
  });
}

// Past 64 uses a value's use list is indexed, ops are put in and taken out of a block by links,
// and blocks and branches taken out leave their lists lazily (src/ir/core.ts): programs where each
// happens by the hundred, through the passes that do it.
const atScale: Record<string, [string, string[]]> = (() => {
  const adds = (n: number, ret: boolean) => `func.func @f(%a: i32)${ret ? " -> i32" : ""} {\n${Array.from({ length: n }, (_, i) => `  %${i} = arith.addi %a, %a : i32\n`).join("")}  return${ret ? ` %${n - 1} : i32` : ""}\n}\n`;
  const chain = Array.from({ length: 150 }, (_, i) => `^b${i}:\n  cf.cond_br %c, ^b${i + 1}, ^b0\n`).join("");
  const cases = Array.from({ length: 150 }, (_, i) => `, ${i}: ^d`).join("");
  const unrolled = Array.from({ length: 200 }, (_, i) => `  %v${i} = affine.load %A[${i % 8}, ${i % 5}] : memref<8x8xf32>\n  affine.store %v${i}, %A[${i % 5}, ${i % 8}] : memref<8x8xf32>\n` +
    (i % 40 ? "" : `  scf.for %k = %c0 to %n step %c1 {\n    memref.store %v${i}, %A[%k, %c0] : memref<8x8xf32>\n  }\n`)).join("");
  const both = ["canonicalize", "cse"];
  return {
    "300 dead users of one value": [adds(300, false), both],
    "300 equal users of one value, the last returned": [adds(300, true), both],
    "150 cond_br on one condition, each back to the first block": [`func.func @h(%c: i1) {\n  cf.br ^b0\n${chain}^b150:\n  return\n}\n`, both],
    "a cf.switch of 150 cases to one block": [`func.func @s(%x: i32) {\n  cf.switch %x : i32, [default: ^d${cases}]\n^d:\n  return\n}\n`, both],
    "400 affine accesses and 5 loops in one block": [`func.func @u(%A: memref<8x8xf32>, %n: index) {\n  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n${unrolled}  return\n}\n`, ["lower-affine", "convert-scf-to-cf"]],
  };
})();
for (const [name, [text, passes]] of Object.entries(atScale)) {
  test(`${passes.map((p) => `--${p}`).join(" and ")} give mlir-opt-19's result: ${name}`, { skip: mlirSkip() }, () => {
    for (const pass of passes) {
      const ctx = createContext(), m = parseModule(text, "scale.mlir", ctx);
      runPasses(m, ctx, [lookupPass(pass)!]);
      const ours = mlirOpt([], printModule(m, ctx)), theirs = mlirOpt([`--${pass}`], text);
      assert.equal(ours.code, 0, ours.stderr);
      // (the lowerings make their constants in other places and orders than MLIR's)
      if (pass === "canonicalize" || pass === "cse") assert.equal(ours.stdout, theirs.stdout, `--${pass}`);
      else assert.deepEqual(opsOf(ours.stdout), opsOf(theirs.stdout), `--${pass}`);
    }
  });
}
