// Assertion sites of a module, found statically: every `tensorlang.assert %cond` and every call
// of `tensorlang_assert_fail(loc)`. For each site the healer also finds the comparison that
// decides it (the `arith.cmpf/cmpi` producing the assert's condition, or the condition of the
// `scf.if` that guards the call), so an episode can measure how far the asserted quantity is
// from the boundary (the margin) and not only whether it failed.
import { IntegerAttr } from "../ir/attributes.js";
import { OpResult, symbolName, type Module, type Operation } from "../ir/core.js";
import { CMPF_PREDICATES, CMPI_PREDICATES } from "../dialects/arith.js";

export const ASSERT_FAIL_HOOK = "tensorlang_assert_fail";

export interface Guard {
  /** The comparison op whose operands give the margin. */
  cmp: Operation;
  /** True: the comparison being true means the assertion holds; false: true means violation. */
  holdsWhenTrue: boolean;
}

export interface AssertionSite {
  /** Index in module walk order: the same text parsed twice gives the same ids. */
  id: number;
  kind: "tensorlang.assert" | "assert_fail";
  /** The function containing the site. */
  fn: string;
  /** The location number the program reports (the i64 passed to tensorlang_assert_fail, or the op's line). */
  loc: bigint | undefined;
  op: Operation;
  guard?: Guard;
}

function intConst(op: Operation | undefined): bigint | undefined {
  if (!op || op.name !== "arith.constant") return undefined;
  const a = op.attr("value");
  return a instanceof IntegerAttr ? BigInt(a.value as bigint | number) : undefined;
}

function definingOp(v: Operation["operands"][number] | undefined): Operation | undefined {
  return v instanceof OpResult ? v.op : undefined;
}

function isCompare(op: Operation | undefined): op is Operation {
  return !!op && (op.name === "arith.cmpf" || op.name === "arith.cmpi");
}

/** The comparison deciding a call of tensorlang_assert_fail: the innermost guarding scf.if. */
function guardOfCall(call: Operation): Guard | undefined {
  let inner: Operation = call;
  for (let p = call.parentOp; p; inner = p, p = p.parentOp) {
    if (p.name === "func.func") return undefined;
    if (p.name !== "scf.if") continue;
    const thenRegion = p.regions[0];
    const inThen = thenRegion.blocks.some((b) => b.ops.includes(inner) || b.ops.some((o) => o.isAncestorOf(inner)));
    const cmp = definingOp(p.operands[0]);
    if (!isCompare(cmp)) return undefined;
    return { cmp, holdsWhenTrue: !inThen };
  }
  return undefined;
}

function enclosingFunction(op: Operation): string {
  for (let p: Operation | null = op; p; p = p.parentOp) if (p.name === "func.func" || p.name === "llvm.func") return symbolName(p) ?? "?";
  return "?";
}

export function findAssertionSites(module: Module): AssertionSite[] {
  const out: AssertionSite[] = [];
  module.walk((op) => {
    if (op.name === "tensorlang.assert") {
      const cmp = definingOp(op.operands[0]);
      const locAttr = op.attr("loc") ?? op.attr("id");
      const loc = locAttr instanceof IntegerAttr ? BigInt(locAttr.value as bigint | number) : op.loc ? BigInt(op.loc.line) : undefined;
      out.push({ id: out.length, kind: "tensorlang.assert", fn: enclosingFunction(op), loc, op, guard: isCompare(cmp) ? { cmp, holdsWhenTrue: true } : undefined });
    } else if ((op.name === "func.call" || op.name === "llvm.call") && calleeOf(op) === ASSERT_FAIL_HOOK) {
      out.push({ id: out.length, kind: "assert_fail", fn: enclosingFunction(op), loc: intConst(definingOp(op.operands[0])), op, guard: guardOfCall(op) });
    }
  });
  return out;
}

export function calleeOf(op: Operation): string | undefined {
  const a = op.attr("callee");
  if (!a) return undefined;
  const s = a.str;
  return s.startsWith("@") ? s.slice(1) : s;
}

/** The predicate's name (ogt, slt, ...). */
export function predicateName(cmp: Operation): string {
  const p = cmp.attr<IntegerAttr>("predicate")?.num ?? 0;
  return (cmp.name === "arith.cmpf" ? CMPF_PREDICATES[p] : CMPI_PREDICATES[p]) ?? "?";
}

/**
 * Signed distance from the boundary: > 0 when the assertion holds, < 0 when it is violated,
 * in the units of the compared quantity (e.g. 5 - |v| for "crash if |v| > 5").
 */
export function margin(guard: Guard, a: number, b: number): number {
  const name = predicateName(guard.cmp);
  const pred = name === "eq" || name === "ne" ? name : name.slice(1); // ogt/sgt/ugt -> gt
  let whenTrue: number; // > 0 iff the predicate is true
  switch (pred) {
    case "gt": case "ge": whenTrue = a - b; break;
    case "lt": case "le": whenTrue = b - a; break;
    case "eq": whenTrue = -Math.abs(a - b); break;
    case "ne": whenTrue = Math.abs(a - b); break;
    default: whenTrue = 0; // ord/uno/true/false: no distance to speak of
  }
  if (Number.isNaN(whenTrue)) return -Infinity; // a NaN quantity is never safely inside the bound
  return guard.holdsWhenTrue ? whenTrue : -whenTrue;
}

/** The guard as text: its source line when known (printing a nested op alone loses SSA names). */
function guardText(g: Guard, source?: string): string {
  const line = g.cmp.loc && source ? source.split("\n")[g.cmp.loc.line - 1]?.trim() : undefined;
  return line || `${g.cmp.name} ${predicateName(g.cmp)}`;
}

/** One line naming the assertion: where, and what it checks. */
export function describeSite(site: AssertionSite, source?: string): string {
  const where = site.kind === "assert_fail" ? `${ASSERT_FAIL_HOOK}(${site.loc ?? "?"}) in @${site.fn}` : `tensorlang.assert in @${site.fn}`;
  const line = site.op.loc && source ? source.split("\n")[site.op.loc.line - 1]?.trim() : undefined;
  const src = line ? ` \`${line}\`` : "";
  if (!site.guard) return `${where}${src}`;
  return `${where}${src}; the program requires ${site.guard.holdsWhenTrue ? "" : "NOT "}(${guardText(site.guard, source)})`;
}

/** A stable text for the cache key: the site's kind, function, location and deciding comparison. */
export function siteKeyText(site: AssertionSite): string {
  const g = site.guard;
  return `${site.kind}|${site.fn}|${site.loc ?? ""}|${g ? `${g.holdsWhenTrue}|${g.cmp.name}|${predicateName(g.cmp)}` : ""}`;
}
