// Printer: MLIR custom form (through each op spec's `print`) or the generic form; value
// names are numbered as MLIR numbers them (%0, %arg0, ^bb0): per IsolatedFromAbove region in
// the custom form (from where its parent region's numbers ended), across the whole module in
// the generic form.
import { ArrayAttr, Attribute, DenseElementsAttr, DenseResourceElementsAttr, DictionaryAttr, SparseElementsAttr, StringAttr, escapeString, typedStr, type ElementsAttr } from "./attributes.js";
import { Block, Module, Operation, Region, Value, type BlockArgument } from "./core.js";
import { Context, type RegisteredOp } from "./dialect.js";
import type { Location } from "./diagnostics.js";
import { closingAngle, stringOr } from "./lexer.js";
import { ResourceBlob, ResourceHandle, type ExternalResourceValue } from "./resources.js";
import { FunctionType, Type, typeListStr } from "./types.js";

export interface PrintOptions {
  generic?: boolean;
  /** Each op's location after it, `loc("f.mlir":3:5)` (mlir-opt's --mlir-print-debuginfo). */
  debugInfo?: boolean;
  /** printModule: affine maps and sets as `#map`, `#set1` ... defined above the module, as mlir-opt prints them. */
  aliases?: boolean;
  /** Number values, block arguments and name conflicts across the whole tree, as the generic form does (mlir-opt's --mlir-print-unique-ssa-ids). */
  uniqueIds?: boolean;
  /** Every region as `{...}` (mlir-opt's --mlir-print-skip-regions). */
  skipRegions?: boolean;
  /** Comments naming each value's users, result-less ops numbered among the values (mlir-opt's --mlir-print-value-users). */
  valueUsers?: boolean;
  /** printModule: dense and sparse elements of more than this many elements as `dense_resource<__elided__>` (mlir-opt's --mlir-elide-elementsattrs-if-larger). */
  elideElementsLargerThan?: number;
}

/** A region of one empty block without arguments (what an elided terminator's may hold). */
const emptyRegion = (r: Region) => r.blocks.length === 1 && !r.blocks[0].ops.length && !r.blocks[0].args.length;

export interface RegionPrintOptions {
  /** Print the entry block's header `^bb0(%a: t):` (custom forms that bind args elsewhere say no). */
  printEntryBlockArgs?: boolean;
  /** Print a terminator with no operands (and no ops in its regions: scf.forall.in_parallel) (custom forms that elide implicit yields say no). */
  printEmptyTerminator?: boolean;
  /** Print `^bb0:` over an empty entry block, which `{}` would not give back (the generic form does). */
  printEmptyBlock?: boolean;
}

export class OpAsmPrinter {
  /**
   * Output: the current line, the lines since the last flush, and flushed flat text. Appending
   * everything to one string would keep a rope node per piece alive until the end.
   */
  private out = "";
  private lines: string[] = [];
  private flushed: string[] = [];
  private indent = 0;
  /** Names of the values and blocks of the IsolatedFromAbove op being printed. */
  private scope = new NameScope(undefined);
  private nextValue = 0;
  private nextArg = 0;
  /** Suffix of the next name made unique (`%cst_3`). */
  private nextConflict = 0;

  /** `aliases`: where locations go as `#loc` aliases, as printModule prints them (else inline). */
  constructor(readonly ctx: Context, readonly opts: PrintOptions = {}, private readonly aliases?: Aliases) {}
  private get uniqueIds(): boolean { return !!(this.opts.generic || this.opts.uniqueIds); }

