using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Tests.CustomApis;

/// <summary>
/// test_Echo's main operation: writes a task named for Text (so a rollback shows), then answers Echoed
/// (Text × Times) and Length. Text "fail" throws after the write; "undeclared"/"mistyped" misbehave on output.
/// </summary>
public sealed class EchoPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        var text = (string)context.InputParameters["Text"];
        var times = context.InputParameters.TryGetValue("Times", out var t) && t is int n ? n : 1;
        factory.CreateOrganizationService(null).Create(new Entity("task") { ["subject"] = text });
        if (text == "fail") throw new InvalidPluginExecutionException(OperationStatus.Failed, 4242, "echo refused");
        var echoed = string.Concat(Enumerable.Repeat(text, times));
        context.OutputParameters["Echoed"] = echoed;
        context.OutputParameters["Length"] = text == "mistyped" ? (object)"long" : echoed.Length;
        if (text == "undeclared") context.OutputParameters["Extra"] = 1;
    }
}
