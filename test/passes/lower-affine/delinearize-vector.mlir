// affine.delinearize_index (constant basis) and affine.vector_load/store.
func.func @d(%x: index, %m: memref<16xf32>, %i: index) -> (index, index, index, vector<4xf32>) {
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %r:3 = affine.delinearize_index %x into (%c3, %c5, %c3) : index, index, index
  %v = affine.vector_load %m[%i * 4] : memref<16xf32>, vector<4xf32>
  affine.vector_store %v, %m[%i + 1] : memref<16xf32>, vector<4xf32>
  return %r#0, %r#1, %r#2, %v : index, index, index, vector<4xf32>
}
