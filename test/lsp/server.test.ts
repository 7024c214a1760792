// tensorlang-lsp end to end: the server started as an editor starts it (bin/tensorlang-lsp,
// JSON-RPC over stdio), asked what an editor asks: diagnostics as a document opens and changes,
// hover, go to definition, document symbols, references, rename, completion, quick fixes, and a
// clean shutdown.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  CodeActionRequest, CompletionRequest, DefinitionRequest, DidChangeTextDocumentNotification, ReferencesRequest, RenameRequest, DidOpenTextDocumentNotification, DocumentSymbolRequest, ExitNotification,
  HoverRequest, InitializeRequest, InitializedNotification, PublishDiagnosticsNotification, ShutdownRequest,
  StreamMessageReader, StreamMessageWriter, createProtocolConnection,
  type CodeAction, type Diagnostic, type DocumentSymbol, type Location, type MarkupContent, type Position, type PublishDiagnosticsParams,
} from "vscode-languageserver/node.js";
import { TextDocument } from "vscode-languageserver-textdocument";
import { repoRoot } from "../support/mlir.js";

const root = repoRoot();
const server = spawn(join(root, "bin/tensorlang-lsp"), ["--stdio"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
let stderr = "";
server.stderr.on("data", (d: Buffer) => { stderr += d; });
const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
const conn = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));

/** Each document's diagnostics as the server publishes them, taken in order. */
const published = new Map<string, PublishDiagnosticsParams[]>(), waiting = new Map<string, (p: PublishDiagnosticsParams) => void>();
conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
  const w = waiting.get(p.uri);
  if (w) { waiting.delete(p.uri); w(p); } else published.set(p.uri, [...(published.get(p.uri) ?? []), p]);
});
function nextDiagnostics(uri: string): Promise<Diagnostic[]> {
  const queued = published.get(uri)?.shift();
  if (queued) return Promise.resolve(queued.diagnostics);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no diagnostics for ${uri}; server stderr: ${stderr}`)), 20_000);
    waiting.set(uri, (p) => { clearTimeout(t); resolve(p.diagnostics); });
  });
}

const versions = new Map<string, number>();
function open(name: string, text: string): string {
  const uri = `file:///work/${name}`;
  versions.set(uri, 1);
  void conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "mlir", version: 1, text } });
  return uri;
}
function change(uri: string, text: string): void {
  const version = versions.get(uri)! + 1;
  versions.set(uri, version);
  void conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
}
/** The position of the `nth` (0-based) occurrence of `needle` in `text`, `delta` characters into it. */
function at(text: string, needle: string, nth = 0, delta = 1): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) { i = text.indexOf(needle, i + 1); assert.ok(i >= 0, `'${needle}' #${nth} not in the text`); }
  const before = text.slice(0, i + delta).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}
const hover = async (uri: string, position: Position) =>
  ((await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position }))?.contents as MarkupContent | undefined)?.value;
const definition = async (uri: string, position: Position) =>
  (await conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position })) as Location | null;

const TWICE = `func.func @twice() {
  %0 = tensorlang.constant dense<1.0> : !tensorlang.tensor<f32, 4>
  %1 = tensorlang.add %0, %0 : !tensorlang.tensor<f32, 4>
  tensorlang.print %1 : !tensorlang.tensor<f32, 4>
  return
}
func.func @main() {
  func.call @twice() : () -> ()
  return
}
`;
const FIXED = TWICE.replace("  %1 = tensorlang.add %0, %0", "  %c:2 = tensorlang.copy %0 : !tensorlang.tensor<f32, 4>\n  %1 = tensorlang.add %c#0, %c#1");

before(async () => {
  conn.listen();
  const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  assert.equal(init.serverInfo?.name, "tensorlang-lsp");
  const caps = init.capabilities;
  assert.ok(caps.hoverProvider && caps.definitionProvider && caps.documentSymbolProvider && caps.referencesProvider && caps.documentHighlightProvider);
  assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  assert.ok(caps.completionProvider?.triggerCharacters?.includes("%"));
  assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ["quickfix"] });
  await conn.sendNotification(InitializedNotification.type, {});
});

after(async () => {
  await conn.sendRequest(ShutdownRequest.type);
  await conn.sendNotification(ExitNotification.type);
  assert.equal(await exited, 0, stderr);
  conn.dispose();
});

test("a linear value used twice is reported at its defining op; the fix clears it", async () => {
  const uri = open("twice.mlir", TWICE);
  const ds = await nextDiagnostics(uri);
  assert.equal(ds.length, 1, JSON.stringify(ds));
  assert.equal(ds[0].message, "result with linear type must be used exactly once");
  assert.deepEqual(ds[0].range.start, at(TWICE, "tensorlang.constant", 0, 0)); // line 2, column 8 (1-based)
  assert.deepEqual(ds[0].range.end, at(TWICE, "tensorlang.constant", 0, "tensorlang.constant".length));
  change(uri, FIXED);
  assert.deepEqual(await nextDiagnostics(uri), []);
});

