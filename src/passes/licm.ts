// Loop-invariant code motion, as MLIR's --loop-invariant-code-motion does it: inner loops first,
// an op of a loop's body moves before the loop when it has no memory effects, may run where the
// loop would not (speculatable), and uses only values from outside the loop; moving one makes
// its users in the body candidates again.
import { IntegerAttr } from "../ir/attributes.js";
import { Operation, type Region, type Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { linalgOnTensors } from "../dialects/linalg-info.js";
import type { Pass } from "./pass.js";

/** MLIR's LoopLikeOpInterface ops; every region of each is the loop's. */
const LOOPS = new Set(["scf.for", "scf.while", "scf.parallel", "scf.forall", "affine.for", "affine.parallel"]);

const constantInt = (v: Value): bigint | undefined => {
  const def = v.owner;
  return def instanceof Operation && def.name === "arith.constant" ? def.attr<IntegerAttr>("value")?.value : undefined;
};

/**
 * Side-effect free and speculatable, as MLIR 19 decides it: a division only by a constant that
 * is not 0 (nor -1 when signed: INT_MIN / -1 overflows), a dim only of a constant index. MLIR
 * 19 marks floordivsi, remsi and remui plain Pure and moves them whatever the divisor: out of a
 * loop that never runs, a division by zero would then trap where the program did not; here they
 * follow the other divisions' rule. Of the
 * ops with regions, a loop of step 1 (it ends whatever its bounds) and a linalg op on tensors,
 * when everything inside them is; nothing else (MLIR does not move an scf.if either).
 */
export function speculatable(op: Operation, ctx: Context): boolean {
  if (op.regions.length) {
    const step1 = op.name === "scf.for" ? constantInt(op.operand(2)) === 1n : op.name === "affine.for" && op.attr<IntegerAttr>("step")?.value === 1n;
    return (step1 || linalgOnTensors(op)) && op.regions.every((r) => r.blocks.every((b) => b.ops.every((o) =>
      ctx.hasTrait(o, "ReturnLike") || speculatable(o, ctx))));
  }
  if (!ctx.hasTrait(op, "Pure") || ctx.hasTrait(op, "Terminator")) return false;
  switch (op.name) {
    case "arith.divui": case "arith.ceildivui": { const d = constantInt(op.operand(1)); return d !== undefined && d !== 0n; }
    case "arith.remui": { const d = constantInt(op.operand(1)); return d !== undefined && d !== 0n; }
    case "arith.divsi": case "arith.ceildivsi": case "arith.floordivsi": case "arith.remsi": { const d = constantInt(op.operand(1)); return d !== undefined && d !== 0n && d !== -1n; }
    case "memref.dim": case "tensor.dim": return constantInt(op.operand(1)) !== undefined;
  }
  return true;
}

/** The op that defines `v`: its result's op, or the op whose region has its block. */
const definer = (v: Value): Operation | null => (v.owner instanceof Operation ? v.owner : v.owner.parentOp);

function hoistFrom(loop: Operation, region: Region, ctx: Context): void {
  const inRegion = (op: Operation) => op.parent?.parent === region;
  // Every value `op` and the ops inside it use is defined outside the loop, or inside `op`.
  const invariant = (op: Operation) => {
    let ok = true;
    op.walk((o) => { ok &&= o.operands.every((v) => { const d = definer(v); return !d || !loop.isAncestorOf(d) || op.isAncestorOf(d); }); return ok; });
    return ok;
  };
  const queue: Operation[] = region.blocks.flatMap((b) => [...b.ops]);
  for (let i = 0; i < queue.length; i++) {
    const op = queue[i];
    if (!inRegion(op) || !speculatable(op, ctx) || !invariant(op)) continue;
    op.remove();
    loop.parent!.insertBefore(loop, op);
    for (const r of op.results) for (const u of r.uses) if (inRegion(u.op)) queue.push(u.op);
  }
}

export const loopInvariantCodeMotion: Pass = {
  name: "loop-invariant-code-motion",
  description: "Hoist loop invariant instructions outside of the loop",
  run(module, ctx) {
    const loops: Operation[] = [];
    module.walk((op) => { if (LOOPS.has(op.name)) loops.push(op); });
    // Descendants before ancestors: what leaves an inner loop may leave the outer one too.
    for (const loop of loops.reverse()) for (const r of loop.regions) hoistFrom(loop, r, ctx);
  },
};
