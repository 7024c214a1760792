// A function written at the tensor level (tensorlang.matmul, relu) has no loops until it is
// lowered, so the optimizer lowers the module to affine loops first: `--optimize auto` picks
// such a function, the mutations apply, and the program prints what it printed before.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { HeuristicProposer, heuristicProposals } from "../../src/optimizer/heuristic.js";
import { findFunction, mutate } from "../../src/optimizer/mutator.js";
import { loopLevel, optimizeModule, pickHotFunctions } from "../../src/optimizer/optimize.js";
import { Engine } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";
import { example } from "./fixtures/run-cli.js";

await Engine.loadCompiler();

const PROGRAM = `module {
  func.func @mm(%a: tensor<32x32xf32>, %b: tensor<32x32xf32>) -> tensor<32x32xf32> {
    %c = tensorlang.matmul %a, %b : tensor<32x32xf32>, tensor<32x32xf32> -> tensor<32x32xf32>
    %r = tensorlang.relu %c : tensor<32x32xf32>
    return %r : tensor<32x32xf32>
  }
  func.func @main() {
    %a = tensorlang.constant dense<0.5> : tensor<32x32xf32>
    %b = tensorlang.constant dense<-0.25> : tensor<32x32xf32>
    %c = func.call @mm(%a, %b) : (tensor<32x32xf32>, tensor<32x32xf32>) -> tensor<32x32xf32>
    %d = func.call @mm(%a, %a) : (tensor<32x32xf32>, tensor<32x32xf32>) -> tensor<32x32xf32>
    %e = tensorlang.add %c, %d : tensor<32x32xf32>
    %s = tensorlang.reduce_sum %e {axis = 0} : tensor<32x32xf32> -> tensor<32xf32>
    tensorlang.print %s : tensor<32xf32>
    return
  }
}`;

function output(text: string, engine: "wasm" | "interp"): string {
  const ctx = createCapturingContext();
  new Engine({ ctx, engine }).load(text, "t.mlir").runMain("main");
  return ctx.output();
}

test("--optimize auto picks a function written with tensor ops (it found no loops in it before)", () => {
  assert.deepEqual(pickHotFunctions(PROGRAM, "main"), ["mm"]);
});

test("the lowered module has @mm on memrefs with affine loops and prints the same", () => {
  const low = loopLevel(PROGRAM, "mm");
  assert.doesNotMatch(low, /tensorlang\.(?!print )|linalg\./, "only the print of a memref is left for the engine");
  assert.match(low, /func\.func @mm\(%arg0: memref<32x32xf32>, %arg1: memref<32x32xf32>\) -> memref<32x32xf32>/);
  assert.match(low, /affine\.for/);
  // relu(0.5 * -0.25 * 32) = 0 and 0.5 * 0.5 * 32 = 8: every column sums to 32 * 8
  const expected = `Tensor<32xf32>:\n[${Array(32).fill("256").join(",  ")}]\n`;
  for (const engine of ["wasm", "interp"] as const) {
    assert.equal(output(PROGRAM, engine), expected, engine);
    assert.equal(output(low, engine), expected, engine);
  }
  assert.equal(loopLevel(low, "mm"), low, "a module already at loop level is left as it is");
});

test("the optimizer transforms a tensor-level function and the program's output is unchanged", async () => {
  const res = await optimizeModule({ moduleText: PROGRAM, functions: ["mm"], proposer: new HeuristicProposer(), seed: 1, budget: { iterations: 4 } });
  const r = res.reports[0];
  // correct candidates, faster or not (timing noise may call a small kernel's win "slower")
  assert.ok((r.verdicts.accepted ?? 0) + (r.verdicts.slower ?? 0) >= 1, JSON.stringify(r.verdicts));
  assert.equal(output(res.moduleText, "wasm"), output(PROGRAM, "interp"));
});

test("with two matmuls, the heuristic proposes the second one's kernel right after the first's (before the fill loops' single steps)", () => {
  let text = loopLevel(readFileSync(example("mlp.mlir"), "utf8"), "mlp");
  const fmas: number[] = [];
  for (let step = 0; step < 2; step++) {
    const fn = findFunction(parseModule(text, "mlp.mlir", createContext()), "mlp")!;
    const [first] = heuristicProposals(fn, "mlp", []);
    assert.ok("mutations" in first && first.mutations.length >= 4 && first.mutations[0].kind === "vectorize", JSON.stringify(first));
    const r = mutate(text, first);
    assert.ok(r.ok, r.ok ? "" : r.reason);
    text = r.moduleText;
    fmas.push((text.match(/vector\.fma/g) ?? []).length);
  }
  assert.ok(fmas[0] > 0 && fmas[1] === 2 * fmas[0], `vector.fma count after each kernel: ${fmas}`);
});
