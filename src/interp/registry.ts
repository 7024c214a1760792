// Every dialect's handler table, merged. A new dialect adds its table here.
import type { HandlerTable } from "./interpreter.js";
import { AFFINE } from "./affine.js";
import { ARITH } from "./arith.js";
import { FUNC } from "./func.js";
import { LINALG } from "./linalg.js";
import { LLVM } from "./llvm.js";
import { MATH } from "./math.js";
import { MEMREF } from "./memref.js";
import { MEMREF_MORE } from "./memref-more.js";
import { SCF } from "./scf.js";
import { TENSOR } from "./tensor.js";
import { TENSORLANG } from "./tensorlang.js";
import { VECTOR } from "./vector.js";
import { VECTOR_ALGEBRA } from "./vector-algebra.js";
import { VECTOR_LANES } from "./vector-lanes.js";

export const HANDLERS: HandlerTable = {
  ...ARITH, ...FUNC, ...SCF, ...AFFINE, ...MEMREF, ...MEMREF_MORE, ...LLVM, ...MATH, ...TENSOR, ...LINALG, ...VECTOR, ...VECTOR_ALGEBRA, ...VECTOR_LANES, ...TENSORLANG,
};
