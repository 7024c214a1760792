// One convolutional layer on tensors with linalg named ops: a 6x6 one-channel image (ones on
// and above the diagonal) is zero-padded to 8x8 (tensor.pad), convolved with two 3x3 filters
// (linalg.conv_2d_nhwc_hwcf: a vertical-edge detector and a box sum), and max-pooled 2x2 with
// stride 2 (linalg.pooling_nhwc_max) to 1x3x3x2. tensorlang-run lowers it (bufferize, loops)
// and runs it; the result is printed with tensorlang.print.
module {
  func.func @main() {
    %image = arith.constant dense<[[[[1.0], [1.0], [1.0], [1.0], [1.0], [1.0]],
                                    [[0.0], [1.0], [1.0], [1.0], [1.0], [1.0]],
                                    [[0.0], [0.0], [1.0], [1.0], [1.0], [1.0]],
                                    [[0.0], [0.0], [0.0], [1.0], [1.0], [1.0]],
                                    [[0.0], [0.0], [0.0], [0.0], [1.0], [1.0]],
                                    [[0.0], [0.0], [0.0], [0.0], [0.0], [1.0]]]]> : tensor<1x6x6x1xf32>
    // filters[kh][kw][0] = [kw - 1 (edge), 1 (box)]
    %filters = arith.constant dense<[[[[-1.0, 1.0]], [[0.0, 1.0]], [[1.0, 1.0]]],
                                     [[[-1.0, 1.0]], [[0.0, 1.0]], [[1.0, 1.0]]],
                                     [[[-1.0, 1.0]], [[0.0, 1.0]], [[1.0, 1.0]]]]> : tensor<3x3x1x2xf32>
    %zero = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %image low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%n: index, %h: index, %w: index, %c: index):
      tensor.yield %zero : f32
    } : tensor<1x6x6x1xf32> to tensor<1x8x8x1xf32>
    %init = tensor.empty() : tensor<1x6x6x2xf32>
    %acc = linalg.fill ins(%zero : f32) outs(%init : tensor<1x6x6x2xf32>) -> tensor<1x6x6x2xf32>
    %conv = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%padded, %filters : tensor<1x8x8x1xf32>, tensor<3x3x1x2xf32>) outs(%acc : tensor<1x6x6x2xf32>) -> tensor<1x6x6x2xf32>
    %ninf = arith.constant 0xFF800000 : f32
    %pinit = tensor.empty() : tensor<1x3x3x2xf32>
    %pacc = linalg.fill ins(%ninf : f32) outs(%pinit : tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
    %window = tensor.empty() : tensor<2x2xf32>
    %pooled = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%conv, %window : tensor<1x6x6x2xf32>, tensor<2x2xf32>) outs(%pacc : tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
    tensorlang.print %pooled : tensor<1x3x3x2xf32>
    return
  }
}
