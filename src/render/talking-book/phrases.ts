// The phrases in another language of an outline (`:id[…]` inside Javanese), as text: the
// content document marks them with their language where a sentence holds them.
import { plainText } from '../../outline/plain-text.js';
import type { Outline, Phrase } from '../../outline/types.js';

export function outlinePhrases(outline: Outline): { lang: string; text: string }[] {
  const found = new Map<string, { lang: string; text: string }>();
  const stack: unknown[] = [outline.introduction, outline.sections, outline.notes];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...value);
    else if (value && typeof value === 'object') {
      if ((value as { type?: unknown }).type === 'phrase') {
        const phrase = value as Phrase;
        const text = plainText(phrase.children, { links: 'text' });
        if (text !== '') found.set(`${phrase.lang}\n${text}`, { lang: phrase.lang, text });
      }
      for (const [key, field] of Object.entries(value)) if (key !== 'position') stack.push(field);
    }
  }
  return [...found.values()].sort((a, b) => b.text.length - a.text.length || a.text.localeCompare(b.text));
}
