// scf: for with iter_args (index and i32 induction variables), if with results, while,
// parallel with a reduction, index_switch, recursion through func.call, forall.
// Expected outputs were produced by mlir-opt-19 + mlir-cpu-runner-19 on the same program;
// where the toolchain is installed the test also re-checks that agreement live.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mlirOutput, needsOps, run, runLowered } from "./helpers.js";
import { Engine } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";
import { maskOutput, mlirRunStandard, mlirSkip } from "../support/mlir.js";

await Engine.loadCompiler();

const SCF_PROGRAM = `module {
  func.func private @printI64(i64)
  func.func private @printF32(f32)
  func.func private @printNewline()
  func.func @fib(%n: i64) -> i64 {
    %c2 = arith.constant 2 : i64
    %lt = arith.cmpi slt, %n, %c2 : i64
    %r = scf.if %lt -> (i64) {
      scf.yield %n : i64
    } else {
      %c1 = arith.constant 1 : i64
      %a = arith.subi %n, %c1 : i64
      %b = arith.subi %n, %c2 : i64
      %fa = func.call @fib(%a) : (i64) -> i64
      %fb = func.call @fib(%b) : (i64) -> i64
      %s = arith.addi %fa, %fb : i64
      scf.yield %s : i64
    }
    return %r : i64
  }
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c10 = arith.constant 10 : index
    %c3 = arith.constant 3 : index
    %z = arith.constant 0.0 : f32
    %h = arith.constant 0.1 : f32
    // sum of 0.1 ten times in f32, and i*i summed with step 3
    %s:2 = scf.for %i = %c0 to %c10 step %c1 iter_args(%acc = %z, %sq = %c0) -> (f32, index) {
      %n = arith.addf %acc, %h : f32
      %q = arith.muli %i, %i : index
      %t = arith.addi %sq, %q : index
      scf.yield %n, %t : f32, index
    }
    call @printF32(%s#0) : (f32) -> ()
    call @printNewline() : () -> ()
    %sq64 = arith.index_cast %s#1 : index to i64
    call @printI64(%sq64) : (i64) -> ()
    call @printNewline() : () -> ()
    scf.for %i = %c1 to %c10 step %c3 {
      %v = arith.index_cast %i : index to i64
      func.call @printI64(%v) : (i64) -> ()
    }
    call @printNewline() : () -> ()
    // integer-typed loop
    %a = arith.constant -3 : i32
    %b = arith.constant 3 : i32
    %one = arith.constant 1 : i32
    %cnt = scf.for %k = %a to %b step %one iter_args(%x = %a) -> (i32) : i32 {
      %y = arith.muli %x, %k : i32
      scf.yield %y : i32
    }
    %cnt64 = arith.extsi %cnt : i32 to i64
    call @printI64(%cnt64) : (i64) -> ()
    call @printNewline() : () -> ()
    // collatz steps of 27 with scf.while
    %start = arith.constant 27 : i64
    %zero = arith.constant 0 : i64
    %r:2 = scf.while (%v = %start, %steps = %zero) : (i64, i64) -> (i64, i64) {
      %c1_64 = arith.constant 1 : i64
      %ne = arith.cmpi ne, %v, %c1_64 : i64
      scf.condition(%ne) %v, %steps : i64, i64
    } do {
    ^bb0(%v: i64, %steps: i64):
      %c1_64 = arith.constant 1 : i64
      %c2_64 = arith.constant 2 : i64
      %c3_64 = arith.constant 3 : i64
      %odd = arith.andi %v, %c1_64 : i64
      %isodd = arith.cmpi ne, %odd, %zero : i64
      %nv = scf.if %isodd -> (i64) {
        %m = arith.muli %v, %c3_64 : i64
        %p = arith.addi %m, %c1_64 : i64
        scf.yield %p : i64
      } else {
        %d = arith.divsi %v, %c2_64 : i64
        scf.yield %d : i64
      }
      %ns = arith.addi %steps, %c1_64 : i64
      scf.yield %nv, %ns : i64, i64
    }
    call @printI64(%r#1) : (i64) -> ()
    call @printNewline() : () -> ()
    %n20 = arith.constant 20 : i64
    %f = call @fib(%n20) : (i64) -> i64
    call @printI64(%f) : (i64) -> ()
    call @printNewline() : () -> ()
    // scf.parallel with a reduction
    %c4 = arith.constant 4 : index
    %init = arith.constant 0 : index
    %red = scf.parallel (%i, %j) = (%c0, %c0) to (%c4, %c3) step (%c1, %c1) init (%init) -> index {
      %p = arith.muli %i, %j : index
      scf.reduce(%p : index) {
      ^bb0(%l: index, %rr: index):
        %sum = arith.addi %l, %rr : index
        scf.reduce.return %sum : index
      }
    }
    %red64 = arith.index_cast %red : index to i64
    call @printI64(%red64) : (i64) -> ()
    call @printNewline() : () -> ()
    return
  }
}
`;

