// load → validate → render → write. The only place that touches the file system.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import { VFile } from 'vfile';
import type { CheckedDocument } from '../model/check-documents.js';
import { reportError, START_OF_FILE } from '../model/report.js';
import type { Site } from '../model/site.js';
import type { Procedure } from '../model/types.js';
import { outlinesFor } from '../outline/build-outline.js';
import { audioEngineVersions } from '../render/audio/engine-versions.js';
import { partFor } from '../render/catalog/read-catalog.js';
import { EDITION_IDS, RENDERERS } from '../render/registry.js';
import { DEFAULT_SETTINGS } from '../render/settings.js';
import { type Artifact, isSitePart, procedureDir, type RenderContext } from '../render/types.js';
import type { EditionResult } from '../verify/verify.js';
import type { BuildOptions } from './build-options.js';
import { ownerDir } from './cache-parts.js';
import { checkOwner, isValid, listedProcedure, wholeProcedure } from './check-cache.js';
import { checkContent } from './check-content.js';
import { engineVersions, keyMaker, sha256 } from './dependency-key.js';
import { LAST_GOOD_FILE, lastGoodArtifact, readLastGood } from './last-good.js';
import { DEFAULT_TEMPLATES_DIR } from './load-templates.js';
import { IO_AT_ONCE, mapLimit } from './map-limit.js';
import { artifactHash, type OutputCache, openCache } from './output-cache.js';
import { InTheWayError } from './output-errors.js';
import { type OutputFolder, openOutputFolder } from './output-folder.js';
import { procedureStore } from './procedure-store.js';
import { verifyInWorker, workerCount } from './render-pool.js';
import { type RenderedProcedure, type RendererEntry, renderProcedure, replayWarnings } from './render-procedure.js';
import { inShard } from './shard.js';
import {
  catalogOf,
  type Fidelity,
  replayCatalog,
  type ToVerify,
  type VerifyMemo,
  verifyCatalog,
  verifyProcedures,
} from './verify-output.js';

// The options live in build-options.ts, so the modules the build uses need not import this one.
export type { BuildObserver, BuildOptions, Folders } from './build-options.js';
// Checking lives in check-content.ts; re-exported for the commands that only check.
export { type CheckedContent, checkContent } from './check-content.js';

/** A document with errors that stays listed as it last built. */
export interface KeptProcedure {
  dir: string;
  title: string;
  /** `updated` of the version still listed. */
  updated: string;
}

export interface BuildResult {
  /** Every file with messages, in a stable order. */
  files: VFile[];
  documents: number;
  built: number;
  failed: number;
  /** Output paths written, relative to the output folder. */
  written: string[];
  /** `<lang>/<slug>` output folders removed because their source file is gone. */
  removed: string[];
  /** Output paths kept from the previous build (their renderer's cache key had not changed). */
  reused: string[];
  /** Documents with errors listed as they last built. */
  kept: KeptProcedure[];
  /** `<lang>/<slug>` of documents with errors that never built, so are not listed. */
  absent: string[];
  /** Each document's source (`<lang>/<slug>.md`) with its file and, when valid, its procedure. */
  checked: CheckedDocument[];
  /** What `verify` found in each edition, when it ran. */
  fidelity?: Fidelity;
  /** Files of removed procedures not deleted, because they changed after Pelita wrote them. */
  keptFiles: string[];
  /** True when `signal` stopped the build: `built` procedures were written whole, no site files. */
  cancelled?: boolean;
  /** Picture-language items with a specific, a generic or no picture, over every sheet listed. */
  pictures?: { specific: number; generic: number; none: number };
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const { observer = {}, outDir } = options;
  // The cache is read before checking: a document whose inputs did not change is not checked again.
  const cache = await openCache(outDir);
  // Procedures whose files are written are read back from their records, a few at a time.
  const store = outDir ? procedureStore(outDir) : undefined;
  const content = await checkContent(options, cache, store);
  options.observer?.phase?.('checked');
  const { site, checked, files, templates, documents, sourceHashes, siteText, templateHashes } = content;
  const result: BuildResult = {
    files,
    documents,
    built: 0,
    failed: documents,
    written: [],
    removed: [],
    reused: [],
    kept: [],
    absent: [],
    checked,
    keptFiles: [],
  };
  const documentFiles = new Set(checked.map((doc) => doc.file));
  for (const file of files) if (!documentFiles.has(file)) observer.fileDone?.(file);
  const { shard } = options;
  const rendered = (doc: CheckedDocument) =>
    (!options.only || options.only.has(doc.source)) && (!shard || inShard(doc.source, shard));
  observer.started?.(checked.filter(rendered).length);
  if (!site) {
    for (const doc of checked) observer.fileDone?.(doc.file, doc.source);
    return result;
  }
  for (const doc of checked) if (!isValid(doc) && rendered(doc)) observer.fileDone?.(doc.file, doc.source);

