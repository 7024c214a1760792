// Programs run by the reference interpreter before and after --convert-tensorlang-to-linalg
// (same output expected); every one is linear (passes --verify-linearity).
func.func @main() {
  %a = tensorlang.constant dense<[[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]]> : !tensorlang.tensor<f32, 2, 3>
  %b = tensorlang.constant dense<[[0.5, 1.0], [1.5, 2.0], [2.5, 3.0]]> : !tensorlang.tensor<f32, 3, 2>
  %c = tensorlang.matmul %a, %b : !tensorlang.tensor<f32, 2, 3>, !tensorlang.tensor<f32, 3, 2> -> !tensorlang.tensor<f32, 2, 2>
  %c1, %c2 = tensorlang.copy %c : !tensorlang.tensor<f32, 2, 2>
  %d = tensorlang.add %c1, %c2 : !tensorlang.tensor<f32, 2, 2>
  %d1, %d2 = tensorlang.copy %d : !tensorlang.tensor<f32, 2, 2>
  %e = tensorlang.sub %d1, %d2 : !tensorlang.tensor<f32, 2, 2>
  tensorlang.print %e : !tensorlang.tensor<f32, 2, 2>
  %one = tensorlang.constant dense<[[1.0, 2.0], [4.0, 8.0]]> : !tensorlang.tensor<f32, 2, 2>
  %two = tensorlang.constant dense<[[2.0, 2.0], [-2.0, 16.0]]> : !tensorlang.tensor<f32, 2, 2>
  %o1, %o2 = tensorlang.copy %one : !tensorlang.tensor<f32, 2, 2>
  %t1, %t2 = tensorlang.copy %two : !tensorlang.tensor<f32, 2, 2>
  %m = tensorlang.mul %o1, %t1 : !tensorlang.tensor<f32, 2, 2>
  %q = tensorlang.div %m, %t2 : !tensorlang.tensor<f32, 2, 2>
  %x = tensorlang.max %q, %o2 : !tensorlang.tensor<f32, 2, 2>
  tensorlang.print %x : !tensorlang.tensor<f32, 2, 2>
  return
}

// -----
func.func @main() {
  %a = tensorlang.constant dense<[[1.0, -2.0, 3.0], [-4.0, 0.5, -6.0]]> : !tensorlang.tensor<f32, 2, 3>
  %r = tensorlang.relu %a : !tensorlang.tensor<f32, 2, 3>
  %r1, %r2 = tensorlang.copy %r : !tensorlang.tensor<f32, 2, 3>
  tensorlang.print %r1 : !tensorlang.tensor<f32, 2, 3>
  %t = tensorlang.transpose %r2 : !tensorlang.tensor<f32, 2, 3> -> !tensorlang.tensor<f32, 3, 2>
  %t1, %t2 = tensorlang.copy %t : !tensorlang.tensor<f32, 3, 2>
  tensorlang.print %t1 : !tensorlang.tensor<f32, 3, 2>
  %e = tensorlang.exp %t2 : !tensorlang.tensor<f32, 3, 2>
  %h = tensorlang.tanh %e : !tensorlang.tensor<f32, 3, 2>
  tensorlang.print %h : !tensorlang.tensor<f32, 3, 2>
  return
}

// -----
func.func @main() {
  %a = tensorlang.constant dense<[[1.0, 2.0, 3.0], [4.0, 0.5, -6.0]]> : !tensorlang.tensor<f32, 2, 3>
  %a1, %a2 = tensorlang.copy %a : !tensorlang.tensor<f32, 2, 3>
  %a3, %a4 = tensorlang.copy %a2 : !tensorlang.tensor<f32, 2, 3>
  %s0 = tensorlang.reduce_sum %a1 {axis = 0} : !tensorlang.tensor<f32, 2, 3> -> !tensorlang.tensor<f32, 3>
  tensorlang.print %s0 : !tensorlang.tensor<f32, 3>
  %m1 = tensorlang.reduce_max %a3 {axis = 1} : !tensorlang.tensor<f32, 2, 3> -> !tensorlang.tensor<f32, 2>
  %all = tensorlang.reduce_max %m1 {axis = 0} : !tensorlang.tensor<f32, 2> -> !tensorlang.tensor<f32>
  tensorlang.print %all : !tensorlang.tensor<f32>
  %sm = tensorlang.softmax %a4 {axis = 1} : !tensorlang.tensor<f32, 2, 3>
  tensorlang.print %sm : !tensorlang.tensor<f32, 2, 3>
  return
}

