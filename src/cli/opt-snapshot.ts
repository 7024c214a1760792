// The script that `npm run build` bundles and snapshots (build.ts): tensorlang-opt with
// its modules loaded and evaluated, so that bin/tensorlang-opt starts Node from the snapshot and
// skips module loading, about a third of a run on a small file.
import { startupSnapshot } from "node:v8";
import { packageVersion } from "./common.js";
import { start } from "./opt.js";

packageVersion(); // read now: the snapshot runs without the package.json beside it
// Started from a snapshot, argv is [node, ...args]: there is no script path.
startupSnapshot.setDeserializeMainFunction(() => start(process.argv.slice(1), "Startup (snapshot)"));
