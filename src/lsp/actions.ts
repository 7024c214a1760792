// Quick fixes (textDocument/codeAction) for the diagnostics the editor hands back: a misspelt op
// name becomes each name the diagnostic suggests, a linear value used twice gets a
// `tensorlang.copy` whose two results take its two uses, and a missing `: T` after operands of
// type T is added. A fix is offered only when its chunk, edited, parses the ops it wrote into and
// has no error on their lines: `llvm.call` is no fix for `call @f` in an `scf.for` of a func.func,
// nor `: f32` for a `func.call`, so a suggestion that would only move the error is not offered.
import { CodeActionKind, type CodeAction, type Diagnostic } from "vscode-languageserver/node.js";
import { OpResult, type Block, type Operation, type Value } from "../ir/core.js";
import { parseModuleIndexed, SourceIndex, type Span } from "../ir/source-index.js";
import { LINEARITY_MESSAGE, linearityViolations, usedInLoop } from "../passes/verify-linearity.js";
import { checkedChunk, contextFor, type Analysis, type Chunk } from "./analysis.js";

interface Edit { span: Span; newText: string }
interface Fix { title: string; edits: Edit[] }

/** The names a message ending in `(did you mean 'func.call' or 'llvm.call'?)` suggests. */
function suggestions(message: string): string[] {
  const m = /\(did you mean ('[^']+'(?: or '[^']+')*)\?\)$/.exec(message);
  return m ? [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]) : [];
}

/** Replace the op name at `span` (`arith.adf`, or `"arith.adf"` in generic form) with each suggestion. */
function opNameFixes(chunk: Chunk, span: Span, message: string): Fix[] {
  const written = chunk.text.slice(span.start, span.end), quote = written.startsWith('"') ? '"' : "";
  if (!message.includes(`'${quote ? written.slice(1, -1) : written}'`)) return []; // the range is not the name it is about
  return suggestions(message).map((name) => ({ title: `Replace with '${name}'`, edits: [{ span, newText: quote + name + quote }] }));
}

/** The op of `block` that holds `op` (itself or an ancestor), if any. */
function ancestorIn(block: Block, op: Operation): Operation | undefined {
  for (let o: Operation | null = op; o; o = o.parentOp) if (o.parent === block) return o;
  return undefined;
}

/** A name for the copy's results that no value of the chunk has yet. */
function freshName(chunk: Chunk): string {
  const taken = new Set([...chunk.index!.valueDefs.values()].map((s) => chunk.text.slice(s.start, s.end)));
  let name = "%copy";
  for (let i = 1; taken.has(name); i++) name = `%copy${i}`;
  return name;
}

/**
 * For `v`, used twice: `%copy:2 = tensorlang.copy %v : T` before the first op (of `v`'s block)
 * that uses it, and `%copy#0`, `%copy#1` for its uses. Not for a use inside a loop: the copy would
 * be used there once per iteration too.
 */
function copyFix(chunk: Chunk, v: Value): Fix | undefined {
  const index = chunk.index!, block = v.definingBlock;
  const uses = index.mentions.filter((m) => m.kind === "value" && !m.def && m.value === v).map((m) => m.span);
  if (uses.length !== 2 || v.uses.length !== 2 || v.uses.some((u) => usedInLoop(v, u.op))) return undefined;
  const anchors = block ? v.uses.map((u) => ancestorIn(block, u.op)) : [];
  if (!block || anchors.some((a) => !a)) return undefined;
  const anchor = anchors.sort((x, y) => block.ops.indexOf(x!) - block.ops.indexOf(y!))[0]!;
  const at = index.ops.get(anchor)!.whole.start, lineStart = chunk.text.lastIndexOf("\n", at - 1) + 1;
  const indent = /^[ \t]*/.exec(chunk.text.slice(lineStart, at))![0];
  const spelt = chunk.text.slice(uses[0].start, uses[0].end), copy = freshName(chunk);
  return {
    title: `Insert tensorlang.copy of ${spelt}`,
    edits: [
      { span: { start: at, end: at }, newText: `${copy}:2 = tensorlang.copy ${spelt} : ${v.type.str}\n${indent}` },
      ...uses.map((span, i) => ({ span, newText: `${copy}#${i}` })),
    ],
  };
}

/** What the parse of `chunk` recorded up to its parse error. */
function partialIndex(chunk: Chunk, file: string): SourceIndex {
  const index = new SourceIndex();
  try { parseModuleIndexed(chunk.text, file, contextFor(chunk.ctx.allowUnregistered), index, chunk.firstLine); } catch { /* stopped at the error */ }
  return index;
}

