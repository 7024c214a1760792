// The registry of every dialect TensorLang knows.
import { Context } from "../ir/dialect.js";
import { affine } from "./affine.js";
import { arith } from "./arith.js";
import { builtin } from "./builtin.js";
import { cf } from "./cf.js";
import { bufferization } from "./bufferization.js";
import { func } from "./func.js";
import { memref } from "./memref.js";
import { scf } from "./scf.js";
import { llvm } from "./llvm.js";
import { linalg } from "./linalg.js";
import { math } from "./math.js";
import { tensor } from "./tensor.js";
import { tensorlang } from "./tensorlang.js";
import { vector } from "./vector.js";

export function createContext(): Context {
  return new Context().register(builtin, func, arith, cf, memref, scf, affine, llvm, math, tensor, linalg, tensorlang, vector, bufferization);
}
