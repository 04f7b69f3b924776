"use client";
// A flag badge that tells why the flag is open: on hover, on keyboard focus
// and on a tap (a tablet has no hover). Radix's Popover gives the positioning,
// the Escape key and the ARIA wiring; hover and focus only open it, without
// moving focus, so tabbing through a table of badges stays calm.
import * as Popover from "@radix-ui/react-popover";
import { useEffect, useRef, useState } from "react";
import type { FlagCode } from "@/modules/clinical/rules/flags";
import { FlagBadge } from "./flag-badge";

export function FlagReason({ code, reason, since }: { code: FlagCode; reason: string; since?: string }) {
  const [open, setOpen] = useState(false);
  // How the trigger was last reached: a tap toggles, a mouse click keeps it open, keyboard focus opens it.
  const pointer = useRef<string | null>(null);
  // Leaving the badge closes after a moment, so the pointer can move onto the text (WCAG 1.4.13).
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const closeSoon = () => {
    clearTimeout(closing.current);
    closing.current = setTimeout(() => setOpen(false), 300);
  };
  const stayOpen = () => clearTimeout(closing.current);
  useEffect(() => () => clearTimeout(closing.current), []);
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger
        type="button"
        className="rounded focus-visible:outline-offset-1"
        onPointerEnter={(e) => {
          if (e.pointerType !== "mouse") return;
          stayOpen();
          setOpen(true);
        }}
        onPointerLeave={(e) => e.pointerType === "mouse" && closeSoon()}
        onPointerDown={(e) => {
          pointer.current = e.pointerType;
        }}
        onFocus={() => pointer.current === null && setOpen(true)}
        onBlur={() => {
          pointer.current = null;
          setOpen(false);
        }}
        onClick={(e) => {
          e.preventDefault(); // instead of Radix's toggle
          if (pointer.current === "mouse") setOpen(true);
          else setOpen((o) => !o);
        }}
      >
        <FlagBadge code={code} />
        <span className="sr-only">: {reason}</span>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          side="top"
          align="start"
          sideOffset={4}
          onOpenAutoFocus={(e) => e.preventDefault()}
          onCloseAutoFocus={(e) => e.preventDefault()}
          onPointerEnter={stayOpen}
          onPointerLeave={closeSoon}
          aria-label={`Varför flaggan är öppen`}
          className="z-20 max-w-xs rounded border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-md"
        >
          <p>{reason}</p>
          {since && <p className="mt-1 text-xs text-slate-600">Öppen sedan {since}</p>}
          <Popover.Arrow className="fill-white" />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
