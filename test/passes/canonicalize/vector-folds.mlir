// vector's constant, splat and broadcast folds (MLIR 19's *ConstantFolder, *Splat and *Broadcast
// patterns); vector-folds.expected.mlir is mlir-opt-19 --canonicalize's output.
func.func @extract_constants() -> (i32, vector<2xi32>, f32, vector<3xf32>, index) {
  %cst = arith.constant dense<[[[0, 1], [2, 3], [4, 5]], [[6, 7], [8, 9], [10, 11]]]> : vector<2x3x2xi32>
  %a = vector.extract %cst[1, 2, 0] : i32 from vector<2x3x2xi32>
  %b = vector.extract %cst[1, 1] : vector<2xi32> from vector<2x3x2xi32>
  %f = arith.constant dense<2.5> : vector<4x3xf32>
  %c = vector.extract %f[3, 1] : f32 from vector<4x3xf32>
  %d = vector.extract %f[2] : vector<3xf32> from vector<4x3xf32>
  %i = arith.constant dense<[7, 8, 9]> : vector<3xindex>
  %e = vector.extract %i[2] : index from vector<3xindex>
  return %a, %b, %c, %d, %e : i32, vector<2xi32>, f32, vector<3xf32>, index
}

func.func @extract_splat_dynamic(%p: index) -> i64 {
  %cst = arith.constant dense<5> : vector<4xi64>
  %a = vector.extract %cst[%p] : i64 from vector<4xi64>
  return %a : i64
}

func.func @insert_constants() -> (vector<2x3xi32>, vector<2x3xi32>, vector<4xi64>) {
  %vcst = arith.constant dense<[[0, 1, 2], [3, 4, 5]]> : vector<2x3xi32>
  %s = arith.constant 99 : i32
  %row = arith.constant dense<[90, 91, 92]> : vector<3xi32>
  %a = vector.insert %s, %vcst[1, 2] : i32 into vector<2x3xi32>
  %b = vector.insert %row, %vcst[0] : vector<3xi32> into vector<2x3xi32>
  %w = arith.constant dense<0> : vector<4xi64>
  %big = arith.constant 8589934592 : i64
  %c = vector.insert %big, %w[3] : i64 into vector<4xi64>
  return %a, %b, %c : vector<2x3xi32>, vector<2x3xi32>, vector<4xi64>
}

func.func @strided_constants() -> (vector<2x1x2xi32>, vector<1x2xi32>, vector<3x2xi32>, vector<2x3x2xi32>) {
  %cst = arith.constant dense<[[[0, 1], [2, 3]], [[4, 5], [6, 7]], [[8, 9], [10, 11]]]> : vector<3x2x2xi32>
  %a = vector.extract_strided_slice %cst {offsets = [1, 1, 0], sizes = [2, 1, 2], strides = [1, 1, 1]} : vector<3x2x2xi32> to vector<2x1x2xi32>
  %m = arith.constant dense<[[0, 1, 2], [3, 4, 5]]> : vector<2x3xi32>
  %b = vector.extract_strided_slice %m {offsets = [1, 1], sizes = [1, 2], strides = [1, 1]} : vector<2x3xi32> to vector<1x2xi32>
  %d = arith.constant dense<[[0, 1], [2, 3], [4, 5]]> : vector<3x2xi32>
  %one = arith.constant dense<9> : vector<1xi32>
  %c = vector.insert_strided_slice %one, %d {offsets = [2, 1], strides = [1]} : vector<1xi32> into vector<3x2xi32>
  %z = arith.constant dense<0> : vector<2x3x2xi32>
  %sq = arith.constant dense<[[1, 2], [3, 4]]> : vector<2x2xi32>
  %e = vector.insert_strided_slice %sq, %z {offsets = [1, 1, 0], strides = [1, 1]} : vector<2x2xi32> into vector<2x3x2xi32>
  return %a, %b, %c, %e : vector<2x1x2xi32>, vector<1x2xi32>, vector<3x2xi32>, vector<2x3x2xi32>
}

