// vector transpose, outerproduct, contract and multi_reduction, computed as MLIR 19 lowers them
// to LLVM (so floats round alike): an outer product with a float <add> accumulator is one fma per
// element; a matmul or matvec contract <add> sums each dot product from +0.0 and adds the
// accumulator last (MLIR's dot lowering), other contracts fold from the accumulator; a
// multi_reduction folds from the accumulator in row-major order of the reduced elements.
import type { Operation } from "../ir/core.js";
import { FloatType, type Type, VectorType } from "../ir/types.js";
import { contractExtents, contraction, intsProp } from "../dialects/vector-algebra.js";
import { reductionKind } from "../dialects/vector-kind.js";
import { arrayProp } from "../dialects/indexing.js";
import { fusedMultiplyAdd } from "../ir/float.js";
import type { HandlerTable } from "./interpreter.js";
import { floatBinary, intBinary } from "./arith.js";
import { asTensor, combine } from "./vector.js";
import { TensorValue, Trap, canon, forEachIndex, rowMajor, type RtValue, type Scalar } from "./values.js";

const mul = (a: Scalar, b: Scalar, et: Type) => (et instanceof FloatType ? floatBinary("arith.mulf", a as number, b as number, et) : intBinary("arith.muli", a, b, et));
/** A vector result, or its one element when the op yields a scalar. */
const result = (t: Type, data: Scalar[]): RtValue => (t instanceof VectorType ? new TensorValue(t.shape, t.elementType, data) : data[0]);
const dataOf = (v: RtValue): readonly Scalar[] => (v instanceof TensorValue ? v.data : [v as Scalar]);

/** MLIR's dot lowering applies: <add> over a matmul (parallel, parallel, reduction) or matvec (parallel, reduction). */
function dotForm(op: Operation, its: readonly string[]): boolean {
  return reductionKind(op) === "add" && (its.join() === "parallel,parallel,reduction" || its.join() === "parallel,reduction");
}

function contract(op: Operation, [l, r, acc]: RtValue[]): RtValue {
  const c = contraction(op)!, L = asTensor(l), R = asTensor(r), kind = reductionKind(op), et = L.elementType;
  const ext = contractExtents(c.maps, [L.shape, R.shape]) as number[];
  const red = c.iterators.flatMap((it, d) => (it === "reduction" ? [d] : []));
  const outShape = c.maps[2].results.map((e) => ext[e.kind === "dim" ? e.pos : 0]);
  const at = (m: number, point: number[]) => c.maps[m].results.map((e) => point[e.kind === "dim" ? e.pos : 0]);
  const accs = dataOf(acc), dot = dotForm(op, c.iterators), out: Scalar[] = [];
  forEachIndex(outShape, (o) => {
    const point = new Array<number>(ext.length).fill(0);
    c.maps[2].results.forEach((e, i) => { if (e.kind === "dim") point[e.pos] = o[i]; });
    const a0 = accs[rowMajor(outShape, o)];
    let s = dot ? canon(0, et) : a0;
    forEachIndex(red.map((d) => ext[d]), (k) => {
      red.forEach((d, i) => { point[d] = k[i]; });
      const p = mul(L.data[rowMajor(L.shape, at(0, point))], R.data[rowMajor(R.shape, at(1, point))], et);
      s = combine(kind, s, p, et);
    });
    out.push(dot ? combine("add", s, a0, et) : s);
  });
  return result(op.results[0].type, out);
}

export const VECTOR_ALGEBRA: HandlerTable = {
  "vector.transpose": (_i, op, [v]) => {
    const src = asTensor(v), perm = arrayProp(op, "permutation"), t = op.results[0].type as VectorType, data: Scalar[] = [];
    const s = new Array<number>(perm.length);
    forEachIndex(t.shape, (i) => { perm.forEach((p, d) => { s[p] = i[d]; }); data.push(src.data[rowMajor(src.shape, s)]); });
    return [new TensorValue(t.shape, src.elementType, data)];
  },
  "vector.outerproduct": (_i, op, [l, r, acc]) => {
    const L = asTensor(l), et = L.elementType, kind = reductionKind(op), rs = dataOf(r), accs = acc === undefined ? undefined : dataOf(acc);
    const fma = accs && kind === "add" && et instanceof FloatType, data: Scalar[] = [];
    for (const a of L.data) {
      for (const b of rs) {
        const k = data.length;
        data.push(fma ? fusedMultiplyAdd(a as number, b as number, accs[k] as number, et) : accs ? combine(kind, mul(a, b, et), accs[k], et) : mul(a, b, et));
      }
    }
    return [result(op.results[0].type, data)];
  },
  "vector.contract": (_i, op, args) => [contract(op, args)],
  "vector.multi_reduction": (_i, op, [v, acc]) => {
    const src = asTensor(v), dims = intsProp(op, "reduction_dims"), kind = reductionKind(op), et = src.elementType;
    const kept = src.shape.map((_, d) => d).filter((d) => !dims.includes(d)), out = [...dataOf(acc)];
    if (out.length !== Math.max(1, kept.reduce((n, d) => n * src.shape[d], 1))) throw new Trap("vector.multi_reduction: accumulator shape mismatch");
    let k = 0;
    forEachIndex(src.shape, (i) => {
      const o = rowMajor(kept.map((d) => src.shape[d]), kept.map((d) => i[d]));
      out[o] = combine(kind, out[o], src.data[k++], et);
    });
    return [result(op.results[0].type, out)];
  },
};
