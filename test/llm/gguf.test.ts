import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GgmlType, ModelFileError, readGgufHeader, tensorBytes, validateGguf, writeGguf } from "../../src/llm/gguf.js";
import { buildVocab, makeTestModel, quantize, toHalf } from "../../src/llm/testModel.js";
import { tempDir, testModel, TINY } from "./helpers.js";

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

describe("gguf writer and reader", () => {
  it("round-trips metadata and tensor infos", () => {
    const f = join(tempDir(), "rt.gguf");
    writeGguf(f, [
      ["general.architecture", { type: "string", value: "llama" }],
      ["a.u32", { type: "u32", value: 7 }],
      ["a.f32", { type: "f32", value: 0.5 }],
      ["a.bool", { type: "bool", value: true }],
      ["a.strs", { type: "string[]", value: ["x", "ÿ", ""] }],
      ["a.ints", { type: "i32[]", value: [-1, 2] }],
    ], [{ name: "t", dims: [32, 2], type: GgmlType.Q8_0, data: () => new Uint8Array(68) }]);
    const h = readGgufHeader(f);
    assert.equal(h.version, 3);
    assert.equal(h.metadata.get("a.u32"), 7);
    assert.equal(h.metadata.get("a.f32"), 0.5);
    assert.equal(h.metadata.get("a.bool"), true);
    assert.deepEqual(h.metadata.get("a.strs"), ["x", "ÿ", ""]);
    assert.deepEqual(h.metadata.get("a.ints"), [-1, 2]);
    assert.deepEqual(h.tensors, [{ name: "t", dims: [32, 2], type: GgmlType.Q8_0, offset: 0 }]);
    assert.equal(h.dataOffset % 32, 0);
    assert.equal(h.fileSize, h.dataOffset + 96); // 68 bytes padded to 96
  });

  it("converts to half precision exactly where representable and rounds to nearest", () => {
    for (const v of [0, 1, -2, 0.5, 65504, 2 ** -14, 2 ** -24, 1.5]) assert.equal(halfToFloat(toHalf(v)), v);
    assert.ok(Math.abs(halfToFloat(toHalf(0.1)) - 0.1) < 1e-4);
    assert.equal(halfToFloat(toHalf(1e6)), Infinity);
  });

  it("quantizes Q8_0 and Q4_0 blocks to ggml sizes with bounded error", () => {
    const x = new Float32Array(64).map((_, i) => Math.sin(i));
    const q8 = quantize(x, GgmlType.Q8_0);
    assert.equal(q8.length, 68);
    const d = halfToFloat(q8[0] | (q8[1] << 8));
    const back = Int8Array.from(q8.subarray(2, 34)).map((v) => v);
    for (let j = 0; j < 32; j++) assert.ok(Math.abs(back[j] * d - x[j]) <= d);
    assert.equal(quantize(x, GgmlType.Q4_0).length, 36);
    assert.equal(tensorBytes({ name: "", dims: [64, 3], type: GgmlType.Q4_0, offset: 0 }), 108);
  });

  it("builds a byte-fallback vocabulary with all 256 byte tokens and unique pieces", () => {
    const v = buildVocab(100);
    assert.equal(new Set(v.tokens).size, v.tokens.length);
    assert.equal(v.types.filter((t) => t === 6).length, 256);
    assert.ok(v.tokens.includes("<|im_end|>"));
  });

  it("writes deterministic test models (same seed, same bytes)", () => {
    const a = join(tempDir(), "d1.gguf"), b = join(tempDir(), "d2.gguf"), c = join(tempDir(), "d3.gguf");
    makeTestModel(a, { ...TINY, seed: 5 });
    makeTestModel(b, { ...TINY, seed: 5 });
    makeTestModel(c, { ...TINY, seed: 6 });
    assert.ok(readFileSync(a).equals(readFileSync(b)));
    assert.ok(!readFileSync(a).equals(readFileSync(c)));
  });

  it("validates a generated model of each quantization", () => {
    for (const quant of ["f32", "f16", "q8_0", "q4_0"] as const) {
      const h = validateGguf(testModel(`v-${quant}`, { ...TINY, quant }));
      assert.equal(h.metadata.get("general.architecture"), "llama");
      assert.equal(h.tensors.length, 2 + 9 * TINY.layers);
    }
  });
});

describe("gguf validation rejects bad files with one-line errors naming the file", () => {
  const rejects = (file: string, pattern: RegExp): void => {
    assert.throws(() => validateGguf(file), (e: unknown) => {
      assert.ok(e instanceof ModelFileError);
      assert.ok(e.message.startsWith(file), e.message);
      assert.match(e.message, pattern);
      assert.ok(!e.message.includes("\n"));
      return true;
    });
  };

  it("missing file", () => rejects(join(tempDir(), "nope.gguf"), /no such file/));
  it("a directory", () => rejects(tempDir(), /directory/));
  it("not GGUF", () => {
    const f = join(tempDir(), "text.gguf");
    writeFileSync(f, "this is not a model, just some text to fill the header bytes");
    rejects(f, /not a GGUF/);
  });
  it("empty file", () => {
    const f = join(tempDir(), "empty.gguf");
    writeFileSync(f, "");
    rejects(f, /not a GGUF/);
  });
  it("missing a required key", () => {
    for (const key of ["llama.block_count", "llama.embedding_length", "tokenizer.ggml.tokens", "general.architecture", "llama.attention.layer_norm_rms_epsilon"]) {
      const f = join(tempDir(), `missing-${key}.gguf`);
      makeTestModel(f, { ...TINY, omitKeys: [key] });
      rejects(f, new RegExp(`missing required key ${key.replace(/\./g, "\\.")}`));
    }
  });
  it("truncated data", () => {
    const src = readFileSync(testModel("tiny", TINY));
    const f = join(tempDir(), "trunc.gguf");
    writeFileSync(f, src.subarray(0, src.length - 100));
    rejects(f, /past the end of the file/);
  });
  it("truncated header", () => {
    const src = readFileSync(testModel("tiny", TINY));
    const f = join(tempDir(), "trunc-head.gguf");
    writeFileSync(f, src.subarray(0, 200));
    rejects(f, /malformed GGUF header/);
  });
  it("tensor shapes that disagree with the hyperparameters", () => {
    const f = join(tempDir(), "shape.gguf");
    const buf = Buffer.from(readFileSync(testModel("tiny", TINY)));
    // change llama.embedding_length's value (a u32 right after its key and type tag)
    const key = Buffer.from("llama.embedding_length");
    const at = buf.indexOf(key) + key.length + 4;
    buf.writeUInt32LE(96, at);
    writeFileSync(f, buf);
    rejects(f, /shape/);
  });
});
