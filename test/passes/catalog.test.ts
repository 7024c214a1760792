// The CLI's lazily loaded pass catalog lists exactly the registry's passes, and each entry loads
// the registered pass object.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PASS_CATALOG } from "../../src/passes/catalog.js";
import { PASSES } from "../../src/passes/registry.js";

describe("pass catalog", () => {
  it("has the registry's names and descriptions, in order", () => {
    assert.deepEqual(PASS_CATALOG.map((e) => [e.name, e.description]), PASSES.map((p) => [p.name, p.description]));
  });
  it("loads each registered pass", async () => {
    for (const [i, e] of PASS_CATALOG.entries()) assert.equal(await e.load(), PASSES[i]);
  });
});
