// The elementwise, broadcast and mean ops a layer needs: bias added through broadcast, sigmoid, abs/sqrt/log/neg/rsqrt, reduce_mean, and integer abs (which wraps).
func.func @layer(%x: !tensorlang.tensor<f32, 4, 3>, %w: !tensorlang.tensor<f32, 3, 2>, %b: !tensorlang.tensor<f32, 2>) -> !tensorlang.tensor<f32, 4, 2> {
  %h = tensorlang.matmul %x, %w : !tensorlang.tensor<f32, 4, 3>, !tensorlang.tensor<f32, 3, 2> -> !tensorlang.tensor<f32, 4, 2>
  %bb = tensorlang.broadcast %b : !tensorlang.tensor<f32, 2> -> !tensorlang.tensor<f32, 4, 2>
  %y = tensorlang.add %h, %bb : !tensorlang.tensor<f32, 4, 2>
  %s = tensorlang.sigmoid %y : !tensorlang.tensor<f32, 4, 2>
  return %s : !tensorlang.tensor<f32, 4, 2>
}
func.func @main() {
  %x = tensorlang.constant dense<[[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0], [0.5, 0.25, -0.125], [2.0, 2.0, 2.0]]> : !tensorlang.tensor<f32, 4, 3>
  %xd = tensorlang.constant dense<[[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0], [0.5, 0.25, -0.125], [2.0, 2.0, 2.0]]> : !tensorlang.tensor<f32, 4, 3>
  %w = tensorlang.constant dense<[[0.5, 1.0], [1.5, -2.0], [2.5, 3.0]]> : !tensorlang.tensor<f32, 3, 2>
  %b = tensorlang.constant dense<[0.25, -0.5]> : !tensorlang.tensor<f32, 2>
  %l = func.call @layer(%xd, %w, %b) : (!tensorlang.tensor<f32, 4, 3>, !tensorlang.tensor<f32, 3, 2>, !tensorlang.tensor<f32, 2>) -> !tensorlang.tensor<f32, 4, 2>
  tensorlang.print %l : !tensorlang.tensor<f32, 4, 2>
  %a = tensorlang.abs %x : !tensorlang.tensor<f32, 4, 3>
  %a1, %a2 = tensorlang.copy %a : !tensorlang.tensor<f32, 4, 3>
  %sq = tensorlang.sqrt %a1 : !tensorlang.tensor<f32, 4, 3>
  %lg = tensorlang.log %a2 : !tensorlang.tensor<f32, 4, 3>
  %n = tensorlang.neg %lg : !tensorlang.tensor<f32, 4, 3>
  %r = tensorlang.rsqrt %sq : !tensorlang.tensor<f32, 4, 3>
  %m = tensorlang.mul %r, %n : !tensorlang.tensor<f32, 4, 3>
  %mean = tensorlang.reduce_mean %m {axis = 1} : !tensorlang.tensor<f32, 4, 3> -> !tensorlang.tensor<f32, 4>
  tensorlang.print %mean : !tensorlang.tensor<f32, 4>
  %i = tensorlang.constant dense<[-3, 4, -2147483648]> : !tensorlang.tensor<i32, 3>
  %ia = tensorlang.abs %i : !tensorlang.tensor<i32, 3>
  %ib = tensorlang.broadcast %ia : !tensorlang.tensor<i32, 3> -> !tensorlang.tensor<i32, 2, 3>
  tensorlang.print %ib : !tensorlang.tensor<i32, 2, 3>
  return
}
