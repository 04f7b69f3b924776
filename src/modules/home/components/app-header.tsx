import Link from "next/link";
import { AttentionLinks } from "@/modules/attention/components/attention-links";
import type { Actor } from "@/modules/auth/actor";
import { ROLE_LABEL } from "@/modules/auth/roles";
import { LogoutButton } from "@/modules/auth/components/logout-button";
import { NAVIGATION } from "../navigation";
import { NavLinks } from "./nav-links";

export function AppHeader({ actor }: { actor: Actor }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <nav aria-label="Huvudmeny" className="flex items-center gap-5">
          <Link href="/" className="text-lg font-semibold text-brand-800">
            Samvård
          </Link>
          <NavLinks items={NAVIGATION[actor.role]} />
        </nav>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <AttentionLinks renderId={actor.requestId} />
          <p data-testid="current-user">
            <span className="font-medium">{actor.displayName}</span>
            <span className="text-slate-600"> · {ROLE_LABEL[actor.role]}</span>
            <span className="text-slate-600">
              {" "}
              · {actor.units.map((u) => u.name).join(", ") || "Ingen enhet"}
            </span>
          </p>
          <Link href="/api-nycklar" className="text-blue-800 underline-offset-2 hover:underline">
            API-nycklar
          </Link>
          <LogoutButton />
        </div>
      </div>
    </header>
  );
}
