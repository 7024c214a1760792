import { test } from "node:test";
import assert from "node:assert/strict";
import {
  HOST_FUNCTIONS, callHost, lookupHost, createCapturingContext, allocMemrefDescriptor, readMemrefDescriptor,
  memrefDescriptorBytes, contiguousStrides, HostError, TensorLangAssertError, ASSERT_EXIT_CODE, Rng,
  type HostFn, type HostType, type HostValue, type Clock,
} from "../../src/runtime/host.js";
import { formatStatus } from "../../src/runtime/host/tensorlang.js";

function fn(name: string): HostFn {
  const f = lookupHost(name);
  assert.ok(f, `host function ${name} missing`);
  return f;
}

function call(ctx: ReturnType<typeof createCapturingContext>, name: string, args: HostValue[] = [], types?: HostType[]): HostValue | undefined {
  return callHost(fn(name), ctx, args, types);
}

test("every host function is declared with a name matching its key and known types", () => {
  const types = new Set(["i1", "i8", "i32", "i64", "f32", "f64", "ptr", "index"]);
  for (const [name, f] of HOST_FUNCTIONS) {
    assert.equal(f.name, name);
    for (const t of f.params) assert.ok(types.has(t), `${name}: bad param type ${t}`);
    if (f.result !== null) assert.ok(types.has(f.result), `${name}: bad result type`);
  }
  for (const required of ["printf", "malloc", "free", "clock_gettime", "rtclock", "printF32", "printF64", "printI64",
    "printU64", "printF16", "printBF16", "printNewline", "printComma", "printOpen", "printClose", "printMemrefF32", "printMemrefF64", "printMemrefI64",
    "tensorlang_print_status", "tensorlang_get_random", "tensorlang_start_timer", "tensorlang_stop_timer",
    "tensorlang_record_thrust", "tensorlang_assert_fail", "tensorlang_get_ir", "tensorlang_query_model",
    "tensorlang_compile", "tensorlang_get_symbol_address", "tensorlang_optimize_async"]) {
    assert.ok(HOST_FUNCTIONS.has(required), `missing ${required}`);
  }
});

test("printf reads the format from the heap, takes typed varargs and returns the byte count", () => {
  const ctx = createCapturingContext();
  const fmt = ctx.heap.allocCString("x=%d y=%.2f big=%lld s=%s %5.1e\n");
  const s = ctx.heap.allocCString("héllo");
  const r = call(ctx, "printf", [fmt, 42, Math.fround(2.5), -9000000000n, s, 12345.678], ["ptr", "i32", "f32", "i64", "ptr", "f64"]);
  const expected = "x=42 y=2.50 big=-9000000000 s=héllo 1.2e+04\n";
  assert.equal(ctx.output(), expected);
  assert.equal(r, Buffer.byteLength(expected));
});

test("runner-utils scalar printers match mlir-cpu-runner output", () => {
  const ctx = createCapturingContext();
  call(ctx, "printF32", [Math.fround(1 / 3)]);
  call(ctx, "printNewline");
  call(ctx, "printF32", [1e10]);
  call(ctx, "printComma");
  call(ctx, "printF32", [NaN]);
  call(ctx, "printComma");
  call(ctx, "printF32", [-Infinity]);
  call(ctx, "printNewline");
  call(ctx, "printF64", [0.33333333333333331]);
  call(ctx, "printOpen");
  call(ctx, "printI64", [-3n]);
  call(ctx, "printClose");
  call(ctx, "printU64", [-3n]);
  call(ctx, "printNewline");
  call(ctx, "printF64", [1e-5]);
  call(ctx, "printNewline");
  call(ctx, "printF32", [-0]);
  call(ctx, "printNewline");
  // Captured from mlir-cpu-runner-19 running the same calls.
  assert.equal(ctx.output(), "0.333333\n1e+10, nan, -inf\n0.333333( -3 )18446744073709551613\n1e-05\n-0\n");
});

function f32Memref(ctx: ReturnType<typeof createCapturingContext>, sizes: number[], values: number[]): number {
  const data = ctx.heap.malloc(Math.max(values.length, 1) * 4);
  values.forEach((v, i) => ctx.heap.storeF32(data + 4 * i, v));
  return allocMemrefDescriptor(ctx.heap, { allocated: data, aligned: data, offset: 0, sizes, strides: contiguousStrides(sizes) });
}

const mask = (s: string): string => s.replace(/base@ = 0x[0-9a-f]+/g, "base@ = 0x...");

