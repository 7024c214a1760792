// Engine: traps, bounds checks, allow-list, hot-swap under load, worker limits, interp option.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Engine, TensorLangRuntimeError } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";
import { DiagnosticError } from "../../src/ir/diagnostics.js";

await Engine.loadCompiler();

const TRAPS = `module {
  func.func @div(%a: i32, %b: i32) -> i32 {
    %q = arith.divsi %a, %b : i32
    return %q : i32
  }
  func.func @calls_div(%b: i32) -> i32 {
    %c = arith.constant 7 : i32
    %r = func.call @div(%c, %b) : (i32, i32) -> i32
    return %r : i32
  }
  func.func @deep(%n: i64) -> i64 {
    %one = arith.constant 1 : i64
    %m = arith.addi %n, %one : i64
    %r = func.call @deep(%m) : (i64) -> i64
    return %r : i64
  }
  func.func @poke(%i: index) -> f32 {
    %m = memref.alloc() : memref<4x8xf32>
    %c1 = arith.constant 1 : index
    %v = memref.load %m[%c1, %i] : memref<4x8xf32>
    memref.dealloc %m : memref<4x8xf32>
    return %v : f32
  }
  func.func @grab(%n: index) -> index {
    %m = memref.alloc(%n) : memref<?xf32>
    %d = arith.constant 0 : index
    %s = memref.dim %m, %d : memref<?xf32>
    return %s : index
  }
  func.func @spin(%x: i64) -> i64 {
    %r = scf.while (%v = %x) : (i64) -> i64 {
      %t = arith.constant true
      scf.condition(%t) %v : i64
    } do {
    ^bb0(%w: i64):
      %one = arith.constant 1 : i64
      %n = arith.addi %w, %one : i64
      scf.yield %n : i64
    }
    return %r : i64
  }
  func.func @vec(%i: index) -> f32 {
    %m = memref.alloc() : memref<8xf32>
    %v = vector.load %m[%i] : memref<8xf32>, vector<4xf32>
    %s = vector.reduction <add>, %v : vector<4xf32> into f32
    memref.dealloc %m : memref<8xf32>
    return %s : f32
  }
  func.func @scale(%m: memref<8xf32>, %k: f32) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c8 = arith.constant 8 : index
    scf.for %i = %c0 to %c8 step %c1 {
      %v = memref.load %m[%i] : memref<8xf32>
      %w = arith.mulf %v, %k : f32
      memref.store %w, %m[%i] : memref<8xf32>
    }
    return
  }
}`;

function load(text: string, checkBounds = false): Engine {
  return new Engine({ ctx: createCapturingContext(), checkBounds }).load(text, "engine.mlir");
}

function rejectsWith(f: () => unknown, kind: string, fn: string, detail: RegExp): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof TensorLangRuntimeError, `expected TensorLangRuntimeError, got ${String(e)}`);
    assert.equal(e.kind, kind);
    assert.equal(e.functionName, fn);
    assert.match(e.message, detail);
    return true;
  });
}

test("traps become runtime errors naming the function; the instance stays usable", () => {
  const e = load(TRAPS);
  assert.deepEqual(e.call("calls_div", [2]), [3]);
  rejectsWith(() => e.call("calls_div", [0]), "trap", "div", /^runtime error in @div: arith.divsi at engine.mlir:3:10: integer divide by zero$/);
  rejectsWith(() => e.call("deep", [0n]), "stack-overflow", "deep", /stack overflow/);
  rejectsWith(() => e.call("poke", [1 << 28]), "trap", "poke", /^runtime error in @poke: memref.load at engine.mlir:20:10: memory access out of bounds$/);
  assert.deepEqual(e.call("calls_div", [-7]), [-1]);
});

test("a recursion past the stack is the same runtime error under both engines", async () => {
  for (const engine of ["wasm", "interp"] as const) {
    const e = new Engine({ ctx: createCapturingContext(), engine }).load(TRAPS, "engine.mlir");
    assert.throws(() => e.call("deep", [0n]), (err: unknown) => err instanceof Error && err.message === "runtime error in @deep: stack overflow (recursion too deep)", engine);
    await e.dispose();
  }
});

