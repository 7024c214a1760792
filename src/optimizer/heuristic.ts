// HeuristicProposer: no model. Reads the target function's loop nests and proposes from a
// small cost model and an enumeration of the mutation schema: register-blocked SIMD
// micro-kernels (vectorize the contiguous loop, hoist the accumulator, unroll-and-jam for
// register blocking), outer-loop-vectorized conv kernels (vectorize the output columns around
// the short reduction loops, unroll those, block the outer loops), loop orders that make the
// innermost access contiguous, tiles fitted to the cache, unrolling of short loops. Proposals come ranked best-first; it needs no seed.
import { createContext } from "../dialects/index.js";
import type { Operation } from "../ir/core.js";
import { parseModule } from "../ir/parser.js";
import { affineFor, loopsOf, perfectBand, tripCount } from "./loops.js";
import { findFunction } from "./mutator.js";
import { parallelizeRefusal } from "./mutations/parallelize.js";
import { accessCoefficients, accessOf } from "./mutations/vectorize.js";
import type { Proposer, ProposalContext, ProposalResult } from "./proposer.js";
import type { Mutation, Proposal } from "./schema.js";

interface BandRoles { band: Operation[]; refs: string[]; reduction?: number; contiguous?: number; trips: number[] }

/** For a perfect band, which loop is a reduction (stores invariant in it) and which is contiguous. */
function bandRoles(band: Operation[], refOf: (op: Operation) => string): BandRoles {
  const ivs = band.map((l) => affineFor(l).iv);
  const inner = affineFor(band[band.length - 1]).body;
  const trips = band.map((l) => tripCount(affineFor(l)) ?? -1);
  let reduction: number | undefined, contiguous: number | undefined;
  for (const op of inner.ops) {
    const a = accessOf(op);
    if (!a || a.value === undefined) continue;
    ivs.forEach((iv, d) => {
      const cs = accessCoefficients(a, iv);
      if (cs.every((c) => c === 0)) reduction = d;
      if (cs[cs.length - 1] === 1 && cs.slice(0, -1).every((c) => c === 0)) contiguous = d;
    });
  }
  return { band, refs: band.map(refOf), reduction, contiguous, trips };
}

/** The first function argument the function never writes and that some read `picks`. */
function readOnlyOperand(fn: Operation, picks: (op: Operation, a: NonNullable<ReturnType<typeof accessOf>>) => boolean): number | undefined {
  const args = fn.body().args;
  const written = new Set<number>(), picked = new Set<number>();
  fn.walk((op) => {
    const a = accessOf(op);
    const i = a ? args.indexOf(a.memref as never) : -1;
    if (i < 0) return;
    if (a!.value !== undefined) written.add(i);
    else if (picks(op, a!)) picked.add(i);
  });
  return [...picked].find((i) => !written.has(i));
}

/**
 * In an i-j-k band, the read-only argument whose innermost index follows j and which k walks
 * down: B of C += A * B, the operand a vectorized kernel streams by rows.
 */
function streamedOperand(fn: Operation, band: Operation[]): number | undefined {
  const [, j, k] = band.map((l) => affineFor(l).iv);
  return readOnlyOperand(fn, (_, a) => {
    const cj = accessCoefficients(a, j), ck = accessCoefficients(a, k);
    return cj[cj.length - 1] === 1 && ck.some((c) => c !== 0);
  });
}

const prop = (name: string, mutations: Mutation[]): Proposal => ({ target_function: name, mutations });
const divides = (n: number, d: number) => n > 0 && n % d === 0;

/** The short constant-trip loops carrying iter_args nested one in another under `loop` (a conv's p, q). */
function reductionChain(loop: Operation): Operation[] {
  const chain: Operation[] = [];
  for (let body = loop.body(); ;) {
    const inner = body.ops.filter((o) => o.name === "affine.for");
    const f = inner.length === 1 ? affineFor(inner[0]) : undefined;
    const tc = f && tripCount(f);
    if (!f?.iterArgs.length || tc === undefined || tc > 16) return chain;
    chain.push(inner[0]);
    body = f.body;
  }
}

