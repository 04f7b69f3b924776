import { expect, test } from "@playwright/test";
import { createApiToken, createUser, loginViaApi } from "./support";

// The HTTP API through the real server, as a journal system would use it.
test("a care manager's token registers a patient, opens an episode, logs a contact and reads flags", async ({
  request,
}) => {
  const token = createApiToken("samordnare1");
  const auth = { Authorization: `Bearer ${token}` };

  const me = await request.get("/api/v1/me", { headers: auth });
  expect(me.status()).toBe(200);
  const { units } = (await me.json()) as { units: { id: string; name: string }[] };
  expect(units.map((u) => u.name)).toEqual(["Vårdcentralen Kungshöjd"]);

  // A valid test personnummer (Skatteverket's 19121212-1212 is taken by nobody here twice: a fresh DB per run).
  const patient = await request.post("/api/v1/patients", {
    headers: auth,
    data: { personnummer: "121212-1212", givenName: "Test", familyName: "Testsson", unitId: units[0]!.id },
  });
  expect(patient.status()).toBe(201);
  const { id: patientId, personnummer } = (await patient.json()) as { id: string; personnummer: string };
  expect(personnummer).toBe("201212121212");

  const episode = await request.post(`/api/v1/patients/${patientId}/episodes`, {
    headers: auth,
    data: { startDate: "2026-09-01" },
  });
  expect(episode.status()).toBe(201);
  const { id: episodeId } = (await episode.json()) as { id: string };

  const contact = await request.post(`/api/v1/episodes/${episodeId}/contacts`, {
    headers: auth,
    data: { date: "2026-09-01", type: "IN_PERSON", reached: true, madrsS: [5, 5, 5, 4, 4, 4, 4, 4, 4] },
  });
  expect(contact.status()).toBe(201);
  expect(((await contact.json()) as { madrsSTotal: number }).madrsSTotal).toBe(39);

  const asOf = await request.get(`/api/v1/episodes/${episodeId}?asOf=2026-09-02`, { headers: auth });
  expect(await asOf.json()).toMatchObject({
    baseline: 39,
    latest: 39,
    week: 1,
    flags: [
      { code: "SAFETY_RISK", to: "GP", since: "2026-09-01" },
      { code: "SEVERE", to: "GP", since: "2026-09-01" },
    ],
  });

  const bad = await request.post(`/api/v1/episodes/${episodeId}/contacts`, {
    headers: auth,
    data: { date: "2026-09-03", type: "PHONE", reached: true, madrsS: [1, 1, 1, 1, 1, 1, 1, 1] },
  });
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
  expect(((await bad.json()) as { errors: Record<string, string[]> }).errors.madrsS).toBeDefined();
});

test("without a token the API answers 401 problem+json, and the OpenAPI document is public", async ({
  request,
}) => {
  const res = await request.get("/api/v1/me");
  expect(res.status()).toBe(401);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  const unknown = await request.get("/api/v1/does-not-exist");
  expect(unknown.status()).toBe(401);
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
});

test("a user creates an API token in the UI after typing the password again, uses it, and revokes it", async ({
  page,
}) => {
  const user = createUser({ role: "ALLMANLAKARE", unit: "Vårdcentralen Bergsjön" });
  await loginViaApi(page, user.username, user.password);
  await page.getByRole("link", { name: "API-nycklar" }).click();
  await expect(page.getByRole("heading", { name: "API-nycklar" })).toBeVisible();
  await page.getByRole("button", { name: "Skapa nyckel" }).click();
  await expect(page.getByText("Ange vad nyckeln ska användas till.").first()).toBeVisible();
  const name = page.getByLabel("Vad ska nyckeln användas till?");
  await name.fill("Journalintegration");
  // A wrong password is refused, and the typed name stays in the form.
  await page.getByLabel("Ditt lösenord").fill("fel-losenord");
  await page.getByRole("button", { name: "Skapa nyckel" }).click();
  await expect(page.getByText("Fel lösenord. Efter flera fel låses kontot en stund.").first()).toBeVisible();
  await expect(name).toHaveValue("Journalintegration");
  await expect(page.getByLabel("Ditt lösenord")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Ditt lösenord").fill(user.password);
  await page.getByRole("button", { name: "Skapa nyckel" }).click();
  await expect(page.getByText(/Gäller till \d{4}-\d{2}-\d{2}/)).toBeVisible();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^svd_/);
  const me = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(((await me.json()) as { username: string }).username).toBe(user.username);
  await page.getByRole("button", { name: "Spärra nyckeln Journalintegration" }).click();
  await expect(page.getByRole("cell", { name: /Spärrad/ })).toBeVisible();
  expect(
    (await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status(),
  ).toBe(401);
});
