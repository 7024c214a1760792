// binaryen, loaded once per process. Its package is one 15 MB ES module (the wasm inlined as a
// string) that V8 compiles afresh at every start: Node 20 keeps no code cache for ES modules. So
// `npm run build` writes it into dist/vendor/ (`vendorBinaryen`) as a script function with a V8
// code cache of it, and the wasm as a file of its own, which the script instantiates through
// Emscripten's `instantiateWasm` hook: reading a 10 MB binary costs less than reading a 15 MB
// script and decoding the string in it. Without those files, or when they were made from another
// binaryen, this imports the package as usual; when V8 rejects the cache (another Node) the
// script compiles from source, as the import would.
import type B from "binaryen";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";

// binaryen's wasm functions tier up to TurboFan on background threads once they have run a while;
// a process that ends waits for those compiles (some functions are huge), about 300 ms after a
// small run. binaryen is instantiated with ten times V8's default budget (Node 20: 1,800,000),
// which spares short runs that wait while hot code still tiers up; the default is restored for
// other wasm instantiated later (the engine's own units skip tiering altogether: compiler.ts),
// unless the user set the flag. Set before the script is compiled: V8 takes a code cache only
// under the flags that made it.
const tieringSet = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((a) => a.includes("wasm-tiering-budget"));
async function withBinaryenBudget<T>(instantiate: () => Promise<T>): Promise<T> {
  if (tieringSet) return instantiate();
  setFlagsFromString("--wasm-tiering-budget=18000000");
  try { return await instantiate(); } finally { setFlagsFromString("--wasm-tiering-budget=1800000"); }
}
const require = createRequire(import.meta.url);
const packageFile = require.resolve("binaryen"); // node_modules/binaryen/index.js
const vendor = fileURLToPath(new URL("../../../vendor/", import.meta.url)); // dist/vendor/
const SCRIPT = vendor + "binaryen.cjs", CACHE = vendor + "binaryen.cache", WASM = vendor + "binaryen.wasm";

/** Emscripten's module factory, given `instantiateWasm(imports, done)`: binaryen once its wasm is running. */
type Run = (moduleArg: { instantiateWasm: (imports: WebAssembly.Imports, done: (i: WebAssembly.Instance) => void) => object }) => Promise<typeof B>;
type Factory = (require: NodeJS.Require, url: string) => Run;

/** Non-ASCII characters as \u escapes (the same string, regex or comment): the script is read as latin1. */
const ascii = (s: string) => s.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
/** The first line of the script: which package file it was made from. */
const origin = () => ascii(`// from ${packageFile}, ${statSync(packageFile).size} bytes\n`);

function compile(src: string, wasm: Uint8Array<ArrayBuffer>, cachedData?: Buffer): { script: Script; run: () => Promise<typeof B> } {
  const script = new Script(src, { filename: SCRIPT, cachedData });
  const factory = (script.runInThisContext() as Factory)(createRequire(packageFile), pathToFileURL(packageFile).href);
  // Emscripten waits for `done` forever: a failed instantiation must reject the load instead.
  const run = () => new Promise<typeof B>((resolve, reject) => {
    factory({ instantiateWasm: (imports, done) => { WebAssembly.compile(wasm).then((m) => WebAssembly.instantiate(m, imports)).then(done, reject); return {}; } }).then(resolve, reject);
  });
  return { script, run };
}

/** How this process loaded binaryen: from dist/vendor/ (and whether V8 took the code cache), or the package. */
export const loadedFrom: { vendored: boolean; cacheRejected?: boolean } = { vendored: false };

async function load(): Promise<typeof B> {
  let src: string | undefined;
  try { src = readFileSync(SCRIPT, "latin1"); } catch { /* not built: import the package */ } // twice as fast as utf8
  if (src?.startsWith(origin())) {
    try {
      const wasm = readFileSync(WASM);
      if (wasm.length !== Number(/^\/\/ wasm: (\d+) bytes$/m.exec(src)?.[1])) throw new Error("another binaryen.wasm");
      const { script, run } = compile(src, wasm, existsSync(CACHE) ? readFileSync(CACHE) : undefined);
      Object.assign(loadedFrom, { vendored: true, cacheRejected: script.cachedDataRejected });
      return await run();
    } catch { /* a damaged copy: import the package */ }
  }
  Object.assign(loadedFrom, { vendored: false, cacheRejected: undefined });
  return (await import("binaryen")).default;
}

// Type names used as `binaryen.Module`, as with the package's own default export.
// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace binaryen {
  type Module = B.Module; type Type = B.Type; type ExpressionRef = B.ExpressionRef;
  type ExpressionInfo = B.ExpressionInfo; type LocalGetInfo = B.LocalGetInfo;
}
// `loaded` settles once binaryen is loaded: at once here, after the await; in a script bundle,
// which cannot await at its top level, when the load ends (src/cli/build.ts rewrites these lines).
const binaryen = await withBinaryenBudget(load);
export default binaryen;
export const loaded = Promise.resolve();

/**
 * Writes dist/vendor/: the package's source as `(function (require, url) { ... return factory })`
 * (its `import.meta.url`, dynamic `import("node:module")` and final `export` rewritten, the wasm
 * string emptied: the `instantiateWasm` hook bypasses it), the wasm bytes, and the code cache of
 * that script after a small module was built and optimized with it, so that the functions a
 * compile uses are in the cache too. Throws when the source no longer has the shape this rewrite
 * expects (a new binaryen release).
 */
export async function vendorBinaryen(): Promise<void> {
  let src = readFileSync(packageFile, "utf8");
  const tail = /var (\w+)=await (\w+)\(\),(\$?\w+)=\1;export\{\3 as default\};?\s*$/;
  if (!tail.test(src)) throw new Error(`${packageFile}: no 'export default await factory()' at its end`);
  src = src.replace(tail, "return $2;").replaceAll("import.meta.url", "url").replaceAll('await import("node:module")', 'require("node:module")');
  if (/import\.meta|\bimport\(|\bexport\s*\{/.test(src)) throw new Error(`${packageFile}: module syntax left after the rewrite`);
  // The one template literal that starts with wasm's magic number, its escapes undone by V8 itself.
  const start = src.indexOf("`\\0asm");
  let end = start + 1;
  while (end < src.length && src[end] !== "`") end += src[end] === "\\" ? 2 : 1;
  if (start < 0 || end >= src.length || !/\.instantiateWasm\b/.test(src)) throw new Error(`${packageFile}: no inlined wasm string and instantiateWasm hook`);
  const wasm = Buffer.from(new Function(`return ${src.slice(start, end + 1)}`)() as string, "latin1");
  if (!WebAssembly.validate(wasm)) throw new Error(`${packageFile}: its inlined wasm does not validate`);
  src = origin() + `// wasm: ${wasm.length} bytes\n(function (require, url) {\n${ascii(src.slice(0, start) + "``" + src.slice(end + 1))}\n})`;
  await withBinaryenBudget(async () => {
    const { script, run } = compile(src, wasm);
    const b = await run();
    const m = new b.Module();
    m.addFunction("f", b.createType([b.i32]), b.i32, [], m.i32.add(m.local.get(0, b.i32), m.i32.const(1)));
    m.optimize();
    m.emitBinary();
    m.dispose();
    // Each file whole or not at all (renamed into place), the script last: it is what load() looks for.
    mkdirSync(vendor, { recursive: true });
    for (const [file, data] of [[WASM, wasm], [CACHE, script.createCachedData()], [SCRIPT, src]] as const) {
      writeFileSync(file + ".tmp", data);
      renameSync(file + ".tmp", file);
    }
  });
}
