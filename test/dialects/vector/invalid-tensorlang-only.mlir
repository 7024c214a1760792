// vector cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: accepts this input
func.func @transfer_elem(%m: memref<4x8xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op requires source and vector element types to match}}
  %0 = "vector.transfer_read"(%m, %i, %i, %p) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 2, 1, 0>, permutation_map = affine_map<(d0, d1) -> (d1)>}> : (memref<4x8xf32>, index, index, f32) -> vector<4xf64>
  return
}

// -----

// MLIR 19: accepts this input (it checks only the ranks)
func.func @insert_source_shape(%v: vector<2x4xf32>, %a: vector<3xf32>) {
  // expected-error @+1 {{'vector.insert' op expected source type 'vector<4xf32>', but got 'vector<3xf32>'}}
  %0 = vector.insert %a, %v [1] : vector<3xf32> into vector<2x4xf32>
  return
}

// -----

// MLIR 19: accepts this input (it checks the dynamic positions of vector.extract only)
func.func @insert_dynamic(%w: vector<4xf32>, %a: f32, %i: index) {
  // expected-error @+1 {{'vector.insert' op mismatch between dynamic and static positions (kDynamic marker but no corresponding dynamic position) -- this can only happen due to an incorrect fold/rewrite}}
  %0 = "vector.insert"(%a, %w, %i) <{static_position = array<i64: 0>}> : (f32, vector<4xf32>, index) -> vector<4xf32>
  return
}

// -----

// MLIR 19: accepts this input (the vector's trailing dimensions are the memref's vector elements)
func.func @transfer_vector_elements(%m: memref<?x?xvector<4x3xf32>>, %i: index, %p: vector<4x3xf32>) {
  // expected-error @+1 {{'vector.transfer_read' op a source of vector elements ('memref<?x?xvector<4x3xf32>>') is not supported (MLIR 19 takes it; nothing here computes it)}}
  %0 = vector.transfer_read %m[%i, %i], %p : memref<?x?xvector<4x3xf32>>, vector<1x1x4x3xf32>
  return
}
