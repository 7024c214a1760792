// Affine folds past 2^53 are exact: MLIR folds in int64 (add and mul wrap), not in doubles.
func.func @apply_wraps() -> (index, index, index, index, index, index) {
  %c = arith.constant 3074457345618258602 : index
  %r = affine.apply affine_map<()[s0] -> (s0 * 3 + 1)>()[%c]
  %r2 = affine.apply affine_map<()[s0] -> (s0 * 3 + 2)>()[%c]
  %r3 = affine.apply affine_map<()[s0] -> (s0 floordiv 7)>()[%c]
  %r4 = affine.apply affine_map<()[s0] -> (s0 mod 7)>()[%c]
  %r5 = affine.apply affine_map<()[s0] -> (s0 ceildiv -7)>()[%c]
  %d = arith.constant 9007199254740993 : index
  %r6 = affine.apply affine_map<()[s0] -> (s0 + 1)>()[%d]
  return %r, %r2, %r3, %r4, %r5, %r6 : index, index, index, index, index, index
}
func.func @min_max() -> (index, index) {
  %c = arith.constant 9007199254740993 : index
  %d = arith.constant 9007199254740995 : index
  %r = affine.min affine_map<()[s0, s1] -> (s0, s1)>()[%c, %d]
  %r2 = affine.max affine_map<()[s0, s1] -> (s0 - 1, s1 - 3)>()[%c, %d]
  return %r, %r2 : index, index
}
func.func @map_constants_wrap(%i: index) -> index {
  %r = affine.apply affine_map<(d0) -> (d0 * 4294967296 * 4294967296 + 7)>(%i)
  return %r : index
}
func.func @negative() -> (index, index) {
  %c = arith.constant -9223372036854775807 : index
  %r = affine.apply affine_map<()[s0] -> (s0 floordiv 2 - 5)>()[%c]
  %r2 = affine.apply affine_map<()[s0] -> (s0 mod 10)>()[%c]
  return %r, %r2 : index, index
}
func.func @arith_i64() -> (i64, i64, i64, i64, i1, index) {
  %a = arith.constant 9007199254740993 : i64
  %b = arith.constant 3 : i64
  %m = arith.constant 3074457345618258603 : i64
  %0 = arith.addi %a, %b : i64
  %1 = arith.muli %m, %b : i64
  %2 = arith.divsi %a, %b : i64
  %3 = arith.shli %a, %b : i64
  %c = arith.constant 9007199254740992 : i64
  %4 = arith.cmpi sgt, %a, %c : i64
  %x = arith.constant 9007199254740993 : index
  %y = arith.constant 3 : index
  %5 = arith.floordivsi %x, %y : index
  return %0, %1, %2, %3, %4, %5 : i64, i64, i64, i64, i1, index
}
