// One document as the server sees it: each `// -----` chunk parsed (recording where names
// stand), verified and checked for linearity, as `tensorlang-opt --split-input-file
// --verify-linearity` would. A chunk is its own text, parsed at its first line: its offsets map to
// document positions through its own line table, which starts there.
import type { Position } from "vscode-languageserver/node.js";
import { createContext } from "../dialects/index.js";
import type { Module } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { DiagnosticError, type Diagnostic } from "../ir/diagnostics.js";
import { parseModuleIndexed, type SourceIndex, type Span } from "../ir/source-index.js";
import { inputChunks } from "../ir/split-input.js";
import { Lexer } from "../ir/lexer.js";
import { verifyProgram } from "../passes/verify-linearity.js";

export class Chunk {
  /** The lexer's line table, from the chunk's first line, maps offsets to lines and back. */
  private readonly lines: Lexer;
  module?: Module;
  index?: SourceIndex;
  diagnostics: Diagnostic[] = [];

  constructor(readonly text: string, readonly firstLine: number, readonly lastLine: number, readonly ctx: Context) {
    this.lines = new Lexer(text, "", firstLine);
  }

  offset(p: Position): number {
    const line = p.line - this.firstLine;
    const start = this.lines.lineStart(line) ?? this.text.length, next = this.lines.lineStart(line + 1) ?? this.text.length + 1;
    return Math.min(start + p.character, next - 1);
  }
  position(offset: number): Position {
    const { line, col } = this.lines.loc(offset);
    return { line: line - 1, character: col - 1 };
  }
  range(s: Span): { start: Position; end: Position } { return { start: this.position(s.start), end: this.position(s.end) }; }
}

export class Analysis {
  readonly chunks: Chunk[] = [];
  /**
   * `file`: the name diagnostics carry for this document (a location elsewhere is another file's);
   * `allowUnregistered`: keep ops of unknown dialects, as `--allow-unregistered-dialect` does.
   */
  constructor(readonly text: string, readonly file: string, allowUnregistered = false) {
    for (const { text: t, firstLine, lastLine } of inputChunks(text)) this.chunks.push(checkedChunk(t, firstLine, lastLine, file, allowUnregistered));
  }
  chunkAt(line: number): Chunk | undefined { return this.chunks.find((c) => c.firstLine <= line && line <= c.lastLine); }
}

/** A fresh context with the dialects of `tensorlang-opt`. */
export function contextFor(allowUnregistered: boolean): Context {
  const ctx = createContext();
  ctx.allowUnregistered = allowUnregistered;
  return ctx;
}

/** A chunk of `file` parsed and checked in a fresh context (also a chunk as a quick fix would edit it). */
export function checkedChunk(text: string, firstLine: number, lastLine: number, file: string, allowUnregistered: boolean): Chunk {
  const c = new Chunk(text, firstLine, lastLine, contextFor(allowUnregistered));
  analyzeChunk(c, file);
  return c;
}

/** Parse errors stop a chunk; verifier errors stop it before linearity, which assumes valid IR. */
function analyzeChunk(c: Chunk, file: string): void {
  try {
    const { module, index } = parseModuleIndexed(c.text, file, c.ctx, undefined, c.firstLine);
    c.module = module;
    c.index = index;
    c.diagnostics = verifyProgram(module, c.ctx);
  } catch (e) {
    // A bug of ours must not take the server down: it shows as a diagnostic on the chunk instead.
    c.diagnostics = e instanceof DiagnosticError ? e.diagnostics
      : [{ severity: "error", message: `internal error: ${e instanceof Error ? e.message : String(e)}` }];
  }
}
