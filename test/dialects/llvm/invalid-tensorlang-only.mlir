// llvm cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: note (on another line): when returning from function
llvm.func @a(%x: i32) -> i32 {
  // expected-error @+1 {{expected 1 operand}}
  llvm.return
}

// -----

// MLIR 19: note (on another line): when returning from function
llvm.func @a(%p: !llvm.ptr) -> i32 {
  // expected-error @+1 {{mismatching result types}}
  llvm.return %p : !llvm.ptr
}

