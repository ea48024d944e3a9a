/*
 * The import page: the chosen file goes to the preview endpoint as multipart form data, the report is shown as the
 * mapping of tasks to milestones with the file's own late finishes beside Backcast's due dates, and every warning;
 * "Create plan" sends the same file and fields to the import endpoint and opens the new plan.
 */
(() => {
    'use strict';

    const form = document.getElementById('import');
    const output = document.getElementById('import-preview');
    const createButton = form.querySelector('[data-action="create"]');
    const {element} = window.Writes;

    function formData() {
        const data = new FormData();
        for (const name of ['title', 'portfolio', 'targetDate']) {
            const value = form.elements[name].value.trim();
            if (value) {
                data.append(name, value);
            }
        }
        data.append('file', form.elements.file.files[0]);
        return data;
    }

    function csrfHeaders() {
        const token = window.Writes.csrfToken();
        return token ? {'X-XSRF-TOKEN': token} : {};
    }

    async function send(url) {
        window.Writes.clearProblems(form);
        if (!form.elements.file.files.length) {
            form.querySelector('[data-error-for="file"]').textContent = 'Choose the schedule file first';
            return null;
        }
        const buttons = form.querySelectorAll('button');
        buttons.forEach(button => button.disabled = true);
        try {
            const {response, json} = await window.Http.request(url, {method: 'POST', headers: csrfHeaders(),
                body: formData()});
            if (!response.ok) {
                window.Writes.showProblem(form, response, json);
                output.hidden = true;
                return null;
            }
            return json;
        } finally {
            form.querySelector('[data-action="preview"]').disabled = false;
        }
    }

    function cell(row, text, className) {
        row.appendChild(element('td', text === null || text === undefined ? '—' : String(text), className));
    }

    function show(report) {
        output.replaceChildren();
        output.appendChild(element('h2', 'Preview: ' + report.title));
        const facts = element('dl', null, 'import-facts');
        [['File', report.file.name + ' (' + report.file.format + ')'],
            ['Target date', report.targetDate],
            ['Lead times counted in', report.calendar === 'WORKING_DAYS'
                ? 'working days, Monday to Friday' + (report.holidays.length ? ', ' + report.holidays.length
                + ' holidays' : '') : 'calendar days'],
            ['Tasks read', report.tasksRead + ', of which ' + report.milestones.length + ' become milestones'],
            ['Baselines', report.baselines.length ? report.baselines.map(baseline => baseline.name + ' (target '
                + baseline.targetDate + ')').join(', ') : 'none']].forEach(([term, value]) => {
            facts.appendChild(element('dt', term));
            facts.appendChild(element('dd', value));
        });
        output.appendChild(facts);

        const warnings = element('section', null, 'import-warnings');
        warnings.appendChild(element('h3', report.warnings.length ? 'What Backcast approximates'
            : 'Nothing had to be approximated'));
        const list = element('ul');
        report.warnings.forEach(warning => {
            const item = element('li');
            item.appendChild(element('strong', warning.what));
            item.appendChild(element('span', ': ' + warning.approximation
                + (warning.tasks.length ? ' — ' + warning.tasks.join(', ') : '')));
            list.appendChild(item);
        });
        warnings.appendChild(list);
        output.appendChild(warnings);

        const table = element('table', null, 'import-mapping');
        table.appendChild(element('caption', 'Tasks as milestones: Backcast\'s due date beside the late finish the '
            + 'file stored'));
        const head = element('tr');
        ['Task', 'Milestone', 'Lead time (days)', 'After tasks', 'Deadline', 'Reached on', 'Due date',
            'Late finish in file'].forEach(title => {
            const th = element('th', title);
            th.scope = 'col';
            head.appendChild(th);
        });
        table.appendChild(element('thead')).appendChild(head);
        const body = table.appendChild(element('tbody'));
        report.milestones.forEach(milestone => {
            const row = element('tr');
            const differs = milestone.fileLateFinish && milestone.fileLateFinish !== milestone.dueDate;
            if (differs) {
                row.className = 'differs';
            }
            cell(row, '#' + milestone.taskId);
            cell(row, milestone.name);
            cell(row, milestone.leadTimeDays, 'number');
            cell(row, milestone.predecessors.length ? milestone.predecessors.map(id => '#' + id).join(', ') : null);
            cell(row, milestone.deadline, 'date');
            cell(row, milestone.reachedOn, 'date');
            cell(row, milestone.dueDate, 'date');
            cell(row, milestone.fileLateFinish, 'date');
            body.appendChild(row);
        });
        output.appendChild(table);
        output.hidden = false;
    }

    form.querySelector('[data-action="preview"]').addEventListener('click', async () => {
        const report = await send(form.dataset.previewUrl);
        if (report) {
            show(report);
            createButton.disabled = false;
        }
    });

    createButton.addEventListener('click', async () => {
        const created = await send(form.dataset.importUrl);
        if (created) {
            window.location.assign('/plans/' + created.planId + '?minRevision=' + created.revision);
        }
    });

    form.elements.file.addEventListener('change', () => {
        createButton.disabled = true;
        output.hidden = true;
    });
})();
