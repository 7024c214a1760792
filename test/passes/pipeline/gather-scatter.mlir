// tensor.gather and tensor.scatter: whole rows (i32 and i64 indices), single points, the
// rank-reduced forms, dynamic shapes through a call, and the sources left as they were.
func.func @second_column(%src: tensor<?x?xf32>, %idx: tensor<?x1xindex>) -> tensor<?xf32> {
  %g = tensor.gather %src[%idx] gather_dims([0]) : (tensor<?x?xf32>, tensor<?x1xindex>) -> tensor<?x?xf32>
  %c0 = arith.constant 0 : index
  %n = tensor.dim %g, %c0 : tensor<?x?xf32>
  %col = tensor.extract_slice %g[0, 1] [%n, 1] [1, 1] : tensor<?x?xf32> to tensor<?xf32>
  return %col : tensor<?xf32>
}
func.func @main() {
  %src = arith.constant dense<[[0.0, 1.0, 2.0], [10.0, 11.0, 12.0], [20.0, 21.0, 22.0], [30.0, 31.0, 32.0]]> : tensor<4x3xf32>
  %rows = arith.constant dense<[[3], [0], [2]]> : tensor<3x1xi32>
  %g = tensor.gather %src[%rows] gather_dims([0]) unique : (tensor<4x3xf32>, tensor<3x1xi32>) -> tensor<3x3xf32>
  tensorlang.print %g : tensor<3x3xf32>
  %pts = arith.constant dense<[[1, 2], [3, 0]]> : tensor<2x2xindex>
  %p = tensor.gather %src[%pts] gather_dims([0, 1]) : (tensor<4x3xf32>, tensor<2x2xindex>) -> tensor<2x1x1xf32>
  tensorlang.print %p : tensor<2x1x1xf32>
  %pr = tensor.gather %src[%pts] gather_dims([0, 1]) : (tensor<4x3xf32>, tensor<2x2xindex>) -> tensor<2xf32>
  tensorlang.print %pr : tensor<2xf32>
  %upd = arith.constant dense<[[[-1.0, -2.0, -3.0]], [[-4.0, -5.0, -6.0]]]> : tensor<2x1x3xf32>
  %two = arith.constant dense<[[1], [3]]> : tensor<2x1xindex>
  %s = tensor.scatter %upd into %src[%two] scatter_dims([0]) unique : (tensor<2x1x3xf32>, tensor<4x3xf32>, tensor<2x1xindex>) -> tensor<4x3xf32>
  tensorlang.print %s : tensor<4x3xf32>
  %col = arith.constant dense<[[7.0, 8.0, 9.0, 6.0]]> : tensor<1x4xf32>
  %c2 = arith.constant dense<[[2]]> : tensor<1x1xi64>
  %s2 = tensor.scatter %col into %s[%c2] scatter_dims([1]) unique : (tensor<1x4xf32>, tensor<4x3xf32>, tensor<1x1xi64>) -> tensor<4x3xf32>
  tensorlang.print %s2 : tensor<4x3xf32>
  %i = arith.constant dense<[[2], [1], [1], [0]]> : tensor<4x1xindex>
  %sd = tensor.cast %src : tensor<4x3xf32> to tensor<?x?xf32>
  %id = tensor.cast %i : tensor<4x1xindex> to tensor<?x1xindex>
  %r = func.call @second_column(%sd, %id) : (tensor<?x?xf32>, tensor<?x1xindex>) -> tensor<?xf32>
  %rs = tensor.cast %r : tensor<?xf32> to tensor<4xf32>
  tensorlang.print %rs : tensor<4xf32>
  tensorlang.print %s : tensor<4x3xf32>
  tensorlang.print %src : tensor<4x3xf32>
  return
}
