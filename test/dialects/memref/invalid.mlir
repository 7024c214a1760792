// One case per verifier rule of the memref dialect.
func.func @load_rank(%A: memref<10x20xf32>, %i: index) {
  // expected-error @+1 {{incorrect number of indices for load, expected 2 but got 1}}
  %v = memref.load %A[%i] : memref<10x20xf32>
  return
}

// -----

func.func @load_result(%A: memref<10xf32>, %i: index) {
  // expected-error @+1 {{failed to verify that result type matches element type of 'memref'}}
  %v = "memref.load"(%A, %i) : (memref<10xf32>, index) -> f64
  return
}

// -----

func.func @store_value(%A: memref<10xf32>, %i: index, %v: f64) {
  // expected-error @+1 {{failed to verify that type of 'value' matches element type of 'memref'}}
  "memref.store"(%v, %A, %i) : (f64, memref<10xf32>, index) -> ()
  return
}

// -----

func.func @alloc_dyn(%n: index) {
  // expected-error @+1 {{dimension operand count does not equal memref dynamic dimension count}}
  %a = memref.alloc(%n) : memref<?x?xf32>
  return
}

// -----

func.func @alloca_align() {
  // expected-error @+1 {{attribute 'alignment' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 0}}
  %a = memref.alloca() {alignment = -16 : i64} : memref<4xf32>
  return
}

// -----

func.func @alloc_align_type() {
  // expected-error @+1 {{attribute 'alignment' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 0}}
  %a = memref.alloc() {alignment = 16 : i32} : memref<4xf32>
  return
}

// -----

func.func @cast(%A: memref<4xf32>) {
  // expected-error @+1 {{operand type 'memref<4xf32>' and result type 'memref<5xf32>' are cast incompatible}}
  %c = memref.cast %A : memref<4xf32> to memref<5xf32>
  return
}

// -----

func.func @subview_type(%A: memref<10x20xf32>) {
  // expected-error @+1 {{expected result type to be 'memref<4x5xf32, strided<[20, 1], offset: 43>>' or a rank-reduced version}}
  %s = memref.subview %A[2, 3] [4, 5] [1, 1] : memref<10x20xf32> to memref<4x5xf32>
  return
}

// -----

// expected-error @+1 {{type should be static shaped memref, but got 'memref<?xf32>'}}
memref.global @dyn : memref<?xf32>

// -----

// expected-error @+1 {{initial value expected to be of type 'tensor<2xf32>', but was of type 'tensor<3xf32>'}}
"memref.global"() <{initial_value = dense<1.0> : tensor<3xf32>, sym_name = "bad", type = memref<2xf32>}> : () -> ()

// -----

func.func @get_global_missing() {
  // expected-error @+1 {{'nope' does not reference a valid global memref}}
  %g = memref.get_global @nope : memref<2xf32>
  return
}

// -----

func.func @subview_rank_reduced(%A: memref<10x20xf32>) {
  // expected-error @+1 {{expected result type to be 'memref<2x5xf32, strided<[20, 1], offset: 43>>' or a rank-reduced version}}
  %s = memref.subview %A[2, 3] [2, 5] [1, 1] : memref<10x20xf32> to memref<5xf32, strided<[1], offset: 43>>
  return
}

// -----

func.func @reinterpret_offset(%A: memref<4xf32>) {
  // expected-error @+1 {{expected result type with offset = 1 instead of 0}}
  %r = memref.reinterpret_cast %A to offset: [1], sizes: [4], strides: [1] : memref<4xf32> to memref<4xf32>
  return
}

// -----

func.func @reinterpret_size(%A: memref<4xf32>) {
  // expected-error @+1 {{expected result type with size = 2 instead of 4 in dim = 0}}
  %r = memref.reinterpret_cast %A to offset: [0], sizes: [2], strides: [1] : memref<4xf32> to memref<4xf32>
  return
}

// -----

func.func @expand_dynamic_source_static_group(%m: memref<?xf32>) {
  // expected-error @+1 {{collapsed dim (0) must be dynamic if and only if reassociation group is dynamic}}
  %0 = memref.expand_shape %m [[0, 1]] output_shape [3, 4] : memref<?xf32> into memref<3x4xf32>
  return
}

// -----

func.func @collapse_dynamic_group_static_result(%m: memref<?x4xf32>) {
  // expected-error @+1 {{collapsed dim (0) must be dynamic if and only if reassociation group is dynamic}}
  %0 = memref.collapse_shape %m [[0, 1]] : memref<?x4xf32> into memref<12xf32>
  return
}
