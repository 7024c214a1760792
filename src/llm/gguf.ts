// GGUF v3 reader/validator and writer. The reader exists so that a bad model file is rejected
// in JS with a one-line message: llama.cpp answers some malformed headers with GGML_ASSERT,
// which kills the whole Node process instead of throwing.
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";

export const GGUF_MAGIC = 0x46554747; // "GGUF" little-endian

export enum GgufValueType {
  UINT8 = 0, INT8 = 1, UINT16 = 2, INT16 = 3, UINT32 = 4, INT32 = 5, FLOAT32 = 6, BOOL = 7,
  STRING = 8, ARRAY = 9, UINT64 = 10, INT64 = 11, FLOAT64 = 12,
}

export enum GgmlType { F32 = 0, F16 = 1, Q4_0 = 2, Q8_0 = 8 }

/** [block size in elements, bytes per block] per ggml type id, for the size check. */
const TYPE_SIZES: Record<number, [number, number]> = {
  0: [1, 4], 1: [1, 2], 2: [32, 18], 3: [32, 20], 6: [32, 22], 7: [32, 24], 8: [32, 34],
  9: [32, 36], 10: [256, 84], 11: [256, 110], 12: [256, 144], 13: [256, 176], 14: [256, 210],
  15: [256, 292], 16: [256, 66], 17: [256, 74], 18: [256, 98], 19: [256, 50], 20: [32, 18],
  21: [256, 110], 22: [256, 82], 23: [256, 136], 24: [1, 1], 25: [1, 2], 26: [1, 4], 27: [1, 8],
  28: [1, 8], 29: [256, 56], 30: [1, 2], 34: [256, 54], 35: [256, 66], 39: [32, 17],
};

export const GGML_TYPE_NAMES: Record<number, string> = {
  0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 6: "Q5_0", 7: "Q5_1", 8: "Q8_0", 9: "Q8_1",
  10: "Q2_K", 11: "Q3_K", 12: "Q4_K", 13: "Q5_K", 14: "Q6_K", 15: "Q8_K", 16: "IQ2_XXS",
  17: "IQ2_XS", 18: "IQ3_XXS", 19: "IQ1_S", 20: "IQ4_NL", 21: "IQ3_S", 22: "IQ2_S", 23: "IQ4_XS",
  24: "I8", 25: "I16", 26: "I32", 27: "I64", 28: "F64", 29: "IQ1_M", 30: "BF16", 34: "TQ1_0",
  35: "TQ2_0", 39: "MXFP4",
};

/** general.file_type values (llama_ftype) worth naming. */
export const FILE_TYPE_NAMES: Record<number, string> = {
  0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K",
  11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S",
  17: "Q5_K_M", 18: "Q6_K", 32: "BF16",
};

export type GgufScalar = number | bigint | boolean | string;
export type GgufValue = GgufScalar | GgufScalar[];

export interface GgufTensorInfo {
  name: string;
  dims: number[]; // ggml order: dims[0] is contiguous
  type: number;
  offset: number; // relative to the data section
}

export interface GgufHeader {
  version: number;
  metadata: Map<string, GgufValue>;
  tensors: GgufTensorInfo[];
  dataOffset: number;
  fileSize: number;
}

/** A user-causable model-file problem; the message is one line and names the file. */
export class ModelFileError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = "ModelFileError";
  }
}

class FileCursor {
  private buf = Buffer.alloc(0);
  private bufStart = 0;
  pos = 0;
  constructor(private fd: number, readonly size: number) {}

