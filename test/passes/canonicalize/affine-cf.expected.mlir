module {
  memref.global "private" constant @table : memref<2x3xf32> = dense<[[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]>
  memref.global "private" constant @zeros : memref<8xi32> = dense<0>
  memref.global "private" @mutable : memref<2xf32> = dense<[7.000000e+00, 8.000000e+00]>
  func.func @load_of_global(%arg0: index) -> (f32, f32, i32, f32) {
    %c0_i32 = arith.constant 0 : i32
    %cst = arith.constant 6.000000e+00 : f32
    %0 = memref.get_global @table : memref<2x3xf32>
    %1 = affine.load %0[symbol(%arg0), 0] : memref<2x3xf32>
    %2 = memref.get_global @mutable : memref<2xf32>
    %3 = affine.load %2[0] : memref<2xf32>
    return %cst, %1, %c0_i32, %3 : f32, f32, i32, f32
  }
  func.func @parallel_bounds(%arg0: memref<?x?xf32>, %arg1: index) {
    affine.parallel (%arg2, %arg3) = (0, 0) to (5, symbol(%arg1) * 2) {
      %0 = affine.load %arg0[%arg2, %arg3] : memref<?x?xf32>
      affine.store %0, %arg0[%arg3, %arg2] : memref<?x?xf32>
    }
    return
  }
  func.func @asserts(%arg0: i1) {
    cf.assert %arg0, "checked"
    return
  }
  func.func @new_br_visited_next(%arg0: i1) {
    %false = arith.constant false
    cf.cond_br %arg0, ^bb1, ^bb2
  ^bb1:  // pred: ^bb0
    return
  ^bb2:  // pred: ^bb0
    cf.assert %false, "other"
    return
  }
  func.func @simplify_with_loop_bounds(%arg0: index, %arg1: memref<?x32xf32>, %arg2: f32) {
    affine.for %arg3 = 0 to %arg0 step 32 {
      affine.for %arg4 = 0 to 32 {
        affine.store %arg2, %arg1[0, 0] : memref<?x32xf32>
        affine.store %arg2, %arg1[%arg3 floordiv 32, %arg4 mod 16] : memref<?x32xf32>
        affine.store %arg2, %arg1[%arg3 floordiv 64, (%arg3 + %arg4) mod 64] : memref<?x32xf32>
        affine.store %arg2, %arg1[0, %arg4 + 4] : memref<?x32xf32>
      }
    }
    affine.for %arg3 = -1 to 32 {
      affine.store %arg2, %arg1[%arg3 floordiv 32, %arg3 mod 32] : memref<?x32xf32>
    }
    return
  }
}

