// Resource blobs: `dense_resource<name>` attributes and the `{-# #-}` file metadata section.
// The expected texts are mlir-opt-19's output for the same input (test/with-mlir/resources.test.ts
// re-checks them against the tool).
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { DenseResourceElementsAttr } from "../../src/ir/attributes.js";
import { DiagnosticError, formatDiagnostic } from "../../src/ir/diagnostics.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { ResourceBlob, parseBlob } from "../../src/ir/resources.js";
import { TensorType, VectorType, bf16, f16, f32, f64, i1, i16, i32, i64, i8, index, type Type } from "../../src/ir/types.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { runPasses } from "../../src/passes/pass.js";
import { lookupPass } from "../../src/passes/registry.js";
import { RESOURCES_CUSTOM, RESOURCES_GENERIC, RESOURCES_INPUT } from "../support/resources.js";

const ctx = createContext();

function load(text: string, file = "res.mlir") {
  const m = parseModule(text, file, ctx);
  assert.deepEqual(verifyModule(m, ctx).map(formatDiagnostic), []);
  return m;
}

test("the section prints as mlir-opt-19 prints it, custom and generic, and both parse back to a fixed point", () => {
  const m = load(RESOURCES_INPUT);
  assert.equal(printModule(m, ctx), RESOURCES_CUSTOM);
  assert.equal(printModule(m, ctx, { generic: true }), RESOURCES_GENERIC);
  assert.equal(printModule(load(RESOURCES_CUSTOM), ctx), RESOURCES_CUSTOM);
  assert.equal(printModule(load(RESOURCES_GENERIC), ctx), RESOURCES_CUSTOM);
  assert.equal(printModule(load(RESOURCES_GENERIC), ctx, { generic: true }), RESOURCES_GENERIC);
});

test("a module that uses no blob and has no external resources prints no section", () => {
  const m = load(`func.func @f() {\n  return\n}\n{-#\n  dialect_resources: { builtin: { unused: "0x04000000" } },\n  external_resources: { }\n#-}\n`);
  assert.ok(!printModule(m, ctx).includes("{-#"));
});

