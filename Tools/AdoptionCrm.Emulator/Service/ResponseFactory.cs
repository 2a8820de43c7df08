using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Service;

/// <summary>
/// Builds the response for a message. When the SDK defines the typed wrapper (CreateResponse,
/// WhoAmIResponse...) it is used, so callers can cast as with Dataverse; the data always lives in
/// Results, which is where the wrappers read it from.
/// </summary>
internal static class ResponseFactory
{
    private static readonly string[] Namespaces = { "Microsoft.Xrm.Sdk.Messages.", "Microsoft.Crm.Sdk.Messages." };

    public static OrganizationResponse Create(string requestName, params (string Key, object? Value)[] results)
    {
        var response = Instantiate(requestName + "Response") ?? new OrganizationResponse();
        response.ResponseName = requestName;
        foreach (var (key, value) in results) response.Results[key] = value;
        return response;
    }

    private static OrganizationResponse? Instantiate(string typeName)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var name = assembly.GetName().Name;
            if (name is not ("Microsoft.Xrm.Sdk" or "Microsoft.Crm.Sdk.Proxy")) continue;
            foreach (var ns in Namespaces)
                if (assembly.GetType(ns + typeName) is Type type && typeof(OrganizationResponse).IsAssignableFrom(type))
                    return (OrganizationResponse?)Activator.CreateInstance(type);
        }
        return null;
    }
}
