// Affine expressions, maps and integer sets: immutable trees with MLIR's printing and evaluation.

export type AffineExpr =
  | { kind: "dim"; pos: number }
  | { kind: "sym"; pos: number }
  | { kind: "const"; value: number }
  | { kind: BinKind; lhs: AffineExpr; rhs: AffineExpr };

export const dim = (pos: number): AffineExpr => ({ kind: "dim", pos });
export const sym = (pos: number): AffineExpr => ({ kind: "sym", pos });
export const cst = (value: number): AffineExpr => ({ kind: "const", value });

/** Builds a binary expression, folding constants and the neutral elements MLIR folds. */
export function bin(kind: BinKind, lhs: AffineExpr, rhs: AffineExpr): AffineExpr {
  const folded = lhs.kind === "const" && rhs.kind === "const" ? foldBin(kind, lhs.value, rhs.value) : undefined;
  if (folded !== undefined) return cst(folded);
  // Canonical order: constants on the right for commutative ops.
  if ((kind === "add" || kind === "mul") && lhs.kind === "const") [lhs, rhs] = [rhs, lhs];
  if (rhs.kind === "const") {
    if (kind === "add" && rhs.value === 0) return lhs;
    if (kind === "mul" && rhs.value === 1) return lhs;
    if (kind === "mul" && rhs.value === 0) return cst(0);
    if ((kind === "floordiv" || kind === "ceildiv") && rhs.value === 1) return lhs;
  }
  return { kind, lhs, rhs };
}

export type BinKind = "add" | "mul" | "mod" | "floordiv" | "ceildiv";
const SMALL = 2 ** 31;
/**
 * `a <kind> b` in int64 as MLIR's constant folding gives it (add and mul wrap), or undefined where
 * it has no value: a zero divisor or non-positive modulus (MLIR's poison), and INT64_MIN
 * floordiv/ceildiv -1 (which kills mlir-opt-19 with SIGFPE).
 */
export function evalBinI64(kind: BinKind, a: bigint, b: bigint): bigint | undefined {
  const r = exactBin(kind, a, b);
  return r === undefined ? undefined : BigInt.asIntN(64, r);
}
function exactBin(kind: BinKind, a: bigint, b: bigint): bigint | undefined {
  if (kind === "add") return a + b;
  if (kind === "mul") return a * b;
  if (b === 0n || (kind === "mod" && b < 0n) || (b === -1n && a === -(2n ** 63n))) return undefined;
  const q = a / b, exact = q * b === a;
  if (kind === "mod") return exact ? 0n : a < 0n ? a - q * b + b : a - q * b;
  if (exact) return q;
  return kind === "floordiv" ? (a < 0n !== b < 0n ? q - 1n : q) : a < 0n !== b < 0n ? q : q + 1n;
}
/**
 * evalBinI64 on doubles: the exact result when a double holds it, undefined otherwise (the
 * expression is then left unfolded: affine constants are doubles that hold their value exactly).
 * Unless `wrap`, a result past int64 is undefined too: MLIR's expression builders leave
 * `c1 + c2` and `c1 * c2` unfolded on overflow, while its constant folder and its merging of
 * nested constants (`(x * c1) * c2`) wrap.
 */
export function foldBin(kind: BinKind, a: number, b: number, wrap = false): number | undefined {
  if (Math.abs(a) < SMALL && Math.abs(b) < SMALL) { // doubles are exact here (and quick, for the interpreter)
    switch (kind) {
      case "add": return a + b;
      case "mul": return a * b;
      case "mod": return b > 0 ? ((a % b) + b) % b : undefined;
      case "floordiv": return b ? Math.floor(a / b) : undefined;
      case "ceildiv": return b ? Math.ceil(a / b) : undefined;
    }
  }
  let r = exactBin(kind, BigInt(a), BigInt(b));
  if (r === undefined || (!wrap && BigInt.asIntN(64, r) !== r)) return undefined;
  r = BigInt.asIntN(64, r);
  const n = Number(r);
  return BigInt(n) === r ? n : undefined; // (INT64_MIN and 2^60 are doubles exactly)
}
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** The integer as a number if a double holds it exactly. */
export const safeNumber = (v: bigint): number | undefined => (v >= -MAX_SAFE && v <= MAX_SAFE ? Number(v) : undefined);

