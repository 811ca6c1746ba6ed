/**
 * Dot 5 at a line end: the address goes on, unbroken, on the next line (Pelita's choice,
 * after the continuation indicator of UEB technical material; README "Braille rules to
 * confirm"). The Indonesian table has no other use for a lone dot 5. The formatter writes
 * it; verify's reading of the PEF joins the two rows without it.
 */
export const CONTINUATION = '⠐';
