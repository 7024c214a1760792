// Token helpers, types, attributes, affine maps and aliases: the parts of the parser that do
// not involve SSA values.
import { AffineMap, IntegerSet, cst, dim, exprUses, sym, type AffineExpr } from "./affine.js";
import { build } from "./affine-simplify.js";
import {
  AffineMapAttr, ArrayAttr, Attribute, DenseArrayAttr, DenseElementsAttr, DenseResourceElementsAttr, DictionaryAttr, DistinctAttr, FloatAttr, IntegerAttr,
  IntegerSetAttr, LocationAttr, OpaqueAttr, SparseElementsAttr, StringAttr, StridedLayoutAttr, SymbolRefAttr, TypeAttr, typedStr, unit,
} from "./attributes.js";
import type { TypeParserHook } from "./dialect.js";
import { DiagnosticError, type Location } from "./diagnostics.js";
import { FLOAT_FORMATS, decodeFloat, fitsDouble, floatFromBits, mapKeepingNaNs, nanKeepingArray, roundFloat, sameBits } from "./float.js";
import { Lexer, type Token, closingAngle, decodeString, stringOr } from "./lexer.js";
import { decodeElements, storageBytes } from "./element-bytes.js";
import { ResourceHandle } from "./resources.js";
import {
  ComplexType, DYN, FloatType, FunctionType, IndexType, IntegerType, MemRefType, NoneType, OpaqueType, ShapedType,
  SignedIntegerType, TensorType, TupleType, Type, UnrankedMemRefType, UnrankedTensorType, VectorType, f64, i1, i64,
  isBoolType, isFloatKind, isMemRefElementType,
} from "./types.js";

export class AttrTypeParser {
  protected typeAliases = new Map<string, Type>();
  protected attrAliases = new Map<string, Attribute>();
  /** One handle per resource name, filled from the file's `{-# #-}` section once it is read. */
  protected resourceHandles = new Map<string, ResourceHandle>();
  /** Each `dense_resource` and where its name is, to check against its blob after the parse. */
  protected resourceUses: Array<{ attr: DenseResourceElementsAttr; pos: number }> = [];
  /** Each `distinct[N]` of the parse, by N. */
  protected distinctAttrs = new Map<bigint, DistinctAttr>();

  constructor(readonly lex: Lexer, private readonly typeHook: (dialect: string) => TypeParserHook | undefined) {}

  /** A dialect attribute `#name<body>` in its dialect's canonical form, if the dialect has one (OpAsmParser's). */
  protected dialectAttr(_name: string, _body: string): Attribute | undefined { return undefined; }
  /** Runs a dialect's own type or attribute parser (whose errors name no op). */
  protected dialectSyntax<T>(parse: () => T): T { return parse(); }

  // ---- tokens ------------------------------------------------------------------------------
  locHere(): Location { this.lex.skipTrivia(); return this.lex.loc(this.lex.pos); }
  /** `msg` at the next token (at the end, one character back: MLIR's Parser::emitError). */
  errorHere(msg: string): DiagnosticError {
    const t = this.lex.peek();
    return DiagnosticError.at(this.lex.loc(t.kind === "eof" && t.pos > 0 ? t.pos - 1 : t.pos), msg);
  }
  errorAt(t: Token, msg: string): DiagnosticError { return DiagnosticError.at(this.lex.loc(t.pos), msg); }
  /** `msg` for a missing or wrong token, where MLIR's emitWrongTokenError reports it (see wrongTokenPos). */
  errorExpecting(msg: string, t = this.lex.peek()): DiagnosticError { return DiagnosticError.at(this.lex.loc(this.wrongTokenPos(t)), msg); }
  /**
   * MLIR's emitWrongTokenError: not at the token but just after what precedes it, backing over spaces,
   * then over line ends and the `//` comments of the lines above; at the end one character back.
   */
  private wrongTokenPos(t: Token): number {
    const src = this.lex.text;
    const orig = t.kind === "eof" && t.pos > 0 ? t.pos - 1 : t.pos;
    let q = orig;
    for (;;) {
      while (q > 0 && (src[q - 1] === " " || src[q - 1] === "\t")) q--;
      if (q === 0) return orig;
      const c = src[q - 1];
      if (c !== "\n" && c !== "\r") return q;
      q--;
      const bol = Math.max(src.lastIndexOf("\n", q - 1), src.lastIndexOf("\r", q - 1)) + 1;
      const comment = src.indexOf("//", bol);
      if (comment >= 0 && comment < q) q = comment; // (as MLIR, a `//` inside a string counts too)
    }
  }
  /** An error of MLIR's AsmParser (not its internal Parser): inside a custom op's parser it names the op (OpAsmParser overrides). */
  asmError(msg: string, loc = this.locHere()): DiagnosticError { return DiagnosticError.at(loc, msg); }
  peekText(): string { return this.lex.peekText(); }
  accept(text: string): boolean {
    if (this.lex.peekText() !== text || this.lex.peekKind() === "string") return false;
    this.lex.skip();
    return true;
  }
  /** `what`: the message's words where MLIR says more than "expected 'x'" (`expected '{' to begin a region`). */
  expect(text: string, what?: string): void {
    if (this.lex.peekText() !== text || this.lex.peekKind() === "string") { // (the message made only when needed: expect runs for most tokens)
      throw DiagnosticError.at(this.lex.loc(this.wrongTokenPos(this.lex.peek())), what ?? `expected '${text}'`);
    }
    this.lex.skip();
  }
  parseOptionalKeyword(...kws: string[]): string | undefined {
    const text = this.lex.peekText();
    if (this.lex.peekKind() !== "bare" || (kws.length && !kws.includes(text))) return undefined;
    this.lex.skip();
    return text;
  }
  parseKeyword(...kws: string[]): string { return this.keyword(kws, ""); }
  /** parseKeyword with `prefix` before its error (MLIR names the op whose custom parser asked). */
  protected keyword(kws: readonly string[], prefix: string): string {
    const k = this.parseOptionalKeyword(...kws);
    if (k === undefined) throw this.errorHere(prefix + (kws.length ? `expected ${kws.map((k) => `'${k}'`).join(" or ")}` : "expected keyword"));
    return k;
  }
  parseOptionalString(): string | undefined {
    const t = this.lex.peek();
    if (t.kind !== "string") return undefined;
    this.lex.next();
    return decodeString(t.text, this.lex, t.pos);
  }
  parseString(): string {
    const s = this.parseOptionalString();
    if (s === undefined) throw this.errorHere("expected string");
    return s;
  }
  parseOptionalInteger(): number | undefined {
    const t = this.lex.peek();
    const neg = t.text === "-";
    const save = this.lex.pos;
    if (neg) this.lex.next();
    const n = this.lex.peek();
    if (n.kind !== "int") { this.lex.pos = save; return undefined; }
    this.lex.next();
    return this.exactInteger(n, neg);
  }
  /** An integer literal where MLIR parses an index attribute (`affine.for`'s constant bounds): its range error, then ours. */
  parseIndexInteger(): number {
    const save = this.lex.pos, neg = this.accept("-"), n = this.lex.peek();
    if (n.kind !== "int") { this.lex.pos = save; return this.parseInteger(); }
    this.lex.next();
    const v = checkedInteger(n.text, neg, IndexType.get());
    if (v === undefined) throw this.errorAt(n, "integer constant out of range for attribute");
    return this.exactInteger(n, false, v);
  }
  /**
   * An integer literal as the double TensorLang keeps sizes, bounds, affine constants and array
   * elements in: one the double cannot hold exactly (past 2^53, not a power of two) is an error,
   * where a rounded value would silently change the program.
   */
  private exactInteger(t: Token, neg: boolean, v: bigint = BigInt(t.text)): number {
    const x = neg ? -v : v, n = Number(x);
    if (BigInt(n) !== x) throw this.errorAt(t, `integer ${x} cannot be held exactly here (TensorLang keeps it as a double: exact up to 2^53)`);
    return n;
  }
  parseInteger(): number {
    const n = this.parseOptionalInteger();
    if (n === undefined) throw this.asmError("expected integer value");
    return n;
  }
  /**
   * An integer literal as MLIR's `parseInteger<int64_t>` reads it: past 2^64 - 1, or negative
   * with more than 16 digits (MLIR's APInt of it is then wider than 64 bits, and compares unequal
   * to the int64_t it wraps into), it is "integer value too large", at the literal's `-`.
   */
  parseInt64(): bigint {
    const at = this.locHere(), neg = this.accept("-"), t = this.lex.peek();
    if (t.kind !== "int") throw neg ? this.errorExpecting("expected integer value", t) : this.asmError("expected integer value");
    this.lex.next();
    const mag = BigInt(t.text), digits = t.text.replace(/^0[xX]/, "").length;
    if (neg ? digits > 16 || mag >= 1n << 63n : mag >= 1n << 64n) throw this.asmError("integer value too large", at);
    return neg ? -mag : mag;
  }
  /** A float or integer literal, optionally negative. */
  parseNumber(): number {
    const neg = this.accept("-");
    const t = this.lex.next();
    if (t.kind !== "int" && t.kind !== "float") throw this.errorAt(t, "expected number");
    const v = Number(t.text);
    return neg ? -v : v;
  }

