// Shared by bench/optimize/run.ts and threads.ts.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** examples/matmul_loops.mlir at size n (shapes, loop bounds and the FLOP count in the time line). */
export function programFor(n: number): string {
  const root = join(dirname(new URL(import.meta.url).pathname), "..", "..", "..");
  const src = readFileSync(join(root, "examples", "matmul_loops.mlir"), "utf8");
  return src.replace(/256/g, String(n)).replace("3.355443e+07", (2 * n ** 3).toExponential(6));
}

/**
 * Compiling runs binaryen's own wasm, which V8 then re-optimizes on background threads for a
 * second or two: on a 2-core machine those threads take the core a kernel runs on, and the
 * process's CPU clock counts them. Timing starts once they are done.
 */
export const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 1500));
