// --bufferize: tensors become memrefs, function boundaries included.
//
// One walk per function maps every tensor value to a buffer. Buffers this function allocates
// (memref.alloc, call results) are "owned"; only owned buffers are written in place, and only
// when the tensor being overwritten has no use after the writer (SSA tensors are values, so a
// later reader must still see the old contents: then the writer gets a fresh copy). Function
// arguments and constant globals are never written; slices and casts are views whose uses
// count as uses of their source. Results are returned as owned buffers (a copy when needed) so
// the caller frees them; memref.dealloc goes after the last use (views included) of every owned
// buffer that does not escape through a return or yield. Loops carry each tensor in one buffer.
import {
  DenseArrayAttr, IntegerAttr, StridedLayoutAttr, StringAttr, SymbolRefAttr, TypeAttr, isElementsAttr, unit, type ElementsAttr,
} from "../ir/attributes.js";
import { Builder, regionWith } from "../ir/builder.js";
import { Block, Module, Operation, OpResult, Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { DiagnosticSink, type Location } from "../ir/diagnostics.js";
import {
  DYN, DialectType, FunctionType, MemRefType, TensorType, Type, UnrankedMemRefType, UnrankedTensorType, i1, i32, i64, index, isMemRefElementType,
} from "../ir/types.js";
import { arrayProp, i64Array, mixedList, operandSegment, type OpFoldResult } from "../dialects/indexing.js";
import { MEMREF_VIEWS, castCompatible, collapsedLayout, expandedLayout, inferSubviewType, stridesAndOffset } from "../dialects/memref.js";
import { hasIdentityLayout } from "../dialects/memref-layout.js";
import { CMPI_PREDICATES } from "../dialects/arith.js";
import { packing, reassociation } from "../dialects/tensor.js";
import { forallParts } from "../dialects/scf-forall.js";
import { decomposeSoftmaxes, isLinalgStructured, linalgView } from "./lowering-linalg.js";
import { printBuffer } from "./lowering-print.js";
import type { Pass } from "./pass.js";

/** Linear `!tensorlang.tensor<...>` types know their builtin tensor (duck-typed: no dialect import). */
interface LinearLike { toBuiltin(): TensorType }
const builtinOf = (t: Type): Type =>
  t instanceof DialectType && typeof (t as Partial<LinearLike>).toBuiltin === "function" ? (t as unknown as LinearLike).toBuiltin() : t;

/** The memref type a tensor type bufferizes to (identity layout); other types unchanged. */
export function bufferType(t: Type): Type {
  t = builtinOf(t);
  if (t instanceof TensorType) return MemRefType.get(t.shape, t.elementType);
  if (t instanceof UnrankedTensorType) return UnrankedMemRefType.get(t.elementType);
  return t;
}
const isTensor = (t: Type): boolean => { t = builtinOf(t); return t instanceof TensorType || t instanceof UnrankedTensorType; };

const asIndex = (b: Builder, x: OpFoldResult): Value => (typeof x === "number" ? b.constIndex(x) : x);

/** An scf.for nest from 0 to each of `sizes`: a builder inside the innermost loop and the induction variables. */
function loopNest(b: Builder, sizes: OpFoldResult[]): { inner: Builder; ivs: Value[] } {
  const zero = b.constIndex(0), one = b.constIndex(1), ubs = sizes.map((s) => asIndex(b, s));
  let inner = b;
  const ivs: Value[] = [];
  for (const ub of ubs) {
    const { region, block } = regionWith([index]);
    inner.create("scf.for", [zero, ub, one], [], {}, [region]);
    ivs.push(block.args[0]);
    inner = Builder.before(Builder.atEnd(block, b.loc).create("scf.yield"));
  }
  return { inner, ivs };
}

/**
 * The index into the big buffer of a gather or scatter (rank `rank`): along `dims`, the
 * coordinates `idx` holds at batch index `batch`; elsewhere the slice's own index `slice`
 * (which has 0s at `dims`, or lacks them when `reduced`).
 */
function bigIndex(b: Builder, idx: Value, batch: Value[], slice: Value[], dims: readonly number[], rank: number, reduced: boolean): Value[] {
  const et = (idx.type as MemRefType).elementType;
  let j = 0;
  return Array.from({ length: rank }, (_, d) => {
    const k = dims.indexOf(d);
    if (k < 0) return slice[j++];
    if (!reduced) j++;
    const c = b.value("memref.load", [idx, ...batch, b.constIndex(k)], et);
    return et === index ? c : b.value("arith.index_cast", [c], index);
  });
}

class BufferizeError extends Error {}
/** A value whose defining op already failed: reported once, at that op. */
class FollowOnError extends BufferizeError {}

/** Views that span their whole source buffer: returning one returns (and hands over) the allocation. */
const WHOLE_VIEW = new Set(["memref.cast", "memref.collapse_shape", "memref.expand_shape"]);
/** The buffer behind a chain of casts and reshapes (same allocation, other shape). */
function rootOf(m: Value): Value {
  while (m instanceof OpResult && WHOLE_VIEW.has(m.op.name)) m = m.op.operand(0);
  return m;
}

/** Tensor ops whose result is a view of their first operand's buffer (no copy). */
const ALIASING = new Set(["tensor.cast", "tensor.extract_slice", "tensor.collapse_shape", "tensor.expand_shape"]);

/** Module-level state: the constant globals created so far (one per distinct value). */
class Globals {
  private byValue = new Map<string, string>();
  private names = new Set<string>();
  constructor(private module: Module) {
    for (const o of module.ops) { const n = o.attr("sym_name"); if (n instanceof StringAttr) this.names.add(n.value); }
  }
  /** The name of a private constant memref.global holding `value` (MLIR's `__constant_<type>` naming). */
  get(value: ElementsAttr, type: MemRefType): string {
    const hit = this.byValue.get(value.str);
    if (hit) return hit;
    const base = `__constant_${type.shape.map((d) => `${d}x`).join("")}${type.elementType.str}`;
    let name = base;
    for (let k = 0; this.names.has(name); k++) name = `${base}_${k}`;
    this.names.add(name);
    this.byValue.set(value.str, name);
    const g = new Operation({ name: "memref.global", attributes: {
      sym_name: new StringAttr(name), sym_visibility: new StringAttr("private"), type: new TypeAttr(type),
      initial_value: value, constant: unit,
    } });
    const firstFunc = this.module.ops.findIndex((o) => o.name !== "memref.global");
    this.module.body.insert(firstFunc < 0 ? this.module.ops.length : firstFunc, g);
    return name;
  }
}

class FunctionBufferizer {
  private readonly buf = new Map<Value, Value>();
  /** Buffers this function allocated (alloc, call results): it frees or returns them. */
  private readonly owned = new Set<Value>();
  private readonly dead: Operation[] = [];
  /** Entry arguments retyped to memrefs up front (so new ops see buffer types) but still tensors to the walk. */
  private readonly tensorArgs = new Set<Value>();
  private readonly failed = new Set<Operation>();
  private errorsBefore = 0;

  constructor(private fn: Operation, private globals: Globals, private module: Module, private diag: DiagnosticSink) {}

  run(): void {
    const body = this.fn.body();
    for (const a of body.args) if (isTensor(a.type)) { a.type = bufferType(a.type); this.buf.set(a, a); this.tensorArgs.add(a); }
    this.errorsBefore = this.diag.diagnostics.length;
    this.block(body);
    if (this.failed.size) return; // leave the IR as is; the pass fails
    for (const o of this.dead.reverse()) o.erase();
    this.insertDeallocs();
  }

  private isT(v: Value): boolean { return isTensor(v.type) || this.tensorArgs.has(v); }
  private hasTensors(op: Operation): boolean { return [...op.operands, ...op.results].some((v) => this.isT(v)); }

  private bufferOf(t: Value): Value {
    const b = this.buf.get(t);
    if (!b && t instanceof OpResult && this.failed.has(t.op)) throw new FollowOnError();
    if (!b) throw new BufferizeError(`tensor value of type ${t.type.str} has no buffer (defined by an unsupported op)`);
    return b;
  }

  private block(blk: Block): void { this.ops([...blk.ops]); }
  private ops(list: readonly Operation[]): void {
    for (const op of list) {
      if (op.name === "scf.yield" || op.name === "affine.yield") continue; // rewritten by the parent loop / if
      if (this.hasTensors(op) || op.name === "tensorlang.print") {
        try { this.op(op); } catch (e) {
          if (!(e instanceof BufferizeError)) throw e;
          this.failed.add(op);
          if (!(e instanceof FollowOnError)) this.diag.error(op.loc, e.message);
          else if (this.diag.diagnostics.length === this.errorsBefore) this.diag.error(op.loc, "bufferization failed");
        }
      } else for (const r of op.regions) for (const b of r.blocks) this.block(b);
    }
  }

  // ---- buffers -----------------------------------------------------------------------------
  /** A fresh owned buffer shaped like `like` (a tensor type plus the buffer that supplies dynamic sizes). */
  private alloc(b: Builder, type: MemRefType, sizesFrom?: Value, dynSizes?: Value[]): Value {
    const dyn = dynSizes ?? type.shape.flatMap((d, i) => (d === DYN ? [b.value("memref.dim", [sizesFrom!, b.constIndex(i)], index)] : []));
    const v = b.value("memref.alloc", dyn, type, { operandSegmentSizes: new DenseArrayAttr(i32, [dyn.length, 0]) });
    this.owned.add(v);
    return v;
  }
  /**
   * `m` as a buffer of type `t` (MLIR's castOrReallocMemRefValue): a memref.cast where it is valid
   * whatever the runtime strides, else a new buffer of `t` holding a copy (e.g. a strided slice
   * asked for with the identity layout). Another element type, rank or memory space is refused.
   */
  private castOrRealloc(b: Builder, m: Value, t: Type): Value {
    const s = m.type;
    if (s instanceof MemRefType && t instanceof MemRefType && s.elementType === t.elementType && s.rank === t.rank && s.memorySpace?.str === t.memorySpace?.str) {
      const x = stridesAndOffset(s), y = stridesAndOffset(t);
      const widens = (a: number, c: number) => !(a === DYN && c !== DYN);
      if (castCompatible(s, t) && widens(x.offset, y.offset) && x.strides.every((d, i) => widens(d, y.strides[i]))) return b.value("memref.cast", [m], t);
      const dst = this.alloc(b, t, m);
      b.create("memref.copy", [m, dst]);
      return dst;
    }
    if (castCompatible(s, t)) return b.value("memref.cast", [m], t);
    throw new BufferizeError(`the buffer '${s.str}' cannot be cast to '${t.str}'`);
  }
  private copyOf(b: Builder, src: Value): Value {
    const t = src.type as MemRefType;
    const dst = this.alloc(b, MemRefType.get(t.shape, t.elementType), src);
    b.create("memref.copy", [src, dst]);
    return dst;
  }

  /**
   * Whether `at` may overwrite the buffer of tensor `t`: the buffer is owned, `t` lives in the
   * same block as `at` (not across a loop) and no other use of `t` that reads its contents
   * comes after `at`.
   */
  private canWriteInPlace(t: Value, at: Operation, otherOperands: readonly Value[] = []): boolean {
    const b = this.buf.get(t);
    if (!b || !this.owned.has(b) || otherOperands.includes(t)) return false;
    const blk = at.parent!;
    if (t.definingBlock !== blk) return false;
    const pos = blk.ops.indexOf(at);
    // Casts and slices of t are views of its buffer: their uses count as uses of t.
    const uses = [...t.uses];
    for (let k = 0; k < uses.length; k++) {
      const u = uses[k];
      if (u.op !== at && u.index === 0 && ALIASING.has(u.op.name)) uses.push(...u.op.result.uses);
    }
    // A buffer handed out by to_memref may be read through it later: never overwrite it.
    if (uses.some((u) => u.op.name === "bufferization.to_memref")) return false;
    return uses.every((u) => {
      if (u.op === at || u.op.name === "tensor.dim") return true; // dim reads the shape only
      let a: Operation | null = u.op;
      while (a && a.parent !== blk) a = a.parentOp;
      return !!a && blk.ops.indexOf(a) < pos;
    });
  }
  /** The buffer `at` writes the new value of `t` into: `t`'s own, or a copy (a fresh one if `t`'s contents are not read). */
  private destination(b: Builder, t: Value, at: Operation, readsOld: boolean, others: readonly Value[] = []): Value {
    const src = this.bufferOf(t);
    if (this.canWriteInPlace(t, at, others)) return src;
    if (!readsOld || (t instanceof OpResult && t.op.name === "tensor.empty")) {
      const tt = src.type as MemRefType;
      return this.alloc(b, MemRefType.get(tt.shape, tt.elementType), src);
    }
    return this.copyOf(b, src);
  }
  /**
   * `v` as a buffer of type `want` (an identity-layout memref): copied when `copy` is asked or
   * `v` is a strided view, then `memref.cast` where static and dynamic sizes differ.
   */
  private withType(b: Builder, v: Value, want: Type, copy = false): Value {
    if (v.type === want && !copy) return v;
    const strided = v.type instanceof MemRefType && v.type.layout !== undefined;
    const w = copy || strided ? this.copyOf(b, v) : v;
    return w.type === want ? w : b.value("memref.cast", [w], want);
  }

  // ---- ops ---------------------------------------------------------------------------------
  private op(op: Operation): void {
    const b = Builder.before(op);
    const res = op.results[0];
    const set = (v: Value) => this.buf.set(res, v);
    if (isLinalgStructured(op)) return this.linalg(op, b);
    switch (op.name) {
      case "arith.constant": {
        const val = op.attr("value");
        if (!isElementsAttr(val)) throw new BufferizeError("tensor constant without an elements value");
        const mt = bufferType(res.type) as MemRefType;
        set(b.value("memref.get_global", [], mt, { name: new SymbolRefAttr(this.globals.get(val, mt)) }));
        break;
      }
      case "tensor.empty": set(this.alloc(b, bufferType(res.type) as MemRefType, undefined, [...op.operands])); break;
      case "tensor.extract": {
        const [t, ...idx] = op.operands;
        op.result.replaceAllUsesWith(b.value("memref.load", [this.bufferOf(t), ...idx], res.type));
        break;
      }
      case "tensor.insert": {
        const [v, t, ...idx] = op.operands;
        const dst = this.destination(b, t, op, true);
        b.create("memref.store", [v, dst, ...idx]);
        set(dst);
        break;
      }
      case "tensor.dim": op.result.replaceAllUsesWith(b.value("memref.dim", [this.bufferOf(op.operand(0)), op.operand(1)], index)); break;
      case "tensor.cast": set(this.withType(b, this.bufferOf(op.operand(0)), bufferType(res.type))); break;
      // A view, not a copy: writers of the slice copy it (it is not owned), and writers of the
      // source wait for the slice's last use (ALIASING in canWriteInPlace).
      case "tensor.extract_slice": set(this.subview(b, this.bufferOf(op.operand(0)), op, 1, builtinOf(res.type) as TensorType)); break;
      case "tensor.collapse_shape": case "tensor.expand_shape": set(this.reshape(b, op)); break;
      case "tensor.insert_slice": {
        const [src, dst] = op.operands;
        const d = this.destination(b, dst, op, true, [src]);
        const view = this.subview(b, d, op, 2, builtinOf(src.type) as TensorType);
        b.create("memref.copy", [this.bufferOf(src), view]);
        set(d);
        break;
      }
      case "tensor.from_elements": {
        const mt = bufferType(res.type) as MemRefType;
        const m = this.alloc(b, mt);
        op.operands.forEach((v, k) => {
          const idx: Value[] = [];
          for (let d = mt.rank - 1, r = k; d >= 0; d--) { idx.unshift(b.constIndex(r % mt.shape[d])); r = Math.floor(r / mt.shape[d]); }
          b.create("memref.store", [v, m, ...idx]);
        });
        set(m);
        break;
      }
      case "tensor.splat": {
        const m = this.alloc(b, bufferType(res.type) as MemRefType, undefined, op.operands.slice(1));
        this.fill(b, op.operand(0), m);
        set(m);
        break;
      }
      case "tensor.generate": set(this.generate(op, b)); break;
      case "tensor.pad": set(this.pad(op, b)); break;
      case "tensor.concat": set(this.concat(op, b)); break;
      case "tensor.gather": set(this.gather(op, b)); break;
      case "tensor.scatter": set(this.scatter(op, b)); break;
      case "tensor.pack": set(this.pack(op, b)); break;
      case "tensor.unpack": set(this.unpack(op, b)); break;
      // MLIR's partial bufferization leaves these at the tensor/buffer boundary.
      case "bufferization.to_tensor": set(op.operand(0)); break;
      case "bufferization.to_memref": {
        const m = this.bufferOf(op.operand(0));
        // (an entry argument is still a tensor to the walk: its memref users get it through a cast)
        op.result.replaceAllUsesWith(m.type === res.type && !this.tensorArgs.has(m) ? m : this.castOrRealloc(b, m, res.type));
        break;
      }
      case "bufferization.alloc_tensor": {
        const copy = operandSegment(op, 1)[0];
        set(copy ? this.copyOf(b, this.bufferOf(copy)) : this.alloc(b, bufferType(res.type) as MemRefType, undefined, operandSegment(op, 0)));
        break;
      }
      case "bufferization.dealloc_tensor": break; // owned buffers are freed after their last use anyway
      case "bufferization.materialize_in_destination": {
        const [src, dest] = op.operands;
        const d = this.isT(dest) ? this.destination(b, dest, op, false, [src]) : dest;
        b.create("memref.copy", [this.bufferOf(src), d]);
        if (res) set(d);
        break;
      }
      case "func.call": return this.call(op, b);
      case "scf.for": case "affine.for": return this.forOp(op, b);
      case "scf.forall": return this.forallOp(op, b);
      case "tensor.parallel_insert_slice": { // (the copy goes before the terminator, which is left empty)
        const [src, dst] = op.operands, at = Builder.before(op.parentOp!);
        at.create("memref.copy", [this.bufferOf(src), this.subview(at, this.bufferOf(dst), op, 2, builtinOf(src.type) as TensorType)]);
        break;
      }
      case "scf.if": case "affine.if": return this.ifOp(op, b);
      case "func.return": {
        const ft = (this.fn.attr("function_type") as TypeAttr).type as FunctionType;
        const vals = op.operands.map((v, i) => {
          if (!this.isT(v)) return v;
          const m = this.bufferOf(v), r = rootOf(m);
          // The caller frees what it gets: return only buffers this function owns, once each.
          const ownedOnce = this.owned.has(r) && op.operands.filter((w) => { const x = this.buf.get(w); return x && rootOf(x) === r; }).length === 1;
          return this.withType(b, m, ft.results[i], !ownedOnce);
        });
        b.create("func.return", vals);
        break;
      }
      case "tensorlang.print": {
        const t = op.operand(0);
        if (!this.isT(t)) return;
        const m = this.bufferOf(t);
        // Engines print identity-layout buffers; a slice view is printed from a copy.
        const strided = m.type instanceof MemRefType && m.type.layout !== undefined;
        printBuffer(b, op, strided ? this.copyOf(b, m) : m);
        break;
      }
      default:
        throw new BufferizeError(`bufferization of '${op.name}' with tensor operands or results is not supported` +
          (op.dialect === "tensorlang" ? " (run --convert-tensorlang-to-linalg first)" : ""));
    }
    this.dead.push(op);
  }

  private fill(b: Builder, v: Value, m: Value): void {
    const { region, block } = regionWith([v.type, v.type]);
    Builder.atEnd(block).create("linalg.yield", [block.args[0]]);
    b.create("linalg.fill", [v, m], [], { operandSegmentSizes: new DenseArrayAttr(i32, [1, 1]) }, [region]);
  }

  /** memref.subview of `m` with a slice op's offsets/sizes/strides (rank-reduced to `want`'s rank). */
  private subview(b: Builder, m: Value, slice: Operation, base: number, want: TensorType): Value {
    const seg = (slice.attr("operandSegmentSizes") as DenseArrayAttr).values;
    const dyn = slice.operands.slice(base);
    const list = (n: string) => [...(slice.attr(n) as DenseArrayAttr).values];
    const full = inferSubviewType(m.type as MemRefType, list("static_offsets"), list("static_sizes"), list("static_strides"));
    let t = full;
    if (want.rank !== full.rank) {
      // Drop unit dimensions (and their strides) until the shape matches the slice type.
      const layout = full.layout as StridedLayoutAttr;
      const keepShape: number[] = [], keepStrides: number[] = [];
      let j = 0;
      full.shape.forEach((d, i) => {
        if (j < want.rank && want.shape[j] === d) { keepShape.push(d); keepStrides.push(layout.strides[i]); j++; }
      });
      t = MemRefType.get(keepShape, full.elementType, new StridedLayoutAttr(keepStrides, layout.offset));
    }
    // (MLIR infers strided<[0]> for it but refuses to read that back: IR that would not parse)
    if (t.layout instanceof StridedLayoutAttr && t.layout.strides.includes(0)) throw new BufferizeError(`cannot bufferize a slice of stride 0: its view would be '${t.str}', and no memref layout has a zero stride`);
    return b.value("memref.subview", [m, ...dyn], t, {
      operandSegmentSizes: new DenseArrayAttr(i32, [1, ...seg.slice(base)]),
      static_offsets: slice.attr("static_offsets")!, static_sizes: slice.attr("static_sizes")!, static_strides: slice.attr("static_strides")!,
    });
  }

  /**
   * collapse_shape / expand_shape: a memref reshape viewing the source buffer, with the layout
   * MLIR infers (identity stays identity; strides split or kept). A strided source whose
   * collapsed groups are not provably contiguous (dynamic or gapped strides) is copied first.
   */
  private reshape(b: Builder, op: Operation): Value {
    const expand = op.name === "tensor.expand_shape", groups = reassociation(op);
    const res = bufferType(op.result.type) as MemRefType;
    let src = this.bufferOf(op.operand(0));
    const st = src.type as MemRefType;
    let layout: StridedLayoutAttr | undefined;
    // (the layouts memref's verifier asks for: an identity-strided source gives an identity result)
    if (!hasIdentityLayout(st)) {
      const { strides } = stridesAndOffset(st);
      const times = (x: number, n: number) => (x === DYN || n === DYN ? DYN : x * n);
      if (expand) layout = expandedLayout(st, res.shape, groups);
      else if (groups.every((g) => g.slice(0, -1).every((d, j) => strides[d] !== DYN && strides[d] === times(strides[g[j + 1]], st.shape[g[j + 1]])))) layout = collapsedLayout(st, groups);
      else src = this.copyOf(b, src);
    }
    const t = MemRefType.get(res.shape, res.elementType, layout);
    const attrs = Object.fromEntries(op.attributes);
    return b.value(expand ? "memref.expand_shape" : "memref.collapse_shape", [src, ...op.operands.slice(1)], t, attrs);
  }

  private linalg(op: Operation, b: Builder): void {
    const v = linalgView(op);
    if (typeof v === "string") throw new BufferizeError(v);
    const ins = v.inputs.map((x) => (this.isT(x) ? this.bufferOf(x) : x));
    const outs = v.outputs.map((t, i) => {
      if (!this.isT(t)) return t;
      // linalg.map's body takes no argument for its init: the init is only written.
      const readsOld = v.body.args[v.inputs.length + i]?.hasUses ?? false;
      return this.destination(b, t, op, readsOld, v.inputs);
    });
    const attrs = Object.fromEntries(op.attributes);
    const regions = op.regions.splice(0);
    for (const r of regions) r.parent = null;
    b.create(op.name, [...ins, ...outs], [], attrs, regions);
    op.results.forEach((r, i) => this.buf.set(r, outs[i]));
    this.dead.push(op);
  }

  /** A `sizes`-shaped view of `m` at `offsets` (static or SSA), unit strides. */
  private viewAt(b: Builder, m: Value, offsets: OpFoldResult[], sizes: OpFoldResult[]): Value {
    const statics = (l: OpFoldResult[]) => l.map((x) => (typeof x === "number" ? x : DYN));
    const ssa = (l: OpFoldResult[]) => l.filter((x): x is Value => typeof x !== "number");
    const ones = sizes.map(() => 1);
    return b.value("memref.subview", [m, ...ssa(offsets), ...ssa(sizes)], inferSubviewType(m.type as MemRefType, statics(offsets), statics(sizes), ones), {
      operandSegmentSizes: new DenseArrayAttr(i32, [1, ssa(offsets).length, ssa(sizes).length, 0]),
      static_offsets: i64Array(statics(offsets)), static_sizes: i64Array(statics(sizes)), static_strides: i64Array(ones),
    });
  }
  /** The size of dimension `d` of buffer `m`: a number where static. */
  private sizeOf(b: Builder, m: Value, d: number): OpFoldResult {
    const n = (m.type as MemRefType).shape[d];
    return n === DYN ? b.value("memref.dim", [m, b.constIndex(d)], index) : n;
  }
  private addIndex(b: Builder, x: OpFoldResult, y: OpFoldResult): OpFoldResult {
    return typeof x === "number" && typeof y === "number" ? x + y : b.value("arith.addi", [asIndex(b, x), asIndex(b, y)], index);
  }
  /** A fresh buffer of `t`'s type whose dynamic sizes are `sizes`' entries there. */
  private allocSized(b: Builder, t: Type, sizes: OpFoldResult[]): Value {
    const mt = bufferType(t) as MemRefType;
    return this.alloc(b, mt, undefined, mt.shape.flatMap((d, i) => (d === DYN ? [asIndex(b, sizes[i])] : [])));
  }

  /** tensor.pad: the region's values everywhere (a generate), then the source copied into the interior. */
  private pad(op: Operation, b: Builder): Value {
    const src = this.bufferOf(op.operand(0));
    const low = mixedList(arrayProp(op, "static_low"), operandSegment(op, 1)), high = mixedList(arrayProp(op, "static_high"), operandSegment(op, 2));
    const sizes = low.map((_, i) => this.sizeOf(b, src, i));
    const m = this.allocSized(b, op.result.type, sizes.map((s, i) => this.addIndex(b, this.addIndex(b, low[i], s), high[i])));
    this.fillWith(b, m, op.body());
    b.create("memref.copy", [src, this.viewAt(b, m, low, sizes)]);
    return m;
  }

  /** tensor.concat: each input copied into its place along the concatenated dimension. */
  private concat(op: Operation, b: Builder): Value {
    const d = op.attr<IntegerAttr>("dim")?.num ?? 0, srcs = op.operands.map((t) => this.bufferOf(t));
    const sizes = srcs.map((m) => (m.type as MemRefType).shape.map((_, i) => this.sizeOf(b, m, i)));
    const total = sizes.reduce((n: OpFoldResult, s) => this.addIndex(b, n, s[d]), 0);
    const m = this.allocSized(b, op.result.type, sizes[0].map((s, i) => (i === d ? total : s)));
    let at: OpFoldResult = 0;
    srcs.forEach((src, k) => {
      b.create("memref.copy", [src, this.viewAt(b, m, sizes[k].map((_, i) => (i === d ? at : 0)), sizes[k])]);
      at = this.addIndex(b, at, sizes[k][d]);
    });
    return m;
  }

  /**
   * tensor.gather: a fresh buffer, filled by an scf.for nest over it that loads each element
   * from the source at the coordinates `indices` holds for its batch index.
   */
  private gather(op: Operation, b: Builder): Value {
    const [src, idx] = op.operands.map((v) => this.bufferOf(v)), dims = arrayProp(op, "gather_dims");
    const srcRank = (src.type as MemRefType).rank, nBatch = (idx.type as MemRefType).rank - 1;
    const reduced = (op.result.type as TensorType).rank < nBatch + srcRank;
    const sizes = [...Array.from({ length: nBatch }, (_, i) => this.sizeOf(b, idx, i)),
      ...Array.from({ length: srcRank }, (_, i) => (!dims.includes(i) ? [this.sizeOf(b, src, i)] : reduced ? [] : [1])).flat()];
    const m = this.allocSized(b, op.result.type, sizes);
    const { inner, ivs } = loopNest(b, sizes);
    const at = bigIndex(inner, idx, ivs.slice(0, nBatch), ivs.slice(nBatch), dims, srcRank, reduced);
    inner.create("memref.store", [inner.value("memref.load", [src, ...at], (src.type as MemRefType).elementType), m, ...ivs]);
    return m;
  }
  /** tensor.scatter: the dest's buffer (or a copy), with every source element stored at the coordinates `indices` holds. */
  private scatter(op: Operation, b: Builder): Value {
    const [srcT, destT, idxT] = op.operands, src = this.bufferOf(srcT), idx = this.bufferOf(idxT), dims = arrayProp(op, "scatter_dims");
    const d = this.destination(b, destT, op, true, [srcT, idxT]);
    const srcType = src.type as MemRefType, nBatch = (idx.type as MemRefType).rank - 1, destRank = (d.type as MemRefType).rank;
    const { inner, ivs } = loopNest(b, srcType.shape.map((_, i) => this.sizeOf(b, src, i)));
    const at = bigIndex(inner, idx, ivs.slice(0, nBatch), ivs.slice(nBatch), dims, destRank, srcType.rank < nBatch + destRank);
    inner.create("memref.store", [inner.value("memref.load", [src, ...ivs], srcType.elementType), d, ...at]);
    return d;
  }

  /**
   * tensor.pack: an scf.for nest over the whole dest (its buffer, or a fresh one: every element
   * is written) storing the source element each packed index stands for, or past the source's
   * end the padding value (zero without one, as MLIR's lowering pads).
   */
  private pack(op: Operation, b: Builder): Value {
    const [srcT, destT] = op.operands, src = this.bufferOf(srcT), pad = operandSegment(op, 2)[0];
    const d = this.destination(b, destT, op, false, [srcT]), dt = d.type as MemRefType, st = src.type as MemRefType, n = st.rank;
    const { innerDimsPos, tiles, outerDimsPerm } = packing(op), tileVals = tiles.map((t) => asIndex(b, t));
    const srcSizes = st.shape.map((_, i) => this.sizeOf(b, src, i));
    // Where the dest's static shape is the source's exactly in tiles, no index falls past the source.
    const inside = st.shape.every((size, dim) => {
      const i = outerDimsPerm.length ? outerDimsPerm.indexOf(dim) : dim, j = innerDimsPos.indexOf(dim);
      const covered = j < 0 ? dt.shape[i] : typeof tiles[j] === "number" && dt.shape[i] !== DYN ? dt.shape[i] * (tiles[j] as number) : DYN;
      return size !== DYN && covered === size;
    });
    const padValue = inside ? undefined : pad ?? b.zero(st.elementType);
    const { inner, ivs } = loopNest(b, dt.shape.map((_, i) => this.sizeOf(b, d, i)));
    const u = new Array<Value>(n);
    for (let i = 0; i < n; i++) {
      const dim = outerDimsPerm.length ? outerDimsPerm[i] : i, j = innerDimsPos.indexOf(dim);
      u[dim] = j < 0 ? ivs[i] : inner.value("arith.addi", [inner.value("arith.muli", [ivs[i], tileVals[j]], index), ivs[n + j]], index);
    }
    let v: Value;
    if (!padValue) v = inner.value("memref.load", [src, ...u], st.elementType);
    else {
      const ult = { predicate: new IntegerAttr(CMPI_PREDICATES.indexOf("ult"), i64) };
      const ok = u.map((x, dim) => inner.value("arith.cmpi", [x, asIndex(inner, srcSizes[dim])], i1, ult))
        .reduce((a, c) => inner.value("arith.andi", [a, c], i1));
      const then = regionWith(), other = regionWith();
      v = inner.create("scf.if", [ok], [st.elementType], {}, [then.region, other.region]).result;
      const tb = Builder.atEnd(then.block, inner.loc);
      tb.create("scf.yield", [tb.value("memref.load", [src, ...u], st.elementType)]);
      Builder.atEnd(other.block, inner.loc).create("scf.yield", [padValue]);
    }
    inner.create("memref.store", [v, d, ...ivs]);
    return d;
  }
  /** tensor.unpack: an scf.for nest over the dest storing the element each index has in the packed source. */
  private unpack(op: Operation, b: Builder): Value {
    const [srcT, destT] = op.operands, src = this.bufferOf(srcT), d = this.destination(b, destT, op, false, [srcT]), dt = d.type as MemRefType;
    const { innerDimsPos, tiles, outerDimsPerm } = packing(op), tileVals = tiles.map((t) => asIndex(b, t));
    const { inner, ivs } = loopNest(b, dt.shape.map((_, i) => this.sizeOf(b, d, i)));
    const outer = ivs.map((x, dim) => { const j = innerDimsPos.indexOf(dim); return j < 0 ? x : inner.value("arith.divui", [x, tileVals[j]], index); });
    const k = [...(outerDimsPerm.length ? outerDimsPerm.map((dim) => outer[dim]) : outer), ...innerDimsPos.map((dim, j) => inner.value("arith.remui", [ivs[dim], tileVals[j]], index))];
    inner.create("memref.store", [inner.value("memref.load", [src, ...k], (src.type as MemRefType).elementType), d, ...ivs]);
    return d;
  }

  /** tensor.generate: a fresh buffer filled by an scf.for nest running the body at every index. */
  private generate(op: Operation, b: Builder): Value {
    const m = this.alloc(b, bufferType(op.result.type) as MemRefType, undefined, [...op.operands]);
    this.fillWith(b, m, op.body());
    return m;
  }
  /** Stores the value `body` yields at every index of `m` (an scf.for nest running its ops). */
  private fillWith(b: Builder, m: Value, body: Block): void {
    const mt = m.type as MemRefType;
    const { inner, ivs } = loopNest(b, mt.shape.map((_, i) => this.sizeOf(b, m, i)));
    const map = new Map<Value, Value>(body.args.map((a, i) => [a, ivs[i]]));
    const cloned = body.ops.filter((o) => o !== body.terminator).map((o) => inner.insert(o.clone(map)));
    inner.create("memref.store", [map.get(body.terminator!.operand(0)) ?? body.terminator!.operand(0), m, ...ivs]);
    this.ops(cloned); // the body may read tensors
  }

  /**
   * scf.for / affine.for carrying tensors: each carried tensor lives in one buffer for the whole loop (a copy
   * of the init unless the init dies at the loop), updated in place by the body; a yielded value
   * in another buffer is copied back into it. The tensor iter_args disappear from the loop.
   */
  private forOp(op: Operation, b: Builder): void {
    const body = op.body();
    // scf.for: lb, ub, step, inits; affine.for: bound-map operands (two segments), inits.
    const seg = op.name === "affine.for" ? (op.attr("operandSegmentSizes") as DenseArrayAttr).values : [];
    const nHead = op.name === "affine.for" ? seg[0] + seg[1] : 3;
    const inits = op.operands.slice(nHead);
    const carried = inits.map((v, i) => {
      if (!this.isT(v)) return undefined;
      const others = inits.filter((_, j) => j !== i);
      return this.canWriteInPlace(v, op, others) ? this.bufferOf(v) : this.copyOf(b, this.bufferOf(v));
    });
    carried.forEach((m, i) => { if (m) this.buf.set(body.args[i + 1], m); });
    this.block(body);
    const y = body.terminator!;
    const yb = Builder.before(y);
    const srcs = y.operands.map((v, i) => (carried[i] ? this.bufferOf(v) : undefined));
    // A value in another carried buffer goes through a temporary (e.g. swapped iter_args).
    const from = srcs.map((s, i) => (s && carried.some((m, j) => j !== i && m === s) ? this.copyOf(yb, s) : s));
    from.forEach((s, i) => { if (s && s !== carried[i]) yb.create("memref.copy", [s, carried[i]!]); });
    y.setOperands(y.operands.filter((_, i) => !carried[i]));
    for (let i = carried.length - 1; i >= 0; i--) if (carried[i]) body.eraseArg(i + 1);
    const keep = op.results.filter((_, i) => !carried[i]);
    const region = op.regions.splice(0)[0];
    const rest = inits.filter((_, i) => !carried[i]);
    const attrs = Object.fromEntries(op.attributes);
    if (op.name === "affine.for") attrs.operandSegmentSizes = new DenseArrayAttr(i32, [seg[0], seg[1], rest.length]);
    const loop = b.create(op.name, [...op.operands.slice(0, nHead), ...rest], keep.map((r) => r.type), attrs, [region]);
    keep.forEach((r, k) => r.replaceAllUsesWith(loop.results[k]));
    op.results.forEach((r, i) => { if (carried[i]) this.buf.set(r, carried[i]!); });
    this.dead.push(op);
  }

  /**
   * scf.forall sharing tensors: each shared output lives in one buffer (its init's when the init
   * dies at the loop, else a copy) that every iteration sees and its parallel_insert_slice ops
   * write into; the loop keeps its bounds only and its results are those buffers.
   */
  private forallOp(op: Operation, b: Builder): void {
    const f = forallParts(op);
    const bufs = f.outs.map((v) => (this.canWriteInPlace(v, op, f.outs.filter((w) => w !== v)) ? this.bufferOf(v) : this.copyOf(b, this.bufferOf(v))));
    bufs.forEach((m, i) => this.buf.set(f.outArgs[i], m));
    this.block(f.body);
    for (let i = f.body.args.length - 1; i >= f.ivs.length; i--) f.body.eraseArg(i);
    const attrs = Object.fromEntries(op.attributes), head = op.operands.slice(0, op.operands.length - f.outs.length);
    attrs.operandSegmentSizes = new DenseArrayAttr(i32, [...(op.attr("operandSegmentSizes") as DenseArrayAttr).values.slice(0, 3), 0]);
    b.create(op.name, head, [], attrs, op.regions.splice(0));
    op.results.forEach((r, i) => this.buf.set(r, bufs[i]));
    this.dead.push(op);
  }

  /** scf.if / affine.if yielding tensors: each branch yields a buffer it owns (a copy if needed); the if owns the result. */
  private ifOp(op: Operation, b: Builder): void {
    const types = op.results.map((r) => bufferType(r.type));
    for (const r of op.regions) for (const blk of r.blocks) {
      this.block(blk);
      const y = blk.terminator!;
      const yb = Builder.before(y);
      y.setOperands(y.operands.map((v, i) => {
        if (!this.isT(v)) return v;
        const m = this.bufferOf(v), r = rootOf(m);
        const mine = this.owned.has(r) && r instanceof OpResult && r.op.parent === blk &&
          y.operands.filter((w) => { const x = this.buf.get(w); return x && rootOf(x) === r; }).length === 1;
        return this.withType(yb, m, types[i], !mine);
      }));
    }
    const regions = op.regions.splice(0);
    const c = b.create(op.name, [...op.operands], types, Object.fromEntries(op.attributes), regions);
    op.results.forEach((r, i) => {
      if (!this.isT(r)) { r.replaceAllUsesWith(c.results[i]); return; }
      this.buf.set(r, c.results[i]);
      this.owned.add(c.results[i]);
    });
    this.dead.push(op);
  }

  private call(op: Operation, b: Builder): void {
    const callee = this.module.lookup((op.attr("callee") as SymbolRefAttr).root);
    const ft = callee ? ((callee.attr("function_type") as TypeAttr).type as FunctionType) : undefined;
    const args = op.operands.map((v, i) => (this.isT(v) ? this.withType(b, this.bufferOf(v), ft?.inputs[i] ?? bufferType(v.type)) : v));
    const c = b.create("func.call", args, op.results.map((r) => bufferType(r.type)), Object.fromEntries(op.attributes));
    op.results.forEach((r, i) => {
      if (!isTensor(r.type)) { r.replaceAllUsesWith(c.results[i]); return; }
      this.buf.set(r, c.results[i]);
      this.owned.add(c.results[i]);
    });
    this.dead.push(op);
  }

  // ---- deallocation ------------------------------------------------------------------------
  /** memref.dealloc after the last use (in the defining block) of each owned buffer that does not escape. */
  private insertDeallocs(): void {
    for (const m of this.owned) {
      const def = m instanceof OpResult ? m.op : undefined;
      if (!def?.parent) continue;
      const blk = def.parent;
      const users: Operation[] = [];
      const seen = new Set<Value>([m]);
      const work: Value[] = [m];
      let escapes = false;
      while (work.length) {
        const x = work.pop()!;
        for (const u of x.uses) {
          users.push(u.op);
          if (u.op.name === "func.return" || u.op.name.endsWith(".yield")) escapes = true;
          if (MEMREF_VIEWS.has(u.op.name)) for (const r of u.op.results) if (!seen.has(r)) { seen.add(r); work.push(r); }
        }
      }
      if (escapes) continue;
      let last = def;
      for (const u of users) {
        let a: Operation | null = u;
        while (a && a.parent !== blk) a = a.parentOp;
        if (a && blk.ops.indexOf(a) > blk.ops.indexOf(last)) last = a;
      }
      if (blk.terminator === last) continue;
      Builder.after(last).create("memref.dealloc", [m]);
    }
  }
}

/** An op's operands, results and its regions' block arguments. */
const valuesOf = (o: Operation): Value[] => [...o.operands, ...o.results, ...o.regions.flatMap((r) => r.blocks.flatMap((b) => b.args))];

/** Reports (at the first op or the function using one) a tensor type whose elements no memref may hold. */
function unbufferizable(fn: Operation, diag: DiagnosticSink): boolean {
  const bad = (t: Type) => { t = builtinOf(t); return (t instanceof TensorType || t instanceof UnrankedTensorType) && !isMemRefElementType(t.elementType); };
  const ft = (fn.attr("function_type") as TypeAttr).type as FunctionType;
  let at: { loc?: Location; type: Type } | undefined;
  const sig = [...ft.inputs, ...ft.results].find(bad);
  if (sig) at = { loc: fn.loc, type: sig };
  else fn.walk((o) => {
    const v = valuesOf(o).find((x) => bad(x.type));
    if (v) at = { loc: o.loc, type: v.type };
    return !at;
  });
  if (at) diag.error(at.loc, `cannot bufferize '${builtinOf(at.type).str}': no memref holds '${(builtinOf(at.type) as TensorType).elementType.str}' elements`);
  return !!at;
}

function convertFunctionType(fn: Operation): void {
  const ft = (fn.attr("function_type") as TypeAttr).type as FunctionType;
  fn.attributes.set("function_type", new TypeAttr(FunctionType.get(ft.inputs.map(bufferType), ft.results.map(bufferType))));
}

const holdsTensors = (fn: Operation) => {
  let found = false;
  fn.walk((o) => {
    found ||= valuesOf(o).some((v) => v.type instanceof TensorType);
    return !found;
  });
  return found;
};

export const bufferize: Pass = {
  name: "bufferize",
  description: "Convert tensors to memrefs (function boundaries included), inserting allocations, copies and deallocations",
  run(module: Module, _ctx: Context, diag: DiagnosticSink): void {
    const globals = new Globals(module);
    // A tensor of what no memref may hold (`tensor<2x!llvm.ptr>`) has no buffer: its function is left as is.
    const funcs = module.ops.filter((o) => o.name === "func.func" && !unbufferizable(o, diag));
    for (const fn of funcs) convertFunctionType(fn);
    for (const fn of funcs) {
      if (!fn.regions.length || !fn.region().blocks.length) continue;
      if (!decomposeSoftmaxes(fn, (o) => o.results.length > 0, diag)) continue; // (as linalg ops on tensors they bufferize like any)
      if (fn.region().blocks.length > 1) { // (cf branches): fine where no tensor is left to convert
        if (holdsTensors(fn)) diag.error(fn.loc, "bufferize supports single-block function bodies only");
        continue;
      }
      new FunctionBufferizer(fn, globals, module, diag).run();
    }
  },
};
