// memref's canonicalization patterns (the common ones of MLIR 19's), for --canonicalize:
//   alloc/alloca      one only stored into and deallocated goes with those users; constant sizes
//                     become static (cast back);
//   dim               of a static size, or of the size operand an alloc, view, subview or
//                     reinterpret_cast was made with; rank: a constant;
//   subview           constant offsets, sizes and strides become static; of a cast that only
//                     forgets, of the cast's source (both cast back to the old type); one that takes
//                     all of its source is it (or a cast of it), as is a no-op subview of a subview;
//   reinterpret_cast  of a reinterpret_cast, a cast or a subview at offset 0: of their source; one
//                     that changes nothing is its source;
//   collapse_shape/expand_shape  one that changes nothing, or undoes the reshape it reads, is its
//                     source; two of a kind are one, and a collapse and an expand compose where
//                     the groups allow; a collapse of a cast that only forgets reads the cast's
//                     source (cast back);
//   copy, dealloc, load, store, cast, dim  of a memref.cast read the cast's source; a copy onto
//                     itself, or to or from an empty memref, goes.
import { AffineMapAttr, IntegerAttr, StridedLayoutAttr, intAttr, type Attribute } from "../ir/attributes.js";
import { AffineMap, dim } from "../ir/affine.js";
import { Builder } from "../ir/builder.js";
import { OpResult, Operation, type Region, type Value } from "../ir/core.js";
import type { OpSpec, Rewriter } from "../ir/dialect.js";
import { DYN, MemRefType, TensorType, index, type Type } from "../ir/types.js";
import {
  type OpFoldResult, anyConstantIndex, producer, collapseGroups, composeReassociations, i64Array, foldConstantLists, knownInt, reassociationAttr, replaceCastBack, replaceCasting, sameLists, sliceLike, staticSizes, staticsOf, takesAll,
} from "./indexing.js";
import {
  castCompatible, castWidens, foldMemRefCast, foldMemRefCastWhere, inferSubviewType, mixedList, reassociation, segment, segmentSizes, staticList,
} from "./memref-parts.js";
import { stridesAndOffset } from "./memref-layout.js";
import { permutation } from "./memref-more.js";

const viewLists = (op: Operation) => [mixedList(op, "offsets"), mixedList(op, "sizes"), mixedList(op, "strides")];

const deadAlloc = (op: Operation, rw: Rewriter): boolean => {
  const users = op.result.users;
  if (users.some((u) => u.name === "memref.store" ? u.operand(0) === op.result : u.name !== "memref.dealloc")) return false;
  for (const u of users) rw.replaceOp(u, []);
  rw.replaceOp(op, []);
  return true;
};
/** MLIR's SimplifyAllocConst: dynamic sizes given by constants become static, the layout kept, cast back to the old type. */
function allocConstSizes(op: Operation, rw: Rewriter): boolean {
  const t = op.result.type as MemRefType, syms = segment(op, 1), s = staticSizes(t.shape, segment(op, 0));
  if ((t.layout && !(t.layout instanceof StridedLayoutAttr)) || !s) return false;
  return replaceCastBack(op, rw, new Operation({ name: op.name, operands: [...s.sizes, ...syms], resultTypes: [MemRefType.get(s.shape, t.elementType, t.layout, t.memorySpace)],
    attributes: { ...Object.fromEntries(op.attributes), operandSegmentSizes: segmentSizes(s.sizes.length, syms.length) }, loc: op.loc }), "memref.cast");
}

/**
 * Which dims of `src` a subview with `sizes` to `res` drops (MLIR's computeMemRefRankReductionMask):
 * its static unit sizes, and where more are 1 than the ranks differ by, those whose stride the
 * result has fewer of; undefined if that does not add up.
 */
export function droppedDims(src: MemRefType, res: MemRefType, sizes: readonly OpFoldResult[]): boolean[] | undefined {
  const out = sizes.map((s) => src.rank !== res.rank && s === 1);
  const count = () => out.filter(Boolean).length;
  if (src.rank === res.rank || count() + res.rank === src.rank) return out;
  const tally = (xs: readonly number[]) => { const m = new Map<number, number>(); for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1); return m; };
  const strides = stridesAndOffset(src).strides, left = tally(strides), kept = tally(stridesAndOffset(res).strides);
  for (let d = 0; d < out.length; d++) {
    if (!out[d]) continue;
    const l = left.get(strides[d]) ?? 0, k = kept.get(strides[d]) ?? 0;
    if (l > k) left.set(strides[d], l - 1);
    else if (l === k) out[d] = false;
    else return undefined;
  }
  return count() + res.rank === src.rank ? out : undefined;
}