test("printMemrefF32 prints exactly as MLIR's runner utils (base address masked)", () => {
  const ctx = createCapturingContext();
  const d = f32Memref(ctx, [2, 3], [0.5, 1e10, -3, 1 / 3, NaN, Infinity]);
  call(ctx, "printMemrefF32", [2n, d]);
  const d0 = f32Memref(ctx, [], [1 / 3]);
  call(ctx, "printMemrefF32", [0n, d0]);
  // Captured from mlir-cpu-runner-19.
  assert.equal(mask(ctx.output()),
    "Unranked Memref base@ = 0x... rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data = \n" +
    "[[0.5,   1e+10,   -3], \n" +
    " [0.333333,   nan,   inf]]\n" +
    "Unranked Memref base@ = 0x... rank = 0 offset = 0 sizes = [] strides = [] data = \n" +
    "[0.333333]\n");
  assert.match(ctx.output(), new RegExp(`base@ = 0x${readMemrefDescriptor(ctx.heap, d, 2).aligned.toString(16)} `));
});

test("printMemrefI64 and printMemrefF64 and a strided view", () => {
  const ctx = createCapturingContext();
  const data = ctx.heap.malloc(32);
  [-3n, 1234567890123n, 0n, 7n].forEach((v, i) => ctx.heap.storeI64(data + 8 * i, v));
  const d = allocMemrefDescriptor(ctx.heap, { allocated: data, aligned: data, offset: 0, sizes: [2, 2], strides: [2, 1] });
  call(ctx, "printMemrefI64", [2n, d]);
  const fd = ctx.heap.malloc(24);
  [0.5, 1e10, 0.33333333333333331].forEach((v, i) => ctx.heap.storeF64(fd + 8 * i, v));
  call(ctx, "printMemrefF64", [1n, allocMemrefDescriptor(ctx.heap, { allocated: fd, aligned: fd, offset: 0, sizes: [3], strides: [1] })]);
  const grid = f32Memref(ctx, [4, 4], Array.from({ length: 16 }, (_, k) => 10 * Math.floor(k / 4) + (k % 4)));
  const base = readMemrefDescriptor(ctx.heap, grid, 2).aligned;
  const sub = allocMemrefDescriptor(ctx.heap, { allocated: base, aligned: base, offset: 5, sizes: [2, 3], strides: [4, 1] });
  call(ctx, "printMemrefF32", [2, sub]);
  assert.equal(mask(ctx.output()),
    "Unranked Memref base@ = 0x... rank = 2 offset = 0 sizes = [2, 2] strides = [2, 1] data = \n" +
    "[[-3,   1234567890123], \n [0,   7]]\n" +
    "Unranked Memref base@ = 0x... rank = 1 offset = 0 sizes = [3] strides = [1] data = \n" +
    "[0.5,  1e+10,  0.333333]\n" +
    "Unranked Memref base@ = 0x... rank = 2 offset = 5 sizes = [2, 3] strides = [4, 1] data = \n" +
    "[[11,   12,   13], \n [21,   22,   23]]\n");
});

test("memref descriptors round trip and have the documented size", () => {
  const ctx = createCapturingContext();
  assert.equal(memrefDescriptorBytes(0), 12);
  assert.equal(memrefDescriptorBytes(3), 36);
  const desc = { allocated: 4096, aligned: 4112, offset: 3, sizes: [2, 5, 7], strides: [35, 7, 1] };
  const p = allocMemrefDescriptor(ctx.heap, desc);
  assert.deepEqual(readMemrefDescriptor(ctx.heap, p, 3), desc);
  assert.equal(ctx.heap.loadI32(p + 12 + 4 * 3), 35, "strides follow the sizes");
  assert.throws(() => readMemrefDescriptor(ctx.heap, 0, 1), /out of bounds/);
});

test("tensorlang_print_status prints the C printf line", () => {
  const ctx = createCapturingContext();
  call(ctx, "tensorlang_print_status", [100, -10]);
  call(ctx, "tensorlang_print_status", [Math.fround(-1.62), Math.fround(0.005)]);
  call(ctx, "tensorlang_print_status", [Math.fround(1234.5678), Math.fround(-0.001)]);
  // Expected strings produced by gcc: printf("|     *     | Alt: %6.2f m, Vel: %6.2f m/s\n", h, v) with float h, v.
  assert.equal(ctx.output(),
    "|     *     | Alt: 100.00 m, Vel: -10.00 m/s\n" +
    "|     *     | Alt:  -1.62 m, Vel:   0.00 m/s\n" +
    "|     *     | Alt: 1234.57 m, Vel:  -0.00 m/s\n");
  assert.equal(formatStatus(0, 0), "|     *     | Alt:   0.00 m, Vel:   0.00 m/s\n");
  assert.equal(ctx.telemetry.steps, 3);
  assert.deepEqual(ctx.telemetry.lastStatus, { h: Math.fround(1234.5678), v: Math.fround(-0.001) });
});

