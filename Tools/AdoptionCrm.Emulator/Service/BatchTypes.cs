using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Service;

/// <summary>
/// ExecuteMultiple's settings and result items. The SDK types (ExecuteMultipleSettings,
/// ExecuteMultipleResponseItem(Collection), OrganizationResponseCollection) are used when the SDK
/// surface has them; until then the same data is returned as a list of <see cref="BatchResponseItem"/>.
/// </summary>
internal static class BatchTypes
{
    public static bool Flag(object? settings, string property) =>
        settings?.GetType().GetProperty(property)?.GetValue(settings) is true;

    public static object ItemCollection(List<(int Index, OrganizationResponse? Response, OrganizationServiceFault? Fault)> items)
    {
        var itemType = SdkType("ExecuteMultipleResponseItem");
        var collectionType = SdkType("ExecuteMultipleResponseItemCollection");
        if (itemType == null || collectionType == null)
            return items.Select(i => new BatchResponseItem(i.Index, i.Response, i.Fault)).ToList();
        var collection = Activator.CreateInstance(collectionType)!;
        var add = collectionType.GetMethod("Add", new[] { itemType })!;
        foreach (var (index, response, fault) in items)
        {
            var item = Activator.CreateInstance(itemType)!;
            itemType.GetProperty("RequestIndex")!.SetValue(item, index);
            itemType.GetProperty("Response")!.SetValue(item, response);
            itemType.GetProperty("Fault")!.SetValue(item, fault);
            add.Invoke(collection, new[] { item });
        }
        return collection;
    }

    public static object ResponseCollection(List<OrganizationResponse> responses)
    {
        var type = SdkType("OrganizationResponseCollection");
        if (type == null) return responses;
        var collection = Activator.CreateInstance(type)!;
        var add = type.GetMethod("Add", new[] { typeof(OrganizationResponse) })!;
        foreach (var response in responses) add.Invoke(collection, new object[] { response });
        return collection;
    }

    private static Type? SdkType(string name) =>
        typeof(Entity).Assembly.GetType("Microsoft.Xrm.Sdk." + name) ?? typeof(Entity).Assembly.GetType("Microsoft.Xrm.Sdk.Messages." + name);
}

/// <summary>One ExecuteMultiple result while the SDK surface lacks ExecuteMultipleResponseItem.</summary>
public sealed record BatchResponseItem(int RequestIndex, OrganizationResponse? Response, OrganizationServiceFault? Fault);
