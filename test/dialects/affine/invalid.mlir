// One case per verifier rule (and custom-syntax error) of the affine dialect.
func.func @f(%n: index) {
  // expected-error @+1 {{lower loop bound affine map with multiple results requires 'max' prefix}}
  affine.for %i = affine_map<(d0) -> (d0, 0)>(%n) to 10 {
  }
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{upper loop bound affine map with multiple results requires 'min' prefix}}
  affine.for %i = 0 to affine_map<(d0) -> (d0, 0)>(%n) {
  }
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{dim operand count and affine map dim count must match}}
  affine.for %i = 0 to affine_map<(d0, d1) -> (d0 + d1)>(%n) {
  }
  return
}

// -----

func.func @f(%n: index, %x: f32) {
  %r = affine.for %i = 0 to 10 iter_args(%a = %x) -> (f32) {
    // expected-error @+1 {{types mismatch between yield op and its parent}}
    affine.yield %i : index
  }
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{requires an integer set attribute named 'condition'}}
  "affine.if"(%n) ({
    "affine.yield"() : () -> ()
  }, {
  }) : (index) -> ()
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{operand count and condition integer set dimension and symbol count must match}}
  "affine.if"(%n, %n) ({
    "affine.yield"() : () -> ()
  }, {
  }) {condition = affine_set<(d0) : (d0 >= 0)>} : (index, index) -> ()
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{dim operand count and integer set dim count must match}}
  affine.if affine_set<(d0, d1) : (d0 - d1 >= 0)>(%n) {
  }
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{symbol operand count and integer set symbol count must match}}
  affine.if affine_set<(d0)[s0] : (d0 - s0 >= 0)>(%n) {
  }
  return
}

// -----

func.func @f(%A: memref<10x20xf32>, %i: index) {
  // expected-error @+1 {{affine map num results must equal memref rank}}
  %v = affine.load %A[%i] : memref<10x20xf32>
  return
}

// -----

func.func @f(%A: memref<10xf32>, %i: index) {
  // expected-error @+1 {{expects as many subscripts as affine map inputs}}
  %v = "affine.load"(%A, %i, %i) <{map = affine_map<(d0) -> (d0)>}> : (memref<10xf32>, index, index) -> f32
  return
}

// -----

func.func @f(%A: memref<10xf32>, %i: index) {
  // expected-error @+1 {{result type must match element type of memref}}
  %v = "affine.load"(%A, %i) <{map = affine_map<(d0) -> (d0)>}> : (memref<10xf32>, index) -> f64
  return
}

// -----

func.func @f(%A: memref<10xf32>, %i: index, %x: f64) {
  // expected-error @+1 {{value to store must have the same type as memref element type}}
  "affine.store"(%x, %A, %i) <{map = affine_map<(d0) -> (d0)>}> : (f64, memref<10xf32>, index) -> ()
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{operand count and affine map dimension and symbol count must match}}
  %a = "affine.apply"(%n, %n) <{map = affine_map<(d0) -> (d0)>}> : (index, index) -> index
  return
}

// -----

func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{a reduction must be specified for each output}}
  %r = "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"(%x) : (f32) -> ()
  }) : () -> f32
  return
}

// -----

func.func @f(%x: f32) {
  // expected-error @+1 {{invalid reduction value}}
  %r = affine.parallel (%i) = (0) to (10) reduce ("plus") -> (f32) {
    affine.yield %x : f32
  }
  return
}

// -----

func.func @f(%x: f32, %y: i32) {
  %r = affine.parallel (%i) = (0) to (10) reduce ("addf") -> (f32) {
    // expected-error @+1 {{types mismatch between yield op and its parent}}
    affine.yield %y : i32
  }
  return
}


// -----

func.func @f(%A: memref<100xf32>, %i: index) {
  // expected-error @+1 {{requires memref and vector types of the same elemental type}}
  %v = "affine.vector_load"(%A, %i) <{map = affine_map<(d0) -> (d0)>}> : (memref<100xf32>, index) -> vector<8xi32>
  return
}

// -----

