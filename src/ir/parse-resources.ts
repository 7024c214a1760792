// The file metadata section `{-# dialect_resources: {...}, external_resources: {...} #-}` that
// MLIR writes after the module, read as mlir-opt 19 reads it (its errors, at the same places).
import type { AttrTypeParser } from "./parse-attr.js";
import { decodeString, type Token } from "./lexer.js";
import { ResourceBlob, parseBlob, type ExternalResourceValue, type ExternalResources } from "./resources.js";

/** What the sections hold: builtin blobs by name (a later one of a name wins, as in MLIR), external entries by group. */
export interface FileMetadata {
  blobs: Map<string, ResourceBlob>;
  external: ExternalResources;
}

/**
 * One `{-# ... #-}` section, its entries added to `into`. `isDialect` says
 * whether a dialect other than builtin is known (MLIR then says it has no resources, else that
 * it is unknown).
 */
export function parseFileMetadata(p: AttrTypeParser, into: FileMetadata, isDialect: (name: string) => boolean): void {
  p.expect("{-#");
  if (p.accept("#-}")) return;
  for (;;) {
    const k = p.lex.next();
    if (k.kind !== "bare") throw p.errorAt(k, "expected identifier key in file metadata dictionary");
    p.expect(":");
    if (k.text === "dialect_resources") parseGroups(p, (group) => {
      if (group.text !== "builtin" && !isDialect(group.text)) throw p.errorAt(group, `dialect '${group.text}' is unknown`);
      return (key, value, at) => {
        if (group.text !== "builtin") throw p.errorAt(key, `unexpected 'resource' section for dialect '${group.text}'`);
        if (value === undefined || typeof value === "boolean") throw p.errorAt(at, `expected hex string blob for key '${key.text}'`);
        const blob = parseBlob(value, key.text);
        if (typeof blob === "string") throw p.errorAt(at, blob);
        into.blobs.set(key.text, blob);
      };
    });
    else if (k.text === "external_resources") parseGroups(p, (group) => {
      let entries = into.external.get(group.text);
      if (!entries) into.external.set(group.text, (entries = new Map()));
      return (key, value, at) => {
        if (value === undefined) throw p.errorAt(at, `expected string value for key '${key.text}'`);
        let v: ExternalResourceValue = value;
        if (typeof value === "string" && value.startsWith("0x")) { // a blob, as MLIR reads any `0x` string here
          const blob = parseBlob(value, key.text);
          if (typeof blob === "string") throw p.errorAt(at, blob);
          v = blob;
        }
        entries.set(key.text, v);
      };
    });
    else throw p.errorAt(k, `unknown key '${k.text}' in file metadata dictionary`);
    if (p.accept("#-}")) return;
    if (!p.accept(",")) throw p.errorExpecting("expected ',' or '#-}'");
  }
}

type EntrySink = (key: Token, value: string | boolean | undefined, at: Token) => void;

/** `{ group: { key: value, ... }, ... }`: `open(group)` gives where the group's entries go. */
function parseGroups(p: AttrTypeParser, open: (group: Token) => EntrySink): void {
  p.expect("{");
  if (p.accept("}")) return;
  do {
    const g = p.lex.next();
    if (g.kind !== "bare") throw p.errorAt(g, "expected identifier key for 'resource' entry");
    const sink = open(g);
    p.expect(":");
    p.expect("{");
    if (p.accept("}")) continue;
    do {
      const k = p.lex.next();
      if (k.kind !== "bare") throw p.errorAt(k, "expected identifier key for 'resource' entry");
      p.expect(":");
      const v = p.lex.next();
      const value = v.kind === "string" ? decodeString(v.text, p.lex, v.pos) : v.kind === "bare" && (v.text === "true" || v.text === "false") ? v.text === "true" : undefined;
      sink(k, value, v);
    } while (p.accept(","));
    p.expect("}");
  } while (p.accept(","));
  p.expect("}");
}
