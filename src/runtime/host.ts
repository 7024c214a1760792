// The host library: every function a TensorLang program may call, as data. Both engines
// resolve a program's external declarations (`func.func private @f` or `llvm.func @f`)
// against HOST_FUNCTIONS by name and call through `callHost`; nothing else is reachable.
//
// Values: i64 is a bigint; i1/i8/i32/f32/f64/ptr/index are numbers (index is 32-bit in the
// wasm engine; host functions accept either form for it). Pointers are byte addresses in the
// heap. Variadic arguments arrive with their types, after C's default promotions (f32 -> f64;
// an f32 that reaches printf is treated as the double it would have been promoted to).

import { floatFromBits } from "../ir/float.js";
import { formatG, formatPrintf, formatTensor, type PrintfArg } from "../interp/format.js";
import { ELEMENT_BYTES, loadElement, printMemrefText, readMemrefDescriptor, type MemrefElementType } from "./host/memref.js";
import { HostError, TensorLangAssertError, type HostContext } from "./host/context.js";
import { HeapError, OutOfMemoryError } from "../interp/heap.js";
import { FormatError } from "../interp/format.js";
import { MemrefError } from "./host/memref.js";
import { TENSORLANG_FUNCTIONS } from "./host/tensorlang.js";
import { LIBM_FUNCTIONS } from "./host/libm.js";

import type { HostType, HostValue, InterpHost } from "../interp/hostcall.js";

export * from "./host/context.js";
export * from "./host/memref.js";
export type { HostType, HostValue } from "../interp/hostcall.js";

export interface HostFn {
  name: string;
  params: HostType[];
  result: HostType | null;
  /** Extra arguments past `params` are allowed; their types are passed in `types`. */
  variadic?: boolean;
  /** `types` lists the type of every argument (params, then varargs). */
  impl(ctx: HostContext, args: HostValue[], types: readonly HostType[]): HostValue | void;
  /**
   * The same as a function of floats alone (the math functions): the wasm engine imports it as
   * it is, without callHost's checks and coercions, which cost more than the math.
   */
  float?: (...xs: number[]) => number;
}

/** The WebAssembly value type a host type travels as across a wasm import. */
export function hostTypeToWasm(t: HostType): "i32" | "i64" | "f32" | "f64" {
  return t === "i64" ? "i64" : t === "f32" ? "f32" : t === "f64" ? "f64" : "i32";
}

/**
 * True for the errors a host function raises because of what the program did (bad pointer,
 * bad format, out of memory, unavailable function, failed assertion): engines report these
 * as TensorLang runtime errors, not as crashes.
 */
export function isHostRuntimeError(e: unknown): e is Error {
  return e instanceof HostError || e instanceof HeapError || e instanceof OutOfMemoryError ||
    e instanceof FormatError || e instanceof MemrefError || e instanceof TensorLangAssertError;
}

function num(v: HostValue): number {
  return typeof v === "bigint" ? Number(v) : v;
}

function big(v: HostValue): bigint {
  return typeof v === "bigint" ? v : BigInt(Math.trunc(v));
}

/** Brings a value into the canonical JS form of a host type. */
export function coerceHostValue(type: HostType, v: HostValue): HostValue {
  switch (type) {
    case "i1": return Number(big(v) & 1n);
    case "i8": return Number(BigInt.asIntN(8, big(v)));
    case "i32": return typeof v === "bigint" ? Number(BigInt.asIntN(32, v)) : v | 0;
    case "i64": return BigInt.asIntN(64, big(v));
    case "f32": return Math.fround(num(v));
    case "f64": return num(v);
    case "ptr": return typeof v === "bigint" ? Number(BigInt.asUintN(32, v)) : v >>> 0;
    case "index": return typeof v === "bigint" ? Number(BigInt.asIntN(53, v)) : v;
  }
}

