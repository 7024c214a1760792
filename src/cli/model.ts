#!/usr/bin/env node
// tensorlang-model: make a seeded random test model, or describe a GGUF file.
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Command, CommanderError } from "commander";
import { ModelFileError, validateGguf, type GgufHeader } from "../llm/gguf.js";
import { makeTestModel, type Quant } from "../llm/testModel.js";
import { quantizationOf } from "../llm/LlamaCppModelRunner.js";
import { SetupError } from "../llm/bounded.js";

function int(flag: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new SetupError(`${flag} expects an integer >= ${min}, got '${v}'`);
  return Number(v);
}

function parameterCount(h: GgufHeader): number {
  return h.tensors.reduce((s, t) => s + t.dims.reduce((a, b) => a * b, 1), 0);
}

function human(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(2)}B` : n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}K` : String(n);
}

/** What llama.cpp would use here: backend and layers offloaded with gpuLayers "auto". */
async function offloadHere(file: string, totalLayers: number): Promise<string> {
  try {
    const nlc = await import("node-llama-cpp");
    const llama = await nlc.getLlama({ gpu: "auto", build: "never", logLevel: nlc.LlamaLogLevel.error, progressLogs: false });
    if (llama.gpu === false || !llama.supportsGpuOffloading) return `CPU (no GPU backend available), 0/${totalLayers} layers offloaded`;
    const info = await nlc.readGgufFileInfo(file, { logWarnings: false });
    const insights = await nlc.GgufInsights.from(info, llama);
    const { gpuLayers } = await insights.configurationResolver.resolveModelGpuLayersV2("auto");
    const devices = (await llama.getGpuDeviceNames()).join(", ");
    const name = { cuda: "CUDA", vulkan: "Vulkan", metal: "Metal" }[llama.gpu] ?? String(llama.gpu);
    return `${name}${devices ? ` (${devices})` : ""}, ${gpuLayers}/${insights.totalLayers} layers offloaded with --gpu-layers auto`;
  } catch (e) {
    return `unknown (${(e instanceof Error ? e.message : String(e)).split("\n")[0]})`;
  }
}

async function info(file: string): Promise<void> {
  const h = validateGguf(file);
  const md = h.metadata;
  const arch = String(md.get("general.architecture"));
  const get = (k: string): string => (md.has(k) ? String(md.get(`${k}`)) : "?");
  const tokens = md.get("tokenizer.ggml.tokens");
  const template = md.get("tokenizer.chat_template");
  const layers = Number(md.get(`${arch}.block_count`));
  const lines = [
    `file:           ${file}`,
    `name:           ${md.has("general.name") ? String(md.get("general.name")) : "(none)"}`,
    `architecture:   ${arch}`,
    `parameters:     ${human(parameterCount(h))} (${parameterCount(h)})`,
    `quantization:   ${quantizationOf(h)}`,
    `context length: ${get(`${arch}.context_length`)}`,
    `embedding:      ${get(`${arch}.embedding_length`)}, layers: ${layers}, heads: ${get(`${arch}.attention.head_count`)}, ff: ${get(`${arch}.feed_forward_length`)}`,
    `vocabulary:     ${Array.isArray(tokens) ? tokens.length : "?"} tokens (${get("tokenizer.ggml.model")})`,
    `chat template:  ${typeof template === "string" ? JSON.stringify(template.length > 160 ? template.slice(0, 160) + "…" : template) : "none (plain completion)"}`,
    `backend here:   ${await offloadHere(file, layers + 1)}`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

interface MakeTestFlags { layers?: string; dim?: string; ff?: string; heads?: string; quant?: string; seed?: string; ctx?: string }

function makeTest(out: string, f: MakeTestFlags): void {
  const quant = (f.quant ?? "q8_0") as Quant;
  if (!["f32", "f16", "q8_0", "q4_0"].includes(quant)) throw new SetupError(`--quant expects f32, f16, q8_0 or q4_0, got '${f.quant}'`);
  const dim = int("--dim", f.dim, 32);
  if (dim !== undefined && dim % 32 !== 0) throw new SetupError(`--dim must be a multiple of 32, got ${dim}`);
  const start = performance.now();
  let s;
  try {
    s = makeTestModel(out, {
      layers: int("--layers", f.layers, 1), dim, ff: int("--ff", f.ff, 32), heads: int("--heads", f.heads, 1),
      quant, seed: int("--seed", f.seed, 0), contextLength: int("--ctx", f.ctx, 64),
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SetupError(code ? `${out}: cannot write (${code})` : (e as Error).message);
  }
  process.stdout.write(`${out}: llama, ${human(s.parameters)} parameters, ${s.layers} layers, dim ${s.dim}, ff ${s.ff}, ` +
    `${s.heads} heads, vocab ${s.vocab}, ${s.quant} (${((performance.now() - start) / 1000).toFixed(1)} s)\n`);
}

export function buildProgram(): Command {
  const program = new Command("tensorlang-model")
    .description("make and inspect GGUF models for TensorLang's embedded LLM")
    .exitOverride();
  program.command("make-test")
    .description("write a small llama GGUF with seeded random weights and a byte-level tokenizer")
    .argument("<out>", "output .gguf file")
    .option("--layers <n>", "transformer blocks (default 2)")
    .option("--dim <d>", "embedding width, a multiple of 32 (default 64)")
    .option("--ff <n>", "feed-forward width (default ~8/3 dim)")
    .option("--heads <n>", "attention heads (default dim/64)")
    .option("--quant <q>", "f32|f16|q8_0|q4_0 (default q8_0)")
    .option("--seed <s>", "weight seed (default 1)")
    .option("--ctx <n>", "context length recorded in the file (default 4096)")
    .action((out: string, f: MakeTestFlags) => makeTest(out, f));
  program.command("info")
    .description("print architecture, parameters, quantization, context, chat template and backend")
    .argument("<file>", "GGUF model file")
    .action((file: string) => info(file));
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // commander already printed it
    if (e instanceof ModelFileError || e instanceof SetupError) {
      process.stderr.write(`tensorlang-model: error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function isMain(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}
if (isMain()) process.exitCode = await main(process.argv.slice(2));
