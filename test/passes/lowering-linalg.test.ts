import assert from "node:assert/strict";
import { test } from "node:test";
import { convertLinalgToAffineLoops, convertLinalgToLoops } from "../../src/passes/convert-linalg-to-loops.js";
import { lowerAffine } from "../../src/passes/lower-affine.js";
import { assertMlirAccepts, assertSameAfter, count, has, input, lower, mlirSkip } from "./lowering-support.js";

const named = input("convert-linalg-to-loops/named-and-generic.mlir");
const indexed = input("convert-linalg-to-loops/index-and-reduce.mlir");

test("convert-linalg-to-loops: fill, matmul, generic, transpose, add become scf loop nests", () => {
  const { module } = lower(named, [convertLinalgToLoops]);
  assert.equal(has(module, "linalg."), false);
  assert.equal(count(module, "scf.for"), 2 + 3 + 2 + 2 + 2);
  assert.equal(count(module, "memref.store"), 5);
  // matmul 3 loads, generic 2, transpose 1, add 2; fill none
  assert.equal(count(module, "memref.load"), 8);
  assert.equal(count(module, "memref.dim"), 1); // the dynamic k extent of the matmul
});

test("convert-linalg-to-loops: same loops as mlir-opt's own lowering", { skip: mlirSkip() }, () => {
  const { text } = lower(named, [convertLinalgToLoops]);
  assertMlirAccepts(text);
  assertSameAfter(["--canonicalize", "--cse"], text, ["--convert-linalg-to-loops"], named);
});

test("convert-linalg-to-loops: linalg.index reads the induction variable; integer named ops", { skip: mlirSkip() }, () => {
  const { module, text } = lower(indexed, [convertLinalgToLoops]);
  assert.equal(has(module, "linalg."), false);
  assertMlirAccepts(text);
  assertSameAfter(["--canonicalize", "--cse"], text, ["--convert-linalg-to-loops"], indexed);
  const affine = lower(indexed, [convertLinalgToAffineLoops]);
  assertMlirAccepts(affine.text);
  assertSameAfter(["--lower-affine", "--canonicalize", "--cse"], affine.text, ["--convert-linalg-to-affine-loops"], indexed);
});

test("convert-linalg-to-loops: reduce, broadcast, copy, exp as MLIR lowers them", { skip: mlirSkip() }, () => {
  const src = input("convert-linalg-to-loops/reduce-broadcast-copy.mlir");
  for (const [pass, flag] of [[convertLinalgToLoops, "--convert-linalg-to-loops"], [convertLinalgToAffineLoops, "--convert-linalg-to-affine-loops"]] as const) {
    const { module, text } = lower(src, [pass]);
    assert.equal(has(module, "linalg."), false);
    assertMlirAccepts(text);
    assertSameAfter(["--lower-affine", "--canonicalize", "--cse"], text, [flag], src);
  }
});

test("convert-linalg-to-affine-loops: affine.for/load/store, then lower-affine gives scf", { skip: mlirSkip() }, () => {
  const { module, text } = lower(named, [convertLinalgToAffineLoops]);
  assert.equal(has(module, "linalg."), false);
  assert.equal(count(module, "affine.for"), 11);
  assert.equal(count(module, "affine.load"), 8);
  assert.equal(count(module, "scf.for"), 0);
  assertMlirAccepts(text);
  assertSameAfter(["--lower-affine", "--canonicalize", "--cse"], text, ["--convert-linalg-to-affine-loops"], named);
  const scf = lower(text, [lowerAffine]);
  assert.equal(has(scf.module, "affine."), false);
  assertMlirAccepts(scf.text);
});

test("convert-linalg-to-loops: linalg ops on tensors are left for bufferize", () => {
  const prog = `func.func @f(%t: tensor<4xf32>, %s: f32) -> tensor<4xf32> {
  %r = linalg.fill ins(%s : f32) outs(%t : tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}`;
  const { module } = lower(prog, [convertLinalgToLoops]);
  assert.equal(count(module, "linalg.fill"), 1);
});
