// Diagnostics: `file:line:col: error: message`, the source line and a caret.
import { closest, distance } from "fastest-levenshtein";

export interface Location {
  file: string; line: number; col: number;
  /** The `loc(...)` the input wrote when it says more than a file position (a call site, a fused or named location, `unknown`), `#loc` aliases expanded: --mlir-print-debuginfo prints it back. */
  text?: string;
}

export type Severity = "error" | "warning" | "note" | "remark";

export interface Diagnostic { loc?: Location; severity: Severity; message: string; notes?: Diagnostic[] }

/** Source texts by file name (and the lines before them: a chunk of the file), so diagnostics can quote the offending line. */
const sources = new Map<string, { text: string; firstLine: number; lines?: string[] }>();
export function registerSource(file: string, text: string, firstLine = 0): void { sources.set(file, { text, firstLine }); }

export function formatLoc(loc?: Location): string { return loc ? `${loc.file}:${loc.line}:${loc.col}` : "<unknown>"; }
/** Where a run-time failure happened, as both engines word it: `arith.divsi at f.mlir:4:8`. */
export const opSite = (op: { name: string; loc?: Location }): string => `${op.name} at ${formatLoc(op.loc)}`;

/** Past this many characters a quoted line is cut to the part around the column (generated code, a dense literal on one line). */
const SNIPPET_MAX = 160;
/**
 * The source line and a caret under column `col`. The caret's padding keeps the line's tabs, so it
 * stands under the column however wide a terminal draws a tab; a long line is shown from about
 * SNIPPET_MAX / 2 before the column, marked `...` where cut (LLVM's printer drops lines past
 * 4,096 characters altogether).
 */
function snippet(line: string, col: number): string {
  let at = Math.min(Math.max(0, col - 1), line.length), text = line;
  if (line.length > SNIPPET_MAX) {
    const from = Math.max(0, Math.min(at - SNIPPET_MAX / 2, line.length - SNIPPET_MAX)), to = from + SNIPPET_MAX;
    text = (from ? "..." : "") + line.slice(from, to) + (to < line.length ? "..." : "");
    at += (from ? 3 : 0) - from;
  }
  return `\n${text}\n${text.slice(0, at).replace(/[^\t]/g, " ")}^`;
}

export function formatDiagnostic(d: Diagnostic): string {
  let s = `${formatLoc(d.loc)}: ${d.severity}: ${d.message}`;
  const src = d.loc ? sources.get(d.loc.file) : undefined;
  if (d.loc && src) {
    const line = (src.lines ??= src.text.split("\n"))[d.loc.line - 1 - src.firstLine]; // (split once: a file may have thousands of errors)
    if (line !== undefined) s += snippet(line, d.loc.col);
  }
  for (const n of d.notes ?? []) s += "\n" + formatDiagnostic(n);
  return s;
}

/** Thrown for bad input; carries every diagnostic found so far. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "DiagnosticError";
  }
  static at(loc: Location | undefined, message: string): DiagnosticError {
    return new DiagnosticError([{ loc, severity: "error", message }]);
  }
}

/** Collects diagnostics during a run (verifier, passes) instead of stopping at the first. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  error(loc: Location | undefined, message: string): void { this.diagnostics.push({ loc, severity: "error", message }); }
  get hasErrors(): boolean { return this.diagnostics.some((d) => d.severity === "error"); }
  throwIfErrors(): void { if (this.hasErrors) throw new DiagnosticError(this.diagnostics); }
}

/** ` (did you mean 'arith.addf'?)`: the nearest of `known` to a misspelt `name`, two edits away at most, or "". */
export function didYouMean(name: string, known: readonly string[]): string {
  if (!known.length) return "";
  const near = closest(name, known as string[]);
  return distance(name, near) <= Math.min(2, name.length >> 2) ? ` (did you mean '${near}'?)` : "";
}
