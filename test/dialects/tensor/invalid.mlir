func.func @empty_dyn(%i: index) {
  // expected-error @+1 {{incorrect number of dynamic sizes, has 0, expected 1}}
  %0 = tensor.empty() : tensor<4x?xf32>
  return
}

// -----

func.func @extract_rank(%t: tensor<4x4xf32>, %i: index) {
  // expected-error @+1 {{incorrect number of indices for extract_element}}
  %0 = tensor.extract %t[%i] : tensor<4x4xf32>
  return
}

// -----

func.func @extract_type(%t: tensor<4xf32>, %i: index) {
  // expected-error @+1 {{failed to verify that result type matches element type of tensor}}
  %0 = "tensor.extract"(%t, %i) : (tensor<4xf32>, index) -> f64
  return
}

// -----

func.func @insert_rank(%t: tensor<4x4xf32>, %i: index, %a: f32) {
  // expected-error @+1 {{incorrect number of indices}}
  %0 = tensor.insert %a into %t[%i] : tensor<4x4xf32>
  return
}

// -----

func.func @insert_scalar(%t: tensor<4xf32>, %i: index, %a: f64) {
  // expected-error @+1 {{failed to verify that scalar type matches element type of dest}}
  %0 = "tensor.insert"(%a, %t, %i) : (f64, tensor<4xf32>, index) -> tensor<4xf32>
  return
}

// -----

func.func @insert_result(%t: tensor<4xf32>, %i: index, %a: f32) {
  // expected-error @+1 {{failed to verify that result type matches type of dest}}
  %0 = "tensor.insert"(%a, %t, %i) : (f32, tensor<4xf32>, index) -> tensor<?xf32>
  return
}

// -----

func.func @slice_size(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{expected type to be 'tensor<2x2xf32>' or a rank-reduced version. (size mismatch)}}
  %0 = tensor.extract_slice %t[0, 0] [2, 2] [1, 1] : tensor<8x8xf32> to tensor<3x2xf32>
  return
}

// -----

func.func @slice_rank(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{expected 2 offset values, got 1}}
  %0 = tensor.extract_slice %t[0] [2] [1] : tensor<8x8xf32> to tensor<2xf32>
  return
}

// -----

func.func @slice_dynamic_count(%t: tensor<8x8xf32>, %i: index) {
  // expected-error @+1 {{expected 1 dynamic offset values}}
  %0 = "tensor.extract_slice"(%t, %i, %i) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, 0>, static_sizes = array<i64: 2, 2>, static_strides = array<i64: 1, 1>}> : (tensor<8x8xf32>, index, index) -> tensor<2x2xf32>
  return
}

// -----

func.func @insert_slice_size(%t: tensor<8x8xf32>, %s: tensor<2x2xf32>) {
  // expected-error @+1 {{expected type to be 'tensor<2x3xf32>' or a rank-reduced version. (size mismatch)}}
  %0 = tensor.insert_slice %s into %t[0, 0] [2, 3] [1, 1] : tensor<2x2xf32> into tensor<8x8xf32>
  return
}

// -----

func.func @insert_slice_result(%t: tensor<8x8xf32>, %s: tensor<2x2xf32>) {
  // expected-error @+1 {{failed to verify that expected result type to match dest type}}
  %0 = "tensor.insert_slice"(%s, %t) <{operandSegmentSizes = array<i32: 1, 1, 0, 0, 0>, static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 2, 2>, static_strides = array<i64: 1, 1>}> : (tensor<2x2xf32>, tensor<8x8xf32>) -> tensor<8x9xf32>
  return
}

// -----

func.func @from_elements_count(%a: f32) {
  // expected-error @+1 {{2 operands present, but expected 3}}
  %0 = tensor.from_elements %a, %a : tensor<3xf32>
  return
}

// -----

func.func @from_elements_type(%a: f64) {
  // expected-error @+1 {{failed to verify that operand types match result element type}}
  %0 = "tensor.from_elements"(%a) : (f64) -> tensor<1xf32>
  return
}

// -----

func.func @splat_dyn(%a: f32) {
  // expected-error @+1 {{incorrect number of dynamic sizes, has 0, expected 1}}
  %0 = tensor.splat %a : tensor<?xf32>
  return
}

// -----

func.func @splat_type(%a: f64) {
  // expected-error @+1 {{failed to verify that operand type matches element type of result}}
  %0 = "tensor.splat"(%a) : (f64) -> tensor<4xf32>
  return
}

// -----

func.func @cast_shape(%t: tensor<4xf32>) {
  // expected-error @+1 {{operand type 'tensor<4xf32>' and result type 'tensor<5xf32>' are cast incompatible}}
  %0 = tensor.cast %t : tensor<4xf32> to tensor<5xf32>
  return
}

// -----

func.func @generate_args(%a: f32, %i: index) {
  // expected-error @+1 {{must have one body argument per input dimension}}
  %0 = tensor.generate %i {
  ^bb0(%p: index):
    tensor.yield %a : f32
  } : tensor<?x4xf32>
  return
}

// -----

func.func @yield_parent(%a: f32) {
  // expected-error @+1 {{expects parent op to be one of 'tensor.generate, tensor.pad'}}
  tensor.yield %a : f32
}

// -----

func.func @expand_dynamic(%t: tensor<12xf32>, %n: index) {
  // expected-error @+1 {{expected dimension 0 of collapsed type to be dynamic since one or more of the corresponding dimensions in the expanded type is dynamic}}
  %0 = tensor.expand_shape %t [[0, 1]] output_shape [%n, 4] : tensor<12xf32> into tensor<?x4xf32>
  return
}

// -----

func.func @expand_output_rank(%t: tensor<6x4xf32>) {
  // expected-error @+1 {{expected number of static shape dims to be equal to the output rank (3) but found 2 inputs instead}}
  %0 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 3] : tensor<6x4xf32> into tensor<2x3x4xf32>
  return
}

