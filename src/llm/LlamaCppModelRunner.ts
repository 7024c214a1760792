// llama.cpp through node-llama-cpp 3.21.1. One model, one context, one sequence kept for the
// runner's life, so a prompt sharing a prefix with the previous one (system prompt + program IR)
// evaluates only its new suffix. Prefill runs in chunks with the deadline checked between them,
// because node-llama-cpp does not honour abort signals during prompt evaluation.
import { existsSync } from "node:fs";
import type {
  ChatHistoryItem, ChatWrapper, Llama, LlamaCompletion, LlamaContext, LlamaContextSequence, LlamaGrammar,
  LlamaModel, Token,
} from "node-llama-cpp";
import type { LoadOptions, ModelRunner, QueryOptions, QueryResult, StopReason } from "./ModelRunner.js";
import { DEFAULT_MAX_TOKENS, Deadline, ModelError, SerialRunner, SetupError } from "./bounded.js";
import { FILE_TYPE_NAMES, GGML_TYPE_NAMES, ModelFileError, readGgufHeader, validateGguf, type GgufHeader } from "./gguf.js";

type NodeLlamaCpp = typeof import("node-llama-cpp");

export interface LlamaRunnerInfo {
  /** "CPU", "CUDA", "Vulkan" or "Metal" */
  backend: string;
  gpuDevices: string[];
  /** Layers offloaded to the GPU, and the model's total (blocks + output). */
  gpuLayers: number;
  totalLayers: number;
  contextSize: number;
  batchSize: number;
  threads: number;
  /** Name of the chat wrapper in use, or undefined for plain completion. */
  chatWrapper?: string;
  architecture: string;
  quantization: string;
}

/** One line for people: `Vulkan (NVIDIA H100 80GB HBM3), 17/17 layers offloaded, 16 threads, Q4_0`. */
export function describeLlamaInfo(i: LlamaRunnerInfo): string {
  return `${i.backend}${i.gpuDevices.length ? ` (${i.gpuDevices.join(", ")})` : ""}, ` +
    `${i.gpuLayers}/${i.totalLayers} layers offloaded, ${i.threads} thread${i.threads === 1 ? "" : "s"}, ${i.quantization}`;
}

/** A prefill chunk is sized to take at most this long, so an abort is noticed promptly... */
const PREFILL_ABORT_LATENCY_MS = 400;
/** ...and to end at most this long after the time limit. */
const PREFILL_OVERSHOOT_MS = 150;
const FIRST_PREFILL_CHUNK = 32;
/** Below ~32 tokens a batch prefills ~30% less per CPU-second (measured on a 100M Q4_0 model). */
const MIN_PREFILL_CHUNK = 32;

const BACKEND_NAMES: Record<string, string> = { cuda: "CUDA", vulkan: "Vulkan", metal: "Metal" };

let nlcPromise: Promise<NodeLlamaCpp> | undefined;
function nodeLlamaCpp(): Promise<NodeLlamaCpp> {
  nlcPromise ??= import("node-llama-cpp");
  return nlcPromise;
}

/**
 * llama.cpp's threads spin while waiting: on a 2-core machine with anything else running,
 * 2 threads decoded ~20x slower than 1 (measured). Leave a core free; cap at 8.
 */
function defaultThreads(cores: number): number {
  return cores <= 2 ? 1 : Math.min(8, cores - 1);
}

/**
 * A GPU backend compiles its kernels per shape on first use. After one 40-token batch without
 * logits (the warm-up before), a 1,500-token prompt's first token took 4.3-6.7 s on a fresh H100
 * (Vulkan) instead of ~60 ms. So run what a query runs: short, medium and long prompts (every
 * batch size class, attention over a long cache), each ending in one generated token (the
 * output layer, a decode step); then forget it all. That first token then took 215-235 ms, and
 * loading 13-14 s instead of 7-9 (bench/llm --sections ttft, shader disk cache off).
 */
export async function warmUpSequence(model: LlamaModel, sequence: LlamaContextSequence): Promise<void> {
  const text = model.tokenize("warm up the backend ".repeat(512));
  const room = sequence.contextSize - 2;
  for (const n of [16, 48, 1536]) {
    await sequence.clearHistory();
    const prompt = Array.from({ length: Math.max(1, Math.min(n, room)) }, (_, i) => text[i % text.length]);
    for await (const _ of sequence.evaluate(prompt)) break; // one token
  }
  await sequence.clearHistory();
}

