// Op specs, dialects and the registry. An op is a spec object: name, traits, inherent
// attributes, and optional custom syntax, verifier and folder.
import type { Attribute } from "./attributes.js";
import type { Block, Operation, Region, Value } from "./core.js";
import { didYouMean, type Location } from "./diagnostics.js";
import type { Type } from "./types.js";
import type { OpAsmParser, UnresolvedOperand } from "./parser.js";
import type { OpAsmPrinter } from "./printer.js";

export type Trait =
  | "Pure"                       // no side effects: CSE and dead-code removal may touch it
  | "Terminator"                 // must end its block
  | "ReturnLike"                 // terminator that returns to the parent op
  | "IsolatedFromAbove"          // regions cannot see values defined outside
  | "SymbolTable"                // body holds symbols (module)
  | "Symbol"                     // has `sym_name`
  | "NoTerminator"               // body blocks need no terminator
  | "SingleBlock"                // each region has at most one block
  | "NoRegionArguments"          // entry blocks take no arguments (scf.if, affine.if, module)
  | "SameOperandsAndResultType"
  | "SameTypeOperands"
  | "Commutative"
  | "ConstantLike"               // a constant (its `value` attribute, if any): canonicalize uniques and hoists it
  | "RecursiveMemoryEffects"     // has the effects of the ops in its regions (scf.for with a pure body is dead when unused)
  | "MemRead"                    // its only effect is reading memory (a load: dead when unused, racing with nothing)
  | "MemAlloc"                   // its only effect is allocating its result (dead when unused)
  | "Elementwise";

/** Operands and result types a parser has not set: assigned over, never added to (frozen, so a push fails loudly). */
const NONE = Object.freeze([]) as never[];

/**
 * What a custom parser fills in; the parser builds the Operation from it, which takes over its
 * operand list, attributes and successors (so each is made for this op, not kept elsewhere).
 */
export class OperationState {
  operands: Value[] = NONE;
  resultTypes: Type[] = NONE;
  private attrs: Map<string, Attribute> | undefined = undefined;
  private regionList: Region[] | undefined = undefined;
  private successorList: Block[] | undefined = undefined;
  /** An unregistered op's `<...>` (see Operation.properties). */
  properties: Attribute | undefined = undefined;
  constructor(public name: string, public loc: Location) {}
  /** Created on first access: most ops have no attributes, regions or successors. */
  get attributes(): Map<string, Attribute> { return (this.attrs ??= new Map()); }
  get regions(): Region[] { return (this.regionList ??= []); }
  set regions(rs: Region[]) { this.regionList = rs; }
  get successors(): Block[] { return (this.successorList ??= []); }
  set successors(bs: Block[]) { this.successorList = bs; }
  /** The region and successor lists if any were added (for building the op). */
  get regionsIfAny(): Region[] | undefined { return this.regionList; }
  get successorsIfAny(): Block[] | undefined { return this.successorList; }
  /** The attribute map if any attribute was added (for building the op). */
  get attributesIfAny(): Map<string, Attribute> | undefined { return this.attrs; }
  addAttr(name: string, a: Attribute): void { this.attributes.set(name, a); }
}

export interface VerifyContext {
  /** Look a symbol up in the nearest enclosing symbol table. */
  lookupSymbol(from: Operation, name: string): Operation | undefined;
  /** MLIR's `op->emitError`: a message without the "'name' op" prefix a returned one gets. */
  error(op: Operation, msg: string): void;
  /** MLIR's `op->emitOpError(msg).attachNote(at) << note`: an error with notes at other ops. */
  opError(op: Operation, msg: string, notes: readonly { at: Operation; message: string }[]): void;
  /** Whether `op`'s registered spec has trait `t`. */
  hasTrait(op: Operation, t: Trait): boolean;
}

/** A folder result: an attribute (becomes a constant) or an existing value. */
export type FoldResult = Attribute | Value;

