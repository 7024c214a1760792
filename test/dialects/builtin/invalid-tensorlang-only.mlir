// Float literals TensorLang refuses where MLIR 19 accepts them: values it would change. Floats
// are held as doubles, so an f80 or f128 value needs to be a double's; a value past the
// largest finite one of a type without infinities is not made MLIR's NaN.

func.func @f() {
  // expected-error @+1 {{0x3FFF8000000000000000000000000001 cannot be held exactly as f128 here (TensorLang keeps float values as doubles: 53 significant bits)}}
  %0 = arith.constant 0x3FFF8000000000000000000000000001 : f128
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{0x3FFFC000000000000001 cannot be held exactly as f80 here}}
  %0 = arith.constant 0x3FFFC000000000000001 : f80
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{1.0e400 is past a double's range, where TensorLang (as MLIR) reads decimal float literals: it cannot be held as f128 here}}
  %0 = arith.constant 1.0e400 : f128
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{1.0e-400 is past a double's range}}
  %0 = arith.constant 1.0e-400 : f80
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{1000.0 is out of range for f8E4M3FN (largest finite value 448; it has no infinity)}}
  %0 = arith.constant 1000.0 : f8E4M3FN
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{-250.0 is out of range for f8E4M3FNUZ (largest finite value 240; it has no infinity)}}
  %0 = arith.constant dense<[1.0, -250.0]> : tensor<2xf8E4M3FNUZ>
  return
}

// -----

// expected-error @+1 {{31.0 is out of range for f8E4M3B11FNUZ (largest finite value 30; it has no infinity)}}
func.func private @f() attributes {a = array<f8E4M3B11FNUZ: 31.0>}

// -----

// expected-error @+1 {{an element cannot be held exactly as f128 here}}
func.func private @f() attributes {a = dense<"0x0100000000000000000000000000FF3F"> : tensor<1xf128>}
