// Generic verification: registered ops, counts, traits, dominance, isolation and symbol
// uniqueness; then each op spec's own `verify`. Collects every error instead of stopping.
import { DenseArrayAttr, StringAttr, UnitAttr, typedStr } from "./attributes.js";
import { Block, BlockArgument, Module, Operation, OpResult, Region, Value, symbolName } from "./core.js";
import { Context, type RegisteredOp, type TypeConstraint, type Trait, type VerifyContext } from "./dialect.js";
import { DiagnosticSink, type Diagnostic } from "./diagnostics.js";
import { printOpInContext } from "./printer.js";
import { i32 } from "./types.js";

/** Properties that split operands or results into groups; MLIR requires them as i32 dense arrays. */
const SEGMENT_ATTRS = ["operandSegmentSizes", "resultSegmentSizes"];
/** Flag properties and the attribute each holds: MLIR's property conversion rejects any other. */
const FLAG_PROPS: Readonly<Record<string, string>> = { fastmath: "#arith.fastmath<", overflowFlags: "#arith.overflow<" };

/** MLIR's error for properties its conversion rejects (reported without the op prefix): `why`, or the property `name`'s value. */
export function propertyProblem(op: Operation, name: string, props: readonly string[], why?: string): string {
  const dict = [...props].sort().filter((k) => op.attr(k)).map((k) => (op.attr(k) instanceof UnitAttr ? k : `${k} = ${typedStr(op.attr(k)!)}`)).join(", ");
  return `invalid properties {${dict}} for op ${op.name}: ${why ?? `Invalid attribute \`${name}\` in property conversion: ${typedStr(op.attr(name)!)}`}`;
}
/** The first property of `op` whose value MLIR's property conversion rejects (FLAG_PROPS, OpSpec.propChecks). */
function rejectedProperty(op: Operation, info: RegisteredOp): string | undefined {
  const checks = info.propChecks, props = info.props;
  for (let i = 0; i < props.length; i++) { // (indexed loops here and below: they run for every op, mostly before V8 optimizes them)
    const k = props[i], a = op.attr(k);
    if (a && ((k in FLAG_PROPS && !a.str.startsWith(FLAG_PROPS[k])) || (checks?.[k] && !checks[k](a)))) return k;
  }
  return undefined;
}
/** The values of a symbol's `sym_visibility` (MLIR's SymbolOpInterface). */
const VISIBILITIES = ["public", "private", "nested"];

function countOk(n: number, want: number | readonly [number, number] | undefined): boolean {
  if (want === undefined) return true;
  if (typeof want === "number") return n === want;
  return n >= want[0] && (want[1] < 0 || n <= want[1]);
}
/** Every operand and result has the type of the first of them. */
function sameType(op: Operation): boolean {
  const ts = op.operands, rs = op.results;
  const t0 = ts.length ? ts[0].type : rs.length ? rs[0].type : undefined;
  for (let i = 0; i < ts.length; i++) if (ts[i].type !== t0) return false;
  for (let i = 0; i < rs.length; i++) if (rs[i].type !== t0) return false;
  return true;
}
/** MLIR's ODS type check of operand/result groups `cs` (group sizes `segs`): its message for the first mismatch. */
function typeProblem(what: "operand" | "result", vs: readonly Value[], cs: readonly TypeConstraint[] | undefined, segs?: readonly number[]): string | undefined {
  if (!cs) return undefined;
  const rest = vs.length - cs.length + 1;
  for (let g = 0, i = 0; g < cs.length && i < vs.length; g++) {
    const c = cs[g], n = segs ? segs[g] ?? 0 : c.variadic ? rest : 1;
    for (const end = i + n; i < end && i < vs.length; i++) {
      if (!c.ok(vs[i].type)) return `${what} #${i} must be ${c.summary}, but got '${vs[i].type.str}'`;
    }
  }
  return undefined;
}

