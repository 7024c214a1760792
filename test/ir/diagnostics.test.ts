// How a diagnostic quotes its source line: the caret stands under the column through tabs, and a
// long line is cut to the part around the column.
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDiagnostic, registerSource } from "../../src/ir/diagnostics.js";

/** The quoted line and the character the caret stands under (tabs drawn as one column each, as they are copied into the caret's padding). */
function quoted(line: string, col: number) {
  registerSource("d.mlir", `// first\n${line}\n`);
  const [head, text, caret] = formatDiagnostic({ loc: { file: "d.mlir", line: 2, col }, severity: "error", message: "m" }).split("\n");
  assert.equal(head, `d.mlir:2:${col}: error: m`);
  assert.match(caret, /^[ \t]*\^$/);
  return { text, under: text[caret.length - 1], padding: caret.slice(0, -1) };
}

test("the caret's padding keeps the line's tabs, so it stands under the column", () => {
  const { text, under, padding } = quoted("\t\t%x = arith.addi %y, %y : i32", 19);
  assert.equal(text, "\t\t%x = arith.addi %y, %y : i32");
  assert.equal(under, "%");
  assert.equal(padding, "\t\t" + " ".repeat(16));
});

test("a long line is cut around the column, '...' where cut, the caret under the same character", () => {
  const line = Array.from({ length: 600 }, (_, i) => String.fromCharCode(97 + (i * 7) % 26)).join("");
  for (const col of [1, 50, 300, 555, 600]) {
    const { text, under } = quoted(line, col);
    assert.equal(under, line[col - 1], `column ${col}`);
    assert.ok(text.length <= 160 + 6, `column ${col}: ${text.length} characters shown`);
    assert.equal(text.startsWith("..."), col > 81, `column ${col}: cut before`);
    assert.equal(text.endsWith("..."), col < 520, `column ${col}: cut after`);
    assert.ok(line.includes(text.replace(/^\.\.\.|\.\.\.$/g, "")), "a part of the line");
  }
  // a short line is quoted whole
  assert.equal(quoted("x".repeat(160), 160).text, "x".repeat(160));
});
