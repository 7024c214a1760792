// affine.parallel with reductions, affine.if with results and an else branch, symbols in maps.
func.func @r(%m: memref<4x4xf32>, %n: index) -> (f32, f32, index) {
  %s:2 = affine.parallel (%i, %j) = (0, 0) to (4, symbol(%n)) reduce ("addf", "maximumf") -> (f32, f32) {
    %v = affine.load %m[%i, %j] : memref<4x4xf32>
    affine.yield %v, %v : f32, f32
  }
  %k = affine.if affine_set<(d0)[s0] : (s0 - d0 - 1 >= 0, d0 mod 2 == 0)>(%n)[%n] -> index {
    %a = affine.apply affine_map<(d0)[s0] -> (d0 * 3 + s0 floordiv 2)>(%n)[%n]
    affine.yield %a : index
  } else {
    %b = affine.max affine_map<(d0) -> (d0 - 2, 0, 7 - d0)>(%n)
    affine.yield %b : index
  }
  return %s#0, %s#1, %k : f32, f32, index
}
