// The host library against real MLIR: runner-utils printing and the TensorLang RNG/status
// hooks (through the C shim) give the same text for the same values.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mlirRun, mlirRunWithHooks, mlirSkip, maskOutput, tensorlangShim } from "../support/mlir.js";
import { allocMemrefDescriptor, callHost, contiguousStrides, createCapturingContext, lookupHost, type HostValue } from "../../src/runtime/host.js";

const skip = mlirSkip();

function call(ctx: ReturnType<typeof createCapturingContext>, name: string, args: HostValue[] = []): HostValue | undefined {
  const fn = lookupHost(name);
  assert.ok(fn, name);
  return callHost(fn, ctx, args);
}

// Bit patterns of interesting f32 values: 0.5, 1e10, -3, 1/3, NaN, -NaN, inf, -inf, -0, 1e-5,
// 123456.7, 1e-40 (subnormal), 65504, 0.1.
const F32_BITS = [0x3f000000, 0x501502f9, 0xc0400000, 0x3eaaaaab, 0x7fc00000, 0xffc00000, 0x7f800000, 0xff800000,
  0x80000000, 0x3727c5ac, 0x47f12359, 0x000116c2, 0x477fe000, 0x3dcccccd];

function f32(bits: number): number {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setUint32(0, bits >>> 0);
  return dv.getFloat32(0);
}

test("printMemrefF32 / printF32 of special values match mlir-cpu-runner-19", { skip }, () => {
  const n = F32_BITS.length;
  const stores = F32_BITS.map((b, i) => {
    const v = `%v${i} = arith.constant ${b >>> 0} : i32\n  %f${i} = arith.bitcast %v${i} : i32 to f32\n` +
      `  %i${i} = arith.constant ${i} : index\n  memref.store %f${i}, %m[%i${i}] : memref<${n}xf32>\n` +
      `  call @printF32(%f${i}) : (f32) -> ()\n  call @printNewline() : () -> ()`;
    return v;
  }).join("\n  ");
  const program = `func.func private @printMemrefF32(memref<*xf32>)
func.func private @printF32(f32)
func.func private @printNewline()
func.func @main() {
  %m = memref.alloc() : memref<${n}xf32>
  ${stores}
  %u = memref.cast %m : memref<${n}xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %r = memref.reinterpret_cast %m to offset: [2], sizes: [3, 4], strides: [4, 1] : memref<${n}xf32> to memref<3x4xf32, strided<[4, 1], offset: 2>>
  %u2 = memref.cast %r : memref<3x4xf32, strided<[4, 1], offset: 2>> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}`;
  const r = mlirRun(program);
  assert.equal(r.code, 0, r.stderr);

  const ctx = createCapturingContext();
  const data = ctx.heap.malloc(4 * n);
  F32_BITS.forEach((b, i) => {
    ctx.heap.view.setUint32(data + 4 * i, b >>> 0, true);
    call(ctx, "printF32", [f32(b)]);
    call(ctx, "printNewline");
  });
  call(ctx, "printMemrefF32", [1n, allocMemrefDescriptor(ctx.heap, { allocated: data, aligned: data, offset: 0, sizes: [n], strides: [1] })]);
  call(ctx, "printMemrefF32", [2n, allocMemrefDescriptor(ctx.heap, { allocated: data, aligned: data, offset: 2, sizes: [3, 4], strides: contiguousStrides([3, 4]) })]);
  assert.equal(maskOutput(ctx.output()), maskOutput(r.stdout));
});