/** The type of `op` (a subview) rebuilt on a source of type `src` with `lists`, dropping the dims `op` drops. */
function subviewType(op: Operation, src: MemRefType, lists: readonly OpFoldResult[][]): MemRefType | undefined {
  const drop = droppedDims(op.operand(0).type as MemRefType, op.result.type as MemRefType, mixedList(op, "sizes"));
  const [o, sz, st] = lists.map(staticsOf);
  // MLIR's inferResultType refuses negative offsets and sizes and zero strides (negative strides are valid)
  if (!drop || [...o, ...sz].some((v) => v < 0 && v !== DYN) || st.some((v) => v === 0)) return undefined;
  const full = inferSubviewType(src, o, sz, st), { strides, offset } = stridesAndOffset(full);
  const keep = (_: number, i: number) => !drop[i];
  return MemRefType.get(full.shape.filter(keep), full.elementType, new StridedLayoutAttr(strides.filter(keep), offset), full.memorySpace);
}
/** A subview like `op` of `src` with `lists`, cast back to `op`'s type (MLIR's SubViewCanonicalizer). */
function rebuildSubview(op: Operation, rw: Rewriter, src: Value, lists: readonly OpFoldResult[][]): boolean {
  const t = subviewType(op, src.type as MemRefType, lists);
  return !!t && replaceCasting(op, rw, sliceLike(op, [src], lists, t).result, "memref.cast");
}
function canonicalizeSubview(op: Operation, rw: Rewriter): boolean {
  const lists = viewLists(op), folded = foldConstantLists(lists, [true, true, false]);
  if (folded) return rebuildSubview(op, rw, op.operand(0), folded);
  const cast = producer(op.operand(0), "memref.cast");
  if (cast && !anyConstantIndex(op) && castWidens(cast.operand(0).type, cast.result.type) && rebuildSubview(op, rw, cast.operand(0), lists)) return true;
  // All of the source, at unit strides: the source itself, or cast to the layout the result spells out
  const src = op.operand(0).type as MemRefType;
  return src.rank === (op.result.type as MemRefType).rank && takesAll(lists, src.shape) && replaceCasting(op, rw, op.operand(0), "memref.cast");
}
const staticLayout = (t: MemRefType) => !(t.layout instanceof StridedLayoutAttr) || [t.layout.offset, ...t.layout.strides].every((x) => x !== DYN);
function foldSubview(op: Operation): Value[] | undefined {
  const src = op.operand(0), t = op.result.type as MemRefType;
  // (MLIR 19 folds a dynamic offset or stride away too, which moves the view: the layout must be static, as later MLIR has it)
  if (src.type !== t) return undefined;
  if (t.hasStaticShape && staticLayout(t)) return [src];
  const inner = producer(src, "memref.subview"), [offsets, sizes, strides] = viewLists(op);
  const noop = offsets.every((v) => knownInt(v) === 0) && strides.every((v) => knownInt(v) === 1);
  return inner && noop && sameLists(sizes, mixedList(inner, "sizes")) ? [src] : undefined;
}

function foldReinterpretCast(op: Operation): Value[] | undefined {
  const src = op.operand(0), d = src instanceof OpResult ? src.op : undefined;
  const prev = d?.name === "memref.reinterpret_cast" || d?.name === "memref.cast" ? d.operand(0)
    : d?.name === "memref.subview" && mixedList(d, "offsets").every((v) => knownInt(v) === 0) ? d.operand(0) : undefined;
  if (prev) { op.setOperand(0, prev); return [op.result]; }
  return (op.result.type as MemRefType).hasStaticShape && src.type === op.result.type && staticList(op, "static_offsets")[0] === 0 ? [src] : undefined;
}

