// Each page's client JavaScript, as a browser loads it: every script the page
// fetches until the network is idle, gzip-compressed here (level 6, as a
// server or proxy would send it), summed. Next.js 16's build no longer prints
// page sizes; this is the figure the budget is about.
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

export type PageJs = { scripts: number; raw: number; gzip: number };

export async function clientJavaScript(
  base: string,
  pages: { key: string; path: string; cookie: string }[],
): Promise<Map<string, PageJs>> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  const out = new Map<string, PageJs>();
  try {
    for (const p of pages) {
      const context = await browser.newContext();
      const host = new URL(base).hostname;
      await context.addCookies(
        p.cookie.split("; ").map((pair) => {
          const i = pair.indexOf("=");
          return { name: pair.slice(0, i), value: pair.slice(i + 1), domain: host, path: "/" };
        }),
      );
      const page = await context.newPage();
      const bodies: Promise<Buffer>[] = [];
      page.on("response", (res) => {
        if (res.request().resourceType() === "script") bodies.push(res.body().catch(() => Buffer.alloc(0)));
      });
      const res = await page.goto(base + p.path, { waitUntil: "networkidle" });
      if (!res?.ok()) throw new Error(`${p.path} answered ${res?.status()} in the browser.`);
      const all = await Promise.all(bodies);
      out.set(p.key, {
        scripts: all.length,
        raw: all.reduce((n, b) => n + b.length, 0),
        gzip: all.reduce((n, b) => n + gzipSync(b).length, 0),
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}
