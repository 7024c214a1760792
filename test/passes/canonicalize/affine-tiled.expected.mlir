#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0) -> (d0 + 4, 130)>
#map2 = affine_map<(d0) -> (d0 + 4)>
#map3 = affine_map<(d0) -> (d0 + 64)>
#map4 = affine_map<(d0, d1) -> (d0 + 8, d1 + 64)>
#map5 = affine_map<(d0) -> (0, d0 - 2)>
#map6 = affine_map<(d0) -> (64, d0 + 18)>
#map7 = affine_map<(d0) -> (d0 - 2)>
#map8 = affine_map<(d0) -> (d0 + 18)>
#map9 = affine_map<(d0)[s0] -> (d0 + 32, s0)>
#map10 = affine_map<(d0) -> (d0 floordiv 16 + 1, 4)>
#map11 = affine_map<(d0) -> (d0 ceildiv 16)>
#map12 = affine_map<(d0) -> (-d0 + 128, 4)>
#map13 = affine_map<(d0)[s0] -> (-d0 + s0, 4)>
#map14 = affine_map<(d0)[s0] -> (-d0 + s0, 2, 4)>
#map15 = affine_map<(d0) -> (0, d0 - 3)>
module {
  func.func @point_loops(%arg0: memref<?xf32>, %arg1: f32) {
    affine.for %arg2 = 0 to 130 step 4 {
      affine.for %arg3 = #map(%arg2) to min #map1(%arg2) {
        affine.store %arg1, %arg0[%arg3] : memref<?xf32>
      }
    }
    affine.for %arg2 = 0 to 128 step 4 {
      affine.for %arg3 = #map(%arg2) to #map2(%arg2) {
        affine.store %arg1, %arg0[%arg3] : memref<?xf32>
      }
    }
    return
  }
  func.func @two_levels(%arg0: memref<?xf32>, %arg1: f32) {
    affine.for %arg2 = 0 to 256 step 64 {
      affine.for %arg3 = #map(%arg2) to #map3(%arg2) step 8 {
        affine.for %arg4 = #map(%arg3) to min #map4(%arg3, %arg2) {
          affine.store %arg1, %arg0[%arg4] : memref<?xf32>
        }
      }
    }
    return
  }
  func.func @halo(%arg0: memref<?xf32>, %arg1: f32) {
    affine.for %arg2 = 0 to 64 step 16 {
      affine.for %arg3 = max #map5(%arg2) to min #map6(%arg2) {
        affine.store %arg1, %arg0[%arg3] : memref<?xf32>
      }
    }
    affine.for %arg2 = 16 to 48 step 16 {
      affine.for %arg3 = #map7(%arg2) to #map8(%arg2) {
        affine.store %arg1, %arg0[%arg3] : memref<?xf32>
      }
    }
    return
  }
  func.func @step_from_two(%arg0: memref<?xf32>, %arg1: f32) {
    affine.for %arg2 = 2 to 10 step 4 {
      affine.for %arg3 = 0 to #map2(%arg2) {
        affine.store %arg1, %arg0[%arg3] : memref<?xf32>
      }
      affine.for %arg3 = 0 to #map2(%arg2) {
        affine.store %arg1, %arg0[%arg3] : memref<?xf32>
      }
    }
    return
  }
  func.func @dynamic(%arg0: memref<?xf32>, %arg1: f32, %arg2: index) {
    affine.for %arg3 = 0 to %arg2 step 32 {
      affine.for %arg4 = #map(%arg3) to min #map9(%arg3)[%arg2] {
        affine.store %arg1, %arg0[%arg4] : memref<?xf32>
      }
    }
    affine.for %arg3 = 0 to 128 step 32 {
      affine.for %arg4 = #map(%arg3) to min #map9(%arg3)[%arg2] {
        affine.store %arg1, %arg0[%arg4] : memref<?xf32>
      }
    }
    return
  }
  func.func @divisions(%arg0: memref<?xf32>, %arg1: f32) {
    affine.for %arg2 = 0 to 64 step 16 {
      affine.for %arg3 = 0 to min #map10(%arg2) {
        affine.store %arg1, %arg0[%arg3] : memref<?xf32>
      }
      affine.for %arg3 = #map11(%arg2) to 8 {
        affine.store %arg1, %arg0[%arg3] : memref<?xf32>
      }
    }
    affine.for %arg2 = 0 to 2 {
      affine.for %arg3 = 0 to 1 {
        affine.store %arg1, %arg0[%arg3] : memref<?xf32>
      }
    }
    return
  }
  func.func @through_apply(%arg0: memref<?xf32>, %arg1: f32) {
    affine.for %arg2 = 0 to 16 step 4 {
      affine.for %arg3 = 0 to #map2(%arg2) {
        affine.store %arg1, %arg0[%arg3] : memref<?xf32>
      }
      affine.for %arg3 = #map(%arg2) to 16 {
        affine.store %arg1, %arg0[%arg3] : memref<?xf32>
      }
    }
    return
  }
  func.func @min_ops(%arg0: memref<?xf32>, %arg1: f32, %arg2: index) {
    %c4 = arith.constant 4 : index
    %c0 = arith.constant 0 : index
    affine.for %arg3 = 0 to 128 step 4 {
      %0 = affine.min #map12(%arg3)
      memref.store %arg1, %arg0[%0] : memref<?xf32>
    }
    scf.for %arg3 = %c0 to %arg2 step %c4 {
      %0 = affine.min #map13(%arg3)[%arg2]
      %1 = affine.min #map14(%arg3)[%arg2]
      %2 = affine.max #map15(%0)
      memref.store %arg1, %arg0[%1] : memref<?xf32>
      memref.store %arg1, %arg0[%2] : memref<?xf32>
    }
    return
  }
  func.func @peeled_bounds(%arg0: index, %arg1: index, %arg2: index) -> (index, index) {
    %c0 = arith.constant 0 : index
    return %c0, %c0 : index, index
  }
}

