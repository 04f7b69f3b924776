import { expect, test } from "@playwright/test";
import { loginViaApi } from "./support";

test("a GP handles a SAFETY_RISK from the start page with a decision", async ({ page }) => {
  test.setTimeout(90_000);
  await loginViaApi(page, "lakare1");
  await expect(page.getByRole("heading", { name: /^I dag, / })).toBeVisible();
  await expect(page.getByText(/med suicidrisk väntar på din bedömning i dag/)).toBeVisible();
  const row = page.locator("tbody tr", { hasText: "Suicidrisk – bedöm i dag" }).first();
  const patient = (await row.getByRole("link").textContent())!.trim();
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const form = page.locator("form", { hasText: "Beslut för ”Suicidrisk – bedöm i dag”" });
  const note = form.getByLabel("Beskriv beslutet för ”Suicidrisk – bedöm i dag”");
  await note.fill("Samtal i dag: inga planer, skyddsfaktorer. Återbesök om en vecka.");
  await form.getByRole("button", { name: "Markera som hanterad" }).click();
  // Without a decision the form says so, and keeps the text.
  await expect(form.getByText("Välj vad som beslutades.").first()).toBeVisible();
  await expect(note).toHaveValue("Samtal i dag: inga planer, skyddsfaktorer. Återbesök om en vecka.");
  await form.getByRole("radio", { name: "Suicidriskbedömning gjord" }).check();
  await form.getByRole("button", { name: "Markera som hanterad" }).click();

  const handled = page.locator("section", { has: page.getByRole("heading", { name: "Hanterade flaggor" }) });
  await expect(handled).toContainText("Suicidriskbedömning gjord.");
  await expect(handled).toContainText("inga planer, skyddsfaktorer");
  const open = page.locator("section", { has: page.getByRole("heading", { name: "Öppna flaggor" }) });
  await expect(open).not.toContainText("Suicidrisk – bedöm i dag");

  // Back on the start page the patient's suicide risk no longer waits.
  await page.goto("/");
  await expect(page.locator("tbody tr", { hasText: patient }).filter({ hasText: "Suicidrisk" })).toHaveCount(
    0,
  );
});
