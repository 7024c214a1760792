// The server's analysis in process: chunks keep the document's line numbers, diagnostics land on
// the token their location names, notes become related information, and a location in another
// file is named in the message.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Analysis } from "../../src/lsp/analysis.js";
import { lspDiagnostics } from "../../src/lsp/diagnostics.js";
import { documentSymbols, hover } from "../../src/lsp/features.js";

const URI = "file:///w/a.mlir";

test("chunks cover the document's lines between `// -----` markers, empty chunks included", () => {
  const a = new Analysis("func.func @a() {\n  return\n}\n// -----\n// -----\nfunc.func @b() {\n  return\n}\n", "/w/a.mlir");
  assert.deepEqual(a.chunks.map((c) => [c.firstLine, c.lastLine]), [[0, 2], [4, 3], [5, 8]]);
  assert.equal(a.chunkAt(6), a.chunks[2]);
  assert.equal(a.chunkAt(3), undefined);
  assert.deepEqual(documentSymbols(a).map((s) => [s.name, s.range.start.line]), [["@a", 0], ["@b", 5]]);
  assert.match((hover(a, { line: 6, character: 3 })?.contents as { value: string }).value, /`func.return`: no results/);
});

test("a location in another file is named in the message, at the chunk's first line; notes become related information", () => {
  const text = `// a comment line
func.func @f(%x: i32) -> f32 {
  return %x : i32 loc("other.mlir":3:5)
}
`;
  const a = new Analysis(text, "/w/a.mlir");
  const [d] = lspDiagnostics(a, URI);
  assert.match(d.message, /^type of return operand 0 .* in function @f \(at other\.mlir:3:5\)$/);
  assert.deepEqual(d.range.start, { line: 0, character: 0 });

  a.chunks[0].diagnostics = [{ loc: { file: "/w/a.mlir", line: 3, col: 10 }, severity: "warning", message: "w",
    notes: [{ loc: { file: "/w/a.mlir", line: 2, col: 14 }, severity: "note", message: "see here" }] }];
  const [w] = lspDiagnostics(a, URI);
  assert.equal(w.severity, 2);
  assert.deepEqual(w.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 11 } }); // `%x`
  assert.deepEqual(w.relatedInformation, [{ location: { uri: URI, range: { start: { line: 1, character: 13 }, end: { line: 1, character: 15 } } }, message: "see here" }]);
});

test("with --allow-unregistered-dialect, ops of unknown dialects are kept and only real errors remain", () => {
  const text = `func.func @f(%x: i32) -> f32 {
  %y = "mydialect.op"(%x) : (i32) -> i32
  return %y : i32
}
`;
  const messages = (allow: boolean) => new Analysis(text, "/w/a.mlir", allow).chunks[0].diagnostics.map((d) => d.message);
  assert.ok(messages(false).some((m) => m.startsWith("operation being parsed with an unregistered dialect")));
  assert.deepEqual(messages(true), messages(false).filter((m) => !/unregistered/.test(m)));
  assert.match(messages(true).join("\n"), /type of return operand 0/);
});

test("builtin types beyond f16..f64 and iN analyse, hover and report without throwing", () => {
  const text = `func.func @f(%a: ui32, %b: f128, %c: complex<f32>, %v: vector<[4]xf32>) -> f128 {
  %0 = arith.addf %b, %b : f128
  %1 = arith.addi %a, %a : ui32
  %2 = arith.constant 0x3FFF8000000000000000000000000001 : f128
  return %0 : f128
}
`;
  const a = new Analysis(text, "/w/a.mlir");
  const messages = lspDiagnostics(a, URI).map((d) => [d.range.start.line, d.message]);
  assert.deepEqual(messages, [[3, "0x3FFF8000000000000000000000000001 cannot be held exactly as f128 here (TensorLang keeps float values as doubles: 53 significant bits)"]]);
  const ok = new Analysis(text.replace(/ {2}%1 = .*\n {2}%2 = .*\n/, ""), "/w/a.mlir");
  assert.deepEqual(lspDiagnostics(ok, URI), []);
  assert.match((hover(ok, { line: 1, character: 8 })?.contents as { value: string }).value, /arith\.addf/);
  const verr = new Analysis(text.replace(/ {2}%2 = .*\n/, ""), "/w/a.mlir");
  assert.match(lspDiagnostics(verr, URI)[0].message, /'arith\.addi' op operand #0 must be signless-integer-like, but got 'ui32'/);
});