/** MLIR's wording for its count traits (OneOperand, NResults<2>, AtLeastNOperands<1>, VariadicOperands...). */
function countMsg(what: "operand" | "result" | "region", w: number | readonly [number, number], n: number): string {
  if (w === 0) return `requires zero ${what}s`;
  if (w === 1) return what === "operand" ? "requires a single operand" : `requires one ${what}`;
  const found = what === "region" ? "" : `, but found ${n}`; // (MLIR's region count traits say no more)
  if (typeof w === "number") return `expected ${w} ${what}s${found}`;
  return n < w[0] ? `expected ${w[0]} or more ${what}s${found}` : `expected at most ${w[1]} ${what}s${found}`;
}

export class Verifier implements VerifyContext {
  readonly sink = new DiagnosticSink();
  private domCache = new Map<Region, DominatorTree>();
  private opIndex = new Map<Block, Map<Operation, number>>();
  /** Ops that verified and whose symbol references their symbol table checks once all its ops verified (MLIR's verifySymbolUses). */
  private symbolUsers: Operation[] = [];
  /** Each symbol table's symbols by name (the first of a name), for lookupSymbol: a call's check is then no walk of the table. */
  private symbolMaps = new Map<Operation, Map<string, Operation>>();

  constructor(readonly ctx: Context) {}

  lookupSymbol(from: Operation, name: string): Operation | undefined {
    for (let p: Operation | null = from; p; p = p.parentOp) {
      if (p.name === "builtin.module" || this.ctx.hasTrait(p, "SymbolTable")) {
        const table = this.symbolMaps.get(p), hit = table ? table.get(name) : p.body().ops.find((o) => symbolName(o) === name);
        if (hit) return hit;
      }
    }
    return undefined;
  }

  private err(op: Operation, msg: string): void { this.sink.error(op.loc, `'${op.name}' op ${msg}`); }
  error(op: Operation, msg: string): void { this.sink.error(op.loc, msg); }
  hasTrait(op: Operation, t: Trait): boolean { return this.ctx.hasTrait(op, t); }
  opError(op: Operation, msg: string, notes: readonly { at: Operation; message: string }[]): void {
    this.sink.diagnostics.push({ loc: op.loc, severity: "error", message: `'${op.name}' op ${msg}`, notes: notes.map((n) => ({ loc: n.at.loc, severity: "note", message: n.message })) });
  }

  /**
   * MLIR's two errors for an op no dialect registers: a registered dialect allows no unknown ops
   * (a misspelt `arith.mulff`), even under --allow-unregistered-dialect; an unknown dialect only
   * under it.
   */
  private unregisteredProblem(name: string): string | undefined {
    const dialect = name.includes(".") ? name.slice(0, name.indexOf(".")) : "";
    if (this.ctx.dialects.has(dialect)) return `unregistered operation '${name}' found in dialect ('${dialect}') that does not allow unknown operations`;
    if (!this.ctx.allowUnregistered) return "operation being parsed with an unregistered dialect. If this is intended, please use -allow-unregistered-dialect with the MLIR tool used";
  }

