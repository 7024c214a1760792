// --split-vectors: a 1-D vector wider than 128 bits whose width is a multiple of 128 (vector<8xf32>,
// vector<4xf64>, vector<32xi8> ...) becomes k 128-bit pieces, the wasm backend's v128 values, as
// MLIR's unrolling to a native vector size does. Each function is planned before anything is
// rewritten: one with a wide vector the pass cannot split (an argument or result, vector.print,
// transfers, shape_cast, a call ...) is left exactly as it was, so the backend's error names it.
import { DenseArrayAttr, DenseElementsAttr, type Attribute } from "../ir/attributes.js";
import { Builder } from "../ir/builder.js";
import { Block, Module, Operation, Region, Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import type { DiagnosticSink } from "../ir/diagnostics.js";
import { FloatType, IntegerType, MemRefType, Type, VectorType, i1, index } from "../ir/types.js";
import { constantIndex } from "../dialects/arith.js";
import { K_DYNAMIC, arrayProp, i64Array, segmentSizesAttr } from "../dialects/indexing.js";
import type { Pass } from "./pass.js";

/** Lanes per 128-bit piece of a (non-mask) vector type to split, else undefined. */
function pieceLanes(t: Type): number | undefined {
  if (!(t instanceof VectorType) || t.rank !== 1) return undefined;
  const e = t.elementType;
  const w = e instanceof FloatType ? (e.kind === "f32" || e.kind === "f64" ? e.width : 0)
    : e instanceof IntegerType && [8, 16, 32, 64].includes(e.width) ? e.width : 0;
  const bits = w * t.shape[0];
  return bits > 128 && bits % 128 === 0 ? 128 / w : undefined;
}
/** Ops carrying values (iter_args last among the operands; results from their yields). */
const LOOPS = new Set(["scf.for", "affine.for"]), IFS = new Set(["scf.if", "affine.if"]);
const isMask = (t: Type) => t instanceof VectorType && t.rank === 1 && t.elementType === i1;
const vectors = (op: Operation) => [...op.operands, ...op.results].filter((v) => v.type instanceof VectorType);

/** The static lane of a 1-D extract/insert (either form), else undefined. */
function lanePosition(op: Operation): number | undefined {
  if (op.name === "vector.extractelement" || op.name === "vector.insertelement") {
    const p = op.operands[op.name === "vector.extractelement" ? 1 : 2];
    return p && constantIndex(p);
  }
  const pos = arrayProp(op, "static_position");
  return pos.length === 1 && pos[0] !== K_DYNAMIC ? pos[0] : undefined;
}

/**
 * Lanes per piece of every value to split in `fn`, or undefined when there is none or the
 * function cannot be split whole. Masks (vector<Nxi1>) take their split from the ops they meet:
 * the values an element-wise op combines, and the values an scf.for/scf.if carries together,
 * must split alike.
 */
function plan(fn: Operation, ctx: Context): Map<Value, number> | undefined {
  const lanes = new Map<Value, number>(), groups: Value[][] = [];
  const seed = (v: Value) => { const l = pieceLanes(v.type); if (l) lanes.set(v, l); };
  fn.walk((op) => {
    for (const r of op.regions) for (const b of r.blocks) b.args.forEach(seed);
    op.results.forEach(seed);
    if (ctx.hasTrait(op, "Elementwise")) groups.push(vectors(op));
    if (op.name === "vector.insert" || op.name === "vector.insertelement") groups.push([op.operand(1), op.result]);
    if (LOOPS.has(op.name)) {
      const y = op.body().terminator!, first = op.operands.length - op.results.length;
      op.results.forEach((r, i) => groups.push([op.operand(first + i), op.body().args[1 + i], r, y.operand(i)]));
    }
    if (IFS.has(op.name)) op.results.forEach((r, i) => groups.push([r, ...op.regions.map((g) => g.blocks[0].terminator!.operand(i))]));
  });
  if (!lanes.size) return undefined;
  for (let changed = true; changed;) {
    changed = false;
    for (const g of groups) {
      const known = new Set(g.flatMap((v) => lanes.get(v) ?? []));
      if (known.size > 1) return undefined; // e.g. extf vector<8xf32> to vector<8xf64>
      if (!known.size) continue;
      for (const v of g) {
        if (lanes.has(v)) continue;
        if (!isMask(v.type)) return undefined; // a native vector beside a split one
        lanes.set(v, [...known][0]);
        changed = true;
      }
    }
  }
  let ok = true;
  fn.walk((op) => {
    for (const r of op.regions) for (const b of r.blocks) {
      if (b.args.some((a, i) => lanes.has(a) && (!LOOPS.has(op.name) || i === 0))) ok = false;
    }
    if ([...op.operands, ...op.results].some((v) => lanes.has(v)) && !splittable(op, lanes, ctx)) ok = false;
    return ok;
  });
  return ok ? lanes : undefined;
}

function splittable(op: Operation, lanes: Map<Value, number>, ctx: Context): boolean {
  // Masks have no memory form in the backend; a memref of vectors holds whole vectors.
  const scalarMemref = (v: Value) => v.type instanceof MemRefType && !(v.type.elementType instanceof VectorType) && v.type.elementType !== i1;
  switch (op.name) {
    case "arith.constant": return op.attr("value") instanceof DenseElementsAttr;
    case "vector.broadcast": case "vector.splat": return !(op.operand(0).type instanceof VectorType);
    case "vector.load": return scalarMemref(op.operand(0)) && op.operands.length > 1;
    case "vector.store": return scalarMemref(op.operand(1)) && op.operands.length > 2;
    case "vector.reduction": case "scf.for": case "scf.if": case "affine.for": case "affine.if": return true;
    case "vector.extract": case "vector.extractelement": case "vector.insert": case "vector.insertelement": {
      const p = lanePosition(op), insert = op.name.startsWith("vector.insert"), vt = op.operand(insert ? 1 : 0).type as VectorType;
      return p !== undefined && p >= 0 && p < vt.shape[0] && !(insert && op.operand(0).type instanceof VectorType);
    }
    case "scf.yield": case "affine.yield": return LOOPS.has(op.parentOp?.name ?? "") || IFS.has(op.parentOp?.name ?? "");
  }
  return ctx.hasTrait(op, "Elementwise") && op.results.length === 1 && vectors(op).every((v) => lanes.has(v));
}

/** Rewrites the planned values of one function into pieces (`parts`: a split value's pieces). */
class Splitter {
  readonly parts = new Map<Value, Value[]>();
  constructor(readonly lanes: Map<Value, number>) {}

  count(v: Value): number { return (v.type as VectorType).shape[0] / this.lanes.get(v)!; }
  pieceType(v: Value): VectorType { return VectorType.get([this.lanes.get(v)!], (v.type as VectorType).elementType); }
  expand(vs: readonly Value[]): Value[] { return vs.flatMap((v) => this.parts.get(v) ?? [v]); }
  expandTypes(vs: readonly Value[]): Type[] {
    return vs.flatMap((v) => (this.lanes.has(v) ? new Array<Type>(this.count(v)).fill(this.pieceType(v)) : [v.type]));
  }
  /** Points `olds` at `news` (split values take their pieces' worth of them). */
  bind(olds: readonly Value[], news: readonly Value[]): void {
    let i = 0;
    for (const v of olds) {
      if (this.lanes.has(v)) this.parts.set(v, news.slice(i, (i += this.count(v))));
      else v.replaceAllUsesWith(news[i++]);
    }
  }

  block(blk: Block): void {
    for (const op of [...blk.ops]) {
      if ([...op.operands, ...op.results].some((v) => this.lanes.has(v))) this.op(op);
      else for (const r of op.regions) for (const b of r.blocks) this.block(b);
    }
  }

  private op(op: Operation): void {
    const b = Builder.before(op), attrs: Record<string, Attribute> = Object.fromEntries(op.attributes);
    const res = op.results[0], each = <T>(n: number, f: (j: number) => T) => Array.from({ length: n }, (_, j) => f(j));
    switch (op.name) {
      case "arith.constant": {
        const a = op.attr("value") as DenseElementsAttr, t = this.pieceType(res), l = t.shape[0];
        const piece = (j: number) => b.constant(new DenseElementsAttr(t, a.values.slice(j * l, (j + 1) * l), false), t);
        const splat = a.isSplat && b.constant(new DenseElementsAttr(t, a.values, true), t); // one piece serves all
        this.parts.set(res, each(this.count(res), (j) => splat || piece(j)));
        break;
      }
      case "vector.broadcast": case "vector.splat": { // every piece is the same splat
        const v = b.value(op.name, [op.operand(0)], this.pieceType(res), attrs);
        this.parts.set(res, each(this.count(res), () => v));
        break;
      }
      case "vector.load": case "vector.store": { // piece j at the last index + j * lanes
        const store = op.name === "vector.store", vec = store ? op.operand(0) : res, l = this.lanes.get(vec)!;
        const [mem, ...idx] = op.operands.slice(store ? 1 : 0), last = idx.pop()!;
        const at = (j: number) => [mem, ...idx, j ? b.value("arith.addi", [last, b.constIndex(j * l)], index) : last];
        if (store) this.parts.get(vec)!.forEach((p, j) => b.create(op.name, [p, ...at(j)], [], attrs));
        else this.parts.set(res, each(this.count(res), (j) => b.value(op.name, at(j), this.pieceType(res), attrs)));
        break;
      }
      case "vector.reduction": { // chained in lane order: the interpreter's sequential fold, bit for bit
        let acc: Value | undefined = op.operands[1];
        for (const p of this.parts.get(op.operand(0))!) acc = b.value(op.name, acc ? [p, acc] : [p], res.type, attrs);
        res.replaceAllUsesWith(acc!);
        break;
      }
      case "vector.extract": case "vector.extractelement": {
        const p = lanePosition(op)!, l = this.lanes.get(op.operand(0))!;
        const x = this.parts.get(op.operand(0))![Math.floor(p / l)];
        res.replaceAllUsesWith(b.value("vector.extract", [x], res.type, { static_position: i64Array([p % l]) }));
        break;
      }
      case "vector.insert": case "vector.insertelement": {
        const p = lanePosition(op)!, l = this.lanes.get(res)!, ps = [...this.parts.get(op.operand(1))!], j = Math.floor(p / l);
        ps[j] = b.value("vector.insert", [op.operand(0), ps[j]], this.pieceType(res), { static_position: i64Array([p % l]) });
        this.parts.set(res, ps);
        break;
      }
      case "scf.yield": case "affine.yield": b.create(op.name, this.expand(op.operands), [], attrs); break;
      case "scf.for": case "affine.for": { // the body moves into a loop carrying the pieces
        const old = op.body(), body = new Block();
        old.args.forEach((a) => this.expandTypes([a]).forEach((t) => body.addArg(t, a.loc)));
        this.bind(old.args, body.args);
        for (const o of [...old.ops]) body.append(o);
        const operands = this.expand(op.operands);
        if (op.name === "affine.for") { // bounds' operands, then the (now more) inits
          const [lb, ub] = (op.attr("operandSegmentSizes") as DenseArrayAttr).values.map(Number);
          attrs.operandSegmentSizes = segmentSizesAttr([lb, ub, operands.length - lb - ub]);
        }
        const loop = b.create(op.name, operands, this.expandTypes(op.results), attrs, [new Region([body])]);
        this.block(body);
        this.bind(op.results, loop.results);
        break;
      }
      case "scf.if": case "affine.if": { // (affine.if's operands are its set's)
        const branches = op.regions.splice(0);
        const r = b.create(op.name, [...op.operands], this.expandTypes(op.results), attrs, branches);
        for (const g of branches) for (const blk of g.blocks) this.block(blk);
        this.bind(op.results, r.results);
        break;
      }
      default: // element-wise: piece j of the result from piece j of each vector operand
        this.parts.set(res, each(this.count(res), (j) =>
          b.value(op.name, op.operands.map((v) => this.parts.get(v)?.[j] ?? v), this.pieceType(res), attrs)));
    }
    op.erase(); // later users of its results are rewritten (and erased) in turn
  }
}

export const splitVectors: Pass = {
  name: "split-vectors",
  description: "Split 1-D vectors wider than 128 bits into 128-bit pieces (the wasm backend's vectors)",
  run(module: Module, ctx: Context, _diag: DiagnosticSink): void {
    for (const fn of module.definedFunctions()) {
      const lanes = plan(fn, ctx);
      if (lanes) new Splitter(lanes).block(fn.body());
    }
  },
};
