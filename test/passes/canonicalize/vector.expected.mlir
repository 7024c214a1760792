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
}

