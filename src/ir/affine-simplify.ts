// Affine expression simplification as MLIR 19 does it: the local rules its expression builders
// apply (`build`, MLIR's operator+ / operator* / floorDiv / ceilDiv / operator%), and
// simplifyAffineExpr, which flattens a pure affine expression into a sum of dims, symbols,
// floordiv "locals" and a constant, and rebuilds it in that term order.
import { AffineMap, cst, dim, exprStr, foldBin, sym, type AffineExpr, type BinKind } from "./affine.js";

const raw = (kind: BinKind, lhs: AffineExpr, rhs: AffineExpr): AffineExpr => ({ kind, lhs, rhs });
const isConst = (e: AffineExpr): e is { kind: "const"; value: number } => e.kind === "const";
export const gcd = (a: number, b: number): number => { a = Math.abs(a); b = Math.abs(b); while (b) [a, b] = [b, a % b]; return a; };
const same = (a: AffineExpr, b: AffineExpr) => a === b || exprStr(a) === exprStr(b);

/** No dims anywhere (MLIR's isSymbolicOrConstant). */
export const symbolic = (e: AffineExpr): boolean => e.kind === "dim" ? false : e.kind === "sym" || e.kind === "const" ? true : symbolic(e.lhs) && symbolic(e.rhs);

/** MLIR's getLargestKnownDivisor. */
export function largestDivisor(e: AffineExpr): number {
  switch (e.kind) {
    case "dim": case "sym": return 1;
    case "const": return Math.abs(e.value);
    case "mul": return foldBin("mul", largestDivisor(e.lhs), largestDivisor(e.rhs)) ?? 1; // (1 claims nothing)
    case "add": case "mod": return gcd(largestDivisor(e.lhs), largestDivisor(e.rhs));
    default: {
      const l = largestDivisor(e.lhs);
      return isConst(e.rhs) && e.rhs.value !== 0 && l % e.rhs.value === 0 ? Math.abs(l / e.rhs.value) : 1;
    }
  }
}

