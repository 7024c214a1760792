// vector cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: error: 'vector.extract' op inferred type(s) 'vector<4xf32>' are incompatible with return type(s) of operation 'f32'; error: 'vector.extract' op failed to infer returned types
func.func @extract_result(%v: vector<2x4xf32>) {
  // expected-error @+1 {{'vector.extract' op inferred type(s) 'vector<4xf32>' are incompatible with return type(s) of operation 'f32'}}
  %0 = vector.extract %v[1] : f32 from vector<2x4xf32>
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

// MLIR 19: accepts this input
func.func @transfer_elem(%m: memref<4x8xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op requires source and vector element types to match}}
  %0 = "vector.transfer_read"(%m, %i, %i, %p) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 2, 1, 0>, permutation_map = affine_map<(d0, d1) -> (d1)>}> : (memref<4x8xf32>, index, index, f32) -> vector<4xf64>
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
  // expected-error @+1 {{'vector.print' op requires a valid 'punctuation' attribute}}
  "vector.print"() <{punctuation = 3 : i32}> : () -> ()
  return
}

// -----

// MLIR 19: accepts this input (it checks only the ranks)
func.func @insert_source_shape(%v: vector<2x4xf32>, %a: vector<3xf32>) {
  // expected-error @+1 {{expected source type 'vector<4xf32>', but got 'vector<3xf32>'}}
  %0 = vector.insert %a, %v [1] : vector<3xf32> into vector<2x4xf32>
  return
}

// -----

// MLIR 19: accepts this input (it checks the dynamic positions of vector.extract only)
func.func @insert_dynamic(%w: vector<4xf32>, %a: f32, %i: index) {
  // expected-error @+1 {{mismatch between dynamic and static positions}}
  %0 = "vector.insert"(%a, %w, %i) <{static_position = array<i64: 0>}> : (f32, vector<4xf32>, index) -> vector<4xf32>
  return
}

// -----

// MLIR 19: error: invalid properties {kind = 3 : i32} for op vector.reduction: Invalid attribute `kind` in property conversion: 3 : i32
func.func @reduction_kind_value(%v: vector<4xf32>) {
  // expected-error @+1 {{requires a valid 'kind' attribute}}
  %0 = "vector.reduction"(%v) <{kind = 3 : i32}> : (vector<4xf32>) -> f32
  return
}
