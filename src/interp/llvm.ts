// The llvm subset programs use to talk to the host: globals placed in the heap (initialized on
// first use), addressof, load/store, getelementptr with the wasm32 layout of ./memory.ts,
// alloca (freed when the call returns), and calls (direct, variadic, indirect through a
// function pointer handle).
import { DenseArrayAttr, DenseElementsAttr, FloatAttr, IntegerAttr, SparseElementsAttr, StringAttr, TypeAttr } from "../ir/attributes.js";
import { constantValue } from "./arith.js";
import type { Operation } from "../ir/core.js";
import type { Type } from "../ir/types.js";
import type { HandlerTable, Interpreter } from "./interpreter.js";
import { layoutOf, loadScalar, scalarKind, storeScalar, type Layout } from "./memory.js";
import { TensorValue, Trap, canon, type RtValue, type Scalar } from "./values.js";
import { intAttr, symbolRef } from "./util.js";

const GEP_DYNAMIC = -2147483648;
const DEFAULT_ALIGN = 16;

/** Address of an llvm.mlir.global, allocating and initializing it on first use. */
export function globalAddress(interp: Interpreter, name: string): number {
  const hit = interp.globals.get(name);
  if (hit !== undefined) return hit;
  const g = interp.lookupSymbol(name);
  if (!g || g.name !== "llvm.mlir.global") throw new Trap(`no llvm.mlir.global named @${name}`);
  const t = g.attr<TypeAttr>("global_type")?.type;
  if (!t) throw new Trap(`llvm.mlir.global @${name} has no type`);
  const l = layoutOf(t);
  const addr = interp.heap.malloc(Math.max(l.size, 1), Math.max(intAttr(g, "alignment") ?? DEFAULT_ALIGN, l.align));
  interp.heap.bytes.fill(0, addr, addr + l.size);
  interp.globals.set(name, addr);
  const value = g.attr("value");
  if (value instanceof StringAttr) {
    interp.heap.bytes.set(Buffer.from(value.value, "utf8").subarray(0, l.size), addr);
  } else if (value instanceof IntegerAttr || value instanceof FloatAttr) {
    storeValue(interp, addr, l, canon(value.value, t));
  } else if (value instanceof DenseElementsAttr) {
    // Rounded to the element type first: an f16 70000 is stored as inf (its raw bits were a NaN).
    storeFlat(interp, addr, l, Array.from({ length: value.numElements }, (_, i) => canon(value.at(value.isSplat ? 0 : i), value.type.elementType)));
  } else if (g.regions.length && g.regions[0].blocks.length) {
    const [v] = interp.yieldOf(g.regions[0], []);
    if (v !== undefined) storeValue(interp, addr, l, v);
  }
  return addr;
}

function storeValue(interp: Interpreter, addr: number, l: Layout, v: RtValue): void {
  if (v instanceof TensorValue) storeFlat(interp, addr, l, v.data);
  else if (l.scalar) storeScalar(interp.heap, addr, l.scalar, v as Scalar);
  else throw new Trap("cannot store this value into an aggregate global");
}

/** Stores scalars into the leaves of an aggregate layout in order (arrays of scalars). */
function storeFlat(interp: Interpreter, addr: number, l: Layout, values: readonly Scalar[]): void {
  let k = 0;
  const walk = (a: number, lay: Layout): void => {
    if (lay.scalar) { if (k < values.length) storeScalar(interp.heap, a, lay.scalar, values[k++]); return; }
    if (lay.fields) { for (const f of lay.fields) walk(a + f.offset, f.layout); return; }
    if (lay.elem) { const n = lay.size / lay.elem.size; for (let i = 0; i < n; i++) walk(a + i * lay.elem.size, lay.elem); }
  };
  walk(addr, l);
}

/** Byte address computed by llvm.getelementptr. */
function gep(op: Operation, base: number, dyn: readonly RtValue[]): number {
  const raw = op.attr("rawConstantIndices");
  const consts = raw instanceof DenseArrayAttr ? raw.values : [];
  const elemType = op.attr<TypeAttr>("elem_type")?.type;
  if (!elemType) throw new Trap("llvm.getelementptr without elem_type");
  let k = 0;
  const idx = consts.map((c) => (c === GEP_DYNAMIC ? Number(dyn[k++]) : c));
  let l = layoutOf(elemType);
  let addr = base + (idx[0] ?? 0) * l.size;
  for (let i = 1; i < idx.length; i++) {
    if (l.fields) {
      const f = l.fields[idx[i]];
      if (!f) throw new Trap(`llvm.getelementptr: struct field ${idx[i]} out of range`);
      addr += f.offset;
      l = f.layout;
    } else if (l.elem) {
      addr += idx[i] * l.elem.size;
      l = l.elem;
    } else throw new Trap("llvm.getelementptr: indexing into a scalar");
  }
  return addr;
}

const callSite = (args: readonly { type: Type }[], results: readonly { type: Type }[]) =>
  ({ argTypes: args.map((v) => v.type), resultTypes: results.map((r) => r.type) });

export const LLVM: HandlerTable = {
  "llvm.mlir.addressof": (interp, op) => {
    const name = symbolRef(op, "global_name");
    if (!name) throw new Trap("llvm.mlir.addressof without a symbol");
    const target = interp.lookupSymbol(name);
    if (target && (target.name === "llvm.func" || target.name === "func.func")) return [interp.functionPointer(name)];
    return [globalAddress(interp, name)];
  },
  "llvm.mlir.zero": (_i, op) => [canon(0, op.results[0].type)],
  "llvm.mlir.undef": (_i, op) => [canon(0, op.results[0].type)],
  "llvm.mlir.poison": (_i, op) => [canon(0, op.results[0].type)],
  "llvm.mlir.constant": (_i, op) => {
    const v = op.attr("value");
    if (v instanceof IntegerAttr || v instanceof FloatAttr) return [canon(v.value, op.results[0].type)];
    if (v instanceof DenseElementsAttr || v instanceof SparseElementsAttr) return [constantValue(op)]; // (a vector's elements, as arith.constant's)
    throw new Trap(`llvm.mlir.constant: unsupported value ${v?.str ?? "(none)"}`);
  },
  "llvm.load": (interp, op, [p]) => [canon(loadScalar(interp.heap, Number(p), scalarKind(op.results[0].type)), op.results[0].type)],
  "llvm.store": (interp, op, [v, p]) => { storeScalar(interp.heap, Number(p), scalarKind(op.operands[0].type), v as Scalar); return []; },
  "llvm.getelementptr": (_i, op, [base, ...dyn]) => [gep(op, Number(base), dyn)],
  "llvm.alloca": (interp, op, [n]) => {
    const t = op.attr<TypeAttr>("elem_type")?.type;
    if (!t) throw new Trap("llvm.alloca without elem_type");
    const l = layoutOf(t);
    const p = interp.heap.malloc(Math.max(1, Number(n) * l.size), Math.max(l.align, intAttr(op, "alignment") ?? DEFAULT_ALIGN));
    interp.pushStackAllocation(p);
    return [p];
  },
  "llvm.call": (interp, op, args) => {
    const callee = symbolRef(op, "callee");
    if (callee) return interp.call(callee, args, callSite(op.operands, op.results));
    const [fp, ...rest] = args;
    return interp.call(interp.functionAt(Number(fp)), rest, callSite(op.operands.slice(1), op.results));
  },
};
