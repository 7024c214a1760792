// RUN: tensorlang-opt --split-input-file --verify-diagnostics
func.func @f(%a: !tensorlang.tensor<f32, 4, 3>, %b: !tensorlang.tensor<f32, 4, 4>) {
  // expected-error @+1 {{inner dimensions must agree: lhs dimension 1 is 3 but rhs dimension 0 is 4}}
  %0 = tensorlang.matmul %a, %b : !tensorlang.tensor<f32, 4, 3>, !tensorlang.tensor<f32, 4, 4> -> !tensorlang.tensor<f32, 4, 4>
  return
}

// -----
func.func @f(%a: !tensorlang.tensor<f32, 4, "n">, %b: !tensorlang.tensor<f32, "m", 4>) {
  // expected-error @+1 {{inner dimensions must agree: lhs dimension 1 is "n" but rhs dimension 0 is "m"}}
  %0 = tensorlang.matmul %a, %b : !tensorlang.tensor<f32, 4, "n">, !tensorlang.tensor<f32, "m", 4> -> !tensorlang.tensor<f32, 4, 4>
  return
}

// -----
func.func @f(%a: !tensorlang.tensor<f32, 4, "n">, %b: tensor<8x4xf32>) {
  // expected-error @+1 {{inner dimensions must agree: lhs dimension 1 is "n" but rhs dimension 0 is 8}}
  %0 = tensorlang.matmul %a, %b : !tensorlang.tensor<f32, 4, "n">, tensor<8x4xf32> -> !tensorlang.tensor<f32, 4, 4>
  return
}

// -----
func.func @f(%a: !tensorlang.tensor<f32, 4, 4>, %b: !tensorlang.tensor<f64, 4, 4>) {
  // expected-error @+1 {{element types of lhs and rhs must agree, got 'f32' and 'f64'}}
  %0 = tensorlang.matmul %a, %b : !tensorlang.tensor<f32, 4, 4>, !tensorlang.tensor<f64, 4, 4> -> !tensorlang.tensor<f32, 4, 4>
  return
}

// -----
func.func @f(%a: !tensorlang.tensor<f32, 4>, %b: !tensorlang.tensor<f32, 4, 4>) {
  // expected-error @+1 {{lhs must have rank 2, got rank 1}}
  %0 = tensorlang.matmul %a, %b : !tensorlang.tensor<f32, 4>, !tensorlang.tensor<f32, 4, 4> -> !tensorlang.tensor<f32, 4, 4>
  return
}

// -----
func.func @f(%a: !tensorlang.tensor<f32, 2, 4>, %b: !tensorlang.tensor<f32, 4, 3>) {
  // expected-error @+1 {{result shape [2, 4] does not match the expected shape [2, 3]}}
  %0 = tensorlang.matmul %a, %b : !tensorlang.tensor<f32, 2, 4>, !tensorlang.tensor<f32, 4, 3> -> !tensorlang.tensor<f32, 2, 4>
  return
}

// -----
func.func @f(%a: !tensorlang.tensor<f32, 2, 4>, %b: !tensorlang.tensor<f32, 4, 3>) {
  // expected-error @+1 {{result element type 'f64' does not match operand element type 'f32'}}
  %0 = tensorlang.matmul %a, %b : !tensorlang.tensor<f32, 2, 4>, !tensorlang.tensor<f32, 4, 3> -> !tensorlang.tensor<f64, 2, 3>
  return
}

// -----
func.func @f(%a: !tensorlang.tensor<f32, 4, 4>, %b: !tensorlang.tensor<f32, 4, 3>) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %0 = "tensorlang.add"(%a, %b) : (!tensorlang.tensor<f32, 4, 4>, !tensorlang.tensor<f32, 4, 3>) -> !tensorlang.tensor<f32, 4, 4>
  return
}

// -----
func.func @f(%a: !tensorlang.tensor<i32, 4>) {
  // expected-error @+1 {{requires a float element type, got 'i32'}}
  %0 = tensorlang.exp %a : !tensorlang.tensor<i32, 4>
  return
}

// -----
func.func @f(%a: !tensorlang.tensor<f32, 4, 8>) {
  // expected-error @+1 {{axis 2 is out of range for a tensor of rank 2}}
  %0 = tensorlang.reduce_sum %a {axis = 2} : !tensorlang.tensor<f32, 4, 8> -> !tensorlang.tensor<f32, 4>
  return
}

// -----
func.func @f(%a: !tensorlang.tensor<f32, 4, 8>) {
  // expected-error @+1 {{result shape [8] does not match the expected shape [4]}}
  %0 = tensorlang.reduce_max %a {axis = 1} : !tensorlang.tensor<f32, 4, 8> -> !tensorlang.tensor<f32, 8>
  return
}

// -----
func.func @f(%a: !tensorlang.tensor<f32, 4, 8>) {
  // expected-error @+1 {{requires an integer 'axis' attribute}}
  %0 = tensorlang.softmax %a : !tensorlang.tensor<f32, 4, 8>
  return
}

// -----
func.func @f(%a: !tensorlang.tensor<f32, 4, 8>) {
  // expected-error @+1 {{result shape [4, 8] does not match the expected shape [8, 4]}}
  %0 = tensorlang.transpose %a : !tensorlang.tensor<f32, 4, 8> -> !tensorlang.tensor<f32, 4, 8>
  return
}

