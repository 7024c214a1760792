// Every dialect's handler table, merged. A new dialect adds its table here.
import type { HandlerTable } from "./interpreter.js";
import { ARITH } from "./arith.js";
import { FUNC } from "./func.js";

export const HANDLERS: HandlerTable = {
  ...ARITH,
  ...FUNC,
};
