// The language server (like mlir-lsp-server): JSON-RPC over stdio. Each open document is
// analysed at most once per version, on the first of: its diagnostics falling due (at once on
// open, shortly after the last edit while typing) or a request that needs it.
import { fileURLToPath } from "node:url";
import { CodeActionKind, ErrorCodes, ResponseError, TextDocumentSyncKind, TextDocuments, createConnection, type Connection } from "vscode-languageserver/node.js";
import { TextDocument } from "vscode-languageserver-textdocument";
import { codeActions } from "./actions.js";
import { Analysis } from "./analysis.js";
import { lspDiagnostics } from "./diagnostics.js";
import { completion } from "./completion.js";
import { definition, documentSymbols, hover } from "./features.js";
import { highlights, prepareRename, references, rename } from "./references.js";

/** Quiet time after an edit before diagnostics are computed: long enough to skip most keystrokes. */
export const DEBOUNCE_MS = 150;

/** The file name diagnostics of `uri` carry (what `tensorlang-opt` would call the file). */
const fileOf = (uri: string) => { try { return uri.startsWith("file:") ? fileURLToPath(uri) : uri; } catch { return uri; } };

/**
 * `allowUnregistered`: `--allow-unregistered-dialect`, which an editor may also ask for in its
 * initialization options (`{ "allowUnregisteredDialect": true }`).
 */
export function startServer(opts: { version: string; connection?: Connection; allowUnregistered?: boolean }): Connection {
  const connection = opts.connection ?? createConnection(process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, { version: number; analysis: Analysis }>();
  let allowUnregistered = opts.allowUnregistered === true;
  const timers = new Map<string, NodeJS.Timeout>();
  const published = new Map<string, number>();

  const analysisOf = (doc: TextDocument): Analysis => {
    const cached = analyses.get(doc.uri);
    if (cached?.version === doc.version) return cached.analysis;
    const analysis = new Analysis(doc.getText(), fileOf(doc.uri), allowUnregistered);
    analyses.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  };
  const publish = (uri: string): void => {
    timers.delete(uri);
    const doc = documents.get(uri);
    if (!doc || published.get(uri) === doc.version) return;
    published.set(uri, doc.version);
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: lspDiagnostics(analysisOf(doc), uri) });
  };
  const cancel = (uri: string) => { clearTimeout(timers.get(uri)); timers.delete(uri); };

  connection.onInitialize((p) => {
    if ((p.initializationOptions as { allowUnregisteredDialect?: unknown } | undefined)?.allowUnregisteredDialect === true) allowUnregistered = true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true, definitionProvider: true, documentSymbolProvider: true, referencesProvider: true, documentHighlightProvider: true,
        renameProvider: { prepareProvider: true }, completionProvider: { triggerCharacters: ["%", "^", "@", ".", "!"] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: "tensorlang-lsp", version: opts.version },
    };
  });
  documents.onDidOpen((e) => publish(e.document.uri));
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    if (published.get(uri) === e.document.version) return; // the open that just published
    cancel(uri);
    timers.set(uri, setTimeout(() => publish(uri), DEBOUNCE_MS));
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    cancel(uri);
    analyses.delete(uri);
    published.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  const withDoc = <T>(uri: string, fn: (doc: TextDocument) => T): T | null => { const d = documents.get(uri); return d ? fn(d) : null; };
  connection.onHover((p) => withDoc(p.textDocument.uri, (d) => hover(analysisOf(d), p.position)));
  connection.onDefinition((p) => withDoc(p.textDocument.uri, (d) => definition(analysisOf(d), d.uri, p.position)));
  connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, (d) => documentSymbols(analysisOf(d))));
  connection.onReferences((p) => withDoc(p.textDocument.uri, (d) => references(analysisOf(d), d.uri, p.position, p.context.includeDeclaration)));
  connection.onDocumentHighlight((p) => withDoc(p.textDocument.uri, (d) => highlights(analysisOf(d), p.position)));
  connection.onPrepareRename((p) => withDoc(p.textDocument.uri, (d) => prepareRename(analysisOf(d), p.position)));
  connection.onRenameRequest((p) => withDoc(p.textDocument.uri, (d) => {
    const r = rename(analysisOf(d), d.uri, p.position, p.newName);
    if (r && "error" in r) throw new ResponseError(ErrorCodes.InvalidParams, r.error);
    return r;
  }));
  connection.onCompletion((p) => withDoc(p.textDocument.uri, (d) => completion(analysisOf(d), p.position)));
  connection.onCodeAction((p) => withDoc(p.textDocument.uri, (d) =>
    p.context.only && !p.context.only.includes(CodeActionKind.QuickFix) ? [] : codeActions(analysisOf(d), d.uri, p.context.diagnostics)));
  connection.onShutdown(() => { for (const uri of [...timers.keys()]) cancel(uri); });

  documents.listen(connection);
  connection.listen();
  return connection;
}
