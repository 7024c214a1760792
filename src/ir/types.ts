// Builtin types. Every type is interned by its printed form, so `a === b` is structural equality.
import type { Attribute } from "./attributes.js";
import type { Operation } from "./core.js";

const interned = new Map<string, Type>();

export abstract class Type {
  /** Canonical MLIR spelling; also the interning key. */
  abstract readonly str: string;
  toString(): string { return this.str; }
  equals(o: Type): boolean { return this === o; }
}

function intern<T extends Type>(t: T): T {
  const hit = interned.get(t.str);
  if (hit) return hit as T;
  interned.set(t.str, t);
  return t;
}

export class IntegerType extends Type {
  readonly str: string;
  private constructor(readonly width: number) { super(); this.str = `i${width}`; }
  static get(width: number): IntegerType { return intern(new IntegerType(width)); }
}

/**
 * `si8`, `ui32`: an integer with signedness semantics (MLIR's IntegerType, signed or unsigned).
 * A class apart from IntegerType (signless), so that every rule written for signless integers
 * (arith's verifiers, the interpreter, the wasm backend) refuses it without a check of its own.
 */
export class SignedIntegerType extends Type {
  readonly str: string;
  private constructor(readonly width: number, readonly unsigned: boolean) { super(); this.str = `${unsigned ? "u" : "s"}i${width}`; }
  static get(width: number, unsigned: boolean): SignedIntegerType { return intern(new SignedIntegerType(width, unsigned)); }
}

export class IndexType extends Type {
  readonly str = "index";
  static get(): IndexType { return intern(new IndexType()); }
}

/** Bit width of each float type MLIR 19 parses (their formats are in ./float.ts). */
export const FLOAT_WIDTHS = {
  f16: 16, bf16: 16, f32: 32, f64: 64, f80: 80, f128: 128, tf32: 19,
  f8E5M2: 8, f8E4M3: 8, f8E4M3FN: 8, f8E5M2FNUZ: 8, f8E4M3FNUZ: 8, f8E4M3B11FNUZ: 8,
} as const;
export type FloatKind = keyof typeof FLOAT_WIDTHS;
export const isFloatKind = (s: string): s is FloatKind => Object.hasOwn(FLOAT_WIDTHS, s);
export class FloatType extends Type {
  readonly str: string;
  private constructor(readonly kind: FloatKind) { super(); this.str = kind; }
  get width(): number { return FLOAT_WIDTHS[this.kind]; }
  static get(kind: FloatKind): FloatType { return intern(new FloatType(kind)); }
}

/** `complex<f32>`: an integer or float element type (MLIR's ComplexType). */
export class ComplexType extends Type {
  readonly str: string;
  private constructor(readonly elementType: Type) { super(); this.str = `complex<${elementType.str}>`; }
  static get(e: Type): ComplexType { return intern(new ComplexType(e)); }
}

export class NoneType extends Type {
  readonly str = "none";
  static get(): NoneType { return intern(new NoneType()); }
}

/**
 * The one marker of a dynamic size, stride or offset, printed `?`: MLIR's ShapedType::kDynamic
 * (INT64_MIN, exact as a double), in types and in `static_*` lists alike. Not -1: strides and
 * offsets may be negative.
 */
export const DYN = -(2 ** 63);
const dimStr = (d: number) => (d === DYN ? "?" : String(d));
const shapePrefix = (shape: readonly number[]) => shape.map((d) => dimStr(d) + "x").join("");

export abstract class ShapedType extends Type {
  abstract readonly shape: readonly number[];
  abstract readonly elementType: Type;
  get rank(): number { return this.shape.length; }
  get hasStaticShape(): boolean { return this.shape.every((d) => d !== DYN); }
  get numElements(): number { return this.shape.reduce((a, b) => a * b, 1); }
}

/** Equal ranks, sizes equal where both are static, and two vectors scalable in the same dims (MLIR's verifyCompatibleShape). */
/**
 * Row-major strides (in elements) of a contiguous buffer of `shape`, as MLIR's alloc makes them:
 * each the product of the sizes inside it, a static size 0 counted as 1 (memref<3x0x2xf32> gets
 * [2, 2, 1]); `sizes` gives the run-time sizes where `shape` is DYN (a run-time 0 counts), and
 * without them a stride outside a DYN size is DYN.
 */
export function contiguousStrides(shape: readonly number[], sizes: readonly number[] = shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s = s === DYN || sizes[d] === DYN ? DYN : s * (shape[d] === 0 ? 1 : sizes[d]);
  }
  return strides;
}

