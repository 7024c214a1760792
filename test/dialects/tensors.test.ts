// math, tensor, linalg and vector dialects: round trips (custom and generic form), agreement
// with real MLIR 19 in both directions, and every verifier rule's error case.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { DiagnosticError, type Diagnostic } from "../../src/ir/diagnostics.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { createContext } from "../../src/dialects/index.js";

// Compiled to dist/test/dialects; the .mlir data stays in the source tree.
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = (d: string) => join(here, "..", "..", "..", "test", "dialects", d);
const ctx = createContext();

const hasMlirOpt = spawnSync("mlir-opt-19", ["--version"]).status === 0;
function mlirOpt(text: string, args: string[] = []): { ok: boolean; out: string; err: string } {
  const r = spawnSync("mlir-opt-19", ["--verify-each", ...args, "-"], { input: text, encoding: "utf8" });
  return { ok: r.status === 0, out: r.stdout, err: r.stderr };
}

/** Parse + verify, throwing with every diagnostic if anything is wrong. */
function load(text: string, file: string) {
  const m = parseModule(text, file, ctx);
  const diags = verifyModule(m, ctx);
  if (diags.length) throw new DiagnosticError(diags);
  return m;
}
const print = (text: string, file: string, generic = false) => printModule(load(text, file), ctx, { generic });

/** Diagnostics of one `// -----` chunk: parse errors or verifier errors. */
function diagnose(text: string, file: string): Diagnostic[] {
  try {
    return verifyModule(parseModule(text, file, ctx), ctx);
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics;
    throw e;
  }
}

interface Expected { line: number; text: string }
function expectations(chunk: string, firstLine: number): Expected[] {
  const out: Expected[] = [];
  chunk.split("\n").forEach((l, i) => {
    const m = /\/\/\s*expected-error\s*(?:@([+-]\d+))?\s*\{\{(.*)\}\}/.exec(l);
    if (m) out.push({ line: firstLine + i + Number(m[1] ?? 0), text: m[2] });
  });
  return out;
}

for (const dialect of ["math", "tensor", "linalg", "vector"]) {
  describe(`${dialect} dialect`, () => {
    const opsFile = join(dataDir(dialect), "ops.mlir");
    const ops = readFileSync(opsFile, "utf8");

    it("ops.mlir round-trips in custom form and printing is a fixed point", () => {
      const p1 = print(ops, opsFile);
      const p2 = print(p1, "printed.mlir");
      assert.equal(p2, p1);
      for (const op of ops.match(new RegExp(`\\b${dialect}\\.[a-z_0-9]+`, "g")) ?? []) {
        assert.ok(p1.includes(op), `${op} missing from the printed form`);
      }
    });

    it("the generic form of every op parses back to the same IR", () => {
      const p1 = print(ops, opsFile);
      const g1 = print(ops, opsFile, true);
      assert.equal(print(g1, "generic.mlir"), p1);
      assert.equal(print(g1, "generic.mlir", true), g1);
      assert.ok(!g1.includes(` ${dialect}.`), "generic form still has custom ops");
    });

    it("mlir-opt-19 accepts what we print (custom and generic)", { skip: !hasMlirOpt && "mlir-opt-19 not installed" }, () => {
      for (const generic of [false, true]) {
        const r = mlirOpt(print(ops, opsFile, generic));
        assert.ok(r.ok, `mlir-opt-19 rejected our ${generic ? "generic" : "custom"} form:\n${r.err}`);
      }
    });

    it("we accept what mlir-opt-19 prints (custom and generic)", { skip: !hasMlirOpt && "mlir-opt-19 not installed" }, () => {
      for (const args of [[], ["--mlir-print-op-generic"]]) {
        const r = mlirOpt(ops, args);
        assert.ok(r.ok, r.err);
        const p = print(r.out, "mlir-opt.mlir");
        assert.equal(print(p, "again.mlir"), p);
      }
    });

    it("invalid.mlir: every verifier rule reports its error at the expected line", () => {
      const file = join(dataDir(dialect), "invalid.mlir");
      const text = readFileSync(file, "utf8");
      let line = 1;
      let cases = 0;
      for (const chunk of text.split(/^\/\/ -----[ \t]*$/m)) {
        const first = line;
        line += chunk.split("\n").length - 1;
        const want = expectations(chunk, first);
        if (!want.length) continue;
        cases++;
        // Pad so that diagnostics carry the line numbers of the whole file.
        const got = diagnose("\n".repeat(first - 1) + chunk, file);
        for (const w of want) {
          assert.ok(got.some((d) => d.loc?.line === w.line && d.message.includes(w.text)),
            `${file}:${w.line}: expected error "${w.text}", got:\n${got.map((d) => `  ${d.loc?.line}: ${d.message}`).join("\n")}`);
        }
        assert.equal(got.length, want.length, `${file}:${first}: unexpected diagnostics:\n${got.map((d) => `  ${d.loc?.line}: ${d.message}`).join("\n")}`);
      }
      assert.ok(cases > 0);
    });
  });
}
