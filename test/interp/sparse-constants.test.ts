// sparse<indices, values> constants at run time: the interpreter (on tensor-level IR and after
// TensorLang's lowering) and the wasm engine (a vector wider than 128 bits split in pieces) read
// them as MLIR does (zeros but the listed elements, the first value of a repeated index), as
// mlir-opt-19's bufferization + lowering under mlir-cpu-runner-19 prints them; --canonicalize
// folds them as mlir-opt-19 --canonicalize does.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { printModule } from "../../src/ir/printer.js";
import { runPasses } from "../../src/passes/pass.js";
import { lookupPass } from "../../src/passes/registry.js";
import { maskOutput, mlirOpt, mlirRunStandard, mlirSkip } from "../support/mlir.js";
import { runText } from "../backend/wasm/helpers.js";
import { run, runError, runLowered } from "./helpers.js";

const PROGRAM = `
memref.global "private" constant @g : memref<2x3xi32> = sparse<[[0, 1], [1, 2]], [5, 7]>
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %g = memref.get_global @g : memref<2x3xi32>
  %gu = memref.cast %g : memref<2x3xi32> to memref<*xi32>
  call @printMemrefI32(%gu) : (memref<*xi32>) -> ()
  %c = arith.constant sparse<[[0, 1], [1, 0], [0, 1]], [2.5, -1.0, 9.0]> : tensor<2x2xf32>
  %cm = bufferization.to_memref %c : memref<2x2xf32>
  %cu = memref.cast %cm : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%cu) : (memref<*xf32>) -> ()
  %e = arith.constant sparse<> : tensor<3xi64>
  %em = bufferization.to_memref %e : memref<3xi64>
  %eu = memref.cast %em : memref<3xi64> to memref<*xi64>
  call @printMemrefI64(%eu) : (memref<*xi64>) -> ()
  %v = arith.constant sparse<[[1, 1]], [3]> : vector<2x2xi32>
  vector.print %v : vector<2x2xi32>
  %w = arith.constant sparse<[[0, 1], [1, 1]], [-3, 4]> : vector<2x2xi64>
  vector.print %w : vector<2x2xi64>
  %s = arith.constant sparse<[2, 0], true> : vector<3xi1>
  vector.print %s : vector<3xi1>
  %x = arith.constant sparse<[1, 6], [3, -4]> : vector<8xi32>
  %y = arith.addi %x, %x : vector<8xi32>
  vector.print %y : vector<8xi32>
  %l = llvm.mlir.constant(sparse<[1], [5.5]> : vector<4xf32>) : vector<4xf32>
  vector.print %l : vector<4xf32>
  return
}`;

const EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data = 
[[0,   5,   0], 
 [0,   0,   7]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 2] strides = [2, 1] data = 
[[0,   2.5], 
 [-1,   0]]
