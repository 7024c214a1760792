// vector cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: error: 'vector.extract' op inferred type(s) 'vector<4xf32>' are incompatible with return type(s) of operation 'f32'; error: 'vector.extract' op failed to infer returned types
func.func @extract_result(%v: vector<2x4xf32>) {
  // expected-error @+1 {{expected result type 'vector<4xf32>', but got 'f32'}}
  %0 = vector.extract %v[1] : f32 from vector<2x4xf32>
  return
}

// -----

// MLIR 19: error: 'vector.extract' op mismatch between dynamic and static positions (kDynamic marker but no corresponding dynamic position) -- this can only happen due to an incorrect fold/rewrite
func.func @extract_dynamic(%v: vector<4xf32>, %i: index) {
  // expected-error @+1 {{number of dynamic positions does not match 'static_position'}}
  %0 = "vector.extract"(%v, %i) <{static_position = array<i64: 0>}> : (vector<4xf32>, index) -> f32
  return
}

// -----

// MLIR 19: error: 'vector.extract' op operand #0 must be vector of any type values, but got 'f32'
func.func @extract_scalar(%a: f32) {
  // expected-error @+1 {{expected a vector operand}}
  %0 = "vector.extract"(%a) <{static_position = array<i64>}> : (f32) -> f32
  return
}

// -----

// MLIR 19: error: 'vector.insert' op expected position attribute rank to match the dest vector rank
func.func @insert_source(%v: vector<2x4xf32>, %a: f32) {
  // expected-error @+1 {{expected source type 'vector<4xf32>', but got 'f32'}}
  %0 = vector.insert %a, %v [1] : f32 into vector<2x4xf32>
  return
}

// -----

// MLIR 19: error: custom op 'vector.reduction' expected ::mlir::vector::CombiningKind to be one of: add, mul, minui, minsi, minnumf, maxui, maxsi, maxnumf, and, or, xor, maximumf, minimumf; error: custom op 'vector.reduction' failed to parse Vector_CombiningKindAttr parameter 'value' which is to be a `::mlir::...
func.func @reduction_unknown(%v: vector<4xf32>) {
  // expected-error @+1 {{unknown combining kind 'avg'}}
  %0 = vector.reduction <avg>, %v : vector<4xf32> into f32
  return
}

// -----

// MLIR 19: error: 'vector.reduction' op requires attribute 'kind'
func.func @reduction_kind_attr(%v: vector<4xf32>) {
  // expected-error @+1 {{requires a valid 'kind' attribute}}
  %0 = "vector.reduction"(%v) : (vector<4xf32>) -> f32
  return
}

// -----

// MLIR 19: error: 'vector.reduction' op operand #0 must be vector of any type values, but got 'f32'
func.func @reduction_scalar(%a: f32) {
  // expected-error @+1 {{operand #0 must be a vector}}
  %0 = "vector.reduction"(%a) <{kind = #vector.kind<add>}> : (f32) -> f32
  return
}

// -----

// MLIR 19: error: 'vector.broadcast' op result #0 must be vector of any type values, but got 'f32'
func.func @broadcast_result(%a: f32) {
  // expected-error @+1 {{result must be a vector}}
  %0 = "vector.broadcast"(%a) : (f32) -> f32
  return
}

// -----

// MLIR 19: error: 'vector.load' op operand #0 must be memref of any type values, but got 'tensor<4xf32>'
func.func @load_base(%t: tensor<4xf32>, %i: index) {
  // expected-error @+1 {{base operand must be a memref}}
  %0 = "vector.load"(%t, %i) : (tensor<4xf32>, index) -> vector<4xf32>
  return
}

// -----

// MLIR 19: error: 'vector.splat' op result #0 must be vector of any type values, but got 'tensor<4xf32>'
func.func @splat_result(%a: f32) {
  // expected-error @+1 {{result must be a vector}}
  %0 = "vector.splat"(%a) : (f32) -> tensor<4xf32>
  return
}

// -----

// MLIR 19: error: custom op 'vector.fma' invalid kind of type specified
func.func @fma_scalar(%a: f32) {
  // expected-error @+1 {{requires vector of floats}}
  %0 = vector.fma %a, %a, %a : f32
  return
}

// -----

// MLIR 19: error: 'vector.transfer_read' op operand #0 must be shaped of any type values, but got 'f32'
func.func @transfer_source(%m: f32, %i: index, %p: f32) {
  // expected-error @+1 {{requires source to be a memref or ranked tensor type}}
  %0 = "vector.transfer_read"(%m, %i, %p) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>}> : (f32, index, f32) -> vector<4xf32>
  return
}

// -----

