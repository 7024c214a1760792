// scf.parallel across threads: same results as one thread, traps in helpers, hot swap.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Engine, TensorLangRuntimeError } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";
import { REDUCTIONS_MAIN, program } from "../backend/wasm/helpers.js";

await Engine.loadCompiler();

const N = 48;
const PROGRAM = `module {
  llvm.mlir.global internal constant @fmt("sum %.3f\\0A\\00") {addr_space = 0 : i32}
  func.func @scale(%x: f32) -> f32 {
    %two = arith.constant 2.0 : f32
    %r = arith.mulf %x, %two : f32
    return %r : f32
  }
  func.func @kernel(%A: memref<${N}x${N}xf32>, %C: memref<${N}x${N}xf32>, %d: i32) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %cN = arith.constant ${N} : index
    scf.parallel (%i, %j) = (%c0, %c0) to (%cN, %cN) step (%c1, %c1) {
      %a = memref.load %A[%i, %j] : memref<${N}x${N}xf32>
      %ii = arith.index_cast %i : index to i32
      %half = arith.constant ${N / 2} : index
      %low = arith.cmpi slt, %i, %half : index
      %one = arith.constant 1 : i32
      %den = arith.select %low, %one, %d : i32
      %q = arith.divsi %ii, %den : i32
      %qf = arith.sitofp %q : i32 to f32
      %s = func.call @scale(%a) : (f32) -> f32
      %t = arith.addf %s, %qf : f32
      memref.store %t, %C[%i, %j] : memref<${N}x${N}xf32>
      scf.reduce
    }
    return
  }
  func.func @main(%d: i32) {
    %A = memref.alloc() : memref<${N}x${N}xf32>
    %C = memref.alloc() : memref<${N}x${N}xf32>
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %cN = arith.constant ${N} : index
    scf.for %i = %c0 to %cN step %c1 {
      scf.for %j = %c0 to %cN step %c1 {
        %k = arith.muli %i, %cN : index
        %l = arith.addi %k, %j : index
        %li = arith.index_cast %l : index to i32
        %f = arith.sitofp %li : i32 to f32
        memref.store %f, %A[%i, %j] : memref<${N}x${N}xf32>
      }
    }
    call @kernel(%A, %C, %d) : (memref<${N}x${N}xf32>, memref<${N}x${N}xf32>, i32) -> ()
    %z = arith.constant 0.0 : f64
    %sum = scf.for %i = %c0 to %cN step %c1 iter_args(%acc = %z) -> (f64) {
      %row = scf.for %j = %c0 to %cN step %c1 iter_args(%r = %acc) -> (f64) {
        %v = memref.load %C[%i, %j] : memref<${N}x${N}xf32>
        %w = arith.extf %v : f32 to f64
        %n = arith.addf %r, %w : f64
        scf.yield %n : f64
      }
      scf.yield %row : f64
    }
    %fmt = llvm.mlir.addressof @fmt : !llvm.ptr
    %x = llvm.call @printf(%fmt, %sum) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, f64) -> i32
    return
  }
  llvm.func @printf(!llvm.ptr, ...) -> i32
}`;

async function engine(threads: number) {
  const ctx = createCapturingContext({ heapOptions: { shared: threads > 1 } });
  const e = new Engine({ ctx, threads }).load(PROGRAM, "par.mlir");
  assert.equal(await e.threadsReady(), true);
  return { e, ctx };
}

test("scf.parallel on two threads computes what one thread computes", async () => {
  const one = await engine(1), two = await engine(2);
  one.e.call("main", [3]);
  two.e.call("main", [3]);
  assert.match(one.ctx.output(), /^sum \d+\.\d{3}\n$/);
  assert.equal(two.ctx.output(), one.ctx.output());
  await two.e.dispose();
});

test("a trap in a parallel body is a runtime error naming the function and the op, whichever thread ran it", async () => {
  const { e } = await engine(2);
  // Only the upper half of the rows divides by d. The helper takes rows from the back, the
  // calling thread from the front: either may get there first (test/optimizer/parallelize
  // pins the helper's case down).
  assert.throws(() => e.call("main", [0]), (err: unknown) =>
    err instanceof TensorLangRuntimeError && err.functionName === "kernel" && /: arith\.divsi at par\.mlir:19:12: integer divide by zero( \(in parallel helper thread 1\))?$/.test(err.message));
  // The pool is still usable afterwards.
  e.call("main", [5]);
  await e.dispose();
});

test("hot-swapping a function called from a parallel body reaches every thread", async () => {
  const { e, ctx } = await engine(2);
  e.call("main", [1]);
  const before = ctx.output();
  e.swap("scale", e.compile(PROGRAM.replace("%two = arith.constant 2.0 : f32", "%two = arith.constant 3.0 : f32"), { only: ["scale"] }));
  e.call("main", [1]);
  const after = ctx.output().slice(before.length);
  // sum over A of 3a + i/d vs 2a + i/d: the difference is sum(A) = n(n-1)/2 for n = N*N.
  const diff = Number(/sum (\S+)/.exec(after)![1]) - Number(/sum (\S+)/.exec(before)![1]);
  assert.equal(diff, (N * N * (N * N - 1)) / 2);
  await e.dispose();
});

