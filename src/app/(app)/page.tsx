import type { Metadata } from "next";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { HomePage } from "@/modules/home/components/home-page";

export const metadata: Metadata = { title: "Start" };

export default async function Page() {
  return <HomePage actor={await requireActor()} />;
}