  private need(n: number): void {
    if (this.pos + n > this.size) throw new RangeError("truncated");
    if (this.pos >= this.bufStart && this.pos + n <= this.bufStart + this.buf.length) return;
    const len = Math.min(Math.max(n, 1 << 20), this.size - this.pos);
    this.buf = Buffer.alloc(len);
    readSync(this.fd, this.buf, 0, len, this.pos);
    this.bufStart = this.pos;
  }
  private view(n: number): number {
    this.need(n);
    const off = this.pos - this.bufStart;
    this.pos += n;
    return off;
  }
  u8(): number { const o = this.view(1); return this.buf.readUInt8(o); }
  i8(): number { const o = this.view(1); return this.buf.readInt8(o); }
  u16(): number { const o = this.view(2); return this.buf.readUInt16LE(o); }
  i16(): number { const o = this.view(2); return this.buf.readInt16LE(o); }
  u32(): number { const o = this.view(4); return this.buf.readUInt32LE(o); }
  i32(): number { const o = this.view(4); return this.buf.readInt32LE(o); }
  f32(): number { const o = this.view(4); return this.buf.readFloatLE(o); }
  f64(): number { const o = this.view(8); return this.buf.readDoubleLE(o); }
  u64(): bigint { const o = this.view(8); return this.buf.readBigUInt64LE(o); }
  i64(): bigint { const o = this.view(8); return this.buf.readBigInt64LE(o); }
  /** A u64 that must be a sane count/length. */
  count(what: string, max: number): number {
    const v = this.u64();
    if (v > BigInt(max)) throw new RangeError(`implausible ${what} ${v}`);
    return Number(v);
  }
  str(): string {
    const n = this.count("string length", Math.min(this.size, 1 << 28));
    const off = this.view(n);
    return this.buf.toString("utf8", off, off + n);
  }
}

function readValue(c: FileCursor, type: number, depth = 0): GgufValue {
  switch (type) {
    case GgufValueType.UINT8: return c.u8();
    case GgufValueType.INT8: return c.i8();
    case GgufValueType.UINT16: return c.u16();
    case GgufValueType.INT16: return c.i16();
    case GgufValueType.UINT32: return c.u32();
    case GgufValueType.INT32: return c.i32();
    case GgufValueType.FLOAT32: return c.f32();
    case GgufValueType.FLOAT64: return c.f64();
    case GgufValueType.BOOL: return c.u8() !== 0;
    case GgufValueType.STRING: return c.str();
    case GgufValueType.UINT64: return c.u64();
    case GgufValueType.INT64: return c.i64();
    case GgufValueType.ARRAY: {
      if (depth > 0) throw new RangeError("nested arrays are not supported");
      const elemType = c.u32();
      const n = c.count("array length", c.size);
      const out: GgufScalar[] = new Array(n);
      for (let i = 0; i < n; i++) out[i] = readValue(c, elemType, depth + 1) as GgufScalar;
      return out;
    }
    default: throw new RangeError(`unknown metadata value type ${type}`);
  }
}

/** Reads the header (metadata + tensor infos). Throws ModelFileError on anything malformed. */
export function readGgufHeader(file: string): GgufHeader {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied"
      : code === "EISDIR" ? "is a directory" : `cannot open (${code ?? String(e)})`;
    throw new ModelFileError(file, why);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new ModelFileError(file, "is a directory");
    const size = st.size;
    const c = new FileCursor(fd, size);
    if (size < 24 || c.u32() !== GGUF_MAGIC) throw new ModelFileError(file, "not a GGUF model file (bad magic)");
    const version = c.u32();
    if (version < 2 || version > 3) throw new ModelFileError(file, `unsupported GGUF version ${version}`);
    const nTensors = c.count("tensor count", 1 << 20);
    const nKv = c.count("metadata count", 1 << 20);
    const metadata = new Map<string, GgufValue>();
    for (let i = 0; i < nKv; i++) {
      const key = c.str();
      metadata.set(key, readValue(c, c.u32()));
    }
    const tensors: GgufTensorInfo[] = [];
    for (let i = 0; i < nTensors; i++) {
      const name = c.str();
      const nDims = c.u32();
      if (nDims < 1 || nDims > 4) throw new ModelFileError(file, `tensor ${name} has ${nDims} dimensions`);
      const dims: number[] = [];
      for (let d = 0; d < nDims; d++) dims.push(c.count("dimension", 2 ** 40));
      const type = c.u32();
      const offset = c.count("tensor offset", 2 ** 50);
      tensors.push({ name, dims, type, offset });
    }
    const align = Number(metadata.get("general.alignment") ?? 32) || 32;
    const dataOffset = Math.ceil(c.pos / align) * align;
    return { version, metadata, tensors, dataOffset, fileSize: size };
  } catch (e) {
    if (e instanceof ModelFileError) throw e;
    const why = e instanceof RangeError ? e.message : String(e);
    throw new ModelFileError(file, `malformed GGUF header (${why})`);
  } finally {
    closeSync(fd);
  }
}