/**
 * MLIR's verifyCompatibleShapes over a list: all scalars, or all shaped (unranked too) with no
 * scalable vector beside a type that is not one, the ranked of one rank and, dimension by
 * dimension, one static size.
 */
export function compatibleShapeList(types: readonly Type[]): boolean {
  const shaped = (t: Type) => t instanceof ShapedType || t instanceof UnrankedTensorType || t instanceof UnrankedMemRefType;
  if (!types.every(shaped)) return !types.some(shaped);
  const scalable = types.map((t) => t instanceof VectorType && t.isScalable);
  if (scalable.includes(true) && scalable.includes(false)) return false;
  const ranked = types.filter((t): t is ShapedType => t instanceof ShapedType), rank = ranked[0]?.rank ?? 0;
  return ranked.every((t) => t.rank === rank) && Array.from({ length: rank }, (_, i) => ranked.map((t) => t.shape[i]).filter((d) => d !== DYN))
    .every((sizes) => sizes.every((d) => d === sizes[0]));
}

export const compatibleShapes = (a: ShapedType, b: ShapedType): boolean =>
  a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i] || d === DYN || b.shape[i] === DYN)
  && !(a instanceof VectorType && b instanceof VectorType && a.scalableDims.some((s, i) => s !== b.scalableDims[i]));

export class TensorType extends ShapedType {
  readonly str: string;
  private constructor(readonly shape: readonly number[], readonly elementType: Type, readonly encoding?: Attribute) {
    super();
    this.str = `tensor<${shapePrefix(shape)}${elementType.str}${encoding ? ", " + encoding.str : ""}>`;
  }
  static get(shape: readonly number[], elementType: Type, encoding?: Attribute): TensorType {
    return intern(new TensorType([...shape], elementType, encoding));
  }
}

export class UnrankedTensorType extends Type {
  readonly str: string;
  private constructor(readonly elementType: Type) { super(); this.str = `tensor<*x${elementType.str}>`; }
  static get(e: Type): UnrankedTensorType { return intern(new UnrankedTensorType(e)); }
}

/**
 * `vector<2x[4]xf32>`; `scalableDims[i]`: dimension i is a multiple of the target's vscale
 * (a bracketed size), kept only where some dimension is.
 */
export class VectorType extends ShapedType {
  readonly str: string;
  readonly scalableDims: readonly boolean[];
  private constructor(readonly shape: readonly number[], readonly elementType: Type, scalable: readonly boolean[]) {
    super();
    this.scalableDims = shape.map((_, i) => scalable[i] === true);
    this.str = `vector<${shape.map((d, i) => (scalable[i] ? `[${d}]x` : dimStr(d) + "x")).join("")}${elementType.str}>`;
  }
  static get(shape: readonly number[], e: Type, scalableDims: readonly boolean[] = []): VectorType {
    return intern(new VectorType([...shape], e, scalableDims));
  }
  get isScalable(): boolean { return this.scalableDims.includes(true); }
}

/** `memref<4x?xf32, strided<[?, 1], offset: ?>, 1>`; layout undefined = identity. */
export class MemRefType extends ShapedType {
  readonly str: string;
  private constructor(readonly shape: readonly number[], readonly elementType: Type,
                      readonly layout?: Attribute, readonly memorySpace?: Attribute) {
    super();
    let s = `memref<${shapePrefix(shape)}${elementType.str}`;
    if (layout) s += ", " + layout.str;
    if (memorySpace) s += ", " + memorySpace.str;
    this.str = s + ">";
  }
  static get(shape: readonly number[], e: Type, layout?: Attribute, memorySpace?: Attribute): MemRefType {
    return intern(new MemRefType([...shape], e, layout, nonDefaultSpace(memorySpace)));
  }
}

/** MLIR's skipDefaultMemorySpace: an integer memory space 0 is the default, held (and printed) as none. */
const nonDefaultSpace = (ms?: Attribute) => (ms && /^0(?: : (?:i\d+|index))?$/.test(ms.str) ? undefined : ms);

export class UnrankedMemRefType extends Type {
  readonly str: string;
  private constructor(readonly elementType: Type, readonly memorySpace?: Attribute) {
    super();
    this.str = `memref<*x${elementType.str}${memorySpace ? ", " + memorySpace.str : ""}>`;
  }
  static get(e: Type, ms?: Attribute): UnrankedMemRefType { return intern(new UnrankedMemRefType(e, nonDefaultSpace(ms))); }
}

export function typeListStr(ts: readonly Type[]): string { return ts.map((t) => t.str).join(", "); }

