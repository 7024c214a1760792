import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { SetupError } from "../../src/llm/ModelRunner.js";
import { addModelOptions, loadOptionsFromOptions, queryDefaultsFromOptions, runnerChoice, runnerFromOptions, type ModelCliOptions } from "../../src/llm/options.js";
import { makeTestModel } from "../../src/llm/testModel.js";
import { tempDir, testModel, TINY } from "./helpers.js";

function parse(args: string[]): ModelCliOptions {
  const cmd = addModelOptions(new Command("t").exitOverride());
  cmd.parse(args, { from: "user" });
  return cmd.opts<ModelCliOptions>();
}

const setupError = (re: RegExp) => (e: unknown): boolean => e instanceof SetupError && re.test(e.message) && !e.message.includes("\n");

describe("model CLI options", () => {
  it("adds every model flag", () => {
    const o = parse(["--runner", "mock", "--gpu-layers", "auto", "--ctx-size", "1024", "--threads", "2", "--max-tokens", "64",
      "--model-timeout-ms", "500", "--temperature", "0.5", "--model-seed", "3", "--lora", "a.gguf", "--mock-responses", "m.jsonl",
      "--openai-url", "http://x", "--openai-model", "m"]);
    assert.deepEqual(o, { runner: "mock", gpuLayers: "auto", ctxSize: "1024", threads: "2", maxTokens: "64", modelTimeoutMs: "500",
      temperature: "0.5", modelSeed: "3", lora: "a.gguf", mockResponses: "m.jsonl", openaiUrl: "http://x", openaiModel: "m" });
    assert.deepEqual(queryDefaultsFromOptions(o), { maxTokens: 64, timeoutMs: 500, temperature: 0.5, seed: 3 });
    assert.deepEqual(loadOptionsFromOptions(o), { gpuLayers: "auto", contextSize: 1024, threads: 2, seed: 3, lora: "a.gguf" });
  });

  it("chooses the runner: heuristic by default, llama with --model-path", () => {
    assert.equal(runnerChoice({}), "heuristic");
    assert.equal(runnerChoice({ modelPath: "m.gguf" }), "llama");
    assert.equal(runnerChoice({ runner: "none" }), "none");
    assert.throws(() => runnerChoice({ runner: "gpt" }), setupError(/--runner expects one of/));
    assert.throws(() => runnerChoice({ runner: "mock", modelPath: "m.gguf" }), setupError(/implies --runner llama/));
  });

  it("rejects bad flag values as SetupErrors", () => {
    assert.throws(() => queryDefaultsFromOptions({ maxTokens: "lots" }), setupError(/--max-tokens expects an integer/));
    assert.throws(() => queryDefaultsFromOptions({ temperature: "-1" }), setupError(/--temperature/));
    assert.throws(() => loadOptionsFromOptions({ gpuLayers: "some" }), setupError(/--gpu-layers/));
  });

  it("returns heuristic / undefined / a mock runner with the flag defaults applied", async () => {
    assert.equal(await runnerFromOptions({}), "heuristic");
    assert.equal(await runnerFromOptions({ runner: "none" }), undefined);
    const f = join(tempDir(), "resp.jsonl");
    writeFileSync(f, '"0123456789abcdef"\n');
    const r = await runnerFromOptions({ runner: "mock", mockResponses: f, maxTokens: "2" });
    assert.ok(r && r !== "heuristic");
    assert.equal(await r.query("p"), "01234567"); // 2 mock tokens of 4 chars
  });

  it("a missing, unreadable or non-GGUF model file is a one-line SetupError naming it", async () => {
    const missing = join(tempDir(), "missing.gguf");
    await assert.rejects(runnerFromOptions({ modelPath: missing }), setupError(new RegExp(`^${missing}: no such file`)));
    const text = join(tempDir(), "text.gguf");
    writeFileSync(text, "not a model at all, really not");
    await assert.rejects(runnerFromOptions({ modelPath: text }), setupError(/text\.gguf: not a GGUF model file/));
    const nokey = join(tempDir(), "nokey2.gguf");
    makeTestModel(nokey, { ...TINY, omitKeys: ["tokenizer.ggml.model"] });
    await assert.rejects(runnerFromOptions({ modelPath: nokey }), setupError(/missing required key tokenizer\.ggml\.model/));
    await assert.rejects(runnerFromOptions({ runner: "llama" }), setupError(/needs --model-path/));
    await assert.rejects(runnerFromOptions({ runner: "openai" }), setupError(/--openai-url/));
  });

  it("loads a llama model from flags (no progress bar when stderr is not a terminal, one line saying where it runs) and applies query defaults", async () => {
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => { written.push(String(chunk)); return true; }) as typeof process.stderr.write;
    let r;
    try {
      r = await runnerFromOptions({ modelPath: testModel("tiny", TINY), threads: "1", ctxSize: "512", maxTokens: "3" });
    } finally {
      process.stderr.write = write;
    }
    if (!process.stderr.isTTY) {
      assert.equal(written.length, 1, written.join(""));
      assert.match(written[0], /^model .*tiny\.gguf: CPU, 0\/3 layers offloaded, 1 thread, Q8_0; loaded in [\d.]+ s\n$/);
    }
    assert.ok(r && r !== "heuristic");
    try {
      assert.equal((r as { info?: { backend: string } }).info?.backend !== undefined, true);
      const d = await r.queryDetailed?.("hello");
      assert.ok(d && d.generatedTokens <= 3);
    } finally {
      await r.dispose();
    }
  });
});