export class LlamaCppModelRunner extends SerialRunner implements ModelRunner {
  private llama?: Llama;
  private model?: LlamaModel;
  private context?: LlamaContext;
  private sequence?: LlamaContextSequence;
  private completion?: LlamaCompletion;
  private chatWrapper?: ChatWrapper;
  private header?: GgufHeader;
  private grammars = new Map<string, Promise<LlamaGrammar>>();
  private loadOptions: LoadOptions = {};
  /** Measured prompt-evaluation rate, tokens per ms (sizes prefill chunks). */
  private prefillTokPerMs?: number;
  info?: LlamaRunnerInfo;
  lastQueryInfo?: QueryResult;

  constructor(private config: LoadOptions = {}) { super(); }

  async load(modelPath: string, options: LoadOptions = {}): Promise<void> {
    if (this.model) await this.dispose();
    const o: LoadOptions = { ...this.config, ...options };
    this.loadOptions = o;
    this.prefillTokPerMs = undefined;
    // Validate in JS first: llama.cpp can abort the process on a malformed file.
    this.header = validateGguf(modelPath);
    const loras = o.lora === undefined ? [] : Array.isArray(o.lora) ? o.lora : [o.lora];
    for (const f of loras) checkLora(f);
    const nlc = await nodeLlamaCpp();
    let llama: Llama;
    try {
      llama = await nlc.getLlama({ gpu: o.gpu ?? "auto", build: "never", logLevel: nlc.LlamaLogLevel.error, progressLogs: false });
    } catch (e) {
      throw new SetupError(`cannot start llama.cpp (${oneLine(e)})`);
    }
    this.llama = llama;
    const gpuLayers = llama.gpu === false ? 0 : (o.gpuLayers ?? "auto");
    try {
      this.model = await llama.loadModel({
        modelPath, gpuLayers,
        onLoadProgress: o.onProgress ? (p: number) => o.onProgress?.(p) : undefined,
      });
      const threads = o.threads ?? defaultThreads(llama.cpuMathCores);
      const contextSize = Math.min(o.contextSize ?? 4096, this.model.trainContextSize);
      this.context = await this.model.createContext({
        contextSize, batchSize: o.batchSize, threads, sequences: 1,
        lora: loras.length ? { adapters: loras.map((filePath) => ({ filePath })) } : undefined,
      });
    } catch (e) {
      await this.dispose();
      throw new ModelFileError(modelPath, `llama.cpp could not load it (${oneLine(e)})`);
    }
    this.sequence = this.context.getSequence();
    this.completion = new nlc.LlamaCompletion({ contextSequence: this.sequence });
    const md = this.header.metadata;
    if (typeof md.get("tokenizer.chat_template") === "string") {
      try {
        this.chatWrapper = nlc.resolveChatWrapper(this.model) ?? undefined;
      } catch {
        this.chatWrapper = undefined; // an unparsable template: plain completion still works
      }
    }
    const arch = String(md.get("general.architecture"));
    this.info = {
      backend: llama.gpu === false ? "CPU" : BACKEND_NAMES[llama.gpu] ?? String(llama.gpu),
      gpuDevices: llama.gpu === false ? [] : await llama.getGpuDeviceNames(),
      gpuLayers: this.model.gpuLayers,
      totalLayers: Number(md.get(`${arch}.block_count`)) + 1,
      contextSize: this.context.contextSize,
      batchSize: this.context.batchSize,
      threads: this.context.currentThreads,
      chatWrapper: this.chatWrapper?.wrapperName,
      architecture: arch,
      quantization: quantizationOf(this.header),
    };
    if (o.warmup ?? llama.gpu !== false) await this.warmup();
  }

  /** Runs the batch shapes queries use (see warmUpSequence), then forgets them. */
  async warmup(): Promise<void> {
    const { model, sequence } = this.loaded();
    await warmUpSequence(model, sequence);
  }

  /** node-llama-cpp's own count of tokens this sequence evaluated (prompt) and generated. */
  get tokenMeter(): { usedInputTokens: number; usedOutputTokens: number } {
    return this.loaded().sequence.tokenMeter.getState();
  }

  /** Forgets the KV cache (the next query is evaluated cold). */
  async resetCache(): Promise<void> {
    await this.loaded().sequence.clearHistory();
  }

  /** Tokens currently held in the sequence's KV cache. */
  get contextTokenCount(): number {
    return this.loaded().sequence.nextTokenIndex;
  }

  /** The prompt's tokens as they will be evaluated (template applied, BOS included). */
  tokenizePrompt(prompt: string, system?: string): Token[] {
    return this.promptTokens(prompt, system).tokens;
  }

