/*
 * The calibrated forecast beside the plan's late-by figure: the chance of meeting the target and the P80 goal date,
 * or why there is none. Only for the plan as it stands now; a page of an earlier revision or moment shows nothing.
 */
(() => {
    'use strict';

    const percent = share => Math.round(share * 100) + ' %';

    document.querySelectorAll('.forecast-chance[data-forecast-url]').forEach(async element => {
        const query = new URLSearchParams(window.location.search);
        if (query.has('revision') || query.has('asOf')) {
            return;
        }
        try {
            const forecast = await window.Http.getJson(element.dataset.forecastUrl);
            if (forecast.calibrated) {
                element.textContent = percent(forecast.probabilityOfMeetingTarget) + ' chance of meeting the target'
                    + ' · P80 ' + forecast.goal.p80;
                element.title = 'From ' + forecast.runs + ' simulated runs over ' + forecast.referenceClass.size
                    + ' reference milestones of ' + (forecast.referenceClass.portfolio
                        ? 'portfolio ' + forecast.referenceClass.portfolio : 'the whole organisation')
                    + '. P50 ' + forecast.goal.p50 + ', P95 ' + forecast.goal.p95 + '.';
                element.classList.add(forecast.probabilityOfMeetingTarget < 0.5 ? 'forecast-unlikely'
                    : 'forecast-likely');
            } else {
                const reference = forecast.referenceClass;
                element.textContent = 'No calibrated forecast' + (reference
                    ? ' yet (' + reference.size + ' of ' + reference.minimumSize + ' reference milestones)' : '');
                element.title = forecast.notCalibratedBecause;
                element.classList.add('forecast-none');
            }
        } catch (error) {
            element.textContent = 'No calibrated forecast: ' + error.message;
            element.classList.add('forecast-none');
        }
    });
})();
