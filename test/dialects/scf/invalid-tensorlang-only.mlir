// scf cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: error (on another line): 'scf.for' op 0-th region iter_arg and 0-th yielded value have different type: 'f32' != 'index'
func.func @for_yield(%a: index, %x: f32) {
  %r = scf.for %i = %a to %a step %a iter_args(%acc = %x) -> (f32) {
    // expected-error @+1 {{types mismatch between yield op and its parent 'scf.for': type #0 'index' does not match expected type 'f32'}}
    scf.yield %i : index
  }
  return
}

// -----

// MLIR 19: error: 'scf.for' op  region control flow edge from Region #0 to Region #0: source has 0 operands, but target successor needs 1
func.func @for_missing_yield(%a: index, %x: f32) {
  // expected-error @+1 {{types mismatch between yield op and its parent 'scf.for': expected 1 values, got 0}}
  %r = scf.for %i = %a to %a step %a iter_args(%acc = %x) -> (f32) {
  }
  return
}

// -----

// MLIR 19: error (on another line): 'scf.if' op  region control flow edge from Region #1 to parent results: source has 2 operands, but target successor needs 1
func.func @if_yield(%c: i1, %x: f32) {
  %r = scf.if %c -> (f32) {
    scf.yield %x : f32
  } else {
    // expected-error @+1 {{types mismatch between yield op and its parent 'scf.if': expected 1 values, got 2}}
    scf.yield %x, %x : f32, f32
  }
  return
}

// -----

// MLIR 19: error: 'scf.while' op region #0 ('before') failed to verify constraint: region with 1 blocks
func.func @while_empty() {
  // expected-error @+1 {{expects non-empty 'before' and 'do' regions}}
  "scf.while"() ({
  }, {
  }) : () -> ()
  return
}

// -----

// MLIR 19: error: 'scf.while' op  along control flow edge from parent operands to Region #0: source type #0 'f32' should match input type #0 'i32'
func.func @while_before(%x: f32) {
  // expected-error @+1 {{'before' region arguments: type #0 'i32' does not match expected type 'f32'}}
  "scf.while"(%x) ({
  ^bb0(%a: i32):
    %t = arith.constant true
    "scf.condition"(%t) : (i1) -> ()
  }, {
    "scf.yield"(%x) : (f32) -> ()
  }) : (f32) -> ()
  return
}

// -----

