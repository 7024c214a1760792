// Convolutions, pooling, tensor.pad and tensor.concat, end to end: the same program under the
// reference interpreter (as written and lowered), the wasm engine and real MLIR 19 (mlir-opt-19
// --one-shot-bufferize for tensor programs, then mlir-cpu-runner-19) prints the same numbers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { mlirRunStandard, mlirSkip, readExample } from "../support/mlir.js";
import { expectedOutput } from "../support/examples.js";
import { dataOf, input, ours, theirsAfterTransform } from "./lowering-support.js";

const DECOMPOSE_CONCAT = `    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %f { transform.apply_patterns.tensor.decompose_concat } : !transform.any_op
`;
// MLIR 19 bufferizes no tensor.concat: its decomposition into insert_slices runs first.
const theirsOnTensors = (text: string) => theirsAfterTransform(text, DECOMPOSE_CONCAT);

const TENSOR_PROGRAMS = ["pipeline/conv-pool.mlir", "pipeline/pad-concat.mlir", "pipeline/conv-more.mlir", "pipeline/elemwise.mlir"];

for (const file of TENSOR_PROGRAMS) {
  test(`${file}: the interpreter (before and after lowering) and the wasm engine print the same`, () => {
    const text = input(file);
    const want = ours(text, "interp", false);
    assert.match(want, /Tensor<.*>:\n\[/);
    assert.equal(ours(text, "interp"), want);
    assert.equal(ours(text, "wasm"), want);
  });

  test(`${file}: mlir-cpu-runner-19 after one-shot bufferization prints the same numbers`, { skip: mlirSkip() }, () => {
    const text = input(file);
    assert.equal(dataOf(theirsOnTensors(text)), dataOf(ours(text, "wasm")));
  });
}

test("examples/conv_pool.expected holds the numbers mlir-cpu-runner-19 prints for the example", { skip: mlirSkip() }, () => {
  assert.equal(dataOf(theirsOnTensors(readExample("conv_pool.mlir"))), dataOf(expectedOutput("conv_pool")));
});

test("pipeline/conv-memref.mlir: window ops on memrefs print what mlir-cpu-runner-19 prints, in both engines", { skip: mlirSkip() }, () => {
  const text = input("pipeline/conv-memref.mlir");
  const want = mlirRunStandard(text);
  assert.equal(ours(text, "interp", false), want);
  assert.equal(ours(text, "wasm"), want);
});

// MLIR 19's other window and contraction ops (conv_1d/3d, ncw/fhwc/ngchw/3-D layouts, depthwise
// 1-D/2-D with a multiplier, quantized convs and matmul with zero points, min and unsigned pooling,
// 3-D pooling, transposed and batched contractions, batch_reduce_matmul, batch_mmt4d): the
// .expected files hold what mlir-cpu-runner-19 printed (conv-more.expected: the same numbers under
// our `Tensor<...>:` headers, checked against MLIR by the tensor-program tests above).
test("pipeline/conv-more.mlir: both engines print the pinned results, before and after lowering", () => {
  const text = input("pipeline/conv-more.mlir"), want = input("pipeline/conv-more.expected");
  assert.equal(ours(text, "interp", false), want);
  assert.equal(ours(text, "interp"), want);
  assert.equal(ours(text, "wasm"), want);
});

// linalg.elemwise_unary / elemwise_binary (every fun and cast) and fill_rng_2d: elemwise.expected holds the numbers
// mlir-cpu-runner-19 printed (checked live by the tensor-program tests above).
test("pipeline/elemwise.mlir: both engines print the pinned results, before and after lowering", () => {
  const text = input("pipeline/elemwise.mlir"), want = input("pipeline/elemwise.expected");
  assert.equal(ours(text, "interp", false), want);
  assert.equal(ours(text, "interp"), want);
  assert.equal(ours(text, "wasm"), want);
});

test("pipeline/conv-more-memref.mlir: both engines print what mlir-cpu-runner-19 printed (pinned)", () => {
  const text = input("pipeline/conv-more-memref.mlir"), want = input("pipeline/conv-more-memref.expected");
  assert.equal(ours(text, "interp", false), want);
  assert.equal(ours(text, "wasm"), want);
});

test("pipeline/conv-more-memref.expected is what mlir-cpu-runner-19 prints now", { skip: mlirSkip() }, () => {
  assert.equal(mlirRunStandard(input("pipeline/conv-more-memref.mlir")), input("pipeline/conv-more-memref.expected"));
});

test("conv_2d_nhwc_hwcf: stride 2 and dilation 2 read the input where MLIR's maps say (hand-computed)", () => {
  // Input x[h][w] = 10h + w (one batch, one channel), filter all ones, one output channel:
  // out[i][j] = sum over p, q < 2 of x[2i + 2p][2j + 2q].
  const text = `func.func @main() {
  %x = tensor.generate {
  ^bb0(%n: index, %h: index, %w: index, %c: index):
    %c10 = arith.constant 10 : index
    %a = arith.muli %h, %c10 : index
    %b = arith.addi %a, %w : index
    %i = arith.index_cast %b : index to i32
    %f = arith.sitofp %i : i32 to f32
    tensor.yield %f : f32
  } : tensor<1x5x5x1xf32>
  %one = arith.constant 1.0 : f32
  %zero = arith.constant 0.0 : f32
  %ke = tensor.empty() : tensor<2x2x1x1xf32>
  %k = linalg.fill ins(%one : f32) outs(%ke : tensor<2x2x1x1xf32>) -> tensor<2x2x1x1xf32>
  %oe = tensor.empty() : tensor<1x2x2x1xf32>
  %o = linalg.fill ins(%zero : f32) outs(%oe : tensor<1x2x2x1xf32>) -> tensor<1x2x2x1xf32>
  %r = linalg.conv_2d_nhwc_hwcf {dilations = dense<2> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%x, %k : tensor<1x5x5x1xf32>, tensor<2x2x1x1xf32>) outs(%o : tensor<1x2x2x1xf32>) -> tensor<1x2x2x1xf32>
  tensorlang.print %r : tensor<1x2x2x1xf32>
  return
}`;
  // (0,0): x[0][0] + x[0][2] + x[2][0] + x[2][2] = 0 + 2 + 20 + 22 = 44; (0,1) adds 2 per term: 52; (1,0) adds 20: 124; (1,1): 132.
  for (const engine of ["interp", "wasm"] as const) {
    assert.deepEqual(dataOf(ours(text, engine)).match(/-?\d+(\.\d+)?/g), ["44", "52", "124", "132"], engine);
  }
});
