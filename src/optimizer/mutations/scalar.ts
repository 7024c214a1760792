// Scalar mutations for the healer: change the value of constant #index or swap binary
// operator #index (arith, or tensorlang's elementwise ops) for another with the same
// operand/result types. Numbering is pre-order within the function and is what the prompt's
// tables show.
import { DenseElementsAttr, FloatAttr, IntegerAttr, type Attribute } from "../../ir/attributes.js";
import type { Operation } from "../../ir/core.js";
import type { Context } from "../../ir/dialect.js";
import { FloatType, IndexType, IntegerType } from "../../ir/types.js";
import { FLOAT_BINARY, INT_BINARY } from "../../dialects/arith.js";
import { BINARY_OPS } from "../../dialects/tensorlang.js";

export class MutationError extends Error {}

/** A float splat (`dense<0.5> : tensor<8xf32>`): one number, like a scalar constant. */
const isFloatSplat = (v: Attribute | undefined): v is DenseElementsAttr =>
  v instanceof DenseElementsAttr && v.isSplat && v.type.elementType instanceof FloatType;

/** Constants a repair may change: scalars (not i1) and float splats, of arith or tensorlang. */
export function scalarConstants(fn: Operation): Operation[] {
  const out: Operation[] = [];
  fn.walk((op) => {
    const v = op.attr("value");
    if (op.name !== "arith.constant" && op.name !== "tensorlang.constant") return;
    if (v instanceof FloatAttr || isFloatSplat(v) || (v instanceof IntegerAttr && !(v.type instanceof IntegerType && v.type.width === 1))) out.push(op);
  });
  return out;
}

/** The float a constant holds (a scalar or a splat's value); undefined for integers. */
export function floatValue(op: Operation): number | undefined {
  const v = op.attr("value");
  return v instanceof FloatAttr ? v.value : isFloatSplat(v) ? Number(v.values[0]) : undefined;
}

/** Sets a float constant's value, keeping its type (and its shape for a splat). */
export function setFloatValue(op: Operation, x: number): void {
  const v = op.attr("value");
  op.attributes.set("value", isFloatSplat(v) ? new DenseElementsAttr(v.type, [x]) : new FloatAttr(x, (v as FloatAttr).type));
}

const SWAPPABLE = new Set([...Object.keys(FLOAT_BINARY), ...Object.keys(INT_BINARY), ...Object.keys(BINARY_OPS)]);
/** Elementwise tensor ops apply to any element type: one swaps only for another. */
const isTensorBinary = (name: string) => name in BINARY_OPS;
export function operators(fn: Operation): Operation[] {
  const out: Operation[] = [];
  fn.walk((op) => { if (SWAPPABLE.has(op.name) || op.name === "arith.cmpf" || op.name === "arith.cmpi") out.push(op); });
  return out;
}

/** Tables for the prompt: `C0 = 0.000000e+00 : f32 (line ...)`, `O2 arith.addf`. */
export function scalarTables(fn: Operation): string {
  const cs = scalarConstants(fn).map((op, i) => `C${i} = ${op.attr("value")!.str}`);
  const os = operators(fn).map((op, i) => `O${i} ${op.name}`);
  return [cs.length ? `Constants (mutate_constant index):\n${cs.join("\n")}` : "", os.length ? `Operators (swap_operator index):\n${os.join("\n")}` : ""].filter(Boolean).join("\n");
}

export function mutateConstant(fn: Operation, index: number, value: number): void {
  const cs = scalarConstants(fn);
  const op = cs[index];
  if (!op) throw new MutationError(`mutate_constant: no constant #${index} (the function has ${cs.length})`);
  const old = op.attr("value")!;
  if (floatValue(op) !== undefined) setFloatValue(op, value);
  else {
    if (!Number.isInteger(value)) throw new MutationError(`mutate_constant: constant #${index} is an integer, got ${value}`);
    op.attributes.set("value", new IntegerAttr(BigInt(value), (old as IntegerAttr).type));
  }
}

export function swapOperator(fn: Operation, index: number, name: string, ctx: Context): void {
  const os = operators(fn);
  const op = os[index];
  if (!op) throw new MutationError(`swap_operator: no operator #${index} (the function has ${os.length})`);
  if (op.name === "arith.cmpf" || op.name === "arith.cmpi") throw new MutationError(`swap_operator: #${index} is a comparison; change its predicate with a rewrite`);
  if (!ctx.spec(name) || !SWAPPABLE.has(name)) throw new MutationError(`swap_operator: '${name}' is not a binary arith or tensorlang operator`);
  const tensorOp = isTensorBinary(op.name);
  if (tensorOp !== isTensorBinary(name)) throw new MutationError(`swap_operator: #${index} is ${op.name}, which only swaps with ${tensorOp ? "tensorlang" : "arith"} operators`);
  if (tensorOp) { op.name = name; return; }
  const t = op.result.type;
  const isFloatOp = name in FLOAT_BINARY;
  if (isFloatOp !== t instanceof FloatType || (!isFloatOp && !(t instanceof IntegerType || t instanceof IndexType))) {
    throw new MutationError(`swap_operator: '${name}' does not apply to ${t.str}`);
  }
  op.name = name;
}
