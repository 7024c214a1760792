// matmul_loops, called 40 times in a row (C reset each time), each call timed: the demo of
// `--optimize matmul --optimize-mode live`, where a faster @matmul is hot-swapped in mid-run.
// Naive i-j-k matmul over 256x256 f32 memrefs, timed with rtclock.
// A[i][j] = ((7i + 3j) mod 17 - 8) / 4 and B[i][j] = ((5i + 11j) mod 13 - 6) / 2: every product
// and partial sum is a multiple of 1/8 well inside f32's exact range, so C is exact whatever the
// summation order, and the f64 checksum (sum of C[i][j] * ((3i + j) mod 7 + 1)) is exact too.
// Output: one "time: ..." line per call (masked when outputs are compared), then
// "checksum: <weighted sum of C>" of the last call.
module {
  llvm.mlir.global internal constant @checksum_fmt("checksum: %.3f\0A\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @time_fmt("time: %.6f s, %.3f GFLOPS\0A\00") {addr_space = 0 : i32}
  llvm.func @printf(!llvm.ptr, ...) -> i32
  func.func private @rtclock() -> f64

  func.func @matmul(%A: memref<256x256xf32>, %B: memref<256x256xf32>, %C: memref<256x256xf32>) {
    affine.for %i = 0 to 256 {
      affine.for %j = 0 to 256 {
        affine.for %k = 0 to 256 {
          %a = affine.load %A[%i, %k] : memref<256x256xf32>
          %b = affine.load %B[%k, %j] : memref<256x256xf32>
          %c = affine.load %C[%i, %j] : memref<256x256xf32>
          %p = arith.mulf %a, %b : f32
          %s = arith.addf %c, %p : f32
          affine.store %s, %C[%i, %j] : memref<256x256xf32>
        }
      }
    }
    return
  }

  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %cN = arith.constant 256 : index
    %c3 = arith.constant 3 : i32
    %c5 = arith.constant 5 : i32
    %c6 = arith.constant 6 : i32
    %c7 = arith.constant 7 : i32
    %c8 = arith.constant 8 : i32
    %c11 = arith.constant 11 : i32
    %c13 = arith.constant 13 : i32
    %c17 = arith.constant 17 : i32
    %quarter = arith.constant 2.500000e-01 : f32
    %half = arith.constant 5.000000e-01 : f32
    %zero = arith.constant 0.000000e+00 : f32
    %A = memref.alloc() : memref<256x256xf32>
    %B = memref.alloc() : memref<256x256xf32>
    %C = memref.alloc() : memref<256x256xf32>
    scf.for %i = %c0 to %cN step %c1 {
      scf.for %j = %c0 to %cN step %c1 {
        %ii = arith.index_cast %i : index to i32
        %jj = arith.index_cast %j : index to i32
        %a7 = arith.muli %ii, %c7 : i32
        %a3 = arith.muli %jj, %c3 : i32
        %as = arith.addi %a7, %a3 : i32
        %am = arith.remsi %as, %c17 : i32
        %ac = arith.subi %am, %c8 : i32
        %af = arith.sitofp %ac : i32 to f32
        %av = arith.mulf %af, %quarter : f32
        memref.store %av, %A[%i, %j] : memref<256x256xf32>
        %b5 = arith.muli %ii, %c5 : i32
        %b11 = arith.muli %jj, %c11 : i32
        %bs = arith.addi %b5, %b11 : i32
        %bm = arith.remsi %bs, %c13 : i32
        %bc = arith.subi %bm, %c6 : i32
        %bf = arith.sitofp %bc : i32 to f32
        %bv = arith.mulf %bf, %half : f32
        memref.store %bv, %B[%i, %j] : memref<256x256xf32>
        memref.store %zero, %C[%i, %j] : memref<256x256xf32>
      }
    }
    %c40 = arith.constant 40 : index
    %flops = arith.constant 3.355443e+07 : f64
    %gflop = arith.constant 1.000000e+09 : f64
    %tfmt = llvm.mlir.addressof @time_fmt : !llvm.ptr
    scf.for %rep = %c0 to %c40 step %c1 {
      scf.for %i = %c0 to %cN step %c1 {
        scf.for %j = %c0 to %cN step %c1 {
          memref.store %zero, %C[%i, %j] : memref<256x256xf32>
        }
      }
      %t0 = func.call @rtclock() : () -> f64
      func.call @matmul(%A, %B, %C) : (memref<256x256xf32>, memref<256x256xf32>, memref<256x256xf32>) -> ()
      %t1 = func.call @rtclock() : () -> f64
      %dt = arith.subf %t1, %t0 : f64
      %fps = arith.divf %flops, %dt : f64
      %gflops = arith.divf %fps, %gflop : f64
      %r1 = llvm.call @printf(%tfmt, %dt, %gflops) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, f64, f64) -> i32
    }
    %zero64 = arith.constant 0.000000e+00 : f64
    %sum = scf.for %i = %c0 to %cN step %c1 iter_args(%acc = %zero64) -> (f64) {
      %row = scf.for %j = %c0 to %cN step %c1 iter_args(%racc = %acc) -> (f64) {
        %v = memref.load %C[%i, %j] : memref<256x256xf32>
        %vd = arith.extf %v : f32 to f64
        %ii = arith.index_cast %i : index to i32
        %jj = arith.index_cast %j : index to i32
        %w3 = arith.muli %ii, %c3 : i32
        %ws = arith.addi %w3, %jj : i32
        %wm = arith.remsi %ws, %c7 : i32
        %wf = arith.sitofp %wm : i32 to f64
        %one64 = arith.constant 1.000000e+00 : f64
        %w = arith.addf %wf, %one64 : f64
        %wv = arith.mulf %vd, %w : f64
        %n = arith.addf %racc, %wv : f64
        scf.yield %n : f64
      }
      scf.yield %row : f64
    }
    %cfmt = llvm.mlir.addressof @checksum_fmt : !llvm.ptr
    %r0 = llvm.call @printf(%cfmt, %sum) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, f64) -> i32
    memref.dealloc %A : memref<256x256xf32>
    memref.dealloc %B : memref<256x256xf32>
    memref.dealloc %C : memref<256x256xf32>
    return
  }
}
