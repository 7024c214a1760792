#map = affine_map<()[s0] -> (s0 + 1)>
module {
  func.func @no_padding(%arg0: tensor<5x6xf32>, %arg1: tensor<?x?xf32>, %arg2: f32) -> (tensor<5x6xf32>, tensor<2x3xf32>, tensor<5x6xf32>) {
    %cast = tensor.cast %arg1 : tensor<?x?xf32> to tensor<2x3xf32>
    %padded = tensor.pad %arg0 nofold low[0, 0] high[0, 0] {
    ^bb0(%arg3: index, %arg4: index):
      tensor.yield %arg2 : f32
    } : tensor<5x6xf32> to tensor<5x6xf32>
    return %arg0, %cast, %padded : tensor<5x6xf32>, tensor<2x3xf32>, tensor<5x6xf32>
  }
  func.func @same_static_type(%arg0: tensor<5x6xf32>, %arg1: index, %arg2: f32) -> tensor<5x6xf32> {
    return %arg0 : tensor<5x6xf32>
  }
  func.func @pad_of_cast(%arg0: tensor<8x?xf32>, %arg1: tensor<4x16xf32>, %arg2: index, %arg3: f32) -> (tensor<8x32xf32>, tensor<?x?xf32>) {
    %padded = tensor.pad %arg0 low[0, 0] high[0, %arg2] {
    ^bb0(%arg4: index, %arg5: index):
      tensor.yield %arg3 : f32
    } : tensor<8x?xf32> to tensor<8x32xf32>
    %padded_0 = tensor.pad %arg1 low[1, %arg2] high[1, 0] {
    ^bb0(%arg4: index, %arg5: index):
      tensor.yield %arg3 : f32
    } : tensor<4x16xf32> to tensor<6x?xf32>
    %cast = tensor.cast %padded_0 : tensor<6x?xf32> to tensor<?x?xf32>
    return %padded, %cast : tensor<8x32xf32>, tensor<?x?xf32>
  }
  func.func @cast_of_pad(%arg0: tensor<?x?xf32>, %arg1: index, %arg2: f32) -> tensor<32x32xf32> {
    %padded = tensor.pad %arg0 low[%arg1, %arg1] high[0, 0] {
    ^bb0(%arg3: index, %arg4: index):
      tensor.yield %arg2 : f32
    } : tensor<?x?xf32> to tensor<32x32xf32>
    return %padded : tensor<32x32xf32>
  }
  func.func @static_padding(%arg0: tensor<?x64xf32>, %arg1: f32) -> tensor<?x?xf32> {
    %padded = tensor.pad %arg0 low[1, 4] high[1, 4] {
    ^bb0(%arg2: index, %arg3: index):
      tensor.yield %arg1 : f32
    } : tensor<?x64xf32> to tensor<?x72xf32>
    %cast = tensor.cast %padded : tensor<?x72xf32> to tensor<?x?xf32>
    return %cast : tensor<?x?xf32>
  }
  func.func @orthogonal_pads(%arg0: tensor<64x64xf32>, %arg1: index, %arg2: index, %arg3: index, %arg4: index) -> (tensor<8x4xf32>, tensor<8x4xf32>) {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %extracted_slice = tensor.extract_slice %arg0[16, 0] [%arg1, 64] [1, 1] : tensor<64x64xf32> to tensor<?x64xf32>
    %padded = tensor.pad %extracted_slice low[0, 0] high[%arg3, 0] {
    ^bb0(%arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<?x64xf32> to tensor<8x64xf32>
    %extracted_slice_1 = tensor.extract_slice %padded[0, 4] [8, %arg2] [1, 1] : tensor<8x64xf32> to tensor<8x?xf32>
    %extracted_slice_2 = tensor.extract_slice %arg0[16, 4] [%arg1, %arg2] [1, 1] : tensor<64x64xf32> to tensor<?x?xf32>
    %padded_3 = tensor.pad %extracted_slice_2 low[0, 0] high[%arg3, %arg4] {
    ^bb0(%arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<?x?xf32> to tensor<8x4xf32>
    %padded_4 = tensor.pad %extracted_slice_1 low[0, 0] high[0, %arg4] {
    ^bb0(%arg5: index, %arg6: index):
      tensor.yield %cst_0 : f32
    } : tensor<8x?xf32> to tensor<8x4xf32>
    return %padded_3, %padded_4 : tensor<8x4xf32>, tensor<8x4xf32>
  }
  func.func @insert_pad_into_fill(%arg0: tensor<?x?x?xf32>, %arg1: tensor<8x128x128xf32>, %arg2: index, %arg3: index, %arg4: index, %arg5: index) -> tensor<8x384x384xf32> {
    %c2 = arith.constant 2 : index
    %c1 = arith.constant 1 : index
    %c0 = arith.constant 0 : index
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<8x384x384xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<8x384x384xf32>) -> tensor<8x384x384xf32>
    %inserted_slice = tensor.insert_slice %arg1 into %1[0, 0, 0] [8, 128, 128] [1, 1, 1] : tensor<8x128x128xf32> into tensor<8x384x384xf32>
    %2 = affine.apply #map()[%arg3]
    %dim = tensor.dim %arg0, %c0 : tensor<?x?x?xf32>
    %dim_0 = tensor.dim %arg0, %c1 : tensor<?x?x?xf32>
    %dim_1 = tensor.dim %arg0, %c2 : tensor<?x?x?xf32>
    %inserted_slice_2 = tensor.insert_slice %arg0 into %inserted_slice[%arg2, %2, 256] [%dim, %dim_0, %dim_1] [1, 1, 1] : tensor<?x?x?xf32> into tensor<8x384x384xf32>
    return %inserted_slice_2 : tensor<8x384x384xf32>
  }
}

