// Every pass on every program the dialect tests and examples hold, then on mutated ones: a pass
// either reports a diagnostic or leaves IR that verifies and prints back to IR that parses and
// verifies. Never an uncaught exception, never invalid output (the verifier after each pass
// would name it: "(after pass 'x')"). This found split-vectors' broadcast transfer_read bug.
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";
import fc from "fast-check";
import { createContext } from "../../src/dialects/index.js";
import { DiagnosticError } from "../../src/ir/diagnostics.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { PASS_CATALOG } from "../../src/passes/catalog.js";
import { runPasses, type Pass } from "../../src/passes/pass.js";

const ctx = createContext();
const verifies = (text: string): boolean => {
  try { return verifyModule(parseModule(text, "seed.mlir", ctx), ctx).length === 0; } catch { return false; }
};
const seeds: string[] = [];
for (const d of readdirSync("test/dialects")) {
  const f = `test/dialects/${d}/ops.mlir`;
  if (existsSync(f)) seeds.push(...readFileSync(f, "utf8").split(/^\/\/ -----$/m).filter(verifies));
}
for (const f of readdirSync("examples")) if (f.endsWith(".mlir")) seeds.push(...[readFileSync(`examples/${f}`, "utf8")].filter(verifies));

/** Runs `pass` on `text` (which must parse and verify, else nothing is checked); throws on a defect. */
function check(text: string, pass: Pass): void {
  let m;
  try { m = parseModule(text, "fuzz.mlir", ctx); } catch (e) { if (e instanceof DiagnosticError) return; throw e; }
  if (verifyModule(m, ctx).length) return;
  try {
    runPasses(m, ctx, [pass]);
  } catch (e) {
    if (e instanceof DiagnosticError && !e.message.includes("(after pass")) return; // refused, with a reason
    throw new Error(`--${pass.name} on:\n${text}\n${e instanceof DiagnosticError ? e.message : (e as Error).stack}`);
  }
  const out = printModule(m, ctx);
  assert.deepEqual(verifyModule(parseModule(out, "out.mlir", ctx), ctx).map((d) => d.message), [], `--${pass.name} printed IR that does not verify:\n${out}`);
}

test("every pass on every dialect test program and example: a diagnostic or IR that verifies", async () => {
  assert.ok(seeds.length > 30, `only ${seeds.length} seed programs`);
  for (const entry of PASS_CATALOG) {
    const pass = await entry.load();
    for (const s of seeds) check(s, pass);
  }
});

test("every pass on mutated programs (a number, type or predicate swapped): a diagnostic or IR that verifies", { timeout: 300_000 }, async () => {
  const passes = await Promise.all(PASS_CATALOG.map((p) => p.load()));
  const pieces = ["0", "1", "-1", "2", "64", "0.0", "1.0", "-0.0", "true", "false", "%c0", "%c1", "%0", "%arg0", "f32", "i32", "index", "i1", "i64", "f64", "?", "4x", "1x", "slt", "ult", "oeq", "une"];
  fc.assert(fc.property(fc.constantFrom(...seeds), fc.nat(), fc.constantFrom(...pieces), fc.boolean(), fc.constantFrom(...passes),
    (s, at, piece, replace, pass) => {
      const i = at % (s.length + 1), word = replace ? s.slice(i).search(/[^\w.%-]/) : 0;
      check(s.slice(0, i) + piece + s.slice(i + Math.max(word, 0)), pass);
    }), { numRuns: 1500, seed: 20261128 });
});
