// Every math op on scalars, vectors and tensors, with and without fastmath flags.
func.func @unary(%a: f32, %v: vector<4xf32>, %t: tensor<2x3xf64>) -> f32 {
  %0 = math.exp %a : f32
  %1 = math.log %a fastmath<fast> : f32
  %2 = math.sqrt %a : f32
  %3 = math.rsqrt %v : vector<4xf32>
  %4 = math.tanh %v : vector<4xf32>
  %5 = math.absf %t : tensor<2x3xf64>
  %6 = math.sin %a : f32
  %7 = math.cos %a fastmath<nnan,ninf> : f32
  %8 = math.exp2 %a : f32
  %9 = math.expm1 %a : f32
  %10 = math.log2 %a : f32
  %11 = math.log10 %a : f32
  %12 = math.log1p %a : f32
  %13 = math.cbrt %a : f32
  %14 = math.tan %a : f32
  %15 = math.atan %a : f32
  %16 = math.floor %a : f32
  %17 = math.ceil %a : f32
  %18 = math.trunc %a : f32
  %19 = math.round %a : f32
  %20 = math.roundeven %a : f32
  %21 = math.acos %a : f32
  %22 = math.asin %a fastmath<nnan> : f32
  %23 = math.sinh %v : vector<4xf32>
  %24 = math.cosh %t : tensor<2x3xf64>
  %25 = math.acosh %a : f32
  %26 = math.asinh %a : f32
  %27 = math.atanh %a fastmath<fast> : f32
  return %0 : f32
}

func.func @binary(%a: f32, %b: f32, %c: f32, %v: vector<4xf32>) -> vector<4xf32> {
  %0 = math.powf %a, %b : f32
  %1 = math.fma %a, %b, %c : f32
  %2 = math.fma %v, %v, %v fastmath<contract> : vector<4xf32>
  %3 = math.atan2 %a, %b : f32
  %4 = math.copysign %a, %b : f32
  %5 = math.powf %v, %v : vector<4xf32>
  return %2 : vector<4xf32>
}

func.func @f16(%h: f16, %d: f64) -> f16 {
  %0 = math.exp %h : f16
  %1 = math.fma %d, %d, %d : f64
  return %0 : f16
}

func.func @integer(%n: i32, %v: vector<4xi64>, %a: f32, %fv: vector<4xf32>, %iv: vector<4xi32>) -> i32 {
  %0 = math.absi %n : i32
  %1 = math.ipowi %n, %0 : i32
  %2 = math.absi %v : vector<4xi64>
  %3 = math.fpowi %a, %n : f32, i32
  %4 = math.fpowi %fv, %iv fastmath<fast> : vector<4xf32>, vector<4xi32>
  %5 = math.erf %a : f32
  %6 = math.ctlz %n : i32
  %7 = math.cttz %v : vector<4xi64>
  %8 = math.ctpop %iv : vector<4xi32>
  return %1 : i32
}

// (a dynamic size is compatible with a static one)
func.func @fpowi_dynamic(%t: tensor<?xf32>, %u: tensor<4xi32>) -> tensor<?xf32> {
  %0 = math.fpowi %t, %u : tensor<?xf32>, tensor<4xi32>
  return %0 : tensor<?xf32>
}

func.func @bit_counts(%b: i1, %c: i8, %n: index, %t: tensor<2x2xi16>) -> index {
  %0 = math.ctlz %b : i1
  %1 = math.cttz %c : i8
  %2 = math.ctpop %n : index
  %3 = math.ctlz %t : tensor<2x2xi16>
  %4 = math.absi %n : index
  return %2 : index
}

// The exponentials, logarithms and atan2 on every float type and container, with flags.
func.func @exp_log_forms(%a: f32, %v: vector<4xf16>, %t: tensor<2x?xbf16>, %d: f64, %s: vector<[4]xf32>, %u: tensor<*xf64>) -> f32 {
  %0 = math.exp2 %a fastmath<nnan,ninf,nsz,arcp,contract,afn,reassoc> : f32
  %1 = math.expm1 %v fastmath<fast> : vector<4xf16>
  %2 = math.log2 %t {tag = 1 : i32} : tensor<2x?xbf16>
  %3 = math.log10 %d fastmath<none> : f64
  %4 = math.log1p %s fastmath<ninf> : vector<[4]xf32>
  %5 = math.atan2 %t, %t fastmath<afn> : tensor<2x?xbf16>
  %6 = "math.atan2"(%a, %a) <{fastmath = #arith.fastmath<nnan>}> : (f32, f32) -> f32
  %7 = "math.log1p"(%u) : (tensor<*xf64>) -> tensor<*xf64>
  %8 = math.expm1 %u : tensor<*xf64>
  return %6 : f32
}
