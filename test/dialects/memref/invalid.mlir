// One case per verifier rule of the memref dialect.
func.func @load_rank(%A: memref<10x20xf32>, %i: index) {
  // expected-error @+1 {{incorrect number of indices for load, expected 2 but got 1}}
  %v = memref.load %A[%i] : memref<10x20xf32>
  return
}

// -----

func.func @load_result(%A: memref<10xf32>, %i: index) {
  // expected-error @+1 {{failed to verify that result type matches element type of 'memref'}}
  %v = "memref.load"(%A, %i) : (memref<10xf32>, index) -> f64
  return
}

// -----

func.func @store_value(%A: memref<10xf32>, %i: index, %v: f64) {
  // expected-error @+1 {{failed to verify that type of 'value' matches element type of 'memref'}}
  "memref.store"(%v, %A, %i) : (f64, memref<10xf32>, index) -> ()
  return
}

// -----

func.func @alloc_dyn(%n: index) {
  // expected-error @+1 {{dimension operand count does not equal memref dynamic dimension count}}
  %a = memref.alloc(%n) : memref<?x?xf32>
  return
}

// -----

func.func @alloca_align() {
  // expected-error @+1 {{attribute 'alignment' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 0}}
  %a = memref.alloca() {alignment = -16 : i64} : memref<4xf32>
  return
}

// -----

func.func @alloc_align_type() {
  // expected-error @+1 {{attribute 'alignment' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 0}}
  %a = memref.alloc() {alignment = 16 : i32} : memref<4xf32>
  return
}

// -----

func.func @cast(%A: memref<4xf32>) {
  // expected-error @+1 {{operand type 'memref<4xf32>' and result type 'memref<5xf32>' are cast incompatible}}
  %c = memref.cast %A : memref<4xf32> to memref<5xf32>
  return
}

// -----

func.func @subview_type(%A: memref<10x20xf32>) {
  // expected-error @+1 {{expected result type to be 'memref<4x5xf32, strided<[20, 1], offset: 43>>' or a rank-reduced version}}
  %s = memref.subview %A[2, 3] [4, 5] [1, 1] : memref<10x20xf32> to memref<4x5xf32>
  return
}

// -----

// expected-error @+1 {{type should be static shaped memref, but got 'memref<?xf32>'}}
memref.global @dyn : memref<?xf32>

// -----

// expected-error @+1 {{initial value expected to be of type 'tensor<2xf32>', but was of type 'tensor<3xf32>'}}
"memref.global"() <{initial_value = dense<1.0> : tensor<3xf32>, sym_name = "bad", type = memref<2xf32>}> : () -> ()

// -----

func.func @get_global_missing() {
  // expected-error @+1 {{'nope' does not reference a valid global memref}}
  %g = memref.get_global @nope : memref<2xf32>
  return
}

// -----

func.func @subview_rank_reduced(%A: memref<10x20xf32>) {
  // expected-error @+1 {{expected result type to be 'memref<2x5xf32, strided<[20, 1], offset: 43>>' or a rank-reduced version}}
  %s = memref.subview %A[2, 3] [2, 5] [1, 1] : memref<10x20xf32> to memref<5xf32, strided<[1], offset: 43>>
  return
}

// -----

func.func @reinterpret_offset(%A: memref<4xf32>) {
  // expected-error @+1 {{expected result type with offset = 1 instead of 0}}
  %r = memref.reinterpret_cast %A to offset: [1], sizes: [4], strides: [1] : memref<4xf32> to memref<4xf32>
  return
}

// -----

func.func @reinterpret_size(%A: memref<4xf32>) {
  // expected-error @+1 {{expected result type with size = 2 instead of 4 in dim = 0}}
  %r = memref.reinterpret_cast %A to offset: [0], sizes: [2], strides: [1] : memref<4xf32> to memref<4xf32>
  return
}

// -----

func.func @load_index_type(%A: memref<10xf32>, %i: i32) {
  // expected-error @+1 {{'memref.load' op operand #1 must be variadic of index, but got 'i32'}}
  %v = "memref.load"(%A, %i) : (memref<10xf32>, i32) -> f32
  return
}

// -----

func.func @store_rank(%A: memref<10x20xf32>, %i: index, %v: f32) {
  // expected-error @+1 {{'memref.store' op store index operand count not equal to memref rank}}
  memref.store %v, %A[%i, %i, %i] : memref<10x20xf32>
  return
}

// -----

func.func @not_memref(%A: tensor<10xf32>, %i: index) {
  // expected-error @+1 {{custom op 'memref.load' invalid kind of type specified}}
  %v = memref.load %A[%i] : tensor<10xf32>
  return
}

// -----

func.func @alloc_segments(%n: index) {
  // expected-error @+1 {{'memref.alloc' op operand count (1) does not match with the total size (0) specified in attribute 'operandSegmentSizes'}}
  %a = "memref.alloc"(%n) <{operandSegmentSizes = array<i32: 0, 0>}> : (index) -> memref<4xf32>
  return
}

// -----

func.func @alloc_result() {
  // expected-error @+1 {{'memref.alloc' op result #0 must be memref of any type values, but got 'tensor<4xf32>'}}
  %a = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> tensor<4xf32>
  return
}

// -----

func.func @dealloc(%t: tensor<4xf32>) {
  // expected-error @+1 {{custom op 'memref.dealloc' invalid kind of type specified}}
  memref.dealloc %t : tensor<4xf32>
  return
}

// -----

func.func @dim(%t: tensor<4xf32>, %i: index) {
  // expected-error @+1 {{'memref.dim' op operand #0 must be unranked.memref of any type values or non-0-ranked.memref of any type values, but got 'tensor<4xf32>'}}
  %d = memref.dim %t, %i : tensor<4xf32>
  return
}

// -----

func.func @dim_result(%A: memref<4xf32>, %i: index) {
  // expected-error @+1 {{'memref.dim' op result #0 must be index, but got 'i32'}}
  %d = "memref.dim"(%A, %i) : (memref<4xf32>, index) -> i32
  return
}

// -----

func.func @subview_count(%A: memref<10x20xf32>) {
  // expected-error @+1 {{expected mixed offsets rank to match mixed sizes rank (1 vs 2) so the rank of the result type is well-formed.}}
  %s = memref.subview %A[2] [4, 5] [1, 1] : memref<10x20xf32> to memref<4x5xf32, strided<[20, 1], offset: 43>>
  return
}

// -----

func.func @subview_segments(%A: memref<10x20xf32>, %n: index) {
  // expected-error @+1 {{expected 0 dynamic offset values}}
  %s = "memref.subview"(%A, %n) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<10x20xf32>, index) -> memref<1x1xf32, strided<[20, 1]>>
  return
}

// -----

