// --canonicalize as mlir-opt-19 does it: constants uniqued and hoisted to the front of their
// function (the newest first), folds materialized there, commutative constants last, dead
// loads/allocs/loops removed, and the scf, memref and cf patterns (branches on constants, a
// branch to a block only it reaches or that only branches on, blocks no branch reaches any more,
// block arguments no one reads).
llvm.mlir.global internal constant @g("a\00") {addr_space = 0 : i32}
llvm.func @use(!llvm.ptr)
func.func private @sink(index)
func.func @constants(%c: i1, %x: i32, %m: memref<8xf32>) -> i32 {
  %a = llvm.mlir.addressof @g : !llvm.ptr
  llvm.call @use(%a) : (!llvm.ptr) -> ()
  %z = llvm.mlir.zero : !llvm.ptr
  llvm.call @use(%z) : (!llvm.ptr) -> ()
  %b = llvm.mlir.addressof @g : !llvm.ptr
  llvm.call @use(%b) : (!llvm.ptr) -> ()
  %k = arith.constant 3 : i32
  %k2 = arith.constant 3 : i32
  %s = arith.addi %k, %k2 : i32
  %t = arith.muli %s, %x : i32
  %c0 = arith.constant 0 : index
  %dead = memref.load %m[%c0] : memref<8xf32>
  %buf = memref.alloc() : memref<4xf32>
  %f = arith.constant 1.0 : f32
  memref.store %f, %buf[%c0] : memref<4xf32>
  memref.dealloc %buf : memref<4xf32>
  affine.for %i = 0 to 4 {
    %c5 = arith.constant 5 : index
    %c6 = arith.constant 6 : index
    %y = arith.addi %c5, %c6 : index
    func.call @sink(%y) : (index) -> ()
  }
  %r = memref.rank %m : memref<8xf32>
  func.call @sink(%r) : (index) -> ()
  return %t : i32
}
func.func @loops(%n: index, %x: f32, %m: memref<8xf32>) -> (f32, f32, f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %never = scf.for %i = %c4 to %c0 step %c1 iter_args(%a = %x) -> (f32) {
    %d = arith.addf %a, %a : f32
    scf.yield %d : f32
  }
  %once = scf.for %i = %c0 to %c1 step %c1 iter_args(%a = %x) -> (f32) {
    memref.store %a, %m[%i] : memref<8xf32>
    %d = arith.mulf %a, %a : f32
    scf.yield %d : f32
  }
  %fw:2 = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x, %b = %x) -> (f32, f32) {
    %d = arith.addf %b, %a : f32
    memref.store %d, %m[%i] : memref<8xf32>
    scf.yield %a, %d : f32, f32
  }
  %pure = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> (f32) {
    %d = arith.addf %a, %a : f32
    scf.yield %d : f32
  }
  scf.for %i = %c0 to %n step %c1 {
  }
  return %never, %once, %fw#0 : f32, f32, f32
}
func.func @branches(%c: i1, %x: f32, %m: memref<8xf32>) -> (f32, i1, f32) {
  %true = arith.constant true
  %k = scf.if %true -> (f32) {
    %n = arith.negf %x : f32
    scf.yield %n : f32
  } else {
    scf.yield %x : f32
  }
  %p:3 = scf.if %c -> (f32, i1, f32) {
    %c0 = arith.constant 0 : index
    %v = arith.uitofp %c : i1 to f32
    memref.store %v, %m[%c0] : memref<8xf32>
    scf.yield %x, %c, %v : f32, i1, f32
  } else {
    scf.yield %x, %c, %x : f32, i1, f32
  }
  %e = scf.execute_region -> f32 {
    %d = arith.addf %k, %p#0 : f32
    scf.yield %d : f32
  }
  scf.if %c {
  }
  memref.copy %m, %m : memref<8xf32> to memref<8xf32>
  %u = memref.cast %m : memref<8xf32> to memref<*xf32>
  memref.dealloc %u : memref<*xf32>
  return %e, %p#1, %p#2 : f32, i1, f32
}

