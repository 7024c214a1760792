// Functions as values: func.constant makes one, func.call_indirect calls it. @apply_n applies
// whatever (i64) -> i64 function it is given n times; @main passes it @double and @square by
// value, and picks one of them at run time with arith.select on function values.
// Prints 40 (5 doubled 3 times), 65536 (2 squared 4 times), then @double and @square of 7
// chosen alternately by parity: 14, 49, 14, 49.
module {
  func.func @double(%x: i64) -> i64 {
    %r = arith.addi %x, %x : i64
    return %r : i64
  }

  func.func @square(%x: i64) -> i64 {
    %r = arith.muli %x, %x : i64
    return %r : i64
  }

  func.func @apply_n(%f: (i64) -> i64, %x: i64, %n: index) -> i64 {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (i64) {
      %y = func.call_indirect %f(%acc) : (i64) -> i64
      scf.yield %y : i64
    }
    return %r : i64
  }

  func.func @main() {
    %double = func.constant @double : (i64) -> i64
    %square = func.constant @square : (i64) -> i64
    %c2 = arith.constant 2 : i64
    %c5 = arith.constant 5 : i64
    %c7 = arith.constant 7 : i64
    %i0 = arith.constant 0 : index
    %i1 = arith.constant 1 : index
    %i3 = arith.constant 3 : index
    %i4 = arith.constant 4 : index
    %a = func.call @apply_n(%double, %c5, %i3) : ((i64) -> i64, i64, index) -> i64
    vector.print %a : i64
    %b = func.call @apply_n(%square, %c2, %i4) : ((i64) -> i64, i64, index) -> i64
    vector.print %b : i64
    scf.for %i = %i0 to %i4 step %i1 {
      %bit = arith.index_cast %i : index to i1
      %f = arith.select %bit, %square, %double : (i64) -> i64
      %v = func.call_indirect %f(%c7) : (i64) -> i64
      vector.print %v : i64
    }
    return
  }
}
