using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Tests.CustomApis;

/// <summary>test_Ping's main operation (a function): Pong = true, At = when the operation was created.</summary>
public sealed class PingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        context.OutputParameters["Pong"] = true;
        context.OutputParameters["At"] = context.OperationCreatedOn;
    }
}
