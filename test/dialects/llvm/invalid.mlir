// RUN: tensorlang-opt --split-input-file --verify-diagnostics
llvm.func @printf(!llvm.ptr, ...) -> i32
llvm.func @a(%p: !llvm.ptr, %x: i32) {
  // expected-error @+1 {{missing var_callee_type attribute for vararg call}}
  %0 = llvm.call @printf(%p, %x) : (!llvm.ptr, i32) -> i32
  llvm.return
}

// -----
llvm.func @f(i32) -> i32
llvm.func @a(%x: i32) {
  // expected-error @+1 {{incorrect number of operands (2) for callee (expecting: 1)}}
  %0 = llvm.call @f(%x, %x) : (i32, i32) -> i32
  llvm.return
}

// -----
llvm.func @f(i32) -> i32
llvm.func @a(%x: f32) {
  // expected-error @+1 {{operand type mismatch for operand 0: 'f32' != 'i32'}}
  %0 = llvm.call @f(%x) : (f32) -> i32
  llvm.return
}

// -----
func.func private @g(i32) -> i32
llvm.func @a(%x: i32) {
  // expected-error @+1 {{'g' does not reference a valid LLVM function}}
  %0 = llvm.call @g(%x) : (i32) -> i32
  llvm.return
}

// -----
llvm.func @a(%x: i32) {
  // expected-error @+1 {{'nope' does not reference a symbol in the current scope}}
  %0 = llvm.call @nope(%x) : (i32) -> i32
  llvm.return
}

// -----
llvm.func @f(i32) -> i32
llvm.func @a(%x: i32) {
  // expected-error @+1 {{result type mismatch: 'f32' != 'i32'}}
  %0 = llvm.call @f(%x) : (i32) -> f32
  llvm.return
}

// -----
llvm.func @f()
llvm.func @a() {
  // expected-error @+1 {{calling function with void result must not produce values}}
  %0 = llvm.call @f() : () -> i32
  llvm.return
}

// -----
llvm.func @printf(!llvm.ptr, ...) -> i32
llvm.func @a(%x: i32) {
  // expected-error @+1 {{var_callee_type parameter type mismatch: '!llvm.ptr' != 'i32'}}
  %0 = llvm.call @printf(%x) vararg(!llvm.func<i32 (ptr, ...)>) : (i32) -> i32
  llvm.return
}

// -----
llvm.func @a(%p: i32, %x: i32) {
  // expected-error @+1 {{indirect call expects a pointer as callee: 'i32'}}
  %0 = llvm.call %p(%x) : i32, (i32) -> i32
  llvm.return
}

// -----
// expected-error @+1 {{requires an i8 array type of the length equal to that of the string attribute}}
llvm.mlir.global internal constant @str("hi\0A\00") : !llvm.array<3 x i8>

// -----
func.func @b() {
  // expected-error @+1 {{must reference a global defined by 'llvm.mlir.global' or 'llvm.func'}}
  %0 = llvm.mlir.addressof @nope : !llvm.ptr
  return
}

// -----
// expected-error @+1 {{unknown LLVM type: foo}}
func.func private @c(!llvm.foo<4 x f32>)

// -----
// expected-error @+1 {{attribute 'addr_space' failed to satisfy constraint: 32-bit signless integer attribute whose value is non-negative}}
llvm.mlir.global internal constant @s("hi\00") {addr_space = 0 : i64}

// -----
llvm.func @printf(!llvm.ptr, ...) -> i32
func.func @d(%p: !llvm.ptr, %x: i32) {
  // expected-error @+1 {{var_callee_type return type mismatch: 'i64' != 'i32'}}
  %r = llvm.call @printf(%p, %x) vararg(!llvm.func<i64 (ptr, ...)>) : (!llvm.ptr, i32) -> i32
  return
}

// -----

// expected-note @+1 {{when returning from function}}
llvm.func @a(%x: i32) -> i32 {
  // expected-error @+1 {{'llvm.return' op expected 1 operand}}
  llvm.return
}

// -----

// expected-note @+1 {{when returning from function}}
llvm.func @a(%p: !llvm.ptr) -> i32 {
  // expected-error @+1 {{'llvm.return' op mismatching result types}}
  llvm.return %p : !llvm.ptr
}

// -----

// expected-note @+1 {{when returning from function}}
llvm.func @a(%x: i32) {
  // expected-error @+1 {{'llvm.return' op expected no operands}}
  llvm.return %x : i32
}

// -----

llvm.func @gep_struct_out_of_bounds(%p: !llvm.ptr, %i: i64) {
  // expected-error @+1 {{'llvm.getelementptr' op index 1 indexing a struct is out of bounds}}
  %a = llvm.getelementptr %p[%i, 3] : (!llvm.ptr, i64) -> !llvm.ptr, !llvm.struct<(i32, f32, f64)>
  llvm.return
}

