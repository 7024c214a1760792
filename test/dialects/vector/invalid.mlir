func.func @extract_rank(%v: vector<4xf32>) {
  // expected-error @+1 {{expected position attribute of rank no greater than vector rank}}
  %0 = vector.extract %v[0, 1] : f32 from vector<4xf32>
  return
}

// -----

func.func @extract_range(%v: vector<4xf32>) {
  // expected-error @+1 {{expected position attribute #1 to be a non-negative integer smaller than the corresponding vector dimension}}
  %0 = vector.extract %v[4] : f32 from vector<4xf32>
  return
}

// -----

func.func @insert_elem(%v: vector<4xf32>, %a: f64) {
  // expected-error @+1 {{failed to verify that source operand and result have same element type}}
  %0 = vector.insert %a, %v[1] : f64 into vector<4xf32>
  return
}

// -----

func.func @insert_result(%v: vector<4xf32>, %a: f32) {
  // expected-error @+1 {{failed to verify that all of {dest, result} have same type}}
  %0 = "vector.insert"(%a, %v) <{static_position = array<i64: 1>}> : (f32, vector<4xf32>) -> vector<8xf32>
  return
}

// -----

func.func @reduction_elem(%v: vector<4xf32>) {
  // expected-error @+1 {{failed to verify that source operand and result have same element type}}
  %0 = vector.reduction <add>, %v : vector<4xf32> into f64
  return
}

// -----

func.func @reduction_kind(%v: vector<4xi32>) {
  // expected-error @+1 {{unsupported reduction type ''i32'' for kind 'maximumf'}}
  %0 = vector.reduction <maximumf>, %v : vector<4xi32> into i32
  return
}

// -----

func.func @reduction_float_kind(%v: vector<4xf32>) {
  // expected-error @+1 {{unsupported reduction type ''f32'' for kind 'xor'}}
  %0 = vector.reduction <xor>, %v : vector<4xf32> into f32
  return
}

// -----

func.func @reduction_rank(%v: vector<2x4xf32>) {
  // expected-error @+1 {{unsupported reduction rank: 2}}
  %0 = vector.reduction <add>, %v : vector<2x4xf32> into f32
  return
}

// -----

func.func @reduction_acc(%v: vector<4xf32>, %a: f64) {
  // expected-error @+1 {{failed to verify that dest and acc have the same type}}
  %0 = "vector.reduction"(%v, %a) <{kind = #vector.kind<add>}> : (vector<4xf32>, f64) -> f32
  return
}

// -----

func.func @broadcast_dim(%v: vector<4xf32>) {
  // expected-error @+1 {{dimension mismatch (4 vs. 3)}}
  %0 = vector.broadcast %v : vector<4xf32> to vector<3xf32>
  return
}

// -----

func.func @broadcast_rank(%v: vector<2x4xf32>) {
  // expected-error @+1 {{source rank higher than destination rank}}
  %0 = vector.broadcast %v : vector<2x4xf32> to vector<4xf32>
  return
}

// -----

func.func @broadcast_elem(%a: f64) {
  // expected-error @+1 {{failed to verify that source operand and result have same element type}}
  %0 = vector.broadcast %a : f64 to vector<4xf32>
  return
}

// -----

func.func @load_indices(%m: memref<4x4xf32>, %i: index) {
  // expected-error @+1 {{requires 2 indices}}
  %0 = vector.load %m[%i] : memref<4x4xf32>, vector<4xf32>
  return
}

// -----

func.func @load_elem(%m: memref<4x4xf32>, %i: index) {
  // expected-error @+1 {{base and result element types should match}}
  %0 = vector.load %m[%i, %i] : memref<4x4xf32>, vector<4xf64>
  return
}

// -----

func.func @load_vector_memref(%m: memref<4xvector<4xf32>>, %i: index) {
  // expected-error @+1 {{base memref and result vector types should match}}
  %0 = vector.load %m[%i] : memref<4xvector<4xf32>>, vector<8xf32>
  return
}

// -----

func.func @store_indices(%m: memref<4x4xf32>, %i: index, %v: vector<4xf32>) {
  // expected-error @+1 {{requires 2 indices}}
  vector.store %v, %m[%i] : memref<4x4xf32>, vector<4xf32>
  return
}

// -----

func.func @store_elem(%m: memref<4xf32>, %i: index, %v: vector<4xi32>) {
  // expected-error @+1 {{base and valueToStore element type should match}}
  vector.store %v, %m[%i] : memref<4xf32>, vector<4xi32>
  return
}

// -----

func.func @splat_type(%a: f64) {
  // expected-error @+1 {{failed to verify that operand type matches element type of result}}
  %0 = "vector.splat"(%a) : (f64) -> vector<4xf32>
  return
}

// -----

func.func @transfer_indices(%m: memref<4x8xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{requires 2 indices}}
  %0 = vector.transfer_read %m[%i], %p : memref<4x8xf32>, vector<4xf32>
  return
}

// -----

func.func @transfer_map_dims(%m: memref<4x8xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{requires a permutation_map with input dims of the same rank as the source type}}
  %0 = vector.transfer_read %m[%i, %i], %p {permutation_map = affine_map<(d0) -> (d0)>} : memref<4x8xf32>, vector<4xf32>
  return
}

// -----

func.func @transfer_map_results(%m: memref<4x8xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{requires a permutation_map with result dims of the same rank as the vector type}}
  %0 = vector.transfer_read %m[%i, %i], %p {permutation_map = affine_map<(d0, d1) -> (d0, d1)>} : memref<4x8xf32>, vector<4xf32>
  return
}

// -----

func.func @transfer_map_symbols(%m: memref<4x8xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{requires permutation_map without symbols}}
  %0 = vector.transfer_read %m[%i, %i], %p {permutation_map = affine_map<(d0, d1)[s0] -> (d0)>} : memref<4x8xf32>, vector<4xf32>
  return
}

// -----

func.func @transfer_map_projected(%m: memref<4x8xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{requires a projected permutation_map}}
  %0 = vector.transfer_read %m[%i, %i], %p {permutation_map = affine_map<(d0, d1) -> (d0 + d1)>} : memref<4x8xf32>, vector<4xf32>
  return
}

// -----

func.func @transfer_in_bounds_rank(%m: memref<4x8xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{expects the in_bounds attr of same rank as permutation_map results}}
  %0 = vector.transfer_read %m[%i, %i], %p {in_bounds = [true, true]} : memref<4x8xf32>, vector<4xf32>
  return
}

// -----

func.func @transfer_broadcast(%m: memref<4x8xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{requires broadcast dimensions to be in-bounds}}
  %0 = vector.transfer_read %m[%i, %i], %p {permutation_map = affine_map<(d0, d1) -> (0)>} : memref<4x8xf32>, vector<4xf32>
  return
}

// -----

func.func @transfer_padding(%m: memref<4x8xf32>, %i: index, %p: f64) {
  // expected-error @+1 {{requires formal padding and source of the same elemental type}}
  %0 = "vector.transfer_read"(%m, %i, %i, %p) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 2, 1, 0>, permutation_map = affine_map<(d0, d1) -> (d1)>}> : (memref<4x8xf32>, index, index, f64) -> vector<4xf32>
  return
}

// -----

func.func @extractelement_rank(%v: vector<2x4xf32>, %i: i32) {
  // expected-error @+1 {{unexpected >1 vector rank}}
  %0 = vector.extractelement %v[%i : i32] : vector<2x4xf32>
  return
}

// -----

func.func @extractelement_0d(%v: vector<f32>, %i: i32) {
  // expected-error @+1 {{expected position to be empty with 0-D vector}}
  %0 = vector.extractelement %v[%i : i32] : vector<f32>
  return
}

// -----

func.func @extractelement_1d(%v: vector<4xf32>) {
  // expected-error @+1 {{expected position for 1-D vector}}
  %0 = vector.extractelement %v[] : vector<4xf32>
  return
}

// -----

func.func @insertelement_result(%v: vector<4xf32>, %a: f32, %i: i32) {
  // expected-error @+1 {{failed to verify that all of {dest, result} have same type}}
  %0 = "vector.insertelement"(%a, %v, %i) : (f32, vector<4xf32>, i32) -> vector<8xf32>
  return
}