func.func @subview_sizes(%A: memref<10x20xf32>) {
  // expected-error @+1 {{'memref.subview' op operand count (1) does not match with the total size (0) specified in attribute 'operandSegmentSizes'}}
  %s = "memref.subview"(%A) <{static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<10x20xf32>) -> memref<1x1xf32, strided<[20, 1]>>
  return
}

// -----

func.func @subview_elem(%A: memref<10x20xf32>) {
  // expected-error @+1 {{expected result element type to be 'f32'}}
  %s = memref.subview %A[0, 0] [4, 5] [1, 1] : memref<10x20xf32> to memref<4x5xf64, strided<[20, 1]>>
  return
}

// -----

func.func @subview_rank(%A: memref<10xf32>) {
  // expected-error @+1 {{expected result rank to be smaller or equal to the source rank.}}
  %s = memref.subview %A[0] [4] [1] : memref<10xf32> to memref<4x1xf32>
  return
}

// -----

func.func @reinterpret_offsets(%A: memref<10xf32>) {
  // expected-error @+1 {{expected mixed offsets rank to match mixed sizes rank (2 vs 1) so the rank of the result type is well-formed.}}
  %r = memref.reinterpret_cast %A to offset: [0, 0], sizes: [10], strides: [1] : memref<10xf32> to memref<10xf32>
  return
}

// -----

func.func @reinterpret_sizes(%A: memref<10xf32>) {
  // expected-error @+1 {{expected 2 size values, got 1}}
  %r = memref.reinterpret_cast %A to offset: [0], sizes: [10], strides: [1] : memref<10xf32> to memref<2x5xf32>
  return
}

// -----

func.func @reinterpret_elem(%A: memref<10xf32>) {
  // expected-error @+1 {{different element types specified for source type 'memref<10xf32>' and result memref type 'memref<10xi32>'}}
  %r = memref.reinterpret_cast %A to offset: [0], sizes: [10], strides: [1] : memref<10xf32> to memref<10xi32>
  return
}

// -----

func.func @reinterpret_result(%A: memref<10xf32>) {
  // expected-error @+1 {{'memref.reinterpret_cast' op result #0 must be memref of any type values, but got 'memref<*xf32>'}}
  %r = "memref.reinterpret_cast"(%A) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64>, static_strides = array<i64>}> : (memref<10xf32>) -> memref<*xf32>
  return
}

// -----

func.func @copy(%A: memref<10xf32>, %B: memref<10xi32>) {
  // expected-error @+1 {{'memref.copy' op requires the same element type for all operands}}
  memref.copy %A, %B : memref<10xf32> to memref<10xi32>
  return
}

// -----

// expected-error @+1 {{'memref.global' op initial value should be a unit or elements attribute, but got 3 : i32}}
"memref.global"() <{initial_value = 3 : i32, sym_name = "bad", type = memref<2xf32>}> : () -> ()

// -----

// expected-error @+1 {{'memref.global' op requires attribute 'sym_name'}}
"memref.global"() <{type = memref<2xf32>}> : () -> ()

// -----

memref.global @gg : memref<2xf32> = uninitialized
func.func @get_global_type() {
  // expected-error @+1 {{'memref.get_global' op result type 'memref<3xf32>' does not match type 'memref<2xf32>' of the global memref @gg}}
  %g = memref.get_global @gg : memref<3xf32>
  return
}

// -----

func.func @rank(%t: tensor<4xf32>) {
  // expected-error @+1 {{custom op 'memref.rank' invalid kind of type specified}}
  %r = memref.rank %t : tensor<4xf32>
  return
}

// -----

func.func @aligned_pointer(%A: memref<4xf32>) {
  // expected-error @+1 {{'memref.extract_aligned_pointer_as_index' op result #0 must be index, but got 'i64'}}
  %p = memref.extract_aligned_pointer_as_index %A : memref<4xf32> -> i64
  return
}

// -----

func.func @subview_unranked(%A: memref<*xf32>) {
  // expected-error @+1 {{custom op 'memref.subview' invalid kind of type specified}}
  %s = memref.subview %A[0] [4] [1] : memref<*xf32> to memref<4xf32>
  return
}

// -----

func.func @collapse_elem(%A: memref<4x8xf32>) {
  // expected-error @+1 {{'memref.collapse_shape' op expected collapsed type to be 'memref<32xf32>' but found 'memref<32xf64>'}}
  %c = memref.collapse_shape %A [[0, 1]] : memref<4x8xf32> into memref<32xf64>
  return
}

// -----

func.func @collapse_attr(%A: memref<4x8xf32>) {
  // expected-error @+1 {{'memref.collapse_shape' op attribute 'reassociation' failed to satisfy constraint: Array of 64-bit integer array attributes}}
  %c = "memref.collapse_shape"(%A) <{reassociation = [0, 1]}> : (memref<4x8xf32>) -> memref<32xf32>
  return
}

// -----

func.func @collapse_groups(%A: memref<4x8xf32>) {
  // expected-error @+1 {{'memref.collapse_shape' op invalid number of reassociation groups: found 2, expected 1}}
  %c = memref.collapse_shape %A [[0], [1]] : memref<4x8xf32> into memref<32xf32>
  return
}

// -----

func.func @collapse_cover(%A: memref<4x8x2xf32>) {
  // expected-error @+1 {{'memref.collapse_shape' op reassociation indices must be contiguous}}
  %c = memref.collapse_shape %A [[0, 2], [1]] : memref<4x8x2xf32> into memref<8x8xf32>
  return
}

// -----

func.func @collapse_size(%A: memref<4x8xf32>) {
  // expected-error @+1 {{'memref.collapse_shape' op collapsed dim size (30) must equal reassociation group size (32)}}
  %c = memref.collapse_shape %A [[0, 1]] : memref<4x8xf32> into memref<30xf32>
  return
}

// -----

func.func @collapse_ranked(%A: memref<*xf32>) {
  // expected-error @+1 {{custom op 'memref.collapse_shape' invalid kind of type specified}}
  %c = memref.collapse_shape %A [[0, 1]] : memref<*xf32> into memref<30xf32>
  return
}

// -----

func.func @expand_size(%A: memref<32xf32>) {
  // expected-error @+1 {{'memref.expand_shape' op collapsed dim size (32) must equal reassociation group size (24)}}
  %e = memref.expand_shape %A [[0, 1]] output_shape [4, 6] : memref<32xf32> into memref<4x6xf32>
  return
}

// -----

func.func @expand_shape_count(%A: memref<32xf32>) {
  // expected-error @+1 {{'memref.expand_shape' op expected number of static shape bounds to be equal to the output rank (2) but found 1 inputs instead}}
  %e = memref.expand_shape %A [[0, 1]] output_shape [4] : memref<32xf32> into memref<4x8xf32>
  return
}