test("--check-bounds traps on any index past the shape, naming memref, index and shape", () => {
  const plain = load(TRAPS);
  assert.equal(typeof plain.call("poke", [9])[0], "number", "without checks the read lands in a neighbour");
  const e = load(TRAPS, true);
  assert.deepEqual(e.call("poke", [7]), [0]);
  rejectsWith(() => e.call("poke", [8]), "bounds", "poke", /memref\.load at engine\.mlir:\d+:\d+: index \[1, 8\] is out of bounds for result of memref\.alloc at engine\.mlir:\d+:\d+ \(memref<4x8xf32>\) with shape \[4, 8\]/);
  rejectsWith(() => e.call("poke", [-1]), "bounds", "poke", /index \[1, -1\]/);
  assert.equal(typeof e.call("vec", [4])[0], "number");
  rejectsWith(() => e.call("vec", [5]), "bounds", "vec", /index \[5\] is out of bounds for .* with shape \[8\] \(a 4-element vector access\)/);
});

test("external functions outside the host allow-list are compile errors", () => {
  const text = `module {
  func.func private @system(!llvm.ptr) -> i32
  func.func @main() {
    %p = llvm.mlir.zero : !llvm.ptr
    %r = call @system(%p) : (!llvm.ptr) -> i32
    return
  }
}`;
  assert.throws(() => load(text), (e: unknown) => e instanceof DiagnosticError && /@system is not in the host allow-list/.test(e.message));
});

const SWAP = `module {
  func.func private @tensorlang_record_thrust(f32)
  func.func private @tensorlang_print_status(f32, f32)
  func.func @f(%x: f32) -> f32 {
    %one = arith.constant 1.0 : f32
    %r = arith.addf %x, %one : f32
    call @tensorlang_record_thrust(%r) : (f32) -> ()
    return %r : f32
  }
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %n = arith.constant 2000 : index
    scf.for %i = %c0 to %n step %c1 {
      %ii = arith.index_cast %i : index to i32
      %x = arith.sitofp %ii : i32 to f32
      %y = func.call @f(%x) : (f32) -> f32
      func.call @tensorlang_print_status(%x, %y) : (f32, f32) -> ()
    }
    return
  }
}`;

test("hot-swap while a loop keeps calling: every call answered by exactly the old or the new version", () => {
  const answers: Array<[number, number]> = [];
  let thrusts = 0;
  let engine: Engine | undefined;
  const ctx = createCapturingContext({
    events: {
      // Swap from inside the running @f (an in-flight call), on its 777th call.
      onThrust: () => {
        if (++thrusts === 777) engine!.swap("f", engine!.compile(SWAP.replace("%r = arith.addf %x, %one : f32", "%r = arith.mulf %x, %x : f32"), { only: ["f"] }));
      },
      onStatus: (x, y) => answers.push([x, y]),
    },
  });
  engine = new Engine({ ctx }).load(SWAP, "swap.mlir");
  assert.equal(engine.version("f"), 1);
  engine.runMain();
  assert.equal(engine.version("f"), 2);
  assert.equal(answers.length, 2000);
  let switched = -1;
  answers.forEach(([x, y], i) => {
    const old = x + 1, neu = x * x;
    assert.ok(y === old || y === neu, `call ${i}: ${y} is neither ${old} nor ${neu}`);
    if (y === neu && y !== old && switched < 0) switched = i;
    if (switched >= 0 && i >= switched) assert.equal(y, neu, `call ${i} went back to the old version`);
  });
  // The call that was running during the swap (index 776) finished on the old code.
  assert.equal(switched, 777);
  // JS callers see the new version too, and a wrong signature is refused.
  assert.deepEqual(engine.call("f", [3]), [9]);
  assert.throws(() => engine!.swap("f", engine!.compile(SWAP.replace(/@f\(%x: f32\) -> f32/, "@f(%x: f32) -> f32").replace("func.func @f(%x: f32) -> f32", "func.func @f(%x: f32) -> f32"), { only: ["main"] })), /does not define @f/);
});

