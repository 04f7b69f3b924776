import type { Metadata } from "next";
import { todayInStockholm } from "@/lib/dates";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { TodayPage } from "@/modules/caseload/components/today-page";
import { HomePage } from "@/modules/home/components/home-page";
import { START_PAGE } from "@/modules/home/navigation";

export const metadata: Metadata = { title: "Start" };

export default async function Page() {
  const actor = await requireActor();
  if (START_PAGE[actor.role] === "today") return <TodayPage actor={actor} today={todayInStockholm()} />;
  return <HomePage actor={actor} />;
}