  // ---- types -------------------------------------------------------------------------------
  parseOptionalType(): Type | undefined {
    const t = this.lex.peek();
    if (t.kind === "bang" || t.text === "(" || (t.kind === "bare" && isTypeKeyword(t.text))) return this.parseType();
    return undefined;
  }
  parseType(): Type {
    if (this.lex.peekKind() === "bare") { // (a scalar type seen before: no token made)
      const scalar = scalarTypes.get(this.lex.peekText());
      if (scalar) { this.lex.skip(); return scalar; }
    }
    const t = this.lex.next();
    if (t.kind === "bang") return this.parseBangType(t);
    if (t.text === "(") {
      const inputs = this.parseTypeListUntil(")");
      this.expect("->", "expected '->' in function type");
      return FunctionType.get(inputs, this.parseFunctionResultTypes());
    }
    if (t.kind !== "bare") throw this.errorExpecting("expected non-function type", t);
    const width = intTypeWidth(t.text);
    if (width >= 0) {
      if (width > 0xffffffff) throw this.errorAt(t, "invalid integer width");
      if (width > MAX_INT_WIDTH) throw this.errorAt(t, `integer bitwidth is limited to ${MAX_INT_WIDTH} bits`);
      return keepScalar(t.text, t.text[0] === "i" ? IntegerType.get(width) : SignedIntegerType.get(width, t.text[0] === "u"));
    }
    if (isFloatKind(t.text)) return keepScalar(t.text, FloatType.get(t.text));
    switch (t.text) {
      case "index": return keepScalar(t.text, IndexType.get());
      case "none": return keepScalar(t.text, NoneType.get());
      case "tensor": case "memref": case "vector": return this.parseShapedCached(t);
      case "tuple": { this.expect("<", "expected '<' in tuple type"); return TupleType.get(this.parseTypeListUntil(">", "expected '>' in tuple type")); }
      case "complex": return this.parseComplex();
    }
    throw this.errorExpecting("expected non-function type", t);
  }
  /** After `complex`: `<elementType>`, an integer or a float (MLIR's ComplexType::verify). */
  private parseComplex(): ComplexType {
    this.expect("<", "expected '<' in complex type");
    const at = this.locHere(), e = this.parseType();
    if (!(e instanceof IntegerType || e instanceof SignedIntegerType || e instanceof FloatType)) throw DiagnosticError.at(at, "invalid element type for complex");
    this.expect(">", "expected '>' in complex type");
    return ComplexType.get(e);
  }
  private parseBangType(t: Token): Type {
    const name = t.text.slice(1);
    const alias = this.typeAliases.get(name);
    if (alias) return alias;
    const dot = name.indexOf("."), body = this.lex.peek().text === "<" && this.lex.peek().pos === t.end;
    if (dot >= 0 || body) this.checkDialectName(t, name);
    if (dot < 0 && body) return OpaqueType.get(name, this.expandAliases(this.prettyBody())); // `!foo<...>`: a type of dialect foo, all body
    if (dot < 0) throw DiagnosticError.at(this.lex.loc(t.end), `undefined symbol alias id '${name}'`);
    const dialect = name.slice(0, dot), mnemonic = name.slice(dot + 1);
    const hook = this.typeHook(dialect);
    if (hook) return this.dialectSyntax(() => hook(this as never, mnemonic, this.lex.loc(t.pos)));
    return OpaqueType.get(dialect, mnemonic + (body ? this.expandAliases(this.prettyBody()) : ""));
  }
  /** MLIR's check of the dialect in `#a.b`/`!a.b`/`#a<...>`: letters, digits, `_` and `$` (reported after its `.`, or at the name). */
  private checkDialectName(t: Token, name: string): void {
    const dot = name.indexOf("."), ns = dot < 0 ? name : name.slice(0, dot);
    if (!/^[\w$]+$/.test(ns)) throw DiagnosticError.at(this.lex.loc(dot < 0 ? t.pos : t.pos + 2 + dot), `invalid dialect namespace '"${ns}"'`);
  }
  /**
   * The `<...>` body of a dialect type or attribute (`!d.t<...>`, `#d.a<...>`), scanned by
   * character as MLIR's parseDialectSymbolBody: `<([{` nest, strings are skipped, `->` closes
   * nothing; a closer that does not match, or the end, is an error at the body's start.
   */
  private prettyBody(): string {
    const text = this.lex.text, start = this.lex.peek().pos, stack: string[] = [];
    const closes: Record<string, string> = { ">": "<", ")": "(", "]": "[", "}": "{" };
    for (let i = start; ; i++) {
      const c = text[i];
      const fail = () => DiagnosticError.at(this.lex.loc(start), `unbalanced '${stack[stack.length - 1]}' character in pretty dialect name`);
      if (c === undefined) throw fail();
      if (c === "<" || c === "(" || c === "[" || c === "{") stack.push(c);
      else if (c === "-" && text[i + 1] === ">") i++;
      else if (c === '"') { for (i++; i < text.length && text[i] !== '"' && text[i] !== "\n"; i += text[i] === "\\" ? 2 : 1); }
      else if (closes[c]) {
        if (stack[stack.length - 1] !== closes[c]) throw fail();
        stack.pop();
        if (!stack.length) { this.lex.pos = i + 1; return text.slice(start, i + 1); }
      }
    }
  }
  /** Raw text of a balanced `<...>` group (for dialect types/attrs we keep verbatim). */
  balancedAngle(): string {
    const start = this.lex.peek().pos;
    this.expect("<");
    let depth = 1;
    while (depth > 0) {
      const t = this.lex.next();
      if (t.kind === "eof") throw this.errorAt(t, "unbalanced '<'");
      if (t.text === "<") depth++;
      else if (t.text === ">") depth--;
    }
    return this.lex.text.slice(start, this.lex.pos);
  }
  /** `a, b, c` ending with `close` (consumed). */
  parseTypeListUntil(close: string, what?: string): Type[] {
    const out: Type[] = [];
    if (this.accept(close)) return out;
    do out.push(this.parseType()); while (this.accept(","));
    this.expect(close, what);
    return out;
  }
  /** After `->`: a single type or a parenthesized list. */
  parseFunctionResultTypes(): Type[] {
    if (this.lex.peek().text === "(") {
      // `(...)` could be a function type used as result; MLIR treats `(` here as a list.
      this.lex.next();
      return this.parseTypeListUntil(")");
    }
    return [this.parseType()];
  }
  /** `: type` */
  parseColonType(): Type { this.expect(":"); return this.parseType(); }
  /** `t1, t2` without delimiters (at least one). */
  parseTypeList(): Type[] {
    const out: Type[] = [];
    do out.push(this.parseType()); while (this.accept(","));
    return out;
  }
  /** `-> t` or `-> (t1, t2)` if present. */
  parseOptionalArrowTypeList(): Type[] {
    return this.accept("->") ? this.parseFunctionResultTypes() : [];
  }

