// Number formatting exactly as glibc's printf does it, and C printf itself; MLIR's printing of
// memrefs and tensors. In src/interp, which prints with it, for the host library to import too.
//
// Floats are converted through their exact binary value (BigInt arithmetic), then rounded
// half-to-even at the requested digit, as glibc does in the default rounding mode. JS's
// toFixed/toExponential round exact ties away from zero (0.5 -> "1", C gives "0") and switch
// to exponent form past 1e21, so they are not used.

import { contiguousStrides } from "../ir/types.js";

export type PrintfArgKind = "int" | "float" | "ptr";

/** One printf argument after the caller's default promotions. */
export interface PrintfArg {
  kind: PrintfArgKind;
  /** int/ptr: number or bigint (any width; the conversion's length modifier picks the bits). */
  value: number | bigint;
}

export class FormatError extends Error {
  override name = "FormatError";
}

const f64buf = new DataView(new ArrayBuffer(8));

function signBit(x: number): boolean {
  f64buf.setFloat64(0, x);
  return (f64buf.getUint8(0) & 0x80) !== 0;
}

/** Exact decimal expansion of a finite x > 0: value = 0.DIGITS x 10^point. */
function exactDecimal(x: number): { digits: string; point: number } {
  f64buf.setFloat64(0, x);
  const hi = f64buf.getUint32(0);
  const lo = f64buf.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (bexp === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = bexp - 1075;
  }
  let n: bigint;
  let scale: number;
  if (e2 >= 0) {
    n = mant << BigInt(e2);
    scale = 0;
  } else {
    n = mant * 5n ** BigInt(-e2);
    scale = -e2;
  }
  let digits = n.toString();
  const point = digits.length - scale;
  digits = digits.replace(/0+$/, "");
  return { digits, point };
}

/**
 * Rounds DIGITS to `keep` leading digits, half to even. Returns the rounded digits (exactly
 * `keep` long, or keep+1 when a carry ran out of the top: "999" -> "1000").
 */
function roundDigits(digits: string, keep: number): string {
  if (keep >= digits.length) return digits.padEnd(keep, "0");
  if (keep < 0) return "";
  const next = digits.charCodeAt(keep) - 48;
  let up = false;
  if (next > 5) up = true;
  else if (next === 5) {
    const restNonZero = /[1-9]/.test(digits.slice(keep + 1));
    const prevOdd = keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1;
    up = restNonZero || prevOdd;
  }
  const kept = digits.slice(0, keep);
  if (!up) return kept;
  const arr = kept.split("");
  let i = arr.length - 1;
  while (i >= 0 && arr[i] === "9") arr[i--] = "0";
  if (i < 0) return "1" + arr.join("");
  arr[i] = String.fromCharCode(arr[i].charCodeAt(0) + 1);
  return arr.join("");
}

/** %f body (no sign) of a finite |x|. */
function fixedBody(ax: number, prec: number, alt: boolean): string {
  let intPart = "0";
  let frac = "0".repeat(prec);
  if (ax !== 0) {
    const { digits, point } = exactDecimal(ax);
    // Keep the digits down to 10^-prec; a carry out of the top adds one integer digit.
    const keep = point + prec;
    const r = keep < 0 ? "" : roundDigits(digits, keep);
    const pt = r.length > keep ? point + 1 : point;
    if (r !== "") {
      if (pt > 0) {
        intPart = r.slice(0, pt);
        frac = r.slice(pt);
      } else {
        frac = "0".repeat(-pt) + r;
      }
    }
  }
  if (prec === 0) return alt ? intPart + "." : intPart;
  return intPart + "." + frac;
}

/** Digits and exponent for %e with `prec` fraction digits: d.ddd x 10^exp. */
function sciParts(ax: number, prec: number): { mant: string; exp: number } {
  if (ax === 0) return { mant: "0".repeat(prec + 1), exp: 0 };
  const { digits, point } = exactDecimal(ax);
  let r = roundDigits(digits, prec + 1);
  let exp = point - 1;
  if (r.length > prec + 1) {
    r = r.slice(0, prec + 1);
    exp += 1;
  }
  return { mant: r, exp };
}

