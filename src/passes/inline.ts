// --inline, as MLIR 19's inliner (mlir/lib/Transforms/Utils/Inliner.cpp) with its default
// pipeline, canonicalize:
//   - the call graph's nodes are the func.func ops with a body; its edges, each node's direct
//     func.calls in walk order. SCCs are visited bottom-up (Tarjan from the functions in module
//     order, as llvm::scc_iterator from the external caller node); each SCC runs up to 4 rounds
//     of: canonicalize its functions, then inline the calls in them (those the inlined bodies
//     bring along too, unless their callee is already in the chain of inlines that brought them:
//     mutual recursion unrolls a bounded number of times, as in MLIR);
//   - a call is not inlined when its callee calls itself, contains it, has several blocks and the
//     call sits in a single-block region of another kind of op, or holds an op no inliner
//     interface allows (builtin's, unregistered ones; affine ops outside a function body or
//     affine loop); a single-block body replaces the call, a multi-block one splits the caller's
//     block and its returns become `cf.br`s to the rest, whose arguments are the results;
//   - a private function whose symbol uses (counted as MLIR's CGUseList counts them) drop to
//     zero, or whose one use is inlined, is erased. Unlike MLIR, the tensorlang dialect is
//     inlinable (its ops are plain ops); llvm.func/llvm.call are not call-graph nodes here; and
//     no function grows past MAX_FUNCTION_OPS.
import { StringAttr, SymbolRefAttr } from "../ir/attributes.js";
import { Block, Operation, Region, symbolTable, type Module } from "../ir/core.js";
import type { Context } from "../ir/dialect.js";
import { mergeBlocks, splitBlock } from "../ir/builder.js";
import { yieldTo } from "../dialects/cf.js";
import { canonicalizeIn, effectFree } from "./canonicalize.js";
import { PassOptionError, type Pass } from "./pass.js";
import { refsIn } from "./symbol-dce.js";

/** The pass's options, with MLIR's defaults: rounds per SCC, and whether canonicalize runs between them (its default pipeline). */
interface InlineOptions { maxIterations: number; canonicalize: boolean }
const DEFAULTS: InlineOptions = { maxIterations: 4, canonicalize: true };
/**
 * Ours: no call is inlined into a function it would take past this many ops. MLIR has no such
 * bound, and mutual recursion can grow a function exponentially there (mlir-opt-19 --inline took
 * 3.5 GB in 17 s on a generated program of 5 functions, test/passes/inline.test.ts).
 */
export const MAX_FUNCTION_OPS = 50_000;

interface Node { fn: Operation; edges: Node[] }
interface Call { call: Operation; source: Node; target: Node }

/** The function a symbol reference from `from` names, in the nearest enclosing symbol table. */
class Symbols {
  private readonly tables = new Map<Operation, Map<string, Operation>>();
  constructor(private readonly ctx: Context) {}
  lookup(from: Operation, name: string): Operation | undefined {
    for (let t: Operation | null = from.parentOp; t; t = t.parentOp) {
      if (t.name !== "builtin.module" && !this.ctx.hasTrait(t, "SymbolTable")) continue;
      let m = this.tables.get(t);
      if (!m) this.tables.set(t, (m = symbolTable(t)));
      return m.get(name);
    }
    return undefined;
  }
}

