// Window ops on memrefs (standard dialects only): conv_2d over a strided view, a 1-D
// convolution with dilation 2, and NCHW max pooling, printed with printMemrefF32.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %zero = arith.constant 0.000000e+00 : f32
  %one = arith.constant 1.000000e+00 : f32
  %c0 = arith.constant 0 : index
  %q = arith.constant 2.500000e-01 : f32
  %c7 = arith.constant 7 : index
  %x = memref.alloc() : memref<8x8xf32>
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%x : memref<8x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %a = arith.muli %i, %j : index
    %b = arith.addi %a, %i : index
    %m = arith.remsi %b, %c7 : index
    %n = arith.index_cast %m : index to i32
    %f = arith.sitofp %n : i32 to f32
    %v = arith.mulf %f, %q : f32
    linalg.yield %v : f32
  }
  %xv = memref.subview %x[1, 0] [7, 7] [1, 1] : memref<8x8xf32> to memref<7x7xf32, strided<[8, 1], offset: 8>>
  %k = memref.alloc() : memref<3x3xf32>
  linalg.fill ins(%one : f32) outs(%k : memref<3x3xf32>)
  memref.store %q, %k[%c0, %c0] : memref<3x3xf32>
  %o = memref.alloc() : memref<5x5xf32>
  linalg.fill ins(%zero : f32) outs(%o : memref<5x5xf32>)
  linalg.conv_2d ins(%xv, %k : memref<7x7xf32, strided<[8, 1], offset: 8>>, memref<3x3xf32>) outs(%o : memref<5x5xf32>)
  %u = memref.cast %o : memref<5x5xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()

  %x1 = memref.expand_shape %x [[0, 1], [2]] output_shape [1, 8, 8] : memref<8x8xf32> into memref<1x8x8xf32>
  %k1 = memref.alloc() : memref<2x8x3xf32>
  linalg.fill ins(%q : f32) outs(%k1 : memref<2x8x3xf32>)
  memref.store %one, %k1[%c0, %c0, %c0] : memref<2x8x3xf32>
  %o1 = memref.alloc() : memref<1x6x3xf32>
  linalg.fill ins(%one : f32) outs(%o1 : memref<1x6x3xf32>)
  linalg.conv_1d_nwc_wcf {dilations = dense<2> : tensor<1xi64>} ins(%x1, %k1 : memref<1x8x8xf32>, memref<2x8x3xf32>) outs(%o1 : memref<1x6x3xf32>)
  %u1 = memref.cast %o1 : memref<1x6x3xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()

  %x4 = memref.expand_shape %x [[0, 1, 2], [3]] output_shape [1, 1, 8, 8] : memref<8x8xf32> into memref<1x1x8x8xf32>
  %w = memref.alloc() : memref<2x2xf32>
  %o4 = memref.alloc() : memref<1x1x4x3xf32>
  linalg.fill ins(%zero : f32) outs(%o4 : memref<1x1x4x3xf32>)
  linalg.pooling_nchw_max {strides = dense<[2, 3]> : vector<2xi64>} ins(%x4, %w : memref<1x1x8x8xf32>, memref<2x2xf32>) outs(%o4 : memref<1x1x4x3xf32>)
  %u4 = memref.cast %o4 : memref<1x1x4x3xf32> to memref<*xf32>
  call @printMemrefF32(%u4) : (memref<*xf32>) -> ()
  memref.dealloc %o4 : memref<1x1x4x3xf32>
  memref.dealloc %w : memref<2x2xf32>
  memref.dealloc %o1 : memref<1x6x3xf32>
  memref.dealloc %k1 : memref<2x8x3xf32>
  memref.dealloc %o : memref<5x5xf32>
  memref.dealloc %k : memref<3x3xf32>
  memref.dealloc %x : memref<8x8xf32>
  return
}
