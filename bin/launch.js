// Shared by bin/tensorlang-opt and bin/tensorlang-run. A tool runs from the bundle that
// `npm run build` makes (dist/bundle/<tool>.mjs and its chunks): Node loads a few files about
// 20 ms (tensorlang-opt) to 100 ms (tensorlang-run) sooner than the ES modules one by one. After a build by tsc alone the
// bundle is older than the modules, and the modules run instead; so they do when the bundle does
// not load, and with TENSORLANG_NO_BUNDLE set.
import { statSync } from "node:fs";

const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? 0;

/** The module to run `tool` from, `dist/src/cli/<cliFile>` being its ES module, and which it is. */
export async function load(tool, cliFile) {
  const bundle = new URL(`../dist/bundle/${tool}.mjs`, import.meta.url), modules = new URL(`../dist/src/cli/${cliFile}`, import.meta.url);
  if (!process.env.TENSORLANG_NO_BUNDLE && mtime(bundle) > mtime(modules)) {
    try { return { from: "bundle", module: await import(bundle.href) }; } catch { /* cut short: the modules */ }
  }
  return { from: "modules", module: await import(modules.href) };
}
