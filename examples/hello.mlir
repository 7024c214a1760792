// The smallest TensorLang program: a tensor constant, printed with tensorlang.print.
// Uses the tensorlang dialect, so run it with tensorlang-run (mlir-opt-19 accepts it only
// after tensorlang-opt --convert-tensorlang-to-linalg).
module {
  func.func @main() {
    %0 = tensorlang.constant dense<[[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>
    tensorlang.print %0 : tensor<2x3xf32>
    return
  }
}
