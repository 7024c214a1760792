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

// -----

// Resource blobs mlir-opt 19 keeps without reading them: a blob whose size is not its type's
// (kept unread), an alignment of 0 (it runs out of memory), an unranked type. TensorLang reads
// blobs to run them, so each is an error at the name. (A name no section defines is kept, as
// mlir-opt keeps it: the engines refuse it where they need its values.)

func.func @f() -> tensor<3xf32> {
  // expected-error @+1 {{resource 'b' holds 8 bytes, but tensor<3xf32> needs 12 (3 elements of 4 bytes)}}
  %0 = arith.constant dense_resource<b> : tensor<3xf32>
  return %0 : tensor<3xf32>
}
{-#
  dialect_resources: { builtin: { b: "0x040000000000803F00000040" } }
#-}

// -----

// i1 elements are one byte each in a blob.
// expected-error @+1 {{resource 'm' holds 3 bytes, but tensor<2x2xi1> needs 4 (4 elements of 1 byte)}}
memref.global "private" constant @g : memref<2x2xi1> = dense_resource<m>
{-#
  dialect_resources: { builtin: { m: "0x01000000010001" } }
#-}

// -----

{-#
  // expected-error @+1 {{expected hex string blob for key 'b' to encode alignment in first 4 bytes, but got non-power-of-2 value: 0}}
  dialect_resources: { builtin: { b: "0x00000000" } }
#-}

// -----

// expected-error @+1 {{TensorLang supports `dense_resource` of ranked types only}}
func.func @f() attributes {a = dense_resource<b> : tensor<*xf32>} {
  return
}
{-#
  dialect_resources: { builtin: { b: "0x04000000" } }
#-}

// -----


// Plain floats for complex elements: mlir-opt 19 crashes printing them; TensorLang keeps no
// complex values (this crashed its element conversion: fuzzing).
// expected-error @+1 {{TensorLang keeps no values of complex<f32> elements}}
func.func @dense_complex_plain_floats() attributes {a = dense<[[0.5, 1.0]]> : tensor<1x2xcomplex<f32>>} {
  return
}

// -----

// expected-error @+1 {{TensorLang keeps no values of vector<2xf32> elements}}
func.func @dense_vector_elements() attributes {a = dense<1> : tensor<1xvector<2xf32>>} {
  return
}
