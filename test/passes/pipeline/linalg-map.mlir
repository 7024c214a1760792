// linalg.map in its three forms: a named op, a body over inputs, and a body with no inputs
// (its init is only written: the body has no argument for it).
module {
  func.func @main() {
    %a = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
    %c = tensor.empty() : tensor<4xf32>
    %1 = linalg.map { arith.addf } ins(%a, %a : tensor<4xf32>, tensor<4xf32>) outs(%c : tensor<4xf32>)
    %2 = linalg.map outs(%c : tensor<4xf32>)
      () {
        %k = arith.constant 7.0 : f32
        linalg.yield %k : f32
      }
    %3 = linalg.map ins(%1, %2 : tensor<4xf32>, tensor<4xf32>) outs(%c : tensor<4xf32>)
      (%x: f32, %y: f32) {
        %s = arith.subf %y, %x : f32
        linalg.yield %s : f32
      }
    tensorlang.print %3 : tensor<4xf32>
    return
  }
}
