// Every route of the HTTP API, by its contract: the OpenAPI document is built
// from this list, and the integration tests check each response against it.
// A route whose contract is missing here fails the test that compares this
// list with the route files.
import { getEpisodeContract } from "./episodes/[id]/contract";
import { logContactContract } from "./episodes/[id]/contacts/contract";
import { handleFlagContract } from "./episodes/[id]/flags/[code]/handle/contract";
import { requestReviewContract } from "./episodes/[id]/review-requests/contract";
import { changeStatusContract } from "./episodes/[id]/status/contract";
import { meContract } from "./me/contract";
import { findPatientsContract, registerPatientContract } from "./patients/contract";
import { getPatientContract } from "./patients/[id]/contract";
import { openEpisodeContract } from "./patients/[id]/episodes/contract";
import { reviewListContract } from "./review-list/contract";
import { unitReportContract } from "./reports/contract";
import { researchExportContract } from "./research-export/contract";
import { createSelfReportLinkContract } from "./episodes/[id]/self-report-links/contract";
import { revokeSelfReportLinkContract } from "./self-report-links/[id]/contract";
import { submitSelfReportContract } from "./self-reports/[token]/contract";
import { answerReviewRequestContract } from "./review-requests/[id]/answer/contract";
import { unitsContract } from "./units/contract";
import { caseReviewContract } from "./episodes/[id]/case-review/contract";
import { markRecommendationReadContract } from "./episodes/[id]/recommendations/[recommendationId]/read/contract";
import { unreadRecommendationsContract } from "./recommendations/contract";
import { createVisitContract, listVisitsContract } from "./visits/contract";
import { getVisitContract } from "./visits/[id]/contract";
import { editAgendaContract } from "./visits/[id]/agenda/contract";
import { visitRecommendationContract } from "./visits/[id]/items/[itemId]/recommendation/contract";

export const CONTRACTS = [
  meContract,
  unitsContract,
  registerPatientContract,
  findPatientsContract,
  getPatientContract,
  openEpisodeContract,
  getEpisodeContract,
  logContactContract,
  changeStatusContract,
  requestReviewContract,
  handleFlagContract,
  reviewListContract,
  answerReviewRequestContract,
  caseReviewContract,
  unreadRecommendationsContract,
  markRecommendationReadContract,
  listVisitsContract,
  createVisitContract,
  getVisitContract,
  editAgendaContract,
  visitRecommendationContract,
  unitReportContract,
  researchExportContract,
  createSelfReportLinkContract,
  revokeSelfReportLinkContract,
  submitSelfReportContract,
] as const;
