// scf: for with iter_args (index and i32 induction variables), if with results, while,
// parallel with a reduction, index_switch, recursion through func.call.
// Expected outputs were produced by mlir-opt-19 + mlir-cpu-runner-19 on the same program;
// where the toolchain is installed the test also re-checks that agreement live.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mlirOutput, needsOps, run } from "./helpers.js";

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
