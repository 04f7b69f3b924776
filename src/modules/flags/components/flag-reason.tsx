"use client";
// A flag badge that tells why the flag is open: on hover, on keyboard focus
// and on a tap (a tablet has no hover). Hover and focus only open it, without
// moving focus, so tabbing through a table of badges stays calm; Escape, a
// tap elsewhere or leaving closes it.
//
// The box exists only while open: a native popover (the browser's top layer:
// no portal, never clipped by a scrolling table; a browser without popovers
// still shows it, fixed above the page) placed above the badge, or below it
// when there is no room, kept inside the window, and closed when the badge
// scrolls out of sight. It is hidden from screen readers: the button's own
// name already says why the flag is open. Written out here instead of a
// popover library: Radix's Popover with its positioning engine was 25 kB of
// gzipped JavaScript on Mina patienter, a sixth of the page's budget, for one
// box of text.
import { useEffect, useRef, useState } from "react";
import type { FlagCode } from "@/modules/clinical/rules/flags";
import { FlagBadge } from "./flag-badge";

const GAP = 4;
const MARGIN = 8;

/** The box's place in the window: above the badge, else below; never past an edge. */
export function placeBox(
  badge: { top: number; bottom: number; left: number },
  box: { width: number; height: number },
  window: { width: number; height: number },
): { top: number; left: number } {
  const above = badge.top - GAP - box.height;
  const below = badge.bottom + GAP;
  const top =
    above >= MARGIN || below + box.height > window.height - MARGIN ? Math.max(MARGIN, above) : below;
  const left = Math.max(MARGIN, Math.min(badge.left, window.width - MARGIN - box.width));
  return { top, left };
}

export function FlagReason({ code, reason, since }: { code: FlagCode; reason: string; since?: string }) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
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

  useEffect(() => {
    const el = box.current;
    const badge = trigger.current;
    if (!open || !el || !badge) return;
    if (typeof el.showPopover === "function") el.showPopover();
    const place = () => {
      const { top, left } = placeBox(badge.getBoundingClientRect(), el.getBoundingClientRect(), {
        width: document.documentElement.clientWidth,
        height: window.innerHeight,
      });
      el.style.top = `${top}px`;
      el.style.left = `${left}px`;
    };
    place();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!el.contains(target) && !badge.contains(target)) setOpen(false);
    };
    // Out of sight (the window or the table's box scrolled past it): closed, not left pinned to an edge.
    const sight = new IntersectionObserver(([entry]) => entry && !entry.isIntersecting && setOpen(false));
    sight.observe(badge);
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    // Closing removes the box, which takes it out of the top layer.
    return () => {
      sight.disconnect();
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return (
    <>
      <button
        ref={trigger}
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
        onClick={() => {
          if (pointer.current === "mouse") setOpen(true);
          else setOpen((o) => !o);
        }}
      >
        <FlagBadge code={code} />
        <span className="sr-only">: {reason}</span>
      </button>
      {open && (
        <div
          ref={box}
          popover="manual"
          aria-hidden="true"
          data-testid="flag-reason"
          onPointerEnter={stayOpen}
          onPointerLeave={closeSoon}
          // Placed by the badge, not where the browser centres a popover; fixed also without popover support.
          className="fixed inset-auto z-50 m-0 max-w-xs rounded border border-slate-300 bg-white px-3 py-2 text-sm whitespace-normal text-slate-900 shadow-md"
        >
          <p>{reason}</p>
          {since && <p className="mt-1 text-xs text-slate-600">Öppen sedan {since}</p>}
        </div>
      )}
    </>
  );
}
