// Dynamic shapes: sizes flow from tensor.dim into allocations, loop bounds and slices.
func.func @mm(%a: tensor<?x3xf32>, %b: tensor<3x?xf32>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %m = tensor.dim %a, %c0 : tensor<?x3xf32>
  %n = tensor.dim %b, %c1 : tensor<3x?xf32>
  %e = tensor.empty(%m, %n) : tensor<?x?xf32>
  %z = arith.constant 0.0 : f32
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %r = linalg.matmul ins(%a, %b : tensor<?x3xf32>, tensor<3x?xf32>) outs(%f : tensor<?x?xf32>) -> tensor<?x?xf32>
  %s = tensor.extract_slice %r[0, 1] [%m, 1] [1, 1] : tensor<?x?xf32> to tensor<?xf32>
  %t = tensor.splat %z[%m] : tensor<?xf32>
  %u = tensor.insert_slice %t into %r[0, 0] [%m, 1] [1, 1] : tensor<?xf32> into tensor<?x?xf32>
  %v = tensor.insert_slice %s into %u[0, 1] [%m, 1] [1, 1] : tensor<?xf32> into tensor<?x?xf32>
  return %v : tensor<?x?xf32>
}
func.func @main() {
  %a = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %b = arith.constant dense<[[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]]> : tensor<3x2xf32>
  %da = tensor.cast %a : tensor<2x3xf32> to tensor<?x3xf32>
  %db = tensor.cast %b : tensor<3x2xf32> to tensor<3x?xf32>
  %r = call @mm(%da, %db) : (tensor<?x3xf32>, tensor<3x?xf32>) -> tensor<?x?xf32>
  %u = tensor.cast %r : tensor<?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(tensor<*xf32> {bufferization.access = "read"})