// -----

llvm.func @gep_struct_dynamic(%p: !llvm.ptr, %i: i64) {
  // expected-error @+1 {{'llvm.getelementptr' op expected index 1 indexing a struct to be constant}}
  %b = llvm.getelementptr %p[%i, %i] : (!llvm.ptr, i64, i64) -> !llvm.ptr, !llvm.struct<(i32, f32, f64)>
  llvm.return
}

// -----

llvm.func @gep_into_scalar(%p: !llvm.ptr) {
  // expected-error @+1 {{'llvm.getelementptr' op type 'f32' cannot be indexed (index #2)}}
  %c = llvm.getelementptr %p[0, 1, 2] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<(i32, f32, f64)>
  llvm.return
}

// -----

llvm.func @gep_nested_struct(%p: !llvm.ptr) {
  // expected-error @+1 {{'llvm.getelementptr' op index 3 indexing a struct is out of bounds}}
  %d = llvm.getelementptr %p[0, 1, 0, 5] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<(i32, array<4 x struct<(i8, i16)>>)>
  llvm.return
}

// -----

// expected-error@+1 {{'llvm.func' op expects argument attribute array to have the same number of elements as the number of function arguments, got 2, but expected 1}}
llvm.func @arg_attrs_count(i32) attributes { arg_attrs = [{}, {}] }

// -----

// expected-error@+1 {{'llvm.func' op expects result attribute array to have the same number of elements as the number of function results, got 2, but expected 1}}
llvm.func @res_attrs_count(i32) -> i32 attributes { res_attrs = [{}, {}] }

// -----

// llvm.return is checked against the closest llvm.func around it; here scf.if reports first.
llvm.func @return_in_if(%c: i1) -> i32 {
  %0 = llvm.mlir.constant(1 : i32) : i32
  // expected-error @+2 {{'scf.if' op expects regions to end with 'scf.yield', found 'llvm.return'}}
  // expected-note @+1 {{in custom textual format, the absence of terminator implies 'scf.yield'}}
  scf.if %c {
    llvm.return %0 : i32
  }
  llvm.return %0 : i32
}

// -----

// expected-error @+1 {{'llvm.mlir.global' op initializer region type 'i64' does not match global type 'i32'}}
llvm.mlir.global internal @init_type() : i32 {
  %0 = llvm.mlir.constant(1 : i64) : i64
  llvm.return %0 : i64
}

// -----

// expected-error @+1 {{'llvm.mlir.global' op initializer region cannot return void}}
llvm.mlir.global internal @init_void() : i32 {
  llvm.return
}

// -----

func.func @array_of_void() {
  // expected-error @+1 {{invalid array element type}}
  %0 = llvm.mlir.zero : !llvm.array<4 x void>
}

// -----

func.func @function_returning_function() {
  // expected-error @+1 {{invalid function result type}}
  %0 = llvm.mlir.zero : !llvm.func<func<void ()> ()>
}

// -----

func.func @function_taking_function() {
  // expected-error @+1 {{invalid function argument type}}
  %0 = llvm.mlir.zero : !llvm.func<void (func<void ()>)>
}

// -----

func.func @repeated_struct_name() {
  %0 = llvm.mlir.zero : !llvm.struct<"a", (ptr)>
  // expected-error @+1 {{identified type already used with a different body}}
  %1 = llvm.mlir.zero : !llvm.struct<"a", (i32)>
}

// -----

func.func @repeated_struct_name_packed() {
  %0 = llvm.mlir.zero : !llvm.struct<"a", packed (i32)>
  // expected-error @+1 {{identified type already used with a different body}}
  %1 = llvm.mlir.zero : !llvm.struct<"a", (i32)>
}

// -----

func.func @repeated_struct_opaque() {
  %0 = llvm.mlir.zero : !llvm.struct<"a", opaque>
  // expected-error @+1 {{identified type already used with a different body}}
  %1 = llvm.mlir.zero : !llvm.struct<"a", ()>
}

// -----

func.func @repeated_struct_opaque_non_empty() {
  %0 = llvm.mlir.zero : !llvm.struct<"a", opaque>
  // expected-error @+1 {{identified type already used with a different body}}
  %1 = llvm.mlir.zero : !llvm.struct<"a", (i32, i32)>
}

// -----

func.func @repeated_struct_opaque_redefinition() {
  %0 = llvm.mlir.zero : !llvm.struct<"a", ()>
  // expected-error @+1 {{redeclaring defined struct as opaque}}
  %1 = llvm.mlir.zero : !llvm.struct<"a", opaque>
}

// -----