Unranked Memref base@ = 0x<masked> rank = 1 offset = 0 sizes = [3] strides = [1] data = 
[0,  0,  0]
( ( 0, 0 ), ( 0, 3 ) )
( ( 0, -3 ), ( 0, 4 ) )
( 1, 0, 1 )
( 0, 6, 0, 0, 0, 0, -8, 0 )
( 0, 5.5, 0, 0 )
`;

test("sparse constants run on the interpreter (as written and lowered) and the wasm engine", () => {
  assert.equal(run(PROGRAM).output, EXPECTED);
  assert.equal(runLowered(PROGRAM), EXPECTED);
  assert.equal(maskOutput(runText(PROGRAM, { engine: "wasm" }).out), EXPECTED);
});

test("sparse constants: mlir-opt-19's bufferization and lowering under mlir-cpu-runner-19 print the same", { skip: mlirSkip() }, () => {
  assert.equal(mlirRunStandard(PROGRAM, { before: ["--one-shot-bufferize=bufferize-function-boundaries"] }), EXPECTED);
});

// Folds MLIR makes of any ElementsAttr (elementwise arith and math, casts, tensor.extract) read a
// sparse constant; those it makes of dense elements only (arith.bitcast, reshapes) leave it.
const FOLDS = `func.func @f() -> (f32, tensor<4xf32>, tensor<2x2xf32>, tensor<2x2xi64>, tensor<2x2xf64>, tensor<2x2xi1>, tensor<?x2xf32>, tensor<2x2xf32>, tensor<2x2xi32>) {
  %c1 = arith.constant 1 : index
  %t = arith.constant sparse<[[1, 1]], [3.0]> : tensor<2x2xf32>
  %i = arith.constant sparse<[[0, 1]], [7]> : tensor<2x2xi32>
  %e = tensor.extract %t[%c1, %c1] : tensor<2x2xf32>
  %r = tensor.collapse_shape %t [[0, 1]] : tensor<2x2xf32> into tensor<4xf32>
  %n = arith.negf %t : tensor<2x2xf32>
  %x = arith.extsi %i : tensor<2x2xi32> to tensor<2x2xi64>
  %y = arith.extf %t : tensor<2x2xf32> to tensor<2x2xf64>
  %z = arith.cmpi eq, %i, %i : tensor<2x2xi32>
  %d = tensor.cast %t : tensor<2x2xf32> to tensor<?x2xf32>
  %s = arith.select %z, %t, %n : tensor<2x2xi1>, tensor<2x2xf32>
  %b = arith.bitcast %t : tensor<2x2xf32> to tensor<2x2xi32>
  return %e, %r, %n, %x, %y, %z, %d, %s, %b : f32, tensor<4xf32>, tensor<2x2xf32>, tensor<2x2xi64>, tensor<2x2xf64>, tensor<2x2xi1>, tensor<?x2xf32>, tensor<2x2xf32>, tensor<2x2xi32>
}
func.func @g() -> (tensor<2xi32>, tensor<2xf32>, tensor<2xi32>, tensor<2xf32>, tensor<2xi32>) {
  %i = arith.constant sparse<[1], [7]> : tensor<2xi32>
  %a = arith.constant sparse<[0], [2]> : tensor<2xi32>
  %f = arith.constant sparse<[1], [4.0]> : tensor<2xf32>
  %0 = arith.shli %i, %a : tensor<2xi32>
  %1 = math.sqrt %f : tensor<2xf32>
  %2 = arith.floordivsi %i, %i : tensor<2xi32>
  %3 = arith.sitofp %i : tensor<2xi32> to tensor<2xf32>
  %4 = arith.addi %i, %a : tensor<2xi32>
  return %0, %1, %2, %3, %4 : tensor<2xi32>, tensor<2xf32>, tensor<2xi32>, tensor<2xf32>, tensor<2xi32>
}
`;
const FOLDED = `module {
  func.func @f() -> (f32, tensor<4xf32>, tensor<2x2xf32>, tensor<2x2xi64>, tensor<2x2xf64>, tensor<2x2xi1>, tensor<?x2xf32>, tensor<2x2xf32>, tensor<2x2xi32>) {
    %cst = arith.constant dense<true> : tensor<2x2xi1>
    %cst_0 = arith.constant dense<[[0.000000e+00, 0.000000e+00], [0.000000e+00, 3.000000e+00]]> : tensor<2x2xf64>
    %cst_1 = arith.constant dense<[[0, 7], [0, 0]]> : tensor<2x2xi64>
    %cst_2 = arith.constant dense<[[-0.000000e+00, -0.000000e+00], [-0.000000e+00, -3.000000e+00]]> : tensor<2x2xf32>
    %cst_3 = arith.constant sparse<1, 3.000000e+00> : tensor<2x2xf32>
    %cst_4 = arith.constant 3.000000e+00 : f32
    %collapsed = tensor.collapse_shape %cst_3 [[0, 1]] : tensor<2x2xf32> into tensor<4xf32>
    %cast = tensor.cast %cst_3 : tensor<2x2xf32> to tensor<?x2xf32>
    %0 = arith.bitcast %cst_3 : tensor<2x2xf32> to tensor<2x2xi32>
    return %cst_4, %collapsed, %cst_2, %cst_1, %cst_0, %cst, %cast, %cst_3, %0 : f32, tensor<4xf32>, tensor<2x2xf32>, tensor<2x2xi64>, tensor<2x2xf64>, tensor<2x2xi1>, tensor<?x2xf32>, tensor<2x2xf32>, tensor<2x2xi32>
  }
  func.func @g() -> (tensor<2xi32>, tensor<2xf32>, tensor<2xi32>, tensor<2xf32>, tensor<2xi32>) {
    %cst = arith.constant dense<[0, 7]> : tensor<2xi32>
    %cst_0 = arith.constant dense<[0.000000e+00, 2.000000e+00]> : tensor<2xf32>
    %cst_1 = arith.constant dense<[0, 1]> : tensor<2xi32>
    %cst_2 = arith.constant dense<[0.000000e+00, 7.000000e+00]> : tensor<2xf32>
    %cst_3 = arith.constant dense<[2, 7]> : tensor<2xi32>
    return %cst, %cst_0, %cst_1, %cst_2, %cst_3 : tensor<2xi32>, tensor<2xf32>, tensor<2xi32>, tensor<2xf32>, tensor<2xi32>
  }
}
`;

test("folds read a sparse constant's elements where MLIR's do: dense results", () => {
  const cx = createContext();
  const m = parseModule(FOLDS, "folds.mlir", cx);
  runPasses(m, cx, [lookupPass("canonicalize")!]);
  assert.equal(printModule(m, cx), FOLDED);
});

test("sparse folds: mlir-opt-19 --canonicalize agrees", { skip: mlirSkip() }, () => {
  const r = mlirOpt(["--canonicalize"], FOLDS);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trimEnd(), FOLDED.trimEnd());
});

test("a sparse constant too big to make dense is a trap naming it, not a crash", () => {
  const { error } = runError(`func.func @main() {
  %c = arith.constant sparse<[[0, 0]], [1.0]> : tensor<65536x65536xf32>
  %x = arith.constant 0 : index
  %e = tensor.extract %c[%x, %x] : tensor<65536x65536xf32>
  vector.print %e : f32
  return
}`);
  assert.match(String(error), /arith\.constant: sparse<0, 1\.000000e\+00> : tensor<65536x65536xf32> has no values TensorLang reads \(4294967296 elements are more than TensorLang makes dense \(at most 2\^27\)\)/);
});
