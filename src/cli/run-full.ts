// What tensorlang-run needs beyond running a program it compiled before (unit-cache.ts): the
// engine, the optimizer, live programs. Imported on demand, so that a cached run loads none of
// it; the engine's compiler (binaryen) loads only for a program it compiles (Engine.loadCompiler).
export { Engine } from "../runtime/engine.js";
export { LiveProgram } from "../runtime/live.js";
export { heal } from "../optimizer/heal.js";
export { HeuristicProposer } from "../optimizer/heuristic.js";
export { LlmProposer } from "../optimizer/llm-proposer.js";
export { optimizeModule, pickHotFunctions } from "../optimizer/optimize.js";
export { ProgramReflection } from "../optimizer/reflect-host.js";
