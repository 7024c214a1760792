// Reshape patterns of --canonicalize (tensor and memref): reshapes composed across kinds,
// reshapes of splats and from_elements, dims of expand_shape and tensor.reshape, and
// tensor.reshape to the source's own sizes; mlir-opt-19 --canonicalize gives reshape.expected.mlir.

// A collapse of everything re-expanded: one collapse where the new groups are products of old ones.
func.func @collapse_then_expand_is_collapse(%t: tensor<2x3x4x5xf32>) -> tensor<6x20xf32> {
  %0 = tensor.collapse_shape %t [[0, 1, 2, 3]] : tensor<2x3x4x5xf32> into tensor<120xf32>
  %1 = tensor.expand_shape %0 [[0, 1]] output_shape [6, 20] : tensor<120xf32> into tensor<6x20xf32>
  return %1 : tensor<6x20xf32>
}

// The other way round: one expand, keeping the output_shape (a dynamic size included).
func.func @collapse_then_expand_is_expand(%t: tensor<?x20xf32>, %n: index) -> tensor<?x4x5xf32> {
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<?x20xf32> into tensor<?xf32>
  %1 = tensor.expand_shape %0 [[0, 1, 2]] output_shape [%n, 4, 5] : tensor<?xf32> into tensor<?x4x5xf32>
  return %1 : tensor<?x4x5xf32>
}

// Through a scalar: unit dims regroup.
func.func @through_scalar(%t: tensor<1x1x1xf32>) -> tensor<1x1x1x1xf32> {
  %0 = tensor.collapse_shape %t [] : tensor<1x1x1xf32> into tensor<f32>
  %1 = tensor.expand_shape %0 [] output_shape [1, 1, 1, 1] : tensor<f32> into tensor<1x1x1x1xf32>
  return %1 : tensor<1x1x1x1xf32>
}

// A group of the same size on both sides stops MLIR 19's composition; sizes that do not divide too.
func.func @not_composed(%t: tensor<4x32x6xf32>, %u: tensor<6x4xf32>) -> (tensor<4x32x2x3xf32>, tensor<4x6xf32>) {
  %0 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<4x32x6xf32> into tensor<128x6xf32>
  %1 = tensor.expand_shape %0 [[0, 1], [2, 3]] output_shape [4, 32, 2, 3] : tensor<128x6xf32> into tensor<4x32x2x3xf32>
  %2 = tensor.collapse_shape %u [[0, 1]] : tensor<6x4xf32> into tensor<24xf32>
  %3 = tensor.expand_shape %2 [[0, 1]] output_shape [4, 6] : tensor<24xf32> into tensor<4x6xf32>
  return %1, %3 : tensor<4x32x2x3xf32>, tensor<4x6xf32>
}

// An expand then a collapse to a static shape of higher rank than the source: one expand.
func.func @expand_then_collapse_is_expand(%t: tensor<2048xf32>) -> tensor<4x512x1xf32> {
  %0 = tensor.expand_shape %t [[0, 1, 2, 3, 4]] output_shape [1, 4, 1, 512, 1] : tensor<2048xf32> into tensor<1x4x1x512x1xf32>
  %1 = tensor.collapse_shape %0 [[0, 1, 2], [3], [4]] : tensor<1x4x1x512x1xf32> into tensor<4x512x1xf32>
  return %1 : tensor<4x512x1xf32>
}

// The same patterns on memrefs of the identity layout.
func.func @memref_reshapes(%a: memref<24x5xf32>, %b: memref<2048xf32>) -> (memref<2x3x4x5xf32>, memref<4x512xf32>) {
  %0 = memref.collapse_shape %a [[0, 1]] : memref<24x5xf32> into memref<120xf32>
  %1 = memref.expand_shape %0 [[0, 1, 2, 3]] output_shape [2, 3, 4, 5] : memref<120xf32> into memref<2x3x4x5xf32>
  %2 = memref.expand_shape %b [[0, 1, 2]] output_shape [4, 1, 512] : memref<2048xf32> into memref<4x1x512xf32>
  %3 = memref.collapse_shape %2 [[0, 1], [2]] : memref<4x1x512xf32> into memref<4x512xf32>
  return %1, %3 : memref<2x3x4x5xf32>, memref<4x512xf32>
}