/** What canonicalization patterns rewrite through (MLIR's PatternRewriter, as much as they need). */
export interface Rewriter {
  /** A new `arith.constant` in front of `at` (canonicalize's next round uniques and hoists it, as MLIR 19's driver does). */
  constant(at: Operation, value: Attribute, type: Type): Value;
  /** Points each result's uses at `values[i]` and erases `op` (regions and all). */
  replaceOp(op: Operation, values: readonly Value[]): void;
  /** Whether `op` could go were it unused: no effects, its regions' ops' included (MLIR's wouldOpBeTriviallyDead). */
  effectFree(op: Operation): boolean;
}

/** An ODS type constraint: MLIR's summary of it (`memref of any type values`) and its predicate. */
export interface TypeConstraint { readonly summary: string; ok(t: Type): boolean; readonly variadic?: boolean }

export interface OpSpec {
  name: string;
  traits?: readonly Trait[];
  /** Inherent attributes (MLIR properties): printed in `<{...}>` in the generic form. */
  props?: readonly string[];
  /**
   * Attributes MLIR's op holds where ours may have none, which its generic form prints (ours
   * too): default-valued properties (`fastmath = #arith.fastmath<none>`), and the indexing maps
   * MLIR's verifier caches on linalg contractions (`linalg.memoized_indexing_maps`); a function
   * where they depend on the op (a convolution's maps on its strides).
   */
  implicitAttrs?: Readonly<Record<string, Attribute>> | ((op: Operation) => Readonly<Record<string, Attribute>> | undefined);
  /**
   * Default-valued properties MLIR's op holds, and prints in both forms, when the generic form
   * leaves them out (a custom parser sets its own): the generic parser sets them.
   */
  defaults?: Readonly<Record<string, Attribute>>;
  /** Custom (pretty) syntax, after `%results =` and the op name. */
  parse?(p: OpAsmParser, st: OperationState): void;
  print?(p: OpAsmPrinter, op: Operation): void;
  /** ODS attribute constraints: checked before the operand and result types, as MLIR's verifyInvariants does. */
  verifyAttrs?(op: Operation): string | void;
  /**
   * Properties whose values MLIR's property conversion checks while parsing (enums): one this
   * rejects is reported as MLIR's "invalid properties", before any other check.
   */
  propChecks?: Readonly<Record<string, (a: Attribute) => boolean>>;
  /**
   * The attribute kind each property is stored as (a StrAttr as a string, a TypeAttr as a type):
   * the generic form's `<{...}>` entry of another kind is refused by MLIR's property conversion,
   * once the op is parsed. (Written in the attribute dictionary, it is left to the verifier.)
   */
  propStorage?: Readonly<Record<string, abstract new (...args: never[]) => Attribute>>;
  /** MLIR's HasParent / ParentOneOf: the ops this one may sit in, checked before its other traits. */
  parents?: readonly string[];
  /** Whether an op with the MemRead trait only reads (MLIR's getEffects: a volatile or atomic llvm.load also writes). */
  onlyReads?(op: Operation): boolean;
  /**
   * Returns an error message (reported at the op) or nothing. Runs after the ops nested in the
   * op's regions, and only when they verified (MLIR's verifyRegions, and the interfaces it
   * verifies with their regions, such as linalg's structured-op checks).
   */
  verify?(op: Operation, ctx: VerifyContext): string | void;
  /**
   * What MLIR checks before the ops nested in the op's regions (its op `verify()` and the
   * interfaces verified without their regions): an error here skips the regions, as MLIR's
   * verifier stops at it. Ops without regions need only `verify`.
   */
  verifyInvariants?(op: Operation, ctx: VerifyContext): string | void;
  /**
   * The checks of what the op's symbol references name (MLIR's verifySymbolUses): run by the
   * enclosing symbol table once all the ops in it verified without error.
   */
  verifySymbolUses?(op: Operation, ctx: VerifyContext): string | void;
  /** Constant folding: `consts[i]` is the constant value of operand i, if known. */
  fold?(op: Operation, consts: readonly (Attribute | undefined)[]): FoldResult[] | undefined;
  /** Canonicalization patterns (MLIR's getCanonicalizationPatterns), for --canonicalize: whether `op` was rewritten. */
  canonicalize?(op: Operation, rw: Rewriter): boolean;
  /** Ops nested in this op's regions may omit this dialect prefix (`return` in func.func). */
  defaultDialect?: string;
  /**
   * MLIR's OpAsmOpInterface, for the custom form: the name of the (single) result (`c0` prints
   * `%c0`), and of the entry block arguments of region `i` (`in`, `out`); made unique by the printer.
   */
  resultName?(op: Operation): string | undefined;
  /** The names of an op's several results (`%sum, %overflow = ...`). */
  resultNames?(op: Operation): readonly string[] | undefined;
  blockArgNames?(op: Operation, region: number): readonly string[] | undefined;
  /** Operand/result counts checked by the generic verifier ([min, max]; max -1 = unbounded). */
  operands?: number | readonly [number, number];
  results?: number | readonly [number, number];
  regions?: number;
  /** Operand groups sized by `operandSegmentSizes` (MLIR's AttrSizedOperandSegments). */
  segments?: number;
  /** ODS type constraints per operand/result group: a variadic one takes its segment, else all operands the others leave. */
  operandTypes?: readonly TypeConstraint[];
  resultTypes?: readonly TypeConstraint[];
}

