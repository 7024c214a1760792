// `tensorlang.print` at the buffer level. Bufferization keeps the op with its memref operand
// (the engines print `Tensor<...>:` headers from it, see docs/runtime.md); for running under
// MLIR's own runner, `printViaRunnerUtils` turns it into `memref.cast` to unranked plus a call of
// the runner-utils `printMemref*` function (MLIR's header line instead of `Tensor<...>:`).
import { StringAttr, SymbolRefAttr, TypeAttr } from "../ir/attributes.js";
import { Builder } from "../ir/builder.js";
import { Module, Operation, Region, Value } from "../ir/core.js";
import { FunctionType, MemRefType, TensorType, UnrankedMemRefType, UnrankedTensorType, type Type } from "../ir/types.js";

/** Re-creates `tensorlang.print` on a tensor as the same op on its buffer. */
export function printBuffer(b: Builder, old: Operation, buffer: Value): void {
  b.create("tensorlang.print", [buffer], [], Object.fromEntries(old.attributes));
}

const RUNNER_PRINT: Record<string, string> = { f32: "printMemrefF32", f64: "printMemrefF64", i64: "printMemrefI64", i32: "printMemrefI32" };
/**
 * TensorLang's own printers (`Tensor<...>:` header), for engines that compile prints to calls:
 * one per element type of the runtime's ELEMENT_BYTES (src/runtime/host/memref.ts), which a pass may not import.
 */
export const TENSOR_PRINT: Record<string, string> = Object.fromEntries(
  ["f32", "f64", "i32", "i64", "i1", "i8", "i16", "index", "f16", "bf16"].map((t) => [t, `tensorlang_print_memref_${t}`]));

/** Declares `func.func private @name(type)` once at the top of the module. */
function declare(module: Module, name: string, arg: Type): void {
  if (module.lookup(name)) return;
  module.body.insert(0, new Operation({ name: "func.func", attributes: {
    sym_name: new StringAttr(name), sym_visibility: new StringAttr("private"),
    function_type: new TypeAttr(FunctionType.get([arg], [])),
  }, regions: [new Region()] })); // a declaration has one empty region, as in MLIR
}

/**
 * Rewrites every tensorlang.print of a ranked memref (or builtin tensor: then through
 * `tensor.cast` to an unranked tensor, for MLIR's own bufferization) into a printMemref* call.
 * Returns how many prints were rewritten.
 */
export function printViaRunnerUtils(module: Module, table: Record<string, string> = RUNNER_PRINT): number {
  const prints: Operation[] = [];
  module.walk((o) => {
    const t = o.name === "tensorlang.print" ? o.operand(0)?.type : undefined;
    if (t instanceof MemRefType || t instanceof TensorType) prints.push(o);
  });
  let n = 0;
  for (const p of prints) {
    const m = p.operand(0), t = m.type as MemRefType | TensorType;
    const fn = table[t.elementType.str];
    if (!fn) continue;
    const isMem = t instanceof MemRefType;
    const u = isMem ? UnrankedMemRefType.get(t.elementType) : UnrankedTensorType.get(t.elementType);
    declare(module, fn, u);
    const b = Builder.before(p);
    b.create("func.call", [b.value(isMem ? "memref.cast" : "tensor.cast", [m], u)], [], { callee: new SymbolRefAttr(fn) });
    p.erase();
    n++;
  }
  return n;
}