// -----

func.func @shape_cast_count(%v: vector<4xf32>) {
  // expected-error @+1 {{source/result number of elements must match}}
  %0 = vector.shape_cast %v : vector<4xf32> to vector<2x3xf32>
  return
}

// -----

func.func @shape_cast_elem(%v: vector<4xf32>) {
  // expected-error @+1 {{source/result vectors must have same element type}}
  %0 = vector.shape_cast %v : vector<4xf32> to vector<4xi32>
  return
}

// -----

func.func @print_both(%a: f32) {
  // expected-error @+1 {{failed to verify that `source` or `punctuation` are not set when printing strings}}
  "vector.print"(%a) <{stringLiteral = "x"}> : (f32) -> ()
  return
}

// -----

func.func @print_string_punctuation() {
  // expected-error @+1 {{failed to verify that `source` or `punctuation` are not set when printing strings}}
  vector.print str "x" punctuation <comma>
  return
}

// -----

func.func @transpose_rank(%a: vector<4x8xf32>) {
  // expected-error @+1 {{vector result rank mismatch: 1}}
  %0 = vector.transpose %a, [1, 0] : vector<4x8xf32> to vector<32xf32>
  return
}

// -----

func.func @transpose_length(%a: vector<4x8xf32>) {
  // expected-error @+1 {{transposition length mismatch: 3}}
  %0 = vector.transpose %a, [1, 0, 2] : vector<4x8xf32> to vector<8x4xf32>
  return
}

// -----

func.func @transpose_dup(%a: vector<4x4xf32>) {
  // expected-error @+1 {{duplicate position index: 0}}
  %0 = vector.transpose %a, [0, 0] : vector<4x4xf32> to vector<4x4xf32>
  return
}

// -----

func.func @transpose_dim(%a: vector<4x8xf32>) {
  // expected-error @+1 {{dimension size mismatch at: 0}}
  %0 = vector.transpose %a, [0, 1] : vector<4x8xf32> to vector<8x4xf32>
  return
}

// -----

