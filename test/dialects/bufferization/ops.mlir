// bufferization ops: the tensor/buffer boundary casts with their flags, alloc_tensor with dynamic
// sizes, a copy, a size hint and a memory space, dealloc_tensor, materialize_in_destination.
func.func @casts(%m: memref<4x?xf32>, %s: memref<8xi32, strided<[2], offset: 1>, 1>, %u: memref<*xf32>) -> tensor<4x?xf32> {
  %0 = bufferization.to_tensor %m : memref<4x?xf32>
  %1 = bufferization.to_tensor %m restrict writable : memref<4x?xf32>
  %2 = bufferization.to_memref %0 : memref<4x?xf32>
  %3 = bufferization.to_memref %1 read_only : memref<4x?xf32>
  %4 = bufferization.to_tensor %s restrict : memref<8xi32, strided<[2], offset: 1>, 1>
  %5 = bufferization.to_memref %4 : memref<8xi32, strided<[2], offset: 1>, 1>
  %6 = bufferization.to_tensor %u : memref<*xf32>
  %7 = bufferization.to_memref %6 : memref<*xf32>
  return %1 : tensor<4x?xf32>
}

func.func @alloc(%t: tensor<4x?xf32>, %d: index) -> tensor<4x?xf32> {
  %0 = bufferization.alloc_tensor(%d) : tensor<4x?xf32>
  %1 = bufferization.alloc_tensor() copy(%t) : tensor<4x?xf32>
  %2 = bufferization.alloc_tensor(%d) size_hint=%d : tensor<4x?xf32>
  %3 = bufferization.alloc_tensor() {memory_space = 1 : i64} : tensor<2x3xi64>
  %4 = bufferization.alloc_tensor() copy(%t) {memory_space = 2 : i64} : tensor<4x?xf32>
  bufferization.dealloc_tensor %3 : tensor<2x3xi64>
  return %1 : tensor<4x?xf32>
}

func.func @materialize(%t: tensor<4x?xf32>, %d: tensor<4x?xf32>, %m: memref<4x8xf32>, %u: tensor<*xf32>, %um: memref<*xf32>) -> tensor<4x?xf32> {
  %0 = bufferization.materialize_in_destination %t in %d : (tensor<4x?xf32>, tensor<4x?xf32>) -> tensor<4x?xf32>
  bufferization.materialize_in_destination %t in writable %m : (tensor<4x?xf32>, memref<4x8xf32>) -> ()
  bufferization.materialize_in_destination %t in restrict writable %m : (tensor<4x?xf32>, memref<4x8xf32>) -> ()
  bufferization.materialize_in_destination %u in restrict writable %um : (tensor<*xf32>, memref<*xf32>) -> ()
  return %0 : tensor<4x?xf32>
}
