// The heap: one WebAssembly.Memory shared by both engines and the host library. It lives in
// src/interp, the lowest layer that uses it (DESIGN.md); the runtime imports it from here.
//
// Pointers are byte addresses (numbers) into the memory. Address 0 is null and never
// returned. The first `reservedBytes` bytes are not handed out by malloc: backends may use
// them as a stack or scratch area (see `reservedBase`/`reservedEnd`).
//
// Allocator: size classes (multiples of 16 up to 1 KiB, then four classes per power of two)
// with one free list per class, over a bump pointer. Block metadata lives on the JS side
// (a Map from address to class size), so a program that scribbles over memory cannot corrupt
// the allocator, and freeing a bad pointer is a clear error rather than silent damage.

export const WASM_PAGE_BYTES = 65536;
/** wasm32 cannot address more than 4 GiB; one page less keeps every address below 2^32. */
export const MAX_MEMORY_BYTES = 65535 * WASM_PAGE_BYTES;
export const DEFAULT_RESERVED_BYTES = 1024;
export const DEFAULT_CAP_BYTES = 1024 * 1024 * 1024;

export class OutOfMemoryError extends Error {
  override name = "OutOfMemoryError";
  /** The function that allocated, where the engine knows it (the interpreter sets it). */
  functionName?: string;
  constructor(readonly requested: number, readonly capBytes: number, detail?: string) {
    super(detail ?? `allocation of ${requested} bytes exceeds the memory cap of ${capBytes} bytes`);
  }
}

/** Misuse of the heap by a program (bad free, double free, bad alignment). */
export class HeapError extends Error {
  override name = "HeapError";
}

export interface HeapOptions {
  /** Use this memory (e.g. one created for shared use across workers); else one is created. */
  memory?: WebAssembly.Memory;
  /** Initial size in pages when the heap creates the memory (default: enough for the reserved region). */
  initialPages?: number;
  /** Create a shared memory (needs a maximum: derived from capBytes). */
  shared?: boolean;
  /** Most bytes the memory may grow to (default 1 GiB). */
  capBytes?: number;
  /** Bytes at the bottom of memory never handed out by malloc (default 1 KiB). */
  reservedBytes?: number;
  /** Resume from another Heap's exportState() over the same memory (overrides reservedBytes). */
  state?: HeapState;
}

/**
 * The allocator's bookkeeping as plain data (structured-cloneable), so a worker thread that
 * receives the same (shared) memory can carry on allocating where the owner left off, and hand
 * the state back when it is done. Only one thread may allocate at a time.
 */
export interface HeapState {
  top: number;
  reservedEnd: number;
  live: Array<[number, number]>;
  free: Array<[number, number[]]>;
}

export interface HeapStats {
  /** Bytes in live allocations (rounded to their size class). */
  liveBytes: number;
  liveBlocks: number;
  /** Bytes in freed blocks kept for reuse. */
  freeBytes: number;
  /** First address past the highest block ever handed out. */
  top: number;
  /** Current size of the memory in bytes. */
  memoryBytes: number;
}

const MIN_ALIGN = 16;

/** The block size used for a request of n bytes (n >= 1). */
export function sizeClass(n: number): number {
  if (n <= 1024) return Math.max(MIN_ALIGN, (n + 15) & ~15);
  // Four classes per power of two bound the waste to 25%.
  const p = 2 ** Math.floor(Math.log2(n));
  const step = p / 4;
  return Math.ceil(n / step) * step;
}

function roundUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

export class Heap {
  readonly memory: WebAssembly.Memory;
  readonly capBytes: number;
  readonly reservedBase: number;
  readonly reservedEnd: number;
  private topAddr: number;
  private readonly live = new Map<number, number>();
  private readonly freeLists = new Map<number, number[]>();
  private freeTotal = 0;
  private liveTotal = 0;
  private cachedBuffer: ArrayBufferLike | null = null;
  private cachedView: DataView | null = null;
  private cachedU8: Uint8Array | null = null;

