// --linalg-generalize-named-ops: every named linalg op (matmul, conv_*, pooling_*, fill, add,
// transpose, reduce, ...) becomes the linalg.generic it stands for (toGenericOp: the same
// operands, maps, iterator types and body), through MLIR's greedy driver, which also folds,
// erases dead ops and hoists constants as mlir-opt-19 does. linalg.map stays, as in MLIR 19.
import { isStructuredOp, toGenericOp } from "../dialects/linalg-info.js";
import { applyPatternsGreedily } from "./canonicalize.js";
import type { Pass } from "./pass.js";

export const linalgGeneralizeNamedOps: Pass = {
  name: "linalg-generalize-named-ops",
  description: "Convert named ops into generic ops",
  run: (module, ctx) => applyPatternsGreedily(module, ctx, (op, rw) => {
    if (!isStructuredOp(op) || op.name === "linalg.generic" || op.name === "linalg.map") return false;
    const g = toGenericOp(op);
    op.parent!.insertBefore(op, g);
    rw.replaceOp(op, g.results);
    return true;
  }),
};
