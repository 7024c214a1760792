// --linalg-fuse-elementwise-ops: MLIR's elementwise op fusion (ElementwiseOpFusion.cpp). A
// linalg op on tensors whose loops are all parallel, and whose one result only another linalg op
// takes as an input, is computed inside that consumer instead: the consumer reads the producer's
// inputs (their maps composed into its loops) and runs the producer's body where it read the
// element. One loop nest and no intermediate tensor where there were two. MLIR fuses
// linalg.generic only (its pass runs after --linalg-generalize-named-ops); the lowering pipeline
// fuses any structured op the same way, and only where no producer element is computed twice.
import { AffineMapAttr, ArrayAttr } from "../ir/attributes.js";
import { AffineMap } from "../ir/affine.js";
import { simplifyExpr, substitute } from "../ir/affine-simplify.js";
import { Block, type BlockArgument, Operation, OpResult, Region, type Value } from "../ir/core.js";
import { DYN, ShapedType, TensorType } from "../ir/types.js";
import {
  hasTensorSemantics, indexingMaps, inputs, insOutsSegments, isStructuredOp, iteratorAttr, iteratorTypes, linalgOnTensors, outputs, toGenericOp,
} from "../dialects/linalg-info.js";
import { applyPatternsGreedily } from "./canonicalize.js";
import type { Pass } from "./pass.js";

/** Which ops may fuse, and whether the producer of the consumer's input `index` should. */
interface FusionControl { ops: (op: Operation) => boolean; fuse: (producer: Operation, consumer: Operation, index: number) => boolean }

/** MLIR's pass: generics, a producer of one use. */
const MLIR_CONTROL: FusionControl = { ops: (op) => op.name === "linalg.generic", fuse: (p) => p.results[0].uses.length === 1 };
/**
 * The lowering pipeline's: any structured op, and only where the consumer reads each producer
 * element once (its map for the operand uses every loop): a producer fused into a matmul's
 * input would be computed again for every column of the result.
 */
const ONCE_CONTROL: FusionControl = {
  ops: isStructuredOp,
  fuse: (p, c, i) => p.results[0].uses.length === 1 && indexingMaps(c)[i].isPermutation,
};

/** The producer's loop indices in the consumer's, through the consumer's map for the operand and the inverse of the producer's result map. */
function producerLoops(producer: Operation, consumerMap: AffineMap): AffineMap {
  const resultMap = indexingMaps(producer)[inputs(producer).length];
  const loops = Array.from({ length: resultMap.numDims }, (_, d) => consumerMap.results[resultMap.results.findIndex((e) => e.kind === "dim" && e.pos === d)]);
  return new AffineMap(consumerMap.numDims, 0, loops);
}
const compose = (m: AffineMap, loops: AffineMap) =>
  new AffineMap(loops.numDims, 0, m.results.map((e) => simplifyExpr(substitute(e, loops.results, []), loops.numDims, 0)));

/** Whether the producer of `consumer`'s input `index` fuses into it (MLIR's areElementwiseOpsFusable, with the limits below). */
function fusable(producer: Operation, consumer: Operation, index: number): boolean {
  const operand = consumer.operands[index];
  if (!linalgOnTensors(producer) || !hasTensorSemantics(consumer) || !(operand.type instanceof TensorType) || producer.results.length !== 1) return false;
  if (iteratorTypes(producer).some((t) => t !== "parallel")) return false;
  const consumerMap = indexingMaps(consumer)[index], pMaps = indexingMaps(producer), nIn = inputs(producer).length;
  if (consumerMap.results.length !== pMaps[nIn].numDims || !pMaps[nIn].isPermutation) return false;
  // Not fused (MLIR keeps a producer result for these): a body that reads its init or asks for its loop indices.
  const body = producer.region().blocks[0];
  if (body.args.slice(nIn).some((a) => a.uses.length) || body.ops.some((o) => o.name === "linalg.index")) return false;
  // The consumer's loops as its other operands and the producer's inputs index them: static
  // sizes must agree (a `?` between them, the size a run-time check stops a wrong program on,
  // would otherwise meet a contradicting size in one op, which does not verify); and where the
  // consumer has reductions, which take loop sizes from operands, every loop must be indexed.
  const sizes = new Map<number, number>(), loops = producerLoops(producer, consumerMap), cOps = [...inputs(consumer), ...outputs(consumer)];
  let agree = true;
  const see = (m: AffineMap, v: Value) => m.results.forEach((e, d) => {
    if (e.kind !== "dim") return;
    const n = v.type instanceof ShapedType ? v.type.shape[d] : DYN, known = sizes.get(e.pos);
    if (known === undefined || known === DYN) sizes.set(e.pos, n);
    else if (n !== DYN && n !== known) agree = false;
  });
  indexingMaps(consumer).forEach((m, k) => { if (k !== index) see(m, cOps[k]); });
  pMaps.slice(0, nIn).forEach((m, k) => see(compose(m, loops), inputs(producer)[k]));
  return agree && (iteratorTypes(consumer).every((t) => t === "parallel") || sizes.size === consumerMap.numDims);
}

