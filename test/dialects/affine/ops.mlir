// affine ops in MLIR 19's custom form; the test prints, reparses and checks with mlir-opt-19.
#map = affine_map<(d0)[s0] -> (d0 + s0)>
#lb = affine_map<(d0)[s0] -> (d0, s0)>
#set = affine_set<(d0) : (d0 - 10 >= 0)>

func.func @loops(%A: memref<10x20xf32>, %n: index, %m: index) -> f32 {
  %c0 = arith.constant 0.0 : f32
  affine.for %i = 0 to 10 {
    affine.for %j = max #lb(%i)[%n] to min affine_map<(d0)[s0] -> (d0 + 10, s0)>(%i)[%m] step 2 {
      %v = affine.load %A[%i + 1, %j * 2] : memref<10x20xf32>
      affine.store %v, %A[%i, symbol(%n)] : memref<10x20xf32>
      %w = affine.load %A[%i - 1, (%j floordiv 2) mod 4 + symbol(%m) * 3] : memref<10x20xf32>
      affine.store %w, %A[%i, %i] {tag} : memref<10x20xf32>
    }
    affine.for %j = #map(%i)[%n] to %m {
    }
    affine.for %j = %n to affine_map<()[s0] -> (s0 * 2)>()[%m] {
    }
  }
  affine.for %i = -4 to 10 step 3 {
  } {unroll = 2 : i64}
  %r = affine.for %i = 0 to 10 iter_args(%acc = %c0) -> (f32) {
    %s = arith.addf %acc, %acc : f32
    affine.yield %s : f32
  }
  %r2:2 = affine.for %i = 0 to %n iter_args(%a = %c0, %b = %r) -> (f32, f32) {
    affine.yield %b, %a : f32, f32
  }
  return %r2#0 : f32
}

func.func @conditions(%n: index, %m: index, %x: f32) -> f32 {
  affine.if #set(%n) {
  }
  affine.if #set(%n) {
  } else {
  }
  %x1 = affine.if affine_set<(d0)[s0] : (d0 - s0 >= 0, d0 == 0)>(%n)[%m] -> f32 {
    affine.yield %x : f32
  } else {
    %y = arith.negf %x : f32
    affine.yield %y : f32
  }
  affine.if affine_set<()[s0] : (s0 >= 0)>()[%m] {
    %z = arith.addf %x, %x : f32
  } {marked}
  return %x1 : f32
}

func.func @maps(%A: memref<?xf32>, %n: index, %m: index) -> index {
  %a = affine.apply #map(%n)[%m]
  %b = affine.apply affine_map<()[s0] -> (s0 * 2)>()[%n]
  %c = affine.apply affine_map<(d0, d1) -> (d0 floordiv 4 + d1 ceildiv 2)>(%a, %b)
  %d = affine.min affine_map<(d0)[s0] -> (d0, s0, 100)>(%n)[%m]
  %e = affine.max #lb(%c)[%d]
  %k = affine.apply affine_map<() -> (42)>()
  %v = affine.load %A[%e] : memref<?xf32>
  affine.store %v, %A[symbol(%k) - 1] : memref<?xf32>
  return %e : index
}

func.func @parallels(%A: memref<10x20xf32>, %n: index, %m: index) -> (f32, f32) {
  affine.parallel (%i, %j) = (0, 0) to (10, 20) step (2, 4) {
    %v = affine.load %A[%i, %j] : memref<10x20xf32>
    affine.store %v, %A[%j floordiv 2, %i] : memref<10x20xf32>
  }
  %r = affine.parallel (%i) = (0) to (10) reduce ("addf") -> (f32) {
    %v = affine.load %A[%i, %i] : memref<10x20xf32>
    affine.yield %v : f32
  }
  %q:2 = affine.parallel (%i, %j) = (0, 0) to (10, 20) reduce ("maximumf", "mulf") -> (f32, f32) {
    %v = affine.load %A[%i, %j] : memref<10x20xf32>
    affine.yield %v, %v : f32, f32
  }
  affine.parallel (%i) = (max(%n, 0)) to (min(%m, 10)) {
  }
  affine.parallel (%i, %j) = (%n, symbol(%m)) to (%n + 4, min(symbol(%m) * 2, 20)) {
  }
  return %r, %q#1 : f32, f32
}

// -----

func.func @generic(%A: memref<10xf32>, %n: index) {
  "affine.for"(%n) <{lowerBoundMap = affine_map<()[s0] -> (s0)>, operandSegmentSizes = array<i32: 1, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    %v = "affine.load"(%A, %i) <{map = affine_map<(d0) -> (d0)>}> : (memref<10xf32>, index) -> f32
    "affine.yield"() : () -> ()
  }) : (index) -> ()
  "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<1xi32>, lowerBoundsMap = affine_map<() -> (0)>, reductions = [], steps = [1], upperBoundsGroups = dense<1> : tensor<1xi32>, upperBoundsMap = affine_map<() -> (10)>}> ({
  ^bb0(%i: index):
    "affine.yield"() : () -> ()
  }) : () -> ()
  "affine.if"(%n) ({
    "affine.yield"() : () -> ()
  }, {
  }) {condition = affine_set<(d0) : (d0 >= 0)>} : (index) -> ()
  return
}

// -----

func.func @vectors(%A: memref<100xf32>, %i: index) -> index {
  %v = affine.vector_load %A[%i + 1] : memref<100xf32>, vector<8xf32>
  affine.vector_store %v, %A[%i * 2] : memref<100xf32>, vector<8xf32>
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %d:2 = affine.delinearize_index %i into (%c4, %c8) : index, index
  return %d#1 : index
}

// -----

// Dims and symbols MLIR accepts: top-level values, constants, affine ivs, applies and dims of those.
func.func @valid_ids(%A: memref<?x?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d = memref.dim %A, %c0 : memref<?x?xf32>
  affine.for %i = 0 to %d {
    %c2 = arith.constant 2 : index
    %a = affine.apply affine_map<(d0) -> (d0 + 1)>(%i)
    %s = affine.apply affine_map<()[s0] -> (s0 * 2)>()[%n]
    affine.for %j = %c2 to %s {
      %v = affine.load %A[%a, %j + symbol(%c2)] : memref<?x?xf32>
      affine.store %v, %A[%i, symbol(%d) - 1] : memref<?x?xf32>
    }
    affine.if affine_set<(d0)[s0] : (-d0 + s0 - 1 >= 0)>(%a)[%d] {
      affine.parallel (%k) = (%i) to (%s) {
      }
    }
  }
  scf.for %i = %c0 to %n step %c1 {
    %w = affine.load %A[symbol(%n), 0] : memref<?x?xf32>
  }
  return
}

// A set without constraints holds every point: MLIR writes it `0 == 0`.
func.func @if_always(%i: index) {
  affine.if affine_set<(d0) : ()>(%i) {
  }
  return
}

// -----

// Bounds as MLIR reads them: `max`/`min` before a constant, steps that fold to constants.
func.func @bound_forms() {
  affine.for %i = max 5 to min 10 {
  }
  affine.parallel (%j) = (0) to (10) step (2 * 3) {
  }
  return
}