func.func @outer_dim(%v: vector<4xf32>, %c: vector<4x8xf32>) {
  // expected-error @+1 {{expected #2 operand dim to match result dim #2}}
  %0 = "vector.outerproduct"(%v, %v, %c) <{kind = #vector.kind<add>}> : (vector<4xf32>, vector<4xf32>, vector<4x8xf32>) -> vector<4x8xf32>
  return
}

// -----

func.func @outer_acc(%v: vector<4xf32>, %c: vector<4x4xf64>) {
  // expected-error @+1 {{expected operand #3 of same type as result type}}
  %0 = "vector.outerproduct"(%v, %v, %c) <{kind = #vector.kind<add>}> : (vector<4xf32>, vector<4xf32>, vector<4x4xf64>) -> vector<4x4xf32>
  return
}

// -----

func.func @outer_kind(%v: vector<4xf32>, %c: vector<4x4xf32>) {
  // expected-error @+1 {{unsupported outerproduct type}}
  %0 = vector.outerproduct %v, %v, %c {kind = #vector.kind<xor>} : vector<4xf32>, vector<4xf32>
  return
}

// -----

func.func @outer_rank(%v: vector<2x4xf32>, %w: vector<4xf32>) {
  // expected-error @+1 {{expected 1-d vector for operand #1}}
  %0 = "vector.outerproduct"(%v, %w) <{kind = #vector.kind<add>}> : (vector<2x4xf32>, vector<4xf32>) -> vector<2x4xf32>
  return
}

// -----

func.func @contract_maps(%a: vector<4x8xf32>, %b: vector<8x4xf32>, %c: vector<4x4xf32>) {
  // expected-error @+1 {{expected an indexing map for each vector operand}}
  %0 = vector.contract {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} %a, %b, %c : vector<4x8xf32>, vector<8x4xf32> into vector<4x4xf32>
  return
}

// -----

func.func @contract_inputs(%a: vector<4x8xf32>, %b: vector<8x4xf32>, %c: vector<4x4xf32>) {
  // expected-error @+1 {{expected indexing map 1 to have 3 number of inputs}}
  %0 = vector.contract {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} %a, %b, %c : vector<4x8xf32>, vector<8x4xf32> into vector<4x4xf32>
  return
}

// -----

func.func @contract_outputs(%a: vector<4x8xf32>, %b: vector<8x4xf32>, %c: vector<4x4xf32>) {
  // expected-error @+1 {{expected indexing map 2 to have 2 number of outputs}}
  %0 = vector.contract {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0)>], iterator_types = ["parallel", "parallel", "reduction"]} %a, %b, %c : vector<4x8xf32>, vector<8x4xf32> into vector<4x4xf32>
  return
}

// -----

func.func @contract_perm(%a: vector<4x8xf32>, %b: vector<8x4xf32>, %c: vector<4x4xf32>) {
  // expected-error @+1 {{expected indexing map 0 to be a projected permutation of its inputs}}
  %0 = vector.contract {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d0)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} %a, %b, %c : vector<4x8xf32>, vector<8x4xf32> into vector<4x4xf32>
  return
}

// -----

func.func @contract_none(%a: vector<4x8xf32>, %b: vector<8x4xf32>, %c: vector<4x8x4xf32>) {
  // expected-error @+1 {{expected at least one contracting dimension pair}}
  %0 = vector.contract {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} %a, %b, %c : vector<4x8xf32>, vector<8x4xf32> into vector<4x8x4xf32>
  return
}

// -----

func.func @contract_dims(%a: vector<4x8xf32>, %b: vector<6x4xf32>, %c: vector<4x4xf32>) {
  // expected-error @+1 {{invalid contracting dimension map}}
  %0 = vector.contract {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} %a, %b, %c : vector<4x8xf32>, vector<6x4xf32> into vector<4x4xf32>
  return
}

// -----

func.func @contract_shape(%a: vector<4x8xf32>, %b: vector<8x4xf32>, %c: vector<4x8xf32>) {
  // expected-error @+1 {{invalid accumulator/result vector shape, expected: 'vector<4x4xf32>'}}
  %0 = vector.contract {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} %a, %b, %c : vector<4x8xf32>, vector<8x4xf32> into vector<4x8xf32>
  return
}

// -----

func.func @contract_scalar(%a: vector<8xf32>, %b: vector<8xf32>, %c: vector<1xf32>) {
  // expected-error @+1 {{invalid accumulator/result vector shape}}
  %0 = vector.contract {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["reduction"]} %a, %b, %c : vector<8xf32>, vector<8xf32> into vector<1xf32>
  return
}

// -----

func.func @contract_kind(%a: vector<8xf32>, %b: vector<8xf32>, %c: f32) {
  // expected-error @+1 {{unsupported contraction type}}
  %0 = vector.contract {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>], iterator_types = ["reduction"], kind = #vector.kind<maxsi>} %a, %b, %c : vector<8xf32>, vector<8xf32> into f32
  return
}

// -----

func.func @multi_type(%a: vector<4x8xf32>, %w: vector<4xf32>) {
  // expected-error @+1 {{destination type 'vector<4xf32>' is incompatible with source type 'vector<4x8xf32>'}}
  %0 = vector.multi_reduction <add>, %a, %w [0] : vector<4x8xf32> to vector<4xf32>
  return
}

// -----

func.func @multi_dims(%a: vector<4x8xf32>, %w: vector<8xf32>) {
  // expected-error @+1 {{destination type 'vector<8xf32>' is incompatible with source type 'vector<4x8xf32>'}}
  %0 = vector.multi_reduction <add>, %a, %w [2] : vector<4x8xf32> to vector<8xf32>
  return
}

// -----

func.func @ess_offsets(%a: vector<4x8xf32>) {
  // expected-error @+1 {{expected offsets dimension 1 to be confined to [0, 8)}}
  %0 = vector.extract_strided_slice %a {offsets = [0, 8], sizes = [2, 4], strides = [1, 1]} : vector<4x8xf32> to vector<2x4xf32>
  return
}

// -----

func.func @ess_sum(%a: vector<4x8xf32>) {
  // expected-error @+1 {{expected sum(offsets, sizes) dimension 1 to be confined to [1, 9)}}
  %0 = vector.extract_strided_slice %a {offsets = [0, 6], sizes = [2, 4], strides = [1, 1]} : vector<4x8xf32> to vector<2x4xf32>
  return
}

// -----

func.func @ess_stride(%a: vector<4x8xf32>) {
  // expected-error @+1 {{expected strides to be confined to [1, 2)}}
  %0 = vector.extract_strided_slice %a {offsets = [0], sizes = [2], strides = [2]} : vector<4x8xf32> to vector<2x8xf32>
  return
}

// -----

func.func @ess_result(%a: vector<4x8xf32>) {
  // expected-error @+1 {{expected result type to be 'vector<2x8xf32>'}}
  %0 = vector.extract_strided_slice %a {offsets = [1], sizes = [2], strides = [1]} : vector<4x8xf32> to vector<2x4xf32>
  return
}

// -----

func.func @ess_rank(%a: vector<4xf32>) {
  // expected-error @+1 {{expected offsets attribute of rank no greater than vector rank}}
  %0 = vector.extract_strided_slice %a {offsets = [0, 0], sizes = [2, 2], strides = [1, 1]} : vector<4xf32> to vector<2xf32>
  return
}

// -----

func.func @iss_offsets(%v: vector<4xf32>, %a: vector<4x8xf32>) {
  // expected-error @+1 {{expected offsets of same size as destination vector rank}}
  %0 = vector.insert_strided_slice %v, %a {offsets = [1], strides = [1]} : vector<4xf32> into vector<4x8xf32>
  return
}

// -----

func.func @iss_strides(%v: vector<4xf32>, %a: vector<4x8xf32>) {
  // expected-error @+1 {{expected strides of same size as source vector rank}}
  %0 = vector.insert_strided_slice %v, %a {offsets = [1, 0], strides = [1, 1]} : vector<4xf32> into vector<4x8xf32>
  return
}

// -----

func.func @iss_sum(%v: vector<4xf32>, %a: vector<4x8xf32>) {
  // expected-error @+1 {{expected sum(offsets, source vector shape) dimension 1 to be confined to [1, 9)}}
  %0 = vector.insert_strided_slice %v, %a {offsets = [1, 6], strides = [1]} : vector<4xf32> into vector<4x8xf32>
  return
}

// -----

func.func @iss_rank(%v: vector<2x4xf32>, %a: vector<8xf32>) {
  // expected-error @+1 {{expected source rank to be no greater than destination rank}}
  %0 = vector.insert_strided_slice %v, %a {offsets = [0], strides = [1, 1]} : vector<2x4xf32> into vector<8xf32>
  return
}

// -----

func.func @shuffle_index(%v: vector<4xf32>) {
  // expected-error @+1 {{mask index #2 out of range}}
  %0 = vector.shuffle %v, %v [0, 8] : vector<4xf32>, vector<4xf32>
  return
}

// -----

func.func @shuffle_elem(%v: vector<4xf32>, %w: vector<4xi32>) {
  // expected-error @+1 {{failed to verify that second operand v2 and result have same element type}}
  %0 = "vector.shuffle"(%v, %w) <{mask = [0, 1]}> : (vector<4xf32>, vector<4xi32>) -> vector<2xf32>
  return
}

// -----

func.func @shuffle_trailing(%a: vector<2x4xf32>, %b: vector<2x8xf32>) {
  // expected-error @+1 {{dimension mismatch}}
  %0 = "vector.shuffle"(%a, %b) <{mask = [0, 1]}> : (vector<2x4xf32>, vector<2x8xf32>) -> vector<2x4xf32>
  return
}

// -----

func.func @create_mask(%i: index) {
  // expected-error @+1 {{must specify an operand for each result vector dimension}}
  %0 = vector.create_mask %i : vector<4x4xi1>
  return
}

// -----

func.func @constant_mask_rank() {
  // expected-error @+1 {{must specify array attr of size equal vector result rank}}
  %0 = vector.constant_mask [2] : vector<4x4xi1>
  return
}

// -----

func.func @constant_mask_bounds() {
  // expected-error @+1 {{array attr of size out of bounds of vector result dimension size}}
  %0 = vector.constant_mask [5] : vector<4xi1>
  return
}

// -----

func.func @constant_mask_zero() {
  // expected-error @+1 {{expected all mask dim sizes to be zeros, as a result of conjunction with zero mask dim}}
  %0 = vector.constant_mask [0, 2] : vector<4x4xi1>
  return
}

// -----

func.func @maskedload_elem(%m: memref<?xf32>, %i: index, %k: vector<4xi1>, %p: vector<4xi32>) {
  // expected-error @+1 {{base and result element type should match}}
  %0 = vector.maskedload %m[%i], %k, %p : memref<?xf32>, vector<4xi1>, vector<4xi32> into vector<4xi32>
  return
}

// -----

func.func @maskedload_dim(%m: memref<?xf32>, %i: index, %k: vector<8xi1>, %p: vector<4xf32>) {
  // expected-error @+1 {{expected result dim to match mask dim}}
  %0 = vector.maskedload %m[%i], %k, %p : memref<?xf32>, vector<8xi1>, vector<4xf32> into vector<4xf32>
  return
}

// -----

func.func @maskedload_pass(%m: memref<?xf32>, %i: index, %k: vector<4xi1>, %p: vector<4xf64>) {
  // expected-error @+1 {{expected pass_thru of same type as result type}}
  %0 = "vector.maskedload"(%m, %i, %k, %p) : (memref<?xf32>, index, vector<4xi1>, vector<4xf64>) -> vector<4xf32>
  return
}

// -----

func.func @maskedstore_indices(%m: memref<4x4xf32>, %i: index, %k: vector<4xi1>, %v: vector<4xf32>) {
  // expected-error @+1 {{requires 2 indices}}
  vector.maskedstore %m[%i], %k, %v : memref<4x4xf32>, vector<4xi1>, vector<4xf32>
  return
}

// -----

func.func @maskedstore_elem(%m: memref<?xf32>, %i: index, %k: vector<4xi1>, %v: vector<4xi32>) {
  // expected-error @+1 {{base and valueToStore element type should match}}
  vector.maskedstore %m[%i], %k, %v : memref<?xf32>, vector<4xi1>, vector<4xi32>
  return
}

// -----

func.func @bitcast_width(%v: vector<4xf32>) {
  // expected-error @+1 {{source/result bitwidth of the minor 1-D vectors must be equal}}
  %0 = vector.bitcast %v : vector<4xf32> to vector<8xi32>
  return
}

// -----

func.func @bitcast_dim(%v: vector<2x4xf32>) {
  // expected-error @+1 {{dimension size mismatch at: 0}}
  %0 = vector.bitcast %v : vector<2x4xf32> to vector<4x4xi32>
  return
}

// -----

func.func @step_type() {
  // expected-error @+1 {{result #0 must be vector of index values of ranks 1, but got 'vector<4xi32>'}}
  %0 = vector.step : vector<4xi32>
  return
}

// -----

func.func @extract_dynamic(%v: vector<4xf32>, %i: index) {
  // expected-error @+1 {{'vector.extract' op mismatch between dynamic and static positions (kDynamic marker but no corresponding dynamic position) -- this can only happen due to an incorrect fold/rewrite}}
  %0 = "vector.extract"(%v, %i) <{static_position = array<i64: 0>}> : (vector<4xf32>, index) -> f32
  return
}

// -----

func.func @extract_scalar(%a: f32) {
  // expected-error @+1 {{'vector.extract' op operand #0 must be vector of any type values, but got 'f32'}}
  %0 = "vector.extract"(%a) <{static_position = array<i64>}> : (f32) -> f32
  return
}

// -----

func.func @insert_source(%v: vector<2x4xf32>, %a: f32) {
  // expected-error @+1 {{'vector.insert' op expected position attribute rank to match the dest vector rank}}
  %0 = vector.insert %a, %v [1] : f32 into vector<2x4xf32>
  return
}

// -----

func.func @reduction_kind_attr(%v: vector<4xf32>) {
  // expected-error @+1 {{'vector.reduction' op requires attribute 'kind'}}
  %0 = "vector.reduction"(%v) : (vector<4xf32>) -> f32
  return
}

// -----

func.func @reduction_scalar(%a: f32) {
  // expected-error @+1 {{'vector.reduction' op operand #0 must be vector of any type values, but got 'f32'}}
  %0 = "vector.reduction"(%a) <{kind = #vector.kind<add>}> : (f32) -> f32
  return
}

// -----

func.func @broadcast_result(%a: f32) {
  // expected-error @+1 {{'vector.broadcast' op result #0 must be vector of any type values, but got 'f32'}}
  %0 = "vector.broadcast"(%a) : (f32) -> f32
  return
}

// -----

func.func @load_base(%t: tensor<4xf32>, %i: index) {
  // expected-error @+1 {{'vector.load' op operand #0 must be memref of any type values, but got 'tensor<4xf32>'}}
  %0 = "vector.load"(%t, %i) : (tensor<4xf32>, index) -> vector<4xf32>
  return
}

// -----

func.func @splat_result(%a: f32) {
  // expected-error @+1 {{'vector.splat' op result #0 must be vector of any type values, but got 'tensor<4xf32>'}}
  %0 = "vector.splat"(%a) : (f32) -> tensor<4xf32>
  return
}

// -----

func.func @fma_scalar(%a: f32) {
  // expected-error @+1 {{custom op 'vector.fma' invalid kind of type specified}}
  %0 = vector.fma %a, %a, %a : f32
  return
}

// -----

func.func @transfer_source(%m: f32, %i: index, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op operand #0 must be shaped of any type values, but got 'f32'}}
  %0 = "vector.transfer_read"(%m, %i, %p) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>}> : (f32, index, f32) -> vector<4xf32>
  return
}

// -----

func.func @transfer_vector(%m: memref<4xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op result #0 must be vector of any type values, but got 'f32'}}
  %0 = "vector.transfer_read"(%m, %i, %p) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>}> : (memref<4xf32>, index, f32) -> f32
  return
}

