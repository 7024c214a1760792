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
