func.func @exp_of_int(%a: i32) {
  // expected-error @+1 {{operand #0 must be floating-point-like, but got 'i32'}}
  %0 = math.exp %a : i32
  return
}

// -----

func.func @fma_of_index(%a: index) {
  // expected-error @+1 {{must be floating-point-like}}
  %0 = "math.fma"(%a, %a, %a) : (index, index, index) -> index
  return
}

// -----

func.func @powf_mixed(%a: f32, %b: f64) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %0 = "math.powf"(%a, %b) : (f32, f64) -> f32
  return
}

// -----

func.func @wrong_arity(%a: f32) {
  // expected-error @+1 {{requires 1 operands, but found 2}}
  %0 = "math.sqrt"(%a, %a) : (f32, f32) -> f32
  return
}
