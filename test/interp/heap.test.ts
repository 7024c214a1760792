import { test } from "node:test";
import assert from "node:assert/strict";
import { Heap, HeapError, OutOfMemoryError, WASM_PAGE_BYTES, sizeClass } from "../../src/interp/heap.js";

test("malloc never returns null nor an address in the reserved region", () => {
  const heap = new Heap({ reservedBytes: 4096 });
  assert.equal(heap.reservedBase > 0, true);
  assert.equal(heap.reservedEnd, 4096);
  for (let i = 0; i < 100; i++) {
    const p = heap.malloc(i);
    assert.notEqual(p, 0);
    assert.ok(p >= 4096, `address ${p} inside the reserved region`);
    assert.equal(p % 16, 0);
  }
});

test("live blocks do not overlap", () => {
  const heap = new Heap();
  const blocks: Array<[number, number]> = [];
  for (let i = 1; i <= 300; i++) {
    const n = (i * 37) % 500 + 1;
    blocks.push([heap.malloc(n), n]);
  }
  blocks.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < blocks.length; i++) {
    assert.ok(blocks[i - 1][0] + blocks[i - 1][1] <= blocks[i][0], "blocks overlap");
  }
});

test("freed blocks are reused for requests of the same size class", () => {
  const heap = new Heap();
  const a = heap.malloc(40);
  heap.malloc(8); // keeps `a` from being the top block
  heap.free(a);
  assert.equal(heap.stats().freeBytes, sizeClass(40));
  const b = heap.malloc(48);
  assert.equal(b, a);
  assert.equal(heap.stats().freeBytes, 0);
});

test("freeing the top block returns it to the bump pointer", () => {
  const heap = new Heap();
  const before = heap.stats().top;
  const p = heap.malloc(1000);
  heap.free(p);
  assert.equal(heap.stats().top, before);
  assert.equal(heap.stats().liveBlocks, 0);
});

test("alignment is honoured", () => {
  const heap = new Heap();
  heap.malloc(3);
  for (const align of [16, 32, 64, 256, 4096]) assert.equal(heap.malloc(10, align) % align, 0);
  assert.throws(() => heap.malloc(8, 24), (e: unknown) => e instanceof HeapError && /power of two/.test(e.message));
});

test("memory grows as needed and data survives growth", () => {
  const heap = new Heap({ initialPages: 1 });
  const p = heap.malloc(8);
  heap.storeF64(p, 1.25);
  heap.storeI64(p, -5n);
  const big = heap.malloc(3 * WASM_PAGE_BYTES);
  assert.ok(heap.size >= big + 3 * WASM_PAGE_BYTES);
  assert.equal(heap.loadI64(p), -5n);
  heap.storeF32(big + 3 * WASM_PAGE_BYTES - 4, 2.5);
  assert.equal(heap.loadF32(big + 3 * WASM_PAGE_BYTES - 4), 2.5);
});

test("an allocation beyond the cap throws OutOfMemoryError with a clear message", () => {
  const cap = 4 * WASM_PAGE_BYTES;
  const heap = new Heap({ capBytes: cap });
  assert.throws(() => heap.malloc(cap + 1), (e: unknown) =>
    e instanceof OutOfMemoryError && e.message === `allocation of ${cap + 1} bytes exceeds the memory cap of ${cap} bytes`);
  heap.malloc(2 * WASM_PAGE_BYTES);
  assert.throws(() => heap.malloc(2 * WASM_PAGE_BYTES), OutOfMemoryError);
  // The heap stays usable after a refused allocation.
  assert.notEqual(heap.malloc(100), 0);
});

test("calloc zeroes reused memory; malloc(0) gives a unique pointer", () => {
  const heap = new Heap();
  const a = heap.malloc(64);
  heap.malloc(1);
  heap.bytes.fill(0xab, a, a + 64);
  heap.free(a);
  const b = heap.calloc(16, 4);
  assert.equal(b, a);
  assert.ok(heap.bytes.subarray(b, b + 64).every((x) => x === 0));
  const z1 = heap.malloc(0);
  const z2 = heap.malloc(0);
  assert.notEqual(z1, z2);
});

test("free of a bad pointer or a double free is a HeapError; free(0) is a no-op", () => {
  const heap = new Heap();
  const p = heap.malloc(16);
  heap.malloc(16);
  heap.free(0);
  heap.free(p);
  assert.throws(() => heap.free(p), /not a live allocation: 0x/);
  assert.throws(() => heap.free(p + 4), HeapError);
});

test("C strings round trip through the heap", () => {
  const heap = new Heap();
  const p = heap.allocCString("héllo\n");
  assert.equal(heap.readCString(p), "héllo\n");
  assert.equal(heap.bytes[p + Buffer.byteLength("héllo\n")], 0);
  assert.throws(() => heap.readCString(0), /out of bounds/);
});

test("a shared heap works over a SharedArrayBuffer and grows in place", () => {
  const heap = new Heap({ shared: true, capBytes: 64 * WASM_PAGE_BYTES });
  assert.ok(heap.memory.buffer instanceof SharedArrayBuffer);
  const p = heap.malloc(16);
  heap.storeI32(p, 7);
  heap.malloc(8 * WASM_PAGE_BYTES);
  assert.equal(heap.loadI32(p), 7);
});

test("many small allocations and frees keep memory bounded", () => {
  const heap = new Heap();
  const live: number[] = [];
  for (let i = 0; i < 20000; i++) {
    live.push(heap.malloc(16 + (i % 7) * 16));
    if (live.length > 50) heap.free(live.splice((i * 13) % live.length, 1)[0]);
  }
  assert.ok(heap.stats().memoryBytes <= 4 * WASM_PAGE_BYTES, `memory grew to ${heap.stats().memoryBytes}`);
});

test("a second heap over the same memory resumes from exported state", () => {
  const a = new Heap({ shared: true, capBytes: 32 * WASM_PAGE_BYTES, reservedBytes: 2048 });
  const p = a.malloc(100);
  const q = a.malloc(100);
  a.malloc(10);
  a.free(q);
  const b = new Heap({ memory: a.memory, capBytes: 32 * WASM_PAGE_BYTES, state: structuredClone(a.exportState()) });
  assert.equal(b.reservedEnd, 2048);
  assert.equal(b.malloc(100), q, "reuses the block freed before the hand-over");
  const fresh = b.malloc(500);
  assert.ok(fresh >= a.stats().top, "new blocks come after everything the first heap handed out");
  b.free(p);
  assert.throws(() => b.free(p), HeapError);
  a.importState(b.exportState());
  assert.deepEqual(a.stats(), b.stats());
  assert.throws(() => new Heap({ reservedBytes: 4096 }).importState(a.exportState()), /reserved region/);
});
