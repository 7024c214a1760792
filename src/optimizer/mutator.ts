// The Mutator: applies a Proposal to a copy of the module and returns the new module text,
// or a verdict with a reason (never an exception) when the proposal does not apply.
import { createContext } from "../dialects/index.js";
import { funcName, functionType } from "../dialects/func.js";
import { Operation, type Module, type Value } from "../ir/core.js";
import { IndexType, VectorType } from "../ir/types.js";
import { AffineMapAttr } from "../ir/attributes.js";
import { constantIndex } from "../dialects/arith.js";
import type { Context } from "../ir/dialect.js";
import { DiagnosticError, formatDiagnostic } from "../ir/diagnostics.js";
import { parseModule } from "../ir/parser.js";
import { printModule, printOp } from "../ir/printer.js";
import { verifyModule } from "../ir/verifier.js";
import { foldAndErase } from "../passes/canonicalize.js";
import { raiseLoops } from "../passes/raise-scf-to-affine.js";
import { cse } from "../passes/cse.js";
import { DiagnosticSink } from "../ir/diagnostics.js";
import { loopByRef, loopTable } from "./loops.js";
import { hoist } from "./mutations/hoist.js";
import { interchange, plusConst, tile, unroll, unrollAndJam } from "./mutations/loops.js";
import { MutationError, mutateConstant, swapOperator } from "./mutations/scalar.js";
import { pack } from "./mutations/pack.js";
import { checkParallelLoops, parallelize } from "./mutations/parallelize.js";
import { accessOf, vectorize } from "./mutations/vectorize.js";
import { bufferOf, type Buffer, inputDependentOverlap, writesWithin } from "./aliasing.js";
import type { Verdict } from "./proposer.js";
import type { Mutation, Proposal } from "./schema.js";

export type MutateResult =
  | { ok: true; moduleText: string; functionText: string; loopTable: string }
  | { ok: false; verdict: Verdict; reason: string };

export function findFunction(m: Module, name: string): Operation | undefined {
  return m.ops.find((o) => o.name === "func.func" && funcName(o) === name);
}

/**
 * The module with `name`'s scf.for loops raised to affine.for where they qualify (the text as
 * given when none does): where a search starts, since the mutations transform affine loops.
 */
export function raisedStart(moduleText: string, name: string): string {
  const ctx = createContext();
  const m = parseModule(moduleText, "<state>", ctx);
  const fn = findFunction(m, name);
  return fn && raiseLoops(fn) ? printModule(m, ctx) : moduleText;
}

/** The mutations that run a loop's iterations in another order, or at once. */
const REORDERING = new Set(["tile", "interchange", "vectorize", "unroll_and_jam", "parallelize"]);

export function applyMutation(fn: Operation, mu: Mutation, ctx: Context): void {
  if (REORDERING.has(mu.kind)) {
    // The sandbox runs a few calls: a reordering right for some index arguments only is refused.
    // (tile and interchange reorder the loops inside too: a slice per iteration of the first is not enough)
    const why = inputDependentOverlap(loopByRef(fn, "loop" in mu ? mu.loop : (mu as { loops: string[] }).loops[0]), ctx, "loop" in mu);
    if (why) throw new MutationError(`${mu.kind}: ${why}`);
  }
  switch (mu.kind) {
    case "tile": tile(mu.loops.map((r) => loopByRef(fn, r)), mu.sizes); break;
    case "interchange": interchange(mu.loops.map((r) => loopByRef(fn, r)), mu.permutation); break;
    case "unroll": unroll(loopByRef(fn, mu.loop), mu.factor); break;
    case "unroll_and_jam": unrollAndJam(loopByRef(fn, mu.loop), mu.factor); break;
    case "vectorize": vectorize(loopByRef(fn, mu.loop), mu.width, ctx); break;
    case "hoist": hoist(loopByRef(fn, mu.loop), ctx); break;
    case "mutate_constant": mutateConstant(fn, mu.index, mu.value); break;
    case "swap_operator": swapOperator(fn, mu.index, mu.op, ctx); break;
    case "pack": pack(fn, mu.operand, loopByRef(fn, mu.loop), ctx); break;
    case "parallelize": parallelize(loopByRef(fn, mu.loop)); break;
  }
}

/**
 * Reuse an identical earlier load in the same block when nothing between may write its buffer:
 * no store, copy or call, here or in a region, through any view of it (aliasing.ts).
 */
function forwardLoads(m: Module, ctx: Context): void {
  m.walk((op) => {
    for (const r of op.regions) for (const b of r.blocks) {
      const seen = new Map<string, { load: Operation; buf: Buffer }>();
      for (const o of [...b.ops]) {
        const a = accessOf(o);
        if (a && a.value === undefined) {
          const key = `${o.name}|${o.operands.map((v) => ids(v)).join(",")}|${o.attr("map")?.str ?? ""}|${o.result.type.str}`;
          const prior = seen.get(key);
          if (prior) { o.result.replaceAllUsesWith(prior.load.result); o.erase(); } else seen.set(key, { load: o, buf: bufferOf(a.memref) });
        } else {
          for (const [k, l] of seen) if (writesWithin(o, l.buf, ctx)) seen.delete(k);
        }
      }
    }
  });
}

