// Code completion from the text around the cursor, so that it works in a chunk that does not
// parse yet (the usual state while typing): `%` values, `^` labels and `@` symbols written in the
// chunk, op names where an op starts, builtin types after `:` and `->`.
import { CompletionItemKind, type CompletionItem, type Position } from "vscode-languageserver/node.js";
import type { Analysis, Chunk } from "./analysis.js";

const TYPES = ["i1", "i8", "i16", "i32", "i64", "index", "f16", "bf16", "f32", "f64", "tensor<", "memref<", "vector<", "!tensorlang.tensor<", "!llvm.ptr"];
const SIGILS: Record<string, { pattern: RegExp; kind: CompletionItemKind }> = {
  "%": { pattern: /%[\w$.-]+/g, kind: CompletionItemKind.Variable },
  "^": { pattern: /\^[\w$.-]+/g, kind: CompletionItemKind.Reference },
  "@": { pattern: /@[\w$.]+/g, kind: CompletionItemKind.Function },
};

/** The chunk's text with `//` comments blanked (offsets kept), so names in comments are not offered. */
const withoutComments = (text: string) => text.replace(/\/\/[^\n]*/g, (c) => " ".repeat(c.length));

/** The type(s) of each value name the parsed chunk defines (`%x` -> `f32`), for the completion's detail. */
function valueTypes(chunk: Chunk): Map<string, string> {
  const types = new Map<string, string[]>();
  for (const [v, s] of chunk.index?.valueDefs ?? []) {
    const name = chunk.text.slice(s.start, s.end);
    types.set(name, [...(types.get(name) ?? []), v.type.str]);
  }
  return new Map([...types].map(([n, ts]) => [n, ts.join(", ")]));
}

export function completion(a: Analysis, pos: Position): CompletionItem[] {
  const chunk = a.chunkAt(pos.line);
  if (!chunk) return [];
  const text = chunk.text, offset = chunk.offset(pos);
  let start = offset;
  while (start > 0 && /[\w$.-]/.test(text[start - 1])) start--;
  if (text[start - 1] === "!") start--; // a dialect type: `!tensorlang.tensor<`
  const prefix = text.slice(start, offset), sigil = text[start - 1];
  const range = (from: number) => chunk.range({ start: from, end: offset });

  if (sigil in SIGILS) {
    const { pattern, kind } = SIGILS[sigil], types = sigil === "%" ? valueTypes(chunk) : undefined;
    // Each name once, those written before the cursor first, nearest first (values are mostly
    // defined before their uses); the editor keeps this order through sortText.
    const distance = new Map<string, number>();
    for (const m of withoutComments(text).matchAll(pattern)) {
      const name = m[0].split("#")[0], d = m.index < start ? start - m.index : text.length + m.index;
      if (m.index !== start - 1 && name.startsWith(sigil + prefix) && !(distance.get(name)! <= d)) distance.set(name, d);
    }
    return [...distance].sort((x, y) => x[1] - y[1]).map(([label], i) => ({
      label, kind, detail: types?.get(label), sortText: String(i).padStart(5, "0"), textEdit: { range: range(start - 1), newText: label },
    }));
  }
  const before = text.slice(text.lastIndexOf("\n", start - 1) + 1, start).trimEnd();
  if (before === "" || before.endsWith("=")) {
    return chunk.ctx.opNames.filter((n) => n.startsWith(prefix)).sort()
      .map((label) => ({ label, kind: CompletionItemKind.Keyword, textEdit: { range: range(start), newText: label } }));
  }
  // Types follow `:` and `->`, and `,` or `(` in a type list (a line that has one of those).
  if (/(:|->)$/.test(before) || (/[,(]$/.test(before) && /:|->/.test(before))) {
    return TYPES.filter((t) => t.startsWith(prefix)).map((label) => ({ label, kind: CompletionItemKind.TypeParameter, textEdit: { range: range(start), newText: label } }));
  }
  return [];
}
