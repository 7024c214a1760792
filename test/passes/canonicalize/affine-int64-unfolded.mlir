func.func @f(%i: index, %m: memref<?xf32>, %v: f32) -> (index, index, index, index) {
  %c5 = arith.constant 5 : index
  %min = arith.constant -9223372036854775808 : index
  %neg1 = arith.constant -1 : index
  %big = arith.constant 3074457345618258602 : index
  %0 = affine.apply affine_map<()[s0] -> (s0 floordiv 0)>()[%c5]
  %1 = affine.apply affine_map<()[s0] -> (s0 mod -2)>()[%c5]
  %2 = affine.apply affine_map<()[s0, s1] -> (s0 floordiv s1)>()[%min, %neg1]
  %3 = affine.apply affine_map<(d0) -> ((d0 + 4611686018427387) * 2000 + 4611686018427387)>(%i)
  affine.for %k = 0 to affine_map<()[s0] -> (s0 * 3 + 1)>()[%big] {
    affine.store %v, %m[%k] : memref<?xf32>
  }
  return %0, %1, %2, %3 : index, index, index, index
}
