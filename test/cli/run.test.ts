// tensorlang-run end to end: every example under both engines prints its recorded output,
// mlir-cpu-runner-style results and exit codes (1 diagnostics, 2 usage, 3 assert, 4 trap).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ALL_EXAMPLES, expectedExitCode, expectedOutput } from "../support/examples.js";
import { maskOutput, mlirRun, mlirSkip, repoRoot } from "../support/mlir.js";

const root = repoRoot();
const dir = mkdtempSync(join(tmpdir(), "tl-run-"));
// A cache of this file's own (compiled programs, strategies): every run here compiles.
const run = (args: string[], input?: string) => spawnSync(process.execPath, [join(root, "dist/src/cli/run.js"), ...args],
  { encoding: "utf8", cwd: root, input, timeout: 300_000, env: { ...process.env, XDG_CACHE_HOME: join(dir, "cache") } });
const file = (name: string, text: string) => { const f = join(dir, name); writeFileSync(f, text); return f; };

for (const name of ALL_EXAMPLES) {
  for (const engine of ["wasm", "interp"]) {
    if (engine === "interp" && name === "matmul_loops") continue; // 16.7M interpreted iterations: the small one covers it
    test(`examples/${name}.mlir under --engine ${engine} prints its expected output`, () => {
      const r = run([`examples/${name}.mlir`, "--engine", engine]);
      assert.equal(r.status, expectedExitCode(name), r.stderr);
      assert.equal(maskOutput(r.stdout), expectedOutput(name));
    });
  }
}

test("--entry-point-result prints the result as mlir-cpu-runner does; an i32 main is the exit code", () => {
  const f = file("res.mlir", `func.func @f() -> f32 {
  %c = arith.constant 2.5 : f32
  return %c : f32
}
func.func @g() -> i64 {
  %c = arith.constant -7 : i64
  return %c : i64
}
func.func @main() -> i32 {
  %c = arith.constant 42 : i32
  return %c : i32
}`);
  assert.equal(run([f, "-e", "f", "--entry-point-result=f32"]).stdout, "2.500000e+00\n");
  assert.equal(run([f, "-e", "g", "--entry-point-result=i64"]).stdout, "-7\n");
  // mlir-cpu-runner's command lines work: single-dash long options, -O0..-O3, its runner-utils libraries.
  assert.equal(run([f, "-e", "g", "-entry-point-result=i64", "-engine", "interp"]).stdout, "-7\n");
  const libs = "-shared-libs=/usr/lib/llvm-19/lib/libmlir_c_runner_utils.so,/usr/lib/llvm-19/lib/libmlir_runner_utils.so";
  for (const level of ["-O0", "-O1", "-O3"]) assert.equal(run([f, "-e", "f", level, "-entry-point-result=f32", libs]).stdout, "2.500000e+00\n", level);
  const bad = run([f, "--shared-libs=/opt/libfoo.so"]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--shared-libs: cannot load '\/opt\/libfoo\.so': tensorlang-run loads no native libraries/);
  assert.match(run([f, "-O4"]).stderr, /--opt-level 4: expected 0 to 3/);
  for (const engine of ["wasm", "interp"]) assert.equal(run([f, "--engine", engine]).status, 42);
});

test("--entry-point-result of a kind the entry does not return is refused before it runs, as mlir-cpu-runner refuses it", () => {
  const f = file("kinds.mlir", `func.func @main() {
  %c = arith.constant 3 : i32
  vector.print %c : i32
  return
}
func.func @f() -> f32 {
  %c = arith.constant 2.5 : f32
  return %c : f32
}
func.func @two() -> (i32, i32) {
  %c = arith.constant 1 : i32
  return %c, %c : i32, i32
}`);
  const refused = (args: string[], message: string) => {
    const r = run([f, ...args]);
    assert.deepEqual([r.status, r.stdout], [2, ""], args.join(" ")); // (main would have printed 3)
    assert.equal(r.stderr.trim(), `tensorlang-run: ${message}`);
  };
  refused(["--entry-point-result=i32"], "--entry-point-result=i32 needs an entry returning one i32: @main returns nothing");
  refused(["-e", "f", "--entry-point-result=void"], "--entry-point-result=void needs an entry returning nothing: @f returns f32");
  refused(["-e", "f", "--entry-point-result=i32"], "--entry-point-result=i32 needs an entry returning one i32: @f returns f32");
  refused(["-e", "f", "--entry-point-result=f64"], "--entry-point-result=f64 needs an entry returning one f64: @f returns f32");
  refused(["-e", "two", "--entry-point-result=i32"], "--entry-point-result=i32 needs an entry returning one i32: @two returns i32, i32");
  assert.deepEqual([run([f, "--entry-point-result=void"]).stdout, run([f, "-e", "f", "--entry-point-result=f32"]).stdout], ["3\n", "2.500000e+00\n"]);
});

