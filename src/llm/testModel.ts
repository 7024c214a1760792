// Writes small llama-architecture GGUF models with seeded random weights, for tests and
// benchmarks (no model can be downloaded here). Random weights cost the same compute as trained
// ones; a byte-fallback SPM tokenizer with a few BPE-style merges keeps tokens/char realistic.
import { GgmlType, writeGguf, type MetaEntry, type TensorToWrite } from "./gguf.js";

export type Quant = "f32" | "f16" | "q8_0" | "q4_0";

export interface TestModelOptions {
  layers?: number;
  dim?: number;
  /** feed-forward width; default ~8/3·dim rounded up to 64 */
  ff?: number;
  heads?: number;
  quant?: Quant;
  seed?: number;
  contextLength?: number;
  /** number of learned merges added to the byte-level vocabulary */
  merges?: number;
  chatTemplate?: boolean;
  /** Metadata keys to leave out (to make deliberately broken files for tests). */
  omitKeys?: string[];
}

export interface TestModelSummary {
  file: string;
  parameters: number;
  vocab: number;
  dim: number;
  layers: number;
  ff: number;
  heads: number;
  quant: Quant;
}

export const CHATML_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}" +
  "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

// Text the merges are learned from: the kind of prompt the optimizer sends (IR + JSON).
const MERGE_CORPUS = `You are an optimizer for TensorLang programs. Propose mutations as JSON.
func.func @matmul(%arg0: memref<64x64xf32>, %arg1: memref<64x64xf32>, %arg2: memref<64x64xf32>) {
  affine.for %i = 0 to 64 { affine.for %j = 0 to 64 { affine.for %k = 0 to 64 {
    %0 = affine.load %arg0[%i, %k] : memref<64x64xf32>
    %1 = affine.load %arg1[%k, %j] : memref<64x64xf32>
    %2 = arith.mulf %0, %1 : f32
    %3 = affine.load %arg2[%i, %j] : memref<64x64xf32>
    %4 = arith.addf %3, %2 : f32
    affine.store %4, %arg2[%i, %j] : memref<64x64xf32> } } }
  return
}
{"target_function": "matmul", "mutations": [{"kind": "tile", "loops": ["L0", "L1"], "sizes": [32, 32]},
{"kind": "unroll", "loop": "L2", "factor": 4}, {"kind": "vectorize", "loop": "L1", "width": 8},
{"kind": "interchange", "loops": ["L1", "L2"], "permutation": [1, 0]}, {"kind": "parallelize", "loop": "L0"}]}
The loop table lists loops in pre-order. Return only JSON. The function is hot and the result must stay the same.`;

