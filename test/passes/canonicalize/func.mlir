// func: a call through a func.constant becomes a direct func.call (its other attributes dropped,
// as MLIR's CallIndirectOp::canonicalize); a call through an argument stays; equal function
// constants are uniqued and hoisted like other constants.
func.func @g(%x: i32) -> i32 {
  return %x : i32
}

func.func @through_constant(%x: i32) -> i32 {
  %f = func.constant @g : (i32) -> i32
  %r = func.call_indirect %f(%x) {note} : (i32) -> i32
  return %r : i32
}

func.func @through_argument(%f: (i32) -> i32, %x: i32) -> i32 {
  %r = func.call_indirect %f(%x) : (i32) -> i32
  return %r : i32
}

func.func @constants_uniqued(%c: i1, %x: i32) -> ((i32) -> i32, i32) {
  %c1 = arith.constant 1 : i32
  %y = arith.addi %x, %c1 : i32
  %f = func.constant @g : (i32) -> i32
  %h = func.constant @g : (i32) -> i32
  %k = arith.select %c, %f, %h : (i32) -> i32
  %r = func.call_indirect %k(%y) : (i32) -> i32
  return %f, %r : (i32) -> i32, i32
}

func.func @unused_constant_is_dead() {
  %f = func.constant @g : (i32) -> i32
  return
}
