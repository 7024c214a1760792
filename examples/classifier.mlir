// A two-layer classifier written with tensors, over a batch whose size is symbolic:
// probabilities = softmax(sigmoid(x · W1 + b1) · W2 + b2), the biases added through
// tensorlang.broadcast. @main runs it on 4 samples of 4 features and prints each sample's
// class probabilities (rows sum to 1), then the mean activation of each sample's hidden layer.
module {
  func.func @classify(%x: !tensorlang.tensor<f32, "batch", 4>, %w1: !tensorlang.tensor<f32, 4, 8>, %b1: !tensorlang.tensor<f32, 8>,
                      %w2: !tensorlang.tensor<f32, 8, 3>, %b2: !tensorlang.tensor<f32, 3>)
      -> (!tensorlang.tensor<f32, "batch", 3>, !tensorlang.tensor<f32, "batch">) {
    %h0 = tensorlang.matmul %x, %w1 : !tensorlang.tensor<f32, "batch", 4>, !tensorlang.tensor<f32, 4, 8> -> !tensorlang.tensor<f32, "batch", 8>
    %bias1 = tensorlang.broadcast %b1 : !tensorlang.tensor<f32, 8> -> !tensorlang.tensor<f32, "batch", 8>
    %h1 = tensorlang.add %h0, %bias1 : !tensorlang.tensor<f32, "batch", 8>
    %h = tensorlang.sigmoid %h1 : !tensorlang.tensor<f32, "batch", 8>
    %ha, %hb = tensorlang.copy %h : !tensorlang.tensor<f32, "batch", 8>
    %mean = tensorlang.reduce_mean %hb {axis = 1} : !tensorlang.tensor<f32, "batch", 8> -> !tensorlang.tensor<f32, "batch">
    %o0 = tensorlang.matmul %ha, %w2 : !tensorlang.tensor<f32, "batch", 8>, !tensorlang.tensor<f32, 8, 3> -> !tensorlang.tensor<f32, "batch", 3>
    %bias2 = tensorlang.broadcast %b2 : !tensorlang.tensor<f32, 3> -> !tensorlang.tensor<f32, "batch", 3>
    %o1 = tensorlang.add %o0, %bias2 : !tensorlang.tensor<f32, "batch", 3>
    %p = tensorlang.softmax %o1 {axis = 1} : !tensorlang.tensor<f32, "batch", 3>
    return %p, %mean : !tensorlang.tensor<f32, "batch", 3>, !tensorlang.tensor<f32, "batch">
  }
  func.func @main() {
    %x = tensorlang.constant dense<[[1.0, 0.0, 0.5, -1.0], [0.0, 1.0, -0.5, 0.25], [2.0, -1.0, 0.0, 0.5], [-1.0, -1.0, 1.0, 1.0]]>
      : tensor<4x4xf32> : !tensorlang.tensor<f32, "batch", 4>
    %w1 = tensorlang.constant dense<[[0.5, -0.25, 1.0, 0.0, 0.75, -1.0, 0.25, 0.5],
                                     [-0.5, 0.5, 0.0, 1.0, -0.25, 0.5, 0.75, -0.75],
                                     [1.0, 0.25, -0.5, 0.5, 0.0, 0.25, -1.0, 1.0],
                                     [0.0, -1.0, 0.5, -0.5, 1.0, 0.0, 0.5, 0.25]]> : !tensorlang.tensor<f32, 4, 8>
    %b1 = tensorlang.constant dense<[0.1, -0.1, 0.0, 0.2, -0.2, 0.0, 0.1, -0.1]> : !tensorlang.tensor<f32, 8>
    %w2 = tensorlang.constant dense<[[1.0, -1.0, 0.0], [0.5, 0.5, -1.0], [-1.0, 0.0, 1.0], [0.0, 1.0, -0.5],
                                     [0.25, -0.5, 0.75], [1.0, 1.0, 1.0], [-0.5, 0.0, 0.5], [0.0, -0.25, 0.25]]> : !tensorlang.tensor<f32, 8, 3>
    %b2 = tensorlang.constant dense<[0.0, 0.5, -0.5]> : !tensorlang.tensor<f32, 3>
    %p, %mean = func.call @classify(%x, %w1, %b1, %w2, %b2)
      : (!tensorlang.tensor<f32, "batch", 4>, !tensorlang.tensor<f32, 4, 8>, !tensorlang.tensor<f32, 8>, !tensorlang.tensor<f32, 8, 3>, !tensorlang.tensor<f32, 3>)
      -> (!tensorlang.tensor<f32, "batch", 3>, !tensorlang.tensor<f32, "batch">)
    tensorlang.print %p : !tensorlang.tensor<f32, "batch", 3>
    tensorlang.print %mean : !tensorlang.tensor<f32, "batch">
    return
  }
}