// -----
func.func @main() {
  %a = tensorlang.constant dense<[[1, -2], [3, 4]]> : tensor<2x2xi32>
  %b = tensorlang.constant dense<[[5, 6], [-7, 8]]> : tensor<2x2xi32>
  %c = tensorlang.matmul %a, %b : tensor<2x2xi32>, tensor<2x2xi32> -> tensor<2x2xi32>
  %r = tensorlang.relu %c : tensor<2x2xi32>
  %s = tensorlang.reduce_sum %r {axis = 1} : tensor<2x2xi32> -> tensor<2xi32>
  %m = tensorlang.max %c, %c : tensor<2x2xi32>
  tensorlang.print %c : tensor<2x2xi32>
  tensorlang.print %s : tensor<2xi32>
  tensorlang.print %m : tensor<2x2xi32>
  return
}

// -----
func.func @scale(%x: !tensorlang.tensor<f32, "n", 2>, %w: !tensorlang.tensor<f32, 2, 2>) -> !tensorlang.tensor<f32, "n", 2> {
  %n = tensorlang.symbolic_dim "n"
  %c2 = arith.constant 2 : index
  %ok = arith.cmpi eq, %n, %c2 : index
  tensorlang.assert %ok, "two rows expected"
  %y = tensorlang.matmul %x, %w : !tensorlang.tensor<f32, "n", 2>, !tensorlang.tensor<f32, 2, 2> -> !tensorlang.tensor<f32, "n", 2>
  return %y : !tensorlang.tensor<f32, "n", 2>
}
func.func @main() {
  %a = tensorlang.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32> : !tensorlang.tensor<f32, "n", 2>
  %w = tensorlang.constant dense<[[0.0, 1.0], [1.0, 0.0]]> : !tensorlang.tensor<f32, 2, 2>
  %y = func.call @scale(%a, %w) : (!tensorlang.tensor<f32, "n", 2>, !tensorlang.tensor<f32, 2, 2>) -> !tensorlang.tensor<f32, "n", 2>
  tensorlang.print %y : !tensorlang.tensor<f32, "n", 2>
  return
}

// -----
// Unknown sizes everywhere: every new tensor takes its sizes from tensor.dim.
func.func @f(%a: !tensorlang.tensor<f32, ?, ?>, %b: !tensorlang.tensor<f32, ?, ?>) -> !tensorlang.tensor<f32> {
  %s = tensorlang.constant dense<2.0> : !tensorlang.tensor<f32>
  %0 = tensorlang.sub %a, %b : !tensorlang.tensor<f32, ?, ?>
  %1 = tensorlang.transpose %0 : !tensorlang.tensor<f32, ?, ?> -> !tensorlang.tensor<f32, ?, ?>
  %2 = tensorlang.softmax %1 {axis = 0} : !tensorlang.tensor<f32, ?, ?>
  %3 = tensorlang.reduce_sum %2 {axis = 1} : !tensorlang.tensor<f32, ?, ?> -> !tensorlang.tensor<f32, ?>
  %4 = tensorlang.reduce_max %3 {axis = 0} : !tensorlang.tensor<f32, ?> -> !tensorlang.tensor<f32>
  %5 = tensorlang.mul %4, %s : !tensorlang.tensor<f32>
  return %5 : !tensorlang.tensor<f32>
}
func.func @main() {
  %a = tensorlang.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32> : !tensorlang.tensor<f32, ?, ?>
  %b = tensorlang.constant dense<[[0.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32> : !tensorlang.tensor<f32, ?, ?>
  %r = func.call @f(%a, %b) : (!tensorlang.tensor<f32, ?, ?>, !tensorlang.tensor<f32, ?, ?>) -> !tensorlang.tensor<f32>
  tensorlang.print %r : !tensorlang.tensor<f32>
  return
}
