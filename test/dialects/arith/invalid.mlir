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

// -----
func.func @func_with_ops(f32) {
^bb0(%a : f32):
  %sf = arith.addf %a, %a, %a : f32  // expected-error {{expected ':'}}
}

// -----
func.func @func_with_ops(f32) {
^bb0(%a : f32):
  %sf = arith.addf(%a, %a) : f32  // expected-error {{expected SSA operand}}
}

// -----
func.func @func_with_ops(f32) {
^bb0(%a : f32):
  %sf = arith.addf{%a, %a} : f32  // expected-error {{expected SSA operand}}
}

// -----
func.func @func_with_ops(i32) {
^bb0(%a : i32):
  // expected-error@+1 {{failed to satisfy constraint: allowed 64-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}}
  %r = "arith.cmpi"(%a, %a) {predicate = 42} : (i32, i32) -> i1
}

// -----
// Comparison are defined for arguments of the same type.
func.func @func_with_ops(i32, i64) {
^bb0(%a : i32, %b : i64): // expected-note {{prior use here}}
  %r = arith.cmpi eq, %a, %b : i32 // expected-error {{use of value '%b' expects different type than prior uses}}
}

// -----
// Result type must be boolean like.
func.func @func_with_ops(i32, i32) {
^bb0(%a : i32, %b : i32):
  %r = "arith.cmpi"(%a, %b) {predicate = 0} : (i32, i32) -> i32 // expected-error {{op result #0 must be bool-like}}
}

// -----
func.func @func_with_ops(i32, i32) {
^bb0(%a : i32, %b : i32):
  // expected-error@+1 {{requires attribute 'predicate'}}
  %r = "arith.cmpi"(%a, %b) {foo = 1} : (i32, i32) -> i1
}

// -----
func.func @cmpf_generic_invalid_predicate_value(%a : f32) {
  // expected-error@+1 {{attribute 'predicate' failed to satisfy constraint: allowed 64-bit signless integer cases}}
  %r = "arith.cmpf"(%a, %a) {predicate = 42} : (f32, f32) -> i1
}

// -----
func.func @cmpf_generic_no_predicate_attr(%a : f32, %b : f32) {
  // expected-error@+1 {{requires attribute 'predicate'}}
  %r = "arith.cmpf"(%a, %b) {foo = 1} : (f32, f32) -> i1
}

// -----
func.func @cmpf_generic_wrong_result_type(%a : f32, %b : f32) {
  // expected-error@+1 {{result #0 must be bool-like}}
  %r = "arith.cmpf"(%a, %b) {predicate = 0} : (f32, f32) -> f32
}

// -----
func.func @cmpf_canonical_wrong_result_type(%a : f32, %b : f32) -> f32 {
  %r = arith.cmpf oeq, %a, %b : f32 // expected-note {{prior use here}}
  // expected-error@+1 {{use of value '%r' expects different type than prior uses}}
  return %r : f32
}

// -----
func.func @cmpf_canonical_type_mismatch(%a : f32, %b : f64) { // expected-note {{prior use here}}
  // expected-error@+1 {{use of value '%b' expects different type than prior uses}}
  %r = arith.cmpf oeq, %a, %b : f32
}

// -----
func.func @index_cast_float(%arg0: index, %arg1: f32) {
  // expected-error@+1 {{op result #0 must be signless-integer-like or memref of signless-integer, but got 'f32'}}
  %0 = arith.index_cast %arg0 : index to f32
  return
}

// -----
func.func @index_cast_float_to_index(%arg0: f32) {
  // expected-error@+1 {{op operand #0 must be signless-integer-like or memref of signless-integer, but got 'f32'}}
  %0 = arith.index_cast %arg0 : f32 to index
  return
}

// -----
func.func @sitofp_i32_to_i64(%arg0 : i32) {
  // expected-error@+1 {{op result #0 must be floating-point-like, but got 'i64'}}
  %0 = arith.sitofp %arg0 : i32 to i64
  return
}

// -----
func.func @sitofp_f32_to_i32(%arg0 : f32) {
  // expected-error@+1 {{op operand #0 must be signless-fixed-width-integer-like, but got 'f32'}}
  %0 = arith.sitofp %arg0 : f32 to i32
  return
}

// -----
func.func @fpext_i32_to_f32(%arg0 : i32) {
  // expected-error@+1 {{op operand #0 must be floating-point-like, but got 'i32'}}
  %0 = arith.extf %arg0 : i32 to f32
  return
}

