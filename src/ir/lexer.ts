// MLIR lexer. Tokens are produced on demand from a position, so the parser can re-scan
// character-level constructs (dimension lists like `4x?xf32`) where MLIR's grammar needs it.
import { DiagnosticError, type Location } from "./diagnostics.js";

export type TokKind =
  | "eof" | "bare" | "percent" | "caret" | "at" | "hash" | "bang" | "int" | "float" | "string" | "punct";

export interface Token { kind: TokKind; text: string; pos: number; end: number }

const PUNCT = ["...", "->", "::", "(", ")", "{", "}", "[", "]", "<", ">", ",", ":", "=", "?", "*", "+", "-", "/", "|"];
const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdChar = (c: number) => isIdStart(c) || (c >= 48 && c <= 57) || c === 36 || c === 46;

export class Lexer {
  pos = 0;
  private lineStarts: number[] = [0];
  constructor(readonly text: string, readonly file: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  loc(pos: number): Location {
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (this.lineStarts[mid] <= pos) lo = mid; else hi = mid - 1; }
    return { file: this.file, line: lo + 1, col: pos - this.lineStarts[lo] + 1 };
  }
  error(pos: number, msg: string): DiagnosticError { return DiagnosticError.at(this.loc(pos), msg); }

  skipTrivia(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else if (c === 47 && t.charCodeAt(this.pos + 1) === 47) {
        const nl = t.indexOf("\n", this.pos);
        this.pos = nl < 0 ? t.length : nl + 1;
      } else return;
    }
  }

  // The parser peeks far more often than it consumes: remember the token at one position.
  private peekPos = -1;
  private peekTok: Token | undefined;
  private peekEnd = 0;

  /** Lex the token at the current position without consuming it. */
  peek(): Token {
    if (this.pos === this.peekPos) return this.peekTok!;
    const save = this.pos;
    const tok = this.lex();
    this.peekPos = save;
    this.peekTok = tok;
    this.peekEnd = this.pos;
    this.pos = save;
    return tok;
  }

  next(): Token {
    if (this.pos === this.peekPos) { this.pos = this.peekEnd; return this.peekTok!; }
    return this.lex();
  }

  private lex(): Token {
    this.skipTrivia();
    const t = this.text, start = this.pos;
    if (start >= t.length) return { kind: "eof", text: "", pos: start, end: start };
    const c = t.charCodeAt(start);
    const tok = (kind: TokKind, end: number): Token => { this.pos = end; return { kind, text: t.slice(start, end), pos: start, end }; };

    if (c === 34 /* " */) return tok("string", this.stringEnd(start));
    if (c === 37 || c === 94 || c === 35 || c === 33 || c === 64) { // % ^ # ! @
      const kind: TokKind = c === 37 ? "percent" : c === 94 ? "caret" : c === 35 ? "hash" : c === 33 ? "bang" : "at";
      if (c === 64 && t.charCodeAt(start + 1) === 34) return tok("at", this.stringEnd(start + 1));
      const suffix = c === 37 || c === 94;
      let end = start + 1;
      while (end < t.length && (isIdChar(t.charCodeAt(end)) || (suffix && t.charCodeAt(end) === 45 /* - */))) end++;
      if (end === start + 1) throw this.error(start, `expected identifier after '${t[start]}'`);
      return tok(kind, end);
    }
    if (c >= 48 && c <= 57) return this.number(start);
    if (isIdStart(c)) {
      let end = start + 1;
      while (end < t.length && isIdChar(t.charCodeAt(end))) end++;
      return tok("bare", end);
    }
    for (const p of PUNCT) if (t.startsWith(p, start)) return tok("punct", start + p.length);
    throw this.error(start, `unexpected character '${t[start]}'`);
  }

  private number(start: number): Token {
    const t = this.text;
    let e = start;
    if (t[e] === "0" && t[e + 1] === "x" && /[0-9a-fA-F]/.test(t[e + 2] ?? "")) {
      e += 2;
      while (/[0-9a-fA-F]/.test(t[e] ?? "")) e++;
      this.pos = e;
      return { kind: "int", text: t.slice(start, e), pos: start, end: e };
    }
    while (/[0-9]/.test(t[e] ?? "")) e++;
    let kind: TokKind = "int";
    if (t[e] === "." && /[0-9]/.test(t[e + 1] ?? "") || (t[e] === "." && !/[A-Za-z_.]/.test(t[e + 1] ?? ""))) {
      kind = "float"; e++;
      while (/[0-9]/.test(t[e] ?? "")) e++;
    }
    if ((t[e] === "e" || t[e] === "E") && /[0-9]/.test((t[e + 1] === "+" || t[e + 1] === "-") ? t[e + 2] ?? "" : t[e + 1] ?? "")) {
      kind = "float"; e += 2;
      while (/[0-9]/.test(t[e] ?? "")) e++;
    }
    this.pos = e;
    return { kind, text: t.slice(start, e), pos: start, end: e };
  }

  private stringEnd(start: number): number {
    const t = this.text;
    let e = start + 1;
    while (e < t.length && t[e] !== '"') {
      if (t[e] === "\n") break;
      e += t[e] === "\\" ? 2 : 1;
    }
    if (t[e] !== '"') throw this.error(start, "expected '\"' in string literal");
    return e + 1;
  }
}

/** Decodes an MLIR string literal token (with quotes) to its UTF-8 text. */
export function decodeString(tok: string, lexer?: Lexer, pos = 0): string {
  const body = tok.slice(tok.indexOf('"') + 1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== "\\") { for (const b of Buffer.from(ch, "utf8")) bytes.push(b); continue; }
    const n = body[i + 1];
    if (n === "n") { bytes.push(10); i++; } else if (n === "t") { bytes.push(9); i++; }
    else if (n === '"' || n === "\\") { bytes.push(n.charCodeAt(0)); i++; }
    else if (/[0-9a-fA-F]{2}/.test(body.slice(i + 1, i + 3))) { bytes.push(parseInt(body.slice(i + 1, i + 3), 16)); i += 2; }
    else throw lexer ? lexer.error(pos + i, "unknown escape in string literal") : new Error("bad escape");
  }
  return Buffer.from(bytes).toString("utf8");
}
