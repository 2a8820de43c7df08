using System.Text;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator;

/// <summary>
/// The size of the data an entity carries, as the bench reports bytes read and written per signup: text as
/// its UTF-8 bytes, a lookup or id as 16, numbers and dates at their storage width, each column's name once.
/// Not the wire size (the platform's serialisation is not documented and adds a constant per column); it
/// grows exactly when the data grows, which is what "bounded per signup" is about.
/// </summary>
public static class PayloadSize
{
    public static long Of(Entity? entity)
    {
        if (entity == null) return 0;
        long size = 16; // the row's id
        foreach (var (column, value) in entity.Attributes) size += column.Length + Of(value);
        return size;
    }

    public static long Of(object? value) => value switch
    {
        null => 0,
        string s => Encoding.UTF8.GetByteCount(s),
        Entity e => Of(e),
        EntityReference => 16,
        Guid => 16,
        OptionSetValue or int or float => 4,
        Money or decimal or double or long or DateTime => 8,
        bool => 1,
        AliasedValue a => Of(a.Value),
        EntityCollection c => OfAll(c.Entities),
        EntityReferenceCollection rc => 16L * rc.Count,
        byte[] bytes => bytes.Length,
        _ => 8,
    };

    /// <summary>Entities a request sends: its Target, or those of a CreateMultiple/UpdateMultiple collection.</summary>
    public static long Sent(OrganizationRequest? request) => request == null ? 0 : OfEntities(request.Parameters);

    /// <summary>Entities a response hands back (Retrieve's Entity, RetrieveMultiple's EntityCollection).</summary>
    public static long Received(OrganizationResponse? response) => response == null ? 0 : OfEntities(response.Results);

    public static long Of(EntityImageCollection images)
    {
        long size = 0;
        foreach (var pair in images) size += Of(pair.Value);
        return size;
    }

    // Loops rather than LINQ sums: every service call a step makes is measured.
    private static long OfEntities(ParameterCollection parameters)
    {
        long size = 0;
        foreach (var pair in parameters)
            if (pair.Value is Entity or EntityCollection) size += Of(pair.Value);
        return size;
    }

    private static long OfAll(DataCollection<Entity> entities)
    {
        long size = 0;
        for (var i = 0; i < entities.Count; i++) size += Of(entities[i]);
        return size;
    }
}