// -----
func.func @f(%a: !tensorlang.tensor<f32, 4, 8>) {
  // expected-error @+1 {{'perm' must be a permutation of [0, 2)}}
  %0 = tensorlang.transpose %a {perm = array<i64: 0, 0>} : !tensorlang.tensor<f32, 4, 8> -> !tensorlang.tensor<f32, 4, 8>
  return
}

// -----
func.func @f() {
  // expected-error @+1 {{value shape [2] does not match result shape [3]}}
  %0 = tensorlang.constant dense<[1.0, 2.0]> : tensor<2xf32> : !tensorlang.tensor<f32, 3>
  return
}

// -----
func.func @f() {
  // expected-error @+1 {{value element type 'f32' does not match result element type 'f64'}}
  %0 = tensorlang.constant dense<1.0> : tensor<2xf32> : !tensorlang.tensor<f64, 2>
  return
}

// -----
func.func @f() {
  // expected-error @+1 {{a constant needs a static shape, got '!tensorlang.tensor<f32, "n">'}}
  %0 = tensorlang.constant dense<1.0> : !tensorlang.tensor<f32, "n">
  return
}

// -----
func.func @f(%c: i32) {
  // expected-error @+1 {{condition must be i1, got 'i32'}}
  "tensorlang.assert"(%c) : (i32) -> ()
  return
}

// -----
func.func @f(%a: f32) {
  // expected-error @+1 {{operand must be a ranked tensor or !tensorlang.tensor, got 'f32'}}
  tensorlang.print %a : f32
  return
}

// -----
// expected-error @+1 {{expected a size, '?' or a quoted symbolic dimension name}}
func.func private @g(!tensorlang.tensor<f32, x>)

// -----
// expected-error @+1 {{unknown tensorlang type: matrix}}
func.func private @g(!tensorlang.matrix<f32>)

// -----
func.func @f(%b: !tensorlang.tensor<f32, 3>) {
  // expected-error @+1 {{operand shape [3] is not the trailing dimensions of the result shape [4, 2]}}
  %0 = tensorlang.broadcast %b : !tensorlang.tensor<f32, 3> -> !tensorlang.tensor<f32, 4, 2>
  return
}

// -----
func.func @f(%b: !tensorlang.tensor<f32, 2>) {
  // expected-error @+1 {{a dimension the broadcast adds must be static or symbolic, not '?'}}
  %0 = tensorlang.broadcast %b : !tensorlang.tensor<f32, 2> -> !tensorlang.tensor<f32, ?, 2>
  return
}

// -----
func.func @f(%b: tensor<2xf32>) {
  // expected-error @+1 {{result element type 'i32' does not match operand element type 'f32'}}
  %0 = tensorlang.broadcast %b : tensor<2xf32> -> tensor<3x2xi32>
  return
}

// -----
func.func @f(%a: tensor<4xi32>) {
  // expected-error @+1 {{requires a float element type, got 'i32'}}
  %0 = tensorlang.sigmoid %a : tensor<4xi32>
  return
}

// -----
func.func @f(%a: tensor<4xi32>) {
  // expected-error @+1 {{requires a float element type, got 'i32'}}
  %0 = tensorlang.rsqrt %a : tensor<4xi32>
  return
}

// -----
func.func @f(%a: tensor<2x4xi32>) {
  // expected-error @+1 {{requires a float element type, got 'i32'}}
  %0 = tensorlang.reduce_mean %a {axis = 1} : tensor<2x4xi32> -> tensor<2xi32>
  return
}

// -----
func.func @f(%a: tensor<2x6xf32>) {
  // expected-error @+1 {{operand has 12 elements but the result has 10}}
  %0 = tensorlang.reshape %a : tensor<2x6xf32> -> tensor<2x5xf32>
  return
}

// -----
func.func @f(%a: tensor<2x6xf32>) {
  // expected-error @+1 {{operand has 12 elements, which the result's static sizes (product 5) do not divide}}
  %0 = tensorlang.reshape %a : tensor<2x6xf32> -> !tensorlang.tensor<f32, ?, 5>
  return
}

// -----
func.func @f(%a: tensor<?x6xf32>) {
  // expected-error @+1 {{the result may have one '?' dimension at most (its size follows from the element count)}}
  %0 = tensorlang.reshape %a : tensor<?x6xf32> -> tensor<?x?xf32>
  return
}

// -----
func.func @f(%a: tensor<2x6xf32>) {
  // expected-error @+1 {{result element type 'f64' does not match operand element type 'f32'}}
  %0 = tensorlang.reshape %a : tensor<2x6xf32> -> tensor<12xf64>
  return
}

// -----
func.func @f(%a: tensor<1xf32>) {
  // expected-error @+1 {{operand and result must have rank 1 or more}}
  %0 = tensorlang.reshape %a : tensor<1xf32> -> tensor<f32>
  return
}

// -----
func.func @f(%a: f32) {
  // expected-error @+1 {{operand must be a ranked tensor or !tensorlang.tensor, got 'f32'}}
  %0 = tensorlang.reshape %a : f32 -> tensor<1xf32>
  return
}
