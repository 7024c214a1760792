// The reflection API: a program reads its own IR, replaces one of its functions through the
// sandbox (an equivalent rewrite is accepted and hot-swapped; a wrong one is refused), and
// calls a function through a handle. Run with `tensorlang-run examples/reflect.mlir`.
module {
  llvm.func @printf(!llvm.ptr, ...) -> i32
  llvm.func @tensorlang_get_ir() -> !llvm.ptr
  llvm.func @tensorlang_compile(!llvm.ptr) -> i32
  llvm.func @tensorlang_get_symbol_address(!llvm.ptr) -> !llvm.ptr
  llvm.mlir.global internal constant @fmt_val("scale(1.5) = %.2f\0A\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @fmt_ir("own IR starts with: %.6s\0A\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @fmt_rc("tensorlang_compile returned %d\0A\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @name("scale\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @same("func.func @scale(%arg0: f32) -> f32 {\0A  %0 = arith.addf %arg0, %arg0 : f32\0A  return %0 : f32\0A}\0A\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @wrong("func.func @scale(%arg0: f32) -> f32 {\0A  %c = arith.constant 3.000000e+00 : f32\0A  %0 = arith.mulf %arg0, %c : f32\0A  return %0 : f32\0A}\0A\00") {addr_space = 0 : i32}
  func.func @scale(%x: f32) -> f32 {
    %c2 = arith.constant 2.000000e+00 : f32
    %0 = arith.mulf %x, %c2 : f32
    return %0 : f32
  }
  func.func @show(%v: f32) {
    %f = llvm.mlir.addressof @fmt_val : !llvm.ptr
    %d = arith.extf %v : f32 to f64
    %0 = llvm.call @printf(%f, %d) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, f64) -> i32
    return
  }
  func.func @main() {
    %x = arith.constant 1.500000e+00 : f32
    %v0 = call @scale(%x) : (f32) -> f32
    call @show(%v0) : (f32) -> ()
    %ir = llvm.call @tensorlang_get_ir() : () -> !llvm.ptr
    %fi = llvm.mlir.addressof @fmt_ir : !llvm.ptr
    %1 = llvm.call @printf(%fi, %ir) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, !llvm.ptr) -> i32
    %fr = llvm.mlir.addressof @fmt_rc : !llvm.ptr
    %same = llvm.mlir.addressof @same : !llvm.ptr
    %rc0 = llvm.call @tensorlang_compile(%same) : (!llvm.ptr) -> i32
    %2 = llvm.call @printf(%fr, %rc0) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, i32) -> i32
    %wrong = llvm.mlir.addressof @wrong : !llvm.ptr
    %rc1 = llvm.call @tensorlang_compile(%wrong) : (!llvm.ptr) -> i32
    %3 = llvm.call @printf(%fr, %rc1) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, i32) -> i32
    %name = llvm.mlir.addressof @name : !llvm.ptr
    %fp = llvm.call @tensorlang_get_symbol_address(%name) : (!llvm.ptr) -> !llvm.ptr
    %v1 = llvm.call %fp(%x) : !llvm.ptr, (f32) -> f32
    call @show(%v1) : (f32) -> ()
    return
  }
}