/** `lhs <kind> rhs` with MLIR's builder simplifications (constants right, folds, `e - (e floordiv c) * c` → `e mod c`). */
export function build(kind: BinKind, lhs: AffineExpr, rhs: AffineExpr): AffineExpr {
  const l = isConst(lhs) ? lhs.value : undefined, r = isConst(rhs) ? rhs.value : undefined;
  switch (kind) {
    case "add": {
      const folded = l !== undefined && r !== undefined ? foldBin(kind, l, r) : undefined;
      if (folded !== undefined) return cst(folded);
      if (l !== undefined && r !== undefined) return raw("add", lhs, rhs); // (not exact in a double)
      if (l !== undefined || (symbolic(lhs) && !symbolic(rhs))) return build("add", rhs, lhs);
      if (r === 0) return lhs;
      const sum = lhs.kind === "add" && r !== undefined && isConst(lhs.rhs) ? foldBin("add", lhs.rhs.value, r, true) : undefined;
      if (sum !== undefined) return build("add", (lhs as { lhs: AffineExpr }).lhs, cst(sum));
      const [c1, e1] = lhs.kind === "mul" && isConst(lhs.rhs) ? [lhs.rhs.value, lhs.lhs] : [1, lhs];
      const [c2, e2] = rhs.kind === "mul" && isConst(rhs.rhs) ? [rhs.rhs.value, rhs.lhs] : [1, rhs];
      const k = same(e1, e2) ? foldBin("add", c1, c2, true) : undefined;
      if (k !== undefined) return build("mul", e1, cst(k));
      if (lhs.kind === "add" && isConst(lhs.rhs) && r === undefined) return build("add", build("add", lhs.lhs, rhs), lhs.rhs);
      if (rhs.kind !== "mul") return raw("add", lhs, rhs);
      // lhs + ((lhs floordiv q) * q) * -1, or lhs + (lhs floordiv c) * -c: lhs mod q.
      const f = rhs.lhs;
      if (isConst(rhs.rhs) && rhs.rhs.value === -1 && f.kind === "mul" && f.lhs.kind === "floordiv" && same(f.lhs.rhs, f.rhs) && same(lhs, f.lhs.lhs)) return build("mod", lhs, f.rhs);
      if (f.kind === "floordiv" && isConst(f.rhs) && f.rhs.value > 0 && same(lhs, f.lhs) && isConst(rhs.rhs) && rhs.rhs.value === -f.rhs.value) return build("mod", lhs, f.rhs);
      return raw("add", lhs, rhs);
    }
    case "mul": {
      const folded = l !== undefined && r !== undefined ? foldBin(kind, l, r) : undefined;
      if (folded !== undefined) return cst(folded);
      if (l !== undefined && r !== undefined) return raw("mul", lhs, rhs);
      if (!symbolic(lhs) && !symbolic(rhs)) return raw("mul", lhs, rhs);
      if (!symbolic(rhs) || l !== undefined) return build("mul", rhs, lhs);
      if (r === 1) return lhs;
      if (r === 0) return rhs;
      if (lhs.kind === "mul" && isConst(lhs.rhs)) {
        const k = r !== undefined ? foldBin("mul", lhs.rhs.value, r, true) : undefined;
        if (k !== undefined) return build("mul", lhs.lhs, cst(k));
        if (r === undefined) return build("mul", build("mul", lhs.lhs, rhs), lhs.rhs);
      }
      return raw("mul", lhs, rhs);
    }
    default: {
      // Divisions fold for any non-zero constant divisor; mod only for a positive one.
      if (r === undefined || r === 0 || (kind === "mod" && r < 1)) return raw(kind, lhs, rhs);
      const folded = l !== undefined ? foldBin(kind, l, r) : undefined;
      if (folded !== undefined) return cst(folded);
      if (l !== undefined) return raw(kind, lhs, rhs);
      if (kind === "mod") {
        if (largestDivisor(lhs) % r === 0) return cst(0);
        if (lhs.kind === "add" && largestDivisor(lhs.lhs) % r === 0) return build("mod", lhs.rhs, rhs);
        if (lhs.kind === "add" && largestDivisor(lhs.rhs) % r === 0) return build("mod", lhs.lhs, rhs);
        if (lhs.kind === "mod" && isConst(lhs.rhs) && lhs.rhs.value >= 1 && lhs.rhs.value % r === 0) return build("mod", lhs.lhs, rhs);
        return raw(kind, lhs, rhs);
      }
      if (r === 1) return lhs;
      if (lhs.kind === "mul" && isConst(lhs.rhs) && lhs.rhs.value % r === 0) return build("mul", lhs.lhs, cst(lhs.rhs.value / r));
      if (kind === "floordiv" && lhs.kind === "add" && (largestDivisor(lhs.lhs) % r === 0 || largestDivisor(lhs.rhs) % r === 0)) {
        return build("add", build("floordiv", lhs.lhs, rhs), build("floordiv", lhs.rhs, rhs));
      }
      return raw(kind, lhs, rhs);
    }
  }
}

/** Dims and symbols replaced; subtrees that did not change are kept as they are (MLIR's replaceDimsAndSymbols). */
export function substitute(e: AffineExpr, dims: readonly AffineExpr[], syms: readonly AffineExpr[]): AffineExpr {
  switch (e.kind) {
    case "dim": case "sym": { // the same leaf back keeps `e` (and what contains it) unchanged
      const r = (e.kind === "dim" ? dims : syms)[e.pos];
      return r && !(r.kind === e.kind && r.pos === e.pos) ? r : e;
    }
    case "const": return e;
    default: {
      const l = substitute(e.lhs, dims, syms), r = substitute(e.rhs, dims, syms);
      return l === e.lhs && r === e.rhs ? e : build(e.kind, l, r);
    }
  }
}

