// Resource blobs against mlir-opt-19: TensorLang prints exactly what it prints (custom and
// generic form, the section after the module), each tool accepts the other's output, and the
// expected texts test/ir/resources.test.ts keeps are the tool's.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { formatDiagnostic } from "../../src/ir/diagnostics.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { mlirOpt, mlirSkip } from "../support/mlir.js";
import { RESOURCES_CUSTOM, RESOURCES_GENERIC, RESOURCES_INPUT } from "../support/resources.js";

const ctx = createContext();
const skip = mlirSkip();

function ours(text: string, generic = false): string {
  const m = parseModule(text, "res.mlir", ctx);
  assert.deepEqual(verifyModule(m, ctx).map(formatDiagnostic), []);
  return printModule(m, ctx, { generic });
}
/** mlir-opt-19's output, less the empty line it ends with (tensorlang-opt adds it too; printModule does not). */
function theirs(text: string, generic = false): string {
  const r = mlirOpt(generic ? ["--mlir-print-op-generic"] : [], text);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.endsWith("\n\n"));
  return r.stdout.slice(0, -1);
}

const PROGRAMS: Record<string, string> = {
  "blobs out of order, unused, redefined; external resources": RESOURCES_INPUT,
  "one blob seen as several types; memref.global; attributes in arrays, dictionaries and aliases": `#w = dense_resource<w> : tensor<2xi32>
memref.global "private" constant @g : memref<2x2xf16> = dense_resource<half>
func.func @f() -> (tensor<2xi32>, tensor<8xi8>, tensor<2x2xi1>, vector<2xi32>)
    attributes {a = [dense_resource<q.1$> : tensor<1xui8>, {k = dense_resource<w> : tensor<4xi16>}], b = dense_resource<x> : tensor<2xindex>} {
  %0 = arith.constant #w
  %1 = arith.constant dense_resource<w> : tensor<8xi8>
  %2 = arith.constant dense_resource<mask> : tensor<2x2xi1>
  %3 = arith.constant dense_resource<w> : vector<2xi32>
  return %0, %1, %2, %3 : tensor<2xi32>, tensor<8xi8>, tensor<2x2xi1>, vector<2xi32>
}
{-#
  // a comment inside the section
  dialect_resources: { builtin: { mask: "0x0100000001000001", w: "0x040000000100000002000000", q.1$: "0x01000000FF",
    x: "0x0800000001000000000000000200000000000000", half: "0x02000000003C0040004200C4" } }
#-}
`,
};

for (const [name, text] of Object.entries(PROGRAMS)) {
  test(`resources print as mlir-opt-19 prints them, custom and generic: ${name}`, { skip }, () => {
    for (const generic of [false, true]) {
      const mine = ours(text, generic);
      assert.equal(mine, theirs(text, generic));
      assert.equal(theirs(mine, generic), mine, "mlir-opt-19 reads what we print and prints it back unchanged");
      assert.equal(ours(theirs(text, generic), generic), mine, "we read what mlir-opt-19 prints");
    }
  });
}

test("the expected texts of test/ir/resources.test.ts are mlir-opt-19's", { skip }, () => {
  assert.equal(theirs(RESOURCES_INPUT), RESOURCES_CUSTOM);
  assert.equal(theirs(RESOURCES_INPUT, true), RESOURCES_GENERIC);
});
