// Loop-level views the mutations and proposers share: loops numbered L0, L1, ... in pre-order
// within a function, affine.for bounds, bands, and the table the prompt shows.
import { AffineMap, cst, dim, type AffineExpr } from "../ir/affine.js";
import { AffineMapAttr, IntegerAttr } from "../ir/attributes.js";
import { Block, BlockArgument, Operation, Value } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { OpAsmPrinter } from "../ir/printer.js";
import { MutationError } from "./mutations/scalar.js";
export { buildAffineFor } from "../dialects/affine.js"; // where passes can use it too

export const LOOP_OPS = new Set(["affine.for", "scf.for", "affine.parallel", "scf.parallel", "scf.forall"]);

export function loopsOf(fn: Operation): Operation[] {
  const out: Operation[] = [];
  fn.walk((op) => { if (LOOP_OPS.has(op.name)) out.push(op); });
  return out;
}

export function loopByRef(fn: Operation, ref: string): Operation {
  const m = /^L(\d+)$/.exec(ref);
  const loops = loopsOf(fn);
  const op = m ? loops[Number(m[1])] : undefined;
  if (!op) throw new MutationError(`no loop ${ref} (the function has ${loops.length} loops: L0..L${loops.length - 1})`);
  return op;
}

/** affine.for's parts in MLIR's representation: bound maps with operands, step, iter_args. */
export interface AffineFor {
  op: Operation;
  lbMap: AffineMap; lbOperands: Value[];
  ubMap: AffineMap; ubOperands: Value[];
  step: number;
  inits: Value[];
  body: Block;
  iv: BlockArgument;
  iterArgs: BlockArgument[];
}

export function affineFor(op: Operation): AffineFor {
  if (op.name !== "affine.for") throw new MutationError(`${op.name} is not an affine.for (only affine loops can be transformed)`);
  const lbMap = op.attr<AffineMapAttr>("lowerBoundMap")!.map, ubMap = op.attr<AffineMapAttr>("upperBoundMap")!.map;
  const nl = lbMap.numDims + lbMap.numSyms, nu = ubMap.numDims + ubMap.numSyms;
  const body = op.body();
  return {
    op, lbMap, ubMap, lbOperands: op.operands.slice(0, nl), ubOperands: op.operands.slice(nl, nl + nu),
    step: Number(op.attr<IntegerAttr>("step")!.value), inits: op.operands.slice(nl + nu), body, iv: body.args[0], iterArgs: body.args.slice(1),
  };
}

/** Constant lower/upper bounds, if both are. */
export function constantBounds(f: AffineFor): { lb: number; ub: number } | undefined {
  const lb = f.lbMap.results.length === 1 && f.lbMap.results[0].kind === "const" ? (f.lbMap.results[0] as { value: number }).value : undefined;
  const ub = f.ubMap.results.length === 1 && f.ubMap.results[0].kind === "const" ? (f.ubMap.results[0] as { value: number }).value : undefined;
  return lb !== undefined && ub !== undefined ? { lb, ub } : undefined;
}

export function tripCount(f: AffineFor): number | undefined {
  const b = constantBounds(f);
  if (b) return Math.max(0, Math.ceil((b.ub - b.lb) / f.step));
  // `%x to %x + c` (a point loop of a tile): the same single operand in both maps.
  if (f.lbOperands.length === 1 && f.ubOperands.length === 1 && f.lbOperands[0] === f.ubOperands[0] && f.lbMap.results.length === 1 && f.ubMap.results.length === 1) {
    const l = f.lbMap.results[0], u = f.ubMap.results[0];
    if (l.kind === "dim" || l.kind === "sym") {
      if (u.kind === "add" && (u.lhs.kind === "dim" || u.lhs.kind === "sym") && u.rhs.kind === "const") return Math.ceil(u.rhs.value / f.step);
    }
  }
  return undefined;
}

export const constMap = (v: number) => ({ map: new AffineMap(0, 0, [cst(v)]), operands: [] as Value[] });
/** `d0 + offset` applied to `v`. */
export const shiftedMap = (v: Value, offset: number) => ({ map: new AffineMap(1, 0, [offset ? { kind: "add", lhs: dim(0), rhs: cst(offset) } as AffineExpr : dim(0)]), operands: [v] });

/** The perfectly nested band starting at `outer`: each loop's body is one loop + yield. */
export function perfectBand(outer: Operation): Operation[] {
  const band = [outer];
  for (let op = outer; ;) {
    const ops = op.body().ops;
    const inner = ops.length === 2 && ops[0].name === "affine.for" && ops[1].name === "affine.yield" && ops[1].operands.length === 0 ? ops[0] : undefined;
    if (!inner || affineFor(op).iterArgs.length) return band;
    band.push(inner);
    op = inner;
  }
}

/**
 * Does `v` depend on `iv` through the operands of the ops that compute it? With `throughLoops`,
 * also as the induction variable of an inner loop whose bounds depend on `iv` (the point loop of
 * a tile).
 */
export function dependsOn(v: Value, iv: Value, throughLoops = false, seen = new Set<Value>()): boolean {
  if (v === iv) return true;
  if (seen.has(v)) return false;
  seen.add(v);
  const def = v.owner;
  if (def instanceof Operation) return def.operands.some((o) => dependsOn(o, iv, throughLoops, seen));
  const loop = def.parentOp;
  return throughLoops && !!loop && LOOP_OPS.has(loop.name) && v === def.args[0] && loop.operands.some((o) => dependsOn(o, iv, true, seen));
}

/** Does `v` vary with `iv`, inner loops' induction variables included (dependsOn through loops)? */
export const varies = (v: Value, iv: Value): boolean => dependsOn(v, iv, true);

/**
 * Whether `loop` surely runs (an affine.for of a positive constant trip count): what is moved
 * out of one that may not (its bound a call's argument, 0 on some call) runs where the original
 * ran nothing: a load reads an address it never read, a division divides by what it never did.
 */
export const surelyRuns = (loop: Operation): boolean => loop.name === "affine.for" && (tripCount(affineFor(loop)) ?? 0) > 0;

/** True if `op` is nested (at any depth) inside `loop`. */
export const isInside = (op: Operation, loop: Operation) => loop !== op && loop.isAncestorOf(op);

/** `L0  affine.for %arg3 = 0 to 256  (depth 0, trip 256)` per loop, names as the printer shows them. */
export function loopTable(fn: Operation, ctx: Context): string {
  const p = new OpAsmPrinter(ctx);
  p.operation(fn);
  const loops = loopsOf(fn);
  return loops.map((op, i) => {
    let depth = 0;
    for (let q = op.parentOp; q && q !== fn; q = q.parentOp) if (LOOP_OPS.has(q.name)) depth++;
    const iv = op.regions[0]?.blocks[0]?.args[0];
    let bounds = "";
    if (op.name === "affine.for") {
      const f = affineFor(op);
      const tc = tripCount(f);
      const b = constantBounds(f);
      bounds = b ? `${b.lb} to ${b.ub} step ${f.step}` : `(map bounds) step ${f.step}`;
      bounds += tc !== undefined ? `, trip ${tc}` : "";
      if (f.iterArgs.length) bounds += `, ${f.iterArgs.length} iter_args`;
    }
    return `L${i}  ${"  ".repeat(depth)}${op.name} ${iv ? p.name(iv) : ""}  ${bounds}`.trimEnd();
  }).join("\n");
}
