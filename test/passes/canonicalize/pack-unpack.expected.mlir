module {
  func.func @a(%arg0: tensor<4x16x32x16xf32>, %arg1: tensor<128x256xf32>, %arg2: f32, %arg3: tensor<2x2xf32>) -> (tensor<128x256xf32>, tensor<128x256xf32>, tensor<128x256xf32>) {
    %unpack = tensor.unpack %arg0 inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %arg1 : tensor<4x16x32x16xf32> -> tensor<128x256xf32>
    %unpack_0 = tensor.unpack %arg0 inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %arg1 : tensor<4x16x32x16xf32> -> tensor<128x256xf32>
    %unpack_1 = tensor.unpack %arg0 inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %arg1 : tensor<4x16x32x16xf32> -> tensor<128x256xf32>
    return %unpack, %unpack_0, %unpack_1 : tensor<128x256xf32>, tensor<128x256xf32>, tensor<128x256xf32>
  }
  func.func @b(%arg0: tensor<?x256xf32>, %arg1: tensor<4x?x32x16xf32>, %arg2: f32) -> tensor<4x?x32x16xf32> {
    %pack = tensor.pack %arg0 padding_value(%arg2 : f32) inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %arg1 : tensor<?x256xf32> -> tensor<4x?x32x16xf32>
    return %pack : tensor<4x?x32x16xf32>
  }
  func.func @c(%arg0: tensor<?x?x7xf32>, %arg1: tensor<7x?x?x32xf32>, %arg2: f32) -> tensor<7x?x?x32xf32> {
    %pack = tensor.pack %arg0 padding_value(%arg2 : f32) outer_dims_perm = [2, 0, 1] inner_dims_pos = [1] inner_tiles = [32] into %arg1 : tensor<?x?x7xf32> -> tensor<7x?x?x32xf32>
    return %pack : tensor<7x?x?x32xf32>
  }
  func.func @d(%arg0: tensor<?x16x32x16xf32>, %arg1: tensor<128x?xf32>) -> tensor<128x?xf32> {
    %unpack = tensor.unpack %arg0 inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %arg1 : tensor<?x16x32x16xf32> -> tensor<128x?xf32>
    return %unpack : tensor<128x?xf32>
  }
  func.func @e(%arg0: tensor<?x16x8xf32>, %arg1: tensor<?x?xf32>) -> tensor<?x?xf32> {
    %unpack = tensor.unpack %arg0 inner_dims_pos = [1] inner_tiles = [8] into %arg1 : tensor<?x16x8xf32> -> tensor<?x?xf32>
    return %unpack : tensor<?x?xf32>
  }
  func.func @f(%arg0: tensor<128x256xf32>, %arg1: tensor<4x16x32x16xf32>, %arg2: tensor<128x256xf32>, %arg3: f32) -> (tensor<128x256xf32>, tensor<4x16x32x16xf32>) {
    return %arg0, %arg1 : tensor<128x256xf32>, tensor<4x16x32x16xf32>
  }
  func.func @g(%arg0: tensor<4x16x32x16xf32>, %arg1: tensor<2x2x2xf32>) -> (tensor<4x16x32x16xf32>, tensor<4x2xf32>) {
    %cst = arith.constant dense<2.000000e+00> : tensor<4x16x32x16xf32>
    %cst_0 = arith.constant dense<3.000000e+00> : tensor<4x2xf32>
    return %cst, %cst_0 : tensor<4x16x32x16xf32>, tensor<4x2xf32>
  }
  func.func @h(%arg0: tensor<?x7x256xf32>, %arg1: tensor<9x?x16x32x16xf32>, %arg2: f32) -> tensor<9x?x16x32x16xf32> {
    %cast = tensor.cast %arg0 : tensor<?x7x256xf32> to tensor<9x7x256xf32>
    %pack = tensor.pack %cast padding_value(%arg2 : f32) inner_dims_pos = [1, 2] inner_tiles = [32, 16] into %arg1 : tensor<9x7x256xf32> -> tensor<9x?x16x32x16xf32>
    return %pack : tensor<9x?x16x32x16xf32>
  }
  func.func @i(%arg0: tensor<?x?x256xf32>, %arg1: tensor<?x9x16x?x16xf32>, %arg2: index) -> tensor<?x9x16x?x16xf32> {
    %cast = tensor.cast %arg0 : tensor<?x?x256xf32> to tensor<9x?x256xf32>
    %pack = tensor.pack %cast outer_dims_perm = [1, 0, 2] inner_dims_pos = [1, 2] inner_tiles = [%arg2, 16] into %arg1 : tensor<9x?x256xf32> -> tensor<?x9x16x?x16xf32>
    return %pack : tensor<?x9x16x?x16xf32>
  }
  func.func @j(%arg0: tensor<8x?x2xf32>, %arg1: tensor<5x?xf32>) -> tensor<5x?xf32> {
    %cast = tensor.cast %arg1 : tensor<5x?xf32> to tensor<5x8xf32>
    %unpack = tensor.unpack %arg0 outer_dims_perm = [1, 0] inner_dims_pos = [0] inner_tiles = [2] into %cast : tensor<8x?x2xf32> -> tensor<5x8xf32>
    %cast_0 = tensor.cast %unpack : tensor<5x8xf32> to tensor<5x?xf32>
    return %cast_0 : tensor<5x?xf32>
  }
  func.func @k(%arg0: tensor<6x8xf32>, %arg1: f32) -> (tensor<3x4x2x2xf32>, tensor<2x2x4x4xf32>) {
    %cst = arith.constant dense<2.000000e+00> : tensor<2x2x4x4xf32>
    %cst_0 = arith.constant 2.000000e+00 : f32
    %cst_1 = arith.constant dense<1.000000e+00> : tensor<6x8xf32>
    %0 = tensor.empty() : tensor<3x4x2x2xf32>
    %pack = tensor.pack %arg0 inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %0 : tensor<6x8xf32> -> tensor<3x4x2x2xf32>
    %1 = tensor.empty() : tensor<2x2x4x4xf32>
    %pack_2 = tensor.pack %cst_1 padding_value(%cst_0 : f32) inner_dims_pos = [0, 1] inner_tiles = [4, 4] into %1 : tensor<6x8xf32> -> tensor<2x2x4x4xf32>
    %2 = arith.addf %pack_2, %cst : tensor<2x2x4x4xf32>
    return %pack, %2 : tensor<3x4x2x2xf32>, tensor<2x2x4x4xf32>
  }
  func.func @l(%arg0: tensor<4x16x32x16xf32>, %arg1: tensor<128x256xf32>, %arg2: tensor<16x4x32x16xf32>) -> (tensor<?x?xf32>, tensor<4x16x32x16xf32>, tensor<16x4x32x16xf32>) {
    %unpack = tensor.unpack %arg0 inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %arg1 : tensor<4x16x32x16xf32> -> tensor<128x256xf32>
    %cast = tensor.cast %unpack : tensor<128x256xf32> to tensor<?x?xf32>
    %pack = tensor.pack %unpack outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %arg2 : tensor<128x256xf32> -> tensor<16x4x32x16xf32>
    return %cast, %arg0, %pack : tensor<?x?xf32>, tensor<4x16x32x16xf32>, tensor<16x4x32x16xf32>
  }
  func.func @identity_outer_perm(%arg0: tensor<16x16x?x?xf32>, %arg1: index, %arg2: index) -> tensor<16x16x?x?xf32> {
    return %arg0 : tensor<16x16x?x?xf32>
  }
  func.func @casts_into_dps(%arg0: tensor<10x20x4x4xf32>, %arg1: tensor<4x4xf32>, %arg2: f32, %arg3: index) -> (tensor<10x20x4x4xf32>, tensor<?x?xf32>) {
    %inserted = tensor.insert %arg2 into %arg1[%arg3, %arg3] : tensor<4x4xf32>
    %cast = tensor.cast %inserted : tensor<4x4xf32> to tensor<?x?xf32>
    return %arg0, %cast : tensor<10x20x4x4xf32>, tensor<?x?xf32>
  }
  func.func @cast_into_pack_constant_tile(%arg0: tensor<1x1x8x1xi32>, %arg1: tensor<7x?xi32>, %arg2: i32) -> tensor<1x1x8x1xi32> {
    %c8 = arith.constant 8 : index
    %pack = tensor.pack %arg1 padding_value(%arg2 : i32) inner_dims_pos = [0, 1] inner_tiles = [%c8, 1] into %arg0 : tensor<7x?xi32> -> tensor<1x1x8x1xi32>
    return %pack : tensor<1x1x8x1xi32>
  }
  func.func @cast_into_unpack_constant_tile(%arg0: tensor<1x1x8x1xi32>, %arg1: tensor<7x?xi32>) -> tensor<7x?xi32> {
    %c8 = arith.constant 8 : index
    %unpack = tensor.unpack %arg0 inner_dims_pos = [0, 1] inner_tiles = [%c8, 1] into %arg1 : tensor<1x1x8x1xi32> -> tensor<7x?xi32>
    return %unpack : tensor<7x?xi32>
  }
}

