// Talking to the C library directly: string globals, llvm.mlir.addressof and a variadic
// llvm.call of printf with integer, float and string arguments.
module {
  llvm.mlir.global internal constant @hello("Hello from TensorLang!\0A\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @ints("int: %d, negative: %+5d, i64: %lld, hex: %#x\0A\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @floats("pi: %.4f, sci: %e, general: %g, padded: [%8.2f]\0A\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @strs("%s has %d chars%c\0A\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @name("TensorLang\00") {addr_space = 0 : i32}
  llvm.func @printf(!llvm.ptr, ...) -> i32

  func.func @main() {
    %hello = llvm.mlir.addressof @hello : !llvm.ptr
    %0 = llvm.call @printf(%hello) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr) -> i32
    %ints = llvm.mlir.addressof @ints : !llvm.ptr
    %c42 = arith.constant 42 : i32
    %cm7 = arith.constant -7 : i32
    %big = arith.constant 1234567890123 : i64
    %c255 = arith.constant 255 : i32
    %1 = llvm.call @printf(%ints, %c42, %cm7, %big, %c255) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, i32, i32, i64, i32) -> i32
    %floats = llvm.mlir.addressof @floats : !llvm.ptr
    %pi = arith.constant 3.1415926535897931 : f64
    %sci = arith.constant 6.02214076e+23 : f64
    %small = arith.constant 1.000000e-05 : f64
    %third = arith.constant 0.33333333333333331 : f64
    %2 = llvm.call @printf(%floats, %pi, %sci, %small, %third) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, f64, f64, f64, f64) -> i32
    %strs = llvm.mlir.addressof @strs : !llvm.ptr
    %name = llvm.mlir.addressof @name : !llvm.ptr
    %c10 = arith.constant 10 : i32
    %bang = arith.constant 33 : i32
    %3 = llvm.call @printf(%strs, %name, %c10, %bang) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, !llvm.ptr, i32, i32) -> i32
    return
  }
}
