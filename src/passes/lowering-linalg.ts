// A structured view of any linalg op (generic or named) for the loop lowering and
// bufferization: inputs, outputs, one indexing map per operand, iterator types and the scalar
// body block. The facts come from the linalg dialect's helpers (dialects/linalg-info.ts); ops
// whose region is empty (transpose/broadcast as some parsers leave them) get a pass-through body.
import { AffineMap, type AffineExpr } from "../ir/affine.js";
import { Builder } from "../ir/builder.js";
import { Block, Operation, Value } from "../ir/core.js";
import { DYN, ShapedType, elementTypeOf, index } from "../ir/types.js";
import {
  NAMED_OPS, buildNamedBody, indexingMaps, inputs as insOf, isStructuredOp, iteratorTypes, outputs as outsOf,
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
  else if (op.name in NAMED_OPS) body = buildNamedBody(op.name, [...inputs, ...outputs].map((v) => v.type)).blocks[0];
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
