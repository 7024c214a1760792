// Accessors and cast rules of memref ops shared by memref.ts (syntax, verifiers) and
// memref-canonicalize.ts (patterns): a module of their own, importing neither, so either file can
// be imported first (memref.ts applies MEMREF_PATTERNS at its top level).
import { ArrayAttr, DenseArrayAttr, IntegerAttr, StridedLayoutAttr } from "../ir/attributes.js";
import { OpResult, type Operation, type Value } from "../ir/core.js";
import { DYN, MemRefType, UnrankedMemRefType, type Type, i32 } from "../ir/types.js";
import { type OpFoldResult, mixedList as mixedList_ } from "./indexing.js";
import { stridesAndOffset } from "./memref-layout.js";

export const segmentSizes = (...ns: number[]) => new DenseArrayAttr(i32, ns);

export function segments(op: Operation): number[] {
  const a = op.attr("operandSegmentSizes");
  return a instanceof DenseArrayAttr ? [...a.values] : [];
}

/** Operands of segment `k` (per `operandSegmentSizes`). */
export function segment(op: Operation, k: number): Value[] {
  const s = segments(op);
  const start = s.slice(0, k).reduce((a, b) => a + b, 0);
  return op.operands.slice(start, start + (s[k] ?? 0));
}

/** Static parts of a subview/reinterpret_cast: `static_offsets` etc. (DYN where an operand). */
export function staticList(op: Operation, name: "static_offsets" | "static_sizes" | "static_strides" | "static_output_shape"): number[] {
  const a = op.attr(name);
  return a instanceof DenseArrayAttr ? [...a.values] : [];
}

/** Offsets/sizes/strides with dynamic entries replaced by their operands. */
export function mixedList(op: Operation, which: "offsets" | "sizes" | "strides"): OpFoldResult[] {
  return mixedList_(staticList(op, `static_${which}`), segment(op, which === "offsets" ? 1 : which === "sizes" ? 2 : 3));
}

/**
 * The result type of a (non rank-reducing) subview: sizes as given, strides multiplied, offset
 * accumulated; anything depending on a dynamic value is `?` (DYN).
 */
export function inferSubviewType(src: MemRefType, offsets: number[], sizes: number[], strides: number[]): MemRefType {
  // MLIR's saturated arithmetic: x * 0 = 0 even if x is dynamic; otherwise dynamic wins.
  const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : a === DYN || b === DYN ? DYN : a * b);
  const base = stridesAndOffset(src);
  let offset = base.offset;
  offsets.forEach((o, i) => { const t = mul(o, base.strides[i]); offset = offset === DYN || t === DYN ? DYN : offset + t; });
  const outStrides = strides.map((s, i) => mul(s, base.strides[i]));
  return MemRefType.get(sizes, src.elementType, new StridedLayoutAttr(outStrides, offset), src.memorySpace);
}

/** Whether `ok` holds for each size, stride and the offset of two memrefs of one rank, side by side. */
export function stridedAgree(a: MemRefType, b: MemRefType, ok: (x: number, y: number) => boolean): boolean {
  const sa = stridesAndOffset(a), sb = stridesAndOffset(b);
  return a.shape.every((d, i) => ok(d, b.shape[i])) && sa.strides.every((d, i) => ok(d, sb.strides[i])) && ok(sa.offset, sb.offset);
}

/** A cast that only forgets what is static (sizes, strides, offset): MLIR's CastOp::canFoldIntoConsumerOp. */
export function castWidens(a: Type, b: Type): boolean {
  if (!(a instanceof MemRefType && b instanceof MemRefType) || a.elementType !== b.elementType || a.rank !== b.rank || a.memorySpace !== b.memorySpace) return false;
  return stridedAgree(a, b, (x, y) => x === y || y === DYN);
}

/** Ops whose operand 0 is the value stored: a stored memref keeps its cast (its type is the element type). */
const STORES: ReadonlySet<string> = new Set(["memref.store", "affine.store"]);

/** MLIR's memref CastOp::areCastCompatible. */
export function castCompatible(a: Type, b: Type): boolean {
  const ea = a instanceof MemRefType || a instanceof UnrankedMemRefType ? a.elementType : undefined;
  const eb = b instanceof MemRefType || b instanceof UnrankedMemRefType ? b.elementType : undefined;
  if (!ea || ea !== eb) return false;
  if (a instanceof UnrankedMemRefType && b instanceof UnrankedMemRefType) return false;
  const space = (t: Type) => (t as MemRefType | UnrankedMemRefType).memorySpace?.str;
  if (space(a) !== space(b)) return false;
  if (!(a instanceof MemRefType) || !(b instanceof MemRefType)) return true;
  if (a.rank !== b.rank) return false;
  // Sizes, strides and offset each agree where both are static (MLIR's CastOp::areCastCompatible).
  return stridedAgree(a, b, (x, y) => x === y || x === DYN || y === DYN);
}

/**
 * MLIR's foldMemRefCast: `op(memref.cast %m)` uses `%m` (from a ranked memref; with `widening`,
 * only casts that forget static facts, as memref.copy folds them), except as the value a store
 * writes. Rewrites in place.
 */
export function foldMemRefCast(op: Operation, widening = false): boolean {
  let folded = false;
  op.operands.forEach((v, i) => {
    if (i === 0 && STORES.has(op.name)) return;
    const src = v instanceof OpResult && v.op.name === "memref.cast" ? v.op.operand(0) : undefined;
    if (src?.type instanceof MemRefType && (!widening || castWidens(src.type, v.type))) { op.setOperand(i, src); folded = true; }
  });
  return folded;
}

/**
 * foldMemRefCast where the op still verifies after it (`verifies`): MLIR folds casts whose
 * sources' static sizes contradict each other (a wrong size behind a run-time check) into an op
 * that does not; such an op keeps its casts.
 */
export function foldMemRefCastWhere(op: Operation, verifies: (op: Operation) => boolean, widening = false): boolean {
  const before = [...op.operands];
  if (!foldMemRefCast(op, widening)) return false;
  if (verifies(op)) return true;
  before.forEach((v, i) => op.setOperand(i, v));
  return false;
}

/** `[[0, 1], [2]]`: which source dims each result dim of collapse_shape (operand dim of expand_shape) spans. */
export function reassociation(op: Operation): number[][] | undefined {
  const a = op.attr("reassociation");
  if (!(a instanceof ArrayAttr)) return undefined;
  const groups = a.items.map((g) => (g instanceof ArrayAttr && g.items.every((x) => x instanceof IntegerAttr) ? g.items.map((x) => (x as IntegerAttr).num) : undefined));
  return groups.every((g) => g !== undefined) ? (groups as number[][]) : undefined;
}
