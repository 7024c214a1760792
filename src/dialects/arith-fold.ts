// arith's folds that need no constant result (MLIR 19's fold methods): identities such as
// x + 0 -> x, x * 1 -> x, x - x -> 0, addui_extended(x, 0) -> (x, false), mul*_extended(x, 0)
// -> (0, 0), x ^ x -> 0, and(x, and(x, y)) -> and(x, y), max(x, x) -> x,
// negf(negf(x)) -> x, trunci(extsi(x)) -> x, cmpi of equal operands; operand rewrites in place
// (a constant moved right of a cmpi, extsi(extsi(x)) -> extsi(x)) answer the op's own result.
// A zero or one matches a scalar constant or a splat, as MLIR's m_Zero/m_One do.
import { type Attribute, DenseElementsAttr, FloatAttr, IntegerAttr } from "../ir/attributes.js";
import { OpResult, type Operation, type Value } from "../ir/core.js";
import type { FoldResult, Rewriter } from "../ir/dialect.js";
import { FloatType, IntegerType, ShapedType, TensorType, UnrankedTensorType, VectorType, elementTypeOf, i1, type Type } from "../ir/types.js";

/** A constant operand's value when it is a scalar or a splat. */
export function splat(a: Attribute | undefined): number | bigint | undefined {
  if (a instanceof IntegerAttr || a instanceof FloatAttr) return a.value;
  return a instanceof DenseElementsAttr && a.isSplat ? a.values[0] : undefined;
}
/** The bit width of `t`'s integer elements (index: 64). */
export const width = (t: Type): number => { const e = elementTypeOf(t); return e instanceof IntegerType ? e.width : 64; };
/** Integer constant predicates on the operand's bits (index: 64). */
const intIs = (a: Attribute | undefined, t: Type, p: (u: bigint, w: bigint) => boolean): boolean => {
  const v = splat(a);
  if (v === undefined || elementTypeOf(t) instanceof FloatType) return false;
  const w = BigInt(width(t));
  return p(BigInt.asUintN(Number(w), BigInt(v)), w);
};
export const isZero = (a: Attribute | undefined, t: Type) => intIs(a, t, (u) => u === 0n);
const isOne = (a: Attribute | undefined, t: Type) => intIs(a, t, (u) => u === 1n);
const isAllOnes = (a: Attribute | undefined, t: Type) => intIs(a, t, (u, w) => u === (1n << w) - 1n);
const isSMax = (a: Attribute | undefined, t: Type) => intIs(a, t, (u, w) => u === (1n << (w - 1n)) - 1n);
const isSMin = (a: Attribute | undefined, t: Type) => intIs(a, t, (u, w) => u === 1n << (w - 1n));
const floatIs = (a: Attribute | undefined, p: (x: number) => boolean) => { const v = splat(a); return typeof v === "number" && p(v); };

/** The zero of `t` (an integer or float scalar, or a splat of a static shape). */
export function zeroAttr(t: Type): Attribute | undefined {
  const e = elementTypeOf(t);
  if (t instanceof ShapedType) return t.hasStaticShape ? new DenseElementsAttr(t, [e instanceof IntegerType && e.width > 32 ? 0n : 0], true) : undefined;
  return e instanceof FloatType ? new FloatAttr(0, t) : new IntegerAttr(0n, t);
}

/** i1 of `t`'s shape (MLIR's getI1SameShape): the result type of a comparison. */
export const boolLike = (t: Type): Type => (t instanceof VectorType ? VectorType.get(t.shape, i1, t.scalableDims) : t instanceof TensorType ? TensorType.get(t.shape, i1, t.encoding)
  : t instanceof UnrankedTensorType ? UnrankedTensorType.get(i1) : i1);

/** The op named `name` that defines `v`, if one does. */
export const def = (v: Value, name: string): Operation | undefined => (v instanceof OpResult && v.op.name === name ? v.op : undefined);

