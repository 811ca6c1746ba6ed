/**
 * 0: success (warnings allowed); 1: some document has errors; 2: wrong usage;
 * 70: Pelita itself failed (EX_SOFTWARE of sysexits.h), not the content.
 */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2, internal: 70 } as const;
