// The IR: SSA values with use lists, operations, blocks and regions (MLIR's model).
import { Attribute } from "./attributes.js";
import type { Location } from "./diagnostics.js";
import type { ExternalResources } from "./resources.js";
import { Type } from "./types.js";

export interface Use { op: Operation; index: number }

/**
 * Shared empty lists for the common case (a value's uses before the first, an op without
 * results, regions or successors); they are replaced, never written, when something is added.
 */
const NO_USES: Use[] = [], NO_RESULTS: OpResult[] = [], NO_REGIONS: Region[] = [], NO_SUCCESSORS: Block[] = [];

export abstract class Value {
  private useList: Use[] = NO_USES;
  constructor(public type: Type) {}
  get uses(): Use[] { return this.useList; }
  /**
   * Records a use (Operation keeps use lists; nothing else should call this). Up to four uses
   * the list is rebuilt at its exact size: an empty array that is pushed to reserves 17 slots,
   * and most values have one or two uses.
   */
  addUse(u: Use): void {
    const l = this.useList;
    switch (l.length) {
      case 0: this.useList = [u]; break;
      case 1: this.useList = [l[0], u]; break;
      case 2: this.useList = [l[0], l[1], u]; break;
      case 3: this.useList = [l[0], l[1], l[2], u]; break;
      default: l.push(u);
    }
  }
  /**
   * Drops the use by operand `index` of `op` (Operation keeps use lists; nothing else should call
   * this). Searched from both ends: erasing the users of a value with thousands, first to last
   * or last to first, stays linear.
   */
  removeUse(op: Operation, index: number): void {
    const l = this.useList;
    for (let lo = 0, hi = l.length - 1; lo <= hi; lo++, hi--) {
      if (l[lo].op === op && l[lo].index === index) { l.splice(lo, 1); return; }
      if (l[hi].op === op && l[hi].index === index) { l.splice(hi, 1); return; }
    }
  }
  /** Drops every use by `op` (Operation keeps use lists; nothing else should call this). */
  dropUsesBy(op: Operation): void { this.useList = this.useList.filter((u) => u.op !== op); }
  get hasUses(): boolean { return this.uses.length > 0; }
  get users(): Operation[] { return [...new Set(this.uses.map((u) => u.op))]; }
  /** Points every use of this value at `v` instead. */
  replaceAllUsesWith(v: Value): void {
    if (v === this) return;
    for (const u of [...this.uses]) u.op.setOperand(u.index, v);
  }
  abstract get owner(): Operation | Block;
  /** The block this value is defined in (for dominance). */
  abstract get definingBlock(): Block | null;
}

export class OpResult extends Value {
  constructor(type: Type, readonly op: Operation, readonly index: number) { super(type); }
  get owner(): Operation { return this.op; }
  get definingBlock(): Block | null { return this.op.parent; }
}

export class BlockArgument extends Value {
  constructor(type: Type, public block: Block, public index: number, public loc?: Location) { super(type); }
  get owner(): Block { return this.block; }
  get definingBlock(): Block { return this.block; }
}

export interface OperationInit {
  name: string;
  operands?: Value[];
  resultTypes?: Type[];
  attributes?: Record<string, Attribute> | Map<string, Attribute>;
  regions?: Region[];
  successors?: Block[];
  loc?: Location;
  properties?: Attribute;
}

export class Operation {
  name: string;
  readonly operands: Value[];
  readonly results: OpResult[];
  /** Created on first access: most ops have no attributes. */
  private attrs: Map<string, Attribute> | undefined;
  readonly regions: Region[];
  readonly successors: Block[];
  parent: Block | null = null;
  loc?: Location;
  /**
   * An unregistered op's `<...>`, kept apart from its attributes and printed back there: MLIR
   * holds it as one attribute of any kind. A registered op's properties are among its attributes.
   */
  readonly properties: Attribute | undefined;

  /**
   * `adopt`: take ownership of `init.attributes` (a Map) and `init.successors` instead of
   * copying them (the parser's OperationState, which nothing else keeps).
   */
  constructor(init: OperationInit, adopt = false) {
    this.name = init.name;
    const operands = init.operands;
    this.operands = operands ? operands.slice() : [];
    for (let i = 0; i < this.operands.length; i++) this.operands[i].addUse({ op: this, index: i });
    const types = init.resultTypes;
    if (types?.length) {
      this.results = new Array<OpResult>(types.length);
      for (let i = 0; i < types.length; i++) this.results[i] = new OpResult(types[i], this, i);
    } else this.results = NO_RESULTS;
    const a = init.attributes;
    this.attrs = a === undefined ? undefined : a instanceof Map ? (adopt ? a : new Map(a)) : new Map(Object.entries(a));
    const regions = init.regions;
    this.regions = regions?.length ? regions.slice() : NO_REGIONS; // exact size: most ops have no or one region
    for (let i = 0; i < this.regions.length; i++) this.regions[i].parent = this;
    const succ = init.successors;
    this.successors = !succ?.length ? NO_SUCCESSORS : adopt ? succ : succ.slice();
    for (let i = 0; i < this.successors.length; i++) this.successors[i].branches.push(this);
    this.loc = init.loc;
    this.properties = init.properties;
  }

