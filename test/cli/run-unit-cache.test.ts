// tensorlang-run's cache of compiled programs (src/runtime/unit-cache.ts): a second run of the
// same program links the unit compiled by the first and prints, fails and exits exactly as it
// did; anything the binary depends on (the text, the file name, --check-bounds, -O) is a new entry.
// TENSORLANG_WASM_DUMP=raw shows whether a run compiled: the compiler prints the module text.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "../support/mlir.js";
import { relaxedMaddFused } from "../../src/backend/wasm/abi.js";

const root = repoRoot();
const dir = mkdtempSync(join(tmpdir(), "tl-unit-cache-"));
const file = (name: string, text: string) => { const f = join(dir, name); writeFileSync(f, text); return f; };

/** One run with the cache under `cache`: its output, and whether it compiled the program. */
function run(cache: string, args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "dist/src/cli/run.js"), ...args],
    { encoding: "utf8", cwd: root, timeout: 120_000, env: { ...process.env, XDG_CACHE_HOME: cache, TENSORLANG_WASM_DUMP: "raw" } });
  const compiled = r.stderr.includes("(module");
  const stderr = r.stderr.replace(/^\(module[\s\S]*?^\)\n/gm, ""); // the dump, not the run's own messages
  return { status: r.status, stdout: r.stdout, stderr, compiled };
}

const TRAP = `func.func @div(%a: i32, %b: i32) -> i32 {
  %q = arith.divsi %a, %b : i32
  return %q : i32
}
func.func @main() -> i32 {
  %a = arith.constant 7 : i32
  %z = arith.constant 0 : i32
  %r = func.call @div(%a, %z) : (i32, i32) -> i32
  return %r : i32
}
`;
const OOB = `func.func @main() {
  %c9 = arith.constant 9 : index
  %m = memref.alloc() : memref<4xf32>
  %v = memref.load %m[%c9] : memref<4xf32>
  return
}
`;

test("a second run links the cached unit and prints, fails and exits as the first did", () => {
  const cache = mkdtempSync(join(dir, "c-"));
  const trap = file("trap.mlir", TRAP);
  // [arguments, whether the first run compiles]
  const cases: Array<[string[], boolean]> = [
    [["examples/hello.mlir"], true], [["examples/printf.mlir"], true], [["examples/lander_wrong_op.mlir"], true], // a failed assertion: exit 3
    [["examples/mlp.mlir", "--entry-point-result", "void"], true],
    [[trap], true], [[trap, "--entry-point-result", "i32"], false], // a located trap, exit 4; the result kind is no part of the binary
    [[file("oob.mlir", OOB), "--check-bounds"], true], // a bounds failure names the access
  ];
  for (const [args, compiles] of cases) {
    const first = run(cache, args), second = run(cache, args);
    assert.equal(first.compiled, compiles, args.join(" "));
    assert.equal(second.compiled, false, `${args.join(" ")}: the second run compiled`);
    assert.deepEqual({ ...second, compiled: true }, { ...first, compiled: true }, args.join(" "));
  }
  assert.match(run(cache, [file("trap.mlir", TRAP)]).stderr, /^tensorlang-run: runtime error in @div: arith\.divsi at .*trap\.mlir:2:8: integer divide by zero\n$/);
});

test("a changed program, another file name, --check-bounds or -O level compiles anew; --no-cache writes nothing", () => {
  const cache = mkdtempSync(join(dir, "c-"));
  const f = file("v.mlir", OOB);
  assert.equal(run(cache, [f]).compiled, true);
  assert.equal(run(cache, [f]).compiled, false);
  const checked = run(cache, [f, "--check-bounds"]);
  assert.equal(checked.compiled, true, "--check-bounds is another binary");
  assert.equal(checked.status, 4);
  assert.match(checked.stderr, /memref\.load at .*v\.mlir:4:8: index \[9\] is out of bounds/);
  assert.equal(run(cache, [file("w.mlir", OOB), "--check-bounds"]).compiled, true, "the sites name the file");
  assert.equal(run(cache, [f, "-O0"]).compiled, true, "-O0 is another binary");
  assert.equal(run(cache, [f, "-O0"]).compiled, false);
  writeFileSync(f, OOB.replace("%c9 = arith.constant 9", "%c9 = arith.constant 3"));
  const changed = run(cache, [f, "--check-bounds"]);
  assert.equal(changed.compiled, true);
  assert.equal(changed.status, 0, changed.stderr);

  const none = mkdtempSync(join(dir, "c-"));
  assert.equal(run(none, [f, "--no-cache"]).compiled, true);
  assert.equal(run(none, [f, "--no-cache"]).compiled, true);
  assert.equal(existsSync(join(none, "tensorlang")), false);
});

test("a cache directory that cannot be made is reported and the program runs (Node's recursive mkdir spun forever under /proc)", () => {
  const r = spawnSync(process.execPath, [join(root, "dist/src/cli/run.js"), "examples/hello.mlir", "--cache-dir", "/proc/no-such-dir/cache"],
    { encoding: "utf8", cwd: root, timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Tensor<2x3xf32>:/);
  assert.match(r.stderr, /^tensorlang: could not write the compiled-program cache in \/proc\/no-such-dir\/cache\/units: /);
});

test("a damaged cache entry is reported and is a miss: the program compiles and runs, and the entry is rewritten", () => {
  const cache = mkdtempSync(join(dir, "c-"));
  const first = run(cache, ["examples/hello.mlir"]);
  const units = join(cache, "tensorlang", "units");
  const [entry] = readdirSync(units);
  writeFileSync(join(units, entry), "not a unit");
  const damaged = run(cache, ["examples/hello.mlir"]);
  assert.equal(damaged.compiled, true);
  assert.equal(damaged.stdout, first.stdout);
  assert.match(damaged.stderr, /^tensorlang: ignoring corrupt cache file .*units.[0-9a-f]{40}: /);
  assert.equal(run(cache, ["examples/hello.mlir"]).compiled, false);
});

test("--relaxed-simd makes vector.fma a relaxed multiply-add, and is a binary of its own; without it, only where that rounds once", () => {
  const cache = mkdtempSync(join(dir, "c-"));
  const f = file("fma.mlir", `func.func @main() {
  %a = arith.constant dense<[0.1, 0.2, 0.3, 0.4]> : vector<4xf32>
  %b = arith.constant dense<[3.0, 3.0, 3.0, 3.0]> : vector<4xf32>
  %r = vector.fma %a, %b, %a : vector<4xf32>
  vector.print %r : vector<4xf32>
  return
}
`);
  const dump = (args: string[]) => spawnSync(process.execPath, [join(root, "dist/src/cli/run.js"), f, "--no-cache", ...args],
    { encoding: "utf8", env: { ...process.env, TENSORLANG_WASM_DUMP: "raw" } }).stderr;
  // Rounded once by default, as MLIR's llvm.intr.fma: a relaxed madd only where this CPU's is fused.
  const fused = relaxedMaddFused();
  assert.equal(/relaxed_madd/.test(dump([])), fused);
  assert.match(dump(["--relaxed-simd"]), /f32x4\.relaxed_madd/);
  assert.equal(run(cache, [f]).compiled, true);
  const relaxed = run(cache, [f, "--relaxed-simd"]);
  assert.equal(relaxed.compiled, true, "another binary");
  assert.equal(relaxed.stdout, "( 0.4, 0.8, 1.2, 1.6 )\n");
  assert.equal(run(cache, [f, "--relaxed-simd"]).compiled, false);
});
