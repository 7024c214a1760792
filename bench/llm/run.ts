// Embedded-LLM benchmark (not a test). On generated random-weight llama models (same compute as
// trained ones):
//   1. generation tok/s through LlamaCppModelRunner vs node-llama-cpp used directly (overhead %)
//   2. time to first token for a ~1,500-token prompt: cold vs a second prompt sharing 90%
//   3. prompt-evaluation and generation rates for f16 vs q8_0 vs q4_0
// Usage: node dist/bench/llm/run.js [--size 100m|700m|tiny] [--gpu auto|cpu|vulkan|cuda|metal]
//          [--threads N] [--sections overhead,ttft,quant] [--quants f16,q8_0,q4_0] [--dir DIR]
//          [--gen-tokens N] [--reps N]
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { getLlama, LlamaCompletion, LlamaLogLevel, type Token } from "node-llama-cpp";
import { describeLlamaInfo, LlamaCppModelRunner, warmUpSequence } from "../../src/llm/LlamaCppModelRunner.js";
import type { LoadOptions } from "../../src/llm/ModelRunner.js";
import { makeTestModel, type Quant, type TestModelOptions } from "../../src/llm/testModel.js";

const SIZES: Record<string, TestModelOptions> = {
  tiny: { layers: 2, dim: 128 },
  "100m": { layers: 14, dim: 768, ff: 2048, heads: 12 }, // ~99M parameters
  "700m": { layers: 16, dim: 2048, ff: 5632, heads: 16 }, // ~700M parameters (FACTS.md GPU probe)
};

const { values: args } = parseArgs({
  options: {
    size: { type: "string", default: "100m" },
    gpu: { type: "string", default: "auto" },
    threads: { type: "string" },
    sections: { type: "string", default: "overhead,ttft,quant" },
    quants: { type: "string", default: "f16,q8_0,q4_0" },
    dir: { type: "string", default: join(tmpdir(), "tensorlang-bench-models") },
    "gen-tokens": { type: "string", default: "128" },
    "prompt-tokens": { type: "string", default: "1500" },
    reps: { type: "string", default: "3" },
  },
});

const shape = SIZES[args.size];
if (!shape) throw new Error(`--size must be one of ${Object.keys(SIZES).join(", ")}`);
const gpu: LoadOptions["gpu"] = args.gpu === "cpu" ? false : (args.gpu as LoadOptions["gpu"]);
const threads = args.threads ? Number(args.threads) : undefined;
const genTokens = Number(args["gen-tokens"]);
const promptTarget = Number(args["prompt-tokens"]);
const reps = Number(args.reps);
const sections = new Set(args.sections.split(","));
const results: Record<string, unknown> = { size: args.size, gpu: args.gpu, threads: threads ?? "default" };