function printfArg(type: HostType, v: HostValue): PrintfArg {
  if (type === "f32" || type === "f64") return { kind: "float", value: num(v) };
  if (type === "ptr") return { kind: "ptr", value: v };
  return { kind: "int", value: v };
}

function write(ctx: HostContext, text: string): void {
  ctx.stdout(text);
}

function printMemref(type: MemrefElementType): HostFn {
  return {
    name: `printMemref${type.toUpperCase()}`,
    // MLIR's C ABI for an unranked memref: (i64 rank, ptr descriptor).
    params: ["i64", "ptr"],
    result: null,
    impl: (ctx, [rank, desc]) => write(ctx, printMemrefText(ctx.heap, num(rank), num(desc), type)),
  };
}

/** `tensorlang.print` of a memref, for engines that compile it to a call (the wasm backend). */
function printTensorMemref(type: MemrefElementType): HostFn {
  return {
    name: `tensorlang_print_memref_${type}`,
    params: ["i64", "ptr"],
    result: null,
    impl: (ctx, [rank, desc]) => {
      const d = readMemrefDescriptor(ctx.heap, num(desc), num(rank));
      const values: (number | bigint)[] = [];
      const walk = (dim: number, off: number): void => {
        if (dim === d.sizes.length) { values.push(loadElement(ctx.heap, d.aligned, off, type)); return; }
        for (let i = 0; i < d.sizes[dim]; i++) walk(dim + 1, off + i * d.strides[dim]);
      };
      walk(0, d.offset);
      write(ctx, formatTensor(d.sizes, type, values));
    },
  };
}

const C_AND_RUNNER_FUNCTIONS: HostFn[] = [
  {
    name: "printf",
    params: ["ptr"],
    result: "i32",
    variadic: true,
    impl: (ctx, args, types) => {
      const fmt = ctx.heap.readCString(num(args[0]));
      const rest = args.slice(1).map((v, i) => printfArg(types[i + 1] ?? "i64", v));
      const text = formatPrintf(fmt, rest, (p) => ctx.heap.readCString(p));
      write(ctx, text);
      return Buffer.byteLength(text, "utf8");
    },
  },
  { name: "puts", params: ["ptr"], result: "i32", impl: (ctx, [p]) => (write(ctx, ctx.heap.readCString(num(p)) + "\n"), 1) },
  { name: "putchar", params: ["i32"], result: "i32", impl: (ctx, [c]) => (write(ctx, String.fromCharCode(num(c) & 0xff)), num(c) & 0xff) },
  { name: "printString", params: ["ptr"], result: null, impl: (ctx, [p]) => write(ctx, ctx.heap.readCString(num(p))) },
  { name: "malloc", params: ["i64"], result: "ptr", impl: (ctx, [n]) => ctx.heap.malloc(num(n)) },
  { name: "calloc", params: ["i64", "i64"], result: "ptr", impl: (ctx, [n, size]) => ctx.heap.calloc(num(n), num(size)) },
  { name: "aligned_alloc", params: ["i64", "i64"], result: "ptr", impl: (ctx, [align, n]) => ctx.heap.malloc(num(n), num(align)) },
  { name: "free", params: ["ptr"], result: null, impl: (ctx, [p]) => ctx.heap.free(num(p)) },
  {
    // struct timespec as a 64-bit C library lays it out: {i64 tv_sec, i64 tv_nsec}, 16 bytes.
    name: "clock_gettime",
    params: ["i32", "ptr"],
    result: "i32",
    impl: (ctx, [clockId, ts]) => {
      const t = num(clockId) === 0 ? ctx.clock.realtime() : ctx.clock.now();
      const sec = Math.floor(t);
      const p = num(ts);
      if (p <= 0 || p + 16 > ctx.heap.size) throw new HostError(`clock_gettime: timespec pointer out of bounds: 0x${p.toString(16)}`);
      ctx.heap.storeI64(p, BigInt(sec));
      ctx.heap.storeI64(p + 8, BigInt(Math.min(999999999, Math.round((t - sec) * 1e9))));
      return 0;
    },
  },
  { name: "rtclock", params: [], result: "f64", impl: (ctx) => ctx.clock.now() },
  { name: "abort", params: [], result: null, impl: () => { throw new HostError("abort() called"); } },
  // MLIR CRunnerUtils: printF32/printF64 use printf("%g") and print "-nan" for a negative NaN.
  { name: "printF32", params: ["f32"], result: null, impl: (ctx, [x]) => write(ctx, formatG(num(x))) },
  { name: "printF64", params: ["f64"], result: null, impl: (ctx, [x]) => write(ctx, formatG(num(x))) },
  // printF16/printBF16 take the 16-bit pattern (an i16 in MLIR's lowering of vector.print) and print its value as printF32.
  { name: "printF16", params: ["i32"], result: null, impl: (ctx, [x]) => write(ctx, formatG(floatFromBits(BigInt(num(x) & 0xffff), "f16"))) },
  { name: "printBF16", params: ["i32"], result: null, impl: (ctx, [x]) => write(ctx, formatG(floatFromBits(BigInt(num(x) & 0xffff), "bf16"))) },
  { name: "printI64", params: ["i64"], result: null, impl: (ctx, [x]) => write(ctx, BigInt.asIntN(64, big(x)).toString()) },
  { name: "printU64", params: ["i64"], result: null, impl: (ctx, [x]) => write(ctx, BigInt.asUintN(64, big(x)).toString()) },
  { name: "printNewline", params: [], result: null, impl: (ctx) => write(ctx, "\n") },
  { name: "printComma", params: [], result: null, impl: (ctx) => write(ctx, ", ") },
  { name: "printOpen", params: [], result: null, impl: (ctx) => write(ctx, "( ") },
  { name: "printClose", params: [], result: null, impl: (ctx) => write(ctx, " )") },
  printMemref("f32"),
  ...(Object.keys(ELEMENT_BYTES) as MemrefElementType[]).map(printTensorMemref),
  printMemref("f64"),
  printMemref("i64"),
  printMemref("i32"),
];

