// tensor ops with static and dynamic shapes, mixed static/dynamic slice parameters.
func.func @create(%i: index, %j: index, %a: f32, %b: f32) -> tensor<4x?xf32> {
  %0 = tensor.empty() : tensor<4x4xf32>
  %1 = tensor.empty(%i) : tensor<4x?xf32>
  %2 = tensor.empty(%i, %j) : tensor<?x?xi32>
  %3 = tensor.from_elements %a, %b, %a, %b : tensor<2x2xf32>
  %4 = tensor.from_elements %a : tensor<f32>
  %5 = tensor.splat %a : tensor<4x4xf32>
  %6 = tensor.splat %a[%i] : tensor<4x?xf32>
  %7 = tensor.generate %i {
  ^bb0(%p: index, %q: index):
    %s = arith.index_cast %q : index to i32
    %f = arith.sitofp %s : i32 to f32
    tensor.yield %f : f32
  } : tensor<4x?xf32>
  return %7 : tensor<4x?xf32>
}

func.func @access(%t: tensor<4x?xf32>, %i: index, %a: f32) -> index {
  %0 = tensor.extract %t[%i, %i] : tensor<4x?xf32>
  %1 = tensor.insert %a into %t[%i, %i] : tensor<4x?xf32>
  %c1 = arith.constant 1 : index
  %2 = tensor.dim %t, %c1 : tensor<4x?xf32>
  %3 = tensor.dim {note = "attr"} %1, %i : tensor<4x?xf32>
  %u = tensor.cast %t : tensor<4x?xf32> to tensor<*xf32>
  %4 = tensor.dim %u, %i : tensor<*xf32>
  %5 = tensor.cast %t : tensor<4x?xf32> to tensor<?x8xf32>
  %z = tensor.empty() : tensor<f32>
  %6 = tensor.extract %z[] : tensor<f32>
  return %2 : index
}

func.func @slices(%t: tensor<8x16xf32>, %d: tensor<4x?xf32>, %i: index, %j: index) -> tensor<8x16xf32> {
  %0 = tensor.extract_slice %t[0, 0] [4, 4] [1, 1] : tensor<8x16xf32> to tensor<4x4xf32>
  %1 = tensor.extract_slice %t[%i, 4] [2, %j] [1, 2] : tensor<8x16xf32> to tensor<2x?xf32>
  %2 = tensor.extract_slice %t[0, %i] [1, 16] [1, 1] : tensor<8x16xf32> to tensor<16xf32>
  %3 = tensor.extract_slice %d[%i, %j] [%i, %j] [%i, %j] : tensor<4x?xf32> to tensor<?x?xf32>
  %4 = tensor.insert_slice %0 into %t[0, 4] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x16xf32>
  %5 = tensor.insert_slice %2 into %4[%i, 0] [1, 16] [1, 1] : tensor<16xf32> into tensor<8x16xf32>
  %6 = tensor.insert_slice %1 into %5[%j, %i] [2, %j] [1, 2] {keep} : tensor<2x?xf32> into tensor<8x16xf32>
  return %6 : tensor<8x16xf32>
}

