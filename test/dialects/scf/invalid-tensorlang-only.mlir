// scf cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

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

// MLIR 19: accepts this input
func.func @parallel_bounds(%a: index) {
  // expected-error @+1 {{expects the same number of lower bounds, upper bounds and steps}}
  "scf.parallel"(%a, %a, %a, %a) <{operandSegmentSizes = array<i32: 1, 2, 1, 0>}> ({
  ^bb0(%i: index):
    scf.reduce
  }) : (index, index, index, index) -> ()
  return
}

// -----

// MLIR 19: accepts this input
func.func @reduce_regions(%a: index, %x: f32) {
  scf.parallel (%i) = (%a) to (%a) step (%a) {
    // expected-error @+1 {{expects one reduction region per operand (1), got 0}}
    "scf.reduce"(%x) : (f32) -> ()
  }
  return
}

// -----

// MLIR 19: accepts this input
func.func @parallel_init(%a: index, %x: f32, %y: i32) {
  // expected-error @+1 {{init values: type #0 'f32' does not match expected type 'i32'}}
  %r = "scf.parallel"(%a, %a, %a, %x) <{operandSegmentSizes = array<i32: 1, 1, 1, 1>}> ({
  ^bb0(%i: index):
    scf.reduce(%y : i32) {
    ^bb0(%l: i32, %m: i32):
      scf.reduce.return %l : i32
    }
  }) : (index, index, index, f32) -> i32
  return
}
