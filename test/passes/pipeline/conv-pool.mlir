// Every convolution and pooling op on tensors (strided, dilated; f32, f16 inputs and i32), printed. Inputs are small integers times 1/4 made by @values.
func.func @values(%h: index, %w: index, %c: index, %mod: i32) -> f32 {
  %a = arith.muli %h, %w : index
  %b = arith.addi %a, %c : index
  %c3 = arith.constant 3 : index
  %d = arith.muli %b, %c3 : index
  %e = arith.addi %d, %w : index
  %i = arith.index_cast %e : index to i32
  %m = arith.remsi %i, %mod : i32
  %c2 = arith.constant 2 : i32
  %half = arith.divsi %mod, %c2 : i32
  %s = arith.subi %m, %half : i32
  %f = arith.sitofp %s : i32 to f32
  %q = arith.constant 2.500000e-01 : f32
  %v = arith.mulf %f, %q : f32
  return %v : f32
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %m11 = arith.constant 11 : i32
  %m3 = arith.constant 3 : i32
  %x = tensor.generate {
  ^bb0(%n: index, %h: index, %w: index, %c: index):
    %v = func.call @values(%h, %w, %c, %m11) : (index, index, index, i32) -> f32
    tensor.yield %v : f32
  } : tensor<1x7x7x2xf32>
  %k = tensor.generate {
  ^bb0(%h: index, %w: index, %c: index, %f: index):
    %v = func.call @values(%h, %f, %c, %m3) : (index, index, index, i32) -> f32
    tensor.yield %v : f32
  } : tensor<3x3x2x3xf32>
  %zero = arith.constant 0.000000e+00 : f32
  %e = tensor.empty() : tensor<1x3x3x3xf32>
  %o = linalg.fill ins(%zero : f32) outs(%e : tensor<1x3x3x3xf32>) -> tensor<1x3x3x3xf32>
  %conv = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %k : tensor<1x7x7x2xf32>, tensor<3x3x2x3xf32>) outs(%o : tensor<1x3x3x3xf32>) -> tensor<1x3x3x3xf32>
  tensorlang.print %conv : tensor<1x3x3x3xf32>

  // NCHW / FCHW with an f16 input, dilation 2 on the rows and stride 2 on the columns.
  %xc = tensor.generate {
  ^bb0(%n: index, %c: index, %h: index, %w: index):
    %v = func.call @values(%w, %h, %c, %m11) : (index, index, index, i32) -> f32
    %t = arith.truncf %v : f32 to f16
    tensor.yield %t : f16
  } : tensor<1x2x7x7xf16>
  %kc = tensor.generate {
  ^bb0(%f: index, %c: index, %h: index, %w: index):
    %v = func.call @values(%h, %w, %f, %m3) : (index, index, index, i32) -> f32
    tensor.yield %v : f32
  } : tensor<2x2x3x3xf32>
  %ec = tensor.empty() : tensor<1x2x3x3xf32>
  %oc = linalg.fill ins(%zero : f32) outs(%ec : tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %convc = linalg.conv_2d_nchw_fchw {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>} ins(%xc, %kc : tensor<1x2x7x7xf16>, tensor<2x2x3x3xf32>) outs(%oc : tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  tensorlang.print %convc : tensor<1x2x3x3xf32>

  // Depthwise, accumulating onto a non-zero init (the filter is the first 3x3x2 of %k's data).
  %kd = tensor.generate {
  ^bb0(%h: index, %w: index, %c: index):
    %v = func.call @values(%w, %h, %c, %m3) : (index, index, index, i32) -> f32
    tensor.yield %v : f32
  } : tensor<3x3x2xf32>
  %one = arith.constant 1.000000e+00 : f32
  %ed = tensor.empty() : tensor<1x5x2x2xf32>
  %od = linalg.fill ins(%one : f32) outs(%ed : tensor<1x5x2x2xf32>) -> tensor<1x5x2x2xf32>
  %dw = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[1, 2]> : vector<2xi64>} ins(%x, %kd : tensor<1x7x7x2xf32>, tensor<3x3x2xf32>) outs(%od : tensor<1x5x2x2xf32>) -> tensor<1x5x2x2xf32>
  tensorlang.print %dw : tensor<1x5x2x2xf32>

  // 1-D on i32, stride 3.
  %xi = tensor.generate {
  ^bb0(%n: index, %w: index, %c: index):
    %a = arith.muli %w, %w : index
    %b = arith.addi %a, %c : index
    %i = arith.index_cast %b : index to i32
    %r = arith.remsi %i, %m11 : i32
    tensor.yield %r : i32
  } : tensor<1x9x2xi32>
  %ki = tensor.generate {
  ^bb0(%w: index, %c: index, %f: index):
    %a = arith.addi %w, %f : index
    %b = arith.muli %a, %c : index
    %i = arith.index_cast %b : index to i32
    %r = arith.remsi %i, %m3 : i32
    %c1 = arith.constant 1 : i32
    %s = arith.subi %r, %c1 : i32
    tensor.yield %s : i32
  } : tensor<3x2x2xi32>
  %zi = arith.constant 0 : i32
  %e1 = tensor.empty() : tensor<1x3x2xi32>
  %o1 = linalg.fill ins(%zi : i32) outs(%e1 : tensor<1x3x2xi32>) -> tensor<1x3x2xi32>
  %conv1 = linalg.conv_1d_nwc_wcf {strides = dense<3> : tensor<1xi64>} ins(%xi, %ki : tensor<1x9x2xi32>, tensor<3x2x2xi32>) outs(%o1 : tensor<1x3x2xi32>) -> tensor<1x3x2xi32>
  tensorlang.print %conv1 : tensor<1x3x2xi32>

  // Pooling: max (from -inf) with strides and dilations, sum, NCHW max, and i32 max.
  %ninf = arith.constant 0xFF800000 : f32
  %pe = tensor.empty() : tensor<1x3x3x2xf32>
  %po = linalg.fill ins(%ninf : f32) outs(%pe : tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
  %win = tensor.empty() : tensor<3x3xf32>
  %max = linalg.pooling_nhwc_max {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>} ins(%x, %win : tensor<1x7x7x2xf32>, tensor<3x3xf32>) outs(%po : tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
  tensorlang.print %max : tensor<1x3x3x2xf32>
  %ps = linalg.fill ins(%zero : f32) outs(%pe : tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
  %sum = linalg.pooling_nhwc_sum {strides = dense<2> : tensor<2xi64>} ins(%x, %win : tensor<1x7x7x2xf32>, tensor<3x3xf32>) outs(%ps : tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
  tensorlang.print %sum : tensor<1x3x3x2xf32>
  %pc = linalg.fill ins(%ninf : f32) outs(%ec : tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %maxc = linalg.pooling_nchw_max {strides = dense<2> : tensor<2xi64>} ins(%xc, %win : tensor<1x2x7x7xf16>, tensor<3x3xf32>) outs(%pc : tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  tensorlang.print %maxc : tensor<1x2x3x3xf32>
  %imin = arith.constant -2147483648 : i32
  %xi4 = tensor.generate {
  ^bb0(%n: index, %h: index, %w: index, %c: index):
    %v = tensor.extract %xi[%n, %h, %c] : tensor<1x9x2xi32>
    tensor.yield %v : i32
  } : tensor<1x9x1x2xi32>
  %wi = tensor.empty() : tensor<2x1xi32>
  %pie = tensor.empty() : tensor<1x4x1x2xi32>
  %pio4 = linalg.fill ins(%imin : i32) outs(%pie : tensor<1x4x1x2xi32>) -> tensor<1x4x1x2xi32>
  %maxi = linalg.pooling_nhwc_max {strides = dense<[2, 1]> : tensor<2xi64>} ins(%xi4, %wi : tensor<1x9x1x2xi32>, tensor<2x1xi32>) outs(%pio4 : tensor<1x4x1x2xi32>) -> tensor<1x4x1x2xi32>
  tensorlang.print %maxi : tensor<1x4x1x2xi32>

  return
}