func.func @struct_literal_opaque() {
  // expected-error @+1 {{only identified structs can be opaque}}
  %0 = llvm.mlir.zero : !llvm.struct<opaque>
}

// -----

func.func @top_level_struct_no_body() {
  // expected-error @below {{struct without a body only allowed in a recursive struct}}
  %0 = llvm.mlir.zero : !llvm.struct<"a">
}

// -----

func.func @nested_redefine_attempt() {
  // expected-error @below {{identifier already used for an enclosing struct}}
  %0 = llvm.mlir.zero : !llvm.struct<"a", (struct<"a", ()>)>
}

// -----

func.func @unexpected_type() {
  // expected-error @+1 {{unexpected type, expected keyword}}
  %0 = llvm.mlir.zero : !llvm.tensor<*xf32>
}

// -----

func.func @explicitly_opaque_struct() {
  %0 = llvm.mlir.zero : !llvm.struct<"a", opaque>
  // expected-error @+1 {{identified type already used with a different body}}
  %1 = llvm.mlir.zero : !llvm.struct<"a", ()>
}

// -----

func.func @literal_struct_with_void() {
  // expected-error @+1 {{invalid LLVM structure element type}}
  %0 = llvm.mlir.zero : !llvm.struct<(void)>
}

// -----

func.func @identified_struct_with_void() {
  // expected-error @+1 {{invalid LLVM structure element type}}
  %0 = llvm.mlir.zero : !llvm.struct<"a", (void)>
}

// -----

// expected-error @+1 {{unexpected type, expected keyword}}
func.func private @unexpected_type() -> !llvm.tensor<*xf32>

// -----

// expected-error @+1 {{unexpected type, expected keyword}}
func.func private @unexpected_type() -> !llvm.f32

// -----

// expected-error@+1{{alignment attribute is not a power of 2}}
llvm.mlir.global private @invalid_global_alignment(42 : i64) {alignment = 63} : i64

// -----

func.func @alloca_missing_input_result_type(%size : i64) {
  // expected-error@+1 {{expected trailing function type with one argument and one result}}
  llvm.alloca %size x i32 : () -> ()
}

// -----

func.func @alloca_missing_input_type() {
  // expected-error@+1 {{expected trailing function type with one argument and one result}}
  llvm.alloca %size x i32 : () -> (!llvm.ptr)
}

// -----

func.func @alloca_missing_result_type() {
  // expected-error@+1 {{expected trailing function type with one argument and one result}}
  llvm.alloca %size x i32 : (i64) -> ()
}

// -----

func.func @alloca_non_function_type() {
  // expected-error@+1 {{expected trailing function type with one argument and one result}}
  llvm.alloca %size x i32 : !llvm.ptr
}

// -----

func.func @alloca_non_integer_alignment() {
  // expected-error@+1 {{expected integer alignment}}
  llvm.alloca %size x i32 {alignment = 3.0} : !llvm.ptr
}

// -----

func.func @load_non_llvm_type(%foo : memref<f32>) {
  // expected-error@+1 {{op operand #0 must be LLVM pointer type}}
  llvm.load %foo : memref<f32> -> f32
}

// -----

func.func @load_syncscope(%ptr : !llvm.ptr) {
  // expected-error@below {{expected syncscope to be null for non-atomic access}}
  %1 = "llvm.load"(%ptr) {syncscope = "singlethread"} : (!llvm.ptr) -> (f32)
}

// -----

func.func @load_unsupported_ordering(%ptr : !llvm.ptr) {
  // expected-error@below {{unsupported ordering 'release'}}
  %1 = llvm.load %ptr atomic release {alignment = 4 : i64} : !llvm.ptr -> f32
}

// -----

func.func @load_unsupported_type(%ptr : !llvm.ptr) {
  // expected-error@below {{unsupported type 'f80' for atomic access}}
  %1 = llvm.load %ptr atomic monotonic {alignment = 16 : i64} : !llvm.ptr -> f80
}

// -----

func.func @load_unsupported_type(%ptr : !llvm.ptr) {
  // expected-error@below {{unsupported type 'i1' for atomic access}}
  %1 = llvm.load %ptr atomic monotonic {alignment = 16 : i64} : !llvm.ptr -> i1
}

// -----

func.func @load_unsupported_type(%ptr : !llvm.ptr) {
  // expected-error@below {{unsupported type 'i33' for atomic access}}
  %1 = llvm.load %ptr atomic monotonic {alignment = 16 : i64} : !llvm.ptr -> i33
}

// -----

func.func @load_unaligned_atomic(%ptr : !llvm.ptr) {
  // expected-error@below {{expected alignment for atomic access}}
  %1 = llvm.load %ptr atomic monotonic : !llvm.ptr -> f32
}