function expSuffix(exp: number, upper: boolean): string {
  const sign = exp < 0 ? "-" : "+";
  const a = Math.abs(exp);
  return (upper ? "E" : "e") + sign + (a < 10 ? "0" + a : String(a));
}

function sciBody(ax: number, prec: number, alt: boolean, upper: boolean): string {
  const { mant, exp } = sciParts(ax, prec);
  const head = mant[0] + (prec > 0 || alt ? "." : "") + mant.slice(1);
  return head + expSuffix(exp, upper);
}

function stripZeros(s: string): string {
  if (!s.includes(".")) return s;
  return s.replace(/0+$/, "").replace(/\.$/, "");
}

function generalBody(ax: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  const { exp } = sciParts(ax, p - 1);
  if (p > exp && exp >= -4) {
    const s = fixedBody(ax, p - 1 - exp, alt);
    return alt ? s : stripZeros(s);
  }
  const mant = sciBody(ax, p - 1, alt, upper);
  if (alt) return mant;
  const at = mant.indexOf(upper ? "E" : "e");
  return stripZeros(mant.slice(0, at)) + mant.slice(at);
}

/** Body of a float conversion without sign or padding; handles inf/nan. */
function floatBody(x: number, conv: string, prec: number, alt: boolean): string {
  const upper = conv === "E" || conv === "G" || conv === "F";
  if (!Number.isFinite(x)) {
    const s = Number.isNaN(x) ? "nan" : "inf";
    return upper ? s.toUpperCase() : s;
  }
  const ax = Math.abs(x);
  switch (conv) {
    case "f": case "F": return fixedBody(ax, prec, alt);
    case "e": case "E": return sciBody(ax, prec, alt, upper);
    default: return generalBody(ax, prec, alt, upper);
  }
}

/** C's "%g" with the default precision 6 (also std::ostream's default float output). */
export function formatG(x: number): string {
  return formatFloat(x, "g", 6);
}

/** One float conversion (f F e E g G) with optional flags and width, as printf. */
export function formatFloat(x: number, conv: string, prec = 6, flags = "", width = 0): string {
  const alt = flags.includes("#");
  const body = floatBody(x, conv, prec, alt);
  const neg = signBit(x);
  const sign = neg ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
  return pad(sign, body, width, flags, Number.isFinite(x));
}

function pad(prefix: string, body: string, width: number, flags: string, zeroOk: boolean): string {
  const len = prefix.length + body.length;
  if (len >= width) return prefix + body;
  if (flags.includes("-")) return prefix + body + " ".repeat(width - len);
  if (zeroOk && flags.includes("0")) return prefix + "0".repeat(width - len) + body;
  return " ".repeat(width - len) + prefix + body;
}

type Length = "hh" | "h" | "" | "l" | "ll";

function intBits(len: Length): number {
  switch (len) {
    case "hh": return 8;
    case "h": return 16;
    case "": return 32;
    default: return 64;
  }
}

function toBig(v: number | bigint): bigint {
  return typeof v === "bigint" ? v : BigInt(Math.trunc(v));
}

function formatInt(arg: PrintfArg, conv: string, len: Length, flags: string, width: number, prec: number | null): string {
  if (arg.kind === "float") throw new FormatError(`printf: %${conv} expects an integer argument, got a float`);
  const bits = intBits(len);
  const signed = conv === "d" || conv === "i";
  const v = signed ? BigInt.asIntN(bits, toBig(arg.value)) : BigInt.asUintN(bits, toBig(arg.value));
  const neg = v < 0n;
  const mag = neg ? -v : v;
  let digits = conv === "x" || conv === "X" ? mag.toString(16) : conv === "o" ? mag.toString(8) : mag.toString(10);
  if (conv === "X") digits = digits.toUpperCase();
  if (prec !== null) {
    if (prec === 0 && mag === 0n) digits = "";
    digits = digits.padStart(prec, "0");
  }
  let prefix = neg ? "-" : signed && flags.includes("+") ? "+" : signed && flags.includes(" ") ? " " : "";
  if (flags.includes("#")) {
    if (conv === "o" && !digits.startsWith("0")) digits = "0" + digits;
    if ((conv === "x" || conv === "X") && mag !== 0n) prefix = conv === "x" ? "0x" : "0X";
  }
  return pad(prefix, digits, width, flags, prec === null);
}