/** `op`'s fold without constant arithmetic, or undefined. */
export function foldIdentity(op: Operation, c: readonly (Attribute | undefined)[]): FoldResult[] | undefined {
  const [x, y] = op.operands, t = op.results[0].type, [, cy] = c;
  const one = (v: FoldResult | undefined) => (v === undefined ? undefined : [v]);
  switch (op.name) {
    case "arith.addi":
      if (isZero(cy, t)) return [x];
      if (def(x, "arith.subi")?.operand(1) === y) return [def(x, "arith.subi")!.operand(0)]; // (a - b) + b
      if (def(y, "arith.subi")?.operand(1) === x) return [def(y, "arith.subi")!.operand(0)]; // b + (a - b)
      return undefined;
    case "arith.subi": {
      if (x === y) return one(zeroAttr(t));
      if (isZero(cy, t)) return [x];
      const add = def(x, "arith.addi");
      if (add?.operand(1) === y) return [add.operand(0)]; // (a + b) - b
      if (add?.operand(0) === y) return [add.operand(1)]; // (a + b) - a
      return undefined;
    }
    case "arith.muli": return isZero(cy, t) ? [y] : isOne(cy, t) ? [x] : undefined;
    case "arith.addui_extended": { // the sum is x, and no carry
      const no = zeroAttr(op.results[1].type);
      return isZero(cy, t) && no ? [x, no] : undefined;
    }
    case "arith.mulsi_extended": return isZero(cy, t) ? [cy!, cy!] : undefined;
    case "arith.mului_extended": { // x * 1: no high half (unsigned; mulsi_extended's is x's sign, a pattern)
      const no = zeroAttr(t);
      return isZero(cy, t) ? [cy!, cy!] : isOne(cy, t) && no ? [x, no] : undefined;
    }
    case "arith.divsi": case "arith.divui": case "arith.ceildivsi": case "arith.ceildivui": case "arith.floordivsi":
      return isOne(cy, t) ? [x] : undefined;
    case "arith.remsi": case "arith.remui": return isOne(cy, t) ? one(zeroAttr(t)) : undefined;
    case "arith.andi": {
      if (x === y) return [x]; // (Idempotent)
      if (isZero(cy, t)) return [y];
      if (isAllOnes(cy, t)) return [x];
      const not = (v: Value, of: Value) => { const n = def(v, "arith.xori"); return n?.operand(0) === of && isAllOnes(constOf(n.operand(1)), t); };
      if (not(y, x) || not(x, y)) return one(zeroAttr(t));
      for (const [prev, other] of [[x, y], [y, x]] as const) { // and(a, and(a, b)) -> and(a, b)
        const p = def(prev, "arith.andi");
        if (p && (other === p.operand(0) || other === p.operand(1))) return [prev];
      }
      return undefined;
    }
    case "arith.ori": {
      if (x === y) return [x]; // (Idempotent)
      if (isZero(cy, t)) return [x];
      if (isAllOnes(cy, t)) return [cy!]; // (the attribute, as MLIR's: materialized anew)
      for (const [a, b] of [[x, y], [y, x]] as const) { // or(x, xor(x, -1)) -> -1
        const n = def(b, "arith.xori");
        if (n?.operand(0) === a && isAllOnes(constOf(n.operand(1)), t)) return [n.operand(1)];
      }
      return undefined;
    }
    case "arith.xori": {
      if (isZero(cy, t)) return [x];
      if (x === y) return one(zeroAttr(t));
      const l = def(x, "arith.xori"), r = def(y, "arith.xori");
      if (l?.operand(1) === y) return [l.operand(0)]; // xor(xor(x, a), a)
      if (l?.operand(0) === y) return [l.operand(1)]; // xor(xor(a, x), a)
      if (r?.operand(1) === x) return [r.operand(0)]; // xor(a, xor(x, a))
      if (r?.operand(0) === x) return [r.operand(1)]; // xor(a, xor(a, x))
      return undefined;
    }
    case "arith.shli": case "arith.shrsi": case "arith.shrui": return isZero(cy, t) ? [x] : undefined;
    case "arith.maxsi": return x === y ? [x] : isSMax(cy, t) ? [y] : isSMin(cy, t) ? [x] : undefined;
    case "arith.minsi": return x === y ? [x] : isSMin(cy, t) ? [y] : isSMax(cy, t) ? [x] : undefined;
    case "arith.maxui": return x === y ? [x] : isAllOnes(cy, t) ? [y] : isZero(cy, t) ? [x] : undefined;
    case "arith.minui": return x === y ? [x] : isZero(cy, t) ? [y] : isAllOnes(cy, t) ? [x] : undefined;
    case "arith.addf": return floatIs(cy, (v) => Object.is(v, -0)) ? [x] : undefined;
    case "arith.subf": return floatIs(cy, (v) => Object.is(v, 0)) ? [x] : undefined;
    case "arith.mulf": case "arith.divf": return floatIs(cy, (v) => v === 1) ? [x] : undefined;
    // (maxnumf(NaN, -inf) is -inf: x is the answer for maxnumf/minnumf only when x is known not NaN,
    // which MLIR 19's fold assumes; LLVM's InstSimplify requires nnan for it)
    case "arith.maximumf": return x === y || floatIs(cy, (v) => v === -Infinity) ? [x] : undefined;
    case "arith.minimumf": return x === y || floatIs(cy, (v) => v === Infinity) ? [x] : undefined;
    case "arith.maxnumf": case "arith.minnumf": return x === y ? [x] : undefined;
    case "arith.negf": { const n = def(x, "arith.negf"); return n ? [n.operand(0)] : undefined; }
    case "arith.bitcast": return x.type === t ? [x] : undefined;
    case "arith.extsi": case "arith.extui": { // ext(ext(a)) -> ext(a)
      const inner = def(x, op.name);
      if (!inner) return undefined;
      op.setOperand(0, inner.operand(0));
      return [op.result];
    }
    case "arith.trunci": {
      const ext = def(x, "arith.extsi") ?? def(x, "arith.extui"), tr = def(x, "arith.trunci");
      const src = ext?.operand(0) ?? tr?.operand(0);
      if (!src) return undefined;
      if (src.type === t) return ext ? [src] : undefined;
      if (tr || width(src.type) > width(t)) { op.setOperand(0, src); return [op.result]; } // trunci(ext(a)) or trunci(trunci(a)) -> trunci(a)
      return undefined;
    }
  }
  return undefined;
}

/** The attribute of a constant `v`, if it is one. */
function constOf(v: Value): Attribute | undefined {
  return v instanceof OpResult && v.op.name === "arith.constant" ? v.op.attr("value") : undefined;
}

/** The extension an index cast may look through (MLIR's IndexCastOfExtSI, IndexCastUIOfExtUI). */
const THROUGH: Record<string, string> = { "arith.index_cast": "arith.extsi", "arith.index_castui": "arith.extui" };
/**
 * MLIR's cast-of-cast patterns: index_cast(index_cast(x)) and bitcast(bitcast(x)) are x where
 * the types meet (and the same for index_castui); index_cast(extsi(x)) is index_cast(x).
 */
export function castOfCast(op: Operation, rw: Rewriter): boolean {
  const inner = def(op.operand(0), op.name);
  if (inner && inner.operand(0).type === op.result.type) { rw.replaceOp(op, [inner.operand(0)]); return true; }
  if (inner && op.name === "arith.bitcast") { op.setOperand(0, inner.operand(0)); return true; } // bitcast(bitcast(x)) -> bitcast(x)
  const ext = THROUGH[op.name] && def(op.operand(0), THROUGH[op.name]);
  if (!ext) return false;
  op.setOperand(0, ext.operand(0));
  return true;
}