// -----

func.func @store_syncscope(%val : f32, %ptr : !llvm.ptr) {
  // expected-error@below {{expected syncscope to be null for non-atomic access}}
  "llvm.store"(%val, %ptr) {syncscope = "singlethread"} : (f32, !llvm.ptr) -> ()
}

// -----

func.func @store_unsupported_ordering(%val : f32, %ptr : !llvm.ptr) {
  // expected-error@below {{unsupported ordering 'acquire'}}
  llvm.store %val, %ptr atomic acquire {alignment = 4 : i64} : f32, !llvm.ptr
}

// -----

func.func @store_unsupported_type(%val : f80, %ptr : !llvm.ptr) {
  // expected-error@below {{unsupported type 'f80' for atomic access}}
  llvm.store %val, %ptr atomic monotonic {alignment = 16 : i64} : f80, !llvm.ptr
}

// -----

func.func @store_unsupported_type(%val : i1, %ptr : !llvm.ptr) {
  // expected-error@below {{unsupported type 'i1' for atomic access}}
  llvm.store %val, %ptr atomic monotonic {alignment = 16 : i64} : i1, !llvm.ptr
}

// -----

func.func @store_unsupported_type(%val : i48, %ptr : !llvm.ptr) {
  // expected-error@below {{unsupported type 'i48' for atomic access}}
  llvm.store %val, %ptr atomic monotonic {alignment = 16 : i64} : i48, !llvm.ptr
}

// -----

func.func @store_unaligned_atomic(%val : f32, %ptr : !llvm.ptr) {
  // expected-error@below {{expected alignment for atomic access}}
  llvm.store %val, %ptr atomic monotonic : f32, !llvm.ptr
}

// -----

func.func @invalid_call() {
  // expected-error@+1 {{'llvm.call' op must have either a `callee` attribute or at least an operand}}
  "llvm.call"() {op_bundle_sizes = array<i32>} : () -> ()
  llvm.return
}

// -----

func.func @call_missing_ptr_type(%callee : !llvm.func<i8 (i8)>, %arg : i8) {
  // expected-error@+1 {{expected indirect call to have 2 trailing types}}
  llvm.call %callee(%arg) : (i8) -> (i8)
  llvm.return
}

// -----

func.func @call_void_result_type(%callee : !llvm.ptr, %arg : i8) {
  // expected-error@+1 {{expected a non-void result type}}
  llvm.call %callee(%arg) : !llvm.ptr, (i8) -> (!llvm.void)
  llvm.return
}

// -----

func.func @call_non_llvm_arg(%arg0 : tensor<*xi32>) {
  // expected-error@+1 {{'llvm.call' op operand #0 must be variadic of LLVM dialect-compatible type}}
  "llvm.call"(%arg0) {operandSegmentSizes = array<i32: 1, 0>, op_bundle_sizes = array<i32>} : (tensor<*xi32>) -> ()
  llvm.return
}

// -----

func.func @call_non_llvm_res(%callee : !llvm.ptr) {
  // expected-error@+1 {{'llvm.call' op result #0 must be LLVM dialect-compatible type}}
  llvm.call %callee() : !llvm.ptr, () -> (tensor<*xi32>)
  llvm.return
}

// -----

func.func @call_too_many_results(%callee : !llvm.ptr) {
  // expected-error@+1 {{expected function with 0 or 1 result}}
  llvm.call %callee() : !llvm.ptr, () -> (i32, i32)
  llvm.return
}

// -----

llvm.func @void_func_result(%arg0: i32) {
  // expected-error@below {{expected no operands}}
  // expected-note@above {{when returning from function}}
  llvm.return %arg0: i32
}

// -----

llvm.func @non_void_func_no_result() -> i32 {
  // expected-error@below {{expected 1 operand}}
  // expected-note@above {{when returning from function}}
  llvm.return
}

// -----

llvm.func @func_result_mismatch(%arg0: f32) -> i32 {
  // expected-error@below {{mismatching result types}}
  // expected-note@above {{when returning from function}}
  llvm.return %arg0 : f32
}

// -----

func.func @constant_wrong_type() {
  // expected-error@+1 {{only supports integer, float, string or elements attributes}}
  llvm.mlir.constant(@constant_wrong_type) : !llvm.ptr
}

// -----

func.func @constant_wrong_type_string() {
  // expected-error@below {{expected array type of 3 i8 elements for the string constant}}
  llvm.mlir.constant("foo") : !llvm.ptr
}

// -----