/** The size operand a dynamic dimension `k` of `m` was made with: alloc, alloca, view, subview, reinterpret_cast. */
function dynamicSizeOf(m: Value, k: number): Value | undefined {
  const t = m.type as MemRefType, d = m instanceof OpResult ? m.op : undefined, nth = t.shape.slice(0, k).filter((x) => x === DYN).length;
  if (d?.name === "memref.alloc" || d?.name === "memref.alloca") return segment(d, 0)[nth];
  if (d?.name === "memref.view") return d.operands.slice(2)[nth];
  if (d?.name !== "memref.subview" && d?.name !== "memref.reinterpret_cast") return undefined;
  let i = k; // the size that gives result dim k: past the dims a rank-reducing subview drops
  if (d.name === "memref.subview") {
    const drop = droppedDims(d.operand(0).type as MemRefType, t, mixedList(d, "sizes"));
    if (!drop) return undefined;
    for (let seen = -1, j = 0; j < drop.length; j++) if (!drop[j] && ++seen === k) { i = j; break; }
  }
  const sizes = staticList(d, "static_sizes");
  return sizes[i] === DYN ? segment(d, 2)[sizes.slice(0, i).filter((x) => x === DYN).length] : undefined;
}

/**
 * A reshape that changes nothing, or undoes the reshape (`inverse`) it reads, is its source
 * (MLIR's foldReshapeOp). Undoing takes the source's type and, with two dynamic sizes or more,
 * the same groups (a collapse [[0], [1], [2, 3]] of an expand [[0, 1], [2], [3]] is no undoing),
 * and for an expand of a collapse at most one dynamic size per group (the output sizes are
 * otherwise not known to be the source's).
 */
export function foldReshape(op: Operation, inverse: string): Value[] | undefined {
  const src = op.operand(0), back = producer(src, inverse), t = op.result.type as MemRefType | TensorType;
  if (src.type === t) return [src];
  if (!back || back.operand(0).type !== t) return undefined;
  if (t.shape.filter((d) => d === DYN).length < 2) return [back.operand(0)];
  const groups = reassociation(op), same = JSON.stringify(groups) === JSON.stringify(reassociation(back));
  const expanding = op.name.endsWith("expand_shape");
  return same && (!expanding || groups!.every((g) => g.filter((d) => t.shape[d] === DYN).length <= 1)) ? [back.operand(0)] : undefined;
}
/**
 * A reshape of a reshape of its kind is one (MLIR's ComposeReassociativeReshapeOps), the outer
 * one's output shape kept; `groups` reads an op's reassociation.
 */
export function composeReshapes(op: Operation, rw: Rewriter, groups: (op: Operation) => number[][] | undefined): boolean {
  const inner = producer(op.operand(0), op.name), plain = (v: Value) => !(v.type as MemRefType).layout;
  if (!inner || ![inner.operand(0), op.operand(0), op.result].every(plain)) return false;
  const [a, b] = [groups(inner), groups(op)], composed = a && b && composeReassociations(a, b);
  if (!composed) return false;
  const made = Builder.before(op).create(op.name, [inner.operand(0), ...op.operands.slice(1)], [op.result.type],
    { ...Object.fromEntries(op.attributes), reassociation: reassociationAttr(composed) });
  rw.replaceOp(op, [made.result]);
  return true;
}
/** The shape a collapse with `groups` makes of `shape` (MLIR's inferCollapsedType): a group's product, dynamic if any size in it is. */
export const collapsedShape = (shape: readonly number[], groups: readonly number[][]) =>
  groups.map((g) => g.reduce((n, d) => (n === DYN || shape[d] === DYN ? DYN : n * shape[d]), 1));
/** MLIR's CollapseShapeOpMemRefCastFolder, for identity layouts: a collapse of a cast that only forgets collapses the cast's source. */
function collapseOfCast(op: Operation, rw: Rewriter): boolean {
  const cast = producer(op.operand(0), "memref.cast"), groups = reassociation(op);
  const src = cast?.operand(0).type;
  if (!cast || !groups || !(src instanceof MemRefType) || src.layout || !castWidens(src, cast.result.type)) return false;
  const t = MemRefType.get(collapsedShape(src.shape, groups), src.elementType, undefined, src.memorySpace);
  if (t === op.result.type) { op.setOperand(0, cast.operand(0)); return true; }
  const made = Builder.before(op).create(op.name, [cast.operand(0)], [t], { reassociation: op.attr("reassociation")! });
  return replaceCasting(op, rw, made.result, "memref.cast");
}

