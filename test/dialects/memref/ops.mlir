// memref ops in MLIR 19's custom form; the test prints, reparses and checks with mlir-opt-19.
memref.global "private" constant @c : memref<2xf32> = dense<[1.0, 2.0]>
memref.global @g : memref<4xi32> = uninitialized
memref.global "private" @h : memref<4xi32> = dense<0> {alignment = 64 : i64}
memref.global @ext : memref<4xi32>
memref.global "private" constant @cu : memref<2xf32> = uninitialized
memref.global constant @cext : memref<2xf32>

func.func @ops(%A: memref<10x20xf32>, %n: index, %m: index) {
  %i0 = arith.constant 0 : index
  %a = memref.alloc() : memref<4x4xf32>
  %b = memref.alloc(%n, %m) {alignment = 64 : i64} : memref<?x4x?xf32>
  %c = memref.alloca(%n) : memref<?xf32>
  %c2 = memref.alloca() {alignment = 16 : i64} : memref<8xf32>
  %c3 = memref.alloca() {alignment = 0 : i64} : memref<8xf32>
  %c4 = memref.alloc() {alignment = 24 : i64} : memref<8xf32>
  %v = memref.load %A[%n, %m] : memref<10x20xf32>
  %v2 = memref.load %A[%n, %m] {nontemporal = true} : memref<10x20xf32>
  memref.store %v, %A[%n, %m] : memref<10x20xf32>
  memref.store %v2, %A[%n, %m] {nontemporal = true} : memref<10x20xf32>
  %d = memref.dim %b, %i0 : memref<?x4x?xf32>
  %u = memref.cast %A : memref<10x20xf32> to memref<*xf32>
  %u2 = memref.cast %A : memref<10x20xf32> to memref<?x?xf32>
  %s = memref.subview %A[2, 3] [4, 5] [1, 1] : memref<10x20xf32> to memref<4x5xf32, strided<[20, 1], offset: 43>>
  %s2 = memref.subview %A[%n, 3] [%m, 5] [1, 2] : memref<10x20xf32> to memref<?x5xf32, strided<[20, 2], offset: ?>>
  %s3 = memref.subview %A[%n, 3] [1, 5] [1, 1] : memref<10x20xf32> to memref<5xf32, strided<[1], offset: ?>>
  %s4 = memref.subview %s2[1, 1] [2, 2] [1, 1] : memref<?x5xf32, strided<[20, 2], offset: ?>> to memref<2x2xf32, strided<[20, 2], offset: ?>>
  memref.copy %A, %A : memref<10x20xf32> to memref<10x20xf32>
  %g = memref.get_global @c : memref<2xf32>
  %r = memref.reinterpret_cast %A to offset: [0], sizes: [200], strides: [1] : memref<10x20xf32> to memref<200xf32>
  %r2 = memref.reinterpret_cast %A to offset: [%n], sizes: [%m, 4], strides: [4, 1] : memref<10x20xf32> to memref<?x4xf32, strided<[4, 1], offset: ?>>
  %r3 = memref.reinterpret_cast %u to offset: [0], sizes: [10, 20], strides: [20, 1] : memref<*xf32> to memref<10x20xf32>
  memref.dealloc %a : memref<4x4xf32>
  memref.dealloc %u : memref<*xf32>
  return
}

// -----

func.func @generic(%A: memref<10x20xf32>, %n: index) -> f32 {
  %0 = "memref.load"(%A, %n, %n) : (memref<10x20xf32>, index, index) -> f32
  %1 = "memref.alloc"(%n) <{operandSegmentSizes = array<i32: 1, 0>}> : (index) -> memref<?xf32>
  %2 = "memref.subview"(%A, %n) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808, 3>, static_sizes = array<i64: 1, 5>, static_strides = array<i64: 1, 1>}> : (memref<10x20xf32>, index) -> memref<5xf32, strided<[1], offset: ?>>
  return %0 : f32
}

// -----

func.func @reshapes(%B: memref<4x8xf32>, %D: memref<?x8xf32>, %n: index) -> index {
  %r = memref.rank %B : memref<4x8xf32>
  %p = memref.extract_aligned_pointer_as_index %B : memref<4x8xf32> -> index
  %e = memref.collapse_shape %B [[0, 1]] : memref<4x8xf32> into memref<32xf32>
  %g = memref.expand_shape %e [[0, 1]] output_shape [4, 8] : memref<32xf32> into memref<4x8xf32>
  %h = memref.expand_shape %D [[0, 1], [2]] output_shape [%n, 2, 8] : memref<?x8xf32> into memref<?x2x8xf32>
  %k = memref.collapse_shape %h [[0], [1, 2]] {tag} : memref<?x2x8xf32> into memref<?x16xf32>
  return %r : index
}

