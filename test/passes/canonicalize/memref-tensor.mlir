// memref and tensor view, slice, cast and reshape patterns of --canonicalize; the output
// mlir-opt-19 --canonicalize gives is memref-tensor.expected.mlir.

// Constant offsets and sizes of a subview become static; the view is cast back.
func.func @tile_of_buffer(%buf: memref<64x64xf32>, %i: index) -> memref<?x?xf32, strided<[64, 1], offset: ?>> {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %v = memref.subview %buf[%i, %c0] [%c8, %c8] [1, 1] : memref<64x64xf32> to memref<?x?xf32, strided<[64, 1], offset: ?>>
  return %v : memref<?x?xf32, strided<[64, 1], offset: ?>>
}

// A row picked out of a dynamic matrix (rank-reducing), the unit size given by a constant.
func.func @row_of_matrix(%m: memref<?x?xf32>, %r: index, %n: index) -> memref<?xf32, strided<[?], offset: ?>> {
  %c1 = arith.constant 1 : index
  %row = memref.subview %m[%r, 0] [1, %n] [%c1, %c1] : memref<?x?xf32> to memref<?xf32, strided<[?], offset: ?>>
  return %row : memref<?xf32, strided<[?], offset: ?>>
}

// A subview of a cast that only forgets sizes views the cast's source.
func.func @subview_through_cast(%a: memref<16x32xf32>, %i: index) -> memref<4x?xf32, strided<[?, 1], offset: ?>> {
  %d = memref.cast %a : memref<16x32xf32> to memref<?x?xf32>
  %v = memref.subview %d[%i, 0] [4, %i] [1, 1] : memref<?x?xf32> to memref<4x?xf32, strided<[?, 1], offset: ?>>
  return %v : memref<4x?xf32, strided<[?, 1], offset: ?>>
}

// Views of all of the source, at unit strides: the source, or a cast of it.
func.func @whole_views(%a: memref<8x4xi32>) -> (memref<8x4xi32>, memref<8x4xi32, strided<[4, 1], offset: ?>>) {
  %c0 = arith.constant 0 : index
  %v = memref.subview %a[0, 0] [8, 4] [1, 1] : memref<8x4xi32> to memref<8x4xi32>
  %w = memref.subview %a[%c0, 0] [8, 4] [1, 1] : memref<8x4xi32> to memref<8x4xi32, strided<[4, 1], offset: ?>>
  return %v, %w : memref<8x4xi32>, memref<8x4xi32, strided<[4, 1], offset: ?>>
}

// A subview at offset 0 with the same sizes as the subview it reads is that one.
func.func @subview_of_same_subview(%a: memref<?xf32, strided<[?], offset: ?>>, %o: index, %n: index) -> memref<?xf32, strided<[?], offset: ?>> {
  %v = memref.subview %a[%o] [%n] [1] : memref<?xf32, strided<[?], offset: ?>> to memref<?xf32, strided<[?], offset: ?>>
  %w = memref.subview %v[0] [%n] [1] : memref<?xf32, strided<[?], offset: ?>> to memref<?xf32, strided<[?], offset: ?>>
  return %w : memref<?xf32, strided<[?], offset: ?>>
}

// The size of a dim of a view is the size it was made with, rank-reducing or reinterpreted.
func.func @dims_of_views(%a: memref<?x?xf32>, %b: memref<?xi8>, %n: index, %m: index) -> (index, index) {
  %c0 = arith.constant 0 : index
  %v = memref.subview %a[0, 0] [1, %n] [1, 1] : memref<?x?xf32> to memref<?xf32, strided<[1]>>
  %d0 = memref.dim %v, %c0 : memref<?xf32, strided<[1]>>
  %r = memref.reinterpret_cast %b to offset: [0], sizes: [%m], strides: [1] : memref<?xi8> to memref<?xi8>
  %d1 = memref.dim %r, %c0 : memref<?xi8>
  return %d0, %d1 : index, index
}