  // ---- naming ------------------------------------------------------------------------------
  /**
   * Names the values and blocks of an isolated op's regions as MLIR's SSANameState does: a
   * region's own values first, then its nested regions, last first, each from the counters its
   * parent region ended with (so sibling regions reuse numbers, and a region an op does not
   * print, such as a named linalg op's body, takes none from the code after it); blocks count
   * from ^bb0 in every region; entry block arguments are %argN, other block arguments plain %N.
   * In the custom form, ops may name their result or their regions' arguments (OpSpec.resultName,
   * blockArgNames: `%c0`, `%cst_1`, `%in`), unique among the names a region sees. The generic
   * form numbers every region of the module in the same order from counters that never go back
   * (`%arg38` in the first function when later ones take 38 arguments).
   */
  private numberRegions(regions: readonly Region[], parentUsed?: UsedNames): void {
    type Work = [Region, number, number, number, UsedNames];
    const root = new UsedNames(parentUsed), unique = this.uniqueIds;
    const work: Work[] = regions.map((r) => [r, this.nextValue, this.nextArg, this.nextConflict, root]);
    while (work.length) {
      const [r, value, arg, conflict, parent] = work.pop()!;
      if (!unique) { // the generic form's numbers are unique in the whole tree (MLIR's shouldPrintUniqueSSAIDs)
        this.nextValue = value;
        this.nextArg = arg;
        this.nextConflict = conflict;
      }
      const used = new UsedNames(parent);
      for (const op of this.numberRegion(r, used)) for (const inner of op.regions) work.push([inner, this.nextValue, this.nextArg, this.nextConflict, used]);
    }
  }
  /** `base`, or `base_N` when a name the region sees has it (MLIR's uniqueValueName). */
  private unique(base: string, used: UsedNames): string {
    let name = base;
    while (used.has(name)) name = `${base}_${this.nextConflict++}`;
    used.add(name);
    return name;
  }
  /** Numbers the blocks, arguments and results of `r`; returns its ops with regions to number next. */
  private numberRegion(r: Region, used: UsedNames): Operation[] {
    const blocks = r.blocks, scope = this.scope, nested: Operation[] = [], opened: Operation[] = [], custom = !this.opts.generic;
    const parent = r.parent, argNames = custom && parent ? this.ctx.registered(parent.name)?.blockArgNames?.(parent, parent.regions.indexOf(r)) : undefined;
    for (let bi = 0; bi < blocks.length; bi++) {
      const b = blocks[bi];
      scope.names.set(b, numbered("^bb", bi));
      const args = b.args;
      for (let i = 0; i < args.length; i++) {
        const named = bi === 0 ? argNames?.[i] : undefined;
        scope.names.set(args[i], named ? "%" + this.unique(named, used) : bi === 0 ? numbered("%arg", this.nextArg++) : numbered("%", this.nextValue++));
      }
      const ops = b.ops;
      for (let i = 0; i < ops.length; i++) {
        const op = ops[i], results = op.results;
        const info = results.length || op.regions.length ? this.ctx.registered(op.name) : undefined; // (what it is asked for needs results or regions)
        const named = custom && results.length ? info?.resultName?.(op) : undefined;
        const names = custom && results.length > 1 ? info?.resultNames?.(op) : undefined;
        if (names) {
          // a run of results with one name is a pack (`%sizes:2`, used as `%sizes#1`)
          for (let k = 0; k < results.length;) {
            let n = 1;
            while (k + n < results.length && names[k + n] === names[k]) n++;
            const base = "%" + this.unique(names[k], used);
            for (let j = 0; j < n; j++) scope.names.set(results[k + j], n > 1 ? `${base}#${j}` : base);
            k += n;
          }
        } else if (named && results.length === 1) scope.names.set(results[0], "%" + this.unique(named, used));
        else if (results.length === 1) scope.names.set(results[0], numbered("%", this.nextValue++));
        else if (results.length > 1) {
          // a name for the first result names the group (`%reduced:2`, `%reduced#1`), as MLIR's setNameFn on result 0
          const base = named ? "%" + this.unique(named, used) : numbered("%", this.nextValue++);
          for (let k = 0; k < results.length; k++) scope.names.set(results[k], base + "#" + k);
        }
        if (!results.length && this.opts.valueUsers) scope.names.set(op, numbered("%", this.nextValue++)); // (MLIR's operationIDs)
        if (op.regions.length && (this.uniqueIds || !opensScope(op, info))) nested.push(op);
        else if (op.regions.length) opened.push(op); // numbered when printed
      }
    }
    // As MLIR's SSANameState, an op that opens a scope numbers on from the counters and names its
    // region ended with (nothing, but for a module or graph region that defines values).
    for (const op of opened) this.scopeStarts.set(op, [this.nextValue, this.nextArg, this.nextConflict, used]);
    return nested;
  }
  /** Where the ops that open a scope start numbering (see numberRegion). */
  private readonly scopeStarts = new Map<Operation, [number, number, number, UsedNames]>();

