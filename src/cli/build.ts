// The build steps after tsc (`npm run build` runs this): binaryen as a script with a V8 code
// cache (see src/backend/wasm/binaryen.ts), and tensorlang-opt as one CommonJS file (esbuild,
// passes included), which bin/tensorlang-opt runs: Node loads one file faster than ES modules.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { vendorBinaryen } from "../backend/wasm/binaryen.js";

await vendorBinaryen();
await build({
  entryPoints: [fileURLToPath(new URL("opt.js", import.meta.url))],
  outfile: fileURLToPath(new URL("../../tensorlang-opt.cjs", import.meta.url)), // dist/
  bundle: true, platform: "node", format: "cjs", logLevel: "error",
  // packageVersion reads ../../../package.json from opt.js's place, as the modules do.
  define: { "import.meta.url": JSON.stringify(new URL("opt.js", import.meta.url).href) },
});
