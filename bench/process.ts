// Timing whole processes side by side (bench/frontend, bench/passes): these machines are shared,
// so the commands run in turn, round after round, and each round's ratio is taken.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";

export function median(xs: number[]): number { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

export interface Run { wall: number; cpu?: number; phases: Map<string, number> }
export interface Measured { wall: number; cpu?: number; phases: Map<string, number>; runs: Run[] }

/**
 * One process run: wall ms, CPU ms with /usr/bin/time, and the phases of its `--mlir-timing`
 * report (lines `  0.0968 ( 59.4%)  Parser`).
 */
const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
function once(cmd: string, cmdArgs: string[]): Run {
  const t0 = performance.now();
  const res = timeBin ? spawnSync(timeBin, ["-f", "%U %S", cmd, ...cmdArgs], { encoding: "utf8" }) : spawnSync(cmd, cmdArgs, { encoding: "utf8" });
  const wall = performance.now() - t0;
  if (res.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(" ")} failed: ${res.stderr}`);
  const m = timeBin ? /([0-9.]+) ([0-9.]+)\s*$/.exec(res.stderr) : null;
  const phases = new Map<string, number>();
  for (const [, t, name] of res.stderr.matchAll(/^\s+([0-9.]+) \(\s*[0-9.]+%\)\s+(\S.*?)\s*$/gm)) if (name !== "Total") phases.set(name, Number(t) * 1000);
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined, phases };
}

/**
 * Runs the commands in turn, `reps` rounds, so that all of them see the same load: per command
 * the median wall and CPU ms and the median of each phase.
 */
export function measure(cmds: Array<[string, string[]]>, reps: number): Measured[] {
  const runs = cmds.map(() => [] as Run[]);
  for (let r = 0; r < reps; r++) cmds.forEach(([c, a], i) => runs[i].push(once(c, a)));
  return runs.map((rs) => {
    const names = [...new Set(rs.flatMap((x) => [...x.phases.keys()]))];
    const cpus = rs.flatMap((x) => (x.cpu === undefined ? [] : [x.cpu]));
    return { wall: median(rs.map((x) => x.wall)), cpu: cpus.length === rs.length ? median(cpus) : undefined,
      phases: new Map(names.map((n) => [n, median(rs.map((x) => x.phases.get(n) ?? 0))])), runs: rs };
  });
}

/** `a`'s wall time over `b`'s: each round's ratio, then their median (runs next to each other share the machine's load). */
export const roundRatio = (a: Measured, b: Measured): number => median(a.runs.map((x, i) => x.wall / b.runs[i].wall));

export const hasMlirOpt = (): boolean => spawnSync("mlir-opt-19", ["--version"]).status === 0;

/** bin/tensorlang-opt, as its `bin` entry runs it. */
export const tensorlangOpt = new URL("../../bin/tensorlang-opt", import.meta.url).pathname;
