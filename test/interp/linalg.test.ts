// linalg on memrefs (fill, matmul, generic with linalg.index and a reduction, transpose, add)
// compared with MLIR; and tensor-level programs (linalg on tensors, tensor ops) run at every
// lowering stage with bit-identical results.
// Expected outputs were produced by mlir-opt-19 + mlir-cpu-runner-19 on the same program;
// where the toolchain is installed the test also re-checks that agreement live.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mlirOutput, needsOps, run } from "./helpers.js";
import { runText } from "../backend/wasm/helpers.js";
import { maskOutput, mlirRunStandard, mlirSkip } from "../support/mlir.js";

const LINALG_PROGRAM = `#id = affine_map<(d0, d1) -> (d0, d1)>
#tr = affine_map<(d0, d1) -> (d1, d0)>
#row = affine_map<(d0, d1) -> (d0)>
module {
  func.func private @printMemrefF32(memref<*xf32>)
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %c4 = arith.constant 4 : index
    %zero = arith.constant 0.0 : f32
    %one = arith.constant 1.0 : f32
    %c3f = arith.constant 3.0 : f32
    %A = memref.alloc() : memref<3x4xf32>
    %B = memref.alloc() : memref<4x3xf32>
    %C = memref.alloc() : memref<3x3xf32>
    %v = memref.alloc() : memref<3xf32>
    scf.for %i = %c0 to %c3 step %c1 {
      scf.for %j = %c0 to %c4 step %c1 {
        %ii = arith.index_cast %i : index to i32
        %jj = arith.index_cast %j : index to i32
        %k = arith.muli %ii, %jj : i32
        %t = arith.subi %k, %jj : i32
        %f = arith.sitofp %t : i32 to f32
        %g = arith.divf %f, %c3f : f32
        memref.store %g, %A[%i, %j] : memref<3x4xf32>
        %h = arith.addf %g, %one : f32
        memref.store %h, %B[%j, %i] : memref<4x3xf32>
      }
    }
    linalg.fill ins(%zero : f32) outs(%C : memref<3x3xf32>)
    linalg.matmul ins(%A, %B : memref<3x4xf32>, memref<4x3xf32>) outs(%C : memref<3x3xf32>)
    %u = memref.cast %C : memref<3x3xf32> to memref<*xf32>
    call @printMemrefF32(%u) : (memref<*xf32>) -> ()
    %D = memref.alloc() : memref<3x3xf32>
    linalg.generic {indexing_maps = [#tr, #id, #id], iterator_types = ["parallel", "parallel"]}
        ins(%C, %C : memref<3x3xf32>, memref<3x3xf32>) outs(%D : memref<3x3xf32>) {
    ^bb0(%x: f32, %y: f32, %o: f32):
      %s = arith.subf %x, %y : f32
      %i0 = linalg.index 0 : index
      %i1 = linalg.index 1 : index
      %p = arith.muli %i0, %i1 : index
      %pi = arith.index_cast %p : index to i32
      %pf = arith.sitofp %pi : i32 to f32
      %r = arith.addf %s, %pf : f32
      linalg.yield %r : f32
    }
    %du = memref.cast %D : memref<3x3xf32> to memref<*xf32>
    call @printMemrefF32(%du) : (memref<*xf32>) -> ()
    linalg.fill ins(%zero : f32) outs(%v : memref<3xf32>)
    linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]}
        ins(%D : memref<3x3xf32>) outs(%v : memref<3xf32>) {
    ^bb0(%x: f32, %acc: f32):
      %m = arith.mulf %x, %x : f32
      %s = arith.addf %acc, %m : f32
      linalg.yield %s : f32
    }
    %vu = memref.cast %v : memref<3xf32> to memref<*xf32>
    call @printMemrefF32(%vu) : (memref<*xf32>) -> ()
    %T = memref.alloc() : memref<4x3xf32>
    linalg.transpose ins(%A : memref<3x4xf32>) outs(%T : memref<4x3xf32>) permutation = [1, 0]
    linalg.add ins(%T, %B : memref<4x3xf32>, memref<4x3xf32>) outs(%T : memref<4x3xf32>)
    %tu = memref.cast %T : memref<4x3xf32> to memref<*xf32>
    call @printMemrefF32(%tu) : (memref<*xf32>) -> ()
    return
  }
}
`;