// -----
func.func @fpext_f32_to_i32(%arg0 : f32) {
  // expected-error@+1 {{op result #0 must be floating-point-like, but got 'i32'}}
  %0 = arith.extf %arg0 : f32 to i32
  return
}

// -----
func.func @fpext_vec_i32_to_f32(%arg0 : vector<2xi32>) {
  // expected-error@+1 {{op operand #0 must be floating-point-like, but got 'vector<2xi32>'}}
  %0 = arith.extf %arg0 : vector<2xi32> to vector<2xf32>
  return
}

// -----
func.func @fpext_vec_f32_to_i32(%arg0 : vector<2xf32>) {
  // expected-error@+1 {{op result #0 must be floating-point-like, but got 'vector<2xi32>'}}
  %0 = arith.extf %arg0 : vector<2xf32> to vector<2xi32>
  return
}

// -----
func.func @fptrunc_i32_to_f32(%arg0 : i32) {
  // expected-error@+1 {{op operand #0 must be floating-point-like, but got 'i32'}}
  %0 = arith.truncf %arg0 : i32 to f32
  return
}

// -----
func.func @fptrunc_f32_to_i32(%arg0 : f32) {
  // expected-error@+1 {{op result #0 must be floating-point-like, but got 'i32'}}
  %0 = arith.truncf %arg0 : f32 to i32
  return
}

// -----
func.func @fptrunc_vec_i32_to_f32(%arg0 : vector<2xi32>) {
  // expected-error@+1 {{op operand #0 must be floating-point-like, but got 'vector<2xi32>'}}
  %0 = arith.truncf %arg0 : vector<2xi32> to vector<2xf32>
  return
}

// -----
func.func @fptrunc_vec_f32_to_i32(%arg0 : vector<2xf32>) {
  // expected-error@+1 {{op result #0 must be floating-point-like, but got 'vector<2xi32>'}}
  %0 = arith.truncf %arg0 : vector<2xf32> to vector<2xi32>
  return
}

// -----
func.func @sexti_index_as_operand(%arg0 : index) {
  // expected-error@+1 {{op operand #0 must be signless-fixed-width-integer-like, but got 'index'}}
  %0 = arith.extsi %arg0 : index to i128
  return
}

// -----
func.func @zexti_index_as_operand(%arg0 : index) {
  // expected-error@+1 {{op operand #0 must be signless-fixed-width-integer-like, but got 'index'}}
  %0 = arith.extui %arg0 : index to i128
  return
}

// -----
func.func @trunci_index_as_operand(%arg0 : index) {
  // expected-error@+1 {{op operand #0 must be signless-fixed-width-integer-like, but got 'index'}}
  %2 = arith.trunci %arg0 : index to i128
  return
}

// -----
func.func @sexti_index_as_result(%arg0 : i1) {
  // expected-error@+1 {{op result #0 must be signless-fixed-width-integer-like, but got 'index'}}
  %0 = arith.extsi %arg0 : i1 to index
  return
}

// -----
func.func @zexti_index_as_operand(%arg0 : i1) {
  // expected-error@+1 {{op result #0 must be signless-fixed-width-integer-like, but got 'index'}}
  %0 = arith.extui %arg0 : i1 to index
  return
}

// -----
func.func @trunci_index_as_result(%arg0 : i128) {
  // expected-error@+1 {{op result #0 must be signless-fixed-width-integer-like, but got 'index'}}
  %2 = arith.trunci %arg0 : i128 to index
  return
}

// -----
func.func @func() {
  %c0 = arith.constant  // expected-error {{expected attribute value}}

  %x = arith.constant 1 : i32
}

// -----
func.func @select_tensor_encoding(
  %arg0 : tensor<8xi1, "bar">, %arg1 : tensor<8xi32, "foo">, %arg2 : tensor<8xi32, "foo">) -> tensor<8xi32, "foo"> {
  // expected-error @+1 {{'arith.select' op expected condition type to have the same shape as the result type}}
  %0 = arith.select %arg0, %arg1, %arg2 : tensor<8xi1, "bar">, tensor<8xi32, "foo">
  return %0 : tensor<8xi32, "foo">
}

// -----
// The predicate is checked before the operand types (ODS's order).
func.func @cmpi_bad_predicate_first(%f: f32) {
  // expected-error @+1 {{'arith.cmpi' op attribute 'predicate' failed to satisfy constraint: allowed 64-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}}
  %0 = "arith.cmpi"(%f, %f) {predicate = 42} : (f32, f32) -> i1
  return
}

// -----
func.func @cmpi_predicate_not_i64(%i: index) {
  // expected-error @+1 {{attribute 'predicate' failed to satisfy constraint: allowed 64-bit signless integer cases}}
  %0 = "arith.cmpi"(%i, %i) {predicate = 2 : i32} : (index, index) -> i1
  return
}

