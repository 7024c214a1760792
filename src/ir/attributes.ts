// Builtin attributes: immutable values compared by their printed form.
import { AffineMap, IntegerSet, intStr } from "./affine.js";
import { FLOAT_FORMATS, binaryExponent, fitsDouble, floatBits, roundFloat } from "./float.js";
import { decodeElements, elementBytes, elementZero, encodeElements } from "./element-bytes.js";
import { stringBytes } from "./lexer.js";
import { ResourceBlob, ResourceHandle } from "./resources.js";
import { DYN, FloatType, IndexType, IntegerType, ShapedType, SignedIntegerType, Type, contiguousStrides, f64, i1, i64, isBoolType, type FloatKind } from "./types.js";

export abstract class Attribute {
  abstract readonly str: string;
  toString(): string { return this.str; }
  equals(o: Attribute): boolean { return this.str === o.str; }
}

/**
 * Integer of any width, held as a BigInt wrapped to the type's width (signed view). Its text is
 * made on first use: many (loop steps, segment sizes) are elided when printed.
 */
export class IntegerAttr extends Attribute {
  readonly value: bigint;
  private text: string | undefined = undefined;
  constructor(value: bigint | number, readonly type: Type = i64) {
    super();
    let v = BigInt(value);
    if (type instanceof IntegerType) v = BigInt.asIntN(type.width, v); // i128 keeps its 128 bits
    else if (type instanceof SignedIntegerType) v = type.unsigned ? BigInt.asUintN(type.width, v) : BigInt.asIntN(type.width, v); // 255 : ui8 stays 255
    else if (type instanceof IndexType) v = BigInt.asIntN(64, v);
    this.value = v;
  }
  get str(): string {
    const v = this.value, type = this.type;
    return (this.text ??= type === i1 ? (v !== 0n ? "true" : "false") : type === i64 ? `${v}` : `${v} : ${type.str}`);
  }
  get num(): number { return Number(this.value); }
}

/**
 * A float as MLIR's printFloatValue prints it, so that it re-parses to the same value of its
 * type: APFloat's `%e` form with six significant digits when that is exact in the type
 * (`1.500000e+00`, and always for f16/bf16: an f16 0.1 is `9.997550e-02`), else APFloat's
 * default form with the type's round-trip digits (17 for f64, 9 for f32: `3.1415926535897931`,
 * `6.0221407599999999E+23`), else (an infinity, a NaN, an integer-valued float) its bits in hex.
 */
export function floatStr(v: number, type: Type = f64): string {
  const kind = type instanceof FloatType ? type.kind : "f64";
  if (v === v) v = roundFloat(v, type); // a NaN keeps its payload (fround would quiet a signaling one)
  if (!Number.isFinite(v)) return hexFloat(v, kind);
  if (v === 0) return Object.is(v, -0) ? "-0.000000e+00" : "0.000000e+00";
  const sign = v < 0 ? "-" : "";
  // toString(6, 0, false): scientific, the digits padded to six decimals, two exponent digits at least.
  const [d, x] = apDigits(v, 6), msd = x + d.length - 1, ex = Math.abs(msd);
  const e6 = `${sign}${d[0]}.${d.slice(1).padEnd(6, "0")}e${msd < 0 ? "-" : "+"}${ex < 10 ? "0" : ""}${ex}`;
  if (fitsDouble(kind) ? roundFloat(Number(e6), type) === v : decimalRoundsTo(BigInt(d), x, Math.abs(v), FLOAT_FORMATS[kind].mant + 1)) return e6;
  const s = sign + apDefault(v, 2 + Math.floor(((FLOAT_FORMATS[kind].mant + 1) * 59) / 196)); // its precision's digits
  return s.includes(".") ? s : hexFloat(v, kind);
}

/**
 * Whether d * 10^x read in a binary format of `p` significant bits (p > 53: f80, f128, whose
 * values we hold are doubles) is the double a > 0, as APFloat's reading of MLIR's printed form
 * is checked: within half a unit in the last place (a quarter below a power of two: the lower
 * neighbour is nearer there); a tie goes to `a`, whose last bit (past its 53) is even.
 */