func.func @f(%i: index) {
  // expected-error @+1 {{should return an index for each basis element}}
  %d:3 = affine.delinearize_index %i into (%i, %i) : index, index, index
  return
}

// -----

func.func @f(%A: memref<10xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    // expected-error @+1 {{index must be a valid dimension or symbol identifier}}
    %v = affine.load %A[%i] : memref<10xf32>
  }
  return
}

// -----

func.func @f(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    // expected-error @+1 {{operand cannot be used as a symbol}}
    affine.for %j = 0 to %i {
    }
  }
  return
}

// -----

func.func @f(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    // expected-error @+1 {{operand cannot be used as a dimension id}}
    affine.for %j = affine_map<(d0) -> (d0)>(%i) to 10 {
    }
  }
  return
}

// -----

func.func @f(%n: index) {
  affine.for %i = 0 to 10 {
    // expected-error @+1 {{operand cannot be used as a symbol}}
    affine.if affine_set<()[s0] : (s0 >= 0)>()[%i] {
    }
  }
  return
}

// -----

func.func @f(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    // expected-error @+1 {{operand cannot be used as a dimension id}}
    affine.parallel (%j) = (%i) to (10) {
    }
  }
  return
}

// -----

func.func @f(%A: memref<10xf32>, %i: index, %j: index) {
  // expected-error @+1 {{non-affine expression: at least one of the multiply operands has to be either a constant or symbolic}}
  %v = affine.load %A[%i * %j] : memref<10xf32>
  return
}

// -----

func.func @f(%A: memref<10xf32>, %i: index, %j: index) {
  // expected-error @+1 {{non-affine expression: right operand of mod has to be either a constant or symbolic}}
  %v = affine.load %A[%i mod %j] : memref<10xf32>
  return
}

// -----

func.func @reduce_kind(%m: memref<4xi32>) -> i32 {
  // maxs wants a signed integer type (si32); signless i32 does not match, as in mlir-opt
  // expected-error @+1 {{'affine.parallel' op result type cannot match reduction attribute}}
  %r = affine.parallel (%i) = (0) to (4) reduce ("maxs") -> i32 {
    %v = affine.load %m[%i] : memref<4xi32>
    affine.yield %v : i32
  }
  return %r : i32
}

// -----

func.func @reduce_float_kind_on_int(%m: memref<4xi32>) -> i32 {
  // expected-error @+1 {{'affine.parallel' op result type cannot match reduction attribute}}
  %r = affine.parallel (%i) = (0) to (4) reduce ("addf") -> i32 {
    %v = affine.load %m[%i] : memref<4xi32>
    affine.yield %v : i32
  }
  return %r : i32
}

// -----

func.func @f(%n: index, %x: f32, %k: i32) {
  // expected-error @+1 {{'affine.for' op operand count (1) does not match with the total size (0) specified in attribute 'operandSegmentSizes'}}
  "affine.for"(%n) <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : (index) -> ()
  return
}

// -----

func.func @f(%n: index, %x: f32, %k: i32) {
  // expected-error @+1 {{'affine.for' op operand #0 must be variadic of index, but got 'i32'}}
  "affine.for"(%k) <{lowerBoundMap = affine_map<()[s0] -> (s0)>, operandSegmentSizes = array<i32: 1, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : (i32) -> ()
  return
}

// -----

func.func @f(%n: index, %x: f32, %k: i32) {
  // expected-error @+1 {{'affine.for' op different number of inits and region iter_args: 0 != 1}}
  "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index, %j: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @f(%n: index, %x: f32, %k: i32) {
  // expected-error @+1 {{'affine.for' op 0-th init and 0-th region iter_arg have different type: 'f32' != 'i32'}}
  %r = "affine.for"(%x) <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 1>, step = 1 : index, upperBoundMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index, %a: i32):
    "affine.yield"(%a) : (i32) -> ()
  }) : (f32) -> i32
  return
}

// -----

func.func @f(%n: index, %x: f32, %k: i32) {
  // expected-error @+1 {{'affine.for' op 0-th init and 0-th region iter_arg have different type: 'f32' != 'i32'}}
  %r = "affine.for"(%x) <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 1>, step = 1 : index, upperBoundMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index, %a: i32):
    "affine.yield"(%x) : (f32) -> ()
  }) : (f32) -> f32
  return
}

