using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Pipeline;

/// <summary>The IServiceProvider handed to IPlugin.Execute: context, tracing and a factory for nested calls.</summary>
internal sealed class PluginServiceProvider : IServiceProvider, IOrganizationServiceFactory
{
    private readonly EmulatedOrganization _org;
    private readonly EmulatedPluginContext _context;

    public PluginServiceProvider(EmulatedOrganization org, EmulatedPluginContext context, CapturingTracingService tracing)
    {
        _org = org;
        _context = context;
        Tracing = tracing;
    }

    public CapturingTracingService Tracing { get; }

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext)) return _context;
        if (serviceType == typeof(ITracingService)) return Tracing;
        if (serviceType == typeof(IOrganizationServiceFactory)) return this;
        return null;
    }

    /// <summary>null = SYSTEM; Guid.Empty = the step's UserId; anything else = that user. Calls nest under this step.</summary>
    public IOrganizationService CreateOrganizationService(Guid? userId)
    {
        var user = userId == null ? _org.SystemUserId : userId == Guid.Empty ? _context.UserId : userId.Value;
        return new Service.OrganizationService(_org, user, _context.InitiatingUserId, _context);
    }
}
