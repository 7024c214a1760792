// Recursive-descent parser for MLIR text: generic and custom op forms, SSA scoping with
// forward references, blocks, regions, aliases. Types and attributes live in parse-attr.ts.
import { Attribute, DenseArrayAttr, DictionaryAttr, LocationAttr, StringAttr } from "./attributes.js";
import { Block, BlockArgument, Module, OpResult, Operation, Region, Value } from "./core.js";
import { Context, OperationState } from "./dialect.js";
import { type Diagnostic, DiagnosticError, type Location, registerSource } from "./diagnostics.js";
import { Lexer, type Token, decodeString } from "./lexer.js";
import { AttrTypeParser, isIntTypeKeyword } from "./parse-attr.js";
import { parseFileMetadata, type FileMetadata } from "./parse-resources.js";
import type { ResourceBlob } from "./resources.js";
import { FunctionType, Type, i32 } from "./types.js";
import { propertyProblem } from "./verifier.js";

const DIALECT_FAQ = "https://mlir.llvm.org/getting_started/Faq/#registered-loaded-dependent-whats-up-with-dialects-management";

/**
 * `%name` or `%name#index`; `pos` is its offset in the source (a Location only for errors),
 * `numberPos` where a written `#index` starts.
 */
export interface UnresolvedOperand { name: string; index: number; pos: number; loc?: Location; numberPos?: number }
export interface RegionArgument { operand: UnresolvedOperand; type: Type; loc?: Location; attrs?: DictionaryAttr }

/** Placeholder for a value used before its definition (later blocks, graph regions). */
export class ForwardRef extends Value {
  /** The value that took its place, for a SourceIndex made while parsing (see source-index.ts). */
  replacement: Value | undefined;
  constructor(type: Type, readonly loc: Location, readonly name: string) { super(type); }
  get owner(): Block { throw new Error("unresolved forward reference"); }
  get definingBlock(): Block | null { return null; }
  override replaceAllUsesWith(v: Value): void { this.replacement = v; super.replaceAllUsesWith(v); }
}

/** Where `v` was defined, for MLIR's notes: its op (whose line holds its result names), block argument or first use. */
const defLoc = (v: Value): Location | undefined => (v instanceof OpResult ? v.op.loc : v instanceof BlockArgument || v instanceof ForwardRef ? v.loc : undefined);

/** Results an op's `%name:count =` binds to one name, `pos` where the name is. */
interface ResultGroup { name: string; count: number; pos: number }

/** One region's names; `forward` and `blocks` are made on first use (most regions need neither). */
export interface Scope {
  values: Map<string, Value[]>;
  forward: Map<string, ForwardRef> | undefined;
  blocks: Map<string, { block: Block; defined: boolean; loc: Location }> | undefined;
  isolated: boolean;
}

/** The API custom op parsers use (MLIR's OpAsmParser). */
export class OpAsmParser extends AttrTypeParser {
  private scopes: Scope[] = [];
  /** Names no isolated region defined: reported when the file is read, in their order. */
  private readonly undeclared: Diagnostic[] = [];
  /** The default dialect of the innermost custom op being parsed (OpSpec.defaultDialect; "" for none). */
  private defaultDialect = "builtin";
  /** Whether the op whose custom syntax is being parsed is IsolatedFromAbove. */
  private isolatedOp = false;
  /** Inside the file's `module` op: its region is the one printed for any file, not counted as nesting. */
  private inTopModule = false;
  /** The op whose custom syntax is being parsed (MLIR names it in custom-parser errors). */
  private customOp = "";

  constructor(text: string, file: string, readonly ctx: Context, firstLine = 0) {
    super(new Lexer(text, file, firstLine), (d) => ctx.typeHook(d));
    registerSource(file, text, firstLine);
  }