export class FunctionType extends Type {
  readonly str: string;
  private constructor(readonly inputs: readonly Type[], readonly results: readonly Type[]) {
    super();
    const res = results.length === 1 && !(results[0] instanceof FunctionType)
      ? results[0].str : `(${typeListStr(results)})`;
    this.str = `(${typeListStr(inputs)}) -> ${res}`;
  }
  static get(inputs: readonly Type[], results: readonly Type[]): FunctionType {
    return intern(new FunctionType([...inputs], [...results]));
  }
}

export class TupleType extends Type {
  readonly str: string;
  private constructor(readonly types: readonly Type[]) { super(); this.str = `tuple<${typeListStr(types)}>`; }
  static get(ts: readonly Type[]): TupleType { return intern(new TupleType([...ts])); }
}

/**
 * A dialect type (`!dialect.name<...>`). Dialects subclass it; `body` is what follows the
 * dialect namespace, so the printed form is `!${dialect}.${body}`.
 */
export abstract class DialectType extends Type {
  readonly str: string;
  protected constructor(readonly dialect: string, readonly body: string) { super(); this.str = body.startsWith("<") ? `!${dialect}${body}` : `!${dialect}.${body}`; }
  protected static intern<T extends Type>(t: T): T { return intern(t); }
}

/** A dialect type no registered dialect claims; kept verbatim so it round-trips. */
export class OpaqueType extends DialectType {
  private constructor(dialect: string, body: string) { super(dialect, body); }
  static get(dialect: string, body: string): OpaqueType { return intern(new OpaqueType(dialect, body)); }
}

export const i1 = IntegerType.get(1), i8 = IntegerType.get(8), i16 = IntegerType.get(16);
export const i32 = IntegerType.get(32), i64 = IntegerType.get(64);
export const index = IndexType.get();
export const f16 = FloatType.get("f16"), bf16 = FloatType.get("bf16");
export const f32 = FloatType.get("f32"), f64 = FloatType.get("f64");

export const isInt = (t: Type): t is IntegerType => t instanceof IntegerType;
export const isFloat = (t: Type): t is FloatType => t instanceof FloatType;
/** A 1-bit integer (`i1`, `si1`, `ui1`): MLIR reads and prints its elements as `true`/`false`. */
export const isBoolType = (t: Type): boolean => (t instanceof IntegerType || t instanceof SignedIntegerType) && t.width === 1;
export const isIntOrIndex = (t: Type): boolean => t instanceof IntegerType || t instanceof IndexType;

/**
 * The first part of `t` (itself, an element type, a function's input or result) that the
 * interpreter and the wasm backend cannot compute with: a signed or unsigned integer, a float
 * other than f16, bf16, f32 and f64, a complex number, a scalable vector. Undefined if none.
 */
export function uncomputablePart(t: Type): Type | undefined {
  if (t instanceof SignedIntegerType || t instanceof ComplexType) return t;
  if (t instanceof FloatType) return ["f16", "bf16", "f32", "f64"].includes(t.kind) ? undefined : t;
  if (t instanceof VectorType && t.isScalable) return t;
  if (t instanceof ShapedType || t instanceof UnrankedTensorType || t instanceof UnrankedMemRefType) return uncomputablePart(t.elementType);
  if (t instanceof FunctionType) return [...t.inputs, ...t.results].map(uncomputablePart).find((x) => x);
  if (t instanceof TupleType) return t.types.map(uncomputablePart).find((x) => x);
  return undefined;
}

/** Whether a value of `op` (or, with `nested`, of any op inside it) is a scalable vector. */
export function touchesScalable(op: Operation, nested = true): boolean {
  const scalable = (o: Operation) => [...o.operands, ...o.results].some((v) => v.type instanceof VectorType && v.type.isScalable);
  if (!nested) return scalable(op);
  let found = false;
  op.walk((o) => { found ||= scalable(o); });
  return found;
}

/** Element type of a shaped type, or the type itself for scalars. */
export function elementTypeOf(t: Type): Type {
  return t instanceof ShapedType || t instanceof UnrankedTensorType || t instanceof UnrankedMemRefType ? t.elementType : t;
}

/** MLIR 19's BaseMemRefType::isValidElementType: scalars, complex, vectors and memrefs (no dialect type of ours implements MemRefElementTypeInterface). */
export const isMemRefElementType = (t: Type): boolean =>
  t instanceof IntegerType || t instanceof SignedIntegerType || t instanceof IndexType || t instanceof FloatType ||
  t instanceof ComplexType || t instanceof VectorType || t instanceof MemRefType || t instanceof UnrankedMemRefType;
