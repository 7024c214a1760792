// affine cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: error: invalid properties {lowerBoundMap = 1 : index, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (10)>} for op affine.for: Invalid attribute `lowerBoundMap` in property conversion: 1 : index
func.func @f(%n: index, %x: f32, %k: i32) {
  // expected-error @+1 {{requires 'lowerBoundMap' and 'upperBoundMap' affine map attributes}}
  "affine.for"() <{lowerBoundMap = 1 : index, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

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

// MLIR 19: error: custom op 'affine.apply' dimension or symbol index mismatch
func.func @f(%n: index) {
  // expected-error @+1 {{symbol operand count and affine map symbol count must match}}
  %a = affine.apply affine_map<(d0)[s0] -> (d0 + s0)>(%n)
  return
}

// -----

// MLIR 19: error: 'affine.yield' op only terminates affine.if/for/parallel regions
func.func @f(%n: index) {
  // expected-error @+1 {{expects parent op to be one of 'affine.for, affine.if, affine.parallel', got 'func.func'}}
  affine.yield
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

// MLIR 19: error: custom op 'affine.if' invalid kind of attribute specified
func.func @f(%n: index) {
  // expected-error @+1 {{expected an integer set (affine_set<...> or #alias)}}
  affine.if affine_map<(d0) -> (d0)>(%n) {
  }
  return
}

// -----

// MLIR 19: error: 'affine.load' op requires attribute 'map'
func.func @f(%A: memref<10xf32>, %i: index) {
  // expected-error @+1 {{requires an affine map attribute named 'map'}}
  %v = "affine.load"(%A, %i) : (memref<10xf32>, index) -> f32
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

// MLIR 19: error: 'affine.apply' op requires attribute 'map'
func.func @f(%n: index) {
  // expected-error @+1 {{requires an affine map attribute named 'map'}}
  %a = "affine.apply"(%n) : (index) -> index
  return
}

// -----

// MLIR 19: error: invalid properties {lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = 0 : index, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>} for op affine.parallel: Invalid attribute `lowerBoundsMap` in property conversion:...
func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{requires 'lowerBoundsMap' and 'upperBoundsMap' affine map attributes}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = 0 : index, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

// MLIR 19: error: 'affine.parallel' op expected lower bounds map to have 2 results
func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{expected lower bound groups to match the induction variables and the lower bounds map}}
  "affine.parallel"() <{lowerBoundsGroups = dense<2> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

// MLIR 19: error: 'affine.parallel' op the number of region arguments (1) and the number of map groups for lower (1) and upper bound (2), and the number of steps (1) must all match
func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{expected upper bound groups to match the induction variables and the upper bounds map}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<2xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

// MLIR 19: error: 'affine.parallel' op the number of region arguments (1) and the number of map groups for lower (1) and upper bound (1), and the number of steps (2) must all match
func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{number of steps must match the number of induction variables}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1, 1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
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

// MLIR 19: error: 'affine.parallel' op attribute 'reductions' failed to satisfy constraint: Reduction ops
func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{invalid reduction attribute}}
  %r = "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [99], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"(%x) : (f32) -> ()
  }) : () -> f32
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

// -----

// MLIR 19: error: 'affine.parallel' op the number of region arguments (2) and the number of map groups for lower (1) and upper bound (1), and the number of steps (2) must all match
func.func @f() {
  // expected-error @+1 {{expected as many lower and upper bounds as induction variables}}
  affine.parallel (%i, %j) = (0) to (10) {
  }
  return
}

// -----

// MLIR 19: error: 'affine.parallel' op region #0 ('region') failed to verify constraint: region with 1 blocks
func.func @f() {
  // expected-error @+1 {{expects a non-empty body region}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  }) : () -> ()
  return
}
