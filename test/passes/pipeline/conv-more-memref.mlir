// The same ops as conv-more.mlir on memrefs (constant globals; the outputs copied from one into an alloc), printed with printMemrefF32/I32: standard dialects only, for mlir-cpu-runner-19.
memref.global "private" constant @g0_0 : memref<7xf32> = dense<[-0.5, 1.25, 0.25, -0.75, 1.0, 0.0, -1.0]>
memref.global "private" constant @g0_1 : memref<3xf32> = dense<[0.75, -0.25, -1.25]>
memref.global "private" constant @g0_2 : memref<5xf32> = dense<[-0.75, 1.0, 0.0, -1.0, 0.75]>
memref.global "private" constant @g1_0 : memref<3x4x4xf32> = dense<[[[0.5, -0.5, 1.25, 0.25], [-0.75, 1.0, 0.0, -1.0], [0.75, -0.25, -1.25, 0.5], [-0.5, 1.25, 0.25, -0.75]], [[1.0, 0.0, -1.0, 0.75], [-0.25, -1.25, 0.5, -0.5], [1.25, 0.25, -0.75, 1.0], [0.0, -1.0, 0.75, -0.25]], [[-1.25, 0.5, -0.5, 1.25], [0.25, -0.75, 1.0, 0.0], [-1.0, 0.75, -0.25, -1.25], [0.5, -0.5, 1.25, 0.25]]]>
memref.global "private" constant @g1_1 : memref<2x2x2xf32> = dense<[[[-1.0, 0.75], [-0.25, -1.25]], [[0.5, -0.5], [1.25, 0.25]]]>
memref.global "private" constant @g1_2 : memref<2x3x3xf32> = dense<[[[0.25, -0.75, 1.0], [0.0, -1.0, 0.75], [-0.25, -1.25, 0.5]], [[-0.5, 1.25, 0.25], [-0.75, 1.0, 0.0], [-1.0, 0.75, -0.25]]]>
memref.global "private" constant @g2_0 : memref<1x2x9xf32> = dense<[[[-1.25, 0.5, -0.5, 1.25, 0.25, -0.75, 1.0, 0.0, -1.0], [0.75, -0.25, -1.25, 0.5, -0.5, 1.25, 0.25, -0.75, 1.0]]]>
memref.global "private" constant @g2_1 : memref<3x2x2xf32> = dense<[[[0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25]], [[0.25, -0.75], [1.0, 0.0]]]>
memref.global "private" constant @g2_2 : memref<1x3x4xf32> = dense<[[[1.25, 0.25, -0.75, 1.0], [0.0, -1.0, 0.75, -0.25], [-1.25, 0.5, -0.5, 1.25]]]>
memref.global "private" constant @g3_0 : memref<1x5x4x2xf32> = dense<[[[[-0.25, -1.25], [0.5, -0.5], [1.25, 0.25], [-0.75, 1.0]], [[0.0, -1.0], [0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25]], [[0.25, -0.75], [1.0, 0.0], [-1.0, 0.75], [-0.25, -1.25]], [[0.5, -0.5], [1.25, 0.25], [-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75]]]]>
memref.global "private" constant @g3_1 : memref<3x2x2x2xf32> = dense<[[[[1.0, 0.0], [-1.0, 0.75]], [[-0.25, -1.25], [0.5, -0.5]]], [[[1.25, 0.25], [-0.75, 1.0]], [[0.0, -1.0], [0.75, -0.25]]], [[[-1.25, 0.5], [-0.5, 1.25]], [[0.25, -0.75], [1.0, 0.0]]]]>
memref.global "private" constant @g3_2 : memref<1x2x3x3xf32> = dense<[[[[-0.5, 1.25, 0.25], [-0.75, 1.0, 0.0], [-1.0, 0.75, -0.25]], [[-1.25, 0.5, -0.5], [1.25, 0.25, -0.75], [1.0, 0.0, -1.0]]]]>
memref.global "private" constant @g4_0 : memref<1x2x2x4x5xf32> = dense<[[[[[0.75, -0.25, -1.25, 0.5, -0.5], [1.25, 0.25, -0.75, 1.0, 0.0], [-1.0, 0.75, -0.25, -1.25, 0.5], [-0.5, 1.25, 0.25, -0.75, 1.0]], [[0.0, -1.0, 0.75, -0.25, -1.25], [0.5, -0.5, 1.25, 0.25, -0.75], [1.0, 0.0, -1.0, 0.75, -0.25], [-1.25, 0.5, -0.5, 1.25, 0.25]]], [[[-0.75, 1.0, 0.0, -1.0, 0.75], [-0.25, -1.25, 0.5, -0.5, 1.25], [0.25, -0.75, 1.0, 0.0, -1.0], [0.75, -0.25, -1.25, 0.5, -0.5]], [[1.25, 0.25, -0.75, 1.0, 0.0], [-1.0, 0.75, -0.25, -1.25, 0.5], [-0.5, 1.25, 0.25, -0.75, 1.0], [0.0, -1.0, 0.75, -0.25, -1.25]]]]]>
memref.global "private" constant @g4_1 : memref<2x2x2x2x2xf32> = dense<[[[[[-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5]]], [[[-0.5, 1.25], [0.25, -0.75]], [[1.0, 0.0], [-1.0, 0.75]]]], [[[[-0.25, -1.25], [0.5, -0.5]], [[1.25, 0.25], [-0.75, 1.0]]], [[[0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25]]]]]>
memref.global "private" constant @g4_2 : memref<1x2x2x3x3xf32> = dense<[[[[[0.5, -0.5, 1.25], [0.25, -0.75, 1.0], [0.0, -1.0, 0.75]], [[-0.25, -1.25, 0.5], [-0.5, 1.25, 0.25], [-0.75, 1.0, 0.0]]], [[[-1.0, 0.75, -0.25], [-1.25, 0.5, -0.5], [1.25, 0.25, -0.75]], [[1.0, 0.0, -1.0], [0.75, -0.25, -1.25], [0.5, -0.5, 1.25]]]]]>
memref.global "private" constant @g5_0 : memref<1x3x5x3x2xf32> = dense<[[[[[-1.0, 0.75], [-0.25, -1.25], [0.5, -0.5]], [[1.25, 0.25], [-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25]], [[0.25, -0.75], [1.0, 0.0], [-1.0, 0.75]], [[-0.25, -1.25], [0.5, -0.5], [1.25, 0.25]]], [[[-0.75, 1.0], [0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75]], [[1.0, 0.0], [-1.0, 0.75], [-0.25, -1.25]], [[0.5, -0.5], [1.25, 0.25], [-0.75, 1.0]], [[0.0, -1.0], [0.75, -0.25], [-1.25, 0.5]]], [[[-0.5, 1.25], [0.25, -0.75], [1.0, 0.0]], [[-1.0, 0.75], [-0.25, -1.25], [0.5, -0.5]], [[1.25, 0.25], [-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25]], [[0.25, -0.75], [1.0, 0.0], [-1.0, 0.75]]]]]>
memref.global "private" constant @g5_1 : memref<2x2x2x2x2xf32> = dense<[[[[[0.25, -0.75], [1.0, 0.0]], [[-1.0, 0.75], [-0.25, -1.25]]], [[[0.5, -0.5], [1.25, 0.25]], [[-0.75, 1.0], [0.0, -1.0]]]], [[[[0.75, -0.25], [-1.25, 0.5]], [[-0.5, 1.25], [0.25, -0.75]]], [[[1.0, 0.0], [-1.0, 0.75]], [[-0.25, -1.25], [0.5, -0.5]]]]]>
memref.global "private" constant @g5_2 : memref<1x2x2x2x2xf32> = dense<[[[[[-1.25, 0.5], [-0.5, 1.25]], [[0.25, -0.75], [1.0, 0.0]]], [[[-1.0, 0.75], [-0.25, -1.25]], [[0.5, -0.5], [1.25, 0.25]]]]]>
memref.global "private" constant @g6_0 : memref<1x7x2xf32> = dense<[[[0.0, -1.0], [0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75], [1.0, 0.0], [-1.0, 0.75]]]>
memref.global "private" constant @g6_1 : memref<2x2xf32> = dense<[[1.25, 0.25], [-0.75, 1.0]]>
memref.global "private" constant @g6_2 : memref<1x5x2xf32> = dense<[[[-0.25, -1.25], [0.5, -0.5], [1.25, 0.25], [-0.75, 1.0], [0.0, -1.0]]]>
memref.global "private" constant @g7_0 : memref<1x2x5x5xf32> = dense<[[[[1.0, 0.0, -1.0, 0.75, -0.25], [-1.25, 0.5, -0.5, 1.25, 0.25], [-0.75, 1.0, 0.0, -1.0, 0.75], [-0.25, -1.25, 0.5, -0.5, 1.25], [0.25, -0.75, 1.0, 0.0, -1.0]], [[0.75, -0.25, -1.25, 0.5, -0.5], [1.25, 0.25, -0.75, 1.0, 0.0], [-1.0, 0.75, -0.25, -1.25, 0.5], [-0.5, 1.25, 0.25, -0.75, 1.0], [0.0, -1.0, 0.75, -0.25, -1.25]]]]>
memref.global "private" constant @g7_1 : memref<2x2x2xf32> = dense<[[[-0.5, 1.25], [0.25, -0.75]], [[1.0, 0.0], [-1.0, 0.75]]]>
memref.global "private" constant @g7_2 : memref<1x2x2x2xf32> = dense<[[[[0.75, -0.25], [-1.25, 0.5]], [[-0.5, 1.25], [0.25, -0.75]]]]>
memref.global "private" constant @g8_0 : memref<1x3x3x2xf32> = dense<[[[[-0.75, 1.0], [0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75]], [[1.0, 0.0], [-1.0, 0.75], [-0.25, -1.25]]]]>
memref.global "private" constant @g8_1 : memref<2x2x2x2xf32> = dense<[[[[0.5, -0.5], [1.25, 0.25]], [[-0.75, 1.0], [0.0, -1.0]]], [[[0.75, -0.25], [-1.25, 0.5]], [[-0.5, 1.25], [0.25, -0.75]]]]>
memref.global "private" constant @g8_2 : memref<1x2x2x2x2xf32> = dense<[[[[[-1.0, 0.75], [-0.25, -1.25]], [[0.5, -0.5], [1.25, 0.25]]], [[[-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5]]]]]>
memref.global "private" constant @g9_0 : memref<1x5x5x2xi8> = dense<[[[[23, -69], [92, 0], [-92, 69], [-23, -115], [46, -46]], [[115, 23], [-69, 92], [0, -92], [69, -23], [-115, 46]], [[-46, 115], [23, -69], [92, 0], [-92, 69], [-23, -115]], [[46, -46], [115, 23], [-69, 92], [0, -92], [69, -23]], [[-115, 46], [-46, 115], [23, -69], [92, 0], [-92, 69]]]]>
memref.global "private" constant @g9_1 : memref<2x2x2x2xi8> = dense<[[[[-115, 46], [-46, 115]], [[23, -69], [92, 0]]], [[[-92, 69], [-23, -115]], [[46, -46], [115, 23]]]]>
memref.global "private" constant @g9_2 : memref<1x3x3x2xi32> = dense<[[[[0, -4], [3, -1], [-5, 2]], [[-2, 5], [1, -3], [4, 0]], [[-4, 3], [-1, -5], [2, -2]]]]>
memref.global "private" constant @g10_0 : memref<1x5x5x2xi8> = dense<[[[[115, 23], [-69, 92], [0, -92], [69, -23], [-115, 46]], [[-46, 115], [23, -69], [92, 0], [-92, 69], [-23, -115]], [[46, -46], [115, 23], [-69, 92], [0, -92], [69, -23]], [[-115, 46], [-46, 115], [23, -69], [92, 0], [-92, 69]], [[-23, -115], [46, -46], [115, 23], [-69, 92], [0, -92]]]]>
memref.global "private" constant @g10_1 : memref<2x2x2x2xi8> = dense<[[[[-23, -115], [46, -46]], [[115, 23], [-69, 92]]], [[[0, -92], [69, -23]], [[-115, 46], [-46, 115]]]]>
memref.global "private" constant @g10_4 : memref<1x2x2x2xi32> = dense<[[[[3, -1], [-5, 2]], [[-2, 5], [1, -3]]]]>
memref.global "private" constant @g11_0 : memref<1x3x3x2xi8> = dense<[[[[-46, 115], [23, -69], [92, 0]], [[-92, 69], [-23, -115], [46, -46]], [[115, 23], [-69, 92], [0, -92]]]]>
memref.global "private" constant @g11_1 : memref<2x2x2xi8> = dense<[[[69, -23], [-115, 46]], [[-46, 115], [23, -69]]]>
memref.global "private" constant @g11_4 : memref<1x2x2x2xi32> = dense<[[[[-4, 3], [-1, -5]], [[2, -2], [5, 1]]]]>
memref.global "private" constant @g12_0 : memref<1x5x5x2xf32> = dense<[[[[0.5, -0.5], [1.25, 0.25], [-0.75, 1.0], [0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75], [1.0, 0.0], [-1.0, 0.75]], [[-0.25, -1.25], [0.5, -0.5], [1.25, 0.25], [-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75], [1.0, 0.0]], [[-1.0, 0.75], [-0.25, -1.25], [0.5, -0.5], [1.25, 0.25], [-0.75, 1.0]]]]>
memref.global "private" constant @g12_1 : memref<2x2xf32> = dense<[[-1.0, 0.75], [-0.25, -1.25]]>
memref.global "private" constant @g12_2 : memref<1x2x2x2xf32> = dense<[[[[0.25, -0.75], [1.0, 0.0]], [[-1.0, 0.75], [-0.25, -1.25]]]]>
memref.global "private" constant @g13_0 : memref<1x3x3x2xi8> = dense<[[[[-115, 46], [-46, 115], [23, -69]], [[92, 0], [-92, 69], [-23, -115]], [[46, -46], [115, 23], [-69, 92]]]]>
memref.global "private" constant @g13_1 : memref<2x2xi8> = dense<[[0, -92], [69, -23]]>
memref.global "private" constant @g13_2 : memref<1x2x2x2xi32> = dense<[[[[5, 1], [-3, 4]], [[0, -4], [3, -1]]]]>
memref.global "private" constant @g14_0 : memref<1x4x2xi32> = dense<[[[-1, -5], [2, -2], [5, 1], [-3, 4]]]>
memref.global "private" constant @g14_1 : memref<2xi32> = dense<[4, 0]>
memref.global "private" constant @g14_2 : memref<1x3x2xi32> = dense<[[[-2, 5], [1, -3], [4, 0]]]>
memref.global "private" constant @g15_0 : memref<1x2x3x4x2xf32> = dense<[[[[[0.75, -0.25], [-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75]], [[1.0, 0.0], [-1.0, 0.75], [-0.25, -1.25], [0.5, -0.5]], [[1.25, 0.25], [-0.75, 1.0], [0.0, -1.0], [0.75, -0.25]]], [[[-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75], [1.0, 0.0]], [[-1.0, 0.75], [-0.25, -1.25], [0.5, -0.5], [1.25, 0.25]], [[-0.75, 1.0], [0.0, -1.0], [0.75, -0.25], [-1.25, 0.5]]]]]>
memref.global "private" constant @g15_1 : memref<2x2x2xf32> = dense<[[[-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5]]]>
memref.global "private" constant @g15_2 : memref<1x1x2x2x2xf32> = dense<[[[[[0.5, -0.5], [1.25, 0.25]], [[-0.75, 1.0], [0.0, -1.0]]]]]>
memref.global "private" constant @g16_0 : memref<1x2x3x3x1xf32> = dense<[[[[[-1.0], [0.75], [-0.25]], [[-1.25], [0.5], [-0.5]], [[1.25], [0.25], [-0.75]]], [[[1.0], [0.0], [-1.0]], [[0.75], [-0.25], [-1.25]], [[0.5], [-0.5], [1.25]]]]]>
memref.global "private" constant @g16_1 : memref<2x2x2xf32> = dense<[[[0.25, -0.75], [1.0, 0.0]], [[-1.0, 0.75], [-0.25, -1.25]]]>
memref.global "private" constant @g16_2 : memref<1x1x2x2x1xf32> = dense<[[[[[-1.25], [0.5]], [[-0.5], [1.25]]]]]>
memref.global "private" constant @g17_0 : memref<3x2xf32> = dense<[[0.0, -1.0], [0.75, -0.25], [-1.25, 0.5]]>
memref.global "private" constant @g17_1 : memref<3x4xf32> = dense<[[1.25, 0.25, -0.75, 1.0], [0.0, -1.0, 0.75, -0.25], [-1.25, 0.5, -0.5, 1.25]]>
memref.global "private" constant @g17_2 : memref<2x4xf32> = dense<[[-0.25, -1.25, 0.5, -0.5], [1.25, 0.25, -0.75, 1.0]]>
memref.global "private" constant @g18_0 : memref<2x3xi8> = dense<[[92, 0, -92], [69, -23, -115]]>
memref.global "private" constant @g18_1 : memref<4x3xi8> = dense<[[-46, 115, 23], [-69, 92, 0], [-92, 69, -23], [-115, 46, -46]]>
memref.global "private" constant @g18_2 : memref<2x4xi32> = dense<[[3, -1, -5, 2], [-2, 5, 1, -3]]>
memref.global "private" constant @g19_0 : memref<2x3x2xf32> = dense<[[[-0.75, 1.0], [0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25], [0.25, -0.75]]]>
memref.global "private" constant @g19_1 : memref<2x3x2xf32> = dense<[[[0.5, -0.5], [1.25, 0.25], [-0.75, 1.0]], [[0.0, -1.0], [0.75, -0.25], [-1.25, 0.5]]]>
memref.global "private" constant @g19_2 : memref<2x2x2xf32> = dense<[[[-1.0, 0.75], [-0.25, -1.25]], [[0.5, -0.5], [1.25, 0.25]]]>
memref.global "private" constant @g20_0 : memref<2x2x3xf32> = dense<[[[0.25, -0.75, 1.0], [0.0, -1.0, 0.75]], [[-0.25, -1.25, 0.5], [-0.5, 1.25, 0.25]]]>
memref.global "private" constant @g20_1 : memref<2x2x3xf32> = dense<[[[-1.25, 0.5, -0.5], [1.25, 0.25, -0.75]], [[1.0, 0.0, -1.0], [0.75, -0.25, -1.25]]]>
memref.global "private" constant @g20_2 : memref<2x2x2xf32> = dense<[[[0.0, -1.0], [0.75, -0.25]], [[-1.25, 0.5], [-0.5, 1.25]]]>
memref.global "private" constant @g21_0 : memref<2x3x4xf32> = dense<[[[1.25, 0.25, -0.75, 1.0], [0.0, -1.0, 0.75, -0.25], [-1.25, 0.5, -0.5, 1.25]], [[0.25, -0.75, 1.0, 0.0], [-1.0, 0.75, -0.25, -1.25], [0.5, -0.5, 1.25, 0.25]]]>
memref.global "private" constant @g21_1 : memref<2x4xf32> = dense<[[-0.25, -1.25, 0.5, -0.5], [1.25, 0.25, -0.75, 1.0]]>
memref.global "private" constant @g21_2 : memref<2x3xf32> = dense<[[1.0, 0.0, -1.0], [0.75, -0.25, -1.25]]>
memref.global "private" constant @g22_0 : memref<2x4xf32> = dense<[[-0.5, 1.25, 0.25, -0.75], [1.0, 0.0, -1.0, 0.75]]>
memref.global "private" constant @g22_1 : memref<2x4x3xf32> = dense<[[[0.75, -0.25, -1.25], [0.5, -0.5, 1.25], [0.25, -0.75, 1.0], [0.0, -1.0, 0.75]], [[-0.25, -1.25, 0.5], [-0.5, 1.25, 0.25], [-0.75, 1.0, 0.0], [-1.0, 0.75, -0.25]]]>
memref.global "private" constant @g22_2 : memref<2x3xf32> = dense<[[-0.75, 1.0, 0.0], [-1.0, 0.75, -0.25]]>
memref.global "private" constant @g23_0 : memref<3x2x2xf32> = dense<[[[0.5, -0.5], [1.25, 0.25]], [[-0.75, 1.0], [0.0, -1.0]], [[0.75, -0.25], [-1.25, 0.5]]]>
memref.global "private" constant @g23_1 : memref<3x2x3xf32> = dense<[[[-1.0, 0.75, -0.25], [-1.25, 0.5, -0.5]], [[1.25, 0.25, -0.75], [1.0, 0.0, -1.0]], [[0.75, -0.25, -1.25], [0.5, -0.5, 1.25]]]>
memref.global "private" constant @g23_2 : memref<2x3xf32> = dense<[[0.25, -0.75, 1.0], [0.0, -1.0, 0.75]]>
memref.global "private" constant @g24_0 : memref<2x3xi8> = dense<[[-115, 46, -46], [115, 23, -69]]>
memref.global "private" constant @g24_1 : memref<3x2xi8> = dense<[[0, -92], [69, -23], [-115, 46]]>
memref.global "private" constant @g24_4 : memref<2x2xi32> = dense<[[4, 0], [-4, 3]]>
memref.global "private" constant @g25_0 : memref<1x2x2x2x1xf32> = dense<[[[[[-0.25], [-1.25]], [[0.5], [-0.5]]], [[[1.25], [0.25]], [[-0.75], [1.0]]]]]>
memref.global "private" constant @g25_1 : memref<1x2x2x2x1xf32> = dense<[[[[[1.0], [0.0]], [[-1.0], [0.75]]], [[[-0.25], [-1.25]], [[0.5], [-0.5]]]]]>
memref.global "private" constant @g25_2 : memref<1x2x2x2x2xf32> = dense<[[[[[-0.5, 1.25], [0.25, -0.75]], [[1.0, 0.0], [-1.0, 0.75]]], [[[-0.25, -1.25], [0.5, -0.5]], [[1.25, 0.25], [-0.75, 1.0]]]]]>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %s0_0 = memref.get_global @g0_0 : memref<7xf32>
  %s0_1 = memref.get_global @g0_1 : memref<3xf32>
  %o0 = memref.get_global @g0_2 : memref<5xf32>
  %s0_2 = memref.alloc() : memref<5xf32>
  memref.copy %o0, %s0_2 : memref<5xf32> to memref<5xf32>
  linalg.conv_1d ins(%s0_0, %s0_1 : memref<7xf32>, memref<3xf32>) outs(%s0_2 : memref<5xf32>)
  %u0 = memref.cast %s0_2 : memref<5xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  memref.dealloc %s0_2 : memref<5xf32>
  %s1_0 = memref.get_global @g1_0 : memref<3x4x4xf32>
  %s1_1 = memref.get_global @g1_1 : memref<2x2x2xf32>
  %o1 = memref.get_global @g1_2 : memref<2x3x3xf32>
  %s1_2 = memref.alloc() : memref<2x3x3xf32>
  memref.copy %o1, %s1_2 : memref<2x3x3xf32> to memref<2x3x3xf32>
  linalg.conv_3d ins(%s1_0, %s1_1 : memref<3x4x4xf32>, memref<2x2x2xf32>) outs(%s1_2 : memref<2x3x3xf32>)
  %u1 = memref.cast %s1_2 : memref<2x3x3xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  memref.dealloc %s1_2 : memref<2x3x3xf32>
  %s2_0 = memref.get_global @g2_0 : memref<1x2x9xf32>
  %s2_1 = memref.get_global @g2_1 : memref<3x2x2xf32>
  %o2 = memref.get_global @g2_2 : memref<1x3x4xf32>
  %s2_2 = memref.alloc() : memref<1x3x4xf32>
  memref.copy %o2, %s2_2 : memref<1x3x4xf32> to memref<1x3x4xf32>
  linalg.conv_1d_ncw_fcw {dilations = dense<2> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%s2_0, %s2_1 : memref<1x2x9xf32>, memref<3x2x2xf32>) outs(%s2_2 : memref<1x3x4xf32>)
  %u2 = memref.cast %s2_2 : memref<1x3x4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  memref.dealloc %s2_2 : memref<1x3x4xf32>
  %s3_0 = memref.get_global @g3_0 : memref<1x5x4x2xf32>
  %s3_1 = memref.get_global @g3_1 : memref<3x2x2x2xf32>
  %o3 = memref.get_global @g3_2 : memref<1x2x3x3xf32>
  %s3_2 = memref.alloc() : memref<1x2x3x3xf32>
  memref.copy %o3, %s3_2 : memref<1x2x3x3xf32> to memref<1x2x3x3xf32>
  linalg.conv_2d_nhwc_fhwc {strides = dense<[2, 1]> : tensor<2xi64>} ins(%s3_0, %s3_1 : memref<1x5x4x2xf32>, memref<3x2x2x2xf32>) outs(%s3_2 : memref<1x2x3x3xf32>)
  %u3 = memref.cast %s3_2 : memref<1x2x3x3xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  memref.dealloc %s3_2 : memref<1x2x3x3xf32>
  %s4_0 = memref.get_global @g4_0 : memref<1x2x2x4x5xf32>
  %s4_1 = memref.get_global @g4_1 : memref<2x2x2x2x2xf32>
  %o4 = memref.get_global @g4_2 : memref<1x2x2x3x3xf32>
  %s4_2 = memref.alloc() : memref<1x2x2x3x3xf32>
  memref.copy %o4, %s4_2 : memref<1x2x2x3x3xf32> to memref<1x2x2x3x3xf32>
  linalg.conv_2d_ngchw_fgchw {dilations = dense<[1, 2]> : tensor<2xi64>} ins(%s4_0, %s4_1 : memref<1x2x2x4x5xf32>, memref<2x2x2x2x2xf32>) outs(%s4_2 : memref<1x2x2x3x3xf32>)
  %u4 = memref.cast %s4_2 : memref<1x2x2x3x3xf32> to memref<*xf32>
  call @printMemrefF32(%u4) : (memref<*xf32>) -> ()
  memref.dealloc %s4_2 : memref<1x2x2x3x3xf32>
  %s5_0 = memref.get_global @g5_0 : memref<1x3x5x3x2xf32>
  %s5_1 = memref.get_global @g5_1 : memref<2x2x2x2x2xf32>
  %o5 = memref.get_global @g5_2 : memref<1x2x2x2x2xf32>
  %s5_2 = memref.alloc() : memref<1x2x2x2x2xf32>
  memref.copy %o5, %s5_2 : memref<1x2x2x2x2xf32> to memref<1x2x2x2x2xf32>
  linalg.conv_3d_ndhwc_dhwcf {strides = dense<[1, 2, 1]> : tensor<3xi64>} ins(%s5_0, %s5_1 : memref<1x3x5x3x2xf32>, memref<2x2x2x2x2xf32>) outs(%s5_2 : memref<1x2x2x2x2xf32>)
  %u5 = memref.cast %s5_2 : memref<1x2x2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u5) : (memref<*xf32>) -> ()
  memref.dealloc %s5_2 : memref<1x2x2x2x2xf32>
  %s6_0 = memref.get_global @g6_0 : memref<1x7x2xf32>
  %s6_1 = memref.get_global @g6_1 : memref<2x2xf32>
  %o6 = memref.get_global @g6_2 : memref<1x5x2xf32>
  %s6_2 = memref.alloc() : memref<1x5x2xf32>
  memref.copy %o6, %s6_2 : memref<1x5x2xf32> to memref<1x5x2xf32>
  linalg.depthwise_conv_1d_nwc_wc {dilations = dense<2> : tensor<1xi64>} ins(%s6_0, %s6_1 : memref<1x7x2xf32>, memref<2x2xf32>) outs(%s6_2 : memref<1x5x2xf32>)
  %u6 = memref.cast %s6_2 : memref<1x5x2xf32> to memref<*xf32>
  call @printMemrefF32(%u6) : (memref<*xf32>) -> ()
  memref.dealloc %s6_2 : memref<1x5x2xf32>
  %s7_0 = memref.get_global @g7_0 : memref<1x2x5x5xf32>
  %s7_1 = memref.get_global @g7_1 : memref<2x2x2xf32>
  %o7 = memref.get_global @g7_2 : memref<1x2x2x2xf32>
  %s7_2 = memref.alloc() : memref<1x2x2x2xf32>
  memref.copy %o7, %s7_2 : memref<1x2x2x2xf32> to memref<1x2x2x2xf32>
  linalg.depthwise_conv_2d_nchw_chw {strides = dense<2> : tensor<2xi64>} ins(%s7_0, %s7_1 : memref<1x2x5x5xf32>, memref<2x2x2xf32>) outs(%s7_2 : memref<1x2x2x2xf32>)
  %u7 = memref.cast %s7_2 : memref<1x2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u7) : (memref<*xf32>) -> ()
  memref.dealloc %s7_2 : memref<1x2x2x2xf32>
  %s8_0 = memref.get_global @g8_0 : memref<1x3x3x2xf32>
  %s8_1 = memref.get_global @g8_1 : memref<2x2x2x2xf32>
  %o8 = memref.get_global @g8_2 : memref<1x2x2x2x2xf32>
  %s8_2 = memref.alloc() : memref<1x2x2x2x2xf32>
  memref.copy %o8, %s8_2 : memref<1x2x2x2x2xf32> to memref<1x2x2x2x2xf32>
  linalg.depthwise_conv_2d_nhwc_hwcm ins(%s8_0, %s8_1 : memref<1x3x3x2xf32>, memref<2x2x2x2xf32>) outs(%s8_2 : memref<1x2x2x2x2xf32>)
  %u8 = memref.cast %s8_2 : memref<1x2x2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u8) : (memref<*xf32>) -> ()
  memref.dealloc %s8_2 : memref<1x2x2x2x2xf32>
  %s9_0 = memref.get_global @g9_0 : memref<1x5x5x2xi8>
  %s9_1 = memref.get_global @g9_1 : memref<2x2x2x2xi8>
  %o9 = memref.get_global @g9_2 : memref<1x3x3x2xi32>
  %s9_2 = memref.alloc() : memref<1x3x3x2xi32>
  memref.copy %o9, %s9_2 : memref<1x3x3x2xi32> to memref<1x3x3x2xi32>
  linalg.conv_2d_nhwc_hwcf {dilations = dense<2> : tensor<2xi64>} ins(%s9_0, %s9_1 : memref<1x5x5x2xi8>, memref<2x2x2x2xi8>) outs(%s9_2 : memref<1x3x3x2xi32>)
  %u9 = memref.cast %s9_2 : memref<1x3x3x2xi32> to memref<*xi32>
  call @printMemrefI32(%u9) : (memref<*xi32>) -> ()
  memref.dealloc %s9_2 : memref<1x3x3x2xi32>
  %s10_0 = memref.get_global @g10_0 : memref<1x5x5x2xi8>
  %s10_1 = memref.get_global @g10_1 : memref<2x2x2x2xi8>
  %s10_2 = arith.constant 3 : i32
  %s10_3 = arith.constant 1 : i32
  %o10 = memref.get_global @g10_4 : memref<1x2x2x2xi32>
  %s10_4 = memref.alloc() : memref<1x2x2x2xi32>
  memref.copy %o10, %s10_4 : memref<1x2x2x2xi32> to memref<1x2x2x2xi32>
  linalg.conv_2d_nhwc_hwcf_q {strides = dense<2> : tensor<2xi64>} ins(%s10_0, %s10_1, %s10_2, %s10_3 : memref<1x5x5x2xi8>, memref<2x2x2x2xi8>, i32, i32) outs(%s10_4 : memref<1x2x2x2xi32>)
  %u10 = memref.cast %s10_4 : memref<1x2x2x2xi32> to memref<*xi32>
  call @printMemrefI32(%u10) : (memref<*xi32>) -> ()
  memref.dealloc %s10_4 : memref<1x2x2x2xi32>
  %s11_0 = memref.get_global @g11_0 : memref<1x3x3x2xi8>
  %s11_1 = memref.get_global @g11_1 : memref<2x2x2xi8>
  %s11_2 = arith.constant -3 : i32
  %s11_3 = arith.constant 2 : i32
  %o11 = memref.get_global @g11_4 : memref<1x2x2x2xi32>
  %s11_4 = memref.alloc() : memref<1x2x2x2xi32>
  memref.copy %o11, %s11_4 : memref<1x2x2x2xi32> to memref<1x2x2x2xi32>
  linalg.depthwise_conv_2d_nhwc_hwc_q ins(%s11_0, %s11_1, %s11_2, %s11_3 : memref<1x3x3x2xi8>, memref<2x2x2xi8>, i32, i32) outs(%s11_4 : memref<1x2x2x2xi32>)
  %u11 = memref.cast %s11_4 : memref<1x2x2x2xi32> to memref<*xi32>
  call @printMemrefI32(%u11) : (memref<*xi32>) -> ()
  memref.dealloc %s11_4 : memref<1x2x2x2xi32>
  %s12_0 = memref.get_global @g12_0 : memref<1x5x5x2xf32>
  %s12_1 = memref.get_global @g12_1 : memref<2x2xf32>
  %o12 = memref.get_global @g12_2 : memref<1x2x2x2xf32>
  %s12_2 = memref.alloc() : memref<1x2x2x2xf32>
  memref.copy %o12, %s12_2 : memref<1x2x2x2xf32> to memref<1x2x2x2xf32>
  linalg.pooling_nhwc_min {strides = dense<2> : tensor<2xi64>} ins(%s12_0, %s12_1 : memref<1x5x5x2xf32>, memref<2x2xf32>) outs(%s12_2 : memref<1x2x2x2xf32>)
  %u12 = memref.cast %s12_2 : memref<1x2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u12) : (memref<*xf32>) -> ()
  memref.dealloc %s12_2 : memref<1x2x2x2xf32>
  %s13_0 = memref.get_global @g13_0 : memref<1x3x3x2xi8>
  %s13_1 = memref.get_global @g13_1 : memref<2x2xi8>
  %o13 = memref.get_global @g13_2 : memref<1x2x2x2xi32>
  %s13_2 = memref.alloc() : memref<1x2x2x2xi32>
  memref.copy %o13, %s13_2 : memref<1x2x2x2xi32> to memref<1x2x2x2xi32>
  linalg.pooling_nhwc_max_unsigned ins(%s13_0, %s13_1 : memref<1x3x3x2xi8>, memref<2x2xi8>) outs(%s13_2 : memref<1x2x2x2xi32>)
  %u13 = memref.cast %s13_2 : memref<1x2x2x2xi32> to memref<*xi32>
  call @printMemrefI32(%u13) : (memref<*xi32>) -> ()
  memref.dealloc %s13_2 : memref<1x2x2x2xi32>
  %s14_0 = memref.get_global @g14_0 : memref<1x4x2xi32>
  %s14_1 = memref.get_global @g14_1 : memref<2xi32>
  %o14 = memref.get_global @g14_2 : memref<1x3x2xi32>
  %s14_2 = memref.alloc() : memref<1x3x2xi32>
  memref.copy %o14, %s14_2 : memref<1x3x2xi32> to memref<1x3x2xi32>
  linalg.pooling_nwc_min_unsigned ins(%s14_0, %s14_1 : memref<1x4x2xi32>, memref<2xi32>) outs(%s14_2 : memref<1x3x2xi32>)
  %u14 = memref.cast %s14_2 : memref<1x3x2xi32> to memref<*xi32>
  call @printMemrefI32(%u14) : (memref<*xi32>) -> ()
  memref.dealloc %s14_2 : memref<1x3x2xi32>
  %s15_0 = memref.get_global @g15_0 : memref<1x2x3x4x2xf32>
  %s15_1 = memref.get_global @g15_1 : memref<2x2x2xf32>
  %o15 = memref.get_global @g15_2 : memref<1x1x2x2x2xf32>
  %s15_2 = memref.alloc() : memref<1x1x2x2x2xf32>
  memref.copy %o15, %s15_2 : memref<1x1x2x2x2xf32> to memref<1x1x2x2x2xf32>
  linalg.pooling_ndhwc_max {dilations = dense<[1, 1, 2]> : tensor<3xi64>} ins(%s15_0, %s15_1 : memref<1x2x3x4x2xf32>, memref<2x2x2xf32>) outs(%s15_2 : memref<1x1x2x2x2xf32>)
  %u15 = memref.cast %s15_2 : memref<1x1x2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u15) : (memref<*xf32>) -> ()
  memref.dealloc %s15_2 : memref<1x1x2x2x2xf32>
  %s16_0 = memref.get_global @g16_0 : memref<1x2x3x3x1xf32>
  %s16_1 = memref.get_global @g16_1 : memref<2x2x2xf32>
  %o16 = memref.get_global @g16_2 : memref<1x1x2x2x1xf32>
  %s16_2 = memref.alloc() : memref<1x1x2x2x1xf32>
  memref.copy %o16, %s16_2 : memref<1x1x2x2x1xf32> to memref<1x1x2x2x1xf32>
  linalg.pooling_ndhwc_sum ins(%s16_0, %s16_1 : memref<1x2x3x3x1xf32>, memref<2x2x2xf32>) outs(%s16_2 : memref<1x1x2x2x1xf32>)
  %u16 = memref.cast %s16_2 : memref<1x1x2x2x1xf32> to memref<*xf32>
  call @printMemrefF32(%u16) : (memref<*xf32>) -> ()
  memref.dealloc %s16_2 : memref<1x1x2x2x1xf32>
  %s17_0 = memref.get_global @g17_0 : memref<3x2xf32>
  %s17_1 = memref.get_global @g17_1 : memref<3x4xf32>
  %o17 = memref.get_global @g17_2 : memref<2x4xf32>
  %s17_2 = memref.alloc() : memref<2x4xf32>
  memref.copy %o17, %s17_2 : memref<2x4xf32> to memref<2x4xf32>
  linalg.matmul_transpose_a ins(%s17_0, %s17_1 : memref<3x2xf32>, memref<3x4xf32>) outs(%s17_2 : memref<2x4xf32>)
  %u17 = memref.cast %s17_2 : memref<2x4xf32> to memref<*xf32>
  call @printMemrefF32(%u17) : (memref<*xf32>) -> ()
  memref.dealloc %s17_2 : memref<2x4xf32>
  %s18_0 = memref.get_global @g18_0 : memref<2x3xi8>
  %s18_1 = memref.get_global @g18_1 : memref<4x3xi8>
  %o18 = memref.get_global @g18_2 : memref<2x4xi32>
  %s18_2 = memref.alloc() : memref<2x4xi32>
  memref.copy %o18, %s18_2 : memref<2x4xi32> to memref<2x4xi32>
  linalg.matmul_transpose_b ins(%s18_0, %s18_1 : memref<2x3xi8>, memref<4x3xi8>) outs(%s18_2 : memref<2x4xi32>)
  %u18 = memref.cast %s18_2 : memref<2x4xi32> to memref<*xi32>
  call @printMemrefI32(%u18) : (memref<*xi32>) -> ()
  memref.dealloc %s18_2 : memref<2x4xi32>
  %s19_0 = memref.get_global @g19_0 : memref<2x3x2xf32>
  %s19_1 = memref.get_global @g19_1 : memref<2x3x2xf32>
  %o19 = memref.get_global @g19_2 : memref<2x2x2xf32>
  %s19_2 = memref.alloc() : memref<2x2x2xf32>
  memref.copy %o19, %s19_2 : memref<2x2x2xf32> to memref<2x2x2xf32>
  linalg.batch_matmul_transpose_a ins(%s19_0, %s19_1 : memref<2x3x2xf32>, memref<2x3x2xf32>) outs(%s19_2 : memref<2x2x2xf32>)
  %u19 = memref.cast %s19_2 : memref<2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u19) : (memref<*xf32>) -> ()
  memref.dealloc %s19_2 : memref<2x2x2xf32>
  %s20_0 = memref.get_global @g20_0 : memref<2x2x3xf32>
  %s20_1 = memref.get_global @g20_1 : memref<2x2x3xf32>
  %o20 = memref.get_global @g20_2 : memref<2x2x2xf32>
  %s20_2 = memref.alloc() : memref<2x2x2xf32>
  memref.copy %o20, %s20_2 : memref<2x2x2xf32> to memref<2x2x2xf32>
  linalg.batch_matmul_transpose_b ins(%s20_0, %s20_1 : memref<2x2x3xf32>, memref<2x2x3xf32>) outs(%s20_2 : memref<2x2x2xf32>)
  %u20 = memref.cast %s20_2 : memref<2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u20) : (memref<*xf32>) -> ()
  memref.dealloc %s20_2 : memref<2x2x2xf32>
  %s21_0 = memref.get_global @g21_0 : memref<2x3x4xf32>
  %s21_1 = memref.get_global @g21_1 : memref<2x4xf32>
  %o21 = memref.get_global @g21_2 : memref<2x3xf32>
  %s21_2 = memref.alloc() : memref<2x3xf32>
  memref.copy %o21, %s21_2 : memref<2x3xf32> to memref<2x3xf32>
  linalg.batch_matvec ins(%s21_0, %s21_1 : memref<2x3x4xf32>, memref<2x4xf32>) outs(%s21_2 : memref<2x3xf32>)
  %u21 = memref.cast %s21_2 : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%u21) : (memref<*xf32>) -> ()
  memref.dealloc %s21_2 : memref<2x3xf32>
  %s22_0 = memref.get_global @g22_0 : memref<2x4xf32>
  %s22_1 = memref.get_global @g22_1 : memref<2x4x3xf32>
  %o22 = memref.get_global @g22_2 : memref<2x3xf32>
  %s22_2 = memref.alloc() : memref<2x3xf32>
  memref.copy %o22, %s22_2 : memref<2x3xf32> to memref<2x3xf32>
  linalg.batch_vecmat ins(%s22_0, %s22_1 : memref<2x4xf32>, memref<2x4x3xf32>) outs(%s22_2 : memref<2x3xf32>)
  %u22 = memref.cast %s22_2 : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%u22) : (memref<*xf32>) -> ()
  memref.dealloc %s22_2 : memref<2x3xf32>
  %s23_0 = memref.get_global @g23_0 : memref<3x2x2xf32>
  %s23_1 = memref.get_global @g23_1 : memref<3x2x3xf32>
  %o23 = memref.get_global @g23_2 : memref<2x3xf32>
  %s23_2 = memref.alloc() : memref<2x3xf32>
  memref.copy %o23, %s23_2 : memref<2x3xf32> to memref<2x3xf32>
  linalg.batch_reduce_matmul ins(%s23_0, %s23_1 : memref<3x2x2xf32>, memref<3x2x3xf32>) outs(%s23_2 : memref<2x3xf32>)
  %u23 = memref.cast %s23_2 : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%u23) : (memref<*xf32>) -> ()
  memref.dealloc %s23_2 : memref<2x3xf32>
  %s24_0 = memref.get_global @g24_0 : memref<2x3xi8>
  %s24_1 = memref.get_global @g24_1 : memref<3x2xi8>
  %s24_2 = arith.constant 3 : i8
  %s24_3 = arith.constant 1 : i8
  %o24 = memref.get_global @g24_4 : memref<2x2xi32>
  %s24_4 = memref.alloc() : memref<2x2xi32>
  memref.copy %o24, %s24_4 : memref<2x2xi32> to memref<2x2xi32>
  linalg.quantized_matmul ins(%s24_0, %s24_1, %s24_2, %s24_3 : memref<2x3xi8>, memref<3x2xi8>, i8, i8) outs(%s24_4 : memref<2x2xi32>)
  %u24 = memref.cast %s24_4 : memref<2x2xi32> to memref<*xi32>
  call @printMemrefI32(%u24) : (memref<*xi32>) -> ()
  memref.dealloc %s24_4 : memref<2x2xi32>
  %s25_0 = memref.get_global @g25_0 : memref<1x2x2x2x1xf32>
  %s25_1 = memref.get_global @g25_1 : memref<1x2x2x2x1xf32>
  %o25 = memref.get_global @g25_2 : memref<1x2x2x2x2xf32>
  %s25_2 = memref.alloc() : memref<1x2x2x2x2xf32>
  memref.copy %o25, %s25_2 : memref<1x2x2x2x2xf32> to memref<1x2x2x2x2xf32>
  linalg.batch_mmt4d ins(%s25_0, %s25_1 : memref<1x2x2x2x1xf32>, memref<1x2x2x2x1xf32>) outs(%s25_2 : memref<1x2x2x2x2xf32>)
  %u25 = memref.cast %s25_2 : memref<1x2x2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u25) : (memref<*xf32>) -> ()
  memref.dealloc %s25_2 : memref<1x2x2x2x2xf32>
  return
}