test("--entry-point-result prints NaN, infinities and -0 as mlir-cpu-runner's llvm::write_double does", () => {
  const f = file("specials.mlir", ["0x7FC00000", "0x7F800000", "0xFF800000", "-0.0"].map((v, i) => `func.func @f${i}() -> f32 {
  %c = arith.constant ${v} : f32
  return %c : f32
}`).join("\n"));
  for (const engine of ["wasm", "interp"]) {
    const out = [0, 1, 2, 3].map((i) => run([f, "-e", `f${i}`, "--engine", engine, "--entry-point-result=f32"]).stdout);
    assert.deepEqual(out, ["nan\n", "INF\n", "-INF\n", "-0.000000e+00\n"], engine);
  }
});

test("--entry-point-result=f32 of an f16 or bf16 entry prints its value, rounded to the type, under both engines (wasm refused f16)", () => {
  const f = file("half.mlir", `func.func @h() -> f16 {
  %a = arith.constant 0.1 : f16
  %s = arith.addf %a, %a : f16
  return %s : f16
}
func.func @inf() -> f16 {
  %a = arith.constant 65504.0 : f16
  %s = arith.addf %a, %a : f16
  return %s : f16
}
func.func @b() -> bf16 {
  %one = arith.constant 1.0 : bf16
  %three = arith.constant 3.0 : bf16
  %q = arith.divf %one, %three : bf16
  return %q : bf16
}`);
  for (const engine of ["wasm", "interp"]) {
    const out = ["h", "inf", "b"].map((e) => run([f, "-e", e, "--engine", engine, "--entry-point-result=f32"]).stdout);
    assert.deepEqual(out, ["1.999512e-01\n", "INF\n", "3.339844e-01\n"], engine);
  }
});