const LINALG_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [3, 3] strides = [3, 1] data = 
[[-0.444444,   -2,   -3.55556], 
 [0,   0,   0], 
 [0.444444,   2,   3.55556]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [3, 3] strides = [3, 1] data = 
[[0,   2,   4], 
 [-2,   1,   4], 
 [-4,   0,   4]]
Unranked Memref base@ = 0x<masked> rank = 1 offset = 0 sizes = [3] strides = [1] data = 
[20,  21,  32]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [4, 3] strides = [3, 1] data = 
[[1,   1,   1], 
 [0.333333,   1,   1.66667], 
 [-0.333333,   1,   2.33333], 
 [-1,   1,   3]]
`;

test("linalg: named ops and generics on memrefs match MLIR", { skip: needsOps("linalg.generic", "linalg.matmul") }, () => {
  assert.equal(run(LINALG_PROGRAM).output, LINALG_EXPECTED);
});

test("linalg: real MLIR prints the same", { skip: needsOps("linalg.generic", "linalg.matmul") }, (t) => {
  const want = mlirOutput(LINALG_PROGRAM);
  if (want === undefined) { t.skip("mlir-opt-19/mlir-cpu-runner-19 not installed"); return; }
  assert.equal(run(LINALG_PROGRAM).output, want);
});

/**
 * Two tests of `program`: both engines print `expected` (text mlir-cpu-runner-19 printed, base
 * address masked), and, where MLIR is installed, so does mlir-cpu-runner-19 live after `before`.
 */
function pinnedToMlir(what: string, program: string, expected: string, before?: string[]): void {
  test(`${what}: both engines print what mlir-cpu-runner-19 printed`, () => {
    assert.equal(run(program).output, expected);
    assert.equal(maskOutput(runText(program, { engine: "wasm" }).out), expected);
  });
  test(`${what}: real MLIR prints the same`, { skip: mlirSkip() }, () => {
    assert.equal(mlirRunStandard(program, before ? { before } : undefined), expected);
  });
}

// linalg.select (MLIR 19's elementwise ternary: arith.select of the condition, no casts) on memrefs.
const SELECT_PROGRAM = `memref.global "private" constant @c : memref<2x3xi1> = dense<[[true, false, true], [false, false, true]]>
memref.global "private" constant @a : memref<2x3xi32> = dense<[[1, 2, 3], [4, 5, 6]]>
memref.global "private" constant @b : memref<2x3xi32> = dense<[[-1, -2, -3], [-4, -5, -6]]>
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c = memref.get_global @c : memref<2x3xi1>
  %a = memref.get_global @a : memref<2x3xi32>
  %b = memref.get_global @b : memref<2x3xi32>
  %o = memref.alloc() : memref<2x3xi32>
  linalg.select ins(%c, %a, %b : memref<2x3xi1>, memref<2x3xi32>, memref<2x3xi32>) outs(%o : memref<2x3xi32>)
  %u = memref.cast %o : memref<2x3xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  memref.dealloc %o : memref<2x3xi32>
  return
}
`;
const SELECT_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data = 
[[1,   -2,   3], 
 [-4,   -5,   6]]
`;

pinnedToMlir("linalg.select", SELECT_PROGRAM, SELECT_EXPECTED);

