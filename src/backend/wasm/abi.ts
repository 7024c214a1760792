// How MLIR types map onto WebAssembly values, and the calling convention of compiled functions.
//
// wasm32 model: `index` is an i32 (addresses are 32-bit; index arithmetic wraps at 2^32, where
// MLIR's index is 64-bit — a documented difference), i1/i8/i16/i32 live in i32 locals in a
// canonical sign-extended form (i1 as 0/1), i64 is i64, f32/f64 are themselves, f16/bf16 live
// in f32 locals (which hold them exactly; in memory they are 16-bit patterns, see half.ts),
// `!llvm.ptr` is an i32 byte address and a 128-bit vector of f32, f64 or i8..i64 lanes is a
// v128. A vector of i1 (a compare's result) is a v128 mask over the lanes it selects:
// vector<16xi1> as i8x16 ... vector<2xi1> as i64x2, each lane all ones (true) or zero, as
// wasm's SIMD compares give them.
//
// A ranked memref is a descriptor {allocated, aligned, offset, sizes[r], strides[r]} (the fields
// of MLIR's LLVM lowering, as i32). Fields the type makes static (shape dims, identity or
// `strided<>` strides and offset) are compile-time constants and never travel: a function
// parameter of type memref<256x256xf32> is just (allocated, aligned). That keeps the address
// arithmetic of static-shape kernels in constants. An unranked memref is (rank, descriptor
// address), as MLIR's C ABI passes it.
import * as v8 from "node:v8";
import { StridedLayoutAttr } from "../../ir/attributes.js";
import { fusedMultiplyAdd } from "../../ir/float.js";
import {
  DYN, FloatType, contiguousStrides, FunctionType, IndexType, IntegerType, MemRefType, Type, UnrankedMemRefType, VectorType, f32,
} from "../../ir/types.js";

/** The host value types the runtime understands (mirrors src/runtime/host.ts's HostType). */
export type HostTypeName = "i1" | "i8" | "i32" | "i64" | "f32" | "f64" | "ptr" | "index";

export type WasmValType = "i32" | "i64" | "f32" | "f64" | "v128";

export class CompileError extends Error {
  override name = "CompileError";
}

/**
 * A unit's binary compiled straight to V8's optimizing tier: V8 cannot leave the baseline tier
 * (Liftoff) in the middle of a call, so a kernel called once (a matmul) would run ~5x slower in
 * it. Only for our units: other wasm (binaryen's own) keeps V8's default tiering. Relaxed SIMD
 * is off by default in Node 20 (and NODE_OPTIONS cannot turn it on); it is turned on here, not
 * at import: flags set before binaryen loads would make V8 reject binaryen's code cache.
 */
export function compileWasm(bytes: Uint8Array): WebAssembly.Module {
  v8.setFlagsFromString("--experimental-wasm-relaxed-simd --no-liftoff --no-wasm-lazy-compilation --no-wasm-dynamic-tiering");
  try { return new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>); } catch (e) {
    throw new CompileError(`WebAssembly compilation failed: ${(e as Error).message}`);
  } finally {
    v8.setFlagsFromString("--liftoff --wasm-lazy-compilation --wasm-dynamic-tiering");
  }
}

/**
 * Whether this machine's f32x4.relaxed_madd rounds once (V8 emits an FMA instruction where the
 * CPU has one: x86-64 with FMA3, arm64): then it is MLIR's exact vector.fma, at SIMD speed. Asked
 * once, of a 4-lane case the unfused mul+add gets wrong (0.1f * 0.1f - 0.01f leaves the product's
 * rounding error, which only a fused madd keeps), by a module made byte by byte.
 */
