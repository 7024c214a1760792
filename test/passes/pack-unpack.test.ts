// tensor.pack and tensor.unpack, end to end: the interpreter on tensors, after lowering, and the
// wasm engine print the same, and mlir-cpu-runner-19 prints those numbers after MLIR's own
// lowering of the two ops (transform.structured.lower_pack / lower_unpack) and bufferization.
import assert from "node:assert/strict";
import { test } from "node:test";
import { mlirSkip } from "../support/mlir.js";
import { dataOf, input, ours, theirsAfterTransform } from "./lowering-support.js";

const PROGRAM = input("pipeline/pack-unpack.mlir");
const LOWER_PACKS = `    %p = transform.structured.match ops{["tensor.pack"]} in %root : (!transform.any_op) -> !transform.op<"tensor.pack">
    transform.structured.lower_pack %p : (!transform.op<"tensor.pack">) -> (!transform.op<"tensor.pad">, !transform.op<"tensor.expand_shape">, !transform.op<"linalg.transpose">)
    %u = transform.structured.match ops{["tensor.unpack"]} in %root : (!transform.any_op) -> !transform.op<"tensor.unpack">
    transform.structured.lower_unpack %u : (!transform.op<"tensor.unpack">) -> (!transform.op<"tensor.empty">, !transform.op<"linalg.transpose">, !transform.op<"tensor.collapse_shape">, !transform.op<"tensor.extract_slice">)
`;
const numbers = (out: string) => dataOf(out).match(/-?\d+(\.\d+)?/g);
const engines = (text: string) => [ours(text, "interp", false), ours(text, "interp"), ours(text, "wasm")];

test("pipeline/pack-unpack.mlir: the interpreter (before and after lowering) and the wasm engine print the same", () => {
  const [want, ...rest] = engines(PROGRAM);
  // The padded pack by hand: tiles of rows 0-1 and 2 (padded), columns 0-1, 2-3 and 4 (padded), column tiles outer.
  assert.deepEqual(numbers(want)!.slice(0, 24), ["1", "2", "6", "7", "11", "12", "0.5", "0.5", "3", "4", "8", "9", "13", "14", "0.5", "0.5",
    "5", "0.5", "10", "0.5", "15", "0.5", "0.5", "0.5"]);
  for (const out of rest) assert.equal(out, want);
});

test("pipeline/pack-unpack.mlir: mlir-cpu-runner-19 after MLIR's lowering of pack and unpack prints the same numbers", { skip: mlirSkip() }, () => {
  assert.equal(dataOf(theirsAfterTransform(PROGRAM, LOWER_PACKS)), dataOf(ours(PROGRAM, "wasm")));
});

test("tiles given by SSA values pack as the same static tiles do (MLIR 19 cannot lower these)", () => {
  const text = `func.func @pack_by(%src: tensor<3x5xf32>, %t: index, %pad: f32) -> tensor<?x?x?x2xf32> {
  %c3 = arith.constant 3 : index
  %rows = arith.ceildivui %c3, %t : index
  %cols = arith.constant 3 : index
  %e = tensor.empty(%cols, %rows, %t) : tensor<?x?x?x2xf32>
  %p = tensor.pack %src padding_value(%pad : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [%t, 2] into %e : tensor<3x5xf32> -> tensor<?x?x?x2xf32>
  return %p : tensor<?x?x?x2xf32>
}
func.func @main() {
  %src = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 7.0, 8.0, 9.0, 10.0], [11.0, 12.0, 13.0, 14.0, 15.0]]> : tensor<3x5xf32>
  %pad = arith.constant 0.5 : f32
  %c2 = arith.constant 2 : index
  %pd = func.call @pack_by(%src, %c2, %pad) : (tensor<3x5xf32>, index, f32) -> tensor<?x?x?x2xf32>
  %pds = tensor.cast %pd : tensor<?x?x?x2xf32> to tensor<3x2x2x2xf32>
  tensorlang.print %pds : tensor<3x2x2x2xf32>
  %e = tensor.empty() : tensor<3x2x2x2xf32>
  %p = tensor.pack %src padding_value(%pad : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %e : tensor<3x5xf32> -> tensor<3x2x2x2xf32>
  tensorlang.print %p : tensor<3x2x2x2xf32>
  return
}`;
  for (const out of engines(text)) {
    const [dynamic, fixed] = out.split(/Tensor<3x2x2x2xf32>:\n/).slice(1);
    assert.equal(dynamic.trim(), fixed.trim());
    assert.equal(numbers(fixed)!.length, 24);
  }
});

test("a dest with a spare outer tile and no padding value gets zeros there (as MLIR's lowering pads)", () => {
  const text = `func.func @main() {
  %sq = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %e = tensor.empty() : tensor<2x3x2xf32>
  %q = tensor.pack %sq inner_dims_pos = [1] inner_tiles = [2] into %e : tensor<2x4xf32> -> tensor<2x3x2xf32>
  tensorlang.print %q : tensor<2x3x2xf32>
  return
}`;
  for (const out of engines(text)) assert.deepEqual(numbers(out), ["1", "2", "3", "4", "0", "0", "5", "6", "7", "8", "0", "0"]);
});
