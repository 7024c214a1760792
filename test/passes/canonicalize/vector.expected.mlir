#map = affine_map<(d0, d1) -> (d1, d0)>
module {
  func.func @transposes(%arg0: vector<4x3x2xf32>) -> (vector<4x3x2xf32>, vector<2x3x4xf32>, vector<3x2xf32>) {
    %cst = arith.constant dense<1.500000e+00> : vector<3x2xf32>
    %0 = vector.transpose %arg0, [2, 1, 0] : vector<4x3x2xf32> to vector<2x3x4xf32>
    return %arg0, %0, %cst : vector<4x3x2xf32>, vector<2x3x4xf32>, vector<3x2xf32>
  }
  func.func @masks(%arg0: index) -> (vector<4x3xi1>, vector<4x3xi1>, vector<[8]xi1>, vector<[8]xi1>, vector<4xi1>) {
    %c2 = arith.constant 2 : index
    %0 = vector.constant_mask [4, 2] : vector<4x3xi1>
    %1 = vector.constant_mask [0, 0] : vector<4x3xi1>
    %2 = vector.constant_mask [0] : vector<[8]xi1>
    %3 = vector.create_mask %c2 : vector<[8]xi1>
    %4 = vector.create_mask %arg0 : vector<4xi1>
    return %0, %1, %2, %3, %4 : vector<4x3xi1>, vector<4x3xi1>, vector<[8]xi1>, vector<[8]xi1>, vector<4xi1>
  }
  func.func @slices(%arg0: vector<4x3xf32>) -> (vector<4x3xf32>, vector<2x2xi1>, vector<2x1xi1>) {
    %0 = vector.constant_mask [2, 1] : vector<2x2xi1>
    %1 = vector.constant_mask [0, 0] : vector<2x1xi1>
    return %arg0, %0, %1 : vector<4x3xf32>, vector<2x2xi1>, vector<2x1xi1>
  }
  func.func @casts_extracts_broadcasts(%arg0: vector<4xi32>, %arg1: vector<3x4x5xf32>, %arg2: f32) -> (vector<4xi32>, vector<4xi32>, vector<16xi8>, f32, vector<2x3x4xf32>, vector<2x4xi32>) {
    %cst = arith.constant dense<7> : vector<2x4xi32>
    %0 = vector.bitcast %arg0 : vector<4xi32> to vector<16xi8>
    %1 = vector.extract %arg1[2, 1, 3] : f32 from vector<3x4x5xf32>
    %2 = vector.broadcast %arg2 : f32 to vector<2x3x4xf32>
    return %arg0, %arg0, %0, %1, %2, %cst : vector<4xi32>, vector<4xi32>, vector<16xi8>, f32, vector<2x3x4xf32>, vector<2x4xi32>
  }
  func.func @extracts_through_chains(%arg0: vector<3x4x5x6xf32>, %arg1: vector<2x3x4xf32>, %arg2: vector<3x4xf32>, %arg3: vector<4xf32>, %arg4: f32) -> (vector<6xf32>, vector<6xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<3x4xf32>, f32, vector<4xf32>) {
    %0 = vector.extract %arg0[0, 2, 1] : vector<6xf32> from vector<3x4x5x6xf32>
    %1 = vector.extract %arg0[2, 0, 1] : vector<6xf32> from vector<3x4x5x6xf32>
    %2 = vector.transpose %arg0, [0, 2, 3, 1] : vector<3x4x5x6xf32> to vector<3x5x6x4xf32>
    %3 = vector.extract %2[0, 1, 2] : vector<4xf32> from vector<3x5x6x4xf32>
    %4 = vector.insert %arg2, %arg1 [0] : vector<3x4xf32> into vector<2x3x4xf32>
    %5 = vector.insert %arg3, %4 [1, 1] : vector<4xf32> into vector<2x3x4xf32>
    %6 = vector.extract %arg2[2] : vector<4xf32> from vector<3x4xf32>
    %7 = vector.extract %5[1] : vector<3x4xf32> from vector<2x3x4xf32>
    %8 = vector.extract %arg3[2] : f32 from vector<4xf32>
    %9 = vector.extract %arg2[1] : vector<4xf32> from vector<3x4xf32>
    return %0, %1, %3, %arg3, %6, %7, %8, %9 : vector<6xf32>, vector<6xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<3x4xf32>, f32, vector<4xf32>
  }
  func.func @extracts_of_casts(%arg0: vector<4xf32>, %arg1: vector<2x1xf32>, %arg2: vector<f32>, %arg3: f32, %arg4: vector<5x1x3x2xf32>, %arg5: index) -> (f32, f32, vector<4xf32>, f32, vector<2x4xf32>, f32, vector<2xf32>, vector<3x2xf32>, f32, f32) {
    %0 = vector.extract %arg0[2] : f32 from vector<4xf32>
    %1 = vector.extract %arg1[1, 0] : f32 from vector<2x1xf32>
    %2 = vector.broadcast %arg3 : f32 to vector<1x2x4xf32>
    %3 = vector.broadcast %arg3 : f32 to vector<4xf32>
    %4 = vector.extractelement %arg2[] : vector<f32>
    %5 = vector.broadcast %arg1 : vector<2x1xf32> to vector<2x4xf32>
    %6 = vector.extract %2[%arg5, 1, 3] : f32 from vector<1x2x4xf32>
    %7 = vector.shape_cast %arg4 : vector<5x1x3x2xf32> to vector<15x2xf32>
    %8 = vector.extract %arg4[1, 0, 1, 1] : f32 from vector<5x1x3x2xf32>
    %9 = vector.extract %arg4[1, 0, 2] : vector<2xf32> from vector<5x1x3x2xf32>
    %10 = vector.extract %arg4[3, 0] : vector<3x2xf32> from vector<5x1x3x2xf32>
    %11 = vector.extract %7[%arg5, 1] : f32 from vector<15x2xf32>
    return %0, %1, %3, %4, %5, %6, %9, %10, %8, %11 : f32, f32, vector<4xf32>, f32, vector<2x4xf32>, f32, vector<2xf32>, vector<3x2xf32>, f32, f32
  }
  func.func @shape_casts(%arg0: vector<4xf32>, %arg1: vector<3xf32>, %arg2: f32, %arg3: vector<1x3xf32>) -> (vector<4xf32>, vector<4xf32>, vector<1xf32>, vector<8x3xf32>, vector<3xf32>, vector<3x1xf32>) {
    %0 = vector.broadcast %arg2 : f32 to vector<1xf32>
    %1 = vector.broadcast %arg1 : vector<3xf32> to vector<8x3xf32>
    %2 = vector.shape_cast %arg3 : vector<1x3xf32> to vector<3xf32>
    %3 = vector.shape_cast %arg3 : vector<1x3xf32> to vector<3x1xf32>
    return %arg0, %arg0, %0, %1, %2, %3 : vector<4xf32>, vector<4xf32>, vector<1xf32>, vector<8x3xf32>, vector<3xf32>, vector<3x1xf32>
  }
  func.func @transfers_in_bounds(%arg0: memref<?x8xf32>, %arg1: tensor<4x8xf32>, %arg2: memref<f32>, %arg3: index) -> (vector<4x8xf32>, vector<2x4xf32>, tensor<4x8xf32>, vector<f32>) {
    %c0 = arith.constant 0 : index
    %c5 = arith.constant 5 : index
    %cst = arith.constant 0.000000e+00 : f32
    %0 = vector.transfer_read %arg0[%c0, %c0], %cst {in_bounds = [false, true]} : memref<?x8xf32>, vector<4x8xf32>
    vector.transfer_write %0, %arg0[%arg3, %c0] {in_bounds = [false, true]} : vector<4x8xf32>, memref<?x8xf32>
    %1 = vector.transfer_read %arg1[%c0, %c5], %cst {in_bounds = [true, false]} : tensor<4x8xf32>, vector<2x4xf32>
    %2 = vector.transfer_read %arg1[%c0, %c5], %cst {in_bounds = [true, true], permutation_map = #map} : tensor<4x8xf32>, vector<3x4xf32>
    %3 = vector.transfer_write %2, %arg1[%c5, %c0] {in_bounds = [true, false], permutation_map = #map} : vector<3x4xf32>, tensor<4x8xf32>
    %4 = vector.transfer_read %arg2[], %cst : memref<f32>, vector<f32>
    return %0, %1, %3, %4 : vector<4x8xf32>, vector<2x4xf32>, tensor<4x8xf32>, vector<f32>
  }
  func.func @read_of_cast(%arg0: tensor<4x8xf32>) -> vector<4x8xf32> {
    %c0 = arith.constant 0 : index
    %cst = arith.constant 0.000000e+00 : f32
    %0 = vector.transfer_read %arg0[%c0, %c0], %cst {in_bounds = [true, true]} : tensor<4x8xf32>, vector<4x8xf32>
    return %0 : vector<4x8xf32>
  }
}

