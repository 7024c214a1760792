// The optimizer leaves a function as written when a call may pass one buffer for two memref
// parameters it writes one of: its versions are checked on separate buffers only.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createContext } from "../../src/dialects/index.js";
import { parseModule } from "../../src/ir/parser.js";
import { overlappingCall } from "../../src/optimizer/aliasing.js";
import { HeuristicProposer } from "../../src/optimizer/heuristic.js";
import { optimizeModule } from "../../src/optimizer/optimize.js";
import { Engine } from "../../src/runtime/engine.js";
import { createCapturingContext } from "../../src/runtime/host.js";

await Engine.loadCompiler();

const M = "memref<65xf32>";
/** @shift copies src[i] to dst[i + 1] (writes its argument #1); @dot only reads #0 and #1. `calls` is main's body. */
const program = (calls: string, extra = "") => `
  memref.global "private" @g : ${M} = dense<1.0>
  memref.global "private" @h : ${M} = dense<2.0>
  func.func private @printF32(f32)
  func.func @shift(%src: ${M}, %dst: ${M}) {
    affine.for %i = 0 to 64 {
      %v = affine.load %src[%i] : ${M}
      affine.store %v, %dst[%i + 1] : ${M}
    }
    return
  }
  func.func @dot(%a: ${M}, %b: ${M}, %out: memref<1xf32>) {
    %z = arith.constant 0.0 : f32
    %s = affine.for %i = 0 to 65 iter_args(%acc = %z) -> (f32) {
      %x = affine.load %a[%i] : ${M}
      %y = affine.load %b[%i] : ${M}
      %p = arith.mulf %x, %y : f32
      %t = arith.addf %acc, %p : f32
      affine.yield %t : f32
    }
    affine.store %s, %out[0] : memref<1xf32>
    return
  }
  func.func @outer(%p: ${M}, %q: ${M}) {
    func.call @shift(%p, %q) : (${M}, ${M}) -> ()
    return
  }
  ${extra}
  func.func @main() {
    %a = memref.alloc() : ${M}
    %b = memref.alloc() : ${M}
    %o = memref.alloc() : memref<1xf32>
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c65 = arith.constant 65 : index
    scf.for %i = %c0 to %c65 step %c1 {
      %ii = arith.index_cast %i : index to i32
      %f = arith.sitofp %ii : i32 to f32
      memref.store %f, %a[%i] : ${M}
    }
    ${calls}
    %last = arith.constant 64 : index
    %lastv = memref.load %a[%last] : ${M}
    func.call @printF32(%lastv) : (f32) -> ()
    return
  }`;

const clash = (calls: string, fn = "shift", extra = "") => {
  const ctx = createContext();
  return overlappingCall(parseModule(program(calls, extra), "t.mlir", ctx), fn, ctx);
};

test("a call passing one buffer as the source and the destination of a function that writes it is found", () => {
  assert.equal(clash(`func.call @shift(%a, %a) : (${M}, ${M}) -> ()`),
    "a call in @main may pass one buffer as arguments #0 and #1, and @shift may write #1");
  // views of one buffer are that buffer
  assert.match(clash(`%v = memref.cast %a : ${M} to ${M}
    func.call @shift(%v, %a) : (${M}, ${M}) -> ()`) ?? "", /arguments #0 and #1/);
  // one global twice; the caller's own parameters, when its caller passes one buffer for both
  assert.ok(clash(`%g1 = memref.get_global @g : ${M}
    %g2 = memref.get_global @g : ${M}
    func.call @shift(%g1, %g2) : (${M}, ${M}) -> ()`));
  assert.ok(clash(`func.call @outer(%a, %a) : (${M}, ${M}) -> ()`));
});

test("separate buffers, and buffers that are only read, may be passed", () => {
  assert.equal(clash(`func.call @shift(%a, %b) : (${M}, ${M}) -> ()`), undefined);
  assert.equal(clash(`func.call @outer(%a, %b) : (${M}, ${M}) -> ()`), undefined);
  assert.equal(clash(`%g1 = memref.get_global @g : ${M}
    %h1 = memref.get_global @h : ${M}
    func.call @shift(%g1, %h1) : (${M}, ${M}) -> ()`), undefined);
  assert.equal(clash(`func.call @dot(%a, %a, %o) : (${M}, ${M}, memref<1xf32>) -> ()`, "dot"), undefined);
  // a parameter only handed to a callee that reads it is read
  const wrap = `func.func @wrapdot(%x: ${M}, %y: ${M}, %out: memref<1xf32>) {
    func.call @dot(%x, %y, %out) : (${M}, ${M}, memref<1xf32>) -> ()
    return
  }`;
  assert.equal(clash(`func.call @wrapdot(%a, %a, %o) : (${M}, ${M}, memref<1xf32>) -> ()`, "wrapdot", wrap), undefined);
  // @outer is called by no one here: the host passes its buffers, taken as separate
  assert.equal(clash("", "outer"), undefined);
});

test("a global the function uses itself counts as one more buffer", () => {
  const extra = `func.func @fromg(%dst: ${M}) {
    %g = memref.get_global @g : ${M}
    func.call @shift(%g, %dst) : (${M}, ${M}) -> ()
    return
  }`;
  assert.equal(clash(`%g1 = memref.get_global @g : ${M}
    func.call @fromg(%g1) : (${M}) -> ()`, "fromg", extra), "a call in @main may pass global @g as argument #0, which @fromg also uses, and @fromg may write #0");
  assert.equal(clash(`%h1 = memref.get_global @h : ${M}
    func.call @fromg(%h1) : (${M}) -> ()`, "fromg", extra), undefined);
  assert.equal(clash(`func.call @fromg(%a) : (${M}) -> ()`, "fromg", extra), undefined);
});

test("a buffer of unknown origin (loaded from another memref) may be any buffer", () => {
  const extra = `func.func @pick(%bufs: memref<2xmemref<65xf32>>, %b: ${M}) {
    %c0 = arith.constant 0 : index
    %x = memref.load %bufs[%c0] : memref<2xmemref<65xf32>>
    func.call @shift(%x, %b) : (${M}, ${M}) -> ()
    return
  }`;
  assert.match(clash("", "shift", extra) ?? "", /in @pick/);
});

test("--optimize leaves such a function as written: its in-place call keeps its meaning", async () => {
  const text = program(`func.call @shift(%a, %a) : (${M}, ${M}) -> ()`);
  const run = (t: string) => { const ctx = createCapturingContext(); new Engine({ ctx }).load(t, "t.mlir").runMain("main"); return ctx.output(); };
  const res = await optimizeModule({ moduleText: text, functions: ["shift"], proposer: new HeuristicProposer(), seed: 1, budget: { iterations: 4 } });
  const r = res.reports[0];
  assert.match(r.leftAsWritten ?? "", /arguments #0 and #1.*\(its optimized versions assume separate buffers\)/);
  assert.equal(r.iterations, 0);
  assert.equal(run(res.moduleText), run(text));
  assert.equal(run(text), "0"); // src[0] carried through every element
});
