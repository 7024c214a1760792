// Builtin attributes: immutable values compared by their printed form.
import { AffineMap, IntegerSet } from "./affine.js";
import { FloatType, IndexType, IntegerType, ShapedType, Type, f64, i1, i64 } from "./types.js";

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
    if (type instanceof IntegerType && type.width < 64) v = BigInt.asIntN(type.width, v);
    else if (type instanceof IntegerType || type instanceof IndexType) v = BigInt.asIntN(64, v);
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
 * type: `%e` with six significant digits when that is exact (`1.500000e+00`), else APFloat's
 * default form with the type's round-trip digits (17 for f64, 9 for f32: `3.1415926535897931`,
 * `6.0221407599999999E+23`), else, for an integer-valued float, its bits in hex.
 */
export function floatStr(v: number, type: Type = f64): string {
  if (Number.isNaN(v) || !Number.isFinite(v)) return hexFloat(v, type);
  const kind = type instanceof FloatType ? type.kind : "f64";
  if (kind === "f32") v = Math.fround(v);
  const exact = (s: string) => (kind === "f32" ? Math.fround(Number(s)) : Number(s)) === v;
  const e6 = v.toExponential(5);
  if (Object.is(v, -0)) return "-0.000000e+00";
  if (exact(e6) || (kind !== "f32" && kind !== "f64")) {
    // f16/bf16 keep the shortest exact %e form of the value as written (stored unrounded).
    const s = exact(e6) ? v.toExponential(6) : v.toExponential();
    return s.charCodeAt(s.length - 3) === 101 /* e */ ? s.slice(0, -1) + "0" + s.slice(-1) : s; // `e+00`
  }
  const s = aprintDefault(v, kind === "f32" ? 9 : 17);
  return s.includes(".") ? s : hexFloat(v, type);
}

/** APFloat::toString(Str) with `p` digits: trailing zeros dropped, E-notation past 3 padding zeros. */
function aprintDefault(v: number, p: number): string {
  const [mant, ex] = Math.abs(v).toExponential(p - 1).split("e");
  const digits = mant.replace(".", "").replace(/0+$/, "") || "0", nd = digits.length;
  const msd = Number(ex), last = msd - (nd - 1), sign = v < 0 ? "-" : ""; // powers of ten of the first and last digit
  const scientific = last >= 0 ? last > 3 || nd + last > p : msd < -3;
  if (scientific) return `${sign}${digits[0]}.${nd === 1 ? "0" : digits.slice(1)}E${msd < 0 ? "-" : "+"}${Math.abs(msd)}`;
  if (last >= 0) return sign + digits + "0".repeat(last);
  const whole = msd + 1;
  return whole > 0 ? `${sign}${digits.slice(0, whole)}.${digits.slice(whole)}` : `${sign}0.${"0".repeat(-whole)}${digits}`;
}

function hexFloat(v: number, type: Type): string {
  const kind = type instanceof FloatType ? type.kind : "f64";
  if (kind === "f32") {
    const b = new DataView(new ArrayBuffer(4)); b.setFloat32(0, v);
    return "0x" + b.getUint32(0).toString(16).toUpperCase().padStart(8, "0");
  }
  if (kind === "f16" || kind === "bf16") return Number.isNaN(v) ? "0x7E00" : v > 0 ? "0x7C00" : "0xFC00";
  const b = new DataView(new ArrayBuffer(8)); b.setFloat64(0, v);
  return "0x" + b.getBigUint64(0).toString(16).toUpperCase().padStart(16, "0");
}

export class FloatAttr extends Attribute {
  readonly str: string;
  readonly value: number;
  constructor(value: number, readonly type: Type = f64) {
    super();
    this.value = type instanceof FloatType && type.kind === "f32" ? Math.fround(value) : value;
    this.str = `${floatStr(this.value, type)} : ${type.str}`;
  }
}

/**
 * MLIR prints an attribute with its type in a dictionary, and elides an i64 integer's or an f64
 * float's type where it may (array elements): `{a = 1 : i64, b = [1, 2.5]}`. Our `str` is the
 * integer's elided form and the float's typed one, which most custom forms want.
 */
const typedStr = (a: Attribute) => (a instanceof IntegerAttr && a.type === i64 ? `${a.str} : i64` : a.str);
const elidedStr = (a: Attribute) => (a instanceof FloatAttr && a.type === f64 ? floatStr(a.value) : a.str);

export function escapeString(s: string): string {
  let out = "";
  for (const ch of Buffer.from(s, "utf8")) {
    if (ch === 0x22 || ch === 0x5c) out += "\\" + String.fromCharCode(ch);
    else if (ch >= 0x20 && ch < 0x7f) out += String.fromCharCode(ch);
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
      et instanceof FloatType ? floatStr(v, et) : Math.abs(v) >= 2 ** 53 ? BigInt(v).toString() : String(v));
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

export class SymbolRefAttr extends Attribute {
  readonly str: string;
  constructor(readonly root: string, readonly nested: readonly string[] = []) {
    super();
    const ref = (s: string) => "@" + (bareId.test(s) ? s : `"${escapeString(s)}"`);
    this.str = [root, ...nested].map(ref).join("::");
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

/** Dense elements: either a splat or every element in row-major order. */
export class DenseElementsAttr extends Attribute {
  readonly str: string;
  constructor(readonly type: ShapedType, readonly values: readonly (number | bigint)[], readonly isSplat = values.length === 1) {
    super();
    const et = type.elementType;
    const one = (v: number | bigint) => et === i1 ? (v ? "true" : "false")
      : et instanceof FloatType ? floatStr(Number(v), et) : String(v);
    let body: string;
    if (isSplat) body = one(values[0]);
    else if (type.rank === 0) body = one(values[0]);
    else {
      let i = 0;
      const nest = (d: number): string => d === type.rank ? one(values[i++])
        : `[${Array.from({ length: type.shape[d] }, () => nest(d + 1)).join(", ")}]`;
      body = nest(0);
    }
    this.str = `dense<${body}> : ${type.str}`;
  }
  /** Value of element `i` in row-major order (splats repeat). */
  at(i: number): number | bigint { return this.isSplat ? this.values[0] : this.values[i]; }
  get numElements(): number { return this.type.numElements; }
}

/** Location attribute `loc(...)`, kept as raw text. */
export class LocationAttr extends Attribute {
  constructor(readonly str: string) { super(); }
}

/** Any dialect attribute (`#dialect.name<...>`) or unknown form, kept verbatim. */
export class OpaqueAttr extends Attribute {
  constructor(readonly str: string) { super(); }
}

export const boolAttr = (b: boolean) => new IntegerAttr(b ? 1 : 0, i1);
export const intAttr = (v: number | bigint, t: Type = i64) => new IntegerAttr(v, t);
export const strAttr = (s: string) => new StringAttr(s);
export const dictAttr = (o: Record<string, Attribute>) => new DictionaryAttr(new Map(Object.entries(o)));

/** `strided<[s0, s1], offset: o>` memref layout; DYN (-1) prints as `?`. */
export class StridedLayoutAttr extends Attribute {
  readonly str: string;
  constructor(readonly strides: readonly number[], readonly offset = 0) {
    super();
    const d = (x: number) => (x === -1 ? "?" : String(x));
    this.str = `strided<[${strides.map(d).join(", ")}]${offset !== 0 ? `, offset: ${d(offset)}` : ""}>`;
  }
}
