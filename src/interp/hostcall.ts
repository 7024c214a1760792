// Calls from the program into the host library (src/runtime/host.ts): converting interpreter
// values to host values by the call site's types, and back. The library itself is injected
// (InterpHost): the interpreter imports nothing of the runtime (DESIGN.md).
//
// A memref argument crosses as MLIR's unranked C ABI: (i64 rank, ptr descriptor), with the
// descriptor written into the heap for the duration of the call (32-bit words, see
// ./memref-descriptor.ts), exactly what the wasm engine passes.
import type { Operation } from "../ir/core.js";
import { TypeAttr } from "../ir/attributes.js";
import { FunctionType, IndexType, IntegerType, FloatType, Type, MemRefType, UnrankedMemRefType } from "../ir/types.js";
import type { Heap } from "./heap.js";
import { allocMemrefDescriptor } from "./memref-descriptor.js";
import { MemRefValue, Trap, canon, type RtValue } from "./values.js";

export type HostType = "i1" | "i8" | "i32" | "i64" | "f32" | "f64" | "ptr" | "index";
export type HostValue = number | bigint;

/**
 * The host library bound to a run's context, as the interpreter calls it: the Engine passes
 * the runtime's (`interpHost` in src/runtime/host.ts). Without one no host function is available.
 */
export interface InterpHost {
  /** Whether `name` is an allow-listed host function. */
  has(name: string): boolean;
  /** Calls host function `name`; `types` gives the type of every argument (varargs included). */
  call(name: string, args: HostValue[], types: readonly HostType[]): HostValue | undefined;
  /** Whether an error a host function threw ends the run as it is (a failed assertion), not as an InterpreterError. */
  endsRun(e: unknown): boolean;
}

export const NO_HOST: InterpHost = { has: () => false, call: (name) => { throw new Trap(`host function ${name} is not available`); }, endsRun: () => false };

export interface Signature { argTypes: readonly Type[]; resultTypes: readonly Type[] }

/** The host type of an MLIR scalar type (by spelling, so llvm dialect types work too). */
export function hostTypeOf(t: Type): HostType | "memref" {
  if (t instanceof MemRefType || t instanceof UnrankedMemRefType) return "memref";
  if (t instanceof IndexType) return "index";
  if (t instanceof FloatType) return t.kind === "f64" ? "f64" : "f32";
  if (t instanceof IntegerType) return t.width === 1 ? "i1" : t.width <= 8 ? "i8" : t.width <= 32 ? "i32" : "i64";
  if (t.str === "!llvm.ptr" || t.str.startsWith("!llvm.ptr<")) return "ptr";
  throw new Trap(`a value of type ${t.str} cannot be passed to a host function`);
}

export function hostArgs(heap: Heap, fn: string, args: readonly RtValue[], argTypes: readonly Type[]):
    { values: HostValue[]; types: HostType[]; cleanup: () => void } {
  const values: HostValue[] = [], types: HostType[] = [], descs: number[] = [];
  args.forEach((a, i) => {
    const t = argTypes[i];
    if (!t) throw new Trap(`${fn}: no type for argument ${i}`);
    const ht = hostTypeOf(t);
    if (ht === "memref") {
      if (!(a instanceof MemRefValue)) throw new Trap(`${fn}: argument ${i} is not a memref`);
      const p = allocMemrefDescriptor(heap, { allocated: a.allocated, aligned: a.aligned, offset: a.offset, sizes: [...a.sizes], strides: [...a.strides] });
      descs.push(p);
      values.push(BigInt(a.rank), p);
      types.push("i64", "ptr");
      return;
    }
    if (typeof a !== "number" && typeof a !== "bigint") throw new Trap(`${fn}: argument ${i} is not a scalar`);
    values.push(a);
    types.push(ht);
  });
  return { values, types, cleanup: () => { for (const p of descs) heap.free(p); } };
}

export function hostResult(r: HostValue | undefined, t: Type): RtValue {
  if (r === undefined) throw new Trap("host function returned no value");
  return canon(r, t);
}

/** The declared signature of a func.func or llvm.func (llvm types read from their spelling). */
export function declaredSignature(op: Operation): Signature {
  const a = op.attr("function_type");
  const t = a instanceof TypeAttr ? a.type : undefined;
  if (t instanceof FunctionType) return { argTypes: t.inputs, resultTypes: t.results };
  const typed = t as unknown as { inputs?: readonly Type[]; params?: readonly Type[]; result?: Type; returnType?: Type } | undefined;
  const ins = typed?.inputs ?? typed?.params;
  const ret = typed?.result ?? typed?.returnType;
  if (ins) return { argTypes: ins, resultTypes: ret && !/void$/.test(ret.str) ? [ret] : [] };
  throw new Trap(`cannot read the signature of @${String(op.attr("sym_name")?.str)}; call it with llvm.call`);
}
