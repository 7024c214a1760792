// --loop-invariant-code-motion moves what may run where the loop would not: a division or
// remainder only by a constant that is not 0 (nor -1, signed). MLIR 19 moves floordivsi, remsi
// and remui whatever the divisor; out of a loop that never runs, that division by zero traps.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { runPasses } from "../../src/passes/pass.js";
import { lookupPass } from "../../src/passes/registry.js";
import { Engine } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";

await Engine.loadCompiler();

const program = (op: string, divisor: string) => `func.func private @printI64(i64)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d = arith.constant ${divisor} : i64
  %seven = arith.constant 7 : i64
  scf.for %i = %c0 to %c0 step %c1 {
    %r = arith.${op} %seven, %d : i64
    func.call @printI64(%r) : (i64) -> ()
  }
  func.call @printI64(%seven) : (i64) -> ()
  return
}`;
const licm = (text: string) => { const ctx = createContext(), m = parseModule(text, "l.mlir", ctx); runPasses(m, ctx, [lookupPass("loop-invariant-code-motion")!]); return printModule(m, ctx); };
const run = (text: string) => { const ctx = createCapturingContext(); new Engine({ ctx }).load(text, "l.mlir").runMain("main"); return ctx.output(); };
const inLoop = (text: string, op: string) => /scf\.for[^]*arith\./.test(text) && text.indexOf(`arith.${op}`) > text.indexOf("scf.for");

test("a division or remainder by zero stays in a loop that never runs; by a safe constant it moves out", () => {
  for (const op of ["floordivsi", "remsi", "remui", "divsi", "divui", "ceildivsi"]) {
    const zero = licm(program(op, "0"));
    assert.ok(inLoop(zero, op), `${op} by 0 stays:\n${zero}`);
    assert.equal(run(zero), run(program(op, "0")), `${op}: the program still prints 7 and does not trap`);
    const three = licm(program(op, "3"));
    assert.ok(!inLoop(three, op), `${op} by 3 moves out:\n${three}`);
  }
});

test("scf.forall is a loop (MLIR's LoopLikeOpInterface): an invariant op leaves its body, as mlir-opt-19 moves it, its terminator stays", () => {
  const out = licm(`func.func @f(%m: memref<?xf32>, %n: index, %x: f32, %t: tensor<4xf32>, %s: tensor<1xf32>) -> tensor<4xf32> {
  scf.forall (%i) in (%n) {
    %y = arith.addf %x, %x : f32
    memref.store %y, %m[%i] : memref<?xf32>
  }
  %r = scf.forall (%i) in (4) shared_outs(%o = %t) -> (tensor<4xf32>) {
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %s into %o[%i] [1] [1] : tensor<1xf32> into tensor<4xf32>
    }
  }
  return %r : tensor<4xf32>
}`);
  assert.match(out, /%0 = arith\.addf %arg2, %arg2 : f32\n\s*scf\.forall \(%arg5\) in \(%arg1\) \{\n\s*memref\.store %0/);
  assert.match(out, /scf\.forall\.in_parallel \{\n\s*tensor\.parallel_insert_slice/);
});