// MLIR 19: note: terminator here
func.func @while_terminator(%x: f32) {
  // expected-error @+1 {{expects the 'before' region to terminate with 'scf.condition'}}
  "scf.while"() ({
    "scf.yield"() : () -> ()
  }, {
    "scf.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----

// MLIR 19: error: 'scf.while' op  region control flow edge from Region #0 to parent results: source has 0 operands, but target successor needs 1
func.func @while_results(%x: f32) {
  // expected-error @+1 {{'scf.condition' arguments vs results: expected 1 values, got 0}}
  %r = scf.while : () -> f32 {
    %t = arith.constant true
    scf.condition(%t)
  } do {
    scf.yield
  }
  return
}

// -----

// MLIR 19: error: 'scf.while' op  along control flow edge from Region #0 to Region #1: source type #0 'f32' should match input type #0 'i32'
func.func @while_do_args(%x: f32) {
  // expected-error @+1 {{'do' region arguments: type #0 'i32' does not match expected type 'f32'}}
  %r = scf.while : () -> f32 {
    %t = arith.constant true
    scf.condition(%t) %x : f32
  } do {
  ^bb0(%a: i32):
    scf.yield
  }
  return
}

// -----

// MLIR 19: error (on another line): 'scf.while' op  region control flow edge from Region #1 to Region #0: source has 0 operands, but target successor needs 1
func.func @while_yield(%x: f32) {
  %r = scf.while (%a = %x) : (f32) -> f32 {
    %t = arith.constant true
    scf.condition(%t) %a : f32
  } do {
  ^bb0(%a: f32):
    // expected-error @+1 {{types mismatch between yield op and its parent 'scf.while': expected 1 values, got 0}}
    scf.yield
  }
  return
}

// -----

// MLIR 19: error: 'scf.parallel' op operand count (3) does not match with the total size (2) specified in attribute 'operandSegmentSizes'
func.func @parallel_segments(%a: index) {
  // expected-error @+1 {{requires an 'operandSegmentSizes' attribute with 4 entries matching its operands}}
  "scf.parallel"(%a, %a, %a) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>}> ({
  ^bb0(%i: index):
    "scf.reduce"() : () -> ()
  }) : (index, index, index) -> ()
  return
}

// -----

// MLIR 19: error: 'scf.parallel' op expects the same number of induction variables: 2 as bound and step values: 1
func.func @parallel_counts(%a: index) {
  // expected-error @+1 {{expects the same number of lower bounds, upper bounds and steps}}
  "scf.parallel"(%a, %a, %a, %a) <{operandSegmentSizes = array<i32: 2, 1, 1, 0>}> ({
  ^bb0(%i: index, %j: index):
    "scf.reduce"() : () -> ()
  }) : (index, index, index, index) -> ()
  return
}

// -----

// MLIR 19: error: 'scf.parallel' op expects the same number of induction variables: 2 as bound and step values: 1
func.func @parallel_ivs(%a: index) {
  // expected-error @+1 {{expects 1 index induction variables}}
  "scf.parallel"(%a, %a, %a) <{operandSegmentSizes = array<i32: 1, 1, 1, 0>}> ({
  ^bb0(%i: index, %j: index):
    "scf.reduce"() : () -> ()
  }) : (index, index, index) -> ()
  return
}

// -----

// MLIR 19: error: 'scf.parallel' op expects number of results: 1 to be the same as number of reductions: 0
func.func @parallel_inits(%a: index, %x: f32) {
  // expected-error @+1 {{init values: type #0 'f32' does not match expected type 'i32'}}
  %r = "scf.parallel"(%a, %a, %a, %x) <{operandSegmentSizes = array<i32: 1, 1, 1, 1>}> ({
  ^bb0(%i: index):
    "scf.reduce"() : () -> ()
  }) : (index, index, index, f32) -> i32
  return
}

// -----

// MLIR 19: error: 'scf.parallel' op expects body to terminate with 'scf.reduce'; note: terminator here
func.func @parallel_terminator(%a: index) {
  // expected-error @+1 {{expects the body to terminate with 'scf.reduce'}}
  "scf.parallel"(%a, %a, %a) <{operandSegmentSizes = array<i32: 1, 1, 1, 0>}> ({
  ^bb0(%i: index):
    "scf.yield"() : () -> ()
  }) : (index, index, index) -> ()
  return
}

// -----

// MLIR 19: error: 'scf.parallel' op expects number of results: 1 to be the same as number of reductions: 0
func.func @parallel_reductions(%a: index, %x: f32) {
  // expected-error @+1 {{expects 1 reductions in 'scf.reduce', got 0}}
  %r = scf.parallel (%i) = (%a) to (%a) step (%a) init (%x) -> f32 {
    scf.reduce
  }
  return
}

// -----

// MLIR 19: error (on another line): 'scf.reduce' op expects type of 0-th reduction operand: 'i32' to be the same as the 0-th result type: 'f32'
func.func @parallel_reduced_types(%a: index, %x: f32, %y: i32) {
  // expected-error @+1 {{reduced values: type #0 'i32' does not match expected type 'f32'}}
  %r = scf.parallel (%i) = (%a) to (%a) step (%a) init (%x) -> f32 {
    scf.reduce(%y : i32) {
    ^bb0(%l: i32, %r: i32):
      scf.reduce.return %l : i32
    }
  }
  return
}

// -----

// MLIR 19: error (on another line): 'scf.parallel' op expects number of results: 1 to be the same as number of reductions: 0
func.func @reduce_regions(%a: index, %x: f32) {
  %r = scf.parallel (%i) = (%a) to (%a) step (%a) init (%x) -> f32 {
    // expected-error @+1 {{expects one reduction region per operand (1), got 0}}
    "scf.reduce"(%x) : (f32) -> ()
  }
  return
}

// -----

// MLIR 19: error: 'scf.reduce' op expected two block arguments with type 'f32' in the 0-th reduction region
func.func @reduce_block(%a: index, %x: f32) {
  %r = scf.parallel (%i) = (%a) to (%a) step (%a) init (%x) -> f32 {
    // expected-error @+1 {{expects two arguments to reduction block of type 'f32'}}
    scf.reduce(%x : f32) {
    ^bb0(%l: f32):
      scf.reduce.return %l : f32
    }
  }
  return
}

// -----

// MLIR 19: error: 'scf.reduce.return' op must have type 'f32' (the type of the reduction inputs)
func.func @reduce_return_type(%a: index, %x: f32, %y: i32) {
  %r = scf.parallel (%i) = (%a) to (%a) step (%a) init (%x) -> f32 {
    scf.reduce(%x : f32) {
    ^bb0(%l: f32, %r: f32):
      // expected-error @+1 {{must return a single value of type 'f32'}}
      scf.reduce.return %y : i32
    }
  }
  return
}

// -----

// MLIR 19: error (on another line): 'scf.execute_region' op  along control flow edge from Region #0 to parent results: source type #0 'f32' should match input type #0 'i32'
func.func @execute_region_yield(%x: f32) {
  %r = scf.execute_region -> i32 {
    // expected-error @+1 {{types mismatch between yield op and its parent 'scf.execute_region': type #0 'f32' does not match expected type 'i32'}}
    scf.yield %x : f32
  }
  return
}

// -----

// MLIR 19: error: 'scf.index_switch' op requires attribute 'cases'
func.func @switch_cases_attr(%c: index) {
  // expected-error @+1 {{requires a 'cases' array attribute}}
  "scf.index_switch"(%c) ({
    "scf.yield"() : () -> ()
  }) : (index) -> ()
  return
}

// -----

// MLIR 19: error (on another line): 'scf.index_switch' op has duplicate case value: 1
func.func @switch_duplicate_syntax(%c: index) {
  scf.index_switch %c
  case 1 {
    scf.yield
  }
  // expected-error @+1 {{duplicate case value: 1}}
  case 1 {
    scf.yield
  }
  default {
    scf.yield
  }
  return
}

// -----

// MLIR 19: accepts this input
func.func @switch_blocks(%c: index) {
  // expected-error @+1 {{expects each region to have one block without arguments}}
  "scf.index_switch"(%c) <{cases = array<i64>}> ({
  ^bb0(%a: index):
    "scf.yield"() : () -> ()
  }) : (index) -> ()
  return
}

// -----

// MLIR 19: error (on another line): 'scf.index_switch' op expected result #0 of each region to be 'i32'; note: default region returns 'f32' here
func.func @switch_yield(%c: index, %x: f32) {
  %r = scf.index_switch %c -> i32
  default {
    // expected-error @+1 {{types mismatch between yield op and its parent 'scf.index_switch': type #0 'f32' does not match expected type 'i32'}}
    scf.yield %x : f32
  }
  return
}

// -----

// MLIR 19: error: 'scf.for' op region #0 ('region') failed to verify constraint: region with 1 blocks
func.func @empty_body(%a: index) {
  // expected-error @+1 {{expects a non-empty body region}}
  "scf.for"(%a, %a, %a) ({
  }) : (index, index, index) -> ()
  return
}

// -----

// MLIR 19: error (on another line): 'scf.index_switch' op expected region to end with scf.yield, but got arith.constant
func.func @switch_case_without_yield(%c: index) {
  scf.index_switch %c
  case 0 {
    // expected-error @+1 {{block with no terminator, has %0 = "arith.constant"() <{value = 1 : i64}> : () -> i64}}
    %y = arith.constant 1 : i64
  }
  default {
  }
  return
}
