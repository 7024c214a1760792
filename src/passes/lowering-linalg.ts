// A structured view of any linalg op (generic or named) for the loop lowering and
// bufferization: inputs, outputs, one indexing map per operand, iterator types and the scalar
// body block. The facts come from the linalg dialect's helpers (dialects/linalg-info.ts); ops
// whose region is empty (transpose/broadcast as some parsers leave them) get a pass-through body.
import { AffineMap, dim, type AffineExpr } from "../ir/affine.js";
import { AffineMapAttr, ArrayAttr, DenseArrayAttr, FloatAttr, type Attribute, type IntegerAttr } from "../ir/attributes.js";
import { Builder } from "../ir/builder.js";
import type { DiagnosticSink } from "../ir/diagnostics.js";
import { Block, Operation, Region, Value } from "../ir/core.js";
import { largestFinite } from "../ir/float.js";
import { DYN, FloatType, MemRefType, ShapedType, TensorType, elementTypeOf, i32, index } from "../ir/types.js";
import {
  NAMED_OPS, buildNamedBody, indexingMaps, inputs as insOf, insOutsSegments, isStructuredOp, iteratorAttr, iteratorTypes, outputs as outsOf,
} from "../dialects/linalg-info.js";
import { arrayProp } from "../dialects/indexing.js";

export interface LinalgView {
  op: Operation;
  inputs: Value[];
  outputs: Value[];
  maps: readonly AffineMap[];
  /** "parallel" | "reduction" per loop dimension. */
  iterators: string[];
  /** Arguments: one scalar per operand; ends with linalg.yield of one value per output. */
  body: Block;
}

export const isLinalgStructured = (op: Operation): boolean => isStructuredOp(op) || op.name === "linalg.broadcast";

/** A body that yields its first argument (transpose, broadcast). */
function passThroughBody(operands: readonly Value[]): Block {
  const blk = new Block(operands.map((v) => elementTypeOf(v.type)));
  Builder.atEnd(blk).create("linalg.yield", [blk.args[0]]);
  return blk;
}

/** The structured view of `op`, or an error message. */
export function linalgView(op: Operation): LinalgView | string {
  if (!isLinalgStructured(op)) return `'${op.name}' is not a supported linalg op`;
  const inputs = insOf(op), outputs = outsOf(op);
  if (!outputs.length) return `'${op.name}' op has no outputs`;
  let maps: readonly AffineMap[], iterators: string[];
  if (op.name === "linalg.broadcast") {
    // out[d...] = in[d without the broadcast dimensions]
    const n = (outputs[0].type as ShapedType).rank;
    const bd = new Set(arrayProp(op, "dimensions"));
    const keep = Array.from({ length: n }, (_, i) => i).filter((i) => !bd.has(i));
    maps = [new AffineMap(n, 0, keep.map((d) => ({ kind: "dim", pos: d }) as AffineExpr)), AffineMap.identity(n)];
    iterators = Array<string>(n).fill("parallel");
  } else {
    maps = indexingMaps(op);
    iterators = iteratorTypes(op);
  }
  const region = op.regions[0];
  let body: Block;
  if (region && region.blocks.length && region.blocks[0].ops.length) body = region.blocks[0];
  else if (op.name in NAMED_OPS) body = buildNamedBody(op.name, [...inputs, ...outputs].map((v) => v.type), op.loc, op.attributes).blocks[0];
  else body = passThroughBody([...inputs, ...outputs]);
  if (maps.length !== inputs.length + outputs.length) return `'${op.name}' op: expected one indexing map per operand`;
  return { op, inputs, outputs, maps, iterators, body };
}

/** Where each loop dimension's extent comes from: the first operand dimension indexed by it alone. */
export interface Extent { value: Value; operand: number; dim: number }
export function loopExtents(v: LinalgView): Extent[] | string {
  const operands = [...v.inputs, ...v.outputs];
  const out: Extent[] = [];
  for (let d = 0; d < v.iterators.length; d++) {
    let hit: Extent | undefined;
    operands.forEach((o, k) => {
      if (hit) return;
      v.maps[k].results.forEach((r, j) => { if (!hit && r.kind === "dim" && r.pos === d) hit = { value: o, operand: k, dim: j }; });
    });
    if (!hit) return `loop dimension d${d} of '${v.op.name}' is not the plain index of any operand dimension`;
    out.push(hit);
  }
  return out;
}

