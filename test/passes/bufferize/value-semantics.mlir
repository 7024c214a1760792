// %t is read after %u is made from it: the insert must write into a copy.
func.func @f(%x: f32, %y: f32) -> (f32, f32) {
  %e = tensor.empty() : tensor<4xf32>
  %t = linalg.fill ins(%x : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %c1 = arith.constant 1 : index
  %u = tensor.insert %y into %t[%c1] : tensor<4xf32>
  %a = tensor.extract %t[%c1] : tensor<4xf32>
  %b = tensor.extract %u[%c1] : tensor<4xf32>
  return %a, %b : f32, f32
}
// A function argument is never written: the caller may still read it.
func.func @double(%a: tensor<3xf32>) -> tensor<3xf32> {
  %r = linalg.add ins(%a, %a : tensor<3xf32>, tensor<3xf32>) outs(%a : tensor<3xf32>) -> tensor<3xf32>
  return %r : tensor<3xf32>
}
// Slices: extract a row, double it through a call, put it back into a copy of the matrix.
func.func @slices(%m: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %row = tensor.extract_slice %m[1, 0] [1, 3] [1, 1] : tensor<2x3xf32> to tensor<3xf32>
  %d = call @double(%row) : (tensor<3xf32>) -> tensor<3xf32>
  %r = tensor.insert_slice %d into %m[0, 0] [1, 3] [1, 1] : tensor<3xf32> into tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}
func.func @main() {
  %m = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %r = call @slices(%m) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  tensorlang.print %r : tensor<2x3xf32>
  %x = arith.constant 1.5 : f32
  %y = arith.constant 2.5 : f32
  %a, %b = call @f(%x, %y) : (f32, f32) -> (f32, f32)
  %v = tensor.from_elements %a, %b : tensor<2xf32>
  tensorlang.print %v : tensor<2xf32>
  return
}