/** `ops` with their results named as MLIR names them (`%alloc`, `%subview`): OpSpec.resultName. */
export function withResultNames(ops: readonly OpSpec[], names: Readonly<Record<string, string>>): OpSpec[] {
  return ops.map((s) => (names[s.name] && !s.resultName ? { ...s, resultName: () => names[s.name] } : s));
}

/** Parses the body of a dialect type after `!dialect.` (the parser sits on the mnemonic). */
export type TypeParserHook = (p: OpAsmParser, mnemonic: string, loc: Location) => Type;
/** A dialect attribute `#dialect.mnemonic<body>` as the dialect holds it (canonical spelling), or undefined to keep it as written. */
export type AttrParserHook = (p: OpAsmParser, mnemonic: string, body: string) => Attribute | undefined;

export interface Dialect {
  name: string;
  ops: readonly OpSpec[];
  parseType?: TypeParserHook;
  parseAttr?: AttrParserHook;
}

export type { UnresolvedOperand };

const NO_TRAITS: ReadonlySet<Trait> = new Set();

/**
 * A registered op as the parser, verifier and printer read it for every op they meet: one class
 * for all ops (the spec literals come in some twenty shapes, which makes reading their fields
 * megamorphic), with the traits those passes ask about resolved once.
 */
export class RegisteredOp {
  readonly name: string;
  readonly traits: ReadonlySet<Trait>;
  readonly isolated: boolean;
  readonly terminator: boolean;
  /** The traits the verifier checks on every op. */
  readonly symbol: boolean;
  readonly symbolTable: boolean;
  readonly noTerminator: boolean;
  readonly singleBlock: boolean;
  readonly noRegionArguments: boolean;
  readonly sameOperandsAndResultType: boolean;
  readonly sameTypeOperands: boolean;
  readonly defaultDialect: string | undefined;
  readonly operands: OpSpec["operands"];
  readonly results: OpSpec["results"];
  readonly regions: number | undefined;
  readonly segments: number | undefined;
  readonly operandTypes: OpSpec["operandTypes"];
  readonly resultTypes: OpSpec["resultTypes"];
  readonly parse: OpSpec["parse"];
  readonly print: OpSpec["print"];
  readonly verify: OpSpec["verify"];
  readonly verifyAttrs: OpSpec["verifyAttrs"];
  readonly verifyInvariants: OpSpec["verifyInvariants"];
  readonly verifySymbolUses: OpSpec["verifySymbolUses"];
  readonly parents: OpSpec["parents"];
  readonly propChecks: OpSpec["propChecks"];
  readonly propStorage: OpSpec["propStorage"];
  readonly props: readonly string[];
  readonly implicitAttrs: OpSpec["implicitAttrs"];
  readonly defaults: OpSpec["defaults"];
  readonly resultName: OpSpec["resultName"];
  readonly resultNames: OpSpec["resultNames"];
  readonly blockArgNames: OpSpec["blockArgNames"];
  constructor(readonly spec: OpSpec) {
    this.name = spec.name;
    this.operands = spec.operands;
    this.results = spec.results;
    this.regions = spec.regions;
    this.segments = spec.segments;
    this.operandTypes = spec.operandTypes;
    this.resultTypes = spec.resultTypes;
    this.parse = spec.parse;
    this.print = spec.print;
    this.verify = spec.verify;
    this.verifyAttrs = spec.verifyAttrs;
    this.verifyInvariants = spec.verifyInvariants;
    this.verifySymbolUses = spec.verifySymbolUses;
    this.parents = spec.parents;
    this.propChecks = spec.propChecks;
    this.propStorage = spec.propStorage;
    this.props = spec.props ?? [];
    this.implicitAttrs = spec.implicitAttrs;
    this.defaults = spec.defaults;
    this.traits = new Set(spec.traits);
    this.isolated = this.traits.has("IsolatedFromAbove");
    this.terminator = this.traits.has("Terminator");
    this.symbol = this.traits.has("Symbol");
    this.symbolTable = this.traits.has("SymbolTable");
    this.noTerminator = this.traits.has("NoTerminator");
    this.singleBlock = this.traits.has("SingleBlock");
    this.noRegionArguments = this.traits.has("NoRegionArguments");
    this.sameOperandsAndResultType = this.traits.has("SameOperandsAndResultType");
    this.sameTypeOperands = this.traits.has("SameTypeOperands");
    this.defaultDialect = spec.defaultDialect;
    this.resultName = spec.resultName;
    this.resultNames = spec.resultNames;
    this.blockArgNames = spec.blockArgNames;
  }
}

