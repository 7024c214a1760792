// The real llama.cpp path, end to end, on models generated at test time.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createModelRunner, ModelAbortError, ModelError, ModelFileError, ModelTimeoutError } from "../../src/llm/ModelRunner.js";
import type { LlamaCppModelRunner } from "../../src/llm/LlamaCppModelRunner.js";
import { makeTestLora, makeTestModel } from "../../src/llm/testModel.js";
import { proposalGrammar, validateProposal } from "../../src/optimizer/schema.js";
import { MEDIUM, tempDir, testModel, TINY } from "./helpers.js";

const IR_PREFIX = `You optimize TensorLang functions. Answer with one JSON proposal.
${"func.func @matmul(%a: memref<64x64xf32>, %b: memref<64x64xf32>, %c: memref<64x64xf32>) {\n  affine.for %i = 0 to 64 {\n    %0 = arith.addf %x, %y : f32\n  }\n}\n".repeat(12)}
Loops: L0 = %i, L1 = %j, L2 = %k.
`;

describe("LlamaCppModelRunner on the tiny test model", () => {
  let r: LlamaCppModelRunner;
  before(async () => {
    r = createModelRunner("llama", { threads: 1, contextSize: 2048 });
    await r.load(testModel("tiny", TINY));
  });
  after(() => r.dispose());

  it("loads, reports its backend and offload, and uses the model's chat template", () => {
    const info = r.info;
    assert.ok(info);
    assert.ok(["CPU", "CUDA", "Vulkan", "Metal"].includes(info.backend));
    if (info.backend === "CPU") assert.equal(info.gpuLayers, 0);
    assert.equal(info.totalLayers, TINY.layers + 1);
    assert.equal(info.chatWrapper, "ChatML");
    assert.equal(info.quantization, "Q8_0");
    assert.equal(info.contextSize, 2048);
  });

  it("answers a query and says when maxTokens was hit", async () => {
    const d = await r.queryDetailed("Say something.", { maxTokens: 12 });
    assert.equal(typeof d.text, "string");
    assert.ok(d.generatedTokens <= 12);
    if (d.stopReason === "maxTokens") assert.equal(d.truncated, true);
    const long = await r.queryDetailed("Say something.", { maxTokens: 1 });
    assert.equal(long.generatedTokens, 1);
    assert.equal(long.stopReason, "maxTokens");
    assert.equal(long.truncated, true);
    assert.equal(r.lastQueryInfo, long);
  });

  it("reuses the KV cache: a second prompt sharing a long prefix evaluates only the new suffix", async () => {
    await r.query("unrelated warm-up prompt", { maxTokens: 2 });
    const a = await r.queryDetailed(IR_PREFIX + "Target: @matmul, first request.", { maxTokens: 4 });
    const meter = r.tokenMeter.usedInputTokens;
    const b = await r.queryDetailed(IR_PREFIX + "Target: @matmul, second request, different.", { maxTokens: 4 });
    const evaluated = r.tokenMeter.usedInputTokens - meter; // node-llama-cpp's own count
    assert.ok(a.promptTokens > 500, `prefix is long (${a.promptTokens} tokens)`);
    assert.ok(a.evaluatedPromptTokens > a.promptTokens - 20, `first query evaluated ${a.evaluatedPromptTokens}`);
    assert.equal(b.evaluatedPromptTokens, evaluated);
    const suffix = b.promptTokens - r.tokenizePrompt(IR_PREFIX).length;
    assert.ok(evaluated <= suffix + 8, `second query evaluated ${evaluated} tokens, suffix is ~${suffix}`);
    assert.ok(evaluated > 0);
  });

  it("is reproducible for a seed (same runner, and a freshly loaded one)", async () => {
    const o = { temperature: 0.9, topK: 40, seed: 1234, maxTokens: 24 };
    const x = await r.query("Continue: the loop", o);
    await r.query("something else in between", { maxTokens: 3 });
    const y = await r.query("Continue: the loop", o);
    assert.equal(y, x);
    // warmed up as on a GPU: the warm-up batches leave nothing behind
    const r2 = createModelRunner("llama", { threads: 1, contextSize: 512, warmup: true });
    await r2.load(testModel("tiny", TINY));
    try {
      assert.equal(r2.contextTokenCount, 0);
      assert.equal(await r2.query("Continue: the loop", o), x);
      const others = new Set<string>();
      for (const seed of [1, 2, 3, 4]) others.add(await r2.query("Continue: the loop", { ...o, seed }));
      assert.ok(others.size > 1, "the seed changes the sample");
    } finally {
      await r2.dispose();
    }
  });

  it("grammar-constrained output: 100 seeded queries all parse and validate", async () => {
    const grammar = proposalGrammar(["matmul", "conv2d"], { maxMutations: 2 });
    const failures: string[] = [];
    for (let seed = 0; seed < 100; seed++) {
      const d = await r.queryDetailed(`Propose a mutation for @matmul (#${seed % 7}).`, {
        grammar, temperature: 1, seed, maxTokens: 300,
      });
      const v = validateProposal(d.text);
      if (!v.ok || d.truncated) failures.push(`${seed}: ${d.text} (${v.ok ? "truncated" : v.errors})`);
    }
    assert.deepEqual(failures, []);
  });

  it("JSON-schema constrained output parses", async () => {
    const schema = { type: "object", properties: { loop: { enum: ["L0", "L1"] }, factor: { enum: [2, 4] } }, required: ["loop", "factor"] } as const;
    const d = await r.queryDetailed("json please", { jsonSchema: schema, maxTokens: 60 });
    const v = JSON.parse(d.text) as { loop: string; factor: number };
    assert.ok(["L0", "L1"].includes(v.loop));
    assert.ok([2, 4].includes(v.factor));
  });

  it("honours stop strings", async () => {
    const d = await r.queryDetailed("x", { grammar: 'root ::= "abc" "STOP" "def"', stop: ["STOP"], maxTokens: 20 });
    assert.equal(d.text, "abc");
    assert.equal(d.stopReason, "stop");
  });

  it("rejects a bad grammar and an oversized prompt with ModelErrors", async () => {
    await assert.rejects(r.query("x", { grammar: "root ::= (" }), (e: unknown) => e instanceof ModelError && /invalid GBNF grammar/.test(e.message));
    await assert.rejects(r.query("word ".repeat(5000)), /does not fit the context of 2048/);
    assert.equal(typeof (await r.query("still works", { maxTokens: 2 })), "string");
  });
});