// Named ops written in the generic form compute what they spell out, as MLIR's lowering does: a
// matmul whose maps (`linalg.memoized_indexing_maps`, which MLIR reads back) transpose its lhs, and
// a linalg.add whose body subtracts. Expected: A^T B and A - B, worked by hand.
const SPELLED_OUT_PROGRAM = `memref.global "private" constant @a : memref<3x2xf32> = dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]>
memref.global "private" constant @b : memref<3x2xf32> = dense<[[1.0, -1.0], [0.5, 2.0], [-2.0, 1.0]]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a = memref.get_global @a : memref<3x2xf32>
  %b = memref.get_global @b : memref<3x2xf32>
  %zero = arith.constant 0.0 : f32
  %c = memref.alloc() : memref<2x2xf32>
  linalg.fill ins(%zero : f32) outs(%c : memref<2x2xf32>)
  "linalg.matmul"(%a, %b, %c) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }) {linalg.memoized_indexing_maps = [affine_map<(d0, d1, d2) -> (d2, d0)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>]} : (memref<3x2xf32>, memref<3x2xf32>, memref<2x2xf32>) -> ()
  %cu = memref.cast %c : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%cu) : (memref<*xf32>) -> ()
  %d = memref.alloc() : memref<3x2xf32>
  "linalg.add"(%a, %b, %d) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.subf %x, %y : f32
    linalg.yield %s : f32
  }) : (memref<3x2xf32>, memref<3x2xf32>, memref<3x2xf32>) -> ()
  %du = memref.cast %d : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%du) : (memref<*xf32>) -> ()
  return
}
`;
const SPELLED_OUT_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 2] strides = [2, 1] data = 
[[-7.5,   10], 
 [-8,   12]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [3, 2] strides = [2, 1] data = 
[[0,   3], 
 [2.5,   2], 
 [7,   5]]
`;

pinnedToMlir("named ops with their maps and body written out", SPELLED_OUT_PROGRAM, SPELLED_OUT_EXPECTED);

// bufferization.to_memref of a strided slice asked for with the identity layout (and of a
// dynamic-offset slice asked for static strides): MLIR's castOrReallocMemRefValue copies it into a
// new buffer rather than casting. Expected text from mlir-cpu-runner-19 after one-shot-bufferize.
const TO_MEMREF_PROGRAM = `func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]]> : tensor<3x4xf32>
  %s = tensor.extract_slice %a[0, 1] [2, 2] [2, 2] : tensor<3x4xf32> to tensor<2x2xf32>
  %m = bufferization.to_memref %s : memref<2x2xf32>
  %u = memref.cast %m : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %d = tensor.cast %a : tensor<3x4xf32> to tensor<?x?xf32>
  %c2 = arith.constant 2 : index
  %t = tensor.extract_slice %d[1, 1] [%c2, 3] [1, 1] : tensor<?x?xf32> to tensor<?x3xf32>
  %n = bufferization.to_memref %t : memref<?x3xf32>
  %v = memref.cast %n : memref<?x3xf32> to memref<*xf32>
  call @printMemrefF32(%v) : (memref<*xf32>) -> ()
  return
}
`;
const TO_MEMREF_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 2] strides = [2, 1] data = 
[[2,   4], 
 [10,   12]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data = 
[[6,   7,   8], 
 [10,   11,   12]]
`;

pinnedToMlir("bufferization.to_memref of a strided slice copies it", TO_MEMREF_PROGRAM, TO_MEMREF_EXPECTED, ["--one-shot-bufferize=bufferize-function-boundaries"]);

