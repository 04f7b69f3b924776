import { showSelfReportPage, submitSelfReportPage } from "@/modules/self-report/lib/public-page";

// The patient's self-report page, without login (the proxy lets /svar/* through).
type Context = { params: Promise<{ token: string }> };

export async function GET(req: Request, { params }: Context) {
  return showSelfReportPage(req, (await params).token);
}

export async function POST(req: Request, { params }: Context) {
  return submitSelfReportPage(req, (await params).token);
}
