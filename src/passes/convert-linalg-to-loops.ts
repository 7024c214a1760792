// --convert-linalg-to-loops (scf.for) and --convert-linalg-to-affine-loops (affine.for):
// every linalg op on memrefs becomes a loop nest (one loop per iterator, 0 to the extent of the
// operand dimension indexed by it) whose body loads each used operand element, runs the op's
// scalar body and stores the yielded values into the outputs. Ops still on tensors are left
// alone, as MLIR does: bufferize first.
import { AffineMap, cst, sym } from "../ir/affine.js";
import { AffineMapAttr, DenseArrayAttr, IntegerAttr } from "../ir/attributes.js";
import { Builder, regionWith } from "../ir/builder.js";
import { Module, Operation, OpResult, Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { DiagnosticSink } from "../ir/diagnostics.js";
import { DYN, MemRefType, ShapedType, i32, index } from "../ir/types.js";
import { expandAffineMap } from "./lower-affine.js";
import { decomposeSoftmaxes, dimSize, isLinalgStructured, linalgView, loopExtents, type LinalgView } from "./lowering-linalg.js";
import type { Pass } from "./pass.js";

type LoopKind = "scf" | "affine";

/**
 * Index constants hoisted to the top of the enclosing function, one per value (what MLIR's
 * folder does while this pass runs): loop nests share their 0, 1 and static extents.
 */
class IndexConstants {
  private readonly byFunc = new Map<Operation, Map<number, Value>>();
  private readonly last = new Map<Operation, Operation>();
  get(at: Operation, v: number): Value {
    let fn: Operation | null = at;
    while (fn && fn.name !== "func.func") fn = fn.parentOp;
    if (!fn) return Builder.before(at).constIndex(v);
    let m = this.byFunc.get(fn);
    if (!m) this.byFunc.set(fn, (m = new Map()));
    let c = m.get(v);
    if (!c) {
      const last = this.last.get(fn);
      c = (last ? Builder.after(last) : Builder.atStart(fn.body(), at.loc)).constIndex(v);
      m.set(v, c);
      this.last.set(fn, (c as OpResult).op);
    }
    return c;
  }
}

/** Creates one loop from `lb` to `ub` (step 1); returns its induction variable and a builder inside. */
function makeLoop(b: Builder, kind: LoopKind, lb: Value, ub: Value, step: Value, extent: { value: Value; dim: number }): [Value, Builder] {
  const { region, block } = regionWith([index]);
  if (kind === "scf") {
    b.create("scf.for", [lb, ub, step], [], {}, [region]);
    const y = Builder.atEnd(block).create("scf.yield");
    return [block.args[0], Builder.before(y)];
  }
  const size = (extent.value.type as ShapedType).shape[extent.dim];
  const dynamic = size < 0;
  b.create("affine.for", dynamic ? [ub] : [], [], {
    lowerBoundMap: new AffineMapAttr(AffineMap.constant(0)),
    upperBoundMap: new AffineMapAttr(dynamic ? new AffineMap(0, 1, [sym(0)]) : new AffineMap(0, 0, [cst(size)])),
    step: new IntegerAttr(1, index),
    operandSegmentSizes: new DenseArrayAttr(i32, [0, dynamic ? 1 : 0, 0]),
  }, [region]);
  const y = Builder.atEnd(block).create("affine.yield");
  return [block.args[0], Builder.before(y)];
}

function load(b: Builder, kind: LoopKind, mem: Value, map: AffineMap, ivs: Value[]): Value {
  const et = (mem.type as MemRefType).elementType;
  if (kind === "affine") return b.value("affine.load", [mem, ...ivs], et, { map: new AffineMapAttr(map) });
  return b.value("memref.load", [mem, ...expandAffineMap(b, map, ivs)], et);
}
function store(b: Builder, kind: LoopKind, v: Value, mem: Value, map: AffineMap, ivs: Value[]): void {
  if (kind === "affine") b.create("affine.store", [v, mem, ...ivs], [], { map: new AffineMapAttr(map) });
  else b.create("memref.store", [v, mem, ...expandAffineMap(b, map, ivs)]);
}

/** Rewrites one linalg op on memrefs into a loop nest; returns an error message on failure. */
export function lowerLinalgOp(v: LinalgView, kind: LoopKind, consts = new IndexConstants()): string | undefined {
  const extents = loopExtents(v);
  if (typeof extents === "string") return extents;
  let b = Builder.before(v.op);
  // All bounds first, as MLIR's loop-range computation does (only dynamic sizes matter for affine).
  const cst = (n: number) => consts.get(v.op, n);
  const zero = kind === "scf" ? cst(0) : undefined;
  // Sizes are read in operand order (as MLIR's loop-range computation does), then used per loop.
  const ubs: (Value | undefined)[] = [];
  const order = extents.map((_, d) => d).sort((x, y) => extents[x].operand - extents[y].operand || extents[x].dim - extents[y].dim);
  for (const d of order) {
    const e = extents[d];
    if (kind === "scf" || (e.value.type as ShapedType).shape[e.dim] === DYN) ubs[d] = dimSize(b, e.value, e.dim, cst);
  }
  const one = kind === "scf" ? cst(1) : undefined;
  const ivs: Value[] = [];
  extents.forEach((e, d) => {
    const [iv, inner] = makeLoop(b, kind, zero!, ubs[d]!, one!, e);
    ivs.push(iv);
    b = inner;
  });
  const operands = [...v.inputs, ...v.outputs];
  const map = new Map<Value, Value>();
  operands.forEach((o, k) => {
    const arg = v.body.args[k]; // linalg.map's body has none for its init
    if (!arg?.hasUses) return;
    map.set(arg, o.type instanceof ShapedType ? load(b, kind, o, v.maps[k], ivs) : o);
  });
  // linalg.index reads an induction variable: map its results before cloning the body.
  const isIndex = (o: Operation) => o.name === "linalg.index";
  for (const o of v.body.ops) o.walk((x) => {
    if (isIndex(x)) { const d = x.attr("dim"); map.set(x.result, ivs[d instanceof IntegerAttr ? d.num : 0]); }
  });
  const term = v.body.terminator!;
  for (const op of v.body.ops) {
    if (op === term) break;
    if (isIndex(op)) continue;
    const c = b.insert(op.clone(map));
    const dead: Operation[] = [];
    c.walk((o) => { if (isIndex(o)) dead.push(o); });
    for (const o of dead) o.erase();
  }
  term.operands.forEach((y, i) => {
    const out = v.outputs[i];
    store(b, kind, map.get(y) ?? y, out, v.maps[v.inputs.length + i], ivs);
  });
  v.op.erase();
  return undefined;
}

function runOn(module: Module, kind: LoopKind, diag: DiagnosticSink): void {
  decomposeSoftmaxes(module.op, (o) => o.operands.every((v) => v.type instanceof MemRefType), diag);
  const todo: Operation[] = [];
  module.walk((op) => {
    if (!isLinalgStructured(op)) return;
    todo.push(op);
    return false;
  });
  const consts = new IndexConstants();
  for (const op of todo) {
    if (op.results.length || op.operands.some((o) => o.type instanceof ShapedType && !(o.type instanceof MemRefType))) continue;
    const v = linalgView(op);
    const err = typeof v === "string" ? v : lowerLinalgOp(v, kind, consts);
    if (err) diag.error(op.loc, err);
  }
}

export const convertLinalgToLoops: Pass = {
  name: "convert-linalg-to-loops",
  description: "Lower linalg ops on memrefs to scf.for loop nests",
  run(module: Module, _ctx: Context, diag: DiagnosticSink): void { runOn(module, "scf", diag); },
};

export const convertLinalgToAffineLoops: Pass = {
  name: "convert-linalg-to-affine-loops",
  description: "Lower linalg ops on memrefs to affine.for loop nests",
  run(module: Module, _ctx: Context, diag: DiagnosticSink): void { runOn(module, "affine", diag); },
};
