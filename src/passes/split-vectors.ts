// --split-vectors: a vector the wasm backend does not hold in one v128 becomes pieces it does, as
// MLIR's unrolling to a native vector size does: 128-bit pieces in row-major order where its bits
// are a multiple of 128 (vector<8xf32>, vector<4xf64>, vector<3x4xi32> ...), else its elements as
// scalars (vector<3xf32>, vector<2x3xf32>). Each function is planned before anything is rewritten:
// one with a vector the pass cannot split (a dynamic position, a mask crossing a call ...) is left
// exactly as it was, so the backend's error names it. A function whose arguments or results are
// split takes their pieces instead (as MLIR's one-to-N signature conversion does), and so do its
// calls: where the function or one of its callers cannot be split, none of them is. The other
// blocks of a function take split arguments in pieces too, and the cf branches to them pass them.
import { ArrayAttr, DenseArrayAttr, DenseElementsAttr, FloatAttr, denseElements, IntegerAttr, OpaqueAttr, SymbolRefAttr, TypeAttr, type Attribute } from "../ir/attributes.js";
import { Builder } from "../ir/builder.js";
import { Block, Module, Operation, Region, Value, symbolName } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import type { DiagnosticSink } from "../ir/diagnostics.js";
import { DYN, FloatType, FunctionType, IndexType, IntegerType, MemRefType, Type, VectorType, i1, index, touchesScalable } from "../ir/types.js";
import { constantIndex } from "../dialects/arith.js";
import { arrayProp, i64Array, segmentSizesAttr } from "../dialects/indexing.js";
import { KIND_TO_ARITH, reductionKind, type VectorKind } from "../dialects/vector-kind.js";
import { permutationMap, printPunctuation, transferParts } from "../dialects/vector.js";
import { cmpi } from "./lower-affine.js";
import type { Pass } from "./pass.js";
import { reversePostOrder } from "../ir/verifier.js";
import { isCfBranch, setSuccessorOperands, successorOperands } from "../dialects/cf.js";
import { refsIn } from "./symbol-dce.js";
import { eraseUnreachableBlocks } from "./canonicalize.js";

const laneBits = (e: Type) => (e instanceof FloatType ? (e.kind === "f32" || e.kind === "f64" ? e.width : 0)
  : e instanceof IntegerType && [8, 16, 32, 64].includes(e.width) ? e.width : e instanceof IndexType ? 32 : 0);
/** Whether the wasm backend holds `t` in one v128 (as backend/wasm/abi.ts's vectorLanes says). */
export function heldVector(t: Type): boolean {
  if (!(t instanceof VectorType) || t.rank === 0) return false;
  return t.elementType === i1 ? [2, 4, 8, 16].includes(t.numElements) : laneBits(t.elementType) * t.numElements === 128;
}
/** Lanes per piece of a (non-mask) vector type to split (1: its elements), else undefined. */
function pieceLanes(t: Type): number | undefined {
  if (!(t instanceof VectorType) || t.rank === 0 || t.elementType === i1 || heldVector(t)) return undefined;
  const w = laneBits(t.elementType);
  return !w ? undefined : (w * t.numElements) % 128 === 0 ? 128 / w : 1;
}
/** `t` as it crosses a split signature: its pieces, or itself. */
function splitType(t: Type): Type[] {
  const l = pieceLanes(t), vt = t as VectorType;
  return l ? new Array<Type>(vt.numElements / l).fill(l === 1 ? vt.elementType : VectorType.get([l], vt.elementType)) : [t];
}
/** Row-major index of `pos` in `shape` (leading dimensions), and back. */
const flat = (shape: readonly number[], pos: readonly number[]) => pos.reduce((a, p, d) => a * shape[d] + p, 0);
function unflat(shape: readonly number[], e: number): number[] {
  const pos = shape.map(() => 0);
  for (let d = shape.length - 1; d >= 0; d--) { pos[d] = e % shape[d]; e = Math.floor(e / shape[d]); }
  return pos;
}
const each = <T>(n: number, f: (j: number) => T) => Array.from({ length: n }, (_, j) => f(j));
/** The index `v + k` (v itself for k = 0). */
export const addIndex = (b: Builder, v: Value, k: number): Value => (k ? b.value("arith.addi", [v, b.constIndex(k)], index) : v);

