// memref cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: error: 'memref.load' op operand #1 must be variadic of index, but got 'i32'
func.func @load_index_type(%A: memref<10xf32>, %i: i32) {
  // expected-error @+1 {{indices must be of index type}}
  %v = "memref.load"(%A, %i) : (memref<10xf32>, i32) -> f32
  return
}

// -----

// MLIR 19: error: 'memref.store' op store index operand count not equal to memref rank
func.func @store_rank(%A: memref<10x20xf32>, %i: index, %v: f32) {
  // expected-error @+1 {{incorrect number of indices for store, expected 2 but got 3}}
  memref.store %v, %A[%i, %i, %i] : memref<10x20xf32>
  return
}

// -----

// MLIR 19: error: custom op 'memref.load' invalid kind of type specified
func.func @not_memref(%A: tensor<10xf32>, %i: index) {
  // expected-error @+1 {{expected a ranked memref type, got 'tensor<10xf32>'}}
  %v = memref.load %A[%i] : tensor<10xf32>
  return
}

// -----

// MLIR 19: error: 'memref.alloc' op operand count (1) does not match with the total size (0) specified in attribute 'operandSegmentSizes'
func.func @alloc_segments(%n: index) {
  // expected-error @+1 {{requires 'operandSegmentSizes' matching its operands}}
  %a = "memref.alloc"(%n) <{operandSegmentSizes = array<i32: 0, 0>}> : (index) -> memref<4xf32>
  return
}

// -----

// MLIR 19: error: 'memref.alloc' op result #0 must be memref of any type values, but got 'tensor<4xf32>'
func.func @alloc_result() {
  // expected-error @+1 {{result must be a memref}}
  %a = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> tensor<4xf32>
  return
}

// -----

// MLIR 19: error: custom op 'memref.dealloc' invalid kind of type specified
func.func @dealloc(%t: tensor<4xf32>) {
  // expected-error @+1 {{operand must be a memref}}
  memref.dealloc %t : tensor<4xf32>
  return
}

// -----

// MLIR 19: error: 'memref.dim' op operand #0 must be unranked.memref of any type values or non-0-ranked.memref of any type values, but got 'tensor<4xf32>'
func.func @dim(%t: tensor<4xf32>, %i: index) {
  // expected-error @+1 {{source must be a memref}}
  %d = memref.dim %t, %i : tensor<4xf32>
  return
}

// -----

// MLIR 19: error: 'memref.dim' op result #0 must be index, but got 'i32'
func.func @dim_result(%A: memref<4xf32>, %i: index) {
  // expected-error @+1 {{result must be index}}
  %d = "memref.dim"(%A, %i) : (memref<4xf32>, index) -> i32
  return
}

// -----

// MLIR 19: error: expected mixed offsets rank to match mixed sizes rank (1 vs 2) so the rank of the result type is well-formed.
func.func @subview_count(%A: memref<10x20xf32>) {
  // expected-error @+1 {{expected 2 offsets values, got 1}}
  %s = memref.subview %A[2] [4, 5] [1, 1] : memref<10x20xf32> to memref<4x5xf32, strided<[20, 1], offset: 43>>
  return
}

// -----

// MLIR 19: error: expected 0 dynamic offset values
func.func @subview_segments(%A: memref<10x20xf32>, %n: index) {
  // expected-error @+1 {{expected 0 dynamic offsets values}}
  %s = "memref.subview"(%A, %n) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<10x20xf32>, index) -> memref<1x1xf32, strided<[20, 1]>>
  return
}

// -----

// MLIR 19: error: 'memref.subview' op operand count (1) does not match with the total size (0) specified in attribute 'operandSegmentSizes'
func.func @subview_sizes(%A: memref<10x20xf32>) {
  // expected-error @+1 {{requires an 'operandSegmentSizes' attribute with 4 entries}}
  %s = "memref.subview"(%A) <{static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<10x20xf32>) -> memref<1x1xf32, strided<[20, 1]>>
  return
}

// -----

// MLIR 19: error: expected result element type to be 'f32'
func.func @subview_elem(%A: memref<10x20xf32>) {
  // expected-error @+1 {{result element type must match the source element type}}
  %s = memref.subview %A[0, 0] [4, 5] [1, 1] : memref<10x20xf32> to memref<4x5xf64, strided<[20, 1]>>
  return
}

// -----

// MLIR 19: error: expected result rank to be smaller or equal to the source rank. 
func.func @subview_rank(%A: memref<10xf32>) {
  // expected-error @+1 {{result rank 2 exceeds source rank 1}}
  %s = memref.subview %A[0] [4] [1] : memref<10xf32> to memref<4x1xf32>
  return
}

// -----

