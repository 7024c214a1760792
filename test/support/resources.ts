// A file with resource blobs and what mlir-opt-19 prints of it (custom and generic form), for
// test/ir/resources.test.ts; test/with-mlir/resources.test.ts re-checks the texts against the tool.

/** Blobs out of order, one unused, one name given twice (the later wins), lower-case hex, two sections, external resources. */
export const RESOURCES_INPUT = `{-#
  external_resources: { mlir_reproducer: { pipeline: "builtin.module(canonicalize)", verify_each: false } }
#-}
func.func @f() -> (tensor<1xf64>, tensor<2xi8>, tensor<1xf32>) {
  %0 = arith.constant dense_resource<zz> : tensor<1xf64>
  %1 = arith.constant dense_resource<aa> : tensor<2xi8>
  %2 = arith.constant dense_resource<mm> : tensor<1xf32>
  return %0, %1, %2 : tensor<1xf64>, tensor<2xi8>, tensor<1xf32>
}
{-#
  dialect_resources: { builtin: { mm: "0x100000000000803f", aa: "0x010000000102", unused: "0x01000000", zz: "0x08000000000000000000F03F", aa: "0x010000000304" } },
  external_resources: { other: { blob: "0x0800000001", text: "a\\"b" } }
#-}
`;

const SECTION = `
{-#
  dialect_resources: {
    builtin: {
      zz: "0x08000000000000000000F03F",
      aa: "0x010000000304",
      mm: "0x100000000000803F"
    }
  },
  external_resources: {
    mlir_reproducer: {
      pipeline: "builtin.module(canonicalize)",
      verify_each: false
    },
    other: {
      blob: "0x0800000001",
      text: "a\\22b"
    }
  }
#-}
`;

export const RESOURCES_CUSTOM = `module {
  func.func @f() -> (tensor<1xf64>, tensor<2xi8>, tensor<1xf32>) {
    %cst = arith.constant dense_resource<zz> : tensor<1xf64>
    %cst_0 = arith.constant dense_resource<aa> : tensor<2xi8>
    %cst_1 = arith.constant dense_resource<mm> : tensor<1xf32>
    return %cst, %cst_0, %cst_1 : tensor<1xf64>, tensor<2xi8>, tensor<1xf32>
  }
}
${SECTION}`;

export const RESOURCES_GENERIC = `"builtin.module"() ({
  "func.func"() <{function_type = () -> (tensor<1xf64>, tensor<2xi8>, tensor<1xf32>), sym_name = "f"}> ({
    %0 = "arith.constant"() <{value = dense_resource<zz> : tensor<1xf64>}> : () -> tensor<1xf64>
    %1 = "arith.constant"() <{value = dense_resource<aa> : tensor<2xi8>}> : () -> tensor<2xi8>
    %2 = "arith.constant"() <{value = dense_resource<mm> : tensor<1xf32>}> : () -> tensor<1xf32>
    "func.return"(%0, %1, %2) : (tensor<1xf64>, tensor<2xi8>, tensor<1xf32>) -> ()
  }) : () -> ()
}) : () -> ()
${SECTION}`;