  const editions = new Set<string>(options.editions ?? EDITION_IDS);
  // Renderers are loaded only when one must run: a build with nothing changed loads none.
  // Of the editions not chosen, only those with files that a page made now links are loaded
  // (the page names them from their renderer's `editions`): their modules are the heaviest.
  let all: RendererEntry[] | undefined;
  let selected: RendererEntry[] = [];
  const loadRenderers = async (linked: (id: string) => boolean): Promise<RendererEntry[]> => {
    if (!all) {
      const needed = RENDERERS.filter(
        (entry) =>
          entry.edition === undefined || entry.site === true || editions.has(entry.edition) || linked(entry.id),
      );
      all = await Promise.all(needed.map(async (entry) => ({ ...entry, renderer: await entry.load() })));
      // Site files (index, catalog) are always made, so they list every procedure.
      selected = all.filter((entry) => entry.edition === undefined || editions.has(entry.edition));
    }
    return all;
  };
  // The output folder is Pelita's alone while this build runs (lock, manifest, journal).
  // Pelita's own templates are guarded too when no --templates was given.
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const output = outDir ? await openOutputFolder({ ...options, templatesDir, outDir }) : undefined;
  // What the render workers make their context from: when its files change, they make it again.
  const workerTemplates = { dir: templatesDir, key: templateHashes.all() };
  try {
    await renderAndWrite(site);
  } finally {
    await output?.close();
    // The MP3 processes waiting for another script end with the build.
    if (editions.has('audio')) await (await import('../render/audio/speech/native-engine.js')).releaseMp3Processes();
  }
  return result;

