// CLI commands read the same .env files as `next start` (.env, .env.production,
// .env.local …), so the launcher, Prisma and the server agree on the settings.
// Variables already in the environment win.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
