// Builtin types that MLIR 19 refuses, and the ops that refuse integers with signedness and
// scalable vectors (checked against mlir-opt-19 --verify-diagnostics).

func.func @f(%a: ui32) -> ui32 {
  // expected-error @+1 {{'arith.addi' op operand #0 must be signless-integer-like, but got 'ui32'}}
  %0 = arith.addi %a, %a : ui32
  return %0 : ui32
}

// -----

func.func @f(%a: si32) -> si32 {
  // expected-error @+1 {{'arith.muli' op operand #0 must be signless-integer-like, but got 'si32'}}
  %0 = arith.muli %a, %a : si32
  return %0 : si32
}

// -----

func.func @f() -> ui8 {
  // expected-error @+1 {{'arith.constant' op integer return type must be signless}}
  %0 = arith.constant 1 : ui8
  return %0 : ui8
}

// -----

func.func @f(%a: ui32, %b: ui32) -> i1 {
  // expected-error @+1 {{'lhs' must be signless-integer-like, but got 'ui32'}}
  %0 = arith.cmpi slt, %a, %b : ui32
  return %0 : i1
}

// -----

func.func @f(%a: complex<f32>) -> complex<f32> {
  // expected-error @+1 {{'arith.addf' op operand #0 must be floating-point-like, but got 'complex<f32>'}}
  %0 = arith.addf %a, %a : complex<f32>
  return %0 : complex<f32>
}

// -----

// expected-error @+1 {{invalid element type for complex}}
func.func private @f(complex<index>)

// -----

// expected-error @+1 {{invalid element type for complex}}
func.func private @f(complex<vector<4xf32>>)

// -----

// expected-error @+1 {{expected '>' in complex type}}
func.func private @f(complex<f32)

// -----

// expected-error @+1 {{vector elements must be int/index/float type}}
func.func private @f(vector<4xcomplex<f32>>)

// -----

// expected-error @+1 {{vector types must have positive constant sizes}}
func.func private @f(vector<[0]xf32>)

// -----

// expected-error @+1 {{missing ']' closing scalable dimension}}
func.func private @f(vector<[4x]xf32>)

// -----

// expected-error @+1 {{invalid dimension}}
func.func private @f(vector<4x[?]xf32>)

// -----

// expected-error @+1 {{expected 'x' in dimension list}}
func.func private @f(vector<[4]>)

// -----

// expected-error @+1 {{integer bitwidth is limited to 16777215 bits}}
func.func private @f(ui16777216)

// -----

// expected-error @+1 {{negative integer literal not valid for unsigned integer type}}
func.func private @f() attributes {a = -1 : ui8}

// -----

// expected-error @+1 {{integer constant out of range for attribute}}
func.func private @f() attributes {a = 128 : si8}

// -----

// expected-error @+1 {{expected unsigned integer elements, but parsed negative value}}
func.func private @f() attributes {a = dense<-1> : tensor<2xui8>}

// -----

// expected-error @+1 {{integer constant out of range for type}}
func.func private @f() attributes {a = dense<128> : tensor<2xsi8>}

// -----

// expected-error @+1 {{hexadecimal float constant out of range for type}}
func.func private @f() attributes {a = 0x1FF : f8E5M2}

// -----

func.func @f(%v: vector<[4]xf32>) {
  // expected-error @+1 {{'vector.shuffle' op operand #0 must be fixed-length vector of any type values, but got 'vector<[4]xf32>'}}
  %0 = vector.shuffle %v, %v [0, 1] : vector<[4]xf32>, vector<[4]xf32>
  return
}

// -----

func.func @f(%v: vector<[4]xf32>) {
  // expected-error @+1 {{'vector.extract_strided_slice' op expected size at idx=0 to match the corresponding base size from the input vector (2 vs 4)}}
  %0 = vector.extract_strided_slice %v {offsets = [0], sizes = [2], strides = [1]} : vector<[4]xf32> to vector<[2]xf32>
  return
}

// -----

