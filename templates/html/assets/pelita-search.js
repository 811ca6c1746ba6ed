// Search on every page, with no server: loads MiniSearch and this language's prebuilt index
// on first use (search/<lang>.js says how many parts it has, search/<lang>/<n>.js are the
// parts), then lists matching services under the field, best first over all parts. The form is
// hidden until this script runs, so a reader without JavaScript never meets a dead control.
(() => {
  const load = (src) =>
    new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });

  for (const form of document.querySelectorAll('form.pelita-search')) {
    const root = form.dataset.root;
    const lang = form.dataset.lang;
    const input = form.querySelector('input[type="search"]');
    const status = form.querySelector('.pelita-search-status');
    const results = form.querySelector('.pelita-search-results');
    let indexes;
    // Typing fires a search per key: only the latest one may write the results.
    let latest = 0;
    const ready = async () => {
      if (indexes) return indexes;
      if (!window.MiniSearch) await load(`${root}assets/minisearch.js`);
      if (!window.PelitaSearch?.[lang]) await load(`${root}search/${lang}.js`);
      const names = Array.from({ length: window.PelitaSearch[lang].parts }, (_, n) => `${lang}/${n + 1}`);
      await Promise.all(
        names.filter((name) => !window.PelitaSearch[name]).map((name) => load(`${root}search/${name}.js`)),
      );
      // The same options the index was built with (src/render/html/search-renderer.ts).
      indexes = names.map((name) =>
        window.MiniSearch.loadJS(window.PelitaSearch[name], {
          fields: ['title', 'summary', 'unit', 'body'],
          storeFields: ['title', 'summary', 'href'],
        }),
      );
      return indexes;
    };
    const show = async () => {
      const query = input.value.trim();
      const run = ++latest;
      const searched = query === '' ? undefined : await ready();
      if (run !== latest) return;
      results.replaceChildren();
      if (!searched) {
        status.textContent = '';
        return;
      }
      const options = { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { title: 3, summary: 2 } };
      // Best first over every part; the sort is stable, so equal scores keep the parts' order.
      const found = searched.flatMap((index) => index.search(query, options)).sort((a, b) => b.score - a.score);
      for (const hit of found.slice(0, 20)) {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `${root}${hit.href}`;
        link.textContent = hit.title;
        const summary = document.createElement('p');
        summary.textContent = hit.summary;
        item.append(link, summary);
        results.append(item);
      }
      status.textContent =
        found.length === 0 ? form.dataset.none : form.dataset.found.replace('{count}', String(found.length));
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void show();
    });
    input.addEventListener('input', () => void show());
    form.hidden = false;
  }
})();