// -----

func.func @expand_dynamic(%A: memref<?xf32>, %n: index) {
  // expected-error @+1 {{'memref.expand_shape' op mismatch in dynamic dims in output_shape and static_output_shape: static_output_shape has 1 dynamic dims while output_shape has 2 values}}
  %e = "memref.expand_shape"(%A, %n, %n) <{reassociation = [[0, 1]], static_output_shape = array<i64: -9223372036854775808, 8>}> : (memref<?xf32>, index, index) -> memref<?x8xf32>
  return
}

// -----

func.func @expand_static(%A: memref<32xf32>) {
  // expected-error @+1 {{'memref.expand_shape' op invalid output shape provided at pos 0}}
  %e = memref.expand_shape %A [[0, 1]] output_shape [2, 8] : memref<32xf32> into memref<4x8xf32>
  return
}

// -----

func.func @expand_dynamic_source_static_group(%m: memref<?xf32>) {
  // expected-error @+1 {{collapsed dim (0) must be dynamic if and only if reassociation group is dynamic}}
  %0 = memref.expand_shape %m [[0, 1]] output_shape [3, 4] : memref<?xf32> into memref<3x4xf32>
  return
}

// -----

func.func @collapse_dynamic_group_static_result(%m: memref<?x4xf32>) {
  // expected-error @+1 {{collapsed dim (0) must be dynamic if and only if reassociation group is dynamic}}
  %0 = memref.collapse_shape %m [[0, 1]] : memref<?x4xf32> into memref<12xf32>
  return
}

// -----

// expected-error @+1 {{alignment attribute value 63 is not a power of 2}}
memref.global "private" @unaligned : memref<4xf32> = dense<1.0> {alignment = 63}

// -----

// (an i32 alignment was accepted: mlir-opt-19 rejects it while parsing the op)
// expected-error @+1 {{'memref.global' op attribute 'alignment' failed to satisfy constraint: 64-bit signless integer attribute}}
memref.global "private" @aligned_i32 : memref<4xf32> = dense<1.0> {alignment = 64 : i32}

// -----

// expected-error @+1 {{'memref.global' op visibility expected to be one of ["public", "private", "nested"], but got "priate"}}
memref.global "priate" @misspelt : memref<2xf32> = uninitialized

// -----

func.func @rank_reduced_subview_layout(%d: memref<?x?xf32>, %i: index, %j: index) {
  // expected-error @+1 {{expected result type to be 'memref<?x1xf32, strided<[?, 1], offset: ?>>' or a rank-reduced version. (mismatch of result layout)}}
  %0 = memref.subview %d[0, %i][%j, 1][1, 1] : memref<?x?xf32> to memref<?xf32>
  return
}

// -----

func.func @rank_reduced_subview_column(%d: memref<4x4xf32>) {
  // expected-error @+1 {{expected result type to be 'memref<4x1xf32, strided<[4, 1]>>' or a rank-reduced version. (mismatch of result layout)}}
  %0 = memref.subview %d[0, 0][4, 1][1, 1] : memref<4x4xf32> to memref<4xf32>
  return
}

// -----

func.func @cast_to_other_memory_space(%m: memref<2x5xf32>) {
  // expected-error @+1 {{operand type 'memref<2x5xf32>' and result type 'memref<*xf32, 1>' are cast incompatible}}
  %0 = memref.cast %m : memref<2x5xf32> to memref<*xf32, 1>
  return
}

// -----

func.func @cast_to_other_strides(%s: memref<12x4x16xf32, strided<[64, 16, 1]>>) {
  // expected-error @+1 {{are cast incompatible}}
  %0 = memref.cast %s : memref<12x4x16xf32, strided<[64, 16, 1]>> to memref<12x4x16xf32, strided<[128, 32, 2]>>
  return
}

// -----

func.func @copy_of_other_shape(%a: memref<4xf32>, %b: memref<5xf32>) {
  // expected-error @+1 {{'memref.copy' op requires the same shape for all operands}}
  memref.copy %a, %b : memref<4xf32> to memref<5xf32>
  return
}

// -----

func.func @alloc_without_layout_symbols(%n: index) {
  // expected-error @+1 {{'memref.alloc' op symbol operand count does not equal memref symbol count: expected 1, got 0}}
  %0 = memref.alloc(%n) : memref<2x?xf32, affine_map<(d0, d1)[s0] -> (d0 + s0, d1)>, 1>
  return
}

// -----

func.func @layout_of_other_rank() {
  // expected-error @+1 {{memref layout mismatch between rank and affine map: 2 != 1}}
  %0 = memref.alloc() : memref<1024x64xf32, affine_map<(d0) -> (d0)>, 1>
  return
}

// -----

// A static stride of -1 is a stride (not `?`): the result type must say -1.
func.func @reversed_view_of_unit_stride_type(%m: memref<8xf32>) {
  // expected-error @+1 {{expected result type to be 'memref<8xf32, strided<[-1], offset: 7>>' or a rank-reduced version. (mismatch of result layout)}}
  %v = memref.subview %m[7] [8] [-1] : memref<8xf32> to memref<8xf32, strided<[1], offset: 7>>
  return
}

// -----

func.func @cast_changing_a_negative_stride(%m: memref<4xf32, strided<[-1], offset: 3>>) {
  // expected-error @+1 {{operand type 'memref<4xf32, strided<[-1], offset: 3>>' and result type 'memref<4xf32, strided<[1], offset: 3>>' are cast incompatible}}
  %v = memref.cast %m : memref<4xf32, strided<[-1], offset: 3>> to memref<4xf32, strided<[1], offset: 3>>
  return
}

// -----

// Strides may be negative; static offsets and sizes may not.
func.func @negative_static_offset(%m: memref<8xf32>) {
  // expected-error @+1 {{expected offsets to be non-negative, but got -1}}
  %v = memref.reinterpret_cast %m to offset: [-1], sizes: [4], strides: [-1] : memref<8xf32> to memref<4xf32, strided<[-1], offset: -1>>
  return
}

// -----

func.func @negative_static_size(%m: memref<8xf32>) {
  // expected-error @+1 {{expected sizes to be non-negative, but got -2}}
  %v = memref.subview %m[0] [-2] [1] : memref<8xf32> to memref<?xf32, strided<[1]>>
  return
}

// -----

func.func @collapse_not_contiguous(%m: memref<4x8xf32, strided<[16, 1]>>) {
  // expected-error @+1 {{'memref.collapse_shape' op invalid source layout map or collapsing non-contiguous dims}}
  %c = memref.collapse_shape %m [[0, 1]] : memref<4x8xf32, strided<[16, 1]>> into memref<32xf32>
  return
}

// -----

