// Search progress on a terminal (iteration, best speedup, verdict counts); silent otherwise.
import cliProgress from "cli-progress";
import type { SearchProgress } from "../optimizer/search.js";

export class SearchProgressBar {
  private bar?: cliProgress.SingleBar;
  private current?: string;
  constructor(private readonly stream: NodeJS.WriteStream, private readonly total = 0) {}

  update(name: string, p: SearchProgress): void {
    if (!this.stream.isTTY) return;
    if (this.current !== name) {
      this.stop();
      this.current = name;
      this.bar = new cliProgress.SingleBar({
        stream: this.stream, hideCursor: true, clearOnComplete: false,
        format: `optimize @${name} {bar} iteration {value} | best {best}x | {verdicts}`,
      }, cliProgress.Presets.shades_classic);
      this.bar.start(this.total || 100, 0, { best: "1.00", verdicts: "" });
    }
    const verdicts = Object.entries(p.verdicts).map(([k, n]) => `${k} ${n}`).join(", ");
    if (p.iteration > this.bar!.getTotal()) this.bar!.setTotal(p.iteration * 2);
    this.bar!.update(p.iteration, { best: p.bestSpeedup.toFixed(2), verdicts });
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
    this.current = undefined;
  }
}
