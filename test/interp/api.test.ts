// The interpreter's entry points and error behaviour: calls with arguments and results,
// hot-swapping a function, output flushed on errors, clear runtime errors naming the function
// (unknown entry, unsupported op, runaway recursion), host calls with memref arguments, the
// host library as its caller injects it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Interpreter, runMain } from "../../src/interp/interpreter.js";
import { HANDLERS } from "../../src/interp/registry.js";
import { parseModule } from "../../src/ir/parser.js";
import { createContext } from "../../src/dialects/index.js";
import { InterpreterError, MemRefValue, TimeLimitError } from "../../src/interp/values.js";
import { allocMemrefDescriptor, createCapturingContext } from "../../src/runtime/host.js";
import { Operation } from "../../src/ir/core.js";
import type { HostType, HostValue, InterpHost } from "../../src/interp/hostcall.js";
import { interpreter, parse, run, runError } from "./helpers.js";

const LIB = `
  func.func private @printI64(i64)
  func.func private @printNewline()
  func.func @version() -> i64 {
    %v = arith.constant 1 : i64
    return %v : i64
  }
  func.func @scale(%x: f32, %n: i64) -> (f32, i64) {
    %k = arith.constant 3.0 : f32
    %y = arith.mulf %x, %k : f32
    %m = arith.muli %n, %n : i64
    return %y, %m : f32, i64
  }
  func.func @loop(%n: index) -> i64 {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %z = arith.constant 0 : i64
    %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %z) -> (i64) {
      %v = func.call @version() : () -> i64
      %t = arith.addi %acc, %v : i64
      scf.yield %t : i64
    }
    return %s : i64
  }
  func.func @sum(%m: memref<?xf32>) -> f32 {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %n = memref.dim %m, %c0 : memref<?xf32>
    %z = arith.constant 0.0 : f32
    %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %z) -> (f32) {
      %v = memref.load %m[%i] : memref<?xf32>
      %t = arith.addf %acc, %v : f32
      scf.yield %t : f32
    }
    return %s : f32
  }`;

test("call passes arguments and returns results in the documented representation", () => {
  const { interp } = interpreter(LIB);
  const [y, m] = interp.call("scale", [0.1, 12n]);
  assert.equal(y, Math.fround(Math.fround(0.1) * 3));
  assert.equal(m, 144n);
  // Plain numbers and booleans from outside are brought to the parameter types.
  assert.deepEqual(interp.call("scale", [2, 5]), [6, 25n]);
});

test("a memref argument may be a descriptor object over the heap", () => {
  const { interp } = interpreter(LIB);
  const p = interp.heap.malloc(16);
  [1.5, 2.5, 3, 4].forEach((v, i) => interp.heap.storeF32(p + 4 * i, v));
  assert.deepEqual(interp.call("sum", [{ aligned: p, offset: 1, sizes: [3], strides: [1] } as unknown as MemRefValue]), [9.5]);
});

test("swap replaces a function: later calls, from JS and from other functions, run the new body", () => {
  const { interp } = interpreter(LIB);
  assert.deepEqual(interp.call("loop", [4]), [4n]);
  const v2 = parse(`func.func @version() -> i64 {
    %v = arith.constant 2 : i64
    return %v : i64
  }`).functions()[0];
  interp.swap("version", v2);
  assert.deepEqual(interp.call("version", []), [2n]);
  assert.deepEqual(interp.call("loop", [4]), [8n]);
});

test("an unknown entry point is an InterpreterError naming it", () => {
  assert.throws(() => run(LIB, { entry: "nope" }), (e: unknown) => e instanceof InterpreterError && /@nope/.test(e.message) && e.exitCode === 4);
});

test("an operation without a handler is a clear error naming the function and the op", () => {
  const m = parse(`func.func @main() {
    %c = arith.constant 1 : i32
    return
  }`);
  const f = m.functions()[0];
  f.body().insert(1, new Operation({ name: "test.mystery", operands: [f.body().ops[0].result] }));
  assert.throws(() => runMain(m, createCapturingContext()), (e: unknown) =>
    e instanceof InterpreterError && e.functionName === "main" && /test\.mystery/.test(e.message));
});

