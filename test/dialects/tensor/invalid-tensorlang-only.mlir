// tensor cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: error: 'tensor.dim' op operand #0 must be non-0-ranked or unranked tensor, but got 'memref<4xf32>'
func.func @dim_of_memref(%m: memref<4xf32>, %i: index) {
  // expected-error @+1 {{operand #0 must be a tensor}}
  %0 = "tensor.dim"(%m, %i) : (memref<4xf32>, index) -> index
  return
}

// -----

// MLIR 19: error: expected element type to be 'f32'
func.func @slice_elem(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{expected element types of the slice and the tensor to match}}
  %0 = "tensor.extract_slice"(%t) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 2, 2>, static_strides = array<i64: 1, 1>}> : (tensor<8x8xf32>) -> tensor<2x2xf64>
  return
}

// -----

// MLIR 19: error: 'tensor.extract_slice' op operand count (1) does not match with the total size (0) specified in attribute 'operandSegmentSizes'
func.func @slice_segments(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{requires an 'operandSegmentSizes' attribute with 4 elements}}
  %0 = "tensor.extract_slice"(%t) <{static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 2, 2>, static_strides = array<i64: 1, 1>}> : (tensor<8x8xf32>) -> tensor<2x2xf32>
  return
}

// -----

// MLIR 19: error: 'tensor.extract_slice' op operand count (2) does not match with the total size (1) specified in attribute 'operandSegmentSizes'
func.func @slice_operand_count(%t: tensor<8x8xf32>, %i: index) {
  // expected-error @+1 {{operand count does not match 'operandSegmentSizes'}}
  %0 = "tensor.extract_slice"(%t, %i) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 2, 2>, static_strides = array<i64: 1, 1>}> : (tensor<8x8xf32>, index) -> tensor<2x2xf32>
  return
}

// -----

// MLIR 19: error: 'tensor.extract_slice' op operand #0 must be ranked tensor of any type values, but got 'tensor<*xf32>'
func.func @slice_unranked(%t: tensor<*xf32>) {
  // expected-error @+1 {{expects ranked tensor operands}}
  %0 = "tensor.extract_slice"(%t) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: 2>, static_strides = array<i64: 1>}> : (tensor<*xf32>) -> tensor<2xf32>
  return
}

// -----

// MLIR 19: error: 'tensor.from_elements' op failed to verify that operand types match result element type
func.func @from_elements_generic(%a: f32) {
  // expected-error @+1 {{has 2 elements, but the type needs 3}}
  %0 = "tensor.from_elements"(%a, %a) : (f32, f32) -> tensor<3xf32>
  return
}

// -----

// MLIR 19: error: 'tensor.from_elements' op result #0 must be statically shaped tensor of any type values, but got 'tensor<?xf32>'
func.func @from_elements_dynamic(%a: f32) {
  // expected-error @+1 {{result must be a statically shaped tensor}}
  %0 = "tensor.from_elements"(%a) : (f32) -> tensor<?xf32>
  return
}

// -----

// MLIR 19: error: 'tensor.empty' op result #0 must be ranked tensor of any type values, but got 'memref<4xf32>'
func.func @empty_memref() {
  // expected-error @+1 {{result must be a ranked tensor}}
  %0 = "tensor.empty"() : () -> memref<4xf32>
  return
}

// -----

// MLIR 19: error: must have as many index operands as dynamic extents in the result type
func.func @generate_dyn(%a: f32) {
  // expected-error @+1 {{incorrect number of dynamic sizes, has 0, expected 1}}
  %0 = tensor.generate {
  ^bb0(%p: index):
    tensor.yield %a : f32
  } : tensor<?xf32>
  return
}

// -----

// MLIR 19: error (on another line): 'tensor.generate' op body must be terminated with a `yield` operation of the tensor element type
func.func @yield_type(%a: f64, %i: index) {
  %0 = tensor.generate %i {
  ^bb0(%p: index):
    // expected-error @+1 {{type of yield operand (f64) doesn't match the tensor element type (f32)}}
    tensor.yield %a : f64
  } : tensor<?xf32>
  return
}

// -----

