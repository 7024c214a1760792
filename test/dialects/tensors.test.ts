// arith, cf, math, tensor, bufferization, linalg, vector and func dialects (and builtin types): round trips (custom and generic form), agreement
// with real MLIR 19 in both directions, and every verifier rule's error case.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkInvalid, dataDir, diagnose, invalidFiles, mlirOptVerify as mlirOpt, mlirSkip, print } from "./helpers.js";

for (const dialect of ["arith", "cf", "math", "tensor", "bufferization", "linalg", "vector", "builtin", "func"]) {
  describe(`${dialect} dialect`, () => {
    const opsFile = join(dataDir(dialect), "ops.mlir");
    const ops = readFileSync(opsFile, "utf8");

    it("ops.mlir round-trips in custom form and printing is a fixed point", () => {
      const p1 = print(ops, opsFile);
      const p2 = print(p1, "printed.mlir");
      assert.equal(p2, p1);
      for (const op of ops.match(new RegExp(`(?<![#!])\\b${dialect}\\.[a-z_0-9]+`, "g")) ?? []) { // (not attributes, types)
        // (inside a func.func, func's own ops print without the prefix, as MLIR's: `return`, `call_indirect`)
        assert.ok(p1.includes(op) || (dialect === "func" && p1.includes(` ${op.slice(5)} `)), `${op} missing from the printed form`);
      }
    });

    it("the generic form of every op parses back to the same IR", () => {
      const p1 = print(ops, opsFile);
      const g1 = print(ops, opsFile, true);
      assert.equal(print(g1, "generic.mlir"), p1);
      assert.equal(print(g1, "generic.mlir", true), g1);
      // (an op in custom form starts its line; ` linalg.memoized_indexing_maps` may follow another discardable attribute)
      assert.ok(!new RegExp(`^\\s*(%[^=]*= )?${dialect}\\.`, "m").test(g1), "generic form still has custom ops");
    });

    it("mlir-opt-19 accepts what we print (custom and generic)", { skip: mlirSkip() }, () => {
      for (const generic of [false, true]) {
        const r = mlirOpt(print(ops, opsFile, generic));
        assert.ok(r.ok, `mlir-opt-19 rejected our ${generic ? "generic" : "custom"} form:\n${r.err}`);
      }
    });

    it("we accept what mlir-opt-19 prints (custom and generic)", { skip: mlirSkip() }, () => {
      for (const args of [[], ["--mlir-print-op-generic"]]) {
        const r = mlirOpt(ops, args);
        assert.ok(r.ok, r.err);
        const p = print(r.out, "mlir-opt.mlir");
        assert.equal(print(p, "again.mlir"), p);
      }
    });

    it("invalid*.mlir: every verifier rule reports its error at the expected line", () => {
      assert.ok(invalidFiles(dialect).reduce((n, f) => n + checkInvalid(f), 0) > 0);
    });
  });
}

// (--verify-diagnostics matches substrings, so invalid.mlir cannot tell these from prefixed ones)
it("errors MLIR emits without the 'op' prefix (emitError) have none: tensor.pad's block arguments, alloc_tensor's sizes", () => {
  const messages = (body: string) => diagnose(`func.func @f(%t: tensor<?x4xi32>, %v: i32, %sz: index) {\n${body}\n  return\n}`, "e.mlir").map((d) => d.message);
  assert.deepEqual(messages(`  %0 = tensor.pad %t low[1, 2] high[2, 3] {\n  ^bb0(%i: index):\n    tensor.yield %v : i32\n  } : tensor<?x4xi32> to tensor<?x9xi32>`),
    ["expected the block to have 2 arguments"]);
  assert.deepEqual(messages("  %0 = bufferization.alloc_tensor(%sz) copy(%t) : tensor<?x4xi32>"), ["dynamic sizes not needed when copying a tensor"]);
  assert.deepEqual(messages("  %0 = bufferization.alloc_tensor() : tensor<?x4xi32>"), ["expected 1 dynamic sizes"]);
});
