// Direct upload from the album page: for each chosen file, ask the site for a presigned PUT, send the
// bytes straight to the photo store with it, then ask the site to complete the upload (check the bytes,
// make the photo). When every file is in, show the album again.
'use strict';

// Headers a page may not set itself; the browser sends them from the request (the size from the file).
const SET_BY_THE_BROWSER = new Set(['content-length', 'host']);

async function post(url, body, csrfToken) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken },
    body: JSON.stringify(body),
  });
  if (response.redirected) {
    // The session has ended: the site sent this call to the sign-in page.
    window.location.assign(response.url);
    throw new Error('Please sign in again.');
  }
  if (!response.ok) {
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const message = page.querySelector('#message');
    throw new Error(message ? message.textContent : 'The site answered ' + response.status + '.');
  }
  return response.json();
}

async function send(file, form, csrfToken) {
  const started = await post(form.dataset.start,
      { fileName: file.name, contentType: file.type, size: file.size }, csrfToken);
  const headers = {};
  for (const [name, value] of Object.entries(started.headers)) {
    if (!SET_BY_THE_BROWSER.has(name.toLowerCase())) {
      headers[name] = value;
    }
  }
  const put = await fetch(started.url, { method: started.method, headers: headers, body: file });
  if (!put.ok) {
    throw new Error('The photo store refused ' + file.name + ' (' + put.status + ').');
  }
  return post(form.dataset.complete, { uploadToken: started.uploadToken }, csrfToken);
}

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('direct-upload');
  if (!form) {
    return;
  }
  const status = form.querySelector('.status');
  const problem = form.querySelector('.problem');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const files = Array.from(form.querySelector('input[type=file]').files);
    const csrfToken = form.querySelector('input[name=_csrf]').value;
    const button = form.querySelector('button');
    problem.hidden = true;
    button.disabled = true;
    let done = 0;
    try {
      for (const file of files) {
        status.textContent = 'Uploading ' + file.name + ' (' + (done + 1) + ' of ' + files.length + ')…';
        await send(file, form, csrfToken);
        done++;
      }
      window.location.assign(form.dataset.done + '?uploaded=' + done);
    } catch (error) {
      status.textContent = done > 0 ? done + ' of ' + files.length + ' uploaded.' : '';
      problem.textContent = error.message;
      problem.hidden = false;
      button.disabled = false;
    }
  });
});
