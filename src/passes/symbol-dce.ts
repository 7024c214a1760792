// Symbol DCE, as MLIR's --symbol-dce: a private symbol (sym_visibility "private" or "nested")
// that no live op references, directly or through other live symbols, is erased. Ops that are
// not symbols, and public symbols, are live.
import { ArrayAttr, type Attribute, DictionaryAttr, StringAttr, SymbolRefAttr } from "../ir/attributes.js";
import type { Operation } from "../ir/core.js";
import { symbolName } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import type { Pass } from "./pass.js";

/** Appends the symbols `a` names (in arrays and dictionaries too) to `out`. */
export function refsIn(a: Attribute, out: string[]): void {
  if (a instanceof SymbolRefAttr) out.push(a.root);
  else if (a instanceof ArrayAttr) for (const x of a.items) refsIn(x, out);
  else if (a instanceof DictionaryAttr) for (const x of a.entries.values()) refsIn(x, out);
}

/** The symbols `op` and the ops nested in it reference. */
function references(op: Operation): string[] {
  const out: string[] = [];
  op.walk((o) => { if (o.numAttributes) for (const a of o.attributes.values()) refsIn(a, out); });
  return out;
}

const isPrivate = (op: Operation) => { const v = op.attr<StringAttr>("sym_visibility")?.value; return v === "private" || v === "nested"; };

/** Erases the dead private symbols of one symbol table (its nested tables in turn). */
function dce(table: Operation, ctx: Context): void {
  const body = table.body().ops;
  const symbols = new Map<string, Operation>();
  for (const op of body) { const n = symbolName(op); if (n !== undefined) symbols.set(n, op); }
  const live = new Set<Operation>(body.filter((op) => symbolName(op) === undefined || !isPrivate(op)));
  const work = [...live];
  while (work.length) {
    for (const n of references(work.pop()!)) {
      const s = symbols.get(n);
      if (s && !live.has(s)) { live.add(s); work.push(s); }
    }
  }
  for (const op of [...body]) {
    if (!live.has(op)) op.erase();
    else if (op.name === "builtin.module" || ctx.hasTrait(op, "SymbolTable")) dce(op, ctx);
  }
}

export const symbolDce: Pass = {
  name: "symbol-dce",
  description: "Eliminate dead symbols",
  run(module, ctx) { dce(module.op, ctx); },
};