func.func @shapes(%t: tensor<2x3x4xf32>, %u: tensor<*xf32>, %s: tensor<2xindex>, %d: tensor<?x4xf32>, %k: index) -> index {
  %0 = tensor.rank %u : tensor<*xf32>
  %1 = tensor.rank %t : tensor<2x3x4xf32>
  %2 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  %3 = tensor.collapse_shape %t [[0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
  %4 = tensor.expand_shape %2 [[0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  %5 = tensor.expand_shape %d [[0, 1], [2]] output_shape [%k, 2, 4] : tensor<?x4xf32> into tensor<?x2x4xf32>
  %6 = tensor.collapse_shape %5 [[0, 1], [2]] : tensor<?x2x4xf32> into tensor<?x4xf32>
  %7 = tensor.reshape %t(%s) : (tensor<2x3x4xf32>, tensor<2xindex>) -> tensor<6x4xf32>
  %8 = tensor.reshape %d(%s) : (tensor<?x4xf32>, tensor<2xindex>) -> tensor<?x?xf32>
  return %0 : index
}

func.func @pad_concat(%t: tensor<2x3xf32>, %d: tensor<?x3xf32>, %h: index, %v: f32) -> tensor<4x8xf32> {
  %cst = arith.constant 0.0 : f32
  %0 = tensor.pad %t low[1, 2] high[1, 3] {
  ^bb0(%i: index, %j: index):
    tensor.yield %cst : f32
  } : tensor<2x3xf32> to tensor<4x8xf32>
  %1 = tensor.pad %d nofold low[%h, 0] high[1, %h] {
  ^bb0(%i: index, %j: index):
    %s = arith.addi %i, %j : index
    %n = arith.index_cast %s : index to i32
    %f = arith.sitofp %n : i32 to f32
    tensor.yield %f : f32
  } {tag} : tensor<?x3xf32> to tensor<?x?xf32>
  %2 = tensor.pad %t low[0, 0] high[%h, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<2x3xf32> to tensor<4x3xf32>
  %3 = tensor.concat dim(0) %t, %t : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %4 = tensor.concat dim(0) %t, %d, %2 : (tensor<2x3xf32>, tensor<?x3xf32>, tensor<4x3xf32>) -> tensor<?x3xf32>
  %5 = tensor.concat dim(1) %0 {tag} : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

func.func @gather_scatter(%dest: tensor<4x5x6xf32>, %indices: tensor<1x3x2xindex>, %indices_i32: tensor<1x3x2xi32>, %dyn: tensor<?x1xi64>) -> (tensor<4x5x6xf32>, tensor<4x5x6xf32>) {
  %0 = tensor.gather %dest[%indices_i32] gather_dims([1, 2]) unique : (tensor<4x5x6xf32>, tensor<1x3x2xi32>) -> tensor<1x3x4x1x1xf32>
  %1 = tensor.gather %dest[%indices] gather_dims([1, 2]) : (tensor<4x5x6xf32>, tensor<1x3x2xindex>) -> tensor<1x3x4xf32>
  %2 = tensor.gather %dest[%dyn] gather_dims([0]) {tag} : (tensor<4x5x6xf32>, tensor<?x1xi64>) -> tensor<?x1x5x6xf32>
  %3 = tensor.scatter %0 into %dest[%indices] scatter_dims([1, 2]) unique : (tensor<1x3x4x1x1xf32>, tensor<4x5x6xf32>, tensor<1x3x2xindex>) -> tensor<4x5x6xf32>
  %4 = tensor.scatter %1 into %dest[%indices_i32] scatter_dims([1, 2]) unique : (tensor<1x3x4xf32>, tensor<4x5x6xf32>, tensor<1x3x2xi32>) -> tensor<4x5x6xf32>
  return %3, %4 : tensor<4x5x6xf32>, tensor<4x5x6xf32>
}

func.func @pack_unpack(%src: tensor<128x256xf32>, %dest: tensor<4x16x32x16xf32>, %buf: tensor<128x256xf32>, %odd: tensor<13x15xf32>, %pad: f32, %d: tensor<?x?xf32>, %n: index, %m: index) -> (tensor<4x16x32x16xf32>, tensor<128x256xf32>, tensor<2x8x8x2xf32>, tensor<13x15xf32>, tensor<16x4x32x16xf32>, tensor<?x?x?x?xf32>, tensor<?x?xf32>) {
  %0 = tensor.pack %src inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %dest : tensor<128x256xf32> -> tensor<4x16x32x16xf32>
  %1 = tensor.unpack %0 inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %buf : tensor<4x16x32x16xf32> -> tensor<128x256xf32>
  %e = tensor.empty() : tensor<2x8x8x2xf32>
  %2 = tensor.pack %odd padding_value(%pad : f32) inner_dims_pos = [0, 1] inner_tiles = [8, 2] into %e {tag} : tensor<13x15xf32> -> tensor<2x8x8x2xf32>
  %3 = tensor.unpack %2 inner_dims_pos = [0, 1] inner_tiles = [8, 2] into %odd : tensor<2x8x8x2xf32> -> tensor<13x15xf32>
  %t = tensor.empty() : tensor<16x4x32x16xf32>
  %4 = tensor.pack %src outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %t : tensor<128x256xf32> -> tensor<16x4x32x16xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = tensor.dim %d, %c0 : tensor<?x?xf32>
  %c = tensor.dim %d, %c1 : tensor<?x?xf32>
  %de = tensor.empty(%r, %c, %n, %m) : tensor<?x?x?x?xf32>
  %5 = tensor.pack %d padding_value(%pad : f32) inner_dims_pos = [1, 0] inner_tiles = [%n, %m] into %de : tensor<?x?xf32> -> tensor<?x?x?x?xf32>
  %6 = tensor.unpack %5 inner_dims_pos = [1, 0] inner_tiles = [%n, %m] into %d : tensor<?x?x?x?xf32> -> tensor<?x?xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<4x16x32x16xf32>, tensor<128x256xf32>, tensor<2x8x8x2xf32>, tensor<13x15xf32>, tensor<16x4x32x16xf32>, tensor<?x?x?x?xf32>, tensor<?x?xf32>
}
