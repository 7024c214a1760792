// Typed access to the shared heap and the byte layout of types, as the wasm engine lays them
// out (src/backend/wasm/abi.ts): wasm32, little-endian, pointers and index stored as 4 bytes
// (MLIR on a 64-bit host uses 8 for both), C alignment rules for struct fields.
//
// Layouts are computed from a type's printed form, so the llvm dialect's type classes (written
// elsewhere) need no special support here: `!llvm.array<4 x i8>`, `!llvm.struct<(i32, f64)>`,
// `!llvm.ptr`, builtin scalars and vectors.
import type { Heap } from "./heap.js";
import { halfBits, halfToFloat } from "../ir/float.js";
import type { Type } from "../ir/types.js";
import type { Operation } from "../ir/core.js";
import { accessSite, outOfBoundsMessage } from "../dialects/memref.js";
import { MemRefValue, OpTrap, SiteTrap, Trap, type RtValue, type Scalar } from "./values.js";

export const PTR_BYTES = 4;
export const INDEX_BYTES = 4;

export interface Layout {
  size: number;
  align: number;
  /** Struct fields (byte offsets), or the element of an array/vector. */
  fields?: { offset: number; layout: Layout }[];
  elem?: Layout;
  /** The scalar kind for loads/stores ("i32", "f32", "ptr", ...). */
  scalar?: string;
}

const layoutCache = new Map<string, Layout>();

/** Layout of a type from its printed form (throws Trap for what has no memory layout). */
export function layoutOf(t: Type | string): Layout {
  const s = typeof t === "string" ? t : t.str;
  let l = layoutCache.get(s);
  if (!l) { l = new LayoutParser(s).parse(); layoutCache.set(s, l); }
  return l;
}

class LayoutParser {
  private pos = 0;
  constructor(private readonly s: string) {}
  parse(): Layout {
    const l = this.type();
    if (this.pos !== this.s.length) throw new Trap(`no memory layout for type ${this.s}`);
    return l;
  }
  private ws(): void { while (this.s[this.pos] === " ") this.pos++; }
  private eat(tok: string): boolean {
    this.ws();
    if (this.s.startsWith(tok, this.pos)) { this.pos += tok.length; return true; }
    return false;
  }
  private expect(tok: string): void { if (!this.eat(tok)) throw new Trap(`no memory layout for type ${this.s}`); }
  private word(): string {
    this.ws();
    const m = /^[A-Za-z0-9_.!]+/.exec(this.s.slice(this.pos));
    if (!m) throw new Trap(`no memory layout for type ${this.s}`);
    this.pos += m[0].length;
    return m[0];
  }
  private type(): Layout {
    const w = this.word().replace(/^!llvm\./, "");
    const scalar = scalarLayout(w);
    if (scalar) return scalar;
    if (w === "ptr") { if (this.eat("<")) { this.word(); this.expect(">"); } return { size: PTR_BYTES, align: PTR_BYTES, scalar: "ptr" }; }
    if (w === "array") {
      this.expect("<");
      const n = Number(this.word());
      this.expect("x");
      const elem = this.type();
      this.expect(">");
      return { size: n * elem.size, align: elem.align, elem };
    }
    if (w === "vector") {
      // vector<4xf32>: the dims run into the element type ("4xf32"), split on 'x'.
      this.expect("<");
      const start = this.pos;
      while (this.pos < this.s.length && this.s[this.pos] !== ">") this.pos++;
      const parts = this.s.slice(start, this.pos).split("x");
      this.expect(">");
      const elem = this.typeFrom(parts.pop()!);
      const n = parts.reduce((a, b) => a * Number(b), 1);
      return { size: n * elem.size, align: Math.min(16, n * elem.size), elem };
    }
    if (w === "struct") {
      this.expect("<");
      this.ws();
      if (this.s[this.pos] === '"') { this.pos = this.s.indexOf('"', this.pos + 1) + 1; this.expect(","); }
      const packed = this.eat("packed");
      this.expect("(");
      const members: Layout[] = [];
      if (!this.eat(")")) { do members.push(this.type()); while (this.eat(",")); this.expect(")"); }
      this.expect(">");
      let off = 0, align = 1;
      const fields = members.map((m) => {
        const a = packed ? 1 : m.align;
        off = Math.ceil(off / a) * a;
        const f = { offset: off, layout: m };
        off += m.size;
        align = Math.max(align, a);
        return f;
      });
      return { size: Math.ceil(off / align) * align, align, fields };
    }
    throw new Trap(`no memory layout for type ${this.s}`);
  }
  private typeFrom(s: string): Layout { return new LayoutParser(s).parse(); }
}

function scalarLayout(w: string): Layout | undefined {
  switch (w) {
    case "i1": case "i8": return { size: 1, align: 1, scalar: w };
    case "i16": case "f16": case "bf16": return { size: 2, align: 2, scalar: w };
    case "i32": case "f32": return { size: 4, align: 4, scalar: w };
    case "i64": case "f64": return { size: 8, align: 8, scalar: w };
    case "index": return { size: INDEX_BYTES, align: INDEX_BYTES, scalar: "index" };
  }
  return undefined;
}

function oob(addr: number, n: number, heap: Heap): never {
  throw new OpTrap(`memory access out of bounds (${n} bytes at address ${addr}, memory size ${heap.size})`);
}

// The DataView over the heap is cached per heap: reading WebAssembly.Memory#buffer on every
// access is slow. Growing a memory detaches the old buffer (TypeError on access) and a shared
// memory grows in place (RangeError past the old end): either way, refresh and retry once.
const views = new WeakMap<Heap, DataView>();
function viewOf(heap: Heap): DataView {
  let v = views.get(heap);
  if (!v) { v = heap.view; views.set(heap, v); }
  return v;
}
function retry<T>(heap: Heap, addr: number, n: number, f: (v: DataView) => T): T {
  const v = heap.view;
  views.set(heap, v);
  if (addr < 0 || addr + n > v.byteLength) oob(addr, n, heap);
  return f(v);
}

