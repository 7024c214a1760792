// arith: scalar semantics come from src/dialects/arith.ts (INT_BINARY, FLOAT_BINARY, cmpi,
// cmpf, castValue) so the folder and the interpreter cannot disagree; i32 and index get fast
// paths that give the same results. Every op also works elementwise on vectors and tensors.
import { DenseElementsAttr, DenseResourceElementsAttr, FloatAttr, IntegerAttr, SparseElementsAttr } from "../ir/attributes.js";
import type { Operation } from "../ir/core.js";
import { IndexType, IntegerType, Type, f32 } from "../ir/types.js";
import { EXTENDED, FLOAT_BINARY, INT_BINARY, castValue, cmpf, cmpi } from "../dialects/arith.js";
import { roundFloat } from "../ir/float.js";
import type { HandlerTable, OpHandler } from "./interpreter.js";
import { OpTrap, TensorValue, Trap, canon, elementTypeOf, fromBig, intWidthOf, shapedInfo, toBig, type RtValue, type Scalar } from "./values.js";

/** Applies a scalar function elementwise when the operands are vectors/tensors. */
export function elementwise(resultType: Type, args: readonly RtValue[], fn: (xs: Scalar[]) => Scalar): RtValue {
  const first = args[0];
  if (!(first instanceof TensorValue)) return fn(args as Scalar[]);
  const n = first.data.length;
  const out = new Array<Scalar>(n);
  const xs = new Array<Scalar>(args.length);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < args.length; k++) {
      const a = args[k];
      xs[k] = a instanceof TensorValue ? a.data[i] : (a as Scalar);
    }
    out[i] = fn(xs);
  }
  const info = shapedInfo(resultType);
  return new TensorValue(first.shape, info?.elementType ?? elementTypeOf(resultType), out);
}

const I32_MIN = -2147483648;

/** Integer binary op on canonical values of type t (traps where wasm traps). */
export function intBinary(name: string, a: Scalar, b: Scalar, t: Type): Scalar {
  if (typeof a === "number" && typeof b === "number") {
    if (t instanceof IndexType) {
      let r: number | undefined;
      switch (name) {
        case "arith.addi": r = a + b; break;
        case "arith.subi": r = a - b; break;
        case "arith.muli": r = a * b; break;
        case "arith.divsi": if (b !== 0) r = Math.trunc(a / b); break;
        case "arith.remsi": if (b !== 0) r = a % b; break;
        case "arith.maxsi": r = a > b ? a : b; break;
        case "arith.minsi": r = a < b ? a : b; break;
      }
      if (r !== undefined && Number.isSafeInteger(r)) return r === 0 ? 0 : r;
    } else if (t instanceof IntegerType && t.width === 32) {
      switch (name) {
        case "arith.addi": return (a + b) | 0;
        case "arith.subi": return (a - b) | 0;
        case "arith.muli": return Math.imul(a, b);
        case "arith.divsi": checkDiv(a, b, I32_MIN); return (a / b) | 0;
        case "arith.remsi": checkDiv(a, b, undefined); return (a % b) | 0;
        case "arith.andi": return a & b;
        case "arith.ori": return a | b;
        case "arith.xori": return a ^ b;
      }
    }
  }
  const w = intWidthOf(t);
  const x = toBig(a, t), y = toBig(b, t);
  switch (name) {
    // wasm masks the shift count by the width (LLVM: poison past the width).
    case "arith.shli": return fromBig(x << (BigInt.asUintN(w, y) % BigInt(w)), t);
    case "arith.shrsi": return fromBig(x >> (BigInt.asUintN(w, y) % BigInt(w)), t);
    case "arith.shrui": return fromBig(BigInt.asUintN(w, x) >> (BigInt.asUintN(w, y) % BigInt(w)), t);
    case "arith.divsi": case "arith.floordivsi": case "arith.ceildivsi":
      if (y === -1n && x === -(1n << BigInt(w - 1))) throw new OpTrap("integer overflow in signed division");
  }
  const f = INT_BINARY[name];
  if (!f) throw new Trap(`unknown integer operation ${name}`);
  const r = f(x, y, w);
  if (r === undefined) throw new OpTrap("integer divide by zero");
  return fromBig(r, t);
}

function checkDiv(a: number, b: number, min: number | undefined): void {
  if (b === 0) throw new OpTrap("integer divide by zero");
  if (min !== undefined && a === min && b === -1) throw new OpTrap("integer overflow in signed division");
}

export function floatBinary(name: string, a: number, b: number, t: Type): number {
  return roundFloat(FLOAT_BINARY[name](a, b), t);
}

const constCache = new WeakMap<Operation, RtValue>();

/** The runtime value of a constant attribute of type t. */
export function constantValue(op: Operation): RtValue {
  const hit = constCache.get(op);
  if (hit !== undefined) return hit;
  const a = op.attr("value");
  const t = op.results[0].type;
  let v: RtValue;
  if (a instanceof IntegerAttr) v = canon(a.value, t);
  else if (a instanceof FloatAttr) v = canon(a.value, t);
  else if (a instanceof DenseElementsAttr) v = denseValue(a, t);
  else if (a instanceof DenseResourceElementsAttr || a instanceof SparseElementsAttr) v = denseValue(blobElements(a, op.name), t);
  else throw new Trap(`${op.name}: unsupported constant ${a?.str ?? "(none)"}`);
  constCache.set(op, v);
  return v;
}