test("runaway recursion is a stack-overflow error, and output printed before it is flushed", () => {
  const { error, output } = runError(`func.func private @printI64(i64)
  func.func @down(%n: i64) -> i64 {
    %one = arith.constant 1 : i64
    %m = arith.subi %n, %one : i64
    %r = func.call @down(%m) : (i64) -> i64
    return %r : i64
  }
  func.func @main() {
    %v = arith.constant 7 : i64
    call @printI64(%v) : (i64) -> ()
    %r = call @down(%v) : (i64) -> i64
    return
  }`, { maxCallDepth: 500 });
  assert.ok(error instanceof InterpreterError);
  assert.match(error.message, /@down: stack overflow/);
  assert.equal(output, "7");
});

test("host functions receive memrefs as (rank, descriptor) and the descriptor is freed after", () => {
  const src = `func.func private @printMemrefF32(memref<*xf32>)
  func.func @main() {
    %m = memref.alloc() : memref<2x2xf32>
    %u = memref.cast %m : memref<2x2xf32> to memref<*xf32>
    %c0 = arith.constant 0 : index
    %one = arith.constant 1.0 : f32
    memref.store %one, %m[%c0, %c0] : memref<2x2xf32>
    call @printMemrefF32(%u) : (memref<*xf32>) -> ()
    memref.dealloc %m : memref<2x2xf32>
    return
  }`;
  const { interp, output } = interpreter(src);
  const live = interp.heap.stats().liveBlocks;
  interp.call("main", []);
  assert.equal(interp.heap.stats().liveBlocks, live);
  assert.match(output(), /rank = 2 offset = 0 sizes = \[2, 2\] strides = \[2, 1\] data = \n\[\[1,   0\], \n \[0,   0\]\]\n/);
});

test("func.constant and func.call_indirect call through a function handle", () => {
  const { interp } = interpreter(LIB);
  assert.ok(interp instanceof Interpreter);
  const h = interp.functionPointer("version");
  assert.equal(interp.functionAt(h), "version");
  assert.equal(interp.functionPointer("version"), h);
  assert.throws(() => interp.functionAt(999), /not a function pointer/);
});

test("timeLimitMs stops a runaway loop (structured, or a branch back) with a TimeLimitError naming the function", () => {
  const src = `func.func @spin() {
    %t = arith.constant true
    scf.while : () -> () {
      scf.condition(%t)
    } do {
      scf.yield
    }
    return
  }
  func.func @spin_cf() {
    cf.br ^bb1
  ^bb1:
    cf.br ^bb1
  }
  func.func @one() -> i64 {
    %v = arith.constant 1 : i64
    return %v : i64
  }`;
  for (const fn of ["spin", "spin_cf"]) {
    const interp = new Interpreter(parse(src), createCapturingContext(), { timeLimitMs: 100 });
    const t0 = performance.now();
    assert.throws(() => interp.call(fn, []), (e: unknown) => e instanceof TimeLimitError && e.functionName === fn);
    assert.ok(performance.now() - t0 < 5000);
  }
  // The host survives; a fresh interpreter (new budget) runs the module again.
  assert.deepEqual(new Interpreter(parse(src), createCapturingContext()).call("one", []), [1n]);
});

test("an unranked memref argument may be (rank, descriptor address) as the C ABI passes it", () => {
  const { interp } = interpreter(LIB);
  const p = interp.heap.malloc(12);
  [1, 2, 4].forEach((v, i) => interp.heap.storeF32(p + 4 * i, v));
  const desc = allocMemrefDescriptor(interp.heap, { allocated: p, aligned: p, offset: 0, sizes: [3], strides: [1] });
  assert.deepEqual(interp.call("sum", [{ rank: 1, descriptor: desc } as unknown as MemRefValue]), [7]);
});

