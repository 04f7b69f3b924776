// The browser's JavaScript budget (150 kB gzip a page, docs/benchmarks.md):
// no "use client" component may reach zod (31 kB gzip) or next-auth's browser
// client (13 kB) through its imports. Follows every value import from each
// client component through the source (type-only imports are erased; a
// "use server" module reaches the browser as a reference only).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(__dirname, "..");
const HEAVY = ["zod", "next-auth/react", "@radix-ui/react-popover"];
/** The login form signs in through next-auth's client: only the login page carries it. */
const ALLOWED: Record<string, string[]> = { "modules/auth/components/login-form.tsx": ["next-auth/react"] };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "generated" ? [] : sourceFiles(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

/** The value imports of a module: specifiers of `import … from`, `export … from` and `import()`, not `import type`. */
export function valueImports(code: string): string[] {
  const out: string[] = [];
  const re =
    /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']/g;
  for (const m of code.matchAll(re)) {
    if (m[5]) out.push(m[5]);
    else if (m[6]) out.push(m[6]);
    else if (!m[2] && !/^\{\s*(type\s+[^,}]+,?\s*)+\}$/.test(m[3] ?? "")) out.push(m[4]!);
  }
  return out;
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(SRC, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const c of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ])
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

const isDirective = (code: string, d: string) =>
  new RegExp(`^\\s*(//[^\\n]*\\n\\s*)*["']${d}["']`).test(code);

/** The packages a client component reaches, with the path it reaches each by. */
function reached(entry: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, "utf8");
    if (trail.length > 0 && isDirective(code, "use server")) return;
    for (const spec of valueImports(code)) {
      const next = resolve(file, spec);
      if (next) walk(next, [...trail, path.relative(SRC, next)]);
      else if (!found.has(spec)) found.set(spec, trail);
    }
  };
  walk(entry, []);
  return found;
}

describe("browser code", () => {
  const clients = sourceFiles(SRC).filter((f) => isDirective(fs.readFileSync(f, "utf8"), "use client"));

  it("finds the client components", () => {
    expect(clients.length).toBeGreaterThan(20);
  });

  it.each(clients.map((f) => [path.relative(SRC, f), f]))(
    "%s reaches no heavy browser package",
    (name, file) => {
      const heavy = [...reached(file!)].filter(
        ([spec]) =>
          HEAVY.some((h) => spec === h || spec.startsWith(`${h}/`)) && !(ALLOWED[name!] ?? []).includes(spec),
      );
      expect(heavy.map(([spec, trail]) => `${spec} via ${trail.join(" → ") || "itself"}`)).toEqual([]);
    },
  );

  it("reads value and type imports apart", () => {
    expect(
      valueImports(`import { z } from "zod";
import type { A } from "./a";
import { type B, type C } from "./b";
import { type D, e } from "./d";
export { f } from "./f";
import "./side-effect";`),
    ).toEqual(["zod", "./d", "./f", "./side-effect"]);
  });
});
