// --convert-scf-to-cf input: every scf op the pass lowers; ops.expected.mlir is mlir-opt-19 --convert-scf-to-cf of this file.
func.func @f(%n: index, %x: f32, %c: i1, %k: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (f32) {
    %y = scf.if %c -> (f32) {
      %a = arith.addf %acc, %x : f32
      scf.yield %a : f32
    } else {
      scf.yield %acc : f32
    }
    scf.yield %y : f32
  }
  scf.if %c {
    vector.print %r : f32
  }
  %w:2 = scf.while (%a = %c0, %b = %x) : (index, f32) -> (index, f32) {
    %m = arith.cmpi slt, %a, %n : index
    scf.condition(%m) %a, %b : index, f32
  } do {
  ^bb0(%a2: index, %b2: f32):
    %a3 = arith.addi %a2, %c1 : index
    scf.yield %a3, %b2 : index, f32
  }
  %s = scf.index_switch %k -> f32
  case 2 {
    scf.yield %x : f32
  }
  case 5 {
    %z = arith.mulf %x, %x : f32
    scf.yield %z : f32
  }
  default {
    scf.yield %w#1 : f32
  }
  %e = scf.execute_region -> f32 {
    scf.yield %s : f32
  }
  return %e : f32
}
func.func @p(%n: index, %m: memref<?x?xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  %r = scf.parallel (%i, %j) = (%c0, %c0) to (%n, %n) step (%c1, %c1) init (%z) -> f32 {
    %v = memref.load %m[%i, %j] : memref<?x?xf32>
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    memref.store %z, %m[%i, %i] : memref<?x?xf32>
  }
  return %r : f32
}
func.func @do_while(%n: i32, %m: memref<4xi32>) -> i32 {
  %c1 = arith.constant 1 : i32
  %r = scf.while (%i = %c1) : (i32) -> i32 {
    %d = arith.muli %i, %i : i32
    %more = arith.cmpi slt, %d, %n : i32
    scf.condition(%more) %d : i32
  } do {
  ^bb0(%x: i32):
    scf.yield %x : i32
  }
  return %r : i32
}
func.func @negated(%c: i1, %x: f32, %m: memref<4xf32>) -> f32 {
  %t = arith.constant true
  %c0 = arith.constant 0 : index
  %nc = arith.xori %c, %t : i1
  scf.if %nc {
    memref.store %x, %m[%c0] : memref<4xf32>
  }
  %r = scf.if %nc -> f32 {
    scf.yield %x : f32
  } else {
    %l = memref.load %m[%c0] : memref<4xf32>
    scf.yield %l : f32
  }
  return %r : f32
}

// forall: the scf.parallel it means (static bounds become constants), rank 0 its body once
func.func @forall(%m: memref<?x?xf32>, %n: index, %x: f32, %lb: index) {
  scf.forall (%i) in (%n) {
    %y = arith.addf %x, %x : f32
    memref.store %y, %m[%i, %i] : memref<?x?xf32>
  }
  scf.forall (%i, %j) = (%lb, 0) to (%n, 8) step (2, %lb) {
    memref.store %x, %m[%i, %j] : memref<?x?xf32>
  }
  scf.forall () in () {
    memref.store %x, %m[%lb, %lb] : memref<?x?xf32>
  }
  return
}

// Many scf ops in one block (lowered last to first), with ifs that fold first: one on a constant
// holding loops, one on a negation; a loop nest last.
func.func @one_block(%n: index, %x: f32, %m: memref<8xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %t = arith.constant true
  %f = arith.constant false
  %a = scf.for %i = %c0 to %n step %c1 iter_args(%s = %x) -> (f32) {
    %v = arith.addf %s, %x : f32
    scf.yield %v : f32
  }
  %b = scf.if %t -> (f32) {
    %w = scf.for %i = %c0 to %n step %c1 iter_args(%s = %a) -> (f32) {
      %c = arith.cmpf olt, %s, %x : f32
      %u = scf.if %c -> (f32) {
        scf.yield %s : f32
      } else {
        %z = arith.mulf %s, %x : f32
        scf.yield %z : f32
      }
      scf.yield %u : f32
    }
    scf.yield %w : f32
  } else {
    scf.yield %x : f32
  }
  %q = arith.xori %t, %t : i1
  scf.if %q {
    memref.store %x, %m[%c0] : memref<8xf32>
  }
  %nb = arith.cmpf ogt, %b, %x : f32
  %nn = arith.xori %nb, %t : i1
  %r = scf.if %nn -> (f32) {
    scf.yield %b : f32
  } else {
    %e = scf.execute_region -> f32 {
      scf.yield %a : f32
    }
    scf.yield %e : f32
  }
  %z = scf.while (%k = %c0) : (index) -> index {
    %lt = arith.cmpi slt, %k, %n : index
    scf.condition(%lt) %k : index
  } do {
  ^bb0(%k: index):
    %k1 = arith.addi %k, %c1 : index
    scf.yield %k1 : index
  }
  %s2 = scf.index_switch %z -> f32
  case 2 {
    scf.yield %r : f32
  }
  default {
    scf.yield %b : f32
  }
  scf.for %i = %c0 to %n step %c1 {
    scf.for %j = %c0 to %n step %c1 {
      memref.store %s2, %m[%j] : memref<8xf32>
    }
  }
  return %s2 : f32
}
