// Builtin types beyond iN, index and f16..f64: integers with signedness, the other floats of
// MLIR 19, complex numbers and scalable vectors, in signatures, as element types, in constants.

// Element types MLIR allows: memrefs of memrefs, vectors and complex; tensors of any non-builtin type.
func.func private @element_types(memref<2xmemref<4xf32>>, memref<*xmemref<2xi8>>, memref<2xvector<4xf32>>, memref<2xcomplex<f32>>, tensor<2x!llvm.ptr>, tensor<2xvector<2xi1>>, tensor<2xcomplex<f64>>)

func.func @signedness(%a: si8, %b: ui1, %c: si64, %d: ui7, %e: si0, %f: ui16777215) -> (si8, ui1) {
  return %a, %b : si8, ui1
}

func.func @signedness_elements(%t: tensor<4xui32>, %m: memref<2x?xsi16>, %v: vector<4xui8>, %u: tensor<*xsi8>,
                               %w: memref<*xui64>, %x: tuple<si8, ui8>) -> tensor<4xui32> {
  return %t : tensor<4xui32>
}

func.func @signedness_constants() -> (tensor<2xui8>, tensor<2xsi8>, tensor<2xui64>)
    attributes {a = 255 : ui8, b = -128 : si8, c = 127 : si8, d = array<ui8: 1, 255>, e = array<si8: -1>} {
  %0 = arith.constant dense<[255, 0]> : tensor<2xui8>
  %1 = arith.constant dense<[-1, 1]> : tensor<2xsi8>
  %2 = arith.constant dense<18446744073709551615> : tensor<2xui64>
  return %0, %1, %2 : tensor<2xui8>, tensor<2xsi8>, tensor<2xui64>
}

func.func @floats(%a: f80, %b: f128, %c: tf32, %d: f8E5M2, %e: f8E4M3, %f: f8E4M3FN, %g: f8E5M2FNUZ,
                  %h: f8E4M3FNUZ, %i: f8E4M3B11FNUZ, %t: tensor<2xf128>, %m: memref<4xf8E4M3FN>, %v: vector<4xtf32>) -> f128 {
  %0 = arith.addf %b, %b : f128
  %1 = arith.mulf %d, %d : f8E5M2
  %2 = arith.truncf %b : f128 to f80
  %3 = arith.extf %f : f8E4M3FN to f32
  %4 = arith.cmpf olt, %c, %c : tf32
  return %0 : f128
}

func.func @float_constants() {
  %0 = arith.constant 1.5 : f128
  %1 = arith.constant 0.1 : f128
  %2 = arith.constant 0.1 : f80
  %3 = arith.constant 3.0 : f128
  %4 = arith.constant 0x7FFF0000000000000000000000000000 : f128
  %5 = arith.constant 0x7FFF8000000000000000 : f80
  %6 = arith.constant 2.0e-320 : f128
  %7 = arith.constant 0.1 : tf32
  %8 = arith.constant 0x3FC00 : tf32
  %9 = arith.constant 0.3 : f8E5M2
  %10 = arith.constant 100000.0 : f8E5M2
  %11 = arith.constant 448.0 : f8E4M3FN
  %12 = arith.constant 0x7F : f8E4M3FN
  %13 = arith.constant 0x80 : f8E4M3FNUZ
  %14 = arith.constant -0.0 : f8E4M3FNUZ
  %15 = arith.constant 1.1 : f8E4M3B11FNUZ
  %16 = arith.constant 0x7E : f8E4M3
  %17 = arith.constant 1.0e-300 : f8E5M2FNUZ
  %18 = arith.constant dense<[1.5, 0.1]> : tensor<2xf128>
  %19 = arith.constant dense<[0.1, 1.0]> : tensor<2xf8E4M3FN>
  %20 = arith.constant dense<"0x0000000000000000000000000000FF3F"> : tensor<1xf128>
  return
}

func.func @complex(%a: complex<f32>, %b: tensor<2xcomplex<f64>>, %c: memref<3xcomplex<i32>>, %d: complex<si8>,
                   %e: complex<f8E4M3FN>, %f: tensor<*xcomplex<f128>>, %i: index) -> complex<f32> {
  %0 = memref.load %c[%i] : memref<3xcomplex<i32>>
  return %a : complex<f32>
}

