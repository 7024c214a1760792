// Affine custom syntax over SSA ids: `%A[%i + 1, symbol(%n) * 2]`, bounds like `max #map(%i)[%n]`,
// and affine.parallel's grouped bound lists. Dims and symbols are numbered in order of first use,
// as MLIR's parser does, and a map's operands are its dims followed by its symbols.
import { AffineMap, dim, exprStr, intStr, sym, type AffineExpr } from "../ir/affine.js";
import { AffineMapAttr } from "../ir/attributes.js";
import type { Value } from "../ir/core.js";
import { DiagnosticError, type Location } from "../ir/diagnostics.js";
import type { OpAsmParser, UnresolvedOperand } from "../ir/parser.js";
import type { OpAsmPrinter } from "../ir/printer.js";

/** Collects the dims and symbols an SSA-id expression list refers to. */
export class SSAIdTable {
  readonly dims: UnresolvedOperand[] = [];
  readonly syms: UnresolvedOperand[] = [];

  /** Parses one expression whose leaves are `%x` (a dim) or `symbol(%x)` (a symbol). */
  parseExpr(p: OpAsmParser): AffineExpr {
    return p.parseAffineExpr((t) => {
      if (t.kind === "percent") {
        p.lex.pos = t.pos;   // re-read as an operand so `%x#1` works
        return this.leaf(p.parseOperand(), this.dims, dim);
      }
      if (t.kind === "bare" && t.text === "symbol") {
        p.expect("(");
        const u = p.parseOperand();
        p.expect(")");
        return this.leaf(u, this.syms, sym);
      }
      return undefined;
    });
  }
  private leaf(u: UnresolvedOperand, list: UnresolvedOperand[], make: (i: number) => AffineExpr): AffineExpr {
    // Like MLIR, an id seen before keeps its first role (dim or symbol).
    const same = (o: UnresolvedOperand) => o.name === u.name && o.index === u.index;
    const d = this.dims.findIndex(same);
    if (d >= 0) return dim(d);
    const s = this.syms.findIndex(same);
    if (s >= 0) return sym(s);
    list.push(u);
    return make(list.length - 1);
  }
  /** The operands in map order: dims then symbols. */
  get operands(): UnresolvedOperand[] { return [...this.dims, ...this.syms]; }
  map(results: AffineExpr[]): AffineMap { return new AffineMap(this.dims.length, this.syms.length, results); }
}

/** `[e, e, ...]`: a subscript list as a map over SSA ids and the operands it uses. */
export function parseSubscripts(p: OpAsmParser): { map: AffineMap; operands: UnresolvedOperand[] } {
  const tab = new SSAIdTable();
  const results: AffineExpr[] = [];
  p.expect("[", "expected '[' in affine map"); // (MLIR's parseCommaSeparatedList context)
  if (!p.accept("]")) {
    do results.push(tab.parseExpr(p)); while (p.accept(","));
    p.expect("]", "expected ']' in affine map");
  }
  return { map: tab.map(results), operands: tab.operands };
}

/** Prints map results with SSA names in place of dims and `symbol(%x)` in place of symbols. */
export function ssaExprStr(p: OpAsmPrinter, e: AffineExpr, numDims: number, operands: readonly Value[]): string {
  return exprStr(e, (l) => (l.kind === "dim" ? p.name(operands[l.pos]) : `symbol(${p.name(operands[numDims + l.pos])})`));
}
export function printSubscripts(p: OpAsmPrinter, map: AffineMap, operands: readonly Value[]): string {
  return `[${map.results.map((r) => ssaExprStr(p, r, map.numDims, operands)).join(", ")}]`;
}

/**
 * `#map(%d0, %d1)[%s0]` or `affine_map<...>(...)[...]`: a map attribute and its operands, their
 * counts unchecked: each op words (or leaves to its verifier) a mismatch as MLIR does.
 */
export function parseMapAndOperands(p: OpAsmParser): { map: AffineMap; dims: UnresolvedOperand[]; syms: UnresolvedOperand[] } {
  const loc = p.locHere();
  const a = p.parseAttribute();
  if (!(a instanceof AffineMapAttr)) throw p.customError("invalid kind of attribute specified", loc);
  return { map: a.map, ...parseDimsAndSyms(p) };
}
/** `(%d...)[%s...]`, the symbols optional (MLIR's parseDimAndSymbolList). */
function parseDimsAndSyms(p: OpAsmParser): { dims: UnresolvedOperand[]; syms: UnresolvedOperand[] } {
  const dims = p.parseOperandList("paren");
  return { dims, syms: p.peekText() === "[" ? p.parseOperandList("square") : [] };
}
/** `(%d...)[%s...]` after a map, as MLIR's printDimAndSymbolList. */
export function dimSymList(p: OpAsmPrinter, numDims: number, operands: readonly Value[]): string {
  const syms = operands.slice(numDims);
  return `(${p.operands(operands.slice(0, numDims))})` + (syms.length ? `[${p.operands(syms)}]` : "");
}

