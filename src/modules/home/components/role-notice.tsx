import Link from "next/link";

/** What a role sees on a page that is not for it: a reason and a way back, not an error. */
export function RoleNotice({ children }: { children: React.ReactNode }) {
  return (
    <div className="rounded border border-blue-200 bg-blue-50 p-4 text-blue-950">
      <p>{children}</p>
      <p className="mt-2">
        <Link href="/" className="font-medium underline">
          Till startsidan
        </Link>
      </p>
    </div>
  );
}