  /**
   * Dimension list like `4x?x` scanned at character level; returns undefined dims for `*x`.
   * With `scalable` (a vector's), a size may be bracketed (`[4]x`): scalable[i] says which are.
   */
  parseDimensionList(allowUnranked: boolean, scalable?: boolean[]): number[] | undefined {
    this.lex.skipTrivia();
    const text = this.lex.text;
    let p = this.lex.pos;
    const dims: number[] = [];
    // MLIR lexes dimensions as tokens: spaces may stand around the `x` (`vector<4 x f32>`, `memref< * x f32>`).
    const space = (i: number) => { for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i)); return i; };
    if (allowUnranked && text[p] === "*" && text[space(p + 1)] === "x") { this.lex.pos = space(p + 1) + 1; return undefined; }
    for (;;) {
      // `4x`, `?x` (at most 23 digits, as the old 24-character window allowed).
      let d = space(p);
      const bracket = scalable !== undefined && text.charCodeAt(d) === 91; /* [ */
      if (bracket) d = space(d + 1);
      let e = d;
      if (text.charCodeAt(e) === 63 /* ? */) e++;
      else while (e - d < 23 && isDigitCode(text.charCodeAt(e))) e++;
      let x = space(e);
      if (bracket) {
        if (e === d || text.charCodeAt(d) === 63) throw DiagnosticError.at(this.lex.loc(d), "invalid dimension");
        if (text.charCodeAt(x) !== 93 /* ] */) throw DiagnosticError.at(this.lex.loc(x), "missing ']' closing scalable dimension");
        x = space(x + 1);
        if (text.charCodeAt(x) !== 120) throw DiagnosticError.at(this.lex.loc(x), "expected 'x' in dimension list");
      }
      if (e === d || text.charCodeAt(x) !== 120 /* x */) break;
      if (e - d >= 19 && text.charCodeAt(d) !== 63 && BigInt(text.slice(d, e)) >= 1n << 63n) throw DiagnosticError.at(this.lex.loc(d), "invalid dimension");
      dims.push(text.charCodeAt(d) === 63 ? DYN : Number(text.slice(d, e)));
      scalable?.push(bracket);
      p = x + 1;
    }
    this.lex.pos = p;
    return dims;
  }
  /**
   * A shaped type whose text is plain (dims, element types, commas and spaces: no maps, aliases
   * or strings) is a function of that text alone, and the same few recur all through a file:
   * such texts are looked up before parsing them again.
   */
  private parseShapedCached(kw: Token): Type {
    const text = this.lex.text, start = kw.end;
    let end = -1;
    if (text.charCodeAt(start) === 60 /* < */) {
      for (let i = start, depth = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 60) depth++;
        else if (c === 62 /* > */) { if (--depth === 0) { end = i + 1; break; } }
        else if (!(isPlainTypeChar(c))) break;
      }
    }
    if (end < 0) return this.parseShaped(kw.text as "tensor" | "memref" | "vector", kw);
    const key = text.slice(kw.pos, end);
    const hit = this.shapedTypes.get(key);
    if (hit) { this.lex.pos = end; return hit; }
    const t = this.parseShaped(kw.text as "tensor" | "memref" | "vector", kw);
    if (this.lex.pos === end) this.shapedTypes.set(key, t);
    return t;
  }
  private shapedTypes = new Map<string, Type>();
  private parseShaped(kind: "tensor" | "memref" | "vector", kw: Token): Type {
    this.expect("<", `expected '<' in ${kind} type`);
    const scalable: boolean[] = [];
    const dims = this.parseDimensionList(kind !== "vector", kind === "vector" ? scalable : undefined);
    const elemAt = this.locHere();
    if (kind === "vector" && dims!.some((d) => d <= 0)) throw DiagnosticError.at(elemAt, "vector types must have positive constant sizes");
    const elem = this.parseType();
    if (kind !== "vector" && !(kind === "tensor" ? tensorElement(elem) : isMemRefElementType(elem))) throw DiagnosticError.at(elemAt, `invalid ${kind} element type`);
    if (kind === "tensor") {
      const enc = dims !== undefined && this.accept(",") ? this.parseAttribute() : undefined;
      this.expect(">", "expected '>' in tensor type");
      return dims === undefined ? UnrankedTensorType.get(elem) : TensorType.get(dims, elem, enc);
    }
    if (kind === "vector") {
      if (!(elem instanceof IntegerType || elem instanceof SignedIntegerType || elem instanceof IndexType || elem instanceof FloatType)) throw DiagnosticError.at(elemAt, "vector elements must be int/index/float type");
      this.expect(">", "expected '>' in vector type");
      return VectorType.get(dims!, elem, scalable);
    }
    // As MLIR's parseMemRefType: layouts, then at most one memory space, last.
    let layout: Attribute | undefined, space: Attribute | undefined;
    if (!this.accept(">")) {
      this.expect(",", "expected ',' or '>' in memref type");
      if (this.lex.peek().text === ">") throw this.errorExpecting("expected list element");
      do {
        const a = this.parseAttribute();
        if (a instanceof StridedLayoutAttr || a instanceof AffineMapAttr) {
          if (dims === undefined) throw this.errorHere("cannot have affine map for unranked memref type");
          if (space) throw this.errorHere("expected memory space to be last in memref type");
          if (a instanceof StridedLayoutAttr && a.strides.length !== dims.length) throw this.errorAt(kw, "expected the number of strides to match the rank");
          if (a instanceof AffineMapAttr && a.map.numDims !== dims.length) throw this.errorAt(kw, `memref layout mismatch between rank and affine map: ${dims.length} != ${a.map.numDims}`);
          layout = a instanceof AffineMapAttr && a.map.isIdentity ? undefined : a;
        } else if (space) throw this.errorHere("multiple memory spaces specified in memref type");
        else space = a;
      } while (this.accept(","));
      this.expect(">", "expected ',' or '>'");
    }
    if (space && !memorySpaceOk(space)) throw this.errorAt(kw, "unsupported memory space Attribute");
    return dims === undefined ? UnrankedMemRefType.get(elem, space) : MemRefType.get(dims, elem, layout, space);
  }

  // ---- attributes --------------------------------------------------------------------------
  parseOptionalAttribute(type?: Type): Attribute | undefined {
    const t = this.lex.peek();
    if (t.kind === "eof" || [")", "]", "}", ">", ",", ":", "="].includes(t.text) || t.kind === "percent" || t.kind === "caret") return undefined;
    return this.parseAttribute(type);
  }
  parseAttribute(type?: Type): Attribute {
    const t = this.lex.peek();
    if (t.kind === "string") {
      this.lex.next();
      const s = decodeString(t.text, this.lex, t.pos);
      return this.accept(":") ? new StringAttr(s, this.parseType()) : new StringAttr(s);
    }
    if (t.kind === "int" || t.kind === "float" || t.text === "-") return this.parseNumberAttr(type);
    if (t.kind === "at") {
      const refs: string[] = [];
      do {
        const r = this.lex.next();
        if (r.kind !== "at") throw this.errorAt(r, "expected symbol reference");
        refs.push(r.text[1] === '"' ? decodeString(r.text.slice(1), this.lex, r.pos + 1) : r.text.slice(1));
      } while (this.accept("::"));
      return new SymbolRefAttr(refs[0], refs.slice(1));
    }
    if (t.text === "[") {
      this.lex.next();
      const items: Attribute[] = [];
      if (!this.accept("]")) { do items.push(this.parseAttribute()); while (this.accept(",")); this.expect("]", "expected ',' or ']'"); }
      return new ArrayAttr(items);
    }
    if (t.text === "{") return this.parseDictionary();
    if (t.kind === "hash") {
      this.lex.next();
      const name = t.text.slice(1);
      const alias = this.attrAliases.get(name) ?? this.forwardLoc(name);
      if (alias) return alias;
      if (name.endsWith(".")) throw DiagnosticError.at(this.lex.loc(t.end), "expected valid keyword"); // (`#llvm.` names no attribute)
      const body = this.lex.peek().text === "<" && this.lex.peek().pos === t.end ? this.expandAliases(this.prettyBody()) : "";
      // (`#foo<...>`: an attribute of dialect foo, all body, as `!foo<...>` is a type)
      if (!name.includes(".") && !body) throw DiagnosticError.at(this.lex.loc(t.end), `undefined symbol alias id '${name}'`);
      this.checkDialectName(t, name);
      return this.dialectAttr(name, body) ?? new OpaqueAttr(t.text + (body.includes("distinct[") ? this.opaqueDistinct(body) : body));
    }
    if (t.kind === "bare") {
      switch (t.text) {
        case "true": case "false":
          this.lex.next();
          return new IntegerAttr(t.text === "true" ? 1 : 0, i1);
        case "unit": this.lex.next(); return unit;
        case "dense": this.lex.next(); return this.parseDense(type instanceof ShapedType ? type : undefined);
        case "sparse": this.lex.next(); return this.parseSparse(t, type instanceof ShapedType ? type : undefined);
        case "distinct": this.lex.next(); return this.parseDistinct(t, type);
        case "dense_resource": this.lex.next(); return this.parseDenseResource(type instanceof ShapedType ? type : undefined);
        case "array": this.lex.next(); return this.parseDenseArray();
        case "affine_map": { this.lex.next(); this.expect("<"); const m = this.parseAffineMapBody(); this.expect(">"); return new AffineMapAttr(m); }
        case "affine_set": { this.lex.next(); this.expect("<"); const s = this.parseIntegerSetBody(); this.expect(">"); return new IntegerSetAttr(s); }
        case "strided": this.lex.next(); return this.parseStrided(t);
        case "loc": {
          // A location as a value: its `#loc` aliases written out, as the printer prints no definitions of them
          this.lex.next();
          // (where one is not defined yet, a trailing location's or an alias definition's, it is written out once all are)
          const l = this.parseLocationBody();
          if (!l.aliases.length) return l;
          try { return new LocationAttr(this.expandLoc(l, t.pos, t.pos)); } catch (e) { if (!(e instanceof DiagnosticError)) throw e; }
          return l;
        }
      }
    }
    const ty = this.parseOptionalType();
    if (ty) return new TypeAttr(ty);
    throw this.errorExpecting("expected attribute value");
  }
  private parseNumberAttr(type?: Type): Attribute {
    const neg = this.accept("-");
    const n = this.lex.next();
    if (n.kind !== "int" && n.kind !== "float") throw this.errorExpecting(neg ? "expected constant integer or floating point value" : "expected attribute value", n);
    const ty = this.accept(":") ? this.parseType() : type;
    if (ty instanceof FloatType) {
      this.noDecimalForFloat(n);
      return new FloatAttr(this.floatLiteral(n, !!neg, ty), ty);
    }
    if (n.kind === "float" && ty) throw this.errorHere("floating point value not valid for specified type");
    if (n.kind === "float") { const v = Number(n.text); return new FloatAttr(neg ? -v : v, f64); }
    const v = checkedInteger(n.text, !!neg, ty ?? i64);
    if (v === undefined && neg && ty instanceof SignedIntegerType && ty.unsigned) throw this.errorAt(n, "negative integer literal not valid for unsigned integer type");
    if (v === undefined) throw this.errorAt(n, "integer constant out of range for attribute");
    return new IntegerAttr(v, ty ?? i64);
  }
  /** A decimal integer literal where a float is read is MLIR's error (a hex one is the float's bits). */
  private noDecimalForFloat(n: Token): void {
    if (n.kind !== "int" || n.text.startsWith("0x")) return;
    const loc = this.lex.loc(n.pos);
    throw new DiagnosticError([{ loc, severity: "error", message: "unexpected decimal integer literal for a floating point value",
      notes: [{ loc, severity: "note", message: "add a trailing dot to make the literal a float" }] }]);
  }
  /**
   * The value of float literal `n` (negated when `neg`) in type `t`, as MLIR takes it: a hex
   * literal is the type's bits, a decimal one is read as a double and converted to the type. An
   * error where the value would change beyond rounding: an f80 or f128 value a double cannot
   * hold (TensorLang keeps floats as doubles), a decimal past a double's range for them (MLIR's
   * infinity or 0), a value past a type's largest finite one where the type has no infinity
   * (MLIR's NaN).
   */
  private floatLiteral(n: Token, neg: boolean, t: FloatType): number {
    if (n.kind === "int" && n.text.startsWith("0x")) {
      if (neg) throw this.errorAt(n, "hexadecimal float literal should not have a leading minus");
      const bits = BigInt(n.text);
      if (bits >> BigInt(t.width) !== 0n) throw this.errorAt(n, "hexadecimal float constant out of range for type");
      const v = fitsDouble(t.kind) ? floatFromBits(bits, t.kind) : decodeFloat(bits, t.kind);
      if (v === undefined) throw this.errorAt(n, `${n.text} cannot be held exactly as ${t.str} here (TensorLang keeps float values as doubles: 53 significant bits)`);
      return v;
    }
    const d = Number(n.text), v = neg ? -d : d;
    if (!fitsDouble(t.kind) && (!Number.isFinite(v) || (v === 0 && /[1-9]/.test(n.text.replace(/e.*$/i, ""))))) {
      throw this.errorAt(n, `${n.text} is past a double's range, where TensorLang (as MLIR) reads decimal float literals: it cannot be held as ${t.str} here`);
    }
    const r = roundFloat(v, t);
    if (r !== r && FLOAT_FORMATS[t.kind].nonfinite !== "ieee") throw this.errorAt(n, `${neg ? "-" : ""}${n.text} is out of range for ${t.str} (largest finite value ${largestFinite(t.kind)}; it has no infinity)`);
    return r;
  }
  parseDictionary(): DictionaryAttr {
    this.expect("{");
    const m = new Map<string, Attribute>();
    if (!this.accept("}")) {
      do {
        const k = this.lex.peek();
        if (k.kind !== "bare" && k.kind !== "string") throw this.errorExpecting("expected attribute name");
        this.lex.next();
        const key = k.kind === "string" ? decodeString(k.text, this.lex, k.pos) : k.text;
        if (!key) throw this.errorAt(k, "expected valid attribute name");
        if (m.has(key)) throw this.errorAt(k, `duplicate key '${key}' in dictionary attribute`);
        m.set(key, this.accept("=") ? this.parseAttribute() : unit);
      } while (this.accept(","));
      this.expect("}", "expected '}' in attribute dictionary");
    }
    return new DictionaryAttr(m);
  }
  /**
   * `{a = 1, b}` if present, merged into `into` (a map, or an OperationState's attributes: its
   * map is only created when there is a dictionary).
   */
  parseOptionalAttrDict(into: Map<string, Attribute> | { readonly attributes: Map<string, Attribute> }): void {
    if (this.lex.peek().text !== "{") return;
    const m = into instanceof Map ? into : into.attributes;
    for (const [k, v] of this.parseDictionary().entries) m.set(k, v);
  }
  /** `attributes {...}` if present. */
  parseOptionalAttrDictWithKeyword(into: Map<string, Attribute> | { readonly attributes: Map<string, Attribute> }): void {
    if (this.lex.peek().text !== "attributes") return;
    this.lex.next();
    if (this.lex.peek().text !== "{") throw this.errorExpecting("expected '{' in attribute dictionary"); // (the keyword promises one)
    this.parseOptionalAttrDict(into);
  }

  /** `implied`: the type to use when `: type` is absent (memref.global's elided tensor type). */
  private parseDense(implied?: ShapedType): Attribute {
    this.expect("<", "expected '<' after 'dense'");
    const lit = this.lex.peek().text === ">" ? undefined : this.parseTensorLiteral(true);
    const pos = this.lex.peek().pos;
    this.expect(">");
    const tloc = this.locHere();
    const elided = !!implied && this.lex.peek().text !== ":";
    const type = this.elementsLiteralType(implied);
    // where MLIR reports what the literal and its type disagree on: the type, or the literal when the type is elided
    const shapeLoc = elided ? this.lex.loc(lit?.pos ?? pos) : tloc;
    if (!lit) { // `dense<>`
      if (type.numElements !== 0) throw DiagnosticError.at(shapeLoc, `parsed zero elements, but type ('${type.str}') expected at least 1`);
      return new DenseElementsAttr(type, [], false);
    }
    return this.literalElements(lit, type, shapeLoc);
  }
  /**
   * `sparse<indices, values> : type` (MLIR's parseSparseElementsAttr), `sparse<> : type` for
   * no element set; checked as its SparseElementsAttr::verify, reported at `sparse` (`kw`).
   */
  private parseSparse(kw: Token, implied?: ShapedType): Attribute {
    this.expect("<", "Expected '<' after 'sparse'");
    if (this.accept(">")) {
      const type = this.elementsLiteralType(implied);
      return new SparseElementsAttr(type, new DenseElementsAttr(TensorType.get([0, type.rank], i64), [], false), new DenseElementsAttr(TensorType.get([0], type.elementType), [], false));
    }
    const ilit = this.parseTensorLiteral(false); // (no hex: the inferred shape may be needed)
    this.expect(",", "expected ','");
    const vlit = this.parseTensorLiteral(true);
    this.expect(">", "expected '>'");
    const type = this.elementsLiteralType(implied);
    // A splat's shape is set: one index of all `rank` coordinates, a value for each index.
    const itype = TensorType.get(ilit.shape.length ? ilit.shape : [1, type.rank], i64);
    const indices = this.literalElements(ilit, itype, this.lex.loc(ilit.pos));
    const vtype = TensorType.get(vlit.shape.length ? vlit.shape : [itype.shape[0]], type.elementType);
    const values = this.literalElements(vlit, vtype, this.lex.loc(vlit.pos));
    const attr = new SparseElementsAttr(type, indices, values);
    const err = attr.verifyError();
    if (err) throw this.errorAt(kw, err);
    return attr;
  }
  /** After `kw`, `distinct`: `[N]<attr>` (`<>`: a unit), the same attribute for each `N` of one parse (MLIR's words and places). */
  private parseDistinct(kw: Token, type?: Type): DistinctAttr {
    this.expect("[", "expected '[' after 'distinct'");
    const n = this.lex.peek();
    if (n.kind !== "int") throw this.errorExpecting("expected distinct ID");
    this.lex.next();
    const id = BigInt(n.text);
    if (id >> 64n) throw this.errorHere("expected an unsigned 64-bit integer");
    this.expect("]", "expected ']' to close distinct ID");
    this.expect("<", "expected '<' after distinct ID");
    let ref: Attribute = unit;
    if (!this.accept(">")) {
      ref = this.parseAttribute(type);
      this.expect(">", "expected '>' to close distinct attribute");
    }
    const seen = this.distinctAttrs.get(id);
    if (!seen) { const d = new DistinctAttr(ref); this.distinctAttrs.set(id, d); return d; }
    if (!seen.referenced.equals(ref)) throw this.errorAt(kw, `referenced attribute does not match previous definition: ${typedStr(seen.referenced)}`);
    return seen;
  }
  /**
   * `body` (of a dialect type or attribute kept as text) with each `#alias`/`!alias` it uses
   * written out (`file = #file` becomes `file = #llvm.di_file<...>`): text gets no alias
   * definitions printed, and the output must parse on its own.
   */
  private expandAliases(body: string): string {
    if (!body.includes("#") && !body.includes("!")) return body;
    return body.replace(stringOr("([#!])([A-Za-z_][\\w$]*)(?![\\w$.])"), (m, sigil: string | undefined, name: string) => {
      const a = sigil === "#" ? this.attrAliases.get(name) ?? this.forwardLoc(name) : sigil === "!" ? this.typeAliases.get(name) : undefined;
      return a === undefined ? m : a instanceof Attribute ? typedStr(a) : a.str;
    });
  }
  /**
   * `body` (of a dialect attribute kept as text: `#llvm.di_compile_unit<id = distinct[0]<>, ...>`)
   * with each `distinct[N]` numbered as the parse's DistinctAttr for N (made here if the first,
   * its attribute the text inside), so that the printer numbers them with the others.
   */
  private opaqueDistinct(body: string): string {
    return body.replace(stringOr("distinct\\[(\\d+)\\]<"), (m, n: string | undefined, at: number) => {
      if (n === undefined) return m; // a string literal
      const id = BigInt(n);
      let d = this.distinctAttrs.get(id);
      if (!d) {
        const inner = body.slice(at + m.length, closingAngle(body, at + m.length));
        this.distinctAttrs.set(id, (d = new DistinctAttr(inner ? new OpaqueAttr(inner) : unit)));
      }
      return `distinct[${d.id}]<`;
    });
  }
  /** `: type` (or `implied` when absent), which must be shaped and static (MLIR's parseElementsLiteralType). */
  private elementsLiteralType(implied?: ShapedType): ShapedType {
    const type = implied && this.lex.peek().text !== ":" ? implied : (this.expect(":"), this.parseType());
    // (where MLIR says these: after the type)
    if (!(type instanceof ShapedType)) throw this.errorHere(type instanceof UnrankedTensorType ? "elements literal type must have static shape" : "elements literal must be a shaped type");
    if (!type.hasStaticShape) throw this.errorHere("elements literal type must have static shape");
    return type;
  }
  /**
   * A tensor literal (MLIR's TensorLiteralParser::parse): a hex string (`hex` allowing), one
   * element or nested lists of them, whose values are checked once the type is known (literalElements).
   */
  private parseTensorLiteral(hex: boolean): TensorLiteral {
    const pos = this.lex.peek().pos;
    const lit: TensorLiteral = { pos, values: [], shape: [], nums: [], bools: [] };
    const { values, nums, bools } = lit;
    if (hex && this.lex.peek().kind === "string") {
      const at = this.lex.peek();
      lit.hex = this.parseString();
      if (!/^0x([0-9A-Fa-f]{2})*$/.test(lit.hex)) throw this.errorAt(at, "expected string containing hex digits starting with `0x`");
      return lit;
    }
    // An element's shape: [] for a scalar, [n, ...] for a list (whose elements must agree, as MLIR checks after each).
    const elem = (): number[] => {
      if (!this.accept("[")) { scalar(); return []; }
      let n = 0, first: number[] | undefined;
      if (this.lex.peek().text !== "]") {
        do {
          const d = elem();
          n++;
          if (first && (d.length !== first.length || d.some((x, i) => x !== first![i]))) throw this.errorHere("tensor literal is invalid; ranks are not consistent between elements");
          first ??= d;
        } while (this.accept(","));
      }
      this.expect("]");
      return [n, ...(first ?? [])];
    };
    const scalar = (): void => {
      const t = this.lex.peek();
      if (t.text === "true" || t.text === "false") { this.lex.next(); bools.push(t); values.push(t.text === "true"); return; }
      if (t.text === "(") { // a complex element: its syntax is checked, its values are not kept
        this.lex.next();
        scalar();
        this.expect(",", "expected ',' between complex elements");
        scalar();
        this.expect(")", "expected ')' after complex elements");
        lit.complex ??= t;
        return;
      }
      const neg = this.accept("-");
      const n = this.lex.peek();
      if (n.kind !== "int" && n.kind !== "float") throw this.errorAt(n, neg ? "expected integer or floating point literal" : "expected element literal of primitive type");
      this.lex.next();
      if (neg && n.kind === "int" && n.text.startsWith("0x")) lit.negHex ??= n; // an error only for float elements
      nums.push({ at: values.length, tok: n, neg: !!neg });
      if (n.kind === "int" && !neg && n.text.startsWith("0x")) values.push(n.text);
      else if (n.kind === "int") values.push(neg ? -BigInt(n.text) : BigInt(n.text));
      else values.push(neg ? -Number(n.text) : Number(n.text));
    };
    lit.shape.push(...elem());
    return lit;
  }
  /**
   * The elements `lit` makes of `type` (MLIR's TensorLiteralParser::getAttr): its element checks,
   * then its shape against the type's (reported at `shapeLoc`).
   */
  private literalElements(lit: TensorLiteral, type: ShapedType, shapeLoc: Location): DenseElementsAttr {
    const { values, shape, nums, bools, complex, negHex } = lit;
    if (complex) throw this.errorAt(complex, "TensorLang keeps no values of complex elements");
    const et = type.elementType;
    if (negHex && et instanceof FloatType) throw this.errorAt(negHex, "hexadecimal float literal should not have a leading minus");
    const intLike = et instanceof IntegerType || et instanceof IndexType || et instanceof SignedIntegerType;
    if (!intLike && !(et instanceof FloatType) && lit.hex === undefined) {
      // complex<iN> refuses a float first, as MLIR does (its complex<fN> with plain floats crashes mlir-opt 19)
      const float = et instanceof ComplexType && !(et.elementType instanceof FloatType) ? nums.find(({ tok }) => tok.kind === "float") : undefined;
      if (float) throw this.errorAt(float.tok, "expected integer elements, but parsed floating-point");
      throw DiagnosticError.at(this.lex.loc(lit.pos), `TensorLang keeps no values of ${et.str} elements`);
    }
    // MLIR's element checks: where it reports them (a float type's after the type, the others at the literal)
    if (et instanceof FloatType && (bools.length || nums.some(({ tok }) => tok.kind === "int" && !tok.text.startsWith("0x")))) {
      throw this.errorHere("expected floating-point elements, but parsed integer");
    }
    if (intLike && bools.length && !isBoolType(et)) throw this.errorAt(bools[0], "expected i1 type for 'true' or 'false' values");
    const float = intLike ? nums.find(({ tok }) => tok.kind === "float") : undefined;
    if (float) throw this.errorAt(float.tok, "expected integer elements, but parsed floating-point");
    for (const { at, tok, neg } of nums) {
      if (et instanceof FloatType) { values[at] = this.floatLiteral(tok, neg, et); continue; }
      if (!intLike || tok.kind !== "int") continue;
      if (neg && et instanceof SignedIntegerType && et.unsigned) throw this.errorAt(tok, "expected unsigned integer elements, but parsed negative value");
      const v = checkedInteger(tok.text, neg, et);
      if (v === undefined) throw this.errorAt(tok, "integer constant out of range for type");
      values[at] = et instanceof IntegerType && et.width > 1 ? BigInt.asIntN(et.width, v) : v; // 255 : i8 is -1, as MLIR prints it
    }
    const conv = (v: number | bigint | boolean | string): number | bigint =>
      typeof v === "boolean" ? (et instanceof SignedIntegerType ? (v ? (et.unsigned ? 1n : -1n) : 0n) : v ? 1 : 0) : et instanceof FloatType ? (v === v ? roundFloat(Number(v), et) : (v as number)) : et instanceof IntegerType && et.width <= 32 || et instanceof IndexType ? Number(v) : BigInt(v);
    if (lit.hex !== undefined) return denseFromHex(lit.hex, type, shapeLoc, this.lex.loc(lit.pos));
    if (shape.length === 0 && values.length === 1) return new DenseElementsAttr(type, mapKeepingNaNs(values.slice(0, 1), conv), type.rank > 0 || type.numElements === 1);
    if (shape.length !== type.rank || shape.some((d, i) => d !== type.shape[i])) {
      throw DiagnosticError.at(shapeLoc, `inferred shape of elements literal ([${shape.join(", ")}]) does not match type ([${type.shape.join(", ")}])`);
    }
    // All elements equal (bit for bit: -0 is not 0, nor a NaN another): a splat, as MLIR stores and prints it.
    const vs = mapKeepingNaNs(values, conv);
    return vs.length > 1 && vs.every((v) => sameBits(v, vs[0])) ? new DenseElementsAttr(type, vs.slice(0, 1), true) : new DenseElementsAttr(type, vs, false);
  }
  /** `dense_resource<name> : type` (`implied`: as parseDense's); its blob is found after the parse. */
  private parseDenseResource(implied?: ShapedType): Attribute {
    this.expect("<", "expected '<' after 'dense_resource'");
    const k = this.lex.next();
    if (k.kind !== "bare") throw this.errorAt(k, "expected identifier key for 'resource' entry");
    this.expect(">");
    const tloc = this.locHere();
    const type = implied && this.lex.peek().text !== ":" ? implied : (this.expect(":"), this.parseType());
    if (!(type instanceof ShapedType)) throw DiagnosticError.at(tloc, type instanceof UnrankedTensorType ? "TensorLang supports `dense_resource` of ranked types only" : "`dense_resource` expected a shaped type");
    let handle = this.resourceHandles.get(k.text);
    if (!handle) this.resourceHandles.set(k.text, (handle = new ResourceHandle(k.text)));
    const attr = new DenseResourceElementsAttr(k.text, type, handle);
    this.resourceUses.push({ attr, pos: k.pos });
    return attr;
  }
  private parseDenseArray(): Attribute {
    this.expect("<", "expected '<' after 'array'");
    const typeTok = this.lex.peek(), et = this.parseType();
    // (MLIR 19 takes index elements too)
    if (!(et instanceof IntegerType || et instanceof SignedIntegerType || et instanceof FloatType || et instanceof IndexType)) throw this.errorAt(typeTok, `expected integer or float type, got: '${et.str}'`);
    if (!(et instanceof IndexType) && et.width !== 1 && et.width % 8 !== 0) throw this.errorAt(typeTok, "element type bitwidth must be a multiple of 8");
    const vs = et instanceof FloatType ? nanKeepingArray<number>() : []; // (a signaling NaN keeps its bits)
    if (this.accept(">")) return new DenseArrayAttr(et, vs);
    this.expect(":", "expected ':' after dense array type");
    {
      do {
        const t = this.lex.peek();
        if (t.text === "true" || t.text === "false") { this.lex.next(); vs.push(t.text === "true" ? 1 : 0); continue; }
        const neg = this.accept("-"), n = this.lex.next();
        if (n.kind !== "int" && n.kind !== "float") throw this.errorAt(n, "expected number");
        const int = et instanceof IntegerType || et instanceof IndexType || et instanceof SignedIntegerType;
        if (int && n.kind === "float") throw this.errorAt(n, "expected integer literal");
        if (et instanceof FloatType) this.noDecimalForFloat(n);
        const v = n.kind === "int" && int ? checkedInteger(n.text, !!neg, et) : undefined;
        if (v === undefined && n.kind === "int" && int) throw this.errorAt(this.lex.peek(), "integer constant out of range"); // (where MLIR reports it)
        vs.push(v !== undefined ? this.exactInteger(n, false, v) : et instanceof FloatType ? this.floatLiteral(n, !!neg, et) : neg ? -Number(n.text) : Number(n.text));
      } while (this.accept(","));
    }
    this.expect(">", "expected '>' to close an array attribute");
    return new DenseArrayAttr(et, vs);
  }
  /** After `kw`, `strided`. */
  private parseStrided(kw: Token): Attribute {
    this.expect("<", "expected '<' after 'strided'");
    this.expect("[", "expected '['");
    const strides: number[] = [];
    const dimOrDyn = () => {
      if (this.accept("?")) return DYN;
      const at = this.lex.peek(), neg = this.accept("-"), n = this.lex.peek();
      if (n.kind !== "int" || BigInt(n.text) > 0x7fffffffffffffffn) throw this.errorAt(at, "expected a 64-bit signed integer or '?'");
      const v = this.parseInteger();
      return neg ? -v : v;
    };
    if (this.lex.peek().text !== "]") do strides.push(dimOrDyn()); while (this.accept(","));
    this.expect("]", "expected ']'");
    let offset = 0;
    if (!this.accept(">")) { // (MLIR 19's words)
      this.expect(",", "expected ','");
      if (this.lex.peek().text !== "offset") throw this.errorExpecting("expected 'offset' after comma");
      this.lex.next();
      this.expect(":", "expected ':' after 'offset'");
      offset = dimOrDyn();
      this.expect(">", "expected '>'");
    }
    if (strides.includes(0)) throw this.errorAt(kw, "strides must not be zero");
    return new StridedLayoutAttr(strides, offset);
  }
  /** `(...)` after `loc`: one location as MLIR 19's grammar has them, checked and kept as written. */
  protected parseLocationBody(): LocationAttr {
    const start = this.lex.peek().pos, aliases: Array<[number, string]> = [], metadata: Array<[number, number, string]> = [];
    this.expect("(", "expected '(' in location");
    this.parseLocationInstance(aliases, metadata);
    this.expect(")", "expected ')' in location");
    // (as written, but a fused location's metadata that names an alias, written out: no definition of it is printed)
    let text = "loc", from = start;
    for (const [s, e, written] of metadata) { text += this.lex.text.slice(from, s) + written; from = e; }
    text += this.lex.text.slice(from, this.lex.pos);
    const moved = (p: number) => metadata.reduce((d, [s, e, written]) => (e <= p ? d + written.length - (e - s) : d), p - start + 3);
    return new LocationAttr(text, aliases.map(([at, name]) => [moved(at), name] as const));
  }
  /**
   * The text of `l` with its `#loc` aliases replaced by their definitions; an alias that is not
   * defined, or not a location, is an error at `pos`, where the outermost location names it
   * (`base`: the text position of `l.str`'s start).
   */
  protected expandLoc(l: LocationAttr, base: number | undefined, pos: number, seen: ReadonlySet<string> = new Set()): string {
    let out = "", from = 0;
    for (const [at, name] of l.aliases) {
      const where = this.lex.loc(base === undefined ? pos : base + at), a = this.attrAliases.get(name) ?? this.forwardLoc(name);
      if (a === undefined) throw DiagnosticError.at(where, "operation location alias was never defined");
      if (!(a instanceof LocationAttr)) throw DiagnosticError.at(where, `expected location, but found '${a.str}'`);
      if (seen.has(name)) throw DiagnosticError.at(where, `location alias '#${name}' refers to itself`);
      const body = this.expandLoc(a, undefined, base === undefined ? pos : base + at, new Set([...seen, name]));
      out += l.str.slice(from, at) + body.slice(4, -1); // `loc(` ... `)` off: nested locations are written bare
      from = at + 1 + name.length;
    }
    return out + l.str.slice(from);
  }

  /** The `#loc` aliases being read ahead (one that names itself is left undefined). */
  private readingAhead = new Set<string>();
  /** Where the text defines each location alias (its `loc(`), by name: the first definition of a name. */
  private locDefs?: Map<string, number>;
  /**
   * Location alias `name` defined further down, read ahead: mlir-opt --mlir-print-debuginfo prints
   * location aliases last, also those a location used as an attribute value names. Undefined
   * where no `#name = loc(...)` follows.
   */
  protected forwardLoc(name: string): LocationAttr | undefined {
    if (this.readingAhead.has(name)) return undefined;
    // (where each `#name = loc(` of the whole text starts, found in one scan: every dialect attribute misses the aliases)
    this.locDefs ??= new Map([...this.lex.text.matchAll(/^#([\w$.-]+)[ \t]*=[ \t]*(?=loc\()/gm)].reverse().map((m) => [m[1], m.index! + m[0].length]));
    const at = this.locDefs.get(name);
    if (at === undefined) return undefined;
    const save = this.lex.pos;
    this.readingAhead.add(name);
    try {
      this.lex.pos = at;
      return this.parseAttribute() as LocationAttr;
    } finally { this.lex.pos = save; this.readingAhead.delete(name); }
  }
  /**
   * `unknown`, `"file":line:col`, `"name"` or `"name"(loc)`, `callsite(loc at loc)`,
   * `fused<attr>?[loc, ...]`, or a `#loc` alias (which may be defined further down: each is
   * added to `aliases` with its position); a metadata attribute that names an alias is added to
   * `metadata` with its span and its text written out.
   */
  private parseLocationInstance(aliases: Array<[number, string]>, metadata: Array<[number, number, string]>): void {
    const t = this.lex.next();
    const int = (what: string) => { const n = this.lex.next(); if (n.kind !== "int") throw this.errorExpecting(`expected integer ${what} number in FileLineColLoc`, n); };
    if (t.kind === "hash") aliases.push([t.pos, t.text.slice(1)]);
    else if (t.kind === "string") {
      decodeString(t.text, this.lex, t.pos); // (a bad escape is an error here, not where the file name is read)
      if (this.accept(":")) {
        int("line");
        this.expect(":", "expected ':' in FileLineColLoc");
        int("column");
      } else if (this.accept("(")) {
        this.parseLocationInstance(aliases, metadata);
        this.expect(")", "expected ')' after child location of NameLoc");
      }
    } else if (t.kind === "bare" && t.text === "callsite") {
      this.expect("(", "expected '(' in callsite location");
      this.parseLocationInstance(aliases, metadata);
      if (this.lex.peek().text !== "at") throw this.errorExpecting("expected 'at' in callsite location");
      this.lex.next();
      this.parseLocationInstance(aliases, metadata);
      this.expect(")", "expected ')' in callsite location");
    } else if (t.kind === "bare" && t.text === "fused") {
      if (this.accept("<")) {
        const from = this.lex.peek().pos, meta = this.parseAttribute();
        if (this.lex.text.slice(from, this.lex.pos).includes("#")) metadata.push([from, this.lex.pos, typedStr(meta)]);
        this.expect(">", "expected '>' after fused location metadata");
      }
      this.expect("[", "expected '[' in fused location");
      if (!this.accept("]")) { do this.parseLocationInstance(aliases, metadata); while (this.accept(",")); this.expect("]", "expected ']' in fused location"); }
    } else if (!(t.kind === "bare" && t.text === "unknown")) throw this.errorExpecting("expected location instance", t);
  }

  // ---- affine ------------------------------------------------------------------------------
  /** `(d0, d1)[s0] -> (exprs)` */
  parseAffineMapBody(): AffineMap {
    const { dims, syms } = this.parseDimSymHeader();
    this.expect("->", "expected '->' or ':'");
    this.expect("(", "expected '(' in affine map range");
    const results: AffineExpr[] = [];
    if (!this.accept(")")) { do results.push(this.parseAffineExpr((n) => lookupId(n, dims, syms))); while (this.accept(",")); this.expect(")", "expected ')' in affine map range"); }
    return new AffineMap(dims.length, syms.length, results);
  }
  parseIntegerSetBody(): IntegerSet {
    const { dims, syms } = this.parseDimSymHeader();
    this.expect(":", "expected '->' or ':'");
    this.expect("(", "expected '(' in integer set constraint list");
    // No constraints: the set of every point, which MLIR holds (and prints) as `0 == 0`
    if (this.accept(")")) return new IntegerSet(dims.length, syms.length, [{ expr: cst(0), eq: true }]);
    const cs: { expr: AffineExpr; eq: boolean }[] = [];
    do {
      const lhs = this.parseAffineExpr((n) => lookupId(n, dims, syms));
      const op = this.lex.next();
      const eq = op.text === "=";
      if (eq) this.expect("=");
      else if (op.text === ">") this.expect("=");
      else if (op.text !== "<") throw this.errorAt(op, "expected '== affine-expr' or '>= affine-expr' at end of affine constraint");
      else this.expect("=");
      const rhs = this.parseAffineExpr((n) => lookupId(n, dims, syms));
      // Normalize to `expr >= 0` / `expr == 0`.
      const expr = op.text === "<" ? build("add", rhs, negate(lhs)) : build("add", lhs, negate(rhs));
      cs.push({ expr, eq });
    } while (this.accept(","));
    this.expect(")");
    return new IntegerSet(dims.length, syms.length, cs);
  }
  private parseDimSymHeader(): { dims: string[]; syms: string[] } {
    const seen = new Set<string>();
    const ids = (open: string, close: string, what: string) => {
      const out: string[] = [];
      this.expect(open, `expected '${open}' in ${what}`);
      if (!this.accept(close)) {
        do {
          const t = this.lex.peek(), id = this.keyword([], "");
          if (seen.has(id)) throw this.errorAt(t, `redefinition of identifier '${id}'`);
          seen.add(id);
          out.push(id);
        } while (this.accept(","));
        this.expect(close, `expected '${close}' in ${what}`);
      }
      return out;
    };
    const dims = ids("(", ")", "dimensional identifier list");
    const syms = this.lex.peek().text === "[" ? ids("[", "]", "symbol list") : [];
    return { dims, syms };
  }
  /**
   * Affine expression; `operand` resolves a leaf token (bare id or SSA name) to dim/sym.
   * Affine ops with `%i + 1` index syntax use the same routine with SSA names as leaves.
   * Built through MLIR's simplifying constructors, so `s0 * 2 - d0` reads back as `-d0 + s0 * 2`.
   */
  parseAffineExpr(operand: (tok: Token) => AffineExpr | undefined): AffineExpr {
    let lhs = this.parseAffineTerm(operand, false);
    for (;;) {
      if (this.accept("+")) lhs = build("add", lhs, this.parseAffineTerm(operand, true));
      else if (this.lex.peek().text === "-") { this.lex.next(); lhs = build("add", lhs, negate(this.parseAffineTerm(operand, true))); }
      else return lhs;
    }
  }
  /** `hasLhs`: whether an operand came before in this expression (MLIR's words for a missing one differ). */
  private parseAffineTerm(operand: (tok: Token) => AffineExpr | undefined, hasLhs: boolean): AffineExpr {
    let lhs = this.parseAffineFactor(operand, hasLhs);
    for (;;) {
      const t = this.lex.peek();
      const op = t.text === "*" ? "mul" : t.text === "mod" || t.text === "floordiv" || t.text === "ceildiv" ? t.text : undefined;
      if (!op) return lhs;
      this.lex.next();
      const rhs = this.parseAffineFactor(operand, true);
      // MLIR rejects products of two dim-dependent terms and divisions by one, at the next such operator if one follows, else at this one.
      const symbolic = (e: AffineExpr) => exprUses(e).dims === 0;
      if (op === "mul" ? !symbolic(lhs) && !symbolic(rhs) : !symbolic(rhs)) {
        const next = this.lex.peek();
        throw this.errorAt(["*", "mod", "floordiv", "ceildiv"].includes(next.text) ? next : t, op === "mul" ? "non-affine expression: at least one of the multiply operands has to be either a constant or symbolic"
          : `non-affine expression: right operand of ${op} has to be either a constant or symbolic`);
      }
      lhs = build(op, lhs, rhs);
    }
  }
  private parseAffineFactor(operand: (tok: Token) => AffineExpr | undefined, hasLhs: boolean): AffineExpr {
    const t = this.lex.peek();
    if (t.text === "+" || t.text === "*") throw this.errorAt(t, `missing ${hasLhs ? "right" : "left"} operand of binary operator`);
    this.lex.next();
    if (t.text === "(") {
      if (this.lex.peek().text === ")") throw this.errorHere("no expression inside parentheses");
      const e = this.parseAffineExpr(operand);
      this.expect(")");
      return e;
    }
    if (t.text === "-") {
      try { return negate(this.parseAffineFactor(operand, hasLhs)); } catch (e) {
        if (!(e instanceof DiagnosticError)) throw e;
        throw new DiagnosticError([...e.diagnostics, { loc: this.locHere(), severity: "error", message: "missing operand of negation" }]);
      }
    }
    if (t.kind === "int") return cst(this.exactInteger(t, false));
    const e = operand(t);
    if (!e && t.kind !== "bare" && t.kind !== "percent") throw this.errorAt(t, hasLhs ? "missing right operand of binary operator" : "expected affine expression");
    if (!e) throw this.errorAt(t, `use of undeclared identifier '${t.text}' in affine expression`);
    return e;
  }

  // ---- aliases -----------------------------------------------------------------------------
  /** `#name = attr` or `!name = type` at top level. */
  parseAliasDefinition(): void {
    const t = this.lex.next();
    this.expect("=", `expected '=' in ${t.kind === "hash" ? "attribute" : "type"} alias definition`);
    const name = t.text.slice(1);
    if (name.includes(".")) throw this.errorAt(t, `${t.kind === "hash" ? "attribute" : "type"} names with a '.' are reserved for dialect-defined names`);
    if (t.kind === "hash") {
      if (this.attrAliases.has(name)) throw this.errorAt(t, `redefinition of attribute alias id '${name}'`);
      this.attrAliases.set(name, this.parseAttribute());
    } else {
      if (this.typeAliases.has(name)) throw this.errorAt(t, `redefinition of type alias id '${name}'`);
      this.typeAliases.set(name, this.parseType());
    }
  }
}

/** The largest finite value of a format a double holds, as a decimal. */
function largestFinite(kind: keyof typeof FLOAT_FORMATS): number {
  const f = FLOAT_FORMATS[kind];
  return f.max ?? (2 - 2 ** -f.mant) * 2 ** f.emax;
}

const negate = (e: AffineExpr): AffineExpr => build("mul", e, cst(-1));
function lookupId(t: Token, dims: string[], syms: string[]): AffineExpr | undefined {
  const d = dims.indexOf(t.text);
  if (d >= 0) return dim(d);
  const s = syms.indexOf(t.text);
  return s >= 0 ? sym(s) : undefined;
}

/** The scalar types by keyword (`i32`, `f32`, `index`), each worked out once: a file names the same few thousands of times. */
const scalarTypes = new Map<string, Type>();
function keepScalar<T extends Type>(keyword: string, t: T): T {
  scalarTypes.set(keyword, t);
  return t;
}

const TYPE_KW = new Set(["index", "none", "tensor", "memref", "vector", "tuple", "complex"]);
export function isTypeKeyword(s: string): boolean { return TYPE_KW.has(s) || isFloatKind(s) || intTypeWidth(s) >= 0; }
/** `i32`, `si8`, `ui1`: MLIR lexes these as a token of their own (no op name, no keyword). */
export const isIntTypeKeyword = (s: string): boolean => intTypeWidth(s) >= 0;
/** MLIR's IntegerType::kMaxWidth. */
const MAX_INT_WIDTH = 16777215;
const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** Letters, digits, `_`, `?`, `,` and spaces: what `4x?xf32` or `vector<4xi8>, 1` are made of. */
const isPlainTypeChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95 || c === 63 || c === 44 || c === 32;
/** The width of `i32`, `si32` and `ui32`-style integer type keywords, or -1. */
function intTypeWidth(s: string): number {
  const from = s.charCodeAt(0) === 105 /* i */ ? 1 : (s.charCodeAt(0) === 115 || s.charCodeAt(0) === 117) && s.charCodeAt(1) === 105 ? 2 : 0; // i, si, ui
  if (from === 0 || s.length <= from) return -1;
  for (let i = from; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return -1;
  return Number(s.slice(from));
}

/** MLIR's isSupportedMemorySpace: an integer, a string, a dictionary or a dialect's attribute, no other builtin one (`[1]`, `1.0`, `unit`). */
const memorySpaceOk = (a: Attribute): boolean => a instanceof IntegerAttr || a instanceof StringAttr || a instanceof DictionaryAttr || a instanceof OpaqueAttr;

/** MLIR's TensorType::isValidElementType: any type but the builtin containers, none and functions. */
const tensorElement = (t: Type): boolean =>
  !(t instanceof TensorType || t instanceof UnrankedTensorType || t instanceof MemRefType || t instanceof UnrankedMemRefType ||
    t instanceof NoneType || t instanceof TupleType || t instanceof FunctionType);

/** A tensor literal as parsed, before its type is known. A string value is a hex literal: the bit pattern of a float element, the value of an integer one. */
interface TensorLiteral {
  pos: number;
  /** `"0x..."`: the elements' raw data. */
  hex?: string;
  values: (number | bigint | boolean | string)[];
  shape: number[];
  /** The literals, checked against the element type. */
  nums: { at: number; tok: Token; neg: boolean }[];
  bools: Token[];
  complex?: Token;
  /** `-0x...`: negative for integers, rejected for floats (as MLIR). */
  negHex?: Token;
}

/**
 * `dense<"0x...">`: MLIR's raw data (isValidRawBuffer), i1 packed by the bit; the bytes of one
 * element (an i1's 0x00 or 0xFF) are a splat. `tloc`: the type's location, `at` the literal's.
 */
function denseFromHex(hex: string, type: ShapedType, tloc: Location, at: Location): DenseElementsAttr {
  const et = type.elementType, n = type.numElements, bytes = Buffer.from(hex.slice(2), "hex");
  const one = storageBytes(et, 1, "bytes");
  if (one === undefined) throw DiagnosticError.at(at, `TensorLang keeps no values of ${et.str} elements`);
  const splatSized = isBoolType(et) ? bytes.length === 1 && (bytes[0] === 0 || bytes[0] === 0xff) : bytes.length === one;
  if (!splatSized && bytes.length !== storageBytes(et, n, "bits")) throw DiagnosticError.at(tloc, `elements hex data size is invalid for provided type: '${type.str}'`);
  const splat = splatSized || n === 1;
  const vs = decodeElements(bytes, type, splat ? 1 : n, "bits");
  if (!vs) throw DiagnosticError.at(at, `an element cannot be held exactly as ${et.str} here (TensorLang keeps float values as doubles: 53 significant bits)`);
  return new DenseElementsAttr(type, vs, splat);
}

/**
 * Integer literal `text` (negated when `neg`) as a value of `t`, or undefined when MLIR calls it
 * out of range (buildAttributeAPInt): the magnitude must fit the width, a negative value must
 * have its sign bit set (so `-0`, and `-129 : i8`, are out of range), an index stay below 2^63.
 */
function checkedInteger(text: string, neg: boolean, t: Type): bigint | undefined {
  const w = BigInt(t instanceof IntegerType || t instanceof SignedIntegerType ? t.width : 64), mag = BigInt(text);
  if (mag >= 1n << w) return undefined;
  if (t instanceof SignedIntegerType) { // ui8: 0 to 255; si8: -128 to 127 (and not -0)
    if (t.unsigned || w === 0n) return neg ? undefined : mag;
    return neg ? (mag >= 1n && mag <= 1n << (w - 1n) ? -mag : undefined) : mag < 1n << (w - 1n) ? mag : undefined;
  }
  if (neg) return w > 0n && mag >= 1n && mag <= 1n << (w - 1n) ? -mag : undefined;
  return t instanceof IndexType && mag >= 1n << 63n ? undefined : mag;
}
