// Attribute readers shared by the handler tables (tolerant of how a dialect spells things:
// DenseArrayAttr or ArrayAttr of integers, enum attrs as strings or `#dialect.kind<x>`).
import { AffineMapAttr, ArrayAttr, Attribute, DenseArrayAttr, FloatAttr, IntegerAttr, StringAttr, SymbolRefAttr } from "../ir/attributes.js";
import type { AffineMap } from "../ir/affine.js";
import type { Operation } from "../ir/core.js";
import { DYN } from "../ir/types.js";
import { Trap } from "./values.js";

/** Operand segment sizes from `operandSegmentSizes`, else the given fallback. */
export function segments(op: Operation, fallback: number[]): number[] {
  const a = op.attr("operandSegmentSizes") ?? op.attr("operand_segment_sizes");
  if (a instanceof DenseArrayAttr) return [...a.values];
  if (a instanceof ArrayAttr) return a.items.map((x) => (x instanceof IntegerAttr ? x.num : 0));
  return fallback;
}

/** Splits `values` into consecutive groups of the given sizes. */
export function split<T>(values: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  let k = 0;
  for (const n of sizes) { out.push(values.slice(k, k + n)); k += n; }
  return out;
}

export function intAttr(op: Operation, name: string): number | undefined {
  const a = op.attr(name);
  if (a instanceof IntegerAttr) return a.num;
  if (a instanceof FloatAttr) return a.value;
  return undefined;
}

/** Integer list attribute (`array<i64: ...>` or `[1, 2]`). */
export function intList(op: Operation, name: string): number[] | undefined {
  return intListOf(op.attr(name));
}
export function intListOf(a: Attribute | undefined): number[] | undefined {
  if (a instanceof DenseArrayAttr) return [...a.values];
  if (a instanceof ArrayAttr) return a.items.map((x) => (x instanceof IntegerAttr ? x.num : Number.NaN));
  return undefined;
}

export function mapAttr(op: Operation, name: string): AffineMap {
  const a = op.attr(name);
  if (a instanceof AffineMapAttr) return a.map;
  throw new Trap(`${op.name}: missing affine map attribute '${name}'`);
}

export function optMapAttr(op: Operation, name: string): AffineMap | undefined {
  const a = op.attr(name);
  return a instanceof AffineMapAttr ? a.map : undefined;
}

/** An enum-like attribute as text: "add" for `#vector.kind<add>`, `"add"` or `add`. */
export function enumAttr(op: Operation, name: string): string | undefined {
  const a = op.attr(name);
  if (!a) return undefined;
  if (a instanceof StringAttr) return a.value;
  const m = /<\s*([A-Za-z_][\w]*)\s*>\s*$/.exec(a.str);
  return m ? m[1] : a.str.replace(/^#\w+\./, "");
}

export function symbolRef(op: Operation, name: string): string | undefined {
  const a = op.attr(name);
  if (a instanceof SymbolRefAttr) return a.root;
  if (a instanceof StringAttr) return a.value;
  if (a && a.str.startsWith("@")) return a.str.slice(1);
  return undefined;
}

/** Merges static entries with the dynamic operand values that replace the markers (DYN). */
export function mixed(staticVals: readonly number[], dynamic: readonly number[]): number[] {
  let k = 0;
  return staticVals.map((v) => (v === DYN ? dynamic[k++] : v));
}
