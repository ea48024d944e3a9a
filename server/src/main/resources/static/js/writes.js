/*
 * Every change a page makes goes to the JSON API, like any other client: the form's fields become the request body,
 * the revision the page was rendered from goes along as If-Match, and the session's CSRF token as X-XSRF-TOKEN.
 * A refusal is shown next to the field it names; a stale revision shows what changed since and offers to re-apply.
 */
(() => {
    'use strict';

    /** The plan a form writes to: its own when it names one (a branch's form on a page about its plan), else the page's. */
    const planOf = form => form.closest('[data-plan-id]') || document.querySelector('[data-plan-id]');

    function csrfToken() {
        const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
        return match ? decodeURIComponent(match[1]) : null;
    }

    function assign(target, path, value) {
        const keys = path.split('.');
        let node = target;
        keys.slice(0, -1).forEach(key => node = node[key] = node[key] || {});
        node[keys[keys.length - 1]] = value;
    }

    /** The form as a request body: dotted names nest, data-type says number or list, empty fields are left out. */
    function bodyOf(form) {
        const body = {};
        for (const field of form.elements) {
            if (!field.name || field.disabled || field.type === 'submit' || field.type === 'button') {
                continue;
            }
            if (field.dataset.type === 'list') {
                const list = body[field.name] || (body[field.name] = []);
                if (field.checked) {
                    list.push(field.value);
                }
                continue;
            }
            if (field.value === '') {
                if (field.dataset.empty === 'null') {
                    assign(body, field.name, null);
                }
                continue;
            }
            assign(body, field.name, field.dataset.type === 'number' ? Number(field.value) : field.value);
        }
        return body;
    }

    async function send(method, url, body, revision) {
        const headers = {'Content-Type': 'application/json'};
        if (revision) {
            headers['If-Match'] = '"' + revision + '"';
        }
        const token = csrfToken();
        if (token) {
            headers['X-XSRF-TOKEN'] = token;
        }
        return window.Http.request(url, {method, headers, body: JSON.stringify(body)});
    }

    function element(tag, text, className) {
        const node = document.createElement(tag);
        if (text !== undefined && text !== null) {
            node.textContent = text;
        }
        if (className) {
            node.className = className;
        }
        return node;
    }

    function problemArea(form) {
        return form.querySelector('.form-problem') || form.appendChild(element('p', null, 'form-problem'));
    }

    function clearProblems(container) {
        container.querySelectorAll('.field-error').forEach(slot => slot.textContent = '');
        container.querySelectorAll('[aria-invalid]').forEach(field => field.removeAttribute('aria-invalid'));
        const area = container.querySelector('.form-problem');
        if (area) {
            area.replaceChildren();
        }
    }

    /** The slot for a field's message: the field itself, or the nearest enclosing one ("changes[2].name" → "changes[2]"). */
    function slotFor(container, field) {
        for (let name = field; name; name = name.includes('.') ? name.substring(0, name.lastIndexOf('.')) : null) {
            const slot = container.querySelector('[data-error-for="' + CSS.escape(name) + '"]');
            if (slot) {
                return {slot, name};
            }
        }
        return null;
    }

    function showProblem(container, response, json) {
        const detail = window.Http.problem(response, json);
        const found = json && json.field ? slotFor(container, json.field) : null;
        if (found) {
            found.slot.textContent = detail;
            const field = container.querySelector('[name="' + CSS.escape(found.name) + '"]');
            if (field) {
                field.setAttribute('aria-invalid', 'true');
                field.focus();
            }
            return;
        }
        const prefix = response.status === 403 ? 'Not allowed (403): ' : '';
        problemArea(container).replaceChildren(element('span', prefix + detail));
    }

    /** Who changed what since the page's revision, and a way to put the same change on top of the new revision. */
    async function showStale(container, basedOn, json, reapply) {
        const current = json && json.currentRevision;
        const area = problemArea(container);
        const box = element('div', null, 'stale');
        box.appendChild(element('strong', 'The plan changed while you were editing.'));
        box.appendChild(element('p', 'Your change was based on revision ' + basedOn + '; the plan is now at revision '
            + current + '. Nothing of yours was recorded. Changes since:'));
        const list = element('ul');
        const planId = planOf(container).dataset.planId;
        const history = await window.Http.request('/api/plans/' + planId
            + '/revisions?order=oldest&limit=50&fromRevision=' + (Number(basedOn) + 1));
        if (history.response.ok) {
            history.json.items.forEach(entry => {
                const reason = entry.reason && !entry.summary.includes(entry.reason.category) ? ' ('
                    + entry.reason.category + (entry.reason.note ? ': ' + entry.reason.note : '') + ')' : '';
                list.appendChild(element('li', 'Revision ' + entry.revision + ' · '
                    + entry.recordedAt.replace('T', ' ').substring(0, 16) + ' UTC · ' + entry.author + ': '
                    + entry.summary + reason));
            });
        } else {
            list.appendChild(element('li', 'The changes could not be listed: '
                + window.Http.problem(history.response, history.json)));
        }
        box.appendChild(list);
        const again = element('button', 'Re-apply my change on revision ' + current, 'primary reapply');
        again.type = 'button';
        again.addEventListener('click', () => reapply(current));
        box.appendChild(again);
        const reload = element('a', 'Reload the plan instead');
        reload.href = window.location.pathname;
        box.appendChild(reload);
        area.replaceChildren(box);
        again.focus();
    }

    function afterWrite(form, json) {
        if (form.dataset.then === 'created-plan' || form.dataset.then === 'plan-of-record') {
            window.location.assign('/plans/' + json.planId + '?minRevision=' + json.revision);
            return;
        }
        if (form.dataset.then === 'plan-page') {
            window.location.assign('/plans/' + json.planId);
            return;
        }
        if (form.dataset.then === 'created-branch') {
            window.location.assign('/plans/' + json.branchId + '?minRevision=' + json.revision);
            return;
        }
        const anchor = form.closest('[id]');
        window.location.assign(window.location.pathname + '?minRevision=' + json.revision
            + (anchor && anchor.id !== 'main' ? '#' + anchor.id : ''));
    }

    async function write(form, body, revision) {
        clearProblems(form);
        const buttons = form.querySelectorAll('button');
        buttons.forEach(button => button.disabled = true);
        try {
            const {response, json} = await send(form.dataset.method, form.dataset.url, body, revision);
            if (response.ok) {
                afterWrite(form, json);
            } else if (response.status === 412) {
                await showStale(form, revision, json, current => write(form, body, current));
            } else {
                showProblem(form, response, json);
            }
        } catch (failure) {
            problemArea(form).replaceChildren(element('span', 'The server could not be reached: ' + failure.message));
        } finally {
            buttons.forEach(button => button.disabled = false);
        }
    }

    /** Staging skips the reason: the refinement gives one reason to every change that has none of its own. */
    function validForStaging(form) {
        for (const field of form.elements) {
            if (field.name && !field.name.startsWith('reason.') && !field.checkValidity()) {
                field.reportValidity();
                return false;
            }
        }
        return true;
    }

    document.addEventListener('submit', event => {
        const form = event.target.closest('form.write');
        if (!form) {
            return;
        }
        event.preventDefault();
        const plan = planOf(form);
        if (event.submitter && event.submitter.hasAttribute('data-stage')) {
            clearProblems(form);
            if (validForStaging(form) && window.Refinement) {
                window.Refinement.stage(form, bodyOf(form));
            }
            return;
        }
        write(form, bodyOf(form), plan ? plan.dataset.revision : null);
    });

    window.Writes = {bodyOf, send, showProblem, showStale, clearProblems, afterWrite, element, csrfToken};
})();
