// A naive 2-D convolution (valid padding, stride 1) written as scf loops over memrefs.
// Input X is 10x10 with X[i][j] = ((3i + 5j) mod 11 - 5) / 2, kernel K is 3x3 with
// K[p][q] = (3p + q) mod 4 - 1.5, and Y[i][j] = sum_{p,q} X[i+p][j+q] * K[p][q] (8x8).
// All values are multiples of 1/4, so every engine computes Y exactly. Prints Y with
// printMemrefF32 and a checksum line.
module {
  llvm.mlir.global internal constant @fmt("conv2d checksum: %.4f\0A\00") {addr_space = 0 : i32}
  llvm.func @printf(!llvm.ptr, ...) -> i32
  func.func private @printMemrefF32(memref<*xf32>)

  func.func @conv2d(%X: memref<10x10xf32>, %K: memref<3x3xf32>, %Y: memref<8x8xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.000000e+00 : f32
    scf.for %i = %c0 to %c8 step %c1 {
      scf.for %j = %c0 to %c8 step %c1 {
        %acc = scf.for %p = %c0 to %c3 step %c1 iter_args(%a0 = %zero) -> (f32) {
          %row = scf.for %q = %c0 to %c3 step %c1 iter_args(%a1 = %a0) -> (f32) {
            %ip = arith.addi %i, %p : index
            %jq = arith.addi %j, %q : index
            %x = memref.load %X[%ip, %jq] : memref<10x10xf32>
            %k = memref.load %K[%p, %q] : memref<3x3xf32>
            %m = arith.mulf %x, %k : f32
            %s = arith.addf %a1, %m : f32
            scf.yield %s : f32
          }
          scf.yield %row : f32
        }
        memref.store %acc, %Y[%i, %j] : memref<8x8xf32>
      }
    }
    return
  }

  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %c8 = arith.constant 8 : index
    %c10 = arith.constant 10 : index
    %i3 = arith.constant 3 : i32
    %i4 = arith.constant 4 : i32
    %i5 = arith.constant 5 : i32
    %i11 = arith.constant 11 : i32
    %half = arith.constant 5.000000e-01 : f32
    %onehalf = arith.constant 1.500000e+00 : f32
    %X = memref.alloc() : memref<10x10xf32>
    %K = memref.alloc() : memref<3x3xf32>
    %Y = memref.alloc() : memref<8x8xf32>
    scf.for %i = %c0 to %c10 step %c1 {
      scf.for %j = %c0 to %c10 step %c1 {
        %ii = arith.index_cast %i : index to i32
        %jj = arith.index_cast %j : index to i32
        %t3 = arith.muli %ii, %i3 : i32
        %t5 = arith.muli %jj, %i5 : i32
        %t = arith.addi %t3, %t5 : i32
        %m = arith.remsi %t, %i11 : i32
        %c = arith.subi %m, %i5 : i32
        %f = arith.sitofp %c : i32 to f32
        %v = arith.mulf %f, %half : f32
        memref.store %v, %X[%i, %j] : memref<10x10xf32>
      }
    }
    scf.for %p = %c0 to %c3 step %c1 {
      scf.for %q = %c0 to %c3 step %c1 {
        %pp = arith.index_cast %p : index to i32
        %qq = arith.index_cast %q : index to i32
        %t3 = arith.muli %pp, %i3 : i32
        %t = arith.addi %t3, %qq : i32
        %m = arith.remsi %t, %i4 : i32
        %f = arith.sitofp %m : i32 to f32
        %v = arith.subf %f, %onehalf : f32
        memref.store %v, %K[%p, %q] : memref<3x3xf32>
      }
    }
    call @conv2d(%X, %K, %Y) : (memref<10x10xf32>, memref<3x3xf32>, memref<8x8xf32>) -> ()
    %u = memref.cast %Y : memref<8x8xf32> to memref<*xf32>
    call @printMemrefF32(%u) : (memref<*xf32>) -> ()
    %zero64 = arith.constant 0.000000e+00 : f64
    %sum = scf.for %i = %c0 to %c8 step %c1 iter_args(%acc = %zero64) -> (f64) {
      %row = scf.for %j = %c0 to %c8 step %c1 iter_args(%racc = %acc) -> (f64) {
        %y = memref.load %Y[%i, %j] : memref<8x8xf32>
        %yd = arith.extf %y : f32 to f64
        %n = arith.addf %racc, %yd : f64
        scf.yield %n : f64
      }
      scf.yield %row : f64
    }
    %fmt = llvm.mlir.addressof @fmt : !llvm.ptr
    %r = llvm.call @printf(%fmt, %sum) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, f64) -> i32
    memref.dealloc %X : memref<10x10xf32>
    memref.dealloc %K : memref<3x3xf32>
    memref.dealloc %Y : memref<8x8xf32>
    return
  }
}
