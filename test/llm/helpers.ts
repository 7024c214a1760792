// Test models are generated at test time into a temp dir (nothing is downloaded).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeTestModel, type TestModelOptions } from "../../src/llm/testModel.js";

let dir: string | undefined;

export function tempDir(): string {
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), "tensorlang-llm-"));
    const d = dir;
    process.on("exit", () => rmSync(d, { recursive: true, force: true }));
  }
  return dir;
}

const made = new Map<string, string>();

/** A generated model, made once per test file for the same options. */
export function testModel(name: string, options: TestModelOptions = {}): string {
  const key = `${name}:${JSON.stringify(options)}`;
  let file = made.get(key);
  if (!file) {
    file = join(tempDir(), `${name}.gguf`);
    makeTestModel(file, options);
    made.set(key, file);
  }
  return file;
}

/** The tiny model most tests use: 2 layers, dim 64, q8_0 (bit-identical with KV reuse). */
export const TINY = { layers: 2, dim: 64, quant: "q8_0", seed: 7 } as const;
/** Big enough that a ~3,000-token prefill takes well over a second on one thread. */
export const MEDIUM = { layers: 4, dim: 512, quant: "q8_0", seed: 11 } as const;
