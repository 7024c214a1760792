// Runtime values of the reference interpreter and their layout in the heap.
//
// Representation (the contract with callers of `Interpreter.call`):
//   i1                 number 0 | 1 (the signed view -1 is used only inside integer ops)
//   i2..i32            number, signed, wrapped to the width
//   i64 (and wider)    bigint, signed, wrapped to the width
//   index              number: MLIR's 64-bit semantics, exact while |v| < 2^53 (results past
//                      that wrap through BigInt to 64 bits, then lose precision). The wasm
//                      engine uses 32-bit index; a program whose indices leave i32 differs there.
//                      In memory (memref<?xindex>) an index takes 4 bytes, as in the wasm engine.
//   f16/bf16/f32/f64   number, rounded to the type after every operation (Math.fround for f32)
//   !llvm.ptr          number, a byte address in the heap (function pointers: small handles)
//   tensor, vector     TensorValue: immutable shape + row-major data
//   memref             MemRefValue: MLIR's descriptor {allocated, aligned, offset, sizes,
//                      strides} over the shared Heap, so aliasing and out-of-bounds reads
//                      behave as in the wasm engine.
import type { Operation } from "../ir/core.js";
import { opSite } from "../ir/diagnostics.js";
import { FloatType, IndexType, IntegerType, ShapedType, Type, UnrankedMemRefType, UnrankedTensorType, elementTypeOf } from "../ir/types.js";
import { wrapS } from "../dialects/arith.js";
import { roundFloat } from "../ir/float.js";

export type Scalar = number | bigint;

/** Immutable tensor (or vector) value: shape plus row-major elements. */
export class TensorValue {
  constructor(readonly shape: readonly number[], readonly elementType: Type, readonly data: readonly Scalar[]) {}
  get rank(): number { return this.shape.length; }
  get size(): number { return this.data.length; }
  static filled(shape: readonly number[], elementType: Type, v: Scalar): TensorValue {
    return new TensorValue(shape, elementType, new Array<Scalar>(numElements(shape)).fill(v));
  }
}

/** A memref descriptor (ranked or unranked: the rank is the length of `sizes`). */
export class MemRefValue {
  constructor(readonly elementType: Type, readonly allocated: number, readonly aligned: number, readonly offset: number,
              readonly sizes: readonly number[], readonly strides: readonly number[]) {}
  get rank(): number { return this.sizes.length; }
  /** Element offset (from `aligned`) of the element at `idx`. */
  linear(idx: readonly number[]): number {
    let o = this.offset;
    for (let i = 0; i < idx.length; i++) o += idx[i] * this.strides[i];
    return o;
  }
  get typeStr(): string { return `memref<${this.sizes.map((s) => s + "x").join("")}${this.elementType.str}>`; }
}

export type RtValue = Scalar | TensorValue | MemRefValue;

/** What both engines say when a program recurses past the stack. */
export const STACK_OVERFLOW = "stack overflow (recursion too deep)";

/** A run-time failure in the program (trap, bad host call, ...): the message names the function. */
export class InterpreterError extends Error {
  override name = "InterpreterError";
  /** `tensorlang-run` exits with this code on a runtime error (as for wasm traps). */
  readonly exitCode = 4;
  constructor(readonly functionName: string, readonly reason: string, options?: { cause?: unknown }) {
    super(`runtime error in @${functionName}: ${reason}`, options);
  }
}

/** The run passed its `timeLimitMs` (a sandbox verdict "timeout", not a program error). */
export class TimeLimitError extends Error {
  override name = "TimeLimitError";
  constructor(readonly functionName: string, readonly limitMs: number) {
    super(`time limit of ${limitMs} ms exceeded (in @${functionName})`);
  }
}

/** Thrown by handlers; the interpreter adds the function name (InterpreterError). */
export class Trap extends Error {
  override name = "Trap";
}

/**
 * A trap worded at the op that raised it, as the wasm engine words it: Interpreter.runRegion
 * offers it each op it unwinds through, innermost first, until one takes it.
 */
