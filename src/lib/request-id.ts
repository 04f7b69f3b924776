// Request ids tie access-log rows to one request. The server makes its own for
// every request; a client's x-request-id is kept apart (clientRequestId), and
// only in a harmless form: printable ASCII, at most 100 characters.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PRINTABLE = /^[\x21-\x7e]{1,100}$/;

export const isUuid = (value: string): boolean => UUID.test(value);

export const newRequestId = (): string => crypto.randomUUID();

/** The client's request id as it may be stored, or null when absent or unfit. */
export const clientRequestId = (value: string | null | undefined): string | null =>
  value && PRINTABLE.test(value) ? value : null;

/** Set by the HTTP server (src/cli/http-server.ts) to the connection's peer address; a client's own value is overwritten. */
export const PEER_HEADER = "x-samvard-peer";
