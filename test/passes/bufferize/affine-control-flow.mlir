// affine.for carrying a tensor and affine.if choosing one, at the tensor level.
func.func @main() {
  %init = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %one = arith.constant 1.0 : f32
  %r = affine.for %i = 0 to 4 step 2 iter_args(%t = %init) -> (tensor<4xf32>) {
    %x = tensor.extract %t[%i] : tensor<4xf32>
    %y = arith.addf %x, %one : f32
    %u = tensor.insert %y into %t[%i] : tensor<4xf32>
    affine.yield %u : tensor<4xf32>
  }
  tensorlang.print %r : tensor<4xf32>
  %s = affine.for %j = 0 to 2 iter_args(%a = %r) -> (tensor<4xf32>) {
    %p = affine.if affine_set<(d0) : (d0 - 1 >= 0)>(%j) -> tensor<4xf32> {
      %e = tensor.empty() : tensor<4xf32>
      %d = linalg.add ins(%a, %init : tensor<4xf32>, tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
      affine.yield %d : tensor<4xf32>
    } else {
      affine.yield %a : tensor<4xf32>
    }
    affine.yield %p : tensor<4xf32>
  }
  tensorlang.print %s : tensor<4xf32>
  tensorlang.print %init : tensor<4xf32>
  return
}