// reinterpret_cast reads through casts, reinterpret_casts and subviews at offset 0; one that changes nothing goes.
func.func @reinterpret_chains(%a: memref<?xf32>, %n: index, %k: index, %s: memref<2x3xf32>) -> (memref<?xf32>, memref<?xf32>, memref<2x3xf32>) {
  %c = memref.cast %a : memref<?xf32> to memref<10xf32>
  %r = memref.reinterpret_cast %c to offset: [0], sizes: [%n], strides: [1] : memref<10xf32> to memref<?xf32>
  %v = memref.subview %a[0] [%k] [1] : memref<?xf32> to memref<?xf32>
  %r1 = memref.reinterpret_cast %v to offset: [0], sizes: [%n], strides: [1] : memref<?xf32> to memref<?xf32>
  %r2 = memref.reinterpret_cast %r1 to offset: [0], sizes: [%k], strides: [1] : memref<?xf32> to memref<?xf32>
  %same = memref.reinterpret_cast %s to offset: [0], sizes: [2, 3], strides: [3, 1] : memref<2x3xf32> to memref<2x3xf32>
  return %r, %r2, %same : memref<?xf32>, memref<?xf32>, memref<2x3xf32>
}

// Reshapes that change nothing or undo the one they read fold; two of a kind are one.
func.func @reshapes(%a: memref<6x4xf32>, %b: memref<2x3x4x5xf32>, %c: memref<?x8x1xf32>) -> (memref<6x4xf32>, memref<120xf32>, memref<?x?xf32>) {
  %e = memref.expand_shape %a [[0, 1], [2]] output_shape [2, 3, 4] : memref<6x4xf32> into memref<2x3x4xf32>
  %f = memref.collapse_shape %e [[0, 1], [2]] : memref<2x3x4xf32> into memref<6x4xf32>
  %g = memref.collapse_shape %b [[0, 1], [2, 3]] : memref<2x3x4x5xf32> into memref<6x20xf32>
  %h = memref.collapse_shape %g [[0, 1]] : memref<6x20xf32> into memref<120xf32>
  %d = memref.cast %c : memref<?x8x1xf32> to memref<?x?x?xf32>
  %k = memref.collapse_shape %d [[0], [1, 2]] : memref<?x?x?xf32> into memref<?x?xf32>
  return %f, %h, %k : memref<6x4xf32>, memref<120xf32>, memref<?x?xf32>
}

// A copy from an empty buffer does nothing; an alloc with a strided layout gets its constant size.
func.func @empty_copy_and_alloc(%e: memref<0x4xf32>, %t: memref<?x4xf32>) -> memref<?xf32, strided<[?], offset: ?>> {
  %c3 = arith.constant 3 : index
  memref.copy %e, %t : memref<0x4xf32> to memref<?x4xf32>
  %a = memref.alloc(%c3)[%c3, %c3] : memref<?xf32, strided<[?], offset: ?>>
  return %a : memref<?xf32, strided<[?], offset: ?>>
}

// Constant offsets, sizes and strides of extract_slice become static (a rank-reducing one too).
func.func @slice_constants(%t: tensor<?x?x?xf32>, %i: index, %n: index) -> (tensor<?x?xf32>, tensor<?x?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %s = tensor.extract_slice %t[%c0, %i, 0] [%c2, 1, %n] [%c1, 1, 1] : tensor<?x?x?xf32> to tensor<?x?xf32>
  %u = tensor.extract_slice %t[%i, %i, %i] [%c2, %c2, %n] [1, 1, 1] : tensor<?x?x?xf32> to tensor<?x?x?xf32>
  return %s, %u : tensor<?x?xf32>, tensor<?x?x?xf32>
}

// A slice of a cast that only forgets reads the cast's source; a cast of a slice to a more static type is that slice.
func.func @slices_and_casts(%t: tensor<8x16xf32>, %i: index, %n: index) -> (tensor<4x?xf32>, tensor<4x8xf32>) {
  %d = tensor.cast %t : tensor<8x16xf32> to tensor<?x?xf32>
  %s = tensor.extract_slice %d[%i, 0] [4, %n] [1, 1] : tensor<?x?xf32> to tensor<4x?xf32>
  %u = tensor.extract_slice %t[0, %i] [4, %n] [1, 1] : tensor<8x16xf32> to tensor<4x?xf32>
  %v = tensor.cast %u : tensor<4x?xf32> to tensor<4x8xf32>
  return %s, %v : tensor<4x?xf32>, tensor<4x8xf32>
}

