// The replay worker: runs episodes of candidate programs away from the host, one message per
// finished episode, so the host can stop a runaway candidate (worker.terminate) and still keep
// the episodes that finished. Nothing here is trusted: the host decides from the messages.
import { parentPort } from "node:worker_threads";
import { createContext } from "../dialects/index.js";
import type { Module } from "../ir/core.js";
import { parseModule } from "../ir/parser.js";
import { runEpisode, type EpisodeOutcome } from "./heal-episode.js";
import { findAssertionSites, type AssertionSite } from "./heal-sites.js";

export interface ReplayJob {
  id: number;
  text: string;
  entry: string;
  seeds: number[];
  /** Stop after the first episode that does not end "ok". */
  stopOnFailure?: boolean;
  traceTail?: number;
  heapCapBytes?: number;
}

export type WorkerMessage =
  | { id: 0; kind: "ready" }
  | { id: number; kind: "episode"; outcome: EpisodeOutcome }
  | { id: number; kind: "done" }
  | { id: number; kind: "error"; message: string };

const ctx = createContext();
let last: { text: string; module: Module; sites: AssertionSite[] } | undefined;

// Loading this module graph takes a while on a busy machine; the host starts the episode clock
// only after this message, so a slow start is not mistaken for a runaway candidate.
parentPort?.postMessage({ id: 0, kind: "ready" } satisfies WorkerMessage);

parentPort?.on("message", (job: ReplayJob) => {
  try {
    if (last?.text !== job.text) {
      const module = parseModule(job.text, "<candidate>", ctx);
      last = { text: job.text, module, sites: findAssertionSites(module) };
    }
    for (const seed of job.seeds) {
      const outcome = runEpisode(last.module, { entry: job.entry, seed, traceTail: job.traceTail, heapCapBytes: job.heapCapBytes }, last.sites);
      parentPort!.postMessage({ id: job.id, kind: "episode", outcome } satisfies WorkerMessage);
      if (job.stopOnFailure && outcome.status !== "ok") break;
    }
    parentPort!.postMessage({ id: job.id, kind: "done" } satisfies WorkerMessage);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, kind: "error", message: e instanceof Error ? e.message : String(e) } satisfies WorkerMessage);
  }
});