  // ---- SSA values -------------------------------------------------------------------------
  parseOptionalOperand(): UnresolvedOperand | undefined {
    if (this.lex.peekKind() !== "percent") return undefined;
    const name = this.lex.peekText(), pos = this.lex.peekStart();
    this.lex.skip();
    let index = 0, numberPos: number | undefined;
    if (this.lex.peekKind() === "hash" && this.lex.peekStart() === pos + name.length) {
      const after = this.lex.next();
      index = Number(after.text.slice(1));
      if (!Number.isInteger(index)) throw this.errorAt(after, "invalid SSA value result number");
      numberPos = after.pos;
    }
    const u: UnresolvedOperand = { name, index, pos, numberPos };
    // A region argument in an op's custom form may carry its location (`affine.for %i loc(...) =`).
    if (numberPos === undefined && this.lex.peekText() === "loc") { u.loc = this.lex.loc(pos); this.keepOptionalLoc(u); }
    return u;
  }
  parseOperand(): UnresolvedOperand {
    const o = this.parseOptionalOperand();
    if (!o) throw this.errorExpecting("expected SSA operand");
    return o;
  }
  /** `%a, %b` (possibly empty), optionally inside `(...)` or `[...]`. */
  parseOperandList(delim: "none" | "paren" | "square" = "none"): UnresolvedOperand[] {
    const close = delim === "paren" ? ")" : delim === "square" ? "]" : "";
    if (close) this.expect(delim === "paren" ? "(" : "[");
    if ((close && this.accept(close)) || (!close && this.lex.peekKind() !== "percent")) return [];
    const out = [this.parseOperand()]; // (most lists hold one operand: made at its size, not with room for 16 more)
    while (this.accept(",")) out.push(this.parseOperand());
    if (close) this.expect(close);
    return out;
  }
  /** Exactly `n` comma-separated operands (a missing one is "expected ','", an extra one the next token's error). */
  parseOperands(n: number): UnresolvedOperand[] {
    const out = new Array<UnresolvedOperand>(n);
    for (let i = 0; i < n; i++) {
      if (i) this.expect(",");
      out[i] = this.parseOperand();
    }
    return out;
  }
  /** A keyword; inside a custom op's parser its error names the op, as MLIR's OpAsmParser does. */
  override parseKeyword(...kws: string[]): string { return this.keyword(kws, this.customOp ? `custom op '${this.customOp}' ` : ""); }
  /** MLIR's errors from inside a custom op's parser: "custom op 'X' <message>" each, at `loc` (default: here). */
  customError(messages: string | readonly string[], loc = this.locHere()): DiagnosticError {
    return new DiagnosticError((typeof messages === "string" ? [messages] : messages).map((m) => ({ loc, severity: "error" as const, message: `custom op '${this.customOp}' ${m}` })));
  }
  override asmError(msg: string, loc = this.locHere()): DiagnosticError { return this.customOp ? this.customError(msg, loc) : DiagnosticError.at(loc, msg); }
  /** MLIR's two errors for an unknown case of an enum attribute (`cpp`: `::mlir::arith::FastMathFlags`, `attr`: `Arith_FastMathAttr`). */
  enumError(loc: Location, cpp: string, cases: readonly string[], attr: string): DiagnosticError {
    return this.customError([`expected ${cpp} to be one of: ${cases.join(", ")}`, `failed to parse ${attr} parameter 'value' which is to be a \`${cpp}\``], loc);
  }
  /** A type of class `cls` (MLIR's `parseType<MemRefType>`), else MLIR's error at the type. */
  parseTypeOf<T extends Type>(...classes: (Function & { prototype: T })[]): T {
    const loc = this.locHere(), t = this.parseType();
    if (!classes.some((c) => t instanceof c)) throw this.customError("invalid kind of type specified", loc);
    return t as T;
  }
  /** Where an operand was written. */
  operandLoc(u: UnresolvedOperand): Location { return u.loc ?? this.lex.loc(u.pos); }
  resolveOperand(u: UnresolvedOperand, type: Type): Value {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i];
      const group = s.values.get(u.name);
      if (group) {
        const v = group[u.index];
        if (!v) throw DiagnosticError.at(this.operandLoc(u), `result number ${u.index} of '${u.name}' is out of range`);
        if (v.type !== type) throw this.typeClash(u.name, this.operandLoc(u), type, v.type, defLoc(v) ?? this.operandLoc(u));
        return v;
      }
      if (s.isolated) break;
    }
    const key = u.index ? `${u.name}#${u.index}` : u.name;
    const scope = this.scopes[this.scopes.length - 1];
    const fwd = scope.forward?.get(key);
    if (fwd) {
      if (fwd.type !== type) throw this.typeClash(u.name, this.operandLoc(u), type, fwd.type, fwd.loc);
      return fwd;
    }
    const f = new ForwardRef(type, this.operandLoc(u), key);
    (scope.forward ??= new Map()).set(key, f);
    return f;
  }
  /** MLIR's error for a name used with two types, with its note at the earlier definition or use. */
  private typeClash(name: string, at: Location, type: Type, prior: Type, priorLoc: Location): DiagnosticError {
    const note = { loc: priorLoc, severity: "note" as const, message: "prior use here" };
    return new DiagnosticError([{ loc: at, severity: "error", message: `use of value '${name}' expects different type than prior uses: '${type.str}' vs '${prior.str}'`, notes: [note] }]);
  }
  resolveOperands(us: UnresolvedOperand[], types: Type[] | Type, loc?: Location): Value[] {
    if (!Array.isArray(types)) return us.map((u) => this.resolveOperand(u, types));
    if (types.length !== us.length) {
      throw this.customError(`${us.length} operands present, but expected ${types.length}`, loc ?? (us.length ? this.operandLoc(us[0]) : this.locHere()));
    }
    return us.map((u, i) => this.resolveOperand(u, types[i]));
  }
  /**
   * Binds a name (definition, written at source offset `pos`) in the current scope, resolving
   * earlier forward uses. As in MLIR, a name visible from an enclosing region (up to the nearest
   * isolated one) cannot be defined again: nested regions do not shadow.
   */
  define(name: string, values: Value[], pos: number, regionArgument = false): void {
    const scopes = this.scopes, scope = scopes[scopes.length - 1];
    for (let i = scopes.length - 1; i >= 0; i--) {
      const used = regionArgument && i < scopes.length - 1 ? scopes[i].forward?.get(name) : undefined; // used above, not yet defined
      if (scopes[i].values.has(name) || used) {
        const note = { loc: (used ? used.loc : defLoc(scopes[i].values.get(name)![0])) ?? this.lex.loc(pos), severity: "note" as const, message: regionArgument ? "previously referenced here" : "previously defined here" };
        const message = regionArgument ? `region entry argument '${name}' is already in use` : `redefinition of SSA value '${name}'`;
        throw new DiagnosticError([{ loc: this.lex.loc(pos), severity: "error", message, notes: [note] }]);
      }
      if (scopes[i].isolated) break;
    }
    scope.values.set(name, values);
    // Forward uses of the name are resolved here, in this region or, as MLIR's one table per
    // isolated region has it, in an enclosing one (a use the definition does not dominate is the verifier's error).
    for (let k = scopes.length - 1; k >= 0; k--) {
      const forward = scopes[k].forward;
      if (forward !== undefined && forward.size !== 0) {
        for (let i = 0; i < values.length; i++) {
          const v = values[i];
          const key = i ? `${name}#${i}` : name;
          const fwd = forward.get(key);
          if (!fwd) continue;
          if (fwd.type !== v.type) {
            const note = { loc: fwd.loc, severity: "note" as const, message: `previously used here with type '${fwd.type.str}'` };
            throw new DiagnosticError([{ loc: this.lex.loc(pos), severity: "error", message: `definition of SSA value '${name}#${i}' has type '${v.type.str}'`, notes: [note] }]);
          }
          fwd.replaceAllUsesWith(v);
          forward.delete(key);
        }
      }
      if (scopes[k].isolated) break;
    }
  }

  // ---- regions and blocks ------------------------------------------------------------------
  private pushScope(isolated: boolean): void {
    this.scopes.push({ values: new Map(), forward: undefined, blocks: undefined, isolated });
  }
  private popScope(): void {
    const s = this.scopes.pop()!, outer = this.scopes[this.scopes.length - 1];
    if (s.blocks) for (const b of s.blocks.values()) if (!b.defined) throw DiagnosticError.at(b.loc, "reference to an undefined block"); // (MLIR 19's words, no name)
    // As MLIR: a name still undefined at the end of a region may be defined further down the
    // enclosing one (then the verifier reports the dominance error); only an isolated region ends
    // it, and MLIR reports it once the file is read (a later parse error comes first).
    if (s.forward && !s.isolated && outer) {
      for (const [key, f] of s.forward) {
        const prior = outer.forward?.get(key);
        if (!prior) { (outer.forward ??= new Map()).set(key, f); continue; }
        if (prior.type !== f.type) throw this.typeClash(key.split("#")[0], f.loc, f.type, prior.type, prior.loc);
        f.replaceAllUsesWith(prior);
      }
    } else if (s.forward) for (const f of s.forward.values()) this.undeclared.push({ loc: f.loc, severity: "error", message: `use of undeclared SSA value name '${f.name}'` });
  }

  parseOptionalRegion(args: RegionArgument[] = [], opts: { isolated?: boolean } = {}): Region | undefined {
    if (this.lex.peekText() !== "{") return undefined;
    return this.parseRegion(args, opts);
  }
  /** `{ ops | ^bb(...): ops ... }`; `args` become the entry block's arguments. */
  parseRegion(args: RegionArgument[] = [], opts: { isolated?: boolean } = {}): Region {
    const open = this.lex.peekStart();
    this.expect("{", "expected '{' to begin a region");
    // (the verifier, printer, passes and engines recurse per region: a bound here keeps them all in stack)
    if (this.scopes.length - Number(this.inTopModule) > MAX_REGION_NESTING) throw this.lex.error(open, `regions nested more than ${MAX_REGION_NESTING} deep`);
    const blocks: Block[] = [];
    this.pushScope(opts.isolated ?? this.isolatedOp);
    const saved = this.isolatedOp;
    this.isolatedOp = false;
    const scope = this.scopes[this.scopes.length - 1];
    const first = this.lex.peekKind(), firstPos = this.lex.peekStart();
    if (this.lex.peekText() === "}" && args.length === 0) { this.lex.skip(); this.popScope(); this.isolatedOp = saved; return new Region(); }
    if (first !== "caret" || args.length) {
      const entry = new Block(args.map((a) => a.type));
      blocks.push(entry);
      for (let i = 0; i < args.length; i++) {
        const a = args[i], arg = entry.args[i];
        if (a.operand.numberPos !== undefined) throw this.lex.error(a.operand.numberPos, "result number not allowed in argument list");
        arg.loc = a.loc ?? this.operandLoc(a.operand);
        this.define(a.operand.name, [arg], a.operand.pos, true);
      }
      if (first === "caret" && args.length) throw this.lex.error(firstPos, "invalid block name in region with named arguments");
      this.parseBlockBody(entry);
    }
    while (this.lex.peekKind() === "caret") {
      const label = this.lex.next();
      const block = this.blockFor(scope, label);
      if (scope.blocks!.get(label.text)!.defined) throw this.errorAt(label, `redefinition of block '${label.text}'`);
      scope.blocks!.get(label.text)!.defined = true;
      blocks.push(block);
      if (this.accept("(")) {
        if (!this.accept(")")) {
          do {
            const o = this.parseOperand();
            this.expect(":", "expected ':' and type for SSA operand");
            const t = this.parseType();
            const arg = { loc: this.operandLoc(o) };
            this.keepOptionalLoc(arg);
            this.define(o.name, [block.addArg(t, arg.loc)], o.pos);
          } while (this.accept(","));
          this.expect(")");
        }
      }
      this.expect(":", "expected ':' after block name");
      this.parseBlockBody(block);
    }
    this.expect("}");
    this.popScope();
    this.isolatedOp = saved;
    return new Region(blocks);
  }
  protected blockFor(scope: Scope, tok: Token): Block {
    const blocks = (scope.blocks ??= new Map());
    let e = blocks.get(tok.text);
    if (!e) { e = { block: new Block(), defined: false, loc: this.lex.loc(tok.pos) }; blocks.set(tok.text, e); }
    return e.block;
  }
  private parseBlockBody(block: Block): void {
    for (;;) {
      const kind = this.lex.peekKind();
      if (this.lex.peekText() === "}" || kind === "caret" || kind === "eof") return;
      block.append(this.parseOperation());
    }
  }
  /** `^bb1` as a branch target. */
  parseSuccessor(): Block {
    if (this.lex.peekKind() !== "caret") throw this.errorExpecting("expected block name");
    const t = this.lex.next();
    return this.blockFor(this.scopes[this.scopes.length - 1], t);
  }

  // ---- operations --------------------------------------------------------------------------
  parseOperation(): Operation {
    const start = this.lex.peekStart();
    let results: ResultGroup[] | undefined;
    if (this.lex.peekKind() === "percent") {
      results = [this.parseResultGroup()]; // (most ops name one: a list of its exact size)
      while (this.accept(",")) results.push(this.parseResultGroup());
      this.expect("=", "expected '=' after SSA name");
    }
    const kind = this.lex.peekKind(), loc = this.lex.loc(this.lex.peekStart());
    if (kind !== "string" && (kind !== "bare" || isIntTypeKeyword(this.lex.peekText()))) throw this.errorExpecting("expected operation name in quotes");
    const op = kind === "string" ? this.parseGenericOperation(loc) : this.parseCustomOperation(loc);
    this.keepOptionalLoc(op);
    if (results === undefined) return op;
    let declared = 0;
    for (let i = 0; i < results.length; i++) declared += results[i].count;
    // (at the first result name, as MLIR)
    if (!op.results.length) throw this.lex.error(start, "cannot name an operation with no results");
    if (declared !== op.results.length) throw this.lex.error(start, `operation defines ${op.results.length} results but was provided ${declared} to bind`);
    if (results.length === 1) { this.define(results[0].name, op.results, results[0].pos); return op; }
    let k = 0;
    for (const r of results) { this.define(r.name, op.results.slice(k, k + r.count), r.pos); k += r.count; }
    return op;
  }

  /** `%name` or `%name:count` before an op's `=`. */
  private parseResultGroup(): ResultGroup {
    if (this.lex.peekKind() !== "percent") throw this.errorExpecting("expected valid ssa identifier");
    const name = this.lex.peekText(), pos = this.lex.peekStart();
    this.lex.skip();
    let count = 1;
    if (this.accept(":")) {
      const n = this.lex.peek();
      if (n.kind !== "int") throw this.errorExpecting("expected integer number of results");
      count = this.parseInteger();
      if (count < 1) throw this.errorAt(n, "expected named operation to have at least 1 result");
    }
    return { name, count, pos };
  }

  /** `loc`: where the op's name is (the op's location). */
  protected parseGenericOperation(loc: Location): Operation {
    const nameTok = this.lex.next();
    const name = decodeString(nameTok.text, this.lex, nameTok.pos);
    if (!name) throw this.errorAt(nameTok, "empty operation name is invalid");
    const st = new OperationState(name, loc);
    const operands = this.parseOperandList("paren");
    const info = this.ctx.registered(name);
    if (this.lex.peekText() === "[") {
      if (info && !info.terminator) throw this.errorHere("successors in non-terminator");
      this.lex.next();
      do st.successors.push(this.parseSuccessor()); while (this.accept(","));
      this.expect("]");
    }
    let props: DictionaryAttr | undefined;
    if (this.accept("<")) {
      if (info) for (const [k, v] of (props = this.parseDictionary()).entries) st.attributes.set(k, v);
      else st.properties = this.parseAttribute();
      this.expect(">");
    }
    if (this.accept("(")) {
      const isolated = !!info?.isolated;
      do st.regions.push(this.parseRegion([], { isolated })); while (this.accept(",")); // as MLIR: no default dialect of its own
      this.expect(")", "expected ')' to end region list");
    }
    this.parseOptionalAttrDict(st);
    // MLIR 19 still reads an op's segment sizes under their old name; with neither, they are the
    // property's default, as it prints: no operand in any group.
    if (info?.segments !== undefined && !st.attributesIfAny?.has("operandSegmentSizes")) { // (no map made for ops without attributes)
      const legacy = st.attributesIfAny?.get("operand_segment_sizes");
      if (legacy) st.attributes.delete("operand_segment_sizes");
      st.attributes.set("operandSegmentSizes", legacy ?? new DenseArrayAttr(i32, Array<number>(info.segments).fill(0)));
    }
    if (info?.defaults) for (const [k, v] of Object.entries(info.defaults)) if (!st.attributesIfAny?.has(k)) st.attributes.set(k, v);
    this.expect(":", "expected ':' followed by operation type");
    const fnLoc = this.locHere();
    const ft = this.parseType();
    if (!(ft instanceof FunctionType)) throw DiagnosticError.at(fnLoc, "expected function type");
    if (ft.inputs.length !== operands.length) {
      throw DiagnosticError.at(fnLoc, `expected ${operands.length} operand type${operands.length === 1 ? "" : "s"} but had ${ft.inputs.length}`);
    }
    st.operands = this.resolveOperands(operands, [...ft.inputs], st.loc);
    st.resultTypes = [...ft.results];
    const op = this.build(st), kinds = info?.propStorage;
    if (kinds && props) for (const [k, v] of props.entries) if (kinds[k] && !(v instanceof kinds[k])) throw DiagnosticError.at(st.loc, propertyProblem(op, k, info.props));
    return op;
  }

  protected override dialectAttr(name: string, body: string): Attribute | undefined {
    const dot = name.indexOf(".");
    if (dot < 0) return undefined; // (`#foo<...>`: kept as text)
    return this.dialectSyntax(() => this.ctx.attrHook(name.slice(0, dot))?.(this, name.slice(dot + 1), body));
  }
  protected override dialectSyntax<T>(parse: () => T): T {
    const op = this.customOp;
    this.customOp = ""; // (a dialect type's or attribute's parser is not the op's: its errors name no op)
    try { return parse(); } finally { this.customOp = op; }
  }

  protected parseCustomOperation(loc: Location): Operation {
    if (this.lex.peekKind() !== "bare") throw this.errorAt(this.lex.peek(), "expected operation name");
    const name = this.lex.peekText(), namePos = this.lex.peekStart();
    this.lex.skip();
    let info = this.ctx.registered(name);
    // As MLIR: a name without a dialect is looked up in the default dialect of the innermost
    // custom op around it only (`return` in a func.func body, not inside its scf.for).
    const dflt = this.defaultDialect;
    if (!info && !name.includes(".")) {
      info = this.ctx.registered(`${dflt}.${name}`);
      if (!info && !dflt) {
        const loc = this.lex.loc(namePos);
        throw new DiagnosticError([{ loc, severity: "error", message: `Dialect \`' not found for custom op '${name}'  (tried '.${name}' as well)${this.ctx.didYouMean(name)}`,
          notes: [{ loc, severity: "note", message: `Registered dialects: ${[...this.ctx.dialects.keys()].sort().join(", ")} ; for more info on dialect registration see ${DIALECT_FAQ}` }] }]);
      }
    }
    const parse = info?.parse;
    if (!info || !parse) {
      const tried = name.includes(".") ? "" : ` (tried '${dflt}.${name}' as well)`;
      throw this.lex.error(namePos, `custom op '${name}' is unknown${tried}${info ? "" : this.ctx.didYouMean(name)}`);
    }
    const st = new OperationState(info.name, loc); // one shared name string for every op of this kind
    const saved = this.isolatedOp, savedOp = this.customOp, savedDialect = this.defaultDialect;
    this.isolatedOp = info.isolated;
    this.customOp = info.name; // (MLIR names the op in full: `return` in a func.func is func.return)
    this.defaultDialect = info.defaultDialect ?? "";
    try { parse.call(info.spec, this, st); } finally { this.isolatedOp = saved; this.customOp = savedOp; this.defaultDialect = savedDialect; }
    return this.build(st);
  }

  private build(st: OperationState): Operation {
    return new Operation({ name: st.name, operands: st.operands, resultTypes: st.resultTypes, attributes: st.attributesIfAny,
      regions: st.regionsIfAny, successors: st.successorsIfAny, loc: st.loc, properties: st.properties }, true);
  }

  /** Trailing `loc(...)`: accepted and dropped. */
  skipOptionalLoc(): LocationAttr | undefined {
    if (this.lex.peekText() !== "loc") return undefined;
    this.lex.skip();
    return this.parseLocationBody();
  }

  /** Each trailing `loc(...)`, where it starts and what it belongs to: resolved once the whole text (every `#loc` alias) is read. */
  private writtenLocs: Array<[{ loc?: Location }, LocationAttr, number]> = [];
  /**
   * A trailing `loc(...)` becomes `target`'s location, as in MLIR: its first file position (so a
   * diagnostic or a run-time error points into the file the IR came from; `unknown` or a bare
   * name leave the position in this text), and its text, which --mlir-print-debuginfo prints back.
   * Resolved after the parse, since mlir-opt prints the `#loc` alias definitions last.
   */
  keepOptionalLoc(target: { loc?: Location }): void {
    const at = this.lex.peekStart(), l = this.skipOptionalLoc();
    if (l) this.writtenLocs.push([target, l, at]);
  }
  // ---- module ------------------------------------------------------------------------------
  parseTopLevel(): Module {
    try { return this.parseTopLevelOps(); } catch (e) {
      // JS's stack ran out (regions, types or attributes nested some thousand deep), not the
      // program's fault: a diagnostic where the parser got to, not a crash.
      if (e instanceof RangeError && /call stack/.test(e.message)) throw DiagnosticError.at(this.locHere(), "nested too deeply to parse (the parser ran out of stack)");
      throw e;
    }
  }
  private parseTopLevelOps(): Module {
    this.pushScope(true);
    const metadata: FileMetadata = { blobs: new Map(), external: new Map() };
    const ops: Operation[] = [];
    for (;;) {
      const t = this.lex.peek();
      if (t.kind === "eof") break;
      if (t.kind === "hash" || t.kind === "bang") { this.parseAliasDefinition(); continue; }
      if (t.text === "{-#") { parseFileMetadata(this, metadata, (d) => this.ctx.dialects.has(d)); continue; }
      this.inTopModule = ["module", "builtin.module", '"builtin.module"'].includes(t.text);
      ops.push(this.parseOperation());
      this.inTopModule = false;
    }
    this.popScope();
    if (this.undeclared.length) throw new DiagnosticError(this.undeclared.sort((a, b) => a.loc!.line - b.loc!.line || a.loc!.col - b.loc!.col));
    this.resolveResources(metadata.blobs);
    for (const [target, l, at] of this.writtenLocs) setFileLoc(target, this.expandLoc(l, at, at));
    let m: Module;
    if (ops.length === 1 && ops[0].name === "builtin.module") m = new Module(ops[0]);
    else {
      m = Module.create({ file: this.lex.file, line: 0, col: 0 }); // (as MLIR locates a module it makes around the ops)
      for (const o of ops) m.body.append(o);
    }
    m.externalResources = metadata.external;
    return m;
  }

  /**
   * Each `dense_resource`'s blob from the file's sections. A name no section defines is kept
   * without bytes, as mlir-opt 19 keeps it (and prints `dense_resource<__elided__>` for elements
   * it left out): the engines refuse it where they need its values. A blob whose size is not its
   * type's is an error at the name (mlir-opt 19 reads the bytes only when asked for elements).
   */
  private resolveResources(blobs: ReadonlyMap<string, ResourceBlob>): void {
    for (const [name, h] of this.resourceHandles) h.blob = blobs.get(name);
    for (const { attr, pos } of this.resourceUses) {
      const size = attr.sizeError();
      if (size) throw DiagnosticError.at(this.lex.loc(pos), size);
    }
  }

  /** Symbol name `@foo` as a StringAttr, for `sym_name`. */
  parseSymbolName(): StringAttr {
    const s = this.parseOptionalSymbolName();
    if (!s) throw this.asmError("expected valid '@'-identifier for symbol name");
    return s;
  }
  parseOptionalSymbolName(): StringAttr | undefined {
    const t = this.lex.peek();
    if (t.kind !== "at") return undefined;
    this.lex.next();
    return new StringAttr(t.text[1] === '"' ? decodeString(t.text.slice(1), this.lex, t.pos + 1) : t.text.slice(1));
  }
}