// insert_slice: constants made static (the source cast to what the sizes say), casts looked through.
func.func @insert_slices(%src: tensor<?x?xf32>, %dst: tensor<16x16xf32>, %i: index, %a: tensor<2x?xf32>, %n: index) -> (tensor<16x16xf32>, tensor<?x?xf32>) {
  %c4 = arith.constant 4 : index
  %r = tensor.insert_slice %src into %dst[%i, 0] [%c4, %c4] [1, 1] : tensor<?x?xf32> into tensor<16x16xf32>
  %d = tensor.cast %dst : tensor<16x16xf32> to tensor<?x?xf32>
  %w = tensor.cast %a : tensor<2x?xf32> to tensor<?x?xf32>
  %q = tensor.insert_slice %w into %d[0, %i] [%n, %n] [1, 1] : tensor<?x?xf32> into tensor<?x?xf32>
  return %r, %q : tensor<16x16xf32>, tensor<?x?xf32>
}

// Round trips: a slice put back where it came from, and a slice of what was just inserted; an empty insert.
func.func @slice_round_trips(%t: tensor<?x?xf32>, %s: tensor<2x?xf32>, %i: index, %n: index, %z: tensor<0x3xf32>) -> (tensor<?x?xf32>, tensor<2x?xf32>, tensor<?x?xf32>) {
  %x = tensor.extract_slice %t[%i, 1] [2, %n] [1, 1] : tensor<?x?xf32> to tensor<2x?xf32>
  %y = tensor.insert_slice %x into %t[%i, 1] [2, %n] [1, 1] : tensor<2x?xf32> into tensor<?x?xf32>
  %p = tensor.insert_slice %s into %t[%i, %i] [2, %n] [1, 1] : tensor<2x?xf32> into tensor<?x?xf32>
  %q = tensor.extract_slice %p[%i, %i] [2, %n] [1, 1] : tensor<?x?xf32> to tensor<2x?xf32>
  %e = tensor.insert_slice %z into %t[0, 0] [0, 3] [1, 1] : tensor<0x3xf32> into tensor<?x?xf32>
  return %y, %q, %e : tensor<?x?xf32>, tensor<2x?xf32>, tensor<?x?xf32>
}

// Casts of casts, and elements read through casts, from_elements and splats.
func.func @casts_and_elements(%t: tensor<4xi32>, %u: tensor<*xi32>, %a: f32, %b: f32) -> (tensor<4xi32>, tensor<2x3xi32>, i32, f32, tensor<8xf32>) {
  %c1 = arith.constant 1 : index
  %x = tensor.cast %t : tensor<4xi32> to tensor<?xi32>
  %y = tensor.cast %x : tensor<?xi32> to tensor<4xi32>
  %p = tensor.cast %u : tensor<*xi32> to tensor<2x?xi32>
  %q = tensor.cast %p : tensor<2x?xi32> to tensor<2x3xi32>
  %e = tensor.extract %x[%c1] : tensor<?xi32>
  %f = tensor.from_elements %a, %b : tensor<2xf32>
  %g = tensor.extract %f[%c1] : tensor<2xf32>
  %h = arith.constant dense<1.5> : tensor<8xf32>
  %k = arith.constant 1.5 : f32
  %m = tensor.insert %k into %h[%c1] : tensor<8xf32>
  return %y, %q, %e, %g, %m : tensor<4xi32>, tensor<2x3xi32>, i32, f32, tensor<8xf32>
}

