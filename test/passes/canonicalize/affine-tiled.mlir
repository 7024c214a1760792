// Tiled loops under --canonicalize (affine-tiled.expected.mlir is mlir-opt-19's output). An
// affine.for bound drops a result of its min (max) that the operands' loop ranges show can
// never be the bound (MLIR's simplifyMinOrMaxExprWithOperands); affine.min/max ops themselves
// are not simplified with loop ranges.

// A tile loop over 128 by 4 never reaches past 128: its inner bound is the tile's end; over 130
// (4 does not divide it) the last tile is cut short and the min stays.
func.func @point_loops(%A: memref<?xf32>, %v: f32) {
  affine.for %i = 0 to 130 step 4 {
    affine.for %j = affine_map<(d0) -> (d0)>(%i) to min affine_map<(d0) -> (d0 + 4, 130)>(%i) {
      affine.store %v, %A[%j] : memref<?xf32>
    }
  }
  affine.for %i = 0 to 128 step 4 {
    affine.for %j = affine_map<(d0) -> (d0)>(%i) to min affine_map<(d0) -> (d0 + 4, 128)>(%i) {
      affine.store %v, %A[%j] : memref<?xf32>
    }
  }
  return
}

// Two levels: the middle loop's min goes (256 is a multiple of 64), the innermost keeps the
// results over the middle iv, whose range is not constant.
func.func @two_levels(%A: memref<?xf32>, %v: f32) {
  affine.for %ii = 0 to 256 step 64 {
    affine.for %i = affine_map<(d0) -> (d0)>(%ii) to min affine_map<(d0) -> (d0 + 64, 256)>(%ii) step 8 {
      affine.for %j = affine_map<(d0) -> (d0)>(%i) to min affine_map<(d0, d1) -> (d0 + 8, d1 + 64, 256)>(%i, %ii) {
        affine.store %v, %A[%j] : memref<?xf32>
      }
    }
  }
  return
}

// A halo of 2 around tiles of 16: the clamps go when no tile touches the edges.
func.func @halo(%A: memref<?xf32>, %v: f32) {
  affine.for %i = 0 to 64 step 16 {
    affine.for %j = max affine_map<(d0) -> (0, d0 - 2)>(%i) to min affine_map<(d0) -> (64, d0 + 18)>(%i) {
      affine.store %v, %A[%j] : memref<?xf32>
    }
  }
  affine.for %i = 16 to 48 step 16 {
    affine.for %j = max affine_map<(d0) -> (0, d0 - 2)>(%i) to min affine_map<(d0) -> (64, d0 + 18)>(%i) {
      affine.store %v, %A[%j] : memref<?xf32>
    }
  }
  return
}

// The step decides the last value: from 2 by 4 below 10 the iv is at most 6.
func.func @step_from_two(%A: memref<?xf32>, %v: f32) {
  affine.for %i = 2 to 10 step 4 {
    affine.for %j = 0 to min affine_map<(d0) -> (d0 + 4, 10)>(%i) {
      affine.store %v, %A[%j] : memref<?xf32>
    }
    affine.for %j = 0 to min affine_map<(d0) -> (d0 + 4, 11)>(%i) {
      affine.store %v, %A[%j] : memref<?xf32>
    }
  }
  return
}

// Dynamic sizes: a symbol has no range, so only the constant that the tile end never reaches goes.
func.func @dynamic(%A: memref<?xf32>, %v: f32, %N: index) {
  affine.for %i = 0 to %N step 32 {
    affine.for %j = affine_map<(d0) -> (d0)>(%i) to min affine_map<(d0)[s0] -> (d0 + 32, s0)>(%i)[%N] {
      affine.store %v, %A[%j] : memref<?xf32>
    }
  }
  affine.for %i = 0 to 128 step 32 {
    affine.for %j = affine_map<(d0) -> (d0)>(%i) to min affine_map<(d0)[s0] -> (d0 + 32, s0, 128)>(%i)[%N] {
      affine.store %v, %A[%j] : memref<?xf32>
    }
  }
  return
}

// A result with a floordiv of an iv has a range; one with a floordiv plus a term has none here.
// A lower bound with a single value over the loop becomes that constant.
func.func @divisions(%A: memref<?xf32>, %v: f32) {
  affine.for %i = 0 to 64 step 16 {
    affine.for %j = 0 to min affine_map<(d0) -> (d0 floordiv 16 + 1, 4)>(%i) {
      affine.store %v, %A[%j] : memref<?xf32>
    }
    affine.for %j = max affine_map<(d0) -> (d0 ceildiv 16, 0)>(%i) to 8 {
      affine.store %v, %A[%j] : memref<?xf32>
    }
  }
  affine.for %i = 0 to 2 {
    affine.for %j = max affine_map<(d0) -> (d0 floordiv 2, 0)>(%i) to 1 {
      affine.store %v, %A[%j] : memref<?xf32>
    }
  }
  return
}

// Bounds over an affine.apply of an iv: the upper bound is composed first, then simplified on
// the next round; the lower bound composed and simplified at once.
func.func @through_apply(%A: memref<?xf32>, %v: f32) {
  affine.for %i = 0 to 16 step 4 {
    %a = affine.apply affine_map<(d0) -> (d0 + 4)>(%i)
    affine.for %j = 0 to min affine_map<(d0) -> (d0, 16)>(%a) {
      affine.store %v, %A[%j] : memref<?xf32>
    }
    affine.for %j = max affine_map<(d0) -> (d0 - 4, 0)>(%a) to 16 {
      affine.store %v, %A[%j] : memref<?xf32>
    }
  }
  return
}

// affine.min/max ops keep results a loop range would rule out (mlir-opt-19 does not simplify
// them with loop ranges), in affine.for and scf.for alike; a nested min merges in.
func.func @min_ops(%A: memref<?xf32>, %v: f32, %N: index) {
  affine.for %i = 0 to 128 step 4 {
    %m = affine.min affine_map<(d0) -> (4, 128 - d0)>(%i)
    memref.store %v, %A[%m] : memref<?xf32>
  }
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %N step %c4 {
    %sz = affine.min affine_map<(d0)[s0] -> (4, -d0 + s0)>(%i)[%N]
    %sz2 = affine.min affine_map<(d0) -> (d0, 2)>(%sz)
    %mx = affine.max affine_map<(d0) -> (0, d0 - 3)>(%sz)
    memref.store %v, %A[%sz2] : memref<?xf32>
    memref.store %v, %A[%mx] : memref<?xf32>
  }
  return
}

// Loop peeling's bounds: ub - ub mod step (and ub - (ub - lb) mod step - lb) are multiples of
// step, so their mod step is 0 (MLIR's isModOfModSubtraction).
func.func @peeled_bounds(%lb: index, %ub: index, %step: index) -> (index, index) {
  %0 = affine.apply affine_map<()[s0, s1] -> ((s0 - (s0 mod s1)) mod s1)> ()[%ub, %step]
  %1 = affine.apply affine_map<()[s0, s1, s2] -> ((s0 - ((s0 - s2) mod s1) - s2) mod s1)> ()[%ub, %step, %lb]
  return %0, %1 : index, index
}
