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
