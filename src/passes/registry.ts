// Every pass `tensorlang-opt` can run, by flag name.
import { canonicalize } from "./canonicalize.js";
import { cse } from "./cse.js";
import type { Pass } from "./pass.js";

export const PASSES: readonly Pass[] = [canonicalize, cse];

export function lookupPass(name: string): Pass | undefined { return PASSES.find((p) => p.name === name); }
