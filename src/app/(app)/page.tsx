import type { Metadata } from "next";
import { todayInStockholm } from "@/lib/dates";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { GpTodayPage } from "@/modules/caseload/components/gp-today-page";
import { TodayPage } from "@/modules/caseload/components/today-page";
import { HomePage } from "@/modules/home/components/home-page";
import { START_PAGE } from "@/modules/home/navigation";

export const metadata: Metadata = { title: "Start" };

export default async function Page() {
  const actor = await requireActor();
  const start = START_PAGE[actor.role];
  if (start === "today") return <TodayPage actor={actor} today={todayInStockholm()} />;
  if (start === "gp") return <GpTodayPage actor={actor} today={todayInStockholm()} />;
  return <HomePage actor={actor} />;
}