func.func @collapse_wrong_layout(%m: memref<4x8x2xf32, strided<[16, 2, 1], offset: 5>>) {
  // expected-error @+1 {{'memref.collapse_shape' op expected collapsed type to be 'memref<4x16xf32, strided<[16, 1], offset: 5>>' but found 'memref<4x16xf32>'}}
  %c = memref.collapse_shape %m [[0], [1, 2]] : memref<4x8x2xf32, strided<[16, 2, 1], offset: 5>> into memref<4x16xf32>
  return
}

// -----

func.func @expand_wrong_layout(%m: memref<32xf32, strided<[2]>>) {
  // expected-error @+1 {{'memref.expand_shape' op expected expanded type to be 'memref<4x8xf32, strided<[16, 2]>>' but found 'memref<4x8xf32>'}}
  %e = memref.expand_shape %m [[0, 1]] output_shape [4, 8] : memref<32xf32, strided<[2]>> into memref<4x8xf32>
  return
}

// -----

func.func @expand_rank0_not_ones(%m: memref<f32>) {
  // expected-error @+1 {{'memref.expand_shape' op rank 0 memrefs can only be extended/collapsed with/from ones}}
  %e = memref.expand_shape %m [] output_shape [1, 2] : memref<f32> into memref<1x2xf32>
  return
}

// -----

func.func @collapse_identity_to_strided(%m: memref<2x3x4xf32>) {
  // expected-error @+1 {{'memref.collapse_shape' op expected collapsed type to be 'memref<6x4xf32>' but found 'memref<6x4xf32, strided<[4, 1]>>'}}
  %c = memref.collapse_shape %m [[0, 1], [2]] : memref<2x3x4xf32> into memref<6x4xf32, strided<[4, 1]>>
  return
}

// -----

func.func @collapse_strided_to_identity(%m: memref<2x3x4xf32, strided<[12, 4, 1]>>) {
  // expected-error @+1 {{'memref.collapse_shape' op expected collapsed type to be 'memref<6x4xf32, strided<[4, 1]>>' but found 'memref<6x4xf32>'}}
  %c = memref.collapse_shape %m [[0, 1], [2]] : memref<2x3x4xf32, strided<[12, 4, 1]>> into memref<6x4xf32>
  return
}

// -----

func.func @collapse_to_affine_layout(%arg0: memref<?x?x?xf32>) {
  // expected-error @+1 {{expected collapsed type to be 'memref<?x?xf32>' but found 'memref<?x?xf32, affine_map<(d0, d1)[s0] -> (d0 * s0 + d1)>>'}}
  %0 = memref.collapse_shape %arg0 [[0, 1], [2]] : memref<?x?x?xf32> into memref<?x?xf32, affine_map<(d0, d1)[s0] -> (d0 * s0 + d1)>>
  return
}

// -----

func.func @reinterpret_cast_memory_space(%in: memref<*xf32>) {
  // expected-error @+1 {{different memory spaces specified for source type 'memref<*xf32>' and result memref type 'memref<10xi32, strided<[1]>, 2>'}}
  %out = memref.reinterpret_cast %in to offset: [0], sizes: [10], strides: [1] : memref<*xf32> to memref<10xi32, strided<[1]>, 2>
  return
}

// -----

func.func @reinterpret_cast_not_strided(%in: memref<*xf32>) {
  // expected-error @+1 {{expected result type to have strided layout but found 'memref<10x10xf32, affine_map<(d0, d1) -> (d0 floordiv 2, d1)>>'}}
  %out = memref.reinterpret_cast %in to offset: [0], sizes: [10, 10], strides: [10, 1] : memref<*xf32> to memref<10x10xf32, affine_map<(d0, d1) -> (d0 floordiv 2, d1)>>
  return
}

// -----

func.func @subview_memory_space(%arg2 : index) {
  %0 = memref.alloc() : memref<8x16x4xf32, strided<[64, 4, 1]>, 2>
  // expected-error @+1 {{different memory spaces specified for base memref type 'memref<8x16x4xf32, strided<[64, 4, 1]>, 2>' and subview memref type 'memref<8x?x4xf32, affine_map<(d0, d1, d2)[s0] -> (d0 * s0 + d1 * 4 + d2)>>'}}
  %1 = memref.subview %0[0, 0, 0][%arg2, %arg2, %arg2][1, 1, 1] : memref<8x16x4xf32, strided<[64, 4, 1]>, 2> to memref<8x?x4xf32, affine_map<(d0, d1, d2)[s0] -> (d0 * s0 + d1 * 4 + d2)>>
  return
}

// -----

func.func @subview_base_not_strided(%arg2 : index) {
  %0 = memref.alloc() : memref<8x16x4xf32, affine_map<(d0, d1, d2) -> (d0 + d1, d1 + d2, d2)>>
  // expected-error @+1 {{base type 'memref<8x16x4xf32, affine_map<(d0, d1, d2) -> (d0 + d1, d1 + d2, d2)>>' is not strided}}
  %1 = memref.subview %0[0, 0, 0][%arg2, %arg2, %arg2][1, 1, 1] : memref<8x16x4xf32, affine_map<(d0, d1, d2) -> (d0 + d1, d1 + d2, d2)>> to memref<8x?x4xf32, strided<[?, 4, 1]>>
  return
}

// -----

func.func @subview_affine_base(%m: memref<8x16xf32, affine_map<(d0, d1)[s0] -> (d0 * s0 + d1 + 3)>>) {
  // expected-error @+1 {{expected result type to be 'memref<2x2xf32, strided<[?, 1], offset: ?>>' or a rank-reduced version. (mismatch of result layout)}}
  %1 = memref.subview %m[1, 1][2, 2][1, 1] : memref<8x16xf32, affine_map<(d0, d1)[s0] -> (d0 * s0 + d1 + 3)>> to memref<2x2xf32>
  return
}

// -----

// expected-error @+1 {{custom op 'memref.global' type should be static shaped memref, but got 'memref<?xf32>'}}
memref.global @dynamic_global : memref<?xf32>

// -----

// expected-error @+1 {{custom op 'memref.global' initial value should be a unit or elements attribute}}
memref.global @not_elements : memref<2xf32> = "foo"

// -----

func.func @store_named(%m: memref<4xf32>, %v: f32, %i: index) {
  // expected-error @+1 {{cannot name an operation with no results}}
  %x = memref.store %v, %m[%i] : memref<4xf32>
  return
}

// -----

// memref's less common ops (memref-more.ts), from MLIR's own memref invalid.mlir

func.func @dma_start_not_enough_operands() {
  // expected-error @+1 {{expected at least 4 operands}}
  "memref.dma_start"() : () -> ()
}

// -----

func.func @dma_no_src_memref(%m : f32, %tag : f32, %c0 : index) {
  // expected-error @+1 {{expected source to be of memref type}}
  memref.dma_start %m[%c0], %m[%c0], %c0, %tag[%c0] : f32, f32, f32
}

