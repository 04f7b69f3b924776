import { authRoute } from "@/modules/auth/lib/auth-route";

export { authRoute as GET, authRoute as POST };