test("printMemrefF64 / printMemrefI64 / printI64 / printU64 match mlir-cpu-runner-19", { skip }, () => {
  const f64s = ["0.1", "-2.5e-300", "1.7976931348623157e+308", "123456.789", "-0.0"];
  const i64s = ["-9223372036854775808", "9223372036854775807", "0", "-1", "42"];
  const lines: string[] = [];
  f64s.forEach((v, i) => lines.push(`%d${i} = arith.constant ${v} : f64`, `%x${i} = arith.constant ${i} : index`, `memref.store %d${i}, %a[%x${i}] : memref<5xf64>`));
  i64s.forEach((v, i) => lines.push(`%n${i} = arith.constant ${v} : i64`, `memref.store %n${i}, %b[%x${i}] : memref<5xi64>`,
    `call @printI64(%n${i}) : (i64) -> ()`, `call @printComma() : () -> ()`, `call @printU64(%n${i}) : (i64) -> ()`, `call @printNewline() : () -> ()`));
  const program = `func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI64(memref<*xi64>)
func.func private @printI64(i64)
func.func private @printU64(i64)
func.func private @printComma()
func.func private @printNewline()
func.func @main() {
  %a = memref.alloc() : memref<5xf64>
  %b = memref.alloc() : memref<5xi64>
  ${lines.join("\n  ")}
  %ua = memref.cast %a : memref<5xf64> to memref<*xf64>
  call @printMemrefF64(%ua) : (memref<*xf64>) -> ()
  %ub = memref.cast %b : memref<5xi64> to memref<*xi64>
  call @printMemrefI64(%ub) : (memref<*xi64>) -> ()
  return
}`;
  const r = mlirRun(program);
  assert.equal(r.code, 0, r.stderr);
  const ctx = createCapturingContext();
  const a = ctx.heap.malloc(40);
  const b = ctx.heap.malloc(40);
  f64s.forEach((v, i) => ctx.heap.storeF64(a + 8 * i, Number(v)));
  i64s.forEach((v, i) => {
    ctx.heap.storeI64(b + 8 * i, BigInt(v));
    call(ctx, "printI64", [BigInt(v)]);
    call(ctx, "printComma");
    call(ctx, "printU64", [BigInt(v)]);
    call(ctx, "printNewline");
  });
  call(ctx, "printMemrefF64", [1n, allocMemrefDescriptor(ctx.heap, { allocated: a, aligned: a, offset: 0, sizes: [5], strides: [1] })]);
  call(ctx, "printMemrefI64", [1n, allocMemrefDescriptor(ctx.heap, { allocated: b, aligned: b, offset: 0, sizes: [5], strides: [1] })]);
  assert.equal(maskOutput(ctx.output()), maskOutput(r.stdout));
});

const noCc = tensorlangShim() === undefined ? "no C compiler to build the tensorlang hooks shim" : false;

test("tensorlang_get_random and print_status agree with the C shim under MLIR, per seed", { skip: skip || noCc }, () => {
  const program = `func.func private @tensorlang_get_random() -> f32
func.func private @tensorlang_print_status(f32, f32)
func.func private @printI64(i64)
func.func private @printNewline()
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c50 = arith.constant 50 : index
  %k = arith.constant 2.000000e+02 : f32
  scf.for %i = %c0 to %c50 step %c1 {
    %r = func.call @tensorlang_get_random() : () -> f32
    %bits = arith.bitcast %r : f32 to i32
    %w = arith.extui %bits : i32 to i64
    func.call @printI64(%w) : (i64) -> ()
    func.call @printNewline() : () -> ()
    %s = func.call @tensorlang_get_random() : () -> f32
    %h = arith.mulf %r, %k : f32
    func.call @tensorlang_print_status(%h, %s) : (f32, f32) -> ()
  }
  return
}`;
  for (const seed of [0, 1, 12345, 2 ** 40 + 3]) {
    const r = mlirRunWithHooks(program, seed);
    assert.equal(r.code, 0, r.stderr);
    const ctx = createCapturingContext({ seed });
    const dv = new DataView(new ArrayBuffer(4));
    for (let i = 0; i < 50; i++) {
      const x = call(ctx, "tensorlang_get_random") as number;
      dv.setFloat32(0, x);
      call(ctx, "printI64", [BigInt(dv.getUint32(0))]);
      call(ctx, "printNewline");
      const s = call(ctx, "tensorlang_get_random") as number;
      call(ctx, "tensorlang_print_status", [Math.fround(x * 200), s]);
    }
    assert.equal(ctx.output(), r.stdout, `seed ${seed}`);
  }
});