// expand_shape of a slice's collapse (buffer memref<3xf32, strided<[1]>>: identity strides, so
// MLIR's verifier wants an identity expanded type) and collapse_shape of a column (not contiguous:
// copied). bufferize built 'strided<[1, 1]>' (an invalid memref.expand_shape); expected text from
// mlir-cpu-runner-19 after one-shot-bufferize.
const RESHAPE_SLICE_PROGRAM = `func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %r = tensor.extract_slice %a[0, 0] [1, 3] [1, 1] : tensor<2x3xf32> to tensor<1x3xf32>
  %c = tensor.collapse_shape %r [[0, 1]] : tensor<1x3xf32> into tensor<3xf32>
  %e = tensor.expand_shape %c [[0, 1]] output_shape [3, 1] : tensor<3xf32> into tensor<3x1xf32>
  %m = bufferization.to_memref %e : memref<3x1xf32>
  %u = memref.cast %m : memref<3x1xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %k = tensor.extract_slice %a[0, 1] [2, 1] [1, 1] : tensor<2x3xf32> to tensor<2x1xf32>
  %kc = tensor.collapse_shape %k [[0, 1]] : tensor<2x1xf32> into tensor<2xf32>
  %n = bufferization.to_memref %kc : memref<2xf32>
  %v = memref.cast %n : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%v) : (memref<*xf32>) -> ()
  return
}
`;
const RESHAPE_SLICE_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [3, 1] strides = [1, 1] data = 
[[1], 
 [2], 
 [3]]
Unranked Memref base@ = 0x<masked> rank = 1 offset = 0 sizes = [2] strides = [1] data = 
[2,  5]
`;

pinnedToMlir("reshapes of a slice's buffer take the layouts memref's verifier asks for", RESHAPE_SLICE_PROGRAM, RESHAPE_SLICE_EXPECTED, ["--one-shot-bufferize=bufferize-function-boundaries"]);

// i32 tensors (matmul, a maxsi reduce, a generic of divsi/remsi/floordivsi/ceildivsi/shli, pad,
// a strided dynamic slice) printed by a function whose tensor argument goes to_memref: bufferize
// handed its users the entry argument itself, which the walk still took for a tensor ("bufferization
// of 'memref.cast' with tensor operands"). Expected text from mlir-cpu-runner-19 (one-shot-bufferize).
const I32_TENSOR_PROGRAM = `func.func private @printMemrefI32(memref<*xi32>)
func.func @pr(%t: tensor<?x?xi32>) {
  %m = bufferization.to_memref %t : memref<?x?xi32>
  %u = memref.cast %m : memref<?x?xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
func.func @main() {
  %a = arith.constant dense<[[7, -3, 2], [-8, 5, 1]]> : tensor<2x3xi32>
  %b = arith.constant dense<[[1, 2], [-3, 4], [5, -6]]> : tensor<3x2xi32>
  %z = arith.constant 0 : i32
  %e = tensor.empty() : tensor<2x2xi32>
  %f = linalg.fill ins(%z : i32) outs(%e : tensor<2x2xi32>) -> tensor<2x2xi32>
  %m = linalg.matmul ins(%a, %b : tensor<2x3xi32>, tensor<3x2xi32>) outs(%f : tensor<2x2xi32>) -> tensor<2x2xi32>
  %md = tensor.cast %m : tensor<2x2xi32> to tensor<?x?xi32>
  call @pr(%md) : (tensor<?x?xi32>) -> ()
  %min = arith.constant -2147483648 : i32
  %e3 = tensor.empty() : tensor<3xi32>
  %f3 = linalg.fill ins(%min : i32) outs(%e3 : tensor<3xi32>) -> tensor<3xi32>
  %r = linalg.reduce ins(%a : tensor<2x3xi32>) outs(%f3 : tensor<3xi32>) dimensions = [0]
    (%x: i32, %acc: i32) {
      %s = arith.maxsi %x, %acc : i32
      linalg.yield %s : i32
    }
  %re = tensor.expand_shape %r [[0, 1]] output_shape [1, 3] : tensor<3xi32> into tensor<1x3xi32>
  %rd = tensor.cast %re : tensor<1x3xi32> to tensor<?x?xi32>
  call @pr(%rd) : (tensor<?x?xi32>) -> ()
  %e2 = tensor.empty() : tensor<3x2xi32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a, %b : tensor<2x3xi32>, tensor<3x2xi32>) outs(%e2 : tensor<3x2xi32>) {
  ^bb0(%x: i32, %y: i32, %o: i32):
    %q = arith.divsi %x, %y : i32
    %w = arith.remsi %x, %y : i32
    %fd = arith.floordivsi %x, %y : i32
    %cd = arith.ceildivsi %x, %y : i32
    %s1 = arith.muli %q, %w : i32
    %s2 = arith.addi %s1, %fd : i32
    %s3 = arith.subi %s2, %cd : i32
    %sh = arith.shli %s3, %w : i32
    linalg.yield %sh : i32
  } -> tensor<3x2xi32>
  %gd = tensor.cast %g : tensor<3x2xi32> to tensor<?x?xi32>
  call @pr(%gd) : (tensor<?x?xi32>) -> ()
  %p = tensor.pad %a low[1, 0] high[0, 1] {
  ^bb0(%i: index, %j: index):
    %ij = arith.subi %i, %j : index
    %v = arith.index_cast %ij : index to i32
    tensor.yield %v : i32
  } : tensor<2x3xi32> to tensor<3x4xi32>
  %pd = tensor.cast %p : tensor<3x4xi32> to tensor<?x?xi32>
  call @pr(%pd) : (tensor<?x?xi32>) -> ()
  %c2 = arith.constant 2 : index
  %s = tensor.extract_slice %pd[1, 1] [%c2, %c2] [1, 2] : tensor<?x?xi32> to tensor<?x?xi32>
  call @pr(%s) : (tensor<?x?xi32>) -> ()
  return
}
`;
const I32_TENSOR_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 2] strides = [2, 1] data = 
[[26,   -10], 
 [-18,   -2]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [1, 3] strides = [3, 1] data = 
[[7,   5,   2]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [3, 2] strides = [2, 1] data = 
[[0,   0], 
 [0,   0], 
 [-4,   -2]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data = 
[[0,   -1,   -2,   -3], 
 [7,   -3,   2,   -2], 
 [-8,   5,   1,   -1]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 2] strides = [2, 1] data = 
[[-3,   -2], 
 [5,   -1]]
`;