llvm.func @struct_wrong_element_types() -> !llvm.struct<(!llvm.array<2 x f64>, !llvm.array<2 x f64>)> {
  // expected-error @+1 {{expected struct element types to be floating point type or integer type}}
  %0 = llvm.mlir.constant([dense<[1.0, 1.0]> : tensor<2xf64>, dense<[1.0, 1.0]> : tensor<2xf64>]) : !llvm.struct<(!llvm.array<2 x f64>, !llvm.array<2 x f64>)>
  llvm.return %0 : !llvm.struct<(!llvm.array<2 x f64>, !llvm.array<2 x f64>)>
}

// -----

llvm.func @int_attr_requires_int_type() -> f32 {
  // expected-error @below{{expected integer type}}
  %0 = llvm.mlir.constant(1 : index) : f32
  llvm.return %0 : f32
}

// -----

llvm.func @incompatible_integer_type_for_float_attr() -> i32 {
  // expected-error @below{{expected integer type of width 16}}
  %cst = llvm.mlir.constant(1.0 : f16) : i32
  llvm.return %cst : i32
}

// -----

llvm.func @vector_with_non_vector_type() -> f32 {
  // expected-error @below{{expected vector or array type}}
  %cst = llvm.mlir.constant(dense<100.0> : vector<1xf64>) : f32
  llvm.return %cst : f32
}

// -----

func.func @zero_non_llvm_type() {
  // expected-error@+1 {{'llvm.mlir.zero' op result #0 must be LLVM dialect-compatible type, but got 'tensor<4xi32>'}}
  llvm.mlir.zero : tensor<4xi32>
}

// -----

// expected-error@below {{expected zero value for 'common' linkage}}
llvm.mlir.global common @non_zero_global_common_linkage(42 : i32) : i32

// -----

// expected-error@below {{expected zero value for 'common' linkage}}
llvm.mlir.global common @non_zero_compound_global_common_linkage(dense<[0, 0, 0, 1, 0]> : vector<5xi32>) : !llvm.array<5 x i32>

// -----

// expected-error@below {{expected array type for 'appending' linkage}}
llvm.mlir.global appending @non_array_type_global_appending_linkage() : i32

// -----

module {
  llvm.func @accessGroups(%arg0 : !llvm.ptr) {
      // expected-error@below {{attribute 'access_groups' failed to satisfy constraint: LLVM dialect access group metadata array}}
      %0 = llvm.load %arg0 { "access_groups" = [@func1] } : !llvm.ptr -> i32
      llvm.return
  }
  llvm.func @func1() {
    llvm.return
  }
}

// -----

module {
  llvm.func @noAliasScopes(%arg0 : !llvm.ptr) {
      // expected-error@below {{attribute 'noalias_scopes' failed to satisfy constraint: LLVM dialect alias scope array}}
      %0 = llvm.load %arg0 { "noalias_scopes" = "test" } : !llvm.ptr -> i32
      llvm.return
  }
}

// -----

llvm.func @caller() {
  // expected-error @below {{expected function with 0 or 1 result}}
  %0:2 = llvm.call @callee() : () -> (i32, f32)
  llvm.return
}

llvm.func @callee() -> !llvm.struct<(i32, f32)>

// -----

llvm.mlir.global internal @side_effecting_global() : !llvm.struct<(i8)> {
  %0 = llvm.mlir.constant(1 : i64) : i64
  // expected-error@below {{ops with side effects not allowed in global initializers}}
  %1 = llvm.alloca %0 x !llvm.struct<(i8)> : (i64) -> !llvm.ptr
  %2 = llvm.load %1 : !llvm.ptr -> !llvm.struct<(i8)>
  llvm.return %2 : !llvm.struct<(i8)>
}

// -----

llvm.func @non_variadic(%arg: i32)

llvm.func @invalid_var_callee_type(%arg: i32)  {
  // expected-error@below {{expected var_callee_type to be a variadic function type}}
  llvm.call @non_variadic(%arg) vararg(!llvm.func<void (i32)>) : (i32) -> ()
  llvm.return
}

// -----

llvm.func @variadic(%arg: i32, ...)

llvm.func @invalid_var_callee_type_non_void(%arg: i32)  {
  // expected-error@below {{expected var_callee_type to return void}}
  llvm.call @variadic(%arg) vararg(!llvm.func<i8 (i32, ...)>) : (i32) -> ()
  llvm.return
}

// -----

// expected-error @below {{no_inline and always_inline attributes are incompatible}}
llvm.func @alwaysinline_noinline() attributes { always_inline, no_inline } {
  llvm.return
}

// -----

// expected-error @below {{'llvm.func' op with optimize_none must also be no_inline}}
llvm.func @optnone_requires_noinline() attributes { optimize_none } {
  llvm.return
}

// -----