class CallGraph {
  readonly nodes: Node[] = [];
  private readonly byFn = new Map<Operation, Node>();
  constructor(module: Module, readonly symbols: Symbols) {
    module.walk((op) => {
      if (op.name !== "func.func") return;
      if (op.regions[0]?.blocks.length) { const n: Node = { fn: op, edges: [] }; this.nodes.push(n); this.byFn.set(op, n); }
      return false;
    });
    for (const n of this.nodes) n.fn.walk((op) => {
      const t = op !== n.fn && this.target(op);
      if (t && !n.edges.includes(t)) n.edges.push(t);
    });
  }
  node(fn: Operation | undefined): Node | undefined { return fn && this.byFn.get(fn); }
  /** The node a `func.call` calls, if it is a function with a body; `at` is where the call is (or will be). */
  target(op: Operation, at = op): Node | undefined {
    const ref = op.name === "func.call" ? op.attr("callee") : undefined;
    return ref instanceof SymbolRefAttr && !ref.nested.length ? this.node(this.symbols.lookup(at, ref.root)) : undefined;
  }
  /** SCCs, callees before callers; an SCC's nodes last found first (llvm::scc_iterator's order). */
  sccs(): Node[][] {
    const num = new Map<Node, number>(), low = new Map<Node, number>(), stack: Node[] = [], out: Node[][] = [];
    const visit = (n: Node) => {
      num.set(n, num.size); low.set(n, num.get(n)!); stack.push(n);
      for (const m of n.edges) {
        if (!num.has(m)) visit(m);
        if (stack.includes(m)) low.set(n, Math.min(low.get(n)!, low.get(m)!));
      }
      if (low.get(n) !== num.get(n)) return;
      const scc: Node[] = [];
      do scc.push(stack.pop()!); while (scc[scc.length - 1] !== n);
      out.push(scc);
    };
    for (const n of this.nodes) if (!num.has(n)) visit(n);
    return out;
  }
}

/**
 * MLIR's CGUseList: how many symbol references the functions make to each discardable (private)
 * function; a referenced one from outside any function is never discardable.
 */
class UseList {
  private readonly discardable = new Map<Node, number>();
  private readonly inner = new Map<Node, Map<Node, number>>();
  constructor(module: Module, private readonly cg: CallGraph, ctx: Context) {
    const alwaysLive = new Set<Node>();
    const visit = (table: Operation) => {
      for (const op of table.body().ops) {
        const n = cg.node(op);
        if (n) { if (op.attr<StringAttr>("sym_visibility")?.value === "private") this.discardable.set(n, 0); continue; }
        for (const t of this.referenced(op)) alwaysLive.add(t);
        if (op.name === "builtin.module" || ctx.hasTrait(op, "SymbolTable")) visit(op);
      }
    };
    visit(module.op);
    for (const n of alwaysLive) this.discardable.delete(n);
    for (const n of cg.nodes) this.recompute(n);
  }
  /** The nodes `op` and the ops in it reference, one entry per reference. */
  private referenced(op: Operation): Node[] {
    const out: Node[] = [];
    op.walk((o) => {
      if (!o.numAttributes) return;
      const names: string[] = [];
      for (const a of o.attributes.values()) refsIn(a, names);
      for (const name of names) { const t = this.cg.node(this.cg.symbols.lookup(op, name)); if (t) out.push(t); }
    });
    return out;
  }
  private add(n: Node, k: number): void { this.discardable.set(n, (this.discardable.get(n) ?? 0) + k); }
  private drop(n: Node): void { for (const [t, k] of this.inner.get(n) ?? []) this.add(t, -k); }
  recompute(n: Node): void {
    this.drop(n);
    const uses = new Map<Node, number>();
    for (const t of this.referenced(n.fn)) if (this.discardable.has(t)) { uses.set(t, (uses.get(t) ?? 0) + 1); this.add(t, 1); }
    this.inner.set(n, uses);
  }
  isDead(n: Node): boolean { return this.discardable.get(n) === 0; }
  hasOneUseAndDiscardable(n: Node): boolean { return this.discardable.get(n) === 1; }
  /** The inlined call's references leave `user`; the callee's come in. */
  inlined(user: Node, call: Operation, callee: Node): void {
    const uses = this.inner.get(user)!;
    for (const t of this.referenced(call)) { const k = uses.get(t); if (k !== undefined) { uses.set(t, k - 1); this.add(t, -1); } }
    for (const [t, k] of this.inner.get(callee) ?? []) { uses.set(t, (uses.get(t) ?? 0) + k); this.add(t, k); }
  }
  erase(n: Node): void { this.drop(n); this.inner.delete(n); this.discardable.delete(n); }
}