  verifyOp(op: Operation): void {
    const info = this.ctx.registered(op.name);
    const isModule = op.name === "builtin.module", start = this.sink.diagnostics.length;
    const table = isModule || !!info?.symbolTable, usersFrom = this.symbolUsers.length;
    if (!info) {
      const problem = isModule ? undefined : this.unregisteredProblem(op.name);
      if (problem) { this.sink.error(op.loc, problem + this.ctx.didYouMean(op.name)); return; }
    } else {
      // (as the parser's property conversion: before any other check)
      const flag = op.numAttributes ? rejectedProperty(op, info) : undefined;
      if (flag) { this.sink.error(op.loc, propertyProblem(op, flag, info.props)); return; }
      if (!this.verifyAgainstSpec(op, info)) return;
    }
    if (op.numAttributes) for (let i = 0; i < SEGMENT_ATTRS.length; i++) {
      const k = SEGMENT_ATTRS[i], a = op.attr(k);
      if (a && !(a instanceof DenseArrayAttr && a.elementType === i32)) this.err(op, `invalid properties: '${k}' must be an array<i32: ...>, got ${a.str}`);
    }
    if (isModule && op.regions[0]?.blocks.length !== 1) { this.err(op, "region #0 ('bodyRegion') failed to verify constraint: region with 1 blocks"); return; }
    this.verifyOperandDominance(op);
    if (table) this.verifySymbols(op);
    if (info?.verifyInvariants && this.runVerifier(op, info, info.verifyInvariants)) return;
    // (ODS's constraint on every symbol op's name; after the op's own checks, which may order it among others)
    const name = info?.symbol ? op.attr("sym_name") : undefined;
    if (name && !(name instanceof StringAttr)) { this.err(op, "attribute 'sym_name' failed to satisfy constraint: string attribute"); return; }
    const regions = op.regions, errors = this.sink.diagnostics.length;
    // (MLIR checks this before the regions' blocks, and stops there)
    for (let i = 0; i < regions.length; i++) {
      const r = regions[i], entry = r.blocks[0];
      // (a branch in the region to its entry: erased branches have no block)
      if (entry && entry.branches.length && entry.branches.some((o) => o.parent?.parent === r)) { this.sink.error(op.loc, "entry block of region may not have predecessors"); return; }
    }
    if (regions.length) {
      const noTerminator = isModule || !info || info.noTerminator;
      for (let i = 0; i < regions.length; i++) this.verifyRegion(op, regions[i], noTerminator);
    }
    // As MLIR's verifier, which stops at the first op that fails: an op whose regions hold an error is not checked after them.
    if (info?.verify && this.sink.diagnostics.length === errors) this.runVerifier(op, info, info.verify);
    if (info?.verifySymbolUses && this.sink.diagnostics.length === start) this.symbolUsers.push(op);
    // MLIR's SymbolTable trait, once the table's ops verified (none failed, as `verify` above):
    // the references of each symbol user in it, every error reported. Nested tables check their own.
    if (table) {
      if (this.sink.diagnostics.length === errors) for (let i = usersFrom; i < this.symbolUsers.length; i++) {
        const user = this.symbolUsers[i], spec = this.ctx.registered(user.name)!;
        this.runVerifier(user, spec, spec.verifySymbolUses!);
      }
      this.symbolUsers.length = usersFrom;
    }
  }
  /** Runs one of the op's verifiers; whether it reported an error (returned, or through `error`). */
  private runVerifier(op: Operation, info: RegisteredOp, verify: NonNullable<RegisteredOp["verify"]>): boolean {
    const before = this.sink.diagnostics.length;
    try {
      const msg = verify.call(info.spec, op, this);
      if (msg) this.err(op, msg);
      return this.sink.diagnostics.length !== before;
    } catch (e) {
      this.err(op, `verifier failed: ${(e as Error).message}`);
      return true;
    }
  }