test("hover on a value shows its type and its definition; on an op, its name and result types", async () => {
  const uri = open("hover.mlir", FIXED);
  await nextDiagnostics(uri);
  const value = await hover(uri, at(FIXED, "%1", 1));
  assert.match(value ?? "", /`%1`: `!tensorlang\.tensor<f32, 4>`/);
  assert.match(value ?? "", /result of `tensorlang\.add`, defined at line 4/);
  assert.match((await hover(uri, at(FIXED, "%c#1"))) ?? "", /`%c#1`: `!tensorlang\.tensor<f32, 4>`\n\nresult #1 of `tensorlang\.copy`/);
  assert.equal(await hover(uri, at(FIXED, "tensorlang.copy", 0, 3)), "`tensorlang.copy`: results `!tensorlang.tensor<f32, 4>`, `!tensorlang.tensor<f32, 4>`");
  assert.equal(await hover(uri, at(FIXED, "return", 0, 2)), "`func.return`: no results");
  assert.equal(await hover(uri, { line: 0, character: 2 }), "`func.func`: no results");
  assert.equal(await hover(uri, at(FIXED, "}", 0, 0)), undefined);
});

test("go to definition: a use to its value's definition, @f to its func.func, ^bb to its label", async () => {
  const uri = open("def.mlir", FIXED);
  await nextDiagnostics(uri);
  const use = await definition(uri, at(FIXED, "%1", 1));
  assert.deepEqual(use?.range, { start: at(FIXED, "%1", 0, 0), end: at(FIXED, "%1", 0, 2) });
  assert.equal(use?.uri, uri);
  const arg = await definition(uri, at(FIXED, "%c#1", 0, 3));
  assert.deepEqual(arg?.range.start, at(FIXED, "%c:2", 0, 0));
  const call = await definition(uri, at(FIXED, "@twice", 1, 3));
  assert.deepEqual(call?.range, { start: at(FIXED, "@twice", 0, 0), end: at(FIXED, "@twice", 0, 6) });

  // Blocks (the branch in generic form); the forward use resolves too, though it does not dominate.
  const blocks = `func.func @f(%a: i32) -> i32 {
  "cf.br"(%b)[^bb1] : (i32) -> ()
^bb1:
  %b = arith.addi %a, %a : i32
  return %b : i32
}
`;
  const b = open("blocks.mlir", blocks);
  assert.ok((await nextDiagnostics(b)).some((d) => /^operand #0 does not dominate this use/.test(d.message)));
  assert.equal((await definition(b, at(blocks, "^bb1", 0, 2)))?.range.start.line, 2);
  assert.deepEqual((await definition(b, at(blocks, "%b", 0)))?.range.start, at(blocks, "%b", 1, 0));
  assert.deepEqual((await definition(b, at(blocks, "%a", 1)))?.range.start, at(blocks, "%a", 0, 0));
  assert.match((await hover(b, at(blocks, "%a", 2))) ?? "", /argument #0 of `func\.func @f`, defined at line 1/);
});

test("document symbols list the functions and globals with their ranges", async () => {
  const text = `memref.global "private" @table : memref<4xf32> = dense<0.0>
${FIXED}`;
  const uri = open("symbols.mlir", text);
  await nextDiagnostics(uri);
  const syms = (await conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(syms.map((s) => [s.name, s.kind, s.range.start.line, s.range.end.line]), [["@table", 13, 0, 0], ["@twice", 12, 1, 7], ["@main", 12, 8, 11]]);
  assert.equal(syms[1].detail, "() -> ()");
  assert.deepEqual(syms[2].selectionRange.start, at(text, "@main", 0, 0));
});

test("a parse error is one diagnostic at its position; each `// -----` chunk is checked alone", async () => {
  const text = `func.func @ok(%x: i32) -> i32 {
  return %x : i32
}
// -----
func.func @bad(%x: i32) -> i32 {
  %y = arith.addi %x, %z : i32
  return %y : i32
}
// -----
func.func @unverified(%x: i32) -> f32 {
  return %x : i32
}
`;
  const uri = open("split.mlir", text);
  const ds = await nextDiagnostics(uri);
  assert.equal(ds.length, 2, JSON.stringify(ds));
  assert.equal(ds[0].message, "use of undeclared SSA value name '%z'");
  assert.deepEqual(ds[0].range, { start: at(text, "%z", 0, 0), end: at(text, "%z", 0, 2) });
  assert.equal(ds[1].range.start.line, 10);
  assert.match(ds[1].message, /type of return operand 0/);
  // Hover still answers in the chunks that parsed.
  assert.match((await hover(uri, at(text, "%x", 1))) ?? "", /`%x`: `i32`/);
  change(uri, text.replace("%z", "%x").replace("-> f32", "-> i32"));
  assert.deepEqual(await nextDiagnostics(uri), []);
});

test("references, rename (a clash is an error response) and completion over the protocol", async () => {
  const uri = open("refs.mlir", FIXED);
  await nextDiagnostics(uri);
  const refs = (await conn.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: at(FIXED, "%c#1", 0, 1), context: { includeDeclaration: true } }))!;
  assert.deepEqual(refs.map((r) => r.range.start), [at(FIXED, "%c:2", 0, 0), at(FIXED, "%c#0", 0, 0), at(FIXED, "%c#1", 0, 0)]);
  const edit = await conn.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at(FIXED, "@twice", 1, 2), newName: "double" });
  assert.deepEqual(edit?.changes?.[uri]?.map((e) => [e.range.start.line, e.newText]), [[0, "@double"], [8, "@double"]]);
  await assert.rejects(conn.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at(FIXED, "@twice", 1, 2), newName: "main" }),
    /symbol '@main' is already defined/);
  const items = (await conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at(FIXED, "tensorlang.print", 0, 12) })) as { label: string }[];
  assert.deepEqual(items.map((c) => c.label), ["tensorlang.print"]);
});