/** unroll_and_jam of loop `i` by `fi` and of `j` by `fj` (1: not at all): fi x fj register blocks. */
const registerBlock = (i: string, fi: number, j: string, fj: number): Mutation[] => [
  ...(fi > 1 ? [{ kind: "unroll_and_jam", loop: i, factor: fi } as Mutation] : []),
  ...(fj > 1 ? [{ kind: "unroll_and_jam", loop: j, factor: fj } as Mutation] : []),
];

/**
 * Conv-like nest: parallel loops (..., i, j) storing contiguously in j, around the short
 * reduction loops `chain` (p, q). Outer-loop vectorization of j widens the reductions'
 * accumulators. Best measured at 256x256 outputs, 3x3: every kernel loop unrolled, the
 * weights hoisted out of j and i, and i blocked by 4 (adjacent output rows share 2 of their 3
 * input rows' loads); 5x5: the innermost kernel loop unrolled with 2x2 blocks (four
 * accumulators in the p loop). Unrolling everything is limited to 64 copies.
 */
function convKernels(r: BandRoles, chain: Operation[], refOf: (op: Operation) => string): Mutation[][] {
  const n = r.band.length, tj = r.trips[n - 1], ti = n > 1 ? r.trips[n - 2] : 0;
  const [I, J] = [r.refs[n - 2], r.refs[n - 1]];
  // Innermost first, so the refs of the loops still to unroll stay valid.
  const unrollFrom = (k: number): Mutation[] => chain.slice(k).reverse().map((l) => ({ kind: "unroll", loop: refOf(l), factor: 0 }));
  const fits = ([fi, fj]: number[]) => (fi === 1 || divides(ti, fi)) && divides(tj, 4 * fj);
  const vec: Mutation = { kind: "vectorize", loop: J, width: 4 };
  const partial = [[2, 2], [4, 2], [4, 1]].filter(fits).map(([fi, fj]) => [vec, ...unrollFrom(1), ...registerBlock(I, fi, J, fj)]);
  const weights = chain.reduce((a, l) => a * tripCount(affineFor(l))!, 1);
  if (weights > 64) return partial.length ? partial : [[vec, ...unrollFrom(1)]];
  // Every kernel loop unrolled: the weights no longer depend on a loop and move out of j and i.
  const hoisted = [vec, ...unrollFrom(0), { kind: "hoist", loop: J }, ...(I ? [{ kind: "hoist", loop: I } as Mutation] : [])] as Mutation[];
  const full = [[4, 1], [8, 1], [1, 4]].filter(fits).map(([fi, fj]) => [...hoisted, ...registerBlock(I, fi, J, fj)]);
  // Past 16 weights (5x5) the hoisted broadcasts no longer fit the 16 SIMD registers.
  const [first, second] = weights <= 16 ? [full, partial] : [partial, full];
  return [...first.slice(0, 1), ...second.slice(0, 1), ...first.slice(1, 2), ...second.slice(1, 2), ...first.slice(2), ...second.slice(2), hoisted];
}

/**
 * The loop to split across threads: the outermost loop around the register-blocked
 * micro-kernel that the parallelize mutation accepts. The kernel is a loop carrying 2+
 * accumulators (a matmul's k loop, a partially unrolled conv's p loop) or, failing that, one
 * storing 2+ vectors per iteration (a conv's column loop once its kernel loops are unrolled
 * away); accumulators first, so a matmul keeps its target.
 */
function parallelTarget(loops: Operation[]): Operation | undefined {
  const fors = loops.filter((l) => l.name === "affine.for");
  const kernel = fors.find((l) => affineFor(l).iterArgs.length >= 2)
    ?? fors.find((l) => l.body().ops.filter((o) => o.name === "vector.store").length >= 2);
  if (!kernel) return undefined;
  const chain: Operation[] = [];
  for (let p = kernel.parentOp; p; p = p.parentOp) if (p.name === "affine.for") chain.unshift(p);
  return chain.find((l) => parallelizeRefusal(l) === undefined);
}

/**
 * Proposals for one state of the function, best first. `threads` > 1: the engine runs loops
 * marked parallel on that many threads, so splitting the micro-kernel's outer loop is proposed.
 */
