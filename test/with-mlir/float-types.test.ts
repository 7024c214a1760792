// The floats beyond f16..f64 print as mlir-opt-19 prints them: every bit pattern of the 8-bit
// floats, random tf32 patterns, random decimal literals of each (rounded to the type), random
// doubles as f80 and f128 (whose shortest exact form may need 21 and 36 digits), and their
// bitcasts and exact arithmetic folded to the same bits by --canonicalize.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { runPasses } from "../../src/passes/pass.js";
import { lookupPass } from "../../src/passes/registry.js";
import { Rng } from "../../src/optimizer/random.js";
import { mlirOpt, mlirSkip } from "../support/mlir.js";

const SMALL = ["f8E5M2", "f8E4M3", "f8E4M3FN", "f8E5M2FNUZ", "f8E4M3FNUZ", "f8E4M3B11FNUZ"];
/** Largest finite value of the types without infinities (TensorLang refuses literals past it). */
const MAX: Record<string, number> = { f8E4M3FN: 448, f8E5M2FNUZ: 57344, f8E4M3FNUZ: 240, f8E4M3B11FNUZ: 30 };

function literals(): string[] {
  const rng = new Rng(11), out: string[] = [];
  const hex = (n: number, digits: number) => "0x" + n.toString(16).toUpperCase().padStart(digits, "0");
  for (const k of SMALL) for (let b = 0; b < 256; b++) out.push(`${hex(b, 2)} : ${k}`);
  for (let i = 0; i < 200; i++) out.push(`${hex(Math.floor(rng.next() * 2 ** 19), 5)} : tf32`);
  for (let i = 0; i < 200; i++) {
    const d = (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 40 - 20);
    for (const k of ["f80", "f128", "tf32", ...SMALL]) if (!(Math.abs(d) > (MAX[k] ?? Infinity))) out.push(`${d.toExponential().replace(/^(-?\d)e/, "$1.0e")} : ${k}`);
    const e = rng.next() * 2 ** Math.floor(rng.next() * 200 - 100); // a random double: 17 digits
    out.push(`${e.toExponential(16)} : f128`, `${e.toExponential(16)} : f80`);
  }
  return out;
}

const program = (lits: string[]) => `func.func @f() {\n${lits.map((l, i) => `  %c${i} = arith.constant ${l}\n`).join("")}  return\n}\n`;

test("float constants of the new types print as mlir-opt-19 prints them", { skip: mlirSkip() }, () => {
  const text = program(literals()), ctx = createContext();
  const ours = printModule(parseModule(text, "floats.mlir", ctx), ctx);
  const r = mlirOpt([], text);
  assert.equal(r.code, 0, r.stderr);
  const a = ours.trimEnd().split("\n"), b = r.stdout.trimEnd().split("\n");
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) assert.equal(a[i], b[i], `line ${i + 1}`);
  assert.equal(printModule(parseModule(ours, "again.mlir", ctx), ctx), ours, "printing is a fixed point");
});

test("--canonicalize folds bitcasts and exact arithmetic of the new floats to mlir-opt-19's bits", { skip: mlirSkip() }, () => {
  const body = [
    "%a = arith.constant 1.5 : f8E5M2", "%b = arith.bitcast %a : f8E5M2 to i8",
    "%c = arith.constant -128 : i8", "%d = arith.bitcast %c : i8 to f8E4M3FNUZ",
    "%e = arith.constant 85070591730234615865843651857942052864 : i128", "%f = arith.bitcast %e : i128 to f128",
    "%g = arith.constant 2.5 : f128", "%h = arith.bitcast %g : f128 to i128",
    "%x = arith.constant 400.0 : f8E4M3FN", "%y = arith.addf %x, %x : f8E4M3FN",
    "%m = arith.mulf %g, %g : f128", "%t = arith.constant 1.0 : tf32", "%u = arith.constant 1.0e-4 : tf32", "%v = arith.addf %t, %u : tf32",
    "%w = arith.truncf %g : f128 to f8E4M3FN", "%z = arith.extf %a : f8E5M2 to f80",
  ];
  const text = `func.func @f() -> (i8, f8E4M3FNUZ, f128, i128, f8E4M3FN, f128, tf32, f8E4M3FN, f80) {\n  ${body.join("\n  ")}\n`
    + "  return %b, %d, %f, %h, %y, %m, %v, %w, %z : i8, f8E4M3FNUZ, f128, i128, f8E4M3FN, f128, tf32, f8E4M3FN, f80\n}\n";
  const ctx = createContext(), m = parseModule(text, "folds.mlir", ctx);
  runPasses(m, ctx, [lookupPass("canonicalize")!]);
  const r = mlirOpt(["--canonicalize"], text);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(printModule(m, ctx), r.stdout.trimEnd() + "\n");
});
