// memref layouts as strides and an offset (MLIR's getStridesAndOffset): shared by the memref
// ops' verifiers and the passes that build views.
import { AffineMapAttr, StridedLayoutAttr } from "../ir/attributes.js";
import type { AffineExpr, AffineMap } from "../ir/affine.js";
import { symbolic } from "../ir/affine-simplify.js";
import { DYN, type MemRefType } from "../ir/types.js";

/**
 * Strides and offset of a ranked memref: its strided layout, row-major for the identity layout,
 * a strided-form affine map's (stridedForm), and all unknown (DYN) for other affine maps.
 */
export function stridesAndOffset(t: MemRefType): { strides: number[]; offset: number } {
  if (t.layout instanceof StridedLayoutAttr) return { strides: [...t.layout.strides], offset: t.layout.offset };
  if (t.layout) return (t.layout instanceof AffineMapAttr && stridedForm(t.layout.map)) || { strides: t.shape.map(() => DYN), offset: DYN };
  // (MLIR's makeCanonicalStridedLayoutExpr: a size 0 makes the strides outside it dynamic, as a
  // `?` does: memref<2x0xf32> is strided<[?, 1]>)
  const strides: number[] = new Array(t.rank).fill(1);
  for (let i = t.rank - 2; i >= 0; i--) {
    const inner = t.shape[i + 1], s = strides[i + 1];
    strides[i] = inner === DYN || inner === 0 || s === DYN ? DYN : inner * s;
  }
  return { strides, offset: 0 };
}

/**
 * MLIR's `getLayout().isIdentity()`: no layout, or one whose map is the identity (a 1-D
 * `strided<[1]>`; a multi-dim strided layout's map is one sum, never the identity).
 */
export function hasIdentityLayout(t: MemRefType): boolean {
  const l = t.layout;
  if (!l) return true;
  if (l instanceof StridedLayoutAttr) return t.rank === 1 && l.offset === 0 && l.strides[0] === 1;
  return l instanceof AffineMapAttr && l.map.numSyms === 0 && l.map.results.length === l.map.numDims && l.map.results.every((e, i) => e.kind === "dim" && e.pos === i);
}

/** Whether a ranked memref's layout is strided (MLIR's isStrided): strided, identity, or a map stridedForm reads. */
export function isStrided(t: MemRefType): boolean {
  return !(t.layout instanceof AffineMapAttr) || !!stridedForm(t.layout.map);
}

/**
 * The strides and offset of a one-result map `sum(d_i * stride_i) + offset` (MLIR's
 * getStridesAndOffset): a coefficient or offset holding a symbol is dynamic; undefined for
 * other maps (several results, a dim times a dim, a dim under mod/floordiv/ceildiv).
 */
function stridedForm(map: AffineMap): { strides: number[]; offset: number } | undefined {
  if (map.results.length !== 1) return undefined;
  const add = (a: number, b: number) => (a === DYN || b === DYN ? DYN : a + b);
  const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : a === DYN || b === DYN ? DYN : a * b);
  type Lin = { strides: number[]; offset: number };
  const walk = (e: AffineExpr): Lin | undefined => {
    const zero = (): Lin => ({ strides: new Array(map.numDims).fill(0), offset: 0 });
    if (e.kind === "dim") { const l = zero(); l.strides[e.pos] = 1; return l; }
    if (e.kind === "const") return { ...zero(), offset: e.value };
    if (symbolic(e)) return { ...zero(), offset: DYN };
    if (e.kind === "add") {
      const a = walk(e.lhs), b = walk(e.rhs);
      return a && b && { strides: a.strides.map((x, i) => add(x, b.strides[i])), offset: add(a.offset, b.offset) };
    }
    if (e.kind !== "mul") return undefined;
    const [l, k] = symbolic(e.lhs) ? [e.rhs, e.lhs] : symbolic(e.rhs) ? [e.lhs, e.rhs] : [];
    const f = l && walk(l), c = k?.kind === "const" ? k.value : DYN;
    return f && { strides: f.strides.map((x) => mul(x, c)), offset: mul(f.offset, c) };
  };
  return walk(map.results[0]);
}
