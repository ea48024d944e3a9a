/*
 * How the page scripts talk to the API. Every answer's body is read to its end, refusals included: a browser counts
 * a request whose body nobody reads as still loading, so the page would never finish. A refusal is told in the words
 * of its problem document.
 */
(() => {
    'use strict';

    /** The answer and its body as JSON, or null when the body is empty or not JSON. */
    async function request(url, options) {
        const settings = Object.assign({credentials: 'same-origin'}, options);
        settings.headers = Object.assign({'Accept': 'application/json'}, settings.headers);
        const response = await fetch(url, settings);
        const text = await response.text();
        let json = null;
        try {
            json = text ? JSON.parse(text) : null;
        } catch (notJson) {
            json = null;
        }
        return {response, json};
    }

    /** What a refusal says: its problem's detail, else its title, else its status. */
    function problem(response, json) {
        return (json && (json.detail || json.title))
            || ('The server answered ' + response.status + (response.statusText ? ' ' + response.statusText : ''));
    }

    /** The JSON a GET answers; a refusal becomes an error carrying the problem's detail. */
    async function getJson(url) {
        const {response, json} = await request(url);
        if (!response.ok) {
            throw new Error(problem(response, json));
        }
        return json;
    }

    window.Http = {request, problem, getJson};
})();
