// LiveProgram: the program keeps running in a worker while this thread hot-swaps a function;
// the swap takes effect at the program's next host call, and calls see exactly one version.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Engine } from "../../src/runtime/engine.js";
import { LiveProgram } from "../../src/runtime/live.js";

const program = (v: number) => `module {
  func.func private @printI64(i64)
  func.func private @printNewline()
  func.func @version() -> i64 {
    %v = arith.constant ${v} : i64
    return %v : i64
  }
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %n = arith.constant 200000 : index
    %one = arith.constant 1 : i64
    %two = arith.constant 2 : i64
    // Print each call's answer until the new version answers (or 200000 calls).
    %r = scf.for %i = %c0 to %n step %c1 iter_args(%done = %one) -> (i64) {
      %stop = arith.cmpi eq, %done, %two : i64
      %next = scf.if %stop -> (i64) {
        scf.yield %two : i64
      } else {
        %v = func.call @version() : () -> i64
        func.call @printI64(%v) : (i64) -> ()
        func.call @printNewline() : () -> ()
        scf.yield %v : i64
      }
      scf.yield %next : i64
    }
    return
  }
}`;

test("a function swapped while the program runs answers from the next call on", async () => {
  const engine = new Engine();
  engine.load(program(1));
  let out = "";
  const live = new LiveProgram(engine, "main", 0, { stdout: (t) => { out += t; }, stderr: () => {} });
  await new Promise((r) => setTimeout(r, 200)); // the program is running version 1 now
  live.swap("version", engine.compile(program(2), { only: ["version"] }));
  const outcome = await live.done;
  assert.equal(outcome.exitCode, 0, outcome.message);
  assert.deepEqual(outcome.swaps, ["version"]);
  const lines = out.trim().split("\n");
  assert.ok(lines.length > 1 && lines.length < 200000, `${lines.length} calls`);
  assert.equal(lines[lines.length - 1], "2");
  const firstNew = lines.indexOf("2");
  assert.ok(lines.slice(0, firstNew).every((l) => l === "1"), "only the old version before the swap");
  assert.ok(lines.slice(firstNew).every((l) => l === "2"), "only the new version after it");
});