// Reshapes of a static splat or of from_elements are new ones of the result's shape; a dynamic splat stays.
func.func @reshape_of_elements(%f: f32, %i: i32, %n: index) -> (tensor<3x4xf32>, tensor<1x1xi32>, tensor<2x?xf32>) {
  %s = tensor.splat %f : tensor<12xf32>
  %0 = tensor.expand_shape %s [[0, 1]] output_shape [3, 4] : tensor<12xf32> into tensor<3x4xf32>
  %e = tensor.from_elements %i : tensor<1xi32>
  %1 = tensor.expand_shape %e [[0, 1]] output_shape [1, 1] : tensor<1xi32> into tensor<1x1xi32>
  %d = tensor.splat %f[%n] : tensor<2x2x?xf32>
  %2 = tensor.collapse_shape %d [[0], [1, 2]] : tensor<2x2x?xf32> into tensor<2x?xf32>
  return %0, %1, %2 : tensor<3x4xf32>, tensor<1x1xi32>, tensor<2x?xf32>
}

// A dynamic size of an expand_shape: the source's size over the group's other sizes.
func.func @dim_of_expand(%t: tensor<?x?xf32>, %a: index, %b: index) -> index {
  %c3 = arith.constant 3 : index
  %0 = tensor.expand_shape %t [[0], [1, 2, 3]] output_shape [%a, 2, 6, %b] : tensor<?x?xf32> into tensor<?x2x6x?xf32>
  %1 = tensor.dim %0, %c3 : tensor<?x2x6x?xf32>
  return %1 : index
}

// A size of a tensor.reshape is the shape operand's element (index_cast when it is no index).
func.func @dim_of_reshape(%t: tensor<*xf32>, %s: tensor<?xi64>, %k: index) -> index {
  %0 = tensor.reshape %t(%s) : (tensor<*xf32>, tensor<?xi64>) -> tensor<*xf32>
  %1 = tensor.dim %0, %k : tensor<*xf32>
  return %1 : index
}

// A reshape to the source's own sizes (dims of it, or its static sizes) is the source; swapped ones are not.
func.func @reshape_to_own_sizes(%t: tensor<4x?xi32>) -> (tensor<4x?xi32>, tensor<4x?xi32>) {
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %d1 = tensor.dim %t, %c1 : tensor<4x?xi32>
  %s = tensor.from_elements %c4, %d1 : tensor<2xindex>
  %0 = tensor.reshape %t(%s) : (tensor<4x?xi32>, tensor<2xindex>) -> tensor<4x?xi32>
  %w = tensor.from_elements %d1, %c4 : tensor<2xindex>
  %1 = tensor.reshape %t(%w) : (tensor<4x?xi32>, tensor<2xindex>) -> tensor<4x?xi32>
  return %0, %1 : tensor<4x?xi32>, tensor<4x?xi32>
}

// An element of an index_cast tensor is the index_cast of the element.
func.func @extract_of_index_cast(%t: tensor<3xi32>, %i: index) -> index {
  %0 = arith.index_cast %t : tensor<3xi32> to tensor<3xindex>
  %1 = tensor.extract %0[%i] : tensor<3xindex>
  return %1 : index
}

// A cast of an empty tensor to a more static type is an empty tensor of that type.
func.func @cast_of_empty(%n: index, %m: index) -> tensor<2x?x8xf32> {
  %0 = tensor.empty(%n, %m) : tensor<?x?x8xf32>
  %1 = tensor.cast %0 : tensor<?x?x8xf32> to tensor<2x?x8xf32>
  return %1 : tensor<2x?x8xf32>
}
