// The contact form's field names, shared by its browser code and its schema
// (kept apart from the schema so that the form does not carry zod).

/** The form's names of the nine items: a field error at madrsS.3 lands on item 4. */
export const itemFields = (prefix = "") => Array.from({ length: 9 }, (_, i) => `${prefix}madrsS.${i}`);