// affine: applies composed into their users, valid symbols promoted, constants folded into
// maps, unused and repeated operands dropped, maps flattened (floordiv/mod/ceildiv of
// negative values kept exact), min/max merged, sorted and of one result an apply.
func.func private @sink4(index, index, index, index)
func.func @affine_maps(%A: memref<?xf32>, %n: index, %m: index) {
  %c3 = arith.constant 3 : index
  %a = affine.apply affine_map<(d0)[s0] -> (d0 - s0)>(%n)[%m]
  %b = affine.apply affine_map<(d0) -> ((d0 * 6 + 3) floordiv 4 + (d0 * 2) mod 6 + (d0 - 7) ceildiv 3)>(%n)
  %p = affine.min affine_map<()[s0] -> (s0 + 16, s0 * 8)>()[%n]
  %q = affine.min affine_map<(d0)[s0] -> (s0 + 4, d0)>(%p)[%m]
  %r = affine.min affine_map<(d0)[s0] -> (d0 + 4, d0 + 4, s0, d0 * 2)>(%c3)[%n]
  %s = affine.max affine_map<(d0)[s0] -> (d0 floordiv 2, d0 floordiv 2)>(%n)[%m]
  %t = affine.min affine_map<(d0)[s0] -> (d0 + 2, d0, 100, s0 * 2, d0 - s0, -d0)>(%n)[%m]
  %k = affine.apply affine_map<() -> (42)>()
  %e = affine.apply affine_map<(d0) -> (d0 mod 4 + (d0 floordiv 4) * 4)>(%n)
  func.call @sink4(%q, %r, %s, %t) : (index, index, index, index) -> ()
  func.call @sink4(%a, %b, %k, %e) : (index, index, index, index) -> ()
  affine.for %i = affine_map<(d0)[s0] -> (d0 - s0)>(%n)[%m] to min affine_map<(d0)[s0] -> (d0 - s0, d0 + 4, d0 + 4)>(%c3)[%a] {
    %c2 = arith.constant 2 : index
    %x = affine.apply affine_map<(d0)[s0] -> (d0 * 2 - s0)>(%i)[%m]
    %v = affine.load %A[%x + %a] : memref<?xf32>
    affine.store %v, %A[%i mod 4 + (%i floordiv 4) * 4 + symbol(%c2)] : memref<?xf32>
    affine.if affine_set<(d0)[s0] : (d0 - s0 >= 0, d0 == 0)>(%a)[%m] {
      affine.store %v, %A[symbol(%k) - 1] : memref<?xf32>
    }
    affine.if affine_set<(d0)[s0] : (d0 - s0 >= 0)>(%n)[%m] {
      %w = affine.vector_load %A[%i + 1 + %c3] : memref<?xf32>, vector<8xf32>
      affine.vector_store %w, %A[(%i - 9) floordiv 4 + (%n - 9) mod 4] : memref<?xf32>, vector<8xf32>
    }
  }
  affine.for %i = %n to %c3 {
    func.call @sink4(%i, %i, %i, %i) : (index, index, index, index) -> ()
  }
  return
}