  // ---- primitives for custom printers ------------------------------------------------------
  print(...parts: string[]): void { for (let i = 0; i < parts.length; i++) this.out += parts[i]; }
  name(v: Value): string { return this.nameOf(v) ?? "%<<UNKNOWN SSA VALUE>>"; }
  /** The name the scopes give a value, a block or (with valueUsers) a result-less op. */
  private nameOf(x: Value | Block | Operation): string | undefined {
    for (let s: NameScope | undefined = this.scope; s; s = s.parent) {
      const n = s.names.get(x);
      if (n !== undefined) return n;
    }
    return undefined;
  }
  operand(v: Value): string { return this.name(v); }
  operands(vs: readonly Value[]): string {
    if (vs.length === 0) return "";
    let s = this.name(vs[0]);
    for (let i = 1; i < vs.length; i++) s += ", " + this.name(vs[i]);
    return s;
  }
  type(t: Type): string { return t.str; }
  types(ts: readonly Type[]): string { return typeListStr(ts); }
  attr(a: Attribute): string { return a.str; }
  blockName(b: Block): string { return this.nameOf(b) ?? "^<<UNKNOWN BLOCK>>"; }
  /** ` {a = 1}` for the attributes not in `elided` (nothing if none). */
  attrDict(op: Operation, elided: readonly string[] = [], keyword = false): string {
    if (op.numAttributes === 0) return "";
    const attrs = op.attributes;
    let any = false;
    for (const k of attrs.keys()) if (!elided.includes(k)) { any = true; break; }
    if (!any) return "";
    const rest = new Map([...attrs].filter(([k]) => !elided.includes(k)));
    return (keyword ? " attributes " : " ") + new DictionaryAttr(rest).str;
  }
  /** `(t1, t2) -> t3` from the op's operand and result types. */
  functionalType(op: Operation): string {
    const res = op.results.length === 1 && !(op.results[0].type instanceof FunctionType) ? op.results[0].type.str : `(${this.types(op.results.map((r) => r.type))})`;
    return `(${this.types(op.operands.map((v) => v.type))}) -> ${res}`;
  }
  /** Runs `fn` one indentation level deeper (a body MLIR prints on its own line, under its op). */
  indented(fn: () => void): void {
    this.indent++;
    try { fn(); } finally { this.indent--; }
  }
  newline(): void {
    this.lines.push(this.out);
    this.out = indentStr(this.indent);
    if (this.lines.length === 1024) { this.flushed.push(this.lines.join("")); this.lines.length = 0; }
  }