/**
 * C printf. `readString` resolves a %s pointer. Unsupported conversions and argument
 * mismatches are FormatErrors (C would print garbage or crash).
 */
export function formatPrintf(fmt: string, args: readonly PrintfArg[], readString: (p: number) => string): string {
  let out = "";
  let ai = 0;
  const next = (what: string): PrintfArg => {
    if (ai >= args.length) throw new FormatError(`printf: too few arguments for format "${fmt}" (missing ${what})`);
    return args[ai++];
  };
  const nextInt = (what: string): number => {
    const a = next(what);
    if (a.kind === "float") throw new FormatError(`printf: ${what} must be an integer`);
    return Number(BigInt.asIntN(32, toBig(a.value)));
  };
  let i = 0;
  while (i < fmt.length) {
    const pct = fmt.indexOf("%", i);
    if (pct < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, pct);
    i = pct + 1;
    let flags = "";
    while (i < fmt.length && "-+ #0".includes(fmt[i])) flags += fmt[i++];
    let width = 0;
    if (fmt[i] === "*") {
      i++;
      width = nextInt("'*' width");
      if (width < 0) {
        flags += "-";
        width = -width;
      }
    } else {
      while (i < fmt.length && fmt[i] >= "0" && fmt[i] <= "9") width = width * 10 + (fmt.charCodeAt(i++) - 48);
    }
    let prec: number | null = null;
    if (fmt[i] === ".") {
      i++;
      if (fmt[i] === "*") {
        i++;
        const p = nextInt("'*' precision");
        prec = p < 0 ? null : p;
      } else {
        prec = 0;
        while (i < fmt.length && fmt[i] >= "0" && fmt[i] <= "9") prec = prec * 10 + (fmt.charCodeAt(i++) - 48);
      }
    }
    let len: Length = "";
    const m = /^(hh|h|ll|l|j|z|t|q|L)/.exec(fmt.slice(i, i + 2));
    if (m) {
      i += m[1].length;
      len = m[1] === "hh" || m[1] === "h" ? m[1] : m[1] === "L" ? "" : "l";
    }
    const conv = fmt[i++];
    if (conv === undefined) throw new FormatError(`printf: format ends inside a conversion: "${fmt}"`);
    switch (conv) {
      case "%":
        out += "%";
        break;
      case "d": case "i": case "u": case "x": case "X": case "o":
        out += formatInt(next(`%${conv}`), conv, len, flags, width, prec);
        break;
      case "f": case "F": case "e": case "E": case "g": case "G": {
        const a = next(`%${conv}`);
        if (a.kind !== "float") throw new FormatError(`printf: %${conv} expects a floating-point argument, got an integer`);
        out += formatFloat(Number(a.value), conv, prec ?? 6, flags, width);
        break;
      }
      case "c": {
        const a = next("%c");
        if (a.kind === "float") throw new FormatError("printf: %c expects an integer argument, got a float");
        out += pad("", String.fromCharCode(Number(BigInt.asUintN(8, toBig(a.value)))), width, flags.replace("0", ""), false);
        break;
      }
      case "s": {
        const a = next("%s");
        if (a.kind === "float") throw new FormatError("printf: %s expects a pointer argument, got a float");
        const p = Number(a.value);
        let s = p === 0 ? "(null)" : readString(p);
        if (prec !== null) s = s.slice(0, prec);
        out += pad("", s, width, flags.replace("0", ""), false);
        break;
      }
      case "p": {
        const a = next("%p");
        if (a.kind === "float") throw new FormatError("printf: %p expects a pointer argument, got a float");
        const v = BigInt.asUintN(64, toBig(a.value));
        out += pad("", v === 0n ? "(nil)" : "0x" + v.toString(16), width, flags.replace("0", ""), false);
        break;
      }
      default:
        throw new FormatError(`printf: unsupported conversion '%${conv}' in "${fmt}"`);
    }
  }
  return out;
}

