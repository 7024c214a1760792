// Where each name in the text stands in the IR, for tools that map the cursor back to it (the
// language server): SSA values and block labels as written, definitions and uses, and each op's
// name and extent. Uses have no location in the IR; a parser subclass records them as it
// resolves names, so that parseModule itself (the hot path) does no extra work.
import type { Block, Module, Operation, Value } from "./core.js";
import type { Context } from "./dialect.js";
import type { Location } from "./diagnostics.js";
import type { Token } from "./lexer.js";
import { ForwardRef, OpAsmParser, type Scope, type UnresolvedOperand } from "./parser.js";
import type { Type } from "./types.js";

/** Offsets into the parsed text, `end` exclusive. */
export interface Span { start: number; end: number }

export type Mention =
  | { kind: "value"; span: Span; value: Value; def: boolean }
  | { kind: "block"; span: Span; block: Block; def: boolean }
  | { kind: "op"; span: Span; op: Operation };

export class SourceIndex {
  readonly mentions: Mention[] = [];
  /** Where each value's name is defined: `%x` of `%x = ...`, or of a block/region argument. */
  readonly valueDefs = new Map<Value, Span>();
  readonly blockDefs = new Map<Block, Span>();
  /** Each op's name token and its whole text (results to trailing `loc(...)`). */
  readonly ops = new Map<Operation, { name: Span; whole: Span }>();

  /** The innermost mention whose span holds `offset` (its end counts: a cursor just after a name). */
  at(offset: number): Mention | undefined {
    let best: Mention | undefined;
    for (const m of this.mentions) {
      if (m.span.start <= offset && offset <= m.span.end && (!best || m.span.end - m.span.start < best.span.end - best.span.start)) best = m;
    }
    return best;
  }

  /** Uses recorded before their definition point at the forward reference's replacement. */
  resolveForward(): void {
    for (const m of this.mentions) if (m.kind === "value" && m.value instanceof ForwardRef && m.value.replacement) m.value = m.value.replacement;
  }
}

/** OpAsmParser that fills a SourceIndex. */
class IndexingParser extends OpAsmParser {
  private inSuccessor = false;
  constructor(text: string, file: string, ctx: Context, readonly index: SourceIndex, firstLine: number) { super(text, file, ctx, firstLine); }

  override resolveOperand(u: UnresolvedOperand, type: Type): Value {
    const value = super.resolveOperand(u, type);
    const text = this.lex.text;
    let end = u.pos + u.name.length;
    if (text[end] === "#") do end++; while (text[end] >= "0" && text[end] <= "9");
    this.index.mentions.push({ kind: "value", span: { start: u.pos, end }, value, def: false });
    return value;
  }
  override define(name: string, values: Value[], pos: number, regionArgument = false): void {
    super.define(name, values, pos, regionArgument);
    const span = { start: pos, end: pos + name.length };
    for (const value of values) this.index.valueDefs.set(value, span);
    if (values.length) this.index.mentions.push({ kind: "value", span, value: values[0], def: true });
  }
  override parseSuccessor(): Block {
    this.inSuccessor = true;
    try { return super.parseSuccessor(); } finally { this.inSuccessor = false; }
  }
  protected override blockFor(scope: Scope, tok: Token): Block {
    const block = super.blockFor(scope, tok), span = { start: tok.pos, end: tok.end }, def = !this.inSuccessor;
    if (def) this.index.blockDefs.set(block, span);
    this.index.mentions.push({ kind: "block", span, block, def });
    return block;
  }
  override parseOperation(): Operation {
    const start = this.lex.peek().pos;
    const op = super.parseOperation();
    const entry = this.index.ops.get(op), text = this.lex.text;
    let end = this.lex.pos; // past the last token, or past trivia where the op's parser skipped some
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (entry) entry.whole = { start, end };
    return op;
  }
  protected override parseGenericOperation(loc: Location): Operation { return this.named(() => super.parseGenericOperation(loc)); }
  protected override parseCustomOperation(loc: Location): Operation { return this.named(() => super.parseCustomOperation(loc)); }
  private named(parse: () => Operation): Operation {
    const t = this.lex.peek();
    const op = parse(), name = { start: t.pos, end: t.end };
    this.index.ops.set(op, { name, whole: name });
    this.index.mentions.push({ kind: "op", span: name, op });
    return op;
  }
}

/**
 * parseModule, also returning where each name in `text` stands in the module. A given `index`
 * keeps what was recorded before a parse error (the names defined before it, with their types).
 */
export function parseModuleIndexed(text: string, file: string, ctx: Context, index = new SourceIndex(), firstLine = 0): { module: Module; index: SourceIndex } {
  const module = new IndexingParser(text, file, ctx, index, firstLine).parseTopLevel();
  index.resolveForward();
  return { module, index };
}