/** mulberry32: tiny, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Vocab { tokens: string[]; scores: number[]; types: number[] }

/** Byte-fallback SPM vocabulary: specials, 256 byte tokens, printable ASCII, learned merges. */
export function buildVocab(merges: number): Vocab {
  const tokens: string[] = [], scores: number[] = [], types: number[] = [];
  const add = (t: string, score: number, type: number): void => { tokens.push(t); scores.push(score); types.push(type); };
  add("<unk>", 0, 2); add("<s>", 0, 3); add("</s>", 0, 3); add("<|im_start|>", 0, 3); add("<|im_end|>", 0, 3);
  for (let b = 0; b < 256; b++) add(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`, 0, 6);
  add("\u2581", -1000, 1);
  for (let c = 0x21; c < 0x7f; c++) add(String.fromCharCode(c), -1000, 1);
  add("\n", -1000, 1);
  // BPE-style merge learning on the corpus; SPM merges the highest-scoring pair first.
  const have = new Set(tokens);
  let words = MERGE_CORPUS.replace(/ /g, "\u2581").split(/(?=\u2581)/).map((w) => [...w]);
  for (let m = 0; m < merges; m++) {
    const counts = new Map<string, number>();
    for (const w of words)
      for (let i = 0; i + 1 < w.length; i++) {
        const p = w[i] + "\u0000" + w[i + 1];
        counts.set(p, (counts.get(p) ?? 0) + 1);
      }
    let best = "", bestN = 1;
    for (const [p, n] of counts) if (n > bestN || (n === bestN && best !== "" && p < best)) { best = p; bestN = n; }
    if (best === "") break;
    const [l, r] = best.split("\u0000");
    const merged = l + r;
    if (!have.has(merged)) { add(merged, -m, 1); have.add(merged); }
    words = words.map((w) => {
      const out: string[] = [];
      for (let i = 0; i < w.length; i++) {
        if (i + 1 < w.length && w[i] === l && w[i + 1] === r) { out.push(merged); i++; } else out.push(w[i]);
      }
      return out;
    });
  }
  return { tokens, scores, types };
}

const f32buf = new Float32Array(1);
const u32buf = new Uint32Array(f32buf.buffer);
/** IEEE half from float (round to nearest even; enough for weights in [-8, 8]). */
export function toHalf(v: number): number {
  f32buf[0] = v;
  const x = u32buf[0];
  const sign = (x >>> 16) & 0x8000;
  let exp = ((x >>> 23) & 0xff) - 127 + 15;
  let mant = x & 0x7fffff;
  if (exp <= 0) {
    if (exp < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - exp;
    let h = mant >>> shift;
    if ((mant >>> (shift - 1)) & 1) h++;
    return sign | h;
  }
  if (exp >= 31) return sign | 0x7c00;
  let h = (exp << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (h & 1))) h++;
  return sign | h;
}

export function quantize(x: Float32Array, type: GgmlType): Uint8Array {
  if (type === GgmlType.F32) return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  if (type === GgmlType.F16) {
    const out = new Uint16Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = toHalf(x[i]);
    return new Uint8Array(out.buffer);
  }
  const nb = x.length / 32;
  if (type === GgmlType.Q8_0) {
    const out = Buffer.alloc(nb * 34);
    const o8 = new Int8Array(out.buffer, out.byteOffset, out.length);
    for (let b = 0; b < nb; b++) {
      let amax = 0;
      for (let j = 0; j < 32; j++) amax = Math.max(amax, Math.abs(x[b * 32 + j]));
      const d = amax / 127, id = d ? 1 / d : 0;
      out.writeUInt16LE(toHalf(d), b * 34);
      for (let j = 0; j < 32; j++) o8[b * 34 + 2 + j] = Math.round(x[b * 32 + j] * id);
    }
    return out;
  }
  // Q4_0, as ggml's quantize_row_q4_0_ref
  const out = Buffer.alloc(nb * 18);
  for (let b = 0; b < nb; b++) {
    let amax = 0, max = 0;
    for (let j = 0; j < 32; j++) {
      const v = x[b * 32 + j];
      if (Math.abs(v) > amax) { amax = Math.abs(v); max = v; }
    }
    const d = max / -8, id = d ? 1 / d : 0;
    out.writeUInt16LE(toHalf(d), b * 18);
    for (let j = 0; j < 16; j++) {
      const q0 = Math.min(15, Math.trunc(x[b * 32 + j] * id + 8.5));
      const q1 = Math.min(15, Math.trunc(x[b * 32 + 16 + j] * id + 8.5));
      out[b * 18 + 2 + j] = q0 | (q1 << 4);
    }
  }
  return out;
}

const QUANT_TYPE: Record<Quant, GgmlType> = { f32: GgmlType.F32, f16: GgmlType.F16, q8_0: GgmlType.Q8_0, q4_0: GgmlType.Q4_0 };
const FILE_TYPE: Record<Quant, number> = { f32: 0, f16: 1, q8_0: 7, q4_0: 2 };

/** Writes the model and returns its shape. Deterministic in (options, seed). */
export function makeTestModel(file: string, o: TestModelOptions = {}): TestModelSummary {
  const layers = o.layers ?? 2, dim = o.dim ?? 64, quant = o.quant ?? "q8_0";
  const heads = o.heads ?? Math.max(1, Math.floor(dim / 64) || 1);
  const ff = o.ff ?? Math.ceil((dim * 8) / 3 / 64) * 64;
  if (dim % heads !== 0 || dim % 32 !== 0 || ff % 32 !== 0)
    throw new Error(`dim (${dim}) and ff (${ff}) must be multiples of 32 and dim of heads (${heads})`);
  const vocab = buildVocab(o.merges ?? 200);
  const nVocab = vocab.tokens.length;
  const next = rng(o.seed ?? 1);
  const wtype = QUANT_TYPE[quant];
  const tensors: TensorToWrite[] = [];
  let parameters = 0;
  const matrix = (name: string, cols: number, rows: number, type: GgmlType): void => {
    parameters += cols * rows;
    tensors.push({
      name, dims: [cols, rows], type,
      data: () => {
        const a = new Float32Array(cols * rows);
        const scale = 2 * Math.sqrt(3 / cols); // uniform with variance 1/fan_in
        for (let i = 0; i < a.length; i++) a[i] = (next() - 0.5) * scale;
        return quantize(a, type);
      },
    });
  };
  const norm = (name: string): void => {
    parameters += dim;
    tensors.push({ name, dims: [dim], type: GgmlType.F32, data: () => quantize(new Float32Array(dim).fill(1), GgmlType.F32) });
  };
  // the embedding rows need O(1) norm so that random logits are not flat
  parameters += dim * nVocab;
  tensors.push({
    name: "token_embd.weight", dims: [dim, nVocab], type: wtype,
    data: () => {
      const a = new Float32Array(dim * nVocab);
      for (let i = 0; i < a.length; i++) a[i] = (next() - 0.5) * 2;
      return quantize(a, wtype);
    },
  });
  for (let l = 0; l < layers; l++) {
    norm(`blk.${l}.attn_norm.weight`);
    for (const n of ["attn_q", "attn_k", "attn_v", "attn_output"]) matrix(`blk.${l}.${n}.weight`, dim, dim, wtype);
    norm(`blk.${l}.ffn_norm.weight`);
    matrix(`blk.${l}.ffn_gate.weight`, dim, ff, wtype);
    matrix(`blk.${l}.ffn_up.weight`, dim, ff, wtype);
    matrix(`blk.${l}.ffn_down.weight`, ff, dim, wtype);
  }
  norm("output_norm.weight");
  const md: [string, MetaEntry][] = [
    ["general.architecture", { type: "string", value: "llama" }],
    ["general.name", { type: "string", value: `tensorlang-test-${layers}x${dim}-${quant}` }],
    ["general.alignment", { type: "u32", value: 32 }],
    ["general.file_type", { type: "u32", value: FILE_TYPE[quant] }],
    ["llama.context_length", { type: "u32", value: o.contextLength ?? 4096 }],
    ["llama.embedding_length", { type: "u32", value: dim }],
    ["llama.block_count", { type: "u32", value: layers }],
    ["llama.feed_forward_length", { type: "u32", value: ff }],
    ["llama.attention.head_count", { type: "u32", value: heads }],
    ["llama.attention.head_count_kv", { type: "u32", value: heads }],
    ["llama.rope.dimension_count", { type: "u32", value: dim / heads }],
    ["llama.rope.freq_base", { type: "f32", value: 10000 }],
    ["llama.attention.layer_norm_rms_epsilon", { type: "f32", value: 1e-5 }],
    ["tokenizer.ggml.model", { type: "string", value: "llama" }],
    ["tokenizer.ggml.tokens", { type: "string[]", value: vocab.tokens }],
    ["tokenizer.ggml.scores", { type: "f32[]", value: vocab.scores }],
    ["tokenizer.ggml.token_type", { type: "i32[]", value: vocab.types }],
    ["tokenizer.ggml.unknown_token_id", { type: "u32", value: 0 }],
    ["tokenizer.ggml.bos_token_id", { type: "u32", value: 1 }],
    ["tokenizer.ggml.eos_token_id", { type: "u32", value: 2 }],
    ["tokenizer.ggml.add_bos_token", { type: "bool", value: true }],
    ["tokenizer.ggml.add_eos_token", { type: "bool", value: false }],
  ];
  if (o.chatTemplate !== false) md.push(["tokenizer.chat_template", { type: "string", value: CHATML_TEMPLATE }]);
  const omit = new Set(o.omitKeys ?? []);
  writeGguf(file, md.filter(([k]) => !omit.has(k)), tensors);
  return { file, parameters, vocab: nVocab, dim, layers, ff, heads, quant };
}

/** A LoRA adapter (GGUF, F32) for a test model of the same shape: rank-r updates of attn_q/attn_v. */
export function makeTestLora(file: string, o: TestModelOptions & { rank?: number } = {}): void {
  const layers = o.layers ?? 2, dim = o.dim ?? 64, rank = o.rank ?? 4;
  const next = rng((o.seed ?? 1) + 0x5eed);
  const tensors: TensorToWrite[] = [];
  const rand = (n: number, scale: number): Uint8Array => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) a[i] = (next() - 0.5) * 2 * scale;
    return quantize(a, GgmlType.F32);
  };
  for (let l = 0; l < layers; l++)
    for (const n of ["attn_q", "attn_v"]) {
      // llama.cpp wants lora_a as [in, rank] and lora_b as [rank, out] (ggml order)
      tensors.push({ name: `blk.${l}.${n}.weight.lora_a`, dims: [dim, rank], type: GgmlType.F32, data: () => rand(dim * rank, 1 / Math.sqrt(dim)) });
      tensors.push({ name: `blk.${l}.${n}.weight.lora_b`, dims: [rank, dim], type: GgmlType.F32, data: () => rand(rank * dim, 1) });
    }
  writeGguf(file, [
    ["general.architecture", { type: "string", value: "llama" }],
    ["general.type", { type: "string", value: "adapter" }],
    ["adapter.type", { type: "string", value: "lora" }],
    ["adapter.lora.alpha", { type: "f32", value: rank }],
  ], tensors);
}
