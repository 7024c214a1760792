module {
  func.func @apply_wraps() -> (index, index, index, index, index, index) {
    %c9223372036854775807 = arith.constant 9223372036854775807 : index
    %c-9223372036854775808 = arith.constant -9223372036854775808 : index
    %c439208192231179800 = arith.constant 439208192231179800 : index
    %c2 = arith.constant 2 : index
    %c-439208192231179800 = arith.constant -439208192231179800 : index
    %c9007199254740994 = arith.constant 9007199254740994 : index
    return %c9223372036854775807, %c-9223372036854775808, %c439208192231179800, %c2, %c-439208192231179800, %c9007199254740994 : index, index, index, index, index, index
  }
  func.func @min_max() -> (index, index) {
    %c9007199254740993 = arith.constant 9007199254740993 : index
    %c9007199254740992 = arith.constant 9007199254740992 : index
    return %c9007199254740993, %c9007199254740992 : index, index
  }
  func.func @map_constants_wrap(%arg0: index) -> index {
    %c7 = arith.constant 7 : index
    return %c7 : index
  }
  func.func @negative() -> (index, index) {
    %c-4611686018427387909 = arith.constant -4611686018427387909 : index
    %c3 = arith.constant 3 : index
    return %c-4611686018427387909, %c3 : index, index
  }
  func.func @arith_i64() -> (i64, i64, i64, i64, i1, index) {
    %c9007199254740996_i64 = arith.constant 9007199254740996 : i64
    %c-9223372036854775807_i64 = arith.constant -9223372036854775807 : i64
    %c3002399751580331_i64 = arith.constant 3002399751580331 : i64
    %c72057594037927944_i64 = arith.constant 72057594037927944 : i64
    %true = arith.constant true
    %c3002399751580331 = arith.constant 3002399751580331 : index
    return %c9007199254740996_i64, %c-9223372036854775807_i64, %c3002399751580331_i64, %c72057594037927944_i64, %true, %c3002399751580331 : i64, i64, i64, i64, i1, index
  }
}

