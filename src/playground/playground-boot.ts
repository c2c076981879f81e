/**
 * The page's own script, served as a file next to GraphiQL so the Content-Security-Policy
 * needs no inline script. It must run before GraphiQL's bundle: Monaco (GraphiQL's editor)
 * reads `MonacoEnvironment` when it loads and starts its language workers from the URLs
 * given here, which are files of this server, not blob: or CDN URLs.
 *
 * The page holds a JSON data block (`#playground-options`): `options` for Yoga's
 * GraphiQL and the `examples`. On a browser's first visit the examples are written into
 * GraphiQL's own tab storage before it starts, as if the user had left them there:
 * GraphiQL 5 started from `defaultTabs` alone leaves the first tab's variables pane
 * empty, adds a duplicate tab on the next reload, and leaves its tabs with stale drag
 * offsets that make a click on a tab miss. A returning user keeps their own tabs.
 *
 * `onEditQuery` is replaced because Yoga's default writes every edit into `?query=` of
 * the address bar, and a reload of `/graphql?query=…` is a GraphQL request, not the
 * playground.
 */
export const BOOT_SCRIPT = `(function () {
  'use strict';
  var base = document.currentScript.src.replace(/[^/]*$/, '');
  var workers = {
    editorWorkerService: base + 'editor.worker.js',
    json: base + 'json.worker.js',
    graphql: base + 'graphql.worker.js'
  };
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (moduleId, label) { return workers[label] || workers.editorWorkerService; }
  };

  function seedTabs(examples) {
    try {
      if (!examples.length || localStorage.getItem('graphiql:tabState') !== null) return;
      localStorage.setItem('graphiql:tabState', JSON.stringify({
        activeTabIndex: 0,
        tabs: examples.map(function (example, i) {
          return {
            id: 'example-' + i, hash: null, title: example.name, operationName: example.name,
            query: example.query, variables: example.variables, headers: null, response: null
          };
        })
      }));
      localStorage.setItem('graphiql:query', examples[0].query);
      localStorage.setItem('graphiql:variables', examples[0].variables);
    } catch (e) {
      // No localStorage (private mode, disabled): GraphiQL falls back to defaultTabs.
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var page = JSON.parse(document.getElementById('playground-options').textContent);
    var options = page.options;
    options.defaultTabs = page.examples.map(function (example) {
      return { query: example.query, variables: example.variables };
    });
    options.onEditQuery = function () {};
    // Yoga takes \`?query=\` from the address bar itself; \`?variables=\` (the statistics page's
    // links send both) is taken here.
    var linked = new URLSearchParams(location.search);
    if (linked.get('query') && linked.get('variables')) options.variables = linked.get('variables');
    seedTabs(page.examples);
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
  });
})();
`;
