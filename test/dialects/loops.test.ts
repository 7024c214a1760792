// Round-trip and invalid-input tests for the scf, affine and memref dialects, driven by the
// MLIR-style files in test/dialects/<name>/ (ops.mlir, invalid.mlir).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import test from "node:test";
import assert from "node:assert/strict";
import { createContext } from "../../src/dialects/index.js";
import { DiagnosticError, formatDiagnostic, type Diagnostic } from "../../src/ir/diagnostics.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";

// dist/test/dialects -> repo root
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const ctx = createContext();
const DIALECTS = ["memref", "scf", "affine"];
const hasMlirOpt = spawnSync("mlir-opt-19", ["--version"]).status === 0;

interface Case { text: string; firstLine: number }
/** Splits a file at `// -----` lines, keeping line numbers (each case is padded to its offset). */
function splitCases(text: string): Case[] {
  const out: Case[] = [];
  let cur: string[] = [], first = 1;
  text.split("\n").forEach((line, i) => {
    if (/^\/\/ -----/.test(line)) { out.push({ text: cur.join("\n"), firstLine: first }); cur = []; first = i + 2; }
    else cur.push(line);
  });
  out.push({ text: cur.join("\n"), firstLine: first });
  return out;
}

function parseAndVerify(text: string, file: string): { diags: Diagnostic[]; printed?: string } {
  try {
    const m = parseModule(text, file, ctx);
    const diags = verifyModule(m, ctx);
    return { diags, printed: diags.length ? undefined : printModule(m, ctx) };
  } catch (e) {
    if (e instanceof DiagnosticError) return { diags: e.diagnostics };
    throw e;
  }
}

function checkRoundTrip(text: string, file: string): string {
  const first = parseAndVerify(text, file);
  assert.deepEqual(first.diags.map(formatDiagnostic), [], "input parses and verifies");
  const p1 = first.printed!;
  const second = parseAndVerify(p1, file + ".printed");
  assert.deepEqual(second.diags.map(formatDiagnostic), [], "printed form parses and verifies");
  assert.equal(second.printed, p1, "printing is a fixed point");
  const g = printModule(parseModule(p1, file, ctx), ctx, { generic: true });
  const third = parseAndVerify(g, file + ".generic");
  assert.deepEqual(third.diags.map(formatDiagnostic), [], "generic form parses and verifies");
  assert.equal(third.printed, p1, "generic form parses back to the same IR");
  return p1 + "\n// -----\n" + g;
}

function mlirOptAccepts(text: string): void {
  const r = spawnSync("mlir-opt-19", ["--split-input-file", "--verify-each", "-"], { input: text, encoding: "utf8" });
  assert.equal(r.status, 0, `mlir-opt-19 rejected our output:\n${r.stderr}`);
}

/** `// expected-error @+1 {{msg}}` (or `@-N`, or none = same line) annotations of a case. */
function expectations(c: Case): { line: number; msg: string }[] {
  const out: { line: number; msg: string }[] = [];
  c.text.split("\n").forEach((l, i) => {
    const m = /\/\/ expected-error(?: @([+-]\d+))?\s*\{\{(.*)\}\}/.exec(l);
    if (m) out.push({ line: c.firstLine + i + Number(m[1] ?? 0), msg: m[2] });
  });
  return out;
}

for (const d of DIALECTS) {
  const dir = join(root, "test", "dialects", d);
  test(`${d}: ops.mlir round trip (custom, generic, fixed point)`, () => {
    const file = join(dir, "ops.mlir");
    const outputs = splitCases(readFileSync(file, "utf8")).map((c) => checkRoundTrip("\n".repeat(c.firstLine - 1) + c.text, file));
    if (hasMlirOpt) mlirOptAccepts(outputs.join("\n// -----\n"));
  });

  test(`${d}: invalid.mlir reports each expected error at its location`, () => {
    const file = join(dir, "invalid.mlir");
    const cases = splitCases(readFileSync(file, "utf8"));
    for (const c of cases) {
      const want = expectations(c);
      assert.ok(want.length > 0, `case at line ${c.firstLine} has an expected-error`);
      const got = parseAndVerify("\n".repeat(c.firstLine - 1) + c.text, file).diags;
      for (const w of want) {
        const hit = got.find((g) => g.loc?.line === w.line && g.message.includes(w.msg));
        assert.ok(hit, `line ${w.line}: expected error {{${w.msg}}}, got:\n${got.map(formatDiagnostic).join("\n")}`);
      }
      const unexpected = got.filter((g) => !want.some((w) => g.loc?.line === w.line && g.message.includes(w.msg)));
      assert.deepEqual(unexpected.map(formatDiagnostic), [], `case at line ${c.firstLine}: unexpected diagnostics`);
    }
  });
}
