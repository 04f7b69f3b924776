"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="sv">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          padding: "4rem 1rem",
          maxWidth: "36rem",
          margin: "0 auto",
        }}
      >
        <h1>Samvård kunde inte visa sidan</h1>
        <p>Ett oväntat fel inträffade. Ladda om sidan om en stund; om felet kvarstår, kontakta support.</p>
        {error.digest && <p>Felkod: {error.digest}</p>}
        <p>
          {/* A full reload on purpose: the root layout itself failed. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/">Till startsidan</a>
        </p>
      </body>
    </html>
  );
}
