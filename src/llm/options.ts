// Model flags shared by the CLIs, and turning them into a loaded runner. Every user mistake
// (bad flag value, missing or non-GGUF file, no endpoint) is a SetupError: one line, exit 2.
import type { Command } from "commander";
import { createModelRunner, type LoadOptions, type ModelRunner, type QueryOptions, type QueryResult } from "./ModelRunner.js";
import { SetupError } from "./bounded.js";
import { ModelFileError, validateGguf } from "./gguf.js";
import { describeLlamaInfo, type LlamaCppModelRunner } from "./LlamaCppModelRunner.js";

export interface ModelCliOptions {
  runner?: string;
  modelPath?: string;
  gpuLayers?: string;
  ctxSize?: string;
  threads?: string;
  maxTokens?: string;
  modelTimeoutMs?: string;
  temperature?: string;
  modelSeed?: string;
  lora?: string;
  mockResponses?: string;
  openaiUrl?: string;
  openaiModel?: string;
}

export const RUNNER_CHOICES = ["mock", "llama", "openai", "heuristic", "none"] as const;
export type RunnerChoice = (typeof RUNNER_CHOICES)[number];

/** Adds the model flags to a command (values stay strings; runnerFromOptions checks them). */
export function addModelOptions(cmd: Command): Command {
  return cmd
    .option("--runner <kind>", "proposal source: mock|llama|openai|heuristic|none (default: heuristic, or llama with --model-path)")
    .option("--model-path <file>", "GGUF model for the embedded LLM (implies --runner llama)")
    .option("--gpu-layers <n|auto>", "layers to offload to the GPU (auto, a number, 0 = CPU)")
    .option("--ctx-size <n>", "model context size in tokens (default 4096)")
    .option("--threads <n>", "CPU threads for the model")
    .option("--max-tokens <n>", "generation limit per model query (default 256)")
    .option("--model-timeout-ms <n>", "wall-clock limit per model query (default 60000)")
    .option("--temperature <t>", "sampling temperature (default 0 = greedy)")
    .option("--model-seed <n>", "sampling seed")
    .option("--lora <file>", "LoRA adapter (GGUF) applied to the model")
    .option("--mock-responses <file>", "JSONL script for --runner mock")
    .option("--openai-url <url>", "OpenAI-compatible endpoint (or TENSORLANG_OPENAI_BASE_URL)")
    .option("--openai-model <name>", "model name at that endpoint (or TENSORLANG_OPENAI_MODEL)");
}

function int(flag: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v.trim()) || Number(v) < min) throw new SetupError(`${flag} expects an integer >= ${min}, got '${v}'`);
  return Number(v);
}

function num(flag: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n) || n < min || n > max) throw new SetupError(`${flag} expects a number in [${min}, ${max}], got '${v}'`);
  return n;
}

/** The runner kind the flags ask for. */
export function runnerChoice(o: ModelCliOptions): RunnerChoice {
  const r = o.runner;
  if (r !== undefined && !(RUNNER_CHOICES as readonly string[]).includes(r))
    throw new SetupError(`--runner expects one of ${RUNNER_CHOICES.join(", ")}, got '${r}'`);
  if (o.modelPath !== undefined && r !== undefined && r !== "llama")
    throw new SetupError(`--model-path implies --runner llama, but --runner ${r} was given`);
  if (o.modelPath !== undefined) return "llama";
  return (r as RunnerChoice | undefined) ?? "heuristic";
}

/** Query defaults from the flags (--max-tokens, --model-timeout-ms, --temperature, --model-seed). */
export function queryDefaultsFromOptions(o: ModelCliOptions): QueryOptions {
  const d: QueryOptions = {};
  const maxTokens = int("--max-tokens", o.maxTokens, 1);
  const timeoutMs = int("--model-timeout-ms", o.modelTimeoutMs, 1);
  const temperature = num("--temperature", o.temperature, 0, 10);
  const seed = int("--model-seed", o.modelSeed, 0);
  if (maxTokens !== undefined) d.maxTokens = maxTokens;
  if (timeoutMs !== undefined) d.timeoutMs = timeoutMs;
  if (temperature !== undefined) d.temperature = temperature;
  if (seed !== undefined) d.seed = seed;
  return d;
}

