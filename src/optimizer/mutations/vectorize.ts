// vectorize: turn an affine.for with unit step into one with step W whose body works on
// vector<Wxf32> (v128 in the wasm backend). Accesses contiguous in the loop index become
// vector.load/store, invariant loads are broadcast, arithmetic is widened. Inner loops stay
// scalar loops, but the iter_args they carry that vary across lanes widen with them: outer-loop
// vectorization of a conv's output columns turns its p/q reductions into f32x4 accumulators.
// Anything else (gathers, reductions into one location, uses of the index as a value, an
// index carried through an inner loop or seen inside another region op) is refused.
import { AffineMap, type AffineExpr } from "../../ir/affine.js";
import { AffineMapAttr, StridedLayoutAttr } from "../../ir/attributes.js";
import { Block, Operation, Value } from "../../ir/core.js";
import type { Context } from "../../ir/dialect.js";
import { FloatType, IndexType, IntegerType, MemRefType, Type, VectorType, index } from "../../ir/types.js";
import { affineFor, dependsOn, tripCount } from "../loops.js";
import { MutationError } from "./scalar.js";
import { IntegerAttr } from "../../ir/attributes.js";

/** Coefficient of `iv` in the index value `v` (0 = invariant), or undefined if not affine. */
export function coefficient(v: Value, iv: Value): number | undefined {
  if (v === iv) return 1;
  if (!dependsOn(v, iv)) return 0;
  const def = v.owner;
  if (!(def instanceof Operation)) return undefined;
  if (def.name === "affine.apply") { const m = def.attr<AffineMapAttr>("map")!.map; return exprCoefficient(m.results[0], def.operands, iv, m.numDims); }
  if (def.name === "arith.addi" || def.name === "arith.subi") {
    const [a, b] = def.operands.map((o) => coefficient(o, iv));
    return a === undefined || b === undefined ? undefined : def.name === "arith.addi" ? a + b : a - b;
  }
  return undefined;
}

/** `operands` are the map's dims then symbols (`numDims` of them dims). */
export function exprCoefficient(e: AffineExpr, operands: readonly Value[], iv: Value, numDims: number): number | undefined {
  const rec = (x: AffineExpr) => exprCoefficient(x, operands, iv, numDims);
  switch (e.kind) {
    case "dim": return coefficient(operands[e.pos], iv);
    case "sym": return coefficient(operands[numDims + e.pos], iv);
    case "const": return 0;
    case "add": {
      const a = rec(e.lhs), b = rec(e.rhs);
      return a === undefined || b === undefined ? undefined : a + b;
    }
    case "mul": {
      const a = rec(e.lhs), b = rec(e.rhs);
      if (a === 0 && b === 0) return 0;
      if (e.rhs.kind === "const" && a !== undefined) return a * e.rhs.value;
      if (e.lhs.kind === "const" && b !== undefined) return b * e.lhs.value;
      return undefined;
    }
    default: {
      const a = rec(e.lhs), b = rec(e.rhs);
      return a === 0 && b === 0 ? 0 : undefined;
    }
  }
}

/** Memory access parts for the loads/stores this mutation understands. */
export interface Access { memref: Value; indices: Value[]; map?: AffineMap; value?: Value }
export function accessOf(op: Operation): Access | undefined {
  switch (op.name) {
    case "affine.load": return { memref: op.operand(0), indices: op.operands.slice(1), map: op.attr<AffineMapAttr>("map")!.map };
    case "affine.store": return { value: op.operand(0), memref: op.operand(1), indices: op.operands.slice(2), map: op.attr<AffineMapAttr>("map")!.map };
    case "memref.load": case "vector.load": return { memref: op.operand(0), indices: op.operands.slice(1) };
    case "memref.store": case "vector.store": return { value: op.operand(0), memref: op.operand(1), indices: op.operands.slice(2) };
  }
  return undefined;
}