func.func @scalable(%v: vector<[4]xf32>, %w: vector<2x[4]xf32>, %x: vector<[2]x[4]xi8>, %m: memref<?xf32>, %i: index, %s: f32) -> vector<[4]xf32> {
  %a = arith.addf %v, %v : vector<[4]xf32>
  %c = arith.cmpf olt, %v, %a : vector<[4]xf32>
  %sel = arith.select %c, %v, %a : vector<[4]xi1>, vector<[4]xf32>
  %b = vector.broadcast %s : f32 to vector<[4]xf32>
  %e = vector.extract %w[0] : vector<[4]xf32> from vector<2x[4]xf32>
  %ins = vector.insert %v, %w [1] : vector<[4]xf32> into vector<2x[4]xf32>
  %r = vector.reduction <add>, %v : vector<[4]xf32> into f32
  %l = vector.load %m[%i] : memref<?xf32>, vector<[4]xf32>
  %mask = vector.create_mask %i : vector<[4]xi1>
  %cm = vector.constant_mask [1, 4] : vector<2x[4]xi1>
  %t = vector.transfer_read %m[%i], %s : memref<?xf32>, vector<[4]xf32>
  %sl = vector.extract_strided_slice %w {offsets = [1], sizes = [1], strides = [1]} : vector<2x[4]xf32> to vector<1x[4]xf32>
  %mr = vector.multi_reduction <add>, %w, %v [0] : vector<2x[4]xf32> to vector<[4]xf32>
  %cst = arith.constant dense<1.0> : vector<[4]xf32>
  return %sel : vector<[4]xf32>
}

// Elements held in resource blobs (`dense_resource`), as model exporters write weights: one blob
// seen as several types, in attributes, in a global; the section (after the module, where
// mlir-opt prints it) keeps only the blobs used, and the external resources.
memref.global "private" constant @resource_global : memref<2x2xf16> = dense_resource<half_weights>

func.func @resources() -> (tensor<2xf32>, tensor<8xi8>, tensor<2x2xi1>, vector<2xi32>, tensor<1xf64>)
    attributes {blobs = [dense_resource<bytes.v1$> : tensor<2xui8>, {nested = dense_resource<weights> : tensor<4xi16>}]} {
  %0 = arith.constant dense_resource<weights> : tensor<2xf32>
  %1 = arith.constant dense_resource<weights> : tensor<8xi8>
  %2 = arith.constant dense_resource<mask> : tensor<2x2xi1>
  %3 = arith.constant dense_resource<weights> : vector<2xi32>
  %4 = arith.constant dense_resource<wide> : tensor<1xf64>
  return %0, %1, %2, %3, %4 : tensor<2xf32>, tensor<8xi8>, tensor<2x2xi1>, vector<2xi32>, tensor<1xf64>
}

// sparse<indices, values>: the listed elements, the others zero (one index per row, a splat for
// one index of equal coordinates, `sparse<>` for none; many values print in hex).
memref.global "private" constant @sparse_global : memref<2x3xi32> = sparse<[[0, 1], [1, 2]], [5, 7]>
memref.global "private" constant @sparse_none : memref<4xf32> = sparse<>

func.func @sparse() -> (tensor<2x2xf32>, vector<2x2xi32>, tensor<4xi64>, tensor<3xi1>, tensor<2x2xf16>, tensor<12x12xi8>)
    attributes {a = [sparse<[[0, 0, 1]], [1.5]> : tensor<1x1x2xf64>, {b = sparse<0, 2> : tensor<3xindex>}], c = sparse<> : tensor<0xi8>} {
  %0 = arith.constant sparse<[[0, 1], [1, 0]], [2.5, -1.0]> : tensor<2x2xf32>
  %1 = arith.constant sparse<[[1, 1]], [3]> : vector<2x2xi32>
  %2 = arith.constant sparse<[0, 3], [-9223372036854775808, 9223372036854775807]> : tensor<4xi64>
  %3 = arith.constant sparse<[2, 0], true> : tensor<3xi1>
  %4 = arith.constant sparse<[[1, 1]], "0x003C"> : tensor<2x2xf16>
  %5 = arith.constant sparse<[[0, 0], [0, 5], [0, 10], [0, 3], [0, 8], [0, 1], [0, 6], [0, 11], [0, 4], [0, 9], [0, 2], [0, 7], [1, 0], [1, 5], [1, 10], [1, 3], [1, 8], [1, 1], [1, 6], [1, 11], [1, 4], [1, 9], [1, 2], [1, 7], [2, 0], [2, 5], [2, 10], [2, 3], [2, 8], [2, 1], [2, 6], [2, 11], [2, 4], [2, 9], [2, 2], [2, 7], [3, 0], [3, 5], [3, 10], [3, 3], [3, 8], [3, 1], [3, 6], [3, 11], [3, 4], [3, 9], [3, 2], [3, 7], [4, 0], [4, 5], [4, 10], [4, 3], [4, 8], [4, 1], [4, 6], [4, 11], [4, 4], [4, 9], [4, 2], [4, 7], [5, 0], [5, 5], [5, 10], [5, 3], [5, 8], [5, 1], [5, 6], [5, 11], [5, 4], [5, 9], [5, 2], [5, 7], [6, 0], [6, 5], [6, 10], [6, 3], [6, 8], [6, 1], [6, 6], [6, 11], [6, 4], [6, 9], [6, 2], [6, 7], [7, 0], [7, 5], [7, 10], [7, 3], [7, 8], [7, 1], [7, 6], [7, 11], [7, 4], [7, 9], [7, 2], [7, 7], [8, 0], [8, 5], [8, 10], [8, 3], [8, 8], [8, 1], [8, 6], [8, 11], [8, 4], [8, 9], [8, 2], [8, 7]], [-128, -121, -114, -107, -100, -93, -86, -79, -72, -65, -58, -51, -44, -37, -30, -23, -16, -9, -2, 5, 12, 19, 26, 33, 40, 47, 54, 61, 68, 75, 82, 89, 96, 103, 110, 117, 124, -125, -118, -111, -104, -97, -90, -83, -76, -69, -62, -55, -48, -41, -34, -27, -20, -13, -6, 1, 8, 15, 22, 29, 36, 43, 50, 57, 64, 71, 78, 85, 92, 99, 106, 113, 120, 127, -122, -115, -108, -101, -94, -87, -80, -73, -66, -59, -52, -45, -38, -31, -24, -17, -10, -3, 4, 11, 18, 25, 32, 39, 46, 53, 60, 67, 74, 81, 88, 95, 102, 109]> : tensor<12x12xi8>
  return %0, %1, %2, %3, %4, %5 : tensor<2x2xf32>, vector<2x2xi32>, tensor<4xi64>, tensor<3xi1>, tensor<2x2xf16>, tensor<12x12xi8>
}

