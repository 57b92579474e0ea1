// Marketing center: Tasklist's task cards say "a few seconds ago" through angular-moment, whose moment
// never gets the Chinese date texts the locale file carries (only the other date filters do). Once
// Tasklist speaks Chinese, the same texts (zh.json's dateLocales) are given to angular-moment too.
define(['angular'], function (angular) {
  'use strict';
  var ngModule = angular.module('marketing.dates', []);
  ngModule.run(['$rootScope', '$http', '$translate', 'moment', 'amMoment', function ($rootScope, $http, $translate, moment, amMoment) {
    function apply(language) {
      if (language !== 'zh') {
        return;
      }
      $http.get('../locales/zh.json', { cache: true }).then(function (response) {
        var texts = response.data && response.data.dateLocales;
        if (!texts) {
          return;
        }
        if (moment.locales().indexOf('zh') === -1) {
          moment.defineLocale('zh', texts);
        } else {
          moment.updateLocale('zh', texts);
        }
        amMoment.changeLocale('zh');
      });
    }
    $rootScope.$on('$translateChangeSuccess', function (event, data) {
      apply(data && data.language);
    });
    apply($translate.use());
  }]);
  return ngModule;
});
