// bufferization cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share. Each case says
// what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees with live in
// invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: crashes (mlir-opt-19 aborts with a stack dump on this generic form)
func.func @alloc_tensor_unranked() {
  // expected-error @+1 {{'bufferization.alloc_tensor' op result #0 must be ranked tensor of any type values, but got 'tensor<*xf32>'}}
  %0 = "bufferization.alloc_tensor"() <{operandSegmentSizes = array<i32: 0, 0, 0>}> : () -> tensor<*xf32>
  return
}
