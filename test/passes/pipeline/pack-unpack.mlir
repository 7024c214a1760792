// tensor.pack and tensor.unpack: partial tiles with a padding value and outer_dims_perm, whole
// tiles, and unpacks back (dropping the padding) into a fresh tensor and into a fill's result.
func.func @main() {
  %src = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 7.0, 8.0, 9.0, 10.0], [11.0, 12.0, 13.0, 14.0, 15.0]]> : tensor<3x5xf32>
  %pad = arith.constant 0.5 : f32
  %e = tensor.empty() : tensor<3x2x2x2xf32>
  %p = tensor.pack %src padding_value(%pad : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %e : tensor<3x5xf32> -> tensor<3x2x2x2xf32>
  tensorlang.print %p : tensor<3x2x2x2xf32>
  %b = tensor.empty() : tensor<3x5xf32>
  %u = tensor.unpack %p outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %b : tensor<3x2x2x2xf32> -> tensor<3x5xf32>
  tensorlang.print %u : tensor<3x5xf32>
  %sq = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %e2 = tensor.empty() : tensor<2x2x2xf32>
  %q = tensor.pack %sq outer_dims_perm = [1, 0] inner_dims_pos = [1] inner_tiles = [2] into %e2 : tensor<2x4xf32> -> tensor<2x2x2xf32>
  tensorlang.print %q : tensor<2x2x2xf32>
  %minus = arith.constant -1.0 : f32
  %b2 = tensor.empty() : tensor<2x4xf32>
  %f = linalg.fill ins(%minus : f32) outs(%b2 : tensor<2x4xf32>) -> tensor<2x4xf32>
  %u2 = tensor.unpack %q outer_dims_perm = [1, 0] inner_dims_pos = [1] inner_tiles = [2] into %f : tensor<2x2x2xf32> -> tensor<2x4xf32>
  tensorlang.print %u2 : tensor<2x4xf32>
  return
}
