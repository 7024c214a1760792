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
}
