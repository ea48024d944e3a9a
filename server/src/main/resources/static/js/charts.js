/*
 * The timeline (Gantt), the milestone trend analysis and the portfolio's moves chart, drawn with ECharts from the
 * same JSON the API gives scripts. Each chart also fills a plain table, which is what screen readers and tests read.
 */
(() => {
    'use strict';

    const {getJson} = window.Http;
    const DAY = 86400000;
    const INK = '#1d232b';
    const ACCENT = '#1f4e79';
    const CRITICAL = '#b45309';
    const LATE = '#a4161a';
    const GOOD = '#1b6b3a';
    const BAND = 'rgba(164,22,26,0.18)';

    const time = iso => iso ? Date.parse(iso + 'T00:00:00Z') : null;
    const iso = millis => new Date(millis).toISOString().substring(0, 10);

    function cell(row, text, className) {
        const td = document.createElement('td');
        td.textContent = text == null ? '—' : text;
        if (className) {
            td.className = className;
        }
        row.appendChild(td);
    }

    function tableRow(body, name, cells) {
        const row = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = name;
        row.appendChild(th);
        cells.forEach(text => cell(row, text, 'date'));
        body.appendChild(row);
    }

    function failed(element, error) {
        element.textContent = 'The chart could not be drawn: ' + error.message;
        element.classList.add('problem');
    }

    function dateAxis(name, extra) {
        return Object.assign({
            type: 'time', name, nameLocation: 'middle', nameGap: 30,
            axisLabel: {formatter: value => iso(value), hideOverlap: true},
            splitLine: {show: true, lineStyle: {color: '#eef1f4'}}
        }, extra || {});
    }

    /** The plan's calibrated forecast, or null when there is none to draw (a closed plan, an earlier revision). */
    async function calibratedForecast(element) {
        if (!element.dataset.forecastUrl) {
            return null;
        }
        try {
            return await getJson(element.dataset.forecastUrl);
        } catch (unavailable) {
            return null;
        }
    }

    async function timeline(element) {
        const [plan, lines, forecast] = await Promise.all([getJson(element.dataset.planUrl),
            getJson(element.dataset.timelineUrl), calibratedForecast(element)]);
        const outlooks = new Map((forecast && forecast.calibrated ? forecast.milestones : [])
            .map(outlook => [outlook.milestoneId, outlook]));
        const bands = [];
        const baseline = element.dataset.baseline || null;
        const byId = new Map(lines.milestones.map(line => [line.milestoneId, line]));
        const milestones = plan.milestones.slice().reverse();
        const names = milestones.map(m => (m.critical ? '◆ ' : '') + m.name);
        const bars = [];
        const ghosts = [];
        const forecasts = [];
        const reached = [];
        const rows = document.getElementById('timeline-rows');
        rows.replaceChildren();
        milestones.forEach((m, index) => {
            const start = time(m.startBy);
            const due = time(m.due);
            bars.push({value: [index, start, due], itemStyle: {color: m.critical ? CRITICAL : ACCENT},
                name: m.name, critical: m.critical});
            const line = byId.get(m.milestoneId);
            const baselineDue = baseline && line && line.baselineDue ? line.baselineDue[baseline] : null;
            if (baselineDue) {
                ghosts.push({value: [index, time(baselineDue) - (due - start), time(baselineDue)], name: m.name});
            }
            if (m.reachedOn) {
                reached.push({value: [time(m.reachedOn), index], name: m.name});
            } else if (m.forecast) {
                forecasts.push({value: [time(m.forecast), index], name: m.name});
            }
            const outlook = m.reachedOn ? null : outlooks.get(m.milestoneId);
            if (outlook) {
                bands.push({value: [index, time(outlook.finish.p50), time(outlook.finish.p95) + DAY], name: m.name});
            }
            tableRow(rows, m.name, [m.critical ? 'yes' : 'no', m.startBy, m.due, m.forecast,
                outlook ? outlook.finish.p50 + ' – ' + outlook.finish.p95 : null, m.reachedOn, baselineDue]);
        });
        const bar = (api, color, ghost) => {
            const y = api.value(0);
            const from = api.coord([api.value(1), y]);
            const to = api.coord([api.value(2), y]);
            const height = api.size([0, 1])[1] * (ghost ? 0.62 : 0.42);
            return {
                type: 'rect',
                shape: {x: from[0], y: from[1] - height / 2, width: Math.max(to[0] - from[0], 2), height},
                style: ghost ? {fill: 'rgba(120,130,140,0.12)', stroke: '#6b7785', lineDash: [4, 3], lineWidth: 1}
                    : api.style()
            };
        };
        const band = api => {
            const y = api.value(0);
            const from = api.coord([api.value(1), y]);
            const to = api.coord([api.value(2), y]);
            const height = api.size([0, 1])[1] * 0.7;
            return {type: 'rect', shape: {x: from[0], y: from[1] - height / 2, width: Math.max(to[0] - from[0], 2),
                height}, style: {fill: BAND}};
        };
        const chart = echarts.init(element, null, {renderer: 'canvas'});
        const series = [];
        if (ghosts.length) {
            series.push({type: 'custom', name: 'Baseline "' + baseline + '"', renderItem: (p, api) => bar(api, null, true),
                encode: {x: [1, 2], y: 0}, data: ghosts, itemStyle: {color: '#b8c0c9'}, z: 1});
        }
        series.push({
            type: 'custom', name: 'Start-by to due', renderItem: (p, api) => bar(api, null, false),
            encode: {x: [1, 2], y: 0}, data: bars, itemStyle: {color: ACCENT}, z: 2,
            markLine: {
                symbol: 'none', silent: true,
                data: [
                    {xAxis: time(plan.asOf), lineStyle: {color: INK, type: 'solid', width: 2},
                        label: {formatter: 'today ' + plan.asOf, position: 'start'}},
                    {xAxis: time(plan.targetDate), lineStyle: {color: GOOD, type: 'dashed', width: 2},
                        label: {formatter: 'target ' + plan.targetDate, position: 'start'}}
                ]
            }
        });
        if (bands.length) {
            series.push({type: 'custom', name: 'Calibrated P50–P95', renderItem: (p, api) => band(api),
                encode: {x: [1, 2], y: 0}, data: bands, itemStyle: {color: BAND}, z: 2,
                markArea: {silent: true, itemStyle: {color: 'rgba(164,22,26,0.06)'},
                    label: {position: 'insideTop', color: LATE, formatter: 'goal P50–P95'},
                    data: [[{xAxis: time(forecast.goal.p50)}, {xAxis: time(forecast.goal.p95) + DAY}]]}});
        }
        series.push({type: 'scatter', name: 'Forecast', symbol: 'diamond', symbolSize: 13, data: forecasts,
            itemStyle: {color: '#fff', borderColor: LATE, borderWidth: 2}, z: 3});
        series.push({type: 'scatter', name: 'Reached', symbol: 'circle', symbolSize: 11, data: reached,
            itemStyle: {color: GOOD}, z: 3});
        chart.setOption({
            animation: false,
            grid: {left: 260, right: 110, top: 64, bottom: 50},
            legend: {top: 8},
            tooltip: {trigger: 'item', formatter: item => {
                    const v = item.value;
                    return item.seriesType === 'custom'
                        ? item.seriesName + '<br>' + echarts.format.encodeHTML(item.name) + ': ' + iso(v[1]) + ' → ' + iso(v[2])
                        : item.seriesName + ' · ' + echarts.format.encodeHTML(item.name) + ': ' + iso(v[0]);
                }},
            xAxis: dateAxis('date'),
            yAxis: {type: 'category', data: names, inverse: true, axisLabel: {width: 240, overflow: 'truncate'}},
            series
        });
        element.dataset.bars = String(bars.length);
        element.dataset.ghosts = String(ghosts.length);
        element.dataset.bands = String(bands.length);
        const note = document.getElementById('forecast-note');
        if (note && forecast) {
            note.textContent = forecast.calibrated
                ? 'Shaded: where ' + forecast.runs + ' simulated runs put each milestone and the goal between their P50 '
                    + 'and P95, drawing duration ratios from ' + forecast.referenceClass.size + ' reference milestones'
                    + (forecast.referenceClass.portfolio ? ' of portfolio ' + forecast.referenceClass.portfolio : '')
                    + '; the goal is met by its target in ' + Math.round(forecast.probabilityOfMeetingTarget * 100)
                    + ' % of them.'
                : 'No calibrated band: ' + forecast.notCalibratedBecause + '.';
        }
        window.addEventListener('resize', () => chart.resize());
    }

    /** One line per milestone and one for the goal: the planned date held until it moved, ending on the diagonal. */
    async function trend(element) {
        const data = await getJson(element.dataset.trendUrl);
        const lines = data.milestones.concat([data.goal]);
        const end = time(data.to);
        const start = time(data.from);
        const showForecasts = document.getElementById('show-forecasts');
        const rows = document.getElementById('trend-rows');
        rows.replaceChildren();
        let low = start;
        let high = end;
        const planned = lines.map(line => {
            const points = [];
            const last = line.reachedOn ? time(line.reachedOn) : end;
            line.planned.filter(plan => time(plan.recordedOn) <= last).forEach((plan, index) => {
                const at = time(plan.recordedOn);
                if (index > 0) {
                    points.push([at, points[points.length - 1][1]]);
                }
                points.push([at, time(plan.date)]);
            });
            if (points.length) {
                points.push([last, points[points.length - 1][1]]);
                if (line.reachedOn) {
                    points.push([last, last]);
                }
            }
            points.forEach(point => {
                low = Math.min(low, point[1]);
                high = Math.max(high, point[1]);
            });
            tableRow(rows, line.name, [line.planned.map(p => p.recordedOn + ': ' + p.date).join('; '), line.reachedOn]);
            return {
                type: 'line', name: line.name, data: points, showSymbol: true, symbolSize: 6,
                lineStyle: {width: line.milestoneId ? 2 : 3.5, color: line.milestoneId ? undefined : INK},
                itemStyle: line.milestoneId ? undefined : {color: INK},
                endLabel: {show: true, formatter: line.name, width: 180, overflow: 'truncate',
                    offset: line.milestoneId ? [0, 0] : [0, 12], fontWeight: line.milestoneId ? 'normal' : 'bold'},
                labelLayout: {moveOverlap: 'shiftY'}, z: 3
            };
        });
        const forecasts = lines.map(line => ({
            type: 'line', name: line.name + ' (forecast)', showSymbol: false,
            data: line.forecasts.map(f => [time(f.on), time(f.forecast)]),
            lineStyle: {type: 'dashed', width: 1}, z: 2
        }));
        const diagonal = {type: 'line', name: 'Report date = due date', data: [[low, low], [high, high]],
            showSymbol: false, lineStyle: {color: '#9aa5b1', type: 'dotted', width: 1.5}, silent: true, z: 1};
        const chart = echarts.init(element, null, {renderer: 'canvas'});
        const draw = () => chart.setOption({
            animation: false,
            grid: {left: 90, right: 210, top: 30, bottom: 60},
            tooltip: {trigger: 'item', formatter: item => echarts.format.encodeHTML(item.seriesName) + '<br>reported '
                    + iso(item.value[0]) + ': due ' + iso(item.value[1])},
            legend: {show: false},
            xAxis: dateAxis('report date', {min: start, max: end}),
            yAxis: dateAxis('due date', {nameGap: 70, min: low - 7 * DAY, max: high + 7 * DAY}),
            series: [diagonal].concat(planned, showForecasts.checked ? forecasts : [])
        }, {notMerge: true});
        draw();
        showForecasts.addEventListener('change', draw);
        element.dataset.lines = String(planned.length);
        window.addEventListener('resize', () => chart.resize());
    }

    function moves(element) {
        const rows = Array.from(document.querySelectorAll('#moves-table tbody tr'));
        const chart = echarts.init(element, null, {renderer: 'canvas'});
        chart.setOption({
            animation: false,
            grid: {left: 120, right: 40, top: 40, bottom: 40},
            legend: {top: 5},
            tooltip: {trigger: 'axis'},
            xAxis: {type: 'value', name: 'count / days'},
            yAxis: {type: 'category', data: rows.map(row => row.dataset.reason), inverse: true},
            series: [
                {type: 'bar', name: 'moves', data: rows.map(row => Number(row.dataset.count)), itemStyle: {color: ACCENT},
                    label: {show: true, position: 'right'}},
                {type: 'bar', name: 'days moved', data: rows.map(row => Number(row.dataset.days)),
                    itemStyle: {color: CRITICAL, decal: {symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: 0.8}},
                    label: {show: true, position: 'right'}}
            ],
            aria: {enabled: true, decal: {show: true}}
        });
        window.addEventListener('resize', () => chart.resize());
    }

    const timelineChart = document.getElementById('timeline-chart');
    if (timelineChart) {
        timeline(timelineChart).then(() => timelineChart.dataset.drawn = 'true', error => failed(timelineChart, error));
    }
    const trendChart = document.getElementById('trend-chart');
    if (trendChart) {
        trend(trendChart).then(() => trendChart.dataset.drawn = 'true', error => failed(trendChart, error));
    }
    const movesChart = document.getElementById('moves-chart');
    if (movesChart) {
        moves(movesChart);
        movesChart.dataset.drawn = 'true';
    }
})();