// -----

func.func @transfer_index_type(%m: memref<4xf32>, %i: i32, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op operand #1 must be variadic of index, but got 'i32'}}
  %0 = "vector.transfer_read"(%m, %i, %p) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>}> : (memref<4xf32>, i32, f32) -> vector<4xf32>
  return
}

// -----

func.func @transfer_mask(%m: memref<4x8xf32>, %i: index, %v: vector<4xf32>, %k: vector<8xi1>) {
  // expected-error @+1 {{'vector.transfer_write' op inferred mask type ('vector<4xi1>') and mask operand type ('vector<8xi1>') don't match}}
  "vector.transfer_write"(%v, %m, %i, %i, %k) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 2, 1>, permutation_map = affine_map<(d0, d1) -> (d1)>}> : (vector<4xf32>, memref<4x8xf32>, index, index, vector<8xi1>) -> ()
  return
}

// -----

func.func @transfer_segments(%m: memref<4xf32>, %i: index, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op operand count (3) does not match with the total size (0) specified in attribute 'operandSegmentSizes'}}
  %0 = "vector.transfer_read"(%m, %i, %p) : (memref<4xf32>, index, f32) -> vector<4xf32>
  return
}

// -----

func.func @transfer_write_result(%t: tensor<4xf32>, %i: index, %v: vector<4xf32>) {
  // expected-error @+1 {{'vector.transfer_write' op expected the number of tensor results (0) to be equal to the number of output tensors (1)}}
  "vector.transfer_write"(%v, %t, %i) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>}> : (vector<4xf32>, tensor<4xf32>, index) -> ()
  return
}

// -----

func.func @extractelement_pos(%v: vector<4xf32>, %p: f32) {
  // expected-error @+1 {{'vector.extractelement' op operand #1 must be signless integer or index, but got 'f32'}}
  %0 = vector.extractelement %v[%p : f32] : vector<4xf32>
  return
}

// -----

func.func @extractelement_scalar(%a: f32, %i: i32) {
  // expected-error @+1 {{'vector.extractelement' op operand #0 must be vector of any type values, but got 'f32'}}
  %0 = "vector.extractelement"(%a, %i) : (f32, i32) -> f32
  return
}

// -----

func.func @insertelement_type(%v: vector<4xf32>, %a: f64, %i: i32) {
  // expected-error @+1 {{'vector.insertelement' op failed to verify that source operand type matches element type of result}}
  %0 = "vector.insertelement"(%a, %v, %i) : (f64, vector<4xf32>, i32) -> vector<4xf32>
  return
}

// -----

func.func @shape_cast_scalar(%a: f32) {
  // expected-error @+1 {{custom op 'vector.shape_cast' invalid kind of type specified}}
  %0 = vector.shape_cast %a : f32 to vector<1xf32>
  return
}

// -----

func.func @transfer_write_result_type(%t: tensor<4xf32>, %i: index, %v: vector<4xf32>) {
  // expected-error @+1 {{'vector.transfer_write' op expected type of operand #1 ('tensor<4xf32>') to match type of corresponding result ('tensor<8xf32>')}}
  %0 = "vector.transfer_write"(%v, %t, %i) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>}> : (vector<4xf32>, tensor<4xf32>, index) -> tensor<8xf32>
  return
}

// -----

func.func @extract_result(%v: vector<2x4xf32>) {
  // expected-error @+2 {{'vector.extract' op inferred type(s) 'vector<4xf32>' are incompatible with return type(s) of operation 'f32'}}
  // expected-error @+1 {{'vector.extract' op failed to infer returned types}}
  %0 = vector.extract %v[1] : f32 from vector<2x4xf32>
  return
}

// -----

func.func @reduction_unknown(%v: vector<4xf32>) {
  // expected-error @+2 {{custom op 'vector.reduction' expected ::mlir::vector::CombiningKind to be one of: add, mul, minui, minsi, minnumf, maxui, maxsi, maxnumf, and, or, xor, maximumf, minimumf}}
  // expected-error @+1 {{custom op 'vector.reduction' failed to parse Vector_CombiningKindAttr parameter 'value' which is to be a `::mlir::vector::CombiningKind`}}
  %0 = vector.reduction <avg>, %v : vector<4xf32> into f32
  return
}

// -----

func.func @print_punctuation() {
  // expected-error @+2 {{custom op 'vector.print' expected ::mlir::vector::PrintPunctuation to be one of: no_punctuation, newline, comma, open, close}}
  // expected-error @+1 {{custom op 'vector.print' failed to parse Vector_PrintPunctuation parameter 'value' which is to be a `::mlir::vector::PrintPunctuation`}}
  vector.print punctuation <semicolon>
  return
}

// -----

func.func @print_punctuation_attr() {
  // expected-error @+1 {{invalid properties {punctuation = 3 : i32} for op vector.print: Invalid attribute `punctuation` in property conversion: 3 : i32}}
  "vector.print"() <{punctuation = 3 : i32}> : () -> ()
  return
}

// -----

func.func @reduction_kind_value(%v: vector<4xf32>) {
  // expected-error @+1 {{invalid properties {kind = 3 : i32} for op vector.reduction: Invalid attribute `kind` in property conversion: 3 : i32}}
  %0 = "vector.reduction"(%v) <{kind = 3 : i32}> : (vector<4xf32>) -> f32
  return
}

// -----

func.func @shuffle_empty_mask(%a: vector<2xf32>, %b: vector<2xf32>) {
  // expected-error @+1 {{'vector.shuffle' op invalid mask length}}
  %0 = vector.shuffle %a, %b [] : vector<2xf32>, vector<2xf32>
  return
}

// -----

func.func @broadcast_of_memref(%m: memref<4x8xf32>) {
  // expected-error @+1 {{'vector.broadcast' op source type is not a vector}}
  %0 = vector.broadcast %m : memref<4x8xf32> to vector<1x8xf32>
  return
}

// -----

func.func @transfer_map_repeats_a_dim(%m: memref<?x?x?xf32>, %c: index, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op requires a permutation_map that is a permutation (found one dim used more than once)}}
  %0 = vector.transfer_read %m[%c, %c, %c], %p {permutation_map = affine_map<(d0, d1, d2) -> (d0, d0)>} : memref<?x?x?xf32>, vector<3x7xf32>
  return
}

