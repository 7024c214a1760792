func.func @to_tensor_not_memref(%t: tensor<4xf32>) {
  // expected-error @+1 {{operand #0 must be ranked or unranked memref of any type values, but got 'tensor<4xf32>'}}
  %0 = "bufferization.to_tensor"(%t) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @to_tensor_type(%m: memref<4xf32>) {
  // expected-error @+1 {{failed to verify that result type matches tensor equivalent of 'memref'}}
  %0 = "bufferization.to_tensor"(%m) : (memref<4xf32>) -> tensor<5xf32>
  return
}

// -----

func.func @to_memref_type(%t: tensor<4xf32>) {
  // expected-error @+1 {{failed to verify that type of 'tensor' is the tensor equivalent of 'memref'}}
  %0 = "bufferization.to_memref"(%t) : (tensor<4xf32>) -> memref<4xi32>
  return
}

// -----

func.func @to_memref_unranked(%t: tensor<*xf32>) {
  // expected-error @+1 {{failed to verify that type of 'tensor' is the tensor equivalent of 'memref'}}
  %0 = "bufferization.to_memref"(%t) : (tensor<*xf32>) -> memref<4xf32>
  return
}

// -----

func.func @alloc_tensor_missing_dims(%d: index) {
  // expected-error @+1 {{expected 2 dynamic sizes}}
  %0 = bufferization.alloc_tensor(%d) : tensor<4x?x?x5xf32>
  return
}

// -----

func.func @alloc_tensor_copy_and_dims(%t: tensor<?xf32>, %d: index) {
  // expected-error @+1 {{dynamic sizes not needed when copying a tensor}}
  %0 = bufferization.alloc_tensor(%d) copy(%t) : tensor<?xf32>
  return
}

// -----

func.func @alloc_tensor_copy_type(%t: tensor<4xf32>) {
  // expected-error @+1 {{expected that `copy` and return type match}}
  %0 = "bufferization.alloc_tensor"(%t) <{operandSegmentSizes = array<i32: 0, 1, 0>}> : (tensor<4xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @materialize_no_writable(%t: tensor<?xf32>, %m: memref<?xf32>) {
  // expected-error @+1 {{'writable' must be specified if and only if the destination is of memref type}}
  bufferization.materialize_in_destination %t in %m : (tensor<?xf32>, memref<?xf32>) -> ()
  return
}

// -----

func.func @materialize_writable_tensor(%t: tensor<?xf32>, %d: tensor<?xf32>) {
  // expected-error @+1 {{'writable' must be specified if and only if the destination is of memref type}}
  %0 = bufferization.materialize_in_destination %t in writable %d : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @materialize_restrict_tensor(%t: tensor<?xf32>, %d: tensor<?xf32>) {
  // expected-error @+1 {{'restrict' is valid only for memref destinations}}
  %0 = bufferization.materialize_in_destination %t in restrict %d : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @materialize_shapes(%t: tensor<4xf32>, %d: tensor<5xf32>) {
  // expected-error @+1 {{source/destination shapes are incompatible}}
  %0 = bufferization.materialize_in_destination %t in %d : (tensor<4xf32>, tensor<5xf32>) -> tensor<5xf32>
  return
}

// -----

func.func @materialize_rank(%t: tensor<4xf32>, %d: tensor<4x1xf32>) {
  // expected-error @+1 {{rank mismatch between source and destination shape}}
  %0 = bufferization.materialize_in_destination %t in %d : (tensor<4xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
  return
}

// -----

func.func @materialize_result_type(%t: tensor<4xf32>, %d: tensor<4xf32>) {
  // expected-error @+1 {{result and 'dest' types must match}}
  %0 = bufferization.materialize_in_destination %t in %d : (tensor<4xf32>, tensor<4xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @materialize_element_type(%t: tensor<4xf32>, %d: tensor<4xi32>) {
  // expected-error @+1 {{failed to verify that all of {source, dest} have same element type}}
  %0 = bufferization.materialize_in_destination %t in %d : (tensor<4xf32>, tensor<4xi32>) -> tensor<4xi32>
  return
}

// -----

func.func @materialize_memref_result(%t: tensor<4xf32>, %m: memref<4xf32>) {
  // expected-error @+1 {{memref 'dest' implies zero results}}
  %0 = "bufferization.materialize_in_destination"(%t, %m) <{restrict, writable}> : (tensor<4xf32>, memref<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @materialize_tensor_no_result(%t: tensor<4xf32>, %d: tensor<4xf32>) {
  // expected-error @+1 {{tensor 'dest' implies exactly one tensor result}}
  "bufferization.materialize_in_destination"(%t, %d) : (tensor<4xf32>, tensor<4xf32>) -> ()
  return
}

// -----

func.func @materialize_ranked_into_unranked(%t: tensor<3xf32>, %m: memref<*xf32>) {
  // expected-error @+1 {{'bufferization.materialize_in_destination' op source/destination shapes are incompatible}}
  bufferization.materialize_in_destination %t in restrict writable %m : (tensor<3xf32>, memref<*xf32>) -> ()
  return
}

// -----

func.func @materialize_unranked_into_ranked(%t: tensor<*xf32>, %m: memref<3xf32>) {
  // expected-error @+1 {{'bufferization.materialize_in_destination' op source/destination shapes are incompatible}}
  bufferization.materialize_in_destination %t in restrict writable %m : (tensor<*xf32>, memref<3xf32>) -> ()
  return
}

// -----

func.func @alloc_tensor_size_of_i32(%n: i32) {
  // expected-error @+1 {{'bufferization.alloc_tensor' op operand #0 must be variadic of index, but got 'i32'}}
  %0 = "bufferization.alloc_tensor"(%n) <{operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> tensor<?xf32>
  return
}

// -----

func.func @alloc_tensor_hint_of_i32(%n: i32) {
  // expected-error @+1 {{'bufferization.alloc_tensor' op operand #0 must be index, but got 'i32'}}
  %0 = "bufferization.alloc_tensor"(%n) <{operandSegmentSizes = array<i32: 0, 0, 1>}> : (i32) -> tensor<4xf32>
  return
}

// -----

func.func @alloc_tensor_copy_of_memref(%n: memref<4xf32>) {
  // expected-error @+1 {{'bufferization.alloc_tensor' op operand #0 must be tensor of any type values, but got 'memref<4xf32>'}}
  %0 = "bufferization.alloc_tensor"(%n) <{operandSegmentSizes = array<i32: 0, 1, 0>}> : (memref<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @to_memref_of_memref(%m: memref<4xf32>) {
  // expected-error @+1 {{'bufferization.to_memref' op operand #0 must be tensor of any type values, but got 'memref<4xf32>'}}
  %0 = "bufferization.to_memref"(%m) : (memref<4xf32>) -> memref<4xf32>
  return
}

// -----

func.func @alloc_tensor_of_index() {
  // expected-error @+1 {{'bufferization.alloc_tensor' op result #0 must be tensor of any type values, but got 'index'}}
  %0 = "bufferization.alloc_tensor"() <{operandSegmentSizes = array<i32: 0, 0, 0>}> : () -> index
  return
}

// -----

func.func @to_tensor_of_index(%m: memref<4xf32>) {
  // expected-error @+1 {{'bufferization.to_tensor' op result #0 must be tensor of any type values, but got 'index'}}
  %0 = "bufferization.to_tensor"(%m) : (memref<4xf32>) -> index
  return
}

// -----

func.func @materialize_to_index(%t: tensor<4xf32>, %d: tensor<4xf32>) {
  // expected-error @+1 {{'bufferization.materialize_in_destination' op result #0 must be tensor of any type values, but got 'index'}}
  %0 = "bufferization.materialize_in_destination"(%t, %d) : (tensor<4xf32>, tensor<4xf32>) -> index
  return
}

// -----

func.func @materialize_into_i64(%t: tensor<4xf32>, %d: i64) {
  // expected-error @+1 {{'bufferization.materialize_in_destination' op operand #1 must be shaped of any type values, but got 'i64'}}
  "bufferization.materialize_in_destination"(%t, %d) : (tensor<4xf32>, i64) -> ()
  return
}

// -----

func.func @materialize_into_vector(%t: tensor<4xf32>, %d: vector<4xf32>) {
  // expected-error @+1 {{'bufferization.materialize_in_destination' op 'dest' must be a tensor or a memref}}
  "bufferization.materialize_in_destination"(%t, %d) : (tensor<4xf32>, vector<4xf32>) -> ()
  return
}
