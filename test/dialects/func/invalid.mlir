func.func @g(%x: i32) -> i32 {
  return %x : i32
}
func.func @undefined() {
  // expected-error @+1 {{'func.constant' op reference to undefined function 'nope'}}
  %f = func.constant @nope : (i32) -> i32
  return
}

// -----
func.func @g(%x: i32) -> i32 {
  return %x : i32
}
func.func @mismatched() {
  // expected-error @+1 {{'func.constant' op reference to function with mismatched type}}
  %f = func.constant @g : (i64) -> i32
  return
}

// -----
func.func @g(%x: i32) -> i32 {
  return %x : i32
}
func.func @not_a_function_type() {
  // expected-error @+1 {{'func.constant' op reference to function with mismatched type}}
  %f = func.constant @g : i32
  return
}

// -----
module {
  module @m {
    func.func @g(%x: i32) -> i32 {
      return %x : i32
    }
  }
  func.func @nested_symbol_not_visible() {
    // expected-error @+1 {{'func.constant' op reference to undefined function 'g'}}
    %f = func.constant @g : (i32) -> i32
    return
  }
}

// -----
llvm.func @g(%x: i32) -> i32 {
  llvm.return %x : i32
}
func.func @llvm_func_is_no_func() {
  // expected-error @+1 {{'func.constant' op reference to undefined function 'g'}}
  %f = func.constant @g : (i32) -> i32
  return
}

// -----
func.func @string_value() {
  // expected-error @+1 {{custom op 'func.constant' invalid kind of attribute specified}}
  %f = func.constant "g" : (i32) -> i32
  return
}

// -----
func.func @no_value() {
  // expected-error @+1 {{'func.constant' op requires attribute 'value'}}
  %f = "func.constant"() : () -> ((i32) -> i32)
  return
}

// -----
func.func @nested_value() {
  // expected-error @+1 {{'func.constant' op attribute 'value' failed to satisfy constraint: flat symbol reference attribute}}
  %f = "func.constant"() {value = @a::@b} : () -> ((i32) -> i32)
  return
}

// -----
func.func @callee_not_a_function(%x: i32) {
  // expected-error @+1 {{'func.call_indirect' op operand #0 must be function type, but got 'i32'}}
  %r = "func.call_indirect"(%x, %x) : (i32, i32) -> i32
  return
}

// -----
func.func @argument_type(%f: (i32) -> i32, %x: i64) {
  // expected-error @+1 {{'func.call_indirect' op failed to verify that callee input types match argument types}}
  %r = "func.call_indirect"(%f, %x) : ((i32) -> i32, i64) -> i32
  return
}

// -----
func.func @argument_count(%f: (i32) -> i32) {
  // expected-error @+1 {{'func.call_indirect' op failed to verify that callee input types match argument types}}
  %r = "func.call_indirect"(%f) : ((i32) -> i32) -> i32
  return
}

// -----
func.func @result_type(%f: (i32) -> i32, %x: i32) {
  // expected-error @+1 {{'func.call_indirect' op failed to verify that callee result types match result types}}
  %r = "func.call_indirect"(%f, %x) : ((i32) -> i32, i32) -> i64
  return
}

// -----
func.func @custom_form_needs_function_type(%f: (i32) -> i32, %x: i32) {
  // expected-error @+1 {{custom op 'func.call_indirect' invalid kind of type specified}}
  %r = func.call_indirect %f(%x) : i32
  return
}

// -----
func.func @custom_form_operand_types(%f: (i32) -> i32, %x: i64) { // expected-note {{prior use here}}
  // expected-error @+1 {{use of value '%x' expects different type than prior uses: 'i32' vs 'i64'}}
  %r = func.call_indirect %f(%x) : (i32) -> i32
  return
}

// -----
func.func @custom_form_callee_type(%f: (i64) -> i32, %x: i32) { // expected-note {{prior use here}}
  // expected-error @+1 {{use of value '%f' expects different type than prior uses: '(i32) -> i32' vs '(i64) -> i32'}}
  %r = func.call_indirect %f(%x) : (i32) -> i32
  return
}

// -----
func.func @custom_form_operand_count(%f: (i32) -> i32, %x: i32) {
  // expected-error @+1 {{2 operands present, but expected 1}}
  %r = func.call_indirect %f(%x, %x) : (i32) -> i32
  return
}

// -----

// expected-error @+1 {{custom op 'func.func' expected type instead of SSA identifier}}
func.func private @mixed_named_after_unnamed(i32, %x: f32)

// -----

// expected-error @+1 {{custom op 'func.func' expected SSA identifier}}
func.func private @mixed_unnamed_after_named(%x: i32, f32)

// -----

func.func private @return_i32_f32() -> (i32, f32)

func.func @call() {
  // expected-error @+3 {{op result type mismatch at index 0}}
  // expected-note @+2 {{op result types: 'f32', 'i32'}}
  // expected-note @+1 {{function result types: 'i32', 'f32'}}
  %0:2 = call @return_i32_f32() : () -> (f32, i32)
  return
}

// -----

func.func @return_inside_loop() {
  affine.for %i = 1 to 100 {
    // expected-error @+1 {{'func.return' op expects parent op 'func.func'}}
    func.return
  }
  return
}

// -----

// expected-error @+1 {{expected non-function type}}
func.func @func_variadic(...)

// -----

func.func @bad_type(%a: i32) {
  // expected-error @+1 {{expected non-function type}}
  %0 = arith.addi %a, %a : foo
  return
}

