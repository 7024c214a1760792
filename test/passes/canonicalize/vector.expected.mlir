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
}