// tensor.pad is pure; linalg ops on tensors have no effects (dead when unused), on memrefs they write.
func.func @dead_on_tensors(%t: tensor<2x3xf32>, %o: tensor<3x2xf32>, %m: memref<4xf32>, %v: f32, %h: index) {
  %p = tensor.pad %t low[0, 0] high[%h, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<2x3xf32> to tensor<?x3xf32>
  %f = linalg.fill ins(%v : f32) outs(%o : tensor<3x2xf32>) -> tensor<3x2xf32>
  %tr = linalg.transpose ins(%t : tensor<2x3xf32>) outs(%f : tensor<3x2xf32>) permutation = [1, 0]
  linalg.fill ins(%v : f32) outs(%m : memref<4xf32>)
  return
}

// scf.if in a row on one condition (or its negation) merge; scf.while drops arguments it never
// changes or uses, forwards values defined outside, and knows the condition true in its body.
func.func private @sinkf(f32)
func.func @combine_ifs(%c: i1, %x: f32, %m: memref<8xf32>) -> (f32, f32, f32) {
  %true = arith.constant true
  %c0 = arith.constant 0 : index
  %a = scf.if %c -> (f32) {
    %n = arith.negf %x : f32
    scf.yield %n : f32
  } else {
    %l = memref.load %m[%c0] : memref<8xf32>
    scf.yield %l : f32
  }
  %b = scf.if %c -> (f32) {
    %s = arith.addf %a, %x : f32
    scf.yield %s : f32
  } else {
    %s = arith.mulf %a, %x : f32
    scf.yield %s : f32
  }
  %nc = arith.xori %c, %true : i1
  scf.if %nc {
    memref.store %b, %m[%c0] : memref<8xf32>
  }
  scf.if %c {
    func.call @sinkf(%a) : (f32) -> ()
  }
  %d = scf.if %nc -> (f32) {
    scf.yield %x : f32
  } else {
    %l = memref.load %m[%c0] : memref<8xf32>
    scf.yield %l : f32
  }
  return %a, %b, %d : f32, f32, f32
}
func.func @whiles(%n: index, %x: f32, %y: i32, %m: memref<8xf32>) -> (index, i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %w:4 = scf.while (%a = %c0, %b = %x, %u = %y, %k = %y) : (index, f32, i32, i32) -> (index, f32, i32, i1) {
    %cond = arith.cmpi slt, %a, %n : index
    scf.condition(%cond) %a, %b, %k, %cond : index, f32, i32, i1
  } do {
  ^bb0(%a: index, %b: f32, %k: i32, %t: i1):
    %a1 = arith.addi %a, %c1 : index
    %f = arith.uitofp %t : i1 to f32
    memref.store %f, %m[%a] : memref<8xf32>
    memref.store %b, %m[%a1] : memref<8xf32>
    scf.yield %a1, %b, %k, %k : index, f32, i32, i32
  }
  return %w#0, %w#2 : index, i32
}

// bufferization: the casts are pure; to_memref of a to_tensor is its memref (a memref.cast where
// the type only forgets static facts), to_tensor right after to_memref is the tensor.
func.func private @usem(memref<4xf32>)
func.func private @used(memref<4xf32, strided<[1], offset: ?>>)
func.func private @uset(tensor<4xf32>)
func.func @buffer_casts(%m: memref<4xf32>, %t: tensor<4xf32>) {
  %dead = bufferization.to_tensor %m : memref<4xf32>
  %a = bufferization.to_tensor %m restrict : memref<4xf32>
  %b = bufferization.to_memref %a read_only : memref<4xf32>
  func.call @usem(%b) : (memref<4xf32>) -> ()
  %c = bufferization.to_memref %a : memref<4xf32, strided<[1], offset: ?>>
  func.call @used(%c) : (memref<4xf32, strided<[1], offset: ?>>) -> ()
  %d = bufferization.to_memref %t : memref<4xf32>
  %e = bufferization.to_tensor %d : memref<4xf32>
  func.call @uset(%e) : (tensor<4xf32>) -> ()
  %f = bufferization.to_memref %t : memref<4xf32>
  func.call @usem(%f) : (memref<4xf32>) -> ()
  %g = bufferization.to_tensor %f : memref<4xf32>
  func.call @uset(%g) : (tensor<4xf32>) -> ()
  return
}

// dim: a static size is a constant, a dynamic one the size it was allocated, viewed or made with;
// loads, stores, dims and deallocs see through memref.cast (MLIR's foldMemRefCast), tensor.dim
// through tensor.cast. The new constants stay in place after the hoisted ones, as MLIR leaves them.
func.func @dims(%m: memref<4x?xf32>, %n: index, %t: tensor<3x?xf32>, %x: f32) -> (index, index, index, index, index, index, index, f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %a = memref.dim %m, %c0 : memref<4x?xf32>
  %al = memref.alloc(%n) : memref<2x?xf32>
  %b = memref.dim %al, %c1 : memref<2x?xf32>
  %e = tensor.empty(%n) : tensor<?x5xf32>
  %c = tensor.dim %e, %c0 : tensor<?x5xf32>
  %d = tensor.dim %t, %c0 : tensor<3x?xf32>
  %cst = memref.cast %m : memref<4x?xf32> to memref<?x?xf32>
  %f = memref.dim %cst, %c0 : memref<?x?xf32>
  %v = memref.load %cst[%c0, %n] : memref<?x?xf32>
  memref.store %x, %cst[%c1, %n] : memref<?x?xf32>
  %sv = memref.subview %m[0, 0] [2, %n] [1, 1] : memref<4x?xf32> to memref<2x?xf32, strided<[?, 1]>>
  %g = memref.dim %sv, %c1 : memref<2x?xf32, strided<[?, 1]>>
  %tc = tensor.cast %t : tensor<3x?xf32> to tensor<?x?xf32>
  %h = tensor.dim %tc, %c0 : tensor<?x?xf32>
  %gen = tensor.generate %n {
  ^bb0(%i: index):
    tensor.yield %x : f32
  } : tensor<?xf32>
  %k = tensor.dim %gen, %c0 : tensor<?xf32>
  %al2 = memref.alloc(%n) : memref<?xf32>
  %c2 = memref.cast %al2 : memref<?xf32> to memref<*xf32>
  func.call @print_unranked(%c2) : (memref<*xf32>) -> ()
  %c3 = memref.cast %al2 : memref<?xf32> to memref<?xf32>
  memref.dealloc %c3 : memref<?xf32>
  memref.dealloc %al : memref<2x?xf32>
  return %a, %b, %c, %d, %f, %g, %h, %v : index, index, index, index, index, index, index, f32
}
func.func private @print_unranked(memref<*xf32>)

// affine.if under a set that always (0 == 0) or never (1 == 0) holds is its then or else block.
func.func @affine_if_constant(%x: f32, %m: memref<4xf32>) -> (f32, f32) {
  %r = affine.if affine_set<() : (0 == 0)>() -> f32 {
    affine.yield %x : f32
  } else {
    %y = arith.addf %x, %x : f32
    affine.yield %y : f32
  }
  %s = affine.if affine_set<() : (1 == 0)>() -> f32 {
    affine.yield %x : f32
  } else {
    %y = arith.mulf %x, %x : f32
    affine.yield %y : f32
  }
  affine.if affine_set<() : (1 == 0)>() {
    affine.store %x, %m[0] : memref<4xf32>
  }
  return %r, %s : f32, f32
}

// affine and vector accesses and linalg ops on memrefs see through memref.cast too.
func.func @cast_users(%m: memref<8xf32>, %i: index, %x: f32) -> (f32, vector<4xf32>) {
  %c = memref.cast %m : memref<8xf32> to memref<?xf32>
  %v = affine.load %c[%i] : memref<?xf32>
  affine.store %x, %c[%i + 1] : memref<?xf32>
  %w = vector.load %c[%i] : memref<?xf32>, vector<4xf32>
  vector.store %w, %c[%i] : memref<?xf32>, vector<4xf32>
  %p = arith.constant 0.0 : f32
  %t = vector.transfer_read %c[%i], %p : memref<?xf32>, vector<4xf32>
  vector.transfer_write %t, %c[%i] : vector<4xf32>, memref<?xf32>
  linalg.fill ins(%x : f32) outs(%c : memref<?xf32>)
  return %v, %t : f32, vector<4xf32>
}

// scf.if nested alone in an scf.if is one scf.if on both conditions; an outer result from
// outside becomes a select on the outer condition.
func.func @nested_ifs(%a: i1, %b: i1, %x: f32, %y: f32, %z: f32) -> (f32, f32) {
  scf.if %a {
    scf.if %b {
      func.call @sinkf(%x) : (f32) -> ()
    }
  }
  %r:2 = scf.if %a -> (f32, f32) {
    %i = scf.if %b -> f32 {
      %s = arith.addf %x, %y : f32
      scf.yield %s : f32
    } else {
      scf.yield %z : f32
    }
    scf.yield %i, %x : f32, f32
  } else {
    scf.yield %z, %y : f32, f32
  }
  return %r#0, %r#1 : f32, f32
}

// fptosi/fptoui fold only where the truncated value fits the result (else poison: left as is).
func.func @float_to_int() -> (i8, i8, i8, i8, i8, i32, i1, i1) {
  %big = arith.constant 6.550400e+04 : f16
  %neg_half = arith.constant -5.000000e-01 : f32
  %neg_one = arith.constant -1.000000e+00 : f32
  %u8_max = arith.constant 2.559000e+02 : f32
  %nan = arith.constant 0x7FC00000 : f32
  %r0 = arith.fptosi %big : f16 to i8
  %r1 = arith.fptoui %neg_half : f32 to i8
  %r2 = arith.fptoui %neg_one : f32 to i8
  %r3 = arith.fptoui %u8_max : f32 to i8
  %r4 = arith.fptosi %nan : f32 to i8
  %r5 = arith.fptosi %u8_max : f32 to i32
  %r6 = arith.fptosi %neg_one : f32 to i1
  %r7 = arith.fptoui %neg_one : f32 to i1
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7 : i8, i8, i8, i8, i8, i32, i1, i1
}

// math folds where MLIR 19 folds: not rsqrt, cbrt or fma; libm functions for f32 and f64 only,
// and not the square root or logarithm of a negative number (-0 too); a libm NaN as glibc's.
func.func @math_folds() -> (f16, f16, f32, f32, f32, f32, f32, f32, f32, f32, f32) {
  %h = arith.constant 2.500000e-01 : f16
  %x = arith.constant 4.000000e+00 : f32
  %nz = arith.constant -0.000000e+00 : f32
  %m2 = arith.constant -2.000000e+00 : f32
  %three = arith.constant 3.000000e+00 : f32
  %nan = arith.constant 0x7FC00001 : f32
  %r0 = math.sqrt %h : f16
  %r1 = math.absf %h : f16
  %r2 = math.rsqrt %x : f32
  %r3 = math.cbrt %x : f32
  %r4 = math.fma %x, %x, %x : f32
  %r5 = math.log %nz : f32
  %r6 = math.log1p %m2 : f32
  %r7 = math.sqrt %x : f32
  %r8 = math.asin %three : f32
  %r9 = math.acosh %m2 : f32
  %r10 = math.copysign %nan, %m2 : f32
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9, %r10 : f16, f16, f32, f32, f32, f32, f32, f32, f32, f32, f32
}

// arith folds as MLIR's: an invalid operation's NaN is APFloat's (positive); no fold where its
// steps overflow (ceildivsi negating MIN, divsi MIN by -1) unless x / 1; truncf only when exact.
func.func @arith_folds() -> (f64, f32, i8, i8, i8, i8, f32, f32) {
  %inf = arith.constant 0x7FF0000000000000 : f64
  %ninf = arith.constant 0xFF800000 : f32
  %nz = arith.constant -0.000000e+00 : f32
  %min = arith.constant -128 : i8
  %one = arith.constant 1 : i8
  %m1 = arith.constant -1 : i8
  %eight = arith.constant 8 : i8
  %tenth = arith.constant 1.000000e-01 : f64
  %half = arith.constant 5.000000e-01 : f64
  %r0 = arith.subf %inf, %inf : f64
  %r1 = arith.mulf %nz, %ninf : f32
  %r2 = arith.ceildivsi %min, %eight : i8
  %r3 = arith.ceildivsi %min, %one : i8
  %r4 = arith.divsi %min, %m1 : i8
  %r5 = arith.floordivsi %eight, %min : i8
  %r6 = arith.truncf %tenth : f64 to f32
  %r7 = arith.truncf %half : f64 to f32
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7 : f64, f32, i8, i8, i8, i8, f32, f32
}

// Vectors fold element by element (equal elements give a splat); a shift only when the last
// amount is below the width, floordivsi when the last element is defined (MLIR 19's folders).
func.func @vector_folds() -> (vector<4xi32>, vector<4xi1>, vector<2xf32>, vector<4xi32>, vector<4xi32>, vector<2xi8>, vector<2xi8>) {
  %a = arith.constant dense<[1, -2, 3, 2147483647]> : vector<4xi32>
  %b = arith.constant dense<[4, 2, -3, 1]> : vector<4xi32>
  %s = arith.constant dense<[32, 0, 1, 1]> : vector<4xi32>
  %t = arith.constant dense<[1, 1, 1, 32]> : vector<4xi32>
  %i = arith.constant dense<[7, -3]> : vector<2xi8>
  %z = arith.constant dense<[0, -3]> : vector<2xi8>
  %zl = arith.constant dense<[-3, 0]> : vector<2xi8>
  %r0 = arith.addi %a, %b : vector<4xi32>
  %r1 = arith.cmpi slt, %a, %b : vector<4xi32>
  %r2 = arith.sitofp %i : vector<2xi8> to vector<2xf32>
  %r3 = arith.shli %a, %s : vector<4xi32>
  %r4 = arith.shli %a, %t : vector<4xi32>
  %r5 = arith.floordivsi %i, %z : vector<2xi8>
  %r6 = arith.floordivsi %i, %zl : vector<2xi8>
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6 : vector<4xi32>, vector<4xi1>, vector<2xf32>, vector<4xi32>, vector<4xi32>, vector<2xi8>, vector<2xi8>
}

// arith's folds without constant results (MLIR 19's): identities, casts of casts, a constant
// moved right of a cmpi.
func.func @arith_identities(%x: i32, %i: index, %f: f32, %b: i1, %s: i8) -> (i32, i32, i32, i32, i32, index, f32, f32, f32, i32, i32, i32, i64, i8, index, i1) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %m1 = arith.constant -1 : i32
  %i0 = arith.constant 0 : index
  %nz = arith.constant -0.000000e+00 : f32
  %one = arith.constant 1.000000e+00 : f32
  %r0 = arith.addi %x, %c0 : i32
  %r1 = arith.muli %x, %c1 : i32
  %r4 = arith.andi %x, %m1 : i32
  %sub = arith.subi %x, %c1 : i32
  %r6 = arith.addi %sub, %c1 : i32
  %r7 = arith.divsi %x, %c1 : i32
  %r8 = arith.addi %i0, %i : index
  %r9 = arith.addf %f, %nz : f32
  %r10 = arith.mulf %f, %one : f32
  %n = arith.negf %f : f32
  %r11 = arith.negf %n : f32
  %r14 = arith.maxsi %x, %x : i32
  %r15 = arith.select %b, %x, %x : i32
  %eq = arith.cmpi eq, %x, %c1 : i32
  %r16 = arith.select %eq, %x, %c1 : i32
  %e1 = arith.extsi %s : i8 to i32
  %r17 = arith.extsi %e1 : i32 to i64
  %r18 = arith.trunci %e1 : i32 to i8
  %ic = arith.index_cast %i : index to i64
  %r19 = arith.index_cast %ic : i64 to index
  %c7 = arith.constant 7 : i32
  %r20 = arith.cmpi slt, %c7, %x : i32
  return %r0, %r1, %r4, %r6, %r7, %r8, %r9, %r10, %r11, %r14, %r15, %r16, %r17, %r18, %r19, %r20 : i32, i32, i32, i32, i32, index, f32, f32, f32, i32, i32, i32, i64, i8, index, i1
}