// expected-error @+1 {{op requires attribute 'sym_name'}}
"llvm.mlir.global"() ({}) {linkage = #llvm.linkage<private>, type = i64, constant, global_type = i64, value = 42 : i64} : () -> ()

// -----

// expected-error @+1 {{requires attribute 'global_type'}}
"llvm.mlir.global"() ({}) {sym_name = "foo", constant, value = 42 : i64} : () -> ()

// -----

// expected-error @+1 {{type can only be omitted for string globals}}
llvm.mlir.global internal @i64_needs_type(0: i64)

// -----

// expected-error @+1 {{expected zero or one type}}
llvm.mlir.global internal @more_than_one_type(0) : i64, i32

// -----

func.func @foo() {
  // The attribute parser will consume the first colon-type, so we put two of
  // them to trigger the attribute type mismatch error.
  // expected-error @+1 {{invalid kind of attribute specified}}
  llvm.mlir.addressof "foo" : i64 : !llvm.ptr
  llvm.return
}

// -----

// expected-error @+1 {{'llvm.mlir.global' op cannot have both initializer value and region}}
llvm.mlir.global internal @g(43 : i64) : i64 {
  %c = llvm.mlir.constant(42 : i64) : i64
  llvm.return %c : i64
}

// -----

llvm.mlir.global internal @g(32 : i64) {addr_space = 3: i32} : i64
func.func @mismatch_addr_space_implicit_global() {
  // expected-error @+1 {{pointer address space must match address space of the referenced global}}
  llvm.mlir.addressof @g : !llvm.ptr
  llvm.return
}

// -----

llvm.mlir.global internal @g(32 : i64) {addr_space = 3: i32} : i64

func.func @mismatch_addr_space() {
  // expected-error @+1 {{pointer address space must match address space of the referenced global}}
  llvm.mlir.addressof @g : !llvm.ptr<4>
  llvm.return
}

// -----

func.func @global_in_func() {
  // expected-error @+1 {{'llvm.mlir.global' op symbol's parent must have the SymbolTable trait}}
  llvm.mlir.global internal @bar(42) : i32
  return
}

// -----

module {
  // expected-error@+1 {{requires one region}}
  "llvm.func"() {function_type = !llvm.func<void ()>, sym_name = "no_region"} : () -> ()
}

// -----

module {
  // expected-error@+1 {{requires attribute 'function_type'}}
  "llvm.func"() ({}) {sym_name = "missing_type"} : () -> ()
}

// -----

module {
  // expected-error@+1 {{attribute 'function_type' failed to satisfy constraint: type attribute of LLVM function type}}
  "llvm.func"() ({}) {sym_name = "non_llvm_type", function_type = i64} : () -> ()
}

// -----

module {
  // expected-error@+1 {{attribute 'function_type' failed to satisfy constraint: type attribute of LLVM function type}}
  "llvm.func"() ({}) {sym_name = "non_function_type", function_type = i64} : () -> ()
}

// -----

module {
  // expected-error@+1 {{entry block must have 0 arguments}}
  "llvm.func"() ({
  ^bb0(%arg0: i64):
    llvm.return
  }) {function_type = !llvm.func<void ()>, sym_name = "wrong_arg_number"} : () -> ()
}

// -----

module {
  // expected-error@+1 {{entry block argument #0('tensor<*xf32>') must match the type of the corresponding argument in function signature('i64')}}
  "llvm.func"() ({
  ^bb0(%arg0: tensor<*xf32>):
    llvm.return
  }) {function_type = !llvm.func<void (i64)>, sym_name = "wrong_arg_number"} : () -> ()
}

// -----

module {
  // expected-error@+1 {{failed to construct function type: expected LLVM type for function arguments}}
  llvm.func @foo(tensor<*xf32>)
}

// -----

module {
  // expected-error@+1 {{failed to construct function type: expected LLVM type for function results}}
  llvm.func @foo() -> tensor<*xf32>
}

// -----

module {
  // expected-error@+1 {{failed to construct function type: expected zero or one function result}}
  llvm.func @foo() -> (i64, i64)
}

// -----

module {
  // expected-error@+1 {{variadic arguments must be in the end of the argument list}}
  llvm.func @variadic_inside(%arg0: i32, ..., %arg1: i32)
}

// -----

module {
  // expected-error@+1 {{functions cannot have 'common' linkage}}
  llvm.func common @common_linkage_func()
}

// -----

module {
  // expected-error@+1 {{custom op 'llvm.func' expected valid '@'-identifier for symbol name}}
  llvm.func cc_12 @unknown_calling_convention()
}

// -----

// (an index beyond int32 was kept: -2^63 printed -9223372036854776000, which did not read back; fuzzing)
llvm.func @gep_index_beyond_i32(%p: !llvm.ptr) -> !llvm.ptr {
  // expected-error @+1 {{custom op 'llvm.getelementptr' integer value too large}}
  %0 = llvm.getelementptr %p[0, 2147483648] : (!llvm.ptr) -> !llvm.ptr, !llvm.array<14 x i8>
  llvm.return %0 : !llvm.ptr
}

// -----

func.func @gep_float_index(%p: !llvm.ptr, %i: f32) {
  // expected-error @+1 {{'llvm.getelementptr' op operand #1 must be variadic of signless integer or LLVM dialect-compatible vector of signless integer, but got 'f32'}}
  %0 = "llvm.getelementptr"(%p, %i) <{elem_type = f32, rawConstantIndices = array<i32: -2147483648>}> : (!llvm.ptr, f32) -> !llvm.ptr
  return
}

// -----

func.func @gep_int_base(%p: i64, %i: i32) {
  // expected-error @+1 {{'llvm.getelementptr' op operand #0 must be LLVM pointer type or LLVM dialect-compatible vector of LLVM pointer type, but got 'i64'}}
  %0 = "llvm.getelementptr"(%p, %i) <{elem_type = f32, rawConstantIndices = array<i32: -2147483648>}> : (i64, i32) -> !llvm.ptr
  return
}

// -----

func.func @gep_int_result(%p: !llvm.ptr, %i: i32) {
  // expected-error @+1 {{'llvm.getelementptr' op result #0 must be LLVM pointer type or LLVM dialect-compatible vector of LLVM pointer type, but got 'i64'}}
  %0 = "llvm.getelementptr"(%p, %i) <{elem_type = f32, rawConstantIndices = array<i32: -2147483648>}> : (!llvm.ptr, i32) -> i64
  return
}

// -----

func.func @constant_of_index() {
  // expected-error @+1 {{'llvm.mlir.constant' op result #0 must be LLVM dialect-compatible type, but got 'index'}}
  %0 = llvm.mlir.constant(1 : index) : index
  return
}

// -----

func.func @alloca_int_result(%n: i64) {
  // expected-error @+1 {{'llvm.alloca' op result #0 must be LLVM pointer type, but got 'i64'}}
  %0 = "llvm.alloca"(%n) <{elem_type = f32}> : (i64) -> i64
  return
}

// -----

func.func @alloca_float_size(%n: f32) {
  // expected-error @+1 {{'llvm.alloca' op operand #0 must be signless integer, but got 'f32'}}
  %0 = "llvm.alloca"(%n) <{elem_type = f32}> : (f32) -> !llvm.ptr
  return
}

// -----

llvm.mlir.global internal @g(0 : i32) : i32
func.func @addressof_int_result() {
  // expected-error @+1 {{'llvm.mlir.addressof' op result #0 must be LLVM pointer type, but got 'i64'}}
  %0 = llvm.mlir.addressof @g : i64
  return
}

// -----

// (tensorlang-opt crashed printing this one)
// expected-error @+1 {{'llvm.mlir.global' op attribute 'sym_name' failed to satisfy constraint: string attribute}}
"llvm.mlir.global"() ({
}) {global_type = i32, linkage = #llvm.linkage<internal>, sym_name = 0 : i32, value = 1 : i32} : () -> ()

// -----

// expected-error @+1 {{'llvm.func' op attribute 'sym_name' failed to satisfy constraint: string attribute}}
"llvm.func"() ({
}) {function_type = !llvm.func<void ()>, sym_name = 0 : i32} : () -> ()

// -----

llvm.mlir.global internal @gv(0 : i32) : i32
func.func @addressof_checked_last(%b: i32) {
  %0 = llvm.mlir.addressof @nope : !llvm.ptr
  // expected-error @+1 {{'arith.addf' op operand #0 must be floating-point-like, but got 'i32'}}
  %1 = "arith.addf"(%b, %b) : (i32, i32) -> i32
  return
}

// -----

llvm.func @llvm_return_memref() -> i32 {
  %m = memref.alloc() : memref<4xf32>
  // expected-error @+1 {{'llvm.return' op operand #0 must be LLVM dialect-compatible type, but got 'memref<4xf32>'}}
  llvm.return %m : memref<4xf32>
}

// -----

// (checked before the body's ops: the return's mismatch is not reported first)
// expected-error @+1 {{'llvm.func' op type of entry block argument #0('f64') must match the type of the corresponding argument in function signature('i32')}}
"llvm.func"() <{CConv = #llvm.cconv<ccc>, function_type = !llvm.func<i32 (i32)>, linkage = #llvm.linkage<external>, sym_name = "entry_type_first", visibility_ = 0 : i64}> ({
^bb0(%a: f64):
  "llvm.return"(%a) : (f64) -> ()
}) : () -> ()

// -----

// (enum properties out of range or of another kind: MLIR rejects them while converting the properties)
// expected-error @+1 {{for op llvm.func: Invalid attribute `visibility_` in property conversion: 7 : i64}}
"llvm.func"() <{CConv = #llvm.cconv<ccc>, function_type = !llvm.func<void ()>, linkage = #llvm.linkage<external>, sym_name = "vis7", visibility_ = 7 : i64}> ({
}) : () -> ()

