// The MADRS-S chart of an episode: every score a point over the days of the
// episode, the severity bands behind them (named, not only coloured), and the
// lines that matter — the baseline, the response target and the remission
// limit. Server-rendered SVG built with d3-scale and d3-shape; each point shows
// its date and total on hover and on keyboard focus (CSS only), and the same
// data stands beside it as a table for screen readers and print.
import { scaleLinear } from "d3-scale";
import { area, line } from "d3-shape";
import type { Trend, TrendPoint } from "@/modules/clinical/rules/early-improvement";
import { BANDS, bandLabel } from "./bands";
import type { ScorePoint } from "./sparkline";

const W = 640;
const H = 260;
const M = { top: 12, right: 96, bottom: 30, left: 36 };

export function ScoreChart({
  scores,
  asOfDay,
  baseline,
  responsePercent,
  remissionMaxTotal,
  remissionMinBaseline,
  title,
  trend = null,
}: {
  scores: readonly ScorePoint[];
  /** Days in treatment on the chart's date: the axis runs at least to week 12. */
  asOfDay: number;
  baseline: number | null;
  responsePercent: number;
  remissionMaxTotal: number;
  /** Remission counts only from this baseline: below it the line would promise what cannot count. */
  remissionMinBaseline: number;
  /** Names the chart for assistive technology. */
  title: string;
  /** A dashed trend line with its band (domain.md, "Early improvement"); none when too few scores. */
  trend?: Trend | null;
}) {
  const lastDay = Math.max(84, asOfDay, ...scores.map((p) => p.day));
  const x = scaleLinear()
    .domain([0, lastDay])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, 54])
    .range([H - M.bottom, M.top]);
  const path = line<ScorePoint>()
    .x((p) => x(p.day))
    .y((p) => y(p.total))(scores as ScorePoint[]);
  const trendPath = trend
    ? line<TrendPoint>()
        .x((p) => x(p.day))
        .y((p) => y(p.total))(trend.points)
    : null;
  const trendBand = trend
    ? area<TrendPoint>()
        .x((p) => x(p.day))
        .y0((p) => y(p.low))
        .y1((p) => y(p.high))(trend.points)
    : null;
  const trendEnd = trend?.points.at(-1);
  const weeks = Array.from({ length: Math.floor(lastDay / 14) + 1 }, (_, i) => i * 14);
  // Response: a reduction of responsePercent from the baseline, i.e. at most this total.
  const responseAt = baseline ? baseline * (1 - responsePercent / 100) : null;
  const guides = [
    baseline !== null && { value: baseline, text: `Utgångsvärde ${baseline}`, dash: "6 3", color: "#334155" },
    responseAt !== null && {
      value: responseAt,
      text: `Behandlingssvar ≤ ${Math.floor(responseAt)}`,
      dash: "2 3",
      color: "#175cd3",
    },
    baseline !== null &&
      baseline >= remissionMinBaseline && {
        value: remissionMaxTotal,
        text: `Remission ≤ ${remissionMaxTotal}`,
        dash: "8 2 2 2",
        color: "#166534",
      },
  ].filter((g) => g !== false);

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="h-auto w-full max-w-3xl"
      role="group"
      aria-label={title}
      data-testid="score-chart"
    >
      {BANDS.map((b) => (
        <g key={b.band}>
          {/* A band's edges lie half a point out, so a score on a limit (13, 20, 35) sits inside its band. */}
          <rect
            x={M.left}
            width={W - M.left - M.right}
            y={y(Math.min(54, b.to + 0.5))}
            height={y(Math.max(0, b.from - 0.5)) - y(Math.min(54, b.to + 0.5))}
            fill={b.fill}
          />
          <text
            x={W - M.right + 6}
            y={(y(b.from) + y(b.to)) / 2}
            dominantBaseline="middle"
            className="fill-slate-600 text-[11px]"
          >
            {bandLabel(b.band)}
          </text>
        </g>
      ))}
      <rect
        x={M.left}
        y={M.top}
        width={W - M.left - M.right}
        height={H - M.top - M.bottom}
        fill="none"
        stroke="#cbd5e1"
      />
      {[0, 12, 19, 34, 54].map((v) => (
        <text
          key={v}
          x={M.left - 6}
          y={y(v)}
          textAnchor="end"
          dominantBaseline="middle"
          className="fill-slate-600 text-[11px] tabular-nums"
        >
          {v}
        </text>
      ))}
      {weeks.map((d) => (
        <g key={d}>
          <line x1={x(d)} x2={x(d)} y1={H - M.bottom} y2={H - M.bottom + 4} stroke="#64748b" />
          <text x={x(d)} y={H - M.bottom + 16} textAnchor="middle" className="fill-slate-600 text-[11px]">
            v. {d / 7 + 1}
          </text>
        </g>
      ))}
      {84 <= lastDay && (
        <line
          x1={x(84)}
          x2={x(84)}
          y1={M.top}
          y2={H - M.bottom}
          stroke="#64748b"
          strokeDasharray="3 3"
          aria-hidden="true"
        />
      )}
      {guides.map((g) => (
        <g key={g.text}>
          <line
            x1={M.left}
            x2={W - M.right}
            y1={y(g.value)}
            y2={y(g.value)}
            stroke={g.color}
            strokeWidth={1.5}
            strokeDasharray={g.dash}
          />
        </g>
      ))}
      {trendBand && <path d={trendBand} fill="#175cd3" fillOpacity={0.08} aria-hidden="true" />}
      {trendPath && trendEnd && (
        <g data-testid="trend-line">
          <path d={trendPath} fill="none" stroke="#175cd3" strokeWidth={1.5} strokeDasharray="5 4" />
          <text
            x={x(trendEnd.day) - 4}
            // Above the line's end, but never over the chart's top edge.
            y={Math.max(M.top + 12, y(trendEnd.total) - 6)}
            textAnchor="end"
            className="text-[11px]"
            fill="#175cd3"
            stroke="white"
            strokeWidth={3}
            paintOrder="stroke"
          >
            trend, inte en prognos
          </text>
        </g>
      )}
      {path && <path d={path} fill="none" stroke="#0f172a" strokeWidth={2} />}
      {/* The guides' labels over the score line, on a white halo, so the line never crosses their text. */}
      {guides.map((g) => (
        <text
          key={g.text}
          x={M.left + 4}
          y={y(g.value) - 4}
          className="text-[11px] font-medium"
          fill={g.color}
          stroke="white"
          strokeWidth={3}
          paintOrder="stroke"
        >
          {g.text}
        </text>
      ))}
      {scores.map((p, i) => {
        const cx = x(p.day);
        const cy = y(p.total);
        const left = cx > W - M.right - 90;
        // Near the top the label goes below the point, so it is never cut off.
        const below = cy < M.top + 34;
        return (
          <g
            key={`${p.date}-${i}`}
            tabIndex={0}
            role="img"
            aria-label={`${p.date}: MADRS-S ${p.total}${p.selfReported ? ", självskattning via länk, ej verifierad" : ""}`}
            className="group cursor-default outline-none"
          >
            <circle cx={cx} cy={cy} r={9} fill="transparent" />
            <circle
              cx={cx}
              cy={cy}
              r={4}
              fill={p.selfReported ? "white" : "#0f172a"}
              stroke={p.selfReported ? "#0f172a" : "white"}
              strokeWidth={p.selfReported ? 2 : 1.5}
              className="group-focus:stroke-[#175cd3] group-focus:stroke-[3]"
            />
            <g className="pointer-events-none opacity-0 group-hover:opacity-100 group-focus:opacity-100">
              <rect
                x={left ? cx - 96 : cx + 8}
                y={below ? cy + 8 : cy - 30}
                width={88}
                height={22}
                rx={3}
                fill="#0f172a"
              />
              <text
                x={left ? cx - 52 : cx + 52}
                y={below ? cy + 23 : cy - 15}
                textAnchor="middle"
                className="fill-white text-[11px] tabular-nums"
              >
                {p.date}: {p.total}
              </text>
            </g>
          </g>
        );
      })}
    </svg>
  );
}
