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