/** Coefficients of `iv` in each memory dimension of an access. */
export function accessCoefficients(a: Access, iv: Value): (number | undefined)[] {
  const m = a.map;
  return m ? m.results.map((e) => exprCoefficient(e, a.indices, iv, m.numDims)) : a.indices.map((v) => coefficient(v, iv));
}

/** Index values of each memory dimension (materializing affine expressions before `at`). */
export function memoryIndices(a: Access, at: Operation): Value[] {
  const m = a.map;
  if (!m) return a.indices;
  const block = at.parent!;
  return m.results.map((e) => {
    if (e.kind === "dim") return a.indices[e.pos];
    if (e.kind === "sym") return a.indices[m.numDims + e.pos];
    const apply = new Operation({ name: "affine.apply", operands: a.indices, resultTypes: [index],
      attributes: { map: new AffineMapAttr(new AffineMap(m.numDims, m.numSyms, [e])) } });
    block.insertBefore(at, apply);
    return apply.result;
  });
}

/** Index arithmetic `coefficient` sees through (e.g. a conv's `j + q`): it only computes addresses. */
const isAddressArith = (op: Operation): boolean =>
  op.name === "affine.apply" || ((op.name === "arith.addi" || op.name === "arith.subi") && op.result.type instanceof IndexType);

function lastDimContiguous(t: Type): boolean {
  if (!(t instanceof MemRefType)) return false;
  return !t.layout || !(t.layout instanceof StridedLayoutAttr) || t.layout.strides[t.layout.strides.length - 1] === 1;
}

