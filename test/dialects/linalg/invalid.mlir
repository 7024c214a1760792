func.func @matmul_inner(%a: tensor<4x3xf32>, %b: tensor<4x4xf32>, %c: tensor<4x4xf32>) {
  // expected-error @+1 {{inferred input/output operand #1 has shape's dimension #0 to be 3, but found 4}}
  %0 = linalg.matmul ins(%a, %b : tensor<4x3xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @add_shapes(%a: tensor<4x4xf32>, %b: tensor<4x5xf32>, %c: tensor<4x4xf32>) {
  // expected-error @+1 {{inferred input/output operand #1 has shape's dimension #1 to be 4, but found 5}}
  %0 = linalg.add ins(%a, %b : tensor<4x4xf32>, tensor<4x5xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @named_no_region(%a: tensor<4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{requires one region}}
  %0 = "linalg.exp"(%a, %c) <{operandSegmentSizes = array<i32: 1, 1>}> : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @result_count(%a: tensor<4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{expected the number of tensor results (0) to be equal to the number of output tensors (1)}}
  linalg.exp ins(%a : tensor<4xf32>) outs(%c : tensor<4xf32>)
  return
}

// -----

func.func @memref_results(%a: memref<4xf32>, %c: memref<4xf32>) {
  // expected-error @+1 {{expected the number of tensor results (1) to be equal to the number of output tensors (0)}}
  %0 = linalg.exp ins(%a : memref<4xf32>) outs(%c : memref<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @transpose_perm(%a: tensor<4x4xf32>, %c: tensor<4x4xf32>) {
  // expected-error @+1 {{permutation is not valid}}
  %0 = linalg.transpose ins(%a : tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) permutation = [0, 0]
  return
}

// -----

func.func @transpose_dims(%a: tensor<4x3xf32>, %c: tensor<4x3xf32>) {
  // expected-error @+1 {{dim(result, 0) = 4 doesn't match dim(input, permutation[0]) = 3}}
  %0 = linalg.transpose ins(%a : tensor<4x3xf32>) outs(%c : tensor<4x3xf32>) permutation = [1, 0]
  return
}

// -----

func.func @transpose_rank(%a: tensor<4x3xf32>, %c: tensor<12xf32>) {
  // expected-error @+1 {{input rank 2 does not match init rank 1}}
  %0 = linalg.transpose ins(%a : tensor<4x3xf32>) outs(%c : tensor<12xf32>) permutation = [1, 0]
  return
}

// -----

func.func @generic_map_count(%a: tensor<4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{expected the number of indexing_map (1) to be equal to the number of input/output operands (2)}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x4xf32>) outs(%c : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4xf32>
  return
}

// -----

func.func @generic_map_rank(%a: tensor<4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{expected operand rank (1) to match the result rank of indexing_map #1 (2)}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x4xf32>) outs(%c : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4xf32>
  return
}

// -----

func.func @generic_loops(%a: tensor<4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{expected indexing_map #0 to have 1 dim(s) to match the number of loops}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel"]} ins(%a : tensor<4x4xf32>) outs(%c : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4xf32>
  return
}

// -----

func.func @generic_args(%a: tensor<4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{expected as many non-induction variable region arguments as the number of input/output operands}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x4xf32>) outs(%c : tensor<4xf32>) {
  ^bb0(%in: f32):
    linalg.yield %in : f32
  } -> tensor<4xf32>
  return
}

// -----

func.func @generic_arg_type(%a: tensor<4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{expected type of bb argument #1 ('f64') to match element or self type of the corresponding operand ('f32')}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x4xf32>) outs(%c : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f64):
    linalg.yield %in : f32
  } -> tensor<4xf32>
  return
}

// -----

func.func @generic_shapes(%a: tensor<4x4xf32>, %c: tensor<3xf32>) {
  // expected-error @+1 {{inferred input/output operand #1 has shape's dimension #0 to be 4, but found 3}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x4xf32>) outs(%c : tensor<3xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<3xf32>
  return
}

// -----

func.func @generic_result_type(%a: tensor<4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{expected type of operand #1 ('tensor<4xf32>') to match type of corresponding result ('tensor<5xf32>')}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x4xf32>) outs(%c : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<5xf32>
  return
}

// -----

func.func @generic_iterator(%a: tensor<4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{unexpected iterator_type (bogus)}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "bogus"]} ins(%a : tensor<4x4xf32>) outs(%c : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4xf32>
  return
}

// -----

func.func @yield_type(%a: tensor<4x4xf32>, %c: tensor<4xf32>, %d: f64) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x4xf32>) outs(%c : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    // expected-error @+1 {{type of yield operand 1 ('f64') doesn't match the element type of the enclosing linalg.generic op ('f32')}}
    linalg.yield %d : f64
  } -> tensor<4xf32>
  return
}

// -----

func.func @yield_count(%a: tensor<4x4xf32>, %c: tensor<4xf32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x4xf32>) outs(%c : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    // expected-error @+1 {{expected number of yield values (2) to match the number of inits / outs operands of the enclosing LinalgOp (1)}}
    linalg.yield %in, %in : f32, f32
  } -> tensor<4xf32>
  return
}

// -----

func.func @yield_parent(%a: f32) {
  // expected-error @+1 {{expected parent op with LinalgOp interface}}
  linalg.yield %a : f32
}

// -----

func.func @index_range(%c: tensor<4xf32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%c : tensor<4xf32>) {
  ^bb0(%out: f32):
    // expected-error @+1 {{expected dim (1) to be lower than the number of loops (1) of the enclosing LinalgOp}}
    %i = linalg.index 1 : index
    linalg.yield %out : f32
  } -> tensor<4xf32>
  return
}

// -----

func.func @index_parent() {
  // expected-error @+1 {{expected parent op with LinalgOp interface}}
  %i = linalg.index 0 : index
  return
}

// -----

func.func @reduce_rank(%a: tensor<4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{number of dimensions after reduction 0 doesn't match the init rank 1}}
  %0 = linalg.reduce ins(%a : tensor<4x4xf32>) outs(%c : tensor<4xf32>) dimensions = [0, 1]
    (%in: f32, %init: f32) {
      linalg.yield %in : f32
    }
  return
}

// -----

func.func @reduce_range(%a: tensor<4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{dimensions for reduction should be in the range [0, 1]}}
  %0 = linalg.reduce { arith.addf } ins(%a : tensor<4x4xf32>) outs(%c : tensor<4xf32>) dimensions = [2]
  return
}

// -----

func.func @broadcast_rank(%a: tensor<4xf32>, %b: tensor<4x8xf32>) {
  // expected-error @+1 {{input rank plus added dimensions does not match init rank. input rank: 1, dimensions size: 0, init rank: 2}}
  %0 = linalg.broadcast ins(%a : tensor<4xf32>) outs(%b : tensor<4x8xf32>) dimensions = []
  return
}

// -----

func.func @broadcast_dim(%a: tensor<4xf32>, %b: tensor<4x8xf32>) {
  // expected-error @+1 {{input dim 0 should match init dim 1. input: 4, init: 8}}
  %0 = linalg.broadcast ins(%a : tensor<4xf32>) outs(%b : tensor<4x8xf32>) dimensions = [0]
  return
}

// -----

func.func @broadcast_range(%a: tensor<4xf32>, %b: tensor<4x8xf32>) {
  // expected-error @+1 {{dimension 0 is out of range. expected range: [0, 1], got: 2}}
  %0 = linalg.broadcast ins(%a : tensor<4xf32>) outs(%b : tensor<4x8xf32>) dimensions = [2]
  return
}

// -----

func.func @map_arity(%a: tensor<4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{expects number of operands to match the arity of mapper, but got: 2 and 1}}
  %1 = linalg.map ins(%a, %c : tensor<4xf32>, tensor<4xf32>) outs(%c : tensor<4xf32>)
    (%x: f32) {
      linalg.yield %x : f32
    }
  return
}

// -----

func.func @map_shape(%a: tensor<4xf32>, %c: tensor<4xf32>, %d: tensor<3xf32>) {
  // expected-error @+1 {{expected shape of input (3) to match shape of output (4)}}
  %1 = linalg.map ins(%a, %d : tensor<4xf32>, tensor<3xf32>) outs(%c : tensor<4xf32>)
    (%x: f32, %y: f32) {
      linalg.yield %x : f32
    }
  return
}

// -----

func.func @map_arg_type(%a: tensor<4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{expected element type of input 'f32' to match bbArg type 'f64'}}
  %1 = linalg.map ins(%a, %c : tensor<4xf32>, tensor<4xf32>) outs(%c : tensor<4xf32>)
    (%x: f32, %y: f64) {
      linalg.yield %x : f32
    }
  return
}

