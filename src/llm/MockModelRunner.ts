// Deterministic scripted runner for tests and demos. Answers come from a script (in memory, a
// JSONL file, or a function); with no script it answers one canned mutation proposal for the
// function named in the prompt.
import { readFileSync } from "node:fs";
import type { ModelRunner, QueryOptions, QueryResult } from "./ModelRunner.js";
import { DEFAULT_MAX_TOKENS, Deadline, ModelError, SerialRunner, SetupError } from "./bounded.js";

export type MockRespond = (prompt: string, options: QueryOptions, index: number) => string | Promise<string>;

export interface MockConfig {
  /** Responses in order. */
  responses?: string[];
  /** JSONL script: each line a JSON string, an object {"response": "..."}, or any JSON value (sent as its JSON text). */
  script?: string;
  /** Computes each response (takes precedence over responses/script). */
  respond?: MockRespond;
  /** What to do when the script runs out: start again ("cycle") or throw ("fail", the default). */
  onExhausted?: "cycle" | "fail";
  /** Simulated latency per query (bounded by the query's deadline, so timeouts can be tested). */
  delayMs?: number;
}

/** Mock tokens are ~4 characters, so maxTokens truncates like a real model would. */
export const MOCK_CHARS_PER_TOKEN = 4;

/** Parses a JSONL script; errors name the file and line. */
export function parseMockScript(text: string, file = "<script>"): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new SetupError(`${file}:${i + 1}: mock response is not valid JSON (each line must be a JSON string or object)`);
    }
    if (typeof v === "string") out.push(v);
    else if (v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { response?: unknown }).response === "string")
      out.push((v as { response: string }).response);
    else out.push(JSON.stringify(v));
  });
  return out;
}

export function loadMockScript(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SetupError(`${file}: cannot read mock responses (${code === "ENOENT" ? "no such file" : code ?? String(e)})`);
  }
  const lines = parseMockScript(text, file);
  if (lines.length === 0) throw new SetupError(`${file}: mock responses file is empty`);
  return lines;
}

/** The function a prompt is about: a "target_function" hint, else the first @symbol. */
export function functionNamedIn(prompt: string): string {
  const hint = /"target_function"\s*:\s*"([A-Za-z_][A-Za-z0-9_$.]{0,63})"/.exec(prompt);
  if (hint) return hint[1];
  const target = /target(?:\s+function)?\s*:?\s*@([A-Za-z_][A-Za-z0-9_$.]{0,63})/i.exec(prompt);
  if (target) return target[1];
  const sym = /@([A-Za-z_][A-Za-z0-9_$.]{0,63})/.exec(prompt);
  return sym ? sym[1] : "main";
}

/** One valid proposal: unroll the highest-numbered loop the prompt mentions (often the innermost) by 2. */
export function cannedProposal(prompt: string): string {
  let loop = 0;
  for (const m of prompt.matchAll(/\bL([0-9]{1,2})\b/g)) loop = Math.max(loop, Number(m[1]));
  return JSON.stringify({
    target_function: functionNamedIn(prompt),
    mutations: [{ kind: "unroll", loop: `L${loop}`, factor: 2 }],
  });
}

export class MockModelRunner extends SerialRunner implements ModelRunner {
  private responses: string[] | undefined;
  private index = 0;
  private disposed = false;
  lastQueryInfo?: QueryResult;
  /** Every prompt received, in order (for tests of callers). */
  readonly prompts: string[] = [];

  constructor(private config: MockConfig = {}) {
    super();
    if (config.responses) this.responses = [...config.responses];
    else if (config.script) this.responses = loadMockScript(config.script);
  }

  /** With a path, loads it as a JSONL script (replacing any script given before). */
  async load(modelPath: string): Promise<void> {
    if (modelPath) this.responses = loadMockScript(modelPath);
    this.index = 0;
    this.disposed = false;
  }

  protected async runQuery(prompt: string, options: QueryOptions, deadline: Deadline, start: number): Promise<QueryResult> {
    if (this.disposed) throw new ModelError("model runner was disposed");
    deadline.check();
    const i = this.index++;
    this.prompts.push(prompt);
    if (this.config.delayMs) await deadline.sleep(this.config.delayMs);
    let text = await this.next(prompt, options, i);
    deadline.check();
    const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
    const truncated = text.length > maxTokens * MOCK_CHARS_PER_TOKEN;
    if (truncated) text = text.slice(0, maxTokens * MOCK_CHARS_PER_TOKEN);
    let stopReason: QueryResult["stopReason"] = truncated ? "maxTokens" : "eos";
    for (const s of options.stop ?? []) {
      const at = s ? text.indexOf(s) : -1;
      if (at >= 0) { text = text.slice(0, at); stopReason = "stop"; }
    }
    const ms = performance.now() - start;
    const promptTokens = Math.ceil(prompt.length / MOCK_CHARS_PER_TOKEN);
    this.lastQueryInfo = {
      text, stopReason, truncated: stopReason === "maxTokens", promptTokens, evaluatedPromptTokens: promptTokens,
      generatedTokens: Math.ceil(text.length / MOCK_CHARS_PER_TOKEN), ttftMs: ms, totalMs: ms,
    };
    return this.lastQueryInfo;
  }

  private async next(prompt: string, options: QueryOptions, i: number): Promise<string> {
    if (this.config.respond) return await this.config.respond(prompt, options, i);
    const r = this.responses;
    if (!r) return cannedProposal(prompt);
    if (r.length === 0) throw new ModelError("mock script has no responses");
    if (i >= r.length) {
      if (this.config.onExhausted !== "cycle")
        throw new ModelError(`mock script exhausted: all ${r.length} responses used (query ${i + 1})`);
      return r[i % r.length];
    }
    return r[i];
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }
}
