using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Query;

/// <summary>Copies the mutable SDK value types so a caller can never change a stored row through a result.</summary>
public static class ValueCopier
{
    public static object? Copy(object? value) => value switch
    {
        OptionSetValue option => new OptionSetValue(option.Value),
        Money money => new Money(money.Value),
        EntityReference reference => new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name },
        byte[] bytes => (byte[])bytes.Clone(),
        _ => value,
    };
}
