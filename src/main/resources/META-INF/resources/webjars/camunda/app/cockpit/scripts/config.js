export default {
  // the managers' overview on the dashboard (scripts/oversikt/plugin.js)
  customScripts: ['scripts/oversikt/plugin'],
};
