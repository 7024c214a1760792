// The IR's lists under edits at the sizes where they change strategy: a value's use list indexed
// past 64 uses (a use goes by swapping in the last), a block's ops and a region's blocks taken
// out lazily, a block's branches compacted once half are erased. Each is checked against what
// the ops themselves say after every edit, in random orders (seeded).
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

test("a block's ops: taken out in the middle, at the end, moved back into the same block and to another", () => {
  const rng = new Rng(3), { b, ops } = usersOf(100, rng), other = new Block();
  const live = [...ops];
  const take = (op: Operation) => live.splice(live.indexOf(op), 1);
  for (const i of [50, 10, 11, 99, 98, 0]) { ops[i].erase(); take(ops[i]); }
  assert.deepEqual(b.ops, live);
  assert.equal(b.terminator, ops[97]);
  // out of the block and back at another place in it: once, where it was put
  ops[20].remove();
  b.insert(0, ops[20]);
  take(ops[20]);
  live.unshift(ops[20]);
  ops[30].remove();
  ops[31].remove();
  b.append(ops[30]);
  take(ops[30]);
  take(ops[31]);
  live.push(ops[30]);
  assert.deepEqual(b.ops, live);
  assert.equal(b.terminator, ops[30]);
  // moved to another block by append alone (which takes it out first)
  other.append(ops[40]);
  take(ops[40]);
  assert.deepEqual(b.ops, live);
  assert.deepEqual(other.ops, [ops[40]]);
  // taken out from the end with others out before it: the last op left is the terminator
  for (const op of [...live].reverse().slice(1, 20)) { op.remove(); take(op); }
  live.at(-1)!.remove();
  take(live.at(-1)!);
  assert.equal(b.terminator, live.at(-1));
  assert.deepEqual(b.ops, live);
  for (const op of [...live]) { op.erase(); take(op); }
  assert.deepEqual(b.ops, []);
  assert.equal(b.terminator, undefined);
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
