import Link from "next/link";

export default function NotFound() {
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