export abstract class SiteTrap extends Trap {
  private located = false;
  /** Words the message at `op` (with its operand values); false leaves it to an enclosing op. */
  protected abstract at(op: Operation, operands: readonly RtValue[]): boolean;
  locate(op: Operation, operands: readonly RtValue[]): this {
    if (!this.located) this.located = this.at(op, operands);
    return this;
  }
}

/** A trap of the op that ran (a division by zero, an access past the memory): named at that op. */
export class OpTrap extends SiteTrap {
  protected at(op: Operation): boolean {
    this.message = `${opSite(op)}: ${this.message}`;
    return true;
  }
}

export const numElements = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

export { contiguousStrides } from "../ir/types.js";

/** Row-major linear position of `idx` in `shape`. */
export function rowMajor(shape: readonly number[], idx: readonly number[]): number {
  let o = 0;
  for (let d = 0; d < shape.length; d++) o = o * shape[d] + idx[d];
  return o;
}

/** Calls fn on every index of `shape` in row-major order (the index array is reused). */
export function forEachIndex(shape: readonly number[], fn: (idx: number[]) => void): void {
  const n = numElements(shape);
  if (n === 0) return;
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    fn(idx);
    for (let d = shape.length - 1; d >= 0; d--) { if (++idx[d] < shape[d]) break; idx[d] = 0; }
  }
}

// ---- scalars --------------------------------------------------------------------------------

/** Width of an integer-like type; index is 64 (MLIR semantics). */
export function intWidthOf(t: Type): number { return t instanceof IntegerType ? t.width : 64; }
export const isBigIntType = (t: Type): boolean => t instanceof IntegerType && t.width > 32;

/** Signed BigInt view of an integer-like value (i1 true is -1). */
export function toBig(v: Scalar, t: Type): bigint {
  if (typeof v === "bigint") return v;
  return t instanceof IntegerType && t.width === 1 ? (v & 1 ? -1n : 0n) : BigInt(v);
}

/** Canonical representation of a signed BigInt result of type t. */
export function fromBig(v: bigint, t: Type): Scalar {
  if (t instanceof IndexType) return Number(BigInt.asIntN(64, v));
  const w = intWidthOf(t);
  if (w === 1) return Number(v & 1n);
  if (w <= 32) return Number(BigInt.asIntN(w, v));
  return wrapS(v, w);
}

/** Brings any JS number/bigint into the canonical representation of scalar type t. */
export function canon(v: Scalar | boolean, t: Type): Scalar {
  if (typeof v === "boolean") v = v ? 1 : 0;
  if (t instanceof FloatType) return roundFloat(Number(v), t);
  if (t instanceof IndexType) {
    if (typeof v === "number" && Number.isSafeInteger(v)) return v;
    return Number(BigInt.asIntN(64, typeof v === "bigint" ? v : BigInt(Math.trunc(v))));
  }
  if (t instanceof IntegerType) {
    if (t.width === 1) return typeof v === "bigint" ? Number(v & 1n) : v & 1;
    if (t.width === 32 && typeof v === "number") return v | 0;
    return fromBig(typeof v === "bigint" ? v : BigInt(Math.trunc(v)), t);
  }
  return v;  // !llvm.ptr and other opaque scalars
}

/** Zero of a scalar type in canonical form. */
export function zeroOf(t: Type): Scalar { return isBigIntType(t) ? 0n : 0; }

/** Element type and static shape of tensor-like types, including dialect tensor types. */
export function shapedInfo(t: Type): { shape: readonly number[]; elementType: Type } | undefined {
  if (t instanceof ShapedType) return { shape: t.shape, elementType: t.elementType };
  if (t instanceof UnrankedMemRefType || t instanceof UnrankedTensorType) return { shape: [], elementType: t.elementType };
  const maybe = t as unknown as { shape?: readonly number[]; elementType?: Type };
  if (Array.isArray(maybe.shape) && maybe.elementType instanceof Type) return { shape: maybe.shape, elementType: maybe.elementType };
  return undefined;
}

export { elementTypeOf };