// -----

func.func @dma_start_not_enough_operands_for_src(
    %src: memref<2x2x2xf32>, %idx: index) {
  // expected-error @+1 {{expected at least 7 operands}}
  "memref.dma_start"(%src, %idx, %idx, %idx) : (memref<2x2x2xf32>, index, index, index) -> ()
}

// -----

func.func @dma_start_src_index_wrong_type(
    %src: memref<2x2xf32>, %idx: index, %dst: memref<2xf32,1>,
    %tag: memref<i32,2>, %flt: f32) {
  // expected-error @+1 {{expected source indices to be of index type}}
  "memref.dma_start"(%src, %idx, %flt, %dst, %idx, %tag, %idx)
      : (memref<2x2xf32>, index, f32, memref<2xf32,1>, index, memref<i32,2>, index) -> ()
}

// -----

func.func @dma_no_dst_memref(%m : f32, %tag : f32, %c0 : index) {
  %mref = memref.alloc() : memref<8 x f32>
  // expected-error @+1 {{expected destination to be of memref type}}
  memref.dma_start %mref[%c0], %m[%c0], %c0, %tag[%c0] : memref<8 x f32>, f32, f32
}

// -----

func.func @dma_start_not_enough_operands_for_dst(
    %src: memref<2x2xf32>, %idx: index, %dst: memref<2xf32,1>,
    %tag: memref<i32,2>) {
  // expected-error @+1 {{expected at least 7 operands}}
  "memref.dma_start"(%src, %idx, %idx, %dst, %idx, %idx)
      : (memref<2x2xf32>, index, index, memref<2xf32,1>, index, index) -> ()
}

// -----

func.func @dma_start_dst_index_wrong_type(
    %src: memref<2x2xf32>, %idx: index, %dst: memref<2xf32,1>,
    %tag: memref<i32,2>, %flt: f32) {
  // expected-error @+1 {{expected destination indices to be of index type}}
  "memref.dma_start"(%src, %idx, %idx, %dst, %flt, %tag, %idx)
      : (memref<2x2xf32>, index, index, memref<2xf32,1>, f32, memref<i32,2>, index) -> ()
}

// -----

func.func @dma_start_dst_index_wrong_type(
    %src: memref<2x2xf32>, %idx: index, %dst: memref<2xf32,1>,
    %tag: memref<i32,2>, %flt: f32) {
  // expected-error @+1 {{expected num elements to be of index type}}
  "memref.dma_start"(%src, %idx, %idx, %dst, %idx, %flt, %tag)
      : (memref<2x2xf32>, index, index, memref<2xf32,1>, index, f32, memref<i32,2>) -> ()
}

// -----

func.func @dma_no_tag_memref(%tag : f32, %c0 : index) {
  %mref = memref.alloc() : memref<8 x f32>
  // expected-error @+1 {{expected tag to be of memref type}}
  memref.dma_start %mref[%c0], %mref[%c0], %c0, %tag[%c0] : memref<8 x f32>, memref<8 x f32>, f32
}

// -----

func.func @dma_start_not_enough_operands_for_tag(
    %src: memref<2x2xf32>, %idx: index, %dst: memref<2xf32,1>,
    %tag: memref<2xi32,2>) {
  // expected-error @+1 {{expected at least 8 operands}}
  "memref.dma_start"(%src, %idx, %idx, %dst, %idx, %idx, %tag)
      : (memref<2x2xf32>, index, index, memref<2xf32,1>, index, index, memref<2xi32,2>) -> ()
}

// -----

func.func @dma_start_dst_index_wrong_type(
    %src: memref<2x2xf32>, %idx: index, %dst: memref<2xf32,1>,
    %tag: memref<2xi32,2>, %flt: f32) {
  // expected-error @+1 {{expected tag indices to be of index type}}
  "memref.dma_start"(%src, %idx, %idx, %dst, %idx, %idx, %tag, %flt)
      : (memref<2x2xf32>, index, index, memref<2xf32,1>, index, index, memref<2xi32,2>, f32) -> ()
}

// -----

func.func @dma_start_too_many_operands(
    %src: memref<2x2xf32>, %idx: index, %dst: memref<2xf32,1>,
    %tag: memref<i32,2>) {
  // expected-error @+1 {{incorrect number of operands}}
  "memref.dma_start"(%src, %idx, %idx, %dst, %idx, %idx, %tag, %idx, %idx, %idx)
      : (memref<2x2xf32>, index, index, memref<2xf32,1>, index, index, memref<i32,2>, index, index, index) -> ()
}

// -----

func.func @dma_start_wrong_stride_type(
    %src: memref<2x2xf32>, %idx: index, %dst: memref<2xf32,1>,
    %tag: memref<i32,2>, %flt: f32) {
  // expected-error @+1 {{expected stride and num elements per stride to be of type index}}
  "memref.dma_start"(%src, %idx, %idx, %dst, %idx, %idx, %tag, %idx, %flt)
      : (memref<2x2xf32>, index, index, memref<2xf32,1>, index, index, memref<i32,2>, index, f32) -> ()
}

// -----

func.func @dma_wait_wrong_index_type(%tag : memref<2x2xi32>, %idx: index, %flt: index) {
  // expected-error @+1 {{expected tagIndices to have the same number of elements as the tagMemRef rank, expected 2, but got 1}}
  "memref.dma_wait"(%tag, %flt, %idx) : (memref<2x2xi32>, index, index) -> ()
  return
}

// -----

func.func @transpose_not_permutation(%v : memref<?x?xf32, affine_map<(i, j)[off, M]->(off + M * i + j)>>) {
  // expected-error @+1 {{expected a permutation map}}
  memref.transpose %v (i, j) -> (i, i) : memref<?x?xf32, affine_map<(i, j)[off, M]->(off + M * i + j)>> to memref<?x?xf32, affine_map<(i, j)[off, M]->(off + M * i + j)>>
}

// -----

func.func @transpose_bad_rank(%v : memref<?x?xf32, affine_map<(i, j)[off, M]->(off + M * i + j)>>) {
  // expected-error @+1 {{expected a permutation map of same rank as the input}}
  memref.transpose %v (i) -> (i) : memref<?x?xf32, affine_map<(i, j)[off, M]->(off + M * i + j)>> to memref<?x?xf32, affine_map<(i, j)[off, M]->(off + M * i + j)>>
}

// -----

