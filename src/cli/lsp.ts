#!/usr/bin/env node
// tensorlang-lsp: the language server (diagnostics, hover, definition, symbols, references,
// rename, completion) over stdio, for editors; see docs/lsp.md.
import { Command } from "commander";
import { startServer } from "../lsp/server.js";
import { UsageError, isMain, packageVersion } from "./common.js";

/** Starts the server, or answers `--help`/`--version`; a bad argument exits 2, as the other tools do. */
export function start(args: string[]): void {
  const program = new Command("tensorlang-lsp")
    .description("Language server for TensorLang/MLIR files (JSON-RPC over stdin/stdout)")
    .option("--stdio", "talk over stdin/stdout (the default and only transport)")
    .option("--clientProcessId <pid>", "exit when this process does (VS Code passes it)")
    .option("--allow-unregistered-dialect", "keep ops of dialects TensorLang does not know instead of reporting them (as tensorlang-opt's flag)")
    .version(packageVersion(), "--version", "print the version")
    .exitOverride((err) => { throw Object.assign(new UsageError(err.message.replace(/^error: /, "")), { exitCode: err.exitCode === 0 ? 0 : 2 }); })
    .configureOutput({ writeErr: () => {} });
  try {
    program.parse(args, { from: "user" });
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode ?? 2;
    if (code !== 0) process.stderr.write(`tensorlang-lsp: ${(e as Error).message}\n`);
    process.exitCode = code;
    return;
  }
  startServer({ version: packageVersion(), allowUnregistered: program.opts().allowUnregisteredDialect === true });
}

if (isMain(import.meta.url)) start(process.argv.slice(2));
