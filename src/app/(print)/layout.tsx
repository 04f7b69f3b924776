import { requireActor } from "@/modules/auth/lib/current-actor";

export const dynamic = "force-dynamic";

/** Pages made for paper: signed in like every page, without the header and navigation. */
export default async function PrintLayout({ children }: { children: React.ReactNode }) {
  await requireActor();
  return <main id="main">{children}</main>;
}