  protected async runQuery(prompt: string, o: QueryOptions, deadline: Deadline, start: number): Promise<QueryResult> {
    deadline.check();
    const { sequence, completion } = this.loaded();
    const { tokens, stopTriggers } = this.promptTokens(prompt, o.system);
    const room = sequence.contextSize - tokens.length;
    if (room < 1)
      throw new ModelError(`prompt of ${tokens.length} tokens does not fit the context of ${sequence.contextSize} (raise --ctx-size)`);
    const maxTokens = Math.min(o.maxTokens ?? DEFAULT_MAX_TOKENS, room);
    const grammar = await this.grammarFor(o);
    deadline.check();
    const meterBefore = sequence.tokenMeter.getState().usedInputTokens;
    await this.prefill(tokens.slice(0, -1), deadline);
    // LlamaCompletion prepends BOS itself, then finds everything but the last token in the cache.
    const bos = this.bosToPrepend();
    const input = bos !== undefined && tokens[0] === bos ? tokens.slice(1) : tokens;
    let ttftMs: number | undefined;
    let generated = 0;
    // An empty trigger list still makes node-llama-cpp detokenize and scan every token.
    const triggers = [...(o.stop ?? []).filter((s) => s !== ""), ...stopTriggers];
    const res = await completion.generateCompletionWithMeta(input, {
      signal: deadline.signal, stopOnAbortSignal: true, maxTokens,
      temperature: o.temperature ?? 0, topK: o.topK, topP: o.topP,
      seed: o.seed ?? this.loadOptions.seed,
      grammar,
      customStopTriggers: triggers.length ? triggers : undefined,
      disableContextShift: true,
      // a grammar-constrained answer must not be cut by a repeat penalty on JSON punctuation
      repeatPenalty: grammar ? false : undefined,
      onToken: (t) => {
        ttftMs ??= performance.now() - start;
        generated += t.length;
      },
    }).catch((e: unknown) => {
      if (deadline.aborted) throw deadline.error("");
      throw new ModelError(`llama.cpp generation failed (${oneLine(e)})`);
    });
    if (res.metadata.stopReason === "abort" || deadline.aborted) throw deadline.error(res.response);
    const stopReason: StopReason = res.metadata.stopReason === "maxTokens" ? "maxTokens"
      : res.metadata.stopReason === "eogToken" ? "eos" : "stop";
    this.lastQueryInfo = {
      text: res.response, stopReason, truncated: stopReason === "maxTokens",
      promptTokens: tokens.length,
      evaluatedPromptTokens: sequence.tokenMeter.getState().usedInputTokens - meterBefore,
      generatedTokens: generated, ttftMs, totalMs: performance.now() - start,
    };
    return this.lastQueryInfo;
  }

  /**
   * Brings the KV cache to `target`, reusing the shared prefix, in chunks between which the
   * deadline is checked. Big chunks prefill faster (16-token chunks: 296 tokens per CPU-second,
   * 128: 454, on a 100M Q4_0 model), so a chunk is as large as the batch allows while it
   * is expected to end within PREFILL_OVERSHOOT_MS of the time limit and, when the caller
   * passed a signal (an abort can come at any moment), within PREFILL_ABORT_LATENCY_MS.
   */
  private async prefill(target: Token[], deadline: Deadline): Promise<void> {
    const { sequence } = this.loaded();
    await sequence.adaptStateToTokens(target, false);
    let at = sequence.nextTokenIndex;
    const maxChunk = Math.max(FIRST_PREFILL_CHUNK, this.context?.batchSize ?? 512);
    while (at < target.length) {
      deadline.check();
      // without a caller's signal only the time limit can end the query, and its moment is known
      const untilLimit = deadline.remainingMs() + PREFILL_OVERSHOOT_MS;
      const budgetMs = deadline.abortable ? Math.min(PREFILL_ABORT_LATENCY_MS, untilLimit) : untilLimit;
      const chunk = this.prefillTokPerMs === undefined ? FIRST_PREFILL_CHUNK
        : Math.max(MIN_PREFILL_CHUNK, Math.min(maxChunk, Math.floor(this.prefillTokPerMs * budgetMs)));
      const piece = target.slice(at, at + chunk);
      const t0 = performance.now();
      await sequence.evaluateWithoutGeneratingNewTokens(piece);
      const rate = piece.length / Math.max(1, performance.now() - t0);
      // a small chunk understates the rate of a big one; an EMA keeps one slow chunk from dominating
      this.prefillTokPerMs = this.prefillTokPerMs === undefined ? rate : 0.5 * this.prefillTokPerMs + 0.5 * rate;
      at += piece.length;
    }
    deadline.check();
  }

