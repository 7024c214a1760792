func.func @addi_of_float(%a: f32) {
  // expected-error @+1 {{operand #0 must be signless-integer-like, but got 'f32'}}
  %0 = arith.addi %a, %a : f32
  return
}

// -----

func.func @ceildivui_of_float(%a: f32) {
  // expected-error @+1 {{operand #0 must be signless-integer-like, but got 'f32'}}
  %0 = arith.ceildivui %a, %a : f32
  return
}

// -----

func.func @addf_of_int(%a: i32) {
  // expected-error @+1 {{operand #0 must be floating-point-like, but got 'i32'}}
  %0 = arith.addf %a, %a : i32
  return
}

// -----

func.func @overflow_on_andi(%a: i32) {
  // expected-error @+1 {{expected ':'}}
  %0 = arith.andi %a, %a overflow<nsw> : i32
  return
}

// -----

func.func @fastmath_on_cmpi(%a: i32) {
  // expected-error @+1 {{expected ':'}}
  %0 = arith.cmpi slt, %a, %a fastmath<fast> : i32
  return
}

// -----

func.func @addui_extended_overflow_type(%a: i32) {
  // expected-error @+1 {{result #1 must be bool-like, but got 'i32'}}
  %s, %o = arith.addui_extended %a, %a : i32, i32
  return
}

// -----

func.func @addui_extended_shapes(%v: vector<4xi32>) {
  // expected-error @+1 {{if an operand is non-scalar, then all results must be non-scalar}}
  %s, %o = arith.addui_extended %v, %v : vector<4xi32>, i1
  return
}

// -----

func.func @addui_extended_of_float(%a: f32) {
  // expected-error @+1 {{operand #0 must be signless-integer-like, but got 'f32'}}
  %s, %o = arith.addui_extended %a, %a : f32, i1
  return
}

// -----

func.func @mulsi_extended_of_float(%a: f32) {
  // expected-error @+1 {{operand #0 must be signless-integer-like, but got 'f32'}}
  %l, %h = arith.mulsi_extended %a, %a : f32
  return
}

// -----

func.func @mului_extended_types(%a: i32) {
  // expected-error @+1 {{failed to verify that all of {lhs, rhs, low, high} have same type}}
  %r:2 = "arith.mului_extended"(%a, %a) : (i32, i32) -> (i32, i64)
  return
}

// -----

func.func @truncf_widens(%x: f32) {
  // expected-error @+1 {{operand type 'f32' and result type 'f64' are cast incompatible}}
  %0 = arith.truncf %x upward : f32 to f64
  return
}

// -----

func.func @extf_mode(%x: f32) {
  // expected-error @+1 {{expected ':'}}
  %0 = arith.extf %x upward : f32 to f64
  return
}

// -----

func.func @unknown_fastmath(%a: f32) {
  // expected-error @+2 {{custom op 'arith.addf' expected ::mlir::arith::FastMathFlags to be one of: none, reassoc, nnan, ninf, nsz, arcp, contract, afn, fast}}
  // expected-error @+1 {{custom op 'arith.addf' failed to parse Arith_FastMathAttr parameter 'value' which is to be a `::mlir::arith::FastMathFlags`}}
  %0 = arith.addf %a, %a fastmath<nsw> : f32
  return
}

// -----

func.func @unknown_overflow(%a: i32) {
  // expected-error @+2 {{custom op 'arith.addi' expected ::mlir::arith::IntegerOverflowFlags to be one of: none, nsw, nuw}}
  // expected-error @+1 {{custom op 'arith.addi' failed to parse Arith_IntegerOverflowAttr parameter 'value' which is to be a `::mlir::arith::IntegerOverflowFlags`}}
  %0 = arith.addi %a, %a overflow<nsw, ninf> : i32
  return
}

// -----

