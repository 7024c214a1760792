module {
  func.func private @use(index)
  func.func private @step(tensor<?xf32>) -> tensor<?xf32>
  func.func @parallel_single_dims(%arg0: memref<?x?xf32>, %arg1: f32) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    scf.parallel (%arg2) = (%c0) to (%c8) step (%c1) {
      memref.store %arg1, %arg0[%c4, %arg2] : memref<?x?xf32>
      scf.reduce 
    }
    return
  }
  func.func @parallel_all_single(%arg0: memref<?xf32>, %arg1: f32) -> f32 {
    %c2 = arith.constant 2 : index
    %0 = memref.load %arg0[%c2] : memref<?xf32>
    %1 = arith.maximumf %arg1, %0 : f32
    return %1 : f32
  }
  func.func @parallel_zero_dims(%arg0: memref<?xf32>, %arg1: index, %arg2: f32) -> f32 {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c5 = arith.constant 5 : index
    scf.parallel (%arg3) = (%c5) to (%c0) step (%c1) {
      memref.store %arg2, %arg0[%arg3] : memref<?xf32>
      scf.reduce 
    }
    return %arg2 : f32
  }
  func.func @parallel_nested(%arg0: memref<?x?xf32>, %arg1: index, %arg2: f32) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    scf.parallel (%arg3, %arg4) = (%c0, %c0) to (%arg1, %arg1) step (%c1, %c1) {
      memref.store %arg2, %arg0[%arg3, %arg4] : memref<?x?xf32>
      scf.reduce 
    }
    scf.parallel (%arg3) = (%c0) to (%arg1) step (%c1) {
      scf.parallel (%arg4) = (%c0) to (%arg3) step (%c1) {
        memref.store %arg2, %arg0[%arg3, %arg4] : memref<?x?xf32>
        scf.reduce 
      }
      scf.reduce 
    }
    return
  }
  func.func @for_offset_bounds(%arg0: index) {
    %c2 = arith.constant 2 : index
    %c4 = arith.constant 4 : index
    call @use(%arg0) : (index) -> ()
    %0 = arith.addi %arg0, %c4 : index
    scf.for %arg1 = %arg0 to %0 step %c2 {
      func.call @use(%arg1) : (index) -> ()
    }
    return
  }
  func.func @while_cmp(%arg0: index, %arg1: index, %arg2: memref<?xi1>) -> index {
    %false = arith.constant false
    %true = arith.constant true
    %0 = scf.while (%arg3 = %arg1) : (index) -> index {
      %1 = arith.cmpi slt, %arg3, %arg0 : index
      scf.condition(%1) %arg3 : index
    } do {
    ^bb0(%arg3: index):
      %1 = arith.cmpi sle, %arg3, %arg0 : index
      memref.store %true, %arg2[%arg3] : memref<?xi1>
      memref.store %false, %arg2[%arg0] : memref<?xi1>
      memref.store %1, %arg2[%arg1] : memref<?xi1>
      %2 = arith.addi %arg3, %arg1 : index
      scf.yield %2 : index
    }
    return %0 : index
  }
  func.func @while_forwarding(%arg0: i32, %arg1: i64, %arg2: memref<?xi32>) -> (i64, i32, i32) {
    %c0 = arith.constant 0 : index
    %0:2 = scf.while (%arg3 = %arg0, %arg4 = %arg1) : (i32, i64) -> (i32, i64) {
      %1 = memref.load %arg2[%c0] : memref<?xi32>
      %2 = arith.cmpi ne, %1, %arg3 : i32
      scf.condition(%2) %arg3, %arg4 : i32, i64
    } do {
    ^bb0(%arg3: i32, %arg4: i64):
      %1 = arith.addi %arg3, %arg3 : i32
      %2 = arith.extsi %1 : i32 to i64
      %3 = arith.addi %2, %arg4 : i64
      %4 = arith.trunci %3 : i64 to i32
      scf.yield %4, %3 : i32, i64
    }
    return %0#1, %0#0, %0#0 : i64, i32, i32
  }
  func.func @execute_region_blocks(%arg0: i1, %arg1: i64, %arg2: i64) -> i64 {
    cf.cond_br %arg0, ^bb1, ^bb2
  ^bb1:  // pred: ^bb0
    %0 = arith.addi %arg1, %arg2 : i64
    cf.br ^bb3(%0 : i64)
  ^bb2:  // pred: ^bb0
    %1 = arith.muli %arg1, %arg2 : i64
    cf.br ^bb3(%1 : i64)
  ^bb3(%2: i64):  // 2 preds: ^bb1, ^bb2
    %3 = arith.subi %2, %arg1 : i64
    return %3 : i64
  }
  func.func @for_tensor_cast(%arg0: tensor<8xf32>, %arg1: index) -> tensor<?xf32> {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %0 = scf.for %arg2 = %c0 to %arg1 step %c1 iter_args(%arg3 = %arg0) -> (tensor<8xf32>) {
      %cast_0 = tensor.cast %arg3 : tensor<8xf32> to tensor<?xf32>
      %1 = func.call @step(%cast_0) : (tensor<?xf32>) -> tensor<?xf32>
      %cast_1 = tensor.cast %1 : tensor<?xf32> to tensor<8xf32>
      scf.yield %cast_1 : tensor<8xf32>
    }
    %cast = tensor.cast %0 : tensor<8xf32> to tensor<?xf32>
    return %cast : tensor<?xf32>
  }
}

