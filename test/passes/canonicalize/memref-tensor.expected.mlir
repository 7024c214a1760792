#map = affine_map<()[s0] -> (s0 * 64)>
#map1 = affine_map<()[s0, s1] -> ((s0 * s1) * 4)>
module {
  func.func @tile_of_buffer(%arg0: memref<64x64xf32>, %arg1: index) -> memref<?x?xf32, strided<[64, 1], offset: ?>> {
    %subview = memref.subview %arg0[%arg1, 0] [8, 8] [1, 1] : memref<64x64xf32> to memref<8x8xf32, strided<[64, 1], offset: ?>>
    %cast = memref.cast %subview : memref<8x8xf32, strided<[64, 1], offset: ?>> to memref<?x?xf32, strided<[64, 1], offset: ?>>
    return %cast : memref<?x?xf32, strided<[64, 1], offset: ?>>
  }
  func.func @row_of_matrix(%arg0: memref<?x?xf32>, %arg1: index, %arg2: index) -> memref<?xf32, strided<[?], offset: ?>> {
    %subview = memref.subview %arg0[%arg1, 0] [1, %arg2] [1, 1] : memref<?x?xf32> to memref<?xf32, strided<[1], offset: ?>>
    %cast = memref.cast %subview : memref<?xf32, strided<[1], offset: ?>> to memref<?xf32, strided<[?], offset: ?>>
    return %cast : memref<?xf32, strided<[?], offset: ?>>
  }
  func.func @subview_through_cast(%arg0: memref<16x32xf32>, %arg1: index) -> memref<4x?xf32, strided<[?, 1], offset: ?>> {
    %subview = memref.subview %arg0[%arg1, 0] [4, %arg1] [1, 1] : memref<16x32xf32> to memref<4x?xf32, strided<[32, 1], offset: ?>>
    %cast = memref.cast %subview : memref<4x?xf32, strided<[32, 1], offset: ?>> to memref<4x?xf32, strided<[?, 1], offset: ?>>
    return %cast : memref<4x?xf32, strided<[?, 1], offset: ?>>
  }
  func.func @whole_views(%arg0: memref<8x4xi32>) -> (memref<8x4xi32>, memref<8x4xi32, strided<[4, 1], offset: ?>>) {
    %cast = memref.cast %arg0 : memref<8x4xi32> to memref<8x4xi32, strided<[4, 1], offset: ?>>
    return %arg0, %cast : memref<8x4xi32>, memref<8x4xi32, strided<[4, 1], offset: ?>>
  }
  func.func @subview_of_same_subview(%arg0: memref<?xf32, strided<[?], offset: ?>>, %arg1: index, %arg2: index) -> memref<?xf32, strided<[?], offset: ?>> {
    %subview = memref.subview %arg0[%arg1] [%arg2] [1] : memref<?xf32, strided<[?], offset: ?>> to memref<?xf32, strided<[?], offset: ?>>
    return %subview : memref<?xf32, strided<[?], offset: ?>>
  }
  func.func @dims_of_views(%arg0: memref<?x?xf32>, %arg1: memref<?xi8>, %arg2: index, %arg3: index) -> (index, index) {
    return %arg2, %arg3 : index, index
  }
  func.func @reinterpret_chains(%arg0: memref<?xf32>, %arg1: index, %arg2: index, %arg3: memref<2x3xf32>) -> (memref<?xf32>, memref<?xf32>, memref<2x3xf32>) {
    %reinterpret_cast = memref.reinterpret_cast %arg0 to offset: [0], sizes: [%arg1], strides: [1] : memref<?xf32> to memref<?xf32>
    %reinterpret_cast_0 = memref.reinterpret_cast %arg0 to offset: [0], sizes: [%arg2], strides: [1] : memref<?xf32> to memref<?xf32>
    return %reinterpret_cast, %reinterpret_cast_0, %arg3 : memref<?xf32>, memref<?xf32>, memref<2x3xf32>
  }
  func.func @reshapes(%arg0: memref<6x4xf32>, %arg1: memref<2x3x4x5xf32>, %arg2: memref<?x8x1xf32>) -> (memref<6x4xf32>, memref<120xf32>, memref<?x?xf32>) {
    %collapse_shape = memref.collapse_shape %arg1 [[0, 1, 2, 3]] : memref<2x3x4x5xf32> into memref<120xf32>
    %collapse_shape_0 = memref.collapse_shape %arg2 [[0], [1, 2]] : memref<?x8x1xf32> into memref<?x8xf32>
    %cast = memref.cast %collapse_shape_0 : memref<?x8xf32> to memref<?x?xf32>
    return %arg0, %collapse_shape, %cast : memref<6x4xf32>, memref<120xf32>, memref<?x?xf32>
  }
  func.func @empty_copy_and_alloc(%arg0: memref<0x4xf32>, %arg1: memref<?x4xf32>) -> memref<?xf32, strided<[?], offset: ?>> {
    %c3 = arith.constant 3 : index
    %alloc = memref.alloc()[%c3, %c3] : memref<3xf32, strided<[?], offset: ?>>
    %cast = memref.cast %alloc : memref<3xf32, strided<[?], offset: ?>> to memref<?xf32, strided<[?], offset: ?>>
    return %cast : memref<?xf32, strided<[?], offset: ?>>
  }
  func.func @slice_constants(%arg0: tensor<?x?x?xf32>, %arg1: index, %arg2: index) -> (tensor<?x?xf32>, tensor<?x?x?xf32>) {
    %extracted_slice = tensor.extract_slice %arg0[0, %arg1, 0] [2, 1, %arg2] [1, 1, 1] : tensor<?x?x?xf32> to tensor<2x?xf32>
    %cast = tensor.cast %extracted_slice : tensor<2x?xf32> to tensor<?x?xf32>
    %extracted_slice_0 = tensor.extract_slice %arg0[%arg1, %arg1, %arg1] [2, 2, %arg2] [1, 1, 1] : tensor<?x?x?xf32> to tensor<2x2x?xf32>
    %cast_1 = tensor.cast %extracted_slice_0 : tensor<2x2x?xf32> to tensor<?x?x?xf32>
    return %cast, %cast_1 : tensor<?x?xf32>, tensor<?x?x?xf32>
  }
  func.func @slices_and_casts(%arg0: tensor<8x16xf32>, %arg1: index, %arg2: index) -> (tensor<4x?xf32>, tensor<4x8xf32>) {
    %extracted_slice = tensor.extract_slice %arg0[%arg1, 0] [4, %arg2] [1, 1] : tensor<8x16xf32> to tensor<4x?xf32>
    %extracted_slice_0 = tensor.extract_slice %arg0[0, %arg1] [4, 8] [1, 1] : tensor<8x16xf32> to tensor<4x8xf32>
    return %extracted_slice, %extracted_slice_0 : tensor<4x?xf32>, tensor<4x8xf32>
  }
  func.func @insert_slices(%arg0: tensor<?x?xf32>, %arg1: tensor<16x16xf32>, %arg2: index, %arg3: tensor<2x?xf32>, %arg4: index) -> (tensor<16x16xf32>, tensor<?x?xf32>) {
    %cast = tensor.cast %arg0 : tensor<?x?xf32> to tensor<4x4xf32>
    %inserted_slice = tensor.insert_slice %cast into %arg1[%arg2, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<16x16xf32>
    %inserted_slice_0 = tensor.insert_slice %arg3 into %arg1[0, %arg2] [2, %arg4] [1, 1] : tensor<2x?xf32> into tensor<16x16xf32>
    %cast_1 = tensor.cast %inserted_slice_0 : tensor<16x16xf32> to tensor<?x?xf32>
    return %inserted_slice, %cast_1 : tensor<16x16xf32>, tensor<?x?xf32>
  }
  func.func @slice_round_trips(%arg0: tensor<?x?xf32>, %arg1: tensor<2x?xf32>, %arg2: index, %arg3: index, %arg4: tensor<0x3xf32>) -> (tensor<?x?xf32>, tensor<2x?xf32>, tensor<?x?xf32>) {
    return %arg0, %arg1, %arg0 : tensor<?x?xf32>, tensor<2x?xf32>, tensor<?x?xf32>
  }
  func.func @casts_and_elements(%arg0: tensor<4xi32>, %arg1: tensor<*xi32>, %arg2: f32, %arg3: f32) -> (tensor<4xi32>, tensor<2x3xi32>, i32, f32, tensor<8xf32>) {
    %cst = arith.constant dense<1.500000e+00> : tensor<8xf32>
    %c1 = arith.constant 1 : index
    %cast = tensor.cast %arg1 : tensor<*xi32> to tensor<2x3xi32>
    %extracted = tensor.extract %arg0[%c1] : tensor<4xi32>
    return %arg0, %cast, %extracted, %arg3, %cst : tensor<4xi32>, tensor<2x3xi32>, i32, f32, tensor<8xf32>
  }
  func.func @generate_concat_reshape(%arg0: index, %arg1: f32, %arg2: tensor<?x3xf32>, %arg3: tensor<6x4xf32>, %arg4: tensor<1xindex>, %arg5: tensor<?xf32>) -> (tensor<?x?xf32>, tensor<2x3xf32>, tensor<6x4xf32>, tensor<?xf32>) {
    %generated = tensor.generate %arg0 {
    ^bb0(%arg6: index, %arg7: index):
      tensor.yield %arg1 : f32
    } : tensor<?x5xf32>
    %cast = tensor.cast %generated : tensor<?x5xf32> to tensor<?x?xf32>
    %cast_0 = tensor.cast %arg2 : tensor<?x3xf32> to tensor<2x3xf32>
    return %cast, %cast_0, %arg3, %arg5 : tensor<?x?xf32>, tensor<2x3xf32>, tensor<6x4xf32>, tensor<?xf32>
  }
  func.func @negative_constants(%arg0: memref<8xf32>, %arg1: tensor<2xf32>, %arg2: tensor<8xf32>) -> (memref<4xf32, strided<[?], offset: ?>>, tensor<8xf32>, tensor<8xf32>) {
    %c-1 = arith.constant -1 : index
    %subview = memref.subview %arg0[7] [4] [-2] : memref<8xf32> to memref<4xf32, strided<[-2], offset: 7>>
    %cast = memref.cast %subview : memref<4xf32, strided<[-2], offset: 7>> to memref<4xf32, strided<[?], offset: ?>>
    %inserted_slice = tensor.insert_slice %arg1 into %arg2[%c-1] [2] [1] : tensor<2xf32> into tensor<8xf32>
    %inserted_slice_0 = tensor.insert_slice %arg1 into %arg2[7] [2] [-1] : tensor<2xf32> into tensor<8xf32>
    return %cast, %inserted_slice, %inserted_slice_0 : memref<4xf32, strided<[?], offset: ?>>, tensor<8xf32>, tensor<8xf32>
  }
  func.func @gather_of_constants(%arg0: tensor<1x2x3xindex>, %arg1: tensor<2x1xi32>) -> (tensor<1x2x1x1x1xf32>, tensor<2x1x2xf32>) {
    %cst = arith.constant dense<[[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
    %cst_0 = arith.constant dense<1.000000e-01> : tensor<1x2x1x1x1xf32>
    %gather = tensor.gather %cst[%arg1] gather_dims([0]) : (tensor<2x2xf32>, tensor<2x1xi32>) -> tensor<2x1x2xf32>
    return %cst_0, %gather : tensor<1x2x1x1x1xf32>, tensor<2x1x2xf32>
  }
  func.func @extract_of_generate(%arg0: tensor<*xf32>, %arg1: index, %arg2: index) -> index {
    %dim = tensor.dim %arg0, %arg1 : tensor<*xf32>
    %dim_0 = tensor.dim %arg0, %arg2 : tensor<*xf32>
    %0 = arith.addi %dim, %dim_0 : index
    return %0 : index
  }
  func.func @transposes_and_space_casts(%arg0: memref<1x2x3xf32>, %arg1: memref<?xf32>) -> (memref<1x2x3xf32>, memref<3x2x1xf32, strided<[1, 3, 6]>>, memref<?xf32>, memref<?xf32, 2>) {
    %transpose = memref.transpose %arg0 (d0, d1, d2) -> (d2, d1, d0) : memref<1x2x3xf32> to memref<3x2x1xf32, strided<[1, 3, 6]>>
    %memspacecast = memref.memory_space_cast %arg1 : memref<?xf32> to memref<?xf32, 2>
    return %arg0, %transpose, %arg1, %memspacecast : memref<1x2x3xf32>, memref<3x2x1xf32, strided<[1, 3, 6]>>, memref<?xf32>, memref<?xf32, 2>
  }
  func.func @reinterpret_of_metadata(%arg0: memref<8x2xf32>, %arg1: memref<?x?xf32, strided<[?, ?], offset: ?>>) -> (memref<?x2xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<4x2x2xf32, strided<[?, ?, ?], offset: ?>>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %base_buffer, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %arg0 : memref<8x2xf32> -> memref<f32>, index, index, index, index, index
    %cast = memref.cast %arg0 : memref<8x2xf32> to memref<?x2xf32, strided<[?, ?], offset: ?>>
    %reinterpret_cast = memref.reinterpret_cast %base_buffer to offset: [%c0], sizes: [4, 2, 2], strides: [1, 1, %c1] : memref<f32> to memref<4x2x2xf32, strided<[?, ?, ?], offset: ?>>
    return %cast, %arg1, %reinterpret_cast : memref<?x2xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<4x2x2xf32, strided<[?, ?, ?], offset: ?>>
  }
  func.func @dim_reshape_rmw_realloc(%arg0: memref<*xf32>, %arg1: memref<?xi32>, %arg2: memref<4xf32>, %arg3: f32, %arg4: index, %arg5: memref<2xf32>, %arg6: memref<?xf32, strided<[1]>, 3>, %arg7: index) -> (index, f32, memref<2xf32>, memref<?xf32, 3>) {
    %c3 = arith.constant 3 : index
    %c7_i32 = arith.constant 7 : i32
    %0 = memref.load %arg1[%c3] : memref<?xi32>
    %1 = arith.index_cast %0 : i32 to index
    memref.store %c7_i32, %arg1[%c3] : memref<?xi32>
    %2 = memref.atomic_rmw addf %arg3, %arg2[%arg4] : (f32, memref<4xf32>) -> f32
    %cast = memref.cast %arg6 : memref<?xf32, strided<[1]>, 3> to memref<?xf32, 3>
    return %1, %2, %arg5, %cast : index, f32, memref<2xf32>, memref<?xf32, 3>
  }
  func.func @reshapes_that_do_not_undo(%arg0: tensor<?x?x?xf32>, %arg1: memref<?x?x?xf32>, %arg2: tensor<?x4x?xf32>, %arg3: index, %arg4: index, %arg5: index, %arg6: index) -> (tensor<?x?x?xf32>, memref<?x?x?xf32>, tensor<?x?x?xf32>, tensor<?x4x?xf32>) {
    %expanded = tensor.expand_shape %arg0 [[0, 1], [2], [3]] output_shape [%arg3, %arg4, %arg5, %arg6] : tensor<?x?x?xf32> into tensor<?x?x?x?xf32>
    %collapsed = tensor.collapse_shape %expanded [[0], [1], [2, 3]] : tensor<?x?x?x?xf32> into tensor<?x?x?xf32>
    %expand_shape = memref.expand_shape %arg1 [[0, 1], [2], [3]] output_shape [%arg3, %arg4, %arg5, %arg6] : memref<?x?x?xf32> into memref<?x?x?x?xf32>
    %collapse_shape = memref.collapse_shape %expand_shape [[0], [1], [2, 3]] : memref<?x?x?x?xf32> into memref<?x?x?xf32>
    %collapsed_0 = tensor.collapse_shape %arg0 [[0, 1], [2]] : tensor<?x?x?xf32> into tensor<?x?xf32>
    %expanded_1 = tensor.expand_shape %collapsed_0 [[0, 1], [2]] output_shape [%arg3, %arg4, %arg5] : tensor<?x?xf32> into tensor<?x?x?xf32>
    return %collapsed, %collapse_shape, %expanded_1, %arg2 : tensor<?x?x?xf32>, memref<?x?x?xf32>, tensor<?x?x?xf32>, tensor<?x4x?xf32>
  }
  func.func @collapse_of_cast_and_zero_dim(%arg0: tensor<8x12x32xf32>, %arg1: tensor<f32>, %arg2: tensor<4x6xf32>) -> (tensor<?x32xf32>, tensor<1x1x1xf32>, tensor<24xf32>) {
    %collapsed = tensor.collapse_shape %arg0 [[0, 1], [2]] : tensor<8x12x32xf32> into tensor<96x32xf32>
    %cast = tensor.cast %collapsed : tensor<96x32xf32> to tensor<?x32xf32>
    %expanded = tensor.expand_shape %arg1 [] output_shape [1, 1, 1] : tensor<f32> into tensor<1x1x1xf32>
    %collapsed_0 = tensor.collapse_shape %arg2 [[0, 1]] : tensor<4x6xf32> into tensor<24xf32>
    return %cast, %expanded, %collapsed_0 : tensor<?x32xf32>, tensor<1x1x1xf32>, tensor<24xf32>
  }
  func.func @dim_of_collapse(%arg0: tensor<?x64x1xf32>, %arg1: tensor<?x?x4xf32>, %arg2: tensor<?x1xf32>) -> (index, index, index) {
    %c1 = arith.constant 1 : index
    %c0 = arith.constant 0 : index
    %dim = tensor.dim %arg0, %c0 : tensor<?x64x1xf32>
    %0 = affine.apply #map()[%dim]
    %dim_0 = tensor.dim %arg1, %c0 : tensor<?x?x4xf32>
    %dim_1 = tensor.dim %arg1, %c1 : tensor<?x?x4xf32>
    %1 = affine.apply #map1()[%dim_0, %dim_1]
    %dim_2 = tensor.dim %arg2, %c0 : tensor<?x1xf32>
    return %0, %1, %dim_2 : index, index, index
  }
  func.func @no_compose_strided(%arg0: memref<?x?xf32, strided<[?, 1]>>, %arg1: index, %arg2: index) -> memref<?xf32, strided<[?]>> {
    %expand_shape = memref.expand_shape %arg0 [[0, 1], [2]] output_shape [%arg1, 4, %arg2] : memref<?x?xf32, strided<[?, 1]>> into memref<?x4x?xf32, strided<[?, ?, 1]>>
    %collapse_shape = memref.collapse_shape %expand_shape [[0, 1, 2]] : memref<?x4x?xf32, strided<[?, ?, 1]>> into memref<?xf32, strided<[?]>>
    return %collapse_shape : memref<?xf32, strided<[?]>>
  }
}