// MLIR 19: error: 'tensor.rank' op operand #0 must be tensor of any type values, but got 'memref<4xf32>'
func.func @rank_memref(%m: memref<4xf32>) {
  // expected-error @+1 {{operand #0 must be a tensor}}
  %0 = "tensor.rank"(%m) : (memref<4xf32>) -> index
  return
}

// -----

// MLIR 19: error: 'tensor.rank' op result #0 must be index, but got 'i32'
func.func @rank_result(%t: tensor<4xf32>) {
  // expected-error @+1 {{result must be index}}
  %0 = "tensor.rank"(%t) : (tensor<4xf32>) -> i32
  return
}

// -----

// MLIR 19: error: 'tensor.collapse_shape' op expected reassociation map #0 to be valid and contiguous.
func.func @collapse_partition(%t: tensor<2x3x4xf32>) {
  // expected-error @+1 {{expected reassociation map to be a contiguous partition of the 3 source dimensions}}
  %0 = tensor.collapse_shape %t [[0, 2], [1]] : tensor<2x3x4xf32> into tensor<8x3xf32>
  return
}

// -----

// MLIR 19: error: 'tensor.collapse_shape' op expected collapsed rank (1) to equal the number of reassociation maps (2).
func.func @collapse_rank(%t: tensor<2x3x4xf32>) {
  // expected-error @+1 {{expected result rank (1) to equal the number of reassociation maps (2)}}
  %0 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<24xf32>
  return
}

// -----

// MLIR 19: error: 'tensor.collapse_shape' op expected collapsed type to be 'tensor<6xf32>', but got 'tensor<6xf64>'
func.func @collapse_elem(%t: tensor<2x3xf32>) {
  // expected-error @+1 {{expected source and result element types to match}}
  %0 = "tensor.collapse_shape"(%t) <{reassociation = [[0, 1]]}> : (tensor<2x3xf32>) -> tensor<6xf64>
  return
}

// -----

// MLIR 19: error: 'tensor.collapse_shape' op expected reassociation map #0 to have size equal to the expanded rank (1775578872), but it is  2.
func.func @collapse_unranked(%t: tensor<*xf32>) {
  // expected-error @+1 {{expects ranked tensor operand and result}}
  %0 = "tensor.collapse_shape"(%t) <{reassociation = [[0, 1]]}> : (tensor<*xf32>) -> tensor<6xf32>
  return
}

// -----

// MLIR 19: accepts this input
func.func @expand_output_shape(%t: tensor<6x4xf32>) {
  // expected-error @+1 {{invalid output shape provided at pos 1}}
  %0 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 4, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  return
}

// -----

// MLIR 19: error: 'tensor.expand_shape' op mismatch in dynamic dims in output_shape and static_output_shape: static_output_shape has 1 dynamic dims while output_shape has 0 values
func.func @expand_dynamic_count(%t: tensor<?x4xf32>, %k: index) {
  // expected-error @+1 {{expected as many dynamic output sizes as '?' entries in 'static_output_shape'}}
  %0 = "tensor.expand_shape"(%t) <{reassociation = [[0, 1], [2]], static_output_shape = array<i64: -9223372036854775808, 2, 4>}> : (tensor<?x4xf32>) -> tensor<?x2x4xf32>
  return
}

// -----

// MLIR 19: error: 'tensor.reshape' op operand #1 must be 1D tensor of signless integer or index values, but got 'tensor<2x1xindex>'
func.func @reshape_shape_rank(%t: tensor<6xf32>, %s: tensor<2x1xindex>) {
  // expected-error @+1 {{shape must be a 1-D tensor}}
  %0 = tensor.reshape %t(%s) : (tensor<6xf32>, tensor<2x1xindex>) -> tensor<2x3xf32>
  return
}

// -----

// MLIR 19: error: custom op 'tensor.reshape' invalid kind of type specified
func.func @reshape_types(%t: tensor<6xf32>, %s: tensor<2xindex>) {
  // expected-error @+1 {{expected '(source, shape) -> result' types}}
  %0 = tensor.reshape %t(%s) : tensor<2x3xf32>
  return
}

