func.func @too_many_args(%x: i32) {
  // expected-error @+1 {{branch has 1 operands for successor #0, but target block has 2}}
  cf.br ^bb1(%x : i32)
^bb1(%y: i32, %z: i32):
  return
}

// -----

func.func @arg_type(%x: i32) {
  // expected-error @+1 {{type mismatch for bb argument #0 of successor #0}}
  cf.br ^bb1(%x : i32)
^bb1(%y: f32):
  return
}

// -----

func.func @false_dest_args(%c: i1, %x: i32) {
  // expected-error @+1 {{branch has 0 operands for successor #1, but target block has 1}}
  cf.cond_br %c, ^bb1(%x : i32), ^bb2
^bb1(%y: i32):
  return
^bb2(%z: i32):
  return
}

// -----

func.func @cond_not_i1(%x: i32) {
  // expected-error @+1 {{'cf.cond_br' op operand #0 must be 1-bit signless integer, but got 'i32'}}
  "cf.cond_br"(%x)[^bb1, ^bb1] <{operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> ()
^bb1:
  return
}

// -----

func.func @case_type(%x: i32) {
  // expected-error @+1 {{'cf.switch' op 'flag' type ('i32') should match case value type ('i64')}}
  "cf.switch"(%x)[^bb1, ^bb1] <{case_operand_segments = array<i32: 0>, case_values = dense<[1]> : vector<1xi64>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> ()
^bb1:
  return
}

// -----

func.func @case_count(%x: i32) {
  // expected-error @+1 {{'cf.switch' op number of case values (1) should match number of case destinations (2)}}
  "cf.switch"(%x)[^bb1, ^bb1, ^bb1] <{case_operand_segments = array<i32: 0, 0>, case_values = dense<[1]> : vector<1xi32>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> ()
^bb1:
  return
}

// -----

func.func @float_flag(%x: f32) {
  // expected-error @+1 {{'cf.switch' op operand #0 must be integer, but got 'f32'}}
  "cf.switch"(%x)[^bb1] <{case_operand_segments = array<i32>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (f32) -> ()
^bb1:
  return
}

// -----

func.func @index_flag(%x: index) {
  // expected-error @+1 {{custom op 'cf.switch' invalid kind of type specified}}
  cf.switch %x : index, [
    default: ^bb1
  ]
^bb1:
  return
}

// -----

func.func @case_args(%x: i32, %a: i32) {
  // expected-error @+1 {{type mismatch for bb argument #0 of successor #1}}
  cf.switch %x : i32, [
    default: ^bb1,
    5: ^bb2(%a : i32)
  ]
^bb1:
  return
^bb2(%b: f32):
  return
}

// -----

func.func @assert_not_i1(%x: i32) {
  // expected-error @+1 {{'cf.assert' op operand #0 must be 1-bit signless integer, but got 'i32'}}
  "cf.assert"(%x) <{msg = "m"}> : (i32) -> ()
  return
}

// -----

func.func @assert_no_msg(%x: i1) {
  // expected-error @+1 {{'cf.assert' op requires attribute 'msg'}}
  "cf.assert"(%x) : (i1) -> ()
  return
}

// -----

func.func @not_last(%x: i1) {
  // expected-error @+1 {{operation with block successors must terminate its parent block}}
  cf.br ^bb1
  %y = arith.constant 1 : i32
^bb1:
  return
}

// -----

// (MLIR 19 reads a case value as an int64_t)
func.func @switch_i128_unsigned_overflow(%flag: i128) {
  cf.switch %flag : i128, [
    default: ^bb1,
    // expected-error @+1 {{custom op 'cf.switch' integer value too large}}
    340282366920938463463374607431768211456: ^bb1
  ]
^bb1:
  return
}

// -----

func.func @switch_i128_signed_underflow(%flag: i128) {
  cf.switch %flag : i128, [
    default: ^bb1,
    // expected-error @+1 {{custom op 'cf.switch' integer value too large}}
    -170141183460469231731687303715884105729: ^bb1
  ]
^bb1:
  return
}

// -----

// (MLIR 19 refuses a negative value of more than 16 digits, though it fits an int64_t)
func.func @switch_i64_negative_17_digits(%flag: i64) {
  cf.switch %flag : i64, [
    default: ^bb1,
    // expected-error @+1 {{custom op 'cf.switch' integer value too large}}
    -10000000000000000: ^bb1
  ]
^bb1:
  return
}

// -----

func.func @switch_minus_without_value(%flag: i32) {
  cf.switch %flag : i32, [
    default: ^bb1,
    // expected-error @+1 {{expected integer value}}
    - ^bb1
  ]
^bb1:
  return
}

// -----

// (a splat of 2^31 case values: counted, not listed)
func.func @switch_huge_case_splat(%f: i32) {
  // expected-error @+1 {{'cf.switch' op number of case values (2147483647) should match number of case destinations (1)}}
  "cf.switch"(%f)[^bb1, ^bb1] <{case_operand_segments = array<i32: 0>, case_values = dense<1> : vector<2147483647xi32>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> ()
^bb1:
  return
}

// -----

// (the successors' operands follow the condition's segment, whatever its size: fuzzing)
func.func @cond_br_segments(%c: i1, %a: i64) {
  // expected-error @+1 {{type mismatch for bb argument #0 of successor #0}}
  "cf.cond_br"(%c, %a)[^bb1, ^bb2] <{operandSegmentSizes = array<i32: 0, 1, 1>}> : (i1, i64) -> ()
^bb1(%x: i64):
  return
^bb2(%y: i64):
  return
}

// -----

func.func @cond_br_two_segments(%c: i1, %a: i64) {
  // expected-error @+1 {{invalid properties {operandSegmentSizes = array<i32: 1, 1>} for op cf.cond_br: size mismatch in attribute conversion: 2 vs 3}}
  "cf.cond_br"(%c, %a)[^bb1, ^bb2] <{operandSegmentSizes = array<i32: 1, 1>}> : (i1, i64) -> ()
^bb1(%x: i64):
  return
^bb2:
  return
}