  async function renderAndWrite(site: Site): Promise<void> {
    const dirOf = (doc: CheckedDocument) => doc.source.replace(/\.md$/, '');
    const notUpdated = new Set<string>();
    const kept: Procedure[] = [];
    /** Per procedure listed, a key of everything its entries in the site files are made from. */
    const siteKeys = new Map<string, string>();
    for (const doc of checked) {
      if (isValid(doc) || !outDir) continue;
      const dir = dirOf(doc);
      const last = await readLastGood(outDir, dir);
      if (last) {
        kept.push(last);
        notUpdated.add(dir);
        siteKeys.set(dir, `kept ${sha256(JSON.stringify(last))}`);
      } else result.absent.push(dir);
    }
    const valid = checked.filter(isValid);
    result.failed = checked.length - valid.length;
    const listed = new Set([...valid.map(dirOf), ...kept.map(procedureDir)]);
    let procedures: Procedure[] | undefined;
    const stubs = new Map<string, Procedure>();
    /**
     * A procedure as the site files list it: its front matter at hand, its body asked of the
     * document when needed (held until its files are written, then read back from its record).
     */
    const procedureOf = (doc: CheckedDocument): Procedure => {
      const listing = content.listings.get(doc.source) ?? content.records.get(doc.source)?.listing;
      if (!listing) return doc.procedure as Procedure;
      let stub = stubs.get(doc.source);
      if (!stub) {
        stub = listedProcedure(doc.source, listing, () => doc.procedure as Procedure);
        stubs.set(doc.source, stub);
      }
      return stub;
    };
    const settings = { ...DEFAULT_SETTINGS, ...options.settings };
    // Made from the whole procedure, not from a listing of it: a listing is kept for the whole
    // build, the outline only as long as its procedure is held.
    const outlineOf = outlinesFor(site, templates.words);
    const outline = (procedure: Procedure) => outlineOf(wholeProcedure(procedure));
    const context: RenderContext = {
      site,
      words: templates.words,
      renderTemplate: templates.renderTemplate,
      // Read (kept checks from their records) only when a renderer asks for them.
      get procedures() {
        procedures ??= [...valid.map(procedureOf), ...kept].sort((a, b) => compare(procedureDir(a), procedureDir(b)));
        return procedures;
      },
      notUpdated,
      outline,
      assets: templates.assets,
      get editions() {
        return (all ?? []).flatMap((entry) => entry.renderer.editions ?? []);
      },
      settings,
    };
    const versions = await engineVersions(context.settings);
    const keyFor = keyMaker({
      sources: sourceHashes,
      siteText,
      sourceLanguage: site.languages[0] ?? 'id',
      listed,
      notUpdated,
      settings: context.settings,
      templates: templateHashes,
      versions,
    });
    const languages = [...new Set([...listed].map((dir) => dir.split('/')[0] ?? ''))].sort();
    // As its hash: every procedure's keys hold it, and the versions alone are a few KB.
    const everything = sha256(
      JSON.stringify({
        versions,
        site: sha256(siteText),
        templates: RENDERERS.map((entry) => templateHashes.folders(entry.id)),
        words: templateHashes.words('*'),
        settings: JSON.stringify(settings),
        editions: [...editions].sort(),
        verify: options.verify !== false,
        // Which eSpeak NG speaks and which LAME encodes (installed or removed), the audio key's
        // engines; only asked when audio is made (finding the speech engine loads libespeak-ng).
        audio: editions.has('audio') ? audioEngineVersions(settings.speechEngine, settings.mp3Encoder) : undefined,
      }),
    );
    /**
     * A key of all a procedure's files depend on (what each renderer's key is made from): when
     * it is the one recorded and the files are in place, the procedure is not read at all.
     */
    const procedureKey = (doc: CheckedDocument) => {
      const slug = dirOf(doc).split('/')[1] ?? '';
      const versionsOfPage = languages
        .map((lang) => `${lang}/${slug}`)
        .filter((other) => listed.has(other))
        .map((other) => `${other}${notUpdated.has(other) ? '!' : ''}`);
      return JSON.stringify({ check: content.checkKeys.get(doc.source), everything, versionsOfPage });
    };
    const outputs = new Map<string, string[]>();
    const facts = new Map<string, Readonly<Record<string, number>>>();
    const remember = (dir: string, artifacts: readonly Omit<Artifact, 'data'>[]) => {
      outputs.set(dir, [...(outputs.get(dir) ?? []), ...artifacts.map((artifact) => artifact.path)]);
      for (const artifact of artifacts) if (artifact.facts) facts.set(artifact.path, artifact.facts);
    };
    // Procedures not rendered now are listed with the files they have from the last build.
    const listAsBefore = (dir: string) => {
      for (const entry of RENDERERS) remember(dir, cache.recorded(`${entry.id}:${dir}`));
    };
    for (const procedure of kept) listAsBefore(procedureDir(procedure));
    // What checking found in documents with errors is kept for the next build.
    for (const doc of checked) {
      const record = content.records.get(doc.source);
      if (record && !record.valid && rendered(doc))
        cache.record(checkOwner(doc.source), content.checkKeys.get(doc.source), [], [], record);
    }

    /** Procedures whose files are all in place under the key recorded: not read, not rendered. */
    const unchanged = new Map<string, { artifacts: Artifact[]; asBefore: Artifact[]; verifyKey?: string }>();
    await mapLimit(valid, IO_AT_ONCE, async (doc) => {
      if (!rendered(doc) || !content.reusedChecks.has(doc.source)) return;
      const dir = dirOf(doc);
      const recorded = cache.result(`build:${dir}`, procedureKey(doc)) as { verifyKey?: string } | undefined;
      if (!recorded || (options.verify !== false && recorded.verifyKey === undefined)) return;
      const artifacts: Artifact[] = [];
      const asBefore: Artifact[] = [];
      for (const entry of RENDERERS) {
        if (entry.edition === undefined) continue; // site files only
        const before = await cache.previous(`${entry.id}:${dir}`);
        if (!before && editions.has(entry.edition)) return;
        artifacts.push(...(before ?? []));
        if (!editions.has(entry.edition)) asBefore.push(...(before ?? []));
      }
      unchanged.set(dir, { artifacts, asBefore, ...recorded });
    });

    // Starting the pool (threads that load their modules and templates) costs more than
    // rendering and verifying a few procedures here: an edit of one or two stays on the main
    // thread. The files and what verify finds are the same either way (test/render-pool.test.ts).
    let rendering: string[] | undefined;
    /** `<lang>/<slug>` of the procedures this run renders. */
    const toRender = () => {
      rendering ??= checked.filter((doc) => isValid(doc) && rendered(doc) && !unchanged.has(dirOf(doc))).map(dirOf);
      return rendering;
    };
    const usePool = () => workerCount() > 0 && toRender().length > FEW_FOR_POOL;
    // A few procedures render at once, so the main thread's renderers go on while audio
    // encodes in its worker threads; results are still written and recorded in document
    // order, so outputs, the manifest and the site files do not depend on timing. At most
    // `ahead` procedures are started before the one being written: a bounded window, so
    // memory holds a few procedures' files, never the corpus's.
    const ahead = availableParallelism() + 1;
    const renders = new Map<number, Promise<RenderedProcedure | undefined>>();
    let started = 0;
    const startUpTo = (last: number) => {
      for (; started < checked.length && started <= last; started++) {
        const doc = checked[started] as CheckedDocument;
        if (isValid(doc) && rendered(doc) && !unchanged.has(dirOf(doc)))
          renders.set(
            started,
            renderProcedure(doc, selected, context, cache, observer, keyFor, workerTemplates, usePool()),
          );
      }
    };
    /** Procedures rendered and written by this run. */
    const builtNow = new Set<string>();
    /** Files of editions not made now: they may describe an older version, so verify skips them. */
    const asBefore = new Set<string>();
    /**
     * Per procedure, a key of what verify reads (its editions' keys and its files' hashes):
     * what verify found is recorded under it, so files reused unchanged are not read again.
     */
    const verifyKeys = new Map<string, string>();
    // Each procedure written now is read back while the next ones render (in the worker
    // pool, as many at once as it has workers; else on the main thread, one at a time), so
    // verify is not a serial tail after the last procedure. What it finds is recorded under the procedure's verify key
    // and told, in document order, by the pass after the loop.
    const verifyInput = { site, words: templates.words, outline, outDir: outDir ?? '' };
    const pooled = usePool();
    const verifyNow = pLimit(pooled ? workerCount() : 1);
    const verifying: Promise<unknown>[] = [];
    const verifyEarly = (dir: string, procedure: Procedure, paths: ReadonlySet<string>) => {
      const key = verifyKeys.get(dir);
      if (options.verify === false || !outDir || key === undefined) return;
      const done = verifyNow(async () => {
        const { verifyProcedure } = await import('../verify/verify.js');
        const results = pooled
          ? await verifyInWorker({ templates: workerTemplates, site, procedure, outDir, paths: [...paths] })
          : await verifyProcedure(outline(procedure), verifyInput, paths);
        cache.recordResult(`verify:${dir}`, key, results);
      });
      done.catch(() => {}); // awaited (and thrown) after the loop
      verifying.push(done);
    };
    for (const [index, doc] of checked.entries()) {
      if (!isValid(doc)) continue;
      const dir = dirOf(doc);
      if (options.signal?.aborted) {
        result.cancelled = true;
        await Promise.allSettled([...renders.values(), ...verifying]);
        return;
      }
      if (shard && !inShard(doc.source, shard)) continue;
      if (!rendered(doc)) {
        replayWarnings(doc.file, dir, cache);
        listAsBefore(dir);
        siteKeys.set(dir, procedureKey(doc));
        result.built++;
        continue;
      }
      const same = unchanged.get(dir);
      if (same && output) {
        // Nothing it depends on changed and its files are in place: told and listed as before.
        replayWarnings(doc.file, dir, cache, editions);
        observer.fileDone?.(doc.file, doc.source);
        result.built++;
        builtNow.add(dir);
        remember(dir, same.artifacts);
        output.keep(same.artifacts);
        result.reused.push(...same.artifacts.map((artifact) => artifact.path), `${dir}/${LAST_GOOD_FILE}`);
        for (const artifact of same.asBefore) asBefore.add(artifact.path);
        if (same.verifyKey !== undefined) verifyKeys.set(dir, same.verifyKey);
        siteKeys.set(dir, procedureKey(doc));
        continue;
      }
      await loadRenderers((id) => toRender().some((dir) => cache.recorded(`${id}:${dir}`).length > 0));
      startUpTo(index + ahead);
      // A turn of the event loop per procedure: rendering and writing (synchronous) resolve
      // only promises, and without it the worker pool's messages (started, verified) would
      // wait for the loop's end, so verify would run after the last procedure, not beside.
      await nextTurn();
      const made = await renders.get(index);
      renders.delete(index);
      const procedure = doc.procedure as Procedure;
      if (!made) {
        observer.fileDone?.(doc.file, doc.source);
        result.failed++;
        const last = outDir ? await readLastGood(outDir, dir) : undefined;
        if (last) {
          notUpdated.add(dir);
          result.kept.push(keptOf(last));
          listAsBefore(dir);
          siteKeys.set(dir, `failed ${sha256(JSON.stringify(last))}`);
        } else result.absent.push(dir);
        continue;
      }
      const { artifacts, reused, records } = made;
      if (!output) {
        observer.fileDone?.(doc.file, doc.source);
        result.built++;
        remember(dir, artifacts);
        continue;
      }
      const fresh = artifacts.filter((artifact) => !reused.has(artifact));
      const lastGood = lastGoodArtifact(procedure);
      // A procedure's files are replaced together: after a kill, all are old or all new.
      const written = await commitOrReport(output, [...fresh, lastGood], doc.file);
      observer.fileDone?.(doc.file, doc.source);
      if (!written) {
        result.failed++;
        continue;
      }
      result.built++;
      builtNow.add(dir);
      // Its files are written: from now on it is read back from its record when asked for.
      if (store) store.written(doc, dir);
      remember(dir, artifacts);
      result.written.push(...written);
      output.keep(artifacts.filter((artifact) => reused.has(artifact)));
      result.reused.push(...artifacts.filter((artifact) => reused.has(artifact)).map((artifact) => artifact.path));
      for (const artifact of made.asBefore) asBefore.add(artifact.path);
      const checkedFiles = artifacts.filter((artifact) => !made.asBefore.has(artifact));
      // Kept as its hash: it is recorded with the procedure's build entry and the site key.
      const verifyKey = sha256(
        JSON.stringify({
          keys: made.keys,
          files: checkedFiles.map((artifact) => `${artifact.path} ${artifactHash(artifact)}`),
        }),
      );
      verifyKeys.set(dir, verifyKey);
      verifyEarly(
        dir,
        procedure,
        new Set(
          [...written, ...artifacts.filter((artifact) => reused.has(artifact)).map((artifact) => artifact.path)].filter(
            (path) => !asBefore.has(path),
          ),
        ),
      );
      for (const record of records) cache.record(record.owner, record.key, record.artifacts, record.warnings);
      // Kept for the next build: what checking found (the procedure is its last-good record)…
      const checkRecord = content.records.get(doc.source);
      if (checkRecord)
        cache.record(checkOwner(doc.source), content.checkKeys.get(doc.source), [lastGood], [], checkRecord);
      // …and the key of all its files, with the key of what verify found in them.
      const key = procedureKey(doc);
      cache.recordResult(`build:${dir}`, key, options.verify === false ? {} : { verifyKey });
      siteKeys.set(dir, key);
    }
    result.kept.unshift(...kept.map(keptOf));
    if (!output || !outDir) return;
    // Entries of documents that are gone are forgotten, so the manifest is a cold build's.
    const sources = new Set(checked.map((doc) => doc.source.replace(/\.md$/, '')));
    cache.forget((owner) => {
      const dir = ownerDir(owner);
      return dir === undefined || sources.has(dir);
    });
    // Only what this run made or reused is read back: editions left out by --editions keep
    // their older files, which may describe an older version of the procedure.
    await Promise.all(verifying);
    // What verify finds is told after the documents' own messages (those are printed as
    // each document is done), in a report of its own per document.
    const verified: ToVerify[] = checked.flatMap((doc) =>
      isValid(doc) && builtNow.has(dirOf(doc))
        ? [
            {
              get procedure() {
                return procedureOf(doc);
              },
              dir: dirOf(doc),
              file: new VFile({ path: doc.file.path }),
            },
          ]
        : [],
    );
    observer.phase?.('written');
    if (options.verify !== false) {
      const made = [...result.written, ...result.reused].filter((path) => !asBefore.has(path));
      const memo: VerifyMemo = {
        get: (dir) => {
          const key = verifyKeys.get(dir);
          return key === undefined ? undefined : (cache.result(`verify:${dir}`, key) as EditionResult[] | undefined);
        },
        set: (dir, results) => {
          const key = verifyKeys.get(dir);
          if (key !== undefined) cache.recordResult(`verify:${dir}`, key, results);
        },
      };
      result.fidelity = await verifyProcedures(verifyInput, verified, new Set(made), memo);
      observer.phase?.('verified');
    }
    if (shard) {
      // A shard's folder holds its procedures and what merge needs (their cache records and
      // what verify found); the site files come from merge.
      result.written.push(...((await commitOrReport(output, cache.manifestParts(), result.files[0] as VFile)) ?? []));
      await cache.saveStats();
      for (const { file } of verified) if (file.messages.length > 0) result.files.push(file);
      return;
    }
    // The index and catalog list only procedures whose files are in place: no dead links.
    const siteDirs = [...listed].filter((dir) => outputs.has(dir)).sort(compare);
    const bySlug = new Map<string, string[]>();
    for (const dir of siteDirs) {
      const slug = dir.split('/')[1] ?? '';
      bySlug.set(slug, [...(bySlug.get(slug) ?? []), dir]);
    }
    /** What a procedure's entries in the site files are made from (with `everything`). */
    const listedAs = new Map(
      siteDirs.map((dir) => {
        const paths = outputs.get(dir) ?? [];
        const tuple = [
          dir,
          bySlug.get(dir.split('/')[1] ?? '') ?? [],
          siteKeys.get(dir) ?? null,
          notUpdated.has(dir),
          paths,
          paths.map((path) => facts.get(path) ?? null),
          verifyKeys.get(dir) ?? null,
        ];
        return [dir, sha256(JSON.stringify({ everything, tuple }))];
      }),
    );
    const siteKey = JSON.stringify({ everything, procedures: [...listedAs] });
    result.pictures = pictureCounts(facts);
    const siteFile = result.files[0] as VFile;
    /** What the catalog check found in a procedure's entry, kept under its listing key. */
    const catalogOwner = (dir: string) => `catalog:${dir}`;
    /** By `<lang>/<slug>`; with `keyOf`, only those kept under the key it gives. */
    const catalogFound = (entries: readonly ToVerify[], keyOf?: (dir: string) => string | undefined) =>
      Object.fromEntries(
        entries.flatMap((entry) => {
          const dir = entry.dir ?? '';
          const key = keyOf?.(dir);
          const found = !keyOf
            ? cache.resultOf(catalogOwner(dir))
            : key === undefined
              ? undefined
              : cache.result(catalogOwner(dir), key);
          return found ? [[dir, found as EditionResult]] : [];
        }),
      );
    const siteFiles = cache.result('site', siteKey) !== undefined && (await cache.reuse('site', siteKey));
    if (siteFiles) {
      // Nothing the site files list changed: they are not made (nor their catalog read) again.
      output.keep(siteFiles);
      result.reused.push(...siteFiles.map((artifact) => artifact.path));
      result.written.push(...((await commitOrReport(output, cache.manifestParts(), siteFile)) ?? []));
      if (result.fidelity) replayCatalog(verified, catalogFound(verified), result.fidelity);
    } else {
      await loadRenderers(() => false);
      const listedNow = new Set(siteDirs);
      const records = siteRecords(outDir, listedAs, cache);
      const siteContext: RenderContext = {
        ...context,
        procedures: context.procedures.filter((p) => listedNow.has(procedureDir(p))),
        siteRecord: records.get,
      };
      // Each site file is written beside its target as it is made and let go: a catalog or search
      // index of many parts is never held whole. They replace the old ones together, at the end.
      const group = output.stage();
      try {
        await records.prepare(
          siteContext.procedures,
          (procedure) =>
            Object.assign(
              {},
              ...(all ?? []).map(
                (entry) => entry.renderer.siteRecords?.(procedure, siteContext, outputs, facts, result.fidelity) ?? {},
              ),
            ),
          group.add,
        );
        observer.phase?.('records-made');
        const siteArtifacts: Artifact[] = [];
        /** Owners of the site parts this build lists (kept or made). */
        const parts = new Set<string>();
        const stageSiteFile = async (artifact: Artifact): Promise<Artifact> => {
          if (!isSitePart(artifact)) return group.add(artifact);
          // A part is made from its members' records and its own key only: kept while they are.
          const owner = `site-part:${artifact.path}`;
          const members = artifact.members.map((member) => listedAs.get(procedureDir(member)) ?? null);
          const key = JSON.stringify({ everything, part: artifact.key, members });
          parts.add(owner);
          const [kept] = (await cache.reuse(owner, key)) ?? [];
          if (kept) {
            result.reused.push(kept.path);
            return kept;
          }
          const staged = await group.add(artifact);
          cache.record(owner, key, [staged]);
          return staged;
        };
        for (const entry of all ?? []) {
          if (!entry.renderer.renderSite) continue;
          observer.siteStarted?.(entry.id);
          for (const artifact of entry.renderer.renderSite(siteContext, outputs, facts, result.fidelity))
            siteArtifacts.push(await stageSiteFile(artifact));
          observer.phase?.(`site:${entry.id}`);
        }
        // Parts and records no longer listed are forgotten, so the manifest is a cold build's.
        cache.forget((owner) => {
          if (owner.startsWith('site-part:')) return parts.has(owner);
          const dir = ownerDir(owner);
          return dir === undefined || listedNow.has(dir) || !/^(site-record|catalog):/.test(owner);
        });
        if (result.fidelity) {
          // A procedure's catalog entry is read back only when what it is made from, or the part
          // that holds it (which the result names), changed.
          const files = catalogOf(siteArtifacts);
          const keyOf = (dir: string) => {
            const [lang = '', slug = ''] = dir.split('/');
            const key = listedAs.get(dir);
            return key === undefined ? undefined : `${key} ${files && partFor(files.index, lang, slug)?.file}`;
          };
          const before = catalogFound(verified, keyOf);
          const same = (entry: ToVerify) => Object.hasOwn(before, entry.dir ?? '');
          const again = verified.filter((entry) => !same(entry));
          const found = again.length > 0 ? await verifyCatalog(verifyInput, files, again, result.fidelity) : [];
          replayCatalog(verified.filter(same), before, result.fidelity);
          for (const [dir, value] of found) {
            const key = keyOf(dir);
            if (key !== undefined) cache.recordResult(catalogOwner(dir), key, value);
          }
          observer.phase?.('catalog-verified');
        }
        cache.record('site', siteKey, siteArtifacts, [], {});
        // The site files, the records and the manifest are replaced together (all old or all new).
        result.written.push(...(await group.commit(cache.manifestParts())));
      } catch (error) {
        await group.discard();
        if (!(error instanceof InTheWayError)) throw error;
        reportInTheWay(siteFile, error);
      }
      observer.phase?.('committed');
    }
    await cache.saveStats();
    if (result.fidelity) {
      for (const { file } of verified) {
        if (file.messages.length === 0) continue;
        result.files.push(file);
        observer.fileDone?.(file);
      }
    }
    // Files of procedures not rendered now (preview, errors) stay: only this run's own are compared.
    const current = new Set([
      ...result.written,
      ...result.reused,
      ...[...outputs.values()].flat(),
      ...siteDirs.map(siteRecordPath),
    ]);
    const pruned = await output.prune(current, sources, builtNow);
    result.removed = pruned.removed;
    result.keptFiles = pruned.kept;
  }
}