/** `v` as base + constant offset, through index `arith.addi` with a constant and `affine.apply (d0) -> (d0 + c)`. */
function offsetOf(v: Value): [Value, number] {
  const op = v.owner;
  if (!(op instanceof Operation) || !(v.type instanceof IndexType)) return [v, 0];
  if (op.name === "arith.addi") {
    const k = op.operands.findIndex((o) => constantIndex(o) !== undefined);
    if (k < 0) return [v, 0];
    const [base, off] = offsetOf(op.operand(1 - k));
    return [base, off + constantIndex(op.operand(k))!];
  }
  const m = op.name === "affine.apply" && op.operands.length === 1 ? op.attr<AffineMapAttr>("map")!.map : undefined;
  const e = m?.results.length === 1 ? m.results[0] : undefined;
  if (e?.kind === "add" && e.lhs.kind === "dim" && e.rhs.kind === "const") {
    const [base, off] = offsetOf(op.operand(0));
    return [base, off + e.rhs.value];
  }
  return [v, 0];
}

/**
 * Rewrite every `x + c` chain as one `affine.apply (d0) -> (d0 + c)` of its base, so that the
 * same address reached two ways (row i + 1 of a conv's next output row at p = 0, and of this
 * row at p = 1) is one value after CSE and its load is forwarded.
 */
function normalizeOffsets(m: Module): void {
  const ops: Operation[] = [];
  m.walk((op) => { if (op.results.length === 1 && (op.name === "arith.addi" || op.name === "affine.apply")) ops.push(op); });
  for (const op of ops) {
    const [base, off] = offsetOf(op.result);
    if (base === op.result) continue;
    op.result.replaceAllUsesWith(plusConst(base, off, { block: op.parent!, before: op }));
  }
}
const idMap = new WeakMap<object, number>();
let nextId = 0;
const ids = (v: object) => { let i = idMap.get(v); if (i === undefined) idMap.set(v, (i = nextId++)); return i; };

/**
 * Contract `addf(acc, mulf(a, b))` on f32x4 vectors (the mulf used once) into `vector.fma`: the
 * optimized kernels' accumulation, which the wasm backend emits as one relaxed-SIMD madd. Only
 * vectorized code is contracted, so scalar programs keep their exact rounding.
 */
function contractFma(m: Module): void {
  m.walk((op) => {
    if (op.name !== "arith.addf" || !(op.result.type instanceof VectorType)) return;
    const k = op.operands.findIndex((v) => v.owner instanceof Operation && v.owner.name === "arith.mulf" && v.uses.length === 1 && v.owner.parent === op.parent);
    if (k < 0) return;
    const mul = op.operand(k).owner as Operation;
    const fma = new Operation({ name: "vector.fma", operands: [mul.operand(0), mul.operand(1), op.operand(1 - k)], resultTypes: [op.result.type], loc: op.loc });
    op.parent!.insertBefore(op, fma);
    op.result.replaceAllUsesWith(fma.result);
    op.erase();
    mul.erase();
  });
}

/** Tidy after mutations: forward loads, contract multiply-adds, fold constants, share index arithmetic. */
function tidy(m: Module, ctx: Context): void {
  const sink = new DiagnosticSink();
  foldAndErase(m, ctx); // constants first: a fully unrolled loop's index is `affine.apply () -> (c)`
  normalizeOffsets(m);
  cse.run(m, ctx, sink);
  forwardLoads(m, ctx);
  contractFma(m);
  foldAndErase(m, ctx);
  cse.run(m, ctx, sink);
}

function diagText(e: unknown): string {
  return e instanceof DiagnosticError ? e.diagnostics.map(formatDiagnostic).join("\n").split("\n")[0] : (e as Error).message;
}

/** Apply `p` to `moduleText`; the result is re-parsed and verified before it is returned. */
export function mutate(moduleText: string, p: Proposal, ctx: Context = createContext()): MutateResult {
  let m: Module;
  try { m = parseModule(moduleText, "<module>", ctx); } catch (e) { return { ok: false, verdict: "parse-error", reason: diagText(e) }; }
  const fn = findFunction(m, p.target_function);
  if (!fn) return { ok: false, verdict: "rejected", reason: `no function @${p.target_function} in the module` };
  const signature = functionType(fn);
  if ("rewrite" in p) {
    let rm: Module;
    try { rm = parseModule(p.rewrite, "<rewrite>", ctx); } catch (e) { return { ok: false, verdict: "parse-error", reason: diagText(e) }; }
    const nf = findFunction(rm, p.target_function) ?? (rm.ops.length === 1 && rm.ops[0].name === "func.func" ? rm.ops[0] : undefined);
    if (!nf) return { ok: false, verdict: "parse-error", reason: `the rewrite does not define func.func @${p.target_function}` };
    if (functionType(nf) !== signature) {
      return { ok: false, verdict: "verify-error", reason: `signature changed: ${functionType(nf).str} instead of ${signature.str}` };
    }
    nf.attributes.set("sym_name", fn.attr("sym_name")!);
    fn.parent!.insertBefore(fn, nf);
    fn.erase();
    try { checkParallelLoops(nf); } catch (e) { return { ok: false, verdict: "rejected", reason: (e as Error).message }; }
  } else {
    try {
      for (const mu of p.mutations) applyMutation(fn, mu, ctx);
      checkParallelLoops(fn);
      tidy(m, ctx);
    } catch (e) {
      if (e instanceof MutationError) return { ok: false, verdict: "rejected", reason: e.message };
      return { ok: false, verdict: "rejected", reason: `mutation failed: ${(e as Error).message}` };
    }
  }
  const text = printModule(m, ctx);
  let check: Module;
  try { check = parseModule(text, "<mutated>", ctx); } catch (e) { return { ok: false, verdict: "verify-error", reason: `mutated IR does not re-parse: ${diagText(e)}` }; }
  const ds = verifyModule(check, ctx);
  if (ds.length) return { ok: false, verdict: "verify-error", reason: formatDiagnostic(ds[0]).split("\n")[0] };
  const nf = findFunction(check, p.target_function)!;
  return { ok: true, moduleText: text, functionText: printOp(nf, ctx), loopTable: loopTable(nf, ctx) };
}
