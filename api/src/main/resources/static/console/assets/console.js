// The console's only script: no framework, no build step. Pages work without it except the upload's progress and
// the operations page's live refresh; it asks before destructive actions, copies URLs, counts the selection.
(() => {
  const csrf = document.querySelector('meta[name=csrf-token]')?.content;

  document.addEventListener('click', (event) => {
    const confirmed = event.target.closest('[data-confirm]');
    if (confirmed && !window.confirm(confirmed.dataset.confirm)) {
      event.preventDefault();
    }
    const copy = event.target.closest('[data-copy]');
    if (copy) {
      const input = document.getElementById(copy.dataset.copy);
      input.select();
      navigator.clipboard?.writeText(input.value).then(() => { copy.textContent = 'Copied'; }, () => {});
    }
  });

  const counter = document.querySelector('[data-selected-count]');
  if (counter) {
    const update = () => {
      const n = document.querySelectorAll('input[name=asset_ids]:checked').length;
      counter.textContent = n === 0 ? 'None selected' : n + ' selected';
    };
    document.addEventListener('change', update);
    update();
  }

  // The text of an error answer: the API's {"error":{"message"}} or a console page's alert.
  const errorOf = (status, text) => {
    try {
      return JSON.parse(text).error.message;
    } catch (notJson) {
      const alert = new DOMParser().parseFromString(text, 'text/html').querySelector('[role=alert]');
      return alert ? alert.textContent.trim() : 'HTTP ' + status;
    }
  };

  const post = (url, body, headers, onProgress) => new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    Object.entries(headers).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    if (onProgress) {
      xhr.upload.onprogress = (e) => onProgress(e.loaded);
    }
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => resolve({ status: 0, text: '' });
    xhr.send(body);
  });

  const drop = document.getElementById('drop');
  if (drop) {
    const list = document.getElementById('uploads');
    const chunkSize = Number(document.getElementById('upload').dataset.chunkSize);
    const signature = async () => {
      const form = new URLSearchParams();
      ['upload_preset', 'asset_folder'].forEach((id) => form.set(id, document.getElementById(id).value));
      form.set('tags', document.getElementById('upload_tags').value);
      const answer = await fetch('/console/upload/signature', { method: 'POST', body: form,
        headers: { 'X-CSRF-Token': csrf }, credentials: 'same-origin' });
      const text = await answer.text();
      if (!answer.ok) {
        throw new Error(errorOf(answer.status, text));
      }
      return JSON.parse(text);
    };
    const uploadOne = async (file, item) => {
      const bar = item.querySelector('progress');
      const state = item.querySelector('.state');
      try {
        const signed = await signature();
        const id = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
        let answer;
        for (let start = 0; start === 0 || start < file.size; start += chunkSize) {
          const end = Math.min(file.size, start + chunkSize);
          const body = new FormData();
          Object.entries(signed).filter(([k]) => k !== 'upload_url').forEach(([k, v]) => body.append(k, v));
          body.append('file', file.slice(start, end), file.name);
          const headers = file.size > chunkSize
            ? { 'X-Unique-Upload-Id': id, 'Content-Range': 'bytes ' + start + '-' + (end - 1) + '/' + file.size } : {};
          answer = await post(signed.upload_url, body, headers, (loaded) => {
            bar.value = start + Math.min(loaded, end - start); // loaded counts the form's own bytes too
          });
          if (answer.status !== 200) {
            throw new Error(errorOf(answer.status, answer.text));
          }
          if (end >= file.size) {
            break;
          }
        }
        const uploaded = JSON.parse(answer.text);
        bar.value = file.size;
        item.classList.add('done');
        state.textContent = 'Uploaded as ';
        const link = document.createElement('a');
        link.href = '/console/asset/' + encodeURIComponent(uploaded.asset_id);
        link.textContent = uploaded.display_name || uploaded.public_id;
        state.append(link);
      } catch (e) {
        item.classList.add('failed');
        state.textContent = 'Failed: ' + e.message;
      }
    };
    const start = async (files) => {
      const jobs = [...files].map((file) => {
        const item = document.createElement('li');
        item.innerHTML = '<span class="file-name"></span><progress max="1" value="0"></progress><span class="state">Waiting</span>';
        item.querySelector('.file-name').textContent = file.name + ' (' + file.size.toLocaleString() + ' bytes)';
        item.querySelector('progress').max = Math.max(1, file.size);
        item.querySelector('progress').setAttribute('aria-label', 'Progress of ' + file.name);
        list.append(item);
        return () => uploadOne(file, item);
      });
      for (const job of jobs) {
        await job();
      }
      document.getElementById('uploads-done').hidden = false;
    };
    document.getElementById('files').addEventListener('change', (e) => start(e.target.files));
    ['dragenter', 'dragover'].forEach((type) => drop.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    }));
    ['dragleave', 'drop'].forEach((type) => drop.addEventListener(type, () => drop.classList.remove('over')));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      start(e.dataTransfer.files);
    });
  }

  const ops = document.getElementById('rebuild-status');
  if (ops) {
    // a few rows of a verify's differences: the whole list is in GET /ops/rebuild
    const differences = (list) => !list || list.length === 0 ? 'none'
      : list.length + ' (' + list.slice(0, 3).map((d) => d.slice(0, 160)).join('; ') + (list.length > 3 ? '; …' : '') + ')';
    const show = (status) => {
      ops.querySelector('[data-state]').textContent = status.state + (status.phase ? ' · ' + status.phase : '');
      const bar = ops.querySelector('progress');
      if (status.total) {
        bar.max = Math.max(1, status.total);
        bar.value = status.done;
        ops.querySelector('[data-counts]').textContent = status.done.toLocaleString() + ' of ' + status.total.toLocaleString()
          + ' events · ' + (status.events_per_second || 0).toLocaleString() + '/s · ' + (status.seconds_left || 0) + ' s left';
      } else if (status.state === 'done') {
        bar.max = 1;
        bar.value = 1;
        ops.querySelector('[data-counts]').textContent = status.events.toLocaleString() + ' events · '
          + (status.switched ? 'switched to the rebuilt read models' : 'verified') + ' · differences: ' + differences(status.differences);
      }
      Object.entries(status.lag || {}).forEach(([name, lag]) => {
        const cell = document.querySelector('[data-lag="' + CSS.escape(name) + '"]');
        if (cell) {
          cell.textContent = lag;
        }
      });
      Object.entries(status.queues || {}).forEach(([name, n]) => {
        const cell = document.querySelector('[data-queue="' + CSS.escape(name) + '"]');
        if (cell) {
          cell.textContent = n;
        }
      });
    };
    const poll = async () => {
      const answer = await fetch('/console/operations/status', { credentials: 'same-origin' });
      if (answer.ok) {
        show(await answer.json());
      }
      setTimeout(poll, 700);
    };
    poll();
  }
})();