// -----

func.func @conv_strides_rank(%x: tensor<1x7x7x2xf32>, %k: tensor<3x3x2x4xf32>, %o: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{attribute 'strides' failed to satisfy constraint: 64-bit signless int elements attribute of shape [2]}}
  %0 = linalg.conv_2d_nhwc_hwcf {strides = dense<2> : tensor<3xi64>} ins(%x, %k : tensor<1x7x7x2xf32>, tensor<3x3x2x4xf32>) outs(%o : tensor<1x3x3x4xf32>) -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @conv_dilations_type(%x: tensor<1x7x7x2xf32>, %k: tensor<3x3x2xf32>, %o: tensor<1x3x3x2xf32>) {
  // expected-error @+1 {{attribute 'dilations' failed to satisfy constraint: 64-bit signless int elements attribute of shape [2]}}
  %0 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<2> : tensor<2xi32>} ins(%x, %k : tensor<1x7x7x2xf32>, tensor<3x3x2xf32>) outs(%o : tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
  return
}

// -----

func.func @conv_input_too_small(%x: tensor<1x6x7x2xf32>, %k: tensor<3x3x2x4xf32>, %o: tensor<1x3x3x4xf32>) {
  // expected-error @+1 {{inferred input/output operand #0 has shape's dimension #1 to be greater than or equal to 7, but found 6}}
  %0 = linalg.conv_2d_nhwc_hwcf {strides = dense<2> : tensor<2xi64>} ins(%x, %k : tensor<1x6x7x2xf32>, tensor<3x3x2x4xf32>) outs(%o : tensor<1x3x3x4xf32>) -> tensor<1x3x3x4xf32>
  return
}

// -----

func.func @conv_channels(%x: memref<1x2x7x7xf32>, %k: memref<4x3x3x3xf32>, %o: memref<1x4x3x3xf32>) {
  // expected-error @+1 {{inferred input/output operand #1 has shape's dimension #1 to be 2, but found 3}}
  linalg.conv_2d_nchw_fchw {strides = dense<2> : tensor<2xi64>} ins(%x, %k : memref<1x2x7x7xf32>, memref<4x3x3x3xf32>) outs(%o : memref<1x4x3x3xf32>)
  return
}

// -----

func.func @conv_rank(%x: tensor<7x2xf32>, %k: tensor<3x2x4xf32>, %o: tensor<1x5x4xf32>) {
  // expected-error @+1 {{expected operand rank (2) to match the result rank of indexing_map #0 (3)}}
  %0 = linalg.conv_1d_nwc_wcf ins(%x, %k : tensor<7x2xf32>, tensor<3x2x4xf32>) outs(%o : tensor<1x5x4xf32>) -> tensor<1x5x4xf32>
  return
}

// -----

func.func @pool_mixed(%x: memref<1x7x7x2xf32>, %w: tensor<3x3xf32>, %o: memref<1x5x5x2xf32>) {
  // expected-error @+1 {{expected to have pure tensor or buffer semantics}}
  linalg.pooling_nhwc_max ins(%x, %w : memref<1x7x7x2xf32>, tensor<3x3xf32>) outs(%o : memref<1x5x5x2xf32>)
  return
}

// -----