// Dimension lists are tokens to MLIR: spaces may stand around their `x`.
func.func @spaced_shapes(%a: memref<2 x i32>, %b: memref<4 x ?x f32>, %c: memref<2 xf32>) -> memref<2 x i32> {
  return %a : memref<2 x i32>
}

// Memory space 0 is the default one: the same type as none.
func.func @default_memory_space(%a: memref<4xf32, 0>, %b: memref<*xf32, 0 : i32>) -> memref<4xf32> {
  return %a : memref<4xf32>
}

// Rank-reducing subviews keep the strides and offset of the dims they keep.
func.func @rank_reduced_subviews(%d: memref<4x4xf32>) {
  %0 = memref.subview %d[0, 0][1, 4][1, 1] : memref<4x4xf32> to memref<4xf32>
  %1 = memref.subview %d[0, 0][4, 1][1, 1] : memref<4x4xf32> to memref<4xf32, strided<[4]>>
  %2 = memref.subview %d[1, 0][1, 4][1, 1] : memref<4x4xf32> to memref<4xf32, strided<[1], offset: 4>>
  return
}

// Casts may forget (or assert) strides and offset where one side is dynamic.
func.func @strided_casts(%s: memref<12x4x16xf32, strided<[64, 16, 1]>>, %d: memref<4xf32, strided<[?], offset: ?>>) {
  %0 = memref.cast %s : memref<12x4x16xf32, strided<[64, 16, 1]>> to memref<12x4x16xf32, strided<[?, 16, 1], offset: ?>>
  %1 = memref.cast %d : memref<4xf32, strided<[?], offset: ?>> to memref<4xf32>
  return
}

// An unranked memref's shape is compatible with any other.
func.func @unranked_copies(%a: memref<*xf32>, %b: memref<*xf32>, %c: memref<4xf32>) {
  memref.copy %a, %b : memref<*xf32> to memref<*xf32>
  memref.copy %c, %b : memref<4xf32> to memref<*xf32>
  return
}

// An affine-map layout's symbols are operands of the alloc.
func.func @alloc_with_layout_symbols(%n: index) {
  %0 = memref.alloc(%n)[%n] : memref<2x?xf32, affine_map<(d0, d1)[s0] -> (d0 + s0, d1)>, 1>
  return
}

// A strided layout's dynamic offset and strides are symbols of the alloc too.
func.func @alloc_with_strided_symbols(%n: index, %s: index) {
  %0 = memref.alloc(%n)[%s, %s] : memref<?xi32, strided<[?], offset: ?>>
  %1 = memref.alloc()[%s] : memref<4xi32, strided<[1], offset: ?>>
  return
}

// Static strides and offsets may be negative (a view that reads its source backwards): they
// print as numbers; `?` is only the dynamic ones.
func.func @negative_strides(%A: memref<8xf32>, %B: memref<2x4xf32>, %r: memref<4xf32, strided<[-1], offset: 3>>, %o: memref<4xf32, strided<[1], offset: -1>>, %n: index) {
  %0 = memref.subview %A[7] [8] [-1] : memref<8xf32> to memref<8xf32, strided<[-1], offset: 7>>
  %1 = memref.subview %B[1, 3] [2, 4] [-1, -1] : memref<2x4xf32> to memref<2x4xf32, strided<[-4, -1], offset: 7>>
  %2 = memref.subview %0[1] [3] [-2] : memref<8xf32, strided<[-1], offset: 7>> to memref<3xf32, strided<[2], offset: 6>>
  %3 = memref.subview %B[1, 3] [1, 4] [1, -1] : memref<2x4xf32> to memref<4xf32, strided<[-1], offset: 7>>
  %4 = memref.subview %A[%n] [4] [-1] : memref<8xf32> to memref<4xf32, strided<[-1], offset: ?>>
  %5 = memref.reinterpret_cast %A to offset: [7], sizes: [4], strides: [-2] : memref<8xf32> to memref<4xf32, strided<[-2], offset: 7>>
  %6 = memref.cast %0 : memref<8xf32, strided<[-1], offset: 7>> to memref<8xf32, strided<[?], offset: ?>>
  %7 = memref.subview %r[1] [2] [1] : memref<4xf32, strided<[-1], offset: 3>> to memref<2xf32, strided<[-1], offset: 2>>
  %8 = memref.subview %o[1] [2] [1] : memref<4xf32, strided<[1], offset: -1>> to memref<2xf32, strided<[1]>>
  %9 = memref.alloc() : memref<4xf32, strided<[-1], offset: 3>>
  %10 = memref.load %r[%n] : memref<4xf32, strided<[-1], offset: 3>>
  return
}