describe("LlamaCppModelRunner bounds every query", () => {
  let r: LlamaCppModelRunner;
  const longPrompt = "tile the loop nest and unroll the inner loop; ".repeat(160);
  before(async () => {
    r = createModelRunner("llama", { threads: 1, contextSize: 4096 });
    await r.load(testModel("medium", MEDIUM));
  });
  after(() => r.dispose());

  it("a time limit that falls inside the prefill of a long prompt ends the query within 1 s", async () => {
    const n = r.tokenizePrompt(longPrompt).length;
    assert.ok(n > 2000, `${n} prompt tokens`);
    const t0 = performance.now();
    await assert.rejects(r.query(longPrompt, { timeoutMs: 200 }), (e: unknown) => e instanceof ModelTimeoutError && e.partial === "");
    const ms = performance.now() - t0;
    assert.ok(ms < 1200, `returned after ${ms.toFixed(0)} ms`);
    assert.ok(r.contextTokenCount < n - 1, `prefill was cut short (${r.contextTokenCount} of ${n} tokens in the cache)`);
  });

  it("the partially evaluated prefix is reused by the next query", async () => {
    const before = r.contextTokenCount;
    assert.ok(before > 0);
    // The cache holds the first `before` tokens of the cut prompt; the new prompt shares a
    // prefix with them (how far depends on how far the cut prefill got, and the cut text's
    // last tokens and the template's tail differ). Only what is not shared is evaluated.
    const cached = r.tokenizePrompt(longPrompt).slice(0, before), next = r.tokenizePrompt(longPrompt.slice(0, 2000));
    let common = 0;
    while (common < cached.length && common < next.length && cached[common] === next[common]) common++;
    const d = await r.queryDetailed(longPrompt.slice(0, 2000), { maxTokens: 1 });
    assert.equal(d.promptTokens, next.length);
    assert.ok(d.evaluatedPromptTokens <= next.length - common + 2, `${d.evaluatedPromptTokens} evaluated; ${common} of ${next.length} shared with the cache`);
    assert.ok(d.evaluatedPromptTokens < next.length, "something was reused");
  });

  it("a timeout during generation returns the partial text promptly", async () => {
    const t0 = performance.now();
    let err: unknown;
    try {
      await r.query("go", { timeoutMs: 700, maxTokens: 3000, temperature: 1, seed: 1 });
    } catch (e) { err = e; }
    const ms = performance.now() - t0;
    assert.ok(err instanceof ModelTimeoutError, String(err));
    assert.ok(err.partial.length > 0, "some text was generated before the limit");
    assert.ok(ms < 1700, `returned after ${ms.toFixed(0)} ms`);
  });

  it("an abort signal ends prefill or generation within 1 s", async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 150);
    const t0 = performance.now();
    await assert.rejects(r.query(longPrompt + " again", { signal: ac.signal }), ModelAbortError);
    assert.ok(performance.now() - t0 < 1150);
    await assert.rejects(r.query("x", { signal: AbortSignal.abort() }), ModelAbortError);
  });
});

