// Every tensorlang op on small constants, through a helper function with linear arguments.
func.func @layer(%x: !tensorlang.tensor<f32, 2, 3>, %w: !tensorlang.tensor<f32, 3, 4>) -> !tensorlang.tensor<f32, 2, 4> {
  %m = tensorlang.matmul %x, %w : !tensorlang.tensor<f32, 2, 3>, !tensorlang.tensor<f32, 3, 4> -> !tensorlang.tensor<f32, 2, 4>
  %r = tensorlang.relu %m : !tensorlang.tensor<f32, 2, 4>
  return %r : !tensorlang.tensor<f32, 2, 4>
}
func.func @main() {
  %x = tensorlang.constant dense<[[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]]> : !tensorlang.tensor<f32, 2, 3>
  %w = tensorlang.constant dense<[[0.5, -1.0, 0.25, 2.0], [1.0, 0.5, -0.5, 0.0], [-1.0, 1.5, 1.0, 0.5]]> : !tensorlang.tensor<f32, 3, 4>
  %h = call @layer(%x, %w) : (!tensorlang.tensor<f32, 2, 3>, !tensorlang.tensor<f32, 3, 4>) -> !tensorlang.tensor<f32, 2, 4>
  %c:2 = tensorlang.copy %h : !tensorlang.tensor<f32, 2, 4>
  tensorlang.print %c#0 : !tensorlang.tensor<f32, 2, 4>
  %s = tensorlang.softmax %c#1 {axis = 1} : !tensorlang.tensor<f32, 2, 4>
  %d:2 = tensorlang.copy %s : !tensorlang.tensor<f32, 2, 4>
  %e = tensorlang.add %d#0, %d#1 : !tensorlang.tensor<f32, 2, 4>
  %t = tensorlang.transpose %e : !tensorlang.tensor<f32, 2, 4> -> !tensorlang.tensor<f32, 4, 2>
  %g:2 = tensorlang.copy %t : !tensorlang.tensor<f32, 4, 2>
  %sum = tensorlang.reduce_sum %g#0 {axis = 0} : !tensorlang.tensor<f32, 4, 2> -> !tensorlang.tensor<f32, 2>
  tensorlang.print %sum : !tensorlang.tensor<f32, 2>
  %mx = tensorlang.reduce_max %g#1 {axis = 1} : !tensorlang.tensor<f32, 4, 2> -> !tensorlang.tensor<f32, 4>
  %ex = tensorlang.tanh %mx : !tensorlang.tensor<f32, 4>
  tensorlang.print %ex : !tensorlang.tensor<f32, 4>
  return
}
