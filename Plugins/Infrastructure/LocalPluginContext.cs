using System;
using System.Runtime.CompilerServices;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Infrastructure
{
    /// <summary>Per-execution services, built afresh for every Execute call (plugins hold no state).</summary>
    public sealed class LocalPluginContext : ILocalPluginContext
    {
        private IOrganizationService _pluginUserService;
        private IOrganizationService _initiatingUserService;
        private IOrganizationService _systemUserService;

        public LocalPluginContext(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null) throw new InvalidPluginExecutionException("serviceProvider");
            ServiceProvider = serviceProvider;
            PluginExecutionContext = Resolve<IPluginExecutionContext>(serviceProvider);
            TracingService = new LocalTracingService(Resolve<ITracingService>(serviceProvider));
            OrgSvcFactory = Resolve<IOrganizationServiceFactory>(serviceProvider);
        }

        public IServiceProvider ServiceProvider { get; private set; }
        public IPluginExecutionContext PluginExecutionContext { get; private set; }
        public ITracingService TracingService { get; private set; }
        public IOrganizationServiceFactory OrgSvcFactory { get; private set; }

        // Services are created on first use: many executions return early and never need one.
        public IOrganizationService PluginUserService
        {
            get { return _pluginUserService ?? (_pluginUserService = OrgSvcFactory.CreateOrganizationService(PluginExecutionContext.UserId)); }
        }

        public IOrganizationService InitiatingUserService
        {
            get { return _initiatingUserService ?? (_initiatingUserService = OrgSvcFactory.CreateOrganizationService(PluginExecutionContext.InitiatingUserId)); }
        }

        public IOrganizationService SystemUserService
        {
            get { return _systemUserService ?? (_systemUserService = OrgSvcFactory.CreateOrganizationService(null)); }
        }

        public void Trace(string message, [CallerMemberName] string method = null)
        {
            if (string.IsNullOrWhiteSpace(message)) return;
            TracingService.Trace(method == null ? message : "[" + method + "] " + message);
        }

        private static T Resolve<T>(IServiceProvider serviceProvider) where T : class
        {
            var service = serviceProvider.GetService(typeof(T)) as T;
            if (service == null)
                throw new InvalidPluginExecutionException("The service provider did not supply " + typeof(T).Name + ".");
            return service;
        }
    }
}
