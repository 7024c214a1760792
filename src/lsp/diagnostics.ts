// TensorLang diagnostics as LSP diagnostics: a location becomes the range of the token it
// points at (an op name, a `%value`), notes become related information.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation, type Range } from "vscode-languageserver/node.js";
import type { Diagnostic, Location } from "../ir/diagnostics.js";
import type { Analysis, Chunk } from "./analysis.js";

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, note: DiagnosticSeverity.Information, remark: DiagnosticSeverity.Hint };

const isNameChar = (c: string | undefined) => c !== undefined && /[\w$.\-]/.test(c);

/** The token at `offset`: a name (with its `%`/`^`/`@`/`#` sigil), a string, or one character. */
function tokenEnd(text: string, offset: number): number {
  const c = text[offset];
  if (c === '"') { const q = text.indexOf('"', offset + 1), nl = text.indexOf("\n", offset); return q > 0 && (nl < 0 || q < nl) ? q + 1 : offset + 1; }
  let e = "%^@#!".includes(c ?? " ") ? offset + 1 : offset;
  while (isNameChar(text[e])) e++;
  return Math.max(e, offset + 1);
}

/** The range a location names in `chunk`, or undefined when it points into another file. */
function rangeOf(chunk: Chunk, file: string, loc: Location | undefined): Range | undefined {
  if (!loc || loc.file !== file) return undefined;
  const start = chunk.offset({ line: loc.line - 1, character: loc.col - 1 });
  return { start: chunk.position(start), end: chunk.position(tokenEnd(chunk.text, start)) };
}

export function lspDiagnostics(a: Analysis, uri: string): LspDiagnostic[] {
  const out: LspDiagnostic[] = [];
  for (const chunk of a.chunks) {
    const chunkStart = { start: { line: chunk.firstLine, character: 0 }, end: { line: chunk.firstLine, character: 0 } };
    for (const d of chunk.diagnostics) {
      const range = rangeOf(chunk, a.file, d.loc);
      // A location in another file (from a `loc(...)` the text carries) is named in the message.
      const message = range || !d.loc ? d.message : `${d.message} (at ${d.loc.file}:${d.loc.line}:${d.loc.col})`;
      const related: DiagnosticRelatedInformation[] = (d.notes ?? []).map((n: Diagnostic) => ({
        location: { uri, range: rangeOf(chunk, a.file, n.loc) ?? range ?? chunkStart }, message: n.message,
      }));
      out.push({ range: range ?? chunkStart, severity: SEVERITY[d.severity], source: "tensorlang", message, ...(related.length ? { relatedInformation: related } : {}) });
    }
  }
  return out;
}
