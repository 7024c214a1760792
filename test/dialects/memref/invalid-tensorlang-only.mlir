// memref cases whose diagnostics tensorlang-opt and mlir-opt-19 do not share: MLIR accepts the input,
// rejects it in another phase (parsing properties, custom-syntax parsing) or words/places it differently.
// Each case says what MLIR 19 does instead. Only our own checks run this file; the cases MLIR agrees
// with live in invalid.mlir, which test/with-mlir/invalid-diagnostics.test.ts also runs through mlir-opt-19.

// MLIR 19: error: invalid properties {name = "gg"} for op memref.get_global: Invalid attribute `name` in property conversion: "gg"
func.func @get_global_attr() {
  // expected-error @+1 {{requires a 'name' symbol reference attribute}}
  %g = "memref.get_global"() <{name = "gg"}> : () -> memref<2xf32>
  return
}

// -----

// MLIR 19: error: integer literal not valid for specified type
func.func @collapse_syntax(%A: memref<4x8xf32>) {
  // expected-error @+1 {{expected a reassociation list like [[0, 1], [2]]}}
  %c = memref.collapse_shape %A 0 : memref<4x8xf32> into memref<32xf32>
  return
}

// -----

// MLIR 19: error: invalid properties {operandSegmentSizes = array<i64: 1, 0>} for op memref.alloc: expected DenseI32ArrayAttr for key `value`
func.func @segments_i64(%n: index) {
  // expected-error @+1 {{invalid properties: 'operandSegmentSizes' must be an array<i32: ...>, got array<i64: 1, 0>}}
  %1 = "memref.alloc"(%n) <{operandSegmentSizes = array<i64: 1, 0>}> : (index) -> memref<?xf32>
  return
}
