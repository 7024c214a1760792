// Canonicalize: fold ops whose operands are constants (through each spec's `fold`) and erase
// side-effect-free ops whose results are unused, repeating until nothing changes.
import { Attribute, DenseElementsAttr, FloatAttr, IntegerAttr } from "../ir/attributes.js";
import { Operation, Value, type Module } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import type { Pass } from "./pass.js";

function constantOf(v: Value, ctx: Context): Attribute | undefined {
  const def = v.owner;
  if (!(def instanceof Operation) || !ctx.hasTrait(def, "ConstantLike")) return undefined;
  return def.attr("value");
}

const materializable = (a: Attribute) => a instanceof IntegerAttr || a instanceof FloatAttr || a instanceof DenseElementsAttr;

/** One sweep; returns whether anything changed. */
function sweep(module: Module, ctx: Context): boolean {
  let changed = false;
  const ops: Operation[] = [];
  module.walk((op) => { ops.push(op); });
  for (const op of ops.reverse()) {
    if (!op.parent) continue; // erased earlier in this sweep
    const spec = ctx.spec(op.name);
    const pure = spec?.traits?.includes("Pure") ?? false;
    if (pure && op.results.length && op.results.every((r) => !r.hasUses) && !spec?.traits?.includes("Terminator")) {
      op.erase();
      changed = true;
      continue;
    }
    if (!spec?.fold || spec.traits?.includes("ConstantLike")) continue;
    const folded = spec.fold(op, op.operands.map((v) => constantOf(v, ctx)));
    if (!folded || folded.length !== op.results.length) continue;
    if (folded.some((f) => f instanceof Attribute && !materializable(f))) continue;
    folded.forEach((f, i) => {
      if (f instanceof Value) { op.results[i].replaceAllUsesWith(f); return; }
      const c = new Operation({ name: "arith.constant", resultTypes: [op.results[i].type], attributes: { value: f }, loc: op.loc });
      op.parent!.insertBefore(op, c);
      op.results[i].replaceAllUsesWith(c.result);
    });
    op.erase();
    changed = true;
  }
  return changed;
}

export const canonicalize: Pass = {
  name: "canonicalize",
  description: "Fold constant expressions and remove dead side-effect-free operations",
  run(module, ctx) {
    for (let i = 0; i < 32 && sweep(module, ctx); i++);
  },
};