/**
 * `text` (a `loc(...)`, aliases expanded) as `target`'s location:
 * its first `"file":line:col` (a FileLineColLoc, or one inside a name, call site or fused
 * location), else the position the target has; and the text itself where it says more than
 * that position. Written into the location object the target has, which what its parser made
 * with it shares (an implicit terminator, a short-form body's ops, the block argument of a
 * region argument).
 */
function setFileLoc(target: { loc?: Location }, text: string): void {
  const m = /"((?:[^"\\]|\\.)*)"\s*:\s*(\d+)\s*:\s*(\d+)/.exec(text);
  const pos = m ? { file: decodeString(`"${m[1]}"`), line: Number(m[2]), col: Number(m[3]) } : undefined;
  if (!target.loc && !pos) return;
  const plain = /^loc\(\s*"(?:[^"\\]|\\.)*"\s*:\s*\d+\s*:\s*\d+\s*\)$/.test(text); // (a position only)
  const loc = { ...pos, text: plain ? undefined : text };
  if (target.loc) Object.assign(target.loc, loc);
  else target.loc = loc as Location;
}

/** Parses a whole MLIR file into a module. Throws DiagnosticError on bad input. */
/** How deep regions may nest: far beyond real programs, well within JS's stack for every pass. */
export const MAX_REGION_NESTING = 256;

/** `firstLine`: lines of `file` before `text` (a chunk of it), for the locations. */
export function parseModule(text: string, file: string, ctx: Context, firstLine = 0): Module {
  return new OpAsmParser(text, file, ctx, firstLine).parseTopLevel();
}

export type { Attribute };