/** LoadOptions from the flags (--gpu-layers, --ctx-size, --threads, --model-seed, --lora). */
export function loadOptionsFromOptions(o: ModelCliOptions): LoadOptions {
  const l: LoadOptions = {};
  if (o.gpuLayers !== undefined) l.gpuLayers = o.gpuLayers === "auto" ? "auto" : int("--gpu-layers", o.gpuLayers, 0);
  const ctx = int("--ctx-size", o.ctxSize, 64);
  if (ctx !== undefined) l.contextSize = ctx;
  const threads = int("--threads", o.threads, 1);
  if (threads !== undefined) l.threads = threads;
  const seed = int("--model-seed", o.modelSeed, 0);
  if (seed !== undefined) l.seed = seed;
  if (o.lora !== undefined) l.lora = o.lora;
  return l;
}

/** A runner whose queries start from `defaults` (the caller's options win). */
export function withQueryDefaults(inner: ModelRunner, defaults: QueryOptions): ModelRunner {
  if (Object.keys(defaults).length === 0) return inner;
  const merged = (o?: QueryOptions): QueryOptions => ({ ...defaults, ...o });
  const wrapped: ModelRunner = {
    load: (p, lo) => inner.load(p, lo),
    query: (p, o) => inner.query(p, merged(o)),
    dispose: () => inner.dispose(),
    get lastQueryInfo(): QueryResult | undefined { return inner.lastQueryInfo; },
  };
  if (inner.queryDetailed) {
    const qd = inner.queryDetailed.bind(inner);
    wrapped.queryDetailed = (p, o) => qd(p, merged(o));
  }
  // keep the llama runner's backend report (LlamaCppModelRunner.info) visible through the wrapper
  if ("info" in inner) Object.defineProperty(wrapped, "info", { get: () => (inner as { info?: unknown }).info, enumerable: true });
  return wrapped;
}

/** A cli-progress bar on a TTY, nothing otherwise. */
async function progressReporter(label: string): Promise<{ update: (f: number) => void; stop: () => void }> {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const { SingleBar, Presets } = (await import("cli-progress")).default;
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}%`, stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  bar.start(100, 0);
  return { update: (f) => bar.update(Math.round(f * 100)), stop: () => bar.stop() };
}

/**
 * Builds and loads the runner the flags ask for: a ModelRunner, "heuristic" (no model), or
 * undefined (--runner none). Throws SetupError for every user mistake; nothing stays half-loaded.
 */
export async function runnerFromOptions(o: ModelCliOptions): Promise<ModelRunner | undefined | "heuristic"> {
  const choice = runnerChoice(o);
  const defaults = queryDefaultsFromOptions(o);
  switch (choice) {
    case "none": return undefined;
    case "heuristic": return "heuristic";
    case "mock": {
      const r = createModelRunner("mock", { script: o.mockResponses });
      return withQueryDefaults(r, defaults);
    }
    case "openai": {
      const r = createModelRunner("openai", { baseUrl: o.openaiUrl, model: o.openaiModel });
      await r.load("");
      return withQueryDefaults(r, defaults);
    }
    case "llama": {
      const file = o.modelPath;
      if (!file) throw new SetupError("--runner llama needs --model-path FILE");
      const load = loadOptionsFromOptions(o);
      try {
        validateGguf(file);
      } catch (e) {
        if (e instanceof ModelFileError) throw new SetupError(e.message);
        throw e;
      }
      const bar = await progressReporter(`loading ${file}`);
      const r = createModelRunner("llama");
      const t0 = performance.now();
      try {
        await r.load(file, { ...load, onProgress: bar.update });
      } catch (e) {
        await r.dispose().catch(() => undefined);
        if (e instanceof ModelFileError || e instanceof SetupError) throw new SetupError(e.message);
        throw e;
      } finally {
        bar.stop();
      }
      // where the model runs (did the GPU take it?) is the first thing to know about a slow search
      const info = (r as LlamaCppModelRunner).info;
      if (info) process.stderr.write(`model ${file}: ${describeLlamaInfo(info)}; loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      return withQueryDefaults(r, defaults);
    }
  }
}
