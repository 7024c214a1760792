// parseModuleIndexed: the same module as parseModule, plus where each SSA name, block label and
// op stands in the text (what the language server maps the cursor through).
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { OpResult } from "../../src/ir/core.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { parseModuleIndexed, type Mention } from "../../src/ir/source-index.js";

const ctx = createContext();
const TEXT = `func.func @f(%a: i32) -> i32 {
  "cf.br"(%b)[^bb1] : (i32) -> ()
^bb1:
  %b = arith.addi %a, %a : i32 loc("elsewhere.mlir":9:1)
  %p:2 = "test.pair"(%b) : (i32) -> (i32, i32)
  return %p#1 : i32
}
`;
const { module, index } = parseModuleIndexed(TEXT, "t.mlir", ctx);
const written = (m: Mention) => TEXT.slice(m.span.start, m.span.end);
const mentionAt = (needle: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = TEXT.indexOf(needle, i + 1);
  return index.at(i + 1)!;
};

test("the indexed parse gives the module parseModule gives", () => {
  assert.equal(printModule(module, ctx, { generic: true }), printModule(parseModule(TEXT, "t.mlir", ctx), ctx, { generic: true }));
});

test("each use names the value it resolved to, forward references included; each value its definition", () => {
  const fwd = mentionAt("%b"), def = mentionAt("%b", 1);
  assert.ok(fwd.kind === "value" && def.kind === "value" && !fwd.def && def.def);
  assert.equal(fwd.value, def.value); // the forward reference was replaced by the value
  assert.ok(fwd.value instanceof OpResult && fwd.value.op.name === "arith.addi");
  assert.deepEqual(index.valueDefs.get(fwd.value), def.span);
  const second = mentionAt("%p#1");
  assert.ok(second.kind === "value" && second.value instanceof OpResult && second.value.index === 1);
  assert.equal(written(second), "%p#1");
  assert.equal(TEXT.slice(index.valueDefs.get(second.value)!.start, index.valueDefs.get(second.value)!.end), "%p");
  const arg = mentionAt("%a", 1);
  assert.ok(arg.kind === "value");
  assert.equal(index.valueDefs.get(arg.value)!.start, TEXT.indexOf("%a"));
});

test("block labels: the successor use and the label definition name one block", () => {
  const use = mentionAt("^bb1"), def = mentionAt("^bb1", 1);
  assert.ok(use.kind === "block" && def.kind === "block" && !use.def && def.def && use.block === def.block);
  assert.deepEqual(index.blockDefs.get(use.block), def.span);
});

test("ops: the name token, and the whole op from its results to its trailing loc, whatever loc(...) says", () => {
  const add = mentionAt("arith.addi");
  assert.ok(add.kind === "op" && add.op.loc?.file === "elsewhere.mlir");
  assert.equal(written(add), "arith.addi");
  const whole = index.ops.get(add.op)!.whole;
  assert.equal(TEXT.slice(whole.start, whole.end), `%b = arith.addi %a, %a : i32 loc("elsewhere.mlir":9:1)`);
  assert.equal(written(mentionAt('"test.pair"')), '"test.pair"');
  const fn = module.functions()[0];
  assert.equal(TEXT.slice(index.ops.get(fn)!.whole.start, index.ops.get(fn)!.whole.end), TEXT.trimEnd());
});
