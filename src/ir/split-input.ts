// `--split-input-file`: one text, several inputs separated by `// -----` lines (mlir-opt's marker).

/** One input: its text padded with newlines so line numbers match the file; its lines there (0-based). */
export interface InputChunk { text: string; firstLine: number; lastLine: number }

export function inputChunks(text: string): InputChunk[] {
  const lines = text.split("\n");
  const chunks: InputChunk[] = [];
  let start = 0;
  const add = (end: number) => chunks.push({ text: "\n".repeat(start) + lines.slice(start, end).join("\n"), firstLine: start, lastLine: end - 1 });
  lines.forEach((l, i) => { if (/^\s*\/\/ -----/.test(l)) { add(i); start = i + 1; } });
  add(lines.length);
  return chunks;
}

/** Splits at `// -----`, padding each chunk so line numbers match the original file. */
export function splitChunks(text: string): string[] { return inputChunks(text).map((c) => c.text); }