// -----

// A vector's lanes are contiguous: a reversed (or spread) innermost dimension is no place for them.
func.func @load_from_reversed_view(%m: memref<8xf32, strided<[-1], offset: 7>>, %i: index) -> vector<4xf32> {
  // expected-error @+1 {{'vector.load' op most minor memref dim must have unit stride}}
  %v = vector.load %m[%i] : memref<8xf32, strided<[-1], offset: 7>>, vector<4xf32>
  return %v : vector<4xf32>
}

// -----

func.func @store_to_dynamic_stride(%m: memref<8xf32, strided<[?], offset: ?>>, %i: index, %v: vector<4xf32>) {
  // expected-error @+1 {{'vector.store' op most minor memref dim must have unit stride}}
  vector.store %v, %m[%i] : memref<8xf32, strided<[?], offset: ?>>, vector<4xf32>
  return
}

// -----

// (from MLIR's vector invalid.mlir, and 0-D vectors)
func.func @broadcast_to_scalar(%arg0: f32) -> f32 {
  // expected-error@+1 {{custom op 'vector.broadcast' invalid kind of type specified}}
  %0 = vector.broadcast %arg0 : f32 to f32
}

// -----

func.func @outerproduct_num_operands(%arg0: f32) {
  // expected-error@+1 {{expected at least 2 operands}}
  %1 = vector.outerproduct %arg0 : f32, f32
}

// -----

func.func @outerproduct_non_vector_operand(%arg0: f32) {
  // expected-error@+1 {{expected vector type for operand #1}}
  %1 = vector.outerproduct %arg0, %arg0 : f32, f32
}

// -----

func.func @outerproduct_axpy_operand(%arg0: vector<4x8xf32>, %arg1: f32) {
  // expected-error@+1 {{expected 1-d vector for operand #1}}
  %1 = vector.outerproduct %arg0, %arg1 : vector<4x8xf32>, f32
}

// -----

func.func @test_vector.transfer_read(%arg0: memref<?x?xf32>) {
  %c3 = arith.constant 3 : index
  %cst = arith.constant 3.0 : f32
  // expected-error@+1 {{requires two types}}
  %0 = vector.transfer_read %arg0[%c3, %c3], %cst { permutation_map = affine_map<()->(0)> } : memref<?x?xf32>
}

// -----

func.func @test_vector.transfer_read(%arg0: vector<4x3xf32>) {
  %c3 = arith.constant 3 : index
  %f0 = arith.constant 0.0 : f32
  %vf0 = vector.splat %f0 : vector<4x3xf32>
  // expected-error@+1 {{ requires memref or ranked tensor type}}
  %0 = vector.transfer_read %arg0[%c3, %c3], %vf0 : vector<4x3xf32>, vector<1x1x2x3xf32>
}

// -----

func.func @test_vector.transfer_read(%arg0: memref<4x3xf32>) {
  %c3 = arith.constant 3 : index
  %f0 = arith.constant 0.0 : f32
  %vf0 = vector.splat %f0 : vector<4x3xf32>
  // expected-error@+1 {{ requires vector type}}
  %0 = vector.transfer_read %arg0[%c3, %c3], %vf0 : memref<4x3xf32>, f32
}

// -----

func.func @test_vector.transfer_read(%arg0: memref<?x?x?xf32>) {
  %c1 = arith.constant 1 : i1
  %c3 = arith.constant 3 : index
  %cst = arith.constant 3.0 : f32
  // expected-note@+1 {{prior use here}}
  %mask = vector.splat %c1 : vector<3x8x7xi1>
  // expected-error@+1 {{expects different type than prior uses: 'vector<3x7xi1>' vs 'vector<3x8x7xi1>'}}
  %0 = vector.transfer_read %arg0[%c3, %c3, %c3], %cst, %mask {permutation_map = affine_map<(d0, d1, d2)->(d0, 0, d2)>} : memref<?x?x?xf32>, vector<3x8x7xf32>
}

// -----

func.func @test_vector.transfer_read(%arg0: memref<?x?xvector<4x3xf32>>) {
  %c3 = arith.constant 3 : index
  %f0 = arith.constant 0.0 : f32
  %vf0 = vector.splat %f0 : vector<4x3xf32>
  // expected-error@+1 {{requires source vector element and vector result ranks to match}}
  %0 = vector.transfer_read %arg0[%c3, %c3], %vf0 {permutation_map = affine_map<(d0, d1)->(d0, d1)>} : memref<?x?xvector<4x3xf32>>, vector<3xf32>
}

// -----

func.func @test_vector.transfer_read(%arg0: memref<?x?xvector<6xf32>>) {
  %c3 = arith.constant 3 : index
  %f0 = arith.constant 0.0 : f32
  %vf0 = vector.splat %f0 : vector<6xf32>
  // expected-error@+1 {{requires the bitwidth of the minor 1-D vector to be an integral multiple of the bitwidth of the minor 1-D vector of the source}}
  %0 = vector.transfer_read %arg0[%c3, %c3], %vf0 : memref<?x?xvector<6xf32>>, vector<3xf32>
}

// -----

func.func @test_vector.transfer_read(%arg0: memref<?x?xvector<2x3xf32>>) {
  %c3 = arith.constant 3 : index
  %f0 = arith.constant 0.0 : f32
  %vf0 = vector.splat %f0 : vector<2x3xf32>
  // expected-error@+1 {{requires broadcast dimensions to be in-bounds}}
  %0 = vector.transfer_read %arg0[%c3, %c3], %vf0 {in_bounds = [false, true], permutation_map = affine_map<(d0, d1)->(0, d1)>} : memref<?x?xvector<2x3xf32>>, vector<1x1x2x3xf32>
}

// -----

func.func @test_vector.transfer_read(%arg0: memref<?x?xvector<2x3xf32>>) {
  %c3 = arith.constant 3 : index
  %f0 = arith.constant 0.0 : f32
  %vf0 = vector.splat %f0 : vector<2x3xf32>
  %mask = vector.splat %c1 : vector<2x3xi1>
  // expected-error@+1 {{does not support masks with vector element type}}
  %0 = vector.transfer_read %arg0[%c3, %c3], %vf0, %mask {permutation_map = affine_map<(d0, d1)->(d0, d1)>} : memref<?x?xvector<2x3xf32>>, vector<1x1x2x3xf32>
}
equires two types}}
  vector.transfer_write %arg0, %arg0[%c3, %c3] : memref<?x?xf32>
}

// -----

func.func @test_vector.transfer_write(%arg0: memref<vector<4x3xf32>>) {
  %c3 = arith.constant 3 : index
  %f0 = arith.constant 0.0 : f32
  %vf0 = vector.splat %f0 : vector<4x3xf32>
  // expected-error@+1 {{ requires vector type}}
  vector.transfer_write %arg0, %arg0[%c3, %c3] : memref<vector<4x3xf32>>, vector<4x3xf32>
}

// -----

func.func @test_vector.transfer_write(%arg0: vector<4x3xf32>) {
  %c3 = arith.constant 3 : index
  %f0 = arith.constant 0.0 : f32
  %vf0 = vector.splat %f0 : vector<4x3xf32>
  // expected-error@+1 {{ requires memref or ranked tensor type}}
  vector.transfer_write %arg0, %arg0[%c3, %c3] : vector<4x3xf32>, f32
}

// -----

func.func @test_vector.transfer_write(%arg0: memref<?x?xf32>) {
  %c3 = arith.constant 3 : index
  %cst = arith.constant dense<3.0> : vector<128 x f32>
  // expected-error@+1 {{expected 5 operand types but had 4}}
  %0 = "vector.transfer_write"(%cst, %arg0, %c3, %c3, %c3) {permutation_map = affine_map<()->(0)>} : (vector<128xf32>, memref<?x?xf32>, index, index) -> ()
}

// -----

func.func @test_vector.transfer_write(%arg0: memref<?x?xf32>) {
  %c3 = arith.constant 3 : index
  %cst = arith.constant dense<3.0> : vector<128 x f32>
  // expected-error@+1 {{requires a projected permutation_map (at most one dim or the zero constant can appear in each result)}}
  vector.transfer_write %cst, %arg0[%c3, %c3] {permutation_map = affine_map<(d0, d1)->(d0 + d1)>} : vector<128xf32>, memref<?x?xf32>
}