func.func @elements_and_shuffles(%x: i32) -> (i32, vector<4xi32>, vector<4xi32>, i32, vector<5xi32>) {
  %v = arith.constant dense<[1, 3, 5, 7]> : vector<4xi32>
  %c2 = arith.constant 2 : i32
  %c9 = arith.constant 9 : i32
  %cm1 = arith.constant -1 : i32
  %a = vector.extractelement %v[%c2 : i32] : vector<4xi32>
  %b = vector.insertelement %c9, %v[%c2 : i32] : vector<4xi32>
  %out = vector.insertelement %c9, %v[%cm1 : i32] : vector<4xi32>
  %bc = vector.broadcast %x : i32 to vector<8xi32>
  %c5 = arith.constant 5 : index
  %d = vector.extractelement %bc[%c5 : index] : vector<8xi32>
  %w = arith.constant dense<[10, 11]> : vector<2xi32>
  %e = vector.shuffle %v, %w [5, 0, 4, 3, 1] : vector<4xi32>, vector<2xi32>
  return %a, %b, %out, %d, %e : i32, vector<4xi32>, vector<4xi32>, i32, vector<5xi32>
}

func.func @shape_casts(%v: vector<16xf16>, %w: vector<1x1x64xf32>) -> (vector<4x4xf16>, vector<8x8xf32>, vector<3x4x2xi32>) {
  %0 = vector.shape_cast %v : vector<16xf16> to vector<2x8xf16>
  %1 = vector.shape_cast %0 : vector<2x8xf16> to vector<4x4xf16>
  %2 = vector.shape_cast %w : vector<1x1x64xf32> to vector<1x1x8x8xf32>
  %3 = vector.shape_cast %2 : vector<1x1x8x8xf32> to vector<8x8xf32>
  %c = arith.constant dense<1> : vector<12x2xi32>
  %4 = vector.shape_cast %c : vector<12x2xi32> to vector<3x4x2xi32>
  return %1, %3, %4 : vector<4x4xf16>, vector<8x8xf32>, vector<3x4x2xi32>
}

func.func @slices_of_broadcasts(%a: vector<4xf16>, %b: vector<1xf32>, %s: f32) -> (vector<2x4xf16>, vector<2x2xf16>, vector<1x4xf32>, vector<2x3xf32>) {
  %0 = vector.broadcast %a : vector<4xf16> to vector<16x4xf16>
  %1 = vector.extract_strided_slice %0 {offsets = [3, 0], sizes = [2, 4], strides = [1, 1]} : vector<16x4xf16> to vector<2x4xf16>
  %2 = vector.extract_strided_slice %0 {offsets = [0, 1], sizes = [2, 2], strides = [1, 1]} : vector<16x4xf16> to vector<2x2xf16>
  %3 = vector.broadcast %b : vector<1xf32> to vector<1x8xf32>
  %4 = vector.extract_strided_slice %3 {offsets = [0, 4], sizes = [1, 4], strides = [1, 1]} : vector<1x8xf32> to vector<1x4xf32>
  %5 = vector.splat %s : vector<4x8xf32>
  %6 = vector.extract_strided_slice %5 {offsets = [1, 2], sizes = [2, 3], strides = [1, 1]} : vector<4x8xf32> to vector<2x3xf32>
  return %1, %2, %4, %6 : vector<2x4xf16>, vector<2x2xf16>, vector<1x4xf32>, vector<2x3xf32>
}

