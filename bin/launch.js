// Shared by bin/tensorlang-opt, -run and -lsp. A tool runs from the bundle that `npm run build`
// makes in dist/bundle/: Node loads a few files sooner than the ES modules one by one.
// tensorlang-opt's and -run's is a script (<tool>.cjs) that V8 compiles with the code cache
// beside it (<tool>.cache), tensorlang-lsp's an ES module (<tool>.mjs and chunks). After a build
// by tsc alone the bundle is older than the modules, and the modules run instead; so they do when
// the bundle does not load, and with TENSORLANG_NO_BUNDLE set.
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? 0;

/**
 * The exports of a script bundle, `(function (exports, require, module, __filename, __dirname,
 * bundleUrl, importExternal) {...})` (src/cli/build.ts), and whether V8 took its code cache. A
 * rejected cache (another Node, other V8 flags) only costs the compile. With
 * TENSORLANG_WRITE_CODE_CACHE set (the build) it writes the cache: after the bundle's top level
 * ran, so that the cache holds what V8 compiled for it, under no flag the tool sets later.
 */
function runScript(url) {
  const file = fileURLToPath(url), cacheFile = file.replace(/\.cjs$/, ".cache");
  let cachedData;
  try { cachedData = readFileSync(cacheFile); } catch { /* none: compile from source */ }
  const script = new Script(readFileSync(file, "latin1"), { filename: file, cachedData });
  const module = { exports: {} };
  // The packages it leaves out (node-llama-cpp, binaryen's fallback) are imported from here.
  script.runInThisContext()(module.exports, createRequire(url), module, file, dirname(file), url.href, (pkg) => import(pkg));
  if (process.env.TENSORLANG_WRITE_CODE_CACHE) {
    writeFileSync(cacheFile + ".tmp", script.createCachedData());
    renameSync(cacheFile + ".tmp", cacheFile); // whole or not at all
  }
  return { exports: module.exports, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * The module to run `tool` from, `dist/src/cli/<cliFile>` being its ES module, and which it is:
 * `from` is "bundle", "bundle + code cache" or "modules".
 */
export async function load(tool, cliFile) {
  const modules = new URL(`../dist/src/cli/${cliFile}`, import.meta.url);
  if (!process.env.TENSORLANG_NO_BUNDLE) {
    const script = new URL(`../dist/bundle/${tool}.cjs`, import.meta.url), bundle = new URL(`../dist/bundle/${tool}.mjs`, import.meta.url);
    try {
      if (mtime(script) > mtime(modules)) {
        const { exports, cached } = runScript(script);
        return { from: cached ? "bundle + code cache" : "bundle", module: exports };
      }
      if (mtime(bundle) > mtime(modules)) return { from: "bundle", module: await import(bundle.href) };
    } catch { /* cut short: the modules */ }
  }
  return { from: "modules", module: await import(modules.href) };
}
