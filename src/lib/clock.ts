// The app's one clock. Rules take `asOf` explicitly; this is where "now" comes from.
export const now = (): Date => new Date();
