// scf ops in MLIR 19's custom form; the test prints, reparses and checks with mlir-opt-19.
func.func @loops(%A: memref<10x20xf32>, %n: index, %m: index, %c: i1) -> f32 {
  %cst = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
  }
  scf.for %i = %c0 to %n step %c1 {
    scf.for %j = %i to %m step %c1 {
      %v = memref.load %A[%i, %j] : memref<10x20xf32>
      memref.store %v, %A[%j, %i] : memref<10x20xf32>
    }
  }
  %r:2 = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %cst, %b = %cst) -> (f32, f32) {
    %s = arith.addf %acc, %b : f32
    scf.yield %s, %b : f32, f32
  }
  %r2 = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %cst) -> f32 {
    scf.yield %acc : f32
  }
  %k = arith.constant 4 : i32
  %z = arith.constant 0 : i32
  %o = arith.constant 1 : i32
  scf.for %i = %z to %k step %o : i32 {
  }
  %t = scf.for %i = %z to %k step %o iter_args(%a = %z) -> (i32) : i32 {
    %s = arith.addi %a, %i : i32
    scf.yield %s : i32
  } {tag = "loop"}
  return %r2 : f32
}

func.func @branches(%c: i1, %x: f32) -> f32 {
  scf.if %c {
  }
  scf.if %c {
    %z = arith.addf %x, %x : f32
  } else {
  }
  %y = scf.if %c -> (f32) {
    scf.yield %x : f32
  } else {
    %n = arith.negf %x : f32
    scf.yield %n : f32
  }
  %p:2 = scf.if %c -> (f32, i1) {
    scf.yield %x, %c : f32, i1
  } else {
    scf.yield %y, %c : f32, i1
  } {note}
  return %p#0 : f32
}

func.func @whiles(%n: index, %x: f32) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %w:2 = scf.while (%a = %c0, %b = %x) : (index, f32) -> (index, f32) {
    %cond = arith.cmpi slt, %a, %n : index
    scf.condition(%cond) %a, %b : index, f32
  } do {
  ^bb0(%a: index, %b: f32):
    %a1 = arith.addi %a, %c1 : index
    scf.yield %a1, %b : index, f32
  }
  scf.while : () -> () {
    %t = arith.constant false
    scf.condition(%t)
  } do {
    scf.yield
  }
  %v = scf.while (%a = %c0) : (index) -> f32 {
    %cond = arith.cmpi slt, %a, %n : index
    scf.condition(%cond) %x : f32
  } do {
  ^bb0(%f: f32):
    scf.yield %c0 : index
  } attributes {unrolled}
  return %w#0 : index
}

func.func @parallels(%A: memref<10x20xf32>, %n: index, %m: index, %x: f32, %y: i32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i, %j) = (%c0, %c0) to (%n, %m) step (%c1, %c1) {
    %v = memref.load %A[%i, %j] : memref<10x20xf32>
    memref.store %v, %A[%i, %j] : memref<10x20xf32>
  }
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    scf.reduce
  }
  %p = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%x) -> f32 {
    %v = memref.load %A[%i, %i] : memref<10x20xf32>
    scf.reduce(%v : f32) {
    ^bb0(%lhs: f32, %rhs: f32):
      %s = arith.addf %lhs, %rhs : f32
      scf.reduce.return %s : f32
    }
  }
  %q:2 = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%x, %y) -> (f32, i32) {
    scf.reduce(%x, %y : f32, i32) {
    ^bb0(%lhs: f32, %rhs: f32):
      scf.reduce.return %lhs : f32
    }, {
    ^bb0(%lhs: i32, %rhs: i32):
      %s = arith.maxsi %lhs, %rhs : i32
      scf.reduce.return %s : i32
    }
  }
  %e = scf.execute_region -> f32 {
    scf.yield %p : f32
  }
  %e2:2 = scf.execute_region -> (f32, i32) {
    scf.yield %x, %y : f32, i32
  }
  scf.execute_region {
    scf.yield
  }
  return %e : f32
}

// -----

func.func @generic(%c: i1, %x: f32, %n: index) -> f32 {
  %0 = "scf.if"(%c) ({
    "scf.yield"(%x) : (f32) -> ()
  }, {
    "scf.yield"(%x) : (f32) -> ()
  }) : (i1) -> f32
  "scf.if"(%c) ({
    "scf.yield"() : () -> ()
  }, {
  }) : (i1) -> ()
  "scf.for"(%n, %n, %n) ({
  ^bb0(%i: index):
    "scf.yield"() : () -> ()
  }) : (index, index, index) -> ()
  return %0 : f32
}

// -----

