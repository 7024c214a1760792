// --scf-forall-to-parallel: an scf.forall without shared outputs (bufferized) becomes the
// scf.parallel it means (MLIR's forallToParallelLoop): its static bounds as index constants in
// front of it, lower bounds, upper bounds, then steps, and an empty scf.reduce ending the body.
// The default lowering runs it after bufferize, so the wasm engine splits forall loops across
// threads as it does scf.parallel.
import { Builder } from "../ir/builder.js";
import type { Operation } from "../ir/core.js";
import { forallParts } from "../dialects/scf-forall.js";
import { knownInt, segmentSizesAttr } from "../dialects/indexing.js";
import type { Pass } from "./pass.js";

/** The scf.parallel replacing `op` (an scf.forall of rank > 0 without outputs), or undefined where it has none. */
export function forallToParallel(op: Operation): Operation | undefined {
  const f = forallParts(op), n = f.ivs.length;
  if (op.results.length || !n) return undefined;
  const b = Builder.before(op);
  const [lbs, ubs, steps] = [f.lbs, f.ubs, f.steps].map((l) => l.map((v) => (typeof v === "number" ? b.constIndex(v) : v)));
  f.body.terminator!.erase();
  Builder.atEnd(f.body, op.loc).create("scf.reduce");
  const par = b.create("scf.parallel", [...lbs, ...ubs, ...steps], [], { operandSegmentSizes: segmentSizesAttr([n, n, n, 0]) }, op.regions.splice(0));
  op.erase();
  return par;
}

export const scfForallToParallel: Pass = {
  name: "scf-forall-to-parallel",
  description: "Convert SCF forall loops to SCF parallel loops",
  run(module, _ctx, diag) {
    const loops: Operation[] = [];
    module.walk((op) => { if (op.name === "scf.forall") loops.push(op); });
    for (const op of loops) {
      if (op.results.length) diag.error(op.loc, "only fully bufferized scf.forall ops can be lowered to scf.parallel");
      // A constant step below 1 stays a forall, which traps when it runs (an scf.parallel with one does not verify).
      else if (!forallParts(op).steps.some((st) => (knownInt(st) ?? 1) <= 0)) forallToParallel(op);
    }
  },
};