// -----

func.func @f(%A: memref<10xf32>, %i: i32) {
  // expected-error @+1 {{'affine.load' op operand #1 must be variadic of index, but got 'i32'}}
  %v = "affine.load"(%A, %i) <{map = affine_map<(d0) -> (d0)>}> : (memref<10xf32>, i32) -> f32
  return
}

// -----

func.func @f(%A: tensor<10xf32>, %i: index) {
  // expected-error @+1 {{'affine.load' op operand #0 must be memref of any type values, but got 'tensor<10xf32>'}}
  %v = "affine.load"(%A, %i) <{map = affine_map<(d0) -> (d0)>}> : (tensor<10xf32>, index) -> f32
  return
}

// -----

func.func @f(%A: tensor<10xf32>, %i: index) {
  // expected-error @+1 {{custom op 'affine.load' invalid kind of type specified}}
  %v = affine.load %A[%i] : tensor<10xf32>
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{'affine.max' op result #0 must be index, but got 'i32'}}
  %a = "affine.max"(%n) <{map = affine_map<(d0) -> (d0)>}> : (index) -> i32
  return
}

// -----

func.func @f(%A: memref<100xf32>, %i: index) {
  // expected-error @+1 {{custom op 'affine.vector_load' invalid kind of type specified}}
  %v = affine.vector_load %A[%i] : memref<100xf32>, f32
  return
}

// -----

func.func @f(%A: memref<100xf32>, %i: index, %x: f32) {
  // expected-error @+1 {{'affine.vector_store' op operand #0 must be vector of any type values, but got 'f32'}}
  "affine.vector_store"(%x, %A, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, memref<100xf32>, index) -> ()
  return
}

// -----

func.func @f(%i: index, %k: i32) {
  // expected-error @+1 {{'affine.delinearize_index' op operand #1 must be variadic of index, but got 'i32'}}
  %d:2 = "affine.delinearize_index"(%i, %k, %k) : (index, i32, i32) -> (index, index)
  return
}

// -----

func.func @step_type(%n: index) {
  // expected-error @+1 {{'affine.for' op attribute 'step' failed to satisfy constraint: index attribute}}
  "affine.for"(%n) <{lowerBoundMap = affine_map<()[s0] -> (s0)>, operandSegmentSizes = array<i32: 1, 0, 0>, step = 1 : i32, upperBoundMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : (index) -> ()
  return
}

// -----

func.func @if_else_args(%i: index) {
  // expected-error @+1 {{'affine.if' op region #1 should have no arguments}}
  affine.if affine_set<(d0) : (d0 >= 0)>(%i) {
  } else {
  ^bb0(%a: i32):
  }
  return
}

// -----

// expected-error @+1 {{'builtin.module' op region should have no arguments}}
"builtin.module"() ({
^bb0(%a: i32):
}) : () -> ()

// -----

func.func @for_iv_result_number() {
  // expected-error @+1 {{result number not allowed in argument list}}
  affine.for %n0#0 = 0 to 7 {
  }
  return
}

// -----

func.func @step_typo() {
  // expected-error @+1 {{expected constant integer or floating point value}}
  affine.for %i = 1 to 100 step -- 1 {
  }
  return
}

// -----

func.func @negative_step() {
  // expected-error @+1 {{custom op 'affine.for' expected step to be representable as a positive signed integer}}
  affine.for %i = 1 to 100 step -1 {
  }
  return
}

// -----

// expected-error @+1 {{expected '(' in integer set constraint list}}
#set0 = affine_set<(i)[N, M] : )i >= 0)>

// -----

func.func @if_missing_rhs(%n: index) {
  // expected-error @+1 {{expected affine expression}}
  affine.if affine_set<(i)[N] : (i == )>(%n)[%n] {
  }
  return
}

// -----

func.func @if_missing_comparison(%n: index) {
  // expected-error @+1 {{expected '== affine-expr' or '>= affine-expr' at end of affine constraint}}
  affine.if affine_set<(i) : (i)>(%n) {
  }
  return
}

// -----

func.func @f(%n: index, %x: f32, %k: i32) {
  // expected-error @+1 {{invalid properties {lowerBoundMap = 1 : index, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (10)>} for op affine.for: Invalid attribute `lowerBoundMap` in property conversion: 1 : index}}
  "affine.for"() <{lowerBoundMap = 1 : index, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{custom op 'affine.apply' dimension or symbol index mismatch}}
  %a = affine.apply affine_map<(d0)[s0] -> (d0 + s0)>(%n)
  return
}

// -----

func.func @f(%A: memref<10xf32>, %i: index) {
  // expected-error @+1 {{requires attribute 'map'}}
  %v = "affine.load"(%A, %i) : (memref<10xf32>, index) -> f32
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{requires attribute 'map'}}
  %a = "affine.apply"(%n) : (index) -> index
  return
}

