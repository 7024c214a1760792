// Printer: MLIR custom form (through each op spec's `print`) or the generic form; value
// names are numbered per IsolatedFromAbove region as MLIR does (%0, %arg0, ^bb0).
import { Attribute, DictionaryAttr } from "./attributes.js";
import { Block, Module, Operation, Region, Value } from "./core.js";
import { Context } from "./dialect.js";
import { Type, typeListStr } from "./types.js";

export interface PrintOptions { generic?: boolean }

export interface RegionPrintOptions {
  /** Print the entry block's header `^bb0(%a: t):` (custom forms that bind args elsewhere say no). */
  printEntryBlockArgs?: boolean;
  /** Print a terminator with no operands (custom forms that elide implicit yields say no). */
  printEmptyTerminator?: boolean;
}

export class OpAsmPrinter {
  private out: string[] = [];
  private indent = 0;
  private names = new Map<Value, string>();
  private blockNames = new Map<Block, string>();
  private nextValue = 0;
  private nextArg = 0;
  private nextBlock = 0;

  constructor(readonly ctx: Context, readonly opts: PrintOptions = {}) {}

  // ---- naming ------------------------------------------------------------------------------
  private numberRegion(r: Region): void {
    for (const b of r.blocks) {
      this.blockNames.set(b, `^bb${this.nextBlock++}`);
      for (const a of b.args) this.names.set(a, `%arg${this.nextArg++}`);
      for (const op of b.ops) this.numberOp(op);
    }
  }
  private numberOp(op: Operation): void {
    if (op.results.length) {
      const base = `%${this.nextValue++}`;
      op.results.forEach((r, i) => this.names.set(r, op.results.length > 1 ? `${base}#${i}` : base));
    }
    if (this.isIsolated(op)) return; // numbered when printed, in a fresh scope
    for (const r of op.regions) this.numberRegion(r);
  }
  private isIsolated(op: Operation): boolean {
    return this.ctx.hasTrait(op, "IsolatedFromAbove") || op.name === "builtin.module";
  }
  private withFreshScope(op: Operation, fn: () => void): void {
    const saved = [this.nextValue, this.nextArg, this.nextBlock];
    this.nextValue = this.nextArg = this.nextBlock = 0;
    for (const r of op.regions) this.numberRegion(r);
    fn();
    [this.nextValue, this.nextArg, this.nextBlock] = saved;
  }

  // ---- primitives for custom printers ------------------------------------------------------
  print(...parts: string[]): void { for (const p of parts) this.out.push(p); }
  name(v: Value): string { return this.names.get(v) ?? "%<<UNKNOWN SSA VALUE>>"; }
  operand(v: Value): string { return this.name(v); }
  operands(vs: readonly Value[]): string { return vs.map((v) => this.name(v)).join(", "); }
  type(t: Type): string { return t.str; }
  types(ts: readonly Type[]): string { return typeListStr(ts); }
  attr(a: Attribute): string { return a.str; }
  blockName(b: Block): string { return this.blockNames.get(b) ?? "^<<UNKNOWN BLOCK>>"; }
  /** ` {a = 1}` for the attributes not in `elided` (nothing if none). */
  attrDict(op: Operation, elided: readonly string[] = [], keyword = false): string {
    const rest = new Map([...op.attributes].filter(([k]) => !elided.includes(k)));
    if (!rest.size) return "";
    return (keyword ? " attributes " : " ") + new DictionaryAttr(rest).str;
  }
  /** `(t1, t2) -> t3` from the op's operand and result types. */
  functionalType(op: Operation): string {
    const res = op.results.length === 1 ? op.results[0].type.str : `(${this.types(op.results.map((r) => r.type))})`;
    return `(${this.types(op.operands.map((v) => v.type))}) -> ${res}`;
  }
  newline(): void { this.out.push("\n" + "  ".repeat(this.indent)); }

  region(r: Region, o: RegionPrintOptions = {}): void {
    const printArgs = o.printEntryBlockArgs ?? true;
    this.print("{");
    this.indent++;
    r.blocks.forEach((b, i) => {
      const header = i > 0 || (printArgs && b.args.length > 0) || (i === 0 && r.blocks.length > 1 && printArgs && b.args.length > 0);
      if (header) {
        this.indent--;
        this.newline();
        this.indent++;
        this.print(this.blockName(b));
        if (b.args.length) this.print("(", b.args.map((a) => `${this.name(a)}: ${a.type.str}`).join(", "), ")");
        this.print(":");
      }
      b.ops.forEach((op, k) => {
        const last = k === b.ops.length - 1;
        if (last && o.printEmptyTerminator === false && op.operands.length === 0 && op.results.length === 0 &&
            op.regions.length === 0 && op.attributes.size === 0 && this.ctx.hasTrait(op, "Terminator")) return;
        this.newline();
        this.operation(op);
      });
    });
    this.indent--;
    this.newline();
    this.print("}");
  }

  // ---- operations --------------------------------------------------------------------------
  operation(op: Operation): void {
    if (op.results.length) {
      const first = this.name(op.results[0]);
      this.print(op.results.length > 1 ? `${first.split("#")[0]}:${op.results.length}` : first, " = ");
    }
    const spec = this.ctx.spec(op.name);
    const body = () => {
      if (!this.opts.generic && spec?.print) {
        this.print(this.shortName(op));
        spec.print(this, op);
      } else this.generic(op, spec?.props ?? []);
    };
    if (this.isIsolated(op)) this.withFreshScope(op, body);
    else body();
  }
  /** `return` rather than `func.return` inside a func (MLIR's default-dialect elision). */
  private shortName(op: Operation): string {
    const parent = op.parentOp;
    const d = parent ? this.ctx.spec(parent.name)?.defaultDialect : undefined;
    if (op.name === "builtin.module") return "module";
    return d && op.name.startsWith(d + ".") && !op.name.slice(d.length + 1).includes(".") ? op.name.slice(d.length + 1) : op.name;
  }
  private generic(op: Operation, props: readonly string[]): void {
    this.print(`"${op.name}"(${this.operands(op.operands)})`);
    if (op.successors.length) this.print(` [${op.successors.map((b) => this.blockName(b)).join(", ")}]`);
    const p = new Map([...op.attributes].filter(([k]) => props.includes(k)));
    if (p.size) this.print(" <", new DictionaryAttr(p).str, ">");
    if (op.regions.length) {
      this.print(" (");
      op.regions.forEach((r, i) => { if (i) this.print(", "); this.region(r, { printEntryBlockArgs: true }); });
      this.print(")");
    }
    const rest = new Map([...op.attributes].filter(([k]) => !props.includes(k)));
    if (rest.size) this.print(" ", new DictionaryAttr(rest).str);
    this.print(" : ", this.functionalType(op));
  }

  toString(): string { return this.out.join(""); }
}

export function printOp(op: Operation, ctx: Context, opts: PrintOptions = {}): string {
  const p = new OpAsmPrinter(ctx, opts);
  p.operation(op);
  return p.toString();
}

export function printModule(m: Module, ctx: Context, opts: PrintOptions = {}): string {
  return printOp(m.op, ctx, opts) + "\n";
}
