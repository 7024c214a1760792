// tensor.generate (static and dynamic), tensor.cast between static and dynamic results.
func.func private @printMemrefF32(tensor<*xf32> {bufferization.access = "read"})
func.func @iota(%n: index) -> tensor<?xf32> {
  %t = tensor.generate %n {
  ^bb0(%i: index):
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    tensor.yield %f : f32
  } : tensor<?xf32>
  return %t : tensor<?xf32>
}
func.func @table() -> tensor<3x?xf32> {
  %t = tensor.generate {
  ^bb0(%i: index, %j: index):
    %k = arith.muli %i, %j : index
    %ki = arith.index_cast %k : index to i32
    %f = arith.sitofp %ki : i32 to f32
    tensor.yield %f : f32
  } : tensor<3x4xf32>
  %d = tensor.cast %t : tensor<3x4xf32> to tensor<3x?xf32>
  return %d : tensor<3x?xf32>
}
func.func @main() {
  %c5 = arith.constant 5 : index
  %a = call @iota(%c5) : (index) -> tensor<?xf32>
  %ua = tensor.cast %a : tensor<?xf32> to tensor<*xf32>
  call @printMemrefF32(%ua) : (tensor<*xf32>) -> ()
  %b = call @table() : () -> tensor<3x?xf32>
  %ub = tensor.cast %b : tensor<3x?xf32> to tensor<*xf32>
  call @printMemrefF32(%ub) : (tensor<*xf32>) -> ()
  return
}
