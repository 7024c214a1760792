// MLIR's vector CombiningKind (`#vector.kind<add>`): reductions, outer products, contractions.
import { type Attribute, OpaqueAttr } from "../ir/attributes.js";
import type { Builder } from "../ir/builder.js";
import type { Operation, Value } from "../ir/core.js";
import type { OperationState } from "../ir/dialect.js";
import type { OpAsmParser } from "../ir/parser.js";
import { FloatType, IndexType, IntegerType, type Type, elementTypeOf } from "../ir/types.js";
import { enumLoc } from "./common.js";

export const VECTOR_KINDS = [
  "add", "mul", "minui", "minsi", "minnumf", "maxui", "maxsi", "maxnumf", "and", "or", "xor", "maximumf", "minimumf", // MLIR's enum order
] as const;
export type VectorKind = (typeof VECTOR_KINDS)[number];
const FLOAT_KINDS = new Set(["minnumf", "maxnumf", "minimumf", "maximumf"]);
const INT_KINDS = new Set(["minui", "minsi", "maxui", "maxsi", "and", "or", "xor"]);

/** The kind of a reduction/outerproduct/contract (`add`, `maximumf`, ...; "" when absent). */
export function reductionKind(op: Operation): string {
  const a = op.attr("kind");
  const m = a ? /<\s*([a-z]+)\s*>/.exec(a.str) : null;
  return m ? m[1] : "";
}
export const kindAttr = (k: string) => new OpaqueAttr(`#vector.kind<${k}>`);
export const isKind = (k: string) => (VECTOR_KINDS as readonly string[]).includes(k);
/** Whether kind `k` combines elements of type `et` (MLIR's isSupportedCombiningKind). */
export function kindSupports(k: string, et: Type): boolean {
  return !(FLOAT_KINDS.has(k) && !(et instanceof FloatType)) && !(INT_KINDS.has(k) && !(et instanceof IntegerType || et instanceof IndexType));
}

/** `<add>` into the `kind` attribute. */
export function parseKind(p: OpAsmParser, st: OperationState): void {
  const loc = enumLoc(p);
  const kind = p.balancedAngle().slice(1, -1).trim();
  if (!isKind(kind)) throw p.enumError(loc, "::mlir::vector::CombiningKind", VECTOR_KINDS, "Vector_CombiningKindAttr");
  st.addAttr("kind", kindAttr(kind));
}

/** The arith op a kind combines with (for lowering the reduction to a scalar loop). */
export const KIND_TO_ARITH: Record<VectorKind, { int?: string; float?: string }> = {
  add: { int: "arith.addi", float: "arith.addf" }, mul: { int: "arith.muli", float: "arith.mulf" },
  minui: { int: "arith.minui" }, minsi: { int: "arith.minsi" }, maxui: { int: "arith.maxui" }, maxsi: { int: "arith.maxsi" },
  minnumf: { float: "arith.minnumf" }, maxnumf: { float: "arith.maxnumf" },
  minimumf: { float: "arith.minimumf" }, maximumf: { float: "arith.maximumf" },
  and: { int: "arith.andi" }, or: { int: "arith.ori" }, xor: { int: "arith.xori" },
};

/** MLIR's makeArithReduction: `a kind b` as the arith op of their element type (a float one keeping `fastmath`). */
export function makeArithReduction(b: Builder, kind: VectorKind, a: Value, c: Value, fastmath?: Attribute): Value {
  const names = KIND_TO_ARITH[kind], float = elementTypeOf(a.type) instanceof FloatType;
  return b.value((float ? names.float : names.int)!, [a, c], a.type, float && fastmath ? { fastmath } : {});
}
