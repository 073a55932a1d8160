/* Material starts its search worker on every page load, and the worker downloads its search code (and, for
 * Spanish, the Spanish stemmer) before anyone searches: about 12 KB gzipped (17 KB in Spanish) that most
 * patients never use. This worker stands in for it: it answers "ready" at once and loads Material's own worker
 * the first time somebody searches, then hands it the messages. Material 9.8.2's messages: 0 set up (with the
 * index), 1 ready, 2 query, 3 result. It lives beside Material's worker, so the worker finds its languages in
 * ../lunr as usual. tests/test_search_on_demand.py searches in both languages. */
"use strict";
var MATERIAL_WORKER = "search.a7633da7.min.js";
var setUp = null;
var firstQuery = null;

self.onmessage = function (event) {
  if (event.data.type === 0) {  // the index: keep it, and say we are ready
    setUp = event.data;
    self.postMessage({type: 1});
    return;
  }
  if (event.data.type === 2 && !String(event.data.data || "").trim()) {  // the empty query sent once ready
    self.postMessage({type: 3, data: {items: []}});
    return;
  }
  // The first search: load Material's worker, give it the index, and when it is ready, the query.
  firstQuery = event.data;
  self.onmessage = null;
  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === 1 && firstQuery !== null) {  // Material's own "ready": now the query
      var query = firstQuery;
      firstQuery = null;
      self.dispatchEvent(new MessageEvent("message", {data: query}));
      return;
    }
    post(message);
  };
  importScripts(MATERIAL_WORKER);
  self.dispatchEvent(new MessageEvent("message", {data: setUp}));
};
