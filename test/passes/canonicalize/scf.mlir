// scf patterns of --canonicalize (scf.expected.mlir is mlir-opt-19's output).

func.func private @use(index)
func.func private @step(tensor<?xf32>) -> tensor<?xf32>

// Single-iteration dims go (the variable is the lower bound); a loop whose every dim runs once
// is its body, each reduction applied to its init.
func.func @parallel_single_dims(%A: memref<?x?xf32>, %x: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  scf.parallel (%i, %j) = (%c4, %c0) to (%c8, %c8) step (%c4, %c1) {
    memref.store %x, %A[%i, %j] : memref<?x?xf32>
    scf.reduce
  }
  return
}

func.func @parallel_all_single(%A: memref<?xf32>, %init: f32) -> f32 {
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %r = scf.parallel (%i) = (%c2) to (%c3) step (%c2) init (%init) -> f32 {
    %v = memref.load %A[%i] : memref<?xf32>
    scf.reduce(%v : f32) {
    ^bb0(%l: f32, %r2: f32):
      %m = arith.maximumf %l, %r2 : f32
      scf.reduce.return %m : f32
    }
  }
  return %r : f32
}

// A dim from a bound to itself never runs: the inits. A constant negative count is kept, as MLIR 19.
func.func @parallel_zero_dims(%A: memref<?xf32>, %n: index, %init: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  %r = scf.parallel (%i, %j) = (%c0, %n) to (%c5, %n) step (%c1, %c1) init (%init) -> f32 {
    %v = memref.load %A[%i] : memref<?xf32>
    scf.reduce(%v : f32) {
    ^bb0(%l: f32, %r2: f32):
      %s = arith.addf %l, %r2 : f32
      scf.reduce.return %s : f32
    }
  }
  scf.parallel (%i) = (%c5) to (%c0) step (%c1) {
    memref.store %init, %A[%i] : memref<?xf32>
    scf.reduce
  }
  return %r : f32
}

// Nested loops merge unless the inner bounds use the outer variables.
func.func @parallel_nested(%A: memref<?x?xf32>, %n: index, %x: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    scf.parallel (%j) = (%c0) to (%n) step (%c1) {
      memref.store %x, %A[%i, %j] : memref<?x?xf32>
      scf.reduce
    }
    scf.reduce
  }
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    scf.parallel (%j) = (%c0) to (%i) step (%c1) {
      memref.store %x, %A[%i, %j] : memref<?x?xf32>
      scf.reduce
    }
    scf.reduce
  }
  return
}

// An upper bound `lb + C` gives the trip count: C <= step runs once, C <= 0 never.
func.func @for_offset_bounds(%lb: index) {
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %cm1 = arith.constant -1 : index
  %once = arith.addi %c2, %lb : index
  scf.for %i = %lb to %once step %c4 {
    func.call @use(%i) : (index) -> ()
  }
  %never = arith.addi %lb, %cm1 : index
  scf.for %i = %lb to %never step %c2 {
    func.call @use(%i) : (index) -> ()
  }
  %twice = arith.addi %lb, %c4 : index
  scf.for %i = %lb to %twice step %c2 {
    func.call @use(%i) : (index) -> ()
  }
  return
}

// In the after region, the condition's cmpi on the forwarded value is true, its inverse false.
func.func @while_cmp(%n: index, %s: index, %A: memref<?xi1>) -> index {
  %r = scf.while (%i = %s) : (index) -> index {
    %lt = arith.cmpi slt, %i, %n : index
    scf.condition(%lt) %i : index
  } do {
  ^bb0(%j: index):
    %same = arith.cmpi slt, %j, %n : index
    %inv = arith.cmpi sge, %j, %n : index
    %other = arith.cmpi sle, %j, %n : index
    memref.store %same, %A[%j] : memref<?xi1>
    memref.store %inv, %A[%n] : memref<?xi1>
    memref.store %other, %A[%s] : memref<?xi1>
    %next = arith.addi %j, %s : index
    scf.yield %next : index
  }
  return %r : index
}

// A value forwarded twice is one result; forwarded arguments take the before-arguments' order.
func.func @while_forwarding(%a: i32, %b: i64, %A: memref<?xi32>) -> (i64, i32, i32) {
  %c0 = arith.constant 0 : index
  %r:3 = scf.while (%x = %a, %y = %b) : (i32, i64) -> (i64, i32, i32) {
    %v = memref.load %A[%c0] : memref<?xi32>
    %go = arith.cmpi ne, %v, %x : i32
    scf.condition(%go) %y, %x, %x : i64, i32, i32
  } do {
  ^bb0(%y2: i64, %x2: i32, %x3: i32):
    %s = arith.addi %x2, %x3 : i32
    %t = arith.extsi %s : i32 to i64
    %u = arith.addi %t, %y2 : i64
    %w = arith.trunci %u : i64 to i32
    scf.yield %w, %u : i32, i64
  }
  return %r#0, %r#1, %r#2 : i64, i32, i32
}

// Several blocks inline into the function body, scf.yield becoming a branch.
func.func @execute_region_blocks(%c: i1, %a: i64, %b: i64) -> i64 {
  %v = scf.execute_region -> i64 {
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    %s = arith.addi %a, %b : i64
    scf.yield %s : i64
  ^bb2:
    %m = arith.muli %a, %b : i64
    scf.yield %m : i64
  }
  %r = arith.subi %v, %a : i64
  return %r : i64
}

// An init cast from a more static tensor is that tensor, cast back inside and after the loop.
func.func @for_tensor_cast(%t: tensor<8xf32>, %n: index) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d = tensor.cast %t : tensor<8xf32> to tensor<?xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %d) -> (tensor<?xf32>) {
    %s = func.call @step(%acc) : (tensor<?xf32>) -> tensor<?xf32>
    scf.yield %s : tensor<?xf32>
  }
  return %r : tensor<?xf32>
}
