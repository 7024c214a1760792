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

/** A use list this long gets `Value.slots`: erasing the users of a value one by one stays linear. */
const INDEXED_USES = 64;

export abstract class Value {
  private useList: Use[] = NO_USES;
  /**
   * Where each user's uses sit in a long use list (a constant of a fully unrolled loop has tens of
   * thousands): a use goes in O(1), the last taking its place, where removing it from a list
   * searched and spliced moved its whole tail. Such a list's order is then no longer insertion
   * order, which nothing relies on (MLIR's own use lists put the newest first).
   */
  private slots: Map<Operation, number[]> | undefined;
  constructor(public type: Type) {}
  get uses(): Use[] { return this.useList; }
  /**
   * Records a use (Operation keeps use lists; nothing else should call this). Up to four uses
   * the list is rebuilt at its exact size: an empty array that is pushed to reserves 17 slots,
   * and most values have one or two uses.
   */
  addUse(u: Use): void {
    const l = this.useList;
    if (this.slots) { addSlot(this.slots, u.op, l.push(u) - 1); return; }
    switch (l.length) {
      case 0: this.useList = [u]; break;
      case 1: this.useList = [l[0], u]; break;
      case 2: this.useList = [l[0], l[1], u]; break;
      case 3: this.useList = [l[0], l[1], l[2], u]; break;
      default:
        if (l.push(u) < INDEXED_USES) break;
        this.slots = new Map();
        l.forEach((x, i) => addSlot(this.slots!, x.op, i));
    }
  }
  /**
   * Drops the use by operand `index` of `op` (Operation keeps use lists; nothing else should call
   * this). A short list is searched from both ends.
   */
  removeUse(op: Operation, index: number): void {
    const l = this.useList;
    if (this.slots) {
      const at = this.slots.get(op)?.find((p) => l[p].index === index);
      if (at !== undefined) this.takeSlot(at);
      return;
    }
    for (let lo = 0, hi = l.length - 1; lo <= hi; lo++, hi--) {
      if (l[lo].op === op && l[lo].index === index) { l.splice(lo, 1); return; }
      if (l[hi].op === op && l[hi].index === index) { l.splice(hi, 1); return; }
    }
  }
  /** Drops use `at` of an indexed list: the last use moves into its place. */
  private takeSlot(at: number): void {
    const l = this.useList, slots = this.slots!, gone = l[at], mine = slots.get(gone.op)!;
    if (mine.length === 1) slots.delete(gone.op); else mine.splice(mine.indexOf(at), 1);
    const last = l.pop()!;
    if (at === l.length) return;
    l[at] = last;
    const theirs = slots.get(last.op)!;
    theirs[theirs.indexOf(l.length)] = at;
  }
  /** Drops every use by `op` (Operation keeps use lists; nothing else should call this). */
  dropUsesBy(op: Operation): void {
    if (!this.slots) { this.useList = this.useList.filter((u) => u.op !== op); return; }
    const mine = this.slots.get(op);
    // highest first: a use moved into a freed place is never one of `op`'s still to go
    if (mine) for (const at of [...mine].sort((a, b) => b - a)) this.takeSlot(at);
  }
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

function addSlot(slots: Map<Operation, number[]>, op: Operation, at: number): void {
  const mine = slots.get(op);
  if (mine) mine.push(at); else slots.set(op, [at]);
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
  /** The ops before and after this one in its block (Block links them; null at either end or out of a block). */
  prev: Operation | null = null;
  next: Operation | null = null;
  loc?: Location;
  /**
   * An unregistered op's `<...>`, kept apart from its attributes and printed back there: MLIR
   * holds it as one attribute of any kind. A registered op's properties are among its attributes.
   */
  readonly properties: Attribute | undefined;

  /**
   * `adopt`: take ownership of `init.operands`, `init.attributes` (a Map) and `init.successors`
   * instead of copying them (the parser's OperationState, which nothing else keeps).
   */
  constructor(init: OperationInit, adopt = false) {
    this.name = init.name;
    const operands = init.operands;
    this.operands = !operands?.length ? [] : adopt ? operands : operands.slice();
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
    if (this.successors.length) { erasedBranches.add(this); for (const s of this.successors) s.branchErased(); }
    this.dropOperandUses();
    this.operands.length = 0;
    this.remove();
  }
  /** Detach from the parent block without touching uses (for moving). */
  remove(): void {
    const b = this.parent;
    if (!b) return;
    this.parent = null;
    if (b.detach(this) || this.successors.length) Region.cfgVersion++;
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

/** Erased ops that had successors: what Block.branchErased takes out. */
const erasedBranches = new WeakSet<Operation>();

export class Block {
  /** Told of each op put into a block while set (canonicalize's driver queues them, as MLIR's listener does). */
  static onInsert: ((op: Operation) => void) | undefined;
  readonly args: BlockArgument[];
  /**
   * The ops, linked as MLIR links them: putting one in before another or taking one out is O(1),
   * where splicing an array moved its tail (thousands of times over, rewriting a block that full
   * unrolling made). `list` is the array `ops` answers, kept exact by appends and by removals at
   * the end, and rebuilt (in place) when next read after any other edit.
   */
  private head: Operation | null = null;
  private tail: Operation | null = null;
  private list: Operation[] = [];
  private listStale = false;
  parent: Region | null = null;
  /**
   * The ops naming this block as a successor, once per edge (MLIR's block use list): an op adds
   * itself when made and goes when erased. One taken out of its block stays here, and is no
   * predecessor while out.
   */
  readonly branches: Operation[] = [];
  /** How many of `branches` are erased ops, left there (no predecessor: they have no block) until they are half. */
  private erased = 0;
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
  /** The ops in order. */
  get ops(): Operation[] {
    if (this.listStale) {
      const l = this.list;
      l.length = 0;
      for (let o = this.head; o; o = o.next) l.push(o);
      this.listStale = false;
    }
    return this.list;
  }
  get first(): Operation | undefined { return this.head ?? undefined; }
  get terminator(): Operation | undefined { return this.tail ?? undefined; }
  /** Unlinks `op`, no longer its child (Operation.remove); whether it was the last op. */
  detach(op: Operation): boolean {
    const { prev, next } = op;
    if (prev) prev.next = next; else this.head = next;
    if (next) next.prev = prev; else this.tail = prev;
    op.prev = op.next = null;
    if (next) this.listStale = true;
    else if (!this.listStale) this.list.pop();
    return !next;
  }
  append(op: Operation): Operation { op.remove(); return this.put(op, null); }
  /** Puts `op` at position `i` of the ops as they are once it is out of its block. */
  insert(i: number, op: Operation): Operation { op.remove(); return this.put(op, i === 0 ? this.head : this.ops[i] ?? null); }
  insertBefore(anchor: Operation, op: Operation): Operation { op.remove(); return this.put(op, anchor); }
  insertAfter(anchor: Operation, op: Operation): Operation { op.remove(); return this.put(op, anchor.next); }
  /**
   * Moves `first` and every op after it in its block to the end of this one, in order (splitBlock,
   * mergeBlocks): relinked in one step, each op only told its new block, as MLIR's list splice.
   */
  moveFrom(first: Operation): void {
    const src = first.parent!, last = src.tail!;
    if (src === this) throw new Error(`${first.name} is already in the block it is moved to`);
    if (first.prev) first.prev.next = null; else src.head = null;
    src.tail = first.prev;
    first.prev = this.tail;
    if (this.tail) this.tail.next = first; else this.head = first;
    this.tail = last;
    let n = 0;
    for (let o: Operation | null = first; o; o = o.next, n++) {
      o.parent = this;
      if (!this.listStale) this.list.push(o);
      Block.onInsert?.(o);
    }
    if (!src.listStale) src.list.length -= n;
    Region.cfgVersion++;
  }
  /** Links `op` (in no block) in before `anchor`, one of this block's ops, or last where null. */
  private put(op: Operation, anchor: Operation | null): Operation {
    if (anchor && anchor.parent !== this) throw new Error(`${anchor.name} is not in the block ${op.name} is put into`);
    if (op.successors.length || (!anchor && this.tail?.successors.length)) Region.cfgVersion++;
    const prev = anchor ? anchor.prev : this.tail;
    op.prev = prev;
    op.next = anchor;
    if (prev) prev.next = op; else this.head = op;
    if (anchor) anchor.prev = op; else this.tail = op;
    op.parent = this;
    if (anchor) this.listStale = true;
    else if (!this.listStale) this.list.push(op);
    Block.onInsert?.(op);
    return op;
  }
  get parentOp(): Operation | null { return this.parent?.parent ?? null; }
  /**
   * Notes that an op in `branches` was erased. Each edge of each erased op leaving by a search and
   * a splice made erasing thousands of branches to one block (a loop's exit) quadratic.
   */
  branchErased(): void {
    const l = this.branches;
    if (++this.erased < 16 || this.erased * 2 < l.length) return;
    let k = 0;
    for (let i = 0; i < l.length; i++) if (!erasedBranches.has(l[i])) l[k++] = l[i];
    l.length = k;
    this.erased = 0;
  }
  /** The blocks of this region whose terminator branches here, once per edge, in no set order. */
  predecessors(): Block[] {
    const preds: Block[] = [];
    for (const op of this.branches) { const b = this.edgeFrom(op); if (b) preds.push(b); }
    return preds;
  }
  /** The block `op` (one of `branches`) branches here from, if it is its block's terminator in this region. */
  edgeFrom(op: Operation): Block | undefined {
    const b = op.parent;
    return b && b.parent === this.parent && b.terminator === op ? b : undefined;
  }
}

export class Region {
  /**
   * Counts changes to any region's branches (blocks put in or taken out, a branch made a block's
   * last op or no longer): what is cached of a CFG holds while it stays the same.
   */
  static cfgVersion = 0;
  private list: Block[];
  /** How many blocks taken out are still in `list` (as Block.ops: a region merging thousands of blocks). */
  private stale = 0;
  parent: Operation | null = null;
  constructor(blocks: Block[] = []) {
    this.list = blocks.slice(); // exact size: most regions have one block
    for (let i = 0; i < this.list.length; i++) this.list[i].parent = this;
  }
  /** The blocks in order; one taken out stays in place until this is next read. */
  get blocks(): Block[] {
    if (this.stale) {
      const l = this.list;
      let k = 0;
      for (let i = 0; i < l.length; i++) if (l[i].parent === this) l[k++] = l[i];
      l.length = k;
      this.stale = 0;
    }
    return this.list;
  }
  // (each takes `b` out of the region it is in, then reads `blocks` before `b` is ours: a place
  // it left in this region goes first)
  push(b: Block): Block { b.parent?.remove(b); const l = this.blocks; b.parent = this; l.push(b); Region.cfgVersion++; return b; }
  /** Puts `b` at position `at` (passes splitting and inlining blocks). */
  insert(b: Block, at: number): Block { b.parent?.remove(b); const l = this.blocks; b.parent = this; l.splice(at, 0, b); Region.cfgVersion++; return b; }
  /** Takes `b` out of this region (its ops stay in it). */
  remove(b: Block): void {
    if (b.parent !== this) return;
    b.parent = null;
    this.stale++;
    Region.cfgVersion++;
  }
  /** The entry block, read without `blocks` (which would first take out the blocks removed). */
  get block(): Block {
    for (const b of this.list) if (b.parent === this) return b;
    return this.list[0];
  }
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