  region(r: Region, o: RegionPrintOptions = {}): void {
    if (this.opts.skipRegions) { this.out += "{...}"; return; }
    const printArgs = o.printEntryBlockArgs ?? true;
    this.out += "{";
    this.indent++;
    const blocks = r.blocks, at = blocks.length > 1 ? new Map(blocks.map((b, i) => [b, i])) : undefined;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      const header = i > 0 || (printArgs && b.args.length > 0) || (!!o.printEmptyBlock && b.ops.length === 0);
      if (header) {
        this.indent--;
        this.newline();
        this.indent++;
        this.print(this.blockName(b));
        if (b.args.length) this.print("(", b.args.map((a) => `${this.name(a)}: ${a.type.str}${this.argLoc(a)}`).join(", "), ")");
        this.print(":", this.predecessorsNote(r, b, b.predecessors().sort((x, y) => (at?.get(x) ?? 0) - (at?.get(y) ?? 0))));
      }
      if (this.opts.valueUsers) for (const a of b.args) { this.newline(); this.print(`// ${this.name(a)} is ${a.uses.length ? `used by ${this.users(a)}` : "unused"}`); }
      const ops = b.ops;
      for (let k = 0; k < ops.length; k++) {
        const op = ops[k];
        const last = k === ops.length - 1;
        if (last && o.printEmptyTerminator === false && op.operands.length === 0 && op.results.length === 0 &&
            op.regions.every(emptyRegion) && op.numAttributes === 0 && this.ctx.registered(op.name)?.terminator) continue;
        this.newline();
        this.operation(op);
      }
    }
    this.indent--;
    this.newline();
    this.print("}");
  }

  /** MLIR's note after a block label, `preds` in the region's order: `  // pred: ^bb0`, `  // 2 preds: ^bb0, ^bb2`, `  // no predecessors`. */
  private predecessorsNote(r: Region, b: Block, preds: Block[]): string {
    if (!preds.length) return b === r.blocks[0] ? "" : "  // no predecessors";
    return preds.length === 1 ? `  // pred: ${this.blockName(preds[0])}` : `  // ${preds.length} preds: ${preds.map((p) => this.blockName(p)).join(", ")}`;
  }

  /**
   * ` loc(...)` after a block argument with --mlir-print-debuginfo (labels, function signatures,
   * `affine.for`'s variable, as MLIR prints them): written out, the locations inside it by alias
   * (MLIR makes it an alias too, defined above the module).
   */
  argLoc(a: BlockArgument): string {
    if (!this.opts.debugInfo) return "";
    return " " + (this.aliases ? this.aliases.written(this.aliases.location(a.loc, false)) : locationStr(a.loc));
  }

  // ---- operations --------------------------------------------------------------------------
  operation(op: Operation): void {
    // (MLIR meets an op's location before what the op prints: its alias is numbered first)
    const loc = !this.opts.debugInfo ? "" : this.aliases ? `loc(${this.aliases.location(op.loc, true)})` : locationStr(op.loc);
    const results = op.results;
    if (results.length === 1) this.out += this.name(results[0]) + " = ";
    else if (results.length) {
      // packs `%0:2` and results named one by one (`%sum, %overflow`), or both (`%base, %sizes:2`)
      const parts: string[] = [];
      for (let k = 0; k < results.length;) {
        const name = this.name(results[k]), hash = name.indexOf("#");
        if (hash < 0) { parts.push(name); k++; continue; }
        const base = name.slice(0, hash + 1);
        let n = 1;
        while (k + n < results.length && this.name(results[k + n]).startsWith(base)) n++;
        parts.push(`${name.slice(0, hash)}:${n}`);
        k += n;
      }
      this.out += parts.join(", ") + " = ";
    }
    const info = this.ctx.registered(op.name);
    // The generic form (or unique ids) numbers the whole tree from the op printed; the custom form each isolated op as it prints it.
    if (op.regions.length === 0 || !opensScope(op, info) || (this.uniqueIds && this.scope.parent)) this.opBody(op, info);
    else {
      const saved0 = this.nextValue, saved1 = this.nextArg, saved2 = this.nextConflict, start = this.scopeStarts.get(op);
      [this.nextValue, this.nextArg, this.nextConflict] = start ?? [0, 0, 0];
      // (numbering the whole tree, MLIR gives the op printed a number first)
      if (this.opts.valueUsers && this.uniqueIds && !this.scope.parent && !op.results.length) this.scope.names.set(op, numbered("%", this.nextValue++));
      this.scope = new NameScope(this.scope);
      this.numberRegions(op.regions, start?.[3]);
      this.opBody(op, info);
      this.scope = this.scope.parent!;
      this.nextValue = saved0; this.nextArg = saved1; this.nextConflict = saved2;
    }
    if (loc) this.out += " " + loc;
    if (this.opts.valueUsers) this.out += this.usersComment(op);
  }
  /** A result-less op's number (`%5`), which it has with valueUsers. */
  private opId(op: Operation): string { return this.nameOf(op) ?? "%<<UNKNOWN OP>>"; }
  /** The ops using `v`, each once, as MLIR lists them: latest use first, an op by its results or its number. */
  private users(v: Value): string {
    const seen = new Set<Operation>(), out: string[] = [];
    for (let i = v.uses.length - 1; i >= 0; i--) {
      const user = v.uses[i].op;
      if (seen.has(user)) continue;
      seen.add(user);
      out.push(user.results.length ? user.results.map((r) => this.name(r)).join(", ") : this.opId(user));
    }
    return out.join(", ");
  }
  /** MLIR's printUsersComment: ` // id: %5`, ` // unused`, ` // user: %3` or ` // users: (%3), (unused)`. */
  private usersComment(op: Operation): string {
    const results = op.results;
    if (!results.length) return op.operands.length ? ` // id: ${this.opId(op)}` : "";
    const userOps = new Set<Operation>();
    for (const r of results) for (const u of r.uses) userOps.add(u.op);
    if (!userOps.size) return " // unused";
    let inResults = 0;
    for (const u of userOps) inResults += u.results.length;
    const one = results.length === 1 && inResults <= 1 && userOps.size <= 1, list = results.map((r) => (r.uses.length ? this.users(r) : "unused"));
    return ` // ${one ? "user" : "users"}: ${results.length > 1 ? list.map((x) => `(${x})`).join(", ") : list[0]}`;
  }
  /** The op whose body is being printed and its default dialect: its nested ops need not look it up. */
  private scopeOp: Operation | undefined = undefined;
  private scopeDialect: string | undefined = undefined;
  private opBody(op: Operation, info: RegisteredOp | undefined): void {
    const savedOp = this.scopeOp, savedDialect = this.scopeDialect;
    this.scopeOp = op;
    this.scopeDialect = info?.defaultDialect;
    const print = info?.print;
    if (!this.opts.generic && print) {
      this.out += this.shortName(op, savedOp, savedDialect);
      print.call(info.spec, this, op);
    } else this.generic(op, info);
    this.scopeOp = savedOp;
    this.scopeDialect = savedDialect;
  }
  /** `return` rather than `func.return` inside a func (MLIR's default-dialect elision). */
  private shortName(op: Operation, scopeOp: Operation | undefined, scopeDialect: string | undefined): string {
    if (op.name === "builtin.module") return "module";
    const parent = op.parentOp;
    const d = parent === scopeOp ? scopeDialect : parent ? this.ctx.registered(parent.name)?.defaultDialect : undefined;
    const name = op.name; // (compared in place: this runs for every op)
    return d && name.charCodeAt(d.length) === 46 /* . */ && name.startsWith(d) && name.indexOf(".", d.length + 1) < 0 ? name.slice(d.length + 1) : name;
  }
  private generic(op: Operation, info: RegisteredOp | undefined): void {
    this.print(`"${op.name}"(${this.operands(op.operands)})`);
    if (op.successors.length) this.print(`[${op.successors.map((b) => this.blockName(b)).join(", ")}]`);
    const props = info?.props ?? [], attrs = allAttrs(op, info);
    const p = new Map([...attrs].filter(([k]) => props.includes(k)));
    if (op.properties) this.print(" <", typedStr(op.properties), ">");
    else if (p.size) this.print(" <", new DictionaryAttr(p).str, ">");
    if (op.regions.length) {
      this.print(" (");
      op.regions.forEach((r, i) => { if (i) this.print(", "); this.region(r, { printEntryBlockArgs: true, printEmptyBlock: true }); });
      this.print(")");
    }
    const rest = new Map([...attrs].filter(([k]) => !props.includes(k)));
    if (rest.size) this.print(" ", new DictionaryAttr(rest).str);
    this.print(" : ", this.functionalType(op));
  }

  /** Prints `op` alone, its values named as when its closest IsolatedFromAbove ancestor is printed. */
  operationInContext(op: Operation): void {
    let top = op;
    while (top.parentOp && !opensScope(top, this.ctx.registered(top.name))) top = top.parentOp;
    if (top !== op) {
      this.scope = new NameScope(this.scope);
      this.numberRegions(top.regions);
    }
    this.operation(op);
  }

  toString(): string { return this.flushed.join("") + this.lines.join("") + this.out; }
}