// -----

func.func @test_vector.transfer_write(%arg0: memref<?xf32>, %arg1: vector<7xf32>) {
  %c3 = arith.constant 3 : index
  %cst = arith.constant 3.0 : f32
  // expected-error@+1 {{should not have broadcast dimensions}}
  vector.transfer_write %arg1, %arg0[%c3]
      {permutation_map = affine_map<(d0) -> (0)>}
      : vector<7xf32>, memref<?xf32>
}

// -----

func.func @extract_strided_slice(%arg0: vector<4x8x16xf32>) {
  // expected-error@+1 {{expected offsets, sizes and strides attributes of same size}}
  %1 = vector.extract_strided_slice %arg0 {offsets = [100], sizes = [2, 2], strides = [1, 1]} : vector<4x8x16xf32> to vector<2x2x16xf32>
}

// -----

func.func @extract_strided_slice(%arg0: vector<4x8x16xf32>) {
  // expected-error@+1 {{op expected offsets dimension 0 to be confined to [0, 4)}}
  %1 = vector.extract_strided_slice %arg0 {offsets = [100], sizes = [100], strides = [100]} : vector<4x8x16xf32> to vector<100x8x16xf32>
}

// -----

func.func @extract_vector_type(%arg0: index) {
  // expected-error@+2 {{custom op 'vector.extract' expected 'from'}}
  %1 = vector.extract %arg0[] : index
}

// -----

func.func @extract_position_rank_overflow_generic(%arg0: vector<4x8x16xf32>) {
  // expected-error@+1 {{'vector.extract' op requires attribute 'static_position'}}
  %1 = "vector.extract" (%arg0) { position = [0, 0, 0, 0] } : (vector<4x8x16xf32>) -> (vector<16xf32>)
}

// -----

func.func @test_vector.transfer_read(%arg0: memref<?x?xvector<2x3xf32>>) {
  %c3 = arith.constant 3 : index
  %f0 = arith.constant 0.0 : f32
  %vf0 = vector.splat %f0 : vector<2x3xf32>
  // expected-error@+1 {{expects the in_bounds attr of same rank as permutation_map results: affine_map<(d0, d1) -> (d0, d1)> vs inBounds of size: 1}}
  %0 = vector.transfer_read %arg0[%c3, %c3], %vf0 {in_bounds = [true], permutation_map = affine_map<(d0, d1)->(d0, d1)>} : memref<?x?xvector<2x3xf32>>, vector<1x1x2x3xf32>
}

// -----

func.func @constant_mask_0d_two_sizes() {
  // expected-error @+1 {{array attr must have length 1 for 0-D vectors}}
  %0 = vector.constant_mask [1, 1] : vector<i1>
  return
}

// -----

func.func @constant_mask_0d_size_2() {
  // expected-error @+1 {{mask dim size must be either 0 or 1 for 0-D vectors}}
  %0 = vector.constant_mask [2] : vector<i1>
  return
}

// -----

func.func @create_mask_0d_no_operand() {
  // expected-error @+1 {{'vector.create_mask' op must specify exactly one operand for 0-D create_mask}}
  %0 = vector.create_mask : vector<i1>
  return
}

// -----

func.func @shuffle_0d_into_2d(%a: vector<f32>) {
  // expected-error @+1 {{'vector.shuffle' op rank mismatch}}
  %0 = "vector.shuffle"(%a, %a) {mask = [0, 1]} : (vector<f32>, vector<f32>) -> vector<2x1xf32>
  return
}

// -----

func.func @shuffle_0d_index_out_of_range(%a: vector<f32>) {
  // expected-error @+1 {{'vector.shuffle' op mask index #2 out of range}}
  %0 = vector.shuffle %a, %a [1, 2] : vector<f32>, vector<f32>
  return
}

// -----

func.func @insert_0d_short_position(%a: vector<f32>, %c: vector<2x3xf32>) {
  // expected-error @+1 {{'vector.insert' op expected position attribute rank + source rank to match dest vector rank}}
  %0 = vector.insert %a, %c [0] : vector<f32> into vector<2x3xf32>
  return
}

// -----

func.func @contract_trait_not_a_dictionary(%a: vector<4xf32>, %s: f32) {
  // expected-error @+1 {{custom op 'vector.contract' invalid kind of attribute specified}}
  %0 = vector.contract [1] %a, %a, %s : vector<4xf32>, vector<4xf32> into f32
  return
}

// -----

// (a rank-0 source read as vector<1xf32> broadcasts by default, which must be in bounds)
func.func @rank0_transfer_default_map(%m: memref<f32>, %p: f32) {
  // expected-error @+1 {{'vector.transfer_read' op requires broadcast dimensions to be in-bounds}}
  %0 = vector.transfer_read %m[], %p : memref<f32>, vector<1xf32>
  return
}

// -----

func.func @store_unsupported_layout(%memref : memref<200x100xf32, affine_map<(d0, d1) -> (200*d0 + 2*d1)>>,
                               %i : index, %j : index, %value : vector<8xf32>) {
  // expected-error @+1 {{'vector.store' op most minor memref dim must have unit stride}}
  vector.store %value, %memref[%i, %j] : memref<200x100xf32, affine_map<(d0, d1) -> (200*d0 + 2*d1)>>, vector<8xf32>
  return
}

// -----

// (a layout that is no strided form has no unit stride either)
func.func @load_non_strided_layout(%m : memref<4x4xf32, affine_map<(d0, d1) -> (d0 floordiv 2, d1)>>, %i : index) {
  // expected-error @+1 {{'vector.load' op most minor memref dim must have unit stride}}
  %0 = vector.load %m[%i, %i] : memref<4x4xf32, affine_map<(d0, d1) -> (d0 floordiv 2, d1)>>, vector<4xf32>
  return
}

// -----

#contraction_trait = {
  indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>],
  iterator_types = ["parallel", "parallel", "reduction"]
}
func.func @contract_one_mask(%a: vector<2x3xf32>, %b: vector<3x4xf32>, %c: vector<2x4xf32>, %m: vector<2x3xi1>) {
  // expected-error @+1 {{custom op 'vector.contract' expected zero or exactly 2 vector mask operands}}
  %0 = vector.contract #contraction_trait %a, %b, %c, %m : vector<2x3xf32>, vector<3x4xf32> into vector<2x4xf32>
  return
}

// -----

#contraction_trait = {
  indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>],
  iterator_types = ["parallel", "parallel", "reduction"]
}
func.func @contract_operand_element_types(%a: vector<4x3xi32>, %b: vector<3x7xf32>, %c: vector<4x7xf32>) {
  // expected-error @+1 {{'vector.contract' op failed to verify that lhs and rhs have same element type}}
  %0 = vector.contract #contraction_trait %a, %b, %c : vector<4x3xi32>, vector<3x7xf32> into vector<4x7xf32>
  return
}

// -----

#contraction_trait = {
  indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (n, m)>],
  iterator_types = ["parallel", "parallel", "reduction"]
}
func.func @contract_acc_shape(%a: vector<2x1xf32>, %b: vector<1x3xf32>, %c: vector<2x3xf32>) -> vector<2x3xf32> {
  // expected-error @+1 {{'vector.contract' op invalid accumulator/result vector shape, expected: 'vector<3x2xf32>'}}
  %0 = vector.contract #contraction_trait %a, %b, %c : vector<2x1xf32>, vector<1x3xf32> into vector<2x3xf32>
  return %0 : vector<2x3xf32>
}

// -----

func.func @shape_cast_invalid_rank_reduction(%arg0 : vector<5x1x3x2xf32>) {
  // expected-error @+1 {{'vector.shape_cast' op invalid shape cast}}
  %0 = vector.shape_cast %arg0 : vector<5x1x3x2xf32> to vector<2x15xf32>
  return
}

// -----

