// affine cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: accepts this input
func.func @f(%n: index, %x: f32, %k: i32) {
  // expected-error @+1 {{lower bound map takes 1 operands, but 0 given}}
  "affine.for"(%n) <{lowerBoundMap = affine_map<()[s0] -> (s0)>, operandSegmentSizes = array<i32: 0, 1, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : (index) -> ()
  return
}

// -----

// MLIR 19: accepts this input
func.func @f(%n: index, %x: f32, %k: i32) {
  // expected-error @+1 {{upper bound map takes 0 operands, but 1 given}}
  "affine.for"(%n) <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 1, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : (index) -> ()
  return
}

// -----

// MLIR 19: accepts this input
func.func @f(%n: index, %x: f32, %k: i32) {
  // expected-error @+1 {{loop bound maps must have at least one result}}
  "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> ()>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

// MLIR 19: accepts this input
func.func @f(%n: index, %x: f32, %k: i32) {
  // expected-error @+1 {{expected step to be a positive integer}}
  "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 0 : index, upperBoundMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

// MLIR 19: accepts this input
func.func @f(%n: index) {
  // expected-error @+1 {{expected step to be representable as a positive signed integer}}
  affine.for %i = 0 to 10 step 0 {
  }
  return
}

// -----

// MLIR 19: error: 'affine.if' op  region control flow edge from parent operands to parent results: source has 0 operands, but target successor needs 1
func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{must have an else block if defining values}}
  %r = affine.if affine_set<(d0) : (d0 >= 0)>(%n) -> f32 {
    affine.yield %x : f32
  }
  return
}

// -----

// MLIR 19: error: operation defines 2 results but was provided 1 to bind
func.func @f(%n: index) {
  // expected-error @+1 {{mapping must produce one value}}
  %a = affine.apply affine_map<(d0) -> (d0, d0)>(%n)
  return
}

// -----

// MLIR 19: accepts this input
func.func @f(%n: index) {
  // expected-error @+1 {{affine map expect at least one result}}
  %a = affine.min affine_map<(d0) -> ()>(%n)
  return
}

// -----

// MLIR 19: accepts this input
func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{steps must be positive integers}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [0], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

// MLIR 19: accepts this input
func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{operand count must match the lower and upper bound map inputs}}
  "affine.parallel"(%n) <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : (index) -> ()
  return
}

// -----

// MLIR 19: accepts this input
func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{induction variables must be of index type}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: i32):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}
