// memref's atomics and the views and buffers made otherwise than by subview (src/dialects/
// memref-more.ts): view, reshape, realloc, extract_strided_metadata. As the interpreter.
import binaryen from "./binaryen.js";
import { Block, Operation } from "../../ir/core.js";
import { DYN, FloatType, IntegerType, MemRefType, type Type } from "../../ir/types.js";
import { allocAlignment } from "../../dialects/memref.js";
import { atomicCombiner } from "../../dialects/memref-more.js";
import { CompileError, elementBytes, wasmTypeOf } from "./abi.js";
import { BT, type Expr, type Field, FunctionEmitter, HANDLERS, normInt, register } from "./emitter.js";
import { allocBytes, baseOf, elementAccess, loadScalar, storeScalar } from "./ops-memory.js";
import { emitRegionBody } from "./ops-control.js";
import { decodeHalf, encodeHalf, isHalf } from "./half.js";

/**
 * A read-modify-write of the element `op` addresses (memref operand `first - 1`, indices from
 * `first`): `old` (the op's result) gets the element, `update()` gives the new value, emitting
 * what it needs. A unit compiled for threads shares its memory: there it is a compare-exchange
 * loop (an update is pure, so it may run again), elsewhere a load and a store.
 */
function readModifyWrite(e: FunctionEmitter, op: Operation, first: number, update: () => Expr): void {
  const m = e.m, t = op.result.type, a = elementAccess(e, op, first);
  const ptr = e.newLocal("i32"), old = e.declare(op.result);
  e.emit(m.local.set(ptr, a.ptr));
  const at = () => m.local.get(ptr, binaryen.i32);
  if (!e.unit.options.parallel) {
    e.emit(m.local.set(old.local, loadScalar(e, t, at(), a.offset)));
    e.emit(storeScalar(e, t, at(), update(), a.offset));
    return;
  }
  const w = atomicWidth(t), I = w === 64 ? m.i64 : m.i32, seen = e.newLocal(w === 64 ? "i64" : "i32"), again = e.label("rmw");
  const seenBits = () => m.local.get(seen, w === 64 ? binaryen.i64 : binaryen.i32);
  const body = e.collect(() => {
    const load = w === 8 ? m.i32.atomic.load8_u : w === 16 ? m.i32.atomic.load16_u : I.atomic.load;
    e.emit(m.local.set(seen, e.trapping(load(a.offset, at()))));
    e.emit(m.local.set(old.local, fromBits(e, t, seenBits())));
    const rmw = w === 8 ? m.i32.atomic.rmw8_u : w === 16 ? m.i32.atomic.rmw16_u : I.atomic.rmw;
    e.emit(m.br(again, I.ne(e.trapping(rmw.cmpxchg(a.offset, at(), seenBits(), toBits(e, t, update()))), seenBits())));
  });
  e.emit(m.loop(again, m.block(null, body)));
}

/** The bits a compare-exchange of an element of type `t` works on. */
function atomicWidth(t: Type): 8 | 16 | 32 | 64 {
  const b = elementBytes(t);
  if (t instanceof FloatType && ![16, 32, 64].includes(t.width)) throw new CompileError(`an atomic update of ${t.str} is not supported by the wasm backend`);
  return (b * 8) as 8 | 16 | 32 | 64;
}
function fromBits(e: FunctionEmitter, t: Type, x: Expr): Expr {
  const m = e.m;
  if (isHalf(t)) return decodeHalf(e, t, x);
  if (t instanceof FloatType) return t.width === 32 ? m.f32.reinterpret(x) : m.f64.reinterpret(x);
  return t instanceof IntegerType && t.width > 1 ? normInt(m, x, t) : x; // i1 is loaded as 0/1
}
function toBits(e: FunctionEmitter, t: Type, x: Expr): Expr {
  const m = e.m;
  if (isHalf(t)) return encodeHalf(e, t, m.f64.promote(x));
  if (t instanceof FloatType) return t.width === 32 ? m.i32.reinterpret(x) : m.i64.reinterpret(x);
  return x; // the narrow compare-exchanges take the low bits
}

register("memref.atomic_rmw", (e, op) => {
  const name = atomicCombiner(op), t = op.result.type;
  readModifyWrite(e, op, 2, () => {
    if (!name) return e.get(op.operand(0));
    // The kind's arith op, emitted by its own handler on stand-ins for the old and given values
    const [o, v] = new Block([t, t]).args;
    e.vals.set(o, e.val(op.result));
    e.vals.set(v, e.val(op.operand(0)));
    const combine = new Operation({ name, operands: [o, v], resultTypes: [t], loc: op.loc });
    HANDLERS.get(name)!(e, combine);
    return e.get(combine.result);
  });
});
register("memref.generic_atomic_rmw", (e, op) => {
  readModifyWrite(e, op, 1, () => {
    const wt = wasmTypeOf(op.result.type)!, out = e.newLocal(wt);
    e.vals.set(op.body().args[0], e.val(op.result));
    for (const s of emitRegionBody(e, op, 0, [out])) e.emit(s);
    return e.m.local.get(out, BT[wt]);
  });
});