test("a trap is a runtime error naming the function and the op (exit 4); bounds checks name the access and the memref, alike in both engines", () => {
  const f = file("trap.mlir", `func.func @div(%a: i32, %b: i32) -> i32 {
  %q = arith.divsi %a, %b : i32
  return %q : i32
}
func.func @oob(%m: memref<4xf32>, %i: index) -> f32 {
  %v = memref.load %m[%i] : memref<4xf32>
  return %v : f32
}
func.func @vec(%i: index) -> vector<4xf32> {
  %m = memref.alloc() : memref<8xf32>
  %v = vector.load %m[%i] : memref<8xf32>, vector<4xf32>
  return %v : vector<4xf32>
}
func.func @main() {
  %m = memref.alloc() : memref<4xf32>
  %c9 = arith.constant 9 : index
  %v = call @oob(%m, %c9) : (memref<4xf32>, index) -> f32
  %a = arith.constant 1 : i32
  %z = arith.constant 0 : i32
  %q = call @div(%a, %z) : (i32, i32) -> i32
  return
}`);
  for (const engine of ["wasm", "interp"]) {
    const checked = run([f, "--check-bounds", "--engine", engine]);
    assert.equal(checked.status, 4, checked.stderr);
    assert.equal(checked.stderr, `tensorlang-run: runtime error in @oob: memref.load at ${f}:6:8: index [9] is out of bounds for argument #0 of @oob (memref<4xf32>) with shape [4]\n`, engine);
  }
  const vec = file("vec.mlir", `func.func @main() {
  %c5 = arith.constant 5 : index
  %m = memref.alloc() : memref<8xf32>
  %v = vector.load %m[%c5] : memref<8xf32>, vector<4xf32>
  return
}`);
  for (const engine of ["wasm", "interp"]) {
    assert.equal(run([vec, "--check-bounds", "--engine", engine]).stderr,
      `tensorlang-run: runtime error in @main: vector.load at ${vec}:4:8: index [5] is out of bounds for result of memref.alloc at ${vec}:3:8 (memref<8xf32>) with shape [8] (a 4-element vector access)\n`, engine);
  }
  const r = run([f]);
  assert.equal(r.status, 4, r.stderr);
  assert.equal(r.stderr, `tensorlang-run: runtime error in @div: arith.divsi at ${f}:2:8: integer divide by zero\n`);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

// Expected output: mlir-opt-19 + mlir-cpu-runner-19 on the same program.
test("views with negative strides (a buffer read backwards) compute the right values under both engines, checked or not", () => {
  const f = file("reversed.mlir", `func.func private @printMemrefF32(memref<*xf32>)

// sums through a view whose static stride is negative: the ABI passes no stride for it
func.func @sum(%v: memref<4xf32, strided<[-1], offset: 3>>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %z = arith.constant 0.0 : f32
  %s = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %z) -> f32 {
    %x = memref.load %v[%i] : memref<4xf32, strided<[-1], offset: 3>>
    %w = arith.index_cast %i : index to i32
    %wf = arith.sitofp %w : i32 to f32
    %p = arith.mulf %x, %wf : f32
    %a = arith.addf %acc, %p : f32
    scf.yield %a : f32
  }
  return %s : f32
}

func.func @main() {
  %buf = memref.alloc() : memref<2x4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c2 step %c1 {
    scf.for %j = %c0 to %c4 step %c1 {
      %k = affine.apply affine_map<(d0, d1) -> (d0 * 4 + d1)>(%i, %j)
      %ii = arith.index_cast %k : index to i32
      %f = arith.sitofp %ii : i32 to f32
      memref.store %f, %buf[%i, %j] : memref<2x4xf32>
    }
  }
  // rows swapped and columns reversed
  %r = memref.subview %buf[1, 3] [2, 4] [-1, -1] : memref<2x4xf32> to memref<2x4xf32, strided<[-4, -1], offset: 7>>
  %copy = memref.alloc() : memref<2x4xf32>
  memref.copy %r, %copy : memref<2x4xf32, strided<[-4, -1], offset: 7>> to memref<2x4xf32>
  %u = memref.cast %copy : memref<2x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %row = memref.subview %buf[0, 3] [1, 4] [1, -1] : memref<2x4xf32> to memref<4xf32, strided<[-1], offset: 3>>
  %pad = arith.constant 0.0 : f32
  %tr = vector.transfer_read %row[%c0], %pad : memref<4xf32, strided<[-1], offset: 3>>, vector<4xf32>
  vector.print %tr : vector<4xf32>
  %s = call @sum(%row) : (memref<4xf32, strided<[-1], offset: 3>>) -> f32
  vector.print %s : f32
  // a dynamic negative stride
  %m2 = arith.constant -2 : index
  %c7 = arith.constant 7 : index
  %flat = memref.collapse_shape %buf [[0, 1]] : memref<2x4xf32> into memref<8xf32>
  %ev = memref.subview %flat[%c7] [4] [%m2] : memref<8xf32> to memref<4xf32, strided<[?], offset: ?>>
  %u2 = memref.cast %ev : memref<4xf32, strided<[?], offset: ?>> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  memref.dealloc %copy : memref<2x4xf32>
  memref.dealloc %buf : memref<2x4xf32>
  return
}`);
  const want = `Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 4] strides = [4, 1] data = 
[[7,   6,   5,   4], 
 [3,   2,   1,   0]]
( 3, 2, 1, 0 )
4
Unranked Memref base@ = 0x<masked> rank = 1 offset = 7 sizes = [4] strides = [-2] data = 
[7,  5,  3,  1]
`;
  for (const engine of ["wasm", "interp"]) {
    for (const checked of [[], ["--check-bounds"]]) {
      const r = run([f, "--engine", engine, ...checked]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(maskOutput(r.stdout), want, `${engine} ${checked.join(" ")}`);
    }
  }
  const past = file("reversed-past.mlir", `func.func @main() {
  %m = memref.alloc() : memref<4xf32>
  %c4 = arith.constant 4 : index
  %r = memref.subview %m[3] [4] [-1] : memref<4xf32> to memref<4xf32, strided<[-1], offset: 3>>
  %v = memref.load %r[%c4] : memref<4xf32, strided<[-1], offset: 3>>
  return
}`);
  for (const engine of ["wasm", "interp"]) {
    assert.equal(run([past, "--check-bounds", "--engine", engine]).stderr, `tensorlang-run: runtime error in @main: memref.load at ${past}:5:8: index [4] is out of bounds \
for result of memref.subview at ${past}:4:8 (memref<4xf32, strided<[-1], offset: 3>>) with shape [4]\n`, engine);
  }
});

// A cast to a static size, offset or stride (or rank, from memref<*xf32>) that the operand lacks
// is undefined behaviour in MLIR, whose --generate-runtime-verification checks it; the
// interpreter always stops there, the wasm engine under --check-bounds (unchecked, it runs on).
const CASTS = `func.func @sized(%n: index) {
  %m = memref.alloc(%n) : memref<?xf32>
  %s = memref.cast %m : memref<?xf32> to memref<4xf32>
  memref.dealloc %m : memref<?xf32>
  return
}
func.func @at(%o: index, %st: index) {
  %m = memref.alloc() : memref<16xf32>
  %v = memref.subview %m[%o] [4] [%st] : memref<16xf32> to memref<4xf32, strided<[?], offset: ?>>
  %s = memref.cast %v : memref<4xf32, strided<[?], offset: ?>> to memref<4xf32, strided<[1], offset: 2>>
  memref.dealloc %m : memref<16xf32>
  return
}
func.func @ranked(%u: memref<*xf32>) {
  %s = memref.cast %u : memref<*xf32> to memref<2x2xf32>
  return
}
func.func @first(%t: tensor<?xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %s = tensor.cast %t : tensor<?xf32> to tensor<4xf32>
  %x = tensor.extract %s[%c0] : tensor<4xf32>
  return %x : f32
}
func.func @ok() {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  call @sized(%c4) : (index) -> ()
  call @at(%c2, %c1) : (index, index) -> ()
  %m = memref.alloc() : memref<2x2xf32>
  %u = memref.cast %m : memref<2x2xf32> to memref<*xf32>
  call @ranked(%u) : (memref<*xf32>) -> ()
  memref.dealloc %m : memref<2x2xf32>
  %t = tensor.empty(%c4) : tensor<?xf32>
  %x = call @first(%t) : (tensor<?xf32>) -> f32
  vector.print str "ok\\n"
  return
}
func.func @size() {
  %c5 = arith.constant 5 : index
  call @sized(%c5) : (index) -> ()
  return
}
func.func @offset() {
  %c1 = arith.constant 1 : index
  call @at(%c1, %c1) : (index, index) -> ()
  return
}
func.func @stride() {
  %c2 = arith.constant 2 : index
  call @at(%c2, %c2) : (index, index) -> ()
  return
}
func.func @rank() {
  %m = memref.alloc() : memref<4xf32>
  %u = memref.cast %m : memref<4xf32> to memref<*xf32>
  call @ranked(%u) : (memref<*xf32>) -> ()
  return
}
func.func @tensor() {
  %c5 = arith.constant 5 : index
  %t = tensor.empty(%c5) : tensor<?xf32>
  %x = call @first(%t) : (tensor<?xf32>) -> f32
  return
}`;
// entry: [the function and our message, the line:col of the cast, MLIR's words for the check]
const CAST_FAILURES: Record<string, [string, string, string]> = {
  size: ["@sized: memref.cast at F:3:8: size 5 of dimension 0 does not match memref<4xf32>", "3:8", "size mismatch of dim 0"],
  offset: ["@at: memref.cast at F:10:8: offset 1 does not match memref<4xf32, strided<[1], offset: 2>>", "10:8", "offset mismatch"],
  stride: ["@at: memref.cast at F:10:8: stride 2 of dimension 0 does not match memref<4xf32, strided<[1], offset: 2>>", "10:8", "stride mismatch of dim 0"],
  rank: ["@ranked: memref.cast at F:15:8: rank 1 does not match memref<2x2xf32>", "15:8", "rank mismatch"],
  // tensor.cast is a memref.cast once bufferized, at the same place
  tensor: ["@first: memref.cast at F:20:8: size 5 of dimension 0 does not match memref<4xf32>", "20:8", "size mismatch of dim 0"],
};

test("--check-bounds: a cast to a size, offset, stride or rank its operand lacks stops the run at the cast, alike in both engines", () => {
  const f = file("casts.mlir", CASTS);
  for (const engine of ["wasm", "interp"]) {
    const ok = run([f, "-e", "ok", "--check-bounds", "--engine", engine]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, "ok\n", engine);
    for (const [entry, [want]] of Object.entries(CAST_FAILURES)) {
      const r = run([f, "-e", entry, "--check-bounds", "--engine", engine]);
      assert.equal(r.status, 4, `${engine} ${entry}: ${r.stderr}`);
      assert.equal(r.stderr, `tensorlang-run: runtime error in ${want.replace("F:", `${f}:`)}\n`, `${engine} ${entry}`);
    }
  }
  // Unchecked, the wasm engine does not look: the cast is free.
  assert.equal(run([f, "-e", "size"]).status, 0);
});

test("mlir-cpu-runner-19 stops at the same casts under --generate-runtime-verification", { skip: mlirSkip() }, () => {
  const before = ["--one-shot-bufferize=bufferize-function-boundaries", "--generate-runtime-verification"];
  // Unbuffered stdout, so the message printed before abort() is not lost in the pipe.
  const stdbuf = "/usr/libexec/coreutils/libstdbuf.so", env = existsSync(stdbuf) ? { LD_PRELOAD: stdbuf, _STDBUF_O: "0" } : undefined;
  const ok = mlirRun(CASTS, { entry: "ok", before, env });
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout, "ok\n");
  for (const [entry, [, at, check]] of Object.entries(CAST_FAILURES)) {
    const r = mlirRun(CASTS, { entry, before, env });
    assert.notEqual(r.code, 0, entry);
    if (env) assert.match(r.stdout, new RegExp(`^ERROR: Runtime op verification failed\\n.*\\n\\^ ${check}\\nLocation: loc\\(".*":${at}\\)`), entry);
  }
});

/** Buffers with a size 0, static or not, and a checked cast of one to the strides MLIR's alloc gives it. */
const ZERO_SIZES = `func.func private @printMemrefF32(memref<*xf32>)
func.func @show(%m: memref<*xf32>) {
  call @printMemrefF32(%m) : (memref<*xf32>) -> ()
  return
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %a = memref.alloc() : memref<3x0x2xf32>
  %b = memref.alloca() : memref<2x3x0xf32>
  %c = memref.alloc(%c2) : memref<4x?x0x2xf32>
  %d = memref.alloc(%c0) : memref<4x0x?x2xf32>
  %e = memref.alloc() : memref<2x0xf32>
  %s = memref.cast %e : memref<2x0xf32> to memref<2x0xf32, strided<[1, 1]>>
  %ua = memref.cast %a : memref<3x0x2xf32> to memref<*xf32>
  %ub = memref.cast %b : memref<2x3x0xf32> to memref<*xf32>
  %uc = memref.cast %c : memref<4x?x0x2xf32> to memref<*xf32>
  %ud = memref.cast %d : memref<4x0x?x2xf32> to memref<*xf32>
  %us = memref.cast %s : memref<2x0xf32, strided<[1, 1]>> to memref<*xf32>
  call @show(%ua) : (memref<*xf32>) -> ()
  call @show(%ub) : (memref<*xf32>) -> ()
  call @show(%uc) : (memref<*xf32>) -> ()
  call @show(%ud) : (memref<*xf32>) -> ()
  call @show(%us) : (memref<*xf32>) -> ()
  return
}
`;
const headers = (out: string) => maskOutput(out).split("\n").filter((l) => l.startsWith("Unranked"));

test("buffers with a size 0 get MLIR's strides (a static 0 counted as 1), print no element, and cast to them under checks, in both engines", () => {
  const f = file("zero.mlir", ZERO_SIZES);
  for (const args of [["--check-bounds"], ["--engine", "interp"]]) {
    const r = run([f, ...args]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(headers(r.stdout).map((l) => l.replace(/.*sizes/, "sizes")), ["sizes = [3, 0, 2] strides = [2, 2, 1] data = ",
      "sizes = [2, 3, 0] strides = [3, 1, 1] data = ", "sizes = [4, 2, 0, 2] strides = [4, 2, 2, 1] data = ",
      "sizes = [4, 0, 0, 2] strides = [0, 0, 2, 1] data = ", "sizes = [2, 0] strides = [1, 1] data = "], args.join(" "));
    assert.equal((r.stdout.match(/^\[\]$/gm) ?? []).length, 5);
  }
});

test("mlir-cpu-runner-19 gives those buffers the same strides", { skip: mlirSkip() }, () => {
  const r = mlirRun(ZERO_SIZES);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(headers(r.stdout), headers(run([file("zero.mlir", ZERO_SIZES)]).stdout));
});

test("an allocation over the memory cap is a runtime error naming the function, under both engines", () => {
  const f = file("oom.mlir", `func.func @grab(%n: index, %m: index) {
  %a = memref.alloc(%n, %m) : memref<?x?xf32>
  return
}
func.func @main() {
  %n = arith.constant 65536 : index
  %m = arith.constant 65537 : index
  call @grab(%n, %m) : (index, index) -> ()
  return
}
`);
  for (const engine of ["wasm", "interp"]) {
    const r = run([f, "--engine", engine]);
    assert.equal(r.status, 4, r.stderr);
    assert.equal(r.stderr, "tensorlang-run: runtime error in @grab: allocation of 17180131328 bytes exceeds the memory cap of 1073741824 bytes\n", engine);
  }
});

test("tensor sizes that disagree at run time are a runtime error at the op's line, under both engines", () => {
  const f = file("mm-dyn.mlir", `func.func @main() {
  %a = tensorlang.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32> : tensor<2x?xf32>
  %b = tensorlang.constant dense<[[7.0, 8.0], [9.0, 10.0]]> : tensor<2x2xf32> : tensor<?x2xf32>
  %c = tensorlang.matmul %a, %b : tensor<2x?xf32>, tensor<?x2xf32> -> tensor<2x2xf32>
  tensorlang.print %c : tensor<2x2xf32>
  return
}
`);
  for (const engine of ["wasm", "interp"]) {
    const r = run([f, "--engine", engine]);
    assert.deepEqual([r.status, r.stdout, r.stderr], [4, "", "tensorlang-run: runtime error in @main: tensor sizes disagree at line 4: 3 vs 2\n"], engine);
  }
});

test("values read from resource blobs print alike under both engines: each element type, i1 one byte each", () => {
  const f = file("blobs.mlir", `memref.global "private" constant @shorts : memref<3xi16> = dense_resource<shorts>
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %w = arith.constant dense_resource<weights> : tensor<2x2xf32>
  %m = bufferization.to_memref %w : memref<2x2xf32>
  %u = memref.cast %m : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %flags = arith.constant dense_resource<flags> : tensor<3xi1>
  %bytes = arith.constant dense_resource<bytes> : tensor<3xi8>
  %s = memref.get_global @shorts : memref<3xi16>
  %zero = arith.constant 0 : i64
  // sum of bytes where the flag is set, and of all shorts, over a loop the folder leaves alone
  %sum = scf.for %i = %c0 to %c3 step %c1 iter_args(%acc = %zero) -> (i64) {
    %flag = tensor.extract %flags[%i] : tensor<3xi1>
    %b = tensor.extract %bytes[%i] : tensor<3xi8>
    %b64 = arith.extsi %b : i8 to i64
    %z = arith.select %flag, %b64, %zero : i64
    %h = memref.load %s[%i] : memref<3xi16>
    %h64 = arith.extsi %h : i16 to i64
    %a = arith.addi %acc, %z : i64
    %a2 = arith.addi %a, %h64 : i64
    scf.yield %a2 : i64
  }
  vector.print %sum : i64
  %big = arith.constant dense_resource<big> : tensor<2xi64>
  %b1 = tensor.extract %big[%c1] : tensor<2xi64>
  vector.print %b1 : i64
  %half = arith.constant dense_resource<halves> : tensor<2xf16>
  %h1 = tensor.extract %half[%c1] : tensor<2xf16>
  %h1f = arith.extf %h1 : f16 to f32
  vector.print %h1f : f32
  %brain = arith.constant dense_resource<brain> : tensor<1xbf16>
  %r0 = tensor.extract %brain[%c0] : tensor<1xbf16>
  %r0f = arith.extf %r0 : bf16 to f32
  vector.print %r0f : f32
  %dbl = arith.constant dense_resource<dbl> : tensor<1xf64>
  %d0 = tensor.extract %dbl[%c0] : tensor<1xf64>
  vector.print %d0 : f64
  %idx = arith.constant dense_resource<idx> : tensor<1xindex>
  %i0 = tensor.extract %idx[%c0] : tensor<1xindex>
  %i64 = arith.index_cast %i0 : index to i64
  vector.print %i64 : i64
  return
}
func.func private @printMemrefF32(memref<*xf32>)
{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F000000400000404000008040",
      flags: "0x01000000010002",
      bytes: "0x01000000FF0A64",
      shorts: "0x02000000E8030100FFFF",
      big: "0x08000000000000000000000000000000FFFFFFFF",
      halves: "0x02000000003C00C2",
      brain: "0x02000000C03F",
      dbl: "0x08000000000000000000F43F",
      idx: "0x080000002A00000000000000"
    }
  }
#-}
`);
  // flags 1, 0, 2 (nonzero is true): bytes -1 and 100 count; shorts 1000 + 1 - 1
  const want = "Unranked Memref base@ = 0x<masked> rank = 2 offset = 0 sizes = [2, 2] strides = [2, 1] data = \n[[1,   2], \n [3,   4]]\n"
    + "1099\n-4294967296\n-3\n1.5\n1.25\n42\n";
  for (const engine of ["wasm", "interp"]) {
    const r = run([f, "--engine", engine]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(maskOutput(r.stdout), want, engine);
  }
});

test("a dense_resource without a blob (mlir-opt's __elided__) parses, and each engine refuses to run it, naming the value and why", () => {
  const f = file("elided.mlir", `memref.global "private" constant @g : memref<3xf32> = dense_resource<__elided__>
func.func @main() {
  %m = memref.get_global @g : memref<3xf32>
  %c0 = arith.constant 0 : index
  %e = memref.load %m[%c0] : memref<3xf32>
  vector.print %e : f32
  return
}
`);
  for (const engine of ["wasm", "interp"]) {
    const r = run([f, "--engine", engine]);
    assert.notEqual(r.status, 0, engine);
    assert.match(r.stderr, /memref\.global @g: dense_resource<__elided__> : tensor<3xf32> has no values TensorLang reads \(mlir-opt left them out: --mlir-elide-elementsattrs-if-larger\)/, engine);
  }
});

test("float-to-int conversions out of range saturate alike under both engines and in the folder (MLIR: poison)", () => {
  const f = file("cvt.mlir", `func.func @main() {
  %a = arith.constant 3.0e9 : f32
  %b = arith.constant -3.0e9 : f32
  %c = arith.constant 300.5 : f32
  %z = arith.constant 0.0 : f32
  %nan = arith.divf %z, %z : f32
  %big = arith.constant 1.0e30 : f64
  %i1 = arith.fptosi %a : f32 to i32
  %i2 = arith.fptosi %b : f32 to i32
  %i3 = arith.fptosi %c : f32 to i8
  %i3w = arith.extsi %i3 : i8 to i32
  %i4 = arith.fptosi %nan : f32 to i32
  %i5 = arith.fptoui %a : f32 to i32
  %i6 = arith.fptoui %b : f32 to i32
  %i7 = arith.fptosi %big : f64 to i64
  %fmt = llvm.mlir.addressof @fmt : !llvm.ptr
  %x = llvm.call @printf(%fmt, %i1, %i2, %i3w, %i4, %i5, %i6, %i7) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, i32, i32, i32, i32, i32, i32, i64) -> i32
  return
}
llvm.mlir.global internal constant @fmt("%d %d %d %d %u %u %ld\\0A\\00") {addr_space = 0 : i32}
llvm.func @printf(!llvm.ptr, ...) -> i32
`);
  const want = "2147483647 -2147483648 44 0 3000000000 0 9223372036854775807\n";
  for (const engine of ["wasm", "interp"]) assert.equal(run([f, "--engine", engine]).stdout, want, engine);
  const folded = spawnSync(process.execPath, [join(root, "dist/src/cli/opt.js"), f, "--canonicalize"], { encoding: "utf8" });
  assert.equal(run(["-"], folded.stdout).stdout, want, "after constant folding");
});

test("a program that uses a linear value twice, or never, does not run: each is reported at its definition (exit 1)", () => {
  const T = "!tensorlang.tensor<f32, 2>";
  const text = `func.func @main() {\n  %a = tensorlang.constant dense<1.0> : ${T}\n  %b = tensorlang.constant dense<2.0> : ${T}\n  %c = tensorlang.add %a, %a : ${T}\n  tensorlang.print %c : ${T}\n  return\n}\n`;
  for (const engine of ["wasm", "interp"]) {
    const r = run([file("linear.mlir", text), "--engine", engine]);
    assert.equal(r.status, 1, engine);
    assert.equal(r.stdout, "", engine);
    assert.deepEqual([...r.stderr.matchAll(/linear\.mlir:(\d+:\d+): error: (.*)/g)].map((x) => `${x[1]} ${x[2]}`),
      ["2:8 result with linear type must be used exactly once", "3:8 result with linear type must be used exactly once"], engine);
  }
});

test("a failed assertion names its line and what it requires (exit 3), under both engines and from a cached unit", () => {
  const text = "func.func @main() {\n  %a = arith.constant 1.0 : f32\n  %b = arith.constant 2.0 : f32\n  %c = arith.cmpf ogt, %a, %b : f32\n  tensorlang.assert %c\n  return\n}\n";
  const f = file("assert.mlir", text), cache = join(dir, "assert-cache");
  for (const args of [["--engine", "interp"], ["--cache-dir", cache], ["--cache-dir", cache]]) {
    const r = run([f, ...args]);
    assert.equal(r.status, 3, args.join(" "));
    assert.equal(r.stderr, `tensorlang-run: assertion failed at ${f}:5: tensorlang.assert in @main \`tensorlang.assert %c\`; the program requires (%c = arith.cmpf ogt, %a, %b : f32) (run with --heal to repair it)\n`);
  }
});

test("diagnostics exit 1, usage errors exit 2, --print-ir-after-lowering shows loop-level IR", () => {
  const bad = run([file("bad.mlir", "func.func @main() {\n  %x = arith.addf %y, %y : f32\n  return\n}\n")]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /bad\.mlir:2:19: error: use of undeclared SSA value name '%y'/);
  assert.match(run(["-"], "func.func @main() {\n  %x = arith.addf %y, %y : f32\n  return\n}\n").stderr, /^<stdin>:2:19: error: use of undeclared SSA value name '%y'/);
  assert.equal(run([join(dir, "nope.mlir")]).status, 2);
  assert.equal(run(["examples/hello.mlir", "--engine", "gpu"]).status, 2);
  assert.equal(run(["examples/hello.mlir", "--model-path", join(dir, "nope.gguf"), "--optimize", "main"]).status, 2);
  const unknown = run(["examples/matmul_loops.mlir", "--optimize", "matmul,nope"]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /--optimize: no function @nope with a body in examples\/matmul_loops\.mlir \(defined: @matmul, @main\)/);
  const entry = run(["examples/matmul_loops.mlir", "--entry", "nope"]);
  assert.equal(entry.status, 2);
  assert.equal(entry.stderr, "tensorlang-run: no entry function @nope with a body in examples/matmul_loops.mlir (defined: @matmul, @main)\n");
  // an entry with parameters (the interpreter stopped with an internal error and a stack trace)
  for (const engine of ["wasm", "interp"]) {
    const args = run(["examples/matmul_loops.mlir", "--entry", "matmul", "--engine", engine]);
    assert.equal(args.status, 2, engine);
    assert.equal(args.stderr, "tensorlang-run: entry function @matmul takes 3 argument(s) (memref<256x256xf32>, memref<256x256xf32>, memref<256x256xf32>); tensorlang-run calls it with none\n");
  }
  // Output paths that cannot be written fail before the search, not after it.
  for (const [flag, path, why] of [["--report", join(dir, "no-dir", "r.json"), "no such directory"], ["--report", dir, "is a directory"],
    ["--experience-log", join(dir, "bad.mlir", "x.jsonl"), "a part of the path is not a directory"]]) {
    const r = run(["examples/matmul_loops.mlir", "--optimize", "matmul", "--no-cache", flag, path]);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, `tensorlang-run: ${flag}: cannot write '${path}': ${why}\n`);
  }
  const ir = run(["examples/matmul_tensor.mlir", "--print-ir-after-lowering"]);
  assert.equal(ir.status, 0, ir.stderr);
  assert.match(ir.stderr, /scf.for|affine.for/);
  assert.doesNotMatch(ir.stderr, /tensorlang.matmul|linalg.matmul/);
});
