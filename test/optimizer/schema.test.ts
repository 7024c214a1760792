import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { proposalGrammar, proposalJsonSchema, validateProposal, type Mutation } from "../../src/optimizer/schema.js";

const valid: Mutation[] = [
  { kind: "tile", loops: ["L0", "L1"], sizes: [32, 32] },
  { kind: "unroll", loop: "L2", factor: 0 },
  { kind: "interchange", loops: ["L0", "L1"], permutation: [1, 0] },
  { kind: "vectorize", loop: "L1", width: 8 },
  { kind: "unroll_and_jam", loop: "L0", factor: 4 },
  { kind: "parallelize", loop: "L0" },
  { kind: "hoist", loop: "L10" },
  { kind: "pack", operand: 1, loop: "L2" },
  { kind: "mutate_constant", index: 3, value: -0.5 },
  { kind: "swap_operator", index: 0, op: "arith.mulf" },
];

describe("validateProposal", () => {
  it("accepts every mutation kind and a rewrite", () => {
    for (const m of valid) {
      const r = validateProposal({ target_function: "matmul", mutations: [m] });
      assert.ok(r.ok, JSON.stringify(m) + (r.ok ? "" : r.errors));
    }
    assert.ok(validateProposal({ target_function: "f.g$1", rewrite: "func.func @f() { return }" }).ok);
    const r = validateProposal(JSON.stringify({ target_function: "k", mutations: valid }));
    assert.ok(r.ok);
    if (r.ok) assert.deepEqual(r.value, { target_function: "k", mutations: valid });
  });

  const bad: [string, unknown, RegExp][] = [
    ["not JSON", "{oops", /not valid JSON/],
    ["no target", { mutations: [valid[0]] }, /target_function|required/],
    ["bad name", { target_function: "1abc", mutations: [valid[0]] }, /pattern/],
    ["empty mutations", { target_function: "f", mutations: [] }, /fewer than 1|must NOT have fewer/],
    ["unknown kind", { target_function: "f", mutations: [{ kind: "fuse", loop: "L0" }] }, /kind/],
    ["bad loop ref", { target_function: "f", mutations: [{ kind: "hoist", loop: "L100" }] }, /pattern/],
    ["extra property", { target_function: "f", mutations: [{ kind: "hoist", loop: "L0", x: 1 }] }, /unknown property 'x'/],
    ["non-integer factor", { target_function: "f", mutations: [{ kind: "unroll", loop: "L0", factor: 2.5 }] }, /integer/],
    ["tile lengths differ", { target_function: "f", mutations: [{ kind: "tile", loops: ["L0", "L1"], sizes: [4] }] }, /2 loops but 1 sizes/],
    ["not a permutation", { target_function: "f", mutations: [{ kind: "interchange", loops: ["L0", "L1"], permutation: [1, 1] }] }, /permutation of 0\.\.1/],
    ["both forms", { target_function: "f", mutations: [valid[0]], rewrite: "x" }, /unknown property|must match/],
    ["bad op", { target_function: "f", mutations: [{ kind: "swap_operator", index: 0, op: "addf" }] }, /pattern/],
  ];
  for (const [name, x, re] of bad)
    it(`rejects ${name} with a one-line message`, () => {
      const r = validateProposal(x);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.match(r.errors, re);
        assert.ok(!r.errors.includes("\n"));
      }
    });

  it("agrees with itself on arbitrary JSON (never throws)", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const r = validateProposal(v);
      return typeof r.ok === "boolean";
    }), { numRuns: 300, seed: 1 });
  });
});

describe("proposalGrammar", () => {
  it("names the given functions as literals and bounds everything else", () => {
    const g = proposalGrammar(["matmul", "bad name!"]);
    assert.match(g, /^root ::= /m);
    assert.match(g, /fname ::= "\\"matmul\\""/);
    assert.ok(!g.includes("bad name!"));
    // outside string literals and character classes there is no unbounded repetition
    const ops = g.replace(/"(?:[^"\\]|\\.)*"/g, "").replace(/\[(?:[^\]\\]|\\.)*\]/g, "");
    assert.ok(!/[*+]/.test(ops), ops);
    assert.match(proposalGrammar(), /\[A-Za-z0-9_\$\.\]\{0,31\}/);
  });

  it("enumerates loop refs when the loop count is known", () => {
    const g = proposalGrammar(["f"], { loops: 3 });
    assert.match(g, /loopref ::= "\\"L0\\"" \| "\\"L1\\"" \| "\\"L2\\""/);
  });

  it("its literal fragments are valid JSON of the schema's shape", () => {
    // every enumerated permutation in the grammar passes the validator
    for (const p of proposalGrammar().match(/"(\d(, \d)+)"/g) ?? []) {
      const perm = JSON.parse(`[${JSON.parse(p)}]`) as number[];
      const loops = perm.map((_, i) => `L${i}`);
      assert.ok(validateProposal({ target_function: "f", mutations: [{ kind: "interchange", loops, permutation: perm }] }).ok);
    }
  });

  it("the JSON schema is a plain JSON object", () => {
    assert.deepEqual(JSON.parse(JSON.stringify(proposalJsonSchema)), proposalJsonSchema);
  });
});
