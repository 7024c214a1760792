// The IR's lists under edits, at the sizes where they change strategy: a value's use list indexed
// past 64 uses (a use goes by swapping in the last), a block's ops linked (its array rebuilt when
// read after an edit), a region's blocks taken out lazily, a block's branches compacted once half
// are erased. Each is checked against a model or what the ops themselves say, after edits in
// random orders (seeded).
import assert from "node:assert/strict";
import { test } from "node:test";
import { Block, Operation, Region, type Value } from "../../src/ir/core.js";
import { i32 } from "../../src/ir/types.js";
import { Rng } from "../../src/optimizer/random.js";

/** `v`'s uses as the operands of `ops` (those still in a block) name them, sorted the same way. */
const key = (op: Operation, index: number, ids: Map<Operation, number>) => `${ids.get(op)}:${index}`;
function expectUses(v: Value, ops: Operation[], ids: Map<Operation, number>): void {
  const want = ops.filter((o) => o.parent).flatMap((o) => o.operands.flatMap((x, i) => (x === v ? [key(o, i, ids)] : []))).sort();
  assert.deepEqual(v.uses.map((u) => key(u.op, u.index, ids)).sort(), want);
}

/** A block of `n` ops `test.use(%a, %a | %b)` over the block's two arguments. */
function usersOf(n: number, rng: Rng) {
  const b = new Block([i32, i32]), [a, other] = b.args, ops: Operation[] = [], ids = new Map<Operation, number>();
  for (let i = 0; i < n; i++) {
    const op = b.append(new Operation({ name: "test.use", operands: [a, rng.int(3) ? a : other], resultTypes: [i32] }));
    ops.push(op);
    ids.set(op, i);
  }
  return { b, a, other, ops, ids };
}

for (const order of ["first to last", "last to first", "random"] as const) {
  test(`a value's uses stay exact as 300 users are erased ${order}`, () => {
    const rng = new Rng(7), { a, other, ops, ids } = usersOf(300, rng);
    const doomed = order === "first to last" ? [...ops] : order === "last to first" ? [...ops].reverse() : [...ops].sort(() => rng.next() - 0.5);
    for (const [k, op] of doomed.entries()) {
      op.erase();
      if (k % 7 === 0 || k > 290) { expectUses(a, ops, ids); expectUses(other, ops, ids); }
    }
    assert.equal(a.uses.length, 0);
    assert.equal(other.hasUses, false);
  });
}

test("a value with many uses: setOperand, setOperands over nine operands and replaceAllUsesWith keep both lists exact", () => {
  const rng = new Rng(11), { b, a, other, ops, ids } = usersOf(200, rng);
  for (let k = 0; k < 400; k++) {
    const op = rng.pick(ops);
    if (!op.parent) continue;
    const r = rng.int(4);
    if (r === 0) op.setOperand(rng.int(2), rng.int(2) ? a : other);
    else if (r === 1) op.erase();
    else if (r === 2) op.setOperands(Array.from({ length: 9 + rng.int(3) }, () => (rng.int(2) ? a : other))); // (dropUsesBy)
    else {
      const wide = b.append(new Operation({ name: "test.use", operands: [other, a, a] }));
      ops.push(wide);
      ids.set(wide, ops.length - 1);
    }
    if (k % 25 === 0) { expectUses(a, ops, ids); expectUses(other, ops, ids); }
  }
  a.replaceAllUsesWith(other);
  assert.equal(a.hasUses, false);
  expectUses(other, ops, ids);
  assert.deepEqual(new Set(other.users), new Set(ops.filter((o) => o.parent && o.operands.includes(other))));
});

/** `b.ops` is `want`, its terminator the last, and the ops' links say the same in both directions. */
function expectOps(b: Block, want: Operation[]): void {
  assert.deepEqual(b.ops, want);
  assert.equal(b.terminator, want.at(-1));
  want.forEach((op, i) => {
    assert.equal(op.parent, b);
    assert.equal(op.prev, want[i - 1] ?? null);
    assert.equal(op.next, want[i + 1] ?? null);
  });
}

