// The standard dialects' invalid.mlir files pass `--split-input-file --verify-diagnostics` under
// both mlir-opt-19 and tensorlang-opt: the same inputs are rejected with MLIR's message on MLIR's
// line. Cases MLIR handles differently live in invalid-tensorlang-only.mlir beside them.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { mlirOpt, mlirSkip, repoRoot } from "../support/mlir.js";

const root = repoRoot();
const STANDARD = ["affine", "arith", "bufferization", "builtin", "cf", "func", "linalg", "llvm", "math", "memref", "scf", "tensor", "vector"];
const ARGS = ["--split-input-file", "--verify-diagnostics"];

for (const d of STANDARD) {
  const file = join(root, "test", "dialects", d, "invalid.mlir");
  test(`${d}/invalid.mlir: mlir-opt-19 and tensorlang-opt report the same diagnostics`, { skip: mlirSkip() }, () => {
    const mlir = mlirOpt([...ARGS, file], "");
    assert.equal(mlir.code, 0, `mlir-opt-19 disagrees:\n${mlir.stderr}`);
    const ours = spawnSync(process.execPath, [join(root, "dist/src/cli/opt.js"), ...ARGS, file], { encoding: "utf8", timeout: 60_000 });
    assert.equal(ours.status, 0, `tensorlang-opt disagrees:\n${ours.stderr}`);
  });
}