// -----

func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{Invalid attribute `lowerBoundsMap` in property conversion: 0 : index}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = 0 : index, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{'affine.parallel' op expected lower bounds map to have 2 results}}
  "affine.parallel"() <{lowerBoundsGroups = dense<2> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{'affine.parallel' op the number of region arguments (1) and the number of map groups for lower (1) and upper bound (2), and the number of steps (1) must all match}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<2xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{'affine.parallel' op the number of region arguments (1) and the number of map groups for lower (1) and upper bound (1), and the number of steps (2) must all match}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1, 1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{'affine.parallel' op the number of region arguments (2) and the number of map groups for lower (1) and upper bound (1), and the number of steps (2) must all match}}
  affine.parallel (%i, %j) = (0) to (10) {
  }
  return
}

// -----

func.func @affine_min(%arg0 : index, %arg1 : index, %arg2 : index) {
  // expected-error @+1 {{operand count and affine map dimension and symbol count must match}}
  %0 = affine.min affine_map<(d0) -> (d0)> (%arg0, %arg1)

  return
}

// -----

func.func @affine_min(%arg0 : index, %arg1 : index, %arg2 : index) {
  // expected-error @+1 {{operand count and affine map dimension and symbol count must match}}
  %0 = affine.min affine_map<()[s0] -> (s0)> (%arg0, %arg1)

  return
}

// -----

func.func @affine_min(%arg0 : index, %arg1 : index, %arg2 : index) {
  // expected-error @+1 {{operand count and affine map dimension and symbol count must match}}
  %0 = affine.min affine_map<(d0) -> (d0)> ()

  return
}

// -----

func.func @affine_max(%arg0 : index, %arg1 : index, %arg2 : index) {
  // expected-error @+1 {{operand count and affine map dimension and symbol count must match}}
  %0 = affine.max affine_map<(d0) -> (d0)> (%arg0, %arg1)

  return
}

// -----

func.func @affine_max(%arg0 : index, %arg1 : index, %arg2 : index) {
  // expected-error @+1 {{operand count and affine map dimension and symbol count must match}}
  %0 = affine.max affine_map<()[s0] -> (s0)> (%arg0, %arg1)

  return
}

// -----

func.func @affine_max(%arg0 : index, %arg1 : index, %arg2 : index) {
  // expected-error @+1 {{operand count and affine map dimension and symbol count must match}}
  %0 = affine.max affine_map<(d0) -> (d0)> ()

  return
}

// -----

func.func @affine_parallel(%arg0 : index, %arg1 : index, %arg2 : index) {
  // expected-error @+1 {{the number of region arguments (1) and the number of map groups for lower (2) and upper bound (2), and the number of steps (2) must all match}}
  affine.parallel (%i) = (0, 0) to (100, 100) step (10, 10) {
  }
}

// -----

func.func @affine_parallel(%arg0 : index, %arg1 : index, %arg2 : index) {
  // expected-error @+1 {{the number of region arguments (2) and the number of map groups for lower (1) and upper bound (2), and the number of steps (2) must all match}}
  affine.parallel (%i, %j) = (0) to (100, 100) step (10, 10) {
  }
}

// -----

