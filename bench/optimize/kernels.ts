// The kernels bench/optimize measures (--kernel): what differs between them is here, the
// measuring is in run.ts and threads.ts.
import type * as Tf from "@tensorflow/tfjs-core";
import { raisedStart } from "../../src/optimizer/mutator.js";
import type { Heap } from "../../src/interp/heap.js";
import { conv2dFlops, conv2dProgramFor, programFor } from "../common.js";

export interface Kernel {
  /** The function the search rewrites and the bench times. */
  fn: string;
  /** For the table's title. */
  title: string;
  /** The whole program at size n: main prints "checksum: ..." and a rtclock "time: <s> s" line. */
  program(n: number): string;
  flops(n: number): number;
  /** Shapes of fn's memref arguments; the last is the output (zeroed before timing). */
  shapes(n: number): number[][];
  /** TensorFlow.js's op at size n on random inputs (made once, outside the timing). */
  tfjs(tf: typeof Tf, n: number): { inputs: Tf.Tensor[]; op: () => Tf.Tensor };
  /** The Python peer: its column name, setup (numpy imported as np) and the timed statement. */
  python: { name: string; setup(n: number): string; op: string };
}

const matmul: Kernel = {
  fn: "matmul",
  title: "matmul f32",
  program: programFor,
  flops: (n) => 2 * n ** 3,
  shapes: (n) => [[n, n], [n, n], [n, n]],
  tfjs: (tf, n) => {
    const a = tf.randomUniform([n, n]), b = tf.randomUniform([n, n]);
    return { inputs: [a, b], op: () => tf.matMul(a, b) };
  },
  python: { name: "numpy", setup: (n) => `a = np.random.rand(${n}, ${n}).astype(np.float32); b = np.random.rand(${n}, ${n}).astype(np.float32)`, op: "a @ b" },
};

/** A single-channel 3x3 valid convolution, n x n output (examples/conv2d.mlir's kernel). */
const conv2d: Kernel = {
  fn: "conv2d",
  title: "conv2d f32 (3x3 filter, valid, stride 1, 1 channel; n = output side)",
  program: (n) => conv2dProgramFor(n),
  flops: conv2dFlops,
  shapes: (n) => [[n + 2, n + 2], [3, 3], [n, n]],
  tfjs: (tf, n) => {
    const x = tf.randomUniform([1, n + 2, n + 2, 1]) as Tf.Tensor4D, k = tf.randomUniform([3, 3, 1, 1]) as Tf.Tensor4D;
    return { inputs: [x, k], op: () => tf.conv2d(x, k, 1, "valid") };
  },
  python: {
    name: "scipy",
    setup: (n) => `from scipy.signal import correlate2d\nx = np.random.rand(${n + 2}, ${n + 2}).astype(np.float32); k = np.random.rand(3, 3).astype(np.float32)`,
    op: "correlate2d(x, k, mode='valid')",
  },
};

export const KERNELS: Record<string, Kernel> = { matmul, conv2d };

/**
 * Buffers of `kernel`'s argument shapes at n on `heap`, as memref descriptors: the inputs filled
 * with ((i * 7 + k) % 13) / 13 (argument k), the output zeroed. `free` releases them.
 */
export function kernelArgs(kernel: Kernel, n: number, heap: Heap) {
  const shapes = kernel.shapes(n), out = shapes.length - 1;
  const ptrs = shapes.map(([r, c]) => heap.malloc(r * c * 4, 64));
  ptrs.forEach((p, k) => { const v = new Float32Array(heap.bytes.buffer, p, shapes[k][0] * shapes[k][1]); for (let i = 0; i < v.length; i++) v[i] = k === out ? 0 : ((i * 7 + k) % 13) / 13; });
  const args = ptrs.map((p, k) => ({ allocated: p, aligned: p, offset: 0, sizes: shapes[k], strides: [shapes[k][1], 1] }));
  return { args, free: () => { for (const p of ptrs) heap.free(p); } };
}

/** The program at n where the search starts (the kernel's scf loops raised): what its winners' mutations apply to. */
export const searchStart = (kernel: Kernel, n: number): string => raisedStart(kernel.program(n), kernel.fn);