  get dialect(): string { return this.name.split(".")[0]; }
  get result(): OpResult {
    if (this.results.length !== 1) throw new Error(`${this.name} has ${this.results.length} results`);
    return this.results[0];
  }
  operand(i: number): Value { return this.operands[i]; }
  get attributes(): Map<string, Attribute> { return (this.attrs ??= new Map()); }
  /** `attributes.size` without creating the map. */
  get numAttributes(): number { return this.attrs === undefined ? 0 : this.attrs.size; }
  attr<T extends Attribute = Attribute>(name: string): T | undefined { return this.attrs?.get(name) as T | undefined; }
  region(i = 0): Region { return this.regions[i]; }
  /** The single block of region `i` (most structured ops). */
  body(i = 0): Block { return this.regions[i].blocks[0]; }

  addOperand(v: Value): void {
    v.addUse({ op: this, index: this.operands.length });
    this.operands.push(v);
  }
  setOperand(i: number, v: Value): void {
    this.operands[i].removeUse(this, i);
    this.operands[i] = v;
    v.addUse({ op: this, index: i });
  }
  /** Replace the operand list wholesale (keeps use lists right). */
  setOperands(vs: Value[]): void {
    this.dropOperandUses();
    this.operands.length = 0;
    for (const v of vs) this.addOperand(v);
  }
  private dropOperandUses(): void {
    const vs = this.operands;
    if (vs.length <= 8) { for (let i = 0; i < vs.length; i++) vs[i].removeUse(this, i); return; }
    // Many operands (iter_args naming one value thousands of times): one pass over each value's uses.
    for (const v of new Set(vs)) v.dropUsesBy(this);
  }
  addRegion(r: Region = new Region()): Region {
    r.parent = this;
    if (this.regions === NO_REGIONS) (this as { regions: Region[] }).regions = [r];
    else this.regions.push(r);
    return r;
  }

  /** Detach from the parent block and drop operand uses, recursively. */
  erase(): void {
    for (const r of this.regions) for (const b of r.blocks) for (const o of [...b.ops].reverse()) o.erase();
    for (const s of this.successors) { const k = s.branches.indexOf(this); if (k >= 0) s.branches.splice(k, 1); }
    this.dropOperandUses();
    this.operands.length = 0;
    this.remove();
  }
  /** Detach from the parent block without touching uses (for moving). */
  remove(): void {
    if (!this.parent) return;
    const ops = this.parent.ops;
    if (this.successors.length || ops[ops.length - 1] === this) Region.cfgVersion++;
    // (from both ends, as Value.removeUse)
    for (let lo = 0, hi = ops.length - 1; lo <= hi; lo++, hi--) {
      if (ops[lo] === this) { ops.splice(lo, 1); break; }
      if (ops[hi] === this) { ops.splice(hi, 1); break; }
    }
    this.parent = null;
  }
  /** The nearest enclosing operation. */
  get parentOp(): Operation | null { return this.parent?.parent?.parent ?? null; }
  isAncestorOf(o: Operation): boolean {
    for (let p: Operation | null = o; p; p = p.parentOp) if (p === this) return true;
    return false;
  }

  /** Pre-order walk; return false from `fn` to skip an op's regions. */
  walk(fn: (op: Operation) => void | boolean): void {
    if (fn(this) === false) return;
    for (const r of this.regions) for (const b of r.blocks) for (const o of [...b.ops]) o.walk(fn);
  }
  /** Deep copy; `map` carries the value mapping (outer values not in the map are reused). */
  clone(map: Map<Value, Value> = new Map()): Operation {
    const op = new Operation({
      name: this.name, operands: this.operands.map((v) => map.get(v) ?? v),
      resultTypes: this.results.map((r) => r.type), attributes: this.attrs,
      successors: this.successors.map((b) => (map as unknown as Map<Block, Block>).get(b) ?? b), loc: this.loc,
      properties: this.properties,
    });
    this.results.forEach((r, i) => map.set(r, op.results[i]));
    for (const r of this.regions) op.addRegion(r.clone(map));
    return op;
  }
}

export class Block {
  /** Told of each op put into a block while set (canonicalize's driver queues them, as MLIR's listener does). */
  static onInsert: ((op: Operation) => void) | undefined;
  readonly args: BlockArgument[];
  readonly ops: Operation[] = [];
  parent: Region | null = null;
  /**
   * The ops naming this block as a successor, once per edge (MLIR's block use list): an op adds
   * itself when made and goes when erased. One taken out of its block stays here, and is no
   * predecessor while out.
   */
  readonly branches: Operation[] = [];
  constructor(argTypes: Type[] = []) { this.args = argTypes.map((t, i) => new BlockArgument(t, this, i)); }