  /** Counts and traits; false when the op is too malformed for the checks that follow. */
  private verifyAgainstSpec(op: Operation, info: RegisteredOp): boolean {
    // A wrong count ends this op's checks (as MLIR's ODS verifier): its own would index past the end.
    const badOperands = !countOk(op.operands.length, info.operands), badResults = !countOk(op.results.length, info.results);
    const badRegions = info.regions !== undefined && op.regions.length !== info.regions;
    if (badOperands || badResults || badRegions) {
      if (badOperands) this.err(op, countMsg("operand", info.operands!, op.operands.length));
      if (badResults) this.err(op, countMsg("result", info.results!, op.results.length));
      if (badRegions) this.err(op, countMsg("region", info.regions!, op.regions.length));
      return false;
    }
    const ps = info.parents;
    if (ps && !ps.includes(op.parentOp?.name ?? "")) {
      this.err(op, ps.length === 1 ? `expects parent op '${ps[0]}'` : `expects parent op to be one of '${ps.join(", ")}'`);
      return false;
    }
    let segs: readonly number[] | undefined;
    if (info.segments !== undefined) {
      const a = op.attr("operandSegmentSizes");
      segs = a instanceof DenseArrayAttr ? a.values : [];
      if (a instanceof DenseArrayAttr && a.elementType === i32 && segs.length !== info.segments) {
        this.sink.error(op.loc, propertyProblem(op, "operandSegmentSizes", info.props, `size mismatch in attribute conversion: ${segs.length} vs ${info.segments}`));
        return false;
      }
      const total = segs.reduce((x, y) => x + y, 0);
      if (total !== op.operands.length) {
        this.err(op, `operand count (${op.operands.length}) does not match with the total size (${total}) specified in attribute 'operandSegmentSizes'`);
        return false;
      }
    }
    const bad = info.verifyAttrs?.(op) || typeProblem("operand", op.operands, info.operandTypes, segs) || typeProblem("result", op.results, info.resultTypes);
    if (bad) { this.err(op, bad); return false; }
    if (info.sameOperandsAndResultType && !sameType(op)) {
      this.err(op, "requires the same type for all operands and results");
      return false;
    }
    if (info.sameTypeOperands && op.operands.some((v) => v.type !== op.operands[0].type)) {
      this.err(op, "requires all operands to have the same type");
      return false;
    }
    if (info.terminator && op.parent && op.parent.terminator !== op) this.err(op, "must be the last operation in the parent block");
    if (info.singleBlock) {
      // (MLIR's SingleBlock::verifyTrait, region by region: one block, not empty unless NoTerminator)
      for (let k = 0; k < op.regions.length; k++) {
        const bs = op.regions[k].blocks;
        if (bs.length > 1) { this.err(op, `expects region #${k} to have 0 or 1 blocks`); return false; }
        if (bs.length && !bs[0].ops.length && !info.noTerminator) { this.err(op, "expects a non-empty block"); return false; }
      }
    }
    if (info.noRegionArguments) {
      const k = op.regions.findIndex((r) => r.blocks.length && r.blocks[0].args.length);
      if (k >= 0) this.err(op, op.regions.length > 1 ? `region #${k} should have no arguments` : "region should have no arguments");
    }
    const vis = info.symbol ? op.attr("sym_visibility") : undefined;
    if (vis && !(vis instanceof StringAttr && VISIBILITIES.includes(vis.value))) {
      this.err(op, `visibility expected to be one of ["public", "private", "nested"], but got ${vis.str}`);
    } else if (info.symbol && op.parentOp && this.ctx.registered(op.parentOp.name)?.symbolTable === false) {
      // (MLIR's SymbolOpInterface; an unregistered op around it may be a symbol table)
      this.err(op, "symbol's parent must have the SymbolTable trait");
      return false;
    }
    return true;
  }

  private verifyRegion(op: Operation, r: Region, noTerminator: boolean): void {
    const blocks = r.blocks;
    for (let bi = 0; bi < blocks.length; bi++) {
      const b = blocks[bi], ops = b.ops;
      // As MLIR's verifier: this failure ends the block's checks.
      let early: Operation | undefined;
      for (let i = 0; i < ops.length - 1 && !early; i++) if (ops[i].successors.length) early = ops[i];
      if (early) { this.sink.error(early.loc, "operation with block successors must terminate its parent block"); continue; }
      if (!noTerminator && !ops.length) { this.sink.error(op.loc, "empty block: expect at least a terminator"); continue; } // (MLIR's words)
      const errors = this.sink.diagnostics.length;
      for (let i = 0; i < ops.length; i++) this.verifyOp(ops[i]);
      // Checked after the block's ops, as MLIR's verifier does, which stops at an op's error: a
      // block whose ops fail does not also get this one (the ops' errors come first).
      const t = b.terminator;
      if (noTerminator || !t || this.sink.diagnostics.length !== errors) continue;
      const info = this.ctx.registered(t.name);
      if (!(info ? info.terminator : this.ctx.allowUnregistered)) {
        this.sink.error(t.loc, `block with no terminator, has ${printOpInContext(t, this.ctx)}`);
      }
    }
  }

