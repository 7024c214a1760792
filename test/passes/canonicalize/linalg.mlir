// linalg patterns of --canonicalize: identity generics, self copies, transposes, and fills
// read by reshapes, extracts, copies, transposes, pads and packs, static sizes inferred across
// a linalg op's operands; mlir-opt-19 --canonicalize gives
// linalg.expected.mlir.
#id = affine_map<(d0, d1) -> (d0, d1)>
#swap = affine_map<(d0, d1) -> (d1, d0)>
#id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>

// A generic of identity maps yielding its operands is them (cast to the result type); one of
// equal but transposing maps stays (MLIR 19); on buffers, only a copy onto itself goes.
func.func @identity_generics(%a: tensor<?x?xf32>, %b: tensor<4x4xf32>, %m: memref<4x4xf32>, %n: memref<4x4xf32>)
    -> (tensor<4x4xf32>, tensor<4x4xf32>, tensor<?x?xf32>) {
  %e = tensor.empty() : tensor<4x4xf32>
  %0:2 = linalg.generic {indexing_maps = [#id, #id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a, %b : tensor<?x?xf32>, tensor<4x4xf32>) outs(%e, %e : tensor<4x4xf32>, tensor<4x4xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32, %p: f32):
    linalg.yield %y, %x : f32, f32
  } -> (tensor<4x4xf32>, tensor<4x4xf32>)
  %1 = linalg.generic {indexing_maps = [#swap, #swap], iterator_types = ["parallel", "parallel"]}
      ins(%a : tensor<?x?xf32>) outs(%a : tensor<?x?xf32>) {
  ^bb0(%x: f32, %o: f32):
    linalg.yield %x : f32
  } -> tensor<?x?xf32>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%m : memref<4x4xf32>) outs(%m : memref<4x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    linalg.yield %x : f32
  }
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%m : memref<4x4xf32>) outs(%n : memref<4x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    linalg.yield %x : f32
  }
  return %0#0, %0#1, %1 : tensor<4x4xf32>, tensor<4x4xf32>, tensor<?x?xf32>
}

// A copy onto itself goes; a broadcast adding no dims is its input.
func.func @self_copy_and_plain_broadcast(%m: memref<?xf32>, %t: tensor<2x3xf32>, %i: tensor<2x3xf32>) -> tensor<2x3xf32> {
  linalg.copy ins(%m : memref<?xf32>) outs(%m : memref<?xf32>)
  %0 = linalg.broadcast ins(%t : tensor<2x3xf32>) outs(%i : tensor<2x3xf32>) dimensions = []
  return %0 : tensor<2x3xf32>
}

// Transposes: two are one (here not the identity, which on tensors is the input), and a
// transpose of a broadcast becomes a broadcast of a transpose. (mlir-opt-19 also erases an
// identity transpose of buffers, which copies; ours keeps it.)
func.func @transposes(%t: tensor<5x4x3xf32>, %i1: tensor<4x3x5xf32>, %i2: tensor<3x4x5xf32>,
    %s: tensor<?x5xf32>, %b1: tensor<?x3x5xf32>, %b2: tensor<5x?x3xf32>) -> (tensor<3x4x5xf32>, tensor<5x?x3xf32>) {
  %0 = linalg.transpose ins(%t : tensor<5x4x3xf32>) outs(%i1 : tensor<4x3x5xf32>) permutation = [1, 2, 0]
  %1 = linalg.transpose ins(%0 : tensor<4x3x5xf32>) outs(%i2 : tensor<3x4x5xf32>) permutation = [1, 0, 2]
  %2 = linalg.broadcast ins(%s : tensor<?x5xf32>) outs(%b1 : tensor<?x3x5xf32>) dimensions = [1]
  %3 = linalg.transpose ins(%2 : tensor<?x3x5xf32>) outs(%b2 : tensor<5x?x3xf32>) permutation = [2, 0, 1]
  return %1, %3 : tensor<3x4x5xf32>, tensor<5x?x3xf32>
}

// What reads a fill reads a fill of its own: reshapes, extract, copy (either way), transpose,
// and a pad by the fill's value to a static shape; a pad by another value stays.
func.func @fills(%v: f32, %w: f32, %e: tensor<2x3x4xf32>, %c: tensor<12x2xf32>, %i: index)
    -> (tensor<6x4xf32>, f32, tensor<12x2xf32>, tensor<4x3x2xf32>, tensor<4x5x6xf32>, tensor<4x5x6xf32>) {
  %f = linalg.fill ins(%v : f32) outs(%e : tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %0 = tensor.collapse_shape %f [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  %1 = tensor.extract %f[%i, %i, %i] : tensor<2x3x4xf32>
  %g = linalg.fill ins(%w : f32) outs(%c : tensor<12x2xf32>) -> tensor<12x2xf32>
  %x = tensor.collapse_shape %f [[0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
  %y = tensor.expand_shape %x [[0, 1]] output_shape [12, 2] : tensor<24xf32> into tensor<12x2xf32>
  %2 = linalg.copy ins(%y : tensor<12x2xf32>) outs(%g : tensor<12x2xf32>) -> tensor<12x2xf32>
  %t0 = tensor.empty() : tensor<4x3x2xf32>
  %3 = linalg.transpose ins(%f : tensor<2x3x4xf32>) outs(%t0 : tensor<4x3x2xf32>) permutation = [2, 1, 0]
  %p0 = tensor.empty() : tensor<2x3x4xf32>
  %pf = linalg.fill ins(%v : f32) outs(%p0 : tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %4 = tensor.pad %pf low[1, 1, 1] high[1, 1, 1] {
  ^bb0(%a: index, %b: index, %d: index):
    tensor.yield %v : f32
  } : tensor<2x3x4xf32> to tensor<4x5x6xf32>
  %5 = tensor.pad %pf low[1, 1, 1] high[1, 1, 1] {
  ^bb0(%a: index, %b: index, %d: index):
    tensor.yield %w : f32
  } : tensor<2x3x4xf32> to tensor<4x5x6xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<6x4xf32>, f32, tensor<12x2xf32>, tensor<4x3x2xf32>, tensor<4x5x6xf32>, tensor<4x5x6xf32>
}

// A cast of a linalg result to a more static type, in its block, makes the op compute that
// type (the init cast to it, the result cast back for other users); in a nested block it stays.
func.func private @use(%t: tensor<4x8x12x16xf32>)
func.func @cast_of_result(%a: tensor<?x?x?x?xf32>, %b: tensor<?x?x?x?xf32>, %c: tensor<?x?x?x?xf32>, %p: i1)
    -> (tensor<4x8x12x16xf32>, tensor<?x?x?x?xf32>) {
  %0 = linalg.conv_2d_nchw_fchw ins(%a, %b : tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>) outs(%c : tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %1 = tensor.cast %0 : tensor<?x?x?x?xf32> to tensor<4x8x12x16xf32>
  %2 = linalg.conv_2d_nchw_fchw ins(%a, %b : tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>) outs(%c : tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  scf.if %p {
    %3 = tensor.cast %2 : tensor<?x?x?x?xf32> to tensor<4x8x12x16xf32>
    func.call @use(%3) : (tensor<4x8x12x16xf32>) -> ()
  }
  return %1, %0 : tensor<4x8x12x16xf32>, tensor<?x?x?x?xf32>
}
// A pack of a fill is a fill of the pack's dest (FoldFillWithPack); a pad of a fill by its value
// to dynamic sizes fills an empty of the reified sizes (FoldFillWithPad).
func.func @fill_pack_and_pad(%d: tensor<8x?xf32>, %lo: index, %hi: index) -> (tensor<24x32x16x16xf32>, tensor<?x?xf32>) {
  %cst = arith.constant 0.000000e+00 : f32
  %dest = tensor.empty() : tensor<384x512xf32>
  %0 = tensor.empty() : tensor<24x32x16x16xf32>
  %1 = linalg.fill ins(%cst : f32) outs(%dest : tensor<384x512xf32>) -> tensor<384x512xf32>
  %pack = tensor.pack %1 inner_dims_pos = [0, 1] inner_tiles = [16, 16] into %0 : tensor<384x512xf32> -> tensor<24x32x16x16xf32>
  %f = linalg.fill ins(%cst : f32) outs(%d : tensor<8x?xf32>) -> tensor<8x?xf32>
  %pad = tensor.pad %f low[%lo, 1] high[2, %hi] {
  ^bb0(%i: index, %j: index):
    tensor.yield %cst : f32
  } : tensor<8x?xf32> to tensor<?x?xf32>
  return %pack, %pad : tensor<24x32x16x16xf32>, tensor<?x?xf32>
}
// Static sizes one operand has are given to the others (InferStaticShapeOfOperands).
func.func @infer_static_operands(%a: tensor<2x3x4xf32>, %b: tensor<?x?x?xf32>, %c: tensor<1x?x?xf32>, %n: index, %m: index, %k: index) -> (tensor<2x3x4xf32>, tensor<?x?x?xf32>) {
  %cb = tensor.cast %b : tensor<?x?x?xf32> to tensor<2x?x?xf32>
  %e = tensor.empty() : tensor<2x3x4xf32>
  %0 = linalg.generic {indexing_maps = [#id3, #id3, #id3], iterator_types = ["parallel", "parallel", "parallel"]} ins(%a, %cb : tensor<2x3x4xf32>, tensor<2x?x?xf32>) outs(%e : tensor<2x3x4xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<2x3x4xf32>
  %e2 = tensor.empty(%n, %m, %k) : tensor<?x?x?xf32>
  %1 = linalg.generic {indexing_maps = [#id3, #id3, #id3], iterator_types = ["parallel", "parallel", "parallel"]} ins(%b, %c : tensor<?x?x?xf32>, tensor<1x?x?xf32>) outs(%e2 : tensor<?x?x?xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.subf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<?x?x?xf32>
  return %0, %1 : tensor<2x3x4xf32>, tensor<?x?x?xf32>
}