func.func @transpose_wrong_type(%v : memref<?x?xf32, affine_map<(i, j)[off, M]->(off + M * i + j)>>) {
  // expected-error @+1 {{result type 'memref<?x?xf32, affine_map<(d0, d1)[s0, s1] -> (d0 * s1 + s0 + d1)>>' is not equivalent to the canonical transposed input type 'memref<?x?xf32, affine_map<(d0, d1)[s0, s1] -> (d0 + s0 + d1 * s1)>>'}}
  memref.transpose %v (i, j) -> (j, i) : memref<?x?xf32, affine_map<(i, j)[off, M]->(off + M * i + j)>> to memref<?x?xf32, affine_map<(i, j)[off, M]->(off + M * i + j)>>
}

// -----

func.func @memref_reshape_element_type_mismatch(
       %buf: memref<*xf32>, %shape: memref<1xi32>) {
  // expected-error @+1 {{element types of source and destination memref types should be the same}}
  memref.reshape %buf(%shape) : (memref<*xf32>, memref<1xi32>) -> memref<?xi32>
}

// -----

func.func @memref_reshape_dst_ranked_shape_unranked(
       %buf: memref<*xf32>, %shape: memref<?xi32>) {
  // expected-error @+1 {{cannot use shape operand with dynamic length to reshape to statically-ranked memref type}}
  memref.reshape %buf(%shape) : (memref<*xf32>, memref<?xi32>) -> memref<?xf32>
}

// -----

func.func @memref_reshape_dst_shape_rank_mismatch(
       %buf: memref<*xf32>, %shape: memref<1xi32>) {
  // expected-error @+1 {{length of shape operand differs from the result's memref rank}}
  memref.reshape %buf(%shape)
    : (memref<*xf32>, memref<1xi32>) -> memref<?x?xf32>
}

// -----

func.func @memref_reshape_src_affine_map_is_not_identity(
        %buf: memref<4x4xf32, strided<[3, 2]>>,
        %shape: memref<1xi32>) {
  // expected-error @+1 {{source memref type should have identity affine map}}
  memref.reshape %buf(%shape)
    : (memref<4x4xf32, strided<[3, 2]>>, memref<1xi32>)
    -> memref<8xf32>
}

// -----

func.func @memref_reshape_result_affine_map_is_not_identity(
        %buf: memref<4x4xf32>, %shape: memref<1xi32>) {
  // expected-error @+1 {{result memref type should have identity affine map}}
  memref.reshape %buf(%shape)
    : (memref<4x4xf32>, memref<1xi32>) -> memref<8xf32, strided<[2]>>
}

// -----

func.func @invalid_view(%arg0 : index, %arg1 : index, %arg2 : index) {
  %0 = memref.alloc() : memref<2048xi8>
  // expected-error @+1 {{expected SSA operand}}
  %1 = memref.view %0[][%arg0, %arg1]
    : memref<2048xi8> to memref<?x?xf32>
  return
}

// -----

func.func @invalid_view(%arg0 : index, %arg1 : index, %arg2 : index) {
  %0 = memref.alloc() : memref<2048xi8, affine_map<(d0) -> (d0 floordiv 8, d0 mod 8)>>
  // expected-error @+1 {{unsupported map for base memref type}}
  %1 = memref.view %0[%arg2][%arg0, %arg1]
    : memref<2048xi8, affine_map<(d0) -> (d0 floordiv 8, d0 mod 8)>> to
      memref<?x?xf32, affine_map<(d0, d1)[s0] -> (d0 * 4 + d1 + s0)>>
  return
}

// -----

func.func @invalid_view(%arg0 : index, %arg1 : index, %arg2 : index) {
  %0 = memref.alloc() : memref<2048xi8>
  // expected-error @+1 {{unsupported map for result memref type}}
  %1 = memref.view %0[%arg2][%arg0, %arg1]
    : memref<2048xi8> to memref<?x?xf32, affine_map<(d0, d1)[s0] -> (d0, d1, s0)>>
  return
}

// -----

func.func @invalid_view(%arg0 : index, %arg1 : index, %arg2 : index) {
  %0 = memref.alloc() : memref<2048xi8, 2>
  // expected-error @+1 {{different memory spaces}}
  %1 = memref.view %0[%arg2][%arg0, %arg1] :  memref<2048xi8, 2> to memref<?x?xf32, 1>
  return
}

// -----

func.func @invalid_prefetch_rw(%i : index) {
  %0 = memref.alloc() : memref<10xf32>
  // expected-error @+1 {{rw specifier has to be 'read' or 'write'}}
  memref.prefetch %0[%i], rw, locality<0>, data  : memref<10xf32>
  return
}

// -----

func.func @invalid_prefetch_cache_type(%i : index) {
  %0 = memref.alloc() : memref<10xf32>
  // expected-error @+1 {{cache type has to be 'data' or 'instr'}}
  memref.prefetch %0[%i], read, locality<0>, false  : memref<10xf32>
  return
}

// -----

func.func @invalid_prefetch_locality_hint(%i : index) {
  %0 = memref.alloc() : memref<10xf32>
  // expected-error @+1 {{32-bit signless integer attribute whose minimum value is 0 whose maximum value is 3}}
  memref.prefetch %0[%i], read, locality<5>, data  : memref<10xf32>
  return
}

// -----

func.func @atomic_rmw_expects_float(%I: memref<16x10xi32>, %i : index, %val : i32) {
  // expected-error @+1 {{expects a floating-point type}}
  %x = memref.atomic_rmw addf %val, %I[%i, %i] : (i32, memref<16x10xi32>) -> i32
  return
}

// -----

func.func @atomic_rmw_expects_int(%I: memref<16x10xf32>, %i : index, %val : f32) {
  // expected-error @+1 {{expects an integer type}}
  %x = memref.atomic_rmw addi %val, %I[%i, %i] : (f32, memref<16x10xf32>) -> f32
  return
}

// -----

func.func @generic_atomic_rmw_wrong_arg_num(%I: memref<10xf32>, %i : index) {
  // expected-error @+1 {{expected single number of entry block arguments}}
  %x = memref.generic_atomic_rmw %I[%i] : memref<10xf32> {
    ^bb0(%arg0 : f32, %arg1 : f32):
      %c1 = arith.constant 1.0 : f32
      memref.atomic_yield %c1 : f32
  }
  return
}

// -----

func.func @generic_atomic_rmw_wrong_arg_type(%I: memref<10xf32>, %i : index) {
  // expected-error @+1 {{expected block argument of the same type result type}}
  %x = memref.generic_atomic_rmw %I[%i] : memref<10xf32> {
    ^bb0(%old_value : i32):
      %c1 = arith.constant 1.0 : f32
      memref.atomic_yield %c1 : f32
  }
  return
}

// -----

func.func @generic_atomic_rmw_result_type_mismatch(%I: memref<10xf32>, %i : index) {
 // expected-error @+1 {{failed to verify that result type matches element type of memref}}
 %0 = "memref.generic_atomic_rmw"(%I, %i) ({
    ^bb0(%old_value: f32):
      %c1 = arith.constant 1.0 : f32
      memref.atomic_yield %c1 : f32
    }) : (memref<10xf32>, index) -> i32
  return
}