// MLIR 19: error: 'vector.transfer_read' op result #0 must be vector of any type values, but got 'f32'
func.func @transfer_vector(%m: memref<4xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{requires a vector type}}
  %0 = "vector.transfer_read"(%m, %i, %p) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>}> : (memref<4xf32>, index, f32) -> f32
  return
}

// -----

// MLIR 19: error: 'vector.transfer_read' op operand #1 must be variadic of index, but got 'i32'
func.func @transfer_index_type(%m: memref<4xf32>, %i: i32, %p: f32) {
  // expected-error @+1 {{requires index indices}}
  %0 = "vector.transfer_read"(%m, %i, %p) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>}> : (memref<4xf32>, i32, f32) -> vector<4xf32>
  return
}

// -----

// MLIR 19: accepts this input
func.func @transfer_elem(%m: memref<4x8xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{requires source and vector element types to match}}
  %0 = "vector.transfer_read"(%m, %i, %i, %p) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 2, 1, 0>, permutation_map = affine_map<(d0, d1) -> (d1)>}> : (memref<4x8xf32>, index, index, f32) -> vector<4xf64>
  return
}

// -----

// MLIR 19: error: 'vector.transfer_write' op inferred mask type ('vector<4xi1>') and mask operand type ('vector<8xi1>') don't match
func.func @transfer_mask(%m: memref<4x8xf32>, %i: index, %v: vector<4xf32>, %k: vector<8xi1>) {
  // expected-error @+1 {{expects mask type 'vector<4xi1>'}}
  "vector.transfer_write"(%v, %m, %i, %i, %k) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 2, 1>, permutation_map = affine_map<(d0, d1) -> (d1)>}> : (vector<4xf32>, memref<4x8xf32>, index, index, vector<8xi1>) -> ()
  return
}

// -----

// MLIR 19: error: 'vector.transfer_read' op operand count (3) does not match with the total size (0) specified in attribute 'operandSegmentSizes'
func.func @transfer_segments(%m: memref<4xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{requires an 'operandSegmentSizes' attribute with 4 elements}}
  %0 = "vector.transfer_read"(%m, %i, %p) : (memref<4xf32>, index, f32) -> vector<4xf32>
  return
}

// -----

// MLIR 19: error: 'vector.transfer_write' op expected the number of tensor results (0) to be equal to the number of output tensors (1)
func.func @transfer_write_result(%t: tensor<4xf32>, %i: index, %v: vector<4xf32>) {
  // expected-error @+1 {{should have a tensor result exactly when writing to a tensor}}
  "vector.transfer_write"(%v, %t, %i) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>}> : (vector<4xf32>, tensor<4xf32>, index) -> ()
  return
}

// -----

// MLIR 19: error: 'vector.extractelement' op operand #1 must be signless integer or index, but got 'f32'
func.func @extractelement_pos(%v: vector<4xf32>, %p: f32) {
  // expected-error @+1 {{position must be an integer or index}}
  %0 = vector.extractelement %v[%p : f32] : vector<4xf32>
  return
}

// -----

// MLIR 19: error: 'vector.extractelement' op operand #0 must be vector of any type values, but got 'f32'
func.func @extractelement_scalar(%a: f32, %i: i32) {
  // expected-error @+1 {{expected a vector operand}}
  %0 = "vector.extractelement"(%a, %i) : (f32, i32) -> f32
  return
}

// -----

// MLIR 19: error: 'vector.insertelement' op failed to verify that source operand type matches element type of result
func.func @insertelement_type(%v: vector<4xf32>, %a: f64, %i: i32) {
  // expected-error @+1 {{scalar type must match the vector element type}}
  %0 = "vector.insertelement"(%a, %v, %i) : (f64, vector<4xf32>, i32) -> vector<4xf32>
  return
}

// -----

// MLIR 19: error: custom op 'vector.shape_cast' invalid kind of type specified
func.func @shape_cast_scalar(%a: f32) {
  // expected-error @+1 {{requires vector operand and result}}
  %0 = vector.shape_cast %a : f32 to vector<1xf32>
  return
}

// -----

// MLIR 19: error: custom op 'vector.print' expected ::mlir::vector::PrintPunctuation to be one of: no_punctuation, newline, comma, open, close; error: custom op 'vector.print' failed to parse Vector_PrintPunctuation parameter 'value' which is to be a `::mlir::vector::PrintPunctuation`
func.func @print_punctuation() {
  // expected-error @+1 {{unknown punctuation 'semicolon'}}
  vector.print punctuation <semicolon>
  return
}

// -----

// MLIR 19: error: invalid properties {punctuation = 3 : i32} for op vector.print: Invalid attribute `punctuation` in property conversion: 3 : i32
func.func @print_punctuation_attr() {
  // expected-error @+1 {{requires a valid 'punctuation' attribute}}
  "vector.print"() <{punctuation = 3 : i32}> : () -> ()
  return
}

