// The healing counterpart of llm-proposer.ts: the prompt that asks a model to repair a function
// after an assertion failed, the grammar that bounds a local model's answer to repair
// mutations, and the query itself. Stable parts (instructions, module IR) come first so a
// llama.cpp runner reuses its KV cache across attempts; the attempt history comes last.
import type { ModelRunner, QueryOptions } from "../llm/ModelRunner.js";
import type { TraceRecord } from "../runtime/host/context.js";
import { parseProposal } from "./llm-proposer.js";
import type { Verdict } from "./proposer.js";
import { ARITH_OPS, FUNCTION_NAME_PATTERN, TENSOR_OPS, proposalJsonSchema, type Proposal } from "./schema.js";

export const HEAL_SYSTEM_PROMPT = `You are the repair engine inside TensorLang, a compiler whose programs heal themselves.
A program stated what must hold (an assertion) and it failed at run time. You receive the whole
module (MLIR), the violated assertion with its location, the last values the program traced,
and the repair candidates tried so far with their verdicts. Replace the repairable function so
that the assertion holds for this run and for other random seeds. Answer with ONE JSON object:
  {"target_function": NAME, "rewrite": "<the full replacement func.func text, same signature>"} or
  {"target_function": NAME, "mutations": [MUTATION, ...]} with MUTATION one of
  {"kind":"mutate_constant","index":0,"value":1.5}       constant #index of the function (table below)
  {"kind":"swap_operator","index":2,"op":"arith.subf"}   operator #index (table below) for one of its kind
Every candidate is parsed, verified and replayed in a sandbox from the start, with the same seed
and several more; it is accepted only if no assertion fails in any replay.`;

export interface HealAttemptView {
  proposal: Proposal | { raw: string };
  verdict: Verdict;
  reason?: string;
}

export interface HealPromptInput {
  moduleIr: string;
  target: string;
  /** Constant/operator tables of the target (scalarTables). */
  tables: string;
  /** The violation in words: where and what. */
  violation: string;
  /** Observed margin text, e.g. "5 - |v| = -15.6". */
  observed?: string;
  trace: readonly TraceRecord[];
  history: readonly HealAttemptView[];
}

export function formatTrace(trace: readonly TraceRecord[], max = 12): string {
  const tail = trace.slice(-max);
  if (!tail.length) return "(nothing traced)";
  return tail.map((r) => (r.kind === "status" ? `step ${r.step}: status h=${r.h.toFixed(3)} v=${r.v.toFixed(3)}` : `step ${r.step}: thrust ${r.thrust.toFixed(3)}`)).join("\n");
}

export function describeProposal(p: Proposal | { raw: string }, max = 240): string {
  if ("raw" in p) return `unparsable answer ${JSON.stringify(p.raw.slice(0, max))}`;
  if ("rewrite" in p) return `rewrite of @${p.target_function}: ${JSON.stringify(p.rewrite.replace(/\s+/g, " ").slice(0, max))}`;
  return `mutations of @${p.target_function}: ${JSON.stringify(p.mutations)}`;
}

export function buildHealPrompt(input: HealPromptInput): string {
  const parts = [
    `Module:\n${input.moduleIr.trim()}`,
    `Violated assertion: ${input.violation}${input.observed ? `\nObserved: ${input.observed}` : ""}`,
    `Last traced values (tensorlang_print_status / tensorlang_record_*):\n${formatTrace(input.trace)}`,
    `Repairable function: @${input.target}\n${input.tables.trim() || "(no constants or operators)"}`,
  ];
  if (input.history.length) {
    parts.push(`Candidates tried so far (all rejected):\n${input.history.map((a, i) => `${i + 1}. ${describeProposal(a.proposal)} => ${a.verdict}${a.reason ? ` (${a.reason.slice(0, 200)})` : ""}`).join("\n")}`);
  }
  parts.push(`Propose one repair of @${input.target} as JSON:`);
  return parts.join("\n\n");
}

const lit = (s: string): string => JSON.stringify(s);

/**
 * GBNF for repair mutations only, with indices enumerated from the target's tables and numbers
 * bounded, so every answer of a grammar-constrained model parses and validates.
 */
export function healGrammar(target: string, constants: number, operators: number, maxMutations = 2): string {
  if (!new RegExp(FUNCTION_NAME_PATTERN).test(target)) throw new Error(`bad function name ${target}`);
  const idx = (n: number): string => Array.from({ length: Math.max(1, n) }, (_, i) => lit(String(i))).join(" | ");
  const kinds: string[] = [];
  if (constants > 0) kinds.push(`${lit('mutate_constant", "index": ')} cindex ${lit(', "value": ')} number "}"`);
  if (operators > 0) kinds.push(`${lit('swap_operator", "index": ')} oindex ${lit(', "op": ')} arithop "}"`);
  if (!kinds.length) kinds.push(`${lit('mutate_constant", "index": ')} "0" ${lit(', "value": ')} number "}"`);
  return [
    `root ::= ${lit(`{"target_function": "${target}", "mutations": [`)} mutation (", " mutation){0,${maxMutations - 1}} "]}"`,
    `mutation ::= ${lit('{"kind": "')} (${kinds.join(" | ")})`,
    `cindex ::= ${idx(constants)}`,
    `oindex ::= ${idx(operators)}`,
    `arithop ::= ${[...ARITH_OPS.filter((o) => o.endsWith("f")), ...TENSOR_OPS].map((o) => lit(`"${o}"`)).join(" | ")}`,
    `number ::= "-"? ([0-9] | [1-9] [0-9]{1,3}) ("." [0-9]{1,4})?`,
  ].join("\n") + "\n";
}

export interface HealQueryOptions {
  query?: QueryOptions;
  /** Constrain with healGrammar (local llama models); default: JSON schema only. */
  grammar?: boolean;
}

export interface HealAnswer {
  proposal?: Proposal;
  raw: string;
  error?: string;
  prompt: string;
}

/** One query: the answer parsed and validated, or why not. Never throws. */
export async function queryRepair(runner: ModelRunner, input: HealPromptInput, counts: { constants: number; operators: number }, opts: HealQueryOptions = {}, seed = 0): Promise<HealAnswer> {
  const prompt = buildHealPrompt(input);
  const base = opts.query ?? {};
  const q: QueryOptions = {
    maxTokens: opts.grammar ? 160 : 1024, timeoutMs: 60_000, temperature: 0.7, ...base, system: HEAL_SYSTEM_PROMPT, seed: (base.seed ?? 0) + seed,
    jsonSchema: proposalJsonSchema,
    ...(opts.grammar ? { grammar: healGrammar(input.target, counts.constants, counts.operators) } : {}),
  };
  try {
    const raw = await runner.query(prompt, q);
    const parsed = parseProposal(raw, input.target);
    return { ...parsed, raw, prompt };
  } catch (e) {
    return { raw: "", error: `model query failed: ${(e as Error).message}`, prompt };
  }
}
