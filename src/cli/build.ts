// The build steps after tsc (`npm run build` runs this): binaryen as a script with a V8 code
// cache (see src/backend/wasm/binaryen.ts), and tensorlang-opt, -run and -lsp bundled by
// esbuild into dist/bundle/, which bin/launch.js prefers: Node loads a few files faster than many.
// tensorlang-opt, the tool run most often on small inputs, is a script with a code cache too.
import { spawnSync } from "node:child_process";
import { build, type BuildOptions, type Plugin } from "esbuild";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { vendorBinaryen } from "../backend/wasm/binaryen.js";

const dist = fileURLToPath(new URL("../../", import.meta.url));
/**
 * Each module's `import.meta.url` stays its own file's URL (found from the bundle's, both in
 * dist/, so the tree may move), and what it finds beside itself still resolves from the bundle:
 * workers (which run from the ES modules), dist/vendor/, package.json.
 */
const ownUrls: Plugin = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\/dist\/src\/.*\.js$/ }, (args) => ({
      // Not inside a string: binaryen.ts rewrites the text "import.meta.url" itself.
      contents: readFileSync(args.path, "utf8").replace(/(?<!["'])\bimport\.meta\.url\b(?!["'])/g,
        `new URL(${JSON.stringify("../" + relative(dist, args.path))}, import.meta.url).href`),
      loader: "js",
    }));
  },
};

/**
 * tsc never deletes what it emitted for a source since removed or renamed: a stale test there
 * would still run. Each dist/{src,test,bench} .js (and .js.map) without its .ts goes.
 */
function pruneStale(): void {
  const root = join(dist, "..");
  for (const top of ["src", "test", "bench"]) {
    const dir = join(dist, top);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      const m = /^(.*)\.js(\.map)?$/.exec(f);
      if (m && !existsSync(join(root, top, m[1] + ".ts"))) rmSync(join(dir, f));
    }
  }
}

pruneStale();
await vendorBinaryen();
rmSync(dist + "bundle", { recursive: true, force: true }); // chunks are named by content: old ones would pile up
const common: BuildOptions = {
  bundle: true, platform: "node", logLevel: "error", plugins: [ownUrls],
  external: ["binaryen", "node-llama-cpp"], // binaryen's package only as the fallback; llama.cpp's loads on demand
};
await build({
  ...common,
  entryPoints: Object.fromEntries([["tensorlang-run", "run.js"], ["tensorlang-lsp", "lsp.js"]]
    .map(([tool, file]) => [tool, fileURLToPath(new URL(file, import.meta.url))])),
  outdir: dist + "bundle", outExtension: { ".js": ".mjs" },
  // What is imported on demand (passes, a model runner) goes to chunks of its own; so the code
  // shared by both tools, which also keeps modules from being wrapped in lazy initializers.
  splitting: true, chunkNames: "chunk-[hash]", format: "esm",
  // CommonJS dependencies (commander, ajv) require Node's built-ins.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
});

/**
 * tensorlang-opt as one CommonJS bundle wrapped in a function, the form bin/launch.js compiles
 * with vm.Script and V8's code cache (Node 20 keeps none for ES modules): its start costs a third
 * of the instructions the ES-module bundle's does. Its ES modules have no top-level await, which
 * CommonJS cannot hold; their `import.meta.url` is the launcher's `bundleUrl`. esbuild writes
 * ASCII, so the launcher reads it as latin1 (faster). The code cache is made by a run of the tool
 * itself, under the flags it will run with: V8 takes a cache only under the flags that made it.
 */
const script = dist + "bundle/tensorlang-opt.cjs";
const [out] = (await build({
  ...common, entryPoints: [fileURLToPath(new URL("opt.js", import.meta.url))], write: false, format: "cjs",
  define: { "import.meta.url": "bundleUrl" },
})).outputFiles;
writeFileSync(script, "(function (exports, require, module, __filename, __dirname, bundleUrl) {\n" + out.text.replace(/^#!.*\n/, "") + "})\n");
const cached = spawnSync(process.execPath, [fileURLToPath(new URL("../../../bin/tensorlang-opt", import.meta.url)), "--version"],
  { encoding: "utf8", env: { ...process.env, TENSORLANG_WRITE_CODE_CACHE: "1" } });
if (cached.status !== 0 || !existsSync(script.replace(/\.cjs$/, ".cache"))) throw new Error(`no code cache for ${script}: ${cached.stderr}`);
