// parallelize {loop}: marks an independent affine.for `tensorlang.parallel`; on an Engine with
// two threads the marked loop is split across threads and the program prints exactly what it
// prints on one thread; loops that cannot be parallelized are rejected with a reason.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { heuristicProposals } from "../../src/optimizer/heuristic.js";
import { findFunction, mutate, raisedStart } from "../../src/optimizer/mutator.js";
import { evaluateCandidate } from "../../src/optimizer/sandbox.js";
import type { Mutation, Proposal } from "../../src/optimizer/schema.js";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { Engine } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";
import { maskOutput, mlirRunStandard, mlirSkip, readExample } from "../support/mlir.js";

await Engine.loadCompiler();

const MATMUL = readFileSync(new URL("../../../examples/matmul_loops.mlir", import.meta.url), "utf8");
const KERNEL: Mutation[] = [
  { kind: "vectorize", loop: "L1", width: 4 }, { kind: "hoist", loop: "L2" },
  { kind: "unroll_and_jam", loop: "L0", factor: 4 }, { kind: "unroll_and_jam", loop: "L1", factor: 2 },
];

function apply(text: string, fn: string, mutations: Mutation[]): string {
  const r = mutate(text, { target_function: fn, mutations });
  if (!r.ok) assert.fail(`${r.verdict}: ${r.reason}`);
  return r.moduleText;
}

/** examples/conv2d.mlir (8x8 outputs, printed) with @conv2d's scf loops raised, as the search starts. */
const CONV = raisedStart(readExample("conv2d.mlir"), "conv2d");

function interpret(text: string): string {
  const ctx = createCapturingContext({});
  new Engine({ engine: "interp", ctx }).load(text, "interp.mlir").runMain("main");
  return maskOutput(ctx.output());
}

async function run(text: string, threads: number, calls = 2): Promise<string> {
  const ctx = createCapturingContext({ heapOptions: { shared: threads > 1 } });
  const e = new Engine({ ctx, threads }).load(text, "par.mlir");
  assert.equal(await e.threadsReady(), true);
  try {
    for (let i = 0; i < calls; i++) e.call("main", []);
  } finally { await e.dispose(); }
  return maskOutput(ctx.output());
}

/** A small program whose @k holds the loop under test. */
const prog = (body: string, extra = "") => `module {
  func.func private @rtclock() -> f64
  ${extra}
  func.func @k(%A: memref<64xf32>, %s: f32) {
${body}
    return
  }
  func.func @main() { return }
}`;