// Reshapes of strided memrefs: the result's strides and offset follow from the source's.
func.func @strided_reshapes(%m: memref<4x8x2xf32, strided<[16, 2, 1], offset: 5>>, %v: memref<32xf32, strided<[2]>>, %d: memref<?x4xf32, strided<[?, 1], offset: ?>>) {
  %c = memref.collapse_shape %m [[0], [1, 2]] : memref<4x8x2xf32, strided<[16, 2, 1], offset: 5>> into memref<4x16xf32, strided<[16, 1], offset: 5>>
  %e = memref.expand_shape %v [[0, 1]] output_shape [4, 8] : memref<32xf32, strided<[2]>> into memref<4x8xf32, strided<[16, 2]>>
  %f = memref.collapse_shape %d [[0, 1]] : memref<?x4xf32, strided<[?, 1], offset: ?>> into memref<?xf32, strided<[1], offset: ?>>
  return
}

// memref's less common ops (memref-more.ts)
func.func @more_ops(%I: memref<10xf32>, %val: f32, %i: index, %m: memref<4x4xf16>, %b: memref<2048xi8>, %n: index, %s: memref<?x?xf32>, %u: memref<*xf32>, %sh: memref<2xi32>) {
  %x = memref.atomic_rmw addf %val, %I[%i] : (f32, memref<10xf32>) -> f32
  %y = memref.generic_atomic_rmw %I[%i] : memref<10xf32> {
    ^bb0(%old : f32):
      %c1 = arith.constant 1.0 : f32
      %out = arith.addf %c1, %old : f32
      memref.atomic_yield %out : f32
  }
  memref.assume_alignment %m, 16 : memref<4x4xf16>
  memref.prefetch %I[%i], write, locality<1>, data : memref<10xf32>
  memref.prefetch %I[%i], read, locality<3>, instr : memref<10xf32>
  %v = memref.view %b[%i][%n] : memref<2048xi8> to memref<?x4xf32>
  %t = memref.transpose %s (i, j) -> (j, i) : memref<?x?xf32> to memref<?x?xf32, affine_map<(d0, d1)[s0] -> (d1 * s0 + d0)>>
  %t2 = memref.transpose %m (i, j) -> (j, i) : memref<4x4xf16> to memref<4x4xf16, strided<[1, 4]>>
  %r = memref.reshape %u(%sh) : (memref<*xf32>, memref<2xi32>) -> memref<?x?xf32>
  %base, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %s : memref<?x?xf32> -> memref<f32>, index, index, index, index, index
  memref.store %val, %base[] : memref<f32>
  %ms = memref.memory_space_cast %s : memref<?x?xf32> to memref<?x?xf32, 1>
  %z = memref.alloca_scope -> (f32) {
    memref.alloca_scope.return %val : f32
  }
  memref.alloca_scope {
    %a = memref.alloca() : memref<4xf32>
  }
  return
}

func.func @realloc(%src: memref<2xf32>, %d: index) -> (memref<?xf32>, memref<4xf32>) {
  %0 = memref.realloc %src(%d) {alignment = 8} : memref<2xf32> to memref<?xf32>
  %1 = memref.realloc %0 : memref<?xf32> to memref<4xf32>
  return %0, %1 : memref<?xf32>, memref<4xf32>
}

// MLIR 19 takes any alignment >= 0 on realloc (alloc's power-of-two rule is not realloc's)
func.func @realloc_any_alignment(%src: memref<2xf32>) -> memref<4xf32> {
  %0 = memref.realloc %src {alignment = 3} : memref<2xf32> to memref<4xf32>
  return %0 : memref<4xf32>
}

func.func @dma(%A: memref<256xf32>, %Ah: memref<256xf32, 1>, %tag: memref<1xf32>, %c0: index, %num: index, %stride: index, %eps: index) {
  memref.dma_start %A[%c0], %Ah[%c0], %num, %tag[%c0] : memref<256 x f32>, memref<256 x f32, 1>, memref<1 x f32>
  memref.dma_start %A[%c0], %Ah[%c0], %num, %tag[%c0], %stride, %eps : memref<256 x f32>, memref<256 x f32, 1>, memref<1 x f32>
  memref.dma_wait %tag[%c0], %num : memref<1 x f32>
  return
}

// A size 0 makes the strides outside it dynamic (MLIR's canonical layout: memref<2x0xf32> is
// strided<[?, 1]>), so a cast to any static stride there is compatible (we refused them)
func.func @zero_size_layout(%a: memref<2x0xf32>, %b: memref<3x0x2xf32>) -> (memref<2x0xf32, strided<[1, 1]>>, memref<3x0x2xf32, strided<[2, 2, 1]>>) {
  %0 = memref.cast %a : memref<2x0xf32> to memref<2x0xf32, strided<[1, 1]>>
  %1 = memref.cast %b : memref<3x0x2xf32> to memref<3x0x2xf32, strided<[2, 2, 1]>>
  return %0, %1 : memref<2x0xf32, strided<[1, 1]>>, memref<3x0x2xf32, strided<[2, 2, 1]>>
}