test("Engine.run: results, arrays copied in and out, output", async () => {
  const e = load(TRAPS);
  const data = new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]);
  const r = await e.run("scale", [{ data, shape: [8] }, 0.5], { timeoutMs: 5000 });
  assert.deepEqual([...(r.arrays[0] as Float32Array)], [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]);
  assert.deepEqual([...data], [1, 2, 3, 4, 5, 6, 7, 8], "the caller's array is untouched");
  const d = await e.run("calls_div", [3], { timeoutMs: 5000 });
  assert.deepEqual(d.results, [2]);
});

test("Engine.run stops a runaway loop within 2x the limit; the host survives", async () => {
  const e = load(TRAPS);
  const limit = 400;
  // The limit counts the call, not worker start-up: a warm worker takes that off the clock.
  await e.prewarm();
  const t0 = performance.now();
  await assert.rejects(e.run("spin", [0n], { timeoutMs: limit }), (err: unknown) =>
    err instanceof TensorLangRuntimeError && err.kind === "timeout" && err.functionName === "spin" && /time limit of 400 ms/.test(err.message));
  const elapsed = performance.now() - t0;
  assert.ok(elapsed < 2 * limit, `stopped after ${elapsed.toFixed(0)} ms`);
  assert.deepEqual(e.call("calls_div", [7]), [1]);
  await e.dispose();
});

test("Engine.run refuses an allocation beyond the memory cap with a clear error", async () => {
  const e = load(TRAPS);
  const cap = 32 << 20;
  await assert.rejects(e.run("grab", [64 << 20], { memoryCapBytes: cap, timeoutMs: 5000 }), (err: unknown) =>
    err instanceof TensorLangRuntimeError && err.kind === "out-of-memory" && err.functionName === "grab" && /exceeds the memory cap of 33554432 bytes/.test(err.message));
  const ok = await e.run("grab", [1 << 20], { memoryCapBytes: cap, timeoutMs: 5000 });
  assert.deepEqual(ok.results, [1 << 20]);
  // In-process, the engine's own cap applies the same way.
  const small = new Engine({ ctx: createCapturingContext({ heapOptions: { capBytes: cap } }) }).load(TRAPS, "cap.mlir");
  rejectsWith(() => small.call("grab", [64 << 20]), "out-of-memory", "grab", /memory cap/);
  assert.deepEqual(small.call("grab", [16]), [16]);
});

test("engine: interp runs the same program through the reference interpreter", () => {
  const outs = (["wasm", "interp"] as const).map((engine) => {
    const ctx = createCapturingContext();
    new Engine({ engine, ctx }).load(SWAP, "swap.mlir").runMain("main");
    return ctx.output();
  });
  assert.equal(outs[0], outs[1]);
  assert.match(outs[0], /Alt: {3}2\.00 m, Vel: {3}3\.00 m\/s/);
});

test("reflection basics: symbol addresses are dispatch slots callable through llvm.call", () => {
  const text = `module {
  func.func private @tensorlang_get_symbol_address(!llvm.ptr) -> !llvm.ptr
  llvm.mlir.global internal constant @name("sq\\00") {addr_space = 0 : i32}
  func.func @sq(%x: i64) -> i64 {
    %r = arith.muli %x, %x : i64
    return %r : i64
  }
  func.func @main(%x: i64) -> i64 {
    %n = llvm.mlir.addressof @name : !llvm.ptr
    %f = call @tensorlang_get_symbol_address(%n) : (!llvm.ptr) -> !llvm.ptr
    %r = llvm.call %f(%x) : !llvm.ptr, (i64) -> i64
    return %r : i64
  }
  func.func @null(%x: i64) -> i64 {
    %z = llvm.mlir.zero : !llvm.ptr
    %r = llvm.call %z(%x) : !llvm.ptr, (i64) -> i64
    return %r : i64
  }
}`;
  const ctx = createCapturingContext();
  const e = new Engine({ ctx });
  ctx.reflection = { ...e.reflectionBasics(), queryModel: () => "", compile: () => 1, optimizeAsync: () => undefined };
  e.load(text, "refl.mlir");
  assert.ok(e.symbolAddress("sq") > 0);
  assert.equal(e.symbolAddress("nope"), 0);
  assert.deepEqual(e.call("main", [7n]), [49n]);
  assert.match(ctx.reflection.getIR(), /func\.func @sq/);
  rejectsWith(() => e.call("null", [1n]), "trap", "null", /^runtime error in @null: llvm.call at refl.mlir:16:10: null function or function signature mismatch$/);
});