/** One RegisteredOp a spec, whatever context registers it (--split-input-file makes one a chunk). */
const registeredOps = new WeakMap<OpSpec, RegisteredOp>();

/** The set of dialects a parser, verifier and pass pipeline see. */
export class Context {
  private readonly ops = new Map<string, RegisteredOp>();
  private readonly typeHooks = new Map<string, TypeParserHook>();
  private readonly attrHooks = new Map<string, AttrParserHook>();
  readonly dialects = new Map<string, Dialect>();
  /**
   * `--allow-unregistered-dialect`: ops no dialect registers are kept, in the generic form. Like
   * MLIR, the verifier then checks only what holds for every op (dominance, block arguments), takes
   * any of them as a possible terminator, and passes treat them as having unknown effects.
   */
  allowUnregistered = false;

  register(...ds: Dialect[]): this {
    for (const d of ds) {
      this.dialects.set(d.name, d);
      for (const s of d.ops) {
        let r = registeredOps.get(s);
        if (!r) registeredOps.set(s, (r = new RegisteredOp(s)));
        this.ops.set(s.name, r);
      }
      if (d.parseType) this.typeHooks.set(d.name, d.parseType);
      if (d.parseAttr) this.attrHooks.set(d.name, d.parseAttr);
    }
    return this;
  }
  spec(name: string): OpSpec | undefined { return this.ops.get(name)?.spec; }
  /** Op `name` with its traits resolved (undefined if it is not registered). */
  registered(name: string): RegisteredOp | undefined { return this.ops.get(name); }
  typeHook(dialect: string): TypeParserHook | undefined { return this.typeHooks.get(dialect); }
  attrHook(dialect: string): AttrParserHook | undefined { return this.attrHooks.get(dialect); }
  hasTrait(op: Operation | string, t: Trait): boolean {
    if (typeof op === "string") return this.traits(op).has(t);
    const info = this.ops.get(op.name);
    return !!info?.traits.has(t) && (t !== "MemRead" || !info.spec.onlyReads || info.spec.onlyReads(op));
  }
  /** The traits of op `name` (none if it is not registered). */
  traits(name: string): ReadonlySet<Trait> { return this.ops.get(name)?.traits ?? NO_TRAITS; }
  get opNames(): string[] { return [...this.ops.keys()]; }
  /** ` (did you mean 'arith.addf'?)` for a misspelt op name; for a name without a dialect, the ops of that name (`call`: 'func.call' or 'llvm.call'). */
  didYouMean(name: string): string {
    const named = name.includes(".") ? [] : this.opNames.filter((n) => n.slice(n.indexOf(".") + 1) === name);
    return named.length ? ` (did you mean ${named.map((n) => `'${n}'`).join(" or ")}?)` : didYouMean(name, this.opNames);
  }
}