func.func @affine_parallel(%arg0 : index, %arg1 : index, %arg2 : index) {
  // expected-error @+1 {{the number of region arguments (2) and the number of map groups for lower (2) and upper bound (1), and the number of steps (2) must all match}}
  affine.parallel (%i, %j) = (0, 0) to (100) step (10, 10) {
  }
}

// -----

func.func @affine_parallel(%arg0 : index, %arg1 : index, %arg2 : index) {
  // expected-error @+1 {{the number of region arguments (2) and the number of map groups for lower (2) and upper bound (2), and the number of steps (1) must all match}}
  affine.parallel (%i, %j) = (0, 0) to (100, 100) step (10) {
  }
}

// -----

func.func @affine_parallel(%arg0 : index, %arg1 : index, %arg2 : index) {
  %0 = memref.alloc() : memref<100x100xf32>
  // expected-error @+1 {{reduction must be specified for each output}}
  %1 = affine.parallel (%i, %j) = (0, 0) to (100, 100) step (10, 10) -> (f32) {
    %2 = affine.load %0[%i, %j] : memref<100x100xf32>
    affine.yield %2 : f32
  }
  return
}

// -----

func.func @affine_parallel(%arg0 : index, %arg1 : index, %arg2 : index) {
  %0 = memref.alloc() : memref<100x100xf32>
  // expected-error @+1 {{invalid reduction value: "bad"}}
  %1 = affine.parallel (%i, %j) = (0, 0) to (100, 100) step (10, 10) reduce ("bad") -> (f32) {
    %2 = affine.load %0[%i, %j] : memref<100x100xf32>
    affine.yield %2 : f32
  }
  return
}

// -----

func.func @vector_store_invalid_vector_type() {
  %0 = memref.alloc() : memref<100xf32>
  %1 = arith.constant dense<7.0> : vector<8xf64>
  affine.for %i0 = 0 to 16 step 8 {
    // expected-error @+1 {{requires memref and vector types of the same elemental type}}
    affine.vector_store %1, %0[%i0] : memref<100xf32>, vector<8xf64>
  }
  return
}

// -----

func.func @vector_store_vector_memref() {
  %0 = memref.alloc() : memref<100xvector<8xf32>>
  %1 = arith.constant dense<7.0> : vector<8xf32>
  affine.for %i0 = 0 to 4 {
    // expected-error @+1 {{requires memref and vector types of the same elemental type}}
    affine.vector_store %1, %0[%i0] : memref<100xvector<8xf32>>, vector<8xf32>
  }
  return
}

// -----

func.func @affine_for_iter_args_mismatch(%buffer: memref<1024xf32>) -> f32 {
  %sum_0 = arith.constant 0.0 : f32
  // expected-error @+1 {{mismatch between the number of loop-carried values and results}}
  %res = affine.for %i = 0 to 10 step 2 iter_args(%sum_iter = %sum_0) -> (f32, f32) {
    %t = affine.load %buffer[%i] : memref<1024xf32>
    affine.yield %t : f32
  }
  return %res : f32
}

// -----

func.func @malformed_for_to() {
  affine.for %i = 1 too 10 { // expected-error {{expected 'to' between bounds}}
  }
}

// -----

#map0 = affine_map<(d0) -> (d0 floordiv 4)>

func.func @reference_to_iv_in_bound() {
  // expected-error @+2 {{region entry argument '%i0' is already in use}}
  // expected-note @+1 {{previously referenced here}}
  affine.for %i0 = #map0(%i0) to 10 {
  }
}

// -----

func.func @for_dim_count(%a: index, %b: index) {
  // expected-error @+1 {{custom op 'affine.for' dim operand count and affine map dim count must match}}
  affine.for %i = affine_map<(d0) -> (d0)>(%a, %b) to 10 {
  }
  return
}

// -----

func.func @for_symbol_count(%a: index, %b: index) {
  // expected-error @+1 {{custom op 'affine.for' symbol operand count and affine map symbol count must match}}
  affine.for %i = 0 to affine_map<(d0) -> (d0)>(%a)[%b] {
  }
  return
}

// -----

