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
}

