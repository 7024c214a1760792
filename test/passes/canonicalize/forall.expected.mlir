#map = affine_map<(d0) -> (d0)>
module {
  func.func @canonicalize_parallel_insert_slice_indices(%arg0: tensor<1x5xf32>, %arg1: tensor<?x?xf32>, %arg2: index) -> index {
    %c1 = arith.constant 1 : index
    %dim = tensor.dim %arg1, %c1 : tensor<?x?xf32>
    return %dim : index
  }
  func.func @forall_fold_control_operands(%arg0: tensor<?x10xf32>, %arg1: tensor<?x10xf32>) -> tensor<?x10xf32> {
    %c0 = arith.constant 0 : index
    %dim = tensor.dim %arg0, %c0 : tensor<?x10xf32>
    %0 = scf.forall (%arg2, %arg3) in (%dim, 10) shared_outs(%arg4 = %arg1) -> (tensor<?x10xf32>) {
      %extracted_slice = tensor.extract_slice %arg1[%arg2, %arg3] [1, 1] [1, 1] : tensor<?x10xf32> to tensor<1x1xf32>
      scf.forall.in_parallel {
        tensor.parallel_insert_slice %extracted_slice into %arg4[%arg2, %arg3] [1, 1] [1, 1] : tensor<1x1xf32> into tensor<?x10xf32>
      }
    }
    return %0 : tensor<?x10xf32>
  }
  func.func @inline_forall_loop(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<8x8xf32>
    %extracted_slice = tensor.extract_slice %0[0, 0] [2, 3] [1, 1] : tensor<8x8xf32> to tensor<2x3xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%extracted_slice : tensor<2x3xf32>) -> tensor<2x3xf32>
    %inserted_slice = tensor.insert_slice %1 into %0[0, 0] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<8x8xf32>
    return %inserted_slice : tensor<8x8xf32>
  }
  func.func @do_not_inline_distributed_forall_loop(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<8x8xf32>
    %1 = scf.forall (%arg1, %arg2) = (0, 4) to (1, 5) step (8, 8) shared_outs(%arg3 = %0) -> (tensor<8x8xf32>) {
      %extracted_slice = tensor.extract_slice %arg3[%arg1, %arg2] [2, 3] [1, 1] : tensor<8x8xf32> to tensor<2x3xf32>
      %2 = linalg.fill ins(%cst : f32) outs(%extracted_slice : tensor<2x3xf32>) -> tensor<2x3xf32>
      scf.forall.in_parallel {
        tensor.parallel_insert_slice %2 into %arg3[%arg1, %arg2] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<8x8xf32>
      }
    } {mapping = [#gpu.thread<y>, #gpu.thread<x>]}
    return %1 : tensor<8x8xf32>
  }
  func.func @inline_empty_loop_with_empty_mapping(%arg0: tensor<16xf32>) -> tensor<16xf32> {
    %0 = tensor.empty() : tensor<16xf32>
    %1 = scf.forall () in () shared_outs(%arg1 = %0) -> (tensor<16xf32>) {
      %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%arg1 : tensor<16xf32>) outs(%0 : tensor<16xf32>) {
      ^bb0(%in: f32, %out: f32):
        %3 = arith.addf %in, %in : f32
        linalg.yield %3 : f32
      } -> tensor<16xf32>
      scf.forall.in_parallel {
        tensor.parallel_insert_slice %2 into %arg1[0] [16] [1] : tensor<16xf32> into tensor<16xf32>
      }
    } {mapping = []}
    return %1 : tensor<16xf32>
  }
  func.func @collapse_one_dim_parallel(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<8x8xf32>
    %1 = scf.forall (%arg1) = (0) to (16) step (8) shared_outs(%arg2 = %0) -> (tensor<8x8xf32>) {
      %2 = linalg.fill ins(%cst : f32) outs(%arg2 : tensor<8x8xf32>) -> tensor<8x8xf32>
      scf.forall.in_parallel {
        tensor.parallel_insert_slice %2 into %arg2[0, %arg1] [8, 8] [1, 1] : tensor<8x8xf32> into tensor<8x8xf32>
      }
    }
    return %1 : tensor<8x8xf32>
  }
  func.func @remove_empty_forall(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
    %0 = tensor.empty() : tensor<8x8xf32>
    return %0 : tensor<8x8xf32>
  }
  func.func @fold_tensor_cast_into_forall(%arg0: tensor<2xi32>, %arg1: tensor<2xi32>) -> tensor<2xi32> {
    %cst = arith.constant dense<100500> : tensor<1xi32>
    %0 = scf.forall (%arg2) in (2) shared_outs(%arg3 = %arg1) -> (tensor<2xi32>) {
      scf.forall.in_parallel {
        tensor.parallel_insert_slice %cst into %arg3[%arg2] [1] [1] : tensor<1xi32> into tensor<2xi32>
      }
    }
    return %0 : tensor<2xi32>
  }
  func.func @do_not_fold_tensor_cast_from_dynamic_to_static_type_into_forall(%arg0: tensor<?xi32>, %arg1: tensor<?xi32>) -> tensor<?xi32> {
    %cst = arith.constant dense<100500> : tensor<1xi32>
    %cast = tensor.cast %arg1 : tensor<?xi32> to tensor<2xi32>
    %0 = scf.forall (%arg2) in (2) shared_outs(%arg3 = %cast) -> (tensor<2xi32>) {
      scf.forall.in_parallel {
        tensor.parallel_insert_slice %cst into %arg3[%arg2] [1] [1] : tensor<1xi32> into tensor<2xi32>
      }
    }
    %cast_0 = tensor.cast %0 : tensor<2xi32> to tensor<?xi32>
    return %cast_0 : tensor<?xi32>
  }
  func.func @one(%arg0: memref<?x?xf32>, %arg1: index) {
    %cst = arith.constant 1.000000e+00 : f32
    %c0 = arith.constant 0 : index
    scf.forall (%arg2) in (%arg1) {
      memref.store %cst, %arg0[%c0, %arg2] : memref<?x?xf32>
    }
    return
  }
  func.func @zero(%arg0: memref<?x?xf32>, %arg1: index, %arg2: tensor<4xf32>, %arg3: tensor<1xf32>) -> tensor<4xf32> {
    return %arg2 : tensor<4xf32>
  }
  func.func @all_one(%arg0: tensor<4xf32>, %arg1: tensor<8xf32>, %arg2: tensor<1xf32>) -> (tensor<4xf32>, tensor<8xf32>) {
    %extracted_slice = tensor.extract_slice %arg0[0] [1] [1] : tensor<4xf32> to tensor<1xf32>
    %inserted_slice = tensor.insert_slice %extracted_slice into %arg0[2] [1] [1] : tensor<1xf32> into tensor<4xf32>
    %inserted_slice_0 = tensor.insert_slice %arg2 into %arg1[0] [1] [1] : tensor<1xf32> into tensor<8xf32>
    return %inserted_slice, %inserted_slice_0 : tensor<4xf32>, tensor<8xf32>
  }
  func.func @unwritten(%arg0: tensor<4xf32>, %arg1: tensor<8xf32>, %arg2: tensor<1xf32>, %arg3: index) -> (tensor<4xf32>, tensor<8xf32>, index) {
    %c8 = arith.constant 8 : index
    %0 = scf.forall (%arg4) in (%arg3) shared_outs(%arg5 = %arg1) -> (tensor<8xf32>) {
      %extracted_slice = tensor.extract_slice %arg0[%arg4] [1] [1] : tensor<4xf32> to tensor<1xf32>
      scf.forall.in_parallel {
        tensor.parallel_insert_slice %extracted_slice into %arg5[%arg4] [1] [1] : tensor<1xf32> into tensor<8xf32>
      }
    }
    return %arg0, %0, %c8 : tensor<4xf32>, tensor<8xf32>, index
  }
  func.func @mapped(%arg0: memref<?x?xf32>, %arg1: index) {
    %cst = arith.constant 1.000000e+00 : f32
    scf.forall (%arg2, %arg3) in (1, %arg1) {
      memref.store %cst, %arg0[%arg2, %arg3] : memref<?x?xf32>
    } {mapping = [#gpu.thread<y>, #gpu.thread<x>]}
    return
  }
  func.func @empty_mapping(%arg0: memref<?x?xf32>, %arg1: index, %arg2: index) {
    %cst = arith.constant 1.000000e+00 : f32
    scf.forall (%arg3, %arg4) = (%arg2, 0) to (%arg1, 4) step (%arg2, 3) {
      memref.store %cst, %arg0[%arg3, %arg4] : memref<?x?xf32>
    } {mapping = []}
    return
  }
}