test("buffer sizes past 4 GiB never wrap: a compile error when static, a runtime error when dynamic", () => {
  // 65536 x 65537 x 4 bytes is 2^34 + 2^18: in i32 arithmetic, 262144 bytes.
  const WIDE = `module {
    func.func @heap(%n: index, %m: index) -> index {
      %a = memref.alloc(%n, %m) : memref<?x?xf32>
      %c1 = arith.constant 1 : index
      %d = memref.dim %a, %c1 : memref<?x?xf32>
      return %d : index
    }
    func.func @stack(%n: index, %m: index) -> index {
      %a = memref.alloca(%n, %m) : memref<?x?xf32>
      %c1 = arith.constant 1 : index
      %d = memref.dim %a, %c1 : memref<?x?xf32>
      return %d : index
    }
  }`;
  const e = load(WIDE);
  assert.deepEqual(e.call("heap", [16, 4]), [4]);
  assert.deepEqual(e.call("stack", [16, 4]), [4]);
  rejectsWith(() => e.call("heap", [65536, 65537]), "out-of-memory", "heap", /allocation of 17180131328 bytes exceeds the memory cap/);
  rejectsWith(() => e.call("heap", [-5, 4]), "host", "heap", /invalid size -80/);
  rejectsWith(() => e.call("stack", [65536, 65537]), "stack-overflow", "stack", /shadow stack overflow/);
  assert.deepEqual(e.call("stack", [16, 4]), [4], "the stack is usable after the overflow");
  for (const op of ["alloc", "alloca"]) {
    const text = `func.func @f() {\n  %a = memref.${op}() : memref<100000x100000xf32>\n  return\n}\n`;
    assert.throws(() => load(text), (err: unknown) => err instanceof DiagnosticError &&
      /engine\.mlir:2:8: error: wasm backend: memref\.alloca?: memref<100000x100000xf32> is 40000000000 bytes, more than a wasm32 memory can hold \(4 GiB\)/.test(String(err.message)));
  }
});

test("a loop step that is not positive stops the run under both engines (it spun forever or ran until the counter wrapped)", async () => {
  const STEPS = `module {
    func.func @count(%step: index) -> index {
      %c0 = arith.constant 0 : index
      %c10 = arith.constant 10 : index
      %c1 = arith.constant 1 : index
      %n = scf.for %i = %c0 to %c10 step %step iter_args(%a = %c0) -> (index) {
        %b = arith.addi %a, %c1 : index
        scf.yield %b : index
      }
      return %n : index
    }
    func.func @fill(%m: memref<10xi32>, %step: index) {
      %c0 = arith.constant 0 : index
      %c10 = arith.constant 10 : index
      %one = arith.constant 1 : i32
      scf.parallel (%i) = (%c0) to (%c10) step (%step) {
        memref.store %one, %m[%i] : memref<10xi32>
        scf.reduce
      }
      return
    }
  }`;
  for (const engine of ["wasm", "interp"] as const) {
    const e = new Engine({ ctx: createCapturingContext(), engine }).load(STEPS, "steps.mlir");
    assert.deepEqual(e.call("count", [3]), [4], engine);
    for (const bad of [0, -1]) {
      // wasm in a worker with a time limit: without the check, step 0 spins forever there.
      const call = engine === "wasm" ? () => e.run("count", [bad], { timeoutMs: 20_000 }) : async () => e.call("count", [bad]);
      await assert.rejects(call(), (err: unknown) =>
        err instanceof Error && err.message === `runtime error in @count: scf.for: step must be positive, got ${bad}`, `${engine} ${bad}`);
    }
    const p = e.ctx.heap.malloc(40, 16);
    const m = { allocated: p, aligned: p, offset: 0, sizes: [10], strides: [1] };
    e.call("fill", [m, 2]);
    assert.deepEqual([...new Int32Array(e.ctx.heap.memory.buffer, p, 10)], [1, 0, 1, 0, 1, 0, 1, 0, 1, 0], engine);
    assert.throws(() => e.call("fill", [m, 0]), (err: unknown) => err instanceof Error && err.message === "runtime error in @fill: scf.parallel: step must be positive, got 0", engine);
    await e.dispose();
  }
});

