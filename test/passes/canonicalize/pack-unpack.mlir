// tensor.pack and tensor.unpack under --canonicalize: unpack into a destination-style op's result,
// static inference of untiled dims (casts around a new op), dropping unneeded padding,
// pack(unpack(x)) and unpack(pack(x)), splat constants. mlir-opt-19 --canonicalize gives
// pack-unpack.expected.mlir.
func.func @a(%p: tensor<4x16x32x16xf32>, %buf: tensor<128x256xf32>, %f: f32, %s: tensor<2x2xf32>) -> (tensor<128x256xf32>, tensor<128x256xf32>, tensor<128x256xf32>) {
  %fill = linalg.fill ins(%f : f32) outs(%buf : tensor<128x256xf32>) -> tensor<128x256xf32>
  %0 = tensor.unpack %p inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %fill : tensor<4x16x32x16xf32> -> tensor<128x256xf32>
  %ins = tensor.insert_slice %s into %buf[0, 0] [2, 2] [1, 1] : tensor<2x2xf32> into tensor<128x256xf32>
  %1 = tensor.unpack %p inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %ins : tensor<4x16x32x16xf32> -> tensor<128x256xf32>
  %c0 = arith.constant 0 : index
  %in = tensor.insert %f into %buf[%c0, %c0] : tensor<128x256xf32>
  %2 = tensor.unpack %p inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %in : tensor<4x16x32x16xf32> -> tensor<128x256xf32>
  return %0, %1, %2 : tensor<128x256xf32>, tensor<128x256xf32>, tensor<128x256xf32>
}
func.func @b(%src: tensor<?x256xf32>, %d: tensor<4x?x32x16xf32>, %pad: f32) -> tensor<4x?x32x16xf32> {
  %0 = tensor.pack %src padding_value(%pad : f32) inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %d : tensor<?x256xf32> -> tensor<4x?x32x16xf32>
  return %0 : tensor<4x?x32x16xf32>
}
func.func @c(%src: tensor<?x?x7xf32>, %d: tensor<7x?x?x32xf32>, %pad: f32) -> tensor<7x?x?x32xf32> {
  %0 = tensor.pack %src padding_value(%pad : f32) outer_dims_perm = [2, 0, 1] inner_dims_pos = [1] inner_tiles = [32] into %d : tensor<?x?x7xf32> -> tensor<7x?x?x32xf32>
  return %0 : tensor<7x?x?x32xf32>
}
func.func @d(%p: tensor<?x16x32x16xf32>, %buf: tensor<128x?xf32>) -> tensor<128x?xf32> {
  %0 = tensor.unpack %p inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %buf : tensor<?x16x32x16xf32> -> tensor<128x?xf32>
  return %0 : tensor<128x?xf32>
}
func.func @e(%p: tensor<?x16x8xf32>, %buf: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = tensor.unpack %p inner_dims_pos = [1] inner_tiles = [8] into %buf : tensor<?x16x8xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
func.func @f(%x: tensor<128x256xf32>, %d: tensor<4x16x32x16xf32>, %buf: tensor<128x256xf32>, %pad: f32) -> (tensor<128x256xf32>, tensor<4x16x32x16xf32>) {
  %0 = tensor.pack %x padding_value(%pad : f32) inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %d : tensor<128x256xf32> -> tensor<4x16x32x16xf32>
  %1 = tensor.unpack %0 inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %buf : tensor<4x16x32x16xf32> -> tensor<128x256xf32>
  %2 = tensor.unpack %d inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %buf : tensor<4x16x32x16xf32> -> tensor<128x256xf32>
  %3 = tensor.pack %2 inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %d : tensor<128x256xf32> -> tensor<4x16x32x16xf32>
  return %1, %3 : tensor<128x256xf32>, tensor<4x16x32x16xf32>
}
func.func @g(%d: tensor<4x16x32x16xf32>, %e: tensor<2x2x2xf32>) -> (tensor<4x16x32x16xf32>, tensor<4x2xf32>) {
  %c = arith.constant dense<2.0> : tensor<128x256xf32>
  %0 = tensor.pack %c inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %d : tensor<128x256xf32> -> tensor<4x16x32x16xf32>
  %c2 = arith.constant dense<3.0> : tensor<2x2x2xf32>
  %ee = tensor.empty() : tensor<4x2xf32>
  %1 = tensor.unpack %c2 inner_dims_pos = [0] inner_tiles = [2] into %ee : tensor<2x2x2xf32> -> tensor<4x2xf32>
  return %0, %1 : tensor<4x16x32x16xf32>, tensor<4x2xf32>
}
func.func @h(%src: tensor<?x7x256xf32>, %d: tensor<9x?x16x32x16xf32>, %pad: f32) -> tensor<9x?x16x32x16xf32> {
  %0 = tensor.pack %src padding_value(%pad : f32) inner_dims_pos = [1, 2] inner_tiles = [32, 16] into %d {keep} : tensor<?x7x256xf32> -> tensor<9x?x16x32x16xf32>
  return %0 : tensor<9x?x16x32x16xf32>
}
func.func @i(%src: tensor<?x?x256xf32>, %d: tensor<?x9x16x?x16xf32>, %t: index) -> tensor<?x9x16x?x16xf32> {
  %0 = tensor.pack %src outer_dims_perm = [1, 0, 2] inner_dims_pos = [1, 2] inner_tiles = [%t, 16] into %d : tensor<?x?x256xf32> -> tensor<?x9x16x?x16xf32>
  return %0 : tensor<?x9x16x?x16xf32>
}
func.func @j(%p: tensor<8x?x2xf32>, %buf: tensor<5x?xf32>) -> tensor<5x?xf32> {
  %0 = tensor.unpack %p outer_dims_perm = [1, 0] inner_dims_pos = [0] inner_tiles = [2] into %buf : tensor<8x?x2xf32> -> tensor<5x?xf32>
  return %0 : tensor<5x?xf32>
}
func.func @k(%x: tensor<6x8xf32>, %pad: f32) -> (tensor<3x4x2x2xf32>, tensor<2x2x4x4xf32>) {
  %e = tensor.empty() : tensor<3x4x2x2xf32>
  %0 = tensor.pack %x padding_value(%pad : f32) inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %e : tensor<6x8xf32> -> tensor<3x4x2x2xf32>
  %c = arith.constant dense<1.0> : tensor<6x8xf32>
  %one = arith.constant 1.0 : f32
  %two = arith.constant 2.0 : f32
  %e2 = tensor.empty() : tensor<2x2x4x4xf32>
  %1 = tensor.pack %c padding_value(%two : f32) inner_dims_pos = [0, 1] inner_tiles = [4, 4] into %e2 : tensor<6x8xf32> -> tensor<2x2x4x4xf32>
  %2 = tensor.pack %c padding_value(%one : f32) inner_dims_pos = [0, 1] inner_tiles = [4, 4] into %e2 : tensor<6x8xf32> -> tensor<2x2x4x4xf32>
  %3 = tensor.pack %c padding_value(%pad : f32) inner_dims_pos = [0, 1] inner_tiles = [4, 4] into %e2 : tensor<6x8xf32> -> tensor<2x2x4x4xf32>
  %s = arith.addf %2, %3 : tensor<2x2x4x4xf32>
  %s2 = arith.addf %s, %1 : tensor<2x2x4x4xf32>
  return %0, %s2 : tensor<3x4x2x2xf32>, tensor<2x2x4x4xf32>
}
func.func @l(%p: tensor<4x16x32x16xf32>, %buf: tensor<128x256xf32>, %d: tensor<16x4x32x16xf32>) -> (tensor<?x?xf32>, tensor<4x16x32x16xf32>, tensor<16x4x32x16xf32>) {
  %u = tensor.unpack %p inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %buf : tensor<4x16x32x16xf32> -> tensor<128x256xf32>
  %cu = tensor.cast %u : tensor<128x256xf32> to tensor<?x?xf32>
  %q = tensor.pack %u outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %d : tensor<128x256xf32> -> tensor<16x4x32x16xf32>
  %q2 = tensor.pack %u inner_dims_pos = [0, 1] inner_tiles = [32, 16] into %p : tensor<128x256xf32> -> tensor<4x16x32x16xf32>
  return %cu, %q2, %q : tensor<?x?xf32>, tensor<4x16x32x16xf32>, tensor<16x4x32x16xf32>
}

// No outer_dims_perm matches the identity one: the pair still undoes itself.
func.func @identity_outer_perm(%t: tensor<16x16x?x?xf32>, %a: index, %b: index) -> tensor<16x16x?x?xf32> {
  %e = tensor.empty() : tensor<128x128xf32>
  %u = tensor.unpack %t inner_dims_pos = [0, 1] inner_tiles = [%a, %b] into %e : tensor<16x16x?x?xf32> -> tensor<128x128xf32>
  %e1 = tensor.empty(%a, %b) : tensor<16x16x?x?xf32>
  %p = tensor.pack %u outer_dims_perm = [0, 1] inner_dims_pos = [0, 1] inner_tiles = [%a, %b] into %e1 : tensor<128x128xf32> -> tensor<16x16x?x?xf32>
  return %p : tensor<16x16x?x?xf32>
}

// Operands cast from more static tensors are taken uncast (the result cast back): here the
// unpack's then lets pack(cast(cast(unpack))) undo itself; an insert's destination likewise.
func.func @casts_into_dps(%t: tensor<10x20x4x4xf32>, %d: tensor<4x4xf32>, %x: f32, %i: index) -> (tensor<10x20x4x4xf32>, tensor<?x?xf32>) {
  %c40 = arith.constant 40 : index
  %c80 = arith.constant 80 : index
  %e = tensor.empty(%c40, %c80) : tensor<?x?xf32>
  %u = tensor.unpack %t inner_dims_pos = [0, 1] inner_tiles = [4, 4] into %e : tensor<10x20x4x4xf32> -> tensor<?x?xf32>
  %c = tensor.cast %u : tensor<?x?xf32> to tensor<40x80xf32>
  %e1 = tensor.empty() : tensor<10x20x4x4xf32>
  %p = tensor.pack %c inner_dims_pos = [0, 1] inner_tiles = [4, 4] into %e1 : tensor<40x80xf32> -> tensor<10x20x4x4xf32>
  %dc = tensor.cast %d : tensor<4x4xf32> to tensor<?x?xf32>
  %ins = tensor.insert %x into %dc[%i, %i] : tensor<?x?xf32>
  return %p, %ins : tensor<10x20x4x4xf32>, tensor<?x?xf32>
}
// A tile given as a constant value counts as that size: the cast folds in and the packed dim is 8.
func.func @cast_into_pack_constant_tile(%dest: tensor<1x1x8x1xi32>, %src: tensor<7x?xi32>, %pad: i32) -> tensor<1x1x8x1xi32> {
  %cast = tensor.cast %dest : tensor<1x1x8x1xi32> to tensor<1x1x?x1xi32>
  %c8 = arith.constant 8 : index
  %pack = tensor.pack %src padding_value(%pad : i32) inner_dims_pos = [0, 1] inner_tiles = [%c8, 1] into %cast : tensor<7x?xi32> -> tensor<1x1x?x1xi32>
  %res = tensor.cast %pack : tensor<1x1x?x1xi32> to tensor<1x1x8x1xi32>
  return %res : tensor<1x1x8x1xi32>
}
func.func @cast_into_unpack_constant_tile(%src: tensor<1x1x8x1xi32>, %res: tensor<7x?xi32>) -> tensor<7x?xi32> {
  %cast = tensor.cast %src : tensor<1x1x8x1xi32> to tensor<1x1x?x1xi32>
  %c8 = arith.constant 8 : index
  %unpack = tensor.unpack %cast inner_dims_pos = [0, 1] inner_tiles = [%c8, 1] into %res : tensor<1x1x?x1xi32> -> tensor<7x?xi32>
  return %unpack : tensor<7x?xi32>
}