// -----

// expected-error @+1 {{for op llvm.func: Invalid attribute `unnamed_addr` in property conversion: 0 : i16}}
"llvm.func"() <{CConv = #llvm.cconv<ccc>, function_type = !llvm.func<void ()>, linkage = #llvm.linkage<external>, sym_name = "ua16", unnamed_addr = 0 : i16}> ({
}) : () -> ()

// -----

// expected-error @+1 {{for op llvm.mlir.global: Invalid attribute `linkage` in property conversion: 0 : i32}}
"llvm.mlir.global"() <{addr_space = 0 : i32, global_type = i32, linkage = 0 : i32, sym_name = "lk", value = 1 : i32}> ({
}) : () -> ()

// -----

// expected-error @+1 {{for op llvm.func: Invalid attribute `CConv` in property conversion: 0 : i64}}
"llvm.func"() <{CConv = 0 : i64, function_type = !llvm.func<void ()>, linkage = #llvm.linkage<external>, sym_name = "cc0"}> ({
}) : () -> ()

// -----

// (3 is no AtomicOrdering case)
func.func @load_ordering_3(%p: !llvm.ptr) {
  // expected-error @+1 {{for op llvm.load: Invalid attribute `ordering` in property conversion: 3 : i64}}
  %0 = "llvm.load"(%p) <{alignment = 4 : i64, ordering = 3 : i64}> : (!llvm.ptr) -> i32
  return
}