describe("LlamaCppModelRunner with a LoRA adapter", () => {
  it("applies it (greedy output changes)", async () => {
    const lora = join(tempDir(), "lora.gguf");
    makeTestLora(lora, TINY);
    const plain = createModelRunner("llama", { threads: 1, contextSize: 256 });
    const adapted = createModelRunner("llama", { threads: 1, contextSize: 256, lora });
    try {
      await plain.load(testModel("tiny", TINY));
      await adapted.load(testModel("tiny", TINY));
      const q = { maxTokens: 16 };
      assert.notEqual(await adapted.query("Continue: the loop", q), await plain.query("Continue: the loop", q));
    } finally {
      await plain.dispose();
      await adapted.dispose();
    }
  });
});

describe("LlamaCppModelRunner and bad model files", () => {
  const loadFails = async (file: string, re: RegExp): Promise<void> => {
    const r = createModelRunner("llama", { threads: 1 });
    await assert.rejects(r.load(file), (e: unknown) => {
      assert.ok(e instanceof ModelFileError, String(e));
      assert.match(e.message, re);
      assert.ok(e.message.includes(file) && !e.message.includes("\n"));
      return true;
    });
    await r.dispose();
  };
  it("missing file", () => loadFails(join(tempDir(), "absent.gguf"), /no such file/));
  it("non-GGUF file", async () => {
    const f = join(tempDir(), "notgguf.gguf");
    writeFileSync(f, "#!/bin/sh\necho not a model\n".repeat(4));
    await loadFails(f, /not a GGUF/);
  });
  it("GGUF missing a required key (would be a GGML_ASSERT inside llama.cpp)", async () => {
    const f = join(tempDir(), "nokey.gguf");
    makeTestModel(f, { ...TINY, omitKeys: ["llama.feed_forward_length"] });
    await loadFails(f, /missing required key llama\.feed_forward_length/);
  });
  it("a missing LoRA adapter", async () => {
    const r = createModelRunner("llama", { threads: 1, lora: join(tempDir(), "no-lora.gguf") });
    await assert.rejects(r.load(testModel("tiny", TINY)), /no-lora\.gguf: LoRA adapter: no such file/);
  });
  it("a model file given as the LoRA adapter is refused", async () => {
    const r = createModelRunner("llama", { threads: 1, lora: testModel("tiny", TINY) });
    await assert.rejects(r.load(testModel("tiny", TINY)), /not a LoRA adapter/);
  });
  it("querying before load is a clear error", async () => {
    await assert.rejects(createModelRunner("llama").query("x"), /no model loaded/);
  });
});
