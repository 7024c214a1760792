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
