#map = affine_map<()[s0, s1] -> (-s0 + s1)>
#map1 = affine_map<()[s0] -> (s0 * 2 + (s0 * 6 + 3) floordiv 4 - (s0 floordiv 3) * 6 + (s0 - 7) ceildiv 3)>
#map2 = affine_map<()[s0, s1] -> (s1 + 16, s1 * 8, s0 + 4)>
#map3 = affine_map<()[s0] -> (6, 7, s0)>
#map4 = affine_map<()[s0] -> (s0 floordiv 2)>
#map5 = affine_map<()[s0, s1] -> (-s0 + s1, -s1, 100, s1, s1 + 2, s0 * 2)>
#map6 = affine_map<()[s0, s1] -> (s0 - s1 + 3, 7)>
#set = affine_set<()[s0, s1] : (s0 * -2 + s1 >= 0, -s0 + s1 == 0)>
#set1 = affine_set<()[s0, s1] : (s1 - s0 >= 0)>
module {
  llvm.mlir.global internal constant @g("a\00") {addr_space = 0 : i32}
  llvm.func @use(!llvm.ptr)
  func.func private @sink(index)
  func.func @constants(%arg0: i1, %arg1: i32, %arg2: memref<8xf32>) -> i32 {
    %c1 = arith.constant 1 : index
    %c11 = arith.constant 11 : index
    %c6_i32 = arith.constant 6 : i32
    %0 = llvm.mlir.zero : !llvm.ptr
    %1 = llvm.mlir.addressof @g : !llvm.ptr
    llvm.call @use(%1) : (!llvm.ptr) -> ()
    llvm.call @use(%0) : (!llvm.ptr) -> ()
    llvm.call @use(%1) : (!llvm.ptr) -> ()
    %2 = arith.muli %arg1, %c6_i32 : i32
    affine.for %arg3 = 0 to 4 {
      func.call @sink(%c11) : (index) -> ()
    }
    call @sink(%c1) : (index) -> ()
    return %2 : i32
  }
  func.func @loops(%arg0: index, %arg1: f32, %arg2: memref<8xf32>) -> (f32, f32, f32) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    memref.store %arg1, %arg2[%c0] : memref<8xf32>
    %0 = arith.mulf %arg1, %arg1 : f32
    %1 = scf.for %arg3 = %c0 to %arg0 step %c1 iter_args(%arg4 = %arg1) -> (f32) {
      %2 = arith.addf %arg4, %arg1 : f32
      memref.store %2, %arg2[%arg3] : memref<8xf32>
      scf.yield %2 : f32
    }
    return %arg1, %0, %arg1 : f32, f32, f32
  }
  func.func @branches(%arg0: i1, %arg1: f32, %arg2: memref<8xf32>) -> (f32, i1, f32) {
    %cst = arith.constant 1.000000e+00 : f32
    %c0 = arith.constant 0 : index
    %0 = arith.negf %arg1 : f32
    %1 = arith.select %arg0, %cst, %arg1 : f32
    scf.if %arg0 {
      memref.store %cst, %arg2[%c0] : memref<8xf32>
    }
    %2 = arith.addf %0, %arg1 : f32
    memref.dealloc %arg2 : memref<8xf32>
    return %2, %arg0, %1 : f32, i1, f32
  }
  func.func private @sink4(index, index, index, index)
  func.func @affine_maps(%arg0: memref<?xf32>, %arg1: index, %arg2: index) {
    %c42 = arith.constant 42 : index
    %0 = affine.apply #map()[%arg2, %arg1]
    %1 = affine.apply #map1()[%arg1]
    %2 = affine.min #map2()[%arg2, %arg1]
    %3 = affine.min #map3()[%arg1]
    %4 = affine.apply #map4()[%arg1]
    %5 = affine.min #map5()[%arg2, %arg1]
    call @sink4(%2, %3, %4, %5) : (index, index, index, index) -> ()
    call @sink4(%0, %1, %c42, %arg1) : (index, index, index, index) -> ()
    affine.for %arg3 = #map()[%arg2, %arg1] to min #map6()[%arg2, %arg1] {
      %6 = affine.load %arg0[%arg3 * 2 - symbol(%arg2) * 2 + symbol(%arg1)] : memref<?xf32>
      affine.store %6, %arg0[%arg3 + 2] : memref<?xf32>
      affine.if #set()[%arg2, %arg1] {
        affine.store %6, %arg0[41] : memref<?xf32>
      }
      affine.if #set1()[%arg2, %arg1] {
        %7 = affine.vector_load %arg0[%arg3 + 4] : memref<?xf32>, vector<8xf32>
        affine.vector_store %7, %arg0[(%arg3 - 9) floordiv 4 + symbol(%arg1) - ((symbol(%arg1) - 9) floordiv 4) * 4 - 9] : memref<?xf32>, vector<8xf32>
      }
    }
    affine.for %arg3 = %arg1 to 3 {
      func.call @sink4(%arg3, %arg3, %arg3, %arg3) : (index, index, index, index) -> ()
    }
    return
  }
  func.func @dead_on_tensors(%arg0: tensor<2x3xf32>, %arg1: tensor<3x2xf32>, %arg2: memref<4xf32>, %arg3: f32, %arg4: index) {
    linalg.fill ins(%arg3 : f32) outs(%arg2 : memref<4xf32>)
    return
  }
  func.func private @sinkf(f32)
  func.func @combine_ifs(%arg0: i1, %arg1: f32, %arg2: memref<8xf32>) -> (f32, f32, f32) {
    %c0 = arith.constant 0 : index
    %0:3 = scf.if %arg0 -> (f32, f32, f32) {
      %1 = arith.negf %arg1 : f32
      %2 = arith.addf %1, %arg1 : f32
      func.call @sinkf(%1) : (f32) -> ()
      %3 = memref.load %arg2[%c0] : memref<8xf32>
      scf.yield %1, %2, %3 : f32, f32, f32
    } else {
      %1 = memref.load %arg2[%c0] : memref<8xf32>
      %2 = arith.mulf %1, %arg1 : f32
      memref.store %2, %arg2[%c0] : memref<8xf32>
      scf.yield %1, %2, %arg1 : f32, f32, f32
    }
    return %0#0, %0#1, %0#2 : f32, f32, f32
  }
  func.func @whiles(%arg0: index, %arg1: f32, %arg2: i32, %arg3: memref<8xf32>) -> (index, i32) {
    %cst = arith.constant 1.000000e+00 : f32
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %0 = scf.while (%arg4 = %c0) : (index) -> index {
      %1 = arith.cmpi slt, %arg4, %arg0 : index
      scf.condition(%1) %arg4 : index
    } do {
    ^bb0(%arg4: index):
      %1 = arith.addi %arg4, %c1 : index
      memref.store %cst, %arg3[%arg4] : memref<8xf32>
      memref.store %arg1, %arg3[%1] : memref<8xf32>
      scf.yield %1 : index
    }
    return %0, %arg2 : index, i32
  }
  func.func private @usem(memref<4xf32>)
  func.func private @used(memref<4xf32, strided<[1], offset: ?>>)
  func.func private @uset(tensor<4xf32>)
  func.func @buffer_casts(%arg0: memref<4xf32>, %arg1: tensor<4xf32>) {
    call @usem(%arg0) : (memref<4xf32>) -> ()
    %cast = memref.cast %arg0 : memref<4xf32> to memref<4xf32, strided<[1], offset: ?>>
    call @used(%cast) : (memref<4xf32, strided<[1], offset: ?>>) -> ()
    call @uset(%arg1) : (tensor<4xf32>) -> ()
    %0 = bufferization.to_memref %arg1 : memref<4xf32>
    call @usem(%0) : (memref<4xf32>) -> ()
    %1 = bufferization.to_tensor %0 : memref<4xf32>
    call @uset(%1) : (tensor<4xf32>) -> ()
    return
  }
  func.func @dims(%arg0: memref<4x?xf32>, %arg1: index, %arg2: tensor<3x?xf32>, %arg3: f32) -> (index, index, index, index, index, index, index, f32) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c3 = arith.constant 3 : index
    %0 = memref.load %arg0[%c0, %arg1] : memref<4x?xf32>
    memref.store %arg3, %arg0[%c1, %arg1] : memref<4x?xf32>
    %alloc = memref.alloc(%arg1) : memref<?xf32>
    %cast = memref.cast %alloc : memref<?xf32> to memref<*xf32>
    call @print_unranked(%cast) : (memref<*xf32>) -> ()
    memref.dealloc %alloc : memref<?xf32>
    return %c4, %arg1, %arg1, %c3, %c4, %arg1, %c3, %0 : index, index, index, index, index, index, index, f32
  }
  func.func private @print_unranked(memref<*xf32>)
  func.func @affine_if_constant(%arg0: f32, %arg1: memref<4xf32>) -> (f32, f32) {
    %0 = arith.mulf %arg0, %arg0 : f32
    return %arg0, %0 : f32, f32
  }
  func.func @cast_users(%arg0: memref<8xf32>, %arg1: index, %arg2: f32) -> (f32, vector<4xf32>) {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = affine.load %arg0[symbol(%arg1)] : memref<8xf32>
    affine.store %arg2, %arg0[symbol(%arg1) + 1] : memref<8xf32>
    %1 = vector.load %arg0[%arg1] : memref<8xf32>, vector<4xf32>
    vector.store %1, %arg0[%arg1] : memref<8xf32>, vector<4xf32>
    %2 = vector.transfer_read %arg0[%arg1], %cst : memref<8xf32>, vector<4xf32>
    vector.transfer_write %2, %arg0[%arg1] : vector<4xf32>, memref<8xf32>
    linalg.fill ins(%arg2 : f32) outs(%arg0 : memref<8xf32>)
    return %0, %2 : f32, vector<4xf32>
  }
  func.func @nested_ifs(%arg0: i1, %arg1: i1, %arg2: f32, %arg3: f32, %arg4: f32) -> (f32, f32) {
    %0 = arith.andi %arg0, %arg1 : i1
    scf.if %0 {
      func.call @sinkf(%arg2) : (f32) -> ()
    }
    %1 = arith.andi %arg0, %arg1 : i1
    %2 = arith.select %arg0, %arg2, %arg3 : f32
    %3 = scf.if %1 -> (f32) {
      %4 = arith.addf %arg2, %arg3 : f32
      scf.yield %4 : f32
    } else {
      scf.yield %arg4 : f32
    }
    return %3, %2 : f32, f32
  }
  func.func @float_to_int() -> (i8, i8, i8, i8, i8, i32, i1, i1) {
    %true = arith.constant true
    %c255_i32 = arith.constant 255 : i32
    %c-1_i8 = arith.constant -1 : i8
    %c0_i8 = arith.constant 0 : i8
    %cst = arith.constant 6.550400e+04 : f16
    %cst_0 = arith.constant -1.000000e+00 : f32
    %cst_1 = arith.constant 0x7FC00000 : f32
    %0 = arith.fptosi %cst : f16 to i8
    %1 = arith.fptoui %cst_0 : f32 to i8
    %2 = arith.fptosi %cst_1 : f32 to i8
    %3 = arith.fptoui %cst_0 : f32 to i1
    return %0, %c0_i8, %1, %c-1_i8, %2, %c255_i32, %true, %3 : i8, i8, i8, i8, i8, i32, i1, i1
  }
  func.func @math_folds() -> (f16, f16, f32, f32, f32, f32, f32, f32, f32, f32, f32) {
    %cst = arith.constant 0xFFC00001 : f32
    %cst_0 = arith.constant 0xFFC00000 : f32
    %cst_1 = arith.constant 0x7FC00000 : f32
    %cst_2 = arith.constant 2.000000e+00 : f32
    %cst_3 = arith.constant 2.500000e-01 : f16
    %cst_4 = arith.constant 4.000000e+00 : f32
    %cst_5 = arith.constant -0.000000e+00 : f32
    %cst_6 = arith.constant -2.000000e+00 : f32
    %0 = math.sqrt %cst_3 : f16
    %1 = math.rsqrt %cst_4 : f32
    %2 = math.cbrt %cst_4 : f32
    %3 = math.fma %cst_4, %cst_4, %cst_4 : f32
    %4 = math.log %cst_5 : f32
    %5 = math.log1p %cst_6 : f32
    return %0, %cst_3, %1, %2, %3, %4, %5, %cst_2, %cst_1, %cst_0, %cst : f16, f16, f32, f32, f32, f32, f32, f32, f32, f32, f32
  }
  func.func @arith_folds() -> (f64, f32, i8, i8, i8, i8, f32, f32) {
    %cst = arith.constant 5.000000e-01 : f32
    %c-128_i8 = arith.constant -128 : i8
    %c-1_i8 = arith.constant -1 : i8
    %c8_i8 = arith.constant 8 : i8
    %cst_0 = arith.constant 1.000000e-01 : f64
    %cst_1 = arith.constant 0x7FF8000000000000 : f64
    %cst_2 = arith.constant 0x7FC00000 : f32
    %0 = arith.ceildivsi %c-128_i8, %c8_i8 : i8
    %1 = arith.divsi %c-128_i8, %c-1_i8 : i8
    %2 = arith.truncf %cst_0 : f64 to f32
    return %cst_1, %cst_2, %0, %c-128_i8, %1, %c-1_i8, %2, %cst : f64, f32, i8, i8, i8, i8, f32, f32
  }
  func.func @vector_folds() -> (vector<4xi32>, vector<4xi1>, vector<2xf32>, vector<4xi32>, vector<4xi32>, vector<2xi8>, vector<2xi8>) {
    %cst = arith.constant dense<[7, 1]> : vector<2xi8>
    %cst_0 = arith.constant dense<[1, -2, 3, 2147483647]> : vector<4xi32>
    %cst_1 = arith.constant dense<[1, 1, 1, 32]> : vector<4xi32>
    %cst_2 = arith.constant dense<[7, -3]> : vector<2xi8>
    %cst_3 = arith.constant dense<[-3, 0]> : vector<2xi8>
    %cst_4 = arith.constant dense<[5, 0, 0, -2147483648]> : vector<4xi32>
    %cst_5 = arith.constant dense<[true, true, false, false]> : vector<4xi1>
    %cst_6 = arith.constant dense<[7.000000e+00, -3.000000e+00]> : vector<2xf32>
    %cst_7 = arith.constant dense<[0, -2, 6, -2]> : vector<4xi32>
    %0 = arith.shli %cst_0, %cst_1 : vector<4xi32>
    %1 = arith.floordivsi %cst_2, %cst_3 : vector<2xi8>
    return %cst_4, %cst_5, %cst_6, %cst_7, %0, %cst, %1 : vector<4xi32>, vector<4xi1>, vector<2xf32>, vector<4xi32>, vector<4xi32>, vector<2xi8>, vector<2xi8>
  }
  func.func @arith_identities(%arg0: i32, %arg1: index, %arg2: f32, %arg3: i1, %arg4: i8) -> (i32, i32, i32, i32, i32, index, f32, f32, f32, i32, i32, i32, i64, i8, index, i1) {
    %c7_i32 = arith.constant 7 : i32
    %c1_i32 = arith.constant 1 : i32
    %0 = arith.extsi %arg4 : i8 to i64
    %1 = arith.cmpi sgt, %arg0, %c7_i32 : i32
    return %arg0, %arg0, %arg0, %arg0, %arg0, %arg1, %arg2, %arg2, %arg2, %arg0, %arg0, %c1_i32, %0, %arg4, %arg1, %1 : i32, i32, i32, i32, i32, index, f32, f32, f32, i32, i32, i32, i64, i8, index, i1
  }
  func.func @arith_self(%arg0: i32) -> (i32, i32, i1, i1) {
    %c0_i32 = arith.constant 0 : i32
    %true = arith.constant true
    %false = arith.constant false
    return %c0_i32, %c0_i32, %true, %false : i32, i32, i1, i1
  }
  func.func @trivial_control(%arg0: i64, %arg1: index) -> (i64, i64, i64, i64) {
    %c10_i64 = arith.constant 10 : i64
    return %arg0, %c10_i64, %c10_i64, %arg0 : i64, i64, i64, i64
  }
  func.func @arith_patterns(%arg0: index, %arg1: i32, %arg2: i8, %arg3: i8) -> (index, index, index, index, index, i1, i1, i16) {
    %c2 = arith.constant 2 : index
    %c6 = arith.constant 6 : index
    %c-2 = arith.constant -2 : index
    %c5_i32 = arith.constant 5 : i32
    %c3 = arith.constant 3 : index
    %0 = arith.addi %arg0, %c3 : index
    %1 = arith.addi %arg0, %c-2 : index
    %2 = arith.muli %arg0, %c6 : index
    %3 = arith.subi %c2, %arg0 : index
    %4 = arith.subi %c3, %arg0 : index
    %5 = arith.cmpi sge, %arg1, %c5_i32 : i32
    %6 = arith.cmpi ne, %arg2, %arg3 : i8
    %7 = arith.extsi %arg2 : i8 to i16
    return %0, %1, %2, %3, %4, %5, %6, %7 : index, index, index, index, index, i1, i1, i16
  }
  func.func @select_patterns(%arg0: i1, %arg1: i1, %arg2: i32, %arg3: i32) -> (i1, i32, i32, i32) {
    %c1_i32 = arith.constant 1 : i32
    %true = arith.constant true
    %0 = arith.xori %arg0, %true : i1
    %1 = arith.extui %arg1 : i1 to i32
    %2 = arith.select %arg1, %arg3, %arg2 : i32
    %3 = arith.select %arg1, %arg2, %c1_i32 : i32
    return %0, %1, %2, %3 : i1, i32, i32, i32
  }
  func.func @tensor_shapes(%arg0: tensor<4x4xf32>, %arg1: tensor<?x4xf32>) -> (tensor<?x4xf32>, index) {
    %c0 = arith.constant 0 : index
    %0 = tensor.empty() : tensor<4x4xf32>
    %1 = linalg.copy ins(%arg0 : tensor<4x4xf32>) outs(%0 : tensor<4x4xf32>) -> tensor<4x4xf32>
    %cast = tensor.cast %1 : tensor<4x4xf32> to tensor<?x4xf32>
    %dim = tensor.dim %arg1, %c0 : tensor<?x4xf32>
    return %cast, %dim : tensor<?x4xf32>, index
  }
  func.func private @use_buffer(memref<?x4xf32>)
  func.func @alloc_sizes(%arg0: index) {
    %alloc = memref.alloc() : memref<4x4xf32>
    %cast = memref.cast %alloc : memref<4x4xf32> to memref<?x4xf32>
    call @use_buffer(%cast) : (memref<?x4xf32>) -> ()
    memref.dealloc %alloc : memref<4x4xf32>
    %alloca = memref.alloca(%arg0) : memref<?x4xf32>
    call @use_buffer(%alloca) : (memref<?x4xf32>) -> ()
    return
  }
  func.func @cf_const_cond(%arg0: i32) -> i32 {
    return %arg0 : i32
  }
  func.func @cf_same_successors(%arg0: i32, %arg1: i1) -> i32 {
    %0 = arith.addi %arg0, %arg0 : i32
    return %0 : i32
  }
  func.func @cf_switches(%arg0: i32, %arg1: i8) -> i32 {
    %0 = arith.muli %arg0, %arg0 : i32
    return %0 : i32
  }
  func.func @cf_pass_through(%arg0: i1, %arg1: i32, %arg2: index) -> i32 {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    cf.cond_br %arg0, ^bb1(%c0, %arg1 : index, i32), ^bb3(%arg1 : i32)
  ^bb1(%0: index, %1: i32):  // 2 preds: ^bb0, ^bb2
    %2 = arith.cmpi slt, %0, %arg2 : index
    cf.cond_br %2, ^bb2, ^bb3(%1 : i32)
  ^bb2:  // pred: ^bb1
    %3 = arith.addi %1, %arg1 : i32
    %4 = arith.addi %0, %c1 : index
    cf.br ^bb1(%4, %3 : index, i32)
  ^bb3(%5: i32):  // 2 preds: ^bb0, ^bb1
    return %5 : i32
  }
  func.func @cf_switch_cases(%arg0: i32, %arg1: i32, %arg2: i32) -> i32 {
    cf.switch %arg0 : i32, [
      default: ^bb2(%arg1 : i32),
      2: ^bb2(%arg2 : i32),
      3: ^bb2(%arg2 : i32),
      4: ^bb1
    ]
  ^bb1:  // pred: ^bb0
    %0 = arith.muli %arg1, %arg2 : i32
    cf.br ^bb2(%0 : i32)
  ^bb2(%1: i32):  // 4 preds: ^bb0, ^bb0, ^bb0, ^bb1
    return %1 : i32
  }
  func.func @cf_switch_from_default(%arg0: i32, %arg1: i32, %arg2: i32) -> i32 {
    cf.switch %arg0 : i32, [
      default: ^bb1,
      7: ^bb2(%arg1 : i32)
    ]
  ^bb1:  // pred: ^bb0
    cf.switch %arg0 : i32, [
      default: ^bb2(%arg2 : i32),
      8: ^bb2(%arg1 : i32)
    ]
  ^bb2(%0: i32):  // 3 preds: ^bb0, ^bb1, ^bb1
    return %0 : i32
  }
  func.func @cf_same_condition(%arg0: i1, %arg1: i32, %arg2: i32) -> i32 {
    cf.cond_br %arg0, ^bb1, ^bb2(%arg1 : i32)
  ^bb1:  // pred: ^bb0
    %0 = arith.addi %arg1, %arg2 : i32
    cf.br ^bb2(%0 : i32)
  ^bb2(%1: i32):  // 2 preds: ^bb0, ^bb1
    return %1 : i32
  }
  func.func @cf_select_operands(%arg0: i1, %arg1: i32, %arg2: i32) -> i32 {
    %0 = arith.select %arg0, %arg1, %arg2 : i32
    %1 = arith.addi %0, %arg2 : i32
    return %1 : i32
  }
  func.func @folded_constant_not_hoisted_at_once(%arg0: index) -> (index, index, index) {
    %c8 = arith.constant 8 : index
    %c11 = arith.constant 11 : index
    %c3 = arith.constant 3 : index
    %0 = arith.addi %arg0, %c3 : index
    %1 = arith.addi %arg0, %c8 : index
    %2 = arith.addi %arg0, %c11 : index
    return %0, %1, %2 : index, index, index
  }
  func.func @erase_then_dce(%arg0: f32, %arg1: index) -> (index, index, index) {
    %c8 = arith.constant 8 : index
    %c11 = arith.constant 11 : index
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    cf.br ^bb1(%c0 : index)
  ^bb1(%0: index):  // 2 preds: ^bb0, ^bb2
    %1 = arith.cmpi slt, %0, %arg1 : index
    cf.cond_br %1, ^bb2, ^bb3
  ^bb2:  // pred: ^bb1
    %2 = arith.addi %0, %c1 : index
    cf.br ^bb1(%2 : index)
  ^bb3:  // pred: ^bb1
    %3 = arith.addi %arg1, %c3 : index
    %4 = arith.addi %arg1, %c8 : index
    %5 = arith.addi %arg1, %c11 : index
    return %3, %4, %5 : index, index, index
  }
  func.func @stored_cast_kept(%arg0: memref<32xi8>, %arg1: memref<memref<?xi8>>, %arg2: index) -> i8 {
    %cast = memref.cast %arg0 : memref<32xi8> to memref<?xi8>
    memref.store %cast, %arg1[] : memref<memref<?xi8>>
    affine.store %cast, %arg1[] : memref<memref<?xi8>>
    %0 = memref.load %arg0[%arg2] : memref<32xi8>
    return %0 : i8
  }
  func.func @wide_integer_folds(%arg0: i128) -> (i128, i128, i128) {
    %c-170141183460469231731687303715884105728_i128 = arith.constant -170141183460469231731687303715884105728 : i128
    %c18446744073709551616_i128 = arith.constant 18446744073709551616 : i128
    %0 = arith.addi %arg0, %c18446744073709551616_i128 : i128
    return %c18446744073709551616_i128, %0, %c-170141183460469231731687303715884105728_i128 : i128, i128, i128
  }
  func.func @cast_chains(%arg0: i16, %arg1: f32, %arg2: i8) -> (i16, f32, i64, vector<2xf32>) {
    %cst = arith.constant dense<[-1.000000e+00, 2.000000e+00]> : vector<2xf32>
    %0 = arith.extui %arg2 : i8 to i64
    return %arg0, %arg1, %0, %cst : i16, f32, i64, vector<2xf32>
  }
  func.func @more_arith_patterns(%arg0: i32, %arg1: i32, %arg2: f32, %arg3: f32, %arg4: i8, %arg5: i8) -> (i32, i32, f32, f32, i32, i32) {
    %c0_i32 = arith.constant 0 : i32
    %0 = arith.subi %c0_i32, %arg1 : i32
    %1 = arith.subi %c0_i32, %arg1 overflow<nsw> : i32
    %2 = arith.mulf %arg2, %arg3 : f32
    %3 = arith.divf %arg2, %arg3 fastmath<fast> : f32
    %4 = arith.andi %arg4, %arg5 : i8
    %5 = arith.extui %4 : i8 to i32
    %6 = arith.ori %arg4, %arg5 : i8
    %7 = arith.extsi %6 : i8 to i32
    return %0, %1, %2, %3, %5, %7 : i32, i32, f32, f32, i32, i32
  }
  func.func @extended_ops(%arg0: i32, %arg1: i32, %arg2: vector<2xi16>) -> (i32, i1, i32, i32, i32, i32, i32, i32, i32, vector<2xi16>, vector<2xi1>, vector<2xi16>, vector<2xi16>) {
    %cst = arith.constant dense<0> : vector<2xi16>
    %cst_0 = arith.constant dense<false> : vector<2xi1>
    %false = arith.constant false
    %c0_i32 = arith.constant 0 : i32
    %0 = arith.cmpi slt, %arg0, %c0_i32 : i32
    %1 = arith.extsi %0 : i1 to i32
    %2 = arith.addi %arg0, %arg1 : i32
    %low, %high = arith.mulsi_extended %arg0, %arg1 : i32
    %3 = arith.cmpi slt, %arg2, %cst : vector<2xi16>
    %4 = arith.extsi %3 : vector<2xi1> to vector<2xi16>
    return %arg0, %false, %arg0, %1, %arg1, %c0_i32, %2, %low, %high, %arg2, %cst_0, %arg2, %4 : i32, i1, i32, i32, i32, i32, i32, i32, i32, vector<2xi16>, vector<2xi1>, vector<2xi16>, vector<2xi16>
  }
  func.func @extended_constants() -> (vector<3xi8>, vector<3xi1>, vector<3xi8>, vector<3xi8>, i8, i8, i16, i16) {
    %cst = arith.constant dense<[43, 127, 2]> : vector<3xi8>
    %cst_0 = arith.constant dense<[true, false, true]> : vector<3xi1>
    %cst_1 = arith.constant dense<[88, -116, -3]> : vector<3xi8>
    %cst_2 = arith.constant dense<[-22, 10, -1]> : vector<3xi8>
    %c75_i8 = arith.constant 75 : i8
    %c74_i8 = arith.constant 74 : i8
    %c24464_i16 = arith.constant 24464 : i16
    %c1_i16 = arith.constant 1 : i16
    return %cst, %cst_0, %cst_2, %cst_1, %c75_i8, %c74_i8, %c24464_i16, %c1_i16 : vector<3xi8>, vector<3xi1>, vector<3xi8>, vector<3xi8>, i8, i8, i16, i16
  }
  func.func @cmpf_of_int(%arg0: i32, %arg1: i8, %arg2: i64) -> (i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1) {
    %c-1_i32 = arith.constant -1 : i32
    %c9_i64 = arith.constant 9 : i64
    %false = arith.constant false
    %c-56_i8 = arith.constant -56 : i8
    %true = arith.constant true
    %cst = arith.constant 1.000000e+10 : f32
    %c-7_i32 = arith.constant -7 : i32
    %0 = arith.cmpi slt, %arg0, %c-7_i32 : i32
    %1 = arith.cmpi sge, %arg0, %c-7_i32 : i32
    %2 = arith.cmpi ule, %arg1, %c-56_i8 : i8
    %3 = arith.sitofp %arg2 : i64 to f32
    %4 = arith.cmpf oeq, %3, %cst : f32
    %5 = arith.cmpi sgt, %arg2, %c9_i64 : i64
    %6 = arith.cmpi eq, %arg0, %c-1_i32 : i32
    return %0, %1, %true, %2, %false, %false, %true, %4, %5, %true, %true, %6 : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
  }
  func.func @truncf_modes(%arg0: f32, %arg1: vector<4xbf16>) -> (bf16, f16, bf16, vector<2xf16>, vector<2xf16>, f16, f32, f32, vector<4xbf16>) {
    %cst = arith.constant dense<[5.000000e-01, -4.000000e+00]> : vector<2xf16>
    %cst_0 = arith.constant -2.500000e+00 : bf16
    %cst_1 = arith.constant dense<[5.000000e-01, 1.000000e-01]> : vector<2xf32>
    %cst_2 = arith.constant 1.000000e-01 : f32
    %cst_3 = arith.constant 1.000000e+00 : bf16
    %0 = arith.truncf %cst_2 upward : f32 to f16
    %1 = arith.truncf %cst_1 : vector<2xf32> to vector<2xf16>
    %2 = arith.truncf %arg0 to_nearest_even : f32 to f16
    %3 = arith.truncf %arg0 fastmath<contract> : f32 to f16
    %4 = arith.extf %3 : f16 to f32
    %5 = arith.extf %arg1 fastmath<contract> : vector<4xbf16> to vector<4xf32>
    %6 = arith.negf %5 : vector<4xf32>
    %7 = arith.truncf %6 fastmath<contract> : vector<4xf32> to vector<4xbf16>
    return %cst_3, %0, %cst_0, %cst, %1, %2, %arg0, %4, %7 : bf16, f16, bf16, vector<2xf16>, vector<2xf16>, f16, f32, f32, vector<4xbf16>
  }
  func.func @xor_shift_select(%arg0: i8, %arg1: i8, %arg2: i64, %arg3: vector<2xi32>) -> (i32, i16, i32, vector<2xi16>, vector<3xf32>, i1) {
    %cst = arith.constant dense<[1.000000e+00, -1.000000e+00, -1.000000e+00]> : vector<3xf32>
    %cst_0 = arith.constant dense<16> : vector<2xi32>
    %c32_i64 = arith.constant 32 : i64
    %0 = arith.xori %arg0, %arg1 : i8
    %1 = arith.extsi %0 : i8 to i32
    %2 = arith.xori %arg0, %arg1 : i8
    %3 = arith.extui %2 : i8 to i16
    %4 = arith.shrui %arg2, %c32_i64 : i64
    %5 = arith.trunci %4 : i64 to i32
    %6 = arith.shrui %arg3, %cst_0 : vector<2xi32>
    %7 = arith.trunci %6 : vector<2xi32> to vector<2xi16>
    %8 = arith.cmpi ult, %arg0, %arg1 : i8
    return %1, %3, %5, %7, %cst, %8 : i32, i16, i32, vector<2xi16>, vector<3xf32>, i1
  }
}

