// linalg.reduce, linalg.broadcast, linalg.copy and a unary elementwise named op.
func.func @r(%a: memref<4x3xf32>, %o: memref<4xf32>, %b: memref<3xf32>, %p: memref<4x3xf32>) {
  linalg.reduce ins(%a : memref<4x3xf32>) outs(%o : memref<4xf32>) dimensions = [1]
    (%in: f32, %init: f32) {
      %s = arith.addf %in, %init : f32
      linalg.yield %s : f32
    }
  linalg.broadcast ins(%b : memref<3xf32>) outs(%p : memref<4x3xf32>) dimensions = [0]
  linalg.copy ins(%a : memref<4x3xf32>) outs(%p : memref<4x3xf32>)
  linalg.exp ins(%a : memref<4x3xf32>) outs(%p : memref<4x3xf32>)
  return
}
