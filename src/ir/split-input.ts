// `--split-input-file`: one text, several inputs separated by `// -----` lines (mlir-opt's marker).

/** One input: its own text, parsed at its first line; its lines in the file (0-based). */
export interface InputChunk { text: string; firstLine: number; lastLine: number }

/** The chunks of `text` (not padded with the lines before them: that made n chunks cost n^2). */
export function inputChunks(text: string): InputChunk[] {
  const lines = text.split("\n");
  const chunks: InputChunk[] = [];
  let start = 0;
  const add = (end: number) => chunks.push({ text: lines.slice(start, end).join("\n"), firstLine: start, lastLine: end - 1 });
  lines.forEach((l, i) => { if (/^\s*\/\/ -----/.test(l)) { add(i); start = i + 1; } });
  add(lines.length);
  return chunks;
}
