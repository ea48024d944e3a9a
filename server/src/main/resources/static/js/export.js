/*
 * The plan's Export menu: the files are plain links; a calendar link needs a read-only API token, which is created
 * on request and shown once, inside the link to paste into a calendar app.
 */
(() => {
    'use strict';

    document.querySelectorAll('.export-choices').forEach(menu => {
        const output = menu.querySelector('.calendar-link-output');
        const field = menu.querySelector('.calendar-url');
        const problem = menu.querySelector('.form-problem');

        menu.querySelector('.calendar-link').addEventListener('click', async event => {
            event.target.disabled = true;
            problem.hidden = true;
            try {
                const {response, json} = await window.Writes.send('POST', '/api/tokens',
                    {name: ('Calendar: ' + menu.dataset.planTitle).slice(0, 200), scope: 'read'});
                if (!response.ok) {
                    problem.textContent = window.Http.problem(response, json);
                    problem.hidden = false;
                    return;
                }
                field.value = new URL(menu.dataset.calendarUrl, window.location.origin).href
                    + '?token=' + encodeURIComponent(json.token);
                output.hidden = false;
                field.select();
            } finally {
                event.target.disabled = false;
            }
        });

        menu.querySelector('.copy-calendar-link').addEventListener('click', async () => {
            field.select();
            if (navigator.clipboard) {
                await navigator.clipboard.writeText(field.value);
            }
        });
    });
})();
