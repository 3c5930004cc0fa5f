/*
 * Cockpit offers no action the logged-in user would be refused.
 *
 * Cockpit shows every action to everyone and lets the engine refuse it afterwards, in English. Here the
 * engine is asked once per login which permissions the user holds (GET authorization/check, the user's
 * own authorizations, including their groups'), and then
 *  - the toolbar and table actions Cockpit's plugins provide are dropped for users without the
 *    permission (a decorator on Cockpit's plugin registry "Views"), and
 *  - actions built into the views (edit/delete a variable, change a task's assignee or groups, suspend
 *    or reschedule a job, migrate instances to the latest version) are hidden by styles/user-styles.css
 *    unless <body> carries "avh-far-<right>".
 * Until the engine has answered, nothing restricted is shown (fail closed); then the view is reloaded.
 *
 * The checks are made for all resources of a type (resource id "*"), which is how this service grants
 * them (organisation/RoleAuthorizations.java). The engine still checks every request: this only spares
 * users buttons that would fail.
 *
 * Loaded as an AMD module by requireJsConfig in config.js.
 */
define('avhoppare-behorigheter', ['angular'], function (angular) {
  'use strict';

  var PROCESS_DEFINITION = { type: 6, name: 'ProcessDefinition' };
  var TASK = { type: 7, name: 'Task' };
  var PROCESS_INSTANCE = { type: 8, name: 'ProcessInstance' };
  var DEPLOYMENT = { type: 9, name: 'Deployment' };

  function any(resource, permissions) {
    return permissions.map(function (permission) {
      return { resource: resource, permission: permission };
    });
  }

  /** What the user may do, each as alternatives: one granted permission is enough. */
  var RIGHTS = {
    avbrytaInstans: any(PROCESS_INSTANCE, ['DELETE']).concat(any(PROCESS_DEFINITION, ['DELETE_INSTANCE'])),
    pausaInstans: any(PROCESS_INSTANCE, ['SUSPEND', 'UPDATE'])
      .concat(any(PROCESS_DEFINITION, ['SUSPEND_INSTANCE', 'UPDATE_INSTANCE'])),
    andraVariabler: any(PROCESS_INSTANCE, ['UPDATE_VARIABLE', 'UPDATE'])
      .concat(any(PROCESS_DEFINITION, ['UPDATE_INSTANCE_VARIABLE', 'UPDATE_INSTANCE'])),
    forsokaIgen: any(PROCESS_INSTANCE, ['RETRY_JOB', 'UPDATE'])
      .concat(any(PROCESS_DEFINITION, ['RETRY_JOB', 'UPDATE_INSTANCE'])),
    andraJobb: any(PROCESS_INSTANCE, ['UPDATE']).concat(any(PROCESS_DEFINITION, ['UPDATE_INSTANCE'])),
    pausaDefinition: any(PROCESS_DEFINITION, ['SUSPEND', 'UPDATE']),
    andraDefinition: any(PROCESS_DEFINITION, ['UPDATE']),
    migrera: any(PROCESS_DEFINITION, ['MIGRATE_INSTANCE']),
    tilldelaUppgifter: any(TASK, ['TASK_ASSIGN', 'UPDATE']).concat(any(PROCESS_DEFINITION, ['TASK_ASSIGN', 'UPDATE_TASK'])),
    taBortDriftsattning: any(DEPLOYMENT, ['DELETE'])
  };

  /** Cockpit's plugin providers (component, then provider id) and the right each needs. */
  var PROVIDERS = {
    'cockpit.processInstance.runtime.action': {
      'cancel-process-instance-action': 'avbrytaInstans',
      'update-suspension-state-action': 'pausaInstans',
      'add-variable-action': 'andraVariabler'
    },
    'cockpit.processDefinition.runtime.action': {
      'update-suspension-state-action': 'pausaDefinition',
      'bulk-job-definition-override-job-priority-action': 'andraDefinition'
    },
    'cockpit.jobDefinition.action': {
      'update-suspension-state': 'pausaDefinition',
      'job-definition-override-job-priority-action': 'andraDefinition'
    },
    'cockpit.incident.action': {
      'increase-incident-job-retry': 'forsokaIgen',
      'increase-incident-external-task-retry': 'forsokaIgen'
    },
    'cockpit.repository.deployment.action': {
      'delete-deployment': 'taBortDriftsattning'
    }
  };

  var granted = {}; // right -> true, for the current user; empty until the engine has answered
  var checkedFor = null;

  var module = angular.module('avhoppare.behorigheter', []);

  module.config(['$provide', function ($provide) {
    $provide.decorator('Views', ['$delegate', function (Views) {
      var getProviders = Views.getProviders;
      Views.getProviders = function (options) {
        var providers = getProviders.apply(this, arguments);
        var rules = options && PROVIDERS[options.component];
        if (!rules || !Array.isArray(providers)) {
          return providers;
        }
        return providers.filter(function (provider) {
          var right = rules[provider.id];
          return !right || granted[right] === true;
        });
      };
      return Views;
    }]);
  }]);

  /*
   * Two tooltips Camunda wrote in English into its templates instead of using its own label keys: they
   * are shown with the label of the same text (our sv.json) instead.
   */
  var ENGLISH_TOOLTIPS = {
    'Toggle this section': 'DASHBOARD_TOGGLE_SECTION',
    'Suspended Job Definition': 'PLUGIN_JOBDEFINITION_TOOLTIP_SUSPENSION'
  };

  module.directive('uibTooltip', ['$translate', function ($translate) {
    return {
      restrict: 'A',
      priority: 1000, // before ui-bootstrap's own uibTooltip reads the attribute
      compile: function (element, attrs) {
        var key = ENGLISH_TOOLTIPS[attrs.uibTooltip];
        if (key) {
          attrs.$set('uibTooltip', $translate.instant(key));
        }
      }
    };
  }]);

  module.run(['$rootScope', '$http', '$q', '$route', '$document', 'Uri',
    function ($rootScope, $http, $q, $route, $document, Uri) {
      var body = angular.element($document[0].body);

      function showRights() {
        Object.keys(RIGHTS).forEach(function (right) {
          body.toggleClass('avh-far-' + right, granted[right] === true);
        });
        body.addClass('avh-behorigheter-klara');
      }

      function check(alternative) {
        return $http.get(Uri.appUri('engine://engine/:engine/authorization/check'), {
          params: {
            permissionName: alternative.permission,
            resourceName: alternative.resource.name,
            resourceType: alternative.resource.type,
            resourceId: '*'
          }
        }).then(function (response) {
          return response.data && response.data.authorized === true;
        }, function () {
          return false; // an unknown permission or a failed check grants nothing
        });
      }

      function load(userId) {
        checkedFor = userId;
        granted = {};
        showRights();
        body.removeClass('avh-behorigheter-klara');
        if (!userId) {
          return;
        }
        var rights = Object.keys(RIGHTS);
        $q.all(rights.map(function (right) {
          return $q.all(RIGHTS[right].map(check)).then(function (answers) {
            return answers.indexOf(true) !== -1;
          });
        })).then(function (answers) {
          if (checkedFor !== userId) {
            return; // another user logged in meanwhile
          }
          rights.forEach(function (right, i) {
            granted[right] = answers[i];
          });
          showRights();
          // views built before the answer came left every restricted action out: build them again
          if (rights.some(function (right) { return granted[right]; }) && $route.current) {
            $route.reload();
          }
        });
      }

      $rootScope.$watch(function () {
        var authentication = $rootScope.authentication;
        return authentication ? authentication.name : null;
      }, function (userId) {
        if (userId !== checkedFor) {
          load(userId);
        }
      });
    }]);

  return module;
});