// Constant extents of generate become static; a concat of one input is a cast; reshapes fold.
func.func @generate_concat_reshape(%n: index, %v: f32, %t: tensor<?x3xf32>, %r: tensor<6x4xf32>, %sh: tensor<1xindex>, %o: tensor<?xf32>) -> (tensor<?x?xf32>, tensor<2x3xf32>, tensor<6x4xf32>, tensor<?xf32>) {
  %c5 = arith.constant 5 : index
  %g = tensor.generate %n, %c5 {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<?x?xf32>
  %c = tensor.concat dim(0) %t : (tensor<?x3xf32>) -> tensor<2x3xf32>
  %e = tensor.expand_shape %r [[0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  %f = tensor.collapse_shape %e [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  %s = tensor.reshape %o(%sh) : (tensor<?xf32>, tensor<1xindex>) -> tensor<?xf32>
  return %g, %c, %f, %s : tensor<?x?xf32>, tensor<2x3xf32>, tensor<6x4xf32>, tensor<?xf32>
}

// Constant strides become static, negative ones too; negative constant offsets stay operands
// (a static offset must not be negative).
func.func @negative_constants(%m: memref<8xf32>, %s: tensor<2xf32>, %d: tensor<8xf32>) -> (memref<4xf32, strided<[?], offset: ?>>, tensor<8xf32>, tensor<8xf32>) {
  %c7 = arith.constant 7 : index
  %m1 = arith.constant -1 : index
  %m2 = arith.constant -2 : index
  %v = memref.subview %m[%c7] [4] [%m2] : memref<8xf32> to memref<4xf32, strided<[?], offset: ?>>
  %i = tensor.insert_slice %s into %d[%m1] [2] [1] : tensor<2xf32> into tensor<8xf32>
  %j = tensor.insert_slice %s into %d[%c7] [2] [%m1] : tensor<2xf32> into tensor<8xf32>
  return %v, %i, %j : memref<4xf32, strided<[?], offset: ?>>, tensor<8xf32>, tensor<8xf32>
}

// A gather from a splat constant is a splat constant; from any other constant it stays.
func.func @gather_of_constants(%indices: tensor<1x2x3xindex>, %rows: tensor<2x1xi32>) -> (tensor<1x2x1x1x1xf32>, tensor<2x1x2xf32>) {
  %splat = arith.constant dense<1.000000e-01> : tensor<4x4x4xf32>
  %0 = tensor.gather %splat[%indices] gather_dims([0, 1, 2]) : (tensor<4x4x4xf32>, tensor<1x2x3xindex>) -> tensor<1x2x1x1x1xf32>
  %m = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %1 = tensor.gather %m[%rows] gather_dims([0]) : (tensor<2x2xf32>, tensor<2x1xi32>) -> tensor<2x1x2xf32>
  return %0, %1 : tensor<1x2x1x1x1xf32>, tensor<2x1x2xf32>
}

// An element of an effect-free tensor.generate is its body at the indices (ExtractFromTensorGenerate).
func.func @extract_of_generate(%t: tensor<*xf32>, %i: index, %j: index) -> index {
  %r = tensor.rank %t : tensor<*xf32>
  %g = tensor.generate %r, %r {
  ^bb0(%a: index, %b: index):
    %d = tensor.dim %t, %a : tensor<*xf32>
    %e = tensor.dim %t, %b : tensor<*xf32>
    %s = arith.addi %d, %e : index
    tensor.yield %s : index
  } : tensor<?x?xindex>
  %x = tensor.extract %g[%i, %j] : tensor<?x?xindex>
  return %x : index
}

// memref.transpose of a transpose is one (then the identity of its own type is its source);
// memory_space_cast of its own type goes, of a memory_space_cast reads that one's source.
func.func @transposes_and_space_casts(%m: memref<1x2x3xf32>, %n: memref<?xf32>) -> (memref<1x2x3xf32>, memref<3x2x1xf32, strided<[1, 3, 6]>>, memref<?xf32>, memref<?xf32, 2>) {
  %a = memref.transpose %m (d0, d1, d2) -> (d1, d0, d2) : memref<1x2x3xf32> to memref<2x1x3xf32, strided<[3, 6, 1]>>
  %b = memref.transpose %a (d0, d1, d2) -> (d1, d0, d2) : memref<2x1x3xf32, strided<[3, 6, 1]>> to memref<1x2x3xf32>
  %c = memref.transpose %a (d0, d1, d2) -> (d2, d0, d1) : memref<2x1x3xf32, strided<[3, 6, 1]>> to memref<3x2x1xf32, strided<[1, 3, 6]>>
  %s = memref.memory_space_cast %n : memref<?xf32> to memref<?xf32>
  %s1 = memref.memory_space_cast %n : memref<?xf32> to memref<?xf32, 1>
  %s2 = memref.memory_space_cast %s1 : memref<?xf32, 1> to memref<?xf32, 2>
  return %b, %c, %s, %s2 : memref<1x2x3xf32>, memref<3x2x1xf32, strided<[1, 3, 6]>>, memref<?xf32>, memref<?xf32, 2>
}

// reinterpret_cast putting back what extract_strided_metadata took is its source (cast to its
// type); the metadata the type fixes is read as constants; a changed stride keeps the cast.
func.func @reinterpret_of_metadata(%m: memref<8x2xf32>, %d: memref<?x?xf32, strided<[?, ?], offset: ?>>) -> (memref<?x2xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<4x2x2xf32, strided<[?, ?, ?], offset: ?>>) {
  %c8 = arith.constant 8 : index
  %base, %off, %sz:2, %st:2 = memref.extract_strided_metadata %m : memref<8x2xf32> -> memref<f32>, index, index, index, index, index
  %r = memref.reinterpret_cast %base to offset: [0], sizes: [%c8, 2], strides: [2, %st#1] : memref<f32> to memref<?x2xf32, strided<[?, ?], offset: ?>>
  %base2, %off2, %sz2:2, %st2:2 = memref.extract_strided_metadata %d : memref<?x?xf32, strided<[?, ?], offset: ?>> -> memref<f32>, index, index, index, index, index
  %r2 = memref.reinterpret_cast %base2 to offset: [%off2], sizes: [%sz2#0, %sz2#1], strides: [%st2#0, %st2#1] : memref<f32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  %r3 = memref.reinterpret_cast %base to offset: [%off], sizes: [4, 2, 2], strides: [1, 1, %st#1] : memref<f32> to memref<4x2x2xf32, strided<[?, ?, ?], offset: ?>>
  return %r, %r2, %r3 : memref<?x2xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<4x2x2xf32, strided<[?, ?, ?], offset: ?>>
}

// A dim of memref.reshape is the shape's element, loaded right after the reshape (before a
// later store to the shape); atomic_rmw reads through a cast; a realloc only stored into goes;
// a collapse of an expand back to the rank of the source is a cast.
func.func @dim_reshape_rmw_realloc(%m: memref<*xf32>, %shape: memref<?xi32>, %a: memref<4xf32>, %x: f32, %i: index, %r: memref<2xf32>, %e: memref<?xf32, strided<[1]>, 3>, %n: index) -> (index, f32, memref<2xf32>, memref<?xf32, 3>) {
  %c3 = arith.constant 3 : index
  %c7 = arith.constant 7 : i32
  %v = memref.reshape %m(%shape) : (memref<*xf32>, memref<?xi32>) -> memref<*xf32>
  memref.store %c7, %shape[%c3] : memref<?xi32>
  %d = memref.dim %v, %c3 : memref<*xf32>
  %cast = memref.cast %a : memref<4xf32> to memref<?xf32>
  %old = memref.atomic_rmw addf %x, %cast[%i] : (f32, memref<?xf32>) -> f32
  %big = memref.realloc %r : memref<2xf32> to memref<4xf32>
  memref.store %x, %big[%c3] : memref<4xf32>
  %ex = memref.expand_shape %e [[0, 1]] output_shape [1, %n] : memref<?xf32, strided<[1]>, 3> into memref<1x?xf32, 3>
  %co = memref.collapse_shape %ex [[0, 1]] : memref<1x?xf32, 3> into memref<?xf32, 3>
  return %d, %old, %r, %co : index, f32, memref<2xf32>, memref<?xf32, 3>
}

// A collapse of an expand (or an expand of a collapse) undoes it only with the same groups once
// two sizes are dynamic: these two do not, and stay; the third undoes it (one dynamic size a group).
func.func @reshapes_that_do_not_undo(%x: tensor<?x?x?xf32>, %m: memref<?x?x?xf32>, %y: tensor<?x4x?xf32>, %a: index, %b: index, %c: index, %d: index) -> (tensor<?x?x?xf32>, memref<?x?x?xf32>, tensor<?x?x?xf32>, tensor<?x4x?xf32>) {
  %0 = tensor.expand_shape %x [[0, 1], [2], [3]] output_shape [%a, %b, %c, %d] : tensor<?x?x?xf32> into tensor<?x?x?x?xf32>
  %1 = tensor.collapse_shape %0 [[0], [1], [2, 3]] : tensor<?x?x?x?xf32> into tensor<?x?x?xf32>
  %2 = memref.expand_shape %m [[0, 1], [2], [3]] output_shape [%a, %b, %c, %d] : memref<?x?x?xf32> into memref<?x?x?x?xf32>
  %3 = memref.collapse_shape %2 [[0], [1], [2, 3]] : memref<?x?x?x?xf32> into memref<?x?x?xf32>
  %4 = tensor.collapse_shape %x [[0, 1], [2]] : tensor<?x?x?xf32> into tensor<?x?xf32>
  %5 = tensor.expand_shape %4 [[0, 1], [2]] output_shape [%a, %b, %c] : tensor<?x?xf32> into tensor<?x?x?xf32>
  %6 = tensor.collapse_shape %y [[0, 1], [2]] : tensor<?x4x?xf32> into tensor<?x?xf32>
  %7 = tensor.expand_shape %6 [[0, 1], [2]] output_shape [%a, 4, %c] : tensor<?x?xf32> into tensor<?x4x?xf32>
  return %1, %3, %5, %7 : tensor<?x?x?xf32>, memref<?x?x?xf32>, tensor<?x?x?xf32>, tensor<?x4x?xf32>
}

// A collapse_shape of a cast from a more static tensor collapses that tensor (cast back); an
// expand_shape of a 0-d tensor (no groups) composes with the next one; a collapse of an expand
// to a lower rank is one collapse of the source.
func.func @collapse_of_cast_and_zero_dim(%t: tensor<8x12x32xf32>, %z: tensor<f32>, %u: tensor<4x6xf32>) -> (tensor<?x32xf32>, tensor<1x1x1xf32>, tensor<24xf32>) {
  %0 = tensor.cast %t : tensor<8x12x32xf32> to tensor<?x?x?xf32>
  %1 = tensor.collapse_shape %0 [[0, 1], [2]] : tensor<?x?x?xf32> into tensor<?x?xf32>
  %2 = tensor.cast %1 : tensor<?x?xf32> to tensor<?x32xf32>
  %3 = tensor.expand_shape %z [] output_shape [1] : tensor<f32> into tensor<1xf32>
  %4 = tensor.expand_shape %3 [[0, 1, 2]] output_shape [1, 1, 1] : tensor<1xf32> into tensor<1x1x1xf32>
  %5 = tensor.expand_shape %u [[0, 1], [2]] output_shape [2, 2, 6] : tensor<4x6xf32> into tensor<2x2x6xf32>
  %6 = tensor.collapse_shape %5 [[0, 1, 2]] : tensor<2x2x6xf32> into tensor<24xf32>
  return %2, %4, %6 : tensor<?x32xf32>, tensor<1x1x1xf32>, tensor<24xf32>
}

// A dynamic size of a collapse_shape is the product of its group's source sizes (FoldDimOfCollapseShape).
func.func @dim_of_collapse(%x: tensor<?x64x1xf32>, %y: tensor<?x?x4xf32>, %z: tensor<?x1xf32>) -> (index, index, index) {
  %c0 = arith.constant 0 : index
  %a = tensor.collapse_shape %x [[0, 1, 2]] : tensor<?x64x1xf32> into tensor<?xf32>
  %b = tensor.collapse_shape %y [[0, 1, 2]] : tensor<?x?x4xf32> into tensor<?xf32>
  %c = tensor.collapse_shape %z [[0, 1]] : tensor<?x1xf32> into tensor<?xf32>
  %da = tensor.dim %a, %c0 : tensor<?xf32>
  %db = tensor.dim %b, %c0 : tensor<?xf32>
  %dc = tensor.dim %c, %c0 : tensor<?xf32>
  return %da, %db, %dc : index, index, index
}

// A collapse of an expand is not composed through a layout with a dynamic stride (not the identity).
func.func @no_compose_strided(%m: memref<?x?xf32, strided<[?, 1]>>, %a: index, %b: index) -> memref<?xf32, strided<[?]>> {
  %0 = memref.expand_shape %m [[0, 1], [2]] output_shape [%a, 4, %b] : memref<?x?xf32, strided<[?, 1]>> into memref<?x4x?xf32, strided<[?, ?, 1]>>
  %1 = memref.collapse_shape %0 [[0, 1, 2]] : memref<?x4x?xf32, strided<[?, ?, 1]>> into memref<?xf32, strided<[?]>>
  return %1 : memref<?xf32, strided<[?]>>
}
