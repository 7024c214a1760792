// The one door through which the compiler reaches a language model. Every query is bounded
// (tokens, wall time, abort signal), so nothing in the compiler can hang on a model.
import { MockModelRunner, type MockConfig } from "./MockModelRunner.js";
import { OpenAIModelRunner, type OpenAIConfig } from "./OpenAIModelRunner.js";
import { LlamaCppModelRunner } from "./LlamaCppModelRunner.js";
import { SetupError } from "./bounded.js";

export interface LoadOptions {
  /** Layers to offload to the GPU: "auto" (default), a number, or 0 for CPU only. */
  gpuLayers?: "auto" | number;
  /** GPU backend to ask node-llama-cpp for; "auto" picks the best available, false = CPU. */
  gpu?: "auto" | "cuda" | "vulkan" | "metal" | false;
  contextSize?: number;
  batchSize?: number;
  threads?: number;
  /** Default sampling seed for queries that do not pass one. */
  seed?: number;
  /** LoRA adapter file(s) (GGUF) applied to the context. */
  lora?: string | string[];
  /** Called with load progress in [0, 1]. */
  onProgress?: (fraction: number) => void;
  /** Evaluate and forget batches of the sizes queries use after loading (a GPU backend compiles its kernels per batch size on first use). Default: on when a GPU is used. */
  warmup?: boolean;
}

export interface QueryOptions {
  /** Generation cap; default 256. */
  maxTokens?: number;
  /** Wall-clock limit for the whole query (queueing, prefill and generation); default 60 000. */
  timeoutMs?: number;
  signal?: AbortSignal;
  temperature?: number;
  topK?: number;
  topP?: number;
  seed?: number;
  stop?: string[];
  /** Constrain output to JSON matching this schema. */
  jsonSchema?: object;
  /** Constrain output with a GBNF grammar (llama only; takes precedence over jsonSchema there). */
  grammar?: string;
  system?: string;
}

export type StopReason = "eos" | "stop" | "maxTokens";

export interface QueryResult {
  text: string;
  stopReason: StopReason;
  /** True when generation ended because maxTokens was reached (the text may be incomplete). */
  truncated: boolean;
  /** Prompt tokens after templating (0 where the runner cannot know). */
  promptTokens: number;
  /** Prompt tokens actually evaluated for this query (the rest came from the KV cache). */
  evaluatedPromptTokens: number;
  generatedTokens: number;
  /** Milliseconds from the call to the first generated token (undefined if none). */
  ttftMs?: number;
  totalMs: number;
}

export interface ModelRunner {
  load(modelPath: string, options?: LoadOptions): Promise<void>;
  query(prompt: string, options?: QueryOptions): Promise<string>;
  dispose(): Promise<void>;
  /** Same as query, with metadata (all runners here implement it). */
  queryDetailed?(prompt: string, options?: QueryOptions): Promise<QueryResult>;
  /** Metadata of the last completed query. */
  readonly lastQueryInfo?: QueryResult;
}

export {
  DEFAULT_MAX_TOKENS, DEFAULT_TIMEOUT_MS, ModelError, ModelTimeoutError, ModelAbortError, SetupError,
  Deadline, QueryQueue,
} from "./bounded.js";
export { ModelFileError } from "./gguf.js";

export type LlamaConfig = LoadOptions;
export type RunnerKind = "mock" | "llama" | "openai";
export type RunnerConfig = MockConfig | LlamaConfig | OpenAIConfig;

/**
 * Creates a runner. The llama runner imports node-llama-cpp lazily (at load), so code paths that
 * never use it do not pay for the native addon.
 */
export function createModelRunner(kind: "mock", config?: MockConfig): MockModelRunner;
export function createModelRunner(kind: "llama", config?: LlamaConfig): LlamaCppModelRunner;
export function createModelRunner(kind: "openai", config?: OpenAIConfig): OpenAIModelRunner;
export function createModelRunner(kind: RunnerKind, config?: RunnerConfig): ModelRunner;
export function createModelRunner(kind: RunnerKind, config: RunnerConfig = {}): ModelRunner {
  switch (kind) {
    case "mock": return new MockModelRunner(config as MockConfig);
    case "llama": return new LlamaCppModelRunner(config as LlamaConfig);
    case "openai": return new OpenAIModelRunner(config as OpenAIConfig);
    default: throw new SetupError(`unknown runner kind '${String(kind)}' (expected mock, llama or openai)`);
  }
}