/**
 * The names numbered inside one IsolatedFromAbove op; lookups fall back to the enclosing scopes
 * (the sets are disjoint). Small maps per function rather than one map of every value in the
 * module, which the printer would rehash as it grows and keep alive to the end.
 */
class NameScope {
  /** Values' names, blocks' labels and, with valueUsers, the numbers of ops without results (`// id: %5`). */
  readonly names = new Map<Value | Block | Operation, string>();
  constructor(readonly parent: NameScope | undefined) {}
}

/** The attributes MLIR's op holds: its own and the implicit ones (OpSpec.implicitAttrs), as the generic form prints them. */
export function allAttrs(op: Operation, info: RegisteredOp | undefined): ReadonlyMap<string, Attribute> {
  const own: ReadonlyMap<string, Attribute> = op.numAttributes ? op.attributes : NO_ATTRS;
  const implicit = typeof info?.implicitAttrs === "function" ? info.implicitAttrs(op) : info?.implicitAttrs;
  if (!implicit) return own;
  const all = new Map(own);
  for (const k in implicit) if (!all.has(k)) all.set(k, implicit[k]);
  return all;
}
const NO_ATTRS: ReadonlyMap<string, Attribute> = new Map();

/** Isolated ops (and the module) number their regions afresh, in a scope of their own. */
const opensScope = (op: Operation, info: RegisteredOp | undefined): boolean => !!info?.isolated || op.name === "builtin.module";

/** The names ops gave values in a region and the regions around it (MLIR's usedNames scopes). */
class UsedNames {
  private names: Set<string> | undefined; // most regions name nothing
  constructor(readonly parent: UsedNames | undefined) {}
  has(n: string): boolean {
    for (let s: UsedNames | undefined = this; s; s = s.parent) if (s.names?.has(n)) return true;
    return false;
  }
  add(n: string): void { (this.names ??= new Set()).add(n); }
}

/** `%0`, `%arg3`, `^bb1`: numbering starts over in nearly every isolated op, so the same few names recur; made once. */
const numberedNames = new Map<string, string[]>();
function numbered(prefix: string, n: number): string {
  let names = numberedNames.get(prefix);
  if (names === undefined) numberedNames.set(prefix, (names = []));
  return (names[n] ??= prefix + n);
}

const indents: string[] = [];
/** `\n` and `indent` levels of two spaces. */
function indentStr(indent: number): string {
  let s = indents[indent];
  if (s === undefined) s = indents[indent] = "\n" + "  ".repeat(indent);
  return s;
}

/** `loc("f.mlir":3:5)`, the location as the input wrote it, or `loc(unknown)`. */
export const locationStr = (l: Location | undefined): string =>
  (!l ? "loc(unknown)" : l.text ? `loc(${locationAsMlir(l.text.slice(4, -1))})` : `loc(${new StringAttr(l.file).str}:${l.line}:${l.col})`);

export function printOp(op: Operation, ctx: Context, opts: PrintOptions = {}): string {
  return renumberDistinct(printOpText(op, ctx, opts));
}
function printOpText(op: Operation, ctx: Context, opts: PrintOptions, aliases?: Aliases): string {
  const p = new OpAsmPrinter(ctx, opts, aliases);
  p.operation(op);
  return p.toString();
}

/** `op` as MLIR's diagnostics print it (`<< op`): the generic form, its values named as in its isolated ancestor. */
export function printOpInContext(op: Operation, ctx: Context): string {
  const p = new OpAsmPrinter(ctx, { generic: true });
  p.operationInContext(op);
  return renumberDistinct(p.toString());
}

