// Matrix multiplication at the tensor level: tensorlang.matmul of two constants, printed.
// [[1, 2, 3], [4, 5, 6]] x [[7, 8], [9, 10], [11, 12]] = [[58, 64], [139, 154]].
module {
  func.func @main() {
    %a = tensorlang.constant dense<[[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>
    %b = tensorlang.constant dense<[[7.000000e+00, 8.000000e+00], [9.000000e+00, 1.000000e+01], [1.100000e+01, 1.200000e+01]]> : tensor<3x2xf32>
    %c = tensorlang.matmul %a, %b : tensor<2x3xf32>, tensor<3x2xf32> -> tensor<2x2xf32>
    tensorlang.print %c : tensor<2x2xf32>
    return
  }
}