export function tensorBytes(t: GgufTensorInfo): number | undefined {
  const ts = TYPE_SIZES[t.type];
  if (!ts) return undefined;
  const n = t.dims.reduce((a, b) => a * b, 1);
  return Math.ceil(n / ts[0]) * ts[1];
}

const LLAMA_KEYS = ["context_length", "embedding_length", "block_count", "feed_forward_length",
  "attention.head_count"];
const LLAMA_LAYER_TENSORS = ["attn_norm", "attn_q", "attn_k", "attn_v", "attn_output", "ffn_norm",
  "ffn_gate", "ffn_up", "ffn_down"];

/**
 * Reads and checks everything llama.cpp would otherwise assert on: required keys, tensor types,
 * data inside the file, and for llama-family files the required tensors and their shapes.
 */
export function validateGguf(file: string): GgufHeader {
  const h = readGgufHeader(file);
  const fail = (why: string): never => { throw new ModelFileError(file, why); };
  const md = h.metadata;
  const arch = md.get("general.architecture");
  if (typeof arch !== "string") fail("missing required key general.architecture");
  const a = arch as string;
  for (const k of ["tokenizer.ggml.model", "tokenizer.ggml.tokens"]) if (!md.has(k)) fail(`missing required key ${k}`);
  const tokens = md.get("tokenizer.ggml.tokens");
  if (!Array.isArray(tokens) || tokens.length === 0) fail("tokenizer.ggml.tokens is not a non-empty array");
  const nVocab = (tokens as GgufScalar[]).length;
  for (const k of LLAMA_KEYS) if (!md.has(`${a}.${k}`)) fail(`missing required key ${a}.${k}`);
  if (!md.has(`${a}.attention.layer_norm_rms_epsilon`) && !md.has(`${a}.attention.layer_norm_epsilon`))
    fail(`missing required key ${a}.attention.layer_norm_rms_epsilon`);
  for (const t of h.tensors) {
    const bytes = tensorBytes(t);
    if (bytes === undefined) fail(`tensor ${t.name} has unknown type ${t.type}`);
    if (h.dataOffset + t.offset + (bytes as number) > h.fileSize)
      fail(`tensor ${t.name} lies past the end of the file (truncated?)`);
  }
  if (a === "llama") checkLlamaTensors(h, nVocab, fail);
  return h;
}

function checkLlamaTensors(h: GgufHeader, nVocab: number, fail: (why: string) => never): void {
  const md = h.metadata;
  const num = (k: string): number => Number(md.get(`llama.${k}`));
  const dim = num("embedding_length"), nLayer = num("block_count"), ff = num("feed_forward_length");
  const nHead = num("attention.head_count");
  const nHeadKv = md.has("llama.attention.head_count_kv") ? num("attention.head_count_kv") : nHead;
  if (!(dim > 0 && nLayer > 0 && ff > 0 && nHead > 0 && nHeadKv > 0) || dim % nHead !== 0 || nHead % nHeadKv !== 0)
    fail("inconsistent llama hyperparameters");
  const kvDim = (dim / nHead) * nHeadKv;
  const byName = new Map(h.tensors.map((t) => [t.name, t]));
  const expect = (name: string, dims: number[]): void => {
    const t = byName.get(name);
    if (!t) fail(`missing required tensor ${name}`);
    const got = (t as GgufTensorInfo).dims;
    const ok = got.length === dims.length && got.every((d, i) => d === dims[i]);
    if (!ok) fail(`tensor ${name} has shape [${got}], expected [${dims}]`);
  };
  expect("token_embd.weight", [dim, nVocab]);
  expect("output_norm.weight", [dim]);
  if (byName.has("output.weight")) expect("output.weight", [dim, nVocab]);
  const shapes: Record<string, number[]> = {
    attn_norm: [dim], attn_q: [dim, dim], attn_k: [dim, kvDim], attn_v: [dim, kvDim],
    attn_output: [dim, dim], ffn_norm: [dim], ffn_gate: [dim, ff], ffn_up: [dim, ff], ffn_down: [ff, dim],
  };
  for (let l = 0; l < nLayer; l++)
    for (const n of LLAMA_LAYER_TENSORS) expect(`blk.${l}.${n}.weight`, shapes[n]);
}

