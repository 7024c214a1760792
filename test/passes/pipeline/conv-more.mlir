// MLIR 19's other convolution, pooling and contraction named ops on tensors: strided and dilated windows, i8 inputs widened to i32 (signed; zero-extended by the _unsigned pooling), quantized ops with zero points. Inputs are dense constants of small values (quarters for floats); each result is printed.
func.func @main() {
  %s0_0 = arith.constant dense<[-0.5, 1.25, 0.25, -0.75, 1.0, 0.0, -1.0]> : tensor<7xf32>
  %s0_1 = arith.constant dense<[0.75, -0.25, -1.25]> : tensor<3xf32>
  %s0_2 = arith.constant dense<[-0.75, 1.0, 0.0, -1.0, 0.75]> : tensor<5xf32>
  %r0 = linalg.conv_1d ins(%s0_0, %s0_1 : tensor<7xf32>, tensor<3xf32>) outs(%s0_2 : tensor<5xf32>) -> tensor<5xf32>
  tensorlang.print %r0 : tensor<5xf32>
  %s1_0 = arith.constant dense<[[[0.5, -0.5, 1.25, 0.25], [-0.75, 1.0, 0.0, -1.0], [0.75, -0.25, -1.25, 0.5], [-0.5, 1.25, 0.25, -0.75]], [[1.0, 0.0, -1.0, 0.75], [-0.25, -1.25, 0.5, -0.5], [1.25, 0.25, -0.75, 1.0], [0.0, -1.0, 0.75, -0.25]], [[-1.25, 0.5, -0.5, 1.25], [0.25, -0.75, 1.0, 0.0], [-1.0, 0.75, -0.25, -1.25], [0.5, -0.5, 1.25, 0.25]]]> : tensor<3x4x4xf32>
  %s1_1 = arith.constant dense<[[[-1.0, 0.75], [-0.25, -1.25]], [[0.5, -0.5], [1.25, 0.25]]]> : tensor<2x2x2xf32>
  %s1_2 = arith.constant dense<[[[0.25, -0.75, 1.0], [0.0, -1.0, 0.75], [-0.25, -1.25, 0.5]], [[-0.5, 1.25, 0.25], [-0.75, 1.0, 0.0], [-1.0, 0.75, -0.25]]]> : tensor<2x3x3xf32>
  %r1 = linalg.conv_3d ins(%s1_0, %s1_1 : tensor<3x4x4xf32>, tensor<2x2x2xf32>) outs(%s1_2 : tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  tensorlang.print %r1 : tensor<2x3x3xf32>
  %s2_0 = arith.constant dense<[[[-1.25, 0.5, -0.5, 1.25, 0.25, -0.75, 1.0, 0.0, -1.0], [0.75, -0.25, -1.25, 0.5, -0.5, 1.25, 0.25, -0.75, 1.0]]]> : tensor<1x2x9xf32>
  %s2_1 = arith.constant dense<[[[0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25]], [[0.25, -0.75], [1.0, 0.0]]]> : tensor<3x2x2xf32>
  %s2_2 = arith.constant dense<[[[1.25, 0.25, -0.75, 1.0], [0.0, -1.0, 0.75, -0.25], [-1.25, 0.5, -0.5, 1.25]]]> : tensor<1x3x4xf32>
  %r2 = linalg.conv_1d_ncw_fcw {dilations = dense<2> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%s2_0, %s2_1 : tensor<1x2x9xf32>, tensor<3x2x2xf32>) outs(%s2_2 : tensor<1x3x4xf32>) -> tensor<1x3x4xf32>
  tensorlang.print %r2 : tensor<1x3x4xf32>
  %s3_0 = arith.constant dense<[[[[-0.25, -1.25], [0.5, -0.5], [1.25, 0.25], [-0.75, 1.0]], [[0.0, -1.0], [0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25]], [[0.25, -0.75], [1.0, 0.0], [-1.0, 0.75], [-0.25, -1.25]], [[0.5, -0.5], [1.25, 0.25], [-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75]]]]> : tensor<1x5x4x2xf32>
  %s3_1 = arith.constant dense<[[[[1.0, 0.0], [-1.0, 0.75]], [[-0.25, -1.25], [0.5, -0.5]]], [[[1.25, 0.25], [-0.75, 1.0]], [[0.0, -1.0], [0.75, -0.25]]], [[[-1.25, 0.5], [-0.5, 1.25]], [[0.25, -0.75], [1.0, 0.0]]]]> : tensor<3x2x2x2xf32>
  %s3_2 = arith.constant dense<[[[[-0.5, 1.25, 0.25], [-0.75, 1.0, 0.0], [-1.0, 0.75, -0.25]], [[-1.25, 0.5, -0.5], [1.25, 0.25, -0.75], [1.0, 0.0, -1.0]]]]> : tensor<1x2x3x3xf32>
  %r3 = linalg.conv_2d_nhwc_fhwc {strides = dense<[2, 1]> : tensor<2xi64>} ins(%s3_0, %s3_1 : tensor<1x5x4x2xf32>, tensor<3x2x2x2xf32>) outs(%s3_2 : tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  tensorlang.print %r3 : tensor<1x2x3x3xf32>
  %s4_0 = arith.constant dense<[[[[[0.75, -0.25, -1.25, 0.5, -0.5], [1.25, 0.25, -0.75, 1.0, 0.0], [-1.0, 0.75, -0.25, -1.25, 0.5], [-0.5, 1.25, 0.25, -0.75, 1.0]], [[0.0, -1.0, 0.75, -0.25, -1.25], [0.5, -0.5, 1.25, 0.25, -0.75], [1.0, 0.0, -1.0, 0.75, -0.25], [-1.25, 0.5, -0.5, 1.25, 0.25]]], [[[-0.75, 1.0, 0.0, -1.0, 0.75], [-0.25, -1.25, 0.5, -0.5, 1.25], [0.25, -0.75, 1.0, 0.0, -1.0], [0.75, -0.25, -1.25, 0.5, -0.5]], [[1.25, 0.25, -0.75, 1.0, 0.0], [-1.0, 0.75, -0.25, -1.25, 0.5], [-0.5, 1.25, 0.25, -0.75, 1.0], [0.0, -1.0, 0.75, -0.25, -1.25]]]]]> : tensor<1x2x2x4x5xf32>
  %s4_1 = arith.constant dense<[[[[[-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5]]], [[[-0.5, 1.25], [0.25, -0.75]], [[1.0, 0.0], [-1.0, 0.75]]]], [[[[-0.25, -1.25], [0.5, -0.5]], [[1.25, 0.25], [-0.75, 1.0]]], [[[0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25]]]]]> : tensor<2x2x2x2x2xf32>
  %s4_2 = arith.constant dense<[[[[[0.5, -0.5, 1.25], [0.25, -0.75, 1.0], [0.0, -1.0, 0.75]], [[-0.25, -1.25, 0.5], [-0.5, 1.25, 0.25], [-0.75, 1.0, 0.0]]], [[[-1.0, 0.75, -0.25], [-1.25, 0.5, -0.5], [1.25, 0.25, -0.75]], [[1.0, 0.0, -1.0], [0.75, -0.25, -1.25], [0.5, -0.5, 1.25]]]]]> : tensor<1x2x2x3x3xf32>
  %r4 = linalg.conv_2d_ngchw_fgchw {dilations = dense<[1, 2]> : tensor<2xi64>} ins(%s4_0, %s4_1 : tensor<1x2x2x4x5xf32>, tensor<2x2x2x2x2xf32>) outs(%s4_2 : tensor<1x2x2x3x3xf32>) -> tensor<1x2x2x3x3xf32>
  tensorlang.print %r4 : tensor<1x2x2x3x3xf32>
  %s5_0 = arith.constant dense<[[[[[-1.0, 0.75], [-0.25, -1.25], [0.5, -0.5]], [[1.25, 0.25], [-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25]], [[0.25, -0.75], [1.0, 0.0], [-1.0, 0.75]], [[-0.25, -1.25], [0.5, -0.5], [1.25, 0.25]]], [[[-0.75, 1.0], [0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75]], [[1.0, 0.0], [-1.0, 0.75], [-0.25, -1.25]], [[0.5, -0.5], [1.25, 0.25], [-0.75, 1.0]], [[0.0, -1.0], [0.75, -0.25], [-1.25, 0.5]]], [[[-0.5, 1.25], [0.25, -0.75], [1.0, 0.0]], [[-1.0, 0.75], [-0.25, -1.25], [0.5, -0.5]], [[1.25, 0.25], [-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25]], [[0.25, -0.75], [1.0, 0.0], [-1.0, 0.75]]]]]> : tensor<1x3x5x3x2xf32>
  %s5_1 = arith.constant dense<[[[[[0.25, -0.75], [1.0, 0.0]], [[-1.0, 0.75], [-0.25, -1.25]]], [[[0.5, -0.5], [1.25, 0.25]], [[-0.75, 1.0], [0.0, -1.0]]]], [[[[0.75, -0.25], [-1.25, 0.5]], [[-0.5, 1.25], [0.25, -0.75]]], [[[1.0, 0.0], [-1.0, 0.75]], [[-0.25, -1.25], [0.5, -0.5]]]]]> : tensor<2x2x2x2x2xf32>
  %s5_2 = arith.constant dense<[[[[[-1.25, 0.5], [-0.5, 1.25]], [[0.25, -0.75], [1.0, 0.0]]], [[[-1.0, 0.75], [-0.25, -1.25]], [[0.5, -0.5], [1.25, 0.25]]]]]> : tensor<1x2x2x2x2xf32>
  %r5 = linalg.conv_3d_ndhwc_dhwcf {strides = dense<[1, 2, 1]> : tensor<3xi64>} ins(%s5_0, %s5_1 : tensor<1x3x5x3x2xf32>, tensor<2x2x2x2x2xf32>) outs(%s5_2 : tensor<1x2x2x2x2xf32>) -> tensor<1x2x2x2x2xf32>
  tensorlang.print %r5 : tensor<1x2x2x2x2xf32>
  %s6_0 = arith.constant dense<[[[0.0, -1.0], [0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75], [1.0, 0.0], [-1.0, 0.75]]]> : tensor<1x7x2xf32>
  %s6_1 = arith.constant dense<[[1.25, 0.25], [-0.75, 1.0]]> : tensor<2x2xf32>
  %s6_2 = arith.constant dense<[[[-0.25, -1.25], [0.5, -0.5], [1.25, 0.25], [-0.75, 1.0], [0.0, -1.0]]]> : tensor<1x5x2xf32>
  %r6 = linalg.depthwise_conv_1d_nwc_wc {dilations = dense<2> : tensor<1xi64>} ins(%s6_0, %s6_1 : tensor<1x7x2xf32>, tensor<2x2xf32>) outs(%s6_2 : tensor<1x5x2xf32>) -> tensor<1x5x2xf32>
  tensorlang.print %r6 : tensor<1x5x2xf32>
  %s7_0 = arith.constant dense<[[[[1.0, 0.0, -1.0, 0.75, -0.25], [-1.25, 0.5, -0.5, 1.25, 0.25], [-0.75, 1.0, 0.0, -1.0, 0.75], [-0.25, -1.25, 0.5, -0.5, 1.25], [0.25, -0.75, 1.0, 0.0, -1.0]], [[0.75, -0.25, -1.25, 0.5, -0.5], [1.25, 0.25, -0.75, 1.0, 0.0], [-1.0, 0.75, -0.25, -1.25, 0.5], [-0.5, 1.25, 0.25, -0.75, 1.0], [0.0, -1.0, 0.75, -0.25, -1.25]]]]> : tensor<1x2x5x5xf32>
  %s7_1 = arith.constant dense<[[[-0.5, 1.25], [0.25, -0.75]], [[1.0, 0.0], [-1.0, 0.75]]]> : tensor<2x2x2xf32>
  %s7_2 = arith.constant dense<[[[[0.75, -0.25], [-1.25, 0.5]], [[-0.5, 1.25], [0.25, -0.75]]]]> : tensor<1x2x2x2xf32>
  %r7 = linalg.depthwise_conv_2d_nchw_chw {strides = dense<2> : tensor<2xi64>} ins(%s7_0, %s7_1 : tensor<1x2x5x5xf32>, tensor<2x2x2xf32>) outs(%s7_2 : tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32>
  tensorlang.print %r7 : tensor<1x2x2x2xf32>
  %s8_0 = arith.constant dense<[[[[-0.75, 1.0], [0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75]], [[1.0, 0.0], [-1.0, 0.75], [-0.25, -1.25]]]]> : tensor<1x3x3x2xf32>
  %s8_1 = arith.constant dense<[[[[0.5, -0.5], [1.25, 0.25]], [[-0.75, 1.0], [0.0, -1.0]]], [[[0.75, -0.25], [-1.25, 0.5]], [[-0.5, 1.25], [0.25, -0.75]]]]> : tensor<2x2x2x2xf32>
  %s8_2 = arith.constant dense<[[[[[-1.0, 0.75], [-0.25, -1.25]], [[0.5, -0.5], [1.25, 0.25]]], [[[-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5]]]]]> : tensor<1x2x2x2x2xf32>
  %r8 = linalg.depthwise_conv_2d_nhwc_hwcm ins(%s8_0, %s8_1 : tensor<1x3x3x2xf32>, tensor<2x2x2x2xf32>) outs(%s8_2 : tensor<1x2x2x2x2xf32>) -> tensor<1x2x2x2x2xf32>
  tensorlang.print %r8 : tensor<1x2x2x2x2xf32>
  %s9_0 = arith.constant dense<[[[[23, -69], [92, 0], [-92, 69], [-23, -115], [46, -46]], [[115, 23], [-69, 92], [0, -92], [69, -23], [-115, 46]], [[-46, 115], [23, -69], [92, 0], [-92, 69], [-23, -115]], [[46, -46], [115, 23], [-69, 92], [0, -92], [69, -23]], [[-115, 46], [-46, 115], [23, -69], [92, 0], [-92, 69]]]]> : tensor<1x5x5x2xi8>
  %s9_1 = arith.constant dense<[[[[-115, 46], [-46, 115]], [[23, -69], [92, 0]]], [[[-92, 69], [-23, -115]], [[46, -46], [115, 23]]]]> : tensor<2x2x2x2xi8>
  %s9_2 = arith.constant dense<[[[[0, -4], [3, -1], [-5, 2]], [[-2, 5], [1, -3], [4, 0]], [[-4, 3], [-1, -5], [2, -2]]]]> : tensor<1x3x3x2xi32>
  %r9 = linalg.conv_2d_nhwc_hwcf {dilations = dense<2> : tensor<2xi64>} ins(%s9_0, %s9_1 : tensor<1x5x5x2xi8>, tensor<2x2x2x2xi8>) outs(%s9_2 : tensor<1x3x3x2xi32>) -> tensor<1x3x3x2xi32>
  tensorlang.print %r9 : tensor<1x3x3x2xi32>
  %s10_0 = arith.constant dense<[[[[115, 23], [-69, 92], [0, -92], [69, -23], [-115, 46]], [[-46, 115], [23, -69], [92, 0], [-92, 69], [-23, -115]], [[46, -46], [115, 23], [-69, 92], [0, -92], [69, -23]], [[-115, 46], [-46, 115], [23, -69], [92, 0], [-92, 69]], [[-23, -115], [46, -46], [115, 23], [-69, 92], [0, -92]]]]> : tensor<1x5x5x2xi8>
  %s10_1 = arith.constant dense<[[[[-23, -115], [46, -46]], [[115, 23], [-69, 92]]], [[[0, -92], [69, -23]], [[-115, 46], [-46, 115]]]]> : tensor<2x2x2x2xi8>
  %s10_2 = arith.constant 3 : i32
  %s10_3 = arith.constant 1 : i32
  %s10_4 = arith.constant dense<[[[[3, -1], [-5, 2]], [[-2, 5], [1, -3]]]]> : tensor<1x2x2x2xi32>
  %r10 = linalg.conv_2d_nhwc_hwcf_q {strides = dense<2> : tensor<2xi64>} ins(%s10_0, %s10_1, %s10_2, %s10_3 : tensor<1x5x5x2xi8>, tensor<2x2x2x2xi8>, i32, i32) outs(%s10_4 : tensor<1x2x2x2xi32>) -> tensor<1x2x2x2xi32>
  tensorlang.print %r10 : tensor<1x2x2x2xi32>
  %s11_0 = arith.constant dense<[[[[-46, 115], [23, -69], [92, 0]], [[-92, 69], [-23, -115], [46, -46]], [[115, 23], [-69, 92], [0, -92]]]]> : tensor<1x3x3x2xi8>
  %s11_1 = arith.constant dense<[[[69, -23], [-115, 46]], [[-46, 115], [23, -69]]]> : tensor<2x2x2xi8>
  %s11_2 = arith.constant -3 : i32
  %s11_3 = arith.constant 2 : i32
  %s11_4 = arith.constant dense<[[[[-4, 3], [-1, -5]], [[2, -2], [5, 1]]]]> : tensor<1x2x2x2xi32>
  %r11 = linalg.depthwise_conv_2d_nhwc_hwc_q ins(%s11_0, %s11_1, %s11_2, %s11_3 : tensor<1x3x3x2xi8>, tensor<2x2x2xi8>, i32, i32) outs(%s11_4 : tensor<1x2x2x2xi32>) -> tensor<1x2x2x2xi32>
  tensorlang.print %r11 : tensor<1x2x2x2xi32>
  %s12_0 = arith.constant dense<[[[[0.5, -0.5], [1.25, 0.25], [-0.75, 1.0], [0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75], [1.0, 0.0], [-1.0, 0.75]], [[-0.25, -1.25], [0.5, -0.5], [1.25, 0.25], [-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75], [1.0, 0.0]], [[-1.0, 0.75], [-0.25, -1.25], [0.5, -0.5], [1.25, 0.25], [-0.75, 1.0]]]]> : tensor<1x5x5x2xf32>
  %s12_1 = arith.constant dense<[[-1.0, 0.75], [-0.25, -1.25]]> : tensor<2x2xf32>
  %s12_2 = arith.constant dense<[[[[0.25, -0.75], [1.0, 0.0]], [[-1.0, 0.75], [-0.25, -1.25]]]]> : tensor<1x2x2x2xf32>
  %r12 = linalg.pooling_nhwc_min {strides = dense<2> : tensor<2xi64>} ins(%s12_0, %s12_1 : tensor<1x5x5x2xf32>, tensor<2x2xf32>) outs(%s12_2 : tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32>
  tensorlang.print %r12 : tensor<1x2x2x2xf32>
  %s13_0 = arith.constant dense<[[[[-115, 46], [-46, 115], [23, -69]], [[92, 0], [-92, 69], [-23, -115]], [[46, -46], [115, 23], [-69, 92]]]]> : tensor<1x3x3x2xi8>
  %s13_1 = arith.constant dense<[[0, -92], [69, -23]]> : tensor<2x2xi8>
  %s13_2 = arith.constant dense<[[[[5, 1], [-3, 4]], [[0, -4], [3, -1]]]]> : tensor<1x2x2x2xi32>
  %r13 = linalg.pooling_nhwc_max_unsigned ins(%s13_0, %s13_1 : tensor<1x3x3x2xi8>, tensor<2x2xi8>) outs(%s13_2 : tensor<1x2x2x2xi32>) -> tensor<1x2x2x2xi32>
  tensorlang.print %r13 : tensor<1x2x2x2xi32>
  %s14_0 = arith.constant dense<[[[-1, -5], [2, -2], [5, 1], [-3, 4]]]> : tensor<1x4x2xi32>
  %s14_1 = arith.constant dense<[4, 0]> : tensor<2xi32>
  %s14_2 = arith.constant dense<[[[-2, 5], [1, -3], [4, 0]]]> : tensor<1x3x2xi32>
  %r14 = linalg.pooling_nwc_min_unsigned ins(%s14_0, %s14_1 : tensor<1x4x2xi32>, tensor<2xi32>) outs(%s14_2 : tensor<1x3x2xi32>) -> tensor<1x3x2xi32>
  tensorlang.print %r14 : tensor<1x3x2xi32>
  %s15_0 = arith.constant dense<[[[[[0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75]], [[1.0, 0.0], [-1.0, 0.75], [-0.25, -1.25], [0.5, -0.5]], [[1.25, 0.25], [-0.75, 1.0], [0.0, -1.0], [0.75, -0.25]]], [[[-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75], [1.0, 0.0]], [[-1.0, 0.75], [-0.25, -1.25], [0.5, -0.5], [1.25, 0.25]], [[-0.75, 1.0], [0.0, -1.0], [0.75, -0.25], [-1.25, 0.5]]]]]> : tensor<1x2x3x4x2xf32>
  %s15_1 = arith.constant dense<[[[-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5]]]> : tensor<2x2x2xf32>
  %s15_2 = arith.constant dense<[[[[[0.5, -0.5], [1.25, 0.25]], [[-0.75, 1.0], [0.0, -1.0]]]]]> : tensor<1x1x2x2x2xf32>
  %r15 = linalg.pooling_ndhwc_max {dilations = dense<[1, 1, 2]> : tensor<3xi64>} ins(%s15_0, %s15_1 : tensor<1x2x3x4x2xf32>, tensor<2x2x2xf32>) outs(%s15_2 : tensor<1x1x2x2x2xf32>) -> tensor<1x1x2x2x2xf32>
  tensorlang.print %r15 : tensor<1x1x2x2x2xf32>
  %s16_0 = arith.constant dense<[[[[[-1.0], [0.75], [-0.25]], [[-1.25], [0.5], [-0.5]], [[1.25], [0.25], [-0.75]]], [[[1.0], [0.0], [-1.0]], [[0.75], [-0.25], [-1.25]], [[0.5], [-0.5], [1.25]]]]]> : tensor<1x2x3x3x1xf32>
  %s16_1 = arith.constant dense<[[[0.25, -0.75], [1.0, 0.0]], [[-1.0, 0.75], [-0.25, -1.25]]]> : tensor<2x2x2xf32>
  %s16_2 = arith.constant dense<[[[[[-1.25], [0.5]], [[-0.5], [1.25]]]]]> : tensor<1x1x2x2x1xf32>
  %r16 = linalg.pooling_ndhwc_sum ins(%s16_0, %s16_1 : tensor<1x2x3x3x1xf32>, tensor<2x2x2xf32>) outs(%s16_2 : tensor<1x1x2x2x1xf32>) -> tensor<1x1x2x2x1xf32>
  tensorlang.print %r16 : tensor<1x1x2x2x1xf32>
  %s17_0 = arith.constant dense<[[0.0, -1.0], [0.75, -0.25], [-1.25, 0.5]]> : tensor<3x2xf32>
  %s17_1 = arith.constant dense<[[1.25, 0.25, -0.75, 1.0], [0.0, -1.0, 0.75, -0.25], [-1.25, 0.5, -0.5, 1.25]]> : tensor<3x4xf32>
  %s17_2 = arith.constant dense<[[-0.25, -1.25, 0.5, -0.5], [1.25, 0.25, -0.75, 1.0]]> : tensor<2x4xf32>
  %r17 = linalg.matmul_transpose_a ins(%s17_0, %s17_1 : tensor<3x2xf32>, tensor<3x4xf32>) outs(%s17_2 : tensor<2x4xf32>) -> tensor<2x4xf32>
  tensorlang.print %r17 : tensor<2x4xf32>
  %s18_0 = arith.constant dense<[[92, 0, -92], [69, -23, -115]]> : tensor<2x3xi8>
  %s18_1 = arith.constant dense<[[-46, 115, 23], [-69, 92, 0], [-92, 69, -23], [-115, 46, -46]]> : tensor<4x3xi8>
  %s18_2 = arith.constant dense<[[3, -1, -5, 2], [-2, 5, 1, -3]]> : tensor<2x4xi32>
  %r18 = linalg.matmul_transpose_b ins(%s18_0, %s18_1 : tensor<2x3xi8>, tensor<4x3xi8>) outs(%s18_2 : tensor<2x4xi32>) -> tensor<2x4xi32>
  tensorlang.print %r18 : tensor<2x4xi32>
  %s19_0 = arith.constant dense<[[[-0.75, 1.0], [0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75]]]> : tensor<2x3x2xf32>
  %s19_1 = arith.constant dense<[[[0.5, -0.5], [1.25, 0.25], [-0.75, 1.0]], [[0.0, -1.0], [0.75, -0.25], [-1.25, 0.5]]]> : tensor<2x3x2xf32>
  %s19_2 = arith.constant dense<[[[-1.0, 0.75], [-0.25, -1.25]], [[0.5, -0.5], [1.25, 0.25]]]> : tensor<2x2x2xf32>
  %r19 = linalg.batch_matmul_transpose_a ins(%s19_0, %s19_1 : tensor<2x3x2xf32>, tensor<2x3x2xf32>) outs(%s19_2 : tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  tensorlang.print %r19 : tensor<2x2x2xf32>
  %s20_0 = arith.constant dense<[[[0.25, -0.75, 1.0], [0.0, -1.0, 0.75]], [[-0.25, -1.25, 0.5], [-0.5, 1.25, 0.25]]]> : tensor<2x2x3xf32>
  %s20_1 = arith.constant dense<[[[-1.25, 0.5, -0.5], [1.25, 0.25, -0.75]], [[1.0, 0.0, -1.0], [0.75, -0.25, -1.25]]]> : tensor<2x2x3xf32>
  %s20_2 = arith.constant dense<[[[0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25]]]> : tensor<2x2x2xf32>
  %r20 = linalg.batch_matmul_transpose_b ins(%s20_0, %s20_1 : tensor<2x2x3xf32>, tensor<2x2x3xf32>) outs(%s20_2 : tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  tensorlang.print %r20 : tensor<2x2x2xf32>
  %s21_0 = arith.constant dense<[[[1.25, 0.25, -0.75, 1.0], [0.0, -1.0, 0.75, -0.25], [-1.25, 0.5, -0.5, 1.25]], [[0.25, -0.75, 1.0, 0.0], [-1.0, 0.75, -0.25, -1.25], [0.5, -0.5, 1.25, 0.25]]]> : tensor<2x3x4xf32>
  %s21_1 = arith.constant dense<[[-0.25, -1.25, 0.5, -0.5], [1.25, 0.25, -0.75, 1.0]]> : tensor<2x4xf32>
  %s21_2 = arith.constant dense<[[1.0, 0.0, -1.0], [0.75, -0.25, -1.25]]> : tensor<2x3xf32>
  %r21 = linalg.batch_matvec ins(%s21_0, %s21_1 : tensor<2x3x4xf32>, tensor<2x4xf32>) outs(%s21_2 : tensor<2x3xf32>) -> tensor<2x3xf32>
  tensorlang.print %r21 : tensor<2x3xf32>
  %s22_0 = arith.constant dense<[[-0.5, 1.25, 0.25, -0.75], [1.0, 0.0, -1.0, 0.75]]> : tensor<2x4xf32>
  %s22_1 = arith.constant dense<[[[0.75, -0.25, -1.25], [0.5, -0.5, 1.25], [0.25, -0.75, 1.0], [0.0, -1.0, 0.75]], [[-0.25, -1.25, 0.5], [-0.5, 1.25, 0.25], [-0.75, 1.0, 0.0], [-1.0, 0.75, -0.25]]]> : tensor<2x4x3xf32>
  %s22_2 = arith.constant dense<[[-0.75, 1.0, 0.0], [-1.0, 0.75, -0.25]]> : tensor<2x3xf32>
  %r22 = linalg.batch_vecmat ins(%s22_0, %s22_1 : tensor<2x4xf32>, tensor<2x4x3xf32>) outs(%s22_2 : tensor<2x3xf32>) -> tensor<2x3xf32>
  tensorlang.print %r22 : tensor<2x3xf32>
  %s23_0 = arith.constant dense<[[[0.5, -0.5], [1.25, 0.25]], [[-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5]]]> : tensor<3x2x2xf32>
  %s23_1 = arith.constant dense<[[[-1.0, 0.75, -0.25], [-1.25, 0.5, -0.5]], [[1.25, 0.25, -0.75], [1.0, 0.0, -1.0]], [[0.75, -0.25, -1.25], [0.5, -0.5, 1.25]]]> : tensor<3x2x3xf32>
  %s23_2 = arith.constant dense<[[0.25, -0.75, 1.0], [0.0, -1.0, 0.75]]> : tensor<2x3xf32>
  %r23 = linalg.batch_reduce_matmul ins(%s23_0, %s23_1 : tensor<3x2x2xf32>, tensor<3x2x3xf32>) outs(%s23_2 : tensor<2x3xf32>) -> tensor<2x3xf32>
  tensorlang.print %r23 : tensor<2x3xf32>
  %s24_0 = arith.constant dense<[[-115, 46, -46], [115, 23, -69]]> : tensor<2x3xi8>
  %s24_1 = arith.constant dense<[[0, -92], [69, -23], [-115, 46]]> : tensor<3x2xi8>
  %s24_2 = arith.constant 3 : i8
  %s24_3 = arith.constant 1 : i8
  %s24_4 = arith.constant dense<[[4, 0], [-4, 3]]> : tensor<2x2xi32>
  %r24 = linalg.quantized_matmul ins(%s24_0, %s24_1, %s24_2, %s24_3 : tensor<2x3xi8>, tensor<3x2xi8>, i8, i8) outs(%s24_4 : tensor<2x2xi32>) -> tensor<2x2xi32>
  tensorlang.print %r24 : tensor<2x2xi32>
  %s25_0 = arith.constant dense<[[[[[-0.25], [-1.25]], [[0.5], [-0.5]]], [[[1.25], [0.25]], [[-0.75], [1.0]]]]]> : tensor<1x2x2x2x1xf32>
  %s25_1 = arith.constant dense<[[[[[1.0], [0.0]], [[-1.0], [0.75]]], [[[-0.25], [-1.25]], [[0.5], [-0.5]]]]]> : tensor<1x2x2x2x1xf32>
  %s25_2 = arith.constant dense<[[[[[-0.5, 1.25], [0.25, -0.75]], [[1.0, 0.0], [-1.0, 0.75]]], [[[-0.25, -1.25], [0.5, -0.5]], [[1.25, 0.25], [-0.75, 1.0]]]]]> : tensor<1x2x2x2x2xf32>
  %r25 = linalg.batch_mmt4d ins(%s25_0, %s25_1 : tensor<1x2x2x2x1xf32>, tensor<1x2x2x2x1xf32>) outs(%s25_2 : tensor<1x2x2x2x2xf32>) -> tensor<1x2x2x2x2xf32>
  tensorlang.print %r25 : tensor<1x2x2x2x2xf32>
  return
}