/**
 * Opens `text`, asks for the quick fixes of all its diagnostics, and returns each fix's title
 * with the text it leaves (each quick fix names the one diagnostic it fixes).
 */
async function quickFixes(name: string, text: string, only?: string[]): Promise<{ uri: string; diagnostics: Diagnostic[]; fixes: { title: string; text: string }[] }> {
  const uri = open(name, text), diagnostics = await nextDiagnostics(uri);
  const range = { start: { line: 0, character: 0 }, end: { line: text.split("\n").length, character: 0 } };
  const actions = (await conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } })) as CodeAction[];
  const fixes = actions.map((a) => {
    assert.equal(a.kind, "quickfix");
    assert.equal(a.diagnostics?.length, 1);
    assert.ok(diagnostics.some((d) => d.message === a.diagnostics![0].message));
    return { title: a.title, text: TextDocument.applyEdits(TextDocument.create(uri, "mlir", 0, text), a.edit!.changes![uri]) };
  });
  return { uri, diagnostics, fixes };
}
/** The diagnostics of `uri` once its text is `text`. */
async function diagnosticsAfter(uri: string, text: string): Promise<Diagnostic[]> { change(uri, text); return nextDiagnostics(uri); }

test("quick fix: a misspelt op name, custom or generic, is replaced by the one suggested", async () => {
  const custom = "func.func @f(%a: f32) -> f32 {\n  %b = arith.adf %a, %a : f32\n  return %b : f32\n}\n";
  const c = await quickFixes("misspelt.mlir", custom);
  assert.deepEqual(c.fixes.map((f) => f.title), ["Replace with 'arith.addf'"]);
  assert.equal(c.fixes[0].text, custom.replace("arith.adf", "arith.addf"));
  assert.deepEqual(await diagnosticsAfter(c.uri, c.fixes[0].text), []);

  const generic = custom.replace("arith.adf %a, %a : f32", '"arith.adf"(%a, %a) : (f32, f32) -> f32');
  const g = await quickFixes("misspelt-generic.mlir", generic);
  assert.deepEqual(g.fixes.map((f) => f.title), ["Replace with 'arith.addf'"]);
  assert.match(g.fixes[0].text, /"arith\.addf"\(%a, %a\)/);
  assert.deepEqual(await diagnosticsAfter(g.uri, g.fixes[0].text), []);
});

test("quick fix: `call` in an scf.for gets its dialect; a suggestion that would not verify there is not offered", async () => {
  const text = `func.func @g(%x: index) {
  return
}
func.func @f(%lb: index) {
  scf.for %i = %lb to %lb step %lb {
    call @g(%i) : (index) -> ()
  }
  return
}
`;
  const { uri, fixes } = await quickFixes("call.mlir", text);
  // The diagnostic suggests 'func.call' or 'llvm.call'; @g is no LLVM function, so only the first fixes it.
  assert.deepEqual(fixes.map((f) => f.title), ["Replace with 'func.call'"]);
  assert.deepEqual(await diagnosticsAfter(uri, fixes[0].text), []);
});

