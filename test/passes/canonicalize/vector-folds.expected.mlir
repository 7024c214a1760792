#map = affine_map<(d0, d1, d2) -> (d0, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d2, d1)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1)>
module {
  func.func @extract_constants() -> (i32, vector<2xi32>, f32, vector<3xf32>, index) {
    %c10_i32 = arith.constant 10 : i32
    %cst = arith.constant dense<[8, 9]> : vector<2xi32>
    %cst_0 = arith.constant 2.500000e+00 : f32
    %cst_1 = arith.constant dense<2.500000e+00> : vector<3xf32>
    %c9 = arith.constant 9 : index
    return %c10_i32, %cst, %cst_0, %cst_1, %c9 : i32, vector<2xi32>, f32, vector<3xf32>, index
  }
  func.func @extract_splat_dynamic(%arg0: index) -> i64 {
    %c5_i64 = arith.constant 5 : i64
    return %c5_i64 : i64
  }
  func.func @insert_constants() -> (vector<2x3xi32>, vector<2x3xi32>, vector<4xi64>) {
    %cst = arith.constant dense<[[0, 1, 2], [3, 4, 99]]> : vector<2x3xi32>
    %cst_0 = arith.constant dense<[[90, 91, 92], [3, 4, 5]]> : vector<2x3xi32>
    %cst_1 = arith.constant dense<[0, 0, 0, 8589934592]> : vector<4xi64>
    return %cst, %cst_0, %cst_1 : vector<2x3xi32>, vector<2x3xi32>, vector<4xi64>
  }
  func.func @strided_constants() -> (vector<2x1x2xi32>, vector<1x2xi32>, vector<3x2xi32>, vector<2x3x2xi32>) {
    %cst = arith.constant dense<[[[6, 7]], [[10, 11]]]> : vector<2x1x2xi32>
    %cst_0 = arith.constant dense<[[4, 5]]> : vector<1x2xi32>
    %cst_1 = arith.constant dense<[[0, 1], [2, 3], [4, 9]]> : vector<3x2xi32>
    %cst_2 = arith.constant dense<[[[0, 0], [0, 0], [0, 0]], [[0, 0], [1, 2], [3, 4]]]> : vector<2x3x2xi32>
    return %cst, %cst_0, %cst_1, %cst_2 : vector<2x1x2xi32>, vector<1x2xi32>, vector<3x2xi32>, vector<2x3x2xi32>
  }
  func.func @elements_and_shuffles(%arg0: i32) -> (i32, vector<4xi32>, vector<4xi32>, i32, vector<5xi32>) {
    %cst = arith.constant dense<[11, 1, 10, 7, 3]> : vector<5xi32>
    %cst_0 = arith.constant dense<[1, 3, 5, 7]> : vector<4xi32>
    %c9_i32 = arith.constant 9 : i32
    %c-1_i32 = arith.constant -1 : i32
    %c5_i32 = arith.constant 5 : i32
    %cst_1 = arith.constant dense<[1, 3, 9, 7]> : vector<4xi32>
    %0 = vector.insertelement %c9_i32, %cst_0[%c-1_i32 : i32] : vector<4xi32>
    return %c5_i32, %cst_1, %0, %arg0, %cst : i32, vector<4xi32>, vector<4xi32>, i32, vector<5xi32>
  }
  func.func @shape_casts(%arg0: vector<16xf16>, %arg1: vector<1x1x64xf32>) -> (vector<4x4xf16>, vector<8x8xf32>, vector<3x4x2xi32>) {
    %cst = arith.constant dense<1> : vector<3x4x2xi32>
    %0 = vector.shape_cast %arg0 : vector<16xf16> to vector<4x4xf16>
    %1 = vector.shape_cast %arg1 : vector<1x1x64xf32> to vector<1x1x8x8xf32>
    %2 = vector.shape_cast %1 : vector<1x1x8x8xf32> to vector<8x8xf32>
    return %0, %2, %cst : vector<4x4xf16>, vector<8x8xf32>, vector<3x4x2xi32>
  }
  func.func @slices_of_broadcasts(%arg0: vector<4xf16>, %arg1: vector<1xf32>, %arg2: f32) -> (vector<2x4xf16>, vector<2x2xf16>, vector<1x4xf32>, vector<2x3xf32>) {
    %0 = vector.broadcast %arg0 : vector<4xf16> to vector<2x4xf16>
    %1 = vector.extract_strided_slice %arg0 {offsets = [1], sizes = [2], strides = [1]} : vector<4xf16> to vector<2xf16>
    %2 = vector.broadcast %1 : vector<2xf16> to vector<2x2xf16>
    %3 = vector.broadcast %arg1 : vector<1xf32> to vector<1x4xf32>
    %4 = vector.splat %arg2 : vector<2x3xf32>
    return %0, %2, %3, %4 : vector<2x4xf16>, vector<2x2xf16>, vector<1x4xf32>, vector<2x3xf32>
  }
  func.func @splats_and_transposes(%arg0: i32, %arg1: vector<1xf32>, %arg2: vector<8x16xf32>, %arg3: vector<4xf32>, %arg4: vector<1x1x4xf32>) -> (vector<2x4x3xi32>, vector<4xi32>, vector<1x8xf32>, vector<3x2xi32>, vector<8x16xf32>, vector<8x16xf32>, vector<1x1x4xf32>) {
    %0 = vector.splat %arg0 : vector<2x4x3xi32>
    %1 = vector.splat %arg0 : vector<4xi32>
    %2 = vector.broadcast %arg1 : vector<1xf32> to vector<1x8xf32>
    %3 = vector.splat %arg0 : vector<3x2xi32>
    %4 = vector.extract_strided_slice %arg2 {offsets = [2, 8], sizes = [2, 4], strides = [1, 1]} : vector<8x16xf32> to vector<2x4xf32>
    %5 = vector.insert_strided_slice %4, %arg2 {offsets = [4, 8], strides = [1, 1]} : vector<2x4xf32> into vector<8x16xf32>
    %6 = vector.broadcast %arg3 : vector<4xf32> to vector<1x1x4xf32>
    return %0, %1, %2, %3, %arg2, %5, %6 : vector<2x4x3xi32>, vector<4xi32>, vector<1x8xf32>, vector<3x2xi32>, vector<8x16xf32>, vector<8x16xf32>, vector<1x1x4xf32>
  }
  func.func @through_slices(%arg0: vector<32x16x4xf16>, %arg1: vector<6x4xf32>, %arg2: vector<8x16xf32>, %arg3: vector<4xf32>, %arg4: vector<2x16xf32>, %arg5: vector<12x8x16xf32>) -> (vector<4xf16>, f32, f32, vector<16xf32>, f32) {
    %0 = vector.extract %arg0[9, 7] : vector<4xf16> from vector<32x16x4xf16>
    %1 = vector.insert_strided_slice %arg1, %arg2 {offsets = [2, 2], strides = [1, 1]} : vector<6x4xf32> into vector<8x16xf32>
    %2 = vector.extract %arg1[1, 3] : f32 from vector<6x4xf32>
    %3 = vector.extract %arg3[2] : f32 from vector<4xf32>
    %4 = vector.extract %arg4[1] : vector<16xf32> from vector<2x16xf32>
    %5 = vector.extract %1[1, 3] : f32 from vector<8x16xf32>
    return %0, %2, %3, %4, %5 : vector<4xf16>, f32, f32, vector<16xf32>, f32
  }
  func.func @slices_of_inserted_slices(%arg0: vector<2x8xf32>, %arg1: vector<1x4xf32>, %arg2: vector<1x4xf32>, %arg3: vector<6x4xf32>, %arg4: vector<8x16xf32>) -> (vector<1x2xf32>, vector<4x4xf32>, vector<6x4xf32>) {
    %0 = vector.extract_strided_slice %arg1 {offsets = [0, 1], sizes = [1, 2], strides = [1, 1]} : vector<1x4xf32> to vector<1x2xf32>
    %1 = vector.insert_strided_slice %arg3, %arg4 {offsets = [2, 2], strides = [1, 1]} : vector<6x4xf32> into vector<8x16xf32>
    %2 = vector.extract_strided_slice %arg3 {offsets = [1, 0], sizes = [4, 4], strides = [1, 1]} : vector<6x4xf32> to vector<4x4xf32>
    %3 = vector.extract_strided_slice %1 {offsets = [2, 4], sizes = [6, 4], strides = [1, 1]} : vector<8x16xf32> to vector<6x4xf32>
    return %0, %2, %3 : vector<1x2xf32>, vector<4x4xf32>, vector<6x4xf32>
  }
  func.func @one_element_reductions(%arg0: vector<1xf32>, %arg1: f32, %arg2: vector<1xi32>, %arg3: i32, %arg4: vector<f32>, %arg5: vector<4xf32>) -> (f32, f32, i32, i32, f32, f32, f32) {
    %0 = vector.extract %arg0[0] : f32 from vector<1xf32>
    %1 = vector.extract %arg0[0] : f32 from vector<1xf32>
    %2 = arith.maxnumf %1, %arg1 fastmath<nnan> : f32
    %3 = vector.extract %arg2[0] : i32 from vector<1xi32>
    %4 = arith.xori %3, %arg3 : i32
    %5 = vector.extract %arg2[0] : i32 from vector<1xi32>
    %6 = vector.extractelement %arg4[] : vector<f32>
    %7 = arith.mulf %6, %arg1 : f32
    %8 = vector.reduction <add>, %arg5, %arg1 : vector<4xf32> into f32
    %9 = vector.extractelement %arg4[] : vector<f32>
    return %0, %2, %4, %5, %7, %8, %9 : f32, f32, i32, i32, f32, f32, f32
  }
  func.func @unit_dim_multi_reductions(%arg0: vector<5x1x4x1x20xf32>, %arg1: vector<5x4x20xf32>, %arg2: vector<1x1x1xi32>, %arg3: i32, %arg4: vector<5x1x4xf32>, %arg5: vector<5x4xf32>, %arg6: vector<4xf32>) -> (vector<5x4x20xf32>, i32, vector<4xf32>) {
    %0 = vector.shape_cast %arg0 : vector<5x1x4x1x20xf32> to vector<5x4x20xf32>
    %1 = arith.mulf %arg1, %0 : vector<5x4x20xf32>
    %2 = vector.extract %arg2[0, 0, 0] : i32 from vector<1x1x1xi32>
    %3 = arith.maxsi %arg3, %2 : i32
    %4 = vector.shape_cast %arg4 : vector<5x1x4xf32> to vector<5x4xf32>
    %5 = arith.addf %arg5, %4 : vector<5x4xf32>
    %6 = vector.multi_reduction <add>, %5, %arg6 [0] : vector<5x4xf32> to vector<4xf32>
    return %1, %3, %6 : vector<5x4x20xf32>, i32, vector<4xf32>
  }
  func.func @tensor_transfers(%arg0: tensor<4x4xf32>, %arg1: tensor<4x4xf32>, %arg2: vector<1x4xf32>, %arg3: vector<1x4xf32>, %arg4: index, %arg5: memref<4x4xf32>) -> (vector<1x4xf32>, vector<1x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %cst = arith.constant 0.000000e+00 : f32
    %0 = vector.transfer_write %arg2, %arg0[%c1, %c0] {in_bounds = [true, true]} : vector<1x4xf32>, tensor<4x4xf32>
    %1 = vector.transfer_write %arg3, %0[%c2, %c0] {in_bounds = [true, true]} : vector<1x4xf32>, tensor<4x4xf32>
    %2 = vector.transfer_write %arg3, %0[%arg4, %c0] {in_bounds = [true, true]} : vector<1x4xf32>, tensor<4x4xf32>
    %3 = vector.transfer_read %2[%c1, %c0], %cst {in_bounds = [true, true]} : tensor<4x4xf32>, vector<1x4xf32>
    %4 = vector.transfer_write %arg2, %arg0[%c2, %c0] {in_bounds = [true, true]} : vector<1x4xf32>, tensor<4x4xf32>
    %5 = vector.transfer_write %arg3, %4[%c1, %c0] {in_bounds = [true, true]} : vector<1x4xf32>, tensor<4x4xf32>
    vector.transfer_write %arg2, %arg5[%c0, %c0] {in_bounds = [true, true]} : vector<1x4xf32>, memref<4x4xf32>
    return %arg2, %3, %arg0, %arg1, %5, %1 : vector<1x4xf32>, vector<1x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>
  }
  func.func @bitcast_splats() -> (vector<4xf32>, vector<4xi32>, vector<2xi64>, vector<8xi16>, vector<4xf32>, vector<2xi32>) {
    %cst = arith.constant dense<[1, 2, 3, 4]> : vector<4xi16>
    %cst_0 = arith.constant dense<2.000000e+00> : vector<8xbf16>
    %cst_1 = arith.constant dense<7> : vector<4xi32>
    %cst_2 = arith.constant dense<-0.125724792> : vector<4xf32>
    %cst_3 = arith.constant dense<-1> : vector<4xi32>
    %cst_4 = arith.constant dense<-6148914691236517206> : vector<2xi64>
    %0 = vector.bitcast %cst_1 : vector<4xi32> to vector<8xi16>
    %1 = vector.bitcast %cst_0 : vector<8xbf16> to vector<4xf32>
    %2 = vector.bitcast %cst : vector<4xi16> to vector<2xi32>
    return %cst_2, %cst_3, %cst_4, %0, %1, %2 : vector<4xf32>, vector<4xi32>, vector<2xi64>, vector<8xi16>, vector<4xf32>, vector<2xi32>
  }
  func.func @contract_adds(%arg0: vector<2x3xf32>, %arg1: vector<3x4xf32>, %arg2: vector<2x4xf32>, %arg3: vector<2x3xi8>, %arg4: vector<3x4xi8>, %arg5: vector<2x4xi8>) -> (vector<2x4xf32>, vector<2x4xi8>, vector<2x4xf32>) {
    %cst = arith.constant dense<-0.000000e+00> : vector<2x4xf32>
    %0 = vector.contract {indexing_maps = [#map, #map1, #map2], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %arg0, %arg1, %arg2 : vector<2x3xf32>, vector<3x4xf32> into vector<2x4xf32>
    %1 = vector.contract {indexing_maps = [#map, #map1, #map2], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %arg3, %arg4, %arg5 : vector<2x3xi8>, vector<3x4xi8> into vector<2x4xi8>
    %2 = vector.contract {indexing_maps = [#map, #map1, #map2], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %arg0, %arg1, %cst : vector<2x3xf32>, vector<3x4xf32> into vector<2x4xf32>
    %3 = arith.addf %2, %arg2 : vector<2x4xf32>
    return %0, %1, %3 : vector<2x4xf32>, vector<2x4xi8>, vector<2x4xf32>
  }
}