// An op of a value with itself.
func.func @arith_self(%x: i32) -> (i32, i32, i1, i1) {
  %r2 = arith.subi %x, %x : i32
  %r3 = arith.xori %x, %x : i32
  %r12 = arith.cmpi sle, %x, %x : i32
  %r13 = arith.cmpi ult, %x, %x : i32
  return %r2, %r3, %r12, %r13 : i32, i32, i1, i1
}

// scf.index_switch on a constant is its case; loops that only yield give what they yield.
func.func @trivial_control(%x: i64, %n: index) -> (i64, i64, i64, i64) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c9 = arith.constant 9 : index
  %a = arith.constant 10 : i64
  %s = scf.index_switch %c2 -> i64
  case 2 {
    scf.yield %x : i64
  }
  default {
    scf.yield %a : i64
  }
  %f = scf.for %i = %c1 to %c9 step %c2 iter_args(%acc = %x) -> (i64) {
    scf.yield %a : i64
  }
  %g:2 = affine.for %i = 0 to 1 iter_args(%p = %x, %q = %a) -> (i64, i64) {
    affine.yield %q, %p : i64, i64
  }
  return %s, %f, %g#0, %g#1 : i64, i64, i64, i64
}

// arith's patterns (MLIR 19's ArithCanonicalization.td): constants gathered, x + y * -1, a negated
// cmpi, selects of booleans, compares of extensions, truncations of extensions.
func.func @arith_patterns(%x: index, %y: i32, %s: i8, %t: i8) -> (index, index, index, index, index, i1, i1, i16) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %neg = arith.constant -1 : index
  %a1 = arith.addi %x, %c1 : index
  %r0 = arith.addi %a1, %c2 : index
  %r1 = arith.subi %a1, %c3 : index
  %m = arith.muli %x, %c2 : index
  %r2 = arith.muli %m, %c3 : index
  %r3 = arith.subi %c3, %a1 : index
  %mn = arith.muli %x, %neg : index
  %r4 = arith.addi %c3, %mn : index
  %k5 = arith.constant 5 : i32
  %lt = arith.cmpi slt, %y, %k5 : i32
  %true = arith.constant true
  %r5 = arith.xori %lt, %true : i1
  %es = arith.extsi %s : i8 to i32
  %et = arith.extsi %t : i8 to i32
  %r6 = arith.cmpi ne, %es, %et : i32
  %r7 = arith.trunci %es : i32 to i16
  return %r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7 : index, index, index, index, index, i1, i1, i16
}