  private verifySymbols(op: Operation): void {
    const seen = new Map<string, Operation>();
    this.symbolMaps.set(op, seen);
    for (const o of op.body().ops) {
      const n = symbolName(o);
      if (n === undefined) continue;
      const prior = seen.get(n);
      if (prior) this.sink.diagnostics.push({ loc: o.loc, severity: "error", message: `redefinition of symbol named '${n}'`, notes: [{ loc: prior.loc, severity: "note", message: "see existing symbol definition here" }] });
      else seen.set(n, o);
    }
  }

  private verifyOperandDominance(op: Operation): void {
    // As MLIR's verifier: the operands of an op in a block no branch from the entry reaches are
    // not checked (such a block may even use a value it defines after, or the op's own result).
    const blk = op.parent, r = blk?.parent;
    if (r && r.blocks.length > 1 && blk !== r.blocks[0]) {
      if (!this.domTree(r).reached(blk!)) return;
    }
    const operands = op.operands;
    for (let i = 0; i < operands.length; i++) {
      const why = this.dominanceProblem(operands[i], op);
      if (!why) continue;
      // (as MLIR: the first operand that fails, with a note where a non-dominating value is defined)
      if (why === "does not dominate this use") this.sink.diagnostics.push({ loc: op.loc, severity: "error", message: `operand #${i} ${why}`, notes: [dominanceNote(operands[i], op)] });
      else this.sink.error(op.loc, `operand #${i} ${why}`);
      return;
    }
  }

  /** Why `v` may not be used at `user`, or undefined if it may. */
  private dominanceProblem(v: Value, user: Operation): string | undefined {
    const defBlock = v.definingBlock;
    if (!defBlock) return "is not defined";
    for (let a: Operation | null = user; a; a = a.parentOp) {
      const blk = a.parent;
      if (blk === defBlock) {
        if (v instanceof BlockArgument) return undefined;
        const def = (v as OpResult).op;
        if (def !== a && this.comesBefore(blk, def, a)) return undefined;
        // A graph region (builtin.module's, as MLIR's RegionKindInterface says, and, as MLIR
        // takes them, an unregistered op's) has no SSA dominance: a use may come before its
        // definition, or be in it. (Asked only then: most uses follow their definition.)
        return this.graphRegion(blk.parentOp) ? undefined : "does not dominate this use";
      }
      if (blk && blk.parent && defBlock.parent === blk.parent) {
        // Same region, different blocks: CFG dominance.
        return this.domTree(blk.parent).dominates(defBlock, blk) ? undefined : "does not dominate this use";
      }
      const parent = a.parentOp;
      if (parent && this.isIsolated(parent) && !this.definedWithin(v, parent)) return "using value defined outside the region";
    }
    return "does not dominate this use"; // (MLIR: also for a value of a sibling region)
  }
  /**
   * Whether `def` comes before `op`, both ops of `blk`: in a small block a walk back from `op`
   * (a value is mostly used soon after its definition), else a per-block table of positions.
   */
  private comesBefore(blk: Block, def: Operation, op: Operation): boolean {
    if (blk.ops.length > 32) return this.indexIn(blk, def) < this.indexIn(blk, op);
    for (let o = op.prev; o; o = o.prev) if (o === def) return true;
    return false;
  }
  /** Position of `op` in `blk.ops` (-1 if absent), from a table made once per block. */
  private indexIn(blk: Block, op: Operation): number {
    const ops = blk.ops;
    let idx = this.opIndex.get(blk);
    if (!idx || idx.size !== ops.length) {
      idx = new Map();
      for (let i = 0; i < ops.length; i++) if (!idx.has(ops[i])) idx.set(ops[i], i);
      this.opIndex.set(blk, idx);
    }
    return idx.get(op) ?? -1;
  }
  private graphRegion(op: Operation | null): boolean { return !!op && (op.name === "builtin.module" || !this.ctx.registered(op.name)); }
  private isIsolated(op: Operation): boolean { return op.name === "builtin.module" || !!this.ctx.registered(op.name)?.isolated; }
  private definedWithin(v: Value, op: Operation): boolean {
    const owner = v instanceof OpResult ? v.op : (v as BlockArgument).block.parentOp;
    return !!owner && (owner === op && v instanceof BlockArgument || op.isAncestorOf(owner) && owner !== op);
  }

