// RUN: tensorlang-opt --verify-linearity --split-input-file --verify-diagnostics
// Linear values used exactly once: no diagnostics.
func.func @ok(%a: !tensorlang.tensor<f32, 4>, %b: tensor<4xf32>) -> !tensorlang.tensor<f32, 4> {
  %0 = tensorlang.constant dense<1.0> : !tensorlang.tensor<f32, 4>
  %1:2 = tensorlang.copy %a : !tensorlang.tensor<f32, 4>
  %2 = tensorlang.add %1#0, %1#1 : !tensorlang.tensor<f32, 4>
  %3 = tensorlang.mul %2, %0 : !tensorlang.tensor<f32, 4>
  // Builtin tensors are not linear: any number of uses.
  %4 = tensorlang.add %b, %b : tensor<4xf32>
  tensorlang.print %4 : tensor<4xf32>
  return %3 : !tensorlang.tensor<f32, 4>
}

// -----
func.func @double_use() {
  // expected-error @+1 {{result with linear type must be used exactly once}}
  %0 = tensorlang.constant dense<1.0> : !tensorlang.tensor<f32, 4>
  %1 = tensorlang.add %0, %0 : !tensorlang.tensor<f32, 4>
  tensorlang.print %1 : !tensorlang.tensor<f32, 4>
  return
}

// -----
func.func @no_use() {
  // expected-error @+1 {{result with linear type must be used exactly once}}
  %0 = tensorlang.constant dense<1.0> : !tensorlang.tensor<f32, 4>
  return
}

// -----
func.func @used_in_two_ops() {
  // expected-error @+1 {{result with linear type must be used exactly once}}
  %0 = tensorlang.constant dense<1.0> : !tensorlang.tensor<f32, 4>
  tensorlang.print %0 : !tensorlang.tensor<f32, 4>
  tensorlang.print %0 : !tensorlang.tensor<f32, 4>
  return
}

// -----
// expected-error @+1 {{result with linear type must be used exactly once}}
func.func @unused_arg(%a: !tensorlang.tensor<f32, 4>) {
  return
}

// -----
// expected-error @+1 {{result with linear type must be used exactly once}}
func.func @arg_twice(%a: !tensorlang.tensor<f32, 2, 2>) {
  %0 = tensorlang.matmul %a, %a : !tensorlang.tensor<f32, 2, 2>, !tensorlang.tensor<f32, 2, 2> -> !tensorlang.tensor<f32, 2, 2>
  tensorlang.print %0 : !tensorlang.tensor<f32, 2, 2>
  return
}

// -----
func.func @copy_results(%a: !tensorlang.tensor<f32, 4>) {
  // expected-error @+2 {{result with linear type must be used exactly once}}
  // expected-error @+1 {{result with linear type must be used exactly once}}
  %0:2 = tensorlang.copy %a : !tensorlang.tensor<f32, 4>
  return
}

// -----
func.func private @make() -> !tensorlang.tensor<f32, 4>
func.func @call_result() {
  // expected-error @+1 {{result with linear type must be used exactly once}}
  %0 = func.call @make() : () -> !tensorlang.tensor<f32, 4>
  return
}

// -----
func.func @in_region(%c: i1) {
  // expected-error @+1 {{result with linear type must be used exactly once}}
  %0 = tensorlang.constant dense<1.0> : !tensorlang.tensor<f32, 4>
  scf.if %c {
    tensorlang.print %0 : !tensorlang.tensor<f32, 4>
  }
  tensorlang.print %0 : !tensorlang.tensor<f32, 4>
  return
}

// -----
func.func @consumed_in_loop(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{result with linear type must be used exactly once}}
  %0 = tensorlang.constant dense<1.0> : !tensorlang.tensor<f32, 4>
  scf.for %i = %c0 to %n step %c1 {
    tensorlang.print %0 : !tensorlang.tensor<f32, 4>
  }
  return
}

// -----
// Loop-carried linear values go through iter_args: fine.
func.func @carried(%n: index, %x: !tensorlang.tensor<f32, 4>) -> !tensorlang.tensor<f32, 4> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (!tensorlang.tensor<f32, 4>) {
    %y = tensorlang.relu %acc : !tensorlang.tensor<f32, 4>
    scf.yield %y : !tensorlang.tensor<f32, 4>
  }
  return %r : !tensorlang.tensor<f32, 4>
}