func.func @select_patterns(%b: i1, %c: i1, %x: i32, %y: i32) -> (i1, i32, i32, i32) {
  %false = arith.constant false
  %true = arith.constant true
  %r0 = arith.select %b, %false, %true : i1
  %one = arith.constant 1 : i32
  %zero = arith.constant 0 : i32
  %r1 = arith.select %c, %one, %zero : i32
  %nb = arith.xori %c, %true : i1
  %r2 = arith.select %nb, %x, %y : i32
  %in = arith.select %c, %x, %y : i32
  %r3 = arith.select %c, %in, %one : i32
  return %r0, %r1, %r2, %r3 : i1, i32, i32, i32
}

// tensor.empty of a constant size is static (cast back); a linalg op of a cast from a more static
// tensor takes the static one; the dim of a linalg op's result is its init's.
func.func @tensor_shapes(%a: tensor<4x4xf32>, %b: tensor<?x4xf32>) -> (tensor<?x4xf32>, index) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %e = tensor.empty(%c4) : tensor<?x4xf32>
  %r = linalg.copy ins(%a : tensor<4x4xf32>) outs(%e : tensor<?x4xf32>) -> tensor<?x4xf32>
  %f = tensor.empty(%c4) : tensor<?x4xf32>
  %n = tensor.dim %b, %c0 : tensor<?x4xf32>
  %g = tensor.empty(%n) : tensor<?x4xf32>
  %s = linalg.add ins(%b, %b : tensor<?x4xf32>, tensor<?x4xf32>) outs(%g : tensor<?x4xf32>) -> tensor<?x4xf32>
  %d = tensor.dim %s, %c0 : tensor<?x4xf32>
  return %r, %d : tensor<?x4xf32>, index
}

