// Bad input never crashes: truncated, mutated and random texts end in diagnostics, not
// uncaught exceptions or hangs.
import fc from "fast-check";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { DiagnosticError } from "../../src/ir/diagnostics.js";
import { MAX_REGION_NESTING, parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { PASS_CATALOG } from "../../src/passes/catalog.js";
import { runPasses } from "../../src/passes/pass.js";

const ctx = createContext();
const seeds = readdirSync("examples").filter((f) => f.endsWith(".mlir")).map((f) => readFileSync(`examples/${f}`, "utf8"));
seeds.push(`func.func @f(%a: f32, %b: i32) -> f32 attributes {x = dense<[1, 2]> : tensor<2xi32>} {
  %0 = arith.addf %a, %a : f32
  %1 = arith.cmpi slt, %b, %b : i32
  %2 = arith.select %1, %0, %a : f32
  return %2 : f32
}`);
seeds.push(`func.func @g(%a: si8, %b: ui32, %c: f128, %d: f8E4M3FN, %e: complex<f32>, %v: vector<2x[4]xf32>) -> tensor<2xui8> {
  %0 = arith.constant dense<[255, 1]> : tensor<2xui8>
  %1 = arith.constant 0x3FFF8000000000000000000000000000 : f128
  %2 = arith.addf %1, %c : f128
  %3 = arith.constant 448.0 : f8E4M3FN
  %4 = vector.extract %v[0] : vector<[4]xf32> from vector<2x[4]xf32>
  %5 = arith.constant dense<[1.5, 0x7F]> : tensor<2xf8E4M3FN>
  return %0 : tensor<2xui8>
}`);
seeds.push(`func.func @h() -> (tensor<3xi1>, tensor<2xi24>) attributes {a = dense<"0x07000000"> : tensor<3xi32>, b = dense<"0x0000803F"> : tensor<1xf32>} {
  %0 = arith.constant dense<"0x05"> : tensor<3xi1>
  %1 = arith.constant dense<"0x010000FFFFFF"> : tensor<2xi24>
  return %0, %1 : tensor<3xi1>, tensor<2xi24>
}`);
seeds.push(`memref.global "private" constant @g : memref<2xi16> = dense_resource<g>
func.func @r() -> (tensor<2xf32>, tensor<3xi1>) attributes {a = [dense_resource<g> : tensor<4xi8>]} {
  %c1 = arith.constant 1 : index
  %0 = arith.constant dense_resource<w> : tensor<2xf32>
  %1 = arith.constant dense_resource<m> : tensor<3xi1>
  %2 = tensor.extract %0[%c1] : tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<3xi1>
}
{-#
  dialect_resources: { builtin: { w: "0x040000000000803F00000040", m: "0x01000000010001", g: "0x02000000FFFF0100" } },
  external_resources: { mlir_reproducer: { pipeline: "builtin.module(canonicalize)", verify_each: true } }
#-}`);
// Strings with escapes where the parser decodes them (keys, quoted symbols, locations' file names), locations as values (syntax fuzzing)
seeds.push(`#l = loc("n")
func.func private @"s\\22y"() attributes {"k\\0A" = "\\E9\\C3\\A9", b = @"a b"::@c, c = loc(callsite(#l at "f\\22.mlir":1:2)), d = #foo<"y">, e = dense<[true, false]> : tensor<2xsi1>, f = [1.e5 : f32]}`);

/** Parse, verify and print; only DiagnosticError may escape. */
function survive(text: string): void {
  try {
    const m = parseModule(text, "fuzz.mlir", ctx);
    if (verifyModule(m, ctx).length === 0) printModule(m, ctx);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw new Error(`non-diagnostic failure on input:\n${text}\n${(e as Error).stack}`);
    assert.match(e.message, /fuzz\.mlir:\d+:\d+: error: /);
  }
}

test("truncated inputs give diagnostics", { timeout: 120_000 }, () => {
  for (const s of seeds) for (let i = 0; i < s.length; i += Math.max(1, Math.floor(s.length / 300))) survive(s.slice(0, i));
});

test("mutated inputs give diagnostics", { timeout: 120_000 }, () => {
  const pieces = ["%", "^", "#", "!", "@", "(", ")", "{", "}", "<", ">", "[", "]", ",", ":", "=", "->", "\"", "x", "0x", "-", "...", "//", "\n", "dense<", "affine_map<", "i32", "?", "*", "si8", "ui", "f128", "f80", "tf32", "f8E5M2", "complex<", "[4]x", "0x7FFF8", "dense_resource<", "{-#", "#-}", "0x04000000"];
  fc.assert(fc.property(
    fc.constantFrom(...seeds), fc.nat(), fc.nat(20), fc.constantFrom(...pieces), fc.boolean(),
    (s, at, len, piece, insert) => {
      const i = at % (s.length + 1);
      survive(insert ? s.slice(0, i) + piece + s.slice(i) : s.slice(0, i) + s.slice(i + len));
    }), { numRuns: 3000, seed: 42 });
});

test("random inputs give diagnostics", { timeout: 120_000 }, () => {
  fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => survive(s)), { numRuns: 2000, seed: 7 });
  fc.assert(fc.property(fc.array(fc.constantFrom("func.func", "@f", "(", ")", "%a", ":", "f32", "{", "}", "return", "=", "arith.addf", ",", "->", "^bb0", "scf.for", "to", "step"), { maxLength: 40 }),
    (ts) => survive(ts.join(" "))), { numRuns: 2000, seed: 9 });
});

// JS's stack is the limit nesting meets first: regions are bounded where every later stage still
// fits (the printer and passes overflowed a few hundred levels below what parsed), anything else
// nested too deep for the parser (types, attributes, affine expressions) is a diagnostic too.
test("deep nesting gives diagnostics; regions up to the limit print, read back and run every pass", async () => {
  const ifs = (n: number) => `func.func @f(%c: i1) {\n${"scf.if %c {\n".repeat(n)}${"}\n".repeat(n)}  return\n}`;
  const tooDeep = () => parseModule(ifs(MAX_REGION_NESTING), "deep.mlir", ctx);
  assert.throws(tooDeep, (e: Error) => e instanceof DiagnosticError && e.message.startsWith(`deep.mlir:${MAX_REGION_NESTING + 1}:11: error: regions nested more than ${MAX_REGION_NESTING} deep`));
  const m = parseModule(ifs(MAX_REGION_NESTING - 1), "deep.mlir", ctx);
  assert.deepEqual(verifyModule(m, ctx), []);
  for (const generic of [false, true]) assert.deepEqual(verifyModule(parseModule(printModule(m, ctx, { generic }), "p.mlir", ctx), ctx), []);
  for (const entry of PASS_CATALOG) runPasses(parseModule(ifs(MAX_REGION_NESTING - 1), "deep.mlir", ctx), ctx, [await entry.load()]);
  for (const text of [`func.func @f(%a: ${"tuple<".repeat(50_000)}i32${">".repeat(50_000)})`, `#m = affine_map<(d0) -> (${"(".repeat(50_000)}d0${")".repeat(50_000)})>`,
    `func.func @f() attributes {a = ${"[".repeat(50_000)}${"]".repeat(50_000)}}`]) {
    assert.throws(() => parseModule(text, "deep.mlir", ctx), (e: Error) => e instanceof DiagnosticError && /^deep\.mlir:1:\d+: error: nested too deeply to parse/.test(e.message));
  }
});
