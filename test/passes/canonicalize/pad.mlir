// tensor.pad patterns of --canonicalize, in MLIR 19's order; mlir-opt-19 --canonicalize gives
// pad.expected.mlir.

// No padding at all, statically: the source (same type), or a cast of it; nofold keeps the pad.
func.func @no_padding(%t: tensor<5x6xf32>, %u: tensor<?x?xf32>, %v: f32) -> (tensor<5x6xf32>, tensor<2x3xf32>, tensor<5x6xf32>) {
  %c0 = arith.constant 0 : index
  %0 = tensor.pad %t low[0, 0] high[%c0, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<5x6xf32> to tensor<5x6xf32>
  %1 = tensor.pad %u low[%c0, 0] high[0, %c0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<?x?xf32> to tensor<2x3xf32>
  %2 = tensor.pad %t nofold low[0, 0] high[0, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<5x6xf32> to tensor<5x6xf32>
  return %0, %1, %2 : tensor<5x6xf32>, tensor<2x3xf32>, tensor<5x6xf32>
}

// A pad of the same static type whose padding is not known to be 0 is its source all the same.
func.func @same_static_type(%t: tensor<5x6xf32>, %a: index, %v: f32) -> tensor<5x6xf32> {
  %0 = tensor.pad %t low[%a, 0] high[0, %a] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<5x6xf32> to tensor<5x6xf32>
  return %0 : tensor<5x6xf32>
}

// A cast that only forgets sizes is looked through: in place when the result type stays, else
// the pad gets the more static type and is cast back.
func.func @pad_of_cast(%t: tensor<8x?xf32>, %u: tensor<4x16xf32>, %s: index, %v: f32) -> (tensor<8x32xf32>, tensor<?x?xf32>) {
  %0 = tensor.cast %t : tensor<8x?xf32> to tensor<?x?xf32>
  %1 = tensor.pad %0 low[0, 0] high[0, %s] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<?x?xf32> to tensor<8x32xf32>
  %2 = tensor.cast %u : tensor<4x16xf32> to tensor<?x?xf32>
  %3 = tensor.pad %2 low[1, %s] high[1, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<?x?xf32> to tensor<?x?xf32>
  return %1, %3 : tensor<8x32xf32>, tensor<?x?xf32>
}

// A pad's only use, a cast to a more static type, is taken into the pad.
func.func @cast_of_pad(%t: tensor<?x?xf32>, %p: index, %v: f32) -> tensor<32x32xf32> {
  %0 = tensor.pad %t low[%p, %p] high[0, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<?x?xf32> to tensor<?x?xf32>
  %1 = tensor.cast %0 : tensor<?x?xf32> to tensor<32x32xf32>
  return %1 : tensor<32x32xf32>
}

// Constant padding of a static source size makes the result size static (cast back).
func.func @static_padding(%t: tensor<?x64xf32>, %v: f32) -> tensor<?x?xf32> {
  %c4 = arith.constant 4 : index
  %0 = tensor.pad %t low[1, %c4] high[1, %c4] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<?x64xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// Two slice-and-pad steps padding different dims with the same constant are one; a different
// padding value keeps them apart.
func.func @orthogonal_pads(%t: tensor<64x64xf32>, %s0: index, %s1: index, %p0: index, %p1: index) -> (tensor<8x4xf32>, tensor<8x4xf32>) {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %0 = tensor.extract_slice %t[16, 0] [%s0, 64] [1, 1] : tensor<64x64xf32> to tensor<?x64xf32>
  %1 = tensor.pad %0 low[0, 0] high[%p0, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %zero : f32
  } : tensor<?x64xf32> to tensor<8x64xf32>
  %2 = tensor.extract_slice %1[0, 4] [8, %s1] [1, 1] : tensor<8x64xf32> to tensor<8x?xf32>
  %3 = tensor.pad %2 low[0, 0] high[0, %p1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %zero : f32
  } : tensor<8x?xf32> to tensor<8x4xf32>
  %4 = tensor.pad %2 low[0, 0] high[0, %p1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %one : f32
  } : tensor<8x?xf32> to tensor<8x4xf32>
  return %3, %4 : tensor<8x4xf32>, tensor<8x4xf32>
}

// A pad inserted into a fill of its padding value, past an earlier disjoint insert, inserts the
// pad's source at the offsets moved by the low padding (FoldInsertPadIntoFill).
func.func @insert_pad_into_fill(%input: tensor<?x?x?xf32>, %a: tensor<8x128x128xf32>, %low0: index, %low1: index, %high1: index, %high2: index) -> tensor<8x384x384xf32> {
  %f0 = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %pad = tensor.pad %input low[%low0, %low1, %c0] high[%c0, %high1, %high2] {
  ^bb0(%arg3: index, %arg4: index, %arg5: index):
    tensor.yield %f0 : f32
  } : tensor<?x?x?xf32> to tensor<8x128x128xf32>
  %empty = tensor.empty() : tensor<8x384x384xf32>
  %fill = linalg.fill ins(%f0 : f32) outs(%empty : tensor<8x384x384xf32>) -> tensor<8x384x384xf32>
  %0 = tensor.insert_slice %a into %fill[0, 0, 0] [8, 128, 128] [1, 1, 1] : tensor<8x128x128xf32> into tensor<8x384x384xf32>
  %1 = tensor.insert_slice %pad into %0[0, 1, 256] [8, 128, 128] [1, 1, 1] : tensor<8x128x128xf32> into tensor<8x384x384xf32>
  return %1: tensor<8x384x384xf32>
}