func.func @f(%v: vector<[4]xf32>) {
  // expected-error @+1 {{'vector.extract_strided_slice' op expected result type to be 'vector<[4]xf32>'}}
  %0 = vector.extract_strided_slice %v {offsets = [0], sizes = [4], strides = [1]} : vector<[4]xf32> to vector<4xf32>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{'vector.constant_mask' op only supports 'none set' or 'all set' scalable dimensions}}
  %0 = vector.constant_mask [2] : vector<[4]xi1>
  return
}

// -----

func.func @f(%v: vector<[4]xf32>) {
  // expected-error @+1 {{'arith.cmpf' op failed to verify that result type has i1 element type and same shape as operands}}
  %0 = "arith.cmpf"(%v, %v) <{predicate = 4 : i64}> : (vector<[4]xf32>, vector<[4]xf32>) -> vector<4xi1>
  return
}

// -----

// Resource blobs: `{-# dialect_resources: {builtin: {name: "0x<alignment><bytes>"}} #-}`.

{-#
  // expected-error @+1 {{expected hex string blob for key 'b'}}
  dialect_resources: { builtin: { b: "0x040000000000803G" } }
#-}

// -----

{-#
  // expected-error @+1 {{expected hex string blob for key 'b'}}
  dialect_resources: { builtin: { b: "0x040000000000803" } }
#-}

// -----

{-#
  // expected-error @+1 {{expected hex string blob for key 'b'}}
  dialect_resources: { builtin: { b: 5 } }
#-}

// -----

{-#
  // expected-error @+1 {{expected hex string blob for key 'b' to encode alignment in first 4 bytes}}
  dialect_resources: { builtin: { b: "0x0400" } }
#-}

// -----

{-#
  // expected-error @+1 {{expected hex string blob for key 'b' to encode alignment in first 4 bytes, but got non-power-of-2 value: 3}}
  dialect_resources: { builtin: { b: "0x030000000000803F" } }
#-}

// -----

{-#
  // expected-error @+1 {{unknown key 'other_resources' in file metadata dictionary}}
  other_resources: { builtin: { b: "0x04000000" } }
#-}

// -----

{-#
  // expected-error @+1 {{dialect 'foo' is unknown}}
  dialect_resources: { foo: { b: "0x04000000" } }
#-}

// -----

{-#
  // expected-error @+1 {{unexpected 'resource' section for dialect 'arith'}}
  dialect_resources: { arith: { b: "0x04000000" } }
#-}

// -----

{-#
  // expected-error @+1 {{expected identifier key for 'resource' entry}}
  dialect_resources: { builtin: { b: "0x04000000", } }
#-}

// -----

{-#
  // expected-error @+1 {{expected identifier key for 'resource' entry}}
  dialect_resources: { builtin: { "b": "0x04000000" } }
#-}

// -----

{-#
  // expected-error @+1 {{expected ',' or '#-}'}}
  dialect_resources: { builtin: { b: "0x04000000" } }
  external_resources: { }
#-}

// -----

{-#
  // expected-error @+1 {{expected string value for key 'y'}}
  external_resources: { foo: { y: 3 } }
#-}

// -----

{-#
  // expected-error @+1 {{expected hex string blob for key 'x' to encode alignment in first 4 bytes}}
  external_resources: { foo: { x: "0x00" } }
#-}

// -----

// expected-error @+1 {{expected identifier key for 'resource' entry}}
func.func @f() attributes {a = dense_resource<"b"> : tensor<1xi8>} {
  return
}

// -----

// expected-error @+1 {{`dense_resource` expected a shaped type}}
func.func @f() attributes {a = dense_resource<b> : i32} {
  return
}

// -----

// expected-error @+1 {{elements hex data size is invalid for provided type: 'tensor<3xi32>'}}
func.func @f() attributes {a = dense<"0x0100000002000000"> : tensor<3xi32>} {
  return
}

// -----

// i1 is packed by the bit: two elements take one byte
// expected-error @+1 {{elements hex data size is invalid for provided type: 'tensor<2xi1>'}}
func.func @f() attributes {a = dense<"0x0100"> : tensor<2xi1>} {
  return
}

// -----

// expected-error @+1 {{expected string containing hex digits starting with `0x`}}
func.func @f() attributes {a = dense<"0x123"> : tensor<1xi16>} {
  return
}

// -----

// expected-error @+1 {{elements literal type must have static shape}}
func.func @f() attributes {a = dense<1> : tensor<?xi32>} {
  return
}

// -----

// expected-error @+1 {{expected floating-point elements, but parsed integer}}
func.func @f() attributes {a = dense<[1.0, 2]> : tensor<2xf32>} {
  return
}

// -----

// expected-error @+1 {{expected integer elements, but parsed floating-point}}
func.func @f() attributes {a = dense<[1, 2.5]> : tensor<2xi32>} {
  return
}

// -----

// expected-error @+1 {{expected i1 type for 'true' or 'false' values}}
func.func @f() attributes {a = dense<true> : tensor<2xi8>} {
  return
}

// -----

// expected-error @+2 {{unexpected decimal integer literal for a floating point value}}
// expected-note @+1 {{add a trailing dot to make the literal a float}}
func.func @f() attributes {a = 1 : f32} {
  return
}

// -----

// expected-error @+1 {{floating point value not valid for specified type}}
func.func @f() attributes {a = 1.5 : i32} {
  return
}

// -----

// expected-error @+1 {{invalid tensor element type}}
func.func @f(%a: tensor<2xtensor<2xf32>>) {
  return
}

// -----

// expected-error @+1 {{invalid tensor element type}}
func.func @f(%a: tensor<*xnone>) {
  return
}

// -----

// expected-error @+1 {{invalid memref element type}}
func.func @f(%a: memref<2x!llvm.ptr>) {
  return
}

// -----

// expected-error @+1 {{invalid memref element type}}
func.func @f(%a: memref<2xtensor<2xf32>>) {
  return
}

// -----

// expected-error @+1 {{strides must not be zero}}
func.func @f(%a: memref<4xf32, strided<[0]>>) {
  return
}

// -----
func.func @forward_use_then_other_type() {
  cf.br ^bb1
^bb2:
  // expected-note @+1 {{previously used here with type 'i64'}}
  %y = arith.addi %x, %x : i64
  return
^bb1:
  // expected-error @+1 {{definition of SSA value '%x#0' has type 'i32'}}
  %x = arith.constant 1 : i32
  cf.br ^bb2
}

// -----
func.func @redefinition() {
  // expected-note @+1 {{previously defined here}}
  %x = arith.constant 1 : i32
  // expected-error @+1 {{redefinition of SSA value '%x'}}
  %x = arith.constant 2 : i32
  return
}

// -----
// expected-note @+1 {{previously referenced here}}
func.func @region_argument_in_use(%x: index) {
  %c = arith.constant 1 : index
  // expected-error @+1 {{region entry argument '%x' is already in use}}
  scf.for %x = %c to %c step %c {
  }
  return
}

// -----
func.func @use_with_other_type(%a: i32) { // expected-note {{prior use here}}
  // expected-error @+1 {{use of value '%a' expects different type than prior uses: 'i64' vs 'i32'}}
  %0 = arith.addi %a, %a : i64
  return
}

// -----
func.func @missing_attribute_value() {
  %c0 = arith.constant  // expected-error {{expected attribute value}}

  return
}

// -----

func.func @generic_operand_types(%a: i32) {
  // expected-error @+1 {{expected 2 operand types but had 1}}
  %0 = "arith.addi"(%a, %a) : (i32) -> i32
  return
}

// -----

func.func @custom_keyword(%a: vector<4xf32>) {
  // expected-error @+1 {{custom op 'vector.extract' expected 'from'}}
  %0 = vector.extract %a[0] : f32 of vector<4xf32>
  return
}

// -----

// expected-error @+1 {{'builtin.module' op can only contain attributes with dialect-prefixed names, found: 'x'}}
module attributes {x} {
}

// -----

// expected-error @+1 {{inferred shape of elements literal ([2]) does not match type ([2, 1])}}
func.func @f() attributes {a = dense<[1, 2]> : tensor<2x1xi32>} {
  return
}

// -----

// expected-error @+1 {{parsed zero elements, but type ('tensor<2xi32>') expected at least 1}}
func.func @f() attributes {a = dense<> : tensor<2xi32>} {
  return
}

// -----

// Generic parser diagnostics, with MLIR's words (from mlir/test/IR/invalid*.mlir).

// expected-error @+1 {{redefinition of identifier 'i'}}
#m = affine_map<(i, j, i) -> (i)>

// -----

// expected-error @+1 {{redefinition of identifier 's0'}}
#m = affine_map<(i, j) [s0, s1, s0] -> (i)>

// -----

// expected-error @+1 {{type names with a '.' are reserved for dialect-defined names}}
!foo.bar = i32

// -----

// expected-error @+1 {{attribute names with a '.' are reserved for dialect-defined names}}
#foo.attr = i32

// -----

// expected-error @+1 {{expected '=' in attribute alias definition}}
#m affine_map<(i) -> (i)>

// -----

// expected-error @+1 {{expected '=' in type alias definition}}
!t i32

// -----

// expected-error @+1 {{expected integer or float type, got: 'tensor<2xi32>'}}
#a = array<tensor<2xi32>: 1, 2>

// -----

// expected-error @+1 {{expected integer or float type, got: 'vector<i32>'}}
#attr = array<vector<i32>>

// -----

// expected-error @+1 {{element type bitwidth must be a multiple of 8}}
#attr = array<i7>

// -----

// expected-error @+1 {{expected ':' after dense array type}}
#attr = array<i8)

// -----

// expected-error @+1 {{expected '>' to close an array attribute}}
#attr = array<i8: 1)

// -----

// expected-error @+1 {{invalid dimension}}
#large_dim = tensor<9223372036854775808xf32>

// -----

// expected-error @+1 {{expected the number of strides to match the rank}}
func.func private @f() -> memref<?x?xf32, strided<[1]>>

// -----

// expected-error @+1 {{expected '<' after 'strided'}}
func.func private @f() -> memref<?x?xf32, strided>

// -----

// expected-error @+1 {{expected a 64-bit signed integer or '?'}}
func.func private @f() -> memref<?x?xf32, strided<[>>

// -----

// expected-error @+1 {{expected list element}}
func.func @f(memref<2x4xi8, >)

// -----

// expected-error @+1 {{unsupported memory space Attribute}}
func.func @f(memref<2x4xi8, i8>)

// -----

// (a builtin attribute but an integer, a string or a dictionary: syntax fuzzing)
// expected-error @+1 {{unsupported memory space Attribute}}
func.func @f(memref<2x4xi8, [1, 2]>)

// -----

// expected-error @+1 {{unsupported memory space Attribute}}
func.func @f(memref<*xi8, 1.0>)

// -----

func.func private @f(memref<2xi8, "x">, memref<2xi8, {a = 1}>, memref<2xi8, true>)

// -----

// expected-error @+1 {{multiple memory spaces specified in memref type}}
func.func @f(memref<2x4xi8, affine_map<(d0, d1) -> (d0, d1)>, 1, 2>)

// -----

// expected-error @+1 {{expected memory space to be last in memref type}}
func.func @f(memref<2x4xi8, 1, affine_map<(d0, d1) -> (d0, d1)>>)

// -----

// expected-error @+1 {{cannot have affine map for unranked memref type}}
func.func @f(memref<*xi8, affine_map<(d0) -> (d0)>>)

// -----

// expected-error @+1 {{expected non-function type}}
func.func @f(i)

// -----

// expected-error @+1 {{expected non-function type}}
func.func @f() -> vector<1x-1xi32>

// -----

// expected-error @+1 {{invalid integer width}}
func.func @f(i21312312323120)

// -----

// expected-error @+1 {{expected '<' in tuple type}}
func.func @f(tuple i32>)

// -----

// expected-error @+1 {{expected '>' in tuple type}}
func.func @f(tuple<i32)

// -----

// expected-error @+1 {{expected '<' in complex type}}
func.func @f(complex memref<2x4xi8>>)

// -----

func.func @f() {
// expected-error@-1 {{entry block of region may not have predecessors}}
^bb42:
  cf.br ^bb43
^bb43:
  cf.br ^bb42
}

// -----

func.func @f() {
  // expected-error @+1 {{empty operation name is invalid}}
  ""() : () -> ()
  return
}

// -----

// A missing token is reported where the previous one ends, on the line above.
func.func @f() {
  %0 = "arith.constant"() <{value = 1 : i32}>
  // expected-error@-1 {{expected ':' followed by operation type}}

  // A comment in between.
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{expected valid ssa identifier}}
  %0, = "foo" () : () -> (i32, i32)
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{expected integer number of results}}
  %0: = "foo" () : () -> (i32, i32)
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{expected named operation to have at least 1 result}}
  %0:0 = "foo" () : () -> (i32, i32)
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{expected '=' after SSA name}}
  %0:2 "foo" () : () -> (i32, i32)
  return
}

// -----

func.func @f(%a : i32, %b : i32) {
  // expected-error @+1 {{successors in non-terminator}}
  %c = "arith.addi"(%a, %b)[^bb1] : () -> ()
^bb1:
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{expected ')' to end region list}}
  "scf.execute_region"() ({},{},{} : () -> ()
}

// -----

// expected-error @+1 {{expected valid attribute name}}
"func.return"(){""}

// -----

func.func @f() {
  // expected-error @+1 {{expected operation name in quotes}}
  %2 = arith.constant 1 i32
}

// -----

func.func @f() {
^bb:
  return loc) // expected-error {{expected '(' in location}}
}

// -----

func.func @f() {
^bb:
  return loc(callsite unknown  // expected-error {{expected '(' in callsite location}}
}

// -----

func.func @f() {
^bb:
  return loc(callsite(unknown unknown) // expected-error {{expected 'at' in callsite location}}
}

// -----

func.func @f() {
^bb:
  return loc(fused<true>unknown]) // expected-error {{expected '[' in fused location}}
}

// -----

func.func @f() {
  return loc(unknown
  // expected-error@-1 {{expected ')' in location}}
}

// -----

#m = affine_map<(i, j) -> ((), j)> // expected-error {{no expression inside parentheses}}

// -----

#m = affine_map<(i, j) [s0] -> (i+, i+j+2 + 5)> // expected-error {{missing right operand of binary operator}}

// -----

#m = affine_map<(i, j) [s0, s1] -> (i, *j+5)> // expected-error {{missing left operand of binary operator}}

// -----

#m = affine_map<(i, j) [s0, s1] -> (-(), j)>
// expected-error@-1 {{no expression inside parentheses}}
// expected-error@-2 {{missing operand of negation}}

// -----

// expected-error @+1 {{expected '(' in affine map range}}
#m = affine_map<(i, j) [s0] -> i + s0, j)>

// -----

// expected-error @+1 {{expected ')' in affine map range}}
#m = affine_map<(i, j) [s0, s1] -> (-1*i j, j)>

// -----

#a = dense<[tf_opaque]> : tensor<1xi32> // expected-error {{expected element literal of primitive type}}

// -----

#a = dense<[(10)]> : tensor<complex<i64>> // expected-error {{expected ',' between complex elements}}

// -----

#a = dense<[(10,10]> : tensor<complex<i64>> // expected-error {{expected ')' after complex elements}}

// -----

// (reported at the next token)
// expected-error @+2 {{elements literal must be a shaped type}}
#a = dense<[4]> : i32
#b = 1

// -----

func.func @f() {
  // expected-error @+1 {{integer constant out of range for attribute}}
  affine.for %i = 1 to 9223372036854775810 {
  }
  return
}

// -----

// expected-error @+1 {{expected non-function type}}
func.func @f(...)

// -----

func.func @f() {
^bb12:
  cf.br ^missing  // expected-error {{reference to an undefined block}}
}

// -----

func.func @f() {
  // expected-error @+1 {{custom op 'func.func' expected valid '@'-identifier for symbol name}}
  func.func missingsigil() -> (i1, index, f32)
  return
}

// -----

func.func @f(%c: i32) {
  // expected-error @+3 {{custom op 'cf.switch' expected integer value}}
  cf.switch %c : i32, [
    default: ^bb1,
    x: ^bb1
  ]
^bb1:
  return
}

// -----

// A dialect type's body is scanned by character: brackets must nest (`->` closes nothing).
// expected-error @+1 {{unbalanced '<' character in pretty dialect name}}
func.func private @f(%arg : !unreg.ptr<(i32)->)

// -----

// expected-error @+1 {{unbalanced '(' character in pretty dialect name}}
func.func private @f(%arg : !unreg.ptr<a(b]>)

// -----

func.func @f() {
  // expected-error @+1 {{operand #0 does not dominate this use}}
  %0 = arith.addi %1, %1 : i32
  // expected-note @+1 {{operand defined here (op in the same block)}}
  %1 = arith.constant 0 : i32
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{operand #0 does not dominate this use}}
  %0 = arith.addi %1, %1 : i32
  cf.br ^bb1
^bb1:
  // expected-note @+1 {{operand defined here (op in the same region)}}
  %1 = arith.constant 0 : i32
  return
}

// -----

func.func @f() {  // expected-note {{operand defined as a block argument (block #1 in the same region)}}
  cf.br ^bb1(%x : i32)    // expected-error {{operand #0 does not dominate this use}}
^bb1(%x : i32):
  return
}

// -----

func.func private @redef()  // expected-note {{see existing symbol definition here}}
func.func private @redef()  // expected-error {{redefinition of symbol named 'redef'}}

// -----

// A name used in a nested region may be defined further down the enclosing one (as MLIR): the verifier reports it.
func.func @f() {
  scf.execute_region {
    // expected-error @+1 {{operand #0 does not dominate this use}}
    %0 = arith.addi %x, %x : i32
    scf.yield
  }
  // expected-note @+1 {{operand defined here (op in a parent region)}}
  %x = arith.constant 0 : i32
  return
}

// -----

func.func @f(%m : memref<?xf32>) {
  affine.for %i0 = 0 to 42 {
    // expected-note @+1 {{previously referenced here}}
    %x = memref.load %m[%i1] : memref<?xf32>
  }
  // expected-error @+1 {{region entry argument '%i1' is already in use}}
  affine.for %i1 = 0 to 42 {
  }
  return
}

// -----

// sparse<indices, values>: MLIR's own cases (test/IR/invalid-builtin-attributes.mlir), then its checks.
func.func @mi() {
  // expected-error @+1 {{expected element literal of primitive type}}
  %0 = arith.constant sparse<vector<1xi64>,[,[,1]

// -----

func.func @invalid_tensor_literal() {
  // expected-error @+1 {{expected 1-d tensor for sparse element values}}
  %0 = arith.constant sparse<[[0, 0, 0]],  [[-2.0]]> : vector<1x1x1xf16>
  return
}

// -----

func.func @invalid_tensor_literal() {
  // expected-error @+1 {{expected element literal of primitive type}}
  %0 = arith.constant sparse<[[1, 1, 0], [0, 1, 0], [0,, [[0, 0, 0]], [-2.0]> : tensor<2x2x2xi16>
  return
}

// -----

func.func @invalid_tensor_literal() {
  // expected-error @+1 {{sparse index #0 is not contained within the value shape, with index=[1, 1], and type='tensor<1x1xi16>'}}
  %0 = arith.constant sparse<1, 10> : tensor<1x1xi16>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{sparse index #1 is not contained within the value shape, with index=[0, 18446744073709551615], and type='tensor<2x2xi32>'}}
  %0 = arith.constant sparse<[[0, 0], [0, -1]], [1, 2]> : tensor<2x2xi32>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{expected shape ([2, 2]); inferred shape of indices literal ([2, 2]); inferred shape of values literal ([3])}}
  %0 = arith.constant sparse<[[0, 0], [1, 1]], [1, 2, 3]> : tensor<2x2xi32>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{expected shape ([2, 2]); inferred shape of indices literal ([2]); inferred shape of values literal ([2])}}
  %0 = arith.constant sparse<[0, 1], [1, 2]> : tensor<2x2xi32>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{expected shape ([4]); inferred shape of indices literal ([2, 2]); inferred shape of values literal ([2])}}
  %0 = arith.constant sparse<[[0, 0], [1, 1]], [1, 2]> : tensor<4xi32>
  return
}

// -----

func.func @f() {
  // (reported at the token after the type, as MLIR's)
  // expected-error @+2 {{elements literal type must have static shape}}
  %0 = arith.constant sparse<[[0, 1]], [1]> : tensor<?x2xi32>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{failed to verify that all of {value, result} have same type}}
  %0 = "arith.constant"() {value = sparse<[[0, 1]], [1]> : tensor<2x2xi32>} : () -> tensor<2x2xi64>
  return
}

// -----

// expected-error @+1 {{initial value expected to be of type 'tensor<2x2xi32>', but was of type 'tensor<4xi32>'}}
"memref.global"() <{sym_name = "g", type = memref<2x2xi32>, initial_value = sparse<[1], [5]> : tensor<4xi32>}> : () -> ()

// -----

// distinct[N]<attr>: MLIR's own cases, then its one check.
// expected-error@below {{expected '[' after 'distinct'}}
#attr = distinct<

// -----

// expected-error@below {{expected distinct ID}}
#attr = distinct[i8

// -----

// expected-error@below {{expected an unsigned 64-bit integer}}
#attr = distinct[0xAAAABBBBEEEEFFFF1]

// -----

// expected-error@below {{expected ']' to close distinct ID}}
#attr = distinct[8)

// -----

// expected-error@below {{expected '<' after distinct ID}}
#attr = distinct[8](

// -----

// expected-error@below {{expected '>' to close distinct attribute}}
#attr = distinct[8]<@foo]

// -----

#attr = distinct[0]<42 : i32>
// expected-error@below {{referenced attribute does not match previous definition: 42 : i32}}
#attr1 = distinct[0]<43 : i32>

// -----

func.func private @f() attributes {a = distinct[3]<[1, 2]>}
// expected-error @+1 {{referenced attribute does not match previous definition: [1, 2]}}
func.func private @g() attributes {b = distinct[3]<[1, 3]>}

// -----

// (a float for complex<i32> elements crashed the element conversion: fuzzing)
// expected-error @+1 {{expected integer elements, but parsed floating-point}}
func.func @dense_complex_int_float() attributes {a = dense<[0.5]> : tensor<1xcomplex<i32>>} {
  return
}

// -----

// (a float in an integer array was kept, 1.5 in a subview's static_offsets: fuzzing)
// expected-error @+1 {{expected integer literal}}
func.func @dense_array_float_in_i64() attributes {a = array<i64: 1, 1.5>} {
  return
}

// -----

// expected-error @+1 {{'builtin.module' op region #0 ('bodyRegion') failed to verify constraint: region with 1 blocks}}
"builtin.module"() ({
}) : () -> ()

// -----

// (an integer in a float array was taken as that float: fuzzing)
// expected-error @+2 {{unexpected decimal integer literal for a floating point value}}
// expected-note @+1 {{add a trailing dot to make the literal a float}}
func.func @dense_array_int_in_f32() attributes {a = array<f32: 1.5, 4>} {
  return
}

// -----

// (a dialect attribute without a name, `#llvm.`, was kept as an opaque attribute: fuzzing)
// expected-error @+1 {{expected valid keyword}}
func.func @dialect_attr_without_name() attributes {a = #llvm.} {
  return
}

// -----

// (a float dense array's element as a float attribute's: syntax fuzzing)
// expected-error @+2 {{unexpected decimal integer literal for a floating point value}}
// expected-note @+1 {{add a trailing dot to make the literal a float}}
func.func private @f() attributes {a = array<bf16: 2.5, 25>}
