// Hostile Markdown and front matter never reach the HTML as script, event
// handlers, javascript: links, frames or styles.
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { htmlRenderer } from '../src/render/html/html-renderer.js';
import { check, renderContext, renderWith, validProcedure } from './support/fixtures.js';

/** Inputs from the usual XSS cheat sheets, in the places a writer can type. */
const BODY_ATTACKS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r="5"/></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<style>body{display:none}</style>',
  '<p style="position:fixed;top:0">cover</p>',
  '<a href="javascript:alert(1)">html link</a>',
  '<details open ontoggle=alert(1)>',
  '<form action="https://evil.example"><input name=x></form>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '[md link](javascript:alert(1))',
  '[upper](JAVASCRIPT:alert(1))',
  '[mixed](JaVaScRiPt:alert(1))',
  '[entity](&#106;avascript:alert(1))',
  '[hex entity](&#x6A;avascript:alert(1))',
  '[tab](java\tscript:alert(1))',
  '[vb](vbscript:msgbox(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![img](javascript:alert(1))',
  '[ref link][evil]\n\n[evil]: javascript:alert(1)',
  '<https://ok.example/"onmouseover="alert(1)>',
  '**bold <span onclick=alert(1)>x</span>**',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '`<script>alert(1)</script>` in code',
];

const FRONT_MATTER_ATTACKS = [
  '"<script>alert(1)</script>"',
  '"\\"><img src=x onerror=alert(1)>"',
  '"</title><script>alert(1)</script>"',
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL_AND_SPACE = /[\s\u0000-\u001f]/g;

/** Pelita's own active elements, exactly as its templates make them (anything else is a finding). */
function pelitaOwn(element: Element): boolean {
  const { tagName: tag, properties } = element;
  const classes = ([] as unknown[]).concat(properties.className ?? []).map(String);
  const text = element.children.map((child) => (child.type === 'text' ? child.value : '<element>')).join('');
  if (tag === 'script' && properties.type === 'application/ld+json') {
    // Structured data: JSON that nothing can end early (every "<" is escaped).
    return !text.includes('<') && typeof JSON.parse(text) === 'object';
  }
  if (tag === 'script') return text === '' && /(^|\/)assets\/pelita-(search|filter)\.js$/.test(String(properties.src));
  if (tag === 'form')
    return properties.action === undefined && classes.some((name) => /^pelita-(search|unit-filter)$/.test(name));
  if (tag === 'input') return properties.id === 'pelita-search-input' && properties.type === 'search';
  if (tag === 'meta')
    return /^og:/.test(String(properties.property ?? '')) || /^twitter:/.test(String(properties.name ?? ''));
  return false;
}

function problems(html: string): string[] {
  const tree: Root = fromHtml(html);
  const found: string[] = [];
  visit(tree, 'element', (element: Element) => {
    const tag = element.tagName;
    if (pelitaOwn(element)) return;
    if (
      ['script', 'iframe', 'object', 'embed', 'style', 'form', 'input', 'base', 'meta', 'svg', 'math'].includes(tag)
    ) {
      if (
        !(
          tag === 'meta' &&
          (element.properties.charSet || ['viewport', 'description'].includes(String(element.properties.name)))
        )
      ) {
        found.push(`<${tag}>`);
      }
    }
    if (
      tag === 'link' &&
      !(
        String(element.properties.rel) === 'stylesheet' && String(element.properties.href).endsWith('assets/pelita.css')
      ) &&
      !['canonical', 'alternate'].includes(String(element.properties.rel))
    ) {
      found.push(`<link ${String(element.properties.href)}>`);
    }
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`${tag}[${name}]`);
      if (name === 'style') found.push(`${tag}[style]`);
      if (['href', 'src', 'action', 'data', 'formAction', 'xLinkHref'].includes(name)) {
        // Browsers ignore control characters inside a URL's scheme.
        const url = String(value).replace(CONTROL_AND_SPACE, '').toLowerCase();
        if (/^(javascript|vbscript|data):/.test(url)) found.push(`${tag}[${name}=${url.slice(0, 20)}]`);
      }
    }
  });
  return found;
}

async function renderHostile(body: string, title = 'Judul') {
  const text = validProcedure((t) =>
    t.replace('title: Cuti Tahunan', `title: ${title}`).replace('Pengantar singkat.', body),
  );
  const checked = await check({ 'id/cuti-tahunan.md': text });
  const [doc] = checked;
  expect(doc?.procedure, doc?.file.messages.map(String).join('\n')).toBeDefined();
  const { artifacts } = await renderWith(htmlRenderer, doc!.procedure!, await renderContext(checked));
  return { artifacts, messages: doc!.file.messages };
}

describe('hostile Markdown', () => {
  for (const attack of BODY_ATTACKS) {
    it(`neutralises ${JSON.stringify(attack).slice(0, 60)}`, async () => {
      const { artifacts } = await renderHostile(attack);
      for (const artifact of artifacts) expect(problems(String(artifact.data)), artifact.path).toEqual([]);
    });
  }

  it('tells the writer what was left out, with the line', async () => {
    const { messages } = await renderHostile('<script>alert(1)</script>\n\n[x](javascript:alert(1))');
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['11:1 raw-html', '13:1 unsafe-link']);
  });

  it('keeps the text of an unsafe link, without the link', async () => {
    const { artifacts } = await renderHostile('[klik di sini](javascript:alert(1))');
    const page = String(artifacts[0]!.data);
    expect(page).toContain('klik di sini');
    expect(page).not.toMatch(/<a[^>]*>klik di sini/);
  });

  it('shows code as code, escaped', async () => {
    const { artifacts } = await renderHostile('`<script>alert(1)</script>` in code');
    expect(String(artifacts[0]!.data)).toContain('<code>&#x3C;script>alert(1)&#x3C;/script></code>');
  });
});

describe('hostile front matter', () => {
  for (const attack of FRONT_MATTER_ATTACKS) {
    it(`escapes ${attack}`, async () => {
      const { artifacts } = await renderHostile('Teks.', attack);
      for (const artifact of artifacts) expect(problems(String(artifact.data)), artifact.path).toEqual([]);
      expect(String(artifacts[0]!.data)).toContain('&lt;');
    });
  }
});

describe('the problem detector itself', () => {
  it('would catch what it looks for', () => {
    expect(problems('<p onclick="x">a</p><a href=" JavaScript:x">b</a><script></script><iframe></iframe>')).toEqual([
      'p[onClick]',
      'a[href=javascript:x]',
      '<script>',
      '<iframe>',
    ]);
  });
});
