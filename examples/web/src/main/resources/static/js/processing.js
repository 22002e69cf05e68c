/*
 * Waits for the photos this page shows as processing (elements with data-photo-id and data-status="processing"
 * in the element with data-status-url): every two seconds it asks the app where they stand, and reloads the
 * page once one of them is ready, failed or gone, so that its thumbnail appears without a click. The reload
 * waits while someone types in a form or has chosen files to upload. It stops asking when the answer is not
 * JSON (signed out) or is refused; a failed request or a 5xx is asked again.
 */
(() => {
  const EVERY_MS = 2000;
  const root = document.querySelector('[data-status-url]');
  if (!root) {
    return;
  }
  const selector = '[data-status="processing"][data-photo-id]';
  const ids = [root, ...root.querySelectorAll(selector)].filter(element => element.matches(selector))
    .map(element => element.dataset.photoId);
  if (ids.length === 0) {
    return;
  }
  const url = root.dataset.statusUrl + '?ids=' + ids.map(encodeURIComponent).join(',');
  let changed = false;

  const busy = () => {
    const active = document.activeElement;
    if (active && active.form && active.matches('input:not([type=hidden]), textarea, select')) {
      return true;
    }
    return [...document.querySelectorAll('input[type=file]')].some(input => input.files.length > 0);
  };

  const ask = async () => {
    const response = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin',
      cache: 'no-store'});
    if (response.status >= 500) {
      return true;
    }
    const json = (response.headers.get('Content-Type') || '').includes('application/json');
    if (!response.ok || !json) {
      return false;
    }
    const statuses = await response.json();
    changed = ids.some(id => statuses[id] !== 'processing');
    return true;
  };

  const check = async () => {
    let again = true;
    if (!changed) {
      try {
        again = await ask();
      } catch (networkFailure) {
        again = true;
      }
    }
    if (changed && !busy()) {
      window.location.reload();
      return;
    }
    if (again) {
      window.setTimeout(check, EVERY_MS);
    }
  };
  window.setTimeout(check, EVERY_MS);
})();
