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

// An extract reads through transposes keeping its dims in place (not moving them: %2) and
// through inserts: one at its position gives the inserted value, one at a prefix is read,
// a disjoint one is passed, an overlapping one stops it (%5, %6 after a transpose: %7).
func.func @extracts_through_chains(%a: vector<3x4x5x6xf32>, %v234: vector<2x3x4xf32>, %v34: vector<3x4xf32>, %v4: vector<4xf32>, %s: f32)
    -> (vector<6xf32>, vector<6xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<3x4xf32>, f32, vector<4xf32>) {
  %t0 = vector.transpose %a, [0, 2, 1, 3] : vector<3x4x5x6xf32> to vector<3x5x4x6xf32>
  %0 = vector.extract %t0[0, 1, 2] : vector<6xf32> from vector<3x5x4x6xf32>
  %t1 = vector.transpose %a, [1, 2, 0, 3] : vector<3x4x5x6xf32> to vector<4x5x3x6xf32>
  %1 = vector.extract %t1[0, 1, 2] : vector<6xf32> from vector<4x5x3x6xf32>
  %t2 = vector.transpose %a, [0, 2, 3, 1] : vector<3x4x5x6xf32> to vector<3x5x6x4xf32>
  %2 = vector.extract %t2[0, 1, 2] : vector<4xf32> from vector<3x5x6x4xf32>
  %i0 = vector.insert %v34, %v234[0] : vector<3x4xf32> into vector<2x3x4xf32>
  %i1 = vector.insert %v4, %i0[1, 1] : vector<4xf32> into vector<2x3x4xf32>
  %3 = vector.extract %i1[1, 1] : vector<4xf32> from vector<2x3x4xf32>
  %4 = vector.extract %i1[0, 2] : vector<4xf32> from vector<2x3x4xf32>
  %5 = vector.extract %i1[1] : vector<3x4xf32> from vector<2x3x4xf32>
  %i2 = vector.insert %s, %i1[1, 1, 3] : f32 into vector<2x3x4xf32>
  %6 = vector.extract %i2[1, 1, 2] : f32 from vector<2x3x4xf32>
  %tr = vector.transpose %i2, [1, 0, 2] : vector<2x3x4xf32> to vector<3x2x4xf32>
  %7 = vector.extract %tr[1, 0] : vector<4xf32> from vector<3x2x4xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : vector<6xf32>, vector<6xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<3x4xf32>, f32, vector<4xf32>
}

// An extract of a broadcast reads its source (at 0 in stretched dims), or is a broadcast of it
// when keeping as many dims (of a 0-d source, its extractelement); of a shape_cast, it reads the
// cast's source where its part is contiguous there; a dynamic position is left.
func.func @extracts_of_casts(%v: vector<4xf32>, %u: vector<2x1xf32>, %z: vector<f32>, %s: f32, %w: vector<5x1x3x2xf32>, %i: index)
    -> (f32, f32, vector<4xf32>, f32, vector<2x4xf32>, f32, vector<2xf32>, vector<3x2xf32>, f32, f32) {
  %b0 = vector.broadcast %v : vector<4xf32> to vector<1x2x4xf32>
  %0 = vector.extract %b0[0, 1, 2] : f32 from vector<1x2x4xf32>
  %b1 = vector.broadcast %u : vector<2x1xf32> to vector<3x2x4xf32>
  %1 = vector.extract %b1[2, 1, 3] : f32 from vector<3x2x4xf32>
  %b2 = vector.broadcast %s : f32 to vector<1x2x4xf32>
  %2 = vector.extract %b2[0, 1] : vector<4xf32> from vector<1x2x4xf32>
  %b3 = vector.broadcast %z : vector<f32> to vector<2x4xf32>
  %3 = vector.extract %b3[1, 2] : f32 from vector<2x4xf32>
  %b4 = vector.broadcast %u : vector<2x1xf32> to vector<2x3x2x4xf32>
  %4 = vector.extract %b4[1, 2] : vector<2x4xf32> from vector<2x3x2x4xf32>
  %5 = vector.extract %b2[%i, 1, 3] : f32 from vector<1x2x4xf32>
  %c = vector.shape_cast %w : vector<5x1x3x2xf32> to vector<15x2xf32>
  %6 = vector.extract %c[4, 1] : f32 from vector<15x2xf32>
  %7 = vector.extract %c[5] : vector<2xf32> from vector<15x2xf32>
  %c2 = vector.shape_cast %w : vector<5x1x3x2xf32> to vector<5x3x2xf32>
  %8 = vector.extract %c2[3] : vector<3x2xf32> from vector<5x3x2xf32>
  %9 = vector.extract %c[%i, 1] : f32 from vector<15x2xf32>
  return %0, %1, %2, %3, %4, %5, %7, %8, %6, %9 : f32, f32, vector<4xf32>, f32, vector<2x4xf32>, f32, vector<2xf32>, vector<3x2xf32>, f32, f32
}