func.func @if_symbol_count(%a: index, %b: index) {
  // expected-error @+1 {{custom op 'affine.if' symbol operand count and integer set symbol count must match}}
  affine.if affine_set<(d0) : (d0 >= 0)>(%a)[%b] {
  }
  return
}

// -----

func.func @apply_dim_count(%a: index, %b: index) {
  // expected-error @+1 {{custom op 'affine.apply' dimension or symbol index mismatch}}
  %0 = affine.apply affine_map<(d0) -> (d0)>(%a, %b)
  return
}

// -----

func.func @store_map_kind(%C: memref<f32>, %v: f32) {
  // expected-error @+1 {{'affine.store' op attribute 'map' failed to satisfy constraint: AffineMap attribute}}
  "affine.store"(%v, %C) {map = 3} : (f32, memref<f32>) -> ()
  return
}

// -----

func.func @for_missing_map() {
  // expected-error @+1 {{'affine.for' op requires attribute 'lowerBoundMap'}}
  "affine.for"() <{operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index}> ({
  ^bb0(%arg0: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @parallel_missing_map() {
  // expected-error @+1 {{'affine.parallel' op requires attribute 'lowerBoundsMap'}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsGroups = dense<1> : tensor<1xi32>, steps = [1], reductions = []}> ({
  ^bb0(%arg0: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{'affine.yield' op only terminates affine.if/for/parallel regions}}
  affine.yield
}

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{custom op 'affine.if' invalid kind of attribute specified}}
  affine.if affine_map<(d0) -> (d0)>(%n) {
  }
  return
}

// -----

func.func @f(%n: index, %x: f32) {
  // expected-error @+1 {{'affine.parallel' op attribute 'reductions' failed to satisfy constraint: Reduction ops}}
  %r = "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [99], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"(%x) : (f32) -> ()
  }) : () -> f32
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{'affine.parallel' op region #0 ('region') failed to verify constraint: region with 1 blocks}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  }) : () -> ()
  return
}

// -----

func.func @yield_count(%x: f32) {
  %r = affine.for %i = 0 to 10 iter_args(%a = %x) -> (f32) {
    // expected-error @+1 {{'affine.yield' op parent of yield must have same number of results as the yield operands}}
    affine.yield
  }
  return
}

// -----

func.func @for_no_block() {
  // expected-error @+1 {{'affine.for' op region #0 ('region') failed to verify constraint: region with 1 blocks}}
  "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (10)>}> ({
  }) : () -> ()
  return
}

// -----

func.func @if_no_then_block(%n: index) {
  // expected-error @+1 {{'affine.if' op region #0 ('thenRegion') failed to verify constraint: region with 1 blocks}}
  "affine.if"(%n) ({
  }, {
  }) {condition = affine_set<(d0) : (d0 >= 0)>} : (index) -> ()
  return
}

// -----

func.func @for_two_bound_operands(%i: index) {
  // expected-error @+1 {{custom op 'affine.for' expected only one loop bound operand}}
  affine.for %j = %i, %i to 10 {
  }
  return
}

// -----

func.func @for_bound_kind(%i: index) {
  // expected-error @+1 {{custom op 'affine.for' expected valid affine map representation for loop bounds}}
  affine.for %j = "x" to 10 {
  }
  return
}

// -----

func.func @parallel_ssa_step(%i: index) {
  // expected-error @+1 {{custom op 'affine.parallel' steps must be constant integers}}
  affine.parallel (%j) = (0) to (10) step (%i) {
  }
  return
}

// -----

func.func @apply_map_kind(%i: index) {
  // expected-error @+1 {{custom op 'affine.apply' invalid kind of attribute specified}}
  %0 = affine.apply "x"(%i)
  return
}

// -----

func.func @delinearize_empty_basis(%idx: index) {
  // expected-error @+1 {{'affine.delinearize_index' op basis should not be empty}}
  affine.delinearize_index %idx into () : index
  return
}

// -----

