// The C math functions MLIR's --convert-math-to-libm emits calls to (expf, tanh, ...), for
// engines that have no instruction for them. f32 variants round through Math.fround; results
// may differ from glibc's in the last bit.

import type { HostFn, HostValue } from "../host.js";
import { MATH_BINARY, erf, erfNarrow } from "../../dialects/math.js";
import { fusedMultiplyAdd } from "../../ir/float.js";
import { f32, f64 } from "../../ir/types.js";

type Unary = (x: number) => number;
type Binary = (x: number, y: number) => number;

const UNARY: Array<[string, Unary]> = [
  ["exp", Math.exp], ["exp2", (x) => 2 ** x], ["expm1", Math.expm1], ["log", Math.log], ["log2", Math.log2],
  ["log10", Math.log10], ["log1p", Math.log1p], ["sin", Math.sin], ["cos", Math.cos], ["tan", Math.tan],
  ["asin", Math.asin], ["acos", Math.acos], ["atan", Math.atan], ["sinh", Math.sinh], ["cosh", Math.cosh],
  ["asinh", Math.asinh], ["acosh", Math.acosh], ["atanh", Math.atanh],
  ["tanh", Math.tanh], ["cbrt", Math.cbrt], ["sqrt", Math.sqrt], ["fabs", Math.abs], ["floor", Math.floor],
  ["ceil", Math.ceil], ["trunc", Math.trunc], ["erf", erf], ["round", (x) => Math.sign(x) * Math.round(Math.abs(x))],
];

const BINARY: Array<[string, Binary]> = [
  // (C's pow, as the interpreter's math.powf: pow(1, NaN) and pow(-1, ±inf) are 1, NaN in JS)
  ["pow", MATH_BINARY["math.powf"]], ["atan2", Math.atan2], ["fmod", (x, y) => x % y], ["copysign", (x, y) => (y < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x))],
];

const n = (v: HostValue): number => (typeof v === "bigint" ? Number(v) : v);

/** f32 variants computed otherwise than `fround` of the f64 one (for speed). */
const NARROW: Record<string, Unary> = { erf: erfNarrow };

export const LIBM_FUNCTIONS: HostFn[] = [
  ...UNARY.flatMap(([name, f]): HostFn[] => {
    const narrow = (x: number) => Math.fround((NARROW[name] ?? f)(x));
    return [
      { name, params: ["f64"], result: "f64", impl: (_c, [x]) => f(n(x)), float: f },
      { name: name + "f", params: ["f32"], result: "f32", impl: (_c, [x]) => narrow(n(x)), float: narrow },
    ];
  }),
  // fma/fmaf: rounded once (the wasm engine calls fma for f64 lanes, which it has no instruction for).
  { name: "fma", params: ["f64", "f64", "f64"], result: "f64", impl: (_c, [x, y, z]) => fusedMultiplyAdd(n(x), n(y), n(z), f64) },
  { name: "fmaf", params: ["f32", "f32", "f32"], result: "f32", impl: (_c, [x, y, z]) => fusedMultiplyAdd(n(x), n(y), n(z), f32) },
  ...BINARY.flatMap(([name, f]): HostFn[] => {
    const narrow = (x: number, y: number) => Math.fround(f(x, y));
    return [
      { name, params: ["f64", "f64"], result: "f64", impl: (_c, [x, y]) => f(n(x), n(y)), float: f },
      { name: name + "f", params: ["f32", "f32"], result: "f32", impl: (_c, [x, y]) => narrow(n(x), n(y)), float: narrow },
    ];
  }),
];
