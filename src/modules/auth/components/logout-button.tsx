"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function LogoutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/login" });
      }}
      className="rounded border border-slate-300 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100"
    >
      {pending ? "Loggar ut…" : "Logga ut"}
    </button>
  );
}
