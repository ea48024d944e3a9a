/*
 * A refinement staged on the plan page: changes from any form are collected here (and kept in the tab's session
 * storage across reloads), their effect on the due dates is previewed by the server, and they are committed as one
 * change set with one message and one reason.
 */
(() => {
    'use strict';

    const plan = document.querySelector('[data-plan-id]');
    const panel = document.getElementById('refinement');
    if (!plan || !panel) {
        return;
    }
    const {send, showProblem, showStale, clearProblems, afterWrite, element, bodyOf} = window.Writes;
    const storageKey = 'backcast.refinement.' + plan.dataset.planId;
    const form = panel.querySelector('form.refine');
    const list = document.getElementById('staged');
    const preview = document.getElementById('preview');
    const opener = document.getElementById('start-refinement');
    let staged = JSON.parse(sessionStorage.getItem(storageKey) || '[]');

    function save() {
        if (staged.length) {
            sessionStorage.setItem(storageKey, JSON.stringify(staged));
        } else {
            sessionStorage.removeItem(storageKey);
        }
    }

    function open() {
        panel.hidden = false;
        document.body.classList.add('staging');
        opener.setAttribute('aria-expanded', 'true');
        opener.textContent = 'Refinement open';
    }

    function close() {
        panel.hidden = true;
        document.body.classList.remove('staging');
        opener.setAttribute('aria-expanded', 'false');
        opener.textContent = 'Start a refinement';
    }

    /**
     * The refinement's reason goes to every change that does not give its own. A preview needs none: reasons do not
     * move dates, and the planner may give the reason last.
     */
    function request(forPreview) {
        const body = bodyOf(form);
        const reason = body.reason || (forPreview ? {category: 'OTHER', note: 'preview'} : null);
        delete body.reason;
        body.changes = staged.map(entry => entry.change.reason || !reason
            ? entry.change : Object.assign({}, entry.change, {reason}));
        return body;
    }

    function render() {
        list.replaceChildren(...staged.map((entry, index) => {
            const item = element('li', null, 'staged-change');
            item.appendChild(element('span', entry.label));
            const remove = element('button', 'Remove', 'link');
            remove.type = 'button';
            remove.setAttribute('aria-label', 'Remove staged change ' + (index + 1) + ': ' + entry.label);
            remove.addEventListener('click', () => {
                staged.splice(index, 1);
                save();
                render();
                showPreview();
            });
            item.appendChild(remove);
            const slot = element('span', null, 'field-error');
            slot.dataset.errorFor = 'changes[' + index + ']';
            item.appendChild(slot);
            return item;
        }));
        if (!staged.length) {
            list.appendChild(element('li', 'Nothing staged yet.', 'muted'));
        }
    }

    function dateCell(before, after) {
        const cell = element('td', null, 'date');
        if (before && after && before !== after) {
            cell.appendChild(element('del', before));
            cell.appendChild(element('ins', after));
        } else {
            cell.textContent = after || before || '—';
        }
        return cell;
    }

    function renderPreview(effect) {
        const table = element('table', null, 'preview');
        table.appendChild(element('caption', 'Effect on the dates if committed (' + effect.eventCount
            + (effect.eventCount === 1 ? ' change' : ' changes') + ' on revision ' + effect.revision + ')'));
        const head = element('tr');
        ['Milestone', 'Due', 'Start by', 'Forecast'].forEach(title => {
            const th = element('th', title);
            th.scope = 'col';
            head.appendChild(th);
        });
        table.appendChild(element('thead')).appendChild(head);
        const rows = element('tbody');
        const goal = element('tr', null, 'goal-row');
        const goalName = element('th', 'Goal');
        goalName.scope = 'row';
        goal.append(goalName, dateCell(effect.targetDate.before, effect.targetDate.after),
            dateCell(effect.mustStartBy.before, effect.mustStartBy.after),
            dateCell(effect.forecastGoalDate.before, effect.forecastGoalDate.after));
        rows.appendChild(goal);
        effect.milestones.forEach(milestone => {
            const row = element('tr', null, 'effect-' + milestone.effect.toLowerCase());
            const name = element('th', milestone.name);
            name.scope = 'row';
            if (milestone.effect !== 'UNCHANGED') {
                name.appendChild(element('span', ' (' + milestone.effect.toLowerCase() + ')', 'muted'));
            }
            row.append(name, dateCell(milestone.dueBefore, milestone.dueAfter),
                dateCell(milestone.startByBefore, milestone.startByAfter),
                dateCell(milestone.forecastBefore, milestone.forecastAfter));
            rows.appendChild(row);
        });
        table.appendChild(rows);
        preview.replaceChildren(table);
    }

    async function showPreview() {
        clearProblems(panel);
        if (!staged.length) {
            preview.replaceChildren();
            return;
        }
        const body = request(true);
        body.message = body.message || 'preview';
        const {response, json} = await send('POST', form.dataset.previewUrl, body, plan.dataset.revision);
        if (response.ok) {
            renderPreview(json);
        } else if (response.status === 412) {
            await showStale(form, plan.dataset.revision, json, () => window.location.reload());
        } else {
            preview.replaceChildren();
            showProblem(panel, response, json);
        }
    }

    async function commit(revision) {
        clearProblems(panel);
        if (!staged.length) {
            form.querySelector('.form-problem').textContent = 'Stage at least one change first.';
            return;
        }
        const body = request(false);
        const {response, json} = await send('POST', form.dataset.url, body, revision);
        if (response.ok) {
            staged = [];
            save();
            afterWrite(form, json);
        } else if (response.status === 412) {
            await showStale(form, revision, json, current => commit(current));
        } else {
            showProblem(panel, response, json);
        }
    }

    window.Refinement = {
        stage(source, body) {
            const ids = Object.fromEntries(Object.entries(source.dataset).filter(([key]) => key.endsWith('Id')));
            const change = Object.assign({op: source.dataset.op}, ids, body);
            staged.push({label: source.dataset.label, change});
            save();
            open();
            render();
            const details = source.closest('details');
            if (details) {
                details.open = false;
            }
            showPreview();
        }
    };

    opener.addEventListener('click', () => panel.hidden ? open() : close());
    document.getElementById('discard-refinement').addEventListener('click', () => {
        staged = [];
        save();
        render();
        preview.replaceChildren();
        close();
    });
    form.addEventListener('submit', event => {
        event.preventDefault();
        commit(plan.dataset.revision);
    });
    render();
    if (staged.length) {
        open();
        showPreview();
    }
})();