export const relaxedMaddFused = (() => {
  let fused: boolean | undefined;
  return (): boolean => {
    if (fused !== undefined) return fused;
    const body = [0x00, 0x41, 0x30, 0x41, 0x00, 0xfd, 0x00, 0x04, 0x00, 0x41, 0x10, 0xfd, 0x00, 0x04, 0x00, 0x41, 0x20, 0xfd, 0x00, 0x04, 0x00,
      0xfd, 0x85, 0x02, 0xfd, 0x0b, 0x04, 0x00, 0x0b]; // mem[48] = relaxed_madd(mem[0], mem[16], mem[32])
    const bytes = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
      0x05, 0x03, 0x01, 0x00, 0x01, 0x07, 0x09, 0x02, 0x01, 0x66, 0x00, 0x00, 0x01, 0x6d, 0x02, 0x00, 0x0a, body.length + 2, 0x01, body.length, ...body]);
    try {
      const { f, m } = new WebAssembly.Instance(compileWasm(bytes)).exports as { f: () => void; m: WebAssembly.Memory };
      const x = new Float32Array(m.buffer, 0, 16), a = [0.1, 1e30, 3, -7.25], b = [0.1, 1.5, 1 / 3, 0.7], c = [-0.01, -1.47825097, -1, 5];
      x.set(a, 0); x.set(b, 4); x.set(c, 8);
      f();
      fused = [0, 1, 2, 3].every((i) => Object.is(x[12 + i], fusedMultiplyAdd(x[i], x[4 + i], x[8 + i], f32)));
    } catch { fused = false; }
    return fused;
  };
})();

export const isPtrType = (t: Type): boolean => t.str === "!llvm.ptr" || t.str.startsWith("!llvm.ptr<");

/** The wasm type of a scalar or vector MLIR type, or undefined when it has none. */
export function wasmTypeOf(t: Type): WasmValType | undefined {
  if (t instanceof IndexType) return "i32";
  if (t instanceof IntegerType) return t.width <= 32 ? "i32" : t.width === 64 ? "i64" : undefined;
  if (t instanceof FloatType) return t.kind === "f64" ? "f64" : "f32";
  if (t instanceof VectorType) return vectorLanes(t) ? "v128" : undefined;
  // a function value (func.constant) is its dispatch slot, as llvm.mlir.addressof's pointer
  if (isPtrType(t) || t instanceof FunctionType) return "i32";
  return undefined;
}

/** The kind of a v128's lanes (i8/i16 lanes read out sign-extended into an i32). */
export type LaneType = "i8" | "i16" | "i32" | "i64" | "f32" | "f64";
export interface VectorLanes { lanes: number; elem: LaneType; bytes: number; mask?: boolean }
const INT_LANES: Record<number, LaneType> = { 8: "i8", 16: "i16", 32: "i32", 64: "i64" };

/**
 * Lane count and kind of a vector type that fits a v128, else undefined: 128 bits of f32, f64
 * or i8..i64 lanes (index: i32, its width here), or a mask of i1 (`mask`) with as many lanes of the width that fills a v128.
 * An n-D vector's elements are its lanes in row-major order (vector<2x2xf32> is a v128).
 */
export function vectorLanes(t: VectorType): VectorLanes | undefined {
  if (t.rank === 0) return undefined;
  const e = t.elementType, n = t.numElements;
  if (e instanceof FloatType) return (e.kind === "f32" && n === 4) || (e.kind === "f64" && n === 2) ? { lanes: n, elem: e.kind, bytes: e.width / 8 } : undefined;
  if (!(e instanceof IntegerType) && !(e instanceof IndexType)) return undefined;
  const mask = e instanceof IntegerType && e.width === 1, bits = mask ? 128 / n : e instanceof IntegerType ? e.width : 32, elem = INT_LANES[bits];
  return elem && bits * n === 128 ? { lanes: n, elem, bytes: bits / 8, mask } : undefined;
}

/** Why a vector type has no v128 representation (f16 lanes and other shapes are not held). */
/** Whether the lanes of `t` are one run of its memref's last dimension (1-D, or leading dimensions of 1). */
export const contiguousRows = (t: VectorType) => t.shape.slice(0, -1).every((d) => d === 1);

