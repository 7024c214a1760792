// A structured view of any linalg op (generic or named): inputs, outputs, one indexing map per
// operand, iterator types and a scalar body block. Named ops get MLIR's implicit maps and a
// synthesized body when the parser left their region empty, so the loop lowering and
// bufferization handle every linalg op the same way.
import { AffineMap, dim, type AffineExpr } from "../ir/affine.js";
import { AffineMapAttr, ArrayAttr, Attribute } from "../ir/attributes.js";
import { Builder } from "../ir/builder.js";
import { Block, Operation, Value } from "../ir/core.js";
import { FloatType, ShapedType, elementTypeOf, index } from "../ir/types.js";
import { intList } from "./lower-affine.js";

export interface LinalgView {
  op: Operation;
  inputs: Value[];
  outputs: Value[];
  maps: AffineMap[];
  /** "parallel" | "reduction" per loop dimension. */
  iterators: string[];
  /** Arguments: one scalar per operand; ends with linalg.yield of one value per output. */
  body: Block;
}

const ELEMENTWISE_BINARY: Record<string, [string, string]> = {
  "linalg.add": ["arith.addf", "arith.addi"],
  "linalg.sub": ["arith.subf", "arith.subi"],
  "linalg.mul": ["arith.mulf", "arith.muli"],
  "linalg.div": ["arith.divf", "arith.divsi"],
  "linalg.div_unsigned": ["arith.divf", "arith.divui"],
  "linalg.max": ["arith.maximumf", "arith.maxsi"],
  "linalg.min": ["arith.minimumf", "arith.minsi"],
};
const ELEMENTWISE_UNARY: Record<string, string> = {
  "linalg.exp": "math.exp", "linalg.log": "math.log", "linalg.abs": "math.absf", "linalg.ceil": "math.ceil",
  "linalg.floor": "math.floor", "linalg.negf": "arith.negf", "linalg.sqrt": "math.sqrt", "linalg.rsqrt": "math.rsqrt",
  "linalg.tanh": "math.tanh", "linalg.erf": "math.erf",
};
const MATMUL_LIKE = new Set(["linalg.matmul", "linalg.batch_matmul", "linalg.matvec", "linalg.vecmat", "linalg.dot"]);

export const isLinalgStructured = (op: Operation): boolean =>
  op.name.startsWith("linalg.") && op.name !== "linalg.yield" && op.name !== "linalg.index";

/** Splits operands into ins/outs (operandSegmentSizes, or the op's fixed shape). */
function insOuts(op: Operation): [Value[], Value[]] {
  const seg = intList(op.attr("operandSegmentSizes"));
  if (seg.length === 2) return [op.operands.slice(0, seg[0]), op.operands.slice(seg[0], seg[0] + seg[1])];
  const nOut = op.name === "linalg.generic" ? op.results.length || 1 : 1;
  return [op.operands.slice(0, op.operands.length - nOut), op.operands.slice(op.operands.length - nOut)];
}

const rankOf = (v: Value): number => (v.type instanceof ShapedType ? v.type.rank : 0);
const identityMap = (n: number) => AffineMap.identity(n);
const dims = (n: number, pick: number[]): AffineMap => new AffineMap(n, 0, pick.map((p) => dim(p)));

function iteratorName(a: Attribute): string { return a.str.includes("reduction") ? "reduction" : a.str.includes("window") ? "window" : "parallel"; }

/** MLIR's implicit indexing maps and iterator types of the named ops. */
function namedMaps(op: Operation, ins: Value[], outs: Value[]): { maps: AffineMap[]; iterators: string[] } {
  const n = rankOf(outs[0]);
  const par = (k: number) => Array<string>(k).fill("parallel");
  switch (op.name) {
    case "linalg.matmul": return { maps: [dims(3, [0, 2]), dims(3, [2, 1]), dims(3, [0, 1])], iterators: [...par(2), "reduction"] };
    case "linalg.batch_matmul":
      return { maps: [dims(4, [0, 1, 3]), dims(4, [0, 3, 2]), dims(4, [0, 1, 2])], iterators: [...par(3), "reduction"] };
    case "linalg.matvec": return { maps: [dims(2, [0, 1]), dims(2, [1]), dims(2, [0])], iterators: ["parallel", "reduction"] };
    case "linalg.vecmat": return { maps: [dims(2, [1]), dims(2, [1, 0]), dims(2, [0])], iterators: ["parallel", "reduction"] };
    case "linalg.dot": return { maps: [dims(1, [0]), dims(1, [0]), dims(1, [])], iterators: ["reduction"] };
    case "linalg.fill": return { maps: [dims(n, []), identityMap(n)], iterators: par(n) };
    case "linalg.transpose": {
      // out[d0..] = in[...] where output dim i is input dim perm[i].
      const perm = intList(op.attr("permutation"));
      const inv: number[] = [];
      perm.forEach((p, i) => (inv[p] = i));
      return { maps: [dims(n, inv), identityMap(n)], iterators: par(n) };
    }
    case "linalg.broadcast": {
      const bdims = new Set(intList(op.attr("dimensions")));
      const keep = Array.from({ length: n }, (_, i) => i).filter((i) => !bdims.has(i));
      return { maps: [dims(n, keep), identityMap(n)], iterators: par(n) };
    }
    default:
      // copy, elementwise: identity everywhere (rank-0 scalars for non-shaped inputs).
      return { maps: [...ins, ...outs].map((v) => (v.type instanceof ShapedType ? identityMap(n) : dims(n, []))), iterators: par(n) };
  }
}