/**
 * mlir-opt's `--mlir-elide-elementsattrs-if-larger=limit` on a copy about to be printed (it
 * replaces attributes in place): dense elements of more than `limit` elements that are not a
 * splat, and sparse ones listing more than `limit` indices or values, anywhere in an op's
 * attributes, become `dense_resource<__elided__>`, which parses back without data.
 */
function elideLargeElements(root: Operation, limit: number): void {
  const large = (d: DenseElementsAttr) => d.numElements > limit && d.values.some((v) => !Object.is(v, d.values[0]));
  const elide = (a: Attribute): Attribute => {
    if (a instanceof DenseElementsAttr ? large(a) : a instanceof SparseElementsAttr && (large(a.indices) || large(a.values)))
      return new DenseResourceElementsAttr("__elided__", (a as ElementsAttr).type, new ResourceHandle("__elided__"));
    if (a instanceof ArrayAttr) { const items = a.items.map(elide); return items.some((x, i) => x !== a.items[i]) ? new ArrayAttr(items) : a; }
    if (a instanceof DictionaryAttr) { const m = new Map([...a.entries].map(([k, x]) => [k, elide(x)])); return [...m].some(([k, x]) => x !== a.entries.get(k)) ? new DictionaryAttr(m) : a; }
    return a;
  };
  root.walk((op) => { if (op.numAttributes) for (const [k, a] of op.attributes) { const e = elide(a); if (e !== a) op.attributes.set(k, e); } });
}

export function printModule(m: Module, ctx: Context, opts: PrintOptions = {}): string {
  if (opts.elideElementsLargerThan !== undefined) {
    const copy = new Module(m.op.clone());
    copy.externalResources = m.externalResources;
    elideLargeElements(copy.op, opts.elideElementsLargerThan);
    return printModule(copy, ctx, { ...opts, elideElementsLargerThan: undefined });
  }
  const aliases = opts.aliases ? new Aliases() : undefined;
  const text = printOpText(m.op, ctx, opts, aliases) + "\n", section = resourceSection(m, ctx, text);
  if (!aliases) return renumberDistinct(text) + section;
  if (opts.generic) visitGeneric(m.op, ctx, (s) => aliases.replace(s), opts.skipRegions);
  const body = aliases.replace(text); // (not the section: a blob is one long string)
  // (the locations only ops use are defined after the module, as MLIR defers them)
  return renumberDistinct(aliases.resolve(aliases.definitions() + body + aliases.definitions(true))) + section;
}

const distinctRe = stringOr("distinct\\[(\\d+)\\]<");
/**
 * `text` with its `distinct[N]` numbered 0, 1, ... in the order they first appear, as MLIR's
 * printer numbers them (our N are unique to the process). String literals are left alone.
 */
function renumberDistinct(text: string): string {
  if (!text.includes("distinct[")) return text;
  const ids = new Map<string, number>();
  return text.replace(distinctRe, (m, n: string | undefined) => {
    if (n === undefined) return m;
    let k = ids.get(n);
    if (k === undefined) ids.set(n, (k = ids.size));
    return `distinct[${k}]<`;
  });
}

/**
 * The `{-# ... #-}` section mlir-opt prints after the module (after a blank line): the blobs the
 * module's attributes use, in the order the printer meets them (their first `dense_resource<...>`
 * in the text; a blob nothing uses is dropped), then the external resources as read.
 */
function resourceSection(m: Module, ctx: Context, printed: string): string {
  const used = new Map<string, ResourceBlob>();
  if (!m.externalResources.size && !printed.includes("dense_resource<")) return ""; // (the walk below costs a pass over every op)
  const visit = (a: Attribute): void => {
    if (a instanceof DenseResourceElementsAttr) { if (a.blob && !used.has(a.name)) used.set(a.name, a.blob); }
    else if (a instanceof ArrayAttr) a.items.forEach(visit);
    else if (a instanceof DictionaryAttr) a.entries.forEach(visit);
  };
  m.walk((op) => { allAttrs(op, ctx.registered(op.name)).forEach(visit); });
  const first = (name: string) => { const i = printed.indexOf(`dense_resource<${name}>`); return i < 0 ? printed.length : i; };
  const blobs = [...used].sort(([a], [b]) => first(a) - first(b));
  const groups: string[] = [];
  const group = (title: string, entries: Array<[string, string]>) =>
    `    ${title}: {\n${entries.map(([k, v]) => `      ${k}: ${v}`).join(",\n")}\n    }`;
  if (used.size) groups.push(`  dialect_resources: {\n${group("builtin", blobs.map(([k, b]) => [k, `"${b.hex}"`]))}\n  }`);
  const external = [...m.externalResources].filter(([, es]) => es.size);
  if (external.length) {
    const value = (v: ExternalResourceValue) => (v instanceof ResourceBlob ? `"${v.hex}"` : typeof v === "boolean" ? String(v) : `"${escapeString(v)}"`);
    groups.push(`  external_resources: {\n${external.map(([g, es]) => group(g, [...es].map(([k, v]) => [k, value(v)]))).join(",\n")}\n  }`);
  }
  return groups.length ? `\n{-#\n${groups.join(",\n")}\n#-}\n` : "";
}