  private bosToPrepend(): Token | undefined {
    const m = this.loaded().model;
    // as node-llama-cpp's resolveBeginningTokenToPrepend for SPM/BPE vocabularies
    return m.tokens.shouldPrependBosToken && m.tokens.bos != null ? m.tokens.bos : undefined;
  }

  private promptTokens(prompt: string, system?: string): { tokens: Token[]; stopTriggers: string[] } {
    const { model } = this.loaded();
    let tokens: Token[];
    const stopTriggers: string[] = [];
    if (this.chatWrapper) {
      const history: ChatHistoryItem[] = [];
      if (system) history.push({ type: "system", text: system });
      history.push({ type: "user", text: prompt }, { type: "model", response: [] });
      const state = this.chatWrapper.generateContextState({ chatHistory: history });
      tokens = state.contextText.tokenize(model.tokenizer);
      for (const t of state.stopGenerationTriggers) {
        const s = t.toString();
        if (s) stopTriggers.push(s);
      }
    } else {
      tokens = model.tokenize(system ? `${system}\n\n${prompt}` : prompt, false);
    }
    const bos = this.bosToPrepend();
    if (bos !== undefined && tokens[0] !== bos) tokens = [bos, ...tokens];
    return { tokens, stopTriggers };
  }

  private grammarFor(o: QueryOptions): Promise<LlamaGrammar> | undefined {
    const llama = this.llama;
    if (!llama) return undefined;
    if (o.grammar !== undefined) {
      const key = `gbnf:${o.grammar}`;
      if (!this.grammars.has(key)) {
        const g = llama.createGrammar({ grammar: o.grammar }).catch((e: unknown) => {
          this.grammars.delete(key);
          throw new ModelError(`invalid GBNF grammar (${oneLine(e)})`);
        });
        this.grammars.set(key, g);
      }
      return this.grammars.get(key);
    }
    if (o.jsonSchema !== undefined) {
      const key = `json:${JSON.stringify(o.jsonSchema)}`;
      if (!this.grammars.has(key)) {
        // node-llama-cpp's schema type is narrower than JSON Schema; it rejects what it cannot express
        const schema = o.jsonSchema as Parameters<Llama["createGrammarForJsonSchema"]>[0];
        const g = llama.createGrammarForJsonSchema(schema).catch((e: unknown) => {
          this.grammars.delete(key);
          throw new ModelError(`unsupported JSON schema (${oneLine(e)})`);
        });
        this.grammars.set(key, g as Promise<LlamaGrammar>);
      }
      return this.grammars.get(key);
    }
    return undefined;
  }

  private loaded(): { llama: Llama; model: LlamaModel; sequence: LlamaContextSequence; completion: LlamaCompletion } {
    if (!this.llama || !this.model || !this.sequence || !this.completion)
      throw new ModelError("no model loaded (call load() first)");
    return { llama: this.llama, model: this.model, sequence: this.sequence, completion: this.completion };
  }

  async dispose(): Promise<void> {
    this.completion?.dispose();
    this.grammars.clear();
    if (this.context && !this.context.disposed) await this.context.dispose();
    if (this.model && !this.model.disposed) await this.model.dispose();
    this.completion = undefined;
    this.sequence = undefined;
    this.context = undefined;
    this.model = undefined;
    this.chatWrapper = undefined;
  }
}

function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0].slice(0, 300);
}

function checkLora(file: string): void {
  if (!existsSync(file)) throw new ModelFileError(file, "LoRA adapter: no such file");
  const h = readGgufHeader(file);
  const type = h.metadata.get("general.type");
  // llama.cpp refuses anything else anyway, but with a message that names the model file
  if (type !== "adapter") throw new ModelFileError(file, `not a LoRA adapter (general.type is ${type === undefined ? "missing" : String(type)})`);
}

/** The quantization a file is known by: general.file_type, else its most common tensor type. */
export function quantizationOf(h: GgufHeader): string {
  const ft = h.metadata.get("general.file_type");
  if (typeof ft === "number" && FILE_TYPE_NAMES[ft]) return FILE_TYPE_NAMES[ft];
  const counts = new Map<number, number>();
  for (const t of h.tensors) if (t.dims.length > 1) counts.set(t.type, (counts.get(t.type) ?? 0) + t.dims.reduce((a, b) => a * b, 1));
  let best = -1, n = -1;
  for (const [t, c] of counts) if (c > n) { best = t; n = c; }
  return best < 0 ? "unknown" : GGML_TYPE_NAMES[best] ?? `type ${best}`;
}