function decimalRoundsTo(d: bigint, x: number, a: number, p: number): boolean {
  view.setFloat64(0, a);
  const e = binaryExponent(a), be = (view.getUint32(0) >>> 20) & 0x7ff;
  const m = (BigInt(view.getUint32(0) & 0xfffff) << 32n | BigInt(view.getUint32(4))) | (be ? 1n << 52n : 0n), e2 = (be ? be : 1) - 1075; // a = m * 2^e2
  const [num, den] = x >= 0 ? [d * power(10, x), 1n] : [d, power(10, -x)];
  const s = Math.max(0, -e2, p + 1 - e); // everything below made an integer
  const diff = (num << BigInt(s)) - ((m * den) << BigInt(e2 + s));
  const tol = e - p - (diff < 0n && m === (m & -m) ? 1 : 0); // log2 of the half unit (or quarter)
  return (diff < 0n ? -diff : diff) <= den << BigInt(tol + s);
}

/** APFloat::toString(Str, p) of |v|: trailing zeros dropped, E-notation past 3 padding zeros. */
function apDefault(v: number, p: number): string {
  const [d, last] = apDigits(v, p), nd = d.length, msd = last + nd - 1; // powers of ten of the last and first digit
  const scientific = last >= 0 ? last > 3 || nd + last > p : msd < -3;
  if (scientific) return `${d[0]}.${nd === 1 ? "0" : d.slice(1)}E${msd < 0 ? "-" : "+"}${Math.abs(msd)}`;
  if (last >= 0) return d + "0".repeat(last);
  const whole = msd + 1;
  return whole > 0 ? `${d.slice(0, whole)}.${d.slice(whole)}` : `0.${"0".repeat(-whole)}${d}`;
}

/**
 * The decimal digits APFloat::toString keeps of a finite |v| != 0 for `p` significant digits,
 * and the power of ten of the last. As APFloat does: the exact value's excess digits are first
 * cut off (truncated: an f16 0.0999755859375 keeps 999755), then what is left past `p` is
 * rounded half up; trailing zeros are dropped.
 */
function apDigits(v: number, p: number): [string, number] {
  view.setFloat64(0, v);
  const hi = view.getUint32(0), lo = view.getUint32(4), be = (hi >>> 20) & 0x7ff, top = (hi & 0xfffff) | (be ? 0x100000 : 0);
  const zeros = lo ? 31 - Math.clz32(lo & -lo) : 63 - Math.clz32(top & -top); // trailing zero bits: m odd
  const m = (top * 2 ** 32 + lo) / 2 ** zeros, e = (be ? be - 1075 : -1074) + zeros; // |v| = m * 2^e
  const x = Math.min(e, 0), need = Math.floor((p * 196 + 58) / 59); // |v| = s * 10^x; the bits p digits need
  const n = e >= 0 ? m * 2 ** e : m * 5 ** -e;
  let d: string, cut = 0;
  if (n < 2 ** 53) { // exact in a number
    const excess = binaryExponent(n) + 1 - need;
    if (excess > 0) cut = Math.floor((excess * 59) / 196);
    const t = 10 ** cut;
    d = String((n - (n % t)) / t);
  } else {
    let s = e >= 0 ? BigInt(m) << BigInt(e) : BigInt(m) * power(5, -e);
    const hex = s.toString(16), excess = hex.length * 4 - Math.clz32(parseInt(hex[0], 16)) + 28 - need;
    if (excess > 0) { cut = Math.floor((excess * 59) / 196); s /= power(10, cut); }
    d = s.toString();
  }
  return adjust(d, x + cut, p);
}

/** `digits * 10^x` rounded half up to `p` digits, trailing zeros dropped (APFloat's AdjustToPrecision on its digits). */
function adjust(d: string, x: number, p: number): [string, number] {
  if (d.length > p) {
    const up = d.charCodeAt(p) >= 53; // '5'
    x += d.length - p;
    d = d.slice(0, p);
    if (up) {
      let n = p;
      while (n && d.charCodeAt(n - 1) === 57) n--; // '9's carry
      x += p - n;
      d = n ? d.slice(0, n - 1) + String.fromCharCode(d.charCodeAt(n - 1) + 1) : "1";
    }
  }
  let n = d.length;
  while (d.charCodeAt(n - 1) === 48) n--; // '0'
  return [d.slice(0, n), x + d.length - n];
}

const view = new DataView(new ArrayBuffer(8));
const powers: Record<number, bigint[]> = { 5: [1n], 10: [1n] };
/** base^k, kept (5^1074 at most). */
function power(base: 5 | 10, k: number): bigint {
  const t = powers[base];
  while (t.length <= k) t.push(t[t.length - 1] * BigInt(base));
  return t[k];
}

