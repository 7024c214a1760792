// Shared by the dialect tests: load/print/diagnose in one context, the invalid.mlir checker and
// mlir-opt-19 runs (skipped locally when MLIR is missing, required in CI: test/support/mlir.ts).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createContext } from "../../src/dialects/index.js";
import { DiagnosticError, type Diagnostic } from "../../src/ir/diagnostics.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { mlirOpt } from "../support/mlir.js";

export { mlirSkip } from "../support/mlir.js";
export const ctx = createContext();

// Compiled to dist/test/dialects; the .mlir data stays in the source tree.
const here = dirname(fileURLToPath(import.meta.url));
export const dataDir = (d: string): string => join(here, "..", "..", "..", "test", "dialects", d);

/** A dialect's invalid-input files: invalid.mlir (mlir-opt-19 agrees) and, if any, invalid-tensorlang-only.mlir. */
export const invalidFiles = (d: string): string[] =>
  ["invalid.mlir", "invalid-tensorlang-only.mlir"].map((f) => join(dataDir(d), f)).filter((f) => existsSync(f));

/** Parse + verify, throwing with every diagnostic if anything is wrong. */
export function load(text: string, file: string) {
  const m = parseModule(text, file, ctx);
  const diags = verifyModule(m, ctx);
  if (diags.length) throw new DiagnosticError(diags);
  return m;
}
export const print = (text: string, file: string, generic = false): string => printModule(load(text, file), ctx, { generic });

/** Diagnostics of one `// -----` chunk: parse errors or verifier errors. */
export function diagnose(text: string, file: string): Diagnostic[] {
  try {
    return verifyModule(parseModule(text, file, ctx), ctx);
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics;
    throw e;
  }
}

/** Checks every `// -----` chunk of invalid.mlir: exactly the expected errors, on their lines. Returns the number of cases. */
export function checkInvalid(file: string): number {
  const text = readFileSync(file, "utf8");
  let line = 1, cases = 0;
  for (const chunk of text.split(/^\/\/ -----[ \t]*$/m)) {
    const first = line;
    line += chunk.split("\n").length - 1;
    const want: { line: number; text: string }[] = [];
    chunk.split("\n").forEach((l, i) => {
      const m = /\/\/\s*expected-error\s*(?:@([+-]\d+))?\s*\{\{(.*)\}\}/.exec(l);
      if (m) want.push({ line: first + i + Number(m[1] ?? 0), text: m[2] });
    });
    if (!want.length) continue;
    cases++;
    // Pad so that diagnostics carry the line numbers of the whole file.
    const got = diagnose("\n".repeat(first - 1) + chunk, file);
    const show = got.map((d) => `  ${d.loc?.line}: ${d.message}`).join("\n");
    for (const w of want) {
      assert.ok(got.some((d) => d.loc?.line === w.line && d.message.includes(w.text)), `${file}:${w.line}: expected "${w.text}", got:\n${show}`);
    }
    assert.equal(got.length, want.length, `${file}:${first}: unexpected diagnostics:\n${show}`);
  }
  return cases;
}

/** mlir-opt-19 --verify-each on `text` (stdin) with `args`. */
export function mlirOptVerify(text: string, args: string[] = []): { ok: boolean; out: string; err: string } {
  const r = mlirOpt(["--verify-each", ...args, "-"], text);
  return { ok: r.code === 0, out: r.stdout, err: r.stderr };
}
