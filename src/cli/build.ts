// The build steps after tsc (`npm run build` runs this): binaryen as a script with a V8 code
// cache (see src/backend/wasm/binaryen.ts), and tensorlang-opt, -run and -lsp bundled by
// esbuild into dist/bundle/, which bin/launch.js prefers: Node loads a few files faster than many.
// tensorlang-opt and -run, run often on small inputs, are scripts with a code cache too.
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
const ownUrl = (path: string, text: string) =>
  // Not inside a string: binaryen.ts rewrites the text "import.meta.url" itself.
  text.replace(/(?<!["'])\bimport\.meta\.url\b(?!["'])/g, `new URL(${JSON.stringify("../" + relative(dist, path))}, import.meta.url).href`);
const ownUrls: Plugin = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\/dist\/src\/.*\.js$/ }, (args) => ({ contents: ownUrl(args.path, readFileSync(args.path, "utf8")), loader: "js" }));
  },
};
/**
 * CommonJS holds no top-level await: in a script bundle binaryen.js's default export is set when
 * its `loaded` promise settles, which Engine.loadCompiler awaits before it imports the modules
 * that use binaryen at their top level (the wasm compiler). Throws if binaryen.js no longer has
 * that line.
 */
const binaryenLoadedLater: Plugin = {
  name: "binaryen-loaded-later",
  setup(b) {
    b.onLoad({ filter: /\/dist\/src\/backend\/wasm\/binaryen\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8"), tla = "const binaryen = await withBinaryenBudget(load);\nexport default binaryen;\nexport const loaded = Promise.resolve();";
      if (!text.includes(tla)) throw new Error(`${args.path}: no '${tla}' to rewrite for a script bundle`);
      return { contents: ownUrl(args.path, text.replace(tla, "let binaryen;\nexport { binaryen as default };\nexport const loaded = withBinaryenBudget(load).then((b) => { binaryen = b; });")), loader: "js" };
    });
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
const external = ["binaryen", "node-llama-cpp"]; // binaryen's package only as the fallback; llama.cpp's loads on demand
const common: BuildOptions = { bundle: true, platform: "node", logLevel: "error", plugins: [ownUrls], external };
await build({
  ...common,
  entryPoints: { "tensorlang-lsp": fileURLToPath(new URL("lsp.js", import.meta.url)) },
  outdir: dist + "bundle", outExtension: { ".js": ".mjs" },
  // What is imported on demand (passes, a model runner) goes to chunks of its own.
  splitting: true, chunkNames: "chunk-[hash]", format: "esm",
  // CommonJS dependencies (commander, ajv) require Node's built-ins.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
});

/**
 * tensorlang-opt and -run each as one CommonJS bundle wrapped in a function, the form
 * bin/launch.js compiles with vm.Script and V8's code cache (Node 20 keeps none for ES modules):
 * tensorlang-opt's start costs half the instructions its ES-module bundle's did. Their
 * `import.meta.url` is the launcher's `bundleUrl`, their import() of an external package the
 * launcher's `importExternal`. esbuild writes ASCII, so the launcher reads them as latin1
 * (faster). Each code cache is made by a run of the tool itself, under the flags it will run
 * with: V8 takes a cache only under the flags that made it.
 */
for (const [tool, file] of [["tensorlang-opt", "opt.js"], ["tensorlang-run", "run.js"]]) {
  const script = `${dist}bundle/${tool}.cjs`;
  const [out] = (await build({
    ...common, plugins: [binaryenLoadedLater, ownUrls], entryPoints: [fileURLToPath(new URL(file, import.meta.url))], write: false, format: "cjs",
    define: { "import.meta.url": "bundleUrl" },
  })).outputFiles;
  // A script's own import() needs a flag (or warns) in Node 20: the packages left out are imported by the launcher.
  const text = external.reduce((t, pkg) => t.replaceAll(`import("${pkg}")`, `importExternal("${pkg}")`), out.text.replace(/^#!.*\n/, ""));
  writeFileSync(script, "(function (exports, require, module, __filename, __dirname, bundleUrl, importExternal) {\n" + text + "})\n");
  const cached = spawnSync(process.execPath, [fileURLToPath(new URL(`../../../bin/${tool}`, import.meta.url)), "--version"],
    { encoding: "utf8", env: { ...process.env, TENSORLANG_WRITE_CODE_CACHE: "1" } });
  if (cached.status !== 0 || !existsSync(script.replace(/\.cjs$/, ".cache"))) throw new Error(`no code cache for ${script}: ${cached.stderr}`);
}