/**
 * The data part of MLIR's printMemref (RunnerUtils.h MemRefDataPrinter), byte for byte:
 * nested brackets, ", " between elements, a newline after each ", " above the innermost
 * dimension, and (rank - dim + 1) spaces of indent before each element after the first.
 * `element(offset)` formats the element at a linear element offset. A memref with no elements
 * prints `[]`: MLIR 19 still prints an element for each dimension of size 0, read past the
 * buffer (garbage, which differed between our engines' heaps too).
 */
export function formatMemrefData(
  sizes: readonly number[],
  strides: readonly number[],
  offset: number,
  element: (offset: number) => string,
): string {
  if (sizes.includes(0)) return "[]";
  const rank = sizes.length;
  const parts: string[] = [];
  const space = (n: number): void => {
    if (n > 0) parts.push(" ".repeat(n));
  };
  const print = (dim: number, off: number, d: number): void => {
    if (dim === 0) {
      parts.push(element(off));
      return;
    }
    const size = sizes[d];
    const stride = strides[d];
    // printFirst
    parts.push("[");
    print(dim - 1, off, d + 1);
    if (size <= 1) {
      parts.push("]");
      return;
    }
    parts.push(dim > 1 ? ", \n" : ", ");
    for (let i = 1; i + 1 < size; i++) {
      space(rank - dim + 1);
      print(dim - 1, off + i * stride, d + 1);
      parts.push(dim > 1 ? ", \n" : ", ");
    }
    // printLast
    space(rank - dim + 1);
    print(dim - 1, off + (size - 1) * stride, d + 1);
    parts.push("]");
  };
  if (rank === 0) parts.push("[");
  print(rank, offset, 0);
  if (rank === 0) parts.push("]");
  return parts.join("");
}

/** The header MLIR prints before an unranked memref's data (base@ is the aligned pointer). */
export function formatMemrefHeader(aligned: number, sizes: readonly number[], strides: readonly number[], offset: number): string {
  const base = aligned === 0 ? "0" : "0x" + aligned.toString(16);
  return `Unranked Memref base@ = ${base} rank = ${sizes.length} offset = ${offset} ` +
    `sizes = [${sizes.join(", ")}] strides = [${strides.join(", ")}] data = \n`;
}

/** Element formatting as std::ostream prints it: floats like %g, integers in decimal. */
export function formatElement(value: number | bigint, elementType: string): string {
  if (typeof value === "bigint") return value.toString();
  if (elementType.startsWith("f") || elementType === "bf16") return formatG(value);
  return String(value);
}

/**
 * Output of `tensorlang.print`: a line `Tensor<2x3xf32>:` then the data in printMemref's
 * nested layout (row-major values), then a newline. Rank 0 prints `Tensor<f32>:` and `[v]`.
 */
export function formatTensor(shape: readonly number[], elementType: string, values: ArrayLike<number | bigint>): string {
  const count = shape.reduce((a, b) => a * b, 1);
  if (values.length < count) throw new FormatError(`tensor print: ${values.length} values for a tensor of ${count} elements`);
  const typeText = [...shape.map(String), elementType].join("x");
  const data = formatMemrefData(shape, contiguousStrides(shape), 0, (o) => tensorElement(values[o], elementType));
  return `Tensor<${typeText}>:\n${data}\n`;
}

/**
 * A NaN prints `nan` whatever its sign bit: which NaN an operation returns is up to the
 * machine (V8's wasm f32.max gives -nan on x64, JS's Math.max nan), and the engines must agree.
 */
function tensorElement(v: number | bigint, elementType: string): string {
  return typeof v === "number" && Number.isNaN(v) ? "nan" : formatElement(v, elementType);
}