// MLIR 19: error: custom op 'memref.subview' invalid kind of type specified
func.func @subview_unranked(%A: memref<*xf32>) {
  // expected-error @+1 {{expects ranked memref source and result}}
  %s = memref.subview %A[0] [4] [1] : memref<*xf32> to memref<4xf32>
  return
}

// -----

// MLIR 19: error: expected mixed offsets rank to match mixed sizes rank (2 vs 1) so the rank of the result type is well-formed.
func.func @reinterpret_offsets(%A: memref<10xf32>) {
  // expected-error @+1 {{expects exactly one offset}}
  %r = memref.reinterpret_cast %A to offset: [0, 0], sizes: [10], strides: [1] : memref<10xf32> to memref<10xf32>
  return
}

// -----

// MLIR 19: error: expected 2 size values, got 1
func.func @reinterpret_sizes(%A: memref<10xf32>) {
  // expected-error @+1 {{expected 2 size and stride values, one per result dimension}}
  %r = memref.reinterpret_cast %A to offset: [0], sizes: [10], strides: [1] : memref<10xf32> to memref<2x5xf32>
  return
}

// -----

// MLIR 19: error: different element types specified for source type 'memref<10xf32>' and result memref type 'memref<10xi32>'
func.func @reinterpret_elem(%A: memref<10xf32>) {
  // expected-error @+1 {{different element types specified for source and result}}
  %r = memref.reinterpret_cast %A to offset: [0], sizes: [10], strides: [1] : memref<10xf32> to memref<10xi32>
  return
}

// -----

// MLIR 19: error: 'memref.reinterpret_cast' op result #0 must be memref of any type values, but got 'memref<*xf32>'
func.func @reinterpret_result(%A: memref<10xf32>) {
  // expected-error @+1 {{result must be a ranked memref}}
  %r = "memref.reinterpret_cast"(%A) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64>, static_strides = array<i64>}> : (memref<10xf32>) -> memref<*xf32>
  return
}

// -----

// MLIR 19: error: 'memref.copy' op requires the same element type for all operands
func.func @copy(%A: memref<10xf32>, %B: memref<10xi32>) {
  // expected-error @+1 {{source 'memref<10xf32>' and target 'memref<10xi32>' must have the same element type and compatible shapes}}
  memref.copy %A, %B : memref<10xf32> to memref<10xi32>
  return
}

// -----

// MLIR 19: error: 'memref.global' op initial value should be a unit or elements attribute, but got 3 : i32
// expected-error @+1 {{initial value must be a dense elements attribute or uninitialized}}
"memref.global"() <{initial_value = 3 : i32, sym_name = "bad", type = memref<2xf32>}> : () -> ()

// -----

// MLIR 19: accepts this input
// expected-error @+1 {{constant global requires an initial value}}
memref.global constant @k : memref<2xf32>

// -----

// MLIR 19: error: 'memref.global' op requires attribute 'sym_name'
// expected-error @+1 {{requires a 'sym_name' string attribute}}
"memref.global"() <{type = memref<2xf32>}> : () -> ()

// -----

// MLIR 19: error: 'memref.get_global' op result type 'memref<3xf32>' does not match type 'memref<2xf32>' of the global memref @gg
memref.global @gg : memref<2xf32> = uninitialized
func.func @get_global_type() {
  // expected-error @+1 {{result type memref<3xf32> does not match type memref<2xf32> of the global memref @gg}}
  %g = memref.get_global @gg : memref<3xf32>
  return
}

// -----

// MLIR 19: error: invalid properties {name = "gg"} for op memref.get_global: Invalid attribute `name` in property conversion: "gg"
func.func @get_global_attr() {
  // expected-error @+1 {{requires a 'name' symbol reference attribute}}
  %g = "memref.get_global"() <{name = "gg"}> : () -> memref<2xf32>
  return
}

// -----

// MLIR 19: error: custom op 'memref.rank' invalid kind of type specified
func.func @rank(%t: tensor<4xf32>) {
  // expected-error @+1 {{operand must be a memref}}
  %r = memref.rank %t : tensor<4xf32>
  return
}

// -----

// MLIR 19: error: 'memref.extract_aligned_pointer_as_index' op result #0 must be index, but got 'i64'
func.func @aligned_pointer(%A: memref<4xf32>) {
  // expected-error @+1 {{result must be index}}
  %p = memref.extract_aligned_pointer_as_index %A : memref<4xf32> -> i64
  return
}

// -----

// MLIR 19: error: 'memref.collapse_shape' op expected collapsed type to be 'memref<32xf32>' but found 'memref<32xf64>'
func.func @collapse_elem(%A: memref<4x8xf32>) {
  // expected-error @+1 {{expects the same element type for source and result}}
  %c = memref.collapse_shape %A [[0, 1]] : memref<4x8xf32> into memref<32xf64>
  return
}

