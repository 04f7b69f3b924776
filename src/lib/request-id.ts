// Request ids tie access-log rows to one request. A client-sent id is kept only
// if it is a UUID; anything else (long, forged, free text) is replaced.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

export const trustedRequestId = (value: string | null | undefined): string =>
  value && isUuid(value) ? value : crypto.randomUUID();
