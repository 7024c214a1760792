// Search progress on a terminal (iteration, best speedup, verdict counts, or what comes before
// the first iteration); silent otherwise.
import cliProgress from "cli-progress";
import type { SearchProgress } from "../optimizer/search.js";

export class SearchProgressBar {
  private bar?: cliProgress.SingleBar;
  private current?: string;
  constructor(private readonly stream: NodeJS.WriteStream, private readonly total = 0) {}

  update(name: string, p: SearchProgress): void {
    if (!this.stream.isTTY) return;
    const verdicts = p.phase ?? Object.entries(p.verdicts).map(([k, n]) => `${k} ${n}`).join(", ");
    const payload = { best: p.bestSpeedup.toFixed(2), verdicts };
    if (this.current !== name) {
      this.stop();
      this.current = name;
      this.bar = new cliProgress.SingleBar({
        stream: this.stream, hideCursor: true, clearOnComplete: false,
        format: `optimize @${name} {bar} iteration {value} | best {best}x | {verdicts}`,
      }, cliProgress.Presets.shades_classic);
      this.bar.start(Math.max(this.total || 100, p.iteration), p.iteration, payload);
      return;
    }
    if (p.iteration > this.bar!.getTotal()) this.bar!.setTotal(p.iteration * 2);
    this.bar!.update(p.iteration, payload);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
    this.current = undefined;
  }
}