/**
 * What `loc(...)` holds as MLIR prints it back: fused locations as FusedLoc::get makes them,
 * without unknown locations and repeats, a fused location inside of the same metadata spread
 * out; none left is `unknown` (without metadata), one left without metadata is that one.
 */
function locationAsMlir(inner: string): string {
  const { parts, children } = locationParts(inner), kids = children.map(locationAsMlir);
  if (!inner.startsWith("fused")) return parts.map((x, i) => x + (kids[i] ?? "")).join("");
  const head = parts[0], meta = head.length > 6, locs = new Set<string>();
  for (const c of kids) {
    if (c.startsWith("fused") && locationParts(c).parts[0] === head) locationParts(c).children.forEach((x) => locs.add(x));
    else if (c !== "unknown") locs.add(c);
  }
  if (!locs.size) return meta ? `${head}unknown]` : "unknown";
  return locs.size === 1 && !meta ? [...locs][0] : `${head}${[...locs].join(", ")}]`;
}

/**
 * What a location holds (`callsite(A at B)`, `"name"(A)`, `fused<meta>[A, B]`, or none of them),
 * as the text around its locations (`parts`, one more than `children`) and those locations.
 */
function locationParts(inner: string): { parts: string[]; children: string[] } {
  /** Where `sep` is in `inner` from `from` to `to`, outside strings and brackets. */
  const splits = (from: number, to: number, sep: string): number[] => {
    const at: number[] = [];
    for (let i = from, depth = 0; i < to; i++) {
      const c = inner[i];
      if (c === '"') for (i++; i < to && inner[i] !== '"'; i++) { if (inner[i] === "\\") i++; }
      else if ("([<".includes(c)) depth++;
      else if (")]>".includes(c)) depth--;
      else if (depth === 0 && inner.startsWith(sep, i)) at.push(i);
    }
    return at;
  };
  const list = (open: number, close: number, sep: string, head: string, tail: string) => {
    const cuts = [open, ...splits(open, close, sep), close];
    const children = cuts.slice(1).map((c, i) => inner.slice(i ? cuts[i] + sep.length : open, c));
    return { parts: [head, ...children.slice(1).map(() => sep), tail], children };
  };
  if (inner.startsWith("callsite(")) return list(9, inner.length - 1, " at ", "callsite(", ")");
  if (inner.startsWith("fused")) {
    const open = inner.indexOf("[", inner[5] === "<" ? closingAngle(inner, 6) : 5);
    return list(open + 1, inner.length - 1, ", ", inner.slice(0, open + 1), "]");
  }
  if (inner.startsWith('"')) {
    let end = 1;
    while (end < inner.length && inner[end] !== '"') end += inner[end] === "\\" ? 2 : 1;
    if (inner[end + 1] === "(") return list(end + 2, inner.length - 1, "\u0000", inner.slice(0, end + 2), ")");
  }
  return { parts: [inner], children: [] };
}

/**
 * Each distinct affine_map<...>/affine_set<...>, and each distinct[N]<...> of a referenced
 * attribute, as an alias defined above the module (`#map`, `#map1`, ..., `#set`, `#distinct`),
 * as MLIR's AliasInitializer makes them: met in its walk's order (an attribute before those in
 * it), sorted (stably) by depth (0, or one more than the deepest alias inside), then by name,
 * then numbered. Replaced first by placeholders (the numbers wait for the sort), which
 * `resolve` turns into the aliases. String literals are left alone. With --mlir-print-debuginfo
 * each location is an alias (`#loc`) too, met as the printer prints: those only ops use are
 * defined after the module.
 */
