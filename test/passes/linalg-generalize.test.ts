// --linalg-generalize-named-ops: named linalg ops become the linalg.generic mlir-opt-19 prints
// (maps from strides and dilations, iterator types, the body with MLIR's casts: sign- or
// zero-extension, the quantized ops' zero points, batch_reduce_matmul's cast of the product).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { runPasses } from "../../src/passes/pass.js";
import { lookupPass } from "../../src/passes/registry.js";
import { mlirOpt, mlirSkip, repoRoot } from "../support/mlir.js";

const ctx = createContext();
function generalize(text: string): string {
  const m = parseModule(text, "input.mlir", ctx);
  runPasses(m, ctx, [lookupPass("linalg-generalize-named-ops")!]);
  return printModule(m, ctx, { aliases: true }).trimEnd();
}

const PROGRAM = `func.func @f(%i: memref<1x5x5x2xi8>, %k: memref<3x2x2x2xi8>, %iz: i32, %kz: i32, %o: memref<1x2x3x3xi32>, %p: tensor<1x4x4x2xi8>, %w: tensor<2x2xf32>, %po: tensor<1x3x3x2xi32>,
    %a: tensor<3x2x4xf32>, %b: tensor<3x4x5xf16>, %c: tensor<2x5xf32>) -> (tensor<1x3x3x2xi32>, tensor<2x5xf32>) {
  linalg.conv_2d_nhwc_fhwc_q {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>} ins(%i, %k, %iz, %kz : memref<1x5x5x2xi8>, memref<3x2x2x2xi8>, i32, i32) outs(%o : memref<1x2x3x3xi32>)
  %0 = linalg.pooling_nhwc_max_unsigned ins(%p, %w : tensor<1x4x4x2xi8>, tensor<2x2xf32>) outs(%po : tensor<1x3x3x2xi32>) -> tensor<1x3x3x2xi32>
  %1 = linalg.batch_reduce_matmul ins(%a, %b : tensor<3x2x4xf32>, tensor<3x4x5xf16>) outs(%c : tensor<2x5xf32>) -> tensor<2x5xf32>
  return %0, %1 : tensor<1x3x3x2xi32>, tensor<2x5xf32>
}
`;

/** What mlir-opt-19 --linalg-generalize-named-ops prints for PROGRAM. */
const EXPECTED = `#map = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 * 2 + d4, d2 + d5 * 2, d6)>
#map1 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d3, d4, d5, d6)>
#map2 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> ()>
#map3 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
#map4 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 + d4, d2 + d5, d3)>
#map5 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>
#map6 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>
#map7 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
#map8 = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
#map9 = affine_map<(d0, d1, d2, d3) -> (d1, d2)>
module {
  func.func @f(%arg0: memref<1x5x5x2xi8>, %arg1: memref<3x2x2x2xi8>, %arg2: i32, %arg3: i32, %arg4: memref<1x2x3x3xi32>, %arg5: tensor<1x4x4x2xi8>, %arg6: tensor<2x2xf32>, %arg7: tensor<1x3x3x2xi32>, %arg8: tensor<3x2x4xf32>, %arg9: tensor<3x4x5xf16>, %arg10: tensor<2x5xf32>) -> (tensor<1x3x3x2xi32>, tensor<2x5xf32>) {
    linalg.generic {indexing_maps = [#map, #map1, #map2, #map2, #map3], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1, %arg2, %arg3 : memref<1x5x5x2xi8>, memref<3x2x2x2xi8>, i32, i32) outs(%arg4 : memref<1x2x3x3xi32>) {
    ^bb0(%in: i8, %in_0: i8, %in_1: i32, %in_2: i32, %out: i32):
      %2 = arith.extsi %in : i8 to i32
      %3 = arith.subi %2, %in_1 : i32
      %4 = arith.extsi %in_0 : i8 to i32
      %5 = arith.subi %4, %in_2 : i32
      %6 = arith.muli %3, %5 : i32
      %7 = arith.addi %out, %6 : i32
      linalg.yield %7 : i32
    }
    %0 = linalg.generic {indexing_maps = [#map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg5, %arg6 : tensor<1x4x4x2xi8>, tensor<2x2xf32>) outs(%arg7 : tensor<1x3x3x2xi32>) {
    ^bb0(%in: i8, %in_0: f32, %out: i32):
      %2 = arith.extui %in : i8 to i32
      %3 = arith.maxui %out, %2 : i32
      linalg.yield %3 : i32
    } -> tensor<1x3x3x2xi32>
    %1 = linalg.generic {indexing_maps = [#map7, #map8, #map9], iterator_types = ["reduction", "parallel", "parallel", "reduction"]} ins(%arg8, %arg9 : tensor<3x2x4xf32>, tensor<3x4x5xf16>) outs(%arg10 : tensor<2x5xf32>) {
    ^bb0(%in: f32, %in_0: f16, %out: f32):
      %2 = arith.extf %in_0 : f16 to f32
      %3 = arith.mulf %in, %2 : f32
      %4 = arith.addf %out, %3 : f32
      linalg.yield %4 : f32
    } -> tensor<2x5xf32>
    return %0, %1 : tensor<1x3x3x2xi32>, tensor<2x5xf32>
  }
}

`;

test("a strided quantized convolution, an unsigned pooling and batch_reduce_matmul generalize as mlir-opt-19 prints them", () => {
  assert.equal(generalize(PROGRAM), EXPECTED.trimEnd());
});

test("mlir-opt-19 --linalg-generalize-named-ops prints the same text (the program above, and every op of linalg/ops.mlir)", { skip: mlirSkip() }, () => {
  const ops = readFileSync(join(repoRoot(), "test", "dialects", "linalg", "ops.mlir"), "utf8");
  for (const text of [PROGRAM, ops]) {
    const r = mlirOpt(["--linalg-generalize-named-ops"], text);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(generalize(text), r.stdout.trimEnd());
  }
});

test("batch_reduce_matmul multiplies in its lhs type, as MLIR 19 defines it: an f16 lhs with an f32 output is refused", () => {
  const text = `func.func @f(%a: tensor<3x2x4xf16>, %b: tensor<3x4x5xf16>, %c: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %1 = linalg.batch_reduce_matmul ins(%a, %b : tensor<3x2x4xf16>, tensor<3x4x5xf16>) outs(%c : tensor<2x5xf32>) -> tensor<2x5xf32>
  return %1 : tensor<2x5xf32>
}`;
  assert.throws(() => generalize(text), /'arith\.mulf' op requires the same type for all operands and results/);
});
