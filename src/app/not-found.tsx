import Link from "next/link";
import { connection } from "next/server";

// Rendered per request, never prerendered: a static page's scripts would have
// no nonce, and the Content-Security-Policy would block them.
export default async function NotFound() {
  await connection();
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Sidan finns inte</h1>
      <p className="mt-2 text-slate-700">
        Adressen kan vara felstavad, eller så har du inte behörighet till det du letar efter på din enhet.
      </p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-blue-800 underline">
          Till startsidan
        </Link>
      </p>
    </main>
  );
}