// -----

func.func @generic_atomic_rmw_has_side_effects(%I: memref<10xf32>, %i : index) {
  // expected-error @+4 {{should contain only operations with no side effects}}
  %x = memref.generic_atomic_rmw %I[%i] : memref<10xf32> {
    ^bb0(%old_value : f32):
      %c1 = arith.constant 1.0 : f32
      %buf = memref.alloc() : memref<2048xf32>
      memref.atomic_yield %c1 : f32
  }
}

// -----

func.func @atomic_yield_type_mismatch(%I: memref<10xf32>, %i : index) {
  // expected-error @+4 {{op types mismatch between yield op: 'i32' and its parent: 'f32'}}
  %x = memref.generic_atomic_rmw %I[%i] : memref<10xf32> {
    ^bb0(%old_value : f32):
      %c1 = arith.constant 1 : i32
      memref.atomic_yield %c1 : i32
  }
  return
}

// -----

#map0 = affine_map<(d0) -> (d0 floordiv 8, d0 mod 8)>
func.func @memref_realloc_layout(%src : memref<256xf32, #map0>) -> memref<?xf32>{
  // expected-error @+1 {{unsupported layout}}
  %0 = memref.realloc %src : memref<256xf32, #map0> to memref<?xf32>
  return %0 : memref<?xf32>
}

// -----

func.func @memref_realloc_sizes_1(%src : memref<2xf32>) -> memref<?xf32>{
  // expected-error @+1 {{missing dimension operand}}
  %0 = memref.realloc %src : memref<2xf32> to memref<?xf32>
  return %0 : memref<?xf32>
}

// -----

func.func @memref_realloc_sizes_2(%src : memref<?xf32>, %d : index)
  -> memref<4xf32>{
  // expected-error @+1 {{unnecessary dimension operand}}
  %0 = memref.realloc %src(%d) : memref<?xf32> to memref<4xf32>
  return %0 : memref<4xf32>
}
// -----

func.func @view_size_operands(%arg0 : index) {
  %0 = memref.alloc() : memref<2048xi8>
  // expected-error @+1 {{incorrect number of size operands for type 'memref<?x?xf32>'}}
  %1 = memref.view %0[%arg0][%arg0] : memref<2048xi8> to memref<?x?xf32>
  return
}

// -----

func.func @assume_alignment_not_pow2(%0: memref<4x4xf16>) {
  // expected-error @+1 {{'memref.assume_alignment' op alignment must be power of 2}}
  memref.assume_alignment %0, 12 : memref<4x4xf16>
  return
}

// -----

func.func @atomic_rmw_subscripts(%I: memref<16x10xf32>, %i : index, %val : f32) {
  // expected-error @+1 {{'memref.atomic_rmw' op expects the number of subscripts to be equal to memref rank}}
  %x = memref.atomic_rmw addf %val, %I[%i] : (f32, memref<16x10xf32>) -> f32
  return
}

// -----

func.func @realloc_element_type(%src: memref<256xf32>) {
  // expected-error @+1 {{different element types specified for source memref type 'memref<256xf32>' and result memref type 'memref<?xi32>'}}
  %0 = memref.realloc %src : memref<256xf32> to memref<?xi32>
  return
}

// -----

func.func @alloca_scope_return_types(%v: f32) {
  // expected-error @+1 {{'memref.alloca_scope.return' op expects parent op 'memref.alloca_scope'}}
  memref.alloca_scope.return %v : f32
}

// -----

func.func @memory_space_cast_shape(%m: memref<4xf32>) {
  // expected-error @+1 {{'memref.memory_space_cast' op operand type 'memref<4xf32>' and result type 'memref<8xf32, 1>' are cast incompatible}}
  %0 = memref.memory_space_cast %m : memref<4xf32> to memref<8xf32, 1>
  return
}

// -----

// expected-error @+1 {{inferred shape of elements literal ([2]) does not match type ([2, 2])}}
memref.global @shape_mismatch : memref<2x2xf32> = dense<[0.0, 1.0]>

// -----

func.func @return_in_alloca_scope() {
  memref.alloca_scope {
    // expected-error @+1 {{'func.return' op expects parent op 'func.func'}}
    func.return
  }
  return
}

// -----

// (a third operand was dropped without a word)
func.func @dim_three_operands(%m : memref<?xf32>, %i : index) {
  // expected-error @+1 {{expected ':'}}
  %0 = memref.dim %m, %i, %i : memref<?xf32>
  return
}

// -----

func.func @copy_three_operands(%m : memref<?xf32>) {
  // expected-error @+1 {{expected ':'}}
  memref.copy %m, %m, %m : memref<?xf32> to memref<?xf32>
  return
}

// -----

func.func @realloc_negative_alignment(%src: memref<2xf32>) -> memref<4xf32> {
  // expected-error @+1 {{'memref.realloc' op attribute 'alignment' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 0}}
  %0 = memref.realloc %src {alignment = -2} : memref<2xf32> to memref<4xf32>
  return %0 : memref<4xf32>
}

// -----

// expected-error @+1 {{'memref.global' op attribute 'sym_name' failed to satisfy constraint: string attribute}}
"memref.global"() {sym_name = 0 : i32, type = memref<2xf32>} : () -> ()

// -----

memref.global "private" @gm : memref<2xf32>
func.func @get_global_checked_last(%b: i32) {
  %0 = memref.get_global @gm : memref<3xf32>
  // expected-error @+1 {{'arith.addf' op operand #0 must be floating-point-like, but got 'i32'}}
  %1 = "arith.addf"(%b, %b) : (i32, i32) -> i32
  return
}

// -----

func.func @copy_of_float(%m: memref<4xf32>, %f: f32) {
  // expected-error @+1 {{'memref.copy' op operand #1 must be ranked or unranked memref of any type values, but got 'f32'}}
  "memref.copy"(%m, %f) : (memref<4xf32>, f32) -> ()
  return
}

// -----

func.func @copy_from_index(%m: memref<4xf32>, %f: index) {
  // expected-error @+1 {{'memref.copy' op operand #0 must be ranked or unranked memref of any type values, but got 'index'}}
  "memref.copy"(%f, %m) : (index, memref<4xf32>) -> ()
  return
}

// -----

func.func @cast_of_vector(%v: vector<4xi1>) {
  // expected-error @+1 {{'memref.cast' op operand #0 must be ranked or unranked memref of any type values, but got 'vector<4xi1>'}}
  %0 = "memref.cast"(%v) : (vector<4xi1>) -> memref<4xf32>
  return
}

// -----

