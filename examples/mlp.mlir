// A two-layer perceptron written with tensors: @mlp computes relu(x · W1) · W2 and @main prints
// the sum of each output row. @mlp has no loops until it is lowered, so
// `tensorlang-run examples/mlp.mlir --optimize auto` lowers the module to affine loops before
// searching (docs/optimizer.md).
// Every x is 0.5, every W1 weight 0.25 and every W2 weight -0.125: a hidden unit is
// relu(256 * 0.5 * 0.25) = 32, an output unit 256 * 32 * -0.125 = -1024, a row sum 64 * -1024 = -65536.
module {
  func.func @mlp(%x: tensor<64x256xf32>, %w1: tensor<256x256xf32>, %w2: tensor<256x64xf32>) -> tensor<64x64xf32> {
    %h = tensorlang.matmul %x, %w1 : tensor<64x256xf32>, tensor<256x256xf32> -> tensor<64x256xf32>
    %r = tensorlang.relu %h : tensor<64x256xf32>
    %y = tensorlang.matmul %r, %w2 : tensor<64x256xf32>, tensor<256x64xf32> -> tensor<64x64xf32>
    return %y : tensor<64x64xf32>
  }
  func.func @main() {
    %x = tensorlang.constant dense<5.000000e-01> : tensor<64x256xf32>
    %w1 = tensorlang.constant dense<2.500000e-01> : tensor<256x256xf32>
    %w2 = tensorlang.constant dense<-1.250000e-01> : tensor<256x64xf32>
    %y = func.call @mlp(%x, %w1, %w2) : (tensor<64x256xf32>, tensor<256x256xf32>, tensor<256x64xf32>) -> tensor<64x64xf32>
    %s = tensorlang.reduce_sum %y {axis = 1} : tensor<64x64xf32> -> tensor<64xf32>
    tensorlang.print %s : tensor<64xf32>
    return
  }
}