  private domTree(r: Region): DominatorTree {
    let t = this.domCache.get(r);
    if (!t) this.domCache.set(r, (t = new DominatorTree(r)));
    return t;
  }
}

/** The blocks branches from `r`'s entry reach, each after the blocks that dominate it (reverse post-order). */
export function reversePostOrder(r: Region): Block[] { return depthFirst(r).post.reverse(); }
/**
 * A depth-first walk of the blocks branches from `r`'s entry reach: each block as first met
 * (`pre`, with the position in `pre` of the block it was met from: `parent`, 0 for the entry)
 * and as left (`post`).
 */
function depthFirst(r: Region): { pre: Block[]; parent: number[]; post: Block[] } {
  const pre: Block[] = [], parent: number[] = [], post: Block[] = [];
  if (!r.blocks.length) return { pre, parent, post };
  const seen = new Map<Block, number>([[r.blocks[0], 0]]);
  pre.push(r.blocks[0]); parent.push(0);
  const stack: Array<[Block, number]> = [[r.blocks[0], 0]];
  while (stack.length) {
    const top = stack[stack.length - 1], succ = top[0].terminator?.successors ?? [];
    if (top[1] < succ.length) {
      const s = succ[top[1]++];
      if (!seen.has(s)) { seen.set(s, pre.length); parent.push(seen.get(top[0])!); pre.push(s); stack.push([s, 0]); }
    } else post.push(stack.pop()![0]);
  }
  return { pre, parent, post };
}
/** The blocks of `r` that branches from its entry reach (the entry too). */
export const reachableBlocks = (r: Region): Set<Block> => new Set(reversePostOrder(r));

/**
 * The immediate dominator of each block of a depth-first walk (depthFirst), by position in its
 * preorder, by the Semi-NCA algorithm (as LLVM's dominator trees): semidominators over a
 * depth-first numbering with path compression, then each one's nearest ancestor in the DFS
 * tree at or above its semidominator. Near linear whatever the branches; Cooper, Harvey and
 * Kennedy's iterative algorithm, which it replaced, went quadratic where many back branches
 * leave a long chain at different depths (80,000 blocks each branching back to the one at half
 * its number: 3.3 s to verify, now 0.2 s).
 */
function immediateDominators(pre: readonly Block[], parent: readonly number[]): Int32Array {
  // (blocks are their positions in the depth-first preorder `pre`, the entry 0)
  const n = pre.length, num = new Map<Block, number>(pre.map((b, k) => [b, k]));
  const preds: number[][] = pre.map(() => []);
  for (let k = 0; k < n; k++) for (const s of pre[k].terminator?.successors ?? []) preds[num.get(s)!].push(k);
  const semi = Int32Array.from({ length: n }, (_, k) => k), label = Int32Array.from(semi), ancestor = new Int32Array(n).fill(-1);
  const path: number[] = [];
  /** The block of least semidominator on `v`'s path up the linked forest (compressing the path). */
  const least = (v: number): number => {
    if (ancestor[v] === -1) return v;
    for (let x = v; ancestor[ancestor[x]] !== -1; x = ancestor[x]) path.push(x);
    while (path.length) {
      const x = path.pop()!, a = ancestor[x];
      if (semi[label[a]] < semi[label[x]]) label[x] = label[a];
      ancestor[x] = ancestor[a];
    }
    return label[v];
  };
  for (let w = n - 1; w > 0; w--) {
    for (const v of preds[w]) { const u = least(v); if (semi[u] < semi[w]) semi[w] = semi[u]; }
    ancestor[w] = parent[w];
  }
  const idom = new Int32Array(n);
  for (let w = 1; w < n; w++) { let d = parent[w]; while (d > semi[w]) d = idom[d]; idom[w] = d; }
  return idom;
}