/** Builds the scalar body of a named op whose region is empty. */
function synthesizeBody(op: Operation, ins: Value[], outs: Value[]): Block {
  const ets = [...ins, ...outs].map((v) => elementTypeOf(v.type));
  const blk = new Block(ets);
  const b = Builder.atEnd(blk);
  const a = blk.args;
  const outT = ets[ets.length - 1];
  const isF = outT instanceof FloatType;
  let y: Value;
  const cast = (v: Value): Value => (v.type === outT ? v : b.value(isF && v.type instanceof FloatType
    ? (v.type.width < (outT as FloatType).width ? "arith.extf" : "arith.truncf")
    : isF ? "arith.sitofp" : "arith.extsi", [v], outT));
  if (MATMUL_LIKE.has(op.name)) {
    const prod = b.value(isF ? "arith.mulf" : "arith.muli", [cast(a[0]), cast(a[1])], outT);
    y = b.value(isF ? "arith.addf" : "arith.addi", [a[2], prod], outT);
  } else if (op.name in ELEMENTWISE_BINARY) {
    y = b.value(ELEMENTWISE_BINARY[op.name][isF ? 0 : 1], [a[0], a[1]], outT);
  } else if (op.name in ELEMENTWISE_UNARY) {
    y = b.value(ELEMENTWISE_UNARY[op.name], [a[0]], outT);
  } else if (["linalg.fill", "linalg.copy", "linalg.transpose", "linalg.broadcast"].includes(op.name)) {
    y = cast(a[0]);
  } else throw new Error(`'${op.name}' is not a supported linalg op`);
  b.create("linalg.yield", [y]);
  return blk;
}

/** The structured view of `op`, or an error message. */
export function linalgView(op: Operation): LinalgView | string {
  if (op.name === "linalg.map" || op.name === "linalg.reduce") return `'${op.name}' is not supported; use linalg.generic`;
  const [inputs, outputs] = insOuts(op);
  if (!outputs.length) return `'${op.name}' op has no outputs`;
  let maps: AffineMap[], iterators: string[];
  if (op.name === "linalg.generic") {
    const m = op.attr("indexing_maps"), it = op.attr("iterator_types");
    if (!(m instanceof ArrayAttr) || !(it instanceof ArrayAttr)) return "'linalg.generic' op needs indexing_maps and iterator_types";
    maps = m.items.map((x) => (x as AffineMapAttr).map);
    iterators = it.items.map(iteratorName);
  } else {
    const memo = op.attr("indexing_maps") ?? op.attr("linalg.memoized_indexing_maps");
    ({ maps, iterators } = namedMaps(op, inputs, outputs));
    if (memo instanceof ArrayAttr && memo.items.every((x) => x instanceof AffineMapAttr)) maps = memo.items.map((x) => (x as AffineMapAttr).map);
  }
  let body: Block;
  const region = op.regions[0];
  if (region && region.blocks.length && region.blocks[0].ops.length) body = region.blocks[0];
  else {
    try { body = synthesizeBody(op, inputs, outputs); } catch (e) { return (e as Error).message; }
  }
  if (maps.length !== inputs.length + outputs.length) return `'${op.name}' op: expected one indexing map per operand`;
  return { op, inputs, outputs, maps, iterators, body };
}

/** Where each loop dimension's extent comes from: the first operand dimension indexed by it alone. */
export function loopExtents(v: LinalgView): { value: Value; dim: number }[] | string {
  const n = v.iterators.length;
  const operands = [...v.inputs, ...v.outputs];
  const out: { value: Value; dim: number }[] = [];
  for (let d = 0; d < n; d++) {
    let hit: { value: Value; dim: number } | undefined;
    operands.forEach((o, k) => {
      if (hit) return;
      v.maps[k].results.forEach((r: AffineExpr, j) => { if (!hit && r.kind === "dim" && r.pos === d) hit = { value: o, dim: j }; });
    });
    if (!hit) return `loop dimension d${d} of '${v.op.name}' is not the plain index of any operand dimension`;
    out.push(hit);
  }
  return out;
}

/** `memref.dim` or a constant: the size of dimension `d` of a shaped value. */
export function dimSize(b: Builder, v: Value, d: number): Value {
  const t = v.type as ShapedType;
  if (t.shape[d] >= 0) return b.constIndex(t.shape[d]);
  const name = v.type.str.startsWith("tensor") ? "tensor.dim" : "memref.dim";
  return b.value(name, [v, b.constIndex(d)], index);
}
