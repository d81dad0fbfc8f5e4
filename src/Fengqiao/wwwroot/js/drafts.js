// Drafts that survive a lost signal. A form marked data-draft="kind" gets an id made on the device
// (hidden ClientId). Sent while offline (or when the network fails), the form is kept in IndexedDB
// (Dexie) with its photos, counted in the bar under the menu and sent when the connection returns.
// The server accepts a ClientId once, so a replay finds the same record. An answer that is not a
// success (a validation message, someone else's change: the version check) keeps the draft and
// shows the server's words, for the officer to open and resolve: nothing is dropped or overwritten.
/* global Dexie */
(function () {
    var body = document.body;
    var user = body.getAttribute('data-user');
    var bar = document.getElementById('drafts');
    if (!user || !bar || !window.Dexie) { return; }
    var text = function (name) { return bar.getAttribute('data-text-' + name) || ''; };

    var db = new Dexie('fengqiao-drafts');
    db.version(1).stores({ drafts: 'id, user, state, createdAt' });
    var mine = function () { return db.drafts.where('user').equals(user); };
    window.fengqiaoDrafts = { count: function () { return mine().count(); }, db: db };

    function uuid() {
        if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
        var b = crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
        var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
        return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
    }

    function clientIdOf(form) {
        var input = form.querySelector('input[name=ClientId]');
        if (!input) {
            input = document.createElement('input');
            input.type = 'hidden'; input.name = 'ClientId';
            form.appendChild(input);
        }
        if (!input.value) { input.value = uuid(); }
        return input;
    }

    // FormData as stored: files as blobs with their names, so that a photo survives a restart.
    function fieldsOf(form, submitter) {
        var data = new FormData(form, submitter || undefined);
        var fields = [];
        data.forEach(function (value, name) {
            if (value instanceof File) {
                if (value.size > 0) { fields.push({ name: name, blob: value, file: value.name, type: value.type }); }
            } else {
                fields.push({ name: name, value: value });
            }
        });
        return fields;
    }

    function formDataOf(draft, token) {
        var data = new FormData();
        draft.fields.forEach(function (f) {
            if (f.blob) { data.append(f.name, new File([f.blob], f.file, { type: f.type })); }
            else if (f.name === '__RequestVerificationToken' && token) { data.append(f.name, token); }
            else { data.append(f.name, f.value); }
        });
        return data;
    }

    // The server's own words when it did not accept: the validation summary or the alert on the page it sent back.
    function messageOf(html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var found = Array.prototype.map.call(doc.querySelectorAll('main .validation-summary-errors, main .field-validation-error, main [role=alert]'),
            function (e) { return e.textContent.trim().replace(/\s+/g, ' '); }).filter(function (t) { return t.length > 0; });
        return found.length ? found[0].slice(0, 300) : text('attention');
    }

    function isSignIn(url) { return /\/account\/login/.test(new URL(url, location.href).pathname); }

    // A fresh antiforgery token from the draft's page: the one kept with the draft may be from an older session.
    function freshToken(draft) {
        return fetch(draft.page, { credentials: 'same-origin' }).then(function (r) {
            if (!r.ok || r.redirected && isSignIn(r.url)) { return null; }
            return r.text().then(function (html) {
                var input = new DOMParser().parseFromString(html, 'text/html').querySelector('input[name=__RequestVerificationToken]');
                return input ? input.value : null;
            });
        });
    }

    // One draft to the server. Resolves to 'sent', 'offline', 'signin' or 'attention'.
    function send(draft) {
        return freshToken(draft).then(function (token) {
            if (token === null && !navigator.onLine) { return 'offline'; }
            return fetch(draft.action, { method: 'POST', body: formDataOf(draft, token), credentials: 'same-origin', redirect: 'follow' })
                .then(function (r) {
                    if (r.redirected && isSignIn(r.url)) { return db.drafts.update(draft.id, { state: 'signin', message: text('signin') }).then(function () { return 'signin'; }); }
                    if (r.ok && r.redirected) { return db.drafts.delete(draft.id).then(function () { return 'sent'; }); }
                    return r.text().then(function (html) {
                        var message = r.status === 409 ? text('conflict') : messageOf(html);
                        return db.drafts.update(draft.id, { state: r.status === 409 ? 'conflict' : 'attention', message: message }).then(function () { return 'attention'; });
                    });
                });
        }).catch(function () { return 'offline'; });
    }

    var syncing = null;
    function sync() {
        if (syncing || !navigator.onLine) { return syncing || Promise.resolve(); }
        syncing = mine().filter(function (d) { return d.state === 'pending' || d.state === 'signin'; }).sortBy('createdAt')
            .then(function (drafts) {
                return drafts.reduce(function (p, d) {
                    return p.then(function (stop) { return stop ? stop : send(d).then(function (o) { return o === 'offline' ? o : null; }); });
                }, Promise.resolve(null));
            })
            .finally(function () { syncing = null; return render(); });
        return syncing;
    }
    window.fengqiaoDrafts.sync = sync;

    function render() {
        return mine().sortBy('createdAt').then(function (drafts) {
            var list = bar.querySelector('#drafts-list');
            var count = bar.querySelector('#drafts-count');
            var offline = bar.querySelector('#drafts-offline');
            offline.classList.toggle('d-none', navigator.onLine);
            bar.classList.toggle('d-none', drafts.length === 0 && navigator.onLine);
            count.textContent = drafts.length ? text('pending').replace('{0}', drafts.length) : '';
            count.setAttribute('data-count', drafts.length);
            bar.querySelector('#drafts-send').classList.toggle('d-none', drafts.length === 0);
            list.textContent = '';
            drafts.forEach(function (d) {
                var item = document.createElement('li');
                item.className = 'list-group-item d-flex flex-wrap align-items-center gap-2 draft-' + d.state;
                item.setAttribute('data-draft-id', d.id);
                var what = document.createElement('span');
                what.className = 'flex-grow-1';
                what.textContent = d.label + ' · ' + new Date(d.createdAt).toLocaleString();
                item.appendChild(what);
                if (d.state !== 'pending') {
                    var note = document.createElement('div');
                    note.className = 'w-100 small ' + (d.state === 'signin' ? 'text-muted' : 'text-danger') + ' draft-message';
                    note.textContent = d.message || '';
                    item.appendChild(note);
                    var open = document.createElement('a');
                    open.className = 'btn btn-sm btn-outline-primary draft-open';
                    open.href = d.page + (d.page.indexOf('#') < 0 ? '#draft=' : '') + d.id;
                    open.textContent = text('open');
                    item.appendChild(open);
                }
                list.appendChild(item);
            });
        });
    }

    function keep(form, submitter) {
        var id = clientIdOf(form).value;
        var draft = {
            id: id, user: user, kind: form.getAttribute('data-draft'),
            label: form.getAttribute('data-draft-label') || document.title,
            page: location.pathname + location.search,
            action: form.action, fields: fieldsOf(form, submitter), createdAt: Date.now(), state: 'pending',
        };
        return db.drafts.put(draft).then(function () {
            form.reset();
            clientIdOf(form).value = uuid();
            var saved = form.querySelector('.draft-saved') || document.createElement('div');
            saved.className = 'alert alert-info mt-2 draft-saved';
            saved.setAttribute('role', 'status');
            saved.textContent = text('saved');
            form.appendChild(saved);
            return render();
        });
    }

    document.querySelectorAll('form[data-draft]').forEach(function (form) {
        clientIdOf(form);
        form.addEventListener('submit', function (event) {
            if (form.dataset.native) { return; }
            event.preventDefault();
            var submitter = event.submitter;
            if (!navigator.onLine) { keep(form, submitter); return; }
            // Online: sent by fetch so that a dropped signal keeps the draft instead of losing the form.
            var data = new FormData(form, submitter || undefined);
            fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin', redirect: 'follow' })
                .then(function (r) {
                    if (r.ok && r.redirected && !isSignIn(r.url)) {
                        // The page fetched has already shown (and so spent) the one-time message: carry it over.
                        return r.text().then(function (html) {
                            var flash = new DOMParser().parseFromString(html, 'text/html').querySelector('main [role=status]');
                            try { if (flash) { sessionStorage.setItem('fengqiao-flash', flash.outerHTML); } } catch (e) { /* ignore */ }
                            return db.drafts.delete(clientIdOf(form).value);
                        }).then(function () { location.assign(r.url); });
                    }
                    // Not accepted (a message to read): the ordinary post shows it; the same ClientId saves nothing twice.
                    form.dataset.native = '1';
                    form.requestSubmit(submitter || undefined);
                })
                .catch(function () { keep(form, submitter); });
        });
    });

    // Opening a draft that needs attention: its fields back into the form, photos included, same ClientId.
    var match = /#draft=([0-9a-f-]{36})$/.exec(location.hash);
    if (match) {
        db.drafts.get(match[1]).then(function (d) {
            var form = d && document.querySelector('form[data-draft="' + d.kind + '"]');
            if (!form) { return; }
            var files = {};
            d.fields.forEach(function (f) {
                if (f.name === '__RequestVerificationToken') { return; }
                var input = form.elements.namedItem(f.name);
                // Hidden fields (the version read, the household) stay as the page now has them: the officer reviews the current record.
                if (!input || input.type === 'hidden' && f.name !== 'ClientId') { return; }
                if (f.blob) {
                    (files[f.name] = files[f.name] || new DataTransfer()).items.add(new File([f.blob], f.file, { type: f.type }));
                } else if (input.type === 'checkbox') {
                    input.checked = true;
                } else if (input.length && !input.tagName) {
                    Array.prototype.forEach.call(input, function (i) { if (i.type === 'checkbox' || i.type === 'radio') { i.checked = i.checked || i.value === f.value; } else if (i.type !== 'hidden' || i.name === 'ClientId') { i.value = f.value; } });
                } else {
                    input.value = f.value;
                }
            });
            Object.keys(files).forEach(function (name) { form.elements.namedItem(name).files = files[name].files; });
            var note = document.createElement('div');
            note.className = 'alert alert-warning draft-review';
            note.setAttribute('role', 'alert');
            note.textContent = d.message || text('attention');
            form.prepend(note);
        });
    }

    var flash = null;
    try { flash = sessionStorage.getItem('fengqiao-flash'); sessionStorage.removeItem('fengqiao-flash'); } catch (e) { flash = null; }
    var main = document.querySelector('main');
    if (flash && main && !main.querySelector('[role=status]')) {
        var holder = new DOMParser().parseFromString(flash, 'text/html').body.firstElementChild;
        if (holder) { main.prepend(document.importNode(holder, true)); }
    }

    bar.querySelector('#drafts-send').addEventListener('click', function () { sync(); });
    window.addEventListener('online', function () { render(); sync(); });
    window.addEventListener('offline', render);
    (window.fengqiaoReady || Promise.resolve()).then(render).then(sync);
})();