test("memref.dim and tensor.dim past the rank stop the run under both engines (MLIR's verifier accepts them; wasm crashed the compiler or read 0)", async () => {
  const DIMS = `module {
    func.func @dim(%m: memref<4x?xf32>, %k: index) -> index {
      %d = memref.dim %m, %k : memref<4x?xf32>
      return %d : index
    }
    func.func @past() -> index {
      %m = memref.alloc() : memref<4xf32>
      %c3 = arith.constant 3 : index
      %d = memref.dim %m, %c3 : memref<4xf32>
      return %d : index
    }
    func.func @tdim(%k: index) -> index {
      %t = tensor.empty() : tensor<2x3xf32>
      %d = tensor.dim %t, %k : tensor<2x3xf32>
      return %d : index
    }
  }`;
  for (const engine of ["wasm", "interp"] as const) {
    const e = new Engine({ ctx: createCapturingContext(), engine }).load(DIMS, "dims.mlir");
    const p = e.ctx.heap.malloc(80, 16);
    const m = { allocated: p, aligned: p, offset: 0, sizes: [4, 5], strides: [5, 1] };
    assert.deepEqual([e.call("dim", [m, 0]), e.call("dim", [m, 1]), e.call("tdim", [1])], [[4], [5], [3]], engine);
    const fails = (f: () => unknown, msg: string) => assert.throws(f, (err: unknown) => err instanceof Error && err.message === msg, `${engine}: ${msg}`);
    fails(() => e.call("dim", [m, 2]), "runtime error in @dim: memref.dim: dimension 2 out of range for rank 2");
    fails(() => e.call("past", []), "runtime error in @past: memref.dim: dimension 3 out of range for rank 1");
    // both engines run tensors bufferized, so the message names the memref.dim it became
    fails(() => e.call("tdim", [7]), "runtime error in @tdim: memref.dim: dimension 7 out of range for rank 2");
    await e.dispose();
  }
});

test("memref.alloc alignment: 0 (valid in MLIR) takes the default, a power of two is honoured, others stop the run in both engines", async () => {
  const prog = (align: number) => `func.func @main() -> index {
    %a = memref.alloc() {alignment = 0 : i64} : memref<4xf32>
    %b = memref.alloca() {alignment = 0 : i64} : memref<4xf32>
    %c = memref.alloc() {alignment = ${align} : i64} : memref<4xf32>
    %p = memref.extract_aligned_pointer_as_index %c : memref<4xf32> -> index
    %k = arith.constant ${align} : index
    %r = arith.remui %p, %k : index
    return %r : index
  }`;
  for (const engine of ["wasm", "interp"] as const) {
    const ok = new Engine({ ctx: createCapturingContext(), engine }).load(prog(256), "a.mlir");
    assert.deepEqual(ok.call("main", []), [0], engine);
    const bad = new Engine({ ctx: createCapturingContext(), engine }).load(prog(24), "a.mlir");
    assert.throws(() => bad.call("main", []), (err: unknown) => err instanceof Error && err.message === "runtime error in @main: malloc: alignment must be a power of two, got 24", engine);
    await Promise.all([ok.dispose(), bad.dispose()]);
  }
});

