// linalg.index in the body, a reduction over a dynamic dimension, an i32 elementwise named op.
#in = affine_map<(d0, d1) -> (d0, d1)>
#out = affine_map<(d0, d1) -> (d0)>
func.func @rowsum(%a: memref<?x8xf32>, %r: memref<?xf32>) {
  linalg.generic {indexing_maps = [#in, #out], iterator_types = ["parallel", "reduction"]}
      ins(%a : memref<?x8xf32>) outs(%r : memref<?xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i32
    %jf = arith.sitofp %ji : i32 to f32
    %w = arith.mulf %x, %jf : f32
    %s = arith.addf %acc, %w : f32
    linalg.yield %s : f32
  }
  return
}
func.func @imul(%a: memref<3xi32>, %b: memref<3xi32>, %c: memref<3xi32>) {
  linalg.mul ins(%a, %b : memref<3xi32>, memref<3xi32>) outs(%c : memref<3xi32>)
  return
}