func.func @shape_cast_invalid_rank_expansion(%arg0 : vector<15x2xf32>) {
  // expected-error @+1 {{'vector.shape_cast' op invalid shape cast}}
  %0 = vector.shape_cast %arg0 : vector<15x2xf32> to vector<5x2x3x1xf32>
  return
}

// -----

func.func @bitcast_not_vector(%arg0 : vector<5x1x3x2xf32>) {
  // expected-error @+1 {{custom op 'vector.bitcast' invalid kind of type specified}}
  %0 = vector.bitcast %arg0 : vector<5x1x3x2xf32> to f32
  return
}

// -----

func.func @bitcast_rank_mismatch_from_0d(%arg0 : vector<f32>) {
  // expected-error @+1 {{'vector.bitcast' op failed to verify that all of {source, result} have same rank}}
  %0 = vector.bitcast %arg0 : vector<f32> to vector<1xf32>
  return
}

// -----

// (a 0-D bitcast keeps the element's width)
func.func @bitcast_0d_width(%arg0 : vector<f32>) -> vector<i32> {
  %0 = vector.bitcast %arg0 : vector<f32> to vector<i32>
  // expected-error @+1 {{'vector.bitcast' op source/result bitwidth of the 0-D vector element types must be equal}}
  %1 = vector.bitcast %arg0 : vector<f32> to vector<f16>
  return %0 : vector<i32>
}

// -----

func.func @reduce_unknown_kind(%arg0: vector<16xf32>) -> f32 {
  // expected-error @+2 {{custom op 'vector.reduction' failed to parse Vector_CombiningKindAttr parameter 'value' which is to be a `::mlir::vector::CombiningKind`}}
  // expected-error @+1 {{custom op 'vector.reduction' expected ::mlir::vector::CombiningKind to be one of: add, mul, minui, minsi, minnumf, maxui, maxsi, maxnumf, and, or, xor, maximumf, minimumf}}
  %0 = vector.reduction <joho>, %arg0 : vector<16xf32> into f32
}

// -----

func.func @splat_not_vector(%v : f32) {
  // expected-error @+1 {{custom op 'vector.splat' invalid kind of type specified}}
  vector.splat %v : memref<8xf32>
  return
}

// -----

// (an operand count other than two crashed the parser: fuzzing)
func.func @shuffle_no_operands(%v : vector<4xf32>) {
  // expected-error @+1 {{custom op 'vector.shuffle' 0 operands present, but expected 2}}
  %0 = vector.shuffle [] : vector<4xf32>, vector<4xf32>
  return
}

// -----

func.func @shuffle_three_operands(%v : vector<4xf32>) {
  // expected-error @+1 {{custom op 'vector.shuffle' 3 operands present, but expected 2}}
  %0 = vector.shuffle %v, %v, %v [0] : vector<4xf32>, vector<4xf32>
  return
}

// -----

func.func @maskedload_no_pass_thru(%m : memref<?xf32>, %i : index, %mk : vector<4xi1>) {
  // expected-error @+1 {{expected ','}}
  %0 = vector.maskedload %m[%i], %mk : memref<?xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  return
}

// -----

func.func @insert_strided_slice_one_operand(%v : vector<4xf32>) {
  // expected-error @+1 {{expected ','}}
  %0 = vector.insert_strided_slice %v {offsets = [0], strides = [1]} : vector<4xf32> into vector<4xf32>
  return
}

// -----

func.func @from_elements_count(%x: f32) {
  // expected-error @+1 {{'vector.from_elements' op failed to verify that operand types match result element type}}
  %0 = "vector.from_elements"(%x) : (f32) -> vector<2xf32>
  return
}

// -----

func.func @from_elements_of_scalar(%x: f32) {
  // expected-error @+1 {{'vector.from_elements' op result #0 must be vector of any type values, but got 'f32'}}
  %0 = "vector.from_elements"(%x) : (f32) -> f32
  return
}

// -----

func.func @create_mask_of_float(%x: f32) {
  // expected-error @+1 {{'vector.create_mask' op operand #0 must be variadic of index, but got 'f32'}}
  %0 = "vector.create_mask"(%x) : (f32) -> vector<4xi1>
  return
}

// -----

func.func @create_mask_of_i8(%x: index) {
  // expected-error @+1 {{'vector.create_mask' op result #0 must be vector of 1-bit signless integer values, but got 'vector<4xi8>'}}
  %0 = vector.create_mask %x : vector<4xi8>
  return
}

// -----