/** The dominator tree of a region's CFG (immediateDominators), numbered in and out for constant-time queries. */
export class DominatorTree {
  /** The blocks branches from the entry reach, in reverse post-order. */
  readonly order: Block[];
  private readonly index = new Map<Block, number>();
  private readonly idom: Int32Array;
  private readonly enter: Int32Array;
  private readonly exit: Int32Array;
  constructor(r: Region) {
    const walk = depthFirst(r), order = (this.order = walk.post.reverse()), n = order.length;
    order.forEach((b, i) => this.index.set(b, i));
    // (the tree by reverse post-order position, from the walk's preorder)
    const byPre = immediateDominators(walk.pre, walk.parent), idom = (this.idom = new Int32Array(n));
    walk.pre.forEach((b, k) => { idom[this.index.get(b)!] = this.index.get(walk.pre[byPre[k]])!; });
    // In and out numbers of a depth-first walk of the tree (without recursion: trees may be deep).
    const kids: number[][] = order.map(() => []);
    for (let i = 1; i < n; i++) kids[idom[i]].push(i);
    this.enter = new Int32Array(n); this.exit = new Int32Array(n);
    const stack: Array<[number, number]> = n ? [[0, 0]] : [];
    for (let clock = 0; stack.length;) {
      const top = stack[stack.length - 1];
      if (top[1] === 0) this.enter[top[0]] = clock++;
      if (top[1] < kids[top[0]].length) stack.push([kids[top[0]][top[1]++], 0]);
      else { this.exit[top[0]] = clock++; stack.pop(); }
    }
  }
  reached(b: Block): boolean { return this.index.has(b); }
  /** Whether `a` dominates `b`: as LLVM's, a block no branch reaches is dominated by all and dominates none but itself. */
  dominates(a: Block, b: Block): boolean {
    if (a === b) return true;
    const j = this.index.get(b);
    if (j === undefined) return true;
    const i = this.index.get(a);
    return i !== undefined && this.enter[i] <= this.enter[j] && this.exit[j] <= this.exit[i];
  }
  /** Each reached block with the blocks it immediately dominates, in the region's order. */
  children(): Map<Block, Block[]> {
    const tree = new Map<Block, Block[]>(this.order.map((b) => [b, []]));
    for (const b of this.order[0]?.parent?.blocks ?? []) {
      const i = this.index.get(b);
      if (i) tree.get(this.order[this.idom[i]])!.push(b);
    }
    return tree;
  }
}

/** Verify a whole module; returns every diagnostic found. */
export function verifyModule(m: Module, ctx: Context): Diagnostic[] {
  const v = new Verifier(ctx);
  v.verifyOp(m.op);
  return v.sink.diagnostics;
}

/** Whether `inner` is nested (strictly) inside `outer`. */
function regionWithin(inner: Region, outer: Region): boolean {
  for (let r = inner.parent?.parent?.parent; r; r = r.parent?.parent?.parent) if (r === outer) return true;
  return false;
}
/** MLIR's note on a use its definition does not dominate: where the value is defined, and how the two places relate. */
function dominanceNote(v: Value, user: Operation): Diagnostic {
  const r1 = user.parent!.parent!;
  const where = (r2: Region, same: string, parent: string, child: string, neither: string) =>
    r1 === r2 ? same : regionWithin(r1, r2) ? parent : regionWithin(r2, r1) ? child : neither;
  if (v instanceof OpResult) {
    const b2 = v.op.parent!;
    const how = b2 === user.parent ? "op in the same block" : where(b2.parent!, "op in the same region", "op in a parent region", "op in a child region", "op is neither in a parent nor in a child region");
    return { loc: v.op.loc, severity: "note", message: `operand defined here (${how})` };
  }
  const b2 = (v as BlockArgument).owner, r2 = b2.parent!;
  const how = where(r2, "in the same region", "in a parent region", "in a child region", "neither in a parent nor in a child region");
  return { loc: r2.parent?.loc, severity: "note", message: `operand defined as a block argument (block #${r2.blocks.indexOf(b2)} ${how})` };
}