// (a dim of a value that is not top-level, at a dimension no constant gives, is no symbol)
func.func @dynamic_dimension_index(%idx: index) {
  scf.execute_region {
    %memref = memref.alloc(%idx, %idx) : memref<?x?xf32>
    %dim = memref.dim %memref, %idx : memref<?x?xf32>
    // expected-error @+1 {{'affine.load' op index must be a valid dimension or symbol identifier}}
    affine.load %memref[%dim, %dim] : memref<?x?xf32>
    scf.yield
  }
  return
}

// -----

// (a dim of an alloc in a loop is a symbol where its size is static or a symbol; not the loop's iv)
func.func @dim_of_alloc_sized_by_iv(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %m = memref.alloc() : memref<4xf32>
    %d = memref.dim %m, %c0 : memref<4xf32>
    %x = affine.load %m[%d] : memref<4xf32>
    %m2 = memref.alloc(%n) : memref<?xf32>
    %d2 = memref.dim %m2, %c0 : memref<?xf32>
    %y = affine.load %m2[%d2] : memref<?xf32>
    %m3 = memref.alloc(%i) : memref<?xf32>
    %d3 = memref.dim %m3, %c0 : memref<?xf32>
    // expected-error @+1 {{'affine.load' op index must be a valid dimension or symbol identifier}}
    %z = affine.load %m3[%d3] : memref<?xf32>
  }
  return
}

// -----

func.func @dim_of_subview_sized_by_iv(%n: index, %m0: memref<8x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %s = memref.subview %m0[0, 0] [4, %n] [1, 1] : memref<8x?xf32> to memref<4x?xf32, strided<[?, 1]>>
    %d = memref.dim %s, %c1 : memref<4x?xf32, strided<[?, 1]>>
    %x = affine.load %s[%d, %d] : memref<4x?xf32, strided<[?, 1]>>
    %s2 = memref.subview %m0[0, 0] [4, %i] [1, 1] : memref<8x?xf32> to memref<4x?xf32, strided<[?, 1]>>
    %d2 = memref.dim %s2, %c1 : memref<4x?xf32, strided<[?, 1]>>
    // expected-error @+1 {{'affine.load' op index must be a valid dimension or symbol identifier}}
    %y = affine.load %s2[%d2, %d2] : memref<4x?xf32, strided<[?, 1]>>
  }
  return
}

// -----

// (a splat of 2^31 groups: counted, not listed, which ran out of memory; fuzzing)
func.func @parallel_huge_group_splat() {
  // expected-error @+1 {{'affine.parallel' op the number of region arguments (1) and the number of map groups for lower (1) and upper bound (2147483647), and the number of steps (1) must all match}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<2147483647xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    affine.yield
  }) : () -> ()
  return
}

// -----

func.func @parallel_of_float(%f: f32) {
  // expected-error @+1 {{'affine.parallel' op operand #0 must be variadic of index, but got 'f32'}}
  "affine.parallel"(%f) <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<()[s0] -> (s0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : (f32) -> ()
  return
}

// -----

// (mlir-opt-19's diagnostic)
func.func @parallel_groups_of_i64() {
  // expected-error @+1 {{'affine.parallel' op attribute 'lowerBoundsGroups' failed to satisfy constraint: 32-bit signless integer elements attribute}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi64>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

// (mlir-opt-19's diagnostic)
func.func @parallel_without_reductions() {
  // expected-error @+1 {{'affine.parallel' op requires attribute 'reductions'}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

// (mlir-opt-19's diagnostic)
func.func @parallel_without_steps() {
  // expected-error @+1 {{'affine.parallel' op requires attribute 'steps'}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

// (mlir-opt-19's diagnostic)
func.func @parallel_groups_as_dense_array() {
  // expected-error @+1 {{invalid properties {lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = array<i32: 1>, upperBoundsMap = affine_map<() -> (10)>} for op affine.parallel: Invalid attribute `upperBoundsGroups` in property conversion: array<i32: 1>}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = array<i32: 1>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

// (mlir-opt-19's diagnostic)
func.func @parallel_reductions_not_array() {
  // expected-error @+1 {{invalid properties {lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = 1 : i64, steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>} for op affine.parallel: Invalid attribute `reductions` in property conversion: 1 : i64}}
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = 1, steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  return
}