// A shape_cast of its type or undone is the source; of a broadcast from its type, that source;
// of one adding leading dims to a shape ending its own, a broadcast; of one copying nothing, a shape_cast.
func.func @shape_casts(%v: vector<4xf32>, %w: vector<3xf32>, %s: f32, %u: vector<1x3xf32>)
    -> (vector<4xf32>, vector<4xf32>, vector<1xf32>, vector<8x3xf32>, vector<3xf32>, vector<3x1xf32>) {
  %0 = vector.shape_cast %v : vector<4xf32> to vector<4xf32>
  %c = vector.shape_cast %v : vector<4xf32> to vector<2x2xf32>
  %1 = vector.shape_cast %c : vector<2x2xf32> to vector<4xf32>
  %b = vector.broadcast %s : f32 to vector<1x1x1xf32>
  %2 = vector.shape_cast %b : vector<1x1x1xf32> to vector<1xf32>
  %b2 = vector.broadcast %w : vector<3xf32> to vector<2x4x3xf32>
  %3 = vector.shape_cast %b2 : vector<2x4x3xf32> to vector<8x3xf32>
  %b3 = vector.broadcast %u : vector<1x3xf32> to vector<1x1x3xf32>
  %4 = vector.shape_cast %b3 : vector<1x1x3xf32> to vector<3xf32>
  %5 = vector.shape_cast %b3 : vector<1x1x3xf32> to vector<3x1xf32>
  return %0, %1, %2, %3, %4, %5 : vector<4xf32>, vector<4xf32>, vector<1xf32>, vector<8x3xf32>, vector<3xf32>, vector<3x1xf32>
}

// A transfer dim at a constant index whose vector size fits a static size is in bounds; a
// dynamic size, a non-constant index or an overflow is not (nor a 0-d transfer).
func.func @transfers_in_bounds(%m: memref<?x8xf32>, %t: tensor<4x8xf32>, %z: memref<f32>, %i: index) -> (vector<4x8xf32>, vector<2x4xf32>, tensor<4x8xf32>, vector<f32>) {
  %c0 = arith.constant 0 : index
  %c5 = arith.constant 5 : index
  %f0 = arith.constant 0.0 : f32
  %0 = vector.transfer_read %m[%c0, %c0], %f0 : memref<?x8xf32>, vector<4x8xf32>
  vector.transfer_write %0, %m[%i, %c0] : vector<4x8xf32>, memref<?x8xf32>
  %1 = vector.transfer_read %t[%c0, %c5], %f0 : tensor<4x8xf32>, vector<2x4xf32>
  %2 = vector.transfer_read %t[%c0, %c5], %f0 {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : tensor<4x8xf32>, vector<3x4xf32>
  %3 = vector.transfer_write %2, %t[%c5, %c0] {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : vector<3x4xf32>, tensor<4x8xf32>
  %4 = vector.transfer_read %z[], %f0 : memref<f32>, vector<f32>
  return %0, %1, %3, %4 : vector<4x8xf32>, vector<2x4xf32>, tensor<4x8xf32>, vector<f32>
}

// A read of a tensor.cast from a more static type reads the cast's source (then in bounds).
func.func @read_of_cast(%t: tensor<4x8xf32>) -> vector<4x8xf32> {
  %c0 = arith.constant 0 : index
  %f0 = arith.constant 0.0 : f32
  %0 = tensor.cast %t : tensor<4x8xf32> to tensor<?x?xf32>
  %1 = vector.transfer_read %0[%c0, %c0], %f0 : tensor<?x?xf32>, vector<4x8xf32>
  return %1 : vector<4x8xf32>
}
