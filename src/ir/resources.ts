// MLIR's resource blobs: the bytes a `dense_resource<name>` attribute refers to, held in the
// file's `{-# dialect_resources: {builtin: {name: "0x..."}} #-}` section, and what that section
// keeps besides (`external_resources`). Blobs are written as hex: a 4-byte little-endian
// alignment, then the raw bytes.

/** A blob's bytes and the alignment its writer asked for (kept, and printed back as written). */
export class ResourceBlob {
  constructor(readonly alignment: number, readonly bytes: Uint8Array) {}
  /** `0x` + the alignment word + the bytes, upper-case hex, as MLIR prints a blob. */
  get hex(): string {
    const word = Buffer.alloc(4);
    word.writeUInt32LE(this.alignment >>> 0);
    return "0x" + (word.toString("hex") + Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString("hex")).toUpperCase();
  }
  equals(o: ResourceBlob): boolean {
    return this.alignment === o.alignment && Buffer.compare(this.bytes, o.bytes) === 0;
  }
}

/**
 * The blob of `text` (a string's value), or why it is not one: MLIR's errors for a key `key`.
 * As MLIR: `0x` and an even count of hex digits, at least the 4-byte alignment word, and an
 * alignment that is a power of two.
 */
export function parseBlob(text: string, key: string): ResourceBlob | string {
  if (!/^0x[0-9A-Fa-f]*$/.test(text) || text.length % 2 !== 0) return `expected hex string blob for key '${key}'`;
  const bytes = Buffer.from(text.slice(2), "hex");
  if (bytes.length < 4) return `expected hex string blob for key '${key}' to encode alignment in first 4 bytes`;
  const alignment = bytes.readUInt32LE(0);
  // (MLIR 19 runs out of memory on an alignment of 0; it is no power of two)
  if (alignment === 0 || (alignment & (alignment - 1)) !== 0) {
    return `expected hex string blob for key '${key}' to encode alignment in first 4 bytes, but got non-power-of-2 value: ${alignment}`;
  }
  return new ResourceBlob(alignment, new Uint8Array(bytes.subarray(4)));
}

/**
 * What `name` refers to: one per name in a parsed file, shared by every attribute that names it.
 * The parser fills `blob` once it has read the section (which follows the module); a module it
 * returns has every handle filled.
 */
export class ResourceHandle {
  constructor(readonly name: string, public blob?: ResourceBlob) {}
}

/** A value in `external_resources`: a bool, a string, or a blob. */
export type ExternalResourceValue = boolean | string | ResourceBlob;
/** `external_resources`: entries by group (`mlir_reproducer: {pipeline: "..."}`), kept in order to print back. */
export type ExternalResources = Map<string, Map<string, ExternalResourceValue>>;
