using System;
using System.Runtime.CompilerServices;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Infrastructure
{
    /// <summary>What a plugin's ExecuteDataversePlugin gets: the context and the services built for this execution.</summary>
    public interface ILocalPluginContext
    {
        IServiceProvider ServiceProvider { get; }
        IPluginExecutionContext PluginExecutionContext { get; }
        ITracingService TracingService { get; }
        IOrganizationServiceFactory OrgSvcFactory { get; }

        /// <summary>Service running as the step's user (impersonated user or the caller).</summary>
        IOrganizationService PluginUserService { get; }

        /// <summary>Service running as the user who started the operation.</summary>
        IOrganizationService InitiatingUserService { get; }

        /// <summary>Service running as SYSTEM (CreateOrganizationService(null)).</summary>
        IOrganizationService SystemUserService { get; }

        void Trace(string message, [CallerMemberName] string method = null);
    }
}