/** A dense_resource or sparse attribute's elements (made dense), or a trap saying why the engine has none. */
export function blobElements(a: DenseResourceElementsAttr | SparseElementsAttr, where: string): DenseElementsAttr {
  const d = a.elements;
  if (!d) throw new Trap(`${where}: ${a.str} has no values TensorLang reads (${a.unreadable})`);
  return d;
}

/** A dense attribute as a TensorValue shaped like `t` (or the attribute's own type). */
export function denseValue(a: DenseElementsAttr, t: Type = a.type): TensorValue {
  const info = shapedInfo(t) ?? { shape: a.type.shape, elementType: a.type.elementType };
  const et = info.elementType;
  const n = info.shape.reduce((x, y) => x * y, 1);
  const data = new Array<Scalar>(n);
  for (let i = 0; i < n; i++) data[i] = canon(a.at(a.isSplat ? 0 : i), et);
  return new TensorValue(info.shape, et, data);
}

// Scalars take a direct path (the common case in loop nests); shaped values go elementwise.
const intBin = (name: string): OpHandler => (_i, op, args) => {
  const t = op.results[0].type;
  if (!(args[0] instanceof TensorValue)) return [intBinary(name, args[0] as Scalar, args[1] as Scalar, t)];
  const et = elementTypeOf(t);
  return [elementwise(t, args, ([a, b]) => intBinary(name, a, b, et))];
};
const floatBin = (name: string): OpHandler => {
  const f = FLOAT_BINARY[name];
  return (_i, op, args) => {
    const t = op.results[0].type, a = args[0];
    if (typeof a === "number") return [t === f32 ? Math.fround(f(a, args[1] as number)) : roundFloat(f(a, args[1] as number), t)];
    const et = elementTypeOf(t);
    return [elementwise(t, args, ([x, y]) => roundFloat(f(x as number, y as number), et))];
  };
};
const castOp = (name: string): OpHandler => (_i, op, args) => {
  const from = elementTypeOf(op.operands[0].type), to = elementTypeOf(op.results[0].type);
  return [elementwise(op.results[0].type, args, ([a]) => {
    const src = from instanceof IntegerType || from instanceof IndexType ? toBig(a, from) : a;
    return canon(castValue(name, src, from, to), to);
  })];
};

const predicate = (op: Operation): number => (op.attr<IntegerAttr>("predicate")?.num ?? 0);

export const ARITH: HandlerTable = {
  "arith.constant": (_i, op) => [constantValue(op)],
  "arith.cmpi": (_i, op, args) => {
    const t = elementTypeOf(op.operands[0].type), p = predicate(op), w = intWidthOf(t);
    return [elementwise(op.results[0].type, args, ([a, b]) => {
      if (typeof a === "number" && typeof b === "number" && !(t instanceof IntegerType && t.width === 1) && p <= 5) {
        switch (p) { case 0: return a === b ? 1 : 0; case 1: return a !== b ? 1 : 0; case 2: return a < b ? 1 : 0;
          case 3: return a <= b ? 1 : 0; case 4: return a > b ? 1 : 0; default: return a >= b ? 1 : 0; }
      }
      return cmpi(p, toBig(a, t), toBig(b, t), w) ? 1 : 0;
    })];
  },
  "arith.cmpf": (_i, op, args) => {
    const p = predicate(op);
    return [elementwise(op.results[0].type, args, ([a, b]) => (cmpf(p, a as number, b as number) ? 1 : 0))];
  },
  "arith.select": (_i, op, [c, a, b]) => {
    if (!(c instanceof TensorValue)) return [c !== 0 ? a : b];
    return [elementwise(op.results[0].type, [c, a, b], ([x, y, z]) => (x !== 0 ? y : z))];
  },
  "arith.negf": (_i, op, args) => [elementwise(op.results[0].type, args, ([a]) => -(a as number))],
};
// The two results of the extended ops, each computed elementwise (EXTENDED gives both).
for (const name of Object.keys(EXTENDED)) {
  ARITH[name] = (_i, op, args) => {
    const t = elementTypeOf(op.operands[0].type), w = intWidthOf(t), f = EXTENDED[name];
    return op.results.map((r, k) => elementwise(r.type, args, ([a, b]) => fromBig(f(toBig(a, t), toBig(b, t), w)[k], elementTypeOf(r.type))));
  };
}
for (const name of Object.keys(INT_BINARY)) ARITH[name] = intBin(name);
for (const name of Object.keys(FLOAT_BINARY)) ARITH[name] = floatBin(name);
for (const name of ["index_cast", "index_castui", "sitofp", "uitofp", "fptosi", "fptoui", "extf", "truncf", "extsi", "extui", "trunci", "bitcast"]) {
  ARITH[`arith.${name}`] = castOp(`arith.${name}`);
}