func.func @depthwise_channels(%i: tensor<1x2x5x5xf32>, %k: tensor<3x2x2xf32>, %o: tensor<1x2x4x4xf32>) {
  // expected-error @+1 {{inferred input/output operand #1 has shape's dimension #0 to be 2, but found 3}}
  %r = linalg.depthwise_conv_2d_nchw_chw ins(%i, %k : tensor<1x2x5x5xf32>, tensor<3x2x2xf32>) outs(%o : tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  return
}

// -----

func.func @conv_1d_strides_rank(%i: memref<1x2x5xf32>, %k: memref<3x2x2xf32>, %o: memref<1x3x4xf32>) {
  // expected-error @+1 {{'linalg.conv_1d_ncw_fcw' op attribute 'strides' failed to satisfy constraint: 64-bit signless int elements attribute of shape [1]}}
  linalg.conv_1d_ncw_fcw {strides = dense<1> : tensor<2xi64>} ins(%i, %k : memref<1x2x5xf32>, memref<3x2x2xf32>) outs(%o : memref<1x3x4xf32>)
  return
}

// -----

func.func @quantized_matmul_zero_point(%a: tensor<3x4xi8>, %b: tensor<4x5xi8>, %az: i8, %o: tensor<3x5xi32>) {
  %r = linalg.quantized_matmul ins(%a, %b, %az : tensor<3x4xi8>, tensor<4x5xi8>, i8) outs(%o : tensor<3x5xi32>) -> tensor<3x5xi32>
  // expected-error @+1 {{custom op 'linalg.quantized_matmul' [parseNamedStructuredOpRegion] ods-gen generated region expects 5 args, got 4}}
  return
}

// -----

func.func @batch_reduce_matmul_shape(%a: memref<2x3x4xf32>, %b: memref<2x4x5xf32>, %o: memref<3x6xf32>) {
  // expected-error @+1 {{'linalg.batch_reduce_matmul' op inferred input/output operand #2 has shape's dimension #1 to be 5, but found 6}}
  linalg.batch_reduce_matmul ins(%a, %b : memref<2x3x4xf32>, memref<2x4x5xf32>) outs(%o : memref<3x6xf32>)
  return
}

// -----

func.func @pooling_3d_input_too_small(%i: tensor<1x4x4x4x2xf32>, %k: tensor<2x2x2xf32>, %o: tensor<1x2x2x2x2xf32>) {
  // expected-error @+1 {{inferred input/output operand #0 has shape's dimension #1 to be greater than or equal to 5, but found 4}}
  %r = linalg.pooling_ndhwc_max {dilations = dense<2> : tensor<3xi64>, strides = dense<2> : tensor<3xi64>} ins(%i, %k : tensor<1x4x4x4x2xf32>, tensor<2x2x2xf32>) outs(%o : tensor<1x2x2x2x2xf32>) -> tensor<1x2x2x2x2xf32>
  return
}

// -----

func.func @batch_vecmat_shape(%a: tensor<2x3xf32>, %b: tensor<2x3x5xf32>, %o: tensor<2x4xf32>) {
  // expected-error @+1 {{inferred input/output operand #2 has shape's dimension #1 to be 5, but found 4}}
  %r = linalg.batch_vecmat ins(%a, %b : tensor<2x3xf32>, tensor<2x3x5xf32>) outs(%o : tensor<2x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @conv_q_output_channels(%i: tensor<1x5x5x2xi8>, %k: tensor<2x2x2x3xi8>, %iz: i32, %kz: i32, %o: tensor<1x4x4x4xi32>) {
  // expected-error @+1 {{'linalg.conv_2d_nhwc_hwcf_q' op inferred input/output operand #4 has shape's dimension #3 to be 3, but found 4}}
  %r = linalg.conv_2d_nhwc_hwcf_q ins(%i, %k, %iz, %kz : tensor<1x5x5x2xi8>, tensor<2x2x2x3xi8>, i32, i32) outs(%o : tensor<1x4x4x4xi32>) -> tensor<1x4x4x4xi32>
  return
}

// -----

func.func @conv_q_zero_point_rank(%i: tensor<1x5x5x2xi8>, %k: tensor<2x2x2x3xi8>, %iz: tensor<1xi32>, %kz: i32, %o: tensor<1x4x4x3xi32>) {
  // expected-error @+1 {{expected operand rank (1) to match the result rank of indexing_map #2 (0)}}
  %r = linalg.conv_2d_nhwc_hwcf_q ins(%i, %k, %iz, %kz : tensor<1x5x5x2xi8>, tensor<2x2x2x3xi8>, tensor<1xi32>, i32) outs(%o : tensor<1x4x4x3xi32>) -> tensor<1x4x4x3xi32>
  return
}

// -----

func.func @segments(%a: tensor<4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{'linalg.exp' op operand count (2) does not match with the total size (0) specified in attribute 'operandSegmentSizes'}}
  %0 = "linalg.exp"(%a, %c) ({
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @scalar_out(%a: f32, %c: f32) {
  // expected-error @+1 {{'linalg.fill' op operand #1 must be variadic of shaped of any type values, but got 'f32'}}
  "linalg.fill"(%a, %c) <{operandSegmentSizes = array<i32: 1, 1>}> ({
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }) : (f32, f32) -> ()
  return
}

// -----

func.func @transpose_scalar(%a: f32, %c: tensor<4xf32>) {
  // expected-error @+1 {{'linalg.transpose' op operand #0 must be memref of any type values or ranked tensor of any type values, but got 'f32'}}
  %0 = "linalg.transpose"(%a, %c) <{permutation = array<i64: 0>}> ({
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }) : (f32, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @generic_symbols(%c: tensor<4xf32>) {
  // expected-error @+1 {{'linalg.generic' op unexpected symbols in indexing_map #0}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0)[s0] -> (d0)>], iterator_types = ["parallel"]} outs(%c : tensor<4xf32>) {
  ^bb0(%out: f32):
    linalg.yield %out : f32
  } -> tensor<4xf32>
  return
}

// -----

func.func @generic_maps_attr(%c: tensor<4xf32>) {
  // expected-error @+1 {{'linalg.generic' op requires attribute 'indexing_maps'}}
  %0 = "linalg.generic"(%c) <{iterator_types = [#linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 0, 1>}> ({
  ^bb0(%out: f32):
    linalg.yield %out : f32
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @generic_blocks(%c: tensor<4xf32>) {
  // expected-error @+1 {{'linalg.generic' op expects to have 1 region with 1 block}}
  %0 = "linalg.generic"(%c) <{indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = [#linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 0, 1>}> ({
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @index_type(%c: tensor<4xf32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%c : tensor<4xf32>) {
  ^bb0(%out: f32):
    // expected-error @+1 {{custom op 'linalg.index' invalid kind of type specified}}
    %i = linalg.index 0 : i32
    linalg.yield %out : f32
  } -> tensor<4xf32>
  return
}

// -----

func.func @reduce_unique(%a: tensor<4x4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{'linalg.reduce' op attribute 'dimensions' failed to satisfy constraint: i64 dense array attribute should be in increasing order}}
  %0 = linalg.reduce { arith.addf } ins(%a : tensor<4x4x4xf32>) outs(%c : tensor<4xf32>) dimensions = [1, 1]
  return
}

// -----

func.func @reduce_scalar(%a: f32, %c: f32) {
  // expected-error @+1 {{'linalg.reduce' op operand #0 must be variadic of memref of any type values or ranked tensor of any type values, but got 'f32'}}
  "linalg.reduce"(%a, %c) <{dimensions = array<i64>}> ({
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }) : (f32, f32) -> ()
  return
}

// -----

func.func @map_scalar(%a: f32, %c: tensor<4xf32>) {
  // expected-error @+1 {{'linalg.map' op operand #0 must be variadic of memref of any type values or ranked tensor of any type values, but got 'f32'}}
  %1 = "linalg.map"(%a, %c) ({
  ^bb0(%x: f32):
    linalg.yield %x : f32
  }) : (f32, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @generic_maps_kind(%c: tensor<4xf32>) {
  // expected-error @+1 {{'linalg.generic' op attribute 'indexing_maps' failed to satisfy constraint: AffineMap array attribute}}
  %0 = "linalg.generic"(%c) <{indexing_maps = [1 : i64], iterator_types = [#linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 0, 1>}> ({
  ^bb0(%out: f32):
    linalg.yield %out : f32
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @generic_iterator_kind(%c: tensor<4xf32>) {
  // expected-error @+1 {{'linalg.generic' op attribute 'iterator_types' failed to satisfy constraint: Iterator type should be an enum.}}
  %0 = "linalg.generic"(%c) <{indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = [1 : i64], operandSegmentSizes = array<i32: 0, 1>}> ({
  ^bb0(%out: f32):
    linalg.yield %out : f32
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @named_arity(%a: tensor<4xf32>, %c: tensor<4xf32>) {
  %0 = linalg.add ins(%a : tensor<4xf32>) outs(%c : tensor<4xf32>) -> tensor<4xf32>
  // expected-error @+1 {{custom op 'linalg.add' [parseNamedStructuredOpRegion] ods-gen generated region expects 3 args, got 2}}
  return
}

// -----

func.func @pool_inputs(%x: tensor<1x7x7x2xf32>, %o: tensor<1x5x5x2xf32>) {
  %0 = linalg.pooling_nhwc_sum ins(%x : tensor<1x7x7x2xf32>) outs(%o : tensor<1x5x5x2xf32>) -> tensor<1x5x5x2xf32>
  // expected-error @+1 {{custom op 'linalg.pooling_nhwc_sum' [parseNamedStructuredOpRegion] ods-gen generated region expects 3 args, got 2}}
  return
}

// -----

#not_a_dict = [1]
func.func @generic_trait_not_a_dictionary(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error @+1 {{custom op 'linalg.generic' invalid kind of attribute specified}}
  linalg.generic #not_a_dict ins(%a : memref<4xf32>) outs(%b : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  return
}

// -----

func.func @index_below_zero(%A: memref<5xf32>, %B: memref<5xf32>) {
  // expected-error @+1 {{'linalg.generic' op unexpected result less than 0 at expression #0 in (d0) -> (-d0 + 3)}}
  linalg.generic {indexing_maps = [affine_map<(i) -> (3 - i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%A : memref<5xf32>) outs(%B : memref<5xf32>) {
  ^bb0(%a: f32, %b: f32):
    linalg.yield %a : f32
  }
  return
}

// -----

func.func @index_dim_lower_than_number_of_loops(%arg0: memref<f32>) {
  // expected-error @+6 {{op expected dim (2) to be lower than the number of loops (0) of the enclosing LinalgOp}}
  linalg.generic {
      indexing_maps =  [ affine_map<() -> ()> ],
      iterator_types = []}
      outs(%arg0 : memref<f32>) {
    ^bb(%0: f32):
      linalg.index 2 : index
      linalg.yield %0 : f32
  }
}

// -----

func.func @index_dim_negative(%arg0: memref<f32>) {
  // expected-error @+6 {{op attribute 'dim' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 0}}
  linalg.generic {
      indexing_maps =  [ affine_map<() -> ()> ],
      iterator_types = []}
      outs(%arg0 : memref<f32>) {
    ^bb(%0: f32):
      linalg.index -1 : index
      linalg.yield %0 : f32
  }
}

// -----

func.func @generic_no_region(%arg0: memref<f32>) {
  // expected-error @+4 {{expected '{' to begin a region}}
  linalg.generic {
    indexing_maps =  [ affine_map<() -> (0)> ],
    iterator_types = []
  } ins(%arg0 : memref<f32>)
}

// -----

func.func @generic_wrong_iterator(%arg0: memref<1xi32>) {
  // expected-error @+4 {{unexpected iterator_type (random)}}
  linalg.generic {
    indexing_maps =  [ affine_map<(i) -> (i)> ],
    iterator_types = ["random"]}
      outs(%arg0 : memref<1xi32>) {
    ^bb(%i : i32):
    linalg.yield %i : i32
  }
}

// -----

func.func @generic_empty_region(%arg0: memref<f32>) {
  %f0 = arith.constant 0.0: f32
  // expected-error @+1 {{op expects region #0 to have 0 or 1 blocks}}
  linalg.generic {
    indexing_maps =  [ affine_map<() -> ()>, affine_map<() -> ()> ],
    iterator_types = []}
      ins(%arg0 : memref<f32>)
     outs(%arg0 : memref<f32>) {
    ^bb1:
      linalg.yield %f0: f32
    ^bb2:
      linalg.yield %f0: f32
  }
}

// -----

func.func @generic_mismatched_num_arguments(%arg0: memref<f32>) {
  // expected-error @+6 {{'linalg.yield' op expected number of yield values (1) to match the number of inits / outs operands of the enclosing LinalgOp (2)}}
  linalg.generic {
      indexing_maps =  [ affine_map<() -> ()>, affine_map<() -> ()> ],
      iterator_types = []}
      outs(%arg0, %arg0 : memref<f32>, memref<f32>) {
    ^bb(%f: f32):
      linalg.yield %f: f32
  }
}

// -----

func.func @generic_shaped_operand_block_arg_type(%arg0: memref<f32>) {
  // expected-error @+6 {{'linalg.yield' op type of yield operand 1 ('i1') doesn't match the element type of the enclosing linalg.generic op ('f32')}}
  linalg.generic {
    indexing_maps =  [ affine_map<() -> ()> ],
    iterator_types = []}
      outs(%arg0 : memref<f32>) {
    ^bb(%i: i1):
    linalg.yield %i : i1
  }
}

// -----

func.func @generic_scalar_operand_block_arg_type(%arg0: tensor<f32>) {
  // expected-error @+6 {{'linalg.yield' op type of yield operand 1 ('i1') doesn't match the element type of the enclosing linalg.generic op ('f32')}}
  linalg.generic {
    indexing_maps =  [ affine_map<() -> ()> ],
    iterator_types = []}
      outs(%arg0 : tensor<f32>) {
    ^bb(%i: i1):
    linalg.yield %i : i1
  } -> tensor<f32>
}

// -----

func.func @generic_result_tensor_type(%arg0: memref<?xf32, affine_map<(i)[off]->(off + i)>>,
                                 %arg1: tensor<?xf32>) {
  // expected-error @+1 {{expected type of operand #1 ('tensor<?xf32>') to match type of corresponding result ('tensor<f32>')}}
  %0 = linalg.generic {
    indexing_maps = [ affine_map<(i) -> (i)> , affine_map<(i) -> (i)> ],
    iterator_types = ["parallel"]}
       ins(%arg0 : memref<?xf32, affine_map<(i)[off]->(off + i)>>)
      outs(%arg1 : tensor<?xf32>) {
    ^bb(%i: f32, %j: f32):
      linalg.yield %i: f32
  } -> tensor<f32>
}

// -----

func.func @generic(%arg0: memref<?x?xf32>) {
  // expected-error @+6 {{block with no terminator, has %0 = "arith.addf"(%arg1, %arg1) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32}}
  linalg.generic  {
    indexing_maps = [ affine_map<(i, j) -> (i, j)> ],
    iterator_types = ["parallel", "parallel"]}
      outs(%arg0 : memref<?x?xf32>) {
    ^bb(%0: f32) :
      %1 = arith.addf %0, %0: f32
  }
  return
}

// -----

func.func @matching_inits(%m: memref<?x?xf32>, %t: tensor<?x?xf32>) {
  // expected-error @+1 {{expected type of operand #2 ('tensor<?x?xf32>') to match type of corresponding result ('tensor<?xf32>')}}
  %res = linalg.matmul ins(%m, %m : memref<?x?xf32>, memref<?x?xf32>)
                      outs(%t : tensor<?x?xf32>)
                        -> tensor<?xf32>
  return
}

// -----

func.func @illegal_fill_value_type(%arg0 : tensor<2x2xf32>, %arg1 : tensor<2xf32>) -> tensor<2x2xf32>
{
  // expected-error @+1 {{expected op with scalar input}}
  %0 = linalg.fill ins(%arg1 : tensor<2xf32>) outs(%arg0 : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @map_no_operands1() {
  // expected-error @+1 {{'linalg.map' op expected 1 or more operands, but found 0}}
  linalg.map { arith.addf }
}

// -----

func.func @map_no_operands3(
    %lhs: tensor<64xf32>, %rhs: tensor<64xf32>, %init: tensor<64xf32>)
    -> tensor<64xf32> {
  // expected-error @+1 {{cannot name an operation with no results}}
  %add = linalg.map { arith.addf }
  func.return %add : tensor<64xf32>
}

// -----

func.func @reduce_input_vs_init_dimension_mismatch(
    %input: tensor<16x32x64xf32>,
    %init: tensor<16x64xf32>)  -> tensor<16x64xf32> {
  // expected-error @+1 {{'linalg.reduce' op init dimensions [16, 64] doesn't match input dimensions after reduction [16, 32]}}
  %reduce = linalg.reduce
      ins(%input:tensor<16x32x64xf32>)
      outs(%init:tensor<16x64xf32>)
      dimensions = [2]
      (%in: f32, %out: f32) {
        %0 = arith.addf %in, %out: f32
        linalg.yield %0: f32
      }
  func.return %reduce : tensor<16x64xf32>
}

// -----

func.func @reduce_dimensions_out_of_range(%input: tensor<16x32x64xf32>,
    %init: tensor<16x64xf32>)  -> tensor<16x64xf32> {
  // expected-error @+1 {{'linalg.reduce' op dimensions for reduction should be in the range [0, 2].}}
  %reduce = linalg.reduce
      ins(%input:tensor<16x32x64xf32>)
      outs(%init:tensor<16x64xf32>)
      dimensions = [3]
      (%in: f32, %out: f32) {
        %0 = arith.addf %in, %out: f32
        linalg.yield %0: f32
      }
  func.return %reduce : tensor<16x64xf32>
}

// -----

func.func @reduce_wrong_number_of_block_arguments(
    %input1: tensor<16x32x64xf32>,
    %init1: tensor<16x64xf32>, %input2: tensor<16x32x64xf32>,
    %init2: tensor<16x64xf32>)  -> (tensor<16x64xf32>, tensor<16x64xf32>) {
  // expected-error @+1{{'linalg.reduce' op mismatching number of operands and block arguments}}
  %reduce, %reduce2 = linalg.reduce
      ins(%input1, %input2 : tensor<16x32x64xf32>, tensor<16x32x64xf32>)
      outs(%init1, %init2 : tensor<16x64xf32>, tensor<16x64xf32>)
      dimensions = [1]
      (%in: f32, %out: f32) {
        %0 = arith.addf %in, %out: f32
        linalg.yield %0: f32
      }
  func.return %reduce, %reduce2 : tensor<16x64xf32>, tensor<16x64xf32>
}

// -----

func.func @reduce_wrong_block_argument_input_type(
    %input1: tensor<16x32x64xf32>,
    %init1: tensor<16x64xf32>, %input2: tensor<16x32x64xf32>,
    %init2: tensor<16x64xf32>)  -> (tensor<16x64xf32>, tensor<16x64xf32>) {
  // expected-error @+1{{'linalg.reduce' op input element type 'f32' does not match corresponding block argument type 'f64'}}
  %reduce, %reduce2 = linalg.reduce
      ins(%input1, %input2 : tensor<16x32x64xf32>, tensor<16x32x64xf32>)
      outs(%init1, %init2 : tensor<16x64xf32>, tensor<16x64xf32>)
      dimensions = [1]
      (%in1: f32, %in2: f64, %out1: f32, %out2: f64) {
        %0 = arith.addf %in1, %out1: f32
        %1 = arith.addf %in2, %out2: f64
        linalg.yield %0, %1: f32, f64
      }
  func.return %reduce, %reduce2 : tensor<16x64xf32>, tensor<16x64xf32>
}

// -----

func.func @reduce_different_input_shapes(%input1: tensor<16x32x64xf32>,
    %init1: tensor<16x64xf32>, %input2: tensor<17x32x64xf32>,
    %init2: tensor<17x64xf32>)  -> (tensor<16x64xf32>, tensor<17x64xf32>) {
  // expected-error @+1{{'linalg.reduce' op expects all inputs to have the same shapes. Shape at input-index 1 is not equal to the shape at input-index 0.}}
  %reduce, %reduce2 = linalg.reduce
      ins(%input1, %input2 : tensor<16x32x64xf32>, tensor<17x32x64xf32>)
      outs(%init1, %init2 : tensor<16x64xf32>, tensor<17x64xf32>)
      dimensions = [1]
      (%in1: f32, %in2: f32, %out1: f32, %out2: f32) {
        %0 = arith.addf %in1, %out1: f32
        %1 = arith.addf %in2, %out2: f32
        linalg.yield %0, %1: f32, f32
      }
  func.return %reduce, %reduce2 : tensor<16x64xf32>, tensor<17x64xf32>
}

// -----

func.func @reduce_different_output_shapes(%input1: tensor<16x32x64xf32>,
    %init1: tensor<16x64xf32>, %input2: tensor<16x32x64xf32>,
    %init2: tensor<17x64xf32>)  -> (tensor<16x64xf32>, tensor<17x64xf32>) {
  // expected-error @+1{{'linalg.reduce' op expects all outputs to have the same shapes. Shape at output-index 1 is not equal to the shape at output-index 0.}}
  %reduce, %reduce2 = linalg.reduce
      ins(%input1, %input2 : tensor<16x32x64xf32>, tensor<16x32x64xf32>)
      outs(%init1, %init2 : tensor<16x64xf32>, tensor<17x64xf32>)
      dimensions = [1]
      (%in1: f32, %in2: f32, %out1: f32, %out2: f32) {
        %0 = arith.addf %in1, %out1: f32
        %1 = arith.addf %in2, %out2: f32
        linalg.yield %0, %1: f32, f32
      }
  func.return %reduce, %reduce2 : tensor<16x64xf32>, tensor<17x64xf32>
}

// -----

func.func @transpose_rank_permutation_size_mismatch(
    %input: tensor<16x32x64xf32>,
    %init: tensor<32x64x16xf32>) -> tensor<32x64x16xf32> {
  // expected-error @+1 {{'linalg.transpose' op size of permutation 2 does not match the argument rank 3}}
  %transpose = linalg.transpose
      ins(%input:tensor<16x32x64xf32>)
      outs(%init:tensor<32x64x16xf32>)
      permutation = [1, 0]
  func.return %transpose : tensor<32x64x16xf32>
}

// -----

func.func @transpose_no_operands1() {
  // expected-error @+1 {{'linalg.transpose' op expected 2 operands, but found 0}}
  linalg.transpose permutation = [1, 0, 2]
}

// -----

func.func @transpose_no_operands3() -> tensor<32x64x16xf32> {
  // expected-error @+1 {{cannot name an operation with no results}}
  %transpose = linalg.transpose permutation = [1, 0, 2]
  func.return %transpose : tensor<32x64x16xf32>
}

// -----

func.func @broadcast_no_operands1() {
  // expected-error @+1 {{'linalg.broadcast' op expected 2 operands, but found 0}}
  linalg.broadcast dimensions = [1]
}

// -----

func.func @broadcast_no_operands3()
    -> tensor<4x?x16xf32> {
  // expected-error @+1 {{cannot name an operation with no results}}
  %broadcast = linalg.broadcast dimensions = [1]
  func.return %broadcast : tensor<32x64x16xf32>
}

// -----

func.func @missing_iterator_types() {
  // expected-error @below {{expected "iterator_types" array attribute}}
  linalg.generic {} ins() outs()
  return
}

// -----

func.func @generic_singular_maps(%arg0: memref<?xf32>, %arg1: memref<?xf32>) {
  // expected-error @+1 {{'linalg.generic' op expected the shape-to-loops map to be non-null}}
  linalg.generic {
    indexing_maps = [affine_map<(i, j) -> (i + j)>, affine_map<(i, j) -> (i + j)>],
    iterator_types = ["parallel", "parallel"]}
    ins(%arg0 : memref<?xf32>) outs(%arg1 : memref<?xf32>) {
  ^bb(%0: f32, %1: f32):
      linalg.yield %1 : f32
  }
  return
}

// -----

func.func @reduce_wrong_block_argument_output_type(%input1: tensor<16x32x64xf32>, %init1: tensor<16x64xf32>,
    %input2: tensor<16x32x64xf32>, %init2: tensor<16x64xf64>) {
  // expected-error @+1 {{'linalg.reduce' op output element type 'f64' does not match corresponding block argument type 'f32'}}
  %reduce, %reduce2 = linalg.reduce
      ins(%input1, %input2 : tensor<16x32x64xf32>, tensor<16x32x64xf32>)
      outs(%init1, %init2 : tensor<16x64xf32>, tensor<16x64xf64>)
      dimensions = [1]
      (%in1: f32, %in2: f32, %out1: f32, %out2: f32) {
        %0 = arith.addf %in1, %out1: f32
        linalg.yield %0, %out2: f32, f32
      }
  return
}

// -----

func.func @map_arity_before_body(%a: tensor<4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{'linalg.map' op expects number of operands to match the arity of mapper, but got: 1 and 2}}
  %0 = linalg.map ins(%a : tensor<4xf32>) outs(%c : tensor<4xf32>) (%x: f32, %y: f32) {
    linalg.yield %x, %y : f32, f32
  }
  return
}

// -----

func.func @transpose_dynamic_dim(%a: tensor<?x4xf32>, %c: tensor<4x4xf32>) {
  // expected-error @+1 {{'linalg.transpose' op dim(result, 1) = 4 doesn't match dim(input, permutation[1]) = -9223372036854775808}}
  %0 = linalg.transpose ins(%a : tensor<?x4xf32>) outs(%c : tensor<4x4xf32>) permutation = [1, 0]
  return
}

// -----

func.func @fill_arity(%m: memref<4x4xf32>, %f: f32) {
  // expected-error @+1 {{expected op with 1 input and 1 output}}
  linalg.fill ins(%m, %f : memref<4x4xf32>, f32)
  return
}

// -----

func.func @dps_after_body(%a: tensor<4xf32>, %v: tensor<4xf32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%a : tensor<4xf32>) outs(%v : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    // expected-error @+1 {{'linalg.yield' op expected number of yield values (2) to match the number of inits / outs operands of the enclosing LinalgOp (1)}}
    linalg.yield %x, %x : f32, f32
  } -> tensor<5xf32>
  return
}

// -----

func.func @map_no_outs(%a: tensor<4xf32>) {
  // expected-error @+1 {{cannot name an operation with no results}}
  %1 = linalg.map { math.exp } ins(%a : tensor<4xf32>)
  return
}

// -----

func.func @vector_out(%a: f32, %v: vector<4xf32>) {
  "linalg.fill"(%a, %v) <{operandSegmentSizes = array<i32: 1, 1>}> ({
  ^bb0(%x: f32, %y: f32):
    // expected-error @+1 {{'linalg.yield' op type of yield operand 1 ('f32') doesn't match the element type of the enclosing linalg.generic op ('vector<4xf32>')}}
    linalg.yield %x : f32
  }) : (f32, vector<4xf32>) -> ()
  return
}

// -----

func.func @mmt4d_dims_mismatch(%A: tensor<16x16x8x1xf32>, %B: tensor<16x16x8x1xf32>, %C_in: tensor<16x16x8x1xf32>) -> tensor<16x16x8x1xf32> {
  // expected-error @+1 {{inferred input/output operand #2 has shape's dimension #3 to be 8, but found 1}}
  %res = linalg.mmt4d ins(%A, %B: tensor<16x16x8x1xf32>, tensor<16x16x8x1xf32>) outs(%C_in: tensor<16x16x8x1xf32>) -> tensor<16x16x8x1xf32>
  return %res : tensor<16x16x8x1xf32>
}

// -----

func.func @mmt4d_rank_mismatch(%A: tensor<16x16x8x1xf32>, %B: tensor<16x16x8x1xf32>, %C_in: tensor<8x8xf32>) -> tensor<8x8xf32> {
  // expected-error @+1 {{'linalg.mmt4d' op expected operand rank (2) to match the result rank of indexing_map #2 (4)}}
  %res = linalg.mmt4d ins(%A, %B: tensor<16x16x8x1xf32>, tensor<16x16x8x1xf32>) outs(%C_in: tensor<8x8xf32>) -> tensor<8x8xf32>
  return %res : tensor<8x8xf32>
}

// -----

func.func @softmax_element_types(%a: tensor<2x16xf32>, %d: tensor<2x16xf16>) {
  // expected-error @+1 {{'linalg.softmax' op failed to verify that input and output have same element type}}
  %1 = linalg.softmax dimension(1) ins(%a : tensor<2x16xf32>) outs(%d : tensor<2x16xf16>) -> tensor<2x16xf16>
  return
}

// -----

func.func @softmax_shapes(%a: tensor<2x16xf32>, %d: tensor<16x2xf32>) {
  // expected-error @+1 {{'linalg.softmax' op incompatible output shape}}
  %1 = linalg.softmax dimension(0) ins(%a : tensor<2x16xf32>) outs(%d : tensor<16x2xf32>) -> tensor<16x2xf32>
  return
}

// -----

func.func @softmax_dimension(%a: tensor<2x16xf32>, %d: tensor<?x16xf32>) {
  // expected-error @+1 {{'linalg.softmax' op incorrect dimension specified}}
  %1 = linalg.softmax {x = 1} dimension(-1) ins(%a : tensor<2x16xf32>) outs(%d : tensor<?x16xf32>) -> tensor<?x16xf32>
  return
}

// -----

func.func @softmax_dimension_past_rank(%a: memref<2x16xf32>, %d: memref<2x16xf32>) {
  // expected-error @+1 {{'linalg.softmax' op incorrect dimension specified}}
  linalg.softmax dimension(2) ins(%a : memref<2x16xf32>) outs(%d : memref<2x16xf32>)
  return
}

// -----

func.func @softmax_no_result(%a: tensor<2x16xf32>, %d: tensor<2x16xf32>) {
  // expected-error @+1 {{'linalg.softmax' op expected the number of tensor results (0) to be equal to the number of output tensors (1)}}
  linalg.softmax dimension(1) ins(%a : tensor<2x16xf32>) outs(%d : tensor<2x16xf32>)
  return
}

// -----

func.func @softmax_memref_result(%a: memref<2x16xf32>, %d: memref<2x16xf32>) {
  // expected-error @+1 {{'linalg.softmax' op expected the number of tensor results (1) to be equal to the number of output tensors (0)}}
  %1 = linalg.softmax dimension(0) ins(%a : memref<2x16xf32>) outs(%d : memref<2x16xf32>) -> tensor<2x16xf32>
  return
}

// -----

func.func @softmax_scalar(%a: f32, %d: tensor<2x16xf32>) {
  // expected-error @+1 {{custom op 'linalg.softmax' invalid kind of type specified}}
  %1 = linalg.softmax dimension(0) ins(%a : f32) outs(%d : tensor<2x16xf32>) -> tensor<2x16xf32>
  return
}

// -----

func.func @softmax_generic_dimension(%a: tensor<2x16xf32>, %d: tensor<2x16xf32>) {
  // expected-error @+1 {{'linalg.softmax' op attribute 'dimension' failed to satisfy constraint: 64-bit signless integer attribute}}
  %1 = "linalg.softmax"(%a, %d) <{dimension = 1 : i32}> : (tensor<2x16xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  return
}

// -----

func.func @elemwise_unary_bad_fun(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error @+2 {{expected ::mlir::linalg::UnaryFn to be one of: exp, log, abs, ceil, floor, negf, reciprocal, round, sqrt, rsqrt, square, tanh, erf}}
  // expected-error @+1 {{failed to parse UnaryFnAttr parameter 'value' which is to be a `::mlir::linalg::UnaryFn`}}
  linalg.elemwise_unary {fun = #linalg.unary_fn<relu>} ins(%a : memref<4xf32>) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @elemwise_binary_bad_fun(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error @+2 {{expected ::mlir::linalg::BinaryFn to be one of: add, sub, mul, div, div_unsigned, max_signed, min_signed, max_unsigned, min_unsigned, powf}}
  // expected-error @+1 {{failed to parse BinaryFnAttr parameter 'value' which is to be a `::mlir::linalg::BinaryFn`}}
  linalg.elemwise_binary {fun = #linalg.binary_fn<max>} ins(%a, %a : memref<4xf32>, memref<4xf32>) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @elemwise_bad_cast(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error @+2 {{expected ::mlir::linalg::TypeFn to be one of: cast_signed, cast_unsigned}}
  // expected-error @+1 {{failed to parse TypeFnAttr parameter 'value' which is to be a `::mlir::linalg::TypeFn`}}
  linalg.elemwise_unary {cast = #linalg.type_fn<cast_float>} ins(%a : memref<4xf32>) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @elemwise_unary_binary_fun(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error @+1 {{custom op 'linalg.elemwise_unary' 'linalg.elemwise_unary' op attribute 'fun' failed to satisfy constraint: allowed 32-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}}
  linalg.elemwise_unary {fun = #linalg.binary_fn<add>} ins(%a : memref<4xf32>) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @elemwise_binary_string_cast(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error @+1 {{custom op 'linalg.elemwise_binary' 'linalg.elemwise_binary' op attribute 'cast' failed to satisfy constraint: allowed 32-bit signless integer cases: 0, 1}}
  linalg.elemwise_binary {cast = "cast_unsigned"} ins(%a, %a : memref<4xf32>, memref<4xf32>) outs(%b : memref<4xf32>)
  return
}

// -----

func.func @elemwise_binary_inputs(%a: memref<4xf32>, %b: memref<4xf32>) {
  linalg.elemwise_binary ins(%a : memref<4xf32>) outs(%b : memref<4xf32>)
  // (reported where the region is built: after the optional result types)
  // expected-error @+1 {{custom op 'linalg.elemwise_binary' [parseNamedStructuredOpRegion] ods-gen generated region expects 3 args, got 2}}
  return
}

// -----

func.func @elemwise_generic_bad_fun(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error @+1 {{invalid properties {fun = 3 : i32, operandSegmentSizes = array<i32: 1, 1>} for op linalg.elemwise_unary: Invalid attribute `fun` in property conversion: 3 : i32}}
  "linalg.elemwise_unary"(%a, %b) <{fun = 3 : i32, operandSegmentSizes = array<i32: 1, 1>}> ({
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}

// -----

func.func @fill_rng_2d_rank(%min: f64, %max: f64, %seed: i32, %o: memref<2x3x4xf32>) {
  // expected-error @+1 {{'linalg.fill_rng_2d' op expected operand rank (3) to match the result rank of indexing_map #3 (2)}}
  linalg.fill_rng_2d ins(%min, %max, %seed : f64, f64, i32) outs(%o : memref<2x3x4xf32>)
  return
}

// -----

func.func @out_also_input_wrong_result(%a: tensor<4x4xf32>) -> tensor<4x5xf32> {
  // expected-error @+1 {{'linalg.add' op expected type of operand #2 ('tensor<4x4xf32>') to match type of corresponding result ('tensor<4x5xf32>')}}
  %0 = linalg.add ins(%a, %a : tensor<4x4xf32>, tensor<4x4xf32>) outs(%a : tensor<4x4xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

// A named contraction or convolution written out in the generic form: its body and maps (the
// linalg.memoized_indexing_maps MLIR reads back) must still be a contraction's or a convolution's.
func.func @matmul_body_subtracts(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>, %c: tensor<2x2xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{expected add/mul op in the body}}
  %0 = "linalg.matmul"(%a, %b, %c) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.subf %acc, %p : f32
    linalg.yield %s : f32
  }) : (tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @matmul_maps_not_permutations(%a: tensor<2x3xf32>, %b: tensor<2x2xf32>, %c: tensor<2x2xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{expected indexing maps to be projected permutations}}
  %0 = "linalg.matmul"(%a, %b, %c) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }) {linalg.memoized_indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1 + d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>]} : (tensor<2x3xf32>, tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @conv_input_index(%i: tensor<3xf32>, %f: tensor<2xf32>, %o: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{unexpected input index map for convolutions}}
  %0 = "linalg.conv_1d"(%i, %f, %o) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }) {linalg.memoized_indexing_maps = [affine_map<(d0, d1) -> (d0 + d1 mod 2)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0)>]} : (tensor<3xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @conv_filter_index(%i: tensor<3xf32>, %f: tensor<2xf32>, %o: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{expected output/filter indexing maps to be projected permutations}}
  %0 = "linalg.conv_1d"(%i, %f, %o) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }) {linalg.memoized_indexing_maps = [affine_map<(d0, d1) -> (d0 + d1)>, affine_map<(d0, d1) -> (d0 + d1)>, affine_map<(d0, d1) -> (d0)>]} : (tensor<3xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @conv_loop_in_filter_and_output(%i: tensor<3xf32>, %f: tensor<2xf32>, %o: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{unexpected loop dimension for convolution op}}
  %0 = "linalg.conv_1d"(%i, %f, %o) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }) {linalg.memoized_indexing_maps = [affine_map<(d0, d1) -> (d0 + d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d1)>]} : (tensor<3xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @conv_output_reduction(%i: tensor<3xf32>, %f: tensor<2xf32>, %o: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{expected all iterators used to access outputs to be parallel}}
  %0 = "linalg.conv_1d"(%i, %f, %o) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }) {linalg.memoized_indexing_maps = [affine_map<(d0, d1) -> (d0 + d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d1)>]} : (tensor<3xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @conv_filter_parallel(%i: tensor<3x3xf32>, %f: tensor<2x2xf32>, %o: tensor<2x2xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{expected all iterators not used to access outputs to be reduction}}
  %0 = "linalg.conv_2d"(%i, %f, %o) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }) {linalg.memoized_indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0 + d2, d1 + d3)>, affine_map<(d0, d1, d2, d3) -> (d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0)>]} : (tensor<3x3xf32>, tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @transpose_i32_permutation(%a: memref<4x8xf32>, %b: memref<8x4xf32>) {
  // expected-error @+1 {{invalid properties {permutation = array<i32: 1, 0>} for op linalg.transpose: Invalid attribute `permutation` in property conversion: array<i32: 1, 0>}}
  "linalg.transpose"(%a, %b) <{permutation = array<i32: 1, 0>}> ({
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }) : (memref<4x8xf32>, memref<8x4xf32>) -> ()
  return
}

// -----

func.func @index_i32_dim(%a: memref<4xf32>) {
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%a : memref<4xf32>) {
  ^bb0(%o: f32):
    // expected-error @+1 {{'linalg.index' op attribute 'dim' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 0}}
    %i = "linalg.index"() <{dim = 0 : i32}> : () -> index
    linalg.yield %o : f32
  }
  return
}

// -----

func.func @conv_operands_split_otherwise(%i: tensor<3xf32>, %f: tensor<2xf32>, %o: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{expected op with 2 inputs and 1 output}}
  %0 = "linalg.conv_1d"(%i, %f, %o) <{operandSegmentSizes = array<i32: 1, 2>}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }) : (tensor<3xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
