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
  // expected-error @+1 {{requires a single operand}}
  %0 = "math.sqrt"(%a, %a) : (f32, f32) -> f32
  return
}

// -----

func.func @absi_float(%a: f32) {
  // expected-error @+1 {{operand #0 must be signless-integer-like, but got 'f32'}}
  %0 = math.absi %a : f32
  return
}

// -----

func.func @fpowi_base(%a: i32) {
  // expected-error @+1 {{operand #0 must be floating-point-like, but got 'i32'}}
  %0 = math.fpowi %a, %a : i32, i32
  return
}

// -----

func.func @fpowi_exponent(%a: f32) {
  // expected-error @+1 {{operand #1 must be signless-integer-like, but got 'f32'}}
  %0 = math.fpowi %a, %a : f32, f32
  return
}

// -----

func.func @fpowi_shape(%a: vector<4xf32>, %n: i32) {
  // expected-error @+1 {{requires the same shape for all operands and results}}
  %0 = math.fpowi %a, %n : vector<4xf32>, i32
  return
}

// -----

func.func @fpowi_result(%a: f32, %n: i32) {
  // expected-error @+1 {{failed to verify that all of {lhs, result} have same type}}
  %0 = "math.fpowi"(%a, %n) : (f32, i32) -> f64
  return
}

// -----

func.func @fpowi_types(%a: f32, %n: i32) {
  // expected-error @+1 {{expected ','}}
  %0 = math.fpowi %a, %n : f32
  return
}

// -----

func.func @acosh_of_int(%a: i64) {
  // expected-error @+1 {{operand #0 must be floating-point-like, but got 'i64'}}
  %0 = math.acosh %a : i64
  return
}

// -----

func.func @ctlz_of_float(%a: f32) {
  // expected-error @+1 {{operand #0 must be signless-integer-like, but got 'f32'}}
  %0 = math.ctlz %a : f32
  return
}

// -----

func.func @ctpop_fastmath(%a: i32) {
  // expected-error @+1 {{expected ':'}}
  %0 = math.ctpop %a fastmath<fast> : i32
  return
}

// -----

func.func @cttz_mixed(%a: i32) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %0 = "math.cttz"(%a) : (i32) -> i64
  return
}
