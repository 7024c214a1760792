// Tensors carried through scf.for (updated in place, swapped) and chosen by scf.if.
func.func private @printMemrefF32(tensor<*xf32> {bufferization.access = "read"})
func.func @show(%t: tensor<3xf32>) {
  %u = tensor.cast %t : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %one = arith.constant 1.0 : f32
  %init = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %r:2 = scf.for %i = %c0 to %c4 step %c1 iter_args(%t = %init, %u = %init) -> (tensor<3xf32>, tensor<3xf32>) {
    %e = tensor.empty() : tensor<3xf32>
    %d = linalg.add ins(%t, %u : tensor<3xf32>, tensor<3xf32>) outs(%e : tensor<3xf32>) -> tensor<3xf32>
    %x = tensor.extract %d[%c1] : tensor<3xf32>
    %y = arith.addf %x, %one : f32
    %w = tensor.insert %y into %t[%c0] : tensor<3xf32>
    scf.yield %d, %w : tensor<3xf32>, tensor<3xf32>
  }
  call @show(%r#0) : (tensor<3xf32>) -> ()
  call @show(%r#1) : (tensor<3xf32>) -> ()
  %s:2 = scf.for %i = %c0 to %c4 step %c1 iter_args(%a = %r#0, %b = %r#1) -> (tensor<3xf32>, tensor<3xf32>) {
    scf.yield %b, %a : tensor<3xf32>, tensor<3xf32>
  }
  %v = tensor.extract %s#0[%c0] : tensor<3xf32>
  %big = arith.cmpf ogt, %v, %one : f32
  %p = scf.if %big -> (tensor<3xf32>) {
    %e = tensor.empty() : tensor<3xf32>
    %m = linalg.mul ins(%s#0, %s#1 : tensor<3xf32>, tensor<3xf32>) outs(%e : tensor<3xf32>) -> tensor<3xf32>
    scf.yield %m : tensor<3xf32>
  } else {
    scf.yield %s#1 : tensor<3xf32>
  }
  call @show(%p) : (tensor<3xf32>) -> ()
  call @show(%s#1) : (tensor<3xf32>) -> ()
  return
}
