import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createModelRunner, ModelAbortError, ModelError, ModelTimeoutError, SetupError } from "../../src/llm/ModelRunner.js";
import { completionsUrl } from "../../src/llm/OpenAIModelRunner.js";
import { proposalJsonSchema } from "../../src/optimizer/schema.js";

type Handler = (body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let base = "";
let handler: Handler = () => undefined;
const bodies: Record<string, unknown>[] = [];
const auth: (string | undefined)[] = [];

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

const ok = (content: string, finish = "stop") => ({
  choices: [{ message: { role: "assistant", content }, finish_reason: finish }],
  usage: { prompt_tokens: 11, completion_tokens: 3 },
});

before(async () => {
  server = createServer((req, res) => {
    let data = "";
    req.on("data", (c: Buffer) => { data += c.toString(); });
    req.on("end", () => {
      if (req.url !== "/v1/chat/completions") return reply(res, 404, { error: { message: "no route" } });
      const body = JSON.parse(data) as Record<string, unknown>;
      bodies.push(body);
      auth.push(req.headers.authorization);
      handler(body, req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => { server.closeAllConnections(); server.close(); });

function runner(extra: Record<string, unknown> = {}) {
  return createModelRunner("openai", { baseUrl: base, apiKey: "sk-test", model: "tiny", backoffMs: 5, ...extra });
}

describe("OpenAIModelRunner", () => {
  it("posts a chat completion with system prompt, sampling options and the JSON schema", async () => {
    bodies.length = 0; auth.length = 0;
    handler = (_b, _q, res) => reply(res, 200, ok('{"a":1}'));
    const r = runner();
    await r.load("");
    const d = await r.queryDetailed("hello", { system: "be brief", maxTokens: 7, temperature: 0.3, seed: 9, stop: ["\n\n"], jsonSchema: proposalJsonSchema });
    assert.equal(d.text, '{"a":1}');
    assert.equal(d.stopReason, "eos");
    assert.equal(d.promptTokens, 11);
    const b = bodies[0];
    assert.deepEqual(b.messages, [{ role: "system", content: "be brief" }, { role: "user", content: "hello" }]);
    assert.equal(b.model, "tiny");
    assert.equal(b.max_tokens, 7);
    assert.equal(b.temperature, 0.3);
    assert.equal(b.seed, 9);
    assert.deepEqual(b.stop, ["\n\n"]);
    assert.deepEqual((b.response_format as { json_schema: { schema: unknown } }).json_schema.schema, proposalJsonSchema);
    assert.equal(auth[0], "Bearer sk-test");
  });

  it("says when the answer was cut by max_tokens", async () => {
    handler = (_b, _q, res) => reply(res, 200, ok("partial", "length"));
    const d = await runner().queryDetailed("x");
    assert.equal(d.truncated, true);
    assert.equal(d.stopReason, "maxTokens");
  });

  it("retries 429 and 5xx with backoff, then succeeds", async () => {
    let n = 0;
    handler = (_b, _q, res) => {
      n++;
      if (n === 1) return reply(res, 429, { error: { message: "slow down" } }, { "retry-after": "0" });
      if (n === 2) return reply(res, 503, "overloaded");
      reply(res, 200, ok("third time"));
    };
    const r = runner();
    assert.equal(await r.query("x"), "third time");
    assert.equal(r.lastAttempts, 3);
  });

  it("gives up after the configured retries with the status and server message", async () => {
    handler = (_b, _q, res) => reply(res, 500, { error: { message: "boom\nsecond line" } });
    const r = runner({ retries: 2 });
    await assert.rejects(r.query("x"), (e: unknown) =>
      e instanceof ModelError && /HTTP 500 after 3 attempts: boom$/.test(e.message));
    assert.equal(r.lastAttempts, 3);
  });

  it("does not retry client errors and explains them", async () => {
    let n = 0;
    handler = (_b, _q, res) => { n++; reply(res, 401, { error: { message: "bad key" } }); };
    await assert.rejects(runner().query("x"), /HTTP 401 \(check TENSORLANG_OPENAI_API_KEY\): bad key/);
    assert.equal(n, 1);
    handler = (_b, _q, res) => reply(res, 200, "<html>");
    await assert.rejects(runner().query("x"), /not JSON/);
    handler = (_b, _q, res) => reply(res, 200, { choices: [] });
    await assert.rejects(runner().query("x"), /no choices/);
  });

  it("times out a hung server and honours abort", async () => {
    handler = () => undefined; // never answers
    const t0 = Date.now();
    await assert.rejects(runner().query("x", { timeoutMs: 100 }), ModelTimeoutError);
    assert.ok(Date.now() - t0 < 2000);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    await assert.rejects(runner().query("x", { signal: ac.signal }), ModelAbortError);
    // a per-request timeout is retried, then reported
    await assert.rejects(runner({ requestTimeoutMs: 50, retries: 1 }).query("x"), /request timed out after 50 ms/);
  });

  it("reports an unreachable endpoint", async () => {
    const r = createModelRunner("openai", { baseUrl: "http://127.0.0.1:1", retries: 0 });
    await assert.rejects(r.query("x"), /cannot reach http:\/\/127\.0\.0\.1:1\/v1\/chat\/completions/);
  });

  it("takes endpoint, key and model from the environment; no endpoint is a SetupError", async () => {
    bodies.length = 0; auth.length = 0;
    handler = (_b, _q, res) => reply(res, 200, ok("env"));
    const env = { TENSORLANG_OPENAI_BASE_URL: `${base}/v1`, TENSORLANG_OPENAI_API_KEY: "k2", TENSORLANG_OPENAI_MODEL: "m2" };
    const r = createModelRunner("openai", { env });
    await r.load("");
    assert.equal(await r.query("x"), "env");
    assert.equal(bodies[0].model, "m2");
    assert.equal(auth[0], "Bearer k2");
    await assert.rejects(createModelRunner("openai", { env: {} }).load(""), SetupError);
    assert.equal(completionsUrl("http://h/v1/"), "http://h/v1/chat/completions");
    assert.equal(completionsUrl("http://h"), "http://h/v1/chat/completions");
  });
});
