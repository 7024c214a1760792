// The llvm subset: globals (strings, dense arrays, scalars) in the heap, addressof, struct
// and array getelementptr with the wasm32 layout, alloca, load/store, indirect calls through a
// function pointer, and variadic printf.
// Expected outputs were produced by mlir-opt-19 + mlir-cpu-runner-19 on the same program;
// where the toolchain is installed the test also re-checks that agreement live.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mlirOutput, needsOps, run } from "./helpers.js";

const LLVM_PROGRAM = `module {
  llvm.mlir.global internal constant @fmt("%d %lld %.2f %s\\0A\\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @word("ok\\00") {addr_space = 0 : i32}
  llvm.mlir.global internal @data(dense<[10, 20, 30, 40]> : tensor<4xi32>) {addr_space = 0 : i32} : !llvm.array<4 x i32>
  llvm.mlir.global internal @scale(2.5 : f64) {addr_space = 0 : i32} : f64
  llvm.func @printf(!llvm.ptr, ...) -> i32
  llvm.func @twice(%x: i32) -> i32 {
    %r = arith.addi %x, %x : i32
    llvm.return %r : i32
  }
  func.func @main() {
    %one = arith.constant 1 : i32
    %p = llvm.alloca %one x !llvm.struct<(i8, i64, f64)> : (i32) -> !llvm.ptr
    %f1 = llvm.getelementptr %p[0, 1] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<(i8, i64, f64)>
    %f2 = llvm.getelementptr %p[0, 2] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<(i8, i64, f64)>
    %big = arith.constant 123456789012 : i64
    llvm.store %big, %f1 : i64, !llvm.ptr
    %s = llvm.mlir.addressof @scale : !llvm.ptr
    %sv = llvm.load %s : !llvm.ptr -> f64
    llvm.store %sv, %f2 : f64, !llvm.ptr
    %d = llvm.mlir.addressof @data : !llvm.ptr
    %c2 = arith.constant 2 : i64
    %e2 = llvm.getelementptr %d[0, %c2] : (!llvm.ptr, i64) -> !llvm.ptr, !llvm.array<4 x i32>
    %v = llvm.load %e2 : !llvm.ptr -> i32
    %fp = llvm.mlir.addressof @twice : !llvm.ptr
    %tw = llvm.call %fp(%v) : !llvm.ptr, (i32) -> i32
    %bv = llvm.load %f1 : !llvm.ptr -> i64
    %fv = llvm.load %f2 : !llvm.ptr -> f64
    %fmt = llvm.mlir.addressof @fmt : !llvm.ptr
    %w = llvm.mlir.addressof @word : !llvm.ptr
    %n = llvm.call @printf(%fmt, %tw, %bv, %fv, %w) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, i32, i64, f64, !llvm.ptr) -> i32
    %n2 = llvm.call @printf(%fmt, %n, %bv, %fv, %w) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, i32, i64, f64, !llvm.ptr) -> i32
    return
  }
}
`;

const LLVM_EXPECTED = `60 123456789012 2.50 ok
24 123456789012 2.50 ok
`;

test("llvm: globals, gep, alloca, indirect and variadic calls match MLIR", { skip: needsOps("llvm.getelementptr") }, () => {
  assert.equal(run(LLVM_PROGRAM).output, LLVM_EXPECTED);
});

test("llvm: real MLIR prints the same", { skip: needsOps("llvm.getelementptr") }, (t) => {
  const want = mlirOutput(LLVM_PROGRAM);
  if (want === undefined) { t.skip("mlir-opt-19/mlir-cpu-runner-19 not installed"); return; }
  assert.equal(run(LLVM_PROGRAM).output, want);
});

test("a call to an external function outside the host allow-list is a clear error", () => {
  const src = `llvm.func @system(!llvm.ptr) -> i32
  func.func @main() {
    %p = llvm.mlir.zero : !llvm.ptr
    %r = llvm.call @system(%p) : (!llvm.ptr) -> i32
    return
  }`;
  assert.throws(() => run(src), (e: Error) => e.name === "InterpreterError" && /@main/.test(e.message) && /@system/.test(e.message) && /allow-listed/.test(e.message));
});

test("func.func private declarations resolve to the same host functions", () => {
  const src = `func.func private @printI64(i64)
  func.func private @printNewline()
  func.func @main() {
    %v = arith.constant 42 : i64
    call @printI64(%v) : (i64) -> ()
    call @printNewline() : () -> ()
    return
  }`;
  assert.equal(run(src).output, "42\n");
});

test("a global with an initializer region is initialized on first use", () => {
  const src = `llvm.mlir.global internal @g() {addr_space = 0 : i32} : i64 {
    %c = llvm.mlir.constant(42 : i64) : i64
    llvm.return %c : i64
  }
  func.func private @printI64(i64)
  func.func @main() {
    %p = llvm.mlir.addressof @g : !llvm.ptr
    %v = llvm.load %p : !llvm.ptr -> i64
    %one = llvm.mlir.constant(1 : i64) : i64
    %w = arith.addi %v, %one : i64
    llvm.store %w, %p : i64, !llvm.ptr
    %q = llvm.mlir.addressof @g : !llvm.ptr
    %x = llvm.load %q : !llvm.ptr -> i64
    call @printI64(%x) : (i64) -> ()
    return
  }`;
  assert.equal(run(src).output, "43");
});
