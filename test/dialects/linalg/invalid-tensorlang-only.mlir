// linalg cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: accepts this input
func.func @named_arity_generic(%a: tensor<4xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{'linalg.add' op expected 2 input(s) and 1 output}}
  %0 = "linalg.add"(%a, %c) <{operandSegmentSizes = array<i32: 1, 1>}> ({
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// MLIR 19: error: expected ::mlir::utils::IteratorType to be one of: parallel, reduction; error: failed to parse IteratorTypeEnum parameter 'value' which is to be a `::mlir::utils::IteratorType`
func.func @generic_iterator_attr(%c: tensor<4xf32>) {
  // expected-error @+1 {{'linalg.generic' op attribute 'iterator_types' failed to satisfy constraint: Iterator type should be an enum.}}
  %0 = "linalg.generic"(%c) <{indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = [#linalg.iterator_type<window>], operandSegmentSizes = array<i32: 0, 1>}> ({
  ^bb0(%out: f32):
    linalg.yield %out : f32
  }) : (tensor<4xf32>) -> tensor<4xf32>
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
  // expected-error @+1 {{'linalg.reduce' op expected as many inputs as outputs}}
  %0 = "linalg.reduce"(%a, %a, %c) <{dimensions = array<i64: 1>}> ({
  ^bb0(%x: f32, %y: f32, %z: f32):
    linalg.yield %x : f32
  }) : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<4xf32>
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

// MLIR 19: the same error, at an unknown location (its named ops' bodies have none)
func.func @named_no_outs(%a: tensor<4xf32>) {
  // expected-error @+1 {{'linalg.yield' op expected number of yield values (1) to match the number of inits / outs operands of the enclosing LinalgOp (0)}}
  linalg.add ins(%a, %a, %a : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>)
  return
}

// -----

// MLIR 19: the same error at an unknown location (its region builder gives the body's ops none)
func.func @elemwise_unary_on_integers(%a: memref<4xi32>, %b: memref<4xi32>) {
  // expected-error @+1 {{'math.exp' op operand #0 must be floating-point-like, but got 'i32'}}
  linalg.elemwise_unary ins(%a : memref<4xi32>) outs(%b : memref<4xi32>)
  return
}

// -----

// MLIR 19: the same error at an unknown location (its region builder gives the body's ops none)
func.func @fill_rng_2d_seed(%min: f64, %max: f64, %o: memref<3x4xf32>) {
  // expected-error @+1 {{'arith.addi' op operand #1 must be signless-integer-like, but got 'f64'}}
  linalg.fill_rng_2d ins(%min, %max, %min : f64, f64, f64) outs(%o : memref<3x4xf32>)
  return
}

// -----

// MLIR 19: the same error at an unknown location (UnaryFn.square is arith.mulf whatever the type)
func.func @square_of_integers(%x: tensor<4xi32>, %o: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error @+1 {{'arith.mulf' op operand #0 must be floating-point-like, but got 'i32'}}
  %0 = linalg.square ins(%x : tensor<4xi32>) outs(%o : tensor<4xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// MLIR 19: the same error at an unknown location (BinaryFn.div_unsigned is arith.divui whatever the type)
func.func @div_unsigned_of_floats(%x: tensor<4xf32>, %o: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'arith.divui' op operand #0 must be signless-integer-like, but got 'f32'}}
  %0 = linalg.div_unsigned ins(%x, %x : tensor<4xf32>, tensor<4xf32>) outs(%o : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// MLIR 19: the same error at an unknown location (linalg.add casts nothing)
func.func @add_widening(%x: tensor<4xi8>, %o: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error @+1 {{'linalg.yield' op type of yield operand 1 ('i8') doesn't match the element type of the enclosing linalg.generic op ('i32')}}
  %0 = linalg.add ins(%x, %x : tensor<4xi8>, tensor<4xi8>) outs(%o : tensor<4xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// MLIR 19: the same error at an unknown location (linalg.exp casts nothing)
func.func @exp_widening(%x: tensor<4xf16>, %o: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'linalg.yield' op type of yield operand 1 ('f16') doesn't match the element type of the enclosing linalg.generic op ('f32')}}
  %0 = linalg.exp ins(%x : tensor<4xf16>) outs(%o : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// MLIR 19: crashes (the sum adds the accumulator to itself, where a product should be); later MLIR refuses it so
func.func @matmul_body_no_product(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>, %c: tensor<2x2xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{expected add/mul op in the body}}
  %0 = "linalg.matmul"(%a, %b, %c) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %s = arith.addf %acc, %acc : f32
    linalg.yield %s : f32
  }) : (tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// MLIR 19: crashes (the body yields an argument: no sum); later MLIR refuses it so
func.func @matmul_body_yields_argument(%a: tensor<2x2xf32>, %b: tensor<2x2xf32>, %c: tensor<2x2xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{expected add/mul op in the body}}
  %0 = "linalg.matmul"(%a, %b, %c) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    linalg.yield %x : f32
  }) : (tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}
