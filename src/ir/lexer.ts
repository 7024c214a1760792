// MLIR lexer. Tokens are produced on demand from a position, so the parser can re-scan
// character-level constructs (dimension lists like `4x?xf32`) where MLIR's grammar needs it.
import { DiagnosticError, type Location } from "./diagnostics.js";

export type TokKind =
  | "eof" | "bare" | "percent" | "caret" | "at" | "hash" | "bang" | "int" | "float" | "string" | "punct";

export interface Token { kind: TokKind; text: string; pos: number; end: number }

const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 46;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHexDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Token text of one-character punctuation by char code (no substring per token). */
const PUNCT1: (string | undefined)[] = [];
for (const p of ["(", ")", "{", "}", "[", "]", "<", ">", ",", ":", "=", "?", "*", "+", "-", "/", "|"]) PUNCT1[p.charCodeAt(0)] = p;

export class Lexer {
  pos = 0;
  private lineStarts: number[] = [0];
  /** Line index of the last `loc` answer: parsing moves forward, so the next is usually near. */
  private lineHint = 0;
  /** `firstLine`: lines of the file before `text` (one chunk of a --split-input-file input). */
  constructor(readonly text: string, readonly file: string, private readonly firstLine = 0) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
  }

  /** The offset of line `line`'s first character (0-based), or undefined past the last line. */
  lineStart(line: number): number | undefined { return this.lineStarts[line]; }

  loc(pos: number): Location {
    const ls = this.lineStarts;
    let lo = this.lineHint;
    if (!(ls[lo] <= pos && (lo + 1 >= ls.length || ls[lo + 1] > pos))) {
      if (lo + 2 < ls.length && ls[lo + 1] <= pos && ls[lo + 2] > pos) lo++;
      else {
        lo = 0;
        let hi = ls.length - 1;
        while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (ls[mid] <= pos) lo = mid; else hi = mid - 1; }
      }
      this.lineHint = lo;
    }
    return { file: this.file, line: this.firstLine + lo + 1, col: pos - ls[lo] + 1 };
  }
  error(pos: number, msg: string): DiagnosticError { return DiagnosticError.at(this.loc(pos), msg); }

  skipTrivia(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 10 || c === 9 || c === 13) p++;
      else if (c === 47 && t.charCodeAt(p + 1) === 47) {
        const nl = t.indexOf("\n", p);
        p = nl < 0 ? t.length : nl + 1;
      } else break;
    }
    this.pos = p;
  }

  // The parser peeks far more often than it consumes: the token at one position is remembered,
  // its parts first, and made a Token only when one is asked for (most punctuation is only
  // compared and skipped: peekText, peekKind, skip).
  private peekPos = -1;
  private peekEnd = 0;
  private peekStartPos = 0;
  private peekKindOf: TokKind = "eof";
  private peekTextOf = "";
  private peekTok: Token | undefined;

  /** Lexes the token at the current position into the peek fields (the position stays). */
  private fill(): void {
    if (this.pos === this.peekPos) return;
    const save = this.pos;
    this.lex();
    this.peekPos = save;
    this.peekTok = undefined;
    this.pos = save;
  }
  /** Lex the token at the current position without consuming it. */
  peek(): Token {
    this.fill();
    return (this.peekTok ??= { kind: this.peekKindOf, text: this.peekTextOf, pos: this.peekStartPos, end: this.peekEnd });
  }
  next(): Token {
    const t = this.peek();
    this.pos = this.peekEnd;
    return t;
  }
  /** The next token's kind, text and start, without making a Token of it. */
  peekKind(): TokKind { this.fill(); return this.peekKindOf; }
  peekText(): string { this.fill(); return this.peekTextOf; }
  peekStart(): number { this.fill(); return this.peekStartPos; }
  /** Consumes the next token. */
  skip(): void { this.fill(); this.pos = this.peekEnd; }

  /** The token from `start` to `end` as the next one (its text cut from the source, unless given). */
  private tok(kind: TokKind, start: number, end: number, text = this.text.slice(start, end)): void {
    this.peekKindOf = kind;
    this.peekTextOf = text;
    this.peekStartPos = start;
    this.peekEnd = end;
  }

  /** Lexes the token after any trivia into the peek fields (moves `pos` past the trivia). */
  private lex(): void {
    this.skipTrivia();
    const t = this.text, start = this.pos;
    if (start >= t.length) return this.tok("eof", start, start, "");
    const c = t.charCodeAt(start);
    if (isIdStart(c)) {
      let end = start + 1;
      while (end < t.length && isIdChar(t.charCodeAt(end))) end++;
      return this.tok("bare", start, end);
    }
    // `{-#` and `#-}` bracket the file metadata section (resources): tokens of their own, as in MLIR, so no `{` is read as a region's or dictionary's
    if ((c === 123 && t.startsWith("-#", start + 1)) || (c === 35 && t.startsWith("-}", start + 1))) return this.tok("punct", start, start + 3);
    if (c === 37 || c === 94 || c === 35 || c === 33 || c === 64) { // % ^ # ! @
      const kind: TokKind = c === 37 ? "percent" : c === 94 ? "caret" : c === 35 ? "hash" : c === 33 ? "bang" : "at";
      if (c === 64 && t.charCodeAt(start + 1) === 34) return this.tok("at", start, this.stringEnd(start + 1));
      if (c === 64 && !isIdStart(t.charCodeAt(start + 1))) throw this.error(start + 1, "@ identifier expected to start with letter or '_'");
      // MLIR's suffix-id after % ^ # !: digits only, or an identifier that may hold `-` (`%1v` is `%1` then `v`)
      const suffix = c !== 64;
      let end = start + 1;
      if (suffix && isDigit(t.charCodeAt(end))) while (isDigit(t.charCodeAt(end))) end++;
      else for (; end < t.length; end++) {
        const d = t.charCodeAt(end);
        if (!(isIdChar(d) || (suffix && d === 45 /* - */))) break;
      }
      if (end === start + 1) throw this.error(start, `invalid ${c === 37 ? "SSA name" : c === 94 ? "block name" : c === 35 ? "attribute name" : "type identifier"}`);
      return this.tok(kind, start, end);
    }
    if (isDigit(c)) return this.number(start);
    if (c === 34 /* " */) return this.tok("string", start, this.stringEnd(start));
    const c1 = t.charCodeAt(start + 1);
    if (c === 46) {
      if (c1 !== 46 || t.charCodeAt(start + 2) !== 46) throw this.error(start + 1, "expected three consecutive dots for an ellipsis");
      return this.tok("punct", start, start + 3, "...");
    }
    if (c === 45 && c1 === 62) return this.tok("punct", start, start + 2, "->");
    if (c === 58 && c1 === 58) return this.tok("punct", start, start + 2, "::");
    const p = PUNCT1[c];
    if (p !== undefined) return this.tok("punct", start, start + 1, p);
    throw this.error(start, `unexpected character '${t[start]}'`);
  }

  private number(start: number): void {
    const t = this.text;
    let e = start;
    if (t.charCodeAt(e) === 48 && t.charCodeAt(e + 1) === 120 /* x */ && isHexDigit(t.charCodeAt(e + 2))) {
      e += 2;
      while (isHexDigit(t.charCodeAt(e))) e++;
      return this.tok("int", start, e);
    }
    while (isDigit(t.charCodeAt(e))) e++;
    if (t.charCodeAt(e) !== 46 /* . */) return this.tok("int", start, e); // as MLIR: `1e5` is 1, then `e5`
    e++; // (as MLIR, a float whatever follows the `.`: `1.e5`, `3.`)
    while (isDigit(t.charCodeAt(e))) e++;
    const x = t.charCodeAt(e);
    if (x === 101 || x === 69) { // e E
      const s = t.charCodeAt(e + 1);
      if (isDigit(s === 43 || s === 45 ? t.charCodeAt(e + 2) : s)) {
        e += 2;
        while (isDigit(t.charCodeAt(e))) e++;
      }
    }
    return this.tok("float", start, e);
  }

  private stringEnd(start: number): number {
    const t = this.text;
    let e = start + 1;
    while (e < t.length) {
      const c = t.charCodeAt(e);
      if (c === 34 || c === 10) break;
      e += c === 92 ? 2 : 1;
    }
    if (t.charCodeAt(e) !== 34) throw this.error(Math.min(e, t.length), "expected '\"' in string literal"); // (at the line's end, as MLIR)
    return e + 1;
  }
}

