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

export default {
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // Swedish dates: ISO dates (2026-11-23 14:05) in lists, written out in details;
  // month and day names come from the "sv" locale's dateLocales (locales/sv.json)
  dateFormat: {
    abbr: 'D MMM YYYY HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'dddd D MMMM YYYY [kl.] HH:mm',
    short: 'YYYY-MM-DD'
  },

  // Swedish whatever the browser's language: Tasklist picks the browser's first language only if
  // it is listed here, so "en" is deliberately not listed (en-US/en-GB browsers would get English).
  locales: {
    availableLocales: ['sv'],
    fallbackLocale: 'sv'
  },

  // Swedish dates, form-js texts and error notices, and the dynamic-list fix for "Slutför"
  // (scripts/avhoppare-svenska.js); the case reference on every task card (scripts/arende-referens.js)
  customScripts: ['scripts/avhoppare-svenska', 'scripts/arende-referens'],

  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'tar den valda uppgiften'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'flyttar markören till det första filtret i listan'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'flyttar markören till den första uppgiften i listan'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'flyttar markören till det första fältet i uppgiftens formulär'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'öppnar dialogen för att starta en process'
    }
  }
};
