// Any OpenAI-compatible /v1/chat/completions server (llama.cpp server, vLLM, Ollama): the path
// for models too big for this machine. Retries 429/5xx with backoff; other failures are one-line
// ModelErrors.
import type { ModelRunner, QueryOptions, QueryResult, StopReason } from "./ModelRunner.js";
import { DEFAULT_MAX_TOKENS, Deadline, ModelError, SerialRunner, SetupError } from "./bounded.js";

export interface OpenAIConfig {
  /** e.g. http://127.0.0.1:8080 or https://host/v1; default $TENSORLANG_OPENAI_BASE_URL. */
  baseUrl?: string;
  apiKey?: string;
  model?: string;
  /** Per-HTTP-request limit; the query's timeoutMs bounds the whole query including retries. */
  requestTimeoutMs?: number;
  /** Retries after a 429/5xx/network error; default 3. */
  retries?: number;
  /** First backoff delay; doubles each retry (a Retry-After header wins when shorter than 30 s). */
  backoffMs?: number;
  env?: NodeJS.ProcessEnv;
}

interface ChatResponse {
  choices?: { message?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
  error?: { message?: string } | string;
}

/** Joins base URL and path whether or not the base already ends in /v1. */
export function completionsUrl(base: string): string {
  const b = base.replace(/\/+$/, "");
  return /\/v1$/.test(b) ? `${b}/chat/completions` : `${b}/v1/chat/completions`;
}

export class OpenAIModelRunner extends SerialRunner implements ModelRunner {
  private baseUrl: string;
  private apiKey?: string;
  private model: string;
  lastQueryInfo?: QueryResult;
  /** HTTP attempts made by the last query (1 = no retry). */
  lastAttempts = 0;

  constructor(private config: OpenAIConfig = {}) {
    super();
    const env = config.env ?? process.env;
    this.baseUrl = config.baseUrl ?? env.TENSORLANG_OPENAI_BASE_URL ?? "";
    this.apiKey = config.apiKey ?? env.TENSORLANG_OPENAI_API_KEY;
    this.model = config.model ?? env.TENSORLANG_OPENAI_MODEL ?? "";
  }

  /** A non-empty modelPath names the server-side model; checks that an endpoint is configured. */
  async load(modelPath: string): Promise<void> {
    if (modelPath) this.model = modelPath;
    if (!this.baseUrl)
      throw new SetupError("no OpenAI-compatible endpoint: pass --openai-url URL or set TENSORLANG_OPENAI_BASE_URL");
    try {
      new URL(completionsUrl(this.baseUrl));
    } catch {
      throw new SetupError(`invalid OpenAI endpoint URL '${this.baseUrl}'`);
    }
  }

  private body(prompt: string, o: QueryOptions): string {
    const messages: { role: string; content: string }[] = [];
    if (o.system) messages.push({ role: "system", content: o.system });
    messages.push({ role: "user", content: prompt });
    const body: Record<string, unknown> = {
      messages, max_tokens: o.maxTokens ?? DEFAULT_MAX_TOKENS, temperature: o.temperature ?? 0, stream: false,
    };
    if (this.model) body.model = this.model;
    if (o.topP !== undefined) body.top_p = o.topP;
    if (o.topK !== undefined) body.top_k = o.topK; // llama.cpp server and vLLM accept it
    if (o.seed !== undefined) body.seed = o.seed;
    if (o.stop?.length) body.stop = o.stop;
    if (o.jsonSchema) body.response_format = { type: "json_schema", json_schema: { name: "response", strict: true, schema: o.jsonSchema } };
    // llama.cpp server extension; it refuses grammar and json_schema together, so the schema wins
    if (o.grammar && !o.jsonSchema) body.grammar = o.grammar;
    return JSON.stringify(body);
  }

  protected async runQuery(prompt: string, o: QueryOptions, deadline: Deadline, start: number): Promise<QueryResult> {
    if (!this.baseUrl)
      throw new SetupError("no OpenAI-compatible endpoint: pass --openai-url URL or set TENSORLANG_OPENAI_BASE_URL");
    const url = completionsUrl(this.baseUrl);
    const body = this.body(prompt, o);
    const retries = this.config.retries ?? 3;
    let backoff = this.config.backoffMs ?? 500;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    for (let attempt = 1; ; attempt++) {
      deadline.check();
      this.lastAttempts = attempt;
      const req = AbortSignal.any([deadline.signal, AbortSignal.timeout(this.config.requestTimeoutMs ?? 30_000)]);
      let status: number, text: string, retryAfter: string | null = null;
      try {
        const res = await fetch(url, { method: "POST", headers, body, signal: req });
        status = res.status;
        retryAfter = res.headers.get("retry-after");
        text = await res.text();
      } catch (e) {
        deadline.check();
        const why = req.aborted ? `request timed out after ${this.config.requestTimeoutMs ?? 30_000} ms`
          : `cannot reach ${url} (${causeOf(e)})`;
        if (attempt > retries) throw new ModelError(`OpenAI endpoint: ${why}`);
        await deadline.sleep(backoff);
        backoff *= 2;
        continue;
      }
      if (status === 429 || status >= 500) {
        if (attempt > retries)
          throw new ModelError(`OpenAI endpoint ${url} answered HTTP ${status} after ${attempt} attempts: ${errorText(text)}`);
        const ra = Number(retryAfter);
        await deadline.sleep(Number.isFinite(ra) && ra > 0 && ra < 30 ? ra * 1000 : backoff);
        backoff *= 2;
        continue;
      }
      if (status < 200 || status >= 300) {
        const hint = status === 401 || status === 403 ? " (check TENSORLANG_OPENAI_API_KEY)" : status === 404 ? " (check the URL and model name)" : "";
        throw new ModelError(`OpenAI endpoint ${url} answered HTTP ${status}${hint}: ${errorText(text)}`);
      }
      return this.result(text, start);
    }
  }

  private result(text: string, start: number): QueryResult {
    let parsed: ChatResponse;
    try {
      parsed = JSON.parse(text) as ChatResponse;
    } catch {
      throw new ModelError(`OpenAI endpoint returned a body that is not JSON: ${text.slice(0, 120)}`);
    }
    const choice = parsed.choices?.[0];
    const content = choice?.message?.content;
    if (typeof content !== "string") throw new ModelError("OpenAI endpoint returned no choices[0].message.content");
    const finish = choice?.finish_reason;
    const stopReason: StopReason = finish === "length" ? "maxTokens" : finish === "stop" ? "eos" : "stop";
    const ms = performance.now() - start;
    this.lastQueryInfo = {
      text: content, stopReason, truncated: stopReason === "maxTokens",
      promptTokens: parsed.usage?.prompt_tokens ?? 0, evaluatedPromptTokens: parsed.usage?.prompt_tokens ?? 0,
      generatedTokens: parsed.usage?.completion_tokens ?? 0, ttftMs: ms, totalMs: ms,
    };
    return this.lastQueryInfo;
  }

  async dispose(): Promise<void> {}
}

function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}

function errorText(body: string): string {
  try {
    const j = JSON.parse(body) as ChatResponse;
    const m = typeof j.error === "string" ? j.error : j.error?.message;
    if (m) return m.split("\n")[0].slice(0, 200);
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.split("\n")[0].slice(0, 200) || "(empty body)";
}
