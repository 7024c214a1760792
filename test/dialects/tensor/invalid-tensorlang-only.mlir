// tensor cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: error: 'tensor.collapse_shape' op expected reassociation map #0 to have size equal to the expanded rank (<an uninitialized number>), but it is  2.
func.func @collapse_unranked(%t: tensor<*xf32>) {
  // expected-error @+1 {{'tensor.collapse_shape' op expects ranked tensor operand and result}}
  %0 = "tensor.collapse_shape"(%t) <{reassociation = [[0, 1]]}> : (tensor<*xf32>) -> tensor<6xf32>
  return
}

// -----

// MLIR 19: accepts this input
func.func @expand_output_shape(%t: tensor<6x4xf32>) {
  // expected-error @+1 {{'tensor.expand_shape' op invalid output shape provided at pos 1}}
  %0 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 4, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  return
}