// -----

func.func @call_type_kind(%a: i32) {
  // expected-error @+1 {{custom op 'func.call' invalid kind of type specified}}
  %0 = call @call_type_kind(%a) : i32
  return
}

// -----

func.func @call_nested_callee(%a: i32) {
  // expected-error @+1 {{custom op 'func.call' invalid kind of attribute specified}}
  %0 = call @a::@b(%a) : (i32) -> i32
  return
}

// -----

func.func @call_bare_callee(%a: i32) {
  // expected-error @+1 {{expected attribute value}}
  %0 = call f(%a) : (i32) -> i32
  return
}

// -----

// expected-error @+1 {{'func.func' op requires attribute 'function_type'}}
"func.func"() ({
}) {sym_name = "f"} : () -> ()

// -----

// expected-error @+1 {{'func.func' op requires attribute 'sym_name'}}
"func.func"() ({
}) {function_type = () -> ()} : () -> ()

// -----

// expected-error @+1 {{'func.func' op attribute 'function_type' failed to satisfy constraint: type attribute of function type}}
"func.func"() ({
}) {function_type = i32, sym_name = 1} : () -> ()

// -----

// expected-error @+1 {{'func.func' op attribute 'sym_name' failed to satisfy constraint: string attribute}}
"func.func"() ({
}) {sym_name = 1} : () -> ()

// -----

// expected-error@+1 {{'sym_visibility' is an inferred attribute and should not be specified in the explicit attribute dictionary}}
func.func @legacy_visibility_syntax() attributes { sym_visibility = "private" }

// -----

// expected-error@+1 {{'sym_name' is an inferred attribute and should not be specified in the explicit attribute dictionary}}
func.func private @invalid_symbol_name_attr() attributes { sym_name = "x" }

// -----

// expected-error@+1 {{'function_type' is an inferred attribute and should not be specified in the explicit attribute dictionary}}
func.func private @invalid_symbol_type_attr() attributes { function_type = "x" }

// -----

// expected-error@+1 {{'func.func' op expects argument attribute array to have the same number of elements as the number of function arguments, got 2, but expected 1}}
func.func private @arg_attrs_count(i32) attributes { arg_attrs = [{}, {}] }

// -----

// expected-error@+1 {{'func.func' op expects result attribute array to have the same number of elements as the number of function results, got 1, but expected 0}}
func.func private @res_attrs_count() attributes { res_attrs = [{}] }

// -----

// expected-error@+1 {{'func.func' op attribute 'arg_attrs' failed to satisfy constraint: Array of dictionary attributes}}
func.func private @arg_attrs_kind(i32) attributes { arg_attrs = [[]] }

// -----

// A symbol must live directly in a symbol table (func.func's body is not one).
func.func @nested_symbol() {
  // expected-error @+1 {{'func.func' op symbol's parent must have the SymbolTable trait}}
  func.func private @inner()
  return
}

// -----

func.func @nested_global() {
  // expected-error @+1 {{'memref.global' op symbol's parent must have the SymbolTable trait}}
  memref.global "private" @g : memref<2xf32>
  return
}

// -----

// A call's types are checked after every op (MLIR's verifySymbolUses, run by the module): the
// later addf's error comes first.
func.func private @g(f32) -> f32
func.func @call_checked_last(%a: f32, %b: i32) {
  %0 = call @g(%b) : (i32) -> f32
  // expected-error @+1 {{'arith.addf' op operand #0 must be floating-point-like, but got 'i32'}}
  %1 = "arith.addf"(%b, %b) : (i32, i32) -> i32
  return
}

// -----

// expected-error @+1 {{'func.func' op entry block must have 2 arguments to match function signature}}
"func.func"() <{function_type = (f32, f32) -> (), sym_name = "entry_count"}> ({
^bb0(%a: f32):
  "func.return"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'func.func' op type of entry block argument #1('i32') must match the type of the corresponding argument in function signature('f32')}}
"func.func"() <{function_type = (f32, f32) -> (), sym_name = "entry_type"}> ({
^bb0(%a: f32, %b: i32):
  "func.return"() : () -> ()
}) : () -> ()

// -----

// (the parent is checked before the other traits: MLIR reports it, not the terminator position or operand type)
func.func @func_return_in_execute_region(%c: i1) {
  %0 = scf.execute_region -> i32 {
    // expected-error @+1 {{'func.return' op expects parent op 'func.func'}}
    "func.return"(%c) : (i1) -> ()
  }
  return
}

// -----

// property conversion: a property of another kind of attribute than its storage
// expected-error @+1 {{Invalid attribute `function_type` in property conversion}}
"func.func"() <{function_type = "private", sym_name = "f", sym_visibility = "private"}> ({
}) : () -> ()

// -----

// expected-error @+1 {{Invalid attribute `sym_name` in property conversion}}
"func.func"() <{function_type = () -> (), sym_name = () -> ()}> ({
  "func.return"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{Invalid attribute `sym_visibility` in property conversion}}
"func.func"() <{function_type = () -> (), sym_name = "g", sym_visibility = 3}> ({
  "func.return"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{Invalid attribute `arg_attrs` in property conversion}}
"func.func"() <{function_type = () -> (), sym_name = "g", arg_attrs = 3}> ({
  "func.return"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'func.func' op attribute 'function_type' failed to satisfy constraint: type attribute of function type}}
"func.func"() <{function_type = i32, sym_name = "f"}> ({
}) : () -> ()
