// The example programs by kind, and their recorded outputs, for every suite that runs them.
import { readFileSync } from "node:fs";
import { examplePath } from "./mlir.js";

/** Only standard dialects, no TensorLang hooks: real MLIR runs them as they are. */
export const STANDARD_EXAMPLES = ["matmul_loops_small", "matmul_loops", "conv2d", "printf", "collatz", "resource_weights", "indirect_calls"] as const;
/** Standard dialects calling tensorlang_* hooks: real MLIR runs them with the C shim. */
export const HOOK_EXAMPLES = ["lander", "lander_inverted", "lander_gravity", "lander_wrong_op"] as const;
/** Use the tensorlang dialect: only TensorLang runs them. */
export const TENSORLANG_EXAMPLES = ["hello", "matmul_tensor", "mlp", "conv_pool", "classifier"] as const;

export const ALL_EXAMPLES = [...STANDARD_EXAMPLES, ...HOOK_EXAMPLES, ...TENSORLANG_EXAMPLES] as const;
/**
 * Run only by their own tests: matmul_live (40 naive 256x256 matmuls, the live-mode demo),
 * and the reflection API programs (they run in a program worker, wasm engine only).
 */
export const OTHER_EXAMPLES = ["matmul_live", "reflect", "ask_model"] as const;

/** The seed lander.expected was recorded with (`--seed 0`, also the default). */
export const EXPECTED_SEED = 0;

/** examples/<name>.expected: stdout with base addresses and `time:` lines masked (see maskOutput). */
export function expectedOutput(name: string): string {
  return readFileSync(examplePath(`${name}.expected`), "utf8");
}

/** Exit code each example ends with (lander's stock pilot and its healer variants crash: tensorlang_assert_fail -> 3). */
export function expectedExitCode(name: string): number {
  return name === "lander" || name.startsWith("lander_") ? 3 : 0;
}