/** `memref.dim` / `tensor.dim` or a constant: the size of dimension `d` of a shaped value. */
export function dimSize(b: Builder, v: Value, d: number, cst: (n: number) => Value = (n) => b.constIndex(n)): Value {
  const t = v.type as ShapedType;
  if (t.shape[d] !== DYN) return cst(t.shape[d]);
  const name = v.type.str.startsWith("tensor") ? "tensor.dim" : "memref.dim";
  return b.value(name, [v, cst(d)], index);
}

/**
 * MLIR's SoftmaxOp::decomposeOperation, here on tensors or memrefs (memref temporaries are
 * allocated and freed around it): the max along the dimension (maxnumf from the lowest finite
 * value), exp(x - max) into the output, its sum (addf from 0), the output divided by it. The
 * steps are linalg ops the engines' lowering runs. Returns an error message for non-float elements.
 */
function decomposeSoftmax(op: Operation): string | undefined {
  const [x, out] = op.operands, xt = x.type as ShapedType, et = xt.elementType, d = op.attr<IntegerAttr>("dimension")!.num;
  if (!(et instanceof FloatType)) return `'linalg.softmax' op on '${et.str}' elements: only float elements are computed`;
  const b = Builder.before(op), r = xt.rank, onTensors = xt instanceof TensorType;
  const kept = Array.from({ length: r }, (_, i) => i).filter((i) => i !== d);
  const dyn = kept.filter((i) => xt.shape[i] === DYN).map((i) => dimSize(b, x, i));
  const sizes = kept.map((i) => xt.shape[i]);
  const [all, reduced] = [AffineMap.identity(r), new AffineMap(r, 0, kept.map(dim))];
  const temp = (): Value => onTensors ? b.value("tensor.empty", dyn, TensorType.get(sizes, et))
    : b.value("memref.alloc", dyn, MemRefType.get(sizes, et), { operandSegmentSizes: new DenseArrayAttr(i32, [dyn.length, 0]) });
  const temps: Value[] = [];
  /** A linalg op writing `init`; its tensor result, or `init` itself (a memref). */
  const emit = (name: string, ins: Value[], init: Value, attrs: Record<string, Attribute>, body: Region): Value => {
    const o = b.create(name, [...ins, init], onTensors ? [init.type] : [], { ...attrs, operandSegmentSizes: insOutsSegments(ins.length, 1) }, [body]);
    return onTensors ? o.result : init;
  };
  const fill = (v: number) => { const t = temp(); temps.push(t); return emit("linalg.fill", [b.constant(new FloatAttr(v, et), et)], t, {}, buildNamedBody("linalg.fill", [et, t.type], op.loc)); };
  const generic = (ins: Value[], init: Value, maps: AffineMap[], reduce: boolean, f: (bb: Builder, args: Value[]) => Value) => {
    const blk = new Block([...ins, init].map((v) => elementTypeOf(v.type))), bb = Builder.atEnd(blk, op.loc);
    bb.create("linalg.yield", [f(bb, blk.args)]);
    return emit("linalg.generic", ins, init, {
      indexing_maps: new ArrayAttr(maps.map((m) => new AffineMapAttr(m))),
      iterator_types: new ArrayAttr(Array.from({ length: r }, (_, i) => iteratorAttr(reduce && i === d ? "reduction" : "parallel"))),
    }, new Region([blk]));
  };
  const arith = (name: string) => (bb: Builder, [a, c]: Value[]) => bb.value(name, [a, c], et);
  const max = generic([x], fill(-largestFinite(et)), [all, reduced], true, arith("arith.maxnumf"));
  const num = generic([x, max], out, [all, reduced, all], false, (bb, [a, m]) => bb.value("math.exp", [bb.value("arith.subf", [a, m], et)], et));
  const sum = generic([num], fill(0), [all, reduced], true, arith("arith.addf"));
  const res = generic([num, sum], out, [all, reduced, all], false, arith("arith.divf"));
  if (onTensors) op.result.replaceAllUsesWith(res);
  else for (const t of temps) b.create("memref.dealloc", [t]);
  op.erase();
  return undefined;
}

/** Decomposes the linalg.softmax ops under `root` that `which` picks; false if one could not be (reported to `diag`). */
export function decomposeSoftmaxes(root: Operation, which: (op: Operation) => boolean, diag: DiagnosticSink): boolean {
  const ops: Operation[] = [];
  root.walk((o) => { if (o.name === "linalg.softmax" && which(o)) ops.push(o); });
  let ok = true;
  for (const o of ops) { const err = decomposeSoftmax(o); if (err) { diag.error(o.loc, err); ok = false; } }
  return ok;
}
