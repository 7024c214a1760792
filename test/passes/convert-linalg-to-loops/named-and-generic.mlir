#id = affine_map<(d0, d1) -> (d0, d1)>
#tr = affine_map<(d0, d1) -> (d1, d0)>
func.func @g(%a: memref<4x?xf32>, %b: memref<?x4xf32>, %c: memref<4x4xf32>, %s: f32) {
  linalg.fill ins(%s : f32) outs(%c : memref<4x4xf32>)
  linalg.matmul ins(%a, %b : memref<4x?xf32>, memref<?x4xf32>) outs(%c : memref<4x4xf32>)
  linalg.generic {indexing_maps = [#tr, #id], iterator_types = ["parallel", "parallel"]} ins(%c : memref<4x4xf32>) outs(%c : memref<4x4xf32>) {
  ^bb0(%x: f32, %y: f32):
    %z = arith.addf %x, %y : f32
    linalg.yield %z : f32
  }
  linalg.transpose ins(%c : memref<4x4xf32>) outs(%c : memref<4x4xf32>) permutation = [1, 0]
  linalg.add ins(%c, %c : memref<4x4xf32>, memref<4x4xf32>) outs(%c : memref<4x4xf32>)
  return
}
