// vector ops used by vectorized loops, on 1-D and 2-D vectors.
func.func @memory(%m: memref<4x8xf32>, %i: index, %j: index, %w: memref<16xvector<4xf32>>) -> vector<4xf32> {
  %0 = vector.load %m[%i, %j] : memref<4x8xf32>, vector<4xf32>
  vector.store %0, %m[%j, %i] : memref<4x8xf32>, vector<4xf32>
  %1 = vector.load %m[%i, %j] {nontemporal = true} : memref<4x8xf32>, vector<2x4xf32>
  %2 = vector.load %w[%i] : memref<16xvector<4xf32>>, vector<4xf32>
  vector.store %2, %w[%j] : memref<16xvector<4xf32>>, vector<4xf32>
  return %0 : vector<4xf32>
}

func.func @compute(%a: f32, %b: vector<4xf32>, %c: vector<4xi32>, %n: i32, %i: index) -> f32 {
  %0 = vector.broadcast %a : f32 to vector<4xf32>
  %1 = vector.broadcast %b : vector<4xf32> to vector<2x4xf32>
  %2 = vector.fma %0, %b, %0 : vector<4xf32>
  %3 = vector.reduction <add>, %2 : vector<4xf32> into f32
  %4 = vector.reduction <maximumf>, %2, %a : vector<4xf32> into f32
  %5 = vector.reduction <mul>, %2 fastmath<fast> : vector<4xf32> into f32
  %6 = vector.reduction <xor>, %c : vector<4xi32> into i32
  %7 = vector.reduction <maxsi>, %c, %n : vector<4xi32> into i32
  %8 = vector.splat %a : vector<4xf32>
  %9 = vector.splat %n : vector<2x4xi32>
  %10 = vector.extract %b[0] : f32 from vector<4xf32>
  %11 = vector.extract %b[%i] : f32 from vector<4xf32>
  %12 = vector.extract %1[1] : vector<4xf32> from vector<2x4xf32>
  %13 = vector.extract %1[%i, 3] : f32 from vector<2x4xf32>
  %14 = vector.insert %a, %b [1] : f32 into vector<4xf32>
  %15 = vector.insert %a, %b [%i] : f32 into vector<4xf32>
  %16 = vector.insert %b, %1 [0] : vector<4xf32> into vector<2x4xf32>
  %17 = vector.insert %a, %1 [1, %i] : f32 into vector<2x4xf32>
  %18 = vector.fma %1, %1, %1 : vector<2x4xf32>
  return %3 : f32
}