/** Ops carrying values (iter_args last among the operands; results from their yields). */
const LOOPS = new Set(["scf.for", "affine.for"]), IFS = new Set(["scf.if", "affine.if"]);
const TRANSFERS = new Set(["vector.transfer_read", "vector.transfer_write"]);
const isMask = (t: Type) => t instanceof VectorType && t.elementType === i1;
const vectors = (op: Operation) => [...op.operands, ...op.results].filter((v) => v.type instanceof VectorType);
/** A cast changing the lane width (extf vector<8xf32> to vector<8xf64>, index_cast vector<4xindex>
 * to vector<4xi64>): its sides split apart, and it is cast element by element. */
const resizes = (op: Operation) => {
  const [a, r] = [op.operands[0], op.results[0]].map((v) => (v?.type instanceof VectorType ? laneBits(v.type.elementType) : 0));
  return op.operands.length === 1 && !!a && !!r && a !== r;
};

/** The constant position of an extract/insert (either form), else undefined. */
function staticPosition(op: Operation): number[] | undefined {
  if (op.name === "vector.extractelement" || op.name === "vector.insertelement") {
    const p = op.operands[op.name === "vector.extractelement" ? 1 : 2], c = p && constantIndex(p);
    return c === undefined ? undefined : [c];
  }
  let dyn = op.name === "vector.extract" ? 1 : 2; // (dynamic positions that are constants count)
  const pos = arrayProp(op, "static_position").map((p) => (p === DYN ? constantIndex(op.operands[dyn++]) : p));
  return pos.some((p) => p === undefined) ? undefined : (pos as number[]);
}

const fnType = (fn: Operation) => (fn.attr("function_type") as TypeAttr).type as FunctionType;
const calleeOf = (call: Operation) => (call.attr("callee") as SymbolRefAttr).root;

/**
 * The functions whose signatures may be split: defined in one block, taking or returning a
 * vector the pass splits (and no mask that a v128 does not hold), their symbol used by calls
 * alone (an op naming it otherwise, as func.constant would, could call it with the whole vectors).
 */
function splitCandidates(module: Module): Set<string> {
  const others: string[] = [];
  module.walk((op) => { for (const [k, a] of op.attributes) if (op.name !== "func.call" || k !== "callee") refsIn(a, others); });
  const used = new Set(others), out = new Set<string>();
  for (const fn of module.definedFunctions()) {
    const ts = [fnType(fn).inputs, fnType(fn).results].flat(), name = symbolName(fn)!;
    if (!used.has(name) && ts.some((t) => pieceLanes(t))
      && ts.every((t) => !(t instanceof VectorType) || pieceLanes(t) || heldVector(t))) out.add(name);
  }
  return out;
}

/**
 * Lanes per piece of every value to split in `fn` (none: an empty map), or undefined when the
 * function cannot be split whole. Masks (vector<Nxi1>) take their split from the ops they meet:
 * the values an element-wise op combines, and the values an scf.for/scf.if carries together,
 * must split alike. `split` names the functions whose signatures are split: their arguments,
 * results and calls carry the pieces of their types (a mask a v128 holds stays whole).
 */