func.func @splats_and_transposes(%x: i32, %v1: vector<1xf32>, %m: vector<8x16xf32>, %i: vector<4xf32>, %j: vector<1x1x4xf32>)
    -> (vector<2x4x3xi32>, vector<4xi32>, vector<1x8xf32>, vector<3x2xi32>, vector<8x16xf32>, vector<8x16xf32>, vector<1x1x4xf32>) {
  %a = vector.splat %x : vector<4x3xi32>
  %b = vector.splat %x : vector<2x4x3xi32>
  %0 = vector.insert %a, %b[1] : vector<4x3xi32> into vector<2x4x3xi32>
  %c = vector.splat %x : vector<2xi32>
  %d = vector.splat %x : vector<4xi32>
  %1 = vector.shuffle %d, %c [1, 4, 5, 0] : vector<4xi32>, vector<2xi32>
  %e = vector.broadcast %v1 : vector<1xf32> to vector<8x1xf32>
  %2 = vector.transpose %e, [1, 0] : vector<8x1xf32> to vector<1x8xf32>
  %f = vector.splat %x : vector<2x3xi32>
  %3 = vector.transpose %f, [1, 0] : vector<2x3xi32> to vector<3x2xi32>
  %g = vector.extract_strided_slice %m {offsets = [2, 8], sizes = [2, 4], strides = [1, 1]} : vector<8x16xf32> to vector<2x4xf32>
  %4 = vector.insert_strided_slice %g, %m {offsets = [2, 8], strides = [1, 1]} : vector<2x4xf32> into vector<8x16xf32>
  %5 = vector.insert_strided_slice %g, %m {offsets = [4, 8], strides = [1, 1]} : vector<2x4xf32> into vector<8x16xf32>
  %6 = vector.insert %i, %j[0, 0] : vector<4xf32> into vector<1x1x4xf32>
  return %0, %1, %2, %3, %4, %5, %6 : vector<2x4x3xi32>, vector<4xi32>, vector<1x8xf32>, vector<3x2xi32>, vector<8x16xf32>, vector<8x16xf32>, vector<1x1x4xf32>
}

func.func @through_slices(%a: vector<32x16x4xf16>, %b: vector<6x4xf32>, %c: vector<8x16xf32>, %d: vector<4xf32>, %e: vector<2x16xf32>, %f: vector<12x8x16xf32>)
    -> (vector<4xf16>, f32, f32, vector<16xf32>, f32) {
  %0 = vector.extract_strided_slice %a {offsets = [7, 3], sizes = [10, 8], strides = [1, 1]} : vector<32x16x4xf16> to vector<10x8x4xf16>
  %1 = vector.extract %0[2, 4] : vector<4xf16> from vector<10x8x4xf16>
  %2 = vector.insert_strided_slice %b, %c {offsets = [2, 2], strides = [1, 1]} : vector<6x4xf32> into vector<8x16xf32>
  %3 = vector.extract %2[3, 5] : f32 from vector<8x16xf32>
  %4 = vector.insert_strided_slice %d, %c {offsets = [2, 2], strides = [1]} : vector<4xf32> into vector<8x16xf32>
  %5 = vector.extract %4[2, 4] : f32 from vector<8x16xf32>
  %6 = vector.insert_strided_slice %e, %f {offsets = [4, 2, 0], strides = [1, 1]} : vector<2x16xf32> into vector<12x8x16xf32>
  %7 = vector.insert_strided_slice %e, %6 {offsets = [0, 2, 0], strides = [1, 1]} : vector<2x16xf32> into vector<12x8x16xf32>
  %8 = vector.extract %7[4, 3] : vector<16xf32> from vector<12x8x16xf32>
  %9 = vector.extract %2[1, 3] : f32 from vector<8x16xf32>
  return %1, %3, %5, %8, %9 : vector<4xf16>, f32, f32, vector<16xf32>, f32
}

func.func @slices_of_inserted_slices(%a: vector<2x8xf32>, %b: vector<1x4xf32>, %c: vector<1x4xf32>, %d: vector<6x4xf32>, %e: vector<8x16xf32>)
    -> (vector<1x2xf32>, vector<4x4xf32>, vector<6x4xf32>) {
  %0 = vector.insert_strided_slice %b, %a {offsets = [0, 1], strides = [1, 1]} : vector<1x4xf32> into vector<2x8xf32>
  %1 = vector.insert_strided_slice %c, %0 {offsets = [1, 0], strides = [1, 1]} : vector<1x4xf32> into vector<2x8xf32>
  %2 = vector.extract_strided_slice %1 {offsets = [0, 2], sizes = [1, 2], strides = [1, 1]} : vector<2x8xf32> to vector<1x2xf32>
  %3 = vector.insert_strided_slice %d, %e {offsets = [2, 2], strides = [1, 1]} : vector<6x4xf32> into vector<8x16xf32>
  %4 = vector.extract_strided_slice %3 {offsets = [3, 2], sizes = [4, 4], strides = [1, 1]} : vector<8x16xf32> to vector<4x4xf32>
  %5 = vector.extract_strided_slice %3 {offsets = [2, 4], sizes = [6, 4], strides = [1, 1]} : vector<8x16xf32> to vector<6x4xf32>
  return %2, %4, %5 : vector<1x2xf32>, vector<4x4xf32>, vector<6x4xf32>
}