/** The generic computing `consumer` with `producer` (the op defining its input `index`) inside it. */
function fuse(producer: Operation, consumer: Operation, index: number): Operation {
  const cIns = inputs(consumer), pIns = inputs(producer), cMaps = indexingMaps(consumer), pMaps = indexingMaps(producer);
  const loops = producerLoops(producer, cMaps[index]);
  const ins = [...cIns.slice(0, index), ...pIns, ...cIns.slice(index + 1)];
  const maps = [...cMaps.slice(0, index), ...pMaps.slice(0, pIns.length).map((m) => compose(m, loops)), ...cMaps.slice(index + 1)];
  const fused = new Operation({
    name: "linalg.generic", operands: [...ins, ...outputs(consumer)], resultTypes: consumer.results.map((r) => r.type), loc: consumer.loc,
    attributes: {
      indexing_maps: new ArrayAttr(maps.map((m) => new AffineMapAttr(m))),
      iterator_types: new ArrayAttr(iteratorTypes(consumer).map(iteratorAttr)),
      operandSegmentSizes: insOutsSegments(ins.length, outputs(consumer).length),
    },
  });
  // Block arguments in operand order; the producer's body first, its yield standing for the consumer's argument.
  const pBody = producer.region().blocks[0], cBody = consumer.region().blocks[0], map = new Map<Value, Value>();
  const body = new Block();
  const arg = (a: BlockArgument) => map.set(a, body.addArg(a.type, a.loc));
  cBody.args.slice(0, index).forEach(arg);
  pBody.args.slice(0, pIns.length).forEach(arg);
  cBody.args.slice(index + 1).forEach(arg);
  for (const op of pBody.ops) if (op !== pBody.terminator) body.append(op.clone(map));
  const y = pBody.terminator!.operands[0];
  map.set(cBody.args[index], map.get(y) ?? y);
  for (const op of cBody.ops) body.append(op.clone(map));
  fused.addRegion(new Region([body]));
  return fused;
}

/**
 * Fuses into `op` the first input whose producer `control` lets fuse: the new op, inserted
 * before `op` (whose results the caller replaces), and the producer.
 */
function fuseFirst(op: Operation, control: FusionControl): { fused: Operation; producer: Operation } | undefined {
  if (!control.ops(op)) return undefined;
  const ins = inputs(op);
  for (let i = 0; i < ins.length; i++) {
    const v = ins[i];
    if (!(v instanceof OpResult) || !control.ops(v.op) || !fusable(v.op, op, i) || !control.fuse(v.op, op, i)) continue;
    // (a linalg.map's body takes no init: the generic it stands for, made for the fusion only)
    const [producer, consumer] = [v.op, op].map((o) => (o.name === "linalg.map" ? toGenericOp(o) : o));
    const fused = fuse(producer, consumer, i);
    for (const [made, o] of [[producer, v.op], [consumer, op]]) if (made !== o) made.erase();
    op.parent!.insertBefore(op, fused);
    return { fused, producer: v.op };
  }
  return undefined;
}

/** MLIR's pass, through canonicalize's greedy driver (which also folds, hoists constants and erases dead ops, as MLIR's does). */
export const linalgFuseElementwiseOps: Pass = {
  name: "linalg-fuse-elementwise-ops",
  description: "Fuse elementwise ops",
  run: (module, ctx) => applyPatternsGreedily(module, ctx, (op, rw) => {
    const f = fuseFirst(op, MLIR_CONTROL);
    if (f) rw.replaceOp(op, f.fused.results); // (the producer, unused now, goes as dead code)
    return !!f;
  }),
};

/**
 * The lowering pipeline's fusion (ONCE_CONTROL), which changes nothing else: what it fuses
 * goes, with the `tensor.empty` that was its init. A `tensor.dim` of a linalg result first
 * reads its init's (MLIR's DimOfDestStyleOp): the run-time shape checks the tensorlang lowering
 * puts between ops read results' sizes, a second use that would keep each producer unfused.
 */
export const fuseElementwise: Pass = {
  name: "tensorlang-fuse-elementwise",
  description: "Fuse structured linalg ops whose loops are all parallel into their one consumer where each element is computed once",
  run: (module) => {
    const work: Operation[] = [];
    module.walk((op) => {
      const src = op.name === "tensor.dim" ? op.operands[0] : undefined;
      if (src instanceof OpResult && isStructuredOp(src.op) && hasTensorSemantics(src.op)) op.setOperand(0, outputs(src.op)[src.index]);
      if (isStructuredOp(op)) work.push(op);
    });
    for (let i = 0; i < work.length; i++) {
      const op = work[i], f = op.parent ? fuseFirst(op, ONCE_CONTROL) : undefined;
      if (!f) continue;
      op.results.forEach((r, k) => r.replaceAllUsesWith(f.fused.results[k]));
      op.erase();
      const inits = outputs(f.producer);
      f.producer.erase();
      for (const v of inits) if (v instanceof OpResult && v.op.name === "tensor.empty" && !v.uses.length) v.op.erase();
      work.push(f.fused);
    }
  },
};
