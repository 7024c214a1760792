// linalg.elemwise_unary and linalg.elemwise_binary on tensors: every `fun` of MLIR 19 (UnaryFn but
// rsqrt, BinaryFn), the default ones, and `cast` (i8 inputs widened signed, or unsigned: -1 is 255), a
// scalar operand; linalg.fill_rng_2d into f32 and i32. Each result is printed.
func.func @main() {
  %x = arith.constant dense<[-1.75, -0.5, 0.25, 1.5, 2.5, 3.25]> : tensor<6xf32>
  %p = arith.constant dense<[0.25, 0.5, 1.0, 2.0, 4.5, 9.0]> : tensor<6xf32>
  %o = tensor.empty() : tensor<6xf32>
  %u0 = linalg.elemwise_unary ins(%x : tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u0 : tensor<6xf32>
  %u1 = linalg.elemwise_unary {fun = #linalg.unary_fn<log>} ins(%p : tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u1 : tensor<6xf32>
  %u2 = linalg.elemwise_unary {fun = #linalg.unary_fn<abs>} ins(%x : tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u2 : tensor<6xf32>
  %u3 = linalg.elemwise_unary {fun = #linalg.unary_fn<ceil>} ins(%x : tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u3 : tensor<6xf32>
  %u4 = linalg.elemwise_unary {fun = #linalg.unary_fn<floor>} ins(%x : tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u4 : tensor<6xf32>
  %u5 = linalg.elemwise_unary {fun = #linalg.unary_fn<negf>} ins(%x : tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u5 : tensor<6xf32>
  %u6 = linalg.elemwise_unary {fun = #linalg.unary_fn<reciprocal>} ins(%x : tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u6 : tensor<6xf32>
  %u7 = linalg.elemwise_unary {fun = #linalg.unary_fn<round>} ins(%x : tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u7 : tensor<6xf32>
  %u8 = linalg.elemwise_unary {fun = #linalg.unary_fn<sqrt>} ins(%p : tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u8 : tensor<6xf32>
  // (no rsqrt: MLIR 19's lowering to LLVM has no pattern for a scalar math.rsqrt)
  %u10 = linalg.elemwise_unary {fun = #linalg.unary_fn<square>} ins(%x : tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u10 : tensor<6xf32>
  %u11 = linalg.elemwise_unary {fun = #linalg.unary_fn<tanh>} ins(%x : tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u11 : tensor<6xf32>
  %u12 = linalg.elemwise_unary {fun = #linalg.unary_fn<erf>} ins(%x : tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u12 : tensor<6xf32>
  // i8 to f32: signed, then unsigned
  %b = arith.constant dense<[-128, -1, 0, 7, 100, 127]> : tensor<6xi8>
  %u13 = linalg.elemwise_unary {fun = #linalg.unary_fn<abs>} ins(%b : tensor<6xi8>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u13 : tensor<6xf32>
  %u14 = linalg.elemwise_unary {fun = #linalg.unary_fn<sqrt>, cast = #linalg.type_fn<cast_unsigned>} ins(%b : tensor<6xi8>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %u14 : tensor<6xf32>

  %f0 = linalg.elemwise_binary ins(%x, %p : tensor<6xf32>, tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %f0 : tensor<6xf32>
  %f1 = linalg.elemwise_binary {fun = #linalg.binary_fn<sub>} ins(%x, %p : tensor<6xf32>, tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %f1 : tensor<6xf32>
  %f2 = linalg.elemwise_binary {fun = #linalg.binary_fn<mul>} ins(%x, %p : tensor<6xf32>, tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %f2 : tensor<6xf32>
  %f3 = linalg.elemwise_binary {fun = #linalg.binary_fn<div>} ins(%x, %p : tensor<6xf32>, tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %f3 : tensor<6xf32>
  %f4 = linalg.elemwise_binary {fun = #linalg.binary_fn<max_signed>} ins(%x, %p : tensor<6xf32>, tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %f4 : tensor<6xf32>
  %f5 = linalg.elemwise_binary {fun = #linalg.binary_fn<min_unsigned>} ins(%x, %p : tensor<6xf32>, tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %f5 : tensor<6xf32>
  %f6 = linalg.elemwise_binary {fun = #linalg.binary_fn<powf>} ins(%p, %x : tensor<6xf32>, tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %f6 : tensor<6xf32>
  // a scalar operand (f64, truncated to f32), and i8 operands cast to f32 unsigned
  %h = arith.constant 0.75 : f64
  %f7 = linalg.elemwise_binary {fun = #linalg.binary_fn<mul>} ins(%h, %x : f64, tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %f7 : tensor<6xf32>
  %f8 = linalg.elemwise_binary {cast = #linalg.type_fn<cast_unsigned>, fun = #linalg.binary_fn<add>} ins(%b, %x : tensor<6xi8>, tensor<6xf32>) outs(%o : tensor<6xf32>) -> tensor<6xf32>
  tensorlang.print %f8 : tensor<6xf32>

  // integers: i8 and i32 operands into i32
  %i = arith.constant dense<[-7, -3, 5, 9, 12, 1000]> : tensor<6xi32>
  %oi = tensor.empty() : tensor<6xi32>
  %i0 = linalg.elemwise_binary ins(%i, %b : tensor<6xi32>, tensor<6xi8>) outs(%oi : tensor<6xi32>) -> tensor<6xi32>
  tensorlang.print %i0 : tensor<6xi32>
  %i1 = linalg.elemwise_binary {fun = #linalg.binary_fn<add>, cast = #linalg.type_fn<cast_unsigned>} ins(%i, %b : tensor<6xi32>, tensor<6xi8>) outs(%oi : tensor<6xi32>) -> tensor<6xi32>
  tensorlang.print %i1 : tensor<6xi32>
  %i2 = linalg.elemwise_binary {fun = #linalg.binary_fn<sub>} ins(%i, %b : tensor<6xi32>, tensor<6xi8>) outs(%oi : tensor<6xi32>) -> tensor<6xi32>
  tensorlang.print %i2 : tensor<6xi32>
  %i3 = linalg.elemwise_binary {fun = #linalg.binary_fn<mul>} ins(%i, %b : tensor<6xi32>, tensor<6xi8>) outs(%oi : tensor<6xi32>) -> tensor<6xi32>
  tensorlang.print %i3 : tensor<6xi32>
  %d = arith.constant dense<[2, -2, 3, -4, 5, 7]> : tensor<6xi32>
  %i4 = linalg.elemwise_binary {fun = #linalg.binary_fn<div>} ins(%i, %d : tensor<6xi32>, tensor<6xi32>) outs(%oi : tensor<6xi32>) -> tensor<6xi32>
  tensorlang.print %i4 : tensor<6xi32>
  %i5 = linalg.elemwise_binary {fun = #linalg.binary_fn<div_unsigned>} ins(%i, %d : tensor<6xi32>, tensor<6xi32>) outs(%oi : tensor<6xi32>) -> tensor<6xi32>
  tensorlang.print %i5 : tensor<6xi32>
  %i6 = linalg.elemwise_binary {fun = #linalg.binary_fn<max_signed>} ins(%i, %b : tensor<6xi32>, tensor<6xi8>) outs(%oi : tensor<6xi32>) -> tensor<6xi32>
  tensorlang.print %i6 : tensor<6xi32>
  %i7 = linalg.elemwise_binary {fun = #linalg.binary_fn<min_signed>} ins(%i, %b : tensor<6xi32>, tensor<6xi8>) outs(%oi : tensor<6xi32>) -> tensor<6xi32>
  tensorlang.print %i7 : tensor<6xi32>
  %i8 = linalg.elemwise_binary {fun = #linalg.binary_fn<max_unsigned>} ins(%i, %d : tensor<6xi32>, tensor<6xi32>) outs(%oi : tensor<6xi32>) -> tensor<6xi32>
  tensorlang.print %i8 : tensor<6xi32>
  %i9 = linalg.elemwise_binary {fun = #linalg.binary_fn<min_unsigned>, cast = #linalg.type_fn<cast_unsigned>} ins(%i, %b : tensor<6xi32>, tensor<6xi8>) outs(%oi : tensor<6xi32>) -> tensor<6xi32>
  tensorlang.print %i9 : tensor<6xi32>

  // fill_rng_2d: MLIR's generator over the indices, scaled into [min, max)
  %min = arith.constant -2.5 : f64
  %max = arith.constant 4.0 : f64
  %seed = arith.constant 42 : i32
  %g = tensor.empty() : tensor<3x5xf32>
  %r0 = linalg.fill_rng_2d ins(%min, %max, %seed : f64, f64, i32) outs(%g : tensor<3x5xf32>) -> tensor<3x5xf32>
  tensorlang.print %r0 : tensor<3x5xf32>
  %gi = tensor.empty() : tensor<2x4xi32>
  %hmax = arith.constant 1000.0 : f64
  %r1 = linalg.fill_rng_2d ins(%min, %hmax, %seed : f64, f64, i32) outs(%gi : tensor<2x4xi32>) -> tensor<2x4xi32>
  tensorlang.print %r1 : tensor<2x4xi32>
  return
}