test("scf.for runs i64 induction variables as BigInt", () => {
  const src = `func.func @main() -> i64 {
    %lb = arith.constant 9223372036854775790 : i64
    %ub = arith.constant 9223372036854775800 : i64
    %st = arith.constant 3 : i64
    %z = arith.constant 0 : i64
    %s = scf.for %i = %lb to %ub step %st iter_args(%n = %z) -> (i64) : i64 {
      %one = arith.constant 1 : i64
      %m = arith.addi %n, %one : i64
      scf.yield %m : i64
    }
    return %s : i64
  }`;
  assert.deepEqual(run(src).results, [4n]);
});

test("swapping a function while a loop keeps calling it: each call runs the old or the new body", () => {
  const v2 = parse(`func.func @version() -> i64 {
    %v = arith.constant 2 : i64
    return %v : i64
  }`).functions()[0];
  let calls = 0;
  const interp = new Interpreter(parse(LIB), createCapturingContext(), {
    handlers: {
      "func.call": (it, op, args) => {
        if (++calls === 3) it.swap("version", v2);
        return HANDLERS["func.call"](it, op, args);
      },
    },
  });
  assert.deepEqual(interp.call("loop", [6]), [1n + 1n + 2n + 2n + 2n + 2n]);
});

test("multi-block functions run through cf branches (generic form, as mlir-opt prints cf level)", () => {
  const src = `func.func @main() -> i64 {
    %c0 = arith.constant 0 : i64
    %c1 = arith.constant 1 : i64
    %c10 = arith.constant 10 : i64
    "cf.br"(%c0, %c0)[^bb1] : (i64, i64) -> ()
  ^bb1(%i: i64, %s: i64):
    %lt = arith.cmpi slt, %i, %c10 : i64
    "cf.cond_br"(%lt, %i, %s, %s)[^bb2, ^bb3] <{operandSegmentSizes = array<i32: 1, 2, 1>}> : (i1, i64, i64, i64) -> ()
  ^bb2(%j: i64, %t: i64):
    %n = arith.addi %t, %j : i64
    %k = arith.addi %j, %c1 : i64
    "cf.br"(%k, %n)[^bb1] : (i64, i64) -> ()
  ^bb3(%r: i64):
    return %r : i64
  }`;
  // cf is not a registered dialect: parse without verifying.
  const m = parseModule(src, "cf.mlir", createContext());
  assert.deepEqual(runMain(m, createCapturingContext()), [45n]);
});

test("host functions are those of the host its caller injects: none without one", () => {
  const src = `func.func private @printI64(i64)
  func.func @main() {
    %v = arith.constant 7 : i64
    func.call @printI64(%v) : (i64) -> ()
    return
  }`;
  assert.throws(() => runMain(parse(src), createCapturingContext()), (e: unknown) =>
    e instanceof InterpreterError && e.functionName === "main" && /@printI64, which is not an allow-listed host function/.test(e.message));
  const calls: [string, HostValue[], readonly HostType[]][] = [];
  const host: InterpHost = { has: (n) => n === "printI64", call: (n, args, types) => { calls.push([n, args, types]); return undefined; }, endsRun: () => false };
  runMain(parse(src), createCapturingContext(), { host });
  assert.deepEqual(calls, [["printI64", [7n], ["i64"]]]);
  // An error the host says ends the run passes through as it is; any other names the function.
  class Stop extends Error { override name = "Stop"; }
  const stopping = (endsRun: boolean): InterpHost => ({ has: () => true, call: () => { throw new Stop("stop"); }, endsRun: (e) => endsRun && e instanceof Stop });
  assert.throws(() => runMain(parse(src), createCapturingContext(), { host: stopping(true) }), Stop);
  assert.throws(() => runMain(parse(src), createCapturingContext(), { host: stopping(false) }), (e: unknown) =>
    e instanceof InterpreterError && e.message === "runtime error in @main: stop");
});