  addArg(t: Type, loc?: Location): BlockArgument {
    const a = new BlockArgument(t, this, this.args.length, loc);
    this.args.push(a);
    return a;
  }
  eraseArg(i: number): void {
    this.args.splice(i, 1);
    this.args.forEach((a, k) => (a.index = k));
  }
  append(op: Operation): Operation {
    if (op.parent) op.remove();
    if (op.successors.length || this.terminator?.successors.length) Region.cfgVersion++;
    op.parent = this;
    this.ops.push(op);
    Block.onInsert?.(op);
    return op;
  }
  insert(i: number, op: Operation): Operation {
    op.remove();
    if (op.successors.length || (i >= this.ops.length && this.terminator?.successors.length)) Region.cfgVersion++;
    op.parent = this;
    this.ops.splice(i, 0, op);
    Block.onInsert?.(op);
    return op;
  }
  insertBefore(anchor: Operation, op: Operation): Operation { return this.insert(this.ops.indexOf(anchor), op); }
  insertAfter(anchor: Operation, op: Operation): Operation { return this.insert(this.ops.indexOf(anchor) + 1, op); }
  get terminator(): Operation | undefined { return this.ops[this.ops.length - 1]; }
  get parentOp(): Operation | null { return this.parent?.parent ?? null; }
  /** The blocks of this region whose terminator branches here, once per edge, in no set order. */
  predecessors(): Block[] {
    const preds: Block[] = [];
    for (const op of this.branches) { const b = op.parent; if (b && b.parent === this.parent && b.terminator === op) preds.push(b); }
    return preds;
  }
}

export class Region {
  /**
   * Counts changes to any region's branches (blocks put in or taken out, a branch made a block's
   * last op or no longer): what is cached of a CFG holds while it stays the same.
   */
  static cfgVersion = 0;
  readonly blocks: Block[];
  parent: Operation | null = null;
  constructor(blocks: Block[] = []) {
    this.blocks = blocks.slice(); // exact size: most regions have one block
    for (let i = 0; i < this.blocks.length; i++) this.blocks[i].parent = this;
  }
  push(b: Block): Block { b.parent = this; this.blocks.push(b); Region.cfgVersion++; return b; }
  /** Puts `b` at position `at` (passes splitting and inlining blocks). */
  insert(b: Block, at: number): Block { b.parent = this; this.blocks.splice(at, 0, b); Region.cfgVersion++; return b; }
  /** Takes `b` out of this region (its ops stay in it). */
  remove(b: Block): void { this.blocks.splice(this.blocks.indexOf(b), 1); b.parent = null; Region.cfgVersion++; }
  get block(): Block { return this.blocks[0]; }
  clone(map: Map<Value, Value>): Region {
    const r = new Region();
    const bmap = map as unknown as Map<Block, Block>;
    for (const b of this.blocks) {
      const nb = new Block();
      for (const a of b.args) map.set(a, nb.addArg(a.type, a.loc));
      bmap.set(b, nb);
      r.push(nb);
    }
    this.blocks.forEach((b, i) => { for (const o of b.ops) r.blocks[i].append(o.clone(map)); });
    return r;
  }
}

/** A `builtin.module` operation wrapper: the root of every program. */
export class Module {
  /** The file's `external_resources` entries, printed back after the module as mlir-opt keeps them. */
  externalResources: ExternalResources = new Map();
  constructor(readonly op: Operation) {}
  static create(loc?: Location): Module {
    return new Module(new Operation({ name: "builtin.module", regions: [new Region([new Block()])], loc }));
  }
  get body(): Block { return this.op.body(); }
  get ops(): Operation[] { return this.body.ops; }
  /** Look up a top-level symbol (func.func, llvm.func, memref.global, ...). */
  lookup(name: string): Operation | undefined { return symbolTable(this.op).get(name); }
  functions(): Operation[] { return this.ops.filter((o) => o.name === "func.func"); }
  /** The functions with a body (not declarations). */
  definedFunctions(): Operation[] { return this.functions().filter((f) => f.regions[0]?.blocks.length); }
  walk(fn: (op: Operation) => void | boolean): void { this.op.walk(fn); }
}

export function symbolName(op: Operation): string | undefined {
  const a = op.attr("sym_name");
  return a && "value" in a && typeof (a as { value: unknown }).value === "string" ? (a as unknown as { value: string }).value : undefined;
}

/** Symbols defined directly in a symbol-table op's body. */
export function symbolTable(op: Operation): Map<string, Operation> {
  const m = new Map<string, Operation>();
  for (const o of op.body().ops) { const n = symbolName(o); if (n !== undefined && !m.has(n)) m.set(n, o); }
  return m;
}