function modelFile(quant: Quant): string {
  mkdirSync(args.dir, { recursive: true });
  const f = join(args.dir, `bench-${args.size}-${quant}.gguf`);
  if (!existsSync(f)) {
    const t0 = performance.now();
    const s = makeTestModel(f, { ...shape, quant, seed: 42, contextLength: 4096 });
    console.error(`generated ${f}: ${(s.parameters / 1e6).toFixed(1)}M parameters in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return f;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number, d = 1): string => x.toFixed(d);

async function loadRunner(file: string): Promise<LlamaCppModelRunner> {
  const r = new LlamaCppModelRunner();
  const t0 = performance.now();
  await r.load(file, { gpu, threads, contextSize: 4096 }); // warms a GPU up itself
  console.log(`  loaded ${file} in ${fmt((performance.now() - t0) / 1000, 2)} s: ${r.info ? describeLlamaInfo(r.info) : "?"}`);
  return r;
}

/** A prompt of about n tokens: IR-like text, different per `tag`. */
function irText(r: LlamaCppModelRunner, n: number, tag: string): string {
  const line = (i: number): string => `  %${tag}${i} = arith.addf %x${i}, %y${i} : f32 // ${tag} step ${i}\n`;
  let text = "", i = 0;
  while (r.tokenizePrompt(text).length < n) text += line(i++);
  return text;
}

/**
 * Wall time and process CPU time (all threads, llama.cpp's included) of fn. On a shared machine
 * wall-clock rates swing 10x with other load; CPU time per token stays comparable.
 */
async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const c0 = process.cpuUsage(), t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { value, wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

interface Rate { wall: number; cpu: number }

/** Generation through the runner: tokens per wall second (first to last token) and per CPU second. */
async function runnerGenRate(r: LlamaCppModelRunner, prompt: string): Promise<Rate> {
  const m = await measure(() => r.queryDetailed(prompt, { maxTokens: genTokens, temperature: 0, timeoutMs: 600_000 }));
  const d = m.value;
  if (d.ttftMs === undefined || d.generatedTokens < 2) return { wall: NaN, cpu: NaN };
  return { wall: ((d.generatedTokens - 1) * 1000) / (d.totalMs - d.ttftMs), cpu: (d.generatedTokens * 1000) / m.cpuMs };
}

/** node-llama-cpp used directly: own model, context, sequence and LlamaCompletion. */
async function loadDirect(file: string, nThreads?: number) {
  const llama = await getLlama({ gpu: gpu ?? "auto", build: "never", logLevel: LlamaLogLevel.error, progressLogs: false });
  const model = await llama.loadModel({ modelPath: file, gpuLayers: llama.gpu === false ? 0 : "auto" });
  const ctx = await model.createContext({ contextSize: 4096, threads: nThreads, sequences: 1 });
  const seq = ctx.getSequence();
  const completion = new LlamaCompletion({ contextSequence: seq });
  if (llama.gpu !== false) {
    await warmUpSequence(model, seq); // as the runner warms up
  }
  const close = async (): Promise<void> => {
    completion.dispose();
    await ctx.dispose();
    await model.dispose();
  };
  return { seq, completion, close };
}

async function overhead(): Promise<void> {
  console.log(`\n[1] generation through LlamaCppModelRunner vs node-llama-cpp directly (${genTokens} tokens, greedy)`);
  const file = modelFile("q4_0");
  const runner = await loadRunner(file);
  const { seq, completion, close } = await loadDirect(file, runner.info?.threads);
  const prompt = "Propose a tiling for the matmul kernel below.\n";
  const tokens: Token[] = runner.tokenizePrompt(prompt);
  const direct = async (): Promise<Rate> => {
    let first: number | undefined, n = 0;
    const m = await measure(() => completion.generateCompletionWithMeta(tokens.slice(1), {
      maxTokens: genTokens, temperature: 0, disableContextShift: true,
      onToken: (t) => { first ??= performance.now(); n += t.length; },
    }));
    const end = performance.now();
    return first === undefined || n < 2 ? { wall: NaN, cpu: NaN } : { wall: ((n - 1) * 1000) / (end - first), cpu: (n * 1000) / m.cpuMs };
  };
  const viaRunner: Rate[] = [], viaDirect: Rate[] = [];
  await runnerGenRate(runner, prompt); // both warm, interleaved below so drift hits both
  await direct();
  void seq;
  for (let i = 0; i < reps; i++) {
    viaRunner.push(await runnerGenRate(runner, prompt));
    viaDirect.push(await direct());
  }
  const show = (k: keyof Rate, unit: string): [number, number] => {
    const a = median(viaRunner.map((x) => x[k])), b = median(viaDirect.map((x) => x[k]));
    console.log(`  ${unit}: runner ${fmt(a)}, direct ${fmt(b)}, overhead ${fmt((1 - a / b) * 100, 2)}% ` +
      `(median of ${reps}; runner ${viaRunner.map((x) => fmt(x[k])).join(" ")}; direct ${viaDirect.map((x) => fmt(x[k])).join(" ")})`);
    return [a, b];
  };
  const [wa, wb] = show("wall", "tok/s (wall)");
  const [ca, cb] = show("cpu", "tok per CPU-s");
  results.overhead = { runnerTokS: wa, directTokS: wb, overheadPct: (1 - wa / wb) * 100, runnerTokCpuS: ca, directTokCpuS: cb, cpuOverheadPct: (1 - ca / cb) * 100 };
  await close();
  await runner.dispose();
}

async function ttft(): Promise<void> {
  console.log(`\n[2] time to first token, ~${promptTarget}-token prompt: cold vs a second prompt sharing 90%`);
  const runner = await loadRunner(modelFile("q4_0"));
  const shared = irText(runner, Math.round(promptTarget * 0.9), "p");
  const direct = await loadDirect(modelFile("q4_0"), runner.info?.threads);
  const colds: number[] = [], warms: number[] = [], directColds: number[] = [];
  const coldCpu: number[] = [], warmCpu: number[] = [], directCpu: number[] = [];
  const signalCold: number[] = [], signalCpu: number[] = [];
  let promptTokens = 0, evaluated = 0;
  for (let i = 0; i < reps; i++) {
    await runner.resetCache();
    const sa = shared + irText(runner, Math.round(promptTarget * 0.1), `a${i}_`);
    const sb = shared + irText(runner, Math.round(promptTarget * 0.1), `b${i}_`);
    const ma = await measure(() => runner.queryDetailed(sa, { maxTokens: 1, timeoutMs: 600_000 }));
    const mb = await measure(() => runner.queryDetailed(sb, { maxTokens: 1, timeoutMs: 600_000 }));
    const a = ma.value, b = mb.value;
    coldCpu.push(ma.cpuMs);
    warmCpu.push(mb.cpuMs);
    // the same cold prompt with a caller's signal: prefill chunks are then capped at ~400 ms
    await runner.resetCache();
    const ms = await measure(() => runner.queryDetailed(sa, { maxTokens: 1, timeoutMs: 600_000, signal: new AbortController().signal }));
    signalCold.push(ms.value.ttftMs ?? NaN);
    signalCpu.push(ms.cpuMs);
    const toks = runner.tokenizePrompt(sa);
    await direct.seq.clearHistory();
    const md = await measure(() => direct.completion.generateCompletion(toks.slice(1), { maxTokens: 1 }));
    directColds.push(md.wallMs);
    directCpu.push(md.cpuMs);
    colds.push(a.ttftMs ?? NaN);
    warms.push(b.ttftMs ?? NaN);
    promptTokens = b.promptTokens;
    evaluated = b.evaluatedPromptTokens;
  }
  const c = median(colds), w = median(warms), dc = median(directColds);
  console.log(`  prompt ${promptTokens} tokens; cold TTFT ${fmt(c)} ms, shared-prefix TTFT ${fmt(w)} ms (${fmt(w / c, 3)}x; evaluated ${evaluated} tokens)`);
  console.log(`  node-llama-cpp directly, cold (one unchunked prefill): ${fmt(dc)} ms; runner's chunked prefill costs ${fmt((c / dc - 1) * 100)}%`);
  const cc = median(coldCpu), wc = median(warmCpu), dcc = median(directCpu);
  console.log(`  CPU time: cold ${fmt(cc)} ms, shared-prefix ${fmt(wc)} ms (${fmt(wc / cc, 3)}x); direct cold ${fmt(dcc)} ms (chunking costs ${fmt((cc / dcc - 1) * 100)}%)`);
  const sc = median(signalCold), scc = median(signalCpu);
  console.log(`  cold with an abort signal (prefill chunks <= ~400 ms): ${fmt(sc)} ms, CPU ${fmt(scc)} ms (${fmt((scc / dcc - 1) * 100)}% over direct)`);
  console.log(`  runs: cold ${colds.map((x) => fmt(x, 0)).join(" ")}, shared ${warms.map((x) => fmt(x, 0)).join(" ")}, direct cold ${directColds.map((x) => fmt(x, 0)).join(" ")}`);
  results.ttft = { promptTokens, coldMs: c, warmMs: w, ratio: w / c, warmEvaluatedTokens: evaluated, directColdMs: dc, coldCpuMs: cc, warmCpuMs: wc, directColdCpuMs: dcc, signalColdMs: sc, signalColdCpuMs: scc };
  await direct.close();
  await runner.dispose();
}

async function quants(): Promise<void> {
  console.log(`\n[3] prompt evaluation and generation by quantization (~1,000-token prompt, ${genTokens} generated)`);
  const rows: Record<string, { prefillTokS: number; genTokS: number; prefillTokCpuS: number; genTokCpuS: number }> = {};
  for (const q of args.quants.split(",") as Quant[]) {
    const runner = await loadRunner(modelFile(q));
    const prompt = irText(runner, 1000, q);
    const pre: Rate[] = [], gen: Rate[] = [];
    for (let i = 0; i < reps; i++) {
      await runner.resetCache();
      const m = await measure(() => runner.queryDetailed(prompt, { maxTokens: 1, timeoutMs: 600_000 }));
      const n = m.value.evaluatedPromptTokens;
      pre.push({ wall: (n * 1000) / (m.value.ttftMs ?? NaN), cpu: (n * 1000) / m.cpuMs });
      gen.push(await runnerGenRate(runner, "Continue the program:\n"));
    }
    const med = (xs: Rate[], k: keyof Rate): number => median(xs.map((x) => x[k]));
    rows[q] = { prefillTokS: med(pre, "wall"), genTokS: med(gen, "wall"), prefillTokCpuS: med(pre, "cpu"), genTokCpuS: med(gen, "cpu") };
    console.log(`  ${q.padEnd(5)} prefill ${fmt(rows[q].prefillTokS)} tok/s (${fmt(rows[q].prefillTokCpuS)} per CPU-s), ` +
      `generation ${fmt(rows[q].genTokS)} tok/s (${fmt(rows[q].genTokCpuS)} per CPU-s)`);
    await runner.dispose();
  }
  results.quants = rows;
}

if (sections.has("overhead")) await overhead();
if (sections.has("ttft")) await ttft();
if (sections.has("quant")) await quants();
console.log(`\nJSON ${JSON.stringify(results)}`);
