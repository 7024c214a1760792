// Where the search gets candidates: one interface, fed the target IR, what was tried before
// (with verdicts) and the machine; implemented by LlmProposer and HeuristicProposer.
import os from "node:os";
import type { Proposal } from "./schema.js";

export type Verdict =
  | "accepted" | "parse-error" | "verify-error" | "compile-error" | "trap" | "timeout"
  | "out-of-memory" | "wrong-result" | "slower" | "rejected";
export const VERDICTS: readonly Verdict[] = ["accepted", "parse-error", "verify-error", "compile-error", "trap", "timeout",
  "out-of-memory", "wrong-result", "slower", "rejected"];

export interface Attempt {
  proposal: Proposal | { raw: string };
  verdict: Verdict;
  reason?: string;
  speedup?: number;
}

export interface MachineInfo { cores: number; simd: "wasm-simd128"; relaxedSimd: boolean }

export function machineInfo(): MachineInfo {
  return { cores: os.availableParallelism?.() ?? os.cpus().length, simd: "wasm-simd128", relaxedSimd: true };
}

export interface ProposalContext {
  functionName: string;
  /** The target function's current IR (printed). */
  ir: string;
  /** The whole module with that version of the function (what mutations apply to). */
  moduleText: string;
  /** Table of the function's loops (L0, L1, ...) as the prompt shows it. */
  loopTable: string;
  /** Mutations already applied on the path to this state (the search tree's path). */
  applied: readonly Proposal[];
  history: readonly Attempt[];
  machine: MachineInfo;
  /** How many proposals the search would like. */
  count: number;
  signal?: AbortSignal;
}

/** A proposal plus what it cost to get (model tokens, raw text for the experience log). */
export interface ProposalResult {
  proposal?: Proposal;
  /** The model's raw answer (LLM proposers); a failed parse keeps it for the log. */
  raw?: string;
  error?: string;
  tokens?: number;
  prompt?: string;
  ms?: number;
}

export interface Proposer {
  readonly name: string;
  propose(ctx: ProposalContext): Promise<ProposalResult[]>;
}
