// cf: branches between blocks (with and without operands), a loop through a back edge, a
// switch with operands per case (i8 and i64 flags, case values printed unsigned), an assert, equal case values.
func.func @branches(%c: i1, %a: i32, %b: f32, %flag: i32) -> i32 {
  cf.assert %c, "a \"quoted\" message\n"
  cf.cond_br %c, ^bb1(%a : i32), ^bb2
^bb1(%x: i32):
  cf.br ^bb3(%x, %b : i32, f32)
^bb2:
  cf.switch %flag : i32, [
    default: ^bb3(%a, %b : i32, f32),
    42: ^bb1(%a : i32),
    -3: ^bb4
  ]
^bb3(%y: i32, %z: f32):
  return %y : i32
^bb4:
  cf.br ^bb2
}

func.func @loop(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^head(%c0, %c0 : index, index)
^head(%i: index, %acc: index):
  %more = arith.cmpi slt, %i, %n : index
  cf.cond_br %more, ^body, ^exit(%acc : index)
^body:
  %next = arith.addi %i, %c1 : index
  %sum = arith.addi %acc, %i : index
  cf.br ^head(%next, %sum : index, index)
^exit(%r: index):
  return %r : index
}

func.func @switches(%f8: i8, %f64: i64, %c: i1) {
  cf.switch %f8 : i8, [
    default: ^bb1,
    200: ^bb1,
    -1: ^bb2(%c : i1)
  ]
^bb1:
  cf.switch %f64 : i64, [
    default: ^bb2(%c : i1)
  ]
^bb2(%d: i1):
  cf.cond_br %d, ^bb3, ^bb3
^bb3:
  return
}

// Equal case values: the generic form holds them as a splat, read back as one value per case.
func.func @equal_cases(%f: i32) {
  cf.switch %f : i32, [
    default: ^bb1,
    1: ^bb1,
    1: ^bb2
  ]
^bb1:
  return
^bb2:
  return
}