pinnedToMlir("i32 tensor programs with a to_memref of a function's tensor argument", I32_TENSOR_PROGRAM, I32_TENSOR_EXPECTED, ["--one-shot-bufferize=bufferize-function-boundaries", "--arith-expand"]);

// linalg.softmax: tensors along either dimension (a row of -3e38 tests the lowest-finite max
// init, a 100.0 the exp underflow), then the softmax of a strided view (rows 0-1, columns 1-3 of
// the first result): on memrefs here, on a tensor.extract_slice for MLIR, which has no pass that
// decomposes softmax (its transform interpreter does, on tensors only; then one-shot-bufferize).
// The expected text is what mlir-cpu-runner-19 printed for that.
const softmaxProgram = (header: string, view: string, tail = "") => `module${header} {
  func.func private @printMemrefF32(memref<*xf32>)
  func.func @main() {
    %x = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [0.5, -1.0, 100.0, 0.0], [-3.0e38, -3.0e38, 1.0, 2.0]]> : tensor<3x4xf32>
    %o = tensor.empty() : tensor<3x4xf32>
    %s1 = linalg.softmax dimension(1) ins(%x : tensor<3x4xf32>) outs(%o : tensor<3x4xf32>) -> tensor<3x4xf32>
    %s0 = linalg.softmax dimension(0) ins(%x : tensor<3x4xf32>) outs(%o : tensor<3x4xf32>) -> tensor<3x4xf32>
    %b1 = bufferization.to_memref %s1 : memref<3x4xf32>
    %b0 = bufferization.to_memref %s0 : memref<3x4xf32>
    %u1 = memref.cast %b1 : memref<3x4xf32> to memref<*xf32>
    %u0 = memref.cast %b0 : memref<3x4xf32> to memref<*xf32>
    call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
    call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
${view}    %mu = memref.cast %m : memref<2x3xf32> to memref<*xf32>
    call @printMemrefF32(%mu) : (memref<*xf32>) -> ()
    return
  }
${tail}}
`;
const SOFTMAX_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data = 
[[0.0320586,   0.0871443,   0.236883,   0.643914], 
 [6.16571e-44,   1.4013e-44,   1,   3.78351e-44], 
 [0,   0,   0.268941,   0.731059]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [3, 4] strides = [4, 1] data = 
[[0.622459,   0.952574,   7.46892e-43,   0.866813], 
 [0.377541,   0.0474259,   1,   0.0158762], 
 [0,   0,   1.00893e-43,   0.11731]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data = 
[[0.25598,   0.297328,   0.446692], 
 [0.211942,   0.576117,   0.211942]]
`;

test("linalg.softmax on tensors and memrefs: the interpreter and the wasm engine print what MLIR's decomposition prints", () => {
  const program = softmaxProgram("", `    %m = memref.alloc() : memref<2x3xf32>
    %v = memref.subview %b1[0, 1] [2, 3] [1, 1] : memref<3x4xf32> to memref<2x3xf32, strided<[4, 1], offset: 1>>
    linalg.softmax dimension(1) ins(%v : memref<2x3xf32, strided<[4, 1], offset: 1>>) outs(%m : memref<2x3xf32>)
`);
  assert.equal(run(program).output, SOFTMAX_EXPECTED);
  assert.equal(maskOutput(runText(program, { engine: "wasm" }).out), SOFTMAX_EXPECTED);
});

test("linalg.softmax of integers (which MLIR 19 verifies but cannot decompose) is refused at the op when lowered, once", () => {
  const program = `func.func @main() {
  %x = arith.constant dense<[1, 2, 3]> : tensor<3xi32>
  %o = tensor.empty() : tensor<3xi32>
  %s = linalg.softmax dimension(0) ins(%x : tensor<3xi32>) outs(%o : tensor<3xi32>) -> tensor<3xi32>
  return
}`;
  assert.throws(() => runText(program, { engine: "wasm" }), (e: Error) => {
    assert.match(e.message, /^test\.mlir:4:8: error: 'linalg\.softmax' op on 'i32' elements: only float elements are computed/);
    assert.equal(e.message.match(/error:/g)?.length, 1);
    return true;
  });
});

test("linalg.softmax: real MLIR (decomposed by its transform interpreter) prints the same", { skip: mlirSkip() }, () => {
  const program = softmaxProgram(" attributes {transform.with_named_sequence}", `    %v = tensor.extract_slice %s1[0, 1] [2, 3] [1, 1] : tensor<3x4xf32> to tensor<2x3xf32>
    %e = tensor.empty() : tensor<2x3xf32>
    %s = linalg.softmax dimension(1) ins(%v : tensor<2x3xf32>) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
    %m = bufferization.to_memref %s : memref<2x3xf32>
`, `  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %0 = transform.structured.match ops{["linalg.softmax"]} in %root : (!transform.any_op) -> !transform.any_op
    %1 = transform.structured.decompose_interface %0 : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
`);
  const before = ["--transform-interpreter", "--test-transform-dialect-erase-schedule", "--one-shot-bufferize=bufferize-function-boundaries"];
  assert.equal(mlirRunStandard(program, { before }), SOFTMAX_EXPECTED);
});

// Runs a tensor-level program at every stage of the default lowering pipeline and records
// the raw data of every tensorlang.print (bit-exact, unlike the %g text).
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { runPasses } from "../../src/passes/pass.js";
import { resolvePipeline } from "../../src/passes/pipeline.js";
import { runMain } from "../../src/interp/interpreter.js";
import { MemRefValue, TensorValue, type Scalar } from "../../src/interp/values.js";
import { readAll } from "../../src/interp/memref.js";
import { createCapturingContext, interpHost } from "../../src/runtime/host.js";

const STAGES = ["convert-tensorlang-to-linalg", "bufferize", "convert-linalg-to-loops", "lower-affine"];

function printedAtEveryStage(src: string): { stage: string; text: string; data: Scalar[][] }[] {
  const cx = createContext();
  const m = parseModule(src, "stages.mlir", cx);
  const out: { stage: string; text: string; data: Scalar[][] }[] = [];
  const runOnce = (stage: string) => {
    const data: Scalar[][] = [];
    const ctx = createCapturingContext();
    runMain(m, ctx, { host: interpHost(ctx), handlers: { "tensorlang.print": (interp, _op, [v]) => {
      data.push(v instanceof MemRefValue ? readAll(interp, v) : [...(v as TensorValue).data]);
      return [];
    } } });
    const text = createCapturingContext();
    runMain(m, text, { host: interpHost(text) });
    out.push({ stage, text: text.output(), data });
  };
  runOnce("source");
  for (const p of STAGES) {
    runPasses(m, cx, resolvePipeline([p]));
    runOnce(p);
  }
  return out;
}

const TENSOR_PROGRAM = `#id = affine_map<(d0, d1) -> (d0, d1)>
#col = affine_map<(d0, d1) -> (d1)>
module {
  func.func @main() {
    %a = arith.constant dense<[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]> : tensor<2x3xf32>
    %b = arith.constant dense<[[1.5, -2.0], [0.25, 3.0], [-1.0, 0.7]]> : tensor<3x2xf32>
    %zero = arith.constant 0.0 : f32
    %e = tensor.empty() : tensor<2x2xf32>
    %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
    %m = linalg.matmul ins(%a, %b : tensor<2x3xf32>, tensor<3x2xf32>) outs(%f : tensor<2x2xf32>) -> tensor<2x2xf32>
    tensorlang.print %m : tensor<2x2xf32>
    %e3 = tensor.empty() : tensor<3xf32>
    %f3 = linalg.fill ins(%zero : f32) outs(%e3 : tensor<3xf32>) -> tensor<3xf32>
    %cs = linalg.generic {indexing_maps = [#id, #col], iterator_types = ["reduction", "parallel"]}
        ins(%a : tensor<2x3xf32>) outs(%f3 : tensor<3xf32>) {
    ^bb0(%x: f32, %acc: f32):
      %ex = math.exp %x : f32
      %s = arith.addf %acc, %ex : f32
      linalg.yield %s : f32
    } -> tensor<3xf32>
    tensorlang.print %cs : tensor<3xf32>
    %c1 = arith.constant 1 : index
    %c0 = arith.constant 0 : index
    %v = tensor.extract %m[%c1, %c0] : tensor<2x2xf32>
    %t = tensor.insert %v into %m[%c0, %c1] : tensor<2x2xf32>
    tensorlang.print %t : tensor<2x2xf32>
    %sl = tensor.extract_slice %a[0, 1] [2, 2] [1, 1] : tensor<2x3xf32> to tensor<2x2xf32>
    %sum = linalg.add ins(%sl, %t : tensor<2x2xf32>, tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
    tensorlang.print %sum : tensor<2x2xf32>
    return
  }
}`;

test("a tensor-level linalg/tensor program prints bit-identical data at every lowering stage",
  { skip: needsOps("linalg.generic", "tensor.extract_slice", "tensorlang.print") }, () => {
  const runs = printedAtEveryStage(TENSOR_PROGRAM);
  assert.equal(runs.length, STAGES.length + 1);
  for (const r of runs.slice(1)) {
    assert.deepEqual(r.data, runs[0].data, `stage ${r.stage}`);
    assert.equal(r.text, runs[0].text, `stage ${r.stage}`);
  }
  assert.match(runs[0].text, /^Tensor<2x2xf32>:\n\[\[-0\.1/);
});