/**
 * MLIR's ComposeCollapseOfExpandOp: a collapse_shape of an expand_shape (identity layouts) is one
 * reshape of the source where the groups line up, or a cast where the ranks agree.
 */
export function collapseOfExpand(op: Operation, rw: Rewriter, expandName: string, castName: string): boolean {
  const ex = producer(op.operand(0), expandName), plain = (t: Type) => t instanceof TensorType || (t instanceof MemRefType && (!t.layout || isIdentityLayout(t)));
  if (!ex || !plain(ex.operand(0).type) || !plain(ex.result.type)) return false;
  const src = ex.operand(0).type as MemRefType | TensorType, res = op.result.type as MemRefType | TensorType;
  const [eg, cg] = [reassociation(ex), reassociation(op)];
  // (to an expand_shape only of a static shape: a dynamic output_shape MLIR 19 infers with new ops)
  if (src === res || !eg || !cg || (src.rank < res.rank && !res.hasStaticShape)) return false;
  const [higher, lower] = src.rank > res.rank ? [eg, cg] : [cg, eg], composed: number[][] = [];
  let h = 0;
  for (const l of lower) {
    const group: number[] = [];
    while (h < higher.length) {
      const last = higher[h][higher[h].length - 1];
      if (last > l[l.length - 1]) return false;
      group.push(h++);
      if (last === l[l.length - 1]) break;
    }
    composed.push(group);
  }
  const name = src.rank > res.rank ? op.name : src.rank < res.rank ? expandName : castName;
  const attributes: Record<string, Attribute> = name === castName ? {} : { reassociation: reassociationAttr(composed) };
  if (name === expandName) attributes.static_output_shape = i64Array(res.shape);
  const made = Builder.before(op).create(name, [ex.operand(0)], [res], attributes);
  rw.replaceOp(op, [made.result]);
  return true;
}
/**
 * MLIR's ComposeExpandOfCollapseOp: an expand_shape of a collapse_shape (identity layouts) is one
 * reshape of the source where each collapsed group splits anew into whole groups of the other
 * side (an expand keeps its output_shape); a group the same size on both sides stops it, as in MLIR 19.
 */
export function expandOfCollapse(op: Operation, rw: Rewriter, collapseName: string): boolean {
  const col = producer(op.operand(0), collapseName), plain = (t: Type) => t instanceof TensorType || (t instanceof MemRefType && (!t.layout || isIdentityLayout(t)));
  if (!col || !plain(col.operand(0).type) || !plain(op.operand(0).type)) return false;
  const src = col.operand(0).type as MemRefType | TensorType, res = op.result.type as MemRefType | TensorType;
  const [cg, eg] = [reassociation(col), reassociation(op)];
  if (src === res || !cg || !eg) return false;
  const collapsing = src.rank > res.rank;
  const [fromG, toG, from, to] = collapsing ? [cg, eg, src.shape, res.shape] : [eg, cg, res.shape, src.shape];
  let composed: number[][] | undefined = [];
  if (!fromG.length) composed = collapseGroups(from, to);
  else for (let i = 0; i < fromG.length && composed; i++) {
    const [f, t] = [fromG[i], toG[i]], sub = collapseGroups(from.slice(f[0], f[0] + f.length), to.slice(t[0], t[0] + t.length));
    if (!sub) composed = undefined;
    else composed.push(...sub.map((g) => g.map((k) => f[0] + k)));
  }
  if (!composed) return false;
  const attributes: Record<string, Attribute> = { reassociation: reassociationAttr(composed) };
  if (!collapsing) attributes.static_output_shape = op.attr("static_output_shape")!;
  const made = Builder.before(op).create(collapsing ? collapseName : op.name, [col.operand(0), ...(collapsing ? [] : op.operands.slice(1))], [res], attributes);
  rw.replaceOp(op, [made.result]);
  return true;
}
/** A strided layout that is the identity: offset 0, the row-major strides, all static (`strided<[?, 1]>` is none). */
function isIdentityLayout(t: MemRefType): boolean {
  if (!(t.layout instanceof StridedLayoutAttr) || t.layout.offset !== 0) return false;
  const rowMajor = stridesAndOffset(MemRefType.get(t.shape, t.elementType)).strides;
  return t.layout.strides.every((s, i) => s !== DYN && s === rowMajor[i]);
}

