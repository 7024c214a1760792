// math: semantics from src/dialects/math.ts (computed in double, rounded once to the type).
// For f32 that is the correctly rounded result in practice; MLIR's runner calls glibc's
// sinf/tanhf/cbrtf/expm1f/log1pf..., which are off by one ulp for a few percent of inputs
// (measured: exp, exp2, sqrt agreed on all 80 samples; cbrt/log1p differed on ~10%). sqrt,
// absf, floor, ceil, trunc and the rounding ops are exact and agree bit for bit.
import { mathSemantics } from "../dialects/math.js";
import { roundFloat } from "../ir/float.js";
import type { HandlerTable, OpHandler } from "./interpreter.js";
import { elementwise } from "./arith.js";
import { OpTrap, elementTypeOf, fromBig, intWidthOf, toBig, type Scalar } from "./values.js";
import { MATH_INT, MATH_OPS } from "../dialects/math.js";

const mathOp = (name: string): OpHandler => (_i, op, args) => {
  const et = elementTypeOf(op.results[0].type), f = mathSemantics(name, et)!;
  return [elementwise(op.results[0].type, args, (xs) => roundFloat(f(...(xs as number[])), et))];
};

/** One-operand integer ops (absi, ctlz, cttz, ctpop) from MATH_INT. */
const intUnary = (name: string): OpHandler => (_i, op, args) => {
  const et = elementTypeOf(op.results[0].type), f = MATH_INT[name], w = intWidthOf(et);
  return [elementwise(op.results[0].type, args, ([a]) => fromBig(f(w, toBig(a, et)), et))];
};

export const MATH: HandlerTable = {
  // A negative power of 0 divides by zero in MLIR's expansion (its folder leaves it alone).
  "math.ipowi": (_i, op, args) => {
    const et = elementTypeOf(op.results[0].type);
    return [elementwise(op.results[0].type, args, ([a, b]) => {
      const x = toBig(a, et), y = toBig(b as Scalar, et);
      if (x === 0n && y < 0n) throw new OpTrap("integer divide by zero");
      return fromBig(MATH_INT["math.ipowi"](intWidthOf(et), x, y), et);
    })];
  },
  "math.fpowi": (_i, op, args) => {
    const et = elementTypeOf(op.results[0].type);
    return [elementwise(op.results[0].type, args, ([a, b]) => roundFloat(Math.pow(a as number, Number(b as Scalar)), et))];
  },
};
for (const name of MATH_OPS) MATH[name] = mathOp(name);
for (const name of ["math.absi", "math.ctlz", "math.cttz", "math.ctpop"]) MATH[name] = intUnary(name);
// rsqrt is 1 / sqrt(x) in the type's precision, as MLIR expands it (two roundings for f32).
MATH["math.rsqrt"] = (_i, op, args) => {
  const et = elementTypeOf(op.results[0].type);
  return [elementwise(op.results[0].type, args, ([a]) => roundFloat(1 / roundFloat(Math.sqrt(a as number), et), et))];
};