test("tensorlang_get_random is deterministic per seed and uniform in [-0.5, 0.5)", () => {
  const draw = (seed: number, n: number): number[] => {
    const ctx = createCapturingContext({ seed });
    return Array.from({ length: n }, () => call(ctx, "tensorlang_get_random") as number);
  };
  const a = draw(42, 5000);
  assert.deepEqual(draw(42, 5000), a);
  assert.notDeepEqual(draw(43, 20), a.slice(0, 20));
  let sum = 0;
  for (const x of a) {
    assert.ok(x >= -0.5 && x < 0.5, `out of range: ${x}`);
    assert.equal(Math.fround(x), x, "result is an exact f32");
    sum += x;
  }
  assert.ok(Math.abs(sum / a.length) < 0.02, `mean ${sum / a.length}`);
  assert.ok(a.some((x) => x < -0.4) && a.some((x) => x > 0.4));
  // Same stream for the same seed as a number or a bigint.
  assert.equal(new Rng(7).nextU32(), new Rng(7n).nextU32());
});

test("timers and thrust produce a simulation result", () => {
  let t = 10;
  const clock: Clock = { now: () => t, realtime: () => 1700000000.25 };
  const stops: number[] = [];
  const ctx = createCapturingContext({ clock, events: { onTimerStop: (r) => stops.push(r.impactVelocity) } });
  call(ctx, "tensorlang_start_timer");
  call(ctx, "tensorlang_record_thrust", [2]);
  call(ctx, "tensorlang_print_status", [10, -1]);
  call(ctx, "tensorlang_record_thrust", [-3]);
  t = 10.5;
  call(ctx, "tensorlang_stop_timer", [-1.5]);
  const r = ctx.telemetry.results[0];
  assert.equal(r.latencySeconds, 0.5);
  assert.equal(r.impactVelocity, -1.5);
  assert.ok(Math.abs(r.fuelConsumed - 0.5) < 1e-6);
  assert.equal(r.steps, 1);
  assert.deepEqual(stops, [-1.5]);
  assert.deepEqual(ctx.telemetry.trace.map((x) => x.kind), ["thrust", "status", "thrust"]);
  // rtclock and clock_gettime read the injected clock.
  assert.equal(call(ctx, "rtclock"), 10.5);
  const ts = ctx.heap.malloc(16);
  assert.equal(call(ctx, "clock_gettime", [0, ts]), 0);
  assert.equal(ctx.heap.loadI64(ts), 1700000000n);
  assert.equal(ctx.heap.loadI64(ts + 8), 250000000n);
});

test("tensorlang_assert_fail raises TensorLangAssertError with the location and the trace", () => {
  const seen: bigint[] = [];
  const ctx = createCapturingContext({ events: { onAssertFail: (loc) => seen.push(loc) } });
  call(ctx, "tensorlang_print_status", [0, -12]);
  assert.throws(() => call(ctx, "tensorlang_assert_fail", [57n]), (e: unknown) => {
    assert.ok(e instanceof TensorLangAssertError);
    assert.equal(e.loc, 57n);
    assert.equal(e.exitCode, ASSERT_EXIT_CODE);
    assert.equal(ASSERT_EXIT_CODE, 3);
    assert.deepEqual(e.trace, [{ kind: "status", step: 1, h: 0, v: -12 }]);
    assert.match(e.message, /location 57/);
    return true;
  });
  assert.deepEqual(seen, [57n]);
});

test("reflection functions without a reflection API are clear HostErrors", () => {
  const ctx = createCapturingContext();
  assert.throws(() => call(ctx, "tensorlang_get_ir"), (e: unknown) =>
    e instanceof HostError && e.message.startsWith("tensorlang_get_ir is not available: "));
  const p = ctx.heap.allocCString("main");
  assert.throws(() => call(ctx, "tensorlang_get_symbol_address", [p]), /tensorlang_get_symbol_address is not available/);
});

