// The index's filter by unit: shows only the chosen unit's services. Without JavaScript the
// form stays hidden and the unit links above jump to each list instead.
(() => {
  const form = document.querySelector('form.pelita-unit-filter');
  if (!form) return;
  const select = form.querySelector('select');
  const sections = document.querySelectorAll('section.pelita-index-unit');
  select.addEventListener('change', () => {
    for (const section of sections) {
      section.hidden = select.value !== '' && section.getAttribute('aria-labelledby') !== select.value;
    }
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
})();
