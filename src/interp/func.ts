// func, cf (non-branch ops) and builtin casts. Branch terminators (cf.br, cf.cond_br,
// cf.switch) are handled by the interpreter core, which moves between blocks.
import type { HandlerTable } from "./interpreter.js";
import { OpTrap, Trap } from "./values.js";
import type { StringAttr } from "../ir/attributes.js";
import { symbolRef } from "./util.js";

export const FUNC: HandlerTable = {
  "func.call": (interp, op, args) => {
    const callee = symbolRef(op, "callee");
    if (!callee) throw new Trap("func.call without a callee");
    return interp.call(callee, args, { argTypes: op.operands.map((v) => v.type), resultTypes: op.results.map((r) => r.type) });
  },
  // A function value is its pointer handle, shared with llvm.mlir.addressof.
  "func.constant": (interp, op) => {
    const name = symbolRef(op, "value");
    if (!name) throw new Trap("func.constant without a symbol");
    return [interp.functionPointer(name)];
  },
  "func.call_indirect": (interp, op, [fp, ...args]) =>
    interp.call(interp.functionAt(Number(fp)), args, { argTypes: op.operands.slice(1).map((v) => v.type), resultTypes: op.results.map((r) => r.type) }),
  "cf.assert": (_i, op, [c]) => {
    if (!c) throw new OpTrap(`assertion failed: ${op.attr<StringAttr>("msg")?.value ?? ""}`); // named at the op, as the wasm engine does
    return [];
  },
  "builtin.unrealized_conversion_cast": (_i, _op, args) => args,
};