// memref.alloc and alloca of constant sizes are static, cast back (SimplifyAllocConst).
func.func private @use_buffer(memref<?x4xf32>)
func.func @alloc_sizes(%n: index) {
  %c4 = arith.constant 4 : index
  %a = memref.alloc(%c4) : memref<?x4xf32>
  func.call @use_buffer(%a) : (memref<?x4xf32>) -> ()
  memref.dealloc %a : memref<?x4xf32>
  %b = memref.alloca(%n, %c4) : memref<?x?xf32>
  %c = memref.cast %b : memref<?x?xf32> to memref<?x4xf32>
  func.call @use_buffer(%c) : (memref<?x4xf32>) -> ()
  return
}
func.func @cf_const_cond(%x: i32) -> i32 {
  %t = arith.constant true
  cf.cond_br %t, ^a, ^b
^a:
  return %x : i32
^b:
  %y = arith.addi %x, %x : i32
  return %y : i32
}
func.func @cf_same_successors(%x: i32, %c: i1) -> i32 {
  cf.br ^a(%x : i32)
^a(%v: i32):
  %y = arith.addi %v, %v : i32
  cf.cond_br %c, ^b(%y : i32), ^b(%y : i32)
^b(%w: i32):
  return %w : i32
}
func.func @cf_switches(%x: i32, %f: i8) -> i32 {
  %c2 = arith.constant 2 : i32
  cf.switch %c2 : i32, [
    default: ^d(%x : i32),
    2: ^two
  ]
^two:
  %y = arith.muli %x, %x : i32
  cf.switch %f : i8, [
    default: ^d(%y : i32)
  ]
^d(%z: i32):
  return %z : i32
}
func.func @cf_pass_through(%c: i1, %x: i32, %n: index) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.cond_br %c, ^pre, ^out(%x : i32)
^pre:
  cf.br ^loop(%c0, %x, %x : index, i32, i32)
^loop(%i: index, %acc: i32, %unused: i32):
  %more = arith.cmpi slt, %i, %n : index
  cf.cond_br %more, ^body, ^out(%acc : i32)
^body:
  %a = arith.addi %acc, %x : i32
  %u = arith.muli %unused, %unused : i32
  %i1 = arith.addi %i, %c1 : index
  cf.br ^loop(%i1, %a, %u : index, i32, i32)
^out(%r: i32):
  return %r : i32
}
func.func @cf_switch_cases(%f: i32, %x: i32, %y: i32) -> i32 {
  cf.switch %f : i32, [
    default: ^d(%x : i32),
    1: ^d(%x : i32),
    2: ^d(%y : i32),
    3: ^hop,
    4: ^same
  ]
^hop:
  cf.br ^d(%y : i32)
^same:
  cf.switch %f : i32, [
    default: ^d(%x : i32),
    4: ^four,
    5: ^d(%y : i32)
  ]
^four:
  %z = arith.muli %x, %y : i32
  cf.br ^d(%z : i32)
^d(%r: i32):
  return %r : i32
}
func.func @cf_switch_from_default(%f: i32, %x: i32, %y: i32) -> i32 {
  cf.switch %f : i32, [
    default: ^other,
    7: ^d(%x : i32)
  ]
^other:
  cf.switch %f : i32, [
    default: ^d(%y : i32),
    7: ^seven,
    8: ^d(%x : i32)
  ]
^seven:
  %z = arith.addi %x, %y : i32
  cf.br ^d(%z : i32)
^d(%r: i32):
  return %r : i32
}
func.func @cf_same_condition(%c: i1, %x: i32, %y: i32) -> i32 {
  cf.cond_br %c, ^t, ^d(%x : i32)
^t:
  %s = arith.select %c, %x, %y : i32
  %z = arith.addi %s, %y : i32
  cf.cond_br %c, ^d(%z : i32), ^d(%y : i32)
^d(%r: i32):
  return %r : i32
}
func.func @cf_select_operands(%c: i1, %x: i32, %y: i32) -> i32 {
  cf.cond_br %c, ^d(%x, %y : i32, i32), ^d(%y, %y : i32, i32)
^d(%a: i32, %b: i32):
  %r = arith.addi %a, %b : i32
  return %r : i32
}
func.func @folded_constant_not_hoisted_at_once(%a: index) -> (index, index, index) {
  %p = arith.muli %a, %a : index
  %c11 = arith.constant 11 : index
  %c8 = arith.constant 8 : index
  %r = arith.remui %c11, %c8 : index
  %q = arith.muli %p, %a : index
  %s = arith.addi %a, %r : index
  %t = arith.addi %a, %c8 : index
  %u = arith.addi %a, %c11 : index
  return %s, %t, %u : index, index, index
}
func.func @erase_then_dce(%x: f32, %n: index) -> (index, index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %f = math.floor %x : f32
  %c11 = arith.constant 11 : index
  %c8 = arith.constant 8 : index
  %r = arith.remui %c11, %c8 : index
  %t = arith.constant true
  cf.cond_br %t, ^loop(%c0, %f : index, f32), ^dead
^loop(%i: index, %u: f32):
  %more = arith.cmpi slt, %i, %n : index
  cf.cond_br %more, ^body, ^exit
^body:
  %u2 = math.floor %u : f32
  %i2 = arith.addi %i, %c1 : index
  cf.br ^loop(%i2, %u2 : index, f32)
^dead:
  cf.br ^exit
^exit:
  %s = arith.addi %n, %r : index
  %a = arith.addi %n, %c8 : index
  %b = arith.addi %n, %c11 : index
  return %s, %a, %b : index, index, index
}

