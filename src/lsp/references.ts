// Find references, document highlights and rename: every place a value, a block label or a
// symbol is written in its chunk. Values and labels come from the SourceIndex (names as the
// parser resolved them); symbols from the chunk's `@name` tokens, since a symbol reference is a
// plain name that any op may hold in any attribute.
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position, type Range, type TextEdit, type WorkspaceEdit } from "vscode-languageserver/node.js";
import { Lexer } from "../ir/lexer.js";
import type { Span } from "../ir/source-index.js";
import type { Analysis, Chunk } from "./analysis.js";
import { findSymbol, symbolAt, symbolOp } from "./features.js";

/** A name under the cursor: where it is defined (when known) and every other place it is written. */
interface Target { kind: "value" | "block" | "symbol"; sigil: string; name: string; def?: Span; uses: Span[] }

/** The `@name` tokens of `text` (those before a lexing error, in a chunk that is being typed). */
function symbolTokens(text: string): Span[] {
  const lex = new Lexer(text, ""), out: Span[] = [];
  try {
    for (let t = lex.next(); t.kind !== "eof"; t = lex.next()) if (t.kind === "at") out.push({ start: t.pos, end: t.end });
  } catch { /* the rest does not lex */ }
  return out;
}

/** The name part of a mention (`%c` of `%c#1`). */
const nameOf = (chunk: Chunk, s: Span) => chunk.text.slice(s.start, s.end).split("#")[0];

function targetAt(chunk: Chunk, offset: number): Target | undefined {
  const sym = symbolAt(chunk.text, offset);
  if (sym) {
    const written = chunk.text.slice(sym.span.start, sym.span.end), found = findSymbol(chunk, sym.name);
    const def = found && chunk.text.slice(found.start, found.end) === written ? found : undefined; // not the op name it falls back to
    const uses = symbolTokens(chunk.text).filter((s) => chunk.text.slice(s.start, s.end) === written && s.start !== def?.start);
    return { kind: "symbol", sigil: "@", name: sym.name, def, uses };
  }
  const index = chunk.index, m = index?.at(offset);
  if (!index || !m || m.kind === "op") return undefined;
  if (m.kind === "block") {
    const def = index.blockDefs.get(m.block);
    const uses = index.mentions.filter((x) => x.kind === "block" && x.block === m.block && !x.def).map((x) => x.span);
    return { kind: "block", sigil: "^", name: nameOf(chunk, m.span).slice(1), def, uses };
  }
  // The results of `%c:2 = ...` share one definition span, so `%c#0` and `%c#1` are one name.
  const def = index.valueDefs.get(m.value);
  const uses = index.mentions.filter((x) => x.kind === "value" && !x.def && (x.value === m.value || (def && index.valueDefs.get(x.value) === def))).map((x) => x.span);
  return { kind: "value", sigil: "%", name: nameOf(chunk, def ?? m.span).slice(1), def, uses };
}

function withTarget<T>(a: Analysis, pos: Position, fn: (chunk: Chunk, t: Target) => T): T | null {
  const chunk = a.chunkAt(pos.line), t = chunk && targetAt(chunk, chunk.offset(pos));
  return chunk && t ? fn(chunk, t) : null;
}

export function references(a: Analysis, uri: string, pos: Position, includeDeclaration: boolean): Location[] | null {
  return withTarget(a, pos, (chunk, t) =>
    [...(includeDeclaration && t.def ? [t.def] : []), ...t.uses].map((s) => ({ uri, range: chunk.range(s) })));
}

export function highlights(a: Analysis, pos: Position): DocumentHighlight[] | null {
  return withTarget(a, pos, (chunk, t) => [
    ...(t.def ? [{ range: chunk.range(t.def), kind: DocumentHighlightKind.Write }] : []),
    ...t.uses.map((s) => ({ range: chunk.range(s), kind: DocumentHighlightKind.Read })),
  ]);
}

/** The range to rename (the name without `#n`) and its text, or null where nothing renames. */
export function prepareRename(a: Analysis, pos: Position): { range: Range; placeholder: string } | null {
  return withTarget(a, pos, (chunk, t) => {
    const offset = chunk.offset(pos);
    const s = [t.def, ...t.uses].find((x) => x && x.start <= offset && offset <= x.end) ?? t.def ?? t.uses[0];
    return { range: chunk.range({ start: s.start, end: s.start + 1 + t.name.length }), placeholder: t.sigil + t.name };
  });
}

// MLIR's identifiers: SSA names and labels may also hold '-' and start with a digit; symbols not.
const VALID = { value: /^[\w$.-]+$/, block: /^[\w$.-]+$/, symbol: /^[A-Za-z_][\w$.]*$/ };

/** The innermost op around `s` that starts a new scope for names (`func.func`), if any. */
function scopeOf(chunk: Chunk, s: Span): Span {
  let best: Span = { start: 0, end: chunk.text.length };
  for (const [op, spans] of chunk.index?.ops ?? []) {
    const w = spans.whole;
    if (w.start <= s.start && s.end <= w.end && w.end - w.start < best.end - best.start && chunk.ctx.hasTrait(op, "IsolatedFromAbove")) best = w;
  }
  return best;
}

/** Why `name` may not replace the target's name, if it may not. */
function renameProblem(chunk: Chunk, t: Target, name: string): string | undefined {
  if (!chunk.module) return "the code around it does not parse: fix that first";
  if (!VALID[t.kind].test(name)) return `'${t.sigil}${name}' is not a valid ${t.kind === "symbol" ? "symbol" : t.kind === "block" ? "block label" : "SSA value"} name`;
  const index = chunk.index!;
  if (t.kind === "symbol") {
    return symbolOp(chunk, name) ? `symbol '@${name}' is already defined` : undefined;
  }
  const scope = scopeOf(chunk, t.def ?? t.uses[0]);
  const defs = t.kind === "value" ? [...new Set(index.valueDefs.values())] : [...index.blockDefs.values()];
  const taken = defs.some((s) => s.start >= scope.start && s.end <= scope.end && nameOf(chunk, s) === t.sigil + name);
  return taken ? `'${t.sigil}${name}' is already defined in this ${t.kind === "block" ? "region" : "function"}` : undefined;
}

/** The edits that rename the target under `pos` to `newName` (with or without its sigil), or why not. */
export function rename(a: Analysis, uri: string, pos: Position, newName: string): WorkspaceEdit | { error: string } | null {
  return withTarget(a, pos, (chunk, t) => {
    const name = newName.startsWith(t.sigil) ? newName.slice(1) : newName;
    const problem = renameProblem(chunk, t, name);
    if (problem) return { error: problem };
    const edits: TextEdit[] = [...(t.def ? [t.def] : []), ...t.uses].map((s) => ({
      range: chunk.range({ start: s.start, end: s.start + 1 + t.name.length }), newText: t.sigil + name,
    }));
    return { changes: { [uri]: edits } };
  });
}