/** Affine without products of non-constants or divisions by non-constants (MLIR's isPureAffine). */
const pure = (e: AffineExpr): boolean => e.kind === "dim" || e.kind === "sym" || e.kind === "const" ||
  (e.kind === "add" ? pure(e.lhs) && pure(e.rhs) : e.kind === "mul" ? pure(e.lhs) && pure(e.rhs) && (isConst(e.lhs) || isConst(e.rhs)) : pure(e.lhs) && isConst(e.rhs));

/** A flattened expression: coefficients of dims then symbols, of locals (missing = 0), and a constant. */
interface Flat { lin: number[]; loc: number[]; c: number }
/** The form if its coefficients are exact (MLIR's are int64; past 2^53 the expression is left as it is). */
const exact = (f: Flat | undefined) => (f && [...f.lin, ...f.loc, f.c].every((x) => x === undefined || Number.isSafeInteger(x)) ? f : undefined);

class Flattener {
  readonly locals: AffineExpr[] = [];
  constructor(readonly nd: number, readonly ns: number) {}
  private unit(i: number): Flat { const lin = new Array<number>(this.nd + this.ns).fill(0); lin[i] = 1; return { lin, loc: [], c: 0 }; }
  private static scale(f: Flat, k: number): Flat { return { lin: f.lin.map((x) => x * k), loc: f.loc.map((x) => x * k), c: f.c * k }; }
  /** f / g for g dividing every coefficient (x * (1 / g) is not always exact). */
  private static divide(f: Flat, g: number): Flat { return { lin: f.lin.map((x) => x / g), loc: f.loc.map((x) => x / g), c: f.c / g }; }
  private static entries(f: Flat): number[] { return [...f.lin, ...Array.from(f.loc, (x) => x ?? 0), f.c]; }
  private local(e: AffineExpr): number {
    const k = this.locals.findIndex((x) => same(x, e));
    return k >= 0 ? k : this.locals.push(e) - 1;
  }
  expr(f: Flat): AffineExpr {
    let e: AffineExpr = cst(0);
    f.lin.forEach((k, j) => { if (k) e = build("add", e, build("mul", j < this.nd ? dim(j) : sym(j - this.nd), cst(k))); });
    f.loc.forEach((k, j) => { if (k) e = build("add", e, build("mul", this.locals[j], cst(k))); });
    return f.c ? build("add", e, cst(f.c)) : e;
  }
  /** The flat form, or undefined for what is not pure affine or divides by a non-positive constant. */
  flatten(e: AffineExpr): Flat | undefined {
    switch (e.kind) {
      case "dim": return this.unit(e.pos);
      case "sym": return this.unit(this.nd + e.pos);
      case "const": return { lin: new Array<number>(this.nd + this.ns).fill(0), loc: [], c: e.value };
    }
    const a = this.flatten(e.lhs), b = this.flatten(e.rhs);
    return a && b ? exact(this.combine(e, a, b)) : undefined;
  }
  private combine(e: AffineExpr & { kind: BinKind }, a: Flat, b: Flat): Flat | undefined {
    if (e.kind === "add") {
      const loc: number[] = [];
      for (let i = 0; i < Math.max(a.loc.length, b.loc.length); i++) loc[i] = (a.loc[i] ?? 0) + (b.loc[i] ?? 0);
      return { lin: a.lin.map((x, i) => x + b.lin[i]), loc, c: a.c + b.c };
    }
    if (e.kind === "mul") return isConst(e.rhs) ? Flattener.scale(a, e.rhs.value) : isConst(e.lhs) ? Flattener.scale(b, e.lhs.value) : undefined;
    if (!isConst(e.rhs) || e.rhs.value <= 0) return undefined;
    const d = e.rhs.value, es = Flattener.entries(a);
    if (e.kind === "mod") {
      if (es.every((x) => x % d === 0)) return Flattener.scale(a, 0);
      const g = es.reduce(gcd, d);
      const k = this.local(build("floordiv", this.expr(Flattener.divide(a, g)), cst(d / g)));
      const loc = [...a.loc];
      loc[k] = -d;
      return { lin: a.lin, loc, c: a.c };
    }
    const g = es.reduce(gcd, d), q = Flattener.divide(a, g);
    if (d / g === 1) return q;
    const k = this.local(build(e.kind, this.expr(q), cst(d / g)));
    const r = Flattener.scale(a, 0);
    r.loc[k] = 1;
    return r;
  }
}