test("reflection functions pass strings through the heap when the API exists", () => {
  const compiled: string[] = [];
  const ctx = createCapturingContext({
    reflection: {
      getIR: () => "module {}",
      queryModel: (prompt) => `echo: ${prompt}`,
      compile: (ir) => (compiled.push(ir), 0),
      getSymbolAddress: (name) => (name === "main" ? 3 : 0),
      optimizeAsync: () => undefined,
    },
  });
  const ir = call(ctx, "tensorlang_get_ir") as number;
  assert.equal(ctx.heap.readCString(ir), "module {}");
  call(ctx, "free", [ir]);
  const answer = call(ctx, "tensorlang_query_model", [ctx.heap.allocCString("hi")]) as number;
  assert.equal(ctx.heap.readCString(answer), "echo: hi");
  assert.equal(call(ctx, "tensorlang_compile", [ctx.heap.allocCString("func.func @f() { return }")]), 0);
  assert.deepEqual(compiled, ["func.func @f() { return }"]);
  assert.equal(call(ctx, "tensorlang_get_symbol_address", [ctx.heap.allocCString("main")]), 3);
});

test("callHost checks arity and coerces values to their declared types", () => {
  const ctx = createCapturingContext();
  assert.throws(() => call(ctx, "printF32", []), /printF32 expects 1 argument\(s\), got 0/);
  assert.throws(() => call(ctx, "printNewline", [1]), /expects 0 argument/);
  assert.throws(() => call(ctx, "printf", []), /at least 1/);
  const p = call(ctx, "malloc", [24]);
  assert.equal(typeof p, "number");
  call(ctx, "free", [p as number]);
  assert.equal(call(ctx, "expf", [1]), Math.fround(Math.E));
  assert.equal(call(ctx, "tanh", [0.5]), Math.tanh(0.5));
  assert.equal(call(ctx, "copysignf", [2, -0]), -2);
});

test("host errors are recognisable as program errors and map to wasm types", async () => {
  const { isHostRuntimeError, hostTypeToWasm } = await import("../../src/runtime/host.js");
  const ctx = createCapturingContext();
  const fmt = ctx.heap.allocCString("%d %d\n");
  let caught: unknown;
  try {
    call(ctx, "printf", [fmt, 1], ["ptr", "i32"]);
  } catch (e) {
    caught = e;
  }
  assert.ok(isHostRuntimeError(caught), String(caught));
  assert.match(String((caught as Error).message), /too few arguments/);
  assert.throws(() => call(ctx, "free", [12345]), (e: unknown) => isHostRuntimeError(e));
  assert.equal(isHostRuntimeError(new TypeError("x")), false);
  assert.deepEqual((["i1", "i8", "i32", "i64", "f32", "f64", "ptr", "index"] as const).map(hostTypeToWasm),
    ["i32", "i32", "i32", "i64", "f32", "f64", "i32", "i32"]);
});

test("output is buffered, stderr flushes stdout first, and flush delivers the rest", async () => {
  const { createHostContext, OutputBuffer } = await import("../../src/runtime/host.js");
  const events: string[] = [];
  const ctx = createHostContext({ stdout: (t) => events.push(`out:${t}`), stderr: (t) => events.push(`err:${t}`) });
  ctx.stdout("a");
  ctx.stdout("b");
  assert.deepEqual(events, [], "small writes stay buffered");
  ctx.stderr("E");
  assert.deepEqual(events, ["out:ab", "err:E"]);
  ctx.stdout("c");
  ctx.flush();
  assert.deepEqual(events, ["out:ab", "err:E", "out:c"]);
  const pieces: string[] = [];
  const buf = new OutputBuffer((t) => pieces.push(t), 8);
  buf.write("12345");
  buf.write("6789");
  buf.write("x");
  assert.deepEqual(pieces, ["123456789"], "a full buffer is handed over at once");
});

test("the default seed is 0", () => {
  const a = createCapturingContext();
  const b = createCapturingContext({ seed: 0 });
  assert.equal(call(a, "tensorlang_get_random"), call(b, "tensorlang_get_random"));
});

test("a math function's float form, which the wasm engine imports directly, computes what callHost computes", () => {
  const ctx = createCapturingContext();
  const xs = [0, -0, 0.5, -1.25, 3, 1e-3, 88.7, -103.9, 1e30, Infinity, -Infinity, NaN, 0.1];
  const floats = [...HOST_FUNCTIONS.values()].filter((f) => f.float);
  assert.ok(floats.length >= 50 && ["expf", "tanhf", "exp", "powf", "atan2"].every((n) => fn(n).float), `${floats.length} math functions`);
  for (const f of floats) {
    for (const x of xs) for (const y of f.params.length === 2 ? xs : [undefined]) {
      const args = y === undefined ? [x] : [x, y];
      const want = callHost(f, ctx, f.params[0] === "f32" ? args.map(Math.fround) : args);
      assert.ok(Object.is(f.float!(...args.map((a) => (f.params[0] === "f32" ? Math.fround(a) : a))), want), `${f.name}(${args.join(", ")})`);
    }
  }
});