func.func @cast_to_vector(%m: memref<4xf32>) {
  // expected-error @+1 {{'memref.cast' op result #0 must be ranked or unranked memref of any type values, but got 'vector<4xf32>'}}
  %0 = "memref.cast"(%m) : (memref<4xf32>) -> vector<4xf32>
  return
}

// -----

func.func @realloc_size_of_memref(%m: memref<2xf32>, %n: memref<2xf32>) {
  // expected-error @+1 {{'memref.realloc' op operand #1 must be index, but got 'memref<2xf32>'}}
  %0 = "memref.realloc"(%m, %n) : (memref<2xf32>, memref<2xf32>) -> memref<?xf32>
  return
}

// -----

func.func @transpose_of_float(%f: f32) {
  // expected-error @+1 {{'memref.transpose' op operand #0 must be strided memref of any type values, but got 'f32'}}
  %0 = "memref.transpose"(%f) <{permutation = affine_map<(d0) -> (d0)>}> : (f32) -> memref<4xf32>
  return
}

// -----

memref.global "private" @gm : memref<2xf32>
func.func @get_global_dynamic() {
  // expected-error @+1 {{'memref.get_global' op result #0 must be statically shaped memref of any type values, but got 'memref<?xf32>'}}
  %0 = memref.get_global @gm : memref<?xf32>
  return
}

// -----

func.func @metadata_bad(%m: memref<4xf32>) {
  // expected-error @+1 {{'memref.extract_strided_metadata' op result #3 must be variadic of index, but got 'i1'}}
  %0:4 = "memref.extract_strided_metadata"(%m) : (memref<4xf32>) -> (memref<f32>, index, index, i1)
  return
}

// -----

func.func @metadata_base(%m: memref<4xf32>) {
  // expected-error @+1 {{'memref.extract_strided_metadata' op result #0 must be strided memref of any type values of rank 0, but got 'vector<4xf32>'}}
  %0:4 = "memref.extract_strided_metadata"(%m) : (memref<4xf32>) -> (vector<4xf32>, index, index, index)
  return
}

// -----

func.func @metadata_of_vector(%m: vector<4xf32>) {
  // expected-error @+1 {{'memref.extract_strided_metadata' op operand #0 must be strided memref of any type values, but got 'vector<4xf32>'}}
  %0:4 = "memref.extract_strided_metadata"(%m) : (vector<4xf32>) -> (memref<f32>, index, index, index)
  return
}

// -----

func.func @subview_i32_offsets(%m: memref<4x4xf32>) {
  // expected-error @+1 {{for op memref.subview: Invalid attribute `static_offsets` in property conversion: array<i32: 0, 0>}}
  %0 = "memref.subview"(%m) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i32: 0, 0>, static_sizes = array<i64: 4, 1>, static_strides = array<i64: 1, 1>}> : (memref<4x4xf32>) -> memref<4xf32, strided<[4]>>
  return
}

// -----

func.func @alloc_three_segments() {
  // expected-error @+1 {{for op memref.alloc: size mismatch in attribute conversion: 3 vs 2}}
  %0 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0, 0>}> : () -> memref<4xf32>
  return
}

// -----

// (mlir-opt-19's diagnostic: an I64EnumAttr property takes only an i64 naming a case)
func.func @atomic_rmw_kind_of_i1(%m: memref<10xf32>, %i: index, %v: f32) -> f32 {
  // expected-error @+1 {{invalid properties {kind = false} for op memref.atomic_rmw: Invalid attribute `kind` in property conversion: false}}
  %0 = "memref.atomic_rmw"(%v, %m, %i) <{kind = 0 : i1}> : (f32, memref<10xf32>, index) -> f32
  return %0 : f32
}

// -----

// (mlir-opt-19's diagnostic)
func.func @atomic_rmw_kind_out_of_range(%m: memref<10xf32>, %i: index, %v: f32) -> f32 {
  // expected-error @+1 {{invalid properties {kind = 99 : i64} for op memref.atomic_rmw: Invalid attribute `kind` in property conversion: 99 : i64}}
  %0 = "memref.atomic_rmw"(%v, %m, %i) <{kind = 99 : i64}> : (f32, memref<10xf32>, index) -> f32
  return %0 : f32
}

// -----

// (mlir-opt-19's diagnostic)
func.func @atomic_rmw_without_kind(%m: memref<10xf32>, %i: index, %v: f32) -> f32 {
  // expected-error @+1 {{'memref.atomic_rmw' op requires attribute 'kind'}}
  %0 = "memref.atomic_rmw"(%v, %m, %i) : (f32, memref<10xf32>, index) -> f32
  return %0 : f32
}

// -----

// (mlir-opt-19's diagnostic: a BoolAttr property takes only true/false)
func.func @prefetch_is_write_of_i32(%m: memref<10xf32>, %i: index) {
  // expected-error @+1 {{invalid properties {isDataCache = false, isWrite = 1 : i32, localityHint = 3 : i32} for op memref.prefetch: Invalid attribute `isWrite` in property conversion: 1 : i32}}
  "memref.prefetch"(%m, %i) <{isDataCache = false, isWrite = 1 : i32, localityHint = 3 : i32}> : (memref<10xf32>, index) -> ()
  return
}

// -----

// (mlir-opt-19's diagnostic)
func.func @prefetch_without_cache_kind(%m: memref<10xf32>, %i: index) {
  // expected-error @+1 {{'memref.prefetch' op requires attribute 'isDataCache'}}
  "memref.prefetch"(%m, %i) <{localityHint = 3 : i32}> : (memref<10xf32>, index) -> ()
  return
}

// -----

// property conversion: a property of another kind of attribute than its storage
// expected-error @+1 {{Invalid attribute `sym_name` in property conversion}}
"memref.global"() <{sym_name = 3, type = memref<2xf32>}> : () -> ()

// -----

// expected-error @+1 {{Invalid attribute `type` in property conversion}}
"memref.global"() <{sym_name = "g", type = 4}> : () -> ()

// -----

// expected-error @+1 {{Invalid attribute `alignment` in property conversion}}
"memref.global"() <{sym_name = "g", type = memref<2xf32>, alignment = "a"}> : () -> ()

// -----

// expected-error @+1 {{Invalid attribute `sym_visibility` in property conversion}}
"memref.global"() <{sym_name = "g", type = memref<2xf32>, sym_visibility = 1}> : () -> ()

// -----

func.func @subview_of_zero_size(%a: memref<2x0xf32>) {
  // expected-error @+1 {{expected result type to be 'memref<2x0xf32, strided<[?, 1]>>' or a rank-reduced version. (mismatch of result layout)}}
  %0 = memref.subview %a[0, 0] [2, 0] [1, 1] : memref<2x0xf32> to memref<2x0xf32, strided<[1, 1]>>
  return
}