const hexFloat = (v: number, kind: FloatKind) =>
  "0x" + floatBits(v, kind).toString(16).toUpperCase().padStart(Math.ceil(FLOAT_FORMATS[kind].width / 4), "0");

/** A float rounded to its type; its text is made on first use (spelling it takes exact arithmetic). */
export class FloatAttr extends Attribute {
  readonly value: number;
  private text: string | undefined = undefined;
  constructor(value: number, readonly type: Type = f64) {
    super();
    this.value = value === value ? roundFloat(value, type) : value; // a NaN keeps its payload
  }
  get str(): string { return (this.text ??= `${floatStr(this.value, this.type)} : ${this.type.str}`); }
}

/**
 * MLIR prints an attribute with its type in a dictionary (and alone: an unregistered op's `<7 : i64>`), and elides an i64 integer's or an f64
 * float's type where it may (array elements): `{a = 1 : i64, b = [1, 2.5]}`. Our `str` is the
 * integer's elided form and the float's typed one, which most custom forms want.
 */
export const typedStr = (a: Attribute): string => (a instanceof IntegerAttr && a.type === i64 ? `${a.str} : i64` : a.str);
/** (A float printed in hex keeps its type, as MLIR's printedHex: `[0x7FF0000000000000]` would read back as an integer.) */
const elidedStr = (a: Attribute) => {
  if (!(a instanceof FloatAttr && a.type === f64)) return a.str;
  const s = floatStr(a.value);
  return s.startsWith("0x") ? a.str : s;
};

