// References, highlights, rename and completion in process: values (result groups as one name),
// block labels and symbols; renames that would clash or are not valid names are refused.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Position, TextEdit } from "vscode-languageserver/node.js";
import { Analysis } from "../../src/lsp/analysis.js";
import { completion } from "../../src/lsp/completion.js";
import { highlights, prepareRename, references, rename } from "../../src/lsp/references.js";

const TEXT = `func.func @pair(%a: f32) -> f32 {
  %c:2 = "test.two"() : () -> (f32, f32)
  %s = arith.addf %a, %c#0 : f32
  %t = arith.addf %s, %c#1 : f32
  "cf.br"(%t)[^exit] : (f32) -> ()
^exit(%e: f32):
  return %e : f32
}
func.func @main() -> f32 {
  %x = arith.constant 1.0 : f32
  %r = func.call @pair(%x) : (f32) -> f32
  %r2 = func.call @pair(%r) : (f32) -> f32
  return %r2 : f32
}
`;
const analysis = new Analysis(TEXT, "/w/a.mlir");
/** Position of the `nth` `needle` in `text`, `delta` characters in. */
function at(text: string, needle: string, nth = 0, delta = 1): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  const lines = text.slice(0, i + delta).split("\n");
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
/** The text each edit replaces, and the document after applying them. */
function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split("\n");
  for (const e of [...edits].sort((x, y) => y.range.start.line - x.range.start.line || y.range.start.character - x.range.start.character)) {
    const l = lines[e.range.start.line];
    assert.equal(e.range.start.line, e.range.end.line);
    lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
  }
  return lines.join("\n");
}

test("references of a result group cover its definition and the uses of every result", () => {
  const refs = references(analysis, "u", at(TEXT, "%c#1", 0, 2), true)!;
  assert.deepEqual(refs.map((r) => r.range.start), [at(TEXT, "%c:2", 0, 0), at(TEXT, "%c#0", 0, 0), at(TEXT, "%c#1", 0, 0)]);
  assert.equal(references(analysis, "u", at(TEXT, "%c#1", 0, 2), false)!.length, 2);
  const hs = highlights(analysis, at(TEXT, "%s", 1))!;
  assert.deepEqual(hs.map((h) => [h.range.start.line, h.kind]), [[2, 3], [3, 2]]); // Write at the definition, Read at the use
});

test("references of a symbol and of a block label", () => {
  const sym = references(analysis, "u", at(TEXT, "@pair", 2, 2), true)!;
  assert.deepEqual(sym.map((r) => r.range.start.line), [0, 10, 11]);
  const block = references(analysis, "u", at(TEXT, "^exit", 0, 2), true)!;
  assert.deepEqual(block.map((r) => r.range.start.line), [5, 4]);
  assert.equal(references(analysis, "u", at(TEXT, "arith.addf", 0, 3), true), null); // an op name is no reference
});

test("rename rewrites every mention, keeping `#n`; clashes and bad names are refused", () => {
  const edit = rename(analysis, "u", at(TEXT, "%c#0", 0, 1), "%both");
  assert.ok(edit && "changes" in edit);
  const renamed = apply(TEXT, edit.changes!.u);
  assert.match(renamed, /%both:2 = "test\.two"/);
  assert.match(renamed, /arith\.addf %a, %both#0/);
  assert.match(renamed, /arith\.addf %s, %both#1/);
  const messages = (t: string) => new Analysis(t, "/w/a.mlir").chunks[0].diagnostics.map((d) => d.message);
  assert.deepEqual(messages(renamed), messages(TEXT)); // only those of the unregistered test ops

  const sym = rename(analysis, "u", at(TEXT, "@pair", 1, 3), "twice");
  assert.ok(sym && "changes" in sym);
  assert.equal(apply(TEXT, sym.changes!.u).match(/@twice/g)?.length, 3);
  const label = rename(analysis, "u", at(TEXT, "^exit", 1, 3), "done");
  assert.ok(label && "changes" in label);
  assert.match(apply(TEXT, label.changes!.u), /\[\^done\][^]*\^done\(%e/);

  assert.deepEqual(rename(analysis, "u", at(TEXT, "%s", 0), "t"), { error: "'%t' is already defined in this function" });
  assert.ok(!("error" in (rename(analysis, "u", at(TEXT, "%x", 0), "a") ?? {}))); // %a is another function's
  assert.deepEqual(rename(analysis, "u", at(TEXT, "@main", 0), "pair"), { error: "symbol '@pair' is already defined" });
  assert.deepEqual(rename(analysis, "u", at(TEXT, "@main", 0), "1st"), { error: "'@1st' is not a valid symbol name" });
  assert.deepEqual(rename(analysis, "u", at(TEXT, "%x", 0), "a b"), { error: "'%a b' is not a valid SSA value name" });
  assert.deepEqual(prepareRename(analysis, at(TEXT, "%c#1", 0, 3)), { range: { start: at(TEXT, "%c#1", 0, 0), end: at(TEXT, "%c#1", 0, 2) }, placeholder: "%c" });
});

test("completion: values nearest first with their types, symbols, op names, types; also in a chunk that does not parse", () => {
  const typing = TEXT.replace("  return %r2 : f32\n}", "  %y = arith.mu\n  %z = arith.addf %r, %\n  return %r2 : f32\n}");
  const a = new Analysis(typing, "/w/a.mlir");
  assert.ok(a.chunks[0].diagnostics.length > 0);
  const values = completion(a, at(typing, "%\n", 0, 1));
  assert.deepEqual(values.slice(0, 3).map((c) => c.label), ["%r", "%z", "%y"]);
  assert.ok(values.some((c) => c.label === "%c") && !values.some((c) => c.label === "%c#0"));
  const ops = completion(a, at(typing, "arith.mu", 0, 8)).map((c) => c.label);
  assert.ok(ops.includes("arith.mulf") && ops.includes("arith.muli") && ops.every((n) => n.startsWith("arith.mu")), ops.join());
  assert.deepEqual(completion(analysis, at(TEXT, "@pair", 1, 3)).map((c) => c.label), ["@pair"]);
  const parsed = completion(analysis, at(TEXT, "%c#1", 0, 1));
  assert.equal(parsed.find((c) => c.label === "%c")?.detail, "f32, f32");
  assert.deepEqual(completion(analysis, at(TEXT, "f32) -> f32 {", 0, 1)).map((c) => c.label), ["f16", "f32", "f64"]);
  assert.deepEqual(completion(analysis, at(TEXT, "%a, %c#0", 0, 0)), []); // between operands: nothing to offer
});