/** MLIR's TransposeOp::fold: an identity permutation of its own type is the source; a transpose of a transpose is one. */
function foldTranspose(op: Operation): Value[] | undefined {
  const perm = permutation(op), src = op.operand(0);
  if (perm.every((p, i) => p === i) && src.type === op.result.type) return [src];
  const inner = producer(src, "memref.transpose");
  if (!inner) return undefined;
  const pin = permutation(inner);
  op.setOperand(0, inner.operand(0));
  op.attributes.set("permutation", new AffineMapAttr(new AffineMap(perm.length, 0, perm.map((p) => dim(pin[p])))));
  return [op.result];
}

/** The offset, sizes and strides a memref's type fixes (DYN where it does not), as extract_strided_metadata's results give them. */
function metadataOf(t: MemRefType): number[] {
  const { strides, offset } = stridesAndOffset(t);
  return [offset, ...t.shape, ...strides];
}
/** MLIR's ExtractStridedMetadataOp::fold: the results the source type fixes are read as constants. */
function constantMetadata(op: Operation, rw: Rewriter): boolean {
  const known = metadataOf(op.operand(0).type as MemRefType);
  let changed = false;
  op.results.slice(1).forEach((r, i) => {
    if (known[i] === DYN || !r.hasUses) return;
    r.replaceAllUsesWith(rw.constant(op, intAttr(known[i], index), index));
    changed = true;
  });
  return changed;
}
/**
 * MLIR's ReinterpretCastOpExtractStridedMetadataFolder: a reinterpret_cast that puts back the
 * offset, sizes and strides extract_strided_metadata took is its source (cast to its type).
 */
function reinterpretOfMetadata(op: Operation, rw: Rewriter): boolean {
  const ex = producer(op.operand(0), "memref.extract_strided_metadata");
  if (!ex) return false;
  const src = ex.operand(0), known = metadataOf(src.type as MemRefType);
  const mine = [...mixedList(op, "offsets"), ...mixedList(op, "sizes"), ...mixedList(op, "strides")];
  // each side constified: a constant or static value as a number, else the value itself
  const theirs = known.map((k, i): OpFoldResult => (k !== DYN ? k : ex.results[i + 1]));
  if (mine.length !== theirs.length || mine.some((v, i) => (knownInt(v) ?? v) !== theirs[i])) return false;
  return replaceCasting(op, rw, src, "memref.cast");
}

/**
 * MLIR's DimOfMemRefReshape: a dim of a memref.reshape is the shape operand's element, loaded
 * right after the reshape (the shape may be written later), where the index is known by then.
 */
function dimOfReshape(op: Operation, rw: Rewriter): boolean {
  const reshape = producer(op.operand(0), "memref.reshape"), i = op.operand(1);
  if (!reshape) return false;
  const def = i instanceof OpResult ? i.op : undefined, rb = reshape.parent!;
  if (i.definingBlock === rb) {
    if (def && rb.ops.indexOf(def) > rb.ops.indexOf(reshape)) return false;
  } else if (op.parent !== rb && !properAncestor(i.definingBlock?.parent, rb.parent)) return false;
  const b = Builder.after(reshape);
  let v = b.value("memref.load", [reshape.operand(1), i], (reshape.operand(1).type as MemRefType).elementType);
  if (v.type !== index) v = b.value("arith.index_cast", [v], index);
  rw.replaceOp(op, [v]);
  return true;
}
/** Whether region `outer` holds region `inner`, not being it. */
function properAncestor(outer: Region | null | undefined, inner: Region | null | undefined): boolean {
  for (let r = inner?.parent?.parent?.parent; r; r = r.parent?.parent?.parent) if (r === outer) return true;
  return false;
}

/**
 * cast(cast(x)) casts x, where x's type may be cast to the result's: mlir-opt-19 folds even 3x5
 * to 3x? to 3x1 into a cast of 3x5 to 3x1, which does not verify (a wrong size behind a check).
 */