func.func @one_element_reductions(%a: vector<1xf32>, %b: f32, %i: vector<1xi32>, %j: i32, %z: vector<f32>, %w: vector<4xf32>)
    -> (f32, f32, i32, i32, f32, f32, f32) {
  %0 = vector.reduction <add>, %a : vector<1xf32> into f32
  %1 = vector.reduction <maxnumf>, %a, %b fastmath<nnan> : vector<1xf32> into f32
  %2 = vector.reduction <xor>, %i, %j : vector<1xi32> into i32
  %3 = vector.reduction <minsi>, %i : vector<1xi32> into i32
  %4 = vector.reduction <mul>, %z, %b : vector<f32> into f32
  %6 = vector.reduction <add>, %w, %b : vector<4xf32> into f32
  %7 = vector.reduction <minimumf>, %z : vector<f32> into f32
  return %0, %1, %2, %3, %4, %6, %7 : f32, f32, i32, i32, f32, f32, f32
}

func.func @unit_dim_multi_reductions(%a: vector<5x1x4x1x20xf32>, %acc: vector<5x4x20xf32>, %b: vector<1x1x1xi32>, %c: i32, %d: vector<5x1x4xf32>, %e: vector<5x4xf32>, %f: vector<4xf32>)
    -> (vector<5x4x20xf32>, i32, vector<4xf32>) {
  %0 = vector.multi_reduction <mul>, %a, %acc [1, 3] : vector<5x1x4x1x20xf32> to vector<5x4x20xf32>
  %1 = vector.multi_reduction <maxsi>, %b, %c [0, 1, 2] : vector<1x1x1xi32> to i32
  %2 = vector.multi_reduction <add>, %d, %e [1] : vector<5x1x4xf32> to vector<5x4xf32>
  %3 = vector.multi_reduction <add>, %2, %f [0] : vector<5x4xf32> to vector<4xf32>
  return %0, %1, %3 : vector<5x4x20xf32>, i32, vector<4xf32>
}

func.func @tensor_transfers(%t: tensor<4x4xf32>, %u: tensor<4x4xf32>, %v0: vector<1x4xf32>, %v1: vector<1x4xf32>, %i: index, %m: memref<4x4xf32>)
    -> (vector<1x4xf32>, vector<1x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %pad = arith.constant 0.0 : f32
  %w0 = vector.transfer_write %v0, %t[%c1, %c0] {in_bounds = [true, true]} : vector<1x4xf32>, tensor<4x4xf32>
  %w1 = vector.transfer_write %v1, %w0[%c2, %c0] {in_bounds = [true, true]} : vector<1x4xf32>, tensor<4x4xf32>
  %r0 = vector.transfer_read %w1[%c1, %c0], %pad {in_bounds = [true, true]} : tensor<4x4xf32>, vector<1x4xf32>
  %w2 = vector.transfer_write %v1, %w0[%i, %c0] {in_bounds = [true, true]} : vector<1x4xf32>, tensor<4x4xf32>
  %r1 = vector.transfer_read %w2[%c1, %c0], %pad {in_bounds = [true, true]} : tensor<4x4xf32>, vector<1x4xf32>
  %r2 = vector.transfer_read %t[%c2, %c0], %pad : tensor<4x4xf32>, vector<1x4xf32>
  %w3 = vector.transfer_write %r2, %t[%c2, %c0] : vector<1x4xf32>, tensor<4x4xf32>
  %all = vector.transfer_read %u[%c0, %c0], %pad {in_bounds = [true, true]} : tensor<4x4xf32>, vector<4x4xf32>
  %w4 = vector.transfer_write %all, %t[%c0, %c0] {in_bounds = [true, true]} : vector<4x4xf32>, tensor<4x4xf32>
  %w5 = vector.transfer_write %v0, %t[%c1, %c0] {in_bounds = [true, true]} : vector<1x4xf32>, tensor<4x4xf32>
  %w6 = vector.transfer_write %v0, %w5[%c2, %c0] {in_bounds = [true, true]} : vector<1x4xf32>, tensor<4x4xf32>
  %w7 = vector.transfer_write %v1, %w6[%c1, %c0] {in_bounds = [true, true]} : vector<1x4xf32>, tensor<4x4xf32>
  %dead = vector.transfer_write %v0, %u[%c0, %c0] : vector<1x4xf32>, tensor<4x4xf32>
  vector.transfer_write %v0, %m[%c0, %c0] : vector<1x4xf32>, memref<4x4xf32>
  return %r0, %r1, %w3, %w4, %w7, %w1 : vector<1x4xf32>, vector<1x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>
}