func.func @transfers(%m: memref<4x8xf32>, %t: tensor<4x8xf32>, %i: index, %p: f32, %v: vector<4xf32>, %mask: vector<4xi1>, %v2: vector<2x4xf32>, %mt: vector<4x2xi1>) -> tensor<4x8xf32> {
  %0 = vector.transfer_read %m[%i, %i], %p : memref<4x8xf32>, vector<4xf32>
  %1 = vector.transfer_read %m[%i, %i], %p {in_bounds = [true]} : memref<4x8xf32>, vector<4xf32>
  %2 = vector.transfer_read %m[%i, %i], %p, %mask : memref<4x8xf32>, vector<4xf32>
  %3 = vector.transfer_read %m[%i, %i], %p {permutation_map = affine_map<(d0, d1) -> (d0)>} : memref<4x8xf32>, vector<4xf32>
  %4 = vector.transfer_read %t[%i, %i], %p {in_bounds = [false, true]} : tensor<4x8xf32>, vector<2x4xf32>
  %5 = vector.transfer_read %m[%i, %i], %p {in_bounds = [true], permutation_map = affine_map<(d0, d1) -> (0)>} : memref<4x8xf32>, vector<4xf32>
  vector.transfer_write %v, %m[%i, %i] : vector<4xf32>, memref<4x8xf32>
  vector.transfer_write %v, %m[%i, %i] {in_bounds = [true]} : vector<4xf32>, memref<4x8xf32>
  vector.transfer_write %v, %m[%i, %i], %mask : vector<4xf32>, memref<4x8xf32>
  %6 = vector.transfer_write %v2, %t[%i, %i] : vector<2x4xf32>, tensor<4x8xf32>
  %7 = vector.transfer_read %m[%i, %i], %p, %mt {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : memref<4x8xf32>, vector<2x4xf32>
  vector.transfer_write %v2, %m[%i, %i], %mt {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : vector<2x4xf32>, memref<4x8xf32>
  %8 = vector.transfer_read %m[%i, %i], %p, %mask {in_bounds = [true, false], permutation_map = affine_map<(d0, d1) -> (0, d1)>} : memref<4x8xf32>, vector<2x4xf32>
  return %6 : tensor<4x8xf32>
}

func.func @elements(%v: vector<4xf32>, %v0: vector<f32>, %a: f32, %i: i32, %j: index, %m: vector<4x4xf32>) -> f32 {
  %0 = vector.extractelement %v[%i : i32] : vector<4xf32>
  %1 = vector.extractelement %v[%j : index] : vector<4xf32>
  %2 = vector.extractelement %v0[] : vector<f32>
  %3 = vector.insertelement %a, %v[%i : i32] : vector<4xf32>
  %4 = vector.insertelement %a, %v0[] : vector<f32>
  %5 = vector.shape_cast %m : vector<4x4xf32> to vector<16xf32>
  %6 = vector.shape_cast %5 : vector<16xf32> to vector<2x8xf32>
  vector.print %v : vector<4xf32>
  vector.print %a : f32 punctuation <no_punctuation>
  vector.print punctuation <comma>
  vector.print str "hello\n"
  // MLIR 19 prints this one bare, and reads the next line's value as its operand.
  vector.print punctuation <newline>
  %7 = vector.extractelement %v[%i : i32] : vector<4xf32>
  return %7 : f32
}

func.func @algebra(%a: vector<4x8xf32>, %b: vector<8x4xf32>, %c: vector<4x4xf32>, %v: vector<4xf32>, %w: vector<8xf32>, %s: f32, %iv: vector<4xi32>, %im: vector<4x4xi32>) -> vector<4x4xf32> {
  %0 = vector.transpose %a, [1, 0] : vector<4x8xf32> to vector<8x4xf32>
  %1 = vector.outerproduct %v, %v : vector<4xf32>, vector<4xf32>
  %2 = vector.outerproduct %v, %v, %c {kind = #vector.kind<maxnumf>} : vector<4xf32>, vector<4xf32>
  %3 = vector.outerproduct %v, %s, %v {kind = #vector.kind<add>} : vector<4xf32>, f32
  %4 = vector.outerproduct %iv, %iv, %im {kind = #vector.kind<xor>} : vector<4xi32>, vector<4xi32>
  %5 = vector.contract {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %a, %b, %c : vector<4x8xf32>, vector<8x4xf32> into vector<4x4xf32>
  %6 = vector.contract {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"], kind = #vector.kind<add>} %a, %w, %v {tag} : vector<4x8xf32>, vector<8xf32> into vector<4xf32>
  %7 = vector.contract {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>], iterator_types = ["reduction"], kind = #vector.kind<maxnumf>} %v, %v, %s : vector<4xf32>, vector<4xf32> into f32
  %8 = vector.multi_reduction <add>, %a, %w [0] : vector<4x8xf32> to vector<8xf32>
  %9 = vector.multi_reduction <maximumf>, %a, %s [0, 1] : vector<4x8xf32> to f32
  %10 = vector.multi_reduction <xor>, %im, %iv {tag} [1] : vector<4x4xi32> to vector<4xi32>
  return %5 : vector<4x4xf32>
}

func.func @lanes(%a: vector<4x8xf32>, %v: vector<4xf32>, %s: f32, %m: memref<?xf32>, %m2: memref<4x8xi32>, %i: index, %mask: vector<4xi1>, %iv: vector<4xi32>) -> vector<4xf32> {
  %0 = vector.extract_strided_slice %a {offsets = [0, 2], sizes = [2, 4], strides = [1, 1]} : vector<4x8xf32> to vector<2x4xf32>
  %1 = vector.extract_strided_slice %a {offsets = [1], sizes = [2], strides = [1]} : vector<4x8xf32> to vector<2x8xf32>
  %2 = vector.insert_strided_slice %v, %a {offsets = [1, 4], strides = [1]} : vector<4xf32> into vector<4x8xf32>
  %3 = vector.shuffle %v, %v [0, 4, 1, 5] : vector<4xf32>, vector<4xf32>
  %4 = vector.shuffle %a, %a [7, 0] : vector<4x8xf32>, vector<4x8xf32>
  %5 = vector.create_mask %i : vector<4xi1>
  %6 = vector.create_mask %i, %i : vector<4x8xi1>
  %7 = vector.constant_mask [2] : vector<4xi1>
  %8 = vector.constant_mask [0, 0] : vector<4x8xi1>
  %9 = vector.maskedload %m[%i], %mask, %v : memref<?xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.maskedstore %m[%i], %mask, %v : memref<?xf32>, vector<4xi1>, vector<4xf32>
  %10 = vector.maskedload %m2[%i, %i], %mask, %iv : memref<4x8xi32>, vector<4xi1>, vector<4xi32> into vector<4xi32>
  %11 = vector.bitcast %v : vector<4xf32> to vector<16xi8>
  %12 = vector.bitcast %a : vector<4x8xf32> to vector<4x4xf64>
  %13 = vector.from_elements %s, %s, %s, %s : vector<4xf32>
  %14 = vector.from_elements %s, %s : vector<1x2xf32>
  %15 = vector.step : vector<4xindex>
  return %9 : vector<4xf32>
}

// 0-D vectors where MLIR 19 takes them; a contraction's trait as an alias, with scalable dims
#matmul = {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"]}
func.func @zero_d(%a: vector<f32>, %c: vector<2x3xf32>, %i: index, %A: vector<8x1xf32>, %B: vector<1x[32]xf32>, %C: vector<8x[32]xf32>) -> vector<2x3xf32> {
  %0 = vector.insert %a, %c [0, 1] : vector<f32> into vector<2x3xf32>
  %1 = vector.shuffle %a, %a [0, 1, 0] : vector<f32>, vector<f32>
  %2 = vector.constant_mask [0] : vector<i1>
  %3 = vector.constant_mask [1] : vector<i1>
  %4 = vector.create_mask %i : vector<i1>
  %5 = vector.contract #matmul %A, %B, %C : vector<8x1xf32>, vector<1x[32]xf32> into vector<8x[32]xf32>
  return %0 : vector<2x3xf32>
}

func.func @rank0_transfer(%m: memref<f32>, %p: f32) -> vector<1xf32> {
  %0 = vector.transfer_read %m[], %p {in_bounds = [true]} : memref<f32>, vector<1xf32>
  return %0 : vector<1xf32>
}
