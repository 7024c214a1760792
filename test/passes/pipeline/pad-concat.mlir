// tensor.pad (static and dynamic padding, a pad value computed from the index) and
// tensor.concat (static and dynamic sizes), printed.
func.func @pad_dynamic(%t: tensor<?x3xf32>, %lo: index, %v: f32) -> tensor<?x?xf32> {
  %c2 = arith.constant 2 : index
  %p = tensor.pad %t low[%lo, 1] high[1, %c2] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<?x3xf32> to tensor<?x?xf32>
  return %p : tensor<?x?xf32>
}
func.func @main() {
  %t = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %c1 = arith.constant 1 : index
  %p = tensor.pad %t low[1, %c1] high[0, 2] {
  ^bb0(%i: index, %j: index):
    %s = arith.muli %i, %j : index
    %n = arith.index_cast %s : index to i32
    %f = arith.sitofp %n : i32 to f32
    %g = arith.negf %f : f32
    tensor.yield %g : f32
  } : tensor<2x3xf32> to tensor<3x6xf32>
  tensorlang.print %p : tensor<3x6xf32>
  %d = tensor.cast %t : tensor<2x3xf32> to tensor<?x3xf32>
  %half = arith.constant 5.000000e-01 : f32
  %pd = func.call @pad_dynamic(%d, %c1, %half) : (tensor<?x3xf32>, index, f32) -> tensor<?x?xf32>
  %pds = tensor.cast %pd : tensor<?x?xf32> to tensor<4x6xf32>
  tensorlang.print %pds : tensor<4x6xf32>
  %c = tensor.concat dim(1) %t, %t : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  tensorlang.print %c : tensor<2x6xf32>
  %cd = tensor.concat dim(0) %pd, %c, %p : (tensor<?x?xf32>, tensor<2x6xf32>, tensor<3x6xf32>) -> tensor<?x6xf32>
  %cds = tensor.cast %cd : tensor<?x6xf32> to tensor<9x6xf32>
  tensorlang.print %cds : tensor<9x6xf32>
  return
}
