// OpBuilder: creates operations at an insertion point (MLIR's OpBuilder, minus the templates).
// Passes use it so that building a lowered op is one call rather than five.
import { Attribute, FloatAttr, IntegerAttr } from "./attributes.js";
import { Block, Operation, Region, Value } from "./core.js";
import type { Location } from "./diagnostics.js";
import { FloatType, IndexType, Type, index } from "./types.js";

export class Builder {
  /**
   * Inserts before `anchor` in `block` (at the end when null). An anchor op rather than an index,
   * so inserting elsewhere in the same block (e.g. hoisted constants) cannot shift the point.
   */
  constructor(public block: Block, public anchor: Operation | null, public loc?: Location) {}

  static before(op: Operation): Builder { return new Builder(op.parent!, op, op.loc); }
  static after(op: Operation): Builder { return new Builder(op.parent!, op.next, op.loc); }
  static atEnd(b: Block, loc?: Location): Builder { return new Builder(b, null, loc); }
  static atStart(b: Block, loc?: Location): Builder { return new Builder(b, b.first ?? null, loc); }

  /** Moves the insertion point to just before `op`. */
  setBefore(op: Operation): void { this.block = op.parent!; this.anchor = op; }
  setAtEnd(b: Block): void { this.block = b; this.anchor = null; }

  insert(op: Operation): Operation {
    if (!op.loc) op.loc = this.loc;
    if (this.anchor && this.anchor.parent === this.block) this.block.insertBefore(this.anchor, op);
    else this.block.append(op);
    return op;
  }

  create(name: string, operands: readonly Value[] = [], resultTypes: readonly Type[] = [],
         attributes: Record<string, Attribute> = {}, regions: Region[] = []): Operation {
    return this.insert(new Operation({ name, operands: [...operands], resultTypes: [...resultTypes], attributes, regions, loc: this.loc }));
  }
  /** `create` for ops with exactly one result; returns the result. */
  value(name: string, operands: readonly Value[], type: Type, attributes: Record<string, Attribute> = {}): Value {
    return this.create(name, operands, [type], attributes).result;
  }

  constant(attr: Attribute, type: Type): Value { return this.value("arith.constant", [], type, { value: attr }); }
  constIndex(v: number): Value { return this.constant(new IntegerAttr(v, index), index); }
  constInt(v: number | bigint, t: Type): Value {
    return t instanceof FloatType ? this.constant(new FloatAttr(Number(v), t), t) : this.constant(new IntegerAttr(v, t), t);
  }
  /** A zero of any scalar type. */
  zero(t: Type): Value {
    if (t instanceof FloatType) return this.constant(new FloatAttr(0, t), t);
    return this.constant(new IntegerAttr(0, t instanceof IndexType ? index : t), t);
  }
}

/** A single-block region with the given argument types. */
export function regionWith(argTypes: readonly Type[] = []): { region: Region; block: Block } {
  const block = new Block([...argTypes]);
  return { region: new Region([block]), block };
}

/**
 * Moves the ops of `from` (all but its terminator, which is returned) to `b`'s insertion point,
 * replacing the uses of `from`'s arguments by `args`.
 */
export function inlineBlock(from: Block, b: Builder, args: readonly Value[]): Operation | undefined {
  from.args.forEach((a, i) => a.replaceAllUsesWith(args[i]));
  const term = from.terminator;
  for (const op of [...from.ops]) if (op !== term) b.insert(op);
  return term;
}

/**
 * Moves all of `from`'s ops, terminator too, to the end of `into`, replacing the uses of its
 * arguments by `args`, and takes `from` out of its region (MLIR's mergeBlocks).
 */
export function mergeBlocks(from: Block, into: Block, args: readonly Value[]): void {
  from.args.forEach((a, i) => a.replaceAllUsesWith(args[i]));
  if (from.first) into.moveFrom(from.first);
  from.parent?.remove(from);
}

/** Moves `block`'s ops but its terminator before `at`, its arguments replaced by `args`; the terminator's operands. */
export const inlineBefore = (block: Block, at: Operation, args: readonly Value[] = []): Value[] => [...inlineBlock(block, Builder.before(at), args)!.operands];

/** Moves `at` and the ops after it into a new block right after `b` (MLIR's splitBlock). */
export function splitBlock(b: Block, at: Operation): Block {
  if (at.parent !== b) throw new Error(`${at.name} is not in the block split at it`);
  const nb = b.parent!.insert(new Block(), b.parent!.blocks.indexOf(b) + 1);
  nb.moveFrom(at);
  return nb;
}
/** Moves every block of `src` before `before` (MLIR's inlineRegionBefore). */
export function inlineRegionBefore(src: Region, before: Block): void {
  const r = before.parent!, at = r.blocks.indexOf(before);
  src.blocks.splice(0).forEach((b, k) => r.insert(b, at + k));
}

/** A new `op` with `operands` and `resultTypes` in its place, its regions moved over; `op` stays, without regions. */
export function rebuilt(op: Operation, operands: Value[], resultTypes: Type[]): Operation {
  const n = new Operation({ name: op.name, operands, resultTypes, attributes: op.attributes, loc: op.loc });
  op.parent!.insertBefore(op, n);
  for (const r of op.regions) n.addRegion(r);
  (op.regions as Region[]).length = 0;
  return n;
}

/** `op` rebuilt with `operands` and the results `keep` marks (the dropped results are unused). */
export function withResults(op: Operation, operands: Value[], keep: readonly boolean[]): void {
  const n = rebuilt(op, operands, op.results.filter((_, i) => keep[i]).map((r) => r.type));
  let k = 0;
  op.results.forEach((r, i) => { if (keep[i]) r.replaceAllUsesWith(n.results[k++]); });
  op.erase();
}