// A memref.cast folds into the memref a load or store reads, never into the value a store
// writes (its type is the element type of the memref written to).
func.func @stored_cast_kept(%arg: memref<32xi8>, %holder: memref<memref<?xi8>>, %i: index) -> i8 {
  %0 = memref.cast %arg : memref<32xi8> to memref<?xi8>
  memref.store %0, %holder[] : memref<memref<?xi8>>
  affine.store %0, %holder[] : memref<memref<?xi8>>
  %v = memref.load %0[%i] : memref<?xi8>
  return %v : i8
}

// Folds of integers wider than 64 bits wrap at their own width.
func.func @wide_integer_folds(%x: i128) -> (i128, i128, i128) {
  %a = arith.constant 18446744073709551615 : i128
  %b = arith.constant 1 : i128
  %s = arith.addi %a, %b : i128
  %y = arith.addi %x, %a : i128
  %z = arith.addi %y, %b : i128
  %m = arith.constant 170141183460469231731687303715884105727 : i128
  %w = arith.addi %m, %b : i128
  return %s, %z, %w : i128, i128, i128
}

// bitcast chains collapse (to nothing where the types meet), extsi of an extui is an extui, and
// negf folds vector constants element by element.
func.func @cast_chains(%x: i16, %y: f32, %z: i8) -> (i16, f32, i64, vector<2xf32>) {
  %0 = arith.bitcast %x : i16 to f16
  %1 = arith.bitcast %0 : f16 to bf16
  %2 = arith.bitcast %1 : bf16 to i16
  %3 = arith.bitcast %y : f32 to f32
  %4 = arith.extui %z : i8 to i32
  %5 = arith.extsi %4 : i32 to i64
  %c = arith.constant dense<[1.0, -2.0]> : vector<2xf32>
  %6 = arith.negf %c : vector<2xf32>
  return %2, %3, %5, %6 : i16, f32, i64, vector<2xf32>
}

// (a - b) - a is 0 - b; (-a) * (-b) is a * b (and for divf), flags kept; and/or of two like
// extensions of one type is the extension of the narrow and/or.
func.func @more_arith_patterns(%a: i32, %b: i32, %x: f32, %y: f32, %p: i8, %q: i8) -> (i32, i32, f32, f32, i32, i32) {
  %0 = arith.subi %a, %b : i32
  %1 = arith.subi %0, %a : i32
  %2 = arith.subi %a, %b overflow<nsw> : i32
  %3 = arith.subi %2, %a overflow<nsw> : i32
  %nx = arith.negf %x : f32
  %ny = arith.negf %y : f32
  %4 = arith.mulf %nx, %ny : f32
  %5 = arith.divf %nx, %ny fastmath<fast> : f32
  %ep = arith.extui %p : i8 to i32
  %eq = arith.extui %q : i8 to i32
  %6 = arith.andi %ep, %eq : i32
  %sp = arith.extsi %p : i8 to i32
  %sq = arith.extsi %q : i8 to i32
  %7 = arith.ori %sp, %sq : i32
  return %1, %3, %4, %5, %6, %7 : i32, i32, f32, f32, i32, i32
}

// The extended ops: a zero or one operand (either side, scalar or splat), an unused carry or
// high half (then addi or muli), mulsi_extended by 1 (its high half is the sign), constants
// folded element by element.
func.func @extended_ops(%x: i32, %y: i32, %v: vector<2xi16>) -> (i32, i1, i32, i32, i32, i32, i32, i32, i32, vector<2xi16>, vector<2xi1>, vector<2xi16>, vector<2xi16>) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %s, %o = arith.addui_extended %c0, %x : i32, i1
  %l, %h = arith.mulsi_extended %x, %c1 : i32
  %l1, %h1 = arith.mului_extended %c1, %y : i32
  %s2, %o2 = arith.addui_extended %x, %y : i32, i1
  %l2, %h2 = arith.mulsi_extended %x, %y : i32
  %z = arith.constant dense<0> : vector<2xi16>
  %sv, %ov = arith.addui_extended %v, %z : vector<2xi16>, vector<2xi1>
  %one = arith.constant dense<1> : vector<2xi16>
  %lv, %hv = arith.mulsi_extended %v, %one : vector<2xi16>
  return %s, %o, %l, %h, %l1, %h1, %s2, %l2, %h2, %sv, %ov, %lv, %hv : i32, i1, i32, i32, i32, i32, i32, i32, i32, vector<2xi16>, vector<2xi1>, vector<2xi16>, vector<2xi16>
}

func.func @extended_constants() -> (vector<3xi8>, vector<3xi1>, vector<3xi8>, vector<3xi8>, i8, i8, i16, i16) {
  %a = arith.constant dense<[-56, 100, 3]> : vector<3xi8>
  %b = arith.constant dense<[99, 27, -1]> : vector<3xi8>
  %s, %o = arith.addui_extended %a, %b : vector<3xi8>, vector<3xi1>
  %l, %h = arith.mulsi_extended %a, %b : vector<3xi8>
  %p = arith.constant -9 : i8
  %q = arith.constant 77 : i8
  %l1, %h1 = arith.mului_extended %p, %q : i8
  %r = arith.constant -300 : i16
  %l2, %h2 = arith.mulsi_extended %r, %r : i16
  return %s, %o, %h, %l, %l1, %h1, %l2, %h2 : vector<3xi8>, vector<3xi1>, vector<3xi8>, vector<3xi8>, i8, i8, i16, i16
}