export function vectorize(loop: Operation, width: number, ctx: Context): void {
  const f = affineFor(loop);
  if (width !== 4) throw new MutationError(`vectorize: width ${width} is not supported (the backend's vectors are 128-bit: width 4)`);
  if (f.step !== 1) throw new MutationError("vectorize: the loop must have step 1");
  const tc = tripCount(f);
  if (tc === undefined || tc % width !== 0) throw new MutationError(`vectorize: the trip count ${tc ?? "(unknown)"} is not a multiple of ${width}`);
  if (f.iterArgs.length) throw new MutationError("vectorize: the loop carries iter_args (a reduction across its own index); vectorize an enclosing loop instead");
  const iv = f.iv;
  const vecOf = (t: Type): VectorType => {
    if (!(t instanceof FloatType && t.kind === "f32") && !(t instanceof IntegerType && (t.width === 32 || t.width === 1))) {
      throw new MutationError(`vectorize: element type ${t.str} is not supported (f32, i32)`);
    }
    return VectorType.get([width], t);
  };

  // Which values vary across lanes (depend on iv through data, not just through addresses).
  const varies = new Set<Value>();
  const markBlock = (b: Block): boolean => {
    let changed = false;
    const mark = (v: Value) => { if (!varies.has(v)) { varies.add(v); changed = true; } };
    for (const op of b.ops) {
      const acc = accessOf(op);
      if (acc && op.results.length) {
        if (acc.indices.some((v) => v === iv || dependsOn(v, iv))) mark(op.result);
      } else if (op.name === "affine.for") {
        const g = affineFor(op);
        const y = g.body.terminator!;
        g.iterArgs.forEach((a, i) => { if (varies.has(g.inits[i]) || varies.has(y.operands[i])) { mark(a); mark(op.results[i]); } });
        if (markBlock(g.body)) changed = true;
        g.iterArgs.forEach((a, i) => { if (varies.has(y.operands[i])) { mark(a); mark(op.results[i]); } });
      } else if (op.regions.length === 0 && op.results.length && op.operands.some((v) => varies.has(v))) {
        for (const r of op.results) mark(r);
      }
    }
    return changed;
  };
  for (let i = 0; i < 8 && markBlock(f.body); i++);

  const broadcast = (v: Value, before: Operation): Value => {
    if (v.type instanceof VectorType) return v;
    const t = vecOf(v.type);
    const b = new Operation({ name: "vector.broadcast", operands: [v], resultTypes: [t] });
    before.parent!.insertBefore(before, b);
    return b.result;
  };

  const rewriteBlock = (b: Block): void => {
    for (const op of [...b.ops]) {
      const acc = accessOf(op);
      if (acc) {
        const coefs = accessCoefficients(acc, iv);
        const invariant = coefs.every((c) => c === 0);
        const isStore = acc.value !== undefined;
        if (invariant) {
          if (isStore && varies.has(acc.value!)) throw new MutationError("vectorize: a value that varies across the loop is stored to one location (a reduction)");
          if (isStore) throw new MutationError("vectorize: a store to the same location in every iteration");
          continue; // invariant load: stays scalar, broadcast where used
        }
        const last = coefs[coefs.length - 1];
        if (last !== 1 || coefs.slice(0, -1).some((c) => c !== 0)) {
          throw new MutationError(`vectorize: access to ${acc.memref.type.str} is not contiguous in the loop index`);
        }
        if (!lastDimContiguous(acc.memref.type)) throw new MutationError("vectorize: the memref's innermost dimension is strided");
        const elem = (acc.memref.type as MemRefType).elementType;
        const vt = vecOf(elem);
        const idx = memoryIndices(acc, op);
        if (isStore) {
          const val = varies.has(acc.value!) ? acc.value! : broadcast(acc.value!, op);
          b.insertBefore(op, new Operation({ name: "vector.store", operands: [val, acc.memref, ...idx] }));
          op.erase();
        } else {
          const ld = new Operation({ name: "vector.load", operands: [acc.memref, ...idx], resultTypes: [vt] });
          b.insertBefore(op, ld);
          varies.add(ld.result);
          op.result.replaceAllUsesWith(ld.result);
          op.erase();
        }
        continue;
      }
      if (op.name === "affine.for") {
        const g = affineFor(op);
        if ([...g.lbOperands, ...g.ubOperands].some((v) => dependsOn(v, iv))) throw new MutationError("vectorize: an inner loop's bounds depend on the vectorized index");
        // An index carried from the vectorized one would hold lane 0's address only.
        if (g.inits.some((v) => !varies.has(v) && dependsOn(v, iv))) throw new MutationError("vectorize: an inner loop carries a value computed from the vectorized index");
        g.iterArgs.forEach((a, i) => {
          if (!varies.has(a)) return;
          const vt = vecOf(a.type);
          a.type = vt;
          op.results[i].type = vt;
          if (!varies.has(g.inits[i])) op.setOperand(op.operands.length - g.inits.length + i, broadcast(g.inits[i], op));
        });
        rewriteBlock(g.body);
        const y = g.body.terminator!;
        y.operands.forEach((v, i) => { if (varies.has(g.iterArgs[i]) && !varies.has(v)) y.setOperand(i, broadcast(v, y)); });
        continue;
      }
      if (op.operands.some((v) => v === iv || (v.type instanceof IndexType && dependsOn(v, iv)))) {
        if (!isAddressArith(op)) throw new MutationError(`vectorize: the loop index is used as a value by ${op.name}`);
        continue; // stays scalar: lane 0's address, which `coefficient` reads through
      }
      if (op.regions.length) {
        // Only affine.for bodies are widened: any other region must not see the index at all.
        let touches = false;
        op.walk((o) => { touches ||= o.operands.some((v) => varies.has(v) || dependsOn(v, iv)); });
        if (touches) throw new MutationError(`vectorize: ${op.name} depends on the vectorized index`);
        continue;
      }
      if (!op.results.some((r) => varies.has(r))) continue;
      if (!ctx.hasTrait(op, "Pure") && op.name !== "affine.yield") throw new MutationError(`vectorize: cannot widen ${op.name}`);
      op.operands.forEach((v, i) => { if (!varies.has(v)) op.setOperand(i, broadcast(v, op)); });
      for (const r of op.results) r.type = vecOf(r.type);
    }
  };
  rewriteBlock(f.body);
  loop.attributes.set("step", new IntegerAttr(width, index));
}