function plan(fn: Operation, ctx: Context, split: Set<string>): Map<Value, number> | undefined {
  if (touchesScalable(fn)) return undefined; // its pieces would be fixed-size: left whole, for the engines to refuse
  const lanes = new Map<Value, number>(), groups: Value[][] = [], uses: Value[][] = [], elementwise: Operation[] = [];
  const splitSig = split.has(symbolName(fn)!), boundary: Value[] = splitSig ? [...fn.body().args] : [];
  const seed = (v: Value) => { // (a mask no v128 holds joins a group of its own, to be split at least into elements)
    const l = pieceLanes(v.type);
    if (l) lanes.set(v, l);
    else if (isMask(v.type) && !heldVector(v.type)) groups.push([v]);
  };
  fn.walk((op) => {
    for (const r of op.regions) for (const b of r.blocks) b.args.forEach(seed);
    op.results.forEach(seed);
    if (ctx.hasTrait(op, "Elementwise") && !resizes(op)) elementwise.push(op);
    if (op.name === "vector.insert" || op.name === "vector.insertelement") groups.push([op.operand(1), op.result]);
    const t = TRANSFERS.has(op.name) ? transferParts(op) : undefined;
    if (t?.mask && permutationMap(op).results.at(-1)?.kind === "dim") uses.push([op.name === "vector.transfer_read" ? op.result : op.operand(0), t.mask]);
    if (op.name === "vector.maskedload" || op.name === "vector.maskedstore") uses.push([...op.operands.slice(-2), ...op.results]);
    if (LOOPS.has(op.name)) {
      const y = op.body().terminator!, first = op.operands.length - op.results.length;
      op.results.forEach((r, i) => groups.push([op.operand(first + i), op.body().args[1 + i], r, y.operand(i)]));
    }
    if (IFS.has(op.name)) op.results.forEach((r, i) => groups.push([r, ...op.regions.map((g) => g.blocks[0].terminator!.operand(i))]));
    if (isCfBranch(op)) successorOperands(op).forEach((vs, i) => vs.forEach((v, k) => { if (v.type instanceof VectorType) groups.push([v, op.successors[i].args[k]]); }));
    if (op.name === "func.call" && split.has(calleeOf(op))) boundary.push(...op.results);
  });
  if (!lanes.size) return lanes;
  // A mask an op on native vectors gives (cmpi of vector<8xi16>) stays whole; split element-wise
  // ops, transfers and masked accesses using it take its elements.
  const native = (v: Value) => v.type instanceof VectorType && !isMask(v.type) && !lanes.has(v);
  const pinned = new Set<Value>(elementwise.filter((op) => vectors(op).some(native)).flatMap((op) => op.results.filter((r) => isMask(r.type))));
  for (const v of boundary) if (isMask(v.type)) pinned.add(v);
  for (const g of [...uses, ...elementwise.map(vectors)]) groups.push(g.some(native) ? g : g.filter((v) => !pinned.has(v)));
  // Masks take the split of what they meet; those left that no v128 holds split into elements.
  for (let changed = true, late = false; changed || !late;) {
    if (!changed) {
      late = true;
      for (const g of groups) for (const v of g) if (isMask(v.type) && !lanes.has(v) && !heldVector(v.type)) lanes.set(v, 1);
    }
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
  let ok = fn.body().args.every((a) => (splitSig ? lanes.get(a) === pieceLanes(a.type) : !lanes.has(a)));
  fn.walk((op) => {
    for (const r of op.regions) for (const b of r.blocks) {
      // (the function's other blocks take split arguments: the branches to them pass pieces)
      if (op !== fn && b.args.some((a, i) => lanes.has(a) && (!LOOPS.has(op.name) || i === 0))) ok = false;
    }
    if ([...op.operands, ...op.results].some((v) => lanes.has(v)) && !splittable(op, lanes, ctx, split)) ok = false;
    return ok;
  });
  return ok ? lanes : undefined;
}

function splittable(op: Operation, lanes: Map<Value, number>, ctx: Context, split: Set<string>): boolean {
  // What crosses a split signature is in the pieces of its type.
  const asTyped = (vs: readonly Value[]) => vs.every((v) => lanes.get(v) === pieceLanes(v.type));
  // Masks have no memory form in the backend; a memref of vectors holds whole vectors.
  const scalarMemref = (v: Value) => v.type instanceof MemRefType && !(v.type.elementType instanceof VectorType) && v.type.elementType !== i1;
  switch (op.name) {
    case "arith.constant": return denseElements(op.attr("value")) !== undefined;
    case "vector.broadcast": case "vector.splat": case "vector.print": case "vector.shape_cast": case "vector.from_elements": return true;
    case "vector.load": return scalarMemref(op.operand(0)) && op.operands.length > 1 && (op.result.type as VectorType).rank === 1;
    case "vector.store": return scalarMemref(op.operand(1)) && op.operands.length > 2 && (op.operand(0).type as VectorType).rank === 1;
    case "vector.reduction": case "scf.for": case "scf.if": case "affine.for": case "affine.if": case "vector.create_mask": return true;
    case "cf.br": case "cf.cond_br": case "cf.switch": return true;
    case "vector.maskedload": case "vector.maskedstore": // in 128-bit pieces
      return scalarMemref(op.operand(0));
    case "vector.transfer_read": case "vector.transfer_write": {
      const { source, vector } = transferParts(op);
      return scalarMemref(source) && (vector as VectorType).rank === 1;
    }
    case "vector.bitcast": return vectors(op).every((v) => laneBits((v.type as VectorType).elementType));
    case "vector.extract": case "vector.extractelement": case "vector.insert": case "vector.insertelement": {
      const p = staticPosition(op), vt = op.operand(op.name.startsWith("vector.insert") ? 1 : 0).type as VectorType;
      return p !== undefined && p.every((x, d) => x >= 0 && x < vt.shape[d]);
    }
    case "scf.yield": case "affine.yield": return LOOPS.has(op.parentOp?.name ?? "") || IFS.has(op.parentOp?.name ?? "");
    case "func.call": return split.has(calleeOf(op)) && asTyped(vectors(op));
    case "func.return": return split.has(symbolName(op.parentOp!)!) && asTyped(op.operands);
  }
  return ctx.hasTrait(op, "Elementwise") && op.results.length === 1
    && (resizes(op) || vectors(op).every((v) => lanes.has(v) || (op.operands.includes(v) && isMask(v.type) && heldVector(v.type))));
}

/** Rewrites the planned values of one function into pieces (`parts`: a split value's pieces). */
class Splitter {
  readonly parts = new Map<Value, Value[]>();
  constructor(readonly lanes: Map<Value, number>) {}

  count(v: Value): number { return (v.type as VectorType).numElements / this.lanes.get(v)!; }
  /** A piece of `v`: 128 bits of lanes, or one element. */
  pieceType(v: Value): Type {
    const l = this.lanes.get(v)!, e = (v.type as VectorType).elementType;
    return l === 1 ? e : VectorType.get([l], e);
  }
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

  /** Splits `fn`'s body; with `signature`, its arguments and results too. */
  func(fn: Operation, signature: boolean): void {
    if (signature) {
      const ft = fnType(fn), r = fn.regions[0];
      fn.attributes.set("function_type", new TypeAttr(FunctionType.get(ft.inputs.flatMap(splitType), ft.results.flatMap(splitType))));
      for (const [k, ts] of [["arg_attrs", ft.inputs], ["res_attrs", ft.results]] as const) { // each piece keeps its value's
        const a = fn.attr(k);
        if (a instanceof ArrayAttr) fn.attributes.set(k, new ArrayAttr(a.items.flatMap((x, i) => splitType(ts[i]).map(() => x))));
      }
      r.blocks[0] = this.rebody(r.blocks[0]);
      r.blocks[0].parent = r;
    }
    // Every block, each after those dominating it: a value is split before its uses. A block
    // other than the entry takes its split arguments' pieces in their place. Blocks no branch
    // reaches go first: nothing runs them, and their branches would pass values left whole.
    eraseUnreachableBlocks(fn.region());
    for (const b of reversePostOrder(fn.region())) {
      if (b !== fn.body() && b.args.some((a) => this.lanes.has(a))) {
        const old = b.args.splice(0);
        old.forEach((a) => this.expandTypes([a]).forEach((t) => b.addArg(t, a.loc)));
        this.bind(old, b.args);
      }
      this.block(b);
    }
  }

  /** A block taking `old`'s arguments in pieces and holding its ops. */
  private rebody(old: Block): Block {
    const body = new Block();
    old.args.forEach((a) => this.expandTypes([a]).forEach((t) => body.addArg(t, a.loc)));
    this.bind(old.args, body.args);
    for (const o of [...old.ops]) body.append(o);
    return body;
  }

  block(blk: Block): void {
    for (const op of [...blk.ops]) {
      if ([...op.operands, ...op.results].some((v) => this.lanes.has(v))) this.op(op);
      else for (const r of op.regions) for (const b of r.blocks) this.block(b);
    }
  }

  /** Element `e` (row-major) of vector `v`, split or not, as a scalar. */
  private elem(b: Builder, v: Value, e: number): Value {
    const t = v.type as VectorType, ps = this.parts.get(v), l = this.lanes.get(v);
    if (l === 1) return ps![e];
    const [x, pos] = ps ? [ps[Math.floor(e / l!)], [e % l!]] : [v, unflat(t.shape, e)];
    return b.value("vector.extract", [x], t.elementType, { static_position: i64Array(pos) });
  }
  /** The scalars `xs` in pieces of `l` lanes (1: themselves). */
  private pieces(b: Builder, xs: Value[], l: number): Value[] {
    return l === 1 ? xs : each(xs.length / l, (j) => b.value("vector.from_elements", xs.slice(j * l, (j + 1) * l), VectorType.get([l], xs[0].type)));
  }
  /** `v`'s pieces of `l` lanes: its own, or (a native mask) made of its elements. */
  private regroup(b: Builder, v: Value, l: number): Value[] {
    return this.piecesOf(v, l) ?? this.pieces(b, each((v.type as VectorType).numElements, (e) => this.elem(b, v, e)), l);
  }
  /** `res` made of the scalars `xs`: its pieces, or (not split) one from_elements in its place. */
  private assemble(b: Builder, res: Value, xs: Value[]): void {
    const l = this.lanes.get(res);
    if (l === undefined) res.replaceAllUsesWith(b.value("vector.from_elements", xs, res.type));
    else this.parts.set(res, this.pieces(b, xs, l));
  }
  /** Piece j of `pl` lanes of the elements `xs`, those past them `pad` (zero). */
  private padded(b: Builder, xs: readonly Value[], j: number, pl: number, pad = () => b.zero(xs[0].type)): Value {
    return b.value("vector.from_elements", each(pl, (k) => xs[j * pl + k] ?? pad()), VectorType.get([pl], xs[0].type));
  }
  /** The elements of `n` from `pl`-lane pieces `ps`. */
  private unpadded(b: Builder, ps: readonly Value[], n: number, pl: number): Value[] {
    return each(n, (e) => b.value("vector.extract", [ps[Math.floor(e / pl)]], (ps[0].type as VectorType).elementType, { static_position: i64Array([e % pl]) }));
  }
  /** The pieces of `v` as `l`-lane pieces, if they are (a native v128 is one), else undefined. */
  private piecesOf(v: Value, l: number): Value[] | undefined {
    if (this.lanes.has(v)) return this.lanes.get(v) === l ? this.parts.get(v) : undefined;
    return v.type instanceof VectorType && v.type.numElements === l ? [v] : undefined;
  }

  /**
   * A 1-D transfer in 128-bit pieces: piece j at the lanes' index + j * lanes, with mask piece j.
   * A vector split into elements is transferred in pieces too, padded, the lanes past it masked
   * off (neither read nor written), and its elements taken from them.
   */
  private transfer(b: Builder, op: Operation, attrs: Record<string, Attribute>): void {
    const read = op.name === "vector.transfer_read", vec = read ? op.result : op.operand(0), t = vec.type as VectorType, n = t.numElements;
    const { source, indices, padding, mask } = transferParts(op), r = permutationMap(op).results.at(-1)!;
    const exact = this.lanes.get(vec)! > 1, pl = exact ? this.lanes.get(vec)! : 128 / laneBits(t.elementType), count = Math.ceil(n / pl);
    const [pt, mt] = [t.elementType, i1].map((e) => VectorType.get([pl], e)), lanes = (j: number) => each(pl, (k) => j * pl + k);
    const at = (j: number) => indices.map((v, d) => (r.kind === "dim" && r.pos === d ? addIndex(b, v, j * pl) : v));
    // A broadcast read (map result 0) reads one element into every lane: its padding lanes need
    // no mask, and its mask, if any, is the one 0-D mask of that element.
    const bcast = r.kind !== "dim";
    const unmasked = (j: number) => exact || bcast ? !mask : !mask && (j + 1) * pl <= n; // (a piece wholly inside the vector)
    const mps = mask && !bcast && this.regroup(b, mask, exact ? pl : 1);
    const maskAt = (j: number): Value[] => {
      if (bcast) return !mask ? [] : this.lanes.has(mask) ? [b.value("vector.broadcast", [this.elem(b, mask, 0)], mask.type)] : [mask];
      if (exact) return mps ? [mps[j]] : [];
      if (unmasked(j)) return [];
      return [mps ? this.padded(b, mps, j, pl) : b.constant(new DenseElementsAttr(mt, lanes(j).map((e) => Number(e < n)), false), mt)];
    };
    const seg = arrayProp(op, "operandSegmentSizes"), masked = { ...attrs, operandSegmentSizes: segmentSizesAttr([...seg.slice(0, -1), 1]) };
    const attrsAt = (j: number) => (unmasked(j) || mask ? attrs : masked);
    if (read) {
      const ps = each(count, (j) => b.value(op.name, [source, ...at(j), padding!, ...maskAt(j)], pt, attrsAt(j)));
      this.parts.set(vec, exact ? ps : this.unpadded(b, ps, n, pl));
    } else {
      const xs = this.parts.get(vec)!, ps = exact ? xs : each(count, (j) => this.padded(b, xs, j, pl));
      ps.forEach((p, j) => b.create(op.name, [p, source, ...at(j), ...maskAt(j)], [], attrsAt(j)));
    }
  }

  /** A bitcast (row-major bytes, whatever the shape): piece by piece where both sides are 128-bit
   * pieces, else each 128 bits of the source's elements (the last zero-padded) bitcast in one
   * register, whose result elements are taken. */
  private bitcast(b: Builder, op: Operation): void {
    const [src, res] = [op.operand(0), op.result], [st, rt] = [src.type, res.type] as VectorType[];
    if (this.lanes.get(src) !== 1 && this.lanes.get(res) !== 1) {
      this.parts.set(res, this.parts.get(src)!.map((p) => b.value(op.name, [p], this.pieceType(res))));
      return;
    }
    const [sn, rn] = [st, rt].map((t) => 128 / laneBits(t.elementType)), zero = b.zero(st.elementType), xs: Value[] = [];
    for (let c = 0; c * sn < st.numElements; c++) {
      const ins = each(sn, (k) => (c * sn + k < st.numElements ? this.elem(b, src, c * sn + k) : zero));
      const v = b.value(op.name, [b.value("vector.from_elements", ins, VectorType.get([sn], st.elementType))], VectorType.get([rn], rt.elementType));
      for (let k = 0; k < rn && xs.length < rt.numElements; k++) xs.push(b.value("vector.extract", [v], rt.elementType, { static_position: i64Array([k]) }));
    }
    this.assemble(b, res, xs);
  }

  private op(op: Operation): void {
    const b = Builder.before(op), attrs: Record<string, Attribute> = Object.fromEntries(op.attributes);
    const res = op.results[0];
    const l = res && this.lanes.get(res);
    switch (op.name) {
      case "arith.constant": {
        const a = denseElements(op.attr("value"))!, t = this.pieceType(res), et = (res.type as VectorType).elementType;
        const attr = (vs: readonly (number | bigint)[], splat: boolean) => (t instanceof VectorType ? new DenseElementsAttr(t, vs, splat)
          : et instanceof FloatType ? new FloatAttr(Number(vs[0]), et) : new IntegerAttr(vs[0], et));
        const splat = a.isSplat && b.constant(attr(a.values, true), t); // one piece serves all
        this.parts.set(res, each(this.count(res), (j) => splat || b.constant(attr(a.values.slice(j * l!, (j + 1) * l!), false), t)));
        break;
      }
      case "vector.broadcast": case "vector.splat": {
        const src = op.operand(0), rt = res.type as VectorType;
        if (!(src.type instanceof VectorType)) { // every piece is the same splat
          const v = l === 1 ? src : b.value(op.name, [src], this.pieceType(res), attrs);
          this.parts.set(res, each(this.count(res), () => v));
          break;
        }
        const st = src.type, off = rt.rank - st.rank, ps = this.piecesOf(src, l!);
        if (ps && st.shape.every((n, d) => n === rt.shape[off + d])) { // the source repeated
          this.parts.set(res, each(rt.numElements / st.numElements, () => ps).flat());
          break;
        }
        this.assemble(b, res, each(rt.numElements, (e) => {
          const i = unflat(rt.shape, e).slice(off);
          return this.elem(b, src, flat(st.shape, i.map((x, d) => (st.shape[d] === 1 ? 0 : x))));
        }));
        break;
      }
      case "vector.load": case "vector.store": case "vector.maskedload": case "vector.maskedstore": {
        // piece j at the last index + j * lanes (masked: with piece j of the mask and pass_thru or value;
        // a vector split into elements in padded pieces, as transfers are, the lanes past it masked off)
        const store = op.name.endsWith("store"), masked = op.name.includes("masked"), vec = store ? op.operands.at(masked ? -1 : 0)! : res;
        const vl = this.lanes.get(vec)!, [mem, ...idx] = op.operands.slice(store && !masked ? 1 : 0, masked ? -2 : undefined), last = idx.pop()!;
        const t = vec.type as VectorType, pl = masked && vl === 1 ? 128 / laneBits(t.elementType) : vl, count = Math.ceil(t.numElements / pl);
        const mp = masked ? op.operands.slice(-2).map((v) => this.regroup(b, v, vl)) : [];
        const piece = (i: number, j: number) => (pl === vl ? mp[i][j] : this.padded(b, mp[i], j, pl));
        const at = (j: number) => [mem, ...idx, addIndex(b, last, j * pl), ...mp.map((_, i) => piece(i, j))];
        const [ld, st, a] = pl === 1 ? ["memref.load", "memref.store", {}] : [op.name, op.name, attrs];
        if (store) each(count, (j) => b.create(st, masked ? at(j) : [this.parts.get(vec)![j], ...at(j)], [], a));
        else {
          const ps = each(count, (j) => b.value(ld, at(j), pl === 1 ? t.elementType : VectorType.get([pl], t.elementType), a));
          this.parts.set(res, pl === vl ? ps : this.unpadded(b, ps, t.numElements, pl));
        }
        break;
      }
      case "vector.transfer_read": case "vector.transfer_write": this.transfer(b, op, attrs); break;
      case "vector.create_mask": { // piece j: the lanes below the bound less j * lanes
        const bound = op.operand(0);
        if (l === 1) this.parts.set(res, each(this.count(res), (k) => cmpi(b, "slt", b.constIndex(k), bound)));
        else this.parts.set(res, each(this.count(res), (j) => b.value(op.name, [addIndex(b, bound, -j * l!)], this.pieceType(res))));
        break;
      }
      case "vector.bitcast": this.bitcast(b, op); break;
      case "vector.reduction": { // chained in lane order: the interpreter's sequential fold, bit for bit
        let acc: Value | undefined = op.operands[1];
        const src = op.operand(0), et = res.type, kind = reductionKind(op) as VectorKind;
        if (this.lanes.get(src) === 1) { // a float <add> without accumulator from +0.0, as MLIR lowers it
          const comb = KIND_TO_ARITH[kind][et instanceof FloatType ? "float" : "int"]!;
          acc ??= kind === "add" && et instanceof FloatType ? b.zero(et) : undefined;
          for (const p of this.parts.get(src)!) acc = acc ? b.value(comb, [acc, p], et) : p;
        } else for (const p of this.parts.get(src)!) acc = b.value(op.name, acc ? [p, acc] : [p], et, attrs);
        res.replaceAllUsesWith(acc!);
        break;
      }
      case "vector.extract": case "vector.extractelement": {
        const src = op.operand(0), pos = staticPosition(op)!, st = src.type as VectorType;
        const n = res.type instanceof VectorType ? res.type.numElements : 1, start = flat(st.shape, pos) * n;
        const sl = this.lanes.get(src) ?? n, ps = this.piecesOf(src, sl);
        if (!(res.type instanceof VectorType)) res.replaceAllUsesWith(this.elem(b, src, start));
        else if (ps && start % sl === 0 && (l ?? n) === sl) { // whole pieces
          const got = ps.slice(start / sl, (start + n) / sl);
          if (l === undefined) res.replaceAllUsesWith(got[0]);
          else this.parts.set(res, got);
        } else this.assemble(b, res, each(n, (k) => this.elem(b, src, start + k)));
        break;
      }
      case "vector.insert": case "vector.insertelement": {
        const [x, dest] = op.operands, pos = staticPosition(op)!, dt = dest.type as VectorType, vec = x.type instanceof VectorType;
        const n = vec ? (x.type as VectorType).numElements : 1, start = flat(dt.shape, pos) * n;
        if (l === undefined) { // a native vector takes the elements of a split one
          let r = dest;
          for (let k = 0; k < n; k++) r = b.value("vector.insert", [this.elem(b, x, k), r], dt, { static_position: i64Array(unflat(dt.shape, start + k)) });
          res.replaceAllUsesWith(r);
          break;
        }
        const ps = [...this.parts.get(dest)!], xs = vec ? this.piecesOf(x, l) : undefined;
        if (xs && start % l === 0) ps.splice(start / l, xs.length, ...xs);
        else {
          for (let k = 0; k < n; k++) {
            const e = start + k, xk = vec ? this.elem(b, x, k) : x, j = Math.floor(e / l);
            ps[j] = l === 1 ? xk : b.value("vector.insert", [xk, ps[j]], this.pieceType(res), { static_position: i64Array([e % l]) });
          }
        }
        this.parts.set(res, ps);
        break;
      }
      case "vector.shape_cast": {
        const src = op.operand(0), ps = l !== undefined && this.piecesOf(src, l);
        if (ps && this.lanes.has(src)) this.parts.set(res, ps);
        else this.assemble(b, res, each((res.type as VectorType).numElements, (e) => this.elem(b, src, e)));
        break;
      }
      case "vector.from_elements": this.assemble(b, res, [...op.operands]); break;
      case "vector.print": { // as MLIR prints an n-D vector: punctuation around its elements
        const v = op.operand(0), t = v.type as VectorType;
        const punct = (p: string) => b.create("vector.print", [], [], { punctuation: new OpaqueAttr(`#vector.punctuation<${p}>`) });
        let e = 0;
        const rows = (d: number): void => {
          punct("open");
          for (let i = 0; i < t.shape[d]; i++) {
            if (i) punct("comma");
            if (d < t.rank - 1) rows(d + 1);
            else b.create("vector.print", [this.elem(b, v, e++)], [], { punctuation: new OpaqueAttr("#vector.punctuation<no_punctuation>") });
          }
          punct("close");
        };
        rows(0);
        if (printPunctuation(op) !== "no_punctuation") punct(printPunctuation(op));
        break;
      }
      case "scf.yield": case "affine.yield": case "func.return": b.create(op.name, this.expand(op.operands), [], attrs); break;
      case "cf.br": case "cf.cond_br": case "cf.switch": // in place: each successor is passed the pieces
        successorOperands(op).forEach((vs, i) => setSuccessorOperands(op, i, this.expand(vs)));
        return;
      case "func.call": this.bind(op.results, b.create(op.name, this.expand(op.operands), this.expandTypes(op.results), attrs).results); break;
      case "scf.for": case "affine.for": { // the body moves into a loop carrying the pieces
        const body = this.rebody(op.body());
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
      default: // element-wise: piece j of the result from piece j of each vector operand (scalars: math.fma)
        if (resizes(op)) { // element by element
          const et = (res.type as VectorType).elementType;
          this.assemble(b, res, each((res.type as VectorType).numElements, (e) => b.value(op.name, [this.elem(b, op.operand(0), e)], et, attrs)));
          break;
        }
        { // (a native mask in pieces of its elements)
          const ins = op.operands.map((v) => (v.type instanceof VectorType ? this.regroup(b, v, l!) : undefined));
          this.parts.set(res, each(this.count(res), (j) => b.value(op.name === "vector.fma" && l === 1 ? "math.fma" : op.name,
            op.operands.map((v, i) => ins[i]?.[j] ?? v), this.pieceType(res), attrs)));
        }
    }
    op.erase(); // later users of its results are rewritten (and erased) in turn
  }
}

export const splitVectors: Pass = {
  name: "split-vectors",
  description: "Split vectors the wasm backend does not hold in one v128 into 128-bit pieces or elements",
  run(module: Module, ctx: Context, _diag: DiagnosticSink): void {
    const fns = module.definedFunctions(), split = splitCandidates(module), callers = new Map<string, Operation[]>();
    for (const g of fns) g.walk((op) => { if (op.name === "func.call") callers.set(calleeOf(op), [...(callers.get(calleeOf(op)) ?? []), g]); });
    // A signature is split where the function and all its callers split with it.
    for (let plans: Map<Operation, Map<Value, number> | undefined>; ;) {
      plans = new Map(fns.map((fn) => [fn, plan(fn, ctx, split)]));
      const failed = (fn: Operation) => !plans.get(fn);
      const dropped = [...split].filter((n) => failed(module.lookup(n)!) || callers.get(n)?.some(failed));
      if (dropped.length) { for (const n of dropped) split.delete(n); continue; }
      for (const fn of fns) {
        const lanes = plans.get(fn);
        if (lanes?.size) new Splitter(lanes).func(fn, split.has(symbolName(fn)!));
      }
      return;
    }
  },
};
