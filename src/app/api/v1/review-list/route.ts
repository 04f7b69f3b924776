import { apiRoute } from "@/modules/api/lib/handler";
import { reviewList } from "@/modules/review/lib/review-list";
import { reviewListContract } from "./contract";

export const dynamic = "force-dynamic";

export const GET = apiRoute(reviewListContract, ({ actor, query }) =>
  reviewList({ actor, asOf: query.asOf, unitId: query.unitId }),
);