/**
 * One affine.for bound: `%sym` (map `()[s0] -> (s0)`), an integer (constant map), or
 * `[max|min] map(dims)[syms]`. Multi-result maps need the keyword (`max` lower, `min` upper).
 */
export function parseBound(p: OpAsmParser, lower: boolean, opLoc: Location): { map: AffineMap; operands: UnresolvedOperand[] } {
  // (MLIR's order and words, its errors at the op's name; `max`/`min` may precede any form)
  const kw = lower ? "max" : "min";
  const prefixed = !!p.parseOptionalKeyword(kw);
  const o = p.parseOptionalOperand();
  if (o) {
    if (p.peekText() !== ",") return { map: new AffineMap(0, 1, [sym(0)]), operands: [o] };
    while (p.accept(",")) p.parseOperand();
    throw p.customError("expected only one loop bound operand", opLoc);
  }
  const t = p.lex.peek();
  if (t.kind === "int" || t.text === "-") return { map: AffineMap.constant(p.parseIndexInteger()), operands: [] }; // (in index range, or an error)
  const loc = p.locHere();
  const a = p.parseAttribute();
  if (!(a instanceof AffineMapAttr)) throw p.customError("expected valid affine map representation for loop bounds", opLoc);
  const map = a.map, { dims, syms } = parseDimsAndSyms(p);
  if (dims.length !== map.numDims) throw p.customError("dim operand count and affine map dim count must match", opLoc);
  if (syms.length !== map.numSyms) throw p.customError("symbol operand count and affine map symbol count must match", opLoc);
  if (map.results.length > 1 && !prefixed) {
    throw p.customError(`${lower ? "lower" : "upper"} loop bound affine map with multiple results requires '${kw}' prefix`, loc);
  }
  if (map.results.length === 0) throw DiagnosticError.at(loc, "loop bound map must have at least one result");
  return { map, operands: [...dims, ...syms] };
}
export function printBound(p: OpAsmPrinter, map: AffineMap, operands: readonly Value[], lower: boolean): string {
  if (map.results.length === 1) {
    const c = map.constantValue;
    if (c !== undefined && map.numDims === 0 && map.numSyms === 0) return intStr(c);
    if (map.numDims === 0 && map.numSyms === 1 && map.results[0].kind === "sym") return p.name(operands[0]);
  }
  const prefix = map.results.length > 1 ? (lower ? "max " : "min ") : "";
  return prefix + new AffineMapAttr(map).str + dimSymList(p, map.numDims, operands);
}

/**
 * affine.parallel bounds: `(e, max(e, e), ...)` — one group of expressions per loop dimension,
 * all over one table of SSA ids. Returns the concatenated map, group sizes and operands.
 */
export function parseParallelBounds(p: OpAsmParser, kw: "max" | "min"): { map: AffineMap; groups: number[]; operands: UnresolvedOperand[] } {
  const tab = new SSAIdTable();
  const results: AffineExpr[] = [], groups: number[] = [];
  p.expect("(");
  if (!p.accept(")")) {
    do {
      if (p.parseOptionalKeyword(kw)) {
        p.expect("(");
        let n = 0;
        do { results.push(tab.parseExpr(p)); n++; } while (p.accept(","));
        p.expect(")");
        groups.push(n);
      } else { results.push(tab.parseExpr(p)); groups.push(1); }
    } while (p.accept(","));
    p.expect(")");
  }
  return { map: tab.map(results), groups, operands: tab.operands };
}
export function printParallelBounds(p: OpAsmPrinter, map: AffineMap, groups: readonly number[], operands: readonly Value[], kw: "max" | "min"): string {
  let k = 0;
  const parts = groups.map((n) => {
    const es = map.results.slice(k, (k += n)).map((e) => ssaExprStr(p, e, map.numDims, operands));
    return n === 1 ? es[0] : `${kw}(${es.join(", ")})`;
  });
  return `(${parts.join(", ")})`;
}
