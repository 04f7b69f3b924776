// Every score of an episode as a small line, server-rendered SVG (no client
// chart runtime; it prints). Screen readers get the scores as text. Lists draw
// hundreds of these: the line and the dots are one path each, to a tenth of
// a pixel (the Konsultlista of ten units was 1.2 MB with a circle per score).
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";

export type ScorePoint = {
  day: number;
  total: number;
  date: string;
  /** The patient's own answers through a link (unverified): drawn hollow. */
  selfReported?: boolean;
};

export function Sparkline({
  scores,
  width = 96,
  height = 24,
}: {
  scores: readonly ScorePoint[];
  width?: number;
  height?: number;
}) {
  if (scores.length === 0) return <span className="text-xs text-slate-500">Inga skattningar</span>;
  const last = scores.at(-1)!;
  const x = scaleLinear()
    .domain([0, Math.max(84, last.day)])
    .range([3, width - 3]);
  const y = scaleLinear()
    .domain([0, 54])
    .range([height - 3, 3]);
  const path = line<ScorePoint>()
    .digits(1)
    .x((p) => x(p.day))
    .y((p) => y(p.total))(scores as ScorePoint[]);
  const at = (p: ScorePoint) => `${x(p.day).toFixed(1)},${y(p.total).toFixed(1)}`;
  // A zero-length segment with a round cap is a dot.
  const dots = scores
    .slice(0, -1)
    .map((p) => `M${at(p)}h0`)
    .join("");
  // Strokes and fills are the class's (globals.css): every row's markup stays short.
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`MADRS-S: ${scores.map((p) => p.total).join(", ")}`}
      className="sparkline"
    >
      <line x1={0} x2={width} y1={y(20).toFixed(1)} y2={y(20).toFixed(1)} />
      {path && <path d={path} className="spark-line" />}
      {dots && <path d={dots} className="spark-dots" />}
      <circle cx={x(last.day).toFixed(1)} cy={y(last.total).toFixed(1)} r={2.5} />
    </svg>
  );
}
