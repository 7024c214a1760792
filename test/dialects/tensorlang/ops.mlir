// Round trip of every tensorlang op, on linear and builtin tensor types.
!lt = !tensorlang.tensor<f32, 2>
func.func @ops(%a: !tensorlang.tensor<f32, 4, 4>, %b: tensor<4x8xf32>, %s: !tensorlang.tensor<f32, "seq_len", 64>,
               %w: !tensorlang.tensor<f32, 64, ?>, %c: i1) -> !tensorlang.tensor<f32, "seq_len", ?> {
  %0 = tensorlang.constant dense<1.0> : !tensorlang.tensor<f32, 4, 4>
  %1 = tensorlang.constant dense<[1.0, 2.0]> : tensor<2xf32> : !lt
  %2 = tensorlang.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %3 = tensorlang.add %a, %0 : !tensorlang.tensor<f32, 4, 4>
  %4:2 = tensorlang.copy %3 : !tensorlang.tensor<f32, 4, 4>
  %5 = tensorlang.sub %4#0, %4#1 : !tensorlang.tensor<f32, 4, 4>
  %6 = tensorlang.mul %5, %5 : !tensorlang.tensor<f32, 4, 4>
  %7 = tensorlang.div %6, %6 : !tensorlang.tensor<f32, 4, 4>
  %8 = tensorlang.max %7, %7 : !tensorlang.tensor<f32, 4, 4>
  %9 = tensorlang.relu %8 : !tensorlang.tensor<f32, 4, 4>
  %10 = tensorlang.exp %9 : !tensorlang.tensor<f32, 4, 4>
  %11 = tensorlang.tanh %10 : !tensorlang.tensor<f32, 4, 4>
  %12 = tensorlang.transpose %11 : !tensorlang.tensor<f32, 4, 4> -> !tensorlang.tensor<f32, 4, 4>
  %13 = tensorlang.matmul %12, %b : !tensorlang.tensor<f32, 4, 4>, tensor<4x8xf32> -> !tensorlang.tensor<f32, 4, 8>
  %14 = tensorlang.softmax %13 {axis = 1} : !tensorlang.tensor<f32, 4, 8>
  %15 = tensorlang.reduce_sum %14 {axis = 1} : !tensorlang.tensor<f32, 4, 8> -> !tensorlang.tensor<f32, 4>
  %16 = tensorlang.reduce_max %15 {axis = 0} : !tensorlang.tensor<f32, 4> -> !tensorlang.tensor<f32>
  tensorlang.print %16 : !tensorlang.tensor<f32>
  tensorlang.print %1 : !tensorlang.tensor<f32, 2>
  tensorlang.print %2 : tensor<2x2xi32>
  %17 = tensorlang.symbolic_dim "seq_len"
  tensorlang.assert %c
  tensorlang.assert %c, "values must be finite"
  %18 = tensorlang.transpose %s {perm = array<i64: 1, 0>} : !tensorlang.tensor<f32, "seq_len", 64> -> !tensorlang.tensor<f32, 64, "seq_len">
  %19 = tensorlang.transpose %18 : !tensorlang.tensor<f32, 64, "seq_len"> -> !tensorlang.tensor<f32, "seq_len", 64>
  %20 = tensorlang.matmul %19, %w : !tensorlang.tensor<f32, "seq_len", 64>, !tensorlang.tensor<f32, 64, ?> -> !tensorlang.tensor<f32, "seq_len", ?>
  return %20 : !tensorlang.tensor<f32, "seq_len", ?>
}
func.func @ml_ops(%x: !tensorlang.tensor<f32, "batch", 8>, %bias: !tensorlang.tensor<f32, 8>, %i: tensor<4xi32>) -> !tensorlang.tensor<f32, "batch"> {
  %0 = tensorlang.broadcast %bias : !tensorlang.tensor<f32, 8> -> !tensorlang.tensor<f32, "batch", 8>
  %1 = tensorlang.add %x, %0 : !tensorlang.tensor<f32, "batch", 8>
  %2 = tensorlang.sigmoid %1 : !tensorlang.tensor<f32, "batch", 8>
  %3 = tensorlang.abs %2 : !tensorlang.tensor<f32, "batch", 8>
  %4 = tensorlang.sqrt %3 : !tensorlang.tensor<f32, "batch", 8>
  %5 = tensorlang.rsqrt %4 : !tensorlang.tensor<f32, "batch", 8>
  %6 = tensorlang.log %5 : !tensorlang.tensor<f32, "batch", 8>
  %7 = tensorlang.neg %6 : !tensorlang.tensor<f32, "batch", 8>
  %8 = tensorlang.reduce_mean %7 {axis = 1} : !tensorlang.tensor<f32, "batch", 8> -> !tensorlang.tensor<f32, "batch">
  %9 = tensorlang.abs %i : tensor<4xi32>
  %10 = tensorlang.broadcast %9 : tensor<4xi32> -> tensor<2x4xi32>
  tensorlang.print %10 : tensor<2x4xi32>
  return %8 : !tensorlang.tensor<f32, "batch">
}
func.func @reshape(%x: !tensorlang.tensor<f32, "n", 6>, %s: tensor<2x6xf32>) -> !tensorlang.tensor<f32, ?, 3> {
  %0 = tensorlang.reshape %x : !tensorlang.tensor<f32, "n", 6> -> !tensorlang.tensor<f32, ?, 3>
  %1 = tensorlang.reshape %s : tensor<2x6xf32> -> tensor<3x4xf32>
  tensorlang.print %1 : tensor<3x4xf32>
  return %0 : !tensorlang.tensor<f32, ?, 3>
}
