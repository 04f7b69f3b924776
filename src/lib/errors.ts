// One error type for the whole app: code for programs, userMessage (Swedish) for
// people, status for HTTP. Data-layer errors are translated into it.
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "INVALID_INPUT"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "CONFLICT"
  | "UNPROCESSABLE"
  | "GONE"
  | "TOO_MANY_REQUESTS";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  GONE: 410,
  TOO_MANY_REQUESTS: 429,
};

const DEFAULT_MESSAGE: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: "Du behöver logga in.",
  INVALID_INPUT: "Uppgifterna är ofullständiga eller felaktiga.",
  NOT_FOUND: "Hittades inte.",
  FORBIDDEN: "Din roll får inte göra detta.",
  CONFLICT: "Ändringen krockar med en annan ändring.",
  UNPROCESSABLE: "Ändringen är inte tillåten.",
  GONE: "Länken gäller inte längre.",
  TOO_MANY_REQUESTS: "För många försök. Vänta en stund och försök igen.",
};

export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  readonly userMessage: string;
  readonly fieldErrors?: Record<string, string[]>;
  /** Extra members for the problem+json body, e.g. { existingId }. */
  readonly details?: Record<string, unknown>;
  /** The record a refusal was about, for its access-log row only (never sent to the caller). */
  readonly about?: { patientId: string | null; unitId: string | null };

  constructor(
    readonly code: AppErrorCode,
    opts: {
      message?: string;
      userMessage?: string;
      fieldErrors?: Record<string, string[]>;
      details?: Record<string, unknown>;
      about?: { patientId: string | null; unitId: string | null };
    } = {},
  ) {
    super(opts.message ?? opts.userMessage ?? DEFAULT_MESSAGE[code]);
    this.status = STATUS[code];
    this.userMessage = opts.userMessage ?? DEFAULT_MESSAGE[code];
    this.fieldErrors = opts.fieldErrors;
    this.details = opts.details;
    this.about = opts.about;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * Runs a step of a larger form's use case on one record: its field errors are
 * named after the form's part (`date` of the first meeting becomes
 * `firstMeeting.date`), and a refusal names the record for the access log.
 */
export async function formStep<T>(
  step: () => Promise<T>,
  { prefix, about }: { prefix: string; about: { patientId: string | null; unitId: string | null } },
): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (!isAppError(e)) throw e;
    throw new AppError(e.code, {
      message: e.message,
      userMessage: e.userMessage,
      details: e.details,
      about: e.about ?? about,
      fieldErrors:
        e.fieldErrors &&
        Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [`${prefix}.${k}`, v])),
    });
  }
}