// MLIR's view: the byte shift moves the aligned pointer; the result has offset 0 and identity strides
register("memref.view", (e, op) => {
  const src = e.memref(op.operand(0)), t = op.result.type as MemRefType, m = e.m;
  const aligned = e.toField(m.i32.add(m.i32.add(e.field(src.aligned), e.field(src.offset)), e.get(op.operand(1))));
  const { sizes, strides } = allocBytes(e, t, (k) => e.toField(e.get(op.operand(2 + k))));
  e.vals.set(op.result, e.memrefFrom(t, src.allocated, aligned, { offset: { c: 0 }, sizes, strides }));
});

// Only the dynamic sizes come from the shape operand (MLIR's lowering: a static size wins)
register("memref.reshape", (e, op) => {
  const t = op.result.type, src = baseOf(e, op.operand(0)), shape = e.memref(op.operand(1));
  const dim = (i: Expr): Expr => { // shape[i] as an i32
    const x = loadScalar(e, shape.type.elementType, e.address(shape, [i], 1, false));
    return wasmTypeOf(shape.type.elementType) === "i64" ? e.m.i32.wrap(x) : x;
  };
  if (!(t instanceof MemRefType)) { reshapeUnranked(e, op, src, shape.sizes[0], dim); return; }
  const dynDims = t.shape.flatMap((s, d) => (s === DYN ? [d] : []));
  const { sizes, strides } = allocBytes(e, t, (k) => e.toField(dim(e.i32(dynDims[k]))));
  e.vals.set(op.result, e.memrefFrom(t, src.allocated, src.aligned, { offset: src.offset, sizes, strides }));
});

/**
 * To an unranked memref: the rank is the shape's length, known at run time, so its descriptor
 * (as materializeDescriptor lays it out) is filled on the shadow stack by a loop from the
 * innermost dimension, each stride the product of the sizes inside it.
 */
function reshapeUnranked(e: FunctionEmitter, op: Operation, src: ReturnType<typeof baseOf>, rank: Field, dim: (i: Expr) => Expr): void {
  const m = e.m, i32 = binaryen.i32, desc = e.stackAlloc(m.i32.add(e.i32(12), m.i32.shl(e.field(rank), e.i32(3))));
  const i = e.newLocal("i32"), acc = e.newLocal("i32"), size = e.newLocal("i32"), brk = e.label("rsx"), next = e.label("rsl");
  const at = (words: Expr) => m.i32.add(m.local.get(desc, i32), m.i32.shl(words, e.i32(2)));
  const get = (l: number) => m.local.get(l, i32);
  [src.allocated, src.aligned, src.offset].forEach((f, k) => e.emit(m.i32.store(0, 4, at(e.i32(k)), e.field(f))));
  e.emit(m.local.set(acc, e.i32(1)));
  e.emit(m.local.set(i, e.field(rank)));
  e.emit(m.block(brk, [m.br(brk, m.i32.eqz(get(i))), m.loop(next, m.block(null, [
    m.local.set(i, m.i32.sub(get(i), e.i32(1))),
    m.local.set(size, dim(get(i))),
    m.i32.store(0, 4, at(m.i32.add(get(i), e.i32(3))), get(size)),
    m.i32.store(0, 4, at(m.i32.add(m.i32.add(get(i), e.field(rank)), e.i32(3))), get(acc)),
    m.local.set(acc, m.i32.mul(get(acc), get(size))),
    m.br(next, get(i)),
  ]))]));
  e.vals.set(op.result, { kind: "unranked", rank, desc: { l: desc } });
}

/**
 * As MLIR's --expand-realloc: a larger size allocates, copies the old elements and frees the old
 * buffer; a size no larger keeps the buffer.
 */
register("memref.realloc", (e, op) => {
  const src = e.memref(op.operand(0)), t = op.result.type as MemRefType, m = e.m, eb = elementBytes(t.elementType);
  const { bytes, wide, sizes, strides } = allocBytes(e, t, () => e.toField(e.get(op.operand(1))));
  const allocated = e.newLocal("i32"), aligned = e.newLocal("i32");
  const alloc = e.unit.runtimeImport("alloc", ["f64", "i32"], "i32"), free = e.unit.runtimeImport("free", ["i32"], null);
  const p = () => m.local.get(aligned, binaryen.i32);
  const oldStart = m.i32.add(e.field(src.aligned), m.i32.mul(e.field(src.offset), e.i32(eb)));
  e.emit(m.if(m.i32.lt_u(e.field(src.sizes[0]), e.field(sizes[0] ?? { c: t.shape[0] })),
    m.block(null, [
      m.local.set(aligned, m.call(alloc, [wide ? bytes : m.f64.convert_u.i32(bytes), e.i32(allocAlignment(op, 64))], binaryen.i32)),
      m.local.set(allocated, p()),
      e.trapping(m.memory.copy(p(), oldStart, m.i32.mul(e.field(src.sizes[0]), e.i32(eb)))),
      m.call(free, [e.field(src.allocated)], binaryen.none),
    ]),
    m.block(null, [m.local.set(allocated, e.field(src.allocated)), m.local.set(aligned, e.field(src.aligned))])));
  e.vals.set(op.result, e.memrefFrom(t, { l: allocated }, { l: aligned }, { offset: { c: 0 }, sizes, strides }));
});

register("memref.extract_strided_metadata", (e, op) => {
  const src = e.memref(op.operand(0));
  e.vals.set(op.results[0], e.memrefFrom(op.results[0].type as MemRefType, src.allocated, src.aligned, { offset: { c: 0 } }));
  [src.offset, ...src.sizes, ...src.strides].forEach((f: Field, i) => e.define(op.results[1 + i], e.field(f), "i32"));
});
