/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Cockpit for managers and process owners. Only what differs from Camunda's shipped defaults is set;
// the shipped file lists every option.
export default {
  // the managers' overview on the dashboard (scripts/oversikt/plugin.js)
  customScripts: ['scripts/oversikt/plugin'],

  // Swedish whatever the browser's language (see ../../tasklist/scripts/config.js): "en" is
  // deliberately not listed, so en-US/en-GB browsers get Swedish too.
  locales: {
    availableLocales: ['sv'],
    fallbackLocale: 'sv'
  },

  // No action is offered to a user who would be refused it: scripts/avhoppare-behorigheter.js asks
  // the engine which of Cockpit's actions the logged-in user may perform and removes the others
  // (managers read and retry failed jobs only).
  requireJsConfig: {
    ngDeps: ['avhoppare.behorigheter'],
    deps: ['avhoppare-behorigheter'],
    paths: {
      'avhoppare-behorigheter': 'scripts/avhoppare-behorigheter'
    }
  }
};