func.func @switches(%c: index) -> i64 {
  %sw = scf.index_switch %c -> i64
  case 2 {
    %x = arith.constant 20 : i64
    scf.yield %x : i64
  }
  case 3 {
    %x = arith.constant 30 : i64
    scf.yield %x : i64
  }
  default {
    %x = arith.constant -1 : i64
    scf.yield %x : i64
  }
  %two:2 = scf.index_switch %c -> i64, f32
  case 1 {
    %x = arith.constant 10 : i64
    %f = arith.constant 1.0 : f32
    scf.yield %x, %f : i64, f32
  }
  default {
    %x = arith.constant 0 : i64
    %f = arith.constant 0.0 : f32
    scf.yield %x, %f : i64, f32
  }
  scf.index_switch %c
  default {
  }
  scf.index_switch %c {note}
  case 0 {
    %y = arith.constant 1 : i64
    scf.yield
  }
  default {
  }
  // the default region's empty yield is implicit, also after other ops
  scf.index_switch %c
  case 1 {
    scf.yield
  }
  default {
    %z = arith.constant 2 : i64
    %z2 = arith.addi %z, %z : i64
  }
  return %sw : i64
}

// -----

// Discardable attributes in every position MLIR 19 prints them.
func.func @attrs(%n: index, %x: f32, %A: memref<4xf32>) {
  %e = scf.execute_region -> f32 {
    scf.yield %x : f32
  } {a1}
  scf.parallel (%i) = (%n) to (%n) step (%n) {
    scf.reduce
  } {a2}
  affine.parallel (%i) = (0) to (4) {
  } {a3}
  %v = affine.load %A[0] {a4} : memref<4xf32>
  %a = affine.apply affine_map<(d0) -> (d0)>(%n) {a5}
  %m = affine.min affine_map<(d0) -> (d0, 4)>(%n) {a6}
  %d:2 = affine.delinearize_index %n into (%n, %n) {a7} : index, index
  %g = memref.alloca() {a8} : memref<4xf32>
  %s = memref.subview %A[0] [2] [1] {a9} : memref<4xf32> to memref<2xf32, strided<[1]>>
  %r = memref.reinterpret_cast %A to offset: [0], sizes: [4], strides: [1] {a10} : memref<4xf32> to memref<4xf32>
  memref.copy %A, %A {a11} : memref<4xf32> to memref<4xf32>
  %sw = scf.index_switch %n {a12} -> f32
  default {
    scf.yield %x : f32
  }
  %w = scf.while (%q = %x) : (f32) -> f32 {
    %t = arith.constant true
    scf.condition(%t) {a13} %q : f32
  } do {
  ^bb0(%q: f32):
    scf.yield {a14} %q : f32
  }
  return
}

// scf.forall as MLIR's tiling passes print it: normalized (`in`) and general bounds, static and
// dynamic, shared tensors written by the terminator's parallel_insert_slice (rank-reducing too),
// gpu mappings (kept as written), an elided empty terminator and a rank-0 loop.
func.func @forall(%in: tensor<100xf32>, %out: tensor<100xf32>, %out2: tensor<8x100xf32>, %m: memref<?x?xf32>, %n: index, %lb: index, %s: index) -> (tensor<100xf32>, tensor<8x100xf32>) {
  %r:2 = scf.forall (%i) in (%n) shared_outs(%o = %out, %o2 = %out2) -> (tensor<100xf32>, tensor<8x100xf32>) {
    %e = tensor.extract_slice %in[%i] [1] [1] : tensor<100xf32> to tensor<1xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %e into %o[%i] [1] [1] : tensor<1xf32> into tensor<100xf32>
      tensor.parallel_insert_slice %e into %o2[3, %i] [1, 1] [1, 1] : tensor<1xf32> into tensor<8x100xf32>
    }
  } {mapping = [#gpu.thread<x>]}
  scf.forall (%i, %j) = (%lb, 0) to (%n, 8) step (%s, 2) {
    %c = arith.constant 1.0 : f32
    memref.store %c, %m[%i, %j] : memref<?x?xf32>
  }
  scf.forall (%i, %j) in (%n, 8) {
    %c = arith.constant 2.0 : f32
    memref.store %c, %m[%i, %j] : memref<?x?xf32>
  } {mapping = [#gpu.block<y>, #gpu.block<x>]}
  scf.forall (%i) = (0) to (%n) step (1) {
    %c = arith.constant 3.0 : f32
    memref.store %c, %m[%i, %i] : memref<?x?xf32>
    scf.forall.in_parallel {
    }
  }
  scf.forall () in () {
    %c = arith.constant 4.0 : f32
    memref.store %c, %m[%lb, %lb] : memref<?x?xf32>
  }
  return %r#0, %r#1 : tensor<100xf32>, tensor<8x100xf32>
}