  constructor(options: HeapOptions = {}) {
    const cap = options.capBytes ?? DEFAULT_CAP_BYTES;
    if (!Number.isInteger(cap) || cap <= 0 || cap > MAX_MEMORY_BYTES) {
      throw new RangeError(`memory cap must be an integer in 1..${MAX_MEMORY_BYTES} bytes, got ${cap}`);
    }
    this.capBytes = cap;
    const reserved = options.state?.reservedEnd ??
      roundUp(Math.max(options.reservedBytes ?? DEFAULT_RESERVED_BYTES, MIN_ALIGN), MIN_ALIGN);
    if (reserved >= cap) throw new RangeError(`reserved region of ${reserved} bytes does not fit under the memory cap of ${cap} bytes`);
    // Address 0 stays null: the reserved region starts one alignment unit in.
    this.reservedBase = MIN_ALIGN;
    this.reservedEnd = reserved;
    this.topAddr = reserved;
    if (options.memory) {
      this.memory = options.memory;
    } else {
      const maximum = Math.floor(cap / WASM_PAGE_BYTES) || 1;
      const initial = Math.min(maximum, Math.max(options.initialPages ?? 1, Math.ceil(reserved / WASM_PAGE_BYTES)));
      this.memory = options.shared
        ? new WebAssembly.Memory({ initial, maximum, shared: true })
        : new WebAssembly.Memory({ initial, maximum });
    }
    this.ensure(reserved, reserved);
    if (options.state) this.importState(options.state);
  }

  exportState(): HeapState {
    return {
      top: this.topAddr,
      reservedEnd: this.reservedEnd,
      live: [...this.live],
      free: [...this.freeLists].map(([size, list]): [number, number[]] => [size, [...list]]),
    };
  }

  /** Replaces the bookkeeping with `state` (from exportState() of a heap over this memory). */
  importState(state: HeapState): void {
    if (state.reservedEnd !== this.reservedEnd) {
      throw new HeapError(`heap state has a reserved region of ${state.reservedEnd} bytes, this heap ${this.reservedEnd}`);
    }
    if (state.top > this.size) throw new HeapError(`heap state reaches ${state.top} bytes but the memory has ${this.size}`);
    this.topAddr = state.top;
    this.live.clear();
    this.liveTotal = 0;
    for (const [addr, size] of state.live) this.track(addr, size);
    this.freeLists.clear();
    this.freeTotal = 0;
    for (const [size, list] of state.free) {
      this.freeLists.set(size, [...list]);
      this.freeTotal += size * list.length;
    }
  }

  /** A DataView of the whole memory; re-read after any allocation (growth replaces the buffer). */
  get view(): DataView {
    this.refresh();
    return this.cachedView as DataView;
  }

  get bytes(): Uint8Array {
    this.refresh();
    return this.cachedU8 as Uint8Array;
  }

  get size(): number {
    return this.memory.buffer.byteLength;
  }

  private refresh(): void {
    const buf = this.memory.buffer;
    if (buf !== this.cachedBuffer) {
      this.cachedBuffer = buf;
      this.cachedView = new DataView(buf);
      this.cachedU8 = new Uint8Array(buf);
    }
  }

  /** Allocates n bytes aligned to `align` (a power of two); never returns 0. */
  malloc(n: number, align = MIN_ALIGN): number {
    if (!Number.isInteger(n) || n < 0) throw new HeapError(`malloc: invalid size ${n}`);
    if (!Number.isInteger(align) || align <= 0 || (align & (align - 1)) !== 0) {
      throw new HeapError(`malloc: alignment must be a power of two, got ${align}`);
    }
    if (n > this.capBytes) throw new OutOfMemoryError(n, this.capBytes);
    const size = sizeClass(Math.max(n, 1));
    const list = this.freeLists.get(size);
    if (list && list.length > 0) {
      const last = list[list.length - 1];
      if (last % align === 0) {
        list.pop();
        this.freeTotal -= size;
        return this.track(last, size);
      }
    }
    const addr = roundUp(this.topAddr, Math.max(align, MIN_ALIGN));
    const end = addr + size;
    this.ensure(end, n);
    this.topAddr = end;
    return this.track(addr, size);
  }

  /** malloc + zero fill (C's calloc). */
  calloc(count: number, elemSize: number, align = MIN_ALIGN): number {
    const n = count * elemSize;
    if (!Number.isSafeInteger(n) || n < 0) throw new HeapError(`calloc: invalid size ${count} x ${elemSize}`);
    const p = this.malloc(n, align);
    this.bytes.fill(0, p, p + n);
    return p;
  }

