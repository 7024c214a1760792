// func dialect: functions, direct and indirect calls, functions as values (MLIR 19's syntax).

func.func private @ext(i32, f32) -> (i32, f32)

// A result with attributes keeps its parentheses, a unit attribute's too (was `-> i32 {foo.r}`: syntax fuzzing).
func.func private @result_attrs(i32) -> (i32 {foo.r})
func.func @result_attrs_body(%x: i32) -> (i32 {foo.r, foo.s = 1 : i32}) {
  return %x : i32
}

func.func @add1(%x: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %r = arith.addi %x, %c1 : i32
  return %r : i32
}

func.func @direct(%x: i32) -> i32 {
  %r = func.call @add1(%x) : (i32) -> i32
  %s = call @add1(%r) {note = "default dialect"} : (i32) -> i32
  return %s : i32
}

func.func @indirect(%x: i32, %y: f32) -> (i32, f32) {
  %f = func.constant @add1 : (i32) -> i32
  %r = func.call_indirect %f(%x) : (i32) -> i32
  %g = func.constant @ext : (i32, f32) -> (i32, f32)
  %a, %b = func.call_indirect %g(%r, %y) {note} : (i32, f32) -> (i32, f32)
  return %a, %b : i32, f32
}

// A function value passed along and called by the receiver.
func.func @apply(%f: (i32) -> i32, %x: i32) -> i32 {
  %r = func.call_indirect %f(%x) : (i32) -> i32
  return %r : i32
}

func.func @returns_function() -> ((i32) -> i32) {
  %f = constant @add1 : (i32) -> i32
  return %f : (i32) -> i32
}

func.func @no_arguments() {
  %f = func.constant @no_arguments : () -> ()
  func.call_indirect %f() : () -> ()
  return
}