/** Decodes an MLIR string literal token (with quotes) to its UTF-8 text. */
export function decodeString(tok: string, lexer?: Lexer, pos = 0): string {
  const body = tok.slice(tok.indexOf('"') + 1, -1);
  if (!body.includes("\\") && !/[\ud800-\udfff]/.test(body)) return body; // nothing to decode (a resource blob's hex is megabytes)
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== "\\") { // (a character past U+FFFF is two code units, encoded together)
      const cp = body.codePointAt(i)!, ch = String.fromCodePoint(cp);
      i += ch.length - 1;
      for (const b of stringBytes(ch)) bytes.push(b);
      continue;
    }
    const n = body[i + 1];
    if (n === "n") { bytes.push(10); i++; } else if (n === "t") { bytes.push(9); i++; }
    else if (n === '"' || n === "\\") { bytes.push(n.charCodeAt(0)); i++; }
    else if (/[0-9a-fA-F]{2}/.test(body.slice(i + 1, i + 3))) { bytes.push(parseInt(body.slice(i + 1, i + 3), 16)); i += 2; }
    else throw lexer ? lexer.error(pos + tok.indexOf('"') + 1 + i, "unknown escape in string literal") : new Error("bad escape"); // (at the backslash, as MLIR)
  }
  return bytesText(Uint8Array.from(bytes));
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
/**
 * `bytes` as text, each byte of what is no UTF-8 kept as the lone surrogate U+DC00 + byte
 * (Python's surrogateescape): an MLIR string is bytes (`"\E9"`), which stringBytes gives back.
 */