func.func @print_memref(%n: memref<4xf32>) {
  // expected-error @+1 {{'vector.print' op operand #0 must be , but got 'memref<4xf32>'}}
  "vector.print"(%n) <{punctuation = #vector.punctuation<newline>}> : (memref<4xf32>) -> ()
  return
}

// -----

func.func @extract_strided_slice_of_float(%f: f32) {
  // expected-error @+1 {{'vector.extract_strided_slice' op operand #0 must be vector of any type values, but got 'f32'}}
  %0 = "vector.extract_strided_slice"(%f) <{offsets = [0], sizes = [1], strides = [1]}> : (f32) -> vector<1xf32>
  return
}

// -----

func.func @maskedload_scalar_mask(%m: memref<4xf32>, %i: index, %k: i1, %v: vector<4xf32>) {
  // expected-error @+1 {{'vector.maskedload' op operand #2 must be vector of 1-bit signless integer values of ranks 1, but got 'i1'}}
  %0 = "vector.maskedload"(%m, %i, %k, %v) : (memref<4xf32>, index, i1, vector<4xf32>) -> vector<4xf32>
  return
}

// -----

func.func @maskedload_scalar_pass_thru(%m: memref<4xf32>, %i: index, %k: vector<4xi1>, %v: f32) {
  // expected-error @+1 {{'vector.maskedload' op operand #3 must be  of ranks 1, but got 'f32'}}
  %0 = "vector.maskedload"(%m, %i, %k, %v) : (memref<4xf32>, index, vector<4xi1>, f32) -> vector<4xf32>
  return
}

// -----

func.func @maskedload_scalar_result(%m: memref<4xf32>, %i: index, %k: vector<4xi1>, %v: vector<4xf32>) {
  // expected-error @+1 {{'vector.maskedload' op result #0 must be  of ranks 1, but got 'f32'}}
  %0 = "vector.maskedload"(%m, %i, %k, %v) : (memref<4xf32>, index, vector<4xi1>, vector<4xf32>) -> f32
  return
}

// -----

func.func @maskedstore_scalar_value(%m: memref<4xf32>, %i: index, %k: vector<4xi1>, %v: f32) {
  // expected-error @+1 {{'vector.maskedstore' op operand #3 must be  of ranks 1, but got 'f32'}}
  "vector.maskedstore"(%m, %i, %k, %v) : (memref<4xf32>, index, vector<4xi1>, f32) -> ()
  return
}

// -----

func.func @maskedstore_float_index(%m: memref<4xf32>, %i: f32, %k: vector<4xi1>, %v: vector<4xf32>) {
  // expected-error @+1 {{'vector.maskedstore' op operand #1 must be variadic of index, but got 'f32'}}
  "vector.maskedstore"(%m, %i, %k, %v) : (memref<4xf32>, f32, vector<4xi1>, vector<4xf32>) -> ()
  return
}

// -----

func.func @maskedstore_into_tensor(%m: tensor<4xf32>, %i: index, %k: vector<4xi1>, %v: vector<4xf32>) {
  // expected-error @+1 {{'vector.maskedstore' op operand #0 must be memref of any type values, but got 'tensor<4xf32>'}}
  "vector.maskedstore"(%m, %i, %k, %v) : (tensor<4xf32>, index, vector<4xi1>, vector<4xf32>) -> ()
  return
}

// -----

func.func @outerproduct_of_ptr(%p: !llvm.ptr, %b: vector<4xf32>) {
  // expected-error @+1 {{'vector.outerproduct' op operand #0 must be vector of any type values, but got '!llvm.ptr'}}
  %0 = "vector.outerproduct"(%p, %b) <{kind = #vector.kind<add>}> : (!llvm.ptr, vector<4xf32>) -> vector<4x4xf32>
  return
}

// -----

func.func @outerproduct_to_ptr(%a: vector<4xf32>, %b: vector<4xf32>) {
  // expected-error @+1 {{'vector.outerproduct' op result #0 must be vector of any type values, but got '!llvm.ptr'}}
  %0 = "vector.outerproduct"(%a, %b) <{kind = #vector.kind<add>}> : (vector<4xf32>, vector<4xf32>) -> !llvm.ptr
  return
}

// -----

func.func @outerproduct_acc_memref(%a: vector<4xf32>, %b: vector<4xf32>, %m: memref<4xf32>) {
  // expected-error @+1 {{'vector.outerproduct' op operand #2 must be vector of any type values, but got 'memref<4xf32>'}}
  %0 = "vector.outerproduct"(%a, %b, %m) <{kind = #vector.kind<add>}> : (vector<4xf32>, vector<4xf32>, memref<4xf32>) -> vector<4x4xf32>
  return
}

// -----

func.func @outerproduct_lhs_elem(%a: vector<4xf64>, %b: vector<4xf32>) {
  // expected-error @+1 {{'vector.outerproduct' op failed to verify that lhs operand and result have same element type}}
  %0 = "vector.outerproduct"(%a, %b) <{kind = #vector.kind<add>}> : (vector<4xf64>, vector<4xf32>) -> vector<4x4xf32>
  return
}

// -----

func.func @outerproduct_rhs_elem(%a: vector<4xf32>, %b: vector<4xf64>) {
  // expected-error @+1 {{'vector.outerproduct' op failed to verify that rhs operand and result have same element type}}
  %0 = "vector.outerproduct"(%a, %b) <{kind = #vector.kind<add>}> : (vector<4xf32>, vector<4xf64>) -> vector<4x4xf32>
  return
}

// -----

func.func @multi_reduction_of_i32(%a: i32, %b: vector<4xf32>) {
  // expected-error @+1 {{'vector.multi_reduction' op operand #0 must be vector of any type values, but got 'i32'}}
  %0 = "vector.multi_reduction"(%a, %b) <{kind = #vector.kind<add>, reduction_dims = [1]}> : (i32, vector<4xf32>) -> vector<4xf32>
  return
}

// -----

func.func @transpose_of_tensor(%a: tensor<4xf32>) {
  // expected-error @+1 {{'vector.transpose' op operand #0 must be vector of any type values, but got 'tensor<4xf32>'}}
  %0 = "vector.transpose"(%a) <{permutation = array<i64: 0>}> : (tensor<4xf32>) -> vector<4xf32>
  return
}

// -----

func.func @transpose_to_ptr(%a: vector<4xf32>) {
  // expected-error @+1 {{'vector.transpose' op result #0 must be vector of any type values, but got '!llvm.ptr'}}
  %0 = "vector.transpose"(%a) <{permutation = array<i64: 0>}> : (vector<4xf32>) -> !llvm.ptr
  return
}

// -----

func.func @extract_strided_slice_to_f32(%a: vector<4xf32>) {
  // expected-error @+1 {{'vector.extract_strided_slice' op result #0 must be vector of any type values, but got 'f32'}}
  %0 = "vector.extract_strided_slice"(%a) <{offsets = [0], sizes = [1], strides = [1]}> : (vector<4xf32>) -> f32
  return
}

// -----

func.func @insert_strided_slice_to_ptr(%a: vector<2xf32>, %b: vector<4xf32>) {
  // expected-error @+1 {{'vector.insert_strided_slice' op result #0 must be vector of any type values, but got '!llvm.ptr'}}
  %0 = "vector.insert_strided_slice"(%a, %b) <{offsets = [0], strides = [1]}> : (vector<2xf32>, vector<4xf32>) -> !llvm.ptr
  return
}

// -----

func.func @shuffle_of_memref(%a: vector<4xf32>, %m: memref<4xf32>) {
  // expected-error @+1 {{'vector.shuffle' op operand #1 must be fixed-length vector of any type values, but got 'memref<4xf32>'}}
  %0 = vector.shuffle %a, %m [0, 1] : vector<4xf32>, memref<4xf32>
  return
}

// -----

func.func @shuffle_v1_elem(%a: vector<4xf64>, %b: vector<4xf32>) {
  // expected-error @+1 {{'vector.shuffle' op failed to verify that first operand v1 and result have same element type}}
  %0 = "vector.shuffle"(%a, %b) <{mask = [0, 1]}> : (vector<4xf64>, vector<4xf32>) -> vector<2xf32>
  return
}

// -----

// (acc and result are each checked against the expected shape, after the maps: no ODS trait ties them)
func.func @contract_result_not_acc(%a: vector<4x8xf32>, %b: vector<8x4xf32>, %c: vector<4x4xf32>) {
  // expected-error @+1 {{'vector.contract' op invalid accumulator/result vector shape, expected: 'vector<4x4xf32>'}}
  %0 = "vector.contract"(%a, %b, %c) <{indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = [#vector.iterator_type<parallel>, #vector.iterator_type<parallel>, #vector.iterator_type<reduction>], kind = #vector.kind<add>}> : (vector<4x8xf32>, vector<8x4xf32>, vector<4x4xf32>) -> vector<4x3xf32>
  return
}

// -----

func.func @contract_map_before_acc_type(%a: vector<4x8xf32>, %b: vector<8x4xf32>, %c: vector<4xf32>) {
  // expected-error @+1 {{'vector.contract' op expected indexing map 2 to have 1 number of outputs}}
  %0 = "vector.contract"(%a, %b, %c) <{indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = [#vector.iterator_type<parallel>, #vector.iterator_type<parallel>, #vector.iterator_type<reduction>], kind = #vector.kind<add>}> : (vector<4x8xf32>, vector<8x4xf32>, vector<4xf32>) -> vector<4x4xf32>
  return
}

// -----

// (mlir-opt-19's diagnostic: the generic form must name the map the custom form defaults)
func.func @transfer_write_without_permutation_map(%m: memref<10xf32>, %i: index, %v: vector<4xf32>) {
  // expected-error @+1 {{'vector.transfer_write' op requires attribute 'permutation_map'}}
  "vector.transfer_write"(%v, %m, %i) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 1, 0>}> : (vector<4xf32>, memref<10xf32>, index) -> ()
  return
}

// -----

// (mlir-opt-19's diagnostic)
func.func @transfer_read_without_in_bounds(%m: memref<10xf32>, %i: index, %p: f32) -> vector<4xf32> {
  // expected-error @+1 {{'vector.transfer_read' op requires attribute 'in_bounds'}}
  %0 = "vector.transfer_read"(%m, %i, %p) <{operandSegmentSizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>}> : (memref<10xf32>, index, f32) -> vector<4xf32>
  return %0 : vector<4xf32>
}

// -----

// (mlir-opt-19's diagnostic)
func.func @transfer_write_map_of_i32(%m: memref<10xf32>, %i: index, %v: vector<4xf32>) {
  // expected-error @+1 {{invalid properties {in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 1, 0>, permutation_map = 1 : i32} for op vector.transfer_write: Invalid attribute `permutation_map` in property conversion: 1 : i32}}
  "vector.transfer_write"(%v, %m, %i) <{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 1, 0>, permutation_map = 1 : i32}> : (vector<4xf32>, memref<10xf32>, index) -> ()
  return
}

// -----

// (mlir-opt-19's diagnostic: nontemporal is a BoolAttr property)
func.func @load_nontemporal_of_i32(%m: memref<10xf32>, %i: index) -> vector<4xf32> {
  // expected-error @+1 {{invalid properties {nontemporal = 1 : i32} for op vector.load: Invalid attribute `nontemporal` in property conversion: 1 : i32}}
  %0 = "vector.load"(%m, %i) <{nontemporal = 1 : i32}> : (memref<10xf32>, index) -> vector<4xf32>
  return %0 : vector<4xf32>
}

// -----

// (mlir-opt-19's diagnostic)
func.func @store_nontemporal_unit(%m: memref<10xf32>, %i: index, %v: vector<4xf32>) {
  // expected-error @+1 {{invalid properties {nontemporal} for op vector.store: Invalid attribute `nontemporal` in property conversion: unit}}
  "vector.store"(%v, %m, %i) <{nontemporal}> : (vector<4xf32>, memref<10xf32>, index) -> ()
  return
}