// -----

// MLIR 19: error: 'memref.collapse_shape' op attribute 'reassociation' failed to satisfy constraint: Array of 64-bit integer array attributes
func.func @collapse_attr(%A: memref<4x8xf32>) {
  // expected-error @+1 {{requires a 'reassociation' attribute: an array of arrays of integers}}
  %c = "memref.collapse_shape"(%A) <{reassociation = [0, 1]}> : (memref<4x8xf32>) -> memref<32xf32>
  return
}

// -----

// MLIR 19: error: 'memref.collapse_shape' op invalid number of reassociation groups: found 2, expected 1
func.func @collapse_groups(%A: memref<4x8xf32>) {
  // expected-error @+1 {{expected 1 reassociation groups, got 2}}
  %c = memref.collapse_shape %A [[0], [1]] : memref<4x8xf32> into memref<32xf32>
  return
}

// -----

// MLIR 19: error: 'memref.collapse_shape' op reassociation indices must be contiguous
func.func @collapse_cover(%A: memref<4x8x2xf32>) {
  // expected-error @+1 {{expected reassociation groups to be non-empty and to cover dims 0 to 2 in order}}
  %c = memref.collapse_shape %A [[0, 2], [1]] : memref<4x8x2xf32> into memref<8x8xf32>
  return
}

// -----

// MLIR 19: error: 'memref.collapse_shape' op collapsed dim size (30) must equal reassociation group size (32)
func.func @collapse_size(%A: memref<4x8xf32>) {
  // expected-error @+1 {{collapsed dims of group 0 multiply to 32, but the result dim is 30}}
  %c = memref.collapse_shape %A [[0, 1]] : memref<4x8xf32> into memref<30xf32>
  return
}

// -----

// MLIR 19: error: custom op 'memref.collapse_shape' invalid kind of type specified
func.func @collapse_ranked(%A: memref<*xf32>) {
  // expected-error @+1 {{expects ranked memref operand and result}}
  %c = memref.collapse_shape %A [[0, 1]] : memref<*xf32> into memref<30xf32>
  return
}

// -----

// MLIR 19: error: integer literal not valid for specified type
func.func @collapse_syntax(%A: memref<4x8xf32>) {
  // expected-error @+1 {{expected a reassociation list like [[0, 1], [2]]}}
  %c = memref.collapse_shape %A 0 : memref<4x8xf32> into memref<32xf32>
  return
}

// -----

// MLIR 19: error: 'memref.expand_shape' op collapsed dim size (32) must equal reassociation group size (24)
func.func @expand_size(%A: memref<32xf32>) {
  // expected-error @+1 {{expanded dims of group 0 multiply to 24, but the source dim is 32}}
  %e = memref.expand_shape %A [[0, 1]] output_shape [4, 6] : memref<32xf32> into memref<4x6xf32>
  return
}

// -----

// MLIR 19: error: 'memref.expand_shape' op expected number of static shape bounds to be equal to the output rank (2) but found 1 inputs instead
func.func @expand_shape_count(%A: memref<32xf32>) {
  // expected-error @+1 {{expected 2 output_shape values, got 1}}
  %e = memref.expand_shape %A [[0, 1]] output_shape [4] : memref<32xf32> into memref<4x8xf32>
  return
}

// -----

// MLIR 19: error: 'memref.expand_shape' op mismatch in dynamic dims in output_shape and static_output_shape: static_output_shape has 1 dynamic dims while output_shape has 2 values
func.func @expand_dynamic(%A: memref<?xf32>, %n: index) {
  // expected-error @+1 {{expected one output_shape operand per dynamic size}}
  %e = "memref.expand_shape"(%A, %n, %n) <{reassociation = [[0, 1]], static_output_shape = array<i64: -9223372036854775808, 8>}> : (memref<?xf32>, index, index) -> memref<?x8xf32>
  return
}

// -----

// MLIR 19: error: 'memref.expand_shape' op invalid output shape provided at pos 0
func.func @expand_static(%A: memref<32xf32>) {
  // expected-error @+1 {{output_shape size 2 of dim 0 does not match the result type}}
  %e = memref.expand_shape %A [[0, 1]] output_shape [2, 8] : memref<32xf32> into memref<4x8xf32>
  return
}

// -----

// MLIR 19: error: invalid properties {operandSegmentSizes = array<i64: 1, 0>} for op memref.alloc: expected DenseI32ArrayAttr for key `value`
func.func @segments_i64(%n: index) {
  // expected-error @+1 {{invalid properties: 'operandSegmentSizes' must be an array<i32: ...>, got array<i64: 1, 0>}}
  %1 = "memref.alloc"(%n) <{operandSegmentSizes = array<i64: 1, 0>}> : (index) -> memref<?xf32>
  return
}

