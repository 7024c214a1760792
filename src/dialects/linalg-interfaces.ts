// MLIR's ContractionOpInterface and ConvolutionOpInterface verifiers. A named op written in the
// generic form spells out its body and (as `linalg.memoized_indexing_maps`) its maps: they must
// still be a contraction's or a convolution's.
import { exprUses, type AffineExpr } from "../ir/affine.js";
import { BlockArgument, type Block, type Operation, type Value } from "../ir/core.js";
import type { VerifyContext } from "../ir/dialect.js";
import { CONTRACTIONS, WINDOW_OPS, indexingMaps, inputs, iteratorTypes, outputs } from "./linalg-info.js";

/** The contractions with the interface: all but the quantized ones (which take zero points too). */
const CONTRACTION_OPS = new Set(CONTRACTIONS.filter((n) => !n.startsWith("linalg.quantized_")));
/** The body's product op and the sum op it must feed (MLIR's pairs of field operations). */
const SUM_OF: Readonly<Record<string, string>> = { "arith.mulf": "arith.addf", "arith.muli": "arith.addi", "complex.mul": "complex.add", "arith.andi": "arith.ori" };

/** The value under a chain of side-effect-free unary ops, casts say (MLIR's getSourceSkipUnary). */
function skipUnary(v: Value, ctx: VerifyContext): Value {
  for (let op = v instanceof BlockArgument ? undefined : (v.owner as Operation); op?.operands.length === 1 && ctx.hasTrait(op, "Pure");) {
    v = op.operands[0];
    op = v instanceof BlockArgument ? undefined : (v.owner as Operation);
  }
  return v;
}
const producer = (v: Value) => (v instanceof BlockArgument ? undefined : (v.owner as Operation));

/**
 * Whether the body yields `acc + a * b` of its three arguments, modulo unary casts, in one field
 * (MLIR's isContractionBody). mlir-opt-19 crashes where a sum or product operand is a block
 * argument that should be an op's result; later MLIR refuses those bodies, and so do we.
 */
function isContractionBody(block: Block, ctx: VerifyContext): boolean {
  const yieldOp = block.ops.at(-1), [a, b, acc] = block.args;
  if (!yieldOp || !ctx.hasTrait(yieldOp, "Terminator") || block.args.length !== 3 || yieldOp.operands.length !== 1) return false;
  const sum = producer(skipUnary(yieldOp.operands[0], ctx));
  if (!sum || sum.results.length !== 1 || sum.operands.length !== 2) return false;
  const [l, r] = sum.operands.map((v) => skipUnary(v, ctx));
  if (l !== acc && r !== acc) return false;
  const product = producer(skipUnary(l instanceof BlockArgument ? r : l, ctx));
  if (!product || product.results.length !== 1 || product.operands.length !== 2 || SUM_OF[product.name] !== sum.name) return false;
  const [x, y] = product.operands.map((v) => skipUnary(v, ctx));
  return (x === a && y === b) || (x === b && y === a);
}

/** How an input index reads the loops: bare (`d0`) or convolved (`d0 * s + d1 * t`), each loop once (MLIR's ConvAccessExprWalker). */
class ConvAccess {
  readonly convolved = new Set<number>();
  readonly unconvolved = new Set<number>();
  private seen(d: number) { return this.convolved.has(d) || this.unconvolved.has(d); }
  /** Records one index; false where it is not of either form. */
  visit(e: AffineExpr): boolean {
    if (e.kind === "dim") return !this.seen(e.pos) && !!this.unconvolved.add(e.pos);
    return e.kind === "add" && this.term(e.lhs) && this.term(e.rhs);
  }
  /** `d`, or `d` times a constant or symbol. */
  private term(e: AffineExpr): boolean {
    let d: AffineExpr | undefined = e;
    if (e.kind === "mul") {
      const factor = [e.lhs, e.rhs].some((x) => x.kind === "sym" || x.kind === "const");
      d = factor ? [e.lhs, e.rhs].find((x) => x.kind === "dim") : undefined;
    }
    return d?.kind === "dim" && !this.seen(d.pos) && !!this.convolved.add(d.pos);
  }
}

/**
 * Why the op's maps are not a convolution's (MLIR's isConvolutionInterfaceImpl), or nothing. MLIR
 * checks this before the op's regions and its structured-op checks; maps too few or naming loops
 * the op lacks (which crash mlir-opt-19 here) are left to those.
 */
function convolutionProblem(op: Operation): string | undefined {
  if (inputs(op).length < 2 || outputs(op).length !== 1) return "expected op with 2 inputs and 1 output"; // (operandSegmentSizes split otherwise)
  const maps = indexingMaps(op), its = iteratorTypes(op), [input, filter] = maps, out = maps[maps.length - 1];
  if (maps.length < 2 || maps.some((m) => m.results.some((e) => exprUses(e).dims > its.length))) return undefined;
  const walk = new ConvAccess();
  if (!input.results.every((e) => walk.visit(e))) return "unexpected input index map for convolutions";
  if (!filter.isProjectedPermutation || !out.isProjectedPermutation) return "expected output/filter indexing maps to be projected permutations";
  const dimsOf = (m: typeof out) => new Set(m.results.map((e) => (e as { pos: number }).pos));
  const outDims = dimsOf(out), filterDims = dimsOf(filter), { convolved: C, unconvolved: U } = walk;
  const loops = new Set<number>(), bad = "unexpected loop dimension for convolution op";
  // Output loops: batch, output image, output channel or depth multiplier.
  for (const d of outDims) {
    if (C.has(d) ? filterDims.has(d) : !U.has(d) && !filterDims.has(d)) return bad;
    if (its[d] !== "parallel") return "expected all iterators used to access outputs to be parallel";
    loops.add(d);
  }
  // Filter loops: output channel or depth multiplier (seen above), filter loop or input channel.
  for (const d of filterDims) {
    if (outDims.has(d)) {
      if (C.has(d)) return bad;
      continue;
    }
    if (!C.has(d) && !U.has(d)) return bad;
    if (its[d] !== "reduction") return "expected all iterators not used to access outputs to be reduction";
    loops.add(d);
  }
  if (loops.size !== its.length) return bad;
}

/** Reports a problem as MLIR's interface verifiers do, without the op's name. */
function report(op: Operation, ctx: VerifyContext, problem: string | undefined): string | undefined {
  if (!problem) return undefined;
  ctx.error(op, problem);
  return "";
}

/** A named contraction's interface check (after the structured-op checks, so the maps fit the operands and loops). */
export const verifyContraction = (op: Operation, ctx: VerifyContext) => report(op, ctx, !CONTRACTION_OPS.has(op.name) ? undefined
  : !indexingMaps(op).every((m) => m.isProjectedPermutation) ? "expected indexing maps to be projected permutations"
    : !isContractionBody(op.body(), ctx) ? "expected add/mul op in the body" : undefined);

/** A named convolution's or pooling op's interface check (before its regions). */
export const verifyConvolution = (op: Operation, ctx: VerifyContext) => report(op, ctx, op.name in WINDOW_OPS ? convolutionProblem(op) : undefined);