// distinct[N]<attr>: an attribute made unique (equal only to itself), numbered anew in print
// order; printed as `#distinct` aliases where aliases are, but for those of no attribute (`<>`).
#unique = distinct[7]<"one">
func.func private @distinct() attributes {a = #unique, b = [#unique, distinct[7]<"one">, distinct[8]<"one">], c = distinct[9]<>,
                                          d = distinct[10]<[affine_map<(d0) -> (d0 + 1)>, distinct[11]<42 : i32>]>, e = distinct[12]<{k = 1.5 : f32}>}

// MLIR's own forms (test/IR/parser.mlir's sparse attributes, test/IR/distinct-attr.mlir).
func.func private @upstream_sparse() attributes {
  i8 = sparse<0, -2> : tensor<1x1x1xi8>, i16 = sparse<[[1, 1, 0], [0, 1, 0], [0, 0, 1]], [2, -1, 5]> : tensor<2x2x2xi16>,
  i32 = sparse<> : tensor<1x1xi32>, i64 = sparse<[0], [-1]> : tensor<1xi64>, e0 = sparse<> : tensor<0xi32>, e1 = sparse<> : tensor<i32>,
  f16 = sparse<0, -2.0> : tensor<1x1x1xf16>, bf16 = sparse<[[1, 1, 0], [0, 1, 0], [0, 0, 1]], [2.0, -1.0, 5.0]> : tensor<2x2x2xbf16>,
  f32 = sparse<> : tensor<1x0x1xf32>, f64 = sparse<[[0]], [-1.0]> : tensor<1xf64>, e2 = sparse<> : tensor<0xf32>, e3 = sparse<> : tensor<f32>,
  vi8 = sparse<0, -2> : vector<1x1x1xi8>, vi16 = sparse<[[1, 1, 0], [0, 1, 0], [0, 0, 1]], [2, -1, 5]> : vector<2x2x2xi16>,
  vf16 = sparse<0, -2.0> : vector<1x1x1xf16>, vf64 = sparse<[[1, 1, 0], [0, 1, 0], [0, 0, 1]], [2.0, -1.0, 5.0]> : vector<2x2x2xf64>}
func.func private @upstream_distinct() attributes {a = distinct[0]<42 : i32>, b = distinct[1]<array<i32: 10, 42>>, c = distinct[0]<42 : i32>, d = distinct[42]<42 : i32>}

{-#
  dialect_resources: {
    builtin: {
      unused: "0x0400000001000000",
      weights: "0x040000000000803f00000040",
      mask: "0x0100000001000001",
      wide: "0x10000000000000000000F03F",
      half_weights: "0x02000000003C0040004200C4",
      bytes.v1$: "0x01000000FF00"
    }
  },
  external_resources: {
    mlir_reproducer: {
      pipeline: "builtin.module(canonicalize)",
      disable_threading: true
    }
  }
#-}
