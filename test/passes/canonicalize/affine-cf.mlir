// affine and cf patterns of --canonicalize (affine-cf.expected.mlir is mlir-opt-19's output).

memref.global "private" constant @table : memref<2x3xf32> = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]>
memref.global "private" constant @zeros : memref<8xi32> = dense<0>
memref.global "private" @mutable : memref<2xf32> = dense<[7.0, 8.0]>

// A constant global's element at constant subscripts (any, from a splat) is a constant; a
// global that is not constant is read.
func.func @load_of_global(%i: index) -> (f32, f32, i32, f32) {
  %t = memref.get_global @table : memref<2x3xf32>
  %a = affine.load %t[1, 2] : memref<2x3xf32>
  %b = affine.load %t[%i, 0] : memref<2x3xf32>
  %z = memref.get_global @zeros : memref<8xi32>
  %c = affine.load %z[%i] : memref<8xi32>
  %m = memref.get_global @mutable : memref<2xf32>
  %d = affine.load %m[0] : memref<2xf32>
  return %a, %b, %c, %d : f32, f32, i32, f32
}

// affine.parallel's bounds take in constants and affine.apply.
func.func @parallel_bounds(%A: memref<?x?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %m = affine.apply affine_map<(d0) -> (d0 * 2)>(%n)
  affine.parallel (%i, %j) = (%c0, 0) to (%c4 + 1, %m) {
    %v = affine.load %A[%i, %j] : memref<?x?xf32>
    affine.store %v, %A[%j, %i] : memref<?x?xf32>
  }
  return
}

// An assertion of a constant true goes; others stay.
func.func @asserts(%c: i1) {
  %true = arith.constant true
  cf.assert %true, "always holds"
  cf.assert %c, "checked"
  return
}

// The cf.br a rewrite makes is visited next, as MLIR's driver queues what a pattern inserts:
// it takes in the block only it reaches (^bb3) before the entry's cond_br could skip ^bb1.
func.func @new_br_visited_next(%c: i1) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  cf.cond_br %c, ^bb3, ^bb2
^bb2:
  cf.assert %c, "other"
  return
^bb3:
  return
}

// Map results simplified with the loop bounds of their operands (MLIR's simplifyMapWithOperands):
// a quotient or remainder the induction variable's range decides, and (q * k + r) with 0 <= r < k.
func.func @simplify_with_loop_bounds(%N: index, %A: memref<?x32xf32>, %v: f32) {
  affine.for %i = 0 to %N step 32 {
    affine.for %ii = 0 to 32 {
      affine.store %v, %A[%ii floordiv 32, %i mod 32] : memref<?x32xf32>
      affine.store %v, %A[(%i + %ii) floordiv 32, (%i + %ii) mod 16] : memref<?x32xf32>
      affine.store %v, %A[(%i + %ii) floordiv 64, (%i + %ii) mod 64] : memref<?x32xf32>
      %x = affine.apply affine_map<(d0) -> ((d0 + 4) floordiv 40)>(%ii)
      %y = affine.apply affine_map<(d0) -> ((d0 + 4) mod 40)>(%ii)
      affine.store %v, %A[%x, %y] : memref<?x32xf32>
    }
  }
  affine.for %i = -1 to 32 {
    affine.store %v, %A[%i floordiv 32, %i mod 32] : memref<?x32xf32>
  }
  return
}