// -----
func.func @addi_memref(%m: memref<4xi32>) {
  // expected-error @+1 {{'arith.addi' op operand #0 must be signless-integer-like, but got 'memref<4xi32>'}}
  %0 = "arith.addi"(%m, %m) : (memref<4xi32>, memref<4xi32>) -> memref<4xi32>
  return
}

// -----
func.func @select_i32_condition(%a: i32) {
  // expected-error @+1 {{'arith.select' op operand #0 must be bool-like, but got 'i32'}}
  %0 = "arith.select"(%a, %a, %a) : (i32, i32, i32) -> i32
  return
}

// -----
func.func @bitcast_complex(%c: complex<f32>) {
  // expected-error @+1 {{'arith.bitcast' op operand #0 must be signless-integer-or-float-like or memref of signless-integer or float, but got 'complex<f32>'}}
  %0 = "arith.bitcast"(%c) : (complex<f32>) -> i64
  return
}

// -----
func.func @index_cast_memref_to_float(%n: memref<4xi32>) {
  // expected-error @+1 {{'arith.index_cast' op result #0 must be signless-integer-like or memref of signless-integer, but got 'memref<4xf32>'}}
  %1 = "arith.index_cast"(%n) : (memref<4xi32>) -> memref<4xf32>
  return
}

// -----
func.func @sitofp_memref(%n: memref<4xi32>) {
  // expected-error @+1 {{'arith.sitofp' op operand #0 must be signless-fixed-width-integer-like, but got 'memref<4xi32>'}}
  %1 = "arith.sitofp"(%n) : (memref<4xi32>) -> memref<4xf32>
  return
}

// -----
func.func @addui_extended_float(%f: f32) {
  // expected-error @+1 {{'arith.addui_extended' op operand #0 must be signless-integer-like, but got 'f32'}}
  %0, %1 = "arith.addui_extended"(%f, %f) : (f32, f32) -> (f32, i1)
  return
}

// -----
func.func @casts_of_memrefs(%m: memref<4xi32>) {
  %0 = "arith.index_cast"(%m) : (memref<4xi32>) -> memref<4xindex>
  %1 = "arith.bitcast"(%m) : (memref<4xi32>) -> memref<4xf32>
  return
}

// -----

// A misspelt op in a registered dialect (the generic form reaches the verifier).
func.func @unknown_arith_op(%a: f32) -> f32 {
  // expected-error @+1 {{unregistered operation 'arith.mulff' found in dialect ('arith') that does not allow unknown operations}}
  %b = "arith.mulff"(%a, %a) : (f32, f32) -> f32
  return %b : f32
}

// -----

func.func @f(%a: i32) {
  // expected-error @+1 {{invalid properties {overflowFlags = "nsw"} for op arith.addi: Invalid attribute `overflowFlags` in property conversion: "nsw"}}
  %0 = "arith.addi"(%a, %a) <{overflowFlags = "nsw"}> : (i32, i32) -> i32
  return
}

// -----

func.func @extf_scalar_to_tensor(%a: f16) {
  // expected-error @+1 {{'arith.extf' op failed to verify that input and output have the same tensor dimensions}}
  %0 = arith.extf %a : f16 to tensor<4xf32>
  return
}

// -----

func.func @extf_unranked_to_ranked(%a: tensor<*xf16>) {
  // expected-error @+1 {{'arith.extf' op failed to verify that input and output have the same tensor dimensions}}
  %0 = arith.extf %a : tensor<*xf16> to tensor<4xf32>
  return
}

// -----

// (the result's trait comes before the operands' SameTypeOperands)
func.func @cmpf_tensor_and_scalar(%a: tensor<4xf32>, %b: f32) {
  // expected-error @+1 {{'arith.cmpf' op failed to verify that result type has i1 element type and same shape as operands}}
  %0 = "arith.cmpf"(%a, %b) <{predicate = 1 : i64}> : (tensor<4xf32>, f32) -> i1
  return
}

// -----

// (each kind of flags once)
func.func @flags_twice(%x: f32) -> f64 {
  // expected-error @+1 {{expected ':'}}
  %0 = arith.extf %x fastmath<fast> fastmath<fast> : f32 to f64
  return %0 : f64
}

// -----

func.func @overflow_twice(%i: i32) -> i32 {
  // expected-error @+1 {{expected ':'}}
  %0 = arith.addi %i, %i overflow<nsw> overflow<nuw> : i32
  return %0 : i32
}
