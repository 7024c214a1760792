// Reshapes are views: collapse/expand of fresh buffers, dynamic sizes, slices (a contiguous one
// viewed, a gapped one copied), and a write to a reshaped tensor's source after the reshape.
func.func @scaled(%t: tensor<2x6xf32>) -> tensor<3x4xf32> {
  %e = tensor.empty() : tensor<2x6xf32>
  %s = linalg.add ins(%t, %t : tensor<2x6xf32>, tensor<2x6xf32>) outs(%e : tensor<2x6xf32>) -> tensor<2x6xf32>
  %c = tensor.collapse_shape %s [[0, 1]] : tensor<2x6xf32> into tensor<12xf32>
  %r = tensor.expand_shape %c [[0, 1]] output_shape [3, 4] : tensor<12xf32> into tensor<3x4xf32>
  return %r : tensor<3x4xf32>
}
func.func @split(%d: tensor<?x6xf32>) -> tensor<?x2x3xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %d, %c0 : tensor<?x6xf32>
  %r = tensor.expand_shape %d [[0], [1, 2]] output_shape [%n, 2, 3] : tensor<?x6xf32> into tensor<?x2x3xf32>
  return %r : tensor<?x2x3xf32>
}
func.func @flat(%d: tensor<?x2x3xf32>) -> tensor<?xf32> {
  %r = tensor.collapse_shape %d [[0, 1, 2]] : tensor<?x2x3xf32> into tensor<?xf32>
  return %r : tensor<?xf32>
}
func.func @slices(%m: tensor<4x6xf32>) -> (tensor<12xf32>, tensor<8xf32>) {
  %rows = tensor.extract_slice %m[1, 0] [2, 6] [1, 1] : tensor<4x6xf32> to tensor<2x6xf32>
  %a = tensor.collapse_shape %rows [[0, 1]] : tensor<2x6xf32> into tensor<12xf32>
  %cols = tensor.extract_slice %m[0, 1] [4, 2] [1, 1] : tensor<4x6xf32> to tensor<4x2xf32>
  %b = tensor.collapse_shape %cols [[0, 1]] : tensor<4x2xf32> into tensor<8xf32>
  return %a, %b : tensor<12xf32>, tensor<8xf32>
}
func.func @alias(%x: f32, %y: f32) -> (tensor<2x2xf32>, tensor<4xf32>) {
  %e = tensor.empty() : tensor<4xf32>
  %t = linalg.fill ins(%x : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %r = tensor.expand_shape %t [[0, 1]] output_shape [2, 2] : tensor<4xf32> into tensor<2x2xf32>
  %u = linalg.fill ins(%y : f32) outs(%t : tensor<4xf32>) -> tensor<4xf32>
  return %r, %u : tensor<2x2xf32>, tensor<4xf32>
}
func.func @main() {
  %a = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [7.0, 8.0, 9.0, 10.0, 11.0, 12.0]]> : tensor<2x6xf32>
  %s = call @scaled(%a) : (tensor<2x6xf32>) -> tensor<3x4xf32>
  %us = tensor.cast %s : tensor<3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%us) : (tensor<*xf32>) -> ()
  %da = tensor.cast %a : tensor<2x6xf32> to tensor<?x6xf32>
  %p = call @split(%da) : (tensor<?x6xf32>) -> tensor<?x2x3xf32>
  %up = tensor.cast %p : tensor<?x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%up) : (tensor<*xf32>) -> ()
  %f = call @flat(%p) : (tensor<?x2x3xf32>) -> tensor<?xf32>
  %uf = tensor.cast %f : tensor<?xf32> to tensor<*xf32>
  call @printMemrefF32(%uf) : (tensor<*xf32>) -> ()
  %m = arith.constant dense<[[0.0, 1.0, 2.0, 3.0, 4.0, 5.0], [10.0, 11.0, 12.0, 13.0, 14.0, 15.0], [20.0, 21.0, 22.0, 23.0, 24.0, 25.0], [30.0, 31.0, 32.0, 33.0, 34.0, 35.0]]> : tensor<4x6xf32>
  %r, %c = call @slices(%m) : (tensor<4x6xf32>) -> (tensor<12xf32>, tensor<8xf32>)
  %ur = tensor.cast %r : tensor<12xf32> to tensor<*xf32>
  call @printMemrefF32(%ur) : (tensor<*xf32>) -> ()
  %uc = tensor.cast %c : tensor<8xf32> to tensor<*xf32>
  call @printMemrefF32(%uc) : (tensor<*xf32>) -> ()
  %x = arith.constant 1.5 : f32
  %y = arith.constant 2.5 : f32
  %q, %v = call @alias(%x, %y) : (f32, f32) -> (tensor<2x2xf32>, tensor<4xf32>)
  %uq = tensor.cast %q : tensor<2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%uq) : (tensor<*xf32>) -> ()
  %uv = tensor.cast %v : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%uv) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32> {bufferization.access = "read"})
