// MLIR 19's CanonicalizeContractAdd (a vector.contract pattern rooted at arith.addf/addi, so
// arith-canonicalize.ts calls it): contract(a, b, 0) + c is contract(a, b, c).
import { DenseElementsAttr } from "../ir/attributes.js";
import { Builder } from "../ir/builder.js";
import { Operation, OpResult, type Value } from "../ir/core.js";
import type { Rewriter } from "../ir/dialect.js";
import { reductionKind } from "./vector-kind.js";

/** The vector.contract defining `v`, if its accumulator is a zero constant. Unlike MLIR 19, only of
 * kind add (for another kind the zero accumulator is not added: mul would give 0). */
function contractOfZero(v: Value): Operation | undefined {
  const c = v instanceof OpResult && v.op.name === "vector.contract" ? v.op : undefined, acc = c?.operand(2);
  if (!c || !["add", ""].includes(reductionKind(c)) || !(acc instanceof OpResult) || acc.op.name !== "arith.constant") return undefined;
  const z = acc.op.attr("value");
  return z instanceof DenseElementsAttr && z.isSplat && Object.is(Number(z.at(0)), 0) ? c : undefined;
}
/** An add of a contraction with a zero accumulator and another value is the contraction accumulating
 * into that value (only its accumulator operand replaced: MLIR 19 replaces every use of the zero in it). */
export function contractAdd(op: Operation, rw: Rewriter): boolean {
  const [a, b] = op.operands;
  for (const [x, other] of [[a, b], [b, a]]) {
    const c = contractOfZero(x);
    if (!c) continue;
    const made = c.clone();
    made.setOperand(2, other);
    Builder.before(op).insert(made);
    rw.replaceOp(op, [made.result]);
    return true;
  }
  return false;
}
