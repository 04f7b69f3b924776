import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { MonthPoint } from "../rules/report";

const W = 720;
const H = 220;
const M = { top: 16, right: 48, bottom: 28, left: 36 };
const MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const label = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;

/**
 * Enrollments per month (bars, left axis) and reached contacts per patient and
 * month (line, right axis), as SVG drawn on the server. The table below the
 * chart gives the same numbers for those who cannot see it.
 */
export function MonthlyChart({ months }: { months: readonly MonthPoint[] }) {
  const x = scaleBand()
    .domain(months.map((m) => m.month))
    .range([M.left, W - M.right])
    .padding(0.25);
  const maxEnrolled = Math.max(1, ...months.map((m) => m.enrollments));
  const maxRate = Math.max(1, ...months.map((m) => m.contactRate ?? 0));
  const yBars = scaleLinear()
    .domain([0, maxEnrolled])
    .nice()
    .range([H - M.bottom, M.top]);
  const yRate = scaleLinear()
    .domain([0, maxRate])
    .nice()
    .range([H - M.bottom, M.top]);
  // A month counted only in part is left off the line: its rate is low by construction (the table shows it).
  const rated = months.filter((m) => m.contactRate !== null && !m.partial);
  const path = line<MonthPoint>()
    .x((m) => x(m.month)! + x.bandwidth() / 2)
    .y((m) => yRate(m.contactRate!))(rated);
  return (
    <figure>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full max-w-3xl"
        role="img"
        aria-label="Inskrivningar per månad (staplar) och kontakter per patient och månad (linje)"
      >
        {yBars.ticks(4).map((t) => (
          <g key={`b${t}`}>
            <line x1={M.left} x2={W - M.right} y1={yBars(t)} y2={yBars(t)} stroke="#e2e8f0" />
            <text
              x={M.left - 6}
              y={yBars(t)}
              textAnchor="end"
              dominantBaseline="middle"
              className="fill-slate-600 text-[11px]"
            >
              {t}
            </text>
          </g>
        ))}
        {yRate.ticks(4).map((t) => (
          <text
            key={`r${t}`}
            x={W - M.right + 6}
            y={yRate(t)}
            dominantBaseline="middle"
            className="fill-blue-800 text-[11px]"
          >
            {t.toLocaleString("sv-SE")}
          </text>
        ))}
        {months.map((m) => (
          <g key={m.month}>
            <rect
              x={x(m.month)}
              width={x.bandwidth()}
              y={yBars(m.enrollments)}
              height={yBars(0) - yBars(m.enrollments)}
              fill="#94a3b8"
            />
            <text
              x={x(m.month)! + x.bandwidth() / 2}
              y={H - M.bottom + 16}
              textAnchor="middle"
              className="fill-slate-600 text-[11px]"
            >
              {label(m.month)}
            </text>
          </g>
        ))}
        {path && <path d={path} fill="none" stroke="#1d4ed8" strokeWidth={2} />}
        {rated.map((m) => (
          <circle
            key={m.month}
            cx={x(m.month)! + x.bandwidth() / 2}
            cy={yRate(m.contactRate!)}
            r={3}
            fill="#1d4ed8"
          />
        ))}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-4 text-xs text-slate-700">
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-2.5 w-3 bg-slate-400 align-middle" />
          Inskrivningar (vänster skala)
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-0.5 w-4 bg-blue-700 align-middle" />
          Kontakter per patient och månad (höger skala)
        </span>
      </figcaption>
    </figure>
  );
}