/** At most this many procedures to render: rendered and verified on the main thread, without the pool. */
const FEW_FOR_POOL = 2;

/**
 * Where a procedure's share of the site files is kept (see RenderContext.siteRecord): with the
 * site files, not in the procedure's folder, as it is replaced with them.
 */
export const SITE_RECORDS = '.pelita-site';
const siteRecordPath = (dir: string) => `${SITE_RECORDS}/${dir}.json`;

/**
 * The site records of the procedures listed. Those not kept from the last build (new, or made
 * from something that changed) are made in one go per procedure, before the site renderers
 * run, and written with the site files; a renderer's `get` reads its procedure's record again
 * each time, so no record is held, and a site part kept whole reads none.
 */
function siteRecords(outDir: string, listedAs: ReadonlyMap<string, string>, cache: OutputCache) {
  /** Records this build made, read back from where they are staged. */
  const made = new Map<string, Artifact>();
  const valuesOf = (dir: string): Record<string, unknown> | undefined => {
    try {
      const data = made.get(dir)?.data ?? readFileSync(join(outDir, ...siteRecordPath(dir).split('/')));
      const record = JSON.parse(typeof data === 'string' ? data : Buffer.from(data).toString('utf8')) as {
        key?: string;
        values?: Record<string, unknown>;
      };
      return record.key === listedAs.get(dir) ? record.values : undefined;
    } catch {
      return undefined; // gone or unreadable: made again below
    }
  };
  const get = <T>(procedure: Pick<Procedure, 'lang' | 'slug'>, name: string, compute: () => T): T => {
    const dir = procedureDir(procedure);
    const values = listedAs.has(dir) ? valuesOf(dir) : undefined;
    // As plain data, so a value made now and one read back give the same files.
    return values && Object.hasOwn(values, name) ? (values[name] as T) : plain(compute());
  };
  const prepare = async (
    procedures: readonly Procedure[],
    make: (procedure: Procedure) => Record<string, unknown>,
    stage: (artifact: Artifact) => Promise<Artifact>,
  ) => {
    const owner = (procedure: Procedure) => `site-record:${procedureDir(procedure)}`;
    const kept = await mapLimit(procedures, IO_AT_ONCE, async (procedure) => {
      const key = listedAs.get(procedureDir(procedure));
      return key === undefined || (await cache.reuse(owner(procedure), key)) !== undefined;
    });
    for (const [index, procedure] of procedures.entries()) {
      if (kept[index]) continue;
      const dir = procedureDir(procedure);
      const key = listedAs.get(dir) as string;
      const values = Object.fromEntries(
        Object.entries(make(procedure))
          .sort(([a], [b]) => compare(a, b))
          .map(([name, value]) => [name, plain(value)]),
      );
      const record = await stage({ path: siteRecordPath(dir), data: `${JSON.stringify({ key, values })}\n` });
      made.set(dir, record);
      cache.record(owner(procedure), key, [record]);
    }
  };
  return { get, prepare };
}