// ---------------------------------------------------------------- writer

export type MetaEntry =
  | { type: "u32"; value: number } | { type: "i32"; value: number } | { type: "f32"; value: number }
  | { type: "bool"; value: boolean } | { type: "string"; value: string }
  | { type: "string[]"; value: string[] } | { type: "f32[]"; value: number[] } | { type: "i32[]"; value: number[] };

export interface TensorToWrite {
  name: string;
  dims: number[];
  type: GgmlType;
  /** Produces the raw bytes; called once, in order, so large models stream to disk. */
  data: () => Uint8Array;
}

class ByteSink {
  private parts: Buffer[] = [];
  length = 0;
  push(b: Buffer): void { this.parts.push(b); this.length += b.length; }
  u32(v: number): void { const b = Buffer.alloc(4); b.writeUInt32LE(v >>> 0); this.push(b); }
  i32(v: number): void { const b = Buffer.alloc(4); b.writeInt32LE(v); this.push(b); }
  f32(v: number): void { const b = Buffer.alloc(4); b.writeFloatLE(v); this.push(b); }
  u64(v: number): void { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); this.push(b); }
  str(s: string): void { const b = Buffer.from(s, "utf8"); this.u64(b.length); this.push(b); }
  concat(): Buffer { return Buffer.concat(this.parts); }
}

function writeMeta(s: ByteSink, e: MetaEntry): void {
  switch (e.type) {
    case "u32": s.u32(GgufValueType.UINT32); s.u32(e.value); break;
    case "i32": s.u32(GgufValueType.INT32); s.i32(e.value); break;
    case "f32": s.u32(GgufValueType.FLOAT32); s.f32(e.value); break;
    case "bool": s.u32(GgufValueType.BOOL); s.push(Buffer.from([e.value ? 1 : 0])); break;
    case "string": s.u32(GgufValueType.STRING); s.str(e.value); break;
    case "string[]":
      s.u32(GgufValueType.ARRAY); s.u32(GgufValueType.STRING); s.u64(e.value.length);
      for (const v of e.value) s.str(v);
      break;
    case "f32[]":
      s.u32(GgufValueType.ARRAY); s.u32(GgufValueType.FLOAT32); s.u64(e.value.length);
      for (const v of e.value) s.f32(v);
      break;
    case "i32[]":
      s.u32(GgufValueType.ARRAY); s.u32(GgufValueType.INT32); s.u64(e.value.length);
      for (const v of e.value) s.i32(v);
      break;
  }
}

/** Writes a GGUF v3 file; tensor data aligned to 32 bytes. */
export function writeGguf(file: string, metadata: [string, MetaEntry][], tensors: TensorToWrite[]): void {
  const ALIGN = 32;
  const s = new ByteSink();
  s.u32(GGUF_MAGIC); s.u32(3); s.u64(tensors.length); s.u64(metadata.length);
  for (const [k, e] of metadata) { s.str(k); writeMeta(s, e); }
  let offset = 0;
  for (const t of tensors) {
    const bytes = tensorBytes({ name: t.name, dims: t.dims, type: t.type, offset: 0 }) as number;
    s.str(t.name); s.u32(t.dims.length);
    for (const d of t.dims) s.u64(d);
    s.u32(t.type); s.u64(offset);
    offset += Math.ceil(bytes / ALIGN) * ALIGN;
  }
  const pad = (n: number): Buffer => Buffer.alloc((ALIGN - (n % ALIGN)) % ALIGN);
  const fd = openSync(file, "w");
  try {
    const head = s.concat();
    writeSync(fd, head);
    writeSync(fd, pad(head.length));
    for (const t of tensors) {
      const data = t.data();
      const want = tensorBytes({ name: t.name, dims: t.dims, type: t.type, offset: 0 });
      if (data.length !== want) throw new Error(`tensor ${t.name}: ${data.length} bytes, expected ${want}`);
      writeSync(fd, data);
      writeSync(fd, pad(data.length));
    }
  } finally {
    closeSync(fd);
  }
}