// -----

func.func @reshape_elem(%t: tensor<6xf32>, %s: tensor<2xindex>) {
  // expected-error @+1 {{element types of source and destination tensor types should be the same}}
  %0 = tensor.reshape %t(%s) : (tensor<6xf32>, tensor<2xindex>) -> tensor<2x3xf64>
  return
}

// -----

func.func @reshape_length(%t: tensor<6xf32>, %s: tensor<3xindex>) {
  // expected-error @+1 {{length of shape operand differs from the result's tensor rank}}
  %0 = tensor.reshape %t(%s) : (tensor<6xf32>, tensor<3xindex>) -> tensor<2x3xf32>
  return
}

// -----

func.func @reshape_count(%t: tensor<6xf32>, %s: tensor<2xindex>) {
  // expected-error @+1 {{source and destination tensor should have the same number of elements}}
  %0 = tensor.reshape %t(%s) : (tensor<6xf32>, tensor<2xindex>) -> tensor<2x4xf32>
  return
}

// -----

func.func @pad_type(%t: tensor<2x3xf32>, %v: f32) {
  // expected-error @+1 {{specified type 'tensor<4x9xf32>' does not match the inferred type 'tensor<4x8xf32>'}}
  %r = tensor.pad %t low[1, 2] high[1, 3] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<2x3xf32> to tensor<4x9xf32>
  return
}

// -----

func.func @pad_low_rank(%t: tensor<2x3xf32>, %v: f32) {
  // expected-error @+1 {{failed to infer expectedType from sourceType 'tensor<2x3xf32>', specified resultType is 'tensor<4x8xf32>'}}
  %r = tensor.pad %t low[1] high[1, 3] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<2x3xf32> to tensor<4x8xf32>
  return
}

// -----

func.func @pad_block_args(%t: tensor<2x3xf32>, %v: f32) {
  // expected-error @+1 {{expected the block to have 2 arguments}}
  %r = tensor.pad %t low[1, 2] high[1, 3] {
  ^bb0(%i: index):
    tensor.yield %v : f32
  } : tensor<2x3xf32> to tensor<4x8xf32>
  return
}

// -----

func.func @pad_block_arg_type(%t: tensor<2x3xf32>, %v: f32) {
  // expected-error @+1 {{expected block argument 2 to be an index}}
  %r = tensor.pad %t low[1, 2] high[1, 3] {
  ^bb0(%i: index, %j: i32):
    tensor.yield %v : f32
  } : tensor<2x3xf32> to tensor<4x8xf32>
  return
}

// -----

func.func @pad_yield_type(%t: tensor<2x3xf32>, %v: f64) {
  // expected-error @+1 {{expected yield type to match shape element type}}
  %r = tensor.pad %t low[1, 2] high[1, 3] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f64
  } : tensor<2x3xf32> to tensor<4x8xf32>
  return
}

// -----