export function heuristicProposals(fn: Operation, name: string, applied: readonly Proposal[], threads = 1): Proposal[] {
  const loops = loopsOf(fn);
  const refOf = (op: Operation) => `L${loops.indexOf(op)}`;
  // Micro-kernel bundles of every matmul-like band first, the band with the most work first;
  // single steps after them: in a function with several nests (a lowered tensor program's fill
  // loops, two matmuls), a fill loop's unroll would otherwise crowd out the second matmul's kernel.
  const kernelProps: { work: number; p: Proposal }[] = [];
  const out: Proposal[] = [];
  const done = new Set(applied.flatMap((p) => ("mutations" in p ? p.mutations.map((m) => m.kind) : [])));
  for (const outer of loops) {
    if (outer.name !== "affine.for" || (outer.parentOp && loops.includes(outer.parentOp))) continue;
    const band = perfectBand(outer).filter((l) => l.name === "affine.for");
    const r = bandRoles(band, refOf);
    const [L] = [r.refs];
    const work = r.trips.reduce((a, t) => a * Math.max(t, 1), 1);
    const bundle = (ms: Mutation[]) => kernelProps.push({ work, p: prop(name, ms) });
    if (band.length === 3 && r.reduction === 2 && r.contiguous === 1 && affineFor(band[1]).step === 1) {
      // Matmul-like i-j-k: an f32x4 micro-kernel of fi rows x 4*fj columns held in registers
      // (vectorize j, keep the accumulators in the k-loop, unroll-and-jam i and j). Packed
      // variants first: j outermost and the streamed operand's k x 4*fj panel copied contiguous,
      // which keeps every size on unit-stride streams (2x16 packed is the fastest kernel
      // measured here; 16 accumulators would spill the 16 SIMD registers).
      const [ti, tj] = r.trips;
      const streamed = streamedOperand(fn, band);
      const kernels = [[2, 4], [4, 2], [2, 2], [4, 1], [8, 1], [2, 1]].filter(([fi, fj]) => divides(ti, fi) && divides(tj, 4 * fj));
      // `at` renames the band's loops (they shift by one once k is tiled).
      const kernel = (fi: number, fj: number, at = (l: string) => l): Mutation[] => [
        { kind: "vectorize", loop: at(L[1]), width: 4 }, { kind: "hoist", loop: at(L[2]) }, ...registerBlock(at(L[0]), fi, at(L[1]), fj),
      ];
      if (streamed !== undefined) {
        for (const [fi, fj] of kernels.slice(0, 2)) {
          bundle([...kernel(fi, fj), { kind: "interchange", loops: [L[0], L[1]], permutation: [1, 0] }, { kind: "pack", operand: streamed, loop: L[1] }]);
        }
        // Long k: split it in blocks of KC = 256 so the packed panel (256 x 16 floats, 16 KiB)
        // stays in L1 and the A block the panel meets in L2. Loops j, kk, i, k (BLIS's order).
        const tk = r.trips[2], [fi, fj] = kernels[0] ?? [];
        if (tk >= 512 && divides(tk, 256) && fi) {
          const t = (l: string) => `L${Number(l.slice(1)) + 1}`;
          bundle([
            { kind: "tile", loops: [L[2]], sizes: [256] }, { kind: "interchange", loops: L, permutation: [2, 0, 1] },
            ...kernel(fi, fj, t),
            { kind: "interchange", loops: L, permutation: [2, 0, 1] }, { kind: "pack", operand: streamed, loop: t(L[1]) },
          ]);
        }
      }
      for (const [fi, fj] of kernels) bundle(kernel(fi, fj));
      bundle([{ kind: "interchange", loops: L, permutation: [0, 2, 1] }, { kind: "vectorize", loop: L[2], width: 4 }]);
      bundle([{ kind: "interchange", loops: L, permutation: [0, 2, 1] }]);
    }
    const innermost = band[band.length - 1];
    const f = affineFor(innermost);
    const tc = tripCount(f);
    const chain = reductionChain(innermost);
    if (chain.length && r.contiguous === band.length - 1 && f.step === 1 && divides(tc ?? 0, 4)) {
      for (const ms of convKernels(r, chain, refOf)) bundle(ms);
    }
    // Generic single steps on any band.
    if (r.contiguous === band.length - 1 && f.step === 1 && tc !== undefined && tc % 4 === 0 && !done.has("vectorize")) {
      out.push(prop(name, [{ kind: "vectorize", loop: refOf(innermost), width: 4 }]));
    }
    if (r.reduction === band.length - 1) out.push(prop(name, [{ kind: "hoist", loop: refOf(innermost) }]));
    if (band.length >= 2) {
      const sizes = r.trips.map((t) => (t >= 128 ? 64 : t >= 32 ? 16 : 0));
      if (sizes.every((s, d) => s > 0 && divides(r.trips[d], s)) && !done.has("tile")) out.push(prop(name, [{ kind: "tile", loops: L, sizes }]));
    }
    if (tc !== undefined && tc <= 16 && tc > 1) out.push(prop(name, [{ kind: "unroll", loop: refOf(innermost), factor: 0 }]));
    else if (tc !== undefined && tc % 4 === 0) out.push(prop(name, [{ kind: "unroll", loop: refOf(innermost), factor: 4 }]));
  }
  out.unshift(...kernelProps.sort((a, b) => b.work - a.work).map((k) => k.p)); // stable: a band's own order stays
  if (threads > 1 && !done.has("parallelize")) {
    const target = parallelTarget(loops);
    if (target) out.unshift(prop(name, [{ kind: "parallelize", loop: refOf(target) }]));
  }
  // On a register-blocked micro-kernel (i-j-k with vector accumulators in the k-loop): for
  // matrices past the L2 cache, make j outermost and pack the B panel the kernel streams.
  for (const l of loops) {
    if (l.name !== "affine.for" || l.parentOp?.name === "affine.for") continue;
    const inner = l.body().ops.find((o) => o.name === "affine.for");
    const k = inner?.body().ops.find((o) => o.name === "affine.for");
    if (!inner || !k || affineFor(k).iterArgs.length < 2 || done.has("pack")) continue;
    const trips = [tripCount(affineFor(l)) ?? 0, tripCount(affineFor(k)) ?? 0];
    if (Math.max(...trips) < 512) continue;
    // The operand the kernel streams as vectors and never writes (B of a matmul).
    const operand = readOnlyOperand(fn, (op) => op.name === "vector.load" && k.isAncestorOf(op));
    if (operand === undefined) continue;
    out.unshift(prop(name, [{ kind: "interchange", loops: [refOf(l), refOf(inner)], permutation: [1, 0] }, { kind: "pack", operand, loop: refOf(inner) }]));
  }
  // Further register blocking on an already vectorized micro-kernel.
  for (const l of loops) {
    if (l.name !== "affine.for") continue;
    const f = affineFor(l);
    const tc = tripCount(f);
    if (tc !== undefined && tc >= 8 && tc % 2 === 0 && f.iterArgs.length === 0 && l.body().ops.some((o) => o.name === "affine.for")) {
      out.push(prop(name, [{ kind: "unroll_and_jam", loop: refOf(l), factor: 2 }]));
    }
  }
  const seen = new Set<string>();
  return out.filter((p) => { const k = JSON.stringify(p); if (seen.has(k)) return false; seen.add(k); return true; });
}

export class HeuristicProposer implements Proposer {
  readonly name = "heuristic";
  /** `threads`: how many threads the engine and sandbox run parallel loops on (default 1). */
  constructor(readonly options: { threads?: number } = {}) {}
  async propose(ctx: ProposalContext): Promise<ProposalResult[]> {
    const c = createContext();
    let fn: Operation | undefined;
    try { fn = findFunction(parseModule(ctx.moduleText, "<heuristic>", c), ctx.functionName); } catch { return []; }
    if (!fn) return [];
    return heuristicProposals(fn, ctx.functionName, ctx.applied, this.options.threads ?? 1).slice(0, Math.max(ctx.count, 1)).map((proposal) => ({ proposal }));
  }
}
