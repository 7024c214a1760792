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

// -----

func.func @f(%a: vector<4xi32>) {
  // expected-error @+1 {{operand #0 must be floating-point-like, but got 'vector<4xi32>'}}
  %0 = math.log1p %a : vector<4xi32>
  return
}

// -----

func.func @f(%a: i32) {
  // expected-error @+1 {{operand #0 must be floating-point-like, but got 'i32'}}
  %0 = math.atan2 %a, %a : i32
  return
}

// -----

func.func @f(%a: f32) {
  // expected-error @+1 {{result #0 must be floating-point-like, but got 'i32'}}
  %0 = "math.expm1"(%a) : (f32) -> i32
  return
}

// -----

func.func @f(%a: i32) {
  // expected-error @+1 {{operand #0 must be floating-point-like, but got 'i32'}}
  %0 = "math.exp2"(%a) : (i32) -> f32
  return
}

// -----

func.func @f(%a: f32, %b: i32) {
  // expected-error @+1 {{operand #1 must be floating-point-like, but got 'i32'}}
  %0 = "math.atan2"(%a, %b) : (f32, i32) -> f32
  return
}

// -----

func.func @f(%a: f32) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %0 = "math.log10"(%a) : (f32) -> f64
  return
}

// -----

func.func @f(%a: tensor<2xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %0 = "math.atan2"(%a, %b) : (tensor<2xf32>, tensor<3xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @f(%a: f32) {
  // expected-error @+1 {{invalid properties {fastmath = 1 : i32} for op math.exp2: Invalid attribute `fastmath` in property conversion: 1 : i32}}
  %0 = "math.exp2"(%a) <{fastmath = 1 : i32}> : (f32) -> f32
  return
}

// -----

func.func @f(%a: f32) {
  // expected-error @+1 {{invalid properties {fastmath = #arith.overflow<nsw>} for op math.atan2: Invalid attribute `fastmath` in property conversion: #arith.overflow<nsw>}}
  %0 = "math.atan2"(%a, %a) <{fastmath = #arith.overflow<nsw>}> : (f32, f32) -> f32
  return
}

// -----

func.func @f(%a: f32, %n: i32) {
  // expected-error @+1 {{invalid properties {fastmath} for op math.fpowi: Invalid attribute `fastmath` in property conversion: unit}}
  %0 = "math.fpowi"(%a, %n) <{fastmath}> : (f32, i32) -> f32
  return
}

// -----

func.func @fpowi_unranked_beside_ranked(%t: tensor<*xf32>, %u: tensor<4xi32>) -> tensor<*xf32> {
  // expected-error @+1 {{'math.fpowi' op all non-scalar operands/results must have the same shape and base type}}
  %0 = math.fpowi %t, %u : tensor<*xf32>, tensor<4xi32>
  return %0 : tensor<*xf32>
}

// -----

func.func @fpowi_scalable_beside_fixed(%t: vector<4xf32>, %u: vector<[4]xi32>) -> vector<4xf32> {
  // expected-error @+1 {{'math.fpowi' op requires the same shape for all operands and results}}
  %0 = math.fpowi %t, %u : vector<4xf32>, vector<[4]xi32>
  return %0 : vector<4xf32>
}

// -----

func.func @fpowi_vector_and_tensor(%t: vector<4xf32>, %u: tensor<4xi32>) -> vector<4xf32> {
  // expected-error @+1 {{'math.fpowi' op all non-scalar operands/results must have the same shape and base type}}
  %0 = math.fpowi %t, %u : vector<4xf32>, tensor<4xi32>
  return %0 : vector<4xf32>
}