/** The value at integer inputs, NaN where foldBin has none (runtime indices are doubles). */
export function evalExpr(e: AffineExpr, dims: readonly number[], syms: readonly number[]): number {
  switch (e.kind) {
    case "dim": return dims[e.pos];
    case "sym": return syms[e.pos];
    case "const": return e.value;
    default: return foldBin(e.kind, evalExpr(e.lhs, dims, syms), evalExpr(e.rhs, dims, syms), true) ?? NaN;
  }
}
/** The value in int64 as MLIR's constant folding gives it, undefined where MLIR's is poison. */
export function evalExprI64(e: AffineExpr, dims: readonly bigint[], syms: readonly bigint[]): bigint | undefined {
  switch (e.kind) {
    case "dim": return dims[e.pos];
    case "sym": return syms[e.pos];
    case "const": return BigInt(e.value);
  }
  const a = evalExprI64(e.lhs, dims, syms), b = a === undefined ? undefined : evalExprI64(e.rhs, dims, syms);
  return b === undefined ? undefined : evalBinI64(e.kind, a!, b);
}

/** An integer-valued double in full (-2^63 is exact, but String() prints it -9223372036854776000). */
export const intStr = (v: number): string => (Number.isSafeInteger(v) || !Number.isInteger(v) ? String(v) : BigInt(v).toString());
/** MLIR's printing (printAffineExprInternal); `leaf` names dims/symbols (affine ops print SSA names there). */
export type AffineLeafNamer = (e: AffineExpr & { kind: "dim" | "sym" }) => string;
export function exprStr(e: AffineExpr, leaf?: AffineLeafNamer, strong = false): string {
  const weak = (x: AffineExpr) => exprStr(x, leaf), tight = (x: AffineExpr) => exprStr(x, leaf, true);
  const paren = (s: string) => (strong ? `(${s})` : s);
  switch (e.kind) {
    case "dim": return leaf ? leaf(e) : `d${e.pos}`;
    case "sym": return leaf ? leaf(e) : `s${e.pos}`;
    case "const": return intStr(e.value);
    case "add": {
      // `a - b` for `a + b * -1`, `a - b * 3` for `a + b * -3`, `a - 3` for `a + -3`.
      const r = e.rhs;
      if (r.kind === "mul" && r.rhs.kind === "const" && r.rhs.value <= -1) {
        const b = r.rhs.value === -1 ? (r.lhs.kind === "add" ? tight(r.lhs) : weak(r.lhs)) : `${tight(r.lhs)} * ${intStr(-r.rhs.value)}`;
        return paren(`${weak(e.lhs)} - ${b}`);
      }
      if (r.kind === "const" && r.value < 0) return paren(`${weak(e.lhs)} - ${intStr(-r.value)}`);
      return paren(`${weak(e.lhs)} + ${weak(r)}`);
    }
    default: // `-x` for `x * -1`; the operands of *, mod, floordiv, ceildiv bind tightly
      if (e.kind === "mul" && e.rhs.kind === "const" && e.rhs.value === -1) return paren(`-${tight(e.lhs)}`);
      return paren(`${tight(e.lhs)} ${e.kind === "mul" ? "*" : e.kind} ${tight(e.rhs)}`);
  }
}

export function exprEquals(a: AffineExpr, b: AffineExpr): boolean { return exprStr(a) === exprStr(b); }

/** Dims and symbols used by an expression (max index + 1). */
export function exprUses(e: AffineExpr, acc = { dims: 0, syms: 0 }): { dims: number; syms: number } {
  if (e.kind === "dim") acc.dims = Math.max(acc.dims, e.pos + 1);
  else if (e.kind === "sym") acc.syms = Math.max(acc.syms, e.pos + 1);
  else if (e.kind !== "const") { exprUses(e.lhs, acc); exprUses(e.rhs, acc); }
  return acc;
}

