// The reflection API from running programs, through tensorlang-run.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "../support/mlir.js";

const root = repoRoot();
const run = (args: string[]) => spawnSync(process.execPath, [join(root, "dist/src/cli/run.js"), ...args], { encoding: "utf8", cwd: root, timeout: 120_000 });

test("get_ir, compile (equivalent accepted, wrong refused), symbol address + indirect call", () => {
  const r = run(["examples/reflect.mlir", "--no-cache"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, readFileSync(join(root, "examples/reflect.expected"), "utf8"));
  assert.match(r.stderr, /tensorlang_compile: @scale rejected by the sandbox: wrong-result/);
});

test("query_model returns the runner's answer into program memory; no runner is a clear message", () => {
  const dir = mkdtempSync(join(tmpdir(), "tl-refl-"));
  writeFileSync(join(dir, "a.jsonl"), JSON.stringify("vectorize the innermost loop") + "\n");
  const r = run(["examples/ask_model.mlir", "--runner", "mock", "--mock-responses", join(dir, "a.jsonl")]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, readFileSync(join(root, "examples/ask_model.expected"), "utf8"));
  const none = run(["examples/ask_model.mlir", "--runner", "none"]);
  assert.equal(none.status, 0);
  assert.match(none.stderr, /tensorlang_query_model: no model runner is configured/);
});

test("unknown symbol gives a null handle and a message; the interpreter refuses reflection clearly", () => {
  const dir = mkdtempSync(join(tmpdir(), "tl-refl-"));
  const f = join(dir, "p.mlir");
  writeFileSync(f, `module {
  llvm.func @printf(!llvm.ptr, ...) -> i32
  llvm.func @tensorlang_get_symbol_address(!llvm.ptr) -> !llvm.ptr
  llvm.mlir.global internal constant @n("nope\\00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @fmt("handle: %p\\0A\\00") {addr_space = 0 : i32}
  func.func @main() -> i32 {
    %n = llvm.mlir.addressof @n : !llvm.ptr
    %p = llvm.call @tensorlang_get_symbol_address(%n) : (!llvm.ptr) -> !llvm.ptr
    %f = llvm.mlir.addressof @fmt : !llvm.ptr
    %0 = llvm.call @printf(%f, %p) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, !llvm.ptr) -> i32
    %c7 = arith.constant 7 : i32
    return %c7 : i32
  }
}`);
  const r = run([f]);
  assert.equal(r.status, 7, r.stderr); // main's i32 result is the exit code
  assert.equal(r.stdout, "handle: (nil)\n");
  assert.match(r.stderr, /no function @nope in the program/);
  const i = run([f, "--engine", "interp"]);
  assert.equal(i.status, 2);
  assert.match(i.stderr, /needs --engine wasm/);
});
