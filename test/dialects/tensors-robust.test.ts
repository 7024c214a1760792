// cf/math/tensor/linalg/vector: truncated and mutated programs end in diagnostics, never in an
// uncaught exception (parse, verify and print of our custom syntaxes).
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { createContext } from "../../src/dialects/index.js";
import { DiagnosticError } from "../../src/ir/diagnostics.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";

const here = dirname(fileURLToPath(import.meta.url));
const ctx = createContext();
const seeds = ["cf", "math", "tensor", "linalg", "vector"].flatMap((d) =>
  ["ops.mlir", "invalid.mlir"].map((f) => readFileSync(join(here, "..", "..", "..", "test", "dialects", d, f), "utf8")));

function survive(text: string): void {
  try {
    const m = parseModule(text, "fuzz.mlir", ctx);
    if (verifyModule(m, ctx).length === 0) {
      // What verifies must print, in both forms, and read back.
      parseModule(printModule(m, ctx), "p.mlir", ctx);
      parseModule(printModule(m, ctx, { generic: true }), "g.mlir", ctx);
    }
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw new Error(`non-diagnostic failure on input:\n${text}\n${(e as Error).stack}`);
  }
}

test("truncated programs give diagnostics", { timeout: 300_000 }, () => {
  for (const s of seeds) for (let i = 0; i < s.length; i += Math.max(1, Math.floor(s.length / 150))) survive(s.slice(0, i));
});

test("mutated programs give diagnostics", { timeout: 300_000 }, () => {
  const pieces = ["%", "(", ")", "{", "}", "<", ">", "[", "]", ",", ":", "=", "->", "0", "4", "?", "x", "f32", "index",
    "%arg0", "ins(", "outs(", "into", "to", "from", "[0]", "-1", "tensor<4xf32>", "vector<4xf32>", "memref<4xf32>"];
  fc.assert(fc.property(
    fc.constantFrom(...seeds), fc.nat(), fc.nat(12), fc.constantFrom(...pieces), fc.boolean(),
    (s, at, len, piece, insert) => {
      const i = at % (s.length + 1);
      survive(insert ? s.slice(0, i) + piece + s.slice(i) : s.slice(0, i) + piece + s.slice(i + len));
    }), { seed: 7, numRuns: 1500 });
});
