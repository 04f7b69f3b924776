// One error type for the whole app: code for programs, userMessage (Swedish) for
// people, status for HTTP. Data-layer errors are translated into it.
export type AppErrorCode =
  "UNAUTHENTICATED" | "INVALID_INPUT" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "UNPROCESSABLE";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
};

const DEFAULT_MESSAGE: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: "Du behöver logga in.",
  INVALID_INPUT: "Uppgifterna är ofullständiga eller felaktiga.",
  NOT_FOUND: "Hittades inte.",
  FORBIDDEN: "Din roll får inte göra detta.",
  CONFLICT: "Ändringen krockar med en annan ändring.",
  UNPROCESSABLE: "Ändringen är inte tillåten.",
};

export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  readonly userMessage: string;
  readonly fieldErrors?: Record<string, string[]>;
  /** Extra members for the problem+json body, e.g. { existingId }. */
  readonly details?: Record<string, unknown>;

  constructor(
    readonly code: AppErrorCode,
    opts: {
      message?: string;
      userMessage?: string;
      fieldErrors?: Record<string, string[]>;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(opts.message ?? opts.userMessage ?? DEFAULT_MESSAGE[code]);
    this.status = STATUS[code];
    this.userMessage = opts.userMessage ?? DEFAULT_MESSAGE[code];
    this.fieldErrors = opts.fieldErrors;
    this.details = opts.details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * Runs a step of a larger form's use case, naming its field errors after the
 * form's part: `date` of the first meeting becomes `firstMeeting.date`.
 */
export async function prefixFieldErrors<T>(prefix: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (!isAppError(e) || !e.fieldErrors) throw e;
    throw new AppError(e.code, {
      message: e.message,
      userMessage: e.userMessage,
      details: e.details,
      fieldErrors: Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [`${prefix}.${k}`, v])),
    });
  }
}
