#map = affine_map<(d0, d1) -> (d1, d0)>
#map1 = affine_map<(d0, d1) -> (d0, d1)>
#map2 = affine_map<()[s0] -> (s0 + 10)>
#map3 = affine_map<()[s0, s1] -> (s0 + s1 + 1)>
#map4 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @identity_generics(%arg0: tensor<?x?xf32>, %arg1: tensor<4x4xf32>, %arg2: memref<4x4xf32>, %arg3: memref<4x4xf32>) -> (tensor<4x4xf32>, tensor<4x4xf32>, tensor<?x?xf32>) {
    %cast = tensor.cast %arg0 : tensor<?x?xf32> to tensor<4x4xf32>
    %0 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<?x?xf32>) outs(%arg0 : tensor<?x?xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<?x?xf32>
    linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%arg2 : memref<4x4xf32>) outs(%arg3 : memref<4x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    }
    return %arg1, %cast, %0 : tensor<4x4xf32>, tensor<4x4xf32>, tensor<?x?xf32>
  }
  func.func @self_copy_and_plain_broadcast(%arg0: memref<?xf32>, %arg1: tensor<2x3xf32>, %arg2: tensor<2x3xf32>) -> tensor<2x3xf32> {
    return %arg1 : tensor<2x3xf32>
  }
  func.func @transposes(%arg0: tensor<5x4x3xf32>, %arg1: tensor<4x3x5xf32>, %arg2: tensor<3x4x5xf32>, %arg3: tensor<?x5xf32>, %arg4: tensor<?x3x5xf32>, %arg5: tensor<5x?x3xf32>) -> (tensor<3x4x5xf32>, tensor<5x?x3xf32>) {
    %c0 = arith.constant 0 : index
    %transposed = linalg.transpose ins(%arg0 : tensor<5x4x3xf32>) outs(%arg2 : tensor<3x4x5xf32>) permutation = [2, 1, 0] 
    %dim = tensor.dim %arg3, %c0 : tensor<?x5xf32>
    %0 = tensor.empty(%dim) : tensor<5x?xf32>
    %transposed_0 = linalg.transpose ins(%arg3 : tensor<?x5xf32>) outs(%0 : tensor<5x?xf32>) permutation = [1, 0] 
    %broadcasted = linalg.broadcast ins(%transposed_0 : tensor<5x?xf32>) outs(%arg5 : tensor<5x?x3xf32>) dimensions = [2] 
    return %transposed, %broadcasted : tensor<3x4x5xf32>, tensor<5x?x3xf32>
  }
  func.func @fills(%arg0: f32, %arg1: f32, %arg2: tensor<2x3x4xf32>, %arg3: tensor<12x2xf32>, %arg4: index) -> (tensor<6x4xf32>, f32, tensor<12x2xf32>, tensor<4x3x2xf32>, tensor<4x5x6xf32>, tensor<4x5x6xf32>) {
    %collapsed = tensor.collapse_shape %arg2 [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
    %0 = linalg.fill ins(%arg0 : f32) outs(%collapsed : tensor<6x4xf32>) -> tensor<6x4xf32>
    %1 = linalg.fill ins(%arg1 : f32) outs(%arg3 : tensor<12x2xf32>) -> tensor<12x2xf32>
    %2 = linalg.fill ins(%arg0 : f32) outs(%1 : tensor<12x2xf32>) -> tensor<12x2xf32>
    %3 = tensor.empty() : tensor<4x3x2xf32>
    %4 = linalg.fill ins(%arg0 : f32) outs(%3 : tensor<4x3x2xf32>) -> tensor<4x3x2xf32>
    %5 = tensor.empty() : tensor<2x3x4xf32>
    %6 = linalg.fill ins(%arg0 : f32) outs(%5 : tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
    %7 = tensor.empty() : tensor<4x5x6xf32>
    %8 = linalg.fill ins(%arg0 : f32) outs(%7 : tensor<4x5x6xf32>) -> tensor<4x5x6xf32>
    %padded = tensor.pad %6 low[1, 1, 1] high[1, 1, 1] {
    ^bb0(%arg5: index, %arg6: index, %arg7: index):
      tensor.yield %arg1 : f32
    } : tensor<2x3x4xf32> to tensor<4x5x6xf32>
    return %0, %arg0, %2, %4, %8, %padded : tensor<6x4xf32>, f32, tensor<12x2xf32>, tensor<4x3x2xf32>, tensor<4x5x6xf32>, tensor<4x5x6xf32>
  }
  func.func private @use(tensor<4x8x12x16xf32>)
  func.func @cast_of_result(%arg0: tensor<?x?x?x?xf32>, %arg1: tensor<?x?x?x?xf32>, %arg2: tensor<?x?x?x?xf32>, %arg3: i1) -> (tensor<4x8x12x16xf32>, tensor<?x?x?x?xf32>) {
    %cast = tensor.cast %arg2 : tensor<?x?x?x?xf32> to tensor<4x8x12x16xf32>
    %0 = linalg.conv_2d_nchw_fchw ins(%arg0, %arg1 : tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>) outs(%cast : tensor<4x8x12x16xf32>) -> tensor<4x8x12x16xf32>
    %cast_0 = tensor.cast %0 : tensor<4x8x12x16xf32> to tensor<?x?x?x?xf32>
    %1 = linalg.conv_2d_nchw_fchw ins(%arg0, %arg1 : tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>) outs(%arg2 : tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
    scf.if %arg3 {
      %cast_1 = tensor.cast %1 : tensor<?x?x?x?xf32> to tensor<4x8x12x16xf32>
      func.call @use(%cast_1) : (tensor<4x8x12x16xf32>) -> ()
    }
    return %0, %cast_0 : tensor<4x8x12x16xf32>, tensor<?x?x?x?xf32>
  }
  func.func @fill_pack_and_pad(%arg0: tensor<8x?xf32>, %arg1: index, %arg2: index) -> (tensor<24x32x16x16xf32>, tensor<?x?xf32>) {
    %c1 = arith.constant 1 : index
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<24x32x16x16xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<24x32x16x16xf32>) -> tensor<24x32x16x16xf32>
    %2 = affine.apply #map2()[%arg1]
    %dim = tensor.dim %arg0, %c1 : tensor<8x?xf32>
    %3 = affine.apply #map3()[%arg2, %dim]
    %4 = tensor.empty(%2, %3) : tensor<?x?xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<?x?xf32>) -> tensor<?x?xf32>
    return %1, %5 : tensor<24x32x16x16xf32>, tensor<?x?xf32>
  }
  func.func @infer_static_operands(%arg0: tensor<2x3x4xf32>, %arg1: tensor<?x?x?xf32>, %arg2: tensor<1x?x?xf32>, %arg3: index, %arg4: index, %arg5: index) -> (tensor<2x3x4xf32>, tensor<?x?x?xf32>) {
    %0 = tensor.empty() : tensor<2x3x4xf32>
    %cast = tensor.cast %arg1 : tensor<?x?x?xf32> to tensor<2x3x4xf32>
    %1 = linalg.generic {indexing_maps = [#map4, #map4, #map4], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0, %cast : tensor<2x3x4xf32>, tensor<2x3x4xf32>) outs(%0 : tensor<2x3x4xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %4 = arith.addf %in, %in_2 : f32
      linalg.yield %4 : f32
    } -> tensor<2x3x4xf32>
    %cast_0 = tensor.cast %arg1 : tensor<?x?x?xf32> to tensor<1x?x?xf32>
    %2 = tensor.empty(%arg4, %arg5) : tensor<1x?x?xf32>
    %3 = linalg.generic {indexing_maps = [#map4, #map4, #map4], iterator_types = ["parallel", "parallel", "parallel"]} ins(%cast_0, %arg2 : tensor<1x?x?xf32>, tensor<1x?x?xf32>) outs(%2 : tensor<1x?x?xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %4 = arith.subf %in, %in_2 : f32
      linalg.yield %4 : f32
    } -> tensor<1x?x?xf32>
    %cast_1 = tensor.cast %3 : tensor<1x?x?xf32> to tensor<?x?x?xf32>
    return %1, %cast_1 : tensor<2x3x4xf32>, tensor<?x?x?xf32>
  }
}

