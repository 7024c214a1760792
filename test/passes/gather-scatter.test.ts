// tensor.gather and tensor.scatter, end to end. MLIR 19 neither bufferizes nor lowers them, so
// the numbers are pinned by hand; mlir-cpu-runner-19 then runs our --bufferize output (the loops
// that gather and scatter become) and must print the same.
import assert from "node:assert/strict";
import { test } from "node:test";
import { printViaRunnerUtils } from "../../src/passes/lowering-print.js";
import { bufferize } from "../../src/passes/bufferize.js";
import { printModule } from "../../src/ir/printer.js";
import { mlirRunStandard, mlirSkip } from "../support/mlir.js";
import { ctx, input, lower, ours } from "./lowering-support.js";

const PROGRAM = input("pipeline/gather-scatter.mlir");
const numbers = (out: string) => out.split("\n").filter((l) => !l.startsWith("Tensor<") && !l.startsWith("Unranked")).join(" ").match(/-?\d+/g);

// Read off the source by hand: rows 3, 0, 2; points (1, 2) and (3, 0); rows 1 and 3 replaced;
// column 2 replaced; the second column of rows 2, 1, 1, 0; then the scattered and the untouched source.
const SRC = ["0", "1", "2", "10", "11", "12", "20", "21", "22", "30", "31", "32"];
const ROWS_REPLACED = ["0", "1", "2", "-1", "-2", "-3", "20", "21", "22", "-4", "-5", "-6"];
const WANT = [
  "30", "31", "32", "0", "1", "2", "20", "21", "22",
  "12", "30", "12", "30",
  ...ROWS_REPLACED,
  "0", "1", "7", "-1", "-2", "8", "20", "21", "9", "-4", "-5", "6",
  "21", "11", "11", "1",
  ...ROWS_REPLACED, ...SRC,
];

test("gather and scatter: the interpreter on tensors, after lowering, and the wasm engine print the hand-computed values", () => {
  const want = ours(PROGRAM, "interp", false);
  assert.deepEqual(numbers(want), WANT);
  assert.equal(ours(PROGRAM, "interp"), want);
  assert.equal(ours(PROGRAM, "wasm"), want);
});

test("gather and scatter: mlir-cpu-runner-19 running our bufferized loops prints the same values", { skip: mlirSkip() }, () => {
  const { module } = lower(PROGRAM, [bufferize]);
  printViaRunnerUtils(module);
  assert.deepEqual(numbers(mlirRunStandard(printModule(module, ctx))), WANT);
});

test("a gather index outside the source is a runtime error at the gather, in every engine", () => {
  const text = `func.func @main() {
  %src = arith.constant dense<[[0.0, 1.0], [10.0, 11.0], [20.0, 21.0]]> : tensor<3x2xf32>
  %bad = arith.constant dense<[[3]]> : tensor<1x1xindex>
  %g = tensor.gather %src[%bad] gather_dims([0]) : (tensor<3x2xf32>, tensor<1x1xindex>) -> tensor<1x2xf32>
  tensorlang.print %g : tensor<1x2xf32>
  return
}`;
  assert.throws(() => ours(text, "interp", false), /tensor index \[3, 0\] is outside the shape 3x2/);
  for (const engine of ["interp", "wasm"] as const) assert.throws(() => ours(text, engine), /input\.mlir:4:8.*index \[3, 0\] is out of bounds/s, engine);
});
