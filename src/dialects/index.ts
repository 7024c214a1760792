// The registry of every dialect TensorLang knows.
import { Context } from "../ir/dialect.js";
import { arith } from "./arith.js";
import { builtin } from "./builtin.js";
import { func } from "./func.js";

export function createContext(): Context {
  return new Context().register(builtin, func, arith);
}