describe("parallelize", () => {
  it("marks the loop with a discardable attribute that survives printing and parsing", () => {
    const text = apply(MATMUL, "matmul", [{ kind: "parallelize", loop: "L0" }]);
    assert.match(text, /\} \{tensorlang\.parallel\}/);
    const fn = findFunction(parseModule(text, "<t>", createContext()), "matmul")!;
    let marked = 0;
    fn.walk((op) => { if (op.attributes.has("tensorlang.parallel")) marked++; });
    assert.equal(marked, 1);
  });

  it("the marked program is valid MLIR: mlir-cpu-runner-19 prints what 2 threads print", { skip: mlirSkip() }, async () => {
    const text = apply(MATMUL, "matmul", [{ kind: "tile", loops: ["L0", "L1", "L2"], sizes: [64, 64, 64] }, { kind: "parallelize", loop: "L0" }]);
    assert.equal(await run(text, 2, 1), mlirRunStandard(text));
  });

  it("the naive matmul with its outer loop parallel prints the same checksum on 1 and 2 threads", async () => {
    const text = apply(MATMUL, "matmul", [{ kind: "parallelize", loop: "L0" }]);
    const one = await run(MATMUL, 1, 1), two = await run(text, 2, 1);
    assert.match(one, /checksum: /);
    assert.equal(two, one);
  });

  it("the register-blocked SIMD micro-kernel, parallel over rows, matches on 2 threads", async () => {
    const kernel = apply(MATMUL, "matmul", KERNEL);
    const par = apply(kernel, "matmul", [{ kind: "parallelize", loop: "L0" }]);
    const one = await run(kernel, 1), two = await run(par, 2), serial = await run(par, 1);
    assert.equal(two, one);
    assert.equal(serial, one);
  });

  it("a tiled loop nest parallel over the tile loop matches (point loops depend on the tile index)", async () => {
    const tiled = apply(MATMUL, "matmul", [{ kind: "tile", loops: ["L0", "L1", "L2"], sizes: [64, 64, 64] }]);
    const par = apply(tiled, "matmul", [{ kind: "parallelize", loop: "L0" }]);
    assert.equal(await run(par, 2, 1), await run(MATMUL, 1, 1));
  });

  const PACKED: Mutation[] = [
    { kind: "vectorize", loop: "L1", width: 4 }, { kind: "hoist", loop: "L2" },
    { kind: "unroll_and_jam", loop: "L0", factor: 2 }, { kind: "unroll_and_jam", loop: "L1", factor: 4 },
    { kind: "interchange", loops: ["L0", "L1"], permutation: [1, 0] }, { kind: "pack", operand: 1, loop: "L1" },
  ];

  it("the panel loop of a packed kernel is parallel with one scratch panel per iteration, and matches on 2 threads", async () => {
    const packed = apply(MATMUL, "matmul", PACKED);
    assert.match(packed, /memref\.alloc\(\) \{alignment = 64 : i64\} : memref<256x16xf32>/);
    const par = apply(packed, "matmul", [{ kind: "parallelize", loop: "L0" }]);
    // 256 / 16 panel iterations, each with its own 256x16 panel, indexed by the iteration number.
    assert.match(par, /memref\.alloc\(\) \{alignment = 64 : i64\} : memref<16x256x16xf32>/);
    assert.match(par, /affine_map<\(d0\) -> \(d0 floordiv 16\)>/);
    assert.doesNotMatch(par, /memref<256x16xf32>/);
    const one = await run(MATMUL, 1, 1);
    assert.equal(await run(par, 2, 1), one);
    assert.equal(await run(par, 1, 1), one);
  });

  it("scratch is not privatized when an iteration may read it before writing all of it, or when it escapes the loop", () => {
    // Reads before the store: iterations communicate through the buffer.
    rejects(prog(`    %t = memref.alloc() : memref<4xf32>
    %c0 = arith.constant 0 : index
    affine.for %i = 0 to 64 {
      %old = memref.load %t[%c0] : memref<4xf32>
      affine.store %old, %A[%i] : memref<64xf32>
      %v = affine.load %A[%i] : memref<64xf32>
      memref.store %v, %t[%c0] : memref<4xf32>
    }
    memref.dealloc %t : memref<4xf32>`), "L0", /same location in every iteration/);
    // Writes t[0] first but reads t[1], which only the previous iteration wrote (A[i] = i - 1):
    // a private slice per iteration would read what no iteration wrote.
    rejects(prog(`    %t = memref.alloc() : memref<4xf32>
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    affine.for %i = 0 to 64 {
      memref.store %s, %t[%c0] : memref<4xf32>
      %old = memref.load %t[%c1] : memref<4xf32>
      affine.store %old, %A[%i] : memref<64xf32>
      %v = affine.load %A[%i] : memref<64xf32>
      memref.store %v, %t[%c1] : memref<4xf32>
    }
    memref.dealloc %t : memref<4xf32>`), "L0", /same location in every iteration/);
    // Read after the loop: the last iteration's value is observable.
    rejects(prog(`    %t = memref.alloc() : memref<4xf32>
    %c0 = arith.constant 0 : index
    affine.for %i = 0 to 64 {
      %v = affine.load %A[%i] : memref<64xf32>
      memref.store %v, %t[%c0] : memref<4xf32>
    }
    %last = memref.load %t[%c0] : memref<4xf32>
    affine.store %last, %A[0] : memref<64xf32>
    memref.dealloc %t : memref<4xf32>`), "L0", /same location in every iteration/);
  });

  // A[i] = i for the lower half, i / d for the upper half. The lower half also spins (a hash
  // loop that leaves A alone) so the calling thread, which takes the front of the range, is
  // still there when the helper, which takes the back, runs the upper half.
  const DIV = `module {
  func.func @k(%A: memref<64xi32>, %d: i32) {
    affine.for %i = 0 to 64 {
      %ii = arith.index_cast %i : index to i32
      %c32 = arith.constant 32 : i32
      %one = arith.constant 1 : i32
      %low = arith.cmpi slt, %ii, %c32 : i32
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %spins = arith.constant 300000 : index
      %n = arith.select %low, %spins, %c0 : index
      %h = scf.for %t = %c0 to %n step %c1 iter_args(%x = %ii) -> (i32) {
        %m = arith.constant 1103515245 : i32
        %y = arith.muli %x, %m : i32
        %z = arith.addi %y, %one : i32
        scf.yield %z : i32
      }
      %c7 = arith.constant 7 : i32
      %never = arith.cmpi eq, %h, %c7 : i32
      %bump = arith.extui %never : i1 to i32
      %den = arith.select %low, %one, %d : i32
      %q0 = arith.divsi %ii, %den : i32
      %q = arith.addi %q0, %bump : i32
      affine.store %q, %A[%i] : memref<64xi32>
    }
    return
  }
}`;
  const divSplitTrap = (err: unknown) => err instanceof Error && /divide by zero \(in parallel helper thread 1\)/.test(err.message);

  it("lowers to scf.parallel and really splits the range: the helper runs the upper half, and its trap is reported as its own", async () => {
    const text = apply(DIV, "k", [{ kind: "parallelize", loop: "L0" }]);
    const ctx = createCapturingContext({ heapOptions: { shared: true } });
    const e = new Engine({ ctx, threads: 2 });
    const lowered = e.prepare(e.parse(text, "k.mlir"));
    let kinds = "";
    lowered.walk((op) => { if (op.name.endsWith(".for") || op.name.endsWith(".parallel")) kinds += op.name + " "; });
    assert.equal(kinds.trim(), "scf.parallel scf.for"); // the spin loop stays inside
    e.load(text, "k.mlir");
    assert.equal(await e.threadsReady(), true);
    const p = e.ctx.heap.malloc(64 * 4, 16);
    const A = { allocated: p, aligned: p, offset: 0, sizes: [64], strides: [1] };
    try {
      e.call("k", [A, 2]);
      assert.deepEqual([...new Int32Array(e.ctx.heap.memory.buffer, p, 64)], Array.from({ length: 64 }, (_, i) => (i < 32 ? i : Math.trunc(i / 2))));
      const [caller, helper] = e.parallelIterations!;
      assert.equal(caller + helper, 64);
      assert.ok(helper >= 32 && caller > 0, `iterations per thread: ${caller}, ${helper}`);
      assert.throws(() => e.call("k", [A, 0]), divSplitTrap);
    } finally { await e.dispose(); }
  });

  it("a parallelized version hot-swapped into a running engine splits across the helpers", async () => {
    const ctx = createCapturingContext({ heapOptions: { shared: true } });
    const e = new Engine({ ctx, threads: 2 }).load(DIV, "k.mlir");
    assert.equal(await e.threadsReady(), true);
    const p = e.ctx.heap.malloc(64 * 4, 16);
    const A = { allocated: p, aligned: p, offset: 0, sizes: [64], strides: [1] };
    try {
      // Serial: the trap comes from the calling thread.
      assert.throws(() => e.call("k", [A, 0]), (err: unknown) => err instanceof Error && /divide by zero/.test(err.message) && !divSplitTrap(err));
      e.swap("k", e.compile(apply(DIV, "k", [{ kind: "parallelize", loop: "L0" }]), { only: ["k"] }));
      e.call("k", [A, 4]);
      assert.equal(new Int32Array(e.ctx.heap.memory.buffer, p, 64)[63], 15);
      assert.throws(() => e.call("k", [A, 0]), divSplitTrap);
    } finally { await e.dispose(); }
  });

  const rejects = (text: string, loop: string, why: RegExp) => {
    const r = mutate(text, { target_function: "k", mutations: [{ kind: "parallelize", loop }] });
    assert.equal(r.ok, false);
    if (!r.ok) { assert.equal(r.verdict, "rejected"); assert.match(r.reason, why); }
  };

  it("rejects loops with iter_args", () => {
    rejects(prog(`    %z = arith.constant 0.0 : f32
    %r = affine.for %i = 0 to 64 iter_args(%a = %z) -> (f32) {
      %v = affine.load %A[%i] : memref<64xf32>
      %n = arith.addf %a, %v : f32
      affine.yield %n : f32
    }
    affine.store %r, %A[0] : memref<64xf32>`), "L0", /iter_args/);
  });

  it("rejects host calls, allocations and stores to one location in every iteration", () => {
    rejects(prog(`    affine.for %i = 0 to 64 {
      %t = func.call @rtclock() : () -> f64
      %f = arith.truncf %t : f64 to f32
      affine.store %f, %A[%i] : memref<64xf32>
    }`), "L0", /host function @rtclock/);
    rejects(prog(`    affine.for %i = 0 to 64 {
      %t = func.call @helper() : () -> f32
      affine.store %t, %A[%i] : memref<64xf32>
    }`, `func.func @helper() -> f32 {
    %t = func.call @rtclock() : () -> f64
    %f = arith.truncf %t : f64 to f32
    return %f : f32
  }`), "L0", /host function @rtclock/);
    rejects(prog(`    affine.for %i = 0 to 64 {
      %b = memref.alloc() : memref<4xf32>
      memref.dealloc %b : memref<4xf32>
    }`), "L0", /allocates memory/);
    rejects(prog(`    affine.for %i = 0 to 64 {
      affine.store %s, %A[0] : memref<64xf32>
    }`), "L0", /same location in every iteration/);
    // Writes the check cannot place, and output, are refused rather than raced.
    rejects(prog(`    %c0 = arith.constant 0 : index
    affine.for %i = 0 to 64 {
      %v = vector.broadcast %s : f32 to vector<4xf32>
      vector.transfer_write %v, %A[%c0] : vector<4xf32>, memref<64xf32>
    }`), "L0", /vector\.transfer_write, whose effects the race check does not model/);
    rejects(prog(`    affine.for %i = 0 to 64 {
      vector.print %s : f32
    }`), "L0", /vector\.print, whose effects/);
  });

  /** `body` as @k(%A: <type>, %s: f32), returning its rejection reason (undefined when accepted). */
  const refusal = (body: string, type = "memref<64xf32>", extra = "") => {
    const text = `module {\n  ${extra}\n  func.func @k(%A: ${type}, %s: f32) {\n${body}\n    return\n  }\n}`;
    const r = mutate(text, { target_function: "k", mutations: [{ kind: "parallelize", loop: "L0" }] });
    if (!r.ok) assert.equal(r.verdict, "rejected", r.reason);
    return r.ok ? undefined : r.reason;
  };

  it("rejects dependences carried between iterations: A[i + 1] = A[i] + s, A[i floordiv 2], a view whose start moves against the index", () => {
    // Iteration i + 1 reads what iteration i wrote.
    assert.match(refusal(`    affine.for %i = 0 to 63 {
      %v = affine.load %A[%i] : memref<64xf32>
      %w = arith.addf %v, %s : f32
      affine.store %w, %A[%i + 1] : memref<64xf32>
    }`) ?? "accepted", /a store \(affine\.store\) and a load \(affine\.load\) may reach one element of argument #0 in two different iterations/);
    // Iterations 2m and 2m + 1 write one element.
    assert.match(refusal(`    affine.for %i = 0 to 64 {
      affine.store %s, %A[%i floordiv 2] : memref<64xf32>
    }`) ?? "accepted", /a store \(affine\.store\) reaches argument #0 at an address the race check cannot follow/);
    // The view starts at 8 - i and is written at [i]: element 8 in every iteration.
    assert.match(refusal(`    affine.for %i = 0 to 8 {
      %o = affine.apply affine_map<(d0) -> (8 - d0)>(%i)
      %v = memref.subview %A[%o] [8] [1] : memref<64xf32> to memref<8xf32, strided<[1], offset: ?>>
      memref.store %s, %v[%i] : memref<8xf32, strided<[1], offset: ?>>
    }`) ?? "accepted", /a store \(memref\.store\) writes the same location in every iteration \(of argument #0\)/);
    // A call whose callee writes a global: every iteration writes its one element.
    assert.match(refusal(`    affine.for %i = 0 to 8 {
      func.call @bump(%s) : (f32) -> ()
    }`, "memref<64xf32>", `memref.global "private" @g : memref<4xf32> = dense<0.0>
  func.func @bump(%x: f32) {
    %c0 = arith.constant 0 : index
    %g = memref.get_global @g : memref<4xf32>
    memref.store %x, %g[%c0] : memref<4xf32>
    return
  }`) ?? "accepted", /func\.call may write global @g where the race check cannot place it/);
  });

  it("accepts what each iteration owns: a row through a rank-reducing subview at %i, step-apart tiles, reads of one buffer at two subscripts", () => {
    const rows = `    affine.for %i = 0 to 64 {
      %r = memref.subview %A[%i, 0] [1, 64] [1, 1] : memref<64x64xf32> to memref<64xf32, strided<[1], offset: ?>>
      affine.for %j = 0 to 64 {
        %v = memref.load %r[%j] : memref<64xf32, strided<[1], offset: ?>>
        %w = arith.addf %v, %s : f32
        memref.store %w, %r[%j] : memref<64xf32, strided<[1], offset: ?>>
      }
    }`;
    assert.equal(refusal(rows, "memref<64x64xf32>"), undefined);
    // Step 2: iteration i writes elements i and i + 1, the next one i + 2 and i + 3.
    assert.equal(refusal(`    affine.for %i = 0 to 64 step 2 {
      affine.store %s, %A[%i] : memref<64xf32>
      affine.store %s, %A[%i + 1] : memref<64xf32>
    }`), undefined);
    // ... but with step 1 the second store is the next iteration's first.
    assert.match(refusal(`    affine.for %i = 0 to 63 {
      affine.store %s, %A[%i] : memref<64xf32>
      affine.store %s, %A[%i + 1] : memref<64xf32>
    }`) ?? "accepted", /two different iterations/);
    // B is only read: its two subscripts conflict with nothing.
    assert.equal(refusal(`    affine.for %i = 0 to 32 {
      %a = affine.load %B[%i] : memref<64xf32>
      %b = affine.load %B[%i + 1] : memref<64xf32>
      %c = arith.addf %a, %b : f32
      affine.store %c, %A[%i] : memref<64xf32>
    }`, "memref<64xf32>, %B: memref<64xf32>"), undefined);
    // The naive matmul over rows (C[i, j] written, A[i, k] and B[k, j] read) and over columns.
    for (const loop of ["L0", "L1"]) assert.ok(mutate(MATMUL, { target_function: "matmul", mutations: [{ kind: "parallelize", loop }] }).ok, loop);
  });

  it("fuzz: whenever parallelize accepts a random loop over A (step 1 or 2), the interpreter leaves the same A running its iterations backwards", () => {
    let seed = 12345;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor((seed / 2147483648) * n); };
    // Subscripts into A (64 elements) for i in [0, 32), all in bounds; the views are 8 wide. (With
    // step 2, A[i] and A[i + 1] are independent.)
    const forms = ["%i", "%i + 1", "%i floordiv 2", "63 - %i", "5", "view (d0) -> (d0)", "view (d0) -> (40 - d0)"];
    const gen = () => {
      const lines: string[] = [];
      const access = (at: string, n: number, value?: string) => {
        if (!at.startsWith("view")) return value ? `affine.store ${value}, %A[${at}] : memref<64xf32>` : `affine.load %A[${at}] : memref<64xf32>`;
        const t = "memref<8xf32, strided<[1], offset: ?>>";
        lines.push(`%o${n} = affine.apply affine_map<${at.slice(5)}>(%i)`, `%v${n} = memref.subview %A[%o${n}] [8] [1] : memref<64xf32> to ${t}`, `%c${n} = arith.constant ${rand(8)} : index`);
        return value ? `memref.store ${value}, %v${n}[%c${n}] : ${t}` : `memref.load %v${n}[%c${n}] : ${t}`;
      };
      for (let n = 0, count = 1 + rand(2); n < count; n++) {
        const to = forms[rand(forms.length)];
        if (rand(3)) { // A[to] = 2 * A[from] + s; else A[to] = i
          const load = access(forms[rand(forms.length)], 10 * n + 1);
          lines.push(`%x${n} = ${load}`, `%y${n} = arith.mulf %x${n}, %two : f32`, `%z${n} = arith.addf %y${n}, %s : f32`);
        } else lines.push(`%ii${n} = arith.index_cast %i : index to i32`, `%z${n} = arith.sitofp %ii${n} : i32 to f32`);
        lines.push(access(to, 10 * n + 2, `%z${n}`));
      }
      return { body: lines.map((l) => `      ${l}`).join("\n"), step: 1 + rand(2) };
    };
    const program = ({ body, step }: { body: string; step: number }, backwards: boolean) => `module {
  func.func private @printMemrefF32(memref<*xf32>)
  func.func @k(%A: memref<64xf32>, %s: f32) {
    %two = arith.constant 2.0 : f32
    affine.for %${backwards ? "t" : "i"} = 0 to 32 step ${step} {
${backwards ? `      %i = affine.apply affine_map<(d0) -> (${32 - step} - d0)>(%t)\n` : ""}${body}
    }
    return
  }
  func.func @main() {
    %A = memref.alloc() : memref<64xf32>
    affine.for %j = 0 to 64 {
      %jj = arith.index_cast %j : index to i32
      %f = arith.sitofp %jj : i32 to f32
      affine.store %f, %A[%j] : memref<64xf32>
    }
    %s = arith.constant 0.5 : f32
    call @k(%A, %s) : (memref<64xf32>, f32) -> ()
    %u = memref.cast %A : memref<64xf32> to memref<*xf32>
    call @printMemrefF32(%u) : (memref<*xf32>) -> ()
    memref.dealloc %A : memref<64xf32>
    return
  }
}`;
    let accepted = 0, refused = 0, orderMatters = 0;
    for (let p = 0; p < 300; p++) {
      const body = gen();
      const forward = interpret(program(body, false)), backward = interpret(program(body, true));
      if (forward !== backward) orderMatters++;
      const r = mutate(program(body, false), { target_function: "k", mutations: [{ kind: "parallelize", loop: "L0" }] });
      if (!r.ok) { refused++; continue; }
      accepted++;
      assert.equal(backward, forward, `parallelize accepted a loop whose iterations depend on each other (step ${body.step}):\n${body.body}`);
    }
    // (Not vacuous: both verdicts occur, and order matters for some of the generated loops.)
    assert.ok(accepted > 30 && refused > 30 && orderMatters > 30, `${accepted} accepted, ${refused} refused, ${orderMatters} order-dependent`);
  });

  it("rejects nested parallel loops and unknown loops", () => {
    const twice = apply(MATMUL, "matmul", [{ kind: "parallelize", loop: "L1" }]);
    const r = mutate(twice, { target_function: "matmul", mutations: [{ kind: "parallelize", loop: "L0" }] });
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /nested loop is already parallel/);
    const r2 = mutate(MATMUL, { target_function: "matmul", mutations: [{ kind: "parallelize", loop: "L9" }] });
    assert.equal(r2.ok, false);
  });

  const proposalsFor = (text: string, fn: string, applied: Proposal[], threads: number) =>
    heuristicProposals(findFunction(parseModule(text, "<t>", createContext()), fn)!, fn, applied, threads);

  it("on every register-blocked conv kernel the heuristic proposes the output-row loop parallel first, with threads > 1 only", () => {
    const kernels = proposalsFor(CONV, "conv2d", [], 1).filter((p) => "mutations" in p && p.mutations.some((m) => m.kind === "unroll_and_jam"));
    // Fully unrolled 3x3 (4 and 8 rows: vectors stored per iteration) and partially unrolled (accumulators in p).
    assert.ok(kernels.length >= 3, `${kernels.length} blocked kernels`);
    for (const k of kernels) {
      const r = mutate(CONV, k);
      assert.ok(r.ok);
      assert.deepEqual(proposalsFor(r.moduleText, "conv2d", [k], 2)[0], { target_function: "conv2d", mutations: [{ kind: "parallelize", loop: "L0" }] }, JSON.stringify(k));
      assert.ok(proposalsFor(r.moduleText, "conv2d", [k], 1).every((p) => !("mutations" in p) || p.mutations.every((m) => m.kind !== "parallelize")));
    }
  });

  it("the conv kernel parallel over output rows prints what the interpreter prints for the original, on 1 and 2 threads", async () => {
    const [first] = proposalsFor(CONV, "conv2d", [], 1);
    const kernel = apply(CONV, "conv2d", "mutations" in first ? first.mutations : []);
    const par = apply(kernel, "conv2d", [{ kind: "parallelize", loop: "L0" }]);
    assert.match(par, /affine\.for %\w+ = 0 to 8 step 4 \{[^]*\} \{tensorlang\.parallel\}/);
    const want = interpret(CONV);
    assert.match(want, /Unranked Memref[^]*conv2d checksum/);
    assert.equal(await run(par, 2, 1), want);
    assert.equal(await run(par, 1, 1), want);
  });

  it("the heuristic proposes parallelizing the micro-kernel's outer loop, and the sandbox on 2 threads accepts it as correct", async () => {
    const kernel = apply(MATMUL, "matmul", KERNEL);
    const fn = findFunction(parseModule(kernel, "<k>", createContext()), "matmul")!;
    const ps = heuristicProposals(fn, "matmul", [{ target_function: "matmul", mutations: KERNEL }], 2);
    const p = ps.find((x) => "mutations" in x && x.mutations.some((m) => m.kind === "parallelize"));
    assert.ok(p, "a parallelize proposal");
    const r = mutate(kernel, p);
    assert.ok(r.ok);
    const v = await evaluateCandidate(kernel, r.moduleText, "matmul", { threads: 2, timingRuns: 1, randomCases: 1 });
    assert.ok(v.verdict === "accepted" || v.verdict === "slower", `${v.verdict}: ${v.reason}`);
  });
});
