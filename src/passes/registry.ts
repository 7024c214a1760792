// Every pass `tensorlang-opt` can run, by flag name.
import { bufferize } from "./bufferize.js";
import { canonicalize } from "./canonicalize.js";
import { convertLinalgToAffineLoops, convertLinalgToLoops } from "./convert-linalg-to-loops.js";
import { convertScfToCf } from "./convert-scf-to-cf.js";
import { convertTensorlangToLinalg } from "./convert-tensorlang-to-linalg.js";
import { cse } from "./cse.js";
import { linalgGeneralizeNamedOps } from "./linalg-generalize.js";
import { fuseElementwise, linalgFuseElementwiseOps } from "./linalg-fuse-elementwise.js";
import { inline } from "./inline.js";
import { lowerAffine } from "./lower-affine.js";
import type { Pass } from "./pass.js";
import { raiseCfToScf } from "./raise-cf-to-scf.js";
import { raiseScfToAffine } from "./raise-scf-to-affine.js";
import { scfForallToParallel } from "./scf-forall-to-parallel.js";
import { splitVectors } from "./split-vectors.js";
import { lowerVectorOps } from "./lower-vector-ops.js";
import { loopInvariantCodeMotion } from "./licm.js";
import { symbolDce } from "./symbol-dce.js";
import { verifyLinearity } from "./verify-linearity.js";

export const PASSES: readonly Pass[] = [
  canonicalize, cse, verifyLinearity, convertTensorlangToLinalg, bufferize, linalgGeneralizeNamedOps, linalgFuseElementwiseOps, fuseElementwise, convertLinalgToLoops, convertLinalgToAffineLoops, lowerAffine, raiseScfToAffine,
  convertScfToCf, scfForallToParallel, raiseCfToScf, lowerVectorOps, splitVectors, loopInvariantCodeMotion, symbolDce, inline,
];

export function lookupPass(name: string): Pass | undefined { return PASSES.find((p) => p.name === name); }
