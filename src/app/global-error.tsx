"use client";

import "./globals.css";

// Shown when the root layout itself failed: its own html and body, and the
// stylesheet imported here (an inline style attribute would break the CSP).
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="sv">
      <body className="mx-auto max-w-xl px-4 py-16 font-sans">
        <h1 className="text-2xl font-semibold">Samvård kunde inte visa sidan</h1>
        <p className="mt-2">
          Ett oväntat fel inträffade. Ladda om sidan om en stund; om felet kvarstår, kontakta support.
        </p>
        {error.digest && <p className="mt-2">Felkod: {error.digest}</p>}
        <p className="mt-6">
          {/* A full reload on purpose: the root layout itself failed. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/" className="font-medium text-blue-800 underline">
            Till startsidan
          </a>
        </p>
      </body>
    </html>
  );
}