/** Substitute dims/syms by expressions (composition). */
export function replaceDimsSyms(e: AffineExpr, dims: readonly AffineExpr[], syms: readonly AffineExpr[]): AffineExpr {
  switch (e.kind) {
    case "dim": return dims[e.pos] ?? e;
    case "sym": return syms[e.pos] ?? e;
    case "const": return e;
    default: return bin(e.kind, replaceDimsSyms(e.lhs, dims, syms), replaceDimsSyms(e.rhs, dims, syms));
  }
}

function dimSymHeader(numDims: number, numSyms: number): string {
  let s = "(";
  for (let i = 0; i < numDims; i++) s += (i ? ", d" : "d") + i;
  s += ")";
  if (numSyms) {
    s += "[";
    for (let i = 0; i < numSyms; i++) s += (i ? ", s" : "s") + i;
    s += "]";
  }
  return s;
}

export class AffineMap {
  private text: string | undefined = undefined;
  constructor(readonly numDims: number, readonly numSyms: number, readonly results: readonly AffineExpr[]) {}
  /** MLIR's spelling `(d0)[s0] -> (d0 + s0)`, made on first use (most maps are never printed whole). */
  get str(): string {
    return (this.text ??= `${dimSymHeader(this.numDims, this.numSyms)} -> (${this.results.map((r) => exprStr(r)).join(", ")})`);
  }
  static identity(n: number): AffineMap { return new AffineMap(n, 0, Array.from({ length: n }, (_, i) => dim(i))); }
  static constant(v: number): AffineMap { return new AffineMap(0, 0, [cst(v)]); }
  eval(dims: readonly number[], syms: readonly number[] = []): number[] { return this.results.map((r) => evalExpr(r, dims, syms)); }
  /** The results folded as MLIR does (int64), undefined if any is poison. */
  evalI64(dims: readonly bigint[], syms: readonly bigint[] = []): bigint[] | undefined {
    const rs = this.results.map((r) => evalExprI64(r, dims, syms));
    return rs.includes(undefined) ? undefined : (rs as bigint[]);
  }
  equals(o: AffineMap): boolean { return this.str === o.str; }
  get isIdentity(): boolean { return this.numSyms === 0 && this.results.length === this.numDims && this.results.every((r, i) => r.kind === "dim" && r.pos === i); }
  /** Each result a distinct dimension, no symbols (MLIR's isProjectedPermutation, without zero results). */
  get isProjectedPermutation(): boolean {
    const seen = new Set<number>();
    return this.numSyms === 0 && this.results.every((r) => r.kind === "dim" && !seen.has(r.pos) && !!seen.add(r.pos));
  }
  /** Each dimension once, in some order, and nothing else (MLIR's isPermutation). */
  get isPermutation(): boolean { return this.isProjectedPermutation && this.results.length === this.numDims; }
  /** A single constant result, e.g. `() -> (0)`. */
  get constantValue(): number | undefined {
    const r = this.results[0];
    return this.results.length === 1 && r.kind === "const" ? r.value : undefined;
  }
  /** A single-result map that is just `d0` or `s0` (a bare operand in affine syntax). */
  get isSingleOperand(): boolean {
    const r = this.results[0];
    return this.results.length === 1 && this.numDims + this.numSyms === 1 && (r.kind === "dim" || r.kind === "sym");
  }
}

export interface AffineConstraint { expr: AffineExpr; eq: boolean }  // expr == 0 or expr >= 0

export class IntegerSet {
  readonly str: string;
  constructor(readonly numDims: number, readonly numSyms: number, readonly constraints: readonly AffineConstraint[]) {
    const cs = constraints.map((c) => `${exprStr(c.expr)} ${c.eq ? "==" : ">="} 0`).join(", ");
    this.str = `${dimSymHeader(numDims, numSyms)} : (${cs})`;
  }
  holds(dims: readonly number[], syms: readonly number[] = []): boolean {
    return this.constraints.every((c) => { const v = evalExpr(c.expr, dims, syms); return c.eq ? v === 0 : v >= 0; });
  }
}