test("quick fix: a linear value used twice is copied, and the copies take its uses", async () => {
  const t = await quickFixes("copy.mlir", TWICE);
  assert.deepEqual(t.fixes.map((f) => f.title), ["Insert tensorlang.copy of %0"]);
  assert.equal(t.fixes[0].text, TWICE.replace("  %1 = tensorlang.add %0, %0",
    "  %copy:2 = tensorlang.copy %0 : !tensorlang.tensor<f32, 4>\n  %1 = tensorlang.add %copy#0, %copy#1"));
  assert.deepEqual(await diagnosticsAfter(t.uri, t.fixes[0].text), []);

  // An argument used by two ops, with a `%copy` already taken: the copy goes before the first user.
  const T = "!tensorlang.tensor<f32, 4>";
  const args = `func.func @f(%a: ${T}, %b: ${T}) {
  %copy = tensorlang.add %a, %b : ${T}
  tensorlang.print %a : ${T}
  tensorlang.print %copy : ${T}
  return
}
`;
  const a = await quickFixes("copy-arg.mlir", args);
  assert.deepEqual(a.fixes.map((f) => f.title), ["Insert tensorlang.copy of %a"]);
  assert.match(a.fixes[0].text, /\{\n  %copy1:2 = tensorlang\.copy %a : .*\n  %copy = tensorlang\.add %copy1#0, %b .*\n  tensorlang\.print %copy1#1 :/);
  assert.deepEqual(await diagnosticsAfter(a.uri, a.fixes[0].text), []);
});

test("quick fixes in later `// -----` chunks edit their own lines (a chunk is parsed at its first line)", async () => {
  const misspelt = "func.func @f(%a: f32) -> f32 {\n  %b = arith.adf %a, %a : f32\n  return %b : f32\n}\n";
  const text = `func.func private @a()\n// -----\n${TWICE}// -----\n\n${misspelt}`;
  const { uri, fixes } = await quickFixes("chunks.mlir", text);
  assert.deepEqual(fixes.map((f) => f.title).sort(), ["Insert tensorlang.copy of %0", "Replace with 'arith.addf'"]);
  const fixed = (title: string) => fixes.find((f) => f.title === title)!.text;
  assert.equal(fixed("Replace with 'arith.addf'"), text.replace("arith.adf", "arith.addf"));
  assert.equal(fixed("Insert tensorlang.copy of %0"), text.replace("  %1 = tensorlang.add %0, %0",
    "  %copy:2 = tensorlang.copy %0 : !tensorlang.tensor<f32, 4>\n  %1 = tensorlang.add %copy#0, %copy#1"));
  assert.equal((await diagnosticsAfter(uri, fixed("Replace with 'arith.addf'"))).length, 1); // the copy's still to make
});

test("quick fix: a missing `: type` after operands of one type is added where the op takes that type", async () => {
  const text = "func.func @f(%a: f32) -> i1 {\n  %b = arith.addf %a, %a\n  %c = arith.cmpf olt, %b, %a : f32\n  return %c : i1\n}\n";
  const { uri, fixes } = await quickFixes("type.mlir", text);
  assert.deepEqual(fixes.map((f) => f.title), ["Add ': f32'"]);
  assert.equal(fixes[0].text, text.replace("%a, %a\n", "%a, %a : f32\n"));
  assert.deepEqual(await diagnosticsAfter(uri, fixes[0].text), []);
  // `func.call` takes a function type: `: f32` would not parse, so nothing is offered.
  const call = "func.func @g(%a: f32) -> f32 {\n  return %a : f32\n}\nfunc.func @f(%a: f32) -> f32 {\n  %b = func.call @g(%a)\n  return %b : f32\n}\n";
  const c = await quickFixes("type-call.mlir", call);
  assert.deepEqual([c.diagnostics.map((d) => d.message), c.fixes], [["expected ':'"], []]);
});

test("no quick fix where none is sure: an unused linear value, a use in a loop, an error without a suggestion, another kind", async () => {
  const T = "!tensorlang.tensor<f32, 4>";
  const unused = `func.func @f() {\n  %0 = tensorlang.constant dense<1.0> : ${T}\n  return\n}\n`;
  const loop = `func.func @f(%a: ${T}, %n: index) {
  scf.for %i = %n to %n step %n {
    tensorlang.print %a : ${T}
  }
  return
}
`;
  const undeclared = "func.func @f(%a: f32) -> f32 {\n  return %z : f32\n}\n";
  for (const [name, text] of [["unused.mlir", unused], ["loop.mlir", loop], ["undeclared.mlir", undeclared]]) {
    const { diagnostics, fixes } = await quickFixes(name, text);
    assert.equal(diagnostics.length, 1, name);
    assert.deepEqual(fixes, [], name);
  }
  const refactor = await quickFixes("refactor.mlir", TWICE, ["refactor"]);
  assert.equal(refactor.diagnostics.length, 1);
  assert.deepEqual(refactor.fixes, []);
});