const SCF_EXPECTED = `1
285
147
0
111
6765
18
`;

test("scf: loops, conditionals, while, parallel and recursion match MLIR", { skip: needsOps("scf.for", "scf.while", "scf.parallel") }, () => {
  assert.equal(run(SCF_PROGRAM).output, SCF_EXPECTED);
});

test("scf: real MLIR prints the same", { skip: needsOps("scf.for", "scf.while", "scf.parallel") }, (t) => {
  const want = mlirOutput(SCF_PROGRAM);
  if (want === undefined) { t.skip("mlir-opt-19/mlir-cpu-runner-19 not installed"); return; }
  assert.equal(run(SCF_PROGRAM).output, want);
});

test("scf.for with a non-positive step is a runtime error", { skip: needsOps("scf.for") }, () => {
  const src = `func.func @main() {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    scf.for %i = %c0 to %c4 step %c0 {
    }
    return
  }`;
  assert.throws(() => run(src), /step must be positive/);
});

// scf.forall as MLIR's tiling passes print it: shared tensors written by parallel_insert_slice
// (a rows-at-a-time map, and an in-place update of the init's own slices), and a memref body
// with mixed static/dynamic bounds and steps. Expected: mlir-opt-19 --one-shot-bufferize
// --scf-forall-to-for (or -to-parallel) + mlir-cpu-runner-19.
const FORALL_PROGRAM = `func.func private @printMemrefF32(memref<*xf32>)
func.func @square_rows(%in: tensor<4x3xf32>, %n: index) -> tensor<4x3xf32> {
  %init = tensor.empty() : tensor<4x3xf32>
  %r = scf.forall (%i) in (%n) shared_outs(%o = %init) -> (tensor<4x3xf32>) {
    %row = tensor.extract_slice %in[%i, 0] [1, 3] [1, 1] : tensor<4x3xf32> to tensor<3xf32>
    %sq = linalg.mul ins(%row, %row : tensor<3xf32>, tensor<3xf32>) outs(%row : tensor<3xf32>) -> tensor<3xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %sq into %o[%i, 0] [1, 3] [1, 1] : tensor<3xf32> into tensor<4x3xf32>
    }
  }
  return %r : tensor<4x3xf32>
}
func.func @double_cols(%t: tensor<4x3xf32>, %lb: index) -> tensor<4x3xf32> {
  %r = scf.forall (%i, %j) = (0, %lb) to (4, 3) step (2, 1) shared_outs(%o = %t) -> (tensor<4x3xf32>) {
    %e = tensor.extract_slice %o[%i, %j] [2, 1] [1, 1] : tensor<4x3xf32> to tensor<2x1xf32>
    %d = linalg.add ins(%e, %e : tensor<2x1xf32>, tensor<2x1xf32>) outs(%e : tensor<2x1xf32>) -> tensor<2x1xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %d into %o[%i, %j] [2, 1] [1, 1] : tensor<2x1xf32> into tensor<4x3xf32>
    }
  }
  return %r : tensor<4x3xf32>
}
func.func @main() {
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %t = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [10.0, 11.0, 12.0]]> : tensor<4x3xf32>
  %r = call @square_rows(%t, %c4) : (tensor<4x3xf32>, index) -> tensor<4x3xf32>
  %m = bufferization.to_memref %r : memref<4x3xf32>
  %u = memref.cast %m : memref<4x3xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %d = call @double_cols(%t, %c1) : (tensor<4x3xf32>, index) -> tensor<4x3xf32>
  %dm = bufferization.to_memref %d : memref<4x3xf32>
  %du = memref.cast %dm : memref<4x3xf32> to memref<*xf32>
  call @printMemrefF32(%du) : (memref<*xf32>) -> ()
  %buf = memref.alloc() : memref<4x6xf32>
  %z = arith.constant 0.0 : f32
  linalg.fill ins(%z : f32) outs(%buf : memref<4x6xf32>)
  scf.forall (%i, %j) = (%c1, 0) to (%c4, 6) step (2, 2) {
    %ii = arith.index_cast %i : index to i32
    %jj = arith.index_cast %j : index to i32
    %c10 = arith.constant 10 : i32
    %a = arith.muli %ii, %c10 : i32
    %b = arith.addi %a, %jj : i32
    %f = arith.sitofp %b : i32 to f32
    memref.store %f, %buf[%i, %j] : memref<4x6xf32>
  }
  %ub = memref.cast %buf : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%ub) : (memref<*xf32>) -> ()
  memref.dealloc %buf : memref<4x6xf32>
  return
}`;

