// linalg cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: error (on another line): custom op 'linalg.add' [parseNamedStructuredOpRegion] ods-gen generated region expects 3 args, got 2
func.func @named_arity(%a: tensor<4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{expected 2 input(s) and 1 output}}
  %0 = linalg.add ins(%a : tensor<4xf32>) outs(%c : tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// MLIR 19: accepts this input
func.func @named_arity_generic(%a: tensor<4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{expected 2 input(s) and 1 output}}
  %0 = "linalg.add"(%a, %c) <{operandSegmentSizes = array<i32: 1, 1>}> ({
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// MLIR 19: error: 'linalg.exp' op operand count (2) does not match with the total size (0) specified in attribute 'operandSegmentSizes'
func.func @segments(%a: tensor<4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{requires an 'operandSegmentSizes' attribute with 2 elements}}
  %0 = "linalg.exp"(%a, %c) ({
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// MLIR 19: error: 'linalg.fill' op operand #1 must be variadic of shaped of any type values, but got 'f32'
func.func @scalar_out(%a: f32, %c: f32) {
  // expected-error @+1 {{expected output operands to be ranked tensors or memrefs}}
  "linalg.fill"(%a, %c) <{operandSegmentSizes = array<i32: 1, 1>}> ({
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }) : (f32, f32) -> ()
  return
}

// -----

// MLIR 19: error: 'linalg.transpose' op operand #0 must be memref of any type values or ranked tensor of any type values, but got 'f32'
func.func @transpose_scalar(%a: f32, %c: tensor<4xf32>) {
  // expected-error @+1 {{expects shaped operands}}
  %0 = "linalg.transpose"(%a, %c) <{permutation = array<i64: 0>}> ({
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }) : (f32, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// MLIR 19: error: 'linalg.generic' op unexpected symbols in indexing_map #0
func.func @generic_symbols(%c: tensor<4xf32>) {
  // expected-error @+1 {{expected indexing_map #0 to have no symbols}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0)[s0] -> (d0)>], iterator_types = ["parallel"]} outs(%c : tensor<4xf32>) {
  ^bb0(%out: f32):
    linalg.yield %out : f32
  } -> tensor<4xf32>
  return
}

// -----

// MLIR 19: error: expected ::mlir::utils::IteratorType to be one of: parallel, reduction; error: failed to parse IteratorTypeEnum parameter 'value' which is to be a `::mlir::utils::IteratorType`
func.func @generic_iterator_attr(%c: tensor<4xf32>) {
  // expected-error @+1 {{requires an 'iterator_types' array of #linalg.iterator_type}}
  %0 = "linalg.generic"(%c) <{indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = [#linalg.iterator_type<window>], operandSegmentSizes = array<i32: 0, 1>}> ({
  ^bb0(%out: f32):
    linalg.yield %out : f32
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// MLIR 19: error: 'linalg.generic' op requires attribute 'indexing_maps'
func.func @generic_maps_attr(%c: tensor<4xf32>) {
  // expected-error @+1 {{requires an 'indexing_maps' array of affine maps}}
  %0 = "linalg.generic"(%c) <{iterator_types = [#linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 0, 1>}> ({
  ^bb0(%out: f32):
    linalg.yield %out : f32
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// MLIR 19: error: 'linalg.generic' op expects to have 1 region with 1 block
func.func @generic_blocks(%c: tensor<4xf32>) {
  // expected-error @+1 {{requires one region with one block}}
  %0 = "linalg.generic"(%c) <{indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = [#linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 0, 1>}> ({
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// MLIR 19: error: custom op 'linalg.index' invalid kind of type specified
func.func @index_type(%c: tensor<4xf32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%c : tensor<4xf32>) {
  ^bb0(%out: f32):
    // expected-error @+1 {{result must be index}}
    %i = linalg.index 0 : i32
    linalg.yield %out : f32
  } -> tensor<4xf32>
  return
}

// -----

// MLIR 19: error: 'linalg.reduce' op attribute 'dimensions' failed to satisfy constraint: i64 dense array attribute should be in increasing order
func.func @reduce_unique(%a: tensor<4x4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{dimensions for reduction should be unique}}
  %0 = linalg.reduce { arith.addf } ins(%a : tensor<4x4x4xf32>) outs(%c : tensor<4xf32>) dimensions = [1, 1]
  return
}

// -----

// MLIR 19: error: 'linalg.reduce' op number of dimensions after reduction 1 doesn't match the init rank 2
func.func @reduce_operands(%a: tensor<4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{expected as many inputs as outputs}}
  %0 = linalg.reduce ins(%a, %a : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4xf32>) dimensions = [1]
    (%in: f32, %in2: f32, %init: f32) {
      linalg.yield %in : f32
    }
  return
}

// -----

// MLIR 19: error: 'linalg.reduce' op number of dimensions after reduction 1 doesn't match the init rank 2
func.func @reduce_generic_operands(%a: tensor<4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{expected as many inputs as outputs}}
  %0 = "linalg.reduce"(%a, %a, %c) <{dimensions = array<i64: 1>}> ({
  ^bb0(%x: f32, %y: f32, %z: f32):
    linalg.yield %x : f32
  }) : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// MLIR 19: error: 'linalg.reduce' op operand #0 must be variadic of memref of any type values or ranked tensor of any type values, but got 'f32'
func.func @reduce_scalar(%a: f32, %c: f32) {
  // expected-error @+1 {{expects shaped operands}}
  "linalg.reduce"(%a, %c) <{dimensions = array<i64>}> ({
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }) : (f32, f32) -> ()
  return
}

// -----

// MLIR 19: error: 'linalg.map' op operand #0 must be variadic of memref of any type values or ranked tensor of any type values, but got 'f32'
func.func @map_scalar(%a: f32, %c: tensor<4xf32>) {
  // expected-error @+1 {{expects shaped operands}}
  %1 = "linalg.map"(%a, %c) ({
  ^bb0(%x: f32):
    linalg.yield %x : f32
  }) : (f32, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// MLIR 19: error: cannot name an operation with no results
func.func @map_no_outs(%a: tensor<4xf32>) {
  // expected-error @+1 {{expected 1 output}}
  %1 = linalg.map { math.exp } ins(%a : tensor<4xf32>)
  return
}

// -----

// MLIR 19: error: 'arith.addf' op expected 2 operands, but found 4
func.func @reduce_short_inputs(%a: tensor<4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{the short form takes one input and one output}}
  %0:2 = linalg.reduce { arith.addf } ins(%a, %a : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c, %c : tensor<4xf32>, tensor<4xf32>) dimensions = [1]
  return
}

// -----

// MLIR 19: error (on another line): custom op 'linalg.pooling_nhwc_sum' [parseNamedStructuredOpRegion] ods-gen generated region expects 3 args, got 2
func.func @pool_inputs(%x: tensor<1x7x7x2xf32>, %o: tensor<1x5x5x2xf32>) {
  // expected-error @+1 {{expected 2 input(s) and 1 output}}
  %0 = linalg.pooling_nhwc_sum ins(%x : tensor<1x7x7x2xf32>) outs(%o : tensor<1x5x5x2xf32>) -> tensor<1x5x5x2xf32>
  return
}
