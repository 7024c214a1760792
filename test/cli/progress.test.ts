// The --optimize progress bar: on a terminal it names the function and shows each iteration's
// best speedup and verdicts, or, before the first iteration, what the search is doing; off a
// terminal it writes nothing.
import assert from "node:assert/strict";
import { test } from "node:test";
import { SearchProgressBar } from "../../src/cli/progress.js";

/** A stream that records what is written, a terminal or not. */
function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { text: "", isTTY, columns: 200, write(chunk: string) { s.text += chunk; return true; }, cursorTo() { return true; }, clearLine() { return true; }, moveCursor() { return true; }, on() { return s; }, removeListener() { return s; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

test("the progress bar shows what precedes the first iteration, then the verdicts", () => {
  const out = stream(true), bar = new SearchProgressBar(out, 24);
  try {
    bar.update("matmul", { iteration: 0, bestSpeedup: 1, verdicts: {}, phase: "running and timing it as written" });
    // (a new bar draws at once; later updates are drawn at its frame rate or on stop)
    assert.match(out.text, /optimize @matmul .*iteration 0 \| best 1\.00x \| running and timing it as written/);
    bar.update("matmul", { iteration: 3, bestSpeedup: 2.5, verdicts: { accepted: 2, slower: 1 } });
  } finally {
    bar.stop(); // (draws the last update; its timer would keep the process alive)
  }
  assert.match(out.text, /iteration 3 \| best 2\.50x \| accepted 2, slower 1/);
});

test("the progress bar writes nothing when the stream is not a terminal", () => {
  const out = stream(false), bar = new SearchProgressBar(out);
  bar.update("matmul", { iteration: 0, bestSpeedup: 1, verdicts: {}, phase: "running and timing it as written" });
  bar.stop();
  assert.equal(out.text, "");
});
