#map = affine_map<()[s0] -> (s0 floordiv 12)>
module {
  func.func @collapse_then_expand_is_collapse(%arg0: tensor<2x3x4x5xf32>) -> tensor<6x20xf32> {
    %collapsed = tensor.collapse_shape %arg0 [[0, 1], [2, 3]] : tensor<2x3x4x5xf32> into tensor<6x20xf32>
    return %collapsed : tensor<6x20xf32>
  }
  func.func @collapse_then_expand_is_expand(%arg0: tensor<?x20xf32>, %arg1: index) -> tensor<?x4x5xf32> {
    %expanded = tensor.expand_shape %arg0 [[0], [1, 2]] output_shape [%arg1, 4, 5] : tensor<?x20xf32> into tensor<?x4x5xf32>
    return %expanded : tensor<?x4x5xf32>
  }
  func.func @through_scalar(%arg0: tensor<1x1x1xf32>) -> tensor<1x1x1x1xf32> {
    %expanded = tensor.expand_shape %arg0 [[0], [1], [2, 3]] output_shape [1, 1, 1, 1] : tensor<1x1x1xf32> into tensor<1x1x1x1xf32>
    return %expanded : tensor<1x1x1x1xf32>
  }
  func.func @not_composed(%arg0: tensor<4x32x6xf32>, %arg1: tensor<6x4xf32>) -> (tensor<4x32x2x3xf32>, tensor<4x6xf32>) {
    %collapsed = tensor.collapse_shape %arg0 [[0, 1], [2]] : tensor<4x32x6xf32> into tensor<128x6xf32>
    %expanded = tensor.expand_shape %collapsed [[0, 1], [2, 3]] output_shape [4, 32, 2, 3] : tensor<128x6xf32> into tensor<4x32x2x3xf32>
    %collapsed_0 = tensor.collapse_shape %arg1 [[0, 1]] : tensor<6x4xf32> into tensor<24xf32>
    %expanded_1 = tensor.expand_shape %collapsed_0 [[0, 1]] output_shape [4, 6] : tensor<24xf32> into tensor<4x6xf32>
    return %expanded, %expanded_1 : tensor<4x32x2x3xf32>, tensor<4x6xf32>
  }
  func.func @expand_then_collapse_is_expand(%arg0: tensor<2048xf32>) -> tensor<4x512x1xf32> {
    %expanded = tensor.expand_shape %arg0 [[0, 1, 2]] output_shape [4, 512, 1] : tensor<2048xf32> into tensor<4x512x1xf32>
    return %expanded : tensor<4x512x1xf32>
  }
  func.func @memref_reshapes(%arg0: memref<24x5xf32>, %arg1: memref<2048xf32>) -> (memref<2x3x4x5xf32>, memref<4x512xf32>) {
    %expand_shape = memref.expand_shape %arg0 [[0, 1, 2], [3]] output_shape [2, 3, 4, 5] : memref<24x5xf32> into memref<2x3x4x5xf32>
    %expand_shape_0 = memref.expand_shape %arg1 [[0, 1]] output_shape [4, 512] : memref<2048xf32> into memref<4x512xf32>
    return %expand_shape, %expand_shape_0 : memref<2x3x4x5xf32>, memref<4x512xf32>
  }
  func.func @reshape_of_elements(%arg0: f32, %arg1: i32, %arg2: index) -> (tensor<3x4xf32>, tensor<1x1xi32>, tensor<2x?xf32>) {
    %splat = tensor.splat %arg0 : tensor<3x4xf32>
    %from_elements = tensor.from_elements %arg1 : tensor<1x1xi32>
    %splat_0 = tensor.splat %arg0[%arg2] : tensor<2x2x?xf32>
    %collapsed = tensor.collapse_shape %splat_0 [[0], [1, 2]] : tensor<2x2x?xf32> into tensor<2x?xf32>
    return %splat, %from_elements, %collapsed : tensor<3x4xf32>, tensor<1x1xi32>, tensor<2x?xf32>
  }
  func.func @dim_of_expand(%arg0: tensor<?x?xf32>, %arg1: index, %arg2: index) -> index {
    %c1 = arith.constant 1 : index
    %dim = tensor.dim %arg0, %c1 : tensor<?x?xf32>
    %0 = affine.apply #map()[%dim]
    return %0 : index
  }
  func.func @dim_of_reshape(%arg0: tensor<*xf32>, %arg1: tensor<?xi64>, %arg2: index) -> index {
    %extracted = tensor.extract %arg1[%arg2] : tensor<?xi64>
    %0 = arith.index_cast %extracted : i64 to index
    return %0 : index
  }
  func.func @reshape_to_own_sizes(%arg0: tensor<4x?xi32>) -> (tensor<4x?xi32>, tensor<4x?xi32>) {
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %dim = tensor.dim %arg0, %c1 : tensor<4x?xi32>
    %from_elements = tensor.from_elements %dim, %c4 : tensor<2xindex>
    %reshape = tensor.reshape %arg0(%from_elements) : (tensor<4x?xi32>, tensor<2xindex>) -> tensor<4x?xi32>
    return %arg0, %reshape : tensor<4x?xi32>, tensor<4x?xi32>
  }
  func.func @extract_of_index_cast(%arg0: tensor<3xi32>, %arg1: index) -> index {
    %extracted = tensor.extract %arg0[%arg1] : tensor<3xi32>
    %0 = arith.index_cast %extracted : i32 to index
    return %0 : index
  }
  func.func @cast_of_empty(%arg0: index, %arg1: index) -> tensor<2x?x8xf32> {
    %0 = tensor.empty(%arg1) : tensor<2x?x8xf32>
    return %0 : tensor<2x?x8xf32>
  }
}

