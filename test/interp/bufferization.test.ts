// bufferization ops at run time: the interpreter's handlers on tensor-level IR, the same program
// after TensorLang's own lowering, and IR left by MLIR's partial bufferization (one-shot-bufferize
// without function boundaries: to_memref / to_tensor at every boundary), all against real MLIR.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createCapturingContext } from "../../src/runtime/host.js";
import { Engine } from "../../src/runtime/engine.js";
import { maskOutput, mlirOpt, mlirRunStandard, mlirSkip } from "../support/mlir.js";
import { run, runError, runLowered } from "./helpers.js";

await Engine.loadCompiler();

const PROGRAM = `
func.func private @printMemrefF32(memref<*xf32>)
func.func @scale(%t: tensor<?xf32>, %k: f32) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %t, %c0 : tensor<?xf32>
  %e = bufferization.alloc_tensor(%n) : tensor<?xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%t : tensor<?xf32>) outs(%e : tensor<?xf32>) {
  ^bb0(%a: f32, %b: f32):
    %m = arith.mulf %a, %k : f32
    linalg.yield %m : f32
  } -> tensor<?xf32>
  return %r : tensor<?xf32>
}
func.func @main() {
  %c1 = arith.constant 1 : index
  %x = arith.constant 9.0 : f32
  %c = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %d = tensor.cast %c : tensor<3xf32> to tensor<?xf32>
  %k = arith.constant 2.5 : f32
  %r = call @scale(%d, %k) : (tensor<?xf32>, f32) -> tensor<?xf32>
  %copy = bufferization.alloc_tensor() copy(%r) : tensor<?xf32>
  %i = tensor.insert %x into %copy[%c1] : tensor<?xf32>
  %dst = bufferization.alloc_tensor() : tensor<3xf32>
  %s = tensor.cast %i : tensor<?xf32> to tensor<3xf32>
  %mat = bufferization.materialize_in_destination %s in %dst : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %out = memref.alloc() : memref<3xf32>
  bufferization.materialize_in_destination %mat in restrict writable %out : (tensor<3xf32>, memref<3xf32>) -> ()
  %back = bufferization.to_tensor %out restrict : memref<3xf32>
  %m = bufferization.to_memref %r read_only : memref<?xf32>
  %u = memref.cast %m : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %m2 = bufferization.to_memref %back : memref<3xf32>
  %u2 = memref.cast %m2 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  bufferization.dealloc_tensor %copy : tensor<?xf32>
  memref.dealloc %out : memref<3xf32>
  return
}`;

const EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 1 offset = 0 sizes = [3] strides = [1] data = 
[2.5,  5,  7.5]
Unranked Memref base@ = 0x<masked> rank = 1 offset = 0 sizes = [3] strides = [1] data = 
[2.5,  9,  7.5]
`;

test("the interpreter runs bufferization ops as written and after TensorLang's lowering", () => {
  assert.equal(run(PROGRAM).output, EXPECTED);
  assert.equal(runLowered(PROGRAM), EXPECTED);
});

test("materialize_in_destination into a memref of another shape traps", () => {
  const { error } = runError(`func.func @main() {
  %c4 = arith.constant 4 : index
  %t = arith.constant dense<1.0> : tensor<3xf32>
  %m = memref.alloc(%c4) : memref<?xf32>
  bufferization.materialize_in_destination %t in restrict writable %m : (tensor<3xf32>, memref<?xf32>) -> ()
  return
}`);
  assert.match(String(error), /cannot write a 3 tensor into a 4 memref/);
});

test("a tensor.cast to a size its operand lacks traps at the cast, as written and as the memref.cast it bufferizes to", () => {
  const src = `func.func @main() {
  %c5 = arith.constant 5 : index
  %t = tensor.empty(%c5) : tensor<?xf32>
  %s = tensor.cast %t : tensor<?xf32> to tensor<4xf32>
  %c0 = arith.constant 0 : index
  %x = tensor.extract %s[%c0] : tensor<4xf32>
  return
}`;
  assert.match(String(runError(src).error), /: tensor\.cast at \S+:4:8: size 5 of dimension 0 does not match tensor<4xf32>$/);
  assert.throws(() => runLowered(src), /: memref\.cast at \S+:4:8: size 5 of dimension 0 does not match memref<4xf32>$/);
});

test("IR from MLIR's partial bufferization runs on both engines, as under mlir-cpu-runner", { skip: mlirSkip() }, async () => {
  assert.equal(mlirRunStandard(PROGRAM, { before: ["--one-shot-bufferize=bufferize-function-boundaries"] }), EXPECTED);
  const partial = mlirOpt(["--one-shot-bufferize"], PROGRAM);
  assert.equal(partial.code, 0, partial.stderr);
  assert.match(partial.stdout, /bufferization\.to_memref/);
  assert.match(partial.stdout, /bufferization\.to_tensor/);
  assert.equal(run(partial.stdout).output, EXPECTED);
  for (const engine of ["interp", "wasm"] as const) {
    const ctx = createCapturingContext();
    const e = new Engine({ ctx, engine }).load(partial.stdout, "partial.mlir");
    e.runMain("main");
    assert.equal(maskOutput(ctx.output()), EXPECTED, engine);
    await e.dispose();
  }
});
