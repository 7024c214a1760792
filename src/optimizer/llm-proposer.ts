// LlmProposer: builds the prompt (stable prefix first, so the KV cache is reused across
// queries), constrains the answer with the proposal grammar/schema, and parses it.
import type { ModelRunner, QueryOptions } from "../llm/ModelRunner.js";
import type { Attempt, Proposer, ProposalContext, ProposalResult } from "./proposer.js";
import { proposalGrammar, proposalJsonSchema, validateProposal, type Proposal } from "./schema.js";

export const OPTIMIZE_SYSTEM_PROMPT = `You are the optimizer inside TensorLang, a compiler whose programs rewrite themselves.
You receive one function in MLIR (affine/scf loops over memrefs) and a table of its loops.
Answer with ONE JSON object and nothing else, either
  {"target_function": NAME, "mutations": [MUTATION, ...]}   (applied in order) or
  {"target_function": NAME, "rewrite": "<the full replacement func.func text>"}.
MUTATION is one of:
  {"kind":"tile","loops":["L0","L1"],"sizes":[32,32]}      tile a perfect loop band
  {"kind":"interchange","loops":["L1","L2"],"permutation":[1,0]}
  {"kind":"unroll","loop":"L2","factor":4}                  factor 0 = full unroll
  {"kind":"unroll_and_jam","loop":"L0","factor":4}          register blocking
  {"kind":"vectorize","loop":"L2","width":4}                innermost contiguous loop -> f32x4
  {"kind":"hoist","loop":"L2"}                              scalar-replace loop-invariant loads/stores
  {"kind":"pack","operand":1,"loop":"L1"}                   copy a tile of argument #1 contiguous
  {"kind":"parallelize","loop":"L0"}                        split the outer loop across threads
  {"kind":"mutate_constant","index":3,"value":1.5}          constant #index (as numbered in the table)
  {"kind":"swap_operator","index":2,"op":"arith.subf"}      arith/tensorlang op #index
Every proposal is verified (parsed, type-checked, run in a sandbox, compared with the current
version on random inputs, timed); wrong or slower ones are rejected and reported back to you.`;

function describeAttempt(a: Attempt): string {
  const what = "raw" in a.proposal ? a.proposal.raw.slice(0, 200) : JSON.stringify(a.proposal);
  const sp = a.speedup !== undefined ? ` speedup ${a.speedup.toFixed(2)}x` : "";
  return `- ${what} => ${a.verdict}${sp}${a.reason ? ` (${a.reason.slice(0, 160)})` : ""}`;
}

/** The prompt: system text, the function, its loops, what was tried (newest last), the ask. */
export function buildOptimizePrompt(ctx: ProposalContext): string {
  const parts = [
    `Function @${ctx.functionName}:\n${ctx.ir.trim()}`,
    `Loops:\n${ctx.loopTable.trim() || "(none)"}`,
    `Machine: ${ctx.machine.cores} cores, 128-bit SIMD (f32x4)${ctx.machine.relaxedSimd ? ", relaxed fused multiply-add" : ""}.`,
  ];
  if (ctx.applied.length) parts.push(`Already applied to this version:\n${ctx.applied.map((p) => `- ${JSON.stringify(p)}`).join("\n")}`);
  if (ctx.history.length) parts.push(`Earlier proposals and their verdicts:\n${ctx.history.map(describeAttempt).join("\n")}`);
  parts.push(`Propose one new improvement for @${ctx.functionName} as JSON:`);
  return parts.join("\n\n");
}

/** Takes the first balanced JSON object out of a model's answer (models add prose or fences). */
export function extractJson(text: string): string | undefined {
  const start = text.indexOf("{");
  if (start < 0) return undefined;
  let depth = 0, inStr = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inStr) { if (ch === "\\") i++; else if (ch === '"') inStr = false; continue; }
    if (ch === '"') inStr = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

export function parseProposal(text: string, functionName: string): { proposal?: Proposal; error?: string } {
  const json = extractJson(text);
  if (!json) return { error: "no JSON object in the answer" };
  const v = validateProposal(json);
  if (!v.ok) return { error: `invalid proposal: ${v.errors}` };
  if (v.value.target_function !== functionName) return { error: `proposal targets @${v.value.target_function}, expected @${functionName}` };
  return { proposal: v.value };
}

export interface LlmProposerOptions {
  /** Defaults for every query (maxTokens, timeoutMs, temperature, seed ...). */
  query?: QueryOptions;
  /** Ask for mutations through a GBNF grammar (llama) rather than the JSON schema. */
  grammar?: boolean;
  /** Queries per expansion (each is one proposal); default 2. */
  queriesPerExpansion?: number;
  system?: string;
  buildPrompt?(ctx: ProposalContext): string;
}

export class LlmProposer implements Proposer {
  readonly name = "llm";
  constructor(private readonly runner: ModelRunner, private readonly opts: LlmProposerOptions = {}) {}

  async propose(ctx: ProposalContext): Promise<ProposalResult[]> {
    const prompt = (this.opts.buildPrompt ?? buildOptimizePrompt)(ctx);
    const n = Math.max(1, Math.min(ctx.count, this.opts.queriesPerExpansion ?? 2));
    const out: ProposalResult[] = [];
    for (let i = 0; i < n; i++) {
      if (ctx.signal?.aborted) break;
      const base = this.opts.query ?? {};
      const q: QueryOptions = {
        maxTokens: 256, timeoutMs: 30_000, ...base, signal: ctx.signal, system: this.opts.system ?? OPTIMIZE_SYSTEM_PROMPT,
        seed: (base.seed ?? 0) + ctx.history.length * 7 + i,
        ...(this.opts.grammar === false ? { jsonSchema: proposalJsonSchema } : { grammar: proposalGrammar([ctx.functionName]), jsonSchema: proposalJsonSchema }),
      };
      const t0 = Date.now();
      try {
        const r = this.runner.queryDetailed ? await this.runner.queryDetailed(prompt, q) : { text: await this.runner.query(prompt, q), generatedTokens: 0 };
        const parsed = parseProposal(r.text, ctx.functionName);
        out.push({ ...parsed, raw: r.text, tokens: r.generatedTokens, prompt, ms: Date.now() - t0 });
      } catch (e) {
        out.push({ error: `model query failed: ${(e as Error).message}`, raw: "", prompt, ms: Date.now() - t0 });
      }
    }
    return out;
  }
}