/** The type of the value `name` (no `#n`) that the parse in `index` had defined last before `offset`. */
function typeBefore(chunk: Chunk, index: SourceIndex, name: string, offset: number): string | undefined {
  let type: string | undefined;
  for (const [v, s] of index.valueDefs) if (s.start < offset && chunk.text.slice(s.start, s.end) === name) type = v.type.str;
  return type;
}

/**
 * `expected ':'` after an op's operands, all of one type `T` (as the chunk defines them before it,
 * read from the parse that stopped there): add ` : T`. That this is the type the op wants is
 * what `holds` checks (for `arith.addf %a, %b` it is; for `func.call` it is not).
 */
function typeFix(a: Analysis, chunk: Chunk, offset: number): Fix[] {
  const index = partialIndex(chunk, a.file);
  const line = chunk.text.slice(chunk.text.lastIndexOf("\n", offset - 1) + 1, offset);
  const names = line.slice(line.indexOf("=") + 1).match(/%[\w$.-]+(#\d+)?/g) ?? [];
  const types = new Set(names.map((n) => (n.includes("#") ? undefined : typeBefore(chunk, index, n, offset))));
  const [type] = types;
  return types.size === 1 && type ? [{ title: `Add ': ${type}'`, edits: [{ span: { start: offset, end: offset }, newText: ` : ${type}` }] }] : [];
}

/** The linear values whose linearity diagnostic stands at `offset`: an op's name, or an argument. */
function violationsAt(chunk: Chunk, offset: number): Value[] {
  const index = chunk.index!;
  const at = (v: Value) => (v instanceof OpResult ? index.ops.get(v.op)?.name : index.valueDefs.get(v))?.start;
  return linearityViolations(chunk.module!.op).filter((v) => at(v) === offset);
}

/** `text` with `edits` made, and where their new text stands in it. */
function applyEdits(text: string, edits: Edit[]): { text: string; written: Span[] } {
  let shift = 0;
  const written: Span[] = [];
  for (const e of [...edits].sort((x, y) => x.span.start - y.span.start)) {
    const start = e.span.start + shift;
    text = text.slice(0, start) + e.newText + text.slice(e.span.end + shift);
    written.push({ start, end: start + e.newText.length });
    shift += e.newText.length - (e.span.end - e.span.start);
  }
  return { text, written };
}

/**
 * Whether `chunk` with `fix` applied parses each op the fix wrote into (a later parse error is
 * another one's) and has no diagnostic on the lines it wrote.
 */
function holds(a: Analysis, chunk: Chunk, fix: Fix): boolean {
  const { text, written } = applyEdits(chunk.text, fix.edits);
  const edited = checkedChunk(text, chunk.firstLine, chunk.lastLine, a.file, chunk.ctx.allowUnregistered);
  const ops = [...(edited.index ?? partialIndex(edited, a.file)).ops.values()];
  if (!written.every((s) => ops.some(({ whole }) => whole.start <= s.start && s.start < whole.end))) return false;
  const lines = written.map((s) => [edited.position(s.start).line, edited.position(s.end).line]);
  return edited.diagnostics.every((d) => !d.loc || d.loc.file !== a.file || !lines.some(([from, to]) => from <= d.loc!.line - 1 && d.loc!.line - 1 <= to));
}

function fixesFor(a: Analysis, chunk: Chunk, d: Diagnostic): Fix[] {
  const start = chunk.offset(d.range.start), span = { start, end: chunk.offset(d.range.end) };
  if (d.message === LINEARITY_MESSAGE && chunk.module && chunk.index) {
    return violationsAt(chunk, start).map((v) => copyFix(chunk, v)).filter((f): f is Fix => !!f);
  }
  return d.message === "expected ':'" ? typeFix(a, chunk, start) : opNameFixes(chunk, span, d.message);
}

/** The quick fixes for `diagnostics` (those of ours the editor sends with the request). */
export function codeActions(a: Analysis, uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  return diagnostics.filter((d) => d.source === "tensorlang").flatMap((d) => {
    const chunk = a.chunkAt(d.range.start.line);
    if (!chunk) return [];
    return fixesFor(a, chunk, d).filter((f) => holds(a, chunk, f)).map((f) => ({
      title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [d],
      edit: { changes: { [uri]: f.edits.map((e) => ({ range: chunk.range(e.span), newText: e.newText })) } },
    }));
  });
}