test("a block's ops stay in order through 2,000 random edits: appends, inserts by place and by anchor, removals, moves, tails moved", () => {
  const rng = new Rng(3), blocks = [new Block(), new Block()], model: Operation[][] = [[], []];
  const out: Operation[] = [];
  for (let k = 0; k < 2000; k++) {
    const which = rng.int(2), b = blocks[which], ops = model[which], r = rng.int(8);
    const fresh = () => out.pop() ?? new Operation({ name: "test.op" });
    const pull = (op: Operation) => { for (const m of model) if (m.includes(op)) m.splice(m.indexOf(op), 1); };
    if (r === 0 || !ops.length) { const op = fresh(); b.append(op); ops.push(op); }
    else if (r === 1) { const op = fresh(), i = rng.int(ops.length + 1); b.insert(i, op); ops.splice(i, 0, op); }
    else if (r === 2) { const op = fresh(), at = rng.pick(ops); b.insertBefore(at, op); ops.splice(ops.indexOf(at), 0, op); }
    else if (r === 3) { const op = fresh(), at = rng.pick(ops); b.insertAfter(at, op); ops.splice(ops.indexOf(at) + 1, 0, op); }
    else if (r === 4) { const op = rng.pick(ops); op.remove(); pull(op); out.push(op); }
    else if (r === 5) { const op = rng.pick(ops); pull(op); op.erase(); }
    else if (r === 6) { // the other block's ops from one on, moved to this one's end (splitBlock, mergeBlocks)
      const from = model[1 - which];
      if (!from.length) continue;
      const i = rng.int(from.length);
      b.moveFrom(from[i]);
      ops.push(...from.splice(i));
    }
    else { // one of the other block's, or of this one's, moved before an op of this one
      const from = model[rng.int(2)];
      if (!from.length) continue;
      const op = rng.pick(from), at = rng.pick(ops);
      if (op === at) continue;
      pull(op);
      b.insertBefore(at, op);
      ops.splice(ops.indexOf(at), 0, op);
    }
    if (k % 3 === 0) { expectOps(blocks[0], model[0]); expectOps(blocks[1], model[1]); }
  }
  expectOps(blocks[0], model[0]);
  expectOps(blocks[1], model[1]);
  // taken out from the end, and all: the block is empty
  for (const op of [...model[0]].reverse()) op.remove();
  expectOps(blocks[0], []);
  const elsewhere = blocks[1].append(new Operation({ name: "test.op" }));
  assert.throws(() => blocks[0].insertBefore(elsewhere, new Operation({ name: "test.op" })), /is not in the block/);
  assert.throws(() => blocks[1].moveFrom(elsewhere), /already in the block/);
});

test("a region's blocks: taken out in any order, put back, the entry found while others are out", () => {
  const blocks = Array.from({ length: 40 }, () => new Block()), r = new Region(blocks);
  const live = [...blocks];
  for (const i of [5, 6, 39, 1]) { r.remove(blocks[i]); live.splice(live.indexOf(blocks[i]), 1); }
  assert.equal(r.block, blocks[0]);
  r.remove(blocks[0]);
  live.shift();
  assert.equal(r.block, blocks[2]);
  r.push(blocks[5]);
  live.push(blocks[5]);
  r.insert(blocks[0], 0);
  live.unshift(blocks[0]);
  assert.deepEqual(r.blocks, live);
  assert.ok(live.every((b) => b.parent === r));
  assert.equal(blocks[6].parent, null);
  r.remove(new Block()); // not this region's: nothing changes
  assert.deepEqual(r.blocks, live);
});

test("a block put in a region leaves the region it was in", () => {
  const [a, b, c] = [new Block(), new Block(), new Block()], from = new Region([a, b]), to = new Region([c]);
  to.push(a);
  to.insert(b, 0);
  assert.deepEqual(from.blocks, []);
  assert.deepEqual(to.blocks, [b, c, a]);
  to.push(b); // within one region: moved, not copied
  assert.deepEqual(to.blocks, [c, a, b]);
});

test("a block's predecessors stay exact as hundreds of branches to it are erased", () => {
  const rng = new Rng(5), r = new Region(), exit = new Block(), froms: Block[] = [], brs: Operation[] = [];
  for (let i = 0; i < 300; i++) {
    const from = r.push(new Block());
    froms.push(from);
    // one branch in five goes to the exit twice (both edges of a cond_br)
    brs.push(from.append(new Operation({ name: "test.br", successors: rng.int(5) ? [exit] : [exit, exit] })));
  }
  r.push(exit);
  const order = [...brs.keys()].sort(() => rng.next() - 0.5);
  for (const [k, i] of order.entries()) {
    brs[i].erase();
    if (k % 10 === 0 || k > 295) {
      const want = brs.flatMap((br, j) => (br.parent ? br.successors.map(() => froms[j]) : []));
      assert.deepEqual(exit.predecessors().sort((x, y) => froms.indexOf(x) - froms.indexOf(y)), want);
      assert.ok(exit.branches.length <= Math.max(2 * want.length, want.length + 16), "erased branches do not pile up");
    }
  }
  // a branch taken out of its block (not erased) is no predecessor while out, and is again when back
  const back = froms[0].append(new Operation({ name: "test.br", successors: [exit] }));
  back.remove();
  assert.deepEqual(exit.predecessors(), []);
  froms[0].append(back);
  assert.deepEqual(exit.predecessors(), [froms[0]]);
});