class Aliases {
  private readonly entries: Array<{ kind: string; def: string; depth: number; name?: string; deferred?: boolean; children?: number[] }> = [];
  private readonly byKey = new Map<string, number>();
  /**
   * The placeholder of a location's `#loc` alias; `deferred`: an op's, whose definition may go
   * after the module (MLIR's canBeDeferred), unless an argument's location is the same.
   */
  location(l: Location | undefined, deferred: boolean): string { return this.locationOf(locationStr(l).slice(4, -1), deferred); }
  /** An alias's definition, its placeholder in hand: how an argument's location is written out (the locations inside it by alias). */
  written(placeholder: string): string { return this.entries[Number(placeholder.slice(1, -1))].def; }
  /** `location`'s, of what `loc(...)` holds: the locations inside a call site, name or fused location are aliases too. */
  private locationOf(inner: string, deferred: boolean): string {
    const key = "loc:" + inner;
    let at = this.byKey.get(key);
    if (at === undefined) {
      at = this.entries.length;
      this.byKey.set(key, at);
      const entry = { kind: "loc", def: "", depth: 0, deferred, children: [] as number[] };
      this.entries.push(entry); // (before those inside)
      const { parts, children } = locationParts(inner);
      const refs = children.map((c) => this.locationOf(c, deferred));
      entry.children = refs.map((r) => Number(r.slice(1, -1)));
      entry.depth = entry.children.reduce((d, c) => Math.max(d, this.entries[c].depth + 1), 0);
      entry.def = `loc(${parts.map((x, i) => x + (refs[i] ?? "")).join("")})`;
    } else if (!deferred) this.keep(at);
    return `\u0001${at}\u0001`;
  }
  /** An alias defined before the module, and those inside it (MLIR's markAliasNonDeferrable). */
  private keep(at: number): void {
    const e = this.entries[at];
    if (!e.deferred) return;
    e.deferred = false;
    for (const c of e.children ?? []) this.keep(c);
  }
  private static readonly re = stringOr("(?<![\\w$.#!])(?:affine_(map|set)<|distinct\\[(\\d+)\\]<)"); // (not inside a name: `#foo.my_affine_map<1>`)
  /** `text` with each map, set or distinct attribute replaced by its alias's placeholder. */
  replace(text: string): string { return this.scan(text).out; }
  private scan(text: string): { out: string; depth: number } {
    const re = new RegExp(Aliases.re.source, "g");
    let out = "", last = 0, depth = -1; // (the deepest alias inside, -1 for none)
    for (let m; (m = re.exec(text)); ) {
      if (!m[1] && !m[2]) continue; // a string literal
      const end = closingAngle(text, re.lastIndex) + 1, def = text.slice(m.index, end);
      const key = m[2] ?? def;
      let at = this.byKey.get(key);
      if (at === undefined) {
        if (m[2] !== undefined && re.lastIndex === end - 1) continue; // `distinct[N]<>`: no alias (MLIR's for a unit)
        at = this.entries.length;
        this.byKey.set(key, at);
        const entry = { kind: m[1] ?? "distinct", def, depth: 0 };
        this.entries.push(entry); // (before those inside)
        if (m[2] !== undefined) {
          const inner = this.scan(text.slice(re.lastIndex, end - 1));
          entry.def = `distinct[${m[2]}]<${inner.out}>`;
          entry.depth = inner.depth + 1;
        }
      }
      depth = Math.max(depth, this.entries[at].depth);
      out += text.slice(last, m.index) + `\u0001${at}\u0001`;
      last = re.lastIndex = end;
    }
    return { out: last ? out + text.slice(last) : text, depth };
  }
  /** `#map = affine_map<...>` lines in MLIR's order, naming each alias: those not `deferred`, or those. */
  definitions(deferred = false): string {
    const order = [...this.entries.keys()].sort((a, b) => {
      const x = this.entries[a], y = this.entries[b];
      return x.depth - y.depth || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0) || a - b;
    });
    const counts = new Map<string, number>();
    for (const i of order) {
      const e = this.entries[i], n = counts.get(e.kind) ?? 0;
      counts.set(e.kind, n + 1);
      e.name = `#${e.kind}${n || ""}`;
    }
    return order.filter((i) => !!this.entries[i].deferred === deferred).map((i) => `\u0001${i}\u0001 = ${this.entries[i].def}\n`).join("");
  }
  /** `text` with the placeholders replaced by the aliases (after definitions). */
  resolve(text: string): string { return text.replace(/\u0001(\d+)\u0001/g, (_, i: string) => this.entries[Number(i)].name!); }
}

/**
 * The text of the types and attributes of `op` in the order MLIR's alias walk meets them in the
 * generic form (DummyAliasOperationPrinter): its regions first (block argument types, then each
 * op; none where regions print as `{...}`), then its operand and result types, then its
 * attributes, inherent and discardable, by name. The custom form prints them in that order already.
 */
function visitGeneric(op: Operation, ctx: Context, visit: (text: string) => void, skipRegions = false): void {
  if (!skipRegions) for (const r of op.regions) for (const b of r.blocks) {
    for (const a of b.args) visit(a.type.str);
    for (const o of b.ops) visitGeneric(o, ctx, visit);
  }
  for (const v of op.operands) visit(v.type.str);
  for (const v of op.results) visit(v.type.str);
  const attrs = allAttrs(op, ctx.registered(op.name));
  for (const k of [...attrs.keys()].sort()) visit(attrs.get(k)!.str);
}