const castOfCast = (op: Operation): boolean => {
  const src = op.operand(0);
  return src instanceof OpResult && src.op.name === "memref.cast" && castCompatible(src.op.operand(0).type, op.result.type) && foldMemRefCast(op);
};

/** A copy takes its operands' cast sources where their static sizes then agree. */
const copyOfCasts = (op: Operation): boolean => foldMemRefCastWhere(op, (o) => {
  const [a, b] = o.operands.map((v) => v.type);
  return !(a instanceof MemRefType && b instanceof MemRefType) || a.shape.every((n, i) => n === DYN || b.shape[i] === DYN || n === b.shape[i]);
}, true);

/** A memref with no elements: a copy to or from it does nothing (MLIR's FoldEmptyCopy). */
const empty = (v: Value) => v.type instanceof MemRefType && v.type.shape.includes(0);
const cstIndex = (a: Attribute | undefined): number | undefined => (a instanceof IntegerAttr ? Number(a.value) : undefined);
export const MEMREF_PATTERNS: Record<string, Pick<OpSpec, "fold" | "canonicalize">> = {
  "memref.rank": { fold: (op) => (op.operand(0).type instanceof MemRefType ? [intAttr((op.operand(0).type as MemRefType).rank, index)] : undefined) },
  "memref.dim": {
    fold(op, consts) { // a static size; the size a dynamic one was allocated or viewed with
      const t = op.operand(0).type, k = cstIndex(consts[1]);
      if (!(t instanceof MemRefType) || k === undefined || k < 0 || k >= t.rank) return undefined;
      if (t.shape[k] !== DYN) return [intAttr(t.shape[k], index)];
      const v = dynamicSizeOf(op.operand(0), k);
      return v && [v];
    },
    canonicalize(op, rw) { // dim(cast) -> dim, at a known index (as MLIR's fold)
      const i = op.operand(1);
      return (i instanceof OpResult && i.op.name === "arith.constant" && foldMemRefCast(op)) || dimOfReshape(op, rw);
    },
  },
  "memref.copy": { canonicalize: (op, rw) => copyOfCasts(op) || ((op.operand(0) === op.operand(1) || op.operands.some(empty)) && (rw.replaceOp(op, []), true)) },
  "memref.dealloc": { canonicalize: (op) => foldMemRefCast(op) },
  "memref.load": { canonicalize: (op) => foldMemRefCast(op) },
  "memref.store": { canonicalize: (op) => foldMemRefCast(op) },
  "memref.cast": { canonicalize: castOfCast, fold: (op) => (op.operand(0).type === op.result.type ? [op.operand(0)] : undefined) },
  "memref.alloc": { canonicalize: (op, rw) => deadAlloc(op, rw) || allocConstSizes(op, rw) },
  "memref.alloca": { canonicalize: (op, rw) => deadAlloc(op, rw) || allocConstSizes(op, rw) },
  "memref.realloc": { canonicalize: deadAlloc },
  "memref.subview": { fold: foldSubview, canonicalize: canonicalizeSubview },
  "memref.reinterpret_cast": { fold: foldReinterpretCast, canonicalize: reinterpretOfMetadata },
  "memref.extract_strided_metadata": { canonicalize: constantMetadata },
  "memref.transpose": { fold: foldTranspose },
  "memref.atomic_rmw": { canonicalize: (op) => foldMemRefCast(op) },
  "memref.memory_space_cast": { // of its own type, its source; of a memory_space_cast, of that one's source
    fold(op) {
      if (op.operand(0).type === op.result.type) return [op.operand(0)];
      const inner = producer(op.operand(0), "memref.memory_space_cast");
      if (!inner) return undefined;
      op.setOperand(0, inner.operand(0));
      return [op.result];
    },
  },
  "memref.collapse_shape": {
    fold: (op) => foldReshape(op, "memref.expand_shape"),
    canonicalize: (op, rw) => composeReshapes(op, rw, reassociation) || collapseOfExpand(op, rw, "memref.expand_shape", "memref.cast") || collapseOfCast(op, rw),
  },
  "memref.expand_shape": {
    fold: (op) => foldReshape(op, "memref.collapse_shape"),
    canonicalize: (op, rw) => composeReshapes(op, rw, reassociation) || expandOfCollapse(op, rw, "memref.collapse_shape"),
  },
};