test("integer division traps read the same under both engines and name the op that divided, i8 and i16 overflow included (wasm wrapped i8 -128 / -1 to -128)", async () => {
  const DIV = `module {
    func.func @div8(%a: i8, %b: i8) -> i8 {
      %r = arith.divsi %a, %b : i8
      return %r : i8
    }
    func.func @div16(%a: i16, %b: i16) -> i16 {
      %r = arith.divsi %a, %b : i16
      return %r : i16
    }
    func.func @rem32(%a: i32, %b: i32) -> i32 {
      %r = arith.remsi %a, %b : i32
      return %r : i32
    }
    func.func @mixed(%a: i64, %b: i64) -> i64 {
      %one = arith.constant 1 : i64
      %q = arith.divui %a, %one : i64
      %r = arith.remui %q, %b : i64
      %f = arith.floordivsi %r, %b : i64
      %c = arith.ceildivsi %f, %b : i64
      %p = math.ipowi %c, %b : i64
      %v = vector.broadcast %a : i64 to vector<2xi64>
      %w = vector.broadcast %b : i64 to vector<2xi64>
      %d = arith.divsi %v, %w : vector<2xi64>
      return %p : i64
    }
    func.func @vdiv(%x: i32, %b: i32) -> i32 {
      %a = vector.broadcast %x : i32 to vector<4xi32>
      %w = vector.broadcast %b : i32 to vector<4xi32>
      %d = arith.divsi %a, %w : vector<4xi32>
      %r = vector.extract %d[0] : i32 from vector<4xi32>
      return %r : i32
    }
  }`;
  for (const engine of ["wasm", "interp"] as const) {
    const e = new Engine({ ctx: createCapturingContext(), engine }).load(DIV, "div.mlir");
    assert.deepEqual([e.call("div8", [-127, -1]), e.call("div16", [-32768, 2]), e.call("rem32", [7, -2])], [[127], [-16384], [1]], engine);
    const fails = (f: () => unknown, msg: string) => assert.throws(f, (err: unknown) => err instanceof Error && err.message === msg, `${engine}: ${msg}`);
    fails(() => e.call("div8", [-128, -1]), "runtime error in @div8: arith.divsi at div.mlir:3:12: integer overflow in signed division");
    fails(() => e.call("div16", [-32768, -1]), "runtime error in @div16: arith.divsi at div.mlir:7:12: integer overflow in signed division");
    fails(() => e.call("rem32", [7, 0]), "runtime error in @rem32: arith.remsi at div.mlir:11:12: integer divide by zero");
    // each division of @mixed in turn: the divisor 0 reaches the first, -1 the ipowi of 0, ...
    fails(() => e.call("mixed", [5n, 0n]), "runtime error in @mixed: arith.remui at div.mlir:17:12: integer divide by zero");
    fails(() => e.call("mixed", [0n, -1n]), "runtime error in @mixed: math.ipowi at div.mlir:20:12: integer divide by zero");
    fails(() => e.call("mixed", [-(2n ** 63n), -1n]), "runtime error in @mixed: arith.floordivsi at div.mlir:18:12: integer overflow in signed division");
    fails(() => e.call("vdiv", [7, 0]), "runtime error in @vdiv: arith.divsi at div.mlir:29:12: integer divide by zero");
    await e.dispose();
  }
});

