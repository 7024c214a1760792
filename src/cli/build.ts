// The build steps after tsc (`npm run build` runs this): binaryen as a script with a V8 code
// cache (see src/backend/wasm/binaryen.ts), and tensorlang-opt's startup snapshot.
//
// Node's --build-snapshot takes one script, so esbuild bundles opt-snapshot.js (passes included)
// first. A snapshot starts only in the Node binary that built it (another aborts), so the stamp
// `node` records that binary's size and mtime for bin/tensorlang-opt to compare.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { vendorBinaryen } from "../backend/wasm/binaryen.js";

await vendorBinaryen();

const cli = new URL(".", import.meta.url); // dist/src/cli/
const out = fileURLToPath(new URL("../../snapshot/", import.meta.url)); // dist/snapshot/
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [fileURLToPath(new URL("opt-snapshot.js", cli))], outfile: out + "tensorlang-opt.cjs",
  bundle: true, platform: "node", format: "cjs", logLevel: "error",
  // packageVersion reads ../../../package.json from here while the snapshot is built.
  define: { "import.meta.url": JSON.stringify(new URL("opt.js", cli).href) },
});
const r = spawnSync(process.execPath, ["--snapshot-blob", out + "tensorlang-opt.blob", "--build-snapshot", out + "tensorlang-opt.cjs"], { encoding: "utf8" });
if (r.status !== 0) {
  process.stderr.write(`build: node --build-snapshot failed (status ${r.status}):\n${r.stderr}`);
  process.exit(1);
}
const node = statSync(realpathSync(process.execPath));
writeFileSync(out + "node", `${node.size} ${Math.floor(node.mtimeMs / 1000)}\n`);