test("a section before the module, and a function declaration right before a section, parse", () => {
  const m = load(`{-#\n  dialect_resources: { builtin: { b: "0x0100000007" } }\n#-}\nfunc.func private @g()\nfunc.func @f() -> tensor<1xi8> {\n  %0 = arith.constant dense_resource<b> : tensor<1xi8>\n  return %0 : tensor<1xi8>\n}\nfunc.func private @h()\n{-#\n#-}\n`);
  assert.match(printModule(m, ctx), /\{-#\n {2}dialect_resources: \{\n {4}builtin: \{\n {6}b: "0x0100000007"\n {4}\}\n {2}\}\n#-\}\n$/);
});

test("blobs: the alignment word as written, upper-case hex; MLIR's errors for bad ones", () => {
  const b = parseBlob("0x10000000abcdef", "k");
  assert.ok(b instanceof ResourceBlob);
  assert.equal(b.alignment, 16);
  assert.deepEqual([...b.bytes], [0xab, 0xcd, 0xef]);
  assert.equal(b.hex, "0x10000000ABCDEF");
  assert.equal(parseBlob("0x1000000", "k"), "expected hex string blob for key 'k'");
  assert.equal(parseBlob("10000000", "k"), "expected hex string blob for key 'k'");
  assert.equal(parseBlob("0x04000000 00", "k"), "expected hex string blob for key 'k'");
  assert.equal(parseBlob("0x0400", "k"), "expected hex string blob for key 'k' to encode alignment in first 4 bytes");
  assert.equal(parseBlob("0x06000000", "k"), "expected hex string blob for key 'k' to encode alignment in first 4 bytes, but got non-power-of-2 value: 6");
  assert.equal(parseBlob("0x00000000", "k"), "expected hex string blob for key 'k' to encode alignment in first 4 bytes, but got non-power-of-2 value: 0");
});

const blob = (hex: string) => parseBlob(hex, "b") as ResourceBlob;
const elements = (hex: string, t: Type, shape = [2]) => new DenseResourceElementsAttr("b", TensorType.get(shape, t), blob(hex)).elements?.values;

test("elements read from a blob: each element type the engines compute with, little-endian", () => {
  assert.deepEqual(elements("0x040000000000803F000000C0", f32), [1, -2]);
  assert.deepEqual(elements("0x08000000000000000000F83F000000000000F0BF", f64), [1.5, -1]);
  assert.deepEqual(elements("0x02000000003C00C0", f16), [1, -2]);
  assert.deepEqual(elements("0x02000000803FC0BF", bf16), [1, -1.5]);
  assert.deepEqual(elements("0x010000000100FF", i1, [3]), [1, 0, 1], "i1: a byte each, nonzero is true");
  assert.deepEqual(elements("0x01000000FF7F", i8), [-1, 127]);
  assert.deepEqual(elements("0x0200000000800100", i16), [-32768, 1]);
  assert.deepEqual(elements("0x04000000FFFFFFFF00000080", i32), [-1, -2147483648]);
  assert.deepEqual(elements("0x08000000FFFFFFFFFFFFFFFF0000000001000000", i64), [-1n, 4294967296n]);
  assert.deepEqual(elements("0x080000000500000000000000", index, [1]), [5]);
  assert.deepEqual(new DenseResourceElementsAttr("b", VectorType.get([2], i8), blob("0x010000000102")).elements?.values, [1, 2]);
});

test("no elements where TensorLang reads none: wrong size, dynamic shape", () => {
  const wrong = new DenseResourceElementsAttr("b", TensorType.get([3], f32), blob("0x040000000000803F"));
  assert.equal(wrong.elements, undefined);
  assert.equal(wrong.sizeError(), "resource 'b' holds 4 bytes, but tensor<3xf32> needs 12 (3 elements of 4 bytes)");
  const dynamic = load(`func.func @f() attributes {a = dense_resource<b> : tensor<?xf32>} {\n  return\n}\n{-#\n  dialect_resources: { builtin: { b: "0x040000000000803F" } }\n#-}\n`)
    .functions()[0].attr("a");
  assert.ok(dynamic instanceof DenseResourceElementsAttr && dynamic.blob && dynamic.elements === undefined);
});

test("DenseResourceElementsAttr: equal when name, type and bytes are", () => {
  const t = TensorType.get([2], i8);
  const a = new DenseResourceElementsAttr("w", t, blob("0x010000000102"));
  assert.ok(a.equals(new DenseResourceElementsAttr("w", t, blob("0x010000000102"))));
  assert.ok(!a.equals(new DenseResourceElementsAttr("w", t, blob("0x010000000103"))), "other bytes");
  assert.ok(!a.equals(new DenseResourceElementsAttr("w", t, blob("0x020000000102"))), "other alignment");
  assert.ok(!a.equals(new DenseResourceElementsAttr("v", t, blob("0x010000000102"))), "other name");
  assert.ok(!a.equals(new DenseResourceElementsAttr("w", TensorType.get([1], i16), blob("0x010000000102"))), "other type");
  assert.equal(a.str, "dense_resource<w> : tensor<2xi8>");
});

test("a name no section defines is kept without values, as mlir-opt-19 keeps it (and its __elided__), and prints back with no section", () => {
  const text = `memref.global "private" constant @g : memref<3xf32> = dense_resource<__elided__>\nfunc.func @f() attributes {a = dense_resource<nope> : tensor<1xi8>} {\n  return\n}\n`;
  const m = load(text), out = printModule(m, ctx);
  assert.match(out, /= dense_resource<__elided__>\n/);
  assert.match(out, /attributes \{a = dense_resource<nope> : tensor<1xi8>\}/);
  assert.ok(!out.includes("{-#"));
  let attr: DenseResourceElementsAttr | undefined;
  m.walk((op) => { const a = op.attr("a"); if (a instanceof DenseResourceElementsAttr) attr = a; });
  assert.equal(attr?.elements, undefined);
  assert.equal(attr?.unreadable, "no blob 'nope' in the file's {-# dialect_resources: {builtin: ...} #-} section");
});

test("blobs of the wrong size are errors at the name", () => {
  const err = (text: string) => {
    try { parseModule(text, "e.mlir", ctx); } catch (e) { if (e instanceof DiagnosticError) return e.message; throw e; }
    assert.fail("no error");
  };
  assert.match(err(`memref.global @g : memref<2xi32> = dense_resource<b>\n{-#\n  dialect_resources: { builtin: { b: "0x0400000001000000" } }\n#-}\n`),
    /^e\.mlir:1:51: error: resource 'b' holds 4 bytes, but tensor<2xi32> needs 8 \(2 elements of 4 bytes\)/);
  assert.match(err(`{-#\n  dialect_resources: { builtin: { b: "0x0300000001" } }\n#-}\n`),
    /^e\.mlir:2:38: error: expected hex string blob for key 'b' to encode alignment in first 4 bytes, but got non-power-of-2 value: 3/);
});

test("canonicalize folds tensor.extract of a blob, merges equal constants, and folds no arithmetic on blobs", () => {
  const m = load(`func.func @f() -> (f32, i8, tensor<2xf32>, tensor<2xf32>) {
  %c1 = arith.constant 1 : index
  %0 = arith.constant dense_resource<b> : tensor<2xf32>
  %1 = tensor.extract %0[%c1] : tensor<2xf32>
  %2 = arith.constant dense_resource<b> : tensor<8xi8>
  %3 = tensor.extract %2[%c1] : tensor<8xi8>
  %4 = arith.addf %0, %0 : tensor<2xf32>
  %5 = arith.constant dense_resource<b> : tensor<2xf32>
  return %1, %3, %4, %5 : f32, i8, tensor<2xf32>, tensor<2xf32>
}
{-#
  dialect_resources: { builtin: { b: "0x040000000000803F00000040" } }
#-}
`);
  runPasses(m, ctx, [lookupPass("canonicalize")!]);
  const out = printModule(m, ctx);
  assert.match(out, /%cst_0 = arith.constant 2.000000e\+00 : f32/);
  assert.match(out, /arith.constant 0 : i8/, "element 1 of the bytes 00 00 80 3F ...");
  assert.match(out, /%0 = arith.addf %cst, %cst : tensor<2xf32>/);
  assert.match(out, /return %cst_0, %c0_i8, %0, %cst :/, "the two equal blob constants are one");
  assert.equal(out.match(/dense_resource/g)?.length, 1);
});