test("an access past the memory names its op under both engines (loads and stores of scalars, halves, vectors, pointers), as does a call through a null pointer", async () => {
  const OOB = `module {
    func.func @load(%m: memref<?xf32>, %i: index) -> f32 {
      %v = memref.load %m[%i] : memref<?xf32>
      return %v : f32
    }
    func.func @store(%m: memref<?xi8>, %i: index) {
      %c = arith.constant 7 : i8
      memref.store %c, %m[%i] : memref<?xi8>
      return
    }
    func.func @vstore(%m: memref<?xf32>, %i: index) {
      %z = arith.constant dense<0.0> : vector<4xf32>
      vector.store %z, %m[%i] : memref<?xf32>, vector<4xf32>
      return
    }
    func.func @half(%m: memref<?xf16>, %i: index) -> f16 {
      %v = memref.load %m[%i] : memref<?xf16>
      return %v : f16
    }
    func.func @ptr(%p: !llvm.ptr) -> i64 {
      %v = llvm.load %p : !llvm.ptr -> i64
      return %v : i64
    }
    func.func @nullcall(%x: i64) -> i64 {
      %z = llvm.mlir.zero : !llvm.ptr
      %r = llvm.call %z(%x) : !llvm.ptr, (i64) -> i64
      return %r : i64
    }
  }`;
  const far = 1 << 29;
  for (const engine of ["wasm", "interp"] as const) {
    const e = new Engine({ ctx: createCapturingContext(), engine }).load(OOB, "oob.mlir");
    const m = (bytes: number) => { const p = e.ctx.heap.malloc(bytes * 8, 16); return { allocated: p, aligned: p, offset: 0, sizes: [8], strides: [1] }; };
    // The interpreter adds the address and the memory size.
    const fails = (f: () => unknown, fn: string, site: string) => assert.throws(f, (err: unknown) => err instanceof Error &&
      err.message.startsWith(`runtime error in @${fn}: ${site}: memory access out of bounds`), `${engine}: ${site}`);
    fails(() => e.call("load", [m(4), far]), "load", "memref.load at oob.mlir:3:12");
    fails(() => e.call("store", [m(1), far * 4]), "store", "memref.store at oob.mlir:8:7");
    fails(() => e.call("vstore", [m(4), far]), "vstore", "vector.store at oob.mlir:13:7");
    fails(() => e.call("half", [m(2), far * 2]), "half", "memref.load at oob.mlir:17:12");
    fails(() => e.call("ptr", [2 ** 31 + 8]), "ptr", "llvm.load at oob.mlir:21:12");
    assert.throws(() => e.call("nullcall", [1n]), (err: unknown) => err instanceof Error &&
      err.message.startsWith("runtime error in @nullcall: llvm.call at oob.mlir:26:12: "), `${engine}: a call through null names the op`);
    assert.deepEqual(e.call("load", [m(4), 3]), [0], `${engine}: the instance stays usable`);
    await e.dispose();
  }
});

test("a trap in a hot-swapped function names the op of the new version", () => {
  const V1 = `func.func @f(%a: i32, %b: i32) -> i32 {
  %q = arith.divsi %a, %b : i32
  return %q : i32
}`;
  const V2 = `func.func @f(%a: i32, %b: i32) -> i32 {
  %one = arith.constant 1 : i32
  %s = arith.addi %a, %one : i32
  %m = arith.muli %s, %s : i32
  %q = arith.remui %m, %b : i32
  return %q : i32
}`;
  const e = new Engine({ ctx: createCapturingContext() }).load(V1, "v1.mlir");
  const fails = (msg: string) => assert.throws(() => e.call("f", [3, 0]), (err: unknown) => err instanceof Error && err.message === msg, msg);
  fails("runtime error in @f: arith.divsi at v1.mlir:2:8: integer divide by zero");
  e.swap("f", e.compile(V2, { only: ["f"], file: "v2.mlir" }));
  fails("runtime error in @f: arith.remui at v2.mlir:5:8: integer divide by zero");
});

test("runMain of an entry that takes arguments is the same runtime error under both engines (the interpreter threw an internal error)", async () => {
  for (const engine of ["wasm", "interp"] as const) {
    const e = new Engine({ ctx: createCapturingContext(), engine }).load("func.func @main(%a: i32) -> i32 {\n  return %a : i32\n}", "m.mlir");
    assert.throws(() => e.runMain("main"), (err: unknown) => err instanceof TensorLangRuntimeError && err.message === "runtime error in @main: expects 1 argument(s), got 0", engine);
    await e.dispose();
  }
});