/** Dialects whose ops MLIR 19's inliner interfaces allow anywhere (affine has rules of its own); tensorlang is ours. */
const INLINABLE = new Set(["arith", "math", "scf", "memref", "tensor", "linalg", "vector", "cf", "func", "bufferization", "llvm", "index", "complex", "tensorlang"]);
const affineLoop = (op: Operation | null) => !!op && (op.name === "affine.for" || op.name === "affine.parallel" || op.name === "affine.if");

class Inliner {
  private readonly symbols: Symbols;
  private readonly cg: CallGraph;
  private readonly uses: UseList;
  private readonly deadNodes = new Set<Node>();
  /** Each function's op count, as last measured and grown by what was inlined into it since. */
  private readonly sizes = new Map<Node, number>();
  constructor(module: Module, private readonly ctx: Context, private readonly opts: InlineOptions) {
    this.symbols = new Symbols(ctx);
    this.cg = new CallGraph(module, this.symbols);
    this.uses = new UseList(module, this.cg, ctx);
  }

  run(): void {
    for (const scc of this.cg.sccs()) this.inlineSCC(scc);
    for (const n of this.deadNodes) n.fn.erase();
  }

  private inlineSCC(scc: Node[]): void {
    for (let i = 0; i < this.opts.maxIterations; i++) {
      if (this.opts.canonicalize) for (const n of scc) { canonicalizeIn(n.fn, this.ctx); this.sizes.delete(n); }
      for (const n of scc) this.uses.recompute(n);
      if (!this.inlineCallsIn(scc)) break;
    }
  }

  /** The calls in `blocks`, in the order MLIR's collectCallOps finds them (a stack of blocks). */
  private collectCalls(blocks: readonly Block[], source: Node, out: Call[], at?: Operation): void {
    const work = [...blocks];
    for (let b = work.pop(); b; b = work.pop()) for (const op of b.ops) {
      if (op.name === "func.call") { const target = this.cg.target(op, at); if (target) out.push({ call: op, source, target }); continue; }
      for (const r of op.regions) work.push(...r.blocks);
    }
  }

  /** One round over the SCC's calls; whether any was inlined. */
  private inlineCallsIn(scc: Node[]): boolean {
    const calls: Call[] = [], dead = new Set<Node>();
    for (const n of scc) { if (this.uses.isDead(n)) dead.add(n); else this.collectCalls(n.fn.regions[0].blocks, n, calls); }
    // Which inline brought each call in (an index into `history`, whose entries chain back).
    const history: Array<[Node, number | undefined]> = [], from: Array<number | undefined> = calls.map(() => undefined);
    const inHistory = (n: Node, h: number | undefined) => { for (; h !== undefined; h = history[h][1]) if (history[h][0] === n) return true; return false; };
    let any = false;
    for (let i = 0; i < calls.length; i++) {
      const c = calls[i];
      if (dead.has(c.source) || inHistory(c.target, from[i]) || !this.shouldInline(c)) continue;
      const inPlace = this.uses.hasOneUseAndDiscardable(c.target), before = calls.length;
      if (!this.inlineCall(c, calls)) continue;
      any = true;
      this.sizes.set(c.source, this.size(c.source) + this.size(c.target));
      history.push([c.target, from[i]]);
      for (let k = before; k < calls.length; k++) from.push(history.length - 1);
      this.uses.inlined(c.source, c.call, c.target);
      c.call.erase();
      if (inPlace) { this.uses.erase(c.target); dead.add(c.target); }
    }
    for (const n of dead) { if (scc.includes(n)) scc.splice(scc.indexOf(n), 1); this.deadNodes.add(n); }
    return any;
  }