func.func @bitcast_splats() -> (vector<4xf32>, vector<4xi32>, vector<2xi64>, vector<8xi16>, vector<4xf32>, vector<2xi32>) {
  %h = arith.constant dense<-1.5> : vector<8xf16>
  %0 = vector.bitcast %h : vector<8xf16> to vector<4xf32>
  %b = arith.constant dense<-1> : vector<16xi8>
  %1 = vector.bitcast %b : vector<16xi8> to vector<4xi32>
  %s = arith.constant dense<-21846> : vector<8xi16>
  %2 = vector.bitcast %s : vector<8xi16> to vector<2xi64>
  %w = arith.constant dense<7> : vector<4xi32>
  %3 = vector.bitcast %w : vector<4xi32> to vector<8xi16>
  %bf = arith.constant dense<2.0> : vector<8xbf16>
  %4 = vector.bitcast %bf : vector<8xbf16> to vector<4xf32>
  %n = arith.constant dense<[1, 2, 3, 4]> : vector<4xi16>
  %5 = vector.bitcast %n : vector<4xi16> to vector<2xi32>
  return %0, %1, %2, %3, %4, %5 : vector<4xf32>, vector<4xi32>, vector<2xi64>, vector<8xi16>, vector<4xf32>, vector<2xi32>
}

#mm = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>]
func.func @contract_adds(%a: vector<2x3xf32>, %b: vector<3x4xf32>, %c: vector<2x4xf32>, %ai: vector<2x3xi8>, %bi: vector<3x4xi8>, %ci: vector<2x4xi8>)
    -> (vector<2x4xf32>, vector<2x4xi8>, vector<2x4xf32>) {
  %z = arith.constant dense<0.0> : vector<2x4xf32>
  %0 = vector.contract {indexing_maps = #mm, iterator_types = ["parallel", "parallel", "reduction"]} %a, %b, %z : vector<2x3xf32>, vector<3x4xf32> into vector<2x4xf32>
  %1 = arith.addf %c, %0 : vector<2x4xf32>
  %zi = arith.constant dense<0> : vector<2x4xi8>
  %2 = vector.contract {indexing_maps = #mm, iterator_types = ["parallel", "parallel", "reduction"]} %ai, %bi, %zi : vector<2x3xi8>, vector<3x4xi8> into vector<2x4xi8>
  %3 = arith.addi %2, %ci : vector<2x4xi8>
  %nz = arith.constant dense<-0.0> : vector<2x4xf32>
  %4 = vector.contract {indexing_maps = #mm, iterator_types = ["parallel", "parallel", "reduction"]} %a, %b, %nz : vector<2x3xf32>, vector<3x4xf32> into vector<2x4xf32>
  %5 = arith.addf %4, %c : vector<2x4xf32>
  return %1, %3, %5 : vector<2x4xf32>, vector<2x4xi8>, vector<2x4xf32>
}