  /** Frees a block from malloc; free(0) does nothing, as in C. */
  free(p: number): void {
    if (p === 0) return;
    const size = this.live.get(p);
    if (size === undefined) throw new HeapError(`free of a pointer that is not a live allocation: 0x${p.toString(16)}`);
    this.live.delete(p);
    this.liveTotal -= size;
    if (p + size === this.topAddr) {
      // The block on top goes back to the bump pointer instead of a free list.
      this.topAddr = p;
      return;
    }
    let list = this.freeLists.get(size);
    if (!list) this.freeLists.set(size, (list = []));
    list.push(p);
    this.freeTotal += size;
  }

  /** Usable size of a live block (its size class), or undefined for a non-live pointer. */
  blockSize(p: number): number | undefined {
    return this.live.get(p);
  }

  stats(): HeapStats {
    return {
      liveBytes: this.liveTotal,
      liveBlocks: this.live.size,
      freeBytes: this.freeTotal,
      top: this.topAddr,
      memoryBytes: this.size,
    };
  }

  private track(addr: number, size: number): number {
    this.live.set(addr, size);
    this.liveTotal += size;
    return addr;
  }

  /** Grows the memory so that [0, end) is addressable, within the cap. */
  private ensure(end: number, requested: number): void {
    if (end > this.capBytes) throw new OutOfMemoryError(requested, this.capBytes);
    const have = this.memory.buffer.byteLength;
    if (end <= have) return;
    // Grow at least geometrically so many small allocations do not grow one page at a time.
    const needPages = Math.ceil((end - have) / WASM_PAGE_BYTES);
    const capPages = Math.floor(this.capBytes / WASM_PAGE_BYTES) - have / WASM_PAGE_BYTES;
    const wantPages = Math.min(Math.max(needPages, have / WASM_PAGE_BYTES / 2), capPages);
    for (const pages of wantPages > needPages ? [wantPages, needPages] : [needPages]) {
      try {
        this.memory.grow(pages);
        return;
      } catch {
        // Fall through: try the minimum, then report.
      }
    }
    throw new OutOfMemoryError(requested, this.capBytes,
      `allocation of ${requested} bytes failed: the memory could not grow past ${have} bytes (cap ${this.capBytes} bytes)`);
  }

  // ---- typed access helpers (little-endian, as WebAssembly) ----

  loadF32(p: number): number { return this.view.getFloat32(p, true); }
  loadF64(p: number): number { return this.view.getFloat64(p, true); }
  loadI32(p: number): number { return this.view.getInt32(p, true); }
  loadI64(p: number): bigint { return this.view.getBigInt64(p, true); }
  storeF32(p: number, v: number): void { this.view.setFloat32(p, v, true); }
  storeF64(p: number, v: number): void { this.view.setFloat64(p, v, true); }
  storeI32(p: number, v: number): void { this.view.setInt32(p, v, true); }
  storeI64(p: number, v: bigint): void { this.view.setBigInt64(p, v, true); }

  /** Reads a NUL-terminated UTF-8 string starting at p (stops at the end of memory). */
  readCString(p: number, maxBytes = 1 << 20): string {
    const u8 = this.bytes;
    if (p <= 0 || p >= u8.length) throw new HeapError(`string pointer out of bounds: 0x${p.toString(16)}`);
    let end = p;
    const limit = Math.min(u8.length, p + maxBytes);
    while (end < limit && u8[end] !== 0) end++;
    return Buffer.from(u8.buffer, u8.byteOffset + p, end - p).toString("utf8");
  }

  /** Writes s as UTF-8 plus a NUL at p; returns the bytes written (including the NUL). */
  writeCString(p: number, s: string): number {
    const enc = Buffer.from(s, "utf8");
    const u8 = this.bytes;
    if (p <= 0 || p + enc.length + 1 > u8.length) throw new HeapError(`string write out of bounds at 0x${p.toString(16)}`);
    u8.set(enc, p);
    u8[p + enc.length] = 0;
    return enc.length + 1;
  }

  /** Allocates a block holding s as a NUL-terminated UTF-8 string. */
  allocCString(s: string): number {
    const p = this.malloc(Buffer.byteLength(s, "utf8") + 1);
    this.writeCString(p, s);
    return p;
  }
}
