#copy_trait = {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]}
// linalg structured ops on tensors (with results) and on memrefs (in place).
#id2 = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>

func.func @named_tensors(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>, %x: f32) -> tensor<4x16xf32> {
  %0 = linalg.fill ins(%x : f32) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %1 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%0 : tensor<4x16xf32>) -> tensor<4x16xf32>
  %2 = linalg.add ins(%1, %1 : tensor<4x16xf32>, tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %3 = linalg.sub ins(%2, %1 : tensor<4x16xf32>, tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %4 = linalg.mul ins(%3, %1 : tensor<4x16xf32>, tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %5 = linalg.div ins(%4, %1 : tensor<4x16xf32>, tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %6 = linalg.max ins(%5, %1 : tensor<4x16xf32>, tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %7 = linalg.min ins(%6, %1 : tensor<4x16xf32>, tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %8 = linalg.exp ins(%7 : tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %9 = linalg.tanh ins(%8 : tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %10 = linalg.negf ins(%9 : tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %11 = linalg.reciprocal ins(%10 : tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %12 = linalg.square ins(%11 : tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %13 = linalg.copy ins(%12 : tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %14 = linalg.sqrt ins(%13 : tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %15 = linalg.powf ins(%14, %13 : tensor<4x16xf32>, tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %16 = linalg.abs ins(%15 : tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %16 : tensor<4x16xf32>
}

func.func @named_ints(%a: tensor<4x4xi8>, %c: tensor<4x4xi32>, %i: tensor<4x4xi32>, %d: tensor<?x?xi32>, %n: i32, %f: f32) -> tensor<4x4xi32> {
  %0 = linalg.matmul ins(%a, %a : tensor<4x4xi8>, tensor<4x4xi8>) outs(%c : tensor<4x4xi32>) -> tensor<4x4xi32>
  %1 = linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%a, %a : tensor<4x4xi8>, tensor<4x4xi8>) outs(%c : tensor<4x4xi32>) -> tensor<4x4xi32>
  %2 = linalg.add ins(%0, %1 : tensor<4x4xi32>, tensor<4x4xi32>) outs(%i : tensor<4x4xi32>) -> tensor<4x4xi32>
  %3 = linalg.max ins(%2, %1 : tensor<4x4xi32>, tensor<4x4xi32>) outs(%i : tensor<4x4xi32>) -> tensor<4x4xi32>
  %4 = linalg.div ins(%3, %1 : tensor<4x4xi32>, tensor<4x4xi32>) outs(%i : tensor<4x4xi32>) -> tensor<4x4xi32>
  %5 = linalg.fill ins(%n : i32) outs(%d : tensor<?x?xi32>) -> tensor<?x?xi32>
  %6 = linalg.fill ins(%f : f32) outs(%c : tensor<4x4xi32>) -> tensor<4x4xi32>
  %7 = linalg.sub {tag = "kept"} ins(%5, %5 : tensor<?x?xi32>, tensor<?x?xi32>) outs(%d : tensor<?x?xi32>) -> tensor<?x?xi32>
  return %4 : tensor<4x4xi32>
}

func.func @named_memrefs(%a: memref<4x8xf32>, %b: memref<8x16xf32>, %c: memref<4x16xf32>, %v: memref<8xf32>, %w: memref<4xf32>, %t: memref<8x4xf32>, %x: f32) {
  linalg.fill ins(%x : f32) outs(%c : memref<4x16xf32>)
  linalg.matmul ins(%a, %b : memref<4x8xf32>, memref<8x16xf32>) outs(%c : memref<4x16xf32>)
  linalg.add ins(%c, %c : memref<4x16xf32>, memref<4x16xf32>) outs(%c : memref<4x16xf32>)
  linalg.matvec ins(%a, %v : memref<4x8xf32>, memref<8xf32>) outs(%w : memref<4xf32>)
  linalg.transpose ins(%a : memref<4x8xf32>) outs(%t : memref<8x4xf32>) permutation = [1, 0]
  return
}

func.func @batch(%a: tensor<2x4x8xf32>, %b: tensor<2x8x4xf32>, %c: tensor<2x4x4xf32>) -> tensor<2x4x4xf32> {
  %0 = linalg.batch_matmul ins(%a, %b : tensor<2x4x8xf32>, tensor<2x8x4xf32>) outs(%c : tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  return %0 : tensor<2x4x4xf32>
}

func.func @transpose_reduce(%a: tensor<2x3x4xf32>, %t: tensor<3x4x2xf32>, %r: tensor<3xf32>) -> tensor<3xf32> {
  %0 = linalg.transpose ins(%a : tensor<2x3x4xf32>) outs(%t : tensor<3x4x2xf32>) permutation = [1, 2, 0]
  %1 = linalg.reduce ins(%a : tensor<2x3x4xf32>) outs(%r : tensor<3xf32>) dimensions = [0, 2]
    (%in: f32, %init: f32) {
      %s = arith.addf %in, %init : f32
      linalg.yield %s : f32
    }
  %2 = linalg.reduce { arith.maximumf } ins(%a : tensor<2x3x4xf32>) outs(%1 : tensor<3xf32>) dimensions = [0, 2]
  %3 = linalg.reduce ins(%a : tensor<2x3x4xf32>) outs(%2 : tensor<3xf32>) dimensions = [0, 2]
    (%in: f32, %init: f32) {
      %m = arith.mulf %init, %in : f32
      linalg.yield %m : f32
    }
  return %3 : tensor<3xf32>
}

func.func @generic(%a: tensor<4x8xf32>, %r: tensor<4xf32>, %m: memref<4x8xf32>) -> tensor<4xf32> {
  %0 = linalg.generic {indexing_maps = [#id2, #row], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x8xf32>) outs(%r : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %s = arith.addf %in, %out : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], doc = "iota", library_call = "iota_fn"} outs(%m : memref<4x8xf32>) attrs = {tag = 3 : i32} {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %k = arith.addi %i, %j : index
    %n = arith.index_cast %k : index to i32
    %f = arith.sitofp %n : i32 to f32
    linalg.yield %f : f32
  }
  %1:2 = linalg.generic {indexing_maps = [#id2, #row, #row], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x8xf32>) outs(%r, %0 : tensor<4xf32>, tensor<4xf32>) {
  ^bb0(%in: f32, %o1: f32, %o2: f32):
    %mx = arith.maximumf %in, %o1 : f32
    %mn = arith.minimumf %in, %o2 : f32
    linalg.yield %mx, %mn : f32, f32
  } -> (tensor<4xf32>, tensor<4xf32>)
  return %1#1 : tensor<4xf32>
}

func.func @broadcast_map(%a: tensor<4xf32>, %b: tensor<4x8xf32>, %c: tensor<4xf32>, %m: memref<4xf32>, %p: tensor<4xi1>) -> tensor<4x8xf32> {
  %0 = linalg.broadcast ins(%a : tensor<4xf32>) outs(%b : tensor<4x8xf32>) dimensions = [1]
  %1 = linalg.map { arith.addf } ins(%a, %c : tensor<4xf32>, tensor<4xf32>) outs(%c : tensor<4xf32>)
  %2 = linalg.map ins(%a, %1 : tensor<4xf32>, tensor<4xf32>) outs(%c : tensor<4xf32>)
    (%x: f32, %y: f32) {
      %s = arith.subf %y, %x : f32
      linalg.yield %s : f32
    }
  %3 = linalg.map { math.exp {fastmath = #arith.fastmath<fast>} } ins(%2 : tensor<4xf32>) outs(%c : tensor<4xf32>)
  %4 = linalg.map outs(%c : tensor<4xf32>)
    () {
      %k = arith.constant 1.0 : f32
      linalg.yield %k : f32
    }
  linalg.map { math.absf } ins(%m : memref<4xf32>) outs(%m : memref<4xf32>)
  %5 = linalg.map ins(%3, %4 : tensor<4xf32>, tensor<4xf32>) outs(%p : tensor<4xi1>) {tag}
    (%x: f32, %y: f32) {
      %lt = arith.cmpf olt, %x, %y : f32
      linalg.yield %lt : i1
    }
  return %0 : tensor<4x8xf32>
}

func.func @vectors(%a: tensor<8xf32>, %b: tensor<8x4xf32>, %c: tensor<4xf32>, %d: tensor<f32>) -> tensor<f32> {
  %0 = linalg.vecmat ins(%a, %b : tensor<8xf32>, tensor<8x4xf32>) outs(%c : tensor<4xf32>) -> tensor<4xf32>
  %1 = linalg.dot ins(%a, %a : tensor<8xf32>, tensor<8xf32>) outs(%d : tensor<f32>) -> tensor<f32>
  %2 = linalg.round ins(%0 : tensor<4xf32>) outs(%c : tensor<4xf32>) -> tensor<4xf32>
  %3 = linalg.dot ins(%2, %2 : tensor<4xf32>, tensor<4xf32>) outs(%1 : tensor<f32>) -> tensor<f32>
  return %3 : tensor<f32>
}

func.func @convolutions(%x: tensor<1x7x7x2xf32>, %k: tensor<3x3x2x4xf32>, %o: tensor<1x3x3x4xf32>, %xc: memref<1x2x7x7xf16>,
    %kc: memref<4x2x3x3xf32>, %oc: memref<1x4x3x3xf32>, %dk: tensor<3x3x2xf32>, %do: tensor<1x5x3x2xf32>,
    %x1: tensor<1x9x2xi32>, %k1: tensor<3x2x4xi32>, %o1: tensor<1x3x4xi32>, %x2: memref<6x6xf32>, %k2: memref<3x3xf32>, %o2: memref<4x4xf32>) -> tensor<1x3x3x4xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %k : tensor<1x7x7x2xf32>, tensor<3x3x2x4xf32>) outs(%o : tensor<1x3x3x4xf32>) -> tensor<1x3x3x4xf32>
  linalg.conv_2d_nchw_fchw {dilations = dense<[2, 1]> : vector<2xi64>, strides = dense<[1, 2]> : vector<2xi64>} ins(%xc, %kc : memref<1x2x7x7xf16>, memref<4x2x3x3xf32>) outs(%oc : memref<1x4x3x3xf32>)
  %1 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<[1, 2]> : tensor<2xi64>} ins(%x, %dk : tensor<1x7x7x2xf32>, tensor<3x3x2xf32>) outs(%do : tensor<1x5x3x2xf32>) -> tensor<1x5x3x2xf32>
  %2 = linalg.conv_1d_nwc_wcf {strides = dense<3> : tensor<1xi64>} ins(%x1, %k1 : tensor<1x9x2xi32>, tensor<3x2x4xi32>) outs(%o1 : tensor<1x3x4xi32>) -> tensor<1x3x4xi32>
  linalg.conv_2d ins(%x2, %k2 : memref<6x6xf32>, memref<3x3xf32>) outs(%o2 : memref<4x4xf32>)
  return %0 : tensor<1x3x3x4xf32>
}

func.func @pooling(%x: tensor<1x7x7x2xf32>, %w: tensor<3x3xf32>, %o: tensor<1x3x3x2xf32>, %xi: memref<1x7x7x2xi32>, %wi: memref<3x3xi32>, %oi: memref<1x5x5x2xi32>,
    %xc: tensor<1x2x7x7xf16>, %oc: tensor<1x2x3x3xf32>) -> tensor<1x3x3x2xf32> {
  %0 = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %w : tensor<1x7x7x2xf32>, tensor<3x3xf32>) outs(%o : tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
  %1 = linalg.pooling_nhwc_sum {strides = dense<2> : vector<2xi64>} ins(%x, %w : tensor<1x7x7x2xf32>, tensor<3x3xf32>) outs(%0 : tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
  linalg.pooling_nhwc_max ins(%xi, %wi : memref<1x7x7x2xi32>, memref<3x3xi32>) outs(%oi : memref<1x5x5x2xi32>)
  linalg.pooling_nhwc_sum ins(%xi, %wi : memref<1x7x7x2xi32>, memref<3x3xi32>) outs(%oi : memref<1x5x5x2xi32>)
  %2 = linalg.pooling_nchw_max {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>} ins(%xc, %w : tensor<1x2x7x7xf16>, tensor<3x3xf32>) outs(%oc : tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  return %1 : tensor<1x3x3x2xf32>
}

func.func @pooling_1d(%x: tensor<1x7x2xf32>, %w: tensor<3xf32>, %o: tensor<1x3x2xf32>, %xc: memref<1x2x7xi8>, %wc: memref<3xi8>, %oc: memref<1x2x5xi8>,
    %x2: tensor<1x2x7x7xf32>, %w2: tensor<3x3xf32>, %o2: tensor<1x2x5x5xf32>) -> tensor<1x3x2xf32> {
  %0 = linalg.pooling_nwc_max {dilations = dense<1> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%x, %w : tensor<1x7x2xf32>, tensor<3xf32>) outs(%o : tensor<1x3x2xf32>) -> tensor<1x3x2xf32>
  %1 = linalg.pooling_nwc_sum {strides = dense<2> : tensor<1xi64>} ins(%x, %w : tensor<1x7x2xf32>, tensor<3xf32>) outs(%0 : tensor<1x3x2xf32>) -> tensor<1x3x2xf32>
  linalg.pooling_ncw_max ins(%xc, %wc : memref<1x2x7xi8>, memref<3xi8>) outs(%oc : memref<1x2x5xi8>)
  linalg.pooling_ncw_sum ins(%xc, %wc : memref<1x2x7xi8>, memref<3xi8>) outs(%oc : memref<1x2x5xi8>)
  %2 = linalg.pooling_nchw_sum ins(%x2, %w2 : tensor<1x2x7x7xf32>, tensor<3x3xf32>) outs(%o2 : tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32>
  return %1 : tensor<1x3x2xf32>
}

func.func @mmt4d(%a: tensor<2x3x4x1xf32>, %b: tensor<5x3x8x1xf32>, %c: tensor<2x5x4x8xf32>, %ai: memref<2x3x4x1xi8>, %bi: memref<5x3x8x1xi8>, %ci: memref<2x5x4x8xi32>) -> tensor<2x5x4x8xf32> {
  %0 = linalg.mmt4d ins(%a, %b : tensor<2x3x4x1xf32>, tensor<5x3x8x1xf32>) outs(%c : tensor<2x5x4x8xf32>) -> tensor<2x5x4x8xf32>
  linalg.mmt4d ins(%ai, %bi : memref<2x3x4x1xi8>, memref<5x3x8x1xi8>) outs(%ci : memref<2x5x4x8xi32>)
  return %0 : tensor<2x5x4x8xf32>
}

// Several results: MLIR names the group after the first (%reduced:2).
func.func @variadic_reduce(%a: tensor<4x8xf32>, %b: tensor<4x8xi64>, %c: tensor<4xf32>, %d: tensor<4xi64>) -> (tensor<4xf32>, tensor<4xi64>) {
  %r:2 = linalg.reduce ins(%a, %b : tensor<4x8xf32>, tensor<4x8xi64>) outs(%c, %d : tensor<4xf32>, tensor<4xi64>) dimensions = [1]
    (%x: f32, %y: i64, %acc: f32, %acc2: i64) {
      %0 = arith.addf %x, %acc : f32
      %1 = arith.addi %y, %acc2 : i64
      linalg.yield %0, %1 : f32, i64
    }
  return %r#0, %r#1 : tensor<4xf32>, tensor<4xi64>
}

// A generic's attributes may be an alias of their dictionary.
func.func @generic_trait_alias(%a: memref<4xf32>, %b: memref<4xf32>) {
  linalg.generic #copy_trait ins(%a : memref<4xf32>) outs(%b : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  return
}

// softmax: tensors (dynamic sizes, an attribute dictionary first), memrefs, integer elements (MLIR 19 takes them).
func.func @softmax(%a: tensor<2x?x32xf32>, %d: tensor<2x?x32xf32>, %m: memref<4x8xf16>, %n: memref<4x8xf16>, %i: tensor<3xi32>) -> (tensor<2x?x32xf32>, tensor<3xi32>) {
  %0 = linalg.softmax dimension(2) ins(%a : tensor<2x?x32xf32>) outs(%d : tensor<2x?x32xf32>) -> tensor<2x?x32xf32>
  linalg.softmax {note = "in place"} dimension(0) ins(%m : memref<4x8xf16>) outs(%m : memref<4x8xf16>)
  linalg.softmax dimension(1) ins(%m : memref<4x8xf16>) outs(%n : memref<4x8xf16>)
  %1 = linalg.softmax dimension(0) ins(%i : tensor<3xi32>) outs(%i : tensor<3xi32>) -> tensor<3xi32>
  return %0, %1 : tensor<2x?x32xf32>, tensor<3xi32>
}

// MLIR 19's other convolutions, pooling ops and contractions (strided and dilated; f16 and i8 inputs cast to the output's type; quantized ops with their zero points)
func.func @named_conv_1d(%a0: tensor<3xf32>, %a1: tensor<2xf32>, %a2: tensor<2xf32>) -> tensor<2xf32> {
  %r = linalg.conv_1d ins(%a0, %a1 : tensor<3xf32>, tensor<2xf32>) outs(%a2 : tensor<2xf32>) -> tensor<2xf32>
  return %r : tensor<2xf32>
}
func.func @named_conv_3d(%a0: memref<3x4x3xf16>, %a1: memref<2x2x2xf16>, %a2: memref<2x3x2xf32>) {
  linalg.conv_3d ins(%a0, %a1 : memref<3x4x3xf16>, memref<2x2x2xf16>) outs(%a2 : memref<2x3x2xf32>)
  return
}
func.func @named_conv_1d_ncw_fcw(%a0: tensor<2x3x5xi8>, %a1: tensor<3x3x2xi8>, %a2: tensor<2x3x2xi32>) -> tensor<2x3x2xi32> {
  %r = linalg.conv_1d_ncw_fcw {dilations = dense<2> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%a0, %a1 : tensor<2x3x5xi8>, tensor<3x3x2xi8>) outs(%a2 : tensor<2x3x2xi32>) -> tensor<2x3x2xi32>
  return %r : tensor<2x3x2xi32>
}
func.func @named_conv_2d_nhwc_fhwc(%a0: memref<2x7x5x2xf32>, %a1: memref<3x2x2x2xf32>, %a2: memref<2x3x2x3xf32>) {
  linalg.conv_2d_nhwc_fhwc {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a0, %a1 : memref<2x7x5x2xf32>, memref<3x2x2x2xf32>) outs(%a2 : memref<2x3x2x3xf32>)
  return
}
func.func @named_conv_2d_nhwc_hwcf_q(%a0: tensor<2x7x5x2xi8>, %a1: tensor<2x2x2x3xi8>, %a2: i32, %a3: i32, %a4: tensor<2x3x2x3xi32>) -> tensor<2x3x2x3xi32> {
  %r = linalg.conv_2d_nhwc_hwcf_q {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a0, %a1, %a2, %a3 : tensor<2x7x5x2xi8>, tensor<2x2x2x3xi8>, i32, i32) outs(%a4 : tensor<2x3x2x3xi32>) -> tensor<2x3x2x3xi32>
  return %r : tensor<2x3x2x3xi32>
}
func.func @named_conv_2d_nhwc_fhwc_q(%a0: memref<2x7x5x2xi8>, %a1: memref<3x2x2x2xi8>, %a2: i32, %a3: i32, %a4: memref<2x3x2x3xi32>) {
  linalg.conv_2d_nhwc_fhwc_q {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a0, %a1, %a2, %a3 : memref<2x7x5x2xi8>, memref<3x2x2x2xi8>, i32, i32) outs(%a4 : memref<2x3x2x3xi32>)
  return
}
func.func @named_conv_2d_ngchw_fgchw(%a0: tensor<2x3x3x7x5xf32>, %a1: tensor<2x3x3x2x2xf32>, %a2: tensor<2x3x2x3x2xf32>) -> tensor<2x3x2x3x2xf32> {
  %r = linalg.conv_2d_ngchw_fgchw {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a0, %a1 : tensor<2x3x3x7x5xf32>, tensor<2x3x3x2x2xf32>) outs(%a2 : tensor<2x3x2x3x2xf32>) -> tensor<2x3x2x3x2xf32>
  return %r : tensor<2x3x2x3x2xf32>
}
func.func @named_conv_2d_ngchw_gfchw(%a0: memref<2x3x3x7x5xf16>, %a1: memref<3x2x3x2x2xf16>, %a2: memref<2x3x2x3x2xf32>) {
  linalg.conv_2d_ngchw_gfchw {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a0, %a1 : memref<2x3x3x7x5xf16>, memref<3x2x3x2x2xf16>) outs(%a2 : memref<2x3x2x3x2xf32>)
  return
}
func.func @named_conv_2d_ngchw_gfchw_q(%a0: tensor<2x3x3x7x5xi8>, %a1: tensor<3x2x3x2x2xi8>, %a2: i32, %a3: i32, %a4: tensor<2x3x2x3x2xi32>) -> tensor<2x3x2x3x2xi32> {
  %r = linalg.conv_2d_ngchw_gfchw_q {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a0, %a1, %a2, %a3 : tensor<2x3x3x7x5xi8>, tensor<3x2x3x2x2xi8>, i32, i32) outs(%a4 : tensor<2x3x2x3x2xi32>) -> tensor<2x3x2x3x2xi32>
  return %r : tensor<2x3x2x3x2xi32>
}
func.func @named_conv_3d_ndhwc_dhwcf(%a0: memref<2x7x5x7x2xf32>, %a1: memref<2x2x2x2x2xf32>, %a2: memref<2x3x2x3x2xf32>) {
  linalg.conv_3d_ndhwc_dhwcf {dilations = dense<2> : tensor<3xi64>, strides = dense<2> : tensor<3xi64>} ins(%a0, %a1 : memref<2x7x5x7x2xf32>, memref<2x2x2x2x2xf32>) outs(%a2 : memref<2x3x2x3x2xf32>)
  return
}
func.func @named_conv_3d_ndhwc_dhwcf_q(%a0: tensor<2x7x5x7x2xi8>, %a1: tensor<2x2x2x2x2xi8>, %a2: i32, %a3: i32, %a4: tensor<2x3x2x3x2xi32>) -> tensor<2x3x2x3x2xi32> {
  %r = linalg.conv_3d_ndhwc_dhwcf_q {dilations = dense<2> : tensor<3xi64>, strides = dense<2> : tensor<3xi64>} ins(%a0, %a1, %a2, %a3 : tensor<2x7x5x7x2xi8>, tensor<2x2x2x2x2xi8>, i32, i32) outs(%a4 : tensor<2x3x2x3x2xi32>) -> tensor<2x3x2x3x2xi32>
  return %r : tensor<2x3x2x3x2xi32>
}
func.func @named_conv_3d_ncdhw_fcdhw(%a0: memref<2x2x7x5x7xi8>, %a1: memref<2x2x2x2x2xi8>, %a2: memref<2x2x3x2x3xi32>) {
  linalg.conv_3d_ncdhw_fcdhw {dilations = dense<2> : tensor<3xi64>, strides = dense<2> : tensor<3xi64>} ins(%a0, %a1 : memref<2x2x7x5x7xi8>, memref<2x2x2x2x2xi8>) outs(%a2 : memref<2x2x3x2x3xi32>)
  return
}
func.func @named_depthwise_conv_1d_nwc_wc(%a0: tensor<2x7x2xf32>, %a1: tensor<2x2xf32>, %a2: tensor<2x3x2xf32>) -> tensor<2x3x2xf32> {
  %r = linalg.depthwise_conv_1d_nwc_wc {dilations = dense<2> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%a0, %a1 : tensor<2x7x2xf32>, tensor<2x2xf32>) outs(%a2 : tensor<2x3x2xf32>) -> tensor<2x3x2xf32>
  return %r : tensor<2x3x2xf32>
}
func.func @named_depthwise_conv_1d_ncw_cw(%a0: memref<2x2x7xf16>, %a1: memref<2x2xf16>, %a2: memref<2x2x3xf32>) {
  linalg.depthwise_conv_1d_ncw_cw {dilations = dense<2> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%a0, %a1 : memref<2x2x7xf16>, memref<2x2xf16>) outs(%a2 : memref<2x2x3xf32>)
  return
}
func.func @named_depthwise_conv_1d_nwc_wcm(%a0: tensor<2x7x2xi8>, %a1: tensor<2x2x3xi8>, %a2: tensor<2x3x2x3xi32>) -> tensor<2x3x2x3xi32> {
  %r = linalg.depthwise_conv_1d_nwc_wcm {dilations = dense<2> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%a0, %a1 : tensor<2x7x2xi8>, tensor<2x2x3xi8>) outs(%a2 : tensor<2x3x2x3xi32>) -> tensor<2x3x2x3xi32>
  return %r : tensor<2x3x2x3xi32>
}
func.func @named_depthwise_conv_2d_nchw_chw(%a0: memref<2x3x7x5xf32>, %a1: memref<3x2x2xf32>, %a2: memref<2x3x3x2xf32>) {
  linalg.depthwise_conv_2d_nchw_chw {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a0, %a1 : memref<2x3x7x5xf32>, memref<3x2x2xf32>) outs(%a2 : memref<2x3x3x2xf32>)
  return
}
func.func @named_depthwise_conv_2d_nhwc_hwc_q(%a0: tensor<2x7x5x3xi8>, %a1: tensor<2x2x3xi8>, %a2: i32, %a3: i32, %a4: tensor<2x3x2x3xi32>) -> tensor<2x3x2x3xi32> {
  %r = linalg.depthwise_conv_2d_nhwc_hwc_q {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a0, %a1, %a2, %a3 : tensor<2x7x5x3xi8>, tensor<2x2x3xi8>, i32, i32) outs(%a4 : tensor<2x3x2x3xi32>) -> tensor<2x3x2x3xi32>
  return %r : tensor<2x3x2x3xi32>
}
func.func @named_depthwise_conv_2d_nhwc_hwcm(%a0: memref<2x7x5x3xi8>, %a1: memref<2x2x3x2xi8>, %a2: memref<2x3x2x3x2xi32>) {
  linalg.depthwise_conv_2d_nhwc_hwcm {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a0, %a1 : memref<2x7x5x3xi8>, memref<2x2x3x2xi8>) outs(%a2 : memref<2x3x2x3x2xi32>)
  return
}
func.func @named_depthwise_conv_2d_nhwc_hwcm_q(%a0: tensor<2x7x5x3xi8>, %a1: tensor<2x2x3x2xi8>, %a2: i32, %a3: i32, %a4: tensor<2x3x2x3x2xi32>) -> tensor<2x3x2x3x2xi32> {
  %r = linalg.depthwise_conv_2d_nhwc_hwcm_q {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a0, %a1, %a2, %a3 : tensor<2x7x5x3xi8>, tensor<2x2x3x2xi8>, i32, i32) outs(%a4 : tensor<2x3x2x3x2xi32>) -> tensor<2x3x2x3x2xi32>
  return %r : tensor<2x3x2x3x2xi32>
}
func.func @named_depthwise_conv_3d_ndhwc_dhwc(%a0: memref<2x7x5x7x3xf16>, %a1: memref<2x2x2x3xf16>, %a2: memref<2x3x2x3x3xf32>) {
  linalg.depthwise_conv_3d_ndhwc_dhwc {dilations = dense<2> : tensor<3xi64>, strides = dense<2> : tensor<3xi64>} ins(%a0, %a1 : memref<2x7x5x7x3xf16>, memref<2x2x2x3xf16>) outs(%a2 : memref<2x3x2x3x3xf32>)
  return
}
func.func @named_depthwise_conv_3d_ncdhw_cdhw(%a0: tensor<2x3x7x5x7xi8>, %a1: tensor<3x2x2x2xi8>, %a2: tensor<2x3x3x2x3xi32>) -> tensor<2x3x3x2x3xi32> {
  %r = linalg.depthwise_conv_3d_ncdhw_cdhw {dilations = dense<2> : tensor<3xi64>, strides = dense<2> : tensor<3xi64>} ins(%a0, %a1 : tensor<2x3x7x5x7xi8>, tensor<3x2x2x2xi8>) outs(%a2 : tensor<2x3x3x2x3xi32>) -> tensor<2x3x3x2x3xi32>
  return %r : tensor<2x3x3x2x3xi32>
}
func.func @named_depthwise_conv_3d_ndhwc_dhwcm(%a0: memref<2x7x5x7x2xf32>, %a1: memref<2x2x2x2x2xf32>, %a2: memref<2x3x2x3x2x2xf32>) {
  linalg.depthwise_conv_3d_ndhwc_dhwcm {dilations = dense<2> : tensor<3xi64>, strides = dense<2> : tensor<3xi64>} ins(%a0, %a1 : memref<2x7x5x7x2xf32>, memref<2x2x2x2x2xf32>) outs(%a2 : memref<2x3x2x3x2x2xf32>)
  return
}
func.func @named_pooling_nhwc_min(%a0: tensor<2x7x5x3xf16>, %a1: tensor<2x2xf16>, %a2: tensor<2x3x2x3xf32>) -> tensor<2x3x2x3xf32> {
  %r = linalg.pooling_nhwc_min {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a0, %a1 : tensor<2x7x5x3xf16>, tensor<2x2xf16>) outs(%a2 : tensor<2x3x2x3xf32>) -> tensor<2x3x2x3xf32>
  return %r : tensor<2x3x2x3xf32>
}
func.func @named_pooling_nhwc_max_unsigned(%a0: memref<2x7x5x3xi8>, %a1: memref<2x2xi8>, %a2: memref<2x3x2x3xi32>) {
  linalg.pooling_nhwc_max_unsigned {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a0, %a1 : memref<2x7x5x3xi8>, memref<2x2xi8>) outs(%a2 : memref<2x3x2x3xi32>)
  return
}
func.func @named_pooling_nhwc_min_unsigned(%a0: tensor<2x7x5x3xi8>, %a1: tensor<2x2xi8>, %a2: tensor<2x3x2x3xi32>) -> tensor<2x3x2x3xi32> {
  %r = linalg.pooling_nhwc_min_unsigned {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a0, %a1 : tensor<2x7x5x3xi8>, tensor<2x2xi8>) outs(%a2 : tensor<2x3x2x3xi32>) -> tensor<2x3x2x3xi32>
  return %r : tensor<2x3x2x3xi32>
}
func.func @named_pooling_nwc_min(%a0: memref<2x7x2xf16>, %a1: memref<2xf16>, %a2: memref<2x3x2xf32>) {
  linalg.pooling_nwc_min {dilations = dense<2> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%a0, %a1 : memref<2x7x2xf16>, memref<2xf16>) outs(%a2 : memref<2x3x2xf32>)
  return
}
func.func @named_pooling_nwc_max_unsigned(%a0: tensor<2x7x2xi8>, %a1: tensor<2xi8>, %a2: tensor<2x3x2xi32>) -> tensor<2x3x2xi32> {
  %r = linalg.pooling_nwc_max_unsigned {dilations = dense<2> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%a0, %a1 : tensor<2x7x2xi8>, tensor<2xi8>) outs(%a2 : tensor<2x3x2xi32>) -> tensor<2x3x2xi32>
  return %r : tensor<2x3x2xi32>
}
func.func @named_pooling_nwc_min_unsigned(%a0: memref<2x7x2xi8>, %a1: memref<2xi8>, %a2: memref<2x3x2xi32>) {
  linalg.pooling_nwc_min_unsigned {dilations = dense<2> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%a0, %a1 : memref<2x7x2xi8>, memref<2xi8>) outs(%a2 : memref<2x3x2xi32>)
  return
}
func.func @named_pooling_ndhwc_sum(%a0: tensor<2x7x5x7x2xf16>, %a1: tensor<2x2x2xf16>, %a2: tensor<2x3x2x3x2xf32>) -> tensor<2x3x2x3x2xf32> {
  %r = linalg.pooling_ndhwc_sum {dilations = dense<2> : tensor<3xi64>, strides = dense<2> : tensor<3xi64>} ins(%a0, %a1 : tensor<2x7x5x7x2xf16>, tensor<2x2x2xf16>) outs(%a2 : tensor<2x3x2x3x2xf32>) -> tensor<2x3x2x3x2xf32>
  return %r : tensor<2x3x2x3x2xf32>
}
func.func @named_pooling_ndhwc_max(%a0: memref<2x7x5x7x2xi8>, %a1: memref<2x2x2xi8>, %a2: memref<2x3x2x3x2xi32>) {
  linalg.pooling_ndhwc_max {dilations = dense<2> : tensor<3xi64>, strides = dense<2> : tensor<3xi64>} ins(%a0, %a1 : memref<2x7x5x7x2xi8>, memref<2x2x2xi8>) outs(%a2 : memref<2x3x2x3x2xi32>)
  return
}
func.func @named_pooling_ndhwc_min(%a0: tensor<2x7x5x7x2xf32>, %a1: tensor<2x2x2xf32>, %a2: tensor<2x3x2x3x2xf32>) -> tensor<2x3x2x3x2xf32> {
  %r = linalg.pooling_ndhwc_min {dilations = dense<2> : tensor<3xi64>, strides = dense<2> : tensor<3xi64>} ins(%a0, %a1 : tensor<2x7x5x7x2xf32>, tensor<2x2x2xf32>) outs(%a2 : tensor<2x3x2x3x2xf32>) -> tensor<2x3x2x3x2xf32>
  return %r : tensor<2x3x2x3x2xf32>
}
func.func @named_matmul_transpose_a(%a0: memref<4x2xf32>, %a1: memref<4x3xf32>, %a2: memref<2x3xf32>) {
  linalg.matmul_transpose_a ins(%a0, %a1 : memref<4x2xf32>, memref<4x3xf32>) outs(%a2 : memref<2x3xf32>)
  return
}
func.func @named_matmul_transpose_b(%a0: tensor<2x4xf32>, %a1: tensor<3x4xf32>, %a2: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %r = linalg.matmul_transpose_b ins(%a0, %a1 : tensor<2x4xf32>, tensor<3x4xf32>) outs(%a2 : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}
func.func @named_quantized_matmul(%a0: memref<2x4xi8>, %a1: memref<4x3xi8>, %a2: i8, %a3: i8, %a4: memref<2x3xi32>) {
  linalg.quantized_matmul ins(%a0, %a1, %a2, %a3 : memref<2x4xi8>, memref<4x3xi8>, i8, i8) outs(%a4 : memref<2x3xi32>)
  return
}
func.func @named_batch_matmul_transpose_a(%a0: tensor<2x5x3xf32>, %a1: tensor<2x5x4xf32>, %a2: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %r = linalg.batch_matmul_transpose_a ins(%a0, %a1 : tensor<2x5x3xf32>, tensor<2x5x4xf32>) outs(%a2 : tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %r : tensor<2x3x4xf32>
}
func.func @named_batch_matmul_transpose_b(%a0: memref<2x3x5xf32>, %a1: memref<2x4x5xf32>, %a2: memref<2x3x4xf32>) {
  linalg.batch_matmul_transpose_b ins(%a0, %a1 : memref<2x3x5xf32>, memref<2x4x5xf32>) outs(%a2 : memref<2x3x4xf32>)
  return
}
func.func @named_quantized_batch_matmul(%a0: tensor<2x3x5xi8>, %a1: tensor<2x5x4xi8>, %a2: i8, %a3: i8, %a4: tensor<2x3x4xi32>) -> tensor<2x3x4xi32> {
  %r = linalg.quantized_batch_matmul ins(%a0, %a1, %a2, %a3 : tensor<2x3x5xi8>, tensor<2x5x4xi8>, i8, i8) outs(%a4 : tensor<2x3x4xi32>) -> tensor<2x3x4xi32>
  return %r : tensor<2x3x4xi32>
}
func.func @named_batch_reduce_matmul(%a0: memref<2x3x5xf32>, %a1: memref<2x5x4xf32>, %a2: memref<3x4xf32>) {
  linalg.batch_reduce_matmul ins(%a0, %a1 : memref<2x3x5xf32>, memref<2x5x4xf32>) outs(%a2 : memref<3x4xf32>)
  return
}
func.func @named_batch_matvec(%a0: tensor<2x3x4xf32>, %a1: tensor<2x4xf32>, %a2: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %r = linalg.batch_matvec ins(%a0, %a1 : tensor<2x3x4xf32>, tensor<2x4xf32>) outs(%a2 : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}
func.func @named_batch_vecmat(%a0: memref<2x4xf32>, %a1: memref<2x4x3xf32>, %a2: memref<2x3xf32>) {
  linalg.batch_vecmat ins(%a0, %a1 : memref<2x4xf32>, memref<2x4x3xf32>) outs(%a2 : memref<2x3xf32>)
  return
}
func.func @named_batch_mmt4d(%a0: tensor<2x3x5x6x8xf32>, %a1: tensor<2x4x5x7x8xf32>, %a2: tensor<2x3x4x6x7xf32>) -> tensor<2x3x4x6x7xf32> {
  %r = linalg.batch_mmt4d ins(%a0, %a1 : tensor<2x3x5x6x8xf32>, tensor<2x4x5x7x8xf32>) outs(%a2 : tensor<2x3x4x6x7xf32>) -> tensor<2x3x4x6x7xf32>
  return %r : tensor<2x3x4x6x7xf32>
}

// conv_1d/2d/3d define no strides: such an attribute is a discardable one, printed as it is
func.func @named_conv_3d_discardable(%i: tensor<4x4x4xf32>, %k: tensor<2x2x2xf32>, %o: tensor<3x3x3xf32>) -> tensor<3x3x3xf32> {
  %r = linalg.conv_3d {strides = dense<2> : tensor<3xi64>} ins(%i, %k : tensor<4x4x4xf32>, tensor<2x2x2xf32>) outs(%o : tensor<3x3x3xf32>) -> tensor<3x3x3xf32>
  return %r : tensor<3x3x3xf32>
}

func.func @named_select(%c: tensor<4xi1>, %a: tensor<4xf32>, %b: tensor<4xf32>, %o: tensor<4xf32>, %cm: memref<2x3xi1>, %am: memref<2x3xi32>, %om: memref<2x3xi32>) -> tensor<4xf32> {
  %r = linalg.select ins(%c, %a, %b : tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) outs(%o : tensor<4xf32>) -> tensor<4xf32>
  linalg.select ins(%cm, %am, %am : memref<2x3xi1>, memref<2x3xi32>, memref<2x3xi32>) outs(%om : memref<2x3xi32>)
  return %r : tensor<4xf32>
}

// elemwise_unary / elemwise_binary: `fun` (default exp / add) and `cast` (default cast_signed)
// pick the body; a defaulted attribute written out is kept
func.func @named_elemwise(%a: tensor<4xf32>, %i: tensor<4xi8>, %o: tensor<4xf32>, %s: f16, %am: memref<2x3xi32>, %bm: memref<2x3xi8>, %om: memref<2x3xi32>) -> tensor<4xf32> {
  %0 = linalg.elemwise_unary ins(%a : tensor<4xf32>) outs(%o : tensor<4xf32>) -> tensor<4xf32>
  %1 = linalg.elemwise_unary {fun = #linalg.unary_fn<reciprocal>} ins(%0 : tensor<4xf32>) outs(%o : tensor<4xf32>) -> tensor<4xf32>
  %2 = linalg.elemwise_unary {cast = #linalg.type_fn<cast_unsigned>, fun = #linalg.unary_fn<sqrt>} ins(%i : tensor<4xi8>) outs(%o : tensor<4xf32>) -> tensor<4xf32>
  %3 = linalg.elemwise_binary ins(%1, %2 : tensor<4xf32>, tensor<4xf32>) outs(%o : tensor<4xf32>) -> tensor<4xf32>
  %4 = linalg.elemwise_binary {fun = #linalg.binary_fn<powf>} ins(%3, %s : tensor<4xf32>, f16) outs(%o : tensor<4xf32>) -> tensor<4xf32>
  %5 = linalg.elemwise_binary {fun = #linalg.binary_fn<max_unsigned>, cast = #linalg.type_fn<cast_unsigned>} ins(%4, %i : tensor<4xf32>, tensor<4xi8>) outs(%o : tensor<4xf32>) -> tensor<4xf32>
  %6 = linalg.elemwise_unary {fun = #linalg.unary_fn<exp>, cast = #linalg.type_fn<cast_signed>} ins(%5 : tensor<4xf32>) outs(%o : tensor<4xf32>) -> tensor<4xf32>
  linalg.elemwise_binary {fun = #linalg.binary_fn<div_unsigned>, cast = #linalg.type_fn<cast_unsigned>} ins(%am, %bm : memref<2x3xi32>, memref<2x3xi8>) outs(%om : memref<2x3xi32>)
  linalg.elemwise_binary {fun = #linalg.binary_fn<min_signed>} ins(%am, %bm : memref<2x3xi32>, memref<2x3xi8>) outs(%om : memref<2x3xi32>)
  return %6 : tensor<4xf32>
}

// fill_rng_2d: min, max (f64) and seed (i32) into a 2-D output; it defines no `cast` (a discardable attribute)
func.func @named_fill_rng_2d(%min: f64, %max: f64, %seed: i32, %o: tensor<?x5xf16>, %m: memref<2x2xi32>) -> tensor<?x5xf16> {
  %r = linalg.fill_rng_2d ins(%min, %max, %seed : f64, f64, i32) outs(%o : tensor<?x5xf16>) -> tensor<?x5xf16>
  linalg.fill_rng_2d {cast = #linalg.type_fn<cast_unsigned>} ins(%min, %max, %seed : f64, f64, i32) outs(%m : memref<2x2xi32>)
  return %r : tensor<?x5xf16>
}

// A `cast` attribute is a property of matmul (and its transposes), copy and the elemwise ops
// only; on the others (here a convolution, matvec, batch_matmul and fill) it is a discardable
// attribute, and their inputs are sign-extended whatever it says, as in MLIR 19.
func.func @cast_attribute(%x: tensor<1x4x4x1xi8>, %k: tensor<2x2x1x1xi8>, %o: tensor<1x3x3x1xi32>, %m: tensor<4x4xi8>, %v: tensor<4xi8>, %r: tensor<4xi32>, %b: tensor<2x4x4xi8>, %bo: tensor<2x4x4xi32>, %s: i8) -> (tensor<1x3x3x1xi32>, tensor<4xi32>, tensor<2x4x4xi32>, tensor<4xi32>) {
  %0 = linalg.conv_2d_nhwc_hwcf {cast = #linalg.type_fn<cast_unsigned>} ins(%x, %k : tensor<1x4x4x1xi8>, tensor<2x2x1x1xi8>) outs(%o : tensor<1x3x3x1xi32>) -> tensor<1x3x3x1xi32>
  %1 = linalg.matvec {cast = #linalg.type_fn<cast_unsigned>} ins(%m, %v : tensor<4x4xi8>, tensor<4xi8>) outs(%r : tensor<4xi32>) -> tensor<4xi32>
  %2 = linalg.batch_matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%b, %b : tensor<2x4x4xi8>, tensor<2x4x4xi8>) outs(%bo : tensor<2x4x4xi32>) -> tensor<2x4x4xi32>
  %3 = linalg.fill {cast = #linalg.type_fn<cast_unsigned>} ins(%s : i8) outs(%r : tensor<4xi32>) -> tensor<4xi32>
  return %0, %1, %2, %3 : tensor<1x3x3x1xi32>, tensor<4xi32>, tensor<2x4x4xi32>, tensor<4xi32>
}