/** The terms of a sum (MLIR's getSummandExprs). */
const summands = (e: AffineExpr): AffineExpr[] => (e.kind === "add" ? [...summands(e.lhs), ...summands(e.rhs)] : [e]);
/** `e` of `e * -1` (or `-1 * e`). */
const negated = (t: AffineExpr) => (t.kind !== "mul" ? undefined : isConst(t.rhs) && t.rhs.value === -1 ? t.lhs : isConst(t.lhs) && t.lhs.value === -1 ? t.rhs : undefined);
/** `lhs` is `x - x mod q` for q = `rhs` (its other terms sum to x), so `lhs mod q` is 0 (MLIR's isModOfModSubtraction). */
function modOfModSubtraction(lhs: AffineExpr, rhs: AffineExpr, nd: number, ns: number): boolean {
  const terms = summands(lhs);
  return terms.some((t, i) => {
    const m = negated(t);
    if (m?.kind !== "mod" || !same(m.rhs, rhs)) return false;
    const diff = simplifyExpr(terms.reduce((acc, u, j) => (j === i ? acc : build("add", acc, u)), build("mul", m.lhs, cst(-1))), nd, ns);
    return isConst(diff) && diff.value === 0;
  });
}
/**
 * Of MLIR's simplifySemiAffine, the mod of `x - x mod q` by q, which is 0. (MLIR 19 folds the
 * floordiv and ceildiv of it by q to 0 too, which is wrong: (10 - 10 mod 3) floordiv 3 is 3.)
 */
function semiAffine(e: AffineExpr, nd: number, ns: number): AffineExpr {
  if (e.kind === "dim" || e.kind === "sym" || e.kind === "const") return e;
  const l = semiAffine(e.lhs, nd, ns), r = semiAffine(e.rhs, nd, ns);
  if (e.kind === "mod" && modOfModSubtraction(l, r, nd, ns)) return cst(0);
  return l === e.lhs && r === e.rhs ? e : build(e.kind, l, r);
}

/** MLIR's simplifyAffineExpr: pure affine expressions rebuilt from their flat form, others as they are but for semiAffine. */
export function simplifyExpr(e: AffineExpr, nd: number, ns: number): AffineExpr {
  if (!pure(e)) e = semiAffine(e, nd, ns);
  if (!pure(e)) return e;
  const fl = new Flattener(nd, ns), f = fl.flatten(e);
  return f ? fl.expr(f) : e;
}

export const simplifyMap = (m: AffineMap): AffineMap => new AffineMap(m.numDims, m.numSyms, m.results.map((e) => simplifyExpr(e, m.numDims, m.numSyms)));

/** The coefficients (dims, symbols, constant) of an expression that flattens without locals. */
export function linearForm(e: AffineExpr, nd: number, ns: number): number[] | undefined {
  if (!pure(e)) return undefined;
  const fl = new Flattener(nd, ns), f = fl.flatten(e);
  return f && !f.loc.some((x) => x) ? [...f.lin, f.c] : undefined;
}
/** The expression of linearForm's coefficients, in MLIR's term order. */
export function fromLinear(coeffs: readonly number[], nd: number, ns: number): AffineExpr {
  return new Flattener(nd, ns).expr({ lin: coeffs.slice(0, -1), loc: [], c: coeffs[coeffs.length - 1] });
}
