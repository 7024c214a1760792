// LiveProgram: the program keeps running in a worker while this thread hot-swaps a function;
// the swap takes effect at the program's next host call, and calls see exactly one version.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Engine } from "../../src/runtime/engine.js";
import { LiveProgram } from "../../src/runtime/live.js";

await Engine.loadCompiler();

// @main calls @version until it answers 2 (or 60 s pass), counting the answers of each kind;
// a host call (rtclock) per iteration is where the program picks up a pending swap.
const program = (v: number) => `module {
  func.func private @printI64(i64)
  func.func private @printNewline()
  func.func private @rtclock() -> f64
  func.func @version() -> i64 {
    %v = arith.constant ${v} : i64
    return %v : i64
  }
  func.func @main() {
    %zero = arith.constant 0 : i64
    %one = arith.constant 1 : i64
    %two = arith.constant 2 : i64
    %true = arith.constant true
    %limit = arith.constant 6.000000e+01 : f64
    %t0 = func.call @rtclock() : () -> f64
    %r:3 = scf.while (%last = %one, %old = %zero, %other = %zero) : (i64, i64, i64) -> (i64, i64, i64) {
      %t = func.call @rtclock() : () -> f64
      %dt = arith.subf %t, %t0 : f64
      %late = arith.cmpf ogt, %dt, %limit : f64
      %new = arith.cmpi eq, %last, %two : i64
      %stop = arith.ori %late, %new : i1
      %go = arith.xori %stop, %true : i1
      scf.condition(%go) %last, %old, %other : i64, i64, i64
    } do {
    ^bb0(%l: i64, %o: i64, %x: i64):
      %v = func.call @version() : () -> i64
      %is1 = arith.cmpi eq, %v, %one : i64
      %is2 = arith.cmpi eq, %v, %two : i64
      %ok = arith.ori %is1, %is2 : i1
      %o1 = arith.addi %o, %one : i64
      %o2 = arith.select %is1, %o1, %o : i64
      %x1 = arith.addi %x, %one : i64
      %x2 = arith.select %ok, %x, %x1 : i64
      scf.yield %v, %o2, %x2 : i64, i64, i64
    }
    func.call @printI64(%r#0) : (i64) -> ()
    func.call @printNewline() : () -> ()
    func.call @printI64(%r#1) : (i64) -> ()
    func.call @printNewline() : () -> ()
    func.call @printI64(%r#2) : (i64) -> ()
    func.call @printNewline() : () -> ()
    return
  }
}`;

test("a function swapped while the program runs answers from the next call on", async () => {
  const engine = new Engine();
  engine.load(program(1));
  let out = "";
  const live = new LiveProgram(engine, "main", 0, { stdout: (t) => { out += t; }, stderr: () => {} });
  await live.started;
  // Running version 1 by now: its loop calls @version millions of times a second. (A fixed wait
  // from the start was not enough on a busy machine: the worker had not started yet.)
  await new Promise((r) => setTimeout(r, 100));
  live.swap("version", engine.compile(program(2), { only: ["version"] }));
  const outcome = await live.done;
  assert.equal(outcome.exitCode, 0, outcome.message);
  assert.deepEqual(outcome.swaps, ["version"]);
  const [last, oldCalls, others] = out.trim().split("\n").map(Number);
  assert.equal(last, 2, "the new version answered");
  assert.ok(oldCalls >= 1, "the old version answered before the swap");
  assert.equal(others, 0, "every call got exactly the old or the new answer");
});
