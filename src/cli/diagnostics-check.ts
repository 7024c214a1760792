// `--verify-diagnostics`: match emitted diagnostics against `// expected-error @+1 {{...}}`
// annotations in the source, as mlir-opt does.
import type { Diagnostic } from "../ir/diagnostics.js";

interface Expected { line: number; severity: string; text: string; matched: boolean; at: number }

const ANNOT = /\/\/\s*expected-(error|warning|note|remark)\s*(@(?:[+-]\d+|above|below))?\s*\{\{(.*?)\}\}/g;

export function parseExpectations(text: string): Expected[] {
  const out: Expected[] = [];
  text.split("\n").forEach((l, i) => {
    for (const m of l.matchAll(ANNOT)) {
      const off = m[2] ?? "";
      const line = i + 1 + (off === "@above" ? -1 : off === "@below" ? 1 : off ? Number(off.slice(1)) : 0);
      out.push({ line, severity: m[1], text: m[3], matched: false, at: i + 1 });
    }
  });
  return out;
}

/** Returns the problems (unexpected or missing diagnostics); empty means success. */
export function checkDiagnostics(file: string, text: string, emitted: readonly Diagnostic[]): string[] {
  const expected = parseExpectations(text);
  const problems: string[] = [];
  for (const d of emitted) {
    const e = expected.find((x) => !x.matched && x.severity === d.severity && x.line === d.loc?.line && d.message.includes(x.text));
    if (e) e.matched = true;
    else problems.push(`${d.loc ? `${d.loc.file}:${d.loc.line}:${d.loc.col}` : file}: error: unexpected ${d.severity}: ${d.message}`);
  }
  for (const e of expected) if (!e.matched) problems.push(`${file}:${e.at}: error: expected ${e.severity} "${e.text}" was not produced`);
  return problems;
}
