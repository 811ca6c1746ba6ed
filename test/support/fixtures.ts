// Shared helpers: the real templates and words, a test site, and golden files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { expect } from 'vitest';
import { localise } from '../../src/i18n/messages.js';
import { type CheckedDocument, checkDocuments, type SourceDocument } from '../../src/model/check-documents.js';
import { readSite } from '../../src/model/read-site.js';
import type { Site } from '../../src/model/site.js';
import type { Procedure } from '../../src/model/types.js';
import { outlinesFor } from '../../src/outline/build-outline.js';
import { loadCatalogue, loadTemplates, type Templates } from '../../src/pipeline/load-templates.js';
import { DEFAULT_SETTINGS } from '../../src/render/settings.js';
import type { Artifact, RenderContext, Renderer } from '../../src/render/types.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

let templates: Templates | undefined;
export async function testTemplates(): Promise<Templates> {
  templates ??= await loadTemplates();
  return templates;
}

export async function testSite(
  yaml = readFileSync(`${FIXTURES}site.yaml`, 'utf8'),
): Promise<{ site?: Site; file: VFile }> {
  const file = new VFile({ path: 'site.yaml' });
  const site = readSite(file, yaml, new Set((await testTemplates()).words.keys()));
  return { site, file };
}

/** Checks documents given as `{ 'id/slug.md': text }` against the test site. */
export async function check(
  documents: Record<string, string | Uint8Array>,
  siteYaml?: string,
): Promise<CheckedDocument[]> {
  const { site } = await testSite(siteYaml);
  if (!site) throw new Error('test site.yaml is invalid');
  const sources: SourceDocument[] = Object.entries(documents).map(([source, content]) => ({
    source,
    bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
  }));
  const { words, pictogramIds } = await testTemplates();
  const checked = checkDocuments(sources, site, words, undefined, pictogramIds);
  // Tests read the English messages (the CLI tests cover the Indonesian default).
  localise(
    checked.map((doc) => doc.file),
    await loadCatalogue('en'),
  );
  return checked;
}

export async function renderContext(checked: CheckedDocument[]): Promise<RenderContext> {
  const { site } = await testSite();
  const t = await testTemplates();
  if (!site) throw new Error('test site.yaml is invalid');
  return {
    site,
    words: t.words,
    renderTemplate: t.renderTemplate,
    procedures: checked.flatMap((doc) => (doc.procedure ? [doc.procedure] : [])),
    outline: outlinesFor(site, t.words),
    assets: t.assets,
    editions: [],
    settings: DEFAULT_SETTINGS,
  };
}

/** Runs one renderer on one procedure, collecting the warnings it records. */
export async function renderWith(
  renderer: Renderer,
  procedure: Procedure,
  context: RenderContext,
  earlier: Artifact[] = [],
): Promise<{ artifacts: Artifact[]; warnings: string[] }> {
  const warnings: string[] = [];
  const artifacts = await (renderer.renderProcedure?.(context.outline(procedure), context, {
    earlier,
    warn: (reason, _place, ruleId) => warnings.push(`${ruleId}: ${reason}`),
  }) ?? []);
  return { artifacts, warnings };
}

/** `file:line:column severity ruleId` lines, the shape tests compare. */
export function messageLines(doc: CheckedDocument): string[] {
  return doc.file.messages.map(
    (message) => `${message.line ?? 0}:${message.column ?? 0} ${message.fatal ? 'error' : 'warning'} ${message.ruleId}`,
  );
}

/**
 * Compares with a reviewed golden file. `UPDATE_GOLDEN=1 npm test` rewrites goldens
 * locally (review the diff before committing); in CI a missing golden fails.
 */
export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' && !process.env.CI) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`Golden file missing: ${path}. Run "UPDATE_GOLDEN=1 npm test" locally and review it.`);
  }
  expect(actual, `differs from golden ${path} (UPDATE_GOLDEN=1 npm test to review a new one)`).toBe(
    readFileSync(path, 'utf8'),
  );
}

/** A minimal valid procedure; `patch` edits its text for a test case. */
export function validProcedure(patch: (text: string) => string = (text) => text): string {
  return patch(`---
title: Cuti Tahunan
summary: Layanan cuti tahunan bagi PNS.
duration: 3 hari kerja
cost: Gratis
product: Surat Izin Cuti Tahunan
updated: 2025-09-15
unit: Bidang Mutasi
---

Pengantar singkat.

## Persyaratan

- Formulir permohonan cuti
- Fotokopi SK pangkat terakhir

## Prosedur

1. Isi formulir.
2. Serahkan ke loket.

## Pengaduan

- Loket pengaduan
`);
}