test("every iteration of a parallel loop runs exactly once, past the chunk word's 65535 too", async () => {
  // C[i] += 1 over a 1-D loop: an iteration run twice leaves a 2, one skipped a 0.
  const program = (n: number) => `module {
    func.func @bump(%C: memref<${n}xi32>, %lb: index, %step: index) {
      %ub = arith.constant ${n} : index
      %one = arith.constant 1 : i32
      scf.parallel (%i) = (%lb) to (%ub) step (%step) {
        %v = memref.load %C[%i] : memref<${n}xi32>
        %w = arith.addi %v, %one : i32
        memref.store %w, %C[%i] : memref<${n}xi32>
        scf.reduce
      }
      return
    }
  }`;
  for (const [n, lb, step] of [[1000, 0, 1], [1001, 3, 2], [131075, 0, 1], [200001, 1, 3]]) {
    const ctx = createCapturingContext({ heapOptions: { shared: true } });
    const e = new Engine({ ctx, threads: 2 }).load(program(n), "bump.mlir");
    assert.equal(await e.threadsReady(), true);
    const p = ctx.heap.malloc(n * 4, 64);
    const C = new Int32Array(ctx.heap.memory.buffer, p, n);
    C.fill(0);
    for (let call = 0; call < 3; call++) e.call("bump", [{ allocated: p, aligned: p, offset: 0, sizes: [n], strides: [1] }, lb, step]);
    const wrong = C.findIndex((v, i) => v !== (i >= lb && (i - lb) % step === 0 ? 3 : 0));
    assert.equal(wrong, -1, `n=${n} lb=${lb} step=${step}: C[${wrong}] = ${C[wrong]}`);
    const ran = e.parallelIterations!;
    assert.equal(ran[0] + ran[1], Math.ceil((n - lb) / step), `iterations per thread: ${ran.join("/")}`);
    await e.dispose();
  }
});

const REDUCTIONS = program(REDUCTIONS_MAIN);

/** The f32 bits of 0.5 + sum 1/(i+1), i < 1000, combined as parallel.ts does on threads: 63 grains of 16. */
function grainSum(): number {
  const f = Math.fround;
  let acc = f(0.5);
  for (let g = 0; g < 1000; g += 16) {
    let part = f(1 / (g + 1));
    for (let i = g + 1; i < Math.min(1000, g + 16); i++) part = f(part + f(1 / (i + 1)));
    acc = f(acc + part);
  }
  return new Int32Array(new Float32Array([acc]).buffer)[0];
}

test("scf.parallel reductions on threads: init, then per-grain partials in grain order; a region reading a body value runs on the calling thread", async () => {
  const run = async (threads: number) => {
    const ctx = createCapturingContext({ heapOptions: { shared: threads > 1 } });
    const e = new Engine({ ctx, threads }).load(REDUCTIONS, "red.mlir");
    assert.equal(await e.threadsReady(), true);
    e.call("main", []);
    e.call("main", []);
    await e.dispose();
    return ctx.output();
  };
  // One thread: iteration order, bit for bit the interpreter's (test/backend/wasm/constructs).
  const one = "1090488585\n50\n102212241426162\n102212241426162\n";
  assert.equal(await run(1), one + one);
  // Two: the sum rounds as the grains combine it; the max is the same; rows are the grains.
  const two = `${grainSum()}\n50\n123640362\n102212241426162\n`;
  assert.equal(await run(2), two + two);
});

test("scf.forall runs as scf.parallel (the default lowering's scf-forall-to-parallel): every iteration once, across both threads", async () => {
  const n = 5000;
  const program = `module {
    func.func @fill(%C: memref<${n}xi32>, %n: index) {
      scf.forall (%i) in (%n) {
        %ii = arith.index_cast %i : index to i32
        %v = memref.load %C[%i] : memref<${n}xi32>
        %w = arith.addi %v, %ii : i32
        memref.store %w, %C[%i] : memref<${n}xi32>
      }
      return
    }
  }`;
  const ctx = createCapturingContext({ heapOptions: { shared: true } });
  const e = new Engine({ ctx, threads: 2 }).load(program, "forall.mlir");
  assert.equal(await e.threadsReady(), true);
  const p = ctx.heap.malloc(n * 4, 64);
  const C = new Int32Array(ctx.heap.memory.buffer, p, n);
  C.fill(0);
  e.call("fill", [{ allocated: p, aligned: p, offset: 0, sizes: [n], strides: [1] }, n]);
  assert.equal(C.findIndex((v, i) => v !== i), -1);
  const ran = e.parallelIterations!;
  assert.equal(ran[0] + ran[1], n, `iterations per thread: ${ran.join("/")}`);
  await e.dispose();
});