const FORALL_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [4, 3] strides = [3, 1] data = 
[[1,   4,   9], 
 [16,   25,   36], 
 [49,   64,   81], 
 [100,   121,   144]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [4, 3] strides = [3, 1] data = 
[[1,   4,   6], 
 [4,   10,   12], 
 [7,   16,   18], 
 [10,   22,   24]]
Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [4, 6] strides = [6, 1] data = 
[[0,   0,   0,   0,   0,   0], 
 [10,   0,   12,   0,   14,   0], 
 [0,   0,   0,   0,   0,   0], 
 [30,   0,   32,   0,   34,   0]]
`;

test("scf.forall with shared tensors and a memref body: the interpreter (as written and lowered) and wasm print what MLIR does", async () => {
  assert.equal(run(FORALL_PROGRAM).output, FORALL_EXPECTED);
  assert.equal(runLowered(FORALL_PROGRAM), FORALL_EXPECTED);
  const ctx = createCapturingContext();
  const e = new Engine({ ctx, engine: "wasm" }).load(FORALL_PROGRAM, "forall.mlir");
  e.runMain("main");
  assert.equal(maskOutput(ctx.output()), FORALL_EXPECTED);
  await e.dispose();
});

test("scf.forall: mlir-cpu-runner-19 prints the same (forall lowered to scf.for and to scf.parallel)", { skip: mlirSkip() }, () => {
  for (const to of ["--scf-forall-to-for", "--scf-forall-to-parallel"]) {
    assert.equal(mlirRunStandard(FORALL_PROGRAM, { before: ["--one-shot-bufferize=bufferize-function-boundaries", to] }), FORALL_EXPECTED, to);
  }
});

test("scf.forall with a non-positive step is a runtime error on both engines", async () => {
  const src = `func.func @main() {
    %m = memref.alloc() : memref<4xf32>
    %z = arith.constant 0.0 : f32
    %c0 = arith.constant 0 : index
    scf.forall (%i) = (0) to (4) step (%c0) {
      memref.store %z, %m[%i] : memref<4xf32>
    }
    scf.forall (%i) = (0) to (4) step (-1) {
      memref.store %z, %m[%i] : memref<4xf32>
    }
    return
  }`;
  assert.throws(() => run(src), /scf\.forall: step must be positive, got 0/);
  const e = new Engine({ ctx: createCapturingContext(), engine: "wasm" }).load(src, "step.mlir");
  assert.throws(() => e.runMain("main"), /scf\.forall: step must be positive, got 0/);
  await e.dispose();
  const neg = src.replace("step (%c0)", "step (1)");
  assert.throws(() => run(neg), /scf\.forall: step must be positive, got -1/);
  const e2 = new Engine({ ctx: createCapturingContext(), engine: "wasm" }).load(neg, "step.mlir");
  assert.throws(() => e2.runMain("main"), /scf\.forall: step must be positive, got -1/);
  await e2.dispose();
});

// The unlowered interpreter read insert_slice's dynamic offsets from the wrong operand segment
// (insert_slice has two lead operands): with two of them the slice was written nowhere.
const INSERT_PROGRAM = `func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %t = arith.constant dense<0.0> : tensor<3x3xf32>
  %s = arith.constant dense<5.0> : tensor<1x1xf32>
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %r = tensor.insert_slice %s into %t[%c1, %c2] [1, 1] [1, 1] : tensor<1x1xf32> into tensor<3x3xf32>
  %m = bufferization.to_memref %r : memref<3x3xf32>
  %u = memref.cast %m : memref<3x3xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}`;
const INSERT_EXPECTED = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [3, 3] strides = [3, 1] data = 
[[0,   0,   0], 
 [0,   0,   5], 
 [0,   0,   0]]
`;
test("tensor.insert_slice at two dynamic offsets, unlowered and lowered, as mlir-cpu-runner-19 prints it", (t) => {
  assert.equal(run(INSERT_PROGRAM).output, INSERT_EXPECTED);
  assert.equal(runLowered(INSERT_PROGRAM), INSERT_EXPECTED);
  if (mlirSkip()) { t.skip("mlir-opt-19/mlir-cpu-runner-19 not installed"); return; }
  assert.equal(mlirRunStandard(INSERT_PROGRAM, { before: ["--one-shot-bufferize=bufferize-function-boundaries"] }), INSERT_EXPECTED);
});