function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value) ?? 'null') as T;
}

/** The pictogram sheets' facts summed: how many items have a specific, a generic or no picture. */
function pictureCounts(facts: ReadonlyMap<string, Readonly<Record<string, number>>>) {
  const sum = { specific: 0, generic: 0, none: 0 };
  for (const entry of facts.values()) {
    sum.specific += entry.picturesSpecific ?? 0;
    sum.generic += entry.picturesGeneric ?? 0;
    sum.none += entry.picturesNone ?? 0;
  }
  return sum;
}

/** Writes a group of files; something in the way (a link, a file Pelita did not write) is an error on `file`. */
async function commitOrReport(
  output: OutputFolder,
  artifacts: readonly Artifact[],
  file: VFile,
): Promise<string[] | undefined> {
  try {
    return await output.commit(artifacts);
  } catch (error) {
    if (!(error instanceof InTheWayError)) throw error;
    reportInTheWay(file, error);
    return undefined;
  }
}

function reportInTheWay(file: VFile, error: InTheWayError): void {
  reportError(file, { id: 'output-in-the-way', params: { reason: error.message } }, START_OF_FILE, 'output-in-the-way');
}

function keptOf(procedure: Procedure): KeptProcedure {
  return { dir: procedureDir(procedure), title: procedure.meta.title, updated: procedure.meta.updated };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