func.func @concat_other_dim(%t: tensor<2x3xf32>, %u: tensor<2x4xf32>) {
  // expected-error @+1 {{static concatenation size mismatch along non-concatenated dimension 1}}
  %c = tensor.concat dim(0) %t, %u : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @concat_dim(%t: tensor<2x3xf32>) {
  // expected-error @+1 {{concatenation dim must be less than the tensor rank}}
  %c = tensor.concat dim(2) %t, %t : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @concat_result(%t: tensor<2x3xf32>) {
  // expected-error @+1 {{result type 'tensor<5x3xf32>'does not match inferred shape 'tensor<4x3xf32>' static sizes}}
  %c = tensor.concat dim(0) %t, %t : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<5x3xf32>
  return
}

// -----

func.func @concat_rank(%t: tensor<2x3xf32>, %u: tensor<2xf32>) {
  // expected-error @+1 {{rank of concatenated inputs must match result rank}}
  %c = tensor.concat dim(0) %t, %u : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @concat_element_type(%t: tensor<2x3xf32>, %u: tensor<2x3xi32>) {
  // expected-error @+1 {{inputs and result element type must match}}
  %c = tensor.concat dim(0) %t, %u : (tensor<2x3xf32>, tensor<2x3xi32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @concat_none() {
  // expected-error @+1 {{requires at least one input}}
  %c = tensor.concat dim(0) : () -> tensor<4x3xf32>
  return
}

// -----

func.func @collapse_size(%t: tensor<2x3x4xf32>) {
  // expected-error @+1 {{expected dimension 0 of collapsed type to be static value of 6}}
  %0 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<5x4xf32>
  return
}

// -----

func.func @collapse_dynamic(%t: tensor<?x3x4xf32>) {
  // expected-error @+1 {{expected dimension 0 of collapsed type to be dynamic since one or more of the corresponding dimensions in the expanded type is dynamic}}
  %0 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<?x3x4xf32> into tensor<6x4xf32>
  return
}

// -----

func.func @expand_dynamic_source_static_group(%t: tensor<?xf32>) {
  // expected-error @+1 {{expected dimension 0 of collapsed type to be static value of 12}}
  %0 = tensor.expand_shape %t [[0, 1]] output_shape [3, 4] : tensor<?xf32> into tensor<3x4xf32>
  return
}

// -----

func.func @collapse_static_group_dynamic_result(%t: tensor<3x4x5xf32>) {
  // expected-error @+1 {{expected dimension 1 of collapsed type to be static value of 20}}
  %0 = tensor.collapse_shape %t [[0], [1, 2]] : tensor<3x4x5xf32> into tensor<3x?xf32>
  return
}

// -----

func.func @dim_of_memref(%m: memref<4xf32>, %i: index) {
  // expected-error @+1 {{'tensor.dim' op operand #0 must be non-0-ranked or unranked tensor, but got 'memref<4xf32>'}}
  %0 = "tensor.dim"(%m, %i) : (memref<4xf32>, index) -> index
  return
}

// -----

func.func @slice_segments(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{'tensor.extract_slice' op operand count (1) does not match with the total size (0) specified in attribute 'operandSegmentSizes'}}
  %0 = "tensor.extract_slice"(%t) <{static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 2, 2>, static_strides = array<i64: 1, 1>}> : (tensor<8x8xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @slice_operand_count(%t: tensor<8x8xf32>, %i: index) {
  // expected-error @+1 {{'tensor.extract_slice' op operand count (2) does not match with the total size (1) specified in attribute 'operandSegmentSizes'}}
  %0 = "tensor.extract_slice"(%t, %i) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 2, 2>, static_strides = array<i64: 1, 1>}> : (tensor<8x8xf32>, index) -> tensor<2x2xf32>
  return
}

// -----

func.func @slice_unranked(%t: tensor<*xf32>) {
  // expected-error @+1 {{'tensor.extract_slice' op operand #0 must be ranked tensor of any type values, but got 'tensor<*xf32>'}}
  %0 = "tensor.extract_slice"(%t) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: 2>, static_strides = array<i64: 1>}> : (tensor<*xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @from_elements_generic(%a: f32) {
  // expected-error @+1 {{'tensor.from_elements' op failed to verify that operand types match result element type}}
  %0 = "tensor.from_elements"(%a, %a) : (f32, f32) -> tensor<3xf32>
  return
}

// -----

func.func @from_elements_dynamic(%a: f32) {
  // expected-error @+1 {{'tensor.from_elements' op result #0 must be statically shaped tensor of any type values, but got 'tensor<?xf32>'}}
  %0 = "tensor.from_elements"(%a) : (f32) -> tensor<?xf32>
  return
}

// -----

func.func @empty_memref() {
  // expected-error @+1 {{'tensor.empty' op result #0 must be ranked tensor of any type values, but got 'memref<4xf32>'}}
  %0 = "tensor.empty"() : () -> memref<4xf32>
  return
}

// -----

func.func @rank_memref(%m: memref<4xf32>) {
  // expected-error @+1 {{'tensor.rank' op operand #0 must be tensor of any type values, but got 'memref<4xf32>'}}
  %0 = "tensor.rank"(%m) : (memref<4xf32>) -> index
  return
}

// -----

func.func @rank_result(%t: tensor<4xf32>) {
  // expected-error @+1 {{'tensor.rank' op result #0 must be index, but got 'i32'}}
  %0 = "tensor.rank"(%t) : (tensor<4xf32>) -> i32
  return
}

// -----

func.func @collapse_partition(%t: tensor<2x3x4xf32>) {
  // expected-error @+1 {{'tensor.collapse_shape' op expected reassociation map #0 to be valid and contiguous.}}
  %0 = tensor.collapse_shape %t [[0, 2], [1]] : tensor<2x3x4xf32> into tensor<8x3xf32>
  return
}

// -----

func.func @collapse_rank(%t: tensor<2x3x4xf32>) {
  // expected-error @+1 {{'tensor.collapse_shape' op expected collapsed rank (1) to equal the number of reassociation maps (2).}}
  %0 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<24xf32>
  return
}

// -----

func.func @collapse_elem(%t: tensor<2x3xf32>) {
  // expected-error @+1 {{'tensor.collapse_shape' op expected collapsed type to be 'tensor<6xf32>', but got 'tensor<6xf64>'}}
  %0 = "tensor.collapse_shape"(%t) <{reassociation = [[0, 1]]}> : (tensor<2x3xf32>) -> tensor<6xf64>
  return
}

// -----

func.func @expand_dynamic_count(%t: tensor<?x4xf32>, %k: index) {
  // expected-error @+1 {{'tensor.expand_shape' op mismatch in dynamic dims in output_shape and static_output_shape: static_output_shape has 1 dynamic dims while output_shape has 0 values}}
  %0 = "tensor.expand_shape"(%t) <{reassociation = [[0, 1], [2]], static_output_shape = array<i64: -9223372036854775808, 2, 4>}> : (tensor<?x4xf32>) -> tensor<?x2x4xf32>
  return
}

// -----

func.func @reshape_shape_rank(%t: tensor<6xf32>, %s: tensor<2x1xindex>) {
  // expected-error @+1 {{'tensor.reshape' op operand #1 must be 1D tensor of signless integer or index values, but got 'tensor<2x1xindex>'}}
  %0 = tensor.reshape %t(%s) : (tensor<6xf32>, tensor<2x1xindex>) -> tensor<2x3xf32>
  return
}

// -----

func.func @reshape_types(%t: tensor<6xf32>, %s: tensor<2xindex>) {
  // expected-error @+1 {{custom op 'tensor.reshape' invalid kind of type specified}}
  %0 = tensor.reshape %t(%s) : tensor<2x3xf32>
  return
}

// -----

func.func @slice_elem(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{expected element type to be 'f32'}}
  %0 = "tensor.extract_slice"(%t) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 2, 2>, static_strides = array<i64: 1, 1>}> : (tensor<8x8xf32>) -> tensor<2x2xf64>
  return
}

// -----

func.func @generate_dyn(%a: f32) {
  // expected-error @+1 {{must have as many index operands as dynamic extents in the result type}}
  %0 = tensor.generate {
  ^bb0(%p: index):
    tensor.yield %a : f32
  } : tensor<?xf32>
  return
}

// -----

func.func @splat_of_vector(%v: vector<8xf32>) {
  // expected-error @+1 {{'tensor.splat' op operand #0 must be integer/index/float type, but got 'vector<8xf32>'}}
  %t = tensor.splat %v : tensor<8xvector<8xf32>>
  return
}

// -----

func.func @extract_slice_at_negative_offset(%t: tensor<8xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{expected offsets to be non-negative, but got -1}}
  %s = tensor.extract_slice %t[-1] [4] [1] : tensor<8xf32> to tensor<4xf32>
  return %s : tensor<4xf32>
}

// -----

func.func @from_elements_unranked() {
  %c0 = arith.constant 0 : i32
  // expected-error @+1 {{custom op 'tensor.from_elements' invalid kind of type specified}}
  %0 = tensor.from_elements %c0 : tensor<*xi32>
  return
}

// -----

func.func @splat_memref(%v : f32) {
  // expected-error @+1 {{custom op 'tensor.splat' invalid kind of type specified}}
  %0 = tensor.splat %v : memref<8xf32>
  return
}

// -----

func.func @generate_arg_not_index(%m : index, %n : index) -> tensor<?x3x?xf32> {
  // expected-error @+1 {{all body arguments must be index}}
  %tnsr = tensor.generate %m, %n {
    ^bb0(%i : index, %j : index, %k : i64):
      %elem = arith.constant 8.0 : f32
      tensor.yield %elem : f32
  } : tensor<?x3x?xf32>
  return %tnsr : tensor<?x3x?xf32>
}

// -----

func.func @generate_yield_type(%m : index, %n : index) -> tensor<?x3x?xf32> {
  // expected-error @+1 {{'tensor.generate' op body must be terminated with a `yield` operation of the tensor element type}}
  %tnsr = tensor.generate %m, %n {
    ^bb0(%i : index, %j : index, %k : index):
      %elem = arith.constant 8 : i32
      tensor.yield %elem : i32
  } : tensor<?x3x?xf32>
  return %tnsr : tensor<?x3x?xf32>
}

// -----

func.func @reshape_dynamic_shape_length(%buf: tensor<*xf32>, %shape: tensor<?xi32>) {
  // expected-error @+1 {{'tensor.reshape' op cannot use shape operand with dynamic length to reshape to statically-ranked tensor type}}
  %0 = tensor.reshape %buf(%shape) : (tensor<*xf32>, tensor<?xi32>) -> tensor<?xf32>
  return
}

// -----

func.func @extract_slice_result_rank(%t: tensor<?xf32>) {
  // expected-error @+1 {{expected rank to be smaller or equal to the other rank.}}
  %0 = tensor.extract_slice %t[0][4][1] : tensor<?xf32> to tensor<?x?xf32>
  return
}

// -----

func.func @extract_slice_size_before_element(%t: tensor<?xf32>) {
  %c4 = arith.constant 4 : index
  // expected-error @+1 {{expected type to be 'tensor<?xf32>' or a rank-reduced version. (size mismatch)}}
  %0 = tensor.extract_slice %t[0][%c4][1] : tensor<?xf32> to tensor<4xi8>
  return
}

// -----

func.func @insert_slice_source_rank(%t1: tensor<?xf32>, %t2: tensor<?x?xf32>) {
  // expected-error @+1 {{expected rank to be smaller or equal to the other rank.}}
  %0 = tensor.insert_slice %t2 into %t1[0][4][1] : tensor<?x?xf32> into tensor<?xf32>
  return
}

// -----

func.func @gather_empty_dims(%source : tensor<4x5x6xf32>, %indices: tensor<1x2x3xindex>) {
  // expected-error @+1 {{'tensor.gather' op gather_dims must be non-empty}}
  %out = tensor.gather %source[%indices] gather_dims([]) : (tensor<4x5x6xf32>, tensor<1x2x3xindex>) -> tensor<1x2xf32>
  return
}

// -----

func.func @gather_coordinate_rank_overflow(%source : tensor<4x5x6xf32>, %indices: tensor<1x2x3xindex>) {
  // expected-error @+1 {{'tensor.gather' op gather_dims overflow source rank}}
  %out = tensor.gather %source[%indices] gather_dims([0, 1, 2, 3]) : (tensor<4x5x6xf32>, tensor<1x2x3xindex>) -> tensor<1x2xf32>
  return
}

// -----

func.func @gather_negative_dim(%source : tensor<4x5x6xf32>, %indices: tensor<1x2x2xindex>) {
  // expected-error @+1 {{'tensor.gather' op gather_dims value must be non-negative}}
  %out = tensor.gather %source[%indices] gather_dims([2, -1]) : (tensor<4x5x6xf32>, tensor<1x2x2xindex>) -> tensor<1x2x1xf32>
  return
}

// -----

func.func @gather_dim_overflow(%source : tensor<4x5x6xf32>, %indices: tensor<1x2x1xindex>) {
  // expected-error @+1 {{'tensor.gather' op gather_dims value must be smaller than source rank}}
  %out = tensor.gather %source[%indices] gather_dims([42]) : (tensor<4x5x6xf32>, tensor<1x2x1xindex>) -> tensor<1x2x1xf32>
  return
}

// -----

func.func @gather_dims_not_increasing(%source : tensor<4x5x6xf32>, %indices: tensor<1x2x2xindex>) {
  // expected-error @+1 {{'tensor.gather' op gather_dims values must be strictly increasing}}
  %out = tensor.gather %source[%indices] gather_dims([1, 1]) : (tensor<4x5x6xf32>, tensor<1x2x2xindex>) -> tensor<1x2x4x1x6xf32>
  return
}

// -----

func.func @gather_wrong_result_type(%source : tensor<4x5x6xf32>, %indices: tensor<1x2x2xindex>) {
  // expected-error @+1 {{'tensor.gather' op result type mismatch: expected 'tensor<1x2x1x5x1xf32>' or its rank-reduced variant 'tensor<1x2x5xf32>' (got: 'tensor<1x2x1xf32>')}}
  %out = tensor.gather %source[%indices] gather_dims([0, 2]) : (tensor<4x5x6xf32>, tensor<1x2x2xindex>) -> tensor<1x2x1xf32>
  return
}

// -----

func.func @gather_wrong_element_type(%source : tensor<4x5x6xf32>, %indices: tensor<3x2xi32>) {
  // expected-error @+1 {{'tensor.gather' op result type mismatch: expected 'tensor<3x1x5x1xf32>' or its rank-reduced variant 'tensor<3x5xf32>' (got: 'tensor<3x1x5x1xf64>')}}
  %out = tensor.gather %source[%indices] gather_dims([0, 2]) : (tensor<4x5x6xf32>, tensor<3x2xi32>) -> tensor<3x1x5x1xf64>
  return
}

// -----

func.func @gather_unranked_source(%source : tensor<*xf32>, %indices: tensor<?x2xindex>) {
  // expected-error @+1 {{'tensor.gather' op operand #0 must be ranked tensor of any type values, but got 'tensor<*xf32>'}}
  %out = tensor.gather %source[%indices] gather_dims([0, 2]) : (tensor<*xf32>, tensor<?x2xindex>) -> tensor<?x1x5x1xf32>
  return
}

// -----

func.func @gather_operand_count(%source : tensor<4x5x6xf32>, %indices: tensor<1x2x1xindex>) {
  // expected-error @+1 {{custom op 'tensor.gather' 2 operands present, but expected 3}}
  %out = tensor.gather %source[%indices] gather_dims([1]) : (tensor<4x5x6xf32>, tensor<1x2x1xindex>, tensor<1x2x1xindex>) -> tensor<1x2x4x1x6xf32>
  return
}

// -----

func.func @gather_not_functional_type(%source : tensor<4x5x6xf32>, %indices: tensor<1x2x1xindex>) {
  // expected-error @+1 {{custom op 'tensor.gather' invalid kind of type specified}}
  %out = tensor.gather %source[%indices] gather_dims([1]) : tensor<1x2x4x1x6xf32>
  return
}

// -----

func.func @scatter_empty_dims(%source : tensor<f32>, %dest : tensor<4x5x6xf32>, %indices: tensor<1x2x3xindex>) {
  // expected-error @+1 {{'tensor.scatter' op scatter_dims must be non-empty}}
  %out = tensor.scatter %source into %dest[%indices] scatter_dims([]) : (tensor<f32>, tensor<4x5x6xf32>, tensor<1x2x3xindex>) -> tensor<1x2xf32>
  return
}

// -----

func.func @scatter_coordinate_rank_overflow(%source : tensor<f32>, %dest : tensor<4x5x6xf32>, %indices: tensor<1x2x3xindex>) {
  // expected-error @+1 {{'tensor.scatter' op scatter_dims overflow dest rank}}
  %out = tensor.scatter %source into %dest[%indices] scatter_dims([0, 1, 2, 3]) unique : (tensor<f32>, tensor<4x5x6xf32>, tensor<1x2x3xindex>) -> tensor<1x2xf32>
  return
}

// -----

func.func @scatter_dim_overflow(%source : tensor<f32>, %dest : tensor<4x5x6xf32>, %indices: tensor<1x2x1xindex>) {
  // expected-error @+1 {{'tensor.scatter' op scatter_dims value must be smaller than dest rank}}
  %out = tensor.scatter %source into %dest[%indices] scatter_dims([42]) unique : (tensor<f32>, tensor<4x5x6xf32>, tensor<1x2x1xindex>) -> tensor<1x2x1xf32>
  return
}

// -----

func.func @scatter_missing_unique(%source : tensor<f32>, %dest : tensor<4x5x6xf32>, %indices: tensor<1x2x2xindex>) {
  // expected-error @+1 {{'tensor.scatter' op requires 'unique' attribute to be set}}
  %out = tensor.scatter %source into %dest[%indices] scatter_dims([0, 2]) : (tensor<f32>, tensor<4x5x6xf32>, tensor<1x2x2xindex>) -> tensor<1x2x1xf32>
  return
}

// -----

func.func @scatter_wrong_source_type(%source : tensor<f32>, %dest : tensor<4x5x6xf32>, %indices: tensor<1x2x2xindex>) {
  // expected-error @+1 {{'tensor.scatter' op source type mismatch: expected 'tensor<1x2x1x5x1xf32>' or its rank-reduced variant 'tensor<1x2x5xf32>' (got: 'tensor<f32>')}}
  %out = tensor.scatter %source into %dest[%indices] scatter_dims([0, 2]) unique : (tensor<f32>, tensor<4x5x6xf32>, tensor<1x2x2xindex>) -> tensor<1x2x1xf32>
  return
}

// -----

func.func @scatter_float_indices(%source : tensor<1x2x1x5x1xf32>, %dest : tensor<4x5x6xf32>, %indices: tensor<1x2x2xf32>) {
  // expected-error @+1 {{'tensor.scatter' op operand #2 must be ranked tensor of signless integer or index values, but got 'tensor<1x2x2xf32>'}}
  %out = tensor.scatter %source into %dest[%indices] scatter_dims([0, 2]) unique : (tensor<1x2x1x5x1xf32>, tensor<4x5x6xf32>, tensor<1x2x2xf32>) -> tensor<4x5x6xf32>
  return
}

// -----

func.func @pack_needs_padding(%input: tensor<256x128xf32>, %output: tensor<8x8x16x33xf32>) -> tensor<8x8x16x33xf32> {
  // expected-error @+1 {{'tensor.pack' op invalid tile factor or output size provided. Only full tiles are supported when padding_value is not set}}
  %0 = tensor.pack %input inner_dims_pos = [1, 0] inner_tiles = [16, 33] into %output : tensor<256x128xf32>  -> tensor<8x8x16x33xf32>
  return %0 : tensor<8x8x16x33xf32>
}

// -----

func.func @pack_padding_type(%input: tensor<13x15xf32>, %output: tensor<2x8x8x2xf32>, %pad: i32) -> tensor<2x8x8x2xf32> {
  // expected-error @+1 {{'tensor.pack' op expected padding_value has 'f32' but got: 'i32'}}
  %0 = tensor.pack %input padding_value(%pad: i32) inner_dims_pos = [0, 1] inner_tiles = [8, 2] into %output : tensor<13x15xf32> -> tensor<2x8x8x2xf32>
  return %0 : tensor<2x8x8x2xf32>
}

// -----

func.func @pack_inner_dims_pos_out_of_range(%input: tensor<256x128xf32>, %output: tensor<8x8x32x16xf32>) -> tensor<8x8x32x16xf32> {
  // expected-error @+1 {{invalid inner_dims_pos vector}}
  %0 = tensor.pack %input inner_dims_pos = [2, 0] inner_tiles = [2, 2] into %output : tensor<256x128xf32> -> tensor<8x8x32x16xf32>
  return %0 : tensor<8x8x32x16xf32>
}

// -----

func.func @pack_outer_dims_perm_repeats(%input: tensor<256x128xf32>, %output: tensor<8x8x32x16xf32>) -> tensor<8x8x32x16xf32> {
  // expected-error @+1 {{invalid outer_dims_perm vector}}
  %0 = tensor.pack %input outer_dims_perm = [1, 1] inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %output : tensor<256x128xf32> -> tensor<8x8x32x16xf32>
  return %0 : tensor<8x8x32x16xf32>
}

// -----

func.func @pack_packed_rank(%input: tensor<256x128xf32>, %output: tensor<64x32x16xf32>) -> tensor<64x32x16xf32> {
  // expected-error @+1 {{packed rank must equal unpacked rank + tiling factors}}
  %0 = tensor.pack %input inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %output : tensor<256x128xf32> -> tensor<64x32x16xf32>
  return %0 : tensor<64x32x16xf32>
}

// -----

func.func @pack_outer_dims_perm_too_short(%source: tensor<128x256xf32>, %dest: tensor<16x4x32x16xf32>) -> tensor<16x4x32x16xf32> {
  // expected-error @+1 {{outer_dims_perm must be a permutation or empty}}
  %0 = tensor.pack %source outer_dims_perm = [0] inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %dest : tensor<128x256xf32> -> tensor<16x4x32x16xf32>
  return %0 : tensor<16x4x32x16xf32>
}

// -----

func.func @pack_output_too_small(%input: tensor<256x128xf32>, %output: tensor<8x8x32x16xf32>) -> tensor<8x8x32x16xf32> {
  // expected-error @+1 {{the shape of output is not large enough to hold the packed data. Expected at least 'tensor<8x8x16x32xf32>', got 'tensor<8x8x32x16xf32>'}}
  %0 = tensor.pack %input inner_dims_pos = [1, 0] inner_tiles = [16, 32] into %output : tensor<256x128xf32> -> tensor<8x8x32x16xf32>
  return %0 : tensor<8x8x32x16xf32>
}

// -----

func.func @unpack_input_too_small(%output: tensor<256x128xf32>, %input: tensor<8x8x32x16xf32>) -> tensor<256x128xf32> {
  // expected-error @+1 {{the shape of output is not large enough to hold the packed data. Expected at least 'tensor<8x32x4x32xf32>', got 'tensor<8x8x32x16xf32>'}}
  %0 = tensor.unpack %input inner_dims_pos = [1, 0] inner_tiles = [4, 32] into %output : tensor<8x8x32x16xf32> -> tensor<256x128xf32>
  return %0 : tensor<256x128xf32>
}

// -----

func.func @pack_zero_tile(%input: tensor<256x128xf32>, %output: tensor<8x8x32x16xf32>) -> tensor<8x8x32x16xf32> {
  // expected-error @+1 {{invalid zero tile factor}}
  %0 = tensor.pack %input inner_dims_pos = [1, 0] inner_tiles = [0, 2] into %output : tensor<256x128xf32> -> tensor<8x8x32x16xf32>
  return %0 : tensor<8x8x32x16xf32>
}

// -----

func.func @pack_tile_vs_packed_dim(%input : tensor<?x?xf32>, %output : tensor<?x?x8x8xf32>) -> tensor<?x?x8x8xf32> {
  // expected-error @+1 {{mismatch in inner tile sizes specified and shaped of tiled dimension in the packed type}}
  %0 = tensor.pack %input inner_dims_pos = [0, 1] inner_tiles = [8, 4] into %output : tensor<?x?xf32> -> tensor<?x?x8x8xf32>
  return %0 : tensor<?x?x8x8xf32>
}

// -----

func.func @unpack_tile_vs_packed_dim(%input : tensor<?x?x8x8xf32>, %output : tensor<?x?xf32>) -> tensor<?x?xf32> {
  // expected-error @+1 {{mismatch in inner tile sizes specified and shaped of tiled dimension in the packed type}}
  %0 = tensor.unpack %input inner_dims_pos = [0, 1] inner_tiles = [8, 4] into %output : tensor<?x?x8x8xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// A tile not known statically needs a dynamic packed size (a constant one counts as its value).
func.func @pack_unknown_tile_vs_static_packed_dim(%input : tensor<?x?xf32>, %output : tensor<?x?x8x8xf32>, %t : index) -> tensor<?x?x8x8xf32> {
  // expected-error @+1 {{mismatch in inner tile sizes specified and shaped of tiled dimension in the packed type}}
  %0 = tensor.pack %input inner_dims_pos = [0, 1] inner_tiles = [8, %t] into %output : tensor<?x?xf32> -> tensor<?x?x8x8xf32>
  return %0 : tensor<?x?x8x8xf32>
}

// -----

func.func @pack_inner_dims_pos_too_long(%input: tensor<256x128xf32>, %output: tensor<8x8x32x16xf32>) -> tensor<8x8x32x16xf32> {
  // expected-error @+1 {{invalid inner_dims_pos vector}}
  %0 = tensor.pack %input inner_dims_pos = [1, 0, 1] inner_tiles = [16, 32] into %output : tensor<256x128xf32> -> tensor<8x8x32x16xf32>
  return %0 : tensor<8x8x32x16xf32>
}

// -----

func.func @pack_tiles_vs_dims(%input: tensor<256x128xf32>, %output: tensor<8x8x32x16xf32>) -> tensor<8x8x32x16xf32> {
  // expected-error @+1 {{tiling factors must equal the number of dimensions to tile}}
  %0 = tensor.pack %input inner_dims_pos = [1] inner_tiles = [16, 32] into %output : tensor<256x128xf32> -> tensor<8x8x32x16xf32>
  return %0 : tensor<8x8x32x16xf32>
}

// -----

func.func @pack_too_many_tiles(%input: tensor<256x128xf32>, %output: tensor<8x8x32x16xf32>) -> tensor<8x8x32x16xf32> {
  // expected-error @+1 {{tiling factors must be less than or equal to the input rank for pack or output rank for unpack}}
  %0 = tensor.pack %input inner_dims_pos = [1, 0] inner_tiles = [16, 32, 2] into %output : tensor<256x128xf32> -> tensor<8x8x32x16xf32>
  return %0 : tensor<8x8x32x16xf32>
}

// -----

func.func @pack_output_too_small_f64(%input: tensor<256x128xf32>, %output: tensor<8x8x32x16xf64>) -> tensor<8x8x32x16xf64> {
  // expected-error @+1 {{the shape of output is not large enough to hold the packed data. Expected at least 'tensor<16x4x32x16xf32>', got 'tensor<8x8x32x16xf64>'}}
  %0 = tensor.pack %input inner_dims_pos = [1, 0] inner_tiles = [32, 16] into %output : tensor<256x128xf32> -> tensor<8x8x32x16xf64>
  return %0 : tensor<8x8x32x16xf64>
}

// -----

func.func @pack_output_too_small_ssa_tile(%input: tensor<256x128xf32>, %output: tensor<8x16x32x16xf32>, %t: index) -> tensor<8x16x32x16xf32> {
  // expected-error @+1 {{the shape of output is not large enough to hold the packed data. Expected at least 'tensor<16x?x?x16xf32>', got 'tensor<8x16x32x16xf32>'}}
  %0 = tensor.pack %input inner_dims_pos = [1, 0] inner_tiles = [%t, 16] into %output : tensor<256x128xf32> -> tensor<8x16x32x16xf32>
  return %0 : tensor<8x16x32x16xf32>
}

// -----

func.func @pack_output_too_small_dynamic(%input: tensor<256x128xf32>, %output: tensor<8x16x?x16xf32>, %t: index) -> tensor<8x16x?x16xf32> {
  // expected-error @+1 {{the shape of output is not large enough to hold the packed data. Expected at least 'tensor<16x?x?x16xf32>', got 'tensor<8x16x?x16xf32>'}}
  %0 = tensor.pack %input inner_dims_pos = [1, 0] inner_tiles = [%t, 16] into %output : tensor<256x128xf32> -> tensor<8x16x?x16xf32>
  return %0 : tensor<8x16x?x16xf32>
}

// -----

func.func @pack_output_too_small_10(%input: tensor<256x128xf32>, %output: tensor<10x16x32x16xf32>) -> tensor<10x16x32x16xf32> {
  // expected-error @+1 {{the shape of output is not large enough to hold the packed data. Expected at least 'tensor<16x4x32x16xf32>', got 'tensor<10x16x32x16xf32>'}}
  %0 = tensor.pack %input inner_dims_pos = [1, 0] inner_tiles = [32, 16] into %output : tensor<256x128xf32> -> tensor<10x16x32x16xf32>
  return %0 : tensor<10x16x32x16xf32>
}

// -----

func.func @pack_unranked_source(%input: tensor<*xf32>, %output: tensor<10x16x32x16xf32>) -> tensor<10x16x32x16xf32> {
  // expected-error @+1 {{custom op 'tensor.pack' invalid kind of type specified}}
  %0 = tensor.pack %input inner_dims_pos = [1, 0] inner_tiles = [32, 16] into %output : tensor<*xf32> -> tensor<10x16x32x16xf32>
  return %0 : tensor<10x16x32x16xf32>
}

// -----

func.func @insert_slice_ranks(%t: tensor<4xf32>, %s: tensor<1xf32>) {
  // expected-error @+1 {{expected mixed offsets rank to match mixed sizes rank (2 vs 1) so the rank of the result type is well-formed.}}
  %r = tensor.insert_slice %s into %t[0, 0] [1] [1] : tensor<1xf32> into tensor<4xf32>
  return
}

// -----

func.func @extract_slice_ranks(%t: tensor<4xf32>) {
  // expected-error @+1 {{expected mixed sizes rank to match mixed strides rank (1 vs 2) so the rank of the result type is well-formed.}}
  %r = tensor.extract_slice %t[0] [1] [1, 1] : tensor<4xf32> to tensor<1xf32>
  return
}

// -----

func.func @parallel_insert_slice_b(%n: index, %t: tensor<4xf32>, %s: tensor<1xf32>) {
  %r = scf.forall (%i) in (%n) shared_outs(%o = %t) -> (tensor<4xf32>) {
    scf.forall.in_parallel {
      // expected-error @+1 {{expected offsets to be non-negative, but got -1}}
      tensor.parallel_insert_slice %s into %o[-1] [1] [1] : tensor<1xf32> into tensor<4xf32>
    }
  }
  return
}

// -----

func.func @parallel_insert_slice_c(%n: index, %t: tensor<4xf32>, %s: tensor<1xf64>) {
  %r = scf.forall (%i) in (%n) shared_outs(%o = %t) -> (tensor<4xf32>) {
    scf.forall.in_parallel {
      // expected-error @+1 {{expected element type to be 'f32'}}
      tensor.parallel_insert_slice %s into %o[0] [1] [1] : tensor<1xf64> into tensor<4xf32>
    }
  }
  return
}

// -----

func.func @parallel_insert_slice_d(%n: index, %t: tensor<4xf32>, %s: tensor<1xf32>) {
  %r = scf.forall (%i) in (%n) shared_outs(%o = %t) -> (tensor<4xf32>) {
    scf.forall.in_parallel {
      // expected-error @+1 {{'tensor.parallel_insert_slice' op requires zero results}}
      "tensor.parallel_insert_slice"(%s, %o) <{operandSegmentSizes = array<i32: 1, 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: 1>, static_strides = array<i64: 1>}> : (tensor<1xf32>, tensor<4xf32>) -> (tensor<4xf32>)
    }
  }
  return
}

// -----

func.func @parallel_insert_slice_e(%n: index, %t: tensor<4xf32>, %s: tensor<1xf32>) {
  %r = scf.forall (%i) in (%n) shared_outs(%o = %t) -> (tensor<4xf32>) {
    scf.forall.in_parallel {
      // expected-error @+1 {{expected type to be 'tensor<?xf32>' or a rank-reduced version. (size mismatch)}}
      tensor.parallel_insert_slice %s into %o[%n] [%n] [1] : tensor<1xf32> into tensor<4xf32>
    }
  }
  return
}

// -----

// (checked before the tiling: MLIR's AllTypesMatch<["dest", "result"]> trait)
func.func @unpack_result_not_dest(%input: tensor<16x4x32x16xf32>, %output: tensor<256x128xf32>) -> tensor<?x128xf32> {
  // expected-error @+1 {{'tensor.unpack' op failed to verify that result type matches type of dest}}
  %0 = "tensor.unpack"(%input, %output) <{inner_dims_pos = array<i64: 1, 0>, static_inner_tiles = array<i64: 32, 16>}> : (tensor<16x4x32x16xf32>, tensor<256x128xf32>) -> tensor<?x128xf32>
  return %0 : tensor<?x128xf32>
}

// -----

func.func @pack_result_not_dest_before_rank(%input: tensor<256x128xf32>, %output: tensor<16x4x32x16xf32>) -> tensor<16x4x32xf32> {
  // expected-error @+1 {{'tensor.pack' op failed to verify that result type matches type of dest}}
  %0 = "tensor.pack"(%input, %output) <{inner_dims_pos = array<i64: 1, 0>, operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_inner_tiles = array<i64: 32, 16, 4>}> : (tensor<256x128xf32>, tensor<16x4x32x16xf32>) -> tensor<16x4x32xf32>
  return %0 : tensor<16x4x32xf32>
}

// -----

func.func @extract_type_before_indices(%t: tensor<4xf32>) {
  // expected-error @+1 {{'tensor.extract' op failed to verify that result type matches element type of tensor}}
  %0 = "tensor.extract"(%t) : (tensor<4xf32>) -> i32
  return
}

// -----

func.func @pad_segments(%t: tensor<4xf32>, %i: index, %v: f32) -> tensor<?xf32> {
  // expected-error @+1 {{'tensor.pad' op operand count (2) does not match with the total size (3) specified in attribute 'operandSegmentSizes'}}
  %0 = "tensor.pad"(%t, %i) <{operandSegmentSizes = array<i32: 1, 1, 1>, static_high = array<i64: -9223372036854775808>, static_low = array<i64: 0>}> ({
  ^bb0(%j: index):
    tensor.yield %v : f32
  }) : (tensor<4xf32>, index) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @pad_of_index(%i: index, %v: f32) {
  // expected-error @+1 {{'tensor.pad' op operand #0 must be ranked tensor of any type values, but got 'index'}}
  %0 = "tensor.pad"(%i) <{operandSegmentSizes = array<i32: 1, 0, 0>, static_high = array<i64: 1>, static_low = array<i64: 0>}> ({
  ^bb0(%j: index):
    tensor.yield %v : f32
  }) : (index) -> tensor<5xf32>
  return
}

// -----

func.func @pad_low_of_tensor(%t: tensor<4xf32>, %i: tensor<2x3xf32>, %v: f32) {
  // expected-error @+1 {{'tensor.pad' op operand #1 must be variadic of index, but got 'tensor<2x3xf32>'}}
  %0 = "tensor.pad"(%t, %i) <{operandSegmentSizes = array<i32: 1, 1, 0>, static_high = array<i64: 1>, static_low = array<i64: -9223372036854775808>}> ({
  ^bb0(%j: index):
    tensor.yield %v : f32
  }) : (tensor<4xf32>, tensor<2x3xf32>) -> tensor<?xf32>
  return
}

// -----

// (the parent is checked before the other traits: MLIR reports it, not the terminator position or operand type)
func.func @tensor_yield_outside(%c: i1) {
  // expected-error @+1 {{'tensor.yield' op expects parent op to be one of 'tensor.generate, tensor.pad'}}
  "tensor.yield"(%c) : (i1) -> ()
  return
}

// -----

func.func @extract_slice_i32_sizes(%t: tensor<4x4xf32>) {
  // expected-error @+1 {{for op tensor.extract_slice: Invalid attribute `static_sizes` in property conversion: array<i32: 4, 1>}}
  %0 = "tensor.extract_slice"(%t) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0, 0>, static_sizes = array<i32: 4, 1>, static_strides = array<i64: 1, 1>}> : (tensor<4x4xf32>) -> tensor<4xf32>
  return
}


// -----

func.func @gather_i32_dims(%s: tensor<4x5x6xf32>, %i: tensor<1x2xindex>) {
  // expected-error @+1 {{for op tensor.gather: Invalid attribute `gather_dims` in property conversion: array<i32: 1, 2>}}
  %0 = "tensor.gather"(%s, %i) <{gather_dims = array<i32: 1, 2>, unique}> : (tensor<4x5x6xf32>, tensor<1x2xindex>) -> tensor<1x4x1x1xf32>
  return
}
