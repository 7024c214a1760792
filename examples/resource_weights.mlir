// Weights held in resource blobs, as model exporters (torch-mlir, IREE, JAX) write them: each
// `dense_resource<name>` names a blob of the `{-# dialect_resources #-}` section after the
// module, whose hex is a 4-byte little-endian alignment, then the raw little-endian elements.
// @main applies a 2x3 layer to x = (1, 2, 3): y = W x + b with W = [[1, 2, 3], [4, 5, 6]] and
// b = [0.5, -0.5] (f32), so y = (14.5, 31.5); each y_i is followed by an i64 blob element
// (-1 and 2^32: the sign and the high word come through).
module {
  memref.global "private" constant @weights : memref<2x3xf32> = dense_resource<dense_weights>
  memref.global "private" constant @bias : memref<2xf32> = dense_resource<dense_bias>
  memref.global "private" constant @offsets : memref<2xi64> = dense_resource<offsets>
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index
    %w = memref.get_global @weights : memref<2x3xf32>
    %b = memref.get_global @bias : memref<2xf32>
    %o = memref.get_global @offsets : memref<2xi64>
    %one = arith.constant 1.0 : f32
    scf.for %i = %c0 to %c2 step %c1 {
      %bias = memref.load %b[%i] : memref<2xf32>
      // x_j = j + 1
      %y, %x = scf.for %j = %c0 to %c3 step %c1 iter_args(%acc = %bias, %xj = %one) -> (f32, f32) {
        %wij = memref.load %w[%i, %j] : memref<2x3xf32>
        %p = arith.mulf %wij, %xj : f32
        %s = arith.addf %acc, %p : f32
        %next = arith.addf %xj, %one : f32
        scf.yield %s, %next : f32, f32
      }
      vector.print %y : f32
      %off = memref.load %o[%i] : memref<2xi64>
      vector.print %off : i64
    }
    return
  }
}

{-#
  dialect_resources: {
    builtin: {
      dense_weights: "0x040000000000803F0000004000004040000080400000A0400000C040",
      dense_bias: "0x040000000000003F000000BF",
      offsets: "0x08000000FFFFFFFFFFFFFFFF0000000001000000"
    }
  }
#-}