/** The allow-list: every host function by name. */
export const HOST_FUNCTIONS: ReadonlyMap<string, HostFn> = new Map(
  [...C_AND_RUNNER_FUNCTIONS, ...TENSORLANG_FUNCTIONS, ...LIBM_FUNCTIONS].map((f) => [f.name, f]),
);

export function lookupHost(name: string): HostFn | undefined {
  return HOST_FUNCTIONS.get(name);
}

/**
 * Calls a host function with argument checking and result coercion. `types` gives the type
 * of every argument; it defaults to the declared params (required for variadic extras).
 */
export function callHost(fn: HostFn, ctx: HostContext, args: HostValue[], types?: readonly HostType[]): HostValue | undefined {
  const n = fn.params.length;
  if (args.length < n || (!fn.variadic && args.length > n)) {
    throw new HostError(`${fn.name} expects ${fn.variadic ? "at least " : ""}${n} argument(s), got ${args.length}`);
  }
  const allTypes = types ?? fn.params;
  if (allTypes.length !== args.length) {
    throw new HostError(`${fn.name}: ${args.length} argument(s) but ${allTypes.length} type(s) given`);
  }
  const coerced = args.map((v, i) => coerceHostValue(allTypes[i], v));
  const r = fn.impl(ctx, coerced, allTypes);
  if (fn.result === null) return undefined;
  if (r === undefined) throw new HostError(`${fn.name} returned no value`);
  return coerceHostValue(fn.result, r);
}

/** The host library bound to `ctx`, as the interpreter calls it (the Engine injects it). */
export function interpHost(ctx: HostContext): InterpHost {
  return {
    has: (name) => HOST_FUNCTIONS.has(name),
    call: (name, args, types) => callHost(HOST_FUNCTIONS.get(name)!, ctx, args, types),
    endsRun: (e) => e instanceof TensorLangAssertError,
  };
}
