// `--split-input-file`: one text, several inputs separated by `// -----` lines (mlir-opt's marker).

/** One input: its text; its lines in the file (0-based). */
export interface InputChunk { text: string; firstLine: number; lastLine: number }

/**
 * The chunks of `text`, each padded with newlines so that offsets in it are the file's lines
 * (the language server's), or with `pad` false its own text alone (tensorlang-opt's, which parses
 * it at `firstLine`: padding made n chunks cost n^2, every line before each read again).
 */
export function inputChunks(text: string, pad = true): InputChunk[] {
  const lines = text.split("\n");
  const chunks: InputChunk[] = [];
  let start = 0;
  const add = (end: number) => chunks.push({ text: (pad ? "\n".repeat(start) : "") + lines.slice(start, end).join("\n"), firstLine: start, lastLine: end - 1 });
  lines.forEach((l, i) => { if (/^\s*\/\/ -----/.test(l)) { add(i); start = i + 1; } });
  add(lines.length);
  return chunks;
}
