// Turning a proposal into a candidate program and checking it statically, before anything of
// it runs: apply the mutations (or splice the rewritten function in), reparse the whole module,
// verify it, and insist on the same function name and signature. Also the function diff the
// report shows for an accepted repair.
import { StringAttr } from "../ir/attributes.js";
import { symbolName, type Module, type Operation } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { DiagnosticError, formatDiagnostic } from "../ir/diagnostics.js";
import { parseModule } from "../ir/parser.js";
import { printOp } from "../ir/printer.js";
import { verifyProgram } from "../passes/verify-linearity.js";
import { MutationError, mutateConstant, swapOperator } from "./mutations/scalar.js";
import type { Verdict } from "./proposer.js";
import type { Proposal } from "./schema.js";

export type CandidateBuild =
  | { ok: true; text: string; module: Module; fnText: string }
  | { ok: false; verdict: Verdict; reason: string };

function firstLine(s: string): string {
  return s.split("\n")[0].slice(0, 300);
}

export function functionOp(module: Module, name: string): Operation | undefined {
  return module.ops.find((o) => o.name === "func.func" && symbolName(o) === name);
}

export function signatureOf(fn: Operation): string {
  return fn.attr("function_type")?.str ?? "";
}

export function functionText(module: Module, name: string, ctx: Context): string {
  const fn = functionOp(module, name);
  return fn ? printOp(fn, ctx).trim() : "";
}

/** Parses and verifies a whole module text; `name` must keep `signature`. */
export function checkModuleText(text: string, name: string, signature: string, ctx: Context): CandidateBuild {
  let module: Module;
  try {
    module = parseModule(text, "<candidate>", ctx);
  } catch (e) {
    const msg = e instanceof DiagnosticError ? formatDiagnostic(e.diagnostics[0]) : (e as Error).message;
    return { ok: false, verdict: "parse-error", reason: firstLine(msg) };
  }
  const fn = functionOp(module, name);
  if (!fn || !fn.regions[0]?.blocks.length) return { ok: false, verdict: "verify-error", reason: `the candidate does not define @${name}` };
  const sig = signatureOf(fn);
  if (sig !== signature) return { ok: false, verdict: "verify-error", reason: `signature changed: @${name} was ${signature}, the candidate has ${sig}` };
  const diags = verifyProgram(module, ctx).filter((d) => d.severity === "error");
  if (diags.length) return { ok: false, verdict: "verify-error", reason: firstLine(formatDiagnostic(diags[0])) };
  // `text` is what was parsed, so op locations in `module` point into it.
  return { ok: true, text, module, fnText: printOp(fn, ctx).trim() };
}

/** The module text with one top-level function's text replaced. */
export function spliceFunction(base: Module, name: string, fnText: string, ctx: Context): string {
  const parts = base.ops.map((op) => (op.name === "func.func" && symbolName(op) === name ? fnText.trim() : printOp(op, ctx).trim()));
  return `module {\n${parts.join("\n")}\n}\n`;
}

/** Builds and statically checks the candidate a proposal describes. */
export function buildCandidate(base: Module, target: string, proposal: Proposal, ctx: Context): CandidateBuild {
  const orig = functionOp(base, target);
  if (!orig) return { ok: false, verdict: "rejected", reason: `no function @${target} in the module` };
  if (proposal.target_function !== target) return { ok: false, verdict: "rejected", reason: `proposal targets @${proposal.target_function}, expected @${target}` };
  const signature = signatureOf(orig);
  if ("rewrite" in proposal) {
    let alone: Module;
    try {
      alone = parseModule(proposal.rewrite, "<rewrite>", ctx);
    } catch (e) {
      const msg = e instanceof DiagnosticError ? formatDiagnostic(e.diagnostics[0]) : (e as Error).message;
      return { ok: false, verdict: "parse-error", reason: firstLine(msg) };
    }
    const fns = alone.ops.filter((o) => o.name === "func.func");
    if (fns.length !== 1 || alone.ops.length !== 1) return { ok: false, verdict: "parse-error", reason: `a rewrite must be exactly one func.func, got ${alone.ops.length} top-level op(s)` };
    if (symbolName(fns[0]) !== target) {
      fns[0].attributes.set("sym_name", new StringAttr(target)); // the model renamed it; the name is not its to choose
    }
    return checkModuleText(spliceFunction(base, target, printOp(fns[0], ctx), ctx), target, signature, ctx);
  }
  const fn = orig.clone();
  try {
    for (const m of proposal.mutations) {
      if (m.kind === "mutate_constant") mutateConstant(fn, m.index, m.value);
      else if (m.kind === "swap_operator") swapOperator(fn, m.index, m.op, ctx);
      else throw new MutationError(`${m.kind} does not change what a function computes; repairs use mutate_constant, swap_operator or a rewrite`);
    }
  } catch (e) {
    if (e instanceof MutationError) return { ok: false, verdict: "rejected", reason: e.message };
    throw e;
  }
  return checkModuleText(spliceFunction(base, target, printOp(fn, ctx), ctx), target, signature, ctx);
}

/** A line diff (longest common subsequence; functions are small) in unified style. */
export function diffLines(before: string, after: string): string {
  const a = before.split("\n"), b = after.split("\n");
  const n = a.length, m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { out.push(`  ${a[i]}`); i++; j++; }
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) out.push(`- ${a[i++]}`);
    else out.push(`+ ${b[j++]}`);
  }
  return out.join("\n");
}
