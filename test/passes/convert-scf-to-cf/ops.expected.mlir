module {
  func.func @f(%arg0: index, %arg1: f32, %arg2: i1, %arg3: index) -> f32 {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    cf.br ^bb1(%c0, %arg1 : index, f32)
  ^bb1(%0: index, %1: f32):  // 2 preds: ^bb0, ^bb6
    %2 = arith.cmpi slt, %0, %arg0 : index
    cf.cond_br %2, ^bb2, ^bb7
  ^bb2:  // pred: ^bb1
    cf.cond_br %arg2, ^bb3, ^bb4
  ^bb3:  // pred: ^bb2
    %3 = arith.addf %1, %arg1 : f32
    cf.br ^bb5(%3 : f32)
  ^bb4:  // pred: ^bb2
    cf.br ^bb5(%1 : f32)
  ^bb5(%4: f32):  // 2 preds: ^bb3, ^bb4
    cf.br ^bb6
  ^bb6:  // pred: ^bb5
    %5 = arith.addi %0, %c1 : index
    cf.br ^bb1(%5, %4 : index, f32)
  ^bb7:  // pred: ^bb1
    cf.cond_br %arg2, ^bb8, ^bb9
  ^bb8:  // pred: ^bb7
    vector.print %1 : f32
    cf.br ^bb9
  ^bb9:  // 2 preds: ^bb7, ^bb8
    cf.br ^bb10(%c0, %arg1 : index, f32)
  ^bb10(%6: index, %7: f32):  // 2 preds: ^bb9, ^bb11
    %8 = arith.cmpi slt, %6, %arg0 : index
    cf.cond_br %8, ^bb11(%6, %7 : index, f32), ^bb12
  ^bb11(%9: index, %10: f32):  // pred: ^bb10
    %11 = arith.addi %9, %c1 : index
    cf.br ^bb10(%11, %10 : index, f32)
  ^bb12:  // pred: ^bb10
    %12 = arith.index_cast %arg3 : index to i32
    cf.switch %12 : i32, [
      default: ^bb15,
      2: ^bb13,
      5: ^bb14
    ]
  ^bb13:  // pred: ^bb12
    cf.br ^bb16(%arg1 : f32)
  ^bb14:  // pred: ^bb12
    %13 = arith.mulf %arg1, %arg1 : f32
    cf.br ^bb16(%13 : f32)
  ^bb15:  // pred: ^bb12
    cf.br ^bb16(%7 : f32)
  ^bb16(%14: f32):  // 3 preds: ^bb13, ^bb14, ^bb15
    cf.br ^bb17
  ^bb17:  // pred: ^bb16
    cf.br ^bb18(%14 : f32)
  ^bb18(%15: f32):  // pred: ^bb17
    return %15 : f32
  }
  func.func @p(%arg0: index, %arg1: memref<?x?xf32>) -> f32 {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %cst = arith.constant 0.000000e+00 : f32
    cf.br ^bb1(%c0, %cst : index, f32)
  ^bb1(%0: index, %1: f32):  // 2 preds: ^bb0, ^bb5
    %2 = arith.cmpi slt, %0, %arg0 : index
    cf.cond_br %2, ^bb2, ^bb6
  ^bb2:  // pred: ^bb1
    cf.br ^bb3(%c0, %1 : index, f32)
  ^bb3(%3: index, %4: f32):  // 2 preds: ^bb2, ^bb4
    %5 = arith.cmpi slt, %3, %arg0 : index
    cf.cond_br %5, ^bb4, ^bb5
  ^bb4:  // pred: ^bb3
    %6 = memref.load %arg1[%0, %3] : memref<?x?xf32>
    %7 = arith.addf %4, %6 : f32
    %8 = arith.addi %3, %c1 : index
    cf.br ^bb3(%8, %7 : index, f32)
  ^bb5:  // pred: ^bb3
    %9 = arith.addi %0, %c1 : index
    cf.br ^bb1(%9, %4 : index, f32)
  ^bb6:  // pred: ^bb1
    cf.br ^bb7(%c0 : index)
  ^bb7(%10: index):  // 2 preds: ^bb6, ^bb8
    %11 = arith.cmpi slt, %10, %arg0 : index
    cf.cond_br %11, ^bb8, ^bb9
  ^bb8:  // pred: ^bb7
    memref.store %cst, %arg1[%10, %10] : memref<?x?xf32>
    %12 = arith.addi %10, %c1 : index
    cf.br ^bb7(%12 : index)
  ^bb9:  // pred: ^bb7
    return %1 : f32
  }
  func.func @do_while(%arg0: i32, %arg1: memref<4xi32>) -> i32 {
    %c1_i32 = arith.constant 1 : i32
    cf.br ^bb1(%c1_i32 : i32)
  ^bb1(%0: i32):  // 2 preds: ^bb0, ^bb1
    %1 = arith.muli %0, %0 : i32
    %2 = arith.cmpi slt, %1, %arg0 : i32
    cf.cond_br %2, ^bb1(%1 : i32), ^bb2
  ^bb2:  // pred: ^bb1
    return %1 : i32
  }
  func.func @negated(%arg0: i1, %arg1: f32, %arg2: memref<4xf32>) -> f32 {
    %true = arith.constant true
    %c0 = arith.constant 0 : index
    %0 = arith.xori %arg0, %true : i1
    cf.cond_br %0, ^bb1, ^bb2
  ^bb1:  // pred: ^bb0
    memref.store %arg1, %arg2[%c0] : memref<4xf32>
    cf.br ^bb2
  ^bb2:  // 2 preds: ^bb0, ^bb1
    cf.cond_br %arg0, ^bb3, ^bb4
  ^bb3:  // pred: ^bb2
    %1 = memref.load %arg2[%c0] : memref<4xf32>
    cf.br ^bb5(%1 : f32)
  ^bb4:  // pred: ^bb2
    cf.br ^bb5(%arg1 : f32)
  ^bb5(%2: f32):  // 2 preds: ^bb3, ^bb4
    cf.br ^bb6
  ^bb6:  // pred: ^bb5
    return %2 : f32
  }
  func.func @forall(%arg0: memref<?x?xf32>, %arg1: index, %arg2: f32, %arg3: index) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    cf.br ^bb1(%c0 : index)
  ^bb1(%0: index):  // 2 preds: ^bb0, ^bb2
    %1 = arith.cmpi slt, %0, %arg1 : index
    cf.cond_br %1, ^bb2, ^bb3
  ^bb2:  // pred: ^bb1
    %2 = arith.addf %arg2, %arg2 : f32
    memref.store %2, %arg0[%0, %0] : memref<?x?xf32>
    %3 = arith.addi %0, %c1 : index
    cf.br ^bb1(%3 : index)
  ^bb3:  // pred: ^bb1
    %c0_0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %c2 = arith.constant 2 : index
    cf.br ^bb4(%arg3 : index)
  ^bb4(%4: index):  // 2 preds: ^bb3, ^bb8
    %5 = arith.cmpi slt, %4, %arg1 : index
    cf.cond_br %5, ^bb5, ^bb9
  ^bb5:  // pred: ^bb4
    cf.br ^bb6(%c0_0 : index)
  ^bb6(%6: index):  // 2 preds: ^bb5, ^bb7
    %7 = arith.cmpi slt, %6, %c8 : index
    cf.cond_br %7, ^bb7, ^bb8
  ^bb7:  // pred: ^bb6
    memref.store %arg2, %arg0[%4, %6] : memref<?x?xf32>
    %8 = arith.addi %6, %arg3 : index
    cf.br ^bb6(%8 : index)
  ^bb8:  // pred: ^bb6
    %9 = arith.addi %4, %c2 : index
    cf.br ^bb4(%9 : index)
  ^bb9:  // pred: ^bb4
    memref.store %arg2, %arg0[%arg3, %arg3] : memref<?x?xf32>
    return
  }
  func.func @one_block(%arg0: index, %arg1: f32, %arg2: memref<8xf32>) -> f32 {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %true = arith.constant true
    %false = arith.constant false
    cf.br ^bb1(%c0, %arg1 : index, f32)
  ^bb1(%0: index, %1: f32):  // 2 preds: ^bb0, ^bb2
    %2 = arith.cmpi slt, %0, %arg0 : index
    cf.cond_br %2, ^bb2, ^bb3
  ^bb2:  // pred: ^bb1
    %3 = arith.addf %1, %arg1 : f32
    %4 = arith.addi %0, %c1 : index
    cf.br ^bb1(%4, %3 : index, f32)
  ^bb3:  // pred: ^bb1
    cf.cond_br %true, ^bb4, ^bb12
  ^bb4:  // pred: ^bb3
    cf.br ^bb5(%c0, %1 : index, f32)
  ^bb5(%5: index, %6: f32):  // 2 preds: ^bb4, ^bb10
    %7 = arith.cmpi slt, %5, %arg0 : index
    cf.cond_br %7, ^bb6, ^bb11
  ^bb6:  // pred: ^bb5
    %8 = arith.cmpf olt, %6, %arg1 : f32
    cf.cond_br %8, ^bb7, ^bb8
  ^bb7:  // pred: ^bb6
    cf.br ^bb9(%6 : f32)
  ^bb8:  // pred: ^bb6
    %9 = arith.mulf %6, %arg1 : f32
    cf.br ^bb9(%9 : f32)
  ^bb9(%10: f32):  // 2 preds: ^bb7, ^bb8
    cf.br ^bb10
  ^bb10:  // pred: ^bb9
    %11 = arith.addi %5, %c1 : index
    cf.br ^bb5(%11, %10 : index, f32)
  ^bb11:  // pred: ^bb5
    cf.br ^bb13(%6 : f32)
  ^bb12:  // pred: ^bb3
    cf.br ^bb13(%arg1 : f32)
  ^bb13(%12: f32):  // 2 preds: ^bb11, ^bb12
    cf.br ^bb14
  ^bb14:  // pred: ^bb13
    %13 = arith.xori %true, %true : i1
    cf.cond_br %13, ^bb15, ^bb16
  ^bb15:  // pred: ^bb14
    memref.store %arg1, %arg2[%c0] : memref<8xf32>
    cf.br ^bb16
  ^bb16:  // 2 preds: ^bb14, ^bb15
    %14 = arith.cmpf ogt, %12, %arg1 : f32
    %15 = arith.xori %14, %true : i1
    cf.cond_br %14, ^bb17, ^bb20
  ^bb17:  // pred: ^bb16
    cf.br ^bb18
  ^bb18:  // pred: ^bb17
    cf.br ^bb19(%1 : f32)
  ^bb19(%16: f32):  // pred: ^bb18
    cf.br ^bb21(%16 : f32)
  ^bb20:  // pred: ^bb16
    cf.br ^bb21(%12 : f32)
  ^bb21(%17: f32):  // 2 preds: ^bb19, ^bb20
    cf.br ^bb22
  ^bb22:  // pred: ^bb21
    cf.br ^bb23(%c0 : index)
  ^bb23(%18: index):  // 2 preds: ^bb22, ^bb24
    %19 = arith.cmpi slt, %18, %arg0 : index
    cf.cond_br %19, ^bb24(%18 : index), ^bb25
  ^bb24(%20: index):  // pred: ^bb23
    %21 = arith.addi %20, %c1 : index
    cf.br ^bb23(%21 : index)
  ^bb25:  // pred: ^bb23
    %22 = arith.index_cast %18 : index to i32
    cf.switch %22 : i32, [
      default: ^bb27,
      2: ^bb26
    ]
  ^bb26:  // pred: ^bb25
    cf.br ^bb28(%17 : f32)
  ^bb27:  // pred: ^bb25
    cf.br ^bb28(%12 : f32)
  ^bb28(%23: f32):  // 2 preds: ^bb26, ^bb27
    cf.br ^bb29(%c0 : index)
  ^bb29(%24: index):  // 2 preds: ^bb28, ^bb33
    %25 = arith.cmpi slt, %24, %arg0 : index
    cf.cond_br %25, ^bb30, ^bb34
  ^bb30:  // pred: ^bb29
    cf.br ^bb31(%c0 : index)
  ^bb31(%26: index):  // 2 preds: ^bb30, ^bb32
    %27 = arith.cmpi slt, %26, %arg0 : index
    cf.cond_br %27, ^bb32, ^bb33
  ^bb32:  // pred: ^bb31
    memref.store %23, %arg2[%26] : memref<8xf32>
    %28 = arith.addi %26, %c1 : index
    cf.br ^bb31(%28 : index)
  ^bb33:  // pred: ^bb31
    %29 = arith.addi %24, %c1 : index
    cf.br ^bb29(%29 : index)
  ^bb34:  // pred: ^bb29
    return %23 : f32
  }
}