// -----

func.func @store_syncscope_int(%p: !llvm.ptr, %v: i32) {
  // expected-error @+1 {{for op llvm.store: Invalid attribute `syncscope` in property conversion: 8 : i64}}
  "llvm.store"(%v, %p) <{alignment = 4 : i64, ordering = 7 : i64, syncscope = 8 : i64}> : (i32, !llvm.ptr) -> ()
  return
}

// -----

func.func @array_of_label() {
  // expected-error @+1 {{invalid array element type: '!llvm.label'}}
  %0 = llvm.mlir.zero : !llvm.array<2 x !llvm.label>
}

// -----

func.func @struct_of_token() {
  // expected-error @+1 {{invalid LLVM structure element type: '!llvm.token'}}
  %0 = llvm.mlir.zero : !llvm.struct<(x86_mmx, token)>
}

// -----

// expected-error @+1 {{invalid function result type: '!llvm.metadata'}}
llvm.func @metadata_result() -> !llvm.func<metadata ()>

// -----

// property conversion: a property of another kind of attribute than its storage
// expected-error @+1 {{'llvm.func' op attribute 'function_type' failed to satisfy constraint: type attribute of LLVM function type}}
"llvm.func"() <{CConv = #llvm.cconv<ccc>, function_type = i32, linkage = #llvm.linkage<external>, sym_name = "f", visibility_ = 0 : i64}> ({
}) : () -> ()

// -----

// expected-error @+1 {{Invalid attribute `sym_name` in property conversion}}
"llvm.func"() <{CConv = #llvm.cconv<ccc>, function_type = !llvm.func<void ()>, linkage = #llvm.linkage<external>, sym_name = 3, visibility_ = 0 : i64}> ({
}) : () -> ()

// -----

// expected-error @+1 {{Invalid attribute `global_type` in property conversion}}
"llvm.mlir.global"() <{addr_space = 0 : i32, global_type = 3, linkage = #llvm.linkage<internal>, sym_name = "g", visibility_ = 0 : i64}> ({
}) : () -> ()

// -----

// expected-error @+1 {{Invalid attribute `addr_space` in property conversion}}
"llvm.mlir.global"() <{addr_space = "x", global_type = i32, linkage = #llvm.linkage<internal>, sym_name = "g", visibility_ = 0 : i64}> ({
}) : () -> ()

// -----

// expected-error @+1 {{Invalid attribute `sym_name` in property conversion}}
"llvm.mlir.global"() <{addr_space = 0 : i32, global_type = i32, linkage = #llvm.linkage<internal>, sym_name = 4, visibility_ = 0 : i64}> ({
}) : () -> ()

// -----

// expected-error @+1 {{Invalid attribute `alignment` in property conversion}}
"llvm.mlir.global"() <{addr_space = 0 : i32, global_type = i32, linkage = #llvm.linkage<internal>, sym_name = "g", visibility_ = 0 : i64, alignment = "x"}> ({
}) : () -> ()
