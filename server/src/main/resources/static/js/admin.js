/* Starts a rebuild; the status block, refreshed every second, shows its progress. */
document.addEventListener('click', async event => {
    const button = event.target.closest('button.rebuild');
    if (!button) {
        return;
    }
    button.disabled = true;
    const {response, json} = await window.Writes.send('POST', button.dataset.url, {}, null);
    if (!response.ok) {
        button.disabled = false;
        window.Writes.showProblem(button.parentElement, response, json);
    }
});
