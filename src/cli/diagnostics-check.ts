// `--verify-diagnostics`: match emitted diagnostics against `// expected-error @+1 {{...}}`
// annotations in the source, as mlir-opt does.
import type { Diagnostic } from "../ir/diagnostics.js";

interface Expected { line: number; severity: string; text: string; matches: (message: string) => boolean; matched: boolean; at: number }

/** One per line, as MLIR reads them; `-re`: the text's `{{...}}` parts are regular expressions. */
const ANNOT = /\/\/\s*expected-(error|warning|note|remark)(-re)?\s*(@(?:[+-]\d+|above|below))?\s*\{\{(.*)\}\}\s*$/;

/** `firstLine`: lines of the file before `text` (a chunk of it). */
export function parseExpectations(text: string, firstLine = 0): Expected[] {
  const out: Expected[] = [];
  // As MLIR: `@above`/`@below` skip lines that themselves hold annotations (designators).
  const lines = text.split("\n");
  let lastPlain = firstLine; // (the lines before a chunk are plain)
  const below: Expected[] = [];
  lines.forEach((l, i) => {
    const n = firstLine + i + 1, m = ANNOT.exec(l);
    if (!m) {
      lastPlain = n;
      for (const e of below.splice(0)) e.line = n;
      return;
    }
    const off = m[3] ?? "", t = m[4];
    const line = off === "@above" ? lastPlain : off === "@below" ? 0 : n + (off ? Number(off.slice(1)) : 0);
    const re = m[2] ? new RegExp(t.split(/\{\{(.*?)\}\}/).map((part, k) => (k % 2 ? `(?:${part})` : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("")) : undefined;
    const e: Expected = { line, severity: m[1], text: t, matches: re ? (s) => re.test(s) : (s) => s.includes(t), matched: false, at: n };
    if (off === "@below") below.push(e);
    out.push(e);
  });
  return out;
}

/** Returns the problems (unexpected or missing diagnostics); empty means success. */
export function checkDiagnostics(file: string, text: string, emitted: readonly Diagnostic[], firstLine = 0): string[] {
  const expected = parseExpectations(text, firstLine);
  const problems: string[] = [];
  for (const d of emitted.flatMap((d) => [d, ...(d.notes ?? [])])) {
    const e = expected.find((x) => !x.matched && x.severity === d.severity && x.line === d.loc?.line && x.matches(d.message));
    if (e) e.matched = true;
    else problems.push(`${d.loc ? `${d.loc.file}:${d.loc.line}:${d.loc.col}` : file}: error: unexpected ${d.severity}: ${d.message}`);
  }
  for (const e of expected) if (!e.matched) problems.push(`${file}:${e.at}: error: expected ${e.severity} "${e.text}" was not produced`);
  return problems;
}
