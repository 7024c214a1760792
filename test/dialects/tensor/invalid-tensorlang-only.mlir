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

// -----

// MLIR 19: accepts this input (it leaves a scatter's result type free; the result is the updated dest)
func.func @scatter_result_not_dest(%source : tensor<1x2x1x5x1xf32>, %dest : tensor<4x5x6xf32>, %indices: tensor<1x2x2xindex>) {
  // expected-error @+1 {{'tensor.scatter' op expected result type 'tensor<4x5x7xf32>' to be the dest type 'tensor<4x5x6xf32>'}}
  %out = tensor.scatter %source into %dest[%indices] scatter_dims([0, 2]) unique : (tensor<1x2x1x5x1xf32>, tensor<4x5x6xf32>, tensor<1x2x2xindex>) -> tensor<4x5x7xf32>
  return
}

// -----

// MLIR 19: crashes ("SmallVector unable to grow" in GatherOp::inferResultType); later MLIR gives this error
func.func @gather_indices_rank0(%source: tensor<4x5x6xf32>, %indices: tensor<index>) {
  // expected-error @+1 {{'tensor.gather' op gather_dims length must match the size of last dimension of indices}}
  %out = tensor.gather %source[%indices] gather_dims([0, 1, 2]) : (tensor<4x5x6xf32>, tensor<index>) -> tensor<1x2xf32>
  return
}

// -----

// MLIR 19: accepts this input (it lacks this check, which later MLIR has)
func.func @gather_indices_last_dim(%source: tensor<4x5x6xf32>, %indices: tensor<1x2x2xindex>) {
  // expected-error @+1 {{'tensor.gather' op gather_dims length must match the size of last dimension of indices}}
  %out = tensor.gather %source[%indices] gather_dims([0, 1, 2]) : (tensor<4x5x6xf32>, tensor<1x2x2xindex>) -> tensor<1x2xf32>
  return
}

// -----

// MLIR 19: reports a source type mismatch instead (it lacks this check, which later MLIR has)
func.func @scatter_indices_last_dim(%source : tensor<f32>, %dest : tensor<4x5x6xf32>, %indices: tensor<1x2x2xindex>) {
  // expected-error @+1 {{'tensor.scatter' op scatter_dims length must match the size of last dimension of indices}}
  %out = tensor.scatter %source into %dest[%indices] scatter_dims([0, 1, 2]) unique : (tensor<f32>, tensor<4x5x6xf32>, tensor<1x2x2xindex>) -> tensor<1x2xf32>
  return
}

// -----

// MLIR 19: accepts this input (a pack moves elements; it does not convert them)
func.func @pack_element_types(%input: tensor<256x128xf32>, %output: tensor<16x4x32x16xf64>) -> tensor<16x4x32x16xf64> {
  // expected-error @+1 {{'tensor.pack' op expected the source and dest element types to match ('f32' vs 'f64')}}
  %0 = tensor.pack %input inner_dims_pos = [1, 0] inner_tiles = [32, 16] into %output : tensor<256x128xf32> -> tensor<16x4x32x16xf64>
  return %0 : tensor<16x4x32x16xf64>
}

// -----

// MLIR 19: accepts this input
func.func @unpack_element_types(%input: tensor<16x4x32x16xf32>, %output: tensor<256x128xf64>) -> tensor<256x128xf64> {
  // expected-error @+1 {{'tensor.unpack' op expected the source and dest element types to match ('f32' vs 'f64')}}
  %0 = tensor.unpack %input inner_dims_pos = [1, 0] inner_tiles = [32, 16] into %output : tensor<16x4x32x16xf32> -> tensor<256x128xf64>
  return %0 : tensor<256x128xf64>
}

// -----

// MLIR 19: accepts this input, and prints it without the tile operand
func.func @pack_dynamic_tile_count(%input: tensor<256x128xf32>, %output: tensor<16x4x32x16xf32>, %t: index) -> tensor<16x4x32x16xf32> {
  // expected-error @+1 {{'tensor.pack' op expected 0 dynamic inner_tiles values}}
  %0 = "tensor.pack"(%input, %output, %t) <{inner_dims_pos = array<i64: 1, 0>, operandSegmentSizes = array<i32: 1, 1, 0, 1>, static_inner_tiles = array<i64: 32, 16>}> : (tensor<256x128xf32>, tensor<16x4x32x16xf32>, index) -> tensor<16x4x32x16xf32>
  return %0 : tensor<16x4x32x16xf32>
}

// -----

// -2^63 is the marker of a dynamic entry (crashed bufferize as one without its operand: fuzzing).
// MLIR 19 adds "expected SSA value or integer" at the op.
func.func @pad_static_dynamic_marker(%t: tensor<2x3xf32>, %v: f32) -> tensor<3x6xf32> {
  // expected-error @+1 {{custom op 'tensor.pad' integer value too large}}
  %p = tensor.pad %t low[1, 1] high[0, -9223372036854775808] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<2x3xf32> to tensor<3x6xf32>
  return %p : tensor<3x6xf32>
}

// -----

// MLIR 19: crashes (mlir-opt-19 aborts in PackOp::setPropertiesFromAttr on an array<i1: ...>)
func.func @pack_i1_dims(%input: tensor<256x128xf32>, %output: tensor<16x4x32x16xf32>) -> tensor<16x4x32x16xf32> {
  // expected-error @+1 {{for op tensor.pack: Invalid attribute `inner_dims_pos` in property conversion: array<i1: true, false>}}
  %0 = "tensor.pack"(%input, %output) <{inner_dims_pos = array<i1: 1, 0>, operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_inner_tiles = array<i64: 32, 16>}> : (tensor<256x128xf32>, tensor<16x4x32x16xf32>) -> tensor<16x4x32x16xf32>
  return %0 : tensor<16x4x32x16xf32>
}
