// Experience log: one JSONL record per model query (prompt, response, parsed proposal,
// verdict, speedup, model, timings), for fine-tuning a model later.
import { appendFileSync } from "node:fs";

export interface ExperienceRecord {
  time: string;
  function: string;
  proposer: string;
  model?: string;
  prompt?: string;
  response?: string;
  proposal?: unknown;
  verdict: string;
  reason?: string;
  speedup?: number;
  queryMs?: number;
  tokens?: number;
}

export class ExperienceLog {
  constructor(readonly file: string | undefined) {}
  append(r: Omit<ExperienceRecord, "time">): void {
    if (!this.file) return;
    // One appendFileSync per record keeps lines whole even if the process dies mid-run.
    appendFileSync(this.file, JSON.stringify({ time: new Date().toISOString(), ...r }) + "\n");
  }
}