func.func @truncf_mode(%d: f64) {
  // expected-error @+1 {{invalid properties {roundingmode = 9 : i32} for op arith.truncf: Invalid attribute `roundingmode` in property conversion: 9 : i32}}
  %0 = "arith.truncf"(%d) <{roundingmode = 9 : i32}> : (f64) -> f32
  return
}

// -----

func.func @constant_out_of_range() {
  // expected-error @+1 {{integer constant out of range for attribute}}
  %c = arith.constant 256 : i8
  return
}

// -----

func.func @constant_minus_zero() {
  // expected-error @+1 {{integer constant out of range for attribute}}
  %c = arith.constant -0 : index
  return
}

// -----

func.func @dense_out_of_range() {
  // expected-error @+1 {{integer constant out of range for type}}
  %c = arith.constant dense<[1, -129]> : tensor<2xi8>
  return
}

// -----

func.func @index_cast_tensor_dims(%t: tensor<4xindex>) {
  // expected-error @+1 {{failed to verify that input and output have the same tensor dimensions}}
  %0 = arith.index_cast %t : tensor<4xindex> to tensor<?xi64>
  return
}

// -----

func.func @extf_vector_shape(%v: vector<2xf16>) {
  // expected-error @+1 {{requires the same shape for all operands and results}}
  %0 = arith.extf %v : vector<2xf16> to vector<3xf32>
  return
}

// -----

func.func @trunci_tensor_to_scalar(%t: tensor<i32>) {
  // expected-error @+1 {{requires the same shape for all operands and results}}
  %0 = arith.trunci %t : tensor<i32> to i8
  return
}

// -----

func.func @select_condition_shape(%c: vector<3xi1>, %x: vector<2xi64>) {
  // expected-error @+1 {{failed to verify that condition is signless i1 or has matching shape}}
  %0 = arith.select %c, %x, %x : vector<3xi1>, vector<2xi64>
  return
}

// -----

func.func @select_values_differ(%c: i1, %a: i32, %b: i64) {
  // expected-error @+1 {{failed to verify that all of {true_value, false_value, result} have same type}}
  %0 = "arith.select"(%c, %a, %b) : (i1, i32, i64) -> i32
  return
}

// -----

func.func @cmpi_of_float(%a: f32) {
  // expected-error @+1 {{custom op 'arith.cmpi' 'lhs' must be signless-integer-like, but got 'f32'}}
  %0 = arith.cmpi eq, %a, %a : f32
  return
}

// -----

func.func @cmpf_of_int_generic(%a: i32) {
  // expected-error @+1 {{'arith.cmpf' op operand #0 must be floating-point-like, but got 'i32'}}
  %0 = "arith.cmpf"(%a, %a) {predicate = 1 : i64} : (i32, i32) -> i1
  return
}

// -----

func.func @addui_extended_mixed_kinds(%a: vector<8xi32>) {
  // expected-error @+1 {{all non-scalar operands/results must have the same shape and base type}}
  %s, %o = arith.addui_extended %a, %a : vector<8xi32>, tensor<8xi1>
  return
}

// -----

func.func @constant_type_differs() {
  // expected-error @+1 {{failed to verify that all of {value, result} have same type}}
  %0 = "arith.constant"() {value = dense<0> : tensor<4xi32>} : () -> tensor<5xi32>
  return
}

// -----

func.func @unknown_predicate(%a: i32) {
  // expected-error @+1 {{custom op 'arith.cmpi' expected string or keyword containing one of the following enum values for attribute 'predicate' [eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge]}}
  %0 = arith.cmpi foo, %a, %a : i32
  return
}

// -----

func.func @bitcast_of_index(%a: index) {
  // expected-error @+1 {{are cast incompatible}}
  %0 = arith.bitcast %a : index to i64
  return
}

// -----

func.func @unknown_string_predicate(%a: i32) {
  // expected-error @+1 {{custom op 'arith.cmpi' invalid predicate attribute specification: "foo"}}
  %0 = arith.cmpi "foo", %a, %a : i32
  return
}
