// Every arith op on scalars, vectors and tensors, with its flags and rounding modes.
func.func @integer(%a: i32, %b: i32, %v: vector<4xi32>, %t: tensor<2xi64>, %n: index) -> i32 {
  %0 = arith.addi %a, %b : i32
  %1 = arith.addi %a, %b overflow<nsw, nuw> : i32
  %2 = arith.subi %a, %b overflow<nsw> : i32
  %3 = arith.muli %v, %v overflow<nuw> : vector<4xi32>
  %4 = arith.shli %a, %b overflow<nsw, nuw> : i32
  %5 = arith.divsi %a, %b : i32
  %6 = arith.divui %t, %t : tensor<2xi64>
  %7 = arith.remsi %a, %b : i32
  %8 = arith.remui %a, %b : i32
  %9 = arith.ceildivsi %a, %b : i32
  %10 = arith.ceildivui %a, %b : i32
  %11 = arith.floordivsi %n, %n : index
  %12 = arith.andi %a, %b : i32
  %13 = arith.ori %a, %b : i32
  %14 = arith.xori %a, %b : i32
  %15 = arith.shrsi %a, %b : i32
  %16 = arith.shrui %a, %b : i32
  %17 = arith.maxsi %a, %b : i32
  %18 = arith.minsi %a, %b : i32
  %19 = arith.maxui %a, %b : i32
  %20 = arith.minui %a, %b : i32
  %21 = arith.ceildivui %v, %v : vector<4xi32>
  return %0 : i32
}

func.func @extended(%a: i32, %b: i32, %v: vector<4xi32>, %t: tensor<2xi64>, %n: index) -> (i32, i1) {
  %sum, %overflow = arith.addui_extended %a, %b : i32, i1
  %sum_0, %overflow_1 = arith.addui_extended %v, %v : vector<4xi32>, vector<4xi1>
  %low, %high = arith.mulsi_extended %a, %b : i32
  %low_2, %high_3 = arith.mului_extended %t, %t : tensor<2xi64>
  %low_4, %high_5 = arith.mului_extended %n, %n : index
  %sum_6, %overflow_7 = arith.addui_extended %n, %n : index, i1
  return %sum, %overflow : i32, i1
}

// (a dynamic size is compatible with a static one)
func.func @extended_dynamic(%t: tensor<?xi32>) -> tensor<4xi1> {
  %sum, %overflow = arith.addui_extended %t, %t : tensor<?xi32>, tensor<4xi1>
  return %overflow : tensor<4xi1>
}

func.func @float(%x: f32, %y: f32, %v: vector<4xf32>, %d: f64) -> f32 {
  %0 = arith.addf %x, %y : f32
  %1 = arith.addf %x, %y fastmath<nnan,ninf> : f32
  %2 = arith.subf %x, %y fastmath<fast> : f32
  %3 = arith.mulf %v, %v fastmath<reassoc,contract> : vector<4xf32>
  %4 = arith.divf %x, %y fastmath<arcp> : f32
  %5 = arith.remf %x, %y : f32
  %6 = arith.negf %x fastmath<nsz> : f32
  %7 = arith.maximumf %x, %y : f32
  %8 = arith.minimumf %x, %y : f32
  %9 = arith.maxnumf %x, %y fastmath<afn> : f32
  %10 = arith.minnumf %x, %y : f32
  %11 = arith.cmpf olt, %x, %y fastmath<nnan> : f32
  // the generic form's flags in any order, held (and printed) in MLIR's
  %g0 = "arith.addf"(%x, %y) <{fastmath = #arith.fastmath<ninf,nnan>}> : (f32, f32) -> f32
  %g1 = "arith.mulf"(%x, %y) <{fastmath = #arith.fastmath<contract,reassoc,nsz>}> : (f32, f32) -> f32
  %12 = arith.cmpf uno, %v, %v : vector<4xf32>
  %13 = arith.select %11, %x, %y : f32
  %14 = arith.select %12, %v, %v : vector<4xi1>, vector<4xf32>
  return %0 : f32
}

func.func @casts(%a: i32, %x: f32, %d: f64, %n: index, %v: vector<4xf64>) -> f32 {
  %0 = arith.extf %x : f32 to f64
  %1 = arith.extf %x fastmath<fast> : f32 to f64
  %2 = arith.truncf %d : f64 to f32
  %3 = arith.truncf %d to_nearest_even : f64 to f32
  %4 = arith.truncf %d downward : f64 to f32
  %5 = arith.truncf %d upward fastmath<nnan> : f64 to f32
  %6 = arith.truncf %d toward_zero : f64 to f32
  %7 = arith.truncf %v to_nearest_away : vector<4xf64> to vector<4xf32>
  %8 = arith.truncf %x : f32 to bf16
  %9 = arith.extsi %a : i32 to i64
  %10 = arith.extui %a : i32 to i64
  %11 = arith.trunci %a : i32 to i8
  %12 = arith.sitofp %a : i32 to f32
  %13 = arith.uitofp %a : i32 to f64
  %14 = arith.fptosi %x : f32 to i16
  %15 = arith.fptoui %d : f64 to i32
  %16 = arith.index_cast %n : index to i32
  %17 = arith.index_castui %a : i32 to index
  %18 = arith.bitcast %x : f32 to i32
  %19 = arith.cmpi ult, %a, %a : i32
  %c7_i32 = arith.constant 7 : i32
  %cst = arith.constant dense<[1.000000e+00, 2.000000e+00]> : vector<2xf32>
  %true = arith.constant true
  return %2 : f32
}

// Comparisons of tensors give i1 tensors of their shape (and encoding); casts keep shapes.
func.func @tensor_compare(%a: tensor<i32>, %b: tensor<4x?xf32, "enc">) -> (i1, tensor<4x?xi1, "enc">, tensor<4xi64>) {
  %0 = arith.cmpi slt, %a, %a : tensor<i32>
  %1 = tensor.extract %0[] : tensor<i1>
  %2 = arith.cmpf olt, %b, %b : tensor<4x?xf32, "enc">
  %3 = arith.constant dense<[1, 2, 3, 4]> : tensor<4xindex>
  %4 = arith.index_cast %3 : tensor<4xindex> to tensor<4xi64>
  return %1, %2, %4 : i1, tensor<4x?xi1, "enc">, tensor<4xi64>
}

// Integers wider than 64 bits keep every bit.
func.func @wide_integers() -> (i128, i65, vector<2xi128>) {
  %0 = arith.constant 85070591730234615865843651857942052864 : i128
  %1 = arith.constant 18446744073709551616 : i65
  %2 = arith.constant dense<[18446744073709551615, -1]> : vector<2xi128>
  return %0, %1, %2 : i128, i65, vector<2xi128>
}

// i0 is an integer type: it extends and truncates.
func.func @zero_width(%a: i0, %b: i8) -> (i16, i0) {
  %0 = arith.extsi %a : i0 to i16
  %1 = arith.trunci %b : i8 to i0
  return %0, %1 : i16, i0
}