  private size(n: Node): number {
    let k = this.sizes.get(n);
    if (k === undefined) { k = 0; n.fn.walk(() => { k!++; }); this.sizes.set(n, k); }
    return k;
  }

  private shouldInline({ call, source, target }: Call): boolean {
    if (target.edges.includes(target) || target.fn.isAncestorOf(call)) return false;
    if (this.size(source) + this.size(target) > MAX_FUNCTION_OPS) return false;
    const parent = call.parentOp!;
    const multiBlockOk = parent.name === target.fn.name || (!!this.ctx.registered(parent.name) && !this.ctx.hasTrait(parent, "SingleBlock"));
    return target.fn.regions[0].blocks.length < 2 || multiBlockOk;
  }

  /** Whether MLIR's inliner interfaces let `src` (the callee's body) go into `dest`. */
  private legal(src: Region, dest: Region): boolean {
    const destOp = dest.parent!;
    if (!this.ctx.registered(destOp.name) || !(INLINABLE.has(destOp.dialect) || destOp.dialect === "affine")) return false;
    // Into an affine loop: one block of ops without effects (MLIR also lets dims through).
    if (destOp.dialect === "affine" && (src.blocks.length > 1 || src.blocks[0].ops.some((o) => !effectFree(o, this.ctx) && o !== src.blocks[0].terminator))) return false;
    let ok = true;
    for (const b of src.blocks) for (const top of b.ops) top.walk((op) => {
      const allowed = this.ctx.registered(op.name) && (INLINABLE.has(op.dialect) || (op.dialect === "affine" && (destOp.name === "func.func" || affineLoop(destOp))));
      if (!allowed) ok = false;
      return ok;
    });
    return ok;
  }

  /** Inlines one call (not erased here), appending the calls its body brings; false where it may not. */
  private inlineCall(c: Call, calls: Call[]): boolean {
    const { call } = c, src = c.target.fn.regions[0], block = call.parent!;
    if (!this.legal(src, block.parent!)) return false;
    const body = src.clone(new Map()), blocks = [...body.blocks];
    this.collectCalls(blocks, c.source, calls, call); // (not yet in place: symbols are looked up from the call)
    if (blocks.length === 1) {
      const entry = blocks[0], ret = entry.terminator!;
      call.results.forEach((r, i) => r.replaceAllUsesWith(ret.operands[i]));
      ret.erase();
      entry.args.forEach((a, i) => a.replaceAllUsesWith(call.operands[i]));
      for (const op of [...entry.ops]) block.insertBefore(call, op);
      return true;
    }
    // Several blocks: the caller's block ends where the call was; the rest of it gets the results as arguments.
    const post = splitBlock(block, call), region = block.parent!;
    const at = region.blocks.indexOf(post);
    blocks.forEach((b, k) => region.insert(b, at + k));
    call.results.forEach((r) => r.replaceAllUsesWith(post.addArg(r.type, call.loc)));
    for (const b of blocks) if (b.terminator?.name === "func.return") yieldTo(b, post);
    mergeBlocks(blocks[0], block, call.operands);
    return true;
  }
}

/** `--inline`, with `max-iterations` and `default-pipeline` (canonicalize, or nothing) as MLIR's options. */
function inlinePass(opts: InlineOptions): Pass {
  return {
    name: "inline",
    description: "Inline function calls",
    run(module, ctx) { new Inliner(module, ctx, opts).run(); },
    configure(options) {
      const pipeline = options.get("default-pipeline")?.replace(/^builtin\.module\((.*)\)$|^func\.func\((.*)\)$/, "$1$2") ?? "canonicalize";
      if (pipeline !== "" && pipeline !== "canonicalize") throw new PassOptionError(`inline's default-pipeline may be canonicalize or empty here, not '${pipeline}'`);
      return inlinePass({ maxIterations: Number(options.get("max-iterations") ?? opts.maxIterations), canonicalize: pipeline === "canonicalize" });
    },
  };
}
export const inline = inlinePass(DEFAULTS);