export function bytesText(bytes: Uint8Array): string {
  try { return strictUtf8.decode(bytes); } catch { /* not all UTF-8: character by character */ }
  let out = "";
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i], n = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    let ch: string | undefined;
    try { ch = b >= 0x80 && b < 0xc0 ? undefined : strictUtf8.decode(bytes.subarray(i, i + n)); } catch { ch = undefined; }
    if (ch === undefined) { out += String.fromCharCode(0xdc00 + b); i++; } else { out += ch; i += n; }
  }
  return out;
}

/** The bytes of `s`: UTF-8, a lone surrogate U+DC80..U+DCFF the byte it stands for (the inverse of bytesText). */
export function stringBytes(s: string): Uint8Array {
  if (!/[\udc80-\udcff]/.test(s)) return Buffer.from(s, "utf8");
  const out: number[] = [];
  for (const ch of s) { // (by code point: a pair is one, a lone surrogate is one)
    const c = ch.charCodeAt(0);
    if (c >= 0xdc80 && c <= 0xdcff) out.push(c - 0xdc00);
    else for (const b of Buffer.from(ch, "utf8")) out.push(b);
  }
  return Uint8Array.from(out);
}

/** A global regex matching a string literal (to skip) or `alt`: scans of printed text that leave strings alone. */
export const stringOr = (alt: string): RegExp => new RegExp(`"(?:[^"\\\\]|\\\\.)*"|${alt}`, "g");

/** The index of the '>' closing the '<' before `from` ('->' and '>=' inside are not closers, nor what is in a string). */
export function closingAngle(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') for (i++; i < text.length && text[i] !== '"'; i++) { if (text[i] === "\\") i++; }
    else if (c === "<") depth++;
    else if (c === ">" && text[i - 1] !== "-" && text[i + 1] !== "=" && --depth === 0) return i;
  }
  return text.length - 1;
}
