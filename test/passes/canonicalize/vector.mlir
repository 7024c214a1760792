// vector patterns of --canonicalize: transposes, masks and strided slices; mlir-opt-19
// --canonicalize gives vector.expected.mlir.

// The identity transpose is its input; two transposes are one; a splat constant's is a splat.
func.func @transposes(%v: vector<4x3x2xf32>) -> (vector<4x3x2xf32>, vector<2x3x4xf32>, vector<3x2xf32>) {
  %0 = vector.transpose %v, [0, 1, 2] : vector<4x3x2xf32> to vector<4x3x2xf32>
  %1 = vector.transpose %v, [1, 2, 0] : vector<4x3x2xf32> to vector<3x2x4xf32>
  %2 = vector.transpose %1, [1, 0, 2] : vector<3x2x4xf32> to vector<2x3x4xf32>
  %c = arith.constant dense<1.5> : vector<2x3xf32>
  %3 = vector.transpose %c, [1, 0] : vector<2x3xf32> to vector<3x2xf32>
  return %0, %2, %3 : vector<4x3x2xf32>, vector<2x3x4xf32>, vector<3x2xf32>
}

// A create_mask of constants is a constant_mask, clamped to the shape, all 0 once a size is;
// of a scalable vector only when all 0.
func.func @masks(%n: index) -> (vector<4x3xi1>, vector<4x3xi1>, vector<[8]xi1>, vector<[8]xi1>, vector<4xi1>) {
  %c2 = arith.constant 2 : index
  %c9 = arith.constant 9 : index
  %cm1 = arith.constant -1 : index
  %0 = vector.create_mask %c9, %c2 : vector<4x3xi1>
  %1 = vector.create_mask %c2, %cm1 : vector<4x3xi1>
  %2 = vector.create_mask %cm1 : vector<[8]xi1>
  %3 = vector.create_mask %c2 : vector<[8]xi1>
  %4 = vector.create_mask %n : vector<4xi1>
  return %0, %1, %2, %3, %4 : vector<4x3xi1>, vector<4x3xi1>, vector<[8]xi1>, vector<[8]xi1>, vector<4xi1>
}

// A strided slice of all of a vector is it; a unit-stride one of a constant_mask is a constant_mask.
func.func @slices(%v: vector<4x3xf32>) -> (vector<4x3xf32>, vector<2x2xi1>, vector<2x1xi1>) {
  %0 = vector.extract_strided_slice %v {offsets = [0, 0], sizes = [4, 3], strides = [1, 1]} : vector<4x3xf32> to vector<4x3xf32>
  %m = vector.constant_mask [3, 2] : vector<4x3xi1>
  %1 = vector.extract_strided_slice %m {offsets = [1, 1], sizes = [2, 2], strides = [1, 1]} : vector<4x3xi1> to vector<2x2xi1>
  %2 = vector.extract_strided_slice %m {offsets = [0, 2], sizes = [2, 1], strides = [1, 1]} : vector<4x3xi1> to vector<2x1xi1>
  return %0, %1, %2 : vector<4x3xf32>, vector<2x2xi1>, vector<2x1xi1>
}

// Bitcasts: of its own type, or undone, the source; two are one. An extract of an extract
// reads the source at the joined position; a broadcast of a broadcast (or of a splat constant) is one.
func.func @casts_extracts_broadcasts(%v: vector<4xi32>, %a: vector<3x4x5xf32>, %s: f32)
    -> (vector<4xi32>, vector<4xi32>, vector<16xi8>, f32, vector<2x3x4xf32>, vector<2x4xi32>) {
  %0 = vector.bitcast %v : vector<4xi32> to vector<4xi32>
  %1 = vector.bitcast %v : vector<4xi32> to vector<8xi16>
  %2 = vector.bitcast %1 : vector<8xi16> to vector<4xi32>
  %3 = vector.bitcast %1 : vector<8xi16> to vector<16xi8>
  %e0 = vector.extract %a[2] : vector<4x5xf32> from vector<3x4x5xf32>
  %e1 = vector.extract %e0[1] : vector<5xf32> from vector<4x5xf32>
  %4 = vector.extract %e1[3] : f32 from vector<5xf32>
  %b0 = vector.broadcast %s : f32 to vector<4xf32>
  %5 = vector.broadcast %b0 : vector<4xf32> to vector<2x3x4xf32>
  %c = arith.constant dense<7> : vector<4xi32>
  %6 = vector.broadcast %c : vector<4xi32> to vector<2x4xi32>
  return %0, %2, %3, %4, %5, %6 : vector<4xi32>, vector<4xi32>, vector<16xi8>, f32, vector<2x3x4xf32>, vector<2x4xi32>
}
