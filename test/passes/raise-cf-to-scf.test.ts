// --raise-cf-to-scf undoes --convert-scf-to-cf: random programs lowered to blocks and raised come
// back as the same text; blocks of other shapes stay, and what it raises inside them still runs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { verifyModule } from "../../src/ir/verifier.js";
import { runPasses } from "../../src/passes/pass.js";
import { resolvePipeline } from "../../src/passes/pipeline.js";
import { Rng } from "../../src/optimizer/random.js";
import { generateProgram } from "../backend/gen/program.js";
import { runBoth } from "../backend/wasm/helpers.js";

function passes(text: string, names: string[]): string {
  const ctx = createContext(), m = parseModule(text, "in.mlir", ctx);
  runPasses(m, ctx, resolvePipeline(names));
  assert.deepEqual(verifyModule(m, ctx).map((d) => d.message), []);
  return printModule(m, ctx);
}

test("programs lowered by convert-scf-to-cf (for, if, while, do-while, index_switch, execute_region, parallel) raise back to their structured text", () => {
  const r = new Rng(20261127);
  let branchy = 0;
  for (let i = 0; i < 60; i++) {
    const text = generateProgram(Array.from({ length: 50 + r.int(500) }, () => r.int(0x10000)), { fuel: 24, maxDepth: 3, transcendentals: false });
    const structured = passes(text, ["lower-affine"]), cf = passes(structured, ["convert-scf-to-cf"]);
    branchy += Number(/cf\.(cond_)?br/.test(cf));
    assert.equal(passes(cf, ["raise-cf-to-scf"]), structured, text);
  }
  assert.ok(branchy >= 40, `${branchy} of 60 programs had branches`);
});

// A loop whose exit block takes an argument, an if whose false edge passes one: no shapes the
// lowering makes; they stay blocks, and the counted loop inside is raised.
const MIXED = `func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  cf.br ^head(%c0, %c0 : index, index)
^head(%i: index, %acc: index):
  %more = arith.cmpi slt, %i, %c4 : index
  cf.cond_br %more, ^body, ^exit(%acc : index)
^body:
  %odd = arith.remui %i, %c1 : index
  %z = arith.cmpi eq, %odd, %c0 : index
  cf.cond_br %z, ^then, ^join(%acc : index)
^then:
  cf.br ^inner(%c0, %acc : index, index)
^inner(%j: index, %a: index):
  %go = arith.cmpi slt, %j, %i : index
  cf.cond_br %go, ^step, ^done
^step:
  %a2 = arith.addi %a, %j : index
  %j2 = arith.addi %j, %c1 : index
  cf.br ^inner(%j2, %a2 : index, index)
^done:
  cf.br ^join(%a : index)
^join(%s: index):
  %next = arith.addi %i, %c1 : index
  cf.br ^head(%next, %s : index, index)
^exit(%r: index):
  vector.print %r : index
  return
}`;

test("blocks of other shapes stay; what is raised inside them runs as before under both engines", () => {
  const out = passes(MIXED, ["raise-cf-to-scf"]);
  assert.match(out, /scf\.for %\w+ = %c0 to %\w+ step %c1 iter_args/, out);
  assert.match(out, /cf\.cond_br %\w+, \^bb\d+, \^bb\d+\(%\w+ : index\)/, "the outer loop stays");
  const want = "4\n"; // the sums of j < i for i < 4: 0 + 0 + 1 + (1 + 2)
  assert.deepEqual(runBoth(MIXED), [want, want]);
  assert.deepEqual(runBoth(out), [want, want]);
});

// The condition forwards %x, defined before the loop and used there too: only values of the
// header become the loop's results (replacing every later use of %x broke dominance: fuzzing).
test("a while condition forwarding a value from before the loop leaves that value's other uses", () => {
  const out = passes(`func.func @f(%n: index, %x: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %y = arith.negf %x : f32
  cf.br ^head(%c0 : index)
^head(%i: index):
  %more = arith.cmpi slt, %i, %n : index
  cf.cond_br %more, ^body(%i, %x : index, f32), ^exit
^body(%j: index, %v: f32):
  %next = arith.addi %j, %c1 : index
  cf.br ^head(%next : index)
^exit:
  %z = arith.addf %y, %x : f32
  return %z : f32
}`, ["raise-cf-to-scf"]);
  assert.match(out, /scf\.condition\(%\d+\) %arg2, %arg1 : index, f32/, out);
  assert.match(out, /%0 = arith\.negf %arg1 : f32/, out);
  assert.match(out, /arith\.addf %0, %arg1 : f32/, out);
});