// cmpf of an integer converted to float against a constant is a cmpi (a fractional constant
// adjusts the predicate or decides it; one past the integer range decides it); not where the
// conversion may round near the constant, nor against a NaN.
func.func @cmpf_of_int(%a: i32, %b: i8, %c: i64) -> (i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1) {
  %f = arith.sitofp %a : i32 to f64
  %k = arith.constant -7.25 : f64
  %0 = arith.cmpf olt, %f, %k : f64
  %1 = arith.cmpf uge, %f, %k : f64
  %2 = arith.cmpf one, %f, %k : f64
  %u = arith.uitofp %b : i8 to f32
  %m = arith.constant 2.0e+02 : f32
  %3 = arith.cmpf ule, %u, %m : f32
  %big = arith.constant 3.0e+02 : f32
  %4 = arith.cmpf ogt, %u, %big : f32
  %neg = arith.constant -0.5 : f32
  %5 = arith.cmpf ult, %u, %neg : f32
  %6 = arith.cmpf ord, %u, %neg : f32
  %g = arith.sitofp %c : i64 to f32
  %e = arith.constant 1.0e+10 : f32
  %7 = arith.cmpf oeq, %g, %e : f32
  %small = arith.constant 9.5 : f32
  %8 = arith.cmpf ogt, %g, %small : f32
  %nan = arith.constant 0x7FC00000 : f32
  %9 = arith.cmpf ueq, %g, %nan : f32
  %h = arith.sitofp %b : i8 to f16
  %inf = arith.constant 0x7C00 : f16
  %10 = arith.cmpf olt, %h, %inf : f16
  %ui = arith.uitofp %a : i32 to f64
  %max = arith.constant 4294967295.0 : f64
  %11 = arith.cmpf oeq, %ui, %max : f64
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11 : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
}

// truncf of a constant folds where it is exact, whatever its rounding mode (vectors too, each
// element exact); extf(truncf(x)) is x when both allow contraction.
func.func @truncf_modes(%x: f32, %y: vector<4xbf16>) -> (bf16, f16, bf16, vector<2xf16>, vector<2xf16>, f16, f32, f32, vector<4xbf16>) {
  %one = arith.constant 1.0 : f32
  %0 = arith.truncf %one downward : f32 to bf16
  %tenth = arith.constant 0.1 : f32
  %1 = arith.truncf %tenth upward : f32 to f16
  %k = arith.constant -2.5 : f64
  %2 = arith.truncf %k to_nearest_away : f64 to bf16
  %v = arith.constant dense<[0.5, -4.0]> : vector<2xf32>
  %3 = arith.truncf %v toward_zero : vector<2xf32> to vector<2xf16>
  %w = arith.constant dense<[0.5, 0.1]> : vector<2xf32>
  %4 = arith.truncf %w : vector<2xf32> to vector<2xf16>
  %5 = arith.truncf %x to_nearest_even : f32 to f16
  %t = arith.truncf %x fastmath<contract> : f32 to f16
  %6 = arith.extf %t fastmath<fast> : f16 to f32
  %7 = arith.extf %t : f16 to f32
  %e = arith.extf %y fastmath<contract> : vector<4xbf16> to vector<4xf32>
  %n = arith.negf %e : vector<4xf32>
  %r = arith.truncf %n fastmath<contract> : vector<4xf32> to vector<4xbf16>
  %e2 = arith.extf %r fastmath<contract> : vector<4xbf16> to vector<4xf32>
  %8 = arith.truncf %e2 fastmath<contract> : vector<4xf32> to vector<4xbf16>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : bf16, f16, bf16, vector<2xf16>, vector<2xf16>, f16, f32, f32, vector<4xbf16>
}

// xor of two like extensions is the extension of the narrow xor; trunci of a shrsi by the
// dropped width is that of a shrui; a select on a constant mask of two constants folds; a
// predicate may be written as a string.
func.func @xor_shift_select(%p: i8, %q: i8, %a: i64, %b: vector<2xi32>) -> (i32, i16, i32, vector<2xi16>, vector<3xf32>, i1) {
  %sp = arith.extsi %p : i8 to i32
  %sq = arith.extsi %q : i8 to i32
  %0 = arith.xori %sp, %sq : i32
  %up = arith.extui %p : i8 to i16
  %uq = arith.extui %q : i8 to i16
  %1 = arith.xori %up, %uq : i16
  %c32 = arith.constant 32 : i64
  %sh = arith.shrsi %a, %c32 : i64
  %2 = arith.trunci %sh : i64 to i32
  %c16 = arith.constant dense<16> : vector<2xi32>
  %vs = arith.shrsi %b, %c16 : vector<2xi32>
  %3 = arith.trunci %vs : vector<2xi32> to vector<2xi16>
  %mask = arith.constant dense<[true, false, false]> : vector<3xi1>
  %l = arith.constant dense<[1.0, 2.0, 3.0]> : vector<3xf32>
  %r = arith.constant dense<-1.0> : vector<3xf32>
  %4 = arith.select %mask, %l, %r : vector<3xi1>, vector<3xf32>
  %5 = arith.cmpi "ult", %p, %q : i8
  return %0, %1, %2, %3, %4, %5 : i32, i16, i32, vector<2xi16>, vector<3xf32>, i1
}
