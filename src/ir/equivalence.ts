// Structural keys (MLIR's OperationEquivalence): equal keys, equal IR. An op's key holds its name,
// operands, attributes, result types and regions op by op; values defined inside are numbered in
// order, so two equal bodies give one key, and values from outside by identity.
import type { Operation, Region, Value } from "./core.js";

let ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object) => { let i = ids.get(o); if (i === undefined) { i = nextId++; ids.set(o, i); } return i; };
/** Forgets the numbers outer values got (keys are compared only with keys made since). */
export function resetKeys(): void { ids = new WeakMap(); nextId = 0; }

function keyer() {
  const local = new Map<Value, number>();
  const name = (v: Value) => { const l = local.get(v); return l === undefined ? String(idOf(v)) : `L${l}`; };
  const region = (r: Region): string => {
    let s = "{";
    for (const b of r.blocks) {
      for (const a of b.args) local.set(a, local.size);
      s += `^(${b.args.map((a) => a.type.str).join(",")})`;
      for (const x of b.ops) { s += op(x) + ";"; for (const res of x.results) local.set(res, local.size); }
    }
    return s + "}";
  };
  const op = (o: Operation): string => {
    const attrs = o.numAttributes ? [...o.attributes].map(([k, v]) => `${k}=${v.str}`).sort().join(",") : "";
    let s = `${o.name}(${o.operands.map(name).join(",")})[${attrs}]:${o.results.map((r) => r.type.str).join(",")}`;
    for (const r of o.regions) s += region(r);
    return s;
  };
  return { op, region };
}
export const opKey = (op: Operation): string => keyer().op(op);
export const regionKey = (r: Region): string => keyer().region(r);
