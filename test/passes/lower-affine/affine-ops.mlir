func.func @f(%m: memref<10x10xf32>, %n: index) {
  affine.for %i = 0 to 10 {
    affine.for %j = max affine_map<(d0)[s0] -> (d0, s0)>(%i)[%n] to min affine_map<(d0) -> (d0 + 3, 10)>(%i) step 2 {
      %v = affine.load %m[%i floordiv 2, %j mod 3] : memref<10x10xf32>
      %w = affine.apply affine_map<(d0, d1) -> (d0 ceildiv 4 - d1 * 3)>(%i, %j)
      affine.if affine_set<(d0, d1) : (d0 - 2 >= 0, d1 == 0)>(%i, %j) {
        affine.store %v, %m[%i, %w] : memref<10x10xf32>
      }
    }
  }
  %r = affine.for %k = 0 to 4 iter_args(%acc = %n) -> index {
     %x = affine.min affine_map<(d0)[s0] -> (d0, s0 + 1)>(%k)[%acc]
     affine.yield %x : index
  }
  affine.parallel (%a, %b) = (0, 0) to (4, %n) {
     %v = affine.load %m[%a, %b] : memref<10x10xf32>
  }
  return
}