export function unsupportedVector(t: VectorType): CompileError {
  return new CompileError(`vector type ${t.str} is not supported by the wasm backend (its vectors are the 128-bit vector<4xf32>, `
    + "vector<2xf64>, vector<16xi8>, vector<8xi16>, vector<4xi32>, vector<2xi64> and their i1 masks; try --engine interp)");
}

export function hostTypeOf(t: Type): HostTypeName | undefined {
  if (t instanceof IndexType) return "index";
  if (t instanceof IntegerType) return t.width === 1 ? "i1" : t.width === 8 ? "i8" : t.width <= 32 ? "i32" : t.width === 64 ? "i64" : undefined;
  if (t instanceof FloatType) return t.kind === "f32" || t.kind === "f64" ? t.kind : undefined;
  if (isPtrType(t)) return "ptr";
  return undefined;
}

/** Bytes of one memref element (scalars and v128 vectors). */
export function elementBytes(t: Type): number {
  if (t instanceof IndexType) return 4;
  if (t instanceof IntegerType) return t.width <= 8 ? 1 : t.width <= 16 ? 2 : t.width <= 32 ? 4 : 8;
  if (t instanceof FloatType) return t.width / 8;
  if (t instanceof VectorType && vectorLanes(t) && !vectorLanes(t)!.mask) return 16;
  if (isPtrType(t)) return 4;
  throw new CompileError(`unsupported memref element type ${t.str}`);
}

/** Static layout of a ranked memref type: DYN where the field is only known at run time. */
export interface StaticLayout { shape: number[]; strides: number[]; offset: number }

export function staticLayout(t: MemRefType): StaticLayout {
  const shape = [...t.shape];
  if (t.layout instanceof StridedLayoutAttr) return { shape, strides: [...t.layout.strides], offset: t.layout.offset };
  if (t.layout && !/^affine_map<\((d\d+(, )?)*\) -> \((d\d+(, )?)*\)>$/.test(t.layout.str)) {
    throw new CompileError(`memref layout ${t.layout.str} is not supported (use identity or strided layouts)`);
  }
  return { shape, strides: contiguousStrides(shape), offset: 0 }; // (the strides MLIR's alloc gives)
}

/** One MLIR-level parameter/result as it crosses a function boundary. */
export type AbiSlot =
  | { kind: "scalar"; type: string; wasm: WasmValType; host?: HostTypeName }
  | { kind: "memref"; type: string; rank: number; elementBytes: number; layout: StaticLayout }
  | { kind: "unranked"; type: string };

export function abiSlot(t: Type): AbiSlot {
  if (t instanceof MemRefType) {
    return { kind: "memref", type: t.str, rank: t.rank, elementBytes: elementBytes(t.elementType), layout: staticLayout(t) };
  }
  if (t instanceof UnrankedMemRefType) return { kind: "unranked", type: t.str };
  const w = wasmTypeOf(t);
  if (!w) throw new CompileError(`type ${t.str} cannot cross a function boundary in the wasm backend`);
  return { kind: "scalar", type: t.str, wasm: w, host: hostTypeOf(t) };
}

/** The wasm values one slot flattens to, in order. */
export function slotWasmTypes(s: AbiSlot): WasmValType[] {
  if (s.kind === "scalar") return [s.wasm];
  if (s.kind === "unranked") return ["i32", "i32"];
  const n = 2 + (s.layout.offset === DYN ? 1 : 0) + s.layout.shape.filter((d) => d === DYN).length
    + s.layout.strides.filter((d) => d === DYN).length;
  return new Array<WasmValType>(n).fill("i32");
}

export interface FunctionAbi { name: string; params: AbiSlot[]; results: AbiSlot[] }

export const flatTypes = (slots: readonly AbiSlot[]): WasmValType[] => slots.flatMap(slotWasmTypes);
