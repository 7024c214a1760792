module {
  func.func @g(%arg0: i32) -> i32 {
    return %arg0 : i32
  }
  func.func @through_constant(%arg0: i32) -> i32 {
    %0 = call @g(%arg0) : (i32) -> i32
    return %0 : i32
  }
  func.func @through_argument(%arg0: (i32) -> i32, %arg1: i32) -> i32 {
    %0 = call_indirect %arg0(%arg1) : (i32) -> i32
    return %0 : i32
  }
  func.func @constants_uniqued(%arg0: i1, %arg1: i32) -> ((i32) -> i32, i32) {
    %f = constant @g : (i32) -> i32
    %c1_i32 = arith.constant 1 : i32
    %0 = arith.addi %arg1, %c1_i32 : i32
    %1 = call @g(%0) : (i32) -> i32
    return %f, %1 : (i32) -> i32, i32
  }
  func.func @unused_constant_is_dead() {
    return
  }
}