/** As LLVM's printEscapedString: a backslash doubled, a quote and what is not printable ASCII in hex (`\22`, `\0A`). */
export function escapeString(s: string): string {
  let out = "";
  for (const ch of stringBytes(s)) {
    if (ch === 0x5c) out += "\\\\";
    else if (ch >= 0x20 && ch < 0x7f && ch !== 0x22) out += String.fromCharCode(ch);
    else out += "\\" + ch.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

export class StringAttr extends Attribute {
  readonly str: string;
  constructor(readonly value: string, readonly type?: Type) {
    super();
    this.str = `"${escapeString(value)}"` + (type ? ` : ${type.str}` : "");
  }
}

export class UnitAttr extends Attribute { readonly str = "unit"; }
export const unit = new UnitAttr();

export class TypeAttr extends Attribute {
  readonly str: string;
  constructor(readonly type: Type) { super(); this.str = type.str; }
}

export class ArrayAttr extends Attribute {
  readonly str: string;
  constructor(readonly items: readonly Attribute[]) { super(); this.str = `[${items.map(elidedStr).join(", ")}]`; }
}

/** `array<i64: 1, 2>`: MLIR's DenseArrayAttr, used by many ops' properties (text made on first use). */
export class DenseArrayAttr extends Attribute {
  private text: string | undefined = undefined;
  constructor(readonly elementType: Type, readonly values: readonly number[]) { super(); }
  get str(): string {
    if (this.text !== undefined) return this.text;
    const et = this.elementType;
    const vs = et === i1 ? this.values.map((v) => (v ? "true" : "false")) : this.values.map((v) =>
      et instanceof FloatType ? floatStr(v, et) : intStr(v));
    return (this.text = `array<${et.str}${vs.length ? ": " + vs.join(", ") : ""}>`);
  }
}

const bareId = /^[A-Za-z_][A-Za-z0-9_$.]*$/;
export const keyStr = (k: string) => (bareId.test(k) ? k : `"${escapeString(k)}"`);

export class DictionaryAttr extends Attribute {
  readonly str: string;
  readonly entries: ReadonlyMap<string, Attribute>;
  constructor(entries: ReadonlyMap<string, Attribute>) {
    super();
    // MLIR keeps dictionaries sorted by name; so do we, for canonical printing.
    this.entries = new Map([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    this.str = `{${[...this.entries].map(([k, v]) => (v instanceof UnitAttr ? keyStr(k) : `${keyStr(k)} = ${typedStr(v)}`)).join(", ")}}`;
  }
  get(k: string): Attribute | undefined { return this.entries.get(k); }
}

let distinctIds = 0;
/**
 * `distinct[N]<attr>` (MLIR's DistinctAttr): `attr` made unique; two are equal only when one
 * parse of the same `N` (or one `new`) made them. Its text holds a number unique to the process:
 * the printer renumbers them 0, 1, ... in the order it prints them, as MLIR's does.
 */
export class DistinctAttr extends Attribute {
  readonly str: string;
  readonly id = distinctIds++;
  constructor(readonly referenced: Attribute = unit) {
    super();
    this.str = `distinct[${this.id}]<${referenced instanceof UnitAttr ? "" : typedStr(referenced)}>`;
  }
}

/** `@name` as MLIR prints a symbol: quoted unless `name` is a bare identifier (`@"a b"`). */
export const symbolText = (name: string): string => "@" + (bareId.test(name) ? name : `"${escapeString(name)}"`);

export class SymbolRefAttr extends Attribute {
  readonly str: string;
  constructor(readonly root: string, readonly nested: readonly string[] = []) {
    super();
    this.str = [root, ...nested].map(symbolText).join("::");
  }
}

export class AffineMapAttr extends Attribute {
  private text: string | undefined = undefined;
  constructor(readonly map: AffineMap) { super(); }
  get str(): string { return (this.text ??= `affine_map<${this.map.str}>`); }
}

export class IntegerSetAttr extends Attribute {
  readonly str: string;
  constructor(readonly set: IntegerSet) { super(); this.str = `affine_set<${set.str}>`; }
}

/** More elements than this print as their raw data in hex (`dense<"0x...">`): 100 as MLIR's default; -1 never. */
let hexAbove = 100;
/** mlir-opt's --mlir-print-elementsattrs-with-hex-if-larger (global there too: a printing flag every printer reads). */
export function setElementsHexLimit(limit: number): void { hexAbove = limit; }

/** Dense elements: either a splat or every element in row-major order (text made on first use: a blob's elements are many). */
export class DenseElementsAttr extends Attribute {
  private text: string | undefined = undefined;
  private textHexAbove = hexAbove;
  constructor(readonly type: ShapedType, readonly values: readonly (number | bigint)[], readonly isSplat = values.length === 1) { super(); }
  get str(): string {
    if (this.textHexAbove !== hexAbove) [this.text, this.textHexAbove] = [undefined, hexAbove];
    return (this.text ??= `dense<${this.body(true)}> : ${this.type.str}`);
  }
  /** What prints between `dense<` and `>` (`hex`: many elements as their raw data, as MLIR's allowHex). */
  body(hex: boolean): string {
    const { type, values, isSplat } = this, et = type.elementType;
    const one = (v: number | bigint) => isBoolType(et) ? (v ? "true" : "false")
      : et instanceof FloatType ? floatStr(Number(v), et) : typeof v === "number" ? intStr(v) : String(v);
    const first = values.length ? one(values[0]) : "";
    let body: string;
    // (equal elements print as a splat: MLIR stores them as one; no element, as `dense<>`)
    if (isSplat || type.rank === 0 || values.every((v) => one(v) === first)) body = first;
    else if (hex && hexAbove >= 0 && values.length > hexAbove) body = `"0x${Buffer.from(encodeElements(values, type)).toString("hex").toUpperCase()}"`;
    else {
      let i = 0;
      const nest = (d: number): string => d === type.rank ? one(values[i++])
        : `[${Array.from({ length: type.shape[d] }, () => nest(d + 1)).join(", ")}]`;
      body = nest(0);
    }
    return body;
  }
  /** Value of element `i` in row-major order (splats repeat). */
  at(i: number): number | bigint { return this.isSplat ? this.values[0] : this.values[i]; }
  get numElements(): number { return this.type.numElements; }
  /** Every element in row-major order (a splat repeated). */
  elements(): (number | bigint)[] { return this.isSplat ? new Array(this.numElements).fill(this.values[0]) : [...this.values]; }
}

/**
 * `dense_resource<name> : tensor<...>`: elements whose bytes are a blob of the file's
 * `{-# dialect_resources #-}` section (MLIR's DenseResourceElementsAttr). Equal when name, type
 * and blob bytes are.
 */
export class DenseResourceElementsAttr extends Attribute {
  readonly str: string;
  private readonly handle: ResourceHandle;
  private decoded: DenseElementsAttr | null | undefined = undefined;
  constructor(readonly name: string, readonly type: ShapedType, blob: ResourceBlob | ResourceHandle) {
    super();
    this.handle = blob instanceof ResourceHandle ? blob : new ResourceHandle(name, blob);
    this.str = `dense_resource<${name}> : ${type.str}`;
  }
  /** The bytes, after the alignment word (defined in any module the parser returned). */
  get blob(): ResourceBlob | undefined { return this.handle.blob; }
  /**
   * Why the blob cannot hold this type's elements (its size, for a static shape of an element
   * type whose size TensorLang knows), else undefined.
   */
  sizeError(): string | undefined {
    const blob = this.blob, w = elementBytes(this.type.elementType);
    if (!blob || w === undefined || !this.type.hasStaticShape) return undefined;
    const n = this.type.numElements;
    if (blob.bytes.length === n * w) return undefined;
    return `resource '${this.name}' holds ${blob.bytes.length} bytes, but ${this.type.str} needs ${n * w} (${n} elements of ${w} byte${w === 1 ? "" : "s"})`;
  }
  /**
   * Why the engines and folds have no values of it, or undefined: no blob (mlir-opt keeps the name
   * without bytes, as it prints `__elided__` for elements it left out), a dynamic shape, an
   * element type TensorLang reads no blob values of, a blob of the wrong size.
   */
  get unreadable(): string | undefined {
    if (!this.blob) {
      return this.name === "__elided__" ? "mlir-opt left them out: --mlir-elide-elementsattrs-if-larger"
        : `no blob '${this.name}' in the file's {-# dialect_resources: {builtin: ...} #-} section`;
    }
    if (!this.type.hasStaticShape || elementBytes(this.type.elementType) === undefined) return "blob element types: f16, bf16, f32, f64, i1, i8 to i64, index; static shapes";
    return this.sizeError();
  }
  /** The elements as dense ones, for the engines and folds, or undefined (see unreadable). */
  get elements(): DenseElementsAttr | undefined {
    if (this.decoded !== undefined) return this.decoded ?? undefined;
    const blob = this.blob;
    const values = blob && !this.unreadable ? decodeElements(blob.bytes, this.type, this.type.numElements, "bytes") : undefined;
    this.decoded = values ? new DenseElementsAttr(this.type, values, false) : null;
    return this.decoded ?? undefined;
  }
  override equals(o: Attribute): boolean {
    if (!(o instanceof DenseResourceElementsAttr) || o.str !== this.str) return false;
    const a = this.blob, b = o.blob;
    return a === b || (a !== undefined && b !== undefined && a.equals(b));
  }
}

/** Most elements a sparse attribute is made dense with (one that would take more is refused where its values are read). */
const DENSIFY_MAX = 2 ** 27;

/**
 * `sparse<indices, values> : type` (MLIR's SparseElementsAttr): the element at each index is
 * its value (the first where an index repeats), every other one is zero. `indices` are i64,
 * of shape [nnz, rank] (or [nnz] for a rank-1 type; a splat stands for one index, all of
 * whose coordinates are the splat); `values` are 1-D, of the type's element type.
 */
export class SparseElementsAttr extends Attribute {
  private text: string | undefined = undefined;
  private textHexAbove = hexAbove;
  private dense: DenseElementsAttr | null | undefined = undefined;
  constructor(readonly type: ShapedType, readonly indices: DenseElementsAttr, readonly values: DenseElementsAttr) { super(); }
  get str(): string {
    const { indices, values } = this;
    if (this.textHexAbove !== hexAbove) [this.text, this.textHexAbove] = [undefined, hexAbove];
    return (this.text ??= `sparse<${indices.numElements ? `${indices.body(false)}, ${values.body(true)}` : ""}> : ${this.type.str}`);
  }
  /** How many indices it lists (a splat is one, as MLIR takes it). */
  get count(): number { return this.indices.isSplat ? 1 : this.indices.type.shape[0]; }
  /** The coordinates of index `k`. */
  index(k: number): number[] {
    const r = this.type.rank, ix = this.indices;
    return Array.from({ length: r }, (_, d) => Number(ix.isSplat ? ix.at(0) : ix.at(k * r + d)));
  }
  /**
   * Why its indices and values do not make elements of its type (MLIR's SparseElementsAttr::verify,
   * its words), else undefined.
   */
  verifyError(): string | undefined {
    const { type, indices, values } = this, it = indices.type, vt = values.type;
    if (vt.rank !== 1) return "expected 1-d tensor for sparse element values";
    const shapeError = `expected shape ([${type.shape.join(", ")}]); inferred shape of indices literal ([${it.shape.join(", ")}]); inferred shape of values literal ([${vt.shape.join(", ")}])`;
    if (it.rank === 2 ? it.shape[1] !== type.rank : it.rank !== 1 || type.rank !== 1) return shapeError;
    if (it.shape[0] !== vt.shape[0]) return shapeError;
    for (let k = 0, n = this.count; k < n; k++) {
      const ix = this.index(k);
      if (ix.some((x, d) => x < 0 || x >= type.shape[d])) {
        // (MLIR prints the index as uint64s)
        const u = ix.map((x) => (x < 0 ? BigInt.asUintN(64, BigInt(x)) : x));
        return `sparse index #${k} is not contained within the value shape, with index=[${u.join(", ")}], and type='${type.str}'`;
      }
    }
    return undefined;
  }
  /** Why TensorLang makes no dense elements of it, else undefined. */
  get unreadable(): string | undefined {
    const n = this.type.numElements;
    if (elementBytes(this.type.elementType) === undefined) return `TensorLang keeps no values of ${this.type.elementType.str} elements`;
    return n > DENSIFY_MAX ? `${n} elements are more than TensorLang makes dense (at most 2^27)` : undefined;
  }
  /** The elements as dense ones (for the engines and folds), or undefined (see unreadable). */
  get elements(): DenseElementsAttr | undefined {
    if (this.dense !== undefined) return this.dense ?? undefined;
    if (this.unreadable) { this.dense = null; return undefined; }
    const { type } = this, data = new Array<number | bigint>(type.numElements).fill(elementZero(type.elementType));
    const set = new Set<number>(), strides = contiguousStrides(type.shape);
    for (let k = 0, n = this.count; k < n; k++) {
      const at = this.index(k).reduce((s, x, d) => s + x * strides[d], 0);
      if (!set.has(at)) { set.add(at); data[at] = this.values.at(k); } // (the first value of a repeated index, as MLIR's)
    }
    return (this.dense = new DenseElementsAttr(type, data, false));
  }
}

/**
 * The elements of a `dense` attribute, of a `dense_resource` one whose blob TensorLang reads or
 * of a `sparse` one, made dense (what an engine or a fold may use); undefined for anything else.
 */
export const denseElements = (a: Attribute | undefined): DenseElementsAttr | undefined =>
  a instanceof DenseElementsAttr ? a : a instanceof DenseResourceElementsAttr || a instanceof SparseElementsAttr ? a.elements : undefined;

/**
 * A sparse attribute's elements made dense (undefined where TensorLang makes none), any other
 * as it is: what a fold reads of a constant where MLIR's reads any ElementsAttr's values.
 */
export const sparseAsDense = (a: Attribute | undefined): Attribute | undefined => (a instanceof SparseElementsAttr ? a.elements : a);

/** An attribute of elements (MLIR's ElementsAttr): dense, a resource blob's or sparse. */
export type ElementsAttr = DenseElementsAttr | DenseResourceElementsAttr | SparseElementsAttr;
export const isElementsAttr = (a: Attribute | undefined): a is ElementsAttr =>
  a instanceof DenseElementsAttr || a instanceof DenseResourceElementsAttr || a instanceof SparseElementsAttr;

/**
 * Location attribute `loc(...)`, kept as text. `aliases`: where (offsets into `str`) it names a
 * `#loc` alias, to expand once all are known.
 */
export class LocationAttr extends Attribute {
  constructor(readonly str: string, readonly aliases: ReadonlyArray<readonly [number, string]> = []) { super(); }
}

/** Any dialect attribute (`#dialect.name<...>`) or unknown form, kept verbatim. */
export class OpaqueAttr extends Attribute {
  constructor(readonly str: string) { super(); }
}

export const boolAttr = (b: boolean) => new IntegerAttr(b ? 1 : 0, i1);
export const intAttr = (v: number | bigint, t: Type = i64) => new IntegerAttr(v, t);
export const strAttr = (s: string) => new StringAttr(s);
export const dictAttr = (o: Record<string, Attribute>) => new DictionaryAttr(new Map(Object.entries(o)));

/** `strided<[s0, s1], offset: o>` memref layout; DYN prints as `?`, negative strides and offsets as numbers. */
export class StridedLayoutAttr extends Attribute {
  readonly str: string;
  constructor(readonly strides: readonly number[], readonly offset = 0) {
    super();
    const d = (x: number) => (x === DYN ? "?" : String(x));
    this.str = `strided<[${strides.map(d).join(", ")}]${offset !== 0 ? `, offset: ${d(offset)}` : ""}>`;
  }
}