const SIZES: Record<string, number> = { f32: 4, f64: 8, i32: 4, ptr: 4, i64: 8, index: INDEX_BYTES, i1: 1, i8: 1, i16: 2 };

function loadFrom(v: DataView, addr: number, kind: string): Scalar {
  switch (kind) {
    case "f32": return v.getFloat32(addr, true);
    case "f64": return v.getFloat64(addr, true);
    case "i32": return v.getInt32(addr, true);
    case "ptr": return v.getUint32(addr, true);
    case "i64": return v.getBigInt64(addr, true);
    case "index": return v.getInt32(addr, true);
    case "i1": return v.getUint8(addr) & 1;
    case "i8": return v.getInt8(addr);
    case "i16": return v.getInt16(addr, true);
    case "f16": return halfToFloat(v.getUint16(addr, true), false);
    case "bf16": return halfToFloat(v.getUint16(addr, true), true);
  }
  throw new Trap(`cannot load a value of type ${kind} from memory`);
}

function storeTo(v: DataView, addr: number, kind: string, x: Scalar): void {
  switch (kind) {
    case "f32": v.setFloat32(addr, x as number, true); return;
    case "f64": v.setFloat64(addr, x as number, true); return;
    case "i32": v.setInt32(addr, Number(x), true); return;
    case "ptr": v.setUint32(addr, Number(x) >>> 0, true); return;
    case "i64": v.setBigInt64(addr, BigInt(x), true); return;
    case "index": v.setInt32(addr, Number(BigInt.asIntN(32, BigInt(x))), true); return;
    case "i1": v.setUint8(addr, Number(x) & 1); return;
    case "i8": v.setInt8(addr, Number(BigInt.asIntN(8, BigInt(x)))); return;
    case "i16": v.setInt16(addr, Number(BigInt.asIntN(16, BigInt(x))), true); return;
    case "f16": v.setUint16(addr, halfBits(x as number, false), true); return;
    case "bf16": v.setUint16(addr, halfBits(x as number, true), true); return;
  }
  throw new Trap(`cannot store a value of type ${kind} to memory`);
}

/** Loads a scalar of the given kind (see Layout.scalar) from a byte address. */
export function loadScalar(heap: Heap, addr: number, kind: string): Scalar {
  if (addr < 0) oob(addr, SIZES[kind] ?? 1, heap);
  try {
    return loadFrom(viewOf(heap), addr, kind);
  } catch (e) {
    if (e instanceof Trap) throw e;
    return retry(heap, addr, SIZES[kind] ?? 1, (v) => loadFrom(v, addr, kind));
  }
}

export function storeScalar(heap: Heap, addr: number, kind: string, x: Scalar): void {
  if (addr < 0) oob(addr, SIZES[kind] ?? 1, heap);
  try {
    storeTo(viewOf(heap), addr, kind, x);
  } catch (e) {
    if (e instanceof Trap) throw e;
    retry(heap, addr, SIZES[kind] ?? 1, (v) => storeTo(v, addr, kind, x));
  }
}

/** Scalar kind used for loads/stores of a type (throws for aggregates). */
export function scalarKind(t: Type): string {
  const k = layoutOf(t).scalar;
  if (!k) throw new Trap(`cannot load or store a value of type ${t.str} as a scalar`);
  return k;
}

/**
 * An access outside a memref's shape (--check-bounds). The interpreter words it as the wasm
 * engine does, naming the op and the memref operand (Interpreter.runRegion, outOfBoundsMessage).
 */
export class OutOfBounds extends SiteTrap {
  constructor(readonly memref: MemRefValue, readonly idx: readonly number[], readonly width: number) {
    super(`index [${idx.join(", ")}] is out of bounds for ${memref.typeStr} with shape [${memref.sizes.join(", ")}]`);
  }
  /** At the innermost op that has the memref among its operands: the access, or the linalg op whose view it is. */
  protected at(op: Operation, operands: readonly RtValue[]): boolean {
    const i = operands.indexOf(this.memref);
    if (i < 0) return false;
    this.message = outOfBoundsMessage(accessSite(op, op.operands[i]), this.idx, this.memref.sizes, this.width);
    return true;
  }
}

/** Checks `idx` against the memref's sizes, `width` elements along the last (only under --check-bounds). */
export function checkIndex(m: MemRefValue, idx: readonly number[], width = 1): void {
  for (let d = 0; d < idx.length; d++) {
    if (idx[d] < 0 || (d === idx.length - 1 ? idx[d] + width - 1 : idx[d]) >= m.sizes[d]) throw new OutOfBounds(m, [...idx], width);
  }
}

/** Loads memref element idx (no bounds check beyond the memory itself). */
const elemLayouts = new Map<Type, Layout>();
function elemLayout(t: Type): Layout {
  let l = elemLayouts.get(t);
  if (!l) { l = layoutOf(t); elemLayouts.set(t, l); }
  return l;
}

export function loadElement(heap: Heap, m: MemRefValue, idx: readonly number[]): Scalar {
  const l = elemLayout(m.elementType);
  return loadScalar(heap, m.aligned + m.linear(idx) * l.size, l.scalar ?? m.elementType.str);
}

export function storeElement(heap: Heap, m: MemRefValue, idx: readonly number[], v: Scalar): void {
  const l = elemLayout(m.elementType);
  storeScalar(heap, m.aligned + m.linear(idx) * l.size, l.scalar ?? m.elementType.str, v);
}
