// The lowering pipelines: tensor-level programs down to loops over memrefs. Each pipeline is a
// list of pass names (what `tensorlang-opt` flags spell), resolved through the registry so the
// lead's pass manager runs them like any other passes.
import type { Module } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { bufferize } from "./bufferize.js";
import { convertLinalgToAffineLoops, convertLinalgToLoops } from "./convert-linalg-to-loops.js";
import { fuseElementwise } from "./linalg-fuse-elementwise.js";
import { lowerAffine } from "./lower-affine.js";
import { runPasses, type Pass, type PipelineOptions } from "./pass.js";
import { lookupPass } from "./registry.js";

/** The passes this file contributes (the registry should list them too). */
export const LOWERING_PASSES: readonly Pass[] = [fuseElementwise, bufferize, convertLinalgToLoops, convertLinalgToAffineLoops, lowerAffine];

/** Steps skipped when the pass does not exist in this build (the tensorlang front end). */
const OPTIONAL = new Set(["convert-tensorlang-to-linalg"]);

/** Tensor level → loops; affine loops the program wrote stay affine (backends that read affine). */
// (tensorlang-fuse-elementwise: one loop nest for a chain of elementwise ops, and no tensor between them;
// scf-forall-to-parallel: bufferized forall loops run as scf.parallel, split across threads on wasm)
export const toLoopsPipeline: readonly string[] = ["convert-tensorlang-to-linalg", "tensorlang-fuse-elementwise", "bufferize", "scf-forall-to-parallel", "convert-linalg-to-loops"];
/** Tensor level → affine loops for linalg ops too (for backends/analyses that read affine). */
export const toAffinePipeline: readonly string[] = ["convert-tensorlang-to-linalg", "tensorlang-fuse-elementwise", "bufferize", "scf-forall-to-parallel", "convert-linalg-to-affine-loops"];
/** Tensor level → scf/arith/memref only: affine is lowered too. */
export const toScfPipeline: readonly string[] = [...toLoopsPipeline, "lower-affine"];
/** What `tensorlang-run` uses: everything at scf level, which every engine reads. */
export const defaultPipeline: readonly string[] = toScfPipeline;

/** The Pass objects for a list of names; unknown names throw, optional missing ones are skipped. */
export function resolvePipeline(names: readonly string[]): Pass[] {
  const out: Pass[] = [];
  for (const n of names) {
    const p = lookupPass(n) ?? LOWERING_PASSES.find((q) => q.name === n);
    if (p) out.push(p);
    else if (!OPTIONAL.has(n)) throw new Error(`unknown pass '${n}'`);
  }
  return out;
}

export interface LowerOptions extends PipelineOptions {
  /** Keep affine loops (toLoopsPipeline) instead of lowering them to scf. */
  keepAffine?: boolean;
}

/** Lowers `module` in place to loop level; throws DiagnosticError on failure. */
export function lowerToLoops(module: Module, ctx: Context, opts: LowerOptions = {}): void {
  runPasses(module, ctx, resolvePipeline(opts.keepAffine ? toLoopsPipeline : toScfPipeline), opts);
}
