// Dense elements with more than 100 elements print as mlir-opt-19 prints them, as hex raw data
// (i1 packed by the bit, odd widths in whole bytes), and each tool reads the other's hex back.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { Rng } from "../../src/optimizer/random.js";
import { mlirOpt, mlirSkip } from "../support/mlir.js";

const ELEMENTS: Record<string, (r: Rng) => string> = {
  i1: (r) => r.pick(["true", "false"]),
  i3: (r) => String(r.int(8) - 4),
  i8: (r) => String(r.int(256) - 128),
  i24: (r) => String(r.int(2 ** 24) - 2 ** 23),
  i32: (r) => String(r.int(2 ** 32) - 2 ** 31),
  i64: (r) => String(BigInt(r.int(2 ** 32)) << 31n | BigInt(r.int(2 ** 31))),
  index: (r) => String(r.int(2 ** 40) - 2 ** 39),
  ui16: (r) => String(r.int(65536)),
  si8: (r) => String(r.int(256) - 128),
  f16: (r) => r.pick(["0.5", "-2.25", "65504.0", "-0.0", "1.0e-5"]),
  bf16: (r) => r.pick(["0.5", "-2.25", "3.0e+38", "-0.0"]),
  f32: (r) => ((r.next() - 0.5) * 1e6).toExponential(8),
  f64: (r) => ((r.next() - 0.5) * 1e300).toExponential(16),
  f80: (r) => r.pick(["0.5", "-2.0", "1.0e+300", "3.25"]),
  f8E4M3FN: (r) => r.pick(["0.5", "-2.0", "448.0", "1.0"]),
};

test("dense elements over 100 print as mlir-opt-19's hex, and each tool reads the other's", { skip: mlirSkip() }, () => {
  const rng = new Rng(3);
  const fns = Object.entries(ELEMENTS).flatMap(([t, gen]) => [101, 150].map((n) =>
    `func.func private @${t}_${n}() attributes {v = dense<[${Array.from({ length: n }, () => gen(rng)).join(", ")}]> : tensor<${n}x${t}>}`));
  const src = fns.join("\n") + "\n";
  const ctx = createContext();
  const ours = printModule(parseModule(src, "hex.mlir", ctx), ctx);
  const theirs = mlirOpt([], src);
  assert.equal(theirs.code, 0, theirs.stderr);
  assert.equal(ours.trimEnd(), theirs.stdout.trimEnd());
  assert.equal((ours.match(/dense<"0x/g) ?? []).length, fns.length);
  const back = mlirOpt([], ours);
  assert.equal(back.stdout, theirs.stdout, back.stderr);
  assert.equal(printModule(parseModule(theirs.stdout, "theirs.mlir", ctx), ctx), ours);
});
