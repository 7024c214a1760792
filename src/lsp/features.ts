// Hover, go to definition and document symbols, answered from a chunk's module and its
// SourceIndex. Symbols (`@f`) are looked up by name: the index records SSA names and labels only.
import { MarkupKind, SymbolKind, type DocumentSymbol, type Hover, type Location, type Position } from "vscode-languageserver/node.js";
import { BlockArgument, OpResult, symbolName, type Operation, type Value } from "../ir/core.js";
import type { Mention, Span } from "../ir/source-index.js";
import type { Analysis, Chunk } from "./analysis.js";

const code = (s: string) => "`" + s + "`";

/** Where `v` comes from, in words: `result of arith.addi`, `argument #1 of func.func @f`. */
function origin(chunk: Chunk, v: Value): string {
  if (v instanceof OpResult) return `${v.op.results.length > 1 ? `result #${v.index}` : "result"} of ${code(v.op.name)}`;
  if (!(v instanceof BlockArgument)) return "a value";
  const b = v.block, parent = b.parentOp, label = chunk.index?.blockDefs.get(b);
  const owner = label ? `block ${code(chunk.text.slice(label.start, label.end))}` : parent ? opTitle(parent) : "a block";
  return `argument #${v.index} of ${owner}`;
}
const opTitle = (op: Operation) => code(symbolName(op) === undefined ? op.name : `${op.name} @${symbolName(op)}`);

function describe(chunk: Chunk, m: Mention): string {
  const written = code(chunk.text.slice(m.span.start, m.span.end));
  switch (m.kind) {
    case "value": {
      const def = chunk.index!.valueDefs.get(m.value);
      return `${written}: ${code(m.value.type.str)}\n\n${origin(chunk, m.value)}` + (def ? `, defined at line ${chunk.position(def.start).line + 1}` : "");
    }
    case "block": {
      const args = m.block.args.map((a) => code(a.type.str)).join(", ");
      return `block ${written}` + (args ? ` with arguments ${args}` : " (no arguments)");
    }
    case "op": {
      const results = m.op.results.map((r) => code(r.type.str)).join(", ");
      return `${code(m.op.name)}: ` + (results ? `results ${results}` : "no results");
    }
  }
}

export function hover(a: Analysis, pos: Position): Hover | null {
  const chunk = a.chunkAt(pos.line), m = chunk?.index?.at(chunk.offset(pos));
  if (!chunk || !m) return null;
  return { contents: { kind: MarkupKind.Markdown, value: describe(chunk, m) }, range: chunk.range(m.span) };
}

/** `@name` under `offset` (also with the cursor right after it). */
export function symbolAt(text: string, offset: number): { name: string; span: Span } | undefined {
  const isName = (c: string | undefined) => c !== undefined && /[\w$.]/.test(c);
  let s = offset;
  while (s > 0 && isName(text[s - 1])) s--;
  if (text[s] !== "@") { if (text[s - 1] !== "@") return undefined; s--; }
  let e = s + 1;
  while (isName(text[e])) e++;
  return e > s + 1 && offset <= e ? { name: text.slice(s + 1, e), span: { start: s, end: e } } : undefined;
}

/** Where `op`, which defines symbol `name`, writes `@name` (else its op name). */
function symbolSpan(chunk: Chunk, op: Operation, name: string): Span | undefined {
  const spans = chunk.index?.ops.get(op);
  if (!spans) return undefined;
  const at = chunk.text.indexOf("@" + name, spans.whole.start);
  return at >= 0 && at < spans.whole.end ? { start: at, end: at + name.length + 1 } : spans.name;
}

/** The op that defines symbol `name` in the chunk: the first, as a symbol table finds it. */
export function symbolOp(chunk: Chunk, name: string): Operation | undefined {
  let found: Operation | undefined;
  chunk.module?.walk((op) => { if (!found && symbolName(op) === name) found = op; return !found; });
  return found;
}
/** Where the op that defines symbol `name` writes `@name`. */
export function findSymbol(chunk: Chunk, name: string): Span | undefined {
  const op = symbolOp(chunk, name);
  return op && symbolSpan(chunk, op, name);
}

export function definition(a: Analysis, uri: string, pos: Position): Location | null {
  const chunk = a.chunkAt(pos.line);
  if (!chunk?.index) return null;
  const offset = chunk.offset(pos), sym = symbolAt(chunk.text, offset);
  const m = sym ? undefined : chunk.index.at(offset);
  const target = sym ? findSymbol(chunk, sym.name)
    : m?.kind === "value" ? chunk.index.valueDefs.get(m.value)
    : m?.kind === "block" ? chunk.index.blockDefs.get(m.block) : undefined;
  return target ? { uri, range: chunk.range(target) } : null;
}

function symbolKind(op: Operation): SymbolKind {
  if (op.name === "builtin.module") return SymbolKind.Module;
  if (op.name.endsWith("func")) return SymbolKind.Function;
  return op.name.endsWith("global") ? SymbolKind.Variable : SymbolKind.Object;
}

/** Symbols (functions, globals, named modules) of each chunk, nested as the modules nest. */
export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const collect = (chunk: Chunk, ops: Operation[]): DocumentSymbol[] => ops.flatMap((op) => {
    const name = symbolName(op), spans = chunk.index?.ops.get(op);
    const inner = op.name === "builtin.module" && op.regions[0]?.blocks[0] ? collect(chunk, op.body().ops) : [];
    if (name === undefined || !spans) return inner;
    const type = op.attr("function_type") ?? op.attr("type") ?? op.attr("global_type");
    const sel = symbolSpan(chunk, op, name) ?? spans.name;
    return [{ name: "@" + name, detail: type?.str, kind: symbolKind(op), range: chunk.range(spans.whole), selectionRange: chunk.range(sel), children: inner }];
  });
  return a.chunks.flatMap((c) => (c.module ? collect(c, c.module.ops) : []));
}
