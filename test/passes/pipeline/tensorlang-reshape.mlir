// tensorlang.reshape, static sizes and a `?` size that follows from the element count: reshaped
// operands of matmul, a reshaped result returned from a function, a 1-D flattening.
func.func @rows(%x: !tensorlang.tensor<f32, 2, 6>) -> !tensorlang.tensor<f32, ?, 4> {
  %r = tensorlang.reshape %x : !tensorlang.tensor<f32, 2, 6> -> !tensorlang.tensor<f32, ?, 4>
  return %r : !tensorlang.tensor<f32, ?, 4>
}
func.func @main() {
  %a = tensorlang.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [7.0, 8.0, 9.0, 10.0, 11.0, 12.0]]> : !tensorlang.tensor<f32, 2, 6>
  %w = tensorlang.constant dense<[0.5, 1.0, -1.0, 2.0, 0.25, 0.0, 1.0, -0.5]> : !tensorlang.tensor<f32, 8>
  %a1, %a2 = tensorlang.copy %a : !tensorlang.tensor<f32, 2, 6>
  %r = tensorlang.reshape %a1 : !tensorlang.tensor<f32, 2, 6> -> !tensorlang.tensor<f32, 3, 4>
  %w2 = tensorlang.reshape %w : !tensorlang.tensor<f32, 8> -> !tensorlang.tensor<f32, 4, 2>
  %m = tensorlang.matmul %r, %w2 : !tensorlang.tensor<f32, 3, 4>, !tensorlang.tensor<f32, 4, 2> -> !tensorlang.tensor<f32, 3, 2>
  %m1, %m2 = tensorlang.copy %m : !tensorlang.tensor<f32, 3, 2>
  tensorlang.print %m1 : !tensorlang.tensor<f32, 3, 2>
  %f = tensorlang.reshape %m2 : !tensorlang.tensor<f32, 3, 2> -> !tensorlang.tensor<f32, 6>
  tensorlang.print %f : !tensorlang.tensor<f32, 6>
  %q = func.call @rows(%a2) : (!tensorlang.tensor<f32, 2, 6>) -> !tensorlang.tensor<f32, ?, 4>
  tensorlang.print %q : !tensorlang.tensor<f32, ?, 4>
  return
}
