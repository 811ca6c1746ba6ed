// Escaping for XML text and attribute values (PEF, SVG, XMP, EPUB): the one copy every
// XML writer uses.

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
